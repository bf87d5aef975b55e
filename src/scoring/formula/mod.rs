//! A small exact-decimal expression language for rules no named kind fits, and for measures:
//! `访视率 / 90% * 2 - 不真实档案数 * 0.5`, `min(a, b)`, `if(完成率 >= 95, weight, 完成率 * weight
//! / 100)`, `round(x, 2)`, parentheses (full-width too). Comparisons give 1 (true) or 0 (false).
//!
//! The parser is bounded: at most [`MAX_TOKENS`] tokens and [`MAX_DEPTH`] levels of nesting, so
//! no formula — however long or deeply bracketed — can exhaust the stack; a formula beyond
//! either limit is refused with the place where it went too far.

mod error;
mod eval;
mod lex;
mod parser;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;

pub use error::FormulaError;
use lex::{Tok, tokenize};
use parser::Parser;

/// The most tokens a formula may have (a 30,000-term sum is refused, not recursed over).
pub const MAX_TOKENS: usize = 1000;
/// The deepest nesting of brackets, calls and signs.
pub const MAX_DEPTH: usize = 64;

/// The functions a formula may call.
pub(crate) const FUNCTIONS: &[&str] = &["min", "max", "if", "round", "floor", "ceil", "abs"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl Cmp {
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => "≥",
            Cmp::Gt => ">",
            Cmp::Le => "≤",
            Cmp::Lt => "<",
            Cmp::Eq => "=",
            Cmp::Ne => "≠",
        }
    }

    pub(crate) fn holds(self, x: Decimal, y: Decimal) -> bool {
        match self {
            Cmp::Ge => x >= y,
            Cmp::Gt => x > y,
            Cmp::Le => x <= y,
            Cmp::Lt => x < y,
            Cmp::Eq => x == y,
            Cmp::Ne => x != y,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(Decimal),
    Var(String),
    Neg(Box<Expr>),
    /// `90%`: the value ÷ 100, shown as written.
    Percent(Box<Expr>),
    /// `a + b − c` or `a × b ÷ c`: a first term and the terms after it, each with its operator,
    /// applied left to right. One level holds any number of terms, so a long sum is a wide
    /// node, not a deep one, and evaluating it never recurses per term.
    Bin(Box<Expr>, Vec<(char, Expr)>),
    /// A comparison: 1 when it holds, else 0.
    Compare(Box<Expr>, Cmp, Box<Expr>),
    Call(String, Vec<Expr>),
}

/// A name as a formula reads it: bare when it is one name token, else in backticks
/// (`` `资金（万元）` ``).
pub fn quote_name(name: &str) -> String {
    match tokenize(name) {
        Ok(t) if t.len() == 1 && matches!(&t[0].0, Tok::Ident(n) if n == name) => name.to_string(),
        _ => format!("`{name}`"),
    }
}

/// Reads a formula; an error says what is wrong and at which (1-based) character.
pub fn parse(text: &str) -> Result<Expr, FormulaError> {
    let tokens = tokenize(text)?;
    if tokens.len() > MAX_TOKENS {
        return Err(FormulaError::TooLong {
            tokens: tokens.len(),
            at: tokens[MAX_TOKENS].1 + 1,
        });
    }
    Parser::new(tokens, text.chars().count()).formula()
}
