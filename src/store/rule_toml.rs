//! A rule as the inline TOML table the file format documents (`{ kind = "rate", numerator = …
//! }`): what `jixiao import` writes for a rule it read, and what the xlsx export carries in its
//! 计分规则 sheet so an export imports back with its rules.

use rust_decimal::Decimal;

use crate::model::{
    Assessment, CompareOp, Credit, Fraction, Measure, Rule, RuleKind, StepCount, TargetMiss,
    TargetValue, ThresholdMiss, YearMode,
};
use crate::scoring::rounding::plain;

/// A TOML basic string, escaped.
pub fn string(s: &str) -> String {
    // toml_edit's encoding (it picks basic or literal and escapes what TOML must), kept on one
    // line: rules are inline tables, and an inline table cannot span lines.
    if !s.contains(['\n', '\r']) {
        return toml_edit::Value::from(s).to_string().trim().to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn num(d: Decimal) -> String {
    plain(d)
}

fn share(f: Fraction) -> String {
    if f.is_quotient() {
        string(&f.to_string())
    } else {
        num(f.num)
    }
}

fn strings(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn measure(m: &Measure, out: &mut Vec<String>) {
    match m {
        Measure::Ratio {
            numerator,
            denominator,
        } => {
            out.push(format!("numerator = {}", string(numerator)));
            out.push(format!("denominator = {}", string(denominator)));
        }
        Measure::Value(v) => out.push(format!("value = {}", string(v))),
    }
}

/// `{ kind = "…", … }` on one line.
pub fn inline(rule: &Rule) -> String {
    let mut f: Vec<String> = vec![format!("kind = \"{}\"", rule.kind.name())];
    match &rule.kind {
        RuleKind::Deductions {
            per_item,
            fraction,
            groups,
        } => {
            if let Some(p) = per_item {
                f.push(format!("per_item = {}", num(*p)));
            }
            if let Some(x) = fraction {
                f.push(format!("fraction = {}", share(*x)));
            }
            if !groups.is_empty() {
                let g: Vec<String> = groups
                    .iter()
                    .map(|g| format!("{{ name = {}, cap = {} }}", string(&g.name), num(g.cap)))
                    .collect();
                f.push(format!("groups = [{}]", g.join(", ")));
            }
        }
        RuleKind::Judgement { min, max } => {
            if let Some(m) = min {
                f.push(format!("min = {}", num(*m)));
            }
            if let Some(m) = max {
                f.push(format!("max = {}", num(*m)));
            }
        }
        RuleKind::Checkpoints { points } => {
            let p: Vec<String> = points
                .iter()
                .map(|c| match c.credit {
                    Credit::Whole => num(c.points),
                    Credit::Partial => format!("{{ points = {}, partial = true }}", num(c.points)),
                    Credit::PerItem(each) => {
                        format!("{{ points = {}, per_item = {} }}", num(c.points), num(each))
                    }
                })
                .collect();
            f.push(format!("points = [{}]", p.join(", ")));
        }
        RuleKind::Levels { levels } => {
            let l: Vec<String> = levels
                .iter()
                .map(|l| match l.fraction {
                    Some(x) => format!("{{ name = {}, fraction = {} }}", string(&l.name), share(x)),
                    None => format!(
                        "{{ name = {}, points = {} }}",
                        string(&l.name),
                        num(l.points)
                    ),
                })
                .collect();
            f.push(format!("levels = [{}]", l.join(", ")));
        }
        RuleKind::Rate { measure: m, cap } => {
            measure(m, &mut f);
            if !cap {
                f.push("cap = false".into());
            }
        }
        RuleKind::Threshold {
            measure: m,
            op,
            limit,
            otherwise,
        } => {
            measure(m, &mut f);
            let key = if *op == CompareOp::AtMost {
                "at_most"
            } else {
                "at_least"
            };
            f.push(format!("{key} = {}", num(*limit)));
            match otherwise {
                ThresholdMiss::Points(p) if p.is_zero() => {}
                ThresholdMiss::Points(p) => f.push(format!("otherwise = {}", num(*p))),
                ThresholdMiss::Rate => f.push("otherwise = \"rate\"".into()),
                ThresholdMiss::Proportional => f.push("otherwise = \"proportional\"".into()),
            }
        }
        RuleKind::Bands { measure: m, bands } => {
            measure(m, &mut f);
            let b: Vec<String> = bands
                .iter()
                .map(|(min, p)| format!("{{ min = {}, points = {} }}", num(*min), num(*p)))
                .collect();
            f.push(format!("bands = [{}]", b.join(", ")));
        }
        RuleKind::Proportional {
            measure: m,
            threshold,
        } => {
            measure(m, &mut f);
            f.push(format!("threshold = {}", num(*threshold)));
        }
        RuleKind::Hybrid {
            measure: m,
            full,
            floor,
        } => {
            measure(m, &mut f);
            f.push(format!("full = {}", num(*full)));
            f.push(format!("floor = {}", num(*floor)));
        }
        RuleKind::PerPoint {
            measure: m,
            threshold,
            deduct,
            deduct_fraction,
            step,
            steps,
            above,
            tolerance,
        } => {
            measure(m, &mut f);
            f.push(format!("threshold = {}", num(*threshold)));
            if let Some(d) = deduct {
                f.push(format!("deduct = {}", num(*d)));
            }
            if let Some(x) = deduct_fraction {
                f.push(format!("deduct_fraction = {}", share(*x)));
            }
            if *step != Decimal::ONE {
                f.push(format!("step = {}", num(*step)));
            }
            match steps {
                StepCount::ProRata => {}
                StepCount::Whole => f.push("steps = \"whole\"".into()),
                StepCount::Started => f.push("steps = \"started\"".into()),
            }
            if *above {
                f.push("direction = \"above\"".into());
            }
            if !tolerance.is_zero() {
                f.push(format!("tolerance = {}", num(*tolerance)));
            }
        }
        RuleKind::Linear {
            measure: m,
            full_at,
            zero_at,
        } => {
            measure(m, &mut f);
            f.push(format!("full_at = {}", num(*full_at)));
            f.push(format!("zero_at = {}", num(*zero_at)));
        }
        RuleKind::Target {
            actual,
            op,
            target,
            otherwise,
        } => {
            f.push(format!("actual = {}", string(actual)));
            f.push(format!("op = \"{}\"", op.symbol()));
            f.push(match target {
                TargetValue::Number(n) => format!("target = {}", num(*n)),
                TargetValue::Date(d) => format!("target = {d}"),
            });
            match otherwise {
                TargetMiss::Points(p) if p.is_zero() => {}
                TargetMiss::Points(p) => f.push(format!("otherwise = {}", num(*p))),
                TargetMiss::Proportional => f.push("otherwise = \"proportional\"".into()),
            }
        }
        RuleKind::Formula { expr } => f.push(format!("expr = {}", string(expr))),
        RuleKind::Branch {
            when,
            then,
            otherwise,
        } => {
            f.push(format!("when = {}", string(when)));
            f.push(format!("then = {}", inline(then)));
            f.push(format!("else = {}", inline(otherwise)));
        }
    }
    if !rule.veto.is_empty() {
        f.push(format!("veto = {}", strings(&rule.veto)));
    }
    if let Some(m) = rule.max
        && !matches!(rule.kind, RuleKind::Judgement { .. })
    {
        f.push(format!("max = {}", num(m)));
    }
    if let Some(p) = rule.rate_places {
        f.push(format!("rate_places = {p}"));
    }
    if let Some(u) = &rule.unit {
        f.push(format!("unit = {}", string(u)));
    }
    if rule.years == YearMode::Mean {
        f.push("years = \"mean\"".into());
    }
    if rule.from_text {
        f.push("origin = \"text\"".into());
    } else if rule.reconstructed {
        f.push("origin = \"reconstructed\"".into());
    }
    format!("{{ {} }}", f.join(", "))
}

/// A key, bare when TOML allows it (ASCII letters, digits, `-`, `_`), quoted otherwise.
pub fn key(k: &str) -> String {
    toml_edit::Key::new(k).display_repr().into_owned()
}

/// What a leaf's rule reads, as TOML lines of the leaf's table: `inputs = { … }` (per-year
/// figures as `{ 2019 = 500, … }`), `tier = "…"`, `checks = […]`. Empty when nothing is recorded.
pub fn record_lines(a: &Assessment) -> String {
    let mut lines = Vec::new();
    let mut inputs: Vec<String> = a
        .inputs
        .iter()
        .map(|(n, v)| {
            format!(
                "{} = {}",
                key(n),
                super::toml_write::input(v).to_string().trim()
            )
        })
        .collect();
    inputs.extend(a.yearly.iter().map(|y| {
        let years: Vec<String> = y
            .years
            .iter()
            .map(|(year, v)| format!("{} = {}", key(year), num(*v)))
            .collect();
        format!("{} = {{ {} }}", key(&y.name), years.join(", "))
    }));
    if !inputs.is_empty() {
        lines.push(format!("inputs = {{ {} }}", inputs.join(", ")));
    }
    if let Some(t) = &a.tier {
        lines.push(format!("tier = {}", string(t)));
    }
    if !a.checks.is_empty() {
        let c: Vec<String> = a.checks.iter().map(|c| c.text()).collect();
        lines.push(format!("checks = [{}]", c.join(", ")));
    }
    lines.join("\n")
}

/// Whether a leaf's rule is worth writing: anything but the plain default (deductions from the
/// weight, nothing else said).
pub fn is_default(rule: &Rule) -> bool {
    *rule == Rule::default()
}

/// Reads back what [`inline`] wrote, through the file format's own reader, so the same checks
/// apply (`Err` says what is wrong).
pub fn parse(text: &str) -> Result<Rule, Box<crate::diagnostic::Diagnostic>> {
    parse_leaf(text, "").map(|(rule, _)| rule)
}

/// Reads back a rule (inline, may be empty) and what [`record_lines`] wrote.
/// What does not load is said by the loader's diagnostic (its place in the made-up document
/// that holds the rule means nothing to a reader and is dropped).
pub fn parse_leaf(
    rule: &str,
    record: &str,
) -> Result<(Rule, Assessment), Box<crate::diagnostic::Diagnostic>> {
    let rule = if rule.trim().is_empty() {
        String::new()
    } else {
        format!("rule = {}\n", rule.trim())
    };
    let doc = format!(
        "[framework]\nid = \"x\"\ntotal = 1\n[indicators.X]\nname = \"x\"\nweight = 1\n{rule}{}\n",
        record.trim()
    );
    let loaded = crate::store::parse_project(&doc).map_err(|e| match e {
        crate::store::LoadError::Syntax(d) => d,
        crate::store::LoadError::Io(e) => {
            Box::new(crate::diagnostic::Diagnostic::error(None, e.to_string()))
        }
    })?;
    if let Some(d) = loaded.diagnostics.iter().find(|d| d.is_error()) {
        let mut d = d.clone();
        d.pos = None;
        return Err(Box::new(d));
    }
    loaded
        .project
        .indicators
        .into_iter()
        .next()
        .map(|i| (i.rule, i.assessment))
        .ok_or_else(|| {
            Box::new(crate::diagnostic::Diagnostic::syntax(
                None,
                crate::diagnostic::Syntax::NoIndicators,
            ))
        })
}

#[cfg(test)]
mod origin_tests {
    use super::{inline, parse};

    /// A rebuilt rule keeps its mark through an edit that rewrites it, and so does an imported one.
    #[test]
    fn the_origin_of_a_rule_survives_being_written_again() {
        for origin in ["reconstructed", "text"] {
            let text = format!(
                "{{ kind = \"rate\", numerator = \"到位\", denominator = \"预算\", origin = \"{origin}\" }}"
            );
            let rule = parse(&text).unwrap();
            assert_eq!(rule.reconstructed, origin == "reconstructed");
            assert_eq!(rule.from_text, origin == "text");
            assert!(inline(&rule).contains(&format!("origin = \"{origin}\"")));
            assert_eq!(parse(&inline(&rule)).unwrap(), rule);
        }
    }
}
