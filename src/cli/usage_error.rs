//! clap's own parse errors in the user's language: its error kinds and context become a
//! `jixiao::lang::usage::UsageError`, which the language layer words. In English clap's text is
//! printed unchanged; the exit code is clap's (2) in both.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use jixiao::lang::Lang;
use jixiao::lang::usage::{UsageError, UsageProblem, UsageTip};

fn string(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, k: ContextKind) -> Vec<String> {
    match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, k: ContextKind) -> usize {
    match e.get(k) {
        Some(ContextValue::Number(n)) => (*n).max(0) as usize,
        _ => 0,
    }
}

/// The problem clap found, as a value; None when clap gave too little to say it.
fn problem(e: &clap::Error) -> Option<UsageProblem> {
    let arg = || string(e, ContextKind::InvalidArg);
    let value = || string(e, ContextKind::InvalidValue);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => UsageProblem::UnknownArgument { arg: arg()? },
        ErrorKind::InvalidSubcommand => UsageProblem::UnknownSubcommand {
            name: string(e, ContextKind::InvalidSubcommand)?,
        },
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg()?, value()?);
            let valid = strings(e, ContextKind::ValidValue);
            if value.is_empty() {
                UsageProblem::MissingValue { arg, valid }
            } else {
                UsageProblem::InvalidValue { arg, value, valid }
            }
        }
        ErrorKind::ValueValidation => UsageProblem::BadValue {
            arg: arg()?,
            value: value()?,
            detail: std::error::Error::source(e).map(|s| s.to_string()),
        },
        ErrorKind::MissingRequiredArgument => UsageProblem::MissingArguments {
            args: strings(e, ContextKind::InvalidArg),
        },
        ErrorKind::MissingSubcommand => UsageProblem::MissingSubcommand {
            name: string(e, ContextKind::InvalidSubcommand)?,
            valid: strings(e, ContextKind::ValidSubcommand),
        },
        ErrorKind::ArgumentConflict => {
            let a = arg()?;
            let prior = strings(e, ContextKind::PriorArg);
            if prior == [a.clone()] {
                UsageProblem::UsedTwice { arg: a }
            } else {
                UsageProblem::Conflict {
                    arg: a,
                    with: prior,
                }
            }
        }
        ErrorKind::NoEquals => UsageProblem::NoEquals { arg: arg()? },
        ErrorKind::TooManyValues => UsageProblem::TooManyValues {
            arg: arg()?,
            value: value()?,
        },
        ErrorKind::TooFewValues => UsageProblem::TooFewValues {
            arg: arg()?,
            min: number(e, ContextKind::MinValues),
            actual: number(e, ContextKind::ActualNumValues),
        },
        ErrorKind::WrongNumberOfValues => UsageProblem::WrongNumberOfValues {
            arg: arg()?,
            expected: number(e, ContextKind::ExpectedNumValues),
            actual: number(e, ContextKind::ActualNumValues),
        },
        ErrorKind::InvalidUtf8 => UsageProblem::NotUtf8,
        _ => return None,
    })
}

fn tips(e: &clap::Error) -> Vec<UsageTip> {
    let mut out = Vec::new();
    out.extend(
        strings(e, ContextKind::SuggestedArg)
            .into_iter()
            .map(UsageTip::SimilarArgument),
    );
    out.extend(
        strings(e, ContextKind::SuggestedSubcommand)
            .into_iter()
            .map(UsageTip::SimilarSubcommand),
    );
    out.extend(
        strings(e, ContextKind::SuggestedValue)
            .into_iter()
            .map(UsageTip::SimilarValue),
    );
    if matches!(
        e.get(ContextKind::TrailingArg),
        Some(ContextValue::Bool(true))
    ) && let Some(a) = string(e, ContextKind::InvalidArg)
    {
        out.push(UsageTip::AfterDashes(a));
    }
    out
}

/// Prints clap's error (help and version pages too) and exits: in Chinese through the language
/// layer when clap's error kind is one we word, otherwise as clap prints it.
pub fn exit(e: clap::Error, lang: Lang) -> ! {
    if lang == Lang::Zh
        && e.use_stderr()
        && let Some(problem) = problem(&e)
    {
        let usage = string(&e, ContextKind::Usage).map(|u| {
            // clap's usage context carries its English title; ours is added by the layer.
            u.trim()
                .strip_prefix("Usage:")
                .unwrap_or(u.trim())
                .trim()
                .to_string()
        });
        let err = UsageError {
            problem,
            tips: tips(&e),
            usage,
        };
        eprint!("{}", jixiao::lang::usage::usage_error(&err, lang));
        std::process::exit(e.exit_code());
    }
    e.exit()
}
