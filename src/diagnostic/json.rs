//! `jixiao check --json`: each diagnostic as an object scripts can filter on.

use serde_json::{Map, Value, json};

use super::{Diagnostic, Severity, Subject};
use crate::lang::Lang;

/// `{"file", "line", "column", "severity", "kind", "subject", "message"}`; line and column are
/// null when the diagnostic has no position, the message is in `lang`, everything else is a
/// stable English identifier.
pub fn to_json(d: &Diagnostic, file: &str, lang: Lang) -> Value {
    json!({
        "file": file,
        "line": d.pos.map(|p| p.line),
        "column": d.pos.map(|p| p.col),
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "kind": d.kind.id(),
        "subject": subject(&d.subject),
        "message": d.text(lang),
    })
}

/// A file that could not be read at all, in the same shape.
pub fn unreadable(file: &str, message: &str) -> Value {
    json!({
        "file": file,
        "line": null,
        "column": null,
        "severity": "error",
        "kind": "unreadable",
        "subject": {"type": "file"},
        "message": message,
    })
}

fn subject(s: &Subject) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), s.id().into());
    if let Some(code) = s.code() {
        m.insert("code".into(), code.into());
    }
    if let Some(field) = s.field() {
        m.insert("field".into(), field.into());
    }
    if let Subject::Conflict { index } = s {
        m.insert("index".into(), (*index).into());
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Kind, Pos};

    #[test]
    fn a_warning_on_a_stated_figure() {
        let d = Diagnostic::new(
            Severity::Warning,
            Some(Pos { line: 3, col: 7 }),
            Subject::indicator("C", "stated"),
            Kind::StatedScore {
                at: crate::diagnostic::Named {
                    code: "C".into(),
                    name: "产出".into(),
                },
                stated: "23.88".parse().unwrap(),
                basis: crate::diagnostic::Basis::Children,
                computed: "22.38".parse().unwrap(),
            },
        );
        let v = to_json(&d, "p.toml", Lang::Zh);
        assert_eq!(
            v,
            json!({
                "file": "p.toml", "line": 3, "column": 7, "severity": "warning",
                "kind": "stated_score",
                "subject": {"type": "indicator", "code": "C", "field": "stated"},
                "message": "C 产出：报告列示 23.88，按下级指标合计为 22.38",
            })
        );
    }
}
