//! What one side changed, field by field, as values: "B101 资金到位率 得分 2.00 → 1.00".

use super::list::{self, align};
use super::replay::{LISTS, adjustment, scalar_fields, similar};
use super::structure::{self, KeyPath, dotted};
use super::structure_owner;
use crate::model::{Field, FieldValue, Project, show};

/// One field of one indicator (or adjustment item, or the file's structure) that a side changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The indicator or adjustment item; empty for structure outside both.
    pub code: String,
    /// Its name, as the file calls it.
    pub name: String,
    pub field: Field,
    /// Absent (`None`) before: an addition; absent after: a removal.
    pub from: Option<FieldValue>,
    pub to: Option<FieldValue>,
}

fn list_label(field: &Field) -> Option<&'static str> {
    match field {
        Field::Deduction(_) => Some("扣分"),
        Field::Evidence(_) => Some("佐证材料"),
        Field::Review(_) => Some("复核意见"),
        _ => None,
    }
}

impl Change {
    /// The change in one line, its field named from the merged project `p` (a survey count
    /// by its option: see `Field::label_in`).
    pub fn describe(&self, p: &Project) -> String {
        self.line(
            &self
                .field
                .label_in(p.get(&self.code).map(|i| &i.assessment)),
        )
    }

    fn line(&self, label: &str) -> String {
        let mut out = String::new();
        for part in [&self.code, &self.name] {
            if !part.is_empty() {
                out.push_str(part);
                out.push(' ');
            }
        }
        out.push_str(&match (list_label(&self.field), &self.from, &self.to) {
            (Some(list), None, Some(to)) => format!("新增{list} {to}"),
            (Some(list), Some(from), None) => format!("删除{list} {from}"),
            _ => format!(
                "{label} {} → {}",
                show(self.from.as_ref()),
                show(self.to.as_ref())
            ),
        });
        out
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(&self.field.label()))
    }
}

/// What `side` changed since `base`: recorded fields of leaves and adjustment items, then
/// structure (a whole indicator added or removed is one change).
pub(super) fn changes(
    base: &Project,
    side: &Project,
    sb: &std::collections::BTreeMap<KeyPath, String>,
    ss: &std::collections::BTreeMap<KeyPath, String>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let index = base.code_index();
    for ind in &side.indicators {
        let Some(bi) = index.get(ind.code.as_str()).map(|&i| &base.indicators[i]) else {
            continue;
        };
        let (ab, a) = (&bi.assessment, &ind.assessment);
        if ab == a {
            continue;
        }
        let push = |out: &mut Vec<Change>, field: Field, from, to| {
            out.push(Change {
                code: ind.code.clone(),
                name: ind.name.clone(),
                field,
                from,
                to,
            })
        };
        for field in scalar_fields(&[ab, a]) {
            let (from, to) = (field.read(ab), field.read(a));
            if from != to {
                push(&mut out, field, from, to);
            }
        }
        for (list_of, make) in LISTS {
            let (lb, ls) = (list_of(ab), list_of(a));
            if lb == ls {
                continue;
            }
            let al = align(&lb, &ls, similar);
            // Indexes as in the side's list.
            let mut at = 0;
            for k in 0..=lb.len() {
                for item in &al.adds[k] {
                    push(&mut out, make(at), None, Some(item.clone()));
                    at += 1;
                }
                if k == lb.len() {
                    break;
                }
                match &al.slots[k] {
                    list::Slot::Kept => at += 1,
                    list::Slot::Removed => push(&mut out, make(at), Some(lb[k].clone()), None),
                    list::Slot::Replaced(x) => {
                        push(&mut out, make(at), Some(lb[k].clone()), Some(x.clone()));
                        at += 1;
                    }
                }
            }
        }
    }
    if let Some(adj) = &side.adjustments {
        for item in &adj.items {
            let (from, to) = (adjustment(base, &item.code), adjustment(side, &item.code));
            if from.is_some() && from != to {
                out.push(Change {
                    code: item.code.clone(),
                    name: item.name.clone(),
                    field: Field::Adjustment,
                    from,
                    to,
                });
            }
        }
    }
    let mut whole: Vec<KeyPath> = Vec::new();
    for c in structure::changes(sb, ss) {
        // A table only one version has is one change, not one per key.
        let table = (2..c.path.len()).map(|n| c.path[..n].to_vec()).find(|p| {
            let has = |m: &std::collections::BTreeMap<KeyPath, String>| {
                m.keys().any(|k| k.starts_with(p))
            };
            has(sb) != has(ss)
        });
        let (path, from, to) = match table {
            Some(p) if whole.contains(&p) => continue,
            Some(p) => {
                whole.push(p.clone());
                let added = ss.keys().any(|k| k.starts_with(&p));
                let mark = || Some(FieldValue::Toml("{…}".into()));
                (p, (!added).then(mark).flatten(), added.then(mark).flatten())
            }
            None => (
                c.path.clone(),
                c.from.map(FieldValue::Toml),
                c.to.map(FieldValue::Toml),
            ),
        };
        let (code, name) = structure_owner(&path, if to.is_some() { side } else { base });
        out.push(Change {
            code,
            name,
            field: Field::Structure(dotted(&path)),
            from,
            to,
        });
    }
    out
}
