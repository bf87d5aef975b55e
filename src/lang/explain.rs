//! Explanations as text a report can use — a node's lines, a leaf's 扣分点说明, a 加减分项 — in
//! the report's language (`Project::report_lang`). Reached as `scoring::explain` too.

use crate::lang::Lang;
use crate::model::Project;
use crate::scoring::rounding::{fixed, plain};
use crate::scoring::{LeafState, Scorecard, Step};

/// `，得分率 12.34%` / `, score rate 12.34%`, when there is a rate.
fn rate_text(rate: Option<rust_decimal::Decimal>, lang: Lang) -> String {
    rate.map(|r| {
        let r = fixed(r, 2);
        lang.pick(format!("，得分率 {r}%"), format!(", score rate {r}%"))
    })
    .unwrap_or_default()
}

/// The full explanation of one node: its rule, inputs, arithmetic and deductions, line by line.
pub fn node_lines(project: &Project, card: &Scorecard, i: usize, lang: Lang) -> Vec<String> {
    let ind = &project.indicators[i];
    let node = &card.nodes[i];
    let places = project.framework.places;
    match &node.leaf {
        Some(leaf) => leaf.steps.iter().map(|s| s.text(places, lang)).collect(),
        None => {
            let mut lines: Vec<String> = card.tree.children[i]
                .iter()
                .map(|&c| {
                    let child = &project.indicators[c];
                    let cn = &card.nodes[c];
                    let (s, w) = (fixed(cn.score, places), plain(cn.weight));
                    let rate = rate_text(cn.rate, lang);
                    lang.pick(
                        format!("{} {}：{s} / {w} 分{rate}", child.code, child.name),
                        format!("{} {}: {s} / {w} points{rate}", child.code, child.name),
                    )
                })
                .collect();
            let (s, w) = (fixed(node.score, places), plain(node.weight));
            let rate = rate_text(node.rate, lang);
            lines.push(lang.pick(
                format!("{} {} 合计 {s} 分（满分 {w} 分）{rate}", ind.code, ind.name),
                format!("{} {} in all: {s} of {w} points{rate}", ind.code, ind.name),
            ));
            lines
        }
    }
}

/// The one-paragraph 扣分点说明 of a leaf that lost points: "B101 资金到位率（3 分，得 1.00 分）：…".
pub fn loss_summary(project: &Project, card: &Scorecard, i: usize, lang: Lang) -> String {
    let ind = &project.indicators[i];
    let node = &card.nodes[i];
    let places = project.framework.places;
    let lost = node.weight - node.score;
    let mut reasons: Vec<String> = Vec::new();
    if let Some(leaf) = &node.leaf {
        match &leaf.state {
            LeafState::Unscorable(r) => reasons.push(lang.pick(
                format!("无法评分：{}", r.trim()),
                format!("cannot be scored: {}", r.trim()),
            )),
            LeafState::Error(e) => reasons.push(Step::CannotCompute(e.clone()).text(0, lang)),
            LeafState::Incomplete(missing) => reasons.push(lang.pick(
                format!("未完成：尚未记录{}", missing.join("、")),
                format!("incomplete: {} not recorded yet", missing.join(", ")),
            )),
            _ => {}
        }
        for step in &leaf.steps {
            if let Step::Deduction { .. } = step {
                reasons.push(step.text(places, lang));
            }
        }
        if reasons.is_empty() {
            reasons.extend(
                leaf.steps
                    .iter()
                    .filter(|s| s.is_working())
                    .map(|s| s.text(places, lang)),
            );
        }
    }
    let (w, s, l) = (
        plain(node.weight),
        fixed(node.score, places),
        fixed(lost, places),
    );
    lang.pick(
        format!(
            "{} {}（{w} 分，得 {s} 分，扣 {l} 分）：{}",
            ind.code,
            ind.name,
            reasons.join("；")
        ),
        format!(
            "{} {} ({w} points, {s} scored, {l} lost): {}",
            ind.code,
            ind.name,
            reasons.join("; ")
        ),
    )
}

/// The explanation of one 加减分项 by its code: a heading, then its criteria, the points recorded
/// and counted (with its cap and the group's), and the reason; `None` when no item has `code`.
pub fn adjustment_lines(
    project: &Project,
    card: &Scorecard,
    code: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    use crate::model::AdjustmentDirection;
    let adj = project.adjustments.as_ref()?;
    let item = adj.items.iter().find(|i| i.code == code)?;
    let places = project.framework.places;
    let (kind, sign, group_cap) = match item.direction {
        AdjustmentDirection::Bonus => (lang.pick("加分项", "bonus"), "+", adj.bonus_cap),
        AdjustmentDirection::Penalty => (lang.pick("减分项", "penalty"), "−", adj.penalty_cap),
    };
    let cap = item.cap.map(plain);
    let mut lines = vec![match (lang, cap) {
        (Lang::Zh, None) => format!("{} {}（{kind}）", item.code, item.name),
        (Lang::Zh, Some(c)) => format!("{} {}（{kind}，单项上限 {c} 分）", item.code, item.name),
        (Lang::En, None) => format!("{} {} ({kind})", item.code, item.name),
        (Lang::En, Some(c)) => format!("{} {} ({kind}, at most {c} points)", item.code, item.name),
    }];
    lines.extend(item.criteria.iter().map(|c| format!("  {}", c.trim())));
    let line = card
        .adjustments
        .as_ref()
        .and_then(|o| o.lines.iter().find(|l| l.code == code));
    match (item.points, line) {
        (None, _) | (_, None) => lines.push(
            lang.pick("  尚未记录分数", "  no points recorded yet")
                .to_string(),
        ),
        (Some(_), Some(l)) => {
            let (recorded, counted) = (plain(l.recorded), plain(l.counted));
            let mut s = lang.pick(
                format!("  记录 {recorded} 分"),
                format!("  {recorded} points recorded"),
            );
            if l.counted != l.recorded {
                s.push_str(&lang.pick(
                    format!("，超过单项上限，按 {counted} 分计"),
                    format!(", above the item's cap, counted as {counted}"),
                ));
            }
            let counts = fixed(l.counted, places);
            s.push_str(&lang.pick(
                format!("，计入 {sign}{counts}"),
                format!(", counts {sign}{counts}"),
            ));
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
        let over = counted > cap;
        let cap = plain(cap);
        let mut s = lang.pick(
            format!("  {kind}合计上限 {cap} 分"),
            format!("  {kind} items capped at {cap} points in all"),
        );
        if over {
            let counted = plain(counted);
            s.push_str(&lang.pick(
                format!("：各项合计 {counted} 分，按 {cap} 分计"),
                format!(": they add up to {counted}, counted as {cap}"),
            ));
        }
        lines.push(s);
    }
    if !item.reason.trim().is_empty() {
        lines.push(lang.pick(
            format!("  理由：{}", item.reason.trim()),
            format!("  reason: {}", item.reason.trim()),
        ));
    }
    Some(lines)
}
