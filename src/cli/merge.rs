//! `jixiao merge BASE OURS THEIRS` (git's merge driver), `jixiao show FILE` (git's textconv)
//! and `jixiao resolve FILE CODE ours|theirs` (settling a conflict the driver recorded).

use std::path::Path;

use jixiao::edit::Edit;
use jixiao::merge::{self, Input, MergeError};
use jixiao::model::{Field, Side, show as show_value};
use jixiao::store::{LoadError, SaveError, atomic_write, parse_project};

fn read(path: &Path) -> Result<String, u8> {
    std::fs::read(path)
        .map_err(|e| {
            eprintln!("{}: error: cannot read: {e}", path.display());
            2
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                eprintln!(
                    "{}: error: not UTF-8 text (invalid byte at offset {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                );
                2
            })
        })
}

pub struct MergeArgs<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub label_ours: &'a str,
    pub label_theirs: &'a str,
    /// The file's name in messages (git's `%P`); OURS when not given.
    pub name: Option<&'a str>,
}

/// Exit 0: merged cleanly; 1: conflicts, recorded in the file; 2: an input could not be read
/// or merged (OURS is left as it was).
pub fn merge(a: &MergeArgs) -> u8 {
    let name = a
        .name
        .map(str::to_string)
        .unwrap_or_else(|| a.ours.display().to_string());
    let texts = [a.base, a.ours, a.theirs].map(read);
    let [Ok(base), Ok(ours), Ok(theirs)] = texts else {
        return 2;
    };
    let mut merged = match merge::merge_texts(&base, &ours, &theirs) {
        Ok(m) => m,
        Err(MergeError::Unreadable { input, error }) => {
            let path = match input {
                Input::Base => a.base,
                Input::Ours => a.ours,
                Input::Theirs => a.theirs,
            };
            let file = path.display().to_string();
            match error {
                LoadError::Syntax(d) => eprintln!("{}", d.display(&file)),
                LoadError::Io(e) => eprintln!("{file}: error: {e}"),
            }
            eprintln!(
                "{name}: error: not merged ({} is not a project file)",
                input.label()
            );
            return 2;
        }
        Err(e) => {
            eprintln!("{name}: error: not merged: {e}");
            return 2;
        }
    };
    if let Err(e) = merged.record_conflicts(a.label_ours, a.label_theirs) {
        eprintln!("{name}: error: not merged: {e}");
        return 2;
    }
    if let Err(e) = atomic_write(a.ours, merged.text.as_bytes()) {
        eprintln!("{}: error: cannot write: {e}", a.ours.display());
        return 2;
    }
    let who = |label: &str, side: &str| {
        if label.is_empty() {
            side.to_string()
        } else {
            format!("{side} ({label})")
        }
    };
    println!("jixiao merge {name}:");
    for c in &merged.theirs_changes {
        println!("  {}: {c}", who(a.label_theirs, "theirs"));
    }
    for c in &merged.ours_changes {
        println!("  {}: {c}", who(a.label_ours, "ours"));
    }
    if merged.is_clean() {
        println!("  merged cleanly");
        return 0;
    }
    for c in &merged.conflicts {
        println!("  CONFLICT {c}");
    }
    println!(
        "  {} conflict(s) recorded in the file (ours kept); `jixiao check {name}` lists them, `jixiao resolve {name} CODE ours|theirs` settles one",
        merged.conflicts.len()
    );
    1
}

/// One line per scored field. A file that is not a project is printed as it is (git's
/// textconv must still show something) with a warning on stderr.
pub fn show(path: &Path) -> u8 {
    let text = match read(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match parse_project(&text) {
        Ok(loaded) => {
            for line in merge::field_lines(&loaded.project) {
                println!("{line}");
            }
        }
        Err(e) => {
            eprintln!("{}: warning: shown as text: {e}", path.display());
            print!("{text}");
        }
    }
    0
}

/// Settles the recorded conflicts of `code` (all of them, or the one of `field`) by taking one
/// side, through the same checked save as every edit (built again on the file if someone saved
/// in between).
pub fn resolve(path: &Path, code: &str, side: &str, field: Option<&str>) -> u8 {
    let name = path.display().to_string();
    let Some(take) = Side::parse(side) else {
        eprintln!("{name}: error: expected `ours` or `theirs`, not \"{side}\"");
        return 2;
    };
    for _attempt in 0..50 {
        let mut file = match jixiao::tui::open_or_report(path, super::lang()) {
            Ok(f) => f,
            Err(code) => return code,
        };
        // From the last record to the first, so the indexes of those left stay right.
        let chosen: Vec<usize> = file
            .project()
            .conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.code == code && field.is_none_or(|f| c.field.key() == f))
            .map(|(i, _)| i)
            .rev()
            .collect();
        if chosen.is_empty() {
            eprintln!(
                "{name}: error: no unresolved merge conflict in `{code}`{}",
                field.map(|f| format!(" field `{f}`")).unwrap_or_default()
            );
            return 1;
        }
        let records: Vec<_> = chosen
            .iter()
            .map(|&i| file.project().conflicts[i].clone())
            .collect();
        for &index in &chosen {
            let structural = matches!(file.project().conflicts[index].field, Field::Structure(_));
            // No edit sets a weight or a name: theirs' value is written into the key itself.
            let done = if structural && take == Side::Theirs {
                merge::take_theirs_structure(&file, index).map(|f| file = f)
            } else {
                file.apply(&Edit::ResolveConflict {
                    code: code.to_string(),
                    index,
                    take,
                })
                .map(|_| ())
            };
            if let Err(e) = done {
                eprintln!("{name}: error: {code}: {e}");
                return 1;
            }
        }
        match file.save() {
            Ok(()) => {
                for r in records.iter().rev() {
                    println!(
                        "{} {}：采用 {} {}",
                        r.code,
                        r.field.label(),
                        take.key(),
                        show_value(r.value(take))
                    );
                }
                return 0;
            }
            Err(SaveError::Conflict | SaveError::Conflicts(_)) => continue,
            Err(SaveError::Refused(e)) => {
                eprintln!("{name}: error: {e}");
                return 1;
            }
            Err(SaveError::Io(e)) => {
                eprintln!("{name}: error: cannot save: {e}");
                return 2;
            }
        }
    }
    eprintln!(
        "{name}: error: the file kept changing on disk while this change was being saved; nothing was written, try again"
    );
    1
}
