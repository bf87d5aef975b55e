//! `jixiao import`: indicator tables as firms keep them → frameworks. Round trips (export xlsx or
//! csv → import → the same tree and weights), merged and blank cells, headers in Chinese and
//! English or mapped by hand, and errors that name the row.

mod docs_support;
mod support;

use std::path::Path;

use docs_support::*;
use jixiao::import::{self, Field, ImportError, Options};
use jixiao::model::Project;
use jixiao::report::{csv, score_table_xlsx, sheet};
use jixiao::scoring;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

fn load(path: &str) -> Project {
    let (_, loaded) = jixiao::store::load_file(&root().join(path)).unwrap();
    loaded.project
}

fn opts() -> Options {
    Options {
        id: "imported".into(),
        name: "导入的指标体系".into(),
        total: None,
        project: false,
        lang: jixiao::lang::Lang::En,
    }
}

fn import_ok(path: &Path, mapping: &[(Field, String)]) -> import::Imported {
    match import::import(path, None, mapping, &opts()) {
        Ok(i) => i,
        Err(ImportError::File(e)) => panic!("{}: {e}", path.display()),
        Err(ImportError::Table(msgs)) => panic!(
            "{}",
            msgs.iter()
                .map(|m| m.display(&path.display().to_string()))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn import_errors(path: &Path) -> Vec<String> {
    match import::import(path, None, &[], &opts()) {
        Ok(_) => panic!("{} imported without errors", path.display()),
        Err(ImportError::File(e)) => vec![e.to_string()],
        Err(ImportError::Table(msgs)) => msgs
            .iter()
            .filter(|m| m.error)
            .map(|m| m.display("t"))
            .collect(),
    }
}

/// Text as the exports print it: lines trimmed, blank lines dropped.
fn norm(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The tree, weights and texts of `a` and `b` are the same.
fn assert_same_tree(what: &str, a: &Project, b: &Project) {
    let codes = |p: &Project| {
        p.indicators
            .iter()
            .map(|i| i.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(a), codes(b), "{what}: codes");
    for (x, y) in a.indicators.iter().zip(&b.indicators) {
        let at = format!("{what}: {}", x.code);
        assert_eq!(x.name.trim(), y.name, "{at}: name");
        assert_eq!(x.parent, y.parent, "{at}: parent");
        assert_eq!(x.weight, y.weight, "{at}: weight");
        assert_eq!(
            norm(&x.explanation),
            norm(&y.explanation),
            "{at}: explanation"
        );
        assert_eq!(norm(&x.formula), norm(&y.formula), "{at}: formula");
        let crit = |v: &Vec<String>| v.iter().flat_map(|c| norm(c)).collect::<Vec<_>>();
        assert_eq!(crit(&x.criteria), crit(&y.criteria), "{at}: criteria");
    }
    let level1: Decimal = b
        .indicators
        .iter()
        .filter(|i| i.parent.is_none())
        .map(|i| i.weight)
        .sum();
    assert_eq!(level1, a.framework.total, "{what}: total");
    assert_eq!(
        b.framework.total, a.framework.total,
        "{what}: framework total"
    );
}

fn round_trip_inputs() -> Vec<String> {
    let mut v = samples();
    for f in [
        "department-overall",
        "five-grade",
        "mof-program",
        "poverty-relief-adjustments",
    ] {
        v.push(format!("frameworks/{f}.toml"));
    }
    v
}

#[test]
fn xlsx_round_trip_keeps_every_tree_and_weight() {
    let dir = tempfile::tempdir().unwrap();
    for f in round_trip_inputs() {
        let p = load(&f);
        let card = scoring::score(&p);
        let path = dir.path().join("t.xlsx");
        std::fs::write(&path, score_table_xlsx::workbook(&p, &card).unwrap()).unwrap();
        let imported = import_ok(&path, &[]);
        assert_eq!(imported.sheet, "综合评分表");
        assert_eq!(imported.header_row, 2);
        assert_same_tree(&format!("{f} via xlsx"), &p, &imported.project);
    }
}

#[test]
fn csv_round_trip_keeps_every_tree_and_weight() {
    let dir = tempfile::tempdir().unwrap();
    for f in round_trip_inputs() {
        let p = load(&f);
        let card = scoring::score(&p);
        let path = dir.path().join("t.csv");
        std::fs::write(&path, csv::score_table(&sheet::score_sheet(&p, &card))).unwrap();
        let imported = import_ok(&path, &[]);
        assert_same_tree(&format!("{f} via csv"), &p, &imported.project);
        // The 计分规则 column brings every leaf's rule back, not a reading of the criteria.
        assert!(imported.rules_read.is_empty(), "{f}: rules read from text");
        for (k, (a, b)) in p
            .indicators
            .iter()
            .zip(&imported.project.indicators)
            .enumerate()
        {
            if card.tree.is_leaf(k) {
                assert_eq!(a.rule, b.rule, "{f} via csv: {}: rule", a.code);
            }
        }
    }
}

#[test]
fn adjustment_rows_are_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = load("frameworks/poverty-relief-adjustments.toml");
    let path = dir.path().join("t.xlsx");
    std::fs::write(
        &path,
        score_table_xlsx::workbook(&p, &scoring::score(&p)).unwrap(),
    )
    .unwrap();
    let imported = import_ok(&path, &[]);
    assert_eq!(imported.warnings.len(), 1);
    assert!(matches!(
        &imported.warnings[0].finding,
        import::Finding::AdjustmentRows { .. }
    ));
    assert!(imported.warnings[0].display("t").contains("[adjustments]"));
}

/// A firm's sheet: a title row, English headers, merged level cells, a checkpoint continued on a
/// row of its own, the formula as the first criteria line, and a merged 合计 row.
#[test]
fn merged_and_blank_cells_mean_same_as_above() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("说明").unwrap();
    ws.write_string(0, 0, "this sheet has no table").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("指标").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 5, "某某项目绩效评价指标体系", &f)
        .unwrap();
    for (c, h) in [
        "Level 1",
        "Level 2",
        "Level 3",
        "Weight",
        "Explanation",
        "Criteria",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.merge_range(2, 0, 5, 0, "决策", &f).unwrap();
    ws.merge_range(2, 1, 3, 1, "项目立项", &f).unwrap();
    ws.write_string(2, 2, "立项依据充分性").unwrap();
    ws.write_number(2, 3, 5).unwrap();
    ws.write_string(2, 4, "项目立项是否符合法律法规").unwrap();
    ws.write_string(2, 5, "①是否符合规划；\n②是否属于部门职责。")
        .unwrap();
    ws.write_string(3, 2, "立项程序规范性").unwrap();
    ws.write_number(3, 3, 3).unwrap();
    ws.merge_range(4, 1, 5, 1, "绩效目标", &f).unwrap();
    ws.write_string(4, 2, "绩效目标合理性").unwrap();
    ws.write_number(4, 3, 4.5).unwrap();
    ws.write_string(4, 5, "①目标是否明确；").unwrap();
    ws.write_string(5, 5, "②目标是否合理。").unwrap();
    ws.merge_range(6, 0, 7, 0, "过程", &f).unwrap();
    ws.merge_range(6, 1, 7, 1, "资金管理", &f).unwrap();
    ws.write_string(6, 2, "资金到位率").unwrap();
    ws.write_number(6, 3, 10).unwrap();
    ws.write_string(
        6,
        5,
        "资金到位率=实际到位资金/预算资金×100%\n到位资金：落实到项目的资金。",
    )
    .unwrap();
    ws.write_string(7, 2, "预算执行率").unwrap();
    ws.write_number(7, 3, 10).unwrap();
    ws.merge_range(8, 0, 8, 2, "合计", &f).unwrap();
    ws.write_number(8, 3, 32.5).unwrap();
    wb.save(&path).unwrap();

    let imported = import_ok(&path, &[]);
    assert_eq!(imported.sheet, "指标");
    assert_eq!(imported.header_row, 2);
    let p = &imported.project;
    let tree: Vec<(String, String, Option<String>, String)> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.code.clone(),
                i.name.clone(),
                i.parent.clone(),
                i.weight.normalize().to_string(),
            )
        })
        .collect();
    let expect = |c: &str, n: &str, p: Option<&str>, w: &str| {
        (
            c.to_string(),
            n.to_string(),
            p.map(str::to_string),
            w.to_string(),
        )
    };
    assert_eq!(
        tree,
        vec![
            expect("A", "决策", None, "12.5"),
            expect("A1", "项目立项", Some("A"), "8"),
            expect("A101", "立项依据充分性", Some("A1"), "5"),
            expect("A102", "立项程序规范性", Some("A1"), "3"),
            expect("A2", "绩效目标", Some("A"), "4.5"),
            expect("A201", "绩效目标合理性", Some("A2"), "4.5"),
            expect("B", "过程", None, "20"),
            expect("B1", "资金管理", Some("B"), "20"),
            expect("B101", "资金到位率", Some("B1"), "10"),
            expect("B102", "预算执行率", Some("B1"), "10"),
        ]
    );
    let a201 = p.get("A201").unwrap();
    assert_eq!(a201.criteria, ["①目标是否明确；", "②目标是否合理。"]);
    let b101 = p.get("B101").unwrap();
    assert_eq!(b101.formula, "资金到位率=实际到位资金/预算资金×100%");
    assert_eq!(b101.criteria, ["到位资金：落实到项目的资金。"]);
    assert_eq!(
        p.get("A101").unwrap().explanation,
        "项目立项是否符合法律法规"
    );
    assert_eq!(p.framework.total, Decimal::new(325, 1));
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn parent_rows_give_or_derive_weights_and_labels_can_carry_codes() {
    let dir = tempfile::tempdir().unwrap();
    // Parent rows of their own, one with a weight (checked) and one without (derived).
    let path = write(
        dir.path(),
        "rows.csv",
        "一级指标,二级指标,三级指标,分值,评价要点\n\
         决策,,,15,\n\
         ,项目立项,,10,\n\
         ,,立项依据,5,\"①一；\n②二。\"\n\
         ,,立项程序,5,\n\
         ,绩效目标,,,\n\
         ,,目标合理,5,\n",
    );
    let p = import_ok(&path, &[]).project;
    let w = |c: &str| p.get(c).unwrap().weight.normalize().to_string();
    assert_eq!(
        (w("A"), w("A1"), w("A2"), w("A201")),
        ("15".into(), "10".into(), "5".into(), "5".into())
    );
    assert_eq!(p.get("A101").unwrap().criteria, ["①一；", "②二。"]);

    // "A1. 项目立项 (4)" as report tables print it: codes and parent weights from the labels.
    let path = write(
        dir.path(),
        "codes.csv",
        "一级指标,二级指标,三级指标,权重\n\
         X. 决策,X1. 项目立项 (4),X101 依据充分性,2\n\
         ,,X102 程序规范性,2\n",
    );
    let p = import_ok(&path, &[]).project;
    let codes: Vec<&str> = p.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["X", "X1", "X101", "X102"]);
    assert_eq!(p.get("X1").unwrap().name, "项目立项");
}

#[test]
fn weight_errors_name_their_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "一级指标,二级指标,三级指标,分值\n\
         决策,,,15\n\
         ,项目立项,立项依据,5\n\
         ,,立项程序,5\n\
         ,绩效目标,目标合理,4\n\
         过程,资金管理,资金到位率,\n\
         合计,,,100\n",
    );
    let errors = import_errors(&path);
    assert!(
        errors
            .iter()
            .any(|e| e
                .starts_with("t:2: error: `决策` has 分值 15 but its 2 indicators add up to 14")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("t:6: error: 三级指标 `资金到位率` has no 分值")),
        "{errors:?}"
    );

    // The same through the command line: FILE:ROW, exit 1, nothing written.
    let out = dir.path().join("out.toml");
    let run = jixiao(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    let file = path.display().to_string();
    assert!(
        run.stderr
            .contains(&format!("{file}:2: error: `决策` has 分值 15")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing written"));
    assert!(!out.exists());
}

#[test]
fn the_total_is_checked_against_the_flag_and_the_total_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        "一级指标,二级指标,分值\n决策,立项,40\n过程,管理,50\n总计,,100\n",
    );
    let errors = import_errors(&path);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("t:4: error: 合计 分值 is 100 but the 一级指标 add up to 90")),
        "{errors:?}"
    );
    let run = jixiao(&["import", path.to_str().unwrap(), "--total", "95"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("add up to 90, not the --total 95"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_blank_level_cell_under_a_new_parent_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        "一级指标,二级指标,三级指标,分值\n决策,立项,依据,5\n过程,,资金到位率,5\n",
    );
    let errors = import_errors(&path);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("t:3: error: 二级指标 is blank") && e.contains("决策")),
        "{errors:?}"
    );
}

#[test]
fn unknown_headers_can_be_mapped_with_col() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "t.csv",
        "指标类别,指标名称,权重分,考核要求\n决策,立项依据,5,依据充分\n,立项程序,5,程序规范\n",
    );
    let errors = import_errors(&path);
    assert!(errors[0].contains("no indicator table found"), "{errors:?}");
    assert!(errors[0].contains("--col"), "{errors:?}");

    let run = jixiao(&[
        "import",
        path.to_str().unwrap(),
        "--col",
        "level1=指标类别",
        "--col",
        "level2=指标名称",
        "--col",
        "weight=权重分",
        "--col",
        "criteria=考核要求",
        "--id",
        "firm",
        "--name",
        "某所指标",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let toml = run.text();
    assert!(toml.contains("id = \"firm\""));
    assert!(toml.contains("name = \"某所指标\""));
    assert!(toml.contains("[indicators.A1]\nparent = \"A\"\nname = \"立项依据\"\nweight = 5\ncriteria = [\n  \"依据充分\",\n]"), "{toml}");
    let loaded = jixiao::store::parse_project(&toml).unwrap();
    assert!(!loaded.has_errors());
}

#[test]
fn gbk_csv_from_chinese_excel_and_chinese_codes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "编码,一级指标,二级指标,分值\n一,决策,,10\n一.1,,立项,10\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let path = dir.path().join("gbk.csv");
    std::fs::write(&path, &bytes).unwrap();
    let out = dir.path().join("f.toml");
    let run = jixiao(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let toml = std::fs::read_to_string(&out).unwrap();
    // Non-ASCII codes are quoted keys, as docs/format.md says.
    assert!(toml.contains("[indicators.\"一\"]"), "{toml}");
    assert!(
        toml.contains("[indicators.\"一.1\"]\nparent = \"一\""),
        "{toml}"
    );
    let run = jixiao(&["check", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    // Never overwrites without --force.
    let run = jixiao(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--force"));
    let run = jixiao(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_imported_framework_starts_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("mof.xlsx");
    let run = jixiao(&[
        "export",
        "frameworks/mof-program.toml",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fw = dir.path().join("mine.toml");
    let run = jixiao(&["import", xlsx.to_str().unwrap(), "-o", fw.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.text()
            .contains("imported 4 一级指标, 10 二级指标, 17 三级指标 (total 100)"),
        "{}",
        run.text()
    );
    assert!(
        run.stderr
            .contains("columns not imported: 得分, 扣分点说明"),
        "{}",
        run.stderr
    );
    let project = dir.path().join("p.toml");
    let run = jixiao(&[
        "new",
        "--framework",
        fw.to_str().unwrap(),
        project.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = jixiao(&["score", project.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// ─── Bad tables ───────────────────────────────────────────────────────────────

/// A 分值 cell formatted as a date (Excel shows 2020/1/1, stores 43831) is refused naming the
/// cell, never imported as a weight of 43831.
#[test]
fn a_weight_cell_formatted_as_a_date_is_refused_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dated.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["一级指标", "二级指标", "三级指标", "分值"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy/m/d");
    ws.write_string(1, 0, "决策").unwrap();
    ws.write_string(1, 1, "项目立项").unwrap();
    ws.write_string(1, 2, "立项依据充分性").unwrap();
    ws.write_number_with_format(1, 3, 43831, &date).unwrap();
    ws.write_string(2, 2, "立项程序规范性").unwrap();
    ws.write_number(2, 3, 5).unwrap();
    wb.save(&path).unwrap();
    let errors = import_errors(&path);
    assert!(
        errors.iter().any(|e| e.starts_with(
            "t:2: error: 分值 in cell D2 is the date or time `2020-01-01`: the spreadsheet formats \
             that cell as a date"
        )),
        "{errors:?}"
    );
    assert!(!errors.iter().any(|e| e.contains("43831")), "{errors:?}");
}

/// A raw deflate stream that inflates to `1 + 258 × matches` spaces: one literal, then
/// back-references of the longest length (fixed Huffman codes, 13 bits per 258 bytes).
fn deflate_bomb(matches: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        /// `len` bits of `value`, least significant first (block headers).
        fn put(&mut self, value: u64, len: u32) {
            self.acc |= value << self.n;
            self.n += len;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r | (((code >> i) & 1) << (len - 1 - i)));
            self.put(reversed, len);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // the last block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30 + u64::from(b' '), 8); // the literal ' '
    for _ in 0..matches {
        b.code(0b1100_0101, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    b.put(0, 7); // flush the last byte
    b.out
}

/// A one-entry zip archive holding `data`, deflated from `size` bytes. The CRC is left at 0: a
/// reader only finds out after inflating everything, which is the danger.
fn zip_of(name: &str, data: &[u8], size: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let header = |z: &mut Vec<u8>, sig: u32, central: bool| {
        z.extend(sig.to_le_bytes());
        if central {
            z.extend(20u16.to_le_bytes()); // made by
        }
        z.extend(20u16.to_le_bytes()); // version needed
        z.extend(0u16.to_le_bytes()); // flags
        z.extend(8u16.to_le_bytes()); // deflate
        z.extend([0u8; 4]); // time, date
        z.extend(0u32.to_le_bytes()); // crc
        z.extend((data.len() as u32).to_le_bytes());
        z.extend(size.to_le_bytes());
        z.extend((name.len() as u16).to_le_bytes());
        z.extend(0u16.to_le_bytes()); // extra
        if central {
            z.extend([0u8; 12]); // comment length, disk, attributes
            z.extend(0u32.to_le_bytes()); // local header offset
        }
        z.extend(name.as_bytes());
    };
    header(&mut z, 0x0403_4b50, false);
    z.extend(data);
    let dir = z.len() as u32;
    header(&mut z, 0x0201_4b50, true);
    let dir_len = z.len() as u32 - dir;
    z.extend(0x0605_4b50u32.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(dir_len.to_le_bytes());
    z.extend(dir.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

/// A small workbook whose one sheet inflates to 300 MiB is refused before anything is inflated
/// (the reader used to hold about 1,000 times the file's size in memory).
#[test]
fn a_workbook_that_would_inflate_without_bound_is_refused() {
    // The stream really inflates as stated: the zip crate inflates a small one.
    let small = zip_of("a", &deflate_bomb(3), 1 + 3 * 258);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(small)).unwrap();
    let mut out = Vec::new();
    // With a CRC of 0 the reader complains after inflating: keep what came out.
    let _ = std::io::Read::read_to_end(&mut archive.by_index(0).unwrap(), &mut out);
    assert_eq!(out, vec![b' '; 1 + 3 * 258]);

    let matches = 300 * 1024 * 1024 / 258;
    let size = 1 + 258 * matches as u32;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    let bytes = zip_of("xl/worksheets/sheet1.xml", &deflate_bomb(matches), size);
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    std::fs::write(&path, bytes).unwrap();
    let started = std::time::Instant::now();
    let errors = import_errors(&path);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the workbook would inflate to more than 256 MiB")),
        "{errors:?}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// An unclosed CSV quote names the row and column where the quoted cell opens.
#[test]
fn an_unclosed_csv_quote_names_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "open.csv",
        "一级指标,二级指标,三级指标,分值,评分标准\n\
         决策,项目立项,立项依据,5,\"①是否符合规划\n\
         ,,立项程序,5,②是否规范\n",
    );
    let errors = import_errors(&path);
    assert_eq!(
        errors,
        [
            "row 2, column 5 (E2): a quoted cell opens here and is never closed, so everything \
          after it would be read into this one cell; add the closing \" or remove the opening \
          one, then import again"
        ]
    );
    let run = jixiao(&["import", path.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("row 2, column 5 (E2)"),
        "{}",
        run.stderr
    );
}

/// A named pipe given as the table is refused, not waited on.
#[test]
fn a_named_pipe_is_refused_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["pipe.csv", "pipe.xlsx"] {
        let fifo = dir.path().join(name);
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo(3) with a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let errors = import_errors(&fifo);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("named pipe (FIFO), not a file")),
            "{errors:?}"
        );
    }
}

/// Cells as firms type and paste them: both kinds of quotes, Windows paths with backslashes,
/// line breaks inside a cell, tabs and stray control characters pasted from other programs. The
/// framework written is valid TOML and reads back with every character as the cell held it.
#[test]
fn quotes_backslashes_line_breaks_and_control_characters_survive_the_framework() {
    let dir = tempfile::tempdir().unwrap();
    let explanation = "“到位率”即\"实际到位\"÷'预算'，见 C:\\底稿\\2021\\资金.xlsx\u{7}\u{1b}[0m";
    let source = "财务处\t台账\\n（不是换行）";
    let path = write(
        dir.path(),
        "hostile.csv",
        &format!(
            "一级指标,二级指标,三级指标,分值,指标解释,评价要点,数据来源\n\
             决策,项目立项,\"立项\"\"依据\"\"\\\",5,\"{}\",\"①第一行 '''\n②第二行 \"\"\"\"\"\"\",{source}\n\
             决策,项目立项,立项程序,5,,,\n",
            explanation.replace('"', "\"\"")
        ),
    );
    let imported = import_ok(&path, &[]);
    let back = jixiao::store::parse_project(&imported.toml)
        .unwrap_or_else(|e| panic!("{e}\n{}", imported.toml));
    assert!(
        !back.has_errors(),
        "{:?}\n{}",
        back.diagnostics,
        imported.toml
    );
    let leaf = back.project.get("A101").unwrap();
    assert_eq!(leaf.name, "立项\"依据\"\\");
    assert_eq!(leaf.explanation, explanation);
    assert_eq!(leaf.source, source);
    assert_eq!(leaf.criteria, ["①第一行 '''", "②第二行 \"\"\""]);
    assert_eq!(back.project, imported.project);
}
