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
    use jixiao::lang::cli::Say;
    let said = match use_ {
        NoStdin::Edit(command) => Say::EditNeedsFile { command },
        NoStdin::Workbench => Say::WorkbenchNeedsFile,
        NoStdin::MergeOurs => Say::OursNeedsFile,
    };
    let lang = super::lang();
    eprintln!(
        "{}{}",
        jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang),
        jixiao::lang::cli::say(lang, &said)
    );
    Some(2)
}
