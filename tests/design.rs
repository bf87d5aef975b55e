//! Designing the indicator tree from the shell (issue 14 items 4 and 5): `jixiao indicator
//! add|remove|move|rename`, the design keys of `jixiao set`, and `jixiao framework save`, run
//! as a user runs them, in a directory of their own.

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `jixiao ARGS` in `dir`, with a config directory of its own.
fn jixiao(dir: &Path, args: &[&str]) -> Run {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", config.path())
        // English messages (C.UTF-8, a server's default, means Chinese).
        .env("LC_ALL", "en_US.UTF-8")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run jixiao");
    let run = Run {
        code: out.status.code().expect("killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    run
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let r = jixiao(dir, args);
    assert_eq!(
        r.code, 0,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    r.stdout
}

/// Lines of `b` not in `a`, and of `a` not in `b`, each with its count of repeats.
fn changed(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let count = |t: &str, l: &str| t.lines().filter(|x| *x == l).count();
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for l in b.lines() {
        if count(b, l) > count(a, l) && !added.contains(&l.to_string()) {
            added.push(l.to_string());
        }
    }
    for l in a.lines() {
        if count(a, l) > count(b, l) && !removed.contains(&l.to_string()) {
            removed.push(l.to_string());
        }
    }
    (added, removed)
}

#[test]
fn a_tree_tailored_by_script_checks_clean_and_changes_only_what_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    let original = std::fs::read_to_string(d.join("p.toml")).unwrap();

    // A level-3 indicator under 产出数量 (C1): its code follows C101.
    let out = ok(
        d,
        &[
            "indicator",
            "add",
            "p.toml",
            "--parent",
            "C1",
            "--name",
            "培训完成率",
            "--weight",
            "2",
        ],
    );
    assert!(
        out.contains("added C102 培训完成率 (weight 2, under C1 产出数量)"),
        "{out}"
    );
    // The parent no longer adds up: said, not refused.
    assert!(
        out.contains("C1 产出数量 weighs 10, its children add up to 12 (+2)"),
        "{out}"
    );
    // A rate rule on two inputs, as one edit.
    let out = ok(
        d,
        &[
            "set",
            "p.toml",
            "C102",
            "rule.kind=rate",
            "rule.numerator=实际培训人次",
            "rule.denominator=计划培训人次",
        ],
    );
    assert!(out.contains("C102: scoring rule"), "{out}");
    // Re-weight two siblings so the sum holds again.
    let out = ok(d, &["set", "p.toml", "C101", "weight=9"]);
    assert!(out.contains("C101 实际完成率: weight 10 → 9"), "{out}");
    assert!(out.contains("children add up to 11"), "{out}");
    let out = ok(d, &["set", "p.toml", "C102", "weight=1"]);
    assert!(!out.contains("note:"), "the sums hold again: {out}");
    // One indicator added and removed leaves no trace.
    ok(
        d,
        &[
            "indicator",
            "add",
            "p.toml",
            "--parent",
            "C1",
            "--name",
            "临时",
            "--weight",
            "0",
        ],
    );
    let out = ok(d, &["indicator", "remove", "p.toml", "C103"]);
    assert!(out.contains("removed C103 临时"), "{out}");

    let check = jixiao(d, &["check", "p.toml"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("0 error(s), 0 warning(s)"),
        "{}",
        check.stdout
    );
    let now = std::fs::read_to_string(d.join("p.toml")).unwrap();
    let (added, removed) = changed(&original, &now);
    assert_eq!(
        added,
        [
            "",
            "parent = \"C1\"",
            "weight = 9",
            "[indicators.C102]",
            "name = \"培训完成率\"",
            "weight = 1",
            "rule = { kind = \"rate\", numerator = \"实际培训人次\", denominator = \"计划培训人次\" }",
        ],
        "{now}"
    );
    assert_eq!(removed, ["weight = 10"], "{now}");
    // The new indicator sits right after C101's table.
    let c101 = now.find("[indicators.C101]").unwrap();
    let c102 = now.find("[indicators.C102]").unwrap();
    assert!(c101 < c102 && c102 < now.find("[indicators.C2]").unwrap());
}

#[test]
fn invalid_design_values_are_refused_with_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    let before = std::fs::read_to_string(d.join("p.toml")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["set", "p.toml", "C101", "weight=-1"],
            "expected 0 or more",
        ),
        (
            &["set", "p.toml", "C101", "weight=abc"],
            "a number of points",
        ),
        (
            &["set", "p.toml", "C101", "rule.kind=ratte"],
            "expected one of: deductions",
        ),
        (&["set", "p.toml", "C101", "name="], "needs a name"),
        (&["set", "p.toml", "C101", "code=A101"], "already used"),
        (&["set", "p.toml", "C101", "colour=red"], "rule.KEY"),
        (
            &[
                "indicator",
                "add",
                "p.toml",
                "--parent",
                "C1",
                "--code",
                "C101",
                "--name",
                "x",
                "--weight",
                "1",
            ],
            "already used",
        ),
        (
            &[
                "indicator",
                "add",
                "p.toml",
                "--parent",
                "Z9",
                "--name",
                "x",
                "--weight",
                "1",
            ],
            "no indicator `Z9`",
        ),
        (
            &["indicator", "remove", "p.toml", "Z9"],
            "no indicator `Z9`",
        ),
        (
            &["indicator", "move", "p.toml", "C1", "--parent", "C101"],
            "outside it",
        ),
        (
            &["indicator", "move", "p.toml", "A101", "--up"],
            "already the first",
        ),
    ];
    for (args, expected) in cases {
        let r = jixiao(d, args);
        assert_eq!(r.code, 1, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(expected), "{args:?}: {}", r.stderr);
    }
    assert_eq!(std::fs::read_to_string(d.join("p.toml")).unwrap(), before);
}

#[test]
fn moves_and_code_changes_keep_the_tree_together() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    let out = ok(d, &["indicator", "move", "p.toml", "A102", "--up"]);
    assert!(
        out.contains("moved A102 立项程序规范性 under A1 项目立项, position 1"),
        "{out}"
    );
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(text.find("[indicators.A102]").unwrap() < text.find("[indicators.A101]").unwrap());
    ok(d, &["indicator", "move", "p.toml", "A102", "--down"]);
    let out = ok(
        d,
        &[
            "indicator",
            "rename",
            "p.toml",
            "A1",
            "立项管理",
            "--code",
            "A9",
        ],
    );
    assert!(
        out.contains("A1: name 立项管理") && out.contains("A1 → A9"),
        "{out}"
    );
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(text.contains("[indicators.A9]") && !text.contains("parent = \"A1\""));
    assert!(text.contains("applies_to = [\"A101\"]"));
    // Moving a subtree to another parent: the sums it leaves are said.
    let out = ok(
        d,
        &["indicator", "move", "p.toml", "A101", "--parent", "A2"],
    );
    assert!(
        out.contains("A9 立项管理 weighs 8, its children add up to 3"),
        "{out}"
    );
    assert!(
        out.contains("A2 绩效目标 weighs 7, its children add up to 12"),
        "{out}"
    );
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    let a101 = text.find("[indicators.A101]").unwrap();
    assert!(
        text.find("[indicators.A202]").unwrap() < a101
            && a101 < text.find("[indicators.A3]").unwrap()
    );
    // `score` refuses a tree whose sums are wrong, naming them; `check` says where.
    let score = jixiao(d, &["score", "p.toml"]);
    assert!(
        score
            .stderr
            .contains("A2 绩效目标: weight is 7 but its children add up to 12")
    );
}

#[test]
fn a_scored_project_saved_as_a_framework_keeps_definitions_and_drops_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml");
    std::fs::copy(&sample, d.join("checkup.toml")).unwrap();
    let out = ok(
        d,
        &[
            "framework",
            "save",
            "checkup.toml",
            "-o",
            "frameworks/checkup.toml",
            "--name",
            "职工查体项目指标体系",
        ],
    );
    assert!(
        out.contains("saved the framework 职工查体项目指标体系 (id checkup"),
        "{out}"
    );
    let fw = std::fs::read_to_string(d.join("frameworks/checkup.toml")).unwrap();
    for gone in [
        "[project]",
        "score =",
        ".deductions]]",
        ".evidence]]",
        "justification",
        "inputs =",
    ] {
        assert!(!fw.contains(gone), "{gone} left in:\n{fw}");
    }
    assert!(fw.contains("kind = \"rate\""), "rules are kept");
    let original = std::fs::read_to_string(d.join("checkup.toml")).unwrap();
    let explanations = |t: &str| t.matches("explanation =").count();
    assert_eq!(explanations(&fw), explanations(&original));
    // Listed, and usable to start the next project.
    let list = ok(d, &["frameworks"]);
    assert!(
        list.contains("checkup") && list.contains("frameworks/checkup.toml"),
        "{list}"
    );
    ok(d, &["new", "--framework", "checkup", "next.toml"]);
    let check = jixiao(d, &["check", "next.toml"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // Never over an existing file unless asked.
    let again = jixiao(
        d,
        &[
            "framework",
            "save",
            "checkup.toml",
            "-o",
            "frameworks/checkup.toml",
        ],
    );
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
}

#[test]
fn settings_are_shown_and_changed_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    let shown = ok(d, &["settings", "p.toml"]);
    assert!(
        shown.contains("rounding = half_up")
            && shown.contains("grades = 优 90, 良 80, 中 60, 差 0"),
        "{shown}"
    );
    let out = ok(
        d,
        &[
            "settings",
            "p.toml",
            "rounding=截位",
            "grades=优秀 85, 良好 75, 合格 60, 不合格 0",
        ],
    );
    // Under English the setting is named in English (issue 12).
    assert!(out.contains("settings: rounding truncate"), "{out}");
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(text.contains("rounding = \"truncate\"") && text.contains("name = \"优秀\""));
    let bad = jixiao(d, &["settings", "p.toml", "places=9"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("0 to 6"), "{}", bad.stderr);
    let bad = jixiao(d, &["settings", "p.toml", "grades=优 90"]);
    assert!(bad.stderr.contains("start at 0"), "{}", bad.stderr);
}

/// Issue 14 leftovers: a leaf's 评价要点 from the shell — a file of points one a line, one
/// point appended, one deleted by its number — printed as the list now stands.
#[test]
fn criteria_are_set_appended_and_deleted_by_script() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    std::fs::write(d.join("points.txt"), "①立项依据充分\n\n②符合发展规划\n").unwrap();
    let out = ok(
        d,
        &[
            "set",
            "p.toml",
            "A101",
            "criteria=@points.txt",
            "criteria+=③与部门职责相符",
            "criteria-=1",
        ],
    );
    assert!(
        out.contains("A101: 评价要点 (2 points)\n  1. ②符合发展规划\n  2. ③与部门职责相符"),
        "{out}"
    );
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(
        text.contains("criteria = [\n  \"②符合发展规划\",\n  \"③与部门职责相符\",\n]"),
        "{text}"
    );
    // No point 3: refused with the numbers there are, the file untouched.
    let r = jixiao(d, &["set", "p.toml", "A101", "criteria-=3"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("there is no 评价要点 number \"3\": expected 1 to 2"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(d.join("p.toml")).unwrap(), text);
    let r = jixiao(d, &["set", "p.toml", "A101", "criteria=@missing.txt"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("missing.txt"), "{}", r.stderr);
    // An empty list removes the key.
    ok(d, &["set", "p.toml", "A101", "criteria="]);
    let after = std::fs::read_to_string(d.join("p.toml")).unwrap();
    let a101 = after.split("[indicators.A101]").nth(1).unwrap();
    let a101 = a101.split("\n[").next().unwrap();
    assert!(!a101.contains("criteria"), "{a101}");
}

/// `shown=` sets the code the report prints, `shown=` (empty) prints none and is kept as
/// `shown = ""`, `shown-` removes the key: three different files.
#[test]
fn the_reports_code_is_set_emptied_and_removed_by_script() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["new", "--framework", "mof-program", "p.toml"]);
    let original = std::fs::read_to_string(d.join("p.toml")).unwrap();
    let out = ok(d, &["set", "p.toml", "A", "shown=（一）"]);
    assert!(out.contains("A: report's code （一）"), "{out}");
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(text.contains("shown = \"（一）\"\n"), "{text}");
    let out = ok(d, &["export", "p.toml", "--format", "md"]);
    assert!(out.contains("（一）"), "{out}");
    let out = ok(d, &["set", "p.toml", "A", "shown="]);
    assert!(out.contains("A: report's code: none printed"), "{out}");
    let text = std::fs::read_to_string(d.join("p.toml")).unwrap();
    assert!(text.contains("shown = \"\"\n"), "{text}");
    let out = ok(d, &["set", "p.toml", "A", "shown-"]);
    assert!(
        out.contains("A: report's code: the indicator's own"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(d.join("p.toml")).unwrap(), original);
}
