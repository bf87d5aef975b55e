//! git as the engine between machines: real `git merge` and `git diff` through `jixiao merge`
//! and `jixiao show`, configured with the exact lines docs/team.md gives.

use std::path::PathBuf;
use std::process::{Command, Output};

const SAMPLE: &str = "samples/rongcheng-checkup.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether git can run. Without it the test fails on CI (where it must run) and says that it
/// was skipped elsewhere — never silently.
fn have_git(test: &str) -> bool {
    if Command::new("git").arg("--version").output().is_ok() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test}: needs git, which is not installed");
    }
    eprintln!("skipped {test}: needs git");
    false
}

/// The lines of the first fenced block of `lang` in the "Between machines: git" section.
fn doc_block(lang: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/team.md")).unwrap();
    let section = doc
        .split("## Between machines: git")
        .nth(1)
        .expect("docs/team.md has a section \"Between machines: git\"");
    let fence = format!("```{lang}\n");
    let start = section.find(&fence).expect("a fenced block") + fence.len();
    section[start..]
        .split("```")
        .next()
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// A repository with the sample project committed on `main`, set up as docs/team.md says.
struct Repo {
    _home: tempfile::TempDir,
    dir: tempfile::TempDir,
    home: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let home = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let repo = Repo {
            home: home.path().to_path_buf(),
            _home: home,
            dir,
        };
        repo.git_ok(&["init", "-q", "-b", "main"]);
        let attributes = doc_block("gitattributes").join("\n") + "\n";
        assert_eq!(attributes, "*.toml merge=jixiao diff=jixiao\n");
        std::fs::write(repo.path(".gitattributes"), attributes).unwrap();
        let bin = env!("CARGO_BIN_EXE_jixiao");
        let config = doc_block("sh");
        assert!(config.len() >= 3, "{config:?}");
        for line in config {
            // git config KEY "VALUE": the value as a shell would pass it, with our binary.
            let rest = line.strip_prefix("git config ").expect(&line);
            let (key, value) = rest.split_once(' ').expect(&line);
            let value = value.trim_matches('"');
            let value = match value.strip_prefix("jixiao ") {
                Some(args) => format!("{bin} {args}"),
                None => value.to_string(),
            };
            repo.git_ok(&["config", key, &value]);
        }
        std::fs::copy(root().join(SAMPLE), repo.path("p.toml")).unwrap();
        repo.git_ok(&["add", "."]);
        repo.git_ok(&["commit", "-q", "-m", "base"]);
        repo
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn env(&self, c: &mut Command) {
        c.current_dir(self.dir.path())
            .env("HOME", &self.home)
            .env("LC_ALL", "en_US.UTF-8")
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "alice")
            .env("GIT_AUTHOR_EMAIL", "alice@example.com")
            .env("GIT_COMMITTER_NAME", "alice")
            .env("GIT_COMMITTER_EMAIL", "alice@example.com")
            .env("GIT_PAGER", "cat")
            .env("RUST_BACKTRACE", "0");
    }

    fn git(&self, args: &[&str]) -> Output {
        let mut c = Command::new("git");
        self.env(&mut c);
        c.args(args).output().expect("run git")
    }

    fn git_ok(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn jixiao(&self, args: &[&str]) -> (i32, String, String) {
        let mut c = Command::new(env!("CARGO_BIN_EXE_jixiao"));
        self.env(&mut c);
        let out = c.args(args).output().expect("run jixiao");
        (
            out.status.code().expect("exited"),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn jixiao_ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.jixiao(args);
        assert_eq!(code, 0, "jixiao {args:?}: {out}{err}");
        out
    }

    /// Runs `jixiao ARGS` on `branch` and commits the result.
    fn change_on(&self, branch: &str, args: &[&str]) {
        self.git_ok(&["checkout", "-q", branch]);
        self.jixiao_ok(args);
        self.git_ok(&["commit", "-q", "-am", &format!("{args:?}")]);
    }

    fn project(&self) -> jixiao::model::Project {
        let text = std::fs::read_to_string(self.path("p.toml")).unwrap();
        jixiao::store::parse_project(&text).unwrap().project
    }
}

fn score(p: &jixiao::model::Project, code: &str) -> Option<String> {
    p.get(code)
        .and_then(|i| i.assessment.score)
        .map(|s| s.to_string())
}

fn reasons(p: &jixiao::model::Project, code: &str) -> Vec<String> {
    p.get(code)
        .unwrap()
        .assessment
        .deductions
        .iter()
        .map(|d| d.reason.clone())
        .collect()
}

#[test]
fn two_branches_scoring_different_indicators_merge_cleanly() {
    if !have_git("two_branches_scoring_different_indicators_merge_cleanly") {
        return;
    }
    let repo = Repo::new();
    repo.git_ok(&["branch", "bob"]);
    repo.change_on("main", &["set", "p.toml", "A102", "score=1.5"]);
    repo.change_on(
        "bob",
        &["set", "p.toml", "C101", "justification=现场核查已完成。"],
    );
    repo.git_ok(&["checkout", "-q", "main"]);
    let out = repo.git(&["merge", "--no-edit", "bob"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("merged cleanly"), "{said}");
    let p = repo.project();
    assert_eq!(score(&p, "A102").as_deref(), Some("1.5"));
    assert_eq!(
        p.get("C101").unwrap().assessment.justification,
        "现场核查已完成。"
    );
    assert_eq!(repo.jixiao(&["check", "-q", "p.toml"]).0, 0);
}

#[test]
fn deductions_both_branches_add_to_one_leaf_are_both_kept() {
    if !have_git("deductions_both_branches_add_to_one_leaf_are_both_kept") {
        return;
    }
    let repo = Repo::new();
    repo.git_ok(&["branch", "bob"]);
    repo.change_on(
        "main",
        &["deduct", "p.toml", "A201", "0.25", "alice 的发现"],
    );
    repo.change_on("bob", &["deduct", "p.toml", "A201", "0.5", "bob 的发现"]);
    repo.git_ok(&["checkout", "-q", "main"]);
    repo.git_ok(&["merge", "--no-edit", "bob"]);
    let got = reasons(&repo.project(), "A201");
    assert!(
        got.ends_with(&["bob 的发现".to_string(), "alice 的发现".to_string()]),
        "{got:?}"
    );
    assert_eq!(repo.jixiao(&["check", "-q", "p.toml"]).0, 0);
}

#[test]
fn the_same_leaf_scored_differently_conflicts_until_resolved() {
    if !have_git("the_same_leaf_scored_differently_conflicts_until_resolved") {
        return;
    }
    let repo = Repo::new();
    repo.git_ok(&["branch", "bob"]);
    repo.change_on("main", &["set", "p.toml", "A102", "score=1.5"]);
    repo.change_on("bob", &["set", "p.toml", "A102", "score=1"]);
    repo.git_ok(&["checkout", "-q", "main"]);
    let out = repo.git(&["merge", "--no-edit", "bob"]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("CONFLICT A102 程序规范性 得分：ours 1.50，theirs 1.00"),
        "{said}"
    );
    assert!(said.contains("Merge conflict in p.toml"), "{said}");

    // The file is a valid project holding ours' value and the record; check points at it.
    let text = std::fs::read_to_string(repo.path("p.toml")).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    assert_eq!(score(&repo.project(), "A102").as_deref(), Some("1.5"));
    let (code, out, _) = repo.jixiao(&["check", "-q", "p.toml"]);
    assert_eq!(code, 1, "{out}");
    let line = text
        .lines()
        .position(|l| l == "[[conflicts]]")
        .expect("a [[conflicts]] record")
        + 2;
    assert_eq!(
        out.trim(),
        format!(
            "p.toml:{line}:8: error: unresolved merge conflict in A102 得分 (ours 1.50, theirs 1.00)"
        )
    );

    let said = repo.jixiao_ok(&["resolve", "p.toml", "A102", "theirs"]);
    assert_eq!(said.trim(), "A102 得分: took theirs 1.00");
    assert_eq!(repo.jixiao(&["check", "-q", "p.toml"]).0, 0);
    assert_eq!(score(&repo.project(), "A102").as_deref(), Some("1"));
    assert!(
        !std::fs::read_to_string(repo.path("p.toml"))
            .unwrap()
            .contains("[[conflicts]]")
    );
    repo.git_ok(&["commit", "-q", "-am", "merge bob: A102 per bob"]);
}

#[test]
fn git_diff_shows_score_changes_through_textconv() {
    if !have_git("git_diff_shows_score_changes_through_textconv") {
        return;
    }
    let repo = Repo::new();
    repo.jixiao_ok(&["set", "p.toml", "A102", "score=1.5"]);
    repo.jixiao_ok(&["deduct", "p.toml", "A201", "0.5", "目标值未量化"]);
    let diff = repo.git_ok(&["diff", "p.toml"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("--- ")
                && !l.starts_with("+++ ")
        })
        .collect();
    for expected in [
        "-A102 程序规范性 得分 = 2.00",
        "+A102 程序规范性 得分 = 1.50",
        "+A102 程序规范性 给定得分 = 1.50",
        "+A201 绩效目标合理性 扣分 = 扣 0.5 分 目标值未量化",
        "-总分 = 64.72（中）",
        "+总分 = 63.72（中）",
    ] {
        assert!(changed.contains(&expected), "{expected} not in:\n{diff}");
    }
    // No TOML lines: the diff is of fields.
    assert!(!diff.contains("score = "), "{diff}");
}

#[test]
fn an_unreadable_version_is_a_located_error_and_leaves_ours() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let (base, ours, theirs) = (
        dir.path().join("o"),
        dir.path().join("a"),
        dir.path().join("b"),
    );
    std::fs::write(&base, &sample).unwrap();
    std::fs::write(&ours, &sample).unwrap();
    std::fs::write(&theirs, "[framework\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["merge"])
        .args([&base, &ours, &theirs].map(|p| p.as_os_str()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:1:", theirs.display())),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), sample);
}

mod damaged {
    //! Any two versions, however damaged, merge to a result or a located error: never a panic.

    use proptest::prelude::*;

    const BASE: &str = include_str!("../samples/rongcheng-checkup.toml");

    /// The sample with a few byte ranges replaced by TOML-significant or arbitrary text.
    fn damaged() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(String::new()),
            Just("\"".to_string()),
            Just("[".to_string()),
            Just("]\n".to_string()),
            Just(" = 1.5\n".to_string()),
            Just("[[indicators.A101.deductions]]\npoints = 9\n".to_string()),
            Just("[[conflicts]]\nfield = \"score\"\n".to_string()),
            Just("weight = 7\n".to_string()),
            "[ -~]{0,12}",
        ];
        prop::collection::vec((any::<usize>(), 0usize..30, piece), 0..4).prop_map(|cuts| {
            let mut s = BASE.to_string();
            for (at, len, with) in cuts {
                let mut start = at % (s.len() + 1);
                while !s.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + len).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(start..end, &with);
            }
            s
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn merging_damaged_versions_never_panics(ours in damaged(), theirs in damaged()) {
            if let Ok(mut m) = jixiao::merge::merge_texts(BASE, &ours, &theirs)
                && m.record_conflicts("a", "b").is_ok()
            {
                let loaded = jixiao::store::parse_project(&m.text);
                prop_assert!(loaded.is_ok(), "the merged text is TOML: {}", m.text);
                let _ = jixiao::check::check(&loaded.unwrap());
                let _ = jixiao::merge::field_lines(&m.file.project().clone());
            }
        }
    }
}
