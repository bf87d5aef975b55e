//! A score's explanation in words: each `Step` of the scoring, in Chinese or English.
//!
//! The rules (评分标准) and the notes are here; the measures and the arithmetic are in
//! `explanation_calc.rs`. Numbers are printed the way the reports print them: weights and inputs
//! as written (`plain`), scores with the framework's places (`fixed`), rates with two places.

use rust_decimal::Decimal;

use super::Lang;
use super::explanation_calc::{amount, calc};
use crate::model::{CompareOp, StepCount, TargetMiss, TargetValue, ThresholdMiss};
use crate::scoring::AdjustmentNote;
use crate::scoring::explanation::{MeasureName, PerPointRule, Step};
use crate::scoring::rounding::{fixed, plain};

/// `step` in `lang`, scores with `places` decimals.
pub fn step(step: &Step, places: u32, lang: Lang) -> String {
    rule(step, lang)
        .or_else(|| note(step, places, lang))
        .unwrap_or_else(|| calc(step, places, lang))
}

/// What a rate is called: the indicator's name, or "the rate".
pub(super) fn measure_name(m: &MeasureName, lang: Lang) -> String {
    match m {
        MeasureName::Named(n) => n.clone(),
        MeasureName::Generic => lang.pick("比率", "rate").to_string(),
    }
}

/// Names in quotes, listed: “a”、“b” / `a`, `b`.
fn quoted_list(names: &[String], lang: Lang) -> String {
    super::list(
        lang,
        names
            .iter()
            .map(|n| lang.pick(format!("“{n}”"), format!("`{n}`"))),
    )
}

/// The steps that say what the scoring standard is; `None` for the others.
fn rule(step: &Step, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    Some(match step {
        Step::RuleMax { max, weight } => lang.pick(
            format!(
                "评分标准满分 {} 分（指标分值 {} 分）",
                plain(*max),
                plain(*weight)
            ),
            format!(
                "the scoring standard's full marks are {} (the indicator weighs {})",
                plain(*max),
                plain(*weight)
            ),
        ),
        Step::Veto { finding } => {
            lang.pick(format!("一票否决：{finding}"), format!("veto: {finding}"))
        }
        Step::Judgement { min, max } => lang.pick(
            format!("酌情评分：{}–{} 分", plain(*min), plain(*max)),
            format!(
                "scored by judgement: {}–{} points",
                plain(*min),
                plain(*max)
            ),
        ),
        Step::CheckpointsRule => lang
            .pick("按评价要点计分", "scored by checkpoints")
            .to_string(),
        Step::LevelsRule { levels } => {
            let each = levels.iter().map(|(name, p)| {
                let p = plain(p.round_dp(4));
                lang.pick(format!("{name} {p} 分"), format!("{name} {p} points"))
            });
            let each = each.collect::<Vec<_>>().join(lang.pick("；", "; "));
            lang.pick(
                format!("分档评分：{each}"),
                format!("scored by level: {each}"),
            )
        }
        Step::RateRule { measure, capped } => {
            let m = measure_name(measure, lang);
            match (zh, capped) {
                (true, false) => format!("{m} × 分值"),
                (true, true) => format!("{m} × 分值，超过100%按100%计"),
                (false, false) => format!("{m} × weight"),
                (false, true) => format!("{m} × weight, counted as 100% above 100%"),
            }
        }
        Step::ThresholdRule {
            measure,
            upper,
            limit,
            unit,
            miss,
            legacy,
        } => threshold_rule(
            &measure_name(measure, lang),
            *upper,
            *limit,
            unit.as_deref(),
            miss,
            *legacy,
            lang,
        ),
        Step::BandsRule { bands } => {
            let each = bands.iter().map(|(min, p)| {
                lang.pick(
                    format!("≥{}% 得 {} 分", plain(*min), plain(*p)),
                    format!("≥{}%: {} points", plain(*min), plain(*p)),
                )
            });
            let each = each.collect::<Vec<_>>().join(lang.pick("；", "; "));
            lang.pick(
                format!("区间计分：{each}"),
                format!("scored by band: {each}"),
            )
        }
        Step::ProportionalRule { threshold } => {
            let t = plain(*threshold);
            lang.pick(
                format!("≥{t}% 得满分，低于{t}%按 实际值÷{t}%×分值 计分"),
                format!("full marks at ≥{t}%; below {t}%, actual ÷ {t}% × weight"),
            )
        }
        Step::HybridRule { full, floor } => {
            let (f, l) = (plain(*full), plain(*floor));
            lang.pick(
                format!("≥{f}% 得满分，{l}%–{f}% 按 实际值÷{f}%×分值 计分，低于{l}%不得分"),
                format!(
                    "full marks at ≥{f}%; {l}%–{f}%, actual ÷ {f}% × weight; below {l}%, no points"
                ),
            )
        }
        Step::PerPointRule(r) => per_point_rule(r, lang),
        Step::LinearRule { full_at, zero_at } => lang.pick(
            format!(
                "{}% 得满分，{}% 得0分，区间内按比例计分",
                plain(*full_at),
                plain(*zero_at)
            ),
            format!(
                "full marks at {}%, none at {}%, in proportion between",
                plain(*full_at),
                plain(*zero_at)
            ),
        ),
        Step::TargetRule { op, target, miss } => {
            let target = match target {
                TargetValue::Number(d) => plain(*d),
                TargetValue::Date(s) => s.clone(),
            };
            let op = match op {
                CompareOp::AtLeast => "≥",
                CompareOp::AtMost => "≤",
                CompareOp::Equal => "=",
                CompareOp::By => lang.pick("不晚于", "by"),
            };
            let miss = match (zh, miss) {
                (true, TargetMiss::Points(p)) => format!("未达到得 {} 分", plain(*p)),
                (true, TargetMiss::Proportional) => "未达到按比例计分".to_string(),
                (false, TargetMiss::Points(p)) => format!("otherwise {} points", plain(*p)),
                (false, TargetMiss::Proportional) => "otherwise in proportion".to_string(),
            };
            lang.pick(
                format!("目标值 {op} {target}，达到得满分，{miss}"),
                format!("target {op} {target}: full marks when reached, {miss}"),
            )
        }
        Step::DeductionsRule {
            weight,
            per_item,
            fraction,
        } => {
            let mut rule = lang.pick(
                format!("满分 {} 分，逐项扣分", plain(*weight)),
                format!("{} points, less each finding", plain(*weight)),
            );
            if let Some(p) = per_item {
                rule.push_str(&lang.pick(
                    format!("，每处扣 {} 分", plain(*p)),
                    format!(", {} points each", plain(*p)),
                ));
            }
            let share = match fraction {
                Some(f) if f.is_quotient() => Some(f.to_string()),
                Some(f) => Some(format!("{}%", plain(f.num * Decimal::ONE_HUNDRED))),
                None => None,
            };
            if let Some(share) = share {
                rule.push_str(&lang.pick(
                    format!("，每处扣分值的 {share}"),
                    format!(", {share} of the weight each"),
                ));
            }
            rule.push_str(lang.pick("，扣完为止", ", down to 0"));
            rule
        }
        Step::FormulaRule { expr } => lang.pick(
            format!("公式：得分 = {expr}"),
            format!("formula: score = {expr}"),
        ),
        Step::Condition { name, holds } => match (zh, holds) {
            (true, true) => format!("条件：{name} = 是"),
            (true, false) => format!("条件：{name} = 否"),
            (false, true) => format!("condition: {name} = yes"),
            (false, false) => format!("condition: {name} = no"),
        },
        _ => return None,
    })
}

fn threshold_rule(
    measure: &str,
    upper: bool,
    limit: Decimal,
    unit: Option<&str>,
    miss: &ThresholdMiss,
    legacy: bool,
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    if let (true, ThresholdMiss::Points(p)) = (legacy, miss) {
        // The original shape keeps its original words.
        return lang.pick(
            format!("≥{}% 得满分，否则得 {} 分", plain(limit), plain(*p)),
            format!(
                "full marks at ≥{}%, otherwise {} points",
                plain(limit),
                plain(*p)
            ),
        );
    }
    let unit = unit.unwrap_or("%");
    let lim = amount(limit, unit);
    let sym = if upper { "≤" } else { "≥" };
    let miss_text = match (zh, miss) {
        (true, ThresholdMiss::Points(p)) if p.is_zero() && upper => "超出不得分".to_string(),
        (true, ThresholdMiss::Points(p)) => format!("否则得 {} 分", plain(*p)),
        (true, ThresholdMiss::Rate) => format!("否则得分 = {measure} × 分值"),
        (true, ThresholdMiss::Proportional) if upper => {
            format!("超出按 {lim}÷实际值×分值 计分")
        }
        (true, ThresholdMiss::Proportional) => format!("否则按 实际值÷{lim}×分值 计分"),
        (false, ThresholdMiss::Points(p)) if p.is_zero() && upper => {
            "no points above it".to_string()
        }
        (false, ThresholdMiss::Points(p)) => format!("otherwise {} points", plain(*p)),
        (false, ThresholdMiss::Rate) => format!("otherwise score = {measure} × weight"),
        (false, ThresholdMiss::Proportional) if upper => {
            format!("above it, {lim} ÷ actual × weight")
        }
        (false, ThresholdMiss::Proportional) => {
            format!("otherwise actual ÷ {lim} × weight")
        }
    };
    lang.pick(
        format!("{sym}{lim} 得满分，{miss_text}"),
        format!("full marks at {sym}{lim}, {miss_text}"),
    )
}

/// The unit a step of a per-step rule is counted in: percentage points for a percentage.
pub(super) fn step_unit(unit: &str, lang: Lang) -> String {
    if unit == "%" {
        lang.pick("个百分点", "percentage points").to_string()
    } else {
        unit.to_string()
    }
}

/// Whether the measure moves in percent or percentage points ("下降" rather than "少").
pub(super) fn percentish(unit: &str) -> bool {
    unit == "%" || unit.contains("百分点")
}

fn per_point_rule(r: &PerPointRule, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    if r.legacy {
        // The original shape keeps its original words.
        return lang.pick(
            format!(
                "≥{}% 得满分，每降低1个百分点扣 {} 分",
                plain(r.threshold),
                plain(r.per.round_dp(4))
            ),
            format!(
                "full marks at ≥{}%, {} points off per percentage point below",
                plain(r.threshold),
                plain(r.per.round_dp(4))
            ),
        );
    }
    let unit = r.unit.as_deref().unwrap_or("%");
    let su = step_unit(unit, lang);
    let point = |v: Decimal| amount(v, &su);
    let around_zero = r.threshold.is_zero();
    let mut rule = String::new();
    if !around_zero {
        let sym = if r.above { "≤" } else { "≥" };
        let lim = amount(r.threshold, unit);
        if zh {
            // "95% 得满分" but "200 人得满分": a word unit already ends the number.
            let gap = if unit == "%" { " " } else { "" };
            rule.push_str(&format!("{sym}{lim}{gap}得满分，"));
        } else {
            rule.push_str(&format!("full marks at {sym}{lim}; "));
        }
    }
    if !r.tolerance.is_zero() {
        let t = point(r.tolerance);
        rule.push_str(&match (zh, around_zero, r.above) {
            (true, true, _) => format!("变动在 ±{t}以内视为持平得满分；"),
            (true, false, true) => format!("超出不超过 {t}视为达标得满分；"),
            (true, false, false) => format!("低于不超过 {t}视为达标得满分；"),
            (false, true, _) => format!("a change within ±{t} counts as level, full marks; "),
            (false, false, true) => format!("up to {t} above counts as met, full marks; "),
            (false, false, false) => format!("up to {t} below counts as met, full marks; "),
        });
    }
    let per = plain(r.per.round_dp(4));
    let step = point(r.step);
    if zh {
        let (verb, change) = direction_zh(r.above, percentish(unit));
        let verb = if around_zero { change } else { verb };
        rule.push_str(&format!("每{verb} {step}扣 {per} 分"));
        rule.push_str(match r.steps {
            StepCount::ProRata if r.step != Decimal::ONE => "，不足一档按比例扣分",
            StepCount::ProRata => "",
            StepCount::Whole => "，不足一档不扣分",
            StepCount::Started => "，不足一档按一档扣分",
        });
        rule.push_str("，扣完为止");
    } else {
        let dir = match (r.above, around_zero) {
            (false, false) => "below",
            (true, false) => "above",
            (false, true) => "of fall",
            (true, true) => "of rise",
        };
        rule.push_str(&format!("{per} points off per {step} {dir}"));
        rule.push_str(match r.steps {
            StepCount::ProRata if r.step != Decimal::ONE => ", part steps pro rata",
            StepCount::ProRata => "",
            StepCount::Whole => ", part steps not counted",
            StepCount::Started => ", part steps counted whole",
        });
        rule.push_str(", down to 0");
    }
    rule
}

/// The Chinese verbs of a per-step rule: (off a threshold, around zero).
pub(super) fn direction_zh(above: bool, percentish: bool) -> (&'static str, &'static str) {
    match (above, percentish) {
        (false, true) => ("降低", "下降"),
        (false, false) => ("少", "少"),
        (true, true) => ("超出", "上升"),
        (true, false) => ("多", "多"),
    }
}

/// The notes and findings; `None` for the others.
fn note(step: &Step, places: u32, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let f = |v: Decimal| fixed(v, places);
    Some(match step {
        Step::Deduction {
            points,
            reason,
            count,
        } => {
            let reason = deduction_reason(reason, *count, lang);
            let reason = if reason.is_empty() {
                lang.pick("（未写明扣分原因）", "(no reason given)")
                    .to_string()
            } else {
                reason
            };
            lang.pick(
                format!("扣 {} 分：{reason}", f(*points)),
                format!("−{} points: {reason}", f(*points)),
            )
        }
        Step::GroupCapped { group, sum, cap } => lang.pick(
            format!(
                "“{group}”类扣分合计 {} 分，以 {} 分为限",
                plain(*sum),
                plain(*cap)
            ),
            format!(
                "deductions of the kind “{group}” add up to {} points, capped at {}",
                plain(*sum),
                plain(*cap)
            ),
        ),
        Step::RuleReconstructed => lang
            .pick(
                "评分标准为评价组根据报告数据还原",
                "the report prints no rule: the evaluators rebuilt this one from its figures",
            )
            .into(),
        Step::DeductionsExceedWeight => lang
            .pick(
                "扣分超过分值，扣完为止",
                "the deductions exceed the weight: 0 points",
            )
            .to_string(),
        Step::VetoFound { finding } => lang.pick(
            format!("存在“{finding}”，该指标不得分"),
            format!("“{finding}” is present: no points for this indicator"),
        ),
        Step::OutOfBounds {
            raw,
            weight,
            counted,
        } => lang.pick(
            format!(
                "规则结果 {} 超出 0–{} 分范围，按 {} 分计",
                plain(raw.round_dp(4)),
                plain(*weight),
                plain(*counted)
            ),
            format!(
                "the rule gives {}, outside 0–{} points; counted as {}",
                plain(raw.round_dp(4)),
                plain(*weight),
                plain(*counted)
            ),
        ),
        Step::OverRuleMax { raw, max } => lang.pick(
            format!(
                "规则结果 {} 超过评分标准满分 {} 分，按 {} 分计",
                plain(raw.round_dp(4)),
                plain(*max),
                plain(*max)
            ),
            format!(
                "the rule gives {}, above the standard's full marks of {}; counted as {}",
                plain(raw.round_dp(4)),
                plain(*max),
                plain(*max)
            ),
        ),
        Step::NotApplicable { reason } => lang.pick(
            format!("不适用：{reason}"),
            format!("not applicable: {reason}"),
        ),
        Step::Unscorable { reason } => lang.pick(
            format!("无法评分，该指标不得分：{reason}"),
            format!("cannot be scored, no points for this indicator: {reason}"),
        ),
        Step::Unscored { has_record } => match (zh, has_record) {
            (true, true) => "标为未评：已记录的内容暂不计分".to_string(),
            (true, false) => "尚未评分".to_string(),
            (false, true) => "marked unscored: what is recorded does not count yet".to_string(),
            (false, false) => "not scored yet".to_string(),
        },
        Step::AwardedDiffers { awarded, computed } => lang.pick(
            format!(
                "给定得分 {} 分（按评分规则计算为 {} 分），以给定得分计",
                f(*awarded),
                f(*computed)
            ),
            format!(
                "awarded {} points (the rule gives {}); the awarded score counts",
                f(*awarded),
                f(*computed)
            ),
        ),
        Step::AwardedWithoutInputs { missing, awarded } => lang.pick(
            format!(
                "评分标准所需{}尚未记录，按给定得分 {} 分计",
                quoted_list(missing, lang),
                f(*awarded)
            ),
            format!(
                "the rule needs {}, not recorded yet; the awarded {} points count",
                quoted_list(missing, lang),
                f(*awarded)
            ),
        ),
        Step::Incomplete { missing } => lang.pick(
            format!("未完成：尚未记录{}", quoted_list(missing, lang)),
            format!(
                "incomplete: {} not recorded yet",
                quoted_list(missing, lang)
            ),
        ),
        Step::AwardedDespiteError { awarded } => lang.pick(
            format!("报告给定得分 {} 分", f(*awarded)),
            format!("the report awards {} points", f(*awarded)),
        ),
        Step::CannotCompute(e) => lang.pick(
            format!("无法计算：{}", super::score_error(e, lang)),
            format!("cannot compute: {}", super::score_error(e, lang)),
        ),
        _ => return None,
    })
}

/// A 加减分项 cap that bit.
pub fn adjustment_note(note: &AdjustmentNote, lang: Lang) -> String {
    use crate::model::AdjustmentDirection::*;
    match note {
        AdjustmentNote::ItemCapped {
            code,
            name,
            recorded,
            counted,
        } => {
            let (r, c) = (plain(*recorded), plain(*counted));
            lang.pick(
                format!("{code} {name}：记录 {r} 分，超过单项上限，按 {c} 分计"),
                format!("{code} {name}: {r} points recorded, above the item's cap; counted as {c}"),
            )
        }
        AdjustmentNote::GroupCapped {
            direction,
            sum,
            cap,
        } => {
            let (s, c) = (plain(*sum), plain(*cap));
            match (lang, direction) {
                (Lang::Zh, Bonus) => format!("加分合计 {s} 分，超过上限，按 {c} 分计"),
                (Lang::Zh, Penalty) => format!("减分合计 {s} 分，超过上限，按 {c} 分计"),
                (Lang::En, Bonus) => {
                    format!("bonuses add up to {s} points, above the cap; counted as {c}")
                }
                (Lang::En, Penalty) => {
                    format!("penalties add up to {s} points, above the cap; counted as {c}")
                }
            }
        }
    }
}

/// A finding's reason as a report prints it: trimmed, with the count of items when the points
/// are a count × the per-item amount ("缺少绩效目标（3 处）").
pub fn deduction_reason(reason: &str, count: Option<Decimal>, lang: Lang) -> String {
    match count {
        Some(c) => lang.pick(
            format!("{}（{} 处）", reason.trim(), plain(c)),
            format!("{} ({} items)", reason.trim(), plain(c)),
        ),
        None => reason.trim().to_string(),
    }
}
