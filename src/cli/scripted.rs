//! `jixiao set | deduct | evidence add`: one scripted change, validated like the TUI's and saved
//! through the same locked, conflict-checked, atomic path.

use std::path::Path;

use jixiao::edit::{self, Edit};
use jixiao::lang::cli as say;
use jixiao::model::{Deduction, Evidence};
use jixiao::scoring::{self, rounding::fixed};
use jixiao::store::{ProjectFile, SaveError, parse_decimal};

use super::stdio::{NoStdin, refuse};

/// Builds the edits for `code` from the opened file (so indexes can be computed).
type Build<'a> = dyn Fn(&ProjectFile) -> Result<Vec<Edit>, edit::EditError> + 'a;

/// What a scripted change left: the saved file, the scores before it, whether it withdrew an
/// approval.
pub(super) struct Saved {
    pub file: ProjectFile,
    pub before: scoring::Scorecard,
    pub cleared: bool,
    /// The edits applied (as built on the version finally saved).
    pub edits: Vec<Edit>,
    /// The project those edits were applied to.
    pub before_project: Option<jixiao::model::Project>,
}

/// Read, apply, save: the save checks under the file's lock that nobody saved in between.
/// If someone did (another evaluator, another script), the change is built again on their
/// version, so both are kept. On failure the exit code, the error already printed.
pub(super) fn apply_and_save(path: &Path, code: &str, build: &Build) -> Result<Saved, u8> {
    let name = path.display().to_string();
    let lang = super::lang();
    let error = say::error_in(lang, &name);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut file = jixiao::tui::open_or_report(path, lang)?;
        let before = scoring::score(file.project());
        let before_project = Some(file.project().clone());
        let mut edits = match build(&file) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{error}{code}{}{}", lang.pick("：", ": "), e.text(lang));
                return Err(1);
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
            // Before a code change, which would leave the status edit's code behind.
            let at = edits
                .iter()
                .position(|e| matches!(e, Edit::SetCode { .. }))
                .unwrap_or(edits.len());
            edits.insert(at, status);
        }
        if let Err(e) = file.apply_all(&edits) {
            eprintln!("{error}{code}{}{}", lang.pick("：", ": "), e.text(lang));
            return Err(1);
        }
        match file.save() {
            Ok(()) => {
                return Ok(Saved {
                    file,
                    before,
                    cleared,
                    edits,
                    before_project,
                });
            }
            Err(SaveError::Conflict | SaveError::Conflicts(_)) if attempt < 50 => continue,
            Err(SaveError::Conflict | SaveError::Conflicts(_)) => {
                eprintln!("{error}{}", say::kept_changing(lang));
                return Err(1);
            }
            Err(SaveError::Refused(e)) => {
                eprintln!("{error}{}", e.text(lang));
                return Err(1);
            }
            Err(SaveError::Io(e)) => {
                eprintln!("{error}{}", say::cannot_save(lang, &e));
                return Err(2);
            }
        }
    }
}

pub fn run(path: &Path, code: &str, _force: bool, build: &Build) -> u8 {
    // `--force` is accepted for old scripts; nothing needs it now.
    let checked = |f: &ProjectFile| {
        if f.project().index_of(code).is_none() {
            return Err(edit::EditError::NoIndicator {
                code: code.to_string(),
            });
        }
        build(f)
    };
    let Saved {
        file,
        before,
        cleared,
        edits,
        before_project,
    } = match apply_and_save(path, code, &checked) {
        Ok(s) => s,
        Err(c) => return c,
    };
    for e in edits.iter().filter(|e| e.is_structure()) {
        match (e, before_project.as_ref().and_then(|b| b.get(e.code()))) {
            (Edit::SetWeight { weight, .. }, Some(old)) => {
                let changed = jixiao::lang::design::DesignNote::WeightChanged {
                    label: &format!("{} {}", old.code, old.name),
                    before: &scoring::rounding::plain(old.weight),
                    after: &scoring::rounding::plain(*weight),
                };
                println!("{}", jixiao::lang::design::note(&changed, super::lang()))
            }
            _ => println!("{}", super::design::edit_said(e, super::lang())),
        }
    }
    // A code change (`code=`) prints the indicator under its new code.
    let code = edits
        .iter()
        .rev()
        .find(|e| matches!(e, Edit::SetCode { .. }))
        .map_or(code, |e| e.code_after());
    let after = scoring::score(file.project());
    let p = file.project();
    let places = p.framework.places;
    let i = p.index_of(code).unwrap_or(0);
    let ind = &p.indicators[i];
    let before_node = before
        .nodes
        .get(i)
        .filter(|_| before.nodes.len() == after.nodes.len())
        .map_or(after.nodes[i].score, |n| n.score);
    let lang = super::lang();
    if cleared {
        println!("{}", say::approval_withdrawn(lang, &ind.code));
    }
    println!(
        "{}",
        say::score_change(
            lang,
            &ind.code,
            &ind.name,
            &fixed(before_node, places),
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
    super::design::print_weight_sums(p, &after);
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
    if let Some(code) = refuse(path, NoStdin::Edit("set")) {
        return code;
    }
    run(path, code, force, &|f| {
        super::design::set_edits(f, code, assignments)
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
    if let Some(code) = refuse(path, NoStdin::Edit("deduct")) {
        return code;
    }
    run(path, code, force, &|f| {
        let points = parse_decimal(points).ok_or_else(|| edit::EditError::NotANumber {
            what: "points".into(),
            text: points.to_string(),
        })?;
        if reason.trim().is_empty() {
            return Err(edit::EditError::DeductionNeedsReason);
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
    if let Some(code) = refuse(path, NoStdin::Edit("evidence add")) {
        return code;
    }
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
