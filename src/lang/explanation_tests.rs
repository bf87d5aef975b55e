//! Every explanation step exists in Chinese and English with every figure filled in, and each
//! language reads as that language (the samples are in `explanation_samples.rs`).

use super::Lang;
use super::explanation_samples::{Reads, d, every_step};
use crate::model::InputValue;
use crate::scoring::explanation::{MeasureName, Step};

/// A distinct number per kind: a new kind fails to compile here until it is given a sample.
fn ordinal(s: &Step) -> usize {
    use Step::*;
    match s {
        RuleMax { .. } => 0,
        Veto { .. } => 1,
        Judgement { .. } => 2,
        CheckpointsRule => 3,
        LevelsRule { .. } => 4,
        RateRule { .. } => 5,
        ThresholdRule { .. } => 6,
        BandsRule { .. } => 7,
        ProportionalRule { .. } => 8,
        HybridRule { .. } => 9,
        PerPointRule(_) => 10,
        LinearRule { .. } => 11,
        TargetRule { .. } => 12,
        DeductionsRule { .. } => 13,
        FormulaRule { .. } => 14,
        Condition { .. } => 15,
        Input { .. } => 16,
        Ratio { .. } => 17,
        MeasureValue { .. } => 18,
        Expression { .. } => 19,
        MeasureRounded { .. } => 20,
        Yearly { .. } => 21,
        YearRatio { .. } => 22,
        MeanOfYearRatios { .. } => 23,
        SurveyHeader { .. } => 24,
        SurveyQuestion { .. } => 25,
        SurveyResult { .. } => 26,
        RateTimesWeight { .. } => 27,
        ShareOfLimit { .. } => 28,
        LinearCalc { .. } => 29,
        ThresholdResult { .. } => 30,
        PerPointLegacyCalc { .. } => 31,
        PerPointResult(_) => 32,
        LevelReached { .. } => 33,
        Checkpoint { .. } => 34,
        TargetReached { .. } => 35,
        FormulaCalc { .. } => 36,
        WeightMinusDeductions { .. } => 37,
        Total { .. } => 38,
        Deduction { .. } => 39,
        GroupCapped { .. } => 40,
        DeductionsExceedWeight => 41,
        VetoFound { .. } => 42,
        OutOfBounds { .. } => 43,
        OverRuleMax { .. } => 44,
        NotApplicable { .. } => 45,
        Unscorable { .. } => 46,
        Unscored { .. } => 47,
        AwardedDiffers { .. } => 48,
        AwardedWithoutInputs { .. } => 49,
        Incomplete { .. } => 50,
        AwardedDespiteError { .. } => 51,
        CannotCompute(_) => 52,
        RuleReconstructed => 53,
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_step_in_both_languages_with_its_figures() {
    let all = every_step();
    let mut seen: Vec<usize> = all.iter().map(|(s, _, _)| ordinal(s)).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        (0..54).collect::<Vec<_>>(),
        "a kind of step without a sample"
    );
    for (step, figures, reads) in &all {
        let zh = step.text(2, Lang::Zh);
        let en = step.text(2, Lang::En);
        for f in figures {
            assert!(zh.contains(f), "zh {step:?} lacks {f}: {zh}");
            assert!(en.contains(f), "en {step:?} lacks {f}: {en}");
        }
        assert!(!has_cjk(&en), "not English: {en}");
        assert!(
            !["：", "，", "；", "（", "）"]
                .iter()
                .any(|p| en.contains(p)),
            "Chinese punctuation: {en}"
        );
        match reads {
            Reads::Words => assert!(has_cjk(&zh), "not Chinese: {zh}"),
            Reads::Arithmetic => assert_eq!(zh, en, "arithmetic reads the same"),
        }
        assert!(
            !zh.contains('{') && !en.contains('{'),
            "unfilled slot: {zh} / {en}"
        );
    }
}

#[test]
fn a_ratio_and_its_score_read_in_each_language() {
    let rule = Step::RateRule {
        measure: MeasureName::Generic,
        capped: false,
    };
    assert_eq!(rule.text(2, Lang::Zh), "比率 × 分值");
    assert_eq!(rule.text(2, Lang::En), "rate × weight");
    let total = Step::Total {
        score: d("1.97"),
        weight: d("3"),
        by_rule: true,
        lost: Some(d("1.03")),
        rate: Some(d("65.67")),
    };
    assert_eq!(
        total.text(2, Lang::Zh),
        "按评分标准得 1.97 分（满分 3 分），扣 1.03 分，得分率 65.67%"
    );
    assert_eq!(
        total.text(2, Lang::En),
        "by the scoring standard, 1.97 of 3 points, 1.03 lost, score rate 65.67%"
    );
    let flag = Step::Input {
        name: "Urban".into(),
        value: InputValue::Flag(true),
    };
    assert_eq!(flag.text(2, Lang::Zh), "Urban = 是");
    assert_eq!(flag.text(2, Lang::En), "Urban = yes");
}

#[test]
fn every_adjustment_cap_in_both_languages_with_its_figures() {
    use crate::model::AdjustmentDirection;
    use crate::scoring::AdjustmentNote;
    let item = AdjustmentNote::ItemCapped {
        code: "F1".into(),
        name: "Award".into(),
        recorded: d("3"),
        counted: d("2"),
    };
    assert_eq!(
        item.text(Lang::Zh),
        "F1 Award：记录 3 分，超过单项上限，按 2 分计"
    );
    assert_eq!(
        item.text(Lang::En),
        "F1 Award: 3 points recorded, above the item's cap; counted as 2"
    );
    assert_eq!(item.item(), Some("F1"));
    for direction in [AdjustmentDirection::Bonus, AdjustmentDirection::Penalty] {
        let group = AdjustmentNote::GroupCapped {
            direction,
            sum: d("6.5"),
            cap: d("5"),
        };
        let (zh, en) = (group.text(Lang::Zh), group.text(Lang::En));
        for f in ["6.5", "5"] {
            assert!(zh.contains(f) && en.contains(f), "{zh} / {en}");
        }
        assert!(has_cjk(&zh) && !has_cjk(&en), "{zh} / {en}");
        assert_eq!(group.item(), None);
    }
}
