//! Every edit refusal exists in both languages with its figures filled in.

use rust_decimal::Decimal;

use super::Lang;
use super::message_tests::{has_cjk, reads_english};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A `{name}` left as written: a placeholder nobody filled (an inline table `{ kind = … }` in an
/// example is not one).
fn has_slot(s: &str) -> bool {
    s.split('{').skip(1).any(|rest| {
        rest.split_once('}').is_some_and(|(inside, _)| {
            !inside.is_empty() && inside.chars().all(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

fn every_refusal() -> Vec<crate::edit::EditError> {
    use crate::edit::{EditError::*, Thing};
    let s = |t: &str| t.to_string();
    vec![
        NoIndicator { code: s("X9") },
        IsParent { code: s("X9") },
        Negative {
            what: Thing::Score,
            weight: d("3"),
        },
        AboveWeight {
            what: Thing::Deduction,
            points: d("4"),
            weight: d("3"),
        },
        NoItem {
            what: Thing::Evidence,
            number: 2,
        },
        NoAdjustment { code: s("F1") },
        AdjustmentSigned,
        AboveCap {
            points: d("6"),
            cap: d("5"),
        },
        JudgedRange {
            min: d("1"),
            max: d("3"),
        },
        InputNeedsName,
        NumberTooLarge,
        BadDate {
            name: s("In1"),
            text: s("2022-02-30"),
            error: crate::model::date::DateError::Day {
                year: 2022,
                month: 2,
                days: 28,
            },
        },
        DeductionNeedsPoints,
        DeductionNeedsReason,
        NegativeCount,
        ChecksCount { checkpoints: 3 },
        NotALevel {
            tier: s("T9"),
            levels: vec![s("L1"), s("L2")],
        },
        NotLevels { code: s("X9") },
        NaNeedsReason,
        UnscorableNeedsReason,
        EvidenceNeedsTitle,
        NotKeyValue {
            assignment: s("abc"),
        },
        NotANumber {
            what: s("score"),
            text: s("abc"),
        },
        BadStatus { text: s("abc") },
        CannotReadFile {
            path: s("f.txt"),
            error: s("gone"),
            refusal: None,
        },
        CannotReadFile {
            path: s("f.txt"),
            error: s("too large"),
            refusal: Some(Box::new(crate::store::reading::ReadRefusal::TooLarge {
                what: crate::store::reading::Reading::Justification,
                limit: 1 << 20,
                size: Some(2 << 20),
            })),
        },
        BadCheck { text: s("abc") },
        BadInputValue {
            name: s("In1"),
            text: s("abc"),
        },
        UnknownField { field: s("abc") },
        ValueDoesNotFit {
            key: s("score"),
            label: s("得分"),
        },
        EditByHand {
            path: s("indicators.A.weight"),
        },
        NoConflict { number: 2 },
        ConflictOfOther {
            number: 2,
            about: s("A1"),
            code: s("B1"),
        },
        NotStructural,
        StructuralNeedsToml,
        TheirsNotToml {
            path: s("a.b"),
            text: s("[1,"),
        },
        CannotSet { path: s("a.b") },
        TheirsUnreadable {
            path: s("a.b"),
            error: s("bad"),
        },
        TreeOnProject,
        CodeNeeded,
        BadCode { code: s("A 1") },
        CodeTaken { code: s("A1") },
        NegativeWeight { weight: d("-2") },
        WeightTooLarge { max: d("1000000") },
        NameNeeded,
        NameOneLine,
        ParentInside { parent: s("A1") },
        ParentHasRecords { parent: s("A101") },
        ConflictBeforeRemove {
            conflicted: s("A101"),
            code: s("A1"),
        },
        ConflictBeforeRecode { code: s("A101") },
        ScoreAboveNewWeight {
            code: s("A101"),
            score: d("2.5"),
        },
        RuleNotKeyValue { text: s("rate") },
        RuleNotTable { text: s("rate") },
        NotRuleParameter { key: s("rule.a.b") },
        BadRule {
            problem: Box::new(crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Severity::Error,
                None,
                crate::diagnostic::Subject::File,
                crate::diagnostic::Kind::NoGrades,
            )),
        },
        WouldBreakFile {
            problem: Box::new(crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Severity::Error,
                None,
                crate::diagnostic::Subject::File,
                crate::diagnostic::Kind::NoGrades,
            )),
        },
        NotIndicatorTables,
        NotIndicatorTable { code: s("A1") },
        RemovedUnreadable,
        CodeReused { code: s("A1") },
        NoFrameworkTable,
        NotTreeEdit,
        BadTotal { value: s("-1") },
        BadRounding { value: s("up") },
        BadNaPolicy { value: s("drop") },
        BadPlaces {
            key: crate::edit::PolicyKey::Places,
            value: s("9"),
            max: 6,
        },
        NotABand { part: s("优") },
        BandMinNotNumber {
            name: s("优"),
            min: s("x"),
        },
        NoBands,
        BandNeedsName,
        BandsRepeat {
            first: s("优"),
            second: s("良"),
        },
        LowestBandNotZero,
        CheckpointMetOrNot {
            number: 1,
            value: d("2"),
        },
        CheckpointAbove {
            number: 2,
            value: d("3"),
            points: d("1"),
        },
        CheckpointWholeCount {
            number: 3,
            value: d("1.5"),
        },
        NoParentToAddUnder { parent: s("C9") },
        NotAChild {
            code: s("C2"),
            parent: Some("C1".into()),
            siblings: vec![s("C101"), s("C102")].into(),
        },
        NotAChild {
            code: s("C2"),
            parent: None,
            siblings: vec![s("A"), s("B")].into(),
        },
        NotASibling {
            code: s("C2"),
            siblings: vec![s("C101")].into(),
        },
        UpDownAmongSiblings,
        AlreadyFirst { code: s("C101") },
        AlreadyLast { code: s("C102") },
        MoveWhere,
        RenameWhat,
        WeightNotNumber { text: s("abc") },
        NoCriterion {
            text: s("4"),
            count: 3,
        },
        SettingNotKeyValue { text: s("total") },
        UnknownSetting { key: s("colour") },
        NotYearly { name: s("In1") },
        IsYearly { name: s("In1") },
        BadYear { text: s("abc") },
        NoSurvey {
            name: s("S1"),
            surveys: vec![],
        },
        NoSurvey {
            name: s("S1"),
            surveys: vec![s("S2")],
        },
        NoQuestion {
            survey: s("S1"),
            number: 3,
            questions: 2,
        },
        NoOption {
            survey: s("S1"),
            number: 5,
            options: vec![s("O1"), s("O2")],
        },
        SurveyCountsLen {
            survey: s("S1"),
            given: 3,
            options: vec![s("O1"), s("O2")],
        },
        SurveyIncomplete { name: s("S1") },
        NoOptionNamed {
            survey: s("S1"),
            text: s("O9"),
            options: vec![s("O1"), s("O2")],
        },
        WhichQuestion {
            survey: s("S1"),
            questions: 2,
        },
        FormNumber { text: s("abc") },
        FormChoice {
            words: vec![s("true"), s("false")],
            text: s("abc"),
        },
        FormShare { text: s("abc") },
        FormLevel { text: s("abc") },
        FormBand { text: s("abc") },
        FormCheckpoint { text: s("abc") },
    ]
}

/// A distinct number per refusal: a new one fails to compile here until it has a sample.
fn refusal_ordinal(e: &crate::edit::EditError) -> usize {
    use crate::edit::EditError::*;
    match e {
        NoIndicator { .. } => 0,
        IsParent { .. } => 1,
        Negative { .. } => 2,
        AboveWeight { .. } => 3,
        NoItem { .. } => 4,
        NoAdjustment { .. } => 5,
        AdjustmentSigned => 6,
        AboveCap { .. } => 7,
        JudgedRange { .. } => 8,
        InputNeedsName => 9,
        NumberTooLarge => 10,
        BadDate { .. } => 11,
        DeductionNeedsPoints => 12,
        DeductionNeedsReason => 13,
        NegativeCount => 14,
        ChecksCount { .. } => 15,
        NotALevel { .. } => 16,
        NotLevels { .. } => 17,
        NaNeedsReason => 18,
        UnscorableNeedsReason => 19,
        EvidenceNeedsTitle => 20,
        NotKeyValue { .. } => 21,
        NotANumber { .. } => 22,
        BadStatus { .. } => 23,
        CannotReadFile { .. } => 24,
        BadCheck { .. } => 25,
        BadInputValue { .. } => 26,
        UnknownField { .. } => 27,
        ValueDoesNotFit { .. } => 28,
        EditByHand { .. } => 29,
        NoConflict { .. } => 30,
        ConflictOfOther { .. } => 31,
        NotStructural => 32,
        StructuralNeedsToml => 33,
        TheirsNotToml { .. } => 34,
        CannotSet { .. } => 35,
        TheirsUnreadable { .. } => 36,
        TreeOnProject => 37,
        CodeNeeded => 38,
        BadCode { .. } => 39,
        CodeTaken { .. } => 40,
        NegativeWeight { .. } => 41,
        WeightTooLarge { .. } => 42,
        NameNeeded => 43,
        NameOneLine => 44,
        ParentInside { .. } => 45,
        ParentHasRecords { .. } => 46,
        ConflictBeforeRemove { .. } => 47,
        ConflictBeforeRecode { .. } => 48,
        ScoreAboveNewWeight { .. } => 49,
        RuleNotKeyValue { .. } => 50,
        RuleNotTable { .. } => 51,
        NotRuleParameter { .. } => 52,
        BadRule { .. } => 53,
        WouldBreakFile { .. } => 54,
        NotIndicatorTables => 55,
        NotIndicatorTable { .. } => 56,
        RemovedUnreadable => 57,
        CodeReused { .. } => 58,
        NoFrameworkTable => 59,
        NotTreeEdit => 60,
        BadTotal { .. } => 61,
        BadRounding { .. } => 62,
        BadNaPolicy { .. } => 63,
        BadPlaces { .. } => 64,
        NotABand { .. } => 65,
        BandMinNotNumber { .. } => 66,
        NoBands => 67,
        BandNeedsName => 68,
        BandsRepeat { .. } => 69,
        LowestBandNotZero => 70,
        CheckpointMetOrNot { .. } => 71,
        CheckpointAbove { .. } => 72,
        CheckpointWholeCount { .. } => 73,
        NoParentToAddUnder { .. } => 74,
        NotAChild { .. } => 75,
        NotASibling { .. } => 76,
        UpDownAmongSiblings => 77,
        AlreadyFirst { .. } => 78,
        AlreadyLast { .. } => 79,
        MoveWhere => 80,
        RenameWhat => 81,
        WeightNotNumber { .. } => 82,
        SettingNotKeyValue { .. } => 83,
        UnknownSetting { .. } => 84,
        NotYearly { .. } => 85,
        IsYearly { .. } => 86,
        BadYear { .. } => 87,
        NoSurvey { .. } => 88,
        NoQuestion { .. } => 89,
        NoOption { .. } => 90,
        SurveyCountsLen { .. } => 91,
        SurveyIncomplete { .. } => 92,
        NoOptionNamed { .. } => 93,
        WhichQuestion { .. } => 94,
        FormNumber { .. } => 95,
        FormChoice { .. } => 96,
        FormShare { .. } => 97,
        FormLevel { .. } => 98,
        FormBand { .. } => 99,
        FormCheckpoint { .. } => 100,
        NoCriterion { .. } => 101,
    }
}

#[test]
fn every_edit_refusal_in_both_languages() {
    let all = every_refusal();
    let mut seen: Vec<usize> = all.iter().map(refusal_ordinal).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, (0..=101).collect::<Vec<_>>());
    for e in &all {
        let zh = e.text(Lang::Zh);
        let en = e.text(Lang::En);
        assert_ne!(zh, en);
        assert!(has_cjk(&zh) && !reads_english(&zh), "not Chinese: {zh}");
        assert!(
            !en.contains('：') && !en.contains('，'),
            "not English: {en}"
        );
        assert!(
            !has_slot(&zh) && !has_slot(&en),
            "unfilled slot: {zh} / {en}"
        );
    }
}
