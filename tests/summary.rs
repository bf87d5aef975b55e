//! `jixiao summary`: one row per project, sortable, as text, JSON or CSV; files that fail are
//! reported with their errors and make the exit status 1.

mod docs_support;
mod support;

use docs_support::*;
use serde_json::Value;

fn json(run: &Run) -> Value {
    serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.text()))
}

fn files_in_order(v: &Value) -> Vec<String> {
    v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn one_row_per_sample_with_totals_grades_rates_and_progress() {
    let run = jixiao(&["summary", "samples"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + samples().len(), "{text}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "项目",
            "总分",
            "等级",
            "决策",
            "过程",
            "产出",
            "效益",
            "已评",
            "已复核",
            "文件"
        ]
    );
    let checkup = lines
        .iter()
        .find(|l| l.ends_with("samples/rongcheng-checkup.toml"))
        .unwrap();
    let cells: Vec<&str> = checkup.split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "荣成市职工免费查体项目",
            "64.72",
            "中",
            "91.13%",
            "48.00%",
            "68.20%",
            "62.86%",
            "26/26",
            "0/26",
            "samples/rongcheng-checkup.toml"
        ]
    );
}

#[test]
fn json_has_every_figure_as_a_string() {
    let run = jixiao(&["summary", "samples", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = json(&run);
    assert_eq!(
        v["columns"],
        serde_json::json!(["决策", "过程", "产出", "效益"])
    );
    assert_eq!(v["failed"], serde_json::json!([]));
    let p = v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"] == "samples/rongcheng-elderly-signing.toml")
        .unwrap();
    assert_eq!(p["name"], "老年人家庭签约服务项目");
    assert_eq!(p["total"], "83.09");
    assert_eq!(p["max"], "100");
    assert_eq!(p["grade"], "良");
    assert_eq!(
        p["level1"][2],
        serde_json::json!({"name": "产出", "rate": "72.17"})
    );
    assert_eq!(
        (
            p["leaves"].as_u64(),
            p["scored"].as_u64(),
            p["reviewed"].as_u64()
        ),
        (Some(32), Some(32), Some(0))
    );
    // --format json is the same thing.
    let again = jixiao(&["summary", "samples", "--format", "json"]);
    assert_eq!(again.stdout, run.stdout);
}

#[test]
fn sorting_by_each_column() {
    let order = |key: &str| {
        files_in_order(&json(&jixiao(&[
            "summary", "samples", "--json", "--sort", key,
        ])))
    };
    let by_total = order("total");
    assert_eq!(by_total[0], "samples/basic-public-health.toml"); // 99.50
    assert_eq!(by_total.last().unwrap(), "samples/rongcheng-checkup.toml"); // 64.72
    let by_grade = order("grade");
    // 优, then the two 良 (83.09 before 80.03), then the 中.
    assert_eq!(
        by_grade[..3],
        [
            "samples/basic-public-health.toml",
            "samples/rongcheng-elderly-signing.toml",
            "samples/rongcheng-outsourcing-park.toml"
        ]
    );
    let by_process = order("过程");
    assert_eq!(by_process[0], "samples/basic-public-health.toml"); // 100%
    assert_eq!(by_process.last().unwrap(), "samples/rongcheng-checkup.toml"); // 48%
    let by_file = order("file");
    let mut sorted = by_file.clone();
    sorted.sort();
    assert_eq!(by_file, sorted);
    let by_name = order("name");
    let v = json(&jixiao(&["summary", "samples", "--json", "--sort", "name"]));
    let names: Vec<&str> = v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let mut sorted_names = names.clone();
    sorted_names.sort();
    assert_eq!(names, sorted_names);
    assert_eq!(by_name.len(), samples().len());
    assert_eq!(order("progress").len(), samples().len());

    let run = jixiao(&["summary", "samples", "--sort", "budget"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("expected one of: name, total, grade, progress, file, 决策"),
        "{}",
        run.stderr
    );
}

#[test]
fn progress_counts_scored_and_reviewed_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let run = jixiao(&["new", "--framework", "mof-program", p.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (code, status) in [("A101", "已复核"), ("A102", "已评")] {
        let run = jixiao(&[
            "set",
            p.to_str().unwrap(),
            code,
            &format!("status={status}"),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let v = json(&jixiao(&["summary", p.to_str().unwrap(), "--json"]));
    let row = &v["projects"][0];
    assert_eq!(
        (
            row["scored"].as_u64(),
            row["reviewed"].as_u64(),
            row["leaves"].as_u64()
        ),
        (Some(2), Some(1), Some(17))
    );

    // A project nobody has scored yet shows no total or grade rather than 0.00 / 差.
    let q = dir.path().join("q.toml");
    jixiao(&["new", "--framework", "mof-program", q.to_str().unwrap()]);
    let v = json(&jixiao(&["summary", q.to_str().unwrap(), "--json"]));
    let projects = v["projects"].as_array().expect("a list of projects");
    assert_eq!(projects.len(), 1, "{v}");
    assert_eq!(v["failed"].as_array().map(Vec::len), Some(0), "{v}");
    let row = &projects[0];
    assert_eq!(row["file"].as_str(), q.to_str());
    assert_eq!(
        (row["scored"].as_u64(), row["leaves"].as_u64()),
        (Some(0), Some(17))
    );
    assert_eq!(row["max"], "100");
    assert_eq!(row["total"], Value::Null);
    assert_eq!(row["grade"], Value::Null);
    let rates: Vec<&Value> = row["level1"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["rate"])
        .collect();
    assert_eq!(rates, [&Value::Null; 4]);
}

#[test]
fn csv_for_excel() {
    let run = jixiao(&["summary", "samples", "--format", "csv", "--sort", "total"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.text();
    assert!(text.starts_with('\u{feff}'));
    let rows = jixiao::import::read::parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(
        rows[0].cells,
        [
            "项目",
            "总分",
            "满分",
            "等级",
            "决策得分率",
            "过程得分率",
            "产出得分率",
            "效益得分率",
            "已评",
            "已复核",
            "指标数",
            "文件"
        ]
    );
    assert_eq!(
        rows[1].cells[..4],
        ["基本公共卫生服务经费", "99.50", "100", "优"]
    );
    assert_eq!(rows.len(), 1 + samples().len());
    let run = jixiao(&["summary", "samples", "--json", "--format", "csv"]);
    assert_eq!(run.code, 2);
}

#[test]
fn broken_files_are_listed_with_their_errors_and_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    for s in samples().iter().take(2) {
        std::fs::copy(
            root().join(s),
            dir.path()
                .join(std::path::Path::new(s).file_name().unwrap()),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("broken.toml"), "[framework\nid = ").unwrap();
    std::fs::copy(
        root().join("tests/malformed/children-weights.toml"),
        dir.path().join("weights.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a project").unwrap();
    let d = dir.path().to_str().unwrap();
    let run = jixiao(&["summary", d]);
    assert_eq!(run.code, 1);
    assert_eq!(run.text().lines().count(), 3, "{}", run.text()); // header + 2 projects
    let broken = format!("{d}/broken.toml:1:");
    assert!(
        run.stderr.contains(&broken) && run.stderr.contains("error: invalid TOML"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("{d}/weights.toml:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("children add up to"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 file(s) could not be summarised; 2 project(s) listed")
    );
    assert!(!run.stderr.contains("notes.txt"));

    let v = json(&jixiao(&["summary", d, "--json"]));
    let failed = v["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 2);
    assert!(
        failed
            .iter()
            .all(|f| !f["errors"].as_array().unwrap().is_empty())
    );

    let run = jixiao(&["summary", &format!("{d}/missing.toml")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("missing.toml: error: cannot read"),
        "{}",
        run.stderr
    );
}
