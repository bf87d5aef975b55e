//! Creating a project from a framework.

use std::path::Path;

/// Why a framework's text cannot start a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewError {
    /// The TOML parser's own words.
    NotToml {
        detail: String,
    },
    AlreadyProject,
}

impl NewError {
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::cli::new_error(self, lang)
    }
}

/// The framework's text with a `[project]` table inserted before the indicators, so the new file
/// keeps the framework's comments and layout and records which framework it came from.
pub fn new_project_text(framework_text: &str, name: &str) -> Result<String, NewError> {
    let doc: toml_edit::DocumentMut =
        framework_text
            .parse()
            .map_err(|e: toml_edit::TomlError| NewError::NotToml {
                detail: e.message().trim().to_string(),
            })?;
    if doc.get("project").is_some() {
        return Err(NewError::AlreadyProject);
    }
    let quoted = toml_edit::Value::from(name).to_string();
    let block = format!(
        "[project]\nname = {}\ndepartment = \"\"    # 主管部门\nimplementer = \"\"   # 实施单位\nevaluator = \"\"     # 评价机构\nperiod = \"\"        # 评价期间\nfunds_unit = \"万元\"\n\n",
        quoted.trim()
    );
    let first = framework_text
        .match_indices("[indicators.")
        .find(|(i, _)| *i == 0 || framework_text.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| i)
        .unwrap_or(framework_text.len());
    // Keep a section comment ("# ─── A 决策 ───") with the indicator it introduces.
    let mut at = first;
    while at > 0 {
        let line_start = framework_text[..at - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = framework_text[line_start..at].trim();
        if line.is_empty() || line.starts_with('#') {
            at = line_start;
        } else {
            break;
        }
    }
    // …but leave the blank lines above the comment where they are.
    while framework_text[at..first].starts_with('\n') {
        at += 1;
    }
    let mut out = String::with_capacity(framework_text.len() + block.len());
    out.push_str(&framework_text[..at]);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&block);
    out.push_str(&framework_text[at..]);
    Ok(out)
}

/// Writes a new file completely or not at all, and never over an existing one. Its mode follows
/// the user's umask (a team directory with umask 002 gets a group-writable file).
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    super::safe_write::create(path, text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_block_goes_before_the_indicators() {
        let fw = "# comment\n[framework]\nid = \"x\"\ntotal = 1\n\n[indicators.A]\nname = \"决策\"\nweight = 1\n";
        let out = new_project_text(fw, "某项目 \"试点\"").unwrap();
        let p = out.find("[project]").unwrap();
        assert!(p < out.find("[indicators.A]").unwrap());
        // A comment introducing the first indicator stays with it.
        let fw2 = "[framework]\nid = \"x\"\ntotal = 1\n\n# ─── A 决策 ───\n[indicators.A]\nname = \"决策\"\nweight = 1\n";
        let out2 = new_project_text(fw2, "p").unwrap();
        assert!(
            out2.find("[project]").unwrap() < out2.find("# ─── A 决策").unwrap(),
            "{out2}"
        );
        assert!(out.starts_with("# comment\n"));
        let loaded = crate::store::parse_project(&out).unwrap();
        assert_eq!(loaded.project.meta.unwrap().name, "某项目 \"试点\"");
    }
}
