//! The scoring engine and `check`, one scoring kind (and its edges) at a time.
//!
//! Every test writes a small project in TOML, loads it through the real loader, and asserts the
//! figures an evaluator or reviewer would read off the report: leaf scores with two places,
//! 得分率, totals, grades, and the errors and warnings `check` gives.

use std::str::FromStr;

use jixiao::check::check;
use jixiao::diagnostic::Diagnostic;
use jixiao::model::Project;
use jixiao::scoring::rounding::fixed;
use jixiao::scoring::{self, LeafOutcome, LeafState, NodeScore, Scorecard};
use jixiao::store::{Loaded, parse_project};
use rust_decimal::Decimal;

// ─── Helpers ──────────────────────────────────────────────────────────────────

const FOUR_GRADES: &str = r#"
[[grades]]
name = "优"
min = 90
[[grades]]
name = "良"
min = 80
[[grades]]
name = "中"
min = 60
[[grades]]
name = "差"
min = 0
"#;

const FIVE_GRADES: &str = r#"
[[grades]]
name = "优"
min = 90
[[grades]]
name = "良"
min = 80
[[grades]]
name = "中"
min = 70
[[grades]]
name = "合格"
min = 60
[[grades]]
name = "不合格"
min = 0
"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A whole project: `[framework]` with `total` and any extra keys (rounding, na_policy …),
/// the four grades 优90/良80/中60/差0, then `indicators`.
fn project(framework_extra: &str, total: &str, indicators: &str) -> String {
    project_graded(framework_extra, total, FOUR_GRADES, indicators)
}

fn project_graded(framework_extra: &str, total: &str, grades: &str, indicators: &str) -> String {
    format!(
        "[framework]\nid = \"test\"\nname = \"测试框架\"\ntotal = {total}\n{framework_extra}\n\
         {grades}\n{indicators}"
    )
}

/// The smallest valid project around one leaf: level-1 `A` 决策 worth `weight` with the single
/// leaf `A1` (also worth `weight`), whose table continues with `body` (rule, inputs,
/// `[[indicators.A1.deductions]]` …).
fn leaf_project(weight: &str, body: &str) -> String {
    leaf_project_with("", weight, body)
}

fn leaf_project_with(framework_extra: &str, weight: &str, body: &str) -> String {
    project(
        framework_extra,
        weight,
        &format!(
            "[indicators.A]\nname = \"决策\"\nweight = {weight}\n\n\
             [indicators.A1]\nparent = \"A\"\nname = \"测试指标\"\nweight = {weight}\n{body}\n"
        ),
    )
}

/// A loaded and scored project, with what `check` says about it.
struct Scored {
    src: String,
    loaded: Loaded,
    card: Scorecard,
}

fn scored(src: &str) -> Scored {
    let loaded = parse_project(src).unwrap_or_else(|e| panic!("not TOML: {e}\n{src}"));
    assert!(
        loaded.diagnostics.is_empty(),
        "the loader complained: {:#?}\n{src}",
        loaded.diagnostics
    );
    let card = scoring::score(&loaded.project);
    Scored {
        src: src.to_string(),
        loaded,
        card,
    }
}

/// Scores a one-leaf project and returns it.
fn one_leaf(weight: &str, body: &str) -> Scored {
    scored(&leaf_project(weight, body))
}

impl Scored {
    fn project(&self) -> &Project {
        &self.loaded.project
    }

    fn node(&self, code: &str) -> &NodeScore {
        self.card
            .node(self.project(), code)
            .unwrap_or_else(|| panic!("no node {code}"))
    }

    fn leaf(&self, code: &str) -> &LeafOutcome {
        self.node(code).leaf.as_ref().expect("a leaf")
    }

    /// A node's score as the report prints it (two places).
    fn score(&self, code: &str) -> String {
        fixed(self.node(code).score, 2)
    }

    /// The effective weight (分值 after any N/A policy), as written.
    fn weight(&self, code: &str) -> Decimal {
        self.node(code).weight
    }

    /// 得分率 with two places.
    fn rate(&self, code: &str) -> Option<String> {
        self.node(code).rate.map(|r| fixed(r, 2))
    }

    fn state(&self, code: &str) -> &LeafState {
        &self.leaf(code).state
    }

    fn total(&self) -> String {
        fixed(self.card.total, 2)
    }

    fn grade(&self) -> &str {
        self.card.grade.as_deref().unwrap_or("-")
    }

    /// The explanation, one line per step.
    fn steps(&self, code: &str) -> Vec<String> {
        self.leaf(code)
            .steps
            .iter()
            .map(|s| s.text(2, jixiao::lang::Lang::Zh))
            .collect()
    }

    fn explains(&self, code: &str, text: &str) -> bool {
        self.steps(code).iter().any(|s| s.contains(text))
    }

    fn diagnostics(&self) -> Vec<Diagnostic> {
        check(&self.loaded)
    }

    fn errors(&self) -> Vec<Diagnostic> {
        self.diagnostics()
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect()
    }

    fn warnings(&self) -> Vec<Diagnostic> {
        self.diagnostics()
            .into_iter()
            .filter(|d| !d.is_error())
            .collect()
    }

    /// The 1-based line of the first line of the source that starts with `prefix`.
    fn line_of(&self, prefix: &str) -> usize {
        self.src
            .lines()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
            + 1
    }

    fn assert_clean(&self) {
        let diags = self.diagnostics();
        assert!(diags.is_empty(), "expected no diagnostics, got {diags:#?}");
    }

    fn assert_no_errors(&self) {
        let errors = self.errors();
        assert!(errors.is_empty(), "expected no errors, got {errors:#?}");
    }

    /// The one diagnostic of `kind` ("error" or "warning") whose message contains `text`.
    fn one_with(&self, kind: &str, among: Vec<Diagnostic>, text: &str) -> Diagnostic {
        let found: Vec<Diagnostic> = among
            .into_iter()
            .filter(|d| d.message().contains(text))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected one {kind} containing {text:?}; all diagnostics: {:#?}",
            self.diagnostics()
        );
        found.into_iter().next().unwrap()
    }

    fn error_with(&self, text: &str) -> Diagnostic {
        self.one_with("error", self.errors(), text)
    }

    fn warning_with(&self, text: &str) -> Diagnostic {
        self.one_with("warning", self.warnings(), text)
    }

    fn has_warning(&self, text: &str) -> bool {
        self.warnings().iter().any(|d| d.message().contains(text))
    }
}

/// Scores one leaf whose rule reads a single input `value` (a percentage), for each value.
fn measured(weight: &str, rule: &str, value: &str) -> String {
    one_leaf(
        weight,
        &format!("rule = {rule}\ninputs = {{ \"完成率\" = {value} }}"),
    )
    .score("A1")
}

fn assert_measured(weight: &str, rule: &str, cases: &[(&str, &str)]) {
    for (value, expected) in cases {
        assert_eq!(
            measured(weight, rule, value),
            *expected,
            "{rule} with 完成率 = {value}%"
        );
    }
}

// ─── deductions (逐项扣分) ────────────────────────────────────────────────────

#[test]
fn deductions_subtract_explicit_points_from_the_weight() {
    let s = one_leaf(
        "4",
        r#"
[[indicators.A1.deductions]]
points = 0.5
reason = "档案管理不规范"

[[indicators.A1.deductions]]
points = 1
reason = "未按规定公示"
"#,
    );
    assert_eq!(s.score("A1"), "2.50");
    assert_eq!(s.rate("A1").as_deref(), Some("62.50"));
    assert_eq!(s.state("A1"), &LeafState::Scored);
    assert!(s.explains("A1", "扣 0.50 分：档案管理不规范"));
    assert!(s.explains("A1", "扣 1.00 分：未按规定公示"));
    s.assert_clean();
}

#[test]
fn deductions_with_no_findings_give_full_marks() {
    let s = one_leaf("4", "status = \"已评\"");
    assert_eq!(s.score("A1"), "4.00");
    s.assert_clean();
}

#[test]
fn deductions_count_times_per_item() {
    // "每有一点不规范扣0.5分": 3 occurrences cost 1.5.
    let s = one_leaf(
        "4",
        r#"rule = { kind = "deductions", per_item = 0.5 }

[[indicators.A1.deductions]]
count = 3
reason = "合同未加盖公章"
"#,
    );
    assert_eq!(s.score("A1"), "2.50");
    assert!(s.explains("A1", "扣 1.50 分：合同未加盖公章（3 处）"));
    s.assert_clean();
}

#[test]
fn deductions_as_a_fraction_of_the_weight() {
    // "每处扣分值的5%": 2 occurrences on a 4-point leaf cost 0.4.
    let s = one_leaf(
        "4",
        r#"rule = { kind = "deductions", fraction = 0.05 }

[[indicators.A1.deductions]]
count = 2
reason = "资料未及时归档"
"#,
    );
    assert_eq!(s.score("A1"), "3.60");
    s.assert_clean();
}

#[test]
fn deductions_are_capped_per_group() {
    // "缺一次扣0.1分，共1分": 15 absences would cost 1.5 but the group stops at 1;
    // an ungrouped finding still costs its own 0.5.
    let s = one_leaf(
        "2",
        r#"rule = { kind = "deductions", per_item = 0.1, groups = [{ name = "缺勤", cap = 1 }] }

[[indicators.A1.deductions]]
count = 15
group = "缺勤"
reason = "例会缺勤"

[[indicators.A1.deductions]]
points = 0.5
reason = "会议记录不完整"
"#,
    );
    assert_eq!(s.score("A1"), "0.50");
    assert!(s.explains("A1", "以 1 分为限"), "{:?}", s.steps("A1"));
    s.assert_no_errors();
}

#[test]
fn deductions_in_an_undeclared_group_are_an_error() {
    let s = one_leaf(
        "2",
        r#"rule = { kind = "deductions", groups = [{ name = "缺勤", cap = 1 }] }

[[indicators.A1.deductions]]
points = 0.5
group = "迟到"
reason = "例会迟到"
"#,
    );
    assert!(matches!(s.state("A1"), LeafState::Error(m) if m.to_string().contains("迟到")));
    assert_eq!(s.score("A1"), "0.00");
    s.error_with("\"迟到\" is not declared");
}

#[test]
fn deductions_stop_at_zero() {
    // "每处扣0.5分，扣完为止": 10 occurrences on a 2-point leaf give 0, not −3, and that is
    // the rule working, not a mistake.
    let s = one_leaf(
        "2",
        r#"rule = { kind = "deductions", per_item = 0.5 }

[[indicators.A1.deductions]]
count = 10
reason = "支出凭证不完整"
"#,
    );
    assert_eq!(s.score("A1"), "0.00");
    assert_eq!(s.rate("A1").as_deref(), Some("0.00"));
    // The reviewer reads the rule stopping at zero, not a rule result of −3 that the leaf
    // then has to bring back into range ("规则结果 … 超出 0–2 分范围").
    assert_eq!(s.leaf("A1").computed, Some(d("0")));
    assert_eq!(
        s.steps("A1"),
        [
            "满分 2 分，逐项扣分，每处扣 0.5 分，扣完为止",
            "扣 5.00 分：支出凭证不完整（10 处）",
            "2 − 5 = -3",
            "扣分超过分值，扣完为止",
            "按评分标准得 0.00 分（满分 2 分），扣 2.00 分，得分率 0.00%",
        ]
    );
    s.assert_no_errors();
}

#[test]
fn explicit_deductions_above_the_weight_score_zero_and_are_an_error() {
    let s = one_leaf(
        "2",
        r#"
[[indicators.A1.deductions]]
points = 1.5
reason = "未履行立项程序"

[[indicators.A1.deductions]]
points = 1
reason = "未经集体决策"
"#,
    );
    assert_eq!(s.score("A1"), "0.00");
    let e = s.error_with("deductions add up to 2.5 but the leaf is worth 2");
    assert!(e.message().contains("at most 2"));
    assert_eq!(
        e.pos.map(|p| p.line),
        Some(s.line_of("[[indicators.A1.deductions]]"))
    );
}

#[test]
fn exact_decimals_through_the_loader() {
    // 0.1 + 0.2 must be 0.3: two deductions of 0.1 and 0.2 from 1 leave exactly 0.7.
    let s = one_leaf(
        "1",
        r#"
[[indicators.A1.deductions]]
points = 0.1
reason = "甲"

[[indicators.A1.deductions]]
points = 0.2
reason = "乙"
"#,
    );
    assert_eq!(s.node("A1").score, d("0.7"));
    assert_eq!(s.score("A1"), "0.70");
    assert_eq!(s.rate("A1").as_deref(), Some("70.00"));
    assert_eq!(s.card.total, d("0.7"));
    s.assert_clean();
}

// ─── judgement (酌情评分) ─────────────────────────────────────────────────────

#[test]
fn judgement_inside_its_range_is_the_score() {
    let s = one_leaf(
        "3",
        r#"rule = { kind = "judgement", min = 1, max = 3 }
score = 2.5

[[indicators.A1.deductions]]
points = 0.5
reason = "酌情扣0.5分：部分资料缺失"
"#,
    );
    assert_eq!(s.score("A1"), "2.50");
    assert_eq!(s.state("A1"), &LeafState::Scored);
    assert_eq!(
        s.leaf("A1").awarded,
        None,
        "a judged score is not 'awarded'"
    );
    s.assert_clean();
}

#[test]
fn judgement_outside_its_range_is_an_error_at_the_score() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"judgement\", min = 1, max = 3 }\nscore = 0.5",
    );
    assert!(
        matches!(s.state("A1"), LeafState::Error(m) if m.to_string().contains("outside the allowed 1–3")),
        "{:?}",
        s.state("A1")
    );
    assert_eq!(s.score("A1"), "0.00");
    let e = s.error_with("judged score 0.5 is outside the allowed 1–3");
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("score =")));
}

#[test]
fn judgement_above_the_weight_is_one_error_at_the_score() {
    let s = one_leaf("3", "rule = { kind = \"judgement\" }\nscore = 4");
    assert!(matches!(s.state("A1"), LeafState::Error(_)));
    let errors = s.errors();
    assert_eq!(errors.len(), 1, "one mistake, one error: {errors:#?}");
    assert!(errors[0].message().contains("score 4 is outside 0–3"));
    assert_eq!(errors[0].pos.map(|p| p.line), Some(s.line_of("score =")));
}

// ─── checkpoints (评价要点) ───────────────────────────────────────────────────

#[test]
fn checkpoints_earn_the_points_of_those_met() {
    let s = one_leaf(
        "3",
        r#"criteria = ["①是否细化分解；", "②是否清晰可衡量；", "③是否与任务数相对应。"]
rule = { kind = "checkpoints", points = [1, 1, 1] }
checks = [true, false, true]
"#,
    );
    assert_eq!(s.score("A1"), "2.00");
    assert!(s.explains("A1", "②是否清晰可衡量； — 未达到，扣 1 分"));
    assert!(s.explains("A1", "①是否细化分解； — 达到，得 1 分"));
    s.assert_clean();
}

#[test]
fn checkpoints_adding_up_to_less_than_the_weight_warn() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"checkpoints\", points = [1, 1, 0.5] }\nchecks = [true, true, true]",
    );
    assert_eq!(s.score("A1"), "2.50");
    let w = s.warning_with("at most 2.5");
    assert!(w.message().contains("worth 3"), "{}", w.message());
    assert_eq!(w.pos.map(|p| p.line), Some(s.line_of("rule =")));
    s.assert_no_errors();
}

#[test]
fn checkpoints_adding_up_to_more_than_the_weight_warn() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"checkpoints\", points = [2, 2] }\nchecks = [true, true]",
    );
    assert_eq!(s.score("A1"), "3.00", "capped at the weight");
    let w = s.warning_with("can give up to 4");
    assert!(w.message().contains("worth 3"), "{}", w.message());
    s.assert_no_errors();
}

#[test]
fn checkpoints_need_one_check_per_point() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"checkpoints\", points = [1, 1, 1] }\nchecks = [true, true]",
    );
    let e = s.error_with("2 checks recorded for 3 checkpoints");
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("checks =")));
}

// ─── levels (分档) ────────────────────────────────────────────────────────────

const LEVELS: &str = r#"rule = { kind = "levels", levels = [{ name = "职能明确", points = 1 }, { name = "有文件但不明确", points = 0.5 }, { name = "没有", points = 0 }] }"#;

#[test]
fn levels_give_the_points_of_the_chosen_tier() {
    let s = one_leaf("1", &format!("{LEVELS}\ntier = \"有文件但不明确\""));
    assert_eq!(s.score("A1"), "0.50");
    assert!(s.explains("A1", "评定为“有文件但不明确”，得 0.5 分"));
    let s = one_leaf("1", &format!("{LEVELS}\ntier = \"职能明确\""));
    assert_eq!(s.score("A1"), "1.00");
    s.assert_clean();
}

#[test]
fn levels_above_the_weight_warn() {
    let s = one_leaf(
        "1",
        r#"rule = { kind = "levels", levels = [{ name = "好", points = 2 }, { name = "差", points = 0 }] }
tier = "好""#,
    );
    assert_eq!(s.score("A1"), "1.00");
    s.warning_with("can give up to 2 but the leaf is worth 1");
}

#[test]
fn levels_with_an_unknown_tier_are_an_error_at_the_tier() {
    let s = one_leaf("1", &format!("{LEVELS}\ntier = \"较好\""));
    assert!(matches!(s.state("A1"), LeafState::Error(m) if m.to_string().contains("较好")));
    assert_eq!(s.score("A1"), "0.00");
    let e = s.error_with("tier \"较好\" is not one of");
    assert!(e.message().contains("职能明确, 有文件但不明确, 没有"));
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("tier =")));
}

// ─── rate (比率 × 分值) ───────────────────────────────────────────────────────

fn rate_leaf(weight: &str, rule_extra: &str, inputs: &str) -> Scored {
    one_leaf(
        weight,
        &format!(
            "rule = {{ kind = \"rate\", numerator = \"实际到位资金\", denominator = \"预算资金\"{rule_extra} }}\n\
             inputs = {{ {inputs} }}"
        ),
    )
}

#[test]
fn rate_times_weight() {
    // 资金到位率 = 1040 ÷ 1580 = 65.82%; × 3 = 1.9747 → 1.97.
    let s = rate_leaf("3", "", "\"预算资金\" = 1580, \"实际到位资金\" = 1040");
    assert_eq!(s.score("A1"), "1.97");
    assert_eq!(s.rate("A1").as_deref(), Some("65.67"));
    assert!(
        s.explains("A1", "1040 ÷ 1580 = 65.82%"),
        "{:?}",
        s.steps("A1")
    );
    assert_eq!(s.leaf("A1").measured, Some(d("1040") / d("1580")));
    s.assert_clean();
}

#[test]
fn rate_above_100_percent_is_capped() {
    let s = rate_leaf("3", "", "\"预算资金\" = 540, \"实际到位资金\" = 1040");
    assert_eq!(s.score("A1"), "3.00");
    assert!(s.explains("A1", "100.00% × 3 = 3"), "{:?}", s.steps("A1"));
    s.assert_clean();
}

#[test]
fn rate_without_cap_is_still_bounded_by_the_weight() {
    let s = rate_leaf(
        "3",
        ", cap = false",
        "\"预算资金\" = 540, \"实际到位资金\" = 1040",
    );
    assert_eq!(s.score("A1"), "3.00");
    assert!(s.explains("A1", "超出 0–3 分范围"), "{:?}", s.steps("A1"));
    // Below 100% `cap` changes nothing.
    let s = rate_leaf(
        "3",
        ", cap = false",
        "\"预算资金\" = 1000, \"实际到位资金\" = 900",
    );
    assert_eq!(s.score("A1"), "2.70");
}

#[test]
fn rate_over_a_zero_denominator_is_an_error_at_the_inputs() {
    let s = rate_leaf("3", "", "\"预算资金\" = 0, \"实际到位资金\" = 1040");
    assert!(
        matches!(s.state("A1"), LeafState::Error(m) if m.to_string().contains("denominator `预算资金` is 0")),
        "{:?}",
        s.state("A1")
    );
    assert_eq!(s.score("A1"), "0.00");
    let e = s.error_with("denominator `预算资金` is 0");
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("inputs =")));
}

#[test]
fn a_zero_denominator_written_as_its_own_line_is_pointed_at() {
    let s = one_leaf(
        "3",
        r#"rule = { kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }

[indicators.A1.inputs]
"实际到位资金" = 1040
"预算资金" = 0
"#,
    );
    let e = s.error_with("denominator `预算资金` is 0");
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("\"预算资金\" = 0")));
}

#[test]
fn rate_with_a_missing_input_is_incomplete_not_an_error() {
    // The second figure arrives tomorrow: the leaf is 未完成, the file is fine.
    let s = rate_leaf("3", "", "\"预算资金\" = 1580");
    assert_eq!(
        s.state("A1"),
        &LeafState::Incomplete(vec!["实际到位资金".into()])
    );
    assert_eq!(s.score("A1"), "0.00");
    s.assert_no_errors();
    let w = s.warning_with("incomplete (未完成): `实际到位资金` not recorded yet");
    assert_eq!(w.pos.map(|p| p.line), Some(s.line_of("inputs =")));
    assert!(s.explains("A1", "未完成：尚未记录“实际到位资金”"));
    // It does not count: the total is provisional, and with nothing evaluated has no grade.
    assert_eq!(s.card.scored_leaves, 0);
    assert!(s.card.provisional());
    assert_eq!(s.card.grade, None);
}

#[test]
fn two_thirds_of_four_is_2_67_and_66_75_percent() {
    let s = one_leaf(
        "4",
        "rule = { kind = \"rate\", numerator = \"完成数\", denominator = \"计划数\" }\n\
         inputs = { \"完成数\" = 2, \"计划数\" = 3 }",
    );
    assert_eq!(s.node("A1").score, d("2.67"));
    assert_eq!(s.rate("A1").as_deref(), Some("66.75"));
    assert_eq!(s.rate("A").as_deref(), Some("66.75"));
}

#[test]
fn truncate_policy_cuts_instead_of_rounding() {
    // 86.78% × 2 = 1.7356: 截位 gives 1.73, 四舍五入 1.74.
    let body = "rule = { kind = \"rate\", numerator = \"完成数\", denominator = \"计划数\" }\n\
                inputs = { \"完成数\" = 8678, \"计划数\" = 10000 }";
    let s = scored(&leaf_project_with("rounding = \"truncate\"", "2", body));
    assert_eq!(s.node("A1").score, d("1.73"));
    let s = scored(&leaf_project_with("rounding = \"half_up\"", "2", body));
    assert_eq!(s.node("A1").score, d("1.74"));
}

#[test]
fn parents_add_up_the_rounded_leaves() {
    // Each leaf is 1/3 × 1 = 0.333… → 0.33; the parent is 0.66, not round(0.999…) = 1.00.
    let leaf = |code: &str| {
        format!(
            "[indicators.{code}]\nparent = \"A\"\nname = \"完成率\"\nweight = 1\n\
             rule = {{ kind = \"rate\", numerator = \"完成数\", denominator = \"计划数\" }}\n\
             inputs = {{ \"完成数\" = 1, \"计划数\" = 3 }}\n"
        )
    };
    let s = scored(&project(
        "",
        "3",
        &format!(
            "[indicators.A]\nname = \"产出\"\nweight = 3\n{}{}{}",
            leaf("A1"),
            leaf("A2"),
            leaf("A3")
        ),
    ));
    assert_eq!(s.score("A1"), "0.33");
    assert_eq!(s.score("A"), "0.99");
    assert_eq!(s.total(), "0.99");
}

// ─── threshold, bands, proportional, hybrid, per_point, linear ────────────────

#[test]
fn threshold_is_all_or_nothing() {
    let rule = r#"{ kind = "threshold", value = "完成率", at_least = 95, otherwise = 1 }"#;
    assert_measured(
        "4",
        rule,
        &[
            ("100", "4.00"),
            ("95", "4.00"),
            ("94.99", "1.00"),
            ("0", "1.00"),
        ],
    );
    let rule = r#"{ kind = "threshold", value = "完成率", at_least = 95 }"#;
    assert_measured("4", rule, &[("94.99", "0.00")]);
}

#[test]
fn threshold_over_a_ratio() {
    let s = one_leaf(
        "4",
        r#"rule = { kind = "threshold", numerator = "完成数", denominator = "计划数", at_least = 95 }
inputs = { "完成数" = 19, "计划数" = 20 }"#,
    );
    assert_eq!(s.score("A1"), "4.00", "19/20 is exactly 95%");
}

#[test]
fn bands_at_each_boundary() {
    let rule = r#"{ kind = "bands", value = "完成率", bands = [{ min = 90, points = 4 }, { min = 80, points = 3 }, { min = 60, points = 2 }] }"#;
    assert_measured(
        "4",
        rule,
        &[
            ("100", "4.00"),
            ("90", "4.00"),
            ("89.99", "3.00"),
            ("80", "3.00"),
            ("79.99", "2.00"),
            ("60", "2.00"),
            ("59.99", "0.00"),
            ("0", "0.00"),
        ],
    );
}

#[test]
fn bands_may_be_written_in_any_order() {
    let rule = r#"{ kind = "bands", value = "完成率", bands = [{ min = 60, points = 2 }, { min = 90, points = 4 }, { min = 80, points = 3 }] }"#;
    assert_measured("4", rule, &[("95", "4.00"), ("85", "3.00"), ("65", "2.00")]);
}

#[test]
fn proportional_below_the_threshold() {
    // rate ÷ 90% × 5: 81% gives 4.5.
    let rule = r#"{ kind = "proportional", value = "完成率", threshold = 90 }"#;
    assert_measured(
        "5",
        rule,
        &[
            ("95", "5.00"),
            ("90", "5.00"),
            ("81", "4.50"),
            ("0", "0.00"),
        ],
    );
}

#[test]
fn hybrid_full_above_proportional_between_zero_below_floor() {
    let rule = r#"{ kind = "hybrid", value = "完成率", full = 90, floor = 60 }"#;
    assert_measured(
        "4",
        rule,
        &[
            ("95", "4.00"),
            ("90", "4.00"),
            ("75", "3.33"),    // 75 ÷ 90 × 4 = 3.333…
            ("60", "2.67"),    // the floor itself is still proportional
            ("59.99", "0.00"), // below the floor
        ],
    );
}

#[test]
fn per_point_deducts_per_percentage_point_below() {
    // 荣成 C101: 90.27% against 95%, 0.2 per point: 4 − 4.73 × 0.2 = 3.054 → 3.05.
    let rule = r#"{ kind = "per_point", value = "完成率", threshold = 95, deduct = 0.2 }"#;
    assert_measured(
        "4",
        rule,
        &[
            ("96", "4.00"),
            ("95", "4.00"),
            ("90.27", "3.05"),
            ("80", "1.00"),
            ("70", "0.00"), // 25 points × 0.2 = 5 > 4: floor at 0
            ("0", "0.00"),
        ],
    );
}

#[test]
fn per_point_as_a_fraction_of_the_weight() {
    // "每降低1%扣权重的10%" on a 2-point leaf: 0.2 per point.
    let rule = r#"{ kind = "per_point", value = "完成率", threshold = 95, deduct_fraction = 0.1 }"#;
    assert_measured(
        "2",
        rule,
        &[
            ("95", "2.00"),
            ("92", "1.40"),
            ("86", "0.20"),
            ("50", "0.00"),
        ],
    );
}

#[test]
fn linear_full_at_100_zero_at_120() {
    // "≤100%满分，≥120%得0分，区间内按比例" (e.g. a cost overrun).
    let rule = r#"{ kind = "linear", value = "完成率", full_at = 100, zero_at = 120 }"#;
    assert_measured(
        "5",
        rule,
        &[
            ("90", "5.00"),
            ("100", "5.00"),
            ("110", "2.50"),
            ("115", "1.25"),
            ("120", "0.00"),
            ("130", "0.00"),
        ],
    );
}

#[test]
fn linear_rising() {
    // Full at 95%, zero at 75%, a straight line between.
    let rule = r#"{ kind = "linear", value = "完成率", full_at = 95, zero_at = 75 }"#;
    assert_measured(
        "4",
        rule,
        &[
            ("100", "4.00"),
            ("95", "4.00"),
            ("85", "2.00"),
            ("80", "1.00"),
            ("75", "0.00"),
            ("60", "0.00"),
        ],
    );
}

// ─── target (目标值) ──────────────────────────────────────────────────────────

fn target(weight: &str, rule: &str, actual: &str) -> Scored {
    one_leaf(
        weight,
        &format!("rule = {rule}\ninputs = {{ \"实际值\" = {actual} }}"),
    )
}

#[test]
fn target_at_least() {
    let rule = r#"{ kind = "target", actual = "实际值", op = ">=", target = 95, otherwise = 1 }"#;
    assert_eq!(target("4", rule, "96").score("A1"), "4.00");
    assert_eq!(target("4", rule, "95").score("A1"), "4.00");
    assert_eq!(target("4", rule, "94").score("A1"), "1.00");
}

#[test]
fn target_at_most() {
    let rule = r#"{ kind = "target", actual = "实际值", op = "<=", target = 30 }"#;
    assert_eq!(target("4", rule, "30").score("A1"), "4.00");
    assert_eq!(target("4", rule, "12").score("A1"), "4.00");
    assert_eq!(target("4", rule, "31").score("A1"), "0.00");
}

#[test]
fn target_equal() {
    let rule = r#"{ kind = "target", actual = "实际值", op = "=", target = 12 }"#;
    assert_eq!(target("2", rule, "12").score("A1"), "2.00");
    assert_eq!(target("2", rule, "12.0").score("A1"), "2.00");
    assert_eq!(target("2", rule, "11").score("A1"), "0.00");
    assert_eq!(target("2", rule, "13").score("A1"), "0.00");
}

#[test]
fn target_by_a_date() {
    let rule = r#"{ kind = "target", actual = "实际值", op = "by", target = 2023-12-31, otherwise = 0.5 }"#;
    let s = target("2", rule, "2023-11-20");
    assert_eq!(s.score("A1"), "2.00");
    assert!(s.explains("A1", "实际值 = 2023-11-20"));
    assert_eq!(target("2", rule, "2023-12-31").score("A1"), "2.00");
    assert_eq!(target("2", rule, "2024-01-05").score("A1"), "0.50");
}

#[test]
fn target_date_against_a_number_is_an_error() {
    let rule = r#"{ kind = "target", actual = "实际值", op = "by", target = 2023-12-31 }"#;
    let s = target("2", rule, "100");
    assert!(
        matches!(s.state("A1"), LeafState::Error(m) if m.to_string().contains("different kinds"))
    );
    s.error_with("different kinds");
}

#[test]
fn target_missed_proportionally() {
    // ≥ 95: 76 earns 76 ÷ 95 × 5 = 4.
    let rule = r#"{ kind = "target", actual = "实际值", op = ">=", target = 95, otherwise = "proportional" }"#;
    assert_eq!(target("5", rule, "76").score("A1"), "4.00");
    assert_eq!(target("5", rule, "100").score("A1"), "5.00");
    // ≤ 100: 125 earns 100 ÷ 125 × 4 = 3.2.
    let rule = r#"{ kind = "target", actual = "实际值", op = "<=", target = 100, otherwise = "proportional" }"#;
    assert_eq!(target("4", rule, "125").score("A1"), "3.20");
}

// ─── formula, branch, veto ────────────────────────────────────────────────────

#[test]
fn formula_with_a_penalty_term() {
    // 得分 = 访视率/90%×2 − 不真实档案数×0.5: 0.81 ÷ 0.9 × 2 − 1 × 0.5 = 1.3.
    let body = |files: &str| {
        format!(
            "rule = {{ kind = \"formula\", expr = \"访视率 / 90% * 2 - 不真实档案数 * 0.5\" }}\n\
             inputs = {{ \"访视率\" = 0.81, \"不真实档案数\" = {files} }}"
        )
    };
    let s = one_leaf("2", &body("1"));
    assert_eq!(s.score("A1"), "1.30");
    assert!(
        s.explains("A1", "0.81 ÷ 90% × 2 − 1 × 0.5"),
        "{:?}",
        s.steps("A1")
    );
    s.assert_no_errors();
    // With 5 false files the formula goes below 0: the leaf scores 0.
    assert_eq!(one_leaf("2", &body("5")).score("A1"), "0.00");
    // With none, 1.8.
    assert_eq!(one_leaf("2", &body("0")).score("A1"), "1.80");
}

#[test]
fn formula_reads_the_weight() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"formula\", expr = \"weight * 满意度 / 100\" }\ninputs = { \"满意度\" = 91 }",
    );
    assert_eq!(s.score("A1"), "2.73");
}

#[test]
fn formula_lists_each_input_once() {
    let s = one_leaf(
        "3",
        "rule = { kind = \"formula\", expr = \"min(a, b) + a - b\" }\ninputs = { a = 1, b = 1 }",
    );
    assert_eq!(s.score("A1"), "1.00");
    let inputs: Vec<String> = s
        .steps("A1")
        .into_iter()
        .filter(|l| l == "a = 1" || l == "b = 1")
        .collect();
    assert_eq!(inputs, ["a = 1", "b = 1"], "{:?}", s.steps("A1"));
}

#[test]
fn branch_chooses_its_rule_by_a_boolean_input() {
    // "有突发事件的看处置记录；没有的看制度".
    let rule = r#"rule = { kind = "branch", when = "有突发事件", then = { kind = "proportional", value = "及时处置率", threshold = 100 }, else = { kind = "levels", levels = [{ name = "制度健全", points = 3 }, { name = "制度不健全", points = 1 }] } }"#;
    let s = one_leaf(
        "3",
        &format!("{rule}\ninputs = {{ \"有突发事件\" = true, \"及时处置率\" = 90 }}"),
    );
    assert_eq!(s.score("A1"), "2.70");
    let s = one_leaf(
        "3",
        &format!("{rule}\ninputs = {{ \"有突发事件\" = false }}\ntier = \"制度不健全\""),
    );
    assert_eq!(s.score("A1"), "1.00");
    assert!(s.explains("A1", "条件：有突发事件 = 否"));
}

#[test]
fn veto_zeroes_the_leaf() {
    let rule = r#"rule = { kind = "rate", numerator = "实际支出", denominator = "预算资金", veto = ["截留挪用"] }"#;
    let s = one_leaf(
        "3",
        &format!(
            "{rule}\ninputs = {{ \"预算资金\" = 100, \"实际支出\" = 100, \"截留挪用\" = true }}"
        ),
    );
    assert_eq!(s.score("A1"), "0.00");
    assert_eq!(s.state("A1"), &LeafState::Scored);
    assert!(s.explains("A1", "一票否决：截留挪用"));
    let s = one_leaf(
        "3",
        &format!(
            "{rule}\ninputs = {{ \"预算资金\" = 100, \"实际支出\" = 100, \"截留挪用\" = false }}"
        ),
    );
    assert_eq!(s.score("A1"), "3.00");
    // A veto finding nobody recorded was not found: the rule applies as usual.
    let s = one_leaf(
        "3",
        &format!("{rule}\ninputs = {{ \"预算资金\" = 100, \"实际支出\" = 100 }}"),
    );
    assert_eq!(s.score("A1"), "3.00");
    assert_eq!(s.state("A1"), &LeafState::Scored);
}

// ─── 不适用, 无法评分 ──────────────────────────────────────────────────────────

/// A 50: A1 20 (rate 90%), A2 30 (不适用); B 50: B1 50 (rate 80%).
fn na_project(policy: &str) -> Scored {
    scored(&project(
        &format!("na_policy = \"{policy}\""),
        "100",
        r#"
[indicators.A]
name = "决策"
weight = 50

[indicators.A1]
parent = "A"
name = "资金到位率"
weight = 20
rule = { kind = "rate", numerator = "实际", denominator = "计划" }
inputs = { "实际" = 9, "计划" = 10 }

[indicators.A2]
parent = "A"
name = "应急处置"
weight = 30
na = "本年度未发生突发事件"

[indicators.B]
name = "产出"
weight = 50

[indicators.B1]
parent = "B"
name = "完成率"
weight = 50
rule = { kind = "rate", numerator = "实际", denominator = "计划" }
inputs = { "实际" = 8, "计划" = 10 }
"#,
    ))
}

#[test]
fn not_applicable_rebases_the_total() {
    // 18 + 40 = 58 out of the 70 still counted: 100 × 58 ÷ 70 = 82.857… → 82.86.
    let s = na_project("rebase");
    assert!(matches!(s.state("A2"), LeafState::NotApplicable(r) if r == "本年度未发生突发事件"));
    assert_eq!(s.score("A1"), "18.00");
    assert_eq!(s.score("B1"), "40.00");
    assert_eq!(s.weight("A2"), d("0"));
    assert_eq!(s.weight("A"), d("20"));
    assert_eq!(s.weight("B"), d("50"));
    assert_eq!(s.card.na_weight, d("30"));
    assert_eq!(s.card.base_score, d("58"));
    assert_eq!(s.total(), "82.86");
    assert_eq!(s.grade(), "良");
    assert_eq!(s.rate("A").as_deref(), Some("90.00"));
    assert!(s.node("A2").not_applicable);
    s.assert_no_errors();
}

#[test]
fn not_applicable_redistributes_to_siblings() {
    // A2's 30 goes to A1, now worth 50: 90% × 50 = 45; B1 80% × 50 = 40; total 85.
    let s = na_project("redistribute");
    assert_eq!(s.weight("A1"), d("50"));
    assert_eq!(s.weight("A2"), d("0"));
    assert_eq!(s.weight("A"), d("50"));
    assert_eq!(s.score("A1"), "45.00");
    assert_eq!(s.score("A"), "45.00");
    assert_eq!(s.total(), "85.00");
    assert_eq!(s.grade(), "良");
    s.assert_no_errors();
}

#[test]
fn redistributed_weights_carry_the_rounding_residue() {
    // A4 (7) is N/A: A1, A2, A3 (1 each) share A's 10 as 3.33, 3.33 and 10 − 6.66 = 3.34.
    // Rounding each share alone would give 3 × 3.33 = 9.99 and a total of 9.99.
    let leaf = |code: &str, weight: &str, extra: &str| {
        format!(
            "[indicators.{code}]\nparent = \"A\"\nname = \"指标{code}\"\nweight = {weight}\n{extra}\n"
        )
    };
    let s = scored(&project(
        "na_policy = \"redistribute\"",
        "10",
        &format!(
            "[indicators.A]\nname = \"决策\"\nweight = 10\n{}{}{}{}",
            leaf("A1", "1", "status = \"已评\""),
            leaf("A2", "1", "status = \"已评\""),
            leaf("A3", "1", "status = \"已评\""),
            leaf("A4", "7", "na = \"不涉及\""),
        ),
    ));
    let weights: Vec<Decimal> = ["A1", "A2", "A3", "A4"]
        .iter()
        .map(|c| s.weight(c))
        .collect();
    assert_eq!(weights, [d("3.33"), d("3.33"), d("3.34"), d("0")]);
    assert_eq!(s.weight("A"), d("10"));
    // Each leaf at full marks of its new weight: 3.33 + 3.33 + 3.34 = 10.00, 100%.
    assert_eq!(s.score("A3"), "3.34");
    assert_eq!(s.total(), "10.00");
    assert_eq!(s.rate("A").as_deref(), Some("100.00"));
    s.assert_no_errors();
}

#[test]
fn redistributed_weights_add_up_exactly() {
    // A3 (20) is N/A: its siblings 10 and 20 share 50 as 16.67 and 33.33.
    let leaf = |code: &str, weight: &str, extra: &str| {
        format!(
            "[indicators.{code}]\nparent = \"A\"\nname = \"指标{code}\"\nweight = {weight}\n{extra}\n"
        )
    };
    let s = scored(&project(
        "na_policy = \"redistribute\"",
        "50",
        &format!(
            "[indicators.A]\nname = \"决策\"\nweight = 50\n{}{}{}",
            leaf("A1", "10", "status = \"已评\""),
            leaf("A2", "20", "status = \"已评\""),
            leaf("A3", "20", "na = \"不涉及\""),
        ),
    ));
    assert_eq!(s.weight("A1"), d("16.67"));
    assert_eq!(s.weight("A2"), d("33.33"));
    assert_eq!(s.weight("A"), d("50"));
    assert_eq!(s.total(), "50.00");
}

#[test]
fn a_project_whose_every_leaf_is_not_applicable_has_no_score() {
    for policy in ["rebase", "redistribute"] {
        let src = project(
            &format!("na_policy = \"{policy}\""),
            "10",
            "[indicators.A]\nname = \"决策\"\nweight = 10\n\n\
             [indicators.A1]\nparent = \"A\"\nname = \"立项\"\nweight = 6\nna = \"延续项目\"\n\n\
             [indicators.A2]\nparent = \"A\"\nname = \"应急\"\nweight = 4\nna = \"未发生\"\n",
        );
        let s = scored(&src);
        // Not 0.00 差: no grade at all, and `check` says why.
        assert!(s.card.has_no_score(), "{policy}");
        assert_eq!(s.card.grade, None, "{policy}");
        let e = s.error_with("every leaf is 不适用");
        assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("[indicators.A]")));
    }
    // One applicable leaf is enough to have a score (and a grade).
    let s = na_project("rebase");
    assert!(!s.card.has_no_score());
    assert_eq!(s.grade(), "良");
}

#[test]
fn unscorable_scores_zero_with_its_reason() {
    let s = one_leaf("4", "unscorable = \"未提供满意度调查原始问卷\"");
    assert!(matches!(s.state("A1"), LeafState::Unscorable(r) if r.contains("问卷")));
    assert_eq!(s.score("A1"), "0.00");
    assert!(s.explains("A1", "无法评分，该指标不得分：未提供满意度调查原始问卷"));
    s.assert_no_errors();
}

#[test]
fn unscorable_without_a_reason_is_an_error() {
    let s = one_leaf("4", "unscorable = \" \"");
    let e = s.error_with("无法评分 needs a reason");
    assert_eq!(e.pos.map(|p| p.line), Some(s.line_of("unscorable =")));
}

// ─── 加减分项 ──────────────────────────────────────────────────────────────────

#[test]
fn adjustments_are_capped_per_item_and_per_group_and_may_exceed_the_base() {
    // Base 98; bonuses 3 (item cap 2) + 4 = 6, group cap 5; penalty 1: 98 + 5 − 1 = 102.
    let src = format!(
        "{}\n{}",
        leaf_project("100", "rule = { kind = \"judgement\" }\nscore = 98"),
        r#"
[adjustments]
bonus_cap = 5
penalty_cap = 15

[adjustments.items.F1]
name = "创新做法"
direction = "bonus"
cap = 2
points = 3
reason = "首创“一站式”结算"

[adjustments.items.F2]
name = "获上级表彰"
direction = "bonus"
points = 4
reason = "获省级表彰"

[adjustments.items.F3]
name = "信息公开不及时"
direction = "penalty"
points = 1
reason = "未按期公开"
"#
    );
    let s = scored(&src);
    let adj = s.card.adjustments.as_ref().expect("adjustments");
    assert_eq!(adj.lines[0].recorded, d("3"));
    assert_eq!(adj.lines[0].counted, d("2"));
    assert_eq!(adj.bonus, d("5"));
    assert_eq!(adj.penalty, d("1"));
    assert_eq!(adj.net, d("4"));
    assert_eq!(s.card.base_score, d("98"));
    assert_eq!(s.total(), "102.00");
    assert_eq!(s.grade(), "优");
    s.assert_no_errors();
}

#[test]
fn penalties_are_capped_as_a_group() {
    let src = format!(
        "{}\n{}",
        leaf_project("100", "rule = { kind = \"judgement\" }\nscore = 90"),
        r#"
[adjustments]
penalty_cap = 15

[adjustments.items.G1]
name = "审计发现问题"
direction = "penalty"
points = 10
reason = "审计查出违规支出"

[adjustments.items.G2]
name = "被通报批评"
direction = "penalty"
points = 10
reason = "被市政府通报"
"#
    );
    let s = scored(&src);
    assert_eq!(s.card.adjustments.as_ref().unwrap().penalty, d("15"));
    assert_eq!(s.total(), "75.00");
    assert_eq!(s.grade(), "中");
}

// ─── Grades ───────────────────────────────────────────────────────────────────

#[test]
fn five_grade_bands_at_each_boundary() {
    for (total, grade) in [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("70", "中"),
        ("69.99", "合格"),
        ("60", "合格"),
        ("59.99", "不合格"),
        ("0", "不合格"),
    ] {
        let s = scored(&project_graded(
            "",
            "100",
            FIVE_GRADES,
            &format!(
                "[indicators.A]\nname = \"决策\"\nweight = 100\n\n\
                 [indicators.A1]\nparent = \"A\"\nname = \"综合评价\"\nweight = 100\n\
                 rule = {{ kind = \"judgement\" }}\nscore = {total}\n"
            ),
        ));
        assert_eq!(s.card.total, d(total));
        assert_eq!(s.grade(), grade, "a total of {total}");
    }
}

#[test]
fn four_grade_bands_at_their_boundaries() {
    for (total, grade) in [("90", "优"), ("89.99", "良"), ("60", "中"), ("59.99", "差")] {
        let s = one_leaf(
            "100",
            &format!("rule = {{ kind = \"judgement\" }}\nscore = {total}"),
        );
        assert_eq!(s.grade(), grade, "a total of {total}");
    }
}

// ─── What check points at ─────────────────────────────────────────────────────

#[test]
fn an_awarded_score_that_differs_from_the_rule_counts_and_is_flagged() {
    // 荣成 B101: the rule gives 1.97, the report awards 1.
    let s = one_leaf(
        "3",
        r#"rule = { kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }
inputs = { "预算资金" = 1580, "实际到位资金" = 1040 }
score = 1

[[indicators.A1.deductions]]
points = 2
reason = "2019、2021年资金未到位"
"#,
    );
    let leaf = s.leaf("A1");
    assert_eq!(leaf.computed, Some(d("1.97")));
    assert_eq!(leaf.awarded, Some(d("1")));
    assert_eq!(s.score("A1"), "1.00", "the awarded score counts");
    assert_eq!(s.total(), "1.00");
    assert!(s.explains("A1", "给定得分 1.00 分（按评分规则计算为 1.97 分）"));
    let w = s.warning_with("awarded 1.00 but its rule gives 1.97");
    assert_eq!(w.pos.map(|p| p.line), Some(s.line_of("score =")));
    s.assert_no_errors();
}

#[test]
fn an_awarded_score_equal_to_the_rule_is_not_flagged() {
    let s = one_leaf(
        "3",
        r#"rule = { kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }
inputs = { "预算资金" = 1580, "实际到位资金" = 1040 }
score = 1.97"#,
    );
    assert_eq!(s.score("A1"), "1.97");
    assert!(!s.has_warning("awarded"), "{:#?}", s.warnings());
}

#[test]
fn a_justification_stating_another_score_is_flagged() {
    let s = one_leaf(
        "3",
        r#"rule = { kind = "judgement" }
score = 1.5
justification = "制度基本健全，但执行不到位。根据评分标准，该指标得2分。"

[[indicators.A1.deductions]]
points = 1.5
reason = "制度执行不到位"
"#,
    );
    assert_eq!(s.score("A1"), "1.50");
    let w = s.warning_with("the justification states 2 points but the score is 1.50");
    assert_eq!(w.pos.map(|p| p.line), Some(s.line_of("justification =")));
}

#[test]
fn a_justification_stating_the_same_score_and_rate_is_quiet() {
    let s = one_leaf(
        "4",
        r#"rule = { kind = "rate", numerator = "完成数", denominator = "计划数" }
inputs = { "完成数" = 2, "计划数" = 3 }
justification = "……根据评分标准，该指标得2.67分，得分率66.75%。"
"#,
    );
    s.assert_clean();
}

#[test]
fn a_justification_stating_another_rate_is_flagged() {
    let s = one_leaf(
        "4",
        r#"rule = { kind = "rate", numerator = "完成数", denominator = "计划数" }
inputs = { "完成数" = 2, "计划数" = 3 }
justification = "根据评分标准，该指标得2.67分，得分率70%。"
"#,
    );
    s.warning_with("得分率 of 70% but it is 66.75%");
}

#[test]
fn a_justification_rate_is_compared_at_the_precision_it_states() {
    // 6.25 of 8 is 78.125%: the report's "得分率 78%" and "78.13%" are right, "78.1%" too;
    // "79%" and "78.2%" are not.
    let leaf = |stated: &str| {
        one_leaf(
            "8",
            &format!(
                "rule = {{ kind = \"judgement\" }}\nscore = 6.25\nstatus = \"已评\"\njustification = \"该指标得 6.25 分，得分率 {stated}%。\"\n"
            ),
        )
    };
    for stated in ["78", "78.1", "78.13"] {
        let s = leaf(stated);
        assert!(
            s.diagnostics().is_empty(),
            "{stated}: {:#?}",
            s.diagnostics()
        );
    }
    for stated in ["79", "78.2", "78.12"] {
        leaf(stated).warning_with(&format!("得分率 of {stated}% but it is 78.13%"));
    }
}

#[test]
fn a_stated_rate_that_the_inputs_do_not_give_is_flagged() {
    let s = rate_leaf("3", "", "\"预算资金\" = 1580, \"实际到位资金\" = 1040");
    assert!(s.diagnostics().is_empty());
    let s = one_leaf(
        "3",
        r#"rule = { kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }
inputs = { "预算资金" = 1580, "实际到位资金" = 1040 }
stated_rate = 67"#,
    );
    s.warning_with("states a rate of 67% but the inputs give 65.82%");
}

#[test]
fn a_stated_rate_is_compared_at_the_precision_it_states() {
    // 1040 ÷ 1580 = 65.8228…%: "66%", "65.8%" and "65.82%" are all correctly rounded.
    for stated in ["66", "65.8", "65.82", "65.820"] {
        let s = one_leaf(
            "3",
            &format!(
                r#"rule = {{ kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }}
inputs = {{ "预算资金" = 1580, "实际到位资金" = 1040 }}
stated_rate = {stated}"#
            ),
        );
        assert!(
            s.diagnostics().is_empty(),
            "{stated}: {:#?}",
            s.diagnostics()
        );
    }
    for stated in ["65", "65.9", "65.83"] {
        let s = one_leaf(
            "3",
            &format!(
                r#"rule = {{ kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }}
inputs = {{ "预算资金" = 1580, "实际到位资金" = 1040 }}
stated_rate = {stated}"#
            ),
        );
        s.warning_with(&format!(
            "states a rate of {stated}% but the inputs give 65.82%"
        ));
    }
}

#[test]
fn a_printed_subtotal_that_its_leaves_do_not_give_is_flagged() {
    let src = project(
        "",
        "4",
        r#"
[indicators.A]
name = "决策"
weight = 4
stated = 3.5

[indicators.A1]
parent = "A"
name = "立项规范性"
weight = 4
stated = 3

[[indicators.A1.deductions]]
points = 1
reason = "未经集体决策"
"#,
    );
    let s = scored(&src);
    let w = s.warning_with("A 决策: the report prints 3.5 but the sum of its leaves gives 3.00");
    assert_eq!(w.pos.map(|p| p.line), Some(s.line_of("stated = 3.5")));
    assert!(!s.has_warning("A1 立项规范性: the report prints"));
}

#[test]
fn a_stated_total_and_grade_that_the_leaves_do_not_give_are_flagged() {
    let src = format!(
        "{}\n[project]\nname = \"测试项目\"\nstated_total = 91\nstated_grade = \"优\"\n",
        leaf_project("100", "rule = { kind = \"judgement\" }\nscore = 89.5")
    );
    let s = scored(&src);
    s.warning_with("the report states a total of 91 but the leaves give 89.50");
    s.warning_with("the report states grade \"优\" but a total of 89.50 is \"良\"");
}

#[test]
fn lost_points_without_a_reason_are_flagged() {
    let s = one_leaf("3", "rule = { kind = \"judgement\" }\nscore = 2");
    s.warning_with("loses 1.00 points but no deduction gives a reason");
}

#[test]
fn a_negative_deduction_is_one_error_at_the_deduction() {
    let s = one_leaf(
        "2",
        "\n[[indicators.A1.deductions]]\npoints = -1\nreason = \"写成了负数\"\n",
    );
    assert!(matches!(s.state("A1"), LeafState::Error(_)));
    let errors = s.errors();
    assert_eq!(errors.len(), 1, "one mistake, one error: {errors:#?}");
    assert!(
        errors[0]
            .message()
            .contains("deduction of -1 points is negative")
    );
    assert_eq!(
        errors[0].pos.map(|p| p.line),
        Some(s.line_of("points = -1"))
    );
}

#[test]
fn a_negative_deduction_count_is_one_error_at_the_deduction() {
    let s = one_leaf(
        "2",
        "rule = { kind = \"deductions\", per_item = 0.5 }\n\n\
         [[indicators.A1.deductions]]\ncount = -2\nreason = \"写成了负数\"\n",
    );
    assert!(matches!(s.state("A1"), LeafState::Error(_)));
    let errors = s.errors();
    assert_eq!(errors.len(), 1, "one mistake, one error: {errors:#?}");
    assert!(
        errors[0]
            .message()
            .contains("deduction count -2 is negative")
    );
    assert_eq!(errors[0].pos.map(|p| p.line), Some(s.line_of("count = -2")));
}

#[test]
fn unscored_leaves_count_zero_and_are_not_errors() {
    let s = one_leaf("3", "rule = { kind = \"judgement\" }");
    assert_eq!(s.state("A1"), &LeafState::Unscored);
    assert_eq!(s.score("A1"), "0.00");
    assert_eq!(s.card.scored_leaves, 0);
    assert_eq!(s.card.leaves, 1);
    s.assert_clean();
}

// ─── Later additions: level fractions, rate from a percentage, huge numbers, cycles ──────────

#[test]
fn levels_can_be_fractions_of_the_weight() {
    let s = one_leaf(
        "5",
        "rule = { kind = \"levels\", levels = [{ name = \"好\", fraction = 1 }, { name = \"较好\", fraction = 0.8 }, { name = \"一般\", fraction = 0.6 }] }\ntier = \"较好\"\nstatus = \"已评\"\n",
    );
    s.assert_no_errors();
    assert_eq!(s.score("A1"), "4.00");
}

#[test]
fn a_rate_can_read_a_percentage_input() {
    // 满意度 92.5% × 10 = 9.25; above 100% is capped.
    let s = one_leaf(
        "10",
        "rule = { kind = \"rate\", value = \"满意度\" }\ninputs = { \"满意度\" = 92.5 }\n",
    );
    s.assert_no_errors();
    assert_eq!(s.score("A1"), "9.25");
    let s = one_leaf(
        "10",
        "rule = { kind = \"rate\", value = \"满意度\" }\ninputs = { \"满意度\" = 104 }\n",
    );
    assert_eq!(s.score("A1"), "10.00");
}

#[test]
fn deductions_that_explain_an_awarded_score_are_not_warned_about() {
    // The report awards 1 of 3 on a rate rule that gives 1.97; the deduction gives the reason.
    let body = "rule = { kind = \"rate\", numerator = \"到位\", denominator = \"预算\" }\ninputs = { \"到位\" = 1040, \"预算\" = 1580 }\nscore = 1\n\n[[indicators.A1.deductions]]\npoints = 2\nreason = \"2019、2021年资金未到位\"\n";
    let s = one_leaf("3", body);
    assert!(s.has_warning("awarded 1.00 but its rule gives 1.97"));
    assert!(!s.has_warning("deductions explain"), "{:#?}", s.warnings());
    assert!(s.explains("A1", "2019、2021年资金未到位"));
    // A deduction that does not account for the loss is pointed out.
    let s = one_leaf("3", &body.replace("points = 2", "points = 1.5"));
    assert!(
        s.has_warning("the deductions explain 1.5 points but 2.00 were lost")
            || s.has_warning("the deductions explain 1.5 points but 2 were lost"),
        "{:#?}",
        s.warnings()
    );
}

#[test]
fn huge_numbers_are_refused_and_extreme_ratios_do_not_panic() {
    let src = leaf_project(
        "3",
        "rule = { kind = \"rate\", numerator = \"a\", denominator = \"b\", cap = false }\ninputs = { a = 1e20, b = 1 }\n",
    );
    let loaded = parse_project(&src).unwrap();
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.message().contains("too large")),
        "{:#?}",
        loaded.diagnostics
    );
    // The refused input is not used: the leaf is not scored from a number the loader rejected.
    let card = scoring::score(&loaded.project);
    let a1 = card.node(&loaded.project, "A1").unwrap();
    assert_eq!(
        a1.leaf.as_ref().map(|l| &l.state),
        Some(&LeafState::Incomplete(vec!["a".into()]))
    );
    assert_eq!(card.total, Decimal::ZERO);
    let s = one_leaf(
        "3",
        "rule = { kind = \"rate\", numerator = \"a\", denominator = \"b\", cap = false }\ninputs = { a = 999999999999999, b = 0.0000000000000000000000001 }\n",
    );
    // The ratio (≈10^39) is beyond exact decimals: the leaf says so and scores nothing,
    // rather than being capped to full marks as if it were a real 100%.
    assert_eq!(
        s.state("A1"),
        &LeafState::Error(jixiao::scoring::ScoreError::TooLarge)
    );
    assert_eq!(s.score("A1"), "0.00");
    assert_eq!(s.total(), "0.00");
    assert!(s.error_with("too large").message().contains("A1"));
}

#[test]
fn a_node_hanging_below_a_cycle_is_not_blamed_for_it() {
    let src = project(
        "",
        "1",
        "[indicators.R]\nname = \"根\"\nweight = 1\n\n[indicators.A1]\nparent = \"A2\"\nname = \"下挂\"\nweight = 1\n\n[indicators.A2]\nparent = \"A3\"\nname = \"环一\"\nweight = 1\n\n[indicators.A3]\nparent = \"A2\"\nname = \"环二\"\nweight = 1\n",
    );
    let s = scored(&src);
    let cycle_errors: Vec<String> = s
        .errors()
        .iter()
        .filter(|d| d.message().contains("cycle"))
        .map(|d| d.message().clone())
        .collect();
    assert!(!cycle_errors.is_empty());
    assert!(
        cycle_errors.iter().all(|m| !m.starts_with("A1:")),
        "{cycle_errors:?}"
    );
}
