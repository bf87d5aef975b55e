//! Structure edits change one place in the file, and their undo gives back the very text.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::edit::{DefinitionKey, Edit};
use crate::store::ProjectFile;

const MOF: &str = include_str!("../../frameworks/mof-program.toml");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn open(text: &str) -> ProjectFile {
    ProjectFile::from_text(Path::new("p.toml"), text).unwrap()
}

fn codes(f: &ProjectFile) -> Vec<String> {
    f.project()
        .indicators
        .iter()
        .map(|i| i.code.clone())
        .collect()
}

/// Lines only in `b`, and lines only in `a`.
fn diff(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    (
        bl.iter()
            .filter(|l| !al.contains(l))
            .map(|l| l.to_string())
            .collect(),
        al.iter()
            .filter(|l| !bl.contains(l))
            .map(|l| l.to_string())
            .collect(),
    )
}

#[test]
fn a_new_indicator_goes_after_its_last_sibling_and_undoes_to_the_same_text() {
    let mut f = open(MOF);
    let undo = f
        .apply(&Edit::AddIndicator {
            code: "C105".into(),
            parent: Some("C1".into()),
            index: 1,
            name: "培训人次完成率".into(),
            weight: d("2"),
        })
        .unwrap();
    let out = f.text();
    let block = "\n[indicators.C105]\nparent = \"C1\"\nname = \"培训人次完成率\"\nweight = 2\n";
    assert!(out.contains(block), "{out}");
    assert_eq!(out.replacen(block, "", 1), MOF);
    let c = codes(&f);
    let at = c.iter().position(|x| x == "C105").unwrap();
    assert_eq!(c[at - 1], "C101", "{c:?}");
    assert_eq!(f.project().get("C105").unwrap().weight, d("2"));
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), MOF);
}

#[test]
fn removing_a_subtree_takes_its_records_and_undo_gives_back_the_text() {
    let mut f = open(MOF);
    f.apply(&Edit::SetScore {
        code: "A101".into(),
        score: Some(d("4")),
    })
    .unwrap();
    let scored = f.text();
    let undo = f
        .apply(&Edit::RemoveIndicator { code: "A1".into() })
        .unwrap();
    assert!(f.project().get("A101").is_none() && f.project().get("A1").is_none());
    assert!(!f.text().contains("[indicators.A102]"));
    let Edit::RestoreIndicator { parent, index, .. } = &undo else {
        panic!("{undo:?}")
    };
    assert_eq!((parent.as_deref(), *index), (Some("A"), 0));
    let redo = f.apply(&undo).unwrap();
    assert_eq!(f.text(), scored);
    // And again: redo removes, undo restores.
    let undo2 = f.apply(&redo).unwrap();
    f.apply(&undo2).unwrap();
    assert_eq!(f.text(), scored);
}

#[test]
fn moving_up_reorders_the_tables_and_a_new_parent_is_written() {
    let mut f = open(MOF);
    let undo = f
        .apply(&Edit::MoveIndicator {
            code: "A102".into(),
            parent: Some("A1".into()),
            index: 0,
        })
        .unwrap();
    let c = codes(&f);
    let (a101, a102) = (
        c.iter().position(|x| x == "A101").unwrap(),
        c.iter().position(|x| x == "A102").unwrap(),
    );
    assert!(a102 < a101, "{c:?}");
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), MOF);
    // To another parent, at its end.
    let undo = f
        .apply(&Edit::MoveIndicator {
            code: "A102".into(),
            parent: Some("A2".into()),
            index: 9,
        })
        .unwrap();
    assert_eq!(
        f.project().get("A102").unwrap().parent.as_deref(),
        Some("A2")
    );
    let c = codes(&f);
    let at = c.iter().position(|x| x == "A102").unwrap();
    assert_eq!(c[at - 1], "A202", "{c:?}");
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), MOF);
}

#[test]
fn a_code_change_renames_the_table_and_the_childrens_parent() {
    let mut f = open(MOF);
    let undo = f
        .apply(&Edit::SetCode {
            code: "A1".into(),
            new_code: "A9".into(),
        })
        .unwrap();
    let out = f.text();
    assert!(out.contains("[indicators.A9]"));
    assert_eq!(
        f.project().get("A101").unwrap().parent.as_deref(),
        Some("A9")
    );
    assert_eq!(codes(&f)[1], "A9");
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), MOF);
}

#[test]
fn weight_name_rule_and_texts_change_one_line_each() {
    let mut f = open(MOF);
    let before = f.text();
    let undos = [
        f.apply(&Edit::SetWeight {
            code: "A101".into(),
            weight: d("4"),
        })
        .unwrap(),
        f.apply(&Edit::SetName {
            code: "A101".into(),
            name: "立项依据".into(),
        })
        .unwrap(),
        f.apply(&Edit::SetRule {
            code: "A101".into(),
            rule: Some(r#"{ kind = "rate", numerator = "实际", denominator = "预算" }"#.into()),
        })
        .unwrap(),
        f.apply(&Edit::SetDefinition {
            code: "A101".into(),
            key: DefinitionKey::Target,
            text: "≥95%".into(),
        })
        .unwrap(),
    ];
    // The model taken without reading the file again is what reading it gives.
    let reread = crate::store::parse_project(&f.text()).unwrap().project;
    assert_eq!(f.project(), &reread);
    let (added, removed) = diff(&before, &f.text());
    // `weight = 4` is a line elsewhere too, so only three lines are new to the file.
    assert_eq!(added.len(), 3, "{added:?}");
    assert_eq!(removed.len(), 2, "{removed:?}");
    assert!(
        added.contains(
            &r#"rule = { kind = "rate", numerator = "实际", denominator = "预算" }"#.to_string()
        ),
        "{added:?}"
    );
    assert!(matches!(
        f.project().get("A101").unwrap().rule.kind,
        crate::model::RuleKind::Rate { .. }
    ));
    for u in undos.iter().rev() {
        f.apply(u).unwrap();
    }
    assert_eq!(f.text(), before);
    assert_eq!(
        f.project(),
        &crate::store::parse_project(&before).unwrap().project
    );
    // A multi-line text and a rule with its comment, read back the same.
    f.apply(&Edit::SetDefinition {
        code: "A102".into(),
        key: DefinitionKey::Explanation,
        text: "第一行\n第二行 \"引号\"".into(),
    })
    .unwrap();
    f.apply(&Edit::SetRule {
        code: "A102".into(),
        rule: Some(r#"{ kind = "judgement", max = 2 }  # 酌情"#.into()),
    })
    .unwrap();
    let reread = crate::store::parse_project(&f.text()).unwrap().project;
    assert_eq!(f.project(), &reread);
}

#[test]
fn invalid_structure_edits_are_refused_and_change_nothing() {
    let mut f = open(MOF);
    let refused = [
        Edit::SetRule {
            code: "A101".into(),
            rule: Some(r#"{ kind = "rat" }"#.into()),
        },
        Edit::SetWeight {
            code: "A101".into(),
            weight: d("-1"),
        },
        Edit::AddIndicator {
            code: "A101".into(),
            parent: Some("A1".into()),
            index: 0,
            name: "x".into(),
            weight: d("1"),
        },
        Edit::AddIndicator {
            code: "Z1".into(),
            parent: Some("Z".into()),
            index: 0,
            name: "x".into(),
            weight: d("1"),
        },
        Edit::SetName {
            code: "A101".into(),
            name: " ".into(),
        },
    ];
    for e in &refused {
        assert!(f.apply(e).is_err(), "{e:?}");
    }
    assert_eq!(f.text(), MOF);
    assert!(!f.dirty);
}

#[test]
fn a_tree_edit_survives_the_merging_save_onto_someone_elses_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, MOF).unwrap();
    let mut f = ProjectFile::open(&path).unwrap();
    f.apply(&Edit::AddIndicator {
        code: "C102".into(),
        parent: Some("C1".into()),
        index: 1,
        name: "培训完成率".into(),
        weight: d("2"),
    })
    .unwrap();
    f.apply(&Edit::MoveIndicator {
        code: "A102".into(),
        parent: Some("A1".into()),
        index: 0,
    })
    .unwrap();
    // Meanwhile a colleague scores B101 and re-weights D101, and saves first.
    let mut other = ProjectFile::open(&path).unwrap();
    other
        .apply(&Edit::SetInput {
            code: "B101".into(),
            name: "预算资金".into(),
            value: Some(crate::model::InputValue::Number(d("100"))),
        })
        .unwrap();
    other
        .apply(&Edit::SetWeight {
            code: "D101".into(),
            weight: d("9"),
        })
        .unwrap();
    other.save().unwrap();
    f.save().unwrap();
    let saved = crate::store::parse_project(&std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .project;
    assert!(saved.get("C102").is_some());
    assert_eq!(saved.get("D101").unwrap().weight, d("9"));
    assert!(
        saved
            .get("B101")
            .unwrap()
            .assessment
            .input("预算资金")
            .is_some()
    );
    let a1: Vec<&str> = crate::edit::structure_children(&saved, Some("A1"));
    assert_eq!(a1, ["A102", "A101"]);
}

#[test]
fn settings_change_their_keys_and_undo_to_the_same_text() {
    use crate::edit::{PolicyKey, parse_grades};
    let mut f = open(MOF);
    let undos = [
        f.apply(&Edit::SetPolicy {
            key: PolicyKey::Rounding,
            value: "truncate".into(),
        })
        .unwrap(),
        f.apply(&Edit::SetPolicy {
            key: PolicyKey::RatePlaces,
            value: "0".into(),
        })
        .unwrap(),
        f.apply(&Edit::SetGrades {
            grades: parse_grades("优秀 85, 良好 75, 合格 60, 不合格 0").unwrap(),
        })
        .unwrap(),
    ];
    let p = f.project();
    assert_eq!(p.framework.rounding, crate::model::Rounding::Truncate);
    assert_eq!(p.framework.rate_places, Some(0));
    assert_eq!(p.grade_for(d("80")), Some("良好"));
    let out = f.text();
    assert!(out.contains("rounding = \"truncate\"") && out.contains("rate_places = 0"));
    assert!(
        out.contains("[[grades]]\nname = \"优秀\"\nmin = 85\n"),
        "{out}"
    );
    assert!(
        f.apply(&Edit::SetPolicy {
            key: PolicyKey::Places,
            value: "9".into(),
        })
        .is_err()
    );
    for u in undos.iter().rev() {
        f.apply(u).unwrap();
    }
    assert_eq!(f.text(), MOF);
    // Fewer bands, then more again.
    let undo = f
        .apply(&Edit::SetGrades {
            grades: parse_grades("通过 60, 不通过 0").unwrap(),
        })
        .unwrap();
    assert_eq!(f.project().grades.len(), 2);
    f.apply(&undo).unwrap();
    assert_eq!(f.project().grades.len(), 4);
}

#[test]
fn criteria_are_replaced_as_a_list_one_a_line_and_undone_exactly() {
    let mut f = open(MOF);
    let before = f.text();
    let old = f.project().get("A101").unwrap().criteria.clone();
    let mut new = old.clone();
    new.insert(0, "③是否经过集体决策".to_string());
    let undo = f
        .apply(&Edit::SetCriteria {
            code: "A101".into(),
            criteria: new.clone(),
        })
        .unwrap();
    assert_eq!(f.project().get("A101").unwrap().criteria, new);
    let reread = crate::store::parse_project(&f.text()).unwrap().project;
    assert_eq!(f.project(), &reread);
    assert!(
        f.text()
            .contains("criteria = [\n  \"③是否经过集体决策\",\n"),
        "{}",
        f.text()
    );
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), before);
    // An empty list removes the key.
    f.apply(&Edit::SetCriteria {
        code: "A101".into(),
        criteria: Vec::new(),
    })
    .unwrap();
    assert!(!f.text().contains(&old[0]));
    assert!(f.project().get("A101").unwrap().criteria.is_empty());
}

/// Adding, removing and moving follow the document without reading it again; what they give
/// is what reading the file gives, after every kind of step and its undo.
#[test]
fn tree_edits_without_reading_again_agree_with_reading() {
    let mut f = open(MOF);
    let steps = [
        Edit::AddIndicator {
            code: "C103".into(),
            parent: Some("C1".into()),
            index: 0,
            name: "新指标".into(),
            weight: d("2"),
        },
        Edit::AddIndicator {
            code: "E".into(),
            parent: None,
            index: 4,
            name: "其他".into(),
            weight: d("0"),
        },
        Edit::AddIndicator {
            code: "E1".into(),
            parent: Some("E".into()),
            index: 0,
            name: "子项".into(),
            weight: d("0"),
        },
        Edit::MoveIndicator {
            code: "C103".into(),
            parent: Some("A1".into()),
            index: 1,
        },
        Edit::MoveIndicator {
            code: "B2".into(),
            parent: Some("E".into()),
            index: 0,
        },
        Edit::MoveIndicator {
            code: "A102".into(),
            parent: Some("A1".into()),
            index: 0,
        },
        Edit::RemoveIndicator { code: "E".into() },
        Edit::RemoveIndicator { code: "C1".into() },
    ];
    let mut undos = Vec::new();
    for e in &steps {
        undos.push(f.apply(e).unwrap());
        let reread = crate::store::parse_project(&f.text()).unwrap().project;
        assert_eq!(f.project(), &reread, "after {e:?}");
    }
    for u in undos.iter().rev() {
        f.apply(u).unwrap();
        let reread = crate::store::parse_project(&f.text()).unwrap().project;
        assert_eq!(f.project(), &reread, "after undoing with {u:?}");
    }
    assert_eq!(f.text(), MOF);
}
