use rust_decimal::Decimal;

use super::{Assessment, Rule};

/// A further figure a report prints for a node, and where it prints it (表4-3, 报告正文 …):
/// reports print a node's score in a table and again in the prose, sometimes differently, or
/// print a weight that is not its children's sum. Kept only to be checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub figure: StatedFigure,
    pub value: Decimal,
    /// Where the report prints it ("表4-2", "报告正文"); may be empty.
    pub source: String,
}

/// Which figure of a node a report prints: its 得分 or its 分值.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedFigure {
    Score,
    Weight,
}

/// One node of the indicator tree (一级/二级/三级指标 …), with its rule and, on a leaf, what
/// the evaluators recorded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Indicator {
    /// The key: what `set`, `explain`, edits and merging address.
    pub code: String,
    /// The code the report prints when it is not the key (`shown = "（一）"`), or none at all
    /// (`shown = ""`): exports, explanations and the tree print this instead.
    pub shown: Option<String>,
    pub name: String,
    pub parent: Option<String>,
    /// 分值: the points this node is worth.
    pub weight: Decimal,
    /// 指标解释.
    pub explanation: String,
    /// 评价要点 / 评分标准, one entry per checkpoint or sentence.
    pub criteria: Vec<String>,
    pub formula: String,
    /// 目标值 / 指标值.
    pub target: String,
    /// 数据来源.
    pub source: String,
    /// The score the report prints for this node, kept only to be checked.
    pub stated: Option<Decimal>,
    /// Further figures the report prints for this node, each with its source
    /// (`stated = [{ score = …, source = "…" }, { weight = …, source = "…" }]`).
    pub stated_also: Vec<Stated>,
    pub rule: Rule,
    pub assessment: Assessment,
}

impl Indicator {
    /// The code a reader sees: `shown` when the report prints another one (or none), else the key.
    pub fn display_code(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.code)
    }

    /// The label, then the key in brackets when the report prints another code (or none):
    /// "（一） 决策 [A]", so that the workbench shows what `set` and `explain` address.
    pub fn label_with_key(&self) -> String {
        match &self.shown {
            Some(s) if *s != self.code => format!("{} [{}]", self.label(), self.code),
            _ => self.label(),
        }
    }

    /// "A101 依据充分性", "（一） 决策", or the name alone when the report prints no code.
    pub fn label(&self) -> String {
        let code = self.display_code().trim();
        if code.is_empty() {
            self.name.clone()
        } else {
            format!("{code} {}", self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Indicator;

    fn ind(code: &str, shown: Option<&str>) -> Indicator {
        Indicator {
            code: code.into(),
            shown: shown.map(str::to_string),
            name: "决策".into(),
            ..Indicator::default()
        }
    }

    #[test]
    fn the_label_prints_the_report_code_or_none() {
        assert_eq!(ind("A", None).label(), "A 决策");
        assert_eq!(ind("A", Some("（一）")).label(), "（一） 决策");
        assert_eq!(ind("A", Some("")).label(), "决策");
        assert_eq!(ind("A", Some("")).display_code(), "");
        assert_eq!(ind("A", Some("一")).code, "A");
        assert_eq!(ind("A", None).label_with_key(), "A 决策");
        assert_eq!(ind("A", Some("A")).label_with_key(), "A 决策");
        assert_eq!(ind("A", Some("（一）")).label_with_key(), "（一） 决策 [A]");
        assert_eq!(ind("A", Some("")).label_with_key(), "决策 [A]");
    }
}
