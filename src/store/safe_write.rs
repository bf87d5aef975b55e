//! Writing a file the way a careful editor does on a shared server: the file system decides who
//! may write (mode, owner, ACL), a save keeps the file's group, mode, owner where it can and its
//! extended attributes (ACLs), a symlink is written through to its target, nothing that is not a
//! regular file is ever replaced, and new files get the user's umask like any other program's.
//!
//! Every write is still all or nothing: the bytes go to a temporary file beside the target,
//! which is fsynced and renamed over it. The one exception is a file whose group this user
//! cannot give to a new file (see `replace`): that is rewritten in place, after its backup.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a write was refused or failed; the message names the file, who owns it and its mode.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and is not a regular file (a device, a FIFO, a directory, a socket).
    NotRegular {
        path: PathBuf,
        kind: FileKind,
    },
    /// The file system does not let this user write the file.
    NotWritable {
        path: PathBuf,
        owner: String,
        group: String,
        mode: u32,
    },
    Io(std::io::Error),
}

impl WriteError {
    /// The refusal in `lang` (`crate::lang::cli` has the words).
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::cli::write_error(self, lang)
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::lang::Lang::En))
    }
}

impl std::error::Error for WriteError {}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl From<WriteError> for std::io::Error {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Io(e) => e,
            other => std::io::Error::new(std::io::ErrorKind::PermissionDenied, other.to_string()),
        }
    }
}

/// `0o100644` → `rw-r--r--` (0644).
pub fn mode_string(mode: u32) -> String {
    let bits = ['r', 'w', 'x'];
    let mut s = String::with_capacity(16);
    for i in (0..9).rev() {
        s.push(if mode & (1 << i) != 0 {
            bits[(8 - i) % 3]
        } else {
            '-'
        });
    }
    format!("{s} ({:04o})", mode & 0o7777)
}

/// Follows `path` through any symlinks to the file a write should change. A dangling link
/// resolves to where its target would be, so "save" creates the target, not a copy of the link.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = if target.is_absolute() {
                    target
                } else {
                    p.parent().unwrap_or(Path::new("")).join(target)
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Where the file `path` names lives — symlinks followed — as (its directory, its file name):
/// what sits beside a project (its backup, who has it open) sits beside the real file.
pub fn beside(path: &Path) -> (PathBuf, String) {
    let target = resolve(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// What a file that is not a regular file is, in words ("a named pipe (FIFO)").
pub fn kind_of(ft: std::fs::FileType) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        FileKind::Directory
    } else if ft.is_fifo() {
        FileKind::Fifo
    } else if ft.is_char_device() || ft.is_block_device() {
        FileKind::Device
    } else if ft.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Other
    }
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Device,
    Socket,
    Other,
}

/// Whether this process may write `path` (an existing file) as the file system says: mode bits,
/// owner, group membership and ACLs, via access(2) with the effective ids. A file with no write
/// bit at all is read-only even for root, as in every editor.
pub fn check_writable(path: &Path) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(WriteError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    let refused = meta.mode() & 0o222 == 0 || !access_writable(path);
    if refused {
        return Err(WriteError::NotWritable {
            path: path.to_path_buf(),
            owner: user_name(meta.uid()),
            group: group_name(meta.gid()),
            mode: meta.mode(),
        });
    }
    Ok(())
}

fn access_writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path for the duration of the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
}

/// The login name of a uid, or the number when the password database has none.
pub fn user_name(uid: u32) -> String {
    // SAFETY: getpwuid returns null or a pointer to static storage; the name is copied at once.
    unsafe {
        let pw = libc::getpwuid(uid);
        if pw.is_null() || (*pw).pw_name.is_null() {
            return uid.to_string();
        }
        std::ffi::CStr::from_ptr((*pw).pw_name)
            .to_string_lossy()
            .into_owned()
    }
}

/// The name of a gid, or the number.
pub fn group_name(gid: u32) -> String {
    // SAFETY: as for getpwuid.
    unsafe {
        let gr = libc::getgrgid(gid);
        if gr.is_null() || (*gr).gr_name.is_null() {
            return gid.to_string();
        }
        std::ffi::CStr::from_ptr((*gr).gr_name)
            .to_string_lossy()
            .into_owned()
    }
}

/// This process's umask, read without changing it (reading it with umask(2) means setting it,
/// which races with other threads creating files).
pub fn umask() -> u32 {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(v) = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
    {
        return v;
    }
    0o022
}

/// Replaces (or creates) the file at `path` with `bytes`, all or nothing. Symlinks are written
/// through; only a regular file the user may write is replaced; its group, mode, owner (where
/// the user may give it) and extended attributes are kept. Returns the file actually written.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let target = resolve(path)?;
    match std::fs::metadata(&target) {
        Ok(_) => {
            check_writable(&target)?;
            replace_existing(&target, bytes)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_new_file(&target, bytes, false)?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(target)
}

/// Creates `path` with `bytes`, all or nothing, never over an existing file (a symlink is
/// written through when its target does not exist yet). The mode follows the umask.
pub fn create(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let target = resolve(path)?;
    write_new_file(&target, bytes, true)?;
    Ok(target)
}

/// Writes `path` (a backup, say) all or nothing with the group, mode and extended attributes
/// of `template`, so a copy is exactly as private as the file it copies. An existing `path`
/// that is not a regular file is refused; a regular one is replaced as a whole.
pub fn replace_like(path: &Path, bytes: &[u8], template: &Path) -> Result<(), WriteError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if let Ok(m) = std::fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(WriteError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(m.file_type()),
        });
    }
    let meta = std::fs::metadata(template)?;
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    let f = tmp.as_file();
    let _ = fchown(f, None, Some(meta.gid()));
    let _ = fchown(f, Some(meta.uid()), Some(meta.gid()));
    f.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    copy_xattrs(template, f);
    f.sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(path);
    Ok(())
}

fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".jixiao-")
        .suffix(".tmp")
        .tempfile_in(dir_of(path))
}

fn sync_dir(path: &Path) {
    if let Ok(d) = std::fs::File::open(dir_of(path)) {
        let _ = d.sync_all();
    }
}

fn write_new_file(target: &Path, bytes: &[u8], no_clobber: bool) -> Result<(), WriteError> {
    use std::os::unix::fs::PermissionsExt;
    let mut tmp = temp_beside(target)?;
    tmp.write_all(bytes)?;
    // tempfile creates 0600; a new file is as open as the user's umask says, like `touch`.
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o666 & !umask()))?;
    tmp.as_file().sync_all()?;
    if no_clobber {
        tmp.persist_noclobber(target).map_err(|e| e.error)?;
    } else {
        tmp.persist(target).map_err(|e| e.error)?;
    }
    sync_dir(target);
    Ok(())
}

fn replace_existing(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta = std::fs::metadata(target)?;
    let mut tmp = temp_beside(target)?;
    tmp.write_all(bytes)?;
    let f = tmp.as_file();
    // Group first (any member may give it), then the owner (only root may): a team's file stays
    // the team's. When even the group cannot be kept — this user writes the file through its
    // "other" bits or an ACL without being in its group — a rename would hand the file to
    // another group, so it is rewritten in place instead (it was backed up before this).
    let group_kept = fchown(f, None, Some(meta.gid())) || current_gid_matches(f, meta.gid());
    if !group_kept {
        drop(tmp);
        return rewrite_in_place(target, bytes);
    }
    let _ = fchown(f, Some(meta.uid()), Some(meta.gid()));
    f.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    copy_xattrs(target, f);
    f.sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(target);
    Ok(())
}

fn current_gid_matches(f: &std::fs::File, gid: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    f.metadata().map(|m| m.gid() == gid).unwrap_or(false)
}

fn fchown(f: &std::fs::File, uid: Option<u32>, gid: Option<u32>) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: a valid open descriptor; -1 (as the unsigned id type) leaves that id unchanged.
    unsafe {
        libc::fchown(
            f.as_raw_fd(),
            uid.unwrap_or(u32::MAX) as libc::uid_t,
            gid.unwrap_or(u32::MAX) as libc::gid_t,
        ) == 0
    }
}

fn rewrite_in_place(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = std::fs::OpenOptions::new().write(true).open(target)?;
    f.set_len(0)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

/// Copies the extended attributes of `from` (POSIX ACLs live there: `system.posix_acl_access`)
/// onto the new file. Best effort: an attribute this user may not set is left out.
fn copy_xattrs(from: &Path, to: &std::fs::File) {
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(from.as_os_str().as_bytes()) else {
        return;
    };
    // SAFETY: the buffers are sized by the calls that report the sizes, and every pointer is
    // valid for the duration of its call.
    unsafe {
        let n = libc::listxattr(c.as_ptr(), std::ptr::null_mut(), 0);
        if n <= 0 {
            return;
        }
        let mut names = vec![0u8; n as usize];
        let n = libc::listxattr(c.as_ptr(), names.as_mut_ptr().cast(), names.len());
        if n <= 0 {
            return;
        }
        names.truncate(n as usize);
        for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            let Ok(cn) = std::ffi::CString::new(name) else {
                continue;
            };
            let size = libc::getxattr(c.as_ptr(), cn.as_ptr(), std::ptr::null_mut(), 0);
            if size < 0 {
                continue;
            }
            let mut value = vec![0u8; size as usize];
            let size = libc::getxattr(
                c.as_ptr(),
                cn.as_ptr(),
                value.as_mut_ptr().cast(),
                value.len(),
            );
            if size < 0 {
                continue;
            }
            libc::fsetxattr(
                to.as_raw_fd(),
                cn.as_ptr(),
                value.as_ptr().cast(),
                size as usize,
                0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn a_save_keeps_the_mode_and_writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        let file = real.join("p.toml");
        std::fs::write(&file, "a = 1\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("p.toml");
        std::os::unix::fs::symlink("real/p.toml", &link).unwrap();
        let written = replace(&link, b"a = 2\n").unwrap();
        assert_eq!(written, dir.path().join("real/p.toml"));
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "a = 2\n");
        assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o7777, 0o640);
    }

    #[test]
    fn new_files_follow_the_umask_and_never_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.toml");
        create(&p, b"x").unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().mode() & 0o777,
            0o666 & !umask()
        );
        assert!(create(&p, b"y").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"x");
    }

    #[test]
    fn devices_directories_and_read_only_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            replace(dir.path(), b"x"),
            Err(WriteError::NotRegular { .. })
        ));
        let ro = dir.path().join("ro.toml");
        std::fs::write(&ro, "keep").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = replace(&ro, b"x").unwrap_err();
        assert!(matches!(e, WriteError::NotWritable { .. }), "{e}");
        assert!(e.to_string().contains("r--r--r-- (0444)"), "{e}");
        assert_eq!(std::fs::read_to_string(&ro).unwrap(), "keep");
        if Path::new("/dev/null").exists() {
            assert!(matches!(
                replace(Path::new("/dev/null"), b"x"),
                Err(WriteError::NotRegular { .. })
            ));
        }
    }
}
