//! Reusable widgets' state and text handling, independent of the project: a one-line input,
//! a multi-line editor, a tree list, and display-width helpers.

pub mod line_input;
pub mod text;
pub mod text_editor;
pub mod tree_list;

pub use line_input::LineInput;
pub use text_editor::TextEditor;
pub use tree_list::TreeList;
