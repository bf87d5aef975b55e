//! Designing the tree in the workbench (issue 14 item 1), key by key: add, re-weight, rename,
//! re-code, move, delete and undo, with the screens a user sees (insta snapshots) and the
//! file that gets saved.

use std::path::{Path, PathBuf};

use jixiao::store::ProjectFile;
use jixiao::tui::action::Action;
use jixiao::tui::app::{App, Options, Popup};
use jixiao::tui::testing::{keys, message, render};
use jixiao::tui::{Lang, Theme};

/// A new project from the MoF framework in a fresh directory, and its text.
fn new_project() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let fw = jixiao::frameworks::find("mof-program").unwrap();
    let text = jixiao::store::new_project_text(&fw.text, "测试项目").unwrap();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
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

fn selected(app: &App) -> String {
    app.project().indicators[app.selected()].code.clone()
}

fn codes_under(app: &App, parent: &str) -> Vec<String> {
    app.project()
        .indicators
        .iter()
        .filter(|i| i.parent.as_deref() == Some(parent))
        .map(|i| i.code.clone())
        .collect()
}

#[test]
fn adding_reweighting_deleting_and_undoing_saves_only_those_changes() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/C101<Enter>");
    assert_eq!(selected(&app), "C101");
    keys(&mut app, "o");
    insta::assert_snapshot!("design_add_form_80x24", render(&mut app, 80, 24));
    // The code is proposed from the siblings; the form starts at the name.
    keys(&mut app, "培训完成率<Tab>2<Enter>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert_eq!(selected(&app), "C102");
    assert_eq!(codes_under(&app, "C1"), ["C101", "C102"]);
    // 产出数量 no longer adds up: the tree shows by how much, the status bar says so.
    keys(&mut app, "k");
    insta::assert_snapshot!("design_gap_80x24", render(&mut app, 80, 24));
    // Re-weight the two siblings so the sum holds again.
    keys(&mut app, "=<C-u>9<Enter>j=<C-u>1<Enter>");
    assert!(app.gaps.is_empty(), "{:?}", app.gaps);
    // Delete one, and undo the delete.
    keys(&mut app, "x");
    assert_eq!(codes_under(&app, "C1"), ["C101"]);
    assert_eq!(selected(&app), "C1", "the selection goes to the parent");
    keys(&mut app, "u");
    assert_eq!(codes_under(&app, "C1"), ["C101", "C102"]);
    assert!(message(&app).contains("删除指标"), "{}", message(&app));
    keys(&mut app, "<C-s>");
    assert!(message(&app).contains("已保存"), "{}", message(&app));
    let saved = std::fs::read_to_string(&path).unwrap();
    let expected = original
        .replacen(
            "name = \"实际完成率\"\nweight = 10\n",
            "name = \"实际完成率\"\nweight = 9\n",
            1,
        )
        .replacen(
            "denominator = \"计划产出数\" }\n\n[indicators.C2]",
            "denominator = \"计划产出数\" }\n\n[indicators.C102]\nparent = \"C1\"\nname = \"培训完成率\"\nweight = 1\n\n[indicators.C2]",
            1,
        );
    assert_eq!(saved, expected);
    let loaded = jixiao::store::parse_project(&saved).unwrap();
    assert!(!loaded.has_errors());
}

#[test]
fn deleting_a_parent_says_what_it_takes_and_undo_brings_back_its_records() {
    let (_dir, path, _) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A101<Enter>s4<Tab>依据充分<Enter>");
    keys(&mut app, "/项目立项<Enter>");
    assert_eq!(selected(&app), "A1");
    let before = app.file.text();
    keys(&mut app, "x");
    insta::assert_snapshot!("design_delete_confirm_80x24", render(&mut app, 80, 24));
    // The choice starts on 取消: Enter alone deletes nothing.
    keys(&mut app, "<Enter>");
    assert!(app.project().get("A1").is_some());
    keys(&mut app, "x1");
    assert!(app.project().get("A1").is_none() && app.project().get("A101").is_none());
    assert!(!app.gaps.is_empty(), "A no longer adds up");
    keys(&mut app, "u");
    assert_eq!(app.file.text(), before);
    keys(&mut app, "<C-r>");
    assert!(app.project().get("A101").is_none());
}

#[test]
fn moving_renaming_and_recoding_are_undoable_steps() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::En);
    keys(&mut app, "/A102<Enter>K");
    assert_eq!(codes_under(&app, "A1"), ["A102", "A101"]);
    assert_eq!(selected(&app), "A102");
    keys(&mut app, "K");
    assert!(
        message(&app).contains("already the first"),
        "{}",
        message(&app)
    );
    keys(&mut app, "J");
    assert_eq!(codes_under(&app, "A1"), ["A101", "A102"]);
    // To another parent.
    keys(&mut app, "P<C-u>A2<Enter>");
    assert_eq!(codes_under(&app, "A2"), ["A201", "A202", "A102"]);
    // A new code; the children of a re-coded parent follow.
    keys(&mut app, "/项目立项<Enter>c<C-u>A9<Enter>");
    assert_eq!(selected(&app), "A9");
    assert_eq!(codes_under(&app, "A9"), ["A101"]);
    // A code in use is refused in place, saying why.
    keys(&mut app, "c<C-u>A2<Enter>");
    let Some(Popup::Prompt(p)) = &app.popup else {
        panic!("the prompt stays open")
    };
    assert!(
        p.error.as_deref().unwrap_or("").contains("already used"),
        "{:?}",
        p.error
    );
    keys(&mut app, "<Esc>r<C-u>立项管理<Enter>");
    assert_eq!(app.project().get("A9").unwrap().name, "立项管理");
    // A rule as one line.
    keys(
        &mut app,
        "/A101<Enter>F<C-u>kind=rate numerator=实际 denominator=预算<Enter>",
    );
    assert!(app.popup.is_none(), "{:?} {}", app.popup, message(&app));
    assert!(matches!(
        app.project().get("A101").unwrap().rule.kind,
        jixiao::model::RuleKind::Rate { .. }
    ));
    keys(&mut app, "F<C-u>kind=ratte<Enter>");
    let Some(Popup::Prompt(p)) = &app.popup else {
        panic!("the prompt stays open")
    };
    assert!(
        p.error.as_deref().unwrap_or("").contains("expected one of"),
        "{:?}",
        p.error
    );
    keys(&mut app, "<Esc>");
    // Every step undoes: back to the file as it was.
    for _ in 0..7 {
        keys(&mut app, "u");
    }
    assert_eq!(app.file.text(), original);
    assert!(!app.unsaved());
}

#[test]
fn the_help_lists_the_design_keys() {
    let (_dir, path, _) = new_project();
    let mut app = open(&path, Lang::En);
    keys(&mut app, "?");
    let screen = render(&mut app, 120, 60);
    assert!(screen.contains("add a sibling below"), "{screen}");
}

#[test]
fn the_settings_form_changes_rounding_and_grades_in_one_undoable_step() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "S");
    insta::assert_snapshot!("design_settings_80x24", render(&mut app, 80, 24));
    // A value the file cannot hold is refused in place, saying what is allowed.
    keys(&mut app, "<Tab><C-u>down<Enter>");
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("the form stays open")
    };
    assert!(
        f.error.as_deref().unwrap_or("").contains("truncate"),
        "{:?}",
        f.error
    );
    keys(
        &mut app,
        "<C-u>截位<Tab><Tab><Tab><Tab><C-u>优秀 85, 良好 75, 合格 60, 不合格 0<Enter>",
    );
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let p = app.project();
    assert_eq!(p.framework.rounding, jixiao::model::Rounding::Truncate);
    assert_eq!(p.grades.len(), 4);
    assert_eq!(p.grades[0].name, "优秀");
    keys(&mut app, "u");
    assert_eq!(app.file.text(), original);
}

#[test]
fn the_texts_of_an_indicator_are_one_form() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(
        &mut app,
        "/C101<Enter>d<Tab><Tab>≥95%<Tab>项目验收报告<Enter>",
    );
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let ind = app.project().get("C101").unwrap();
    assert_eq!(
        (ind.target.as_str(), ind.source.as_str()),
        ("≥95%", "项目验收报告")
    );
    let text = app.file.text();
    assert!(
        text.contains("target = \"≥95%\"\nsource = \"项目验收报告\"\n"),
        "{text}"
    );
    keys(&mut app, "u");
    assert_eq!(app.file.text(), original);
}

/// Issue 14 leftovers: the code the report prints (`shown`) is the texts form's last row:
/// a code of its own, `""` for none printed, emptied to print the indicator's code again.
#[test]
fn the_reports_code_is_a_row_of_the_texts_form() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/C101<Enter>d<Tab><Tab><Tab><Tab>（一）");
    insta::assert_snapshot!("texts_form_shown_80x24", render(&mut app, 80, 24));
    keys(&mut app, "<Enter>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert_eq!(
        app.project().get("C101").unwrap().shown.as_deref(),
        Some("（一）")
    );
    assert!(app.file.text().contains("shown = \"（一）\"\n"));
    // `""`: the report prints no code — the key stays, empty.
    keys(&mut app, "d<Tab><Tab><Tab><Tab><C-u>\"\"<Enter>");
    assert_eq!(
        app.project().get("C101").unwrap().shown.as_deref(),
        Some("")
    );
    assert!(app.file.text().contains("shown = \"\"\n"));
    // Reopened, the row says `""` again; emptied, the key goes.
    keys(&mut app, "d<Tab><Tab><Tab><Tab>");
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("{:?}", app.popup)
    };
    assert_eq!(f.inputs[4].text(), "\"\"");
    keys(&mut app, "<C-u><Enter>");
    assert_eq!(app.project().get("C101").unwrap().shown, None);
    assert_eq!(app.file.text(), original);
    keys(&mut app, "uu");
    assert!(app.file.text().contains("shown = \"（一）\"\n"));
    keys(&mut app, "u");
    assert_eq!(app.file.text(), original);
}

/// A copy of a sample in a fresh directory, and its text.
fn sample(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::copy(from, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    (dir, path, text)
}

fn rule_form_text(app: &App) -> (Vec<String>, Option<String>, Vec<String>) {
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("no form open: {:?}", app.popup)
    };
    let jixiao::tui::app::FormFor::Rule(rf) = &f.purpose else {
        panic!("not the rule form")
    };
    (
        f.inputs.iter().map(|i| i.text()).collect(),
        f.error.clone(),
        rf.preview.clone(),
    )
}

/// Issue 14 item 2: `f` lists the rule kinds with what each does; the chosen kind's form is
/// filled from the rule, checks each field as typed and shows the score the rule would give,
/// live; Enter writes one undoable edit, Esc nothing.
#[test]
fn the_rule_form_checks_fields_and_shows_the_score_live() {
    let (_dir, path, original) = sample("rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/B102<Enter>f");
    insta::assert_snapshot!("rule_kinds_80x24", render(&mut app, 80, 24));
    // The leaf's own kind is selected: Enter opens its form, filled from the file.
    keys(&mut app, "<Enter>");
    insta::assert_snapshot!("rule_form_rate_80x24", render(&mut app, 80, 24));
    let (rows, error, preview) = rule_form_text(&app);
    assert_eq!(
        rows,
        ["实际支出", "实际到位资金", "", "true", "", "", "", "", ""]
    );
    assert_eq!(error, None);
    assert_eq!(preview[0], "得 4.00 分（满分 4 分）");
    // Ctrl-n offers the leaf's inputs; a wrong word in a choice field is refused in place.
    keys(&mut app, "<C-n>");
    assert_eq!(rule_form_text(&app).0[0], "实际到位资金");
    keys(&mut app, "<Tab><Tab><Tab><C-u>yes");
    let (_, error, preview) = rule_form_text(&app);
    assert!(error.unwrap().contains("超100%按100%"), "names the field");
    assert!(preview.is_empty());
    // Esc leaves the file untouched.
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    assert_eq!(app.file.text(), original);

    // Another kind keeps the measure; the preview follows each figure typed.
    keys(&mut app, "f6");
    let (rows, _, _) = rule_form_text(&app);
    assert_eq!(&rows[..2], ["实际支出", "实际到位资金"]);
    keys(&mut app, "<Tab><Tab><Tab>9x");
    assert!(
        rule_form_text(&app)
            .1
            .unwrap()
            .contains("下限（≥）: 应为数字")
    );
    keys(&mut app, "<BS>5");
    assert_eq!(rule_form_text(&app).2[0], "得 4.00 分（满分 4 分）");
    keys(&mut app, "<C-u><Tab>95");
    assert_eq!(rule_form_text(&app).2[0], "得 0.00 分（满分 4 分）");
    keys(&mut app, "<Enter>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert!(
        app.file.text().contains(
            "rule = { kind = \"threshold\", numerator = \"实际支出\", denominator = \"实际到位资金\", at_most = 95 }"
        ),
        "{}",
        app.file.text()
    );
    assert_eq!(
        app.card
            .node(app.project(), "B102")
            .unwrap()
            .score
            .to_string(),
        "0"
    );
    keys(&mut app, "u");
    assert_eq!(app.file.text(), original);
}

/// Issue 14 leftovers: the rule's full marks, the measure's unit, places and years and the
/// 一票否决 items are rows of the form too, checked as typed and shown in the preview.
#[test]
fn the_rule_form_takes_max_unit_places_years_and_vetoes() {
    let (_dir, path, original) = sample("rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    // numerator, denominator, value, cap, then max.
    keys(&mut app, "/B102<Enter>f<Enter><Tab><Tab><Tab><Tab>2");
    assert_eq!(rule_form_text(&app).2[0], "得 2.00 分（满分 4 分）");
    // unit, then rate_places: 0–6 only.
    keys(&mut app, "<Tab><Tab>7");
    let error = rule_form_text(&app).1.unwrap();
    assert!(error.starts_with("比率保留位数"), "{error}");
    keys(&mut app, "<BS>0<Tab><C-n>");
    let (rows, error, _) = rule_form_text(&app);
    assert_eq!(error, None);
    assert_eq!(rows[7], "sum");
    keys(&mut app, "<Tab>截留挪用<C-o>虚报<Enter>");
    assert!(app.popup.is_none(), "{:?}", app.popup);
    assert!(
        app.file.text().contains(
            "rule = { kind = \"rate\", numerator = \"实际支出\", denominator = \"实际到位资金\", cap = true, max = 2, rate_places = 0, years = \"sum\", veto = [\"截留挪用\", \"虚报\"] }"
        ),
        "{}",
        app.file.text()
    );
    // Reopened, the form shows what it wrote.
    keys(&mut app, "f<Enter>");
    let (rows, _, _) = rule_form_text(&app);
    assert_eq!(&rows[4..], ["2", "", "0", "sum", "截留挪用", "虚报"]);
    keys(&mut app, "<Esc>u");
    assert_eq!(app.file.text(), original);
}

/// A levels rule's tiers are rows of the form: Ctrl-o adds one, Ctrl-d deletes one.
#[test]
fn the_tiers_of_a_levels_rule_are_an_editable_list() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    keys(
        &mut app,
        "/C101<Enter>f4好=1<C-o>较好=*0.8<C-o>错<C-d><C-o>一般=0.5",
    );
    let (rows, error, _) = rule_form_text(&app);
    // The tiers, then the rule's full marks and its 一票否决 items, left empty.
    assert_eq!(rows, ["好=1", "较好=*0.8", "一般=0.5", "", ""]);
    assert_eq!(error, None);
    keys(&mut app, "<Enter>");
    let rule = &app.project().get("C101").unwrap().rule;
    let jixiao::model::RuleKind::Levels { levels } = &rule.kind else {
        panic!("{rule:?}")
    };
    assert_eq!(
        levels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["好", "较好", "一般"]
    );
    keys(&mut app, "u");
    assert_eq!(app.file.text(), original);
}

/// Issue 14 item 2: 评价要点 as a list — add, edit, delete, reorder — each one undoable step.
#[test]
fn the_evaluation_points_are_a_list_each_change_undoable() {
    let (_dir, path, original) = new_project();
    let mut app = open(&path, Lang::Zh);
    let points = |app: &App| app.project().get("A101").unwrap().criteria.clone();
    let first = points(&app);
    assert_eq!(first.len(), 5);
    keys(&mut app, "/A101<Enter>E");
    insta::assert_snapshot!("criteria_list_80x24", render(&mut app, 80, 24));
    // a: a new point below the selected one.
    keys(&mut app, "a⑥是否经过集体决策<Enter>");
    assert_eq!(points(&app)[1], "⑥是否经过集体决策");
    assert!(
        matches!(app.popup, Some(Popup::Picker(_))),
        "back to the list"
    );
    // K: up one place; Enter: edit it; x: delete another.
    keys(&mut app, "K");
    assert_eq!(points(&app)[0], "⑥是否经过集体决策");
    keys(&mut app, "<Enter><C-u>⑥是否经集体决策<Enter>");
    assert_eq!(points(&app)[0], "⑥是否经集体决策");
    keys(&mut app, "jx");
    assert_eq!(points(&app).len(), 5);
    assert!(!points(&app).contains(&first[0]));
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    let text = app.file.text();
    assert!(
        text.contains("criteria = [\n  \"⑥是否经集体决策\",\n"),
        "{text}"
    );
    // Four steps, four undos, the file as it was.
    keys(&mut app, "u");
    assert_eq!(points(&app).len(), 6);
    for _ in 0..3 {
        keys(&mut app, "u");
    }
    assert_eq!(points(&app), first);
    assert_eq!(app.file.text(), original);
}
