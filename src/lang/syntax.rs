//! The loader's findings about a file's TOML and keys, in words. Paths and what was written
//! are quoted as they stand in the file; the TOML parser's own detail stays in its words.

use super::Lang;
use crate::diagnostic::{ConflictExpects, Syntax, Written};

/// What was written, in words: `the number 3.5` / `数字 3.5`.
pub fn written(w: &Written, lang: Lang) -> String {
    use Written::*;
    let (zh, en, raw) = match w {
        Text(r) => ("文本", "the text", r),
        Number(r) => ("数字", "the number", r),
        Flag(r) | Quoted(r) => return r.clone(),
        TimeOfDay(r) => ("时刻", "the time of day", r),
        Date(r) => ("日期", "the date", r),
        DateTime(r) => ("日期时间", "the date and time", r),
        List(r) => ("列表", "a list", r),
        InlineTable(r) => ("表", "a table", r),
        Table => return lang.pick("表 [ … ]", "a table [ … ]").into(),
        Tables => {
            return lang
                .pick("表数组 [[ … ]]", "a list of tables [[ … ]]")
                .into();
        }
        Nothing => return lang.pick("空", "nothing").into(),
    };
    format!("{} {raw}", lang.pick(zh, en))
}

pub fn message(s: &Syntax, lang: Lang) -> String {
    use Syntax::*;
    let w = |f: &Written| written(f, lang);
    match s {
        NotToml { detail } => lang.pick(
            format!("不是有效的 TOML（{detail}）"),
            format!("invalid TOML: {detail}"),
        ),
        UnknownKey {
            key,
            table,
            allowed,
        } => {
            let allowed = allowed.join(", ");
            lang.pick(
                format!("`{table}` 中没有 `{key}` 这一项；可用的项：{allowed}"),
                format!("unknown key `{key}` in `{table}`; expected one of: {allowed}"),
            )
        }
        ExpectedText { path, key, found } => lang.pick(
            format!(
                "`{path}`：应为带引号的文本，如 {key} = \"…\"，而不是{}",
                w(found)
            ),
            format!(
                "`{path}`: expected text in quotes, such as {key} = \"…\"; found {}",
                w(found)
            ),
        ),
        MissingText { table, key } => lang.pick(
            format!("`{table}` 缺少 `{key}`；应写 `{key} = \"…\"`"),
            format!("`{table}` has no `{key}`; expected `{key} = \"…\"`"),
        ),
        ExpectedFlag { path, found } => lang.pick(
            format!("`{path}`：应为 true 或 false（不带引号），而不是{}", w(found)),
            format!(
                "`{path}`: expected true or false (without quotes), found {}",
                w(found)
            ),
        ),
        ExpectedNumber { path, found } => lang.pick(
            format!("`{path}`：应为数字，如 2.67，而不是{}", w(found)),
            format!("`{path}`: expected a number such as 2.67, found {}", w(found)),
        ),
        MissingNumber { table, key } => lang.pick(
            format!("`{table}` 缺少 `{key}`；应写 `{key} = <数字>`"),
            format!("`{table}` has no `{key}`; expected `{key} = <number>`"),
        ),
        TooLarge { path, value } => lang.pick(
            format!("`{path}`：{value} 过大；应在 -10^15 到 10^15 之间"),
            format!("`{path}`: {value} is too large; expected a number between -10^15 and 10^15"),
        ),
        TimeOfDay { path, value } => lang.pick(
            format!("`{path}`：{value} 是时刻；应为数字（如 2.67）、true/false 或日期（如 2022-06-30）"),
            format!(
                "`{path}`: {value} is a time of day; expected a number such as 2.67, true/false or a date such as 2022-06-30"
            ),
        ),
        DateWithTime { path, value, date } => lang.pick(
            format!("`{path}`：{value} 带有时刻；应只写日期，如 {date}"),
            format!("`{path}`: {value} has a time of day; expected a date alone, such as {date}"),
        ),
        ExpectedTextList { path, key, found } => lang.pick(
            format!(
                "`{path}`：应为带引号的文本列表，如 {key} = [\"…\", \"…\"]，而不是{}",
                w(found)
            ),
            format!(
                "`{path}`: expected a list of texts in quotes, such as {key} = [\"…\", \"…\"]; found {}",
                w(found)
            ),
        ),
        ExpectedTextEntry { path, found } => lang.pick(
            format!("`{path}`：每一项应为带引号的文本，而不是{}", w(found)),
            format!(
                "`{path}`: expected each entry to be text in quotes; found {}",
                w(found)
            ),
        ),
        ExpectedTableEntry { path, found } => lang.pick(
            format!("`{path}`：每一项应为表 {{ … }}，而不是{}", w(found)),
            format!(
                "`{path}`: expected each entry to be a table {{ … }}; found {}",
                w(found)
            ),
        ),
        ExpectedTables { path, found } => lang.pick(
            format!("`{path}`：应为表数组，写作 [[{path}]]，而不是{}", w(found)),
            format!(
                "`{path}`: expected a list of tables, written [[{path}]]; found {}",
                w(found)
            ),
        ),
        NotATable { path } => lang.pick(
            format!("`{path}` 应为表：[{path}]"),
            format!("`{path}` must be a table: [{path}]"),
        ),
        NoFramework => lang
            .pick(
                "缺少 [framework] 表；应含 id、name、total、rounding 等",
                "missing [framework] table; expected id, name, total, rounding …",
            )
            .into(),
        NoIndicators => lang
            .pick(
                "没有指标；应有 [indicators.代码] 表",
                "no indicators; expected [indicators.CODE] tables",
            )
            .into(),
        IndicatorsNotTable => lang
            .pick(
                "`indicators` 应为由指标组成的表：[indicators.A101]",
                "`indicators` must be a table of indicators: [indicators.A101]",
            )
            .into(),
        UnknownChoice {
            key,
            value,
            choices,
        } => {
            let c = choices_in(lang, choices);
            lang.pick(
                format!("{key} 不能是“{value}”；应为{c}"),
                format!("unknown {key} \"{value}\"; expected {c}"),
            )
        }
        PlacesOutOfRange { path, value } => lang.pick(
            format!("`{path}` 为 {value}；应为 0 到 6 的整数"),
            format!("`{path}` is {value}; expected a whole number from 0 to 6"),
        ),
        TableExpected { path, example } => match example {
            Some(e) => lang.pick(
                format!("`{path}` 应为表，如 {e}"),
                format!("`{path}` must be a table such as {e}"),
            ),
            None => lang.pick(
                format!("`{path}` 应为表"),
                format!("`{path}` must be a table"),
            ),
        },
        FundsNotTable => lang
            .pick(
                "`project.funds` 应为由名称和数字组成的表",
                "`project.funds` must be a table of named numbers",
            )
            .into(),
        InputValue { path } => lang.pick(
            format!("`{path}`：应为数字、true/false 或日期"),
            format!("`{path}`: expected a number, true/false or a date"),
        ),
        DeductionNoAmount { path } => lang.pick(
            format!("`{path}` 既没有 `points` 也没有 `count`；应写如 points = 0.5"),
            format!("`{path}` has neither `points` nor `count`; expected e.g. points = 0.5"),
        ),
        ChecksBelowZero { path, value } => lang.pick(
            format!("`{path}`：{value} 小于 0；应为所得分数或发现的缺项数"),
            format!(
                "`{path}`: {value} is below 0; expected the points awarded or the number of shortcomings found"
            ),
        ),
        ChecksEntry { path, found } => lang.pick(
            format!(
                "`{path}`：每个评价要点应为 true 或 false（或数字：所得分数或发现的缺项数），如 checks = [true, false, true]，而不是{}",
                w(found)
            ),
            format!(
                "`{path}`: expected true or false for each checkpoint (or a number: the points awarded, or the shortcomings found), such as checks = [true, false, true]; found {}",
                w(found)
            ),
        ),
        ChecksNotList { path } => lang.pick(
            format!("`{path}` 应为列表，如 [true, false, true]"),
            format!("`{path}` must be a list such as [true, false, true]"),
        ),
        DateQuoted { path, text } => lang.pick(
            format!("`{path}`：日期不加引号，如 {text}"),
            format!("`{path}`: a date is written without quotes, e.g. {text}"),
        ),
        BadDate { path, text, error } => lang.pick(
            format!("`{path}`：{}", error.zh(text)),
            format!("`{path}`: {}", error.en(text)),
        ),
        NotMergeable { path, key } => lang.pick(
            format!("`{path}`：字段“{key}”不是可合并的字段（列表字段需要 `item`，结构字段需要 `path`）"),
            format!(
                "`{path}`: field \"{key}\" is not a mergeable field (a list field needs `item`, a structural one `path`)"
            ),
        ),
        ConflictValue { path, expected } => {
            let e = match expected {
                ConflictExpects::Checks => lang
                    .pick("由 true/false 或数字组成的列表", "a list of true/false or numbers")
                    .to_string(),
                ConflictExpects::Text => lang.pick("文本", "a string").to_string(),
                ConflictExpects::Status => lang
                    .pick(
                        "“未评”、“已评”或“已复核”",
                        "\"未评\", \"已评\" or \"已复核\"",
                    )
                    .to_string(),
                ConflictExpects::Table(example) => {
                    lang.pick(format!("表，如 {example}"), format!("a table such as {example}"))
                }
            };
            lang.pick(
                format!("`{path}`：应为{e}"),
                format!("`{path}`: expected {e}"),
            )
        }
        YearNotNumber { path } => lang.pick(
            format!("`{path}`：应为数字"),
            format!("`{path}`: expected a number"),
        ),
        NoYears { path } => lang.pick(
            format!("`{path}`：应按年份填写数字，如 {{ 2019 = 500, 2020 = 540 }}"),
            format!("`{path}`: expected figures per year such as {{ 2019 = 500, 2020 = 540 }}"),
        ),
        SurveyNoOptions { path } => lang.pick(
            format!("`{path}` 需要 `options = [{{ name = \"满意\", weight = 80 }}, …]`"),
            format!("`{path}` needs `options = [{{ name = \"满意\", weight = 80 }}, …]`"),
        ),
        WeightedNeedsWeight { path } => lang.pick(
            format!("`{path}`：加权汇总的问卷需要每个问题的 `weight`"),
            format!("`{path}`: a weighted survey needs each question's `weight`"),
        ),
        CountsMismatch {
            path,
            counts,
            options,
        } => lang.pick(
            format!("`{path}` 有 {counts} 个数，而选项有 {options} 个；每个选项应有一个计数"),
            format!(
                "`{path}` has {counts} numbers for {options} options; expected one count per option"
            ),
        ),
        SurveyNoQuestions { path } => lang.pick(
            format!("`{path}` 至少需要一个带 `counts = […]` 的 `[[…questions]]`"),
            format!("`{path}` needs at least one `[[…questions]]` with `counts = […]`"),
        ),
        NoCounts { path } => lang.pick(
            format!("`{path}` 需要 `counts = [150, 40, 7, 3]`，每个选项一个"),
            format!("`{path}` needs `counts = [150, 40, 7, 3]`, one per option"),
        ),
        NegativeTally { path, value } => lang.pick(
            format!("`{path}`：{value} 为负数；计数是回答的人数"),
            format!("`{path}`: {value} is negative; a tally counts answers"),
        ),
        StatedEntry { path, found } => {
            let found = found.as_ref().map(w).unwrap_or_default();
            lang.pick(
                format!(
                    "`{path}`：报告列示的每个数应为 {{ score = …, source = \"…\" }} 或 {{ weight = …, source = \"…\" }}，而不是{found}"
                ),
                format!(
                    "`{path}`: expected {{ score = …, source = \"…\" }} or {{ weight = …, source = \"…\" }} for each figure the report prints; found {found}"
                ),
            )
        }
        StatedOneFigure { path } => lang.pick(
            format!("`{path}`：每项只给一个数，`score` 或 `weight`，并注明 `source`"),
            format!("`{path}`: each entry gives one figure, `score` or `weight`, with its `source`"),
        ),
        CapAndMax { path } => lang.pick(
            format!("`{path}`：`cap` 和 `max` 都表示该项的上限；请只保留一个"),
            format!("`{path}`: `cap` and `max` both give the item's most; keep one"),
        ),
        Rule(problem) => super::syntax_rule::message(problem, lang),
        Config(problem) => super::syntax_rule::config(problem, lang),
    }
}

/// `"a" or "b"` / `“a”或“b”`: the words a key takes.
pub(super) fn choices_in(lang: Lang, choices: &[String]) -> String {
    let q: Vec<String> = choices
        .iter()
        .map(|c| lang.pick(format!("“{c}”"), format!("\"{c}\"")))
        .collect();
    match q.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!(
            "{}{}{last}",
            rest.join(lang.pick("、", ", ")),
            lang.pick("或", " or ")
        ),
    }
}
