//! What a diagnostic says, as a value: its kind with the names and figures involved, and its
//! subject (which indicator, adjustment item or stated figure, and which field). The words are
//! made by `crate::lang::diagnostic` in Chinese or English.

use rust_decimal::Decimal;

use crate::scoring::ScoreError;

/// What the tool's figure that a printed figure is compared with rests on, so that the warning
/// names it rightly ("按评分规则计算为" only when the rule made it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The leaf's rule computed it.
    Rule,
    /// An awarded score (给定得分, `score` on the leaf) stands in for the rule's.
    Awarded,
    /// A parent's figure: the sum of its children.
    Children,
    /// The leaf is not scored yet (未评 / 未完成): its 0 is no finding.
    Pending,
    /// The leaf cannot be scored (无法评分: data not provided) and counts 0.
    Unscorable,
    /// A leaf's own 分值 (for a printed weight).
    Weight,
}

/// What a diagnostic is about: the place in the project a reader (or a script) looks at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Subject {
    /// The file as a whole (its syntax, a key nobody reads, the config).
    #[default]
    File,
    /// The framework's settings (`[framework]`, `[[grades]]`).
    Framework,
    /// The project's stated figures (`[project]`).
    Project { field: Option<String> },
    /// An indicator, and the field of it the diagnostic points at (`weight`, `stated`,
    /// `inputs.预算资金`, `deductions.0` …).
    Indicator { code: String, field: Option<String> },
    /// A 加减分项 item.
    Adjustment { code: String, field: Option<String> },
    /// A recorded merge conflict (0-based, in file order).
    Conflict { index: usize },
}

impl Subject {
    pub fn indicator(code: &str, field: &str) -> Self {
        Subject::Indicator {
            code: code.to_string(),
            field: (!field.is_empty()).then(|| field.to_string()),
        }
    }

    /// The indicator or adjustment code, when the subject has one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Subject::Indicator { code, .. } | Subject::Adjustment { code, .. } => Some(code),
            _ => None,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Subject::Indicator { field, .. }
            | Subject::Adjustment { field, .. }
            | Subject::Project { field } => field.as_deref(),
            _ => None,
        }
    }

    /// `indicator`, `adjustment`, … (the JSON output's `subject.type`).
    pub fn id(&self) -> &'static str {
        match self {
            Subject::File => "file",
            Subject::Framework => "framework",
            Subject::Project { .. } => "project",
            Subject::Indicator { .. } => "indicator",
            Subject::Adjustment { .. } => "adjustment",
            Subject::Conflict { .. } => "conflict",
        }
    }
}

/// `code 名称`: how a message names an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub code: String,
    pub name: String,
}

/// A rule kind as messages name it: `deductions` in English, 逐项扣分 in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleName {
    pub id: &'static str,
    pub label: &'static str,
}

impl RuleName {
    pub fn of(kind: &crate::model::RuleKind) -> Self {
        RuleName {
            id: kind.name(),
            label: kind.label(),
        }
    }
}

/// Every kind of diagnostic. Figures are kept as they are shown: "plain" ones normalised
/// (`3`, `0.5`), scores already cut to the framework's places (`2.60`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A problem in words made elsewhere (a system error while reading back an edit), not yet
    /// a value; the file's syntax and keys are `Syntax`.
    Format {
        message: String,
    },
    /// The file's TOML or its keys, as a value (`crate::lang::syntax` says it).
    Syntax {
        problem: super::Syntax,
    },
    ParentMissing {
        code: String,
        parent: String,
    },
    ParentCycle {
        code: String,
        parent: String,
    },
    NegativeWeight {
        code: String,
        weight: Decimal,
    },
    /// A parent's weight is not its children's sum.
    WeightsDontAdd {
        at: Named,
        weight: Decimal,
        sum: Decimal,
        parts: Vec<(String, Decimal)>,
    },
    ScoreOnParent {
        code: String,
    },
    /// The report prints another figure for an indicator than the tool gives, said with what
    /// the tool's figure rests on (the rule, an awarded score, the children's sum).
    StatedScore {
        at: Named,
        stated: Decimal,
        basis: Basis,
        computed: Decimal,
    },
    /// One of several figures the report prints for a node (`stated = [{ score | weight, source }]`)
    /// differs from the tool's: a score from the node's score (on `basis`), a weight from its
    /// children's sum (`Basis::Children`) or, on a leaf, from its own weight (`Basis::Weight`).
    StatedFigure {
        at: Named,
        figure: crate::model::StatedFigure,
        stated: Decimal,
        /// Where the report prints it ("报告正文", "表4-2"); may be empty.
        source: String,
        basis: Basis,
        computed: Decimal,
    },
    /// The level-1 weights do not add up to the framework's total.
    RootWeights {
        sum: Decimal,
        parts: Vec<(String, Decimal)>,
        total: Decimal,
    },
    AllNotApplicable {
        total: Decimal,
    },
    NoGrades,
    StatedTotal {
        stated: Decimal,
        computed: Decimal,
    },
    UnknownStatedGrade {
        grade: String,
    },
    StatedGrade {
        grade: String,
        total: Decimal,
        actual: Option<String>,
    },
    AdjustmentNegative {
        code: String,
        points: Decimal,
    },
    AdjustmentNoReason {
        code: String,
        name: String,
    },
    /// A 加减分项's points outside its range ("加 1–3 分"): the recorded points below its
    /// `min`, or the points the report prints outside `min`–`cap`.
    AdjustmentOutOfRange {
        code: String,
        name: String,
        /// The report's printed figure (`stated`), or the recorded points.
        stated: bool,
        points: Decimal,
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
    /// The points the report prints for a 加减分项 are not what the item counts.
    AdjustmentStated {
        code: String,
        name: String,
        stated: Decimal,
        /// What it counts rests on its own rule (`per_item` × `count`), not on written points.
        by_rule: bool,
        counted: Decimal,
    },
    UnresolvedConflict {
        what: String,
        ours: String,
        theirs: String,
    },
    NaNoReason {
        code: String,
    },
    UnscorableNoReason {
        code: String,
    },
    ScoreOutOfRange {
        code: String,
        score: Decimal,
        weight: Decimal,
    },
    NegativeDeduction {
        code: String,
        points: Decimal,
    },
    NegativeCount {
        code: String,
        count: Decimal,
    },
    DeductionNoReason {
        code: String,
    },
    /// A leaf records an input and a questionnaire under one name: the rule reads the input,
    /// so the tally (an imported 问卷星 export, say) changes nothing.
    SurveyShadowed {
        code: String,
        name: String,
        input: String,
    },
    UnknownEvidence {
        code: String,
        title: String,
    },
    DeductionsOverWeight {
        code: String,
        sum: Decimal,
        weight: Decimal,
    },
    /// On a rule that does not subtract them, deductions that do not account for the loss.
    DeductionsDontExplain {
        code: String,
        explained: Decimal,
        lost: Decimal,
        rule: RuleName,
    },
    CriteriaCount {
        code: String,
        points: usize,
        criteria: usize,
    },
    ChecksCount {
        code: String,
        checks: usize,
        points: usize,
    },
    /// 未完成: inputs not recorded yet.
    Incomplete {
        at: Named,
        missing: Vec<String>,
    },
    /// The rule cannot be computed.
    Rule {
        at: Named,
        error: ScoreError,
    },
    RuleMaxBelowWeight {
        code: String,
        max: Decimal,
        weight: Decimal,
    },
    RuleMaxAboveWeight {
        code: String,
        max: Decimal,
        weight: Decimal,
    },
    /// An awarded score other than the rule's (and above its maximum, when `above`).
    AwardedDiffers {
        at: Named,
        awarded: Decimal,
        computed: Decimal,
        above: Option<Decimal>,
    },
    LossUnexplained {
        at: Named,
        lost: Decimal,
    },
    /// An awarded score whose rule cannot be computed yet: the figures it reads are missing.
    AwardedUnchecked {
        at: Named,
        awarded: Decimal,
        missing: Vec<String>,
    },
    StatedRate {
        code: String,
        stated: Decimal,
        computed: Decimal,
    },
    StatedRateUnchecked {
        code: String,
        rule: RuleName,
    },
    JustificationScore {
        at: Named,
        stated: Decimal,
        score: Decimal,
    },
    JustificationRate {
        at: Named,
        stated: Decimal,
        rate: Decimal,
    },
}

impl Kind {
    /// A stable name for scripts (`check --json`'s `kind`).
    pub fn id(&self) -> &'static str {
        match self {
            Kind::Format { .. } | Kind::Syntax { .. } => "format",
            Kind::ParentMissing { .. } => "parent_missing",
            Kind::ParentCycle { .. } => "parent_cycle",
            Kind::NegativeWeight { .. } => "negative_weight",
            Kind::WeightsDontAdd { .. } => "weights_dont_add_up",
            Kind::ScoreOnParent { .. } => "score_on_parent",
            Kind::StatedScore { .. } => "stated_score",
            Kind::StatedFigure { .. } => "stated_figure",
            Kind::RootWeights { .. } => "level1_weights",
            Kind::AllNotApplicable { .. } => "all_not_applicable",
            Kind::NoGrades => "no_grades",
            Kind::StatedTotal { .. } => "stated_total",
            Kind::UnknownStatedGrade { .. } => "unknown_stated_grade",
            Kind::StatedGrade { .. } => "stated_grade",
            Kind::AdjustmentNegative { .. } => "adjustment_negative",
            Kind::AdjustmentNoReason { .. } => "adjustment_no_reason",
            Kind::AdjustmentOutOfRange { .. } => "adjustment_out_of_range",
            Kind::AdjustmentStated { .. } => "adjustment_stated",
            Kind::UnresolvedConflict { .. } => "unresolved_conflict",
            Kind::NaNoReason { .. } => "na_without_reason",
            Kind::UnscorableNoReason { .. } => "unscorable_without_reason",
            Kind::ScoreOutOfRange { .. } => "score_out_of_range",
            Kind::NegativeDeduction { .. } => "negative_deduction",
            Kind::NegativeCount { .. } => "negative_count",
            Kind::DeductionNoReason { .. } => "deduction_without_reason",
            Kind::SurveyShadowed { .. } => "survey_shadowed_by_input",
            Kind::UnknownEvidence { .. } => "unknown_evidence",
            Kind::DeductionsOverWeight { .. } => "deductions_over_weight",
            Kind::DeductionsDontExplain { .. } => "deductions_dont_explain_loss",
            Kind::CriteriaCount { .. } => "criteria_count",
            Kind::ChecksCount { .. } => "checks_count",
            Kind::Incomplete { .. } => "incomplete",
            Kind::Rule { .. } => "rule_error",
            Kind::RuleMaxBelowWeight { .. } => "rule_max_below_weight",
            Kind::RuleMaxAboveWeight { .. } => "rule_max_above_weight",
            Kind::AwardedDiffers { .. } => "awarded_differs",
            Kind::LossUnexplained { .. } => "loss_unexplained",
            Kind::AwardedUnchecked { .. } => "awarded_unchecked",
            Kind::StatedRate { .. } => "stated_rate",
            Kind::StatedRateUnchecked { .. } => "stated_rate_unchecked",
            Kind::JustificationScore { .. } => "justification_score",
            Kind::JustificationRate { .. } => "justification_rate",
        }
    }
}
