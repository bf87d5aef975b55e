//! Measures and the rules that compare them with a limit: the measure itself (a ratio, an input,
//! or an expression such as a difference or a growth), rounding it before the rule when the
//! rule says so, thresholds in either direction, and deductions per step beyond a dead band.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Ctx, Eval, mul, too_large};
use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::Step;
use crate::scoring::formula;
use crate::scoring::rounding::{plain, round};

/// A percentage as the right-hand operand of a subtraction: `4%`, but `(-4%)` so that
/// "(-3% − -4%)" never appears.
pub(super) fn operand_pct(v: Decimal) -> String {
    if v < Decimal::ZERO {
        format!("({}%)", plain(v))
    } else {
        format!("{}%", plain(v))
    }
}

/// `96.5%`, `180 人`, `2.3 个百分点`.
pub(super) fn amount(v: Decimal, unit: &str) -> String {
    let v = plain(v.round_dp(4));
    if unit == "%" {
        format!("{v}%")
    } else {
        format!("{v} {unit}")
    }
}

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
                            self.steps.push(Step::Calc(if self.is_percent() {
                                format!("{name} = {}%", plain(v))
                            } else {
                                format!("{name} = {}", amount(v, self.unit()))
                            }));
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
        let how = match self.fw.rounding {
            Rounding::HalfUp => "四舍五入",
            Rounding::Truncate => "截位",
        };
        let kept = if places == 0 {
            "取整".to_string()
        } else {
            format!("保留 {places} 位小数")
        };
        self.steps.push(Step::Calc(format!(
            "按评分标准先将{}{how}{kept}：{} → {}",
            self.measure_label(m),
            amount(exact, self.unit()),
            amount(rounded, self.unit())
        )));
        Ok(rounded)
    }

    fn measure_label(&self, m: &Measure) -> String {
        match m {
            Measure::Value(text) => match formula::parse(text) {
                Ok(e) if e.as_name().is_none() && self.ind.assessment.input(text).is_none() => {
                    self.ind.name.trim().to_string()
                }
                _ => text.clone(),
            },
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
        let shown = e.substituted(&|_| None);
        self.steps.push(Step::Calc(format!(
            "{} = {} = {} = {}",
            self.ind.name.trim(),
            shown,
            e.substituted(&lookup),
            amount(v, self.unit())
        )));
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
        if let (true, ThresholdMiss::Points(p)) = (legacy, otherwise) {
            // The original shape keeps its original words.
            self.steps.push(Step::Rule(format!(
                "≥{}% 得满分，否则得 {} 分",
                plain(limit),
                plain(*p)
            )));
            let m = self.measure(measure)?;
            return Ok((if m >= limit { w } else { *p }, Some(w)));
        }
        let unit = self.unit().to_string();
        let upper = op == CompareOp::AtMost;
        let (met_sym, miss_sym) = if upper { ("≤", ">") } else { ("≥", "<") };
        let name = self.measure_label(measure);
        let miss_text = match otherwise {
            ThresholdMiss::Points(p) if p.is_zero() && upper => "超出不得分".to_string(),
            ThresholdMiss::Points(p) => format!("否则得 {} 分", plain(*p)),
            ThresholdMiss::Rate => format!("否则得分 = {name} × 分值"),
            ThresholdMiss::Proportional if upper => {
                format!("超出按 {}÷实际值×分值 计分", amount(limit, &unit))
            }
            ThresholdMiss::Proportional => {
                format!("否则按 实际值÷{}×分值 计分", amount(limit, &unit))
            }
        };
        self.steps.push(Step::Rule(format!(
            "{met_sym}{} 得满分，{miss_text}",
            amount(limit, &unit)
        )));
        let m = self.measure(measure)?;
        let met = if upper { m <= limit } else { m >= limit };
        let shown = amount(m, &unit);
        if met {
            self.steps.push(Step::Calc(format!(
                "{name} = {shown}，{met_sym}{}，得满分",
                amount(limit, &unit)
            )));
            return Ok((w, Some(w)));
        }
        let head = format!("{name} = {shown}，{miss_sym}{}", amount(limit, &unit));
        let s = match otherwise {
            ThresholdMiss::Points(p) => {
                self.steps
                    .push(Step::Calc(format!("{head}，得 {} 分", plain(*p))));
                *p
            }
            ThresholdMiss::Rate => {
                if !self.is_percent() {
                    return Err(ScoreError::RateNeedsPercent {
                        unit: unit.to_string(),
                    });
                }
                let s = mul(m / Decimal::ONE_HUNDRED, w)?;
                self.steps.push(Step::Calc(format!(
                    "{head}，得分 = {shown} × {} = {}",
                    plain(w),
                    plain(s.round_dp(4))
                )));
                s
            }
            ThresholdMiss::Proportional => {
                let (num, den) = if upper { (limit, m) } else { (m, limit) };
                if den.is_zero() {
                    return Err(ScoreError::ZeroScale);
                }
                let s = mul(num.checked_div(den).ok_or_else(too_large)?, w)?;
                self.steps.push(Step::Calc(format!(
                    "{head}，得分 = {} ÷ {} × {} = {}",
                    amount(num, &unit),
                    amount(den, &unit),
                    plain(w),
                    plain(s.round_dp(4))
                )));
                s
            }
        };
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
        if legacy {
            // The original shape keeps its original words.
            self.steps.push(Step::Rule(format!(
                "≥{}% 得满分，每降低1个百分点扣 {} 分",
                plain(threshold),
                plain(per.round_dp(4))
            )));
            let m = self.measure(measure)?;
            if m >= threshold {
                return Ok((w, Some(w)));
            }
            let gap = threshold - m;
            let s = w - mul(gap, per)?;
            self.steps.push(Step::Calc(format!(
                "{} − ({}% − {}) × {} = {}",
                plain(w),
                plain(threshold),
                operand_pct(m.round_dp(2)),
                plain(per.round_dp(4)),
                plain(s.round_dp(4))
            )));
            return Ok((s, Some(w)));
        }
        let unit = self.unit().to_string();
        // A percentage rule deducts per percentage point.
        let step_unit = if unit == "%" {
            "个百分点"
        } else {
            unit.as_str()
        };
        let point = |v: Decimal| amount(v, step_unit);
        let percentish = unit == "%" || unit.contains("百分点");
        let (verb, change) = match (above, percentish) {
            (false, true) => ("降低", "下降"),
            (false, false) => ("少", "少"),
            (true, true) => ("超出", "上升"),
            (true, false) => ("多", "多"),
        };
        let around_zero = threshold.is_zero();
        // "95% 得满分" but "200 人得满分": a word unit already ends the number.
        let gap_after = |unit: &str| if unit == "%" { " " } else { "" };
        let mut rule = if around_zero {
            String::new()
        } else {
            format!(
                "{}{}{}得满分，",
                if above { "≤" } else { "≥" },
                amount(threshold, &unit),
                gap_after(&unit)
            )
        };
        if !tolerance.is_zero() {
            if around_zero {
                rule.push_str(&format!("变动在 ±{}以内视为持平得满分；", point(tolerance)));
            } else {
                rule.push_str(&format!(
                    "{}不超过 {}视为达标得满分；",
                    if above { "超出" } else { "低于" },
                    point(tolerance)
                ));
            }
        }
        rule.push_str(&format!(
            "每{} {}扣 {} 分",
            if around_zero { change } else { verb },
            point(step),
            plain(per.round_dp(4))
        ));
        rule.push_str(match steps {
            StepCount::ProRata if step != Decimal::ONE => "，不足一档按比例扣分",
            StepCount::ProRata => "",
            StepCount::Whole => "，不足一档不扣分",
            StepCount::Started => "，不足一档按一档扣分",
        });
        rule.push_str("，扣完为止");
        self.steps.push(Step::Rule(rule));
        let m = self.measure(measure)?;
        let gap = if above { m - threshold } else { threshold - m };
        let band = if around_zero {
            "持平区间"
        } else {
            "允许区间"
        };
        let lead = if gap <= Decimal::ZERO {
            format!(
                "{} {} {}",
                amount(m, &unit),
                if above { "≤" } else { "≥" },
                amount(threshold, &unit)
            )
        } else if around_zero {
            format!("{change} {}", point(gap))
        } else {
            format!(
                "{} {}，{} {} {}",
                self.measure_label(measure),
                amount(m, &unit),
                if above { "超出" } else { "低于" },
                amount(threshold, &unit),
                point(gap)
            )
        };
        if gap <= Decimal::ZERO {
            self.steps.push(Step::Calc(format!("{lead}，得满分")));
            return Ok((w, Some(w)));
        }
        if gap <= tolerance {
            self.steps.push(Step::Calc(format!(
                "{lead}，在{band}（{}）以内，得满分",
                point(tolerance)
            )));
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
        let mut line = lead;
        if !tolerance.is_zero() {
            line.push_str(&format!("，超出{band} {}", point(excess)));
        }
        if step != Decimal::ONE || steps != StepCount::ProRata {
            line.push_str(&format!("，计 {} 档", plain(count.round_dp(4))));
        }
        line.push_str(&format!("，扣 {} 分", plain(deduction.round_dp(4))));
        self.steps.push(Step::Calc(line));
        let s = w - deduction;
        if s < Decimal::ZERO {
            self.steps.push(Step::Note("扣分超过分值，扣完为止".into()));
        }
        Ok((s, Some(w)))
    }
}
