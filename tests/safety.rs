//! The promises of docs/safety.md, each shown by running the real binary.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use jixiao::store::lock;
use jixiao::store::parse_project;

fn jixiao() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    c.env("LC_ALL", "en_US.UTF-8");
    c.env(
        "JIXIAO_DATA_DIR",
        std::env::temp_dir().join("jixiao-safety-tests"),
    );
    c
}

fn sample(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("checkup.toml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/rongcheng-checkup.toml"
        ),
        &path,
    )
    .unwrap();
    path
}

fn set_justification(file: &Path, text_file: &Path) -> Command {
    let mut c = jixiao();
    c.args(["set", "--force"])
        .arg(file)
        .arg("A101")
        .arg(format!("justification=@{}", text_file.display()));
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// A process killed at any moment while saving leaves the old file or the new one, never a mix.
#[test]
fn sigkill_during_save_leaves_old_or_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    // Long justifications make each save write ~400 KB, widening the window to be killed in.
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "甲".repeat(60_000)).unwrap();
    std::fs::write(&b, "乙".repeat(70_000)).unwrap();
    assert!(set_justification(&file, &a).status().unwrap().success());
    let version_a = std::fs::read(&file).unwrap();
    assert!(set_justification(&file, &b).status().unwrap().success());
    let version_b = std::fs::read(&file).unwrap();
    assert_ne!(version_a, version_b);

    let mut killed_mid_run = 0;
    for round in 0..40u64 {
        let text = if round % 2 == 0 { &a } else { &b };
        let mut child = set_justification(&file, text).spawn().unwrap();
        // Spread the kill over the run: 0–19 ms after start.
        std::thread::sleep(Duration::from_micros((round * 7_919) % 20_000));
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&file).unwrap();
        assert!(
            now == version_a || now == version_b,
            "round {round}: the file is neither the old nor the new version"
        );
        let text = String::from_utf8(now).unwrap();
        assert!(!parse_project(&text).unwrap().has_errors());
    }
    assert!(
        killed_mid_run > 0,
        "no run was killed before it finished; the test proved nothing"
    );
}

/// A project open in a workbench does not block a colleague's scripted edit: the edit is saved
/// (under the file's save lock) and the session's presence is left alone.
#[test]
fn a_scripted_edit_goes_through_while_a_workbench_has_the_file_open() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    // This test process announces itself, as an open workbench would.
    let opened = lock::open(&file);
    let guard = opened.guard.expect("presence file written");
    let out = jixiao()
        .args(["deduct"])
        .arg(&file)
        .args(["A202", "0.5", "档案管理不规范"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2.67 → 2.17") && stdout.contains("64.72 → 64.22"),
        "{stdout}"
    );
    assert!(guard.path().exists(), "the session's presence file stays");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("档案管理不规范")
    );
    drop(guard);
    assert!(!lock::lock_path(&file).exists());
}

/// A hand-formatted project keeps its comments and layout: one score changes one line.
#[test]
fn a_scripted_edit_of_a_hand_formatted_file_changes_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hand.toml");
    let hand = "# 评价组手工整理 — 请保留注释\n[framework]\nid = \"x\"\ntotal   = 10\n\n[[grades]]\nname = \"优\"\nmin = 9\n\n# 决策类\n[indicators.A]\nname = \"决策\"\nweight = 10\n\n[indicators.A101]\nparent = \"A\"\nname = \"立项依据充分性\"\nweight = 10\nrule   = { kind = \"judgement\" }\nscore  = 8.50   # 酌情\nstatus = \"已评\"\n";
    std::fs::write(&file, hand).unwrap();
    let out = jixiao()
        .arg("set")
        .arg(&file)
        .args(["A101", "score=9"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read_to_string(&file).unwrap();
    let changed: Vec<(&str, &str)> = hand
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        vec![("score  = 8.50   # 酌情", "score  = 9   # 酌情")]
    );
    assert_eq!(hand.lines().count(), after.lines().count());
}

/// `na=` with an empty value is not a refusal but "clear 不适用": marking a leaf and clearing it
/// again gives back the file byte for byte, and the score the leaf had.
#[test]
fn an_empty_na_clears_not_applicable() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let before = std::fs::read(&file).unwrap();
    let set = |value: &str| {
        let out = jixiao()
            .args(["set"])
            .arg(&file)
            .args(["A202", value])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{value}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // On a leaf that is not 不适用, clearing changes nothing at all.
    set("na=");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let marked = set("na=本项目无此环节");
    assert!(marked.contains("2.67 → 0.00"), "{marked}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("na = \"本项目无此环节\""), "{text}");
    let cleared = set("na=");
    assert!(cleared.contains("0.00 → 2.67"), "{cleared}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// Invalid scripted edits are refused with what is allowed, and the file is untouched.
#[test]
fn invalid_scripted_edits_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let before = std::fs::read(&file).unwrap();
    for (args, expect) in [
        (vec!["set", "A202", "score=9"], "expected 0 to 4"),
        (vec!["set", "A202", "score=abc"], "must be a number"),
        (vec!["deduct", "A202", "-1", "x"], "cannot be negative"),
        (vec!["set", "A", "score=1"], "is a parent"),
        (vec!["set", "ZZZ", "score=1"], "no indicator"),
    ] {
        let (cmd, rest) = args.split_first().unwrap();
        let out = jixiao().arg(cmd).arg(&file).args(rest).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}
