//! What differs between two scorings of the same project, leaf by leaf, in words.

use crate::model::Project;
use crate::scoring::rounding::fixed;
use crate::scoring::{self, LeafState};

/// One line per change: "A202 绩效指标明确性：得分 2.67 → 2.17；扣分 1 → 2 项".
pub fn changes(old: &Project, new: &Project) -> Vec<String> {
    let (oc, nc) = (scoring::score(old), scoring::score(new));
    let places = new.framework.places;
    let mut out = Vec::new();
    for (i, ind) in new.indicators.iter().enumerate() {
        let Some(j) = old.index_of(&ind.code) else {
            out.push(format!("{} {}：新增指标", ind.code, ind.name));
            continue;
        };
        if !nc.tree.is_leaf(i) {
            continue;
        }
        let (a, b) = (&old.indicators[j].assessment, &ind.assessment);
        let mut parts = Vec::new();
        let (os, ns) = (oc.nodes[j].score, nc.nodes[i].score);
        if os != ns {
            parts.push(format!(
                "得分 {} → {}",
                fixed(os, places),
                fixed(ns, places)
            ));
        }
        if a.deductions != b.deductions {
            parts.push(format!(
                "扣分 {} → {} 项",
                a.deductions.len(),
                b.deductions.len()
            ));
        }
        if a.inputs != b.inputs {
            parts.push("数据已改".into());
        }
        if a.justification != b.justification {
            parts.push("评价说明已改".into());
        }
        if a.evidence != b.evidence {
            parts.push(format!(
                "佐证材料 {} → {} 项",
                a.evidence.len(),
                b.evidence.len()
            ));
        }
        if a.status != b.status {
            parts.push(format!("{} → {}", a.status.label(), b.status.label()));
        }
        if a.na != b.na {
            parts.push(if b.na.is_some() {
                "标为不适用".into()
            } else {
                "取消不适用".into()
            });
        }
        if a.tier != b.tier || a.checks != b.checks || a.score != b.score && os == ns {
            parts.push("评分依据已改".into());
        }
        if a.reviews != b.reviews {
            parts.push("复核意见已改".into());
        }
        if matches!(
            nc.nodes[i].leaf.as_ref().map(|l| &l.state),
            Some(LeafState::Error(_))
        ) {
            parts.push("（无法计算）".into());
        }
        if !parts.is_empty() {
            out.push(format!("{} {}：{}", ind.code, ind.name, parts.join("；")));
        }
    }
    for ind in &old.indicators {
        if new.index_of(&ind.code).is_none() {
            out.push(format!("{} {}：已删除", ind.code, ind.name));
        }
    }
    if oc.total != nc.total {
        out.push(format!(
            "总分 {} → {}（{}）",
            fixed(oc.total, places),
            fixed(nc.total, places),
            nc.grade.as_deref().unwrap_or("-")
        ));
    }
    out
}
