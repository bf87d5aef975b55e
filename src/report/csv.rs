//! CSV as Excel opens it: UTF-8 with a byte-order mark (without one Excel reads Chinese as
//! mojibake), CRLF line ends, fields quoted when they hold a comma, quote or line break.
//!
//! The score table repeats each level's label on every row, so every row stands on its own when
//! filtered or sorted; `jixiao import` reads either layout back.

use super::sheet::{Level1Summary, ScoreSheet};
use crate::lang::report_words::{Word, word};
use crate::scoring::rounding::plain;

pub const BOM: &str = "\u{feff}";

/// One field, quoted when it has to be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A text cell that a spreadsheet must not read as a formula: one starting with `=`, `+`, `-`,
/// `@`, tab or CR gets a leading `'`, as the OWASP CSV-injection guidance says
/// (`=HYPERLINK(...)` in a 指标解释 would otherwise be live in Excel). Numbers the engine wrote
/// (a penalty's `-1.00`) go through [`field`] untouched.
pub fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// One record, ended by CRLF.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// The header of the last column: each leaf's rule as the file writes it, which `jixiao
/// import` reads back (the xlsx export keeps it on a sheet of its own; a CSV has one table).
pub const RULE_HEADER: &str = "计分规则";

/// The 综合评分表, one row per leaf, then 总计; the last column is each leaf's 计分规则.
pub fn score_table(sheet: &ScoreSheet) -> String {
    let mut out = String::from(BOM);
    let mut headers = sheet.headers();
    headers.push(RULE_HEADER.to_string());
    out.push_str(&record(&headers));
    for row in &sheet.rows {
        let mut f: Vec<String> = row.labels.iter().map(|l| text(l)).collect();
        f.push(row.weight.map(plain).unwrap_or_default());
        f.push(text(&row.explanation));
        f.push(text(&row.criteria.join("\n")));
        f.push(sheet.score_text(row));
        f.push(text(&row.notes.join("\n")));
        f.push(text(&row.rule));
        out.push_str(&record(&f));
    }
    let mut f = vec![String::new(); sheet.level_headers.len()];
    f[0] = word(Word::GrandTotal, sheet.lang).into();
    f.push(plain(sheet.total_weight));
    f.push(String::new());
    f.push(String::new());
    f.push(sheet.total_score_text());
    f.push(text(&sheet.total_note));
    f.push(String::new());
    out.push_str(&record(&f));
    out
}

/// The level-1 summary: 指标 / 分值 / 得分 / 得分率, 合计.
pub fn summary_table(s: &Level1Summary) -> String {
    let mut out = String::from(BOM);
    out.push_str(&record(&crate::lang::report_words::summary_header(s.lang)));
    for row in &s.rows {
        out.push_str(&record(&[
            text(&row.name),
            plain(row.weight),
            s.score_text(row),
            Level1Summary::rate_text(row),
        ]));
    }
    if let Some(adj) = s.adjustments_text() {
        out.push_str(&record(&[
            word(Word::Adjustments, s.lang).to_string(),
            String::new(),
            adj,
            String::new(),
        ]));
    }
    out.push_str(&record(&[
        s.total.name.clone(),
        plain(s.total.weight),
        s.score_text(&s.total),
        Level1Summary::rate_text(&s.total),
    ]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("决策"), "决策");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说“好”\"x\""), "\"说“好”\"\"x\"\"\"");
        assert_eq!(field("①\n②"), "\"①\n②\"");
        assert_eq!(record(&["a", "", "b"]), "a,,b\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        for s in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-cmd",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(text(s), format!("'{s}"));
        }
        assert_eq!(text("决策"), "决策");
        assert_eq!(text("≥95%"), "≥95%");
    }
}
