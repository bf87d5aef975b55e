//! `jixiao survey import PROJECT CODE FILE`: a questionnaire platform's export written into a
//! leaf's survey as tallies, saved through the same merging path as every scripted change.

use std::path::Path;

use rust_decimal::Decimal;

use jixiao::edit::Edit;
use jixiao::import::read::{self, Sheet};
use jixiao::import::survey::{self, Imported, Shape};
use jixiao::lang::{Lang, cli as say, survey_import as words};
use jixiao::model::{Assessment, Survey};
use jixiao::scoring::rounding::{fixed, plain};

/// The options of `survey import`.
pub struct Choice {
    pub survey: Option<String>,
    pub question: Option<usize>,
    pub sheet: Option<String>,
    pub options: Option<String>,
    pub dry_run: bool,
}

fn sheets(file: &Path, choice: &Choice, lang: Lang) -> Result<Vec<Sheet>, String> {
    let csv = file.extension().is_some_and(|x| {
        ["csv", "txt", "tsv"]
            .iter()
            .any(|e| x.eq_ignore_ascii_case(e))
    });
    let all = if csv {
        vec![read::read_csv(file).map_err(|e| jixiao::lang::import::file_problem(&e, lang))?]
    } else {
        read::read_workbook(file).map_err(|e| jixiao::lang::import::file_problem(&e, lang))?
    };
    match &choice.sheet {
        None => Ok(all),
        Some(name) => {
            let names: Vec<String> = all.iter().map(|s| s.name.clone()).collect();
            let found: Vec<Sheet> = all.into_iter().filter(|s| &s.name == name).collect();
            if found.is_empty() {
                return Err(words::no_sheet(lang, name, &names));
            }
            Ok(found)
        }
    }
}

/// The survey to fill: the leaf's (named, or its only one), or a new one from `--options`.
fn target(a: &Assessment, code: &str, choice: &Choice, lang: Lang) -> Result<Survey, String> {
    let names: Vec<String> = a.surveys.iter().map(|s| s.name.clone()).collect();
    let found = match &choice.survey {
        Some(n) => a.survey(n).cloned(),
        None if a.surveys.len() == 1 => a.surveys.first().cloned(),
        None => None,
    };
    if let Some(s) = found {
        return Ok(s);
    }
    match &choice.options {
        Some(spec) if choice.survey.as_ref().is_none_or(|n| a.survey(n).is_none()) => {
            let name = choice.survey.clone().unwrap_or_else(|| "满意度".into());
            survey::new_survey(&name, spec).ok_or_else(|| words::bad_options(lang, spec))
        }
        _ => Err(words::which_survey(
            lang,
            code,
            choice.survey.as_deref(),
            &names,
        )),
    }
}

/// Reads the first sheet that fits; the error of the first one otherwise.
fn read_into(
    sheets: &[Sheet],
    s: &Survey,
    choice: &Choice,
    lang: Lang,
) -> Result<Imported, String> {
    let only = choice.question.map(|n| n.saturating_sub(1));
    let mut first_error = None;
    for sheet in sheets {
        let s = if s.questions.is_empty() {
            survey::with_questions_from(sheet, s)
        } else {
            s.clone()
        };
        match survey::read(sheet, &s, only) {
            Ok(i) => return Ok(i),
            Err(e) => {
                let text = e.text(lang);
                let text = if sheet.name.is_empty() {
                    text
                } else {
                    format!("{}: {text}", sheet.name)
                };
                first_error.get_or_insert(text);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| survey::SurveyImportError::Empty.text(lang)))
}

/// The edits that make the leaf's survey `new`: count by count when its options and questions
/// are those already in the file (so its comments and layout stay), else the whole survey.
pub fn edits(a: &Assessment, code: &str, new: &Survey) -> Vec<Edit> {
    let same_shape = a.survey(&new.name).is_some_and(|old| {
        old.options == new.options
            && old.questions.len() == new.questions.len()
            && old
                .questions
                .iter()
                .all(|q| q.counts.len() == new.options.len())
    });
    if !same_shape {
        return vec![Edit::SetSurvey {
            code: code.to_string(),
            name: new.name.clone(),
            survey: Some(Box::new(new.clone())),
        }];
    }
    let old = a.survey(&new.name).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (q, (oq, nq)) in old.questions.iter().zip(&new.questions).enumerate() {
        for (o, (oc, nc)) in oq.counts.iter().zip(&nq.counts).enumerate() {
            if oc != nc {
                out.push(Edit::SetSurveyCount {
                    code: code.to_string(),
                    survey: new.name.clone(),
                    question: q,
                    option: o,
                    count: *nc,
                });
            }
        }
    }
    out
}

fn report(lang: Lang, file: &str, i: &Imported, places: u32) -> Result<(), String> {
    println!("{}", words::read_heading(lang, file, &i.shape));
    let tally = jixiao::scoring::survey::tally(&i.survey);
    let s = &i.survey;
    for (k, q) in s.questions.iter().enumerate() {
        // Only the questions the file held.
        let Some(Some((place, _))) = i.sources.get(k) else {
            continue;
        };
        let source = words::source(lang, place, i.shape == Shape::Matrix);
        let counts: Vec<(String, String)> = s
            .options
            .iter()
            .zip(&q.counts)
            .map(|(o, c)| (o.name.clone(), plain(*c)))
            .collect();
        let respondents: Decimal = q.counts.iter().sum();
        let rate = tally
            .as_ref()
            .ok()
            .and_then(|t| t.questions.get(k))
            .map(|t| format!("{}%", fixed(t.rate, places)));
        println!(
            "{}",
            words::question_line(
                lang,
                k + 1,
                &q.text,
                &source,
                &counts,
                &plain(respondents),
                rate.as_deref()
            )
        );
    }
    match tally {
        Ok(t) => {
            println!(
                "{}",
                words::rate_line(lang, &s.name, &format!("{}%", fixed(t.rate, places)))
            );
            Ok(())
        }
        Err(e) => Err(jixiao::lang::score_error(&e, lang)),
    }
}

pub fn import(project: &Path, code: &str, file: &Path, choice: &Choice) -> u8 {
    let lang = super::lang();
    let name = project.display().to_string();
    let error = say::error_in(lang, &name);
    let Ok(f) = jixiao::tui::open_or_report(project, lang) else {
        return 2;
    };
    let Some(ind) = f.project().get(code) else {
        let e = jixiao::edit::EditError::NoIndicator {
            code: code.to_string(),
        };
        eprintln!("{error}{}", e.text(lang));
        return 1;
    };
    let a = ind.assessment.clone();
    let rule = ind.rule.clone();
    let places = f.project().framework.places;
    let s = match target(&a, code, choice, lang) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{error}{e}");
            return 1;
        }
    };
    let file_name = file.display().to_string();
    let file_error = say::error_in(lang, &file_name);
    if let Err(e) = std::fs::File::open(file) {
        eprintln!("{}", say::cannot_read(lang, &file_name, &e));
        return 2;
    }
    let imported = match sheets(file, choice, lang).and_then(|sh| read_into(&sh, &s, choice, lang))
    {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{file_error}{e}");
            return 1;
        }
    };
    if let Err(e) = report(lang, &file_name, &imported, places) {
        eprintln!("{file_error}{e}");
        return 1;
    }
    if let Err(e) = jixiao::edit::validate_survey(&imported.survey) {
        eprintln!("{file_error}{}", e.text(lang));
        return 1;
    }
    // A survey the rule does not read changes no score: say so beside the unchanged score.
    let reads = jixiao::scoring::rule_inputs(&rule);
    if !reads.contains(&imported.survey.name) {
        eprintln!(
            "{}",
            words::unread(lang, code, &imported.survey.name, &reads)
        );
    }
    if choice.dry_run {
        println!("{}", words::dry_run(lang));
        return 0;
    }
    if edits(&a, code, &imported.survey).is_empty() {
        println!("{}", words::unchanged(lang));
        return 0;
    }
    let new = imported.survey;
    let done = super::scripted::run(project, code, false, &|f| {
        let a = f
            .project()
            .get(code)
            .map(|i| i.assessment.clone())
            .unwrap_or_default();
        Ok(edits(&a, code, &new))
    });
    if done == 0 {
        shadowed(project, code, lang);
    }
    done
}

/// Says so when an input of the survey's name stands in its way: the rule reads the input,
/// and the score printed above did not move for all the counts just written.
fn shadowed(project: &Path, code: &str, lang: Lang) {
    let Ok((_, loaded)) = jixiao::store::load_file(project) else {
        return;
    };
    let name = project.display().to_string();
    for d in jixiao::check::check(&loaded) {
        if matches!(&d.kind, jixiao::diagnostic::Kind::SurveyShadowed { code: c, .. } if c == code)
        {
            eprintln!("{}", d.display_in(&name, lang));
        }
    }
}
