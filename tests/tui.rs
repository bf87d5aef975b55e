//! The workbench driven as a user drives it: keys in, exact scores and screens out.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use jixiao::scoring;
use jixiao::store::ProjectFile;
use jixiao::tui::action::Action;
use jixiao::tui::app::{App, Options, Popup};
use jixiao::tui::testing::{keys, message, popup_error, render, score_of};
use jixiao::tui::{Lang, Theme, keymap, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A copy of `sample` in a fresh directory (kept alive by the returned guard).
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(sample).file_name().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(manifest(sample), &path).unwrap();
    (dir, path)
}

fn open(path: &Path, lang: Lang) -> App {
    let opts = Options {
        lang,
        theme: Theme {
            color: true,
            ascii: false,
        },
        read_only: None,
    };
    let mut app = App::new(ProjectFile::open(path).unwrap(), opts);
    app.update(Action::Resize(80, 24));
    app
}

// ─── Rendering ───────────────────────────────────────────────────────────────────────────

#[test]
fn snapshot_80x24_overview() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    insta::assert_snapshot!("overview_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_80x24_leaf_detail_after_a_deduction() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(
        &mut app,
        // The new deduction is selected in the detail pane at once (no Tab needed).
        "/A202<Enter>a0.5<Tab>档案管理不规范，资料未及时归档<Enter>",
    );
    insta::assert_snapshot!("a202_deducted_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_120x40_leaf_detail() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/B101<Enter><Enter>");
    insta::assert_snapshot!("b101_120x40", render(&mut app, 120, 40));
}

#[test]
fn snapshot_120x40_english_and_help() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::En);
    insta::assert_snapshot!("overview_en_120x40", render(&mut app, 120, 40));
    keys(&mut app, "?");
    insta::assert_snapshot!("help_en_120x40", render(&mut app, 120, 40));
}

#[test]
fn chinese_names_line_up_by_display_width() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let screen = render(&mut app, 120, 40);
    // Every leaf's "score/weight" ends in the same terminal column.
    let cols: Vec<usize> = screen
        .lines()
        .map(|l| l.split("││").next().unwrap())
        .filter(|l| l.contains("A101") || l.contains("A202") || l.contains("B101"))
        .map(|l| {
            let upto = &l[..l.find("/2").or(l.find("/4")).or(l.find("/3")).unwrap()];
            unicode_width::UnicodeWidthStr::width(upto)
        })
        .collect();
    assert_eq!(cols.len(), 3, "{screen}");
    assert!(cols.iter().all(|c| *c == cols[0]), "{cols:?}\n{screen}");
}

/// Issue 11 item 7: at 60 columns the tree's names stay readable (cut with "…", the scores
/// in one column), no status word is split across the border, and a name too long for the
/// detail's border is given in full inside it.
#[test]
fn long_names_at_60_and_80_columns() {
    let (_dir, path) = copy_of("samples/rongcheng-12349.toml");
    let name = "C202 “12349”平台居家养老和便民服务平台受惠人群审核规范性";
    for (w, h) in [(60u16, 20u16), (80, 24)] {
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, "/C202<Enter>");
        let screen = render(&mut app, w, h);
        insta::assert_snapshot!(format!("long_name_c202_{w}x{h}"), &screen);
        let tree: Vec<&str> = screen
            .lines()
            .skip(2)
            .take(h as usize - 5)
            .map(|l| l.split("││").next().unwrap())
            .collect();
        // Leaves show at least four characters of their names.
        let c202 = tree.iter().find(|l| l.contains("C202")).unwrap();
        assert!(
            c202.contains("C202 “12349”平") && c202.contains('…'),
            "{screen}"
        );
        // Every row's score ends in the same column.
        let ends: Vec<usize> = tree
            .iter()
            .filter(|l| l.contains('/'))
            .map(|l| {
                let upto = l.rfind(|c: char| c.is_ascii_digit()).unwrap();
                unicode_width::UnicodeWidthStr::width(&l[..=upto])
            })
            .collect();
        assert!(ends.iter().all(|e| *e == ends[0]), "{ends:?}\n{screen}");
        // The detail pane gives the whole name, wrapped.
        let detail: String = screen
            .lines()
            .skip(2)
            .take(3)
            .filter_map(|l| l.split("││").nth(1))
            .map(|l| l.trim_end_matches('│').trim_end())
            .collect();
        assert!(detail.starts_with(name), "{detail}\n{screen}");
        // "已评" is never split across lines.
        assert!(!screen.lines().any(|l| l.ends_with("已│")), "{screen}");
    }
}

/// The help's legend keeps each "mark=meaning" whole on a line.
#[test]
fn the_legend_never_splits_a_meaning() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    for w in [60u16, 80, 100] {
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, "?");
        let screen = render(&mut app, w, 24);
        assert!(screen.contains("!=检查警告或合并冲突"), "{screen}");
        assert!(screen.contains("?=复核意见待处理"), "{screen}");
    }
}

#[test]
fn every_size_renders_without_panicking() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 3),
        (5, 2),
        (10, 3),
        (20, 5),
        (25, 8),
        (40, 10),
        (59, 12),
        (60, 9),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ];
    let states = [
        "",
        "/A202<Enter><Tab>",
        "a0.5<Tab>原因",
        "<Esc>w很长的说明文字",
        "<Esc><Esc>m",
        "<Esc>?",
        "<Esc>/满意",
    ];
    for s in states {
        keys(&mut app, s);
        for (w, h) in sizes {
            render(&mut app, w, h);
        }
    }
    // Small but usable: the score is visible at 20×5.
    keys(&mut app, "<Esc><Esc>");
    let tiny = render(&mut app, 20, 5);
    assert!(tiny.contains("64.72"), "{tiny}");
}

#[test]
fn no_color_theme_marks_the_selection_with_reverse() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    app.theme = Theme {
        color: false,
        ascii: true,
    };
    app.update(Action::Resize(80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| view::draw(f, &app)).unwrap();
    let buf = t.backend().buffer().clone();
    let cell = &buf[(2, 2)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
    let text = view::buffer_lines(&buf).join("\n");
    assert!(text.starts_with(" 荣成市") && text.contains("+-"), "{text}");
}

// ─── Scores after edits: exact ─────────────────────────────────────────────────────────────

#[test]
fn a_deduction_moves_leaf_level1_and_total_by_exactly_half_a_point() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>");
    assert_eq!(app.project().indicators[app.selected()].code, "A202");
    assert_eq!(score_of(&app, "A202"), d("2.67"));
    assert_eq!(score_of(&app, "A"), d("13.67"));
    assert_eq!(app.card.total, d("64.72"));

    keys(&mut app, "a0.5<Tab>档案管理不规范<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(score_of(&app, "A202"), d("2.17"));
    assert_eq!(score_of(&app, "A"), d("13.17"));
    assert_eq!(app.card.total, d("64.22"));
    assert_eq!(app.card.grade.as_deref(), Some("中"));
    assert!(app.unsaved());

    keys(&mut app, "u");
    assert_eq!(app.card.total, d("64.72"));
    assert!(
        !app.unsaved(),
        "undoing back to the file is not an unsaved change"
    );
    keys(&mut app, "<C-r>");
    assert_eq!(app.card.total, d("64.22"));
    assert_eq!(score_of(&app, "A"), d("13.17"));

    keys(&mut app, "<C-s>");
    assert!(!app.unsaved(), "{}", message(&app));
    let reopened = ProjectFile::open(&path).unwrap();
    let card = scoring::score(reopened.project());
    assert_eq!(card.total, d("64.22"));
    assert_eq!(
        card.node(reopened.project(), "A202").unwrap().score,
        d("2.17")
    );
    let ded = &reopened
        .project()
        .get("A202")
        .unwrap()
        .assessment
        .deductions[1];
    assert_eq!(
        (ded.points, ded.reason.as_str()),
        (Some(d("0.5")), "档案管理不规范")
    );
}

#[test]
fn undo_and_redo_are_unbounded_within_a_session() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>");
    for _ in 0..5 {
        keys(&mut app, "a0.1<Tab>小问题<Enter>");
    }
    assert_eq!(app.card.total, d("64.22"));
    keys(&mut app, "uuuuu");
    assert_eq!(app.card.total, d("64.72"));
    keys(&mut app, "u");
    assert!(message(&app).contains("没有可撤销"));
    for _ in 0..5 {
        keys(&mut app, "<C-r>");
    }
    assert_eq!(app.card.total, d("64.22"));
    // A new edit after undo drops the redo history.
    keys(&mut app, "uu");
    keys(&mut app, "a0.2<Tab>另一个问题<Enter><C-r>");
    assert!(message(&app).contains("没有可重做"));
    assert_eq!(app.card.total, d("64.22"));
}

// ─── Refusals, in place; nothing reaches the file ────────────────────────────────────────

#[test]
fn refusals_say_what_is_allowed_and_change_nothing() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut app = open(&path, Lang::Zh);
    let before = app.file.text();
    keys(&mut app, "/A202<Enter>");

    // A202 is scored by deductions: `s` takes a score up to what it has now (2.67) and a reason.
    keys(&mut app, "s5<Enter>");
    let e = popup_error(&app).expect("score above what the leaf has is refused in the form");
    assert!(e.contains("“5”不在 0 到 2.67 之间"), "{e}");

    keys(&mut app, "<C-u>abc<Enter>");
    let e = popup_error(&app).unwrap();
    assert!(e.contains("“abc”不是数字") && e.contains("0–2.67"), "{e}");
    keys(&mut app, "<Esc>");

    keys(&mut app, "a-0.5<Tab>错误<Enter>");
    let e = popup_error(&app).expect("negative deduction refused");
    assert!(e.contains("不能为负数"), "{e}");
    keys(&mut app, "<Esc>a两分<Tab>原因<Enter>");
    assert!(popup_error(&app).unwrap().contains("不是数字"));
    keys(&mut app, "<Esc>");

    keys(&mut app, "i预算资金=很多<Enter>");
    assert!(popup_error(&app).unwrap().contains("YYYY-MM-DD"));
    keys(&mut app, "<Esc>");

    assert_eq!(app.file.text(), before);
    assert!(!app.unsaved());
    assert_eq!(app.card.total, d("64.72"));
    keys(&mut app, "<C-s>");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn a_parent_cannot_be_edited() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::En);
    keys(&mut app, "a");
    assert!(app.popup.is_none());
    assert!(message(&app).contains("A is a parent"), "{}", message(&app));
}

#[test]
fn read_only_refuses_every_edit_with_the_lock_holder() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let opts = Options {
        lang: Lang::Zh,
        theme: Theme {
            color: true,
            ascii: false,
        },
        read_only: Some("王五@eval-server（pid 4242）".into()),
    };
    let mut app = App::new(ProjectFile::open(&path).unwrap(), opts);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("只读：王五@eval-server"), "{screen}");
    keys(&mut app, "/A202<Enter>");
    for k in ["a", "s", "w", "m", "e", "u", "<C-s>"] {
        keys(&mut app, k);
        assert!(app.popup.is_none(), "{k} opened a popup");
        assert!(message(&app).contains("王五"), "{k}: {}", message(&app));
    }
    assert!(!app.unsaved());
}

// ─── The screens in the docs are the workbench's ──────────────────────────────────────────

/// The `text` block after `anchor` in `doc`: its byte range.
fn screen_block(doc: &str, anchor: &str) -> std::ops::Range<usize> {
    let at = doc.find(anchor).expect("the anchor is in the document");
    let start = at + doc[at..].find("```text\n").expect("a text block follows") + 8;
    let end = start + doc[start..].find("```").expect("the block ends");
    start..end
}

/// README's and docs/keys.md's screens are rendered from the sample as the text says; with
/// JIXIAO_BLESS=1 they are rewritten (review the diff).
#[test]
fn the_screens_in_the_docs_are_what_the_workbench_shows() {
    let cases = [
        ("README.md", "At 80×24, with B101 selected", "/B101<Enter>"),
        (
            "docs/keys.md",
            "An 80×24 terminal, after selecting A202",
            "/A202<Enter>a0.5<Tab>档案管理不规范，资料未及时归档<Enter>",
        ),
    ];
    for (file, anchor, keys_typed) in cases {
        let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, keys_typed);
        let screen = format!("{}\n", render(&mut app, 80, 24));
        let doc = std::fs::read_to_string(manifest(file)).unwrap();
        let range = screen_block(&doc, anchor);
        if doc[range.clone()] != screen {
            if std::env::var_os("JIXIAO_BLESS").is_some_and(|v| !v.is_empty()) {
                let mut new = doc.clone();
                new.replace_range(range, &screen);
                std::fs::write(manifest(file), new).unwrap();
            } else {
                panic!(
                    "{file}'s screen is out of date (JIXIAO_BLESS=1 rewrites it); it must read:\n{screen}"
                );
            }
        }
    }
}

// ─── Keys are documented ─────────────────────────────────────────────────────────────────

#[test]
fn docs_keys_md_lists_every_binding() {
    let mut doc = std::fs::read_to_string(manifest("docs/keys.md")).unwrap();
    let tables = keymap::markdown();
    // The tables end the file; JIXIAO_BLESS=1 rewrites them from the keymap (review the diff).
    if std::env::var_os("JIXIAO_BLESS").is_some_and(|v| !v.is_empty())
        && !doc.contains(tables.trim_end())
        && let Some(at) = doc.find("### Tree and detail")
    {
        assert!(
            std::env::var("CI").is_err(),
            "JIXIAO_BLESS is refused under CI"
        );
        doc.truncate(at);
        doc.push_str(&tables);
        std::fs::write(manifest("docs/keys.md"), &doc).unwrap();
    }
    assert!(
        doc.contains(tables.trim_end()),
        "docs/keys.md is out of date; its key tables must read exactly:\n\n{tables}"
    );
    for b in keymap::KEYMAP {
        let label = keymap::key_label(b.code, b.mods);
        assert!(
            doc.contains(&format!("`{label}`")),
            "{label} missing from docs/keys.md"
        );
    }
}

// ─── East-Asian ambiguous width (issue 11 item 7) ───────────────────────────────────────────

/// The columns a terminal takes for `line` when it draws ambiguous characters `amb` wide.
fn columns(line: &str, amb: u8) -> usize {
    use unicode_width::UnicodeWidthChar;
    line.chars()
        .map(|c| {
            if amb == 2 {
                c.width_cjk().unwrap_or(0)
            } else {
                c.width().unwrap_or(0)
            }
        })
        .sum()
}

fn assert_fits(screen: &str, w: usize, amb: u8, what: &str) {
    for (k, line) in screen.lines().enumerate() {
        assert!(
            columns(line, amb) <= w,
            "{what}: line {} takes {} columns of {w} with ambiguous width {amb}:\n{line}\n\n{screen}",
            k + 1,
            columns(line, amb)
        );
    }
}

#[test]
fn every_line_fits_with_ambiguous_width_1_and_2() {
    for (w, h) in [(80u16, 24u16), (60, 20)] {
        for amb in [1u8, 2] {
            // A scored sample with “” in its texts and ▼ marks, a deduction's detail.
            let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
            let mut app = open(&path, Lang::Zh);
            app.ambiguous_width = amb;
            keys(&mut app, "/A202<Enter><Tab><Down>");
            let screen = render(&mut app, w, h);
            assert_fits(&screen, w as usize, amb, "A202");
            insta::assert_snapshot!(format!("ambiguous{amb}_a202_{w}x{h}"), screen);
            // The MoF framework's checkpoints ①②③, with a popup over them.
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("p.toml");
            let fw = jixiao::frameworks::find("mof-program").unwrap();
            std::fs::write(
                &p,
                jixiao::store::new_project_text(&fw.text, "测试").unwrap(),
            )
            .unwrap();
            let mut app = open(&p, Lang::Zh);
            app.ambiguous_width = amb;
            keys(&mut app, "/A101<Enter><Tab>");
            assert_fits(&render(&mut app, w, h), w as usize, amb, "A101");
            keys(&mut app, "m");
            assert_fits(&render(&mut app, w, h), w as usize, amb, "A101 status menu");
            keys(&mut app, "<Esc>?");
            assert_fits(&render(&mut app, w, h), w as usize, amb, "help");
        }
    }
}

#[test]
fn ambiguous_characters_two_wide_would_overflow_without_the_setting() {
    // What the issue measured: at width 2 the ordinary drawing overflows.
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter><Tab><Down>");
    let screen = render(&mut app, 80, 24);
    assert!(screen.lines().any(|l| columns(l, 2) > 80));
}

// ─── Checkpoints with partial and per-item credit ────────────────────────────────────────

#[test]
fn checkpoints_ask_for_a_count_or_points_where_they_are_not_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(
        &path,
        "[framework]\nid = \"t\"\nname = \"测试\"\ntotal = 4\n\n\
         [[grades]]\nname = \"优\"\nmin = 90\n[[grades]]\nname = \"差\"\nmin = 0\n\n\
         [indicators.A]\nname = \"过程\"\nweight = 4\n\n\
         [indicators.A1]\nparent = \"A\"\nname = \"制度执行有效性\"\nweight = 4\n\
         criteria = [\"①制度健全\", \"②台账完整\", \"③措施落实\"]\n\
         rule = { kind = \"checkpoints\", points = [1, { points = 2, per_item = 0.2 }, { points = 1, partial = true }] }\n",
    )
    .unwrap();
    let mut app = open(&path, Lang::Zh);
    // Space on ① toggles it; Enter on ② asks how many are missing; on ③ the points awarded.
    keys(&mut app, "/A1<Enter><Enter><Space><Down><Enter>");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("缺项数"), "{screen}");
    keys(&mut app, "3<Enter><Down><Enter>1.5<Enter>");
    assert!(
        popup_error(&app).is_some_and(|e| e.contains("0–1")),
        "{:?}",
        popup_error(&app)
    );
    keys(&mut app, "<C-u>0.5<Enter>");
    assert_eq!(score_of(&app, "A1"), d("2.9"));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("[~] ②台账完整（2 分） 缺 3 项"), "{screen}");
    assert!(
        screen.contains("[~] ③措施落实（1 分） 得 0.5 分"),
        "{screen}"
    );
    keys(&mut app, "<C-s>");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("checks = [true, 3, 0.5]"), "{saved}");
}

#[test]
fn a_parents_analysis_paragraph_is_written_in_the_editor() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/B<Enter><Tab><Enter>");
    assert!(
        matches!(app.popup, Some(Popup::Editor(_))),
        "{}",
        message(&app)
    );
    keys(&mut app, "过程指标得分率48%<C-s><C-s>");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("justification = \"过程指标得分率48%\""),
        "{saved}"
    );
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("过程指标得分率48%"), "{screen}");
}
