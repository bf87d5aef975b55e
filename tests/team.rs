//! A team on one server, with real Unix accounts: alice, bob and carol in the group `evalteam`,
//! working in a setgid group directory with umask 002, as docs/team.md describes. The tests
//! create the accounts (they need root: CI runs as root) and run the real binary as each user
//! through `runuser`. Without root or the account tools they fail under CI (`CI` set), naming
//! what is missing, and otherwise skip with one line saying so.

mod support;
#[path = "support/tmux.rs"]
mod tmux;
use tmux::Tmux;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const GROUP: &str = "evalteam";
const USERS: [&str; 3] = ["alice", "bob", "carol"];

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What this machine lacks for the team tests, if anything.
fn missing() -> Option<String> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Some("root (to create the accounts alice, bob, carol)".into());
    }
    ["runuser", "useradd", "groupadd", "getent"]
        .into_iter()
        .find(|t| !have(t))
        .map(|t| format!("the `{t}` command"))
}

/// Creates the group and the accounts once per test run. Returns false (after saying so, or
/// failing under CI) when they cannot be made here.
fn team(test: &str) -> bool {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    let ready = READY.get_or_init(|| {
        if let Some(m) = missing() {
            return Err(m);
        }
        let run = |args: &[&str]| {
            let out = Command::new(args[0]).args(&args[1..]).output().unwrap();
            out.status.success()
        };
        if !run(&["getent", "group", GROUP]) && !run(&["groupadd", GROUP]) {
            return Err(format!("could not create the group {GROUP}"));
        }
        for u in USERS {
            if !run(&["getent", "passwd", u])
                && !run(&["useradd", "--no-create-home", "--groups", GROUP, u])
            {
                return Err(format!("could not create the user {u}"));
            }
        }
        Ok(())
    });
    match ready {
        Ok(()) => true,
        Err(what) => {
            if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
                panic!("{test}: needs {what}, which this CI machine does not give");
            }
            eprintln!("skipped {test}: needs {what}");
            false
        }
    }
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jixiao")
}

/// A group directory as a team sets one up: root:evalteam, setgid, group-writable.
fn team_dir() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("jixiao-team-")
        .tempdir_in("/tmp")
        .unwrap();
    chown(dir.path(), "root", GROUP);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2775)).unwrap();
    dir
}

fn chown(path: &Path, user: &str, group: &str) {
    let ok = Command::new("chown")
        .arg(format!("{user}:{group}"))
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "chown {user}:{group} {}", path.display());
}

/// Runs jixiao as `user` with umask 002 and a data directory of that user's own.
fn as_user(user: &str, dir: &Path, args: &[&str]) -> Output {
    let data = dir.join(format!(".data-{user}"));
    let script = "umask 002; exec \"$@\"";
    Command::new("runuser")
        .args(["-u", user, "--", "env"])
        .arg(format!("JIXIAO_DATA_DIR={}", data.display()))
        .arg(format!("USER={user}"))
        .arg("LC_ALL=en_US.UTF-8")
        .args(["sh", "-c", script, "sh", bin()])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sample_in(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        &p,
    )
    .unwrap();
    p
}

fn owner_group_mode(p: &Path) -> (String, String, u32) {
    let m = std::fs::metadata(p).unwrap();
    let name = |cmd: &str, id: u32| {
        let o = Command::new("getent")
            .args([cmd, &id.to_string()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout)
            .split(':')
            .next()
            .unwrap_or("")
            .to_string()
    };
    (
        name("passwd", m.uid()),
        name("group", m.gid()),
        m.mode() & 0o7777,
    )
}

fn text(o: &Output) -> String {
    format!(
        "status {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_save_the_file_system_refuses_changes_nothing_and_names_owner_and_mode() {
    if !team("a_save_the_file_system_refuses_changes_nothing_and_names_owner_and_mode") {
        return;
    }
    let dir = team_dir();
    // root's file, 0644, in a directory alice may write: the directory is not the file.
    let p = sample_in(dir.path(), "p.toml");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&p).unwrap();
    let out = as_user(
        "alice",
        dir.path(),
        &["deduct", "p.toml", "A202", "0.5", "档案不全"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("owner root") && err.contains("rw-r--r-- (0644)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert_eq!(owner_group_mode(&p), ("root".into(), GROUP.into(), 0o644));
    // The same for an export over it, and for any 0444 file.
    let out = as_user(
        "alice",
        dir.path(),
        &["export", "p.toml", "--format", "md", "-o", "p.toml"],
    );
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(std::fs::read(&p).unwrap(), before);
    let ro = sample_in(dir.path(), "ro.toml");
    chown(&ro, "alice", GROUP);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = as_user(
        "alice",
        dir.path(),
        &["deduct", "ro.toml", "A202", "0.5", "x"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(0444)"));
}

#[test]
fn a_save_keeps_the_teams_group_and_mode_and_new_files_follow_the_umask() {
    if !team("a_save_keeps_the_teams_group_and_mode_and_new_files_follow_the_umask") {
        return;
    }
    let dir = team_dir();
    let p = sample_in(dir.path(), "p.toml");
    chown(&p, "alice", GROUP);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o660)).unwrap();
    let out = as_user(
        "bob",
        dir.path(),
        &["deduct", "p.toml", "A202", "0.5", "档案不全"],
    );
    assert!(out.status.success(), "{}", text(&out));
    let (_, group, mode) = owner_group_mode(&p);
    assert_eq!((group.as_str(), mode), (GROUP, 0o660));
    // carol, in the group, still reads it.
    let out = as_user("carol", dir.path(), &["score", "p.toml"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("64.22"));
    // The backup is exactly as private as the file.
    let bak = dir.path().join("p.toml.bak");
    let (_, g, m) = owner_group_mode(&bak);
    assert_eq!((g.as_str(), m), (GROUP, 0o660));

    // New files (a project, an export) get the umask: group-writable under 002, in the group.
    let out = as_user(
        "alice",
        dir.path(),
        &["new", "--framework", "mof-program", "new.toml"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        owner_group_mode(&dir.path().join("new.toml")),
        ("alice".into(), GROUP.into(), 0o664)
    );
    let out = as_user(
        "alice",
        dir.path(),
        &["export", "p.toml", "--format", "csv", "-o", "p.csv"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        owner_group_mode(&dir.path().join("p.csv")),
        ("alice".into(), GROUP.into(), 0o664)
    );
}

#[test]
fn a_save_through_a_symlink_changes_the_real_file() {
    if !team("a_save_through_a_symlink_changes_the_real_file") {
        return;
    }
    let dir = team_dir();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    chown(&real, "root", GROUP);
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let target = sample_in(&real, "p.toml");
    chown(&target, "alice", GROUP);
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o664)).unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::set_permissions(&work, std::fs::Permissions::from_mode(0o2777)).unwrap();
    std::os::unix::fs::symlink("../real/p.toml", work.join("p.toml")).unwrap();
    let out = as_user(
        "bob",
        &work,
        &["deduct", "p.toml", "A202", "0.5", "档案不全"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        std::fs::symlink_metadata(work.join("p.toml"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("档案不全")
    );
    assert!(
        real.join("p.toml.bak").exists(),
        "the backup sits beside the real file"
    );
    assert!(!work.join("p.toml.bak").exists());
}

#[test]
fn export_never_replaces_the_project_a_device_or_a_directory() {
    if !team("export_never_replaces_the_project_a_device_or_a_directory") {
        return;
    }
    let dir = team_dir();
    let p = sample_in(dir.path(), "p.toml");
    chown(&p, "alice", GROUP);
    let before = std::fs::read(&p).unwrap();
    for out_path in ["p.toml", "/dev/null", "."] {
        let out = as_user(
            "alice",
            dir.path(),
            &["export", "p.toml", "--format", "md", "-o", out_path],
        );
        assert_eq!(out.status.code(), Some(2), "{out_path}: {}", text(&out));
    }
    assert_eq!(std::fs::read(&p).unwrap(), before);
    // Even root does not turn /dev/null into a regular file.
    let out = Command::new(bin())
        .args(["export"])
        .arg(&p)
        .args(["--format", "md", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
    // `-o -` is standard output.
    let out = as_user(
        "alice",
        dir.path(),
        &["export", "p.toml", "--format", "csv", "-o", "-"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("A101"));
    assert!(!dir.path().join("-").exists());
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

/// Two evaluators as two accounts, each adding 200 evidence items to a different leaf at the
/// same time, one of them with the old `--force`: every addition reported as saved is in the
/// file.
#[test]
fn two_writers_never_lose_a_reported_edit() {
    if !team("two_writers_never_lose_a_reported_edit") {
        return;
    }
    let dir = team_dir();
    let p = sample_in(dir.path(), "p.toml");
    chown(&p, "alice", GROUP);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).unwrap();
    const N: usize = 200;
    let writer = |user: &'static str, code: &'static str, force: bool| {
        let dir = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let mut saved = Vec::new();
            for i in 0..N {
                let title = format!("{user} 佐证 {i}");
                let mut args = vec!["evidence", "add", "p.toml", code, title.as_str()];
                if force {
                    args.push("--force");
                }
                if as_user(user, &dir, &args).status.success() {
                    saved.push(title);
                }
            }
            saved
        })
    };
    let a = writer("alice", "A101", false);
    let b = writer("bob", "B101", true);
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    let text = std::fs::read_to_string(&p).unwrap();
    let lost: Vec<&String> = a
        .iter()
        .chain(&b)
        .filter(|t| !text.contains(t.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "reported as saved but not in the file: {lost:?}"
    );
    assert_eq!((a.len(), b.len()), (N, N), "every edit should go through");
    let (_, group, mode) = owner_group_mode(&p);
    assert_eq!((group.as_str(), mode), (GROUP, 0o664));
}

/// A recovery file is offered only to the user who owns it, and only when nobody else could
/// have written it.
#[test]
fn a_recovery_file_planted_by_someone_else_is_not_offered() {
    if !team("a_recovery_file_planted_by_someone_else_is_not_offered") {
        return;
    }
    let dir = team_dir();
    let p = sample_in(dir.path(), "p.toml");
    let data = tempfile::tempdir().unwrap();
    // SAFETY: this test binary's only use of JIXIAO_DATA_DIR is here.
    unsafe { std::env::set_var("JIXIAO_DATA_DIR", data.path()) };
    let rec = jixiao::store::recovery::write(&p, 1, "changed = true\n").unwrap();
    assert!(jixiao::store::recovery::read(&p).is_some());
    // bob replaces it (say the directory was group-writable): it is his file now.
    chown(&rec, "bob", GROUP);
    assert!(jixiao::store::recovery::read(&p).is_none());
}

/// `user` records a deduction (`code`, points, reason) in the workbench, sees the leaf's new
/// `score` row ("2.17/4") and saves.
fn deduct_and_save(
    tmux: &Tmux,
    user: &str,
    (code, points, reason): (&str, &str, &str),
    score: &str,
) {
    tmux.typed_in(user, &["/", code, "Enter", "a"]);
    tmux.wait_for_in(user, "the deduction form", |s| s.contains("扣分："));
    tmux.typed_in(user, &[points, "Tab", reason, "Enter"]);
    tmux.wait_for_in(user, "the new score", |s| s.contains(score));
    tmux.typed_in(user, &["C-s"]);
    tmux.wait_for_in(user, "saved", |s| s.contains("已保存"));
}

/// Opens `file` in `dir` as `user` in a new 80×24 tmux session named after the user.
fn open_as(tmux: &Tmux, user: &str, dir: &Path, file: &str) {
    let cmd = format!(
        "cd '{}' && runuser -u {user} -- env USER={user} JIXIAO_DATA_DIR='{}/.data-{user}' sh -c 'umask 002; exec \"$0\" --lang zh {file}' '{}'",
        dir.display(),
        dir.display(),
        bin()
    );
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        user,
        "-x",
        "80",
        "-y",
        "24",
        &cmd,
    ]);
    assert!(out.status.success(), "{}", text(&out));
}

/// alice and bob, two accounts in one group, have one project open in two workbenches at
/// once: each sees the other, each edits a different leaf and saves, both edits are in the file
/// and each workbench shows the other's change without reopening; when both change the same
/// field, the one who saves second is asked which to keep.
#[test]
fn two_workbenches_as_two_users_edit_one_project_at_once() {
    if !team("two_workbenches_as_two_users_edit_one_project_at_once") || !support::require("tmux") {
        return;
    }
    let dir = team_dir();
    let p = sample_in(dir.path(), "p.toml");
    chown(&p, "alice", GROUP);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).unwrap();
    let tmux = Tmux {
        socket: format!("jixiao-team-{}", std::process::id()),
    };
    open_as(&tmux, "alice", dir.path(), "p.toml");
    tmux.wait_for_in("alice", "the workbench", |s| {
        s.contains("合计 64.72/100 中")
    });
    open_as(&tmux, "bob", dir.path(), "p.toml");
    tmux.wait_for_in("bob", "alice named as also editing", |s| {
        s.contains("alice@") && s.contains("也在编辑")
    });
    tmux.wait_for_in("alice", "bob named as also editing", |s| {
        s.contains("bob@") && s.contains("也在编辑")
    });

    // alice: a deduction on A202, saved; bob, with nothing unsaved, sees it at once.
    deduct_and_save(&tmux, "alice", ("A202", "0.5", "档案不全"), "2.17/4");
    // (A long notice may take both bottom lines: look at the tree row.)
    tmux.wait_for_in("bob", "alice's change", |s| s.contains("2.17/4"));
    // bob: a deduction on B202, saved; alice sees it.
    deduct_and_save(&tmux, "bob", ("B202", "1", "无执行记录"), "1.00/7");
    tmux.wait_for_in("alice", "bob's change", |s| s.contains("1.00/7"));
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("档案不全") && text.contains("无执行记录"),
        "{text}"
    );
    let (_, group, mode) = owner_group_mode(&p);
    assert_eq!((group.as_str(), mode), (GROUP, 0o664));

    // Both change B101's score; alice saves first. bob, holding his unsaved score, is asked.
    tmux.typed_in("alice", &["/", "B101", "Enter", "s"]);
    tmux.wait_for_in("alice", "the score prompt", |s| {
        s.contains("B101 资金到位率 得分")
    });
    tmux.typed_in("alice", &["C-u", "1.5", "Enter"]);
    tmux.typed_in("bob", &["/", "B101", "Enter", "s"]);
    tmux.wait_for_in("bob", "the score prompt", |s| {
        s.contains("B101 资金到位率 得分")
    });
    tmux.typed_in("bob", &["C-u", "2", "Enter"]);
    tmux.wait_for_in("bob", "his unsaved score", |s| s.contains("*未保存"));
    tmux.typed_in("alice", &["C-s"]);
    let s = tmux.wait_for_in("bob", "the conflict question", |s| s.contains("双方都改了"));
    assert!(s.contains("保留我的：2") && s.contains("采用 alice"), "{s}");
    tmux.typed_in("bob", &["2"]);
    tmux.typed_in("bob", &["C-s"]);
    tmux.wait_for_in("bob", "saved", |s| s.contains("已保存"));
    let f = jixiao::store::ProjectFile::open(&p).unwrap();
    let b101 = &f.project().get("B101").unwrap().assessment;
    assert_eq!(b101.score.map(|d| d.to_string()).as_deref(), Some("1.5"));
    assert!(std::fs::read_to_string(&p).unwrap().contains("无执行记录"));
}
