//! What no edit expresses — the framework, the tree, names, weights, rules, project metadata —
//! compared key by key. Every value of the file except the recorded fields of leaves and
//! adjustment items is part of the structure; a side's structural change is carried over at
//! the level of one key, and the same key changed differently by both sides is a conflict.

use std::collections::{BTreeMap, BTreeSet};

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::store::canonical_value;

/// A dotted path of keys (`["indicators", "B101", "weight"]`).
pub type KeyPath = Vec<String>;

/// Written as the file would (`indicators.B101.weight`).
pub fn dotted(path: &[String]) -> String {
    path.join(".")
}

/// The recorded fields of a leaf: merged field by field, never as structure.
const RECORDED: &[&str] = &[
    "score",
    "inputs",
    "deductions",
    "checks",
    "tier",
    "na",
    "unscorable",
    "justification",
    "status",
    "evidence",
    "reviews",
];

fn recorded(path: &[String]) -> bool {
    match path {
        [root] => root == "conflicts",
        [ind, _, key] => ind == "indicators" && RECORDED.contains(&key.as_str()),
        [adj, items, _, key] => {
            adj == "adjustments" && items == "items" && (key == "points" || key == "reason")
        }
        _ => false,
    }
}

/// A leaf's questionnaires: their options and questions are structure, their counts are
/// recorded figures merged one by one.
fn is_surveys(path: &[String]) -> bool {
    matches!(path, [ind, _, key] if ind == "indicators" && key == "surveys")
}

fn without_counts(item: &Item) -> Item {
    fn strip_questions(t: &mut dyn TableLike) {
        match t.get_mut("questions") {
            Some(Item::ArrayOfTables(qs)) => {
                for q in qs.iter_mut() {
                    q.remove("counts");
                }
            }
            Some(Item::Value(Value::Array(qs))) => {
                for q in qs.iter_mut() {
                    if let Some(q) = q.as_inline_table_mut() {
                        q.remove("counts");
                    }
                }
            }
            _ => {}
        }
    }
    let mut item = item.clone();
    match &mut item {
        Item::ArrayOfTables(ss) => ss.iter_mut().for_each(|s| strip_questions(s)),
        Item::Value(Value::Array(ss)) => {
            for s in ss.iter_mut() {
                if let Some(s) = s.as_inline_table_mut() {
                    strip_questions(s);
                }
            }
        }
        _ => {}
    }
    item
}

fn canonical_table(t: &dyn TableLike) -> String {
    let parts: Vec<String> = t
        .iter()
        .map(|(k, item)| format!("{k} = {}", canonical_item(item)))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn canonical_item(item: &Item) -> String {
    match item {
        Item::None => String::new(),
        Item::Value(v) => canonical_value(v),
        Item::Table(t) => canonical_table(t),
        Item::ArrayOfTables(a) => {
            let parts: Vec<String> = a.iter().map(|t| canonical_table(t)).collect();
            format!("[{}]", parts.join(", "))
        }
    }
}

/// Every structural value by its path, written canonically (spacing and comments ignored).
pub fn skeleton(doc: &DocumentMut) -> BTreeMap<KeyPath, String> {
    fn walk(t: &dyn TableLike, path: &mut KeyPath, out: &mut BTreeMap<KeyPath, String>) {
        for (k, item) in t.iter() {
            path.push(k.to_string());
            if is_surveys(path) {
                out.insert(path.clone(), canonical_item(&without_counts(item)));
            } else if !recorded(path) {
                match item {
                    Item::Table(sub) => walk(sub, path, out),
                    other => {
                        out.insert(path.clone(), canonical_item(other));
                    }
                }
            }
            path.pop();
        }
    }
    let mut out = BTreeMap::new();
    walk(doc.as_table(), &mut Vec::new(), &mut out);
    out
}

/// One structural difference: a key's canonical value before and after (absent = `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyChange {
    pub path: KeyPath,
    pub from: Option<String>,
    pub to: Option<String>,
}

pub fn changes(a: &BTreeMap<KeyPath, String>, b: &BTreeMap<KeyPath, String>) -> Vec<KeyChange> {
    let keys: BTreeSet<&KeyPath> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| KeyChange {
            path: k.clone(),
            from: a.get(k).cloned(),
            to: b.get(k).cloned(),
        })
        .collect()
}

/// How the structures of the two sides combine.
#[derive(Debug, Default)]
pub struct Plan {
    /// Keys only ours changed.
    pub ours_only: Vec<KeyPath>,
    /// Keys only theirs changed.
    pub theirs_only: Vec<KeyPath>,
    /// Keys both changed, differently: (path, base, ours, theirs).
    pub conflicts: Vec<(KeyPath, Option<String>, Option<String>)>,
}

pub fn plan(
    base: &BTreeMap<KeyPath, String>,
    ours: &BTreeMap<KeyPath, String>,
    theirs: &BTreeMap<KeyPath, String>,
) -> Plan {
    let keys: BTreeSet<&KeyPath> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut p = Plan::default();
    for k in keys {
        let (b, o, t) = (base.get(k), ours.get(k), theirs.get(k));
        if o == t {
            continue;
        }
        if o == b {
            p.theirs_only.push(k.clone());
        } else if t == b {
            p.ours_only.push(k.clone());
        } else {
            p.conflicts.push((k.clone(), o.cloned(), t.cloned()));
        }
    }
    p
}

/// The item at `path` of a document, if any.
pub fn get<'d>(doc: &'d DocumentMut, path: &[String]) -> Option<&'d Item> {
    let (last, parents) = path.split_last()?;
    let mut t: &dyn TableLike = doc.as_table();
    for k in parents {
        t = t.get(k)?.as_table_like()?;
    }
    t.get(last)
}

/// Sets `path` of `target` to `value` (absent = remove the key), keeping the old value's
/// spacing and comment; missing parent tables are created. False when the path runs through
/// something that is not a table.
pub fn put(target: &mut DocumentMut, path: &[String], value: Option<&Item>) -> bool {
    put_in_table(target.as_table_mut(), path, value)
}

fn put_in_table(t: &mut Table, path: &[String], value: Option<&Item>) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    if rest.is_empty() {
        match value {
            None => {
                t.remove(first);
            }
            Some(Item::Value(v)) => match t.get_mut(first).and_then(Item::as_value_mut) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = v.clone();
                    *old.decor_mut() = decor;
                }
                None => {
                    t.insert(first, Item::Value(v.clone()));
                }
            },
            Some(item) => {
                t.insert(first, item.clone());
            }
        }
        return true;
    }
    if !t.contains_key(first) {
        if value.is_none() {
            return true;
        }
        let mut new = Table::new();
        // Only the table that holds the value gets a header; those above it stay implicit.
        new.set_implicit(rest.len() > 1);
        t.insert(first, Item::Table(new));
    }
    match t.get_mut(first) {
        Some(Item::Table(sub)) => put_in_table(sub, rest, value),
        Some(Item::Value(Value::InlineTable(sub))) => put_in_inline(sub, rest, value),
        _ => false,
    }
}

fn put_in_inline(t: &mut InlineTable, path: &[String], value: Option<&Item>) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    if rest.is_empty() {
        match value {
            None => {
                t.remove(first);
            }
            Some(Item::Value(v)) => {
                t.insert(first, v.clone());
            }
            // A table cannot sit inside an inline table.
            Some(_) => return false,
        }
        return true;
    }
    if !t.contains_key(first) {
        if value.is_none() {
            return true;
        }
        t.insert(first, Value::InlineTable(InlineTable::new()));
    }
    match t.get_mut(first) {
        Some(Value::InlineTable(sub)) => put_in_inline(sub, rest, value),
        _ => false,
    }
}
