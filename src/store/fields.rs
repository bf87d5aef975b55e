//! Typed access to toml_edit tables that records a located diagnostic for every value of the
//! wrong type and every key nobody asked for.

use std::str::FromStr;

use rust_decimal::Decimal;
use toml_edit::{Item, TableLike, Value};

use super::SourceMap;
use crate::diagnostic::{Diagnostic, LineIndex, Pos, Syntax, Written};

pub struct Reader<'s> {
    pub src: &'s str,
    lines: LineIndex,
    pub diags: Vec<Diagnostic>,
    pub map: SourceMap,
}

pub fn item_span(item: &Item) -> Option<std::ops::Range<usize>> {
    match item {
        Item::Value(v) => v.span(),
        Item::ArrayOfTables(a) => a.span(),
        _ => None,
    }
}

impl<'s> Reader<'s> {
    pub fn new(src: &'s str) -> Self {
        Reader {
            src,
            lines: LineIndex::new(src),
            diags: Vec::new(),
            map: SourceMap::default(),
        }
    }

    pub fn pos(&self, span: Option<std::ops::Range<usize>>) -> Option<Pos> {
        span.map(|s| self.lines.pos(self.src, s.start))
    }

    /// Records a problem of the file's shape, said in the reader's language.
    pub fn fail(&mut self, pos: Option<Pos>, problem: Syntax) {
        self.diags.push(Diagnostic::syntax(pos, problem));
    }

    /// A word the loader does not know for `key`, with the ones it knows.
    pub fn unknown_choice(&mut self, pos: Option<Pos>, key: &str, value: &str, choices: &[&str]) {
        self.fail(
            pos,
            Syntax::UnknownChoice {
                key: key.to_string(),
                value: value.to_string(),
                choices: choices.iter().map(|c| c.to_string()).collect(),
            },
        );
    }

    /// Records where `key` (and its value) sit, and returns the position to report errors at.
    pub fn locate(&mut self, table: &dyn TableLike, path: &str, key: &str) -> Option<Pos> {
        let (k, item) = table.get_key_value(key)?;
        let pos = self.pos(item_span(item)).or_else(|| self.pos(k.span()));
        if let Some(p) = pos {
            self.map.insert(format!("{path}.{key}"), p);
        }
        pos
    }

    /// Reports every key of `table` not in `allowed`.
    pub fn check_keys(&mut self, table: &dyn TableLike, path: &str, allowed: &[&str]) {
        let unknown: Vec<(String, Option<Pos>)> = table
            .iter()
            .filter(|(k, _)| !allowed.contains(k))
            .map(|(k, _)| {
                (
                    k.to_string(),
                    table
                        .get_key_value(k)
                        .and_then(|(key, _)| self.pos(key.span())),
                )
            })
            .collect();
        for (key, pos) in unknown {
            self.fail(
                pos,
                Syntax::UnknownKey {
                    key,
                    table: path.to_string(),
                    allowed: allowed.iter().map(|a| a.to_string()).collect(),
                },
            );
        }
    }

    /// What a value is, in plain words with what was written: `the number 3.5`,
    /// `the text "abc"`, `the date 2022-06-30`, `a list [1, 2]`.
    pub fn written(&self, item: &Item) -> Written {
        match item {
            Item::Value(v) => self.written_value(v),
            Item::Table(_) => Written::Table,
            Item::ArrayOfTables(_) => Written::Tables,
            Item::None => Written::Nothing,
        }
    }

    pub fn written_value(&self, v: &Value) -> Written {
        let raw = v
            .span()
            .and_then(|s| self.src.get(s))
            .map(str::trim)
            .map(|t| {
                if t.chars().count() > 40 {
                    format!("{}…", t.chars().take(40).collect::<String>())
                } else {
                    t.to_string()
                }
            })
            .unwrap_or_else(|| v.to_string().trim().to_string());
        match v {
            Value::String(_) => Written::Text(raw),
            Value::Integer(_) | Value::Float(_) => Written::Number(raw),
            Value::Boolean(_) => Written::Flag(raw),
            Value::Datetime(d) => match (d.value().date, d.value().time) {
                (None, _) => Written::TimeOfDay(raw),
                (Some(_), None) => Written::Date(raw),
                (Some(_), Some(_)) => Written::DateTime(raw),
            },
            Value::Array(_) => Written::List(raw),
            Value::InlineTable(_) => Written::InlineTable(raw),
        }
    }

    pub fn string(&mut self, table: &dyn TableLike, path: &str, key: &str) -> Option<String> {
        let pos = self.locate(table, path, key);
        let item = table.get(key)?;
        match item.as_str() {
            // A multi-line string in a CRLF file carries its CRs: the text is the lines.
            Some(s) => Some(s.replace("\r\n", "\n")),
            None => {
                let found = self.written(item);
                self.fail(
                    pos,
                    Syntax::ExpectedText {
                        path: format!("{path}.{key}"),
                        key: key.to_string(),
                        found,
                    },
                );
                None
            }
        }
    }

    pub fn string_or_empty(&mut self, table: &dyn TableLike, path: &str, key: &str) -> String {
        self.string(table, path, key).unwrap_or_default()
    }

    pub fn required_string(
        &mut self,
        table: &dyn TableLike,
        path: &str,
        key: &str,
        table_pos: Option<Pos>,
    ) -> String {
        if table.get(key).is_none() {
            self.fail(
                table_pos,
                Syntax::MissingText {
                    table: path.to_string(),
                    key: key.to_string(),
                },
            );
            return String::new();
        }
        self.string_or_empty(table, path, key)
    }

    pub fn bool(&mut self, table: &dyn TableLike, path: &str, key: &str) -> Option<bool> {
        let pos = self.locate(table, path, key);
        let item = table.get(key)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                let found = self.written(item);
                self.fail(
                    pos,
                    Syntax::ExpectedFlag {
                        path: format!("{path}.{key}"),
                        found,
                    },
                );
                None
            }
        }
    }

    pub fn decimal(&mut self, table: &dyn TableLike, path: &str, key: &str) -> Option<Decimal> {
        let pos = self.locate(table, path, key);
        let item = table.get(key)?;
        match item.as_value() {
            Some(v) => self.value_decimal(v, &format!("{path}.{key}"), pos),
            None => {
                let found = self.written(item);
                self.fail(
                    pos,
                    Syntax::ExpectedNumber {
                        path: format!("{path}.{key}"),
                        found,
                    },
                );
                None
            }
        }
    }

    pub fn required_decimal(
        &mut self,
        table: &dyn TableLike,
        path: &str,
        key: &str,
        table_pos: Option<Pos>,
    ) -> Decimal {
        if table.get(key).is_none() {
            self.fail(
                table_pos,
                Syntax::MissingNumber {
                    table: path.to_string(),
                    key: key.to_string(),
                },
            );
            return Decimal::ZERO;
        }
        self.decimal(table, path, key).unwrap_or_default()
    }

    /// A number exactly as written: the raw text of the value, never through f64.
    pub fn value_decimal(&mut self, v: &Value, what: &str, pos: Option<Pos>) -> Option<Decimal> {
        let pos = self.pos(v.span()).or(pos);
        let parsed = match v {
            Value::Integer(_) | Value::Float(_) => {
                let raw = v
                    .span()
                    .and_then(|s| self.src.get(s))
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                parse_decimal(raw.trim())
            }
            Value::String(s) => parse_decimal(s.value().trim()),
            _ => None,
        };
        // Bounds every figure so no later arithmetic can overflow (budgets in 元 stay far below).
        let limit = Decimal::from(1_000_000_000_000_000i64);
        if let Some(d) = parsed
            && d.abs() > limit
        {
            self.fail(
                pos,
                Syntax::TooLarge {
                    path: what.to_string(),
                    value: d,
                },
            );
            return None;
        }
        if parsed.is_none() {
            let found = match v {
                // A quoted text is shown as its text: `"abc"`, not the raw escape.
                Value::String(s) => Written::Quoted(format!("\"{}\"", s.value())),
                other => self.written_value(other),
            };
            self.fail(
                pos,
                Syntax::ExpectedNumber {
                    path: what.to_string(),
                    found,
                },
            );
        }
        parsed
    }

    /// A TOML date as an input or target: a calendar date alone. A time of day (`10:30:00`) or
    /// a date with a time is an error here, never read as some date or number.
    pub fn date_value(
        &mut self,
        d: &toml_edit::Formatted<toml_edit::Datetime>,
        what: &str,
        pos: Option<Pos>,
    ) -> Option<String> {
        let pos = self.pos(d.span()).or(pos);
        let v = d.value();
        match (v.date, v.time) {
            (Some(_), None) if v.offset.is_none() => Some(v.to_string()),
            (None, _) => {
                self.fail(
                    pos,
                    Syntax::TimeOfDay {
                        path: what.to_string(),
                        value: v.to_string(),
                    },
                );
                None
            }
            (Some(date), _) => {
                self.fail(
                    pos,
                    Syntax::DateWithTime {
                        path: what.to_string(),
                        value: v.to_string(),
                        date: date.to_string(),
                    },
                );
                None
            }
        }
    }

    /// A quoted text where a number or date belongs that looks like a date: say what is wrong
    /// with it in the words an edit uses. None when it does not look like a date.
    pub fn quoted_date(&mut self, text: &str, what: &str, pos: Option<Pos>) -> Option<()> {
        if !crate::model::date::looks_like_date(text) {
            return None;
        }
        let (path, text) = (what.to_string(), text.to_string());
        let problem = match crate::model::date::check_date(&text) {
            Err(error) => Syntax::BadDate { path, text, error },
            Ok(()) => Syntax::DateQuoted { path, text },
        };
        self.fail(pos, problem);
        Some(())
    }

    pub fn string_list(&mut self, table: &dyn TableLike, path: &str, key: &str) -> Vec<String> {
        let pos = self.locate(table, path, key);
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        if let Some(s) = item.as_str() {
            return vec![s.to_string()];
        }
        let Some(arr) = item.as_array() else {
            let found = self.written(item);
            self.fail(
                pos,
                Syntax::ExpectedTextList {
                    path: format!("{path}.{key}"),
                    key: key.to_string(),
                    found,
                },
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for v in arr.iter() {
            match v.as_str() {
                Some(s) => out.push(s.to_string()),
                None => {
                    let p = self.pos(v.span()).or(pos);
                    let found = self.written_value(v);
                    self.fail(
                        p,
                        Syntax::ExpectedTextEntry {
                            path: format!("{path}.{key}"),
                            found,
                        },
                    );
                }
            }
        }
        out
    }

    /// The tables of `key`, whether written as `[[a.b]]` or as an array of inline tables.
    pub fn tables<'t>(
        &mut self,
        table: &'t dyn TableLike,
        path: &str,
        key: &str,
    ) -> Vec<(&'t dyn TableLike, Option<Pos>)> {
        let pos = self.locate(table, path, key);
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        if let Some(aot) = item.as_array_of_tables() {
            // Array-of-tables carry no per-table span in toml_edit; locate each by its first value.
            return aot
                .iter()
                .map(|t| {
                    let p = t.iter().find_map(|(_, it)| self.pos(item_span(it))).or(pos);
                    (t as &dyn TableLike, p)
                })
                .collect();
        }
        if let Some(arr) = item.as_array() {
            let mut out = Vec::new();
            for v in arr.iter() {
                match v.as_inline_table() {
                    Some(t) => out.push((t as &dyn TableLike, self.pos(v.span()).or(pos))),
                    None => {
                        let p = self.pos(v.span()).or(pos);
                        let found = self.written_value(v);
                        self.fail(
                            p,
                            Syntax::ExpectedTableEntry {
                                path: format!("{path}.{key}"),
                                found,
                            },
                        );
                    }
                }
            }
            return out;
        }
        let found = self.written(item);
        self.fail(
            pos,
            Syntax::ExpectedTables {
                path: format!("{path}.{key}"),
                found,
            },
        );
        Vec::new()
    }
}

/// Parses a decimal as written in TOML or typed by a user: `2.67`, `1_040`, `+3`, `1e3`.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if cleaned.is_empty()
        || cleaned.contains(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    Decimal::from_str(cleaned)
        .ok()
        .or_else(|| Decimal::from_scientific(cleaned).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(parse_decimal("2.67").unwrap().to_string(), "2.67");
        assert_eq!(parse_decimal("1_040").unwrap().to_string(), "1040");
        assert_eq!(parse_decimal("+0.5").unwrap().to_string(), "0.5");
        assert_eq!(parse_decimal("1e3").unwrap(), Decimal::from(1000));
        assert!(parse_decimal("inf").is_none());
        assert!(parse_decimal("nan").is_none());
        assert!(parse_decimal("abc").is_none());
        assert!(parse_decimal("").is_none());
    }
}
