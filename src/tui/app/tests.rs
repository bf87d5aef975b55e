//! The workbench driven key by key through every kind of edit, navigation, quitting and the
//! conflict on save. Rendering, exact totals and refusals are in tests/tui.rs.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{App, Field, Focus, Options, PickFor, Popup};
use crate::store::ProjectFile;
use crate::tui::action::Action;
use crate::tui::strings::Lang;
use crate::tui::testing::{keys, render};
use crate::tui::theme::Theme;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A copy of a sample in a fresh directory (kept alive by the returned guard).
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(Path::new(sample).file_name().unwrap());
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(sample), &path).unwrap();
    (dir, path)
}

/// A new project made from a built-in framework (these carry checkpoints, levels, judgement
/// and standard deductions).
fn from_framework(id: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.toml");
    let fw = crate::frameworks::find(id).unwrap();
    let text = crate::store::new_project_text(&fw.text, "测试项目").unwrap();
    std::fs::write(&path, text).unwrap();
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

fn score_of(app: &App, code: &str) -> Decimal {
    app.card.node(app.project(), code).unwrap().score
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn popup_error(app: &App) -> Option<String> {
    match &app.popup {
        Some(Popup::Prompt(p)) => p.error.clone(),
        Some(Popup::Form(f)) => f.error.clone(),
        Some(Popup::Picker(p)) => p.error.clone(),
        Some(Popup::Editor(e)) => e.error.clone(),
        _ => None,
    }
}

#[test]
fn checkpoints_tiers_judgement_na_and_status() {
    let (_dir, path) = from_framework("department-overall");
    let mut app = open(&path, Lang::Zh);
    assert_eq!(app.card.total, d("0"));

    // A101: checkpoints 1.5 / 1.5 / 1, its first three fields.
    // Its veto input must be recorded too (否 = false), or the rule cannot be computed.
    keys(&mut app, "/A101<Enter>i未设立整体绩效目标=否<Enter>");
    keys(&mut app, "<Enter><Enter><Down><Down><Space>");
    assert_eq!(
        app.project().get("A101").unwrap().assessment.checks,
        [true, false, true].map(crate::model::Check::Met)
    );
    assert_eq!(score_of(&app, "A101"), d("2.5"));
    assert_eq!(
        app.project().get("A101").unwrap().assessment.status.label(),
        "已评"
    );

    // B204: levels; pick 较完善 (1.5).
    keys(&mut app, "<Esc>/B204<Enter><Enter><Enter>");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("tier list expected")
    };
    assert!(p.items[1].starts_with("较完善"), "{:?}", p.items);
    keys(&mut app, "2");
    assert_eq!(score_of(&app, "B204"), d("1.5"));

    // D101: judgement 0–4.
    keys(&mut app, "<Esc>/D101<Enter>s4.5<Enter>");
    assert!(popup_error(&app).is_some());
    keys(&mut app, "<C-u>3.5<Enter>");
    assert_eq!(score_of(&app, "D101"), d("3.5"));

    // Not applicable, with a reason; then back.
    let total = app.card.total;
    keys(&mut app, "m4");
    let Some(Popup::Prompt(_)) = &app.popup else {
        panic!("N/A asks for a reason")
    };
    keys(&mut app, "本年度无此项业务<Enter>");
    assert_eq!(
        app.project().get("D101").unwrap().assessment.na.as_deref(),
        Some("本年度无此项业务")
    );
    assert!(app.card.na_weight > Decimal::ZERO);
    keys(&mut app, "m4");
    assert!(app.project().get("D101").unwrap().assessment.na.is_none());
    assert_eq!(app.card.total, total);

    // Not scorable, then reviewed.
    keys(&mut app, "m5数据未提供<Enter>");
    assert_eq!(score_of(&app, "D101"), d("0"));
    keys(&mut app, "m3");
    assert_eq!(
        app.project().get("D101").unwrap().assessment.status.label(),
        "已复核"
    );
}

#[test]
fn inputs_standard_deductions_and_evidence() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);

    // B101: a rate of two inputs; full-width digits from an input method are fine.
    keys(
        &mut app,
        "/B101<Enter>i预算资金=１５８０<Enter>i实际到位资金=1040<Enter>",
    );
    assert_eq!(score_of(&app, "B101"), d("2.63"));
    // Edit an input from its field (the first field of a rate leaf).
    keys(&mut app, "<Tab><Enter><C-u>1580<Enter>");
    assert_eq!(score_of(&app, "B101"), d("4"));
    keys(&mut app, "x");
    assert!(
        app.project()
            .get("B101")
            .unwrap()
            .assessment
            .input("实际到位资金")
            .is_none()
    );

    // A standard deduction from the framework's list.
    keys(&mut app, "<Esc>/A202<Enter>p");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("standard deductions expected")
    };
    let n = p.items.len();
    assert!(n >= 2, "{:?}", p.items);
    keys(&mut app, "<Down><Enter>");
    let ded = app.project().get("A202").unwrap().assessment.deductions[0].clone();
    let std = app
        .project()
        .standard_deductions
        .iter()
        .filter(|s| s.applies("A202"))
        .nth(1)
        .unwrap()
        .clone();
    assert_eq!((ded.points, ded.reason), (Some(std.points), std.reason));

    // Evidence: add, edit, delete.
    keys(
        &mut app,
        "e绩效目标表<Tab>项目资料/2021/绩效目标表.pdf<Tab>质量指标为“政策知晓度”<Enter>",
    );
    let ev = &app.project().get("A202").unwrap().assessment.evidence;
    assert_eq!(
        (ev.len(), ev[0].at.as_str()),
        (1, "项目资料/2021/绩效目标表.pdf")
    );
    let fields = app.fields();
    let at = fields
        .iter()
        .position(|f| *f == Field::Evidence(0))
        .unwrap();
    app.focus = Focus::Detail;
    app.field = at;
    keys(&mut app, "<Enter><Tab><Tab><C-u>已核对<Enter>");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.evidence[0].note,
        "已核对"
    );
    keys(&mut app, "<Del>");
    assert!(
        app.project()
            .get("A202")
            .unwrap()
            .assessment
            .evidence
            .is_empty()
    );
    keys(&mut app, "u");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.evidence.len(),
        1
    );
}

#[test]
fn a_pasted_paragraph_is_one_edit_and_one_undo() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>w");
    let before = app
        .project()
        .get("A202")
        .unwrap()
        .assessment
        .justification
        .clone();
    let pasted = "\n补充：评价组查阅了2019—2021年度绩效目标表，\n发现质量指标设置不合理。";
    app.update(Action::Paste(pasted.into()));
    let Some(Popup::Editor(e)) = &app.popup else {
        panic!("editor expected")
    };
    assert_eq!(e.editor.text(), format!("{before}{pasted}"));
    keys(&mut app, "<C-s>");
    assert!(app.popup.is_none());
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        format!("{before}{pasted}")
    );
    assert_eq!(app.undo.len(), 1);
    keys(&mut app, "u");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        before
    );
    // Esc on changed text asks once more before discarding.
    keys(&mut app, "w改<Esc>");
    assert!(app.popup.is_some());
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        before
    );
}

#[test]
fn search_in_chinese_and_jumps() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let code = |app: &App| app.project().indicators[app.selected()].code.clone();
    keys(&mut app, "/资金<Enter>");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "n");
    assert_eq!(code(&app), "A302");
    keys(&mut app, "N");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "/不存在的指标");
    assert!(message(&app).contains("不存在的指标"));
    keys(&mut app, "<Esc>");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "gL");
    assert_eq!(code(&app), "A202");
    keys(&mut app, "L");
    assert_eq!(code(&app), "B101");
    keys(&mut app, "gW");
    assert_eq!(code(&app), "B101");
    keys(&mut app, "U");
    assert!(message(&app).contains("都已评分"));
    // Folding: h on a level-1 node hides its children.
    keys(&mut app, "gh");
    assert!(
        !app.tree
            .rows(&app.card.tree)
            .iter()
            .any(|&i| app.project().indicators[i].code == "A1")
    );
    keys(&mut app, "l");
    keys(&mut app, "G");
    assert_eq!(code(&app), "D401");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "q");
    assert!(app.quit, "nothing unsaved: q quits at once");

    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>问题<Enter>q");
    assert!(!app.quit && matches!(app.popup, Some(Popup::Picker(_))));
    keys(&mut app, "3");
    assert!(!app.quit);
    keys(&mut app, "q2");
    assert!(app.quit);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>问题<Enter>q1");
    assert!(app.quit);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("reason = \"问题\"")
    );
}

/// Someone else saves a different field meanwhile: Ctrl-s merges, both changes are in the file,
/// and the message says what was merged in.
#[test]
fn a_save_after_someone_elses_save_merges_both() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>我的修改<Enter>");
    let mut theirs = ProjectFile::open(&path).unwrap();
    theirs
        .apply(&crate::edit::Edit::SetScore {
            code: "A101".into(),
            score: Some(d("1.5")),
        })
        .unwrap();
    std::fs::write(&path, theirs.text()).unwrap();
    keys(&mut app, "<C-s>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert!(!app.unsaved());
    let on_disk = ProjectFile::open(&path).unwrap();
    let p = on_disk.project();
    assert_eq!(p.get("A101").unwrap().assessment.score, Some(d("1.5")));
    assert!(
        p.get("A202")
            .unwrap()
            .assessment
            .deductions
            .iter()
            .any(|x| x.reason == "我的修改")
    );
    assert!(message(&app).contains("合并"), "{}", message(&app));
    assert!(message(&app).contains("A101"), "{}", message(&app));
    // The workbench shows the merged document: their score, our deduction.
    assert_eq!(score_of(&app, "A101"), d("1.5"));
    assert_eq!(score_of(&app, "A202"), d("2.17"));
}

/// Both changed the same field: each conflict is asked about (mine / theirs), then saved.
#[test]
fn the_same_field_changed_by_both_is_asked_about_field_by_field() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    app.commit(crate::edit::Edit::SetJustification {
        code: "A101".into(),
        text: "我的说明".into(),
    })
    .unwrap();
    keys(&mut app, "/A202<Enter>a0.5<Tab>我的修改<Enter>");
    let mut theirs = ProjectFile::open(&path).unwrap();
    theirs
        .apply(&crate::edit::Edit::SetJustification {
            code: "A101".into(),
            text: "他们的说明".into(),
        })
        .unwrap();
    std::fs::write(&path, theirs.text()).unwrap();
    keys(&mut app, "<C-s>");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("a conflict question expected, got {:?}", app.popup)
    };
    let PickFor::MergeConflict { .. } = &p.purpose else {
        panic!("a merge conflict expected")
    };
    assert!(p.title.contains("A101"), "{}", p.title);
    assert!(p.items[0].contains("我的说明") && p.items[1].contains("他们的说明"));
    assert!(render(&mut app.clone(), 100, 30).contains("他们的说明"));
    // Take theirs: saved, with their text and our deduction.
    keys(&mut app, "2");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert!(!app.unsaved(), "{}", message(&app));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("他们的说明") && !text.contains("我的说明"));
    assert!(text.contains("我的修改"));
}

/// A file on disk that cannot be merged (broken by a hand edit) is never overwritten: save as
/// another file, or reload with our text kept beside it.
#[test]
fn an_unmergeable_file_on_disk_offers_save_as_and_reload_without_losing_anything() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>我的修改<Enter>");
    let original = std::fs::read_to_string(&path).unwrap();
    let theirs = format!("{original}\n[[[ 手工改坏了\n");
    std::fs::write(&path, &theirs).unwrap();
    keys(&mut app, "<C-s>");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("conflict choices expected")
    };
    assert_eq!(p.items.len(), 3);
    let PickFor::Conflict { .. } = &p.purpose else {
        panic!("a conflict dialog expected")
    };
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);

    // Save as: an existing name is refused, a new one works.
    keys(&mut app, "1");
    let other = dir.path().join("我的版本.toml");
    keys(&mut app, &format!("{}<Enter>", path.display()));
    assert!(popup_error(&app).unwrap().contains("已存在"));
    keys(&mut app, &format!("<C-u>{}<Enter>", other.display()));
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(app.file.path, other);
    assert!(
        std::fs::read_to_string(&other)
            .unwrap()
            .contains("我的修改")
    );

    // Reload (once the file is readable again): our text goes beside the file first.
    std::fs::write(
        &path,
        original.replace("stated_total = 64.72", "stated_total = 64.72 # 又改了"),
    )
    .unwrap();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>第二次修改<Enter>");
    std::fs::write(&path, &theirs).unwrap();
    keys(&mut app, "<C-s>");
    std::fs::write(
        &path,
        original.replace("stated_total = 64.72", "stated_total = 64.72 # 又改了"),
    )
    .unwrap();
    keys(&mut app, "2");
    let mine = dir.path().join("rongcheng-checkup.mine.toml");
    assert!(
        std::fs::read_to_string(&mine)
            .unwrap()
            .contains("第二次修改")
    );
    assert!(
        message(&app).contains("rongcheng-checkup.mine.toml"),
        "{}",
        message(&app)
    );
    assert!(app.file.text().contains("# 又改了"));
    assert!(!app.unsaved());
    assert_eq!(app.card.total, d("64.72"));
}

/// A file git merged with a recorded conflict: the workbench asks ours or theirs and the
/// record goes once answered.
#[test]
fn a_conflict_recorded_by_git_is_picked_in_the_workbench() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let base = std::fs::read_to_string(&path).unwrap();
    let with = |score: &str| {
        let mut f = ProjectFile::from_text(&path, &base).unwrap();
        f.apply(&crate::edit::Edit::SetScore {
            code: "A101".into(),
            score: Some(d(score)),
        })
        .unwrap();
        f.text()
    };
    let mut merged = crate::merge::merge_texts(&base, &with("1.5"), &with("1")).unwrap();
    merged.record_conflicts("HEAD", "bob").unwrap();
    std::fs::write(&path, &merged.text).unwrap();
    let mut app = open(&path, Lang::Zh);
    app.offer_recorded_conflicts();
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("the recorded conflict should be asked about")
    };
    assert!(p.title.contains("A101"), "{}", p.title);
    assert!(
        p.items[0].contains("HEAD") && p.items[1].contains("bob"),
        "{:?}",
        p.items
    );
    keys(&mut app, "2<C-s>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let saved = ProjectFile::open(&path).unwrap();
    assert!(saved.project().conflicts.is_empty());
    assert_eq!(
        saved.project().get("A101").unwrap().assessment.score,
        Some(d("1"))
    );
}

/// Restoring a recovery file after someone else saved merges: their save stays, the restored
/// edits come back on top of it.
#[test]
fn restoring_a_recovery_keeps_what_others_saved_since() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let base = std::fs::read_to_string(&path).unwrap();
    let mut mine = ProjectFile::from_text(&path, &base).unwrap();
    mine.apply(&crate::edit::Edit::InsertDeduction {
        code: "A202".into(),
        index: 1,
        deduction: crate::model::Deduction {
            points: Some(d("0.5")),
            reason: "恢复的修改".into(),
            ..crate::model::Deduction::default()
        },
    })
    .unwrap();
    let mut theirs = ProjectFile::from_text(&path, &base).unwrap();
    theirs
        .apply(&crate::edit::Edit::SetScore {
            code: "A101".into(),
            score: Some(d("1.5")),
        })
        .unwrap();
    std::fs::write(&path, theirs.text()).unwrap();
    let mut app = open(&path, Lang::Zh);
    app.restore(&mine.text(), Some(&base));
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert!(app.unsaved());
    assert_eq!(score_of(&app, "A101"), d("1.5"), "their save is kept");
    assert_eq!(
        score_of(&app, "A202"),
        d("2.17"),
        "the restored deduction is back"
    );
    keys(&mut app, "<C-s>");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("恢复的修改") && saved.contains("score = 1.5"),
        "{saved}"
    );
}

/// Events of `spec` arriving together (see `App::handle_batch`).
fn batch(spec: &str) -> Vec<ratatui::crossterm::event::Event> {
    crate::tui::testing::key_events(spec)
        .into_iter()
        .map(ratatui::crossterm::event::Event::Key)
        .collect()
}

#[test]
fn a_multi_line_paste_without_bracketed_paste_stays_in_the_reason() {
    use std::time::{Duration, Instant};
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>");
    let before = app
        .project()
        .get("A202")
        .unwrap()
        .assessment
        .deductions
        .len();
    // GNU screen's paste: the clipboard as keys, newlines as Enter, the tail in a second read.
    let t0 = Instant::now();
    app.handle_batch_at(batch("绩效目标表未细化，<Enter>u<Enter>q"), t0);
    app.handle_batch_at(
        batch("<Enter>质量指标缺失。"),
        t0 + Duration::from_millis(20),
    );
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("the form must stay open, got {:?}", app.popup)
    };
    assert_eq!(f.inputs[1].text(), "绩效目标表未细化， u q 质量指标缺失。");
    assert!(!app.quit);
    // A key pressed by hand, later, submits.
    app.handle_batch_at(batch("<Enter>"), t0 + Duration::from_secs(2));
    assert!(app.popup.is_none());
    let dd = &app.project().get("A202").unwrap().assessment.deductions;
    assert_eq!(dd.len(), before + 1);
    assert_eq!(dd[before].reason, "绩效目标表未细化， u q 质量指标缺失。");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn a_dialog_opened_by_a_burst_takes_no_answer_from_it() {
    use std::time::{Duration, Instant};
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>原因<Enter>");
    assert!(app.unsaved());
    let t0 = Instant::now();
    // Pasted into the tree: `q` opens the quit question; the newline after it is not its answer.
    app.handle_batch_at(batch("q<Enter>1"), t0);
    assert!(
        matches!(app.popup, Some(Popup::Picker(_))),
        "{:?}",
        app.popup
    );
    assert!(!app.quit);
    assert!(message(&app).contains("2"), "{}", message(&app));
    app.handle_batch_at(batch("<Enter>"), t0 + Duration::from_millis(30));
    assert!(!app.quit, "the burst's tail is not an answer either");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    // Chosen by hand, it works.
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    // A prompt opened by a burst gets the rest as text, and the newline does not submit it.
    app.handle_batch_at(batch("s<C-u>0.5<Enter>u"), t0 + Duration::from_secs(5));
    // (A202 is scored by deductions: `s` asks for the score and the reason.)
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("score form expected, got {:?}", app.popup)
    };
    assert_eq!(f.inputs[0].text(), "0.5 u");
}

#[test]
fn held_navigation_keys_in_a_burst_still_move() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let code = |app: &App| app.project().indicators[app.selected()].code.clone();
    keys(&mut app, "gg");
    let first = code(&app);
    app.handle_batch(batch("jjjjjk"));
    assert_ne!(code(&app), first);
    app.handle_batch(batch("G"));
    assert_eq!(code(&app), "D401");
}

#[test]
fn a_half_entered_rate_leaf_is_incomplete_and_the_total_provisional() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);
    // A new project: no grade, a provisional total.
    assert_eq!(app.card.grade, None);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("暂计 0.00/100 (0/17)"), "{screen}");
    assert!(!screen.contains("0.00/100 差"), "{screen}");
    // B101 资金到位率 reads 实际到位资金 and 预算资金; only the first arrives today.
    keys(&mut app, "/B101<Enter>i");
    let Some(Popup::Prompt(p)) = &app.popup else {
        panic!("input prompt expected")
    };
    assert!(p.title.contains("实际到位资金、预算资金"), "{}", p.title);
    // Tab completes the names the rule reads, the missing ones first.
    keys(&mut app, "实<Tab>1040<Enter>");
    let leaf = app.card.node(app.project(), "B101").unwrap().clone();
    assert_eq!(
        leaf.leaf.unwrap().state,
        crate::scoring::LeafState::Incomplete(vec!["预算资金".into()])
    );
    assert_eq!(app.card.scored_leaves, 0);
    assert!(render(&mut app, 80, 24).contains("未完成：缺 预算资金"));
    // A name the rule does not read is pointed out before it is recorded.
    keys(&mut app, "i预算资=1580<Enter>");
    assert!(
        popup_error(&app).is_some_and(|e| e.contains("不是本指标规则读取的名称")),
        "{:?}",
        popup_error(&app)
    );
    keys(&mut app, "<C-u><Tab>1580<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(score_of(&app, "B101"), d("2.63"));
    assert_eq!(app.card.scored_leaves, 1);
    // Marked 未评 again, its points stop counting.
    let total = app.card.total;
    assert_eq!(total, d("2.63"));
    keys(&mut app, "m1");
    assert_eq!(app.card.total, d("0"));
    assert_eq!(app.card.scored_leaves, 0);
    // Back to 已评, they count again.
    keys(&mut app, "m2");
    assert_eq!(app.card.total, d("2.63"));
}

#[test]
fn s_on_a_deductions_leaf_records_the_lost_points_with_their_reason() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);
    // A101 立项依据充分性 (5 points) is qualitative: scored by deductions.
    keys(&mut app, "/A101<Enter>s");
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("score and reason form expected, got {:?}", app.popup)
    };
    assert!(f.title.contains("0 到 5"), "{}", f.title);
    // The reason is asked for.
    keys(&mut app, "3.5<Enter>");
    assert!(popup_error(&app).is_some_and(|e| e.contains("扣 1.5 分")));
    keys(&mut app, "<Tab>未与部门职责充分对应<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    let a = &app.project().get("A101").unwrap().assessment;
    assert_eq!(a.score, None, "no awarded override");
    assert_eq!(a.deductions.len(), 1);
    assert_eq!(a.deductions[0].points, Some(d("1.5")));
    assert_eq!(a.deductions[0].reason, "未与部门职责充分对应");
    assert_eq!(a.status.label(), "已评");
    assert_eq!(score_of(&app, "A101"), d("3.5"));
    // Again: from 3.5 down to 3, one more deduction; above what it has now is refused.
    keys(&mut app, "s4<Tab>x<Enter>");
    assert!(popup_error(&app).is_some());
    keys(&mut app, "<Esc>s3<Tab>佐证不全<Enter>");
    assert_eq!(score_of(&app, "A101"), d("3"));
    let leaf = app
        .card
        .node(app.project(), "A101")
        .unwrap()
        .leaf
        .clone()
        .unwrap();
    let text: Vec<String> = leaf
        .steps
        .iter()
        .map(|s| s.text(2, crate::lang::Lang::Zh))
        .collect();
    assert!(!text.iter().any(|t| t.contains("不一致")), "{text:?}");
    // Full marks on a fresh qualitative leaf: scored, nothing deducted.
    keys(&mut app, "/A102<Enter>s3<Enter>");
    assert_eq!(
        app.project().get("A102").unwrap().assessment.status.label(),
        "已评"
    );
    assert!(
        app.project()
            .get("A102")
            .unwrap()
            .assessment
            .deductions
            .is_empty()
    );
}

#[test]
fn a_long_message_takes_two_lines_and_the_log_keeps_every_message() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let long = "A202 的复核已撤销：复核后又有修改（状态改回已评）· A202: 扣 0.50 分：档案管理不规范，资料未及时归档 → 合计 64.22";
    app.info(long);
    let screen = render(&mut app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    let bottom = format!("{}{}", rows[22].trim_end(), rows[23].trim_end());
    assert_eq!(
        bottom, long,
        "the whole message on the two status lines:\n{screen}"
    );
    // The next key clears it; M lists it, with every message before and after.
    keys(&mut app, "j");
    app.error("第二条");
    keys(&mut app, "M");
    assert!(matches!(app.popup, Some(Popup::Log { .. })));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("A202 的复核已撤销"), "{screen}");
    assert!(screen.contains("合计 64.22"), "{screen}");
    assert!(screen.contains("第二条"), "{screen}");
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
}

#[test]
fn a_first_review_starts_at_the_selected_leaf() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let at = |app: &App| {
        let i = app
            .review
            .as_ref()
            .and_then(|r| r.at)
            .expect("a leaf on the walk");
        app.project().indicators[i].code.clone()
    };
    // B201 lost points: the walk starts there, not at A202.
    keys(&mut app, "/B201<Enter>R");
    assert!(app.in_review());
    assert_eq!(at(&app), "B201");
    // From a parent, the walk starts at the next leaf below it that lost points.
    let (_dir2, path2) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path2, Lang::Zh);
    keys(&mut app, "/B2<Enter>R");
    assert_eq!(at(&app), "B201");
}

#[test]
fn a_detail_title_that_does_not_fit_ends_in_an_ellipsis() {
    let (_dir, path) = copy_of("samples/rongcheng-12349.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/C103<Enter><Tab>");
    let screen = render(&mut app, 30, 20);
    let title = screen
        .lines()
        .find(|l| l.contains("C103"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(title.contains('…'), "{screen}");
}
