//! Designing a tree end to end in a real terminal (issue 14's "done means"): a project from
//! `jixiao new --framework mof-program`, a level-3 indicator added under 产出数量 with a rate
//! rule on two inputs, two siblings re-weighted so the sums hold, one indicator deleted and the
//! delete undone, saved; then `jixiao check` is clean and `git diff` shows only those changes.

mod support;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::{Command, Output};

use tmux::Tmux;

fn jixiao(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("jixiao runs")
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn design_a_tree_in_a_real_terminal_and_only_that_changes() {
    if !support::require("tmux") || !support::require("git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        jixiao(d, &["new", "--framework", "mof-program", "p.toml"])
            .status
            .success()
    );
    git(d, &["init", "-q"]);
    git(d, &["add", "p.toml"]);
    git(d, &["commit", "-qm", "from the framework"]);

    let tmux = Tmux {
        socket: format!("jixiao-e2e-design-{}", std::process::id()),
    };
    let cmd = format!(
        "cd '{}' && '{}' --lang zh p.toml",
        d.display(),
        env!("CARGO_BIN_EXE_jixiao")
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    tmux.wait_for("the workbench", |s| s.contains("暂计 0.00/100"));

    // A level-3 indicator under 产出数量 (C1), after C101: the code is proposed.
    tmux.typed(&["/", "C101", "Enter"]);
    tmux.wait_for("C101 selected", |s| s.contains("╭ C101 实际完成率"));
    tmux.typed(&["o"]);
    tmux.wait_for("the new indicator form", |s| s.contains("代码：C102"));
    tmux.typed(&["培训完成率", "Tab", "2", "Enter"]);
    tmux.wait_for("the gap in the tree", |s| {
        s.contains("C102 培训完成率") && s.contains("-/10(+2)")
    });
    // Its rule: a rate of two inputs, chosen from the list of kinds and filled in the form.
    tmux.typed(&["f"]);
    tmux.wait_for("the list of rule kinds", |s| {
        s.contains("C102 培训完成率 的评分规则：选择类型") && s.contains("比率×分值")
    });
    tmux.typed(&["5"]);
    tmux.wait_for("the rate form", |s| {
        s.contains("numerator") && s.contains("denominator")
    });
    tmux.typed(&["实际培训人次", "Tab", "计划培训人次"]);
    // The form says what the rule gives as it is typed: both inputs are still to record.
    tmux.wait_for("the live preview", |s| s.contains("按此规则"));
    tmux.typed(&["Enter"]);
    tmux.wait_for("the rule", |s| s.contains("C102: 评分规则"));
    // Re-weight the two siblings so the sum holds again.
    tmux.typed(&["k", "=", "C-u", "9", "Enter"]);
    tmux.wait_for("C101 re-weighted", |s| s.contains("C101: 分值 9"));
    tmux.typed(&["j", "=", "C-u", "1", "Enter"]);
    let s = tmux.wait_for("C102 re-weighted", |s| s.contains("C102: 分值 1"));
    assert!(!s.contains("(+") && !s.contains("分值不符"), "{s}");
    // Delete one indicator, and undo the delete.
    tmux.typed(&["x"]);
    tmux.wait_for("the delete", |s| s.contains("C102: 删除指标"));
    tmux.typed(&["u"]);
    tmux.wait_for("the undo", |s| s.contains("已撤销：C102: 删除指标"));
    tmux.typed(&["C-s"]);
    tmux.wait_for("saved", |s| s.contains("已保存") && !s.contains("*未保存"));
    tmux.typed(&["q"]);
    tmux.wait_gone();

    let check = jixiao(d, &["check", "p.toml"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("0 error(s), 0 warning(s)"));
    let diff = git(d, &["diff", "-U0", "--no-color"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert_eq!(
        changed,
        [
            "-weight = 10",
            "+weight = 9",
            "+[indicators.C102]",
            "+parent = \"C1\"",
            "+name = \"培训完成率\"",
            "+weight = 1",
            "+rule = { kind = \"rate\", numerator = \"实际培训人次\", denominator = \"计划培训人次\" }",
            "+",
        ],
        "{diff}"
    );
}
