//! The help overlay, generated from the keymap: a key cannot work without being listed here.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup::large;
use super::{block, inner};
use crate::tui::app::App;
use crate::tui::components::text::{fit, width, wrap_parts, wrap_text};
use crate::tui::keymap::{Ctx, help_rows};
use crate::tui::strings::{Lang, Msg, fill, text};
use crate::tui::theme::Theme;

/// The help text at `w` columns: the marks legend, then each context's keys and what they do.
pub fn lines(lang: Lang, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let rows = help_rows();
    let key_w = rows
        .iter()
        .map(|r| width(&r.keys))
        .max()
        .unwrap_or(0)
        .clamp(1, (w / 3).clamp(1, 18));
    let mut out = Vec::new();
    // The mark for lost points is the tree's own (▼, or - with --ascii).
    // Each "mark=meaning" stays whole on its line ("检查警告或合并冲突", not "合并冲│突").
    let legend = fill(lang, Msg::Legend, &[theme.loss_mark()]);
    let parts: Vec<String> = legend.split(' ').map(str::to_string).collect();
    for l in wrap_parts(&parts, " ", w) {
        out.push(Line::raw(l));
    }
    for ctx in Ctx::ALL {
        out.push(Line::from(Span::styled(
            text(lang, ctx.title()).to_string(),
            theme.heading(),
        )));
        for r in rows.iter().filter(|r| r.ctx == ctx) {
            let help = wrap_text(text(lang, r.help), w.saturating_sub(key_w + 3).max(1));
            for (k, h) in help.into_iter().enumerate() {
                let keys = if k == 0 {
                    fit(&r.keys, key_w, "~")
                } else {
                    " ".repeat(key_w)
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys} "), theme.title()),
                    Span::raw(h),
                ]));
            }
        }
    }
    out
}

fn body(area: Rect) -> Rect {
    inner(large(area))
}

/// The line where `ctx`'s keys start, so help opened in review mode shows its keys first.
pub fn section_start(lang: Lang, area: Rect, ctx: Ctx) -> usize {
    let b = body(area);
    let theme = Theme {
        color: false,
        ascii: false,
    };
    let title = text(lang, ctx.title());
    lines(lang, &theme, b.width as usize)
        .iter()
        .position(|l| l.spans.len() == 1 && l.spans[0].content == title)
        .unwrap_or(0)
        .min(max_scroll(lang, area))
}

/// How far the help can scroll at this screen size.
pub fn max_scroll(lang: Lang, area: Rect) -> usize {
    let b = body(area);
    let theme = Theme {
        color: false,
        ascii: false,
    };
    lines(lang, &theme, b.width as usize)
        .len()
        .saturating_sub(b.height as usize)
}

pub fn draw(f: &mut Frame, app: &App, scroll: usize, area: Rect) {
    let r = large(area);
    let b = body(area);
    let all = lines(app.lang, &app.theme, b.width as usize);
    let h = b.height as usize;
    let scroll = scroll.min(all.len().saturating_sub(h));
    let mut frame = block(&app.theme, format!(" {} ", app.t(Msg::HelpTitle)), true);
    if all.len() > h && h > 0 {
        let last = (scroll + h).min(all.len());
        let place = format!(" j/k PgDn {}-{}/{} ", scroll + 1, last, all.len());
        frame = frame.title_bottom(Line::from(place).alignment(Alignment::Right));
    }
    super::popup::clear(f, r);
    f.render_widget(frame, r);
    if b.width == 0 || b.height == 0 {
        return;
    }
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    f.render_widget(Paragraph::new(shown), b);
}
