//! The itemised-deductions rule: start from full marks, subtract each finding (explicit points,
//! a count × the per-item amount, or a fraction of the weight), cap groups, floor at 0.

use rust_decimal::Decimal;

use super::{Ctx, Eval, mul, too_large};
use crate::model::*;
use crate::scoring::explanation::Step;

impl Ctx<'_> {
    pub(super) fn deductions(
        &mut self,
        per_item: Option<Decimal>,
        fraction: Option<Fraction>,
        groups: &[DeductionGroup],
    ) -> Eval {
        let w = self.weight;
        self.steps.push(Step::DeductionsRule {
            weight: w,
            per_item,
            fraction,
        });
        let mut group_totals: Vec<(String, Decimal)> = Vec::new();
        let mut total = Decimal::ZERO;
        for d in &self.ind.assessment.deductions {
            let points = match (d.points, d.count) {
                (Some(p), _) => p,
                (None, Some(c)) => match (per_item, fraction) {
                    (Some(p), _) => mul(c, p)?,
                    (None, Some(f)) => f.of(mul(c, w)?),
                    (None, None) => return Err(crate::scoring::ScoreError::CountWithoutPerItem),
                },
                (None, None) => Decimal::ZERO,
            };
            if points < Decimal::ZERO {
                return Err(crate::scoring::ScoreError::NegativeDeduction { points });
            }
            self.steps.push(Step::Deduction {
                points,
                reason: d.reason.clone(),
                count: d.count.filter(|_| d.points.is_none()),
            });
            match &d.group {
                Some(g) => match group_totals.iter_mut().find(|(n, _)| n == g) {
                    Some((_, t)) => *t = t.checked_add(points).ok_or_else(too_large)?,
                    None => group_totals.push((g.clone(), points)),
                },
                None => total = total.checked_add(points).ok_or_else(too_large)?,
            }
        }
        for (name, sum) in group_totals {
            let cap = groups.iter().find(|g| g.name == name).map(|g| g.cap);
            let Some(cap) = cap else {
                return Err(crate::scoring::ScoreError::UndeclaredGroup {
                    name: name.to_string(),
                });
            };
            if sum > cap {
                self.steps.push(Step::GroupCapped {
                    group: name.clone(),
                    sum,
                    cap,
                });
                total += cap;
            } else {
                total += sum;
            }
        }
        if total > Decimal::ZERO {
            let s = w - total;
            self.steps.push(Step::WeightMinusDeductions {
                weight: w,
                total,
                score: s,
            });
            if s < Decimal::ZERO {
                self.steps.push(Step::DeductionsExceedWeight);
            }
            Ok((s.max(Decimal::ZERO), Some(w)))
        } else {
            Ok((w, Some(w)))
        }
    }
}
