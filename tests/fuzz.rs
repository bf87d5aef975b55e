//! Randomly damaged project files never panic the loader, the checker or the engine: they give
//! a located error or a result.

use jixiao::store::{LoadError, parse_project};
use proptest::prelude::*;

/// The seeds: two samples, and test projects that reach 不适用, truncation and 加减分项 (one
/// whose penalties would take the total below zero), so damaged copies exercise those paths.
const SAMPLES: &[&str] = &[
    include_str!("../samples/rongcheng-checkup.toml"),
    include_str!("../samples/basic-public-health.toml"),
    include_str!("projects/na-rebase.toml"),
    include_str!("projects/truncate.toml"),
    include_str!("projects/adjustments-floor.toml"),
];

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to TOML, plus anything at all.
    let interesting = prop_oneof![
        Just(b'"'),
        Just(b'['),
        Just(b']'),
        Just(b'='),
        Just(b'\n'),
        Just(b'.'),
        Just(b'-'),
        Just(b'{'),
        Just(b'}'),
        Just(b'#'),
        Just(b'0'),
        Just(b'9'),
        Just(b','),
        Just(0xE4),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), interesting.clone()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<usize>(), interesting).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
    ]
}

fn mutate(src: &str, muts: &[Mutation]) -> Vec<u8> {
    let mut bytes = src.as_bytes().to_vec();
    for m in muts {
        if bytes.is_empty() {
            break;
        }
        match *m {
            Mutation::Replace(i, b) => {
                let i = i % bytes.len();
                bytes[i] = b;
            }
            Mutation::Insert(i, b) => {
                let i = i % (bytes.len() + 1);
                bytes.insert(i, b);
            }
            Mutation::Delete(i, n) => {
                let i = i % bytes.len();
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_give_located_errors_or_results(which in 0..SAMPLES.len(), muts in prop::collection::vec(mutation(), 1..6)) {
        let bytes = mutate(SAMPLES[which], &muts);
        let Ok(text) = String::from_utf8(bytes) else {
            // Not UTF-8: load_file reports it as unreadable; nothing to parse.
            return Ok(());
        };
        match parse_project(&text) {
            Err(LoadError::Syntax(d)) => {
                prop_assert!(d.pos.is_some(), "syntax error without a position: {}", d.message());
                prop_assert!(d.pos.unwrap().line >= 1);
            }
            Err(LoadError::Io(e)) => prop_assert!(false, "parse_project does no I/O: {e}"),
            Ok(loaded) => {
                let diags = jixiao::check::check(&loaded);
                for d in diags.iter().filter(|d| d.is_error()) {
                    prop_assert!(!d.message().is_empty());
                    if let Some(p) = d.pos {
                        prop_assert!(p.line >= 1 && p.line <= text.lines().count() + 1, "line {} out of range", p.line);
                    }
                }
                let card = jixiao::scoring::score(&loaded.project);
                // Penalties never take the total below zero, and the grade is the band the
                // total falls in (a total below every band would have none); nothing evaluated
                // yet (every leaf 不适用, 未评 or 未完成) has none.
                prop_assert!(card.total >= rust_decimal::Decimal::ZERO, "total {}", card.total);
                let expected = if card.nothing_evaluated() {
                    None
                } else {
                    loaded.project.grade_for(card.total)
                };
                prop_assert_eq!(card.grade.as_deref(), expected);
                let _ = jixiao::report::table::score_table(&loaded.project, &card, usize::MAX);
                let _ = jixiao::report::json::score_json(&loaded.project, &card);
            }
        }
    }
}

/// The undamaged seeds load cleanly, and the floor seed really does reach the floor (13 − 15),
/// so the property above is not vacuous.
#[test]
fn the_seeds_load_and_one_of_them_reaches_the_floor() {
    for (i, text) in SAMPLES.iter().enumerate() {
        let loaded = parse_project(text).unwrap_or_else(|e| panic!("seed {i}: {e}"));
        assert!(
            !jixiao::check::check(&loaded).iter().any(|d| d.is_error()),
            "seed {i}"
        );
    }
    let loaded = parse_project(SAMPLES[4]).unwrap();
    let card = jixiao::scoring::score(&loaded.project);
    let net = card.adjustments.as_ref().unwrap().net;
    assert!(card.base_score + net < rust_decimal::Decimal::ZERO);
    assert_eq!(card.total, rust_decimal::Decimal::ZERO);
}
