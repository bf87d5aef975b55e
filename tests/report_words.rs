//! An English report (`[project] language = "en"`, or `--report-lang en`) prints its own words
//! in English — table headers, totals, meta labels, the outline's headings and chapter
//! summaries — in every export; the evaluator's text stays as written. (Chinese is held
//! byte-identical by the golden exports.)

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = "samples/rongcheng-12349.toml";

fn run(args: &[&str]) -> (i32, String, String) {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
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

/// The sample with `language = "en"` in its `[project]` table.
fn english_sample(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .unwrap()
        .replacen("[project]\n", "[project]\nlanguage = \"en\"\n", 1);
    let path = dir.join("p.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The report's own words that must not appear in an English report.
const CHINESE_WORDS: [&str; 12] = [
    "| 指标 |",
    "分值",
    "得分率",
    "扣分点说明",
    "合计",
    "总计",
    "主管部门",
    "一级指标",
    "绩效评价指标整体得分情况",
    "绩效评价指标分析",
    "类指标总分为",
    "附件1",
];

fn assert_no_chinese_words(what: &str, text: &str) {
    for w in CHINESE_WORDS {
        assert!(!text.contains(w), "{what} still says {w}:\n{text}");
    }
}

#[test]
fn markdown_html_and_csv_speak_english() {
    let dir = tempfile::tempdir().unwrap();
    let p = english_sample(dir.path());
    let p = p.to_str().unwrap();
    let (code, md, err) = run(&["export", "-f", "md", p]);
    assert_eq!(code, 0, "{err}");
    assert_no_chinese_words("md", &md);
    assert!(
        md.contains("| Indicator | Weight | Score | Rate |\n"),
        "{md}"
    );
    assert!(md.contains("| Total | 100 | 75.97 | 75.97% |"), "{md}");
    assert!(
        md.contains("- Department in charge: 荣成市民政局\n"),
        "{md}"
    );
    assert!(
        md.contains("## 1. Overall scores of the performance indicators"),
        "{md}"
    );
    assert!(
        md.contains("### A 决策 (weight 15, score 12.50, rate 83.33%)"),
        "{md}"
    );
    assert!(
        md.contains("| Level 1 indicator | Level 2 indicator |"),
        "{md}"
    );
    assert!(md.contains("\nDeductions:\n"), "{md}");
    // The md table's numbers stay right-aligned though the headers are English.
    assert!(md.contains("| --- | ---: | ---: | ---: |"), "{md}");

    let (code, html, err) = run(&["export", "-f", "html", p]);
    assert_eq!(code, 0, "{err}");
    // The page's own words, after the style sheet (whose comments are ours).
    let body = &html[html.find("<body>").unwrap()..];
    assert_no_chinese_words("html", body);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains(r#"content: "Page " counter(page)"#), "{html}");
    assert!(html.contains("<th>Indicator</th><th>Weight</th>"), "{html}");

    let (code, csv, err) = run(&["export", "-f", "csv", p]);
    assert_eq!(code, 0, "{err}");
    assert_no_chinese_words("csv", &csv);
    assert!(csv.contains("Level 1 indicator"), "{csv}");
}

#[test]
fn the_outline_and_the_whole_report_speak_english() {
    let dir = tempfile::tempdir().unwrap();
    let p = english_sample(dir.path());
    let p = p.to_str().unwrap();
    let out = dir.path().join("r.md");
    let (code, _, err) = run(&["export", p, "--report", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(&out).unwrap();
    assert_no_chinese_words("report", &report);
    for heading in [
        "## 1. Background",
        "## 3. Overall evaluation and conclusion",
        "## 4. Analysis of the performance indicators",
        "### 4.1 决策",
        "## Appendix 1 Score sheet",
    ] {
        assert!(report.contains(heading), "{heading}:\n{report}");
    }
    assert!(
        report.contains("The 决策 indicators weigh 15 points in all, scoring 12.50, a rate of 83.33%. Table 4-1 shows the scores."),
        "{report}"
    );
}

fn zipped(path: &Path, member: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(member)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn docx_and_xlsx_speak_english() {
    let dir = tempfile::tempdir().unwrap();
    let p = english_sample(dir.path());
    let p = p.to_str().unwrap();
    let docx = dir.path().join("r.docx");
    let (code, _, err) = run(&["export", p, "-o", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let doc = zipped(&docx, "word/document.xml");
    assert_no_chinese_words("docx", &doc);
    assert!(doc.contains("Overall scores of the performance indicators"));
    assert!(doc.contains("Level 2 indicator") && doc.contains(">Weight<"));
    let xlsx = dir.path().join("r.xlsx");
    let (code, _, err) = run(&["export", p, "-o", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let strings = zipped(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("Level 1 indicator") && strings.contains("Grand total"));
    assert!(
        strings.contains(">Rate<") && !strings.contains("得分率"),
        "{strings}"
    );
}

/// An English xlsx imports back: its headers are words `jixiao import` reads.
#[test]
fn an_english_xlsx_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let p = english_sample(dir.path());
    let xlsx = dir.path().join("r.xlsx");
    let (code, _, err) = run(&["export", p.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, toml, err) = run(&["import", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(toml.contains("[indicators.A101]"), "{toml}");
}

#[test]
fn explain_markdown_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let p = english_sample(dir.path());
    let (code, md, err) = run(&["explain", p.to_str().unwrap(), "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains(" — analysis of the indicators\n"), "{md}");
    assert!(
        md.contains("### A102 立项程序规范性 (weight 2, score 1.00, rate 50%)"),
        "{md}"
    );
    assert!(
        md.contains("\nDeductions:\n") && !md.contains("扣分点说明"),
        "{md}"
    );
}

/// 加减分项 rows in an English score sheet: the heading, each item's range and the cap's note
/// are English; the items' names and reasons stay as written.
#[test]
fn adjustment_rows_speak_english() {
    let (code, md, err) = run(&[
        "export",
        "tests/projects/adjustments.toml",
        "--format",
        "md",
        "--report-lang",
        "en",
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    let row = md
        .lines()
        .find(|l| l.contains("F1 创新管理机制加分"))
        .expect("the F1 row");
    assert!(
        row.starts_with("| Adjustments | F1 创新管理机制加分 |"),
        "{row}"
    );
    assert!(row.contains("Bonus item, at most 3 points"), "{row}");
    assert!(
        row.contains("4 points recorded, above the item's cap: counted as 3"),
        "{row}"
    );
    assert!(md.contains("Penalty item, at most 10 points"), "{md}");
    for word in ["加减分项", "单项上限", "超过单项上限"] {
        assert!(!md.contains(word), "{word} in an English report:\n{md}");
    }
    // Chinese stays as it was.
    let (_, zh, _) = run(&[
        "export",
        "tests/projects/adjustments.toml",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert!(zh.contains("| 加减分项 | F1 创新管理机制加分 |"), "{zh}");
    assert!(zh.contains("加分项，单项上限 3 分"), "{zh}");
}
