//! A rule as a form (the workbench's rule picker): the parameters each kind takes, each
//! field checked as it is typed, and the rows put together into the same inline table the
//! one-line `f` prompt and `jixiao set … rule.kind=…` write. What the rule means is still
//! decided by the loader (`rule_parsed`), so the form can never accept a rule a file refuses.

use toml_edit::{Array, InlineTable, Value};

use super::EditError;
use crate::store::parse_decimal;

/// Every kind the loader accepts, in the order the picker lists them.
pub const RULE_KINDS: [&str; 14] = [
    "deductions",
    "judgement",
    "checkpoints",
    "levels",
    "rate",
    "threshold",
    "bands",
    "proportional",
    "hybrid",
    "per_point",
    "linear",
    "target",
    "formula",
    "branch",
];

/// What one field holds, which says how it is checked and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// An input name of the leaf (offered from the inputs it has and its rule reads).
    Input,
    Number,
    /// A share of the weight: `0.05` or `1/3`.
    Share,
    /// One of a fixed list of words.
    Choice(&'static [&'static str]),
    /// Free text (a formula).
    Text,
    /// One level per row: `好=1` (points) or `较好=*0.8` (a share of the weight).
    Level,
    /// One band per row: `90=4` (from 90% up, 4 points).
    Band,
    /// One checkpoint per row: its points (`1`), or its table (`{ points = 1, partial = true }`).
    Checkpoint,
    /// One 一票否决 item per row: the name of a boolean input (offered like `Input`).
    Veto,
}

impl ParamKind {
    /// Rows of this kind make one list; the form can add and remove them.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            ParamKind::Level | ParamKind::Band | ParamKind::Checkpoint | ParamKind::Veto
        )
    }
}

/// One parameter of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub key: &'static str,
    pub kind: ParamKind,
}

const fn p(key: &'static str, kind: ParamKind) -> Param {
    Param { key, kind }
}

const MEASURE: [Param; 3] = [
    p("numerator", ParamKind::Input),
    p("denominator", ParamKind::Input),
    p("value", ParamKind::Input),
];

/// What a measured rule takes besides its kind's own parameters (load_rule's `rule_keys`):
/// the measure's unit, the places it is rounded to, how several years' values combine.
const MEASURE_EXTRA: [Param; 3] = [
    p("unit", ParamKind::Text),
    p(
        "rate_places",
        ParamKind::Choice(&["0", "1", "2", "3", "4", "5", "6"]),
    ),
    p("years", ParamKind::Choice(&["sum", "mean"])),
];

/// The parameters the form shows for `kind`: the measure, the kind's own, the rule's full marks
/// (`max`, every kind but judgement, whose `max` is its range), the measure's extras and the
/// 一票否决 items. The rest (`groups`, `difference`, `growth`, `origin`) are kept as the file has
/// them; the one-line form edits those. A branch holds two rules: one-line only.
pub fn params(kind: &str) -> Vec<Param> {
    use ParamKind::*;
    let own: Vec<Param> = match kind {
        "deductions" => vec![p("per_item", Number), p("fraction", Share)],
        "judgement" => vec![p("min", Number), p("max", Number)],
        "checkpoints" => vec![p("points", Checkpoint)],
        "levels" => vec![p("levels", Level)],
        "rate" => vec![p("cap", Choice(&["true", "false"]))],
        "threshold" => vec![
            p("at_least", Number),
            p("at_most", Number),
            p("otherwise", Choice(&["0", "rate", "proportional"])),
        ],
        "bands" => vec![p("bands", Band)],
        "proportional" => vec![p("threshold", Number)],
        "hybrid" => vec![p("full", Number), p("floor", Number)],
        "per_point" => vec![
            p("threshold", Number),
            p("deduct", Number),
            p("deduct_fraction", Share),
            p("step", Number),
            p("steps", Choice(&["pro_rata", "whole", "started"])),
            p("direction", Choice(&["below", "above"])),
            p("tolerance", Number),
        ],
        "linear" => vec![p("full_at", Number), p("zero_at", Number)],
        "target" => vec![
            p("actual", Input),
            p("op", Choice(&[">=", "<=", "=", "by"])),
            p("target", Text),
            p("otherwise", Choice(&["0", "proportional"])),
        ],
        "formula" => vec![p("expr", Text)],
        _ => Vec::new(),
    };
    let measured = matches!(
        kind,
        "rate" | "threshold" | "bands" | "proportional" | "hybrid" | "per_point" | "linear"
    );
    if own.is_empty() {
        return own;
    }
    let mut all: Vec<Param> = Vec::new();
    if measured {
        all.extend(MEASURE);
    }
    all.extend(own);
    if kind != "judgement" {
        all.push(p("max", Number));
    }
    if measured {
        all.extend(MEASURE_EXTRA);
    }
    all.push(p("veto", Veto));
    all
}

fn number_of(text: &str) -> Option<rust_decimal::Decimal> {
    parse_decimal(text.trim().trim_end_matches('%'))
}

/// One field as typed: its TOML value, or what is wrong with it. An empty field is `None`
/// (the key is left out).
pub fn field_value(param: Param, text: &str) -> Result<Option<Value>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // The form names the field before the error ("分子: 应为数字…"), so errors don't.
    let v = match param.kind {
        ParamKind::Input | ParamKind::Text | ParamKind::Veto => Value::from(t),
        ParamKind::Number => match number_of(t) {
            Some(d) => crate::store::toml_write::decimal(d),
            None => {
                return Err(EditError::FormNumber {
                    text: t.to_string(),
                });
            }
        },
        ParamKind::Share => share(t)?,
        ParamKind::Choice(words) => {
            if !words.contains(&t) {
                return Err(EditError::FormChoice {
                    words: words.iter().map(|w| w.to_string()).collect(),
                    text: t.to_string(),
                });
            }
            // Whole numbers (`otherwise = 0`, `rate_places = 2`) are numbers in the file.
            match (t, t.parse::<i64>()) {
                ("true", _) => Value::from(true),
                ("false", _) => Value::from(false),
                (_, Ok(n)) => Value::from(n),
                _ => Value::from(t),
            }
        }
        ParamKind::Level => level(t)?,
        ParamKind::Band => band(t)?,
        ParamKind::Checkpoint => checkpoint(t)?,
    };
    Ok(Some(v))
}

fn share(t: &str) -> Result<Value, EditError> {
    if let Some((a, b)) = t.split_once('/') {
        if let (Some(_), Some(d)) = (number_of(a), number_of(b))
            && !d.is_zero()
        {
            return Ok(Value::from(format!("{}/{}", a.trim(), b.trim())));
        }
    } else if let Some(d) = number_of(t) {
        return Ok(crate::store::toml_write::decimal(d));
    }
    Err(EditError::FormShare {
        text: t.to_string(),
    })
}

fn pair(t: &str) -> Option<(&str, &str)> {
    t.split_once('=')
        .or_else(|| t.split_once('＝'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

fn level(t: &str) -> Result<Value, EditError> {
    let bad = || EditError::FormLevel {
        text: t.to_string(),
    };
    let (name, pts) = pair(t).ok_or_else(bad)?;
    if name.is_empty() {
        return Err(bad());
    }
    let mut table = InlineTable::new();
    table.insert("name", Value::from(name));
    match pts.strip_prefix(['*', '×']) {
        Some(s) => {
            let v = share(s.trim()).map_err(|_| bad())?;
            table.insert("fraction", v);
        }
        None => {
            let d = number_of(pts).ok_or_else(bad)?;
            table.insert("points", crate::store::toml_write::decimal(d));
        }
    }
    Ok(Value::InlineTable(table))
}

fn band(t: &str) -> Result<Value, EditError> {
    let bad = || EditError::FormBand {
        text: t.to_string(),
    };
    let (min, pts) = pair(t).ok_or_else(bad)?;
    let (Some(min), Some(pts)) = (number_of(min), number_of(pts)) else {
        return Err(bad());
    };
    let mut table = InlineTable::new();
    table.insert("min", crate::store::toml_write::decimal(min));
    table.insert("points", crate::store::toml_write::decimal(pts));
    Ok(Value::InlineTable(table))
}

fn checkpoint(t: &str) -> Result<Value, EditError> {
    if let Some(d) = number_of(t) {
        return Ok(crate::store::toml_write::decimal(d));
    }
    match t.parse::<Value>() {
        Ok(Value::InlineTable(mut table)) => {
            table.decor_mut().clear();
            Ok(Value::InlineTable(table))
        }
        _ => Err(EditError::FormCheckpoint {
            text: t.to_string(),
        }),
    }
}

/// The rows a form shows for `kind`, filled from `current` (the rule's inline table) when it
/// is of that kind: one row per parameter, one per list item (at least one row for a list).
pub fn rows_for(kind: &str, current: Option<&str>) -> Vec<(Param, String)> {
    let any = current
        .and_then(|t| t.parse::<Value>().ok())
        .and_then(|v| match v {
            Value::InlineTable(t) => Some(t),
            _ => None,
        });
    let same_kind = any
        .as_ref()
        .is_some_and(|t| t.get("kind").and_then(Value::as_str) == Some(kind));
    let shown = |v: &Value| -> String {
        match v {
            Value::String(s) => s.value().clone(),
            other => {
                let mut o = other.clone();
                o.decor_mut().clear();
                o.to_string().trim().to_string()
            }
        }
    };
    let mut rows = Vec::new();
    for param in params(kind) {
        // A measure carries over to another measured kind (a rate becoming a threshold
        // keeps its numerator and denominator); other parameters belong to their kind.
        let carries = same_kind || MEASURE.contains(&param);
        let value = any
            .as_ref()
            .filter(|_| carries)
            .and_then(|t| t.get(param.key));
        if !param.kind.is_list() {
            rows.push((param, value.map(shown).unwrap_or_default()));
            continue;
        }
        let items: Vec<String> = value
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| list_row(param.kind, v, &shown)).collect())
            .unwrap_or_default();
        if items.is_empty() {
            rows.push((param, String::new()));
        }
        rows.extend(items.into_iter().map(|s| (param, s)));
    }
    rows
}

fn list_row(kind: ParamKind, v: &Value, shown: &dyn Fn(&Value) -> String) -> String {
    let Some(t) = v.as_inline_table() else {
        return shown(v);
    };
    let get = |k: &str| t.get(k).map(shown);
    match kind {
        ParamKind::Level => match (get("name"), get("fraction"), get("points")) {
            (Some(n), Some(f), _) => format!("{n}=*{f}"),
            (Some(n), None, Some(p)) => format!("{n}={p}"),
            _ => shown(v),
        },
        ParamKind::Band => match (get("min"), get("points")) {
            (Some(m), Some(p)) => format!("{m}={p}"),
            _ => shown(v),
        },
        _ => shown(v),
    }
}

/// The rule the rows say, as an inline table's text; `keep` is the current rule, whose keys the
/// form does not show (veto, max, unit …) stay when the kind does not change. `origin = "text"`
/// goes: a rule confirmed in the form is no longer "read from the text". Errs with the row at
/// fault.
pub fn rule_from_rows(
    kind: &str,
    rows: &[(Param, String)],
    keep: Option<&str>,
) -> Result<String, (usize, EditError)> {
    let mut table = InlineTable::new();
    table.insert("kind", Value::from(kind));
    let mut lists: Vec<(&str, Array)> = Vec::new();
    for (k, (param, text)) in rows.iter().enumerate() {
        let v = field_value(*param, text).map_err(|e| (k, e))?;
        let Some(v) = v else { continue };
        if param.kind.is_list() {
            match lists.iter_mut().find(|(key, _)| *key == param.key) {
                Some((_, a)) => a.push(v),
                None => {
                    let mut a = Array::new();
                    a.push(v);
                    lists.push((param.key, a));
                }
            }
        } else {
            table.insert(param.key, v);
        }
    }
    for (key, mut a) in lists {
        a.fmt();
        table.insert(key, Value::Array(a));
    }
    let shown: Vec<&str> = params(kind).iter().map(|p| p.key).collect();
    let old = keep
        .and_then(|t| t.parse::<Value>().ok())
        .and_then(|v| v.as_inline_table().cloned())
        .filter(|t| t.get("kind").and_then(Value::as_str) == Some(kind));
    if let Some(old) = old {
        for (k, v) in old.iter() {
            // `origin = "text"` asks for a check the form has just been; other origins
            // ("reconstructed") say where the rule came from and stay.
            let unchecked = k == "origin" && v.as_str() == Some("text");
            if k != "kind" && !unchecked && !shown.contains(&k) {
                table.insert(k, v.clone());
            }
        }
    }
    table.fmt();
    Ok(table.to_string().trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts fill the rows in order; from the kind's first list on, all go to that list.
    fn rows(kind: &str, texts: &[&str]) -> Vec<(Param, String)> {
        let ps = params(kind);
        let list = ps
            .iter()
            .position(|p| p.kind.is_list())
            .unwrap_or(ps.len() - 1);
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| (ps[k.min(list)], t.to_string()))
            .collect()
    }

    #[test]
    fn a_rate_form_writes_the_table_the_one_line_form_writes() {
        let text = rule_from_rows("rate", &rows("rate", &["实际到位资金", "预算资金"]), None);
        assert_eq!(
            text.unwrap(),
            r#"{ kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }"#
        );
    }

    #[test]
    fn each_field_is_checked_as_typed() {
        let n = p("threshold", ParamKind::Number);
        assert!(field_value(n, "95").unwrap().is_some());
        assert!(field_value(n, "95%").unwrap().is_some());
        let e = field_value(n, "九五").unwrap_err();
        assert!(e.to_string().contains("number"), "{e}");
        let s = p("deduct_fraction", ParamKind::Share);
        assert_eq!(
            field_value(s, "1/3").unwrap().unwrap().as_str(),
            Some("1/3")
        );
        assert!(field_value(s, "1/0").is_err());
        let c = p("direction", ParamKind::Choice(&["below", "above"]));
        assert!(field_value(c, "sideways").is_err());
        assert!(field_value(c, "").unwrap().is_none());
    }

    #[test]
    fn levels_are_one_row_each_and_come_back_as_rows() {
        let r = rows("levels", &["好=1", "较好=*0.8", "差=0"]);
        let text = rule_from_rows("levels", &r, None).unwrap();
        assert_eq!(
            text,
            r#"{ kind = "levels", levels = [{ name = "好", points = 1 }, { name = "较好", fraction = 0.8 }, { name = "差", points = 0 }] }"#
        );
        let back: Vec<String> = rows_for("levels", Some(&text))
            .into_iter()
            .filter(|(p, _)| p.key == "levels")
            .map(|(_, t)| t)
            .collect();
        assert_eq!(back, ["好=1", "较好=*0.8", "差=0"]);
        let (row, e) =
            rule_from_rows("levels", &rows("levels", &["好=1", "较好"]), None).unwrap_err();
        assert_eq!(row, 1);
        assert!(e.chinese().contains("名称=分值"));
    }

    #[test]
    fn keys_the_form_does_not_show_stay_and_origin_goes() {
        let keep =
            r#"{ kind = "rate", numerator = "a", denominator = "b", max = 2, origin = "text" }"#;
        let r = rows_for("rate", Some(keep));
        assert_eq!(r[0].1, "a");
        let text = rule_from_rows("rate", &r, Some(keep)).unwrap();
        assert_eq!(
            text,
            r#"{ kind = "rate", numerator = "a", denominator = "b", max = 2 }"#
        );
        // A rebuilt rule stays marked as rebuilt.
        let rebuilt =
            r#"{ kind = "rate", numerator = "a", denominator = "b", origin = "reconstructed" }"#;
        let text = rule_from_rows("rate", &rows_for("rate", Some(rebuilt)), Some(rebuilt));
        assert_eq!(text.unwrap(), rebuilt);
    }

    #[test]
    fn a_measure_carries_over_to_another_measured_kind() {
        let rate = r#"{ kind = "rate", numerator = "a", denominator = "b", cap = false }"#;
        let r = rows_for("threshold", Some(rate));
        let filled: Vec<(&str, &str)> = r
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(p, t)| (p.key, t.as_str()))
            .collect();
        assert_eq!(filled, [("numerator", "a"), ("denominator", "b")]);
    }

    #[test]
    fn full_marks_unit_places_years_and_vetoes_are_rows_too() {
        let keep = r#"{ kind = "per_point", value = "培训人数", unit = "人", threshold = 200, deduct = 0.5, max = 3, rate_places = 0, years = "mean", veto = ["截留挪用", "虚报"] }"#;
        let r = rows_for("per_point", Some(keep));
        let filled: Vec<(&str, &str)> = r
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(p, t)| (p.key, t.as_str()))
            .collect();
        assert_eq!(
            filled,
            [
                ("value", "培训人数"),
                ("threshold", "200"),
                ("deduct", "0.5"),
                ("max", "3"),
                ("unit", "人"),
                ("rate_places", "0"),
                ("years", "mean"),
                ("veto", "截留挪用"),
                ("veto", "虚报"),
            ]
        );
        // Written back in the form's order, numbers as numbers, the vetoes as a list.
        let text = rule_from_rows("per_point", &r, Some(keep)).unwrap();
        assert_eq!(
            text,
            r#"{ kind = "per_point", value = "培训人数", threshold = 200, deduct = 0.5, max = 3, unit = "人", rate_places = 0, years = "mean", veto = ["截留挪用", "虚报"] }"#
        );
        // Each is checked as typed.
        let at = |key: &str| r.iter().position(|(p, _)| p.key == key).unwrap();
        let mut bad = r.clone();
        bad[at("rate_places")].1 = "7".into();
        assert_eq!(
            rule_from_rows("per_point", &bad, None).unwrap_err().0,
            at("rate_places")
        );
        let mut bad = r.clone();
        bad[at("years")].1 = "median".into();
        assert_eq!(
            rule_from_rows("per_point", &bad, None).unwrap_err().0,
            at("years")
        );
        let mut bad = r.clone();
        bad[at("max")].1 = "三".into();
        assert_eq!(
            rule_from_rows("per_point", &bad, None).unwrap_err().0,
            at("max")
        );
        // A judgement's `max` is its range, shown once; unmeasured kinds take no unit.
        let keys: Vec<&str> = params("judgement").iter().map(|p| p.key).collect();
        assert_eq!(keys, ["min", "max", "veto"]);
        assert!(!params("levels").iter().any(|p| p.key == "unit"));
    }

    #[test]
    fn every_kind_but_branch_has_a_form() {
        for kind in RULE_KINDS {
            assert_eq!(params(kind).is_empty(), kind == "branch", "{kind}");
        }
    }
}
