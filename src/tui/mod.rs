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
pub mod early_keys;
pub mod events;
pub mod keymap;
pub mod probe;
pub mod strings;
pub mod testing;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::path::Path;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use app::{App, Options, on_unsaved_exit};
pub use strings::Lang;
pub use theme::Theme;

use crate::store::{LoadError, ProjectFile};

/// Opens a project for the workbench, printing why it can't be opened (exit status 2).
pub fn open_or_report(path: &Path, lang: Lang) -> Result<ProjectFile, u8> {
    ProjectFile::open(path).map_err(|e| {
        let name = path.display().to_string();
        match e {
            LoadError::Syntax(d) => eprintln!("{}", d.display_in(&name, lang)),
            LoadError::Io(e) => eprintln!("{}", crate::lang::cli::cannot_read(lang, &name, &e)),
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

    /// How long until the recovery file is due, if edits are waiting to be written.
    fn due(&self) -> Option<Duration> {
        (self.written != self.seen).then(|| Self::QUIET.saturating_sub(self.changed_at.elapsed()))
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
            if let Err(e) = crate::store::recovery::write_with_base(
                &app.file.path,
                app.file.disk_fingerprint,
                Some(&app.file.base_text),
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

/// `error: …` / `错误：…` on stderr, before the workbench is up (or after it is torn down).
fn say_error(lang: crate::lang::Lang, s: &crate::lang::cli::Say) {
    eprintln!(
        "{}{}",
        crate::lang::diagnostic::severity(crate::diagnostic::Severity::Error, lang),
        crate::lang::cli::say(lang, s)
    );
}

/// Opens `path` in the workbench; returns the process exit status. `setup` prepares the app
/// before the first frame (the reviewer's name, a compared file, review mode, a message).
pub fn run(path: &Path, opts: Options, setup: impl FnOnce(&mut App)) -> u8 {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        say_error(opts.lang, &crate::lang::cli::Say::WorkbenchNeedsTerminal);
        return 2;
    }
    let file = match open_or_report(path, opts.lang) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let opts_lang = opts.lang;
    let mut app = App::new(file, opts);
    setup(&mut app);
    if app.read_only.is_none() {
        app.offer_recovery();
        app.offer_recorded_conflicts();
    }
    install_panic_hook();
    let mut terminal = match setup_terminal() {
        Ok(t) => t,
        Err(e) => {
            let why = crate::lang::cli::io_reason(opts_lang, &e);
            say_error(
                opts_lang,
                &crate::lang::cli::Say::CannotSetUpTerminal { why },
            );
            return 2;
        }
    };
    let starting = match events::Starting::listen_for_signals() {
        Ok(s) => s,
        Err(e) => {
            std::mem::forget(terminal);
            restore_terminal();
            let why = crate::lang::cli::io_reason(opts_lang, &e);
            say_error(
                opts_lang,
                &crate::lang::cli::Say::CannotWatchSignals { why },
            );
            return 2;
        }
    };
    // Before anything reads input: the terminal's answer must not be taken for keys, and the
    // keys typed while it was awaited are replayed.
    let mut typed = Vec::new();
    if app.probe_ambiguous {
        let probe = probe::ambiguous_width(terminal.backend_mut(), probe::WAIT);
        if let Some(w) = probe.width {
            app.ambiguous_width = w;
        }
        typed = early_keys::parse(&probe.typed);
    }
    let events = starting.start(path, typed);
    // Whoever opened the project while this one was starting, now that the watch is set.
    app.refresh_others();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &events)
    }));
    // ratatui's Terminal shows the cursor when dropped and *panics* (eprintln!) when that write
    // fails — which it does when the SSH link is gone, and a panic there could abort before the
    // presence file is removed. `restore_terminal` below does the same restoring, quietly.
    std::mem::forget(terminal);
    let code = match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            let kept = on_unsaved_exit(&app);
            restore_terminal();
            say(&format!(
                "{}{}",
                crate::lang::diagnostic::severity(crate::diagnostic::Severity::Error, app.lang),
                crate::lang::cli::io_reason(app.lang, &e)
            ));
            report_kept(app.lang, kept);
            return 1;
        }
        Err(_) => {
            // The panic hook has restored the terminal and printed the message.
            report_kept(app.lang, on_unsaved_exit(&app));
            return 101;
        }
    };
    let kept = if code != 0 {
        on_unsaved_exit(&app)
    } else {
        None
    };
    restore_terminal();
    report_kept(app.lang, kept);
    code
}

/// A line on stderr that may not arrive: after a hang-up the terminal is gone, and eprintln!
/// would panic on the failed write.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{line}");
}

fn report_kept(lang: Lang, kept: Option<std::path::PathBuf>) {
    if let Some(p) = kept {
        let file = p.display().to_string();
        say(&crate::lang::cli::say(
            lang,
            &crate::lang::cli::Say::UnsavedKeptIn { file: &file },
        ));
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    events: &events::Events,
) -> io::Result<u8> {
    use std::sync::mpsc::RecvTimeoutError;
    let size = terminal.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    let mut recovery = RecoveryWriter::new(app.changes);
    let mut draw = true;
    let mut status_taken = false;
    app.defer_view = true;
    loop {
        recovery.tick(app);
        if draw {
            app.settle();
            // When a long message takes over the status lines, or gives them back, the whole
            // screen is repainted: cells that held wide characters were otherwise left half
            // drawn on some terminals (tmux), garbling the score line.
            let takes_over = view::status::message_takes_over(app, app.size.0 as usize);
            if takes_over != status_taken {
                status_taken = takes_over;
                terminal.clear()?;
            }
            terminal.draw(|f| view::draw(f, app))?;
            draw = false;
        }
        if app.quit {
            return Ok(0);
        }
        // Sleep until something happens; the only timer is the recovery file's debounce.
        let wake = match recovery.due() {
            Some(wait) => match events.rx.recv_timeout(wait) {
                Ok(w) => w,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(129),
            },
            None => match events.rx.recv() {
                Ok(w) => w,
                Err(_) => return Ok(129),
            },
        };
        // Handle everything already queued (a fast typist, an input method's burst, a paste
        // without bracketed paste, a slow link's backlog) before drawing once.
        let mut next = Some(wake);
        while let Some(w) = next.take() {
            match w {
                // A burst (several keys at once) in a text field is text, never commands.
                events::Wake::Input(batch) => app.handle_batch(batch),
                events::Wake::HangUp => return Ok(129),
                events::Wake::Signal(code) => return Ok(code),
                events::Wake::Resize => {
                    let size = terminal.size()?;
                    app.update(action::Action::Resize(size.width, size.height));
                    terminal.autoresize()?;
                }
                events::Wake::FileChanged => app.disk_changed(),
                events::Wake::PresenceChanged => app.refresh_others(),
            }
            if app.quit {
                break;
            }
            next = events.rx.try_recv().ok();
        }
        draw = true;
    }
}
