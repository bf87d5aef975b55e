//! `E`: an indicator's 评价要点 as a list — add, edit, delete and reorder points. Each change
//! is one `SetCriteria` edit committed at once (so `u` takes back exactly that step), and the
//! list opens again at the point just changed.

use super::popup::{PickFor, Picker, Popup, PromptFor};
use super::{App, Row};
use crate::edit::Edit;
use crate::tui::action::Action;
use crate::tui::strings::{DesignMsg as D, Msg};

impl App {
    fn criteria_of(&self, code: &str) -> Vec<String> {
        self.project()
            .get(code)
            .map(|i| i.criteria.clone())
            .unwrap_or_default()
    }

    /// The list of the selected indicator's points (`code` to reopen it on another).
    pub(super) fn open_criteria(&mut self, at: Option<(String, usize)>) {
        let (code, selected) = match at {
            Some(a) => a,
            None => match self.selected_row() {
                Row::Node(i) => (self.project().indicators[i].code.clone(), 0),
                _ => return self.error(self.t(Msg::Design(D::NotANode))),
            },
        };
        let items = self.criteria_of(&code);
        let selected = selected.min(items.len().saturating_sub(1));
        let title = self.tf(Msg::Design(D::CriteriaTitle), &[&self.heading(&code)]);
        let hint = vec![self.t(Msg::Design(D::CriteriaHint)).to_string()];
        self.picker(title, items, selected, PickFor::Criteria { code, hint });
    }

    /// The list's own keys; the list stays open (or gives way to a prompt).
    pub(super) fn criteria_key(&mut self, mut p: Picker, action: Action) -> Option<Popup> {
        let PickFor::Criteria { code, .. } = &p.purpose else {
            return Some(Popup::Picker(p));
        };
        let code = code.clone();
        let n = p.items.len();
        let k = p.selected;
        let mut list = self.criteria_of(&code);
        match action {
            Action::Cancel => return None,
            Action::Up => p.selected = k.saturating_sub(1),
            Action::Down => p.selected = (k + 1).min(n.saturating_sub(1)),
            Action::Submit if n > 0 => {
                self.criterion_prompt(&code, k, false);
                return None;
            }
            Action::Submit | Action::AddRow => {
                let at = if n == 0 { 0 } else { k + 1 };
                self.criterion_prompt(&code, at, true);
                return None;
            }
            Action::RemoveRow if n > 0 => {
                list.remove(k);
                return self.commit_criteria(&code, list, k);
            }
            Action::MoveUp if k > 0 && k < n => {
                list.swap(k, k - 1);
                return self.commit_criteria(&code, list, k - 1);
            }
            Action::MoveDown if k + 1 < n => {
                list.swap(k, k + 1);
                return self.commit_criteria(&code, list, k + 1);
            }
            _ => {}
        }
        Some(Popup::Picker(p))
    }

    fn criterion_prompt(&mut self, code: &str, index: usize, new: bool) {
        let heading = self.heading(code);
        let no = (index + 1).to_string();
        let (title, text) = if new {
            (
                self.tf(Msg::Design(D::CriterionNewPrompt), &[&heading, &no]),
                String::new(),
            )
        } else {
            let text = self
                .criteria_of(code)
                .get(index)
                .cloned()
                .unwrap_or_default();
            (
                self.tf(Msg::Design(D::CriterionPrompt), &[&heading, &no]),
                text,
            )
        };
        let purpose = PromptFor::Criterion {
            code: code.to_string(),
            index,
            new,
        };
        self.prompt(title, &text, purpose);
    }

    /// A point typed in the prompt: added, changed, or (emptied) deleted; back to the list.
    pub(super) fn submit_criterion(
        &mut self,
        code: &str,
        index: usize,
        new: bool,
        t: &str,
    ) -> Result<(), String> {
        let mut list = self.criteria_of(code);
        let t = t.trim();
        match (new, t.is_empty()) {
            (true, true) => {}
            (true, false) => list.insert(index.min(list.len()), t.to_string()),
            (false, true) if index < list.len() => {
                list.remove(index);
            }
            (false, false) if index < list.len() => list[index] = t.to_string(),
            _ => {}
        }
        if let Some(popup) = self.commit_criteria(code, list, index) {
            self.popup = Some(popup);
        }
        Ok(())
    }

    /// One `SetCriteria` (nothing when the list is as it was), then the list again.
    fn commit_criteria(&mut self, code: &str, list: Vec<String>, select: usize) -> Option<Popup> {
        if list != self.criteria_of(code) {
            let edit = Edit::SetCriteria {
                code: code.to_string(),
                criteria: list,
            };
            if let Err(e) = self.commit(edit) {
                self.error(e);
            }
        }
        self.open_criteria(Some((code.to_string(), select)));
        self.popup.take()
    }
}
