//! `jixiao export --report`: the whole report in the MoF reference outline's order, in docx, md
//! and html alike, with the computed chapters generated and the free text and table labels
//! taken from the project's `[report]` table.

mod docs_support;
mod support;

use std::io::Read;

use docs_support::*;

const CHAPTERS: [&str; 7] = [
    "一、基本情况",
    "二、绩效评价工作开展情况",
    "三、综合评价情况及评价结论",
    "四、绩效评价指标分析",
    "五、主要经验及做法、存在的问题及原因分析",
    "六、有关建议",
    "七、其他需要说明的问题",
];

fn export(file: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", file];
    all.extend_from_slice(args);
    let run = jixiao(&all);
    assert_eq!(run.code, 0, "jixiao {all:?} failed:\n{}", run.stderr);
    run.stdout
}

/// The text of word/document.xml, paragraphs on lines of their own.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    for p in xml.split("</w:p>") {
        for t in p.split("<w:t xml:space=\"preserve\">").skip(1) {
            out.push_str(t.split("</w:t>").next().unwrap());
        }
        out.push('\n');
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn in_order(text: &str, parts: &[&str], what: &str) {
    let mut at = 0;
    for p in parts {
        match text[at..].find(p) {
            Some(k) => at += k + p.len(),
            None => panic!("{what}: `{p}` missing or out of order"),
        }
    }
}

fn all_formats(file: &str) -> Vec<(String, String)> {
    vec![
        (
            "md".into(),
            String::from_utf8(export(file, &["--report", "--format", "md"])).unwrap(),
        ),
        (
            "html".into(),
            String::from_utf8(export(file, &["--report", "--format", "html"])).unwrap(),
        ),
        (
            "docx".into(),
            docx_text(&export(file, &["--report", "--format", "docx"])),
        ),
    ]
}

#[test]
fn every_sample_reads_in_the_reference_outline_order() {
    for f in samples() {
        let run = jixiao(&["score", &f, "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        let total = json["total"].as_str().unwrap();
        let grade = json["grade"].as_str().unwrap();
        let roots: Vec<String> = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["depth"] == 1)
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect();
        for (format, text) in all_formats(&f) {
            let what = format!("{f} ({format})");
            let mut parts: Vec<String> = CHAPTERS[..3].iter().map(|s| s.to_string()).collect();
            parts.push(format!("综合评价得分 {total} 分，评价等级为“{grade}”"));
            parts.push("表3-1".into());
            parts.push(CHAPTERS[3].into());
            for (k, name) in roots.iter().enumerate() {
                parts.push(format!("{name}情况"));
                parts.push(format!("表4-{}", k + 1));
            }
            parts.extend(CHAPTERS[4..].iter().map(|s| s.to_string()));
            parts.push("附件1 综合评分表".into());
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            in_order(&text, &parts, &what);
            // Chapters nobody wrote say where to write them.
            assert!(text.contains("[report] 的 basic") || text.contains("\\[report\\] 的 basic"));
        }
    }
}

#[test]
fn problems_are_gathered_from_the_deductions() {
    for (format, text) in all_formats("samples/rongcheng-checkup.toml") {
        let problems = &text[text.find("存在的问题及原因分析").unwrap()..];
        let problems = &problems[..problems.find("六、有关建议").unwrap()];
        assert!(
            problems.contains("A202 绩效指标明确性：部分绩效指标设置不合理"),
            "{format}: {problems}"
        );
        // A leaf that could not be scored is a problem too.
        assert!(problems.contains("C201 体检质量达标率："), "{format}");
    }
}

/// A sample with a `[report]` table appended.
fn with_report(extra: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut src = std::fs::read_to_string(root().join("samples/rongcheng-checkup.toml")).unwrap();
    src.push_str("\n[report]\n");
    src.push_str(extra);
    let file = dir.path().join("with-report.toml");
    std::fs::write(&file, src).unwrap();
    let f = file.to_str().unwrap().to_string();
    (dir, f)
}

#[test]
fn free_text_chapters_come_from_the_project() {
    let (_dir, f) = with_report(
        "basic = \"\"\"\n项目于2010年设立。\n\n资金由市财政安排。\n\"\"\"\n\
         work = \"评价组于2022年7月进驻。\"\n\
         experience = \"建立了定点医院制度。\"\n\
         problems = \"总体而言，管理制度有待完善。\"\n\
         suggestions = \"一是健全管理制度。\\n二是完善信息系统。\"\n\
         other = \"无。\"\n\
         conclusion = \"评价组认为项目总体达到预期。\"\n",
    );
    let check = jixiao(&["check", &f]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    for (format, text) in all_formats(&f) {
        in_order(
            &text,
            &[
                "一、基本情况",
                "项目于2010年设立。",
                "资金由市财政安排。",
                "二、绩效评价工作开展情况",
                "评价组于2022年7月进驻。",
                "三、综合评价情况及评价结论",
                "表3-1",
                "评价组认为项目总体达到预期。",
                "主要经验及做法",
                "建立了定点医院制度。",
                "存在的问题及原因分析",
                "总体而言，管理制度有待完善。",
                "A202 绩效指标明确性",
                "六、有关建议",
                "一是健全管理制度。",
                "二是完善信息系统。",
                "七、其他需要说明的问题",
                "无。",
            ],
            &format,
        );
        assert!(!text.contains("本章尚未撰写"), "{format}");
    }
}

#[test]
fn table_labels_follow_the_project() {
    let (_dir, f) = with_report(
        "code_prefix = false\ncriteria_header = \"指标说明\"\ndeduction_amounts = true\ntarget_column = false\n",
    );
    let text = docx_text(&export(&f, &["--format", "docx"]));
    assert!(text.contains("\n指标说明\n"), "criteria header");
    assert!(!text.contains("\n评分标准\n"));
    assert!(text.contains("\n绩效指标明确性\n"));
    assert!(!text.contains("A202 绩效指标明确性"), "code prefix off");
    assert!(text.contains("扣 1.33 分：部分绩效指标设置不合理"));
    assert!(!text.contains("\n目标值\n"));
    // The same project without them: codes, 评分标准, the reason alone, 目标值.
    let plain = docx_text(&export(
        "samples/rongcheng-checkup.toml",
        &["--format", "docx"],
    ));
    assert!(plain.contains("\n评分标准\n") && plain.contains("\n目标值\n"));
    assert!(plain.contains("A202 绩效指标明确性"));
    assert!(!plain.contains("扣 1.33 分："));
}

#[test]
fn a_mistyped_report_key_is_reported() {
    let (_dir, f) = with_report("basics = \"typo\"\n");
    let run = jixiao(&["check", &f]);
    assert!(
        run.stderr.contains("basics") || String::from_utf8_lossy(&run.stdout).contains("basics")
    );
}

#[test]
fn report_is_refused_for_tables_only_formats() {
    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "--format",
        "csv",
        "--report",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--report"), "{}", run.stderr);
}

#[test]
fn hostile_report_text_stays_text_in_markdown() {
    let (_dir, f) = with_report(
        "basic = \"第一段\\n# 不是标题\\n| 不是 | 表格 |\\n<script>alert(1)</script>\"\n",
    );
    let md = String::from_utf8(export(&f, &["--report", "--format", "md"])).unwrap();
    assert!(md.contains("\\# 不是标题"));
    assert!(md.contains("\\| 不是 \\| 表格 \\|"));
    assert!(md.contains("&lt;script&gt;") && !md.contains("<script>"));
    let html = String::from_utf8(export(&f, &["--report", "--format", "html"])).unwrap();
    assert!(!html.contains("<script>"));
}

#[test]
fn the_firm_style_in_the_config_applies_and_the_project_wins() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "[export]\ncode_prefix = false\ncriteria_header = \"指标说明\"\n",
    )
    .unwrap();
    let run = |file: &str| -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(["export", file, "--format", "docx"])
            .current_dir(root())
            .env("JIXIAO_CONFIG_DIR", config.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        docx_text(&out.stdout)
    };
    let text = run("samples/rongcheng-checkup.toml");
    assert!(text.contains("\n指标说明\n") && text.contains("\n绩效指标明确性\n"));
    // The project's [report] wins over the house style.
    let (_dir, f) = with_report("code_prefix = true\n");
    let text = run(&f);
    assert!(text.contains("\n指标说明\n") && text.contains("A202 绩效指标明确性"));
}

#[test]
fn report_text_survives_an_edit() {
    let (_dir, f) = with_report("basic = \"\"\"\n项目于2010年设立。\n\"\"\"  # 基本情况\n");
    let run = jixiao(&["set", &f, "A101", "score=1.5"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains("[report]\nbasic = \"\"\"\n项目于2010年设立。\n\"\"\"  # 基本情况"));
}
