//! Text renderings of a scored project: the score table reports print, and JSON.

pub mod analysis;
pub mod json;
pub mod table;
