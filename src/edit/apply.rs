use rust_decimal::Decimal;

use super::{Edit, EditError, Thing};
use crate::model::{Check, Checkpoint, Credit, Indicator, Project, RuleKind, Status};

fn err<T>(e: EditError) -> Result<T, EditError> {
    Err(e)
}

fn leaf_mut<'p>(p: &'p mut Project, code: &str) -> Result<&'p mut Indicator, EditError> {
    let Some(i) = p.index_of(code) else {
        return err(EditError::NoIndicator {
            code: code.to_string(),
        });
    };
    // A leaf is a node nobody names as parent; a scan is cheaper than building the tree.
    if p.indicators
        .iter()
        .any(|x| x.parent.as_deref() == Some(code))
    {
        return err(EditError::IsParent {
            code: code.to_string(),
        });
    }
    Ok(&mut p.indicators[i])
}

fn check_points(points: Decimal, weight: Decimal, what: Thing) -> Result<(), EditError> {
    if points < Decimal::ZERO {
        return err(EditError::Negative { what, weight });
    }
    if points > weight {
        return err(EditError::AboveWeight {
            what,
            points,
            weight,
        });
    }
    Ok(())
}

fn check_index(index: usize, len: usize, what: Thing, inserting: bool) -> Result<(), EditError> {
    let max = if inserting {
        len
    } else {
        len.saturating_sub(1)
    };
    if index > max || (!inserting && len == 0) {
        return err(EditError::NoItem {
            what,
            number: index + 1,
        });
    }
    Ok(())
}

/// Validates `edit`, applies it to the model and returns the edit that undoes it.
/// On error nothing has changed.
pub fn apply(p: &mut Project, edit: &Edit) -> Result<Edit, EditError> {
    if edit.is_structure() {
        // The tree lives in the document: `ProjectFile::apply` writes it and reloads the model.
        return err(EditError::TreeOnProject);
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
            return err(EditError::NoAdjustment { code: code.clone() });
        };
        if let Some(pts) = points {
            if *pts < Decimal::ZERO {
                return err(EditError::AdjustmentSigned);
            }
            if let Some(cap) = item.cap.filter(|c| pts > c) {
                return err(EditError::AboveCap { points: *pts, cap });
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
                check_points(*s, weight, Thing::Score)?;
                if let RuleKind::Judgement { min, max } = &ind.rule.kind {
                    let lo = min.unwrap_or(Decimal::ZERO);
                    let hi = max.unwrap_or(weight);
                    if *s < lo || *s > hi {
                        return err(EditError::JudgedRange { min: lo, max: hi });
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
                return err(EditError::InputNeedsName);
            }
            if let Some(crate::model::InputValue::Number(v)) = value
                && v.abs() > Decimal::from(1_000_000_000_000_000i64)
            {
                return err(EditError::NumberTooLarge);
            }
            if let Some(crate::model::InputValue::Date(text)) = value
                && let Err(e) = crate::model::date::check_date(text)
            {
                // The same words the loader gives for this value in the file.
                return err(EditError::BadDate {
                    name: name.clone(),
                    text: text.clone(),
                    error: e,
                });
            }
            if super::figures::is_yearly(a, name) {
                return err(EditError::IsYearly { name: name.clone() });
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
        Edit::SetYear { .. }
        | Edit::RestoreYearly { .. }
        | Edit::SetSurveyCount { .. }
        | Edit::SetSurvey { .. } => super::figures::apply(a, code, edit)?,
        Edit::InsertDeduction {
            index, deduction, ..
        }
        | Edit::ReplaceDeduction {
            index, deduction, ..
        } => {
            let inserting = matches!(edit, Edit::InsertDeduction { .. });
            check_index(*index, a.deductions.len(), Thing::Deduction, inserting)?;
            if deduction.points.is_none() && deduction.count.is_none() {
                return err(EditError::DeductionNeedsPoints);
            }
            if let Some(pts) = deduction.points {
                check_points(pts, weight, Thing::Deduction)?;
            }
            if let Some(c) = deduction.count
                && c < Decimal::ZERO
            {
                return err(EditError::NegativeCount);
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
            check_index(*index, a.deductions.len(), Thing::Deduction, false)?;
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
                        return err(EditError::ChecksCount {
                            checkpoints: points.len(),
                        });
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
                        return err(EditError::NotALevel {
                            tier: t.clone(),
                            levels: levels.iter().map(|l| l.name.clone()).collect(),
                        });
                    }
                    RuleKind::Levels { .. } => {}
                    _ => {
                        return err(EditError::NotLevels { code });
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
                return err(EditError::NaNeedsReason);
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
                return err(EditError::UnscorableNeedsReason);
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
            check_index(*index, a.evidence.len(), Thing::Evidence, inserting)?;
            if evidence.title.trim().is_empty() {
                return err(EditError::EvidenceNeedsTitle);
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
            check_index(*index, a.evidence.len(), Thing::Evidence, false)?;
            let old = a.evidence.remove(*index);
            Edit::InsertEvidence {
                code,
                index: *index,
                evidence: old,
            }
        }
        Edit::InsertReview { index, review, .. } => {
            check_index(*index, a.reviews.len(), Thing::Review, true)?;
            a.reviews.insert(*index, review.clone());
            Edit::RemoveReview {
                code,
                index: *index,
            }
        }
        Edit::RemoveReview { index, .. } => {
            check_index(*index, a.reviews.len(), Thing::Review, false)?;
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
        | Edit::SetCriteria { .. }
        | Edit::SetShown { .. }
        | Edit::SetPolicy { .. }
        | Edit::SetGrades { .. } => unreachable!("handled above"),
    };
    Ok(undo)
}

/// A short description of an edit for messages and the undo list ("B101: 扣 0.5 分"), in
/// Chinese; `crate::lang::edit_label` gives it in either language.
pub fn describe(edit: &Edit) -> String {
    crate::lang::edit_label(edit, crate::lang::Lang::Zh)
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
        Credit::Whole => err(EditError::CheckpointMetOrNot {
            number: no,
            value: n,
        }),
        Credit::Partial if n > p.points => err(EditError::CheckpointAbove {
            number: no,
            value: n,
            points: p.points,
        }),
        Credit::PerItem(_) if n.fract() != Decimal::ZERO => err(EditError::CheckpointWholeCount {
            number: no,
            value: n,
        }),
        _ => Ok(Check::Number(n.normalize())),
    }
}
