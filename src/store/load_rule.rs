//! Reading a leaf's `rule` table: its kind, the parameters that kind takes (anything else is an
//! "unknown key" with the list of what is allowed), and nested rules of a branch.

use rust_decimal::Decimal;
use toml_edit::{TableLike, Value};

use super::fields::Reader;
use crate::diagnostic::{Pos, RuleNeed, RuleProblem, Syntax};
use crate::model::*;

const MEASURE_KEYS: &[&str] = &["numerator", "denominator", "value"];

fn rule_keys(kind: &str) -> Option<Vec<&'static str>> {
    let own: &[&str] = match kind {
        "deductions" => &["per_item", "fraction", "groups"],
        "judgement" => &["min", "max"],
        "checkpoints" => &["points"],
        "levels" => &["levels"],
        "rate" => &["cap"],
        "threshold" => &["at_least", "at_most", "otherwise"],
        "bands" => &["bands"],
        "proportional" => &["threshold"],
        "hybrid" => &["full", "floor"],
        "per_point" => &[
            "threshold",
            "deduct",
            "deduct_fraction",
            "step",
            "steps",
            "direction",
            "tolerance",
        ],
        "linear" => &["full_at", "zero_at"],
        "target" => &["actual", "op", "target", "otherwise"],
        "formula" => &["expr"],
        "branch" => &["when", "then", "else"],
        _ => return None,
    };
    let measured = matches!(
        kind,
        "rate" | "threshold" | "bands" | "proportional" | "hybrid" | "per_point" | "linear"
    );
    let mut keys = vec!["kind", "veto", "origin"];
    keys.extend_from_slice(own);
    if kind != "judgement" {
        // A judgement's own `max` is its range; on any other rule it is the rule's full marks.
        keys.push("max");
    }
    if measured {
        keys.extend_from_slice(MEASURE_KEYS);
        keys.extend_from_slice(&["rate_places", "unit", "difference", "growth", "years"]);
    }
    Some(keys)
}

/// A whole number of decimal places, 0–6 (`rate_places = 0` rounds 92.985% to 93%).
pub(super) fn places(r: &mut Reader, t: &dyn TableLike, path: &str, key: &str) -> Option<u32> {
    let d = r.decimal(t, path, key)?;
    let ok = u32::try_from(d.trunc().mantissa())
        .ok()
        .filter(|&p| d.fract().is_zero() && d >= Decimal::ZERO && p <= 6);
    if ok.is_none() {
        let p = r.locate(t, path, key);
        r.fail(
            p,
            Syntax::PlacesOutOfRange {
                path: format!("{path}.{key}"),
                value: d,
            },
        );
    }
    ok
}

/// A share of the weight: a number (`0.05`) or an exact quotient written as text (`"1/3"`).
fn fraction(r: &mut Reader, t: &dyn TableLike, path: &str, key: &str) -> Option<Fraction> {
    let text = t
        .get(key)
        .and_then(|i| i.as_str())
        .filter(|s| s.contains('/'))?
        .to_string();
    let pos = r.locate(t, path, key);
    let mut parts = text
        .splitn(2, '/')
        .map(|p| crate::store::parse_decimal(p.trim()));
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(num), Some(den)) if !den.is_zero() && num >= Decimal::ZERO && den > Decimal::ZERO => {
            Some(Fraction { num, den })
        }
        _ => {
            r.fail(
                pos,
                Syntax::Rule(RuleProblem::NotAShare {
                    path: format!("{path}.{key}"),
                    text: text.clone(),
                }),
            );
            None
        }
    }
}

fn share(r: &mut Reader, t: &dyn TableLike, path: &str, key: &str) -> Option<Fraction> {
    let quotient = t
        .get(key)
        .and_then(|i| i.as_str())
        .is_some_and(|s| s.contains('/'));
    if quotient {
        fraction(r, t, path, key)
    } else {
        r.decimal(t, path, key).map(Fraction::whole)
    }
}

/// A rule of `kind` lacks `need`.
fn needs(kind: &str, need: RuleNeed) -> Syntax {
    Syntax::Rule(RuleProblem::Needs {
        kind: kind.to_string(),
        need,
    })
}

pub(super) fn read_rule(r: &mut Reader, t: &dyn TableLike, path: &str, pos: Option<Pos>) -> Rule {
    let kind_name = r.string(t, path, "kind").unwrap_or_else(|| {
        r.fail(
            pos,
            Syntax::Rule(RuleProblem::NoKind {
                path: path.to_string(),
            }),
        );
        "deductions".to_string()
    });
    let Some(allowed) = rule_keys(&kind_name) else {
        let p = r.locate(t, path, "kind");
        r.fail(
            p,
            Syntax::Rule(RuleProblem::UnknownKind {
                kind: kind_name.clone(),
            }),
        );
        return Rule::default();
    };
    r.check_keys(t, path, &allowed);
    let veto = r.string_list(t, path, "veto");
    let need_str = |r: &mut Reader, key: &str| -> String {
        match r.string(t, path, key) {
            Some(s) => s,
            None => {
                if t.get(key).is_none() {
                    r.fail(
                        pos,
                        needs(&kind_name, RuleNeed::InputName { key: key.into() }),
                    );
                }
                String::new()
            }
        }
    };
    let need_dec = |r: &mut Reader, key: &str| -> Decimal {
        if t.get(key).is_none() {
            r.fail(pos, needs(&kind_name, RuleNeed::Number { key: key.into() }));
            return Decimal::ZERO;
        }
        r.decimal(t, path, key).unwrap_or_default()
    };
    let measure = |r: &mut Reader| -> Measure {
        for (key, template) in [
            ("difference", "{a} - {b}"),
            ("growth", "({a} - {b}) / {b} * 100"),
        ] {
            if t.get(key).is_none() {
                continue;
            }
            let names = r.string_list(t, path, key);
            if names.len() != 2 || names.iter().any(|n| n.trim().is_empty()) {
                let p = r.locate(t, path, key);
                r.fail(
                    p.or(pos),
                    Syntax::Rule(RuleProblem::TwoNames { key: key.into() }),
                );
                return Measure::Value(String::new());
            }
            let quote = |n: &str| crate::scoring::formula::quote_name(n);
            let expr = template
                .replace("{a}", &quote(&names[0]))
                .replace("{b}", &quote(&names[1]));
            return Measure::Value(expr);
        }
        if t.get("value").is_some() {
            Measure::Value(r.string_or_empty(t, path, "value"))
        } else if t.get("numerator").is_some() || t.get("denominator").is_some() {
            let numerator = r.string_or_empty(t, path, "numerator");
            let denominator = r.string_or_empty(t, path, "denominator");
            if numerator.is_empty() || denominator.is_empty() {
                r.fail(pos, needs(&kind_name, RuleNeed::RatioNames));
            }
            Measure::Ratio {
                numerator,
                denominator,
            }
        } else {
            r.fail(pos, needs(&kind_name, RuleNeed::Measure));
            Measure::Value(String::new())
        }
    };
    let kind = match kind_name.as_str() {
        "deductions" => {
            let mut groups = Vec::new();
            for (gt, gpos) in r.tables(t, path, "groups") {
                r.check_keys(gt, &format!("{path}.groups"), &["name", "cap"]);
                groups.push(DeductionGroup {
                    name: r.required_string(gt, &format!("{path}.groups"), "name", gpos),
                    cap: r.required_decimal(gt, &format!("{path}.groups"), "cap", gpos),
                });
            }
            RuleKind::Deductions {
                per_item: r.decimal(t, path, "per_item"),
                fraction: share(r, t, path, "fraction"),
                groups,
            }
        }
        "judgement" => RuleKind::Judgement {
            min: r.decimal(t, path, "min"),
            max: r.decimal(t, path, "max"),
        },
        "checkpoints" => {
            let p = r.locate(t, path, "points");
            let ppath = format!("{path}.points");
            let mut points = Vec::new();
            match t.get("points").and_then(|i| i.as_array()) {
                Some(arr) => {
                    for v in arr.iter() {
                        if let Some(c) = checkpoint(r, v, &ppath, p) {
                            points.push(c);
                        }
                    }
                }
                None => r.fail(p.or(pos), needs("checkpoints", RuleNeed::CheckpointPoints)),
            }
            RuleKind::Checkpoints { points }
        }
        "levels" => {
            let mut levels = Vec::new();
            for (lt, lpos) in r.tables(t, path, "levels") {
                let lpath = format!("{path}.levels");
                r.check_keys(lt, &lpath, &["name", "points", "fraction"]);
                let name = r.required_string(lt, &lpath, "name", lpos);
                let fraction = share(r, lt, &lpath, "fraction");
                let points = if fraction.is_some() {
                    Decimal::ZERO
                } else {
                    r.required_decimal(lt, &lpath, "points", lpos)
                };
                levels.push(Level {
                    name,
                    points,
                    fraction,
                });
            }
            if levels.is_empty() {
                r.fail(pos, needs("levels", RuleNeed::Levels));
            }
            RuleKind::Levels { levels }
        }
        "rate" => RuleKind::Rate {
            measure: measure(r),
            cap: r.bool(t, path, "cap").unwrap_or(true),
        },
        "threshold" => {
            let m = measure(r);
            let (op, limit) = match (t.get("at_least"), t.get("at_most")) {
                (Some(_), None) => (CompareOp::AtLeast, need_dec(r, "at_least")),
                (None, Some(_)) => (CompareOp::AtMost, need_dec(r, "at_most")),
                (Some(_), Some(_)) => {
                    let p = r.locate(t, path, "at_most");
                    r.fail(p, Syntax::Rule(RuleProblem::ThresholdBoth));
                    (CompareOp::AtLeast, need_dec(r, "at_least"))
                }
                (None, None) => {
                    r.fail(pos, needs("threshold", RuleNeed::ThresholdBound));
                    (CompareOp::AtLeast, Decimal::ZERO)
                }
            };
            let otherwise = match t.get("otherwise").and_then(|i| i.as_value()) {
                Some(v) if v.as_str() == Some("rate") => ThresholdMiss::Rate,
                Some(v) if v.as_str() == Some("proportional") => ThresholdMiss::Proportional,
                Some(v) => {
                    let opos = r.locate(t, path, "otherwise");
                    let what = format!("{path}.otherwise");
                    if v.as_str().is_some_and(|s| parse_points(s).is_none()) {
                        r.fail(
                            opos,
                            Syntax::Rule(RuleProblem::ThresholdOtherwise { path: what.clone() }),
                        );
                        ThresholdMiss::Points(Decimal::ZERO)
                    } else {
                        ThresholdMiss::Points(r.value_decimal(v, &what, opos).unwrap_or_default())
                    }
                }
                None => ThresholdMiss::Points(Decimal::ZERO),
            };
            RuleKind::Threshold {
                measure: m,
                op,
                limit,
                otherwise,
            }
        }
        "bands" => {
            let m = measure(r);
            let mut bands = Vec::new();
            for (bt, bpos) in r.tables(t, path, "bands") {
                let bpath = format!("{path}.bands");
                r.check_keys(bt, &bpath, &["min", "points"]);
                bands.push((
                    r.required_decimal(bt, &bpath, "min", bpos),
                    r.required_decimal(bt, &bpath, "points", bpos),
                ));
            }
            if bands.is_empty() {
                r.fail(pos, needs("bands", RuleNeed::Bands));
            }
            RuleKind::Bands { measure: m, bands }
        }
        "proportional" => RuleKind::Proportional {
            measure: measure(r),
            threshold: need_dec(r, "threshold"),
        },
        "hybrid" => RuleKind::Hybrid {
            measure: measure(r),
            full: need_dec(r, "full"),
            floor: need_dec(r, "floor"),
        },
        "per_point" => {
            let m = measure(r);
            let threshold = need_dec(r, "threshold");
            let deduct = r.decimal(t, path, "deduct");
            let deduct_fraction = share(r, t, path, "deduct_fraction");
            if deduct.is_none() && deduct_fraction.is_none() {
                r.fail(pos, needs("per_point", RuleNeed::PerPointDeduct));
            }
            let step = r.decimal(t, path, "step").unwrap_or(Decimal::ONE);
            if step <= Decimal::ZERO {
                let p = r.locate(t, path, "step");
                r.fail(
                    p,
                    Syntax::Rule(RuleProblem::StepNotPositive {
                        path: format!("{path}.step"),
                        value: step,
                    }),
                );
            }
            let steps = match r.string(t, path, "steps").as_deref() {
                None | Some("pro_rata") => StepCount::ProRata,
                Some("whole") => StepCount::Whole,
                Some("started") => StepCount::Started,
                Some(other) => {
                    let p = r.locate(t, path, "steps");
                    r.unknown_choice(p, "steps", other, &["pro_rata", "whole", "started"]);
                    StepCount::ProRata
                }
            };
            let above = match r.string(t, path, "direction").as_deref() {
                None | Some("below") => false,
                Some("above") => true,
                Some(other) => {
                    let p = r.locate(t, path, "direction");
                    r.unknown_choice(p, "direction", other, &["below", "above"]);
                    false
                }
            };
            let tolerance = r.decimal(t, path, "tolerance").unwrap_or_default();
            if tolerance < Decimal::ZERO {
                let p = r.locate(t, path, "tolerance");
                r.fail(
                    p,
                    Syntax::Rule(RuleProblem::ToleranceNegative {
                        path: format!("{path}.tolerance"),
                        value: tolerance,
                    }),
                );
            }
            RuleKind::PerPoint {
                measure: m,
                threshold,
                deduct,
                deduct_fraction,
                step: step.max(Decimal::ONE_HUNDRED / Decimal::from(1_000_000)),
                steps,
                above,
                tolerance: tolerance.max(Decimal::ZERO),
            }
        }
        "linear" => RuleKind::Linear {
            measure: measure(r),
            full_at: need_dec(r, "full_at"),
            zero_at: need_dec(r, "zero_at"),
        },
        "target" => {
            let actual = need_str(r, "actual");
            let op_text = need_str(r, "op");
            let op = CompareOp::parse(&op_text).unwrap_or_else(|| {
                let p = r.locate(t, path, "op");
                if !op_text.is_empty() {
                    r.unknown_choice(p, "op", &op_text, &[">=", "<=", "=", "by"]);
                }
                CompareOp::AtLeast
            });
            let tpos = r.locate(t, path, "target");
            let target = match t.get("target").and_then(|i| i.as_value()) {
                Some(toml_edit::Value::Datetime(d)) => TargetValue::Date(
                    r.date_value(d, &format!("{path}.target"), tpos)
                        .unwrap_or_default(),
                ),
                Some(v) => TargetValue::Number(
                    r.value_decimal(v, &format!("{path}.target"), tpos)
                        .unwrap_or_default(),
                ),
                None => {
                    r.fail(pos, needs("target", RuleNeed::Target));
                    TargetValue::Number(Decimal::ZERO)
                }
            };
            let otherwise = match t.get("otherwise").and_then(|i| i.as_value()) {
                Some(v) if v.as_str() == Some("proportional") => TargetMiss::Proportional,
                Some(v) => {
                    let opos = r.locate(t, path, "otherwise");
                    TargetMiss::Points(
                        r.value_decimal(v, &format!("{path}.otherwise"), opos)
                            .unwrap_or_default(),
                    )
                }
                None => TargetMiss::Points(Decimal::ZERO),
            };
            RuleKind::Target {
                actual,
                op,
                target,
                otherwise,
            }
        }
        "formula" => {
            let expr = need_str(r, "expr");
            if let Err(e) = crate::scoring::formula::parse(&expr) {
                let p = r.locate(t, path, "expr");
                // A 20,000-character formula is not repeated whole in its own error.
                let shown: String = if expr.chars().count() > 60 {
                    expr.chars().take(60).chain("…".chars()).collect()
                } else {
                    expr.clone()
                };
                r.fail(
                    p,
                    Syntax::Rule(RuleProblem::Formula {
                        formula: shown.to_string(),
                        detail: e.to_string(),
                    }),
                );
            }
            RuleKind::Formula { expr }
        }
        "branch" => {
            let when = need_str(r, "when");
            let sub = |r: &mut Reader, key: &str| -> Box<Rule> {
                let p = r.locate(t, path, key);
                match t.get(key).and_then(|i| i.as_table_like()) {
                    Some(st) => Box::new(read_rule(r, st, &format!("{path}.{key}"), p)),
                    None => {
                        r.fail(
                            p.or(pos),
                            needs("branch", RuleNeed::BranchPart { key: key.into() }),
                        );
                        Box::new(Rule::default())
                    }
                }
            };
            let then = sub(r, "then");
            let otherwise = sub(r, "else");
            RuleKind::Branch {
                when,
                then,
                otherwise,
            }
        }
        _ => unreachable!("rule_keys accepted only known kinds"),
    };
    let max = if kind_name == "judgement" {
        None
    } else {
        r.decimal(t, path, "max")
    };
    if let Some(m) = max
        && m < Decimal::ZERO
    {
        let p = r.locate(t, path, "max");
        r.fail(
            p,
            Syntax::Rule(RuleProblem::MaxNegative {
                path: format!("{path}.max"),
                value: m,
            }),
        );
    }
    let rate_places = places(r, t, path, "rate_places");
    let unit = r.string(t, path, "unit").filter(|u| !u.trim().is_empty());
    let years = match r.string(t, path, "years").as_deref() {
        None | Some("sum") => YearMode::Sum,
        Some("mean") => YearMode::Mean,
        Some(other) => {
            let p = r.locate(t, path, "years");
            r.fail(
                p,
                Syntax::Rule(RuleProblem::UnknownYears {
                    value: other.to_string(),
                }),
            );
            YearMode::Sum
        }
    };
    let (from_text, reconstructed) = match r.string(t, path, "origin").as_deref() {
        None => (false, false),
        Some("text") => (true, false),
        Some("reconstructed") => (false, true),
        Some(other) => {
            let p = r.locate(t, path, "origin");
            r.fail(
                p,
                Syntax::Rule(RuleProblem::UnknownOrigin {
                    value: other.to_string(),
                }),
            );
            (false, false)
        }
    };
    Rule {
        kind,
        veto,
        max,
        rate_places,
        unit,
        years,
        from_text,
        reconstructed,
    }
}

fn parse_points(s: &str) -> Option<Decimal> {
    crate::store::parse_decimal(s.trim())
}

/// One entry of a checkpoints rule's `points`: a number (all or nothing), or a table saying how
/// the points are earned: `{ points = 1, partial = true }` (酌情得分) or
/// `{ points = 2, per_item = 0.2 }` (每缺一项扣 0.2 分，扣完为止).
fn checkpoint(r: &mut Reader, v: &Value, path: &str, pos: Option<Pos>) -> Option<Checkpoint> {
    let Some(t) = v.as_inline_table() else {
        return r.value_decimal(v, path, pos).map(Checkpoint::whole);
    };
    let pos = r.pos(v.span()).or(pos);
    r.check_keys(t, path, &["points", "partial", "per_item"]);
    let points = r.required_decimal(t, path, "points", pos);
    let partial = r.bool(t, path, "partial").unwrap_or(false);
    let per_item = r.decimal(t, path, "per_item");
    let credit = match (partial, per_item) {
        (true, Some(_)) => {
            r.fail(
                pos,
                Syntax::Rule(RuleProblem::CheckpointBothCredits {
                    path: path.to_string(),
                }),
            );
            Credit::Whole
        }
        (true, None) => Credit::Partial,
        (false, Some(d)) if d <= Decimal::ZERO => {
            r.fail(
                pos,
                Syntax::Rule(RuleProblem::PerItemNotPositive {
                    path: format!("{path}.per_item"),
                }),
            );
            Credit::Whole
        }
        (false, Some(d)) => Credit::PerItem(d),
        (false, None) => Credit::Whole,
    };
    Some(Checkpoint { points, credit })
}

#[cfg(test)]
mod tests {
    /// The workbench's rule form shows only keys this reader takes for the kind, so a form
    /// can never write a key a file refuses.
    #[test]
    fn every_rule_form_row_is_a_key_the_reader_takes() {
        for kind in crate::edit::RULE_KINDS {
            let keys = super::rule_keys(kind).unwrap();
            for p in crate::edit::rule_params(kind) {
                assert!(keys.contains(&p.key), "{kind}.{}", p.key);
            }
        }
    }
}
