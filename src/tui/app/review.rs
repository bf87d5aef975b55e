//! Review mode (复核): the reviewer walks the leaves that lost points (or every scored leaf), in
//! tree order or most points lost first, and approves each one (已复核, stamped with their name
//! and the time) or flags it with a comment (复核意见) for the evaluator. Approving and flagging
//! are ordinary edits, one undoable step each; nothing here touches the file directly.

use rust_decimal::Decimal;

use super::popup::PromptFor;
use super::{App, Focus};
use crate::edit::Edit;
use crate::model::{Review, Status};
use crate::scoring::LeafState;
use crate::tui::action::Action;
use crate::tui::strings::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOrder {
    /// As the indicators stand in the tree.
    Tree,
    /// Most points lost first (ties in tree order).
    PointsLost,
}

impl ReviewOrder {
    /// `--by tree|points`.
    pub fn parse(text: &str) -> Option<ReviewOrder> {
        match text {
            "tree" => Some(ReviewOrder::Tree),
            "points" => Some(ReviewOrder::PointsLost),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    All,
    /// Leaves not yet 已复核.
    Unreviewed,
    /// Leaves whose latest review comment is not an approval.
    Flagged,
}

/// Where the reviewer is. Kept when they leave review mode (to edit, say), so `R` brings them
/// back to the same leaf with the same settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewMode {
    pub active: bool,
    /// Every scored leaf, not only those that lost points.
    pub all: bool,
    pub order: ReviewOrder,
    pub filter: ReviewFilter,
    /// The leaf on screen (an indicator index).
    pub at: Option<usize>,
    /// First line of the card shown.
    pub scroll: usize,
}

impl App {
    /// Review mode is on screen.
    pub fn in_review(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.active)
    }

    /// Points lost on leaf `i`.
    pub fn lost(&self, i: usize) -> Decimal {
        let n = &self.card.nodes[i];
        (n.weight - n.score).max(Decimal::ZERO)
    }

    /// Whether the latest review comment on leaf `i` is a flag, not an approval.
    pub fn is_flagged(&self, i: usize) -> bool {
        self.project().indicators[i]
            .assessment
            .reviews
            .last()
            .is_some_and(|r| !r.approved)
    }

    /// The leaves the walk covers, in its order, before the filter.
    pub fn review_scope(&self) -> Vec<usize> {
        let Some(r) = &self.review else {
            return Vec::new();
        };
        let card = &self.card;
        let mut items: Vec<usize> = if r.all {
            card.tree
                .preorder()
                .into_iter()
                .filter(|&i| {
                    card.nodes[i]
                        .leaf
                        .as_ref()
                        .is_some_and(|l| l.state != LeafState::Unscored)
                })
                .collect()
        } else {
            card.leaves_with_loss()
        };
        if r.order == ReviewOrder::PointsLost {
            // A stable sort keeps tree order among equal losses.
            items.sort_by_key(|&i| std::cmp::Reverse(self.lost(i)));
        }
        items
    }

    fn passes(&self, filter: ReviewFilter, i: usize) -> bool {
        match filter {
            ReviewFilter::All => true,
            ReviewFilter::Unreviewed => {
                self.project().indicators[i].assessment.status != Status::Reviewed
            }
            ReviewFilter::Flagged => self.is_flagged(i),
        }
    }

    /// The leaves on the walk: the scope after the filter.
    pub fn review_items(&self) -> Vec<usize> {
        let Some(filter) = self.review.as_ref().map(|r| r.filter) else {
            return Vec::new();
        };
        self.review_scope()
            .into_iter()
            .filter(|&i| self.passes(filter, i))
            .collect()
    }

    /// (approved, all) over the walk's scope: "已复核 3/10".
    pub fn review_progress(&self) -> (usize, usize) {
        let scope = self.review_scope();
        let done = scope
            .iter()
            .filter(|&&i| self.project().indicators[i].assessment.status == Status::Reviewed)
            .count();
        (done, scope.len())
    }

    /// Opens review mode afresh (`jixiao review`, or the first `R`).
    pub fn start_review(&mut self, all: bool, order: ReviewOrder) {
        self.review = Some(ReviewMode {
            active: true,
            all,
            order,
            filter: ReviewFilter::All,
            at: None,
            scroll: 0,
        });
        self.focus = Focus::Tree;
        let first = self.review_items().first().copied();
        self.review_go(first);
        if first.is_none() {
            self.info(self.t(self.empty_reason()));
        }
    }

    /// `R` in the workbench: back to where the review was left, or a new one.
    pub(super) fn enter_review(&mut self) {
        match &mut self.review {
            Some(r) => {
                r.active = true;
                if r.at.is_none() {
                    let first = self.review_items().first().copied();
                    self.review_go(first);
                }
            }
            None => {
                // A first review starts at the selected leaf when it is on the walk, or at the
                // next one on it below the selection (the reviewer chose where to begin).
                let sel = self.selected();
                self.start_review(false, ReviewOrder::Tree);
                let items = self.review_items();
                let order = self.card.tree.preorder();
                let pos = |i: usize| order.iter().position(|&n| n == i);
                let from = pos(sel);
                let start = items
                    .iter()
                    .copied()
                    .find(|&i| i == sel || (from.is_some() && pos(i) >= from));
                if start.is_some() {
                    self.review_go(start);
                }
            }
        }
    }

    /// Why the walk is empty.
    pub fn empty_reason(&self) -> Msg {
        match &self.review {
            Some(r) if r.filter != ReviewFilter::All && !self.review_scope().is_empty() => {
                Msg::ReviewNoneFiltered
            }
            Some(r) if r.all => Msg::ReviewNoneScored,
            _ => Msg::ReviewNoneLost,
        }
    }

    fn review_go(&mut self, at: Option<usize>) {
        if let Some(r) = &mut self.review
            && r.at != at
        {
            r.at = at;
            r.scroll = 0;
        }
    }

    /// After an undo or redo touching leaf `i`, the review shows it.
    pub(super) fn review_follow(&mut self, i: usize) {
        if self.in_review() && self.is_leaf(i) {
            self.review_go(Some(i));
        }
    }

    /// The next (or previous) leaf on the walk from the one shown, without wrapping around; with
    /// `pred`, the next one satisfying it. Returns whether it moved.
    fn review_step(&mut self, forward: bool, pred: impl Fn(&App, usize) -> bool) -> bool {
        let scope = self.review_scope();
        let filter = self.review.as_ref().map_or(ReviewFilter::All, |r| r.filter);
        let at = self.review.as_ref().and_then(|r| r.at);
        let ok = |i: &usize| self.passes(filter, *i) && pred(self, *i);
        // Walk the unfiltered order from where we are, so a leaf that just left the filter
        // (approved under "unreviewed only") still tells where "next" is.
        let found = match at.and_then(|a| scope.iter().position(|&x| x == a)) {
            Some(p) if forward => scope[p + 1..].iter().copied().find(ok),
            Some(p) => scope[..p].iter().rev().copied().find(ok),
            None if forward => scope.iter().copied().find(ok),
            None => scope.iter().rev().copied().find(ok),
        };
        match found {
            Some(i) => {
                self.review_go(Some(i));
                true
            }
            None => false,
        }
    }

    /// Keeps the leaf shown when it is still on the walk, else shows the first one.
    fn review_refilter(&mut self) {
        let items = self.review_items();
        let at = self.review.as_ref().and_then(|r| r.at);
        if at.is_none_or(|a| !items.contains(&a)) {
            self.review_go(items.first().copied());
        }
        if items.is_empty() {
            self.info(self.t(self.empty_reason()));
        }
    }

    fn leave_review(&mut self, to_edit: bool) {
        let at = self.review.as_mut().and_then(|r| {
            r.active = false;
            r.at
        });
        if let Some(i) = at {
            let tree = self.card.tree.clone();
            self.tree.reveal(&tree, i);
        }
        if to_edit && at.is_some() {
            self.focus = Focus::Detail;
            self.detail_follow = true;
        } else {
            self.focus = Focus::Tree;
        }
    }

    /// Keys in review mode.
    pub(super) fn review_action(&mut self, action: Action) {
        let at = self.review.as_ref().and_then(|r| r.at);
        match action {
            Action::ReviewNext | Action::ReviewPrev => {
                let forward = action == Action::ReviewNext;
                if !self.review_step(forward, |_, _| true) {
                    let items = self.review_items();
                    if items.is_empty() {
                        self.info(self.t(self.empty_reason()));
                    } else if forward {
                        self.info(self.tf(Msg::ReviewAtEnd, &[&items.len().to_string()]));
                    } else {
                        self.info(self.t(Msg::ReviewAtStart));
                    }
                }
            }
            Action::NextDisagreement => {
                if self.compare.is_none() {
                    return self.info(self.t(Msg::NoCompare));
                }
                if !self.review_step(true, |app, i| app.disagrees(i)) {
                    self.info(self.t(Msg::NoDisagreement));
                }
            }
            Action::Approve => match at {
                Some(i) => {
                    let code = self.project().indicators[i].code.clone();
                    self.approve(&code);
                }
                None => self.info(self.t(Msg::NothingToReview)),
            },
            Action::Flag => match at {
                Some(_) => self.open_flag(),
                None => self.info(self.t(Msg::NothingToReview)),
            },
            Action::Activate => self.leave_review(true),
            Action::Review | Action::Cancel => self.leave_review(false),
            Action::ToggleAll | Action::ToggleOrder => {
                if let Some(r) = &mut self.review {
                    if action == Action::ToggleAll {
                        r.all = !r.all;
                    } else {
                        r.order = match r.order {
                            ReviewOrder::Tree => ReviewOrder::PointsLost,
                            ReviewOrder::PointsLost => ReviewOrder::Tree,
                        };
                    }
                }
                self.review_refilter();
            }
            Action::FilterUnreviewed | Action::FilterFlagged => {
                let want = if action == Action::FilterUnreviewed {
                    ReviewFilter::Unreviewed
                } else {
                    ReviewFilter::Flagged
                };
                if let Some(r) = &mut self.review {
                    r.filter = if r.filter == want {
                        ReviewFilter::All
                    } else {
                        want
                    };
                }
                self.review_refilter();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = crate::tui::view::review::card_height(self).saturating_sub(1);
                if let Some(r) = &mut self.review {
                    r.scroll = match action {
                        Action::Up => r.scroll.saturating_sub(1),
                        Action::Down => r.scroll + 1,
                        Action::PageUp => r.scroll.saturating_sub(page.max(1)),
                        _ => r.scroll + page.max(1),
                    };
                }
            }
            Action::Help => {
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let scroll = crate::tui::view::help::section_start(
                    self.lang,
                    area,
                    crate::tui::keymap::Ctx::Review,
                );
                self.popup = Some(super::Popup::Help { scroll });
            }
            other => self.workbench_action(other),
        }
    }

    /// 复核通过: the stamp and the status in one transaction, so one `u` undoes both. The walk
    /// then moves on to the next leaf.
    pub(super) fn approve(&mut self, code: &str) {
        let Some(i) = self.project().index_of(code) else {
            return;
        };
        if self.card.nodes[i]
            .leaf
            .as_ref()
            .is_none_or(|l| l.state == LeafState::Unscored)
        {
            return self.error(self.tf(Msg::NotScoredYet, &[code]));
        }
        let a = &self.project().indicators[i].assessment;
        if a.status == Status::Reviewed && a.reviews.last().is_some_and(|r| r.approved) {
            return self.info(self.tf(Msg::AlreadyApproved, &[code]));
        }
        let review = Review {
            by: self.reviewer.clone(),
            at: crate::time::now_utc(),
            text: String::new(),
            approved: true,
        };
        let edits = vec![
            Edit::InsertReview {
                code: code.to_string(),
                index: a.reviews.len(),
                review,
            },
            Edit::SetStatus {
                code: code.to_string(),
                status: Status::Reviewed,
            },
        ];
        let label = self.tf(Msg::ApproveLabel, &[code]);
        match self.commit_all(edits, label) {
            Ok(()) => {
                let msg = self.tf(Msg::Approved, &[code, &self.reviewer.clone()]);
                if self.in_review() {
                    self.review_step(true, |_, _| true);
                }
                self.info(msg);
            }
            Err(e) => self.error(e),
        }
    }

    fn open_flag(&mut self) {
        let Some(i) = self.review.as_ref().and_then(|r| r.at) else {
            return;
        };
        if let Some(holder) = self.read_only.clone() {
            return self.error(self.tf(Msg::ReadOnly, &[&holder]));
        }
        let ind = &self.project().indicators[i];
        let (code, heading) = (ind.code.clone(), format!("{} {}", ind.code, ind.name));
        let title = self.tf(Msg::FlagPrompt, &[&heading]);
        self.prompt(title, "", PromptFor::Flag { code });
    }

    /// 复核意见: a comment that is not an approval. The leaf stays (or goes back to) 已评.
    pub(super) fn submit_flag(&mut self, code: &str, text: &str) -> Result<(), String> {
        if text.trim().is_empty() {
            return Err(self.t(Msg::FlagNeedsText).to_string());
        }
        let Some(ind) = self.project().get(code) else {
            return Ok(());
        };
        let a = &ind.assessment;
        let mut edits = vec![Edit::InsertReview {
            code: code.to_string(),
            index: a.reviews.len(),
            review: Review {
                by: self.reviewer.clone(),
                at: crate::time::now_utc(),
                text: text.trim().to_string(),
                approved: false,
            },
        }];
        if a.status == Status::Reviewed {
            edits.push(Edit::SetStatus {
                code: code.to_string(),
                status: Status::Scored,
            });
        }
        let label = self.tf(Msg::FlagLabel, &[code]);
        self.commit_all(edits, label)?;
        if self.in_review() {
            self.review_step(true, |_, _| true);
        }
        self.info(self.tf(Msg::Flagged, &[code]));
        Ok(())
    }
}
