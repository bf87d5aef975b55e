//! Driving the workbench without a terminal: keys written as text and the screen rendered to
//! text. Used by the tests (unit and integration) and handy for reproducing a report.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::App;
use super::view;

/// Presses keys written vim-style: `a0.5<Tab>原因<Enter>`, `<C-s>`, `<Esc>`, `<Down>`,
/// `<S-Tab>`, `<BS>`, `<Del>`, `<PgDn>`, `<Space>`. Other characters are typed as they are.
pub fn keys(app: &mut App, spec: &str) {
    for k in key_events(spec) {
        app.press(k);
    }
}

/// The keys of `spec` (written as for `keys`) as terminal events arriving together, the way a
/// paste without bracketed paste or a slow link's backlog reaches the workbench.
pub fn burst(app: &mut App, spec: &str) {
    app.handle_batch(key_events(spec).into_iter().map(Event::Key).collect());
}

/// The key presses `spec` stands for.
pub fn key_events(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        let named = rest
            .strip_prefix('<')
            .and_then(|r| r.find('>').map(|end| &r[..end]))
            .and_then(|name| named_key(name).map(|k| (name.len() + 2, k)));
        match named {
            Some((len, (code, mods))) => {
                out.push(KeyEvent::new(code, mods));
                rest = &rest[len..];
            }
            None => {
                out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn named_key(name: &str) -> Option<(KeyCode, KeyModifiers)> {
    let none = KeyModifiers::NONE;
    Some(match name {
        "Enter" => (KeyCode::Enter, none),
        "Tab" => (KeyCode::Tab, none),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => (KeyCode::Esc, none),
        "Up" => (KeyCode::Up, none),
        "Down" => (KeyCode::Down, none),
        "Left" => (KeyCode::Left, none),
        "Right" => (KeyCode::Right, none),
        "Home" => (KeyCode::Home, none),
        "End" => (KeyCode::End, none),
        "BS" => (KeyCode::Backspace, none),
        "Del" => (KeyCode::Delete, none),
        "PgUp" => (KeyCode::PageUp, none),
        "PgDn" => (KeyCode::PageDown, none),
        "Space" => (KeyCode::Char(' '), none),
        "C-Home" => (KeyCode::Home, KeyModifiers::CONTROL),
        "C-End" => (KeyCode::End, KeyModifiers::CONTROL),
        c if c.starts_with("C-") && c.chars().count() == 3 => {
            (KeyCode::Char(c.chars().nth(2)?), KeyModifiers::CONTROL)
        }
        _ => return None,
    })
}

/// The screen at `w`×`h`, as the lines a terminal would show.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| view::draw(f, app))
        .expect("drawing to a test terminal");
    view::buffer_lines(t.backend().buffer()).join("\n")
}

/// The workbench on `path` at 80×24, colourless, as the tests open it.
pub fn open(path: &std::path::Path, lang: super::Lang) -> App {
    let opts = super::Options {
        lang,
        theme: super::Theme {
            color: false,
            ascii: false,
        },
        read_only: None,
    };
    let file = crate::store::ProjectFile::open(path).expect("a project the tests can open");
    let mut app = App::new(file, opts);
    app.update(Action::Resize(80, 24));
    app
}

/// The status bar's message, or "" when there is none.
pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The error the open prompt, form, picker or editor shows, if any.
pub fn popup_error(app: &App) -> Option<String> {
    use super::app::Popup;
    match &app.popup {
        Some(Popup::Prompt(p)) => p.error.clone(),
        Some(Popup::Form(f)) => f.error.clone(),
        Some(Popup::Picker(p)) => p.error.clone(),
        Some(Popup::Editor(e)) => e.error.clone(),
        _ => None,
    }
}

/// A node's score, by its code.
pub fn score_of(app: &App, code: &str) -> rust_decimal::Decimal {
    app.card
        .node(app.project(), code)
        .expect("a code the project has")
        .score
}
