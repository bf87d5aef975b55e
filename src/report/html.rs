//! `export --format html`: one self-contained page (inline CSS, no scripts, no fonts or images
//! fetched) laid out like the report's own sections — the level-1 summary, the per-indicator
//! analysis, and 附件1 综合评分表 with the hierarchy as rowspans — that prints on A4: portrait for
//! the text, landscape pages for the wide table, its header repeated on every page, rows never
//! split across pages.

use super::sheet::{
    Level1Summary, ScoreSheet, analysis_by_level1, level1_summary, meta_lines, score_sheet,
};
use crate::lang::report_words::{Word, word};
use crate::model::Project;
use crate::scoring::Scorecard;
use crate::scoring::rounding::{fixed, plain};

pub(crate) const STYLE: &str = r#"
@page { size: A4 portrait; margin: 20mm 18mm 18mm 18mm;
  @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
@page wide { size: A4 landscape; margin: 14mm 12mm 14mm 12mm;
  @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
* { box-sizing: border-box; }
html { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC",
  "Noto Serif SC", serif; color: #000; background: #e8e8e8; }
body { margin: 0; font-size: 10.5pt; line-height: 1.65; }
div.page { max-width: 210mm; margin: 16px auto; padding: 18mm 18mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.25); }
div.page.wide { max-width: 297mm; padding: 12mm 12mm; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 10pt; letter-spacing: .05em;
  font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h2 { font-size: 14pt; margin: 18pt 0 8pt;
  font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h3 { font-size: 12pt; margin: 12pt 0 6pt; }
p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 auto 12pt;
  width: fit-content; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
caption { caption-side: top; font-weight: bold; padding-bottom: 4pt; }
th, td { border: .6pt solid #000; padding: 3pt 4pt; vertical-align: middle; }
th { background: #d9e1f2; font-weight: bold; text-align: center; white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
table.summary tr { break-inside: avoid; page-break-inside: avoid; }
/* Rows of the score table never split across pages; a whole <tr> can't carry the rule, since
   Chromium then holds back a row whose rowspanned 一级指标 cell is taller than a page. */
table.score td.text, table.score td.num { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.level { text-align: center; }
td.text { font-size: 9pt; line-height: 1.5; vertical-align: top; }
tr.total td { font-weight: bold; }
table.summary { width: 70%; margin-left: auto; margin-right: auto; }
table.summary td:first-child { text-align: center; }
p.conclusion { text-indent: 0; text-align: center; }
.analysis p { margin-bottom: 4pt; }
ul.deductions { margin: 0 0 8pt 2em; padding-left: 1.2em; font-size: 9.5pt; }
ul.deductions li::marker { content: "– "; }
@media print {
  html { background: none; }
  div.page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  div.page.wide { page: wide; break-before: page; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  /* A merged label continued on the next page reads best at the top of its cell. */
  table.score td.level { vertical-align: top; padding-top: 6pt; }
  p { orphans: 2; widows: 2; }
}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Lines joined by `<br>`, each escaped.
fn lines<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .flat_map(|s| s.as_ref().lines().map(str::to_string).collect::<Vec<_>>())
        .map(|l| escape(l.trim()))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn td(class: &str, body: &str) -> String {
    format!("<td class=\"{class}\">{body}</td>")
}

pub fn summary_table(s: &Level1Summary) -> String {
    let caption = s.lang.pick(
        "表1 绩效评价指标整体得分情况",
        word(Word::OverallTable, s.lang),
    );
    summary_table_captioned(s, Some(caption))
}

/// The level-1 summary table, with a caption or (inside the whole report, whose chapter names
/// it) without.
pub fn summary_table_captioned(s: &Level1Summary, caption: Option<&str>) -> String {
    let mut out = String::from("<table class=\"summary\">\n");
    if let Some(c) = caption {
        out.push_str(&format!("<caption>{c}</caption>\n"));
    }
    let [i, w, sc, r] = crate::lang::report_words::summary_header(s.lang);
    out.push_str(&format!(
        "<thead><tr><th>{i}</th><th>{w}</th><th>{sc}</th><th>{r}</th></tr></thead>\n<tbody>\n"
    ));
    for r in &s.rows {
        out.push_str(&format!(
            "<tr>{}{}{}{}</tr>\n",
            td("level", &escape(&r.name)),
            td("num", &plain(r.weight)),
            td("num", &s.score_text(r)),
            td("num", &Level1Summary::rate_text(r)),
        ));
    }
    if let Some(adj) = s.adjustments_text() {
        out.push_str(&format!(
            "<tr>{}{}{}{}</tr>\n",
            td("level", word(Word::Adjustments, s.lang)),
            td("num", ""),
            td("num", &adj),
            td("num", "")
        ));
    }
    out.push_str(&format!(
        "<tr class=\"total\">{}{}{}{}</tr>\n</tbody>\n</table>\n",
        td("level", word(Word::Total, s.lang)),
        td("num", &plain(s.total.weight)),
        td("num", &s.score_text(&s.total)),
        td("num", &Level1Summary::rate_text(&s.total)),
    ));
    out
}

/// Column widths in percent, in proportion to the widths the sheet asks for.
fn colgroup(sheet: &ScoreSheet) -> String {
    let widths = sheet.column_widths();
    let sum: f64 = widths.iter().sum();
    let mut out = String::from("<colgroup>");
    for w in widths {
        out.push_str(&format!("<col style=\"width:{:.1}%\">", w * 100.0 / sum));
    }
    out.push_str("</colgroup>\n");
    out
}

pub fn score_table(sheet: &ScoreSheet) -> String {
    let levels = sheet.level_headers.len();
    let mut out = String::from("<table class=\"score\">\n");
    out.push_str(&colgroup(sheet));
    out.push_str("<thead><tr>");
    for h in sheet.headers() {
        out.push_str(&format!("<th>{}</th>", escape(&h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &sheet.rows {
        out.push_str("<tr>");
        for s in row.levels.iter().flatten() {
            let mut attrs = String::new();
            if s.rows > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", s.rows));
            }
            if s.cols > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", s.cols));
            }
            out.push_str(&format!(
                "<td class=\"level\"{attrs}>{}</td>",
                escape(&s.text)
            ));
        }
        out.push_str(&td("num", &row.weight.map(plain).unwrap_or_default()));
        out.push_str(&td("text", &lines(&[&row.explanation])));
        out.push_str(&td("text", &lines(&row.criteria)));
        if sheet.target_column {
            out.push_str(&td("num", &escape(&row.target)));
        }
        out.push_str(&td("num", &escape(&sheet.score_text(row))));
        out.push_str(&td("text", &lines(&row.notes)));
        out.push_str("</tr>\n");
    }
    out.push_str(&format!(
        "<tr class=\"total\"><td class=\"level\"{}>{}</td>{}{}{}{}{}{}</tr>\n",
        if levels > 1 {
            format!(" colspan=\"{levels}\"")
        } else {
            String::new()
        },
        word(Word::GrandTotal, sheet.lang),
        td("num", &plain(sheet.total_weight)),
        td("text", ""),
        td("text", ""),
        if sheet.target_column {
            td("num", "")
        } else {
            String::new()
        },
        td("num", &sheet.total_score_text()),
        td("text", &lines(&[&sheet.total_note])),
    ));
    out.push_str("</tbody>\n</table>\n");
    out
}

fn analysis(project: &Project, card: &Scorecard) -> String {
    let places = project.framework.places;
    let groups = analysis_by_level1(project, card);
    if groups.iter().all(|(_, items)| items.is_empty()) {
        return String::new();
    }
    const ORDINALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let lang = project.report_lang();
    let mut out = format!(
        "<section class=\"analysis\">\n<h2>{}</h2>\n",
        word(Word::AnalysisHeading, lang)
    );
    for (k, (head, items)) in groups.into_iter().enumerate() {
        let score = head.score.map(|s| fixed(s, places));
        let rate = Level1Summary::rate_text(&head);
        let facts = crate::lang::report_words::node_facts(
            &plain(head.weight),
            score.as_deref(),
            Some(rate.as_str()).filter(|r| !r.is_empty()),
            lang,
        );
        let ordinal = lang.pick(
            format!("（{}）", ORDINALS.get(k).copied().unwrap_or("…")),
            format!("2.{} ", k + 1),
        );
        // A report whose own code for the node is this heading's ordinal prints it once.
        let label = if head.shown == ordinal {
            head.name.clone()
        } else {
            super::sheet::indicator_label(&head.shown, &head.name)
        };
        out.push_str(&format!("<h3>{ordinal}{}{}</h3>\n", escape(&label), facts));
        for a in items {
            // The paragraph may run to several; the first carries the indicator's name.
            let mut paragraphs = a.paragraph.lines().map(str::trim).filter(|l| !l.is_empty());
            out.push_str(&format!(
                "<p><strong>{}</strong>{}{}</p>\n",
                escape(&super::sheet::indicator_label(&a.shown, &a.name)),
                crate::lang::report_words::colon(lang),
                escape(paragraphs.next().unwrap_or(""))
            ));
            for p in paragraphs {
                out.push_str(&format!("<p>{}</p>\n", escape(p)));
            }
            if !a.deductions.is_empty() {
                out.push_str("<ul class=\"deductions\">");
                for d in &a.deductions {
                    out.push_str(&format!("<li>{}</li>", escape(d.trim())));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</section>\n");
    out
}

/// The page's `lang` attribute and its style, whose page footer ("第 3 页") is in `lang`.
pub(crate) fn head_for(lang: crate::lang::Lang) -> (&'static str, String) {
    match lang {
        crate::lang::Lang::Zh => ("zh-CN", STYLE.to_string()),
        crate::lang::Lang::En => (
            "en",
            STYLE.replace(r#""第 " counter(page) " 页""#, r#""Page " counter(page)"#),
        ),
    }
}

/// The whole page.
pub fn document(project: &Project, card: &Scorecard) -> String {
    let title = project.title();
    let summary = level1_summary(project, card);
    let sheet = score_sheet(project, card);
    let (lang_attr, style) = head_for(project.report_lang());
    let suffix = project
        .report_lang()
        .pick("绩效评价评分", "performance evaluation scores");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} {suffix}</title>\n<style>{style}</style>\n</head>\n<body>\n<div class=\"page\">\n",
        escape(title)
    );
    out.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    let meta = meta_lines(project);
    if !meta.is_empty() {
        out.push_str("<dl class=\"meta\">\n");
        for (label, value) in meta {
            out.push_str(&format!("<dt>{label}</dt><dd>{}</dd>\n", escape(&value)));
        }
        out.push_str("</dl>\n");
    }
    let lang = project.report_lang();
    out.push_str(&format!(
        "<section class=\"summary\">\n<h2>{}</h2>\n",
        word(Word::OverallHeading, lang)
    ));
    out.push_str(&summary_table(&summary));
    for line in [summary.conclusion(), summary.note.clone()] {
        if !line.is_empty() {
            out.push_str(&format!("<p class=\"conclusion\">{}</p>\n", escape(&line)));
        }
    }
    out.push_str("</section>\n");
    out.push_str(&analysis(project, card));
    out.push_str(&format!(
        "</div>\n<div class=\"page wide\">\n<section class=\"appendix\">\n<h2>{}</h2>\n",
        word(Word::Appendix, lang)
    ));
    out.push_str(&score_table(&sheet));
    out.push_str("</section>\n</div>\n</body>\n</html>\n");
    out
}
