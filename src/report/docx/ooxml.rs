//! The few WordprocessingML pieces the documents are made of — paragraphs, runs, tables with
//! merged cells — written as text, with every piece of project text escaped on the way in.
//!
//! Only the constructs Word, WPS and LibreOffice all read the same way are used; anything a
//! reader could "repair" (an invalid character, an unbalanced merge) is avoided here, once.

/// Escapes text for an XML text node or attribute, and drops what XML 1.0 cannot hold at all:
/// C0 controls other than tab/LF/CR, lone surrogates' replacements, U+FFFE/U+FFFF. A control
/// character pasted into a reason is shown as `\u{1b}` rather than making Word refuse the file.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push(c),
            // Callers split lines into paragraphs; a stray break inside a run reads as a space.
            '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// A run: text in one style. Tabs become `w:tab`; line breaks inside one run are not used —
/// callers split text into paragraphs, which Word and LibreOffice wrap the same way.
pub fn run(text: &str, bold: bool) -> String {
    let mut out = String::from("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
    }
    for (k, piece) in text.split('\t').enumerate() {
        if k > 0 {
            out.push_str("<w:tab/>");
        }
        if !piece.is_empty() {
            out.push_str(&format!(
                "<w:t xml:space=\"preserve\">{}</w:t>",
                escape(piece)
            ));
        }
    }
    out.push_str("</w:r>");
    out
}

/// One paragraph in `style` (a style id from styles.xml), with runs already built.
pub fn paragraph_runs(style: &str, align: Option<Align>, runs: &str) -> String {
    paragraph_with(style, false, align, runs)
}

/// A paragraph that may be kept on the page of the next one (`w:keepNext`).
fn paragraph_with(style: &str, keep_next: bool, align: Option<Align>, runs: &str) -> String {
    let mut ppr = String::new();
    if !style.is_empty() {
        ppr.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
    }
    if keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if let Some(a) = align {
        ppr.push_str(&format!("<w:jc w:val=\"{}\"/>", a.val()));
    }
    if ppr.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
    }
}

/// Paragraphs for `text`, one per line (blank lines dropped), in `style`.
pub fn paragraphs(style: &str, align: Option<Align>, text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return paragraph_runs(style, align, "");
    }
    lines
        .iter()
        .map(|l| paragraph_runs(style, align, &run(l, false)))
        .collect()
}

/// A section break: ends the section that the paragraphs before it belong to, with this page
/// setup. (The last section's setup is the body's own `w:sectPr`.)
pub fn section_break(sect_pr: &str) -> String {
    format!("<w:p><w:pPr>{sect_pr}</w:pPr></w:p>")
}

/// Page setup of a section: A4, portrait or landscape, margins in twips (top, right, bottom,
/// left), with `refs` — the header/footer references every section repeats.
pub fn sect_pr(landscape: bool, refs: &str, margins: Margins) -> String {
    let (w, h, orient) = if landscape {
        (A4_LONG, A4_SHORT, " w:orient=\"landscape\"")
    } else {
        (A4_SHORT, A4_LONG, "")
    };
    let m = margins;
    format!(
        "<w:sectPr>{refs}<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" \
         w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>\
         <w:docGrid w:linePitch=\"312\"/></w:sectPr>",
        m.0, m.1, m.2, m.3
    )
}

/// Page margins in twips: top, right, bottom, left.
pub type Margins = (u32, u32, u32, u32);

/// A4 in twips (1/20 pt): 210 × 297 mm.
pub const A4_SHORT: u32 = 11906;
pub const A4_LONG: u32 = 16838;
/// 公文 margins (GB/T 9704): top 37 mm, right 26 mm, bottom 35 mm, left 28 mm.
pub const PORTRAIT_MARGINS: Margins = (2098, 1474, 1984, 1588);
/// The appendix tables want the width: 2 cm all round.
pub const LANDSCAPE_MARGINS: Margins = (1134, 1134, 1134, 1134);

/// The width text can use on a page with these margins, in twips.
pub fn text_width(landscape: bool, margins: Margins) -> u32 {
    let page = if landscape { A4_LONG } else { A4_SHORT };
    page.saturating_sub(margins.1 + margins.3).max(A4_SHORT / 4)
}

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    None,
    /// The first cell of a merged group (`w:vMerge w:val="restart"`).
    Restart,
    /// A cell covered by the one above (`w:vMerge`): written, but empty.
    Continue,
}

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Lines of text; each becomes a paragraph.
    pub lines: Vec<String>,
    pub span: usize,
    pub vmerge: VMerge,
    pub align: Align,
    pub bold: bool,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s: String = s.into();
        Cell {
            lines: s.lines().map(str::to_string).collect(),
            span: 1,
            vmerge: VMerge::None,
            align: Align::Left,
            bold: false,
        }
    }

    pub fn lines(lines: &[String]) -> Cell {
        Cell {
            lines: lines
                .iter()
                .flat_map(|l| l.lines())
                .map(str::to_string)
                .collect(),
            ..Cell::text("")
        }
    }

    /// A number: right-aligned, as the reports' tables print scores.
    pub fn number(s: impl Into<String>) -> Cell {
        Cell {
            align: Align::Right,
            ..Cell::text(s)
        }
    }

    pub fn covered() -> Cell {
        Cell {
            vmerge: VMerge::Continue,
            ..Cell::text("")
        }
    }

    pub fn center(mut self) -> Cell {
        self.align = Align::Center;
        self
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    pub fn span(mut self, n: usize) -> Cell {
        self.span = n.max(1);
        self
    }

    pub fn vmerge(mut self, v: VMerge) -> Cell {
        self.vmerge = v;
        self
    }
}

/// A table: fixed layout with the given column widths (twips), header rows repeated on every
/// page, rows that do not split across pages when short.
pub struct Table {
    pub widths: Vec<u32>,
    pub header: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    /// A short table: the whole table stays on one page.
    pub keep_together: bool,
    /// Rows never split across pages (for rows that are never taller than a page).
    pub cant_split: bool,
}

impl Table {
    pub fn xml(&self) -> String {
        let total: u32 = self.widths.iter().sum();
        let mut out = format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ScoreTable\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
             <w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in &self.widths {
            out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        out.push_str("</w:tblGrid>");
        for r in &self.header {
            out.push_str(&self.row(r, true, self.keep_together));
        }
        for (k, r) in self.rows.iter().enumerate() {
            let keep = self.keep_together && k + 1 < self.rows.len();
            out.push_str(&self.row(r, false, keep));
        }
        out.push_str("</w:tbl>");
        out
    }

    fn row(&self, cells: &[Cell], header: bool, keep_next: bool) -> String {
        let mut out = String::from("<w:tr>");
        if header {
            out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else if self.keep_together || self.cant_split {
            out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        let mut col = 0;
        for c in cells {
            let width: u32 = self.widths[col.min(self.widths.len())..]
                .iter()
                .take(c.span)
                .sum();
            col += c.span;
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            ));
            if c.span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", c.span));
            }
            match c.vmerge {
                VMerge::None => {}
                VMerge::Restart => out.push_str("<w:vMerge w:val=\"restart\"/>"),
                VMerge::Continue => out.push_str("<w:vMerge/>"),
            }
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            let style = if header { "TableHeader" } else { "TableText" };
            let lines: Vec<&str> = c.lines.iter().map(|l| l.trim()).collect();
            if lines.is_empty() || c.vmerge == VMerge::Continue {
                out.push_str(&paragraph_with(style, keep_next, Some(c.align), ""));
            } else {
                for l in lines {
                    out.push_str(&paragraph_with(
                        style,
                        keep_next,
                        Some(c.align),
                        &run(l, c.bold),
                    ));
                }
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
        out
    }
}

/// How wide a column should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColWidth {
    /// Exactly this many character cells (a CJK character is two): numbers that must not wrap.
    Cells(f64),
    /// A share of what the fixed columns leave.
    Share(f64),
}

/// Twips per character cell of 五号 (10.5 pt) table text: half an em.
const TWIPS_PER_CELL: f64 = 105.0;
/// Left and right cell margins of the table style, plus a little air.
const CELL_PADDING: f64 = 170.0;

fn cell_twips(cells: f64) -> f64 {
    cells * TWIPS_PER_CELL + CELL_PADDING
}

/// The width a cell needs to show `texts` on one line, in character cells.
pub fn cells_for<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    use unicode_width::UnicodeWidthStr;
    texts
        .into_iter()
        .flat_map(|t| t.lines().map(|l| l.width()))
        .max()
        .unwrap_or(0) as f64
}

/// Column widths in twips filling `width` exactly, so no column is cut off at the page edge:
/// fixed columns get what they need, the others share the rest in proportion.
pub fn fit_widths(cols: &[ColWidth], width: u32) -> Vec<u32> {
    let fixed: f64 = cols
        .iter()
        .map(|c| match c {
            ColWidth::Cells(n) => cell_twips(*n),
            ColWidth::Share(_) => 0.0,
        })
        .sum();
    let shares: f64 = cols
        .iter()
        .map(|c| match c {
            ColWidth::Share(s) => *s,
            ColWidth::Cells(_) => 0.0,
        })
        .sum();
    // When the fixed columns alone overflow (a very narrow page), everything scales down.
    let (scale, rest) = if fixed >= width as f64 || shares <= 0.0 {
        ((width as f64 / fixed.max(1.0)).min(1.0), 0.0)
    } else {
        (1.0, width as f64 - fixed)
    };
    let mut out: Vec<u32> = cols
        .iter()
        .map(|c| match c {
            ColWidth::Cells(n) => (cell_twips(*n) * scale).floor() as u32,
            ColWidth::Share(s) => (s / shares * rest).floor() as u32,
        })
        .collect();
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += width.saturating_sub(used);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(escape("x\u{1b}[31m\u{7}"), "x\\u{1b}[31m\\u{7}");
        assert_eq!(escape("中文\t\r"), "中文\t ");
    }

    #[test]
    fn widths_fill_the_page() {
        use ColWidth::*;
        let w = fit_widths(&[Share(10.0), Cells(7.0), Share(34.0), Share(48.0)], 14570);
        assert_eq!(w.iter().sum::<u32>(), 14570);
        assert_eq!(w[1], 905);
        assert!(w[3] > w[2] && w[2] > w[0]);
    }

    #[test]
    fn tabs_become_tab_elements() {
        assert_eq!(
            run("a\tb", false),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t></w:r>"
        );
    }
}
