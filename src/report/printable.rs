//! Text bound for a terminal: a pasted reason or name may carry ESC, BEL, a lone CR or a
//! bidirectional override, which a terminal would obey (recolour, ring, overwrite the line,
//! reorder what the reviewer reads). They are shown as `\u{1b}` instead; line breaks and tabs
//! stay.

/// `s` with every control character except newline and tab, and every bidirectional
/// formatting character, written as a visible `\u{…}` escape.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\n' && c != '\t') || bidi {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(printable("扣\u{1b}[2J分\u{7}"), "扣\\u{1b}[2J分\\u{7}");
        assert_eq!(printable("a\rb\n\tc"), "a\\u{d}b\n\tc");
        assert_eq!(printable("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(printable("正常文本 ≥95%"), "正常文本 ≥95%");
    }
}
