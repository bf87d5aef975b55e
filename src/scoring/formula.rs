//! A small exact-decimal expression language for rules no named kind fits:
//! `访视率 / 90% * 2 - 不真实档案数 * 0.5`, `min(a, b)`, parentheses.

use std::fmt;

use rust_decimal::Decimal;

use crate::store::parse_decimal;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(Decimal),
    Var(String),
    Neg(Box<Expr>),
    /// `90%`: the value ÷ 100, shown as written.
    Percent(Box<Expr>),
    Bin(Box<Expr>, char, Box<Expr>),
    Call(String, Vec<Expr>),
}

pub fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text)?;
    let mut p = Parser { tokens, at: 0 };
    let e = p.sum()?;
    match p.peek() {
        None => Ok(e),
        Some(t) => Err(format!("unexpected `{t}`; expected an operator or the end")),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Op(char),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Num(d) => write!(f, "{d}"),
            Tok::Ident(s) => f.write_str(s),
            Tok::Op(c) => write!(f, "{c}"),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '+' | '-' | '*' | '/' | '(' | ')' | ',' | '%' => {
                out.push(Tok::Op(c));
                i += 1;
            }
            '×' => {
                out.push(Tok::Op('*'));
                i += 1;
            }
            '÷' => {
                out.push(Tok::Op('/'));
                i += 1;
            }
            '（' => {
                out.push(Tok::Op('('));
                i += 1;
            }
            '）' => {
                out.push(Tok::Op(')'));
                i += 1;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == '_')
                {
                    i += 1;
                }
                let s: String = chars[start..i].iter().collect();
                let d = parse_decimal(&s).ok_or_else(|| format!("`{s}` is not a number"))?;
                out.push(Tok::Num(d));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(Tok::Ident(chars[start..i].iter().collect()));
            }
            other => return Err(format!("unexpected character `{other}`")),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at)
    }

    fn eat(&mut self, op: char) -> bool {
        if self.peek() == Some(&Tok::Op(op)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.product()?;
        loop {
            let op = if self.eat('+') {
                '+'
            } else if self.eat('-') {
                '-'
            } else {
                return Ok(left);
            };
            let right = self.product()?;
            left = Expr::Bin(Box::new(left), op, Box::new(right));
        }
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        loop {
            let op = if self.eat('*') {
                '*'
            } else if self.eat('/') {
                '/'
            } else {
                return Ok(left);
            };
            let right = self.unary()?;
            left = Expr::Bin(Box::new(left), op, Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.eat('-') {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        let mut e = self.atom()?;
        while self.eat('%') {
            e = Expr::Percent(Box::new(e));
        }
        Ok(e)
    }

    fn atom(&mut self) -> Result<Expr, String> {
        match self.tokens.get(self.at).cloned() {
            Some(Tok::Num(d)) => {
                self.at += 1;
                Ok(Expr::Num(d))
            }
            Some(Tok::Ident(name)) => {
                self.at += 1;
                if self.eat('(') {
                    let mut args = vec![self.sum()?];
                    while self.eat(',') {
                        args.push(self.sum()?);
                    }
                    if !self.eat(')') {
                        return Err(format!("missing `)` after the arguments of {name}"));
                    }
                    if !matches!(name.as_str(), "min" | "max") {
                        return Err(format!("unknown function `{name}`; expected min or max"));
                    }
                    Ok(Expr::Call(name, args))
                } else {
                    Ok(Expr::Var(name))
                }
            }
            Some(Tok::Op('(')) => {
                self.at += 1;
                let e = self.sum()?;
                if !self.eat(')') {
                    return Err("missing `)`".into());
                }
                Ok(e)
            }
            Some(t) => Err(format!(
                "unexpected `{t}`; expected a number, a name or `(`"
            )),
            None => Err("the formula ends too early; expected a number or a name".into()),
        }
    }
}

impl Expr {
    /// Evaluates with `lookup` giving each name's value.
    pub fn eval(&self, lookup: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, String> {
        match self {
            Expr::Num(d) => Ok(*d),
            Expr::Var(name) => {
                lookup(name).ok_or_else(|| format!("input `{name}` is not recorded"))
            }
            Expr::Neg(e) => Ok(-e.eval(lookup)?),
            Expr::Percent(e) => Ok(e.eval(lookup)? / Decimal::ONE_HUNDRED),
            Expr::Bin(a, op, b) => {
                let (x, y) = (a.eval(lookup)?, b.eval(lookup)?);
                match op {
                    '+' => x.checked_add(y).ok_or_else(overflow),
                    '-' => x.checked_sub(y).ok_or_else(overflow),
                    '*' => x.checked_mul(y).ok_or_else(overflow),
                    _ if y.is_zero() => Err("division by zero".into()),
                    _ => x.checked_div(y).ok_or_else(overflow),
                }
            }
            Expr::Call(name, args) => {
                let vals = args
                    .iter()
                    .map(|a| a.eval(lookup))
                    .collect::<Result<Vec<_>, _>>()?;
                let pick = if name == "min" {
                    vals.into_iter().min()
                } else {
                    vals.into_iter().max()
                };
                pick.ok_or_else(|| format!("{name}() needs arguments"))
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
            Expr::Neg(e) => format!("-{}", e.substituted(lookup)),
            Expr::Percent(e) => format!("{}%", e.substituted(lookup)),
            Expr::Bin(a, op, b) => {
                let sym = match op {
                    '*' => '×',
                    '/' => '÷',
                    '-' => '−',
                    c => *c,
                };
                let wrap = |e: &Expr| match e {
                    Expr::Bin(_, o, _) if matches!(o, '+' | '-') && matches!(op, '*' | '/') => {
                        format!("({})", e.substituted(lookup))
                    }
                    _ => e.substituted(lookup),
                };
                format!("{} {sym} {}", wrap(a), wrap(b))
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
            Expr::Bin(a, _, b) => {
                a.names(out);
                b.names(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.names(out)),
        }
    }
}

fn overflow() -> String {
    "the result is too large".into()
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
        parse(expr)?.eval(&|n| vars.iter().find(|(k, _)| k == n).map(|(_, v)| *v))
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
}
