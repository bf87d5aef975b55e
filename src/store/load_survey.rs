//! Reading a leaf's questionnaires (`[[indicators.CODE.surveys]]`) and per-year inputs
//! (`预算资金 = { 2019 = 500, 2020 = 540 }`).

use rust_decimal::Decimal;
use toml_edit::TableLike;

use super::fields::Reader;
use crate::diagnostic::{Pos, Syntax};
use crate::model::*;

pub(super) fn read_surveys(r: &mut Reader, t: &dyn TableLike, path: &str) -> Vec<Survey> {
    let mut out = Vec::new();
    for (i, (st, spos)) in r.tables(t, path, "surveys").into_iter().enumerate() {
        let spath = format!("{path}.surveys.{i}");
        r.check_keys(st, &spath, &["name", "options", "questions", "combine"]);
        let name = r.required_string(st, &spath, "name", spos);
        let mut options = Vec::new();
        for (ot, opos) in r.tables(st, &spath, "options") {
            let opath = format!("{spath}.options");
            r.check_keys(ot, &opath, &["name", "weight"]);
            options.push(SurveyOption {
                name: r.required_string(ot, &opath, "name", opos),
                weight: r.required_decimal(ot, &opath, "weight", opos),
            });
        }
        if options.is_empty() {
            r.fail(
                spos,
                Syntax::SurveyNoOptions {
                    path: spath.clone(),
                },
            );
        }
        let combine = match r.string(st, &spath, "combine").as_deref() {
            None | Some("mean") => Combine::Mean,
            Some("weighted") => Combine::Weighted,
            Some("respondents") => Combine::Respondents,
            Some(other) => {
                let p = r.locate(st, &spath, "combine");
                r.unknown_choice(p, "combine", other, &["mean", "weighted", "respondents"]);
                Combine::Mean
            }
        };
        let mut questions = Vec::new();
        for (qt, qpos) in r.tables(st, &spath, "questions") {
            let qpath = format!("{spath}.questions");
            r.check_keys(qt, &qpath, &["text", "counts", "weight"]);
            let text = r.string_or_empty(qt, &qpath, "text");
            let weight = r.decimal(qt, &qpath, "weight");
            if combine == Combine::Weighted && weight.is_none() {
                r.fail(
                    qpos,
                    Syntax::WeightedNeedsWeight {
                        path: qpath.clone(),
                    },
                );
            }
            let counts = counts(r, qt, &qpath, qpos);
            if !options.is_empty() && counts.len() != options.len() {
                let p = r.locate(qt, &qpath, "counts").or(qpos);
                r.fail(
                    p,
                    Syntax::CountsMismatch {
                        path: format!("{qpath}.counts"),
                        counts: counts.len(),
                        options: options.len(),
                    },
                );
            }
            questions.push(Question {
                text,
                counts,
                weight,
            });
        }
        if questions.is_empty() {
            r.fail(
                spos,
                Syntax::SurveyNoQuestions {
                    path: spath.clone(),
                },
            );
        }
        out.push(Survey {
            name,
            options,
            questions,
            combine,
        });
    }
    out
}

fn counts(r: &mut Reader, t: &dyn TableLike, path: &str, pos: Option<Pos>) -> Vec<Decimal> {
    let p = r.locate(t, path, "counts").or(pos);
    let Some(arr) = t.get("counts").and_then(|i| i.as_array()) else {
        r.fail(
            p,
            Syntax::NoCounts {
                path: path.to_string(),
            },
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in arr.iter() {
        if let Some(d) = r.value_decimal(v, &format!("{path}.counts"), p) {
            if d < Decimal::ZERO {
                r.fail(
                    p,
                    Syntax::NegativeTally {
                        path: format!("{path}.counts"),
                        value: d,
                    },
                );
            }
            out.push(d);
        }
    }
    out
}

/// An input written as a table of years: `{ 2019 = 500, 2020 = 540 }`.
pub(super) fn read_yearly(
    r: &mut Reader,
    name: &str,
    t: &dyn TableLike,
    path: &str,
    pos: Option<Pos>,
) -> Option<Yearly> {
    let mut years = Vec::new();
    for (k, v) in t.iter() {
        let vpos = r.locate(t, path, k).or(pos);
        match v.as_value() {
            Some(val) => {
                if let Some(d) = r.value_decimal(val, &format!("{path}.{k}"), vpos) {
                    years.push((k.to_string(), d));
                }
            }
            None => r.fail(
                vpos,
                Syntax::YearNotNumber {
                    path: format!("{path}.{k}"),
                },
            ),
        }
    }
    if years.is_empty() {
        r.fail(
            pos,
            Syntax::NoYears {
                path: path.to_string(),
            },
        );
        return None;
    }
    Some(Yearly {
        name: name.to_string(),
        years,
    })
}
