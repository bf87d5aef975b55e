//! What a firm calls things in its tables, and which optional columns it prints: the knobs of
//! the Word export (issue 15, item 3). Defaults follow the seeds' 附件1.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::lang::explanation::deduction_reason;
use crate::model::{Project, RuleKind};
use crate::scoring::rounding::fixed;
use crate::scoring::{LeafState, Scorecard, Step, StepRole};

#[derive(Debug, Clone, PartialEq)]
pub struct TableLabels {
    /// "A101 依据充分性" (true) or "依据充分性" (false) in the indicator columns.
    pub code_prefix: bool,
    /// The header of the criteria column: 评分标准, or 指标说明 as some firms write it.
    pub criteria_header: String,
    /// Print a 目标值 column: `None` = when any leaf has a target.
    pub target_column: Option<bool>,
    /// 扣分点说明 as "扣 0.50 分：reason" (true) or the reason alone (false, the default: the
    /// amount is already in the 得分 column).
    pub notes_with_amount: bool,
}

impl Default for TableLabels {
    fn default() -> Self {
        TableLabels {
            code_prefix: true,
            criteria_header: "评分标准".into(),
            target_column: None,
            notes_with_amount: false,
        }
    }
}

impl TableLabels {
    /// The defaults, with what the project's `[report]` says.
    pub fn for_project(project: &Project) -> TableLabels {
        TableLabels::with_firm(&crate::config::ExportDefaults::default(), project)
    }

    /// The defaults, then the firm's `[export]` from the config, then the project's `[report]`
    /// (a project tailored for one client wins over the house style).
    pub fn with_firm(firm: &crate::config::ExportDefaults, project: &Project) -> TableLabels {
        let mut l = TableLabels::default();
        if let Some(v) = firm.code_prefix {
            l.code_prefix = v;
        }
        if let Some(h) = firm
            .criteria_header
            .as_ref()
            .filter(|h| !h.trim().is_empty())
        {
            l.criteria_header = h.trim().to_string();
        }
        l.target_column = firm.target_column.or(l.target_column);
        if let Some(v) = firm.deduction_amounts {
            l.notes_with_amount = v;
        }
        if let Some(r) = &project.report {
            if let Some(v) = r.code_prefix {
                l.code_prefix = v;
            }
            if let Some(h) = r.criteria_header.as_ref().filter(|h| !h.trim().is_empty()) {
                l.criteria_header = h.trim().to_string();
            }
            l.target_column = r.target_column.or(l.target_column);
            if let Some(v) = r.deduction_amounts {
                l.notes_with_amount = v;
            }
        }
        l
    }

    pub fn label(&self, code: &str, name: &str) -> String {
        if self.code_prefix {
            super::sheet::indicator_label(code, name)
        } else {
            name.to_string()
        }
    }

    pub fn shows_target(&self, project: &Project) -> bool {
        self.target_column.unwrap_or_else(|| {
            project
                .indicators
                .iter()
                .any(|i| !i.target.trim().is_empty())
        })
    }
}

/// 评分标准 for a report: the formula and criteria as written; when the leaf has none, the rule
/// in words as the engine states it (so the column is never blank for a rule-scored leaf).
pub fn criteria_for_report(project: &Project, card: &Scorecard, i: usize) -> Vec<String> {
    let ind = &project.indicators[i];
    let mut out = Vec::new();
    if !ind.formula.trim().is_empty() {
        out.push(ind.formula.trim().to_string());
    }
    out.extend(
        ind.criteria
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
    );
    if out.is_empty()
        && matches!(
            ind.rule.kind,
            RuleKind::Formula { .. } | RuleKind::Branch { .. }
        )
    {
        // The expression is written over the evaluator's input names ("实际户数2020"): a
        // report says what it is, not how the engine spells it.
        out.push(format!(
            "按评分公式计算得分，满分 {} 分",
            crate::scoring::rounding::plain(ind.weight)
        ));
    } else if out.is_empty()
        && let Some(leaf) = &card.nodes[i].leaf
    {
        let places = project.framework.places;
        out.extend(
            leaf.steps
                .iter()
                .filter(|s| s.role() == StepRole::Rule)
                .map(|s| s.text(places, project.report_lang()).trim().to_string())
                .filter(|r| !r.is_empty()),
        );
    }
    out
}

/// 扣分点说明 for a report: what the reader of a Word report needs — each finding's reason (with
/// its amount only when the firm wants it), why a leaf is 不适用 or not scorable — and never the
/// engine's arithmetic trace or review notes, whose input names are the evaluator's shorthand.
/// A leaf that lost points to a rule without itemised findings says so in words, with the
/// evaluator's justification when there is one.
pub fn notes_for_report(
    project: &Project,
    card: &Scorecard,
    i: usize,
    labels: &TableLabels,
) -> Vec<String> {
    notes(project, card, i, labels, false)
}

/// The same, for a table printed right above the leaf's analysis paragraph (表4-k): a loss
/// without itemised findings says only how much was lost, not the paragraph again.
pub fn brief_notes(
    project: &Project,
    card: &Scorecard,
    i: usize,
    labels: &TableLabels,
) -> Vec<String> {
    notes(project, card, i, labels, true)
}

fn notes(
    project: &Project,
    card: &Scorecard,
    i: usize,
    labels: &TableLabels,
    brief: bool,
) -> Vec<String> {
    let node = &card.nodes[i];
    let places = project.framework.places;
    let lang = project.report_lang();
    let Some(leaf) = &node.leaf else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    match &leaf.state {
        LeafState::Unscored => return notes,
        LeafState::NotApplicable(r) => {
            let reason = r.trim().to_string();
            notes.push(Step::NotApplicable { reason }.text(places, lang));
            return notes;
        }
        LeafState::Unscorable(r) => {
            let reason = r.trim().to_string();
            notes.push(Step::Unscorable { reason }.text(places, lang))
        }
        LeafState::Error(_) => notes.push(
            lang.pick(
                "评分规则无法计算，请复核",
                "the scoring rule cannot be computed; please review",
            )
            .to_string(),
        ),
        LeafState::Incomplete(missing) => {
            notes.push(lang.pick(
                format!("未完成：尚缺 {}", missing.join("、")),
                format!("incomplete: {} missing", missing.join(", ")),
            ));
            return notes;
        }
        LeafState::Scored => {}
    }
    if node.weight != project.indicators[i].weight {
        let w = crate::scoring::rounding::plain(node.weight);
        notes.push(lang.pick(
            format!("不适用指标分值分配后，本指标按 {w} 分计"),
            format!(
                "after the weights of indicators not applicable are shared out, this one weighs {w}"
            ),
        ));
    }
    if node.score >= node.weight || !matches!(leaf.state, LeafState::Scored) {
        return notes;
    }
    let mut itemised = false;
    let mut found = Vec::new();
    for s in &leaf.steps {
        if let Step::Deduction {
            points,
            reason,
            count,
        } = s
        {
            itemised = true;
            let reason = deduction_reason(reason, *count, lang);
            let reason = reason.trim_end_matches('。');
            let reason = if reason.is_empty() {
                lang.pick("（未写明扣分原因）", "(no reason given)")
            } else {
                reason
            };
            let points = fixed(*points, places);
            found.push(match (labels.notes_with_amount, lang) {
                (true, Lang::Zh) => format!("扣 {points} 分：{reason}"),
                (true, Lang::En) => format!("−{points} points: {reason}"),
                (false, _) => reason.to_string(),
            });
        }
    }
    // Each finding with the evidence it cites, so the table says what every lost point rests on.
    notes.extend(super::analysis::with_citations(
        &project.indicators[i],
        found,
        lang,
    ));
    if !itemised {
        let lost = node.weight - node.score;
        let why = if brief {
            String::new()
        } else {
            justification_without_score(&project.indicators[i].assessment.justification)
        };
        let lost = fixed(lost.max(Decimal::ZERO), places);
        notes.push(if why.is_empty() {
            lang.pick(
                format!("按评分标准计算，扣 {lost} 分"),
                format!("{lost} points lost by the scoring standard"),
            )
        } else {
            why
        });
    }
    notes
}

/// The justification without its closing "根据评分标准，该指标得…" sentence, which the 得分
/// column already says.
fn justification_without_score(text: &str) -> String {
    let t = text.trim();
    let cut = ["根据评分标准", "该指标得"]
        .iter()
        .filter_map(|m| t.rfind(m))
        .min()
        .unwrap_or(t.len());
    t[..cut]
        .trim_end()
        .trim_end_matches(['，', '；', ','])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_sentence_is_cut() {
        assert_eq!(
            justification_without_score("到位率65%。根据评分标准，该指标得1分，得分率33.33%。"),
            "到位率65%。"
        );
        assert_eq!(justification_without_score("没有说明"), "没有说明");
        assert_eq!(justification_without_score("根据评分标准，该指标得1分"), "");
    }
}
