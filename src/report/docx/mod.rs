//! `export --format docx`: a Word document (WordprocessingML in a zip) that Word, WPS and
//! LibreOffice open without repair — A4 portrait for the text, the 附件 tables in a landscape
//! section, header rows repeated on every page, 一级/二级 indicators as merged cells, 公文 fonts
//! set for East-Asian text, scores right-aligned with the framework's places.
//!
//! Written directly rather than through a docx crate: the parts used are few and fixed, and
//! writing them here keeps every attribute the reports need (`w:tblHeader`, `w:vMerge`,
//! `w:eastAsia`, per-section orientation) in view and the output byte-stable for golden files.

pub mod ooxml;
pub mod package;
mod tables;
pub mod template;

use ooxml::{
    Align, LANDSCAPE_MARGINS, Margins, PORTRAIT_MARGINS, paragraph_runs, paragraphs, run, sect_pr,
    section_break,
};
use package::{FOOTER_REL, NAMESPACES, Parts};

use super::outline::Block;

/// The body of word/document.xml for `blocks`.
pub fn document_xml(blocks: &[Block], section: &SectionSetup) -> String {
    let mut body = String::new();
    let mut landscape = false;
    let margins = |landscape: bool| {
        if landscape {
            LANDSCAPE_MARGINS
        } else {
            section.margins
        }
    };
    for b in blocks {
        match b {
            Block::Title(t) => body.push_str(&paragraphs("Title", None, t)),
            Block::Meta(lines) => {
                for (label, value) in lines {
                    body.push_str(&paragraph_runs(
                        "Body",
                        None,
                        &format!("{}{}", run(&format!("{label}："), true), run(value, false)),
                    ));
                }
            }
            Block::Heading(level, t) => {
                body.push_str(&paragraphs(&format!("Heading{level}"), None, t))
            }
            Block::Paragraph(t) => body.push_str(&paragraphs("Body", None, t)),
            Block::Lead { lead, text } => {
                // The lead goes on the first paragraph; further lines are paragraphs of their own.
                let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
                let first = lines.next().unwrap_or("");
                body.push_str(&paragraph_runs(
                    "Body",
                    None,
                    &format!("{}{}", run(lead, true), run(first, false)),
                ));
                for l in lines {
                    body.push_str(&paragraphs("Body", None, l));
                }
            }
            Block::List(items) => {
                for (k, item) in items.iter().enumerate() {
                    let text = item.lines().map(str::trim).collect::<Vec<_>>().join(" ");
                    body.push_str(&paragraphs("Body", None, &format!("{}. {text}", k + 1)));
                }
            }
            Block::Caption(t) => body.push_str(&paragraphs("Caption", Some(Align::Center), t)),
            Block::Summary(s) => {
                body.push_str(&tables::summary(s, landscape, margins(landscape)).xml())
            }
            Block::Level1(t) => {
                body.push_str(&tables::level1(t, landscape, margins(landscape)).xml())
            }
            Block::Sheet(s) => {
                body.push_str(&tables::score_sheet(s, landscape, margins(landscape)).xml())
            }
            Block::Landscape => {
                if !landscape {
                    body.push_str(&section_break(&sect_pr(
                        false,
                        &section.refs,
                        margins(false),
                    )));
                    landscape = true;
                }
            }
        }
        // Word needs a paragraph between two tables, or it joins them into one.
        if matches!(b, Block::Summary(_) | Block::Level1(_) | Block::Sheet(_)) {
            body.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NAMESPACES}><w:body>{body}{}</w:body></w:document>",
        sect_pr(landscape, &section.refs, margins(landscape))
    )
}

/// What every section shares.
pub struct SectionSetup {
    /// `w:headerReference` / `w:footerReference` elements.
    pub refs: String,
    /// Portrait margins (top, right, bottom, left) in twips.
    pub margins: Margins,
}

impl Default for SectionSetup {
    /// The page-number footer and 公文 margins.
    fn default() -> Self {
        SectionSetup {
            refs: format!("<w:footerReference w:type=\"default\" r:id=\"{FOOTER_REL}\"/>"),
            margins: PORTRAIT_MARGINS,
        }
    }
}

/// The .docx bytes: `blocks` in the built-in styles, or with a firm's reference document's
/// styles, margins, headers and footers (`--template`).
pub fn write(
    title: &str,
    blocks: &[Block],
    template: Option<&template::Template>,
) -> Result<Vec<u8>, String> {
    let mut setup = SectionSetup::default();
    if let Some(t) = template {
        setup = t.section_setup();
    }
    let mut parts = Parts::new(title, document_xml(blocks, &setup));
    if let Some(t) = template {
        t.apply(&mut parts);
    }
    parts.zip().map_err(|e| e.to_string())
}
