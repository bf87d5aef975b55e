//! `jixiao set | deduct | evidence add`: one scripted change, validated like the TUI's and saved
//! through the same locked, conflict-checked, atomic path.

use std::path::Path;

use jixiao::edit::{self, Edit, EditError};
use jixiao::lang::cli as say;
use jixiao::model::{Deduction, Evidence};
use jixiao::scoring::{self, rounding::fixed};
use jixiao::store::{ProjectFile, SaveError, parse_decimal};

/// Builds the edits for `code` from the opened file (so indexes can be computed).
type Build<'a> = dyn Fn(&ProjectFile) -> Result<Vec<Edit>, EditError> + 'a;

pub fn run(path: &Path, code: &str, _force: bool, build: &Build) -> u8 {
    let name = path.display().to_string();
    let lang = super::lang();
    let error = say::error_in(lang, &name);
    // Read, apply, save: the save checks under the file's lock that nobody saved in between.
    // If someone did (another evaluator, another script), the change is built again on their
    // version, so both are kept. `--force` is accepted for old scripts; nothing needs it now.
    let mut attempt = 0;
    let (file, before, cleared) = loop {
        attempt += 1;
        let mut file = match jixiao::tui::open_or_report(path, super::lang()) {
            Ok(f) => f,
            Err(code) => return code,
        };
        if file.project().index_of(code).is_none() {
            let e = EditError::NoIndicator {
                code: code.to_string(),
            };
            eprintln!("{error}{}", e.text(lang));
            return 1;
        }
        let before = scoring::score(file.project());
        let mut edits = match build(&file) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{error}{code}: {}", e.text(lang));
                return 1;
            }
        };
        // An explicit status= wins; otherwise the first edit that implies a status gives it
        // (and an approval withdrawn by the change is said so below).
        let mut cleared = false;
        if !edits.iter().any(|e| matches!(e, Edit::SetStatus { .. }))
            && let Some((status, clears)) = edits.iter().find_map(|e| {
                edit::implied_status(file.project(), e)
                    .map(|s| (s, edit::clears_approval(file.project(), e)))
            })
        {
            cleared = clears;
            edits.push(status);
        }
        if let Err(e) = file.apply_all(&edits) {
            eprintln!("{error}{code}: {}", e.text(lang));
            return 1;
        }
        match file.save() {
            Ok(()) => break (file, before, cleared),
            Err(SaveError::Conflict | SaveError::Conflicts(_)) if attempt < 50 => continue,
            Err(SaveError::Conflict | SaveError::Conflicts(_)) => {
                eprintln!("{error}{}", say::kept_changing(lang));
                return 1;
            }
            Err(SaveError::Refused(e)) => {
                eprintln!("{error}{}", lang.pick(e.chinese(), e.to_string()));
                return 1;
            }
            Err(SaveError::Io(e)) => {
                eprintln!("{error}{}", say::cannot_save(lang, &e));
                return 2;
            }
        }
    };
    let after = scoring::score(file.project());
    let p = file.project();
    let places = p.framework.places;
    let i = p.index_of(code).unwrap_or(0);
    let ind = &p.indicators[i];
    if cleared {
        println!("{}", say::approval_withdrawn(lang, &ind.code));
    }
    println!(
        "{}",
        say::score_change(
            lang,
            &ind.code,
            &ind.name,
            &fixed(before.nodes[i].score, places),
            &fixed(after.nodes[i].score, places),
            &scoring::rounding::plain(ind.weight)
        )
    );
    if let Some(scoring::LeafState::Incomplete(missing)) =
        after.nodes[i].leaf.as_ref().map(|l| &l.state)
    {
        println!(
            "{}",
            say::still_incomplete(lang, &ind.code, missing, &scoring::rule_inputs(&ind.rule))
        );
    }
    println!(
        "{}",
        say::total_change(
            lang,
            after.provisional(),
            &fixed(before.total, places),
            &fixed(after.total, places),
            after.grade.as_deref(),
            after.scored_leaves,
            after.leaves
        )
    );
    0
}

pub fn set(path: &Path, code: &str, assignments: &[String], force: bool) -> u8 {
    run(path, code, force, &|_| {
        assignments
            .iter()
            .map(|a| edit::parse_assignment(code, a))
            .collect()
    })
}

pub fn deduct(
    path: &Path,
    code: &str,
    points: &str,
    reason: &str,
    evidence: &[String],
    force: bool,
) -> u8 {
    run(path, code, force, &|f| {
        let points = parse_decimal(points).ok_or_else(|| EditError::NotANumber {
            what: "points".into(),
            text: points.to_string(),
        })?;
        if reason.trim().is_empty() {
            return Err(EditError::DeductionNeedsReason);
        }
        let index = f
            .project()
            .get(code)
            .map_or(0, |i| i.assessment.deductions.len());
        let deduction = Deduction {
            points: Some(points),
            reason: reason.to_string(),
            evidence: evidence.to_vec(),
            ..Deduction::default()
        };
        Ok(vec![Edit::InsertDeduction {
            code: code.to_string(),
            index,
            deduction,
        }])
    })
}

pub fn evidence_add(path: &Path, code: &str, title: &str, at: &str, note: &str, force: bool) -> u8 {
    run(path, code, force, &|f| {
        let index = f
            .project()
            .get(code)
            .map_or(0, |i| i.assessment.evidence.len());
        let evidence = Evidence {
            title: title.to_string(),
            at: at.to_string(),
            note: note.to_string(),
        };
        Ok(vec![Edit::InsertEvidence {
            code: code.to_string(),
            index,
            evidence,
        }])
    })
}
