//! Renderings of a scored project — the score table reports print, JSON, and the documents
//! evaluators deliver (Markdown, CSV, HTML, xlsx) — and the portfolio summary of many projects.

pub mod analysis;
pub mod blocks_html;
pub mod blocks_md;
pub mod csv;
pub mod docx;
pub mod export_json;
pub mod full_report;
pub mod html;
pub mod json;
pub mod labels;
pub mod level1_xlsx;
pub mod markdown;
pub mod outline;
pub mod portfolio;
pub mod printable;
pub mod rules_xlsx;
pub mod score_table_xlsx;
pub mod sheet;
pub mod table;
