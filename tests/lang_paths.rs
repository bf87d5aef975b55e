//! The paths that were English-only speak the user's language too: the loader's findings about
//! a file's TOML and keys, clap's own parse errors, import's row findings, summary's per-file
//! errors and the design edits' refusals. Each is run under a Chinese and an English locale.

use std::path::Path;
use std::process::Command;

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

/// Words only an English sentence has (paths, keys and the TOML parser's detail aside).
const ENGLISH: &[&str] = &[
    "error", "warning", " the ", "expected", " is ", " not ", " must ", "found", "unknown",
    "cannot", "invalid", "usage", "Usage",
];

/// Every line reads as Chinese: it has Chinese words and none of the English sentence words
/// (outside a quoted detail of the TOML parser, which `strip` removes first).
fn assert_chinese(out: &str, strip: &[&str]) {
    assert!(!out.trim().is_empty());
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        let mut l = line.to_string();
        for s in strip {
            l = l.replace(s, "");
        }
        assert!(has_cjk(&l), "not Chinese: {line}\n{out}");
        for w in ENGLISH {
            assert!(!l.contains(w), "English `{w}` in: {line}\n{out}");
        }
    }
}

/// Every line reads as English: no Chinese words besides the ones in `keep` (names from the
/// file).
fn assert_english(out: &str, keep: &[&str]) {
    assert!(!out.trim().is_empty());
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        let mut l = line.to_string();
        for k in keep {
            l = l.replace(k, "");
        }
        assert!(!has_cjk(&l), "Chinese in: {line}\n{out}");
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const NOT_TOML: &str = "[framework\nid = \"x\"\n";

const BAD_KEYS: &str = "[framework]\nid = \"x\"\nname = \"n\"\ntotal = \"abc\"\nfoo = 1\n\
[[grades]]\nname = \"优\"\nmin = 0\n[indicators.A]\nname = 3\nweight = 10\n";

#[test]
fn a_file_that_is_not_toml_is_said_in_the_language_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "bad.toml", NOT_TOML);
    let (code, out, err) = run("zh_CN.UTF-8", &["check", &f]);
    assert_eq!(code, 2, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(
        all.contains(&format!("{f}:1:11: 错误：不是有效的 TOML（")),
        "{all}"
    );
    assert_chinese(&all, &[&f, "unclosed table, expected `]`"]);

    let (code, out, err) = run("en_US.UTF-8", &["check", &f]);
    assert_eq!(code, 2);
    let all = format!("{out}{err}");
    assert!(
        all.contains(&format!("{f}:1:11: error: invalid TOML: unclosed table")),
        "{all}"
    );
    assert_english(&all, &[]);
}

#[test]
fn keys_and_values_of_the_wrong_kind_are_said_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "keys.toml", BAD_KEYS);
    let (code, out, err) = run("zh_CN.UTF-8", &["check", &f]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!(
            "{f}:4:9: 错误：`framework.total`：应为数字，如 2.67，而不是\"abc\""
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{f}:5:1: 错误：`framework` 中没有 `foo` 这一项")),
        "{out}"
    );
    assert!(
        out.contains("`indicators.A.name`：应为带引号的文本，如 name = \"…\"，而不是数字 3"),
        "{out}"
    );
    // Keys of the file are quoted as written; the words around them are Chinese.
    assert_chinese(
        &out,
        &[
            &f,
            "id, name, version, basis, total, rounding, places, na_policy, rate_places",
        ],
    );

    let (code, out, _) = run("en_US.UTF-8", &["check", &f]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{f}:4:9: error: `framework.total`: expected a number such as 2.67, found \"abc\""
        )),
        "{out}"
    );
    assert!(out.contains("found the number 3"), "{out}");
    assert_english(&out, &["优"]);
}

#[test]
fn command_line_mistakes_are_said_in_the_language_with_exit_code_2() {
    let cases: &[&[&str]] = &[
        &["check", "--bogus", "x.toml"],
        &["check"],
        &["export", "--format", "pdf", "samples/rongcheng-12349.toml"],
        &["score", "--lang"],
        &["frameworks", "--json", "--json"],
        &["set", "samples/rongcheng-12349.toml"],
    ];
    for args in cases {
        let (code, out, err) = run("zh_CN.UTF-8", args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        assert!(
            err.contains("更多信息请加 '--help' 查看。"),
            "{args:?}: {err}"
        );
        // The usage line and the option names are the command's own.
        // Lines that list the missing arguments name them as the usage does (`  <FILES>...`).
        let said: Vec<&str> = err.lines().filter(|l| !l.starts_with("  <")).collect();
        assert_chinese(&said.join("\n"), &[]);

        let (code, _, err) = run("en_US.UTF-8", args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains("For more information, try '--help'."), "{err}");
        assert_english(&err, &[]);
    }
    let (_, _, err) = run("zh_CN.UTF-8", &["check", "--bogus", "x.toml"]);
    assert!(err.contains("错误：无法识别的参数 '--bogus'"), "{err}");
    assert!(err.contains("用法：jixiao check"), "{err}");
    let (_, _, err) = run("zh_CN.UTF-8", cases[2]);
    assert!(err.contains("'--format <FORMAT>' 不能取值 'pdf'"), "{err}");
    assert!(
        err.contains("[可选值：md, csv, html, xlsx, json, docx]"),
        "{err}"
    );
    // `--lang` over the locale, as everywhere.
    let (code, _, err) = run("zh_CN.UTF-8", &["--lang", "en", "check", "--bogus", "x"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: unexpected argument '--bogus' found"),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["check", "--bogus", "x", "--lang=zh"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误：无法识别的参数 '--bogus'"), "{err}");
}

const BAD_TABLE: &str =
    "一级指标,二级指标,分值\n决策,,20\n,目标,10\n,依据,abc\n过程,,80\n,管理,70\n";
const TABLE_WITH_BONUS: &str =
    "一级指标,二级指标,分值\n决策,,20\n,目标,10\n,依据,10\n过程,,80\n,管理,80\n加分项,,\n";

#[test]
fn imports_row_findings_are_said_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.csv", BAD_TABLE);
    let (code, _, err) = run("zh_CN.UTF-8", &["import", &bad]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("{bad}:4: 错误：单元格 C4 的分值“abc”不是数字")),
        "{err}"
    );
    assert!(
        err.contains("“过程”分值为 80，但其 1 个下级指标合计为 70（第 6 行）"),
        "{err}"
    );
    assert_chinese(&err, &[&bad]);
    let (code, _, err) = run("en_US.UTF-8", &["import", &bad]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{bad}:4: error: 分值 `abc` in cell C4 is not a number"
        )),
        "{err}"
    );
    // The table's own column names and indicators stay as written.
    assert_english(&err, &["分值", "过程", "依据", "二级指标"]);

    let warn = write(dir.path(), "warn.csv", TABLE_WITH_BONUS);
    let out = dir.path().join("out.toml");
    let out = out.to_str().unwrap();
    let (code, stdout, err) = run("zh_CN.UTF-8", &["import", &warn, "-o", out]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("警告：“加分项”各行不导入；请在 [adjustments] 中手工填写"),
        "{err}"
    );
    assert!(
        stdout.starts_with("已导入 2 个一级指标、3 个二级指标（总分 100），来自"),
        "{stdout}"
    );
    assert_chinese(&format!("{stdout}{err}"), &[&warn, out]);
    let (code, stdout, err) = run("en_US.UTF-8", &["import", &warn, "-o", out, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.starts_with("imported 2 一级指标, 3 二级指标 (total 100) from"),
        "{stdout}"
    );
    assert_english(
        &format!("{stdout}{err}"),
        &["加分项", "一级指标", "二级指标"],
    );
}

#[test]
fn an_import_that_finds_no_table_or_a_bad_column_says_so_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "plain.csv", "a,b\n1,2\n");
    let (code, _, err) = run("zh_CN.UTF-8", &["import", &f]);
    assert_eq!(code, 1);
    assert!(
        err.contains("错误：没有找到指标表：应有含 一级指标 和 分值 的表头行"),
        "{err}"
    );
    assert!(err.contains("（第一行为：a | b）"), "{err}");
    let (_, _, err) = run("en_US.UTF-8", &["import", &f]);
    assert!(err.contains("error: no indicator table found"), "{err}");
    assert!(err.contains("(the first row reads: a | b)"), "{err}");

    let (code, _, err) = run("zh_CN.UTF-8", &["import", "--col", "foo=bar", &f]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("错误：--col `foo=bar`：没有字段“foo”"),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["import", "--col", "foo=bar", &f]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --col `foo=bar`: unknown field `foo`"),
        "{err}"
    );
}

#[test]
fn summarys_per_file_errors_are_said_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-12349.toml"),
        dir.path().join("good.toml"),
    )
    .unwrap();
    let bad = write(dir.path(), "bad.toml", NOT_TOML);
    let keys = write(dir.path(), "keys.toml", BAD_KEYS);
    let d = dir.path().to_str().unwrap();
    let (code, _, err) = run("zh_CN.UTF-8", &["summary", d]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("{bad}:1:11: 错误：不是有效的 TOML（")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{keys}:5:1: 错误：`framework` 中没有 `foo` 这一项"
        )),
        "{err}"
    );
    assert!(err.contains("2 个文件无法汇总；列出了 1 个项目"), "{err}");
    assert_chinese(
        &err,
        &[
            &bad,
            &keys,
            "unclosed table, expected `]`",
            "id, name, version, basis, total, rounding, places, na_policy, rate_places",
        ],
    );
    let (code, _, err) = run("en_US.UTF-8", &["summary", d]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("{bad}:1:11: error: invalid TOML")),
        "{err}"
    );
    assert_english(&err, &[]);

    let (code, _, err) = run("zh_CN.UTF-8", &["summary", d, "--sort", "colour"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("错误：无法按“colour”排序；可用：name, total"),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["summary", d, "--sort", "colour"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: cannot sort by `colour`; expected one of: name, total"),
        "{err}"
    );
}

#[test]
fn design_and_settings_refusals_are_said_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-12349.toml"),
        &p,
    )
    .unwrap();
    let p = p.to_str().unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["settings", p, "colour=red"],
            "评价设置：没有设置项“colour”",
            "settings: unknown setting `colour`",
        ),
        (
            &["settings", p, "rounding=up"],
            "评价设置：舍入方式为 half_up（四舍五入）或 truncate（截位），而不是“up”",
            "settings: rounding is half_up",
        ),
        (
            &[
                "indicator",
                "add",
                p,
                "--parent",
                "Z9",
                "--name",
                "x",
                "--weight",
                "1",
            ],
            "没有指标 `Z9`，无法在其下新增",
            "no indicator `Z9` to add under",
        ),
        (
            &["indicator", "rename", p, "A1"],
            "请给出新名称，或用 --code 新代码 修改代码",
            "give the new name, or --code NEW for a new code",
        ),
        (
            &["indicator", "move", p, "A1"],
            "请指明移到哪里",
            "say where to: --parent CODE",
        ),
        (
            &["set", p, "A101", "checks=abc"],
            "checks 应为以逗号分隔的 是/否",
            "checks are true/false (or 1/0)",
        ),
    ];
    let before = std::fs::read_to_string(p).unwrap();
    for (args, zh, en) in cases {
        let (code, _, err) = run("zh_CN.UTF-8", args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(zh), "{args:?}: {err}");
        assert_chinese(&err, &[p, "half_up", "truncate", "true/false"]);
        let (code, _, err) = run("en_US.UTF-8", args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(en), "{args:?}: {err}");
        assert_english(&err, &["四舍五入", "截位"]);
    }
    // Nothing refused was written.
    assert_eq!(std::fs::read_to_string(p).unwrap(), before);
}

#[test]
fn new_and_framework_save_say_their_refusals_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.toml");
    let out = out.to_str().unwrap();
    let (code, _, err) = run("zh_CN.UTF-8", &["new", "--framework", "no-such", out]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("错误：没有编号为“no-such”的指标框架；可用："),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["new", "--framework", "no-such", out]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: no framework with id \"no-such\"; available:"),
        "{err}"
    );
    assert_english(&err, &[]);

    let sample = "samples/rongcheng-12349.toml";
    let bad = dir.path().join("fw.txt");
    let bad = bad.to_str().unwrap();
    let (code, _, err) = run("zh_CN.UTF-8", &["framework", "save", sample, "-o", bad]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("错误：指标框架是 .toml 文件；应为 -o frameworks/名称.toml"),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["framework", "save", sample, "-o", bad]);
    assert_eq!(code, 2);
    assert!(err.contains("error: a framework is a .toml file"), "{err}");

    let (code, _, err) = run("zh_CN.UTF-8", &["man", "-o", bad]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("错误：") && err.contains("不是目录"),
        "{err}"
    );
}

#[test]
fn standard_input_where_a_file_is_written_back_is_refused_in_the_language() {
    let (code, _, err) = run("zh_CN.UTF-8", &["set", "-", "A101", "score=1"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("错误：`jixiao set` 把修改存回所读的文件，因此需要文件而不是 `-`"),
        "{err}"
    );
    let (code, _, err) = run("en_US.UTF-8", &["set", "-", "A101", "score=1"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: `jixiao set` saves its change into the file it reads"),
        "{err}"
    );
    assert_english(&err, &[]);
}

#[test]
fn the_design_commands_report_in_the_language() {
    for (locale, added, sums) in [
        (
            "zh_CN.UTF-8",
            "新增 C102 培训完成率（分值 2，上级 C1 产出数量）",
            "注意：C1 产出数量 分值 10，下级指标合计 12（相差 +2）",
        ),
        (
            "en_US.UTF-8",
            "added C102 培训完成率 (weight 2, under C1 产出数量)",
            "note: C1 产出数量 weighs 10, its children add up to 12 (+2)",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.toml");
        let p = p.to_str().unwrap();
        let (code, _, err) = run(locale, &["new", "--framework", "mof-program", p]);
        assert_eq!(code, 0, "{err}");
        let (code, out, err) = run(
            locale,
            &[
                "indicator",
                "add",
                p,
                "--parent",
                "C1",
                "--name",
                "培训完成率",
                "--weight",
                "2",
            ],
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(added), "{out}");
        assert!(out.contains(sums), "{out}");
        let names = ["培训完成率", "产出数量"];
        if locale.starts_with("zh") {
            assert_chinese(&out, &[]);
        } else {
            assert_english(&out, &names);
        }
    }
}
