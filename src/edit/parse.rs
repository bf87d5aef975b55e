//! `jixiao set FILE CODE key=value …`: turning an assignment into an edit.

use super::{Edit, EditError};
use crate::model::{Check, InputValue, Status};
use crate::store::parse_decimal;

/// Parses one `key=value`. `justification=@path` reads the text from a file; an empty value
/// clears (`score=`, `na=`, `input.X=`).
pub fn parse_assignment(code: &str, assignment: &str) -> Result<Edit, EditError> {
    let Some((key, value)) = assignment.split_once('=') else {
        return Err(EditError::NotKeyValue {
            assignment: assignment.to_string(),
        });
    };
    let code = code.to_string();
    let key = key.trim();
    let text = value.trim();
    let number = |what: &str| -> Result<Option<rust_decimal::Decimal>, EditError> {
        if text.is_empty() {
            return Ok(None);
        }
        parse_decimal(text)
            .map(Some)
            .ok_or_else(|| EditError::NotANumber {
                what: what.to_string(),
                text: text.to_string(),
            })
    };
    let optional = || (!text.is_empty()).then(|| text.to_string());
    Ok(match key {
        "score" => Edit::SetScore {
            code,
            score: number("score")?,
        },
        "na" => Edit::SetNa {
            code,
            reason: optional(),
        },
        "unscorable" => Edit::SetUnscorable {
            code,
            reason: optional(),
        },
        "tier" => Edit::SetTier {
            code,
            tier: optional(),
        },
        "status" => Edit::SetStatus {
            code,
            status: Status::parse(text).ok_or_else(|| EditError::BadStatus {
                text: text.to_string(),
            })?,
        },
        "justification" => {
            let body = match text.strip_prefix('@') {
                Some(path) => crate::store::reading::read_text_limited(
                    std::path::Path::new(path),
                    crate::store::reading::FIELD_LIMIT,
                    crate::store::reading::Reading::Justification,
                )
                .map_err(|e| EditError::CannotReadFile {
                    path: path.to_string(),
                    error: e.to_string(),
                    refusal: crate::store::reading::refusal_of(&e).map(Box::new),
                })?,
                None => value.to_string(),
            };
            Edit::SetJustification { code, text: body }
        }
        "checks" => Edit::SetChecks {
            code,
            checks: text
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| match s.trim() {
                    "true" | "y" | "是" => Ok(Check::Met(true)),
                    "false" | "n" | "否" => Ok(Check::Met(false)),
                    // Digits stay numbers: on an all-or-nothing checkpoint 1/0 mean met/not met
                    // (applying the edit says so), on a partial one they are points awarded.
                    other => match parse_decimal(other) {
                        Some(n) if n >= rust_decimal::Decimal::ZERO => Ok(Check::Number(n)),
                        _ => Err(EditError::BadCheck {
                            text: other.to_string(),
                        }),
                    },
                })
                .collect::<Result<_, _>>()?,
        },
        // One year of a per-year input: `input.预算资金.2020=540`; the year, last, is four
        // digits, so a name holding dots still reads as itself.
        k if k.starts_with("input.")
            && k["input.".len()..]
                .rsplit_once('.')
                .is_some_and(|(n, y)| !n.is_empty() && crate::model::is_year(y)) =>
        {
            let (name, year) = k["input.".len()..].rsplit_once('.').unwrap_or_default();
            Edit::SetYear {
                code,
                name: name.to_string(),
                year: year.to_string(),
                value: number(name)?,
            }
        }
        k if k.starts_with("input.") => {
            let name = k["input.".len()..].to_string();
            let value = if text.is_empty() {
                None
            } else if text == "true" || text == "false" {
                Some(InputValue::Flag(text == "true"))
            } else if let Some(d) = parse_decimal(text) {
                Some(InputValue::Number(d))
            } else if crate::model::date::looks_like_date(text) {
                Some(InputValue::Date(text.to_string()))
            } else {
                return Err(EditError::BadInputValue {
                    name,
                    text: text.to_string(),
                });
            };
            Edit::SetInput { code, name, value }
        }
        other => {
            return Err(EditError::UnknownField {
                field: other.to_string(),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn assignments() {
        assert_eq!(
            parse_assignment("A1", "score=2.5").unwrap(),
            Edit::SetScore {
                code: "A1".into(),
                score: Some(rust_decimal::Decimal::from_str("2.5").unwrap())
            }
        );
        assert_eq!(
            parse_assignment("A1", "score=").unwrap(),
            Edit::SetScore {
                code: "A1".into(),
                score: None
            }
        );
        assert!(
            parse_assignment("A1", "score=abc")
                .unwrap_err()
                .to_string()
                .contains("number")
        );
        assert_eq!(
            parse_assignment("A1", "na=无此业务").unwrap(),
            Edit::SetNa {
                code: "A1".into(),
                reason: Some("无此业务".into())
            }
        );
        assert!(matches!(
            parse_assignment("A1", "input.预算资金=1_040").unwrap(),
            Edit::SetInput {
                value: Some(InputValue::Number(_)),
                ..
            }
        ));
        assert!(matches!(
            parse_assignment("A1", "input.完成日期=2023-11-20").unwrap(),
            Edit::SetInput {
                value: Some(InputValue::Date(_)),
                ..
            }
        ));
        assert_eq!(
            parse_assignment("A1", "input.预算资金.2020=540").unwrap(),
            Edit::SetYear {
                code: "A1".into(),
                name: "预算资金".into(),
                year: "2020".into(),
                value: Some(rust_decimal::Decimal::from(540)),
            }
        );
        assert!(matches!(
            parse_assignment("A1", "input.预算资金.2020=").unwrap(),
            Edit::SetYear { value: None, .. }
        ));
        // Not a year: the whole rest is the input's name.
        assert!(matches!(
            parse_assignment("A1", "input.v1.5=3").unwrap(),
            Edit::SetInput { ref name, .. } if name == "v1.5"
        ));
        assert_eq!(
            parse_assignment("A1", "status=已评").unwrap(),
            Edit::SetStatus {
                code: "A1".into(),
                status: Status::Scored
            }
        );
        assert!(
            parse_assignment("A1", "colour=red")
                .unwrap_err()
                .to_string()
                .contains("unknown field")
        );
        assert!(
            parse_assignment("A1", "score")
                .unwrap_err()
                .to_string()
                .contains("key=value")
        );
    }
}
