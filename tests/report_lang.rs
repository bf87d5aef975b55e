//! The report's text (explanations, 扣分点说明) is in the project's language, not the user's:
//! a Chinese report stays Chinese for an English-speaking reviewer, `[project] language = "en"`
//! writes it in English, and `--report-lang` or the config's `report_lang` override both.

use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::tui::Lang;
use jixiao::tui::testing::{keys, open, render};

const SAMPLE: &str = "samples/rongcheng-12349.toml";

/// B102 资金到位率 in the sample: 932.45 ÷ 1176, 3 points.
const ZH_TOTAL: &str = "按评分标准得 2.38 分（满分 3 分），扣 0.62 分，得分率 79.33%";
const EN_TOTAL: &str = "by the scoring standard, 2.38 of 3 points, 0.62 lost, score rate 79.33%";
const RATIO: &str = "资金到位率 = 实际到位资金 ÷ 预算资金 = 932.45 ÷ 1176 = 79.29%";

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs jixiao in `locale` with `config` as the config file's text (none when empty).
fn run(locale: &str, config: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    if !config.is_empty() {
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .env("JIXIAO_CONFIG_DIR", dir.path())
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

/// The sample with `language = …` in its `[project]` table.
fn sample_in(language: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest(SAMPLE)).unwrap();
    let text = text.replacen(
        "[project]\n",
        &format!("[project]\nlanguage = \"{language}\"\n"),
        1,
    );
    assert!(
        text.contains("language = "),
        "the sample has a [project] table"
    );
    let path = dir.path().join("p.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn an_english_reviewer_reads_a_chinese_report_in_chinese() {
    let (code, out, _) = run("en_US.UTF-8", "", &["explain", SAMPLE, "B102"]);
    assert_eq!(code, 0);
    assert!(out.contains(RATIO) && out.contains(ZH_TOTAL), "{out}");
    assert!(out.contains("B102 资金到位率（分值 3）"), "{out}");
}

#[test]
fn report_lang_writes_the_explanation_in_english() {
    let (code, out, _) = run(
        "zh_CN.UTF-8",
        "",
        &["explain", SAMPLE, "B102", "--report-lang", "en"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("B102 资金到位率 (weight 3)"), "{out}");
    assert!(out.contains("79.29% × 3 = 2.3787"), "{out}");
    assert!(out.contains(EN_TOTAL), "{out}");
    assert!(!out.contains("按评分标准"), "{out}");
    // The 扣分点说明 of every leaf, too.
    let (_, all, _) = run(
        "zh_CN.UTF-8",
        "",
        &["explain", SAMPLE, "--report-lang", "en"],
    );
    assert!(
        all.contains("deductions explained (17 indicators lost points)"),
        "{all}"
    );
    assert!(
        all.contains("B201 管理制度健全性 (4 points, 2.00 scored, 2.00 lost): 民政局"),
        "{all}"
    );
}

#[test]
fn the_project_language_sets_it_and_the_flag_overrides_it() {
    let (_dir, path) = sample_in("en");
    let p = path.to_str().unwrap();
    let (code, out, err) = run("zh_CN.UTF-8", "", &["explain", p, "B102"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(EN_TOTAL), "{out}");
    let (_, out, _) = run(
        "zh_CN.UTF-8",
        "",
        &["explain", p, "B102", "--report-lang", "zh"],
    );
    assert!(out.contains(ZH_TOTAL), "{out}");
    // The setting changes words only: the same scores, and `check` is as clean as before.
    let (_, en, _) = run("zh_CN.UTF-8", "", &["score", p]);
    let (_, zh, _) = run("zh_CN.UTF-8", "", &["score", SAMPLE]);
    assert_eq!(en, zh);
    let (code, _, err) = run("zh_CN.UTF-8", "", &["check", p, "--quiet"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn exports_follow_the_report_language() {
    let (_dir, path) = sample_in("en");
    let p = path.to_str().unwrap();
    let (code, en, err) = run("zh_CN.UTF-8", "", &["export", "-f", "csv", p]);
    assert_eq!(code, 0, "{err}");
    assert!(en.contains("−2.00 points: "), "{en}");
    let (_, zh, _) = run(
        "en_US.UTF-8",
        "",
        &["export", "-f", "csv", p, "--report-lang", "zh"],
    );
    assert!(zh.contains("扣 2.00 分："), "{zh}");
}

#[test]
fn the_config_report_lang_is_used_unless_the_flag_says_otherwise() {
    let config = "report_lang = \"en\"\n";
    let (_, out, _) = run("zh_CN.UTF-8", config, &["explain", SAMPLE, "B102"]);
    assert!(out.contains(EN_TOTAL), "{out}");
    let (_, out, _) = run(
        "zh_CN.UTF-8",
        config,
        &["explain", SAMPLE, "B102", "--report-lang", "zh"],
    );
    assert!(out.contains(ZH_TOTAL), "{out}");
}

#[test]
fn an_unknown_language_is_an_error_at_its_place() {
    let (_dir, path) = sample_in("fr");
    let p = path.to_str().unwrap();
    let (code, out, err) = run("en_US.UTF-8", "", &["check", p]);
    let err = out + &err;
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("p.toml:")
            && err.contains("unknown language \"fr\"; expected \"zh\" or \"en\""),
        "{err}"
    );
    let line = err
        .lines()
        .find(|l| l.contains("unknown language"))
        .unwrap();
    // file:line:col: the second line of [project].
    let at: Vec<&str> = line.split(':').collect();
    assert!(at.len() > 3, "{line}");
    let text = std::fs::read_to_string(&path).unwrap();
    let expected = text
        .lines()
        .position(|l| l.starts_with("language = "))
        .unwrap()
        + 1;
    assert!(line.contains(&format!(":{expected}:")), "{line}");
}

#[test]
fn the_workbench_explains_in_the_report_language_around_its_own() {
    // An English workbench on a Chinese project: English chrome, Chinese explanation.
    let mut app = open(&manifest(SAMPLE), Lang::En);
    keys(&mut app, "/B102<Enter>");
    let screen = render(&mut app, 160, 40);
    assert!(screen.contains("79.29% × 3 = 2.3787"), "{screen}");
    assert!(screen.contains("按评分标准得 2.38 分"), "{screen}");
    // A Chinese workbench on an English project: the explanation in English.
    let (_dir, path) = sample_in("en");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/B102<Enter>");
    let screen = render(&mut app, 160, 40);
    assert!(
        screen.contains("by the scoring standard, 2.38 of 3"),
        "{screen}"
    );
    // And the config's report_lang over the project's.
    app.report_lang = Some(Lang::Zh);
    let screen = render(&mut app, 160, 40);
    assert!(screen.contains("按评分标准得 2.38 分"), "{screen}");
}

#[test]
fn the_analysis_paragraph_ends_in_the_report_language() {
    let args = ["explain", SAMPLE, "--format", "md", "--all"];
    let (_, zh, _) = run("en_US.UTF-8", "", &args);
    assert!(
        zh.contains("根据评分标准，该指标得3.00分，得分率100%。"),
        "{zh}"
    );
    let (_, en, _) = run(
        "zh_CN.UTF-8",
        "",
        &[&args[..], &["--report-lang", "en"]].concat(),
    );
    assert!(
        en.contains("By the scoring standard, it scores 3.00 points, a rate of 100%."),
        "{en}"
    );
    assert!(en.contains("- −1.00 points: "), "{en}");
    assert!(!en.contains("根据评分标准，该指标得"), "{en}");
}
