//! Several people on one file: merging saves, conflicts asked field by field, a file that cannot
//! be merged, conflicts recorded by git, and recovery after others saved.

use super::*;

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
