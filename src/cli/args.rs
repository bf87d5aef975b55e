//! The shape of the command line: every subcommand, its arguments and their help (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::documents;

/// jixiao (绩效) — score public-spending programmes against an indicator tree, exactly.
#[derive(Debug, Parser)]
#[command(name = "jixiao", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  jixiao samples/rongcheng-checkup.toml          open a project in the workbench\n  jixiao score samples/rongcheng-checkup.toml    print the score table\n  jixiao explain samples/rongcheng-checkup.toml B101\n  jixiao review samples/rongcheng-checkup.toml   review every lost point (复核)\n  jixiao check samples/*.toml\n  jixiao new --framework mof-program my-project.toml"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A project file to open in the workbench.
    pub file: Option<PathBuf>,
    /// Language of messages and the workbench (default: the config's `lang`, else the locale:
    /// Chinese unless LC_ALL / LC_MESSAGES / LANG names another language).
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// Draw the workbench with ASCII borders and marks (for terminals with poor fonts).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// How wide the terminal draws East-Asian ambiguous characters (①, “”, …, ▼, box drawing).
    /// With 2 (CJK fonts and locales often draw them two columns wide) the workbench draws
    /// them as one-column equivalents so every line fits. Default: the config's
    /// `ambiguous_width`, else 1.
    #[arg(long, global = true, value_name = "1|2", value_parser = clap::value_parser!(u8).range(1..=2))]
    pub ambiguous_width: Option<u8>,
    /// Accepted for old scripts; nothing needs it (several people may edit at once).
    #[arg(long, hide = true)]
    pub force: bool,
    /// Open without taking the lock; nothing can be changed.
    #[arg(long)]
    pub read_only: bool,
    /// Show another evaluator's scoring of the same project beside each row (read only).
    #[arg(long, value_name = "B.toml")]
    pub compare: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a project in the workbench (the same as `jixiao FILE`); `?` there lists the keys.
    Edit {
        file: PathBuf,
        /// Accepted for old scripts; nothing needs it (several people may edit at once).
        #[arg(long, hide = true)]
        force: bool,
        /// Open without taking the lock; nothing can be changed.
        #[arg(long)]
        read_only: bool,
        /// Show another evaluator's scoring of the same project beside each row (read only).
        #[arg(long, value_name = "B.toml")]
        compare: Option<PathBuf>,
    },
    /// Review a project (复核): step through every leaf that lost points, approve it or flag it
    /// with a comment. Opens the workbench in review mode; without a terminal, prints the walk.
    ///
    /// Example: jixiao review samples/rongcheng-checkup.toml --by points --compare B.toml
    Review {
        file: PathBuf,
        /// Every scored leaf, not only those that lost points.
        #[arg(long)]
        all: bool,
        /// The order of the walk: the indicator tree, or most points lost first.
        #[arg(long, value_name = "points|tree", value_parser = ["points", "tree"], default_value = "tree")]
        by: String,
        /// Accepted for old scripts; nothing needs it (several people may edit at once).
        #[arg(long, hide = true)]
        force: bool,
        /// Open without taking the lock; nothing can be changed.
        #[arg(long)]
        read_only: bool,
        /// Show another evaluator's scoring of the same project beside each leaf (read only).
        #[arg(long, value_name = "B.toml")]
        compare: Option<PathBuf>,
    },
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
        /// One JSON array of every diagnostic: file, line, column, severity, kind, subject,
        /// message (see docs/format.md).
        #[arg(long)]
        json: bool,
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
    ///
    /// With --format md|json (or --all), prints per indicator the analysis paragraph a report uses:
    /// what was found, "根据评分标准，该指标得 X 分，得分率 Y%", and each deduction with its reason.
    Explain {
        file: PathBuf,
        code: Option<String>,
        #[arg(long, value_enum)]
        format: Option<ExplainFormat>,
        /// Every scored leaf, not only those that lost points.
        #[arg(long)]
        all: bool,
        /// The language of the explanations: zh or en (default: the config's `report_lang`,
        /// else the project's `[project] language`, else Chinese).
        #[arg(long, value_name = "zh|en", value_parser = ["zh", "en"], hide_possible_values = true)]
        report_lang: Option<String>,
    },
    /// Compare two scorings of the same project (two evaluators): per indicator the score delta,
    /// deductions only one made, changed N/A, tiers and inputs, and the total and grade.
    ///
    /// Exit status: 0 when they agree, 1 when they differ, 2 when a file can't be read.
    Diff {
        a: PathBuf,
        b: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List the frameworks: built-in ones, those in ./frameworks and in the user's config
    /// directory.
    Frameworks {
        /// Machine-readable output: id, name, version, basis, built_in, path, total, leaves,
        /// levels, level1 and grades of each framework; decimals are strings.
        #[arg(long)]
        json: bool,
    },
    /// Save a project's tree as a framework, or other framework actions.
    Framework {
        #[command(subcommand)]
        action: FrameworkAction,
    },
    /// Show or change the project settings (评价设置): total, rounding (half_up|truncate),
    /// places, na_policy (rebase|redistribute), rate_places, grades="优 90, 良 80, 中 60, 差 0".
    ///
    /// Example: jixiao settings p.toml rounding=truncate grades="优秀 85, 良好 75, 合格 60, 不合格 0"
    Settings {
        file: PathBuf,
        #[arg(value_name = "KEY=VALUE")]
        assignments: Vec<String>,
    },
    /// Design the indicator tree (指标设计): add, remove, move or rename an indicator. Each
    /// prints what changed, the parents whose children no longer add up, and the total.
    ///
    /// Example: jixiao indicator add p.toml --parent C1 --name 培训完成率 --weight 2
    Indicator {
        #[command(subcommand)]
        action: IndicatorAction,
    },
    /// Three-way merge of a project file, field by field; usable as git's merge driver
    /// (`jixiao merge %O %A %B --path %P`, see docs/team.md).
    ///
    /// The result is written to OURS. Changes of both sides to different fields (different
    /// indicators, different fields of one indicator, deductions added by each) are all kept;
    /// the same field changed differently is a conflict: OURS keeps ours' value and a
    /// `[[conflicts]]` record that `jixiao check` reports until `jixiao resolve` settles it.
    ///
    /// Exit status: 0 merged cleanly, 1 conflicts recorded, 2 a file could not be read or merged.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// Who or which branch ours is, kept in conflict records.
        #[arg(long, value_name = "L", default_value = "")]
        label_ours: String,
        /// Who or which branch theirs is, kept in conflict records.
        #[arg(long, value_name = "L", default_value = "")]
        label_theirs: String,
        /// The file's name in messages (git's %P).
        #[arg(long, value_name = "P")]
        path: Option<String>,
    },
    /// Print one line per scored field (B101 资金到位率 得分 = 2.00; each deduction and evidence
    /// item on its own line): git's `diff.jixiao.textconv`, so `git diff` shows score changes.
    Show { file: PathBuf },
    /// Settle the merge conflicts recorded on one indicator (or adjustment item) by taking
    /// ours' or theirs' value. Example: jixiao resolve p.toml B101 theirs
    Resolve {
        file: PathBuf,
        code: String,
        #[arg(value_name = "ours|theirs")]
        side: String,
        /// Only the conflict of this field (score, input.NAME, year.NAME.2020, survey.NAME.1.2,
        /// deductions, structure …).
        #[arg(long)]
        field: Option<String>,
    },
    /// Set fields of one indicator: score=3, na="reason", input.NAME=1040 (one year of a
    /// per-year input: input.NAME.2020=540), survey.NAME.Q.OPTION=150 (a questionnaire count;
    /// Q may be left out on a one-question survey), tier=NAME, status=已评,
    /// unscorable="reason", checks=1,0,1, justification=@file.txt (an empty value clears);
    /// and its design: weight=2, name=…, code=NEW, explanation=…, formula=…, target=…,
    /// source=…, rule.kind=rate rule.numerator=实际到位资金 rule.denominator=预算资金 (a kind
    /// starts a new rule; rule.KEY alone changes one parameter; rule= removes the rule);
    /// 评价要点: criteria=@points.txt (one point a line), criteria+=一条 (appends),
    /// criteria-=2 (deletes point 2), criteria= (none); the report's code: shown=（一）,
    /// shown="" (the report prints no code), shown- (the key removed: the code is printed).
    Set {
        file: PathBuf,
        code: String,
        #[arg(required = true, value_name = "KEY=VALUE")]
        assignments: Vec<String>,
        /// Accepted for old scripts; nothing needs it (saves merge).
        #[arg(long, hide = true)]
        force: bool,
    },
    /// Questionnaires (问卷调查): import a platform's export into a leaf's survey.
    Survey {
        #[command(subcommand)]
        action: SurveyAction,
    },
    /// Add a deduction (扣分) with its reason to one indicator.
    Deduct {
        file: PathBuf,
        code: String,
        /// Points lost, e.g. 0.5.
        #[arg(allow_hyphen_values = true)]
        points: String,
        /// What was found.
        reason: String,
        /// Title of an evidence item of the leaf this finding rests on (repeatable).
        #[arg(long)]
        evidence: Vec<String>,
        /// Accepted for old scripts; nothing needs it (saves merge).
        #[arg(long, hide = true)]
        force: bool,
    },
    /// Manage the evidence (佐证材料) of an indicator.
    Evidence {
        #[command(subcommand)]
        action: EvidenceAction,
    },
    /// Export the 附件1 综合评分表, the level-1 summary (指标/分值/得分/得分率, 合计) and the
    /// per-indicator analysis as md, csv, html, xlsx, json or docx; with --report, the whole
    /// report (docx, md, html).
    ///
    /// Without -o, text formats go to stdout; the format follows -o's extension when --format is
    /// not given. Example: jixiao export samples/rongcheng-checkup.toml -o 查体项目.xlsx
    Export {
        file: PathBuf,
        #[arg(long, short = 'f', value_enum)]
        format: Option<documents::ExportFormat>,
        /// The file to write (replaced atomically if it exists).
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// For csv: which table (default: score).
        #[arg(long, value_enum)]
        table: Option<documents::CsvTable>,
        /// The whole report in the MoF reference outline's order (docx, md, html): 基本情况 …
        /// 其他需要说明的问题, the computed chapters generated, the free text from [report].
        #[arg(long)]
        report: bool,
        /// For docx: take styles, page margins, header and footer (a logo) from a firm's
        /// reference document, as pandoc's --reference-doc does.
        #[arg(long, value_name = "FIRM.docx")]
        template: Option<PathBuf>,
        /// The language of the generated text (explanations, 扣分点说明): zh or en (default:
        /// the config's `report_lang`, else the project's `[project] language`, else Chinese).
        #[arg(long, value_name = "zh|en", value_parser = ["zh", "en"], hide_possible_values = true)]
        report_lang: Option<String>,
    },
    /// Build a framework from an indicator table (CSV or xlsx/xls/ods): columns 一级/二级/三级指标,
    /// 分值, 指标解释, 评分标准 (Chinese or English headers; blank or merged cells = same as above;
    /// a header may take two rows and give a 分值 per level).
    ///
    /// Weights are checked (children sum to their parent) with errors as FILE:ROW. Plain 评分标准
    /// (按比率得分, ≥95%得满分, 每发现一处扣0.5分 …) become rules marked origin = "text"; a title
    /// row names it; a grade legend sets the bands. With --project, 得分 and 扣分原因 come in too.
    /// Without -o the TOML goes to stdout. Example: jixiao import 指标体系.xlsx -o
    /// frameworks/my-system.toml
    Import {
        file: PathBuf,
        /// The framework file to write (refuses to overwrite unless --force).
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// The framework's id (default: the output file's name).
        #[arg(long)]
        id: Option<String>,
        /// The framework's name (default: the input file's name).
        #[arg(long)]
        name: Option<String>,
        /// The total the level-1 weights must add up to (default: their sum).
        #[arg(long)]
        total: Option<String>,
        /// Map a column: FIELD=HEADER, or FIELD=COLUMN by letter or number (--col weight=权重分,
        /// --col weight=F, --col weight=6; fields: level1 … level9, code, weight, explanation,
        /// criteria, target, source, formula, score, notes, justification, rule). Repeatable.
        #[arg(long = "col", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
        /// Make a project, not only a framework: 得分 as scores, 扣分原因/扣分点说明 as
        /// deductions, 评分说明 as justifications, the title row as the project's name.
        #[arg(long)]
        project: bool,
        /// The sheet to read (default: the first with an indicator table).
        #[arg(long)]
        sheet: Option<String>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// One row per project: name, total, grade, each level-1 得分率, progress, file.
    ///
    /// A directory stands for the *.toml files in it. Files that cannot be read or have errors
    /// are listed on stderr and make the exit status 1.
    Summary {
        #[arg(required = true, value_name = "FILES|DIR")]
        paths: Vec<PathBuf>,
        /// name, total, grade, progress, file, or a level-1 name (numbers sort best first).
        #[arg(long, value_name = "COLUMN")]
        sort: Option<String>,
        /// Machine-readable output (the same as --format json).
        #[arg(long)]
        json: bool,
        #[arg(long, value_enum)]
        format: Option<documents::SummaryFormat>,
    },
    /// Print a shell completion script. Load it for this shell:
    /// `source <(jixiao completions bash)`; or install it once, e.g.
    /// `jixiao completions bash > ~/.local/share/bash-completion/completions/jixiao`,
    /// `jixiao completions zsh > ~/.zfunc/_jixiao`,
    /// `jixiao completions fish > ~/.config/fish/completions/jixiao.fish`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page jixiao(1) (roff) to stdout; with -o DIR, write jixiao.1 and a page
    /// per subcommand (jixiao-score.1 …) into DIR. Read it with `jixiao man | man -l -`.
    Man {
        /// A directory to write every page into (e.g. ~/.local/share/man/man1).
        #[arg(long, short = 'o', value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum FrameworkAction {
    /// Write PROJECT's tree, definitions, rules, policies and grades as a framework, without
    /// scores, evidence, deductions or anything else recorded. Example:
    /// jixiao framework save 2024-查体.toml -o frameworks/查体项目.toml
    Save {
        project: PathBuf,
        #[arg(long, short = 'o', value_name = "frameworks/NAME.toml")]
        output: PathBuf,
        /// The framework's id (default: the output file's name).
        #[arg(long)]
        id: Option<String>,
        /// The framework's name (default: the project's framework name).
        #[arg(long)]
        name: Option<String>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SurveyAction {
    /// Write the tallies of EXPORT (CSV, xlsx, xls or ods from 问卷星, 腾讯问卷 …) into the survey
    /// of leaf CODE: one row per respondent with each question's answer in its column, or a
    /// tallied table (options down the first column, a count column per question; or options
    /// across). Prints the respondents, each question's tally and the resulting rate.
    ///
    /// Example: jixiao survey import p.toml C201 满意度调查.xlsx
    Import {
        file: PathBuf,
        code: String,
        /// The questionnaire platform's export (CSV, xlsx, xls or ods).
        #[arg(value_name = "EXPORT")]
        export: PathBuf,
        /// The survey's name, when the leaf has several (or for a new one with --options).
        #[arg(long)]
        survey: Option<String>,
        /// Fill only question N (1-based) from a file holding that one question.
        #[arg(long, value_name = "N")]
        question: Option<usize>,
        /// The workbook's sheet to read (default: the first that fits).
        #[arg(long)]
        sheet: Option<String>,
        /// A new survey's options and weights in percent, when the leaf has none:
        /// "非常满意=100,满意=80,一般=60,不满意=0".
        #[arg(long, value_name = "NAME=WEIGHT,…")]
        options: Option<String>,
        /// Print what would be written; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum IndicatorAction {
    /// Add an indicator: under --parent (a level-1 indicator without it), after its last
    /// sibling or --after CODE; the code defaults to the next of the siblings' pattern.
    Add {
        file: PathBuf,
        #[arg(long, value_name = "CODE")]
        parent: Option<String>,
        /// The new code (default: proposed from the siblings, A102 → A103).
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        name: String,
        /// 分值, e.g. 2 or 2.5.
        #[arg(long)]
        weight: String,
        /// Put it right after this sibling.
        #[arg(long, value_name = "CODE")]
        after: Option<String>,
    },
    /// Remove an indicator with everything under it and everything recorded on them.
    Remove { file: PathBuf, code: String },
    /// Move an indicator (with its subtree): --up / --down among its siblings, --parent CODE
    /// or --root to another place, --after CODE to right after a sibling there.
    Move {
        file: PathBuf,
        code: String,
        #[arg(long, value_name = "CODE", conflicts_with = "root")]
        parent: Option<String>,
        /// Make it a level-1 indicator.
        #[arg(long)]
        root: bool,
        #[arg(long, conflicts_with_all = ["down", "after"])]
        up: bool,
        #[arg(long, conflicts_with = "after")]
        down: bool,
        #[arg(long, value_name = "CODE")]
        after: Option<String>,
    },
    /// Rename an indicator, and/or give it a new code (--code): its children follow.
    Rename {
        file: PathBuf,
        code: String,
        name: Option<String>,
        #[arg(long = "code", value_name = "NEW")]
        new_code: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceAction {
    /// Add an evidence item: its title, where to find it, a note.
    Add {
        file: PathBuf,
        code: String,
        title: String,
        /// Where to find it (folder, archive number, page).
        #[arg(long, default_value = "")]
        at: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Accepted for old scripts; nothing needs it (saves merge).
        #[arg(long, hide = true)]
        force: bool,
    },
}
