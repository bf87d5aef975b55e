//! Crash recovery: unsaved edits are written to a file in the per-user data directory
//! (`JIXIAO_DATA_DIR` overrides it), so a killed session, an SSH disconnect or a panic loses
//! nothing. The file is the whole unsaved document behind a short comment header, so it is
//! itself a valid project that can be inspected by hand.

use std::path::{Path, PathBuf};

use super::fingerprint;

#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The project file the edits belong to.
    pub file: PathBuf,
    /// Fingerprint of the file on disk the edits were made against.
    pub base_fingerprint: u64,
    pub written: String,
    /// The unsaved document.
    pub text: String,
    /// The file as it was when the edits began (kept beside the recovery file), so restoring
    /// can merge the edits onto what is on disk now. None for recovery files of old versions.
    pub base: Option<String>,
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

/// Makes the recovery directory, private to this user (0700): unsaved work is nobody else's to
/// read, and a directory others can write is one where they could plant "your" changes.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::create_dir_all(dir)?;
    let meta = std::fs::metadata(dir)?;
    // SAFETY: geteuid cannot fail.
    if meta.uid() != unsafe { libc::geteuid() } {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to {}, not to you; recovery files are not kept there",
                dir.display(),
                super::safe_write::user_name(meta.uid())
            ),
        ));
    }
    if meta.mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes the unsaved document for `file`. Called debounced after edits and on exit by signal.
/// The file is 0600 in a 0700 directory.
pub fn write(file: &Path, base_fingerprint: u64, text: &str) -> std::io::Result<PathBuf> {
    write_with_base(file, base_fingerprint, None, text)
}

/// `FILE-HASH.toml` → `FILE-HASH.toml.base`: the text the unsaved edits were made against.
fn base_path(recovery: &Path) -> PathBuf {
    let mut name = recovery.as_os_str().to_os_string();
    name.push(".base");
    PathBuf::from(name)
}

/// Writes the unsaved document and, when given, the text it was made from (so a restore can
/// merge instead of reverting what others saved meanwhile).
pub fn write_with_base(
    file: &Path,
    base_fingerprint: u64,
    base: Option<&str>,
    text: &str,
) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let path = path_for(file)
        .ok_or_else(|| std::io::Error::other("no data directory for recovery files"))?;
    let parent = path.parent().unwrap_or(Path::new("."));
    private_dir(parent)?;
    if let Some(base) = base {
        let mut tmp = tempfile::Builder::new()
            .prefix(".jixiao-")
            .suffix(".tmp")
            .tempfile_in(parent)?;
        tmp.write_all(base.as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(base_path(&path)).map_err(|e| e.error)?;
    }
    let body = format!(
        "{HEADER}\n# file: {}\n# base: {base_fingerprint:016x}\n# written: {}\n{text}",
        absolute(file).display(),
        crate::time::now_local()
    );
    // tempfile creates 0600 files: exactly what a recovery file must be.
    let mut tmp = tempfile::Builder::new()
        .prefix(".jixiao-")
        .suffix(".tmp")
        .tempfile_in(parent)?;
    tmp.write_all(body.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// Whether a recovery file can be trusted as this user's own: owned by this user, writable by
/// nobody else, in a directory nobody else can write.
fn trusted(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    let ok = |m: std::fs::Metadata| m.uid() == me && m.mode() & 0o022 == 0;
    let file_ok = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.file_type().is_file())
        .is_some_and(ok);
    let dir_ok = path
        .parent()
        .and_then(|d| std::fs::metadata(d).ok())
        .is_some_and(ok);
    file_ok && dir_ok
}

/// The recovery for `file`, if one exists and differs from what is on disk.
pub fn read(file: &Path) -> Option<Recovery> {
    let path = path_for(file)?;
    if !trusted(&path) {
        return None;
    }
    let raw = std::fs::read_to_string(&path).ok()?;
    let base_file = base_path(&path);
    let base_text = trusted(&base_file)
        .then(|| std::fs::read_to_string(&base_file).ok())
        .flatten()
        .filter(|b| fingerprint(b.as_bytes()) == base_fingerprint_of(&raw));
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
        base: base_text,
    })
}

/// The `# base:` fingerprint in a recovery file's header (0 when absent).
fn base_fingerprint_of(raw: &str) -> u64 {
    raw.lines()
        .nth(2)
        .and_then(|l| l.strip_prefix("# base: "))
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or(0)
}

/// Removes the recovery file once its edits are saved or declined.
pub fn discard(file: &Path) {
    if let Some(p) = path_for(file) {
        let _ = std::fs::remove_file(base_path(&p));
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
        assert!(r.written.starts_with("20"), "{}", r.written);
        // A recovery identical to the file on disk is nothing to offer.
        std::fs::write(&file, "a = 2\n").unwrap();
        assert!(read(&file).is_none());
        discard(&file);
        assert!(!path_for(&file).unwrap().exists());
        // A recovery file someone else could have written is not offered as yours.
        write(&file, 42, "a = 3\n").unwrap();
        let p = path_for(&file).unwrap();
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        assert_eq!(std::fs::metadata(&p).unwrap().mode() & 0o777, 0o600);
        assert_eq!(
            std::fs::metadata(p.parent().unwrap()).unwrap().mode() & 0o777,
            0o700
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        assert!(read(&file).is_none());
        discard(&file);
    }
}
