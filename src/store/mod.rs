//! Reading projects and frameworks from TOML, with every error located in the file.

mod create;
mod fields;
mod load;
mod source_map;

pub use create::{new_project_text, write_new};
pub use fields::parse_decimal;
pub use load::{LoadError, Loaded, load_file, parse_project};
pub use source_map::SourceMap;
