//! A short name for an edit, for messages and the undo list ("B101: 扣 0.5 分").

use super::Lang;
use crate::edit::{DefinitionKey, Edit, PolicyKey};
use crate::model::{Side, Status};
use crate::scoring::rounding::plain;

fn status(s: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.label(),
        Lang::En => match s {
            Status::Unscored => "unscored (未评)",
            Status::Scored => "scored (已评)",
            Status::Reviewed => "reviewed (已复核)",
        },
    }
}

/// A setting's name (总分, 舍入 …) in `lang`; the key the file writes is `key.key()`.
pub fn policy_label(key: PolicyKey, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => key.label(),
        Lang::En => match key {
            PolicyKey::Total => "total points",
            PolicyKey::Rounding => "rounding",
            PolicyKey::Places => "decimal places",
            PolicyKey::NaPolicy => "not-applicable handling",
            PolicyKey::RatePlaces => "places of rates",
        },
    }
}

/// The name of the grade bands setting (评价等级) in `lang`.
pub fn grades_label(lang: Lang) -> &'static str {
    lang.pick("评价等级", "grade bands")
}

/// An indicator's definition text's name (指标解释, 公式 …) in `lang`.
pub fn definition_label(key: DefinitionKey, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => key.label(),
        Lang::En => match key {
            DefinitionKey::Explanation => "explanation",
            DefinitionKey::Formula => "formula",
            DefinitionKey::Target => "target",
            DefinitionKey::Source => "data source",
        },
    }
}

/// `edit` in `lang`, headed by the code it touches.
pub fn edit_label(edit: &Edit, lang: Lang) -> String {
    let code = edit.code();
    let zh = lang == Lang::Zh;
    let what = match edit {
        Edit::SetScore { score: Some(s), .. } => lang.pick(
            format!("得分 {}", plain(*s)),
            format!("score {}", plain(*s)),
        ),
        Edit::SetScore { score: None, .. } => lang.pick("清除得分", "score cleared").into(),
        Edit::SetInput {
            name,
            value: Some(v),
            ..
        } => format!("{name} = {v}"),
        Edit::SetInput {
            name, value: None, ..
        } => lang.pick(format!("删除 {name}"), format!("{name} deleted")),
        Edit::SetYear {
            name,
            year,
            value: Some(v),
            ..
        } => lang.pick(
            format!("{name} {year}年 = {}", plain(*v)),
            format!("{name} {year} = {}", plain(*v)),
        ),
        // Putting back a removed input reads as setting its year again.
        Edit::RestoreYearly { yearly, .. } => {
            let (name, (year, v)) = (
                &yearly.name,
                yearly.years.first().cloned().unwrap_or_default(),
            );
            lang.pick(
                format!("{name} {year}年 = {}", plain(v)),
                format!("{name} {year} = {}", plain(v)),
            )
        }
        Edit::SetYear {
            name,
            year,
            value: None,
            ..
        } => lang.pick(
            format!("删除 {name} {year}年"),
            format!("{name} {year} deleted"),
        ),
        Edit::SetSurveyCount {
            survey,
            question,
            option,
            count,
            ..
        } => {
            let (q, o, c) = (question + 1, option + 1, plain(*count));
            lang.pick(
                format!("问卷“{survey}”第{q}题第{o}项 {c} 人"),
                format!("questionnaire {survey} question {q} option {o}: {c}"),
            )
        }
        Edit::SetSurvey {
            name,
            survey: Some(_),
            ..
        } => lang.pick(format!("问卷“{name}”"), format!("questionnaire {name}")),
        Edit::SetSurvey {
            name, survey: None, ..
        } => lang.pick(
            format!("删除问卷“{name}”"),
            format!("questionnaire {name} deleted"),
        ),
        Edit::InsertDeduction { deduction, .. } => {
            let p = deduction.points.map(plain).unwrap_or_default();
            lang.pick(format!("扣 {p} 分"), format!("deduct {p}"))
        }
        Edit::ReplaceDeduction { .. } => lang.pick("修改扣分", "deduction changed").into(),
        Edit::RemoveDeduction { .. } => lang.pick("删除扣分", "deduction deleted").into(),
        Edit::SetChecks { .. } => lang.pick("评价要点", "checkpoints").into(),
        Edit::SetTier { tier, .. } => {
            let t = tier.as_deref().unwrap_or("-");
            lang.pick(format!("档次 {t}"), format!("tier {t}"))
        }
        Edit::SetNa {
            reason: Some(_), ..
        } => lang.pick("不适用", "not applicable (不适用)").into(),
        Edit::SetNa { reason: None, .. } => lang.pick("取消不适用", "applicable again").into(),
        Edit::SetUnscorable {
            reason: Some(_), ..
        } => lang.pick("无法评分", "not scorable (无法评分)").into(),
        Edit::SetUnscorable { reason: None, .. } => {
            lang.pick("取消无法评分", "scorable again").into()
        }
        Edit::SetJustification { .. } => lang.pick("评价说明", "justification").into(),
        Edit::SetStatus { status: s, .. } => status(*s, lang).into(),
        Edit::InsertEvidence { .. } => lang.pick("添加佐证材料", "evidence added").into(),
        Edit::ReplaceEvidence { .. } => lang.pick("修改佐证材料", "evidence changed").into(),
        Edit::RemoveEvidence { .. } => lang.pick("删除佐证材料", "evidence deleted").into(),
        Edit::InsertReview { .. } => lang.pick("复核意见", "review comment").into(),
        Edit::RemoveReview { .. } => lang.pick("删除复核意见", "review comment deleted").into(),
        Edit::SetAdjustment { .. } => lang.pick("加减分", "adjustment").into(),
        Edit::ResolveConflict { take, .. } => match (take, zh) {
            (Side::Ours, true) => "解决合并冲突（采用我方）".into(),
            (Side::Theirs, true) => "解决合并冲突（采用对方）".into(),
            (Side::Ours, false) => "merge conflict resolved (ours)".into(),
            (Side::Theirs, false) => "merge conflict resolved (theirs)".into(),
        },
        Edit::RecordConflict { .. } => lang.pick("合并冲突", "merge conflict").into(),
        Edit::AddIndicator { name, weight, .. } => lang.pick(
            format!("新增指标 {name}（{} 分）", plain(*weight)),
            format!("new indicator {name} ({} pt)", plain(*weight)),
        ),
        Edit::RemoveIndicator { .. } => lang.pick("删除指标", "indicator deleted").into(),
        Edit::RestoreIndicator { .. } => lang.pick("恢复指标", "indicator restored").into(),
        Edit::SetWeight { weight, .. } => lang.pick(
            format!("分值 {}", plain(*weight)),
            format!("weight {}", plain(*weight)),
        ),
        Edit::SetName { name, .. } => lang.pick(format!("名称 {name}"), format!("name {name}")),
        Edit::SetCode { new_code, .. } => {
            return lang.pick(
                format!("{code} → {new_code}: 修改代码"),
                format!("{code} → {new_code}: code changed"),
            );
        }
        Edit::MoveIndicator {
            parent: Some(p), ..
        } => lang.pick(format!("移到 {p} 下"), format!("moved under {p}")),
        Edit::MoveIndicator { parent: None, .. } => {
            lang.pick("移为一级指标", "moved to level 1").into()
        }
        Edit::SetRule { .. } => lang.pick("评分规则", "scoring rule").into(),
        Edit::SetDefinition { key, .. } => definition_label(*key, lang).to_string(),
        Edit::SetCriteria { criteria, .. } => lang.pick(
            format!("评价要点（{} 条）", criteria.len()),
            format!("评价要点 ({} points)", criteria.len()),
        ),
        Edit::SetShown { shown: None, .. } => lang
            .pick(
                "报告中的编号：用指标代码",
                "report's code: the indicator's own",
            )
            .into(),
        Edit::SetShown { shown: Some(s), .. } if s.is_empty() => lang
            .pick("报告中的编号：不印编号", "report's code: none printed")
            .into(),
        Edit::SetShown { shown: Some(s), .. } => {
            lang.pick(format!("报告中的编号 {s}"), format!("report's code {s}"))
        }
        // Settings belong to the project, not to an indicator.
        Edit::SetPolicy { key, value } => {
            return lang.pick(
                format!("评价设置：{} {value}", policy_label(*key, lang)),
                format!("settings: {} {value}", policy_label(*key, lang)),
            );
        }
        Edit::SetGrades { grades } => {
            let g = crate::edit::show_grades(grades);
            return lang.pick(
                format!("评价设置：等级 {g}"),
                format!("settings: grades {g}"),
            );
        }
    };
    format!("{code}: {what}")
}

/// `edit_label`, with what only the project `p` can tell: a questionnaire count is named by
/// its option ("问卷“满意度”第1题“较满意” 9 人"), not by the option's number.
pub fn edit_label_in(edit: &Edit, lang: Lang, p: &crate::model::Project) -> String {
    if let Edit::SetSurveyCount {
        code,
        survey,
        question,
        option,
        count,
    } = edit
        && let Some(o) = p
            .get(code)
            .and_then(|i| i.assessment.survey(survey))
            .and_then(|s| s.options.get(*option))
    {
        let (q, c, o) = (question + 1, plain(*count), &o.name);
        let what = lang.pick(
            format!("问卷“{survey}”第{q}题“{o}” {c} 人"),
            format!("questionnaire {survey} question {q} \"{o}\": {c}"),
        );
        return format!("{code}: {what}");
    }
    edit_label(edit, lang)
}
