//! `jixiao set | deduct | evidence add`: one scripted change, validated like the TUI's and saved
//! through the same locked, conflict-checked, atomic path.

use std::path::Path;

use jixiao::edit::{self, Edit};
use jixiao::model::{Deduction, Evidence};
use jixiao::scoring::{self, rounding::fixed};
use jixiao::store::{ProjectFile, SaveError, parse_decimal};

/// Builds the edits for `code` from the opened file (so indexes can be computed).
type Build<'a> = dyn Fn(&ProjectFile) -> Result<Vec<Edit>, String> + 'a;

pub fn run(path: &Path, code: &str, _force: bool, build: &Build) -> u8 {
    let name = path.display().to_string();
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
            eprintln!("{name}: error: no indicator `{code}`");
            return 1;
        }
        let before = scoring::score(file.project());
        let mut edits = match build(&file) {
            Ok(e) => e,
            Err(msg) => {
                eprintln!("{name}: error: {code}: {msg}");
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
            eprintln!("{name}: error: {code}: {e}");
            return 1;
        }
        match file.save() {
            Ok(()) => break (file, before, cleared),
            Err(SaveError::Conflict | SaveError::Conflicts(_)) if attempt < 50 => continue,
            Err(SaveError::Conflict | SaveError::Conflicts(_)) => {
                eprintln!(
                    "{name}: error: the file kept changing on disk while this change was being saved; nothing was written, try again"
                );
                return 1;
            }
            Err(SaveError::Refused(e)) => {
                eprintln!("{name}: error: {e}");
                return 1;
            }
            Err(SaveError::Io(e)) => {
                eprintln!("{name}: error: cannot save: {e}");
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
        println!("{} 的复核已撤销：复核后又有修改（状态改回已评）", ind.code);
    }
    println!(
        "{} {}：{} → {} 分（满分 {}）",
        ind.code,
        ind.name,
        fixed(before.nodes[i].score, places),
        fixed(after.nodes[i].score, places),
        scoring::rounding::plain(ind.weight)
    );
    if let Some(scoring::LeafState::Incomplete(missing)) =
        after.nodes[i].leaf.as_ref().map(|l| &l.state)
    {
        println!(
            "{} 未完成：尚未记录 {}（规则读取 {}），暂不计分",
            ind.code,
            missing.join("、"),
            scoring::rule_inputs(&ind.rule).join("、")
        );
    }
    println!(
        "{}：{} → {}（{}）",
        if after.provisional() {
            "暂计"
        } else {
            "总分"
        },
        fixed(before.total, places),
        fixed(after.total, places),
        match (&after.grade, after.provisional()) {
            (Some(g), true) => format!("{g}，已评 {}/{}", after.scored_leaves, after.leaves),
            (Some(g), false) => g.clone(),
            (None, _) => format!("已评 {}/{}", after.scored_leaves, after.leaves),
        }
    );
    0
}

pub fn set(path: &Path, code: &str, assignments: &[String], force: bool) -> u8 {
    run(path, code, force, &|_| {
        assignments
            .iter()
            .map(|a| edit::parse_assignment(code, a).map_err(|e| e.0))
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
        let points = parse_decimal(points)
            .ok_or_else(|| format!("points must be a number such as 0.5, not \"{points}\""))?;
        if reason.trim().is_empty() {
            return Err("a deduction needs a reason: what was found".into());
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
