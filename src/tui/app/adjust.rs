//! 加减分项 in the workbench: a group row below the tree with one row per item, the caps and
//! the counted points in the detail pane, and an item's points and reason edited through
//! `Edit::SetAdjustment` (which refuses negative points and points above the item's cap).

use super::App;
use super::popup::{Form, FormFor, Popup, number};
use crate::edit::Edit;
use crate::model::AdjustmentItem;
use crate::scoring::rounding::plain;
use crate::tui::components::LineInput;
use crate::tui::strings::Msg;

/// What a row of the tree pane is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Node(usize),
    /// The 加减分项 group.
    AdjGroup,
    /// Item k of the group.
    AdjItem(usize),
}

impl App {
    pub fn row(&self, id: usize) -> Row {
        let base = self.tree.extra_base();
        match id {
            i if i < base => Row::Node(i),
            i if i == base => Row::AdjGroup,
            i => Row::AdjItem(i - base - 1),
        }
    }

    pub fn selected_row(&self) -> Row {
        self.row(self.selected())
    }

    /// The selected indicator; None on the 加减分项 rows.
    pub fn selected_node(&self) -> Option<usize> {
        match self.selected_row() {
            Row::Node(i) => Some(i),
            _ => None,
        }
    }

    pub fn adjustment_item(&self, k: usize) -> Option<&AdjustmentItem> {
        self.project().adjustments.as_ref()?.items.get(k)
    }

    /// Keeps the 加减分项 rows in step with the project (a reload may bring or drop them).
    pub(super) fn sync_extra_rows(&mut self) {
        let rows = match &self.project().adjustments {
            Some(a) if !a.items.is_empty() => a.items.len() + 1,
            _ => 0,
        };
        if self.tree.extra != rows {
            self.tree.extra = rows;
            let tree = self.card.tree.clone();
            if self.tree.selected >= self.tree.extra_base() + rows {
                self.tree.last(&tree);
            }
        }
    }

    /// The form for item `k`'s points and reason, with field `focus` active.
    pub(super) fn open_adjustment(&mut self, k: usize, focus: usize) {
        if let Some(holder) = self.read_only.clone() {
            return self.error(self.tf(Msg::ReadOnly, &[&holder]));
        }
        let Some(item) = self.adjustment_item(k).cloned() else {
            return;
        };
        let cap = item.cap.map(plain).unwrap_or_else(|| "∞".into());
        let labels = vec![
            format!("{}（0–{cap}）", self.t(Msg::FieldAdjPoints)),
            self.t(Msg::FieldAdjReason).to_string(),
        ];
        self.popup = Some(Popup::Form(Form {
            title: self.tf(Msg::AdjForm, &[&format!("{} {}", item.code, item.name)]),
            labels,
            inputs: vec![
                LineInput::new(&item.points.map(plain).unwrap_or_default()),
                LineInput::new(&item.reason),
            ],
            focus,
            error: None,
            purpose: FormFor::Adjustment { code: item.code },
        }));
    }

    pub(super) fn submit_adjustment(
        &mut self,
        code: &str,
        points: &str,
        reason: &str,
    ) -> Result<(), String> {
        let cap = self
            .project()
            .adjustments
            .as_ref()
            .and_then(|a| a.items.iter().find(|i| i.code == code))
            .and_then(|i| i.cap)
            .map(plain)
            .unwrap_or_else(|| "∞".into());
        let points = match points {
            "" => None,
            t => {
                Some(number(t).ok_or_else(|| self.tf(Msg::NotANumber, &[t, &format!("0–{cap}")]))?)
            }
        };
        self.commit(Edit::SetAdjustment {
            code: code.to_string(),
            points,
            reason: reason.to_string(),
        })
    }
}
