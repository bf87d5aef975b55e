//! Three-way merge of project files, field by field (合并).
//!
//! Two evaluators changed the same project from a common base. The result is one side's file
//! — theirs (the file on disk, or the other branch), so its comments and formatting stay —
//! with the other side's changes replayed as `Edit`s through `ProjectFile::apply`: each
//! changes one place in the file. Only the same field changed differently by both sides is a
//! conflict; the field then holds ours' value and the conflict says how to take theirs.
//!
//! Fields: per leaf the score, each input by name, checks, tier, 不适用, 无法评分, the
//! justification, the status; deductions, evidence and reviews merged by item (additions of
//! both sides are all kept); per adjustment item its points and reason. Everything else —
//! framework, tree, names, weights, rules, project metadata — is structure, merged key by key
//! (`structure`).

mod change;
mod list;
mod show;
mod structure;
#[cfg(test)]
mod tests;

pub use change::Change;
pub use show::field_lines;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use toml_edit::{DocumentMut, Item};

use crate::edit::{Edit, EditError, field_edits};
use crate::model::{Assessment, ConflictRecord, Field, FieldValue, Project, Side, Status, Tree};
use crate::store::{LoadError, ProjectFile};
use list::{Step, align};
use structure::{KeyPath, dotted};

/// Which of the three inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Base,
    Ours,
    Theirs,
}

impl Input {
    pub fn label(self) -> &'static str {
        match self {
            Input::Base => "base",
            Input::Ours => "ours",
            Input::Theirs => "theirs",
        }
    }
}

#[derive(Debug)]
pub enum MergeError {
    /// An input is not a project file (not TOML); the diagnostic is located in that input.
    Unreadable { input: Input, error: LoadError },
    /// A change of one side does not fit the other side's version (e.g. ours' score is above
    /// the weight theirs lowered): nothing sensible can be written.
    Refused {
        code: String,
        field: Field,
        error: EditError,
    },
    /// A structural change of one side runs through something the other side made a value.
    Unplaceable { path: String },
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Unreadable { input, error } => write!(f, "{}: {error}", input.label()),
            MergeError::Refused { code, field, error } => write!(
                f,
                "{code} {}: one side's change does not fit the other's file: {error}",
                field.label()
            ),
            MergeError::Unplaceable { path } => write!(
                f,
                "`{path}`: one side changed a key inside what the other side replaced; merge it by hand"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// The same field changed differently by both sides. The merged file holds ours' value.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// The indicator or adjustment item (empty for structure outside both).
    pub code: String,
    pub name: String,
    pub field: Field,
    pub ours: Option<FieldValue>,
    pub theirs: Option<FieldValue>,
    /// Applied to the merged file, these set the field to theirs' value ("take theirs").
    /// Empty for a structural conflict, which no edit expresses. A list conflict's edits use
    /// the merged list's indexes: take several of one list from the last to the first.
    pub take_theirs: Vec<Edit>,
}

impl FieldConflict {
    fn record(&self, label_ours: &str, label_theirs: &str) -> ConflictRecord {
        ConflictRecord {
            code: self.code.clone(),
            field: self.field.clone(),
            ours: self.ours.clone(),
            theirs: self.theirs.clone(),
            label_ours: label_ours.to_string(),
            label_theirs: label_theirs.to_string(),
        }
    }
}

impl std::fmt::Display for FieldConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in [&self.code, &self.name] {
            if !part.is_empty() {
                write!(f, "{part} ")?;
            }
        }
        write!(
            f,
            "{}：ours {}，theirs {}",
            self.field.label(),
            crate::model::show(self.ours.as_ref()),
            crate::model::show(self.theirs.as_ref())
        )
    }
}

/// The result of a merge.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged file's text.
    pub text: String,
    /// The merged document (model and TOML), ready for more edits or to be saved.
    pub file: ProjectFile,
    pub conflicts: Vec<FieldConflict>,
    /// What each side changed since the base.
    pub ours_changes: Vec<Change>,
    pub theirs_changes: Vec<Change>,
}

impl Merged {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The edits taking theirs' value for the chosen conflicts (indexes into `conflicts`), in
    /// an order that keeps list indexes valid.
    pub fn take_theirs(&self, chosen: &[usize]) -> Vec<Edit> {
        let mut chosen: Vec<usize> = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen
            .iter()
            .rev()
            .filter_map(|&i| self.conflicts.get(i))
            .flat_map(|c| c.take_theirs.iter().cloned())
            .collect()
    }

    /// Leaves every conflict in the file as a `[[conflicts]]` record (for git's merge driver,
    /// where nobody is there to choose); `check` then reports each until it is resolved.
    pub fn record_conflicts(
        &mut self,
        label_ours: &str,
        label_theirs: &str,
    ) -> Result<(), EditError> {
        let start = self.file.project().conflicts.len();
        for (i, c) in self.conflicts.iter().enumerate() {
            self.file.apply(&Edit::RecordConflict {
                code: c.code.clone(),
                index: start + i,
                record: Box::new(c.record(label_ours, label_theirs)),
                from: Side::Ours,
            })?;
        }
        self.text = self.file.text();
        Ok(())
    }
}

fn open(input: Input, text: &str) -> Result<(ProjectFile, DocumentMut), MergeError> {
    let unreadable = |error| MergeError::Unreadable { input, error };
    let file = ProjectFile::from_text(Path::new(""), text).map_err(unreadable)?;
    let doc = text.parse::<DocumentMut>().map_err(|e| {
        unreadable(LoadError::Syntax(crate::diagnostic::Diagnostic::error(
            None,
            e.to_string(),
        )))
    })?;
    Ok((file, doc))
}

/// Merges `ours` and `theirs`, both changed from `base`. Conflicts are returned, not written
/// into the text (see `Merged::record_conflicts`).
pub fn merge_texts(base: &str, ours: &str, theirs: &str) -> Result<Merged, MergeError> {
    let (b, bdoc) = open(Input::Base, base)?;
    let (o, odoc) = open(Input::Ours, ours)?;
    let (t, tdoc) = open(Input::Theirs, theirs)?;
    let (sb, so, st) = (
        structure::skeleton(&bdoc),
        structure::skeleton(&odoc),
        structure::skeleton(&tdoc),
    );
    let plan = structure::plan(&sb, &so, &st);
    // Theirs' file is kept unless only ours changed the structure: then ours' file is the one
    // whose structure is right, and theirs' recorded fields are replayed onto it.
    let build_on =
        if !plan.ours_only.is_empty() && plan.theirs_only.is_empty() && plan.conflicts.is_empty() {
            Side::Ours
        } else {
            Side::Theirs
        };
    let (mut target, target_text, other_doc, other_only) = match build_on {
        Side::Ours => (odoc.clone(), ours, &tdoc, &plan.theirs_only),
        Side::Theirs => (tdoc.clone(), theirs, &odoc, &plan.ours_only),
    };
    let mut patched = false;
    for path in other_only {
        carry(&mut target, other_doc, path)?;
        patched = true;
    }
    let mut conflicts = Vec::new();
    for (path, ov, tv) in &plan.conflicts {
        // The conflicting key keeps ours' value, like every conflicting field.
        if build_on == Side::Theirs {
            carry(&mut target, &odoc, path)?;
            patched = true;
        }
        let (code, name) = structure_owner(path, o.project());
        conflicts.push(FieldConflict {
            code,
            name,
            field: Field::Structure(dotted(path)),
            ours: ov.clone().map(FieldValue::Toml),
            theirs: tv.clone().map(FieldValue::Toml),
            take_theirs: Vec::new(),
        });
    }
    let text = if patched {
        target.to_string()
    } else {
        target_text.to_string()
    };
    let mut m =
        ProjectFile::from_text(Path::new(""), &text).map_err(|error| MergeError::Unreadable {
            input: match build_on {
                Side::Ours => Input::Ours,
                Side::Theirs => Input::Theirs,
            },
            error,
        })?;
    replay(
        b.project(),
        o.project(),
        t.project(),
        &mut m,
        &mut conflicts,
    )?;
    let ours_changes = changes(b.project(), o.project(), &sb, &so);
    let theirs_changes = changes(b.project(), t.project(), &sb, &st);
    Ok(Merged {
        text: m.text(),
        file: m,
        conflicts,
        ours_changes,
        theirs_changes,
    })
}

/// The save path's merge: `file` (ours: what was loaded, `base_text`, plus its edits) onto
/// the text now on disk (theirs). The merged file belongs at `file`'s path.
pub fn merge_onto_disk(file: &ProjectFile, disk_text: &str) -> Result<Merged, MergeError> {
    let mut merged = merge_texts(&file.base_text, &file.text(), disk_text)?;
    merged.file.path = file.path.clone();
    Ok(merged)
}

/// Tables copied from another file keep that file's positions, which mean nothing here;
/// without one a table is written after the table before it.
fn forget_positions(item: &mut Item) {
    match item {
        Item::Table(t) => {
            t.set_position(None);
            for (_, sub) in t.iter_mut() {
                forget_positions(sub);
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.set_position(None);
                for (_, sub) in t.iter_mut() {
                    forget_positions(sub);
                }
            }
        }
        _ => {}
    }
}

/// Carries the key at `path` of `from` into `target`. A key whose table one side does not
/// have is carried as that whole table (an added or removed indicator moves as one).
fn carry(target: &mut DocumentMut, from: &DocumentMut, path: &KeyPath) -> Result<(), MergeError> {
    let cut = (1..=path.len())
        .find(|&n| {
            structure::get(from, &path[..n]).is_none()
                || structure::get(target, &path[..n]).is_none()
        })
        .unwrap_or(path.len());
    let prefix = &path[..cut];
    let mut item = structure::get(from, prefix).cloned();
    if let Some(i) = item.as_mut() {
        forget_positions(i);
    }
    if structure::put(target, prefix, item.as_ref()) {
        Ok(())
    } else {
        Err(MergeError::Unplaceable { path: dotted(path) })
    }
}

/// The indicator or adjustment item a structural path belongs to, and its name.
fn structure_owner(path: &[String], p: &Project) -> (String, String) {
    match path {
        [root, code, ..] if root == "indicators" => (
            code.clone(),
            p.get(code).map(|i| i.name.clone()).unwrap_or_default(),
        ),
        [adj, items, code, ..] if adj == "adjustments" && items == "items" => (
            code.clone(),
            p.adjustments
                .as_ref()
                .and_then(|a| a.items.iter().find(|i| &i.code == code))
                .map(|i| i.name.clone())
                .unwrap_or_default(),
        ),
        _ => (String::new(), String::new()),
    }
}

/// The scalar fields of a leaf, inputs by the names any side uses.
fn scalar_fields(sides: &[&Assessment]) -> Vec<Field> {
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
    // Last: an edit to another field may imply a status the other side also set.
    fields.push(Field::Status);
    fields
}

/// Whether two list items are one item edited: texts that begin alike (a reason reworded, a
/// title completed), or an evidence item kept where it is filed, a review by the same person
/// at the same time.
fn similar(a: &FieldValue, b: &FieldValue) -> bool {
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
            field: field.clone(),
            error,
        })?;
    }
    Ok(())
}

/// A list of a leaf's record, and the field of its item at an index.
type ListOf = fn(&Assessment) -> Vec<FieldValue>;
type ItemField = fn(usize) -> Field;

const LISTS: [(ListOf, ItemField); 3] = [
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
fn replay(
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
        for field in scalar_fields(&[ab, ao, at]) {
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
            let edits =
                field_edits(code, &field, current.as_ref(), want.as_ref()).map_err(|error| {
                    MergeError::Refused {
                        code: code.clone(),
                        field: field.clone(),
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
                                field: field.clone(),
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

fn adjustment(p: &Project, code: &str) -> Option<FieldValue> {
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
                    field: field.clone(),
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

/// What `side` changed since `base`: recorded fields of leaves and adjustment items, then
/// structure (a whole indicator added or removed is one change).
fn changes(
    base: &Project,
    side: &Project,
    sb: &std::collections::BTreeMap<KeyPath, String>,
    ss: &std::collections::BTreeMap<KeyPath, String>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let index = base.code_index();
    for ind in &side.indicators {
        let Some(bi) = index.get(ind.code.as_str()).map(|&i| &base.indicators[i]) else {
            continue;
        };
        let (ab, a) = (&bi.assessment, &ind.assessment);
        if ab == a {
            continue;
        }
        let push = |out: &mut Vec<Change>, field: Field, from, to| {
            out.push(Change {
                code: ind.code.clone(),
                name: ind.name.clone(),
                field,
                from,
                to,
            })
        };
        for field in scalar_fields(&[ab, a]) {
            let (from, to) = (field.read(ab), field.read(a));
            if from != to {
                push(&mut out, field, from, to);
            }
        }
        for (list_of, make) in LISTS {
            let (lb, ls) = (list_of(ab), list_of(a));
            if lb == ls {
                continue;
            }
            let al = align(&lb, &ls, similar);
            // Indexes as in the side's list.
            let mut at = 0;
            for k in 0..=lb.len() {
                for item in &al.adds[k] {
                    push(&mut out, make(at), None, Some(item.clone()));
                    at += 1;
                }
                if k == lb.len() {
                    break;
                }
                match &al.slots[k] {
                    list::Slot::Kept => at += 1,
                    list::Slot::Removed => push(&mut out, make(at), Some(lb[k].clone()), None),
                    list::Slot::Replaced(x) => {
                        push(&mut out, make(at), Some(lb[k].clone()), Some(x.clone()));
                        at += 1;
                    }
                }
            }
        }
    }
    if let Some(adj) = &side.adjustments {
        for item in &adj.items {
            let (from, to) = (adjustment(base, &item.code), adjustment(side, &item.code));
            if from.is_some() && from != to {
                out.push(Change {
                    code: item.code.clone(),
                    name: item.name.clone(),
                    field: Field::Adjustment,
                    from,
                    to,
                });
            }
        }
    }
    let mut whole: Vec<KeyPath> = Vec::new();
    for c in structure::changes(sb, ss) {
        // A table only one version has is one change, not one per key.
        let table = (2..c.path.len()).map(|n| c.path[..n].to_vec()).find(|p| {
            let has = |m: &std::collections::BTreeMap<KeyPath, String>| {
                m.keys().any(|k| k.starts_with(p))
            };
            has(sb) != has(ss)
        });
        let (path, from, to) = match table {
            Some(p) if whole.contains(&p) => continue,
            Some(p) => {
                whole.push(p.clone());
                let added = ss.keys().any(|k| k.starts_with(&p));
                let mark = || Some(FieldValue::Toml("{…}".into()));
                (p, (!added).then(mark).flatten(), added.then(mark).flatten())
            }
            None => (
                c.path.clone(),
                c.from.map(FieldValue::Toml),
                c.to.map(FieldValue::Toml),
            ),
        };
        let (code, name) = structure_owner(&path, if to.is_some() { side } else { base });
        out.push(Change {
            code,
            name,
            field: Field::Structure(dotted(&path)),
            from,
            to,
        });
    }
    out
}
