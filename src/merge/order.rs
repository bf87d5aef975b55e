//! The order of siblings, which no key of the file states (it is the order of the tables): a
//! side that moved indicators up or down keeps its order in the merge unless the other side
//! reordered the same siblings too (then the file built on wins, and nothing is lost); an
//! indicator carried over from the other side is put beside its siblings, not at the file's end.

use std::collections::HashSet;

use super::MergeError;
use crate::edit::{Edit, structure_children};
use crate::model::{Field, Project, Side};
use crate::store::ProjectFile;

/// Every parent (None: the level-1 list) that has children in `p`.
fn parents(p: &Project) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None];
    for i in &p.indicators {
        if let Some(q) = &i.parent
            && p.get(q).is_some()
            && !out.contains(&Some(q.clone()))
        {
            out.push(Some(q.clone()));
        }
    }
    out
}

fn kids(p: &Project, parent: &Option<String>) -> Vec<String> {
    structure_children(p, parent.as_deref())
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Whether `side` lists the siblings it shares with `base` in another order.
fn reordered(base: &[String], side: &[String]) -> bool {
    let common: HashSet<&String> = base.iter().filter(|c| side.contains(c)).collect();
    let a: Vec<&String> = base.iter().filter(|c| common.contains(c)).collect();
    let b: Vec<&String> = side.iter().filter(|c| common.contains(c)).collect();
    a != b
}

/// `merged` arranged in `want`'s order; a code `want` lacks stays right after the code it
/// follows in `merged`.
fn arrange(merged: &[String], want: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(merged.len());
    let follow = |out: &mut Vec<String>, from: usize| {
        for c in merged[from..].iter().take_while(|c| !want.contains(c)) {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
    };
    follow(&mut out, 0);
    for w in want.iter().filter(|w| merged.contains(w)) {
        out.push(w.clone());
        let at = merged.iter().position(|c| c == w).unwrap_or(merged.len());
        follow(&mut out, at + 1);
    }
    out
}

fn refused(code: &str, error: crate::edit::EditError) -> MergeError {
    MergeError::Refused {
        code: code.to_string(),
        field: Box::new(Field::Structure(format!("indicators.{code}.parent"))),
        error,
    }
}

/// Puts the siblings of `m` in the order the merge owes each side (see the module comment).
pub(super) fn reconcile(
    b: &Project,
    o: &Project,
    t: &Project,
    built_on: Side,
    m: &mut ProjectFile,
) -> Result<(), MergeError> {
    let built = match built_on {
        Side::Ours => o,
        Side::Theirs => t,
    };
    // The common case — neither side added, removed or moved an indicator — costs one scan.
    let shape = |p: &Project| -> Vec<(String, Option<String>)> {
        p.indicators
            .iter()
            .map(|i| (i.code.clone(), i.parent.clone()))
            .collect()
    };
    let base_shape = shape(b);
    if shape(o) == base_shape && shape(t) == base_shape {
        return Ok(());
    }
    for parent in parents(m.project()) {
        let (bp, op, tp) = (kids(b, &parent), kids(o, &parent), kids(t, &parent));
        let want = match (reordered(&bp, &op), reordered(&bp, &tp)) {
            (true, false) => op,
            (false, true) => tp,
            _ => kids(built, &parent),
        };
        let target = arrange(&kids(m.project(), &parent), &want);
        // Indicators only the other side has were carried in as whole tables: placing them
        // again (even where they already are in the tree) puts their tables beside their
        // siblings'.
        let carried: HashSet<&String> = target.iter().filter(|c| built.get(c).is_none()).collect();
        for (k, code) in target.iter().enumerate() {
            let here = kids(m.project(), &parent);
            if here.get(k) != Some(code) || carried.contains(code) {
                m.apply(&Edit::MoveIndicator {
                    code: code.clone(),
                    parent: parent.clone(),
                    index: k,
                })
                .map_err(|e| refused(code, e))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::merge_texts;

    const MOF: &str = include_str!("../../frameworks/mof-program.toml");

    fn order(p: &Project, parent: &str) -> Vec<String> {
        kids(p, &Some(parent.to_string()))
    }

    fn edited(edits: &[Edit]) -> String {
        let mut f = ProjectFile::from_text(std::path::Path::new(""), MOF).unwrap();
        for e in edits {
            f.apply(e).unwrap();
        }
        f.text()
    }

    fn up(code: &str, parent: &str) -> Edit {
        Edit::MoveIndicator {
            code: code.into(),
            parent: Some(parent.into()),
            index: 0,
        }
    }

    #[test]
    fn arranging_keeps_what_one_side_lacks_after_its_neighbour() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            arrange(&s(&["a", "b", "x", "c"]), &s(&["c", "a", "b"])),
            s(&["c", "a", "b", "x"])
        );
        assert_eq!(
            arrange(&s(&["x", "a", "b"]), &s(&["b", "a"])),
            s(&["x", "b", "a"])
        );
    }

    #[test]
    fn a_move_survives_the_others_structure_change() {
        // Ours moves A102 first; theirs re-weights B101 (a structural key), so the merge is
        // built on theirs' file, whose order is the old one.
        let ours = edited(&[up("A102", "A1")]);
        let theirs = edited(&[Edit::SetWeight {
            code: "B101".into(),
            weight: rust_decimal::Decimal::from(3),
        }]);
        let m = merge_texts(MOF, &ours, &theirs).unwrap();
        assert!(m.is_clean());
        let p = m.file.project();
        assert_eq!(order(p, "A1"), ["A102", "A101"]);
        assert_eq!(
            p.get("B101").unwrap().weight,
            rust_decimal::Decimal::from(3)
        );
    }

    #[test]
    fn indicators_both_sides_add_are_all_kept_beside_their_siblings() {
        let add = |code: &str, parent: &str, index: usize| Edit::AddIndicator {
            code: code.into(),
            parent: Some(parent.into()),
            index,
            name: format!("新增{code}"),
            weight: rust_decimal::Decimal::ONE,
        };
        let ours = edited(&[add("C102", "C1", 1)]);
        let theirs = edited(&[add("A103", "A1", 2), up("B102", "B1")]);
        let m = merge_texts(MOF, &ours, &theirs).unwrap();
        assert!(m.is_clean(), "{:?}", m.conflicts);
        let p = m.file.project();
        assert_eq!(order(p, "C1"), ["C101", "C102"]);
        assert_eq!(order(p, "A1"), ["A101", "A102", "A103"]);
        assert_eq!(order(p, "B1"), ["B102", "B101", "B103"]);
        // Ours' new table sits after C101's, not at the end of the file.
        let text = m.file.text();
        let c102 = text.find("[indicators.C102]").unwrap();
        assert!(c102 < text.find("[indicators.C2]").unwrap(), "{text}");
    }

    #[test]
    fn the_same_code_added_differently_is_a_conflict_not_a_loss() {
        let add = |name: &str| Edit::AddIndicator {
            code: "C102".into(),
            parent: Some("C1".into()),
            index: 1,
            name: name.into(),
            weight: rust_decimal::Decimal::ONE,
        };
        let ours = edited(&[add("培训完成率")]);
        let theirs = edited(&[add("验收合格率")]);
        let m = merge_texts(MOF, &ours, &theirs).unwrap();
        assert!(
            m.conflicts.iter().any(|c| c.code == "C102"
                && matches!(&c.field, Field::Structure(p) if p.ends_with("name"))),
            "{:?}",
            m.conflicts
        );
        // The merged file holds ours' value until resolved.
        assert_eq!(m.file.project().get("C102").unwrap().name, "培训完成率");
    }

    #[test]
    fn removing_what_the_other_side_scored_is_a_conflict_not_a_silent_loss() {
        let ours = edited(&[Edit::RemoveIndicator {
            code: "A102".into(),
        }]);
        let theirs = edited(&[Edit::SetScore {
            code: "A102".into(),
            score: Some(rust_decimal::Decimal::from(2)),
        }]);
        let m = merge_texts(MOF, &ours, &theirs).unwrap();
        assert!(
            m.conflicts.iter().any(|c| c.code == "A102"),
            "{:?}",
            m.conflicts
        );
    }
}
