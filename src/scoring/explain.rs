//! Explanations as text a report can use.

use super::rounding::{fixed, plain};
use super::{LeafState, Scorecard};
use crate::model::Project;

/// The full explanation of one node: its rule, inputs, arithmetic and deductions, line by line.
pub fn node_lines(project: &Project, card: &Scorecard, i: usize) -> Vec<String> {
    let ind = &project.indicators[i];
    let node = &card.nodes[i];
    let places = project.framework.places;
    match &node.leaf {
        Some(leaf) => leaf.steps.iter().map(|s| s.text(places)).collect(),
        None => {
            let mut lines: Vec<String> = card.tree.children[i]
                .iter()
                .map(|&c| {
                    let child = &project.indicators[c];
                    let cn = &card.nodes[c];
                    format!(
                        "{}：{} / {} 分{}",
                        child.label(),
                        fixed(cn.score, places),
                        plain(cn.weight),
                        cn.rate
                            .map(|r| format!("，得分率 {}%", fixed(r, 2)))
                            .unwrap_or_default()
                    )
                })
                .collect();
            lines.push(format!(
                "{} 合计 {} 分（满分 {} 分）{}",
                ind.label(),
                fixed(node.score, places),
                plain(node.weight),
                node.rate
                    .map(|r| format!("，得分率 {}%", fixed(r, 2)))
                    .unwrap_or_default()
            ));
            lines
        }
    }
}

/// The one-paragraph 扣分点说明 of a leaf that lost points: "B101 资金到位率（3 分，得 1.00 分）：…".
pub fn loss_summary(project: &Project, card: &Scorecard, i: usize) -> String {
    let ind = &project.indicators[i];
    let node = &card.nodes[i];
    let places = project.framework.places;
    let lost = node.weight - node.score;
    let mut reasons: Vec<String> = Vec::new();
    if let Some(leaf) = &node.leaf {
        match &leaf.state {
            LeafState::Unscorable(r) => reasons.push(format!("无法评分：{}", r.trim())),
            LeafState::Error(e) => reasons.push(super::Step::CannotCompute(e.clone()).text(0)),
            LeafState::Incomplete(missing) => {
                reasons.push(format!("未完成：尚未记录{}", missing.join("、")))
            }
            _ => {}
        }
        for step in &leaf.steps {
            if let super::Step::Deduction { .. } = step {
                reasons.push(step.text(places));
            }
        }
        if reasons.is_empty() {
            reasons.extend(
                leaf.steps
                    .iter()
                    .filter(|s| {
                        matches!(
                            s,
                            super::Step::Calc(_)
                                | super::Step::Note(_)
                                | super::Step::CannotCompute(_)
                        )
                    })
                    .map(|s| s.text(places)),
            );
        }
    }
    format!(
        "{}（{} 分，得 {} 分，扣 {} 分）：{}",
        ind.label(),
        plain(node.weight),
        fixed(node.score, places),
        fixed(lost, places),
        reasons.join("；")
    )
}

/// The explanation of one 加减分项 by its code: a heading, then its criteria, the points recorded
/// and counted (with its cap and the group's), and the reason; `None` when no item has `code`.
pub fn adjustment_lines(project: &Project, card: &Scorecard, code: &str) -> Option<Vec<String>> {
    use crate::model::AdjustmentDirection;
    let adj = project.adjustments.as_ref()?;
    let item = adj.items.iter().find(|i| i.code == code)?;
    let places = project.framework.places;
    let (kind, sign, group_cap) = match item.direction {
        AdjustmentDirection::Bonus => ("加分项", "+", adj.bonus_cap),
        AdjustmentDirection::Penalty => ("减分项", "−", adj.penalty_cap),
    };
    let range = match (item.min, item.cap) {
        (Some(a), Some(b)) => format!("，单项 {}–{} 分", plain(a), plain(b)),
        (Some(a), None) => format!("，单项至少 {} 分", plain(a)),
        (None, Some(b)) => format!("，单项上限 {} 分", plain(b)),
        (None, None) => String::new(),
    };
    let mut lines = vec![format!("{} {}（{kind}{range}）", item.code, item.name)];
    lines.extend(item.criteria.iter().map(|c| format!("  {}", c.trim())));
    if let (Some(per), Some(n), Some(product)) = (item.per_item, item.count, item.by_rule()) {
        lines.push(format!(
            "  每项 {} 分 × {} 项 = {} 分",
            plain(per),
            plain(n),
            plain(product)
        ));
    }
    let line = card
        .adjustments
        .as_ref()
        .and_then(|o| o.lines.iter().find(|l| l.code == code));
    match (item.recorded(), line) {
        (None, _) | (_, None) => lines.push("  尚未记录分数".to_string()),
        (Some(_), Some(l)) => {
            // Written points are the evaluators' award; without them the item's rule counts.
            let how = if item.points.is_some() {
                "记录"
            } else {
                "按规则计"
            };
            let mut s = format!("  {how} {} 分", plain(l.recorded));
            if l.counted != l.recorded {
                s.push_str(&format!("，超过单项上限，按 {} 分计", plain(l.counted)));
            }
            s.push_str(&format!("，计入 {sign}{}", fixed(l.counted, places)));
            lines.push(s);
        }
    }
    if let (Some(cap), Some(o)) = (group_cap, &card.adjustments) {
        let counted: rust_decimal::Decimal = o
            .lines
            .iter()
            .filter(|l| l.direction == item.direction)
            .map(|l| l.counted)
            .sum();
        let mut s = format!("  {kind}合计上限 {} 分", plain(cap));
        if counted > cap {
            s.push_str(&format!(
                "：各项合计 {} 分，按 {} 分计",
                plain(counted),
                plain(cap)
            ));
        }
        lines.push(s);
    }
    if let Some(stated) = item.stated {
        lines.push(format!("  报告列示 {} 分", plain(stated)));
    }
    if !item.reason.trim().is_empty() {
        lines.push(format!("  理由：{}", item.reason.trim()));
    }
    Some(lines)
}
