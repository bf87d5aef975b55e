//! End to end in a real terminal: the built binary runs under tmux at 80×24, keys go in with
//! `send-keys`, the screen comes back with `capture-pane`, and the saved file is checked with
//! the library. Where tmux is not installed each test says it was skipped, and fails under CI
//! (which installs it).

mod support;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use tmux::Tmux;

#[test]
fn score_a_leaf_save_and_quit_in_a_real_terminal() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rongcheng-checkup.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-{}", std::process::id()),
    };
    let cmd = format!(
        "'{}' edit --lang zh '{}'",
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );

    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.keys(&["/"]);
    tmux.typed(&["A202", "Enter"]);
    tmux.wait_for("A202 in the detail pane", |s| {
        s.contains("╭ A202 绩效指标明确性")
    });
    tmux.keys(&["a"]);
    tmux.wait_for("the deduction form", |s| s.contains("扣分："));
    tmux.typed(&["0.5", "Tab", "档案管理不规范，资料未及时归档", "Enter"]);
    let s = tmux.wait_for("the new total", |s| s.contains("合计 64.22/100 中"));
    assert!(s.contains("A 13.17") && s.contains("*未保存"), "{s}");

    // A resize redraws, and the score is still there.
    tmux.run(&["resize-window", "-t", "t", "-x", "50", "-y", "15"]);
    tmux.wait_for("the narrow layout", |s| {
        s.contains("合计 64.22/100 中") && s.lines().all(|l| l.chars().count() <= 50)
    });
    tmux.run(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);

    tmux.keys(&["C-s"]);
    tmux.wait_for("the saved message", |s| {
        s.contains("已保存") && !s.contains("*未保存")
    });
    tmux.keys(&["q"]);
    tmux.wait_gone();

    let f = jixiao::store::ProjectFile::open(&path).unwrap();
    let card = jixiao::scoring::score(f.project());
    assert_eq!(card.total, Decimal::from_str("64.22").unwrap());
    assert_eq!(
        card.node(f.project(), "A").unwrap().score,
        Decimal::from_str("13.17").unwrap()
    );
    let a202 = &f.project().get("A202").unwrap().assessment;
    assert_eq!(a202.deductions.len(), 2);
    assert_eq!(a202.deductions[1].reason, "档案管理不规范，资料未及时归档");
}

#[test]
fn quitting_with_unsaved_changes_asks_and_sigterm_restores_the_terminal() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-q-{}", std::process::id()),
    };
    // A shell stays in the pane so we can see what the terminal looks like afterwards.
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "sh"]);
    assert!(started.status.success());
    // The workbench writes its own process id (the shell's `$$` survives `exec`), so the
    // SIGTERM below needs no process-listing tool.
    let pid_file = dir.path().join("pid");
    let cmd = format!(
        "sh -c 'echo $$ > \"{}\"; exec env JIXIAO_DATA_DIR=\"{}\" \"{}\" --lang en \"{}\"'; echo EXIT=$?",
        pid_file.display(),
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    tmux.keys(&[&cmd, "Enter"]);
    tmux.wait_for("the workbench", |s| s.contains("Total 64.72/100"));
    tmux.keys(&["/"]);
    tmux.typed(&["B202", "Enter"]);
    tmux.keys(&["a"]);
    tmux.wait_for("the deduction form", |s| s.contains("Points:"));
    tmux.typed(&["1", "Tab", "no records", "Enter"]);
    tmux.wait_for("the new total", |s| s.contains("Total 63.72/100"));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("There are unsaved changes"));
    tmux.keys(&["3"]);
    tmux.wait_for("the question to close", |s| {
        !s.contains("There are unsaved changes")
    });

    // SIGTERM: the terminal comes back (the shell's prompt and our echo show), the unsaved
    // text is kept in a recovery file, and the project file is untouched.
    let pid: libc::pid_t = std::fs::read_to_string(&pid_file)
        .expect("the workbench wrote its process id")
        .trim()
        .parse()
        .expect("a process id");
    // SAFETY: kill(2) with a process id and a signal number has no memory effects.
    assert_eq!(
        unsafe { libc::kill(pid, libc::SIGTERM) },
        0,
        "kill -TERM {pid}"
    );
    let s = tmux.wait_for("the shell again", |s| s.contains("EXIT=143"));
    assert!(s.contains("unsaved changes were kept in"), "{s}");
    assert!(
        !s.contains("Total 63.72"),
        "the alternate screen should be gone:\n{s}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    // SIGTERM removes the session's presence file like a quit does.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("jixiao-open"))
        .collect();
    assert!(left.is_empty(), "presence left after SIGTERM: {left:?}");
    // The recovery file, and beside it the text its edits were made against.
    let mut kept: Vec<String> = std::fs::read_dir(dir.path().join("data/recovery"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept[1].ends_with(".toml.base"), "{kept:?}");
}

/// A session killed outright (kill -9: no chance to save anything on the way out) loses
/// nothing: the debounced recovery file brings the edit back on the next open, a second
/// opener meanwhile is read-only and told who holds the file.
#[test]
fn a_killed_session_is_restored_and_a_second_opener_sees_the_first() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("checkup.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let original = std::fs::read(&path).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-kill-{}", std::process::id()),
    };
    let env = format!("JIXIAO_DATA_DIR={}", data.display());
    let open = |session: &str, extra: &str| {
        let cmd = format!(
            "'{}' --lang zh {extra} '{}'",
            env!("CARGO_BIN_EXE_jixiao"),
            path.display()
        );
        // Right after the server's last session closed, tmux may be shutting down and refuse
        // once ("server exited unexpectedly"): try again for a while.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let started = tmux.run(&[
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "80",
                "-y",
                "24",
                "-e",
                &env,
                &cmd,
            ]);
            if started.status.success() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}",
                String::from_utf8_lossy(&started.stderr)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };

    open("t", "");
    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.typed(&["/", "C202", "Enter"]);
    tmux.wait_for("C202 in the detail pane", |s| s.contains("╭ C202"));
    tmux.keys(&["a"]);
    tmux.wait_for("the deduction form", |s| s.contains("扣分："));
    tmux.typed(&["0.25", "Tab", "部分医院未按时上报查体人数", "Enter"]);
    tmux.wait_for("the new total", |s| s.contains("合计 64.47/100 中"));

    // Meanwhile a colleague opens the same file: not read-only, and told who else has it open.
    open("u", "");
    let screen =
        String::from_utf8_lossy(&tmux.run(&["capture-pane", "-p", "-t", "u"]).stdout).into_owned();
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut screen = screen;
    while !screen.contains("也在编辑") {
        assert!(
            Instant::now() < deadline,
            "no 'also open' notice:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
        screen = String::from_utf8_lossy(&tmux.run(&["capture-pane", "-p", "-t", "u"]).stdout)
            .into_owned();
    }
    assert!(!screen.contains("只读"), "{screen}");
    // Closing u's terminal (SIGHUP, the terminal already gone) removes u's presence file.
    let presence = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("jixiao-open")
            })
            .count()
    };
    assert_eq!(presence(), 2);
    tmux.run(&["kill-session", "-t", "u"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while presence() != 1 {
        assert!(
            Instant::now() < deadline,
            "u's presence file was left behind"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // Wait for the debounced recovery file, then kill the first session without warning.
    let deadline = Instant::now() + Duration::from_secs(40);
    // Only a finished recovery file counts: the atomic write's `.jixiao-*.tmp` appears first.
    let finished = |dir: &Path| {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter(|e| !e.file_name().to_string_lossy().starts_with(".jixiao-"))
                    .count()
            })
            .unwrap_or(0)
    };
    while finished(&data.join("recovery")) == 0 {
        assert!(Instant::now() < deadline, "no recovery file was written");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The workbench's own pid, from its presence file (`.NAME.jixiao-open.HOST.PID`): the
    // pane's process may be a shell that tmux started it from.
    let pid: libc::pid_t = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.contains("jixiao-open")
                .then(|| name.rsplit('.').next().unwrap().parse().ok())
                .flatten()
        })
        .next()
        .expect("the workbench's presence file");
    // SAFETY: kill(2) with a process id and a signal number has no memory effects.
    assert_eq!(
        unsafe { libc::kill(pid, libc::SIGKILL) },
        0,
        "kill -9 {pid}"
    );
    // Gone (a zombie until tmux reaps it counts as gone) before the next opener looks.
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| !s.rsplit_once(") ").is_some_and(|(_, r)| r.starts_with('Z')))
    {
        assert!(Instant::now() < deadline, "pid {pid} survived kill -9");
        std::thread::sleep(Duration::from_millis(20));
    }
    tmux.run(&["kill-session", "-t", "t"]);
    // A zombie still answers kill(pid, 0), so the next opener would take it for alive: wait
    // until tmux has reaped it (under load that can take a moment).
    let deadline = Instant::now() + Duration::from_secs(20);
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(Instant::now() < deadline, "pid {pid} was never reaped");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "a killed session must not have touched the file"
    );

    // The presence it left names a process that is gone: the next open takes over without
    // --force and offers the edit back.
    open("t", "");
    let s = tmux.wait_for("the recovery offer", |s| {
        s.contains("未保存的修改") && s.contains("恢复这些修改")
    });
    assert!(s.contains("C202") && s.contains("64.72 → 64.47"), "{s}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the restored total", |s| {
        s.contains("合计 64.47/100 中") && s.contains("*未保存")
    });
    tmux.keys(&["C-s"]);
    tmux.wait_for("the saved message", |s| s.contains("已保存"));
    tmux.keys(&["q"]);
    tmux.wait_gone();

    let f = jixiao::store::ProjectFile::open(&path).unwrap();
    assert_eq!(
        jixiao::scoring::score(f.project()).total,
        Decimal::from_str("64.47").unwrap()
    );
    assert_eq!(
        finished(&data.join("recovery")),
        0,
        "saving removes the recovery file"
    );
    assert!(
        !jixiao::store::lock::lock_path(&path).exists(),
        "quitting removes the lock"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("jixiao-open"))
        .collect();
    assert!(left.is_empty(), "presence files left behind: {left:?}");
}

/// Issue 11 item 3: GNU screen (and tmux's `paste-buffer` without `-p`) types a multi-line
/// clipboard as keys, each newline an Enter. In a deduction reason all of it is text: the
/// newlines don't submit, and the `u`, `q` and newline that follow don't undo, quit or choose.
#[test]
fn a_multi_line_paste_without_bracketed_paste_is_text() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-paste-{}", std::process::id()),
    };
    let cmd = format!(
        "env JIXIAO_DATA_DIR='{}' '{}' edit --lang zh '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.keys(&["/"]);
    tmux.typed(&["A202", "Enter"]);
    tmux.keys(&["a"]);
    tmux.wait_for("the deduction form", |s| s.contains("扣分："));
    tmux.typed(&["0.5", "Tab"]);
    let clip = dir.path().join("clip.txt");
    std::fs::write(&clip, "目标表未细化\nu\nq\n\n指标缺失").unwrap();
    assert!(
        tmux.run(&["load-buffer", "-b", "clip", &clip.display().to_string()])
            .status
            .success()
    );
    assert!(
        tmux.run(&["paste-buffer", "-b", "clip", "-t", "t"])
            .status
            .success()
    );
    let s = tmux.wait_for("the pasted text in the reason", |s| s.contains("指标缺失"));
    assert!(s.contains("扣分："), "the form must still be open:\n{s}");
    assert!(!s.contains("未保存的修改"), "no quit question:\n{s}");
    // Pressed by hand, Enter submits; then save.
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the new total", |s| s.contains("合计 64.22/100 中"));
    tmux.keys(&["C-s"]);
    tmux.wait_for("saved", |s| !s.contains("*未保存"));
    assert_ne!(std::fs::read_to_string(&path).unwrap(), original);
    let f = jixiao::store::ProjectFile::open(&path).unwrap();
    let a202 = &f.project().get("A202").unwrap().assessment;
    assert_eq!(a202.deductions.len(), 2);
    assert_eq!(a202.deductions[1].reason, "目标表未细化 u q  指标缺失");
    tmux.keys(&["q"]);
    tmux.wait_gone();
}

/// With no `ambiguous_width` set, the workbench asks the terminal at start-up. tmux answers
/// (it draws ambiguous characters one column wide), so box drawing stays; the question leaves
/// nothing on the screen and its answer is not taken for keys.
#[test]
fn the_ambiguous_width_question_leaves_no_trace() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-probe-{}", std::process::id()),
    };
    let cmd = format!(
        "env JIXIAO_CONFIG_DIR='{}' '{}' edit --lang zh '{}'",
        config.display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    let s = tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    let first = s.lines().next().unwrap_or_default();
    assert!(!first.contains('…'), "the probe character is left:\n{s}");
    assert!(s.contains("╭ 指标"), "one column wide in tmux:\n{s}");
    assert!(
        !s.contains("未定义的按键"),
        "the answer was taken for keys:\n{s}"
    );
    tmux.keys(&["j"]);
    tmux.wait_for("the next row", |s| s.contains("╭ A1 项目立项"));
    tmux.keys(&["q"]);
    tmux.wait_gone();
}

/// The 评价说明 editor's keys as a real terminal sends them (Ctrl-Home is `ESC [1;5H`):
/// Ctrl-Home / Ctrl-End reach the ends of the text, Home twice the start of the paragraph.
#[test]
fn the_editor_keys_reach_the_ends_of_the_text() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-editor-{}", std::process::id()),
    };
    let cmd = format!(
        "env JIXIAO_DATA_DIR='{}' '{}' edit --lang zh --ambiguous-width 1 '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.keys(&["/"]);
    tmux.typed(&["A202", "Enter", "w"]);
    tmux.wait_for("the editor", |s| s.contains("评价说明"));
    tmux.typed(&[
        "C-Home", "X", "C-End", "Z", "Home", "Home", "Y", "PageDown", "End",
    ]);
    tmux.typed(&["C-s"]);
    tmux.wait_for("the edit", |s| s.contains("*未保存"));
    tmux.typed(&["C-s"]);
    tmux.wait_for("saved", |s| !s.contains("*未保存"));
    tmux.keys(&["q"]);
    tmux.wait_gone();
    let f = jixiao::store::ProjectFile::open(&path).unwrap();
    let text = &f.project().get("A202").unwrap().assessment.justification;
    assert!(text.starts_with("YX将绩效目标"), "{text}");
    assert!(text.ends_with("66.75%。Z"), "{text}");
}

/// Issue 11 item 1: 20 KB pasted without bracketed paste (`paste-buffer` without `-p`: the
/// terminal types it, as GNU screen or a slow link's backlog would) lands whole in the 评价说明
/// editor, line breaks and all, and the workbench goes back to sleep afterwards.
#[test]
fn twenty_kilobytes_typed_at_once_land_whole_and_the_workbench_sleeps_again() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &path,
    )
    .unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-burst-{}", std::process::id()),
    };
    let cmd = format!(
        "env JIXIAO_DATA_DIR='{}' '{}' edit --lang zh --ambiguous-width 1 '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.keys(&["/"]);
    tmux.typed(&["A202", "Enter", "w"]);
    tmux.wait_for("the editor", |s| s.contains("评价说明"));
    tmux.typed(&["C-Home"]);
    // About 20 KB: numbered lines of Chinese text (three bytes a character), then an end mark.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 20_000 {
        n += 1;
        text.push_str(&format!(
            "第{n}行：资金到位率偏低，档案管理不规范，资料未及时归档。\n"
        ));
    }
    text.push_str("【完】");
    let clip = dir.path().join("clip.txt");
    std::fs::write(&clip, &text).unwrap();
    assert!(
        tmux.run(&["load-buffer", "-b", "big", &clip.display().to_string()])
            .status
            .success()
    );
    assert!(
        tmux.run(&["paste-buffer", "-b", "big", "-t", "t"])
            .status
            .success()
    );
    tmux.wait_for("the end of the text", |s| s.contains("【完】"));
    // Back to sleep: the process uses (almost) no CPU over the next second.
    let pid = String::from_utf8_lossy(
        &tmux
            .run(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_string();
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    assert_eq!(comm.trim(), "jixiao", "the pane runs the workbench itself");
    let ticks = || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let rest = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
        let f: Vec<&str> = rest.split(' ').collect();
        let n = |k: usize| f.get(k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        n(11) + n(12)
    };
    std::thread::sleep(Duration::from_millis(300));
    let before = ticks();
    std::thread::sleep(Duration::from_secs(1));
    assert!(ticks() - before <= 2, "still busy after the burst");
    tmux.typed(&["C-s"]);
    tmux.wait_for("the edit", |s| s.contains("*未保存"));
    tmux.typed(&["C-s"]);
    tmux.wait_for("saved", |s| !s.contains("*未保存"));
    tmux.keys(&["q"]);
    tmux.wait_gone();
    let f = jixiao::store::ProjectFile::open(&path).unwrap();
    let saved = &f.project().get("A202").unwrap().assessment.justification;
    assert!(
        saved.starts_with(&text),
        "{} of {} bytes landed",
        saved.len(),
        text.len()
    );
}

/// A review stamped on a UTC server, read by a reviewer whose terminal is set to Beijing time:
/// the detail pane shows the stamp in the reader's zone, with its offset.
#[test]
fn a_review_stamp_is_shown_in_the_readers_zone() {
    if !support::require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let mut text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
    )
    .unwrap();
    text.push_str(
        "\n[[indicators.A101.reviews]]\nby = \"张三\"\nat = \"2026-01-05 08:00:00 UTC\"\ntext = \"依据不足\"\napproved = false\n",
    );
    std::fs::write(&path, text).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-e2e-tz-{}", std::process::id()),
    };
    let cmd = format!(
        "TZ=Asia/Shanghai '{}' edit --read-only --lang zh '{}'",
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    tmux.wait_for("the score line", |s| s.contains("合计 64.72/100 中"));
    tmux.keys(&["/"]);
    tmux.typed(&["A101", "Enter"]);
    tmux.wait_for("A101 in the detail pane", |s| {
        s.contains("╭ A101 依据充分性")
    });
    tmux.typed(&["Tab", "G"]);
    let s = tmux.wait_for("the review stamp", |s| s.contains("张三 2026-01-05"));
    // At 80 columns the offset wraps onto the next line.
    assert!(s.contains("张三 2026-01-05 16:00:00"), "{s}");
    assert!(s.contains("+08:00：依据不足"), "{s}");
    tmux.typed(&["q"]);
    tmux.wait_gone();
}
