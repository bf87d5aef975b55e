//! Navigation state of a foldable tree: which nodes are open, which is selected, and the first
//! row shown. Rows are computed from the tree on demand, so they never go stale.
//!
//! Below the tree there may be `extra` rows that are not nodes (the 加减分项 group and its
//! items): a foldable group row with id `n` (the number of nodes) and its items `n + 1 …`.

use crate::model::Tree;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeList {
    /// Per node: its children are shown.
    pub expanded: Vec<bool>,
    /// The selected node (an index into the tree's nodes).
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
    /// Rows after the tree: a group row and `extra - 1` items (0: none).
    pub extra: usize,
    /// Whether the group row's items are shown.
    pub extra_open: bool,
}

impl TreeList {
    /// Everything open, the first root selected.
    pub fn new(tree: &Tree) -> TreeList {
        TreeList {
            expanded: vec![true; tree.parent.len()],
            selected: tree.roots.first().copied().unwrap_or(0),
            offset: 0,
            extra: 0,
            extra_open: true,
        }
    }

    /// The id of the extra group row (ids from here on are not nodes).
    pub fn extra_base(&self) -> usize {
        self.expanded.len()
    }

    /// Visible nodes, in tree order.
    pub fn rows(&self, tree: &Tree) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = tree.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            out.push(i);
            if self.expanded.get(i).copied().unwrap_or(false) {
                stack.extend(tree.children[i].iter().rev());
            }
        }
        if self.extra > 0 {
            let base = self.extra_base();
            out.push(base);
            if self.extra_open {
                out.extend(base + 1..base + self.extra);
            }
        }
        out
    }

    /// The selected node's row (the selection is always visible; see `reveal`).
    pub fn selected_row(&self, tree: &Tree) -> usize {
        self.rows(tree)
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0)
    }

    pub fn move_by(&mut self, tree: &Tree, delta: isize) {
        let rows = self.rows(tree);
        if rows.is_empty() {
            return;
        }
        let at = self.selected_row(tree) as isize + delta;
        let at = at.clamp(0, rows.len() as isize - 1) as usize;
        self.selected = rows[at];
    }

    pub fn first(&mut self, tree: &Tree) {
        if let Some(&i) = self.rows(tree).first() {
            self.selected = i;
        }
    }

    pub fn last(&mut self, tree: &Tree) {
        if let Some(&i) = self.rows(tree).last() {
            self.selected = i;
        }
    }

    /// Left / h: fold an open parent, else go to the parent.
    pub fn collapse_or_parent(&mut self, tree: &Tree) {
        let i = self.selected;
        let base = self.extra_base();
        if i >= base {
            if i == base {
                self.extra_open = false;
            } else {
                self.selected = base;
            }
            return;
        }
        if !tree.is_leaf(i) && self.expanded[i] {
            self.expanded[i] = false;
        } else if let Some(p) = tree.parent[i] {
            self.selected = p;
        }
    }

    /// Right / l: open a folded parent, else go to its first child.
    pub fn expand_or_child(&mut self, tree: &Tree) {
        let i = self.selected;
        let base = self.extra_base();
        if i == base {
            if !self.extra_open {
                self.extra_open = true;
            } else if self.extra > 1 {
                self.selected = base + 1;
            }
            return;
        }
        if i > base || tree.is_leaf(i) {
            return;
        }
        if !self.expanded[i] {
            self.expanded[i] = true;
        } else if let Some(&c) = tree.children[i].first() {
            self.selected = c;
        }
    }

    pub fn toggle(&mut self, tree: &Tree) {
        let i = self.selected;
        if i == self.extra_base() {
            self.extra_open = !self.extra_open;
        } else if i < self.extra_base() && !tree.is_leaf(i) {
            self.expanded[i] = !self.expanded[i];
        }
    }

    /// Selects `i`, opening its ancestors so it can be seen.
    pub fn reveal(&mut self, tree: &Tree, i: usize) {
        if i >= self.extra_base() {
            self.extra_open |= i > self.extra_base();
            self.selected = i;
            return;
        }
        for a in tree.ancestors(i).into_iter().skip(1) {
            self.expanded[a] = true;
        }
        self.selected = i;
    }

    /// Keeps the selected row within the `height` rows shown.
    pub fn scroll_into_view(&mut self, tree: &Tree, height: usize) {
        let rows = self.rows(tree).len();
        let row = self.selected_row(tree);
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(rows.saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Project};

    fn tree() -> Tree {
        let ind = |code: &str, parent: Option<&str>| Indicator {
            code: code.into(),
            name: code.into(),
            parent: parent.map(str::to_string),
            ..Indicator::default()
        };
        let p = Project {
            indicators: vec![
                ind("A", None),
                ind("A1", Some("A")),
                ind("A101", Some("A1")),
                ind("A102", Some("A1")),
                ind("B", None),
                ind("B101", Some("B")),
            ],
            ..Project::default()
        };
        Tree::build(&p)
    }

    #[test]
    fn folding_and_moving() {
        let t = tree();
        let mut l = TreeList::new(&t);
        assert_eq!(l.rows(&t), vec![0, 1, 2, 3, 4, 5]);
        l.move_by(&t, 2);
        assert_eq!(l.selected, 2);
        l.collapse_or_parent(&t);
        assert_eq!(l.selected, 1);
        l.collapse_or_parent(&t);
        assert_eq!(l.rows(&t), vec![0, 1, 4, 5]);
        l.move_by(&t, 100);
        assert_eq!(l.selected, 5);
        l.reveal(&t, 3);
        assert_eq!(l.rows(&t).len(), 6);
        l.expanded[0] = false;
        l.last(&t);
        l.scroll_into_view(&t, 2);
        assert_eq!((l.selected, l.offset), (5, 1));
    }

    #[test]
    fn extra_rows_follow_the_tree_and_fold() {
        let t = tree();
        let mut l = TreeList::new(&t);
        l.extra = 3;
        assert_eq!(l.rows(&t), vec![0, 1, 2, 3, 4, 5, 6, 7, 8]);
        l.last(&t);
        assert_eq!(l.selected, 8);
        l.collapse_or_parent(&t);
        assert_eq!(l.selected, 6);
        l.collapse_or_parent(&t);
        assert_eq!(l.rows(&t), vec![0, 1, 2, 3, 4, 5, 6]);
        l.expand_or_child(&t);
        l.expand_or_child(&t);
        assert_eq!(l.selected, 7);
        l.toggle(&t);
        l.reveal(&t, 8);
        assert!(l.extra_open);
        l.reveal(&t, 2);
        assert_eq!(l.selected, 2);
    }
}
