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
                    let label = child.label();
                    lang.pick(
                        format!("{label}：{s} / {w} 分{rate}"),
                        format!("{label}: {s} / {w} points{rate}"),
                    )
                })
                .collect();
            let (s, w) = (fixed(node.score, places), plain(node.weight));
            let rate = rate_text(node.rate, lang);
            let label = ind.label();
            lines.push(lang.pick(
                format!("{label} 合计 {s} 分（满分 {w} 分）{rate}"),
                format!("{label} in all: {s} of {w} points{rate}"),
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
        let deductions: Vec<&Step> = leaf
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Deduction { .. }))
            .collect();
        match deductions[..] {
            // One finding that is the whole loss: the heading already says "扣 2.00 分", so
            // the finding is given once, without its amount again.
            [Step::Deduction { points, reason, .. }]
                if *points == lost && !reason.trim().is_empty() =>
            {
                reasons.push(reason.trim().to_string())
            }
            _ => reasons.extend(deductions.iter().map(|s| s.text(places, lang))),
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
    let label = ind.label();
    lang.pick(
        format!(
            "{label}（{w} 分，得 {s} 分，扣 {l} 分）：{}",
            reasons.join("；")
        ),
        format!(
            "{label} ({w} points, {s} scored, {l} lost): {}",
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
    let range = match (lang, item.min.map(plain), item.cap.map(plain)) {
        (_, None, None) => String::new(),
        (Lang::Zh, Some(a), Some(b)) => format!("，单项 {a}–{b} 分"),
        (Lang::Zh, Some(a), None) => format!("，单项至少 {a} 分"),
        (Lang::Zh, None, Some(b)) => format!("，单项上限 {b} 分"),
        (Lang::En, Some(a), Some(b)) => format!(", {a}–{b} points"),
        (Lang::En, Some(a), None) => format!(", at least {a} points"),
        (Lang::En, None, Some(b)) => format!(", at most {b} points"),
    };
    let mut lines = vec![lang.pick(
        format!("{} {}（{kind}{range}）", item.code, item.name),
        format!("{} {} ({kind}{range})", item.code, item.name),
    )];
    lines.extend(item.criteria.iter().map(|c| format!("  {}", c.trim())));
    if let (Some(per), Some(n), Some(product)) = (item.per_item, item.count, item.by_rule()) {
        let (per, n, product) = (plain(per), plain(n), plain(product));
        lines.push(lang.pick(
            format!("  每项 {per} 分 × {n} 项 = {product} 分"),
            format!("  {per} points × {n} items = {product} points"),
        ));
    }
    let line = card
        .adjustments
        .as_ref()
        .and_then(|o| o.lines.iter().find(|l| l.code == code));
    match (item.recorded(), line) {
        (None, _) | (_, None) => lines.push(
            lang.pick("  尚未记录分数", "  no points recorded yet")
                .to_string(),
        ),
        (Some(_), Some(l)) => {
            let (recorded, counted) = (plain(l.recorded), plain(l.counted));
            // Written points are the evaluators' award; without them the item's rule counts.
            let mut s = match (lang, item.points.is_some()) {
                (Lang::Zh, true) => format!("  记录 {recorded} 分"),
                (Lang::Zh, false) => format!("  按规则计 {recorded} 分"),
                (Lang::En, true) => format!("  {recorded} points recorded"),
                (Lang::En, false) => format!("  {recorded} points by its rule"),
            };
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
    if let Some(stated) = item.stated {
        let stated = plain(stated);
        lines.push(lang.pick(
            format!("  报告列示 {stated} 分"),
            format!("  the report prints {stated} points"),
        ));
    }
    if !item.reason.trim().is_empty() {
        lines.push(lang.pick(
            format!("  理由：{}", item.reason.trim()),
            format!("  reason: {}", item.reason.trim()),
        ));
    }
    Some(lines)
}
