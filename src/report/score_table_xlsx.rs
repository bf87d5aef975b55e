//! `export --format xlsx`: a workbook as an evaluator would hand it over — the 综合评分表 with its
//! hierarchy as merged cells, and the level-1 summary — with column widths that fit the texts,
//! wrapped text, scores as numbers shown with two decimals, rates as percentages, a frozen
//! header, and A4 landscape print settings that repeat the header on every page.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::sheet::{Level1Summary, RowKind, ScoreSheet, fit, level1_summary, score_sheet};
use crate::model::Project;
use crate::scoring::Scorecard;

/// Sheet names, also what `jixiao import` looks for first.
pub const SCORE_SHEET: &str = "综合评分表";
pub const SUMMARY_SHEET: &str = "得分情况";

/// Number formats: 得分 with two decimals, 得分率 as a percentage; 分值 keeps Excel's General
/// format so it shows as written (15, 2.5).
pub const SCORE_FORMAT: &str = "0.00";
pub const SIGNED_SCORE_FORMAT: &str = "+0.00;-0.00;0.00";
pub const RATE_FORMAT: &str = "0.00%";

const FONT: &str = "宋体";
const FONT_SIZE: f64 = 10.5;
/// Paper size 9 is A4 in Excel's table.
const A4: u8 = 9;

struct Formats {
    title: Format,
    header: Format,
    level: Format,
    text: Format,
    weight: Format,
    score: Format,
    signed: Format,
    rate: Format,
    center: Format,
    total_label: Format,
    total_weight: Format,
    total_score: Format,
    total_rate: Format,
    plain: Format,
}

impl Formats {
    fn new() -> Formats {
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
fn number(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// A 得分率 in percent (66.75) as the ratio a percentage format shows (0.6675).
fn ratio(percent: Decimal) -> f64 {
    number(percent / Decimal::ONE_HUNDRED)
}

/// Writes `text` over rows × cols cells, merging when it covers more than one.
fn span(
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

fn print_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
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

/// Points per line of 10.5-point text, and the padding a cell keeps above and below.
const LINE_HEIGHT: f64 = 14.0;
const CELL_PADDING: f64 = 5.0;
const MIN_ROW_HEIGHT: f64 = 18.0;

/// How many lines `text` wraps to in a column `width` characters wide (CJK characters count
/// two, as they are drawn). Spreadsheet programs don't grow rows for wrapped text on their own
/// (LibreOffice never, Excel not reliably), so the exporter sets every row's height itself.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let usable = (width - 1.5).max(2.0);
    text.lines()
        .map(|l| ((l.width() as f64 * 1.05) / usable).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

fn height_for(lines: usize) -> f64 {
    (lines as f64 * LINE_HEIGHT + CELL_PADDING).max(MIN_ROW_HEIGHT)
}

fn write_score_sheet(ws: &mut Worksheet, sheet: &ScoreSheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SCORE_SHEET)?;
    let levels = sheet.level_headers.len();
    let headers = sheet.headers();
    let last_col = headers.len() as u16 - 1;
    let (c_weight, c_expl, c_crit, c_score, c_notes) =
        (levels, levels + 1, levels + 2, levels + 3, levels + 4);

    // Column widths first: row heights follow from them.
    let widths = sheet.column_widths();
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    span(
        ws,
        (0, 0),
        (1, last_col + 1),
        &format!("{} 综合评分表", sheet.title),
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
    span(ws, (r, 0), (1, levels as u16), "总计", &f.total_label)?;
    ws.write_number_with_format(
        r,
        c_weight as u16,
        number(sheet.total_weight),
        &f.total_weight,
    )?;
    ws.write_blank(r, c_expl as u16, &f.text)?;
    ws.write_blank(r, c_crit as u16, &f.text)?;
    match sheet.total_score {
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

fn write_summary_sheet(
    ws: &mut Worksheet,
    s: &Level1Summary,
    title: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    span(
        ws,
        (0, 0),
        (1, 4),
        &format!("{title}\n绩效评价指标整体得分情况"),
        &f.title,
    )?;
    ws.set_row_height(0, 44)?;
    for (c, h) in ["指标", "分值", "得分", "得分率"].iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &f.header)?;
    }
    let mut r = 2u32;
    let write_row = |ws: &mut Worksheet,
                     r: u32,
                     row: &super::sheet::SummaryRow,
                     total: bool|
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
            Some(v) => ws.write_number_with_format(r, 2, number(v), score)?,
            None => ws.write_blank(r, 2, score)?,
        };
        match row.rate.filter(|_| row.score.is_some()) {
            Some(v) => ws.write_number_with_format(r, 3, ratio(v), rate)?,
            None => ws.write_blank(r, 3, rate)?,
        };
        Ok(())
    };
    for row in &s.rows {
        write_row(ws, r, row, false)?;
        r += 1;
    }
    if let Some(adj) = s.adjustments {
        ws.write_string_with_format(r, 0, "加减分项", &f.level)?;
        ws.write_blank(r, 1, &f.weight)?;
        match s.total.score {
            Some(_) => ws.write_number_with_format(r, 2, number(adj), &f.signed)?,
            None => ws.write_blank(r, 2, &f.signed)?,
        };
        ws.write_blank(r, 3, &f.rate)?;
        r += 1;
    }
    write_row(ws, r, &s.total, true)?;
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
        write_score_sheet(wb.add_worksheet(), &score_sheet(project, card), &f)?;
        write_summary_sheet(
            wb.add_worksheet(),
            &level1_summary(project, card),
            project.title(),
            &f,
        )?;
        wb.save_to_buffer()
    };
    build().map_err(|e| e.to_string())
}
