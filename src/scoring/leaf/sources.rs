//! Values a rule reads that are not a single recorded number: a figure given per year (全周期,
//! read as the sum of the years or, with `years = "mean"`, per year), and a questionnaire's rate.

use rust_decimal::Decimal;

use super::{Ctx, too_large};
use crate::model::*;
use crate::scoring::ScoreError;
use crate::scoring::explanation::Step;
use crate::scoring::survey;

impl Ctx<'_> {
    /// A value that is not a recorded input: the sum (or mean) of a yearly figure, or a
    /// survey's rate in percent.
    pub(super) fn derived(&self, name: &str) -> Option<Result<Decimal, ScoreError>> {
        let a = &self.ind.assessment;
        if let Some(y) = a.yearly_input(name) {
            return Some(Ok(match self.years {
                YearMode::Sum => y.total(),
                YearMode::Mean => y.total() / Decimal::from(y.years.len().max(1)),
            }));
        }
        a.survey(name).map(|s| survey::tally(s).map(|t| t.rate))
    }

    /// Explains where a derived value comes from (the years, the tally table); false when
    /// `name` is an ordinary input.
    pub(super) fn source_steps(&mut self, name: &str) -> bool {
        let a = &self.ind.assessment;
        if let Some(y) = a.yearly_input(name) {
            let mean = self.years == YearMode::Mean;
            let value = if mean {
                y.total() / Decimal::from(y.years.len().max(1))
            } else {
                y.total()
            };
            self.steps.push(Step::Yearly {
                name: name.to_string(),
                years: y.years.clone(),
                mean,
                value,
            });
            return true;
        }
        if let Some(s) = a.survey(name) {
            if let Ok(t) = survey::tally(s) {
                self.steps.extend(survey::steps(s, &t));
            }
            return true;
        }
        false
    }

    /// 全周期 with `years = "mean"`: each year's numerator ÷ denominator, then their mean.
    pub(super) fn mean_of_yearly_ratios(
        &mut self,
        numerator: &str,
        denominator: &str,
    ) -> Option<Result<Decimal, ScoreError>> {
        let a = &self.ind.assessment;
        let (Some(n), Some(d)) = (a.yearly_input(numerator), a.yearly_input(denominator)) else {
            return None;
        };
        let mut rates = Vec::new();
        let mut lines = Vec::new();
        for (year, dv) in &d.years {
            let Some(nv) = n.get(year) else {
                return Some(Err(ScoreError::YearMissing {
                    input: numerator.to_string(),
                    other: denominator.to_string(),
                    year: year.to_string(),
                }));
            };
            if dv.is_zero() {
                return Some(Err(ScoreError::ZeroDenominator {
                    name: denominator.to_string(),
                    year: Some(year.to_string()),
                }));
            }
            let r = match nv.checked_div(*dv) {
                Some(r) => r,
                None => return Some(Err(too_large())),
            };
            lines.push(Step::YearRatio {
                year: year.to_string(),
                n: nv,
                d: *dv,
                ratio: r,
            });
            rates.push(r);
        }
        if let Some((year, _)) = n.years.iter().find(|(y, _)| d.get(y).is_none()) {
            return Some(Err(ScoreError::YearMissing {
                input: denominator.to_string(),
                other: numerator.to_string(),
                year: year.to_string(),
            }));
        }
        let mean = rates.iter().sum::<Decimal>() / Decimal::from(rates.len().max(1));
        self.steps.extend(lines);
        self.steps.push(Step::MeanOfYearRatios {
            measure: self.measure_name(),
            numerator: numerator.to_string(),
            denominator: denominator.to_string(),
            ratios: rates,
            mean,
        });
        self.measured = Some(mean);
        Some(Ok(mean))
    }
}
