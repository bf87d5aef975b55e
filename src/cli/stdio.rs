//! `-` as the shell means it: standard input where a file is read (a project for score, check,
//! show, explain, export, diff, summary, merge's BASE and THEIRS; the table for import), standard
//! output where a file is written (export -o -, import -o -, new -). Commands that save the
//! file they read in place (set, deduct, evidence add, resolve, merge's OURS) and the workbench
//! have nowhere to save standard input, and say so instead of reading it.
//!
//! The library reads `-` (`jixiao::store::reading::is_stdin`); the texts said here about it are
//! kept together in this file.

use std::path::Path;

pub use jixiao::store::reading::is_stdin;

/// How a file is named in messages: `<stdin>` for `-`, as compilers and grep name it.
pub fn shown(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// What cannot take standard input, and what to do instead.
#[derive(Debug, Clone, Copy)]
pub enum NoStdin {
    /// set, deduct, evidence add, resolve: the change is saved into the file it was read from.
    Edit(&'static str),
    /// The workbench, or its `--compare` file.
    Workbench,
    /// merge's OURS: the merged result is written there.
    MergeOurs,
}

/// Refuses `-` for `use_`, printing why; `Some(exit status)` when refused.
pub fn refuse(path: &Path, use_: NoStdin) -> Option<u8> {
    if !is_stdin(path) {
        return None;
    }
    let msg = match use_ {
        NoStdin::Edit(cmd) => format!(
            "error: `jixiao {cmd}` saves its change into the file it reads, so it needs a file, not `-` (standard input); name the project file"
        ),
        NoStdin::Workbench => "error: the workbench edits and saves a file, so it cannot open `-` (standard input); name the project file, or use `jixiao score -` / `jixiao show -` to read a project from a pipe".to_string(),
        NoStdin::MergeOurs => "error: merge writes its result into OURS, so OURS must be a file, not `-` (standard input); BASE and THEIRS may be `-`".to_string(),
    };
    eprintln!("{msg}");
    Some(2)
}
