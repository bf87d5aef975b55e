//! The workbench driven key by key through every kind of edit, navigation, quitting and the
//! conflict on save. Rendering, exact totals and refusals are in tests/tui.rs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{App, Field, Focus, Options, PickFor, Popup};
use crate::store::ProjectFile;
use crate::tui::action::Action;
use crate::tui::strings::Lang;
use crate::tui::testing::{keys, message, popup_error, render, score_of};
use crate::tui::theme::Theme;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A copy of a sample in a fresh directory (kept alive by the returned guard).
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(Path::new(sample).file_name().unwrap());
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(sample), &path).unwrap();
    (dir, path)
}

/// A new project made from a built-in framework (these carry checkpoints, levels, judgement
/// and standard deductions).
fn from_framework(id: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.toml");
    let fw = crate::frameworks::find(id).unwrap();
    let text = crate::store::new_project_text(&fw.text, "测试项目").unwrap();
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn open(path: &Path, lang: Lang) -> App {
    let opts = Options {
        lang,
        theme: Theme {
            color: true,
            ascii: false,
        },
        read_only: None,
    };
    let mut app = App::new(ProjectFile::open(path).unwrap(), opts);
    app.update(Action::Resize(80, 24));
    app
}

mod editing;
mod input;
mod sharing;
