//! The statuses edits imply: 未评 → 已评 when a judgement is recorded, and an approval (已复核)
//! withdrawn by any later change to what was approved.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Edit, apply, clears_approval, implied_status};
use crate::model::{Deduction, Evidence, Project, Review, Status};
use crate::store::{ProjectFile, parse_project};

const PROJECT: &str = r#"
[framework]
id = "t"
total = 10

[indicators.A]
name = "决策"
weight = 10

[indicators.A101]
parent = "A"
name = "立项依据充分性"
weight = 4
status = "已复核"

[[indicators.A101.deductions]]
points = 1
reason = "依据文件不全"

[[indicators.A101.reviews]]
by = "张三"
at = "2026-01-05 08:00:00 UTC"
text = ""
approved = true

[indicators.A102]
parent = "A"
name = "绩效目标合理性"
weight = 6

[adjustments.items.F1]
name = "创新做法"
direction = "bonus"
cap = 2
"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn project() -> Project {
    parse_project(PROJECT).unwrap().project
}

fn status(p: &Project, code: &str) -> Status {
    p.get(code).unwrap().assessment.status
}

fn back_to_scored(code: &str) -> Option<Edit> {
    Some(Edit::SetStatus {
        code: code.into(),
        status: Status::Scored,
    })
}

fn code(c: &str) -> String {
    c.to_string()
}

#[test]
fn every_change_to_an_approved_record_sends_it_back_to_scored() {
    let p = project();
    let deduction = Deduction {
        points: Some(d("0.5")),
        reason: "档案不全".into(),
        ..Deduction::default()
    };
    let evidence = Evidence {
        title: "批复文件".into(),
        ..Evidence::default()
    };
    let changes = [
        Edit::SetScore {
            code: code("A101"),
            score: Some(d("3")),
        },
        Edit::InsertDeduction {
            code: code("A101"),
            index: 1,
            deduction: deduction.clone(),
        },
        Edit::ReplaceDeduction {
            code: code("A101"),
            index: 0,
            deduction,
        },
        Edit::RemoveDeduction {
            code: code("A101"),
            index: 0,
        },
        Edit::SetJustification {
            code: code("A101"),
            text: "补充说明".into(),
        },
        Edit::InsertEvidence {
            code: code("A101"),
            index: 0,
            evidence,
        },
        Edit::SetNa {
            code: code("A101"),
            reason: Some("无此业务".into()),
        },
        Edit::SetUnscorable {
            code: code("A101"),
            reason: Some("未提供资料".into()),
        },
    ];
    for e in &changes {
        assert_eq!(implied_status(&p, e), back_to_scored("A101"), "{e:?}");
        assert!(clears_approval(&p, e), "{e:?}");
    }
}

#[test]
fn reviews_status_and_adjustments_leave_an_approval_alone() {
    let p = project();
    let review = Review {
        by: "李四".into(),
        text: "同意".into(),
        approved: true,
        ..Review::default()
    };
    let untouched = [
        Edit::InsertReview {
            code: code("A101"),
            index: 1,
            review,
        },
        Edit::RemoveReview {
            code: code("A101"),
            index: 0,
        },
        Edit::SetStatus {
            code: code("A101"),
            status: Status::Scored,
        },
        Edit::SetAdjustment {
            code: code("F1"),
            points: Some(d("1")),
            reason: "经验被推广".into(),
        },
    ];
    for e in &untouched {
        assert_eq!(implied_status(&p, e), None, "{e:?}");
        assert!(!clears_approval(&p, e), "{e:?}");
    }
}

#[test]
fn an_edit_that_changes_nothing_keeps_the_approval() {
    let p = project();
    let same = Edit::SetJustification {
        code: code("A101"),
        text: String::new(),
    };
    assert_eq!(implied_status(&p, &same), None);
    assert!(!clears_approval(&p, &same));
    // A refused edit is not a change either.
    let refused = Edit::SetScore {
        code: code("A101"),
        score: Some(d("9")),
    };
    assert!(!clears_approval(&p, &refused));
}

#[test]
fn unscored_leaves_become_scored_by_a_judgement_not_by_notes() {
    let p = project();
    let score = Edit::SetScore {
        code: code("A102"),
        score: Some(d("5")),
    };
    assert_eq!(implied_status(&p, &score), back_to_scored("A102"));
    assert!(!clears_approval(&p, &score));
    let note = Edit::SetJustification {
        code: code("A102"),
        text: "说明".into(),
    };
    assert_eq!(implied_status(&p, &note), None);
}

#[test]
fn the_withdrawal_is_one_transaction_with_the_edit() {
    let mut f = ProjectFile::from_text(Path::new("p.toml"), PROJECT).unwrap();
    let before = f.text();
    let edit = Edit::InsertDeduction {
        code: code("A101"),
        index: 1,
        deduction: Deduction {
            points: Some(d("0.5")),
            reason: "档案不全".into(),
            ..Deduction::default()
        },
    };
    let mut edits = vec![edit.clone()];
    edits.extend(implied_status(f.project(), &edit));
    let undo = f.apply_all(&edits).unwrap();
    assert_eq!(status(f.project(), "A101"), Status::Scored);
    assert!(f.text().contains("status = \"已评\""), "{}", f.text());
    // The approval's record stays as history; only the status moves.
    assert_eq!(f.project().get("A101").unwrap().assessment.reviews.len(), 1);
    f.apply_all(&undo).unwrap();
    assert_eq!(status(f.project(), "A101"), Status::Reviewed);
    assert_eq!(f.text(), before);
}

#[test]
fn applying_directly_does_not_imply_anything() {
    // `apply` is the bare edit; the implied status is the caller's to add (TUI and CLI do).
    let mut p = project();
    apply(
        &mut p,
        &Edit::SetScore {
            code: code("A101"),
            score: Some(d("2")),
        },
    )
    .unwrap();
    assert_eq!(status(&p, "A101"), Status::Reviewed);
}
