//! One explanation step of each kind, with the figures its words must show (for
//! `explanation_tests.rs`). Names are ASCII, so an English line has no Chinese in it.

use rust_decimal::Decimal;

use crate::model::{
    CompareOp, Fraction, InputValue, Rounding, StepCount, TargetMiss, TargetValue, ThresholdMiss,
};
use crate::scoring::ScoreError;
use crate::scoring::explanation::{
    CheckVerdict, MeasureName, PerPointLoss, PerPointResult, PerPointRule, Step, SurveyCombination,
    ThresholdOutcome,
};

pub(super) fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn named(s: &str) -> MeasureName {
    MeasureName::Named(s.into())
}

/// How a sample reads: in words (Chinese has Chinese in it), or arithmetic only (the same in
/// both languages).
#[derive(PartialEq)]
pub(super) enum Reads {
    Words,
    Arithmetic,
}
use Reads::*;

fn per_point_rule(legacy: bool, above: bool, threshold: &str, tolerance: &str) -> Step {
    Step::PerPointRule(PerPointRule {
        threshold: d(threshold),
        unit: None,
        above,
        tolerance: d(tolerance),
        step: d("2.5"),
        per: d("0.75"),
        steps: StepCount::Whole,
        legacy,
    })
}

fn per_point_result(gap: &str, tolerance: &str, loss: Option<PerPointLoss>) -> Step {
    Step::PerPointResult(PerPointResult {
        label: named("Rate9"),
        measured: d("91.5"),
        threshold: d("95"),
        unit: None,
        above: false,
        gap: d(gap),
        tolerance: d(tolerance),
        loss,
    })
}

fn threshold_result(outcome: ThresholdOutcome) -> Step {
    Step::ThresholdResult {
        name: named("Rate9"),
        value: d("91.5"),
        upper: false,
        limit: d("95"),
        unit: None,
        outcome,
    }
}

/// One of each kind (and of each shape that reads differently), with the figures it must show.
pub(super) fn every_step() -> Vec<(Step, Vec<&'static str>, Reads)> {
    let text = |s: &str| s.to_string();
    vec![
        (
            Step::RuleMax {
                max: d("2.5"),
                weight: d("3"),
            },
            vec!["2.5", "3"],
            Words,
        ),
        (
            Step::Veto {
                finding: text("Fraud7"),
            },
            vec!["Fraud7"],
            Words,
        ),
        (
            Step::Judgement {
                min: d("0.5"),
                max: d("4"),
            },
            vec!["0.5", "4"],
            Words,
        ),
        (Step::CheckpointsRule, vec![], Words),
        (
            Step::LevelsRule {
                levels: vec![(text("Good"), d("4")), (text("Fair"), d("2.25"))],
            },
            vec!["Good 4", "Fair 2.25"],
            Words,
        ),
        (
            Step::RateRule {
                measure: MeasureName::Generic,
                capped: true,
            },
            vec!["100%"],
            Words,
        ),
        (
            Step::ThresholdRule {
                measure: named("Rate9"),
                upper: false,
                limit: d("95"),
                unit: None,
                miss: ThresholdMiss::Points(d("1.5")),
                legacy: true,
            },
            vec!["95%", "1.5"],
            Words,
        ),
        (
            Step::ThresholdRule {
                measure: named("Rate9"),
                upper: false,
                limit: d("95"),
                unit: None,
                miss: ThresholdMiss::Rate,
                legacy: false,
            },
            vec!["≥95%", "Rate9"],
            Words,
        ),
        (
            Step::ThresholdRule {
                measure: named("Days"),
                upper: true,
                limit: d("30"),
                unit: Some(text("d")),
                miss: ThresholdMiss::Proportional,
                legacy: false,
            },
            vec!["≤30 d"],
            Words,
        ),
        (
            Step::BandsRule {
                bands: vec![(d("90"), d("5")), (d("80"), d("3.5"))],
            },
            vec!["≥90%", "5", "≥80%", "3.5"],
            Words,
        ),
        (
            Step::ProportionalRule { threshold: d("85") },
            vec!["85%"],
            Words,
        ),
        (
            Step::HybridRule {
                full: d("90"),
                floor: d("60"),
            },
            vec!["90%", "60%"],
            Words,
        ),
        (
            per_point_rule(true, false, "95", "0"),
            vec!["95%", "0.75"],
            Words,
        ),
        (
            per_point_rule(false, false, "95", "1.25"),
            vec!["95%", "1.25", "2.5", "0.75"],
            Words,
        ),
        (
            per_point_rule(false, true, "0", "1.25"),
            vec!["±1.25", "2.5", "0.75"],
            Words,
        ),
        (
            Step::LinearRule {
                full_at: d("100"),
                zero_at: d("40"),
            },
            vec!["100%", "40%"],
            Words,
        ),
        (
            Step::TargetRule {
                op: CompareOp::By,
                target: TargetValue::Date(text("2024-06-30")),
                miss: TargetMiss::Points(d("1.5")),
            },
            vec!["2024-06-30", "1.5"],
            Words,
        ),
        (
            Step::TargetRule {
                op: CompareOp::AtLeast,
                target: TargetValue::Number(d("120")),
                miss: TargetMiss::Proportional,
            },
            vec!["≥ 120"],
            Words,
        ),
        (
            Step::DeductionsRule {
                weight: d("6"),
                per_item: Some(d("0.5")),
                fraction: Some(Fraction {
                    num: d("1"),
                    den: d("3"),
                }),
            },
            vec!["6", "0.5", "1/3"],
            Words,
        ),
        (
            Step::FormulaRule {
                expr: text("a / b * weight"),
            },
            vec!["a / b * weight"],
            Words,
        ),
        (
            Step::Condition {
                name: text("Urban"),
                holds: true,
            },
            vec!["Urban"],
            Words,
        ),
        (
            Step::Input {
                name: text("Budget"),
                value: InputValue::Number(d("1580")),
            },
            vec!["Budget = 1580"],
            Arithmetic,
        ),
        (
            Step::Ratio {
                measure: named("Rate9"),
                numerator: text("Paid"),
                denominator: text("Budget"),
                n: d("1040"),
                d: d("1580"),
                ratio: d("1040") / d("1580"),
            },
            vec!["Rate9 = Paid ÷ Budget = 1040 ÷ 1580 = 65.82%"],
            Arithmetic,
        ),
        (
            Step::MeasureValue {
                name: text("People"),
                value: d("180"),
                unit: Some(text("p")),
            },
            vec!["People = 180 p"],
            Arithmetic,
        ),
        (
            Step::Expression {
                name: text("Growth"),
                expr: text("a - b"),
                substituted: text("95.5 - 97.8"),
                value: d("-2.3"),
                unit: None,
            },
            vec!["a - b", "95.5 - 97.8", "-2.3%"],
            Arithmetic,
        ),
        (
            Step::MeasureRounded {
                label: named("Rate9"),
                rounding: Rounding::HalfUp,
                places: 1,
                exact: d("91.46"),
                rounded: d("91.5"),
                unit: None,
            },
            vec!["Rate9", "1", "91.46%", "91.5%"],
            Words,
        ),
        (
            Step::Yearly {
                name: text("Budget"),
                years: vec![(text("2019"), d("500")), (text("2020"), d("540"))],
                mean: false,
                value: d("1040"),
            },
            vec!["2019", "500", "2020", "540", "1040"],
            Words,
        ),
        (
            Step::YearRatio {
                year: text("2021"),
                n: d("45"),
                d: d("50"),
                ratio: d("0.9"),
            },
            vec!["2021", "45 ÷ 50 = 90.00%"],
            Words,
        ),
        (
            Step::MeanOfYearRatios {
                measure: MeasureName::Generic,
                numerator: text("Paid"),
                denominator: text("Budget"),
                ratios: vec![d("0.9"), d("0.8")],
                mean: d("0.85"),
            },
            vec!["Paid ÷ Budget", "(90.00% + 80.00%) ÷ 2 = 85.00%"],
            Words,
        ),
        (
            Step::SurveyHeader {
                name: text("Poll"),
                questions: 3,
                options: vec![(text("Yes"), d("100")), (text("Partly"), d("60"))],
            },
            vec!["Poll", "3", "Yes 100%", "Partly 60%"],
            Words,
        ),
        (
            Step::SurveyQuestion {
                number: 2,
                text: text("Service"),
                counts: vec![(text("Yes"), d("150")), (text("Partly"), d("40"))],
                terms: vec![d("150"), d("24")],
                respondents: d("190"),
                rate: d("91.58"),
            },
            vec![
                "2",
                "Service",
                "Yes 150",
                "Partly 40",
                "(150 + 24) ÷ 190 = 91.58%",
            ],
            Words,
        ),
        (
            Step::SurveyResult {
                name: text("Poll"),
                how: SurveyCombination::Weighted {
                    terms: vec![(d("90"), d("2")), (d("80"), d("1"))],
                    total: d("3"),
                    rate: d("86.67"),
                },
            },
            vec!["Poll = (90.00% × 2 + 80.00% × 1) ÷ 3 = 86.67%"],
            Arithmetic,
        ),
        (
            Step::RateTimesWeight {
                ratio: d("0.6582"),
                weight: d("3"),
                score: d("1.9746"),
            },
            vec!["65.82% × 3 = 1.9746"],
            Arithmetic,
        ),
        (
            Step::ShareOfLimit {
                measured: d("76.5"),
                limit: d("85"),
                weight: d("4"),
                score: d("3.6"),
            },
            vec!["76.5% ÷ 85% × 4 = 3.6"],
            Arithmetic,
        ),
        (
            Step::LinearCalc {
                measured: d("70"),
                zero_at: d("-4"),
                full_at: d("100"),
                weight: d("5"),
                score: d("3.5577"),
            },
            vec!["(70% − (-4%)) ÷ (100% − (-4%)) × 5 = 3.5577"],
            Arithmetic,
        ),
        (
            threshold_result(ThresholdOutcome::Met),
            vec!["Rate9 = 91.5%", "95%"],
            Words,
        ),
        (
            threshold_result(ThresholdOutcome::Points(d("1.5"))),
            vec!["Rate9 = 91.5%", "<95%", "1.5"],
            Words,
        ),
        (
            threshold_result(ThresholdOutcome::Proportional {
                num: d("91.5"),
                den: d("95"),
                weight: d("4"),
                score: d("3.8526"),
            }),
            vec!["91.5% ÷ 95% × 4 = 3.8526"],
            Words,
        ),
        (
            Step::PerPointLegacyCalc {
                weight: d("5"),
                threshold: d("95"),
                measured: d("91.5"),
                per: d("0.5"),
                score: d("3.25"),
            },
            vec!["5 − (95% − 91.5%) × 0.5 = 3.25"],
            Arithmetic,
        ),
        (
            per_point_result("-1", "0", None),
            vec!["91.5% ≥ 95%"],
            Words,
        ),
        (
            per_point_result("3.5", "4", None),
            vec!["Rate9 91.5%", "95%", "3.5", "4"],
            Words,
        ),
        (
            per_point_result(
                "3.5",
                "1",
                Some(PerPointLoss {
                    excess: d("2.5"),
                    count: Some(d("1")),
                    deduction: d("0.75"),
                }),
            ),
            vec!["Rate9 91.5%", "3.5", "2.5", "1", "0.75"],
            Words,
        ),
        (
            Step::LevelReached {
                name: text("Good"),
                points: d("3.5"),
            },
            vec!["Good", "3.5"],
            Words,
        ),
        (
            Step::Checkpoint {
                number: 4,
                text: None,
                verdict: CheckVerdict::Missing {
                    missing: d("3"),
                    each: d("0.5"),
                    got: d("0.5"),
                    capped: false,
                },
            },
            vec!["4", "3 × 0.5 = 1.5", "0.5"],
            Words,
        ),
        (
            Step::Checkpoint {
                number: 1,
                text: Some(text("Plan filed")),
                verdict: CheckVerdict::Partial {
                    got: d("1.5"),
                    full: d("2"),
                },
            },
            vec!["Plan filed", "1.5", "2"],
            Words,
        ),
        (Step::TargetReached { met: false }, vec![], Words),
        (
            Step::FormulaCalc {
                substituted: text("45 / 50 * 4"),
                value: d("3.6"),
            },
            vec!["45 / 50 * 4 = 3.6"],
            Words,
        ),
        (
            Step::WeightMinusDeductions {
                weight: d("6"),
                total: d("1.5"),
                score: d("4.5"),
            },
            vec!["6 − 1.5 = 4.5"],
            Arithmetic,
        ),
        (
            Step::Total {
                score: d("2.5"),
                weight: d("4"),
                by_rule: true,
                lost: Some(d("1.5")),
                rate: Some(d("62.5")),
            },
            vec!["2.50", "4", "1.50", "62.50%"],
            Words,
        ),
        (
            Step::Deduction {
                points: d("0.5"),
                reason: text("No plan"),
                count: Some(d("3")),
            },
            vec!["0.50", "No plan", "3"],
            Words,
        ),
        (
            Step::GroupCapped {
                group: text("Paperwork"),
                sum: d("2.5"),
                cap: d("2"),
            },
            vec!["Paperwork", "2.5", "2"],
            Words,
        ),
        (Step::DeductionsExceedWeight, vec![], Words),
        (Step::RuleReconstructed, vec![], Words),
        (
            Step::VetoFound {
                finding: text("Fraud7"),
            },
            vec!["Fraud7"],
            Words,
        ),
        (
            Step::OutOfBounds {
                raw: d("5.25"),
                weight: d("5"),
                counted: d("5"),
            },
            vec!["5.25", "0–5"],
            Words,
        ),
        (
            Step::OverRuleMax {
                raw: d("3.25"),
                max: d("3"),
            },
            vec!["3.25", "3"],
            Words,
        ),
        (
            Step::NotApplicable {
                reason: text("No such spending"),
            },
            vec!["No such spending"],
            Words,
        ),
        (
            Step::Unscorable {
                reason: text("Files lost"),
            },
            vec!["Files lost"],
            Words,
        ),
        (Step::Unscored { has_record: true }, vec![], Words),
        (
            Step::AwardedDiffers {
                awarded: d("2"),
                computed: d("1.75"),
            },
            vec!["2.00", "1.75"],
            Words,
        ),
        (
            Step::AwardedWithoutInputs {
                missing: vec![text("Paid"), text("Budget")],
                awarded: d("2"),
            },
            vec!["Paid", "Budget", "2.00"],
            Words,
        ),
        (
            Step::Incomplete {
                missing: vec![text("Paid"), text("Budget")],
            },
            vec!["Paid", "Budget"],
            Words,
        ),
        (
            Step::AwardedDespiteError { awarded: d("2") },
            vec!["2.00"],
            Words,
        ),
        (
            Step::CannotCompute(ScoreError::ZeroDenominator {
                name: text("Budget"),
                year: None,
            }),
            vec!["Budget"],
            Words,
        ),
    ]
}
