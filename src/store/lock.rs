//! Advisory locks: `FILE.lock` beside a project names who has it open, so a second evaluator
//! (or a second terminal) opens it read-only instead of silently overwriting the first.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: String,
}

impl LockInfo {
    pub fn current() -> LockInfo {
        LockInfo {
            user: current_user(),
            host: hostname(),
            pid: std::process::id(),
            since: crate::time::now_utc(),
        }
    }

    fn to_text(&self) -> String {
        let q = |s: &str| toml_edit::Value::from(s).to_string();
        format!(
            "# jixiao lock: this project is open for editing\nuser = {}\nhost = {}\npid = {}\nsince = {}\n",
            q(&self.user),
            q(&self.host),
            self.pid,
            q(&self.since)
        )
    }

    fn parse(text: &str) -> Option<LockInfo> {
        let doc: toml_edit::DocumentMut = text.parse().ok()?;
        Some(LockInfo {
            user: doc.get("user")?.as_str()?.to_string(),
            host: doc.get("host")?.as_str()?.to_string(),
            pid: u32::try_from(doc.get("pid")?.as_integer()?).ok()?,
            since: doc
                .get("since")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
        })
    }

    /// The holding process is known to be gone (only decidable on the same host).
    pub fn is_stale(&self) -> bool {
        self.host == hostname() && !process_alive(self.pid)
    }

    /// "王五@server1 (pid 4242) since 2026-11-23 07:30:05 UTC".
    pub fn describe(&self) -> String {
        format!(
            "{}@{} (pid {}) since {}",
            self.user, self.host, self.pid, self.since
        )
    }
}

/// Holding the lock; dropping it removes the lock file if it is still ours.
#[derive(Debug)]
pub struct LockGuard {
    path: PathBuf,
    info: LockInfo,
}

impl LockGuard {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let ours = std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| LockInfo::parse(&t))
            .is_some_and(|i| i.pid == self.info.pid && i.host == self.info.host);
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug)]
pub enum Acquire {
    Acquired(LockGuard),
    /// Someone else has it; open read-only. `None` when the lock file is unreadable.
    HeldBy(Option<LockInfo>),
}

/// `FILE.toml` → `FILE.toml.lock`.
pub fn lock_path(file: &Path) -> PathBuf {
    let mut name = file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    file.with_file_name(name)
}

/// Takes the lock on `file`, or reports who holds it. With `force`, takes it over regardless.
pub fn acquire(file: &Path, force: bool) -> std::io::Result<Acquire> {
    let path = lock_path(file);
    let me = LockInfo::current();
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut f) => {
            f.write_all(me.to_text().as_bytes())?;
            f.sync_all()?;
            Ok(Acquire::Acquired(LockGuard { path, info: me }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let holder = std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| LockInfo::parse(&t));
            let mine = holder
                .as_ref()
                .is_some_and(|h| h.pid == me.pid && h.host == me.host);
            if mine || force {
                super::atomic_write(&path, me.to_text().as_bytes())?;
                return Ok(Acquire::Acquired(LockGuard { path, info: me }));
            }
            Ok(Acquire::HeldBy(holder))
        }
        Err(e) => Err(e),
    }
}

/// The login name: $USER, $LOGNAME, $USERNAME, else the password database.
pub fn current_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .or_else(user_from_passwd)
        .unwrap_or_else(|| "unknown".into())
}

/// The login name of this process's user from the password database (when $USER is unset,
/// as under cron, sudo or some SSH setups).
fn user_from_passwd() -> Option<String> {
    #[cfg(unix)]
    {
        // SAFETY: getuid cannot fail; getpwuid returns a pointer into static storage or null,
        // and pw_name is copied out at once.
        unsafe {
            let pw = libc::getpwuid(libc::getuid());
            if pw.is_null() || (*pw).pw_name.is_null() {
                return None;
            }
            std::ffi::CStr::from_ptr((*pw).pw_name)
                .to_str()
                .ok()
                .map(str::to_string)
        }
    }
    #[cfg(not(unix))]
    None
}

pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".into())
}

fn process_alive(pid: u32) -> bool {
    if Path::new("/proc/self").exists() {
        // A killed process stays in /proc as a zombie until its parent reaps it: that is gone too.
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) => !matches!(
                stat.rsplit_once(") ")
                    .and_then(|(_, rest)| rest.chars().next()),
                Some('Z' | 'X')
            ),
            Err(_) => false,
        }
    } else {
        // Without /proc we cannot tell; assume the holder is alive.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_opener_sees_the_holder_and_force_takes_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(&file, "").unwrap();
        // A lock written by another (dead) process on this host.
        let other = LockInfo {
            user: "王五".into(),
            host: hostname(),
            pid: u32::MAX - 1,
            since: "2026-11-23 07:00:00 UTC".into(),
        };
        std::fs::write(lock_path(&file), other.to_text()).unwrap();
        match acquire(&file, false).unwrap() {
            Acquire::HeldBy(Some(info)) => {
                assert_eq!(info.user, "王五");
                assert!(info.is_stale());
                assert!(info.describe().contains("王五@"));
            }
            other => panic!("expected HeldBy, got {other:?}"),
        }
        let guard = match acquire(&file, true).unwrap() {
            Acquire::Acquired(g) => g,
            other => panic!("expected Acquired, got {other:?}"),
        };
        assert!(
            std::fs::read_to_string(lock_path(&file))
                .unwrap()
                .contains(&format!("pid = {}", std::process::id()))
        );
        drop(guard);
        assert!(
            !lock_path(&file).exists(),
            "dropping the guard removes our lock"
        );
    }

    #[test]
    fn dropping_does_not_remove_someone_elses_lock() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let guard = match acquire(&file, false).unwrap() {
            Acquire::Acquired(g) => g,
            other => panic!("{other:?}"),
        };
        let other = LockInfo {
            user: "b".into(),
            host: "elsewhere".into(),
            pid: 1,
            since: String::new(),
        };
        std::fs::write(lock_path(&file), other.to_text()).unwrap();
        drop(guard);
        assert!(lock_path(&file).exists());
    }
}
