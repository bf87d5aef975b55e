use std::path::Path;

use jixiao::diagnostic::Diagnostic;
use jixiao::lang::Lang;
use jixiao::lang::cli::{self as cli_text, Say};

use super::lang;
use jixiao::frameworks;
use jixiao::report::printable::printable;
use jixiao::report::{json::score_json, table::score_table};
use jixiao::scoring::{self, explain};
use jixiao::store::{LoadError, Loaded, load_file};

/// Loads a file, printing why it could not be (exit 2) or its errors (exit 1).
pub fn load_or_report(path: &Path) -> Result<Loaded, u8> {
    let name = super::stdio::shown(path);
    match load_file(path) {
        Ok((_, mut loaded)) => {
            // `--report-lang` / the config's `report_lang` speak for this run's report text.
            if let Some(l) = super::report_lang() {
                loaded.project.language = Some(l);
            }
            let errors: Vec<Diagnostic> = jixiao::check::check(&loaded)
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
            if errors.is_empty() {
                Ok(loaded)
            } else {
                for e in &errors {
                    eprintln!("{}", e.display_in(&name, lang()));
                }
                eprintln!("{}", cli_text::errors_stop(lang(), &name, errors.len()));
                Err(1)
            }
        }
        Err(LoadError::Syntax(d)) => {
            eprintln!("{}", d.display_in(&name, lang()));
            Err(2)
        }
        Err(LoadError::Io(e)) => {
            eprintln!("{}", cli_text::cannot_read(lang(), &name, &e));
            Err(2)
        }
    }
}

pub fn check(files: &[std::path::PathBuf], quiet: bool, json: bool) -> u8 {
    if json {
        return check_json(files, quiet);
    }
    let mut worst = 0u8;
    for path in files {
        let name = super::stdio::shown(path);
        match load_file(path) {
            Ok((_, loaded)) => {
                let diags = jixiao::check::check(&loaded);
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                for d in diags.iter().filter(|d| !quiet || d.is_error()) {
                    println!("{}", d.display_in(&name, lang()));
                }
                if errors > 0 {
                    worst = worst.max(1);
                }
                if !quiet {
                    println!(
                        "{}",
                        cli_text::check_summary(lang(), &name, errors, warnings)
                    );
                }
            }
            Err(LoadError::Syntax(d)) => {
                println!("{}", d.display_in(&name, lang()));
                worst = 2;
            }
            Err(LoadError::Io(e)) => {
                println!("{}", cli_text::cannot_read(lang(), &name, &e));
                worst = 2;
            }
        }
    }
    worst
}

/// `check --json`: one array of every file's diagnostics; the same exit status as `check`.
fn check_json(files: &[std::path::PathBuf], quiet: bool) -> u8 {
    use jixiao::diagnostic::json::{to_json, unreadable};
    let mut worst = 0u8;
    let mut out = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match load_file(path) {
            Ok((_, loaded)) => {
                let diags = jixiao::check::check(&loaded);
                if diags.iter().any(Diagnostic::is_error) {
                    worst = worst.max(1);
                }
                out.extend(
                    diags
                        .iter()
                        .filter(|d| !quiet || d.is_error())
                        .map(|d| to_json(d, &name, lang())),
                );
            }
            Err(LoadError::Syntax(d)) => {
                out.push(to_json(&d, &name, lang()));
                worst = 2;
            }
            Err(LoadError::Io(e)) => {
                out.push(unreadable(&name, &cli_text::io_reason(lang(), &e)));
                worst = 2;
            }
        }
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&serde_json::Value::Array(out)).unwrap_or_default()
    );
    worst
}

pub fn score(path: &Path, json: bool, all: bool) -> u8 {
    let loaded = match load_or_report(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let card = scoring::score(&loaded.project);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&score_json(&loaded.project, &card)).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            score_table(&loaded.project, &card, if all { usize::MAX } else { 2 })
        );
    }
    0
}

pub fn explain(path: &Path, code: Option<&str>) -> u8 {
    let loaded = match load_or_report(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let p = &loaded.project;
    let card = scoring::score(p);
    // The explanation is report text: in the report's language, not the command line's.
    let rl = p.report_lang();
    // Everything is said through `say!` and printed at the end with control characters
    // escaped: names, reasons and evidence are pasted text.
    let mut out = String::new();
    macro_rules! say {
        ($($arg:tt)*) => {{
            out.push_str(&format!($($arg)*));
            out.push('\n');
        }};
    }
    match code {
        Some(code) => {
            let Some(i) = p.index_of(code) else {
                // 加减分项 have codes too (F1 …): explain them the same way.
                if let Some(lines) = explain::adjustment_lines(p, &card, code, rl) {
                    for line in lines {
                        println!("{}", printable(&line));
                    }
                    return 0;
                }
                eprintln!(
                    "{}{}",
                    cli_text::error_in(lang(), &path.display().to_string()),
                    cli_text::say(
                        lang(),
                        &Say::NoIndicatorOrAdjustment {
                            code: &printable(code)
                        }
                    )
                );
                return 1;
            };
            let ind = &p.indicators[i];
            // The report's code, and the key when it is another (what `set` addresses).
            let weight = jixiao::scoring::rounding::plain(ind.weight);
            say!(
                "{}{}",
                ind.label_with_key(),
                rl.pick(format!("（分值 {weight}）"), format!(" (weight {weight})"))
            );
            if !ind.target.is_empty() {
                say!("{}{}", rl.pick("目标值：", "target: "), ind.target);
            }
            for line in explain::node_lines(p, &card, i, rl) {
                say!("  {line}");
            }
            let justification = ind.assessment.justification.trim();
            if !justification.is_empty() {
                say!(
                    "{}{justification}",
                    rl.pick("评价说明：", "justification: ")
                );
            }
            for e in &ind.assessment.evidence {
                let at = match (e.at.is_empty(), rl) {
                    (true, _) => String::new(),
                    (false, Lang::Zh) => format!("（{}）", e.at),
                    (false, Lang::En) => format!(" ({})", e.at),
                };
                let note = match (e.note.is_empty(), rl) {
                    (true, _) => String::new(),
                    (false, Lang::Zh) => format!("：{}", e.note),
                    (false, Lang::En) => format!(": {}", e.note),
                };
                say!(
                    "{}{}{at}{note}",
                    rl.pick("佐证材料：", "evidence: "),
                    e.title
                );
            }
        }
        None => {
            let lost = card.leaves_with_loss();
            let n = lost.len();
            say!(
                "{} — {}",
                p.title(),
                rl.pick(
                    format!("扣分点说明（{n} 项指标失分）"),
                    format!("deductions explained ({n} indicators lost points)")
                )
            );
            for i in lost {
                say!("{}", explain::loss_summary(p, &card, i, rl));
            }
            if let Some(adj) = &card.adjustments {
                for line in &adj.lines {
                    if !line.counted.is_zero() {
                        let bonus = line.direction == jixiao::model::AdjustmentDirection::Bonus;
                        let points = line.counted.normalize();
                        let what = match (rl, bonus) {
                            (Lang::Zh, true) => format!("：加 {points} 分："),
                            (Lang::Zh, false) => format!("：减 {points} 分："),
                            (Lang::En, true) => format!(": +{points} points: "),
                            (Lang::En, false) => format!(": −{points} points: "),
                        };
                        say!("{} {}{what}{}", line.code, line.name, line.reason);
                    }
                }
                for n in &adj.notes {
                    say!("{}", n.text(rl));
                }
            }
        }
    }
    print!("{}", printable(&out));
    0
}

pub fn explain_paragraphs(
    path: &Path,
    code: Option<&str>,
    format: super::ExplainFormat,
    all: bool,
) -> u8 {
    use jixiao::report::analysis;
    let loaded = match load_or_report(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let p = &loaded.project;
    let card = scoring::score(p);
    let mut items = analysis::analyses(p, &card, all || code.is_some());
    if let Some(code) = code {
        items.retain(|a| a.code == code);
        if items.is_empty() {
            eprintln!(
                "{}{}",
                cli_text::error_in(lang(), &path.display().to_string()),
                cli_text::say(lang(), &Say::NoScoredLeaf { code })
            );
            return 1;
        }
    }
    match format {
        super::ExplainFormat::Text => print!("{}", printable(&analysis::to_text(&items))),
        super::ExplainFormat::Md => {
            print!(
                "{}",
                printable(&analysis::to_markdown(p.title(), &items, p.report_lang()))
            )
        }
        super::ExplainFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&analysis::to_json(p.title(), &items)).unwrap_or_default()
        ),
    }
    0
}

pub fn frameworks(json: bool) -> u8 {
    let all = frameworks::all();
    if json {
        let list: Vec<serde_json::Value> = all.iter().map(|f| f.to_json()).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "user_dir": frameworks::user_dir().map(|d| d.display().to_string()),
                "frameworks": list,
            }))
            .unwrap_or_default()
        );
        return 0;
    }
    if all.is_empty() {
        println!("{}", cli_text::say(lang(), &Say::NoFrameworks));
    }
    for f in all {
        let line = Say::Framework {
            id: &f.id,
            name: &f.name,
            version: &f.version.to_string(),
            leaves: f.leaves,
            origin: &f.origin.to_string(),
        };
        println!("{}", cli_text::say(lang(), &line));
    }
    match frameworks::user_dir() {
        Some(dir) => println!(
            "\nyour frameworks are read from ./{} and {}",
            frameworks::local_dir().display(),
            dir.display()
        ),
        None => println!(
            "\nyour frameworks are read from ./{}",
            frameworks::local_dir().display()
        ),
    }
    0
}

/// `error: ` / `错误：`.
fn severity_error(lang: jixiao::lang::Lang) -> &'static str {
    jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang)
}

pub fn new(framework: &str, name: Option<&str>, file: &Path) -> u8 {
    let to_stdout = super::stdio::is_stdin(file);
    if !to_stdout && file.exists() {
        eprintln!(
            "{}{}",
            cli_text::error_in(lang(), &file.display().to_string()),
            cli_text::say(lang(), &Say::AlreadyExists)
        );
        return 1;
    }
    let source = match frameworks::find(framework) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}{}", severity_error(lang()), e.text(lang()));
            return 2;
        }
    };
    let name = name.map(str::to_string).unwrap_or_else(|| {
        if to_stdout {
            return String::new();
        }
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let text = match jixiao::store::new_project_text(&source.text, &name) {
        Ok(t) => t,
        Err(e) => {
            let lang = lang();
            let framework = lang.pick("指标框架", "framework");
            let sep = lang.pick("：", ": ");
            eprintln!(
                "{}{framework} {}{sep}{}",
                severity_error(lang),
                source.id,
                e.text(lang)
            );
            return 1;
        }
    };
    if to_stdout {
        print!("{text}");
        return 0;
    }
    if let Err(e) = jixiao::store::write_new(file, &text) {
        eprintln!(
            "{}{}",
            cli_text::error_in(lang(), &file.display().to_string()),
            cli_text::say(lang(), &Say::CannotWrite { why: e.to_string() })
        );
        return 2;
    }
    println!(
        "{}",
        cli_text::say(
            lang(),
            &Say::Created {
                file: &file.display().to_string(),
                framework: &source.id,
                version: &source.version.to_string(),
            }
        )
    );
    0
}

/// How `jixiao FILE`, `jixiao edit FILE` and `jixiao review FILE` open the workbench.
#[derive(Debug, Clone)]
pub struct OpenArgs {
    pub lang: Option<String>,
    pub ascii: bool,
    /// `--ambiguous-width`.
    pub ambiguous_width: Option<u8>,
    pub read_only: bool,
    /// Another evaluator's file to show beside this one.
    pub compare: Option<std::path::PathBuf>,
    /// Start in review mode: (every scored leaf, order).
    pub review: Option<(bool, jixiao::tui::app::ReviewOrder)>,
}

/// `jixiao FILE` / `jixiao edit FILE` / `jixiao review FILE`: the workbench. Without a terminal
/// (a pipe, a script) there is nothing to draw on, so the score table (or the review walk) is
/// printed instead.
pub fn open(path: &Path, args: &OpenArgs) -> u8 {
    use jixiao::store::lock;
    use jixiao::tui::strings::{Msg, fill};
    use std::io::IsTerminal;
    // Settings: flags over the config file over the locale. A bad config file is reported
    // (file:line:col) and the defaults used; it never stops anyone working.
    let (config, config_problems) = jixiao::config::load();
    let lang = jixiao::lang::Lang::resolve(args.lang.as_deref(), config.lang.as_deref());
    for p in &config_problems {
        eprintln!("{}", p.display_in(lang));
    }
    let ascii = args.ascii || config.ascii.unwrap_or(false);
    let ambiguous_width = args.ambiguous_width.or(config.ambiguous_width);
    use super::stdio::{NoStdin, refuse};
    if let Some(code) = std::iter::once(path)
        .chain(args.compare.as_deref())
        .find_map(|p| refuse(p, NoStdin::Workbench))
    {
        return code;
    }
    if !path.exists() {
        let file = path.display().to_string();
        eprintln!(
            "{}{}",
            cli_text::error_in(lang, &file),
            cli_text::say(lang, &Say::NoSuchFile { file: &file })
        );
        return 2;
    }
    let compared = match &args.compare {
        Some(b) => match jixiao::store::load_file(b) {
            Ok((_, loaded)) => Some((b.clone(), loaded.project)),
            Err(LoadError::Syntax(d)) => {
                eprintln!("{}", d.display_in(&b.display().to_string(), lang));
                return 2;
            }
            Err(LoadError::Io(e)) => {
                eprintln!(
                    "{}{}",
                    cli_text::error_in(lang, &b.display().to_string()),
                    cli_text::say(
                        lang,
                        &Say::CannotReadCompared {
                            why: cli_text::io_reason(lang, &e)
                        }
                    )
                );
                return 2;
            }
        },
        None => None,
    };
    let setup = |app: &mut jixiao::tui::App| {
        app.reviewer = config.reviewer_name();
        app.report_lang = config
            .report_lang
            .as_deref()
            .and_then(jixiao::lang::Lang::parse);
        if let Some((b, project)) = compared {
            app.set_compare(b, project);
        }
        if let Some((all, order)) = args.review {
            app.start_review(all, order);
        }
        if let Some(p) = config_problems.first() {
            app.error(fill(lang, Msg::ConfigProblem, &[&p.display_in(lang)]));
        }
    };
    let interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    if !interactive {
        if args.review.is_none() {
            eprintln!(
                "{}: {}",
                path.display(),
                cli_text::say(lang, &Say::NotATerminal)
            );
            return score(path, false, false);
        }
        let file = match jixiao::tui::open_or_report(path, super::lang()) {
            Ok(f) => f,
            Err(code) => return code,
        };
        let opts = jixiao::tui::Options {
            lang,
            theme: jixiao::tui::Theme {
                color: false,
                ascii,
            },
            read_only: None,
        };
        let mut app = jixiao::tui::App::new(file, opts);
        setup(&mut app);
        print!("{}", jixiao::tui::view::review::walk_text(&mut app, 100));
        return 0;
    }
    // Announce this session (dropping the guard removes it). Others with the project open do
    // not make it read-only: saves merge. A session of this host whose process is gone is
    // cleaned up and named.
    let (_guard, opened) = if args.read_only {
        (None, None)
    } else {
        let mut opened = lock::open(path);
        (opened.guard.take(), Some(opened))
    };
    let banner = args
        .read_only
        .then(|| fill(lang, Msg::ReadOnlyByChoice, &[]));
    let setup = |app: &mut jixiao::tui::App| {
        setup(app);
        app.ambiguous_width = ambiguous_width.unwrap_or(1);
        // Not set by flag or config: the terminal is asked at start-up.
        app.probe_ambiguous = ambiguous_width.is_none();
        if let Some(o) = &opened {
            app.others = o.others.iter().map(|i| i.who()).collect();
            if let Some(p) = &o.problem {
                let said = Say::CannotAnnounce {
                    dir: &p.dir,
                    why: &p.why,
                };
                app.error(cli_text::say(lang, &said));
            } else if !o.taken_over.is_empty() {
                let who: Vec<String> = o.taken_over.iter().map(|i| i.describe_in(lang)).collect();
                app.info(fill(lang, Msg::LockStale, &[&who.join(", ")]));
            }
        }
    };
    let opts = jixiao::tui::Options {
        lang,
        theme: jixiao::tui::Theme::from_env(ascii),
        read_only: banner,
    };
    jixiao::tui::run(path, opts, setup)
}
