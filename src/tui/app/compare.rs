//! `--compare B.toml`: another evaluator's scoring of the same project beside this one. B is
//! only read (never locked, never written); the comparison is redone after every edit, which
//! costs little at these sizes.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::App;
use crate::diff::{IndicatorDiff, ProjectDiff, compare_scored};
use crate::model::Project;
use crate::scoring::{self, Scorecard};
use crate::tui::strings::Msg;

#[derive(Debug, Clone)]
pub struct Compare {
    pub path: PathBuf,
    pub project: Project,
    pub card: Scorecard,
    pub diff: ProjectDiff,
    /// Per indicator of this file: its entry in `diff.indicators`, when there is one.
    pub entry: Vec<Option<usize>>,
    /// Per indicator of this file: the node with the same code in B.
    pub other: Vec<Option<usize>>,
}

impl Compare {
    /// Leaves scored differently or with different deductions (notes alone, such as inputs
    /// that differ without changing the score, are shown but not highlighted; parents differ
    /// only because a leaf below them does, so they are not counted).
    pub fn disagreements(&self) -> usize {
        self.diff
            .indicators
            .iter()
            .filter(|d| d.leaf && disagreeing(d))
            .count()
    }

    /// The file name of B, for headings.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}

fn disagreeing(d: &IndicatorDiff) -> bool {
    d.score_a != d.score_b || !d.only_in_a.is_empty() || !d.only_in_b.is_empty()
}

impl App {
    /// Shows `project` (read from `path`) beside this file from now on.
    pub fn set_compare(&mut self, path: PathBuf, project: Project) {
        let card = scoring::score(&project);
        self.compare = Some(Compare {
            path,
            project,
            card,
            diff: ProjectDiff {
                indicators: Vec::new(),
                only_codes_a: Vec::new(),
                only_codes_b: Vec::new(),
                total_a: Decimal::ZERO,
                total_b: Decimal::ZERO,
                grade_a: None,
                grade_b: None,
                places: 2,
            },
            entry: Vec::new(),
            other: Vec::new(),
        });
        self.refresh_compare();
    }

    /// Recompares after a change to this file.
    pub(crate) fn refresh_compare(&mut self) {
        let Some(mut c) = self.compare.take() else {
            return;
        };
        let p = self.file.project();
        c.diff = compare_scored(p, &self.card, &c.project, &c.card);
        let index = p.code_index();
        c.entry = vec![None; p.indicators.len()];
        for (k, d) in c.diff.indicators.iter().enumerate() {
            if let Some(&i) = index.get(d.code.as_str()) {
                c.entry[i] = Some(k);
            }
        }
        let other = c.project.code_index();
        c.other = p
            .indicators
            .iter()
            .map(|ind| other.get(ind.code.as_str()).copied())
            .collect();
        self.compare = Some(c);
    }

    /// B's entry for indicator `i` of this file, when the two differ in any way.
    pub fn compared(&self, i: usize) -> Option<&IndicatorDiff> {
        let c = self.compare.as_ref()?;
        c.entry
            .get(i)
            .copied()
            .flatten()
            .map(|k| &c.diff.indicators[k])
    }

    /// Whether B scores indicator `i` differently or deducts differently.
    pub fn disagrees(&self, i: usize) -> bool {
        self.compared(i).is_some_and(disagreeing)
    }

    /// B's score of indicator `i`; None when B has no such indicator (or nothing is compared).
    pub fn other_score(&self, i: usize) -> Option<Decimal> {
        let c = self.compare.as_ref()?;
        let j = c.other.get(i).copied().flatten()?;
        Some(c.card.nodes[j].score)
    }

    /// `D`: the next indicator (in tree order, wrapping) where B disagrees.
    pub(super) fn next_disagreement(&mut self) {
        if self.compare.is_none() {
            return self.info(self.t(Msg::NoCompare));
        }
        let from = self.selected_node().unwrap_or(0);
        // Leaves first: a parent differs only because a leaf below it does.
        if !self.select_next(from, true, false, |app, i| {
            app.is_leaf(i) && app.disagrees(i)
        }) {
            self.info(self.t(Msg::NoDisagreement));
        }
    }
}
