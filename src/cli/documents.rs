//! `jixiao export`, `jixiao import` and `jixiao summary`: the evaluator's documents and
//! spreadsheets, and the portfolio of many projects.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use jixiao::import::{self, Field, ImportError, Options};
use jixiao::report::labels::TableLabels;
use jixiao::report::printable::printable;
use jixiao::report::{
    blocks_html, blocks_md, csv, docx, export_json, full_report, html, markdown, outline,
    portfolio, score_table_xlsx, sheet as score_sheet,
};
use jixiao::scoring;
use jixiao::store::{atomic_write, parse_decimal, write_new};

use super::commands::load_or_report;
use super::lang;
use jixiao::lang::cli::{Say, error_in, say};
use jixiao::lang::import::{ImportNote, note};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown: summary, analysis and 附件1 (labels blank below the first row of a group).
    Md,
    /// CSV (UTF-8 with BOM for Excel): the score table, or the summary with --table summary.
    Csv,
    /// One self-contained HTML page that prints on A4.
    Html,
    /// An Excel workbook: 综合评分表 with merged cells, and 得分情况.
    Xlsx,
    /// Everything as JSON; decimals are strings.
    Json,
    /// A Word document: summary, a table per level-1 indicator, the analysis, and 附件1 in a
    /// landscape section.
    Docx,
}

impl ExportFormat {
    fn from_extension(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => ExportFormat::Md,
            "csv" => ExportFormat::Csv,
            "html" | "htm" => ExportFormat::Html,
            "xlsx" => ExportFormat::Xlsx,
            "json" => ExportFormat::Json,
            "docx" => ExportFormat::Docx,
            _ => return None,
        })
    }
}

/// Which table `export --format csv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    /// 附件1 综合评分表: one row per leaf.
    Score,
    /// 一级指标得分情况: 指标 / 分值 / 得分 / 得分率, 合计.
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Text,
    Csv,
    Json,
}

/// What `export` does besides choosing the format and the output.
pub struct ExportOptions<'a> {
    pub table: Option<CsvTable>,
    pub report: bool,
    pub template: Option<&'a Path>,
}

pub fn export(
    file: &Path,
    format: Option<ExportFormat>,
    output: Option<&Path>,
    opts: &ExportOptions,
) -> u8 {
    let (table, report) = (opts.table, opts.report);
    let Some(format) = format.or_else(|| output.and_then(ExportFormat::from_extension)) else {
        fail(&Say::SayWhichFormat);
        return 2;
    };
    if table.is_some() && format != ExportFormat::Csv {
        fail(&Say::TableOnlyCsv);
        return 2;
    }
    if report
        && !matches!(
            format,
            ExportFormat::Docx | ExportFormat::Md | ExportFormat::Html
        )
    {
        fail(&Say::ReportNeedsDocument);
        return 2;
    }
    if opts.template.is_some() && format != ExportFormat::Docx {
        fail(&Say::TemplateDocxOnly);
        return 2;
    }
    // The firm's house style from the config ([export]) applies to the Word document and the
    // report; a bad config file is reported and never stops the export.
    let firm = if format == ExportFormat::Docx || report {
        let (config, problems) = jixiao::config::load();
        for p in &problems {
            eprintln!("{}", p.display_in(lang()));
        }
        config.export
    } else {
        jixiao::config::ExportDefaults::default()
    };
    let template_path = opts.template.or(firm
        .template
        .as_deref()
        .filter(|_| format == ExportFormat::Docx));
    let template = match template_path {
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| docx::template::Template::read(&b))
        {
            Ok(t) => Some(t),
            Err(e) => {
                fail_in(path, &Say::CannotUseTemplate { why: e });
                return 2;
            }
        },
        None => None,
    };
    let binary = matches!(format, ExportFormat::Xlsx | ExportFormat::Docx);
    if binary && output.is_none() && std::io::stdout().is_terminal() {
        let docx = format == ExportFormat::Docx;
        let suggestion = format!(
            "{}.{}",
            file.file_stem()
                .filter(|_| !super::stdio::is_stdin(file))
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "scores".into()),
            if docx { "docx" } else { "xlsx" }
        );
        fail(&Say::BinaryToTerminal { docx, suggestion });
        return 2;
    }
    let loaded = match load_or_report(file) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let p = &loaded.project;
    let card = scoring::score(p);
    let labels = TableLabels::with_firm(&firm, p);
    let report_blocks = || full_report::report_document(p, &card, &labels);
    let bytes: Vec<u8> = match format {
        ExportFormat::Md if report => blocks_md::render(&report_blocks()).into_bytes(),
        ExportFormat::Html if report => {
            blocks_html::render(p.title(), &report_blocks(), p.report_lang()).into_bytes()
        }
        ExportFormat::Md => markdown::document(p, &card).into_bytes(),
        ExportFormat::Html => html::document(p, &card).into_bytes(),
        ExportFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&export_json::document(p, &card)).unwrap_or_default();
            s.push('\n');
            s.into_bytes()
        }
        ExportFormat::Csv => match table.unwrap_or(CsvTable::Score) {
            CsvTable::Score => csv::score_table(&score_sheet::score_sheet(p, &card)),
            CsvTable::Summary => csv::summary_table(&score_sheet::level1_summary(p, &card)),
        }
        .into_bytes(),
        ExportFormat::Xlsx => match score_table_xlsx::workbook(p, &card) {
            Ok(b) => b,
            Err(e) => {
                fail_in(
                    file,
                    &Say::CannotBuild {
                        docx: false,
                        why: e.to_string(),
                    },
                );
                return 1;
            }
        },
        ExportFormat::Docx => {
            let blocks = if report {
                report_blocks()
            } else {
                outline::tables_document(p, &card, &labels)
            };
            match docx::write(p.title(), &blocks, template.as_ref()) {
                Ok(b) => b,
                Err(e) => {
                    fail_in(
                        file,
                        &Say::CannotBuild {
                            docx: true,
                            why: e.to_string(),
                        },
                    );
                    return 1;
                }
            }
        }
    };
    match output.filter(|o| o.as_os_str() != "-") {
        Some(out) => {
            // An export never replaces the project it was made from (nor anything that is not
            // a regular file: a device, a pipe, a directory); a symlink is written through.
            if same_file(out, file) {
                fail_in(out, &Say::ThatIsTheProject);
                return 2;
            }
            if let Err(e) = jixiao::store::safe_write::replace(out, &bytes) {
                let why = e.text(lang());
                fail_in(out, &Say::CannotWrite { why });
                return 2;
            }
            let file = out.display().to_string();
            println!("{}", say(lang(), &Say::Wrote { file: &file }));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A text export read on a terminal shows pasted control characters instead of
            // obeying them; redirected, the bytes are the file's.
            let bytes = match String::from_utf8(bytes) {
                Ok(text) if !binary && stdout.is_terminal() => printable(&text).into_bytes(),
                Ok(text) => text.into_bytes(),
                Err(e) => e.into_bytes(),
            };
            if let Err(e) = stdout.write_all(&bytes).and_then(|_| stdout.flush()) {
                fail(&Say::CannotWriteStdout { why: e.to_string() });
                return 2;
            }
        }
    }
    0
}

/// Whether two paths name one file (through links, `..`, hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

pub struct ImportArgs<'a> {
    pub file: &'a Path,
    pub output: Option<&'a Path>,
    pub id: Option<&'a str>,
    pub name: Option<&'a str>,
    pub total: Option<&'a str>,
    pub columns: &'a [String],
    pub project: bool,
    pub sheet: Option<&'a str>,
    pub force: bool,
}

/// A file's name without its extension; standard input has none, and is called `imported`.
fn stem(path: &Path) -> String {
    if super::stdio::is_stdin(path) {
        return "imported".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn import(a: &ImportArgs) -> u8 {
    let name = super::stdio::shown(a.file);
    // `-o -` is standard output, as without -o.
    let output = a.output.filter(|o| !super::stdio::is_stdin(o));
    if !super::stdio::is_stdin(a.file) && a.file.is_dir() {
        fail_in(a.file, &Say::IsDirectory);
        return 2;
    }
    if !super::stdio::is_stdin(a.file) && !a.file.is_file() {
        fail_in(a.file, &Say::NoSuchInput);
        return 2;
    }
    let mut mapping: Vec<(Field, String)> = Vec::new();
    for c in a.columns {
        match import::columns::parse_mapping(c) {
            Ok(m) => mapping.push(m),
            Err(e) => {
                let lang = lang();
                eprintln!(
                    "{}{}",
                    jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang),
                    jixiao::lang::import::file_problem(&e, lang)
                );
                return 2;
            }
        }
    }
    let total = match a.total {
        Some(t) => match parse_decimal(t) {
            Some(d) => Some(d),
            None => {
                fail(&Say::TotalNotNumber { total: t });
                return 2;
            }
        },
        None => None,
    };
    if let Some(out) = output
        && out.exists()
        && !a.force
    {
        fail_in(out, &Say::AlreadyExistsUseForce);
        return 2;
    }
    let opts = Options {
        id: a
            .id
            .map(str::to_string)
            .unwrap_or_else(|| stem(output.unwrap_or(a.file))),
        // Without --name: the sheet's title row, else the file's name.
        name: a.name.map(str::to_string).unwrap_or_default(),
        total,
        project: a.project,
        lang: lang(),
    };
    let imported = match import::import(a.file, a.sheet, &mapping, &opts) {
        Ok(i) => i,
        Err(ImportError::File(e)) => {
            let lang = lang();
            eprintln!(
                "{}{}",
                error_in(lang, &name),
                jixiao::lang::import::file_problem(&e, lang)
            );
            return 1;
        }
        Err(ImportError::Table(msgs)) => {
            let errors = msgs.iter().filter(|m| m.error).count();
            for m in &msgs {
                eprintln!("{}", m.display_in(&name, lang()));
            }
            eprintln!("{name}: {}", say(lang(), &Say::NothingWritten { errors }));
            return 1;
        }
    };
    for w in &imported.warnings {
        eprintln!("{}", w.display_in(&name, lang()));
    }
    if !imported.ignored.is_empty() {
        let columns = imported.ignored.join(", ");
        eprintln!(
            "{name}: {}{}",
            say(lang(), &Say::ColumnsNotImported { columns }),
            if a.project {
                String::new()
            } else {
                note(&ImportNote::ProjectColumnsHint, lang())
            }
        );
    }
    import_notes(&name, &imported);
    let p = &imported.project;
    let tree = jixiao::model::Tree::build(p);
    let mut per_level: Vec<usize> = Vec::new();
    for &d in &tree.depth {
        if per_level.len() < d {
            per_level.resize(d, 0);
        }
        per_level[d - 1] += 1;
    }
    let counts: Vec<(usize, String)> = per_level
        .iter()
        .enumerate()
        .map(|(k, n)| (*n, score_sheet::level_header(k + 1)))
        .collect();
    let levels = jixiao::lang::import::level_counts(lang(), &counts);
    let from = if imported.sheet.is_empty() {
        name.clone()
    } else {
        note(
            &ImportNote::FromSheet {
                file: &name,
                sheet: &imported.sheet,
                row: imported.header_row,
            },
            lang(),
        )
    };
    match output {
        Some(out) => {
            let written = if a.force {
                atomic_write(out, imported.toml.as_bytes())
            } else {
                write_new(out, &imported.toml)
            };
            if let Err(e) = written {
                fail_in(out, &Say::CannotWrite { why: e.to_string() });
                return 2;
            }
            let scored = a.project.then(|| {
                let card = jixiao::scoring::score(p);
                (
                    card.scored_leaves,
                    card.leaves,
                    jixiao::scoring::rounding::fixed(card.total, p.framework.places),
                )
            });
            let total = jixiao::scoring::rounding::plain(p.framework.total);
            let out = out.display().to_string();
            let done = ImportNote::Imported {
                levels: &levels,
                total: &total,
                scored,
                from: &from,
                out: &out,
            };
            println!("{}", note(&done, lang()));
        }
        None => print!("{}", imported.toml),
    }
    0
}

/// What the importer read beyond the tree: rules from the 评分标准 text (to be checked), text it
/// could not read as a rule, the grade legend, the rules sheet of an export.
fn import_notes(name: &str, imported: &import::Imported) {
    if !imported.rules_read.is_empty() {
        let list: Vec<String> = imported
            .rules_read
            .iter()
            .map(|(code, phrase)| format!("{code} {phrase}"))
            .collect();
        eprintln!(
            "{name}: {}",
            note(&ImportNote::RulesRead { list: &list }, lang())
        );
    }
    if !imported.rules_unread.is_empty() {
        let list = &imported.rules_unread;
        eprintln!(
            "{name}: {}",
            note(&ImportNote::RulesUnread { list }, lang())
        );
    }
    if let Some(row) = imported.grades_row {
        let bands: Vec<String> = imported
            .project
            .grades
            .iter()
            .map(|g| format!("{} ≥ {}", g.name, jixiao::scoring::rounding::plain(g.min)))
            .collect();
        let bands = &bands;
        eprintln!(
            "{name}: {}",
            note(&ImportNote::GradeBands { row, bands }, lang())
        );
    }
    if let Some(sheet) = &imported.rules_sheet {
        eprintln!(
            "{name}: {}",
            note(&ImportNote::RulesSheet { sheet }, lang())
        );
    }
}

/// How many errors of one file to print before pointing at `jixiao check`.
const ERRORS_PER_FILE: usize = 3;

pub fn summary(
    inputs: &[PathBuf],
    sort: Option<&str>,
    json: bool,
    format: Option<SummaryFormat>,
) -> u8 {
    let format = match (json, format) {
        (true, Some(f)) if f != SummaryFormat::Json => {
            fail(&Say::FormatsDisagree {
                format: format!("{f:?}"),
            });
            return 2;
        }
        (true, _) => SummaryFormat::Json,
        (false, f) => f.unwrap_or(SummaryFormat::Text),
    };
    let (files, mut failures) = portfolio::expand(inputs);
    let mut rows = Vec::new();
    for r in portfolio::load_all(&files) {
        match r {
            Ok(row) => rows.push(row),
            Err(f) => failures.push(f),
        }
    }
    if files.is_empty() && failures.is_empty() {
        fail(&Say::NoProjectFiles);
        return 1;
    }
    let columns = portfolio::columns(&rows);
    let key = match sort.map(|s| portfolio::SortKey::parse(s, &columns)) {
        Some(Ok(k)) => k,
        Some(Err(e)) => {
            fail(&Say::CannotSort {
                text: &e.text,
                expected: &e.expected,
            });
            return 2;
        }
        None => portfolio::SortKey::File,
    };
    portfolio::sort(&mut rows, &key);
    let out = match format {
        SummaryFormat::Text => printable(&portfolio::to_text(&rows)),
        SummaryFormat::Csv => portfolio::to_csv(&rows),
        SummaryFormat::Json => {
            let mut s = serde_json::to_string_pretty(&portfolio::to_json(&rows, &failures))
                .unwrap_or_default();
            s.push('\n');
            s
        }
    };
    print!("{out}");
    for f in &failures {
        let file = f.file.display().to_string();
        for e in f.errors.iter().take(ERRORS_PER_FILE) {
            eprintln!("{}", e.display_in(&file, lang()));
        }
        if f.errors.len() > ERRORS_PER_FILE {
            let file = f.file.display().to_string();
            let more = Say::MoreErrors {
                count: f.errors.len() - ERRORS_PER_FILE,
                file: &file,
            };
            eprintln!("{file}: {}", say(lang(), &more));
        }
    }
    if failures.is_empty() {
        0
    } else {
        let said = Say::NotSummarised {
            failed: failures.len(),
            listed: rows.len(),
        };
        eprintln!("{}", say(lang(), &said));
        1
    }
}

/// `error: …` in the CLI's language.
fn fail(s: &Say) {
    let lang = lang();
    eprintln!(
        "{}{}",
        jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang),
        say(lang, s)
    );
}

/// `FILE: error: …` in the CLI's language.
fn fail_in(file: &Path, s: &Say) {
    let lang = lang();
    eprintln!(
        "{}{}",
        error_in(lang, &file.display().to_string()),
        say(lang, s)
    );
}
