//! The target-comparison rule: a planned value with a direction (≥, ≤, =, by a date) against
//! the actual one; met earns full marks, a miss earns fixed points or a proportional share.

use super::{Ctx, Eval, mul, too_large};
use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::Step;
use crate::scoring::rounding::{percent_of_ratio, plain};

impl Ctx<'_> {
    pub(super) fn target(
        &mut self,
        actual: &str,
        op: CompareOp,
        target: &TargetValue,
        otherwise: &TargetMiss,
    ) -> Eval {
        let w = self.weight;
        let target_text = match target {
            TargetValue::Number(d) => plain(*d),
            TargetValue::Date(s) => s.clone(),
        };
        let miss_text = match otherwise {
            TargetMiss::Points(p) => format!("未达到得 {} 分", plain(*p)),
            TargetMiss::Proportional => "未达到按比例计分".into(),
        };
        let op_text = match op {
            CompareOp::AtLeast => "≥",
            CompareOp::AtMost => "≤",
            CompareOp::Equal => "=",
            CompareOp::By => "不晚于",
        };
        self.steps.push(Step::Rule(format!(
            "目标值 {op_text} {target_text}，达到得满分，{miss_text}"
        )));
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
        self.steps.push(Step::Calc(if met {
            "已达到目标值".into()
        } else {
            "未达到目标值".into()
        }));
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
                self.steps.push(Step::Calc(format!(
                    "{} × {} = {}",
                    percent_of_ratio(ratio),
                    plain(w),
                    plain(s.round_dp(4))
                )));
                Ok((s, Some(w)))
            }
        }
    }
}
