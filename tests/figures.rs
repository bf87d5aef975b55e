//! Questionnaire tallies and per-year figures from the command line: `survey import` of a
//! platform's CSV or xlsx export, `set` of one count or one year, and two evaluators changing
//! them on two git branches merged by `jixiao merge` as git's merge driver.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = "tests/projects/survey-years.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn jixiao(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(dir)
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .args(args)
        .output()
        .expect("run jixiao");
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn project_in(dir: &Path) -> PathBuf {
    let p = dir.join("p.toml");
    std::fs::copy(root().join(FIXTURE), &p).unwrap();
    p
}

fn counts(p: &Path, code: &str, q: usize) -> Vec<String> {
    let text = std::fs::read_to_string(p).unwrap();
    let project = jixiao::store::parse_project(&text).unwrap().project;
    project.get(code).unwrap().assessment.surveys[0].questions[q]
        .counts
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn changed_lines(before: &str, after: &str) -> usize {
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    b.iter().filter(|l| !a.contains(l)).count()
}

/// 200 respondents, question 2 before question 1, as a 问卷星 "按文本" download.
fn raw_csv() -> String {
    let mut s = String::from(
        "序号,提交答卷时间,所用时间,2、您对服务效果是否满意,1、您对服务态度是否满意\n",
    );
    let first = [("非常满意", 160), ("满意", 30), ("一般", 8), ("不满意", 2)];
    let second = [("非常满意", 120), ("满意", 70), ("一般", 10)];
    let expand = |t: &[(&'static str, usize)]| -> Vec<&'static str> {
        t.iter()
            .flat_map(|(o, n)| std::iter::repeat_n(*o, *n))
            .collect()
    };
    let (a, b) = (expand(&first), expand(&second));
    for i in 0..200 {
        s.push_str(&format!(
            "{},2023/10/1 10:00,95秒,{},{}\n",
            i + 1,
            b[i],
            a[i]
        ));
    }
    s
}

#[test]
fn respondent_rows_become_the_tallies_and_only_the_counts_change() {
    let dir = tempfile::tempdir().unwrap();
    let p = project_in(dir.path());
    std::fs::write(dir.path().join("raw.csv"), raw_csv()).unwrap();
    let before = std::fs::read_to_string(&p).unwrap();
    let (code, out, err) = jixiao(dir.path(), &["survey", "import", "p.toml", "C2", "raw.csv"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("raw.csv：200 份答卷"), "{out}");
    assert!(
        out.contains("第1题 您对服务态度是否满意（E 列）：非常满意 160，满意 30，一般 8，不满意 2，合计 200 人，94.40%"),
        "{out}"
    );
    assert!(out.contains("满意度 = 92.70%"), "{out}");
    // 92.70% × 5 = 4.635 → 4.64
    assert!(out.contains("C2 服务对象满意度：4.58 → 4.64 分"), "{out}");
    let after = std::fs::read_to_string(&p).unwrap();
    assert_eq!(changed_lines(&before, &after), 2, "{after}");
    assert!(after.contains("counts = [160, 30, 8, 2]   # 200 份"));
    assert_eq!(counts(&p, "C2", 1), ["120", "70", "10", "0"]);
    // The same file again changes nothing.
    let (code, out, _) = jixiao(dir.path(), &["survey", "import", "p.toml", "C2", "raw.csv"]);
    assert_eq!(code, 0);
    assert!(out.contains("无需修改"), "{out}");
}

/// An input of the survey's name stands in its way (a report's 满意度 typed in before the
/// tally was imported): the import and `check` say so, and removing the input scores the tally.
#[test]
fn an_input_of_the_surveys_name_is_named_as_what_the_rule_reads() {
    let dir = tempfile::tempdir().unwrap();
    let p = project_in(dir.path());
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "[[indicators.C2.surveys]]",
        "inputs = { \"满意度\" = 94.5 }\n\n[[indicators.C2.surveys]]",
    );
    std::fs::write(&p, text).unwrap();
    std::fs::write(dir.path().join("raw.csv"), raw_csv()).unwrap();
    let said = "C2：评分规则读取的是输入数据 满意度 = 94.5，不是同名问卷";
    let (code, out, err) = jixiao(dir.path(), &["survey", "import", "p.toml", "C2", "raw.csv"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains(said), "{out}{err}");
    let (code, out, err) = jixiao(dir.path(), &["check", "p.toml"]);
    assert_eq!(code, 0, "a warning: {out}{err}");
    assert!(format!("{out}{err}").contains(said), "{out}{err}");
    let (code, out, err) = jixiao(dir.path(), &["set", "p.toml", "C2", "input.满意度="]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, out, err) = jixiao(dir.path(), &["check", "p.toml"]);
    assert!(!format!("{out}{err}").contains(said), "{out}{err}");
}

/// A survey imported under a name the rule does not read changes no score: the import says so.
#[test]
fn a_survey_the_rule_does_not_read_is_said_to_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    project_in(dir.path());
    std::fs::write(dir.path().join("raw.csv"), raw_csv()).unwrap();
    let args = [
        "survey",
        "import",
        "p.toml",
        "C1",
        "raw.csv",
        "--options",
        "非常满意=100,满意=80,一般=60,不满意=0",
    ];
    let (code, out, err) = jixiao(dir.path(), &args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("不读取问卷“满意度”，得分不随之变化"),
        "{out}{err}"
    );
    assert!(out.contains("C1 资金到位率：4.83 → 4.83"), "{out}{err}");
    // Where the rule reads it, nothing is said.
    let (_, out, err) = jixiao(dir.path(), &["survey", "import", "p.toml", "C2", "raw.csv"]);
    assert!(!err.contains("不读取问卷"), "{out}{err}");
}

#[test]
fn a_bad_answer_is_refused_with_its_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = project_in(dir.path());
    let csv = raw_csv().replacen("95秒,满意,", "95秒,很满意,", 1);
    std::fs::write(dir.path().join("bad.csv"), csv).unwrap();
    let before = std::fs::read_to_string(&p).unwrap();
    let (code, _, err) = jixiao(
        dir.path(),
        &[
            "--lang", "en", "survey", "import", "p.toml", "C2", "bad.csv",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("bad.csv: error: row 122, column 4 (D122), \"2、您对服务效果是否满意\": the answer \"很满意\" is not an option"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), before);
}

#[test]
fn a_tallied_xlsx_fills_the_question_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = project_in(dir.path());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("第2题").unwrap();
    for (c, h) in ["选项", "小计", "比例"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (o, n, pct)) in [
        ("非常满意", 60.0, "60%"),
        ("满意", 30.0, "30%"),
        ("一般", 10.0, "10%"),
        ("不满意", 0.0, "0%"),
    ]
    .iter()
    .enumerate()
    {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *o).unwrap();
        ws.write_number(r, 1, *n).unwrap();
        ws.write_string(r, 2, *pct).unwrap();
    }
    wb.save(dir.path().join("t.xlsx")).unwrap();
    // Two questions, one column: the question must be named.
    let (code, _, err) = jixiao(dir.path(), &["survey", "import", "p.toml", "C2", "t.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("--question N"), "{err}");
    let (code, out, err) = jixiao(
        dir.path(),
        &[
            "survey",
            "import",
            "p.toml",
            "C2",
            "t.xlsx",
            "--question",
            "2",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("汇总表（选项 × 人数）"), "{out}");
    assert!(
        out.contains("第2题 您对服务效果是否满意（B 列）：非常满意 60，满意 30，一般 10，不满意 0，合计 100 人，90.00%"),
        "{out}"
    );
    // (93.10% + 90.00%) ÷ 2 = 91.55%
    assert!(out.contains("满意度 = 91.55%"), "{out}");
    assert_eq!(counts(&p, "C2", 0), ["150", "40", "7", "3"]);
    assert_eq!(counts(&p, "C2", 1), ["60", "30", "10", "0"]);
}

#[test]
fn set_changes_one_count_and_one_year() {
    let dir = tempfile::tempdir().unwrap();
    let p = project_in(dir.path());
    let before = std::fs::read_to_string(&p).unwrap();
    let (code, out, err) = jixiao(
        dir.path(),
        &["set", "p.toml", "C2", "survey.满意度.1.满意=41"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = jixiao(
        dir.path(),
        &["set", "p.toml", "C1", "input.到位资金.2020=540"],
    );
    assert_eq!(code, 0, "{out}{err}");
    // (500 + 540 + 540) ÷ 1580 = 100% → 5
    assert!(out.contains("C1 资金到位率：4.83 → 5.00 分"), "{out}");
    let after = std::fs::read_to_string(&p).unwrap();
    assert_eq!(changed_lines(&before, &after), 2, "{after}");
    assert!(after.contains("\"到位资金\" = { 2019 = 500, 2020 = 540, 2021 = 540 } }   # 万元"));
    let (code, _, err) = jixiao(dir.path(), &["set", "p.toml", "C1", "input.到位资金=1500"]);
    assert_eq!(code, 1);
    assert!(err.contains("按年度填写"), "{err}");
    let (code, _, err) = jixiao(dir.path(), &["set", "p.toml", "C2", "survey.满意度.满意=1"]);
    assert_eq!(code, 1);
    assert!(err.contains("共 2 题"), "{err}");
}

// ─── Two evaluators on two git branches ──────────────────────────────────────

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        std::fs::write(
            repo.dir.path().join(".gitattributes"),
            "*.toml merge=jixiao\n",
        )
        .unwrap();
        let bin = env!("CARGO_BIN_EXE_jixiao");
        repo.git(&["config", "merge.jixiao.name", "jixiao field-level merge"]);
        repo.git(&[
            "config",
            "merge.jixiao.driver",
            &format!("{bin} merge %O %A %B --path %P"),
        ]);
        project_in(repo.dir.path());
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "base"]);
        repo.git(&["branch", "bob"]);
        repo
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("git")
            .current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LC_ALL", "en_US.UTF-8")
            .env("GIT_AUTHOR_NAME", "alice")
            .env("GIT_AUTHOR_EMAIL", "alice@example.com")
            .env("GIT_COMMITTER_NAME", "alice")
            .env("GIT_COMMITTER_EMAIL", "alice@example.com")
            .args(args)
            .output()
            .expect("run git")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn change_on(&self, branch: &str, args: &[&str]) {
        self.git(&["checkout", "-q", branch]);
        let (code, out, err) = jixiao(self.dir.path(), args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        self.git(&["commit", "-q", "-am", &format!("{args:?}")]);
    }

    fn project(&self) -> jixiao::model::Project {
        let text = std::fs::read_to_string(self.dir.path().join("p.toml")).unwrap();
        jixiao::store::parse_project(&text).unwrap().project
    }
}

fn year(p: &jixiao::model::Project, name: &str, y: &str) -> String {
    let a = &p.get("C1").unwrap().assessment;
    a.yearly_input(name).unwrap().get(y).unwrap().to_string()
}

fn count(p: &jixiao::model::Project, q: usize, o: usize) -> String {
    p.get("C2").unwrap().assessment.surveys[0].questions[q].counts[o].to_string()
}

#[test]
fn different_years_and_counts_merge_clean_the_same_one_is_a_recorded_conflict() {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "needs git");
        eprintln!("skipped: needs git");
        return;
    }
    let repo = Repo::new();
    repo.change_on("main", &["set", "p.toml", "C1", "input.到位资金.2020=500"]);
    repo.change_on("main", &["set", "p.toml", "C2", "survey.满意度.1.满意=41"]);
    repo.change_on("bob", &["set", "p.toml", "C1", "input.到位资金.2021=530"]);
    repo.change_on("bob", &["set", "p.toml", "C2", "survey.满意度.2.一般=1"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["merge", "--no-edit", "bob"]);
    let p = repo.project();
    assert_eq!(year(&p, "到位资金", "2020"), "500");
    assert_eq!(year(&p, "到位资金", "2021"), "530");
    assert_eq!(count(&p, 0, 1), "41");
    assert_eq!(count(&p, 1, 2), "1");
    assert!(p.conflicts.is_empty());

    // Both change 2019's figure and one count, differently.
    repo.git(&["checkout", "-q", "bob"]);
    repo.git(&["merge", "-q", "--no-edit", "main"]);
    repo.change_on("main", &["set", "p.toml", "C1", "input.预算资金.2019=510"]);
    repo.change_on(
        "main",
        &["set", "p.toml", "C2", "survey.满意度.1.非常满意=151"],
    );
    repo.change_on("bob", &["set", "p.toml", "C1", "input.预算资金.2019=520"]);
    repo.change_on(
        "bob",
        &["set", "p.toml", "C2", "survey.满意度.1.非常满意=152"],
    );
    repo.git(&["checkout", "-q", "main"]);
    let out = repo.run(&["merge", "--no-edit", "bob"]);
    assert!(
        !out.status.success(),
        "the same year both changed is a conflict"
    );
    // The count is named by its option and its (short) question, as the evaluator asks it.
    let label = "满意度 第1题（您对服务态度是否满意）“非常满意”人数";
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.contains(label), "{said}");
    let p = repo.project();
    let fields: Vec<String> = p.conflicts.iter().map(|c| c.field.key()).collect();
    assert_eq!(fields, ["year.预算资金.2019", "survey.满意度.1.1"]);
    let (_, out, err) = jixiao(repo.dir.path(), &["check", "p.toml"]);
    assert!(out.contains(label) || err.contains(label), "{out}{err}");
    // Ours is kept until resolved; theirs is taken by resolve.
    assert_eq!(year(&p, "预算资金", "2019"), "510");
    let (code, out, err) = jixiao(repo.dir.path(), &["resolve", "p.toml", "C1", "theirs"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = jixiao(repo.dir.path(), &["resolve", "p.toml", "C2", "ours"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(label), "{out}");
    let p = repo.project();
    assert_eq!(year(&p, "预算资金", "2019"), "520");
    assert_eq!(count(&p, 0, 0), "151");
    assert!(p.conflicts.is_empty());
    let (code, out, err) = jixiao(repo.dir.path(), &["check", "p.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    // `git diff`'s view (`jixiao show`) names the counts the same way.
    let (_, out, _) = jixiao(repo.dir.path(), &["show", "p.toml"]);
    assert!(
        out.contains(&format!("C2 服务对象满意度 {label} = 151")),
        "{out}"
    );
}
