//! Every sentence of `jixiao survey import`, in both languages with its figures filled in.

use super::Lang;
use super::message_tests::{has_cjk, reads_english};

fn every_survey_import_error() -> Vec<crate::import::survey::SurveyImportError> {
    use crate::import::survey::SurveyImportError::*;
    let s = |x: &str| x.to_string();
    let options = vec![s("O1"), s("O2")];
    vec![
        Read(s("cannot read")),
        Empty,
        NotAnOption {
            row: 3,
            column: 4,
            header: s("Q1"),
            text: s("O9"),
            options: options.clone(),
        },
        NotACount {
            row: 3,
            column: 2,
            text: s("x"),
        },
        OptionTwice {
            row: 5,
            option: s("O1"),
        },
        NoAnswers {
            options: options.clone(),
        },
        QuestionCount {
            found: 1,
            questions: 2,
        },
        NoQuestion {
            number: 3,
            questions: 2,
        },
    ]
}

#[test]
fn every_survey_import_message_in_both_languages() {
    use super::survey_import as w;
    use crate::import::survey::{Shape, SurveyImportError};
    let mut texts: Vec<(String, String)> = every_survey_import_error()
        .iter()
        // The reader's own words are passed on as they are.
        .filter(|e| !matches!(e, SurveyImportError::Read(_)))
        .map(|e| (e.text(Lang::Zh), e.text(Lang::En)))
        .collect();
    let both = |f: &dyn Fn(Lang) -> String| (f(Lang::Zh), f(Lang::En));
    let names = vec!["S1".to_string(), "S2".to_string()];
    texts.push(both(&|l| w::which_survey(l, "C1", Some("S9"), &names)));
    texts.push(both(&|l| w::which_survey(l, "C1", None, &[])));
    texts.push(both(&|l| w::which_survey(l, "C1", None, &names)));
    texts.push(both(&|l| w::bad_options(l, "x")));
    texts.push(both(&|l| w::no_sheet(l, "S9", &names)));
    for shape in [
        Shape::Respondents { respondents: 200 },
        Shape::Tallied,
        Shape::Matrix,
    ] {
        texts.push(both(&|l| w::read_heading(l, "f.csv", &shape)));
    }
    let tally = vec![("O1".to_string(), "150".to_string())];
    texts.push(both(&|l| {
        w::question_line(l, 1, "Q1", "D", &tally, "200", Some("93.10%"))
    }));
    texts.push(both(&|l| w::source(l, "D", false)));
    texts.push(both(&|l| w::source(l, "3", true)));
    texts.push(both(&|l| w::unchanged(l).to_string()));
    texts.push(both(&|l| w::dry_run(l).to_string()));
    texts.push(both(&|l| w::unread(l, "C1", "S9", &[])));
    texts.push(both(&|l| w::unread(l, "C1", "S9", &names)));
    for (zh, en) in &texts {
        assert_ne!(zh, en);
        assert!(has_cjk(zh) && !reads_english(zh), "not Chinese: {zh}");
        assert!(
            !en.contains('：') && !en.contains('，'),
            "not English: {en}"
        );
        assert!(
            !zh.contains('{') && !en.contains('{'),
            "unfilled slot: {zh} / {en}"
        );
    }
}
