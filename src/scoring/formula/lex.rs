//! The formula's tokens: numbers, names (bare or in backticks), operators and comparisons.

use std::fmt;

use rust_decimal::Decimal;

use super::{Cmp, FormulaError};
use crate::store::parse_decimal;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Num(Decimal),
    Ident(String),
    Op(char),
    Cmp(Cmp),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Num(d) => write!(f, "{d}"),
            Tok::Ident(s) => f.write_str(s),
            Tok::Op(c) => write!(f, "{c}"),
            Tok::Cmp(c) => f.write_str(c.symbol()),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokens with the (0-based) character where each starts.
pub(crate) fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>, FormulaError> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let two = chars.get(i + 1).copied();
        let op = match c {
            '+' | '＋' => Some(Tok::Op('+')),
            '-' | '－' | '−' => Some(Tok::Op('-')),
            '*' | '×' | '＊' => Some(Tok::Op('*')),
            '/' | '÷' | '／' => Some(Tok::Op('/')),
            '(' | '（' => Some(Tok::Op('(')),
            ')' | '）' => Some(Tok::Op(')')),
            ',' | '，' => Some(Tok::Op(',')),
            '%' | '％' => Some(Tok::Op('%')),
            '≥' => Some(Tok::Cmp(Cmp::Ge)),
            '≤' => Some(Tok::Cmp(Cmp::Le)),
            '≠' => Some(Tok::Cmp(Cmp::Ne)),
            '>' | '＞' if two == Some('=') => {
                i += 1;
                Some(Tok::Cmp(Cmp::Ge))
            }
            '<' | '＜' if two == Some('=') => {
                i += 1;
                Some(Tok::Cmp(Cmp::Le))
            }
            '!' if two == Some('=') => {
                i += 1;
                Some(Tok::Cmp(Cmp::Ne))
            }
            '=' if two == Some('=') => {
                i += 1;
                Some(Tok::Cmp(Cmp::Eq))
            }
            '>' | '＞' => Some(Tok::Cmp(Cmp::Gt)),
            '<' | '＜' => Some(Tok::Cmp(Cmp::Lt)),
            '=' => Some(Tok::Cmp(Cmp::Eq)),
            _ => None,
        };
        if let Some(t) = op {
            out.push((t, start));
            i += 1;
            continue;
        }
        match c {
            c if c.is_whitespace() => i += 1,
            '`' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '`')
                    .ok_or(FormulaError::UnclosedQuote { at: start + 1 })?;
                let name: String = chars[i + 1..i + 1 + close].iter().collect();
                if name.trim().is_empty() {
                    return Err(FormulaError::EmptyQuotedName { at: start + 1 });
                }
                out.push((Tok::Ident(name), start));
                i += close + 2;
            }
            c if c.is_ascii_digit() || c == '.' => {
                while i < chars.len()
                    && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == '_')
                {
                    i += 1;
                }
                if i < chars.len() && is_name_char(chars[i]) {
                    // `2021年执行率`: a name that starts with digits.
                    while i < chars.len() && is_name_char(chars[i]) {
                        i += 1;
                    }
                    out.push((Tok::Ident(chars[start..i].iter().collect()), start));
                    continue;
                }
                let s: String = chars[start..i].iter().collect();
                let Some(d) = parse_decimal(&s) else {
                    return Err(FormulaError::NotANumber {
                        text: s,
                        at: start + 1,
                    });
                };
                out.push((Tok::Num(d), start));
            }
            c if is_name_char(c) => {
                while i < chars.len() && is_name_char(chars[i]) {
                    i += 1;
                }
                out.push((Tok::Ident(chars[start..i].iter().collect()), start));
            }
            other => {
                return Err(FormulaError::UnexpectedChar {
                    found: other,
                    at: start + 1,
                });
            }
        }
    }
    Ok(out)
}
