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
    /// `justification=@file` that cannot be read: the system's words, and our refusal when it
    /// is one (not a file, too large, not UTF-8).
    CannotReadFile {
        path: String,
        error: String,
        refusal: Option<Box<crate::store::reading::ReadRefusal>>,
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
    // Designing the tree (指标设计).
    /// A tree edit on a framework file (a change of the tree applies to a project).
    TreeOnProject,
    CodeNeeded,
    BadCode {
        code: String,
    },
    CodeTaken {
        code: String,
    },
    NegativeWeight {
        weight: Decimal,
    },
    WeightTooLarge {
        max: Decimal,
    },
    NameNeeded,
    NameOneLine,
    /// A move under the moved indicator itself or one of its descendants.
    ParentInside {
        parent: String,
    },
    /// A move under a leaf that has records of its own.
    ParentHasRecords {
        parent: String,
    },
    ConflictBeforeRemove {
        conflicted: String,
        code: String,
    },
    ConflictBeforeRecode {
        code: String,
    },
    ScoreAboveNewWeight {
        code: String,
        score: Decimal,
    },
    /// `rule.kind=rate numerator=…` typed in the workbench: a word that is not `key=value`.
    RuleNotKeyValue {
        text: String,
    },
    RuleNotTable {
        text: String,
    },
    NotRuleParameter {
        key: String,
    },
    /// The rule as written does not load; the loader's diagnostic says why.
    BadRule {
        problem: Box<crate::diagnostic::Diagnostic>,
    },
    /// The edited document would not load; the loader's diagnostic says why.
    WouldBreakFile {
        problem: Box<crate::diagnostic::Diagnostic>,
    },
    // The document's shape, when the tree is changed in the file.
    NotIndicatorTables,
    NotIndicatorTable {
        code: String,
    },
    RemovedUnreadable,
    CodeReused {
        code: String,
    },
    NoFrameworkTable,
    NotTreeEdit,
    // Settings (评价设置).
    BadTotal {
        value: String,
    },
    BadRounding {
        value: String,
    },
    BadNaPolicy {
        value: String,
    },
    BadPlaces {
        key: super::PolicyKey,
        value: String,
        max: u32,
    },
    NotABand {
        part: String,
    },
    BandMinNotNumber {
        name: String,
        min: String,
    },
    NoBands,
    BandNeedsName,
    BandsRepeat {
        first: String,
        second: String,
    },
    LowestBandNotZero,
    // A checkpoint's credit (评价要点).
    CheckpointMetOrNot {
        number: usize,
        value: Decimal,
    },
    CheckpointAbove {
        number: usize,
        value: Decimal,
        points: Decimal,
    },
    CheckpointWholeCount {
        number: usize,
        value: Decimal,
    },
    // The command line's design and settings commands.
    NoParentToAddUnder {
        parent: String,
    },
    /// `--after X` where X is not a child of the parent (None: the top level).
    NotAChild {
        code: String,
        parent: Option<Box<str>>,
        siblings: Box<[String]>,
    },
    NotASibling {
        code: String,
        siblings: Box<[String]>,
    },
    UpDownAmongSiblings,
    AlreadyFirst {
        code: String,
    },
    AlreadyLast {
        code: String,
    },
    MoveWhere,
    RenameWhat,
    WeightNotNumber {
        text: String,
    },
    /// `criteria-=N` with no point N (`count` points, numbered from 1), or N not a number.
    NoCriterion {
        text: String,
        count: usize,
    },
    SettingNotKeyValue {
        text: String,
    },
    UnknownSetting {
        key: String,
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
    // The workbench's rule form (one row per parameter; the form names the field, so these
    // don't).
    FormNumber {
        text: String,
    },
    FormChoice {
        words: Vec<String>,
        text: String,
    },
    FormShare {
        text: String,
    },
    FormLevel {
        text: String,
    },
    FormBand {
        text: String,
    },
    FormCheckpoint {
        text: String,
    },
}

impl EditError {
    /// The refusal for a loader error (a text that is not TOML, a file that cannot be read).
    pub(crate) fn load_problem(e: crate::store::LoadError) -> Box<crate::diagnostic::Diagnostic> {
        match e {
            crate::store::LoadError::Syntax(d) => d,
            crate::store::LoadError::Io(e) => {
                Box::new(crate::diagnostic::Diagnostic::error(None, e.to_string()))
            }
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
