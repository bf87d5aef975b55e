use rust_decimal::Decimal;

use super::{Assessment, Rule};

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
    pub rule: Rule,
    pub assessment: Assessment,
}
