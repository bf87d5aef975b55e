//! `jixiao import`: an indicator table kept in a spreadsheet (一级/二级/三级指标, 分值, 指标解释,
//! 评分标准 …) → a framework file in the documented TOML format.
//!
//! `read` turns CSV or a workbook into rows of text, `columns` finds what each column holds,
//! `build` makes the tree (blank or merged cells meaning "same as above"), assigns codes and
//! checks weights with errors naming the row, and `write` prints the TOML.

pub mod build;
pub mod columns;
mod finding;
mod leaves;
pub mod legend;
mod outcome;
mod printed;
pub mod read;
mod rule_levels;
pub mod rule_text;
pub mod survey;
pub mod write;
mod zip_limit;

use std::path::Path;

pub use build::{Options, RowMessage};
pub use columns::Field;
pub use finding::{FileProblem, Finding};

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
    /// Leaves whose rule was read from their 评分标准 text, with the phrase that read it.
    pub rules_read: Vec<(String, &'static str)>,
    /// Leaves whose 评分标准 text no phrase recognises (they keep the default rule).
    pub rules_unread: Vec<String>,
    /// The row of the sheet's grade legend, when the bands came from one.
    pub grades_row: Option<usize>,
    /// The rules sheet read beside the table (an export's 计分规则), when there was one.
    pub rules_sheet: Option<String>,
}

#[derive(Debug, Clone)]
pub enum ImportError {
    /// The file could not be read, or has no table we recognise.
    File(FileProblem),
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

/// Standard input has no name to tell its kind by: a workbook starts with its container's
/// signature (zip for xlsx/ods, OLE for xls); anything else is read as CSV.
fn stdin_is_text(path: &Path) -> bool {
    crate::store::reading::is_stdin(path)
        && crate::store::reading::stdin_bytes()
            .is_ok_and(|b| !(b.starts_with(b"PK\x03\x04") || b.starts_with(b"\xD0\xCF\x11\xE0")))
}

/// Reads `path` (CSV, xlsx, xls or ods) and builds the framework.
pub fn import(
    path: &Path,
    sheet: Option<&str>,
    mapping: &[(Field, String)],
    opts: &Options,
) -> Result<Imported, ImportError> {
    let sheets = if is_csv(path) || stdin_is_text(path) {
        vec![read::read_csv(path).map_err(ImportError::File)?]
    } else {
        read::read_workbook(path).map_err(ImportError::File)?
    };
    let candidates: Vec<&read::Sheet> = match sheet {
        Some(name) => {
            let found: Vec<&read::Sheet> = sheets.iter().filter(|s| s.name == name).collect();
            if found.is_empty() {
                let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
                return Err(ImportError::File(FileProblem::NoSheet {
                    name: name.to_string(),
                    sheets: names.iter().map(|n| n.to_string()).collect(),
                }));
            }
            found
        }
        None => sheets.iter().collect(),
    };
    let mut chosen = None;
    for s in &candidates {
        match columns::find_header(&s.rows, mapping) {
            Ok(Some((at, span, cols))) => {
                chosen = Some((*s, at, span, cols));
                break;
            }
            Ok(None) => {}
            Err(e) => return Err(ImportError::File(e)),
        }
    }
    let Some((s, at, span, mut cols)) = chosen else {
        let seen = candidates
            .iter()
            .find_map(|s| s.rows.iter().find(|r| !r.is_blank()))
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.trim().replace('\n', " "))
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" | ")
            });
        return Err(ImportError::File(FileProblem::NoTable { first_row: seen }));
    };
    let header_row = s.rows[at].number;
    let header = if span == 2 {
        columns::combine_header(&s.rows[at], &s.rows[at + 1])
    } else {
        s.rows[at].clone()
    };
    if !opts.project {
        // A framework has no scores: say so rather than drop them silently.
        cols.ignored.extend(cols.assessment_headers(&header));
        cols.score = None;
        cols.notes = None;
        cols.justification = None;
    }
    let rules_sheet = sheets
        .iter()
        .find(|r| r.name == crate::report::score_table_xlsx::RULES_SHEET && r.name != s.name);
    let sidecar = rules_sheet.map(sidecar_of).unwrap_or_default();
    let body = &s.rows[at + span..];
    let built = build::build(body, &cols, opts, &sidecar).map_err(ImportError::Table)?;
    let mut project = built.project;
    let title = legend::title(&s.rows[..at]);
    let file_name = if crate::store::reading::is_stdin(path) {
        "standard input".to_string()
    } else {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let name = if !opts.name.is_empty() {
        opts.name.clone()
    } else {
        title.clone().unwrap_or_else(|| {
            path.file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    };
    project.framework.name = name.clone();
    // A legend of grade bands above the header or below the table.
    let around: Vec<read::Row> = s.rows[..at]
        .iter()
        .chain(body.get(built.end..).unwrap_or_default())
        .cloned()
        .collect();
    let grades_row = legend::grade_legend(&around).map(|(bands, row)| {
        project.grades = bands;
        row
    });
    if opts.project {
        project.meta = Some(crate::model::ProjectMeta {
            name: title.unwrap_or_else(|| name.clone()),
            funds_unit: "万元".into(),
            ..Default::default()
        });
    }
    let from = if s.name.is_empty() {
        file_name
    } else {
        format!("{file_name} (sheet {})", s.name)
    };
    let header = crate::lang::import::toml_header(
        Some(name.as_str()).filter(|n| !n.is_empty()),
        &from,
        built.rules_read.len(),
        opts.lang,
    );
    let warnings = built.warnings;
    let toml = write::project_toml(&project, &header, grades_row.is_some(), opts.lang);
    // What we write must load cleanly; anything else is a bug here, not in the table.
    let loaded = crate::store::parse_project(&toml).map_err(|e| {
        ImportError::File(FileProblem::Internal {
            detail: e.to_string(),
        })
    })?;
    let errors: Vec<String> = crate::check::check(&loaded)
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| d.display("<imported>").to_string())
        .collect();
    if !errors.is_empty() {
        return Err(ImportError::File(FileProblem::Internal {
            detail: errors.join("; "),
        }));
    }
    Ok(Imported {
        project: loaded.project,
        toml,
        warnings,
        sheet: s.name.clone(),
        header_row,
        ignored: cols.ignored,
        rules_read: built.rules_read,
        rules_unread: built.rules_unread,
        grades_row,
        rules_sheet: rules_sheet.map(|r| r.name.clone()),
    })
}

/// The rows of an export's 计分规则 sheet by code: 目标值, 计分规则 and the row.
fn sidecar_of(sheet: &read::Sheet) -> build::Sidecar {
    let mut out = build::Sidecar::default();
    let Some((at, row)) = sheet.rows.iter().enumerate().find(|(_, r)| {
        r.cells
            .iter()
            .any(|c| columns::field_of(c) == Some(Field::Rule))
    }) else {
        return out;
    };
    let col = |f: Field| {
        row.cells
            .iter()
            .position(|c| columns::field_of(c) == Some(f))
    };
    let (Some(code), Some(rule)) = (col(Field::Code), col(Field::Rule)) else {
        return out;
    };
    let target = col(Field::Target);
    let named = |h: &str| row.cells.iter().position(|c| c.trim() == h);
    let record = named(crate::report::rules_xlsx::RECORD_HEADER);
    let printed = named(crate::report::rules_xlsx::PRINTED_HEADER);
    let name = named(crate::report::rules_xlsx::NAME_HEADER);
    for r in &sheet.rows[at + 1..] {
        let c = r.cell(code);
        if c.is_empty() {
            continue;
        }
        if let (Some(p), Some(n)) = (printed, name) {
            out.nodes.push(build::SideNode {
                key: c.to_string(),
                printed: r.cell(p).to_string(),
                name: r.cell(n).to_string(),
            });
        }
        out.by_code.insert(
            c.to_string(),
            build::SideRow {
                target: target.map(|t| r.cell(t).to_string()).unwrap_or_default(),
                rule: r.cell(rule).to_string(),
                record: record.map(|t| r.cell(t).to_string()).unwrap_or_default(),
                row: r.number,
            },
        );
    }
    out
}
