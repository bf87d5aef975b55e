//! Reading a file the user names, so that no input can hang the program or grow it without
//! bound: only regular files are read (a named pipe or `/dev/zero` is refused before it is
//! opened for reading), never more than a stated limit, and text that is not UTF-8 is named for
//! what it most likely is (UTF-16, GBK) with what to do about it.

use std::io::{self, Read};
use std::path::Path;

pub use super::safe_write::FileKind;

/// What is being read, as the refusal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Project,
    Framework,
    Table,
    Justification,
}

/// Why a file was not read, as a value carried inside the `io::Error` the readers return;
/// `crate::lang::cli::io_reason` says it in the reader's language (its `Display` is English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadRefusal {
    NotAFile {
        kind: FileKind,
    },
    /// `size` when known (standard input may have gone on past what was read).
    TooLarge {
        what: Reading,
        limit: u64,
        size: Option<u64>,
    },
    Utf16 {
        little_endian: bool,
        name: String,
    },
    Gbk {
        name: String,
    },
    NotUtf8 {
        byte: u8,
        line: usize,
        at: usize,
    },
}

impl std::fmt::Display for ReadRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::cli::read_refusal(self, crate::lang::Lang::En))
    }
}

impl std::error::Error for ReadRefusal {}

fn refused(kind: io::ErrorKind, r: ReadRefusal) -> io::Error {
    io::Error::new(kind, r)
}

/// The refusal inside an error a reader returned, when it is one of ours.
pub fn refusal_of(e: &io::Error) -> Option<ReadRefusal> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<ReadRefusal>())
        .cloned()
}

/// The error again, from its kind, text and refusal (values that are kept must be `Clone`).
pub fn rebuild(kind: io::ErrorKind, detail: &str, refusal: Option<&ReadRefusal>) -> io::Error {
    match refusal {
        Some(r) => refused(kind, r.clone()),
        None => io::Error::new(kind, detail.to_string()),
    }
}

/// The largest project or framework file read: real ones are under 1 MiB (a department-wide
/// evaluation with 100 leaves and long justifications is about 300 KB).
pub const PROJECT_LIMIT: u64 = 16 * 1024 * 1024;

/// The largest text read for one field (`justification=@file.txt`): a justification is a few
/// paragraphs; 1 MiB is hundreds of pages.
pub const FIELD_LIMIT: u64 = 1024 * 1024;

/// The largest table read by `jixiao import` (CSV, xlsx, xls, ods).
pub const IMPORT_LIMIT: u64 = 32 * 1024 * 1024;

/// Reads at most `limit` bytes of the regular file at `path`; `what` names the file in the
/// refusal ("a project", "a justification").
///
/// `-` is standard input (see `is_stdin`).
pub fn read_limited(path: &Path, limit: u64, what: Reading) -> io::Result<Vec<u8>> {
    if is_stdin(path) {
        let bytes = stdin_bytes()?;
        let n = bytes.len() as u64;
        if n > limit {
            let known = (n <= PROJECT_LIMIT.max(IMPORT_LIMIT)).then_some(n);
            return Err(too_large(known, limit, what));
        }
        return Ok(bytes);
    }
    let meta = std::fs::metadata(path)?;
    refuse_special(&meta)?;
    if meta.len() > limit {
        return Err(too_large(Some(meta.len()), limit, what));
    }
    let file = open_nonblocking(path)?;
    // The file may have changed between the check and the open: look again at what was opened.
    refuse_special(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(None, limit, what));
    }
    Ok(bytes)
}

/// Whether `path` is `-`, the shell's name for standard input (or output, where a file is
/// written). A file really named `-` is reached as `./-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input, read once to its end (never more than the largest limit, plus one byte to
/// tell that it went on) and kept: a command that names `-` twice (`jixiao diff - -`) reads the
/// same bytes twice instead of an empty second input.
pub fn stdin_bytes() -> io::Result<Vec<u8>> {
    static STDIN: std::sync::OnceLock<Result<Vec<u8>, (io::ErrorKind, String)>> =
        std::sync::OnceLock::new();
    let read = STDIN.get_or_init(|| {
        let limit = PROJECT_LIMIT.max(IMPORT_LIMIT);
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|e| (e.kind(), e.to_string()))
    });
    read.clone()
        .map_err(|(kind, msg)| io::Error::new(kind, format!("standard input: {msg}")))
}

/// Reads a text file (see `read_limited`) and decodes it as UTF-8, naming the encoding when it
/// is not UTF-8. A UTF-8 byte-order mark is kept: the caller decides what it means.
pub fn read_text_limited(path: &Path, limit: u64, what: Reading) -> io::Result<String> {
    decode(read_limited(path, limit, what)?, path)
}

fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: should a FIFO appear between the check and the open, opening it does not wait
    // for a writer; regular files ignore the flag.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

fn refuse_special(meta: &std::fs::Metadata) -> io::Result<()> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    let kind = super::safe_write::kind_of(ft);
    Err(refused(
        io::ErrorKind::InvalidInput,
        ReadRefusal::NotAFile { kind },
    ))
}

fn too_large(size: Option<u64>, limit: u64, what: Reading) -> io::Error {
    refused(
        io::ErrorKind::InvalidData,
        ReadRefusal::TooLarge { what, limit, size },
    )
}

/// UTF-8, or an error naming what the bytes most likely are and how to convert them.
pub fn decode(bytes: Vec<u8>, path: &Path) -> io::Result<String> {
    // UTF-16 of mostly ASCII text can be valid UTF-8 full of NULs (which TOML never has).
    let (bytes, at) = match String::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => return Ok(text),
        Ok(text) => {
            let at = text.find('\0').unwrap_or(0);
            (text.into_bytes(), at)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (e.into_bytes(), at)
        }
    };
    let name = path.display().to_string();
    let refusal = match guess_encoding(&bytes) {
        Some(Guess::Utf16(endian)) => ReadRefusal::Utf16 {
            little_endian: endian == "little-endian",
            name,
        },
        Some(Guess::Gbk) => ReadRefusal::Gbk { name },
        None => ReadRefusal::NotUtf8 {
            byte: bytes[at],
            line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
            at,
        },
    };
    Err(refused(io::ErrorKind::InvalidData, refusal))
}

enum Guess {
    Utf16(&'static str),
    Gbk,
}

fn guess_encoding(bytes: &[u8]) -> Option<Guess> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(Guess::Utf16("little-endian")),
        [0xFE, 0xFF, ..] => return Some(Guess::Utf16("big-endian")),
        _ => {}
    }
    // Without a byte-order mark, UTF-16 of mostly ASCII text (TOML keys, brackets) has a zero
    // in every other byte.
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    let pairs = sample.len() / 2;
    if pairs >= 4 {
        if zeros_at(1) * 10 >= pairs * 3 {
            return Some(Guess::Utf16("little-endian"));
        }
        if zeros_at(0) * 10 >= pairs * 3 {
            return Some(Guess::Utf16("big-endian"));
        }
    }
    if bytes.contains(&0) {
        return None;
    }
    let (_, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    // Valid GB18030 with at least one double-byte character (a lead byte 0x81–0xFE).
    (!had_errors && bytes.iter().any(|&b| b >= 0x81)).then_some(Guess::Gbk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_named() {
        let p = Path::new("x.toml");
        let utf16: Vec<u8> = "[framework]\nname = \"测试\"\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let e = decode(utf16, p).unwrap_err().to_string();
        assert!(e.contains("UTF-16 text (little-endian)"), "{e}");
        let (gbk, _, _) = encoding_rs::GBK.encode("[framework]\nname = \"测试框架\"\n");
        let e = decode(gbk.into_owned(), p).unwrap_err().to_string();
        assert!(e.contains("GBK"), "{e}");
        let e = decode(b"ab\ncd\xff\x00\x01".to_vec(), p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("invalid byte 0xFF on line 2"), "{e}");
    }
}
