//! Every command-line parse error exists in both languages with its names filled in.

use super::Lang;
use super::message_tests::{has_cjk, reads_english};
use super::usage::{UsageError, UsageProblem, UsageTip, usage_error};

fn every_problem() -> Vec<(UsageProblem, Vec<&'static str>)> {
    use UsageProblem::*;
    let a = || "--format <FORMAT>".to_string();
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        (
            UnknownArgument {
                arg: "--bogus".into(),
            },
            vec!["'--bogus'"],
        ),
        (
            UnknownSubcommand {
                name: "chek".into(),
            },
            vec!["'chek'"],
        ),
        (
            InvalidValue {
                arg: a(),
                value: "pdf".into(),
                valid: v(&["md", "csv"]),
            },
            vec!["'--format <FORMAT>'", "'pdf'", "md, csv"],
        ),
        (
            MissingValue {
                arg: a(),
                valid: v(&["zh", "en"]),
            },
            vec!["'--format <FORMAT>'", "zh, en"],
        ),
        (
            BadValue {
                arg: a(),
                value: "3".into(),
                detail: Some("3 is not in 1..=2".into()),
            },
            vec!["'--format <FORMAT>'", "'3'", "3 is not in 1..=2"],
        ),
        (
            MissingArguments {
                args: v(&["<CODE>", "<KEY=VALUE>..."]),
            },
            vec!["\n  <CODE>", "\n  <KEY=VALUE>..."],
        ),
        (
            MissingSubcommand {
                name: "framework".into(),
                valid: v(&["save", "help"]),
            },
            vec!["'framework'", "save, help"],
        ),
        (
            UsedTwice {
                arg: "--json".into(),
            },
            vec!["'--json'"],
        ),
        (
            Conflict {
                arg: "--json".into(),
                with: v(&["--quiet", "--all"]),
            },
            vec!["'--json'", "'--quiet', '--all'"],
        ),
        (NoEquals { arg: "--x".into() }, vec!["'--x'"]),
        (
            TooManyValues {
                arg: a(),
                value: "b".into(),
            },
            vec!["'--format <FORMAT>'", "'b'"],
        ),
        (
            TooFewValues {
                arg: a(),
                min: 3,
                actual: 1,
            },
            vec!["'--format <FORMAT>'", "3", "1"],
        ),
        (
            WrongNumberOfValues {
                arg: a(),
                expected: 2,
                actual: 5,
            },
            vec!["'--format <FORMAT>'", "2", "5"],
        ),
        (NotUtf8, vec![]),
        (
            Other {
                detail: "something new".into(),
            },
            vec!["something new"],
        ),
    ]
}

fn ordinal(p: &UsageProblem) -> usize {
    use UsageProblem::*;
    match p {
        UnknownArgument { .. } => 0,
        UnknownSubcommand { .. } => 1,
        InvalidValue { .. } => 2,
        MissingValue { .. } => 3,
        BadValue { .. } => 4,
        MissingArguments { .. } => 5,
        MissingSubcommand { .. } => 6,
        UsedTwice { .. } => 7,
        Conflict { .. } => 8,
        NoEquals { .. } => 9,
        TooManyValues { .. } => 10,
        TooFewValues { .. } => 11,
        WrongNumberOfValues { .. } => 12,
        NotUtf8 => 13,
        Other { .. } => 14,
    }
}

#[test]
fn every_command_line_error_in_both_languages_with_its_names() {
    let all = every_problem();
    let mut seen: Vec<usize> = all.iter().map(|(p, _)| ordinal(p)).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, (0..=14).collect::<Vec<_>>());
    let tips = vec![
        UsageTip::SimilarArgument("--all".into()),
        UsageTip::SimilarSubcommand("check".into()),
        UsageTip::SimilarValue("csv".into()),
        UsageTip::AfterDashes("-x".into()),
    ];
    for (problem, figures) in all {
        let is_detail = matches!(
            problem,
            UsageProblem::BadValue { .. } | UsageProblem::Other { .. }
        );
        let e = UsageError {
            problem,
            tips: tips.clone(),
            usage: Some("jixiao check <FILES>...".into()),
        };
        let zh = usage_error(&e, Lang::Zh);
        let en = usage_error(&e, Lang::En);
        for f in figures {
            assert!(zh.contains(f), "zh lacks {f}: {zh}");
            assert!(en.contains(f), "en lacks {f}: {en}");
        }
        for t in [
            "'--all'",
            "'check'",
            "'csv'",
            "'-- -x'",
            "jixiao check <FILES>...",
        ] {
            assert!(zh.contains(t) && en.contains(t), "{t}: {zh} / {en}");
        }
        assert!(zh.starts_with("错误：") && zh.contains("用法："), "{zh}");
        assert!(en.starts_with("error: ") && en.contains("Usage: "), "{en}");
        // Outside the value parser's own detail, every line reads as its language.
        for line in zh.lines().filter(|l| l.contains('：')) {
            assert!(has_cjk(line), "{line}");
            if !is_detail {
                assert!(!reads_english(line), "not Chinese: {line}");
            }
        }
        assert!(!has_cjk(&en), "not English: {en}");
    }
}

#[test]
fn english_reads_as_clap_writes_it() {
    let e = UsageError {
        problem: UsageProblem::UnknownArgument {
            arg: "--bogus".into(),
        },
        tips: vec![UsageTip::SimilarArgument("--ambiguous-width".into())],
        usage: Some("jixiao check --ambiguous-width <1|2> <FILES>...".into()),
    };
    assert_eq!(
        usage_error(&e, Lang::En),
        "error: unexpected argument '--bogus' found\n\n  tip: a similar argument exists: '--ambiguous-width'\n\nUsage: jixiao check --ambiguous-width <1|2> <FILES>...\n\nFor more information, try '--help'.\n"
    );
}
