//! `jixiao diff A B`: the same project scored by two evaluators.

use std::path::Path;

use jixiao::diff::{ProjectDiff, compare};
use jixiao::scoring::rounding::fixed;
use serde_json::json;

use super::commands::load_or_report;

pub fn diff(a: &Path, b: &Path, as_json: bool) -> u8 {
    let (la, lb) = match (load_or_report(a), load_or_report(b)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(c), _) | (_, Err(c)) => return c.max(2),
    };
    let d = compare(&la.project, &lb.project);
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&to_json(&d)).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            to_text(&d, &super::stdio::shown(a), &super::stdio::shown(b))
        );
    }
    u8::from(!d.is_empty())
}

fn signed(x: rust_decimal::Decimal, places: u32) -> String {
    let s = fixed(x, places);
    if x > rust_decimal::Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

fn to_text(d: &ProjectDiff, a: &str, b: &str) -> String {
    let p = d.places;
    let mut out = format!("A = {a}\nB = {b}\n");
    if d.is_empty() {
        out.push_str("两份评分一致\n");
        return out;
    }
    for x in &d.indicators {
        out.push_str(&format!(
            "{} {}：A {} / B {}（{}）\n",
            x.code,
            x.name,
            fixed(x.score_a, p),
            fixed(x.score_b, p),
            signed(x.score_b - x.score_a, p)
        ));
        for ded in &x.only_in_a {
            out.push_str(&format!(
                "  仅 A 扣分：{} 分 {}\n",
                ded.points.map(|v| fixed(v, p)).unwrap_or_default(),
                ded.reason.trim()
            ));
        }
        for ded in &x.only_in_b {
            out.push_str(&format!(
                "  仅 B 扣分：{} 分 {}\n",
                ded.points.map(|v| fixed(v, p)).unwrap_or_default(),
                ded.reason.trim()
            ));
        }
        for n in &x.notes {
            out.push_str(&format!("  {n}\n"));
        }
    }
    for c in &d.only_codes_a {
        out.push_str(&format!("{c}：仅 A 有此指标\n"));
    }
    for c in &d.only_codes_b {
        out.push_str(&format!("{c}：仅 B 有此指标\n"));
    }
    out.push_str(&format!(
        "总分：A {}（{}）/ B {}（{}），相差 {}\n",
        fixed(d.total_a, p),
        d.grade_a.as_deref().unwrap_or("-"),
        fixed(d.total_b, p),
        d.grade_b.as_deref().unwrap_or("-"),
        signed(d.total_b - d.total_a, p)
    ));
    out
}

fn to_json(d: &ProjectDiff) -> serde_json::Value {
    let p = d.places;
    let ded = |v: &Vec<jixiao::model::Deduction>| {
        v.iter()
            .map(|x| json!({"points": x.points.map(|v| fixed(v, p)), "reason": x.reason}))
            .collect::<Vec<_>>()
    };
    json!({
        "equal": d.is_empty(),
        "total": {"a": fixed(d.total_a, p), "b": fixed(d.total_b, p), "delta": fixed(d.total_b - d.total_a, p)},
        "grade": {"a": d.grade_a, "b": d.grade_b},
        "indicators": d.indicators.iter().map(|x| json!({
            "code": x.code, "name": x.name, "leaf": x.leaf,
            "a": fixed(x.score_a, p), "b": fixed(x.score_b, p), "delta": fixed(x.score_b - x.score_a, p),
            "only_in_a": ded(&x.only_in_a), "only_in_b": ded(&x.only_in_b), "notes": x.notes,
        })).collect::<Vec<_>>(),
        "only_in_a": d.only_codes_a,
        "only_in_b": d.only_codes_b,
    })
}
