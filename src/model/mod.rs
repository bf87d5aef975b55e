//! The plain data of an evaluation: frameworks, indicators, rules and what evaluators record.
//!
//! Nothing here knows about files or terminals; `store` reads and writes these types and
//! `scoring` computes from them.

mod assessment;
mod conflict;
pub mod date;
mod framework;
mod indicator;
mod project;
mod rule;
mod survey;
mod tree;

pub use assessment::{Assessment, Check, Deduction, Evidence, InputValue, Review, Status};
pub use conflict::{ConflictRecord, Field, FieldValue, Side, is_year, score_text, show};
pub use framework::{FrameworkInfo, GradeBand, NaPolicy, Rounding};
pub use indicator::{Indicator, Stated, StatedFigure};
pub use project::{
    AdjustmentDirection, AdjustmentItem, Adjustments, Project, ProjectMeta, ReportText,
    StandardDeduction,
};
pub use rule::{
    Checkpoint, CompareOp, Credit, DeductionGroup, Fraction, Level, Measure, Rule, RuleKind,
    StepCount, TargetMiss, TargetValue, ThresholdMiss, YearMode,
};
pub use survey::{Combine, Question, Survey, SurveyOption, Yearly};
pub use tree::Tree;
