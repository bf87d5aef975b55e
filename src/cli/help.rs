//! `--help` in Chinese: the clap definition (args.rs) with the words of `jixiao::lang::help`.
//! clap writes its headings with an ASCII colon, its usage with `[OPTIONS]` and `[COMMAND]`,
//! and adds an English `help` subcommand; each of those is replaced here, after clap has built
//! the tree (the usage and the `help` subcommand only exist then).

use clap::Command;
use jixiao::lang::help;

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
}
