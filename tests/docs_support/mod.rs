//! Shared by the export, import and summary tests: running the binary, and reading an xlsx back
//! (calamine for cells, merges and number formats; the sheet XML for panes, widths and print
//! settings, which calamine does not expose).

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `jixiao ARGS` from the crate root with a config directory of its own.
pub fn jixiao(args: &[&str]) -> Run {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .current_dir(root())
        .env("XDG_CONFIG_HOME", config.path())
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run jixiao");
    let run = Run {
        code: out.status.code().expect("killed by a signal"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "jixiao {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// `samples/*.toml`, sorted, relative to the crate root.
pub fn samples() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| format!("samples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

/// "A1" for (0, 0).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut c = col as usize;
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap(), row + 1)
}

/// One cell as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Data,
    pub format: String,
    /// Whether the cell wraps its text.
    pub wrap: bool,
}

/// A sheet as read back: cells by position, merged ranges ("A3:A8"), the XML settings.
#[derive(Debug, Clone)]
pub struct SheetBack {
    pub name: String,
    pub cells: Vec<((u32, u32), Cell)>,
    pub merged: Vec<String>,
    pub xml: String,
}

impl SheetBack {
    pub fn get(&self, name: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|((r, c), _)| cell_name(*r, *c) == name)
            .map(|(_, c)| c)
    }

    pub fn text(&self, name: &str) -> String {
        match self.get(name).map(|c| &c.value) {
            Some(Data::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name).map(|c| &c.value) {
            Some(Data::Float(f)) => Some(*f),
            Some(Data::Int(i)) => Some(*i as f64),
            _ => None,
        }
    }

    /// The first XML element named `tag` (e.g. `pane`), as written.
    pub fn element(&self, tag: &str) -> Option<String> {
        let start = self.xml.find(&format!("<{tag} "))?;
        let end = self.xml[start..].find("/>")? + start + 2;
        Some(self.xml[start..end].to_string())
    }

    /// Each column's width, from the `<col min max width>` elements.
    pub fn column_widths(&self) -> Vec<f64> {
        let attr = |e: &str, name: &str| -> String {
            e.split(&format!(" {name}=\""))
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        };
        let mut out = Vec::new();
        for e in self.elements("col") {
            let (min, max): (usize, usize) = (
                attr(&e, "min").parse().unwrap(),
                attr(&e, "max").parse().unwrap(),
            );
            let w: f64 = attr(&e, "width").parse().unwrap();
            out.resize(max, 0.0);
            for slot in &mut out[min - 1..max] {
                *slot = w;
            }
        }
        out
    }

    pub fn elements(&self, tag: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = 0;
        let open = format!("<{tag} ");
        while let Some(s) = self.xml[at..].find(&open) {
            let start = at + s;
            let Some(e) = self.xml[start..].find("/>") else {
                break;
            };
            out.push(self.xml[start..start + e + 2].to_string());
            at = start + e + 2;
        }
        out
    }
}

/// Reads every sheet of an xlsx.
pub fn read_xlsx(bytes: &[u8]) -> Vec<SheetBack> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    let mut out = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let range = wb.worksheet_range(name).unwrap();
        let styles = wb.worksheet_style(name).unwrap();
        let mut merged: Vec<String> = wb
            .merge_cells_by_sheet_name(name)
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}:{}",
                    cell_name(d.start.0, d.start.1),
                    cell_name(d.end.0, d.end.1)
                )
            })
            .collect();
        merged.sort_by_key(|m| sort_key(m));
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (i, row) in range.rows().enumerate() {
            for (j, v) in row.iter().enumerate() {
                if *v == Data::Empty {
                    continue;
                }
                let pos = (r0 + i as u32, c0 + j as u32);
                let style = styles.get(pos);
                let format = style
                    .and_then(|s| s.number_format.as_ref())
                    .map(|f| f.format_code.clone())
                    .unwrap_or_else(|| "General".into());
                let wrap = style
                    .and_then(|s| s.alignment.as_ref())
                    .is_some_and(|a| a.wrap_text);
                cells.push((
                    pos,
                    Cell {
                        value: v.clone(),
                        format,
                        wrap,
                    },
                ));
            }
        }
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{}.xml", k + 1))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        out.push(SheetBack {
            name: name.clone(),
            cells,
            merged,
            xml,
        });
    }
    out
}

fn sort_key(range: &str) -> (u32, String) {
    let first = range.split(':').next().unwrap_or("");
    let digits: String = first.chars().filter(|c| c.is_ascii_digit()).collect();
    let letters: String = first.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    (digits.parse().unwrap_or(0), format!("{letters:>3}"))
}

/// A readable, stable text dump of a workbook for golden files.
pub fn dump_xlsx(bytes: &[u8]) -> String {
    let mut out = String::new();
    for s in read_xlsx(bytes) {
        out.push_str(&format!("== sheet {}\n", s.name));
        for tag in ["pane", "pageSetup", "printOptions"] {
            if let Some(e) = s.element(tag) {
                out.push_str(&format!("{e}\n"));
            }
        }
        for col in s.elements("col") {
            out.push_str(&format!("{col}\n"));
        }
        out.push_str(&format!("merged: {}\n", s.merged.join(" ")));
        for ((r, c), cell) in &s.cells {
            let value = match &cell.value {
                Data::String(t) => format!("{t:?}"),
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => format!("{i}"),
                other => format!("{other:?}"),
            };
            let fmt = if cell.format == "General" {
                String::new()
            } else {
                format!("  [{}]", cell.format)
            };
            out.push_str(&format!("{} {value}{fmt}\n", cell_name(*r, *c)));
        }
    }
    out
}

/// Compares `actual` with the golden file `tests/golden/NAME`; with `JIXIAO_BLESS=1` in the
/// environment, writes it instead (never under CI: see `support::blessing`).
pub fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if crate::support::blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `JIXIAO_BLESS=1 cargo test --test exports` to create it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or_else(|| e.lines().count().min(a.lines().count()));
        panic!(
            "{} differs from the output, first at line {}:\n  expected: {}\n  actual:   {}\n\
             If the change is intended, run `JIXIAO_BLESS=1 cargo test --test exports` and review the diff.",
            path.display(),
            line + 1,
            e.lines().nth(line).unwrap_or("<end>"),
            a.lines().nth(line).unwrap_or("<end>")
        );
    }
}

/// Whether `path` exists relative to the crate root.
pub fn exists(path: &Path) -> bool {
    root().join(path).exists()
}
