//! The workbench: a full-screen terminal UI over one project file.
//!
//! `mod.rs` owns the terminal (raw mode, alternate screen, bracketed paste), restores it on
//! every way out — normal quit, SIGTERM/SIGHUP, panic — and runs the event loop: read an event,
//! turn it into an action, `App::update`, draw. The rest is split as ratatui apps usually are:
//! `action` (what can happen), `keymap` (keys → actions, as data), `app` (state and update),
//! `view` (drawing, a pure function of state), `components` (inputs, editor, tree), `strings`
//! and `theme`.

pub mod action;
pub mod app;
pub mod components;
pub mod keymap;
pub mod strings;
pub mod testing;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use app::{App, Options, on_unsaved_exit};
pub use strings::Lang;
pub use theme::Theme;

use crate::store::{LoadError, ProjectFile};

/// Opens a project for the workbench, printing why it can't be opened (exit status 2).
pub fn open_or_report(path: &Path) -> Result<ProjectFile, u8> {
    ProjectFile::open(path).map_err(|e| {
        match e {
            LoadError::Syntax(d) => eprintln!("{}", d.display(&path.display().to_string())),
            LoadError::Io(e) => eprintln!("{}: error: cannot read: {e}", path.display()),
        }
        2
    })
}

/// Puts the terminal back as we found it. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

fn setup_terminal() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore_terminal();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// A panic first restores the terminal, so its message is readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Flags set by signals: SIGTERM/SIGINT (`kill`), SIGHUP (a dropped SSH link), SIGWINCH.
struct Signals {
    term: Arc<AtomicBool>,
    hup: Arc<AtomicBool>,
    winch: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
        let flag = |sig: i32| -> io::Result<Arc<AtomicBool>> {
            let f = Arc::new(AtomicBool::new(false));
            signal_hook::flag::register(sig, Arc::clone(&f))?;
            Ok(f)
        };
        let term = flag(SIGTERM)?;
        signal_hook::flag::register(SIGINT, Arc::clone(&term))?;
        Ok(Signals {
            term,
            hup: flag(SIGHUP)?,
            winch: flag(SIGWINCH)?,
        })
    }

    /// The exit status for a signal that arrived (128 + its number), if one did.
    fn arrived(&self) -> Option<u8> {
        if self.hup.load(Ordering::Relaxed) {
            Some(129)
        } else if self.term.load(Ordering::Relaxed) {
            Some(143)
        } else {
            None
        }
    }
}

/// Writes the recovery file shortly after the document stops changing: often enough that a
/// crash loses at most a couple of seconds, rarely enough that typing never waits on the disk.
struct RecoveryWriter {
    seen: u64,
    written: u64,
    changed_at: std::time::Instant,
}

impl RecoveryWriter {
    const QUIET: Duration = Duration::from_millis(1500);

    fn new(changes: u64) -> Self {
        RecoveryWriter {
            seen: changes,
            written: changes,
            changed_at: std::time::Instant::now(),
        }
    }

    fn tick(&mut self, app: &mut App) {
        if app.changes != self.seen {
            self.seen = app.changes;
            self.changed_at = std::time::Instant::now();
        }
        if self.written == self.seen || self.changed_at.elapsed() < Self::QUIET {
            return;
        }
        if app.unsaved() {
            // A recovery that cannot be written (a full disk, a directory that is not ours) is
            // said at once: the user's safety net is gone until they save.
            if let Err(e) = crate::store::recovery::write(
                &app.file.path,
                app.file.disk_fingerprint,
                &app.file.text(),
            ) {
                app.error(app.tf(strings::Msg::RecoveryUnwritable, &[&e.to_string()]));
            }
        } else {
            crate::store::recovery::discard(&app.file.path);
        }
        self.written = self.seen;
    }
}

enum Wait {
    Input,
    /// Nothing to read yet, or a signal interrupted the wait.
    Idle,
    /// The terminal is gone.
    HangUp,
}

/// Waits up to `ms` for the terminal to have input. This is done here rather than through
/// crossterm because crossterm's reader spins forever on a terminal that has hung up (an SSH
/// link dropping is exactly when the unsaved text must be kept), and because a signal must
/// interrupt the wait so its flag is seen at once.
fn wait_for_input(ms: i32) -> Wait {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and its count, for the duration of the call.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    if n <= 0 {
        return Wait::Idle;
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Wait::HangUp;
    }
    Wait::Input
}

/// Opens `path` in the workbench; returns the process exit status. `setup` prepares the app
/// before the first frame (the reviewer's name, a compared file, review mode, a message).
pub fn run(path: &Path, opts: Options, setup: impl FnOnce(&mut App)) -> u8 {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!("error: the workbench needs a terminal (stdin and stdout)");
        return 2;
    }
    let file = match open_or_report(path) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let mut app = App::new(file, opts);
    setup(&mut app);
    if app.read_only.is_none() {
        app.offer_recovery();
    }
    let signals = match Signals::register() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot watch for signals: {e}");
            return 2;
        }
    };
    install_panic_hook();
    let mut terminal = match setup_terminal() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot set up the terminal: {e}");
            return 2;
        }
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &signals)
    }));
    let code = match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            let kept = on_unsaved_exit(&app);
            restore_terminal();
            eprintln!("error: {e}");
            report_kept(kept);
            return 1;
        }
        Err(_) => {
            // The panic hook has restored the terminal and printed the message.
            report_kept(on_unsaved_exit(&app));
            return 101;
        }
    };
    let kept = if code != 0 {
        on_unsaved_exit(&app)
    } else {
        None
    };
    restore_terminal();
    report_kept(kept);
    code
}

fn report_kept(kept: Option<std::path::PathBuf>) {
    if let Some(p) = kept {
        eprintln!("unsaved changes were kept in {}", p.display());
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    signals: &Signals,
) -> io::Result<u8> {
    let size = terminal.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    let mut recovery = RecoveryWriter::new(app.changes);
    loop {
        if let Some(code) = signals.arrived() {
            return Ok(code);
        }
        recovery.tick(app);
        if signals.winch.swap(false, Ordering::Relaxed) {
            // Let crossterm take its own notice of the resize now: when it sees a resize and a
            // key at the same moment it keeps one and loses the other until the next key.
            if !matches!(wait_for_input(0), Wait::HangUp) {
                while !app.quit && event::poll(Duration::ZERO)? {
                    app.handle_event(event::read()?);
                }
            }
            let size = terminal.size()?;
            app.update(action::Action::Resize(size.width, size.height));
        }
        terminal.draw(|f| view::draw(f, app))?;
        if app.quit {
            return Ok(0);
        }
        match wait_for_input(250) {
            Wait::Idle => {}
            Wait::HangUp => return Ok(129),
            // Handle everything already queued (a fast typist, an input method's burst, a
            // paste) before drawing again, so slow links stay responsive.
            Wait::Input => {
                while !app.quit && event::poll(Duration::ZERO)? {
                    app.handle_event(event::read()?);
                }
            }
        }
    }
}
