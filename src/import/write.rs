//! The imported framework as TOML in the documented format (docs/format.md): `[framework]`,
//! `[[grades]]`, then one `[indicators.CODE]` table per indicator in tree order, criteria as an
//! array with one line per entry.

use crate::model::Project;
use crate::scoring::rounding::plain;

/// A TOML basic string, escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key, bare when TOML allows it (ASCII letters, digits, `-`, `_`), quoted otherwise.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        k.to_string()
    } else {
        string(k)
    }
}

/// `header` lines go on top as comments.
pub fn framework_toml(project: &Project, header: &[String]) -> String {
    let fw = &project.framework;
    let mut out = String::new();
    for line in header {
        out.push_str(&format!("# {line}\n"));
    }
    if !header.is_empty() {
        out.push('\n');
    }
    out.push_str("[framework]\n");
    out.push_str(&format!("id = {}\n", string(&fw.id)));
    out.push_str(&format!("version = {}\n", string(&fw.version)));
    out.push_str(&format!("name = {}\n", string(&fw.name)));
    out.push_str(&format!("basis = {}\n", string(&fw.basis)));
    out.push_str(&format!("total = {}\n", plain(fw.total)));
    out.push_str(&format!("rounding = \"{}\"\n", fw.rounding.as_str()));
    out.push_str(&format!("places = {}\n", fw.places));
    out.push_str(&format!("na_policy = \"{}\"\n", fw.na_policy.as_str()));
    out.push_str(
        "\n# Grade bands: the common 优/良/中/差; change them if the framework states others.\n",
    );
    for g in &project.grades {
        out.push_str(&format!(
            "[[grades]]\nname = {}\nmin = {}\n",
            string(&g.name),
            plain(g.min)
        ));
    }
    for ind in &project.indicators {
        out.push_str(&format!("\n[indicators.{}]\n", key(&ind.code)));
        if let Some(p) = &ind.parent {
            out.push_str(&format!("parent = {}\n", string(p)));
        }
        out.push_str(&format!("name = {}\n", string(&ind.name)));
        out.push_str(&format!("weight = {}\n", plain(ind.weight)));
        for (k, v) in [
            ("explanation", &ind.explanation),
            ("formula", &ind.formula),
            ("target", &ind.target),
            ("source", &ind.source),
        ] {
            if !v.is_empty() {
                out.push_str(&format!("{k} = {}\n", string(v)));
            }
        }
        if !ind.criteria.is_empty() {
            out.push_str("criteria = [\n");
            for c in &ind.criteria {
                out.push_str(&format!("  {},\n", string(c)));
            }
            out.push_str("]\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_strings() {
        assert_eq!(key("A101"), "A101");
        assert_eq!(key("一"), "\"一\"");
        assert_eq!(string("说\"好\"\n下一行"), "\"说\\\"好\\\"\\n下一行\"");
    }
}
