//! Every message exists in both languages with every figure filled in, and each language
//! reads as that language.

use rust_decimal::Decimal;

use super::{Lang, diagnostic::message, score_error};
use crate::diagnostic::{Basis, Kind, Named, RuleName};
use crate::scoring::{Expected, ScoreError};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn at() -> Named {
    Named {
        code: "X9".into(),
        name: "Name".into(),
    }
}

const RULE: RuleName = RuleName {
    id: "judgement",
    label: "酌情评分",
};

/// One of each kind, with its figures (the same figures appear in the messages).
fn every_kind() -> Vec<(Kind, Vec<&'static str>)> {
    use Kind::*;
    let c = || "X9".to_string();
    vec![
        (
            ParentMissing {
                code: c(),
                parent: "P7".into(),
            },
            vec!["X9", "P7"],
        ),
        (
            ParentCycle {
                code: c(),
                parent: "P7".into(),
            },
            vec!["X9", "P7"],
        ),
        (
            NegativeWeight {
                code: c(),
                weight: d("-3.5"),
            },
            vec!["-3.5"],
        ),
        (
            WeightsDontAdd {
                at: at(),
                weight: d("12.5"),
                sum: d("11.25"),
                parts: vec![("A1".into(), d("6.25")), ("A2".into(), d("5"))],
            },
            vec!["X9 Name", "12.5", "11.25", "A1 6.25 + A2 5"],
        ),
        (ScoreOnParent { code: c() }, vec!["X9"]),
        (
            StatedScore {
                at: at(),
                stated: d("23.88"),
                basis: Basis::Children,
                computed: d("22.38"),
            },
            vec!["X9 Name", "23.88", "22.38"],
        ),
        (
            StatedScore {
                at: at(),
                stated: d("3.5"),
                basis: Basis::Rule,
                computed: d("2.50"),
            },
            vec!["3.5", "2.50"],
        ),
        (
            StatedScore {
                at: at(),
                stated: d("1"),
                basis: Basis::Awarded,
                computed: d("1.50"),
            },
            vec!["X9 Name", "1", "1.50"],
        ),
        (
            StatedScore {
                at: at(),
                stated: d("2"),
                basis: Basis::Unscorable,
                computed: d("0.00"),
            },
            vec!["X9 Name", "2", "0.00"],
        ),
        (
            StatedScore {
                at: at(),
                stated: d("2"),
                basis: Basis::Pending,
                computed: d("0.00"),
            },
            vec!["X9 Name", "2"],
        ),
        (
            AdjustmentOutOfRange {
                code: "F1".into(),
                name: "创新".into(),
                stated: true,
                points: d("4"),
                min: Some(d("1")),
                max: Some(d("3")),
            },
            vec!["F1 创新", "4", "3"],
        ),
        (
            AdjustmentOutOfRange {
                code: "F1".into(),
                name: "创新".into(),
                stated: false,
                points: d("0.5"),
                min: Some(d("1")),
                max: None,
            },
            vec!["F1 创新", "0.5", "1"],
        ),
        (
            AdjustmentOutOfRange {
                code: "F1".into(),
                name: "创新".into(),
                stated: true,
                points: d("6"),
                min: None,
                max: Some(d("5")),
            },
            vec!["F1 创新", "6", "5"],
        ),
        (
            AdjustmentStated {
                code: "F2".into(),
                name: "表彰".into(),
                stated: d("2"),
                by_rule: true,
                counted: d("3"),
            },
            vec!["F2 表彰", "2", "3"],
        ),
        (
            AdjustmentStated {
                code: "F2".into(),
                name: "表彰".into(),
                stated: d("2"),
                by_rule: false,
                counted: d("1.5"),
            },
            vec!["F2 表彰", "2", "1.5"],
        ),
        (
            StatedFigure {
                at: at(),
                figure: crate::model::StatedFigure::Score,
                stated: d("23.88"),
                source: "表3".into(),
                basis: Basis::Children,
                computed: d("22.38"),
            },
            vec!["X9 Name", "表3", "23.88", "22.38"],
        ),
        (
            StatedFigure {
                at: at(),
                figure: crate::model::StatedFigure::Weight,
                stated: d("21"),
                source: String::new(),
                basis: Basis::Children,
                computed: d("20"),
            },
            vec!["X9 Name", "21", "20"],
        ),
        (
            StatedFigure {
                at: at(),
                figure: crate::model::StatedFigure::Weight,
                stated: d("4"),
                source: "正文".into(),
                basis: Basis::Weight,
                computed: d("5"),
            },
            vec!["X9 Name", "正文", "4", "5"],
        ),
        (
            RootWeights {
                sum: d("95"),
                parts: vec![("A".into(), d("45")), ("B".into(), d("50"))],
                total: d("100"),
            },
            vec!["95", "A 45 + B 50", "100"],
        ),
        (AllNotApplicable { total: d("0.00") }, vec!["0.00"]),
        (NoGrades, vec!["[[grades]]"]),
        (
            StatedTotal {
                stated: d("91.5"),
                computed: d("90.25"),
            },
            vec!["91.5", "90.25"],
        ),
        (
            UnknownStatedGrade {
                grade: "Good".into(),
            },
            vec!["Good"],
        ),
        (
            StatedGrade {
                grade: "Good".into(),
                total: d("77.00"),
                actual: Some("Fair".into()),
            },
            vec!["Good", "77.00", "Fair"],
        ),
        (
            AdjustmentNegative {
                code: "F1".into(),
                points: d("-2"),
            },
            vec!["F1", "-2"],
        ),
        (
            AdjustmentNoReason {
                code: "F1".into(),
                name: "Bonus".into(),
            },
            vec!["F1", "Bonus"],
        ),
        (
            UnresolvedConflict {
                what: "B101 x".into(),
                ours: "3".into(),
                theirs: "4".into(),
            },
            vec!["B101 x", "3", "4"],
        ),
        (NaNoReason { code: c() }, vec!["X9"]),
        (UnscorableNoReason { code: c() }, vec!["X9"]),
        (
            ScoreOutOfRange {
                code: c(),
                score: d("7"),
                weight: d("5"),
            },
            vec!["7", "5"],
        ),
        (
            NegativeDeduction {
                code: c(),
                points: d("-0.5"),
            },
            vec!["-0.5"],
        ),
        (
            NegativeCount {
                code: c(),
                count: d("-2"),
            },
            vec!["-2"],
        ),
        (DeductionNoReason { code: c() }, vec!["X9"]),
        (
            SurveyShadowed {
                code: c(),
                name: "满意度".into(),
                input: "94.5".into(),
            },
            vec!["X9", "满意度", "94.5"],
        ),
        (
            UnknownEvidence {
                code: c(),
                title: "Doc".into(),
            },
            vec!["Doc"],
        ),
        (
            DeductionsOverWeight {
                code: c(),
                sum: d("6"),
                weight: d("5"),
            },
            vec!["6", "5"],
        ),
        (
            DeductionsDontExplain {
                code: c(),
                explained: d("1"),
                lost: d("2.5"),
                rule: RULE,
            },
            vec!["2.5"],
        ),
        (
            CriteriaCount {
                code: c(),
                points: 3,
                criteria: 4,
            },
            vec!["3", "4"],
        ),
        (
            ChecksCount {
                code: c(),
                checks: 2,
                points: 3,
            },
            vec!["2", "3"],
        ),
        (
            Incomplete {
                at: at(),
                missing: vec!["In1".into(), "In2".into()],
            },
            vec!["In1", "In2"],
        ),
        (
            Rule {
                at: at(),
                error: ScoreError::ZeroDenominator {
                    name: "Den".into(),
                    year: None,
                },
            },
            vec!["X9 Name", "Den"],
        ),
        (
            RuleMaxBelowWeight {
                code: c(),
                max: d("3"),
                weight: d("4"),
            },
            vec!["3", "4"],
        ),
        (
            RuleMaxAboveWeight {
                code: c(),
                max: d("6"),
                weight: d("4"),
            },
            vec!["6", "4"],
        ),
        (
            AwardedDiffers {
                at: at(),
                awarded: d("2.32"),
                computed: d("2.33"),
                above: Some(d("2.4")),
            },
            vec!["2.32", "2.33", "2.4"],
        ),
        (
            LossUnexplained {
                at: at(),
                lost: d("1.50"),
            },
            vec!["1.50"],
        ),
        (
            AwardedUnchecked {
                at: at(),
                awarded: d("2.50"),
                missing: vec!["In1".into()],
            },
            vec!["2.50", "In1"],
        ),
        (
            StatedRate {
                code: c(),
                stated: d("93"),
                computed: d("92.98"),
            },
            vec!["93%", "92.98%"],
        ),
        (
            StatedRateUnchecked {
                code: c(),
                rule: RULE,
            },
            vec!["X9"],
        ),
        (
            JustificationScore {
                at: at(),
                stated: d("3"),
                score: d("2.67"),
            },
            vec!["3", "2.67"],
        ),
        (
            JustificationRate {
                at: at(),
                stated: d("70"),
                rate: d("66.75"),
            },
            vec!["70%", "66.75%"],
        ),
    ]
}

/// A distinct number per kind: a new kind fails to compile here until it is given a sample.
fn ordinal(k: &Kind) -> usize {
    use Kind::*;
    match k {
        // The loader's words; `Syntax` is enumerated variant by variant in syntax_tests.
        Format { .. } | Syntax { .. } => 0,
        ParentMissing { .. } => 1,
        ParentCycle { .. } => 2,
        NegativeWeight { .. } => 3,
        WeightsDontAdd { .. } => 4,
        ScoreOnParent { .. } => 5,
        StatedScore { .. } => 6,
        StatedFigure { .. } => 38,
        AdjustmentOutOfRange { .. } => 39,
        AdjustmentStated { .. } => 40,
        RootWeights { .. } => 7,
        AllNotApplicable { .. } => 8,
        NoGrades => 9,
        StatedTotal { .. } => 10,
        UnknownStatedGrade { .. } => 11,
        StatedGrade { .. } => 12,
        AdjustmentNegative { .. } => 13,
        AdjustmentNoReason { .. } => 14,
        UnresolvedConflict { .. } => 15,
        NaNoReason { .. } => 16,
        UnscorableNoReason { .. } => 17,
        ScoreOutOfRange { .. } => 18,
        NegativeDeduction { .. } => 19,
        NegativeCount { .. } => 20,
        DeductionNoReason { .. } => 21,
        UnknownEvidence { .. } => 22,
        DeductionsOverWeight { .. } => 23,
        DeductionsDontExplain { .. } => 24,
        CriteriaCount { .. } => 25,
        ChecksCount { .. } => 26,
        Incomplete { .. } => 27,
        Rule { .. } => 28,
        RuleMaxBelowWeight { .. } => 29,
        RuleMaxAboveWeight { .. } => 30,
        AwardedDiffers { .. } => 31,
        LossUnexplained { .. } => 32,
        StatedRate { .. } => 33,
        StatedRateUnchecked { .. } => 34,
        JustificationScore { .. } => 35,
        JustificationRate { .. } => 36,
        AwardedUnchecked { .. } => 37,
        SurveyShadowed { .. } => 41,
    }
}

pub(crate) fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Words only an English sentence has.
pub(crate) fn reads_english(s: &str) -> bool {
    [
        " the ", " but ", " is ", "expected", " are ", " no ", " not ", " of ",
    ]
    .iter()
    .any(|w| s.contains(w))
}

#[test]
fn every_diagnostic_in_both_languages_with_its_figures() {
    let all = every_kind();
    let mut seen: Vec<usize> = all.iter().map(|(k, _)| ordinal(k)).collect();
    seen.sort();
    seen.dedup();
    // Every kind but `Format` (the loader's own words) has a sample.
    assert_eq!(seen, (1..=41).collect::<Vec<_>>());
    for (kind, figures) in &all {
        let zh = message(kind, Lang::Zh);
        let en = message(kind, Lang::En);
        for f in figures {
            assert!(zh.contains(f), "zh {kind:?} lacks {f}: {zh}");
            assert!(en.contains(f), "en {kind:?} lacks {f}: {en}");
        }
        assert!(has_cjk(&zh) && !reads_english(&zh), "not Chinese: {zh}");
        assert!(reads_english(&en) || !has_cjk(&en), "not English: {en}");
        assert!(
            !en.contains('：') && !en.contains('，'),
            "Chinese punctuation: {en}"
        );
        assert!(
            !zh.contains('{') && !en.contains('{'),
            "unfilled slot: {zh} / {en}"
        );
    }
}

fn every_score_error() -> Vec<(ScoreError, Vec<&'static str>)> {
    use ScoreError::*;
    let n = || "In1".to_string();
    vec![
        (
            InputNotRecorded {
                name: n(),
                expected: Expected::Number,
            },
            vec!["In1"],
        ),
        (
            InputNotRecorded {
                name: n(),
                expected: Expected::Flag,
            },
            vec!["In1"],
        ),
        (
            InputIsDate {
                name: n(),
                expected: Expected::Number,
            },
            vec!["In1"],
        ),
        (
            InputIsDate {
                name: n(),
                expected: Expected::Flag,
            },
            vec!["In1"],
        ),
        (
            ZeroDenominator {
                name: n(),
                year: None,
            },
            vec!["In1"],
        ),
        (
            ZeroDenominator {
                name: n(),
                year: Some("2021".into()),
            },
            vec!["In1", "2021"],
        ),
        (
            YearMissing {
                input: n(),
                other: "In2".into(),
                year: "2021".into(),
            },
            vec!["In1", "In2", "2021"],
        ),
        (TooLarge, vec![]),
        (NoJudgedScore, vec!["score"]),
        (
            JudgedOutOfRange {
                score: d("5"),
                min: d("1"),
                max: d("3"),
            },
            vec!["5", "1–3"],
        ),
        (NoTier, vec!["tier"]),
        (
            UnknownTier {
                tier: "T9".into(),
                levels: vec!["L1".into(), "L2".into()],
            },
            vec!["T9", "L1", "L2"],
        ),
        (CountWithoutPerItem, vec!["count"]),
        (NegativeDeduction { points: d("-0.5") }, vec!["-0.5"]),
        (UndeclaredGroup { name: "G1".into() }, vec!["G1"]),
        (RateNeedsPercent { unit: "km".into() }, vec!["km"]),
        (ZeroScale, vec![]),
        (ZeroThreshold, vec![]),
        (PerPointWithoutDeduct, vec!["deduct"]),
        (LinearBoundsEqual, vec!["full_at"]),
        (TargetKindMismatch { name: n() }, vec!["In1"]),
        (ProportionalNeedsNumbers, vec![]),
        (
            FormulaSyntax {
                error: crate::scoring::formula::FormulaError::UnexpectedChar { found: '$', at: 3 },
            },
            vec!["$", "3"],
        ),
        (DivisionByZero, vec![]),
        (FormulaTooLarge, vec![]),
        (
            BadPlaces {
                function: "round".into(),
                places: d("11"),
            },
            vec!["round()", "11"],
        ),
        (
            NoArguments {
                function: "min".into(),
            },
            vec!["min()"],
        ),
        (UnknownFunction { name: "f1".into() }, vec!["f1"]),
        (
            SurveyNoQuestions {
                survey: "S1".into(),
            },
            vec!["S1"],
        ),
        (
            SurveyCounts {
                survey: "S1".into(),
                question: 2,
                counts: 3,
                options: 4,
            },
            vec!["S1", "2", "3", "4"],
        ),
        (
            SurveyNoRespondents {
                survey: "S1".into(),
                question: 2,
            },
            vec!["S1", "2"],
        ),
        (
            SurveyWeights {
                survey: "S1".into(),
                total: d("0"),
            },
            vec!["S1", "0"],
        ),
        (SurveyTooLarge, vec![]),
        (
            CheckIsMetOrNot {
                number: 1,
                value: d("2"),
            },
            vec!["1", "2"],
        ),
        (
            CheckCountNotWhole {
                number: 2,
                value: d("1.5"),
            },
            vec!["2", "1.5"],
        ),
        (
            CheckAwardOutOfRange {
                number: 3,
                value: d("1.5"),
                max: d("1"),
            },
            vec!["3", "1.5", "1"],
        ),
    ]
}

#[test]
fn every_scoring_error_in_both_languages_with_its_names() {
    for (e, names) in every_score_error() {
        let zh = score_error(&e, Lang::Zh);
        let en = score_error(&e, Lang::En);
        assert_ne!(zh, en);
        for n in names {
            assert!(zh.contains(n) && en.contains(n), "{n}: {zh} / {en}");
        }
        assert!(has_cjk(&zh), "not Chinese: {zh}");
        assert!(!has_cjk(&en), "not English: {en}");
    }
}

#[test]
fn an_edit_is_named_in_the_ui_language() {
    use crate::edit::Edit;
    let e = Edit::SetScore {
        code: "A101".into(),
        score: Some(d("2")),
    };
    assert_eq!(super::edit_label(&e, Lang::En), "A101: score 2");
    assert_eq!(super::edit_label(&e, Lang::Zh), "A101: 得分 2");
    // A questionnaire count is named by its option when the project is at hand.
    let p = crate::store::parse_project(include_str!("../../tests/projects/survey-years.toml"))
        .unwrap()
        .project;
    let e = crate::edit::Edit::SetSurveyCount {
        code: "C2".into(),
        survey: "满意度".into(),
        question: 0,
        option: 1,
        count: rust_decimal::Decimal::from(41),
    };
    assert_eq!(
        super::edit_label_in(&e, Lang::Zh, &p),
        "C2: 问卷“满意度”第1题“满意” 41 人"
    );
    assert_eq!(
        super::edit_label_in(&e, Lang::En, &p),
        "C2: questionnaire 满意度 question 1 \"满意\": 41"
    );
}
