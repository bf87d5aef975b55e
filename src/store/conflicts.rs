//! `[[conflicts]]`: merge conflicts left in the file by `jixiao merge` (git's merge driver),
//! read with located errors and written back with values in their natural TOML types.
//!
//! ```toml
//! [[conflicts]]
//! code = "B101"
//! field = "score"
//! ours = 2.00
//! theirs = 1.50
//! label_ours = "HEAD"
//! label_theirs = "alice"
//! ```

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::fields::Reader;
use super::toml_write as tw;
use crate::diagnostic::{ConflictExpects, Pos, Syntax};
use crate::model::{
    Check, ConflictRecord, Deduction, Evidence, Field, FieldValue, InputValue, Review, Status,
};

const KEYS: &[&str] = &[
    "code",
    "field",
    "item",
    "path",
    "ours",
    "theirs",
    "label_ours",
    "label_theirs",
];

/// Reads every record; a record that cannot be understood is an error at its place and is
/// still kept as far as it was read, so `check` never passes a file with an unread conflict.
pub(super) fn read(r: &mut Reader, root: &dyn TableLike) -> Vec<ConflictRecord> {
    let mut out = Vec::new();
    for (i, (t, pos)) in r.tables(root, "", "conflicts").into_iter().enumerate() {
        let path = format!("conflicts.{i}");
        if let Some(p) = pos {
            r.map.insert(path.clone(), p);
        }
        r.check_keys(t, &path, KEYS);
        let code = r.string_or_empty(t, &path, "code");
        let key = r.required_string(t, &path, "field", pos);
        let item = r.decimal(t, &path, "item").and_then(|d| {
            usize::try_from(d.trunc().mantissa())
                .ok()
                .filter(|&n| n >= 1 && d.fract().is_zero())
        });
        let spath = r.string(t, &path, "path");
        let field = match Field::from_key(&key, item.map(|n| n - 1), spath.as_deref()) {
            Some(f) => f,
            None => {
                r.fail(
                    pos,
                    Syntax::NotMergeable {
                        path: path.clone(),
                        key: key.clone(),
                    },
                );
                Field::Structure(key)
            }
        };
        let ours = value(r, t, &path, "ours", &field);
        let theirs = value(r, t, &path, "theirs", &field);
        out.push(ConflictRecord {
            code,
            field,
            ours,
            theirs,
            label_ours: r.string_or_empty(t, &path, "label_ours"),
            label_theirs: r.string_or_empty(t, &path, "label_theirs"),
        });
    }
    out
}

fn value(
    r: &mut Reader,
    t: &dyn TableLike,
    path: &str,
    key: &str,
    field: &Field,
) -> Option<FieldValue> {
    let pos = r.locate(t, path, key);
    let v = t.get(key)?.as_value()?.clone();
    let what = format!("{path}.{key}");
    let bad = |r: &mut Reader, expected: ConflictExpects| {
        r.fail(
            pos,
            Syntax::ConflictValue {
                path: what.clone(),
                expected,
            },
        );
        None
    };
    match field {
        Field::Score => r.value_decimal(&v, &what, pos).map(FieldValue::Score),
        Field::Input(_) => match &v {
            Value::Boolean(b) => Some(FieldValue::Input(InputValue::Flag(*b.value()))),
            Value::Datetime(d) => Some(FieldValue::Input(InputValue::Date(d.value().to_string()))),
            other => r
                .value_decimal(other, &what, pos)
                .map(|d| FieldValue::Input(InputValue::Number(d))),
        },
        Field::Checks => match v.as_array() {
            Some(a) => {
                let mut checks = Vec::new();
                for x in a.iter() {
                    match x {
                        Value::Boolean(b) => checks.push(Check::Met(*b.value())),
                        Value::Integer(_) | Value::Float(_) => {
                            checks.push(Check::Number(r.value_decimal(x, &what, pos)?))
                        }
                        _ => return bad(r, ConflictExpects::Checks),
                    }
                }
                Some(FieldValue::Checks(checks))
            }
            _ => bad(r, ConflictExpects::Checks),
        },
        Field::Tier | Field::Na | Field::Unscorable | Field::Justification => match v.as_str() {
            Some(s) => Some(FieldValue::Text(s.to_string())),
            None => bad(r, ConflictExpects::Text),
        },
        Field::Status => match v.as_str().and_then(Status::parse) {
            Some(s) => Some(FieldValue::Status(s)),
            None => bad(r, ConflictExpects::Status),
        },
        Field::Deduction(_) => match v.as_inline_table() {
            Some(it) => Some(FieldValue::Deduction(Deduction {
                points: r.decimal(it, &what, "points"),
                count: r.decimal(it, &what, "count"),
                reason: r.string_or_empty(it, &what, "reason"),
                group: r.string(it, &what, "group"),
                evidence: r.string_list(it, &what, "evidence"),
            })),
            None => bad(
                r,
                ConflictExpects::Table("{ points = 0.5, reason = \"…\" }"),
            ),
        },
        Field::Evidence(_) => match v.as_inline_table() {
            Some(it) => Some(FieldValue::Evidence(Evidence {
                title: r.string_or_empty(it, &what, "title"),
                at: r.string_or_empty(it, &what, "at"),
                note: r.string_or_empty(it, &what, "note"),
            })),
            None => bad(r, ConflictExpects::Table("{ title = \"…\" }")),
        },
        Field::Review(_) => match v.as_inline_table() {
            Some(it) => Some(FieldValue::Review(Review {
                by: r.string_or_empty(it, &what, "by"),
                at: r.string_or_empty(it, &what, "at"),
                text: r.string_or_empty(it, &what, "text"),
                approved: r.bool(it, &what, "approved").unwrap_or(false),
            })),
            None => bad(r, ConflictExpects::Table("{ by = \"…\", text = \"…\" }")),
        },
        Field::Adjustment => match v.as_inline_table() {
            Some(it) => Some(FieldValue::Adjustment {
                points: r.decimal(it, &what, "points"),
                reason: r.string_or_empty(it, &what, "reason"),
            }),
            None => bad(r, ConflictExpects::Table("{ points = 1, reason = \"…\" }")),
        },
        Field::Year(..) | Field::SurveyCount { .. } => {
            r.value_decimal(&v, &what, pos).map(FieldValue::Number)
        }
        Field::Structure(_) => Some(FieldValue::Toml(canonical(&v))),
    }
}

/// A value as one line of TOML without its surrounding spaces and comments.
pub fn canonical(v: &Value) -> String {
    let mut v = v.clone();
    v.decor_mut().clear();
    match &mut v {
        Value::Array(a) => a.fmt(),
        Value::InlineTable(t) => t.fmt(),
        _ => {}
    }
    v.to_string().trim().to_string()
}

fn inline(fill: impl FnOnce(&mut InlineTable)) -> Value {
    let mut t = InlineTable::new();
    fill(&mut t);
    t.fmt();
    Value::InlineTable(t)
}

fn to_value(v: &FieldValue) -> Value {
    match v {
        FieldValue::Score(d) | FieldValue::Number(d) => tw::decimal(*d),
        FieldValue::Input(i) => tw::input(i),
        FieldValue::Checks(c) => tw::checks(c),
        FieldValue::Text(t) => tw::string(t),
        FieldValue::Status(s) => Value::from(s.label()),
        FieldValue::Deduction(d) => inline(|t| tw::deduction_fields(t, d)),
        FieldValue::Evidence(e) => inline(|t| tw::evidence_fields(t, e)),
        FieldValue::Review(r) => inline(|t| tw::review_fields(t, r)),
        FieldValue::Adjustment { points, reason } => inline(|t| {
            tw::set(t, "points", points.map(tw::decimal));
            tw::set(
                t,
                "reason",
                (!reason.is_empty()).then(|| tw::string(reason)),
            );
        }),
        FieldValue::Toml(text) => text
            .parse::<Value>()
            .unwrap_or_else(|_| Value::from(text.as_str())),
    }
}

fn record_table(r: &ConflictRecord) -> Table {
    let mut t = Table::new();
    let s = |x: &str| Some(Value::from(x));
    tw::set(&mut t, "code", s(&r.code));
    tw::set(&mut t, "field", s(&r.field.key()));
    if let Some(i) = r.field.index() {
        tw::set(&mut t, "item", Some(Value::from((i + 1) as i64)));
    }
    if let Field::Structure(p) = &r.field {
        tw::set(&mut t, "path", s(p));
    }
    tw::set(&mut t, "ours", r.ours.as_ref().map(to_value));
    tw::set(&mut t, "theirs", r.theirs.as_ref().map(to_value));
    if !r.label_ours.is_empty() {
        tw::set(&mut t, "label_ours", s(&r.label_ours));
    }
    if !r.label_theirs.is_empty() {
        tw::set(&mut t, "label_theirs", s(&r.label_theirs));
    }
    t
}

/// Writes the records as the file's `[[conflicts]]` (at its end), or removes them all. The
/// tables are the tool's own, so they are rewritten whole rather than patched.
pub(super) fn write(doc: &mut DocumentMut, records: &[ConflictRecord]) {
    if records.is_empty() {
        doc.remove("conflicts");
        return;
    }
    let mut aot = ArrayOfTables::new();
    for r in records {
        let mut t = record_table(r);
        // Tables are written in position order: the records go last, wherever they were.
        t.set_position(Some(isize::MAX));
        aot.push(t);
    }
    doc.insert("conflicts", Item::ArrayOfTables(aot));
}

/// Where each record sits, for the located `check` error.
pub fn position(map: &super::SourceMap, index: usize) -> Option<Pos> {
    map.get(&format!("conflicts.{index}"))
}
