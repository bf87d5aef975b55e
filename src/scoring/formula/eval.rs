//! Evaluating a formula exactly, and showing it with its values substituted.

use rust_decimal::{Decimal, RoundingStrategy};

use super::Expr;
use crate::scoring::{Expected, ScoreError};

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
