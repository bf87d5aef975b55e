//! `export --report --format md`: the report's blocks as Markdown. Project text is escaped so
//! that a reason holding a newline, a `#`, a `|` or raw HTML stays one piece of text in its
//! paragraph or cell instead of becoming a heading, a table row or markup.

use super::outline::{Block, Level1Table};
use super::sheet::{Level1Summary, ScoreSheet};
use crate::lang::report_words::{Word, word};
use crate::scoring::rounding::plain;

/// Inline text: Markdown's punctuation and HTML's angle brackets escaped, line breaks as spaces.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A paragraph's line: also keeps a leading `-`, `+`, `1.` or `=` from starting a list or a
/// heading underline.
pub fn line(s: &str) -> String {
    let t = inline(s);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if t.starts_with(['-', '+', '=']) {
        format!("\\{t}")
    } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &t[..digits], &t[digits..])
    } else {
        t
    }
}

/// A table cell: lines joined by `<br>` (the one piece of HTML a cell may carry).
fn cell<S: AsRef<str>>(lines: &[S]) -> String {
    lines
        .iter()
        .flat_map(|l| l.as_ref().lines().map(inline).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn align(n: usize, right: &[usize]) -> String {
    let cells: Vec<String> = (0..n)
        .map(|c| if right.contains(&c) { "---:" } else { "---" }.to_string())
        .collect();
    row(&cells)
}

fn summary(s: &Level1Summary) -> String {
    let mut out = row(&crate::lang::report_words::summary_header(s.lang).map(String::from));
    out.push_str(&align(4, &[1, 2, 3]));
    for r in &s.rows {
        out.push_str(&row(&[
            inline(&r.name),
            plain(r.weight),
            s.score_text(r),
            Level1Summary::rate_text(r),
        ]));
    }
    if let Some(adj) = s.adjustments_text() {
        out.push_str(&row(&[
            word(Word::Adjustments, s.lang).into(),
            String::new(),
            adj,
            String::new(),
        ]));
    }
    out.push_str(&row(&[
        word(Word::Total, s.lang).into(),
        plain(s.total.weight),
        s.score_text(&s.total),
        Level1Summary::rate_text(&s.total),
    ]));
    out
}

fn level_cells(levels: &[Option<super::sheet::Span>]) -> Vec<String> {
    let mut out = Vec::new();
    for l in levels {
        out.push(l.as_ref().map(|s| inline(&s.text)).unwrap_or_default());
    }
    out
}

fn level1(t: &Level1Table) -> String {
    let headers = t.headers();
    let levels = t.level_headers.len();
    let mut out = row(&headers.iter().map(|h| inline(h)).collect::<Vec<_>>());
    // 分值, then (after 目标值 when shown) 得分 and 得分率 are right-aligned: by position, as
    // the headers' words follow the report's language.
    let after = levels + 1 + usize::from(t.show_target);
    let right = [levels, after, after + 1];
    out.push_str(&align(headers.len(), &right));
    for r in &t.rows {
        let mut cells = level_cells(&r.levels);
        cells.push(plain(r.weight));
        if t.show_target {
            cells.push(inline(&r.target));
        }
        cells.push(t.score_text(r));
        cells.push(r.rate.clone());
        cells.push(cell(&r.notes));
        out.push_str(&row(&cells));
    }
    let mut total = vec![String::new(); levels];
    total[0] = word(Word::Total, t.lang).into();
    total.push(plain(t.head.weight));
    if t.show_target {
        total.push(String::new());
    }
    total.push(
        t.head
            .score
            .map(|s| crate::scoring::rounding::fixed(s, t.places))
            .unwrap_or_default(),
    );
    total.push(Level1Summary::rate_text(&t.head));
    total.push(String::new());
    out.push_str(&row(&total));
    out
}

fn sheet(s: &ScoreSheet) -> String {
    let headers = s.headers();
    let levels = s.level_headers.len();
    let mut out = row(&headers.iter().map(|h| inline(h)).collect::<Vec<_>>());
    out.push_str(&align(headers.len(), &[levels, s.score_column()]));
    for r in &s.rows {
        let mut cells = level_cells(&r.levels);
        cells.push(r.weight.map(plain).unwrap_or_default());
        cells.push(cell(&[&r.explanation]));
        cells.push(cell(&r.criteria));
        if s.target_column {
            cells.push(inline(&r.target));
        }
        cells.push(s.score_text(r));
        cells.push(cell(&r.notes));
        out.push_str(&row(&cells));
    }
    let mut total = vec![String::new(); levels];
    total[0] = word(Word::GrandTotal, s.lang).into();
    total.push(plain(s.total_weight));
    total.extend([String::new(), String::new()]);
    if s.target_column {
        total.push(String::new());
    }
    total.push(s.total_score_text());
    total.push(cell(&[&s.total_note]));
    out.push_str(&row(&total));
    out
}

/// The document.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        let piece = match b {
            Block::Title(t) => format!("# {}\n", inline(t)),
            Block::Meta(lines) => lines
                .iter()
                .map(|(l, v)| format!("- {}：{}\n", inline(l), inline(v)))
                .collect(),
            Block::Heading(level, t) => {
                format!("{} {}\n", "#".repeat(*level as usize + 1), inline(t))
            }
            Block::Paragraph(t) => t
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("{}\n", line(l)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Lead { lead, text } => {
                let mut paras = text.lines().map(str::trim).filter(|l| !l.is_empty());
                let mut s = format!(
                    "**{}**{}\n",
                    inline(lead),
                    inline(paras.next().unwrap_or(""))
                );
                for p in paras {
                    s.push_str(&format!("\n{}\n", line(p)));
                }
                s
            }
            Block::List(items) => items
                .iter()
                .enumerate()
                .map(|(k, i)| format!("{}. {}\n", k + 1, inline(i)))
                .collect(),
            Block::Caption(t) => format!("**{}**\n", inline(t)),
            Block::Summary(s) => summary(s),
            Block::Level1(t) => level1(t),
            Block::Sheet(s) => sheet(s),
            Block::Landscape => continue,
        };
        out.push_str(&piece);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_in_its_paragraph() {
        assert_eq!(
            inline("原因\n# 标题 | x <script>"),
            "原因 \\# 标题 \\| x &lt;script&gt;"
        );
        assert_eq!(line("- 不是列表"), "\\- 不是列表");
        assert_eq!(line("2019. 不是列表"), "2019\\. 不是列表");
        assert_eq!(inline("a\u{1b}[31m"), "a\\u{1b}\\[31m");
    }
}
