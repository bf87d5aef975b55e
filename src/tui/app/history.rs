//! Edits as the workbench's history: each commit is one undoable step (with the status it
//! implies), undo and redo replay it, and the scores and checks follow.

use super::{App, Transaction};
use crate::check::{check_node, check_project};
use crate::edit::{Edit, clears_approval, implied_status};
use crate::scoring;
use crate::scoring::rounding::fixed;
use crate::tui::components::TreeList;
use crate::tui::strings::Msg;

impl App {
    /// Applies `edit` (and the status it implies) as one undoable step, then rescores.
    /// On refusal nothing changes and the message says what is allowed.
    pub fn commit(&mut self, edit: Edit) -> Result<(), String> {
        let label = crate::lang::edit_label_in(&edit, self.lang, self.project());
        self.commit_all(vec![edit], label)
    }

    /// Applies `edits` as one undoable step labelled `label`, with the status the first of them
    /// implies unless they set a status themselves: 已评 for a first judgement, and back to 已评
    /// when an approved (已复核) leaf changes — which the message then says.
    pub fn commit_all(&mut self, mut edits: Vec<Edit>, label: String) -> Result<(), String> {
        if let Some(holder) = &self.read_only {
            return Err(self.tf(Msg::ReadOnly, &[holder]));
        }
        let mut cleared = None;
        if !edits.iter().any(|e| matches!(e, Edit::SetStatus { .. })) {
            let p = self.project();
            if let Some((status, code)) = edits.iter().find_map(|e| {
                implied_status(p, e).map(|s| (s, clears_approval(p, e).then(|| e.code())))
            }) {
                cleared = code.map(str::to_string);
                edits.push(status);
            }
        }
        let structure = edits.iter().find(|e| e.is_structure()).cloned();
        let folded = match structure {
            Some(_) => self.folded_codes(),
            None => Default::default(),
        };
        let fallback = structure.as_ref().and_then(|e| self.landing(e));
        let undo = self.file.apply_all(&edits).map_err(|e| self.refusal(&e))?;
        // An edit that changes nothing (clearing what was never set) is its own inverse, and is
        // not an undo step. Comparing edits, not the serialised file, keeps a keystroke cheap.
        let no_op = undo.len() == edits.len() && undo.iter().rev().zip(&edits).all(|(u, e)| u == e);
        if !no_op {
            self.changes += 1;
            self.next_id += 1;
            self.undo.push(Transaction {
                edits: undo,
                id: self.next_id,
                label: label.clone(),
            });
            self.redo.clear();
        }
        match &structure {
            Some(e) => {
                let select = self.select_after(e, fallback.as_deref());
                self.restructure(select.as_deref(), &folded);
            }
            None => self.recompute_edited(
                &edits
                    .iter()
                    .map(|e| e.code().to_string())
                    .collect::<Vec<_>>(),
            ),
        }
        let total = format!(
            "{} {}",
            self.t(Msg::Total),
            fixed(self.card.total, self.project().framework.places)
        );
        match cleared {
            Some(code) => self.info(format!(
                "{} · {label} → {total}",
                self.tf(Msg::ApprovalCleared, &[&code])
            )),
            None => self.info(format!("{label} → {total}")),
        }
        Ok(())
    }

    /// Where the selection goes when a structure edit removes the indicator: its parent.
    fn landing(&self, e: &Edit) -> Option<String> {
        match e {
            Edit::RemoveIndicator { code } => self.project().get(code)?.parent.clone(),
            _ => None,
        }
    }

    /// The indicator to select after a structure edit: the one it made or changed.
    fn select_after(&self, e: &Edit, fallback: Option<&str>) -> Option<String> {
        let code = e.code_after();
        if self.project().index_of(code).is_some() {
            return Some(code.to_string());
        }
        fallback.map(str::to_string)
    }

    pub(super) fn undo(&mut self) {
        self.replay(true);
    }

    pub(super) fn redo(&mut self) {
        self.replay(false);
    }

    /// Applies the newest undo (or redo) step and files its inverse on the other stack.
    fn replay(&mut self, undoing: bool) {
        if let Some(holder) = self.read_only.clone() {
            return self.error(self.tf(Msg::ReadOnly, &[&holder]));
        }
        let from = if undoing {
            &mut self.undo
        } else {
            &mut self.redo
        };
        let Some(step) = from.pop() else {
            return self.info(self.t(if undoing {
                Msg::NothingToUndo
            } else {
                Msg::NothingToRedo
            }));
        };
        let structure = step.edits.iter().find(|e| e.is_structure()).cloned();
        let folded = match structure {
            Some(_) => self.folded_codes(),
            None => Default::default(),
        };
        let fallback = structure.as_ref().and_then(|e| self.landing(e));
        match self.file.apply_all(&step.edits) {
            Ok(inverse) if structure.is_some() => {
                let e = structure.unwrap_or(Edit::RemoveIndicator {
                    code: String::new(),
                });
                let back = Transaction {
                    id: step.id,
                    edits: inverse,
                    label: step.label.clone(),
                };
                if undoing {
                    self.redo.push(back)
                } else {
                    self.undo.push(back)
                }
                self.changes += 1;
                let select = self.select_after(&e, fallback.as_deref());
                self.restructure(select.as_deref(), &folded);
                let msg = if undoing { Msg::Undone } else { Msg::Redone };
                self.info(self.tf(msg, &[&step.label]));
            }
            Ok(inverse) => {
                let code = step.edits.first().map(|e| e.code().to_string());
                let back = Transaction {
                    id: step.id,
                    edits: inverse,
                    label: step.label.clone(),
                };
                if undoing {
                    self.redo.push(back)
                } else {
                    self.undo.push(back)
                }
                self.changes += 1;
                self.recompute_edited(
                    &step
                        .edits
                        .iter()
                        .map(|e| e.code().to_string())
                        .collect::<Vec<_>>(),
                );
                if let Some(i) = code.and_then(|c| self.project().index_of(&c)) {
                    let tree = self.card.tree.clone();
                    self.tree.reveal(&tree, i);
                    self.review_follow(i);
                }
                let msg = if undoing { Msg::Undone } else { Msg::Redone };
                self.info(self.tf(msg, &[&step.label]));
            }
            Err(e) => self.error(self.refusal(&e)),
        }
    }

    /// Rescores everything and re-runs the checks: projects are small, and a stale score on
    /// screen would be worse than any cost.
    pub(crate) fn recompute(&mut self) {
        let p = self.file.project();
        self.card = scoring::score(p);
        let index = p.code_index();
        self.node_diagnostics = (0..p.indicators.len())
            .map(|i| check_node(p, &self.card, &self.file.loaded.map, &index, i))
            .collect();
        self.diagnostics = check_project(p, &self.card, &self.file.loaded.map);
        self.gaps = crate::edit::weight_gaps(p);
        let n = p.indicators.len();
        if self.tree.expanded.len() != n {
            self.tree = TreeList::new(&self.card.tree);
        }
        self.refresh_compare();
    }

    /// After edits to the given leaves: re-score them and their ancestors only, re-check those
    /// nodes and the project-wide figures, so a keystroke stays cheap on the largest projects.
    pub(crate) fn recompute_edited(&mut self, codes: &[String]) {
        let p = self.file.project();
        let touches_weights = codes
            .iter()
            .any(|c| p.index_of(c).is_none_or(|i| !self.card.tree.is_leaf(i)));
        if touches_weights || self.card.nodes.len() != p.indicators.len() {
            return self.recompute();
        }
        for code in codes {
            scoring::rescore(p, &mut self.card, code);
        }
        if self.card.nodes.len() != self.node_diagnostics.len() {
            return self.recompute();
        }
        let index = p.code_index();
        let mut touched: Vec<usize> = codes
            .iter()
            .filter_map(|c| index.get(c.as_str()).copied())
            .flat_map(|i| self.card.tree.ancestors(i))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        for i in touched {
            self.node_diagnostics[i] = check_node(p, &self.card, &self.file.loaded.map, &index, i);
        }
        self.diagnostics = check_project(p, &self.card, &self.file.loaded.map);
        // Undoing back to what was saved is not an unsaved change.
        self.file.dirty = self.undo.last().map(|t| t.id) != self.saved_top;
        self.refresh_compare();
    }
}
