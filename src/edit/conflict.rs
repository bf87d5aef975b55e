//! Merge conflicts as edits: turning a field from one side's value into the other's (what the
//! merge engine replays and what "take theirs" does), and resolving or re-recording a
//! `[[conflicts]]` record, each the other's undo, so a resolution goes through the same
//! validation, undo list and format-preserving save as every other change.

use super::{Edit, EditError, apply};
use crate::model::{ConflictRecord, Field, FieldValue, Project, Side, Status};

fn wrong(field: &Field) -> EditError {
    EditError::ValueDoesNotFit {
        key: field.key(),
        label: field.label(),
    }
}

/// The edits that turn `field` of `code` from `from` into `to` (no edits when they are equal).
/// List items are addressed by the field's index: present → absent removes the item, absent →
/// present inserts it there. A structural field has no edit.
pub fn field_edits(
    code: &str,
    field: &Field,
    from: Option<&FieldValue>,
    to: Option<&FieldValue>,
) -> Result<Vec<Edit>, EditError> {
    if from == to {
        return Ok(Vec::new());
    }
    let code = code.to_string();
    let text = |v: Option<&FieldValue>| match v {
        None => Ok(None),
        Some(FieldValue::Text(t)) => Ok(Some(t.clone())),
        Some(_) => Err(wrong(field)),
    };
    let one = |e: Edit| Ok(vec![e]);
    match field {
        Field::Score => match to {
            None => one(Edit::SetScore { code, score: None }),
            Some(FieldValue::Score(s)) => one(Edit::SetScore {
                code,
                score: Some(*s),
            }),
            Some(_) => Err(wrong(field)),
        },
        Field::Input(name) => match to {
            None => one(Edit::SetInput {
                code,
                name: name.clone(),
                value: None,
            }),
            Some(FieldValue::Input(v)) => one(Edit::SetInput {
                code,
                name: name.clone(),
                value: Some(v.clone()),
            }),
            Some(_) => Err(wrong(field)),
        },
        Field::Checks => match to {
            None => one(Edit::SetChecks {
                code,
                checks: Vec::new(),
            }),
            Some(FieldValue::Checks(c)) => one(Edit::SetChecks {
                code,
                checks: c.clone(),
            }),
            Some(_) => Err(wrong(field)),
        },
        Field::Tier => one(Edit::SetTier {
            code,
            tier: text(to)?,
        }),
        Field::Na => one(Edit::SetNa {
            code,
            reason: text(to)?,
        }),
        Field::Unscorable => one(Edit::SetUnscorable {
            code,
            reason: text(to)?,
        }),
        Field::Justification => one(Edit::SetJustification {
            code,
            text: text(to)?.unwrap_or_default(),
        }),
        Field::Status => match to {
            None => one(Edit::SetStatus {
                code,
                status: Status::Unscored,
            }),
            Some(FieldValue::Status(s)) => one(Edit::SetStatus { code, status: *s }),
            Some(_) => Err(wrong(field)),
        },
        Field::Adjustment => match to {
            None => one(Edit::SetAdjustment {
                code,
                points: None,
                reason: String::new(),
            }),
            Some(FieldValue::Adjustment { points, reason }) => one(Edit::SetAdjustment {
                code,
                points: *points,
                reason: reason.clone(),
            }),
            Some(_) => Err(wrong(field)),
        },
        Field::Deduction(index) => {
            let index = *index;
            match (from, to) {
                (_, Some(FieldValue::Deduction(d))) if from.is_some() => {
                    one(Edit::ReplaceDeduction {
                        code,
                        index,
                        deduction: d.clone(),
                    })
                }
                (_, Some(FieldValue::Deduction(d))) => one(Edit::InsertDeduction {
                    code,
                    index,
                    deduction: d.clone(),
                }),
                (Some(_), None) => one(Edit::RemoveDeduction { code, index }),
                _ => Err(wrong(field)),
            }
        }
        Field::Evidence(index) => {
            let index = *index;
            match (from, to) {
                (_, Some(FieldValue::Evidence(e))) if from.is_some() => {
                    one(Edit::ReplaceEvidence {
                        code,
                        index,
                        evidence: e.clone(),
                    })
                }
                (_, Some(FieldValue::Evidence(e))) => one(Edit::InsertEvidence {
                    code,
                    index,
                    evidence: e.clone(),
                }),
                (Some(_), None) => one(Edit::RemoveEvidence { code, index }),
                _ => Err(wrong(field)),
            }
        }
        // A review is history and has no replace: a changed one is taken out and put back.
        Field::Review(index) => {
            let index = *index;
            let mut out = Vec::new();
            if from.is_some() {
                out.push(Edit::RemoveReview {
                    code: code.clone(),
                    index,
                });
            }
            match to {
                Some(FieldValue::Review(r)) => out.push(Edit::InsertReview {
                    code,
                    index,
                    review: r.clone(),
                }),
                Some(_) => return Err(wrong(field)),
                None => {}
            }
            Ok(out)
        }
        Field::Year(name, year) => match to {
            None => one(Edit::SetYear {
                code,
                name: name.clone(),
                year: year.clone(),
                value: None,
            }),
            Some(FieldValue::Number(v)) => one(Edit::SetYear {
                code,
                name: name.clone(),
                year: year.clone(),
                value: Some(*v),
            }),
            Some(_) => Err(wrong(field)),
        },
        // A count exists as long as its survey, question and option do: those are the file's
        // structure, so a count without a value has nothing to set.
        Field::SurveyCount {
            survey,
            question,
            option,
        } => match to {
            None => Ok(Vec::new()),
            Some(FieldValue::Number(count)) => one(Edit::SetSurveyCount {
                code,
                survey: survey.clone(),
                question: *question,
                option: *option,
                count: *count,
            }),
            Some(_) => Err(wrong(field)),
        },
        Field::Structure(path) => Err(EditError::EditByHand { path: path.clone() }),
    }
}

/// The field edits a conflict edit makes, computed before it is applied (the document mirror
/// writes these); `None` for every other edit.
pub fn conflict_field_edits(p: &Project, e: &Edit) -> Option<Vec<Edit>> {
    match e {
        Edit::ResolveConflict { index, take, .. } => {
            let r = p.conflicts.get(*index)?;
            field_edits(&r.code, &r.field, r.ours.as_ref(), r.value(*take)).ok()
        }
        Edit::RecordConflict { record, from, .. } => field_edits(
            &record.code,
            &record.field,
            record.value(*from),
            record.ours.as_ref(),
        )
        .ok(),
        _ => None,
    }
}

/// Keeps the other records of one list pointing at their items when an item is inserted or
/// removed before them.
fn shift_records(p: &mut Project, e: &Edit) {
    let (code, index, delta, same): (&str, usize, isize, fn(&Field) -> bool) = match e {
        Edit::InsertDeduction { code, index, .. } => {
            (code, *index, 1, |f| matches!(f, Field::Deduction(_)))
        }
        Edit::RemoveDeduction { code, index } => {
            (code, *index, -1, |f| matches!(f, Field::Deduction(_)))
        }
        Edit::InsertEvidence { code, index, .. } => {
            (code, *index, 1, |f| matches!(f, Field::Evidence(_)))
        }
        Edit::RemoveEvidence { code, index } => {
            (code, *index, -1, |f| matches!(f, Field::Evidence(_)))
        }
        Edit::InsertReview { code, index, .. } => {
            (code, *index, 1, |f| matches!(f, Field::Review(_)))
        }
        Edit::RemoveReview { code, index } => (code, *index, -1, |f| matches!(f, Field::Review(_))),
        _ => return,
    };
    for r in p.conflicts.iter_mut().filter(|r| r.code == code) {
        if !same(&r.field) {
            continue;
        }
        let slot = match &mut r.field {
            Field::Deduction(i) | Field::Evidence(i) | Field::Review(i) => i,
            _ => continue,
        };
        if delta > 0 && *slot >= index {
            *slot += 1;
        } else if delta < 0 && *slot > index {
            *slot -= 1;
        }
    }
}

/// Applies field edits all or none, keeping the other records' list indexes right.
fn apply_fields(p: &mut Project, edits: &[Edit]) -> Result<(), EditError> {
    let mut undo = Vec::new();
    for e in edits {
        match apply(p, e) {
            Ok(u) => {
                shift_records(p, e);
                undo.push(u);
            }
            Err(err) => {
                for u in undo.iter().rev() {
                    if apply(p, u).is_ok() {
                        shift_records(p, u);
                    }
                }
                return Err(err);
            }
        }
    }
    Ok(())
}

fn no_record(index: usize) -> EditError {
    EditError::NoConflict { number: index + 1 }
}

/// `ResolveConflict`: the field takes `take`'s value, the record goes.
pub(super) fn resolve(
    p: &mut Project,
    code: &str,
    index: usize,
    take: Side,
) -> Result<Edit, EditError> {
    let Some(record) = p.conflicts.get(index).cloned() else {
        return Err(no_record(index));
    };
    if record.code != code {
        return Err(EditError::ConflictOfOther {
            number: index + 1,
            about: record.code.clone(),
            code: code.to_string(),
        });
    }
    // The field holds ours' value while the conflict is recorded.
    let edits = field_edits(
        code,
        &record.field,
        record.ours.as_ref(),
        record.value(take),
    )?;
    let removed = p.conflicts.remove(index);
    if let Err(e) = apply_fields(p, &edits) {
        p.conflicts.insert(index, removed);
        return Err(e);
    }
    Ok(Edit::RecordConflict {
        code: code.to_string(),
        index,
        record: Box::new(record),
        from: take,
    })
}

/// `RecordConflict`: the field (holding `from`'s value) gets ours' value, the record is put
/// at `index`.
pub(super) fn record(
    p: &mut Project,
    index: usize,
    record: &ConflictRecord,
    from: Side,
) -> Result<Edit, EditError> {
    if index > p.conflicts.len() {
        return Err(no_record(index));
    }
    let edits = field_edits(
        &record.code,
        &record.field,
        record.value(from),
        record.ours.as_ref(),
    )?;
    apply_fields(p, &edits)?;
    p.conflicts.insert(index, record.clone());
    Ok(Edit::ResolveConflict {
        code: record.code.clone(),
        index,
        take: from,
    })
}
