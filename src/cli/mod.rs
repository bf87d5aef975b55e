//! The command line: argument parsing and thin calls into the library.

mod args;
mod commands;
mod compare;
mod design;
mod documents;
mod help;
mod merge;
mod scripted;
mod shell;
mod stdio;
mod survey;
mod usage_error;

use std::path::PathBuf;
use std::process::ExitCode;

pub use args::*;

/// The language the command line speaks, settled once from `--lang`, the config and the locale.
static LANG: std::sync::OnceLock<jixiao::lang::Lang> = std::sync::OnceLock::new();

pub fn lang() -> jixiao::lang::Lang {
    *LANG
        .get_or_init(|| jixiao::lang::Lang::resolve(None, jixiao::config::load().0.lang.as_deref()))
}

/// The language of report text asked for by `--report-lang` or the config's `report_lang`;
/// `None`: each project's own.
static REPORT_LANG: std::sync::OnceLock<Option<jixiao::lang::Lang>> = std::sync::OnceLock::new();

pub fn report_lang() -> Option<jixiao::lang::Lang> {
    *REPORT_LANG.get_or_init(|| {
        let config = jixiao::config::load().0.report_lang;
        config.as_deref().and_then(jixiao::lang::Lang::parse)
    })
}

/// `--lang X` or `--lang=X` anywhere on the command line, before clap parses it (so that
/// `--help` and clap's own errors can be in that language).
fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().map(str::to_string);
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

pub fn run() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config_lang = jixiao::config::load().0.lang;
    let early = jixiao::lang::Lang::resolve(lang_flag(&args).as_deref(), config_lang.as_deref());
    let mut cmd = Cli::command();
    if early == jixiao::lang::Lang::Zh {
        cmd = help::localized(cmd);
    }
    let cli = cmd
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| usage_error::exit(e, early));
    let _ = LANG.set(jixiao::lang::Lang::resolve(
        cli.lang.as_deref(),
        config_lang.as_deref(),
    ));
    if let Some(Command::Explain { report_lang, .. } | Command::Export { report_lang, .. }) =
        &cli.command
        && let Some(l) = report_lang.as_deref().and_then(jixiao::lang::Lang::parse)
    {
        let _ = REPORT_LANG.set(Some(l));
    }
    let open = |_force: bool, read_only: bool, compare: Option<PathBuf>| commands::OpenArgs {
        lang: cli.lang.clone(),
        ascii: cli.ascii,
        ambiguous_width: cli.ambiguous_width,
        read_only,
        compare,
        review: None,
    };
    let code = match cli.command {
        Some(Command::Edit {
            file,
            force,
            read_only,
            compare,
        }) => commands::open(&file, &open(force, read_only, compare)),
        Some(Command::Review {
            file,
            all,
            by,
            force,
            read_only,
            compare,
        }) => commands::open(
            &file,
            &commands::OpenArgs {
                review: Some((
                    all,
                    jixiao::tui::app::ReviewOrder::parse(&by)
                        .unwrap_or(jixiao::tui::app::ReviewOrder::Tree),
                )),
                ..open(force, read_only, compare)
            },
        ),
        Some(Command::New {
            framework,
            name,
            file,
        }) => commands::new(&framework, name.as_deref(), &file),
        Some(Command::Check { files, quiet, json }) => commands::check(&files, quiet, json),
        Some(Command::Score { file, json, all }) => commands::score(&file, json, all),
        Some(Command::Explain {
            file,
            code,
            format,
            all,
            ..
        }) => match (format, code) {
            (None, code) if !all => commands::explain(&file, code.as_deref()),
            (format, code) => commands::explain_paragraphs(
                &file,
                code.as_deref(),
                format.unwrap_or(ExplainFormat::Text),
                all,
            ),
        },
        Some(Command::Diff { a, b, json }) => compare::diff(&a, &b, json),
        Some(Command::Frameworks { json }) => commands::frameworks(json),
        Some(Command::Framework {
            action:
                FrameworkAction::Save {
                    project,
                    output,
                    id,
                    name,
                    force,
                },
        }) => design::framework_save(&project, &output, id.as_deref(), name.as_deref(), force),
        Some(Command::Settings { file, assignments }) => design::settings(&file, &assignments),
        Some(Command::Indicator { action }) => match action {
            IndicatorAction::Add {
                file,
                parent,
                code,
                name,
                weight,
                after,
            } => design::add(
                &file,
                &design::AddArgs {
                    parent: parent.as_deref(),
                    code: code.as_deref(),
                    name: &name,
                    weight: &weight,
                    after: after.as_deref(),
                },
            ),
            IndicatorAction::Remove { file, code } => design::remove(&file, &code),
            IndicatorAction::Move {
                file,
                code,
                parent,
                root,
                up,
                down,
                after,
            } => design::move_to(
                &file,
                &code,
                &design::MoveArgs {
                    parent: parent.as_deref(),
                    root,
                    up,
                    down,
                    after: after.as_deref(),
                },
            ),
            IndicatorAction::Rename {
                file,
                code,
                name,
                new_code,
            } => design::rename(&file, &code, name.as_deref(), new_code.as_deref()),
        },
        Some(Command::Merge {
            base,
            ours,
            theirs,
            label_ours,
            label_theirs,
            path,
        }) => merge::merge(&merge::MergeArgs {
            base: &base,
            ours: &ours,
            theirs: &theirs,
            label_ours: &label_ours,
            label_theirs: &label_theirs,
            name: path.as_deref(),
        }),
        Some(Command::Show { file }) => merge::show(&file),
        Some(Command::Resolve {
            file,
            code,
            side,
            field,
        }) => merge::resolve(&file, &code, &side, field.as_deref()),
        Some(Command::Set {
            file,
            code,
            assignments,
            force,
        }) => scripted::set(&file, &code, &assignments, force),
        Some(Command::Survey {
            action:
                SurveyAction::Import {
                    file,
                    code,
                    export,
                    survey,
                    question,
                    sheet,
                    options,
                    dry_run,
                },
        }) => survey::import(
            &file,
            &code,
            &export,
            &survey::Choice {
                survey,
                question,
                sheet,
                options,
                dry_run,
            },
        ),
        Some(Command::Deduct {
            file,
            code,
            points,
            reason,
            evidence,
            force,
        }) => scripted::deduct(&file, &code, &points, &reason, &evidence, force),
        Some(Command::Evidence {
            action:
                EvidenceAction::Add {
                    file,
                    code,
                    title,
                    at,
                    note,
                    force,
                },
        }) => scripted::evidence_add(&file, &code, &title, &at, &note, force),
        Some(Command::Export {
            file,
            format,
            output,
            table,
            report,
            template,
            ..
        }) => documents::export(
            &file,
            format,
            output.as_deref(),
            &documents::ExportOptions {
                table,
                report,
                template: template.as_deref(),
            },
        ),
        Some(Command::Import {
            file,
            output,
            id,
            name,
            total,
            columns,
            project,
            sheet,
            force,
        }) => documents::import(&documents::ImportArgs {
            file: &file,
            output: output.as_deref(),
            id: id.as_deref(),
            name: name.as_deref(),
            total: total.as_deref(),
            columns: &columns,
            project,
            sheet: sheet.as_deref(),
            force,
        }),
        Some(Command::Summary {
            paths,
            sort,
            json,
            format,
        }) => documents::summary(&paths, sort.as_deref(), json, format),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man { output }) => shell::man(output.as_deref()),
        None => match &cli.file {
            Some(file) => {
                commands::open(file, &open(cli.force, cli.read_only, cli.compare.clone()))
            }
            None => {
                use clap::CommandFactory;
                let _ = Cli::command().print_help();
                2
            }
        },
    };
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_valid_in_both_languages() {
        Cli::command().debug_assert();
        help::localized(Cli::command()).debug_assert();
    }

    #[test]
    fn chinese_help_names_every_subcommand_in_chinese() {
        let mut cmd = help::localized(Cli::command());
        let help = cmd.render_help().to_string();
        assert!(
            help.contains("用法：") && help.contains("检查项目或框架"),
            "{help}"
        );
        for sub in Cli::command().get_subcommands() {
            assert!(
                jixiao::lang::help::command(sub.get_name()).is_some(),
                "no Chinese help for `{}`",
                sub.get_name()
            );
        }
    }

    #[test]
    fn lang_is_found_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["jixiao", "check", "--lang", "en"])).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang_flag(&args(&["jixiao", "--lang=zh", "score"])).as_deref(),
            Some("zh")
        );
        assert_eq!(lang_flag(&args(&["jixiao", "--", "--lang", "en"])), None);
    }
}
