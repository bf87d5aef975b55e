//! Errors and warnings that point at a place in a file: `file:line:col: error: …`.
//!
//! A diagnostic is a value (severity, kind with its figures, subject, position); its words are
//! made by `crate::lang` in the reader's language.

pub mod json;
mod kind;
mod syntax;

use std::fmt;

pub use kind::{Basis, Kind, Named, RuleName, Subject};
pub use syntax::{ConfigProblem, ConflictExpects, RuleNeed, RuleProblem, Syntax, Written};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Option<Pos>,
    pub kind: Kind,
    pub subject: Subject,
}

impl Diagnostic {
    /// A problem of the file's syntax or keys, in the loader's words.
    pub fn error(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            pos,
            kind: Kind::Format {
                message: message.into(),
            },
            subject: Subject::File,
        }
    }

    /// A problem of the file's syntax or keys, as a value.
    pub fn syntax(pos: Option<Pos>, problem: Syntax) -> Self {
        Diagnostic {
            severity: Severity::Error,
            pos,
            kind: Kind::Syntax { problem },
            subject: Subject::File,
        }
    }

    pub fn new(severity: Severity, pos: Option<Pos>, subject: Subject, kind: Kind) -> Self {
        Diagnostic {
            severity,
            pos,
            kind,
            subject,
        }
    }

    /// The message in English (logs, tests).
    pub fn message(&self) -> String {
        self.text(Lang::En)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        crate::lang::diagnostic::message(&self.kind, lang)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error: message`, the form editors and scripts understand (English).
    pub fn display<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        self.display_in(file, Lang::En)
    }

    /// `file:line:col: error: message` in `lang` (`文件:行:列: 错误：…` in Chinese).
    pub fn display_in<'a>(&'a self, file: &'a str, lang: Lang) -> impl fmt::Display + 'a {
        DisplayWithFile {
            diag: self,
            file,
            lang,
        }
    }
}

struct DisplayWithFile<'a> {
    diag: &'a Diagnostic,
    file: &'a str,
    lang: Lang,
}

impl fmt::Display for DisplayWithFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let head = crate::lang::diagnostic::severity(self.diag.severity, self.lang);
        let message = self.diag.text(self.lang);
        match self.diag.pos {
            Some(p) => write!(f, "{}:{}:{}: {head}{message}", self.file, p.line, p.col),
            None => write!(f, "{}: {head}{message}", self.file),
        }
    }
}

/// Turns byte offsets into line/column positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Pos {
            line: line + 1,
            col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\n名称 = \"x\"\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.pos(text, 0), Pos { line: 1, col: 1 });
        let eq = text.find('=').unwrap();
        assert_eq!(idx.pos(text, eq), Pos { line: 1, col: 3 });
        let second_eq = text.rfind('=').unwrap();
        assert_eq!(idx.pos(text, second_eq), Pos { line: 2, col: 4 });
    }

    #[test]
    fn display_is_file_line_col() {
        let d = Diagnostic::error(Some(Pos { line: 3, col: 7 }), "expected a number");
        assert_eq!(
            d.display("p.toml").to_string(),
            "p.toml:3:7: error: expected a number"
        );
    }
}
