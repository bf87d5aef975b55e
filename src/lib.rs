//! jixiao (绩效): score public-spending programmes against an indicator tree, exactly.
//!
//! `model` is plain data, `store` reads and writes it, `scoring` computes scores, grades and
//! explanations, `check` validates. None of them knows about terminals.

pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod edit;
pub mod frameworks;
pub mod generate;
pub mod import;
pub mod model;
pub mod report;
pub mod scoring;
pub mod store;
pub mod time;
pub mod tui;
