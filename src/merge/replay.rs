//! Replaying the other side's recorded fields onto the merged document: per leaf each scalar
//! field three-way, each list by item; adjustment items; conflict records already in the files.

use std::collections::{BTreeSet, HashMap};

use super::list::{self, Step, align};
use super::{FieldConflict, MergeError};
use crate::edit::{Edit, field_edits};
use crate::model::{Assessment, ConflictRecord, Field, FieldValue, Project, Side, Status, Tree};
use crate::store::ProjectFile;

/// The scalar fields of a leaf, inputs by the names any side uses.
pub(super) fn scalar_fields(sides: &[&Assessment]) -> Vec<Field> {
    let mut fields = vec![
        Field::Score,
        Field::Checks,
        Field::Tier,
        Field::Na,
        Field::Unscorable,
        Field::Justification,
    ];
    let mut names: Vec<&str> = Vec::new();
    for a in sides {
        for (n, _) in &a.inputs {
            if !names.contains(&n.as_str()) {
                names.push(n);
            }
        }
    }
    fields.extend(names.into_iter().map(|n| Field::Input(n.to_string())));
    fields.extend(figure_fields(sides));
    // Last: an edit to another field may imply a status the other side also set.
    fields.push(Field::Status);
    fields
}

/// Each year of a per-year input and each count of a questionnaire that any side has: merged
/// one by one, so two people typing different years or different counts both keep theirs.
pub(super) fn figure_fields(sides: &[&Assessment]) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    let mut push = |f: Field| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    for a in sides {
        for y in &a.yearly {
            for (year, _) in &y.years {
                push(Field::Year(y.name.clone(), year.clone()));
            }
        }
    }
    for a in sides {
        for s in &a.surveys {
            for (q, question) in s.questions.iter().enumerate() {
                for o in 0..question.counts.len() {
                    push(Field::SurveyCount {
                        survey: s.name.clone(),
                        question: q,
                        option: o,
                    });
                }
            }
        }
    }
    out
}

/// Whether two list items are one item edited: texts that begin alike (a reason reworded, a
/// title completed), or an evidence item kept where it is filed, a review by the same person
/// at the same time.
pub(super) fn similar(a: &FieldValue, b: &FieldValue) -> bool {
    fn alike(x: &str, y: &str) -> bool {
        let (x, y) = (x.trim(), y.trim());
        let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
        !x.is_empty() && common >= x.chars().count().min(y.chars().count()).min(4)
    }
    match (a, b) {
        (FieldValue::Deduction(x), FieldValue::Deduction(y)) => alike(&x.reason, &y.reason),
        (FieldValue::Evidence(x), FieldValue::Evidence(y)) => {
            alike(&x.title, &y.title) || (!x.at.is_empty() && x.at == y.at)
        }
        (FieldValue::Review(x), FieldValue::Review(y)) => x.by == y.by && x.at == y.at,
        _ => false,
    }
}

/// One side approved a leaf (已复核) that the other side changed meanwhile: the approval was of
/// a record without that change, so the merged leaf goes back to 已评, as any later edit of an
/// approved leaf does.
fn stale_approval(b: &Assessment, o: &Assessment, t: &Assessment) -> bool {
    let record = |a: &Assessment| Assessment {
        status: Status::Unscored,
        reviews: Vec::new(),
        ..a.clone()
    };
    let approved = |a: &Assessment| a.status == Status::Reviewed && b.status != Status::Reviewed;
    let changed = |a: &Assessment| record(a) != record(b);
    (approved(o) && changed(t)) || (approved(t) && changed(o))
}

/// Three-way on one value: (merged value, whether both changed it differently).
fn three<T: PartialEq + Clone>(b: &T, o: &T, t: &T) -> (T, bool) {
    if o == t || t == b {
        (o.clone(), false)
    } else if o == b {
        (t.clone(), false)
    } else {
        (o.clone(), true)
    }
}

fn apply_all(
    m: &mut ProjectFile,
    code: &str,
    field: &Field,
    edits: &[Edit],
) -> Result<(), MergeError> {
    for e in edits {
        m.apply(e).map_err(|error| MergeError::Refused {
            code: code.to_string(),
            field: Box::new(field.clone()),
            error,
        })?;
    }
    Ok(())
}

/// A list of a leaf's record, and the field of its item at an index.
pub(super) type ListOf = fn(&Assessment) -> Vec<FieldValue>;
pub(super) type ItemField = fn(usize) -> Field;

pub(super) const LISTS: [(ListOf, ItemField); 3] = [
    (
        |a| {
            a.deductions
                .iter()
                .cloned()
                .map(FieldValue::Deduction)
                .collect()
        },
        Field::Deduction,
    ),
    (
        |a| {
            a.evidence
                .iter()
                .cloned()
                .map(FieldValue::Evidence)
                .collect()
        },
        Field::Evidence,
    ),
    (
        |a| a.reviews.iter().cloned().map(FieldValue::Review).collect(),
        Field::Review,
    ),
];

/// Replays, onto `m`, every recorded field whose merged value differs from what `m` holds.
pub(super) fn replay(
    b: &Project,
    o: &Project,
    t: &Project,
    m: &mut ProjectFile,
    conflicts: &mut Vec<FieldConflict>,
) -> Result<(), MergeError> {
    let empty = Assessment::default();
    // Code lookups through maps: a department-wide project has thousands of leaves.
    let (ib, io, it) = (b.code_index(), o.code_index(), t.code_index());
    let rec = |p: &Project, index: &HashMap<&str, usize>, code: &str| {
        index.get(code).map(|&i| p.indicators[i].assessment.clone())
    };
    // Edits change recorded fields only, so positions in `m` stay as they are.
    let im: HashMap<String, usize> = m
        .project()
        .code_index()
        .into_iter()
        .map(|(c, i)| (c.to_string(), i))
        .collect();
    let at_m = |m: &ProjectFile, code: &str| -> Option<Assessment> {
        im.get(code)
            .and_then(|&i| m.project().indicators.get(i))
            .map(|ind| ind.assessment.clone())
    };
    let tree = Tree::build(m.project());
    let leaves: Vec<(String, String)> = (0..m.project().indicators.len())
        .filter(|&i| tree.is_leaf(i))
        .map(|i| {
            let ind = &m.project().indicators[i];
            (ind.code.clone(), ind.name.clone())
        })
        .collect();
    for (code, name) in &leaves {
        let (ab, ao, at) = (rec(b, &ib, code), rec(o, &io, code), rec(t, &it, code));
        let (ab, ao, at) = (
            ab.as_ref().unwrap_or(&empty),
            ao.as_ref().unwrap_or(&empty),
            at.as_ref().unwrap_or(&empty),
        );
        let stale = stale_approval(ab, ao, at);
        let mut fields = scalar_fields(&[ab, ao, at]);
        // An input turned from one figure into figures per year (or back): the side's removal
        // goes first, so the other form is never written over the one still there.
        fields.sort_by_key(|f| {
            let removed = || {
                let (vb, vo, vt) = (f.read(ab), f.read(ao), f.read(at));
                three(&vb, &vo, &vt).0.is_none()
            };
            !(matches!(f, Field::Input(_) | Field::Year(..)) && removed())
        });
        for field in fields {
            let (vb, vo, vt) = (field.read(ab), field.read(ao), field.read(at));
            let (mut want, conflict) = three(&vb, &vo, &vt);
            if field == Field::Status && stale && want == Some(FieldValue::Status(Status::Reviewed))
            {
                want = Some(FieldValue::Status(Status::Scored));
            }
            if conflict {
                conflicts.push(FieldConflict {
                    code: code.clone(),
                    name: name.clone(),
                    field: field.clone(),
                    take_theirs: field_edits(code, &field, vo.as_ref(), vt.as_ref())
                        .unwrap_or_default(),
                    ours: vo,
                    theirs: vt,
                });
            }
            let current = im
                .get(code)
                .and_then(|&i| m.project().indicators.get(i))
                .and_then(|ind| field.read(&ind.assessment));
            // A count whose survey, question or option the merged structure does not have:
            // the structure decided (and reported any conflict of its own).
            if matches!(field, Field::SurveyCount { .. }) && current.is_none() {
                continue;
            }
            let edits =
                field_edits(code, &field, current.as_ref(), want.as_ref()).map_err(|error| {
                    MergeError::Refused {
                        code: code.clone(),
                        field: Box::new(field.clone()),
                        error,
                    }
                })?;
            apply_all(m, code, &field, &edits)?;
        }
        for (list_of, make) in LISTS {
            let current = at_m(m, code).map(|a| list_of(&a)).unwrap_or_default();
            let (lb, lo, lt) = (list_of(ab), list_of(ao), list_of(at));
            // The list in `m` is one side's (the file built on, or a table carried whole).
            let ours_is_other = current != lo;
            let (doc, other) = if ours_is_other {
                (&lt, &lo)
            } else {
                (&lo, &lt)
            };
            for step in list::merge(
                &lb,
                &align(&lb, doc, similar),
                &align(&lb, other, similar),
                ours_is_other,
            ) {
                match step {
                    Step::Change { index, from, to } => {
                        let field = make(index);
                        let edits = field_edits(code, &field, from.as_ref(), to.as_ref()).map_err(
                            |error| MergeError::Refused {
                                code: code.clone(),
                                field: Box::new(field.clone()),
                                error,
                            },
                        )?;
                        apply_all(m, code, &field, &edits)?;
                    }
                    Step::Conflict {
                        index,
                        ours,
                        theirs,
                    } => {
                        let field = make(index);
                        conflicts.push(FieldConflict {
                            code: code.clone(),
                            name: name.clone(),
                            take_theirs: field_edits(code, &field, ours.as_ref(), theirs.as_ref())
                                .unwrap_or_default(),
                            field,
                            ours,
                            theirs,
                        });
                    }
                }
            }
        }
    }
    replay_adjustments(b, o, t, m, conflicts)?;
    replay_records(b, o, t, m)?;
    lost_records(b, o, t, m, conflicts);
    Ok(())
}

/// Conflict records already in the files (a merge committed unresolved) are a list like any
/// other: one side's resolution removes a record, a record only one side has is kept. Only the
/// records move; their fields were merged above.
fn replay_records(
    b: &Project,
    o: &Project,
    t: &Project,
    m: &mut ProjectFile,
) -> Result<(), MergeError> {
    let current = m.project().conflicts.clone();
    let ours_is_other = current != o.conflicts;
    let (doc, other) = if ours_is_other {
        (&t.conflicts, &o.conflicts)
    } else {
        (&o.conflicts, &t.conflicts)
    };
    let base = &b.conflicts;
    let same_field =
        |a: &ConflictRecord, b: &ConflictRecord| a.code == b.code && a.field == b.field;
    for step in list::merge(
        base,
        &align(base, doc, same_field),
        &align(base, other, same_field),
        ours_is_other,
    ) {
        let Step::Change { index, from, to } = step else {
            // The same record changed differently by both: the file's stays.
            continue;
        };
        let mut edits = Vec::new();
        if let Some(r) = &from {
            edits.push(Edit::ResolveConflict {
                code: r.code.clone(),
                index,
                take: Side::Ours,
            });
        }
        if let Some(r) = to {
            edits.push(Edit::RecordConflict {
                code: r.code.clone(),
                index,
                record: Box::new(r),
                from: Side::Ours,
            });
        }
        let field = Field::Structure("conflicts".into());
        apply_all(m, "", &field, &edits)?;
    }
    Ok(())
}

pub(super) fn adjustment(p: &Project, code: &str) -> Option<FieldValue> {
    p.adjustments
        .as_ref()?
        .items
        .iter()
        .find(|i| i.code == code)
        .map(|i| FieldValue::Adjustment {
            points: i.points,
            reason: i.reason.clone(),
        })
}

fn replay_adjustments(
    b: &Project,
    o: &Project,
    t: &Project,
    m: &mut ProjectFile,
    conflicts: &mut Vec<FieldConflict>,
) -> Result<(), MergeError> {
    let items: Vec<(String, String)> = m
        .project()
        .adjustments
        .iter()
        .flat_map(|a| a.items.iter().map(|i| (i.code.clone(), i.name.clone())))
        .collect();
    let field = Field::Adjustment;
    for (code, name) in items {
        let (vb, vo, vt) = (
            adjustment(b, &code),
            adjustment(o, &code),
            adjustment(t, &code),
        );
        let (want, conflict) = three(&vb, &vo, &vt);
        if conflict {
            conflicts.push(FieldConflict {
                code: code.clone(),
                name: name.clone(),
                field: field.clone(),
                take_theirs: field_edits(&code, &field, vo.as_ref(), vt.as_ref())
                    .unwrap_or_default(),
                ours: vo,
                theirs: vt,
            });
        }
        let current = adjustment(m.project(), &code);
        // An item one side removed has no value to want: the structure decided.
        if want.is_none() {
            continue;
        }
        let edits =
            field_edits(&code, &field, current.as_ref(), want.as_ref()).map_err(|error| {
                MergeError::Refused {
                    code: code.clone(),
                    field: Box::new(field.clone()),
                    error,
                }
            })?;
        apply_all(m, &code, &field, &edits)?;
    }
    Ok(())
}

/// An indicator one side removed while the other recorded something on it: the removal is in
/// the merged file, so the record is reported as a conflict rather than dropped silently.
fn lost_records(
    b: &Project,
    o: &Project,
    t: &Project,
    m: &ProjectFile,
    conflicts: &mut Vec<FieldConflict>,
) {
    // Scans, but only for codes missing from the merged file: few.
    let changed = |p: &Project, code: &str| {
        let before = b.get(code).map(|i| &i.assessment);
        p.get(code)
            .is_some_and(|i| Some(&i.assessment) != before && before.is_some())
    };
    let state = |p: &Project, code: &str| {
        p.get(code).map(|_| {
            FieldValue::Toml(
                if changed(p, code) {
                    "已修改"
                } else {
                    "未改"
                }
                .into(),
            )
        })
    };
    let codes: BTreeSet<&str> = b
        .indicators
        .iter()
        .chain(&o.indicators)
        .chain(&t.indicators)
        .map(|i| i.code.as_str())
        .collect();
    let present = m.project().code_index();
    for code in codes {
        if !present.contains_key(code) && (changed(o, code) || changed(t, code)) {
            let name = b.get(code).map(|i| i.name.clone()).unwrap_or_default();
            conflicts.push(FieldConflict {
                code: code.to_string(),
                name,
                field: Field::Structure(format!("indicators.{code}")),
                ours: state(o, code),
                theirs: state(t, code),
                take_theirs: Vec::new(),
            });
        }
    }
}
