//! Every change to a project is a value (`Edit`), validated and applied through one function
//! that returns the edit undoing it. The TUI and the CLI's `set`/`deduct`/`evidence` produce
//! the same values, so both get the same checks and the same safe save.

mod apply;
mod conflict;
mod figures;
mod parse;
mod refusal;
mod rule_form;
mod rule_text;
mod settings;
mod structure;
#[cfg(test)]
mod tests;

pub use apply::{apply, clears_approval, describe, implied_status};
pub use conflict::{conflict_field_edits, field_edits};
pub use figures::{survey_assignment, validate_survey};
pub use parse::parse_assignment;
pub use rule_form::{
    Param, ParamKind, RULE_KINDS, field_value, params as rule_params, rows_for as rule_rows,
    rule_from_rows,
};
pub use rule_text::{rule_from_assignments, rule_parsed, rule_value};
pub use settings::{PolicyKey, parse_grades, show_grades};
pub use structure::{
    DefinitionKey, WeightGap, check_new_code, children as structure_children, propose_code,
    subtree as structure_subtree, validate as validate_structure, weight_gaps,
};

use rust_decimal::Decimal;

use crate::model::{
    ConflictRecord, Deduction, Evidence, GradeBand, InputValue, Review, Side, Status, Survey,
    Yearly,
};

/// An entry of a leaf's table as the file wrote it, so that an undo puts back its text and
/// place: `text` is `key = value` with its spacing and comments, `place` its position among
/// the keys of the leaf's `inputs` (or, with `whole_inputs`, the `inputs = { … }` entry itself
/// among the leaf's keys, when the input was the only one).
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenEntry {
    pub whole_inputs: bool,
    pub place: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The judged score of a judgement leaf, or the awarded score of any other (None clears it).
    SetScore {
        code: String,
        score: Option<Decimal>,
    },
    SetInput {
        code: String,
        name: String,
        value: Option<InputValue>,
    },
    InsertDeduction {
        code: String,
        index: usize,
        deduction: Deduction,
    },
    ReplaceDeduction {
        code: String,
        index: usize,
        deduction: Deduction,
    },
    RemoveDeduction {
        code: String,
        index: usize,
    },
    SetChecks {
        code: String,
        checks: Vec<crate::model::Check>,
    },
    SetTier {
        code: String,
        tier: Option<String>,
    },
    SetNa {
        code: String,
        reason: Option<String>,
    },
    SetUnscorable {
        code: String,
        reason: Option<String>,
    },
    SetJustification {
        code: String,
        text: String,
    },
    SetStatus {
        code: String,
        status: Status,
    },
    InsertEvidence {
        code: String,
        index: usize,
        evidence: Evidence,
    },
    ReplaceEvidence {
        code: String,
        index: usize,
        evidence: Evidence,
    },
    RemoveEvidence {
        code: String,
        index: usize,
    },
    InsertReview {
        code: String,
        index: usize,
        review: Review,
    },
    RemoveReview {
        code: String,
        index: usize,
    },
    /// One year's figure of a per-year input (全周期: `预算资金 = { 2019 = 500, 2020 = 540 }`);
    /// None removes that year, and the input goes with its last year.
    SetYear {
        code: String,
        name: String,
        year: String,
        value: Option<Decimal>,
    },
    /// Puts back a per-year input whose last year `SetYear` removed, where it was: `index`
    /// among the leaf's per-year inputs, and in the file the entry as it was written. The undo
    /// of that removal (a plain `SetYear` would add the input after the others).
    RestoreYearly {
        code: String,
        index: usize,
        yearly: Yearly,
        written: Option<WrittenEntry>,
    },
    /// One count of a questionnaire's tally (问卷): question and option are 0-based, options
    /// in the order the survey lists them.
    SetSurveyCount {
        code: String,
        survey: String,
        question: usize,
        option: usize,
        count: Decimal,
    },
    /// A whole questionnaire (an imported tally): replaces the leaf's survey of the same name
    /// in place, or is added after the others; None removes it.
    SetSurvey {
        code: String,
        name: String,
        survey: Option<Box<Survey>>,
    },
    /// The recorded points and reason of a 加减分项.
    SetAdjustment {
        code: String,
        points: Option<Decimal>,
        reason: String,
    },
    /// Settles the recorded merge conflict at `index` (of `[[conflicts]]`, about `code`): its
    /// field takes `take`'s value and the record goes.
    ResolveConflict {
        code: String,
        index: usize,
        take: Side,
    },
    /// Puts a merge conflict record at `index`; its field, which holds `from`'s value, gets
    /// ours' value back. The undo of `ResolveConflict`, and how `jixiao merge` leaves one.
    RecordConflict {
        code: String,
        index: usize,
        record: Box<ConflictRecord>,
        from: Side,
    },
    // Designing the tree (指标设计). These change the structure, so they are applied to the
    // file's document (`ProjectFile::apply`), which writes one place and reloads the model.
    /// A new indicator under `parent` (None: a level-1 indicator), at `index` among its
    /// siblings. Undone by `RemoveIndicator`.
    AddIndicator {
        code: String,
        parent: Option<String>,
        index: usize,
        name: String,
        weight: Decimal,
    },
    /// Removes an indicator with everything under it and everything recorded on them. Undone
    /// by `RestoreIndicator`, which carries the removed tables as they were written.
    RemoveIndicator {
        code: String,
    },
    /// Puts back indicators removed by `RemoveIndicator`: `toml` is their tables' text, placed
    /// under `parent` at `index` among its children.
    RestoreIndicator {
        code: String,
        parent: Option<String>,
        index: usize,
        toml: String,
    },
    /// 分值.
    SetWeight {
        code: String,
        weight: Decimal,
    },
    /// The indicator's name.
    SetName {
        code: String,
        name: String,
    },
    /// Changes the code (A103 → A104): the table, its children's `parent`, and the standard
    /// deductions that name it.
    SetCode {
        code: String,
        new_code: String,
    },
    /// Moves an indicator (with its subtree) under `parent`, at `index` among its children.
    MoveIndicator {
        code: String,
        parent: Option<String>,
        index: usize,
    },
    /// Replaces the whole rule (评分标准) as one edit: `rule` is the TOML inline table
    /// (`{ kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }`), None removes it.
    SetRule {
        code: String,
        rule: Option<String>,
    },
    /// 指标解释, 公式, 目标值 or 数据来源 (empty text removes the key).
    SetDefinition {
        code: String,
        key: DefinitionKey,
        text: String,
    },
    /// 评价要点: the indicator's `criteria` list, replaced as a whole (each add, edit, delete or
    /// move in the workbench's list is one of these; an empty list removes the key).
    SetCriteria {
        code: String,
        criteria: Vec<String>,
    },
    /// The code the report prints (`shown = "（一）"`): `Some("")` prints no code at all,
    /// None removes the key (the indicator's own code is printed).
    SetShown {
        code: String,
        shown: Option<String>,
    },
    /// One policy of `[framework]` (total, rounding, places, N/A policy, rate places), as
    /// written in the file (`"truncate"`, `2`); empty removes the key (its default applies).
    SetPolicy {
        key: PolicyKey,
        value: String,
    },
    /// The grade bands (评价等级), replaced as a whole.
    SetGrades {
        grades: Vec<GradeBand>,
    },
}

impl Edit {
    /// The indicator (or adjustment item) the edit touches.
    pub fn code(&self) -> &str {
        match self {
            Edit::SetScore { code, .. }
            | Edit::SetInput { code, .. }
            | Edit::SetYear { code, .. }
            | Edit::RestoreYearly { code, .. }
            | Edit::SetSurveyCount { code, .. }
            | Edit::SetSurvey { code, .. }
            | Edit::InsertDeduction { code, .. }
            | Edit::ReplaceDeduction { code, .. }
            | Edit::RemoveDeduction { code, .. }
            | Edit::SetChecks { code, .. }
            | Edit::SetTier { code, .. }
            | Edit::SetNa { code, .. }
            | Edit::SetUnscorable { code, .. }
            | Edit::SetJustification { code, .. }
            | Edit::SetStatus { code, .. }
            | Edit::InsertEvidence { code, .. }
            | Edit::ReplaceEvidence { code, .. }
            | Edit::RemoveEvidence { code, .. }
            | Edit::InsertReview { code, .. }
            | Edit::RemoveReview { code, .. }
            | Edit::SetAdjustment { code, .. }
            | Edit::ResolveConflict { code, .. }
            | Edit::RecordConflict { code, .. }
            | Edit::AddIndicator { code, .. }
            | Edit::RemoveIndicator { code }
            | Edit::RestoreIndicator { code, .. }
            | Edit::SetWeight { code, .. }
            | Edit::SetName { code, .. }
            | Edit::SetCode { code, .. }
            | Edit::MoveIndicator { code, .. }
            | Edit::SetRule { code, .. }
            | Edit::SetDefinition { code, .. }
            | Edit::SetCriteria { code, .. }
            | Edit::SetShown { code, .. } => code,
            // Project-wide settings belong to no indicator.
            Edit::SetPolicy { .. } | Edit::SetGrades { .. } => "",
        }
    }

    /// Whether the edit changes the tree or a definition rather than a recorded field: such
    /// an edit is applied to the file's document, which reloads the model.
    pub fn is_structure(&self) -> bool {
        matches!(
            self,
            Edit::AddIndicator { .. }
                | Edit::RemoveIndicator { .. }
                | Edit::RestoreIndicator { .. }
                | Edit::SetWeight { .. }
                | Edit::SetName { .. }
                | Edit::SetCode { .. }
                | Edit::MoveIndicator { .. }
                | Edit::SetRule { .. }
                | Edit::SetDefinition { .. }
                | Edit::SetCriteria { .. }
                | Edit::SetShown { .. }
                | Edit::SetPolicy { .. }
                | Edit::SetGrades { .. }
        )
    }

    /// The code the indicator has after the edit (a code change renames it).
    pub fn code_after(&self) -> &str {
        match self {
            Edit::SetCode { new_code, .. } => new_code,
            other => other.code(),
        }
    }
}

pub use refusal::{EditError, Thing};
