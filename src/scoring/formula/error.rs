//! Why a formula cannot be read. Positions are 1-based characters of the formula as written;
//! the words are the language layer's (`crate::lang::formula_error`).

use std::fmt;

/// What is wrong with a formula's text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormulaError {
    /// A backtick-quoted name with no closing backtick.
    UnclosedQuote { at: usize },
    /// `` `` `` — a quoted name with nothing in it.
    EmptyQuotedName { at: usize },
    /// Digits and dots that are not a number (`1.2.3`).
    NotANumber { text: String, at: usize },
    /// A character no formula uses (`$`).
    UnexpectedChar { found: char, at: usize },
    /// More tokens than [`super::MAX_TOKENS`]; `at` is where the limit was passed.
    TooLong { tokens: usize, at: usize },
    /// Nested deeper than [`super::MAX_DEPTH`].
    TooDeep { at: usize },
    /// A complete formula followed by more (`1 2`).
    Trailing { found: String, at: usize },
    /// `a < b < c`.
    SecondComparison { at: usize },
    /// `foo(…)`, or a name followed by a bracket (`资金（万元）`).
    UnknownFunction { name: String, at: usize },
    /// A call's arguments not closed: `min(a, b`.
    UnclosedCall {
        function: String,
        opened: usize,
        at: usize,
    },
    /// A call with the wrong number of arguments.
    WrongArguments {
        function: String,
        at: usize,
        given: usize,
    },
    /// A `(` never closed.
    UnclosedBracket { opened: usize, at: usize },
    /// Something where a number, a name or `(` belongs.
    Unexpected { found: String, at: usize },
    /// The formula stops where a number or a name belongs (`1 +`).
    EndsEarly,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::lang::formula_error(self, crate::lang::Lang::En))
    }
}

impl std::error::Error for FormulaError {}
