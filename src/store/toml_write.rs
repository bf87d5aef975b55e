//! Writing model values into a toml_edit document without disturbing what is around them:
//! a replaced value keeps its spacing and trailing comment; numbers are written from their
//! exact decimal text.

use rust_decimal::Decimal;
use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

use crate::model::{Check, Deduction, Evidence, InputValue, Review};

/// A number written with the scale it carries, so undoing an edit restores `4.00`, not `4`.
pub fn decimal(d: Decimal) -> Value {
    let text = d.to_string();
    text.parse::<Value>().unwrap_or_else(|_| Value::from(text))
}

/// A list of texts (评价要点): one entry a line when there are several, as files write them.
pub fn string_lines(items: &[String]) -> Value {
    let mut a = Array::new();
    for s in items {
        let mut v = string(s);
        if items.len() > 1 {
            v.decor_mut().set_prefix("\n  ");
        }
        a.push_formatted(v);
    }
    if items.len() > 1 {
        a.set_trailing_comma(true);
        a.set_trailing("\n");
    }
    Value::Array(a)
}

/// A string; multi-line text becomes a `"""` block so the file stays readable and diffable.
pub fn string(s: &str) -> Value {
    if s.contains('\n') {
        let mut body = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            match c {
                '\\' => body.push_str("\\\\"),
                '"' => body.push_str("\\\""),
                '\n' | '\t' => body.push(c),
                c if c.is_control() => body.push_str(&format!("\\u{:04X}", c as u32)),
                c => body.push(c),
            }
        }
        if let Ok(v) = format!("\"\"\"\n{body}\"\"\"").parse::<Value>() {
            return v;
        }
    }
    Value::from(s)
}

pub fn input(v: &InputValue) -> Value {
    match v {
        InputValue::Number(d) => decimal(*d),
        InputValue::Flag(b) => Value::from(*b),
        InputValue::Date(s) => s
            .parse::<Value>()
            .unwrap_or_else(|_| Value::from(s.as_str())),
    }
}

/// Sets or removes `key`, keeping the old value's decor (spacing, trailing comment).
pub fn set(table: &mut dyn TableLike, key: &str, value: Option<Value>) {
    match value {
        None => {
            table.remove(key);
        }
        Some(mut v) => match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                let decor = old.decor().clone();
                *v.decor_mut() = decor;
                *old = v;
            }
            None => {
                table.insert(key, Item::Value(v));
            }
        },
    }
}

fn string_array(items: &[String]) -> Value {
    let mut a = Array::new();
    for s in items {
        a.push(s.as_str());
    }
    Value::Array(a)
}

pub fn deduction_fields(t: &mut dyn TableLike, d: &Deduction) {
    set(t, "points", d.points.map(decimal));
    set(t, "count", d.count.map(decimal));
    set(t, "reason", Some(string(&d.reason)));
    set(t, "group", d.group.as_deref().map(Value::from));
    set(
        t,
        "evidence",
        (!d.evidence.is_empty()).then(|| string_array(&d.evidence)),
    );
}

pub fn evidence_fields(t: &mut dyn TableLike, e: &Evidence) {
    set(t, "title", Some(Value::from(e.title.as_str())));
    set(
        t,
        "at",
        (!e.at.is_empty()).then(|| Value::from(e.at.as_str())),
    );
    set(t, "note", (!e.note.is_empty()).then(|| string(&e.note)));
}

pub fn review_fields(t: &mut dyn TableLike, r: &Review) {
    set(t, "by", Some(Value::from(r.by.as_str())));
    set(t, "at", Some(Value::from(r.at.as_str())));
    set(t, "text", Some(string(&r.text)));
    set(t, "approved", Some(Value::from(r.approved)));
}

/// What a list edit does to one entry.
pub enum ListOp<'a> {
    Insert(usize, &'a dyn Fn(&mut dyn TableLike)),
    Replace(usize, &'a dyn Fn(&mut dyn TableLike)),
    Remove(usize),
}

/// Applies `op` to the list `key` of `owner`, whether it is written as `[[…]]` tables or as an
/// inline array; a new list is written as `[[…]]` tables.
pub fn edit_list(owner: &mut Table, key: &str, op: ListOp) {
    if let Some(arr) = owner.get_mut(key).and_then(Item::as_array_mut) {
        match op {
            ListOp::Insert(i, fill) => {
                let mut t = InlineTable::new();
                fill(&mut t);
                arr.insert(i.min(arr.len()), Value::InlineTable(t));
            }
            ListOp::Replace(i, fill) => {
                if let Some(Value::InlineTable(t)) = arr.get_mut(i) {
                    fill(t);
                }
            }
            ListOp::Remove(i) => {
                if i < arr.len() {
                    arr.remove(i);
                }
            }
        }
        if arr.is_empty() {
            owner.remove(key);
        }
        return;
    }
    let position = owner.position();
    if owner.get(key).and_then(Item::as_array_of_tables).is_none() {
        owner.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(aot) = owner.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
        return;
    };
    match op {
        ListOp::Insert(i, fill) => {
            let i = i.min(aot.len());
            let mut t = Table::new();
            // toml_edit writes tables sorted (stably) by position: taking the position of the
            // entry before it keeps the new table right after that entry, so file order stays
            // array order; the first entry sits right under its owner.
            let before = if i > 0 {
                aot.get(i - 1).and_then(Table::position)
            } else {
                None
            };
            t.set_position(before.or(position));
            fill(&mut t);
            aot.insert(i, t);
        }
        ListOp::Replace(i, fill) => {
            if let Some(t) = aot.get_mut(i) {
                fill(t);
            }
        }
        ListOp::Remove(i) => {
            if i < aot.len() {
                aot.remove(i);
            }
        }
    }
    if aot.is_empty() {
        owner.remove(key);
    }
}

/// The `checks` list: `true`/`false`, or a number for a checkpoint with partial or per-item credit.
pub fn checks(checks: &[Check]) -> Value {
    let mut arr = Array::new();
    for c in checks {
        match c {
            Check::Met(b) => arr.push(*b),
            Check::Number(n) => arr.push(decimal(*n)),
        }
    }
    Value::Array(arr)
}
