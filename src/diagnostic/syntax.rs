//! What the loader found wrong with a file's TOML or its keys, as a value: the path of the key
//! and what was written there. `crate::lang::syntax` says it in Chinese or English.

use rust_decimal::Decimal;

/// What was written where something else belongs, with the text as written (cut to 40
/// characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Text(String),
    /// A quoted text where a number belongs, shown as its text alone: `"abc"`.
    Quoted(String),
    Number(String),
    /// `true` / `false`, as written.
    Flag(String),
    TimeOfDay(String),
    Date(String),
    DateTime(String),
    List(String),
    InlineTable(String),
    Table,
    Tables,
    Nothing,
}

/// A problem of the file's syntax or shape. `path` is the dotted key (`indicators.A101.weight`),
/// `table` the table a key is missing from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// Not TOML at all; `detail` is the TOML parser's own (English) words.
    NotToml {
        detail: String,
    },
    UnknownKey {
        key: String,
        table: String,
        allowed: Vec<String>,
    },
    ExpectedText {
        path: String,
        key: String,
        found: Written,
    },
    MissingText {
        table: String,
        key: String,
    },
    ExpectedFlag {
        path: String,
        found: Written,
    },
    ExpectedNumber {
        path: String,
        found: Written,
    },
    MissingNumber {
        table: String,
        key: String,
    },
    TooLarge {
        path: String,
        value: Decimal,
    },
    TimeOfDay {
        path: String,
        value: String,
    },
    DateWithTime {
        path: String,
        value: String,
        date: String,
    },
    ExpectedTextList {
        path: String,
        key: String,
        found: Written,
    },
    ExpectedTextEntry {
        path: String,
        found: Written,
    },
    ExpectedTableEntry {
        path: String,
        found: Written,
    },
    ExpectedTables {
        path: String,
        found: Written,
    },
    /// `[path]` must be a table.
    NotATable {
        path: String,
    },
    NoFramework,
    NoIndicators,
    IndicatorsNotTable,
    /// A word the loader does not know for `key` (rounding, na_policy, status …), with the
    /// words it knows.
    UnknownChoice {
        key: String,
        value: String,
        choices: Vec<String>,
    },
    PlacesOutOfRange {
        path: String,
        value: Decimal,
    },
    /// `path` must be a table (written like `example` when there is one).
    TableExpected {
        path: String,
        example: Option<String>,
    },
    FundsNotTable,
    InputValue {
        path: String,
    },
    DeductionNoAmount {
        path: String,
    },
    ChecksBelowZero {
        path: String,
        value: Decimal,
    },
    ChecksEntry {
        path: String,
        found: Written,
    },
    ChecksNotList {
        path: String,
    },
    /// A date written in quotes, or a text that looks like a date and is none.
    DateQuoted {
        path: String,
        text: String,
    },
    BadDate {
        path: String,
        text: String,
        error: crate::model::date::DateError,
    },
    /// A recorded merge conflict names no field we merge.
    NotMergeable {
        path: String,
        key: String,
    },
    ConflictValue {
        path: String,
        expected: ConflictExpects,
    },
    YearNotNumber {
        path: String,
    },
    NoYears {
        path: String,
    },
    SurveyNoOptions {
        path: String,
    },
    WeightedNeedsWeight {
        path: String,
    },
    CountsMismatch {
        path: String,
        counts: usize,
        options: usize,
    },
    SurveyNoQuestions {
        path: String,
    },
    NoCounts {
        path: String,
    },
    NegativeTally {
        path: String,
        value: Decimal,
    },
    /// An entry of `stated = [ … ]` that is not a table; `found` when it is a value.
    StatedEntry {
        path: String,
        found: Option<Written>,
    },
    /// A `stated` entry with both or neither of `score` and `weight`.
    StatedOneFigure {
        path: String,
    },
    /// An adjustment item with both `cap` and `max`.
    CapAndMax {
        path: String,
    },
    /// A problem of a scoring rule (`rule = { kind = … }`).
    Rule(RuleProblem),
    /// A problem of the user's config file (never fatal: the default is used).
    Config(ConfigProblem),
}

/// What is wrong in the config file, and so which default is used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    NotToml {
        detail: String,
    },
    Lang,
    Ascii,
    AmbiguousWidth,
    Reviewer,
    ExportNotTable,
    UnknownKey {
        key: String,
        allowed: String,
    },
    ExportFlag {
        key: String,
    },
    Template,
    CriteriaHeader,
    /// The file exists and cannot be read (the system's reason).
    Unreadable {
        detail: String,
    },
}

/// What a conflict's recorded value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictExpects {
    Checks,
    Text,
    Status,
    /// A table written like the example.
    Table(&'static str),
}

/// What is wrong with a scoring rule as written. `kind` is the rule's kind (`rate` …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleProblem {
    NotAShare {
        path: String,
        text: String,
    },
    NoKind {
        path: String,
    },
    UnknownKind {
        kind: String,
    },
    Needs {
        kind: String,
        need: RuleNeed,
    },
    /// `yoy = [..]` and the like need two input names.
    TwoNames {
        key: String,
    },
    ThresholdBoth,
    ThresholdOtherwise {
        path: String,
    },
    StepNotPositive {
        path: String,
        value: Decimal,
    },
    ToleranceNegative {
        path: String,
        value: Decimal,
    },
    /// The formula does not parse; `detail` is the formula reader's words.
    Formula {
        formula: String,
        detail: String,
    },
    MaxNegative {
        path: String,
        value: Decimal,
    },
    UnknownYears {
        value: String,
    },
    UnknownOrigin {
        value: String,
    },
    CheckpointBothCredits {
        path: String,
    },
    PerItemNotPositive {
        path: String,
    },
    /// `rule` written as something other than a table.
    NotATable {
        path: String,
    },
}

/// What a rule of some kind lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleNeed {
    InputName { key: String },
    Number { key: String },
    RatioNames,
    Measure,
    CheckpointPoints,
    Levels,
    ThresholdBound,
    Bands,
    PerPointDeduct,
    Target,
    BranchPart { key: String },
}
