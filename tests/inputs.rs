//! Bad inputs the way they arrive: files saved by Windows tools (UTF-16, GBK, a BOM, CRLF),
//! things that are not files (a named pipe, `/dev/zero`), files far too large, and values that
//! would turn a valid file invalid. Each gives a plain message located at the file, exits
//! non-zero, never hangs and never changes the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use jixiao::edit::Edit;
use jixiao::model::InputValue;
use jixiao::store::ProjectFile;

const SAMPLE: &str = include_str!("../samples/rongcheng-checkup.toml");

/// Runs `jixiao ARGS`, killing it (and failing) if it has not finished within 20 s.
fn jixiao(args: &[&std::ffi::OsStr]) -> Output {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .env("JIXIAO_DATA_DIR", data.path())
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("jixiao {args:?} hung (killed after 20 s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked"),
        "jixiao {args:?} panicked:\n{err}"
    );
    out
}

fn run(args: &[&str], file: &Path) -> (i32, String) {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    all.insert(1, file.as_os_str());
    let out = jixiao(&all);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("exited"), text)
}

/// The read-only commands and a scripted edit, each on `file`.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["score"],
    &["explain"],
    &["export", "--format", "md"],
    &["set", "A202", "score=3"],
];

/// Every command refuses `file` with exit 1 or 2, a line `FILE: error: …` containing each
/// of `parts`, and leaves the file as it was.
fn refused_by_every_command(file: &Path, parts: &[&str]) {
    let before = std::fs::metadata(file)
        .ok()
        .filter(|m| m.is_file())
        .map(|_| std::fs::read(file).unwrap());
    for args in COMMANDS {
        let (code, text) = run(args, file);
        assert!(
            code == 1 || code == 2,
            "jixiao {} {}: exit {code}\n{text}",
            args[0],
            file.display()
        );
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{}: error: ", file.display())))
            .unwrap_or_else(|| panic!("jixiao {args:?}: no located error:\n{text}"));
        for part in parts {
            assert!(
                line.contains(part),
                "jixiao {args:?}: {part:?} not in\n{line}"
            );
        }
        if let Some(bytes) = &before {
            assert_eq!(&std::fs::read(file).unwrap(), bytes, "{args:?} changed it");
        }
        assert!(
            !lock_of(file).exists(),
            "jixiao {args:?} left a lock behind"
        );
    }
}

fn lock_of(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

// ─── Encodings ────────────────────────────────────────────────────────────────

#[test]
fn a_utf16_project_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "le.toml",
            [0xFF, 0xFE]
                .into_iter()
                .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
        ),
        (
            "be-no-bom.toml",
            SAMPLE
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        refused_by_every_command(
            &file,
            &[
                "this file is UTF-16 text",
                "save it again choosing the encoding UTF-8",
                "iconv -f UTF-16 -t UTF-8",
            ],
        );
    }
}

#[test]
fn a_gbk_project_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gbk.toml");
    let (bytes, _, bad) = encoding_rs::GB18030.encode(SAMPLE);
    assert!(!bad);
    std::fs::write(&file, bytes).unwrap();
    refused_by_every_command(&file, &["looks like GBK", "iconv -f GB18030 -t UTF-8"]);
}

/// A BOM and CRLF line endings (Notepad's defaults) load, and an edit keeps both: the saved
/// file differs from the original only in the lines the edit wrote, each ending in CRLF.
#[test]
fn a_bom_and_crlf_line_endings_are_kept_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("windows.toml");
    let original = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    std::fs::write(&file, &original).unwrap();
    let text_file = dir.path().join("j.txt");
    std::fs::write(&text_file, "第一行\n第二行").unwrap();
    let justification = format!("justification=@{}", text_file.display());
    for args in [
        vec!["check"],
        vec!["set", "A202", "score=3", justification.as_str()],
        vec!["deduct", "A202", "0.5", "档案不全"],
    ] {
        let (code, text) = run(&args, &file);
        assert!(code == 0, "{args:?}: {text}");
    }
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.starts_with('\u{feff}'), "the BOM was dropped");
    let body = &saved['\u{feff}'.len_utf8()..];
    assert!(
        !body.replace("\r\n", "").contains('\n'),
        "a line ends in LF only"
    );
    assert!(body.ends_with("\r\n"));
    // Only A202's lines changed: every original line is still there, in order, except those
    // of the justification that was replaced.
    let replaced = jixiao::store::parse_project(SAMPLE)
        .unwrap()
        .project
        .get("A202")
        .unwrap()
        .assessment
        .justification
        .clone();
    let old: Vec<&str> = original['\u{feff}'.len_utf8()..].split("\r\n").collect();
    let new: Vec<&str> = body.split("\r\n").collect();
    let mut at = 0;
    for line in &old {
        if let Some(k) = new[at..].iter().position(|l| l == line) {
            at += k + 1;
        } else {
            let in_replaced = replaced.contains(line.trim_end_matches("\"\"\""));
            assert!(
                line.starts_with("justification = ") || in_replaced,
                "line lost: {line}"
            );
        }
    }
    // The text reads back as it was given, without CRs.
    let f = ProjectFile::open(&file).unwrap();
    let a202 = &f.project().get("A202").unwrap().assessment;
    assert_eq!(a202.justification, "第一行\n第二行");
    assert_eq!(a202.deductions.last().unwrap().reason, "档案不全");
    assert_eq!(a202.score, Some(rust_decimal::Decimal::from(3)));
}

// ─── Things that are not files, and files too large ──────────────────────────

#[test]
fn a_named_pipe_or_a_device_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    refused_by_every_command(&fifo, &["named pipe (FIFO), not a file"]);
    refused_by_every_command(Path::new("/dev/zero"), &["a device, not a file"]);
    refused_by_every_command(dir.path(), &["a directory, not a file"]);
}

#[test]
fn a_project_beyond_the_size_limit_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.toml");
    // Sparse: 17 MiB on paper, nothing on disk.
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    refused_by_every_command(
        &file,
        &["a project may be at most 16 MiB; this file is 17 MiB"],
    );
}

#[test]
fn a_justification_file_that_is_endless_or_too_large_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(&file, SAMPLE).unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "说明".repeat(400_000)).unwrap(); // 2.4 MB of text
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for (source, expect) in [
        ("/dev/zero".to_string(), "this is a device, not a file"),
        (fifo.display().to_string(), "this is a named pipe (FIFO)"),
        (
            big.display().to_string(),
            "a justification file may be at most 1 MiB; this file is 2.2 MiB",
        ),
    ] {
        let assignment = format!("justification=@{source}");
        let started = Instant::now();
        let (code, text) = run(&["set", "A202", &assignment], &file);
        assert_eq!(code, 1, "{source}: {text}");
        assert!(
            text.contains(&format!("cannot read {source}: {expect}")),
            "{source}: {text}"
        );
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), SAMPLE);
        assert!(!lock_of(&file).exists(), "{source}: a lock was left behind");
    }
}

// ─── Values that would turn a valid file invalid ─────────────────────────────

/// `2022-02-30` is refused by `jixiao set` and by the edit the workbench makes, with the words
/// the loader uses for that value in a file.
#[test]
fn an_impossible_date_is_refused_by_every_edit_path_with_the_loaders_words() {
    const WORDS: &str = "2022-02-30 is not a date: February 2022 has 28 days; expected YYYY-MM-DD";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(&file, SAMPLE).unwrap();

    let (code, text) = run(&["set", "A202", "input.完成时间=2022-02-30"], &file);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(WORDS), "{text}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SAMPLE);

    // The workbench's path: an Edit through ProjectFile::apply.
    let mut f = ProjectFile::open(&file).unwrap();
    let refused = f
        .apply(&Edit::SetInput {
            code: "A202".into(),
            name: "完成时间".into(),
            value: Some(InputValue::Date("2022-02-30".into())),
        })
        .unwrap_err();
    assert!(refused.to_string().contains(WORDS), "{refused:?}");
    assert!(
        refused.chinese().contains("2022 年 2 月只有 28 天"),
        "{refused:?}"
    );
    assert_eq!(f.text(), SAMPLE);

    // The loader, on the same value written into the file.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        SAMPLE.replacen(
            "[indicators.A202]\n",
            "[indicators.A202]\ninputs = { \"完成时间\" = \"2022-02-30\" }\n",
            1,
        ),
    )
    .unwrap();
    let (code, text) = run(&["check"], &bad);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(WORDS), "{text}");

    // A real date still goes in, and the file still checks.
    let (code, text) = run(&["set", "A202", "input.完成时间=2024-02-29"], &file);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run(&["check"], &file);
    assert_eq!(code, 0, "{text}");
}
