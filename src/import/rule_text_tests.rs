//! One test per phrase of the table: the rule a sheet's sentence becomes, with its parameters.

use super::*;
use crate::model::StepCount;

fn d(s: &str) -> Decimal {
    parse_decimal(s).unwrap()
}

fn leaf<'a>(
    name: &'a str,
    weight: &str,
    criteria: &'a [String],
    formula: &'a str,
    target: &'a str,
) -> LeafText<'a> {
    LeafText {
        name,
        weight: d(weight),
        criteria,
        formula,
        target,
    }
}

/// The rule read from `text` on a leaf named `name` worth `weight`, and its phrase id.
fn read_one(name: &str, weight: &str, text: &str) -> Option<(Rule, &'static str)> {
    let criteria: Vec<String> = text.lines().map(str::to_string).collect();
    read(&leaf(name, weight, &criteria, "", ""))
}

fn kind(name: &str, weight: &str, text: &str, phrase: &str) -> RuleKind {
    let (rule, id) = read_one(name, weight, text).unwrap_or_else(|| panic!("not read: {text}"));
    assert_eq!(id, phrase, "{text}");
    assert!(rule.from_text);
    rule.kind
}

fn value(n: &str) -> Measure {
    Measure::Value(n.into())
}

#[test]
fn every_phrase_reads_its_own_example() {
    for p in PHRASES {
        let criteria: Vec<String> = p.example.lines().map(str::to_string).collect();
        let got = read(&leaf("资金到位率", "4", &criteria, "", ""));
        assert_eq!(got.map(|(_, id)| id), Some(p.id), "{}", p.example);
    }
}

#[test]
fn rate_times_weight() {
    assert_eq!(
        kind(
            "资金到位率",
            "4",
            "按比率得分：得分=资金到位率×分值",
            "rate"
        ),
        RuleKind::Rate {
            measure: value("资金到位率"),
            cap: true
        }
    );
    // The rate is named in the text; the leaf's name is not a rate.
    assert_eq!(
        kind("资金到位", "4", "得分＝资金到位率＊指标分值", "rate"),
        RuleKind::Rate {
            measure: value("资金到位率"),
            cap: true
        }
    );
    // A formula gives the two inputs of the ratio.
    let criteria = vec!["按比率得分".to_string()];
    let (rule, _) = read(&leaf(
        "资金到位率",
        "4",
        &criteria,
        "资金到位率=（实际到位资金/预算资金）×100%",
        "",
    ))
    .unwrap();
    assert_eq!(
        rule.kind,
        RuleKind::Rate {
            measure: Measure::Ratio {
                numerator: "实际到位资金".into(),
                denominator: "预算资金".into()
            },
            cap: true
        }
    );
}

#[test]
fn threshold_full_marks_else_nothing_proportional_or_rate() {
    let t = |otherwise| RuleKind::Threshold {
        measure: value("完成率"),
        op: CompareOp::AtLeast,
        limit: d("95"),
        otherwise,
    };
    assert_eq!(
        kind("完成率", "5", "完成率≥95%得满分，否则不得分", "threshold"),
        t(ThresholdMiss::Points(Decimal::ZERO))
    );
    assert_eq!(
        kind(
            "完成率",
            "5",
            "完成率大于等于９５％的得满分，否则按比例得分",
            "threshold"
        ),
        t(ThresholdMiss::Proportional)
    );
    assert_eq!(
        kind(
            "完成率",
            "5",
            "完成率≥95%得满分，否则得分=完成率×分值",
            "threshold"
        ),
        t(ThresholdMiss::Rate)
    );
    assert_eq!(
        kind("完成率", "5", "完成率达到95%得满分，否则得1分", "threshold"),
        t(ThresholdMiss::Points(d("1")))
    );
    assert_eq!(
        kind(
            "成本控制率",
            "3",
            "成本控制率≤100%得满分，超出不得分",
            "threshold"
        ),
        RuleKind::Threshold {
            measure: value("成本控制率"),
            op: CompareOp::AtMost,
            limit: d("100"),
            otherwise: ThresholdMiss::Points(Decimal::ZERO),
        }
    );
    // "≥90%得2分" on a 3-point leaf: the rule's full marks are 2.
    let (rule, _) = read_one("完成率", "3", "完成率≥90%得2分，否则不得分").unwrap();
    assert_eq!(rule.max, Some(d("2")));
}

#[test]
fn per_step_deductions_below_a_threshold() {
    assert_eq!(
        kind(
            "资金到位率",
            "4",
            "资金到位率≥95%得满分，每降低5%扣2分，扣完为止",
            "per_step"
        ),
        RuleKind::PerPoint {
            measure: value("资金到位率"),
            threshold: d("95"),
            deduct: Some(d("2")),
            deduct_fraction: None,
            step: d("5"),
            steps: StepCount::ProRata,
            above: false,
            tolerance: Decimal::ZERO,
        }
    );
    // 每降低一个百分点扣权重的5%; no threshold named → 100%.
    assert_eq!(
        kind("执行率", "10", "每降低一个百分点扣权重的5%", "per_step"),
        RuleKind::PerPoint {
            measure: value("执行率"),
            threshold: d("100"),
            deduct: None,
            deduct_fraction: Some(Fraction::whole(d("0.05"))),
            step: Decimal::ONE,
            steps: StepCount::ProRata,
            above: false,
            tolerance: Decimal::ZERO,
        }
    );
    let RuleKind::PerPoint { above, .. } = kind("超支率", "2", "每超出1%扣0.5分", "per_step")
    else {
        panic!()
    };
    assert!(above);
}

#[test]
fn per_finding_deductions() {
    assert_eq!(
        kind(
            "资金使用合规性",
            "3",
            "每发现一处问题扣0.5分，扣完为止",
            "per_finding"
        ),
        RuleKind::Deductions {
            per_item: Some(d("0.5")),
            fraction: None,
            groups: vec![]
        }
    );
    assert_eq!(
        kind("档案管理", "2", "每有一项不规范扣权重的10%", "per_finding"),
        RuleKind::Deductions {
            per_item: None,
            fraction: Some(Fraction::whole(d("0.1"))),
            groups: vec![]
        }
    );
}

#[test]
fn grades_good_to_poor_with_points_or_shares() {
    let RuleKind::Levels { levels } = kind(
        "满意度",
        "4",
        "评价为好得4分，较好得3分，一般得2分，差得0分",
        "grades",
    ) else {
        panic!()
    };
    let got: Vec<(&str, Decimal)> = levels.iter().map(|l| (l.name.as_str(), l.points)).collect();
    assert_eq!(
        got,
        [
            ("好", d("4")),
            ("较好", d("3")),
            ("一般", d("2")),
            ("差", d("0"))
        ]
    );
    let RuleKind::Levels { levels } = kind(
        "管理水平",
        "5",
        "好（100%）、较好（80%）、一般（60%）、差（0%）",
        "grades",
    ) else {
        panic!()
    };
    assert_eq!(levels[1].name, "较好");
    assert_eq!(levels[1].fraction, Some(Fraction::whole(d("0.8"))));
}

#[test]
fn complete_partial_none_levels() {
    let RuleKind::Levels { levels } = kind(
        "制度执行有效性",
        "2",
        "完全符合得满分，部分符合得1分，未符合不得分",
        "complete_partial_none",
    ) else {
        panic!()
    };
    let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["完全符合", "部分符合", "未符合"]);
    assert_eq!(levels[0].points_of(d("2")), d("2"));
    assert_eq!(levels[1].points_of(d("2")), d("1"));
    assert_eq!(levels[2].points_of(d("2")), d("0"));
}

#[test]
fn descriptive_levels() {
    let RuleKind::Levels { levels } = kind(
        "职能明确性",
        "2",
        "职能明确得2分；有文件但不明确得1分；没有得0分",
        "levels",
    ) else {
        panic!()
    };
    let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["职能明确", "有文件但不明确", "没有"]);
}

#[test]
fn bands_of_fixed_points() {
    assert_eq!(
        kind(
            "完成率",
            "4",
            "≥90%得4分；80%-90%得3分；70%-80%得2分；70%以下不得分",
            "bands"
        ),
        RuleKind::Bands {
            measure: value("完成率"),
            bands: vec![(d("90"), d("4")), (d("80"), d("3")), (d("70"), d("2"))]
        }
    );
}

#[test]
fn checkpoints_with_their_points() {
    assert_eq!(
        kind(
            "管理制度健全性",
            "2",
            "①已制定管理制度（1分）；\n②制度合法合规（0.5分）；\n③执行有效（0.5分）",
            "checkpoints"
        ),
        RuleKind::Checkpoints {
            points: [d("1"), d("0.5"), d("0.5")]
                .map(crate::model::Checkpoint::whole)
                .to_vec()
        }
    );
}

#[test]
fn reaching_a_target_all_or_nothing() {
    // No number: two levels.
    let RuleKind::Levels { levels } = kind("项目验收", "2", "达到目标得满分，否则不得分", "reach")
    else {
        panic!()
    };
    assert_eq!(levels.len(), 2);
    // A 目标值 in percent and a rate: a threshold.
    let criteria = vec!["按时完成得满分，未完成不得分".to_string()];
    let (rule, id) = read(&leaf("完成及时率", "3", &criteria, "", "≥98%")).unwrap();
    assert_eq!(id, "reach");
    assert_eq!(
        rule.kind,
        RuleKind::Threshold {
            measure: value("完成及时率"),
            op: CompareOp::AtLeast,
            limit: d("98"),
            otherwise: ThresholdMiss::Points(Decimal::ZERO)
        }
    );
}

#[test]
fn judgement_with_a_range() {
    assert_eq!(
        kind("社会效益", "2", "根据实际情况酌情得0-2分", "judgement"),
        RuleKind::Judgement {
            min: Some(d("0")),
            max: Some(d("2"))
        }
    );
}

#[test]
fn text_that_is_not_a_plain_rule_stays_text() {
    for text in [
        "①是否符合国家法律法规；②是否与部门职责相符。",
        "查看相关资料，综合评价",
        "",
    ] {
        assert!(read_one("依据充分性", "3", text).is_none(), "{text}");
    }
}

#[test]
fn every_rule_read_writes_and_loads_back() {
    for p in PHRASES {
        let criteria: Vec<String> = p.example.lines().map(str::to_string).collect();
        let (rule, _) = read(&leaf("资金到位率", "4", &criteria, "", "")).unwrap();
        let text = crate::store::rule_toml::inline(&rule);
        assert_eq!(
            crate::store::rule_toml::parse(&text).unwrap(),
            rule,
            "{text}"
        );
    }
}

#[test]
fn linear_between_two_bounds() {
    assert_eq!(
        kind(
            "成本控制率",
            "5",
            "评分标准：成本控制率≤100%，得满分；≥120%，不得分；100%—120%之间按比例得分。",
            "linear"
        ),
        RuleKind::Linear {
            measure: value("成本控制率"),
            full_at: d("100"),
            zero_at: d("120")
        }
    );
}

#[test]
fn hybrid_full_proportional_floor() {
    assert_eq!(
        kind(
            "实际完成率",
            "5",
            "评分标准：实际完成率达到100%，得满分；60%（含）—100%，按“实际完成率×分值”计算得分；低于60%，不得分。",
            "hybrid"
        ),
        RuleKind::Hybrid {
            measure: value("实际完成率"),
            full: d("100"),
            floor: d("60")
        }
    );
}

/// As the MoF framework writes bands: a comma between the band and its points.
#[test]
fn bands_with_commas_as_the_mof_framework_writes_them() {
    let RuleKind::Bands { bands, .. } = kind(
        "预算执行率",
        "5",
        "评分标准：预算执行率≥95%，得5分；90%（含）—95%，得4分；80%（含）—90%，得3分；低于80%，不得分。",
        "bands",
    ) else {
        panic!()
    };
    assert_eq!(
        bands,
        [(d("95"), d("5")), (d("90"), d("4")), (d("80"), d("3"))]
    );
}

/// Two situations, each with its levels, are a branch: not read as one list of levels.
#[test]
fn two_situations_are_not_one_list_of_levels() {
    let text = "发生突发事件的，看处置记录：处置及时有效、未造成不良影响的得3分；处置基本及时、影响较小的得2分；处置不及时或造成不良影响的不得分。\n未发生突发事件的，看制度：制定应急预案并开展演练的得3分；有应急预案但未演练的得2分；无应急预案的不得分。";
    assert!(read_one("应急处置", "3", text).is_none());
    // One situation with a heading reads, its clauses whole.
    let RuleKind::Levels { levels } = kind(
        "应急处置",
        "3",
        "评分标准：处置及时有效、未造成不良影响的得3分；处置基本及时、影响较小的得2分；处置不及时的不得分。",
        "levels",
    ) else {
        panic!()
    };
    assert_eq!(levels[0].name, "处置及时有效、未造成不良影响");
}

/// The clause that earns full marks gives the direction; "100%÷控制率×分值" is proportional.
#[test]
fn an_upper_bound_with_a_proportional_miss() {
    assert_eq!(
        kind(
            "在职人员控制率",
            "2",
            "评分标准：在职人员控制率≤100%，得满分；＞100%，按“100%÷在职人员控制率×分值”计算得分。",
            "threshold"
        ),
        RuleKind::Threshold {
            measure: value("在职人员控制率"),
            op: CompareOp::AtMost,
            limit: d("100"),
            otherwise: ThresholdMiss::Proportional,
        }
    );
    assert_eq!(
        kind(
            "政府采购执行率",
            "2",
            "政府采购执行率≥90%，得满分；60%（含）—90%，按“政府采购执行率÷90%×分值”计算得分；低于60%，不得分。",
            "hybrid"
        ),
        RuleKind::Hybrid {
            measure: value("政府采购执行率"),
            full: d("90"),
            floor: d("60")
        }
    );
}

/// Lower is better ("＜5%得3分；5%—10%得2分") is no bands rule, and stays text.
#[test]
fn bands_where_lower_is_better_stay_text() {
    assert!(
        read_one(
            "结转结余率",
            "3",
            "结转结余率＜5%，得3分；5%（含）—10%，得2分；10%（含）—20%，得1分；20%及以上，不得分。"
        )
        .is_none()
    );
}

/// Fragments and odd text read as nothing (or something), never a panic.
#[test]
fn odd_text_never_panics() {
    for text in [
        "得分",
        "≥%得满分",
        "每降低%扣分",
        "好得分，较好得分，一般得分",
        "完全部分",
        "①（分）\n②（分）",
        "≥95%得满分",
        "每发现一处扣",
        "酌情",
        "得满分；不得分",
        "≤≥<>%%%",
        "按比率",
        "×分值",
        "资金到位率=/×100%",
        "好（%）、较好（%）、一般（%）",
        "达到得满分否则不得分",
        "999999999999999999999999999999%得满分，否则不得分",
    ] {
        let _ = read_one("资金到位率", "4", text);
        let _ = read_one("名称", "0", text);
    }
}

/// A veto clause is read beside the rule: its name is what zeroes the leaf.
#[test]
fn a_veto_beside_the_rule() {
    let (rule, id) = read_one(
        "资金使用合规性",
        "4",
        "评分标准：每发现一处不符合规定的，扣0.5分，扣完为止；存在截留、挤占、挪用、虚列支出情况的，本指标不得分。",
    )
    .unwrap();
    assert_eq!(id, "per_finding");
    assert_eq!(rule.veto, ["截留挤占挪用虚列支出"]);
    let (rule, id) = read_one(
        "帮扶措施落实率",
        "4",
        "评分标准：按“帮扶措施落实率×分值”计算得分；发生规模性返贫的，本指标不得分。",
    )
    .unwrap();
    assert_eq!(id, "rate");
    assert_eq!(rule.veto, ["发生规模性返贫"]);
    // A checkpoint the veto points to names it.
    let (rule, _) = read_one(
        "资金使用合规性",
        "4",
        "①是否符合规定的用途；\n④是否存在截留、挤占、挪用等情况。\n评分标准：①②③每发现一处问题扣1分，扣完为止；存在④所列情况的，实行一票否决。",
    )
    .unwrap();
    assert_eq!(rule.veto, ["截留挤占挪用"]);
}
