//! Who has a project open. Each open workbench announces itself with a small file beside the
//! project, `.NAME.toml.jixiao-open.HOST.PID`, naming user, host, pid and time. Several
//! evaluators may have one project open at once — saves merge (see `save_lock` for what makes a
//! save safe) — so these files are not a lock that keeps others out: they let the status bar say
//! who else is working, and let a session that died be noticed and its place taken over.
//!
//! A presence file is written to a temporary name and renamed into place, so it is never seen
//! empty or half-written (a full disk leaves no file at all, not an empty one that blocks
//! everyone). It is removed on every way out the program controls (quit, SIGTERM, SIGHUP with
//! the terminal gone, a panic); a session killed outright leaves one whose process is gone, and
//! the next opener on that host removes it and says whose it was.
//!
//! `NAME.toml.lock` files written by earlier versions are read the same way.

use std::path::{Path, PathBuf};

use super::safe_write;

/// Who has the project open.
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
            since: crate::time::now_local(),
        }
    }

    fn to_text(&self) -> String {
        let q = |s: &str| toml_edit::Value::from(s).to_string();
        format!(
            "# jixiao: this project is open in a workbench\nuser = {}\nhost = {}\npid = {}\nsince = {}\n",
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

    fn is_me(&self) -> bool {
        self.pid == std::process::id() && self.host == hostname()
    }

    /// "王五@server1 (pid 4242) since 2026-11-23 07:30:05 +08:00" (the time in the reader's
    /// zone, whatever zone the writer was in), every field as plain text:
    /// the fields come from a file anyone in the group can write, so control characters
    /// (escape sequences that would drive the terminal) are shown escaped, never sent.
    pub fn describe(&self) -> String {
        self.describe_in(crate::lang::Lang::En)
    }

    /// "王五@server1 (pid 4242) since …" in `lang`.
    pub fn describe_in(&self, lang: crate::lang::Lang) -> String {
        let (user, host, since) = (
            plain(&self.user),
            plain(&self.host),
            plain(&crate::time::show_stamp(&self.since)),
        );
        let pid = self.pid;
        lang.pick(
            format!("{user}@{host}（进程 {pid}，自 {since} 起）"),
            format!("{user}@{host} (pid {pid}) since {since}"),
        )
    }

    /// "王五@server1".
    pub fn who(&self) -> String {
        format!("{}@{}", plain(&self.user), plain(&self.host))
    }
}

/// Text from outside made safe for a terminal: control characters escaped, length bounded.
pub fn plain(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().take(80) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// This session's presence file; dropping it removes the file if it is still ours.
#[derive(Debug)]
pub struct LockGuard {
    path: PathBuf,
}

impl LockGuard {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What opening a project found.
#[derive(Debug, Default)]
pub struct Opened {
    /// This session's presence file (None when it could not be written: a read-only or full
    /// directory — the project still opens, and the reason is in `problem`).
    pub guard: Option<LockGuard>,
    /// Other live sessions with the project open.
    pub others: Vec<LockInfo>,
    /// Sessions on this host whose process is gone; their presence files were removed.
    pub taken_over: Vec<LockInfo>,
    /// Why this session could not be announced (`crate::lang::cli::Say::CannotAnnounce`).
    pub problem: Option<AnnounceFailed>,
}

/// The presence file could not be written in `dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnounceFailed {
    pub dir: String,
    pub why: String,
}

/// The directory and file name prefix of the presence files of `file` (symlinks followed, so
/// two people opening the project through different links see each other).
fn prefix(file: &Path) -> (PathBuf, String) {
    let (dir, name) = safe_write::beside(file);
    (dir, format!(".{name}.jixiao-open."))
}

/// `FILE.toml` → `FILE.toml.lock` (the single lock file of earlier versions).
pub fn lock_path(file: &Path) -> PathBuf {
    let target = safe_write::resolve(file).unwrap_or_else(|_| file.to_path_buf());
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

/// Every live session that has `file` open, other than this one. Sessions of this host whose
/// process is gone are cleaned up and returned second.
pub fn sessions(file: &Path) -> (Vec<LockInfo>, Vec<LockInfo>) {
    let (dir, pre) = prefix(file);
    let mut live = Vec::new();
    let mut gone = Vec::new();
    let mut consider = |path: PathBuf| {
        let Some(info) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| LockInfo::parse(&t))
        else {
            return;
        };
        if info.is_me() {
            return;
        }
        if info.is_stale() {
            let _ = std::fs::remove_file(&path);
            gone.push(info);
        } else {
            live.push(info);
        }
    };
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(&pre) {
                consider(e.path());
            }
        }
    }
    consider(lock_path(file));
    live.sort_by(|a, b| (&a.user, &a.host, a.pid).cmp(&(&b.user, &b.host, b.pid)));
    live.dedup();
    (live, gone)
}

/// Announces this session as having `file` open, and reports who else has.
pub fn open(file: &Path) -> Opened {
    let (others, taken_over) = sessions(file);
    let (dir, pre) = prefix(file);
    let me = LockInfo::current();
    let path = dir.join(format!("{pre}{}.{}", plain(&me.host), me.pid));
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut tmp = tempfile::Builder::new()
            .prefix(".jixiao-")
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        tmp.write_all(me.to_text().as_bytes())?;
        // Readable by whoever may read the directory, so the team sees who is working.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(
                0o666 & !safe_write::umask(),
            ))?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    };
    match write() {
        Ok(()) => Opened {
            guard: Some(LockGuard { path }),
            others,
            taken_over,
            problem: None,
        },
        Err(e) => Opened {
            guard: None,
            others,
            taken_over,
            problem: Some(AnnounceFailed {
                dir: dir.display().to_string(),
                why: e.to_string(),
            }),
        },
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
    // SAFETY: geteuid cannot fail.
    let name = safe_write::user_name(unsafe { libc::geteuid() });
    (!name.chars().all(|c| c.is_ascii_digit())).then_some(name)
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

    fn info(user: &str, host: &str, pid: u32) -> LockInfo {
        LockInfo {
            user: user.into(),
            host: host.into(),
            pid,
            since: "2026-11-23 07:00:00 +08:00".into(),
        }
    }

    #[test]
    fn a_second_session_sees_the_first_and_a_dead_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(&file, "").unwrap();
        let (_, pre) = prefix(&file);
        // A live session elsewhere, and one of this host whose process is gone.
        let alive = info("alice", "other-host", 1);
        std::fs::write(
            dir.path().join(format!("{pre}other-host.1")),
            alive.to_text(),
        )
        .unwrap();
        let dead = info("王五", &hostname(), u32::MAX - 1);
        std::fs::write(lock_path(&file), dead.to_text()).unwrap();
        let opened = open(&file);
        assert_eq!(opened.others, vec![alive]);
        assert_eq!(opened.taken_over, vec![dead]);
        assert!(
            !lock_path(&file).exists(),
            "the dead session's lock is gone"
        );
        let guard = opened.guard.unwrap();
        let mine = std::fs::read_to_string(guard.path()).unwrap();
        assert!(mine.contains(&format!("pid = {}", std::process::id())));
        // This session does not list itself.
        assert_eq!(sessions(&file).0.len(), 1);
        drop(guard);
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(&std::process::id().to_string()))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn fields_are_shown_as_plain_text() {
        let hostile = info("bob\u{1b}]0;pwned\u{7}", "h\u{1b}[2J", 7);
        let shown = hostile.describe();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(
            shown.contains("bob\\u{1b}]0;pwned\\u{7}@h\\u{1b}[2J"),
            "{shown}"
        );
    }
}
