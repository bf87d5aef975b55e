//! `score --json`: decimals as strings so no reader ever turns them into floats.

use serde_json::{Value, json};

use crate::model::Project;
use crate::scoring::rounding::{fixed, plain};
use crate::scoring::{LeafState, Scorecard};

pub fn score_json(project: &Project, card: &Scorecard) -> Value {
    let places = project.framework.places;
    let nodes: Vec<Value> = card
        .tree
        .preorder()
        .into_iter()
        .map(|i| {
            let ind = &project.indicators[i];
            let node = &card.nodes[i];
            let state = node.leaf.as_ref().map(|l| match &l.state {
                LeafState::Scored => "scored",
                LeafState::Unscored => "unscored",
                LeafState::NotApplicable(_) => "not_applicable",
                LeafState::Unscorable(_) => "unscorable",
                LeafState::Incomplete(_) => "incomplete",
                LeafState::Error(_) => "error",
            });
            let mut v = json!({
                "code": ind.code,
                "name": ind.name,
                "depth": card.tree.depth[i],
                "weight": plain(node.weight),
                "score": fixed(node.score, places),
                "rate": node.rate.map(|r| fixed(r, 2)),
                "leaf": card.tree.is_leaf(i),
            });
            if let Some(s) = state {
                v["state"] = json!(s);
            }
            // The code the report prints, where it is not the key.
            if let Some(shown) = ind.shown.as_ref().filter(|s| **s != ind.code) {
                v["shown"] = json!(shown);
            }
            if let Some(l) = &node.leaf
                && let (Some(a), Some(c)) = (l.awarded, l.computed)
            {
                v["awarded"] = json!(fixed(a, places));
                v["computed"] = json!(fixed(c, places));
            }
            v
        })
        .collect();
    let mut out = json!({
        "project": project.title(),
        "framework": project.framework.id,
        "total": fixed(card.total, places),
        "max": plain(card.max),
        "rate": card.total_rate().map(|r| fixed(r, 2)),
        "grade": card.grade,
        "scored_leaves": card.scored_leaves,
        "provisional": card.provisional(),
        "leaves": card.leaves,
        "nodes": nodes,
    });
    // 加减分项 are outside the base total: the total is base_total + bonus − penalty.
    if let Some(o) = &card.adjustments {
        let items: Vec<Value> = o
            .lines
            .iter()
            .map(|l| {
                let stated = project
                    .adjustments
                    .as_ref()
                    .and_then(|a| a.items.iter().find(|i| i.code == l.code))
                    .and_then(|i| i.stated);
                let mut v = json!({
                    "code": l.code,
                    "name": l.name,
                    "direction": match l.direction {
                        crate::model::AdjustmentDirection::Bonus => "bonus",
                        crate::model::AdjustmentDirection::Penalty => "penalty",
                    },
                    "recorded": fixed(l.recorded, places),
                    "counted": fixed(l.counted, places),
                    "reason": l.reason,
                });
                // The points the report prints, where the file keeps them.
                if let Some(s) = stated {
                    v["stated"] = json!(plain(s));
                }
                v
            })
            .collect();
        out["base_total"] = json!(fixed(card.base_total(project), places));
        out["adjustments"] = json!({
            "bonus": fixed(o.bonus, places),
            "penalty": fixed(o.penalty, places),
            "net": fixed(o.net, places),
            "items": items,
        });
    }
    out
}
