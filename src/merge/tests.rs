//! Each merge rule on a small hand-written project.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::model::{Deduction, Review, Status};

const BASE: &str = r#"# 手写的项目文件 — comments must survive
[framework]
id = "t"
total = 10

[[grades]]
name = "优"
min = 9

[indicators.A]
name = "决策"
weight = 10

[indicators.A101]   # 第一个末级指标
parent = "A"
name = "资金到位率"
weight = 4
rule = { kind = "judgement" }
score = 2.00        # 酌情
status = "已评"

[indicators.A102]
parent = "A"
name = "档案管理"
weight = 6

[[indicators.A102.deductions]]
points = 0.5
reason = "缺少验收记录"
"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn file(text: &str) -> ProjectFile {
    ProjectFile::from_text(Path::new("p.toml"), text).unwrap()
}

/// BASE with `edits` applied, as text.
fn edited(edits: &[Edit]) -> String {
    let mut f = file(BASE);
    f.apply_all(edits).unwrap();
    f.text()
}

fn score(code: &str, s: &str) -> Edit {
    Edit::SetScore {
        code: code.into(),
        score: Some(d(s)),
    }
}

fn deduction(points: &str, reason: &str) -> Deduction {
    Deduction {
        points: Some(d(points)),
        reason: reason.into(),
        ..Deduction::default()
    }
}

fn add(code: &str, index: usize, points: &str, reason: &str) -> Edit {
    Edit::InsertDeduction {
        code: code.into(),
        index,
        deduction: deduction(points, reason),
    }
}

fn reasons(m: &Merged, code: &str) -> Vec<String> {
    m.file
        .project()
        .get(code)
        .unwrap()
        .assessment
        .deductions
        .iter()
        .map(|d| d.reason.clone())
        .collect()
}

fn recorded_score(m: &Merged, code: &str) -> Option<Decimal> {
    m.file.project().get(code).unwrap().assessment.score
}

#[test]
fn the_same_change_on_both_sides_is_not_a_conflict() {
    let side = edited(&[score("A101", "3")]);
    let m = merge_texts(BASE, &side, &side).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(m.text, side);
}

#[test]
fn different_leaves_are_both_kept_and_theirs_comments_stay() {
    let ours = edited(&[score("A101", "1")]);
    let theirs = edited(&[add("A102", 1, "1", "合同未归档")]).replace("# 酌情", "# 酌情（复核）");
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(recorded_score(&m, "A101"), Some(d("1")));
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录", "合同未归档"]);
    assert!(
        m.text.contains("score = 1        # 酌情（复核）"),
        "{}",
        m.text
    );
    assert!(m.text.starts_with("# 手写的项目文件"));
    assert_eq!(
        m.ours_changes
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>(),
        ["A101 资金到位率 得分 2.00 → 1.00"]
    );
    assert_eq!(
        m.theirs_changes
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>(),
        ["A102 档案管理 新增扣分 扣 1 分 “合同未归档”"]
    );
}

#[test]
fn different_fields_of_one_leaf_are_both_kept() {
    let ours = edited(&[score("A101", "3")]);
    let theirs = edited(&[Edit::SetJustification {
        code: "A101".into(),
        text: "资金已全部到位。".into(),
    }]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let a = &m.file.project().get("A101").unwrap().assessment;
    assert_eq!(a.score, Some(d("3")));
    assert_eq!(a.justification, "资金已全部到位。");
}

#[test]
fn deductions_added_by_both_sides_are_all_kept() {
    let ours = edited(&[add("A102", 1, "0.2", "alice 的发现")]);
    let theirs = edited(&[add("A102", 1, "0.3", "bob 的发现")]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(
        reasons(&m, "A102"),
        ["缺少验收记录", "bob 的发现", "alice 的发现"]
    );
    // The same deduction added by both is one deduction.
    let m = merge_texts(BASE, &ours, &ours).unwrap();
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录", "alice 的发现"]);
}

#[test]
fn one_side_removing_an_item_the_other_edits_is_a_conflict_keeping_ours() {
    let ours = edited(&[Edit::ReplaceDeduction {
        code: "A102".into(),
        index: 0,
        deduction: deduction("1", "缺少验收记录和合同"),
    }]);
    let theirs = edited(&[Edit::RemoveDeduction {
        code: "A102".into(),
        index: 0,
    }]);
    let mut m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.field, Field::Deduction(0));
    assert!(c.theirs.is_none());
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录和合同"]);
    let take = m.take_theirs(&[0]);
    m.file.apply_all(&take).unwrap();
    assert!(reasons(&m, "A102").is_empty());
    // And the other way round: ours removes, theirs edits.
    let m = merge_texts(BASE, &theirs, &ours).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].ours.is_none());
    assert!(reasons(&m, "A102").is_empty());
}

#[test]
fn a_removal_by_one_side_and_an_addition_by_the_other_both_happen() {
    let ours = edited(&[Edit::RemoveDeduction {
        code: "A102".into(),
        index: 0,
    }]);
    let theirs = edited(&[add("A102", 1, "1", "合同未归档")]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(reasons(&m, "A102"), ["合同未归档"]);
}

#[test]
fn the_same_score_set_differently_is_a_conflict_recorded_checked_and_resolved() {
    let ours = edited(&[score("A101", "2.5")]);
    let theirs = edited(&[score("A101", "1.5")]);
    let mut m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = m.conflicts[0].clone();
    assert_eq!((c.code.as_str(), &c.field), ("A101", &Field::Score));
    assert_eq!(
        c.to_string(),
        "A101 资金到位率 得分：ours 2.50，theirs 1.50"
    );
    assert_eq!(recorded_score(&m, "A101"), Some(d("2.5")));
    assert_eq!(c.take_theirs, vec![score("A101", "1.5")]);

    m.record_conflicts("HEAD", "bob").unwrap();
    assert!(m.text.contains("[[conflicts]]"), "{}", m.text);
    let loaded = crate::store::parse_project(&m.text).unwrap();
    let errors: Vec<String> = crate::check::check(&loaded)
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.display("p.toml").to_string())
        .collect();
    let at = m.text.lines().position(|l| l == "[[conflicts]]").unwrap() + 2;
    assert_eq!(
        errors,
        [format!(
            "p.toml:{at}:8: error: unresolved merge conflict in A101 得分 (ours 2.50, theirs 1.50)"
        )]
    );
    assert_eq!(loaded.project.conflicts[0].label_theirs, "bob");

    // Resolving is an edit with an undo, written like any other.
    let mut f = file(&m.text);
    let undo = f
        .apply(&Edit::ResolveConflict {
            code: "A101".into(),
            index: 0,
            take: Side::Theirs,
        })
        .unwrap();
    assert_eq!(
        f.project().get("A101").unwrap().assessment.score,
        Some(d("1.5"))
    );
    assert!(f.project().conflicts.is_empty());
    assert!(!f.text().contains("conflicts"), "{}", f.text());
    let clean = crate::store::parse_project(&f.text()).unwrap();
    assert!(!crate::check::check(&clean).iter().any(|d| d.is_error()));
    f.apply(&undo).unwrap();
    assert_eq!(f.text(), m.text);
}

#[test]
fn a_structural_change_on_one_side_is_built_on() {
    // Ours re-weights the tree (no edit can); theirs scores.
    let ours = BASE
        .replace("weight = 4\n", "weight = 5\n")
        .replace("weight = 6\n", "weight = 5\n");
    let theirs = edited(&[score("A101", "3")]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(m.file.project().get("A101").unwrap().weight, d("5"));
    assert_eq!(recorded_score(&m, "A101"), Some(d("3")));
    assert!(
        m.ours_changes
            .iter()
            .any(|c| c.to_string() == "A101 资金到位率 indicators.A101.weight 4 → 5"),
        "{:?}",
        m.ours_changes
    );
}

#[test]
fn structural_changes_of_both_sides_to_different_keys_are_both_carried() {
    let ours = BASE.replace("name = \"档案管理\"", "name = \"档案管理规范性\"");
    let theirs = BASE.replace("id = \"t\"", "id = \"t2\"");
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert_eq!(m.file.project().get("A102").unwrap().name, "档案管理规范性");
    assert_eq!(m.file.project().framework.id, "t2");
}

#[test]
fn the_same_structural_key_changed_differently_is_a_conflict_at_that_key() {
    let ours = BASE.replace("name = \"档案管理\"", "name = \"档案管理规范性\"");
    let theirs = BASE.replace("name = \"档案管理\"", "name = \"档案完整性\"");
    let mut m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.field, Field::Structure("indicators.A102.name".into()));
    assert_eq!(c.code, "A102");
    assert_eq!(m.file.project().get("A102").unwrap().name, "档案管理规范性");
    m.record_conflicts("", "").unwrap();
    let loaded = crate::store::parse_project(&m.text).unwrap();
    assert!(
        crate::check::check(&loaded).iter().any(|d| d.message()
            == "unresolved merge conflict in A102 indicators.A102.name (ours \"档案管理规范性\", theirs \"档案完整性\")"),
        "{}",
        m.text
    );
    // Theirs: the key gets their value, the record goes, the rest of the file is untouched.
    let f = take_theirs_structure(&file(&m.text), 0).unwrap();
    assert_eq!(f.project().get("A102").unwrap().name, "档案完整性");
    assert!(f.project().conflicts.is_empty());
    assert_eq!(f.text(), theirs);
}

#[test]
fn an_indicator_added_by_one_side_arrives_whole_with_its_record() {
    let ours = BASE.replace(
        "[indicators.A102]",
        "[indicators.A103]\nparent = \"A\"\nname = \"新指标\"\nweight = 0\nstatus = \"已评\"\n\n[indicators.A102]",
    );
    let theirs = edited(&[score("A101", "3")]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let p = m.file.project();
    assert_eq!(p.get("A103").unwrap().assessment.status, Status::Scored);
    assert_eq!(recorded_score(&m, "A101"), Some(d("3")));
}

#[test]
fn an_unreadable_input_is_a_located_error() {
    let broken = "[framework\n";
    match merge_texts(BASE, broken, BASE) {
        Err(MergeError::Unreadable {
            input: Input::Ours,
            error: LoadError::Syntax(diag),
        }) => assert_eq!(diag.pos.map(|p| p.line), Some(1)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn merging_onto_the_disk_uses_the_text_the_file_was_loaded_from() {
    let mut mine = file(BASE);
    mine.apply(&score("A101", "1")).unwrap();
    let disk = edited(&[add("A102", 1, "1", "合同未归档")]);
    let m = merge_onto_disk(&mine, &disk).unwrap();
    assert!(m.is_clean());
    assert_eq!(m.file.path, Path::new("p.toml"));
    assert_eq!(recorded_score(&m, "A101"), Some(d("1")));
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录", "合同未归档"]);
}

#[test]
fn recorded_conflicts_merge_like_a_list_resolutions_included() {
    let ours = edited(&[score("A101", "2.5")]);
    let theirs = edited(&[score("A101", "1.5")]);
    let mut m = merge_texts(BASE, &ours, &theirs).unwrap();
    m.record_conflicts("", "").unwrap();
    let unresolved = m.text.clone();
    // One side resolves (taking theirs), the other scores another leaf: the record goes.
    let mut f = file(&unresolved);
    f.apply(&Edit::ResolveConflict {
        code: "A101".into(),
        index: 0,
        take: Side::Theirs,
    })
    .unwrap();
    let resolved = f.text();
    let mut g = file(&unresolved);
    g.apply(&add("A102", 1, "1", "合同未归档")).unwrap();
    let m = merge_texts(&unresolved, &g.text(), &resolved).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    assert!(m.file.project().conflicts.is_empty(), "{}", m.text);
    assert_eq!(recorded_score(&m, "A101"), Some(d("1.5")));
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录", "合同未归档"]);
    // A record only ours has is kept.
    let m = merge_texts(BASE, &unresolved, BASE).unwrap();
    assert_eq!(m.file.project().conflicts.len(), 1, "{}", m.text);
}

#[test]
fn several_conflicts_in_one_list_resolve_to_theirs_in_any_order() {
    let two = edited(&[add("A102", 1, "1", "合同未归档")]);
    let ours = {
        let mut f = file(&two);
        f.apply_all(&[
            Edit::ReplaceDeduction {
                code: "A102".into(),
                index: 0,
                deduction: deduction("0.6", "缺少验收记录（alice）"),
            },
            Edit::RemoveDeduction {
                code: "A102".into(),
                index: 1,
            },
        ])
        .unwrap();
        f.text()
    };
    let theirs = {
        let mut f = file(&two);
        f.apply_all(&[
            Edit::ReplaceDeduction {
                code: "A102".into(),
                index: 1,
                deduction: deduction("2", "合同未归档（bob）"),
            },
            Edit::RemoveDeduction {
                code: "A102".into(),
                index: 0,
            },
        ])
        .unwrap();
        f.text()
    };
    let mut m = merge_texts(&two, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 2, "{:?}", m.conflicts);
    assert_eq!(reasons(&m, "A102"), ["缺少验收记录（alice）"]);
    let want = ["合同未归档（bob）"];
    // In memory: every "take theirs" at once.
    let mut f = m.file.clone();
    f.apply_all(&m.take_theirs(&[0, 1])).unwrap();
    let got: Vec<String> = f
        .project()
        .get("A102")
        .unwrap()
        .assessment
        .deductions
        .iter()
        .map(|d| d.reason.clone())
        .collect();
    assert_eq!(got, want);
    // In the file: records resolved one by one, first to last and last to first.
    m.record_conflicts("", "").unwrap();
    for order in [[0, 0], [1, 0]] {
        let mut f = file(&m.text);
        for index in order {
            f.apply(&Edit::ResolveConflict {
                code: "A102".into(),
                index,
                take: Side::Theirs,
            })
            .unwrap();
        }
        let got: Vec<String> = f
            .project()
            .get("A102")
            .unwrap()
            .assessment
            .deductions
            .iter()
            .map(|d| d.reason.clone())
            .collect();
        assert_eq!(got, want, "order {order:?}");
        assert!(f.project().conflicts.is_empty());
    }
}

#[test]
fn a_malformed_record_is_a_located_error_not_a_crash() {
    let text = format!(
        "{BASE}\n[[conflicts]]\ncode = \"A101\"\nfield = \"deductions\"\nours = 3\n\n[[conflicts]]\ncode = \"A101\"\nfield = \"bogus\"\n"
    );
    let loaded = crate::store::parse_project(&text).unwrap();
    let errors: Vec<String> = crate::check::check(&loaded)
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.display("p.toml").to_string())
        .collect();
    assert!(
        errors.iter().all(|e| e.starts_with("p.toml:")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("not a mergeable field")),
        "{errors:?}"
    );
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.contains("unresolved merge conflict"))
            .count(),
        2,
        "{errors:?}"
    );
}

#[test]
fn an_approval_of_a_leaf_the_other_side_changed_is_withdrawn() {
    let approve = [
        Edit::InsertReview {
            code: "A101".into(),
            index: 0,
            review: Review {
                by: "复核人".into(),
                at: "2026-11-30".into(),
                text: "同意".into(),
                approved: true,
            },
        },
        Edit::SetStatus {
            code: "A101".into(),
            status: Status::Reviewed,
        },
    ];
    let ours = edited(&approve);
    let theirs = edited(&[score("A101", "3")]);
    let m = merge_texts(BASE, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let a = &m.file.project().get("A101").unwrap().assessment;
    assert_eq!(a.score, Some(d("3")));
    assert_eq!(a.reviews.len(), 1, "the approval stays as history");
    assert_eq!(a.status, Status::Scored);
    // Approving what nobody else changed stays approved.
    let m = merge_texts(BASE, &ours, &edited(&[score("A102", "5")])).unwrap();
    assert_eq!(
        m.file.project().get("A101").unwrap().assessment.status,
        Status::Reviewed
    );
}

const ADJ: &str = "\n[adjustments]\nbonus_cap = 5\n\n[adjustments.items.F1]\nname = \"创新做法\"\ndirection = \"bonus\"\n\n[adjustments.items.F2]\nname = \"违规\"\ndirection = \"penalty\"\n";

fn adjust(code: &str, points: &str, reason: &str) -> Edit {
    Edit::SetAdjustment {
        code: code.into(),
        points: Some(d(points)),
        reason: reason.into(),
    }
}

#[test]
fn adjustment_items_merge_by_item() {
    let base = format!("{BASE}{ADJ}");
    let side = |e: Edit| {
        let mut f = file(&base);
        f.apply(&e).unwrap();
        f.text()
    };
    let m = merge_texts(
        &base,
        &side(adjust("F1", "1", "经验推广")),
        &side(adjust("F2", "2", "挪用")),
    )
    .unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let items = &m.file.project().adjustments.as_ref().unwrap().items;
    assert_eq!(
        (items[0].points, items[1].points),
        (Some(d("1")), Some(d("2")))
    );
    let m = merge_texts(
        &base,
        &side(adjust("F1", "1", "经验推广")),
        &side(adjust("F1", "2", "经验推广")),
    )
    .unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].to_string(),
        "F1 创新做法 加减分：ours 1 分 “经验推广”，theirs 2 分 “经验推广”"
    );
}

#[test]
fn field_lines_show_one_scored_field_per_line() {
    let p = crate::store::parse_project(&edited(&[add("A102", 1, "1", "合同未归档")]))
        .unwrap()
        .project;
    let lines = field_lines(&p);
    for want in [
        "A 决策 小计 = 6.50",
        "A101 资金到位率 得分 = 2.00",
        "A101 资金到位率 给定得分 = 2.00",
        "A101 资金到位率 状态 = 已评",
        "A102 档案管理 得分 = 4.50",
        "A102 档案管理 扣分 = 扣 0.5 分 缺少验收记录",
        "A102 档案管理 扣分 = 扣 1 分 合同未归档",
        "总分 = 6.50（-）",
    ] {
        assert!(lines.iter().any(|l| l == want), "{want} not in {lines:#?}");
    }
}
