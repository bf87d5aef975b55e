//! jixiao (绩效): score public-spending programmes against an indicator tree, exactly.
//!
//! `model` is plain data, `store` reads and writes it, `scoring` computes scores, grades and
//! explanations, `check` validates. None of them knows about terminals.
//!
//! ```
//! use jixiao::{scoring, store};
//!
//! let project = store::parse_project(r#"
//! [framework]
//! total = 10
//!
//! [[grades]]
//! name = "优"
//! min = 9
//! [[grades]]
//! name = "良"
//! min = 8
//!
//! [indicators.A]
//! name = "过程"
//! weight = 10
//!
//! [indicators.A1]
//! parent = "A"
//! name = "资金到位率"
//! weight = 4
//! rule = { kind = "rate", numerator = "到位", denominator = "预算" }
//! inputs = { "到位" = 1040, "预算" = 1580 }
//!
//! [indicators.A2]
//! parent = "A"
//! name = "档案管理"
//! weight = 6
//!
//! [[indicators.A2.deductions]]
//! points = 0.1
//! reason = "缺少验收记录"
//! [[indicators.A2.deductions]]
//! points = 0.2
//! reason = "合同未归档"
//! "#).unwrap().project;
//!
//! let card = scoring::score(&project);
//! // 1040 ÷ 1580 = 65.82% × 4 = 2.63, and 6 − 0.1 − 0.2 = 5.70, exactly.
//! assert_eq!(scoring::rounding::fixed(card.total, 2), "8.33");
//! assert_eq!(card.grade.as_deref(), Some("良"));
//! ```

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod edit;
pub mod frameworks;
pub mod generate;
pub mod import;
pub mod lang;
pub mod merge;
pub mod model;
pub mod report;
pub mod scoring;
pub mod store;
pub mod time;
pub mod tui;
