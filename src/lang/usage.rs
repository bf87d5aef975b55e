//! The command line's own parse errors (an unknown option, a missing value …) as values, and
//! their words. The command line turns clap's error kinds into these, so that a Chinese user
//! reads them in Chinese; the exit code stays clap's 2.

use super::Lang;

/// What was wrong with the command line. Names of options and values are as typed or as clap
/// shows them (`--format <FORMAT>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    UnknownArgument {
        arg: String,
    },
    UnknownSubcommand {
        name: String,
    },
    InvalidValue {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    MissingValue {
        arg: String,
        valid: Vec<String>,
    },
    /// The value parser refused it; `detail` is its own (English) words.
    BadValue {
        arg: String,
        value: String,
        detail: Option<String>,
    },
    MissingArguments {
        args: Vec<String>,
    },
    MissingSubcommand {
        name: String,
        valid: Vec<String>,
    },
    UsedTwice {
        arg: String,
    },
    Conflict {
        arg: String,
        with: Vec<String>,
    },
    NoEquals {
        arg: String,
    },
    TooManyValues {
        arg: String,
        value: String,
    },
    TooFewValues {
        arg: String,
        min: usize,
        actual: usize,
    },
    WrongNumberOfValues {
        arg: String,
        expected: usize,
        actual: usize,
    },
    NotUtf8,
    /// A kind clap may add later: its own words.
    Other {
        detail: String,
    },
}

/// A hint after the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageTip {
    SimilarArgument(String),
    SimilarSubcommand(String),
    SimilarValue(String),
    /// A value that starts with `-` is passed after `--`.
    AfterDashes(String),
}

/// A parse error of the command line: the problem, hints, and the usage line clap shows for
/// the command (`jixiao check <FILES>...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub problem: UsageProblem,
    pub tips: Vec<UsageTip>,
    pub usage: Option<String>,
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("'{i}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn values(lang: Lang, valid: &[String]) -> String {
    if valid.is_empty() {
        return String::new();
    }
    let v = valid.join(", ");
    lang.pick(
        format!("\n  [可选值：{v}]"),
        format!("\n  [possible values: {v}]"),
    )
}

/// The problem in one sentence (with the values that are allowed, on the next line).
pub fn problem(p: &UsageProblem, lang: Lang) -> String {
    use UsageProblem::*;
    match p {
        UnknownArgument { arg } => lang.pick(
            format!("无法识别的参数 '{arg}'"),
            format!("unexpected argument '{arg}' found"),
        ),
        UnknownSubcommand { name } => lang.pick(
            format!("没有子命令 '{name}'"),
            format!("unrecognized subcommand '{name}'"),
        ),
        InvalidValue { arg, value, valid } => {
            lang.pick(
                format!("'{arg}' 不能取值 '{value}'"),
                format!("invalid value '{value}' for '{arg}'"),
            ) + &values(lang, valid)
        }
        MissingValue { arg, valid } => {
            lang.pick(
                format!("'{arg}' 需要一个值，但没有给出"),
                format!("a value is required for '{arg}' but none was supplied"),
            ) + &values(lang, valid)
        }
        BadValue { arg, value, detail } => {
            let detail = detail.as_deref().map(|d| match lang {
                Lang::Zh => format!("（{d}）"),
                Lang::En => format!(": {d}"),
            });
            lang.pick(
                format!("'{arg}' 不能取值 '{value}'"),
                format!("invalid value '{value}' for '{arg}'"),
            ) + detail.as_deref().unwrap_or("")
        }
        MissingArguments { args } => {
            let list: String = args.iter().map(|a| format!("\n  {a}")).collect();
            lang.pick(
                format!("缺少以下必需的参数：{list}"),
                format!("the following required arguments were not provided:{list}"),
            )
        }
        MissingSubcommand { name, valid } => {
            let v = valid.join(", ");
            lang.pick(
                format!("'{name}' 需要一个子命令\n  [子命令：{v}]"),
                format!(
                    "'{name}' requires a subcommand but one was not provided\n  [subcommands: {v}]"
                ),
            )
        }
        UsedTwice { arg } => lang.pick(
            format!("参数 '{arg}' 只能给出一次"),
            format!("the argument '{arg}' cannot be used multiple times"),
        ),
        Conflict { arg, with } => {
            let w = quoted(with);
            lang.pick(
                format!("参数 '{arg}' 不能与 {w} 同时使用"),
                format!("the argument '{arg}' cannot be used with {w}"),
            )
        }
        NoEquals { arg } => lang.pick(
            format!("给 '{arg}' 赋值时需要等号"),
            format!("equal sign is needed when assigning values to '{arg}'"),
        ),
        TooManyValues { arg, value } => lang.pick(
            format!("'{arg}' 多出了值 '{value}'"),
            format!("unexpected value '{value}' for '{arg}' found; no more were expected"),
        ),
        TooFewValues { arg, min, actual } => lang.pick(
            format!("'{arg}' 至少需要 {min} 个值，只给出了 {actual} 个"),
            format!("{min} values required by '{arg}'; only {actual} provided"),
        ),
        WrongNumberOfValues {
            arg,
            expected,
            actual,
        } => lang.pick(
            format!("'{arg}' 需要 {expected} 个值，给出了 {actual} 个"),
            format!("{expected} values required for '{arg}' but {actual} provided"),
        ),
        NotUtf8 => lang
            .pick(
                "参数不是有效的 UTF-8 文本",
                "invalid UTF-8 was detected in one or more arguments",
            )
            .into(),
        Other { detail } => lang.pick(format!("命令行有误（{detail}）"), detail.clone()),
    }
}

fn tip(t: &UsageTip, lang: Lang) -> String {
    match t {
        UsageTip::SimilarArgument(a) => lang.pick(
            format!("提示：相近的参数：'{a}'"),
            format!("tip: a similar argument exists: '{a}'"),
        ),
        UsageTip::SimilarSubcommand(s) => lang.pick(
            format!("提示：相近的子命令：'{s}'"),
            format!("tip: a similar subcommand exists: '{s}'"),
        ),
        UsageTip::SimilarValue(v) => lang.pick(
            format!("提示：相近的值：'{v}'"),
            format!("tip: a similar value exists: '{v}'"),
        ),
        UsageTip::AfterDashes(v) => lang.pick(
            format!("提示：若要把 '{v}' 作为值传入，请写成 '-- {v}'"),
            format!("tip: to pass '{v}' as a value, use '-- {v}'"),
        ),
    }
}

/// The whole message, as clap lays it out: the problem, hints, the usage line and where to
/// find more.
pub fn usage_error(e: &UsageError, lang: Lang) -> String {
    let mut out = format!(
        "{}{}",
        lang.pick("错误：", "error: "),
        problem(&e.problem, lang)
    );
    if !e.tips.is_empty() {
        out.push('\n');
        for t in &e.tips {
            out.push_str("\n  ");
            out.push_str(&tip(t, lang));
        }
    }
    if let Some(u) = &e.usage {
        out.push_str("\n\n");
        out.push_str(lang.pick("用法：", "Usage: "));
        out.push_str(u);
    }
    out.push_str("\n\n");
    out.push_str(lang.pick(
        "更多信息请加 '--help' 查看。",
        "For more information, try '--help'.",
    ));
    out.push('\n');
    out
}
