use rust_decimal::Decimal;

use super::{Edit, EditError};
use crate::model::{Check, Checkpoint, Credit, Indicator, Project, RuleKind, Status};
use crate::scoring::rounding::plain;

/// A refusal, in English (the CLI's language) and Chinese (for the workbench in Chinese).
fn err<T>(en: impl Into<String>, zh: impl Into<String>) -> Result<T, EditError> {
    Err(EditError::new(en, zh))
}

fn leaf_mut<'p>(p: &'p mut Project, code: &str) -> Result<&'p mut Indicator, EditError> {
    let Some(i) = p.index_of(code) else {
        return err(
            format!("no indicator `{code}`"),
            format!("没有指标 `{code}`"),
        );
    };
    // A leaf is a node nobody names as parent; a scan is cheaper than building the tree.
    if p.indicators
        .iter()
        .any(|x| x.parent.as_deref() == Some(code))
    {
        return err(
            format!(
                "{code} is a parent; its score is the sum of its children, edit a leaf instead"
            ),
            format!("{code} 是上级指标，得分由下级指标加总，请在末级指标上修改"),
        );
    }
    Ok(&mut p.indicators[i])
}

fn check_points(points: Decimal, weight: Decimal, what: (&str, &str)) -> Result<(), EditError> {
    let (en, zh) = what;
    let w = plain(weight);
    if points < Decimal::ZERO {
        return err(
            format!("{en} cannot be negative; expected 0 to {w}"),
            format!("{zh}不能为负数，应在 0 到 {w} 之间"),
        );
    }
    if points > weight {
        let p = plain(points);
        return err(
            format!("{en} {p} is more than the weight {w}; expected 0 to {w}"),
            format!("{zh} {p} 超过分值 {w}，应在 0 到 {w} 之间"),
        );
    }
    Ok(())
}

fn check_index(
    index: usize,
    len: usize,
    what: (&str, &str),
    inserting: bool,
) -> Result<(), EditError> {
    let max = if inserting {
        len
    } else {
        len.saturating_sub(1)
    };
    if index > max || (!inserting && len == 0) {
        return err(
            format!("there is no {} number {}", what.0, index + 1),
            format!("没有第 {} 条{}", index + 1, what.1),
        );
    }
    Ok(())
}

/// Validates `edit`, applies it to the model and returns the edit that undoes it.
/// On error nothing has changed.
pub fn apply(p: &mut Project, edit: &Edit) -> Result<Edit, EditError> {
    if edit.is_structure() {
        // The tree lives in the document: `ProjectFile::apply` writes it and reloads the model.
        return err(
            "a change of the indicator tree applies to a project file",
            "指标体系的修改需在项目文件上进行",
        );
    }
    match edit {
        Edit::ResolveConflict { code, index, take } => {
            return super::conflict::resolve(p, code, *index, *take);
        }
        Edit::RecordConflict {
            index,
            record,
            from,
            ..
        } => return super::conflict::record(p, *index, record, *from),
        _ => {}
    }
    if let Edit::SetAdjustment {
        code,
        points,
        reason,
    } = edit
    {
        let Some(item) = p
            .adjustments
            .as_mut()
            .and_then(|a| a.items.iter_mut().find(|i| &i.code == code))
        else {
            return err(
                format!("no adjustment item `{code}`"),
                format!("没有加减分项 `{code}`"),
            );
        };
        if let Some(pts) = points {
            if *pts < Decimal::ZERO {
                return err(
                    "adjustment points are written positive; the item's direction gives the sign",
                    "加减分请填正数，加分或减分由该项的方向决定",
                );
            }
            if let Some(cap) = item.cap.filter(|c| pts > c) {
                return err(
                    format!("{} is above this item's cap of {}", plain(*pts), plain(cap)),
                    format!("{} 超过该项上限 {}", plain(*pts), plain(cap)),
                );
            }
        }
        let undo = Edit::SetAdjustment {
            code: code.clone(),
            points: item.points,
            reason: item.reason.clone(),
        };
        item.points = *points;
        item.reason = reason.clone();
        return Ok(undo);
    }
    // A parent's only record is its own analysis paragraph (its score is its children's sum).
    if let Edit::SetJustification { code, text } = edit
        && let Some(i) = p.index_of(code)
        && p.indicators
            .iter()
            .any(|x| x.parent.as_deref() == Some(code.as_str()))
    {
        let a = &mut p.indicators[i].assessment;
        let undo = Edit::SetJustification {
            code: code.clone(),
            text: a.justification.clone(),
        };
        a.justification = text.clone();
        return Ok(undo);
    }
    let ind = leaf_mut(p, edit.code())?;
    let code = ind.code.clone();
    let weight = ind.weight;
    let a = &mut ind.assessment;
    let undo = match edit {
        Edit::SetScore { score, .. } => {
            if let Some(s) = score {
                check_points(*s, weight, ("a score", "得分"))?;
                if let RuleKind::Judgement { min, max } = &ind.rule.kind {
                    let lo = min.unwrap_or(Decimal::ZERO);
                    let hi = max.unwrap_or(weight);
                    if *s < lo || *s > hi {
                        return err(
                            format!("this rule allows {} to {} points", plain(lo), plain(hi)),
                            format!(
                                "该指标酌情评分，只能在 {} 到 {} 分之间",
                                plain(lo),
                                plain(hi)
                            ),
                        );
                    }
                }
            }
            let undo = Edit::SetScore {
                code,
                score: a.score,
            };
            a.score = *score;
            undo
        }
        Edit::SetInput { name, value, .. } => {
            if name.trim().is_empty() {
                return err("an input needs a name", "数据项需要名称");
            }
            if let Some(crate::model::InputValue::Number(v)) = value
                && v.abs() > Decimal::from(1_000_000_000_000_000i64)
            {
                return err(
                    "that number is too large; expected a number between -10^15 and 10^15",
                    "数字过大，应在 -10^15 到 10^15 之间",
                );
            }
            if let Some(crate::model::InputValue::Date(text)) = value
                && let Err(e) = crate::model::date::check_date(text)
            {
                // The same words the loader gives for this value in the file.
                return err(
                    format!("`{name}`: {}", e.en(text)),
                    format!("“{name}”：{}", e.zh(text)),
                );
            }
            let old = a.input(name).cloned();
            match value {
                Some(v) => match a.inputs.iter_mut().find(|(n, _)| n == name) {
                    Some(slot) => slot.1 = v.clone(),
                    None => a.inputs.push((name.clone(), v.clone())),
                },
                None => a.inputs.retain(|(n, _)| n != name),
            }
            Edit::SetInput {
                code,
                name: name.clone(),
                value: old,
            }
        }
        Edit::InsertDeduction {
            index, deduction, ..
        }
        | Edit::ReplaceDeduction {
            index, deduction, ..
        } => {
            let inserting = matches!(edit, Edit::InsertDeduction { .. });
            check_index(*index, a.deductions.len(), ("deduction", "扣分"), inserting)?;
            if deduction.points.is_none() && deduction.count.is_none() {
                return err(
                    "a deduction needs points, e.g. 0.5",
                    "扣分需要填写分数，如 0.5",
                );
            }
            if let Some(pts) = deduction.points {
                check_points(pts, weight, ("a deduction", "扣分"))?;
            }
            if let Some(c) = deduction.count
                && c < Decimal::ZERO
            {
                return err("a count cannot be negative", "次数不能为负数");
            }
            if inserting {
                a.deductions.insert(*index, deduction.clone());
                Edit::RemoveDeduction {
                    code,
                    index: *index,
                }
            } else {
                let old = std::mem::replace(&mut a.deductions[*index], deduction.clone());
                Edit::ReplaceDeduction {
                    code,
                    index: *index,
                    deduction: old,
                }
            }
        }
        Edit::RemoveDeduction { index, .. } => {
            check_index(*index, a.deductions.len(), ("deduction", "扣分"), false)?;
            let old = a.deductions.remove(*index);
            Edit::InsertDeduction {
                code,
                index: *index,
                deduction: old,
            }
        }
        Edit::SetChecks { checks, .. } => {
            let checks = match &ind.rule.kind {
                RuleKind::Checkpoints { points } => {
                    if checks.len() != points.len() {
                        return err(
                            format!(
                                "this rule has {} checkpoints; expected {} true/false values",
                                points.len(),
                                points.len()
                            ),
                            format!("该指标有 {} 个评价要点，应逐一判定", points.len()),
                        );
                    }
                    checks
                        .iter()
                        .zip(points)
                        .enumerate()
                        .map(|(i, (c, p))| fit_check(i, *c, p))
                        .collect::<Result<Vec<_>, _>>()?
                }
                _ => checks.clone(),
            };
            let undo = Edit::SetChecks {
                code,
                checks: a.checks.clone(),
            };
            a.checks = checks;
            undo
        }
        Edit::SetTier { tier, .. } => {
            if let Some(t) = tier {
                match &ind.rule.kind {
                    RuleKind::Levels { levels } if !levels.iter().any(|l| &l.name == t) => {
                        let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
                        return err(
                            format!(
                                "\"{t}\" is not a level of this rule; expected one of: {}",
                                names.join(", ")
                            ),
                            format!("“{t}”不是该指标的档次，可选：{}", names.join("、")),
                        );
                    }
                    RuleKind::Levels { .. } => {}
                    _ => {
                        return err(
                            format!(
                                "{code} is not scored by levels; a tier applies only to a \"levels\" rule"
                            ),
                            format!("{code} 不是分档评分的指标，不能选择档次"),
                        );
                    }
                }
            }
            let undo = Edit::SetTier {
                code,
                tier: a.tier.clone(),
            };
            a.tier = tier.clone();
            undo
        }
        Edit::SetNa { reason, .. } => {
            if reason.as_ref().is_some_and(|r| r.trim().is_empty()) {
                return err("不适用 needs a reason", "标为不适用需要写明原因");
            }
            let undo = Edit::SetNa {
                code,
                reason: a.na.clone(),
            };
            a.na = reason.clone();
            undo
        }
        Edit::SetUnscorable { reason, .. } => {
            if reason.as_ref().is_some_and(|r| r.trim().is_empty()) {
                return err(
                    "无法评分 needs a reason (what data was missing)",
                    "无法评分需要写明原因（缺少哪些资料）",
                );
            }
            let undo = Edit::SetUnscorable {
                code,
                reason: a.unscorable.clone(),
            };
            a.unscorable = reason.clone();
            undo
        }
        Edit::SetJustification { text, .. } => {
            let undo = Edit::SetJustification {
                code,
                text: a.justification.clone(),
            };
            a.justification = text.clone();
            undo
        }
        Edit::SetStatus { status, .. } => {
            let undo = Edit::SetStatus {
                code,
                status: a.status,
            };
            a.status = *status;
            undo
        }
        Edit::InsertEvidence {
            index, evidence, ..
        }
        | Edit::ReplaceEvidence {
            index, evidence, ..
        } => {
            let inserting = matches!(edit, Edit::InsertEvidence { .. });
            check_index(
                *index,
                a.evidence.len(),
                ("evidence item", "佐证材料"),
                inserting,
            )?;
            if evidence.title.trim().is_empty() {
                return err("evidence needs a title", "佐证材料需要标题");
            }
            if inserting {
                a.evidence.insert(*index, evidence.clone());
                Edit::RemoveEvidence {
                    code,
                    index: *index,
                }
            } else {
                let old = std::mem::replace(&mut a.evidence[*index], evidence.clone());
                Edit::ReplaceEvidence {
                    code,
                    index: *index,
                    evidence: old,
                }
            }
        }
        Edit::RemoveEvidence { index, .. } => {
            check_index(
                *index,
                a.evidence.len(),
                ("evidence item", "佐证材料"),
                false,
            )?;
            let old = a.evidence.remove(*index);
            Edit::InsertEvidence {
                code,
                index: *index,
                evidence: old,
            }
        }
        Edit::InsertReview { index, review, .. } => {
            check_index(*index, a.reviews.len(), ("review", "复核意见"), true)?;
            a.reviews.insert(*index, review.clone());
            Edit::RemoveReview {
                code,
                index: *index,
            }
        }
        Edit::RemoveReview { index, .. } => {
            check_index(*index, a.reviews.len(), ("review", "复核意见"), false)?;
            let old = a.reviews.remove(*index);
            Edit::InsertReview {
                code,
                index: *index,
                review: old,
            }
        }
        Edit::SetAdjustment { .. }
        | Edit::ResolveConflict { .. }
        | Edit::RecordConflict { .. }
        | Edit::AddIndicator { .. }
        | Edit::RemoveIndicator { .. }
        | Edit::RestoreIndicator { .. }
        | Edit::SetWeight { .. }
        | Edit::SetName { .. }
        | Edit::SetCode { .. }
        | Edit::MoveIndicator { .. }
        | Edit::SetRule { .. }
        | Edit::SetDefinition { .. }
        | Edit::SetPolicy { .. }
        | Edit::SetGrades { .. } => unreachable!("handled above"),
    };
    Ok(undo)
}

/// A short description of an edit for messages and the undo list ("B101: 扣 0.5 分").
pub fn describe(edit: &Edit) -> String {
    let code = edit.code();
    match edit {
        Edit::SetScore { score: Some(s), .. } => format!("{code}: 得分 {}", plain(*s)),
        Edit::SetScore { score: None, .. } => format!("{code}: 清除得分"),
        Edit::SetInput {
            name,
            value: Some(v),
            ..
        } => format!("{code}: {name} = {v}"),
        Edit::SetInput {
            name, value: None, ..
        } => format!("{code}: 删除 {name}"),
        Edit::InsertDeduction { deduction, .. } => format!(
            "{code}: 扣 {} 分",
            deduction.points.map(plain).unwrap_or_default()
        ),
        Edit::ReplaceDeduction { .. } => format!("{code}: 修改扣分"),
        Edit::RemoveDeduction { .. } => format!("{code}: 删除扣分"),
        Edit::SetChecks { .. } => format!("{code}: 评价要点"),
        Edit::SetTier { tier, .. } => format!("{code}: 档次 {}", tier.as_deref().unwrap_or("-")),
        Edit::SetNa {
            reason: Some(_), ..
        } => format!("{code}: 不适用"),
        Edit::SetNa { reason: None, .. } => format!("{code}: 取消不适用"),
        Edit::SetUnscorable {
            reason: Some(_), ..
        } => format!("{code}: 无法评分"),
        Edit::SetUnscorable { reason: None, .. } => format!("{code}: 取消无法评分"),
        Edit::SetJustification { .. } => format!("{code}: 评价说明"),
        Edit::SetStatus { status, .. } => format!("{code}: {}", status.label()),
        Edit::InsertEvidence { .. } => format!("{code}: 添加佐证材料"),
        Edit::ReplaceEvidence { .. } => format!("{code}: 修改佐证材料"),
        Edit::RemoveEvidence { .. } => format!("{code}: 删除佐证材料"),
        Edit::InsertReview { .. } => format!("{code}: 复核意见"),
        Edit::RemoveReview { .. } => format!("{code}: 删除复核意见"),
        Edit::SetAdjustment { .. } => format!("{code}: 加减分"),
        Edit::ResolveConflict { take, .. } => format!(
            "{code}: 解决合并冲突（采用{}）",
            match take {
                crate::model::Side::Ours => "我方",
                crate::model::Side::Theirs => "对方",
            }
        ),
        Edit::RecordConflict { .. } => format!("{code}: 合并冲突"),
        Edit::AddIndicator { name, weight, .. } => {
            format!("{code}: 新增指标 {name}（{} 分）", plain(*weight))
        }
        Edit::RemoveIndicator { .. } => format!("{code}: 删除指标"),
        Edit::RestoreIndicator { .. } => format!("{code}: 恢复指标"),
        Edit::SetWeight { weight, .. } => format!("{code}: 分值 {}", plain(*weight)),
        Edit::SetName { name, .. } => format!("{code}: 名称 {name}"),
        Edit::SetCode { new_code, .. } => format!("{code} → {new_code}: 修改代码"),
        Edit::MoveIndicator {
            parent: Some(p), ..
        } => format!("{code}: 移到 {p} 下"),
        Edit::MoveIndicator { parent: None, .. } => format!("{code}: 移为一级指标"),
        Edit::SetRule { .. } => format!("{code}: 评分规则"),
        Edit::SetDefinition { key, .. } => format!("{code}: {}", key.label()),
        Edit::SetPolicy { key, value } => format!("评价设置：{} {value}", key.label()),
        Edit::SetGrades { grades } => {
            format!("评价设置：等级 {}", super::show_grades(grades))
        }
    }
}

/// The status change an edit implies, applied in the same transaction:
/// - recording a judgement on an unscored leaf marks it 已评;
/// - changing anything of an approved (已复核) leaf's record — its score, inputs, deductions,
///   evidence, justification, N/A … — sends it back to 已评, since the approval was of what was
///   there before (see `clears_approval`).
///
/// Status edits, review comments and 加减分项 imply nothing.
pub fn implied_status(p: &Project, edit: &Edit) -> Option<Edit> {
    if matches!(
        edit,
        Edit::SetStatus { .. }
            | Edit::InsertReview { .. }
            | Edit::RemoveReview { .. }
            | Edit::SetAdjustment { .. }
            | Edit::ResolveConflict { .. }
            | Edit::RecordConflict { .. }
    ) {
        return None;
    }
    if edit.is_structure() {
        // A new weight or rule changes what an approved score means; the rest of the design
        // (names, codes, places in the tree, texts) does not touch the record.
        let ind = p.get(edit.code())?;
        let changes_score = match edit {
            Edit::SetWeight { weight, .. } => *weight != ind.weight,
            Edit::SetRule { .. } => true,
            _ => false,
        };
        return (changes_score && ind.assessment.status == Status::Reviewed).then(|| {
            Edit::SetStatus {
                code: ind.code.clone(),
                status: Status::Scored,
            }
        });
    }
    let ind = p.get(edit.code())?;
    if p.indicators
        .iter()
        .any(|x| x.parent.as_deref() == Some(ind.code.as_str()))
    {
        return None; // a parent has no status
    }
    let back_to_scored = || Edit::SetStatus {
        code: ind.code.clone(),
        status: Status::Scored,
    };
    match ind.assessment.status {
        Status::Reviewed => changes_record(ind, edit).then(back_to_scored),
        Status::Unscored => {
            let records = !matches!(
                edit,
                Edit::SetJustification { .. }
                    | Edit::InsertEvidence { .. }
                    | Edit::ReplaceEvidence { .. }
                    | Edit::RemoveEvidence { .. }
            );
            records.then(back_to_scored)
        }
        Status::Scored => None,
    }
}

/// Whether `edit` (not yet applied) withdraws an approval: the leaf is 已复核 and the edit
/// changes what was approved. The TUI and the CLI say so when it does.
pub fn clears_approval(p: &Project, edit: &Edit) -> bool {
    p.get(edit.code())
        .is_some_and(|ind| ind.assessment.status == Status::Reviewed)
        && implied_status(p, edit).is_some()
}

/// Whether applying `edit` would change the leaf's record (an edit that sets what is already
/// there does not). Tried on a copy of the one indicator, so it costs nothing on big projects.
fn changes_record(ind: &Indicator, edit: &Edit) -> bool {
    let mut alone = Project {
        indicators: vec![ind.clone()],
        ..Project::default()
    };
    match apply(&mut alone, edit) {
        Ok(_) => alone.indicators[0].assessment != ind.assessment,
        // A refused edit changes nothing; it will be refused again when applied for real.
        Err(_) => false,
    }
}

/// A value recorded for one checkpoint, checked against how that checkpoint earns its points:
/// on an all-or-nothing one 1/0 mean met/not met, on a partial one a number is the points
/// awarded (0 to its points), on a per-item one the whole number of shortcomings found.
fn fit_check(i: usize, c: Check, p: &Checkpoint) -> Result<Check, EditError> {
    let n = match c {
        Check::Met(_) => return Ok(c),
        Check::Number(n) => n,
    };
    let no = i + 1;
    match p.credit {
        Credit::Whole if n == Decimal::ONE => Ok(Check::Met(true)),
        Credit::Whole if n.is_zero() => Ok(Check::Met(false)),
        Credit::Whole => err(
            format!(
                "checkpoint {no} is met or not; expected true/false (or 1/0), not {}",
                plain(n)
            ),
            format!(
                "第 {no} 个评价要点只判定是否达到，应为 是/否（1/0），不能是 {}",
                plain(n)
            ),
        ),
        Credit::Partial if n > p.points => err(
            format!(
                "checkpoint {no} awards 0 to {}; expected a number in that range, not {}",
                plain(p.points),
                plain(n)
            ),
            format!(
                "第 {no} 个评价要点满分 {} 分，应在 0–{} 之间，不能是 {}",
                plain(p.points),
                plain(p.points),
                plain(n)
            ),
        ),
        Credit::PerItem(_) if n.fract() != Decimal::ZERO => err(
            format!(
                "checkpoint {no} counts shortcomings; expected a whole number, not {}",
                plain(n)
            ),
            format!(
                "第 {no} 个评价要点按缺项计扣，应为整数个数，不能是 {}",
                plain(n)
            ),
        ),
        _ => Ok(Check::Number(n.normalize())),
    }
}
