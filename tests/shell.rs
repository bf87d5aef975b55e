//! The shell's conventions, as a user meets them: completion scripts loaded by real shells, the
//! man page rendered by man, `-` for standard input and output, `frameworks --json`, and times
//! shown in the reader's zone (TZ).

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `jixiao ARGS` from the crate root with `stdin` on standard input and a config directory
/// of its own; `env` adds variables (TZ).
fn run_with(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let config = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", config.path())
        // English messages (C.UTF-8, a server's default, means Chinese).
        .env("LC_ALL", "en_US.UTF-8")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jixiao");
    // A refused command may exit before reading: a closed pipe then is not the test's failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code().expect("jixiao was killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "{args:?}:\n{}",
        run.stderr
    );
    run
}

fn run(args: &[&str]) -> Run {
    run_with(args, b"", &[])
}

fn sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"))
        .unwrap()
}

/// Runs `script` in `shell` (-c) and returns its stdout; the script finds jixiao as `$J`.
fn shell(shell: &str, script: &str) -> String {
    let out = Command::new(shell)
        .arg("-c")
        .arg(script)
        .env("J", env!("CARGO_BIN_EXE_jixiao"))
        .output()
        .unwrap_or_else(|e| panic!("run {shell}: {e}"));
    assert!(
        out.status.success(),
        "{shell} -c {script}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ─── completions and the man page ─────────────────────────────────────────────

#[test]
fn bash_loads_the_completion_script_and_completes_subcommands_and_values() {
    if !support::require("bash") {
        return;
    }
    let registered = shell(
        "bash",
        r#"source <("$J" completions bash); complete -p jixiao"#,
    );
    assert!(registered.contains("-F _jixiao jixiao"), "{registered}");
    // What Tab offers after `jixiao sc` and after `jixiao completions `.
    let complete = |words: &str, cword: usize| {
        shell(
            "bash",
            &format!(
                r#"source <("$J" completions bash); COMP_WORDS=({words}); COMP_CWORD={cword}; _jixiao jixiao "${{COMP_WORDS[$COMP_CWORD]}}" "${{COMP_WORDS[$COMP_CWORD-1]}}"; printf '%s\n' "${{COMPREPLY[@]}}""#
            ),
        )
    };
    assert_eq!(complete("jixiao sc", 1).trim(), "score");
    let offered = complete("jixiao ex", 1);
    assert!(
        offered.lines().any(|l| l == "explain") && offered.lines().any(|l| l == "export"),
        "{offered}"
    );
    let shells = complete("jixiao completions ''", 2);
    for s in ["bash", "zsh", "fish"] {
        assert!(shells.lines().any(|l| l == s), "{shells}");
    }
}

#[test]
fn zsh_reads_the_completion_function() {
    if !support::require("zsh") {
        return;
    }
    let out = shell(
        "zsh",
        r#"autoload -U compinit && compinit -u -d "$(mktemp)"; source <("$J" completions zsh); whence -w _jixiao"#,
    );
    assert!(out.contains("_jixiao: function"), "{out}");
}

#[test]
fn fish_completes_subcommands() {
    if !support::require("fish") {
        return;
    }
    let out = shell(
        "fish",
        r#""$J" completions fish | source; complete -C 'jixiao sc'"#,
    );
    assert!(out.starts_with("score\t"), "{out}");
}

#[test]
fn man_page_renders_and_names_every_subcommand() {
    let page = run(&["man"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    assert!(
        page.stdout.starts_with(".ie"),
        "roff: {}",
        &page.stdout[..40]
    );
    if !support::require("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("jixiao.1");
    std::fs::write(&file, &page.stdout).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for word in [
        "NAME",
        "SYNOPSIS",
        "score",
        "completions",
        "frameworks",
        "--lang",
    ] {
        assert!(text.contains(word), "no {word} in:\n{text}");
    }
}

#[test]
fn man_writes_a_page_per_subcommand_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_string_lossy().into_owned();
    let out = run(&["man", "-o", &d]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for page in [
        "jixiao.1",
        "jixiao-score.1",
        "jixiao-evidence-add.1",
        "jixiao-man.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
    // A directory that is not there is named, not created.
    let missing = dir.path().join("nope");
    let out = run(&["man", "-o", &missing.to_string_lossy()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a directory"), "{}", out.stderr);
}

// ─── `-`: standard input and output ───────────────────────────────────────────

#[test]
fn reading_commands_take_a_project_on_standard_input() {
    let text = sample();
    let score = run_with(&["score", "-"], &text, &[]);
    assert_eq!(score.code, 0, "{}", score.stderr);
    assert!(
        score.stdout.contains("合计              100    64.72"),
        "{}",
        score.stdout
    );
    let from_file = run(&["score", "samples/rongcheng-checkup.toml"]);
    assert_eq!(score.stdout, from_file.stdout);

    let check = run_with(&["check", "-"], &text, &[]);
    assert!(
        check.stdout.contains("<stdin>: 0 error(s)"),
        "{}",
        check.stdout
    );
    let show = run_with(&["show", "-"], &text, &[]);
    assert!(
        show.stdout.contains("B101 资金到位率 得分 = 1.00"),
        "{}",
        show.stdout
    );
    let explain = run_with(&["explain", "-", "B101"], &text, &[]);
    assert!(
        explain.stdout.starts_with("B101 资金到位率（分值 3）"),
        "{}",
        explain.stdout
    );
    let csv = run_with(&["export", "-", "--format", "csv", "-o", "-"], &text, &[]);
    assert!(csv.stdout.contains("A101 依据充分性"), "{}", csv.stdout);
    // `-` twice reads the same input twice: the two scorings agree.
    let diff = run_with(&["diff", "-", "-"], &text, &[]);
    assert_eq!(diff.code, 0, "{}{}", diff.stdout, diff.stderr);
    let summary = run_with(&["summary", "-"], &text, &[]);
    assert!(summary.stdout.contains("64.72"), "{}", summary.stdout);
}

#[test]
fn errors_in_standard_input_are_located_as_stdin() {
    let bad = run_with(&["check", "-"], b"[framework]\nid = \n", &[]);
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.starts_with("<stdin>:2:"), "{}", bad.stdout);
}

#[test]
fn import_reads_a_table_on_standard_input_and_new_writes_to_standard_output() {
    let csv =
        "一级指标,二级指标,三级指标,分值\n决策,项目立项,立项依据,5\n决策,项目立项,立项程序,5\n";
    let out = run_with(&["import", "-", "-o", "-"], csv.as_bytes(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("[framework]"), "{}", out.stdout);
    assert!(out.stdout.contains("name = \"立项程序\""), "{}", out.stdout);
    // The framework read back on standard input makes a project on standard output.
    let project = run_with(
        &["new", "--framework", "-", "-"],
        out.stdout.as_bytes(),
        &[],
    );
    assert_eq!(project.code, 0, "{}", project.stderr);
    assert!(project.stdout.contains("[project]"), "{}", project.stdout);
    let score = run_with(&["score", "-"], project.stdout.as_bytes(), &[]);
    assert!(
        score.stdout.contains("A1 项目立项      10"),
        "{}",
        score.stdout
    );
}

#[test]
fn commands_that_save_in_place_refuse_standard_input() {
    let text = sample();
    for args in [
        &["set", "-", "B101", "score=1"][..],
        &["deduct", "-", "B101", "1", "原因"],
        &["evidence", "add", "-", "B101", "文件"],
        &["resolve", "-", "B101", "ours"],
        &[
            "merge",
            "samples/rongcheng-checkup.toml",
            "-",
            "samples/rongcheng-checkup.toml",
        ],
        &["-"],
        &["edit", "-"],
        &["review", "-"],
        &["edit", "samples/rongcheng-checkup.toml", "--compare", "-"],
    ] {
        let out = run_with(args, &text, &[]);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("`-` (standard input)"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

// ─── frameworks --json ────────────────────────────────────────────────────────

#[test]
fn frameworks_json_lists_each_framework_with_its_shape() {
    let out = run(&["frameworks", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let list = v["frameworks"].as_array().unwrap();
    let mof = list
        .iter()
        .find(|f| f["id"] == "mof-program")
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert_eq!(mof["built_in"], true);
    assert_eq!(mof["path"], serde_json::Value::Null);
    assert_eq!(mof["total"], "100");
    assert_eq!(mof["levels"], 3);
    let weights: Vec<&str> = mof["level1"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["weight"].as_str().unwrap())
        .collect();
    assert_eq!(weights, ["22", "18", "40", "20"]);
    assert!(mof["leaves"].as_u64().unwrap() > 10);
    assert_eq!(mof["grades"][0]["name"], "优");
}

#[test]
fn frameworks_json_gives_the_path_of_a_users_framework() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("jixiao/frameworks");
    std::fs::create_dir_all(&dir).unwrap();
    let mine = dir.join("firm.toml");
    let framework = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks/mof-program.toml"),
    )
    .unwrap()
    .replace("id = \"mof-program\"", "id = \"firm\"");
    std::fs::write(&mine, framework).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["frameworks", "--json"])
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let firm = v["frameworks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "firm")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(firm["built_in"], false);
    assert_eq!(firm["path"], mine.to_string_lossy().as_ref());
}

// ─── times in the reader's zone ───────────────────────────────────────────────

#[test]
fn review_stamps_are_shown_in_local_time_with_the_zone() {
    let mut text = String::from_utf8(sample()).unwrap();
    text.push_str(
        "\n[[indicators.B101.reviews]]\nby = \"张三\"\nat = \"2026-01-05 08:00:00 UTC\"\ntext = \"依据不足\"\napproved = false\n",
    );
    let shown = |tz: &str| {
        let out = run_with(&["show", "-"], text.as_bytes(), &[("TZ", tz)]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
            .lines()
            .find(|l| l.contains("张三"))
            .unwrap_or_else(|| panic!("{}", out.stdout))
            .to_string()
    };
    assert!(
        shown("Asia/Shanghai").contains("张三 2026-01-05 16:00:00 +08:00"),
        "{}",
        shown("Asia/Shanghai")
    );
    assert!(
        shown("UTC").contains("张三 2026-01-05 08:00:00 UTC"),
        "{}",
        shown("UTC")
    );
}

#[test]
fn import_tells_a_workbook_on_standard_input_by_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("表.xlsx");
    let out = run(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "-o",
        &xlsx.to_string_lossy(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(&xlsx).unwrap();
    let from_stdin = run_with(
        &["import", "-", "--id", "checkup", "--name", "查体"],
        &bytes,
        &[],
    );
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert!(
        from_stdin.stdout.contains("from standard input (sheet"),
        "{}",
        from_stdin.stdout
    );
    let from_file = run(&[
        "import",
        &xlsx.to_string_lossy(),
        "--id",
        "checkup",
        "--name",
        "查体",
    ]);
    let body = |s: &str| s.split_once("[framework]").map(|(_, b)| b.to_string());
    assert_eq!(body(&from_stdin.stdout), body(&from_file.stdout));
}
