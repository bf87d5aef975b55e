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
    pub code: String,
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
