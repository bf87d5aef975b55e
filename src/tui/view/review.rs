//! Review mode's screen: a header with the walk's settings and progress, the list of leaves to
//! review (when the terminal is wide enough), and the card of the leaf under review — its rule
//! and criteria, the score with its explanation, each deduction with the evidence it cites,
//! the justification, the checks, and the review comments so far.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, inner, tree::status_mark};
use crate::diagnostic::Severity;
use crate::model::RuleKind;
use crate::scoring::LeafState;
use crate::scoring::explain::node_lines;
use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::{App, ReviewFilter, ReviewOrder};
use crate::tui::components::text::{fit, truncate, width, wrap_parts, wrap_text};
use crate::tui::strings::{Lang, Msg, status_label};

/// Where the parts of review mode go inside `main` (the screen between title and status bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewAreas {
    pub header: Rect,
    pub list: Rect,
    pub card: Rect,
}

pub fn split(main: Rect) -> ReviewAreas {
    let header_h = u16::from(main.height >= 4);
    let body = Rect::new(
        main.x,
        main.y + header_h,
        main.width,
        main.height - header_h,
    );
    let header = Rect::new(main.x, main.y, main.width, header_h);
    if main.width >= 100 {
        let list_w = (main.width * 35 / 100).min(44);
        ReviewAreas {
            header,
            list: Rect::new(body.x, body.y, list_w, body.height),
            card: Rect::new(body.x + list_w, body.y, body.width - list_w, body.height),
        }
    } else {
        ReviewAreas {
            header,
            list: Rect::new(body.x, body.y, 0, body.height),
            card: body,
        }
    }
}

/// The screen between the title line and the status bar, at the app's size.
pub fn main_area(app: &App) -> Rect {
    let a = super::app_layout(app);
    let top = a.title.y + a.title.height;
    Rect::new(0, top, app.size.0, a.status.y.saturating_sub(top))
}

/// Rows of card text on screen.
pub fn card_height(app: &App) -> usize {
    inner(split(main_area(app)).card).height as usize
}

/// How far the card of the leaf under review can scroll.
pub fn max_scroll(app: &App) -> usize {
    let card = inner(split(main_area(app)).card);
    card_lines(app, card.width as usize)
        .len()
        .saturating_sub(card.height as usize)
}

/// "复核 第 2/10 项 · 已复核 3/10 │ a:失分指标 o:按指标顺序 U/F:全部".
pub fn header_text(app: &App) -> String {
    let Some(r) = &app.review else {
        return String::new();
    };
    let items = app.review_items();
    let pos =
        r.at.and_then(|a| items.iter().position(|&i| i == a))
            .map_or("–".to_string(), |k| (k + 1).to_string());
    let (done, all) = app.review_progress();
    let scope = app.t(if r.all {
        Msg::ReviewScopeAll
    } else {
        Msg::ReviewScopeLost
    });
    let order = app.t(match r.order {
        ReviewOrder::Tree => Msg::ReviewOrderTree,
        ReviewOrder::PointsLost => Msg::ReviewOrderPoints,
    });
    let filter = app.t(match r.filter {
        ReviewFilter::All => Msg::ReviewFilterAll,
        ReviewFilter::Unreviewed => Msg::ReviewFilterUnreviewed,
        ReviewFilter::Flagged => Msg::ReviewFilterFlagged,
    });
    format!(
        "{} {} · {}{}a:{scope} o:{order} U/F:{filter}",
        app.t(Msg::ReviewTitle),
        app.tf(Msg::ReviewPosition, &[&pos, &items.len().to_string()]),
        app.tf(Msg::ReviewProgress, &[&done.to_string(), &all.to_string()]),
        app.theme.separator(),
    )
}

/// The header at `w` columns: on narrow screens the progress goes first (the status bar has
/// it too), so the settings and their keys stay readable.
fn header_fit(app: &App, w: usize) -> String {
    let full = format!(" {}", header_text(app));
    if width(&full) <= w {
        return full;
    }
    let sep = app.theme.separator();
    match (full.split_once(" · "), full.split_once(sep)) {
        (Some((head, _)), Some((_, settings))) => {
            truncate(&format!("{head}{sep}{settings}"), w, app.theme.ellipsis())
        }
        _ => truncate(&full, w, app.theme.ellipsis()),
    }
}

struct Card<'a> {
    app: &'a App,
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Card<'_> {
    fn text(&mut self, lead: &str, body: &str, style: Style) {
        let indent = width(lead);
        let room = self.width.saturating_sub(indent).max(1);
        for (k, l) in wrap_text(body, room).into_iter().enumerate() {
            let head = if k == 0 {
                lead.to_string()
            } else {
                " ".repeat(indent)
            };
            self.lines
                .push(Line::from(Span::styled(format!("{head}{l}"), style)));
        }
    }

    fn heading(&mut self, msg: Msg) {
        let style = self.app.theme.heading();
        self.text("", self.app.t(msg), style);
    }
}

/// The card of the leaf under review, wrapped to `width` columns.
pub fn card_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut c = Card {
        app,
        width: width.max(1),
        lines: Vec::new(),
    };
    let Some(i) = app.review.as_ref().and_then(|r| r.at) else {
        c.text("", app.t(app.empty_reason()), app.theme.label());
        return c.lines;
    };
    let p = app.project();
    let ind = &p.indicators[i];
    let a = &ind.assessment;
    let node = &app.card.nodes[i];
    let places = p.framework.places;
    let t = |m| app.t(m);
    let plain_style = Style::new();
    // A name the border cuts with "…" is given in full first.
    let full = ind.label_with_key();
    if crate::tui::components::text::width(&full) > c.width.saturating_sub(2) {
        c.text("", &full, app.theme.heading());
    }

    // Where it sits, and the figures.
    let path: Vec<String> = app
        .card
        .tree
        .ancestors(i)
        .into_iter()
        .rev()
        .filter(|&x| x != i)
        .map(|x| p.indicators[x].label())
        .collect();
    if !path.is_empty() {
        c.text("", &path.join(" › "), app.theme.label());
    }
    let state = node.leaf.as_ref().map(|l| &l.state);
    let mut summary = vec![format!("{} {}", t(Msg::Weight), plain(ind.weight))];
    summary.push(format!("{} {}", t(Msg::Score), fixed(node.score, places)));
    if let Some(r) = node.rate {
        summary.push(format!("{} {}%", t(Msg::Rate), fixed(r, 2)));
    }
    let lost = app.lost(i);
    if !lost.is_zero() {
        summary.push(app.tf(Msg::LostPoints, &[&fixed(lost, places)]));
    }
    summary.push(match state {
        Some(LeafState::NotApplicable(_)) => t(Msg::Na).to_string(),
        Some(LeafState::Unscorable(_)) => t(Msg::Unscorable).to_string(),
        Some(LeafState::Incomplete(missing)) => {
            app.tf(Msg::IncompleteMissing, &[&missing.join("、")])
        }
        _ => status_label(app, a.status).to_string(),
    });
    // Each figure whole on its line: "已评" is never split across lines.
    for l in wrap_parts(&summary, "  ", c.width) {
        c.lines.push(Line::from(Span::styled(l, app.theme.title())));
    }
    compare_lines(&mut c, i);
    for (label, value) in [(Msg::Target, &ind.target), (Msg::DataSource, &ind.source)] {
        if !value.trim().is_empty() {
            c.text(
                &format!("{}{}", t(label), t(Msg::Colon)),
                value.trim(),
                plain_style,
            );
        }
    }

    // The rule and what it gives.
    if !ind.criteria.is_empty() && !matches!(ind.rule.kind, RuleKind::Checkpoints { .. }) {
        c.heading(Msg::SecCriteria);
        for cr in &ind.criteria {
            c.text("", cr, plain_style);
        }
    }
    let kind = &ind.rule.kind;
    let name = match app.lang {
        Lang::Zh => kind.label().to_string(),
        Lang::En => format!("{} ({})", kind.name(), kind.label()),
    };
    c.text(
        "",
        &format!("{}{name}", t(Msg::SecRule)),
        app.theme.heading(),
    );
    for l in node_lines(p, &app.card, i, app.report_lang()) {
        c.text("  ", &l, plain_style);
    }

    // Each deduction with the evidence it rests on.
    c.heading(Msg::SecDeductionsReview);
    if a.deductions.is_empty() {
        c.text("  ", t(Msg::NoDeductions), app.theme.label());
    }
    for d in &a.deductions {
        let amount = super::deduction_amount(d, app.project().framework.places);
        let group = d
            .group
            .as_ref()
            .map(|g| format!("[{g}] "))
            .unwrap_or_default();
        let reason = if d.reason.trim().is_empty() {
            "?".to_string()
        } else {
            d.reason.trim().to_string()
        };
        c.text(
            &format!("  {amount}  "),
            &format!("{group}{reason}"),
            plain_style,
        );
        if d.evidence.is_empty() {
            c.text("      ", t(Msg::NoEvidenceCited), app.theme.label());
        }
        for title in &d.evidence {
            match a.evidence.iter().find(|e| &e.title == title) {
                Some(e) => {
                    let mut s = e.title.clone();
                    if !e.at.is_empty() {
                        s.push_str(&format!("（{}）", e.at));
                    }
                    if !e.note.is_empty() {
                        s.push_str(&format!("{}{}", t(Msg::Colon), e.note));
                    }
                    c.text(&format!("      {}", t(Msg::CitesEvidence)), &s, plain_style);
                }
                None => c.text(
                    "      ! ",
                    &app.tf(Msg::EvidenceMissing, &[title]),
                    app.theme.warning(),
                ),
            }
        }
    }
    // Evidence no deduction cites (the cited items are shown with their deduction above).
    let other: Vec<_> = a
        .evidence
        .iter()
        .filter(|e| !a.deductions.iter().any(|d| d.evidence.contains(&e.title)))
        .collect();
    if !other.is_empty() {
        c.heading(if other.len() == a.evidence.len() {
            Msg::SecEvidence
        } else {
            Msg::SecOtherEvidence
        });
        for e in other {
            let mut s = e.title.clone();
            if !e.at.is_empty() {
                s.push_str(&format!("（{}）", e.at));
            }
            if !e.note.is_empty() {
                s.push_str(&format!("{}{}", t(Msg::Colon), e.note));
            }
            c.text("  ", &s, plain_style);
        }
    }

    c.heading(Msg::SecJustification);
    if a.justification.trim().is_empty() {
        c.text("  ", t(Msg::NoRuleTexts), app.theme.label());
    } else {
        for para in a.justification.trim().lines() {
            c.text("  ", para, plain_style);
        }
    }
    if let Some(diags) = app.node_diagnostics.get(i).filter(|d| !d.is_empty()) {
        c.heading(Msg::SecWarnings);
        for d in diags {
            let style = if d.severity == Severity::Error {
                app.theme.error()
            } else {
                app.theme.warning()
            };
            c.text("! ", &d.text(app.lang), style);
        }
    }

    c.heading(Msg::SecReviews);
    if a.reviews.is_empty() {
        c.text("  ", t(Msg::NoReviews), app.theme.label());
    }
    for r in &a.reviews {
        let (tag, style) = if r.approved {
            (t(Msg::ReviewApprovedTag), app.theme.good())
        } else {
            (t(Msg::ReviewFlaggedTag), app.theme.warning())
        };
        let mut s = format!("{} {}", r.by, crate::time::show_stamp(&r.at));
        if !r.text.trim().is_empty() {
            s.push_str(&format!("{}{}", t(Msg::Colon), r.text.trim()));
        }
        let lead = format!("  [{tag}] ");
        c.text(&lead, &s, style);
    }
    c.lines
}

/// The other evaluator's view of leaf `i`, when a file is compared.
fn compare_lines(c: &mut Card, i: usize) {
    for (lead, body, style) in super::compare::rows(c.app, i) {
        c.text(&lead, &body, style);
    }
}

fn draw_list(f: &mut Frame, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    f.render_widget(
        block(
            &app.theme,
            format!(" {} ", app.t(Msg::ReviewListTitle)),
            false,
        ),
        area,
    );
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    let items = app.review_items();
    let at = app.review.as_ref().and_then(|r| r.at);
    let pos = at
        .and_then(|a| items.iter().position(|&i| i == a))
        .unwrap_or(0);
    let h = body.height as usize;
    let offset = (pos + 1).saturating_sub(h);
    let places = app.project().framework.places;
    let w = body.width as usize;
    let lost_w = items
        .iter()
        .map(|&i| width(&fixed(app.lost(i), places)) + 1)
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for &i in items.iter().skip(offset).take(h) {
        let ind = &app.project().indicators[i];
        let lost = format!("-{}", fixed(app.lost(i), places));
        // "?" a flag is open on it; "≠" the compared file scores it differently.
        let flag = if app.is_flagged(i) { "?" } else { " " };
        let differs = if app.disagrees(i) {
            app.theme.disagree_mark()
        } else {
            " "
        };
        let right = format!(
            " {}{lost} {}{flag}{differs}",
            " ".repeat(lost_w.saturating_sub(width(&lost))),
            status_mark(app, i)
        );
        let marker = if Some(i) == at { "> " } else { "  " };
        let left = fit(
            &format!("{marker}{}", ind.label()),
            w.saturating_sub(width(&right)),
            app.theme.ellipsis(),
        );
        let style = if Some(i) == at {
            app.theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(
            truncate(&format!("{left}{right}"), w, ""),
            style,
        )));
    }
    f.render_widget(Paragraph::new(lines), body);
}

/// Draws review mode into `main`.
pub fn draw(f: &mut Frame, app: &App, main: Rect) {
    if main.width == 0 || main.height == 0 {
        return;
    }
    let a = split(main);
    if a.header.height > 0 {
        let text = header_fit(app, a.header.width as usize);
        f.render_widget(
            Paragraph::new(Span::styled(text, app.theme.heading())),
            a.header,
        );
    }
    draw_list(f, app, a.list);
    let focused = app.popup.is_none();
    let title = match app.review.as_ref().and_then(|r| r.at) {
        Some(i) => {
            let ind = &app.project().indicators[i];
            format!(" {} ", ind.label_with_key())
        }
        None => format!(" {} ", app.t(Msg::ReviewTitle)),
    };
    let body = inner(a.card);
    let title = format!(
        " {} ",
        truncate(
            title.trim(),
            (body.width as usize).saturating_sub(2),
            app.theme.ellipsis()
        )
    );
    let all = card_lines(app, body.width as usize);
    let h = body.height as usize;
    let scroll = app
        .review
        .as_ref()
        .map_or(0, |r| r.scroll)
        .min(all.len().saturating_sub(h));
    let hint_room = (a.card.width as usize).saturating_sub(16);
    let hint = truncate(app.t(Msg::ReviewHint), hint_room, app.theme.ellipsis());
    let mut b = block(&app.theme, title, focused).title_bottom(Line::from(Span::styled(
        format!(" {hint} "),
        app.theme.label(),
    )));
    if all.len() > h && h > 0 {
        let last = (scroll + h).min(all.len());
        b = b.title_bottom(
            Line::from(format!(" {}-{}/{} ", scroll + 1, last, all.len()))
                .alignment(Alignment::Right),
        );
    }
    f.render_widget(b, a.card);
    if body.width == 0 || body.height == 0 {
        return;
    }
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(h).collect();
    f.render_widget(Paragraph::new(shown), body);
}

/// The review walk as plain text (for `jixiao review` without a terminal, and the docs): the
/// header, then each leaf's card.
pub fn walk_text(app: &mut App, width: usize) -> String {
    let saved = app.review.as_ref().and_then(|r| r.at);
    let items = app.review_items();
    let header = header_text(app);
    // Without the position ("第 1/10 项 · "): the text is the whole walk.
    let header = header
        .split_once(" · ")
        .map_or(header.clone(), |(_, rest)| {
            format!("{} {}", app.t(Msg::ReviewTitle), rest)
        });
    let mut out = format!("{header}\n");
    if items.is_empty() {
        out.push_str(app.t(app.empty_reason()));
        out.push('\n');
    }
    for i in items {
        if let Some(r) = &mut app.review {
            r.at = Some(i);
        }
        let ind = &app.project().indicators[i];
        out.push_str(&format!("\n== {} {} ==\n", ind.code, ind.name));
        for l in card_lines(app, width) {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            out.push_str(s.trim_end());
            out.push('\n');
        }
    }
    if let Some(r) = &mut app.review {
        r.at = saved;
    }
    out
}
