//! Why a questionnaire export could not be imported (`jixiao survey import`), in both languages.

use super::{Lang, list};
use crate::import::read::column_name;
use crate::import::survey::SurveyImportError;

pub fn survey_import_error(e: &SurveyImportError, lang: Lang) -> String {
    use SurveyImportError::*;
    let at = |row: usize, column: usize| {
        lang.pick(
            format!(
                "第 {row} 行第 {} 列（{}{row}）",
                column,
                column_name(column)
            ),
            format!(
                "row {row}, column {} ({}{row})",
                column,
                column_name(column)
            ),
        )
    };
    match e {
        Read(why) => why.clone(),
        Empty => lang
            .pick("文件中没有数据行", "the file has no rows")
            .into(),
        NotAnOption {
            row,
            column,
            header,
            text,
            options,
        } => {
            let names = list(lang, options.iter().cloned());
            lang.pick(
                format!("{}，“{header}”：答案“{text}”不是问卷的选项；应为：{names}", at(*row, *column)),
                format!("{}, \"{header}\": the answer \"{text}\" is not an option of the questionnaire; expected one of {names}", at(*row, *column)),
            )
        }
        NotACount { row, column, text } => lang.pick(
            format!("{}：“{text}”不是人数；应为非负整数，如 150", at(*row, *column)),
            format!("{}: \"{text}\" is not a count; expected a whole number such as 150", at(*row, *column)),
        ),
        OptionTwice { row, option } => lang.pick(
            format!("第 {row} 行：选项“{option}”出现了两次"),
            format!("row {row}: the option \"{option}\" is listed twice"),
        ),
        NoAnswers { options } => {
            let names = list(lang, options.iter().cloned());
            lang.pick(
                format!("找不到答卷列：应有一行表头，每位受访者一行，答案为问卷选项（{names}）；或一张选项 × 人数的汇总表"),
                format!("no column of answers found: expected a header row and one row per respondent with the questionnaire's options ({names}) as answers, or a table of options and counts"),
            )
        }
        QuestionCount { found, questions } => lang.pick(
            format!("文件中有 {found} 道题的数据，问卷有 {questions} 题，且无法按题目文字对应；用 --question N 导入单独一题"),
            format!("the file holds {found} questions' answers, the questionnaire has {questions}, and their texts do not match them up; import one question with --question N"),
        ),
        NoQuestion { number, questions } => lang.pick(
            format!("问卷没有第 {number} 题，共 {questions} 题"),
            format!("the questionnaire has no question {number}; it has {questions}"),
        ),
    }
}

/// The leaf has several surveys and none was named, or the one named is not there.
pub fn which_survey(lang: Lang, code: &str, named: Option<&str>, surveys: &[String]) -> String {
    let names = list(lang, surveys.iter().cloned());
    match named {
        Some(n) if !surveys.is_empty() => lang.pick(
            format!("{code} 没有问卷“{n}”，已有：{names}"),
            format!("{code} has no questionnaire \"{n}\"; it has {names}"),
        ),
        _ if surveys.is_empty() => lang.pick(
            format!("{code} 还没有问卷；用 --options \"非常满意=100,满意=80,一般=60,不满意=0\" 新建一份（--survey 命名，默认“满意度”）"),
            format!("{code} has no questionnaire yet; create one with --options \"非常满意=100,满意=80,一般=60,不满意=0\" (named by --survey, 满意度 by default)"),
        ),
        _ => lang.pick(
            format!("{code} 有多份问卷（{names}），用 --survey 指定一份"),
            format!("{code} has several questionnaires ({names}); name one with --survey"),
        ),
    }
}

pub fn bad_options(lang: Lang, text: &str) -> String {
    lang.pick(
        format!("--options 应写作“选项=权重”并以逗号分隔，如 非常满意=100,满意=80,一般=60,不满意=0，而不是“{text}”"),
        format!("--options is NAME=WEIGHT pairs separated by commas, such as 非常满意=100,满意=80,一般=60,不满意=0, not \"{text}\""),
    )
}

pub fn no_sheet(lang: Lang, name: &str, sheets: &[String]) -> String {
    let names = list(lang, sheets.iter().cloned());
    lang.pick(
        format!("工作簿中没有名为“{name}”的工作表；已有：{names}"),
        format!("no sheet named \"{name}\"; the workbook has {names}"),
    )
}

/// What was read: the file and its shape.
pub fn read_heading(lang: Lang, file: &str, shape: &crate::import::survey::Shape) -> String {
    use crate::import::survey::Shape;
    match shape {
        Shape::Respondents { respondents } => lang.pick(
            format!("{file}：{respondents} 份答卷（每行一位受访者）"),
            format!("{file}: {respondents} respondents (one row each)"),
        ),
        Shape::Tallied => lang.pick(
            format!("{file}：汇总表（选项 × 人数）"),
            format!("{file}: a tallied table (options × counts)"),
        ),
        Shape::Matrix => lang.pick(
            format!("{file}：汇总表（每题一行）"),
            format!("{file}: a tallied table (one row per question)"),
        ),
    }
}

/// One question's tally as read: "第1题 您对…（G 列）：非常满意 150，满意 40 …，合计 200 人，93.10%".
pub fn question_line(
    lang: Lang,
    number: usize,
    text: &str,
    source: &str,
    tally: &[(String, String)],
    respondents: &str,
    rate: Option<&str>,
) -> String {
    let parts: Vec<String> = tally.iter().map(|(o, c)| format!("{o} {c}")).collect();
    let parts = parts.join(lang.pick("，", ", "));
    let text = if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    };
    let rate = rate
        .map(|r| format!("{}{r}", lang.pick("，", ", ")))
        .unwrap_or_default();
    lang.pick(
        format!("第{number}题{text}（{source}）：{parts}，合计 {respondents} 人{rate}"),
        format!("question {number}{text} ({source}): {parts}, {respondents} in all{rate}"),
    )
}

pub fn source(lang: Lang, place: &str, matrix: bool) -> String {
    match matrix {
        true => lang.pick(format!("第 {place} 行"), format!("row {place}")),
        false => lang.pick(format!("{place} 列"), format!("column {place}")),
    }
}

/// The survey's resulting rate.
pub fn rate_line(lang: Lang, name: &str, rate: &str) -> String {
    lang.pick(format!("{name} = {rate}"), format!("{name} = {rate}"))
}

pub fn unchanged(lang: Lang) -> &'static str {
    lang.pick(
        "问卷的人数与文件一致，无需修改",
        "the tallies already match the file; nothing to change",
    )
}

/// The leaf's rule does not read the questionnaire just imported (`reads`: the names it does
/// read), so its score cannot move: said after the tally, with the way to make it count.
pub fn unread(lang: Lang, code: &str, survey: &str, reads: &[String]) -> String {
    if reads.is_empty() {
        return lang.pick(
            format!(
                "注意：{code} 的评分规则不读取任何数值，问卷“{survey}”只作记录，得分不随之变化；要按问卷计分，把评分规则改为读取“{survey}”的规则（如 value = \"{survey}\"）"
            ),
            format!(
                "note: the rule of {code} reads no figures, so the questionnaire \"{survey}\" is only recorded and the score does not follow it; to score from it, give {code} a rule that reads \"{survey}\" (such as value = \"{survey}\")"
            ),
        );
    }
    let names = reads.join("、");
    let names_en = reads.join(", ");
    lang.pick(
        format!(
            "注意：{code} 的评分规则读取 {names}，不读取问卷“{survey}”，得分不随之变化；要按问卷计分，用 --survey 指定规则读取的名称导入，或把规则中的名称改为“{survey}”"
        ),
        format!(
            "note: the rule of {code} reads {names_en}, not the questionnaire \"{survey}\", so the score does not follow it; to score from it, import with --survey naming what the rule reads, or rename it in the rule to \"{survey}\""
        ),
    )
}

pub fn dry_run(lang: Lang) -> &'static str {
    lang.pick("（试运行：未写入）", "(dry run: nothing written)")
}
