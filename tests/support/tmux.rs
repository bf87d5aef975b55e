//! A private tmux server for the end-to-end tests (tests/e2e_tmux.rs, tests/e2e_design_tmux.rs,
//! tests/review.rs, tests/team.rs): the built binary runs in session `t` (or, for several
//! people at once, a session per person: the `*_in` methods), keys go in with `send-keys`, the
//! screen comes back with `capture-pane`.
#![allow(dead_code)] // each test binary uses what it needs

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server (its own socket), killed when the test ends however it ends.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        self.keys_in("t", keys);
    }

    /// Keys sent together to session `session` (one burst).
    pub fn keys_in(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Sends each of `keys` on its own, a person's pause apart. Keys sent together arrive as
    /// one burst, and a burst in a text field is text: its Enter would not submit.
    pub fn typed(&self, keys: &[&str]) {
        self.typed_in("t", keys);
    }

    /// `typed`, in session `session`.
    pub fn typed_in(&self, session: &str, keys: &[&str]) {
        for k in keys {
            self.keys_in(session, &[k]);
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn screen(&self) -> String {
        self.screen_of("t")
    }

    pub fn screen_of(&self, session: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", session]).stdout)
            .into_owned()
    }

    /// Polls the screen until `pred` holds; fails after 40 s with the last screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_for_in("t", what, pred)
    }

    /// `wait_for`, in session `session`.
    pub fn wait_for_in(&self, session: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            let s = self.screen_of(session);
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "{session}: timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_gone(&self) {
        let deadline = Instant::now() + Duration::from_secs(40);
        while self.run(&["has-session", "-t", "t"]).status.success() {
            assert!(
                Instant::now() < deadline,
                "the workbench did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
