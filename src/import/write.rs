//! The imported framework as TOML in the documented format (docs/format.md): `[framework]`,
//! `[[grades]]`, then one `[indicators.CODE]` table per indicator in tree order, criteria as an
//! array with one line per entry.

use crate::model::Project;
use crate::scoring::rounding::plain;

/// A TOML string as toml_edit encodes it: basic or literal, single- or multi-line, whichever
/// writes the text most plainly, with every character TOML must escape escaped.
fn string(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

/// A key, bare when TOML allows it (ASCII letters, digits, `-`, `_`), quoted otherwise.
fn key(k: &str) -> String {
    toml_edit::Key::new(k).display_repr().into_owned()
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
        assert_eq!(string("资金到位率"), "\"资金到位率\"");
    }

    /// Whatever a spreadsheet cell holds comes back byte for byte: quotes of both kinds,
    /// backslashes, line breaks (Excel's Alt-Enter, Windows CR LF), tabs and control characters.
    #[test]
    fn every_character_a_cell_can_hold_reads_back_as_written() {
        let texts = [
            "说\"好\"与'坏'",
            r"C:\评价\2021\底稿.xlsx 与 \n 不是换行",
            "第一行\n第二行\r\n第三行",
            "制表\t符、响铃\u{7}、退格\u{8}、删除\u{7f}、换页\u{c}、转义\u{1b}[2J",
            "'''三个单引号''' 与 \"\"\"三个双引号\"\"\"",
            "结尾反斜杠\\",
            "",
        ];
        for text in texts {
            let doc = format!("[t]\nv = {}\n{} = 1\n", string(text), key(text));
            let parsed: toml_edit::DocumentMut = doc
                .parse()
                .unwrap_or_else(|e| panic!("{text:?} as {doc}: {e}"));
            assert_eq!(parsed["t"]["v"].as_str(), Some(text), "{doc}");
            assert!(parsed["t"].as_table().unwrap().contains_key(text), "{doc}");
        }
    }
}
