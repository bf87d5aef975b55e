//! The target-comparison rule: a planned value with a direction (≥, ≤, =, by a date) against
//! the actual one; met earns full marks, a miss earns fixed points or a proportional share.

use super::{Ctx, Eval, mul, too_large};
use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::Step;

impl Ctx<'_> {
    pub(super) fn target(
        &mut self,
        actual: &str,
        op: CompareOp,
        target: &TargetValue,
        otherwise: &TargetMiss,
    ) -> Eval {
        let w = self.weight;
        self.steps.push(Step::TargetRule {
            op,
            target: target.clone(),
            miss: otherwise.clone(),
        });
        self.input_step(actual);
        let met = match (target, self.ind.assessment.input(actual)) {
            (_, None) => {
                return Err(ScoreError::InputNotRecorded {
                    name: actual.to_string(),
                    expected: crate::scoring::Expected::Number,
                });
            }
            (TargetValue::Date(t), Some(InputValue::Date(a))) => match op {
                CompareOp::By | CompareOp::AtMost => a <= t,
                CompareOp::AtLeast => a >= t,
                CompareOp::Equal => a == t,
            },
            (TargetValue::Number(t), Some(InputValue::Number(a))) => match op {
                CompareOp::AtLeast => a >= t,
                CompareOp::AtMost | CompareOp::By => a <= t,
                CompareOp::Equal => a == t,
            },
            _ => {
                return Err(ScoreError::TargetKindMismatch {
                    name: actual.to_string(),
                });
            }
        };
        self.steps.push(Step::TargetReached { met });
        if met {
            return Ok((w, Some(w)));
        }
        match otherwise {
            TargetMiss::Points(p) => Ok((*p, Some(w))),
            TargetMiss::Proportional => {
                let (TargetValue::Number(t), Some(InputValue::Number(a))) =
                    (target, self.ind.assessment.input(actual))
                else {
                    return Err(ScoreError::ProportionalNeedsNumbers);
                };
                let ratio = match op {
                    CompareOp::AtMost | CompareOp::By if !a.is_zero() => {
                        t.checked_div(*a).ok_or_else(too_large)?
                    }
                    _ if !t.is_zero() => a.checked_div(*t).ok_or_else(too_large)?,
                    _ => return Err(ScoreError::ZeroScale),
                };
                let s = mul(ratio, w)?;
                self.steps.push(Step::RateTimesWeight {
                    ratio,
                    weight: w,
                    score: s,
                });
                Ok((s, Some(w)))
            }
        }
    }
}
