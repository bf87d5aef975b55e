//! A score's explanation in words, continued: what the rule read and its arithmetic.

use rust_decimal::Decimal;

use super::Lang;
use super::explanation::{direction_zh, measure_name, percentish, step_unit};
use crate::model::{InputValue, Rounding};
use crate::scoring::explanation::{
    CheckVerdict, PerPointResult, Step, SurveyCombination, ThresholdOutcome,
};
use crate::scoring::rounding::{fixed, percent_of_ratio, plain};

/// `96.5%`, `180 人`, `2.3 个百分点`.
pub(super) fn amount(v: Decimal, unit: &str) -> String {
    let v = plain(v.round_dp(4));
    if unit == "%" {
        format!("{v}%")
    } else {
        format!("{v} {unit}")
    }
}

/// A percentage as the right-hand operand of a subtraction: `4%`, but `(-4%)` so that
/// "(-3% − -4%)" never appears.
fn operand_pct(v: Decimal) -> String {
    if v < Decimal::ZERO {
        format!("({}%)", plain(v))
    } else {
        format!("{}%", plain(v))
    }
}

/// A survey's rate: two places and a percent sign.
fn pct(v: Decimal) -> String {
    format!("{}%", fixed(v, 2))
}

/// A score as the arithmetic shows it: up to four places, no trailing zeros.
fn p4(v: Decimal) -> String {
    plain(v.round_dp(4))
}

fn joined<T>(items: &[T], sep: &str, f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(sep)
}

/// The measures and the arithmetic (every step that is not a rule or a note).
pub(super) fn calc(step: &Step, places: u32, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match step {
        Step::Input { name, value } => {
            let value = match (zh, value) {
                (false, InputValue::Flag(true)) => "yes".to_string(),
                (false, InputValue::Flag(false)) => "no".to_string(),
                (_, v) => v.to_string(),
            };
            format!("{name} = {value}")
        }
        Step::Ratio {
            measure,
            numerator,
            denominator,
            n,
            d,
            ratio,
        } => format!(
            "{} = {numerator} ÷ {denominator} = {} ÷ {} = {}",
            measure_name(measure, lang),
            plain(*n),
            plain(*d),
            percent_of_ratio(*ratio)
        ),
        Step::MeasureValue { name, value, unit } => match unit {
            None => format!("{name} = {}%", plain(*value)),
            Some(u) => format!("{name} = {}", amount(*value, u)),
        },
        Step::Expression {
            name,
            expr,
            substituted,
            value,
            unit,
        } => format!(
            "{name} = {expr} = {substituted} = {}",
            amount(*value, unit.as_deref().unwrap_or("%"))
        ),
        Step::MeasureRounded {
            label,
            rounding,
            places,
            exact,
            rounded,
            unit,
        } => {
            let unit = unit.as_deref().unwrap_or("%");
            let (exact, rounded) = (amount(*exact, unit), amount(*rounded, unit));
            if zh {
                let how = match rounding {
                    Rounding::HalfUp => "四舍五入",
                    Rounding::Truncate => "截位",
                };
                let kept = if *places == 0 {
                    "取整".to_string()
                } else {
                    format!("保留 {places} 位小数")
                };
                let label = measure_name(label, lang);
                format!("按评分标准先将{label}{how}{kept}：{exact} → {rounded}")
            } else {
                let how = match rounding {
                    Rounding::HalfUp => "rounded half up",
                    Rounding::Truncate => "truncated",
                };
                let to = match places {
                    0 => "a whole number".to_string(),
                    1 => "1 decimal place".to_string(),
                    n => format!("{n} decimal places"),
                };
                let label = measure_name(label, lang);
                format!("as the standard says, {label} is first {how} to {to}: {exact} → {rounded}")
            }
        }
        Step::Yearly {
            name,
            years,
            mean,
            value,
        } => {
            let parts = joined(years, " + ", |(y, v)| {
                lang.pick(
                    format!("{y}年 {}", plain(*v)),
                    format!("{y}: {}", plain(*v)),
                )
            });
            if *mean {
                format!("{name} = ({parts}) ÷ {} = {}", years.len(), p4(*value))
            } else {
                format!("{name} = {parts} = {}", plain(*value))
            }
        }
        Step::YearRatio { year, n, d, ratio } => {
            let year = lang.pick(format!("{year}年："), format!("{year}: "));
            format!(
                "{year}{} ÷ {} = {}",
                plain(*n),
                plain(*d),
                percent_of_ratio(*ratio)
            )
        }
        Step::MeanOfYearRatios {
            measure,
            numerator,
            denominator,
            ratios,
            mean,
        } => {
            let what = lang.pick(
                format!("各年 {numerator} ÷ {denominator} 的平均值"),
                format!("the mean of each year's {numerator} ÷ {denominator}"),
            );
            format!(
                "{} = {what} = ({}) ÷ {} = {}",
                measure_name(measure, lang),
                joined(ratios, " + ", |r| percent_of_ratio(*r)),
                ratios.len(),
                percent_of_ratio(*mean)
            )
        }
        Step::SurveyHeader {
            name,
            questions,
            options,
        } => {
            let weights = joined(options, lang.pick("，", ", "), |(o, w)| {
                format!("{o} {}%", plain(*w))
            });
            lang.pick(
                format!("问卷“{name}”（共 {questions} 题；选项权重：{weights}）"),
                format!(
                    "questionnaire “{name}” ({questions} questions; option weights: {weights})"
                ),
            )
        }
        Step::SurveyQuestion {
            number,
            text,
            counts,
            terms,
            respondents,
            rate,
        } => {
            let title = match (zh, text.is_empty()) {
                (true, true) => format!("第{number}题"),
                (true, false) => format!("第{number}题 {text}"),
                (false, true) => format!("question {number}"),
                (false, false) => format!("question {number} {text}"),
            };
            let counts = joined(counts, lang.pick("，", ", "), |(o, c)| {
                format!("{o} {}", plain(*c))
            });
            let terms = joined(terms, " + ", |t| plain(*t));
            let r = plain(*respondents);
            lang.pick(
                format!(
                    "{title}：{counts}，合计 {r} 人；({terms}) ÷ {r} = {}",
                    pct(*rate)
                ),
                format!(
                    "{title}: {counts}, {r} respondents; ({terms}) ÷ {r} = {}",
                    pct(*rate)
                ),
            )
        }
        Step::SurveyResult { name, how } => match how {
            SurveyCombination::Single { rate } => format!("{name} = {}", pct(*rate)),
            SurveyCombination::Mean { rates, rate } => format!(
                "{name} = ({}) ÷ {} = {}",
                joined(rates, " + ", |r| pct(*r)),
                rates.len(),
                pct(*rate)
            ),
            SurveyCombination::Weighted { terms, total, rate } => format!(
                "{name} = ({}) ÷ {} = {}",
                joined(terms, " + ", |(r, w)| format!(
                    "{} × {}",
                    pct(*r),
                    plain(*w)
                )),
                plain(*total),
                pct(*rate)
            ),
            SurveyCombination::Respondents {
                points,
                people,
                rate,
            } => format!(
                "{name} = {} ÷ {} = {}",
                plain(*points),
                plain(*people),
                pct(*rate)
            ),
        },
        Step::RateTimesWeight {
            ratio,
            weight,
            score,
        } => format!(
            "{} × {} = {}",
            percent_of_ratio(*ratio),
            plain(*weight),
            p4(*score)
        ),
        Step::ShareOfLimit {
            measured,
            limit,
            weight,
            score,
        } => format!(
            "{}% ÷ {}% × {} = {}",
            plain(measured.round_dp(2)),
            plain(*limit),
            plain(*weight),
            p4(*score)
        ),
        Step::LinearCalc {
            measured,
            zero_at,
            full_at,
            weight,
            score,
        } => format!(
            "({}% − {}) ÷ ({}% − {}) × {} = {}",
            plain(measured.round_dp(2)),
            operand_pct(*zero_at),
            plain(*full_at),
            operand_pct(*zero_at),
            plain(*weight),
            p4(*score)
        ),
        Step::ThresholdResult {
            name,
            value,
            upper,
            limit,
            unit,
            outcome,
        } => {
            let name = measure_name(name, lang);
            let unit = unit.as_deref().unwrap_or("%");
            let shown = amount(*value, unit);
            let lim = amount(*limit, unit);
            let (met_sym, miss_sym) = if *upper { ("≤", ">") } else { ("≥", "<") };
            let sep = lang.pick("，", ", ");
            let tail = match outcome {
                ThresholdOutcome::Met => {
                    return lang.pick(
                        format!("{name} = {shown}，{met_sym}{lim}，得满分"),
                        format!("{name} = {shown}, {met_sym}{lim}, full marks"),
                    );
                }
                ThresholdOutcome::Points(p) => lang.pick(
                    format!("得 {} 分", plain(*p)),
                    format!("{} points", plain(*p)),
                ),
                ThresholdOutcome::Rate { weight, score } => lang.pick(
                    format!("得分 = {shown} × {} = {}", plain(*weight), p4(*score)),
                    format!("score = {shown} × {} = {}", plain(*weight), p4(*score)),
                ),
                ThresholdOutcome::Proportional {
                    num,
                    den,
                    weight,
                    score,
                } => format!(
                    "{} = {} ÷ {} × {} = {}",
                    lang.pick("得分", "score"),
                    amount(*num, unit),
                    amount(*den, unit),
                    plain(*weight),
                    p4(*score)
                ),
            };
            format!("{name} = {shown}{sep}{miss_sym}{lim}{sep}{tail}")
        }
        Step::PerPointLegacyCalc {
            weight,
            threshold,
            measured,
            per,
            score,
        } => format!(
            "{} − ({}% − {}) × {} = {}",
            plain(*weight),
            plain(*threshold),
            operand_pct(measured.round_dp(2)),
            p4(*per),
            p4(*score)
        ),
        Step::PerPointResult(r) => per_point_result(r, lang),
        Step::LevelReached { name, points } => lang.pick(
            format!("评定为“{name}”，得 {} 分", p4(*points)),
            format!("rated “{name}”: {} points", p4(*points)),
        ),
        Step::Checkpoint {
            number,
            text,
            verdict,
        } => {
            let text = match text {
                Some(t) => t.clone(),
                None => lang.pick(format!("要点{number}"), format!("checkpoint {number}")),
            };
            format!("{text} — {}", check_verdict(verdict, lang))
        }
        Step::TargetReached { met } => match (zh, met) {
            (true, true) => "已达到目标值",
            (true, false) => "未达到目标值",
            (false, true) => "target reached",
            (false, false) => "target not reached",
        }
        .to_string(),
        Step::FormulaCalc { substituted, value } => format!(
            "{} = {substituted} = {}",
            lang.pick("得分", "score"),
            p4(*value)
        ),
        Step::WeightMinusDeductions {
            weight,
            total,
            score,
        } => format!("{} − {} = {}", plain(*weight), plain(*total), plain(*score)),
        Step::Total {
            score,
            weight,
            by_rule,
            lost,
            rate,
        } => {
            let (s, w) = (fixed(*score, places), plain(*weight));
            let mut line = match (zh, by_rule) {
                (true, true) => format!("按评分标准得 {s} 分（满分 {w} 分）"),
                (true, false) => format!("得 {s} 分（满分 {w} 分）"),
                (false, true) => format!("by the scoring standard, {s} of {w} points"),
                (false, false) => format!("{s} of {w} points"),
            };
            if let Some(lost) = lost {
                let lost = fixed(*lost, places);
                line.push_str(&lang.pick(format!("，扣 {lost} 分"), format!(", {lost} lost")));
            }
            if let Some(rate) = rate {
                let rate = fixed(*rate, 2);
                line.push_str(
                    &lang.pick(format!("，得分率 {rate}%"), format!(", score rate {rate}%")),
                );
            }
            line
        }
        // Rules and notes are rendered in explanation.rs.
        _ => String::new(),
    }
}

fn check_verdict(v: &CheckVerdict, lang: Lang) -> String {
    match v {
        CheckVerdict::Met { points } => lang.pick(
            format!("达到，得 {} 分", plain(*points)),
            format!("met, {} points", plain(*points)),
        ),
        CheckVerdict::NotMet { points } => lang.pick(
            format!("未达到，扣 {} 分", plain(*points)),
            format!("not met, {} points lost", plain(*points)),
        ),
        CheckVerdict::Partial { got, full } => lang.pick(
            format!(
                "部分达到，得 {} 分（满分 {} 分）",
                plain(*got),
                plain(*full)
            ),
            format!("partly met, {} of {} points", plain(*got), plain(*full)),
        ),
        CheckVerdict::NoneMissing { points } => lang.pick(
            format!("无缺项，得 {} 分", plain(*points)),
            format!("nothing missing, {} points", plain(*points)),
        ),
        CheckVerdict::Missing {
            missing,
            each,
            got,
            capped,
        } => {
            let (n, e, t, g) = (
                plain(*missing),
                plain(*each),
                plain(missing * each),
                plain(*got),
            );
            match (lang, capped) {
                (Lang::Zh, false) => format!("缺 {n} 项，扣 {n} × {e} = {t} 分，得 {g} 分"),
                (Lang::Zh, true) => {
                    format!("缺 {n} 项，扣 {n} × {e} = {t} 分，扣完为止，得 {g} 分")
                }
                (Lang::En, false) => {
                    format!("{n} missing, {n} × {e} = {t} points lost, {g} points")
                }
                (Lang::En, true) => {
                    format!("{n} missing, {n} × {e} = {t} points lost, down to 0, {g} points")
                }
            }
        }
    }
}

fn per_point_result(r: &PerPointResult, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let unit = r.unit.as_deref().unwrap_or("%");
    let su = step_unit(unit, lang);
    let point = |v: Decimal| amount(v, &su);
    let around_zero = r.threshold.is_zero();
    let (m, t) = (amount(r.measured, unit), amount(r.threshold, unit));
    let sym = if r.above { "≤" } else { "≥" };
    let lead = if r.gap <= Decimal::ZERO {
        format!("{m} {sym} {t}")
    } else if around_zero {
        let change = if zh {
            direction_zh(r.above, percentish(unit)).1
        } else if r.above {
            "a rise of"
        } else {
            "a fall of"
        };
        format!("{change} {}", point(r.gap))
    } else {
        let off = match (zh, r.above) {
            (true, true) => "超出",
            (true, false) => "低于",
            (false, true) => "above",
            (false, false) => "below",
        };
        let label = measure_name(&r.label, lang);
        let gap = point(r.gap);
        lang.pick(
            format!("{label} {m}，{off} {t} {gap}"),
            format!("{label} {m}, {gap} {off} {t}"),
        )
    };
    let band = match (zh, around_zero) {
        (true, true) => "持平区间",
        (true, false) => "允许区间",
        (false, true) => "the level band",
        (false, false) => "the allowed band",
    };
    let Some(loss) = &r.loss else {
        if r.gap <= Decimal::ZERO {
            return lang.pick(format!("{lead}，得满分"), format!("{lead}, full marks"));
        }
        let tol = point(r.tolerance);
        return lang.pick(
            format!("{lead}，在{band}（{tol}）以内，得满分"),
            format!("{lead}, within {band} ({tol}), full marks"),
        );
    };
    let mut line = lead;
    if !r.tolerance.is_zero() {
        let excess = point(loss.excess);
        line.push_str(&lang.pick(
            format!("，超出{band} {excess}"),
            format!(", {excess} beyond {band}"),
        ));
    }
    if let Some(count) = loss.count {
        line.push_str(&lang.pick(
            format!("，计 {} 档", p4(count)),
            format!(", steps counted: {}", p4(count)),
        ));
    }
    let d = p4(loss.deduction);
    line.push_str(&lang.pick(format!("，扣 {d} 分"), format!(", {d} points off")));
    line
}
