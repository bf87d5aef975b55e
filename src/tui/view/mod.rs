//! Drawing: a pure function of the app's state. The layout functions are public so the app
//! can keep the selection on screen at the size the next frame is drawn at.

mod adjust;
pub mod compare;
pub mod detail;
pub mod help;
pub mod popup;
pub mod review;
pub mod status;
pub mod tree;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Focus};
use super::components::text::{truncate, width};
use super::strings::Msg;
use super::theme::Theme;
use crate::model::Deduction;
use crate::scoring::rounding::plain;

/// How a deduction's amount reads in a list: `-0.50` (in the framework's places, like every
/// score and the 合计扣 beside it), `3×` (a count), `?`.
pub(super) fn deduction_amount(d: &Deduction, places: u32) -> String {
    match (d.points, d.count) {
        (Some(p), _) => format!("-{}", crate::scoring::rounding::fixed(p, places)),
        (None, Some(c)) => format!("{}×", plain(c)),
        (None, None) => "?".into(),
    }
}

/// Where each part of the screen goes. Parts that do not fit have zero height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub tree: Rect,
    pub detail: Rect,
    pub status: Rect,
}

/// Side by side when there is room (the tree takes half, then 45% up to 64 columns; below 80
/// columns the focused pane takes three fifths, so the tree's names stay readable); stacked on
/// narrow screens, the focused pane larger; on very small ones only the focused pane.
pub fn layout(area: Rect, banner: bool, detail_focused: bool) -> Areas {
    let h = area.height;
    let status_h = if h >= 8 { 2 } else { h.min(1) };
    let title_h = u16::from(h >= 12 || (banner && h >= 4));
    let main_h = h - status_h - title_h;
    let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
    let title = row(0, title_h);
    let main = row(title_h, main_h);
    let status = row(title_h + main_h, status_h);
    let empty = |r: Rect| Rect::new(r.x, r.y, r.width, 0);
    let (tree, detail) = if area.width >= 60 {
        let w = area.width;
        let tree_w = if w < 80 {
            if detail_focused { w * 2 / 5 } else { w * 3 / 5 }
        } else if w < 100 {
            w / 2
        } else {
            (w * 45 / 100).min(64)
        };
        (
            Rect::new(main.x, main.y, tree_w, main.height),
            Rect::new(main.x + tree_w, main.y, w - tree_w, main.height),
        )
    } else if main_h < 10 {
        if detail_focused {
            (empty(main), main)
        } else {
            (main, empty(main))
        }
    } else {
        // The focused pane gets the larger share.
        let tree_h = if detail_focused {
            main_h * 2 / 5
        } else {
            main_h * 3 / 5
        };
        (
            Rect::new(main.x, main.y, main.width, tree_h),
            Rect::new(main.x, main.y + tree_h, main.width, main_h - tree_h),
        )
    };
    Areas {
        title,
        tree,
        detail,
        status,
    }
}

/// The layout for the app's current size.
pub fn app_layout(app: &App) -> Areas {
    layout(
        Rect::new(0, 0, app.size.0, app.size.1),
        app.read_only.is_some(),
        app.focus == Focus::Detail,
    )
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

pub fn block<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(if focused {
            theme.focused_border()
        } else {
            theme.border()
        })
        .title(Span::styled(title, theme.title()))
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let a = layout(area, app.read_only.is_some(), app.focus == Focus::Detail);
    title(f, app, a.title);
    if app.in_review() {
        review::draw(f, app, review::main_area(app));
    } else {
        tree::draw(f, app, a.tree);
        detail::draw(f, app, a.detail);
    }
    status::draw(f, app, a.status);
    if let Some(p) = &app.popup {
        popup::draw(f, app, p, area);
    }
    if app.ambiguous_width == 2 {
        narrow_ambiguous(f.buffer_mut());
    }
}

/// For terminals that draw East-Asian ambiguous characters two columns wide: the layout gave
/// each of them one column, so each is replaced by a one-column equivalent (box drawing by
/// ASCII, ①–⑨ by digits, “” by ", … by ., ▼ by v, ≥ by ⩾ …) and every line fits again.
pub fn narrow_ambiguous(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        let mut chars = cell.symbol().chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        if let Some(n) = one_column(c) {
            cell.set_char(n);
        }
    }
}

/// A one-column stand-in for `c` when a CJK terminal may draw `c` two columns wide.
pub fn one_column(c: char) -> Option<char> {
    use unicode_width::UnicodeWidthChar;
    if c.width() != Some(1) || c.width_cjk() == Some(1) {
        return None;
    }
    Some(match c {
        '─' | '━' | '┄' | '┈' | '═' => '-',
        '│' | '┃' | '┆' | '┊' | '║' => '|',
        '╭' | '╮' | '╰' | '╯' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' => {
            '+'
        }
        '①'..='⑨' => char::from_u32('1' as u32 + (c as u32 - '①' as u32)).unwrap_or('#'),
        '“' | '”' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '…' | '·' | '•' | '‧' => '.',
        '▼' | '▾' | '↓' => 'v',
        '▲' | '▴' | '↑' => '^',
        '▶' | '▸' | '→' => '>',
        '◀' | '◂' | '←' => '<',
        '≥' => '⩾',
        '≤' => '⩽',
        '×' => 'x',
        '÷' => '/',
        '−' | '–' | '—' | '―' => '-',
        '±' => '+',
        '°' => 'o',
        '※' | '★' | '☆' | '●' | '○' | '◆' | '◇' | '■' | '□' => '*',
        '√' | '✓' => 'v',
        '≠' => '#',
        _ => '?',
    })
}

fn title(f: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let w = area.width as usize;
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(holder) = &app.read_only {
        let banner = truncate(
            &format!(" {} ", app.tf(Msg::ReadOnly, &[holder])),
            w,
            app.theme.ellipsis(),
        );
        used += width(&banner);
        spans.push(Span::styled(banner, app.theme.banner()));
        spans.push(Span::raw(" "));
        used += 1;
    }
    let name = format!(" {}", app.project().title());
    let name = truncate(&name, w.saturating_sub(used), app.theme.ellipsis());
    used += width(&name);
    spans.push(Span::styled(name, app.theme.title()));
    if let Some(c) = &app.compare {
        let places = app.project().framework.places;
        let banner = app.tf(
            Msg::CompareBanner,
            &[
                &c.name(),
                &crate::scoring::rounding::fixed(c.card.total, places),
                c.card.grade.as_deref().unwrap_or("-"),
                &c.disagreements().to_string(),
            ],
        );
        let sep = app.theme.separator();
        let room = w.saturating_sub(used + width(sep));
        if room >= 8 {
            spans.push(Span::raw(sep));
            spans.push(Span::styled(
                truncate(&banner, room, app.theme.ellipsis()),
                app.theme.disagree(),
            ));
        }
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A buffer as the lines a terminal shows (a wide character's second cell is skipped), for
/// tests and snapshots.
pub fn buffer_lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < area.width {
                let sym = buf[(area.x + x, area.y + y)].symbol();
                line.push_str(sym);
                x += (width(sym) as u16).max(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}
