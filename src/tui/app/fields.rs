//! The editable fields of a leaf, in the order the detail pane shows them. The view renders
//! them and the app moves the focus over them, so both read this one list.

use crate::model::{Indicator, Project, Rule, RuleKind};

/// One focusable row of the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The judged score of a judgement rule.
    Score,
    /// Checkpoint k of a checkpoints rule.
    Check(usize),
    Tier,
    Input(String),
    /// One year's figure of a per-year input (全周期): the input's name and the year.
    Year(String, String),
    /// One count of a questionnaire's tally: the survey's name, question and option (0-based).
    SurveyCount(String, usize, usize),
    AddInput,
    Deduction(usize),
    AddDeduction,
    PickStandard,
    Evidence(usize),
    AddEvidence,
    Justification,
    Status,
    Na,
    Unscorable,
    /// The awarded score that overrides any other rule (rarely used, so listed last).
    Awarded,
    /// A 加减分项's recorded points.
    AdjPoints,
    /// A 加减分项's reason.
    AdjReason,
}

/// The detail-pane section a field sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Scoring,
    Inputs,
    Deductions,
    Evidence,
    Justification,
    Status,
    Adjustment,
}

impl Field {
    pub fn section(&self) -> Section {
        match self {
            Field::Score | Field::Check(_) | Field::Tier => Section::Scoring,
            Field::Input(_) | Field::Year(..) | Field::SurveyCount(..) | Field::AddInput => {
                Section::Inputs
            }
            Field::Deduction(_) | Field::AddDeduction | Field::PickStandard => Section::Deductions,
            Field::Evidence(_) | Field::AddEvidence => Section::Evidence,
            Field::Justification => Section::Justification,
            Field::Status | Field::Na | Field::Unscorable | Field::Awarded => Section::Status,
            Field::AdjPoints | Field::AdjReason => Section::Adjustment,
        }
    }
}

/// Fields of node `i`; a parent has only its analysis paragraph (its score is the sum of its
/// children).
pub fn fields(p: &Project, is_leaf: bool, i: usize) -> Vec<Field> {
    if !is_leaf {
        return vec![Field::Justification];
    }
    let ind = &p.indicators[i];
    let a = &ind.assessment;
    let mut out = Vec::new();
    let judged = matches!(ind.rule.kind, RuleKind::Judgement { .. });
    match &ind.rule.kind {
        RuleKind::Judgement { .. } => out.push(Field::Score),
        RuleKind::Checkpoints { points } => out.extend((0..points.len()).map(Field::Check)),
        RuleKind::Levels { .. } => out.push(Field::Tier),
        _ => {}
    }
    // A per-year input is edited year by year, a questionnaire count by count.
    let names: Vec<String> = input_names(ind)
        .into_iter()
        .filter(|n| a.yearly_input(n).is_none() && a.survey(n).is_none())
        .collect();
    let years: Vec<Field> = a
        .yearly
        .iter()
        .flat_map(|y| {
            y.years
                .iter()
                .map(|(year, _)| Field::Year(y.name.clone(), year.clone()))
        })
        .collect();
    let counts: Vec<Field> = a
        .surveys
        .iter()
        .flat_map(|s| {
            s.questions
                .iter()
                .enumerate()
                .flat_map(move |(q, question)| {
                    (0..question.counts.len())
                        .map(move |o| Field::SurveyCount(s.name.clone(), q, o))
                })
        })
        .collect();
    if !names.is_empty() || !years.is_empty() || !counts.is_empty() || uses_inputs(&ind.rule) {
        out.extend(names.into_iter().map(Field::Input));
        out.extend(years);
        out.extend(counts);
        out.push(Field::AddInput);
    }
    out.extend((0..a.deductions.len()).map(Field::Deduction));
    out.push(Field::AddDeduction);
    if standard_count(p, &ind.code) > 0 {
        out.push(Field::PickStandard);
    }
    out.extend((0..a.evidence.len()).map(Field::Evidence));
    out.push(Field::AddEvidence);
    out.extend([
        Field::Justification,
        Field::Status,
        Field::Na,
        Field::Unscorable,
    ]);
    if !judged {
        out.push(Field::Awarded);
    }
    out
}

/// How many of the framework's standard deductions (扣分库) apply to `code`.
pub fn standard_count(p: &Project, code: &str) -> usize {
    p.standard_deductions
        .iter()
        .filter(|s| s.applies(code))
        .count()
}

fn uses_inputs(rule: &Rule) -> bool {
    !matches!(
        rule.kind,
        RuleKind::Deductions { .. }
            | RuleKind::Judgement { .. }
            | RuleKind::Checkpoints { .. }
            | RuleKind::Levels { .. }
    ) || !rule.veto.is_empty()
}

/// The inputs the rule reads, then any other recorded ones, each once.
pub fn input_names(ind: &Indicator) -> Vec<String> {
    let mut out = crate::scoring::rule_inputs(&ind.rule);
    for (n, _) in &ind.assessment.inputs {
        if n != "weight" && !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}
