//! `jixiao indicator add|remove|move|rename`, the design keys of `jixiao set` (weight, name,
//! code, texts, rule.*) and `jixiao framework save`: the workbench's tree edits for scripts,
//! saved through the same retrying, merging path as every scripted change.

use std::path::Path;

use jixiao::edit::{self, DefinitionKey, Edit, EditError, weight_gaps};
use jixiao::model::{Project, Tree};
use jixiao::scoring::{self, rounding::fixed, rounding::plain};
use jixiao::store::{ProjectFile, parse_decimal};

use super::scripted::{Saved, apply_and_save};
use jixiao::lang::cli::Say;
use jixiao::lang::design::{DesignNote, note};

/// `error: …` in the CLI's language.
fn fail(s: &Say) {
    let lang = super::lang();
    eprintln!(
        "{}{}",
        jixiao::lang::diagnostic::severity(jixiao::diagnostic::Severity::Error, lang),
        jixiao::lang::cli::say(lang, s)
    );
}

/// `FILE: error: …` in the CLI's language.
fn fail_in(file: &str, s: &Say) {
    let lang = super::lang();
    eprintln!(
        "{}{}",
        jixiao::lang::cli::error_in(lang, file),
        jixiao::lang::cli::say(lang, s)
    );
}

fn weight(text: &str) -> Result<rust_decimal::Decimal, EditError> {
    parse_decimal(text.trim()).ok_or_else(|| EditError::WeightNotNumber {
        text: text.to_string(),
    })
}

/// The 评价要点 after `criteria=…`, `criteria+=…`, `criteria-=N` in order: `=` replaces the
/// list (`@FILE`: one point a line, blank lines skipped; empty: none), `+=` appends one point,
/// `-=` deletes point N (from 1).
pub fn criteria_after(
    mut points: Vec<String>,
    ops: &[(&str, &str)],
) -> Result<Vec<String>, EditError> {
    for (op, value) in ops {
        match *op {
            "+" => points.push(value.trim().to_string()),
            "-" => {
                let at = value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=points.len()).contains(n))
                    .ok_or_else(|| EditError::NoCriterion {
                        text: value.trim().to_string(),
                        count: points.len(),
                    })?;
                points.remove(at - 1);
            }
            _ => {
                let text = match value.trim().strip_prefix('@') {
                    Some(path) => jixiao::store::reading::read_text_limited(
                        Path::new(path),
                        jixiao::store::reading::FIELD_LIMIT,
                        jixiao::store::reading::Reading::Justification,
                    )
                    .map_err(|e| EditError::CannotReadFile {
                        path: path.to_string(),
                        error: e.to_string(),
                        refusal: jixiao::store::reading::refusal_of(&e).map(Box::new),
                    })?,
                    None => value.to_string(),
                };
                points = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
            }
        }
    }
    Ok(points)
}

/// The edits of `jixiao set FILE CODE key=value …`: the scoring fields as before, and the
/// design fields. All `rule.*` assignments make one rule edit, all `criteria…` one 评价要点
/// edit; a code change comes last.
pub fn set_edits(
    f: &ProjectFile,
    code: &str,
    assignments: &[String],
) -> Result<Vec<Edit>, EditError> {
    let mut edits = Vec::new();
    let mut rule: Vec<(String, String)> = Vec::new();
    let mut recode = None;
    let mut criteria: Vec<(&str, &str)> = Vec::new();
    for a in assignments {
        if a.trim() == "shown-" {
            edits.push(Edit::SetShown {
                code: code.to_string(),
                shown: None,
            });
            continue;
        }
        let Some((key, value)) = a.split_once('=') else {
            return edit::parse_assignment(code, a).map(|e| vec![e]);
        };
        let key = key.trim();
        let c = code.to_string();
        match key {
            "rule" => rule.push((key.to_string(), value.to_string())),
            "criteria" => criteria.push(("=", value)),
            "criteria+" => criteria.push(("+", value)),
            "criteria-" => criteria.push(("-", value)),
            // `shown=` is a code printed as nothing; `shown-=` removes the key.
            "shown" => edits.push(Edit::SetShown {
                code: c,
                shown: Some(value.trim().to_string()),
            }),
            "shown-" => edits.push(Edit::SetShown {
                code: c,
                shown: None,
            }),
            k if k.starts_with("rule.") => rule.push((k.to_string(), value.to_string())),
            // A questionnaire count: its options are named by the leaf's survey.
            k if k.starts_with("survey.") => {
                let a = f.project().get(code).map(|i| i.assessment.clone());
                let a = a.ok_or_else(|| edit::EditError::NoIndicator {
                    code: code.to_string(),
                })?;
                edits.push(edit::survey_assignment(&a, code, k, value)?)
            }
            "weight" => edits.push(Edit::SetWeight {
                code: c,
                weight: weight(value)?,
            }),
            "name" => edits.push(Edit::SetName {
                code: c,
                name: value.trim().to_string(),
            }),
            "code" => {
                recode = Some(Edit::SetCode {
                    code: c,
                    new_code: value.trim().to_string(),
                })
            }
            k => match DefinitionKey::parse(k) {
                Some(key) => edits.push(Edit::SetDefinition {
                    code: c,
                    key,
                    text: value.to_string(),
                }),
                None => edits.push(edit::parse_assignment(code, a)?),
            },
        }
    }
    if !rule.is_empty() {
        let current = jixiao::store::rule_text(f, code);
        let new = edit::rule_from_assignments(current.as_deref(), &rule)?;
        edits.push(Edit::SetRule {
            code: code.to_string(),
            rule: new,
        });
    }
    if !criteria.is_empty() {
        let p = f.project();
        let current = p.get(code).ok_or_else(|| EditError::NoIndicator {
            code: code.to_string(),
        })?;
        edits.push(Edit::SetCriteria {
            code: code.to_string(),
            criteria: criteria_after(current.criteria.clone(), &criteria)?,
        });
    }
    edits.extend(recode);
    Ok(edits)
}

/// What a scripted edit changed: its label, and for 评价要点 the list as it now stands,
/// numbered as `criteria-=N` counts.
pub fn edit_said(e: &Edit, lang: jixiao::lang::Lang) -> String {
    let mut s = jixiao::lang::edit_label(e, lang);
    if let Edit::SetCriteria { criteria, .. } = e {
        for (k, point) in criteria.iter().enumerate() {
            s.push_str(&format!("\n  {}. {point}", k + 1));
        }
    }
    s
}

fn label(p: &Project, code: &str) -> String {
    match p.get(code) {
        Some(i) => format!("{} {}", i.code, i.name),
        None => code.to_string(),
    }
}

/// Each parent whose children don't add up (and the level-1 sum against the total): the
/// design is in progress, so it is said, not refused.
pub fn print_weight_sums(p: &Project, _card: &scoring::Scorecard) {
    for gap in weight_gaps(p) {
        let diff = gap.difference();
        let signed = if diff > rust_decimal::Decimal::ZERO {
            format!("+{}", plain(diff))
        } else {
            plain(diff)
        };
        let (weight, children) = (plain(gap.weight), plain(gap.children));
        let said = match &gap.code {
            Some(code) => note(
                &DesignNote::WeightGap {
                    label: &label(p, code),
                    weight: &weight,
                    children: &children,
                    signed: &signed,
                },
                super::lang(),
            ),
            None => note(
                &DesignNote::RootGap {
                    children: &children,
                    total: &weight,
                    signed: &signed,
                },
                super::lang(),
            ),
        };
        println!("{said}");
    }
}

/// What a tree edit changed, the sums that no longer hold, and the total.
fn report(saved: &Saved) -> u8 {
    let p = saved.file.project();
    let after = scoring::score(p);
    let places = p.framework.places;
    let lang = super::lang();
    for e in &saved.edits {
        let what = match e {
            Edit::AddIndicator {
                code,
                parent,
                weight,
                ..
            } => {
                let parent = parent.as_ref().map(|pc| label(p, pc));
                let added = DesignNote::Added {
                    label: &label(p, code),
                    weight: &plain(*weight),
                    parent: parent.as_deref(),
                };
                note(&added, lang)
            }
            Edit::RemoveIndicator { code } => {
                let gone = saved
                    .before_project
                    .as_ref()
                    .map(|b| edit::structure_subtree(b, code).len())
                    .unwrap_or(1);
                let name = saved
                    .before_project
                    .as_ref()
                    .map(|b| label(b, code))
                    .unwrap_or_else(|| code.clone());
                let removed = DesignNote::Removed {
                    label: &name,
                    below: gone.saturating_sub(1),
                };
                note(&removed, lang)
            }
            Edit::MoveIndicator { code, parent, .. } => {
                let siblings = edit::structure_children(p, parent.as_deref());
                let at = siblings.iter().position(|c| c == code).unwrap_or(0) + 1;
                let moved = label(p, code);
                match parent {
                    Some(pc) => note(
                        &DesignNote::MovedUnder {
                            label: &moved,
                            parent: &label(p, pc),
                            at,
                        },
                        lang,
                    ),
                    None => note(&DesignNote::MovedToRoot { label: &moved, at }, lang),
                }
            }
            other => edit_said(other, lang),
        };
        println!("{what}");
    }
    print_weight_sums(p, &after);
    let weights: rust_decimal::Decimal = {
        let tree = Tree::build(p);
        tree.roots.iter().map(|&r| p.indicators[r].weight).sum()
    };
    let sums = DesignNote::Sums {
        weights: &plain(weights),
        total: &plain(p.framework.total),
        provisional: after.provisional(),
        before: &fixed(saved.before.total, places),
        after: &fixed(after.total, places),
        scored: after.scored_leaves,
        leaves: after.leaves,
    };
    println!("{}", note(&sums, lang));
    0
}

fn run(
    path: &Path,
    code: &str,
    build: &dyn Fn(&ProjectFile) -> Result<Vec<Edit>, EditError>,
) -> u8 {
    match apply_and_save(path, code, build) {
        Ok(saved) => report(&saved),
        Err(c) => c,
    }
}

pub struct AddArgs<'a> {
    pub parent: Option<&'a str>,
    pub code: Option<&'a str>,
    pub name: &'a str,
    pub weight: &'a str,
    pub after: Option<&'a str>,
}

pub fn add(path: &Path, a: &AddArgs) -> u8 {
    let shown = a.code.or(a.parent).unwrap_or("indicators");
    run(path, shown, &|f| {
        let p = f.project();
        if let Some(pc) = a.parent
            && p.get(pc).is_none()
        {
            return Err(EditError::NoParentToAddUnder {
                parent: pc.to_string(),
            });
        }
        let siblings = edit::structure_children(p, a.parent);
        let index = match a.after {
            Some(x) => {
                siblings
                    .iter()
                    .position(|c| *c == x)
                    .ok_or_else(|| EditError::NotAChild {
                        code: x.to_string(),
                        parent: a.parent.map(Into::into),
                        siblings: siblings.iter().map(|s| s.to_string()).collect(),
                    })?
                    + 1
            }
            None => siblings.len(),
        };
        let code = match a.code {
            Some(c) => c.to_string(),
            None => edit::propose_code(p, a.parent),
        };
        Ok(vec![Edit::AddIndicator {
            code,
            parent: a.parent.map(str::to_string),
            index,
            name: a.name.to_string(),
            weight: weight(a.weight)?,
        }])
    })
}

pub fn remove(path: &Path, code: &str) -> u8 {
    run(path, code, &|f| {
        if f.project().get(code).is_none() {
            return Err(EditError::NoIndicator {
                code: code.to_string(),
            });
        }
        Ok(vec![Edit::RemoveIndicator {
            code: code.to_string(),
        }])
    })
}

/// Where `move` puts the indicator.
pub struct MoveArgs<'a> {
    pub parent: Option<&'a str>,
    pub root: bool,
    pub up: bool,
    pub down: bool,
    pub after: Option<&'a str>,
}

pub fn move_to(path: &Path, code: &str, m: &MoveArgs) -> u8 {
    run(path, code, &|f| {
        let p = f.project();
        let Some(ind) = p.get(code) else {
            return Err(EditError::NoIndicator {
                code: code.to_string(),
            });
        };
        let current = ind.parent.clone().filter(|q| p.get(q).is_some());
        let parent: Option<String> = if m.root {
            None
        } else {
            m.parent.map(str::to_string).or(current.clone())
        };
        let others: Vec<&str> = edit::structure_children(p, parent.as_deref())
            .into_iter()
            .filter(|c| *c != code)
            .collect();
        let here = edit::structure_children(p, parent.as_deref())
            .iter()
            .position(|c| *c == code);
        let index = if let Some(x) = m.after {
            others
                .iter()
                .position(|c| *c == x)
                .ok_or_else(|| EditError::NotASibling {
                    code: x.to_string(),
                    siblings: others.iter().map(|s| s.to_string()).collect(),
                })?
                + 1
        } else if m.up || m.down {
            let Some(i) = here.filter(|_| parent == current) else {
                return Err(EditError::UpDownAmongSiblings);
            };
            if m.up {
                if i == 0 {
                    return Err(EditError::AlreadyFirst {
                        code: code.to_string(),
                    });
                }
                i - 1
            } else {
                if i >= others.len() {
                    return Err(EditError::AlreadyLast {
                        code: code.to_string(),
                    });
                }
                i + 1
            }
        } else if parent == current {
            return Err(EditError::MoveWhere);
        } else {
            others.len()
        };
        Ok(vec![Edit::MoveIndicator {
            code: code.to_string(),
            parent,
            index,
        }])
    })
}

pub fn rename(path: &Path, code: &str, name: Option<&str>, new_code: Option<&str>) -> u8 {
    run(path, code, &|f| {
        if f.project().get(code).is_none() {
            return Err(EditError::NoIndicator {
                code: code.to_string(),
            });
        }
        let mut edits = Vec::new();
        if let Some(n) = name {
            edits.push(Edit::SetName {
                code: code.to_string(),
                name: n.to_string(),
            });
        }
        if let Some(c) = new_code {
            edits.push(Edit::SetCode {
                code: code.to_string(),
                new_code: c.to_string(),
            });
        }
        if edits.is_empty() {
            return Err(EditError::RenameWhat);
        }
        Ok(edits)
    })
}

/// `jixiao framework save PROJECT -o OUT`: the project's tree, definitions and rules as a
/// framework, without anything recorded.
pub fn framework_save(
    project: &Path,
    output: &Path,
    id: Option<&str>,
    name: Option<&str>,
    force: bool,
) -> u8 {
    let file = match jixiao::tui::open_or_report(project, super::lang()) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let out_name = output.display().to_string();
    if output.extension().is_none_or(|x| x != "toml") {
        fail_in(&out_name, &Say::FrameworkIsToml);
        return 2;
    }
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = id.unwrap_or(&stem);
    let text = jixiao::store::framework_text(&file, id, name);
    let loaded = match jixiao::store::parse_project(&text) {
        Ok(l) => l,
        Err(e) => {
            match e {
                jixiao::store::LoadError::Syntax(d) => {
                    eprintln!("{}", d.display_in(&out_name, super::lang()))
                }
                jixiao::store::LoadError::Io(e) => {
                    eprintln!(
                        "{}",
                        jixiao::lang::cli::cannot_read(super::lang(), &out_name, &e)
                    )
                }
            }
            return 1;
        }
    };
    if let Some(parent) = output.parent().filter(|d| !d.as_os_str().is_empty())
        && !parent.exists()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        let dir = parent.display().to_string();
        let why = jixiao::lang::cli::io_reason(super::lang(), &e);
        fail(&Say::CannotCreateDir { dir: &dir, why });
        return 2;
    }
    let written = if force {
        jixiao::store::safe_write::replace(output, text.as_bytes())
    } else {
        jixiao::store::safe_write::create(output, text.as_bytes())
    };
    if let Err(e) = written {
        let lang = super::lang();
        let hint = if force {
            String::new()
        } else {
            jixiao::lang::cli::say(lang, &Say::ForceReplaces)
        };
        eprintln!(
            "{}{}{hint}",
            jixiao::lang::cli::error_in(lang, &out_name),
            e.text(lang)
        );
        return 1;
    }
    let p = &loaded.project;
    let tree = Tree::build(p);
    let leaves = (0..p.indicators.len()).filter(|&i| tree.is_leaf(i)).count();
    let lang = super::lang();
    let saved = DesignNote::FrameworkSaved {
        name: &p.framework.name,
        id,
        indicators: p.indicators.len(),
        leaves,
        file: &out_name,
    };
    println!("{}", note(&saved, lang));
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        let has = DesignNote::FrameworkHasErrors {
            errors,
            file: &out_name,
        };
        println!("{}", note(&has, lang));
    }
    if !jixiao::frameworks::discovers(output) {
        let dir = jixiao::frameworks::user_dir().map(|d| d.display().to_string());
        let unlisted = DesignNote::FrameworkNotListed {
            file: &out_name,
            dir: dir.as_deref(),
        };
        println!("{}", note(&unlisted, lang));
    }
    0
}

/// `jixiao settings FILE [key=value …]`: without assignments, the settings; with them, each
/// changed as in the workbench's `S` form (grades="优 90, 良 80, 中 60, 差 0").
pub fn settings(path: &Path, assignments: &[String]) -> u8 {
    use jixiao::edit::{PolicyKey, parse_grades, show_grades};
    if assignments.is_empty() {
        let file = match jixiao::tui::open_or_report(path, super::lang()) {
            Ok(f) => f,
            Err(c) => return c,
        };
        for key in PolicyKey::ALL {
            let v = jixiao::store::policy_text(&file, key);
            let shown = if v.is_empty() {
                note(&DesignNote::Default, super::lang())
            } else {
                v
            };
            let label = jixiao::lang::policy_label(key, super::lang());
            println!("{} = {shown}    # {label}", key.key());
        }
        println!(
            "grades = {}    # {}",
            show_grades(&file.project().grades),
            jixiao::lang::grades_label(super::lang())
        );
        return 0;
    }
    let build = |_: &ProjectFile| -> Result<Vec<Edit>, EditError> {
        let mut edits = Vec::new();
        for a in assignments {
            let Some((k, v)) = a.split_once('=') else {
                return Err(EditError::SettingNotKeyValue { text: a.clone() });
            };
            let k = k.trim();
            if k == "grades" {
                edits.push(Edit::SetGrades {
                    grades: parse_grades(v)?,
                });
                continue;
            }
            let Some(key) = PolicyKey::parse(k) else {
                return Err(EditError::UnknownSetting { key: k.to_string() });
            };
            edits.push(Edit::SetPolicy {
                key,
                value: key.normalize(v),
            });
        }
        Ok(edits)
    };
    let subject = super::lang().pick("评价设置", "settings");
    match apply_and_save(path, subject, &build) {
        Ok(saved) => {
            let lang = super::lang();
            for e in &saved.edits {
                println!("{}", jixiao::lang::edit_label(e, lang));
            }
            let p = saved.file.project();
            let after = scoring::score(p);
            let places = p.framework.places;
            let total = DesignNote::SettingsTotal {
                provisional: after.provisional(),
                before: &fixed(saved.before.total, places),
                after: &fixed(after.total, places),
                grade: &after.grade.clone().unwrap_or_default(),
            };
            println!("{}", note(&total, lang));
            0
        }
        Err(c) => c,
    }
}
