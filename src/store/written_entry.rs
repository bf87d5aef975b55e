//! An input's entry as the file wrote it, taken before an edit removes it and put back by that
//! edit's undo in the same place with the same text (spacing, quotes, comments): undoing the
//! removal of a per-year input's last year restores the file exactly, not the input appended
//! after the others.

use toml_edit::{DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

use crate::edit::{Edit, WrittenEntry};

/// What `e` takes away as written, when it removes a year of a per-year input (and with its
/// last year the input itself): taken from `doc` before `e` is written into it.
pub(super) fn before(doc: &DocumentMut, e: &Edit) -> Option<WrittenEntry> {
    let Edit::SetYear {
        code,
        name,
        value: None,
        ..
    } = e
    else {
        return None;
    };
    let t = doc.get("indicators")?.as_table()?.get(code)?.as_table()?;
    take(t, name)
}

fn raw(r: Option<&RawString>) -> &str {
    r.and_then(RawString::as_str).unwrap_or("")
}

fn key_text(k: &Key) -> String {
    let d = k.leaf_decor();
    format!("{}{}{}", raw(d.prefix()), k.display_repr(), raw(d.suffix()))
}

/// What removing the input `name` takes away from the leaf's table `t`: its entry in the
/// `inputs = { … }` inline table, or that whole `inputs` entry when `name` is its only input.
/// None where the inputs are written as a table of their own (`[indicators.X.inputs]`): the
/// undo then writes the input anew.
fn take(t: &Table, name: &str) -> Option<WrittenEntry> {
    let Some(Item::Value(Value::InlineTable(inputs))) = t.get("inputs") else {
        return None;
    };
    if inputs.len() == 1 && inputs.contains_key(name) {
        let place = t.iter().position(|(k, _)| k == "inputs")?;
        let (key, item) = t.get_key_value("inputs")?;
        return Some(WrittenEntry {
            whole_inputs: true,
            place,
            text: format!("{}={}", key_text(key), item.as_value()?),
        });
    }
    let place = inputs.iter().position(|(k, _)| k == name)?;
    let (key, value) = inputs.clone().remove_entry(name)?;
    Some(WrittenEntry {
        whole_inputs: false,
        place,
        text: format!("{}={value}", key_text(&key)),
    })
}

/// Puts `w` back into the leaf's table `t`; false when the table is no longer as the removal
/// left it (the caller then writes the input anew).
pub(super) fn put_back(t: &mut Table, name: &str, w: &WrittenEntry) -> bool {
    if w.whole_inputs {
        if t.contains_key("inputs") {
            return false;
        }
        let Ok(doc) = w.text.parse::<DocumentMut>() else {
            return false;
        };
        let Some((key, item)) = doc.as_table().clone().remove_entry("inputs") else {
            return false;
        };
        insert_at(t, w.place, &key, item);
        return true;
    }
    let Some(Item::Value(Value::InlineTable(inputs))) = t.get_mut("inputs") else {
        return false;
    };
    if inputs.contains_key(name) {
        return false;
    }
    let Ok(doc) = format!("x = {{{}}}", w.text).parse::<DocumentMut>() else {
        return false;
    };
    let Some((key, value)) = doc
        .get("x")
        .and_then(Item::as_inline_table)
        .and_then(|x| x.clone().remove_entry(name))
    else {
        return false;
    };
    insert_inline_at(inputs, w.place, &key, value);
    true
}

/// Inserts at `place` among the table's keys: the keys after it are taken out and put back
/// after it, each as written.
fn insert_at(t: &mut Table, place: usize, key: &Key, item: Item) {
    let after: Vec<String> = t.iter().skip(place).map(|(k, _)| k.to_string()).collect();
    let moved: Vec<_> = after.iter().filter_map(|k| t.remove_entry(k)).collect();
    t.insert_formatted(key, item);
    for (k, i) in moved {
        t.insert_formatted(&k, i);
    }
}

fn insert_inline_at(t: &mut InlineTable, place: usize, key: &Key, value: Value) {
    let after: Vec<String> = t.iter().skip(place).map(|(k, _)| k.to_string()).collect();
    if after.is_empty() {
        // It was the last: the space before the closing brace, which its removal gave to the
        // value before it, goes back with it.
        if let Some(k) = t.iter().last().map(|(k, _)| k.to_string())
            && let Some(v) = t.get_mut(&k)
        {
            v.decor_mut().set_suffix("");
        }
    }
    let moved: Vec<_> = after.iter().filter_map(|k| t.remove_entry(k)).collect();
    t.insert_formatted(key, value);
    for (k, v) in moved {
        t.insert_formatted(&k, v);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rust_decimal::Decimal;

    use crate::edit::Edit;
    use crate::store::ProjectFile;

    const FIXTURE: &str = include_str!("../../tests/projects/survey-years.toml");

    fn remove(f: &mut ProjectFile, name: &str, year: &str) -> Edit {
        f.apply(&Edit::SetYear {
            code: "C1".into(),
            name: name.into(),
            year: year.into(),
            value: None,
        })
        .unwrap()
    }

    /// Removes every year of `name` (the input goes with its last), then undoes each.
    fn remove_and_undo(f: &mut ProjectFile, name: &str) {
        let undo: Vec<Edit> = ["2019", "2020", "2021"]
            .iter()
            .map(|y| remove(f, name, y))
            .collect();
        let a = &f.project().get("C1").unwrap().assessment;
        assert!(
            a.yearly_input(name).is_none(),
            "{name} goes with its last year"
        );
        assert!(!f.text().contains(&format!("\"{name}\" =")), "{}", f.text());
        for u in undo.iter().rev() {
            f.apply(u).unwrap();
        }
    }

    fn names(f: &ProjectFile) -> Vec<String> {
        let a = &f.project().get("C1").unwrap().assessment;
        a.yearly.iter().map(|y| y.name.clone()).collect()
    }

    #[test]
    fn undoing_the_removal_of_an_inputs_last_year_puts_it_back_where_it_was() {
        for name in ["预算资金", "到位资金"] {
            let mut f = ProjectFile::from_text(Path::new("p.toml"), FIXTURE).unwrap();
            remove_and_undo(&mut f, name);
            assert_eq!(f.text(), FIXTURE, "{name}: the file as it was");
            assert_eq!(
                names(&f),
                ["预算资金", "到位资金"],
                "{name}: the order read"
            );
            let a = &f.project().get("C1").unwrap().assessment;
            assert_eq!(
                a.yearly_input(name).unwrap().total(),
                Decimal::from(if name == "预算资金" { 1580 } else { 1526 })
            );
        }
    }

    #[test]
    fn undoing_the_removal_of_the_only_input_puts_back_its_inputs_line() {
        let mut f = ProjectFile::from_text(Path::new("p.toml"), FIXTURE).unwrap();
        remove_and_undo(&mut f, "预算资金");
        let undo: Vec<Edit> = ["2019", "2020", "2021"]
            .iter()
            .map(|y| remove(&mut f, "到位资金", y))
            .collect();
        let before = f.text();
        let undo_only: Vec<Edit> = ["2019", "2020", "2021"]
            .iter()
            .map(|y| remove(&mut f, "预算资金", y))
            .collect();
        assert!(!f.text().contains("inputs"), "{}", f.text());
        for u in undo_only.iter().rev() {
            f.apply(u).unwrap();
        }
        assert_eq!(f.text(), before);
        for u in undo.iter().rev() {
            f.apply(u).unwrap();
        }
        assert_eq!(f.text(), FIXTURE);
        assert_eq!(names(&f), ["预算资金", "到位资金"]);
    }
}
