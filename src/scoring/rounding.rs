//! Cutting scores to the framework's places, and the fixed-width texts reports print.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Rounding;

/// Rounds a score by the framework's policy: 四舍五入 (half away from zero) or truncation.
pub fn round(value: Decimal, places: u32, policy: Rounding) -> Decimal {
    let strategy = match policy {
        Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        Rounding::Truncate => RoundingStrategy::ToZero,
    };
    value.round_dp_with_strategy(places, strategy)
}

/// A score with exactly `places` decimals: `2.67`, `1.00`.
pub fn fixed(value: Decimal, places: u32) -> String {
    fixed_value(value, places).to_string()
}

/// The value `fixed` shows: rounded half up to `places`, and keeping them (`1.00`).
pub fn fixed_value(value: Decimal, places: u32) -> Decimal {
    let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(places);
    v
}

/// A weight or input as written, without trailing zeros: `3`, `0.5`, `1040`.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A ratio (0.6582…) as a percentage with two places: `65.82%`.
pub fn percent_of_ratio(ratio: Decimal) -> String {
    format!("{}%", fixed(ratio * Decimal::ONE_HUNDRED, 2))
}

/// score ÷ weight as a percentage with two places (得分率), `None` for a zero weight.
pub fn rate(score: Decimal, weight: Decimal) -> Option<Decimal> {
    if weight.is_zero() {
        return None;
    }
    Some(
        (score / weight * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn half_up_and_truncate() {
        assert_eq!(round(d("2.665"), 2, Rounding::HalfUp), d("2.67"));
        assert_eq!(round(d("2.664"), 2, Rounding::HalfUp), d("2.66"));
        assert_eq!(round(d("1.7356"), 2, Rounding::Truncate), d("1.73"));
        assert_eq!(round(d("1.7399"), 2, Rounding::Truncate), d("1.73"));
    }

    #[test]
    fn two_thirds_of_four_is_2_67() {
        let v = d("4") * d("2") / d("3");
        assert_eq!(round(v, 2, Rounding::HalfUp).to_string(), "2.67");
        assert_eq!(rate(d("2.67"), d("4")).unwrap().to_string(), "66.75");
    }

    #[test]
    fn exact_decimal_sums() {
        assert_eq!(d("0.1") + d("0.2"), d("0.3"));
    }

    #[test]
    fn fixed_and_plain_texts() {
        assert_eq!(fixed(d("1"), 2), "1.00");
        assert_eq!(fixed(d("64.72"), 2), "64.72");
        assert_eq!(plain(d("3.00")), "3");
        assert_eq!(percent_of_ratio(d("1040") / d("1580")), "65.82%");
        assert_eq!(rate(d("13.67"), d("15")).unwrap().to_string(), "91.13");
        assert_eq!(rate(d("1"), d("0")), None);
    }
}
