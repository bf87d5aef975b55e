//! Rows of an indicator table → the indicator tree, with codes and checked weights.
//!
//! How rows are read:
//! - a blank level cell means "same as above" (that is also how a merged cell reads), as long as
//!   a deeper level cell on the row is filled; the row's path ends at its last filled level cell,
//!   so a row that fills only 一级 and 二级 is that 二级指标 itself (a parent row, or a leaf when
//!   nothing is listed under it);
//! - a row whose level cells are all blank, or repeat the row above, continues the indicator
//!   above: its 指标解释 / 评分标准 lines are added to it (附件1 prints one checkpoint per row);
//! - "A101 依据充分性" and "A1. 项目立项 (4)" carry a code and a weight in the label; codes are
//!   used when every indicator has one, otherwise all are assigned (A, A1, A101 …);
//! - a parent's weight is the sum of its children's; when the table gives one it is checked;
//! - a 合计 / 总计 row ends the table (its 分值 is checked); 加减分项 rows are left out with a
//!   warning, 小计 rows are skipped.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::columns::Columns;
pub use super::outcome::{Built, Finding, Options, RowMessage, SideNode, SideRow, Sidecar};
use super::read::Row;
use crate::model::{FrameworkInfo, GradeBand, Indicator, Project};
use crate::store::parse_decimal;

#[derive(Debug, Default)]
struct Node {
    /// Labels from level 1 down to this node, as written.
    path: Vec<String>,
    name: String,
    code: Option<String>,
    /// A weight and the row that gave it.
    weight: Option<(Decimal, usize)>,
    explanation: Vec<String>,
    criteria: Vec<String>,
    formula: String,
    target: String,
    source: String,
    /// 得分 as written, and its row.
    score: Option<(String, usize)>,
    /// 扣分原因 lines.
    notes: Vec<String>,
    justification: Vec<String>,
    /// A rule written as inline TOML (the export's 计分规则), and its row.
    rule: Option<(String, usize)>,
    /// The first row that mentions it.
    row: usize,
    /// Whether a row of its own ends at it (not only rows below it).
    has_row: bool,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Splits "A1. 项目立项 (4)" into its code, name and weight. A code is one or two ASCII letters
/// and digits followed by a space, `.`, `．` or `、`; a weight is a trailing bracketed number.
pub fn split_label(label: &str) -> (Option<String>, String, Option<Decimal>) {
    let mut s = label.trim();
    let mut weight = None;
    if let Some(stripped) = s.strip_suffix([')', '）'])
        && let Some(open) = stripped.rfind(['(', '（'])
    {
        let inner = stripped[open..]
            .trim_start_matches(['(', '（'])
            .trim()
            .trim_end_matches('分')
            .trim();
        if let Some(w) = parse_decimal(inner) {
            weight = Some(w);
            s = stripped[..open].trim_end();
        }
    }
    let letters = s.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = s[letters..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let code_len = letters + digits;
    if (1..=2).contains(&letters) {
        let rest = &s[code_len..];
        let sep_len: usize = rest
            .chars()
            .take_while(|c| matches!(c, ' ' | '\u{3000}' | '.' | '．' | '、' | '\t'))
            .map(char::len_utf8)
            .sum();
        let name = rest[sep_len..].trim();
        let dot_before_digit =
            rest.starts_with('.') && name.starts_with(|c: char| c.is_ascii_digit());
        if sep_len > 0 && !name.is_empty() && !dot_before_digit {
            return (Some(s[..code_len].to_string()), name.to_string(), weight);
        }
    }
    (None, s.to_string(), weight)
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A criteria line that is really the indicator's formula, as 附件1 prints it first:
/// "资金到位率=（实际到位资金/预算资金）×100%".
fn looks_like_formula(line: &str) -> bool {
    line.contains(['=', '＝']) && line.contains(['×', '÷', '/', '*', '／', '＊'])
}

const TOTAL_LABELS: &[&str] = &["合计", "总计", "总分", "合 计", "总 计", "得分合计"];
const SUBTOTAL_LABELS: &[&str] = &["小计", "小 计"];
const ADJUSTMENT_LABELS: &[&str] = &[
    "加减分项",
    "加分项",
    "减分项",
    "扣分项",
    "加扣分项",
    "加减分",
    "附加分",
];

/// Builds the framework. Errors name their rows; when there are any the result is `Err` with
/// every error and warning found.
pub fn build(
    rows: &[Row],
    cols: &Columns,
    opts: &Options,
    sidecar: &Sidecar,
) -> Result<Built, Vec<RowMessage>> {
    let mut msgs: Vec<RowMessage> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut by_path: HashMap<Vec<String>, usize> = HashMap::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut prev_path: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    let mut in_adjustments = false;
    let mut total_row: Option<(usize, Option<Decimal>)> = None;
    let get = |row: &Row, c: Option<usize>| c.map(|c| row.cell(c).to_string()).unwrap_or_default();
    let mut end = rows.len();

    for (k, row) in rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        let cells: Vec<&str> = cols.levels.iter().map(|&c| row.cell(c)).collect();
        let first = cells.iter().find(|c| !c.is_empty()).copied().unwrap_or("");
        let weight_text = get(row, cols.weight);
        if TOTAL_LABELS.contains(&first) {
            let text = std::iter::once(cols.weight)
                .chain(cols.level_weights.iter().copied())
                .map(|c| get(row, c))
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            let w = parse_decimal(text.trim_end_matches('分'));
            total_row = Some((row.number, w));
            end = k;
            break;
        }
        // A legend of grade bands under the table ends it (without a 合计 row).
        if row.cells.iter().filter(|c| !c.trim().is_empty()).count() == 1
            && super::legend::parse_bands(
                row.cells
                    .iter()
                    .map(|c| c.trim())
                    .find(|c| !c.is_empty())
                    .unwrap_or(""),
            )
            .is_some()
        {
            end = k;
            break;
        }
        if cells.iter().any(|c| SUBTOTAL_LABELS.contains(c)) {
            continue;
        }
        if !cells[0].is_empty() {
            in_adjustments = ADJUSTMENT_LABELS.contains(&cells[0]);
            if in_adjustments {
                msgs.push(RowMessage::warning(
                    row.number,
                    Finding::AdjustmentRows {
                        label: cells[0].to_string(),
                    },
                ));
            }
        }
        if in_adjustments {
            continue;
        }

        // The row's path: blanks before its last filled level cell repeat the row above.
        let last = cells.iter().rposition(|c| !c.is_empty());
        let mut path: Vec<String> = Vec::new();
        let mut ok = true;
        if let Some(last) = last {
            for (k, cell) in cells.iter().enumerate().take(last + 1) {
                if !cell.is_empty() {
                    path.push(cell.to_string());
                } else if k < prev_path.len() && prev_path[..k] == path[..] {
                    path.push(prev_path[k].clone());
                } else {
                    let above = (k < prev_path.len()).then(|| prev_path[..k].join(" > "));
                    msgs.push(RowMessage::error(
                        row.number,
                        Finding::BlankLevel {
                            header: crate::report::sheet::level_header(k + 1),
                            above,
                        },
                    ));
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }

        let mut chain: Vec<usize> = Vec::new();
        let node = if path.is_empty() || path == prev_path {
            // A continuation row.
            match current {
                Some(n) => n,
                None => {
                    msgs.push(RowMessage::error(row.number, Finding::NoIndicatorName));
                    continue;
                }
            }
        } else {
            // Create the path's nodes that don't exist yet.
            chain.clear();
            let mut parent: Option<usize> = None;
            for depth in 1..=path.len() {
                let key = path[..depth].to_vec();
                let idx = match by_path.get(&key) {
                    Some(&i) => {
                        if depth == path.len() && nodes[i].has_row {
                            msgs.push(RowMessage::error(
                                row.number,
                                Finding::RowsApart {
                                    path: key.join(" > "),
                                    row: nodes[i].row,
                                },
                            ));
                        }
                        i
                    }
                    None => {
                        let (code, name, label_weight) = split_label(&path[depth - 1]);
                        let i = nodes.len();
                        nodes.push(Node {
                            path: key.clone(),
                            name,
                            code,
                            weight: label_weight.map(|w| (w, row.number)),
                            row: row.number,
                            parent,
                            ..Node::default()
                        });
                        match parent {
                            Some(p) => nodes[p].children.push(i),
                            None => roots.push(i),
                        }
                        by_path.insert(key, i);
                        i
                    }
                };
                parent = Some(idx);
                chain.push(idx);
            }
            let i = parent.expect("a non-empty path has a node");
            nodes[i].has_row = true;
            prev_path = path;
            i
        };
        current = Some(node);

        // A 分值 per level gives each indicator on the row its own; one 分值 gives the row's.
        if cols.level_weights.is_empty() {
            record_weight(
                &mut nodes[node],
                &weight_text,
                row.number,
                cols.weight,
                &mut msgs,
            );
        } else {
            for (depth, &i) in chain.iter().enumerate() {
                let col = cols.level_weights.get(depth).copied().flatten();
                let text = get(row, col);
                record_weight(&mut nodes[i], &text, row.number, col, &mut msgs);
            }
        }
        for (depth, &i) in chain.iter().enumerate() {
            let code = get(row, cols.level_codes.get(depth).copied().flatten());
            if !code.is_empty() {
                nodes[i].code = Some(code);
            }
        }
        let n = &mut nodes[node];
        n.explanation.extend(lines(&get(row, cols.explanation)));
        n.criteria.extend(lines(&get(row, cols.criteria)));
        for (field, text) in [
            (&mut n.formula, get(row, cols.formula)),
            (&mut n.target, get(row, cols.target)),
            (&mut n.source, get(row, cols.source)),
        ] {
            if !text.is_empty() {
                if !field.is_empty() {
                    field.push('\n');
                }
                field.push_str(&text);
            }
        }
        let code = get(row, cols.code);
        if !code.is_empty() {
            n.code = Some(code);
        }
        let score = get(row, cols.score);
        if !score.is_empty() {
            n.score = Some((score, row.number));
        }
        n.notes.extend(lines(&get(row, cols.notes)));
        n.justification.extend(lines(&get(row, cols.justification)));
        let rule = get(row, cols.rule);
        if !rule.is_empty() {
            n.rule = Some((rule, row.number));
        } else if cols.rule.is_some() && n.rule.is_none() {
            // A 计分规则 column whose cell is empty says "the default rule" (as the exports
            // write it), not "read the 评分标准 text".
            n.rule = Some((String::new(), row.number));
        }
    }

    if nodes.is_empty() {
        msgs.push(RowMessage::of_table(true, Finding::NoIndicators));
        return Err(msgs);
    }

    // A formula printed as the first criteria line (附件1's layout) goes back to `formula`.
    for n in nodes.iter_mut().filter(|n| n.children.is_empty()) {
        if n.formula.is_empty() && n.criteria.first().is_some_and(|l| looks_like_formula(l)) {
            n.formula = n.criteria.remove(0);
        }
    }

    // Weights, bottom-up: leaves need one; parents are derived or checked.
    let order = preorder(&nodes, &roots);
    for &i in order.iter().rev() {
        if nodes[i].children.is_empty() {
            if nodes[i].weight.is_none() {
                msgs.push(RowMessage::error(
                    nodes[i].row,
                    Finding::NoWeight {
                        header: crate::report::sheet::level_header(nodes[i].path.len()),
                        name: nodes[i].name.clone(),
                    },
                ));
            }
            continue;
        }
        let kids = &nodes[i].children;
        if kids.iter().any(|&c| nodes[c].weight.is_none()) {
            continue;
        }
        let sum: Decimal = kids.iter().map(|&c| nodes[c].weight.unwrap().0).sum();
        let first_kid = nodes[kids[0]].row;
        let last_kid = kids
            .iter()
            .map(|&c| nodes[c].row)
            .max()
            .unwrap_or(first_kid);
        match nodes[i].weight {
            Some((w, at)) if w != sum => msgs.push(RowMessage::error(
                at,
                Finding::ChildrenDontAdd {
                    name: nodes[i].name.clone(),
                    weight: w,
                    children: kids.len(),
                    sum,
                    first_row: first_kid,
                    last_row: last_kid,
                },
            )),
            Some(_) => {}
            None => nodes[i].weight = Some((sum, nodes[i].row)),
        }
    }
    let level1_sum: Decimal = roots
        .iter()
        .filter_map(|&r| nodes[r].weight.map(|w| w.0))
        .sum();
    let all_weighted = roots.iter().all(|&r| nodes[r].weight.is_some());
    if all_weighted {
        if let Some((at, Some(w))) = total_row
            && w != level1_sum
        {
            msgs.push(RowMessage::error(
                at,
                Finding::TotalRow {
                    total: w,
                    sum: level1_sum,
                },
            ));
        }
        if let Some(t) = opts.total
            && t != level1_sum
        {
            msgs.push(RowMessage::of_table(
                true,
                Finding::TotalOption {
                    total: t,
                    sum: level1_sum,
                },
            ));
        }
    }

    // Codes: the table's own when every indicator has one, otherwise assigned.
    let use_given = nodes.iter().all(|n| n.code.is_some());
    let mut codes: Vec<String> = vec![String::new(); nodes.len()];
    if use_given {
        for (i, n) in nodes.iter().enumerate() {
            codes[i] = n.code.clone().unwrap_or_default();
        }
    } else {
        for (k, &r) in roots.iter().enumerate() {
            codes[r] = letters(k);
        }
        for &i in &order {
            for (k, &c) in nodes[i].children.iter().enumerate() {
                let depth = nodes[c].path.len();
                codes[c] = if depth == 2 {
                    format!("{}{}", codes[i], k + 1)
                } else {
                    format!("{}{:02}", codes[i], k + 1)
                };
            }
        }
    }
    // An export's 计分规则 sheet gives back the keys and printed codes its labels hide.
    let labels: Vec<&str> = order
        .iter()
        .map(|&i| nodes[i].path.last().map_or("", String::as_str))
        .collect();
    let side_nodes = super::printed::match_nodes(&labels, &sidecar.nodes);
    let mut shown: Vec<Option<String>> = vec![None; nodes.len()];
    if let Some(side) = &side_nodes {
        for (&i, n) in order.iter().zip(side) {
            codes[i] = n.key.clone();
            shown[i] = super::printed::shown(n);
            nodes[i].name = n.name.clone();
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &i in &order {
        if let Some(&other) = seen.get(codes[i].as_str()) {
            msgs.push(RowMessage::error(
                nodes[i].row,
                Finding::CodeTwice {
                    code: codes[i].clone(),
                    other: nodes[other].name.clone(),
                    row: nodes[other].row,
                },
            ));
        } else {
            seen.insert(&codes[i], i);
        }
    }

    if msgs.iter().any(|m| m.error) {
        return Err(msgs);
    }

    let total = opts.total.unwrap_or(level1_sum);
    let project = Project {
        framework: FrameworkInfo {
            id: opts.id.clone(),
            name: opts.name.clone(),
            total,
            ..FrameworkInfo::default()
        },
        grades: default_grades(),
        indicators: order
            .iter()
            .map(|&i| {
                let n = &nodes[i];
                Indicator {
                    code: codes[i].clone(),
                    shown: shown[i].clone(),
                    name: n.name.clone(),
                    parent: n.parent.map(|p| codes[p].clone()),
                    weight: n.weight.map(|w| w.0).unwrap_or_default(),
                    explanation: n.explanation.join("\n"),
                    criteria: n.criteria.clone(),
                    formula: n.formula.clone(),
                    target: n.target.clone(),
                    source: n.source.clone(),
                    ..Indicator::default()
                }
            })
            .collect(),
        ..Project::default()
    };
    let mut built = Built {
        project,
        warnings: msgs,
        rules_read: Vec::new(),
        rules_unread: Vec::new(),
        end,
    };
    for (k, &i) in order.iter().enumerate() {
        let n = &nodes[i];
        if n.children.is_empty() {
            let cells = super::leaves::LeafCells {
                score: n.score.as_ref(),
                notes: &n.notes,
                justification: &n.justification,
                rule: n.rule.as_ref(),
            };
            super::leaves::fill(&mut built, k, &cells, opts, sidecar);
        }
    }
    if built.warnings.iter().any(|m| m.error) {
        return Err(built.warnings);
    }
    Ok(built)
}

/// Records a 分值 cell on `n`, checking it against one given before.
fn record_weight(
    n: &mut Node,
    text: &str,
    row: usize,
    col: Option<usize>,
    msgs: &mut Vec<RowMessage>,
) {
    if text.is_empty() {
        return;
    }
    match parse_decimal(text.trim_end_matches('分').trim()) {
        Some(w) if w < Decimal::ZERO => msgs.push(RowMessage::error(
            row,
            Finding::NegativeWeight {
                text: text.to_string(),
            },
        )),
        Some(w) => match n.weight {
            Some((old, at)) if old != w => msgs.push(RowMessage::error(
                row,
                Finding::WeightDiffers {
                    name: n.name.clone(),
                    weight: w,
                    before: old,
                    row: at,
                },
            )),
            _ => n.weight = Some((w, row)),
        },
        None => {
            let cell = format!(
                "{}{}",
                super::read::column_name(col.map_or(0, |c| c + 1)),
                row
            );
            let is_date = crate::model::date::looks_like_date(text.get(..10).unwrap_or(text))
                || text.contains(':');
            msgs.push(RowMessage::error(
                row,
                if is_date {
                    Finding::WeightIsDate {
                        cell,
                        text: text.to_string(),
                    }
                } else {
                    Finding::WeightNotNumber {
                        cell,
                        text: text.to_string(),
                    }
                },
            ))
        }
    }
}

/// A, B … Z, AA, AB …
fn letters(k: usize) -> String {
    let mut k = k;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (k % 26) as u8);
        if k < 26 {
            break;
        }
        k = k / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn preorder(nodes: &[Node], roots: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(nodes[i].children.iter().rev());
    }
    out
}

/// The bands most frameworks state (财预〔2020〕10号): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差.
pub fn default_grades() -> Vec<GradeBand> {
    [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
        .into_iter()
        .map(|(name, min)| GradeBand {
            name: name.into(),
            min: Decimal::from(min),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_codes_and_weights() {
        assert_eq!(
            split_label("A101 依据充分性"),
            (Some("A101".into()), "依据充分性".into(), None)
        );
        assert_eq!(
            split_label("A1. 项目立项 (4)"),
            (Some("A1".into()), "项目立项".into(), Some(Decimal::from(4)))
        );
        assert_eq!(
            split_label("决策（15分）"),
            (None, "决策".into(), Some(Decimal::from(15)))
        );
        assert_eq!(
            split_label("A级景区数量"),
            (None, "A级景区数量".into(), None)
        );
        assert_eq!(split_label("PM2.5浓度"), (None, "PM2.5浓度".into(), None));
        assert_eq!(
            split_label("满意度（群众）"),
            (None, "满意度（群众）".into(), None)
        );
    }

    #[test]
    fn level_one_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
    }

    #[test]
    fn formula_lines() {
        assert!(looks_like_formula(
            "资金到位率=（实际到位资金/预算资金）×100%。"
        ));
        assert!(!looks_like_formula("①是否符合国家法律法规；"));
    }
}
