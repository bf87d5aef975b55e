//! `export --report --format html`: the report's blocks as one self-contained page in the same
//! print style as the plain HTML export (A4 portrait text, 附件1 on landscape pages).

use super::html::{escape, score_table};
use super::outline::{Block, Level1Table};
use super::sheet::{Level1Summary, Span};
use crate::scoring::rounding::{fixed, plain};

fn td(class: &str, body: &str) -> String {
    format!("<td class=\"{class}\">{body}</td>")
}

fn lines<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .flat_map(|s| {
            s.as_ref()
                .lines()
                .map(|l| escape(l.trim()))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

fn summary(s: &Level1Summary) -> String {
    super::html::summary_table_captioned(s, None)
}

fn level_cells(levels: &[Option<Span>]) -> String {
    let mut out = String::new();
    for s in levels.iter().flatten() {
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
    out
}

fn level1(t: &Level1Table) -> String {
    let levels = t.level_headers.len();
    let mut out = String::from("<table class=\"score\">\n<thead><tr>");
    for h in t.headers() {
        out.push_str(&format!("<th>{}</th>", escape(&h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        out.push_str(&level_cells(&r.levels));
        out.push_str(&td("num", &plain(r.weight)));
        if t.show_target {
            out.push_str(&td("num", &escape(&r.target)));
        }
        out.push_str(&td("num", &escape(&t.score_text(r))));
        out.push_str(&td("num", &r.rate));
        out.push_str(&td("text", &lines(&r.notes)));
        out.push_str("</tr>\n");
    }
    out.push_str(&format!(
        "<tr class=\"total\"><td class=\"level\"{}>{}</td>{}{}{}{}{}</tr>\n</tbody>\n</table>\n",
        if levels > 1 {
            format!(" colspan=\"{levels}\"")
        } else {
            String::new()
        },
        crate::lang::report_words::word(crate::lang::report_words::Word::Total, t.lang),
        td("num", &plain(t.head.weight)),
        if t.show_target {
            td("num", "")
        } else {
            String::new()
        },
        td(
            "num",
            &t.head.score.map(|s| fixed(s, t.places)).unwrap_or_default()
        ),
        td("num", &Level1Summary::rate_text(&t.head)),
        td("text", ""),
    ));
    out
}

/// The page.
pub fn render(title: &str, blocks: &[Block], lang: crate::lang::Lang) -> String {
    let (lang_attr, style) = super::html::head_for(lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n<div class=\"page\">\n",
        escape(title)
    );
    for b in blocks {
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", escape(t))),
            Block::Meta(items) => {
                out.push_str("<dl class=\"meta\">\n");
                for (l, v) in items {
                    out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(l), escape(v)));
                }
                out.push_str("</dl>\n");
            }
            Block::Heading(level, t) => {
                let h = level + 1;
                out.push_str(&format!("<h{h}>{}</h{h}>\n", escape(t)));
            }
            Block::Paragraph(t) => {
                for l in t.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    out.push_str(&format!("<p>{}</p>\n", escape(l)));
                }
            }
            Block::Lead { lead, text } => {
                let mut paras = text.lines().map(str::trim).filter(|l| !l.is_empty());
                out.push_str(&format!(
                    "<p><strong>{}</strong>{}</p>\n",
                    escape(lead),
                    escape(paras.next().unwrap_or(""))
                ));
                for p in paras {
                    out.push_str(&format!("<p>{}</p>\n", escape(p)));
                }
            }
            Block::List(items) => {
                out.push_str("<ol class=\"problems\">\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", lines(&[i])));
                }
                out.push_str("</ol>\n");
            }
            Block::Caption(t) => out.push_str(&format!(
                "<p class=\"conclusion\"><strong>{}</strong></p>\n",
                escape(t)
            )),
            Block::Summary(s) => out.push_str(&summary(s)),
            Block::Level1(t) => out.push_str(&level1(t)),
            Block::Sheet(s) => out.push_str(&score_table(s)),
            Block::Landscape => out.push_str("</div>\n<div class=\"page wide\">\n"),
        }
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}
