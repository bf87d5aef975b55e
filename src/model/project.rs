use rust_decimal::Decimal;

use super::{ConflictRecord, FrameworkInfo, GradeBand, Indicator};

/// The `[project]` table: what is evaluated, by whom, and the figures the report prints.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectMeta {
    /// 项目名称.
    pub name: String,
    /// 主管部门.
    pub department: String,
    /// 实施单位.
    pub implementer: String,
    /// 评价机构.
    pub evaluator: String,
    /// 评价期间.
    pub period: String,
    pub source: String,
    pub stated_total: Option<Decimal>,
    pub stated_grade: Option<String>,
    pub funds_unit: String,
    /// 资金 figures, in file order.
    pub funds: Vec<(String, Decimal)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AdjustmentDirection {
    #[default]
    Bonus,
    Penalty,
}

/// One 加减分项: a bonus or penalty outside the base total, with its own cap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AdjustmentItem {
    pub code: String,
    pub name: String,
    pub direction: AdjustmentDirection,
    /// The most this item gives (`cap`, or `max`): more is counted as this.
    pub cap: Option<Decimal>,
    /// The least it gives when it applies ("加 1–3 分": 1); `check` warns below it.
    pub min: Option<Decimal>,
    /// The points recorded (always written positive; the direction gives the sign).
    pub points: Option<Decimal>,
    /// The item's own rule, "每项加 1 分": points per occurrence, times `count` occurrences.
    pub per_item: Option<Decimal>,
    pub count: Option<Decimal>,
    /// The points the report prints for this item, kept only to be checked.
    pub stated: Option<Decimal>,
    pub reason: String,
    pub criteria: Vec<String>,
}

impl AdjustmentItem {
    /// What the item's own rule gives (`per_item` × `count`), when it has one and a count.
    pub fn by_rule(&self) -> Option<Decimal> {
        Some(self.per_item? * self.count?)
    }

    /// The points that count before the caps: written `points` (an evaluator's award wins over
    /// the rule), else what the rule gives; `None` when nothing is recorded.
    pub fn recorded(&self) -> Option<Decimal> {
        self.points.or_else(|| self.by_rule())
    }
}

/// The 加减分项 group with its caps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Adjustments {
    pub bonus_cap: Option<Decimal>,
    pub penalty_cap: Option<Decimal>,
    pub items: Vec<AdjustmentItem>,
}

/// A common finding the framework offers evaluators to pick from (扣分库).
#[derive(Debug, Clone, PartialEq)]
pub struct StandardDeduction {
    /// Codes it applies to; empty = any leaf.
    pub applies_to: Vec<String>,
    pub points: Decimal,
    pub reason: String,
}

impl StandardDeduction {
    pub fn applies(&self, code: &str) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|c| c == code)
    }
}

/// A framework or a project: the tree in file order plus its policies. A framework is a project
/// without `meta` and without assessments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    pub framework: FrameworkInfo,
    pub grades: Vec<GradeBand>,
    pub meta: Option<ProjectMeta>,
    /// Indicators in file (tree) order.
    pub indicators: Vec<Indicator>,
    pub adjustments: Option<Adjustments>,
    pub standard_deductions: Vec<StandardDeduction>,
    /// Merge conflicts nobody has resolved yet (`[[conflicts]]`, written by `jixiao merge`).
    pub conflicts: Vec<ConflictRecord>,
    /// The report's free-text chapters and table labels (`[report]`), when the file has them.
    pub report: Option<ReportText>,
    /// The language the report's generated text is written in (`[project] language`), or the
    /// one a run asked for (`--report-lang`); Chinese when neither says.
    pub language: Option<crate::lang::Lang>,
}

impl Project {
    /// The language of explanations, 扣分点说明 and the exports' generated sentences: the
    /// project's, not the user interface's, so a Chinese report stays Chinese for any reader.
    pub fn report_lang(&self) -> crate::lang::Lang {
        self.language.unwrap_or_default()
    }
}

/// `[report]`: the chapters of the report (财预〔2020〕10号 参考提纲) that only the evaluators
/// can write, and how the firm labels its tables. Every field is optional; the computed
/// chapters (综合评价, 指标分析, the problems gathered from deductions) are never stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportText {
    /// 一、基本情况.
    pub basic: String,
    /// 二、绩效评价工作开展情况.
    pub work: String,
    /// 三、综合评价情况及评价结论: said after the computed total, grade and summary table.
    pub conclusion: String,
    /// 五（一）主要经验及做法.
    pub experience: String,
    /// 五（二）存在的问题及原因分析: said before the problems gathered from the deductions.
    pub problems: String,
    /// 六、有关建议.
    pub suggestions: String,
    /// 七、其他需要说明的问题.
    pub other: String,
    /// Indicator labels with their codes ("A101 依据充分性"); default true.
    pub code_prefix: Option<bool>,
    /// The header of the criteria column (评分标准 / 指标说明).
    pub criteria_header: Option<String>,
    /// Print the 目标值 column; default: when any leaf has a target.
    pub target_column: Option<bool>,
    /// 扣分点说明 with each deduction's amount ("扣 0.50 分：…"); default false.
    pub deduction_amounts: Option<bool>,
}

impl Project {
    /// Code → position, for lookups in loops (index_of is a linear scan).
    pub fn code_index(&self) -> std::collections::HashMap<&str, usize> {
        self.indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.code.as_str(), i))
            .collect()
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.code == code)
    }

    pub fn get(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn get_mut(&mut self, code: &str) -> Option<&mut Indicator> {
        self.indicators.iter_mut().find(|i| i.code == code)
    }

    /// The project's name, or the framework's when this is a framework.
    pub fn title(&self) -> &str {
        match &self.meta {
            Some(m) if !m.name.is_empty() => &m.name,
            _ => &self.framework.name,
        }
    }

    /// Grade bands from the highest cut-off down.
    pub fn grades_descending(&self) -> Vec<&GradeBand> {
        let mut bands: Vec<&GradeBand> = self.grades.iter().collect();
        bands.sort_by_key(|b| std::cmp::Reverse(b.min));
        bands
    }

    /// The grade a total falls in.
    pub fn grade_for(&self, total: Decimal) -> Option<&str> {
        self.grades_descending()
            .into_iter()
            .find(|b| total >= b.min)
            .map(|b| b.name.as_str())
    }
}
