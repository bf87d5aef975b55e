//! Every change to a project is a value (`Edit`), validated and applied through one function
//! that returns the edit undoing it. The TUI and the CLI's `set`/`deduct`/`evidence` produce
//! the same values, so both get the same checks and the same safe save.

mod apply;
mod conflict;
mod parse;
mod refusal;
#[cfg(test)]
mod tests;

pub use apply::{apply, clears_approval, describe, implied_status};
pub use conflict::{conflict_field_edits, field_edits};
pub use parse::parse_assignment;

use rust_decimal::Decimal;

use crate::model::{ConflictRecord, Deduction, Evidence, InputValue, Review, Side, Status};

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
        checks: Vec<bool>,
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
}

impl Edit {
    /// The indicator (or adjustment item) the edit touches.
    pub fn code(&self) -> &str {
        match self {
            Edit::SetScore { code, .. }
            | Edit::SetInput { code, .. }
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
            | Edit::RecordConflict { code, .. } => code,
        }
    }
}

pub use refusal::{EditError, Thing};
