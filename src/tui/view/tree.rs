//! The indicator tree: one row per visible node with its code and name (aligned by display
//! width), score / weight, and marks for status, lost points and check warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, inner};
use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity, Subject};
use crate::model::{AdjustmentDirection, Status};
use crate::scoring::LeafState;
use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::{App, Attention, Focus, Row};
use crate::tui::components::text::{fit, width};
use crate::tui::strings::Msg;

/// "2.67/4", "-/4" for a leaf not yet scored; for the 加减分项 rows the counted points.
pub fn score_text(app: &App, i: usize) -> String {
    match app.row(i) {
        Row::Node(i) => node_score_text(app, i),
        Row::AdjGroup => app
            .card
            .adjustments
            .as_ref()
            .map(|o| signed(o.net, app.project().framework.places))
            .unwrap_or_default(),
        Row::AdjItem(k) => adjustment_text(app, k),
    }
}

/// "+2.00", "-1.00", "0.00".
pub fn signed(x: Decimal, places: u32) -> String {
    if x.is_zero() {
        // Decimal keeps the sign of a negated zero; a report never prints "-0.00".
        fixed(Decimal::ZERO, places)
    } else if x > Decimal::ZERO {
        format!("+{}", fixed(x, places))
    } else {
        fixed(x, places)
    }
}

/// An item's counted points with its sign, over its cap: "+2/3", "-1/10", "-/5".
fn adjustment_text(app: &App, k: usize) -> String {
    let Some(item) = app.adjustment_item(k) else {
        return String::new();
    };
    let cap = item.cap.map(plain).unwrap_or_else(|| "∞".into());
    let line = app.card.adjustments.as_ref().and_then(|o| o.lines.get(k));
    match (item.recorded(), line) {
        (Some(_), Some(l)) => {
            let sign = if l.direction == AdjustmentDirection::Bonus {
                "+"
            } else {
                "-"
            };
            format!("{sign}{}/{cap}", plain(l.counted))
        }
        _ => format!("-/{cap}"),
    }
}

fn node_score_text(app: &App, i: usize) -> String {
    let p = app.project();
    let node = &app.card.nodes[i];
    let ind = &p.indicators[i];
    // While weights don't add up, a parent shows the weight it states (its children's sum is
    // the difference beside it).
    let stated = node.leaf.is_none() && !app.gaps.is_empty();
    let weight = if node.not_applicable || stated {
        ind.weight
    } else {
        node.weight
    };
    let unscored =
        node.leaf.as_ref().is_some_and(|l| {
            l.state.is_pending() || matches!(l.state, LeafState::NotApplicable(_))
        }) || (node.leaf.is_none() && (node.scored_leaves == 0 || node.not_applicable));
    // A parent whose children don't add up shows by how much: "-/10(+2)".
    let gap = app
        .gaps
        .iter()
        .find(|g| g.code.as_deref() == Some(ind.code.as_str()))
        .map(|g| {
            let d = g.difference();
            if d > Decimal::ZERO {
                format!("(+{})", plain(d))
            } else {
                format!("({})", plain(d))
            }
        })
        .unwrap_or_default();
    if unscored {
        format!("-/{}{gap}", plain(weight))
    } else {
        format!(
            "{}/{}{gap}",
            fixed(node.score, p.framework.places),
            plain(weight)
        )
    }
}

/// The status mark: 未 / 评 / 核 / NA (two columns), blank for a parent that is not all N/A.
pub fn status_mark(app: &App, i: usize) -> &'static str {
    let Row::Node(i) = app.row(i) else {
        return "  ";
    };
    let node = &app.card.nodes[i];
    if node.not_applicable {
        return app.t(Msg::MarkNa);
    }
    let Some(leaf) = &node.leaf else {
        return "  ";
    };
    if matches!(leaf.state, LeafState::Incomplete(_)) {
        return app.t(Msg::MarkIncomplete);
    }
    match app.project().indicators[i].assessment.status {
        Status::Unscored => app.t(Msg::MarkUnscored),
        Status::Scored => app.t(Msg::MarkScored),
        Status::Reviewed => app.t(Msg::MarkReviewed),
    }
}

/// B's score of row `i` when a file is compared: "2.17", "-" where B lacks the indicator.
fn other_text(app: &App, i: usize) -> String {
    match app.row(i) {
        Row::Node(n) => app
            .other_score(n)
            .map(|s| fixed(s, app.project().framework.places))
            .unwrap_or_else(|| "-".into()),
        Row::AdjGroup => app
            .compare
            .as_ref()
            .and_then(|c| c.card.adjustments.as_ref())
            .map(|o| signed(o.net, app.project().framework.places))
            .unwrap_or_default(),
        Row::AdjItem(_) => String::new(),
    }
}

/// The check warnings of a row (an adjustment's are the project-wide ones that name it).
fn row_diagnostics(app: &App, i: usize) -> Vec<&Diagnostic> {
    match app.row(i) {
        Row::Node(n) => app.node_diagnostics[n].iter().collect(),
        Row::AdjGroup => Vec::new(),
        Row::AdjItem(k) => {
            let Some(item) = app.adjustment_item(k) else {
                return Vec::new();
            };
            app.diagnostics
                .iter()
                .filter(|d| {
                    matches!(&d.subject, Subject::Adjustment { code, .. } if *code == item.code)
                })
                .collect()
        }
    }
}

/// The last mark of a row: `!` for a merge conflict or a check error (red) or warning, `?` for
/// a reviewer's comment still to answer; blank when nothing needs attention. (未完成 shows in
/// the status mark.)
fn attention_mark(app: &App, i: usize, diags: &[&Diagnostic]) -> (&'static str, Style) {
    let theme = &app.theme;
    let why = match app.row(i) {
        Row::Node(n) => app.attention(n),
        _ => Vec::new(),
    };
    let error = diags.iter().any(|d| d.severity == Severity::Error);
    if error || why.contains(&Attention::Conflict) {
        ("!", theme.error())
    } else if why.contains(&Attention::Flagged) {
        ("?", theme.warning())
    } else if !diags.is_empty() {
        ("!", theme.warning())
    } else {
        (" ", Style::new())
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
    let full_w = rows
        .iter()
        .map(|&i| width(&score_text(app, i)))
        .max()
        .unwrap_or(0);
    // The compared file's score: its own column, then a mark where the two disagree.
    let other_w = if app.compare.is_some() {
        rows.iter()
            .map(|&i| width(&other_text(app, i)))
            .max()
            .unwrap_or(0)
            + 2
    } else {
        0
    };
    let w = body.width as usize;
    // Room for the name first: on a narrow pane the score drops its "/weight" (the detail
    // shows it), then the score, the compared score and the marks give way.
    let compact = w < full_w + 1 + other_w + 5 + 16;
    let cell = |i: usize| {
        let s = score_text(app, i);
        match s.split_once('/') {
            Some((score, _)) if compact => score.to_string(),
            _ => s,
        }
    };
    let score_w = if compact {
        rows.iter().map(|&i| width(&cell(i))).max().unwrap_or(0)
    } else {
        full_w
    };
    let show_score = w >= score_w + 5 + 10;
    let show_other = other_w > 0 && w >= score_w + other_w + 5 + 10;
    let show_marks = w >= 5 + 8;
    let right_w = if show_score { score_w + 1 } else { 0 }
        + if show_other { other_w } else { 0 }
        + if show_marks { 5 } else { 0 };
    let left_w = w.saturating_sub(right_w);
    let ell = theme.ellipsis();
    let mut lines = Vec::new();
    for &i in rows.iter().skip(app.tree.offset).take(body.height as usize) {
        let (left, depth) = match app.row(i) {
            Row::Node(n) => {
                let ind = &app.project().indicators[n];
                let depth = tree.depth[n].max(1);
                let fold = if tree.is_leaf(n) {
                    "  "
                } else if app.tree.expanded[n] {
                    theme.fold_open()
                } else {
                    theme.fold_closed()
                };
                let left = format!("{}{fold}{}", " ".repeat(depth - 1), ind.label());
                (left, depth)
            }
            Row::AdjGroup => {
                let fold = if app.tree.extra_open {
                    theme.fold_open()
                } else {
                    theme.fold_closed()
                };
                (format!("{fold}{}", app.t(Msg::AdjGroup)), 1)
            }
            Row::AdjItem(k) => {
                let left = app
                    .adjustment_item(k)
                    .map(|it| format!("   {} {}", it.code, it.name))
                    .unwrap_or_default();
                (left, 2)
            }
        };
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
            let s = cell(i);
            spans.push(Span::styled(
                format!(" {}{s}", " ".repeat(score_w.saturating_sub(width(&s)))),
                base,
            ));
        }
        if show_other {
            let s = other_text(app, i);
            let differs = matches!(app.row(i), Row::Node(n) if app.disagrees(n));
            let mark = if differs { theme.disagree_mark() } else { " " };
            let style = if differs {
                base.patch(theme.disagree())
            } else {
                base.patch(theme.label())
            };
            spans.push(Span::styled(
                format!(
                    " {mark}{}{s}",
                    " ".repeat((other_w - 2).saturating_sub(width(&s)))
                ),
                style,
            ));
        }
        if show_marks {
            let diags = row_diagnostics(app, i);
            let loss = match app.row(i) {
                Row::Node(n) if lost_under(n) => theme.loss_mark(),
                _ => " ",
            };
            let (warn, warn_style) = attention_mark(app, i, &diags);
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(status_mark(app, i), base));
            spans.push(Span::styled(loss, base.patch(theme.loss())));
            spans.push(Span::styled(warn, base.patch(warn_style)));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), body);
}
