//! `jixiao completions SHELL` and `jixiao man`: the shell's conventions, generated from the same
//! clap definitions that parse the command line, so completions and the manual can never
//! disagree with the program.

use jixiao::lang::cli::Say;
use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Prints the completion script for `shell` to stdout.
pub fn completions(shell: Shell) -> u8 {
    let mut cmd = super::help::english(Cli::command());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "jixiao", &mut out);
    emit(&out)
}

/// Prints the man page jixiao(1) to stdout or, with `dir`, writes jixiao.1 and one page per
/// subcommand (jixiao-score.1, jixiao-evidence-add.1 …) into it, each replaced atomically.
pub fn man(dir: Option<&Path>) -> u8 {
    let cmd = super::help::english(Cli::command());
    let Some(dir) = dir else {
        let mut out = Vec::new();
        return match clap_mangen::Man::new(cmd).render(&mut out) {
            Ok(()) => emit(&out),
            Err(e) => fail(&Say::CannotRenderManPage { why: e.to_string() }),
        };
    };
    if !dir.is_dir() {
        return fail(&Say::NotADirectory {
            dir: &dir.display().to_string(),
        });
    }
    let mut pages = Vec::new();
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    collect(&cmd, &mut pages);
    for (name, page) in &pages {
        let path = dir.join(name);
        if let Err(e) = jixiao::store::atomic_write(&path, page) {
            let why = jixiao::lang::cli::io_reason(super::lang(), &e);
            return fail(&Say::CannotWriteTo {
                file: &path.display().to_string(),
                why,
            });
        }
        println!("{}", path.display());
    }
    0
}

/// Every visible command's page, the command itself first. A subcommand's page is named after
/// its full path (jixiao-evidence-add.1), which is how clap names it once built.
fn collect(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    if man.render(&mut page).is_ok() {
        pages.push((man.get_filename(), page));
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages);
    }
}

fn emit(bytes: &[u8]) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => 0,
        Err(e) => fail(&Say::CannotWriteStdout { why: e.to_string() }),
    }
}

fn fail(s: &Say) -> u8 {
    let lang = super::lang();
    eprintln!(
        "{}{}",
        jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang),
        jixiao::lang::cli::say(lang, s)
    );
    2
}
