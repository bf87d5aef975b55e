//! Scoring one leaf by its rule: the arithmetic, the bounds, and the steps that explain it.

mod checkpoints;
mod deductions;
mod measured;
mod sources;
mod target;

use rust_decimal::Decimal;

use super::explanation::{MeasureName, Step};
use super::formula;
use super::rounding::round;
use super::{Expected, ScoreError};
use crate::model::*;

/// Where a leaf stands after scoring.
#[derive(Debug, Clone, PartialEq)]
pub enum LeafState {
    Scored,
    /// Nothing recorded yet (未评); counts 0 and is reported as progress.
    Unscored,
    /// 不适用, with its reason: dropped per the framework's N/A policy.
    NotApplicable(String),
    /// Data not provided: scores 0, with the reason.
    Unscorable(String),
    /// 未完成: the rule reads inputs that are not recorded yet (the second figure arrives
    /// tomorrow, or a name was mistyped). Counts like 未评 — 0 points, not in the progress —
    /// and is not an error of the file. Holds the names still missing.
    Incomplete(Vec<String>),
    /// The rule cannot be computed from what is recorded (zero denominator, a date where a
    /// number belongs …): scores 0 until fixed.
    Error(ScoreError),
}

impl LeafState {
    /// Still waiting for the evaluator (未评 or 未完成): adds nothing to the total and is not
    /// part of the progress.
    pub fn is_pending(&self) -> bool {
        matches!(self, LeafState::Unscored | LeafState::Incomplete(_))
    }
}

/// The result of scoring one leaf.
#[derive(Debug, Clone, PartialEq)]
pub struct LeafOutcome {
    pub state: LeafState,
    /// What the rule gives, rounded and bounded to [0, weight].
    pub computed: Option<Decimal>,
    /// The awarded score recorded explicitly (`score` on a non-judgement leaf).
    pub awarded: Option<Decimal>,
    /// The score that counts.
    pub score: Decimal,
    /// The most this leaf's rule can ever give (for the "rule maximum below weight" warning).
    pub rule_max: Option<Decimal>,
    /// The rate the rule measured, as a ratio, when it measures one.
    pub measured: Option<Decimal>,
    pub steps: Vec<Step>,
}

struct Ctx<'a> {
    ind: &'a Indicator,
    fw: &'a FrameworkInfo,
    /// The full marks the current rule scales: the leaf's weight, or the rule's own `max`.
    weight: Decimal,
    steps: Vec<Step>,
    measured: Option<Decimal>,
    /// The current rule's measure options (see `Rule::rate_places`, `Rule::unit`).
    rate_places: Option<u32>,
    unit: Option<String>,
    years: YearMode,
}

type Eval = Result<(Decimal, Option<Decimal>), ScoreError>;

/// Scores `ind` against `weight` (its effective weight after any N/A redistribution).
pub fn score_leaf(ind: &Indicator, weight: Decimal, fw: &FrameworkInfo) -> LeafOutcome {
    let a = &ind.assessment;
    let mut out = LeafOutcome {
        state: LeafState::Scored,
        computed: None,
        awarded: None,
        score: Decimal::ZERO,
        rule_max: None,
        measured: None,
        steps: Vec::new(),
    };
    if let Some(reason) = &a.na {
        out.state = LeafState::NotApplicable(reason.clone());
        out.steps.push(Step::NotApplicable {
            reason: reason.trim().to_string(),
        });
        return out;
    }
    if let Some(reason) = &a.unscorable {
        out.state = LeafState::Unscorable(reason.clone());
        out.computed = Some(Decimal::ZERO);
        out.steps.push(Step::Unscorable {
            reason: reason.trim().to_string(),
        });
        out.steps.push(Step::Total {
            score: Decimal::ZERO,
            weight,
            by_rule: false,
            lost: None,
            rate: None,
        });
        return out;
    }
    if a.status == Status::Unscored {
        // A record under a leaf marked 未评 stays in the file but does not count until the
        // leaf is marked 已评 again (any new judgement does that).
        out.state = LeafState::Unscored;
        out.steps.push(Step::Unscored {
            has_record: a.has_record(),
        });
        return out;
    }
    let mut cx = Ctx {
        ind,
        fw,
        weight,
        steps: Vec::new(),
        measured: None,
        rate_places: None,
        unit: None,
        years: YearMode::Sum,
    };
    let judged = matches!(ind.rule.kind, RuleKind::Judgement { .. });
    let result = cx.rule(&ind.rule);
    if !matches!(ind.rule.kind, RuleKind::Deductions { .. }) {
        // On other rules, findings explain the score (and an awarded score) instead of making it.
        cx.add_deduction_notes();
    }
    out.measured = cx.measured;
    out.steps = cx.steps;
    if ind.rule.reconstructed {
        // The report never prints this rule: a reader must know the evaluators rebuilt it.
        out.steps.insert(0, Step::RuleReconstructed);
    }
    match result {
        Ok((raw, max)) => {
            out.rule_max = max;
            let bounded = raw.max(Decimal::ZERO).min(weight);
            if bounded != raw {
                out.steps.push(Step::OutOfBounds {
                    raw,
                    weight,
                    counted: bounded,
                });
            }
            let computed = round(bounded, fw.places, fw.rounding);
            out.computed = Some(computed);
            out.score = computed;
            if !judged && let Some(awarded) = a.score {
                out.awarded = Some(awarded);
                out.score = awarded;
                if awarded != computed {
                    out.steps.push(Step::AwardedDiffers { awarded, computed });
                }
            }
            let lost = weight - out.score;
            // An awarded score that is not the rule's is not "按评分标准": say whose it is.
            out.steps.push(Step::Total {
                score: out.score,
                weight,
                by_rule: out.awarded.is_none_or(|s| s == computed),
                lost: Some(lost).filter(|l| *l > Decimal::ZERO),
                rate: super::rounding::rate(out.score, weight),
            });
        }
        // An awarded score over a rule whose figures are not recorded yet (a sheet imported
        // with its scores but not the numbers behind them): the score counts, and `check` says
        // the rule cannot check it until they are.
        Err(_) if a.score.is_some() && !judged && !missing_inputs(ind).is_empty() => {
            let awarded = a.score.unwrap_or_default();
            out.awarded = Some(awarded);
            out.score = awarded;
            out.steps.push(Step::AwardedWithoutInputs {
                missing: missing_inputs(ind),
                awarded,
            });
        }
        Err(_) if a.score.is_none() && !missing_inputs(ind).is_empty() => {
            let missing = missing_inputs(ind);
            out.steps.push(Step::Incomplete {
                missing: missing.clone(),
            });
            out.state = LeafState::Incomplete(missing);
        }
        Err(msg) => {
            out.steps.push(Step::CannotCompute(msg.clone()));
            out.state = LeafState::Error(msg);
            if let Some(awarded) = a.score.filter(|_| !judged) {
                out.awarded = Some(awarded);
                out.score = awarded;
                out.steps.push(Step::AwardedDespiteError { awarded });
            }
        }
    }
    out
}

/// The inputs `ind`'s rule reads that are not recorded.
pub fn missing_inputs(ind: &Indicator) -> Vec<String> {
    let a = &ind.assessment;
    // A name the rule reads may be a plain input, a per-year input or a questionnaire.
    super::inputs::rule_inputs(&ind.rule)
        .into_iter()
        .filter(|n| a.input(n).is_none() && a.yearly_input(n).is_none() && a.survey(n).is_none())
        .collect()
}

impl Ctx<'_> {
    fn number(&self, name: &str) -> Result<Decimal, ScoreError> {
        match self.ind.assessment.input(name) {
            Some(InputValue::Number(d)) => Ok(*d),
            Some(InputValue::Flag(b)) => Ok(if *b { Decimal::ONE } else { Decimal::ZERO }),
            Some(InputValue::Date(_)) => Err(ScoreError::InputIsDate {
                name: name.to_string(),
                expected: Expected::Number,
            }),
            None => self.derived(name).unwrap_or_else(|| {
                Err(ScoreError::InputNotRecorded {
                    name: name.to_string(),
                    expected: Expected::Number,
                })
            }),
        }
    }

    fn flag(&self, name: &str) -> Result<bool, ScoreError> {
        match self.ind.assessment.input(name) {
            Some(InputValue::Flag(b)) => Ok(*b),
            Some(InputValue::Number(d)) => Ok(!d.is_zero()),
            Some(InputValue::Date(_)) => Err(ScoreError::InputIsDate {
                name: name.to_string(),
                expected: Expected::Flag,
            }),
            None => Err(ScoreError::InputNotRecorded {
                name: name.to_string(),
                expected: Expected::Flag,
            }),
        }
    }

    fn input_step(&mut self, name: &str) {
        if self.ind.assessment.input(name).is_none() && self.source_steps(name) {
            return;
        }
        if let Some(v) = self.ind.assessment.input(name) {
            self.steps.push(Step::Input {
                name: name.to_string(),
                value: v.clone(),
            });
        }
    }

    /// numerator ÷ denominator, as a ratio, with its arithmetic step.
    fn ratio(&mut self, numerator: &str, denominator: &str) -> Result<Decimal, ScoreError> {
        if self.years == YearMode::Mean
            && let Some(r) = self.mean_of_yearly_ratios(numerator, denominator)
        {
            return r;
        }
        let n = self.number(numerator)?;
        let d = self.number(denominator)?;
        for name in [numerator, denominator] {
            if self.ind.assessment.input(name).is_none() {
                self.source_steps(name);
            }
        }
        if d.is_zero() {
            return Err(ScoreError::ZeroDenominator {
                name: denominator.to_string(),
                year: None,
            });
        }
        let r = n.checked_div(d).ok_or_else(too_large)?;
        self.steps.push(Step::Ratio {
            measure: self.measure_name(),
            numerator: numerator.to_string(),
            denominator: denominator.to_string(),
            n,
            d,
            ratio: r,
        });
        self.measured = Some(r);
        Ok(r)
    }

    fn measure_name(&self) -> MeasureName {
        let name = self.ind.name.trim();
        if name.ends_with('率') || name.ends_with('度') {
            MeasureName::Named(name.to_string())
        } else {
            MeasureName::Generic
        }
    }

    fn rule(&mut self, rule: &Rule) -> Eval {
        let saved = (self.weight, self.rate_places, self.unit.take(), self.years);
        self.rate_places = rule.rate_places.or(self.fw.rate_places);
        self.unit = rule.unit.clone();
        self.years = rule.years;
        if let Some(max) = rule.max {
            self.steps.push(Step::RuleMax {
                max,
                weight: self.weight,
            });
            self.weight = max;
        }
        let mut result = self.kind(rule);
        if let (Some(max), Ok((v, rule_max))) = (rule.max, &mut result) {
            // A formula knows no maximum of its own: the rule's `max` is it, and caps it.
            *rule_max = Some(rule_max.map_or(max, |m| m.min(max)));
            if *v > max {
                self.steps.push(Step::OverRuleMax { raw: *v, max });
                *v = max;
            }
        }
        (self.weight, self.rate_places, self.unit, self.years) = saved;
        result
    }

    fn kind(&mut self, rule: &Rule) -> Eval {
        for v in &rule.veto {
            // A veto finding nobody recorded was not found ("一旦存在…" applies only when it does).
            let found = match self.ind.assessment.input(v) {
                None => false,
                Some(_) => self.flag(v)?,
            };
            if found {
                self.steps.push(Step::Veto { finding: v.clone() });
                self.steps.push(Step::VetoFound { finding: v.clone() });
                return Ok((Decimal::ZERO, Some(self.weight)));
            }
        }
        let w = self.weight;
        let hundred = Decimal::ONE_HUNDRED;
        match &rule.kind {
            RuleKind::Deductions {
                per_item,
                fraction,
                groups,
            } => self.deductions(*per_item, *fraction, groups),
            RuleKind::Judgement { min, max } => {
                let lo = min.unwrap_or(Decimal::ZERO);
                let hi = max.unwrap_or(w);
                self.steps.push(Step::Judgement { min: lo, max: hi });
                let s = self.ind.assessment.score.ok_or(ScoreError::NoJudgedScore)?;
                if s < lo || s > hi {
                    return Err(ScoreError::JudgedOutOfRange {
                        score: s,
                        min: lo,
                        max: hi,
                    });
                }
                Ok((s, Some(hi)))
            }
            RuleKind::Checkpoints { points } => {
                self.steps.push(Step::CheckpointsRule);
                let mut total = Decimal::ZERO;
                for (i, c) in points.iter().enumerate() {
                    let text = self.ind.criteria.get(i).map(|t| t.trim().to_string());
                    let check = self.ind.assessment.checks.get(i).copied();
                    let (got, verdict) = checkpoints::checkpoint_points(i, c, check)?;
                    total += got;
                    self.steps.push(Step::Checkpoint {
                        number: i + 1,
                        text,
                        verdict,
                    });
                }
                Ok((total, Some(points.iter().map(|c| c.points).sum())))
            }
            RuleKind::Levels { levels } => {
                self.steps.push(Step::LevelsRule {
                    levels: levels
                        .iter()
                        .map(|l| (l.name.clone(), l.points_of(w)))
                        .collect(),
                });
                let max = levels.iter().map(|l| l.points_of(w)).max();
                let tier = self
                    .ind
                    .assessment
                    .tier
                    .as_deref()
                    .ok_or(ScoreError::NoTier)?;
                let level = levels.iter().find(|l| l.name == tier).ok_or_else(|| {
                    ScoreError::UnknownTier {
                        tier: tier.to_string(),
                        levels: levels.iter().map(|l| l.name.clone()).collect(),
                    }
                })?;
                self.steps.push(Step::LevelReached {
                    name: level.name.clone(),
                    points: level.points_of(w),
                });
                Ok((level.points_of(w), max))
            }
            RuleKind::Rate { measure, cap } => {
                self.steps.push(Step::RateRule {
                    measure: self.measure_name(),
                    capped: *cap,
                });
                let r = self.measure(measure)? / hundred;
                let used = if *cap { r.min(Decimal::ONE) } else { r };
                let s = mul(used, w)?;
                self.steps.push(Step::RateTimesWeight {
                    ratio: used,
                    weight: w,
                    score: s,
                });
                Ok((s, Some(w)))
            }
            RuleKind::Threshold {
                measure,
                op,
                limit,
                otherwise,
            } => self.threshold(measure, *op, *limit, otherwise),
            RuleKind::Bands { measure, bands } => {
                let mut sorted = bands.clone();
                sorted.sort_by_key(|b| std::cmp::Reverse(b.0));
                self.steps.push(Step::BandsRule {
                    bands: sorted.clone(),
                });
                let m = self.measure(measure)?;
                let points = sorted
                    .iter()
                    .find(|(min, _)| m >= *min)
                    .map(|(_, p)| *p)
                    .unwrap_or_default();
                Ok((points, sorted.iter().map(|b| b.1).max()))
            }
            RuleKind::Proportional { measure, threshold } => {
                self.steps.push(Step::ProportionalRule {
                    threshold: *threshold,
                });
                let m = self.measure(measure)?;
                if threshold.is_zero() {
                    return Err(ScoreError::ZeroThreshold);
                }
                if m >= *threshold {
                    return Ok((w, Some(w)));
                }
                let s = mul(m / threshold, w)?;
                self.steps.push(Step::ShareOfLimit {
                    measured: m,
                    limit: *threshold,
                    weight: w,
                    score: s,
                });
                Ok((s, Some(w)))
            }
            RuleKind::Hybrid {
                measure,
                full,
                floor,
            } => {
                self.steps.push(Step::HybridRule {
                    full: *full,
                    floor: *floor,
                });
                let m = self.measure(measure)?;
                if m >= *full {
                    Ok((w, Some(w)))
                } else if m < *floor || full.is_zero() {
                    Ok((Decimal::ZERO, Some(w)))
                } else {
                    let s = mul(m / full, w)?;
                    self.steps.push(Step::ShareOfLimit {
                        measured: m,
                        limit: *full,
                        weight: w,
                        score: s,
                    });
                    Ok((s, Some(w)))
                }
            }
            RuleKind::PerPoint {
                measure,
                threshold,
                deduct,
                deduct_fraction,
                step,
                steps,
                above,
                tolerance,
            } => {
                let per = match (deduct, deduct_fraction) {
                    (Some(d), _) => *d,
                    (None, Some(f)) => f.of(w),
                    (None, None) => {
                        return Err(ScoreError::PerPointWithoutDeduct);
                    }
                };
                self.per_point(measure, *threshold, per, *step, *steps, *above, *tolerance)
            }
            RuleKind::Linear {
                measure,
                full_at,
                zero_at,
            } => {
                self.steps.push(Step::LinearRule {
                    full_at: *full_at,
                    zero_at: *zero_at,
                });
                let m = self.measure(measure)?;
                if full_at == zero_at {
                    return Err(ScoreError::LinearBoundsEqual);
                }
                let frac = ((m - zero_at) / (full_at - zero_at))
                    .max(Decimal::ZERO)
                    .min(Decimal::ONE);
                let s = frac * w;
                if !frac.is_zero() && frac != Decimal::ONE {
                    self.steps.push(Step::LinearCalc {
                        measured: m,
                        zero_at: *zero_at,
                        full_at: *full_at,
                        weight: w,
                        score: s,
                    });
                }
                Ok((s, Some(w)))
            }
            RuleKind::Target {
                actual,
                op,
                target,
                otherwise,
            } => self.target(actual, *op, target, otherwise),
            RuleKind::Formula { expr } => {
                self.steps.push(Step::FormulaRule { expr: expr.clone() });
                let e =
                    formula::parse(expr).map_err(|error| ScoreError::FormulaSyntax { error })?;
                let mut names = Vec::new();
                e.names(&mut names);
                // Each input once, in the order the formula first reads it.
                let mut seen = Vec::new();
                names.retain(|n| {
                    let first = !seen.contains(n);
                    if first {
                        seen.push(n.clone());
                    }
                    first
                });
                for n in &names {
                    self.input_step(n);
                }
                let lookup = |n: &str| {
                    if n == "weight" {
                        Some(w)
                    } else {
                        self.number(n).ok()
                    }
                };
                let v = e.eval(&lookup)?;
                self.steps.push(Step::FormulaCalc {
                    substituted: e.substituted(&lookup),
                    value: v,
                });
                Ok((v, None))
            }
            RuleKind::Branch {
                when,
                then,
                otherwise,
            } => {
                let cond = self.flag(when)?;
                self.steps.push(Step::Condition {
                    name: when.clone(),
                    holds: cond,
                });
                self.rule(if cond { then } else { otherwise })
            }
        }
    }

    fn add_deduction_notes(&mut self) {
        for d in &self.ind.assessment.deductions {
            if let Some(p) = d.points {
                self.steps.push(Step::Deduction {
                    points: p,
                    reason: d.reason.clone(),
                    count: None,
                });
            }
        }
    }
}

fn too_large() -> ScoreError {
    ScoreError::TooLarge
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, ScoreError> {
    a.checked_mul(b).ok_or_else(too_large)
}
