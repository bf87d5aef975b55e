//! Which column holds what: header names as firms write them, in Chinese or English, or mapped
//! by hand with `--col weight=权重`.

use super::read::Row;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// 一级指标 = 1, 二级指标 = 2 …
    Level(usize),
    Code,
    Weight,
    Explanation,
    Criteria,
    Target,
    Source,
    Formula,
}

impl Field {
    pub fn describe(self) -> String {
        match self {
            Field::Level(n) => crate::report::sheet::level_header(n),
            Field::Code => "编码".into(),
            Field::Weight => "分值".into(),
            Field::Explanation => "指标解释".into(),
            Field::Criteria => "评分标准".into(),
            Field::Target => "目标值".into(),
            Field::Source => "数据来源".into(),
            Field::Formula => "计算公式".into(),
        }
    }
}

/// The column names `--col` accepts on its left side.
pub const FIELD_NAMES: &str =
    "level1 … level9, code, weight, explanation, criteria, target, source, formula";

/// A header as compared: no spaces or line breaks, no trailing "(分)"/"（说明）", lower case.
pub fn normalize(header: &str) -> String {
    let mut s: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect::<String>()
        .to_lowercase();
    // "分值（分）", "评分标准(指标说明)": the part before the bracket names the column.
    if let Some(i) = s.find(['(', '（'])
        && i > 0
    {
        s.truncate(i);
    }
    s.trim_end_matches(['：', ':']).to_string()
}

const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The field a header names, if it is one we know.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalize(header);
    if h.is_empty() {
        return None;
    }
    for (n, d) in DIGITS.iter().enumerate() {
        let level = n + 1;
        if h == format!("{d}级指标")
            || h == format!("{d}级")
            || h == format!("{d}级指标名称")
            || h == format!("level{level}")
            || h == format!("l{level}")
            || h == format!("level{level}indicator")
        {
            return Some(Field::Level(level));
        }
    }
    let f = match h.as_str() {
        "编码" | "代码" | "指标编码" | "指标代码" | "编号" | "指标编号" | "code" => {
            Field::Code
        }
        "分值" | "权重" | "指标分值" | "标准分值" | "标准分" | "满分" | "分数" | "权重分"
        | "权重分值" | "指标权重" | "weight" | "weights" | "points" | "maxscore" => {
            Field::Weight
        }
        "指标解释" | "解释" | "指标内涵" | "指标含义" | "指标定义" | "指标释义" | "指标解析"
        | "explanation" | "definition" | "description" => Field::Explanation,
        "评分标准"
        | "评价要点"
        | "指标说明"
        | "评分细则"
        | "评分办法"
        | "评分方法"
        | "评价标准"
        | "计分方法"
        | "评分规则"
        | "评价要点及评分标准"
        | "评分标准及说明"
        | "评价要点与评分标准"
        | "criteria"
        | "scoring"
        | "scoringcriteria"
        | "standard"
        | "rules" => Field::Criteria,
        "目标值" | "指标值" | "绩效指标值" | "标准值" | "target" => Field::Target,
        "数据来源" | "资料来源" | "来源" | "source" => Field::Source,
        "计算公式" | "公式" | "formula" => Field::Formula,
        _ => return None,
    };
    Some(f)
}

/// Parses one `--col FIELD=HEADER`. FIELD is an English name from [`FIELD_NAMES`] or any header
/// we recognise (`分值=权重分`).
pub fn parse_mapping(text: &str) -> Result<(Field, String), String> {
    let (field, header) = text
        .split_once('=')
        .ok_or_else(|| format!("--col `{text}`: expected FIELD=HEADER, e.g. weight=权重"))?;
    let f = field_of(field).ok_or_else(|| {
        format!("--col `{text}`: unknown field `{field}`; expected one of {FIELD_NAMES}")
    })?;
    if header.trim().is_empty() {
        return Err(format!("--col `{text}`: the header after `=` is empty"));
    }
    Ok((f, header.trim().to_string()))
}

/// Where each field sits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// Column of 一级指标, 二级指标 … in level order.
    pub levels: Vec<usize>,
    pub code: Option<usize>,
    pub weight: Option<usize>,
    pub explanation: Option<usize>,
    pub criteria: Option<usize>,
    pub target: Option<usize>,
    pub source: Option<usize>,
    pub formula: Option<usize>,
    /// Headers of the columns that are not imported (得分, 扣分点说明 …).
    pub ignored: Vec<String>,
}

/// Maps the columns of a header row; `None` unless it has at least 一级指标 and 分值.
pub fn map_header(row: &Row, overrides: &[(Field, String)]) -> Result<Option<Columns>, String> {
    let mut found: Vec<(usize, Field)> = Vec::new();
    for (col, text) in row.cells.iter().enumerate() {
        let n = normalize(text);
        let field = overrides
            .iter()
            .find(|(_, h)| normalize(h) == n && !n.is_empty())
            .map(|(f, _)| *f)
            .or_else(|| {
                // A column an override moved elsewhere is no longer that field.
                field_of(text).filter(|f| !overrides.iter().any(|(o, _)| o == f))
            });
        if let Some(f) = field {
            if found.iter().any(|(_, g)| *g == f) {
                return Err(format!(
                    "two columns are {}: map one with --col",
                    f.describe()
                ));
            }
            found.push((col, f));
        }
    }
    let get = |f: Field| found.iter().find(|(_, g)| *g == f).map(|(c, _)| *c);
    if get(Field::Level(1)).is_none() || get(Field::Weight).is_none() {
        return Ok(None);
    }
    let mut levels = Vec::new();
    for n in 1..=DIGITS.len() {
        match get(Field::Level(n)) {
            Some(c) => levels.push(c),
            None => break,
        }
    }
    if let Some((_, Field::Level(n))) = found
        .iter()
        .find(|(_, f)| matches!(f, Field::Level(n) if *n > levels.len()))
    {
        return Err(format!(
            "there is a {} column but no {} column",
            Field::Level(*n).describe(),
            Field::Level(levels.len() + 1).describe()
        ));
    }
    let ignored = row
        .cells
        .iter()
        .enumerate()
        .filter(|(c, t)| !t.trim().is_empty() && !found.iter().any(|(fc, _)| fc == c))
        .map(|(_, t)| t.trim().replace('\n', " "))
        .collect();
    Ok(Some(Columns {
        levels,
        code: get(Field::Code),
        weight: get(Field::Weight),
        explanation: get(Field::Explanation),
        criteria: get(Field::Criteria),
        target: get(Field::Target),
        source: get(Field::Source),
        formula: get(Field::Formula),
        ignored,
    }))
}

/// Finds the header row among the first rows (a title may sit above it).
pub fn find_header(
    rows: &[Row],
    overrides: &[(Field, String)],
) -> Result<Option<(usize, Columns)>, String> {
    for (i, row) in rows.iter().enumerate().take(30) {
        if let Some(cols) =
            map_header(row, overrides).map_err(|e| format!("row {}: {e}", row.number))?
        {
            return Ok(Some((i, cols)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_chinese_and_english() {
        assert_eq!(field_of("一级指标"), Some(Field::Level(1)));
        assert_eq!(field_of(" 三级\n指标 "), Some(Field::Level(3)));
        assert_eq!(field_of("Level 2"), Some(Field::Level(2)));
        assert_eq!(field_of("分值（分）"), Some(Field::Weight));
        assert_eq!(field_of("权重"), Some(Field::Weight));
        assert_eq!(field_of("Weight"), Some(Field::Weight));
        assert_eq!(field_of("评分标准(指标说明)"), Some(Field::Criteria));
        assert_eq!(field_of("评价要点"), Some(Field::Criteria));
        assert_eq!(field_of("explanation"), Some(Field::Explanation));
        assert_eq!(field_of("得分"), None);
    }

    #[test]
    fn mapping_flags() {
        assert_eq!(
            parse_mapping("weight=权重分").unwrap(),
            (Field::Weight, "权重分".into())
        );
        assert_eq!(
            parse_mapping("level1=指标类别").unwrap(),
            (Field::Level(1), "指标类别".into())
        );
        assert!(parse_mapping("weight").is_err());
        assert!(parse_mapping("nonsense=x").is_err());
    }
}
