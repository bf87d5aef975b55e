//! `check`'s errors and warnings, in words.

use rust_decimal::Decimal;

use super::{Lang, list, score_error};
use crate::diagnostic::{Basis, Kind, Named, Severity};
use crate::model::StatedFigure as StatedKind;

/// `error: ` / `错误：`, before a message.
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::En) => "error: ",
        (Severity::Warning, Lang::En) => "warning: ",
        (Severity::Error, Lang::Zh) => "错误：",
        (Severity::Warning, Lang::Zh) => "警告：",
    }
}

/// `error` / `warning` in `lang`, as a word (the JSON output's `severity` is always English).
pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
    }
}

fn named(n: &Named) -> String {
    format!("{} {}", n.code, n.name)
}

/// What the tool's figure is, after "the report prints X but": named by what it rests on.
fn basis_en(basis: Basis, computed: Decimal) -> String {
    match basis {
        Basis::Rule => format!("its rule gives {computed}"),
        Basis::Awarded => format!("its awarded score is {computed}"),
        Basis::Children => format!("the sum of its leaves gives {computed}"),
        Basis::Pending => "it is not scored yet".to_string(),
        Basis::Unscorable => format!("it cannot be scored and counts {computed}"),
        Basis::Weight => format!("its weight is {computed}"),
    }
}

/// 同上, after "报告列示 X，".
fn basis_zh(basis: Basis, computed: Decimal) -> String {
    match basis {
        Basis::Rule => format!("按评分规则计算为 {computed}"),
        Basis::Awarded => format!("给定得分为 {computed}"),
        Basis::Children => format!("按下级指标合计为 {computed}"),
        Basis::Pending => "该指标尚未评分".to_string(),
        Basis::Unscorable => format!("该指标无法评分，计 {computed}"),
        Basis::Weight => format!("该指标分值为 {computed}"),
    }
}

/// Which end of an adjustment item's range `points` falls outside of, and that end.
fn outside(points: Decimal, min: Option<Decimal>, max: Option<Decimal>) -> (bool, Decimal) {
    match min {
        Some(m) if points < m => (true, m),
        _ => (false, max.unwrap_or(points)),
    }
}

/// `A 3 + B 4`: the parts of a sum.
fn parts(p: &[(String, Decimal)]) -> String {
    p.iter()
        .map(|(c, w)| format!("{c} {w}"))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The message of a diagnostic of kind `k`.
pub fn message(k: &Kind, lang: Lang) -> String {
    match lang {
        Lang::En => en(k),
        Lang::Zh => zh(k),
    }
}

fn en(k: &Kind) -> String {
    use Kind::*;
    match k {
        Format { message } => message.clone(),
        Syntax { problem } => super::syntax::message(problem, Lang::En),
        ParentMissing { code, parent } => format!(
            "{code}: parent `{parent}` does not exist; expected the code of another indicator"
        ),
        ParentCycle { code, parent } => {
            format!("{code}: parent `{parent}` makes a cycle in the tree")
        }
        NegativeWeight { code, weight } => {
            format!("{code}: weight {weight} is negative; expected 0 or more")
        }
        WeightsDontAdd {
            at,
            weight,
            sum,
            parts: p,
        } => format!(
            "{}: weight is {weight} but its children add up to {sum} ({}); expected them to be equal",
            named(at),
            parts(p)
        ),
        ScoreOnParent { code } => format!(
            "{code}: scores recorded on a parent are ignored; a parent's score is the sum of its children"
        ),
        StatedScore {
            at,
            stated,
            basis,
            computed,
        } => format!(
            "{}: the report prints {stated} but {}",
            named(at),
            basis_en(*basis, *computed)
        ),
        StatedFigure {
            at,
            figure,
            stated,
            source,
            basis,
            computed,
        } => {
            let source = if source.is_empty() {
                "the report".to_string()
            } else {
                format!("the report ({source})")
            };
            let what = match figure {
                StatedKind::Score => "a score",
                StatedKind::Weight => "a weight",
            };
            let tool = match (figure, basis) {
                (StatedKind::Weight, Basis::Children) => {
                    format!("its children's weights add up to {computed}")
                }
                _ => basis_en(*basis, *computed),
            };
            format!(
                "{}: {source} prints {what} of {stated} but {tool}",
                named(at)
            )
        }
        RootWeights {
            sum,
            parts: p,
            total,
        } => format!(
            "level-1 weights add up to {sum} ({}) but the framework's total is {total}",
            parts(p)
        ),
        AllNotApplicable { total } => format!(
            "every leaf is 不适用 (not applicable): the project has no score to report \
             (not {total} with the lowest grade); mark the leaves that do apply as applicable \
             (remove their `na`)"
        ),
        NoGrades => {
            "no [[grades]]: totals will have no grade; expected bands such as 优 ≥ 90".into()
        }
        StatedTotal { stated, computed } => {
            format!("the report states a total of {stated} but the leaves give {computed}")
        }
        UnknownStatedGrade { grade } => {
            format!("stated grade \"{grade}\" is not one of the framework's grades")
        }
        StatedGrade {
            grade,
            total,
            actual,
        } => format!(
            "the report states grade \"{grade}\" but a total of {total} is \"{}\"",
            actual.as_deref().unwrap_or("-")
        ),
        AdjustmentNegative { code, points } => format!(
            "adjustment {code}: points {points} are negative; write them positive, `direction` gives the sign"
        ),
        AdjustmentNoReason { code, name } => {
            format!("adjustment {code} {name}: points recorded without a reason")
        }
        AdjustmentOutOfRange {
            code,
            name,
            stated,
            points,
            min,
            max,
        } => {
            let (below, end) = outside(*points, *min, *max);
            format!(
                "adjustment {code} {name}: {} {points} points, {} {end}",
                if *stated {
                    "the report prints"
                } else {
                    "the evaluators record"
                },
                if below {
                    "below its minimum of"
                } else {
                    "above its maximum of"
                }
            )
        }
        AdjustmentStated {
            code,
            name,
            stated,
            by_rule,
            counted,
        } => format!(
            "adjustment {code} {name}: the report prints {stated} points but {} {counted}",
            if *by_rule {
                "its rule gives"
            } else {
                "the points counted are"
            }
        ),
        UnresolvedConflict { what, ours, theirs } => {
            format!("unresolved merge conflict in {what} (ours {ours}, theirs {theirs})")
        }
        NaNoReason { code } => {
            format!("{code}: 不适用 needs a reason; expected na = \"why it does not apply\"")
        }
        UnscorableNoReason { code } => format!(
            "{code}: 无法评分 needs a reason; expected unscorable = \"what data was missing\""
        ),
        ScoreOutOfRange {
            code,
            score,
            weight,
        } => format!(
            "{code}: score {score} is outside 0–{weight}; expected a score between 0 and the weight"
        ),
        NegativeDeduction { code, points } => format!(
            "{code}: deduction of {points} points is negative; write the points lost as a positive number"
        ),
        NegativeCount { code, count } => format!(
            "{code}: deduction count {count} is negative; expected the number of occurrences"
        ),
        DeductionNoReason { code } => {
            format!("{code}: a deduction has no reason; expected reason = \"what was found\"")
        }
        SurveyShadowed { code, name, input } => format!(
            "{code}: the rule reads the input {name} = {input}, not the questionnaire of the same name; remove the input to score from the tally (`jixiao set FILE {code} input.{name}=`)"
        ),
        UnknownEvidence { code, title } => format!(
            "{code}: deduction cites evidence \"{title}\" which is not in the leaf's evidence list"
        ),
        DeductionsOverWeight { code, sum, weight } => format!(
            "{code}: deductions add up to {sum} but the leaf is worth {weight}; expected at most {weight}"
        ),
        DeductionsDontExplain {
            code,
            explained,
            lost,
            rule,
        } => format!(
            "{code}: the deductions explain {explained} points but {lost} were lost; a \"{}\" rule does not subtract them, so they should account for the loss",
            rule.id
        ),
        CriteriaCount {
            code,
            points,
            criteria,
        } => format!(
            "{code}: the rule gives points for {points} checkpoints but {criteria} criteria (评价要点) are written; expected one `points` entry per criterion"
        ),
        ChecksCount {
            code,
            checks,
            points,
        } => format!(
            "{code}: {checks} checks recorded for {points} checkpoints; expected one true/false per checkpoint"
        ),
        Incomplete { at, missing } => format!(
            "{}: incomplete (未完成): {} not recorded yet; it counts as unscored until then",
            named(at),
            missing
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Rule { at, error } => format!("{}: {}", named(at), score_error(error, Lang::En)),
        RuleMaxBelowWeight { code, max, weight } => format!(
            "{code}: the rule can give at most {max} but the leaf is worth {weight}; full marks are unreachable"
        ),
        RuleMaxAboveWeight { code, max, weight } => format!(
            "{code}: the rule can give up to {max} but the leaf is worth {weight}; anything above {weight} is cut off"
        ),
        AwardedUnchecked {
            at,
            awarded,
            missing,
        } => format!(
            "{}: awarded {awarded}; its rule cannot check it until {} recorded",
            named(at),
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        AwardedDiffers {
            at,
            awarded,
            computed,
            above,
        } => format!(
            "{}: awarded {awarded} but its rule gives {computed}{}",
            named(at),
            match above {
                Some(max) => format!(", above the most the rule allows ({max})"),
                None => String::new(),
            }
        ),
        LossUnexplained { at, lost } => format!(
            "{}: loses {lost} points but no deduction gives a reason; expected a deduction with its reason, or a justification that says why",
            named(at)
        ),
        StatedRate {
            code,
            stated,
            computed,
        } => {
            format!("{code}: the report states a rate of {stated}% but the inputs give {computed}%")
        }
        StatedRateUnchecked { code, rule } => format!(
            "{code}: `stated_rate` is not checked: a \"{}\" rule measures no rate; give the rule a measure (numerator/denominator or value) or drop it",
            rule.id
        ),
        JustificationScore { at, stated, score } => format!(
            "{}: the justification states {stated} points but the score is {score}",
            named(at)
        ),
        JustificationRate { at, stated, rate } => format!(
            "{}: the justification states a 得分率 of {stated}% but it is {rate}%",
            named(at)
        ),
    }
}

fn zh(k: &Kind) -> String {
    use Kind::*;
    match k {
        // Words made elsewhere (the config reader, a system error) that are not yet values.
        Format { message } => message.clone(),
        Syntax { problem } => super::syntax::message(problem, Lang::Zh),
        ParentMissing { code, parent } => {
            format!("{code}：上级指标“{parent}”不存在；应为另一个指标的编码")
        }
        ParentCycle { code, parent } => format!("{code}：上级指标“{parent}”使指标树成环"),
        NegativeWeight { code, weight } => format!("{code}：分值 {weight} 为负数；应为 0 或以上"),
        WeightsDontAdd {
            at,
            weight,
            sum,
            parts: p,
        } => format!(
            "{}：分值为 {weight}，但下级指标合计为 {sum}（{}）；两者应相等",
            named(at),
            parts(p)
        ),
        ScoreOnParent { code } => {
            format!("{code}：上级指标上记录的评分不计；上级指标得分为下级指标之和")
        }
        StatedScore {
            at,
            stated,
            basis,
            computed,
        } => format!(
            "{}：报告列示 {stated}，{}",
            named(at),
            basis_zh(*basis, *computed)
        ),
        StatedFigure {
            at,
            figure,
            stated,
            source,
            basis,
            computed,
        } => {
            let source = if source.is_empty() { "报告" } else { source };
            let what = match figure {
                StatedKind::Score => "得分",
                StatedKind::Weight => "分值",
            };
            let tool = match (figure, basis) {
                (StatedKind::Weight, Basis::Children) => format!("下级指标分值合计为 {computed}"),
                _ => basis_zh(*basis, *computed),
            };
            format!("{}：{source}列示{what} {stated}，{tool}", named(at))
        }
        RootWeights {
            sum,
            parts: p,
            total,
        } => format!(
            "一级指标分值合计为 {sum}（{}），但框架总分为 {total}",
            parts(p)
        ),
        AllNotApplicable { total } => format!(
            "所有末级指标均为不适用：项目没有可报告的得分（不是得 {total} 分、最低等级）；请将适用的指标改回适用（删除其 na）"
        ),
        NoGrades => "没有 [[grades]]：总分将没有等级；应设置等级区间，如 优 ≥ 90".into(),
        StatedTotal { stated, computed } => {
            format!("报告列示总分 {stated}，按末级指标计算为 {computed}")
        }
        UnknownStatedGrade { grade } => format!("报告列示的等级“{grade}”不是框架中的等级"),
        StatedGrade {
            grade,
            total,
            actual,
        } => format!(
            "报告列示等级“{grade}”，但总分 {total} 对应“{}”",
            actual.as_deref().unwrap_or("-")
        ),
        AdjustmentNegative { code, points } => {
            format!("加减分项 {code}：分数 {points} 为负数；请填正数，加分或减分由 direction 决定")
        }
        AdjustmentNoReason { code, name } => {
            format!("加减分项 {code} {name}：记录了分数但没有原因")
        }
        AdjustmentOutOfRange {
            code,
            name,
            stated,
            points,
            min,
            max,
        } => {
            let (below, end) = outside(*points, *min, *max);
            format!(
                "加减分项 {code} {name}：{} {points} 分，{}该项{} {end} 分",
                if *stated { "报告列示" } else { "记录" },
                if below { "低于" } else { "高于" },
                if below { "最低" } else { "最高" }
            )
        }
        AdjustmentStated {
            code,
            name,
            stated,
            by_rule,
            counted,
        } => format!(
            "加减分项 {code} {name}：报告列示 {stated} 分，{}为 {counted}",
            if *by_rule {
                "按该项规则计算"
            } else {
                "按记录计入"
            }
        ),
        UnresolvedConflict { what, ours, theirs } => {
            format!("{what} 有未解决的合并冲突（我方 {ours}，对方 {theirs}）")
        }
        NaNoReason { code } => format!("{code}：不适用需要说明原因；应填写 na = \"不适用的原因\""),
        UnscorableNoReason { code } => {
            format!("{code}：无法评分需要说明原因；应填写 unscorable = \"缺少哪些资料\"")
        }
        ScoreOutOfRange {
            code,
            score,
            weight,
        } => format!("{code}：得分 {score} 超出 0–{weight}；得分应在 0 与分值之间"),
        NegativeDeduction { code, points } => {
            format!("{code}：扣分 {points} 分为负数；请以正数填写所扣分值")
        }
        NegativeCount { code, count } => {
            format!("{code}：扣分次数 {count} 为负数；应为发生的次数")
        }
        DeductionNoReason { code } => {
            format!("{code}：有一条扣分没有原因；应填写 reason = \"发现的问题\"")
        }
        SurveyShadowed { code, name, input } => format!(
            "{code}：评分规则读取的是输入数据 {name} = {input}，不是同名问卷；删除该输入（`jixiao set 文件 {code} input.{name}=`）才按问卷统计计分"
        ),
        UnknownEvidence { code, title } => {
            format!("{code}：扣分引用的佐证材料“{title}”不在该指标的佐证材料中")
        }
        DeductionsOverWeight { code, sum, weight } => {
            format!("{code}：扣分合计 {sum}，但该指标分值为 {weight}；扣分至多为 {weight}")
        }
        DeductionsDontExplain {
            code,
            explained,
            lost,
            rule,
        } => format!(
            "{code}：扣分说明了 {explained} 分，但实际失分 {lost} 分；“{}”规则不扣减这些扣分，它们应说明全部失分",
            rule.label
        ),
        CriteriaCount {
            code,
            points,
            criteria,
        } => format!(
            "{code}：规则为 {points} 个评价要点计分，但写了 {criteria} 条评价要点；每条评价要点应有一个 points"
        ),
        ChecksCount {
            code,
            checks,
            points,
        } => format!(
            "{code}：记录了 {checks} 个要点判断，但有 {points} 个评价要点；每个评价要点应有一个是/否"
        ),
        Incomplete { at, missing } => format!(
            "{}：未完成：尚未记录{}；记录前按未评计",
            named(at),
            list(Lang::Zh, missing.iter().map(|n| format!("“{n}”")))
        ),
        Rule { at, error } => format!("{}：无法计算：{}", named(at), score_error(error, Lang::Zh)),
        RuleMaxBelowWeight { code, max, weight } => {
            format!("{code}：评分规则最多给 {max} 分，但该指标分值为 {weight}；无法得满分")
        }
        RuleMaxAboveWeight { code, max, weight } => format!(
            "{code}：评分规则最多可给 {max} 分，但该指标分值为 {weight}；超过 {weight} 的部分不计"
        ),
        AwardedUnchecked {
            at,
            awarded,
            missing,
        } => format!(
            "{}：给定得分 {awarded}；尚未记录{}，评分规则暂无法核对",
            named(at),
            missing
                .iter()
                .map(|m| format!("“{m}”"))
                .collect::<Vec<_>>()
                .join("、")
        ),
        AwardedDiffers {
            at,
            awarded,
            computed,
            above,
        } => format!(
            "{}：给定得分 {awarded}，但按评分规则为 {computed}{}",
            named(at),
            match above {
                Some(max) => format!("，超过规则允许的最高分（{max}）"),
                None => String::new(),
            }
        ),
        LossUnexplained { at, lost } => format!(
            "{}：失分 {lost} 分，但没有扣分说明原因；应写明扣分及其原因，或在评价说明中说明",
            named(at)
        ),
        StatedRate {
            code,
            stated,
            computed,
        } => format!("{code}：报告列示比率 {stated}%，按输入计算为 {computed}%"),
        StatedRateUnchecked { code, rule } => format!(
            "{code}：stated_rate 未核对：“{}”规则不计算比率；请为规则指定计量（numerator/denominator 或 value），或删除 stated_rate",
            rule.label
        ),
        JustificationScore { at, stated, score } => {
            format!("{}：评价说明写得 {stated} 分，但得分为 {score}", named(at))
        }
        JustificationRate { at, stated, rate } => format!(
            "{}：评价说明写得分率 {stated}%，但得分率为 {rate}%",
            named(at)
        ),
    }
}
