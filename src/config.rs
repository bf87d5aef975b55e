//! Per-user settings (个人设置): `config.toml` in the user's config directory
//! (`~/.config/jixiao/` on Linux; `JIXIAO_CONFIG_DIR` overrides it, e.g. for tests).
//!
//! ```toml
//! lang = "zh"          # or "en": the workbench's language
//! ascii = false        # true: ASCII borders and marks
//! ambiguous_width = 1  # 2: the terminal draws ①, “”, …, ▼, box lines two columns wide
//! reviewer = "张三"    # the name stamped on approvals (复核); default: the login user
//!
//! [export]             # the firm's house style for Word exports (a project's [report] wins)
//! template = "~/事务所/模板.docx"   # used when --template is not given
//! code_prefix = false
//! criteria_header = "指标说明"
//! target_column = true
//! deduction_amounts = false
//! ```
//!
//! A bad file never stops anyone working: what can be read is used, the rest falls back to the
//! defaults, and each problem comes back as a located diagnostic (`file:line:col`).

use std::path::{Path, PathBuf};

use toml_edit::{Document, Item, Value};

use crate::diagnostic::{ConfigProblem, Diagnostic, LineIndex, Pos, Syntax};

/// The settings a user may give; `None` means "not set, use the default".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `zh` or `en`.
    pub lang: Option<String>,
    pub ascii: Option<bool>,
    pub reviewer: Option<String>,
    /// `[export]`: the firm's defaults for docx exports.
    pub export: ExportDefaults,
    /// How wide the terminal draws East-Asian ambiguous characters (①, “”, …, ▼, box drawing):
    /// 1 or 2 columns.
    pub ambiguous_width: Option<u8>,
    /// `zh` or `en`: the language of every report's generated text (explanations, 扣分点说明),
    /// instead of each project's own `[project] language`.
    pub report_lang: Option<String>,
}

/// `[export]` in the config: what a firm sets once for every export (the same keys as a
/// project's `[report]`, which wins, plus the reference document).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportDefaults {
    /// A reference .docx (`--template`); `~/` is the home directory.
    pub template: Option<PathBuf>,
    pub code_prefix: Option<bool>,
    pub criteria_header: Option<String>,
    pub target_column: Option<bool>,
    pub deduction_amounts: Option<bool>,
}

const KEYS: &[&str] = &[
    "lang",
    "ascii",
    "reviewer",
    "export",
    "ambiguous_width",
    "report_lang",
];
const EXPORT_KEYS: &[&str] = &[
    "template",
    "code_prefix",
    "criteria_header",
    "target_column",
    "deduction_amounts",
];

/// The directory holding `config.toml` and `frameworks/`.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("JIXIAO_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "jixiao").map(|d| d.config_dir().to_path_buf())
}

/// Where the config file is read from.
pub fn path() -> Option<PathBuf> {
    dir().map(|d| d.join("config.toml"))
}

impl Config {
    /// The name stamped on approvals: the configured reviewer, else the login user.
    pub fn reviewer_name(&self) -> String {
        self.reviewer
            .clone()
            .unwrap_or_else(crate::store::lock::current_user)
    }
}

/// Reads the user's config file. A missing file is the defaults, silently; a bad one gives the
/// settings that could be read and its problems, each displayed as `file:line:col: error: …`.
pub fn load() -> (Config, Vec<Problem>) {
    match path() {
        Some(p) => read(&p),
        None => (Config::default(), Vec::new()),
    }
}

/// `load` for a given file.
pub fn read(path: &Path) -> (Config, Vec<Problem>) {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let (config, diags) = parse(&text);
            let shown = diags
                .into_iter()
                .map(|diagnostic| Problem {
                    file: name.clone(),
                    diagnostic,
                })
                .collect();
            (config, shown)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![Problem {
                file: name,
                diagnostic: problem(
                    None,
                    ConfigProblem::Unreadable {
                        detail: e.to_string(),
                    },
                ),
            }],
        ),
    }
}

fn problem(pos: Option<Pos>, p: ConfigProblem) -> Diagnostic {
    Diagnostic::syntax(pos, Syntax::Config(p))
}

/// A problem of the config file, shown before anything else: its file and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub diagnostic: Diagnostic,
}

impl Problem {
    /// `file:line:col: error: …` in `lang`.
    pub fn display_in(&self, lang: crate::lang::Lang) -> String {
        self.diagnostic.display_in(&self.file, lang).to_string()
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display_in(crate::lang::Lang::En))
    }
}

/// Parses a config file's text: the settings, and what was wrong (never fatal).
pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
    let index = LineIndex::new(text);
    let pos = |span: Option<std::ops::Range<usize>>| span.map(|s| index.pos(text, s.start));
    let mut config = Config::default();
    let mut out = Vec::new();
    let doc = match Document::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let detail = e.message().trim().replace('\n', " ");
            out.push(problem(
                pos(e.span()).or(Some(Pos { line: 1, col: 1 })),
                ConfigProblem::NotToml { detail },
            ));
            return (config, out);
        }
    };
    for (key, item) in doc.as_table().iter() {
        let key_pos = doc
            .as_table()
            .get_key_value(key)
            .and_then(|(k, _)| pos(k.span()));
        let at = pos(item.span()).or(key_pos);
        let value = match item {
            Item::Value(v) => Some(v),
            _ => None,
        };
        match key {
            "lang" => match value.and_then(Value::as_str).map(str::to_ascii_lowercase) {
                Some(l) if l == "zh" || l == "en" => config.lang = Some(l),
                _ => out.push(problem(at, ConfigProblem::Lang)),
            },
            "report_lang" => match value.and_then(Value::as_str).map(str::to_ascii_lowercase) {
                Some(l) if l == "zh" || l == "en" => config.report_lang = Some(l),
                _ => out.push(Diagnostic::error(
                    at,
                    "`report_lang` must be \"zh\" or \"en\"; using each project's language",
                )),
            },
            "ascii" => match value.and_then(Value::as_bool) {
                Some(b) => config.ascii = Some(b),
                None => out.push(problem(at, ConfigProblem::Ascii)),
            },
            "ambiguous_width" => match value.and_then(Value::as_integer) {
                Some(w @ (1 | 2)) => config.ambiguous_width = Some(w as u8),
                _ => out.push(problem(at, ConfigProblem::AmbiguousWidth)),
            },
            "reviewer" => match value.and_then(Value::as_str).map(str::trim) {
                Some(name) if !name.is_empty() => config.reviewer = Some(name.to_string()),
                _ => out.push(problem(at, ConfigProblem::Reviewer)),
            },
            "export" => match item.as_table_like() {
                Some(t) => config.export = parse_export(t, &pos, &mut out),
                None => out.push(problem(at, ConfigProblem::ExportNotTable)),
            },
            other => out.push(problem(
                key_pos,
                ConfigProblem::UnknownKey {
                    key: other.to_string(),
                    allowed: KEYS.join(", "),
                },
            )),
        }
    }
    (config, out)
}

fn parse_export(
    t: &dyn toml_edit::TableLike,
    pos: &dyn Fn(Option<std::ops::Range<usize>>) -> Option<Pos>,
    out: &mut Vec<Diagnostic>,
) -> ExportDefaults {
    let mut e = ExportDefaults::default();
    for (key, item) in t.iter() {
        let key_pos = t.get_key_value(key).and_then(|(k, _)| pos(k.span()));
        let at = pos(item.span()).or(key_pos);
        let value = item.as_value();
        let boolean = |out: &mut Vec<Diagnostic>| match value.and_then(Value::as_bool) {
            Some(b) => Some(b),
            None => {
                out.push(problem(
                    at,
                    ConfigProblem::ExportFlag {
                        key: key.to_string(),
                    },
                ));
                None
            }
        };
        match key {
            "template" => match value.and_then(Value::as_str).map(str::trim) {
                Some(p) if !p.is_empty() => e.template = Some(expand_home(p)),
                _ => out.push(problem(at, ConfigProblem::Template)),
            },
            "criteria_header" => match value.and_then(Value::as_str).map(str::trim) {
                Some(h) if !h.is_empty() => e.criteria_header = Some(h.to_string()),
                _ => out.push(problem(at, ConfigProblem::CriteriaHeader)),
            },
            "code_prefix" => e.code_prefix = boolean(out),
            "target_column" => e.target_column = boolean(out),
            "deduction_amounts" => e.deduction_amounts = boolean(out),
            other => out.push(problem(
                key_pos,
                ConfigProblem::UnknownKey {
                    key: format!("export.{other}"),
                    allowed: EXPORT_KEYS.join(", "),
                },
            )),
        }
    }
    e
}

/// `~/x` as a path under the home directory.
fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let (c, d) =
            parse("lang = \"en\"\nascii = true\nreviewer = \"张三\"\nreport_lang = \"zh\"\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            c,
            Config {
                lang: Some("en".into()),
                ascii: Some(true),
                ambiguous_width: None,
                reviewer: Some("张三".into()),
                export: ExportDefaults::default(),
                report_lang: Some("zh".into()),
            }
        );
        assert_eq!(c.reviewer_name(), "张三");
    }

    #[test]
    fn reads_the_export_style() {
        let (c, d) = parse(
            "[export]\ntemplate = \"/srv/firm.docx\"\ncode_prefix = false\n\
             criteria_header = \"指标说明\"\ntarget_column = true\ndeduction_amounts = true\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            c.export,
            ExportDefaults {
                template: Some(PathBuf::from("/srv/firm.docx")),
                code_prefix: Some(false),
                criteria_header: Some("指标说明".into()),
                target_column: Some(true),
                deduction_amounts: Some(true),
            }
        );
        let (_, d) = parse("[export]\ncode_prefix = \"no\"\nfont = 1\n");
        let shown: Vec<String> = d.iter().map(|x| x.display("c.toml").to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("c.toml:2:15: error: `export.code_prefix`"),
            "{shown:?}"
        );
        assert!(
            shown[1].contains("unknown setting `export.font`"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_bad_value_is_located_and_the_rest_still_counts() {
        let (c, d) = parse("reviewer = \"李四\"\nascii = \"yes\"\nlang = \"fr\"\ncolour = 1\n");
        assert_eq!(c.reviewer.as_deref(), Some("李四"));
        assert_eq!((c.ascii, c.lang), (None, None));
        let shown: Vec<String> = d.iter().map(|x| x.display("c.toml").to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("c.toml:2:9: error: `ascii`"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("c.toml:3:8: error: `lang`"),
            "{shown:?}"
        );
        assert!(shown[2].starts_with("c.toml:4:1: error: unknown setting `colour`"));
    }

    #[test]
    fn broken_toml_gives_the_defaults_and_where() {
        let (c, d) = parse("lang = \"zh\"\nreviewer = \"王五\n");
        assert_eq!(c, Config::default());
        assert_eq!(d.len(), 1);
        let shown = d[0].display("c.toml").to_string();
        assert!(shown.starts_with("c.toml:2:"), "{shown}");
        assert!(shown.contains("invalid TOML"), "{shown}");
    }

    #[test]
    fn a_missing_file_is_the_defaults_silently() {
        let dir = tempfile::tempdir().unwrap();
        let (c, d) = read(&dir.path().join("config.toml"));
        assert_eq!(c, Config::default());
        assert!(d.is_empty());
    }
}
