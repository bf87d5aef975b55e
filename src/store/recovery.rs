//! Crash recovery: unsaved edits are written to a file in the per-user data directory
//! (`JIXIAO_DATA_DIR` overrides it), so a killed session, an SSH disconnect or a panic loses
//! nothing. The file is the whole unsaved document behind a short comment header, so it is
//! itself a valid project that can be inspected by hand.

use std::path::{Path, PathBuf};

use super::{atomic_write, fingerprint};

#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The project file the edits belong to.
    pub file: PathBuf,
    /// Fingerprint of the file on disk the edits were made against.
    pub base_fingerprint: u64,
    pub written: String,
    /// The unsaved document.
    pub text: String,
}

/// The directory recovery files live in.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("JIXIAO_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("recovery"));
    }
    directories::ProjectDirs::from("", "", "jixiao").map(|d| d.data_dir().join("recovery"))
}

fn absolute(file: &Path) -> PathBuf {
    std::fs::canonicalize(file).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(file))
            .unwrap_or_else(|_| file.to_path_buf())
    })
}

/// The recovery file for `file` (one per project path).
pub fn path_for(file: &Path) -> Option<PathBuf> {
    let abs = absolute(file);
    let stem = abs
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(dir()?.join(format!(
        "{stem}-{:016x}.toml",
        fingerprint(abs.to_string_lossy().as_bytes())
    )))
}

const HEADER: &str = "# jixiao recovery file: unsaved edits of";

/// Writes the unsaved document for `file`. Called debounced after edits and on exit by signal.
pub fn write(file: &Path, base_fingerprint: u64, text: &str) -> std::io::Result<PathBuf> {
    let path = path_for(file)
        .ok_or_else(|| std::io::Error::other("no data directory for recovery files"))?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let body = format!(
        "{HEADER}\n# file: {}\n# base: {base_fingerprint:016x}\n# written: {}\n{text}",
        absolute(file).display(),
        crate::time::now_utc()
    );
    atomic_write(&path, body.as_bytes())?;
    Ok(path)
}

/// The recovery for `file`, if one exists and differs from what is on disk.
pub fn read(file: &Path) -> Option<Recovery> {
    let raw = std::fs::read_to_string(path_for(file)?).ok()?;
    let mut lines = raw.splitn(5, '\n');
    if lines.next()? != HEADER {
        return None;
    }
    let file_line = lines.next()?.strip_prefix("# file: ")?.to_string();
    let base = u64::from_str_radix(lines.next()?.strip_prefix("# base: ")?, 16).ok()?;
    let written = lines.next()?.strip_prefix("# written: ")?.to_string();
    let text = lines.next().unwrap_or("").to_string();
    let on_disk = std::fs::read_to_string(file).unwrap_or_default();
    if on_disk == text {
        return None;
    }
    Some(Recovery {
        file: PathBuf::from(file_line),
        base_fingerprint: base,
        written,
        text,
    })
}

/// Removes the recovery file once its edits are saved or declined.
pub fn discard(file: &Path) {
    if let Some(p) = path_for(file) {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_discard() {
        let data = tempfile::tempdir().unwrap();
        // SAFETY: tests in this module are the only ones touching JIXIAO_DATA_DIR.
        unsafe { std::env::set_var("JIXIAO_DATA_DIR", data.path()) };
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(&file, "a = 1\n").unwrap();
        assert!(read(&file).is_none());
        write(&file, 42, "a = 2\n").unwrap();
        let r = read(&file).unwrap();
        assert_eq!(r.text, "a = 2\n");
        assert_eq!(r.base_fingerprint, 42);
        assert!(r.written.ends_with("UTC"));
        // A recovery identical to the file on disk is nothing to offer.
        std::fs::write(&file, "a = 2\n").unwrap();
        assert!(read(&file).is_none());
        discard(&file);
        assert!(!path_for(&file).unwrap().exists());
    }
}
