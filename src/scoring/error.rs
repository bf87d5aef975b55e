//! Why a rule cannot be computed: a value carrying the names and numbers involved. The words
//! (Chinese or English) are made from it by `crate::lang`; nothing decides anything by its text.

use rust_decimal::Decimal;

/// What kind of value an input should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Number,
    Flag,
}

/// A rule that cannot be computed from what is recorded (无法计算).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    /// An input the rule reads is not recorded.
    InputNotRecorded { name: String, expected: Expected },
    /// An input holds a date where a number or a flag belongs.
    InputIsDate { name: String, expected: Expected },
    /// A rate's denominator is 0 (in one year, for per-year figures).
    ZeroDenominator { name: String, year: Option<String> },
    /// A per-year figure has no value for a year the other has.
    YearMissing {
        input: String,
        other: String,
        year: String,
    },
    /// A number outgrew what exact decimals hold.
    TooLarge,
    /// A judgement leaf has no `score`.
    NoJudgedScore,
    /// A judged score outside the rule's range.
    JudgedOutOfRange {
        score: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// A levels leaf has no `tier`.
    NoTier,
    /// The chosen tier is not one of the levels.
    UnknownTier { tier: String, levels: Vec<String> },
    /// A deduction counts occurrences but the rule prices none (`per_item`, `fraction`).
    CountWithoutPerItem,
    /// A deduction with negative points.
    NegativeDeduction { points: Decimal },
    /// A deduction names a group the rule does not declare.
    UndeclaredGroup { name: String },
    /// `otherwise = "rate"` on a measure that is not a percentage.
    RateNeedsPercent { unit: String },
    /// Proportional scoring against a zero value.
    ZeroScale,
    /// A threshold of 0 to scale against.
    ZeroThreshold,
    /// `per_point` without `deduct` or `deduct_fraction`.
    PerPointWithoutDeduct,
    /// A linear rule whose two bounds are equal.
    LinearBoundsEqual,
    /// A target compared with an input of another kind.
    TargetKindMismatch { name: String },
    /// Proportional target scoring on dates.
    ProportionalNeedsNumbers,
    /// The formula does not parse.
    FormulaSyntax {
        error: crate::scoring::formula::FormulaError,
    },
    /// A formula divides by zero.
    DivisionByZero,
    /// A formula's arithmetic overflowed.
    FormulaTooLarge,
    /// round/floor/ceil with places that are not a whole number from 0 to 10.
    BadPlaces { function: String, places: Decimal },
    /// min()/max() without arguments.
    NoArguments { function: String },
    /// A function the formula language does not have.
    UnknownFunction { name: String },
    /// A questionnaire without questions.
    SurveyNoQuestions { survey: String },
    /// A question whose counts do not match the options.
    SurveyCounts {
        survey: String,
        question: usize,
        counts: usize,
        options: usize,
    },
    /// A question nobody answered.
    SurveyNoRespondents { survey: String, question: usize },
    /// A weighted questionnaire whose weights add up to 0 or less.
    SurveyWeights { survey: String, total: Decimal },
    /// A questionnaire's tally overflowed.
    SurveyTooLarge,
    /// A number recorded for an all-or-nothing checkpoint (other than 1/0).
    CheckIsMetOrNot { number: usize, value: Decimal },
    /// Shortcomings counted that are not a whole number.
    CheckCountNotWhole { number: usize, value: Decimal },
    /// Points awarded outside 0 to the checkpoint's points.
    CheckAwardOutOfRange {
        number: usize,
        value: Decimal,
        max: Decimal,
    },
}

impl ScoreError {
    /// The recorded field the error is about, for pointing at the right line: `score`, `tier`,
    /// `inputs.NAME` (or `inputs`), else the rule.
    pub fn field(&self) -> ErrorField<'_> {
        use ScoreError::*;
        match self {
            NoJudgedScore | JudgedOutOfRange { .. } => ErrorField::Score,
            NoTier | UnknownTier { .. } => ErrorField::Tier,
            InputNotRecorded { name, .. }
            | InputIsDate { name, .. }
            | ZeroDenominator { name, .. }
            | TargetKindMismatch { name } => ErrorField::Input(name),
            YearMissing { input, .. } => ErrorField::Input(input),
            _ => ErrorField::Rule,
        }
    }
}

/// Where in the leaf's record a scoring error points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorField<'a> {
    Score,
    Tier,
    Input(&'a str),
    Rule,
}

impl std::fmt::Display for ScoreError {
    /// English, as the library has always written it (tests and logs); users see
    /// `crate::lang::score_error` in their language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::score_error(self, crate::lang::Lang::En))
    }
}

impl std::error::Error for ScoreError {}
