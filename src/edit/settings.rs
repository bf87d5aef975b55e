//! The project's settings (评价设置) as edits: the `[framework]` policies — total, rounding,
//! decimal places, what 不适用 does, the places rates are read at — and the grade bands.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::EditError;
use crate::model::GradeBand;
use crate::scoring::rounding::plain;

/// A policy key of `[framework]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKey {
    Total,
    Rounding,
    Places,
    NaPolicy,
    RatePlaces,
}

fn err<T>(e: EditError) -> Result<T, EditError> {
    Err(e)
}

impl PolicyKey {
    pub const ALL: [PolicyKey; 5] = [
        PolicyKey::Total,
        PolicyKey::Rounding,
        PolicyKey::Places,
        PolicyKey::NaPolicy,
        PolicyKey::RatePlaces,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PolicyKey::Total => "total",
            PolicyKey::Rounding => "rounding",
            PolicyKey::Places => "places",
            PolicyKey::NaPolicy => "na_policy",
            PolicyKey::RatePlaces => "rate_places",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PolicyKey::Total => "总分",
            PolicyKey::Rounding => "舍入",
            PolicyKey::Places => "小数位数",
            PolicyKey::NaPolicy => "不适用处理",
            PolicyKey::RatePlaces => "比率取位",
        }
    }

    pub fn parse(key: &str) -> Option<PolicyKey> {
        PolicyKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The value as the file writes it, from what a person types (四舍五入 → half_up).
    pub fn normalize(self, typed: &str) -> String {
        let t = typed.trim();
        match (self, t) {
            (PolicyKey::Rounding, "四舍五入" | "half-up" | "halfup") => "half_up".into(),
            (PolicyKey::Rounding, "截位" | "截断" | "truncated") => "truncate".into(),
            (PolicyKey::NaPolicy, "重新折算" | "折算" | "re-base") => "rebase".into(),
            (PolicyKey::NaPolicy, "分配给同级" | "分配" | "redistributed") => {
                "redistribute".into()
            }
            _ => t.to_string(),
        }
    }

    /// Whether `value` (as normalized) may be written; the refusal says what is allowed.
    pub fn check(self, value: &str) -> Result<(), EditError> {
        let places = |v: &str| matches!(u32::from_str(v), Ok(p) if p <= 6);
        match self {
            PolicyKey::Total => match crate::store::parse_decimal(value) {
                Some(d) if d > Decimal::ZERO && d <= Decimal::from(1_000_000) => Ok(()),
                _ => err(EditError::BadTotal {
                    value: value.to_string(),
                }),
            },
            PolicyKey::Rounding => match value {
                "half_up" | "truncate" => Ok(()),
                _ => err(EditError::BadRounding {
                    value: value.to_string(),
                }),
            },
            PolicyKey::NaPolicy => match value {
                "rebase" | "redistribute" => Ok(()),
                _ => err(EditError::BadNaPolicy {
                    value: value.to_string(),
                }),
            },
            PolicyKey::Places if places(value) => Ok(()),
            PolicyKey::RatePlaces if value.is_empty() || places(value) => Ok(()),
            PolicyKey::Places | PolicyKey::RatePlaces => err(EditError::BadPlaces {
                key: self,
                value: value.to_string(),
                max: 6,
            }),
        }
    }
}

/// "优 90, 良 80, 中 60, 差 0": the bands from the highest cut-off down.
pub fn show_grades(grades: &[GradeBand]) -> String {
    let mut bands: Vec<&GradeBand> = grades.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    bands
        .iter()
        .map(|b| format!("{} {}", b.name, plain(b.min)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Bands as typed: `名称 下限` pairs separated by commas (`优 90, 良 80, 中 60, 差 0`; `，`、`;`
/// and `≥` are accepted too).
pub fn parse_grades(text: &str) -> Result<Vec<GradeBand>, EditError> {
    let mut out = Vec::new();
    for part in text
        .split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let part = part.replace(['≥', '>', '='], " ");
        let mut words = part.split_whitespace();
        let (Some(name), Some(min), None) = (words.next(), words.next(), words.next()) else {
            return err(EditError::NotABand {
                part: part.to_string(),
            });
        };
        let Some(min) = crate::store::parse_decimal(min) else {
            return err(EditError::BandMinNotNumber {
                name: name.to_string(),
                min: min.to_string(),
            });
        };
        out.push(GradeBand {
            name: name.to_string(),
            min,
        });
    }
    check_grades(&out)?;
    Ok(out)
}

/// Bands need names, distinct cut-offs and one that every total reaches (a lowest band at
/// 0 or below), or some total would get no grade.
pub fn check_grades(grades: &[GradeBand]) -> Result<(), EditError> {
    if grades.is_empty() {
        return err(EditError::NoBands);
    }
    for (i, a) in grades.iter().enumerate() {
        if a.name.trim().is_empty() {
            return err(EditError::BandNeedsName);
        }
        if let Some(b) = grades[i + 1..]
            .iter()
            .find(|b| b.min == a.min || b.name == a.name)
        {
            return err(EditError::BandsRepeat {
                first: a.name.clone(),
                second: b.name.clone(),
            });
        }
    }
    if grades.iter().all(|b| b.min > Decimal::ZERO) {
        return err(EditError::LowestBandNotZero);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_read_as_typed_and_are_checked() {
        let g = parse_grades("优 ≥90，良 80、中 60, 差 0").unwrap();
        assert_eq!(show_grades(&g), "优 90, 良 80, 中 60, 差 0");
        assert!(
            parse_grades("优 90, 良 80")
                .unwrap_err()
                .to_string()
                .contains("start at 0")
        );
        assert!(parse_grades("优 90, 良 90, 差 0").is_err());
        assert!(parse_grades("优").is_err());
    }

    #[test]
    fn policies_say_what_is_allowed() {
        assert_eq!(PolicyKey::Rounding.normalize("截位"), "truncate");
        assert!(
            PolicyKey::Rounding
                .check("down")
                .unwrap_err()
                .to_string()
                .contains("half_up")
        );
        assert!(PolicyKey::Places.check("7").is_err());
        assert!(PolicyKey::RatePlaces.check("").is_ok());
        assert!(PolicyKey::Total.check("0").is_err());
        assert!(PolicyKey::Total.check("100").is_ok());
    }
}
