//! The inputs editor on per-year figures and questionnaire counts, key by key: each year and
//! each count is a row of its own, Enter changes it, Del removes a year, `i` adds a year.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::{App, Field, Focus, Options};
use crate::store::ProjectFile;
use crate::tui::action::Action;
use crate::tui::strings::Lang;
use crate::tui::testing::{keys, render};
use crate::tui::theme::Theme;

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects/survey-years.toml");
    std::fs::copy(fixture, &path).unwrap();
    (dir, path)
}

fn open(path: &Path) -> App {
    let opts = Options {
        lang: Lang::Zh,
        theme: Theme {
            color: false,
            ascii: false,
        },
        read_only: None,
    };
    let mut app = App::new(ProjectFile::open(path).unwrap(), opts);
    app.update(Action::Resize(100, 60));
    app
}

fn focus(app: &mut App, field: Field) {
    let at = app.fields().iter().position(|f| *f == field).unwrap();
    app.focus = Focus::Detail;
    app.field = at;
}

fn score(app: &App, code: &str) -> String {
    app.card
        .node(app.project(), code)
        .unwrap()
        .score
        .to_string()
}

#[test]
fn a_questionnaire_count_is_a_row_that_enter_changes() {
    let (_dir, path) = copy();
    let mut app = open(&path);
    keys(&mut app, "/C2<Enter>");
    let screen = render(&mut app, 100, 60);
    assert!(screen.contains("满意度 第1题 满意 = 40 人"), "{screen}");
    assert!(screen.contains("满意度 第2题 不满意 = 0 人"), "{screen}");
    focus(&mut app, Field::SurveyCount("满意度".into(), 0, 1));
    keys(&mut app, "<Enter><C-u>41<Enter>");
    let s = app
        .project()
        .get("C2")
        .unwrap()
        .assessment
        .survey("满意度")
        .cloned();
    assert_eq!(s.unwrap().questions[0].counts[1], Decimal::from(41));
    // (93.03% + 90.00%) ÷ 2 = 91.52%, × 5 = 4.58
    assert_eq!(score(&app, "C2"), "4.58");
    // Not a number: said in the prompt, nothing changed.
    keys(&mut app, "<Enter><C-u>四十<Enter>");
    assert!(app.popup.is_some());
    keys(&mut app, "<Esc><C-s>");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("counts = [150, 41, 7, 3]   # 200 份"),
        "{text}"
    );
}

#[test]
fn a_year_is_changed_added_and_removed_in_the_inputs_editor() {
    let (_dir, path) = copy();
    let mut app = open(&path);
    keys(&mut app, "/C1<Enter>");
    let screen = render(&mut app, 100, 60);
    assert!(screen.contains("到位资金 2020年 = 486"), "{screen}");
    // The per-year names are not offered as single figures.
    assert!(!app.fields().contains(&Field::Input("到位资金".into())));
    focus(&mut app, Field::Year("到位资金".into(), "2020".into()));
    keys(&mut app, "<Enter><C-u>540<Enter>");
    assert_eq!(score(&app, "C1"), "5");
    keys(
        &mut app,
        "i到位资金.2022=500<Enter>i预算资金.2022=540<Enter>",
    );
    let a = app.project().get("C1").unwrap().assessment.clone();
    assert_eq!(
        a.yearly_input("到位资金").unwrap().total(),
        Decimal::from(2080)
    );
    focus(&mut app, Field::Year("预算资金".into(), "2022".into()));
    keys(&mut app, "<Del>");
    let a = app.project().get("C1").unwrap().assessment.clone();
    assert!(a.yearly_input("预算资金").unwrap().get("2022").is_none());
    keys(&mut app, "<C-s>");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"预算资金\" = { 2019 = 500, 2020 = 540, 2021 = 540 }, \"到位资金\" = { 2019 = 500, 2020 = 540, 2021 = 540, 2022 = 500 } }   # 万元"),
        "{text}"
    );
}

#[test]
fn a_recorded_conflict_on_a_count_names_its_option_and_question() {
    let (_dir, path) = copy();
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[[conflicts]]\ncode = \"C2\"\nfield = \"survey.满意度.1.2\"\nours = 41\ntheirs = 42\n",
    );
    std::fs::write(&path, text).unwrap();
    let mut app = open(&path);
    app.update(Action::Resize(240, 100));
    keys(&mut app, "/C2<Enter>");
    let screen = render(&mut app, 240, 100);
    assert!(
        screen.contains("满意度 第1题（您对服务态度是否满意）“满意”人数"),
        "{screen}"
    );
    assert!(!screen.contains("第1题第2项"), "{screen}");
}
