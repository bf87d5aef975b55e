//! The command line: argument parsing and thin calls into the library.

mod commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// jixiao (绩效) — score public-spending programmes against an indicator tree, exactly.
#[derive(Debug, Parser)]
#[command(name = "jixiao", version, about, long_about = None, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "Examples:\n  jixiao samples/rongcheng-checkup.toml          open a project in the workbench\n  jixiao score samples/rongcheng-checkup.toml    print the score table\n  jixiao explain samples/rongcheng-checkup.toml B101\n  jixiao check samples/*.toml\n  jixiao new --framework mof-program my-project.toml"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A project file to open in the workbench.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a project from a framework (an id from `jixiao frameworks`, or a path).
    New {
        #[arg(long, short = 'f', value_name = "ID|PATH")]
        framework: String,
        /// The project's name (项目名称); defaults to the file name.
        #[arg(long)]
        name: Option<String>,
        /// The project file to write (refuses to overwrite an existing file).
        file: PathBuf,
    },
    /// Validate projects or frameworks: errors and warnings as file:line:col.
    ///
    /// Exit status: 0 no errors (warnings allowed), 1 errors, 2 a file could not be read.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print only errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the score table: each level-1 and level-2 node's 分值 / 得分 / 得分率, total and grade.
    Score {
        file: PathBuf,
        /// Machine-readable output; decimals are strings.
        #[arg(long)]
        json: bool,
        /// Include every level, down to the leaves.
        #[arg(long)]
        all: bool,
    },
    /// Explain deductions: 扣分点说明 of every leaf that lost points, or one indicator in full.
    Explain { file: PathBuf, code: Option<String> },
    /// List the frameworks: built-in ones and those in the user's config directory.
    Frameworks,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::New {
            framework,
            name,
            file,
        }) => commands::new(&framework, name.as_deref(), &file),
        Some(Command::Check { files, quiet }) => commands::check(&files, quiet),
        Some(Command::Score { file, json, all }) => commands::score(&file, json, all),
        Some(Command::Explain { file, code }) => commands::explain(&file, code.as_deref()),
        Some(Command::Frameworks) => commands::frameworks(),
        None => match cli.file {
            Some(file) => commands::open(&file),
            None => {
                use clap::CommandFactory;
                let _ = Cli::command().print_help();
                2
            }
        },
    };
    ExitCode::from(code)
}
