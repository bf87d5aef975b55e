//! Everything the workbench waits for, as one stream: terminal input, signals, and changes to
//! the project's directory (someone saved the file, someone opened or closed it). Each source
//! is a thread that blocks on its own descriptor and sends what it sees down one channel, so
//! the event loop sleeps in a single `recv` — no polling, no redraw while idle, nothing written
//! to the terminal while nothing changes — and wakes at once for whichever comes first.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// What woke the event loop.
#[derive(Debug)]
pub enum Wake {
    /// Terminal input that arrived together, in order.
    Input(Vec<Event>),
    /// The terminal is gone (POLLHUP on stdin, or reading it failed).
    HangUp,
    /// SIGTERM or SIGINT (exit status 143), SIGHUP (129).
    Signal(u8),
    /// SIGWINCH: the terminal was resized.
    Resize,
    /// The project file was replaced or written by someone.
    FileChanged,
    /// Someone opened or closed the project (a presence file came or went).
    PresenceChanged,
}

pub struct Events {
    pub rx: Receiver<Wake>,
}

/// The signal thread, started before anything else of the workbench so that a SIGTERM or
/// SIGHUP while it is still starting (during the terminal probe) waits in the channel and ends
/// the workbench the normal way — terminal restored — instead of killing it mid-setup.
pub struct Starting {
    tx: Sender<Wake>,
    rx: Receiver<Wake>,
}

impl Starting {
    pub fn listen_for_signals() -> std::io::Result<Starting> {
        let (tx, rx) = channel();
        start_signals(tx.clone())?;
        Ok(Starting { tx, rx })
    }

    /// Starts the input and watcher threads for `project` (symlinks resolved). `typed` — keys
    /// read before the input thread existed — come first.
    pub fn start(self, project: &Path, typed: Vec<Event>) -> Events {
        let Starting { tx, rx } = self;
        if !typed.is_empty() {
            let _ = tx.send(Wake::Input(typed));
        }
        start_input(tx.clone());
        start_watcher(project, tx);
        Events { rx }
    }
}

/// Only the watcher of `project`'s directory (for benchmarks and tools that need no terminal).
pub fn watch_project(project: &Path) -> Receiver<Wake> {
    let (tx, rx) = channel();
    start_watcher(project, tx);
    rx
}

fn start_signals(tx: Sender<Wake>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGWINCH])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let wake = match sig {
                    SIGWINCH => Wake::Resize,
                    SIGHUP => Wake::Signal(129),
                    _ => Wake::Signal(143),
                };
                if tx.send(wake).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Reads terminal input as fast as it arrives, in batches: everything crossterm can parse now
/// goes as one message, so a burst (a paste without bracketed paste, a backlog on a slow link)
/// is handled in one go and drawn once, not once per character.
///
/// crossterm is built with `use-dev-tty`: its default reader waits on an edge-triggered epoll
/// and stops reading after the first parsed event, so input beyond its 1 KB buffer was left in
/// the descriptor until the next key arrived (the workbench froze on long unbracketed pastes).
/// The level-triggered reader always sees what is left. Between batches this thread waits on
/// the descriptor itself, which also notices a terminal that hung up (crossterm's reader spins
/// on one — and an SSH link dropping is exactly when the unsaved text must be kept).
fn start_input(tx: Sender<Wake>) {
    let _ = std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            // After a batch, one short wait and a second look, in case the reader parsed more
            // than it handed out; then sleep until input arrives.
            let mut wait_ms = 100;
            let mut hup_seen = false;
            loop {
                let mut batch = Vec::new();
                loop {
                    match event::poll(Duration::from_millis(2)) {
                        Ok(true) => match event::read() {
                            Ok(ev) => batch.push(ev),
                            Err(_) => return hang_up(&tx, batch),
                        },
                        Ok(false) => break,
                        Err(_) => return hang_up(&tx, batch),
                    }
                }
                if batch.is_empty() && hup_seen {
                    // The descriptor said "hung up" and there was nothing left to read.
                    return hang_up(&tx, batch);
                }
                if !batch.is_empty() {
                    wait_ms = 100;
                    if tx.send(Wake::Input(batch)).is_err() {
                        return;
                    }
                }
                match stdin_ready(wait_ms) {
                    Ready::HungUp => return hang_up(&tx, Vec::new()),
                    Ready::Input { hup } => hup_seen = hup,
                    Ready::Timeout => wait_ms = -1,
                }
            }
        });
}

fn hang_up(tx: &Sender<Wake>, batch: Vec<Event>) {
    if !batch.is_empty() {
        let _ = tx.send(Wake::Input(batch));
    }
    let _ = tx.send(Wake::HangUp);
}

enum Ready {
    /// Something to read; `hup` when the other end has also gone.
    Input {
        hup: bool,
    },
    Timeout,
    HungUp,
}

/// Waits up to `ms` (-1: for ever) until stdin has input or hangs up.
fn stdin_ready(ms: i32) -> Ready {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    loop {
        // SAFETY: one valid pollfd, and its count, for the duration of the call.
        let n = unsafe { libc::poll(&mut fd, 1, ms) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Ready::HungUp;
        }
        if n == 0 {
            return Ready::Timeout;
        }
        let hup = fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
        return if hup && fd.revents & libc::POLLIN == 0 {
            Ready::HungUp
        } else {
            Ready::Input { hup }
        };
    }
}

/// Watches the project's directory. With inotify the kernel says when something happened;
/// elsewhere the file's identity is looked at once a second, which is still sooner than a
/// person notices.
fn start_watcher(project: &Path, tx: Sender<Wake>) {
    let target = crate::store::safe_write::resolve(project).unwrap_or_else(|_| project.into());
    let (dir, name) = crate::store::safe_write::beside(project);
    // The watch is registered before this returns, so nothing that happens after the
    // workbench opened can be missed.
    let inotify = inotify_watch(&dir);
    let _ = std::thread::Builder::new()
        .name("watcher".into())
        .spawn(move || match inotify {
            Some(fd) => watch_inotify(fd, &name, &tx),
            None => watch_polling(&target, &tx),
        });
}

/// An inotify descriptor watching `dir` for files written, renamed in or out, created and
/// deleted; None where inotify is not available.
#[cfg(target_os = "linux")]
fn inotify_watch(dir: &Path) -> Option<i32> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: plain syscalls; the descriptor is closed on failure.
    unsafe {
        let fd = libc::inotify_init1(libc::IN_CLOEXEC);
        if fd < 0 {
            return None;
        }
        let mask = libc::IN_CLOSE_WRITE
            | libc::IN_MOVED_TO
            | libc::IN_MOVED_FROM
            | libc::IN_CREATE
            | libc::IN_DELETE;
        if libc::inotify_add_watch(fd, c.as_ptr(), mask) < 0 {
            libc::close(fd);
            return None;
        }
        Some(fd)
    }
}

#[cfg(not(target_os = "linux"))]
fn inotify_watch(_dir: &Path) -> Option<i32> {
    None
}

#[cfg(target_os = "linux")]
fn watch_inotify(fd: i32, name: &str, tx: &Sender<Wake>) {
    // SAFETY: reads into a buffer that outlives each call; events are parsed within the bytes
    // read; the descriptor is this function's to close.
    unsafe {
        let presence = format!(".{name}.jixiao-open.");
        let legacy = format!("{name}.lock");
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
            if n <= 0 {
                if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                break;
            }
            let (mut file, mut people) = (false, false);
            let mut at = 0usize;
            let header = std::mem::size_of::<libc::inotify_event>();
            while at + header <= n as usize {
                let ev =
                    std::ptr::read_unaligned(buf.as_ptr().add(at).cast::<libc::inotify_event>());
                let start = at + header;
                let end = (start + ev.len as usize).min(n as usize);
                let raw = &buf[start..end];
                let len = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
                let ev_name = String::from_utf8_lossy(&raw[..len]);
                if ev_name == name {
                    file |= ev.mask & (libc::IN_CLOSE_WRITE | libc::IN_MOVED_TO) != 0;
                } else if ev_name.starts_with(&presence) || ev_name == legacy {
                    people = true;
                }
                at = end;
            }
            if file && tx.send(Wake::FileChanged).is_err() {
                break;
            }
            if people && tx.send(Wake::PresenceChanged).is_err() {
                break;
            }
        }
        libc::close(fd);
    }
}

#[cfg(not(target_os = "linux"))]
fn watch_inotify(_fd: i32, _name: &str, _tx: &Sender<Wake>) {}

fn watch_polling(target: &Path, tx: &Sender<Wake>) {
    use std::os::unix::fs::MetadataExt;
    let id = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .map(|m| (m.ino(), m.size(), m.mtime(), m.mtime_nsec()))
    };
    let mut last = id(target);
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let now = id(target);
        if now != last {
            last = now;
            if tx.send(Wake::FileChanged).is_err() {
                return;
            }
        }
    }
}
