//! The three kinds of table a report prints, as Word tables: the level-1 summary, a level-1
//! indicator's table (表4-k) and the 附件1 综合评分表.

use super::ooxml::{Cell, ColWidth, Margins, Table, VMerge, cells_for, fit_widths, text_width};
use crate::lang::report_words::{Word, word};
use crate::report::outline::Level1Table;
use crate::report::sheet::{Level1Summary, ScoreSheet, Span, fit};

/// A number column: as wide as its widest text, header included, with room for bold digits
/// and a font a little wider than the one measured.
fn number_col<'a>(texts: impl IntoIterator<Item = &'a str>) -> ColWidth {
    ColWidth::Cells(cells_for(texts).max(4.0) * 1.15)
}

/// An indicator column: wide enough for most labels on one line, at most `max` cells.
fn label_col<'a>(texts: impl Iterator<Item = &'a str>, max: f64) -> ColWidth {
    ColWidth::Cells(cells_for(texts).clamp(8.0, max))
}

use crate::scoring::rounding::plain;

fn header(names: &[String]) -> Vec<Vec<Cell>> {
    vec![
        names
            .iter()
            .map(|h| Cell::text(h.as_str()).center())
            .collect(),
    ]
}

/// The indicator columns of one row: a merged group starts with `restart`, the rows it covers
/// carry `vMerge` continuations, and a shallow leaf spans the columns to its right.
fn level_cells(levels: &[Option<Span>]) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut skip = 0;
    for l in levels {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        match l {
            Some(s) => {
                let v = if s.rows > 1 {
                    VMerge::Restart
                } else {
                    VMerge::None
                };
                out.push(Cell::text(s.text.as_str()).span(s.cols).vmerge(v));
                skip = s.cols.saturating_sub(1);
            }
            None => out.push(Cell::covered()),
        }
    }
    out
}

pub fn summary(s: &Level1Summary, landscape: bool, margins: Margins) -> Table {
    let names: Vec<String> = crate::lang::report_words::summary_header(s.lang)
        .map(String::from)
        .into();
    let mut rows: Vec<Vec<Cell>> = s
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.name.as_str()),
                Cell::number(plain(r.weight)),
                Cell::number(s.score_text(r)),
                Cell::number(Level1Summary::rate_text(r)),
            ]
        })
        .collect();
    if let Some(adj) = s.adjustments_text() {
        rows.push(vec![
            Cell::text(word(Word::Adjustments, s.lang)),
            Cell::number(""),
            Cell::number(adj),
            Cell::number(""),
        ]);
    }
    rows.push(vec![
        Cell::text(word(Word::Total, s.lang)).bold(),
        Cell::number(plain(s.total.weight)).bold(),
        Cell::number(s.score_text(&s.total)).bold(),
        Cell::number(Level1Summary::rate_text(&s.total)).bold(),
    ]);
    let widths = column_widths(&names, &rows, &[false, true, true, true]);
    Table {
        widths: fit_widths(&widths, text_width(landscape, margins)),
        header: header(&names),
        keep_together: true,
        cant_split: true,
        rows,
    }
}

pub fn level1(t: &Level1Table, landscape: bool, margins: Margins) -> Table {
    let levels = t.level_headers.len();
    let shares: Vec<ColWidth> = (0..levels)
        .map(|c| {
            let texts = t
                .rows
                .iter()
                .filter_map(|r| r.levels.get(c).and_then(Option::as_ref))
                .filter(|s| s.cols == 1)
                .map(|s| s.text.as_str());
            // On a portrait page the 扣分原因 needs the room: the leaf's label may take eight
            // characters a line, the groups above it five; they wrap rather than squeeze it.
            let max = match (landscape, c + 1 == levels) {
                (true, _) => 20.0,
                (false, true) => 16.0,
                (false, false) => 10.0,
            };
            label_col(texts, max)
        })
        .collect();
    let mut rows: Vec<Vec<Cell>> = t
        .rows
        .iter()
        .map(|r| {
            let mut cells = level_cells(&r.levels);
            cells.push(Cell::number(plain(r.weight)));
            if t.show_target {
                cells.push(Cell::text(r.target.as_str()).center());
            }
            cells.push(Cell::number(t.score_text(r)));
            cells.push(Cell::number(r.rate.as_str()));
            cells.push(Cell::lines(&r.notes));
            cells
        })
        .collect();
    let mut total = vec![
        Cell::text(word(Word::Total, t.lang))
            .bold()
            .center()
            .span(levels),
    ];
    total.push(Cell::number(plain(t.head.weight)).bold());
    if t.show_target {
        total.push(Cell::text(""));
    }
    total.push(
        Cell::number(
            t.head
                .score
                .map(|s| crate::scoring::rounding::fixed(s, t.places))
                .unwrap_or_default(),
        )
        .bold(),
    );
    total.push(Cell::number(Level1Summary::rate_text(&t.head)).bold());
    total.push(Cell::text(""));
    rows.push(total);
    let names = t.headers();
    let mut numeric = vec![false; levels];
    numeric.push(true);
    if t.show_target {
        numeric.push(false);
    }
    numeric.extend([true, true, false]);
    let mut widths = column_widths(&names, &rows, &numeric);
    widths[..levels].copy_from_slice(&shares[..levels]);
    let last = widths.len() - 1;
    widths[last] = ColWidth::Share(30.0);
    if t.show_target {
        let targets =
            (t.rows.iter().map(|r| r.target.as_str())).chain([word(Word::Target, t.lang)]);
        let max = if landscape { 12.0 } else { 8.0 };
        widths[levels + 1] = ColWidth::Cells(cells_for(targets).clamp(6.0, max));
    }
    Table {
        widths: fit_widths(&widths, text_width(landscape, margins)),
        header: header(&names),
        // Kept together, a table taller than the space left would leave its caption alone
        // on a page; its rows stay whole instead, and the caption keeps with the first.
        keep_together: false,
        cant_split: true,
        rows,
    }
}

pub fn score_sheet(s: &ScoreSheet, landscape: bool, margins: Margins) -> Table {
    let levels = s.level_headers.len();
    let names = s.headers();
    let mut rows: Vec<Vec<Cell>> = s
        .rows
        .iter()
        .map(|r| {
            let mut cells = level_cells(&r.levels);
            cells.push(Cell::number(r.weight.map(plain).unwrap_or_default()));
            cells.push(Cell::text(r.explanation.as_str()));
            cells.push(Cell::lines(&r.criteria));
            if s.target_column {
                cells.push(Cell::text(r.target.as_str()).center());
            }
            cells.push(Cell::number(s.score_text(r)));
            cells.push(Cell::lines(&r.notes));
            cells
        })
        .collect();
    let mut total = vec![
        Cell::text(word(Word::GrandTotal, s.lang))
            .bold()
            .center()
            .span(levels),
        Cell::number(plain(s.total_weight)).bold(),
        Cell::text(""),
        Cell::text(""),
    ];
    if s.target_column {
        total.push(Cell::text(""));
    }
    total.push(Cell::number(s.total_score_text()).bold());
    total.push(Cell::text(s.total_note.as_str()));
    rows.push(total);
    let mut numeric = vec![false; levels];
    numeric.extend([true, false, false]);
    if s.target_column {
        numeric.push(false);
    }
    numeric.extend([true, false]);
    let mut widths = column_widths(&names, &rows, &numeric);
    for (c, (w, share)) in widths.iter_mut().zip(s.column_widths()).enumerate() {
        if c < levels {
            let texts = s
                .rows
                .iter()
                .filter_map(|r| r.levels[c].as_ref())
                .filter(|sp| sp.cols == 1)
                .map(|sp| sp.text.as_str());
            *w = label_col(texts, 18.0);
        } else if s.target_column && c == levels + 3 {
            let targets =
                (s.rows.iter().map(|r| r.target.as_str())).chain([word(Word::Target, s.lang)]);
            *w = ColWidth::Cells(cells_for(targets).clamp(6.0, 12.0));
        } else if matches!(w, ColWidth::Share(_)) {
            *w = ColWidth::Share(share);
        }
    }
    Table {
        widths: fit_widths(&widths, text_width(landscape, margins)),
        header: header(&names),
        keep_together: false,
        cant_split: false,
        rows,
    }
}

/// Number columns as wide as their widest cell (header included); the others share the rest by
/// their widest line until the caller says otherwise. Cells spanning several columns are left
/// out of the measure.
fn column_widths(names: &[String], rows: &[Vec<Cell>], numeric: &[bool]) -> Vec<ColWidth> {
    let mut texts: Vec<Vec<&str>> = names.iter().map(|n| vec![n.as_str()]).collect();
    for r in rows {
        let mut col = 0;
        for c in r {
            if c.span == 1
                && let Some(t) = texts.get_mut(col)
            {
                t.extend(c.lines.iter().map(String::as_str));
            }
            col += c.span;
        }
    }
    texts
        .iter()
        .zip(numeric)
        .map(|(t, &n)| {
            if n {
                number_col(t.iter().copied())
            } else {
                ColWidth::Share(fit(t.iter().copied(), 8.0, 40.0))
            }
        })
        .collect()
}
