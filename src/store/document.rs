//! An open project file: the model, the format-preserving TOML document it mirrors, and the
//! fingerprint of what is on disk, so a save never overwrites someone else's change.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use super::safe_write::{self, WriteError};
use super::save_lock;
use super::toml_write::{self as tw, ListOp};
use super::{LoadError, Loaded};
use crate::edit::{self, Edit, EditError};
use crate::model::Project;

/// FNV-1a: a stable fingerprint of file contents (stable across runs, unlike std's hasher).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Debug)]
pub enum SaveError {
    /// The file on disk is not one a merge can read (deleted, not UTF-8, damaged by hand).
    Conflict,
    /// Someone else saved, and changed some of the same fields differently: the merged document
    /// (holding this side's values there) and the conflicting fields, for the user to decide.
    Conflicts(Box<crate::merge::Merged>),
    /// The file system does not let this user write the file, or it is not a regular file.
    Refused(WriteError),
    Io(std::io::Error),
}

impl From<WriteError> for SaveError {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Io(e) => SaveError::Io(e),
            other => SaveError::Refused(other),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Conflict => f.write_str("the file was changed on disk by someone else since it was opened; not overwriting it"),
            SaveError::Conflicts(m) => {
                write!(f, "someone else saved the file and changed the same fields: ")?;
                let list: Vec<String> = m.conflicts.iter().map(|c| c.to_string()).collect();
                f.write_str(&list.join("; "))
            }
            SaveError::Refused(e) => write!(f, "{e}"),
            SaveError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<std::io::Error> for SaveError {
    fn from(e: std::io::Error) -> Self {
        SaveError::Io(e)
    }
}

#[derive(Debug, Clone)]
pub struct ProjectFile {
    pub path: PathBuf,
    doc: DocumentMut,
    pub loaded: Loaded,
    /// Fingerprint of the bytes on disk when loaded or last saved.
    pub disk_fingerprint: u64,
    /// Unsaved edits exist.
    pub dirty: bool,
    /// How the file was written, kept on save: a UTF-8 byte-order mark, and CRLF line endings
    /// (every line ending was CRLF; a file that mixes them is left as it is).
    bom: bool,
    crlf: bool,
    /// The text as loaded or last saved: the common ancestor a save merges from when the file
    /// on disk changed meanwhile (`merge::merge_onto_disk`).
    pub base_text: String,
    /// What others had saved that the last save merged in (empty when it merged nothing).
    pub merged_in: Vec<crate::merge::Change>,
}

impl ProjectFile {
    pub fn open(path: &Path) -> Result<ProjectFile, LoadError> {
        let (text, fp) = super::load::read_text(path)?;
        let mut f = ProjectFile::from_text(path, &text)?;
        f.disk_fingerprint = fp;
        Ok(f)
    }

    /// A document from text (e.g. a recovery file) that belongs at `path`.
    pub fn from_text(path: &Path, text: &str) -> Result<ProjectFile, LoadError> {
        let (loaded, parsed) = super::load::parse_with_document(text)?;
        let doc: DocumentMut = parsed.into_mut();
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let crlf = body.contains("\r\n") && !body.replace("\r\n", "").contains('\n');
        Ok(ProjectFile {
            path: path.to_path_buf(),
            doc,
            loaded,
            disk_fingerprint: fingerprint(text.as_bytes()),
            dirty: false,
            bom: body.len() < text.len(),
            crlf,
            base_text: text.to_string(),
            merged_in: Vec::new(),
        })
    }

    pub fn project(&self) -> &Project {
        &self.loaded.project
    }

    /// The format-preserving document (read-only: changes go through `apply`).
    pub fn document(&self) -> &DocumentMut {
        &self.doc
    }

    /// The document as it would be saved.
    pub fn text(&self) -> String {
        let mut text = self.doc.to_string();
        if self.crlf {
            // Lines the edits wrote end in LF: give every line the file's CRLF.
            text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{feff}');
        }
        text
    }

    /// Validates and applies one edit to the model and the document; returns its undo.
    pub fn apply(&mut self, e: &Edit) -> Result<Edit, EditError> {
        if e.is_structure() {
            return self.apply_structure(e);
        }
        // A conflict edit changes a field and the records: known only before it is applied.
        let fields = edit::conflict_field_edits(&self.loaded.project, e);
        // Removing a year may remove its input: its undo puts back the entry as written.
        let written = super::written_entry::before(&self.doc, e);
        let mut undo = edit::apply(&mut self.loaded.project, e)?;
        if let Edit::RestoreYearly { written: w, .. } = &mut undo {
            *w = written;
        }
        match fields {
            Some(fields) => {
                fields.iter().for_each(|f| self.mirror(f));
                super::conflicts::write(&mut self.doc, &self.loaded.project.conflicts);
            }
            None => self.mirror(e),
        }
        self.dirty = true;
        Ok(undo)
    }

    /// A change of the tree or a definition: written into the document (one place changes),
    /// then the model is read back from it, so both always agree and every location `check`
    /// reports is right.
    fn apply_structure(&mut self, e: &Edit) -> Result<Edit, EditError> {
        let (doc, undo) = super::tree_edit::apply(&self.doc, &self.loaded.project, e)?;
        // One value of one indicator: the model takes it as the loader would read it.
        if super::tree_edit::patch_model(&mut self.loaded.project, e) {
            self.doc = doc;
            self.dirty = true;
            return Ok(undo);
        }
        // An indicator added, removed (or its removal undone), moved or given a new code: the
        // model follows the document's order
        // without reading it again. The source map keeps the lines read at load (check
        // messages in the workbench name indicators, not lines; opening the file reads anew).
        if super::tree_patch::patch_tree(&mut self.loaded.project, &doc, e) {
            self.doc = doc;
            self.dirty = true;
            return Ok(undo);
        }
        let text = doc.to_string();
        let (loaded, parsed) =
            super::load::parse_with_document(&text).map_err(|err| EditError::WouldBreakFile {
                problem: EditError::load_problem(err),
            })?;
        self.doc = parsed.into_mut();
        self.loaded = loaded;
        self.dirty = true;
        Ok(undo)
    }

    /// Applies edits as one step: all or none. Returns the undo edits in the order to apply them.
    pub fn apply_all(&mut self, edits: &[Edit]) -> Result<Vec<Edit>, EditError> {
        let mut undo: Vec<Edit> = Vec::with_capacity(edits.len());
        for e in edits {
            match self.apply(e) {
                Ok(u) => undo.push(u),
                Err(err) => {
                    for u in undo.iter().rev() {
                        let _ = self.apply(u);
                    }
                    return Err(err);
                }
            }
        }
        undo.reverse();
        Ok(undo)
    }

    fn indicator_table(&mut self, code: &str) -> Option<&mut Table> {
        self.doc
            .get_mut("indicators")?
            .as_table_mut()?
            .get_mut(code)?
            .as_table_mut()
    }

    /// Writes the already-applied edit into the TOML document, touching only what it changed.
    fn mirror(&mut self, e: &Edit) {
        let code = e.code().to_string();
        if let Edit::SetAdjustment { points, reason, .. } = e {
            if let Some(t) = self
                .doc
                .get_mut("adjustments")
                .and_then(|a| a.get_mut("items"))
                .and_then(|i| i.get_mut(&code))
                .and_then(Item::as_table_like_mut)
            {
                tw::set(t, "points", points.map(tw::decimal));
                tw::set(
                    t,
                    "reason",
                    (!reason.is_empty()).then(|| tw::string(reason)),
                );
            }
            return;
        }
        let Some(ind) = self.loaded.project.get(&code).cloned() else {
            return;
        };
        let a = &ind.assessment;
        let Some(t) = self.indicator_table(&code) else {
            return;
        };
        match e {
            Edit::SetScore { score, .. } => tw::set(t, "score", score.map(tw::decimal)),
            Edit::SetInput { name, value, .. } => {
                if t.get("inputs").is_none() {
                    if value.is_none() {
                        return;
                    }
                    t.insert(
                        "inputs",
                        Item::Value(Value::InlineTable(toml_edit::InlineTable::new())),
                    );
                }
                if let Some(inputs) = t.get_mut("inputs").and_then(Item::as_table_like_mut) {
                    tw::set(inputs, name, value.as_ref().map(tw::input));
                    if inputs.is_empty() {
                        t.remove("inputs");
                    }
                }
            }
            Edit::InsertDeduction { index, .. } => {
                let d = a.deductions[*index].clone();
                tw::edit_list(
                    t,
                    "deductions",
                    ListOp::Insert(*index, &|tt: &mut dyn TableLike| {
                        tw::deduction_fields(tt, &d)
                    }),
                );
            }
            Edit::ReplaceDeduction { index, .. } => {
                let d = a.deductions[*index].clone();
                tw::edit_list(
                    t,
                    "deductions",
                    ListOp::Replace(*index, &|tt: &mut dyn TableLike| {
                        tw::deduction_fields(tt, &d)
                    }),
                );
            }
            Edit::RemoveDeduction { index, .. } => {
                tw::edit_list(t, "deductions", ListOp::Remove(*index))
            }
            Edit::SetChecks { .. } => {
                // As applied: 1/0 typed for an all-or-nothing checkpoint are written true/false.
                let checks = &a.checks;
                tw::set(
                    t,
                    "checks",
                    (!checks.is_empty()).then(|| tw::checks(checks)),
                );
            }
            Edit::SetTier { tier, .. } => tw::set(t, "tier", tier.as_deref().map(Value::from)),
            Edit::SetNa { reason, .. } => tw::set(t, "na", reason.as_deref().map(tw::string)),
            Edit::SetUnscorable { reason, .. } => {
                tw::set(t, "unscorable", reason.as_deref().map(tw::string))
            }
            Edit::SetJustification { text, .. } => tw::set(
                t,
                "justification",
                (!text.is_empty()).then(|| tw::string(text)),
            ),
            Edit::SetStatus { status, .. } => {
                tw::set(t, "status", Some(Value::from(status.label())))
            }
            Edit::InsertEvidence { index, .. } => {
                let ev = a.evidence[*index].clone();
                tw::edit_list(
                    t,
                    "evidence",
                    ListOp::Insert(*index, &|tt: &mut dyn TableLike| {
                        tw::evidence_fields(tt, &ev)
                    }),
                );
            }
            Edit::ReplaceEvidence { index, .. } => {
                let ev = a.evidence[*index].clone();
                tw::edit_list(
                    t,
                    "evidence",
                    ListOp::Replace(*index, &|tt: &mut dyn TableLike| {
                        tw::evidence_fields(tt, &ev)
                    }),
                );
            }
            Edit::RemoveEvidence { index, .. } => {
                tw::edit_list(t, "evidence", ListOp::Remove(*index))
            }
            Edit::InsertReview { index, .. } => {
                let r = a.reviews[*index].clone();
                tw::edit_list(
                    t,
                    "reviews",
                    ListOp::Insert(*index, &|tt: &mut dyn TableLike| tw::review_fields(tt, &r)),
                );
            }
            Edit::RemoveReview { index, .. } => tw::edit_list(t, "reviews", ListOp::Remove(*index)),
            Edit::SetYear { .. }
            | Edit::RestoreYearly { .. }
            | Edit::SetSurveyCount { .. }
            | Edit::SetSurvey { .. } => super::figures_write::mirror(t, a, e),
            // Structure edits are written by `apply_structure`.
            _ => {}
        }
    }

    /// Whether the file on disk still is the one we loaded or last saved.
    pub fn disk_unchanged(&self) -> std::io::Result<bool> {
        match std::fs::read(&self.path) {
            Ok(bytes) => Ok(fingerprint(&bytes) == self.disk_fingerprint),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The file a save writes: the project's path with symlinks followed.
    pub fn target(&self) -> PathBuf {
        safe_write::resolve(&self.path).unwrap_or_else(|_| self.path.clone())
    }

    /// Saves atomically over the original (through a symlink, keeping group, mode and owner),
    /// keeping the previous version as `FILE.bak`, and refuses when the file system does not
    /// let this user write the file.
    ///
    /// When someone else saved the file since it was loaded, their version is not overwritten:
    /// this document's changes (since `base_text`) are merged onto it field by field
    /// (`merge::merge_onto_disk`) and the result is saved; what they changed is left in
    /// `merged_in`. Only the same field changed differently by both is refused
    /// (`SaveError::Conflicts`, with the merged document and the conflicting fields). The check
    /// of the disk and the rename happen under the file's save lock, so no other writer can slip
    /// a save in between.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.merged_in.clear();
        if !self.dirty && self.disk_unchanged()? {
            // Nothing to write: keep the file and its backup as they are.
            return Ok(());
        }
        let target = safe_write::resolve(&self.path)?;
        safe_write::check_writable(&target).map_err(SaveError::from)?;
        let Some(lock) = save_lock::lock_and_read(&target)? else {
            return Err(SaveError::Conflict);
        };
        if fingerprint(&lock.bytes) != self.disk_fingerprint {
            let merged = self.merge_with(&lock.bytes)?;
            if !merged.is_clean() {
                return Err(SaveError::Conflicts(Box::new(merged)));
            }
            let theirs = merged.theirs_changes.clone();
            let mut file = merged.file;
            file.path = self.path.clone();
            *self = file;
            self.merged_in = theirs;
        }
        let text = self.text();
        safe_write::replace_like(&backup_path(&target), &lock.bytes, &target)?;
        safe_write::replace(&target, text.as_bytes())?;
        drop(lock);
        self.disk_fingerprint = fingerprint(text.as_bytes());
        self.dirty = false;
        self.base_text = text;
        Ok(())
    }

    /// Merges this document's changes onto `disk` (the file as someone else saved it). The
    /// result belongs at this path, has `disk` as its base, and is unsaved.
    pub fn merge_with(&self, disk: &[u8]) -> Result<crate::merge::Merged, SaveError> {
        let Ok(disk_text) = std::str::from_utf8(disk) else {
            return Err(SaveError::Conflict);
        };
        let mut merged =
            crate::merge::merge_onto_disk(self, disk_text).map_err(|_| SaveError::Conflict)?;
        merged.file.path = self.path.clone();
        merged.file.base_text = disk_text.to_string();
        merged.file.disk_fingerprint = fingerprint(disk);
        merged.file.dirty = true;
        Ok(merged)
    }

    /// Saves to another path (which must not exist); the document then belongs to that path.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let text = self.text();
        safe_write::create(path, text.as_bytes())?;
        self.path = path.to_path_buf();
        self.disk_fingerprint = fingerprint(text.as_bytes());
        self.dirty = false;
        self.base_text = text;
        Ok(())
    }
}

/// `FILE.toml` → `FILE.toml.bak`, beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Write to a temporary file in the same directory, fsync, rename over `path`, fsync the
/// directory: a reader (or a crash) sees the old file or the new one, never a mix. The file
/// system decides who may write (see `safe_write::replace`).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    safe_write::replace(path, bytes)?;
    Ok(())
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
