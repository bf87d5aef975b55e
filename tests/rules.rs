//! Issue 13: rule shapes real reports use that the first rule kinds could not say — each at its
//! edges (exactly at a threshold, just inside and outside a dead band, a step boundary, 1/3
//! exact …), through the real loader, the engine and `check`.

use jixiao::check::check;
use jixiao::diagnostic::Diagnostic;
use jixiao::scoring::rounding::fixed;
use jixiao::scoring::{self, LeafOutcome, LeafState, Scorecard};
use jixiao::store::{Loaded, parse_project};

/// A project with one level-1 node `A` and one leaf `A1` named `name`, worth `weight`.
fn src(framework_extra: &str, name: &str, weight: &str, body: &str) -> String {
    format!(
        "[framework]\nid = \"t\"\nname = \"测试\"\ntotal = {weight}\n{framework_extra}\n\
         [[grades]]\nname = \"优\"\nmin = 90\n[[grades]]\nname = \"差\"\nmin = 0\n\n\
         [indicators.A]\nname = \"产出\"\nweight = {weight}\n\n\
         [indicators.A1]\nparent = \"A\"\nname = \"{name}\"\nweight = {weight}\nstatus = \"已评\"\n{body}\n"
    )
}

struct Scored {
    loaded: Loaded,
    card: Scorecard,
}

fn load(text: &str) -> Loaded {
    parse_project(text).unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"))
}

fn scored_with(framework_extra: &str, name: &str, weight: &str, body: &str) -> Scored {
    let text = src(framework_extra, name, weight, body);
    let loaded = load(&text);
    assert!(
        loaded.diagnostics.is_empty(),
        "the loader complained: {:#?}\n{text}",
        loaded.diagnostics
    );
    let card = scoring::score(&loaded.project);
    Scored { loaded, card }
}

fn scored(name: &str, weight: &str, body: &str) -> Scored {
    scored_with("", name, weight, body)
}

impl Scored {
    fn leaf(&self) -> &LeafOutcome {
        self.card
            .node(&self.loaded.project, "A1")
            .and_then(|n| n.leaf.as_ref())
            .expect("leaf A1")
    }

    fn score(&self) -> String {
        let leaf = self.leaf();
        assert!(
            matches!(leaf.state, LeafState::Scored),
            "A1 is {:?}: {:#?}",
            leaf.state,
            self.steps()
        );
        fixed(leaf.score, 2)
    }

    fn steps(&self) -> Vec<String> {
        self.leaf()
            .steps
            .iter()
            .map(|s| s.text(2, jixiao::lang::Lang::Zh))
            .collect()
    }

    fn explains(&self, text: &str) -> bool {
        self.steps().iter().any(|s| s.contains(text))
    }

    fn assert_explains(&self, text: &str) {
        assert!(
            self.explains(text),
            "no step says {text:?}: {:#?}",
            self.steps()
        );
    }

    fn warnings(&self) -> Vec<Diagnostic> {
        check(&self.loaded)
            .into_iter()
            .filter(|d| !d.is_error())
            .collect()
    }
}

/// `a = 1, b = 2` as a TOML inline table with quoted keys (TOML needs quotes around Chinese).
fn inputs(list: &str) -> String {
    let pairs: Vec<String> = list
        .split(", ")
        .map(|pair| {
            let (k, v) = pair.split_once(" = ").expect("name = value");
            let k = k.trim().trim_matches('"');
            format!("\"{k}\" = {v}")
        })
        .collect();
    format!("inputs = {{ {} }}", pairs.join(", "))
}

/// Scores `rule` over each `(inputs, expected score)`.
fn table(name: &str, weight: &str, rule: &str, cases: &[(&str, &str)]) {
    for (inputs, want) in cases {
        let s = scored(
            name,
            weight,
            &format!("rule = {rule}\n{}", self::inputs(inputs)),
        );
        assert_eq!(s.score(), *want, "{rule} with {inputs}: {:#?}", s.steps());
    }
}

/// The loader's diagnostics for a leaf body (which must not load cleanly).
fn load_errors(body: &str) -> Vec<Diagnostic> {
    let text = src("", "完成率", "5", body);
    let loaded = load(&text);
    assert!(
        !loaded.diagnostics.is_empty(),
        "expected an error for {body}"
    );
    loaded.diagnostics
}

// ─── 1. A threshold with rate × weight below it ───────────────────────────────

#[test]
fn threshold_otherwise_rate_times_weight() {
    // "完成率≥95%得满分，否则得分=完成率×分值"
    let rule = r#"{ kind = "threshold", numerator = "实际", denominator = "计划", at_least = 95, otherwise = "rate" }"#;
    table(
        "完成率",
        "5",
        rule,
        &[
            ("实际 = 193, 计划 = 200", "5.00"),     // 96.5%
            ("实际 = 190, 计划 = 200", "5.00"),     // exactly 95%
            ("实际 = 18999, 计划 = 20000", "4.75"), // 94.995% × 5 = 4.74975
            ("实际 = 0, 计划 = 200", "0.00"),
        ],
    );
    let s = scored(
        "完成率",
        "5",
        &format!("rule = {rule}\n{}", inputs("实际 = 193, 计划 = 200")),
    );
    s.assert_explains("完成率 = 96.5%，≥95%，得满分");
    let s = scored(
        "完成率",
        "5",
        &format!("rule = {rule}\n{}", inputs("实际 = 180, 计划 = 200")),
    );
    s.assert_explains("否则得分 = 完成率 × 分值");
    s.assert_explains("完成率 = 90%，<95%，得分 = 90% × 5 = 4.5");
}

#[test]
fn threshold_otherwise_proportional_and_fixed_points() {
    let rule =
        r#"{ kind = "threshold", value = "完成率", at_least = 90, otherwise = "proportional" }"#;
    table(
        "完成率",
        "4",
        rule,
        &[("完成率 = 90", "4.00"), ("完成率 = 81", "3.60")],
    );
    // The original shape is unchanged: fixed points below the threshold.
    let rule = r#"{ kind = "threshold", value = "完成率", at_least = 90, otherwise = 1 }"#;
    table(
        "完成率",
        "4",
        rule,
        &[("完成率 = 90", "4.00"), ("完成率 = 89.99", "1.00")],
    );
}

// ─── 2. An upper bound ────────────────────────────────────────────────────────

#[test]
fn threshold_at_most_an_upper_bound() {
    // "成本控制率≤100%得满分，超出不得分"
    let rule = r#"{ kind = "threshold", numerator = "实际成本", denominator = "预算成本", at_most = 100 }"#;
    table(
        "成本控制率",
        "5",
        rule,
        &[
            ("实际成本 = 98, 预算成本 = 100", "5.00"),
            ("实际成本 = 100, 预算成本 = 100", "5.00"), // exactly at the bound
            ("实际成本 = 100.01, 预算成本 = 100", "0.00"),
        ],
    );
    let s = scored(
        "成本控制率",
        "5",
        &format!(
            "rule = {rule}\n{}",
            inputs("实际成本 = 103, 预算成本 = 100")
        ),
    );
    s.assert_explains("≤100% 得满分，超出不得分");
    s.assert_explains("成本控制率 = 103%，>100%，得 0 分");
    // And the report's stated rate is still checked against the inputs.
    let s = scored(
        "成本控制率",
        "5",
        &format!(
            "rule = {rule}\n{}\nstated_rate = 102\njustification = \"超支\"",
            inputs("实际成本 = 103, 预算成本 = 100")
        ),
    );
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.message().contains("states a rate of 102%")),
        "{:#?}",
        s.warnings()
    );
}

#[test]
fn threshold_takes_one_bound() {
    let errs = load_errors(
        "rule = { kind = \"threshold\", value = \"完成率\", at_least = 90, at_most = 100 }",
    );
    assert!(
        errs.iter().any(|d| d.message().contains("not both")),
        "{errs:#?}"
    );
    let errs = load_errors("rule = { kind = \"threshold\", value = \"完成率\" }");
    assert!(
        errs.iter().any(|d| d.message().contains("at_most")),
        "{errs:#?}"
    );
    let errs = load_errors(
        "rule = { kind = \"threshold\", value = \"完成率\", at_least = 90, otherwise = \"half\" }",
    );
    assert!(
        errs.iter().any(|d| d.message().contains("\"rate\"")),
        "{errs:#?}"
    );
}

// ─── 6. Rates rounded before the rule ─────────────────────────────────────────

#[test]
fn rate_places_rounds_the_rate_before_the_rule() {
    // The report writes 93% and deducts for 2 points below 95%, although the rate is 92.985%.
    let rule = |extra: &str| {
        format!(
            r#"{{ kind = "per_point", numerator = "实际", denominator = "计划", threshold = 95, deduct = 1{extra} }}"#
        )
    };
    let inputs = "实际 = 18597, 计划 = 20000"; // 92.985%
    table(
        "执行率",
        "5",
        &rule(", rate_places = 0"),
        &[(inputs, "3.00")],
    );
    table("执行率", "5", &rule(""), &[(inputs, "2.99")]); // 5 − 2.015
    table(
        "执行率",
        "5",
        &rule(", rate_places = 2"),
        &[(inputs, "2.99")],
    ); // 92.99% → 2.01
    let s = scored(
        "执行率",
        "5",
        &format!(
            "rule = {}\n{}",
            rule(", rate_places = 0"),
            self::inputs(inputs)
        ),
    );
    s.assert_explains("按评分标准先将执行率四舍五入取整：92.985% → 93%");
    // The stated rate is still compared with the exact one.
    assert_eq!(
        s.leaf().measured.map(|m| m.to_string()),
        Some("0.92985".into())
    );
}

#[test]
fn rate_places_from_the_framework_and_its_rounding() {
    let rule = r#"{ kind = "threshold", numerator = "实际", denominator = "计划", at_least = 95 }"#;
    let body = format!("rule = {rule}\n{}", inputs("实际 = 1899, 计划 = 2000")); // 94.95%
    assert_eq!(scored("执行率", "5", &body).score(), "0.00");
    assert_eq!(
        scored_with("rate_places = 0", "执行率", "5", &body).score(),
        "5.00"
    );
    // A truncating framework truncates the rate too: 94.95% → 94%.
    assert_eq!(
        scored_with(
            "rate_places = 0\nrounding = \"truncate\"",
            "执行率",
            "5",
            &body
        )
        .score(),
        "0.00"
    );
    // The rule's own places win over the framework's.
    let own = format!(
        "rule = {}\n{}",
        rule.replace(" }", ", rate_places = 2 }"),
        inputs("实际 = 1899, 计划 = 2000")
    );
    assert_eq!(
        scored_with("rate_places = 0", "执行率", "5", &own).score(),
        "0.00"
    );
    let errs = load_errors("rule = { kind = \"rate\", value = \"完成率\", rate_places = 1.5 }");
    assert!(
        errs.iter().any(|d| d.message().contains("whole number")),
        "{errs:#?}"
    );
}

// ─── 7. Exact fractions ───────────────────────────────────────────────────────

#[test]
fn one_third_of_the_weight_is_exact() {
    // "每发现一处扣权重的1/3": 3 points, one finding → 2 exactly (0.3333 would leave 2.0001).
    let body = |count: &str| {
        format!(
            "rule = {{ kind = \"deductions\", fraction = \"1/3\" }}\n\
             [[indicators.A1.deductions]]\ncount = {count}\nreason = \"档案不全\"\n"
        )
    };
    let s = scored("档案管理", "3", &body("1"));
    assert_eq!(
        s.leaf().computed.map(|c| c.normalize().to_string()),
        Some("2".into())
    );
    s.assert_explains("每处扣分值的 1/3");
    assert_eq!(scored("档案管理", "3", &body("2")).score(), "1.00");
    let s = scored("档案管理", "3", &body("3"));
    assert_eq!(s.score(), "0.00");
    assert!(!s.explains("超过分值"), "{:#?}", s.steps());
    // On a 4-point leaf 1/3 is 1.333…: one finding leaves 2.67.
    assert_eq!(scored("档案管理", "4", &body("1")).score(), "2.67");
}

#[test]
fn fractions_are_accepted_wherever_a_share_is() {
    let levels = "rule = { kind = \"levels\", levels = [{ name = \"好\", fraction = 1 }, { name = \"较好\", fraction = \"2/3\" }] }\ntier = \"较好\"";
    assert_eq!(scored("职责明确性", "3", levels).score(), "2.00");
    let rule =
        r#"{ kind = "per_point", value = "完成率", threshold = 95, deduct_fraction = "1/3" }"#;
    table(
        "完成率",
        "3",
        rule,
        &[("完成率 = 94", "2.00"), ("完成率 = 93", "1.00")],
    );
    for bad in ["\"1/0\"", "\"a/3\"", "\"-1/3\""] {
        let errs = load_errors(&format!(
            "rule = {{ kind = \"deductions\", fraction = {bad} }}"
        ));
        assert!(
            errs.iter()
                .any(|d| d.message().contains("1/3") && d.pos.is_some()),
            "{errs:#?}"
        );
    }
}

// ─── 8. A rule maximum below the leaf's weight ────────────────────────────────

#[test]
fn a_rule_maximum_below_the_weight_keeps_its_warning() {
    // "≥90% 得 2 分" on a 3-point leaf.
    let rule = r#"{ kind = "threshold", value = "完成率", at_least = 90, max = 2 }"#;
    table(
        "完成率",
        "3",
        rule,
        &[("完成率 = 90", "2.00"), ("完成率 = 89", "0.00")],
    );
    let s = scored(
        "完成率",
        "3",
        &format!("rule = {rule}\n{}", inputs("完成率 = 95")),
    );
    s.assert_explains("评分标准满分 2 分（指标分值 3 分）");
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.message().contains("at most 2 but the leaf is worth 3")),
        "{:#?}",
        s.warnings()
    );
    // An awarded score above what the rule allows is still pointed at.
    let s = scored(
        "完成率",
        "3",
        &format!(
            "rule = {rule}\n{}\nscore = 3\njustification = \"得3分\"",
            inputs("完成率 = 95")
        ),
    );
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.message().contains("above the most the rule allows (2)")),
        "{:#?}",
        s.warnings()
    );
    // rate × the rule's maximum.
    let rule = r#"{ kind = "rate", value = "完成率", max = 2 }"#;
    table("完成率", "3", rule, &[("完成率 = 50", "1.00")]);
    // A formula with `max` keeps the warning, and is capped at it.
    let rule = r#"{ kind = "formula", expr = "完成率 / 90 * 2", max = 2 }"#;
    table(
        "完成率",
        "3",
        rule,
        &[("完成率 = 81", "1.80"), ("完成率 = 99", "2.00")],
    );
    let s = scored(
        "完成率",
        "3",
        &format!("rule = {rule}\n{}", inputs("完成率 = 99")),
    );
    s.assert_explains("规则结果 2.2 超过评分标准满分 2 分，按 2 分计");
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.message().contains("at most 2 but the leaf is worth 3")),
        "{:#?}",
        s.warnings()
    );
}

// ─── 3. Steps ─────────────────────────────────────────────────────────────────

#[test]
fn steps_whole_pro_rata_and_started() {
    // "≥95%得满分，每降低5%扣2分"
    let rule = |steps: &str| {
        format!(
            r#"{{ kind = "per_point", value = "完成率", threshold = 95, step = 5, deduct = 2, steps = "{steps}" }}"#
        )
    };
    table(
        "完成率",
        "5",
        &rule("whole"),
        &[
            ("完成率 = 95", "5.00"),
            ("完成率 = 90.01", "5.00"), // 4.99 points below: not yet one step
            ("完成率 = 90", "3.00"),    // exactly one step
            ("完成率 = 84", "1.00"),    // 11 points: two whole steps
            ("完成率 = 70", "0.00"),    // five steps = 10 > 5: floor at 0
        ],
    );
    table(
        "完成率",
        "5",
        &rule("pro_rata"),
        &[("完成率 = 90", "3.00"), ("完成率 = 89", "2.60")],
    );
    table(
        "完成率",
        "5",
        &rule("started"),
        &[
            ("完成率 = 95", "5.00"),
            ("完成率 = 94.99", "3.00"),
            ("完成率 = 90", "3.00"),
            ("完成率 = 89.99", "1.00"),
        ],
    );
    let s = scored(
        "完成率",
        "5",
        &format!("rule = {}\n{}", rule("whole"), inputs("完成率 = 84")),
    );
    s.assert_explains("≥95% 得满分，每降低 5 个百分点扣 2 分，不足一档不扣分");
    s.assert_explains("完成率 84%，低于 95% 11 个百分点，计 2 档，扣 4 分");
}

#[test]
fn steps_per_person_short() {
    // "每少 1 人扣 0.5 分" against a plan of 200 trainees.
    let rule =
        r#"{ kind = "per_point", value = "培训人数", unit = "人", threshold = 200, deduct = 0.5 }"#;
    table(
        "培训人数",
        "5",
        rule,
        &[
            ("培训人数 = 200", "5.00"),
            ("培训人数 = 197", "3.50"),
            ("培训人数 = 150", "0.00"),
        ],
    );
    let s = scored(
        "培训人数",
        "5",
        &format!("rule = {rule}\n{}", inputs("培训人数 = 197")),
    );
    s.assert_explains("≥200 人得满分，每少 1 人扣 0.5 分");
    s.assert_explains("培训人数 197 人，低于 200 人 3 人，扣 1.5 分");
    // Not a percentage: no stated rate to check against.
    assert_eq!(s.leaf().measured, None);
}

#[test]
fn steps_above_an_upper_limit() {
    // "超支率≤0，每超出1%扣1分"
    let rule = r#"{ kind = "per_point", value = "超支率", threshold = 0, deduct = 1, direction = "above" }"#;
    table(
        "超支率",
        "4",
        rule,
        &[
            ("超支率 = 0", "4.00"),
            ("超支率 = -2", "4.00"),
            ("超支率 = 2.5", "1.50"),
        ],
    );
}

// ─── 4 and 5. A dead band; a difference or a growth ───────────────────────────

#[test]
fn dead_band_around_last_year() {
    // "与上年相比变动在 ±1% 以内视为持平得满分；每下降 1 个百分点扣 0.5 分"
    let rule = r#"{ kind = "per_point", difference = ["本年满意度", "上年满意度"], unit = "个百分点", threshold = 0, tolerance = 1, deduct = 0.5 }"#;
    let case = |this: &str| format!("本年满意度 = {this}, 上年满意度 = 97.8");
    table(
        "满意度变动",
        "5",
        rule,
        &[
            (&case("99"), "5.00"),   // up: full
            (&case("97.8"), "5.00"), // level
            (&case("96.8"), "5.00"), // exactly 1 down: inside the band
            (&case("96.6"), "4.90"), // 1.2 down: 0.2 beyond it
            (&case("95.5"), "4.35"), // 2.3 down: 1.3 beyond → 0.65
        ],
    );
    let s = scored(
        "满意度变动",
        "5",
        &format!("rule = {rule}\n{}", inputs(&case("95.5"))),
    );
    s.assert_explains("变动在 ±1 个百分点以内视为持平得满分；每下降 1 个百分点扣 0.5 分");
    s.assert_explains("满意度变动 = 本年满意度 − 上年满意度 = 95.5 − 97.8 = -2.3 个百分点");
    s.assert_explains("下降 2.3 个百分点，超出持平区间 1.3 个百分点，扣 0.65 分");
    let s = scored(
        "满意度变动",
        "5",
        &format!("rule = {rule}\n{}", inputs(&case("97.3"))),
    );
    s.assert_explains("下降 0.5 个百分点，在持平区间（1 个百分点）以内，得满分");
}

#[test]
fn growth_of_two_inputs() {
    // "受益人数较上年增长≥10%得满分，否则按比例得分"
    let rule = r#"{ kind = "threshold", growth = ["2022年受益人数", "2021年受益人数"], at_least = 10, otherwise = "proportional" }"#;
    let case = |this: &str| format!("\"2022年受益人数\" = {this}, \"2021年受益人数\" = 1000");
    table(
        "受益人数增长率",
        "4",
        rule,
        &[
            (&case("1100"), "4.00"),
            (&case("1050"), "2.00"),
            (&case("900"), "0.00"),
        ],
    );
    let s = scored(
        "受益人数增长率",
        "4",
        &format!("rule = {rule}\n{}", inputs(&case("1050"))),
    );
    s.assert_explains(
        "受益人数增长率 = (2022年受益人数 − 2021年受益人数) ÷ 2021年受益人数 × 100 = (1050 − 1000) ÷ 1000 × 100 = 5%",
    );
    // A zero base year is an error, not a silent zero.
    let s = scored(
        "受益人数增长率",
        "4",
        &format!(
            "rule = {rule}\n{}",
            inputs(&case("1050").replace("= 1000", "= 0"))
        ),
    );
    assert!(
        matches!(s.leaf().state, LeafState::Error(_)),
        "{:?}",
        s.leaf().state
    );
}

#[test]
fn a_measure_expression_in_value() {
    // A difference written directly as the measure.
    let rule = r#"{ kind = "bands", value = "本年执行率 - 上年执行率", unit = "个百分点", bands = [{ min = 0, points = 3 }, { min = -5, points = 1 }] }"#;
    table(
        "执行率变动",
        "3",
        rule,
        &[
            ("本年执行率 = 90, 上年执行率 = 90", "3.00"),
            ("本年执行率 = 86, 上年执行率 = 90", "1.00"),
            ("本年执行率 = 84, 上年执行率 = 90", "0.00"),
        ],
    );
    // An input whose name reads like an expression still means that input.
    let rule = r#"{ kind = "rate", value = "满意度-问卷" }"#;
    table("满意度", "5", rule, &[("\"满意度-问卷\" = 80", "4.00")]);
}

// ─── 9 and 16. Formulas with conditions; formulas too big to parse ────────────

#[test]
fn a_formula_with_a_condition_and_rounding() {
    // "完成率≥95%得满分，否则得分=完成率×分值", rounded to a whole percent first.
    let rule = r#"{ kind = "formula", expr = "if(round(实际 / 计划 * 100) >= 95, weight, round(实际 / 计划 * 100) % * weight)" }"#;
    table(
        "完成率",
        "5",
        rule,
        &[
            ("实际 = 18999, 计划 = 20000", "5.00"), // 94.995% → 95%
            ("实际 = 18000, 计划 = 20000", "4.50"),
        ],
    );
    let s = scored(
        "完成率",
        "5",
        &format!("rule = {rule}\n{}", inputs("实际 = 18000, 计划 = 20000")),
    );
    s.assert_explains(
        "得分 = if(round(18000 ÷ 20000 × 100) ≥ 95, 5, round(18000 ÷ 20000 × 100)% × 5) = 4.5",
    );
    // Input names that start with a digit.
    let rule = r#"{ kind = "formula", expr = "min(2022年完成数 / 2022年计划数, 1) * weight" }"#;
    table(
        "完成率",
        "4",
        rule,
        &[("2022年完成数 = 90, 2022年计划数 = 100", "3.60")],
    );
}

#[test]
fn huge_formulas_are_located_load_errors() {
    for expr in [
        format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000)),
        vec!["1"; 30_000].join(" + "),
        format!("{}1{}", "(".repeat(100), ")".repeat(100)),
    ] {
        let body = format!("rule = {{ kind = \"formula\", expr = \"{expr}\" }}");
        let errs = load_errors(&body);
        let e = errs
            .iter()
            .find(|d| d.message().contains("too long") || d.message().contains("nested more than"))
            .unwrap_or_else(|| panic!("{errs:#?}"));
        assert!(e.is_error() && e.pos.is_some() && e.message().contains("at character"));
    }
}

// ─── 11. Questionnaires ───────────────────────────────────────────────────────

const SURVEY: &str = r#"
[[indicators.A1.surveys]]
name = "满意度"
options = [{ name = "非常满意", weight = 100 }, { name = "满意", weight = 80 }, { name = "一般", weight = 60 }, { name = "不满意", weight = 0 }]
[[indicators.A1.surveys.questions]]
text = "您对服务态度是否满意"
counts = [150, 40, 7, 3]
[[indicators.A1.surveys.questions]]
text = "您对服务效果是否满意"
counts = [50, 50, 0, 0]
"#;

#[test]
fn a_questionnaire_feeds_a_measured_rule() {
    // (93.10% + 90.00%) ÷ 2 = 91.55%; "满意度≥90%得满分，否则按比例".
    let s = scored(
        "服务对象满意度",
        "5",
        &format!(
            "rule = {{ kind = \"threshold\", value = \"满意度\", at_least = 95, otherwise = \"rate\" }}\n{SURVEY}"
        ),
    );
    assert_eq!(s.score(), "4.58"); // 91.55% × 5 = 4.5775
    s.assert_explains(
        "问卷“满意度”（共 2 题；选项权重：非常满意 100%，满意 80%，一般 60%，不满意 0%）",
    );
    s.assert_explains("第1题 您对服务态度是否满意：非常满意 150，满意 40，一般 7，不满意 3，合计 200 人；(150 + 32 + 4.2 + 0) ÷ 200 = 93.10%");
    s.assert_explains("满意度 = (93.10% + 90.00%) ÷ 2 = 91.55%");
    s.assert_explains("满意度 = 91.55%，<95%，得分 = 91.55% × 5 = 4.5775");
    // The same survey in bands and in rate × weight.
    let bands = format!(
        "rule = {{ kind = \"bands\", value = \"满意度\", bands = [{{ min = 90, points = 5 }}, {{ min = 80, points = 3 }}] }}\n{SURVEY}"
    );
    assert_eq!(scored("满意度", "5", &bands).score(), "5.00");
    let rate = format!("rule = {{ kind = \"rate\", value = \"满意度\" }}\n{SURVEY}");
    assert_eq!(scored("满意度", "5", &rate).score(), "4.58");
    // Pooled over respondents: (186.2 + 90) ÷ 300 = 92.07%.
    let pooled = rate.replace(
        "name = \"满意度\"\n",
        "name = \"满意度\"\ncombine = \"respondents\"\n",
    );
    let s = scored("满意度", "5", &pooled);
    assert_eq!(s.score(), "4.60");
    s.assert_explains("满意度 = 276.2 ÷ 300 = 92.07%");
}

#[test]
fn a_questionnaire_with_no_respondents_is_an_error() {
    let body = format!(
        "rule = {{ kind = \"rate\", value = \"满意度\" }}\n{}",
        SURVEY.replace("[50, 50, 0, 0]", "[0, 0, 0, 0]")
    );
    let s = scored("满意度", "5", &body);
    match &s.leaf().state {
        LeafState::Error(e) => assert!(
            e.to_string().contains("question 2 has no respondents"),
            "{e}"
        ),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(
        check(&s.loaded)
            .iter()
            .any(|d| d.is_error() && d.message().contains("no respondents")),
        "{:#?}",
        check(&s.loaded)
    );
    // Counts that don't match the options are refused where they are written.
    let text = src(
        "",
        "满意度",
        "5",
        &format!(
            "rule = {{ kind = \"rate\", value = \"满意度\" }}\n{}",
            SURVEY.replace("[50, 50, 0, 0]", "[50, 50]")
        ),
    );
    let loaded = load(&text);
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message().contains("2 numbers for 4 options") && d.pos.is_some()),
        "{:#?}",
        loaded.diagnostics
    );
}

// ─── 12. Multi-year (全周期) inputs ───────────────────────────────────────────

const YEARS: &str = r#"inputs = { "预算资金" = { 2019 = 500, 2020 = 540, 2021 = 540 }, "到位资金" = { 2019 = 500, 2020 = 486, 2021 = 540 } }"#;

#[test]
fn multi_year_inputs_over_the_summed_years() {
    // 1526 ÷ 1580 = 96.58%
    let s = scored(
        "资金到位率",
        "5",
        &format!(
            "rule = {{ kind = \"rate\", numerator = \"到位资金\", denominator = \"预算资金\" }}\n{YEARS}"
        ),
    );
    assert_eq!(s.score(), "4.83");
    s.assert_explains("到位资金 = 2019年 500 + 2020年 486 + 2021年 540 = 1526");
    s.assert_explains("预算资金 = 2019年 500 + 2020年 540 + 2021年 540 = 1580");
    s.assert_explains("资金到位率 = 到位资金 ÷ 预算资金 = 1526 ÷ 1580 = 96.58%");
}

#[test]
fn multi_year_inputs_as_the_mean_of_yearly_rates() {
    // (100% + 90% + 100%) ÷ 3 = 96.67%
    let s = scored(
        "资金到位率",
        "5",
        &format!(
            "rule = {{ kind = \"rate\", numerator = \"到位资金\", denominator = \"预算资金\", years = \"mean\" }}\n{YEARS}"
        ),
    );
    assert_eq!(s.score(), "4.83");
    s.assert_explains("2020年：486 ÷ 540 = 90.00%");
    s.assert_explains("资金到位率 = 各年 到位资金 ÷ 预算资金 的平均值 = (100.00% + 90.00% + 100.00%) ÷ 3 = 96.67%");
    // A year missing on one side is an error, not a silent skip.
    let body = format!(
        "rule = {{ kind = \"rate\", numerator = \"到位资金\", denominator = \"预算资金\", years = \"mean\" }}\n{}",
        YEARS.replace(", 2021 = 540 } }", " } }")
    );
    let s = scored("资金到位率", "5", &body);
    match &s.leaf().state {
        LeafState::Error(e) => assert!(e.to_string().contains("no figure for 2021"), "{e}"),
        other => panic!("expected an error, got {other:?}"),
    }
    // A yearly input in a formula reads the sum of its years.
    let s = scored(
        "预算执行",
        "5",
        &format!(
            "rule = {{ kind = \"formula\", expr = \"到位资金 / 预算资金 * weight\" }}\n{YEARS}"
        ),
    );
    assert_eq!(s.score(), "4.83");
    s.assert_explains("预算资金 = 2019年 500 + 2020年 540 + 2021年 540 = 1580");
}

// ─── 14 and 15. Adjustments in `explain`; stated rates checked honestly ───────

#[test]
fn explain_finds_an_adjustment_item() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["explain", "tests/projects/adjustments.toml", "F1"])
        .output()
        .expect("run jixiao");
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        out.contains("F1 创新管理机制加分（加分项，单项上限 3 分）"),
        "{out}"
    );
    assert!(
        out.contains("记录 4 分，超过单项上限，按 3 分计，计入 +3.00"),
        "{out}"
    );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["explain", "tests/projects/adjustments.toml", "Z9"])
        .output()
        .expect("run jixiao");
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no indicator `Z9`"));
}

#[test]
fn a_stated_rate_on_a_rule_without_a_rate_is_said_to_be_unchecked() {
    let s = scored(
        "职责明确性",
        "3",
        "rule = { kind = \"judgement\" }\nscore = 3\nstated_rate = 95",
    );
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.message().contains("`stated_rate` is not checked")),
        "{:#?}",
        s.warnings()
    );
    // A questionnaire's rate is a rate: it is checked at the precision stated (91.55% → "91.6").
    let s = scored(
        "满意度",
        "5",
        &format!("rule = {{ kind = \"rate\", value = \"满意度\" }}\nstated_rate = 91.6\n{SURVEY}"),
    );
    assert!(s.warnings().is_empty(), "{:#?}", s.warnings());
}

// ─── 17. Explanations that read right ────────────────────────────────────────

#[test]
fn negative_operands_are_bracketed() {
    // A change that is itself negative: "(-3% − -4%)" reads as a typo.
    let rule = r#"{ kind = "per_point", value = "变动率", threshold = -3, deduct = 1 }"#;
    let s = scored(
        "变动率",
        "5",
        &format!("rule = {rule}\n{}", inputs("变动率 = -4")),
    );
    assert_eq!(s.score(), "4.00");
    s.assert_explains("5 − (-3% − (-4%)) × 1 = 4");
    let rule = r#"{ kind = "linear", value = "变动率", full_at = 0, zero_at = -10 }"#;
    let s = scored(
        "变动率",
        "5",
        &format!("rule = {rule}\n{}", inputs("变动率 = -4")),
    );
    assert_eq!(s.score(), "3.00");
    s.assert_explains("(-4% − (-10%)) ÷ (0% − (-10%)) × 5 = 3");
}

#[test]
fn checkpoints_that_do_not_match_the_criteria_are_pointed_at() {
    let body = "criteria = [\"①有制度\", \"②有记录\", \"③有考核\"]\nrule = { kind = \"checkpoints\", points = [1, 1] }\nchecks = [true, true]";
    let s = scored("制度健全性", "2", body);
    assert!(
        s.warnings().iter().any(|w| w
            .message()
            .contains("points for 2 checkpoints but 3 criteria")),
        "{:#?}",
        s.warnings()
    );
    let body = "criteria = [\"①有制度\", \"②有记录\"]\nrule = { kind = \"checkpoints\", points = [1, 1] }\nchecks = [true, true]";
    assert!(scored("制度健全性", "2", body).warnings().is_empty());
}

// ─── 10. Checkpoints with partial credit and per-item deductions ──────────────

/// "①制度健全得 1 分；②台账完整 2 分，每缺一项扣 0.2 分，扣完为止；③部分落实酌情得分（1 分）".
const MIXED: &str = "criteria = [\"①制度健全\", \"②台账完整\", \"③措施落实\"]\nrule = { kind = \"checkpoints\", points = [1, { points = 2, per_item = 0.2 }, { points = 1, partial = true }] }";

#[test]
fn checkpoints_mix_whole_per_item_and_partial_credit() {
    let s = scored(
        "制度执行有效性",
        "4",
        &format!("{MIXED}\nchecks = [true, 3, 0.5]"),
    );
    // 1 + (2 − 3 × 0.2) + 0.5 = 2.9
    assert_eq!(s.score(), "2.90");
    s.assert_explains("①制度健全 — 达到，得 1 分");
    s.assert_explains("②台账完整 — 缺 3 项，扣 3 × 0.2 = 0.6 分，得 1.4 分");
    s.assert_explains("③措施落实 — 部分达到，得 0.5 分（满分 1 分）");
    assert!(s.warnings().is_empty(), "{:#?}", s.warnings());

    // true on a per-item checkpoint is "nothing missing"; more shortcomings than points stop at 0.
    let s = scored(
        "制度执行有效性",
        "4",
        &format!("{MIXED}\nchecks = [false, 12, true]"),
    );
    assert_eq!(s.score(), "1.00");
    s.assert_explains("缺 12 项，扣 12 × 0.2 = 2.4 分，扣完为止，得 0 分");
    let s = scored(
        "制度执行有效性",
        "4",
        &format!("{MIXED}\nchecks = [true, 0, true]"),
    );
    assert_eq!(s.score(), "4.00");
    s.assert_explains("②台账完整 — 无缺项，得 2 分");
}

#[test]
fn checkpoint_numbers_that_do_not_fit_are_errors_not_scores() {
    for (checks, says) in [
        ("[2, 0, 0]", "checkpoint 1 is met or not"),
        ("[true, 1.5, 0]", "checkpoint 2 counts shortcomings"),
        (
            "[true, 0, 1.5]",
            "checkpoint 3 awards 1.5, outside the allowed 0–1",
        ),
    ] {
        let text = src(
            "",
            "制度执行有效性",
            "4",
            &format!("{MIXED}\nchecks = {checks}"),
        );
        let loaded = load(&text);
        let card = scoring::score(&loaded.project);
        let leaf = card
            .node(&loaded.project, "A1")
            .and_then(|n| n.leaf.as_ref())
            .unwrap();
        match &leaf.state {
            LeafState::Error(e) => assert!(e.to_string().contains(says), "{checks}: {e}"),
            other => panic!("{checks}: expected an error saying {says:?}, got {other:?}"),
        }
    }
}

#[test]
fn checkpoint_credit_is_located_when_malformed() {
    let e = load_errors(
        "rule = { kind = \"checkpoints\", points = [1, { points = 2, per_item = 0.2, partial = true }] }",
    );
    assert!(
        e.iter().any(|d| d
            .message()
            .contains("either `partial = true` or `per_item = …`")),
        "{e:#?}"
    );
    let e = load_errors(
        "rule = { kind = \"checkpoints\", points = [1, { points = 2, per_itme = 0.2 }] }",
    );
    assert!(e.iter().any(|d| d.message().contains("per_itme")), "{e:#?}");
    let e =
        load_errors("rule = { kind = \"checkpoints\", points = [1, 1] }\nchecks = [true, \"2\"]");
    assert!(
        e.iter()
            .any(|d| d.message().contains("expected true or false")),
        "{e:#?}"
    );
    let e = load_errors("rule = { kind = \"checkpoints\", points = [1, 1] }\nchecks = [true, -1]");
    assert!(e.iter().any(|d| d.message().contains("below 0")), "{e:#?}");
}
