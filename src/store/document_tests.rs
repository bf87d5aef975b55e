//! The project file as an editable document: one change, one place in the file; atomic saves.

use super::*;
use crate::model::{Deduction, Evidence, InputValue};
use crate::store::parse_project;
use std::str::FromStr;

const HAND: &str = r#"# 手写的项目文件 — comments must survive
[framework]
id = "t"
total = 10   # base total

[[grades]]
name = "优"
min = 9

[indicators.A]
name = "决策"
weight = 10

[indicators.A101]   # the first leaf
parent = "A"
name = "立项依据充分性"
weight = 4
score = 4.00        # written with two places on purpose
status = "已评"

[indicators.A102]
parent = "A"
name = "绩效目标合理性"
weight = 6
rule = { kind = "rate", numerator = "实际", denominator = "预算" }
inputs = { "实际" = 1_040, "预算" = 1580 }
"#;

fn d(s: &str) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from_str(s).unwrap()
}

fn changed_lines(a: &str, b: &str) -> Vec<String> {
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let mut out = Vec::new();
    for l in &bl {
        if !al.contains(l) {
            out.push(format!("+{l}"));
        }
    }
    for l in &al {
        if !bl.contains(l) {
            out.push(format!("-{l}"));
        }
    }
    out
}

#[test]
fn changing_one_score_changes_one_line() {
    let mut f = ProjectFile::from_text(Path::new("x.toml"), HAND).unwrap();
    f.apply(&Edit::SetScore {
        code: "A101".into(),
        score: Some(d("3.5")),
    })
    .unwrap();
    let out = f.text();
    assert_eq!(
        changed_lines(HAND, &out),
        vec![
            "+score = 3.5        # written with two places on purpose",
            "-score = 4.00        # written with two places on purpose"
        ]
    );
}

#[test]
fn untouched_numbers_keep_their_formatting() {
    let mut f = ProjectFile::from_text(Path::new("x.toml"), HAND).unwrap();
    f.apply(&Edit::SetInput {
        code: "A102".into(),
        name: "预算".into(),
        value: Some(InputValue::Number(d("1600"))),
    })
    .unwrap();
    let out = f.text();
    assert!(
        out.contains(r#"inputs = { "实际" = 1_040, "预算" = 1600 }"#),
        "{out}"
    );
    assert!(out.contains("score = 4.00"));
    assert!(out.starts_with("# 手写的项目文件"));
}

#[test]
fn a_new_deduction_is_written_beside_its_indicator_and_undoes_cleanly() {
    let mut f = ProjectFile::from_text(Path::new("x.toml"), HAND).unwrap();
    let ded = Deduction {
        points: Some(d("0.5")),
        reason: "档案管理不规范".into(),
        ..Deduction::default()
    };
    let undo = f
        .apply(&Edit::InsertDeduction {
            code: "A101".into(),
            index: 0,
            deduction: ded,
        })
        .unwrap();
    let out = f.text();
    let at_ded = out.find("[[indicators.A101.deductions]]").expect(&out);
    assert!(
        at_ded < out.find("[indicators.A102]").unwrap(),
        "new table should sit under A101:\n{out}"
    );
    let reparsed = parse_project(&out).unwrap();
    assert_eq!(
        reparsed.project.get("A101").unwrap().assessment.deductions[0].points,
        Some(d("0.5"))
    );
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), HAND);
}

#[test]
fn multi_line_justification_is_a_readable_block_and_round_trips() {
    let mut f = ProjectFile::from_text(Path::new("x.toml"), HAND).unwrap();
    let text = "第一段：资金到位率 65.82%。\n第二段含\"引号\"和\\反斜杠\t制表符。";
    f.apply(&Edit::SetJustification {
        code: "A101".into(),
        text: text.into(),
    })
    .unwrap();
    let out = f.text();
    assert!(out.contains("justification = \"\"\"\n第一段"), "{out}");
    let reparsed = parse_project(&out).unwrap();
    assert_eq!(
        reparsed
            .project
            .get("A101")
            .unwrap()
            .assessment
            .justification,
        text
    );
}

#[test]
fn refused_edits_change_nothing() {
    let mut f = ProjectFile::from_text(Path::new("x.toml"), HAND).unwrap();
    assert!(
        f.apply(&Edit::SetScore {
            code: "A101".into(),
            score: Some(d("5"))
        })
        .is_err()
    );
    assert!(
        f.apply(&Edit::SetScore {
            code: "A".into(),
            score: Some(d("1"))
        })
        .is_err()
    );
    let ev = Evidence {
        title: "".into(),
        ..Evidence::default()
    };
    assert!(
        f.apply(&Edit::InsertEvidence {
            code: "A101".into(),
            index: 0,
            evidence: ev
        })
        .is_err()
    );
    // A transaction whose second edit fails leaves the first undone too.
    let ok = Edit::SetScore {
        code: "A101".into(),
        score: Some(d("1")),
    };
    let bad = Edit::SetScore {
        code: "A101".into(),
        score: Some(d("-1")),
    };
    assert!(f.apply_all(&[ok, bad]).is_err());
    assert_eq!(f.text(), HAND);
    assert_eq!(
        f.project().get("A101").unwrap().assessment.score,
        Some(d("4.00"))
    );
}

#[test]
fn save_is_atomic_keeps_a_backup_and_refuses_to_overwrite_a_changed_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, HAND).unwrap();
    let mut f = ProjectFile::open(&path).unwrap();
    f.apply(&Edit::SetScore {
        code: "A101".into(),
        score: Some(d("3")),
    })
    .unwrap();
    f.save().unwrap();
    assert!(!f.dirty);
    assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), HAND);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("score = 3 ")
    );
    // Someone else saves the same score differently: our save must not overwrite it.
    let saved = std::fs::read_to_string(&path).unwrap();
    let theirs = saved
        .replace("score = 3 ", "score = 1 ")
        .replace("weight = 4", "weight = 4 # changed");
    std::fs::write(&path, &theirs).unwrap();
    f.apply(&Edit::SetScore {
        code: "A101".into(),
        score: Some(d("2")),
    })
    .unwrap();
    let Err(SaveError::Conflicts(m)) = f.save() else {
        panic!("a conflict on A101's score expected")
    };
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].code, "A101");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // Someone else changes a different field: the save merges, both are kept.
    std::fs::write(&path, saved.replace("weight = 4", "weight = 4 # changed")).unwrap();
    f.save().unwrap();
    let merged = std::fs::read_to_string(&path).unwrap();
    assert!(
        merged.contains("# changed") && merged.contains("score = 2 "),
        "{merged}"
    );
    assert!(!f.dirty);
    assert!(f.merged_in.is_empty(), "a comment is not a field change");
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

mod list_order {
    use super::*;
    use crate::model::Deduction;
    use crate::store::parse_project;
    use std::str::FromStr;

    #[test]
    fn appended_deductions_follow_the_existing_ones_in_the_file() {
        let src = "[framework]\ntotal = 4\n\n[indicators.A]\nname = \"a\"\nweight = 4\n\n[[indicators.A.deductions]]\npoints = 1\nreason = \"first\"\n\n[[indicators.A.evidence]]\ntitle = \"e\"\n\n[indicators.B]\nname = \"b\"\nweight = 0\n";
        let mut f = ProjectFile::from_text(Path::new("x.toml"), src).unwrap();
        let d = |p: &str, r: &str| Deduction {
            points: Some(rust_decimal::Decimal::from_str(p).unwrap()),
            reason: r.into(),
            ..Deduction::default()
        };
        f.apply(&Edit::InsertDeduction {
            code: "A".into(),
            index: 1,
            deduction: d("0.5", "second"),
        })
        .unwrap();
        f.apply(&Edit::InsertDeduction {
            code: "A".into(),
            index: 0,
            deduction: d("0.25", "zeroth"),
        })
        .unwrap();
        let out = f.text();
        let reloaded = parse_project(&out).unwrap().project;
        let reasons: Vec<&str> = reloaded
            .get("A")
            .unwrap()
            .assessment
            .deductions
            .iter()
            .map(|d| d.reason.as_str())
            .collect();
        assert_eq!(reasons, ["zeroth", "first", "second"], "{out}");
        assert!(out.find("second").unwrap() < out.find("[indicators.B]").unwrap());
    }
}
