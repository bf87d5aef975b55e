//! The imported framework (or project) as TOML in the documented format (docs/format.md):
//! `[framework]`, `[[grades]]`, `[project]` for a project, then one `[indicators.CODE]` table per
//! indicator in tree order, criteria as an array with one line per entry, the rule inline, and
//! what the evaluators recorded (status, score, justification, `[[…deductions]]`).

use crate::lang::Lang;
use crate::model::Project;
use crate::scoring::rounding::plain;

use crate::store::rule_toml::{self, key, string};

/// A framework: `header` lines go on top as comments.
pub fn framework_toml(project: &Project, header: &[String], lang: Lang) -> String {
    project_toml(project, header, false, lang)
}

/// Text as TOML: a `"""` block when it has several lines, so the file stays readable.
fn text(s: &str) -> String {
    if s.contains('\n') {
        crate::store::toml_text(s)
    } else {
        string(s)
    }
}

/// A framework, or a project when `project.meta` is set; `grades_given` says the bands came from
/// the sheet's own legend.
/// The comments are in `lang`, like what `jixiao import` says on screen.
pub fn project_toml(
    project: &Project,
    header: &[String],
    grades_given: bool,
    lang: Lang,
) -> String {
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
    out.push_str(&format!(
        "\n# {}\n",
        crate::lang::import::grades_comment(grades_given, lang)
    ));
    for g in &project.grades {
        out.push_str(&format!(
            "[[grades]]\nname = {}\nmin = {}\n",
            string(&g.name),
            plain(g.min)
        ));
    }
    if let Some(meta) = &project.meta {
        out.push_str(&format!(
            "\n[project]\nname = {}\ndepartment = \"\"    # 主管部门\nimplementer = \"\"   # 实施单位\nevaluator = \"\"     # 评价机构\nperiod = \"\"        # 评价期间\nfunds_unit = {}\n",
            string(&meta.name),
            string(&meta.funds_unit)
        ));
    }
    for ind in &project.indicators {
        out.push_str(&format!("\n[indicators.{}]\n", key(&ind.code)));
        if let Some(p) = &ind.parent {
            out.push_str(&format!("parent = {}\n", string(p)));
        }
        if let Some(shown) = &ind.shown {
            out.push_str(&format!("shown = {}\n", string(shown)));
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
        if !rule_toml::is_default(&ind.rule) {
            out.push_str(&format!("rule = {}\n", rule_toml::inline(&ind.rule)));
        }
        assessment(&mut out, ind);
    }
    out
}

fn assessment(out: &mut String, ind: &crate::model::Indicator) {
    let a = &ind.assessment;
    if a.status != crate::model::Status::Unscored {
        out.push_str(&format!("status = \"{}\"\n", a.status.label()));
    }
    if let Some(s) = a.score {
        out.push_str(&format!("score = {}\n", plain(s)));
    }
    for (k, v) in [("na", &a.na), ("unscorable", &a.unscorable)] {
        if let Some(v) = v {
            out.push_str(&format!("{k} = {}\n", string(v)));
        }
    }
    let record = rule_toml::record_lines(a);
    if !record.is_empty() {
        out.push_str(&record);
        out.push('\n');
    }
    if !a.justification.is_empty() {
        out.push_str(&format!("justification = {}\n", text(&a.justification)));
    }
    for d in &a.deductions {
        out.push_str(&format!("\n[[indicators.{}.deductions]]\n", key(&ind.code)));
        if let Some(p) = d.points {
            out.push_str(&format!("points = {}\n", plain(p)));
        }
        out.push_str(&format!("reason = {}\n", text(&d.reason)));
        if !d.evidence.is_empty() {
            let titles: Vec<String> = d.evidence.iter().map(|t| string(t)).collect();
            out.push_str(&format!("evidence = [{}]\n", titles.join(", ")));
        }
    }
    // The evidence the findings cite (a sheet gives titles only).
    for e in &a.evidence {
        out.push_str(&format!("\n[[indicators.{}.evidence]]\n", key(&ind.code)));
        out.push_str(&format!("title = {}\n", string(&e.title)));
        for (k, v) in [("at", &e.at), ("note", &e.note)] {
            if !v.is_empty() {
                out.push_str(&format!("{k} = {}\n", text(v)));
            }
        }
    }
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
