//! Why an edit was refused, as a value; `crate::lang::refusal` says it in Chinese or English.

use rust_decimal::Decimal;

/// What a number or an item is, in a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Score,
    Deduction,
    Evidence,
    Review,
}

/// Why an edit was refused; each says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    NoIndicator {
        code: String,
    },
    IsParent {
        code: String,
    },
    Negative {
        what: Thing,
        weight: Decimal,
    },
    AboveWeight {
        what: Thing,
        points: Decimal,
        weight: Decimal,
    },
    NoItem {
        what: Thing,
        number: usize,
    },
    NoAdjustment {
        code: String,
    },
    AdjustmentSigned,
    AboveCap {
        points: Decimal,
        cap: Decimal,
    },
    JudgedRange {
        min: Decimal,
        max: Decimal,
    },
    InputNeedsName,
    NumberTooLarge,
    /// A date input that is not a date (the loader's words for the same value).
    BadDate {
        name: String,
        text: String,
        error: crate::model::date::DateError,
    },
    DeductionNeedsPoints,
    DeductionNeedsReason,
    NegativeCount,
    ChecksCount {
        checkpoints: usize,
    },
    NotALevel {
        tier: String,
        levels: Vec<String>,
    },
    NotLevels {
        code: String,
    },
    NaNeedsReason,
    UnscorableNeedsReason,
    EvidenceNeedsTitle,
    // `jixiao set`'s assignments.
    NotKeyValue {
        assignment: String,
    },
    NotANumber {
        what: String,
        text: String,
    },
    BadStatus {
        text: String,
    },
    CannotReadFile {
        path: String,
        error: String,
    },
    BadCheck {
        text: String,
    },
    BadInputValue {
        name: String,
        text: String,
    },
    UnknownField {
        field: String,
    },
    // Merge conflicts.
    ValueDoesNotFit {
        key: String,
        label: String,
    },
    EditByHand {
        path: String,
    },
    NoConflict {
        number: usize,
    },
    ConflictOfOther {
        number: usize,
        about: String,
        code: String,
    },
    NotStructural,
    StructuralNeedsToml,
    TheirsNotToml {
        path: String,
        text: String,
    },
    CannotSet {
        path: String,
    },
    TheirsUnreadable {
        path: String,
        error: String,
    },
    // Per-year figures and questionnaires.
    /// The input is one figure, not given per year.
    NotYearly {
        name: String,
    },
    /// The input is given per year: a single figure would drop the years.
    IsYearly {
        name: String,
    },
    BadYear {
        text: String,
    },
    NoSurvey {
        name: String,
        surveys: Vec<String>,
    },
    /// `number` is 1-based; the survey has `questions` questions.
    NoQuestion {
        survey: String,
        number: usize,
        questions: usize,
    },
    NoOption {
        survey: String,
        number: usize,
        options: Vec<String>,
    },
    /// An option named in `set` that the survey does not have.
    NoOptionNamed {
        survey: String,
        text: String,
        options: Vec<String>,
    },
    /// A count set without its question on a survey of several questions.
    WhichQuestion {
        survey: String,
        questions: usize,
    },
    /// A question's counts are one per option.
    SurveyCountsLen {
        survey: String,
        given: usize,
        options: Vec<String>,
    },
    /// A questionnaire needs a name, options and at least one question.
    SurveyIncomplete {
        name: String,
    },
    /// A refusal written in both languages where it is made (designing the tree, settings,
    /// checkpoints' credit); not yet a variant of its own.
    Said {
        en: String,
        zh: String,
    },
}

impl EditError {
    /// A refusal given in both languages where it is made.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        EditError::Said {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// A refusal that only exists in English (the CLI's assignment syntax).
    pub fn en(message: impl Into<String>) -> Self {
        let m = message.into();
        EditError::Said {
            en: m.clone(),
            zh: m,
        }
    }

    /// The refusal in `lang`.
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::refusal(self, lang)
    }

    /// The refusal in Chinese (the workbench in Chinese).
    pub fn chinese(&self) -> String {
        self.text(crate::lang::Lang::Zh)
    }
}

impl std::fmt::Display for EditError {
    /// English (logs, tests); users see `text` in their language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::lang::Lang::En))
    }
}

impl std::error::Error for EditError {}
