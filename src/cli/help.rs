//! `--help` in Chinese: the clap definition (args.rs) with the words of `jixiao::lang::help`.
//! clap writes its headings with an ASCII colon, its usage with `[OPTIONS]` and `[COMMAND]`,
//! and adds an English `help` subcommand; each of those is replaced here, after clap has built
//! the tree (the usage and the `help` subcommand only exist then).

use clap::Command;
use jixiao::lang::help;

/// The command line as clap defines it, with words for the bare arguments args.rs leaves
/// undescribed (a FILE, a CODE): what `--help` in English, the man page and completions show.
pub fn english(cmd: Command) -> Command {
    cmd.mut_args(|a| match help::arg_en(a.get_id().as_str()) {
        Some(text) if a.get_help().is_none() => a.help(text),
        _ => a,
    })
    .mut_subcommands(english)
}

/// The command line with its help in Chinese where `jixiao::lang::help` has the words.
pub fn localized(cmd: Command) -> Command {
    let mut cmd = words(cmd);
    // Build now so that every usage line and clap's own `help` subcommand exist to be reworded.
    cmd.build();
    finish(&mut cmd);
    cmd
}

/// Abouts, argument help, value names and the help/version flags, recursively.
fn words(cmd: Command) -> Command {
    // A subcommand is named by its parent too where the name alone is taken (`survey import`).
    let parent = cmd.get_name().to_string();
    let mut cmd = cmd
        .mut_args(|a| {
            // Its values are in its own text.
            let a = if a.get_id() == "lang" {
                a.hide_possible_values(true)
            } else {
                a
            };
            let id = a.get_id().as_str().to_string();
            let a = match help::value_name(&id) {
                Some(v) if a.is_positional() => a.value_name(v),
                _ => a,
            };
            match help::arg_in(&parent, &id).or_else(|| help::arg(&id)) {
                // clap's own "[possible values: …]" and "[default: …]" are English: the
                // Chinese text says them instead (the values themselves are what is typed).
                Some(text) if id != "lang" && a.get_action().takes_values() => {
                    let values: Vec<String> = a
                        .get_possible_values()
                        .iter()
                        .filter(|v| !v.is_hide_set())
                        .map(|v| v.get_name().to_string())
                        .collect();
                    let default = a
                        .get_default_values()
                        .first()
                        .map(|d| d.to_string_lossy().into_owned());
                    let note = help::values_note(&values, default.as_deref());
                    a.help(format!("{text}{note}"))
                        .long_help(None::<&str>)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                }
                Some(text) => a.help(text).long_help(None::<&str>),
                None => a,
            }
        })
        .mut_subcommands(|sub| {
            let nested = format!("{parent} {}", sub.get_name());
            let sub = match help::command(&nested).or_else(|| help::command(sub.get_name())) {
                Some(text) => sub.about(text).long_about(None::<&str>),
                None => sub,
            };
            words(sub)
        });
    let help_flag = clap::Arg::new("help")
        .short('h')
        .long("help")
        .action(clap::ArgAction::Help)
        .help(help::HELP);
    cmd = cmd.disable_help_flag(true).arg(help_flag);
    if cmd.get_name() == "jixiao" {
        let version = clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(help::VERSION);
        cmd = cmd
            .about(help::ABOUT)
            .after_help(help::EXAMPLES)
            .disable_version_flag(true)
            .arg(version);
    }
    cmd
}

/// On the built tree: each command's page with Chinese headings (full-width colons) and usage,
/// and clap's `help` subcommand described in Chinese.
fn finish(cmd: &mut Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    let usage = usage
        .lines()
        .map(|l| placeholders(l.trim()))
        .collect::<Vec<_>>()
        .join(&format!("\n{}", " ".repeat(width(help::USAGE))));
    let shown = |a: &clap::Arg| !a.is_hide_set();
    let has_commands = cmd.get_subcommands().any(|s| !s.is_hide_set());
    let has_positionals = cmd.get_positionals().any(shown);
    let has_options = cmd.get_arguments().any(|a| !a.is_positional() && shown(a));
    let mut page = format!(
        "{{before-help}}{{about-with-newline}}\n{}{usage}",
        help::USAGE
    );
    for (has, heading, part) in [
        (has_commands, help::COMMANDS, "{subcommands}"),
        (has_positionals, help::ARGUMENTS, "{positionals}"),
        (has_options, help::OPTIONS, "{options}"),
    ] {
        if has {
            page.push_str(&format!("\n\n{heading}：\n{part}"));
        }
    }
    page.push_str("{after-help}");
    let mut taken = std::mem::take(cmd)
        .help_template(page)
        .override_usage(usage);
    if taken.find_subcommand("help").is_some() && !taken.is_disable_help_subcommand_set() {
        taken = taken.mut_subcommand("help", |h| h.about(help::HELP_COMMAND));
    }
    *cmd = taken;
    for sub in cmd.get_subcommands_mut() {
        finish(sub);
    }
}

/// clap's English placeholders in a usage line, in Chinese.
fn placeholders(line: &str) -> String {
    line.replace("[OPTIONS]", &format!("[{}]", help::OPTIONS))
        .replace("[COMMAND]", &format!("[{}]", help::COMMAND))
        .replace("<COMMAND>", &format!("<{}>", help::COMMAND))
}

/// Display columns of `s` (CJK two), to align a usage's second line under its first.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    fn page(path: &[&str]) -> String {
        let mut cmd = localized(Cli::command());
        let mut at = &mut cmd;
        for p in path {
            at = at.find_subcommand_mut(p).unwrap();
        }
        at.render_help().to_string()
    }

    #[test]
    fn the_top_page_has_no_english_left() {
        let p = page(&[]);
        assert!(p.contains("用法：jixiao [选项] [文件] [命令]"), "{p}");
        assert!(p.contains("\n命令：\n") && p.contains("\n参数：\n"), "{p}");
        assert!(p.contains("\n选项：\n"), "{p}");
        assert!(!p.contains("命令:") && !p.contains("选项:"), "{p}");
        assert!(!p.contains("Print this message"), "{p}");
        assert!(p.contains("  help  ") || p.contains("  help "), "{p}");
        assert!(!p.contains("OPTIONS") && !p.contains("COMMAND"), "{p}");
    }

    #[test]
    fn a_subcommand_page_lists_its_arguments_in_order() {
        let p = page(&["explain"]);
        assert!(
            p.contains("用法：jixiao explain [选项] <文件> [代码]"),
            "{p}"
        );
        let (file, code) = (p.find("<文件>  ").unwrap(), p.find("[代码]  ").unwrap());
        assert!(file < code, "{p}");
        // A command without subcommands has no 命令 heading.
        assert!(!p.contains("命令："), "{p}");
    }

    /// Every visible argument of every command, with its path ("indicator move --up").
    fn every_arg(cmd: &Command, path: &str, out: &mut Vec<(String, clap::Arg)>) {
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            out.push((format!("{path} {}", a.get_id()), a.clone()));
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            every_arg(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_argument_is_described_in_both_languages() {
        for (lang, mut cmd) in [
            ("en", english(Cli::command())),
            ("zh", localized(Cli::command())),
        ] {
            cmd.build();
            let mut args = Vec::new();
            every_arg(&cmd, "jixiao", &mut args);
            let mut missing = Vec::new();
            for (at, a) in args {
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                let chinese = help.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if help.trim().is_empty() || (lang == "zh" && !chinese) {
                    missing.push(format!("{lang}: {at}: {help:?}"));
                }
            }
            assert!(missing.is_empty(), "{}", missing.join("\n"));
        }
    }

    #[test]
    fn chinese_pages_say_values_and_defaults_in_chinese() {
        for path in [&["export"][..], &["review"], &["summary"], &["completions"]] {
            let p = page(path);
            assert!(
                !p.contains("possible values") && !p.contains("Possible values"),
                "{p}"
            );
            assert!(!p.contains("[default:"), "{p}");
        }
        assert!(page(&["review"]).contains("［默认：tree］［可选：points、tree］"));
    }
}
