//! A questionnaire's rate (问卷满意度): each question's Σ(count × option weight) ÷ respondents,
//! then the questions combined (mean, weighted, or pooled over all respondents).

use rust_decimal::Decimal;

use super::ScoreError;
use super::explanation::{Step, SurveyCombination};
use crate::model::{Combine, Survey};

/// One question's tally.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionTally {
    pub respondents: Decimal,
    /// Σ count × option weight (in percent units ÷ 100: 150 × 100% + 40 × 80% = 182).
    pub points: Decimal,
    /// points ÷ respondents, in percent.
    pub rate: Decimal,
}

/// The survey's rate (in percent) and each question's tally.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyTally {
    pub questions: Vec<QuestionTally>,
    pub rate: Decimal,
}

fn overflow() -> ScoreError {
    ScoreError::SurveyTooLarge
}

/// Tallies `s`; a question nobody answered, or a survey without questions, is an error.
pub fn tally(s: &Survey) -> Result<SurveyTally, ScoreError> {
    let name = &s.name;
    if s.questions.is_empty() {
        return Err(ScoreError::SurveyNoQuestions {
            survey: name.clone(),
        });
    }
    let mut questions = Vec::new();
    for (i, q) in s.questions.iter().enumerate() {
        if q.counts.len() != s.options.len() {
            return Err(ScoreError::SurveyCounts {
                survey: name.clone(),
                question: i + 1,
                counts: q.counts.len(),
                options: s.options.len(),
            });
        }
        let respondents: Decimal = q.counts.iter().sum();
        if respondents <= Decimal::ZERO {
            return Err(ScoreError::SurveyNoRespondents {
                survey: name.clone(),
                question: i + 1,
            });
        }
        let mut points = Decimal::ZERO;
        for (c, o) in q.counts.iter().zip(&s.options) {
            let p = c.checked_mul(o.weight).ok_or_else(overflow)? / Decimal::ONE_HUNDRED;
            points = points.checked_add(p).ok_or_else(overflow)?;
        }
        let rate = points / respondents * Decimal::ONE_HUNDRED;
        questions.push(QuestionTally {
            respondents,
            points,
            rate,
        });
    }
    let rate = match s.combine {
        Combine::Mean => {
            questions.iter().map(|q| q.rate).sum::<Decimal>() / Decimal::from(questions.len())
        }
        Combine::Weighted => {
            let total: Decimal = s.questions.iter().filter_map(|q| q.weight).sum();
            if total <= Decimal::ZERO {
                return Err(ScoreError::SurveyWeights {
                    survey: name.clone(),
                    total,
                });
            }
            let mut sum = Decimal::ZERO;
            for (q, t) in s.questions.iter().zip(&questions) {
                sum += t
                    .rate
                    .checked_mul(q.weight.unwrap_or_default())
                    .ok_or_else(overflow)?;
            }
            sum / total
        }
        Combine::Respondents => {
            let points: Decimal = questions.iter().map(|q| q.points).sum();
            let people: Decimal = questions.iter().map(|q| q.respondents).sum();
            points / people * Decimal::ONE_HUNDRED
        }
    };
    Ok(SurveyTally { questions, rate })
}

/// The tally table as reports print it: the option weights, one line per question with its
/// counts, the arithmetic and its rate, then how the questions combine.
pub fn steps(s: &Survey, t: &SurveyTally) -> Vec<Step> {
    let mut out = vec![Step::SurveyHeader {
        name: s.name.clone(),
        questions: s.questions.len(),
        options: s
            .options
            .iter()
            .map(|o| (o.name.clone(), o.weight))
            .collect(),
    }];
    for (i, (q, qt)) in s.questions.iter().zip(&t.questions).enumerate() {
        out.push(Step::SurveyQuestion {
            number: i + 1,
            text: q.text.trim().to_string(),
            counts: s
                .options
                .iter()
                .zip(&q.counts)
                .map(|(o, c)| (o.name.clone(), *c))
                .collect(),
            terms: s
                .options
                .iter()
                .zip(&q.counts)
                .map(|(o, c)| (c * o.weight / Decimal::ONE_HUNDRED).normalize())
                .collect(),
            respondents: qt.respondents,
            rate: qt.rate,
        });
    }
    let how = if t.questions.len() > 1 {
        match s.combine {
            Combine::Mean => SurveyCombination::Mean {
                rates: t.questions.iter().map(|q| q.rate).collect(),
                rate: t.rate,
            },
            Combine::Weighted => SurveyCombination::Weighted {
                terms: s
                    .questions
                    .iter()
                    .zip(&t.questions)
                    .map(|(q, qt)| (qt.rate, q.weight.unwrap_or_default()))
                    .collect(),
                total: s.questions.iter().filter_map(|q| q.weight).sum(),
                rate: t.rate,
            },
            Combine::Respondents => SurveyCombination::Respondents {
                points: t
                    .questions
                    .iter()
                    .map(|q| q.points)
                    .sum::<Decimal>()
                    .normalize(),
                people: t.questions.iter().map(|q| q.respondents).sum(),
                rate: t.rate,
            },
        }
    } else {
        SurveyCombination::Single { rate: t.rate }
    };
    out.push(Step::SurveyResult {
        name: s.name.clone(),
        how,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Question, SurveyOption};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn survey(combine: Combine, questions: &[(&[&str], Option<&str>)]) -> Survey {
        Survey {
            name: "满意度".into(),
            options: [
                ("非常满意", "100"),
                ("满意", "80"),
                ("一般", "60"),
                ("不满意", "0"),
            ]
            .iter()
            .map(|(n, w)| SurveyOption {
                name: n.to_string(),
                weight: d(w),
            })
            .collect(),
            questions: questions
                .iter()
                .map(|(c, w)| Question {
                    text: String::new(),
                    counts: c.iter().map(|x| d(x)).collect(),
                    weight: w.map(d),
                })
                .collect(),
            combine,
        }
    }

    #[test]
    fn the_issue_example_is_93_10() {
        // 200 answers: 150 ×100%, 40 ×80%, 7 ×60%, 3 ×0% → (150 + 32 + 4.2) ÷ 200 = 93.10%
        let s = survey(Combine::Mean, &[(&["150", "40", "7", "3"], None)]);
        let t = tally(&s).unwrap();
        assert_eq!(t.rate, d("93.1"));
        let text: Vec<String> = steps(&s, &t)
            .iter()
            .map(|s| s.text(2, crate::lang::Lang::Zh))
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains("(150 + 32 + 4.2 + 0) ÷ 200 = 93.10%")),
            "{text:#?}"
        );
    }

    #[test]
    fn mean_weighted_and_pooled() {
        let qs: &[(&[&str], Option<&str>)] = &[
            (&["150", "40", "7", "3"], Some("3")), // 93.1%
            (&["50", "50", "0", "0"], Some("1")),  // 90%
        ];
        assert_eq!(tally(&survey(Combine::Mean, qs)).unwrap().rate, d("91.55"));
        assert_eq!(
            tally(&survey(Combine::Weighted, qs)).unwrap().rate,
            d("92.325")
        );
        // (186.2 + 90) ÷ 300
        assert_eq!(
            tally(&survey(Combine::Respondents, qs))
                .unwrap()
                .rate
                .round_dp(4),
            d("92.0667")
        );
    }

    #[test]
    fn zero_respondents_is_an_error() {
        let s = survey(Combine::Mean, &[(&["0", "0", "0", "0"], None)]);
        let e = tally(&s).unwrap_err().to_string();
        assert!(
            e.contains("no respondents") && e.contains("question 1"),
            "{e}"
        );
        let s = survey(Combine::Mean, &[]);
        assert!(tally(&s).unwrap_err().to_string().contains("no questions"));
        let s = survey(Combine::Weighted, &[(&["1", "0", "0", "0"], Some("0"))]);
        assert!(
            tally(&s)
                .unwrap_err()
                .to_string()
                .contains("weights add up to 0")
        );
    }
}
