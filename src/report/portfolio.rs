//! `jixiao summary`: one row per project — name, total, grade, each level-1 得分率, progress —
//! for a firm that keeps hundreds of evaluations. Files are read and scored in parallel; a file
//! that cannot be read or has errors is reported with them, never skipped.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::csv;
use super::table::{pad_left, pad_right};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::Status;
use crate::scoring::rounding::{fixed, plain};
use crate::store::{LoadError, load_file};

/// One project's line.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub file: PathBuf,
    pub name: String,
    pub total: Decimal,
    pub max: Decimal,
    pub places: u32,
    pub grade: Option<String>,
    /// The cut-off of the grade reached, which orders grades (优 before 良).
    pub grade_min: Option<Decimal>,
    /// Each level-1 indicator's name and 得分率 (percent).
    pub level1: Vec<(String, Option<Decimal>)>,
    pub leaves: usize,
    pub scored: usize,
    pub reviewed: usize,
}

impl ProjectRow {
    /// Whether any leaf is scored; until then the total and grade mean nothing.
    pub fn started(&self) -> bool {
        self.scored > 0
    }

    fn total_text(&self) -> String {
        if self.started() {
            fixed(self.total, self.places)
        } else {
            String::new()
        }
    }

    pub fn rate_of(&self, level1: &str) -> Option<Decimal> {
        self.level1
            .iter()
            .find(|(n, _)| n == level1)
            .and_then(|(_, r)| *r)
    }
}

/// A file that could not be summarised, with every reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub file: PathBuf,
    pub errors: Vec<Reason>,
}

/// Why a file could not be summarised: an error of the file (located), or it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Diagnostic(Diagnostic),
    CannotRead {
        kind: std::io::ErrorKind,
        detail: String,
        refusal: Option<crate::store::reading::ReadRefusal>,
    },
}

impl Reason {
    fn cannot_read(e: &std::io::Error) -> Self {
        Reason::CannotRead {
            kind: e.kind(),
            detail: e.to_string(),
            refusal: crate::store::reading::refusal_of(e),
        }
    }

    /// `file:line:col: error: …` in `lang`.
    pub fn display_in(&self, file: &str, lang: Lang) -> String {
        match self {
            Reason::Diagnostic(d) => d.display_in(file, lang).to_string(),
            Reason::CannotRead {
                kind,
                detail,
                refusal,
            } => crate::lang::cli::cannot_read(
                lang,
                file,
                &crate::store::reading::rebuild(*kind, detail, refusal.as_ref()),
            ),
        }
    }
}

/// A `--sort` that names no column: what was asked and what there is.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownSort {
    pub text: String,
    pub expected: Vec<String>,
}

/// The files named, with each directory replaced by the `*.toml` files directly in it (sorted).
/// A path that does not exist is a failure.
pub fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Failure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(rd) => {
                    let mut found: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| {
                            p.is_file()
                                && p.extension().is_some_and(|x| x == "toml")
                                && !p
                                    .file_name()
                                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                        })
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => failures.push(Failure {
                    file: input.clone(),
                    errors: vec![Reason::cannot_read(&e)],
                }),
            }
        } else {
            files.push(input.clone());
        }
    }
    (files, failures)
}

/// Reads, validates and scores one file.
pub fn load_one(path: &Path) -> Result<ProjectRow, Failure> {
    let fail = |errors: Vec<Reason>| Failure {
        file: path.to_path_buf(),
        errors,
    };
    let loaded = match load_file(path) {
        Ok((_, loaded)) => loaded,
        Err(LoadError::Syntax(d)) => return Err(fail(vec![Reason::Diagnostic(*d)])),
        Err(LoadError::Io(e)) => return Err(fail(vec![Reason::cannot_read(&e)])),
    };
    let p = &loaded.project;
    let card = crate::scoring::score(p);
    let errors: Vec<Reason> = loaded
        .diagnostics
        .iter()
        .cloned()
        .chain(crate::check::check_scored(p, &card, &loaded.map))
        .filter(Diagnostic::is_error)
        .map(Reason::Diagnostic)
        .collect();
    if !errors.is_empty() {
        return Err(fail(errors));
    }
    let tree = &card.tree;
    let reviewed = (0..p.indicators.len())
        .filter(|&i| tree.is_leaf(i) && p.indicators[i].assessment.status == Status::Reviewed)
        .count();
    let started = card.scored_leaves > 0;
    let grade = card.grade.clone().filter(|_| started);
    let grade_min = grade
        .as_ref()
        .and_then(|g| p.grades.iter().find(|b| &b.name == g).map(|b| b.min));
    Ok(ProjectRow {
        file: path.to_path_buf(),
        name: p.title().to_string(),
        total: card.total,
        max: card.max,
        places: p.framework.places,
        grade,
        grade_min,
        level1: tree
            .roots
            .iter()
            .map(|&r| {
                let rate = card.nodes[r].rate.filter(|_| started);
                (p.indicators[r].name.clone(), rate)
            })
            .collect(),
        leaves: card.leaves,
        scored: card.scored_leaves,
        reviewed,
    })
}

/// Loads every file, on as many threads as there are cores, keeping the input order.
pub fn load_all(files: &[PathBuf]) -> Vec<Result<ProjectRow, Failure>> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len())
        .max(1);
    if workers == 1 {
        return files.iter().map(|f| load_one(f)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<ProjectRow, Failure>>> = vec![None; files.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, AtomicOrdering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        done.push((i, load_one(f)));
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            // A worker only panics on a bug; surface it rather than lose rows silently.
            for (i, r) in h.join().expect("summary worker panicked") {
                results[i] = Some(r);
            }
        }
    });
    results.into_iter().flatten().collect()
}

/// What `--sort` orders by.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    File,
    Name,
    Total,
    Grade,
    Progress,
    /// A level-1 indicator's 得分率, by its name (决策 …).
    Level1(String),
}

impl SortKey {
    /// `name|total|grade|progress|file` (or 项目/总分/等级/进度/文件), or a level-1 name.
    pub fn parse(text: &str, columns: &[String]) -> Result<SortKey, UnknownSort> {
        Ok(match text.trim() {
            "file" | "文件" => SortKey::File,
            "name" | "项目" | "项目名称" => SortKey::Name,
            "total" | "score" | "总分" | "得分" => SortKey::Total,
            "grade" | "等级" | "评价等级" => SortKey::Grade,
            "progress" | "进度" | "已评" => SortKey::Progress,
            other => {
                let other = other.trim_end_matches("得分率");
                if columns.iter().any(|c| c == other) {
                    SortKey::Level1(other.to_string())
                } else {
                    let mut expected: Vec<String> = ["name", "total", "grade", "progress", "file"]
                        .map(String::from)
                        .to_vec();
                    expected.extend(columns.iter().cloned());
                    return Err(UnknownSort {
                        text: text.to_string(),
                        expected,
                    });
                }
            }
        })
    }
}

fn desc<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    // Descending, with missing values last.
    match (a, b) {
        (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn fraction_cmp(a: (usize, usize), b: (usize, usize)) -> Ordering {
    // a.0/a.1 against b.0/b.1 without division; an empty project counts as 0.
    let lhs = a.0 as u128 * b.1.max(1) as u128;
    let rhs = b.0 as u128 * a.1.max(1) as u128;
    lhs.cmp(&rhs)
}

/// Sorts numbers descending (best first) and texts ascending; ties keep file order.
pub fn sort(rows: &mut [ProjectRow], key: &SortKey) {
    rows.sort_by(|a, b| {
        let primary = match key {
            SortKey::File => Ordering::Equal,
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Total => b.total.cmp(&a.total),
            SortKey::Grade => desc(a.grade_min, b.grade_min).then(b.total.cmp(&a.total)),
            SortKey::Progress => fraction_cmp((b.scored, b.leaves), (a.scored, a.leaves))
                .then(fraction_cmp((b.reviewed, b.leaves), (a.reviewed, a.leaves))),
            SortKey::Level1(name) => desc(a.rate_of(name), b.rate_of(name)),
        };
        primary.then_with(|| a.file.cmp(&b.file))
    });
}

/// The level-1 columns: every level-1 name, in the order they first appear.
pub fn columns(rows: &[ProjectRow]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        for (name, _) in &r.level1 {
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
    }
    out
}

fn rate_text(r: Option<Decimal>) -> String {
    r.map(|r| format!("{}%", fixed(r, 2))).unwrap_or_default()
}

/// The aligned table a terminal shows.
pub fn to_text(rows: &[ProjectRow]) -> String {
    let cols = columns(rows);
    let mut header: Vec<String> = vec!["项目".into(), "总分".into(), "等级".into()];
    header.extend(cols.iter().cloned());
    header.extend(["已评".into(), "已复核".into(), "文件".into()]);
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut line = vec![
                r.name.clone(),
                r.total_text(),
                r.grade.clone().unwrap_or_else(|| "-".into()),
            ];
            line.extend(cols.iter().map(|c| rate_text(r.rate_of(c))));
            line.push(format!("{}/{}", r.scored, r.leaves));
            line.push(format!("{}/{}", r.reviewed, r.leaves));
            line.push(r.file.display().to_string());
            line
        })
        .collect();
    use unicode_width::UnicodeWidthStr;
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header[c])
                .chain(body.iter().map(|l| &l[c]))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Text columns are left-aligned, numbers right-aligned; the last column is not padded.
    let left = |c: usize| c == 0 || c == 2 || c + 1 == header.len();
    let mut out = String::new();
    for line in std::iter::once(&header).chain(body.iter()) {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, s)| {
                if c + 1 == line.len() {
                    s.clone()
                } else if left(c) {
                    pad_right(s, widths[c])
                } else {
                    pad_left(s, widths[c])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn to_csv(rows: &[ProjectRow]) -> String {
    let cols = columns(rows);
    let mut header: Vec<String> = vec!["项目".into(), "总分".into(), "满分".into(), "等级".into()];
    header.extend(cols.iter().map(|c| format!("{c}得分率")));
    header.extend([
        "已评".into(),
        "已复核".into(),
        "指标数".into(),
        "文件".into(),
    ]);
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::record(&header));
    for r in rows {
        let mut line = vec![
            csv::text(&r.name),
            r.total_text(),
            plain(r.max),
            csv::text(&r.grade.clone().unwrap_or_default()),
        ];
        line.extend(cols.iter().map(|c| rate_text(r.rate_of(c))));
        line.extend([
            r.scored.to_string(),
            r.reviewed.to_string(),
            r.leaves.to_string(),
            csv::text(&r.file.display().to_string()),
        ]);
        out.push_str(&csv::record(&line));
    }
    out
}

pub fn to_json(rows: &[ProjectRow], failures: &[Failure]) -> Value {
    json!({
        "columns": columns(rows),
        "projects": rows.iter().map(|r| json!({
            "file": r.file.display().to_string(),
            "name": r.name,
            "total": r.started().then(|| fixed(r.total, r.places)),
            "max": plain(r.max),
            "grade": r.grade,
            "level1": r.level1.iter().map(|(n, rate)| json!({
                "name": n, "rate": rate.map(|x| fixed(x, 2)),
            })).collect::<Vec<_>>(),
            "leaves": r.leaves,
            "scored": r.scored,
            "reviewed": r.reviewed,
        })).collect::<Vec<_>>(),
        "failed": failures.iter().map(|f| json!({
            "file": f.file.display().to_string(),
            // Scripts read these: English, as `check --json`'s messages.
            "errors": f
                .errors
                .iter()
                .map(|e| e.display_in(&f.file.display().to_string(), Lang::En))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
