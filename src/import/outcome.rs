//! What an import is asked to do and what it says back: the caller's options, problems at a row,
//! the rules sheet beside the table, and the tree built.

use std::collections::HashMap;

use rust_decimal::Decimal;

pub use super::finding::Finding;
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::model::Project;

/// A problem, at a row of the table when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct RowMessage {
    pub row: Option<usize>,
    pub error: bool,
    pub finding: Finding,
}

impl RowMessage {
    pub(super) fn error(row: usize, finding: Finding) -> Self {
        RowMessage {
            row: Some(row),
            error: true,
            finding,
        }
    }

    pub(super) fn warning(row: usize, finding: Finding) -> Self {
        RowMessage {
            row: Some(row),
            error: false,
            finding,
        }
    }

    /// Of the table as a whole (no row).
    pub(super) fn of_table(error: bool, finding: Finding) -> Self {
        RowMessage {
            row: None,
            error,
            finding,
        }
    }

    /// What was found, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        crate::lang::import::finding(&self.finding, lang)
    }

    /// `FILE:ROW: error: …` in English.
    pub fn display(&self, file: &str) -> String {
        self.display_in(file, Lang::En)
    }

    /// `FILE:ROW: error: …` / `FILE:ROW: 错误：…` in `lang`.
    pub fn display_in(&self, file: &str, lang: Lang) -> String {
        let severity = if self.error {
            Severity::Error
        } else {
            Severity::Warning
        };
        let head = crate::lang::diagnostic::severity(severity, lang);
        let text = self.text(lang);
        match self.row {
            Some(r) => format!("{file}:{r}: {head}{text}"),
            None => format!("{file}: {head}{text}"),
        }
    }
}

/// What the caller decides rather than the table.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: String,
    pub name: String,
    /// The total the level-1 weights must add up to; their sum when not given.
    pub total: Option<Decimal>,
    /// Import 得分 / 扣分原因 / 评分说明 as what the evaluators recorded (a project), not only
    /// the framework.
    pub project: bool,
    /// The language of the comments written into the TOML (the UI language, as for what
    /// `jixiao import` says on screen).
    pub lang: crate::lang::Lang,
}

/// A row of a 计分规则 sheet beside the table (what the xlsx export writes so its rules and
/// 目标值 come back): the leaf's 目标值 and its rule as inline TOML (empty = the default).
#[derive(Debug, Clone, Default)]
pub struct SideRow {
    pub target: String,
    pub rule: String,
    /// What the rule reads (inputs, tier, checks) as TOML lines.
    pub record: String,
    pub row: usize,
}

/// A node as the 计分规则 sheet lists it (every node, in tree order, since the export writes
/// 印制编码): its key, the code the tables print (empty: none) and its name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideNode {
    pub key: String,
    pub printed: String,
    pub name: String,
}

/// The 计分规则 sheet by code.
#[derive(Debug, Clone, Default)]
pub struct Sidecar {
    pub by_code: HashMap<String, SideRow>,
    /// Every node in tree order, when the sheet has a 印制编码 column (exports before it list
    /// leaves only, without it).
    pub nodes: Vec<SideNode>,
}

/// The tree built, and what the importer says about it.
#[derive(Debug, Clone)]
pub struct Built {
    pub project: Project,
    pub warnings: Vec<RowMessage>,
    /// Leaves whose rule was read from their 评分标准 text: code and the phrase that read it.
    pub rules_read: Vec<(String, &'static str)>,
    /// Leaves with 评分标准 text no phrase recognises (they keep the default deductions rule).
    pub rules_unread: Vec<String>,
    /// Where the table ends (the 合计 row or the last row read), as an index into the rows.
    pub end: usize,
}
