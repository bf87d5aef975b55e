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
mod order;
mod replay;
mod resolve;
mod show;
mod structure;
#[cfg(test)]
mod tests;

pub use change::Change;
pub use resolve::take_theirs_structure;
pub use show::field_lines;

use std::path::Path;

use toml_edit::{DocumentMut, Item};

use crate::edit::{Edit, EditError};
use crate::model::{ConflictRecord, Field, FieldValue, Project, Side};
use crate::store::{LoadError, ProjectFile};
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
        // Boxed: a field names a year or a questionnaire count, and errors stay small.
        field: Box<Field>,
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

impl FieldConflict {
    /// The conflict in one line, its field named from the merged project `p` (a survey
    /// count by its option: see `Field::label_in`).
    pub fn describe(&self, p: &crate::model::Project) -> String {
        self.line(
            &self
                .field
                .label_in(p.get(&self.code).map(|i| &i.assessment)),
        )
    }

    fn line(&self, label: &str) -> String {
        let mut out = String::new();
        for part in [&self.code, &self.name] {
            if !part.is_empty() {
                out.push_str(part);
                out.push(' ');
            }
        }
        out.push_str(&format!(
            "{label}：ours {}，theirs {}",
            crate::model::show(self.ours.as_ref()),
            crate::model::show(self.theirs.as_ref())
        ));
        out
    }
}

impl std::fmt::Display for FieldConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(&self.field.label()))
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

fn open(input: Input, text: &str) -> Result<ProjectFile, MergeError> {
    ProjectFile::from_text(Path::new(""), text)
        .map_err(|error| MergeError::Unreadable { input, error })
}

/// Merges `ours` and `theirs`, both changed from `base`. Conflicts are returned, not written
/// into the text (see `Merged::record_conflicts`).
pub fn merge_texts(base: &str, ours: &str, theirs: &str) -> Result<Merged, MergeError> {
    let (b, o, t) = (
        open(Input::Base, base)?,
        open(Input::Ours, ours)?,
        open(Input::Theirs, theirs)?,
    );
    merge_files(&b, &o, &t)
}

/// `merge_texts` on versions already read (a save has ours open: no need to read it again).
fn merge_files(b: &ProjectFile, o: &ProjectFile, t: &ProjectFile) -> Result<Merged, MergeError> {
    let (bdoc, odoc, tdoc) = (b.document(), o.document(), t.document());
    let (sb, so, st) = (
        structure::skeleton(bdoc),
        structure::skeleton(odoc),
        structure::skeleton(tdoc),
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
    let (built, other_doc, other_only) = match build_on {
        Side::Ours => (o, tdoc, &plan.theirs_only),
        Side::Theirs => (t, odoc, &plan.ours_only),
    };
    // The file built on is used as it is unless keys of the other side must be carried over,
    // or a conflicting key must get ours' value.
    let carry_ours = build_on == Side::Theirs && !plan.conflicts.is_empty();
    let mut m = if other_only.is_empty() && !carry_ours {
        built.clone()
    } else {
        let mut target = built.document().clone();
        for path in other_only {
            carry(&mut target, other_doc, path)?;
        }
        if carry_ours {
            for (path, _, _) in &plan.conflicts {
                carry(&mut target, odoc, path)?;
            }
        }
        ProjectFile::from_text(Path::new(""), &target.to_string()).map_err(|error| {
            MergeError::Unreadable {
                input: match build_on {
                    Side::Ours => Input::Ours,
                    Side::Theirs => Input::Theirs,
                },
                error,
            }
        })?
    };
    let mut conflicts: Vec<FieldConflict> = plan
        .conflicts
        .iter()
        .map(|(path, ov, tv)| {
            let (code, name) = structure_owner(path, o.project());
            FieldConflict {
                code,
                name,
                field: Field::Structure(dotted(path)),
                ours: ov.clone().map(FieldValue::Toml),
                theirs: tv.clone().map(FieldValue::Toml),
                take_theirs: Vec::new(),
            }
        })
        .collect();
    replay::replay(
        b.project(),
        o.project(),
        t.project(),
        &mut m,
        &mut conflicts,
    )?;
    order::reconcile(b.project(), o.project(), t.project(), build_on, &mut m)?;
    let ours_changes = change::changes(b.project(), o.project(), &sb, &so);
    let theirs_changes = change::changes(b.project(), t.project(), &sb, &st);
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
    let base = open(Input::Base, &file.base_text)?;
    let theirs = open(Input::Theirs, disk_text)?;
    let mut merged = merge_files(&base, file, &theirs)?;
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
pub(super) fn structure_owner(path: &[String], p: &Project) -> (String, String) {
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
