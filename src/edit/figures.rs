//! Per-year figures (全周期) and questionnaire tallies (问卷) as edits: one year's value, one
//! count, or a whole imported survey, each returning the edit that undoes it.

use rust_decimal::Decimal;

use super::{Edit, EditError};
use crate::model::{Assessment, Survey, Yearly, is_year};

fn too_large(v: Decimal) -> Result<(), EditError> {
    if v.abs() > Decimal::from(1_000_000_000_000_000i64) {
        return Err(EditError::NumberTooLarge);
    }
    Ok(())
}

fn no_survey(a: &Assessment, name: &str) -> EditError {
    EditError::NoSurvey {
        name: name.to_string(),
        surveys: a.surveys.iter().map(|s| s.name.clone()).collect(),
    }
}

/// Whether `s` is a questionnaire the loader would read back: a name, options, questions,
/// one non-negative count per option.
pub fn validate_survey(s: &Survey) -> Result<(), EditError> {
    if s.name.trim().is_empty() || s.options.is_empty() || s.questions.is_empty() {
        return Err(EditError::SurveyIncomplete {
            name: s.name.clone(),
        });
    }
    for q in &s.questions {
        if q.counts.len() != s.options.len() {
            return Err(EditError::SurveyCountsLen {
                survey: s.name.clone(),
                given: q.counts.len(),
                options: s.options.iter().map(|o| o.name.clone()).collect(),
            });
        }
        for c in &q.counts {
            if *c < Decimal::ZERO {
                return Err(EditError::NegativeCount);
            }
            too_large(*c)?;
        }
    }
    Ok(())
}

/// Applies `SetYear`, `RestoreYearly`, `SetSurveyCount` or `SetSurvey` to the leaf's record `a`.
pub(super) fn apply(a: &mut Assessment, code: String, edit: &Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::SetYear {
            name, year, value, ..
        } => {
            if name.trim().is_empty() {
                return Err(EditError::InputNeedsName);
            }
            if !is_year(year) && a.yearly_input(name).and_then(|y| y.get(year)).is_none() {
                return Err(EditError::BadYear { text: year.clone() });
            }
            if a.input(name).is_some() {
                return Err(EditError::NotYearly { name: name.clone() });
            }
            if let Some(v) = value {
                too_large(*v)?;
            }
            let old = a.yearly_input(name).and_then(|y| y.get(year));
            let at = a.yearly.iter().position(|y| &y.name == name);
            match (at, value) {
                (Some(i), Some(v)) => {
                    let years = &mut a.yearly[i].years;
                    match years.iter_mut().find(|(y, _)| y == year) {
                        Some(slot) => slot.1 = *v,
                        // Where it belongs among the years (as the file writes it).
                        None => {
                            let at = years
                                .iter()
                                .position(|(y, _)| is_year(y) && y.as_str() > year.as_str())
                                .unwrap_or(years.len());
                            years.insert(at, (year.clone(), *v));
                        }
                    }
                }
                (Some(i), None) => {
                    a.yearly[i].years.retain(|(y, _)| y != year);
                    if a.yearly[i].years.is_empty() {
                        // The input goes with its last year: its undo puts it back in place
                        // (the file's text is added by the document that wrote it).
                        let mut gone = a.yearly.remove(i);
                        if let Some(v) = old {
                            gone.years = vec![(year.clone(), v)];
                        }
                        return Ok(Edit::RestoreYearly {
                            code,
                            index: i,
                            yearly: gone,
                            written: None,
                        });
                    }
                }
                (None, Some(v)) => a.yearly.push(Yearly {
                    name: name.clone(),
                    years: vec![(year.clone(), *v)],
                }),
                (None, None) => {}
            }
            Ok(Edit::SetYear {
                code,
                name: name.clone(),
                year: year.clone(),
                value: old,
            })
        }
        Edit::RestoreYearly { index, yearly, .. } => {
            if yearly.years.len() != 1 || a.yearly.iter().any(|y| y.name == yearly.name) {
                // Only ever the undo of removing an input's last year, onto the leaf as that
                // removal left it.
                return Err(EditError::NotYearly {
                    name: yearly.name.clone(),
                });
            }
            let (year, _) = yearly.years[0].clone();
            a.yearly
                .insert((*index).min(a.yearly.len()), yearly.clone());
            Ok(Edit::SetYear {
                code,
                name: yearly.name.clone(),
                year,
                value: None,
            })
        }
        Edit::SetSurveyCount {
            survey,
            question,
            option,
            count,
            ..
        } => {
            if *count < Decimal::ZERO {
                return Err(EditError::NegativeCount);
            }
            too_large(*count)?;
            let Some(s) = a.surveys.iter_mut().find(|s| &s.name == survey) else {
                return Err(no_survey(a, survey));
            };
            let options: Vec<String> = s.options.iter().map(|o| o.name.clone()).collect();
            let questions = s.questions.len();
            let Some(q) = s.questions.get_mut(*question) else {
                return Err(EditError::NoQuestion {
                    survey: survey.clone(),
                    number: question + 1,
                    questions,
                });
            };
            let Some(slot) = q.counts.get_mut(*option) else {
                return Err(EditError::NoOption {
                    survey: survey.clone(),
                    number: option + 1,
                    options,
                });
            };
            let old = std::mem::replace(slot, *count);
            Ok(Edit::SetSurveyCount {
                code,
                survey: survey.clone(),
                question: *question,
                option: *option,
                count: old,
            })
        }
        Edit::SetSurvey { name, survey, .. } => {
            if let Some(s) = survey {
                validate_survey(s)?;
                if &s.name != name {
                    return Err(EditError::SurveyIncomplete { name: name.clone() });
                }
            }
            let at = a.surveys.iter().position(|s| &s.name == name);
            let old = match (at, survey) {
                (Some(i), Some(s)) => Some(std::mem::replace(&mut a.surveys[i], (**s).clone())),
                (Some(i), None) => Some(a.surveys.remove(i)),
                (None, Some(s)) => {
                    a.surveys.push((**s).clone());
                    None
                }
                (None, None) => None,
            };
            Ok(Edit::SetSurvey {
                code,
                name: name.clone(),
                survey: old.map(Box::new),
            })
        }
        _ => unreachable!("only figures are applied here"),
    }
}

/// Whether a name's figures are given per year on this leaf.
pub fn is_yearly(a: &Assessment, name: &str) -> bool {
    a.yearly_input(name).is_some()
}

/// `survey.NAME[.QUESTION].OPTION=COUNT` of `jixiao set`: the question 1-based (it may be left
/// out on a one-question survey), the option by its name or 1-based number.
pub fn survey_assignment(
    a: &Assessment,
    code: &str,
    key: &str,
    text: &str,
) -> Result<Edit, EditError> {
    let rest = key.strip_prefix("survey.").unwrap_or(key);
    // The longest survey name that the key starts with: names may hold dots.
    let found = a
        .surveys
        .iter()
        .filter(|s| {
            rest.strip_prefix(s.name.as_str())
                .is_some_and(|r| r.starts_with('.'))
        })
        .max_by_key(|s| s.name.len());
    let Some(s) = found else {
        let name = rest.split('.').next().unwrap_or_default();
        return Err(no_survey(a, name));
    };
    let tail = &rest[s.name.len() + 1..];
    let options: Vec<String> = s.options.iter().map(|o| o.name.clone()).collect();
    let option_of = |t: &str| -> Result<usize, EditError> {
        if let Some(k) = options.iter().position(|o| o == t) {
            return Ok(k);
        }
        match t.parse::<usize>() {
            Ok(n) if (1..=options.len()).contains(&n) => Ok(n - 1),
            Ok(n) => Err(EditError::NoOption {
                survey: s.name.clone(),
                number: n,
                options: options.clone(),
            }),
            Err(_) => Err(EditError::NoOptionNamed {
                survey: s.name.clone(),
                text: t.to_string(),
                options: options.clone(),
            }),
        }
    };
    let (question, option) = match tail.split_once('.') {
        Some((q, o)) if q.parse::<usize>().is_ok() && !options.iter().any(|x| x == tail) => {
            let n: usize = q.parse().unwrap_or(0);
            if n == 0 || n > s.questions.len() {
                return Err(EditError::NoQuestion {
                    survey: s.name.clone(),
                    number: n,
                    questions: s.questions.len(),
                });
            }
            (n - 1, option_of(o)?)
        }
        _ if s.questions.len() == 1 => (0, option_of(tail)?),
        _ => {
            return Err(EditError::WhichQuestion {
                survey: s.name.clone(),
                questions: s.questions.len(),
            });
        }
    };
    let count = crate::store::parse_decimal(text.trim()).ok_or_else(|| EditError::NotANumber {
        what: format!("{}.{}", s.name, options[option]),
        text: text.trim().to_string(),
    })?;
    Ok(Edit::SetSurveyCount {
        code: code.to_string(),
        survey: s.name.clone(),
        question,
        option,
        count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::store::parse_project;

    fn project() -> crate::model::Project {
        parse_project(include_str!("../../tests/projects/survey-years.toml"))
            .unwrap()
            .project
    }

    fn c2() -> Assessment {
        project().get("C2").unwrap().assessment.clone()
    }

    #[test]
    fn set_names_a_count_by_question_and_option() {
        let a = c2();
        let e = survey_assignment(&a, "C2", "survey.满意度.2.一般", "5").unwrap();
        assert_eq!(
            e,
            Edit::SetSurveyCount {
                code: "C2".into(),
                survey: "满意度".into(),
                question: 1,
                option: 2,
                count: Decimal::from(5),
            }
        );
        // The option by its number.
        let by_number = survey_assignment(&a, "C2", "survey.满意度.2.3", "5").unwrap();
        assert_eq!(by_number, e);
        assert!(matches!(
            survey_assignment(&a, "C2", "survey.满意度.一般", "5"),
            Err(EditError::WhichQuestion { questions: 2, .. })
        ));
        assert!(matches!(
            survey_assignment(&a, "C2", "survey.满意度.3.一般", "5"),
            Err(EditError::NoQuestion { number: 3, .. })
        ));
        assert!(matches!(
            survey_assignment(&a, "C2", "survey.满意度.1.很满意", "5"),
            Err(EditError::NoOptionNamed { .. })
        ));
        assert!(matches!(
            survey_assignment(&a, "C2", "survey.问卷.1.一般", "5"),
            Err(EditError::NoSurvey { .. })
        ));
        assert!(matches!(
            survey_assignment(&a, "C2", "survey.满意度.1.一般", "五"),
            Err(EditError::NotANumber { .. })
        ));
    }

    #[test]
    fn a_count_is_never_negative_and_its_undo_restores_it() {
        let mut p = project();
        let set = |count: i64| Edit::SetSurveyCount {
            code: "C2".into(),
            survey: "满意度".into(),
            question: 0,
            option: 0,
            count: Decimal::from(count),
        };
        assert_eq!(apply(&mut p, &set(-1)), Err(EditError::NegativeCount));
        let undo = apply(&mut p, &set(160)).unwrap();
        assert_eq!(undo, set(150));
    }

    #[test]
    fn a_year_is_refused_on_a_single_figure_and_a_single_figure_on_years() {
        let mut p = project();
        let year = Edit::SetYear {
            code: "C1".into(),
            name: "预算资金".into(),
            year: "20x1".into(),
            value: Some(Decimal::from(1)),
        };
        assert!(matches!(
            apply(&mut p, &year),
            Err(EditError::BadYear { .. })
        ));
        let single = Edit::SetInput {
            code: "C1".into(),
            name: "预算资金".into(),
            value: Some(crate::model::InputValue::Number(Decimal::from(1))),
        };
        assert!(matches!(
            apply(&mut p, &single),
            Err(EditError::IsYearly { .. })
        ));
        // The last year removed takes the input with it; its undo brings it back.
        let mut undos = Vec::new();
        for y in ["2019", "2020", "2021"] {
            undos.push(
                apply(
                    &mut p,
                    &Edit::SetYear {
                        code: "C1".into(),
                        name: "预算资金".into(),
                        year: y.into(),
                        value: None,
                    },
                )
                .unwrap(),
            );
        }
        assert!(
            p.get("C1")
                .unwrap()
                .assessment
                .yearly_input("预算资金")
                .is_none()
        );
        for u in undos.iter().rev() {
            apply(&mut p, u).unwrap();
        }
        // The figures come back (the input now listed after the others).
        let back = p
            .get("C1")
            .unwrap()
            .assessment
            .yearly_input("预算资金")
            .cloned();
        let mut years = back.unwrap().years;
        years.sort();
        let before = project()
            .get("C1")
            .unwrap()
            .assessment
            .yearly_input("预算资金")
            .cloned();
        assert_eq!(years, before.unwrap().years);
    }
}
