//! Text evaluators paste stays text in every export and on the terminal (issue 15, item 5):
//! spreadsheet formulas are neutralised in CSV, Markdown structure and raw HTML are escaped,
//! and control characters are shown, never sent raw to a terminal.

mod docs_support;
mod support;

use docs_support::*;
use jixiao::import::read::parse_csv;

/// rongcheng-checkup with hostile text in a level-1 name, an 指标解释, a reason and a
/// justification.
fn hostile_project() -> (tempfile::TempDir, String) {
    let src = std::fs::read_to_string(root().join("samples/rongcheng-checkup.toml")).unwrap();
    let mut changed = src.replace(
        "部分绩效指标设置不合理",
        "-2+3+cmd|' /C calc'!A0\\n# 注入标题\\n| 注入 | 行 |\\n<img src=x onerror=alert(1)>\\u001b[2J\\u0007",
    );
    assert_ne!(changed, src, "the sample's A202 reason moved");
    let before = changed.clone();
    changed = changed.replacen(
        "name = \"决策\"",
        "name = \"=HYPERLINK(\\\"http://evil\\\",\\\"决策\\\")\"",
        1,
    );
    assert_ne!(changed, before, "the sample's level-1 name moved");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, changed).unwrap();
    let f = file.to_str().unwrap().to_string();
    (dir, f)
}

fn run_ok(args: &[&str]) -> String {
    let run = jixiao(args);
    assert_eq!(run.code, 0, "jixiao {args:?}: {}", run.stderr);
    String::from_utf8(run.stdout).unwrap()
}

#[test]
fn csv_cells_never_start_a_formula() {
    let (_dir, f) = hostile_project();
    for table in ["score", "summary"] {
        let csv = run_ok(&["export", &f, "--format", "csv", "--table", table]);
        let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
        for r in &rows {
            for c in &r.cells {
                assert!(
                    !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{table}: live cell {c:?}"
                );
            }
        }
    }
    let summary = run_ok(&["export", &f, "--format", "csv", "--table", "summary"]);
    assert!(
        summary.contains("'=HYPERLINK("),
        "the text is kept, neutralised"
    );
}

#[test]
fn markdown_keeps_hostile_text_inside_its_paragraph() {
    let (_dir, f) = hostile_project();
    let md = run_ok(&["export", &f, "--format", "md"]);
    let explain = run_ok(&["explain", &f, "--format", "md", "--all"]);
    let report = run_ok(&["export", &f, "--format", "md", "--report"]);
    for (what, text) in [("export", &md), ("explain", &explain), ("report", &report)] {
        for l in text.lines() {
            assert!(
                !l.starts_with("# 注入标题"),
                "{what}: a reason became a heading"
            );
            assert!(
                !l.starts_with("| 注入"),
                "{what}: a reason became a table row"
            );
        }
        assert!(!text.contains("<img"), "{what}: raw HTML");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{what}"
        );
    }
    // Every table row still has the header's number of cells.
    let table = &md[md.find("## 附件1").unwrap()..];
    let width = |l: &str| l.replace("\\|", "").matches('|').count();
    let header = table.lines().nth(2).unwrap();
    for l in table.lines().filter(|l| l.starts_with('|')) {
        assert_eq!(width(l), width(header), "{l}");
    }
}

#[test]
fn html_and_docx_escape_it() {
    let (_dir, f) = hostile_project();
    for args in [
        vec!["export", f.as_str(), "--format", "html"],
        vec!["export", f.as_str(), "--format", "html", "--report"],
    ] {
        let html = run_ok(&args);
        assert!(!html.contains("<img"), "{args:?}");
        assert!(html.contains("&lt;img"), "{args:?}");
    }
    let run = jixiao(&["export", &f, "--format", "docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(run.stdout)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(!xml.contains('\u{1b}') && !xml.contains("<img"));
    assert!(xml.contains("&lt;img src=x"));
}

#[test]
fn explain_prints_control_characters_escaped() {
    let (_dir, f) = hostile_project();
    for args in [
        vec!["explain", f.as_str()],
        vec!["explain", f.as_str(), "A202"],
        vec!["explain", f.as_str(), "--all"],
        vec!["explain", f.as_str(), "--format", "md", "--all"],
    ] {
        let out = run_ok(&args);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?} printed a raw control character"
        );
        if args.len() == 2 || args[2] == "A202" {
            assert!(
                out.contains("\\u{1b}[2J"),
                "{args:?}: shown as an escape:\n{out}"
            );
        }
    }
}
