//! `stated`: the figures a report prints for a node, read from the one-number form
//! (`stated = 13.67`) or the list form where a report prints several
//! (`stated = [{ score = 18.5, source = "报告正文" }, { weight = 21, source = "表4-2" }]`).

use toml_edit::{Item, TableLike, Value};

use super::fields::Reader;
use crate::diagnostic::{Pos, Syntax, Written};
use crate::model::{Indicator, Stated, StatedFigure};

/// An entry of `stated = [ … ]`: where it is, its table, and what was written when it is none.
type Entry<'t> = (Option<Pos>, Option<&'t dyn TableLike>, Option<Written>);

/// Reads `stated` of the indicator at `path` into `ind.stated` (one number) or
/// `ind.stated_also` (a list, inline or as `[[indicators.X.stated]]` tables), reporting each
/// malformed entry where it is written.
pub(super) fn read_stated(r: &mut Reader, t: &dyn TableLike, path: &str, ind: &mut Indicator) {
    let spath = format!("{path}.stated");
    let at = r.locate(t, path, "stated");
    let entries: Vec<Entry> = match t.get("stated") {
        None => return,
        Some(Item::Value(Value::Array(list))) => list
            .iter()
            .map(|v| {
                let table = v.as_inline_table().map(|e| e as &dyn TableLike);
                (r.pos(v.span()).or(at), table, Some(r.written_value(v)))
            })
            .collect(),
        Some(Item::ArrayOfTables(list)) => list
            .iter()
            .map(|e| (r.pos(e.span()).or(at), Some(e as &dyn TableLike), None))
            .collect(),
        // One number, as files have always written it (quoted too), with the same errors.
        Some(_) => {
            ind.stated = r.decimal(t, path, "stated");
            return;
        }
    };
    for (n, (pos, table, found)) in entries.into_iter().enumerate() {
        if let Some(p) = pos {
            r.map.insert(format!("{spath}.{n}"), p);
        }
        let Some(e) = table else {
            r.fail(
                pos,
                Syntax::StatedEntry {
                    path: spath.clone(),
                    found,
                },
            );
            continue;
        };
        r.check_keys(e, &spath, &["score", "weight", "source"]);
        let source = r.string_or_empty(e, &spath, "source");
        let (figure, key) = match (e.contains_key("score"), e.contains_key("weight")) {
            (true, false) => (StatedFigure::Score, "score"),
            (false, true) => (StatedFigure::Weight, "weight"),
            _ => {
                r.fail(
                    pos,
                    Syntax::StatedOneFigure {
                        path: spath.clone(),
                    },
                );
                continue;
            }
        };
        if let Some(value) = r.decimal(e, &spath, key) {
            ind.stated_also.push(Stated {
                figure,
                value,
                source,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::StatedFigure;
    use crate::store::parse_project;

    fn with(stated: &str) -> crate::store::Loaded {
        let src = format!(
            "[framework]\nid = \"t\"\nname = \"t\"\ntotal = 5\n[indicators.A]\nname = \"产出\"\nweight = 5\n{stated}\n"
        );
        parse_project(&src).unwrap()
    }

    #[test]
    fn one_number_loads_as_before() {
        let l = with("stated = 12.5");
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        assert_eq!(
            l.project.indicators[0].stated,
            Some("12.5".parse().unwrap())
        );
        assert!(l.project.indicators[0].stated_also.is_empty());
    }

    #[test]
    fn a_list_keeps_each_figure_with_its_source() {
        let l = with(
            "stated = [{ score = 4, source = \"表4-3\" }, { score = 4.5, source = \"报告正文\" }, { weight = 6 }]",
        );
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        let s = &l.project.indicators[0].stated_also;
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].figure, StatedFigure::Score);
        assert_eq!(s[1].value, "4.5".parse().unwrap());
        assert_eq!(s[1].source, "报告正文");
        assert_eq!(s[2].figure, StatedFigure::Weight);
        assert_eq!(s[2].source, "");
        assert_eq!(l.project.indicators[0].stated, None);
    }

    #[test]
    fn a_list_of_tables_reads_like_the_inline_list() {
        let src = "[framework]\nid = \"t\"\nname = \"t\"\ntotal = 5\n[indicators.A]\nname = \"产出\"\nweight = 5\n\
                   [[indicators.A.stated]]\nscore = 4\nsource = \"表4-3\"\n[[indicators.A.stated]]\nweight = 6\nsource = \"报告正文第四部分\"\n";
        let l = parse_project(src).unwrap();
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        let s = &l.project.indicators[0].stated_also;
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].figure, s[0].source.as_str()),
            (StatedFigure::Score, "表4-3")
        );
        assert_eq!(s[1].figure, StatedFigure::Weight);
        assert_eq!(
            l.map.nearest("indicators.A.stated.1").map(|p| p.line),
            Some(11)
        );
    }

    #[test]
    fn a_quoted_number_and_a_wrong_value_read_as_before() {
        let l = with("stated = \"23.88\"");
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        assert_eq!(
            l.project.indicators[0].stated,
            Some("23.88".parse().unwrap())
        );
        let l = with("stated = true");
        let m: Vec<String> = l.diagnostics.iter().map(|d| d.message()).collect();
        assert!(
            m.iter()
                .any(|m| m.contains("expected a number such as 2.67")),
            "{m:#?}"
        );
        assert_eq!(l.diagnostics[0].pos.map(|p| p.line), Some(8));
    }

    #[test]
    fn an_empty_list_states_nothing() {
        let l = with("stated = []");
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        assert!(l.project.indicators[0].stated_also.is_empty());
    }

    #[test]
    fn malformed_entries_are_located_errors() {
        let l = with("stated = [{ score = 4, weight = 5 }]");
        let m: Vec<String> = l.diagnostics.iter().map(|d| d.message()).collect();
        assert!(
            m.iter()
                .any(|m| m.contains("one figure, `score` or `weight`")),
            "{m:#?}"
        );
        assert_eq!(l.diagnostics[0].pos.unwrap().line, 8);
        let l = with("stated = [3]");
        let m: Vec<String> = l.diagnostics.iter().map(|d| d.message()).collect();
        assert!(
            m.iter()
                .any(|m| m.contains("expected { score = …") && m.contains("found the number 3")),
            "{m:#?}"
        );
        let l = with("stated = [{ score = \"x\" }]");
        assert!(l.has_errors());
        let l = with("stated = [{ score = 1, page = 3 }]");
        let m: Vec<String> = l.diagnostics.iter().map(|d| d.message()).collect();
        assert!(m.iter().any(|m| m.contains("unknown key `page`")), "{m:#?}");
    }
}
