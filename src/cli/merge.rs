//! `jixiao merge BASE OURS THEIRS` (git's merge driver), `jixiao show FILE` (git's textconv)
//! and `jixiao resolve FILE CODE ours|theirs` (settling a conflict the driver recorded).

use std::path::Path;

use jixiao::edit::Edit;
use jixiao::lang::cli::{Say, cannot_read, cannot_save, error_in, kept_changing, say};
use jixiao::lang::diagnostic::severity;
use jixiao::merge::{self, Input, MergeError};
use jixiao::model::{Field, Side, show as show_value};
use jixiao::store::{LoadError, SaveError, atomic_write, parse_project};

use super::stdio::{self, NoStdin};

fn read(path: &Path) -> Result<String, u8> {
    let bytes = if stdio::is_stdin(path) {
        jixiao::store::reading::stdin_bytes()
    } else {
        std::fs::read(path)
    };
    bytes
        .map_err(|e| {
            eprintln!("{}", cannot_read(super::lang(), &stdio::shown(path), &e));
            2
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                let offset = e.utf8_error().valid_up_to();
                eprintln!(
                    "{}{}",
                    error_in(super::lang(), &stdio::shown(path)),
                    say(super::lang(), &Say::NotUtf8 { offset })
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
    if let Some(code) = stdio::refuse(a.ours, NoStdin::MergeOurs) {
        return code;
    }
    let name = a
        .name
        .map(str::to_string)
        .unwrap_or_else(|| a.ours.display().to_string());
    let lang = super::lang();
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
            let file = stdio::shown(path);
            match error {
                LoadError::Syntax(d) => eprintln!("{}", d.display_in(&file, lang)),
                LoadError::Io(e) => eprintln!("{}", cannot_read(lang, &file, &e)),
            }
            eprintln!(
                "{}{}",
                error_in(lang, &name),
                say(
                    lang,
                    &Say::NotMergedNotProject {
                        input: input.label()
                    }
                )
            );
            return 2;
        }
        Err(e) => {
            let why = e.to_string();
            eprintln!(
                "{}{}",
                error_in(lang, &name),
                say(lang, &Say::NotMerged { why })
            );
            return 2;
        }
    };
    if let Err(e) = merged.record_conflicts(a.label_ours, a.label_theirs) {
        let why = e.text(lang);
        eprintln!(
            "{}{}",
            error_in(lang, &name),
            say(lang, &Say::NotMerged { why })
        );
        return 2;
    }
    if let Err(e) = atomic_write(a.ours, merged.text.as_bytes()) {
        let why = e.to_string();
        eprintln!(
            "{}{}",
            error_in(lang, &a.ours.display().to_string()),
            say(lang, &Say::CannotWrite { why })
        );
        return 2;
    }
    let who = |label: &str, side: &str| {
        if label.is_empty() {
            side.to_string()
        } else {
            format!("{side} ({label})")
        }
    };
    println!("{}", say(lang, &Say::MergeHeader { file: &name }));
    let p = merged.file.project();
    for c in &merged.theirs_changes {
        println!("  {}: {}", who(a.label_theirs, "theirs"), c.describe(p));
    }
    for c in &merged.ours_changes {
        println!("  {}: {}", who(a.label_ours, "ours"), c.describe(p));
    }
    if merged.is_clean() {
        println!("{}", say(lang, &Say::MergedCleanly));
        return 0;
    }
    for c in &merged.conflicts {
        println!(
            "{}",
            say(
                lang,
                &Say::MergeConflict {
                    change: c.describe(merged.file.project())
                }
            )
        );
    }
    let recorded = Say::ConflictsRecorded {
        count: merged.conflicts.len(),
        file: &name,
    };
    println!("{}", say(lang, &recorded));
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
            let lang = super::lang();
            eprintln!(
                "{}: {}{}",
                stdio::shown(path),
                severity(jixiao::diagnostic::Severity::Warning, lang),
                say(lang, &Say::ShownAsText { why: e.to_string() })
            );
            print!("{text}");
        }
    }
    0
}

/// Settles the recorded conflicts of `code` (all of them, or the one of `field`) by taking one
/// side, through the same checked save as every edit (built again on the file if someone saved
/// in between).
pub fn resolve(path: &Path, code: &str, side: &str, field: Option<&str>) -> u8 {
    if let Some(code) = stdio::refuse(path, NoStdin::Edit("resolve")) {
        return code;
    }
    let name = path.display().to_string();
    let lang = super::lang();
    let error = error_in(lang, &name);
    let Some(take) = Side::parse(side) else {
        eprintln!("{error}{}", say(lang, &Say::ExpectedSide { side }));
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
            eprintln!("{error}{}", say(lang, &Say::NoConflictIn { code, field }));
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
                eprintln!("{error}{code}{}{}", lang.pick("：", ": "), e.text(lang));
                return 1;
            }
        }
        match file.save() {
            Ok(()) => {
                for r in records.iter().rev() {
                    let record = file.project().get(&r.code).map(|i| &i.assessment);
                    let done = Say::Resolved {
                        code: &r.code,
                        field: &r.field.label_in(record),
                        side: take.key(),
                        value: &show_value(r.value(take)),
                    };
                    println!("{}", say(lang, &done));
                }
                return 0;
            }
            Err(SaveError::Conflict | SaveError::Conflicts(_)) => continue,
            Err(SaveError::Refused(e)) => {
                eprintln!("{error}{}", e.text(lang));
                return 1;
            }
            Err(SaveError::Io(e)) => {
                eprintln!("{error}{}", cannot_save(lang, &e));
                return 2;
            }
        }
    }
    eprintln!("{error}{}", kept_changing(lang));
    1
}
