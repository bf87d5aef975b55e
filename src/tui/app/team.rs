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
            self.merge_in();
            return;
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

    /// Takes in what others saved while this workbench has unsaved edits of its own.
    pub(super) fn merge_in(&mut self) {
        self.info(self.t(Msg::DiskChangedUnsaved));
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
