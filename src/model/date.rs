//! Calendar dates as inputs and targets are written (YYYY-MM-DD): one check shared by the
//! loader and every edit path, so a value an edit accepts is a value the file loads with.

/// Why a text is not a calendar date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY-MM-DD.
    Form,
    /// A month outside 1–12.
    Month(u32),
    /// A day the month does not have.
    Day { year: u32, month: u32, days: u32 },
}

impl DateError {
    /// The refusal, in English, for `text`.
    pub fn en(&self, text: &str) -> String {
        match self {
            DateError::Form => format!("\"{text}\" is not a date; expected YYYY-MM-DD"),
            DateError::Month(m) => {
                format!("{text} is not a date: there is no month {m}; expected YYYY-MM-DD")
            }
            DateError::Day { year, month, days } => format!(
                "{text} is not a date: {} {year} has {days} days; expected YYYY-MM-DD",
                MONTHS[*month as usize - 1]
            ),
        }
    }

    /// The refusal, in Chinese, for `text`.
    pub fn zh(&self, text: &str) -> String {
        match self {
            DateError::Form => format!("“{text}”不是日期，应为 YYYY-MM-DD"),
            DateError::Month(m) => format!("{text} 不是日期：没有 {m} 月，应为 YYYY-MM-DD"),
            DateError::Day { year, month, days } => {
                format!("{text} 不是日期：{year} 年 {month} 月只有 {days} 天，应为 YYYY-MM-DD")
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `text` looks like a date at all (digits in the YYYY-MM-DD pattern), valid or not.
pub fn looks_like_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Checks that `text` is a calendar date YYYY-MM-DD (2022-02-30 is not).
pub fn check_date(text: &str) -> Result<(), DateError> {
    if !looks_like_date(text) {
        return Err(DateError::Form);
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(DateError::Day { year, month, days });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates() {
        assert_eq!(check_date("2022-02-28"), Ok(()));
        assert_eq!(check_date("2024-02-29"), Ok(()));
        assert_eq!(
            check_date("2022-02-30").unwrap_err().en("2022-02-30"),
            "2022-02-30 is not a date: February 2022 has 28 days; expected YYYY-MM-DD"
        );
        assert_eq!(
            check_date("1900-02-29").map_err(|e| e.zh("1900-02-29")),
            Err("1900-02-29 不是日期：1900 年 2 月只有 28 天，应为 YYYY-MM-DD".into())
        );
        assert_eq!(check_date("2022-13-01"), Err(DateError::Month(13)));
        assert_eq!(
            check_date("2022-04-31"),
            Err(DateError::Day {
                year: 2022,
                month: 4,
                days: 30
            })
        );
        assert_eq!(check_date("10:30:00"), Err(DateError::Form));
    }
}
