//! The xlsx export's 计分规则 sheet: each leaf's code, name, 目标值, scoring rule written as the
//! file format's inline table, and what the rule reads (录入数据: inputs, tier, checks as TOML
//! lines), so `jixiao import --project` of an export gives back the rules, targets and scores the
//! 综合评分表 cannot show (an empty rule cell is the default: deductions from the weight).

use rust_xlsxwriter::{Workbook, XlsxError};

use super::score_table_xlsx::{Formats, RULES_SHEET};
use super::sheet::fit;
use crate::model::{Project, Tree};
use crate::store::rule_toml;

/// The header of the column with what each leaf's rule reads.
pub const RECORD_HEADER: &str = "录入数据";

pub(crate) fn write_rules_sheet(
    wb: &mut Workbook,
    project: &Project,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(RULES_SHEET)?;
    for (c, h) in ["编码", "指标", "目标值", "计分规则", RECORD_HEADER]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    let tree = Tree::build(project);
    let mut rules = Vec::new();
    let mut records = Vec::new();
    let leaves = tree.preorder().into_iter().filter(|&i| tree.is_leaf(i));
    for (r, i) in (1u32..).zip(leaves) {
        let ind = &project.indicators[i];
        let rule = if rule_toml::is_default(&ind.rule) {
            String::new()
        } else {
            rule_toml::inline(&ind.rule)
        };
        ws.write_string_with_format(r, 0, &ind.code, &f.center)?;
        ws.write_string_with_format(r, 1, &ind.name, &f.text)?;
        ws.write_string_with_format(r, 2, &ind.target, &f.center)?;
        ws.write_string_with_format(r, 3, &rule, &f.text)?;
        let record = rule_toml::record_lines(&ind.assessment);
        ws.write_string_with_format(r, 4, &record, &f.text)?;
        records.push(record);
        rules.push(rule);
    }
    ws.set_column_width(0, 10)?;
    let names: Vec<&str> = project.indicators.iter().map(|i| i.name.as_str()).collect();
    ws.set_column_width(1, fit(names.into_iter(), 12.0, 30.0))?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, fit(rules.iter().map(String::as_str), 20.0, 100.0))?;
    ws.set_column_width(4, fit(records.iter().map(String::as_str), 12.0, 60.0))?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
