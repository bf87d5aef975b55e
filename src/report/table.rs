//! The score table as reports print it (指标 / 分值 / 得分 / 得分率), aligned by display width.

use unicode_width::UnicodeWidthStr;

use crate::model::Project;
use crate::scoring::Scorecard;
use crate::scoring::rounding::{fixed, plain};

/// Pads `s` with spaces to `width` terminal columns (CJK characters count two).
pub fn pad_right(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

pub fn pad_left(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_string()
    } else {
        format!("{}{s}", " ".repeat(width - w))
    }
}

/// Level-1 and level-2 rows (deeper with `max_depth`), then the total, grade and progress.
pub fn score_table(project: &Project, card: &Scorecard, max_depth: usize) -> String {
    let places = project.framework.places;
    let rows: Vec<(String, String, String, String)> = card
        .tree
        .preorder()
        .into_iter()
        .filter(|&i| card.tree.depth[i] <= max_depth)
        .map(|i| {
            let ind = &project.indicators[i];
            let node = &card.nodes[i];
            let indent = "  ".repeat(card.tree.depth[i].saturating_sub(1));
            let label = format!("{indent}{}", ind.label());
            if node.not_applicable {
                return (label, plain(ind.weight), "不适用".into(), "".into());
            }
            (
                label,
                plain(node.weight),
                fixed(node.score, places),
                node.rate
                    .map(|r| format!("{}%", fixed(r, 2)))
                    .unwrap_or_default(),
            )
        })
        .collect();
    let name_w = rows.iter().map(|r| r.0.width()).max().unwrap_or(0).max(8);
    let mut out = String::new();
    out.push_str(&format!("{}\n", project.title()));
    out.push_str(&format!(
        "{}  {}  {}  {}\n",
        pad_right("指标", name_w),
        pad_left("分值", 6),
        pad_left("得分", 7),
        pad_left("得分率", 8)
    ));
    for (label, w, s, r) in &rows {
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            pad_right(label, name_w),
            pad_left(w, 6),
            pad_left(s, 7),
            pad_left(r, 8)
        ));
    }
    if let Some(adj) = &card.adjustments {
        out.push_str(&format!(
            "{}  {}  {}\n",
            pad_right("加减分项", name_w),
            pad_left("", 6),
            pad_left(&format!("{:+}", adj.net.normalize()), 7)
        ));
    }
    out.push_str(&format!(
        "{}  {}  {}  {}\n",
        // While leaves are 未评 or 未完成 the total is provisional.
        pad_right(
            if card.provisional() {
                "暂计"
            } else {
                "合计"
            },
            name_w
        ),
        pad_left(&plain(card.max), 6),
        pad_left(&fixed(card.total, places), 7),
        pad_left(
            &card
                .total_rate()
                .map(|r| format!("{}%", fixed(r, 2)))
                .unwrap_or_default(),
            8
        )
    ));
    if card.na_weight > rust_decimal::Decimal::ZERO {
        out.push_str(&format!(
            "不适用指标分值 {}，按{}处理（未调整前得分 {}）\n",
            plain(card.na_weight),
            match project.framework.na_policy {
                crate::model::NaPolicy::Rebase => "总分折算",
                crate::model::NaPolicy::Redistribute => "同级指标分配",
            },
            fixed(card.base_score, places)
        ));
    }
    out.push_str(&format!(
        "评价等级：{}{}\n",
        card.grade.as_deref().unwrap_or("-"),
        if card.provisional() && card.grade.is_some() {
            "（暂计，尚有指标未评或未完成）"
        } else {
            ""
        }
    ));
    // Level-1 得分率 over what has been scored, beside the rates over the full weight above.
    let so_far: Vec<String> = card
        .tree
        .roots
        .iter()
        .filter_map(|&r| {
            let n = &card.nodes[r];
            n.rate_so_far().map(|rate| {
                format!(
                    "{} {}%（已评 {}/{} 分）",
                    project.indicators[r].code,
                    fixed(rate, 2),
                    plain(n.scored_weight),
                    plain(n.weight)
                )
            })
        })
        .collect();
    if !so_far.is_empty() {
        out.push_str(&format!("已评部分得分率：{}\n", so_far.join("；")));
    }
    out.push_str(&format!(
        "评分进度：{}/{} 项已评\n",
        card.scored_leaves, card.leaves
    ));
    out
}
