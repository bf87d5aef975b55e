//! Moving around: rows and fields, pages, search, and the jumps to the next leaf that needs
//! attention.

use super::{App, Focus};
use crate::tui::action::Action;
use crate::tui::components::LineInput;
use crate::tui::strings::Msg;
use crate::tui::view;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    Unscored,
    Loss,
    Warning,
}

impl App {
    fn detail_height(&self) -> usize {
        (view::inner(view::app_layout(self).detail).height as usize).max(1)
    }

    fn tree_height(&self) -> usize {
        (view::inner(view::app_layout(self).tree).height as usize).max(1)
    }

    /// Focuses field `f` of the selected leaf in the detail pane and scrolls to it: after `a`,
    /// `e` or `p` the new item is on screen and selected, ready to check, cite or edit.
    pub(super) fn focus_field(&mut self, f: super::Field) {
        if let Some(k) = self.fields().iter().position(|x| *x == f) {
            self.focus = Focus::Detail;
            self.field = k;
            self.detail_follow = true;
        }
    }

    pub(super) fn move_vertical(&mut self, delta: isize) {
        let tree = self.card.tree.clone();
        match self.focus {
            Focus::Tree => self.tree.move_by(&tree, delta),
            Focus::Detail => {
                let n = self.fields().len();
                if n == 0 {
                    self.detail_scroll = self.detail_scroll.saturating_add_signed(delta);
                    self.detail_follow = false;
                } else {
                    self.field = (self.field as isize + delta).clamp(0, n as isize - 1) as usize;
                    self.detail_follow = true;
                }
            }
        }
    }

    pub(super) fn go_end(&mut self, bottom: bool) {
        let tree = self.card.tree.clone();
        match self.focus {
            Focus::Tree if bottom => self.tree.last(&tree),
            Focus::Tree => self.tree.first(&tree),
            Focus::Detail => {
                let n = self.fields().len();
                self.field = if bottom { n.saturating_sub(1) } else { 0 };
                self.detail_scroll = if bottom { usize::MAX } else { 0 };
                self.detail_follow = n > 0;
            }
        }
    }

    /// PgUp/PgDn: the tree moves its selection a page; the detail pane scrolls a page and
    /// focuses the first field that is then on screen.
    pub(super) fn page(&mut self, dir: isize) {
        let tree = self.card.tree.clone();
        match self.focus {
            Focus::Tree => {
                let h = self.tree_height() as isize;
                self.tree.move_by(&tree, dir * (h - 1).max(1));
            }
            Focus::Detail => {
                let h = self.detail_height();
                let step = h.saturating_sub(1).max(1);
                self.detail_scroll = if dir > 0 {
                    self.detail_scroll.saturating_add(step)
                } else {
                    self.detail_scroll.saturating_sub(step)
                };
                let width = view::inner(view::app_layout(self).detail).width as usize;
                let lines = view::detail::lines(self, width);
                let max = lines.len().saturating_sub(h);
                self.detail_scroll = self.detail_scroll.min(max);
                let shown = self.detail_scroll..self.detail_scroll + h;
                match lines
                    .iter()
                    .enumerate()
                    .find(|(k, l)| shown.contains(k) && l.field.is_some())
                {
                    Some((_, l)) => {
                        self.field = l.field.unwrap_or(0);
                        self.detail_follow = true;
                    }
                    None => self.detail_follow = false,
                }
            }
        }
    }

    /// Nodes matching `query` by code (the key or the one the report prints) or name, in tree
    /// order.
    fn matches(&self, query: &str) -> Vec<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.card
            .tree
            .preorder()
            .into_iter()
            .filter(|&i| {
                let ind = &self.project().indicators[i];
                ind.code.to_lowercase().contains(&q)
                    || ind.display_code().to_lowercase().contains(&q)
                    || ind.name.to_lowercase().contains(&q)
            })
            .collect()
    }

    /// Selects the next node in tree order after (or, with `inclusive`, at) `from` that
    /// satisfies `pred`, wrapping around. Returns whether one was found.
    pub(super) fn select_next(
        &mut self,
        from: usize,
        forward: bool,
        inclusive: bool,
        pred: impl Fn(&App, usize) -> bool,
    ) -> bool {
        let order = self.card.tree.preorder();
        let n = order.len();
        let at = order.iter().position(|&i| i == from).unwrap_or(0);
        let start = if inclusive { 0 } else { 1 };
        for step in start..=n {
            let k = if forward {
                (at + step) % n
            } else {
                (at + n * 2 - step) % n
            };
            let i = order[k];
            if pred(self, i) {
                let tree = self.card.tree.clone();
                self.tree.reveal(&tree, i);
                return true;
            }
        }
        false
    }

    pub(super) fn start_search(&mut self) {
        self.search = Some(LineInput::new(""));
        self.search_origin = self.selected();
    }

    /// Keys while the search line is open: typing searches as you type.
    pub(super) fn search_update(&mut self, action: Action) {
        let Some(mut input) = self.search.take() else {
            return;
        };
        match action {
            Action::Submit => {
                self.last_search = input.text();
                if !self.matches(&self.last_search).is_empty() {
                    self.focus = Focus::Tree;
                }
                return;
            }
            Action::Cancel => {
                let tree = self.card.tree.clone();
                self.tree.reveal(&tree, self.search_origin);
                return;
            }
            other => {
                super::popup::edit_line(&mut input, other);
            }
        }
        let q = input.text();
        let hits = self.matches(&q);
        let origin = self.search_origin;
        if !hits.is_empty() {
            self.select_next(origin, true, true, |_, i| hits.contains(&i));
        } else if !q.trim().is_empty() {
            self.error(self.tf(Msg::NoMatch, &[q.trim()]));
        }
        self.search = Some(input);
    }

    pub(super) fn repeat_search(&mut self, forward: bool) {
        let q = self.last_search.clone();
        if q.trim().is_empty() {
            return self.start_search();
        }
        let hits = self.matches(&q);
        if !self.select_next(self.selected(), forward, false, |_, i| hits.contains(&i)) {
            self.error(self.tf(Msg::NoMatch, &[q.trim()]));
        }
    }

    pub(super) fn jump(&mut self, kind: Jump) {
        let lossy = self.card.leaves_with_loss();
        let found = self.select_next(self.selected(), true, false, |app, i| match kind {
            Jump::Unscored => app.card.nodes[i]
                .leaf
                .as_ref()
                .is_some_and(|l| l.state.is_pending()),
            Jump::Loss => lossy.contains(&i),
            Jump::Warning => !app.node_diagnostics[i].is_empty(),
        });
        if !found {
            let msg = match kind {
                Jump::Unscored => Msg::NoUnscored,
                Jump::Loss => Msg::NoLoss,
                Jump::Warning => Msg::NoWarnings,
            };
            self.info(self.t(msg));
        }
    }
}
