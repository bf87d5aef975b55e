//! `jixiao import` keeping what a firm's sheet says (issue 14 item 6): rules read from the
//! 评分标准 text, 得分 and 扣分原因 as a project, the title row, grade legends, two-row headers, a
//! 分值 column per level, `--col` by letter or number — and an xlsx export importing back with
//! its tree, rules, 目标值 and scores.

mod docs_support;
mod support;

use std::path::{Path, PathBuf};

use docs_support::*;
use jixiao::import::{self, Field, ImportError, Options};
use jixiao::model::{Measure, Project, RuleKind, ThresholdMiss};
use jixiao::report::score_table_xlsx;
use jixiao::scoring;
use jixiao::store::parse_decimal;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

fn d(s: &str) -> Decimal {
    parse_decimal(s).unwrap()
}

fn opts(project: bool) -> Options {
    Options {
        id: "imported".into(),
        name: String::new(),
        total: None,
        project,
        lang: jixiao::lang::Lang::En,
    }
}

fn import_ok(path: &Path, mapping: &[(Field, String)], project: bool) -> import::Imported {
    match import::import(path, None, mapping, &opts(project)) {
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

fn load(path: &str) -> Project {
    let (_, loaded) = jixiao::store::load_file(&root().join(path)).unwrap();
    loaded.project
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

// ─── Round trip ───────────────────────────────────────────────────────────────

/// Every sample exported to xlsx and imported with --project: the same tree, keys, printed
/// codes, rules, 目标值, leaf scores and total — as it stands, and with the codes a report prints
/// instead of the keys (`shown`: "（一）" on level 1, none on a level-2 node, "1." on a leaf).
#[test]
fn an_xlsx_export_imports_back_with_its_rules_targets_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let printed = samples().into_iter().map(|f| (f, true));
    for (f, with_printed) in samples().into_iter().map(|f| (f, false)).chain(printed) {
        let mut p = load(&f);
        if with_printed {
            print_other_codes(&mut p);
        }
        let card = scoring::score(&p);
        let path = dir.path().join("t.xlsx");
        std::fs::write(&path, score_table_xlsx::workbook(&p, &card).unwrap()).unwrap();
        let imported = import_ok(&path, &[], true);
        assert_eq!(imported.rules_sheet.as_deref(), Some("计分规则"), "{f}");
        assert!(
            imported.rules_read.is_empty(),
            "{f}: rules come from the sheet, not the text"
        );
        let q = &imported.project;
        assert_eq!(q.title(), p.title(), "{f}: project name from the title row");
        let back = scoring::score(q);
        assert_eq!(back.total, card.total, "{f}: total");
        for (k, (a, b)) in p.indicators.iter().zip(&q.indicators).enumerate() {
            let at = format!("{f}: {}", a.code);
            assert_eq!(a.code, b.code, "{at}: code");
            assert_eq!(a.shown, b.shown, "{at}: printed code");
            assert_eq!(a.name, b.name, "{at}: name");
            assert_eq!(a.weight, b.weight, "{at}: weight");
            if !card.tree.is_leaf(k) {
                continue;
            }
            assert_eq!(a.rule, b.rule, "{at}: rule");
            assert_eq!(a.target.trim(), b.target, "{at}: 目标值");
            assert_eq!(card.nodes[k].score, back.nodes[k].score, "{at}: score");
            assert_eq!(
                a.assessment.na.is_some(),
                b.assessment.na.is_some(),
                "{at}: 不适用"
            );
            // The evidence each finding cites comes back from the 扣分点说明's "（佐证：…）"
            // (a title that itself holds a "、" outside brackets comes back as two).
            if card.nodes[k].score < card.nodes[k].weight {
                assert_eq!(cited(a).join("、"), cited(b).join("、"), "{at}: 佐证");
            }
        }
        // What was written loads and checks without errors.
        let loaded = jixiao::store::parse_project(&imported.toml).unwrap();
        let shown = |q: &Project| -> Vec<(String, Option<String>)> {
            q.indicators
                .iter()
                .map(|i| (i.code.clone(), i.shown.clone()))
                .collect()
        };
        assert_eq!(
            shown(&loaded.project),
            shown(&p),
            "{f}: keys and printed codes in the file"
        );
        let errors: Vec<String> = jixiao::check::check(&loaded)
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| d.display("t").to_string())
            .collect();
        assert!(errors.is_empty(), "{f}: {errors:?}");
    }
}

/// Gives `p` the codes a report prints instead of its keys: "（一）", "（二）" … on level 1, none
/// on the first level-2 node, "1." on the first leaf under the second.
fn print_other_codes(p: &mut Project) {
    let numerals = [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
    ];
    let roots: Vec<usize> = (0..p.indicators.len())
        .filter(|&i| p.indicators[i].parent.is_none())
        .collect();
    for (k, &r) in roots.iter().enumerate() {
        p.indicators[r].shown = numerals.get(k).map(|n| n.to_string());
    }
    let children = |p: &Project, code: &str| -> Vec<usize> {
        (0..p.indicators.len())
            .filter(|&i| p.indicators[i].parent.as_deref() == Some(code))
            .collect()
    };
    let level2 = children(p, &p.indicators[roots[0]].code.clone());
    if let Some(&a) = level2.first() {
        p.indicators[a].shown = Some(String::new());
    }
    if let Some(&b) = level2.get(1)
        && let Some(&leaf) = children(p, &p.indicators[b].code.clone()).first()
    {
        p.indicators[leaf].shown = Some("1.".into());
    }
}

/// The evidence titles a leaf's deductions cite, in order, once each.
fn cited(ind: &jixiao::model::Indicator) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in ind.assessment.deductions.iter().flat_map(|d| &d.evidence) {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}

/// A framework's rules come back too (no scores: a framework import).
#[test]
fn a_framework_export_imports_back_with_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["frameworks/mof-program.toml", "frameworks/five-grade.toml"] {
        let p = load(f);
        let path = dir.path().join("t.xlsx");
        std::fs::write(
            &path,
            score_table_xlsx::workbook(&p, &scoring::score(&p)).unwrap(),
        )
        .unwrap();
        let q = import_ok(&path, &[], false).project;
        assert!(q.meta.is_none());
        for (a, b) in p.indicators.iter().zip(&q.indicators) {
            assert_eq!(a.rule, b.rule, "{f}: {}", a.code);
        }
    }
}

// ─── A firm's sheet ───────────────────────────────────────────────────────────

/// The layout firms hand over: a title row, a header over two rows (merged 一级指标 / 二级指标 /
/// 三级指标 above 名称 | 分值), a 分值 per level, plain 评分标准, 得分 and 扣分原因, and a legend of
/// grade bands under the table.
fn firm_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("评分表").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 9, "某某区养老服务补贴项目绩效评价指标体系", &f)
        .unwrap();
    ws.merge_range(1, 0, 1, 1, "一级指标", &f).unwrap();
    ws.merge_range(1, 2, 1, 3, "二级指标", &f).unwrap();
    ws.merge_range(1, 4, 1, 5, "三级指标", &f).unwrap();
    ws.merge_range(1, 6, 2, 6, "评分标准", &f).unwrap();
    ws.merge_range(1, 7, 2, 7, "目标值", &f).unwrap();
    ws.merge_range(1, 8, 2, 8, "得分", &f).unwrap();
    ws.merge_range(1, 9, 2, 9, "扣分原因", &f).unwrap();
    for (c, h) in ["名称", "分值", "名称", "分值", "名称", "分值"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    // 决策 10 = 项目立项 10 = 4 + 6
    ws.merge_range(3, 0, 4, 0, "决策", &f).unwrap();
    ws.merge_range(3, 1, 4, 1, "", &f).unwrap();
    ws.write_number(3, 1, 10).unwrap();
    ws.merge_range(3, 2, 4, 2, "项目立项", &f).unwrap();
    ws.merge_range(3, 3, 4, 3, "", &f).unwrap();
    ws.write_number(3, 3, 10).unwrap();
    let leaf = |ws: &mut rust_xlsxwriter::Worksheet,
                r: u32,
                name: &str,
                w: f64,
                crit: &str,
                target: &str,
                score: Option<f64>,
                why: &str| {
        ws.write_string(r, 4, name).unwrap();
        ws.write_number(r, 5, w).unwrap();
        ws.write_string(r, 6, crit).unwrap();
        ws.write_string(r, 7, target).unwrap();
        if let Some(s) = score {
            ws.write_number(r, 8, s).unwrap();
        }
        ws.write_string(r, 9, why).unwrap();
    };
    leaf(
        ws,
        3,
        "立项依据充分性",
        4.0,
        "每发现一处问题扣1分，扣完为止",
        "",
        Some(3.0),
        "未见可行性研究报告，扣1分",
    );
    leaf(
        ws,
        4,
        "绩效目标明确性",
        6.0,
        "完全符合得满分，部分符合得3分，未符合不得分",
        "",
        Some(3.0),
        "绩效指标未细化量化",
    );
    // 产出 20 = 产出数量 20 = 10 + 10
    ws.merge_range(5, 0, 6, 0, "产出", &f).unwrap();
    ws.write_number(5, 1, 20).unwrap();
    ws.merge_range(5, 2, 6, 2, "产出数量", &f).unwrap();
    ws.write_number(5, 3, 20).unwrap();
    leaf(
        ws,
        5,
        "补贴发放完成率",
        10.0,
        "补贴发放完成率≥95%得满分，否则按比例得分",
        "≥95%",
        Some(10.0),
        "",
    );
    leaf(
        ws,
        6,
        "资金到位率",
        10.0,
        "资金到位率=实际到位资金/预算资金×100%\n按比率得分",
        "100%",
        Some(8.5),
        "扣 1.50 分：资金到位率85%",
    );
    ws.merge_range(7, 0, 7, 4, "合计", &f).unwrap();
    ws.write_number(7, 5, 30).unwrap();
    ws.write_string(
        9,
        0,
        "评价等级：总分85分（含）以上为优秀，75-85分为良好，60-75分为合格，60分以下为不合格",
    )
    .unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_firms_sheet_with_a_two_row_header_and_a_weight_per_level_becomes_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.xlsx");
    firm_workbook(&path);
    let imported = import_ok(&path, &[], true);
    assert_eq!(imported.header_row, 2);
    let p = &imported.project;
    assert_eq!(p.title(), "某某区养老服务补贴项目绩效评价指标体系");
    assert_eq!(p.framework.total, d("30"));
    let tree: Vec<(&str, &str, String)> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.name.as_str(),
                i.weight.normalize().to_string(),
            )
        })
        .collect();
    assert_eq!(
        tree,
        [
            ("A", "决策", "10".to_string()),
            ("A1", "项目立项", "10".into()),
            ("A101", "立项依据充分性", "4".into()),
            ("A102", "绩效目标明确性", "6".into()),
            ("B", "产出", "20".into()),
            ("B1", "产出数量", "20".into()),
            ("B101", "补贴发放完成率", "10".into()),
            ("B102", "资金到位率", "10".into()),
        ]
    );
    // Rules read from the text, each marked as such.
    let phrases: Vec<(&str, &str)> = imported
        .rules_read
        .iter()
        .map(|(c, p)| (c.as_str(), *p))
        .collect();
    assert_eq!(
        phrases,
        [
            ("A101", "per_finding"),
            ("A102", "complete_partial_none"),
            ("B101", "threshold"),
            ("B102", "rate"),
        ]
    );
    assert!(
        p.indicators
            .iter()
            .filter(|i| i.code.len() == 4)
            .all(|i| i.rule.from_text)
    );
    assert_eq!(
        p.get("B101").unwrap().rule.kind,
        RuleKind::Threshold {
            measure: Measure::Value("补贴发放完成率".into()),
            op: jixiao::model::CompareOp::AtLeast,
            limit: d("95"),
            otherwise: ThresholdMiss::Proportional,
        }
    );
    assert_eq!(
        p.get("B102").unwrap().rule.kind,
        RuleKind::Rate {
            measure: Measure::Ratio {
                numerator: "实际到位资金".into(),
                denominator: "预算资金".into()
            },
            cap: true
        }
    );
    // Scores and deductions.
    let a101 = &p.get("A101").unwrap().assessment;
    assert_eq!(a101.score, None, "the deductions make the score");
    assert_eq!(a101.deductions.len(), 1);
    assert_eq!(a101.deductions[0].points, Some(d("1")));
    assert_eq!(a101.deductions[0].reason, "未见可行性研究报告");
    // The level whose points are the score is the one chosen.
    let a102 = &p.get("A102").unwrap().assessment;
    assert_eq!(a102.tier.as_deref(), Some("部分符合"));
    assert_eq!(a102.score, None);
    assert_eq!(a102.deductions[0].points, Some(d("3")));
    assert_eq!(a102.deductions[0].reason, "绩效指标未细化量化");
    assert_eq!(
        p.get("B102").unwrap().assessment.deductions[0].points,
        Some(d("1.5"))
    );
    assert_eq!(p.get("B101").unwrap().target, "≥95%");
    let card = scoring::score(p);
    assert_eq!(card.total, d("24.5"));
    // The legend's bands.
    let bands: Vec<(&str, String)> = p
        .grades
        .iter()
        .map(|g| (g.name.as_str(), g.min.normalize().to_string()))
        .collect();
    assert_eq!(
        bands,
        [
            ("优秀", "85".to_string()),
            ("良好", "75".into()),
            ("合格", "60".into()),
            ("不合格", "0".into())
        ]
    );
    assert_eq!(imported.grades_row, Some(10));
    assert!(imported.toml.contains("origin = \"text\""));
}

/// Without --project the score columns are named as not imported and nothing is scored.
#[test]
fn a_framework_import_leaves_the_scores_out_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.xlsx");
    firm_workbook(&path);
    let imported = import_ok(&path, &[], false);
    assert!(
        imported.ignored.contains(&"得分".to_string()),
        "{:?}",
        imported.ignored
    );
    assert!(imported.ignored.contains(&"扣分原因".to_string()));
    assert!(imported.project.meta.is_none());
    assert!(
        imported
            .project
            .indicators
            .iter()
            .all(|i| !i.assessment.has_record())
    );
}

/// One header row with a 分值 column after each level, as CSV.
#[test]
fn a_weight_column_per_level_in_one_header_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "levels.csv",
        "一级指标,分值,二级指标,分值,三级指标,分值,评分标准\n\
         决策,6,项目立项,6,立项依据充分性,2,查看文件综合评价\n\
         ,,,,立项程序规范性,4,\"好得4分，较好得3分，一般得2分，差得0分\"\n\
         过程,4,资金管理,4,预算执行率,4,预算执行率≥90%得满分，每降低1%扣0.2分\n",
    );
    let imported = import_ok(&path, &[], false);
    let p = &imported.project;
    let weights: Vec<(&str, String)> = p
        .indicators
        .iter()
        .map(|i| (i.code.as_str(), i.weight.normalize().to_string()))
        .collect();
    assert_eq!(
        weights,
        [
            ("A", "6".to_string()),
            ("A1", "6".into()),
            ("A101", "2".into()),
            ("A102", "4".into()),
            ("B", "4".into()),
            ("B1", "4".into()),
            ("B101", "4".into()),
        ]
    );
    assert_eq!(imported.rules_unread, ["A101"]);
    assert!(matches!(
        p.get("A102").unwrap().rule.kind,
        RuleKind::Levels { .. }
    ));
    assert!(matches!(
        p.get("B101").unwrap().rule.kind,
        RuleKind::PerPoint { .. }
    ));
}

/// A per-level 分值 that disagrees with its children is an error naming the row.
#[test]
fn a_level_weight_that_does_not_add_up_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "一级指标,分值,二级指标,分值\n决策,7,项目立项,3\n,,绩效目标,3\n",
    );
    let Err(ImportError::Table(msgs)) = import::import(&path, None, &[], &opts(false)) else {
        panic!("imported")
    };
    let text: Vec<String> = msgs.iter().map(|m| m.display("bad.csv")).collect();
    assert!(
        text.iter().any(|m| m
            .starts_with("bad.csv:2: error: `决策` has 分值 7 but its 2 indicators add up to 6")),
        "{text:?}"
    );
}

/// `--col` by letter or number when the header is one nobody recognises.
#[test]
fn col_addresses_a_column_by_letter_or_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "odd.csv",
        "一级指标,二级指标,说明,计分\n决策,立项依据,看文件,3\n,立项程序,看流程,2\n",
    );
    for at in ["D", "4"] {
        let imported = import_ok(&path, &[(Field::Weight, at.to_string())], false);
        assert_eq!(
            imported.project.framework.total,
            d("5"),
            "--col weight={at}"
        );
    }
    assert!(matches!(
        import::import(&path, None, &[], &opts(false)),
        Err(ImportError::File(_))
    ));
}

/// A firm's CSV with 得分 and 扣分原因 written "…，扣0.5分" and several findings on one leaf.
#[test]
fn csv_scores_and_reasons_become_deductions() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "scores.csv",
        "某某项目绩效评价评分表\n\
         一级指标,二级指标,分值,评分标准,得分,扣分原因,评分说明\n\
         过程,资金使用合规性,4,每发现一处问题扣0.5分，扣完为止,3,\"报销凭证不全，扣0.5分\n未经审批支出，扣0.5分\",抽查凭证30份\n\
         ,档案管理,2,酌情扣分,2,,资料齐全\n\
         90分以上为优，80-90分为良，60-80分为中，60分以下为差\n",
    );
    let imported = import_ok(&path, &[], true);
    let p = &imported.project;
    assert_eq!(p.title(), "某某项目绩效评价评分表");
    let a = &p.get("A1").unwrap().assessment;
    assert_eq!(a.deductions.len(), 2);
    assert_eq!(a.deductions[1].reason, "未经审批支出");
    assert_eq!(a.score, None);
    assert_eq!(a.justification, "抽查凭证30份");
    assert_eq!(
        p.get("A1").unwrap().rule.kind,
        RuleKind::Deductions {
            per_item: Some(d("0.5")),
            fraction: None,
            groups: vec![]
        }
    );
    let judged = p.get("A2").unwrap();
    assert!(matches!(judged.rule.kind, RuleKind::Judgement { .. }));
    assert_eq!(judged.assessment.score, Some(d("2")));
    assert_eq!(scoring::score(p).total, d("5"));
    assert_eq!(p.grades.len(), 4);
}

// ─── The command ──────────────────────────────────────────────────────────────

#[test]
fn import_project_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("firm.xlsx");
    firm_workbook(&xlsx);
    let out = dir.path().join("p.toml");
    let run = jixiao(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--project",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "note: 4 rule(s) read from the 评分标准 text, marked origin = \"text\" until checked: A101 per_finding, A102 complete_partial_none, B101 threshold, B102 rate"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("note: grade bands from the legend on row 10: 优秀 ≥ 85, 良好 ≥ 75, 合格 ≥ 60, 不合格 ≥ 0"),
        "{}",
        run.stderr
    );
    assert!(
        run.text()
            .contains("(total 30; a project, 4 of 4 leaves scored, total 24.50)"),
        "{}",
        run.text()
    );
    let check = jixiao(&["check", out.to_str().unwrap()]);
    assert!(check.text().contains("0 error(s)"), "{}", check.text());
    // The sheet gives 资金到位率's score, not the figures behind it: the score counts, and check
    // says the rule cannot check it yet.
    assert!(
        check.text().contains(
            "B102 资金到位率: awarded 8.50; its rule cannot check it until `实际到位资金`, `预算资金` recorded"
        ),
        "{}",
        check.text()
    );
    let score = jixiao(&["score", out.to_str().unwrap()]);
    assert_eq!(score.code, 0, "{}", score.stderr);
    assert!(score.text().contains("24.50"), "{}", score.text());

    // Without --project: a framework, and the note says how to get the scores.
    let fw = dir.path().join("fw.toml");
    let run = jixiao(&["import", xlsx.to_str().unwrap(), "-o", fw.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("columns not imported: 得分, 扣分原因 (--project imports 得分 and 扣分原因)"),
        "{}",
        run.stderr
    );

    // --col by letter.
    let csv = write(
        dir.path(),
        "odd.csv",
        "一级指标,二级指标,说明,计分\n决策,立项依据,看文件,3\n",
    );
    let run = jixiao(&["import", csv.to_str().unwrap(), "--col", "weight=D"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.text().contains("weight = 3"), "{}", run.text());
}

#[test]
fn export_then_import_project_on_the_command_line_scores_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("c.xlsx");
    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("p.toml");
    let run = jixiao(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--project",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("rules and 目标值 from sheet 计分规则"),
        "{}",
        run.stderr
    );
    let a = jixiao(&["score", "samples/rongcheng-checkup.toml"]).text();
    let b = jixiao(&["score", out.to_str().unwrap()]).text();
    let total = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("合计"))
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(total(&a), total(&b));
}

/// A 计分规则 cell that is not a rule is an error naming the sheet and its row; nothing is written.
#[test]
fn a_rules_sheet_cell_that_does_not_read_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("综合评分表").unwrap();
    for (c, h) in ["一级指标", "二级指标", "分值"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "A 决策").unwrap();
    ws.write_string(1, 1, "A1 立项").unwrap();
    ws.write_number(1, 2, 5).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("计分规则").unwrap();
    for (c, h) in ["编码", "指标", "目标值", "计分规则"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "A1").unwrap();
    ws.write_string(1, 3, "{ kind = \"ratio\" }").unwrap();
    wb.save(&path).unwrap();
    let Err(ImportError::Table(msgs)) = import::import(&path, None, &[], &opts(false)) else {
        panic!("imported")
    };
    let text: Vec<String> = msgs.iter().map(|m| m.display("t.xlsx")).collect();
    assert!(
        text.iter().any(|m| m.starts_with(
            "t.xlsx:2: error: sheet 计分规则: the 计分规则 or 录入数据 of `立项` does not read"
        ) && m.contains("unknown rule kind \"ratio\"")),
        "{text:?}"
    );
}
