//! Display-width text helpers: a CJK character takes two terminal columns, so widths are
//! measured with unicode-width, never in bytes or chars.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a character takes (control characters take none; a tab is shown as one space).
pub fn char_width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Tabs and other control characters as the screen shows them.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

/// `s` cut to `max` columns, ending in `ellipsis` when something was cut.
pub fn truncate(s: &str, max: usize, ellipsis: &str) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let room = max.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if ellipsis.width() <= max {
        out.push_str(ellipsis);
    }
    out
}

/// `s` padded with spaces (or cut) to exactly `w` columns.
pub fn fit(s: &str, w: usize, ellipsis: &str) -> String {
    let t = truncate(s, w, ellipsis);
    let pad = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// Punctuation a Chinese line must not start with (避头点): the character before it moves
/// down with it.
pub(crate) fn no_line_start(c: char) -> bool {
    "，。、；：！？）」』”’》〉】…,.;:!?)".contains(c)
}

/// Opening punctuation a Chinese line must not end with (避尾点): it goes down with what it
/// opens.
fn no_line_end(c: char) -> bool {
    "（「『“‘《〈【([".contains(c)
}

/// Wraps `parts` to `max` columns, joined by `sep`, never breaking inside a part that fits on
/// a line: "得分率 66.75%" and "已评" stay whole (a status split as "已│评" reads as nothing).
pub fn wrap_parts(parts: &[String], sep: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let part = printable(part);
        let joined = if line.is_empty() {
            part.clone()
        } else {
            format!("{line}{sep}{part}")
        };
        if width(&joined) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(&part) <= max {
            line = part;
        } else {
            let mut pieces = wrap(&part, max);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps one paragraph (no newlines) to `max` columns. Chinese breaks between any two
/// characters (never before closing punctuation); a run of Latin letters or digits is kept
/// whole when it fits on a line.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let s = printable(s);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A word: a run of non-space ASCII, or one other character.
        let end = if chars[i].is_ascii() && !chars[i].is_ascii_whitespace() {
            let mut e = i;
            while e < chars.len() && chars[e].is_ascii() && !chars[e].is_ascii_whitespace() {
                e += 1;
            }
            e
        } else {
            i + 1
        };
        let word: String = chars[i..end].iter().collect();
        let ww = width(&word);
        if used + ww > max && used > 0 && ww <= max {
            // Closing punctuation never starts a line: take characters from the end of this
            // line along with it until the next line starts with something else ("）、" and
            // "”，" come in pairs), leaving at least one character behind. Opening punctuation
            // never ends one: it goes down too.
            let mut carry = String::new();
            let mut first = word.chars().next().unwrap_or(' ');
            while (no_line_start(first) || line.chars().last().is_some_and(no_line_end))
                && line.chars().count() > 1
                && carry.chars().count() < 4
                && let Some(last) = line.pop()
            {
                carry.insert(0, last);
                first = last;
            }
            // A number or Latin word the carry started on goes down whole ("100%”", not
            // "100" above "%”"), when it fits on the next line.
            if carry.starts_with(|c: char| c.is_ascii_graphic()) {
                let run: String = line
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_graphic)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let keeps_some = line.chars().count() > run.chars().count();
                if !run.is_empty() && keeps_some && width(&run) + width(&carry) + ww <= max {
                    line.truncate(line.len() - run.len());
                    carry.insert_str(0, &run);
                }
            }
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = width(&carry);
            line = carry;
            if word == " " {
                i = end;
                continue;
            }
        }
        if ww > max {
            // Longer than a line: break it by characters.
            for c in word.chars() {
                let w = char_width(c);
                if used + w > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += w;
            }
        } else {
            line.push_str(&word);
            used += ww;
        }
        i = end;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Wraps text that may hold several paragraphs (newlines).
pub fn wrap_text(s: &str, max: usize) -> Vec<String> {
    s.split('\n').flat_map(|p| wrap(p, max)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_two() {
        assert_eq!(width("A202 绩效"), 9);
        assert_eq!(truncate("绩效指标明确性", 7, "…"), "绩效指…");
        assert_eq!(width(&fit("绩效", 7, "…")), 7);
        assert_eq!(fit("绩效指标", 3, "~"), "绩~");
    }

    #[test]
    fn no_line_starts_with_closing_punctuation_even_in_pairs() {
        let text =
            "评价组查阅了资料（含附件）、凭证和合同“十四五”，发现绩效目标（产出、效益）。不明确";
        for max in 6..40 {
            for line in wrap(text, max).iter().skip(1) {
                let first = line.chars().next().unwrap();
                assert!(
                    !no_line_start(first),
                    "width {max}: line starts with {first}: {line:?}"
                );
            }
            for line in wrap(text, max) {
                assert!(width(&line) <= max, "width {max}: {line:?} is too wide");
            }
        }
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        let text =
            "部分绩效指标设置不合理，如将质量指标设置为“政策知晓度”，该指标并未体现（产出）质量";
        for max in 6..40 {
            let lines = wrap(text, max);
            for line in &lines[..lines.len() - 1] {
                let last = line.chars().last().unwrap();
                assert!(!no_line_end(last), "width {max}: {line:?} ends with {last}");
            }
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn a_number_is_not_split_to_keep_punctuation_off_a_line_start() {
        let text = "质量指标为“政策知晓率 100%”（表5-1 写作“政策知晓度 ≥95%”）";
        for max in 8..40 {
            let lines = wrap(text, max);
            for l in &lines {
                assert!(width(l) <= max, "{max}: {l:?}");
                assert!(!l.starts_with('%'), "{max}: {lines:?}");
            }
        }
        assert_eq!(
            wrap("政策知晓率 100%”完成", 14),
            vec!["政策知晓率", "100%”完成"]
        );
    }

    #[test]
    fn parts_stay_whole_when_they_fit() {
        let parts: Vec<String> = ["分值 4", "得分 2.67", "得分率 66.75%", "已评"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            wrap_parts(&parts, "  ", 26),
            vec!["分值 4  得分 2.67", "得分率 66.75%  已评"]
        );
        assert_eq!(
            wrap_parts(&parts, "  ", 36),
            vec!["分值 4  得分 2.67  得分率 66.75%", "已评"]
        );
        // A part wider than the line is wrapped within itself.
        for max in 1..50 {
            for l in wrap_parts(&parts, "  ", max) {
                assert!(
                    width(&l) <= max.max(2) || l.chars().count() == 1,
                    "{max}: {l:?}"
                );
            }
        }
    }

    #[test]
    fn wrapping_respects_columns() {
        let lines = wrap("根据评分标准，该指标得2.67分，得分率66.75%。", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "根据评分标准，该指标得2.67分，得分率66.75%。"
        );
        assert!(lines.iter().any(|l| l.contains("2.67")), "{lines:?}");
        let en = wrap("the quick brown fox jumps", 10);
        assert_eq!(en, vec!["the quick", "brown fox", "jumps"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("中文", 1), vec!["中", "文"]);
        assert_eq!(wrap_text("a\n\nb", 5), vec!["a", "", "b"]);
        // A comma never starts a line: the character before it comes down too.
        assert_eq!(wrap("一二三四，五", 8), vec!["一二三", "四，五"]);
    }
}
