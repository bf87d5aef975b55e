//! Validation: everything wrong with a project, each located in its file.
//!
//! Errors make the arithmetic untrustworthy (weights that don't add up, a score above its
//! weight, a rate over a zero denominator). Warnings are what a reviewer would send back
//! (a lost point without a reason, a paragraph that states another score, a printed subtotal
//! that its own leaves don't give).

mod justification;

use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{Project, RuleKind, show};
use crate::scoring::rounding::{fixed, plain};
use crate::scoring::{self, LeafState, Scorecard};
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
    let places = p.framework.places;
    let tree = &card.tree;
    {
        let ind = &p.indicators[i];
        let code = &ind.code;
        if let Some(parent) = &ind.parent {
            if !index.contains_key(parent.as_str()) {
                out.push(Diagnostic::error(map.field(code, "parent"), format!("{code}: parent `{parent}` does not exist; expected the code of another indicator")));
            } else if tree.parent[i].is_none() {
                out.push(Diagnostic::error(
                    map.field(code, "parent"),
                    format!("{code}: parent `{parent}` makes a cycle in the tree"),
                ));
            }
        }
        if ind.weight < Decimal::ZERO {
            out.push(Diagnostic::error(
                map.field(code, "weight"),
                format!(
                    "{code}: weight {} is negative; expected 0 or more",
                    plain(ind.weight)
                ),
            ));
        }
        if !tree.is_leaf(i) {
            let sum: Decimal = tree.children[i]
                .iter()
                .map(|&c| p.indicators[c].weight)
                .sum();
            if sum != ind.weight {
                let parts: Vec<String> = tree.children[i]
                    .iter()
                    .map(|&c| format!("{} {}", p.indicators[c].code, plain(p.indicators[c].weight)))
                    .collect();
                out.push(Diagnostic::error(
                    map.field(code, "weight"),
                    format!("{code} {}: weight is {} but its children add up to {} ({}); expected them to be equal", ind.name, plain(ind.weight), plain(sum), parts.join(" + ")),
                ));
            }
            // Its justification is the node's own analysis paragraph and is kept; scores are not.
            if ind.assessment.has_record() {
                out.push(Diagnostic::warning(map.indicator(code), format!("{code}: scores recorded on a parent are ignored; a parent's score is the sum of its children")));
            }
        }
        if let Some(stated) = ind.stated {
            let got = card.nodes[i].score;
            if stated != got && ind.assessment.na.is_none() {
                out.push(Diagnostic::warning(
                    map.field(code, "stated"),
                    format!(
                        "{code} {}: the report prints {} but {} gives {}",
                        ind.name,
                        plain(stated),
                        if tree.is_leaf(i) {
                            "its rule"
                        } else {
                            "the sum of its leaves"
                        },
                        fixed(got, places)
                    ),
                ));
            }
        }
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
        let parts: Vec<String> = tree
            .roots
            .iter()
            .map(|&r| format!("{} {}", p.indicators[r].code, plain(p.indicators[r].weight)))
            .collect();
        out.push(Diagnostic::error(
            map.nearest("framework.total"),
            format!(
                "level-1 weights add up to {} ({}) but the framework's total is {}",
                plain(roots),
                parts.join(" + "),
                plain(p.framework.total)
            ),
        ));
    }
    if card.has_no_score() {
        out.push(Diagnostic::error(
            map.nearest(&format!("indicators.{}", p.indicators[0].code)),
            format!(
                "every leaf is 不适用 (not applicable): the project has no score to report \
                 (not {} with the lowest grade); mark the leaves that do apply as applicable \
                 (remove their `na`)",
                fixed(card.total, places)
            ),
        ));
    }
    if p.grades.is_empty() {
        out.push(Diagnostic::warning(
            map.nearest("framework"),
            "no [[grades]]: totals will have no grade; expected bands such as 优 ≥ 90",
        ));
    }
    if let Some(meta) = &p.meta {
        if let Some(stated) = meta.stated_total
            && stated != card.total
        {
            out.push(Diagnostic::warning(
                map.nearest("project.stated_total"),
                format!(
                    "the report states a total of {} but the leaves give {}",
                    plain(stated),
                    fixed(card.total, places)
                ),
            ));
        }
        if let Some(g) = &meta.stated_grade {
            if !p.grades.iter().any(|b| &b.name == g) {
                out.push(Diagnostic::warning(
                    map.nearest("project.stated_grade"),
                    format!("stated grade \"{g}\" is not one of the framework's grades"),
                ));
            } else if card.grade.as_deref() != Some(g) {
                out.push(Diagnostic::warning(
                    map.nearest("project.stated_grade"),
                    format!(
                        "the report states grade \"{g}\" but a total of {} is \"{}\"",
                        fixed(card.total, places),
                        card.grade.as_deref().unwrap_or("-")
                    ),
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
                out.push(Diagnostic::error(at, format!("adjustment {}: points {} are negative; write them positive, `direction` gives the sign", item.code, plain(pts))));
            }
            if item.points.is_some_and(|p| !p.is_zero()) && item.reason.trim().is_empty() {
                out.push(Diagnostic::warning(
                    at,
                    format!(
                        "adjustment {} {}: points recorded without a reason",
                        item.code, item.name
                    ),
                ));
            }
        }
    }
    for (i, c) in p.conflicts.iter().enumerate() {
        out.push(Diagnostic::error(
            crate::store::conflict_position(map, i),
            format!(
                "unresolved merge conflict in {} (ours {}, theirs {})",
                [c.code.as_str(), &c.field.label()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                show(c.ours.as_ref()),
                show(c.theirs.as_ref())
            ),
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
        out.push(Diagnostic::error(
            map.field(code, "na"),
            format!("{code}: 不适用 needs a reason; expected na = \"why it does not apply\""),
        ));
    }
    if let Some(reason) = &a.unscorable
        && reason.trim().is_empty()
    {
        out.push(Diagnostic::error(
            map.field(code, "unscorable"),
            format!(
                "{code}: 无法评分 needs a reason; expected unscorable = \"what data was missing\""
            ),
        ));
    }
    let score_out_of_range = a.score.is_some_and(|s| s < Decimal::ZERO || s > ind.weight);
    if let Some(s) = a.score
        && score_out_of_range
    {
        out.push(Diagnostic::error(
            map.field(code, "score"),
            format!(
                "{code}: score {} is outside 0–{}; expected a score between 0 and the weight",
                plain(s),
                plain(ind.weight)
            ),
        ));
    }
    for (k, d) in a.deductions.iter().enumerate() {
        let at = map.nearest(&format!("indicators.{code}.deductions.{k}"));
        if let Some(pts) = d.points
            && pts < Decimal::ZERO
        {
            out.push(Diagnostic::error(at, format!("{code}: deduction of {} points is negative; write the points lost as a positive number", plain(pts))));
        } else if d.points.is_none()
            && let Some(count) = d.count
            && count < Decimal::ZERO
        {
            out.push(Diagnostic::error(
                at,
                format!(
                    "{code}: deduction count {} is negative; expected the number of occurrences",
                    plain(count)
                ),
            ));
        }
        if d.reason.trim().is_empty() {
            out.push(Diagnostic::warning(
                at,
                format!("{code}: a deduction has no reason; expected reason = \"what was found\""),
            ));
        }
        for ev in &d.evidence {
            if !a.evidence.iter().any(|e| &e.title == ev) {
                out.push(Diagnostic::warning(at, format!("{code}: deduction cites evidence \"{ev}\" which is not in the leaf's evidence list")));
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
            out.push(Diagnostic::error(
                map.nearest(&format!("indicators.{code}.deductions")),
                format!(
                    "{code}: deductions add up to {} but the leaf is worth {}; expected at most {}",
                    plain(sum),
                    plain(ind.weight),
                    plain(ind.weight)
                ),
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
            out.push(Diagnostic::warning(
                map.nearest(&format!("indicators.{code}.deductions")),
                format!(
                    "{code}: the deductions explain {} points but {} were lost; a \"{}\" rule does not subtract them, so they should account for the loss",
                    plain(explained),
                    plain(lost),
                    ind.rule.kind.name()
                ),
            ));
        }
    }
    if let RuleKind::Checkpoints { points } = &ind.rule.kind
        && !ind.criteria.is_empty()
        && ind.criteria.len() != points.len()
    {
        out.push(Diagnostic::warning(
            map.field(code, "rule"),
            format!(
                "{code}: the rule gives points for {} checkpoints but {} criteria (评价要点) are written; expected one `points` entry per criterion",
                points.len(),
                ind.criteria.len()
            ),
        ));
    }
    if let RuleKind::Checkpoints { points } = &ind.rule.kind
        && !a.checks.is_empty()
        && a.checks.len() != points.len()
    {
        out.push(Diagnostic::error(map.field(code, "checks"), format!("{code}: {} checks recorded for {} checkpoints; expected one true/false per checkpoint", a.checks.len(), points.len())));
    }

    match &leaf.state {
        LeafState::Incomplete(missing) => {
            // Not an error of the file: the evaluator has not recorded everything yet.
            out.push(Diagnostic::warning(
                map.field(code, "inputs").or(map.indicator(code)),
                format!(
                    "{code} {}: incomplete (未完成): {} not recorded yet; it counts as unscored until then",
                    ind.name,
                    quoted(missing)
                ),
            ));
        }
        LeafState::Error(msg) => {
            // A negative deduction and a score outside 0–weight were reported above, where they
            // are written; saying it again at the rule would point at the wrong line.
            let reported = (msg.starts_with("deduction of ") && msg.contains("is negative"))
                || (score_out_of_range && msg.starts_with("judged score"));
            if !reported {
                out.push(Diagnostic::error(
                    error_pos(map, code, msg).or(map.indicator(code)),
                    format!("{code} {}: {msg}", ind.name),
                ));
            }
        }
        LeafState::Scored => {
            if let Some(max) = leaf.rule_max
                && max < ind.weight
                && node.weight == ind.weight
            {
                out.push(Diagnostic::warning(
                    map.field(code, "rule"),
                    format!("{code}: the rule can give at most {} but the leaf is worth {}; full marks are unreachable", plain(max), plain(ind.weight)),
                ));
            }
            if let Some(max) = leaf.rule_max
                && max > node.weight
            {
                out.push(Diagnostic::warning(
                    map.field(code, "rule"),
                    format!("{code}: the rule can give up to {} but the leaf is worth {}; anything above {} is cut off", plain(max), plain(node.weight), plain(node.weight)),
                ));
            }
            let missing = crate::scoring::missing_inputs(ind);
            if let Some(awarded) = leaf.awarded.filter(|_| leaf.computed.is_none())
                && !missing.is_empty()
            {
                out.push(Diagnostic::warning(
                    map.field(code, "score"),
                    format!(
                        "{code} {}: awarded {}; its rule cannot check it until {} recorded",
                        ind.name,
                        fixed(awarded, places),
                        quoted(&missing)
                    ),
                ));
            }
            if let (Some(awarded), Some(computed)) = (leaf.awarded, leaf.computed)
                && awarded != computed
            {
                let above = leaf.rule_max.is_some_and(|m| awarded > m);
                out.push(Diagnostic::warning(
                    map.field(code, "score"),
                    format!(
                        "{code} {}: awarded {} but its rule gives {}{}",
                        ind.name,
                        fixed(awarded, places),
                        fixed(computed, places),
                        if above {
                            format!(
                                ", above the most the rule allows ({})",
                                plain(leaf.rule_max.unwrap_or_default())
                            )
                        } else {
                            String::new()
                        }
                    ),
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
                out.push(Diagnostic::warning(
                    map.indicator(code),
                    format!("{code} {}: loses {} points but no deduction gives a reason; expected a deduction with its reason, or a justification that says why", ind.name, fixed(lost, places)),
                ));
            }
        }
        _ => {}
    }
    if let (Some(stated), Some(measured)) = (a.stated_rate, leaf.measured) {
        // A report that prints "93%" or "78.1%" has rounded: compare at the precision it states
        // (two places at most, as before).
        let places = stated.scale().min(2);
        let percent = measured * Decimal::ONE_HUNDRED;
        let at_stated = percent
            .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let got = percent.round_dp(2);
        if stated != at_stated {
            out.push(Diagnostic::warning(
                map.field(code, "stated_rate"),
                format!(
                    "{code}: the report states a rate of {}% but the inputs give {}%",
                    plain(stated),
                    fixed(got, 2)
                ),
            ));
        }
    }
    if a.stated_rate.is_some() && leaf.measured.is_none() && leaf.state == LeafState::Scored {
        out.push(Diagnostic::warning(
            map.field(code, "stated_rate"),
            format!(
                "{code}: `stated_rate` is not checked: a \"{}\" rule measures no rate; give the rule a measure (numerator/denominator or value) or drop it",
                ind.rule.kind.name()
            ),
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
            out.push(Diagnostic::warning(
                at,
                format!(
                    "{code} {}: the justification states {} points but the score is {}",
                    ind.name,
                    plain(s),
                    fixed(node.score, places)
                ),
            ));
        }
        if let (Some(r), Some(rate)) = (stated_rate(&a.justification), node.rate)
            && r.round_dp(2) != rate
            && r.round_dp(1) != rate.round_dp(1)
        {
            out.push(Diagnostic::warning(
                at,
                format!(
                    "{code} {}: the justification states a 得分率 of {}% but it is {}%",
                    ind.name,
                    plain(r),
                    fixed(rate, 2)
                ),
            ));
        }
    }
}

/// Where a rule that cannot be computed went wrong: the judged score, the chosen tier, the input
/// the message names (between backticks), else the rule.
fn error_pos(map: &SourceMap, code: &str, msg: &str) -> Option<Pos> {
    let own = |key: &str| map.get(&format!("indicators.{code}.{key}"));
    if msg.starts_with("judged score") || msg.starts_with("no judged score") {
        return own("score").or(map.field(code, "rule"));
    }
    if msg.starts_with("tier ") || msg.starts_with("no level chosen") {
        return own("tier").or(map.field(code, "rule"));
    }
    if msg.contains("input") || msg.contains("denominator") {
        return match msg.split('`').nth(1) {
            Some(name) => map.nearest(&format!("indicators.{code}.inputs.{name}")),
            None => map.field(code, "inputs"),
        };
    }
    map.field(code, "rule")
}

/// `a`, `b` and `c`, as names in a message.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
