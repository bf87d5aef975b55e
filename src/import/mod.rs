//! `jixiao import`: an indicator table kept in a spreadsheet (一级/二级/三级指标, 分值, 指标解释,
//! 评分标准 …) → a framework file in the documented TOML format.
//!
//! `read` turns CSV or a workbook into rows of text, `columns` finds what each column holds,
//! `build` makes the tree (blank or merged cells meaning "same as above"), assigns codes and
//! checks weights with errors naming the row, and `write` prints the TOML.

pub mod build;
pub mod columns;
pub mod read;
pub mod rule_text;
pub mod rule_toml;
pub mod write;
mod zip_limit;

use std::path::Path;

pub use build::{Options, RowMessage};
pub use columns::Field;

use crate::model::Project;

/// What was imported, and what to tell the user about it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub project: Project,
    pub toml: String,
    pub warnings: Vec<RowMessage>,
    /// The sheet read (empty for CSV).
    pub sheet: String,
    /// The row the header was found on.
    pub header_row: usize,
    /// Headers of the columns that were not imported.
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum ImportError {
    /// The file could not be read, or has no table we recognise.
    File(String),
    /// The table has errors, each naming its row (warnings included).
    Table(Vec<RowMessage>),
}

fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|x| {
        x.eq_ignore_ascii_case("csv")
            || x.eq_ignore_ascii_case("txt")
            || x.eq_ignore_ascii_case("tsv")
    })
}

const HEADER_HELP: &str = "expected a header row with 一级指标 and 分值 (also 二级指标, 三级指标, 指标解释, 评分标准; or level1, weight, explanation, criteria …); map other names with --col weight=权重";

/// Reads `path` (CSV, xlsx, xls or ods) and builds the framework.
pub fn import(
    path: &Path,
    sheet: Option<&str>,
    mapping: &[(Field, String)],
    opts: &Options,
) -> Result<Imported, ImportError> {
    let sheets = if is_csv(path) {
        vec![read::read_csv(path).map_err(ImportError::File)?]
    } else {
        read::read_workbook(path).map_err(ImportError::File)?
    };
    let candidates: Vec<&read::Sheet> = match sheet {
        Some(name) => {
            let found: Vec<&read::Sheet> = sheets.iter().filter(|s| s.name == name).collect();
            if found.is_empty() {
                let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
                return Err(ImportError::File(format!(
                    "no sheet named `{name}`; the workbook has: {}",
                    names.join(", ")
                )));
            }
            found
        }
        None => sheets.iter().collect(),
    };
    let mut chosen = None;
    for s in &candidates {
        match columns::find_header(&s.rows, mapping) {
            Ok(Some((at, cols))) => {
                chosen = Some((*s, at, cols));
                break;
            }
            Ok(None) => {}
            Err(e) => return Err(ImportError::File(e)),
        }
    }
    let Some((s, at, cols)) = chosen else {
        let seen = candidates
            .iter()
            .find_map(|s| s.rows.iter().find(|r| !r.is_blank()))
            .map(|r| {
                format!(
                    " (the first row reads: {})",
                    r.cells
                        .iter()
                        .map(|c| c.trim().replace('\n', " "))
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ")
                )
            })
            .unwrap_or_default();
        return Err(ImportError::File(format!(
            "no indicator table found: {HEADER_HELP}{seen}"
        )));
    };
    let header_row = s.rows[at].number;
    let (project, warnings) =
        build::build(&s.rows[at + 1..], &cols, opts).map_err(ImportError::Table)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let from = if s.name.is_empty() {
        file_name
    } else {
        format!("{file_name} (sheet {})", s.name)
    };
    let header = vec![
        format!(
            "{} — imported by `jixiao import` from {from}.",
            if opts.name.is_empty() {
                "indicator framework"
            } else {
                opts.name.as_str()
            }
        ),
        "Leaves score by deductions from their weight until you give them a rule".to_string(),
        "(rule = { kind = … }, see docs/format.md).".to_string(),
    ];
    let toml = write::framework_toml(&project, &header);
    // What we write must load cleanly; anything else is a bug here, not in the table.
    let loaded = crate::store::parse_project(&toml).map_err(|e| {
        ImportError::File(format!(
            "internal error: the framework written does not parse: {e}"
        ))
    })?;
    let errors: Vec<String> = crate::check::check(&loaded)
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| d.display("<imported>").to_string())
        .collect();
    if !errors.is_empty() {
        return Err(ImportError::File(format!(
            "internal error: the framework written does not check: {}",
            errors.join("; ")
        )));
    }
    Ok(Imported {
        project: loaded.project,
        toml,
        warnings,
        sheet: s.name.clone(),
        header_row,
        ignored: cols.ignored,
    })
}
