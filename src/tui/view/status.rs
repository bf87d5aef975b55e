//! The status bar: the score line (total, grade, progress, each level-1 score and rate) and the
//! line for the file, messages and the search prompt.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::App;
use crate::tui::components::text::{truncate, width};
use crate::tui::strings::Msg;

/// The score line (total, grade, each level-1 score and rate), as detailed as `w` allows.
pub fn score_line(app: &App, w: usize) -> String {
    let p = app.project();
    let card = &app.card;
    let places = p.framework.places;
    // While leaves are 未评 or 未完成 the total is provisional (暂计), with the progress
    // instead of a grade.
    let mut head = if card.provisional() {
        format!(
            "{} {}/{} ({}/{})",
            app.t(Msg::Provisional),
            fixed(card.total, places),
            plain(card.max),
            card.scored_leaves,
            card.leaves
        )
    } else {
        format!(
            "{} {}/{} {}",
            app.t(Msg::Total),
            fixed(card.total, places),
            plain(card.max),
            card.grade.as_deref().unwrap_or("-")
        )
    };
    // The level-1 scores add up to the base; say what the 加减分项 add to it.
    if let Some(o) = card.adjustments.as_ref().filter(|o| !o.net.is_zero()) {
        head.push_str(&format!(
            "（{} {}）",
            app.t(Msg::AdjScoreLine),
            super::tree::signed(o.net, places)
        ));
    }
    let level1 = |detail: u8| -> Vec<String> {
        card.tree
            .roots
            .iter()
            .map(|&r| {
                let ind = &p.indicators[r];
                let n = &card.nodes[r];
                let rate = n
                    .rate
                    .map(|r| format!(" {}%", fixed(r, 2)))
                    .unwrap_or_default();
                // Over what has been scored so far, beside the rate over the full weight.
                let so_far = n
                    .rate_so_far()
                    .map(|r| app.tf(Msg::RateSoFar, &[&fixed(r, 2)]))
                    .unwrap_or_default();
                // The code the report prints; its name where it prints none.
                let code = ind.display_code();
                let short = if code.is_empty() { &ind.name } else { code };
                match detail {
                    3 => format!(
                        "{}{} {}/{}{rate}{so_far}",
                        code,
                        ind.name,
                        fixed(n.score, places),
                        plain(n.weight)
                    ),
                    2 => format!(
                        "{}{} {}/{}{rate}",
                        code,
                        ind.name,
                        fixed(n.score, places),
                        plain(n.weight)
                    ),
                    1 => format!("{short} {}{rate}", fixed(n.score, places)),
                    _ => format!("{short} {}", fixed(n.score, places)),
                }
            })
            .collect()
    };
    let sep = app.theme.separator();
    for (detail, gap) in [
        (3u8, "  "),
        (2, "  "),
        (1, "  "),
        (1, " "),
        (0, "  "),
        (0, " "),
    ] {
        let line = format!("{head}{sep}{}", level1(detail).join(gap));
        if width(&line) <= w {
            return line;
        }
    }
    truncate(&head, w, app.theme.ellipsis())
}

/// Scored leaves / all leaves; in review mode, reviewed / to review.
fn progress(app: &App) -> String {
    if app.in_review() {
        let (done, all) = app.review_progress();
        return app.tf(Msg::ReviewProgress, &[&done.to_string(), &all.to_string()]);
    }
    format!(
        "{} {}/{}",
        app.t(Msg::Progress),
        app.card.scored_leaves,
        app.card.leaves
    )
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let w = area.width as usize;
    let bottom = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    if area.height >= 2 {
        let top = Rect::new(area.x, area.y, area.width, 1);
        f.render_widget(
            Paragraph::new(Span::styled(score_line(app, w), app.theme.title())),
            top,
        );
    } else if app.message.is_none() && app.search.is_none() {
        // One line only: the score, marked when there are unsaved changes.
        let mark = if app.unsaved() { "*" } else { "" };
        let line = format!("{mark}{}", score_line(app, w.saturating_sub(mark.len())));
        f.render_widget(
            Paragraph::new(Span::styled(line, app.theme.title())),
            bottom,
        );
        return;
    }
    if let Some(input) = &app.search {
        let prompt = format!("/ {}", app.t(Msg::SearchPrompt));
        let pw = width(&prompt).min(w.saturating_sub(4));
        let prompt = truncate(&prompt, pw, "");
        let (shown, col) = input.view(w.saturating_sub(width(&prompt)));
        let mut spans = vec![
            Span::styled(prompt.clone(), app.theme.heading()),
            Span::raw(shown),
        ];
        if let Some(m) = &app.message {
            let rest = w.saturating_sub(width(&prompt) + width(&input.text()) + 2);
            if rest > 4 {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(
                    truncate(&m.text, rest, app.theme.ellipsis()),
                    app.theme.warning(),
                ));
            }
        }
        f.render_widget(Paragraph::new(Line::from(spans)), bottom);
        if app.popup.is_none() {
            let x = (width(&prompt) + col).min(w.saturating_sub(1)) as u16;
            f.set_cursor_position(Position::new(bottom.x + x, bottom.y));
        }
        return;
    }
    if let Some(m) = &app.message
        && area.height >= 2
        && width(&m.text) > message_room(app, w)
    {
        return two_line_message(f, app, m, area);
    }
    if let Some(m) = app.message.as_ref().filter(|_| w < 60) {
        // Narrow: the message is what matters.
        let style = if m.error {
            app.theme.error()
        } else {
            app.theme.good()
        };
        let msg = Span::styled(truncate(&m.text, w, app.theme.ellipsis()), style);
        f.render_widget(Paragraph::new(msg), bottom);
        return;
    }
    let hint = format!(" {}", app.t(Msg::HelpHint));
    let mut spans = Vec::new();
    let mut used = 0;
    if app.unsaved() {
        let mark = format!("{} ", app.t(Msg::Unsaved));
        used += width(&mark);
        spans.push(Span::styled(mark, app.theme.unsaved()));
    }
    let name = app
        .file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let room = w.saturating_sub(used + width(&hint));
    let sep = app.theme.separator();
    let name = truncate(&name, room.min(24), app.theme.ellipsis());
    let others = if app.others.is_empty() {
        String::new()
    } else {
        format!(
            "{sep}{}",
            app.tf(Msg::OthersOpen, &[&app.others.join(", ")])
        )
    };
    let gaps = app
        .weight_gap_text()
        .map(|g| {
            format!(
                "{sep}{}",
                app.tf(
                    crate::tui::strings::Msg::Design(crate::tui::strings::DesignMsg::GapStatus),
                    &[&g]
                )
            )
        })
        .unwrap_or_default();
    let info = truncate(
        &format!("{name}{sep}{}{gaps}{others}", progress(app)),
        room,
        app.theme.ellipsis(),
    );
    used += width(&info);
    spans.push(Span::raw(info));
    if let Some(m) = &app.message {
        let rest = w.saturating_sub(used + width(sep) + width(&hint));
        if rest >= 6 {
            let msg = truncate(&m.text, rest, app.theme.ellipsis());
            used += width(sep) + width(&msg);
            let style = if m.error {
                app.theme.error()
            } else {
                app.theme.good()
            };
            spans.push(Span::raw(sep));
            spans.push(Span::styled(msg, style));
        }
    }
    if used + width(&hint) <= w {
        spans.push(Span::raw(" ".repeat(w - used - width(&hint))));
        spans.push(Span::styled(hint, app.theme.label()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), bottom);
}

/// Whether the message takes over the status lines this frame (see `two_line_message`).
pub fn message_takes_over(app: &App, w: usize) -> bool {
    app.message
        .as_ref()
        .is_some_and(|m| width(&m.text) > message_room(app, w))
}

/// The columns a message gets on the bottom line beside the file name, progress and `?` hint.
fn message_room(app: &App, w: usize) -> usize {
    if w < 60 {
        return w;
    }
    let hint = width(app.t(Msg::HelpHint)) + 1;
    let mark = if app.unsaved() {
        width(app.t(Msg::Unsaved)) + 1
    } else {
        0
    };
    let name = app
        .file
        .path
        .file_name()
        .map(|n| width(&n.to_string_lossy()).min(24))
        .unwrap_or(0);
    let sep = width(app.theme.separator());
    let others = if app.others.is_empty() {
        0
    } else {
        sep + width(&app.tf(Msg::OthersOpen, &[&app.others.join(", ")]))
    };
    let info = (name + sep + width(&progress(app)) + others).min(w.saturating_sub(mark + hint));
    w.saturating_sub(mark + info + sep + hint)
}

/// A message too long for its place beside the file name takes the whole bottom line; longer
/// than a line, it takes both status lines (the score line returns with the next key); past two
/// lines it ends in "…" and points at the message log, which keeps it whole.
fn two_line_message(f: &mut Frame, app: &App, m: &crate::tui::app::Message, area: Rect) {
    let w = area.width as usize;
    let style = if m.error {
        app.theme.error()
    } else {
        app.theme.good()
    };
    let bottom = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    if width(&m.text) <= w {
        // It fits on a line of its own: the bottom line is the message's (after the unsaved
        // mark when there is room), the score line stays.
        let mark = format!("{} ", app.t(Msg::Unsaved));
        let mut spans = Vec::new();
        if app.unsaved() && width(&mark) + width(&m.text) <= w {
            spans.push(Span::styled(mark, app.theme.unsaved()));
        }
        spans.push(Span::styled(m.text.clone(), style));
        f.render_widget(Paragraph::new(Line::from(spans)), bottom);
        return;
    }
    let mut lines = crate::tui::components::text::wrap(&m.text, w);
    if lines.len() > 2 {
        let more = format!("{} {}", app.theme.ellipsis(), app.t(Msg::MoreInLog));
        let keep = w.saturating_sub(width(&more));
        lines.truncate(2);
        lines[1] = format!("{}{more}", truncate(&lines[1], keep, ""));
    }
    let top = area.y + area.height - 2;
    for (k, line) in lines.iter().enumerate() {
        let pad = w.saturating_sub(width(line));
        let row = Rect::new(area.x, top + k as u16, area.width, 1);
        f.render_widget(
            Paragraph::new(Span::styled(format!("{line}{}", " ".repeat(pad)), style)),
            row,
        );
    }
    if lines.len() == 1 {
        let row = Rect::new(area.x, top + 1, area.width, 1);
        f.render_widget(Paragraph::new(" ".repeat(w)), row);
    }
}
