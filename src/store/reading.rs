//! Reading a file the user names, so that no input can hang the program or grow it without
//! bound: only regular files are read (a named pipe or `/dev/zero` is refused before it is
//! opened for reading), never more than a stated limit, and text that is not UTF-8 is named for
//! what it most likely is (UTF-16, GBK) with what to do about it.

use std::io::{self, Read};
use std::path::Path;

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
pub fn read_limited(path: &Path, limit: u64, what: &str) -> io::Result<Vec<u8>> {
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
pub fn read_text_limited(path: &Path, limit: u64, what: &str) -> io::Result<String> {
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
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("this is {kind}, not a file; give the path of a file saved on disk"),
    ))
}

fn too_large(size: Option<u64>, limit: u64, what: &str) -> io::Error {
    let size = match size {
        Some(n) => format!("this file is {}", human(n)),
        None => "this input did not end there".to_string(),
    };
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "{what} may be at most {}; {size}: is it the right file?",
            human(limit)
        ),
    )
}

/// 16 MiB, 1.5 MiB, 900 KiB, 12 bytes.
fn human(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        let tenths = n * 10 / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if n >= KIB {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
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
    let name = path.display();
    let message = match guess_encoding(&bytes) {
        Some(Guess::Utf16(endian)) => format!(
            "this file is UTF-16 text ({endian}), as Windows Notepad and Excel save \"Unicode\"; \
             jixiao reads UTF-8: save it again choosing the encoding UTF-8, or convert it with \
             `iconv -f UTF-16 -t UTF-8 '{name}' > converted.toml`"
        ),
        Some(Guess::Gbk) => format!(
            "this file is not UTF-8 but looks like GBK (GB2312/GB18030) Chinese text, as older \
             Windows editors save it; jixiao reads UTF-8: save it again choosing the encoding \
             UTF-8, or convert it with `iconv -f GB18030 -t UTF-8 '{name}' > converted.toml`"
        ),
        None => {
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            format!(
                "not UTF-8 text (invalid byte 0x{:02X} on line {line}, at byte offset {at}); \
                 is it a binary file? A project is a text file saved as UTF-8",
                bytes[at]
            )
        }
    };
    Err(io::Error::new(io::ErrorKind::InvalidData, message))
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
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(16 * 1024 * 1024), "16 MiB");
        assert_eq!(human(1024 * 1024 + 512 * 1024), "1.5 MiB");
        assert_eq!(human(900 * 1024), "900 KiB");
        assert_eq!(human(12), "12 bytes");
    }

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
