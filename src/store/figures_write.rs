//! Writing per-year figures and questionnaire tallies into a leaf's table, touching only what
//! changed: one year's value in its `{ 2019 = 500, 2020 = 540 }`, one number of a `counts`
//! list (its neighbours, spacing and comments stay), or one whole `[[…surveys]]` entry.

use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

use super::toml_write as tw;
use crate::edit::Edit;
use crate::model::{Assessment, Combine, Survey};

/// Writes the already-applied `SetYear`, `RestoreYearly`, `SetSurveyCount` or `SetSurvey` of the leaf whose
/// record is now `a` into its table `t`.
pub(super) fn mirror(t: &mut Table, a: &Assessment, e: &Edit) {
    match e {
        Edit::SetYear {
            name, year, value, ..
        } => set_year(t, name, year, value.map(tw::decimal)),
        Edit::RestoreYearly {
            yearly, written, ..
        } => {
            if let Some(w) = written
                && super::written_entry::put_back(t, &yearly.name, w)
            {
                return;
            }
            for (year, v) in &yearly.years {
                set_year(t, &yearly.name, year, Some(tw::decimal(*v)));
            }
        }
        Edit::SetSurveyCount {
            survey,
            question,
            option,
            ..
        } => {
            let Some(s) = a.survey(survey) else { return };
            let Some(count) = s
                .questions
                .get(*question)
                .and_then(|q| q.counts.get(*option))
            else {
                return;
            };
            let at = a.surveys.iter().position(|x| &x.name == survey);
            if let Some(counts) = at
                .and_then(|k| survey_table(t, k))
                .and_then(|st| question_table(st, *question))
                .and_then(|qt| qt.get_mut("counts"))
                .and_then(Item::as_array_mut)
                && let Some(slot) = counts.get_mut(*option)
            {
                let decor = slot.decor().clone();
                *slot = tw::decimal(*count);
                *slot.decor_mut() = decor;
            }
        }
        Edit::SetSurvey { name, .. } => set_survey(t, a, name),
        _ => {}
    }
}

fn set_year(t: &mut Table, name: &str, year: &str, value: Option<Value>) {
    if t.get("inputs").is_none() {
        if value.is_none() {
            return;
        }
        t.insert(
            "inputs",
            Item::Value(Value::InlineTable(InlineTable::new())),
        );
    }
    let Some(inputs) = t.get_mut("inputs").and_then(Item::as_table_like_mut) else {
        return;
    };
    if inputs.get(name).is_none() {
        if value.is_none() {
            return;
        }
        inputs.insert(name, Item::Value(Value::InlineTable(InlineTable::new())));
    }
    if let Some(Item::Value(Value::InlineTable(years))) = inputs.get_mut(name)
        && years.get(year).is_none()
        && let Some(v) = value.clone()
    {
        insert_year(years, year, v);
    } else if let Some(Item::Value(Value::InlineTable(years))) = inputs.get_mut(name)
        && value.is_none()
    {
        remove_inline(years, year);
        if years.is_empty() {
            inputs.remove(name);
        }
    } else if let Some(years) = inputs.get_mut(name).and_then(Item::as_table_like_mut) {
        tw::set(years, year, value);
        if years.is_empty() {
            inputs.remove(name);
        }
    }
    if inputs.is_empty() {
        t.remove("inputs");
    }
}

/// Adds `key = v` at the end of an inline table written `{ a = 1, b = 2 }`: the space before
/// the closing brace moves to the new last value, so it reads `{ a = 1, b = 2, c = 3 }`.
fn append_inline(t: &mut InlineTable, key: &str, mut v: Value) {
    let last = t.iter().last().map(|(k, _)| k.to_string());
    let suffix = last.as_ref().and_then(|k| {
        let old = t.get_mut(k)?;
        let s = old.decor().suffix().cloned();
        old.decor_mut().set_suffix("");
        s
    });
    v.decor_mut().set_prefix(" ");
    if let Some(s) = suffix {
        v.decor_mut().set_suffix(s);
    }
    t.insert(key, v);
}

/// Adds a year where it belongs among the years written (2018 before 2019), else at the end.
fn insert_year(t: &mut InlineTable, year: &str, mut v: Value) {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let Some(at) = keys
        .iter()
        .position(|k| crate::model::is_year(k) && k.as_str() > year)
    else {
        return append_inline(t, year, v);
    };
    // The years after it are taken out and put back after it, each with its own spacing.
    let moved: Vec<_> = keys[at..]
        .iter()
        .filter_map(|k| t.remove_entry(k))
        .collect();
    v.decor_mut().set_prefix(" ");
    v.decor_mut().set_suffix("");
    t.insert(year, v);
    for (k, val) in moved {
        t.insert_formatted(&k, val);
    }
}

/// Removes `key`, the space before the closing brace staying when it was the last.
fn remove_inline(t: &mut InlineTable, key: &str) {
    let was_last = t.iter().last().is_some_and(|(k, _)| k == key);
    let suffix = t.get(key).and_then(|v| v.decor().suffix().cloned());
    t.remove(key);
    if was_last
        && let Some(s) = suffix
        && let Some(k) = t.iter().last().map(|(k, _)| k.to_string())
        && let Some(v) = t.get_mut(&k)
    {
        v.decor_mut().set_suffix(s);
    }
}

/// The `k`-th questionnaire of the leaf, whether written as `[[…surveys]]` or inline.
fn survey_table(t: &mut Table, k: usize) -> Option<&mut dyn TableLike> {
    match t.get_mut("surveys")? {
        Item::ArrayOfTables(aot) => aot.get_mut(k).map(|x| x as &mut dyn TableLike),
        Item::Value(Value::Array(arr)) => arr
            .get_mut(k)?
            .as_inline_table_mut()
            .map(|x| x as &mut dyn TableLike),
        _ => None,
    }
}

fn question_table(st: &mut dyn TableLike, q: usize) -> Option<&mut dyn TableLike> {
    match st.get_mut("questions")? {
        Item::ArrayOfTables(aot) => aot.get_mut(q).map(|x| x as &mut dyn TableLike),
        Item::Value(Value::Array(arr)) => arr
            .get_mut(q)?
            .as_inline_table_mut()
            .map(|x| x as &mut dyn TableLike),
        _ => None,
    }
}

fn options(s: &Survey) -> Value {
    let mut arr = Array::new();
    for o in &s.options {
        let mut it = InlineTable::new();
        it.insert("name", Value::from(o.name.as_str()));
        it.insert("weight", tw::decimal(o.weight));
        it.fmt();
        arr.push(Value::InlineTable(it));
    }
    Value::Array(arr)
}

fn counts(c: &[rust_decimal::Decimal]) -> Value {
    let mut arr = Array::new();
    for n in c {
        arr.push(tw::decimal(*n));
    }
    Value::Array(arr)
}

fn combine(c: Combine) -> Option<Value> {
    match c {
        Combine::Mean => None,
        Combine::Weighted => Some(Value::from("weighted")),
        Combine::Respondents => Some(Value::from("respondents")),
    }
}

/// The largest table position inside `item` (tables carry the place they were read at).
fn last_position(item: &Item) -> Option<isize> {
    fn table(t: &Table) -> Option<isize> {
        t.iter()
            .filter_map(|(_, i)| last_position(i))
            .chain(t.position())
            .max()
    }
    match item {
        Item::Table(t) => table(t),
        Item::ArrayOfTables(a) => a.iter().filter_map(table).max(),
        _ => None,
    }
}

/// Fills a `[[…surveys]]` table from `s`, its questions as `[[…surveys.questions]]` tables.
/// toml_edit writes tables in position order (stably, parents before children): every new
/// table takes `at`, so the survey and its questions stay together where they belong.
fn fill_table(st: &mut Table, s: &Survey, at: Option<isize>) {
    tw::set(st, "name", Some(Value::from(s.name.as_str())));
    tw::set(st, "options", Some(options(s)));
    tw::set(st, "combine", combine(s.combine));
    let mut qs = ArrayOfTables::new();
    for q in &s.questions {
        let mut qt = Table::new();
        qt.set_position(at);
        if !q.text.is_empty() {
            qt.insert("text", Item::Value(tw::string(&q.text)));
        }
        qt.insert("counts", Item::Value(counts(&q.counts)));
        if let Some(w) = q.weight {
            qt.insert("weight", Item::Value(tw::decimal(w)));
        }
        qs.push(qt);
    }
    st.insert("questions", Item::ArrayOfTables(qs));
    st.set_position(at);
}

fn fill_inline(it: &mut InlineTable, s: &Survey) {
    it.insert("name", Value::from(s.name.as_str()));
    it.insert("options", options(s));
    match combine(s.combine) {
        Some(c) => it.insert("combine", c),
        None => it.remove("combine"),
    };
    let mut qs = Array::new();
    for q in &s.questions {
        let mut qt = InlineTable::new();
        if !q.text.is_empty() {
            qt.insert("text", Value::from(q.text.as_str()));
        }
        qt.insert("counts", counts(&q.counts));
        if let Some(w) = q.weight {
            qt.insert("weight", tw::decimal(w));
        }
        qt.fmt();
        qs.push(Value::InlineTable(qt));
    }
    it.insert("questions", Value::Array(qs));
    it.fmt();
}

/// Writes the leaf's survey `name` as the model now holds it: replaced where it stands, added
/// after the others, or removed. (A tally of an unchanged survey is written count by count with
/// `SetSurveyCount`, which keeps its comments and layout.)
fn set_survey(t: &mut Table, a: &Assessment, name: &str) {
    let model = a.surveys.iter().position(|s| s.name == name);
    // Where the survey sits in the file: matched by name, since the model already changed.
    let in_file = |t: &Table| -> Option<usize> {
        let names: Vec<Option<String>> = match t.get("surveys")? {
            Item::ArrayOfTables(aot) => aot
                .iter()
                .map(|x| x.get("name").and_then(Item::as_str).map(String::from))
                .collect(),
            Item::Value(Value::Array(arr)) => arr
                .iter()
                .map(|v| {
                    v.as_inline_table()
                        .and_then(|x| x.get("name"))
                        .and_then(Value::as_str)
                        .map(String::from)
                })
                .collect(),
            _ => return None,
        };
        names.iter().position(|n| n.as_deref() == Some(name))
    };
    let at = in_file(t);
    match (at, model) {
        (Some(k), None) => match t.get_mut("surveys") {
            Some(Item::ArrayOfTables(aot)) => {
                aot.remove(k);
                if aot.is_empty() {
                    t.remove("surveys");
                }
            }
            Some(Item::Value(Value::Array(arr))) => {
                arr.remove(k);
                if arr.is_empty() {
                    t.remove("surveys");
                }
            }
            _ => {}
        },
        (Some(k), Some(m)) => {
            let s = a.surveys[m].clone();
            match t.get_mut("surveys") {
                Some(Item::ArrayOfTables(aot)) => {
                    if let Some(st) = aot.get_mut(k) {
                        let pos = st.position();
                        fill_table(st, &s, pos);
                    }
                }
                Some(Item::Value(Value::Array(arr))) => {
                    if let Some(it) = arr.get_mut(k).and_then(Value::as_inline_table_mut) {
                        fill_inline(it, &s);
                    }
                }
                _ => {}
            }
        }
        (None, Some(m)) => {
            let s = a.surveys[m].clone();
            if let Some(Item::Value(Value::Array(arr))) = t.get_mut("surveys") {
                let mut it = InlineTable::new();
                fill_inline(&mut it, &s);
                arr.push(Value::InlineTable(it));
                return;
            }
            // After the last table of the existing surveys, or of the whole indicator (a new
            // key is written after the indicator's others).
            let pos = match t.get("surveys") {
                Some(item) => last_position(item),
                None => t
                    .iter()
                    .filter_map(|(_, i)| last_position(i))
                    .chain(t.position())
                    .max(),
            };
            if t.get("surveys")
                .and_then(Item::as_array_of_tables)
                .is_none()
            {
                t.insert("surveys", Item::ArrayOfTables(ArrayOfTables::new()));
            }
            if let Some(aot) = t.get_mut("surveys").and_then(Item::as_array_of_tables_mut) {
                let mut st = Table::new();
                fill_table(&mut st, &s, pos);
                aot.push(st);
            }
        }
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rust_decimal::Decimal;

    use crate::edit::Edit;
    use crate::model::{Question, Survey, SurveyOption};
    use crate::store::ProjectFile;

    const FIXTURE: &str = include_str!("../../tests/projects/survey-years.toml");

    fn open() -> ProjectFile {
        ProjectFile::from_text(Path::new("p.toml"), FIXTURE).unwrap()
    }

    fn diff(before: &str, after: &str) -> Vec<String> {
        let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
        let mut out: Vec<String> = b
            .iter()
            .filter(|l| !a.contains(l))
            .map(|l| format!("+{l}"))
            .collect();
        out.extend(a.iter().filter(|l| !b.contains(l)).map(|l| format!("-{l}")));
        out
    }

    #[test]
    fn a_count_changes_one_number_keeping_its_comment_and_undoes_to_the_same_text() {
        let mut f = open();
        let undo = f
            .apply(&Edit::SetSurveyCount {
                code: "C2".into(),
                survey: "满意度".into(),
                question: 0,
                option: 1,
                count: Decimal::from(41),
            })
            .unwrap();
        assert_eq!(
            diff(FIXTURE, &f.text()),
            [
                "+counts = [150, 41, 7, 3]   # 200 份",
                "-counts = [150, 40, 7, 3]   # 200 份"
            ]
        );
        f.apply(&undo).unwrap();
        assert_eq!(f.text(), FIXTURE);
    }

    #[test]
    fn a_year_is_added_changed_and_removed_in_its_inline_table() {
        let mut f = open();
        let set = |year: &str, v: Option<i64>| Edit::SetYear {
            code: "C1".into(),
            name: "到位资金".into(),
            year: year.into(),
            value: v.map(Decimal::from),
        };
        let undo_add = f.apply(&set("2022", Some(520))).unwrap();
        assert!(
            f.text().contains(
                "\"到位资金\" = { 2019 = 500, 2020 = 486, 2021 = 540, 2022 = 520 } }   # 万元"
            ),
            "{}",
            f.text()
        );
        f.apply(&set("2020", Some(500))).unwrap();
        assert!(f.text().contains("2020 = 500, 2021 = 540, 2022 = 520 }"));
        assert_eq!(
            f.project()
                .get("C1")
                .unwrap()
                .assessment
                .yearly_input("到位资金")
                .unwrap()
                .total(),
            Decimal::from(2060)
        );
        f.apply(&set("2020", Some(486))).unwrap();
        f.apply(&undo_add).unwrap();
        assert_eq!(f.text(), FIXTURE);
        // An earlier year goes before the others, in the file and in the explanation.
        let undo = f.apply(&set("2018", Some(450))).unwrap();
        assert!(
            f.text()
                .contains("\"到位资金\" = { 2018 = 450, 2019 = 500, 2020 = 486, 2021 = 540 } }"),
            "{}",
            f.text()
        );
        let a = &f.project().get("C1").unwrap().assessment;
        assert_eq!(a.yearly_input("到位资金").unwrap().years[0].0, "2018");
        f.apply(&undo).unwrap();
        assert_eq!(f.text(), FIXTURE);
    }

    #[test]
    fn a_new_survey_is_written_as_tables_under_its_leaf_and_reads_back() {
        let mut f = open();
        let s = Survey {
            name: "问卷二".into(),
            options: vec![
                SurveyOption {
                    name: "是".into(),
                    weight: Decimal::from(100),
                },
                SurveyOption {
                    name: "否".into(),
                    weight: Decimal::ZERO,
                },
            ],
            questions: vec![Question {
                text: "是否知晓".into(),
                counts: vec![Decimal::from(9), Decimal::from(1)],
                weight: None,
            }],
            combine: Default::default(),
        };
        let undo = f
            .apply(&Edit::SetSurvey {
                code: "C1".into(),
                name: "问卷二".into(),
                survey: Some(Box::new(s.clone())),
            })
            .unwrap();
        let text = f.text();
        let at = text.find("[[indicators.C1.surveys]]").unwrap();
        assert!(at < text.find("[indicators.C2]").unwrap(), "{text}");
        let back = crate::store::parse_project(&text).unwrap().project;
        assert_eq!(
            back.get("C1").unwrap().assessment.survey("问卷二"),
            Some(&s)
        );
        assert_eq!(back.get("C2").unwrap().assessment.surveys.len(), 1);
        f.apply(&undo).unwrap();
        assert_eq!(
            crate::store::parse_project(&f.text()).unwrap().project,
            crate::store::parse_project(FIXTURE).unwrap().project
        );
    }
}
