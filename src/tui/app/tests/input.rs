//! Input as terminals deliver it: pastes without bracketed paste and bursts of keys.

use super::*;

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
