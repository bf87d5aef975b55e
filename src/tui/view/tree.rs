//! The indicator tree: one row per visible node with its code and name (aligned by display
//! width), score / weight, and marks for status, lost points and check warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, inner};
use crate::diagnostic::Severity;
use crate::model::Status;
use crate::scoring::LeafState;
use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::{App, Focus};
use crate::tui::components::text::{fit, width};
use crate::tui::strings::Msg;

/// "2.67/4", "-/4" for a leaf not yet scored.
pub fn score_text(app: &App, i: usize) -> String {
    let p = app.project();
    let node = &app.card.nodes[i];
    let ind = &p.indicators[i];
    let weight = if node.not_applicable {
        ind.weight
    } else {
        node.weight
    };
    let unscored = node
        .leaf
        .as_ref()
        .is_some_and(|l| matches!(l.state, LeafState::Unscored | LeafState::NotApplicable(_)))
        || (node.leaf.is_none() && (node.scored_leaves == 0 || node.not_applicable));
    if unscored {
        format!("-/{}", plain(weight))
    } else {
        format!(
            "{}/{}",
            fixed(node.score, p.framework.places),
            plain(weight)
        )
    }
}

/// The status mark: 未 / 评 / 核 / NA (two columns), blank for a parent that is not all N/A.
pub fn status_mark(app: &App, i: usize) -> &'static str {
    let node = &app.card.nodes[i];
    if node.not_applicable {
        return app.t(Msg::MarkNa);
    }
    if node.leaf.is_none() {
        return "  ";
    }
    match app.project().indicators[i].assessment.status {
        Status::Unscored => app.t(Msg::MarkUnscored),
        Status::Scored => app.t(Msg::MarkScored),
        Status::Reviewed => app.t(Msg::MarkReviewed),
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = app.focus == Focus::Tree && app.popup.is_none();
    let theme = &app.theme;
    f.render_widget(
        block(theme, format!(" {} ", app.t(Msg::TreeTitle)), focused),
        area,
    );
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    let tree = &app.card.tree;
    let rows = app.tree.rows(tree);
    let lossy = app.card.leaves_with_loss();
    let lost_under = |i: usize| tree.leaves_under(i).iter().any(|l| lossy.contains(l));
    let score_w = rows
        .iter()
        .map(|&i| width(&score_text(app, i)))
        .max()
        .unwrap_or(0);
    let w = body.width as usize;
    // Room for the name first; the score and then the marks give way on narrow panes.
    let show_score = w >= score_w + 5 + 10;
    let show_marks = w >= 5 + 8;
    let right_w = if show_score { score_w + 1 } else { 0 } + if show_marks { 5 } else { 0 };
    let left_w = w.saturating_sub(right_w);
    let ell = theme.ellipsis();
    let mut lines = Vec::new();
    for &i in rows.iter().skip(app.tree.offset).take(body.height as usize) {
        let ind = &app.project().indicators[i];
        let depth = tree.depth[i].max(1);
        let fold = if tree.is_leaf(i) {
            "  "
        } else if app.tree.expanded[i] {
            theme.fold_open()
        } else {
            theme.fold_closed()
        };
        let left = format!("{}{fold}{} {}", " ".repeat(depth - 1), ind.code, ind.name);
        let selected = i == app.tree.selected;
        let base = if selected {
            if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            }
        } else if depth == 1 {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(fit(&left, left_w, ell), base)];
        if show_score {
            let s = score_text(app, i);
            spans.push(Span::styled(
                format!(" {}{s}", " ".repeat(score_w - width(&s))),
                base,
            ));
        }
        if show_marks {
            let diags = &app.node_diagnostics[i];
            let loss = if lost_under(i) {
                theme.loss_mark()
            } else {
                " "
            };
            let warn = if diags.is_empty() { " " } else { "!" };
            let warn_style = if diags.iter().any(|d| d.severity == Severity::Error) {
                theme.error()
            } else {
                theme.warning()
            };
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(status_mark(app, i), base));
            spans.push(Span::styled(loss, base.patch(theme.loss())));
            spans.push(Span::styled(warn, base.patch(warn_style)));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), body);
}
