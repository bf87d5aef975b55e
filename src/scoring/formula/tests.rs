use super::*;
use std::str::FromStr;

/// The parse error in English, as `check --lang en` prints it.
fn perr(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn eval(expr: &str, vars: &[(&str, &str)]) -> Result<Decimal, String> {
    let vars: Vec<(String, Decimal)> = vars.iter().map(|(k, v)| (k.to_string(), d(v))).collect();
    parse(expr)
        .map_err(|e| e.to_string())?
        .eval(&|n| vars.iter().find(|(k, _)| k == n).map(|(_, v)| *v))
        .map_err(|e| e.to_string())
}

#[test]
fn penalty_term_formula() {
    // 得分 = 访视率/90%×2 − 不真实档案数×0.5
    let v = eval(
        "访视率 / 90% * 2 - 不真实档案数 * 0.5",
        &[("访视率", "0.81"), ("不真实档案数", "1")],
    )
    .unwrap();
    assert_eq!(v, d("1.3"));
}

#[test]
fn precedence_parentheses_and_functions() {
    assert_eq!(eval("1 + 2 * 3", &[]).unwrap(), d("7"));
    assert_eq!(eval("(1 + 2) * 3", &[]).unwrap(), d("9"));
    assert_eq!(
        eval("min(weight, 5) - -1", &[("weight", "3")]).unwrap(),
        d("4")
    );
    assert_eq!(eval("0.1 + 0.2", &[]).unwrap(), d("0.3"));
    assert_eq!(eval("（1+1）×2÷4", &[]).unwrap(), d("1"));
}

#[test]
fn errors_say_what_is_wrong() {
    assert!(eval("1 / 0", &[]).unwrap_err().contains("division by zero"));
    assert!(eval("x + 1", &[]).unwrap_err().contains("`x`"));
    assert!(perr("1 +").contains("ends too early"));
    assert!(perr("(1").contains(")"));
    assert!(perr("foo(1)").contains("unknown function"));
    assert!(perr("1 $ 2").contains("unexpected character"));
}

#[test]
fn substitution_reads_like_arithmetic() {
    let e = parse("a / 90% * 2 - b * 0.5").unwrap();
    let s = e.substituted(&|n| {
        if n == "a" {
            Some(d("0.81"))
        } else {
            Some(d("1"))
        }
    });
    assert_eq!(s, "0.81 ÷ 90% × 2 − 1 × 0.5");
}

#[test]
fn comparisons_and_if() {
    // "完成率≥95%得满分，否则得分=完成率×分值"
    let f = "if(完成率 >= 95%, weight, 完成率 * weight)";
    assert_eq!(
        eval(f, &[("完成率", "0.95"), ("weight", "5")]).unwrap(),
        d("5")
    );
    assert_eq!(
        eval(f, &[("完成率", "0.9"), ("weight", "5")]).unwrap(),
        d("4.5")
    );
    assert_eq!(eval("2 > 1", &[]).unwrap(), d("1"));
    assert_eq!(eval("2 < 1", &[]).unwrap(), d("0"));
    assert_eq!(eval("1 ≤ 1", &[]).unwrap(), d("1"));
    assert_eq!(eval("1 ≥ 2", &[]).unwrap(), d("0"));
    assert_eq!(eval("1 == 1", &[]).unwrap(), d("1"));
    assert_eq!(eval("1 != 1", &[]).unwrap(), d("0"));
    assert_eq!(eval("1 ≠ 2", &[]).unwrap(), d("1"));
    // Only the branch taken is evaluated.
    assert_eq!(eval("if(0, 1 / 0, 2)", &[]).unwrap(), d("2"));
    assert!(perr("1 < 2 < 3").contains("second comparison"));
    assert!(perr("if(1, 2)").contains("takes 3"));
}

#[test]
fn rounding_functions() {
    assert_eq!(eval("round(92.985)", &[]).unwrap(), d("93"));
    assert_eq!(eval("round(2.665, 2)", &[]).unwrap(), d("2.67"));
    assert_eq!(eval("round(-2.5)", &[]).unwrap(), d("-3"));
    assert_eq!(eval("floor(1.7356, 2)", &[]).unwrap(), d("1.73"));
    assert_eq!(eval("floor(-1.5)", &[]).unwrap(), d("-2"));
    assert_eq!(eval("ceil(1.01)", &[]).unwrap(), d("2"));
    assert_eq!(eval("ceil(1.001, 2)", &[]).unwrap(), d("1.01"));
    assert_eq!(eval("abs(-3% - -4%)", &[]).unwrap(), d("0.01"));
    assert!(
        eval("round(1, 1.5)", &[])
            .unwrap_err()
            .contains("whole number")
    );
    assert!(
        eval("round(1, 11)", &[])
            .unwrap_err()
            .contains("whole number")
    );
}

#[test]
fn names_that_start_with_a_digit() {
    let v = eval(
        "min(2022年执行率, 2021年执行率) - 1",
        &[("2022年执行率", "90"), ("2021年执行率", "80")],
    )
    .unwrap();
    assert_eq!(v, d("79"));
    assert_eq!(eval("2 * 3", &[]).unwrap(), d("6"));
    assert_eq!(eval("90%", &[]).unwrap(), d("0.9"));
}

#[test]
fn full_width_brackets_and_quoted_names() {
    assert_eq!(eval("max（1，2）", &[]).unwrap(), d("2"));
    assert_eq!(eval("（1＋1）＊2", &[]).unwrap(), d("4"));
    // A name followed by a bracket is not silently a call: the error says what to write.
    let e = perr("资金（万元）");
    assert!(
        e.contains("unknown function `资金`") && e.contains("backticks"),
        "{e}"
    );
    assert_eq!(
        eval("`资金（万元）` / 2", &[("资金（万元）", "10")]).unwrap(),
        d("5")
    );
    assert_eq!(quote_name("预算资金"), "预算资金");
    assert_eq!(quote_name("2021年预算"), "2021年预算");
    assert_eq!(quote_name("资金（万元）"), "`资金（万元）`");
    assert!(perr("`资金").contains("no closing"));
}

#[test]
fn huge_formulas_are_located_errors_not_crashes() {
    let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
    let e = perr(&deep);
    assert!(e.contains("too long") && e.contains("at character"), "{e}");
    let long = vec!["1"; 30_000].join(" + ");
    let e = perr(&long);
    assert!(
        e.contains("too long") && e.contains("at character 2001"),
        "{e}"
    );
    let nested = format!("{}1{}", "(".repeat(100), ")".repeat(100));
    let e = perr(&nested);
    assert!(
        e.contains("nested more than 64") && e.contains("at character 65"),
        "{e}"
    );
    let signs = format!("{}1", "-".repeat(500));
    assert!(perr(&signs).contains("nested"));
    let calls = format!("{}1{}", "abs(".repeat(100), ")".repeat(100));
    assert!(perr(&calls).contains("nested"));
    // Within the limits, everything still works.
    let ok = format!("{}1{}", "(".repeat(60), ")".repeat(60));
    assert_eq!(parse(&ok).unwrap().eval(&|_| None).unwrap(), d("1"));
    let calls = format!("{}-1{}", "abs(-".repeat(30), ")".repeat(30));
    assert_eq!(parse(&calls).unwrap().eval(&|_| None).unwrap(), d("1"));
    let percents = format!("100{}", "%".repeat(60));
    assert!(parse(&percents).is_ok());
    let sum = vec!["1"; 499].join(" + ");
    assert_eq!(parse(&sum).unwrap().eval(&|_| None).unwrap(), d("499"));
}

#[test]
fn substitution_brackets_what_the_tree_groups() {
    let e = parse("a - (b + c)").unwrap();
    assert_eq!(e.substituted(&|_| None), "a − (b + c)");
    let e = parse("a / (b * c)").unwrap();
    assert_eq!(e.substituted(&|_| None), "a ÷ (b × c)");
    let e = parse("a - b").unwrap();
    let v = e.substituted(&|n| Some(if n == "a" { d("-3") } else { d("-4") }));
    assert_eq!(v, "-3 − (-4)");
}
