//! `export --format md`: the level-1 summary, the 综合评分表 and the per-indicator analysis as one
//! Markdown document, ready to paste into a report draft or to read on a forge.
//!
//! Markdown tables cannot merge cells, so a level label is printed on the first row of its group
//! and left blank below it, as 附件1 looks once its merges are undone.

use super::blocks_md::{inline, line};
use super::sheet::{Level1Summary, ScoreSheet, analysis_by_level1, meta_lines};
use crate::lang::report_words::{Word, word};
use crate::model::Project;
use crate::scoring::Scorecard;
use crate::scoring::rounding::{fixed, plain};

/// A table cell: each line escaped like any inline text (pipes, raw HTML, control characters),
/// line breaks as `<br>`.
fn cell(s: &str) -> String {
    s.trim()
        .lines()
        .map(inline)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

pub fn summary_table(s: &Level1Summary) -> String {
    let lang = s.lang;
    let mut out = row(&crate::lang::report_words::summary_header(lang).map(String::from));
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for r in &s.rows {
        out.push_str(&row(&[
            cell(&r.name),
            plain(r.weight),
            s.score_text(r),
            Level1Summary::rate_text(r),
        ]));
    }
    if let Some(adj) = s.adjustments_text() {
        out.push_str(&row(&[
            word(Word::Adjustments, lang).into(),
            String::new(),
            adj,
            String::new(),
        ]));
    }
    out.push_str(&row(&[
        word(Word::Total, lang).into(),
        plain(s.total.weight),
        s.score_text(&s.total),
        Level1Summary::rate_text(&s.total),
    ]));
    out
}

pub fn score_table(sheet: &ScoreSheet) -> String {
    let headers = sheet.headers();
    let mut out = row(&headers);
    let levels = sheet.level_headers.len();
    let align: Vec<String> = (0..headers.len())
        .map(|c| {
            if c == levels || c == levels + 3 {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        })
        .collect();
    out.push_str(&row(&align));
    for r in &sheet.rows {
        let mut cells: Vec<String> = r
            .levels
            .iter()
            .map(|l| l.as_ref().map(|s| cell(&s.text)).unwrap_or_default())
            .collect();
        cells.push(r.weight.map(plain).unwrap_or_default());
        cells.push(cell(&r.explanation));
        cells.push(cell(&r.criteria.join("\n")));
        cells.push(sheet.score_text(r));
        cells.push(cell(&r.notes.join("\n")));
        out.push_str(&row(&cells));
    }
    let mut cells = vec![String::new(); levels];
    cells[0] = word(Word::GrandTotal, sheet.lang).into();
    cells.push(plain(sheet.total_weight));
    cells.push(String::new());
    cells.push(String::new());
    cells.push(sheet.total_score_text());
    cells.push(cell(&sheet.total_note));
    out.push_str(&row(&cells));
    out
}

/// The whole document.
pub fn document(project: &Project, card: &Scorecard) -> String {
    let summary = super::sheet::level1_summary(project, card);
    let sheet = super::sheet::score_sheet(project, card);
    let places = project.framework.places;
    let mut out = format!("# {}\n\n", inline(project.title()));
    let lang = project.report_lang();
    let colon = crate::lang::report_words::colon(lang);
    for (label, value) in meta_lines(project) {
        out.push_str(&format!("- {label}{colon}{}\n", inline(&value)));
    }
    out.push_str(&format!("\n## {}\n\n", word(Word::OverallHeading, lang)));
    out.push_str(&summary_table(&summary));
    out.push('\n');
    for line in [summary.conclusion(), summary.note.clone()] {
        if !line.is_empty() {
            out.push_str(&format!("{line}\n\n"));
        }
    }
    let groups = analysis_by_level1(project, card);
    if groups.iter().any(|(_, items)| !items.is_empty()) {
        out.push_str(&format!("## {}\n\n", word(Word::AnalysisHeading, lang)));
        for (head, items) in groups {
            let score = head.score.map(|s| fixed(s, places));
            let rate = Level1Summary::rate_text(&head);
            out.push_str(&format!(
                "### {}{}\n\n",
                inline(&super::sheet::indicator_label(&head.shown, &head.name)),
                crate::lang::report_words::node_facts(
                    &plain(head.weight),
                    score.as_deref(),
                    Some(rate.as_str()).filter(|r| !r.is_empty()),
                    lang
                )
            ));
            for a in items {
                // Each line of the paragraph stays a paragraph of its own.
                let body = a
                    .paragraph
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(line)
                    .collect::<Vec<_>>()
                    .join("\n\n");
                out.push_str(&format!(
                    "**{}**{colon}{body}\n\n",
                    inline(&super::sheet::indicator_label(&a.shown, &a.name))
                ));
                if !a.deductions.is_empty() {
                    out.push_str(&format!(
                        "{}{}\n\n",
                        word(Word::Notes, lang),
                        colon.trim_end()
                    ));
                    for d in &a.deductions {
                        out.push_str(&format!("- {}\n", inline(d)));
                    }
                    out.push('\n');
                }
            }
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", word(Word::Appendix, lang)));
    out.push_str(&score_table(&sheet));
    out
}
