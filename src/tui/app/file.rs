//! Saving, the conflict when someone else saved first, reloading, quitting, and the hook that
//! keeps unsaved work when the workbench is killed.

use std::path::{Path, PathBuf};

use super::popup::PromptFor;
use super::{App, PickFor, Popup};
use crate::store::{ProjectFile, SaveError, fingerprint, recovery, write_new};
use crate::tui::components::TreeList;
use crate::tui::strings::Msg;

/// `dir/name.toml` → `dir/name.mine.toml`, or `name.mine-2.toml` … when that exists.
pub fn mine_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "toml".into());
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{stem}.mine{suffix}.{ext}"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_extension("mine.toml"))
}

/// Called when the workbench is ended by SIGTERM/SIGHUP or a panic: keeps the unsaved text in
/// a recovery file. Returns where it went; None when everything was saved (or it could not be
/// written — there is no one left to tell).
pub fn on_unsaved_exit(app: &App) -> Option<PathBuf> {
    if !app.unsaved() {
        return None;
    }
    let text = app.file.text();
    recovery::write_with_base(
        &app.file.path,
        app.file.disk_fingerprint,
        Some(&app.file.base_text),
        &text,
    )
    .ok()
    .or_else(|| {
        // No recovery directory to write to: keep the work beside the project instead.
        let mine = mine_path(&app.file.path);
        write_new(&mine, &text).ok().map(|()| mine)
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl App {
    /// Ctrl-s. Returns whether the file was written.
    pub(super) fn save(&mut self) -> bool {
        if let Some(holder) = self.read_only.clone() {
            self.error(self.tf(Msg::ReadOnly, &[&holder]));
            return false;
        }
        match self.file.save() {
            Ok(()) if !self.file.merged_in.is_empty() => {
                // Others had saved: their changes were merged in and saved with ours. The
                // document is the merged one now; undo steps of the old one no longer apply.
                recovery::discard(&self.file.path);
                let changes: Vec<String> = self
                    .file
                    .merged_in
                    .iter()
                    .map(|c| c.describe(self.project()))
                    .collect();
                let fresh = self.file.clone();
                self.replace_file(fresh);
                self.saved_top = None;
                self.info(self.tf(
                    Msg::SavedMerged,
                    &[&file_name(&self.file.path), &changes.join("；")],
                ));
                true
            }
            Ok(()) => {
                recovery::discard(&self.file.path);
                self.saved_top = self.undo.last().map(|t| t.id);
                match self.weight_gap_text() {
                    // Saving a tree in the middle of its design is allowed, and said.
                    Some(gaps) => self.error(self.tf(
                        Msg::Design(crate::tui::strings::DesignMsg::SavedWithGaps),
                        &[&gaps],
                    )),
                    None => self.info(self.tf(Msg::Saved, &[&file_name(&self.file.path)])),
                }
                true
            }
            Err(SaveError::Conflicts(merged)) => {
                // Some of the same fields were changed by both: decide each, then save.
                self.adopt_merge(*merged, true);
                false
            }
            Err(SaveError::Conflict) => {
                let mine = file_name(&mine_path(&self.file.path));
                // What the user's version changes compared with what is now on disk.
                let changes = match ProjectFile::open(&self.file.path) {
                    Ok(disk) => {
                        let lines = crate::diff::changes(disk.project(), self.project());
                        if lines.is_empty() {
                            vec![self.t(Msg::ConflictSameScores).to_string()]
                        } else {
                            lines
                        }
                    }
                    Err(e) => vec![e.to_string()],
                };
                let items = vec![
                    self.t(Msg::ConflictSaveAs).to_string(),
                    self.tf(Msg::ConflictReload, &[&mine]),
                    self.t(Msg::Cancel).to_string(),
                ];
                self.popup = Some(Popup::Picker(super::Picker {
                    title: self.t(Msg::ConflictTitle).to_string(),
                    items,
                    selected: 0,
                    error: None,
                    purpose: PickFor::Conflict { changes },
                }));
                self.error(self.t(Msg::Conflict));
                false
            }
            Err(SaveError::Refused(e)) => {
                // The file system says no: nothing was written; offer another file at once.
                let why = e.text(self.lang);
                self.prompt(self.t(Msg::SaveAsPrompt).to_string(), "", PromptFor::SaveAs);
                self.error(why);
                false
            }
            Err(SaveError::Io(e)) => {
                self.error(self.tf(Msg::SaveFailed, &[&e.to_string()]));
                false
            }
        }
    }

    pub(super) fn save_as(&mut self, path: &str) -> Result<(), String> {
        if path.is_empty() {
            return Err(self.t(Msg::SaveAsPrompt).to_string());
        }
        let target = Path::new(path);
        if target.exists() {
            return Err(self.tf(Msg::PathExists, &[path]));
        }
        self.file
            .save_as(target)
            .map_err(|e| self.tf(Msg::SaveFailed, &[&e.to_string()]))?;
        self.info(self.tf(Msg::SavedAs, &[path]));
        Ok(())
    }

    /// Replaces the document with the unsaved text of a recovery file. When the file on disk
    /// changed since those edits began (someone else saved), the edits are merged onto it —
    /// restoring never reverts another person's save.
    pub(super) fn restore(&mut self, text: &str, base: Option<&str>) {
        let disk = std::fs::read(&self.file.path).unwrap_or_default();
        match ProjectFile::from_text(&self.file.path, text) {
            Ok(mut restored) => {
                match base {
                    Some(b) if fingerprint(b.as_bytes()) != fingerprint(&disk) => {
                        restored.base_text = b.to_string();
                        match restored.merge_with(&disk) {
                            Ok(merged) => {
                                self.adopt_merge(merged, false);
                                return;
                            }
                            Err(_) => {
                                return self.error(
                                    self.tf(
                                        Msg::RecoveryBroken,
                                        &[self.t(Msg::DiskChangedUnsaved)],
                                    ),
                                );
                            }
                        }
                    }
                    _ => {}
                }
                restored.disk_fingerprint = fingerprint(&disk);
                restored.base_text = String::from_utf8_lossy(&disk).into_owned();
                restored.dirty = true;
                self.file = restored;
                self.undo.clear();
                self.redo.clear();
                self.changes += 1;
                // Restored text differs from the file on disk until it is saved.
                self.saved_top = Some(u64::MAX);
                self.recompute();
                self.tree = TreeList::new(&self.card.tree);
                self.info(self.t(Msg::RecoveryRestored));
            }
            Err(e) => self.error(self.tf(Msg::RecoveryBroken, &[&e.to_string()])),
        }
    }

    /// Offers the recovery file's edits, if there is one for this file, listing what they change.
    pub fn offer_recovery(&mut self) {
        let Some(rec) = recovery::read(&self.file.path) else {
            return;
        };
        let changes = match ProjectFile::from_text(&self.file.path, &rec.text) {
            Ok(f) => crate::diff::changes(self.project(), f.project()),
            Err(e) => vec![self.tf(Msg::RecoveryBroken, &[&e.to_string()])],
        };
        let items = vec![
            self.t(Msg::RecoveryRestore).to_string(),
            self.t(Msg::RecoveryDiscard).to_string(),
            self.t(Msg::RecoveryLater).to_string(),
        ];
        self.popup = Some(Popup::Picker(super::Picker {
            title: self.tf(
                Msg::RecoveryTitle,
                &[&crate::time::show_stamp(&rec.written)],
            ),
            items,
            selected: 0,
            error: None,
            purpose: PickFor::Recovery {
                text: rec.text,
                base: rec.base,
                changes,
            },
        }));
    }

    /// Reopens the file from disk. Unsaved work is first written beside it, so nothing is lost.
    pub(super) fn reload(&mut self) {
        let path = self.file.path.clone();
        let mut kept = None;
        if self.unsaved() {
            let mine = mine_path(&path);
            if let Err(e) = write_new(&mine, &self.file.text()) {
                return self
                    .error(self.tf(Msg::ReloadFailed, &[&format!("{}: {e}", mine.display())]));
            }
            kept = Some(mine);
        }
        let fresh = match ProjectFile::open(&path) {
            Ok(f) => f,
            Err(e) => return self.error(self.tf(Msg::ReloadFailed, &[&e.to_string()])),
        };
        let code = self
            .project()
            .indicators
            .get(self.selected())
            .map(|i| i.code.clone());
        self.file = fresh;
        self.undo.clear();
        self.redo.clear();
        self.saved_top = None;
        self.recompute();
        self.tree = TreeList::new(&self.card.tree);
        if let Some(i) = code.and_then(|c| self.project().index_of(&c)) {
            let tree = self.card.tree.clone();
            self.tree.reveal(&tree, i);
        }
        match kept {
            Some(mine) => self.info(self.tf(
                Msg::MineWritten,
                &[&mine.display().to_string(), &file_name(&path)],
            )),
            None => self.info(self.tf(Msg::Reloaded, &[&file_name(&path)])),
        }
    }

    /// q: quits, or asks first when there are unsaved changes.
    pub(super) fn request_quit(&mut self) {
        if !self.unsaved() {
            self.quit = true;
            return;
        }
        let items = vec![
            self.t(Msg::QuitSave).to_string(),
            self.t(Msg::QuitDiscard).to_string(),
            self.t(Msg::Cancel).to_string(),
        ];
        self.popup = Some(Popup::Picker(super::Picker {
            title: self.t(Msg::QuitTitle).to_string(),
            items,
            selected: 0,
            error: None,
            purpose: PickFor::Quit,
        }));
    }
}
