//! Measures and the rules that compare them with a limit: the measure itself (a ratio, an input,
//! or an expression such as a difference or a growth), rounding it before the rule when the
//! rule says so, thresholds in either direction, and deductions per step beyond a dead band.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Ctx, Eval, mul, too_large};
use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::{
    MeasureName, PerPointLoss, PerPointResult, PerPointRule, Step, ThresholdOutcome,
};
use crate::scoring::formula;
use crate::scoring::rounding::round;

impl Ctx<'_> {
    pub(super) fn unit(&self) -> &str {
        self.unit.as_deref().unwrap_or("%")
    }

    fn is_percent(&self) -> bool {
        self.unit.is_none()
    }

    /// The measure in percent units (95 = 95%), or in the rule's `unit`, rounded to the rule's
    /// (or the framework's) `rate_places` when one is set.
    pub(super) fn measure(&mut self, m: &Measure) -> Result<Decimal, ScoreError> {
        let exact = match m {
            Measure::Ratio {
                numerator,
                denominator,
            } => self.ratio(numerator, denominator)? * Decimal::ONE_HUNDRED,
            Measure::Value(text) => {
                // A recorded input of that exact name wins, so a name like "满意度(%)" that
                // also reads as an expression means what it meant before expressions existed.
                let parsed = match self.ind.assessment.input(text) {
                    Some(_) => None,
                    None => formula::parse(text).ok(),
                };
                let expr = parsed.filter(|e| e.as_name().is_none());
                let v = match expr {
                    Some(e) => self.expression_measure(&e)?,
                    None => {
                        let name = text.as_str();
                        let v = self.number(name)?;
                        let derived = self.ind.assessment.input(name).is_none();
                        let survey = derived && self.ind.assessment.survey(name).is_some();
                        if derived {
                            self.source_steps(name);
                        }
                        if !survey {
                            self.steps.push(Step::MeasureValue {
                                name: name.to_string(),
                                value: v,
                                unit: self.unit.clone(),
                            });
                        }
                        v
                    }
                };
                if self.is_percent() {
                    self.measured = Some(v / Decimal::ONE_HUNDRED);
                }
                v
            }
        };
        let Some(places) = self.rate_places else {
            return Ok(exact);
        };
        let rounded = round(exact, places, self.fw.rounding);
        if rounded == exact {
            return Ok(exact);
        }
        self.steps.push(Step::MeasureRounded {
            label: self.measure_label(m),
            rounding: self.fw.rounding,
            places,
            exact,
            rounded,
            unit: self.unit.clone(),
        });
        Ok(rounded)
    }

    fn measure_label(&self, m: &Measure) -> MeasureName {
        match m {
            Measure::Value(text) => MeasureName::Named(match formula::parse(text) {
                Ok(e) if e.as_name().is_none() && self.ind.assessment.input(text).is_none() => {
                    self.ind.name.trim().to_string()
                }
                _ => text.clone(),
            }),
            Measure::Ratio { .. } => self.measure_name(),
        }
    }

    /// A measure computed from several inputs: `本年执行率 − 上年执行率 = 95.5 − 97.8 = -2.3`.
    fn expression_measure(&mut self, e: &formula::Expr) -> Result<Decimal, ScoreError> {
        let mut names = Vec::new();
        e.names(&mut names);
        let mut seen: Vec<String> = Vec::new();
        for n in names {
            if !seen.contains(&n) {
                self.input_step(&n);
                seen.push(n);
            }
        }
        let lookup = |n: &str| self.number(n).ok();
        let v = e.eval(&lookup)?;
        self.steps.push(Step::Expression {
            name: self.ind.name.trim().to_string(),
            expr: e.substituted(&|_| None),
            substituted: e.substituted(&lookup),
            value: v,
            unit: self.unit.clone(),
        });
        Ok(v)
    }

    pub(super) fn threshold(
        &mut self,
        measure: &Measure,
        op: CompareOp,
        limit: Decimal,
        otherwise: &ThresholdMiss,
    ) -> Eval {
        let w = self.weight;
        let legacy = op == CompareOp::AtLeast
            && matches!(otherwise, ThresholdMiss::Points(_))
            && self.unit.is_none();
        let upper = op == CompareOp::AtMost;
        let name = self.measure_label(measure);
        self.steps.push(Step::ThresholdRule {
            measure: name.clone(),
            upper,
            limit,
            unit: self.unit.clone(),
            miss: otherwise.clone(),
            legacy,
        });
        if let (true, ThresholdMiss::Points(p)) = (legacy, otherwise) {
            let m = self.measure(measure)?;
            return Ok((if m >= limit { w } else { *p }, Some(w)));
        }
        let m = self.measure(measure)?;
        let met = if upper { m <= limit } else { m >= limit };
        let (s, outcome) = if met {
            (w, ThresholdOutcome::Met)
        } else {
            match otherwise {
                ThresholdMiss::Points(p) => (*p, ThresholdOutcome::Points(*p)),
                ThresholdMiss::Rate => {
                    if !self.is_percent() {
                        return Err(ScoreError::RateNeedsPercent {
                            unit: self.unit().to_string(),
                        });
                    }
                    let s = mul(m / Decimal::ONE_HUNDRED, w)?;
                    (
                        s,
                        ThresholdOutcome::Rate {
                            weight: w,
                            score: s,
                        },
                    )
                }
                ThresholdMiss::Proportional => {
                    let (num, den) = if upper { (limit, m) } else { (m, limit) };
                    if den.is_zero() {
                        return Err(ScoreError::ZeroScale);
                    }
                    let s = mul(num.checked_div(den).ok_or_else(too_large)?, w)?;
                    let outcome = ThresholdOutcome::Proportional {
                        num,
                        den,
                        weight: w,
                        score: s,
                    };
                    (s, outcome)
                }
            }
        };
        self.steps.push(Step::ThresholdResult {
            name,
            value: m,
            upper,
            limit,
            unit: self.unit.clone(),
            outcome,
        });
        Ok((s, Some(w)))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn per_point(
        &mut self,
        measure: &Measure,
        threshold: Decimal,
        per: Decimal,
        step: Decimal,
        steps: StepCount,
        above: bool,
        tolerance: Decimal,
    ) -> Eval {
        let w = self.weight;
        let legacy = step == Decimal::ONE
            && steps == StepCount::ProRata
            && !above
            && tolerance.is_zero()
            && self.unit.is_none();
        self.steps.push(Step::PerPointRule(PerPointRule {
            threshold,
            unit: self.unit.clone(),
            above,
            tolerance,
            step,
            per,
            steps,
            legacy,
        }));
        if legacy {
            let m = self.measure(measure)?;
            if m >= threshold {
                return Ok((w, Some(w)));
            }
            let gap = threshold - m;
            let s = w - mul(gap, per)?;
            self.steps.push(Step::PerPointLegacyCalc {
                weight: w,
                threshold,
                measured: m,
                per,
                score: s,
            });
            return Ok((s, Some(w)));
        }
        let m = self.measure(measure)?;
        let gap = if above { m - threshold } else { threshold - m };
        let mut result = PerPointResult {
            label: self.measure_label(measure),
            measured: m,
            threshold,
            unit: self.unit.clone(),
            above,
            gap,
            tolerance,
            loss: None,
        };
        if gap <= tolerance {
            self.steps.push(Step::PerPointResult(result));
            return Ok((w, Some(w)));
        }
        let excess = gap - tolerance;
        let ratio = excess.checked_div(step).ok_or_else(too_large)?;
        let count = match steps {
            StepCount::ProRata => ratio,
            StepCount::Whole => ratio.round_dp_with_strategy(0, RoundingStrategy::ToZero),
            StepCount::Started => ratio.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero),
        };
        let deduction = mul(count, per)?;
        result.loss = Some(PerPointLoss {
            excess,
            count: Some(count).filter(|_| step != Decimal::ONE || steps != StepCount::ProRata),
            deduction,
        });
        self.steps.push(Step::PerPointResult(result));
        let s = w - deduction;
        if s < Decimal::ZERO {
            self.steps.push(Step::DeductionsExceedWeight);
        }
        Ok((s, Some(w)))
    }
}
