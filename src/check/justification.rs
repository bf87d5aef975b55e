//! Reading the figures a justification paragraph states ("该指标得2.67分，得分率66.75%").

use rust_decimal::Decimal;

use crate::store::parse_decimal;

/// The score a paragraph states: the last "该指标得X分" / "该指标得分X" / "得分为X分" in it.
pub fn stated_score(text: &str) -> Option<Decimal> {
    let mut found = None;
    for marker in ["该指标得", "得分为", "该项得"] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let tail = rest
                .trim_start()
                .strip_prefix('分')
                .unwrap_or(rest)
                .trim_start();
            if let Some((num, after)) = leading_number(tail)
                && (after.trim_start().starts_with('分') || tail.len() != rest.trim_start().len())
            {
                found = Some((text.len() - rest.len(), num));
            }
        }
    }
    found.map(|(_, n)| n)
}

/// The 得分率 a paragraph states for the leaf itself, in percent: the last one that is not
/// someone else's average ("考核平均得分率88%" describes the units assessed, not this leaf).
pub fn stated_rate(text: &str) -> Option<Decimal> {
    let mut end = text.len();
    while let Some(at) = text[..end].rfind("得分率") {
        end = at;
        if text[..at].trim_end().ends_with("平均") {
            continue;
        }
        let tail = text[at + "得分率".len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || c == '为' || c == '：' || c == ':');
        let (num, after) = leading_number(tail)?;
        return after.trim_start().starts_with('%').then_some(num);
    }
    None
}

fn leading_number(s: &str) -> Option<(Decimal, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    Some((parse_decimal(s[..end].trim_end_matches('.'))?, &s[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_the_forms_reports_use() {
        assert_eq!(
            stated_score("根据评分标准，该指标得2.67分，得分率66.75%。"),
            Some(d("2.67"))
        );
        assert_eq!(
            stated_score("根据评分标准，该指标得 1 分，得分率 33.33%。"),
            Some(d("1"))
        );
        assert_eq!(
            stated_score("根据评分标准，该指标得分2，得分率100%。"),
            Some(d("2"))
        );
        assert_eq!(
            stated_score("酌情扣 1 分，该指标得 2 分，得分率 66.67%。"),
            Some(d("2"))
        );
        assert_eq!(stated_score("没有写分数。"), None);
        assert_eq!(
            stated_rate("该指标得2.67分，得分率66.75%。"),
            Some(d("66.75"))
        );
        assert_eq!(stated_rate("得分率 33.33%。"), Some(d("33.33")));
        assert_eq!(stated_rate("无"), None);
        assert_eq!(stated_rate("各单位考核平均得分率88%，本项得满分。"), None);
        assert_eq!(
            stated_rate("考核平均得分率 88%；该指标得2分，得分率100%。"),
            Some(d("100"))
        );
        assert_eq!(
            stated_rate("该指标得2分，得分率100%；各单位考核平均得分率88%。"),
            Some(d("100"))
        );
    }
}
