//! What an import says about the rows of a table, in words. Column names (分值, 计分规则 …)
//! are the table's own and stay as written in both languages.

use super::{Lang, score_error};
use crate::import::{FileProblem, Finding};
use crate::scoring::rounding::plain;

fn rows(lang: Lang, first: usize, last: usize) -> String {
    match (first == last, lang) {
        (true, Lang::Zh) => format!("第 {first} 行"),
        (false, Lang::Zh) => format!("第 {first}–{last} 行"),
        (true, Lang::En) => format!("row {first}"),
        (false, Lang::En) => format!("rows {first}–{last}"),
    }
}

/// A finding of an import in `lang`.
pub fn finding(f: &Finding, lang: Lang) -> String {
    use Finding::*;
    match f {
        AdjustmentRows { label } => lang.pick(
            format!("“{label}”各行不导入；请在 [adjustments] 中手工填写（见 docs/format.md）"),
            format!(
                "`{label}` rows are not imported; add them to [adjustments] by hand (see docs/format.md)"
            ),
        ),
        BlankLevel { header, above } => match above {
            Some(path) => lang.pick(
                format!("{header}为空（“同上”），但上一行属于“{path}”；请填写"),
                format!(
                    "{header} is blank (\"same as above\") but the row above is under `{path}`; fill it in"
                ),
            ),
            None => lang.pick(
                format!("{header}为空（“同上”），但上面没有可沿用的内容；请填写"),
                format!(
                    "{header} is blank (\"same as above\") but there is nothing above it to repeat; fill it in"
                ),
            ),
        },
        NoIndicatorName => lang
            .pick(
                "该行没有指标名称（一级指标 … 均为空），上面也没有指标",
                "this row has no indicator name (一级指标 … are blank) and no indicator above it",
            )
            .into(),
        RowsApart { path, row } => lang.pick(
            format!("“{path}”已有自己的行（第 {row} 行）；同一指标的各行应连在一起"),
            format!(
                "`{path}` already has its own row (row {row}); the rows of one indicator must be together"
            ),
        ),
        NoIndicators => lang
            .pick(
                "表头行下没有找到指标",
                "no indicators found under the header row",
            )
            .into(),
        NoWeight { header, name } => lang.pick(
            format!("{header}“{name}”没有分值"),
            format!("{header} `{name}` has no 分值"),
        ),
        ChildrenDontAdd {
            name,
            weight,
            children,
            sum,
            first_row,
            last_row,
        } => {
            let (w, s, r) = (plain(*weight), plain(*sum), rows(lang, *first_row, *last_row));
            lang.pick(
                format!("“{name}”分值为 {w}，但其 {children} 个下级指标合计为 {s}（{r}）；下级分值之和应等于上级"),
                format!(
                    "`{name}` has 分值 {w} but its {children} indicators add up to {s} ({r}); children must sum to their parent"
                ),
            )
        }
        TotalRow { total, sum } => {
            let (t, s) = (plain(*total), plain(*sum));
            lang.pick(
                format!("合计分值为 {t}，但一级指标合计为 {s}"),
                format!("合计 分值 is {t} but the 一级指标 add up to {s}"),
            )
        }
        TotalOption { total, sum } => {
            let (t, s) = (plain(*total), plain(*sum));
            lang.pick(
                format!("一级指标合计为 {s}，不等于 --total {t}"),
                format!("the 一级指标 add up to {s}, not the --total {t}"),
            )
        }
        CodeTwice { code, other, row } => lang.pick(
            format!("代码 `{code}` 重复使用（第 {row} 行的“{other}”也用了它）"),
            format!("code `{code}` is used twice (also by `{other}` at row {row})"),
        ),
        NegativeWeight { text } => lang.pick(
            format!("分值“{text}”为负数"),
            format!("分值 `{text}` is negative"),
        ),
        WeightDiffers {
            name,
            weight,
            before,
            row,
        } => {
            let (w, b) = (plain(*weight), plain(*before));
            lang.pick(
                format!("“{name}”此处分值为 {w}，但第 {row} 行为 {b}"),
                format!("`{name}` has 分值 {w} here but {b} at row {row}"),
            )
        }
        WeightIsDate { cell, text } => lang.pick(
            format!(
                "单元格 {cell} 的分值是日期或时间“{text}”：表格把该单元格设成了日期格式；请把分值列设为数字格式，显示出分值后再导入"
            ),
            format!(
                "分值 in cell {cell} is the date or time `{text}`: the spreadsheet formats that cell as a date; format the 分值 column as numbers so it shows the weight, then import again"
            ),
        ),
        WeightNotNumber { cell, text } => lang.pick(
            format!("单元格 {cell} 的分值“{text}”不是数字"),
            format!("分值 `{text}` in cell {cell} is not a number"),
        ),
        SideRuleUnreadable {
            sheet,
            name,
            problem,
        } => lang.pick(
            format!(
                "{sheet} 表中“{name}”的计分规则或录入数据无法读取：{}",
                problem.text(Lang::Zh)
            ),
            format!(
                "sheet {sheet}: the 计分规则 or 录入数据 of `{name}` does not read: {}",
                problem.text(Lang::En)
            ),
        ),
        RuleUnreadable { name, problem } => lang.pick(
            format!("“{name}”的计分规则无法读取：{}", problem.text(Lang::Zh)),
            format!(
                "计分规则 of `{name}` does not read: {}",
                problem.text(Lang::En)
            ),
        ),
        RuleCannotScore {
            code,
            name,
            rule,
            error,
        } => lang.pick(
            format!(
                "{code} {name}：按评分标准读出的规则（{rule}）无法由表中记录得出得分（{}）；保留为文字，按所给得分计",
                score_error(error, Lang::Zh)
            ),
            format!(
                "{code} {name}: the rule read from its 评分标准 ({rule}) cannot give its 得分 from what the sheet records ({}); kept as text, scored as given",
                score_error(error, Lang::En)
            ),
        ),
        ScoreNotNumber { name, text } => lang.pick(
            format!("“{name}”的得分“{text}”不是数字"),
            format!("得分 `{text}` of `{name}` is not a number"),
        ),
        ScoreOutside {
            name,
            score,
            weight,
        } => {
            let (s, w) = (plain(*score), plain(*weight));
            lang.pick(
                format!("“{name}”的得分 {s} 超出 0–{w}（其分值）"),
                format!("得分 {s} of `{name}` is outside 0–{w} (its 分值)"),
            )
        }
    }
}

/// The header we look for, and how to map other names.
fn header_help(lang: Lang) -> &'static str {
    lang.pick(
        "应有含 一级指标 和 分值 的表头行（也可有 二级指标、三级指标、指标解释、评分标准；或 level1、weight、explanation、criteria …）；其他列名用 --col weight=权重 对应",
        "expected a header row with 一级指标 and 分值 (also 二级指标, 三级指标, 指标解释, 评分标准; or level1, weight, explanation, criteria …); map other names with --col weight=权重",
    )
}

/// Why a table could not be imported, in `lang`.
pub fn file_problem(p: &FileProblem, lang: Lang) -> String {
    use FileProblem::*;
    match p {
        CannotRead {
            kind,
            detail,
            refusal,
        } => {
            let e = crate::store::reading::rebuild(*kind, detail, refusal.as_ref());
            let why = super::cli::io_reason(lang, &e);
            lang.pick(format!("无法读取：{why}"), format!("cannot read: {why}"))
        }
        BomNotUtf8 => lang
            .pick(
                "文件有 UTF-8 字节顺序标记，内容却不是 UTF-8",
                "not UTF-8 despite its byte-order mark",
            )
            .into(),
        NotUtf16 => lang.pick("不是有效的 UTF-16 文本", "not valid UTF-16").into(),
        NotUtf8NorGbk => lang
            .pick(
                "既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为“CSV UTF-8”",
                "neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8\"",
            )
            .into(),
        UnclosedQuote { row, column, cell } => lang.pick(
            format!(
                "第 {row} 行第 {column} 列（{cell}）：带引号的单元格从这里开始却没有结束，其后的内容都会读进这一格；请补上结尾的 \" 或删去开头的，再导入"
            ),
            format!(
                "row {row}, column {column} ({cell}): a quoted cell opens here and is never closed, so everything after it would be read into this one cell; add the closing \" or remove the opening one, then import again"
            ),
        ),
        Workbook { detail } => lang.pick(
            format!("无法读取工作簿（{detail}）"),
            format!("cannot read workbook: {detail}"),
        ),
        Sheet { name, detail } => lang.pick(
            format!("无法读取工作表“{name}”（{detail}）"),
            format!("cannot read sheet `{name}`: {detail}"),
        ),
        Inflates { limit, total } => match total {
            Some(t) => lang.pick(
                format!("该工作簿解压后将超过 {limit} MiB（已达 {t} MiB），而文件本身很小：它不是指标表，拒绝读取"),
                format!(
                    "the workbook would inflate to more than {limit} MiB ({t} MiB and counting) although the file is small: it is not an indicator table; refusing to read it"
                ),
            ),
            None => lang.pick(
                format!("该工作簿解压后将超过 {limit} MiB：它不是指标表，拒绝读取"),
                format!(
                    "the workbook would inflate to more than {limit} MiB: it is not an indicator table; refusing to read it"
                ),
            ),
        },
        Damaged => lang
            .pick(
                "工作簿已损坏（其 zip 目录无法读取）；请在电子表格程序中打开并重新保存",
                "the workbook is damaged (its zip directory cannot be read); open it in a spreadsheet program and save it again",
            )
            .into(),
        NoSheet { name, sheets } => {
            let names = sheets.join(", ");
            lang.pick(
                format!("没有名为“{name}”的工作表；工作簿中有：{names}"),
                format!("no sheet named `{name}`; the workbook has: {names}"),
            )
        }
        TwoColumns { header } => lang.pick(
            format!("有两列都是{header}：请用 --col 指定其中一列"),
            format!("two columns are {header}: map one with --col"),
        ),
        LevelMissing { present, missing } => lang.pick(
            format!("有{present}列，却没有{missing}列"),
            format!("there is a {present} column but no {missing} column"),
        ),
        RepeatedLeft { column } => lang.pick(
            format!("第 {column} 列重复了一级指标左侧的表头；请用 --col 指定要用的一列"),
            format!(
                "column {column} repeats a header left of 一级指标; map the one to use with --col"
            ),
        ),
        SameAfter { header } => lang.pick(
            format!("{header}之后有两列内容相同；请用 --col 指定要用的一列"),
            format!("two columns after {header} read the same; map the one to use with --col"),
        ),
        AtRow { row, problem } => lang.pick(
            format!("第 {row} 行：{}", file_problem(problem, lang)),
            format!("row {row}: {}", file_problem(problem, lang)),
        ),
        NoTable { first_row } => {
            let help = header_help(lang);
            match first_row {
                Some(r) => lang.pick(
                    format!("没有找到指标表：{help}（第一行为：{r}）"),
                    format!("no indicator table found: {help} (the first row reads: {r})"),
                ),
                None => lang.pick(
                    format!("没有找到指标表：{help}"),
                    format!("no indicator table found: {help}"),
                ),
            }
        }
        ColumnNotAssignment { text } => lang.pick(
            format!("--col `{text}`：应为 字段=表头（或 字段=列），如 weight=权重 或 weight=F"),
            format!(
                "--col `{text}`: expected FIELD=HEADER (or FIELD=COLUMN), e.g. weight=权重 or weight=F"
            ),
        ),
        ColumnUnknownField { text, field } => {
            let names = crate::import::columns::FIELD_NAMES;
            lang.pick(
                format!("--col `{text}`：没有字段“{field}”；可用：{names}"),
                format!("--col `{text}`: unknown field `{field}`; expected one of {names}"),
            )
        }
        ColumnEmptyHeader { text } => lang.pick(
            format!("--col `{text}`：`=` 之后的表头为空"),
            format!("--col `{text}`: the header after `=` is empty"),
        ),
        Internal { detail } => lang.pick(
            format!("内部错误：生成的框架无法读取或检查（{detail}）"),
            format!("internal error: the framework written does not load or check: {detail}"),
        ),
    }
}

/// How many indicators of one level were imported: `3 个二级指标` / `3 二级指标`.
pub fn level_counts(lang: Lang, counts: &[(usize, String)]) -> String {
    counts
        .iter()
        .map(|(n, header)| lang.pick(format!("{n} 个{header}"), format!("{n} {header}")))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// What `jixiao import` tells about what it did, beside the findings.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportNote<'a> {
    /// After the columns not imported, when `--project` was not given.
    ProjectColumnsHint,
    RulesRead {
        list: &'a [String],
    },
    RulesUnread {
        list: &'a [String],
    },
    GradeBands {
        row: usize,
        bands: &'a [String],
    },
    RulesSheet {
        sheet: &'a str,
    },
    /// `file (sheet S, header on row N)`.
    FromSheet {
        file: &'a str,
        sheet: &'a str,
        row: usize,
    },
    /// The last line: what was written where; `scored` is (leaves scored, leaves, total) for
    /// a project.
    Imported {
        levels: &'a str,
        total: &'a str,
        scored: Option<(usize, usize, String)>,
        from: &'a str,
        out: &'a str,
    },
}

/// A note of `jixiao import` in `lang` (with its `note: ` / `注意：` where it has one).
pub fn note(n: &ImportNote, lang: Lang) -> String {
    use ImportNote::*;
    let head = lang.pick("注意：", "note: ");
    match n {
        ProjectColumnsHint => lang
            .pick(
                "（加 --project 可导入 得分 和 扣分原因）",
                " (--project imports 得分 and 扣分原因)",
            )
            .into(),
        RulesRead { list } => {
            let (n, l) = (list.len(), list.join(", "));
            lang.pick(
                format!("{head}从评分标准文字读出 {n} 条计分规则，已标记 origin = \"text\"，请核对：{l}"),
                format!(
                    "{head}{n} rule(s) read from the 评分标准 text, marked origin = \"text\" until checked: {l}"
                ),
            )
        }
        RulesUnread { list } => {
            let (n, l) = (list.len(), list.join(", "));
            lang.pick(
                format!(
                    "{head}{n} 个末级指标的评分标准未能读成计分规则（保留为文字；给出规则之前按扣分计分）：{l}"
                ),
                format!(
                    "{head}评分标准 of {n} leaf/leaves not read as a rule (kept as text; they score by deductions until given a rule): {l}"
                ),
            )
        }
        GradeBands { row, bands } => {
            let b = bands.join(", ");
            lang.pick(
                format!("{head}等级区间取自第 {row} 行的图例：{b}"),
                format!("{head}grade bands from the legend on row {row}: {b}"),
            )
        }
        RulesSheet { sheet } => lang.pick(
            format!("{head}计分规则和目标值取自工作表 {sheet}"),
            format!("{head}rules and 目标值 from sheet {sheet}"),
        ),
        FromSheet { file, sheet, row } => lang.pick(
            format!("{file}（工作表 {sheet}，表头在第 {row} 行）"),
            format!("{file} (sheet {sheet}, header on row {row})"),
        ),
        Imported {
            levels,
            total,
            scored,
            from,
            out,
        } => {
            let scored_zh = scored
                .as_ref()
                .map(|(s, n, t)| format!("；项目，已评 {s}/{n} 个末级指标，总分 {t}"))
                .unwrap_or_default();
            let scored_en = scored
                .as_ref()
                .map(|(s, n, t)| format!("; a project, {s} of {n} leaves scored, total {t}"))
                .unwrap_or_default();
            lang.pick(
                format!("已导入 {levels}（总分 {total}{scored_zh}），来自 {from} → {out}"),
                format!("imported {levels} (total {total}{scored_en}) from {from} → {out}"),
            )
        }
    }
}

/// The comment lines on top of an imported TOML: what it is, where from, and what to do next
/// about its rules (`rules_read` were read from the 评分标准 text and need checking).
pub fn toml_header(name: Option<&str>, from: &str, rules_read: usize, lang: Lang) -> Vec<String> {
    let mut out = vec![match (name, lang) {
        (Some(n), Lang::Zh) => format!("{n} — 由 `jixiao import` 从 {from} 导入。"),
        (None, Lang::Zh) => format!("指标体系 — 由 `jixiao import` 从 {from} 导入。"),
        (Some(n), Lang::En) => format!("{n} — imported by `jixiao import` from {from}."),
        (None, Lang::En) => {
            format!("indicator framework — imported by `jixiao import` from {from}.")
        }
    }];
    if rules_read == 0 {
        out.extend(match lang {
            Lang::Zh => [
                "末级指标在给出评分规则前，按分值扣分计分".to_string(),
                "（rule = { kind = … }，见 docs/format.md）。".to_string(),
            ],
            Lang::En => [
                "Leaves score by deductions from their weight until you give them a rule".into(),
                "(rule = { kind = … }, see docs/format.md).".into(),
            ],
        });
    } else {
        out.extend(match lang {
            Lang::Zh => [
                format!("已从评分标准文字中读出 {rules_read} 条评分规则，均标有 origin = \"text\"；"),
                "请对照评分标准逐条核对，再删去该键（见 docs/format.md）。".to_string(),
            ],
            Lang::En => [
                format!(
                    "{rules_read} rules were read from the 评分标准 text: each is marked origin = \"text\"; check it"
                ),
                "against its criteria, then delete that key (see docs/format.md).".into(),
            ],
        });
    }
    out
}

/// The comment above an imported file's `[[grades]]`.
pub fn grades_comment(given: bool, lang: Lang) -> &'static str {
    match (given, lang) {
        (true, Lang::Zh) => "等级按表格所列。",
        (true, Lang::En) => "Grade bands as the sheet states them.",
        (false, Lang::Zh) => "等级：常用的 优/良/中/差；指标体系另有规定时请修改。",
        (false, Lang::En) => {
            "Grade bands: the common 优/良/中/差; change them if the framework states others."
        }
    }
}
