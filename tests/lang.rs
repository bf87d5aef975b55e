//! The command line speaks the user's language: Chinese by the locale (also C/POSIX), English
//! when the locale names English, `--lang` (before or after the subcommand) over both.

use std::process::Command;

const SAMPLE: &str = "samples/rongcheng-12349.toml";

/// Runs jixiao with only `locale` as LANG (no LC_ALL / LC_MESSAGES, no user config).
fn run(locale: &str, args: &[&str]) -> (i32, String, String) {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .env("JIXIAO_CONFIG_DIR", config.path())
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

/// Every line is in Chinese: its words (outside the indicator names) are Chinese.
fn assert_chinese(out: &str) {
    assert!(!out.trim().is_empty());
    for line in out.lines() {
        assert!(
            !line.contains("warning") && !line.contains("error") && !line.contains(" the "),
            "English in: {line}"
        );
        assert!(has_cjk(line), "{line}");
    }
}

fn assert_english(out: &str) {
    assert!(!out.trim().is_empty());
    for line in out.lines() {
        assert!(
            !line.contains("警告") && !line.contains("错误") && !line.contains("报告列示"),
            "Chinese in: {line}"
        );
        assert!(line.contains("warning") || line.contains("error"), "{line}");
    }
}

#[test]
fn check_in_chinese_under_a_chinese_locale() {
    let (code, out, _) = run("zh_CN.UTF-8", &["check", SAMPLE]);
    assert_eq!(code, 0);
    assert!(
        out.contains("samples/rongcheng-12349.toml:343:10: 警告：C 产出：报告列示 23.88，按下级指标合计为 22.38"),
        "{out}"
    );
    assert!(out.contains("0 个错误，3 个警告"), "{out}");
    assert_chinese(&out);
}

#[test]
fn check_in_english_under_an_english_locale() {
    let (code, out, _) = run("en_US.UTF-8", &["check", SAMPLE]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "warning: C 产出: the report prints 23.88 but the sum of its leaves gives 22.38"
        ),
        "{out}"
    );
    assert!(out.contains("0 error(s), 3 warning(s)"), "{out}");
    assert_english(&out);
}

#[test]
fn c_and_posix_locales_are_chinese() {
    for locale in ["C.UTF-8", "C", "POSIX", ""] {
        let (_, out, _) = run(locale, &["check", SAMPLE]);
        assert_chinese(&out);
    }
}

#[test]
fn lang_overrides_the_locale_before_or_after_the_subcommand() {
    let (_, out, _) = run("zh_CN.UTF-8", &["--lang", "en", "check", SAMPLE]);
    assert_english(&out);
    let (_, out, _) = run("zh_CN.UTF-8", &["check", SAMPLE, "--lang", "en"]);
    assert_english(&out);
    let (_, out, _) = run("en_US.UTF-8", &["--lang", "zh", "check", SAMPLE]);
    assert_chinese(&out);
    let (_, out, _) = run("en_US.UTF-8", &["check", "--lang", "zh", SAMPLE]);
    assert_chinese(&out);
}

#[test]
fn the_config_lang_is_used_unless_lang_is_given() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.toml"), "lang = \"en\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "zh_CN.UTF-8")
            .env("JIXIAO_CONFIG_DIR", config.path())
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_english(&run(&["check", SAMPLE]));
    assert_chinese(&run(&["check", SAMPLE, "--lang", "zh"]));
}

/// A file with errors of several kinds: the errors that stop `score` are in the language too.
#[test]
fn errors_that_stop_a_command_are_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
    )
    .unwrap();
    // A weight the children no longer add up to.
    let broken = text.replacen("weight = 15", "weight = 16", 1);
    assert_ne!(broken, text, "the sample has a weight of 15");
    std::fs::write(&path, broken).unwrap();
    let p = path.to_str().unwrap();
    let (code, _, err) = run("zh_CN.UTF-8", &["score", p]);
    assert_eq!(code, 1);
    assert!(err.contains("错误：") && err.contains("个错误"), "{err}");
    assert_chinese(&err);
    let (code, _, err) = run("en_US.UTF-8", &["score", p]);
    assert_eq!(code, 1);
    assert!(err.contains("error: ") && err.contains("error(s)"), "{err}");
    let (code, out, _) = run("zh_CN.UTF-8", &["check", "/nonexistent/p.toml"]);
    assert_eq!(code, 2);
    assert!(out.contains("错误：无法读取"), "{out}");
}

#[test]
fn check_json_gives_each_diagnostic_with_its_place_kind_and_subject() {
    let (code, out, _) = run("zh_CN.UTF-8", &["check", "--json", SAMPLE]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0],
        serde_json::json!({
            "file": SAMPLE, "line": 343, "column": 10, "severity": "warning",
            "kind": "stated_score",
            "subject": {"type": "indicator", "code": "C", "field": "stated"},
            "message": "C 产出：报告列示 23.88，按下级指标合计为 22.38",
        })
    );
    assert_eq!(all[1]["kind"], "awarded_differs");
    assert_eq!(all[1]["subject"]["field"], "score");
    // --lang en changes only the message.
    let (_, out, _) = run("zh_CN.UTF-8", &["check", "--json", "--lang", "en", SAMPLE]);
    let en: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(en[0]["kind"], all[0]["kind"]);
    assert_eq!(
        en[0]["message"],
        "C 产出: the report prints 23.88 but the sum of its leaves gives 22.38"
    );
    // A file that cannot be read is an entry too, and the exit status says so.
    let (code, out, _) = run("en_US.UTF-8", &["check", "--json", "/nonexistent/p.toml"]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["kind"], "unreadable");
    assert_eq!(v[0]["line"], serde_json::Value::Null);
}

#[test]
fn help_is_in_the_language() {
    let (code, out, _) = run("zh_CN.UTF-8", &["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：") && out.contains("检查项目或框架"),
        "{out}"
    );
    let (_, out, _) = run("C.UTF-8", &["check", "--help"]);
    assert!(out.contains("只输出错误"), "{out}");
    let (_, out, _) = run("zh_CN.UTF-8", &["check", "--help", "--lang", "en"]);
    assert!(
        out.contains("Print only errors") && !out.contains("只输出错误"),
        "{out}"
    );
    let (_, out, _) = run("en_US.UTF-8", &["--help"]);
    assert!(out.contains("Usage:") && !out.contains("用法"), "{out}");
}

/// Each subcommand that prints its own sentences says them in the language.
#[test]
fn every_subcommand_speaks_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.toml");
    let f = file.to_str().unwrap();
    let (code, out, _) = run("zh_CN.UTF-8", &["new", "-f", "mof-program", f]);
    assert_eq!(code, 0);
    assert!(out.contains("已按指标框架 mof-program"), "{out}");
    let (code, _, err) = run("en_US.UTF-8", &["new", "-f", "mof-program", f]);
    assert_eq!(code, 1);
    assert!(err.contains("error: already exists"), "{err}");
    let (code, out, _) = run("zh_CN.UTF-8", &["set", f, "A101", "score=2"]);
    assert_eq!(code, 0);
    assert!(out.contains("满分") && out.contains("暂计"), "{out}");
    let (_, out, _) = run("en_US.UTF-8", &["set", f, "A101", "score=1"]);
    assert!(
        out.contains("points (out of") && out.contains("provisional total"),
        "{out}"
    );
    let (code, _, err) = run("zh_CN.UTF-8", &["set", f, "A101", "score=99"]);
    assert_eq!(code, 1);
    assert!(err.contains("错误：") && err.contains("超过分值"), "{err}");
    let (_, _, err) = run("en_US.UTF-8", &["set", f, "A101", "bogus"]);
    assert!(err.contains("is not key=value"), "{err}");
    let (_, _, err) = run("zh_CN.UTF-8", &["deduct", f, "A1", "0.5", "x"]);
    assert!(err.contains("上级指标"), "{err}");
    let (_, out, _) = run("zh_CN.UTF-8", &["frameworks"]);
    assert!(out.contains("个末级指标"), "{out}");
    let (_, out, _) = run("en_US.UTF-8", &["frameworks"]);
    assert!(out.contains("leaves"), "{out}");
    let (_, _, err) = run("zh_CN.UTF-8", &["explain", SAMPLE, "ZZ"]);
    assert!(err.contains("没有指标"), "{err}");
    let (_, _, err) = run("zh_CN.UTF-8", &["score", "/nonexistent.toml"]);
    assert!(err.contains("无法读取：文件不存在"), "{err}");
}

#[test]
fn export_and_summary_speak_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.xlsx");
    let o = out.to_str().unwrap();
    let (code, said, _) = run("zh_CN.UTF-8", &["export", SAMPLE, "-o", o]);
    assert_eq!(code, 0);
    assert!(said.starts_with("已写入 "), "{said}");
    let (_, said, _) = run("en_US.UTF-8", &["export", SAMPLE, "-o", o]);
    assert!(said.starts_with("wrote "), "{said}");
    let (code, _, err) = run(
        "zh_CN.UTF-8",
        &["export", SAMPLE, "--table", "score", "-f", "md"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("错误：--table 只用于"), "{err}");
    let (code, _, err) = run("zh_CN.UTF-8", &["summary", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("没有 .toml 项目文件"), "{err}");
}
