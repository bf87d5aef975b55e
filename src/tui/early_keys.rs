//! Keys typed while the workbench was asking the terminal a question at start-up.
//!
//! The ambiguous-width probe (see `probe`) reads standard input itself for a moment, before
//! crossterm's reader starts, so whatever the user typed in that moment arrives in the same
//! bytes as the terminal's answer. Someone who opens a project and types `j j Enter` at once
//! expects those keys to count; these bytes are turned back into the key events crossterm
//! would have made of them. Only what a person types that fast is understood — text, Enter,
//! Tab, Backspace, Esc, Ctrl-letters, arrows, Home/End, PgUp/PgDn, Delete; an escape sequence
//! it does not know is dropped whole rather than read as stray letters.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};

/// The key events in `bytes`, in order.
pub fn parse(bytes: &[u8]) -> Vec<Event> {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut events = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (consumed, key) = one(&chars[i..]);
        if let Some((code, mods)) = key {
            events.push(Event::Key(KeyEvent {
                code,
                modifiers: mods,
                kind: KeyEventKind::Press,
                state: KeyEventState::NONE,
            }));
        }
        i += consumed.max(1);
    }
    events
}

/// The first key in `chars`: how many chars it took, and the key (None: not understood).
fn one(chars: &[char]) -> (usize, Option<(KeyCode, KeyModifiers)>) {
    let none = KeyModifiers::NONE;
    match chars[0] {
        '\x1b' => escape(chars),
        '\r' | '\n' => (1, Some((KeyCode::Enter, none))),
        '\t' => (1, Some((KeyCode::Tab, none))),
        '\x7f' | '\x08' => (1, Some((KeyCode::Backspace, none))),
        c @ '\x01'..='\x1a' => {
            let letter = char::from(b'a' + (c as u8 - 1));
            (1, Some((KeyCode::Char(letter), KeyModifiers::CONTROL)))
        }
        c if c.is_control() || c == char::REPLACEMENT_CHARACTER => (1, None),
        c => (1, Some((KeyCode::Char(c), none))),
    }
}

fn escape(chars: &[char]) -> (usize, Option<(KeyCode, KeyModifiers)>) {
    let none = KeyModifiers::NONE;
    match chars.get(1) {
        None => (1, Some((KeyCode::Esc, none))),
        Some('[') => {
            // CSI: parameters and intermediates, then one final byte in @..~.
            let end = chars[2..]
                .iter()
                .position(|c| ('@'..='~').contains(c))
                .map(|p| p + 2);
            let Some(end) = end else {
                return (chars.len(), None);
            };
            let params: String = chars[2..end].iter().collect();
            let key = match (params.as_str(), chars[end]) {
                ("", 'A') => Some(KeyCode::Up),
                ("", 'B') => Some(KeyCode::Down),
                ("", 'C') => Some(KeyCode::Right),
                ("", 'D') => Some(KeyCode::Left),
                ("", 'H') | ("1" | "7", '~') => Some(KeyCode::Home),
                ("", 'F') | ("4" | "8", '~') => Some(KeyCode::End),
                ("3", '~') => Some(KeyCode::Delete),
                ("5", '~') => Some(KeyCode::PageUp),
                ("6", '~') => Some(KeyCode::PageDown),
                ("", 'Z') => return (end + 1, Some((KeyCode::BackTab, KeyModifiers::SHIFT))),
                _ => None,
            };
            (end + 1, key.map(|k| (k, none)))
        }
        Some('O') => {
            let key = match chars.get(2) {
                Some('A') => Some(KeyCode::Up),
                Some('B') => Some(KeyCode::Down),
                Some('C') => Some(KeyCode::Right),
                Some('D') => Some(KeyCode::Left),
                Some('H') => Some(KeyCode::Home),
                Some('F') => Some(KeyCode::End),
                _ => None,
            };
            (3.min(chars.len()), key.map(|k| (k, none)))
        }
        // Alt-key: ESC then the key.
        Some(&c) if !c.is_control() => (2, Some((KeyCode::Char(c), KeyModifiers::ALT))),
        Some(_) => (1, Some((KeyCode::Esc, none))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
        parse(bytes)
            .into_iter()
            .map(|e| match e {
                Event::Key(k) => (k.code, k.modifiers),
                other => panic!("not a key: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn text_enter_and_arrows_come_back_as_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            codes("jj\r评\x1b[B\x1bOA".as_bytes()),
            vec![
                (KeyCode::Char('j'), none),
                (KeyCode::Char('j'), none),
                (KeyCode::Enter, none),
                (KeyCode::Char('评'), none),
                (KeyCode::Down, none),
                (KeyCode::Up, none),
            ]
        );
    }

    #[test]
    fn control_keys_escape_and_editing_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            codes(b"\x13\x7f\t\x1b[3~\x1b[5~\x1b"),
            vec![
                (KeyCode::Char('s'), KeyModifiers::CONTROL),
                (KeyCode::Backspace, none),
                (KeyCode::Tab, none),
                (KeyCode::Delete, none),
                (KeyCode::PageUp, none),
                (KeyCode::Esc, none),
            ]
        );
    }

    #[test]
    fn an_unknown_sequence_is_dropped_whole_not_read_as_letters() {
        assert_eq!(
            codes(b"\x1b[?1;2cq"),
            vec![(KeyCode::Char('q'), KeyModifiers::NONE)]
        );
        assert!(codes(b"\x1b[12").is_empty());
    }
}
