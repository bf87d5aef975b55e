//! What differs between two scorings of the same project: per indicator the score delta,
//! deductions found by one evaluator and not the other, changed N/A, tiers and inputs.

use rust_decimal::Decimal;

use crate::model::{Deduction, Project};
use crate::scoring::rounding::fixed;
use crate::scoring::{self, Scorecard};

/// One indicator scored differently.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDiff {
    pub code: String,
    pub name: String,
    pub leaf: bool,
    pub score_a: Decimal,
    pub score_b: Decimal,
    pub only_in_a: Vec<Deduction>,
    pub only_in_b: Vec<Deduction>,
    /// Other recorded differences, in words ("不适用：否 → 是（无此业务）").
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDiff {
    pub indicators: Vec<IndicatorDiff>,
    /// Codes only one side has.
    pub only_codes_a: Vec<String>,
    pub only_codes_b: Vec<String>,
    pub total_a: Decimal,
    pub total_b: Decimal,
    pub grade_a: Option<String>,
    pub grade_b: Option<String>,
    pub places: u32,
}

impl ProjectDiff {
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
            && self.only_codes_a.is_empty()
            && self.only_codes_b.is_empty()
            && self.total_a == self.total_b
    }
}

fn same_deduction(a: &Deduction, b: &Deduction) -> bool {
    a.points == b.points
        && a.count == b.count
        && a.reason.trim() == b.reason.trim()
        && a.group == b.group
}

/// Compares every indicator (parents by score, leaves by score and by what was recorded).
pub fn compare(a: &Project, b: &Project) -> ProjectDiff {
    let (ca, cb) = (scoring::score(a), scoring::score(b));
    compare_scored(a, &ca, b, &cb)
}

pub fn compare_scored(a: &Project, ca: &Scorecard, b: &Project, cb: &Scorecard) -> ProjectDiff {
    let mut indicators = Vec::new();
    // Code lookups through maps: the workbench recompares after every edit.
    let (index_a, index_b) = (a.code_index(), b.code_index());
    for i in ca.tree.preorder() {
        let ia = &a.indicators[i];
        let Some(&j) = index_b.get(ia.code.as_str()) else {
            continue;
        };
        let ib = &b.indicators[j];
        let leaf = ca.tree.is_leaf(i) && cb.tree.is_leaf(j);
        let (sa, sb) = (ca.nodes[i].score, cb.nodes[j].score);
        let mut d = IndicatorDiff {
            code: ia.code.clone(),
            name: ia.name.clone(),
            leaf,
            score_a: sa,
            score_b: sb,
            only_in_a: Vec::new(),
            only_in_b: Vec::new(),
            notes: Vec::new(),
        };
        if leaf {
            let (aa, ab) = (&ia.assessment, &ib.assessment);
            d.only_in_a = aa
                .deductions
                .iter()
                .filter(|x| !ab.deductions.iter().any(|y| same_deduction(x, y)))
                .cloned()
                .collect();
            d.only_in_b = ab
                .deductions
                .iter()
                .filter(|x| !aa.deductions.iter().any(|y| same_deduction(x, y)))
                .cloned()
                .collect();
            let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".into());
            if aa.na != ab.na {
                d.notes
                    .push(format!("不适用：{} → {}", opt(&aa.na), opt(&ab.na)));
            }
            if aa.unscorable != ab.unscorable {
                d.notes.push(format!(
                    "无法评分：{} → {}",
                    opt(&aa.unscorable),
                    opt(&ab.unscorable)
                ));
            }
            if aa.tier != ab.tier {
                d.notes
                    .push(format!("档次：{} → {}", opt(&aa.tier), opt(&ab.tier)));
            }
            if aa.checks != ab.checks {
                d.notes.push("评价要点判定不同".into());
            }
            for (name, va) in &aa.inputs {
                match ab.input(name) {
                    Some(vb) if vb == va => {}
                    Some(vb) => d.notes.push(format!("{name}：{va} → {vb}")),
                    None => d.notes.push(format!("{name}：{va} → —")),
                }
            }
            for (name, vb) in &ab.inputs {
                if aa.input(name).is_none() {
                    d.notes.push(format!("{name}：— → {vb}"));
                }
            }
            if aa.score != ab.score && sa == sb {
                d.notes.push("给定得分不同".into());
            }
        }
        if sa != sb || !d.only_in_a.is_empty() || !d.only_in_b.is_empty() || !d.notes.is_empty() {
            indicators.push(d);
        }
    }
    let only_codes_a = a
        .indicators
        .iter()
        .filter(|x| !index_b.contains_key(x.code.as_str()))
        .map(|x| x.code.clone())
        .collect();
    let only_codes_b = b
        .indicators
        .iter()
        .filter(|x| !index_a.contains_key(x.code.as_str()))
        .map(|x| x.code.clone())
        .collect();
    ProjectDiff {
        indicators,
        only_codes_a,
        only_codes_b,
        total_a: ca.total,
        total_b: cb.total,
        grade_a: ca.grade.clone(),
        grade_b: cb.grade.clone(),
        places: a.framework.places,
    }
}

/// Short change lines (for the recovery prompt): "A202 绩效指标明确性：2.67 → 2.17；扣分 +1".
pub fn changes(old: &Project, new: &Project) -> Vec<String> {
    let d = compare(old, new);
    let mut out: Vec<String> = d
        .indicators
        .iter()
        .filter(|x| x.leaf)
        .map(|x| {
            let mut parts = Vec::new();
            if x.score_a != x.score_b {
                parts.push(format!(
                    "{} → {}",
                    fixed(x.score_a, d.places),
                    fixed(x.score_b, d.places)
                ));
            }
            if !x.only_in_b.is_empty() {
                parts.push(format!("新增扣分 {} 项", x.only_in_b.len()));
            }
            if !x.only_in_a.is_empty() {
                parts.push(format!("删除扣分 {} 项", x.only_in_a.len()));
            }
            parts.extend(x.notes.iter().cloned());
            format!("{} {}：{}", x.code, x.name, parts.join("；"))
        })
        .collect();
    for (i, ind) in new.indicators.iter().enumerate() {
        if let Some(o) = old.get(&ind.code) {
            let (a, b) = (&o.assessment, &ind.assessment);
            let mut parts = Vec::new();
            if a.justification != b.justification {
                parts.push("评价说明");
            }
            if a.evidence != b.evidence {
                parts.push("佐证材料");
            }
            if a.status != b.status {
                parts.push("状态");
            }
            if a.reviews != b.reviews {
                parts.push("复核意见");
            }
            if !parts.is_empty() && !out.iter().any(|l| l.starts_with(&format!("{} ", ind.code))) {
                out.push(format!(
                    "{} {}：{}已改",
                    ind.code,
                    ind.name,
                    parts.join("、")
                ));
            }
        }
        let _ = i;
    }
    if d.total_a != d.total_b {
        out.push(format!(
            "总分 {} → {}",
            fixed(d.total_a, d.places),
            fixed(d.total_b, d.places)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use std::str::FromStr;

    #[test]
    fn a_deduction_only_one_evaluator_made_is_reported_with_the_totals() {
        let text = include_str!("../samples/rongcheng-checkup.toml");
        let a = crate::store::parse_project(text).unwrap().project;
        let mut b = a.clone();
        let ded = Deduction {
            points: Some(Decimal::from_str("0.5").unwrap()),
            reason: "档案管理不规范".into(),
            ..Deduction::default()
        };
        crate::edit::apply(
            &mut b,
            &Edit::InsertDeduction {
                code: "A202".into(),
                index: 0,
                deduction: ded,
            },
        )
        .unwrap();
        let d = compare(&a, &b);
        assert!(!d.is_empty());
        let leaf = d.indicators.iter().find(|x| x.code == "A202").unwrap();
        assert_eq!(
            (fixed(leaf.score_a, 2), fixed(leaf.score_b, 2)),
            ("2.67".into(), "2.17".into())
        );
        assert_eq!(leaf.only_in_b.len(), 1);
        assert!(d.indicators.iter().any(|x| x.code == "A" && !x.leaf));
        assert_eq!(
            (fixed(d.total_a, 2), fixed(d.total_b, 2)),
            ("64.72".into(), "64.22".into())
        );
        assert!(compare(&a, &a).is_empty());
        assert_eq!(
            changes(&a, &b),
            vec![
                "A202 绩效指标明确性：2.67 → 2.17；新增扣分 1 项".to_string(),
                "总分 64.72 → 64.22".to_string()
            ]
        );
    }
}
