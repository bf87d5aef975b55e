//! A rule as one edit: the TOML inline table a leaf's `rule` key holds. `set … rule.kind=rate
//! rule.numerator=…` builds it from assignments; the loader that reads every project file is
//! the one that says whether it is a rule, so the workbench, the CLI and `check` agree.

use toml_edit::{InlineTable, Value};

use super::EditError;

/// A parameter as typed: a TOML value when it reads as one (`95`, `0.05`, `true`, `[1, 1,
/// 0.5]`, `{ … }`, `"text"`), else the text itself (`实际到位资金`, `≥95%`).
fn param(text: &str) -> Value {
    let t = text.trim();
    match t.parse::<Value>() {
        // A bare date or time is almost always meant as text in a rule (`target = "2023-12-31"`).
        Ok(Value::Datetime(_)) | Err(_) => Value::from(t),
        Ok(mut v) => {
            v.decor_mut().clear();
            v
        }
    }
}

/// The rule `current` (its inline-table text, None when the leaf has none) changed by
/// `assignments` of `rule=…` / `rule.KEY=VALUE`. `rule.kind=…` starts a new rule (the old
/// parameters belong to the old kind); other keys change one parameter of the current rule;
/// an empty value removes the key, and an empty `rule=` removes the rule. Returns the new
/// rule's text, or None for no rule.
pub fn rule_from_assignments(
    current: Option<&str>,
    assignments: &[(String, String)],
) -> Result<Option<String>, EditError> {
    let parse_table = |text: &str| -> Result<InlineTable, EditError> {
        match text.trim().parse::<Value>() {
            Ok(Value::InlineTable(t)) => Ok(t),
            _ => Err(EditError::RuleNotTable {
                text: text.to_string(),
            }),
        }
    };
    let mut table = match current {
        Some(text) => parse_table(text)?,
        None => InlineTable::new(),
    };
    if assignments.iter().any(|(k, _)| k == "rule.kind") {
        table = InlineTable::new();
    }
    for (key, value) in assignments {
        if key == "rule" {
            table = if value.trim().is_empty() {
                InlineTable::new()
            } else {
                parse_table(value)?
            };
            continue;
        }
        let Some(name) = key.strip_prefix("rule.") else {
            continue;
        };
        if name.is_empty() || name.contains('.') {
            return Err(EditError::NotRuleParameter {
                key: key.to_string(),
            });
        }
        if value.trim().is_empty() {
            table.remove(name);
        } else if name == "kind" {
            // `kind` first, as every file writes it.
            let mut fresh = InlineTable::new();
            fresh.insert("kind", Value::from(value.trim()));
            for (k, v) in table.iter() {
                if k != "kind" {
                    fresh.insert(k, v.clone());
                }
            }
            table = fresh;
        } else {
            table.insert(name, param(value));
        }
    }
    if table.is_empty() {
        return Ok(None);
    }
    table.fmt();
    Ok(Some(table.to_string().trim().to_string()))
}

/// Reads `text` as the rule of a leaf worth `weight`, with the same loader (and the same
/// messages, naming what is allowed) as a project file: the rule's TOML value, or why not.
pub fn rule_value(
    code: &str,
    weight: rust_decimal::Decimal,
    text: &str,
) -> Result<Value, EditError> {
    rule_parsed(code, weight, text).map(|(v, _)| v)
}

/// `rule_value`, and the rule as the loader reads it.
pub fn rule_parsed(
    code: &str,
    weight: rust_decimal::Decimal,
    text: &str,
) -> Result<(Value, crate::model::Rule), EditError> {
    let value = match text.trim().parse::<Value>() {
        Ok(v @ Value::InlineTable(_)) => v,
        _ => {
            return Err(EditError::RuleNotTable {
                text: text.to_string(),
            });
        }
    };
    let key = Value::from(code).to_string();
    let probe = format!(
        "[framework]\ntotal = {weight}\n\n[indicators.{key}]\nname = \"-\"\nweight = {weight}\nrule = {value}\n"
    );
    let loaded = crate::store::parse_project(&probe).map_err(|e| EditError::BadRule {
        problem: EditError::load_problem(e),
    })?;
    if let Some(d) = loaded.diagnostics.iter().find(|d| d.is_error()) {
        return Err(EditError::BadRule {
            problem: Box::new(d.clone()),
        });
    }
    let rule = loaded
        .project
        .indicators
        .into_iter()
        .next()
        .map(|i| i.rule)
        .unwrap_or_default();
    Ok((value, rule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_kind_starts_a_new_rule_and_other_keys_change_one_parameter() {
        let rate = rule_from_assignments(
            Some(r#"{ kind = "deductions" }"#),
            &pairs(&[
                ("rule.kind", "rate"),
                ("rule.numerator", "实际到位资金"),
                ("rule.denominator", "预算资金"),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            rate,
            r#"{ kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }"#
        );
        let capped = rule_from_assignments(Some(&rate), &pairs(&[("rule.max", "2")]))
            .unwrap()
            .unwrap();
        assert!(capped.ends_with("max = 2 }"), "{capped}");
        assert_eq!(
            rule_from_assignments(Some(&rate), &pairs(&[("rule", "")])).unwrap(),
            None
        );
    }

    #[test]
    fn the_loader_says_what_a_rule_may_hold() {
        let w = Decimal::from(3);
        assert!(
            rule_value(
                "B101",
                w,
                r#"{ kind = "rate", numerator = "a", denominator = "b" }"#
            )
            .is_ok()
        );
        let e = rule_value("B101", w, r#"{ kind = "ratte" }"#).unwrap_err();
        assert!(e.to_string().contains("rate"), "{e}");
        assert!(rule_value("B101", w, "rate").is_err());
    }
}
