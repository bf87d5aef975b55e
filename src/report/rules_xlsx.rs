//! The xlsx export's 计分规则 sheet: each leaf's code, name, 目标值, scoring rule written as the
//! file format's inline table, and what the rule reads (录入数据: inputs, tier, checks as TOML
//! lines), so `jixiao import --project` of an export gives back the rules, targets and scores the
//! 综合评分表 cannot show (an empty rule cell is the default: deductions from the weight).
//!
//! Every node has a row, parents too (their rule cells stay empty), with 印制编码 — the code the
//! tables print (`shown`; an empty cell when they print none) — beside the key, so an import
//! gives back the keys and the printed codes that the tables' labels alone cannot tell apart
//! from the names.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::score_table_xlsx::{Formats, RULES_SHEET};
use super::sheet::fit;
use crate::model::{Project, Tree};
use crate::store::rule_toml;

/// The header of the column with what each leaf's rule reads.
pub const RECORD_HEADER: &str = "录入数据";

/// The header of the column with the code the tables print (`shown`, else the key).
pub const PRINTED_HEADER: &str = "印制编码";

/// The header of the column with each node's name.
pub const NAME_HEADER: &str = "指标";

pub(crate) fn write_rules_sheet(
    wb: &mut Workbook,
    project: &Project,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(RULES_SHEET)?;
    for (c, h) in [
        "编码",
        PRINTED_HEADER,
        NAME_HEADER,
        "目标值",
        "计分规则",
        RECORD_HEADER,
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    let tree = Tree::build(project);
    let mut rules = Vec::new();
    let mut records = Vec::new();
    for (r, i) in (1u32..).zip(tree.preorder()) {
        let ind = &project.indicators[i];
        ws.write_string_with_format(r, 0, &ind.code, &f.center)?;
        ws.write_string_with_format(r, 1, ind.display_code(), &f.center)?;
        ws.write_string_with_format(r, 2, &ind.name, &f.text)?;
        if !tree.is_leaf(i) {
            // A parent has no rule of its own: its row only carries the key and printed code.
            continue;
        }
        let rule = if rule_toml::is_default(&ind.rule) {
            String::new()
        } else {
            rule_toml::inline(&ind.rule)
        };
        ws.write_string_with_format(r, 3, &ind.target, &f.center)?;
        ws.write_string_with_format(r, 4, &rule, &f.text)?;
        let record = rule_toml::record_lines(&ind.assessment);
        ws.write_string_with_format(r, 5, &record, &f.text)?;
        records.push(record);
        rules.push(rule);
    }
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 10)?;
    let names: Vec<&str> = project.indicators.iter().map(|i| i.name.as_str()).collect();
    ws.set_column_width(2, fit(names.into_iter(), 12.0, 30.0))?;
    ws.set_column_width(3, 12)?;
    ws.set_column_width(4, fit(rules.iter().map(String::as_str), 20.0, 100.0))?;
    ws.set_column_width(5, fit(records.iter().map(String::as_str), 12.0, 60.0))?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
