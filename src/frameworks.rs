//! Where frameworks come from: built into the binary, or `*.toml` in the user's config directory.

use std::path::{Path, PathBuf};

use crate::store::{LoadError, parse_project};

include!(concat!(env!("OUT_DIR"), "/builtin_frameworks.rs"));

/// A framework found somewhere, not yet fully validated.
#[derive(Debug, Clone)]
pub struct FrameworkSource {
    pub id: String,
    pub name: String,
    pub version: String,
    pub leaves: usize,
    /// `built-in` or the file's path.
    pub origin: String,
    pub text: String,
    /// The rule the system follows (财预〔2020〕10号 …); may be empty.
    pub basis: String,
    /// The base total the level-1 weights add up to (usually 100).
    pub total: rust_decimal::Decimal,
    /// How deep the tree goes (3 for 一级/二级/三级指标).
    pub levels: usize,
    /// The level-1 indicators: (code, name, weight).
    pub level1: Vec<(String, String, rust_decimal::Decimal)>,
    /// The grade bands: (name, lower bound).
    pub grades: Vec<(String, rust_decimal::Decimal)>,
}

impl FrameworkSource {
    pub fn is_builtin(&self) -> bool {
        self.origin == BUILT_IN
    }

    /// `jixiao frameworks --json`: one object per framework, decimals as strings (as in every
    /// JSON the tool writes), `path` null for a built-in one.
    pub fn to_json(&self) -> serde_json::Value {
        use crate::scoring::rounding::plain;
        serde_json::json!({
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "basis": self.basis,
            "built_in": self.is_builtin(),
            "path": (!self.is_builtin()).then_some(&self.origin),
            "total": plain(self.total),
            "leaves": self.leaves,
            "levels": self.levels,
            "level1": self.level1.iter().map(|(code, name, weight)| serde_json::json!({
                "code": code, "name": name, "weight": plain(*weight),
            })).collect::<Vec<_>>(),
            "grades": self.grades.iter().map(|(name, min)| serde_json::json!({
                "name": name, "min": plain(*min),
            })).collect::<Vec<_>>(),
        })
    }
}

/// The origin of a framework built into the binary.
const BUILT_IN: &str = "built-in";

/// `~/.config/jixiao/frameworks` (or the platform's equivalent; see `config::dir`).
pub fn user_dir() -> Option<PathBuf> {
    crate::config::dir().map(|d| d.join("frameworks"))
}

fn describe(text: &str, origin: String) -> Option<FrameworkSource> {
    let loaded = parse_project(text).ok()?;
    let p = &loaded.project;
    let tree = crate::model::Tree::build(p);
    Some(FrameworkSource {
        id: p.framework.id.clone(),
        name: p.framework.name.clone(),
        version: p.framework.version.clone(),
        leaves: (0..p.indicators.len()).filter(|&i| tree.is_leaf(i)).count(),
        origin,
        text: text.to_string(),
        basis: p.framework.basis.clone(),
        total: p.framework.total,
        levels: tree.depth.iter().copied().max().unwrap_or(0),
        level1: tree
            .roots
            .iter()
            .map(|&i| {
                let ind = &p.indicators[i];
                (ind.code.clone(), ind.name.clone(), ind.weight)
            })
            .collect(),
        grades: p.grades.iter().map(|g| (g.name.clone(), g.min)).collect(),
    })
}

/// `./frameworks`: a firm's own library kept beside its projects (`jixiao framework save
/// PROJECT -o frameworks/NAME.toml` writes there).
pub fn local_dir() -> PathBuf {
    PathBuf::from("frameworks")
}

/// Whether `all` lists a framework written at `path`.
pub fn discovers(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => return false,
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    same(dir, &local_dir()) || user_dir().is_some_and(|u| same(dir, &u))
}

/// Every framework: built-in ones first, then `./frameworks` (a copy of a built-in one there
/// is not listed twice), then the user's; a later one may override an earlier id.
pub fn all() -> Vec<FrameworkSource> {
    let mut out: Vec<FrameworkSource> = BUILTIN
        .iter()
        .filter_map(|(_, text)| describe(text, BUILT_IN.into()))
        .collect();
    let dirs = [Some(local_dir()), user_dir()];
    for dir in dirs.into_iter().flatten() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path)
                && !BUILTIN.iter().any(|(_, b)| *b == text)
                && !out.iter().any(|f| f.text == text)
                && let Some(f) = describe(&text, path.display().to_string())
            {
                out.push(f);
            }
        }
    }
    out
}

/// Why no framework was found for what was asked.
#[derive(Debug)]
pub enum FindError {
    Unreadable {
        path: String,
        error: std::io::Error,
    },
    /// The file loads but has no [framework] table (or is a project).
    NotAFramework {
        path: String,
    },
    Syntax {
        path: String,
        problem: Box<crate::diagnostic::Diagnostic>,
    },
    NoSuchId {
        id: String,
        ids: Vec<String>,
    },
}

impl FindError {
    /// In `lang`, with the file it is about in front where there is one.
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::cli::framework_not_found(self, lang)
    }
}

impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::lang::Lang::En))
    }
}

/// Finds a framework by id (user frameworks win over built-in ones) or reads it from a path.
pub fn find(id_or_path: &str) -> Result<FrameworkSource, FindError> {
    let as_path = Path::new(id_or_path);
    // `-`: the framework's text on standard input.
    if id_or_path.ends_with(".toml") || as_path.components().count() > 1 || id_or_path == "-" {
        let text = crate::store::reading::read_text_limited(
            as_path,
            crate::store::reading::PROJECT_LIMIT,
            crate::store::reading::Reading::Framework,
        )
        .map_err(|error| FindError::Unreadable {
            path: id_or_path.to_string(),
            error,
        })?;
        return match parse_project(&text) {
            Ok(_) => {
                describe(&text, id_or_path.to_string()).ok_or_else(|| FindError::NotAFramework {
                    path: id_or_path.to_string(),
                })
            }
            Err(LoadError::Syntax(problem)) => Err(FindError::Syntax {
                path: id_or_path.to_string(),
                problem,
            }),
            Err(LoadError::Io(error)) => Err(FindError::Unreadable {
                path: id_or_path.to_string(),
                error,
            }),
        };
    }
    let all = all();
    all.iter()
        .rev()
        .find(|f| f.id == id_or_path)
        .cloned()
        .ok_or_else(|| FindError::NoSuchId {
            id: id_or_path.to_string(),
            ids: all.iter().map(|f| f.id.clone()).collect(),
        })
}
