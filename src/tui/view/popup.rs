//! Popups drawn over the panes: prompts, forms, lists and the justification editor. Each
//! shows its error in place and puts the terminal cursor where text goes, so an input method's
//! candidate window appears at the right spot.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, inner};
use crate::tui::app::{App, FormFor, PickFor, Popup};
use crate::tui::components::LineInput;
use crate::tui::components::text::{fit, truncate, width, wrap, wrap_text};
use crate::tui::strings::{Msg, RuleFormMsg};

/// A `w`×`h` rectangle centred in `area`, shrunk to fit.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Width of prompts, forms and lists.
fn dialog_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).clamp(area.width.min(20), 72)
}

/// The editor's (and help's) box: the screen above the status bar, which stays in view.
pub fn large(area: Rect) -> Rect {
    if area.height >= 10 {
        Rect::new(area.x, area.y, area.width, area.height - 2)
    } else {
        area
    }
}

/// Columns and rows of text inside the editor (the last row holds the hint).
pub fn editor_text_size(area: Rect) -> (usize, usize) {
    let body = inner(large(area));
    (body.width as usize, body.height.saturating_sub(1) as usize)
}

struct Dialog {
    lines: Vec<Line<'static>>,
    cursor: Option<(u16, u16)>,
}

impl Dialog {
    fn wrapped(&mut self, text: &str, w: usize, style: Style) {
        for l in wrap_text(text, w) {
            self.lines.push(Line::from(Span::styled(l, style)));
        }
    }

    /// `label` then the input; the cursor goes into it when `active`.
    fn input(&mut self, label: &str, input: &LineInput, w: usize, active: bool, app: &App) {
        let lead = if label.is_empty() {
            "> ".to_string()
        } else {
            format!("{label}{}", app.t(Msg::Colon))
        };
        let lead = truncate(&lead, w / 2, "");
        let room = w.saturating_sub(width(&lead));
        let (shown, col) = input.view(room);
        if active {
            self.cursor = Some(((width(&lead) + col) as u16, self.lines.len() as u16));
        }
        let style = if active {
            app.theme.selected()
        } else {
            Style::new()
        };
        self.lines.push(Line::from(vec![
            Span::styled(lead, app.theme.label()),
            Span::styled(fit(&shown, room, ""), style),
        ]));
    }

    fn footer(&mut self, error: &Option<String>, hint: &str, w: usize, app: &App) {
        if let Some(e) = error {
            self.wrapped(e, w, app.theme.error());
        }
        self.lines.push(Line::from(Span::styled(
            truncate(hint, w, app.theme.ellipsis()),
            app.theme.label(),
        )));
    }

    fn show(self, f: &mut Frame, app: &App, area: Rect, title: &str, w: u16) {
        let h = (self.lines.len() as u16).saturating_add(2);
        let r = centered(area, w, h);
        clear(f, r);
        let title = if title.is_empty() {
            String::new()
        } else {
            let room = w.saturating_sub(4) as usize;
            format!(" {} ", truncate(title, room, app.theme.ellipsis()))
        };
        f.render_widget(block(&app.theme, title, true), r);
        let body = inner(r);
        if body.height == 0 || body.width == 0 {
            return;
        }
        let cursor = self.cursor;
        // When the box is too short, keep the lines around the cursor.
        let skip = cursor.map_or(0, |(_, y)| {
            (y as usize + 1).saturating_sub(body.height as usize)
        });
        f.render_widget(
            Paragraph::new(self.lines.into_iter().skip(skip).collect::<Vec<_>>()),
            body,
        );
        if let Some((x, y)) = cursor {
            let y = y - skip as u16;
            if x < body.width && y < body.height {
                f.set_cursor_position(Position::new(body.x + x, body.y + y));
            }
        }
    }
}

pub fn draw(f: &mut Frame, app: &App, popup: &Popup, area: Rect) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let w = dialog_width(area);
    let tw = w.saturating_sub(2) as usize;
    let mut d = Dialog {
        lines: Vec::new(),
        cursor: None,
    };
    match popup {
        Popup::Prompt(p) => {
            d.wrapped(&p.title, tw, app.theme.title());
            d.input("", &p.input, tw, true, app);
            d.footer(&p.error, app.t(Msg::PromptHint), tw, app);
            d.show(f, app, area, "", w);
        }
        Popup::Form(form) => {
            let label_w = form.labels.iter().map(|l| width(l)).max().unwrap_or(0);
            for (k, (label, input)) in form.labels.iter().zip(&form.inputs).enumerate() {
                d.input(&fit(label, label_w, ""), input, tw, k == form.focus, app);
            }
            if let FormFor::Rule(rf) = &form.purpose {
                // What the focused field takes, then what the rule as typed gives, live.
                d.wrapped(&app.rule_field_hint(form, rf), tw, app.theme.label());
                if !rf.preview.is_empty() {
                    d.wrapped(
                        app.t(Msg::RuleForm(RuleFormMsg::Preview)),
                        tw,
                        app.theme.title(),
                    );
                    for line in &rf.preview {
                        d.wrapped(line, tw, Style::new());
                    }
                }
                d.footer(
                    &form.error,
                    app.t(Msg::RuleForm(RuleFormMsg::Hint)),
                    tw,
                    app,
                );
                d.show(f, app, area, &form.title, w);
                return;
            }
            d.footer(&form.error, app.t(Msg::FormHint), tw, app);
            d.show(f, app, area, &form.title, w);
        }
        Popup::Picker(p) => {
            // As wide as the longest item needs, within the dialog width.
            let need = p
                .items
                .iter()
                .map(|i| width(i) + 2)
                .chain([width(&p.title) + 4, width(app.t(Msg::PickerHint))])
                .max()
                .unwrap_or(0);
            // The recovery offer lists what restoring would change before the choices.
            let notes: &[String] = match &p.purpose {
                PickFor::Criteria { hint: changes, .. }
                | PickFor::Recovery { changes, .. }
                | PickFor::Conflict { changes }
                | PickFor::MergeConflict { changes, .. } => changes,
                _ => &[],
            };
            let need = notes
                .iter()
                .map(|n| width(n) + 2)
                .chain([need])
                .max()
                .unwrap_or(need);
            let w = (need as u16 + 2).clamp(w.min(30), w);
            let tw = w.saturating_sub(2) as usize;
            let shown_notes = notes.len().min((area.height as usize).saturating_sub(9));
            for note in notes.iter().take(shown_notes) {
                d.lines.push(Line::from(Span::styled(
                    fit(&format!("· {note}"), tw, app.theme.ellipsis()),
                    app.theme.label(),
                )));
            }
            if notes.len() > shown_notes {
                d.lines.push(Line::from(Span::styled(
                    format!("… +{}", notes.len() - shown_notes),
                    app.theme.label(),
                )));
            }
            if !notes.is_empty() {
                d.lines.push(Line::from(""));
            }
            let used = d.lines.len() as u16;
            let room = area
                .height
                .saturating_sub(4 + used + u16::from(p.error.is_some()))
                as usize;
            let first = (p.selected + 1).saturating_sub(room.max(1));
            for (k, item) in p.items.iter().enumerate().skip(first).take(room.max(1)) {
                let style = if k == p.selected {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let text = format!("{} {item}", k + 1);
                d.lines.push(Line::from(Span::styled(
                    fit(&text, tw, app.theme.ellipsis()),
                    style,
                )));
            }
            d.footer(&p.error, app.t(Msg::PickerHint), tw, app);
            d.show(f, app, area, &p.title, w);
        }
        Popup::Editor(e) => editor(f, app, e, area),
        Popup::Help { scroll } => super::help::draw(f, app, *scroll, area),
        Popup::Log { scroll } => log(f, app, *scroll, area),
    }
}

fn editor(f: &mut Frame, app: &App, e: &crate::tui::app::EditorPopup, area: Rect) {
    let r = large(area);
    clear(f, r);
    f.render_widget(block(&app.theme, format!(" {} ", e.title), true), r);
    let body = inner(r);
    if body.height == 0 || body.width == 0 {
        return;
    }
    let (tw, th) = editor_text_size(area);
    let rows = e.editor.rows(tw);
    let (cr, cc) = e.editor.cursor_pos(&rows);
    let shown: Vec<Line> = rows
        .iter()
        .skip(e.editor.top)
        .take(th)
        .map(|r| Line::raw(e.editor.row_text(r)))
        .collect();
    f.render_widget(
        Paragraph::new(shown),
        Rect::new(body.x, body.y, body.width, th as u16),
    );
    let (hint, style) = match (&e.error, e.esc_armed) {
        (Some(err), _) => (err.clone(), app.theme.error()),
        (None, true) => (app.t(Msg::EscAgain).to_string(), app.theme.warning()),
        (None, false) => (app.t(Msg::EditorHint).to_string(), app.theme.label()),
    };
    let hint_row = Rect::new(body.x, body.y + body.height - 1, body.width, 1);
    f.render_widget(
        Paragraph::new(Span::styled(
            truncate(&hint, tw, app.theme.ellipsis()),
            style,
        )),
        hint_row,
    );
    if cr >= e.editor.top && cr < e.editor.top + th && cc < tw {
        f.set_cursor_position(Position::new(
            body.x + cc as u16,
            body.y + (cr - e.editor.top) as u16,
        ));
    }
}

/// The message log: every message since the workbench opened, newest at the bottom, each
/// wrapped whole; `scroll` lines up from the newest.
fn log(f: &mut Frame, app: &App, scroll: usize, area: Rect) {
    let r = large(area);
    clear(f, r);
    let mut frame = block(&app.theme, format!(" {} ", app.t(Msg::LogTitle)), true);
    let body = inner(r);
    let w = body.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (k, m) in app.log.iter().enumerate() {
        let style = if m.error {
            app.theme.error()
        } else {
            app.theme.good()
        };
        let number = format!("{:>3} ", k + 1);
        let rest = w.saturating_sub(number.len()).max(1);
        for (j, part) in wrap(&m.text, rest).into_iter().enumerate() {
            let lead = if j == 0 {
                number.clone()
            } else {
                " ".repeat(number.len())
            };
            lines.push(Line::from(vec![
                Span::styled(lead, app.theme.label()),
                Span::styled(part, style),
            ]));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(Msg::LogEmpty).to_string(),
            app.theme.label(),
        )));
    }
    let h = body.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(h));
    let end = lines.len() - scroll;
    let start = end.saturating_sub(h);
    if lines.len() > h && h > 0 {
        let place = format!(" j/k PgUp {}-{}/{} ", start + 1, end, lines.len());
        frame = frame.title_bottom(Line::from(place).alignment(ratatui::layout::Alignment::Right));
    }
    f.render_widget(frame, r);
    if body.width == 0 || body.height == 0 {
        return;
    }
    f.render_widget(Paragraph::new(lines[start..end].to_vec()), body);
}

/// Clears `r` for a popup, and the wide characters (Chinese, full-width) that straddle its left
/// edge: the diff skips the cell after a wide character, so the popup's left border would never
/// be written where one stood half under it. The half that is left outside becomes a space.
pub fn clear(f: &mut Frame, r: Rect) {
    f.render_widget(Clear, r);
    if r.x == 0 {
        return;
    }
    let buf = f.buffer_mut();
    for y in r.y..r.bottom() {
        if let Some(cell) = buf.cell_mut((r.x - 1, y))
            && crate::tui::components::text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{Block, Borders, Paragraph};

    use super::*;

    /// What a terminal shows after the screen full of Chinese is drawn, then a popup over it
    /// whose left edge falls on the second half of a wide character.
    fn with_popup(fix: bool) -> String {
        let mut t = Terminal::new(TestBackend::new(12, 3)).unwrap();
        let text = "绩效绩效绩效\n绩效绩效绩效\n绩效绩效绩效";
        t.draw(|f| f.render_widget(Paragraph::new(text), f.area()))
            .unwrap();
        t.draw(|f| {
            f.render_widget(Paragraph::new(text), f.area());
            let r = Rect::new(3, 0, 6, 3);
            if fix {
                clear(f, r);
            } else {
                f.render_widget(Clear, r);
            }
            f.render_widget(Block::default().borders(Borders::ALL), r);
        })
        .unwrap();
        let buf = t.backend().buffer();
        (0..3)
            .map(|y| {
                (0..12)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_wide_character_half_under_a_popup_does_not_eat_its_border() {
        // Without clearing the straddling character, the left border is never sent.
        // Without clearing the straddling character the left border is never sent: the
        // terminal keeps 效 across the popup's edge.
        let unfixed = with_popup(false);
        assert!(
            !unfixed
                .lines()
                .any(|l| l.contains('│') && l.starts_with("绩 效 │"))
        );
        assert!(unfixed.lines().all(|l| !l.contains('┌')), "{unfixed}");
        let shown = with_popup(true);
        // With it, the half outside becomes a space and the border is drawn.
        assert_eq!(
            shown, "绩  ┌────┐ 效 \n绩  │    │ 效 \n绩  └────┘ 效 ",
            "{shown}"
        );
    }
}
