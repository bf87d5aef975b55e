//! Every loader finding exists in both languages with its path and what was written.

use super::Lang;
use super::message_tests::{has_cjk, reads_english};
use super::syntax::message;
use crate::diagnostic::{ConfigProblem, ConflictExpects, RuleNeed, RuleProblem, Syntax, Written};

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
        (
            UnknownChoice {
                key: "rounding".into(),
                value: "up".into(),
                choices: vec!["half_up".into(), "truncate".into(), "ceil".into()],
            },
            vec!["rounding", "up", "half_up", "truncate", "ceil"],
        ),
        (
            PlacesOutOfRange {
                path: p(),
                value: d("7"),
            },
            vec!["indicators.A101.weight", "7", "6"],
        ),
        (
            TableExpected {
                path: t(),
                example: Some("{ 预算资金 = 540 }".into()),
            },
            vec!["indicators.A101", "{ 预算资金 = 540 }"],
        ),
        (
            TableExpected {
                path: t(),
                example: None,
            },
            vec!["indicators.A101"],
        ),
        (FundsNotTable, vec!["project.funds"]),
        (InputValue { path: p() }, vec!["indicators.A101.weight"]),
        (DeductionNoAmount { path: p() }, vec!["points = 0.5"]),
        (
            ChecksBelowZero {
                path: p(),
                value: d("-1"),
            },
            vec!["-1"],
        ),
        (
            ChecksEntry {
                path: p(),
                found: Written::Text("\"x\"".into()),
            },
            vec!["checks = [true, false, true]", "\"x\""],
        ),
        (ChecksNotList { path: p() }, vec!["[true, false, true]"]),
        (
            DateQuoted {
                path: p(),
                text: "2022-06-30".into(),
            },
            vec!["2022-06-30"],
        ),
        (
            BadDate {
                path: p(),
                text: "2022-02-30".into(),
                error: crate::model::date::DateError::Day {
                    year: 2022,
                    month: 2,
                    days: 28,
                },
            },
            vec!["2022-02-30", "28"],
        ),
        (
            NotMergeable {
                path: t(),
                key: "colour".into(),
            },
            vec!["colour", "`item`", "`path`"],
        ),
        (
            ConflictValue {
                path: p(),
                expected: ConflictExpects::Checks,
            },
            vec!["true/false"],
        ),
        (
            ConflictValue {
                path: p(),
                expected: ConflictExpects::Text,
            },
            vec!["indicators.A101.weight"],
        ),
        (
            ConflictValue {
                path: p(),
                expected: ConflictExpects::Status,
            },
            vec!["已复核"],
        ),
        (
            ConflictValue {
                path: p(),
                expected: ConflictExpects::Table("{ title = \"…\" }"),
            },
            vec!["{ title = \"…\" }"],
        ),
        (YearNotNumber { path: p() }, vec!["indicators.A101.weight"]),
        (NoYears { path: p() }, vec!["2019 = 500"]),
        (SurveyNoOptions { path: p() }, vec!["options = ["]),
        (WeightedNeedsWeight { path: p() }, vec!["`weight`"]),
        (
            CountsMismatch {
                path: p(),
                counts: 3,
                options: 4,
            },
            vec!["3", "4"],
        ),
        (SurveyNoQuestions { path: p() }, vec!["counts = […]"]),
        (NoCounts { path: p() }, vec!["counts = [150, 40, 7, 3]"]),
        (
            NegativeTally {
                path: p(),
                value: d("-2"),
            },
            vec!["-2"],
        ),
        (
            Rule(RuleProblem::ThresholdBoth),
            vec!["at_least", "at_most"],
        ),
        (
            StatedEntry {
                path: p(),
                found: Some(Written::Number("3".into())),
            },
            vec!["score = …", "3"],
        ),
        (StatedOneFigure { path: p() }, vec!["`source`"]),
        (CapAndMax { path: t() }, vec!["`cap`", "`max`"]),
        (
            Config(ConfigProblem::UnknownKey {
                key: "font".into(),
                allowed: "lang, ascii".into(),
            }),
            vec!["font", "lang, ascii"],
        ),
    ]
}

fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
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
        UnknownChoice { .. } => 18,
        PlacesOutOfRange { .. } => 19,
        TableExpected { .. } => 20,
        FundsNotTable => 21,
        InputValue { .. } => 22,
        DeductionNoAmount { .. } => 23,
        ChecksBelowZero { .. } => 24,
        ChecksEntry { .. } => 25,
        ChecksNotList { .. } => 26,
        DateQuoted { .. } => 27,
        BadDate { .. } => 28,
        NotMergeable { .. } => 29,
        ConflictValue { .. } => 30,
        YearNotNumber { .. } => 31,
        NoYears { .. } => 32,
        SurveyNoOptions { .. } => 33,
        WeightedNeedsWeight { .. } => 34,
        CountsMismatch { .. } => 35,
        SurveyNoQuestions { .. } => 36,
        NoCounts { .. } => 37,
        NegativeTally { .. } => 38,
        Rule(_) => 39,
        Config(_) => 40,
        StatedEntry { .. } => 41,
        StatedOneFigure { .. } => 42,
        CapAndMax { .. } => 43,
    }
}

#[test]
fn every_config_problem_in_both_languages() {
    use ConfigProblem::*;
    let all = [
        NotToml {
            detail: "unclosed table".into(),
        },
        Lang,
        Ascii,
        AmbiguousWidth,
        Reviewer,
        ExportNotTable,
        UnknownKey {
            key: "font".into(),
            allowed: "lang, ascii".into(),
        },
        ExportFlag {
            key: "code_prefix".into(),
        },
        Template,
        CriteriaHeader,
        Unreadable {
            detail: "Is a directory".into(),
        },
    ];
    for p in all {
        // One sample per problem: a new one fails to compile here until it has one.
        match &p {
            NotToml { .. } | Lang | Ascii | AmbiguousWidth | Reviewer | ExportNotTable => {}
            UnknownKey { .. } | ExportFlag { .. } | Template | CriteriaHeader => {}
            Unreadable { .. } => {}
        }
        let zh = super::syntax_rule::config(&p, super::Lang::Zh);
        let en = super::syntax_rule::config(&p, super::Lang::En);
        assert!(has_cjk(&zh), "not Chinese: {zh}");
        if !matches!(p, NotToml { .. } | Unreadable { .. }) {
            assert!(!reads_english(&zh), "not Chinese: {zh}");
        }
        let en_words = en.replace("张三", "").replace("指标说明", "");
        assert!(!has_cjk(&en_words), "not English: {en}");
    }
}

fn every_rule_problem() -> Vec<(RuleProblem, Vec<&'static str>)> {
    use RuleProblem::*;
    let p = || "indicators.A101.rule".to_string();
    let k = || "rate".to_string();
    let needs = [
        RuleNeed::InputName {
            key: "value".into(),
        },
        RuleNeed::Number {
            key: "threshold".into(),
        },
        RuleNeed::RatioNames,
        RuleNeed::Measure,
        RuleNeed::CheckpointPoints,
        RuleNeed::Levels,
        RuleNeed::ThresholdBound,
        RuleNeed::Bands,
        RuleNeed::PerPointDeduct,
        RuleNeed::Target,
        RuleNeed::BranchPart { key: "then".into() },
    ];
    let mut all = vec![
        (
            NotAShare {
                path: p(),
                text: "x".into(),
            },
            vec!["indicators.A101.rule", "x", "\"1/3\""],
        ),
        (
            NoKind { path: p() },
            vec!["indicators.A101.rule", "per_point"],
        ),
        (
            UnknownKind {
                kind: "magic".into(),
            },
            vec!["magic", "branch"],
        ),
        (
            TwoNames {
                key: "growth".into(),
            },
            vec!["growth"],
        ),
        (ThresholdBoth, vec!["at_least"]),
        (ThresholdOtherwise { path: p() }, vec!["\"rate\""]),
        (
            StepNotPositive {
                path: p(),
                value: d("-5"),
            },
            vec!["-5"],
        ),
        (
            ToleranceNegative {
                path: p(),
                value: d("-1"),
            },
            vec!["-1"],
        ),
        (
            Formula {
                formula: "a +".into(),
                detail: "unexpected end".into(),
            },
            vec!["a +", "unexpected end"],
        ),
        (
            MaxNegative {
                path: p(),
                value: d("-3"),
            },
            vec!["-3"],
        ),
        (
            UnknownYears {
                value: "all".into(),
            },
            vec!["all", "sum", "mean"],
        ),
        (
            UnknownOrigin {
                value: "hand".into(),
            },
            vec!["hand", "text"],
        ),
        (CheckpointBothCredits { path: p() }, vec!["partial = true"]),
        (
            PerItemNotPositive { path: p() },
            vec!["indicators.A101.rule"],
        ),
        (NotATable { path: p() }, vec!["kind = \"rate\""]),
    ];
    for n in needs {
        all.push((Needs { kind: k(), need: n }, vec!["\"rate\""]));
    }
    all
}

#[test]
fn every_rule_problem_in_both_languages_with_its_figures() {
    for (problem, figures) in every_rule_problem() {
        let zh = super::syntax_rule::message(&problem, Lang::Zh);
        let en = super::syntax_rule::message(&problem, Lang::En);
        for f in figures {
            assert!(zh.contains(f), "zh {problem:?} lacks {f}: {zh}");
            assert!(en.contains(f), "en {problem:?} lacks {f}: {en}");
        }
        if !matches!(problem, RuleProblem::Formula { .. }) {
            assert!(!reads_english(&zh), "not Chinese: {zh}");
        }
        assert!(has_cjk(&zh), "not Chinese: {zh}");
        // 本年/上年 are the example's input names, 评分标准 the report's column.
        let en_words = en
            .replace("本年", "")
            .replace("上年", "")
            .replace("评分标准", "");
        assert!(!has_cjk(&en_words), "not English: {en}");
    }
}

#[test]
fn every_loader_finding_in_both_languages_with_its_figures() {
    let all = every_problem();
    let mut seen: Vec<usize> = all.iter().map(|(s, _)| ordinal(s)).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, (0..=43).collect::<Vec<_>>());
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
        // Input names and statuses in examples are the file's own words.
        let en_words = ["预算资金", "满意", "未评", "已评", "已复核"]
            .iter()
            .fold(en.clone(), |e, w| e.replace(w, ""));
        assert!(!has_cjk(&en_words), "not English: {en}");
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
