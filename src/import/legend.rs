//! What a sheet says around its table: the title row above the header (the project's or the
//! framework's name) and a legend of grade bands ("90分以上为优，80-90分为良，60-80分为中，60分
//! 以下为差") above or below it.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::read::Row;
use crate::model::GradeBand;
use crate::store::parse_decimal;

/// The title: the first non-blank row above the header with one text (a merged cell reads as
/// one cell and blanks), without the "综合评分表" an export adds.
pub fn title(rows_above: &[Row]) -> Option<String> {
    // "附件1" above the title and "单位：万元" beside it are not the title.
    let aside = |t: &str| {
        let t = t.trim();
        t.starts_with("单位")
            || ((t.starts_with("附件") || t.starts_with("附表")) && t.chars().count() <= 6)
    };
    rows_above
        .iter()
        .filter(|r| !r.is_blank())
        .find(|r| {
            !r.cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .all(aside)
        })
        .and_then(|r| {
            let texts: Vec<&str> = r
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty() && !aside(c))
                .collect();
            let first = *texts.first()?;
            if texts.iter().any(|t| *t != first) || parse_bands(first).is_some() {
                return None;
            }
            let mut t = first.replace('\n', " ");
            for suffix in ["综合评分表"] {
                if let Some(s) = t.strip_suffix(suffix) {
                    t = s.trim_end().to_string();
                }
            }
            (!t.is_empty()).then_some(t)
        })
}

/// The first legend of grade bands in `rows`, and the row it is on.
pub fn grade_legend(rows: &[Row]) -> Option<(Vec<GradeBand>, usize)> {
    rows.iter().find_map(|r| {
        r.cells
            .iter()
            .find_map(|c| parse_bands(c))
            .map(|b| (b, r.number))
    })
}

const GRADES: &str = "优秀|良好|中等|不合格|合格|及格|较差|较好|一般|优|良|中|差|好";

/// Grade bands from a sentence: each clause names a grade and its lower bound ("90分以上为优",
/// "80-90分为良", "80分≤总分<90分为良", "优(≥90分)"); "60分以下为差" is the bottom band. At least
/// two grades, each named once, or `None`.
pub fn parse_bands(text: &str) -> Option<Vec<GradeBand>> {
    static GRADE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?:为|评为|等级为|属于|[“”\x22])?({GRADES})")).expect("valid")
    });
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d+(?:\.\d+)?)\s*分?").expect("valid"));
    if !text.contains('分') {
        return None;
    }
    let mut bands: Vec<GradeBand> = Vec::new();
    for clause in text.split(['；', ';', '，', ',', '。', '\n', '、']) {
        let Some(g) = GRADE.captures(clause) else {
            continue;
        };
        let numbers: Vec<Decimal> = NUMBER
            .captures_iter(clause)
            .filter_map(|m| parse_decimal(&m[1]))
            .filter(|n| *n <= Decimal::from(1_000_000_000_000_000_i64))
            .collect();
        let below = ["以下", "低于", "不足", "<", "＜", "未达到"]
            .iter()
            .any(|w| clause.contains(w));
        let above = ["以上", "≥", ">=", "-", "～", "~", "—", "至", "到"]
            .iter()
            .any(|w| clause.contains(w));
        let min = match numbers.as_slice() {
            [] => continue,
            [_] if below && !above => Decimal::ZERO,
            ns => ns.iter().copied().min()?,
        };
        let name = g[1].to_string();
        if bands.iter().any(|b| b.name == name) {
            return None;
        }
        bands.push(GradeBand { name, min });
    }
    let distinct_mins = bands
        .iter()
        .enumerate()
        .all(|(i, b)| bands[..i].iter().all(|o| o.min != b.min));
    (bands.len() >= 2 && distinct_mins).then_some(bands)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands(text: &str) -> Vec<(String, String)> {
        parse_bands(text)
            .unwrap_or_else(|| panic!("no bands in {text}"))
            .into_iter()
            .map(|b| (b.name, b.min.normalize().to_string()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn legends_as_sheets_write_them() {
        assert_eq!(
            bands("评价等级：90分以上为优，80-90分为良，60-80分为中，60分以下为差"),
            pairs(&[("优", "90"), ("良", "80"), ("中", "60"), ("差", "0")])
        );
        assert_eq!(
            bands("总分≥85分为优秀；75分≤总分<85分为良好；60分≤总分<75分为合格；总分<60分为不合格"),
            pairs(&[
                ("优秀", "85"),
                ("良好", "75"),
                ("合格", "60"),
                ("不合格", "0")
            ])
        );
        assert_eq!(
            bands("好（90分及以上）、较好（80分（含）-90分）、一般（60-80分）、较差（60分以下）"),
            pairs(&[("好", "90"), ("较好", "80"), ("一般", "60"), ("较差", "0")])
        );
    }

    #[test]
    fn other_text_is_no_legend() {
        assert!(parse_bands("某某项目绩效评价指标体系").is_none());
        assert!(parse_bands("合计 100分").is_none());
        assert!(parse_bands("评分说明：根据评分标准打分").is_none());
    }

    #[test]
    fn a_title_is_the_row_above_the_header() {
        let row = |cells: &[&str]| Row {
            number: 1,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(
            title(&[row(&["荣成市职工免费查体项目 综合评分表", "", ""])]).as_deref(),
            Some("荣成市职工免费查体项目")
        );
        assert_eq!(title(&[row(&["甲", "乙"])]), None);
        assert_eq!(
            title(&[
                row(&["附件1"]),
                row(&["某某项目绩效评价指标体系", "", "单位：万元"])
            ])
            .as_deref(),
            Some("某某项目绩效评价指标体系")
        );
        assert_eq!(title(&[]), None);
    }
}
