//! Whole projects built from the frameworks that ship (`jixiao new` then `jixiao set` /
//! `deduct`, kept in `tests/projects/`), for the paths the samples never reach: 不适用 leaves
//! with the total re-based, a truncating framework, and 加减分项 — including penalties that
//! would take the total below zero. Every expected figure is worked out by hand in the comments.

use std::path::Path;
use std::str::FromStr;

use jixiao::edit::{Edit, apply};
use jixiao::model::Deduction;
use jixiao::scoring::rounding::fixed;
use jixiao::scoring::{self, Scorecard};
use jixiao::store::{Loaded, load_file};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Loads `tests/projects/NAME`, which must check clean (no errors, no warnings).
fn load(name: &str) -> (Loaded, Scorecard) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/projects")
        .join(name);
    let (_text, loaded) = load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let diags = jixiao::check::check(&loaded);
    assert!(diags.is_empty(), "{name}: {diags:#?}");
    let card = scoring::score(&loaded.project);
    (loaded, card)
}

/// Each listed node's score with two places, as the report prints it.
fn scores(loaded: &Loaded, card: &Scorecard, codes: &[&str]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|c| {
            let node = card
                .node(&loaded.project, c)
                .unwrap_or_else(|| panic!("no node {c}"));
            (c.to_string(), fixed(node.score, 2))
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(c, s)| (c.to_string(), s.to_string()))
        .collect()
}

#[test]
fn not_applicable_leaves_rebase_the_total() {
    // mof-program (half_up, 2 places, na_policy = "rebase"). A302 (3) and C401 (10) are 不适用.
    let (loaded, card) = load("na-rebase.toml");
    // A: A101 5 + A102 3 + A201 4 + A202 (3 − 1 deducted) 2 + A301 4 = 18.00 of 22 − 3 = 19.
    // B: B101 90/100 × 4 = 3.60; B102 85/90 × 4 = 3.7777… → 3.78; B103 4 → B1 11.38;
    //    B201 2 + B202 (4 − 0.5 − 0.5) 3 → B2 5.00; B = 16.38 of 18.
    // C: C101 100/120 × 10 = 8.3333… → 8.33; C201 95/100 × 10 = 9.50; C301 10; C401 不适用
    //    → C = 27.83 of 40 − 10 = 30.
    // D: D101 10 + D102 10 = 20.00.
    assert_eq!(
        scores(
            &loaded,
            &card,
            &["A", "B101", "B102", "B1", "B", "C101", "C4", "C", "D"]
        ),
        pairs(&[
            ("A", "18.00"),
            ("B101", "3.60"),
            ("B102", "3.78"),
            ("B1", "11.38"),
            ("B", "16.38"),
            ("C101", "8.33"),
            ("C4", "0.00"),
            ("C", "27.83"),
            ("D", "20.00"),
        ])
    );
    let p = &loaded.project;
    assert!(card.node(p, "A302").unwrap().not_applicable);
    assert!(card.node(p, "C4").unwrap().not_applicable);
    assert_eq!(card.node(p, "A").unwrap().weight, d("19"));
    assert_eq!(card.node(p, "C").unwrap().weight, d("30"));
    // Base 18 + 16.38 + 27.83 + 20 = 82.21 over the 100 − 13 = 87 points still counted:
    // 82.21 ÷ 87 × 100 = 94.4942… → 94.49, 优.
    assert_eq!(card.na_weight, d("13"));
    assert_eq!(card.base_score, d("82.21"));
    assert_eq!(fixed(card.total, 2), "94.49");
    assert_eq!(card.grade.as_deref(), Some("优"));
}

#[test]
fn a_truncating_framework_cuts_every_leaf() {
    // five-grade-program: rounding = "truncate", 2 places. Under half_up the three starred
    // leaves would each be 0.01 higher and the total 37.36.
    let (loaded, card) = load("truncate.toml");
    // A101 checkpoints 4 of 5 × 0.4 = 1.60; A102 0.7 + 0.7 + 0.6 = 2.00 → A1 3.60.
    // A201 unscored, A202 0.5 + 0.5 = 1.00 → A2 1.00. A301 1.5, A302 judged 1.2 → A3 2.70.
    // A = 7.30.
    // *B101 2/3 × 4 = 2.6666… → 2.66; B102 unscored; B103 5 → B1 7.66.
    // B201 2 + 2 = 4, B202 6, B203 and B204 unscored → B2 10.00. B = 17.66.
    // C101 (107 − 120) ÷ (100 − 120) × 4 = 0.65 × 4 = 2.60; *C102 min(10/11, 1) × 3
    // = 2.7272… → 2.72 → C1 5.32 = C.
    // *D102 80% ÷ 90% × 4 = 3.5555… → 3.55 = D. E102 judged 3.5 = E.
    assert_eq!(
        scores(
            &loaded,
            &card,
            &[
                "A1", "A2", "A3", "A", "B101", "B", "C102", "C", "D102", "D", "E"
            ]
        ),
        pairs(&[
            ("A1", "3.60"),
            ("A2", "1.00"),
            ("A3", "2.70"),
            ("A", "7.30"),
            ("B101", "2.66"),
            ("B", "17.66"),
            ("C102", "2.72"),
            ("C", "5.32"),
            ("D102", "3.55"),
            ("D", "3.55"),
            ("E", "3.50"),
        ])
    );
    // 得分率 are cut too: A2 1/3 = 33.333…% → 33.33%; B1 7.66/14 = 54.714…% → 54.71%.
    let rate = |c: &str| fixed(card.node(&loaded.project, c).unwrap().rate.unwrap(), 2);
    assert_eq!((rate("A2"), rate("B1")), ("33.33".into(), "54.71".into()));
    // 7.30 + 17.66 + 5.32 + 3.55 + 3.50 = 37.33, below 60: 不合格 (five grades).
    assert_eq!(fixed(card.total, 2), "37.33");
    assert_eq!(card.grade.as_deref(), Some("不合格"));
}

#[test]
fn adjustments_are_capped_and_move_the_total() {
    // poverty-relief (bonus cap 5, penalty cap 15), every leaf scored.
    let (_, card) = load("adjustments.toml");
    // A 5 + 3 + 4 + 95% × 3 = 2.85 → 14.85. B101 5 − (35 − 30) × 0.2 = 4; B102 6 − (95 − 93)
    // × 0.3 = 5.40; B103 4 → 13.40. C 3 + 3 + 3 (较好) + 4 + 6 = 19. D 8 + 6 + 90% × 6 = 5.40
    // + 8 + 6 + 4 + 4 + 8 (94% ≥ 90%) = 49.40. Base 14.85 + 13.40 + 19 + 49.40 = 96.65.
    assert_eq!(card.base_score, d("96.65"));
    let adj = card.adjustments.as_ref().expect("加减分项");
    // F1 4 recorded, item cap 3 → 3; F2 2: bonus 5 (the group cap, not above it).
    // F3 3 penalty: net 5 − 3 = +2 → 98.65, 优 — above what the base alone gives.
    let counted: Vec<(&str, Decimal)> = adj
        .lines
        .iter()
        .map(|l| (l.code.as_str(), l.counted))
        .collect();
    assert_eq!(
        counted,
        [
            ("F1", d("3")),
            ("F2", d("2")),
            ("F3", d("3")),
            ("F4", d("0")),
            ("F5", d("0"))
        ]
    );
    assert_eq!((adj.bonus, adj.penalty, adj.net), (d("5"), d("3"), d("2")));
    assert_eq!(fixed(card.total, 2), "98.65");
    assert_eq!(card.grade.as_deref(), Some("优"));
}

#[test]
fn penalties_never_take_the_total_below_zero() {
    let (_, card) = load("adjustments-floor.toml");
    // Base: A101 增长 5 + A102 one checkpoint of three 1 + A201 4 + C101 3 = 13.
    assert_eq!(card.base_score, d("13"));
    // Penalties F3 12 → item cap 10, F4 6 → 5, F5 4: 19, group cap 15.
    let adj = card.adjustments.as_ref().expect("加减分项");
    assert_eq!((adj.penalty, adj.net), (d("15"), d("-15")));
    // 13 − 15 = −2 is floored at 0.00, which is in the lowest band (差 from 0); −2.00 would
    // have no grade at all.
    assert_eq!(fixed(card.total, 2), "0.00");
    assert_eq!(card.grade.as_deref(), Some("差"));
}

#[test]
fn an_edit_rescored_incrementally_keeps_the_adjustments() {
    for (name, total_after) in [
        // 96.65 − 1 (C301 deduction) = 95.65 base, + 2 net = 97.65.
        ("adjustments.toml", "97.65"),
        // 13 − 1 = 12 base, − 15 = −3, floored: 0.00.
        ("adjustments-floor.toml", "0.00"),
    ] {
        let (mut loaded, mut card) = load(name);
        let code = if name == "adjustments.toml" {
            "C301"
        } else {
            "A201"
        };
        let edit = match name {
            "adjustments.toml" => Edit::InsertDeduction {
                code: code.into(),
                index: 0,
                deduction: Deduction {
                    points: Some(d("1")),
                    reason: "一笔支出超范围列支".into(),
                    ..Deduction::default()
                },
            },
            _ => Edit::SetChecks {
                code: code.into(),
                checks: [true, true, false].map(jixiao::model::Check::Met).to_vec(),
            },
        };
        apply(&mut loaded.project, &edit).unwrap();
        scoring::rescore(&loaded.project, &mut card, code);
        assert_eq!(fixed(card.total, 2), total_after, "{name}");
        assert_eq!(card, scoring::score(&loaded.project), "{name}");
    }
}
