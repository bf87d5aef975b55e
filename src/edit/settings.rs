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

fn err<T>(en: impl Into<String>, zh: impl Into<String>) -> Result<T, EditError> {
    Err(EditError::new(en, zh))
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
                _ => err(
                    format!(
                        "the total must be a number of points above 0, such as 100, not \"{value}\""
                    ),
                    format!("总分应为大于 0 的分数，如 100，而不是“{value}”"),
                ),
            },
            PolicyKey::Rounding => match value {
                "half_up" | "truncate" => Ok(()),
                _ => err(
                    format!("rounding is half_up (四舍五入) or truncate (截位), not \"{value}\""),
                    format!("舍入方式为 half_up（四舍五入）或 truncate（截位），而不是“{value}”"),
                ),
            },
            PolicyKey::NaPolicy => match value {
                "rebase" | "redistribute" => Ok(()),
                _ => err(
                    format!(
                        "na_policy is rebase (re-base the total) or redistribute (to the siblings), not \"{value}\""
                    ),
                    format!(
                        "不适用处理为 rebase（总分折算）或 redistribute（分配给同级），而不是“{value}”"
                    ),
                ),
            },
            PolicyKey::Places if places(value) => Ok(()),
            PolicyKey::RatePlaces if value.is_empty() || places(value) => Ok(()),
            PolicyKey::Places | PolicyKey::RatePlaces => err(
                format!(
                    "{} is a whole number from 0 to 6, not \"{value}\"",
                    self.key()
                ),
                format!("{}应为 0 到 6 的整数，而不是“{value}”", self.label()),
            ),
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
            return err(
                format!(
                    "`{part}` is not a band; expected NAME MIN pairs such as 优 90, 良 80, 中 60, 差 0"
                ),
                format!("“{part}”不是等级，应为“名称 下限”，如 优 90, 良 80, 中 60, 差 0"),
            );
        };
        let Some(min) = crate::store::parse_decimal(min) else {
            return err(
                format!("the lower bound of {name} must be a number, not \"{min}\""),
                format!("{name} 的下限应为数字，而不是“{min}”"),
            );
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
        return err(
            "at least one grade band is needed, e.g. 优 90, 良 80, 中 60, 差 0",
            "至少需要一个等级，如 优 90, 良 80, 中 60, 差 0",
        );
    }
    for (i, a) in grades.iter().enumerate() {
        if a.name.trim().is_empty() {
            return err("a grade band needs a name", "等级需要名称");
        }
        if let Some(b) = grades[i + 1..]
            .iter()
            .find(|b| b.min == a.min || b.name == a.name)
        {
            return err(
                format!(
                    "{} and {} share a name or a lower bound; expected each once",
                    a.name, b.name
                ),
                format!("{} 与 {} 的名称或下限重复", a.name, b.name),
            );
        }
    }
    if grades.iter().all(|b| b.min > Decimal::ZERO) {
        return err(
            "the lowest band must start at 0, or a low total gets no grade",
            "最低等级的下限应为 0，否则低分没有等级",
        );
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
