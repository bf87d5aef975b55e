//! The workbench on a pseudo-terminal whose other end this test plays: the built binary runs
//! on it, and the test reads everything it writes and answers what a terminal would.
//!
//! - The start-up question about East-Asian ambiguous width: the cursor-position query (CSI 6n)
//!   is answered as a CJK terminal would (the character took two columns), as an ordinary one
//!   would, or not at all. tmux always answers "one column" (see tests/e2e_tmux.rs), so the
//!   two-column case needs this.
//! - Idleness: once drawn, nothing is written and no CPU is used while nothing happens.

#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Pty {
    master: std::fs::File,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The workbench on a fresh 80×24 pseudo-terminal, on a copy of the Rongcheng sample, with no
/// config file.
fn start(extra: &[&str]) -> Pty {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rongcheng.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &file,
    )
    .unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two descriptors, owned from here on.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty");
    let slave = unsafe { OwnedFd::from_raw_fd(slave) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.arg(&file)
        .args(extra)
        .env("JIXIAO_CONFIG_DIR", &config)
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
    // controlling terminal is the pty (crossterm opens /dev/tty).
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().expect("the workbench starts");
    Pty {
        master: unsafe { std::fs::File::from_raw_fd(master) },
        child,
        _dir: dir,
    }
}

impl Pty {
    /// Reads the program's output until `done` holds for all of it (40 s at most); on the
    /// cursor query, `answer` (if any) is written back once.
    fn read_until(&mut self, answer: Option<&str>, done: impl Fn(&str) -> bool) -> String {
        self.read_for(answer, done, Duration::from_secs(40))
    }

    /// Like `read_until`, for at most `limit` (no failure when it passes).
    fn read_for(
        &mut self,
        answer: Option<&str>,
        done: impl Fn(&str) -> bool,
        limit: Duration,
    ) -> String {
        let started = Instant::now();
        let deadline = started + Duration::from_secs(40);
        let mut all = Vec::new();
        let mut answered = false;
        loop {
            let text = String::from_utf8_lossy(&all).into_owned();
            if done(&text) || started.elapsed() >= limit {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out; output so far:\n{text:?}"
            );
            if !answered && text.contains("\x1b[6n") {
                answered = true;
                if let Some(a) = answer {
                    self.master.write_all(a.as_bytes()).unwrap();
                }
            }
            let mut fd = libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut fd, 1, 100) } > 0 {
                let mut buf = [0u8; 4096];
                match self.master.read(&mut buf) {
                    Ok(n) if n > 0 => all.extend_from_slice(&buf[..n]),
                    _ => return String::from_utf8_lossy(&all).into_owned(),
                }
            }
        }
    }
}

/// The first frame is drawn: the status line's help hint is there.
fn drawn(text: &str) -> bool {
    text.contains("? help")
}

#[test]
fn a_terminal_that_draws_ambiguous_characters_wide_gets_one_column_equivalents() {
    let mut pty = start(&[]);
    let out = pty.read_until(Some("\x1b[1;3R"), drawn);
    assert!(out.contains("\x1b[6n"), "the terminal is asked");
    assert!(!out.contains('╭') && !out.contains('│'), "{out:?}");
    assert!(out.contains("+ Indicators -"), "{out:?}");
}

#[test]
fn a_terminal_that_draws_them_narrow_keeps_box_drawing() {
    let mut pty = start(&[]);
    let out = pty.read_until(Some("\x1b[1;2R"), drawn);
    assert!(out.contains("\x1b[6n"));
    assert!(out.contains("╭ Indicators ─"), "{out:?}");
}

#[test]
fn a_terminal_that_does_not_answer_is_drawn_as_before() {
    let mut pty = start(&[]);
    let out = pty.read_until(None, drawn);
    assert!(out.contains("╭ Indicators ─"), "{out:?}");
}

#[test]
fn the_flag_decides_without_asking() {
    let mut pty = start(&["--ambiguous-width", "2"]);
    let out = pty.read_until(Some("\x1b[1;2R"), drawn);
    assert!(!out.contains("\x1b[6n"), "{out:?}");
    assert!(out.contains("+ Indicators -"), "{out:?}");
}

/// Keys typed at once after opening — before the terminal answered the start-up question —
/// count: here `?` opens the help.
#[test]
fn keys_typed_while_the_terminal_is_asked_are_not_lost() {
    let mut pty = start(&[]);
    let out = pty.read_until(Some("?\x1b[1;2R"), |t| t.contains("Keys (Esc closes)"));
    assert!(out.contains("Keys (Esc closes)"), "{out:?}");
    // And when the terminal never answers.
    let mut pty = start(&[]);
    let out = pty.read_until(None, |t| {
        t.contains("\x1b[6n") && !t.contains("? help") && !t.contains("Keys")
    });
    assert!(out.contains("\x1b[6n"));
    pty.master.write_all(b"?").unwrap();
    let out = pty.read_until(None, |t| t.contains("Keys (Esc closes)"));
    assert!(out.contains("Keys (Esc closes)"), "{out:?}");
}

/// A SIGTERM while the workbench is still waiting for the terminal's answer ends it the normal
/// way: the alternate screen is left (the shell's screen comes back) and the status is 143.
#[test]
fn a_sigterm_during_the_start_up_question_restores_the_terminal() {
    let mut pty = start(&[]);
    pty.read_until(None, |t| t.contains("\x1b[6n"));
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(pty.child.id() as i32, libc::SIGTERM) };
    let out = pty.read_until(None, |t| t.contains("\x1b[?1049l"));
    assert!(out.contains("\x1b[?1049l"), "{out:?}");
    let status = pty.child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.code().or(status.signal().map(|s| 128 + s)),
        Some(143)
    );
}

/// CPU time (user + system, in clock ticks) the process has used so far.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

/// Issue 11: a workbench left open writes nothing and uses no CPU (vim writes nothing when
/// idle either; a redraw every 250 ms was a wake-up four times a second per open workbench).
#[test]
fn an_idle_workbench_writes_nothing_and_sleeps() {
    let mut pty = start(&["--ambiguous-width", "1"]);
    pty.read_until(None, drawn);
    // Let the first frame's last bytes arrive.
    pty.read_for(None, |_| false, Duration::from_millis(300));
    let pid = pty.child.id();
    let before = cpu_ticks(pid);
    let idle = pty.read_for(None, |_| false, Duration::from_secs(2));
    let used = cpu_ticks(pid) - before;
    assert_eq!(idle, "", "written while idle: {idle:?}");
    assert!(used <= 1, "{used} CPU ticks used while idle");
}
