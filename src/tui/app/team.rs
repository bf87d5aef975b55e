//! Working on a project others have open too: noticing that someone saved it, taking their
//! changes in, and knowing who else is working on it.

use super::App;
use crate::store::{ProjectFile, fingerprint, lock};
use crate::tui::components::TreeList;
use crate::tui::strings::Msg;

impl App {
    /// Who else has the project open, read again (someone opened or closed it).
    pub fn refresh_others(&mut self) {
        self.others = lock::sessions(&self.file.path)
            .0
            .iter()
            .map(|i| i.who())
            .collect();
    }

    /// The file on disk changed. Our own save is recognised by its fingerprint and ignored.
    /// Someone else's save is taken in at once when nothing here is unsaved (there is nothing
    /// to lose), listing what they changed; with unsaved edits it is merged in (see `merge_in`).
    pub fn disk_changed(&mut self) {
        let Ok(bytes) = std::fs::read(&self.file.path) else {
            return;
        };
        if fingerprint(&bytes) == self.file.disk_fingerprint {
            return;
        }
        self.refresh_others();
        if self.unsaved() {
            return self.merge_in_bytes(&bytes, false);
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return;
        };
        let fresh = match ProjectFile::from_text(&self.file.path, &text) {
            Ok(f) => f,
            // A half-finished hand edit by someone: keep what we have, say so.
            Err(e) => return self.error(self.tf(Msg::DiskUnreadable, &[&e.to_string()])),
        };
        let changes = crate::diff::changes(self.project(), fresh.project());
        self.replace_file(fresh);
        self.saved_top = self.undo.last().map(|t| t.id);
        self.announce_changes(&changes);
    }

    pub(super) fn announce_changes(&mut self, changes: &[String]) {
        let who = if self.others.is_empty() {
            self.t(Msg::SomeoneElse).to_string()
        } else {
            self.others.join(", ")
        };
        let list = if changes.is_empty() {
            self.t(Msg::NoScoreChanges).to_string()
        } else {
            changes.join("；")
        };
        self.info(self.tf(Msg::OthersSaved, &[&who, &list]));
    }

    /// Puts `fresh` in place of the open document, keeping the selection where it was.
    pub(super) fn replace_file(&mut self, fresh: ProjectFile) {
        let code = self
            .project()
            .indicators
            .get(self.selected())
            .map(|i| i.code.clone());
        let expanded = self.tree.expanded.clone();
        self.file = fresh;
        self.undo.clear();
        self.redo.clear();
        self.recompute();
        self.tree = TreeList::new(&self.card.tree);
        if self.tree.expanded.len() == expanded.len() {
            self.tree.expanded = expanded;
        }
        if let Some(i) = code.and_then(|c| self.project().index_of(&c)) {
            let tree = self.card.tree.clone();
            self.tree.reveal(&tree, i);
        }
        self.changes += 1;
    }
}

/// A merge that found fields both sides changed differently, decided one field at a time.
#[derive(Debug, Clone)]
pub struct PendingMerge {
    pub merged: crate::merge::Merged,
    /// The conflict being asked about.
    pub at: usize,
    /// The conflicts decided for theirs so far.
    pub theirs: Vec<usize>,
    /// Save once every field is decided (the merge came from Ctrl-s).
    pub then_save: bool,
    /// "alice (18:40)": who saved the other version, and when.
    pub who: String,
}

/// Who saved `path` last and when, as far as the file system tells: its owner (a save by a
/// non-root user makes the file theirs) and its modification time.
fn last_saver(path: &std::path::Path) -> String {
    use std::os::unix::fs::MetadataExt;
    let target = crate::store::safe_write::resolve(path).unwrap_or_else(|_| path.to_path_buf());
    match std::fs::metadata(target) {
        Ok(m) => {
            let hm = crate::time::hour_minute_unix(m.mtime());
            format!(
                "{} ({hm})",
                lock::plain(&crate::store::safe_write::user_name(m.uid()))
            )
        }
        Err(_) => String::new(),
    }
}

impl App {
    /// Takes in what others saved while this workbench has unsaved edits: both sets of changes
    /// are kept; fields both changed differently are asked about one at a time.
    pub(super) fn merge_in_bytes(&mut self, disk: &[u8], then_save: bool) {
        match self.file.merge_with(disk) {
            Ok(merged) => self.adopt_merge(merged, then_save),
            Err(_) => self.info(self.t(Msg::DiskChangedUnsaved)),
        }
    }

    /// Puts a merge's document in place, then asks about its conflicts (if any).
    pub(super) fn adopt_merge(&mut self, merged: crate::merge::Merged, then_save: bool) {
        let who = last_saver(&self.file.path);
        let changes: Vec<String> = merged
            .theirs_changes
            .iter()
            .map(|c| c.describe(merged.file.project()))
            .collect();
        self.replace_file(merged.file.clone());
        self.saved_top = Some(u64::MAX);
        if merged.conflicts.is_empty() {
            self.announce_merge(&who, &changes);
            if then_save {
                self.save();
            }
            return;
        }
        self.ask_conflict(PendingMerge {
            merged,
            at: 0,
            theirs: Vec::new(),
            then_save,
            who,
        });
    }

    fn announce_merge(&mut self, who: &str, changes: &[String]) {
        let list = if changes.is_empty() {
            self.t(Msg::NoScoreChanges).to_string()
        } else {
            changes.join("；")
        };
        self.info(self.tf(Msg::MergedIn, &[who, &list]));
    }

    fn ask_conflict(&mut self, pending: PendingMerge) {
        let c = &pending.merged.conflicts[pending.at];
        let show = |v: Option<&crate::model::FieldValue>| crate::model::show(v);
        let title = self.tf(
            Msg::MergeConflictTitle,
            &[
                &(pending.at + 1).to_string(),
                &pending.merged.conflicts.len().to_string(),
                &format!(
                    "{} {} {}",
                    c.code,
                    c.name,
                    c.field.label_in(
                        pending
                            .merged
                            .file
                            .project()
                            .get(&c.code)
                            .map(|i| &i.assessment)
                    )
                ),
            ],
        );
        let items = vec![
            self.tf(Msg::KeepMine, &[&show(c.ours.as_ref())]),
            self.tf(Msg::TakeTheirs, &[&pending.who, &show(c.theirs.as_ref())]),
        ];
        let mut changes = vec![self.tf(Msg::TheirChanges, &[&pending.who])];
        changes.extend(
            pending
                .merged
                .theirs_changes
                .iter()
                .map(|c| format!("  {}", c.describe(pending.merged.file.project()))),
        );
        self.popup = Some(super::Popup::Picker(super::Picker {
            title,
            items,
            selected: 0,
            error: None,
            purpose: super::PickFor::MergeConflict {
                pending: Box::new(pending),
                changes,
            },
        }));
    }

    /// The user chose for one conflicting field; ask about the next, or finish the merge.
    pub(super) fn decide_conflict(&mut self, mut pending: PendingMerge, theirs: bool) {
        if theirs {
            pending.theirs.push(pending.at);
        }
        pending.at += 1;
        if pending.at < pending.merged.conflicts.len() {
            return self.ask_conflict(pending);
        }
        let edits = pending.merged.take_theirs(&pending.theirs);
        if !edits.is_empty()
            && let Err(e) = self.commit_all(edits, self.t(Msg::TookTheirs).to_string())
        {
            return self.error(e);
        }
        let changes: Vec<String> = pending
            .merged
            .theirs_changes
            .iter()
            .map(|c| c.describe(pending.merged.file.project()))
            .collect();
        self.announce_merge(&pending.who, &changes);
        if pending.then_save {
            self.save();
        }
    }
}

impl App {
    /// A file with `[[conflicts]]` recorded by `jixiao merge` (git's merge driver): asks about
    /// the first one — keep ours or take theirs — and, after each answer, the next.
    pub fn offer_recorded_conflicts(&mut self) {
        if self.read_only.is_some() || self.popup.is_some() {
            return;
        }
        let Some(r) = self.project().conflicts.first().cloned() else {
            return;
        };
        let total = self.project().conflicts.len();
        let name = self
            .project()
            .get(&r.code)
            .map(|i| i.name.clone())
            .unwrap_or_default();
        let side = |label: &str, fallback: &str| {
            if label.is_empty() {
                fallback.to_string()
            } else {
                lock::plain(label)
            }
        };
        let title = self.tf(
            Msg::RecordedConflictTitle,
            &[
                &total.to_string(),
                &format!(
                    "{} {} {}",
                    r.code,
                    name,
                    r.field
                        .label_in(self.project().get(&r.code).map(|i| &i.assessment))
                ),
            ],
        );
        let items = vec![
            self.tf(
                Msg::KeepSide,
                &[
                    &side(&r.label_ours, "ours"),
                    &crate::model::show(r.ours.as_ref()),
                ],
            ),
            self.tf(
                Msg::KeepSide,
                &[
                    &side(&r.label_theirs, "theirs"),
                    &crate::model::show(r.theirs.as_ref()),
                ],
            ),
            self.t(Msg::RecoveryLater).to_string(),
        ];
        self.popup = Some(super::Popup::Picker(super::Picker {
            title,
            items,
            selected: 0,
            error: None,
            purpose: super::PickFor::RecordedConflict {
                code: r.code.clone(),
            },
        }));
    }

    /// The answer for the first recorded conflict: 0 ours, 1 theirs, else later.
    pub(super) fn resolve_recorded(&mut self, code: &str, choice: usize) -> Result<(), String> {
        use crate::model::{Field, Side};
        let take = match choice {
            0 => Side::Ours,
            1 => Side::Theirs,
            _ => return Ok(()),
        };
        let structural = self
            .project()
            .conflicts
            .first()
            .is_some_and(|r| matches!(r.field, Field::Structure(_)));
        if structural && take == Side::Theirs {
            // No edit sets a weight or a name: theirs' value is written into the key itself.
            let fresh =
                crate::merge::take_theirs_structure(&self.file, 0).map_err(|e| self.refusal(&e))?;
            self.replace_file(fresh);
            self.saved_top = Some(u64::MAX);
        } else {
            self.commit(crate::edit::Edit::ResolveConflict {
                code: code.to_string(),
                index: 0,
                take,
            })?;
        }
        self.offer_recorded_conflicts();
        Ok(())
    }
}
