//! What is wrong with a scoring rule or the config file as written, in words. Keys and examples are TOML and stay
//! as written in both languages.

use super::Lang;
use crate::diagnostic::{ConfigProblem, RuleNeed, RuleProblem};

/// Every rule kind, as `kind = "…"` takes them.
pub const RULE_KINDS: &str = "deductions, judgement, checkpoints, levels, rate, threshold, bands, proportional, hybrid, per_point, linear, target, formula, branch";

fn need(kind: &str, n: &RuleNeed, lang: Lang) -> String {
    use RuleNeed::*;
    let (zh, en) = match n {
        InputName { key } => (
            format!("需要 `{key}`（输入名称）"),
            format!("needs `{key}` (an input name)"),
        ),
        Number { key } => (
            format!("需要 `{key}`（数字）"),
            format!("needs `{key}` (a number)"),
        ),
        RatioNames => (
            "需要 `numerator` 和 `denominator`（输入名称）".to_string(),
            "needs both `numerator` and `denominator` (input names)".to_string(),
        ),
        Measure => (
            "需要一个度量：`value = \"输入\"` 或 `numerator`/`denominator`".to_string(),
            "needs a measure: `value = \"input\"` or `numerator`/`denominator`".to_string(),
        ),
        CheckpointPoints => (
            "需要 `points = [1, 1, …]`，每个评价要点一个".to_string(),
            "needs `points = [1, 1, …]`, one per checkpoint".to_string(),
        ),
        Levels => (
            "需要 `levels = [{ name = \"…\", points = … }, …]`".to_string(),
            "needs `levels = [{ name = \"…\", points = … }, …]`".to_string(),
        ),
        ThresholdBound => (
            "需要 `at_least`（%）或 `at_most`（%）".to_string(),
            "needs `at_least` (%) or `at_most` (%)".to_string(),
        ),
        Bands => (
            "需要 `bands = [{ min = 90, points = 4 }, …]`".to_string(),
            "needs `bands = [{ min = 90, points = 4 }, …]`".to_string(),
        ),
        PerPointDeduct => (
            "需要 `deduct`（每点扣分）或 `deduct_fraction`（占分值的比例）".to_string(),
            "needs `deduct` (points per point) or `deduct_fraction` (of the weight)".to_string(),
        ),
        Target => (
            "需要 `target`（数字或日期）".to_string(),
            "needs `target` (a number or a date)".to_string(),
        ),
        BranchPart { key } => (
            format!("需要 `{key} = {{ kind = \"…\", … }}`"),
            format!("needs `{key} = {{ kind = \"…\", … }}`"),
        ),
    };
    lang.pick(
        format!("评分规则 \"{kind}\" {zh}"),
        format!("rule \"{kind}\" {en}"),
    )
}

pub fn message(p: &RuleProblem, lang: Lang) -> String {
    use RuleProblem::*;
    match p {
        NotAShare { path, text } => lang.pick(
            format!("`{path}` 为“{text}”；应为比例，如 0.05 或 \"1/3\""),
            format!("`{path}` is \"{text}\"; expected a share such as 0.05 or \"1/3\""),
        ),
        NoKind { path } => lang.pick(
            format!("`{path}` 缺少 `kind`；可用：{RULE_KINDS}"),
            format!("`{path}` has no `kind`; expected one of: {RULE_KINDS}"),
        ),
        UnknownKind { kind } => lang.pick(
            format!("没有评分规则类型“{kind}”；可用：{RULE_KINDS}"),
            format!("unknown rule kind \"{kind}\"; expected one of: {RULE_KINDS}"),
        ),
        Needs { kind, need: n } => need(kind, n, lang),
        TwoNames { key } => lang.pick(
            format!("`{key}` 需要两个输入名称：[\"本年\", \"上年\"]"),
            format!("`{key}` needs two input names: [\"本年\", \"上年\"]"),
        ),
        ThresholdBoth => lang
            .pick(
                "评分规则 \"threshold\" 只取 `at_least` 或 `at_most` 之一，不能两者都写",
                "rule \"threshold\" takes `at_least` or `at_most`, not both",
            )
            .into(),
        ThresholdOtherwise { path } => lang.pick(
            format!("`{path}`：应为分数、\"rate\" 或 \"proportional\""),
            format!("`{path}`: expected points, \"rate\" or \"proportional\""),
        ),
        StepNotPositive { path, value } => lang.pick(
            format!("`{path}` 为 {value}；应为正数，如 5"),
            format!("`{path}` is {value}; expected a positive size such as 5"),
        ),
        ToleranceNegative { path, value } => lang.pick(
            format!("`{path}` 为 {value}；应为 0 或以上"),
            format!("`{path}` is {value}; expected 0 or more"),
        ),
        Formula { formula, detail } => lang.pick(
            format!("公式“{formula}”有误（{detail}）"),
            format!("formula \"{formula}\": {detail}"),
        ),
        MaxNegative { path, value } => lang.pick(
            format!("`{path}` 为 {value}；应为该规则的满分，0 或以上"),
            format!("`{path}` is {value}; expected the rule's full marks, 0 or more"),
        ),
        UnknownYears { value } => lang.pick(
            format!("years 不能是“{value}”；应为“sum”（按各年合计）或“mean”（各年比率的平均）"),
            format!(
                "unknown years \"{value}\"; expected \"sum\" (over the summed years) or \"mean\" (the mean of yearly rates)"
            ),
        ),
        UnknownOrigin { value } => lang.pick(
            format!(
                "origin 不能是“{value}”；应为“text”（`jixiao import` 从评分标准文字读出的规则；核对后删去该键）或“reconstructed”（报告未列出、由评价人员重建的规则）"
            ),
            format!(
                "unknown origin \"{value}\"; expected \"text\" (a rule `jixiao import` read from the 评分标准 text; remove the key once checked) or \"reconstructed\" (a rule the report never prints, rebuilt by the evaluators)"
            ),
        ),
        CheckpointBothCredits { path } => lang.pick(
            format!("`{path}`：评价要点只能是 `partial = true` 或 `per_item = …` 之一"),
            format!(
                "`{path}`: a checkpoint is either `partial = true` or `per_item = …`, not both"
            ),
        ),
        PerItemNotPositive { path } => lang.pick(
            format!("`{path}`：应为每个缺项扣的分数，大于 0"),
            format!("`{path}`: expected the points each shortcoming costs, above 0"),
        ),
        NotATable { path } => lang.pick(
            format!("`{path}` 应为表，如 {{ kind = \"rate\", … }}"),
            format!("`{path}` must be a table such as {{ kind = \"rate\", … }}"),
        ),
    }
}

/// A problem of the config file, with the default used instead.
pub fn config(p: &ConfigProblem, lang: Lang) -> String {
    use ConfigProblem::*;
    match p {
        NotToml { detail } => lang.pick(
            format!("不是有效的 TOML（{detail}）；使用默认设置"),
            format!("invalid TOML: {detail}; using the default settings"),
        ),
        Lang => lang
            .pick(
                "`lang` 应为 \"zh\" 或 \"en\"；按区域设置的语言",
                "`lang` must be \"zh\" or \"en\"; using the language of the locale",
            )
            .into(),
        Ascii => lang
            .pick(
                "`ascii` 应为 true 或 false（不带引号）；使用 false",
                "`ascii` must be true or false (no quotes); using false",
            )
            .into(),
        AmbiguousWidth => lang
            .pick(
                "`ambiguous_width` 应为 1 或 2（不带引号）；使用 1",
                "`ambiguous_width` must be 1 or 2 (no quotes); using 1",
            )
            .into(),
        Reviewer => lang
            .pick(
                "`reviewer` 应为带引号的姓名，如 reviewer = \"张三\"；使用登录名",
                "`reviewer` must be a name in quotes, e.g. reviewer = \"张三\"; using the login name",
            )
            .into(),
        ExportNotTable => lang
            .pick(
                "`export` 应为表：[export]；使用默认导出样式",
                "`export` must be a table: [export]; using the default export style",
            )
            .into(),
        UnknownKey { key, allowed } => lang.pick(
            format!("没有设置项 `{key}`；可用：{allowed}"),
            format!("unknown setting `{key}`; expected one of: {allowed}"),
        ),
        ExportFlag { key } => lang.pick(
            format!("`export.{key}` 应为 true 或 false（不带引号）；使用默认值"),
            format!("`export.{key}` must be true or false (no quotes); using the default"),
        ),
        Template => lang
            .pick(
                "`export.template` 应为带引号的 .docx 文件路径",
                "`export.template` must be the path of a .docx in quotes",
            )
            .into(),
        CriteriaHeader => lang
            .pick(
                "`export.criteria_header` 应为带引号的表头，如 \"指标说明\"",
                "`export.criteria_header` must be a header in quotes, e.g. \"指标说明\"",
            )
            .into(),
        Unreadable { detail } => lang.pick(
            format!("无法读取配置文件：{detail}；使用默认设置"),
            format!("cannot read the config file: {detail}; using the defaults"),
        ),
    }
}
