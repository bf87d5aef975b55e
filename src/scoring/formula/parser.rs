//! A bounded recursive-descent parser: every level of nesting is counted against
//! [`MAX_DEPTH`], so no formula can exhaust the stack.

use super::lex::Tok;
use super::{Expr, FUNCTIONS, FormulaError, MAX_DEPTH};

pub(crate) struct Parser {
    tokens: Vec<(Tok, usize)>,
    at: usize,
    depth: usize,
    /// The formula's length in characters, for errors at its end.
    end: usize,
}

impl Parser {
    pub(crate) fn new(tokens: Vec<(Tok, usize)>, end: usize) -> Parser {
        Parser {
            tokens,
            at: 0,
            depth: 0,
            end,
        }
    }

    /// The whole formula: one expression and nothing after it.
    pub(crate) fn formula(mut self) -> Result<Expr, FormulaError> {
        let e = self.expr()?;
        match self.tokens.get(self.at) {
            None => Ok(e),
            Some((t, at)) => Err(FormulaError::Trailing {
                found: t.to_string(),
                at: at + 1,
            }),
        }
    }

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

    fn enter(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(FormulaError::TooDeep { at: self.here() });
        }
        Ok(())
    }

    /// A sum, optionally compared with another: `完成率 >= 95`.
    fn expr(&mut self) -> Result<Expr, FormulaError> {
        self.enter()?;
        let left = self.sum()?;
        let out = if let Some(Tok::Cmp(c)) = self.peek().cloned() {
            self.at += 1;
            let right = self.sum()?;
            if let Some(Tok::Cmp(_)) = self.peek() {
                return Err(FormulaError::SecondComparison { at: self.here() });
            }
            Expr::Compare(Box::new(left), c, Box::new(right))
        } else {
            left
        };
        self.depth -= 1;
        Ok(out)
    }

    fn sum(&mut self) -> Result<Expr, FormulaError> {
        self.chain(['+', '-'], Self::product)
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        self.chain(['*', '/'], Self::unary)
    }

    /// Terms joined by operators of one precedence level, into one wide node.
    fn chain(
        &mut self,
        ops: [char; 2],
        term: fn(&mut Self) -> Result<Expr, FormulaError>,
    ) -> Result<Expr, FormulaError> {
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

    fn unary(&mut self) -> Result<Expr, FormulaError> {
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

    fn atom(&mut self) -> Result<Expr, FormulaError> {
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
                    return Err(FormulaError::UnknownFunction { name, at });
                }
                self.at += 1;
                let mut args = vec![self.expr()?];
                while self.eat(',') {
                    args.push(self.expr()?);
                }
                if !self.eat(')') {
                    return Err(FormulaError::UnclosedCall {
                        function: name,
                        opened: at,
                        at: self.here(),
                    });
                }
                let arity_ok = match name.as_str() {
                    "min" | "max" => !args.is_empty(),
                    "if" => args.len() == 3,
                    "round" | "floor" | "ceil" => matches!(args.len(), 1 | 2),
                    _ => args.len() == 1,
                };
                if !arity_ok {
                    return Err(FormulaError::WrongArguments {
                        function: name,
                        at,
                        given: args.len(),
                    });
                }
                Ok(Expr::Call(name, args))
            }
            Some(Tok::Op('(')) => {
                self.at += 1;
                let e = self.expr()?;
                if !self.eat(')') {
                    return Err(FormulaError::UnclosedBracket {
                        opened: at,
                        at: self.here(),
                    });
                }
                Ok(e)
            }
            Some(t) => Err(FormulaError::Unexpected {
                found: t.to_string(),
                at,
            }),
            None => Err(FormulaError::EndsEarly),
        }
    }
}
