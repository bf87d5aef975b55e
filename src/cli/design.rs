//! `jixiao indicator add|remove|move|rename`, the design keys of `jixiao set` (weight, name,
//! code, texts, rule.*) and `jixiao framework save`: the workbench's tree edits for scripts,
//! saved through the same retrying, merging path as every scripted change.

use std::path::Path;

use jixiao::edit::{self, DefinitionKey, Edit, weight_gaps};
use jixiao::model::{Project, Tree};
use jixiao::scoring::{self, rounding::fixed, rounding::plain};
use jixiao::store::{ProjectFile, parse_decimal};

use super::scripted::{Saved, apply_and_save};

fn weight(text: &str) -> Result<rust_decimal::Decimal, String> {
    parse_decimal(text.trim()).ok_or_else(|| {
        format!("weight must be a number of points such as 2 or 2.5, not \"{text}\"")
    })
}

/// The edits of `jixiao set FILE CODE key=value …`: the scoring fields as before, and the
/// design fields. All `rule.*` assignments make one rule edit; a code change comes last.
pub fn set_edits(f: &ProjectFile, code: &str, assignments: &[String]) -> Result<Vec<Edit>, String> {
    let mut edits = Vec::new();
    let mut rule: Vec<(String, String)> = Vec::new();
    let mut recode = None;
    for a in assignments {
        let Some((key, value)) = a.split_once('=') else {
            return edit::parse_assignment(code, a)
                .map(|e| vec![e])
                .map_err(|e| e.text(super::lang()));
        };
        let key = key.trim();
        let c = code.to_string();
        match key {
            "rule" => rule.push((key.to_string(), value.to_string())),
            k if k.starts_with("rule.") => rule.push((k.to_string(), value.to_string())),
            // A questionnaire count: its options are named by the leaf's survey.
            k if k.starts_with("survey.") => {
                let a = f.project().get(code).map(|i| i.assessment.clone());
                let a = a.ok_or_else(|| {
                    edit::EditError::NoIndicator {
                        code: code.to_string(),
                    }
                    .text(super::lang())
                })?;
                edits.push(
                    edit::survey_assignment(&a, code, k, value)
                        .map_err(|e| e.text(super::lang()))?,
                )
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
                None => {
                    edits.push(edit::parse_assignment(code, a).map_err(|e| e.text(super::lang()))?)
                }
            },
        }
    }
    if !rule.is_empty() {
        let current = jixiao::store::rule_text(f, code);
        let new = edit::rule_from_assignments(current.as_deref(), &rule)
            .map_err(|e| e.text(super::lang()))?;
        edits.push(Edit::SetRule {
            code: code.to_string(),
            rule: new,
        });
    }
    edits.extend(recode);
    Ok(edits)
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
        match &gap.code {
            Some(code) => println!(
                "注意：{} 分值 {}，下级指标合计 {}（相差 {signed}）",
                label(p, code),
                plain(gap.weight),
                plain(gap.children)
            ),
            None => println!(
                "注意：一级指标分值合计 {}，框架总分 {}（相差 {signed}）",
                plain(gap.children),
                plain(gap.weight)
            ),
        }
    }
}

/// What a tree edit changed, the sums that no longer hold, and the total.
fn report(saved: &Saved) -> u8 {
    let p = saved.file.project();
    let after = scoring::score(p);
    let places = p.framework.places;
    for e in &saved.edits {
        let what = match e {
            Edit::AddIndicator {
                code,
                parent,
                weight,
                ..
            } => format!(
                "新增 {}（分值 {}，{}）",
                label(p, code),
                plain(*weight),
                match parent {
                    Some(pc) => format!("上级 {}", label(p, pc)),
                    None => "一级指标".into(),
                }
            ),
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
                if gone > 1 {
                    format!("删除 {name} 及其下 {} 个指标", gone - 1)
                } else {
                    format!("删除 {name}")
                }
            }
            Edit::MoveIndicator { code, parent, .. } => {
                let siblings = edit::structure_children(p, parent.as_deref());
                let at = siblings.iter().position(|c| c == code).unwrap_or(0) + 1;
                match parent {
                    Some(pc) => format!("{} 移到 {} 下第 {at} 位", label(p, code), label(p, pc)),
                    None => format!("{} 移为第 {at} 个一级指标", label(p, code)),
                }
            }
            other => edit::describe(other),
        };
        println!("{what}");
    }
    print_weight_sums(p, &after);
    let weights: rust_decimal::Decimal = {
        let tree = Tree::build(p);
        tree.roots.iter().map(|&r| p.indicators[r].weight).sum()
    };
    println!(
        "分值合计 {}（框架总分 {}）；{}：{} → {}（已评 {}/{}）",
        plain(weights),
        plain(p.framework.total),
        if after.provisional() {
            "暂计"
        } else {
            "总分"
        },
        fixed(saved.before.total, places),
        fixed(after.total, places),
        after.scored_leaves,
        after.leaves
    );
    0
}

fn run(path: &Path, code: &str, build: &dyn Fn(&ProjectFile) -> Result<Vec<Edit>, String>) -> u8 {
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
            return Err(format!("no indicator `{pc}` to add under"));
        }
        let siblings = edit::structure_children(p, a.parent);
        let index = match a.after {
            Some(x) => {
                siblings.iter().position(|c| *c == x).ok_or_else(|| {
                    format!(
                        "`{x}` is not a child of {}; expected one of: {}",
                        a.parent.unwrap_or("the top level"),
                        siblings.join(", ")
                    )
                })? + 1
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
            return Err(format!("no indicator `{code}`"));
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
            return Err(format!("no indicator `{code}`"));
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
            others.iter().position(|c| *c == x).ok_or_else(|| {
                format!(
                    "`{x}` is not a sibling there; expected one of: {}",
                    others.join(", ")
                )
            })? + 1
        } else if m.up || m.down {
            let Some(i) = here.filter(|_| parent == current) else {
                return Err("--up and --down move among the present siblings; give --parent alone to move elsewhere".into());
            };
            if m.up {
                if i == 0 {
                    return Err(format!("{code} is already the first of its siblings"));
                }
                i - 1
            } else {
                if i >= others.len() {
                    return Err(format!("{code} is already the last of its siblings"));
                }
                i + 1
            }
        } else if parent == current {
            return Err("say where to: --parent CODE, --root, --up, --down or --after CODE".into());
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
            return Err(format!("no indicator `{code}`"));
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
            return Err("give the new name, or --code NEW for a new code".into());
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
        eprintln!(
            "{out_name}: error: a framework is a .toml file; expected -o frameworks/NAME.toml"
        );
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
            eprintln!("{out_name}: error: {e}");
            return 1;
        }
    };
    if let Some(parent) = output.parent().filter(|d| !d.as_os_str().is_empty())
        && !parent.exists()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        eprintln!(
            "{}: error: cannot create the directory: {e}",
            parent.display()
        );
        return 2;
    }
    let written = if force {
        jixiao::store::safe_write::replace(output, text.as_bytes())
    } else {
        jixiao::store::safe_write::create(output, text.as_bytes())
    };
    if let Err(e) = written {
        eprintln!(
            "{out_name}: error: {e}{}",
            if force { "" } else { " (--force replaces it)" }
        );
        return 1;
    }
    let p = &loaded.project;
    let tree = Tree::build(p);
    let leaves = (0..p.indicators.len()).filter(|&i| tree.is_leaf(i)).count();
    println!(
        "已保存框架 {}（id {id}，{} 个指标，其中末级 {leaves} 个）到 {out_name}",
        p.framework.name,
        p.indicators.len()
    );
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        println!("注意：该框架有 {errors} 处错误，jixiao check {out_name} 列出");
    }
    if !jixiao::frameworks::discovers(output) {
        println!(
            "jixiao frameworks 只列出 ./frameworks/ 和 {} 中的框架；用 jixiao new --framework {out_name} 直接使用它",
            jixiao::frameworks::user_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| "用户配置目录".into())
        );
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
                "（默认）".to_string()
            } else {
                v
            };
            println!("{} = {shown}    # {}", key.key(), key.label());
        }
        println!(
            "grades = {}    # 评价等级",
            show_grades(&file.project().grades)
        );
        return 0;
    }
    let build = |_: &ProjectFile| -> Result<Vec<Edit>, String> {
        let mut edits = Vec::new();
        for a in assignments {
            let Some((k, v)) = a.split_once('=') else {
                return Err(format!(
                    "`{a}` is not key=value; expected total, rounding, places, na_policy, rate_places or grades"
                ));
            };
            let k = k.trim();
            if k == "grades" {
                edits.push(Edit::SetGrades {
                    grades: parse_grades(v).map_err(|e| e.text(super::lang()))?,
                });
                continue;
            }
            let Some(key) = PolicyKey::parse(k) else {
                return Err(format!(
                    "unknown setting `{k}`; expected total, rounding, places, na_policy, rate_places or grades"
                ));
            };
            edits.push(Edit::SetPolicy {
                key,
                value: key.normalize(v),
            });
        }
        Ok(edits)
    };
    match apply_and_save(path, "settings", &build) {
        Ok(saved) => {
            for e in &saved.edits {
                println!("{}", edit::describe(e));
            }
            let p = saved.file.project();
            let after = scoring::score(p);
            let places = p.framework.places;
            println!(
                "{}：{} → {}（{}）",
                if after.provisional() {
                    "暂计"
                } else {
                    "总分"
                },
                fixed(saved.before.total, places),
                fixed(after.total, places),
                after.grade.clone().unwrap_or_default()
            );
            0
        }
        Err(c) => c,
    }
}
