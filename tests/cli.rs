//! The `jixiao` binary as a user runs it: on the samples, on the malformed files in
//! `tests/malformed/`, and on projects written to a temporary directory.
//!
//! Each file in `tests/malformed/` starts with comments saying what is wrong and what to expect:
//!
//! ```text
//! # Defect: …
//! # expect-exit: 1
//! # expect-error: 25:21 denominator `预算资金` is 0      (line:col, then part of the message)
//! # expect-error: - not UTF-8                          (`-`: the error has no position)
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

// ─── Running the binary ───────────────────────────────────────────────────────

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

/// Runs `jixiao ARGS` from the crate root (so paths print as `samples/…`), with a config
/// directory of its own so the user's frameworks never leak in.
fn jixiao(args: &[&str]) -> Run {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", config.path())
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run jixiao");
    let run = Run {
        code: out.status.code().expect("jixiao was killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "jixiao {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `dir/*.toml`, relative to the crate root, sorted.
fn toml_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {dir}/*.toml");
    files
}

fn samples() -> Vec<String> {
    toml_files("samples")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("{s:?} is not a decimal"))
}

/// A decimal with exactly two places, as reports print scores and rates: `2.67`, `100.00`.
fn two_places(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = int.strip_prefix('-').unwrap_or(int);
    !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.len() == 2
        && frac.chars().all(|c| c.is_ascii_digit())
}

/// A diagnostic line `file:line:col: error|warning: message`, parsed.
struct DiagLine {
    pos: Option<(usize, usize)>,
    error: bool,
    message: String,
}

fn parse_diag(file: &str, line: &str) -> Option<DiagLine> {
    let rest = line.strip_prefix(file)?.strip_prefix(':')?;
    let (pos, rest) = match rest.strip_prefix(' ') {
        Some(rest) => (None, rest),
        None => {
            let mut parts = rest.splitn(3, ':');
            let l = parts.next()?.parse().ok()?;
            let c = parts.next()?.parse().ok()?;
            (Some((l, c)), parts.next()?.strip_prefix(' ')?)
        }
    };
    let (error, message) = if let Some(m) = rest.strip_prefix("error: ") {
        (true, m)
    } else {
        (false, rest.strip_prefix("warning: ")?)
    };
    Some(DiagLine {
        pos,
        error,
        message: message.to_string(),
    })
}

/// Every line `check` prints for `file` is a diagnostic or the summary; returns the diagnostics.
fn check_lines(file: &str, run: &Run) -> Vec<DiagLine> {
    let file_lines = std::fs::read(root().join(file))
        .map(|b| b.split(|&c| c == b'\n').count())
        .unwrap_or(0);
    let mut out = Vec::new();
    for line in run.stdout.lines() {
        if line.starts_with(&format!("{file}: ")) && line.ends_with(" warning(s)") {
            continue;
        }
        let diag = parse_diag(file, line).unwrap_or_else(|| {
            panic!("`jixiao check {file}` printed a line that is not `{file}:line:col: error|warning: …`:\n{line}")
        });
        if let Some((l, c)) = diag.pos {
            assert!(
                (1..=file_lines).contains(&l) && c >= 1,
                "{line}: position outside the file ({file_lines} lines)"
            );
        }
        out.push(diag);
    }
    out
}

/// Writes `text` as `name` in a fresh temporary directory.
fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

/// A small project with known figures:
/// A1 资金到位率 1040/1580 × 3 = 1.97 but awarded 1; A2 4 − 1.33 = 2.67 (66.75%);
/// A3 完成率 2/3 × 3 = 2.00. Total 5.67 of 10 (56.70%), grade 差.
const KNOWN: &str = r#"
[framework]
id = "test"
name = "测试框架"
total = 10

[[grades]]
name = "优"
min = 90
[[grades]]
name = "良"
min = 80
[[grades]]
name = "中"
min = 60
[[grades]]
name = "差"
min = 0

[project]
name = "测试项目"

[indicators.A]
name = "决策"
weight = 10

[indicators.A1]
parent = "A"
name = "资金到位率"
weight = 3
rule = { kind = "rate", numerator = "实际到位资金", denominator = "预算资金" }
inputs = { "预算资金" = 1580, "实际到位资金" = 1040 }
score = 1

[[indicators.A1.deductions]]
points = 2
reason = "2019、2021年度资金未到位"

[indicators.A2]
parent = "A"
name = "绩效指标明确性"
weight = 4
justification = "……根据评分标准，该指标得2.67分，得分率66.75%。"

[[indicators.A2.deductions]]
points = 1.33
reason = "部分绩效指标设置不合理"

[indicators.A3]
parent = "A"
name = "完成率"
weight = 3
rule = { kind = "rate", numerator = "完成数", denominator = "计划数" }
inputs = { "完成数" = 2, "计划数" = 3 }
"#;

fn node<'a>(json: &'a Value, code: &str) -> &'a Value {
    json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["code"] == code)
        .unwrap_or_else(|| panic!("no node {code}"))
}

// ─── score --json ─────────────────────────────────────────────────────────────

#[test]
fn score_json_gives_exact_figures_as_strings() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["score", "--json", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["project"], "测试项目");
    assert_eq!(json["framework"], "test");
    assert_eq!(json["total"], "5.67");
    assert_eq!(json["max"], "10");
    assert_eq!(json["rate"], "56.70");
    assert_eq!(json["grade"], "差");
    assert_eq!(json["leaves"], 3);
    assert_eq!(json["scored_leaves"], 3);

    let a = node(&json, "A");
    assert_eq!(a["weight"], "10");
    assert_eq!(a["score"], "5.67");
    assert_eq!(a["rate"], "56.70");
    assert_eq!(a["leaf"], false);
    assert_eq!(a["depth"], 1);

    let a1 = node(&json, "A1");
    assert_eq!(a1["score"], "1.00", "the awarded score counts");
    assert_eq!(a1["awarded"], "1.00");
    assert_eq!(a1["computed"], "1.97");
    assert_eq!(a1["rate"], "33.33");
    assert_eq!(a1["state"], "scored");
    assert_eq!(a1["depth"], 2);

    let a2 = node(&json, "A2");
    assert_eq!(a2["score"], "2.67");
    assert_eq!(a2["rate"], "66.75");
    assert!(a2.get("awarded").is_none());

    assert_eq!(node(&json, "A3")["score"], "2.00");
}

/// Walks a `score --json` document: every decimal is a string with the right number of places;
/// the only JSON numbers are counts.
fn assert_json_shape(file: &str, json: &Value) {
    for key in ["total", "rate"] {
        let v = json[key]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: {key} = {}", json[key]));
        assert!(two_places(v), "{file}: {key} = {v:?}");
    }
    let max = json["max"].as_str().expect("max is a string");
    d(max);
    assert!(
        json["grade"].is_string(),
        "{file}: grade = {}",
        json["grade"]
    );
    for key in ["leaves", "scored_leaves"] {
        assert!(json[key].is_u64(), "{file}: {key} = {}", json[key]);
    }
    let nodes = json["nodes"].as_array().expect("nodes");
    assert!(!nodes.is_empty());
    for n in nodes {
        let code = n["code"].as_str().expect("code is a string");
        let at = format!("{file} {code}");
        assert!(n["name"].is_string(), "{at}");
        assert!(n["depth"].is_u64(), "{at}: depth = {}", n["depth"]);
        assert!(n["leaf"].is_boolean(), "{at}");
        let weight = n["weight"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: weight"));
        d(weight);
        let score = n["score"].as_str().unwrap_or_else(|| panic!("{at}: score"));
        assert!(two_places(score), "{at}: score = {score:?}");
        match &n["rate"] {
            Value::Null => assert!(
                d(weight).is_zero(),
                "{at}: no rate for a weight of {weight}"
            ),
            Value::String(r) => assert!(two_places(r), "{at}: rate = {r:?}"),
            other => panic!("{at}: rate = {other}"),
        }
        for key in ["awarded", "computed"] {
            if let Some(v) = n.get(key) {
                let v = v.as_str().unwrap_or_else(|| panic!("{at}: {key} = {v}"));
                assert!(two_places(v), "{at}: {key} = {v:?}");
            }
        }
        if n["leaf"] == true {
            let state = n["state"].as_str().unwrap_or_else(|| panic!("{at}: state"));
            assert!(
                [
                    "scored",
                    "unscored",
                    "not_applicable",
                    "unscorable",
                    "error"
                ]
                .contains(&state),
                "{at}: state = {state}"
            );
        }
    }
}

#[test]
fn score_json_shape_on_every_sample() {
    for file in samples() {
        let run = jixiao(&["score", "--json", &file]);
        assert_eq!(run.code, 0, "jixiao score --json {file}:\n{}", run.stderr);
        assert_json_shape(&file, &run.json());
    }
}

#[test]
fn every_sample_reproduces_its_reports_total_and_grade() {
    let mut failures = Vec::new();
    for file in samples() {
        let text = std::fs::read_to_string(root().join(&file)).unwrap();
        let loaded = match jixiao::store::parse_project(&text) {
            Ok(l) => l,
            Err(e) => {
                failures.push(format!("{file}: does not load: {e}"));
                continue;
            }
        };
        let Some(meta) = loaded.project.meta else {
            failures.push(format!("{file}: no [project] table"));
            continue;
        };
        let run = jixiao(&["score", "--json", &file]);
        if run.code != 0 {
            failures.push(format!("{file}: score exits {}:\n{}", run.code, run.stderr));
            continue;
        }
        let json = run.json();
        let total = d(json["total"].as_str().expect("total"));
        match meta.stated_total {
            Some(stated) if stated == total => {}
            Some(stated) => failures.push(format!(
                "{file}: the report states {stated} but jixiao gives {total}"
            )),
            None => failures.push(format!("{file}: no [project] stated_total")),
        }
        match meta.stated_grade {
            Some(stated) if json["grade"] == stated.as_str() => {}
            Some(stated) => failures.push(format!(
                "{file}: the report states grade {stated} but jixiao gives {}",
                json["grade"]
            )),
            None => failures.push(format!("{file}: no [project] stated_grade")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn score_table_prints_total_and_grade() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["score", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("5.67"), "{}", run.stdout);
    assert!(run.stdout.contains("差"), "{}", run.stdout);
    assert!(run.stdout.contains("56.70%"), "{}", run.stdout);
}

// ─── check ────────────────────────────────────────────────────────────────────

#[test]
fn check_exits_0_on_every_sample() {
    for file in samples() {
        let run = jixiao(&["check", &file]);
        let lines = check_lines(&file, &run);
        let errors: Vec<&DiagLine> = lines.iter().filter(|l| l.error).collect();
        assert!(
            errors.is_empty() && run.code == 0,
            "jixiao check {file} exits {}:\n{}",
            run.code,
            run.stdout
        );
        assert!(
            run.stdout
                .lines()
                .last()
                .is_some_and(|l| l.starts_with(&format!("{file}: 0 error(s), "))),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn check_exits_0_on_a_clean_file_and_prints_warnings_with_positions() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["check", &path]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A1's awarded 1 differs from its rule's 1.97: a warning at `score = 1` (line 32).
    let lines = check_lines(&path, &run);
    let awarded = lines
        .iter()
        .find(|l| l.message.contains("awarded 1.00 but its rule gives 1.97"))
        .unwrap_or_else(|| panic!("no awarded warning:\n{}", run.stdout));
    assert!(!awarded.error);
    let score_line = KNOWN.lines().position(|l| l == "score = 1").unwrap() + 1;
    assert_eq!(awarded.pos, Some((score_line, 9)));
    // --quiet prints errors only.
    let quiet = jixiao(&["check", "--quiet", &path]);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stdout, "");
}

#[test]
fn check_exits_2_on_a_missing_file() {
    let run = jixiao(&["check", "no/such/project.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("no/such/project.toml: error: cannot read"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_exits_with_the_worst_status_of_several_files() {
    let sample = &samples()[0];
    let run = jixiao(&["check", sample, "tests/malformed/zero-denominator.toml"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let run = jixiao(&[
        "check",
        "tests/malformed/zero-denominator.toml",
        "tests/malformed/syntax-error.toml",
        sample,
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    // Each file is still reported.
    assert!(run.stdout.contains("zero-denominator.toml:25:21: error:"));
    assert!(run.stdout.contains("syntax-error.toml:11:12: error:"));
    assert!(run.stdout.contains(&format!("{sample}: 0 error(s)")));
}

#[test]
fn check_exits_2_on_an_empty_file_of_zero_bytes() {
    // Zero bytes are valid TOML without a [framework]: an error, not a crash.
    let (_dir, path) = temp_file("empty.toml", "");
    let run = jixiao(&["check", &path]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("{path}:1:1: error: missing [framework] table")),
        "{}",
        run.stdout
    );
}

// ─── tests/malformed ──────────────────────────────────────────────────────────

struct Expectation {
    exit: i32,
    /// (line, col) or None for a whole-file error, and part of the message.
    errors: Vec<(Option<(usize, usize)>, String)>,
}

fn expectation(file: &str) -> Expectation {
    let bytes = std::fs::read(root().join(file)).unwrap();
    // The header is ASCII/UTF-8 even in the binary file; read up to the first bad byte.
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.to_string(),
        Err(e) => String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
    };
    let mut exit = None;
    let mut errors = Vec::new();
    let mut defect = false;
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        defect |= line.starts_with("# Defect: ");
        if let Some(v) = line.strip_prefix("# expect-exit: ") {
            exit = Some(v.trim().parse().expect("expect-exit: a number"));
        }
        if let Some(v) = line.strip_prefix("# expect-error: ") {
            let (at, msg) = v.split_once(' ').expect("expect-error: LINE:COL message");
            let pos = (at != "-").then(|| {
                let (l, c) = at.split_once(':').expect("LINE:COL");
                (l.parse().unwrap(), c.parse().unwrap())
            });
            errors.push((pos, msg.to_string()));
        }
    }
    assert!(
        defect,
        "{file}: no `# Defect:` comment saying what is wrong"
    );
    assert!(!errors.is_empty(), "{file}: no `# expect-error:` line");
    Expectation {
        exit: exit.unwrap_or_else(|| panic!("{file}: no `# expect-exit:` line")),
        errors,
    }
}

#[test]
fn there_are_malformed_files_for_each_defect() {
    let files = toml_files("tests/malformed");
    assert!(files.len() >= 12, "{files:?}");
    for name in [
        "syntax-error",
        "number-as-text",
        "unknown-rule-kind",
        "unknown-rule-parameter",
        "unknown-indicator-key",
        "children-weights",
        "level1-total",
        "missing-parent",
        "parent-cycle",
        "score-above-weight",
        "negative-deduction",
        "na-without-reason",
        "zero-denominator",
        "deductions-exceed-weight",
        "binary",
        "empty",
        "gbk",
        "time-of-day",
        "impossible-date",
        "datetime-target",
        "all-not-applicable",
        "wrong-value-types",
    ] {
        let file = format!("tests/malformed/{name}.toml");
        assert!(files.contains(&file), "missing {file}");
    }
}

#[test]
fn check_points_at_each_malformed_files_defect() {
    let mut failures = Vec::new();
    for file in toml_files("tests/malformed") {
        let want = expectation(&file);
        let run = jixiao(&["check", &file]);
        if run.code != want.exit {
            failures.push(format!(
                "jixiao check {file}: exit {} (expected {})",
                run.code, want.exit
            ));
        }
        let lines = check_lines(&file, &run);
        for (pos, msg) in &want.errors {
            let found = lines
                .iter()
                .any(|l| l.error && l.pos == *pos && l.message.contains(msg.as_str()));
            if !found {
                let at = pos.map_or("-".into(), |(l, c)| format!("{l}:{c}"));
                failures.push(format!(
                    "jixiao check {file}: no error at {at} containing {msg:?}; it printed:\n{}",
                    run.stdout
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn score_and_explain_refuse_malformed_files_with_located_errors() {
    let mut failures = Vec::new();
    for file in toml_files("tests/malformed") {
        let want = expectation(&file);
        for args in [
            vec!["score", file.as_str()],
            vec!["score", "--json", file.as_str()],
            vec!["explain", file.as_str()],
            vec!["explain", file.as_str(), "A1"],
        ] {
            let run = jixiao(&args);
            if run.code == 0 {
                failures.push(format!("jixiao {}: exit 0", args.join(" ")));
                continue;
            }
            if !run.stdout.trim().is_empty() {
                failures.push(format!(
                    "jixiao {}: printed a result for a broken file:\n{}",
                    args.join(" "),
                    run.stdout
                ));
            }
            for (pos, msg) in &want.errors {
                let found = run.stderr.lines().any(|l| {
                    parse_diag(&file, l).is_some_and(|d| {
                        d.error && d.pos == *pos && d.message.contains(msg.as_str())
                    })
                });
                if !found {
                    failures.push(format!(
                        "jixiao {}: no located error containing {msg:?}:\n{}",
                        args.join(" "),
                        run.stderr
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ─── explain ──────────────────────────────────────────────────────────────────

#[test]
fn explain_lists_every_leaf_that_lost_points() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["explain", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "测试项目 — 扣分点说明（3 项指标失分）");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "A2 绩效指标明确性（4 分，得 2.67 分，扣 1.33 分）：部分绩效指标设置不合理"
        )),
        "{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("A1 资金到位率（3 分，得 1.00 分，扣 2.00 分）")),
        "{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("A3 完成率（3 分，得 2.00 分，扣 1.00 分）")),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_one_indicator_in_full() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["explain", &path, "A1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("A1 资金到位率（分值 3）\n"), "{out}");
    for text in [
        "资金到位率 = 实际到位资金 ÷ 预算资金 = 1040 ÷ 1580 = 65.82%",
        "给定得分 1.00 分（按评分规则计算为 1.97 分）",
        "\n  得 1.00 分（满分 3 分），扣 2.00 分，得分率 33.33%",
    ] {
        assert!(out.contains(text), "missing {text:?} in:\n{out}");
    }
    // The awarded score is not the rule's, so it is not introduced as 按评分标准.
    assert!(!out.contains("按评分标准得"), "{out}");
    let run = jixiao(&["explain", &path, "A2"]);
    assert!(run.stdout.contains("扣 1.33 分：部分绩效指标设置不合理"));
    assert!(
        run.stdout
            .contains("评价说明：……根据评分标准，该指标得2.67分")
    );
    // A parent explains itself by its children.
    let run = jixiao(&["explain", &path, "A"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("A2 绩效指标明确性：2.67 / 4 分，得分率 66.75%"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("A 决策 合计 5.67 分（满分 10 分）"),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_an_unknown_code_is_an_error() {
    let (_dir, path) = temp_file("known.toml", KNOWN);
    let run = jixiao(&["explain", &path, "Z9"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no indicator `Z9`"), "{}", run.stderr);
}

#[test]
fn explain_every_node_of_every_sample() {
    for file in samples() {
        let run = jixiao(&["explain", &file]);
        assert_eq!(run.code, 0, "jixiao explain {file}:\n{}", run.stderr);
        assert!(
            run.stdout
                .lines()
                .next()
                .is_some_and(|l| l.contains("扣分点说明")),
            "{file}:\n{}",
            run.stdout
        );
        let json = jixiao(&["score", "--json", &file]).json();
        for n in json["nodes"].as_array().unwrap() {
            let code = n["code"].as_str().unwrap();
            let run = jixiao(&["explain", &file, code]);
            assert_eq!(run.code, 0, "jixiao explain {file} {code}:\n{}", run.stderr);
            assert!(
                run.stdout.starts_with(&format!("{code} ")),
                "jixiao explain {file} {code}:\n{}",
                run.stdout
            );
        }
    }
}

// ─── new, frameworks ──────────────────────────────────────────────────────────

#[test]
fn frameworks_lists_mof_program() {
    let run = jixiao(&["frameworks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some("mof-program"))
        .unwrap_or_else(|| panic!("no mof-program in:\n{}", run.stdout));
    assert!(line.contains("项目支出绩效评价指标体系框架"), "{line}");
    assert!(line.contains("built-in"), "{line}");
}

#[test]
fn new_writes_a_project_from_mof_program_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("某项目.toml");
    let p = path.to_string_lossy().into_owned();

    let run = jixiao(&["new", "--framework", "mof-program", &p]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("mof-program"), "{}", run.stdout);
    let written = std::fs::read_to_string(&path).expect("the project was written");

    // The new project is valid and carries the framework's tree.
    let check = jixiao(&["check", &p]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let json = jixiao(&["score", "--json", &p]).json();
    assert_eq!(json["framework"], "mof-program");
    assert_eq!(json["project"], "某项目", "named after the file");
    assert_eq!(json["max"], "100");
    assert_eq!(json["scored_leaves"], 0);
    assert!(json["leaves"].as_u64().unwrap() > 0);

    // A second `new` on the same path refuses and leaves the file alone.
    let again = jixiao(&["new", "--framework", "mof-program", "--name", "别的", &p]);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn new_takes_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml").to_string_lossy().into_owned();
    let run = jixiao(&[
        "new",
        "-f",
        "mof-program",
        "--name",
        "荣成市职工免费查体项目",
        &p,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = jixiao(&["score", "--json", &p]).json();
    assert_eq!(json["project"], "荣成市职工免费查体项目");
}

#[test]
fn new_with_an_unknown_framework_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let run = jixiao(&[
        "new",
        "--framework",
        "no-such-framework",
        &path.to_string_lossy(),
    ]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no-such-framework"), "{}", run.stderr);
    assert!(
        run.stderr.contains("mof-program"),
        "lists what exists: {}",
        run.stderr
    );
    assert!(!Path::new(&path).exists());
}

/// Each sample reproduces its published report, whose own mistakes `check` points out: a
/// printed subtotal its leaves do not give, an awarded score or a stated rate the rule or the
/// inputs do not give. This is the exact list, sample by sample, so a new discrepancy (or one
/// that quietly stops being found) fails here instead of hiding among the tolerated warnings.
#[test]
fn each_sample_has_exactly_its_reports_known_discrepancies() {
    let expected: &[(&str, &[&str])] = &[
        ("samples/basic-public-health.toml", &[]),
        (
            "samples/rongcheng-12349.toml",
            &[
                "343:10: warning: C 产出: the report prints 23.88 but the sum of its leaves gives 22.38",
                "405:9: warning: C103 “12349”平台服务使用频率: awarded 2.32 but its rule gives 2.33",
                "553:10: warning: D1 社会效益: the report prints 10.05 but the sum of its leaves gives 8.18",
            ],
        ),
        (
            "samples/rongcheng-checkup.toml",
            &["204:9: warning: B101 资金到位率: awarded 1.00 but its rule gives 1.97"],
        ),
        (
            "samples/rongcheng-elderly-signing.toml",
            &[
                "276:15: warning: B102: the report states a rate of 49.37% but the inputs give 49.42%",
                "844:10: warning: D301 老年人满意度: the report prints 4 but its rule gives 4.50",
            ],
        ),
        (
            "samples/rongcheng-home-care.toml",
            &[
                "220:9: warning: B101 资金到位率: awarded 1.00 but its rule gives 1.15",
                "430:9: warning: C102 服务时长完成率: awarded 6.25 but its rule gives 7.60",
                "432:15: warning: C102: the report states a rate of 78% but the inputs give 95.00%",
            ],
        ),
        (
            "samples/rongcheng-outsourcing-park.toml",
            &[
                "297:9: warning: B101 资金到位率: awarded 2.55 but its rule gives 2.53",
                "298:15: warning: B101: the report states a rate of 85% but the inputs give 84.29%",
                "604:9: warning: C202 高端人才培养就业转化率: awarded 0.70 but its rule gives 0.71",
                "632:9: warning: C203 产业园区运营公司责任知晓度: awarded 0.89 but its rule gives 0.93",
                "683:9: warning: C205 餐厅营收达标率: awarded 0.50 but its rule gives 0.42",
                "976:9: warning: D403 员工对办公及住宿环境满意度: awarded 2.39 but its rule gives 2.28",
                "1000:9: warning: D404 员工对餐厅满意度: awarded 1.85 but its rule gives 1.84",
            ],
        ),
    ];
    let files: Vec<&str> = expected.iter().map(|(f, _)| *f).collect();
    assert_eq!(files, samples(), "every sample is listed, in order");
    for (file, known) in expected {
        let run = jixiao(&["check", file]);
        assert_eq!(run.code, 0, "{file}:\n{}", run.stdout);
        let found: Vec<String> = check_lines(file, &run)
            .into_iter()
            .map(|d| {
                let (l, c) = d.pos.expect("every sample discrepancy has a position");
                let kind = if d.error { "error" } else { "warning" };
                format!("{l}:{c}: {kind}: {}", d.message)
            })
            .collect();
        assert_eq!(found, *known, "{file}");
        let summary = format!("{file}: 0 error(s), {} warning(s)", known.len());
        assert_eq!(run.stdout.lines().last(), Some(summary.as_str()));
    }
}

/// Issue 11 items 4 and 5: a leaf whose rule still lacks an input is 未完成, not an error of
/// the file; every command keeps working and calls the total provisional.
#[test]
fn a_half_entered_leaf_keeps_every_command_working() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let p = p.to_str().unwrap();
    assert_eq!(jixiao(&["new", "-f", "mof-program", p]).code, 0);
    // A new project has no grade: its 0.00 is not 差.
    let fresh = jixiao(&["score", p]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    assert!(
        fresh.stdout.contains("暂计") && fresh.stdout.contains("评价等级：-"),
        "{}",
        fresh.stdout
    );
    // 实际到位资金 today, 预算资金 tomorrow.
    let set = jixiao(&["set", p, "B101", "input.实际到位资金=1040", "--lang", "zh"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert!(
        set.stdout.contains("B101 未完成：尚未记录 预算资金"),
        "{}",
        set.stdout
    );
    let a301 = jixiao(&["set", p, "A301", "score=3"]);
    assert_eq!(a301.code, 0, "{}", a301.stderr);
    for args in [
        vec!["score", p],
        vec!["explain", p],
        vec!["explain", p, "B101"],
        vec!["summary", p],
        vec!["check", p],
    ] {
        let run = jixiao(&args);
        assert_eq!(
            run.code, 0,
            "jixiao {args:?}:\n{}{}",
            run.stdout, run.stderr
        );
    }
    let score = jixiao(&["score", p]).stdout;
    assert!(score.contains("暂计"), "{score}");
    assert!(score.contains("评分进度：1/17 项已评"), "{score}");
    // Level-1 rates over what has been scored, beside the rates over the full weight.
    assert!(score.contains("已评部分得分率："), "{score}");
    assert!(
        jixiao(&["explain", p, "B101"])
            .stdout
            .contains("未完成：尚未记录“预算资金”")
    );
    let check = jixiao(&["check", p]);
    assert!(
        check
            .stdout
            .contains("B101 资金到位率: incomplete (未完成): `预算资金` not recorded yet")
            || check
                .stderr
                .contains("B101 资金到位率: incomplete (未完成): `预算资金` not recorded yet"),
        "{}{}",
        check.stdout,
        check.stderr
    );
    assert!(jixiao(&["summary", p]).stdout.contains("1/17"));
    let v = jixiao(&["score", "--json", p]).json();
    assert_eq!(v["provisional"], true);
    assert_eq!(node(&v, "B101")["state"], "incomplete");
    let out = dir.path().join("out.md");
    let export = jixiao(&["export", p, "-o", out.to_str().unwrap()]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert!(std::fs::read_to_string(&out).unwrap().contains("未完成"));
}

/// `score --json` says what the 加减分项 add: the base total, the bonus and penalty after their
/// caps, and each item — total = base_total + bonus − penalty.
#[test]
fn score_json_shows_the_adjustments() {
    let run = jixiao(&["score", "--json", "tests/projects/adjustments.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let j = run.json();
    let base = d(j["base_total"].as_str().expect("base_total"));
    let adj = &j["adjustments"];
    let bonus = d(adj["bonus"].as_str().unwrap());
    let penalty = d(adj["penalty"].as_str().unwrap());
    assert_eq!(d(j["total"].as_str().unwrap()), base + bonus - penalty);
    assert_eq!(base, d("96.65"));
    assert_eq!(d(adj["net"].as_str().unwrap()), d("2"));
    let items = adj["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|i| i["direction"] == "bonus" || i["direction"] == "penalty")
    );
    // A project without 加减分项 has neither key.
    let run = jixiao(&["score", "--json", "samples/rongcheng-checkup.toml"]);
    assert!(run.json().get("adjustments").is_none());
    assert!(run.json().get("base_total").is_none());
}

#[test]
fn set_checks_takes_true_false_counts_and_points_by_each_checkpoints_credit() {
    let (_dir, p) = temp_file(
        "p.toml",
        "[framework]\nid = \"t\"\nname = \"测试\"\ntotal = 4\n\n\
         [[grades]]\nname = \"优\"\nmin = 90\n[[grades]]\nname = \"差\"\nmin = 0\n\n\
         [indicators.A]\nname = \"过程\"\nweight = 4\n\n\
         [indicators.A1]\nparent = \"A\"\nname = \"制度执行有效性\"\nweight = 4\n\
         criteria = [\"①制度健全\", \"②台账完整\", \"③措施落实\"]\n\
         rule = { kind = \"checkpoints\", points = [1, { points = 2, per_item = 0.2 }, { points = 1, partial = true }] }\n",
    );
    let set = jixiao(&["set", &p, "A1", "checks=1,3,0.5"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert!(set.stdout.contains("0.00 → 2.90"), "{}", set.stdout);
    // 1 on the all-or-nothing checkpoint is written as met.
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("checks = [true, 3, 0.5]"), "{text}");
    let explain = jixiao(&["explain", &p, "A1"]);
    assert!(
        explain
            .stdout
            .contains("②台账完整 — 缺 3 项，扣 3 × 0.2 = 0.6 分，得 1.4 分"),
        "{}",
        explain.stdout
    );
    // What does not fit a checkpoint is refused with what it takes, and the file is unchanged.
    for (checks, says) in [
        ("checks=2,3,0.5", "checkpoint 1 is met or not"),
        ("checks=1,2.5,0.5", "checkpoint 2 counts shortcomings"),
        ("checks=1,3,2", "checkpoint 3 awards 0 to 1"),
    ] {
        let run = jixiao(&["set", &p, "A1", checks]);
        assert_eq!(run.code, 1, "{checks}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(says), "{checks}: {}", run.stderr);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
    }
    assert_eq!(jixiao(&["check", &p]).code, 0);
}

#[test]
fn a_parent_keeps_its_own_analysis_paragraph_and_exports_print_it_before_its_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::copy("samples/rongcheng-checkup.toml", &p).unwrap();
    let p = p.to_str().unwrap();
    let text =
        "justification=过程指标分值 25 分，得分 12 分，得分率 48%，主要扣分原因是管理制度不健全。";
    let set = jixiao(&["set", p, "B", text]);
    assert_eq!(set.code, 0, "{}{}", set.stdout, set.stderr);
    // A score on a parent is still refused: its score is the sum of its children.
    let score = jixiao(&["set", p, "B", "score=12"]);
    assert_eq!(score.code, 1, "{}", score.stdout);
    assert!(score.stderr.contains("B is a parent"), "{}", score.stderr);
    let check = jixiao(&["check", p]);
    assert!(
        !check.stdout.contains("recorded on a parent"),
        "{}",
        check.stdout
    );
    let md = String::from_utf8(
        jixiao(&["export", p, "-f", "md", "-o", "-"])
            .stdout
            .into_bytes(),
    )
    .unwrap();
    let para = md
        .find("**B 过程**：过程指标分值 25 分")
        .unwrap_or_else(|| panic!("{md}"));
    let leaf = md.find("**B101 资金到位率**").unwrap();
    assert!(
        para < leaf,
        "the parent's paragraph comes before its leaves:\n{md}"
    );
    // Nothing is appended to it: it is the evaluator's own sentence.
    assert!(
        !md[para..leaf].contains("根据评分标准"),
        "{}",
        &md[para..leaf]
    );
}
