//! Asking the terminal how wide it draws East-Asian ambiguous characters (…, ①, “”, ▼, box
//! lines), when neither `--ambiguous-width` nor the config file says: the workbench writes one
//! such character at the top-left corner, asks where the cursor went (CSI 6n) and reads the
//! reply (CSI row;col R) for a moment. Column 2 means one column wide, column 3 two. A
//! terminal that does not answer in time is left at one column, silently; a late answer
//! reaches crossterm's reader, which drops cursor reports.
//!
//! It runs once, in raw mode on the alternate screen, before the input thread starts reading,
//! so the reply cannot be taken for keys; keys typed meanwhile are handed back (`Probe::typed`)
//! and replayed by `early_keys`, so nothing typed at start-up is lost.

use std::io::Write;
use std::time::{Duration, Instant};

/// The character measured: ambiguous in Unicode's East Asian Width, and the one the workbench
/// draws most (cut names end in it).
const PROBE: &str = "…";

/// How long to wait for the answer: enough for an SSH round trip, short enough that a terminal
/// that never answers costs a blink at start-up.
pub const WAIT: Duration = Duration::from_millis(400);

/// What the probe learnt, and what the user typed while it waited.
#[derive(Debug, Default, PartialEq)]
pub struct Probe {
    /// The terminal's answer, or None when it gave none within the wait.
    pub width: Option<u8>,
    /// Bytes read that were not the answer: keys typed meanwhile, in order.
    pub typed: Vec<u8>,
}

/// Asks the terminal and waits up to `wait` for its answer.
pub fn ambiguous_width(out: &mut impl Write, wait: Duration) -> Probe {
    // Home, the character, then the question; afterwards the line is cleared again.
    if write!(out, "\x1b[1;1H{PROBE}\x1b[6n").is_err() || out.flush().is_err() {
        return Probe::default();
    }
    let bytes = read_reply(wait);
    let _ = write!(out, "\x1b[1;1H\x1b[2K");
    let _ = out.flush();
    split_reply(&bytes)
}

/// Reads stdin until a cursor report has arrived or `wait` has passed; everything read.
fn read_reply(wait: Duration) -> Vec<u8> {
    let deadline = Instant::now() + wait;
    let mut got = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return got;
        }
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd and its count, for the duration of the call.
        let n = unsafe { libc::poll(&mut fd, 1, left.as_millis().max(1) as i32) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return got;
        }
        if n == 0 || fd.revents & libc::POLLIN == 0 {
            return got;
        }
        let mut buf = [0u8; 256];
        // SAFETY: reads into a buffer of the length given.
        let r = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
        if r <= 0 {
            return got;
        }
        got.extend_from_slice(&buf[..r as usize]);
        if report_at(&got).is_some() {
            return got;
        }
    }
}

/// The answer in `bytes` and the bytes around it.
pub fn split_reply(bytes: &[u8]) -> Probe {
    match report_at(bytes) {
        Some((start, end)) => {
            let mut typed = bytes[..start].to_vec();
            typed.extend_from_slice(&bytes[end..]);
            Probe {
                width: width_from_reply(&bytes[start..end]),
                typed,
            }
        }
        None => Probe {
            width: None,
            typed: bytes.to_vec(),
        },
    }
}

/// Where the last complete cursor report (`ESC [ digits ; digits R`) lies in `bytes`.
fn report_at(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut found = None;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let body = &bytes[i + 2..];
            let len = body
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .unwrap_or(body.len());
            if body.get(len) == Some(&b'R') && body[..len].contains(&b';') {
                found = Some((i, i + 2 + len + 1));
            }
        }
        i += 1;
    }
    found
}

/// The last cursor report (row, column) in `bytes`: `ESC [ row ; col R`.
pub fn cursor_report(bytes: &[u8]) -> Option<(u16, u16)> {
    let text = String::from_utf8_lossy(bytes);
    let at = text.rfind("\x1b[")?;
    let body = text[at + 2..].strip_suffix('R').or_else(|| {
        let end = text[at + 2..].find('R')?;
        Some(&text[at + 2..at + 2 + end])
    })?;
    let (row, col) = body.split_once(';')?;
    Some((row.parse().ok()?, col.parse().ok()?))
}

/// Column 2 after one character at column 1: one column wide; column 3: two.
pub fn width_from_reply(bytes: &[u8]) -> Option<u8> {
    match cursor_report(bytes)? {
        (_, 2) => Some(1),
        (_, 3) => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cursor_report() {
        assert_eq!(cursor_report(b"\x1b[1;2R"), Some((1, 2)));
        assert_eq!(width_from_reply(b"\x1b[1;2R"), Some(1));
        assert_eq!(width_from_reply(b"\x1b[1;3R"), Some(2));
        // A key typed before the answer does not hide it.
        assert_eq!(width_from_reply(b"j\x1b[1;3R"), Some(2));
        assert_eq!(width_from_reply(b"\x1b[12;40R"), None);
        assert_eq!(width_from_reply(b"\x1b[A"), None);
        assert_eq!(width_from_reply(b""), None);
        assert_eq!(width_from_reply(b"\x1b[1;xR"), None);
    }

    #[test]
    fn keys_typed_around_the_answer_are_kept() {
        let p = split_reply(b"jj\x1b[1;3R\r");
        assert_eq!(p.width, Some(2));
        assert_eq!(p.typed, b"jj\r");
        // No answer: every byte was typed.
        let p = split_reply(b"k\x1b[B");
        assert_eq!(p.width, None);
        assert_eq!(p.typed, b"k\x1b[B");
        // An arrow key is not an answer.
        assert_eq!(split_reply(b"\x1b[A").width, None);
    }
}
