//! Why a rule cannot be computed, in words.

use super::{Lang, list};
use crate::scoring::rounding::plain;
use crate::scoring::{Expected, ScoreError};

/// `error` in `lang`.
pub fn score_error(error: &ScoreError, lang: Lang) -> String {
    use ScoreError::*;
    let zh = lang == Lang::Zh;
    match error {
        InputNotRecorded { name, expected } => match (zh, expected) {
            (true, Expected::Number) => format!("未记录输入“{name}”"),
            (true, Expected::Flag) => format!("未记录输入“{name}”（应为是或否）"),
            (false, Expected::Number) => format!("input `{name}` is not recorded"),
            (false, Expected::Flag) => {
                format!("input `{name}` is not recorded (expected true or false)")
            }
        },
        InputIsDate { name, expected } => match (zh, expected) {
            (true, Expected::Number) => format!("输入“{name}”是日期，应为数字"),
            (true, Expected::Flag) => format!("输入“{name}”是日期，应为是或否"),
            (false, Expected::Number) => format!("input `{name}` is a date; expected a number"),
            (false, Expected::Flag) => {
                format!("input `{name}` is a date; expected true or false")
            }
        },
        ZeroDenominator { name, year } => match (zh, year) {
            (true, None) => format!("分母“{name}”为 0，无法计算比率"),
            (true, Some(y)) => format!("分母“{name}”{y}年为 0，无法计算比率"),
            (false, None) => {
                format!("denominator `{name}` is 0; a rate needs a non-zero denominator")
            }
            (false, Some(y)) => format!(
                "denominator `{name}` is 0 in {y}; a rate needs a non-zero denominator"
            ),
        },
        YearMissing { input, other, year } => lang.pick(
            format!("输入“{input}”缺少{year}年的数据，而“{other}”有"),
            format!("input `{input}` has no figure for {year} but `{other}` has"),
        ),
        TooLarge => lang
            .pick(
                "数值过大，无法计算；请检查输入",
                "a number is too large to compute with; check the inputs",
            )
            .into(),
        NoJudgedScore => lang
            .pick(
                "未记录酌情得分，应填写得分（score）",
                "no judged score recorded; expected `score`",
            )
            .into(),
        JudgedOutOfRange { score, min, max } => {
            let (s, lo, hi) = (plain(*score), plain(*min), plain(*max));
            lang.pick(
                format!("酌情得分 {s} 超出允许范围 {lo}–{hi}"),
                format!("judged score {s} is outside the allowed {lo}–{hi}"),
            )
        }
        NoTier => lang
            .pick(
                "未选择评定档次，应填写档次（tier）",
                "no level chosen; expected `tier`",
            )
            .into(),
        UnknownTier { tier, levels } => {
            let names = list(lang, levels.iter().cloned());
            lang.pick(
                format!("档次“{tier}”不是以下之一：{names}"),
                format!("tier \"{tier}\" is not one of: {names}"),
            )
        }
        NegativeDeduction { points } => {
            let p = plain(*points);
            lang.pick(
                format!("扣分 {p} 分为负数；请以正数填写所扣分值"),
                format!(
                    "deduction of {p} points is negative; write the points lost as a positive number"
                ),
            )
        }
        CountWithoutPerItem => lang
            .pick(
                "扣分填写了次数（count），但规则没有 per_item 或 fraction",
                "a deduction gives `count` but the rule has no `per_item` or `fraction`",
            )
            .into(),
        UndeclaredGroup { name } => lang.pick(
            format!("扣分类别“{name}”未在规则的 groups 中声明"),
            format!("deduction group \"{name}\" is not declared in the rule's `groups`"),
        ),
        RateNeedsPercent { unit } => lang.pick(
            format!("otherwise = \"rate\" 需要百分比，但计量单位为 {unit}"),
            format!("`otherwise = \"rate\"` needs a percentage, but the measure is in {unit}"),
        ),
        ZeroScale => lang
            .pick("无法以 0 为基数按比例计分", "cannot scale by a zero value")
            .into(),
        ZeroThreshold => lang.pick("达标值为 0", "threshold is 0").into(),
        PerPointWithoutDeduct => lang
            .pick(
                "per_point 规则需要 deduct 或 deduct_fraction",
                "per_point needs `deduct` or `deduct_fraction`",
            )
            .into(),
        LinearBoundsEqual => lang
            .pick("full_at 与 zero_at 相等", "full_at and zero_at are equal")
            .into(),
        TargetKindMismatch { name } => lang.pick(
            format!("输入“{name}”与目标值类型不同（数字与日期）"),
            format!("input `{name}` and the target are of different kinds (number vs date)"),
        ),
        ProportionalNeedsNumbers => lang
            .pick(
                "按比例计分需要数字，不能是日期",
                "proportional scoring needs numbers, not dates",
            )
            .into(),
        FormulaSyntax { error } => {
            let detail = super::formula_error(error, lang);
            lang.pick(format!("公式有误：{detail}"), format!("formula: {detail}"))
        }
        DivisionByZero => lang.pick("公式中除数为 0", "division by zero").into(),
        FormulaTooLarge => lang
            .pick("公式计算结果过大", "the result is too large")
            .into(),
        BadPlaces { function, places } => lang.pick(
            format!("{function}() 的小数位数为 {places}，应为 0 到 10 的整数"),
            format!("{function}(): places is {places}; expected a whole number from 0 to 10"),
        ),
        NoArguments { function } => lang.pick(
            format!("{function}() 需要参数"),
            format!("{function}() needs arguments"),
        ),
        UnknownFunction { name } => lang.pick(
            format!("未知函数“{name}”"),
            format!("unknown function `{name}`"),
        ),
        SurveyNoQuestions { survey } => lang.pick(
            format!("问卷“{survey}”没有题目"),
            format!("survey `{survey}` has no questions"),
        ),
        SurveyCounts {
            survey,
            question,
            counts,
            options,
        } => lang.pick(
            format!("问卷“{survey}”第 {question} 题有 {counts} 个计数，但有 {options} 个选项"),
            format!(
                "survey `{survey}` question {question} has {counts} counts for {options} options"
            ),
        ),
        SurveyNoRespondents { survey, question } => lang.pick(
            format!("问卷“{survey}”第 {question} 题无人作答；计算满意度至少需要一份回答"),
            format!(
                "survey `{survey}` question {question} has no respondents; a satisfaction rate needs at least one answer"
            ),
        ),
        SurveyWeights { survey, total } => {
            let t = plain(*total);
            lang.pick(
                format!("问卷“{survey}”按题目权重加权，但题目权重合计为 {t}"),
                format!("survey `{survey}` is weighted but its question weights add up to {t}"),
            )
        }
        SurveyTooLarge => lang
            .pick(
                "问卷统计数值过大，无法计算",
                "a survey tally is too large to compute with",
            )
            .into(),
        CheckIsMetOrNot { number, value } => {
            let v = plain(*value);
            lang.pick(
                format!("第 {number} 个评价要点只判定是否达到，应为 true/false（或 1/0），不能是 {v}"),
                format!("checkpoint {number} is met or not; expected true or false (or 1/0), found {v}"),
            )
        }
        CheckCountNotWhole { number, value } => {
            let v = plain(*value);
            lang.pick(
                format!("第 {number} 个评价要点按缺项计扣，应为整数个数，不能是 {v}"),
                format!("checkpoint {number} counts shortcomings; expected a whole number, found {v}"),
            )
        }
        CheckAwardOutOfRange { number, value, max } => {
            let (v, m) = (plain(*value), plain(*max));
            lang.pick(
                format!("第 {number} 个评价要点给 {v} 分，超出 0–{m} 分"),
                format!("checkpoint {number} awards {v}, outside the allowed 0–{m}"),
            )
        }
    }
}
