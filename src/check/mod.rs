//! Validation: everything wrong with a project, each located in its file.
//!
//! Errors make the arithmetic untrustworthy (weights that don't add up, a score above its
//! weight, a rate over a zero denominator). Warnings are what a reviewer would send back
//! (a lost point without a reason, a paragraph that states another score, a printed subtotal
//! that its own leaves don't give).

mod adjustments;
mod justification;
mod stated;

use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Kind, Named, Pos, RuleName, Severity, Subject};
use crate::model::{Indicator, Project, RuleKind, show};
use crate::scoring::rounding::fixed_value;
use crate::scoring::{self, ErrorField, LeafState, ScoreError, Scorecard};
use crate::store::{Loaded, SourceMap};

pub use justification::{stated_rate, stated_score};

/// Loader diagnostics plus every semantic error and warning, sorted by position.
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let card = scoring::score(&loaded.project);
    let mut out = loaded.diagnostics.clone();
    out.extend(check_scored(&loaded.project, &card, &loaded.map));
    out.sort_by_key(|d| (d.pos.map(|p| (p.line, p.col)).unwrap_or((0, 0)), d.severity));
    out.dedup();
    out
}

/// The semantic checks, on an already scored project.
pub fn check_scored(p: &Project, card: &Scorecard, map: &SourceMap) -> Vec<Diagnostic> {
    let index = p.code_index();
    let mut out: Vec<Diagnostic> = (0..p.indicators.len())
        .flat_map(|i| check_node(p, card, map, &index, i))
        .collect();
    out.extend(check_project(p, card, map));
    out
}

/// The checks of one indicator (a parent's weights and printed figure; a leaf's record). The
/// workbench re-runs these for an edited leaf and its ancestors only.
pub fn check_node(
    p: &Project,
    card: &Scorecard,
    map: &SourceMap,
    index: &std::collections::HashMap<&str, usize>,
    i: usize,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let tree = &card.tree;
    {
        let ind = &p.indicators[i];
        let code = &ind.code;
        if let Some(parent) = &ind.parent {
            let (code, parent) = (code.clone(), parent.clone());
            if !index.contains_key(parent.as_str()) {
                out.push(error(
                    map.field(&code, "parent"),
                    Subject::indicator(&code, "parent"),
                    Kind::ParentMissing { code, parent },
                ));
            } else if tree.parent[i].is_none() {
                out.push(error(
                    map.field(&code, "parent"),
                    Subject::indicator(&code, "parent"),
                    Kind::ParentCycle { code, parent },
                ));
            }
        }
        if ind.weight < Decimal::ZERO {
            out.push(error(
                map.field(code, "weight"),
                Subject::indicator(code, "weight"),
                Kind::NegativeWeight {
                    code: code.clone(),
                    weight: plain(ind.weight),
                },
            ));
        }
        if !tree.is_leaf(i) {
            let sum: Decimal = tree.children[i]
                .iter()
                .map(|&c| p.indicators[c].weight)
                .sum();
            if sum != ind.weight {
                let parts = tree.children[i]
                    .iter()
                    .map(|&c| (p.indicators[c].code.clone(), plain(p.indicators[c].weight)))
                    .collect();
                out.push(error(
                    map.field(code, "weight"),
                    Subject::indicator(code, "weight"),
                    Kind::WeightsDontAdd {
                        at: named(ind),
                        weight: plain(ind.weight),
                        sum: plain(sum),
                        parts,
                    },
                ));
            }
            // Its justification is the node's own analysis paragraph and is kept; scores are not.
            if ind.assessment.has_record() {
                out.push(warning(
                    map.indicator(code),
                    Subject::indicator(code, ""),
                    Kind::ScoreOnParent { code: code.clone() },
                ));
            }
        }
        out.extend(stated::stated_figures(p, card, map, i));
        if tree.is_leaf(i) {
            leaf_checks(p, card, map, i, &mut out);
        }
    }
    out
}

/// The checks of the whole: level-1 weights against the total, grades, the report's stated
/// total and grade, adjustments.
pub fn check_project(p: &Project, card: &Scorecard, map: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let places = p.framework.places;
    let tree = &card.tree;
    let roots: Decimal = tree.roots.iter().map(|&r| p.indicators[r].weight).sum();
    if !p.indicators.is_empty() && roots != p.framework.total {
        let parts = tree
            .roots
            .iter()
            .map(|&r| (p.indicators[r].code.clone(), plain(p.indicators[r].weight)))
            .collect();
        out.push(error(
            map.nearest("framework.total"),
            Subject::Framework,
            Kind::RootWeights {
                sum: plain(roots),
                parts,
                total: plain(p.framework.total),
            },
        ));
    }
    if card.has_no_score() {
        out.push(error(
            map.nearest(&format!("indicators.{}", p.indicators[0].code)),
            Subject::Project { field: None },
            Kind::AllNotApplicable {
                total: fixed_value(card.total, places),
            },
        ));
    }
    if p.grades.is_empty() {
        out.push(warning(
            map.nearest("framework"),
            Subject::Framework,
            Kind::NoGrades,
        ));
    }
    if let Some(meta) = &p.meta {
        if let Some(stated) = meta.stated_total
            && stated != card.total
        {
            out.push(warning(
                map.nearest("project.stated_total"),
                project_field("stated_total"),
                Kind::StatedTotal {
                    stated: plain(stated),
                    computed: fixed_value(card.total, places),
                },
            ));
        }
        if let Some(g) = &meta.stated_grade {
            if !p.grades.iter().any(|b| &b.name == g) {
                out.push(warning(
                    map.nearest("project.stated_grade"),
                    project_field("stated_grade"),
                    Kind::UnknownStatedGrade { grade: g.clone() },
                ));
            } else if card.grade.as_deref() != Some(g) {
                out.push(warning(
                    map.nearest("project.stated_grade"),
                    project_field("stated_grade"),
                    Kind::StatedGrade {
                        grade: g.clone(),
                        total: fixed_value(card.total, places),
                        actual: card.grade.clone(),
                    },
                ));
            }
        }
    }
    if let Some(adj) = &p.adjustments {
        for item in &adj.items {
            let at = map.nearest(&format!("adjustments.items.{}.points", item.code));
            if let Some(pts) = item.points
                && pts < Decimal::ZERO
            {
                out.push(error(
                    at,
                    adjustment(&item.code, "points"),
                    Kind::AdjustmentNegative {
                        code: item.code.clone(),
                        points: plain(pts),
                    },
                ));
            }
            if item.recorded().is_some_and(|p| !p.is_zero()) && item.reason.trim().is_empty() {
                out.push(warning(
                    at,
                    adjustment(&item.code, "reason"),
                    Kind::AdjustmentNoReason {
                        code: item.code.clone(),
                        name: item.name.clone(),
                    },
                ));
            }
        }
    }
    out.extend(adjustments::item_checks(p, card, map));
    for (i, c) in p.conflicts.iter().enumerate() {
        out.push(error(
            crate::store::conflict_position(map, i),
            Subject::Conflict { index: i },
            Kind::UnresolvedConflict {
                what: [
                    c.code.as_str(),
                    &c.field.label_in(p.get(&c.code).map(|i| &i.assessment)),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
                ours: show(c.ours.as_ref()),
                theirs: show(c.theirs.as_ref()),
            },
        ));
    }
    out
}

fn leaf_checks(
    p: &Project,
    card: &Scorecard,
    map: &SourceMap,
    i: usize,
    out: &mut Vec<Diagnostic>,
) {
    let ind = &p.indicators[i];
    let a = &ind.assessment;
    let code = &ind.code;
    let node = &card.nodes[i];
    let places = p.framework.places;
    let Some(leaf) = &node.leaf else { return };

    if let Some(reason) = &a.na
        && reason.trim().is_empty()
    {
        out.push(error(
            map.field(code, "na"),
            Subject::indicator(code, "na"),
            Kind::NaNoReason { code: code.clone() },
        ));
    }
    if let Some(reason) = &a.unscorable
        && reason.trim().is_empty()
    {
        out.push(error(
            map.field(code, "unscorable"),
            Subject::indicator(code, "unscorable"),
            Kind::UnscorableNoReason { code: code.clone() },
        ));
    }
    let score_out_of_range = a.score.is_some_and(|s| s < Decimal::ZERO || s > ind.weight);
    if let Some(s) = a.score
        && score_out_of_range
    {
        out.push(error(
            map.field(code, "score"),
            Subject::indicator(code, "score"),
            Kind::ScoreOutOfRange {
                code: code.clone(),
                score: plain(s),
                weight: plain(ind.weight),
            },
        ));
    }
    for s in &a.surveys {
        if let Some(v) = a.input(&s.name) {
            let field = format!("inputs.{}", s.name);
            out.push(warning(
                map.field(code, &field)
                    .or_else(|| map.field(code, "inputs")),
                Subject::indicator(code, &field),
                Kind::SurveyShadowed {
                    code: code.clone(),
                    name: s.name.clone(),
                    input: v.to_string(),
                },
            ));
        }
    }
    for (k, d) in a.deductions.iter().enumerate() {
        let at = map.nearest(&format!("indicators.{code}.deductions.{k}"));
        let subject = Subject::indicator(code, &format!("deductions.{k}"));
        if let Some(pts) = d.points
            && pts < Decimal::ZERO
        {
            out.push(error(
                at,
                subject.clone(),
                Kind::NegativeDeduction {
                    code: code.clone(),
                    points: plain(pts),
                },
            ));
        } else if d.points.is_none()
            && let Some(count) = d.count
            && count < Decimal::ZERO
        {
            out.push(error(
                at,
                subject.clone(),
                Kind::NegativeCount {
                    code: code.clone(),
                    count: plain(count),
                },
            ));
        }
        if d.reason.trim().is_empty() {
            out.push(warning(
                at,
                subject.clone(),
                Kind::DeductionNoReason { code: code.clone() },
            ));
        }
        for ev in &d.evidence {
            if !a.evidence.iter().any(|e| &e.title == ev) {
                out.push(warning(
                    at,
                    subject.clone(),
                    Kind::UnknownEvidence {
                        code: code.clone(),
                        title: ev.clone(),
                    },
                ));
            }
        }
    }
    if let RuleKind::Deductions {
        per_item: None,
        fraction: None,
        ..
    } = &ind.rule.kind
    {
        let sum: Decimal = a
            .deductions
            .iter()
            .filter_map(|d| d.points)
            .filter(|p| *p > Decimal::ZERO)
            .sum();
        if sum > ind.weight && a.deductions.iter().all(|d| d.group.is_none()) {
            out.push(error(
                map.nearest(&format!("indicators.{code}.deductions")),
                Subject::indicator(code, "deductions"),
                Kind::DeductionsOverWeight {
                    code: code.clone(),
                    sum: plain(sum),
                    weight: plain(ind.weight),
                },
            ));
        }
    } else if !a.deductions.is_empty()
        && !matches!(ind.rule.kind, RuleKind::Deductions { .. })
        && node
            .leaf
            .as_ref()
            .is_some_and(|l| matches!(l.state, LeafState::Scored))
    {
        // On other rules deductions explain the score; they should account for what was lost.
        let explained: Decimal = a.deductions.iter().filter_map(|d| d.points).sum();
        let lost = node.weight - node.score;
        if explained != lost {
            out.push(warning(
                map.nearest(&format!("indicators.{code}.deductions")),
                Subject::indicator(code, "deductions"),
                Kind::DeductionsDontExplain {
                    code: code.clone(),
                    explained: plain(explained),
                    lost: plain(lost),
                    rule: RuleName::of(&ind.rule.kind),
                },
            ));
        }
    }
    if let RuleKind::Checkpoints { points } = &ind.rule.kind
        && !ind.criteria.is_empty()
        && ind.criteria.len() != points.len()
    {
        out.push(warning(
            map.field(code, "rule"),
            Subject::indicator(code, "rule"),
            Kind::CriteriaCount {
                code: code.clone(),
                points: points.len(),
                criteria: ind.criteria.len(),
            },
        ));
    }
    if let RuleKind::Checkpoints { points } = &ind.rule.kind
        && !a.checks.is_empty()
        && a.checks.len() != points.len()
    {
        out.push(error(
            map.field(code, "checks"),
            Subject::indicator(code, "checks"),
            Kind::ChecksCount {
                code: code.clone(),
                checks: a.checks.len(),
                points: points.len(),
            },
        ));
    }

    match &leaf.state {
        LeafState::Incomplete(missing) => {
            // Not an error of the file: the evaluator has not recorded everything yet.
            out.push(warning(
                map.field(code, "inputs").or(map.indicator(code)),
                Subject::indicator(code, "inputs"),
                Kind::Incomplete {
                    at: named(ind),
                    missing: missing.clone(),
                },
            ));
        }
        LeafState::Error(e) => {
            // A negative deduction and a score outside 0–weight were reported above, where they
            // are written; saying it again at the rule would point at the wrong line.
            let reported = matches!(e, ScoreError::NegativeDeduction { .. })
                || (score_out_of_range && matches!(e, ScoreError::JudgedOutOfRange { .. }));
            if !reported {
                let (pos, field) = error_pos(map, code, e);
                out.push(error(
                    pos.or(map.indicator(code)),
                    Subject::indicator(code, &field),
                    Kind::Rule {
                        at: named(ind),
                        error: e.clone(),
                    },
                ));
            }
        }
        LeafState::Scored => {
            if let Some(max) = leaf.rule_max
                && max < ind.weight
                && node.weight == ind.weight
            {
                out.push(warning(
                    map.field(code, "rule"),
                    Subject::indicator(code, "rule"),
                    Kind::RuleMaxBelowWeight {
                        code: code.clone(),
                        max: plain(max),
                        weight: plain(ind.weight),
                    },
                ));
            }
            if let Some(max) = leaf.rule_max
                && max > node.weight
            {
                out.push(warning(
                    map.field(code, "rule"),
                    Subject::indicator(code, "rule"),
                    Kind::RuleMaxAboveWeight {
                        code: code.clone(),
                        max: plain(max),
                        weight: plain(node.weight),
                    },
                ));
            }
            let missing = crate::scoring::missing_inputs(ind);
            if let Some(awarded) = leaf.awarded.filter(|_| leaf.computed.is_none())
                && !missing.is_empty()
            {
                out.push(warning(
                    map.field(code, "score"),
                    Subject::indicator(code, "score"),
                    Kind::AwardedUnchecked {
                        at: named(ind),
                        awarded: fixed_value(awarded, places),
                        missing,
                    },
                ));
            }
            if let (Some(awarded), Some(computed)) = (leaf.awarded, leaf.computed)
                && awarded != computed
            {
                let above = leaf.rule_max.is_some_and(|m| awarded > m);
                out.push(warning(
                    map.field(code, "score"),
                    Subject::indicator(code, "score"),
                    Kind::AwardedDiffers {
                        at: named(ind),
                        awarded: fixed_value(awarded, places),
                        computed: fixed_value(computed, places),
                        above: above.then(|| plain(leaf.rule_max.unwrap_or_default())),
                    },
                ));
            }
            let lost = node.weight - node.score;
            // A deduction with its reason explains lost points; so does a justification (a
            // judgement leaf's 评价说明 often is the only place that says why).
            let explained = a.deductions.iter().any(|d| !d.reason.trim().is_empty())
                || !a.justification.trim().is_empty();
            let self_explaining = !matches!(
                ind.rule.kind,
                RuleKind::Deductions { .. } | RuleKind::Judgement { .. }
            ) && leaf.awarded.is_none();
            if lost > Decimal::ZERO && !explained && !self_explaining {
                out.push(warning(
                    map.indicator(code),
                    Subject::indicator(code, ""),
                    Kind::LossUnexplained {
                        at: named(ind),
                        lost: fixed_value(lost, places),
                    },
                ));
            }
        }
        _ => {}
    }
    if let (Some(stated), Some(measured)) = (a.stated_rate, leaf.measured) {
        // A report that prints "93%" or "78.1%" has rounded: compare at the precision it states
        // (two places at most, as before).
        let percent = measured * Decimal::ONE_HUNDRED;
        let got = percent.round_dp(2);
        if stated != at_precision_of(stated, percent) {
            out.push(warning(
                map.field(code, "stated_rate"),
                Subject::indicator(code, "stated_rate"),
                Kind::StatedRate {
                    code: code.clone(),
                    stated: plain(stated),
                    computed: fixed_value(got, 2),
                },
            ));
        }
    }
    if a.stated_rate.is_some() && leaf.measured.is_none() && leaf.state == LeafState::Scored {
        out.push(warning(
            map.field(code, "stated_rate"),
            Subject::indicator(code, "stated_rate"),
            Kind::StatedRateUnchecked {
                code: code.clone(),
                rule: RuleName::of(&ind.rule.kind),
            },
        ));
    }
    if !matches!(
        leaf.state,
        LeafState::Unscored | LeafState::NotApplicable(_)
    ) {
        let at = map.field(code, "justification");
        if let Some(s) = stated_score(&a.justification)
            && s != node.score
        {
            out.push(warning(
                at,
                Subject::indicator(code, "justification"),
                Kind::JustificationScore {
                    at: named(ind),
                    stated: plain(s),
                    score: fixed_value(node.score, places),
                },
            ));
        }
        // The exact rate, not the two-place one: 6.25 of 8 is 78.125%, which a report prints
        // as 78% or 78.13%.
        let exact =
            (!node.weight.is_zero()).then(|| node.score / node.weight * Decimal::ONE_HUNDRED);
        if let (Some(r), Some(exact), Some(rate)) =
            (stated_rate(&a.justification), exact, node.rate)
            && r != at_precision_of(r, exact)
        {
            out.push(warning(
                at,
                Subject::indicator(code, "justification"),
                Kind::JustificationRate {
                    at: named(ind),
                    stated: plain(r),
                    rate: fixed_value(rate, 2),
                },
            ));
        }
    }
}

/// `value` rounded as the report rounded `stated`: a report that prints "93%" or "78.1%" has
/// rounded, so it is compared at the places it shows (two at most), half away from zero.
fn at_precision_of(stated: Decimal, value: Decimal) -> Decimal {
    value.round_dp_with_strategy(
        stated.scale().min(2),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

/// Where a rule that cannot be computed went wrong: the judged score, the chosen tier, the input
/// the error names, else the rule; with the field's name for the diagnostic's subject.
fn error_pos(map: &SourceMap, code: &str, e: &ScoreError) -> (Option<Pos>, String) {
    let own = |key: &str| map.get(&format!("indicators.{code}.{key}"));
    match e.field() {
        ErrorField::Score => (own("score").or(map.field(code, "rule")), "score".into()),
        ErrorField::Tier => (own("tier").or(map.field(code, "rule")), "tier".into()),
        ErrorField::Input(name) => (
            map.nearest(&format!("indicators.{code}.inputs.{name}")),
            format!("inputs.{name}"),
        ),
        ErrorField::Rule => (map.field(code, "rule"), "rule".into()),
    }
}

fn error(pos: Option<Pos>, subject: Subject, kind: Kind) -> Diagnostic {
    Diagnostic::new(Severity::Error, pos, subject, kind)
}

fn warning(pos: Option<Pos>, subject: Subject, kind: Kind) -> Diagnostic {
    Diagnostic::new(Severity::Warning, pos, subject, kind)
}

fn named(ind: &Indicator) -> Named {
    Named {
        code: ind.code.clone(),
        name: ind.name.clone(),
    }
}

fn project_field(field: &str) -> Subject {
    Subject::Project {
        field: Some(field.to_string()),
    }
}

fn adjustment(code: &str, field: &str) -> Subject {
    Subject::Adjustment {
        code: code.to_string(),
        field: Some(field.to_string()),
    }
}

/// A figure as written, without trailing zeros (what `plain` shows).
fn plain(v: Decimal) -> Decimal {
    v.normalize()
}
