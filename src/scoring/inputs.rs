//! The inputs a rule reads: what the `i` prompt offers, what an incomplete leaf still needs.

use super::formula;
use crate::model::{Measure, Rule, RuleKind};

/// The names `rule` reads, in the order it reads them, each once (`weight`, the leaf's own
/// weight in formulas, is not an input).
pub fn rule_inputs(rule: &Rule) -> Vec<String> {
    let mut names = Vec::new();
    collect(rule, &mut names);
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if n != "weight" && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

fn measure_inputs(m: &Measure, out: &mut Vec<String>) {
    // An expression, a difference or a growth reads several inputs: each by its name.
    out.extend(m.inputs());
}

fn collect(rule: &Rule, out: &mut Vec<String>) {
    match &rule.kind {
        RuleKind::Rate { measure, .. }
        | RuleKind::Threshold { measure, .. }
        | RuleKind::Bands { measure, .. }
        | RuleKind::Proportional { measure, .. }
        | RuleKind::Hybrid { measure, .. }
        | RuleKind::PerPoint { measure, .. }
        | RuleKind::Linear { measure, .. } => measure_inputs(measure, out),
        RuleKind::Target { actual, .. } => out.push(actual.clone()),
        RuleKind::Formula { expr } => {
            if let Ok(e) = formula::parse(expr) {
                e.names(out);
            }
        }
        RuleKind::Branch {
            when,
            then,
            otherwise,
        } => {
            out.push(when.clone());
            collect(then, out);
            collect(otherwise, out);
        }
        RuleKind::Deductions { .. }
        | RuleKind::Judgement { .. }
        | RuleKind::Checkpoints { .. }
        | RuleKind::Levels { .. } => {}
    }
    out.extend(rule.veto.iter().cloned());
}
