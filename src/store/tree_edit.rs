//! Structure edits written into the document (指标设计): one indicator table added, removed,
//! renamed or moved, one key changed; everything else — comments, spacing, the order of the
//! other tables — stays as it was. Tables are ordered by the positions toml_edit renders them
//! in, so a move is a new order of positions, not a rewrite.

use std::collections::{BTreeSet, HashMap};

use toml_edit::{DocumentMut, Item, Table, Value};

use super::toml_write as tw;
use crate::edit::{DefinitionKey, Edit, EditError, PolicyKey, rule_value};
use crate::model::Project;

/// A table of the document: its key path and, inside an array of tables, its index.
pub(super) type TableId = (Vec<String>, Option<usize>);

fn refuse<T>(e: EditError) -> Result<T, EditError> {
    Err(e)
}

/// The tables in the order the document renders them (what `DocumentMut`'s Display does).
pub(super) fn display_order(doc: &DocumentMut) -> Vec<TableId> {
    fn walk(
        t: &Table,
        path: &mut Vec<String>,
        index: Option<usize>,
        last: &mut isize,
        out: &mut Vec<(isize, TableId)>,
    ) {
        if !t.is_dotted() {
            if let Some(p) = t.position() {
                *last = p;
            }
            out.push((*last, (path.clone(), index)));
        }
        for (k, item) in t.iter() {
            match item {
                Item::Table(sub) => {
                    path.push(k.to_string());
                    walk(sub, path, None, last, out);
                    path.pop();
                }
                Item::ArrayOfTables(a) => {
                    for (n, sub) in a.iter().enumerate() {
                        path.push(k.to_string());
                        walk(sub, path, Some(n), last, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut last = 0;
    walk(doc.as_table(), &mut Vec::new(), None, &mut last, &mut out);
    out.sort_by_key(|(pos, (path, _))| (!path.is_empty(), *pos));
    out.into_iter().map(|(_, id)| id).collect()
}

/// Gives every table the position of its place in `order` (tables not listed keep theirs).
fn set_order(doc: &mut DocumentMut, order: &[TableId]) {
    fn walk(
        t: &mut Table,
        path: &mut Vec<String>,
        index: Option<usize>,
        rank: &HashMap<TableId, isize>,
    ) {
        if let Some(&r) = rank.get(&(path.clone(), index)) {
            t.set_position(Some(r));
        }
        for (k, item) in t.iter_mut() {
            match item {
                Item::Table(sub) => {
                    path.push(k.to_string());
                    walk(sub, path, None, rank);
                    path.pop();
                }
                Item::ArrayOfTables(a) => {
                    for (n, sub) in a.iter_mut().enumerate() {
                        path.push(k.to_string());
                        walk(sub, path, Some(n), rank);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
    }
    let rank: HashMap<TableId, isize> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), i as isize))
        .collect();
    walk(doc.as_table_mut(), &mut Vec::new(), None, &rank);
}

/// The indicator a table belongs to (`indicators.A101` and its sub-tables).
pub(super) fn owner(id: &TableId) -> Option<&str> {
    match id.0.as_slice() {
        [root, code, ..] if root == "indicators" => Some(code),
        _ => None,
    }
}

/// Puts the tables of the indicators `moving` (in their present order) where an indicator at
/// `index` among the children of `parent` belongs: after the previous sibling's subtree, or
/// before the first sibling, or after the parent's own tables.
fn place(
    doc: &mut DocumentMut,
    p: &Project,
    moving: &BTreeSet<String>,
    parent: Option<&str>,
    index: usize,
) {
    let order = display_order(doc);
    let (block, rest): (Vec<TableId>, Vec<TableId>) = order
        .into_iter()
        .partition(|id| owner(id).is_some_and(|c| moving.contains(c)));
    let siblings: Vec<&str> = crate::edit::structure_children(p, parent)
        .into_iter()
        .filter(|c| !moving.contains(*c))
        .collect();
    let within = |code: &str| -> BTreeSet<String> {
        crate::edit::structure_subtree(p, code)
            .into_iter()
            .filter(|c| !moving.contains(c))
            .collect()
    };
    let index = index.min(siblings.len());
    let at = if index > 0 {
        let prev = within(siblings[index - 1]);
        rest.iter()
            .rposition(|id| owner(id).is_some_and(|c| prev.contains(c)))
            .map(|k| k + 1)
    } else if let Some(first) = siblings.first() {
        let first = within(first);
        rest.iter()
            .position(|id| owner(id).is_some_and(|c| first.contains(c)))
    } else if let Some(pc) = parent {
        rest.iter()
            .rposition(|id| owner(id) == Some(pc))
            .map(|k| k + 1)
    } else {
        None
    };
    // Without an anchor (an empty tree): after the last indicator table, else at the end.
    let at = at.unwrap_or_else(|| {
        rest.iter()
            .rposition(|id| owner(id).is_some())
            .map_or(rest.len(), |k| k + 1)
    });
    let mut order = rest;
    let tail = order.split_off(at);
    order.extend(block);
    order.extend(tail);
    set_order(doc, &order);
}

fn indicators(doc: &mut DocumentMut) -> Result<&mut Table, EditError> {
    match doc.get_mut("indicators") {
        Some(Item::Table(t)) => Ok(t),
        _ => refuse(EditError::NotIndicatorTables),
    }
}

fn table<'d>(doc: &'d mut DocumentMut, code: &str) -> Result<&'d mut Table, EditError> {
    match indicators(doc)?.get_mut(code) {
        Some(Item::Table(t)) if !t.is_dotted() => Ok(t),
        _ => refuse(EditError::NotIndicatorTable {
            code: code.to_string(),
        }),
    }
}

fn parent_of(p: &Project, code: &str) -> Option<String> {
    p.get(code)
        .and_then(|i| i.parent.clone())
        .filter(|q| p.index_of(q).is_some())
}

fn sibling_index(p: &Project, code: &str) -> usize {
    let parent = parent_of(p, code);
    crate::edit::structure_children(p, parent.as_deref())
        .iter()
        .position(|c| *c == code)
        .unwrap_or(0)
}

/// The model after an edit that changes one value of one indicator (a weight, a name, a text,
/// a rule), without reading the whole file again: what the loader would read from the key
/// just written. False for an edit that changes the tree's shape or the settings, after which
/// the file is read again.
pub(super) fn patch_model(p: &mut Project, e: &Edit) -> bool {
    let code = e.code().to_string();
    let weight = p.get(&code).map(|i| i.weight).unwrap_or_default();
    let rule = match e {
        Edit::SetRule {
            rule: Some(text), ..
        } => match crate::edit::rule_parsed(&code, weight, split_comment(text).0) {
            Ok((_, r)) => Some(r),
            Err(_) => return false,
        },
        _ => None,
    };
    let Some(ind) = p.get_mut(&code) else {
        return false;
    };
    match e {
        Edit::SetWeight { weight, .. } => ind.weight = *weight,
        Edit::SetName { name, .. } => ind.name = name.clone(),
        Edit::SetDefinition { key, text, .. } => {
            let slot = match key {
                DefinitionKey::Explanation => &mut ind.explanation,
                DefinitionKey::Formula => &mut ind.formula,
                DefinitionKey::Target => &mut ind.target,
                DefinitionKey::Source => &mut ind.source,
            };
            *slot = text.clone();
        }
        Edit::SetRule { .. } => ind.rule = rule.unwrap_or_default(),
        Edit::SetCriteria { criteria, .. } => ind.criteria = criteria.clone(),
        Edit::SetShown { shown, .. } => ind.shown = shown.clone(),
        _ => return false,
    }
    true
}

/// Applies a structure edit to a copy of `doc`; returns the new document and the undo.
pub(super) fn apply(
    doc: &DocumentMut,
    p: &Project,
    e: &Edit,
) -> Result<(DocumentMut, Edit), EditError> {
    crate::edit::validate_structure(p, e)?;
    let mut doc = doc.clone();
    let code = e.code().to_string();
    let undo = match e {
        Edit::AddIndicator {
            parent,
            index,
            name,
            weight,
            ..
        } => {
            let mut t = Table::new();
            // The blank line above it written out, as reading the file back would give it, so
            // a removal's undo puts back the same text.
            t.decor_mut().set_prefix("\n");
            if let Some(pc) = parent {
                t.insert("parent", Item::Value(Value::from(pc.as_str())));
            }
            t.insert("name", Item::Value(tw::string(name)));
            t.insert("weight", Item::Value(tw::decimal(*weight)));
            indicators(&mut doc)?.insert(&code, Item::Table(t));
            let moving = BTreeSet::from([code.clone()]);
            place(&mut doc, p, &moving, parent.as_deref(), *index);
            Edit::RemoveIndicator { code }
        }
        Edit::RemoveIndicator { .. } => {
            let gone = crate::edit::structure_subtree(p, &code);
            let order = display_order(&doc);
            let mut fragment = DocumentMut::new();
            let mut holder = Table::new();
            holder.set_implicit(true);
            let all = indicators(&mut doc)?;
            for c in &gone {
                if let Some(item) = all.remove(c) {
                    holder.insert(c, item);
                }
            }
            fragment.insert("indicators", Item::Table(holder));
            // The removed tables keep their relative order in the fragment.
            let kept: Vec<TableId> = order
                .into_iter()
                .filter(|id| owner(id).is_some_and(|c| gone.iter().any(|g| g == c)))
                .collect();
            set_order(&mut fragment, &kept);
            Edit::RestoreIndicator {
                parent: parent_of(p, &code),
                index: sibling_index(p, &code),
                code,
                toml: fragment.to_string(),
            }
        }
        Edit::RestoreIndicator {
            parent,
            index,
            toml,
            ..
        } => {
            let fragment: DocumentMut = toml.parse().map_err(|_| EditError::RemovedUnreadable)?;
            let order = display_order(&fragment);
            let Some(Item::Table(holder)) = fragment.get("indicators") else {
                return refuse(EditError::RemovedUnreadable);
            };
            let mut moving = BTreeSet::new();
            let all = indicators(&mut doc)?;
            for (c, item) in holder.iter() {
                if all.contains_key(c) {
                    return refuse(EditError::CodeReused {
                        code: c.to_string(),
                    });
                }
                all.insert(c, item.clone());
                moving.insert(c.to_string());
            }
            // The fragment's order first, so the block keeps it when placed.
            let mut whole = display_order(&doc);
            whole.retain(|id| !owner(id).is_some_and(|c| moving.contains(c)));
            whole.extend(order.into_iter().filter(|id| owner(id).is_some()));
            set_order(&mut doc, &whole);
            place(&mut doc, p, &moving, parent.as_deref(), *index);
            Edit::RemoveIndicator { code }
        }
        Edit::SetWeight { weight, .. } => {
            let old = p.get(&code).map(|i| i.weight).unwrap_or_default();
            tw::set(
                table(&mut doc, &code)?,
                "weight",
                Some(tw::decimal(*weight)),
            );
            Edit::SetWeight { code, weight: old }
        }
        Edit::SetName { name, .. } => {
            let old = p.get(&code).map(|i| i.name.clone()).unwrap_or_default();
            tw::set(table(&mut doc, &code)?, "name", Some(tw::string(name)));
            Edit::SetName { code, name: old }
        }
        Edit::SetCriteria { criteria, .. } => {
            let old = p.get(&code).map(|i| i.criteria.clone()).unwrap_or_default();
            tw::set(
                table(&mut doc, &code)?,
                "criteria",
                (!criteria.is_empty()).then(|| tw::string_lines(criteria)),
            );
            Edit::SetCriteria {
                code,
                criteria: old,
            }
        }
        Edit::SetShown { shown, .. } => {
            let old = p.get(&code).and_then(|i| i.shown.clone());
            tw::set(
                table(&mut doc, &code)?,
                "shown",
                shown.as_deref().map(tw::string),
            );
            Edit::SetShown { code, shown: old }
        }
        Edit::SetDefinition { key, text, .. } => {
            let old = p
                .get(&code)
                .map(|i| key.read(i).to_string())
                .unwrap_or_default();
            tw::set(
                table(&mut doc, &code)?,
                key.key(),
                (!text.is_empty()).then(|| tw::string(text)),
            );
            Edit::SetDefinition {
                code,
                key: *key,
                text: old,
            }
        }
        Edit::SetRule { rule, .. } => {
            let weight = p.get(&code).map(|i| i.weight).unwrap_or_default();
            // A trailing comment travels with the rule text (an undo puts it back).
            let (body, comment) = match rule {
                Some(text) => {
                    let (body, comment) = split_comment(text);
                    (Some(rule_value(&code, weight, body)?), comment)
                }
                None => (None, None),
            };
            let t = table(&mut doc, &code)?;
            let old = t.get("rule").and_then(|item| match item {
                Item::Value(v) => Some(v.clone()),
                Item::Table(tt) => Some(Value::InlineTable(tt.clone().into_inline_table())),
                _ => None,
            });
            let old_text = old.as_ref().map(|v| {
                let suffix = v.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
                let mut bare = v.clone();
                bare.decor_mut().clear();
                format!("{}{}", bare.to_string().trim(), suffix.trim_end())
            });
            let kind = |v: Option<&Value>| {
                v.and_then(Value::as_inline_table)
                    .and_then(|t| t.get("kind"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let same_kind = kind(old.as_ref()) == kind(body.as_ref());
            if matches!(t.get("rule"), Some(Item::Table(_))) {
                t.remove("rule");
            }
            tw::set(t, "rule", body);
            if let Some(v) = t.get_mut("rule").and_then(Item::as_value_mut) {
                match comment {
                    Some(c) => v.decor_mut().set_suffix(c),
                    // A comment describing the old kind of rule would now mislead.
                    None if !same_kind => v.decor_mut().set_suffix(""),
                    None => {}
                }
            }
            Edit::SetRule {
                code,
                rule: old_text,
            }
        }
        Edit::MoveIndicator { parent, index, .. } => {
            let undo = Edit::MoveIndicator {
                code: code.clone(),
                parent: parent_of(p, &code),
                index: sibling_index(p, &code),
            };
            {
                let t = table(&mut doc, &code)?;
                match parent {
                    Some(pc) => {
                        if t.contains_key("parent") {
                            tw::set(t, "parent", Some(Value::from(pc.as_str())));
                        } else {
                            // `parent` first, as every indicator table writes it.
                            let mut fresh = Table::new();
                            fresh.insert("parent", Item::Value(Value::from(pc.as_str())));
                            for (k, v) in t.iter() {
                                fresh.insert(k, v.clone());
                            }
                            fresh.set_position(t.position());
                            *fresh.decor_mut() = t.decor().clone();
                            *t = fresh;
                        }
                    }
                    None => {
                        t.remove("parent");
                    }
                }
            }
            let moving: BTreeSet<String> = crate::edit::structure_subtree(p, &code)
                .into_iter()
                .collect();
            place(&mut doc, p, &moving, parent.as_deref(), *index);
            undo
        }
        Edit::SetCode { new_code, .. } => {
            if new_code == &code {
                return Ok((doc, e.clone()));
            }
            let order = display_order(&doc);
            let all = indicators(&mut doc)?;
            let Some(item) = all.remove(&code) else {
                return refuse(EditError::NoIndicator { code: code.clone() });
            };
            all.insert(new_code, item);
            for (_, item) in all.iter_mut() {
                if let Some(t) = item.as_table_like_mut()
                    && t.get("parent").and_then(Item::as_str) == Some(code.as_str())
                {
                    tw::set(t, "parent", Some(Value::from(new_code.as_str())));
                }
            }
            rename_in_standard_deductions(&mut doc, &code, new_code);
            let renamed: Vec<TableId> = order
                .into_iter()
                .map(|(mut path, i)| {
                    if path.len() >= 2 && path[0] == "indicators" && path[1] == code {
                        path[1] = new_code.clone();
                    }
                    (path, i)
                })
                .collect();
            set_order(&mut doc, &renamed);
            Edit::SetCode {
                code: new_code.clone(),
                new_code: code,
            }
        }
        Edit::SetPolicy { key, value } => {
            let old = policy_in(&doc, *key);
            let Some(fw) = doc.get_mut("framework").and_then(Item::as_table_like_mut) else {
                return refuse(EditError::NoFrameworkTable);
            };
            let written = match key {
                PolicyKey::Rounding | PolicyKey::NaPolicy => Value::from(value.as_str()),
                _ => tw::decimal(crate::store::parse_decimal(value).unwrap_or_default()),
            };
            tw::set(fw, key.key(), (!value.is_empty()).then_some(written));
            Edit::SetPolicy {
                key: *key,
                value: old,
            }
        }
        Edit::SetGrades { grades } => {
            let old = p.grades.clone();
            write_grades(&mut doc, grades);
            Edit::SetGrades { grades: old }
        }
        _ => {
            return refuse(EditError::NotTreeEdit);
        }
    };
    Ok((doc, undo))
}

/// The rule of `code` as its file writes it, as inline-table text (None: no rule key).
pub fn rule_text(file: &super::ProjectFile, code: &str) -> Option<String> {
    let item = file.document().get("indicators")?.get(code)?.get("rule")?;
    let mut v = match item {
        Item::Value(v) => v.clone(),
        Item::Table(t) => Value::InlineTable(t.clone().into_inline_table()),
        _ => return None,
    };
    v.decor_mut().clear();
    Some(v.to_string().trim().to_string())
}

/// A `[framework]` policy as the file writes it ("" when absent).
pub fn policy_text(file: &super::ProjectFile, key: PolicyKey) -> String {
    policy_in(file.document(), key)
}

fn policy_in(doc: &DocumentMut, key: PolicyKey) -> String {
    doc.get("framework")
        .and_then(|f| f.get(key.key()))
        .and_then(Item::as_value)
        .map(|v| match v {
            Value::String(s) => s.value().clone(),
            other => {
                let mut o = other.clone();
                o.decor_mut().clear();
                o.to_string()
            }
        })
        .unwrap_or_default()
}

/// The keys of an indicator that record an evaluation rather than define it.
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
    "stated",
    "stated_rate",
    "surveys",
];

/// A project's tree as a framework (保存为框架): its definitions, rules, policies, grades and
/// standard deductions, without `[project]`, `[report]`, merge records or anything recorded
/// on an indicator; comments and layout stay. `id` and `name` replace the framework's.
pub fn framework_text(file: &super::ProjectFile, id: &str, name: Option<&str>) -> String {
    let mut doc = file.document().clone();
    for key in ["project", "report", "conflicts"] {
        doc.remove(key);
    }
    if let Some(Item::Table(all)) = doc.get_mut("indicators") {
        for (_, item) in all.iter_mut() {
            if let Some(t) = item.as_table_like_mut() {
                for key in RECORDED {
                    t.remove(key);
                }
            }
        }
    }
    if let Some(items) = doc
        .get_mut("adjustments")
        .and_then(|a| a.get_mut("items"))
        .and_then(Item::as_table_like_mut)
    {
        for (_, item) in items.iter_mut() {
            if let Some(t) = item.as_table_like_mut() {
                t.remove("points");
                t.remove("reason");
            }
        }
    }
    if let Some(fw) = doc.get_mut("framework").and_then(Item::as_table_like_mut) {
        tw::set(fw, "id", Some(Value::from(id)));
        if let Some(n) = name {
            tw::set(fw, "name", Some(tw::string(n)));
        }
    }
    doc.to_string()
}

/// `{ kind = "deductions" }  # 定性指标` → the rule and its comment (with the spaces before it).
fn split_comment(text: &str) -> (&str, Option<&str>) {
    match text.rfind('}') {
        Some(end) if text[end + 1..].trim_start().starts_with('#') => {
            (&text[..=end], Some(&text[end + 1..]))
        }
        _ => (text, None),
    }
}

/// `[[grades]]` holding `grades`: the bands there are changed in place (their comments
/// stay), extra ones removed, new ones written after the last.
fn write_grades(doc: &mut DocumentMut, grades: &[crate::model::GradeBand]) {
    let fill = |t: &mut Table, g: &crate::model::GradeBand| {
        tw::set(t, "name", Some(tw::string(&g.name)));
        tw::set(t, "min", Some(tw::decimal(g.min)));
    };
    match doc.get_mut("grades") {
        Some(Item::ArrayOfTables(list)) => {
            let keep = list.len().min(grades.len());
            while list.len() > grades.len() {
                list.remove(list.len() - 1);
            }
            let position = list.iter().last().and_then(Table::position);
            for (t, g) in list.iter_mut().zip(grades) {
                fill(t, g);
            }
            for g in &grades[keep..] {
                let mut t = Table::new();
                t.set_position(position);
                fill(&mut t, g);
                list.push(t);
            }
        }
        _ => {
            let mut list = toml_edit::ArrayOfTables::new();
            for g in grades {
                let mut t = Table::new();
                fill(&mut t, g);
                list.push(t);
            }
            doc.insert("grades", Item::ArrayOfTables(list));
        }
    }
}

/// `applies_to` lists of the standard deductions follow a code change.
fn rename_in_standard_deductions(doc: &mut DocumentMut, from: &str, to: &str) {
    let Some(Item::ArrayOfTables(list)) = doc.get_mut("standard_deductions") else {
        return;
    };
    for t in list.iter_mut() {
        if let Some(arr) = t.get_mut("applies_to").and_then(|i| i.as_array_mut()) {
            for v in arr.iter_mut() {
                if v.as_str() == Some(from) {
                    let decor = v.decor().clone();
                    *v = Value::from(to);
                    *v.decor_mut() = decor;
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "tree_edit_tests.rs"]
mod tests;
