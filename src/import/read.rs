//! Reading a spreadsheet into rows of text cells, each with the row number a spreadsheet program
//! shows, so errors can name it.
//!
//! CSV comes as firms save it: UTF-8 (with or without a byte-order mark), the GB18030/GBK that
//! Chinese Excel writes by default, or UTF-16 "Unicode text"; comma-, semicolon- or
//! tab-separated. Workbooks (xlsx, xls, ods) are read with calamine; a merged cell's value sits in
//! its first cell and the rest read as blank, which the importer takes as "same as above".

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::FileProblem;

/// One row: its 1-based number and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map(|s| s.trim()).unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A table read from one sheet (or the CSV file).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name; empty for CSV.
    pub name: String,
    pub rows: Vec<Row>,
}

/// Decodes CSV bytes: UTF-8 (BOM optional), UTF-16 with a BOM, else GB18030 (a superset of GBK).
pub fn decode(bytes: &[u8]) -> Result<String, FileProblem> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| FileProblem::BomNotUtf8);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(FileProblem::NotUtf16);
        }
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
            if bad {
                Err(FileProblem::NotUtf8NorGbk)
            } else {
                Ok(text.into_owned())
            }
        }
    }
}

/// The separator of the first non-empty line, outside quotes: `,`, `;` or tab.
fn separator(text: &str) -> char {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let mut counts = [(',', 0usize), ('\t', 0), (';', 0)];
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c) {
            slot.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(c, _)| *c)
}

/// Parses CSV text (RFC 4180: quoted fields may hold separators, `""` and line breaks).
/// Row numbers count records, as a spreadsheet program shows them. A quote left open reads the
/// rest of the text into its cell; `read_csv` refuses such a file (see `parse_csv_checked`).
pub fn parse_csv(text: &str) -> Vec<Row> {
    parse_csv_checked(text).unwrap_or_else(|open| open.rows)
}

/// A quoted cell that is never closed: where it opened, and the rows as read.
#[derive(Debug)]
pub struct UnclosedQuote {
    pub row: usize,
    pub column: usize,
    pub rows: Vec<Row>,
}

impl std::fmt::Display for UnclosedQuote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {} ({}{}): a quoted cell opens here and is never closed, so \
             everything after it would be read into this one cell; add the closing \" or remove \
             the opening one, then import again",
            self.row,
            self.column,
            column_name(self.column),
            self.row
        )
    }
}

/// 1 → A, 27 → AA, as spreadsheet programs name columns.
pub fn column_name(column: usize) -> String {
    let mut n = column;
    let mut name = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        name.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// `parse_csv`, refusing a quote that is never closed.
pub fn parse_csv_checked(text: &str) -> Result<Vec<Row>, UnclosedQuote> {
    let sep = separator(text);
    let mut opened_at = (0, 0);
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let end_record = |cells: &mut Vec<String>, cell: &mut String, rows: &mut Vec<Row>| {
        cells.push(std::mem::take(cell));
        rows.push(Row {
            number: rows.len() + 1,
            cells: std::mem::take(cells),
        });
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
                opened_at = (rows.len() + 1, cells.len() + 1);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_record(&mut cells, &mut cell, &mut rows);
            }
            '\n' => end_record(&mut cells, &mut cell, &mut rows),
            c if c == sep => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !cells.is_empty() || quoted {
        end_record(&mut cells, &mut cell, &mut rows);
    }
    // Multi-line cells use CRLF inside on Windows; keep one kind of line break.
    for r in &mut rows {
        for c in &mut r.cells {
            if c.contains('\r') {
                *c = c.replace("\r\n", "\n").replace('\r', "\n");
            }
        }
    }
    if quoted {
        return Err(UnclosedQuote {
            row: opened_at.0,
            column: opened_at.1,
            rows,
        });
    }
    Ok(rows)
}

fn cannot_read(e: std::io::Error) -> FileProblem {
    FileProblem::CannotRead {
        kind: e.kind(),
        detail: e.to_string(),
        refusal: crate::store::reading::refusal_of(&e),
    }
}

pub fn read_csv(path: &Path) -> Result<Sheet, FileProblem> {
    let bytes = crate::store::reading::read_limited(
        path,
        crate::store::reading::IMPORT_LIMIT,
        crate::store::reading::Reading::Table,
    )
    .map_err(cannot_read)?;
    let text = decode(&bytes)?;
    Ok(Sheet {
        name: String::new(),
        rows: parse_csv_checked(&text).map_err(|e| FileProblem::UnclosedQuote {
            row: e.row,
            column: e.column,
            cell: format!("{}{}", column_name(e.column), e.row),
        })?,
    })
}

/// A cell as text: numbers as the shortest decimal that is the stored number (2.67, 15).
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n"),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        // What the spreadsheet shows, not the day count behind it (2020-01-01, not 43831): a
        // 分值 formatted as a date is then refused as not a number, naming its cell.
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, sec, _) = d.to_ymd_hms_milli();
            if (h, min, sec) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{sec:02}")
            }
        }
        Data::DateTime(d) => {
            let (_, _, _, h, min, sec, _) = d.to_ymd_hms_milli();
            format!("{h:02}:{min:02}:{sec:02}")
        }
        other => other.to_string(),
    }
}

/// Every sheet of a workbook, in workbook order.
pub fn read_workbook(path: &Path) -> Result<Vec<Sheet>, FileProblem> {
    let bytes = crate::store::reading::read_limited(
        path,
        crate::store::reading::IMPORT_LIMIT,
        crate::store::reading::Reading::Table,
    )
    .map_err(cannot_read)?;
    if bytes.starts_with(b"PK") {
        super::zip_limit::check(&bytes)?;
    }
    let mut wb = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
        FileProblem::Workbook {
            detail: e.to_string(),
        }
    })?;
    let names = wb.sheet_names();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| FileProblem::Sheet {
            name: name.clone(),
            detail: e.to_string(),
        })?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut texts = vec![String::new(); col0 as usize];
                texts.extend(cells.iter().map(cell_text));
                Row {
                    number: row0 as usize + i + 1,
                    cells: texts,
                }
            })
            .collect();
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_breaks_and_separators() {
        let rows = parse_csv("一级,分值\r\n\"决策\",\"①a\r\n②\"\"b\"\"\"\n,3\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells, vec!["决策", "①a\n②\"b\""]);
        assert_eq!(rows[2].number, 3);
        assert_eq!(rows[2].cells, vec!["", "3"]);
        let tabs = parse_csv("一级\t分值\n决策\t3\n");
        assert_eq!(tabs[1].cells, vec!["决策", "3"]);
    }

    #[test]
    fn gbk_and_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode("一级指标,分值");
        assert_eq!(decode(&gbk).unwrap(), "一级指标,分值");
        assert_eq!(decode("\u{feff}a,b".as_bytes()).unwrap(), "a,b");
    }
}
