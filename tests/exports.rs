//! `jixiao export`: golden files for every format of every sample, and the structure each format
//! promises (CSV that Excel opens, one self-contained HTML page, an xlsx whose cells, merges and
//! number formats read back right).
//!
//! The expected outputs live in `tests/golden/` (`NAME.md`, `NAME.csv`, `NAME.summary.csv`,
//! `NAME.html`, `NAME.json`, and `NAME.xlsx.txt`, a text dump of the workbook), and for one
//! sample `NAME.document.xml`, the docx's body with a line per paragraph and table row. After an
//! intended change, regenerate them and review the diff:
//!
//! ```text
//! JIXIAO_BLESS=1 cargo test --test exports
//! git diff tests/golden
//! ```

mod docs_support;
mod support;

use calamine::Data;
use docs_support::*;
use jixiao::import::read::parse_csv;

/// The samples, plus a framework with 加减分项 and nothing scored.
fn inputs() -> Vec<String> {
    let mut v = samples();
    v.push("frameworks/poverty-relief-adjustments.toml".into());
    v
}

fn stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn export(file: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", file];
    all.extend_from_slice(args);
    let run = jixiao(&all);
    assert_eq!(run.code, 0, "jixiao {all:?} failed:\n{}", run.stderr);
    run.stdout
}

fn xlsx_of(file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    let run = jixiao(&["export", file, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read(out).unwrap()
}

// ─── Golden files ─────────────────────────────────────────────────────────────

#[test]
fn golden_markdown() {
    for f in inputs() {
        golden(
            &format!("{}.md", stem(&f)),
            &export(&f, &["--format", "md"]),
        );
    }
}

#[test]
fn golden_csv() {
    for f in inputs() {
        golden(
            &format!("{}.csv", stem(&f)),
            &export(&f, &["--format", "csv"]),
        );
        golden(
            &format!("{}.summary.csv", stem(&f)),
            &export(&f, &["--format", "csv", "--table", "summary"]),
        );
    }
}

#[test]
fn golden_html() {
    for f in inputs() {
        golden(
            &format!("{}.html", stem(&f)),
            &export(&f, &["--format", "html"]),
        );
    }
}

#[test]
fn golden_json() {
    for f in inputs() {
        golden(
            &format!("{}.json", stem(&f)),
            &export(&f, &["--format", "json"]),
        );
    }
}

#[test]
fn golden_xlsx() {
    for f in inputs() {
        golden(
            &format!("{}.xlsx.txt", stem(&f)),
            dump_xlsx(&xlsx_of(&f)).as_bytes(),
        );
    }
}

/// word/document.xml with a line break before each paragraph, table and row, so a change
/// reads as a diff of the lines it touches.
fn docx_body_lines(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = xml
        .replace("<w:p>", "\n<w:p>")
        .replace("<w:tbl>", "\n<w:tbl>")
        .replace("<w:tr>", "\n<w:tr>")
        .replace("<w:sectPr>", "\n<w:sectPr>");
    out.push('\n');
    out
}

#[test]
fn golden_docx() {
    let f = "samples/rongcheng-checkup.toml";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.docx");
    let run = jixiao(&["export", f, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(&out).unwrap();
    golden(
        &format!("{}.document.xml", stem(f)),
        docx_body_lines(&bytes).as_bytes(),
    );
    // The same project gives the same bytes: fixed timestamps, no random ids.
    let again = jixiao(&["export", f, "--format", "docx"]);
    assert_eq!(again.stdout, bytes, "docx output is not deterministic");
}

// ─── What each format promises ────────────────────────────────────────────────

#[test]
fn csv_opens_in_excel_and_every_row_has_every_column() {
    for f in inputs() {
        let bytes = export(&f, &["--format", "csv"]);
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{f}: no BOM");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.ends_with("\r\n"));
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        let width = rows[0].cells.len();
        assert!(rows[0].cells[0] == "一级指标" && rows[0].cells.contains(&"扣分点说明".into()));
        for r in &rows {
            assert_eq!(
                r.cells.len(),
                width,
                "{f}: row {} has {:?}",
                r.number,
                r.cells
            );
        }
        assert_eq!(rows.last().unwrap().cells[0], "总计");
        // Repeated layout: every leaf row names its level-1 indicator.
        assert!(rows[1..].iter().all(|r| !r.cells[0].is_empty()), "{f}");
    }
}

#[test]
fn summary_tables_match_the_score_command() {
    let csv = String::from_utf8(export(
        "samples/rongcheng-checkup.toml",
        &["--format", "csv", "--table", "summary"],
    ))
    .unwrap();
    assert_eq!(
        csv,
        "\u{feff}指标,分值,得分,得分率\r\n决策,15,13.67,91.13%\r\n过程,25,12.00,48.00%\r\n\
         产出,25,17.05,68.20%\r\n效益,35,22.00,62.86%\r\n合计,100,64.72,64.72%\r\n"
    );
    let md = String::from_utf8(export(
        "samples/rongcheng-checkup.toml",
        &["--format", "md"],
    ))
    .unwrap();
    assert!(md.contains("| 决策 | 15 | 13.67 | 91.13% |"));
    assert!(md.contains("| 合计 | 100 | 64.72 | 64.72% |"));
    assert!(md.contains("评价等级为“中”"));
    // The analysis paragraph and its deductions, as `explain` gives them.
    assert!(md.contains("**A202 绩效指标明确性**：将绩效目标细化分解为"));
    assert!(md.contains("- 扣 1.33 分：部分绩效指标设置不合理"));
}

/// Counts the columns each row of the score table covers, following rowspans and colspans.
fn html_grid_widths(html: &str) -> Vec<usize> {
    let table = &html[html.find("<table class=\"score\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    let mut carried: Vec<usize> = Vec::new(); // rows still covered, per column
    let mut widths = Vec::new();
    for tr in body.split("<tr").skip(1) {
        let mut col = 0;
        let mut covered = 0;
        for td in tr.split("<td").skip(1) {
            while carried.get(col).is_some_and(|&n| n > 0) {
                col += 1;
                covered += 1;
            }
            let attr = |name: &str| -> usize {
                td.split('>')
                    .next()
                    .unwrap()
                    .split(&format!("{name}=\""))
                    .nth(1)
                    .map(|s| s.split('"').next().unwrap().parse().unwrap())
                    .unwrap_or(1)
            };
            let (rows, cols) = (attr("rowspan"), attr("colspan"));
            for c in col..col + cols {
                if carried.len() <= c {
                    carried.resize(c + 1, 0);
                }
                carried[c] = rows;
            }
            col += cols;
            covered += cols;
        }
        while carried.get(col).is_some_and(|&n| n > 0) {
            col += 1;
            covered += 1;
        }
        widths.push(covered);
        for n in carried.iter_mut() {
            *n = n.saturating_sub(1);
        }
    }
    widths
}

#[test]
fn html_is_one_self_contained_page_that_prints_on_a4() {
    for f in inputs() {
        let html = String::from_utf8(export(&f, &["--format", "html"])).unwrap();
        for banned in [
            "http://", "https://", "<script", "<link", "src=", "@import", "url(",
        ] {
            assert!(!html.contains(banned), "{f}: has {banned}");
        }
        for needed in [
            "<meta charset=\"utf-8\">",
            "@page",
            "size: A4",
            "page: wide",
            "display: table-header-group",
            "break-inside: avoid",
            "<thead>",
        ] {
            assert!(html.contains(needed), "{f}: lacks {needed}");
        }
        let widths = html_grid_widths(&html);
        let expected = widths[0];
        assert!(expected >= 7, "{f}: {widths:?}");
        assert!(
            widths.iter().all(|&w| w == expected),
            "{f}: ragged rows {widths:?}"
        );
    }
    let html = String::from_utf8(export(
        "samples/rongcheng-checkup.toml",
        &["--format", "html"],
    ))
    .unwrap();
    assert!(html.contains("<td class=\"level\" rowspan=\"6\">A 决策</td>"));
    // A leaf at level 2 (D2 可持续影响) spans the level-3 column.
    let html = String::from_utf8(export(
        "samples/rongcheng-elderly-signing.toml",
        &["--format", "html"],
    ))
    .unwrap();
    assert!(html.contains("<td class=\"level\" colspan=\"2\">D2 可持续影响</td>"));
}

#[test]
fn xlsx_reads_back_with_cells_merges_and_number_formats() {
    let sheets = read_xlsx(&xlsx_of("samples/rongcheng-checkup.toml"));
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "综合评分表",
            "得分情况",
            "表4-1 决策",
            "表4-2 过程",
            "表4-3 产出",
            "表4-4 效益",
            "计分规则"
        ]
    );
    let s = &sheets[0];
    assert_eq!(s.text("A1"), "荣成市职工免费查体项目 综合评分表");
    let header: Vec<String> = ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2"]
        .iter()
        .map(|c| s.text(c))
        .collect();
    assert_eq!(
        header,
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "指标解释",
            "评分标准",
            "得分",
            "扣分点说明"
        ]
    );
    // 决策 covers its six leaves (rows 3–8), 项目立项 its two, 过程 its five; 总计 the level columns.
    for m in ["A1:H1", "A3:A8", "B3:B4", "B5:B6", "A9:A13", "A29:C29"] {
        assert!(
            s.merged.contains(&m.to_string()),
            "no merge {m} in {:?}",
            s.merged
        );
    }
    assert_eq!(s.text("A3"), "A 决策");
    assert_eq!(s.text("B5"), "A2 绩效目标");
    assert_eq!(s.text("C6"), "A202 绩效指标明确性");
    assert_eq!(s.number("D6"), Some(4.0));
    assert_eq!(s.number("G6"), Some(2.67));
    assert_eq!(s.get("G6").unwrap().format, "0.00");
    assert!(s.text("H6").starts_with("扣 1.33 分："));
    // The total row, merged across the level columns.
    let last = s.cells.iter().map(|((r, _), _)| *r).max().unwrap() + 1;
    assert_eq!(s.text(&format!("A{last}")), "总计");
    assert!(s.merged.contains(&format!("A{last}:C{last}")));
    assert_eq!(s.number(&format!("G{last}")), Some(64.72));
    // Frozen header, widths, wrapped text, A4 landscape with the header repeated.
    assert!(s.element("pane").unwrap().contains("ySplit=\"2\""));
    assert!(s.element("pane").unwrap().contains("state=\"frozen\""));
    assert!(s.element("pageSetup").unwrap().contains("paperSize=\"9\""));
    assert!(
        s.element("pageSetup")
            .unwrap()
            .contains("orientation=\"landscape\"")
    );
    assert!(s.get("H6").unwrap().wrap && s.get("C6").unwrap().wrap);
    // Widths fit the texts; 指标解释 and 评分标准 are empty in this sample and stay narrow.
    let widths = s.column_widths();
    assert_eq!(widths.len(), 8, "{:?}", s.elements("col"));
    assert!(
        widths[7] > 40.0 && widths[3] < 10.0 && widths[4] < 12.0,
        "{widths:?}"
    );
    let full = read_xlsx(&xlsx_of("samples/basic-public-health.toml"));
    let widths = full[0].column_widths();
    // Long texts everywhere: the text columns give up width so the table prints on A4
    // landscape at full size (rows grow instead), the widest still the 评分标准.
    assert!(widths.iter().sum::<f64>() <= 150.0, "{widths:?}");
    assert!(widths[4] >= 20.0 && widths[5] > widths[4], "{widths:?}");
    // Rows are as tall as their wrapped text: the heights are written, not left to the reader.
    assert!(s.xml.contains("customHeight=\"1\""));

    let sum = &sheets[1];
    assert_eq!(sum.text("A2"), "指标");
    assert_eq!(sum.text("A3"), "决策");
    assert_eq!(sum.number("C3"), Some(13.67));
    assert_eq!(sum.get("C3").unwrap().format, "0.00");
    assert_eq!(sum.number("D3"), Some(0.9113));
    assert_eq!(sum.get("D3").unwrap().format, "0.00%");
    assert_eq!(sum.text("A7"), "合计");
    assert_eq!(sum.number("C7"), Some(64.72));
    assert_eq!(sum.get("D7").unwrap().format, "0.00%");
}

#[test]
fn xlsx_merges_a_shallow_leaf_across_the_deeper_columns() {
    let s = &read_xlsx(&xlsx_of("samples/rongcheng-elderly-signing.toml"))[0];
    let (&(r, _), _) = s
        .cells
        .iter()
        .find(|(_, c)| c.value == Data::String("D2 可持续影响".into()))
        .map(|(p, c)| (p, c))
        .unwrap();
    let row = r + 1;
    assert!(
        s.merged.contains(&format!("B{row}:C{row}")),
        "{:?}",
        s.merged
    );
}

#[test]
fn a_framework_exports_with_empty_score_cells() {
    let s = &read_xlsx(&xlsx_of("frameworks/poverty-relief-adjustments.toml"))[0];
    // The 得分 column is there, headed as in 附件1 …
    assert_eq!(
        (s.text("D2"), s.text("G2"), s.text("H2")),
        ("分值".into(), "得分".into(), "扣分点说明".into())
    );
    // … and each of the framework's 20 leaves has its 分值 and an empty 得分 cell to fill in.
    let leaf_rows: Vec<u32> = s
        .cells
        .iter()
        .filter(|((_, c), cell)| *c == 3 && matches!(cell.value, Data::Float(_) | Data::Int(_)))
        .map(|((r, _), _)| r + 1)
        .filter(|&row| !s.text(&format!("C{row}")).is_empty())
        .collect();
    assert_eq!(leaf_rows.len(), 20, "{leaf_rows:?}");
    for row in leaf_rows {
        assert!(s.get(&format!("G{row}")).is_none(), "G{row} is not empty");
    }
    assert_eq!(s.text("A23"), "加减分项");
    assert_eq!(
        (s.text("A28"), s.number("D28")),
        ("总计".into(), Some(100.0))
    );
    assert!(s.get("G28").is_none());
}

// ─── The command line ─────────────────────────────────────────────────────────

#[test]
fn format_follows_the_output_extension_and_is_otherwise_required() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("查体.md");
    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# 荣成市职工免费查体项目")
    );

    let run = jixiao(&["export", "samples/rongcheng-checkup.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--format md|csv|html|xlsx|json"),
        "{}",
        run.stderr
    );

    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "--format",
        "md",
        "--table",
        "summary",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--table only applies to --format csv"));
}

#[test]
fn xlsx_goes_to_a_pipe_but_never_to_a_terminal() {
    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "--format",
        "xlsx",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(b"PK"), "not a zip");
    // `script` gives the command a terminal.
    if !support::require("script") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_jixiao");
    let cmd =
        format!("LC_ALL=en_US.UTF-8 {bin} export samples/rongcheng-checkup.toml --format xlsx");
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(root())
        .output()
        .expect("script runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("binary") && text.contains("-o"), "{text}");
    assert!(!text.contains("PK\u{3}\u{4}"));
}

#[test]
fn a_file_with_errors_is_not_exported() {
    let run = jixiao(&[
        "export",
        "tests/malformed/children-weights.toml",
        "--format",
        "md",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("error:"), "{}", run.stderr);
}

#[test]
fn a_penalty_that_cost_nothing_is_not_written_as_a_bonus() {
    let text = std::fs::read_to_string("tests/projects/adjustments.toml")
        .unwrap()
        .replace(
            "name = \"资金闲置滞留扣分\"\ndirection = \"penalty\"\ncap = 5\n",
            "name = \"资金闲置滞留扣分\"\ndirection = \"penalty\"\ncap = 5\npoints = 0\nreason = \"未发现\"\n",
        );
    assert!(text.contains("points = 0\nreason = \"未发现\""));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adj.toml");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    for format in ["csv", "md", "html"] {
        let out = String::from_utf8(export(path, &["-f", format])).unwrap();
        let row = out
            .lines()
            .find(|l| l.contains("F4 资金闲置滞留扣分"))
            .unwrap_or_else(|| panic!("{format}: no F4 row:\n{out}"));
        assert!(
            row.contains("0.00") && !row.contains("+0.00"),
            "{format}: {row}"
        );
        // The bonus keeps its sign.
        assert!(out.contains("+3.00"), "{format}:\n{out}");
    }
}
