//! Issue 13, item 13: the report's own structure, through the command line as a user runs it —
//! display codes apart from the key, several printed figures each with its source, a rule the
//! report never prints, and warnings that say what the tool's figure rests on.

use std::process::Command;

const FILE: &str = "tests/projects/report-structure.toml";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn jixiao(args: &[&str]) -> Run {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("XDG_CONFIG_HOME", config.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run jixiao");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The 1-based line of the fixture that holds `needle`.
fn line_of(needle: &str) -> usize {
    std::fs::read_to_string(FILE)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in {FILE}"))
        + 1
}

#[test]
fn check_warns_for_each_printed_figure_that_differs_naming_its_source() {
    let run = jixiao(&["check", "--lang", "zh", FILE]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let stated = line_of("stated = [{ score = 4");
    let lines: Vec<&str> = run.stdout.lines().collect();
    // 表3 agrees; the prose and 表1 do not; B1's printed 4 is held against its awarded score.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{FILE}:{stated}:"))
                && l.ends_with("A 决策：正文第四部分列示得分 3.5，按下级指标合计为 4.00")),
        "{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("A 决策：表1列示分值 5，下级指标分值合计为 4")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("表3列示"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("B1 完成率：报告列示 4，给定得分为 5.00"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("按评分规则计算为 5"), "{}", run.stdout);
}

#[test]
fn check_json_names_the_entry_of_the_list() {
    let run = jixiao(&["check", "--json", "--lang", "en", FILE]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let all = v.as_array().cloned().unwrap_or_else(|| {
        v["diagnostics"]
            .as_array()
            .cloned()
            .expect("a list of diagnostics")
    });
    let figures: Vec<&serde_json::Value> = all
        .iter()
        .filter(|d| d["kind"] == "stated_figure")
        .collect();
    assert_eq!(figures.len(), 2, "{all:#?}");
    assert_eq!(figures[0]["subject"]["field"], "stated.1");
    assert_eq!(figures[1]["subject"]["field"], "stated.2");
    assert_eq!(
        figures[0]["message"],
        "A 决策: the report (正文第四部分) prints a score of 3.5 but the sum of its leaves gives 4.00"
    );
}

#[test]
fn explanations_and_exports_print_the_report_code_and_the_key_still_addresses() {
    // The key addresses the node; the heading gives the printed code and the key.
    let run = jixiao(&["explain", FILE, "A"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("（一） 决策 [A]（分值 4）"),
        "{}",
        run.stdout
    );
    // A child printed without a code is named alone.
    assert!(
        run.stdout.contains("  立项依据充分性：4.00 / 4 分"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("（一） 决策 合计 4.00 分"),
        "{}",
        run.stdout
    );
    // The shown code does not address anything.
    assert_ne!(jixiao(&["explain", FILE, "（一）"]).code, 0);

    let md = jixiao(&["export", FILE, "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.contains("（一） 决策"), "{}", md.stdout);
    assert!(!md.stdout.contains("A 决策"), "{}", md.stdout);
    assert!(!md.stdout.contains("A1 立项依据充分性"), "{}", md.stdout);
    assert!(md.stdout.contains("立项依据充分性"), "{}", md.stdout);
    let html = jixiao(&["export", FILE, "--format", "html"]);
    // The section's ordinal is the report's own code here: printed once.
    assert!(
        html.stdout.contains("<h3>（一）决策（分值 4"),
        "{}",
        html.stdout
    );
    assert!(html.stdout.contains("<strong>立项依据充分性</strong>"));
    let csv = jixiao(&["export", FILE, "--format", "csv"]);
    assert!(csv.stdout.contains("（一） 决策"), "{}", csv.stdout);
    assert!(!csv.stdout.contains("A1 "), "{}", csv.stdout);

    // Machine output keeps the key, and gives the printed code beside it.
    let json: serde_json::Value =
        serde_json::from_str(&jixiao(&["score", "--json", FILE]).stdout).expect("json");
    let nodes = json["nodes"].as_array().expect("nodes");
    assert_eq!(
        (&nodes[0]["code"], &nodes[0]["shown"]),
        (&"A".into(), &"（一）".into())
    );
    assert_eq!(
        (&nodes[1]["code"], &nodes[1]["shown"]),
        (&"A1".into(), &"".into())
    );
    assert_eq!(nodes[2]["code"], "B");
    assert!(nodes[2].get("shown").is_none());
}

#[test]
fn a_reconstructed_rule_is_said_so_in_the_explanation() {
    let run = jixiao(&["explain", FILE, "A1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "立项依据充分性 [A1]（分值 4）");
    assert_eq!(lines[1], "  评分标准为评价组根据报告数据还原");
    // An ordinary rule says nothing of the kind.
    let run = jixiao(&["explain", FILE, "B1"]);
    assert!(!run.stdout.contains("还原"), "{}", run.stdout);
}

#[test]
fn an_unknown_origin_and_a_malformed_figure_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(FILE).unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        text.replace("origin = \"reconstructed\"", "origin = \"guessed\"")
            .replace(
                "{ weight = 5, source = \"表1\" }",
                "{ weight = 5, score = 4 }",
            ),
    )
    .unwrap();
    let run = jixiao(&["check", "--lang", "en", &bad.to_string_lossy()]);
    assert_ne!(run.code, 0);
    assert!(
        run.stdout.contains("unknown origin \"guessed\"")
            && run.stdout.contains("\"reconstructed\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("each entry gives one figure, `score` or `weight`"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_adjustment_with_its_own_rule_range_and_printed_points() {
    let run = jixiao(&["explain", FILE, "F1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "F1 创新做法加分（加分项，单项 1–3 分）",
            "  在管理方面有创新做法的，每项加 1 分，加 1–3 分",
            "  每项 1 分 × 4 项 = 4 分",
            "  按规则计 4 分，超过单项上限，按 3 分计，计入 +3.00",
            "  加分项合计上限 3 分",
            "  报告列示 2 分",
            "  理由：四项做法获省级推广",
        ]
    );
    let run = jixiao(&["check", "--lang", "zh", FILE]);
    assert!(
        run.stdout
            .contains("加减分项 F1 创新做法加分：报告列示 2 分，按该项规则计算为 3"),
        "{}",
        run.stdout
    );
    // The rule's points count in the total: 4 + 5 + 3.
    let json: serde_json::Value =
        serde_json::from_str(&jixiao(&["score", "--json", FILE]).stdout).expect("json");
    assert_eq!(json["total"], "12.00");
    let f1 = &json["adjustments"]["items"][0];
    assert_eq!(
        (&f1["recorded"], &f1["counted"], &f1["stated"]),
        (&"4.00".into(), &"3.00".into(), &"2".into())
    );
    // The score table's row gives the range and the rule's arithmetic.
    let csv = jixiao(&["export", FILE, "--format", "csv"]);
    assert!(csv.stdout.contains("加分项，单项 1–3 分"), "{}", csv.stdout);
    assert!(
        csv.stdout
            .contains("每项 1 分 × 4 项 = 4 分\n按规则计 4 分，超过单项上限，按 3 分计"),
        "{}",
        csv.stdout
    );
}

#[test]
fn the_workbench_shows_the_report_code_the_rebuilt_rule_and_the_item_rule() {
    use jixiao::tui::Lang;
    use jixiao::tui::testing::{keys, open, render};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let mut app = open(&path, Lang::Zh);
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("▾ （一） 决策"), "{screen}");
    // The status line names level 1 as the report does.
    assert!(screen.contains("（一）决策 4.00/4"), "{screen}");
    assert!(screen.contains("│   立项依据充分性"), "{screen}");
    assert!(!screen.contains("A1 立项"), "{screen}");
    // The key still finds it; the title gives the key beside the printed name.
    keys(&mut app, "/A1<Enter>");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("╭ 立项依据充分性 [A1] "), "{screen}");
    assert!(
        screen.contains("评分标准为评价组根据报告数据还原"),
        "{screen}"
    );
    // The printed code finds its node too; its detail lists every figure the report prints.
    keys(&mut app, "/（一）<Enter>");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("╭ （一） 决策 [A] "), "{screen}");
    assert!(screen.contains("【报告列示】"), "{screen}");
    assert!(screen.contains("  表3：得分 4 "), "{screen}");
    assert!(screen.contains("  正文第四部分：得分 3.5"), "{screen}");
    assert!(screen.contains("  表1：分值 5"), "{screen}");
    // The 加减分项 item, five rows further down: its rule, range and printed points.
    keys(&mut app, "jjjjj");
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("规则：每项 1 分 × 4 项 = 4 分"), "{screen}");
    assert!(screen.contains("范围：1–3 分"), "{screen}");
    assert!(screen.contains("报告列示 2 分"), "{screen}");
}
