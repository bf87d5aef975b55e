//! A score's explanation as values: what the rule says, what it read, the arithmetic, the
//! findings and notes. Each step carries the numbers and names it speaks of; the words, in
//! Chinese or English, are made in one place (`crate::lang::explanation`), so the same
//! explanation can be printed in the report's language whatever the workbench speaks.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::model::{
    CompareOp, Fraction, InputValue, Rounding, StepCount, TargetMiss, TargetValue, ThresholdMiss,
};

/// What a measure is called in a sentence: a name (the indicator's own when it names a rate,
/// 资金到位率, 满意度, or the input measured), otherwise just "the rate" (比率).
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureName {
    Named(String),
    Generic,
}

/// The unit of a measure: percent unless the rule names another (人, 个百分点, 天).
pub type Unit = Option<String>;

/// One line of a score's explanation, in the order a report would give it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    // ── What the scoring standard says (评分标准) ──
    /// The rule's own full marks differ from the leaf's weight.
    RuleMax { max: Decimal, weight: Decimal },
    /// 一票否决 on a finding.
    Veto { finding: String },
    /// 酌情评分 between two bounds.
    Judgement { min: Decimal, max: Decimal },
    /// 按评价要点计分.
    CheckpointsRule,
    /// 分档评分: each level with its points.
    LevelsRule { levels: Vec<(String, Decimal)> },
    /// The measured rate times the weight, capped at 100% or not.
    RateRule { measure: MeasureName, capped: bool },
    /// A limit in either direction (`upper` = at most), and what a miss earns.
    ThresholdRule {
        measure: MeasureName,
        upper: bool,
        limit: Decimal,
        unit: Unit,
        miss: ThresholdMiss,
        /// The original ≥-percent-or-points shape, which keeps its original words.
        legacy: bool,
    },
    /// 区间计分: (from percent, points), highest first.
    BandsRule { bands: Vec<(Decimal, Decimal)> },
    /// Full marks from `threshold`%, below it a proportional share.
    ProportionalRule { threshold: Decimal },
    /// Full marks from `full`%, proportional down to `floor`%, nothing below.
    HybridRule { full: Decimal, floor: Decimal },
    /// Points off per step below (or above) a threshold.
    PerPointRule(PerPointRule),
    /// Linear between the measure giving full marks and the one giving none.
    LinearRule { full_at: Decimal, zero_at: Decimal },
    /// A target value compared with the actual one.
    TargetRule {
        op: CompareOp,
        target: TargetValue,
        miss: TargetMiss,
    },
    /// 逐项扣分 from full marks.
    DeductionsRule {
        weight: Decimal,
        per_item: Option<Decimal>,
        fraction: Option<Fraction>,
    },
    /// 公式：得分 = …
    FormulaRule { expr: String },
    /// Which branch of a conditional rule applies.
    Condition { name: String, holds: bool },

    // ── What the rule read ──
    /// A value as recorded.
    Input { name: String, value: InputValue },
    /// numerator ÷ denominator as a rate.
    Ratio {
        measure: MeasureName,
        numerator: String,
        denominator: String,
        n: Decimal,
        d: Decimal,
        ratio: Decimal,
    },
    /// A measure read from a derived value (a yearly sum), in its unit.
    MeasureValue {
        name: String,
        value: Decimal,
        unit: Unit,
    },
    /// A measure computed from an expression over inputs.
    Expression {
        name: String,
        expr: String,
        substituted: String,
        value: Decimal,
        unit: Unit,
    },
    /// The measure rounded before the rule, as the standard says.
    MeasureRounded {
        label: MeasureName,
        rounding: Rounding,
        places: u32,
        exact: Decimal,
        rounded: Decimal,
        unit: Unit,
    },
    /// A figure given per year (全周期): its sum, or its mean.
    Yearly {
        name: String,
        years: Vec<(String, Decimal)>,
        mean: bool,
        value: Decimal,
    },
    /// One year's numerator ÷ denominator.
    YearRatio {
        year: String,
        n: Decimal,
        d: Decimal,
        ratio: Decimal,
    },
    /// The mean of the years' ratios.
    MeanOfYearRatios {
        measure: MeasureName,
        numerator: String,
        denominator: String,
        ratios: Vec<Decimal>,
        mean: Decimal,
    },
    /// A questionnaire: its name, number of questions and option weights (percent).
    SurveyHeader {
        name: String,
        questions: usize,
        options: Vec<(String, Decimal)>,
    },
    /// One question's tally: counts per option, each count × weight, respondents, rate.
    SurveyQuestion {
        number: usize,
        text: String,
        counts: Vec<(String, Decimal)>,
        terms: Vec<Decimal>,
        respondents: Decimal,
        rate: Decimal,
    },
    /// How the questions make the survey's rate.
    SurveyResult {
        name: String,
        how: SurveyCombination,
    },

    // ── The arithmetic ──
    /// ratio × weight = score.
    RateTimesWeight {
        ratio: Decimal,
        weight: Decimal,
        score: Decimal,
    },
    /// measured% ÷ limit% × weight = score.
    ShareOfLimit {
        measured: Decimal,
        limit: Decimal,
        weight: Decimal,
        score: Decimal,
    },
    /// (measured − zero) ÷ (full − zero) × weight = score.
    LinearCalc {
        measured: Decimal,
        zero_at: Decimal,
        full_at: Decimal,
        weight: Decimal,
        score: Decimal,
    },
    /// The measure against the limit of a threshold rule, and what it earns.
    ThresholdResult {
        name: MeasureName,
        value: Decimal,
        upper: bool,
        limit: Decimal,
        unit: Unit,
        outcome: ThresholdOutcome,
    },
    /// The original per-point arithmetic: weight − (threshold − measured) × per = score.
    PerPointLegacyCalc {
        weight: Decimal,
        threshold: Decimal,
        measured: Decimal,
        per: Decimal,
        score: Decimal,
    },
    /// The per-step rule's result.
    PerPointResult(PerPointResult),
    /// 评定为 a level.
    LevelReached { name: String, points: Decimal },
    /// One checkpoint and what it earned.
    Checkpoint {
        number: usize,
        /// The criterion's text, when the leaf gives one.
        text: Option<String>,
        verdict: CheckVerdict,
    },
    /// Whether the target was reached.
    TargetReached { met: bool },
    /// 得分 = the formula with figures = value.
    FormulaCalc { substituted: String, value: Decimal },
    /// weight − deductions = score.
    WeightMinusDeductions {
        weight: Decimal,
        total: Decimal,
        score: Decimal,
    },
    /// The leaf's score: 得 X 分（满分 W 分）, what it lost and its rate.
    Total {
        score: Decimal,
        weight: Decimal,
        /// The rule's score (按评分标准), not an awarded one that differs.
        by_rule: bool,
        lost: Option<Decimal>,
        rate: Option<Decimal>,
    },

    // ── Findings and notes ──
    /// A finding that cost points; `count` when it was counted × a per-item amount.
    Deduction {
        points: Decimal,
        reason: String,
        count: Option<Decimal>,
    },
    /// A group's deductions capped.
    GroupCapped {
        group: String,
        sum: Decimal,
        cap: Decimal,
    },
    /// Deductions beyond the weight: 扣完为止.
    DeductionsExceedWeight,
    /// The report never prints this rule: the evaluators rebuilt it from the report's figures.
    RuleReconstructed,
    /// The veto finding is present: no points.
    VetoFound { finding: String },
    /// The rule's result outside 0–weight.
    OutOfBounds {
        raw: Decimal,
        weight: Decimal,
        counted: Decimal,
    },
    /// The rule's result above the rule's own full marks.
    OverRuleMax { raw: Decimal, max: Decimal },
    /// 不适用, with its reason.
    NotApplicable { reason: String },
    /// 无法评分, with its reason.
    Unscorable { reason: String },
    /// 未评 (with or without a record kept).
    Unscored { has_record: bool },
    /// An awarded score that differs from the rule's.
    AwardedDiffers { awarded: Decimal, computed: Decimal },
    /// An awarded score over a rule whose inputs are not recorded yet.
    AwardedWithoutInputs {
        missing: Vec<String>,
        awarded: Decimal,
    },
    /// 未完成: inputs still missing.
    Incomplete { missing: Vec<String> },
    /// The report's score, kept while the rule cannot be computed.
    AwardedDespiteError { awarded: Decimal },
    /// The rule cannot be computed (无法计算), and why.
    CannotCompute(super::ScoreError),
}

/// The per-step deduction rule's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct PerPointRule {
    pub threshold: Decimal,
    pub unit: Unit,
    /// Points are lost above the threshold (a ceiling), not below it.
    pub above: bool,
    pub tolerance: Decimal,
    pub step: Decimal,
    pub per: Decimal,
    pub steps: StepCount,
    /// The original "每降低1个百分点扣 X 分" shape, which keeps its original words.
    pub legacy: bool,
}

/// What the per-step rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct PerPointResult {
    pub label: MeasureName,
    pub measured: Decimal,
    pub threshold: Decimal,
    pub unit: Unit,
    pub above: bool,
    /// How far beyond the threshold (≤ 0: within it).
    pub gap: Decimal,
    pub tolerance: Decimal,
    /// Points lost, when beyond the tolerance.
    pub loss: Option<PerPointLoss>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerPointLoss {
    /// The gap beyond the tolerance.
    pub excess: Decimal,
    /// The steps counted, when the rule counts in steps other than 1 pro rata.
    pub count: Option<Decimal>,
    pub deduction: Decimal,
}

/// A missed threshold's score.
#[derive(Debug, Clone, PartialEq)]
pub enum ThresholdOutcome {
    Met,
    Points(Decimal),
    /// measured% × weight.
    Rate {
        weight: Decimal,
        score: Decimal,
    },
    /// num ÷ den × weight.
    Proportional {
        num: Decimal,
        den: Decimal,
        weight: Decimal,
        score: Decimal,
    },
}

/// What one checkpoint earned.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckVerdict {
    Met {
        points: Decimal,
    },
    NotMet {
        points: Decimal,
    },
    Partial {
        got: Decimal,
        full: Decimal,
    },
    NoneMissing {
        points: Decimal,
    },
    /// `missing` shortcomings × `each` points, `capped` at the checkpoint's points.
    Missing {
        missing: Decimal,
        each: Decimal,
        got: Decimal,
        capped: bool,
    },
}

/// A survey's rate from its questions' rates (in percent).
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyCombination {
    Single {
        rate: Decimal,
    },
    Mean {
        rates: Vec<Decimal>,
        rate: Decimal,
    },
    Weighted {
        terms: Vec<(Decimal, Decimal)>,
        total: Decimal,
        rate: Decimal,
    },
    Respondents {
        points: Decimal,
        people: Decimal,
        rate: Decimal,
    },
}

/// The part a step plays, for the places that show only some (a report's notes show the
/// arithmetic and notes, not the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepRole {
    Rule,
    Input,
    Calc,
    Deduction,
    Note,
    CannotCompute,
}

impl Step {
    /// The step in words, scores with `places` decimals.
    pub fn text(&self, places: u32, lang: Lang) -> String {
        crate::lang::explanation::step(self, places, lang)
    }

    pub fn role(&self) -> StepRole {
        use Step::*;
        match self {
            RuleMax { .. }
            | Veto { .. }
            | Judgement { .. }
            | CheckpointsRule
            | LevelsRule { .. }
            | RateRule { .. }
            | ThresholdRule { .. }
            | BandsRule { .. }
            | ProportionalRule { .. }
            | HybridRule { .. }
            | PerPointRule(_)
            | LinearRule { .. }
            | TargetRule { .. }
            | DeductionsRule { .. }
            | FormulaRule { .. }
            | Condition { .. } => StepRole::Rule,
            Input { .. } => StepRole::Input,
            Ratio { .. }
            | MeasureValue { .. }
            | Expression { .. }
            | MeasureRounded { .. }
            | Yearly { .. }
            | YearRatio { .. }
            | MeanOfYearRatios { .. }
            | SurveyHeader { .. }
            | SurveyQuestion { .. }
            | SurveyResult { .. }
            | RateTimesWeight { .. }
            | ShareOfLimit { .. }
            | LinearCalc { .. }
            | ThresholdResult { .. }
            | PerPointLegacyCalc { .. }
            | PerPointResult(_)
            | LevelReached { .. }
            | Checkpoint { .. }
            | TargetReached { .. }
            | FormulaCalc { .. }
            | WeightMinusDeductions { .. }
            | Total { .. } => StepRole::Calc,
            Deduction { .. } => StepRole::Deduction,
            GroupCapped { .. }
            | DeductionsExceedWeight
            | RuleReconstructed
            | VetoFound { .. }
            | OutOfBounds { .. }
            | OverRuleMax { .. }
            | NotApplicable { .. }
            | Unscorable { .. }
            | Unscored { .. }
            | AwardedDiffers { .. }
            | AwardedWithoutInputs { .. }
            | Incomplete { .. }
            | AwardedDespiteError { .. } => StepRole::Note,
            CannotCompute(_) => StepRole::CannotCompute,
        }
    }

    /// The arithmetic, notes and errors a report's notes show (not the rule, the inputs or
    /// the findings, which are given apart).
    pub fn is_working(&self) -> bool {
        matches!(
            self.role(),
            StepRole::Calc | StepRole::Note | StepRole::CannotCompute
        )
    }
}
