//! Reading projects and frameworks from TOML with every error located, and writing them back
//! format-preserving, atomically, without overwriting anyone else's change.

mod conflicts;
mod create;
mod document;
mod fields;
mod figures_write;
mod load;
mod load_rule;
mod load_stated;
mod load_survey;
pub mod lock;
pub mod reading;
pub mod recovery;
pub mod rule_toml;
pub mod safe_write;
mod save_lock;
mod source_map;
pub(crate) mod toml_write;
mod tree_edit;
mod tree_patch;
mod written_entry;

pub use conflicts::{canonical as canonical_value, position as conflict_position};
pub use create::{NewError, new_project_text, write_new};
pub use document::{ProjectFile, SaveError, atomic_write, backup_path, fingerprint};
pub use fields::parse_decimal;
pub use load::{LoadError, Loaded, load_file, parse_project};
pub use source_map::SourceMap;
pub use tree_edit::{framework_text, policy_text, rule_text};

/// Text as a TOML value: a `"""` block when it has several lines (the file stays readable and
/// diffable), a basic string otherwise.
pub fn toml_text(s: &str) -> String {
    toml_write::string(s).to_string().trim().to_string()
}
