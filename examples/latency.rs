//! The latency harness: runs the real `jixiao` binary in a pseudo-terminal (as over SSH), sends
//! scripted keystrokes and reports, per keystroke kind, the bytes the workbench writes to the
//! terminal and the time from the key to the last byte of the frame; also the time from exec to
//! the first complete frame and the peak memory (RSS).
//!
//!     cargo build --release && cargo run --release --example latency
//!
//! Optional arguments: the project files to measure (default: a sample and generated projects
//! of 1,000 and 10,000 leaves). A frame counts as complete when the terminal has been quiet for
//! 60 ms; times are measured to the last byte before that quiet.

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, RawFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const QUIET: Duration = Duration::from_millis(60);

struct Pty {
    master: std::fs::File,
    master_fd: RawFd,
    child: libc::pid_t,
}

impl Pty {
    /// Starts `bin args…` on a new pseudo-terminal of `cols`×`rows`.
    fn spawn(bin: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let mut master: libc::c_int = 0;
        let mut slave: libc::c_int = 0;
        let ws = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: plain FFI with valid out-pointers.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &ws,
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        let prog = CString::new(bin.as_os_str().to_string_lossy().as_bytes()).unwrap();
        let mut argv: Vec<CString> = vec![prog.clone()];
        argv.extend(args.iter().map(|a| CString::new(*a).unwrap()));
        let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
        argv_ptrs.push(std::ptr::null());
        let envs: Vec<CString> = env
            .iter()
            .map(|(k, v)| CString::new(format!("{k}={v}")).unwrap())
            .collect();
        // SAFETY: fork, then in the child only async-signal-safe calls before exec.
        let child = unsafe { libc::fork() };
        if child == 0 {
            unsafe {
                libc::setsid();
                libc::ioctl(slave, libc::TIOCSCTTY as _, 0);
                libc::dup2(slave, 0);
                libc::dup2(slave, 1);
                libc::dup2(slave, 2);
                libc::close(master);
                for e in &envs {
                    libc::putenv(e.as_ptr() as *mut _);
                }
                libc::execv(prog.as_ptr(), argv_ptrs.as_ptr());
                libc::_exit(127);
            }
        }
        unsafe { libc::close(slave) };
        Pty {
            master: unsafe { std::fs::File::from_raw_fd(master) },
            master_fd: master,
            child,
        }
    }

    /// Reads until the terminal is quiet; returns (bytes, time of the last byte).
    fn drain(&mut self, limit: Duration) -> (usize, Option<Instant>) {
        let start = Instant::now();
        let mut total = 0;
        let mut last = None;
        let mut buf = [0u8; 65536];
        loop {
            let mut fd = libc::pollfd {
                fd: self.master_fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let wait = if last.is_some() {
                QUIET
            } else {
                limit.saturating_sub(start.elapsed())
            };
            let n = unsafe { libc::poll(&mut fd, 1, wait.as_millis() as i32) };
            if n <= 0 {
                return (total, last);
            }
            match self.master.read(&mut buf) {
                Ok(0) | Err(_) => return (total, last),
                Ok(k) => {
                    total += k;
                    last = Some(Instant::now());
                }
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) -> Instant {
        let t = Instant::now();
        self.master.write_all(bytes).unwrap();
        t
    }

    fn peak_rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child)).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        unsafe {
            libc::kill(self.child, libc::SIGKILL);
            libc::waitpid(self.child, std::ptr::null_mut(), 0);
        }
    }
}

struct Row {
    what: &'static str,
    bytes: Vec<usize>,
    millis: Vec<f64>,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn measure(bin: &Path, project: &Path, data: &Path) {
    let data_s = data.to_string_lossy().into_owned();
    let env = [
        ("TERM", "xterm-256color"),
        ("LANG", "zh_CN.UTF-8"),
        ("JIXIAO_DATA_DIR", data_s.as_str()),
        ("PATH", "/usr/bin:/bin"),
    ];
    let spawned = Instant::now();
    // The width is given: the start-up question about ambiguous width waits for an answer this
    // harness does not give, and would be measured as start-up time.
    let mut pty = Pty::spawn(
        bin,
        &[&project.to_string_lossy(), "--ambiguous-width", "1"],
        120,
        40,
        &env,
    );
    let (first_bytes, first_at) = pty.drain(Duration::from_secs(30));
    let startup = first_at
        .map(|t| t.duration_since(spawned).as_secs_f64() * 1000.0)
        .unwrap_or(f64::NAN);
    println!(
        "\n{} — first frame: {startup:.1} ms after exec ({first_bytes} bytes)",
        project.file_name().unwrap().to_string_lossy()
    );

    // Idle: nothing should reach the terminal while nothing changes.
    let (idle_bytes, _) = pty.drain(Duration::from_secs(2));
    println!("  idle for 2 s: {idle_bytes} bytes written");
    // A burst: 20,000 navigation keys at once (a paste without bracketed paste, a backlog on a
    // slow link), to the last byte of the frame that follows them.
    let burst: Vec<u8> = b"jk".repeat(10_000);
    let sent = pty.send(&burst);
    let (n, last) = pty.drain(Duration::from_secs(30));
    let ms = last
        .map(|t| t.duration_since(sent).as_secs_f64() * 1000.0)
        .unwrap_or(f64::NAN);
    println!("  20,000 keys at once: handled and drawn in {ms:.1} ms ({n} bytes)");

    let mut rows = vec![
        Row {
            what: "move one row (j/k)",
            bytes: vec![],
            millis: vec![],
        },
        Row {
            what: "collapse/expand (Space)",
            bytes: vec![],
            millis: vec![],
        },
        Row {
            what: "type one character in the justification",
            bytes: vec![],
            millis: vec![],
        },
        Row {
            what: "add a deduction (the final Enter)",
            bytes: vec![],
            millis: vec![],
        },
    ];
    let key = |pty: &mut Pty, row: usize, rows: &mut [Row], bytes: &[u8]| {
        let sent = pty.send(bytes);
        let (n, last) = pty.drain(Duration::from_secs(5));
        rows[row].bytes.push(n);
        rows[row].millis.push(
            last.map(|t| t.duration_since(sent).as_secs_f64() * 1000.0)
                .unwrap_or(0.0),
        );
    };
    for k in 0..10 {
        key(&mut pty, 0, &mut rows, if k % 2 == 0 { b"j" } else { b"k" });
    }
    // Go to the last leaf (a leaf with a parent above it on screen).
    pty.send(b"G");
    pty.drain(Duration::from_secs(5));
    for _ in 0..10 {
        key(&mut pty, 1, &mut rows, b"k ");
        pty.send(b" ");
        pty.drain(Duration::from_secs(5));
        pty.send(b"j");
        pty.drain(Duration::from_secs(5));
    }
    pty.send(b"w");
    pty.drain(Duration::from_secs(5));
    for k in 0..10 {
        key(
            &mut pty,
            2,
            &mut rows,
            if k % 2 == 0 {
                "字".as_bytes()
            } else {
                b"\x7f"
            },
        );
    }
    pty.send(b"\x1b\x1b");
    pty.drain(Duration::from_secs(5));
    for _ in 0..5 {
        pty.send("a0.5\t档案不全".as_bytes());
        pty.drain(Duration::from_secs(5));
        key(&mut pty, 3, &mut rows, b"\r");
        pty.send(b"u");
        pty.drain(Duration::from_secs(5));
    }
    println!("| keystroke | bytes written (median) | key → last byte (median ms) |");
    println!("|---|---|---|");
    for r in &mut rows {
        let mut b: Vec<f64> = r.bytes.iter().map(|&x| x as f64).collect();
        println!(
            "| {} | {:.0} | {:.2} |",
            r.what,
            median(&mut b),
            median(&mut r.millis)
        );
    }
    if let Some(kb) = pty.peak_rss_kb() {
        println!("peak RSS: {:.1} MB", kb as f64 / 1024.0);
    }
    // Leave cleanly: quit, discarding.
    pty.send(b"q2");
    pty.drain(Duration::from_millis(500));
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/jixiao");
    assert!(bin.exists(), "build it first: cargo build --release");
    let dir = std::env::temp_dir().join(format!("jixiao-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut projects: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if projects.is_empty() {
        let sample = dir.join("rongcheng-checkup.toml");
        std::fs::copy(root.join("samples/rongcheng-checkup.toml"), &sample).unwrap();
        projects.push(sample);
        for n in [1_000, 10_000] {
            let p = dir.join(format!("generated-{n}.toml"));
            std::fs::write(&p, jixiao::generate::project_text(n, 42)).unwrap();
            projects.push(p);
        }
    }
    for p in &projects {
        measure(&bin, p, &dir.join("data"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
