//! What an import found wrong (or left out) at a row of the table, as a value with the names
//! and figures involved; `crate::lang::import` says it in Chinese or English.

use rust_decimal::Decimal;

use crate::diagnostic::Diagnostic;
use crate::scoring::ScoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// 加分项 / 扣分项 rows: not imported.
    AdjustmentRows {
        label: String,
    },
    /// A level cell left blank ("same as above") with nothing matching above it; `header` is the
    /// column's name (一级指标 …), `above` the path of the row above when it has one.
    BlankLevel {
        header: String,
        above: Option<String>,
    },
    NoIndicatorName,
    /// An indicator's rows are not together.
    RowsApart {
        path: String,
        row: usize,
    },
    NoIndicators,
    NoWeight {
        header: String,
        name: String,
    },
    ChildrenDontAdd {
        name: String,
        weight: Decimal,
        children: usize,
        sum: Decimal,
        first_row: usize,
        last_row: usize,
    },
    /// The 合计 row's 分值 is not the level-1 sum.
    TotalRow {
        total: Decimal,
        sum: Decimal,
    },
    /// `--total` is not the level-1 sum.
    TotalOption {
        total: Decimal,
        sum: Decimal,
    },
    CodeTwice {
        code: String,
        other: String,
        row: usize,
    },
    NegativeWeight {
        text: String,
    },
    WeightDiffers {
        name: String,
        weight: Decimal,
        before: Decimal,
        row: usize,
    },
    /// The spreadsheet formats the 分值 cell as a date or time.
    WeightIsDate {
        cell: String,
        text: String,
    },
    WeightNotNumber {
        cell: String,
        text: String,
    },
    /// The rules sheet's 计分规则 or 录入数据 of an indicator does not load.
    SideRuleUnreadable {
        sheet: String,
        name: String,
        problem: Box<Diagnostic>,
    },
    RuleUnreadable {
        name: String,
        problem: Box<Diagnostic>,
    },
    /// The rule read from 评分标准 cannot give the recorded 得分: kept as text.
    RuleCannotScore {
        code: String,
        name: String,
        rule: String,
        error: ScoreError,
    },
    ScoreNotNumber {
        name: String,
        text: String,
    },
    ScoreOutside {
        name: String,
        score: Decimal,
        weight: Decimal,
    },
}

/// Why a table could not be imported at all: the file, its encoding, its header, the `--col`
/// given. `crate::lang::import` says it; `Display` is the English.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// The file cannot be read (the system's reason kept).
    CannotRead {
        kind: std::io::ErrorKind,
        detail: String,
        refusal: Option<crate::store::reading::ReadRefusal>,
    },
    BomNotUtf8,
    NotUtf16,
    NotUtf8NorGbk,
    UnclosedQuote {
        row: usize,
        column: usize,
        cell: String,
    },
    /// The workbook library's own words.
    Workbook {
        detail: String,
    },
    Sheet {
        name: String,
        detail: String,
    },
    /// A zip that would inflate past the limit (in MiB); `total` when counted so far.
    Inflates {
        limit: u64,
        total: Option<u64>,
    },
    Damaged,
    NoSheet {
        name: String,
        sheets: Vec<String>,
    },
    TwoColumns {
        header: String,
    },
    LevelMissing {
        present: String,
        missing: String,
    },
    RepeatedLeft {
        column: String,
    },
    SameAfter {
        header: String,
    },
    /// A header problem at a row of the table.
    AtRow {
        row: usize,
        problem: Box<FileProblem>,
    },
    /// No header row: what the first row reads, when there is one.
    NoTable {
        first_row: Option<String>,
    },
    ColumnNotAssignment {
        text: String,
    },
    ColumnUnknownField {
        text: String,
        field: String,
    },
    ColumnEmptyHeader {
        text: String,
    },
    /// What jixiao wrote does not load or check: a bug here, not in the table.
    Internal {
        detail: String,
    },
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::import::file_problem(
            self,
            crate::lang::Lang::En,
        ))
    }
}
