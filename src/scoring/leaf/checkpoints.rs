//! One checkpoint (评价要点) of a `checkpoints` rule: all or nothing, partial credit, or points
//! lost per shortcoming found.

use rust_decimal::Decimal;

use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::CheckVerdict;

/// What one checkpoint earns from what was recorded for it, and the verdict for the explanation.
/// Nothing recorded counts as not met.
pub(super) fn checkpoint_points(
    i: usize,
    c: &Checkpoint,
    check: Option<Check>,
) -> Result<(Decimal, CheckVerdict), ScoreError> {
    let full = c.points;
    let check = match (c.credit, check.unwrap_or(Check::Met(false))) {
        // 1/0 on an all-or-nothing checkpoint, as the command line takes them.
        (Credit::Whole, Check::Number(n)) if n == Decimal::ONE => Check::Met(true),
        (Credit::Whole, Check::Number(n)) if n.is_zero() => Check::Met(false),
        (_, check) => check,
    };
    Ok(match (c.credit, check) {
        (_, Check::Met(true)) => (full, CheckVerdict::Met { points: full }),
        (_, Check::Met(false)) => (Decimal::ZERO, CheckVerdict::NotMet { points: full }),
        (Credit::Whole, Check::Number(n)) => {
            return Err(ScoreError::CheckIsMetOrNot {
                number: i + 1,
                value: n,
            });
        }
        (Credit::Partial, Check::Number(n)) => {
            if n < Decimal::ZERO || n > full {
                return Err(ScoreError::CheckAwardOutOfRange {
                    number: i + 1,
                    value: n,
                    max: full,
                });
            }
            let verdict = if n == full {
                CheckVerdict::Met { points: full }
            } else {
                CheckVerdict::Partial { got: n, full }
            };
            (n, verdict)
        }
        (Credit::PerItem(each), Check::Number(n)) => {
            if n < Decimal::ZERO || n.fract() != Decimal::ZERO {
                return Err(ScoreError::CheckCountNotWhole {
                    number: i + 1,
                    value: n,
                });
            }
            if n.is_zero() {
                (full, CheckVerdict::NoneMissing { points: full })
            } else {
                let lost = (n * each).min(full);
                (
                    full - lost,
                    CheckVerdict::Missing {
                        missing: n,
                        each,
                        got: full - lost,
                        capped: n * each > full,
                    },
                )
            }
        }
    })
}
