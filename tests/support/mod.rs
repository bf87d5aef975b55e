//! What every integration test shares so that no test passes by doing nothing: a test that needs
//! an external tool either runs with it, fails saying it is missing (under CI), or says in one
//! line that it was skipped (on a developer's machine).

#![allow(dead_code)]

use std::path::Path;

/// Whether `CI` is set to a non-empty value (CI services set `CI=true`).
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Whether the external `tool` (tmux, script, git …) is on the PATH.
///
/// When it is missing: with `CI` set the calling test panics, naming the tool and the test;
/// otherwise one line `skipped <test name>: needs <tool>` goes to stderr and the caller is expected
/// to return at once.
pub fn require(tool: &str) -> bool {
    if on_path(tool) {
        return true;
    }
    let test = test_name();
    assert!(
        !in_ci(),
        "{test} needs {tool}, which is not on the PATH; under CI a missing tool fails the test \
         (install {tool}, e.g. through .ci/run)"
    );
    eprintln!("skipped {test}: needs {tool}");
    false
}

/// The running test's name: libtest runs each test on a thread named after it.
pub fn test_name() -> String {
    match std::thread::current().name() {
        Some(name) if name != "main" => name.to_string(),
        _ => "this test".to_string(),
    }
}

/// Whether golden files are to be rewritten (`JIXIAO_BLESS` set). Blessing under CI would make
/// every golden test pass whatever the output, so there it panics instead.
pub fn blessing() -> bool {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some_and(|v| !v.is_empty());
    assert!(
        !(bless && in_ci()),
        "JIXIAO_BLESS is set while CI is set: golden files are only rewritten on a developer's \
         machine, where the diff can be reviewed"
    );
    bless
}

fn on_path(tool: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| is_executable(&dir.join(tool)))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
