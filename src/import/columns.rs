//! Which column holds what: header names as firms write them, in Chinese or English, or mapped
//! by hand with `--col weight=权重`.

use super::FileProblem;
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
    /// 得分: imported with `--project`.
    Score,
    /// 扣分原因 / 扣分点说明: imported with `--project` as deductions.
    Notes,
    /// 评分说明 / 评价说明: the leaf's justification, with `--project`.
    Justification,
    /// 计分规则: a rule written as inline TOML (`{ kind = "rate", … }`), as the xlsx export's
    /// 计分规则 sheet carries it.
    Rule,
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
            Field::Score => "得分".into(),
            Field::Notes => "扣分原因".into(),
            Field::Justification => "评分说明".into(),
            Field::Rule => "计分规则".into(),
        }
    }
}

/// The column names `--col` accepts on its left side.
pub const FIELD_NAMES: &str = "level1 … level9, code, weight, explanation, criteria, target, source, formula, score, notes, justification, rule";

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
        "得分" | "实际得分" | "评价得分" | "评分" | "score" => Field::Score,
        "扣分原因" | "扣分说明" | "扣分点说明" | "扣分理由" | "扣分情况" | "扣分依据"
        | "deductions" | "notes" => Field::Notes,
        "评分说明" | "评价说明" | "得分说明" | "评分理由" | "得分依据" | "评价意见"
        | "justification" => Field::Justification,
        "计分规则" | "rule" => Field::Rule,
        _ => return None,
    };
    Some(f)
}

/// Parses one `--col FIELD=HEADER`. FIELD is an English name from [`FIELD_NAMES`] or any header
/// we recognise (`分值=权重分`); HEADER is a header's text, or the column's letter (`F`) or
/// number counted from 1 (`6`) when no header reads so.
pub fn parse_mapping(text: &str) -> Result<(Field, String), FileProblem> {
    let (field, header) = text
        .split_once('=')
        .ok_or_else(|| FileProblem::ColumnNotAssignment {
            text: text.to_string(),
        })?;
    let f = field_of(field).ok_or_else(|| FileProblem::ColumnUnknownField {
        text: text.to_string(),
        field: field.to_string(),
    })?;
    if header.trim().is_empty() {
        return Err(FileProblem::ColumnEmptyHeader {
            text: text.to_string(),
        });
    }
    Ok((f, header.trim().to_string()))
}

/// The 0-based column a `--col` value addresses: a letter as spreadsheets name columns (`F`,
/// `AB`) or a number counted from 1.
pub fn column_address(text: &str) -> Option<usize> {
    let t = text.trim();
    if let Ok(n) = t.parse::<usize>() {
        return n.checked_sub(1);
    }
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let n = t
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    Some(n - 1)
}

/// Where each field sits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// Column of 一级指标, 二级指标 … in level order.
    pub levels: Vec<usize>,
    /// A 分值 column per level ("一级指标 | 分值 | 二级指标 | 分值 …"), when the sheet has them:
    /// each gives the weight of the indicator named at its level.
    pub level_weights: Vec<Option<usize>>,
    /// An 编码 column per level, likewise.
    pub level_codes: Vec<Option<usize>>,
    pub code: Option<usize>,
    pub weight: Option<usize>,
    pub explanation: Option<usize>,
    pub criteria: Option<usize>,
    pub target: Option<usize>,
    pub source: Option<usize>,
    pub formula: Option<usize>,
    pub score: Option<usize>,
    pub notes: Option<usize>,
    pub justification: Option<usize>,
    pub rule: Option<usize>,
    /// Headers of the columns that are not imported.
    pub ignored: Vec<String>,
}

impl Columns {
    /// Headers of the score columns (得分, 扣分原因, 评分说明), which only a project imports.
    pub fn assessment_headers(&self, row: &Row) -> Vec<String> {
        [self.score, self.notes, self.justification]
            .into_iter()
            .flatten()
            .map(|c| row.cell(c).replace('\n', " "))
            .collect()
    }
}

/// The column each override names: by header text first, else by letter or number.
fn override_columns(row: &Row, overrides: &[(Field, String)]) -> Vec<(usize, Field)> {
    overrides
        .iter()
        .filter_map(|(f, h)| {
            let n = normalize(h);
            let by_header = row
                .cells
                .iter()
                .position(|t| !n.is_empty() && normalize(t) == n);
            by_header.or_else(|| column_address(h)).map(|c| (c, *f))
        })
        .collect()
}

/// Maps the columns of a header row; `None` unless it has at least 一级指标 and 分值 (one, or
/// one per level).
pub fn map_header(
    row: &Row,
    overrides: &[(Field, String)],
) -> Result<Option<Columns>, FileProblem> {
    let forced = override_columns(row, overrides);
    let mut found: Vec<(usize, Field)> = Vec::new();
    let mut weights: Vec<usize> = Vec::new();
    let mut codes: Vec<usize> = Vec::new();
    let width = row
        .cells
        .len()
        .max(forced.iter().map(|(c, _)| c + 1).max().unwrap_or(0));
    for col in 0..width {
        let text = row.cell(col);
        let field = forced
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, f)| *f)
            .or_else(|| {
                // A column an override moved elsewhere is no longer that field.
                field_of(text).filter(|f| !overrides.iter().any(|(o, _)| o == f))
            });
        let Some(f) = field else { continue };
        if found.iter().any(|(_, g)| *g == f) {
            // A second 分值 or 编码 may be a per-level column; decided below.
            if f == Field::Weight {
                weights.push(col);
                continue;
            }
            if f == Field::Code {
                codes.push(col);
                continue;
            }
            return Err(FileProblem::TwoColumns {
                header: f.describe(),
            });
        }
        found.push((col, f));
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
        return Err(FileProblem::LevelMissing {
            present: Field::Level(*n).describe(),
            missing: Field::Level(levels.len() + 1).describe(),
        });
    }
    let mut weight = get(Field::Weight);
    let mut code = get(Field::Code);
    let level_weights = per_level(&levels, weight, &weights)?;
    if !level_weights.is_empty() {
        weight = None;
    }
    let level_codes = per_level(&levels, code, &codes)?;
    if !level_codes.is_empty() {
        code = None;
    }
    let used = |c: usize| {
        found.iter().any(|(fc, _)| *fc == c) || weights.contains(&c) || codes.contains(&c)
    };
    let ignored = row
        .cells
        .iter()
        .enumerate()
        .filter(|(c, t)| !t.trim().is_empty() && !used(*c))
        .map(|(_, t)| t.trim().replace('\n', " "))
        .collect();
    Ok(Some(Columns {
        levels,
        level_weights,
        level_codes,
        code,
        weight,
        explanation: get(Field::Explanation),
        criteria: get(Field::Criteria),
        target: get(Field::Target),
        source: get(Field::Source),
        formula: get(Field::Formula),
        score: get(Field::Score),
        notes: get(Field::Notes),
        justification: get(Field::Justification),
        rule: get(Field::Rule),
        ignored,
    }))
}

/// Several 分值 (or 编码) columns: each belongs to the level column nearest on its left. Empty
/// when there is only one.
fn per_level(
    levels: &[usize],
    first: Option<usize>,
    more: &[usize],
) -> Result<Vec<Option<usize>>, FileProblem> {
    let Some(first) = first.filter(|_| !more.is_empty()) else {
        return Ok(Vec::new());
    };
    let mut out = vec![None; levels.len()];
    for &c in std::iter::once(&first).chain(more) {
        let Some(level) = levels.iter().rposition(|&l| l < c) else {
            return Err(FileProblem::RepeatedLeft {
                column: super::read::column_name(c + 1),
            });
        };
        if out[level].is_some() {
            return Err(FileProblem::SameAfter {
                header: super::super::report::sheet::level_header(level + 1),
            });
        }
        out[level] = Some(c);
    }
    Ok(out)
}

/// A header written over two rows: a merged "一级指标" above "名称 | 分值", "得分情况" above
/// "得分 | 扣分原因". Each column reads as the row below, under its group above: "名称" (or
/// nothing) under a level is the level itself, "分值" under it is that level's 分值.
pub fn combine_header(top: &Row, below: &Row) -> Row {
    let width = top.cells.len().max(below.cells.len());
    let mut group = String::new();
    let mut cells = Vec::with_capacity(width);
    for c in 0..width {
        let (t, b) = (top.cell(c), below.cell(c));
        if !t.is_empty() {
            group = t.to_string();
        } else if b.is_empty() {
            group.clear();
        }
        let name_like = matches!(
            normalize(b).as_str(),
            "" | "名称" | "指标名称" | "指标" | "name" | "内容" | "指标内容"
        );
        let cell = if matches!(field_of(&group), Some(Field::Level(_))) && name_like {
            group.clone()
        } else if b.is_empty() {
            t.to_string()
        } else {
            b.to_string()
        };
        cells.push(cell);
    }
    Row {
        number: below.number,
        cells,
    }
}

/// Finds the header among the first rows (a title may sit above it): the row's index, how many
/// rows the header takes (1 or 2) and the columns.
pub fn find_header(
    rows: &[Row],
    overrides: &[(Field, String)],
) -> Result<Option<(usize, usize, Columns)>, FileProblem> {
    for (i, row) in rows.iter().enumerate().take(30) {
        if let Some(cols) = map_header(row, overrides).map_err(|e| FileProblem::AtRow {
            row: row.number,
            problem: Box::new(e),
        })? {
            // "一级指标 | | 分值" over "名称 | 分值 | …" reads better as two rows.
            if let Some(two) = rows.get(i + 1).and_then(|b| two_rows(row, b, overrides))
                && two.levels.len() >= cols.levels.len()
                && (two.level_weights.len() > cols.level_weights.len()
                    || two.levels.len() > cols.levels.len())
            {
                return Ok(Some((i, 2, two)));
            }
            return Ok(Some((i, 1, cols)));
        }
        if let Some(b) = rows.get(i + 1)
            && let Some(cols) = two_rows(row, b, overrides)
        {
            return Ok(Some((i, 2, cols)));
        }
    }
    Ok(None)
}

fn two_rows(top: &Row, below: &Row, overrides: &[(Field, String)]) -> Option<Columns> {
    // Both rows are headers: a title above a header is not a two-row header.
    let header_like = |r: &Row| {
        r.cells.iter().any(|c| {
            field_of(c).is_some() || matches!(normalize(c).as_str(), "名称" | "指标名称" | "name")
        })
    };
    if !header_like(top) || !header_like(below) {
        return None;
    }
    map_header(&combine_header(top, below), overrides)
        .ok()
        .flatten()
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
        assert_eq!(field_of("得分"), Some(Field::Score));
        assert_eq!(field_of("扣分点说明"), Some(Field::Notes));
        assert_eq!(field_of("名称"), None);
    }

    #[test]
    fn columns_by_letter_or_number() {
        assert_eq!(column_address("A"), Some(0));
        assert_eq!(column_address("F"), Some(5));
        assert_eq!(column_address("AB"), Some(27));
        assert_eq!(column_address("6"), Some(5));
        assert_eq!(column_address("0"), None);
        assert_eq!(column_address("权重"), None);
        assert_eq!(column_address("Weight"), None);
    }

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_header_over_two_rows() {
        let top = row(&["一级指标", "", "二级指标", "", "评分标准", "得分情况", ""]);
        let below = row(&["名称", "分值", "名称", "分值", "", "得分", "扣分原因"]);
        let combined = combine_header(&top, &below);
        assert_eq!(
            combined.cells,
            [
                "一级指标",
                "分值",
                "二级指标",
                "分值",
                "评分标准",
                "得分",
                "扣分原因"
            ]
        );
        let cols = map_header(&combined, &[]).unwrap().unwrap();
        assert_eq!(cols.levels, [0, 2]);
        assert_eq!(cols.level_weights, [Some(1), Some(3)]);
        assert_eq!(cols.weight, None);
        assert_eq!((cols.score, cols.notes), (Some(5), Some(6)));
        let (at, span, _) = find_header(&[top, below], &[]).unwrap().unwrap();
        assert_eq!((at, span), (0, 2));
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
