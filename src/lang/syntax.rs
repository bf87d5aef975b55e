//! The loader's findings about a file's TOML and keys, in words. Paths and what was written
//! are quoted as they stand in the file; the TOML parser's own detail stays in its words.

use super::Lang;
use crate::diagnostic::{Syntax, Written};

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
    }
}
