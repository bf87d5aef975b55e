//! The per-level-1 tables (the 荣成 reports' 表4-1…4-4) as sheets of the xlsx export: each
//! level-1 indicator's leaves under their 二级 indicators, with 分值, 目标值, 得分, 得分率 and
//! 扣分原因, and 合计 as a formula over the scores above it.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError, cell_range};

use super::labels::TableLabels;
use super::outline::{level1_table, report_sheet};
use super::score_table_xlsx::{
    Formats, height_for, number, print_setup, rate_cell, ratio, score_cell, span, wrapped_lines,
};
use super::sheet::{Level1Summary, fit};
use crate::model::Project;
use crate::scoring::Scorecard;

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters, not used yet.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let mut name = clean.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!("~{k}");
        name = clean
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        k += 1;
    }
    taken.push(name.clone());
    name
}

pub(crate) fn write_level1_sheets(
    wb: &mut Workbook,
    project: &Project,
    card: &Scorecard,
    summary: &Level1Summary,
    f: &Formats,
) -> Result<(), XlsxError> {
    let labels = TableLabels::for_project(project);
    let sheet = report_sheet(project, card, &labels);
    let mut taken = vec![
        super::score_table_xlsx::SCORE_SHEET.to_string(),
        super::score_table_xlsx::SUMMARY_SHEET.to_string(),
    ];
    for (k, &root) in card.tree.roots.iter().enumerate() {
        let t = level1_table(project, card, &sheet, summary, root, &labels);
        let ws = wb.add_worksheet();
        let table_number = format!("4-{}", k + 1);
        // The sheet's name stays Chinese in both languages: `jixiao import` finds it by it.
        let table = format!("表{table_number}");
        ws.set_name(sheet_name(&format!("{table} {}", t.head.name), &mut taken))?;
        let headers = t.headers();
        let levels = t.level_headers.len();
        let c_weight = levels as u16;
        let c_target = c_weight + 1;
        let c_score = c_weight + 1 + u16::from(t.show_target);
        let (c_rate, c_notes) = (c_score + 1, c_score + 2);

        let mut widths: Vec<f64> = (0..levels)
            .map(|c| {
                let texts = t
                    .rows
                    .iter()
                    .filter_map(|r| r.levels.get(c).and_then(Option::as_ref))
                    .filter(|s| s.cols == 1)
                    .map(|s| s.text.as_str())
                    .chain([headers[c].as_str()]);
                fit(texts, 10.0, 24.0)
            })
            .collect();
        widths.push(7.0);
        if t.show_target {
            widths.push(fit(t.rows.iter().map(|r| r.target.as_str()), 8.0, 14.0));
        }
        widths.extend([9.0, 9.0]);
        let used: f64 = widths.iter().sum();
        widths.push((super::score_table_xlsx::A4_LANDSCAPE_COLUMNS - used).clamp(30.0, 70.0));
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }

        span(
            ws,
            (0, 0),
            (1, headers.len() as u16),
            &crate::lang::report_words::chapter_table(&table_number, &t.head.name, t.lang),
            &f.title,
        )?;
        ws.set_row_height(0, 28)?;
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, h, &f.header)?;
        }
        let first = 2u32;
        let mut sum = Decimal::ZERO;
        for (i, row) in t.rows.iter().enumerate() {
            let r = first + i as u32;
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
                        lines = lines.max(wrapped_lines(&s.text, widths[c]));
                    }
                }
            }
            ws.write_number_with_format(r, c_weight, number(row.weight), &f.weight)?;
            if t.show_target {
                ws.write_string_with_format(r, c_target, &row.target, &f.center)?;
            }
            match row.score {
                Some(s) => {
                    let s = s.round_dp(t.places);
                    sum += s;
                    ws.write_number_with_format(r, c_score, number(s), &f.score)?;
                }
                None => {
                    ws.write_string_with_format(r, c_score, &row.score_text, &f.center)?;
                }
            }
            if row.score.is_some() && !row.weight.is_zero() {
                let node = row.rate.trim_end_matches('%').parse::<Decimal>().ok();
                match node {
                    Some(p) => rate_cell(ws, (r, c_rate), p, &f.rate)?,
                    None => {
                        ws.write_blank(r, c_rate, &f.rate)?;
                    }
                }
            } else {
                ws.write_blank(r, c_rate, &f.rate)?;
            }
            let notes = row.notes.join("\n");
            ws.write_string_with_format(r, c_notes, &notes, &f.text)?;
            lines = lines.max(wrapped_lines(&notes, widths[c_notes as usize]));
            ws.set_row_height(r, height_for(lines))?;
        }
        let r = first + t.rows.len() as u32;
        let total = crate::lang::report_words::word(crate::lang::report_words::Word::Total, t.lang);
        span(ws, (r, 0), (1, levels as u16), total, &f.total_label)?;
        ws.write_number_with_format(r, c_weight, number(t.head.weight), &f.total_weight)?;
        if t.show_target {
            ws.write_blank(r, c_target, &f.center)?;
        }
        match t.head.score {
            Some(v) => {
                let formula = (sum == v && !t.rows.is_empty())
                    .then(|| format!("=SUM({})", cell_range(first, c_score, r - 1, c_score)));
                score_cell(ws, (r, c_score), v, t.places, formula, &f.total_score)?;
                match t.head.rate {
                    Some(p) if !t.head.weight.is_zero() => {
                        rate_cell(ws, (r, c_rate), p, &f.total_rate)?
                    }
                    Some(p) => {
                        ws.write_number_with_format(r, c_rate, ratio(p), &f.total_rate)?;
                    }
                    None => {
                        ws.write_blank(r, c_rate, &f.total_rate)?;
                    }
                }
            }
            None => {
                ws.write_blank(r, c_score, &f.total_score)?;
                ws.write_blank(r, c_rate, &f.total_rate)?;
            }
        }
        ws.write_blank(r, c_notes, &f.text)?;
        print_setup(ws, 2)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_excel_accepts() {
        let mut taken = vec!["综合评分表".to_string()];
        assert_eq!(sheet_name("表4-1 决策", &mut taken), "表4-1 决策");
        assert_eq!(sheet_name("表4-2 a/b[c]", &mut taken), "表4-2 a_b_c_");
        assert_eq!(sheet_name("表4-1 决策", &mut taken), "表4-1 决策~2");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
    }
}
