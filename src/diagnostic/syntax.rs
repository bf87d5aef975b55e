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
}
