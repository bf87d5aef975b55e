//! Every loader finding exists in both languages with its path and what was written.

use super::Lang;
use super::message_tests::{has_cjk, reads_english};
use super::syntax::message;
use crate::diagnostic::{Syntax, Written};

fn every_problem() -> Vec<(Syntax, Vec<&'static str>)> {
    use Syntax::*;
    let p = || "indicators.A101.weight".to_string();
    let k = || "weight".to_string();
    let t = || "indicators.A101".to_string();
    let found = || Written::Text("\"x9\"".into());
    vec![
        (
            NotToml {
                detail: "unclosed table".into(),
            },
            vec!["unclosed table"],
        ),
        (
            UnknownKey {
                key: "foo".into(),
                table: t(),
                allowed: vec!["name".into(), "weight".into()],
            },
            vec!["foo", "indicators.A101", "name, weight"],
        ),
        (
            ExpectedText {
                path: p(),
                key: k(),
                found: Written::Number("3".into()),
            },
            vec!["indicators.A101.weight", "3"],
        ),
        (
            MissingText {
                table: t(),
                key: k(),
            },
            vec!["indicators.A101", "weight"],
        ),
        (
            ExpectedFlag {
                path: p(),
                found: Written::Date("2022-06-30".into()),
            },
            vec!["indicators.A101.weight", "2022-06-30"],
        ),
        (
            ExpectedNumber {
                path: p(),
                found: found(),
            },
            vec!["indicators.A101.weight", "\"x9\""],
        ),
        (
            MissingNumber {
                table: t(),
                key: k(),
            },
            vec!["indicators.A101", "weight"],
        ),
        (
            TooLarge {
                path: p(),
                value: rust_decimal::Decimal::from(10i64.pow(16)),
            },
            vec!["indicators.A101.weight", "10000000000000000"],
        ),
        (
            TimeOfDay {
                path: p(),
                value: "10:30:00".into(),
            },
            vec!["10:30:00"],
        ),
        (
            DateWithTime {
                path: p(),
                value: "2022-06-30T10:30:00".into(),
                date: "2022-06-30".into(),
            },
            vec!["2022-06-30T10:30:00", "2022-06-30"],
        ),
        (
            ExpectedTextList {
                path: p(),
                key: k(),
                found: Written::InlineTable("{ a = 1 }".into()),
            },
            vec!["indicators.A101.weight", "{ a = 1 }"],
        ),
        (
            ExpectedTextEntry {
                path: p(),
                found: Written::Flag("true".into()),
            },
            vec!["indicators.A101.weight", "true"],
        ),
        (
            ExpectedTableEntry {
                path: p(),
                found: Written::List("[1, 2]".into()),
            },
            vec!["indicators.A101.weight", "[1, 2]"],
        ),
        (
            ExpectedTables {
                path: p(),
                found: Written::TimeOfDay("10:30:00".into()),
            },
            vec!["[[indicators.A101.weight]]", "10:30:00"],
        ),
        (NotATable { path: t() }, vec!["[indicators.A101]"]),
        (NoFramework, vec!["[framework]"]),
        (NoIndicators, vec!["[indicators."]),
        (IndicatorsNotTable, vec!["[indicators.A101]"]),
    ]
}

/// A distinct number per problem: a new one fails to compile here until it has a sample.
fn ordinal(s: &Syntax) -> usize {
    use Syntax::*;
    match s {
        NotToml { .. } => 0,
        UnknownKey { .. } => 1,
        ExpectedText { .. } => 2,
        MissingText { .. } => 3,
        ExpectedFlag { .. } => 4,
        ExpectedNumber { .. } => 5,
        MissingNumber { .. } => 6,
        TooLarge { .. } => 7,
        TimeOfDay { .. } => 8,
        DateWithTime { .. } => 9,
        ExpectedTextList { .. } => 10,
        ExpectedTextEntry { .. } => 11,
        ExpectedTableEntry { .. } => 12,
        ExpectedTables { .. } => 13,
        NotATable { .. } => 14,
        NoFramework => 15,
        NoIndicators => 16,
        IndicatorsNotTable => 17,
    }
}

#[test]
fn every_loader_finding_in_both_languages_with_its_figures() {
    let all = every_problem();
    let mut seen: Vec<usize> = all.iter().map(|(s, _)| ordinal(s)).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, (0..=17).collect::<Vec<_>>());
    for (problem, figures) in &all {
        let zh = message(problem, Lang::Zh);
        let en = message(problem, Lang::En);
        for f in figures {
            assert!(zh.contains(f), "zh {problem:?} lacks {f}: {zh}");
            assert!(en.contains(f), "en {problem:?} lacks {f}: {en}");
        }
        // The parser's own detail stays English inside the Chinese sentence.
        if !matches!(problem, Syntax::NotToml { .. }) {
            assert!(!reads_english(&zh), "not Chinese: {zh}");
        }
        assert!(has_cjk(&zh), "not Chinese: {zh}");
        assert!(!has_cjk(&en), "not English: {en}");
    }
}

#[test]
fn what_was_written_is_named_in_each_language() {
    use super::syntax::written;
    let cases = [
        (
            Written::Text("\"a\"".into()),
            "文本 \"a\"",
            "the text \"a\"",
        ),
        (Written::Number("3".into()), "数字 3", "the number 3"),
        (Written::Quoted("\"abc\"".into()), "\"abc\"", "\"abc\""),
        (Written::Flag("true".into()), "true", "true"),
        (
            Written::TimeOfDay("10:30:00".into()),
            "时刻 10:30:00",
            "the time of day 10:30:00",
        ),
        (
            Written::Date("2022-06-30".into()),
            "日期 2022-06-30",
            "the date 2022-06-30",
        ),
        (
            Written::DateTime("2022-06-30T10:00:00".into()),
            "日期时间 2022-06-30T10:00:00",
            "the date and time 2022-06-30T10:00:00",
        ),
        (Written::List("[1]".into()), "列表 [1]", "a list [1]"),
        (
            Written::InlineTable("{ a = 1 }".into()),
            "表 { a = 1 }",
            "a table { a = 1 }",
        ),
        (Written::Table, "表 [ … ]", "a table [ … ]"),
        (
            Written::Tables,
            "表数组 [[ … ]]",
            "a list of tables [[ … ]]",
        ),
        (Written::Nothing, "空", "nothing"),
    ];
    for (w, zh, en) in cases {
        assert_eq!(written(&w, Lang::Zh), zh);
        assert_eq!(written(&w, Lang::En), en);
    }
}
