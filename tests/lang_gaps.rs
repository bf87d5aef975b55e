//! Issue 12's last gaps: what the command line says about itself (help, settings, import) is
//! in the user's language, Chinese or English, with nothing of the other left over.

use std::process::Command;

const SAMPLE: &str = "samples/rongcheng-12349.toml";

/// Runs jixiao with `--lang` and no user config.
fn run(lang: &str, args: &[&str]) -> (i32, String, String) {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("JIXIAO_CONFIG_DIR", config.path())
        .arg("--lang")
        .arg(lang)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn importing_a_directory_says_it_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, _, err) = run("zh", &["import", d]);
    assert_eq!(code, 2);
    assert!(err.contains("是目录，不是文件"), "{err}");
    assert!(!err.contains("jixiao new"), "{err}");
    let (code, _, err) = run("en", &["import", d]);
    assert_eq!(code, 2);
    assert!(err.contains("is a directory, not a file"), "{err}");
    assert!(!err.contains("jixiao new") && !has_cjk(&err), "{err}");
}

#[test]
fn importing_a_missing_sheet_does_not_offer_jixiao_new() {
    let (code, _, err) = run("en", &["import", "no-such-sheet.xlsx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no-such-sheet.xlsx: error: no such file"),
        "{err}"
    );
    assert!(!err.contains("jixiao new"), "{err}");
}

/// The comments `jixiao import` writes into the TOML are in the UI language.
#[test]
fn the_imported_toml_is_commented_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("表.csv");
    std::fs::write(
        &csv,
        "一级指标,二级指标,分值,评分标准\n决策,立项依据充分性,10,依据充分得满分\n产出,数量,90,完成得满分\n",
    )
    .unwrap();
    let c = csv.to_str().unwrap();
    let (code, zh, err) = run("zh", &["import", c]);
    assert_eq!(code, 0, "{err}");
    let comments: Vec<&str> = zh.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        comments[0].contains("由 `jixiao import` 从 表.csv 导入"),
        "{zh}"
    );
    assert!(comments.iter().all(|l| !l.contains(" the ")), "{zh}");
    let (code, en, err) = run("en", &["import", c]);
    assert_eq!(code, 0, "{err}");
    assert!(
        en.contains("imported by `jixiao import` from 表.csv"),
        "{en}"
    );
    assert!(en.contains("# Grade bands: the common"), "{en}");
    // Only the comments differ: the data is the same in both.
    let data = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with('#'))
            .map(String::from)
            .collect()
    };
    assert_eq!(data(&zh), data(&en));
}

/// `jixiao settings` lists and changes the settings under their names in the user's language.
#[test]
fn settings_are_named_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::copy(SAMPLE, &p).unwrap();
    let p = p.to_str().unwrap();
    let (code, en, _) = run("en", &["settings", p]);
    assert_eq!(code, 0);
    assert!(en.contains("rounding = half_up    # rounding\n"), "{en}");
    assert!(en.contains("places = 2    # decimal places\n"), "{en}");
    assert!(en.contains("    # grade bands\n"), "{en}");
    for line in en.lines() {
        let comment = line.split("    # ").nth(1).unwrap();
        assert!(!has_cjk(comment), "{line}");
    }
    let (code, zh, _) = run("zh", &["settings", p]);
    assert_eq!(code, 0);
    assert!(zh.contains("rounding = half_up    # 舍入\n"), "{zh}");
    assert!(zh.contains("    # 评价等级\n"), "{zh}");
    let (code, out, err) = run("en", &["settings", p, "rounding=truncate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("settings: rounding truncate\n"), "{out}");
    let (code, out, err) = run("zh", &["settings", p, "rounding=half_up"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("评价设置：舍入 half_up\n"), "{out}");
}

/// `jixiao --help` under Chinese: Chinese headings with full-width colons, a Chinese usage
/// line and clap's `help` subcommand described in Chinese; English stays clap's.
#[test]
fn help_is_chinese_throughout_under_chinese() {
    let (code, out, _) = run("zh", &["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("用法：jixiao [选项] [文件] [命令]\n"), "{out}");
    for heading in ["命令：", "参数：", "选项："] {
        assert!(out.contains(&format!("\n{heading}\n")), "{heading}: {out}");
    }
    assert!(!out.contains("Print this message"), "{out}");
    assert!(out.contains("显示帮助，或某个子命令的帮助"), "{out}");
    assert!(!out.contains("OPTIONS") && !out.contains("COMMAND") && !out.contains(":\n"));
    let (code, out, _) = run("zh", &["help", "settings"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：jixiao settings [选项] <文件> [键=值]..."),
        "{out}"
    );
    let (code, out, _) = run("en", &["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Usage: jixiao [OPTIONS] [FILE] [COMMAND]"),
        "{out}"
    );
}
