//! `export --format xlsx`: a workbook as an evaluator would hand it over — the 综合评分表 with its
//! hierarchy as merged cells, and the level-1 summary — with column widths that fit the texts,
//! wrapped text, scores as numbers shown with two decimals, rates as percentages, a frozen
//! header, and A4 landscape print settings that repeat the header on every page.

use crate::lang::report_words::{Word, word};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError, cell_range,
};
use unicode_width::UnicodeWidthStr;

use super::sheet::{Level1Summary, RowKind, ScoreSheet, fit, level1_summary, score_sheet};
use crate::model::Project;
use crate::scoring::Scorecard;
use crate::scoring::rounding::fixed;

/// Sheet names, also what `jixiao import` looks for first.
pub const SCORE_SHEET: &str = "综合评分表";
pub const SUMMARY_SHEET: &str = "得分情况";
/// Each leaf's 目标值 and rule, which `jixiao import` reads back.
pub const RULES_SHEET: &str = "计分规则";

/// Number formats: 得分 with two decimals, 得分率 as a percentage; 分值 keeps Excel's General
/// format so it shows as written (15, 2.5).
pub const SCORE_FORMAT: &str = "0.00";
pub const SIGNED_SCORE_FORMAT: &str = "+0.00;-0.00;0.00";
pub const RATE_FORMAT: &str = "0.00%";

const FONT: &str = "宋体";
const FONT_SIZE: f64 = 10.5;
/// Paper size 9 is A4 in Excel's table.
const A4: u8 = 9;

pub(crate) struct Formats {
    pub(crate) title: Format,
    pub(crate) header: Format,
    pub(crate) level: Format,
    pub(crate) text: Format,
    pub(crate) weight: Format,
    pub(crate) score: Format,
    pub(crate) signed: Format,
    pub(crate) rate: Format,
    pub(crate) center: Format,
    pub(crate) total_label: Format,
    pub(crate) total_weight: Format,
    pub(crate) total_score: Format,
    pub(crate) total_rate: Format,
    pub(crate) plain: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(FONT_SIZE)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        let centered = base.clone().set_align(FormatAlign::Center);
        let bold = |f: &Format| f.clone().set_bold();
        Formats {
            title: Format::new()
                .set_font_name(FONT)
                .set_font_size(14)
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: bold(&centered).set_background_color(Color::RGB(0xD9_E1_F2)),
            level: centered.clone(),
            text: base.clone().set_align(FormatAlign::Top),
            weight: centered.clone(),
            score: centered.clone().set_num_format(SCORE_FORMAT),
            signed: centered.clone().set_num_format(SIGNED_SCORE_FORMAT),
            rate: centered.clone().set_num_format(RATE_FORMAT),
            center: centered.clone(),
            total_label: bold(&centered),
            total_weight: bold(&centered),
            total_score: bold(&centered).set_num_format(SCORE_FORMAT),
            total_rate: bold(&centered).set_num_format(RATE_FORMAT),
            plain: Format::new().set_font_name(FONT).set_font_size(FONT_SIZE),
        }
    }
}

/// An exact decimal as the double a spreadsheet stores; the cell's format shows its places.
pub(crate) fn number(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// A 得分率 in percent (66.75) as the ratio a percentage format shows (0.6675).
pub(crate) fn ratio(percent: Decimal) -> f64 {
    number(percent / Decimal::ONE_HUNDRED)
}

/// Writes `text` over rows × cols cells, merging when it covers more than one.
pub(crate) fn span(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    (rows, cols): (u32, u16),
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if rows <= 1 && cols <= 1 {
        ws.write_string_with_format(row, col, text, f)?;
    } else {
        ws.merge_range(row, col, row + rows - 1, col + cols - 1, text, f)?;
    }
    Ok(())
}

pub(crate) fn print_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(0, header_rows - 1)?;
    ws.set_freeze_panes(header_rows, 0)?;
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

/// Character columns that fit A4 landscape between the margins at 100%: 10.5-point 宋体 is
/// about 5.3 pt per column (Excel measures in widths of the default font's digit), and the page
/// leaves about 770 pt between 0.5-inch margins.
pub(crate) const A4_LANDSCAPE_COLUMNS: f64 = 140.0;

/// Column widths that print on A4 landscape without shrinking the text: when the table is
/// wider, the free-text columns give up width in proportion (their rows grow instead).
pub(crate) fn landscape_widths(mut widths: Vec<f64>, text_cols: &[usize]) -> Vec<f64> {
    let total: f64 = widths.iter().sum();
    let text: f64 = text_cols.iter().map(|&c| widths[c]).sum();
    if total > A4_LANDSCAPE_COLUMNS && text > 0.0 {
        let room = (A4_LANDSCAPE_COLUMNS - (total - text)).max(text_cols.len() as f64 * 10.0);
        for &c in text_cols {
            widths[c] = (widths[c] * room / text).floor().max(10.0);
        }
    }
    widths
}

/// Points per line of 10.5-point text, and the padding a cell keeps above and below.
const LINE_HEIGHT: f64 = 14.0;
const CELL_PADDING: f64 = 5.0;
const MIN_ROW_HEIGHT: f64 = 18.0;

/// How many lines `text` wraps to in a column `width` characters wide (CJK characters count
/// two, as they are drawn). Spreadsheet programs don't grow rows for wrapped text on their own
/// (LibreOffice never, Excel not reliably), so the exporter sets every row's height itself.
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    let usable = (width - 1.5).max(2.0);
    text.lines()
        .map(|l| ((l.width() as f64 * 1.05) / usable).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

pub(crate) fn height_for(lines: usize) -> f64 {
    (lines as f64 * LINE_HEIGHT + CELL_PADDING).max(MIN_ROW_HEIGHT)
}

/// What the score column holds once written: the leaf scores at the framework's places and
/// the adjustments, summed — `None` when nothing is scored or a 不适用 leaf shows no number.
pub(crate) fn written_sum(sheet: &ScoreSheet) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut any = false;
    for row in &sheet.rows {
        match row.score {
            Some(s) if row.kind == RowKind::Adjustment => sum += s,
            Some(s) => sum += s.round_dp(sheet.places),
            None if row.score_text.is_empty() => {}
            None => return None,
        }
        any |= row.score.is_some();
    }
    any.then_some(sum)
}

fn write_score_sheet(ws: &mut Worksheet, sheet: &ScoreSheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SCORE_SHEET)?;
    let levels = sheet.level_headers.len();
    let headers = sheet.headers();
    let last_col = headers.len() as u16 - 1;
    let (c_weight, c_expl, c_crit, c_score, c_notes) =
        (levels, levels + 1, levels + 2, levels + 3, levels + 4);

    // Column widths first: row heights follow from them.
    let widths = landscape_widths(sheet.column_widths(), &[c_expl, c_crit, c_notes]);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    span(
        ws,
        (0, 0),
        (1, last_col + 1),
        &sheet.lang.pick(
            format!("{} 综合评分表", sheet.title),
            format!("{} Score sheet", sheet.title),
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    ws.set_row_height(1, 20)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, h, &f.header)?;
    }

    let first = 2u32;
    let mut heights: Vec<f64> = Vec::with_capacity(sheet.rows.len() + 1);
    for (k, row) in sheet.rows.iter().enumerate() {
        let r = first + k as u32;
        let mut lines = 1;
        for (c, cell) in row.levels.iter().enumerate() {
            if let Some(s) = cell {
                span(
                    ws,
                    (r, c as u16),
                    (s.rows as u32, s.cols as u16),
                    &s.text,
                    &f.level,
                )?;
                if s.rows == 1 {
                    let width: f64 = widths[c..c + s.cols].iter().sum();
                    lines = lines.max(wrapped_lines(&s.text, width));
                }
            }
        }
        match row.weight {
            Some(w) => ws.write_number_with_format(r, c_weight as u16, number(w), &f.weight)?,
            None => ws.write_blank(r, c_weight as u16, &f.weight)?,
        };
        let criteria = row.criteria.join("\n");
        let notes = row.notes.join("\n");
        ws.write_string_with_format(r, c_expl as u16, &row.explanation, &f.text)?;
        ws.write_string_with_format(r, c_crit as u16, &criteria, &f.text)?;
        match row.score {
            Some(s) if row.kind == RowKind::Adjustment => {
                ws.write_number_with_format(r, c_score as u16, number(s), &f.signed)?
            }
            Some(s) => ws.write_number_with_format(
                r,
                c_score as u16,
                number(s.round_dp(sheet.places)),
                &f.score,
            )?,
            None => ws.write_string_with_format(r, c_score as u16, &row.score_text, &f.center)?,
        };
        ws.write_string_with_format(r, c_notes as u16, &notes, &f.text)?;
        for (text, c) in [
            (row.explanation.as_str(), c_expl),
            (&criteria, c_crit),
            (&notes, c_notes),
        ] {
            lines = lines.max(wrapped_lines(text, widths[c]));
        }
        heights.push(height_for(lines));
    }
    // A merged label taller than the rows it spans: the last of them grows.
    for (k, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.levels.iter().enumerate() {
            if let Some(s) = cell.as_ref().filter(|s| s.rows > 1) {
                let width: f64 = widths[c..c + s.cols].iter().sum();
                let needed = height_for(wrapped_lines(&s.text, width));
                let have: f64 = heights[k..k + s.rows].iter().sum();
                if have < needed {
                    heights[k + s.rows - 1] += needed - have;
                }
            }
        }
    }
    for (k, h) in heights.iter().enumerate() {
        ws.set_row_height(first + k as u32, *h)?;
    }

    let r = first + sheet.rows.len() as u32;
    let grand_total = word(Word::GrandTotal, sheet.lang);
    span(ws, (r, 0), (1, levels as u16), grand_total, &f.total_label)?;
    ws.write_number_with_format(
        r,
        c_weight as u16,
        number(sheet.total_weight),
        &f.total_weight,
    )?;
    ws.write_blank(r, c_expl as u16, &f.text)?;
    ws.write_blank(r, c_crit as u16, &f.text)?;
    match sheet.total_score {
        // The total as a formula over the scores above, so an edit in Excel carries through —
        // only when that sum is the total (no 不适用 re-basing, parents summing the rounded
        // leaf scores); otherwise the value, with the note saying why.
        Some(s) if written_sum(sheet) == Some(s) => ws.write_formula_with_format(
            r,
            c_score as u16,
            Formula::new(format!(
                "=SUM({})",
                cell_range(first, c_score as u16, r - 1, c_score as u16)
            ))
            .set_result(fixed(s, sheet.places)),
            &f.total_score,
        )?,
        Some(s) => ws.write_number_with_format(r, c_score as u16, number(s), &f.total_score)?,
        None => ws.write_blank(r, c_score as u16, &f.total_score)?,
    };
    ws.write_string_with_format(r, c_notes as u16, &sheet.total_note, &f.text)?;
    ws.set_row_height(
        r,
        height_for(wrapped_lines(&sheet.total_note, widths[c_notes])),
    )?;
    print_setup(ws, 2)
}

/// Where a level-1 indicator's score comes from in the 综合评分表: the score column's rows
/// of its leaves, with what those cells sum to.
pub(crate) struct ScoreRange {
    pub(crate) first: u32,
    pub(crate) last: u32,
    pub(crate) col: u16,
    pub(crate) sum: Decimal,
}

/// The 综合评分表 rows of each level-1 indicator's leaves (0-based sheet rows).
fn level1_ranges(card: &Scorecard, sheet: &ScoreSheet) -> Vec<Option<ScoreRange>> {
    const FIRST: u32 = 2;
    let col = sheet.level_headers.len() as u16 + 3;
    card.tree
        .roots
        .iter()
        .map(|&root| {
            let mut range: Option<ScoreRange> = None;
            for (k, row) in sheet.rows.iter().enumerate() {
                let RowKind::Leaf { index } = row.kind else {
                    continue;
                };
                if card.tree.ancestors(index).last() != Some(&root) {
                    continue;
                }
                let r = FIRST + k as u32;
                let v = row
                    .score
                    .map(|s| s.round_dp(sheet.places))
                    .unwrap_or_default();
                match &mut range {
                    Some(g) if g.last + 1 == r => {
                        g.last = r;
                        g.sum += v;
                    }
                    Some(_) => return None,
                    None => {
                        range = Some(ScoreRange {
                            first: r,
                            last: r,
                            col,
                            sum: v,
                        })
                    }
                }
            }
            range
        })
        .collect()
}

/// A score cell: a formula with its computed value cached when `formula` is given, the value
/// otherwise.
pub(crate) fn score_cell(
    ws: &mut Worksheet,
    (r, c): (u32, u16),
    value: Decimal,
    places: u32,
    formula: Option<String>,
    f: &Format,
) -> Result<(), XlsxError> {
    match formula {
        Some(expr) => ws.write_formula_with_format(
            r,
            c,
            Formula::new(expr).set_result(fixed(value, places)),
            f,
        )?,
        None => ws.write_number_with_format(r, c, number(value), f)?,
    };
    Ok(())
}

/// 得分率 as `=score/weight`, its value cached.
pub(crate) fn rate_cell(
    ws: &mut Worksheet,
    (r, c): (u32, u16),
    rate_percent: Decimal,
    f: &Format,
) -> Result<(), XlsxError> {
    let expr = format!(
        "={}/{}",
        rust_xlsxwriter::row_col_to_cell(r, c - 1),
        rust_xlsxwriter::row_col_to_cell(r, c - 2)
    );
    ws.write_formula_with_format(
        r,
        c,
        Formula::new(expr).set_result(ratio(rate_percent).to_string()),
        f,
    )?;
    Ok(())
}

fn write_summary_sheet(
    ws: &mut Worksheet,
    s: &Level1Summary,
    title: &str,
    ranges: &[Option<ScoreRange>],
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    span(
        ws,
        (0, 0),
        (1, 4),
        &s.lang.pick(
            format!("{title}\n绩效评价指标整体得分情况"),
            format!("{title}\nOverall scores of the performance indicators"),
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 44)?;
    for (c, h) in crate::lang::report_words::summary_header(s.lang)
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &f.header)?;
    }
    let mut r = 2u32;
    let write_row = |ws: &mut Worksheet,
                     r: u32,
                     row: &super::sheet::SummaryRow,
                     total: bool,
                     formula: Option<String>|
     -> Result<(), XlsxError> {
        let (label, weight, score, rate) = if total {
            (
                &f.total_label,
                &f.total_weight,
                &f.total_score,
                &f.total_rate,
            )
        } else {
            (&f.level, &f.weight, &f.score, &f.rate)
        };
        ws.write_string_with_format(r, 0, &row.name, label)?;
        ws.write_number_with_format(r, 1, number(row.weight), weight)?;
        match row.score {
            Some(v) => score_cell(ws, (r, 2), v, s.places, formula, score)?,
            None => {
                ws.write_blank(r, 2, score)?;
            }
        };
        match row.rate.filter(|_| row.score.is_some()) {
            Some(v) if !row.weight.is_zero() => rate_cell(ws, (r, 3), v, rate)?,
            Some(v) => {
                ws.write_number_with_format(r, 3, ratio(v), rate)?;
            }
            None => {
                ws.write_blank(r, 3, rate)?;
            }
        };
        Ok(())
    };
    // A level-1 score is the sum of its leaves in the 综合评分表 when the numbers agree.
    let mut sum_of_rows = Some(Decimal::ZERO);
    for (k, row) in s.rows.iter().enumerate() {
        let formula = match (ranges.get(k).and_then(Option::as_ref), row.score) {
            (Some(g), Some(v)) if g.sum == v => Some(format!(
                "=SUM('{SCORE_SHEET}'!{})",
                cell_range(g.first, g.col, g.last, g.col)
            )),
            _ => None,
        };
        sum_of_rows = sum_of_rows.zip(row.score).map(|(a, b)| a + b);
        write_row(ws, r, row, false, formula)?;
        r += 1;
    }
    if let Some(adj) = s.adjustments {
        ws.write_string_with_format(r, 0, word(Word::Adjustments, s.lang), &f.level)?;
        ws.write_blank(r, 1, &f.weight)?;
        match s.total.score {
            Some(_) => ws.write_number_with_format(r, 2, number(adj), &f.signed)?,
            None => ws.write_blank(r, 2, &f.signed)?,
        };
        ws.write_blank(r, 3, &f.rate)?;
        sum_of_rows = sum_of_rows.map(|x| x + adj);
        r += 1;
    }
    let total_formula = (sum_of_rows.is_some() && sum_of_rows == s.total.score)
        .then(|| format!("=SUM({})", cell_range(2, 2, r - 1, 2)));
    write_row(ws, r, &s.total, true, total_formula)?;
    r += 2;
    for line in [s.conclusion(), s.note.clone()] {
        if !line.is_empty() {
            ws.write_string_with_format(r, 0, line, &f.plain)?;
            r += 1;
        }
    }
    let names = s.rows.iter().map(|row| row.name.as_str());
    ws.set_column_width(0, fit(names, 16.0, 30.0))?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, 10)?;
    ws.set_column_width(3, 10)?;
    print_setup(ws, 2)?;
    ws.set_portrait();
    Ok(())
}

/// The workbook's bytes.
pub fn workbook(project: &Project, card: &Scorecard) -> Result<Vec<u8>, String> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let f = Formats::new();
        let mut wb = Workbook::new();
        let sheet = score_sheet(project, card);
        write_score_sheet(wb.add_worksheet(), &sheet, &f)?;
        let ranges = level1_ranges(card, &sheet);
        let summary = level1_summary(project, card);
        write_summary_sheet(wb.add_worksheet(), &summary, project.title(), &ranges, &f)?;
        super::level1_xlsx::write_level1_sheets(&mut wb, project, card, &summary, &f)?;
        super::rules_xlsx::write_rules_sheet(&mut wb, project, &f)?;
        wb.save_to_buffer()
    };
    build().map_err(|e| e.to_string())
}
