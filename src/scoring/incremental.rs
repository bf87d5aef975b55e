//! Re-scoring after an edit to one leaf: the leaf, then only its ancestors, the total and the
//! grade — so a keystroke costs O(depth × siblings), not O(tree), on the largest projects.

use rust_decimal::Decimal;

use super::{Scorecard, adjustments, grade_of, rounding, score, score_leaf};
use crate::model::Project;

/// Brings `card` up to date after leaf `code`'s assessment changed. Falls back to a full
/// recompute when the change can move weights (不适用 toggled) or the tree changed shape.
pub fn rescore(project: &Project, card: &mut Scorecard, code: &str) {
    let Some(i) = project.index_of(code) else {
        *card = score(project);
        return;
    };
    let shape_changed = card.nodes.len() != project.indicators.len() || !card.tree.is_leaf(i);
    let na_changed = card.nodes[i].not_applicable != project.indicators[i].assessment.na.is_some();
    if shape_changed || na_changed {
        *card = score(project);
        return;
    }
    let fw = &project.framework;
    let outcome = score_leaf(&project.indicators[i], card.nodes[i].weight, fw);
    {
        let node = &mut card.nodes[i];
        node.score = outcome.score;
        node.scored_leaves = usize::from(!outcome.state.is_pending());
        node.scored_weight = if outcome.state.is_pending() {
            Decimal::ZERO
        } else {
            node.weight
        };
        node.rate = rounding::rate(node.score, node.weight);
        node.leaf = Some(outcome);
    }
    let mut at = card.tree.parent[i];
    while let Some(p) = at {
        let (mut s, mut scored, mut sw) = (Decimal::ZERO, 0, Decimal::ZERO);
        for &c in &card.tree.children[p] {
            s += card.nodes[c].score;
            scored += card.nodes[c].scored_leaves;
            sw += card.nodes[c].scored_weight;
        }
        let node = &mut card.nodes[p];
        node.score = s;
        node.scored_leaves = scored;
        node.scored_weight = sw;
        node.rate = rounding::rate(s, node.weight);
        at = card.tree.parent[p];
    }
    card.base_score = card.tree.roots.iter().map(|&r| card.nodes[r].score).sum();
    card.scored_leaves = card
        .tree
        .roots
        .iter()
        .map(|&r| card.nodes[r].scored_leaves)
        .sum();
    let counted: Decimal = card.tree.roots.iter().map(|&r| card.nodes[r].weight).sum();
    let mut total = super::rebased(fw, card.base_score, card.na_weight, counted);
    card.adjustments = project.adjustments.as_ref().map(adjustments::apply);
    if let Some(adj) = &card.adjustments {
        total = (total + adj.net).max(Decimal::ZERO);
    }
    card.total = total;
    card.grade = grade_of(project, &card.nodes, total);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, apply};
    use crate::model::{Deduction, InputValue};
    use proptest::prelude::*;

    const SAMPLES: [&str; 3] = [
        include_str!("../../samples/rongcheng-checkup.toml"),
        include_str!("../../samples/rongcheng-outsourcing-park.toml"),
        include_str!("../../samples/rongcheng-home-care.toml"),
    ];

    fn edit_for(project: &Project, leaf: usize, kind: u8, amount: u32) -> Edit {
        let ind = &project.indicators[leaf];
        let code = ind.code.clone();
        let points = ind.weight * Decimal::from(amount % 100) / Decimal::from(100);
        match kind % 5 {
            0 => Edit::InsertDeduction {
                code,
                index: 0,
                deduction: Deduction {
                    points: Some(points.round_dp(2)),
                    reason: "随机".into(),
                    ..Deduction::default()
                },
            },
            1 => Edit::SetScore {
                code,
                score: Some(points.round_dp(2)),
            },
            2 => Edit::SetNa {
                code,
                reason: Some("不适用".into()),
            },
            3 => Edit::SetUnscorable {
                code,
                reason: Some("未提供".into()),
            },
            _ => Edit::SetInput {
                code,
                name: "x".into(),
                value: Some(InputValue::Number(Decimal::from(amount))),
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// After any sequence of edits, re-scoring incrementally equals scoring from scratch.
        #[test]
        fn incremental_equals_full(which in 0..3usize, edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u32>()), 1..12)) {
            let mut project = crate::store::parse_project(SAMPLES[which]).unwrap().project;
            let mut card = score(&project);
            let leaves: Vec<usize> = (0..project.indicators.len()).filter(|&i| card.tree.is_leaf(i)).collect();
            for (pick, kind, amount) in edits {
                let leaf = leaves[pick % leaves.len()];
                let e = edit_for(&project, leaf, kind, amount);
                if apply(&mut project, &e).is_ok() {
                    rescore(&project, &mut card, e.code());
                    prop_assert_eq!(&card, &score(&project));
                }
            }
        }
    }
}
