//! The scoring engine: leaves by their rules, parents as sums of rounded leaves, the N/A policy,
//! 加减分项, the total and its grade — all in exact decimals, each with its explanation.

mod adjustments;
mod error;
pub mod explanation;
pub mod formula;
mod incremental;
mod inputs;
mod leaf;
pub mod rounding;
pub mod survey;

use rust_decimal::Decimal;

pub use crate::lang::explain;
pub use adjustments::{AdjustmentLine, AdjustmentNote, AdjustmentOutcome};
pub use error::{ErrorField, Expected, ScoreError};
pub use explanation::{Step, StepRole};
pub use incremental::rescore;
pub use inputs::rule_inputs;
pub use leaf::{LeafOutcome, LeafState, missing_inputs, score_leaf};

use crate::model::{NaPolicy, Project, Tree};

/// One node's result.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeScore {
    /// The weight the node counts for after the N/A policy (its 分值 unless something is N/A).
    pub weight: Decimal,
    pub score: Decimal,
    /// 得分率 in percent, two places.
    pub rate: Option<Decimal>,
    /// Set on leaves.
    pub leaf: Option<LeafOutcome>,
    /// Whether every leaf under this node is 不适用.
    pub not_applicable: bool,
    pub leaves: usize,
    /// Leaves that count: neither 未评 nor 未完成 (不适用 ones count as done).
    pub scored_leaves: usize,
    /// The weight of the leaves that count: 得分率 over what has been scored is
    /// `score / scored_weight` (see `rate_so_far`).
    pub scored_weight: Decimal,
}

impl NodeScore {
    /// 得分率 over the leaves scored so far, while some are still pending.
    pub fn rate_so_far(&self) -> Option<Decimal> {
        (self.scored_leaves < self.leaves)
            .then(|| rounding::rate(self.score, self.scored_weight))
            .flatten()
    }
}

/// The total before 加减分项: the level-1 scores' sum, re-based onto the framework's total when
/// 不适用 leaves are re-based (`counted` is the weight still counted).
pub(crate) fn rebased(
    fw: &crate::model::FrameworkInfo,
    base_score: Decimal,
    na_weight: Decimal,
    counted: Decimal,
) -> Decimal {
    if fw.na_policy == NaPolicy::Rebase && na_weight > Decimal::ZERO && !counted.is_zero() {
        rounding::round(base_score / counted * fw.total, fw.places, fw.rounding)
    } else {
        base_score
    }
}

/// The whole project's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub tree: Tree,
    /// Aligned with `project.indicators`.
    pub nodes: Vec<NodeScore>,
    /// Σ level-1 scores, before re-basing and adjustments.
    pub base_score: Decimal,
    /// The weight of the leaves marked 不适用.
    pub na_weight: Decimal,
    /// The final total: re-based when N/A leaves are re-based, plus adjustments.
    pub total: Decimal,
    /// The framework's base total.
    pub max: Decimal,
    pub grade: Option<String>,
    pub adjustments: Option<AdjustmentOutcome>,
    pub leaves: usize,
    pub scored_leaves: usize,
}

impl Scorecard {
    /// The total before 加减分项 (re-based when 不适用 leaves are): what `total` is when the
    /// project has no adjustments.
    pub fn base_total(&self, project: &Project) -> Decimal {
        let counted: Decimal = self.tree.roots.iter().map(|&r| self.nodes[r].weight).sum();
        rebased(&project.framework, self.base_score, self.na_weight, counted)
    }

    /// Every leaf is 不适用: nothing was evaluated, so there is no total to speak of and no
    /// grade (`grade` is None, `total` 0).
    pub fn has_no_score(&self) -> bool {
        self.leaves > 0
            && self
                .tree
                .roots
                .iter()
                .all(|&r| self.nodes[r].not_applicable)
    }

    pub fn node(&self, project: &Project, code: &str) -> Option<&NodeScore> {
        project.index_of(code).map(|i| &self.nodes[i])
    }

    /// Leaves that lost points, in tree order.
    pub fn leaves_with_loss(&self) -> Vec<usize> {
        self.tree
            .preorder()
            .into_iter()
            .filter(|&i| {
                let n = &self.nodes[i];
                n.leaf.as_ref().is_some_and(|l| {
                    matches!(
                        l.state,
                        LeafState::Scored | LeafState::Unscorable(_) | LeafState::Error(_)
                    )
                }) && n.score < n.weight
            })
            .collect()
    }

    /// Some leaves are still 未评 or 未完成: the total is 暂计 (provisional).
    pub fn provisional(&self) -> bool {
        self.scored_leaves < self.leaves
    }

    /// No leaf has a score that counts yet: there is no total to speak of and no grade.
    pub fn nothing_evaluated(&self) -> bool {
        nothing_evaluated(&self.nodes)
    }

    /// 得分率 of the total.
    pub fn total_rate(&self) -> Option<Decimal> {
        rounding::rate(self.total, self.max)
    }
}

/// Scores the whole project.
pub fn score(project: &Project) -> Scorecard {
    let tree = Tree::build(project);
    let n = project.indicators.len();
    let fw = &project.framework;

    // Which nodes are entirely 不适用 (a leaf marked N/A, or a parent whose leaves all are).
    let mut na = vec![false; n];
    for &i in tree.preorder().iter().rev() {
        na[i] = if tree.is_leaf(i) {
            project.indicators[i].assessment.na.is_some()
        } else {
            tree.children[i].iter().all(|&c| na[c])
        };
    }

    // Effective weights, top-down.
    let mut weight: Vec<Decimal> = project.indicators.iter().map(|i| i.weight).collect();
    match fw.na_policy {
        NaPolicy::Rebase => {
            for i in 0..n {
                if na[i] {
                    weight[i] = Decimal::ZERO;
                }
            }
            // Parents count for what their children still count for.
            for &i in tree.preorder().iter().rev() {
                if !tree.is_leaf(i) {
                    weight[i] = tree.children[i].iter().map(|&c| weight[c]).sum();
                }
            }
        }
        NaPolicy::Redistribute => {
            let roots_total = fw.total;
            redistribute(
                &tree.roots,
                roots_total,
                project,
                &na,
                &mut weight,
                fw.places,
            );
            for i in tree.preorder() {
                if !tree.is_leaf(i) {
                    let share = weight[i];
                    let kids = tree.children[i].clone();
                    redistribute(&kids, share, project, &na, &mut weight, fw.places);
                }
            }
        }
    }

    let mut nodes: Vec<NodeScore> = (0..n)
        .map(|i| NodeScore {
            weight: weight[i],
            score: Decimal::ZERO,
            rate: None,
            leaf: None,
            not_applicable: na[i],
            leaves: 0,
            scored_leaves: 0,
            scored_weight: Decimal::ZERO,
        })
        .collect();
    for &i in tree.preorder().iter().rev() {
        if tree.is_leaf(i) {
            let outcome = score_leaf(&project.indicators[i], weight[i], fw);
            let node = &mut nodes[i];
            node.score = outcome.score;
            node.leaves = 1;
            node.scored_leaves = usize::from(!outcome.state.is_pending());
            node.scored_weight = if outcome.state.is_pending() {
                Decimal::ZERO
            } else {
                node.weight
            };
            node.leaf = Some(outcome);
        } else {
            let kids = &tree.children[i];
            let node = NodeScore {
                score: kids.iter().map(|&c| nodes[c].score).sum(),
                leaves: kids.iter().map(|&c| nodes[c].leaves).sum(),
                scored_leaves: kids.iter().map(|&c| nodes[c].scored_leaves).sum(),
                scored_weight: kids.iter().map(|&c| nodes[c].scored_weight).sum(),
                ..nodes[i].clone()
            };
            nodes[i] = node;
        }
        nodes[i].rate = rounding::rate(nodes[i].score, nodes[i].weight);
    }

    let base_score: Decimal = tree.roots.iter().map(|&r| nodes[r].score).sum();
    let na_weight: Decimal = (0..n)
        .filter(|&i| tree.is_leaf(i) && na[i])
        .map(|i| project.indicators[i].weight)
        .sum();
    let counted: Decimal = tree.roots.iter().map(|&r| nodes[r].weight).sum();
    let mut total = rebased(fw, base_score, na_weight, counted);
    let adjustments = project.adjustments.as_ref().map(adjustments::apply);
    if let Some(adj) = &adjustments {
        total = (total + adj.net).max(Decimal::ZERO);
    }
    let leaves: usize = tree.roots.iter().map(|&r| nodes[r].leaves).sum();
    let scored_leaves = tree.roots.iter().map(|&r| nodes[r].scored_leaves).sum();
    let grade = grade_of(project, &nodes, total);
    Scorecard {
        tree,
        nodes,
        base_score,
        na_weight,
        total,
        max: fw.total,
        grade,
        adjustments,
        leaves,
        scored_leaves,
    }
}

/// The grade the total falls in, once something has been evaluated: with every leaf 不适用
/// or still 未评/未完成 there is no grade (a new project's 0.00 is not 差). While some leaves
/// are pending the total and its grade are provisional (`Scorecard::provisional`), which the
/// views say.
fn grade_of(project: &Project, nodes: &[NodeScore], total: Decimal) -> Option<String> {
    if nothing_evaluated(nodes) {
        return None;
    }
    project.grade_for(total).map(str::to_string)
}

/// No leaf has a score that counts (each is 不适用, 未评 or 未完成).
fn nothing_evaluated(nodes: &[NodeScore]) -> bool {
    !nodes.iter().any(|n| {
        n.leaf.as_ref().is_some_and(|l| {
            !l.state.is_pending() && !matches!(l.state, LeafState::NotApplicable(_))
        })
    })
}

/// Gives `share` to the not-N/A nodes of `group` in proportion to their written weights, rounded
/// to the framework's places with the rounding residue on the last one so the parts add up.
fn redistribute(
    group: &[usize],
    share: Decimal,
    project: &Project,
    na: &[bool],
    weight: &mut [Decimal],
    places: u32,
) {
    let live: Vec<usize> = group.iter().copied().filter(|&i| !na[i]).collect();
    for &i in group {
        if na[i] {
            weight[i] = Decimal::ZERO;
        }
    }
    let written: Decimal = live.iter().map(|&i| project.indicators[i].weight).sum();
    if written.is_zero() || live.is_empty() {
        return;
    }
    let mut given = Decimal::ZERO;
    for (k, &i) in live.iter().enumerate() {
        let w = if k + 1 == live.len() {
            share - given
        } else {
            (project.indicators[i].weight * share / written).round_dp(places)
        };
        weight[i] = w;
        given += w;
    }
}
