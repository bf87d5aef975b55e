//! A small exact-decimal expression language for rules no named kind fits, and for measures:
//! `访视率 / 90% * 2 - 不真实档案数 * 0.5`, `min(a, b)`, `if(完成率 >= 95, weight, 完成率 * weight
//! / 100)`, `round(x, 2)`, parentheses (full-width too). Comparisons give 1 (true) or 0 (false).
//!
//! The parser is bounded: at most [`MAX_TOKENS`] tokens and [`MAX_DEPTH`] levels of nesting, so
//! no formula — however long or deeply bracketed — can exhaust the stack; a formula beyond
//! either limit is refused with the place where it went too far.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::scoring::{Expected, ScoreError};
use crate::store::parse_decimal;

/// The most tokens a formula may have (a 30,000-term sum is refused, not recursed over).
pub const MAX_TOKENS: usize = 1000;
/// The deepest nesting of brackets, calls and signs.
pub const MAX_DEPTH: usize = 64;

/// The functions a formula may call.
const FUNCTIONS: &[&str] = &["min", "max", "if", "round", "floor", "ceil", "abs"];

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
    fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => "≥",
            Cmp::Gt => ">",
            Cmp::Le => "≤",
            Cmp::Lt => "<",
            Cmp::Eq => "=",
            Cmp::Ne => "≠",
        }
    }

    fn holds(self, x: Decimal, y: Decimal) -> bool {
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

pub fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text)?;
    if tokens.len() > MAX_TOKENS {
        return Err(format!(
            "the formula is too long: {} tokens, at most {MAX_TOKENS} (at character {})",
            tokens.len(),
            tokens[MAX_TOKENS].1 + 1
        ));
    }
    let mut p = Parser {
        tokens,
        at: 0,
        depth: 0,
        end: text.chars().count(),
    };
    let e = p.expr()?;
    match p.tokens.get(p.at) {
        None => Ok(e),
        Some((t, at)) => Err(format!(
            "unexpected `{t}` at character {}; expected an operator or the end",
            at + 1
        )),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
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
fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>, String> {
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
                    .ok_or_else(|| {
                        format!(
                            "the name quoted at character {} has no closing `",
                            start + 1
                        )
                    })?;
                let name: String = chars[i + 1..i + 1 + close].iter().collect();
                if name.trim().is_empty() {
                    return Err(format!("empty quoted name at character {}", start + 1));
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
                let d = parse_decimal(&s)
                    .ok_or_else(|| format!("`{s}` at character {} is not a number", start + 1))?;
                out.push((Tok::Num(d), start));
            }
            c if is_name_char(c) => {
                while i < chars.len() && is_name_char(chars[i]) {
                    i += 1;
                }
                out.push((Tok::Ident(chars[start..i].iter().collect()), start));
            }
            other => {
                return Err(format!(
                    "unexpected character `{other}` at character {}",
                    start + 1
                ));
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(Tok, usize)>,
    at: usize,
    depth: usize,
    /// The formula's length in characters, for errors at its end.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    /// 1-based character of the current token (or just past the end).
    fn here(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(_, at)| *at) + 1
    }

    fn eat(&mut self, op: char) -> bool {
        if self.peek() == Some(&Tok::Op(op)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!(
                "the formula is nested more than {MAX_DEPTH} levels deep at character {}",
                self.here()
            ));
        }
        Ok(())
    }

    /// A sum, optionally compared with another: `完成率 >= 95`.
    fn expr(&mut self) -> Result<Expr, String> {
        self.enter()?;
        let left = self.sum()?;
        let out = if let Some(Tok::Cmp(c)) = self.peek().cloned() {
            self.at += 1;
            let right = self.sum()?;
            if let Some(Tok::Cmp(_)) = self.peek() {
                return Err(format!(
                    "a second comparison at character {}; compare two values at a time (use min/max or if)",
                    self.here()
                ));
            }
            Expr::Compare(Box::new(left), c, Box::new(right))
        } else {
            left
        };
        self.depth -= 1;
        Ok(out)
    }

    fn sum(&mut self) -> Result<Expr, String> {
        self.chain(['+', '-'], Self::product)
    }

    fn product(&mut self) -> Result<Expr, String> {
        self.chain(['*', '/'], Self::unary)
    }

    /// Terms joined by operators of one precedence level, into one wide node.
    fn chain(
        &mut self,
        ops: [char; 2],
        term: fn(&mut Self) -> Result<Expr, String>,
    ) -> Result<Expr, String> {
        let first = term(self)?;
        let mut rest = Vec::new();
        loop {
            let op = if self.eat(ops[0]) {
                ops[0]
            } else if self.eat(ops[1]) {
                ops[1]
            } else {
                break;
            };
            rest.push((op, term(self)?));
        }
        Ok(if rest.is_empty() {
            first
        } else {
            Expr::Bin(Box::new(first), rest)
        })
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.eat('-') {
            self.enter()?;
            let e = Expr::Neg(Box::new(self.unary()?));
            self.depth -= 1;
            return Ok(e);
        }
        let mut e = self.atom()?;
        let mut percents = 0;
        while self.eat('%') {
            // Each `%` nests one level: count it, so `1%%%…` cannot nest without bound.
            self.enter()?;
            percents += 1;
            e = Expr::Percent(Box::new(e));
        }
        self.depth -= percents;
        Ok(e)
    }

    fn atom(&mut self) -> Result<Expr, String> {
        let at = self.here();
        match self.peek().cloned() {
            Some(Tok::Num(d)) => {
                self.at += 1;
                Ok(Expr::Num(d))
            }
            Some(Tok::Ident(name)) => {
                self.at += 1;
                if self.peek() != Some(&Tok::Op('(')) {
                    return Ok(Expr::Var(name));
                }
                if !FUNCTIONS.contains(&name.as_str()) {
                    return Err(format!(
                        "unknown function `{name}` at character {at}; expected one of {}. To multiply write `{name} * (…)`; quote a name that contains brackets in backticks: `资金（万元）`",
                        FUNCTIONS.join(", ")
                    ));
                }
                self.at += 1;
                let mut args = vec![self.expr()?];
                while self.eat(',') {
                    args.push(self.expr()?);
                }
                if !self.eat(')') {
                    return Err(format!(
                        "missing `)` after the arguments of {name} (opened at character {at}), at character {}",
                        self.here()
                    ));
                }
                let arity_ok = match name.as_str() {
                    "min" | "max" => !args.is_empty(),
                    "if" => args.len() == 3,
                    "round" | "floor" | "ceil" => matches!(args.len(), 1 | 2),
                    _ => args.len() == 1,
                };
                if !arity_ok {
                    let expected = match name.as_str() {
                        "if" => "3 (condition, then, else)",
                        "round" | "floor" | "ceil" => "1 or 2 (value, places)",
                        _ => "1",
                    };
                    return Err(format!(
                        "{name}() at character {at} takes {expected} arguments, not {}",
                        args.len()
                    ));
                }
                Ok(Expr::Call(name, args))
            }
            Some(Tok::Op('(')) => {
                self.at += 1;
                let e = self.expr()?;
                if !self.eat(')') {
                    return Err(format!(
                        "missing `)` for the `(` at character {at}, at character {}",
                        self.here()
                    ));
                }
                Ok(e)
            }
            Some(t) => Err(format!(
                "unexpected `{t}` at character {at}; expected a number, a name or `(`"
            )),
            None => Err("the formula ends too early; expected a number or a name".into()),
        }
    }
}

impl Expr {
    /// Evaluates with `lookup` giving each name's value.
    pub fn eval(&self, lookup: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ScoreError> {
        match self {
            Expr::Num(d) => Ok(*d),
            Expr::Var(name) => lookup(name).ok_or_else(|| ScoreError::InputNotRecorded {
                name: name.clone(),
                expected: Expected::Number,
            }),
            Expr::Neg(e) => Ok(-e.eval(lookup)?),
            Expr::Percent(e) => Ok(e.eval(lookup)? / Decimal::ONE_HUNDRED),
            Expr::Bin(first, rest) => {
                let mut x = first.eval(lookup)?;
                for (op, term) in rest {
                    let y = term.eval(lookup)?;
                    x = match op {
                        '+' => x.checked_add(y).ok_or_else(overflow)?,
                        '-' => x.checked_sub(y).ok_or_else(overflow)?,
                        '*' => x.checked_mul(y).ok_or_else(overflow)?,
                        _ if y.is_zero() => return Err(ScoreError::DivisionByZero),
                        _ => x.checked_div(y).ok_or_else(overflow)?,
                    };
                }
                Ok(x)
            }
            Expr::Compare(a, c, b) => Ok(if c.holds(a.eval(lookup)?, b.eval(lookup)?) {
                Decimal::ONE
            } else {
                Decimal::ZERO
            }),
            Expr::Call(name, args) if name == "if" => {
                // Only the branch taken is evaluated: the other may divide by zero harmlessly.
                let chosen = if args[0].eval(lookup)?.is_zero() {
                    &args[2]
                } else {
                    &args[1]
                };
                chosen.eval(lookup)
            }
            Expr::Call(name, args) => {
                let vals = args
                    .iter()
                    .map(|a| a.eval(lookup))
                    .collect::<Result<Vec<_>, _>>()?;
                let places = || -> Result<u32, ScoreError> {
                    let Some(p) = vals.get(1) else { return Ok(0) };
                    u32::try_from(p.mantissa())
                        .ok()
                        .filter(|&n| p.fract().is_zero() && p.scale() == 0 && n <= 10)
                        .ok_or_else(|| ScoreError::BadPlaces {
                            function: name.clone(),
                            places: *p,
                        })
                };
                let rounded = |s: RoundingStrategy| -> Result<Decimal, ScoreError> {
                    Ok(vals[0].round_dp_with_strategy(places()?, s))
                };
                match name.as_str() {
                    "min" => vals
                        .into_iter()
                        .min()
                        .ok_or_else(|| ScoreError::NoArguments {
                            function: "min".into(),
                        }),
                    "max" => vals
                        .into_iter()
                        .max()
                        .ok_or_else(|| ScoreError::NoArguments {
                            function: "max".into(),
                        }),
                    "round" => rounded(RoundingStrategy::MidpointAwayFromZero),
                    "floor" => rounded(RoundingStrategy::ToNegativeInfinity),
                    "ceil" => rounded(RoundingStrategy::ToPositiveInfinity),
                    "abs" => Ok(vals[0].abs()),
                    other => Err(ScoreError::UnknownFunction {
                        name: other.to_string(),
                    }),
                }
            }
        }
    }

    /// The expression with each name replaced by its value, for the explanation.
    pub fn substituted(&self, lookup: &dyn Fn(&str) -> Option<Decimal>) -> String {
        match self {
            Expr::Num(d) => d.normalize().to_string(),
            Expr::Var(name) => {
                lookup(name).map_or_else(|| name.clone(), |v| v.normalize().to_string())
            }
            Expr::Neg(e) => {
                let inner = e.substituted(lookup);
                if matches!(**e, Expr::Bin(..) | Expr::Compare(..)) || inner.starts_with('-') {
                    format!("-({inner})")
                } else {
                    format!("-{inner}")
                }
            }
            Expr::Percent(e) => format!("{}%", e.substituted(lookup)),
            Expr::Compare(a, c, b) => format!(
                "{} {} {}",
                a.substituted(lookup),
                c.symbol(),
                b.substituted(lookup)
            ),
            Expr::Bin(first, rest) => {
                let high = matches!(rest[0].0, '*' | '/');
                let low_chain =
                    |e: &Expr| matches!(e, Expr::Bin(_, r) if matches!(r[0].0, '+' | '-'));
                let high_chain =
                    |e: &Expr| matches!(e, Expr::Bin(_, r) if matches!(r[0].0, '*' | '/'));
                let first_text = first.substituted(lookup);
                let mut out = if (high && low_chain(first)) || matches!(**first, Expr::Compare(..))
                {
                    format!("({first_text})")
                } else {
                    first_text
                };
                for (op, term) in rest {
                    let sym = match op {
                        '*' => '×',
                        '/' => '÷',
                        '-' => '−',
                        c => *c,
                    };
                    let text = term.substituted(lookup);
                    let bracket = (low_chain(term) && matches!(op, '*' | '/' | '-'))
                        || (high_chain(term) && *op == '/')
                        || matches!(term, Expr::Compare(..))
                        // "3% − -4%" reads as a typo; a negative operand gets brackets.
                        || text.starts_with('-');
                    if bracket {
                        out.push_str(&format!(" {sym} ({text})"));
                    } else {
                        out.push_str(&format!(" {sym} {text}"));
                    }
                }
                out
            }
            Expr::Call(name, args) => {
                format!(
                    "{name}({})",
                    args.iter()
                        .map(|a| a.substituted(lookup))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }

    /// Every name the expression reads.
    pub fn names(&self, out: &mut Vec<String>) {
        match self {
            Expr::Num(_) => {}
            Expr::Var(n) => out.push(n.clone()),
            Expr::Neg(e) | Expr::Percent(e) => e.names(out),
            Expr::Bin(first, rest) => {
                first.names(out);
                rest.iter().for_each(|(_, t)| t.names(out));
            }
            Expr::Compare(a, _, b) => {
                a.names(out);
                b.names(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.names(out)),
        }
    }

    /// Whether the expression is a single input name.
    pub fn as_name(&self) -> Option<&str> {
        match self {
            Expr::Var(n) => Some(n),
            _ => None,
        }
    }
}

fn overflow() -> ScoreError {
    ScoreError::FormulaTooLarge
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn eval(expr: &str, vars: &[(&str, &str)]) -> Result<Decimal, String> {
        let vars: Vec<(String, Decimal)> =
            vars.iter().map(|(k, v)| (k.to_string(), d(v))).collect();
        parse(expr)?
            .eval(&|n| vars.iter().find(|(k, _)| k == n).map(|(_, v)| *v))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn penalty_term_formula() {
        // 得分 = 访视率/90%×2 − 不真实档案数×0.5
        let v = eval(
            "访视率 / 90% * 2 - 不真实档案数 * 0.5",
            &[("访视率", "0.81"), ("不真实档案数", "1")],
        )
        .unwrap();
        assert_eq!(v, d("1.3"));
    }

    #[test]
    fn precedence_parentheses_and_functions() {
        assert_eq!(eval("1 + 2 * 3", &[]).unwrap(), d("7"));
        assert_eq!(eval("(1 + 2) * 3", &[]).unwrap(), d("9"));
        assert_eq!(
            eval("min(weight, 5) - -1", &[("weight", "3")]).unwrap(),
            d("4")
        );
        assert_eq!(eval("0.1 + 0.2", &[]).unwrap(), d("0.3"));
        assert_eq!(eval("（1+1）×2÷4", &[]).unwrap(), d("1"));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(eval("1 / 0", &[]).unwrap_err().contains("division by zero"));
        assert!(eval("x + 1", &[]).unwrap_err().contains("`x`"));
        assert!(parse("1 +").unwrap_err().contains("ends too early"));
        assert!(parse("(1").unwrap_err().contains(")"));
        assert!(parse("foo(1)").unwrap_err().contains("unknown function"));
        assert!(parse("1 $ 2").unwrap_err().contains("unexpected character"));
    }

    #[test]
    fn substitution_reads_like_arithmetic() {
        let e = parse("a / 90% * 2 - b * 0.5").unwrap();
        let s = e.substituted(&|n| {
            if n == "a" {
                Some(d("0.81"))
            } else {
                Some(d("1"))
            }
        });
        assert_eq!(s, "0.81 ÷ 90% × 2 − 1 × 0.5");
    }

    #[test]
    fn comparisons_and_if() {
        // "完成率≥95%得满分，否则得分=完成率×分值"
        let f = "if(完成率 >= 95%, weight, 完成率 * weight)";
        assert_eq!(
            eval(f, &[("完成率", "0.95"), ("weight", "5")]).unwrap(),
            d("5")
        );
        assert_eq!(
            eval(f, &[("完成率", "0.9"), ("weight", "5")]).unwrap(),
            d("4.5")
        );
        assert_eq!(eval("2 > 1", &[]).unwrap(), d("1"));
        assert_eq!(eval("2 < 1", &[]).unwrap(), d("0"));
        assert_eq!(eval("1 ≤ 1", &[]).unwrap(), d("1"));
        assert_eq!(eval("1 ≥ 2", &[]).unwrap(), d("0"));
        assert_eq!(eval("1 == 1", &[]).unwrap(), d("1"));
        assert_eq!(eval("1 != 1", &[]).unwrap(), d("0"));
        assert_eq!(eval("1 ≠ 2", &[]).unwrap(), d("1"));
        // Only the branch taken is evaluated.
        assert_eq!(eval("if(0, 1 / 0, 2)", &[]).unwrap(), d("2"));
        assert!(
            parse("1 < 2 < 3")
                .unwrap_err()
                .contains("second comparison")
        );
        assert!(parse("if(1, 2)").unwrap_err().contains("takes 3"));
    }

    #[test]
    fn rounding_functions() {
        assert_eq!(eval("round(92.985)", &[]).unwrap(), d("93"));
        assert_eq!(eval("round(2.665, 2)", &[]).unwrap(), d("2.67"));
        assert_eq!(eval("round(-2.5)", &[]).unwrap(), d("-3"));
        assert_eq!(eval("floor(1.7356, 2)", &[]).unwrap(), d("1.73"));
        assert_eq!(eval("floor(-1.5)", &[]).unwrap(), d("-2"));
        assert_eq!(eval("ceil(1.01)", &[]).unwrap(), d("2"));
        assert_eq!(eval("ceil(1.001, 2)", &[]).unwrap(), d("1.01"));
        assert_eq!(eval("abs(-3% - -4%)", &[]).unwrap(), d("0.01"));
        assert!(
            eval("round(1, 1.5)", &[])
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            eval("round(1, 11)", &[])
                .unwrap_err()
                .contains("whole number")
        );
    }

    #[test]
    fn names_that_start_with_a_digit() {
        let v = eval(
            "min(2022年执行率, 2021年执行率) - 1",
            &[("2022年执行率", "90"), ("2021年执行率", "80")],
        )
        .unwrap();
        assert_eq!(v, d("79"));
        assert_eq!(eval("2 * 3", &[]).unwrap(), d("6"));
        assert_eq!(eval("90%", &[]).unwrap(), d("0.9"));
    }

    #[test]
    fn full_width_brackets_and_quoted_names() {
        assert_eq!(eval("max（1，2）", &[]).unwrap(), d("2"));
        assert_eq!(eval("（1＋1）＊2", &[]).unwrap(), d("4"));
        // A name followed by a bracket is not silently a call: the error says what to write.
        let e = parse("资金（万元）").unwrap_err();
        assert!(
            e.contains("unknown function `资金`") && e.contains("backticks"),
            "{e}"
        );
        assert_eq!(
            eval("`资金（万元）` / 2", &[("资金（万元）", "10")]).unwrap(),
            d("5")
        );
        assert_eq!(quote_name("预算资金"), "预算资金");
        assert_eq!(quote_name("2021年预算"), "2021年预算");
        assert_eq!(quote_name("资金（万元）"), "`资金（万元）`");
        assert!(parse("`资金").unwrap_err().contains("no closing"));
    }

    #[test]
    fn huge_formulas_are_located_errors_not_crashes() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        let e = parse(&deep).unwrap_err();
        assert!(e.contains("too long") && e.contains("at character"), "{e}");
        let long = vec!["1"; 30_000].join(" + ");
        let e = parse(&long).unwrap_err();
        assert!(
            e.contains("too long") && e.contains("at character 2001"),
            "{e}"
        );
        let nested = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        let e = parse(&nested).unwrap_err();
        assert!(
            e.contains("nested more than 64") && e.contains("at character 65"),
            "{e}"
        );
        let signs = format!("{}1", "-".repeat(500));
        assert!(parse(&signs).unwrap_err().contains("nested"));
        let calls = format!("{}1{}", "abs(".repeat(100), ")".repeat(100));
        assert!(parse(&calls).unwrap_err().contains("nested"));
        // Within the limits, everything still works.
        let ok = format!("{}1{}", "(".repeat(60), ")".repeat(60));
        assert_eq!(parse(&ok).unwrap().eval(&|_| None).unwrap(), d("1"));
        let calls = format!("{}-1{}", "abs(-".repeat(30), ")".repeat(30));
        assert_eq!(parse(&calls).unwrap().eval(&|_| None).unwrap(), d("1"));
        let percents = format!("100{}", "%".repeat(60));
        assert!(parse(&percents).is_ok());
        let sum = vec!["1"; 499].join(" + ");
        assert_eq!(parse(&sum).unwrap().eval(&|_| None).unwrap(), d("499"));
    }

    #[test]
    fn substitution_brackets_what_the_tree_groups() {
        let e = parse("a - (b + c)").unwrap();
        assert_eq!(e.substituted(&|_| None), "a − (b + c)");
        let e = parse("a / (b * c)").unwrap();
        assert_eq!(e.substituted(&|_| None), "a ÷ (b × c)");
        let e = parse("a - b").unwrap();
        let v = e.substituted(&|n| Some(if n == "a" { d("-3") } else { d("-4") }));
        assert_eq!(v, "-3 − (-4)");
    }
}
