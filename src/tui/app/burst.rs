//! Input that arrives in a burst — faster than a person types: a paste without bracketed
//! paste (GNU screen, some SSH clients), voice input, an input method's commit, a slow link's
//! backlog. Keys in a burst are still keys where keys are expected (held navigation keys must
//! move the selection), but while a text field is focused they are text: a newline in the
//! burst is a line break in the text, never "submit", so the rest of a clipboard can never run
//! as commands. And a dialog that a burst opened does not take its answer from the same burst
//! (a pasted `q` followed by a newline must not choose 保存并退出).

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{App, Popup};
use crate::tui::action::Action;
use crate::tui::keymap::Ctx;
use crate::tui::strings::Msg;

/// A batch arriving this soon after a burst continues it: a large paste reaches the program in
/// several reads, and its tail must not be read as typing. No person presses a key 50 ms after
/// their own paste and means it.
pub const BURST_GAP: Duration = Duration::from_millis(50);

/// The burst being handled, kept between batches while they arrive within `BURST_GAP`.
#[derive(Debug, Clone)]
pub struct Burst {
    until: Instant,
    /// A dialog with choices was opened by a key of this burst and is still open.
    opened_choice: bool,
    /// Keys not acted on because of that.
    dropped: usize,
    /// The last text key was Enter (a Windows line end is Enter then Ctrl-J: one newline).
    after_enter: bool,
}

impl App {
    /// One batch of terminal events that arrived together (see `tui::events`). A single key is
    /// handled as typed; more than one is a burst (see the module comment).
    pub fn handle_batch(&mut self, batch: Vec<Event>) {
        self.handle_batch_at(batch, Instant::now());
    }

    /// `handle_batch`, with the time it arrived (tests use it to say "much later").
    pub fn handle_batch_at(&mut self, batch: Vec<Event>, now: Instant) {
        let presses = batch.iter().filter(|e| is_press(e)).count();
        let mut burst = match self.burst.take() {
            Some(b) if now < b.until => b,
            _ if presses < 2 => {
                for ev in batch {
                    self.handle_event(ev);
                    if self.quit {
                        break;
                    }
                }
                return;
            }
            _ => Burst {
                until: now,
                opened_choice: false,
                dropped: 0,
                after_enter: false,
            },
        };
        let mut text = String::new();
        for ev in batch {
            if self.quit {
                break;
            }
            if self.text_focused() {
                match burst_text(&ev) {
                    Some(Typed::Char(c)) => {
                        text.push(c);
                        burst.after_enter = false;
                        continue;
                    }
                    Some(Typed::Enter) => {
                        text.push('\n');
                        burst.after_enter = true;
                        continue;
                    }
                    Some(Typed::LineFeed) => {
                        if !std::mem::take(&mut burst.after_enter) {
                            text.push('\n');
                        }
                        continue;
                    }
                    None => {}
                }
            }
            self.paste_burst_text(&mut text);
            if !is_press(&ev) {
                self.handle_event(ev);
                continue;
            }
            burst.after_enter = false;
            if burst.opened_choice {
                if self.choice_open() {
                    burst.dropped += 1;
                    continue;
                }
                burst.opened_choice = false;
            }
            let before = self.choice_open();
            self.handle_event(ev);
            if !before && self.choice_open() {
                burst.opened_choice = true;
            }
        }
        self.paste_burst_text(&mut text);
        if burst.dropped > 0 && burst.opened_choice {
            self.info(self.tf(Msg::BurstDropped, &[&burst.dropped.to_string()]));
        }
        burst.until = now + BURST_GAP;
        self.burst = Some(burst);
    }

    /// Text typed into whatever field has the cursor (one-line inputs, forms, the editor, the
    /// search line).
    fn text_focused(&self) -> bool {
        matches!(self.context(), Ctx::Prompt | Ctx::Form | Ctx::Editor)
    }

    /// A dialog whose keys choose something (a list, the quit and conflict questions).
    fn choice_open(&self) -> bool {
        matches!(self.popup, Some(Popup::Picker(_)))
    }

    fn paste_burst_text(&mut self, text: &mut String) {
        if !text.is_empty() {
            self.update(Action::Paste(std::mem::take(text)));
        }
    }
}

enum Typed {
    Char(char),
    /// Enter (a carriage return).
    Enter,
    /// Ctrl-J, a bare line feed.
    LineFeed,
}

fn is_press(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release)
}

/// What a key in a burst types, if it types something.
fn burst_text(ev: &Event) -> Option<Typed> {
    let Event::Key(k) = ev else { return None };
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let plain = (k.modifiers - KeyModifiers::SHIFT).is_empty();
    match k.code {
        KeyCode::Char('j') if k.modifiers == KeyModifiers::CONTROL => Some(Typed::LineFeed),
        KeyCode::Char(c) if plain => Some(Typed::Char(c)),
        KeyCode::Enter if plain => Some(Typed::Enter),
        KeyCode::Tab if plain => Some(Typed::Char('\t')),
        _ => None,
    }
}
