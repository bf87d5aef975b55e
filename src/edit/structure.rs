//! Designing the tree (指标设计): what a structure edit may do, checked on the model before the
//! document is touched, and the code a new indicator is offered (A1 → A101, A102 …).

use rust_decimal::Decimal;

use super::{Edit, EditError};
use crate::model::{Assessment, Project};

/// A definition text of an indicator, as its key in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefinitionKey {
    /// 指标解释.
    Explanation,
    /// 公式.
    Formula,
    /// 目标值 / 指标值.
    Target,
    /// 数据来源.
    Source,
}

impl DefinitionKey {
    pub const ALL: [DefinitionKey; 4] = [
        DefinitionKey::Explanation,
        DefinitionKey::Formula,
        DefinitionKey::Target,
        DefinitionKey::Source,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DefinitionKey::Explanation => "explanation",
            DefinitionKey::Formula => "formula",
            DefinitionKey::Target => "target",
            DefinitionKey::Source => "source",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DefinitionKey::Explanation => "指标解释",
            DefinitionKey::Formula => "公式",
            DefinitionKey::Target => "目标值",
            DefinitionKey::Source => "数据来源",
        }
    }

    pub fn parse(key: &str) -> Option<DefinitionKey> {
        DefinitionKey::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn read(self, ind: &crate::model::Indicator) -> &str {
        match self {
            DefinitionKey::Explanation => &ind.explanation,
            DefinitionKey::Formula => &ind.formula,
            DefinitionKey::Target => &ind.target,
            DefinitionKey::Source => &ind.source,
        }
    }
}

fn err<T>(e: EditError) -> Result<T, EditError> {
    Err(e)
}

fn no_indicator(code: &str) -> EditError {
    EditError::NoIndicator {
        code: code.to_string(),
    }
}

/// Whether `code` can name a new indicator of `p`: not empty, one word without dots or quotes
/// (it is a TOML key and is written in reports), and not already taken.
pub fn check_new_code(p: &Project, code: &str) -> Result<(), EditError> {
    if code.trim().is_empty() {
        return err(EditError::CodeNeeded);
    }
    if code
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '.' | '"' | '\'' | '#'))
    {
        return err(EditError::BadCode {
            code: code.to_string(),
        });
    }
    let taken = p.index_of(code).is_some()
        || p.adjustments
            .as_ref()
            .is_some_and(|a| a.items.iter().any(|i| i.code == code));
    if taken {
        return err(EditError::CodeTaken {
            code: code.to_string(),
        });
    }
    Ok(())
}

/// The codes of `code` and everything under it, parents before children.
pub fn subtree(p: &Project, code: &str) -> Vec<String> {
    let mut out = vec![code.to_string()];
    let mut k = 0;
    while k < out.len() {
        let here = out[k].clone();
        out.extend(
            p.indicators
                .iter()
                .filter(|i| i.parent.as_deref() == Some(here.as_str()))
                .map(|i| i.code.clone()),
        );
        k += 1;
    }
    out
}

/// The children of `parent` (None: the level-1 indicators) in file order.
pub fn children<'p>(p: &'p Project, parent: Option<&str>) -> Vec<&'p str> {
    p.indicators
        .iter()
        .filter(|i| match parent {
            Some(c) => i.parent.as_deref() == Some(c),
            None => i.parent.as_deref().is_none_or(|q| p.index_of(q).is_none()),
        })
        .map(|i| i.code.as_str())
        .collect()
}

fn check_weight(weight: Decimal) -> Result<(), EditError> {
    if weight < Decimal::ZERO {
        return err(EditError::NegativeWeight { weight });
    }
    let max = Decimal::from(1_000_000);
    if weight > max {
        return err(EditError::WeightTooLarge { max });
    }
    Ok(())
}

fn check_name(name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        return err(EditError::NameNeeded);
    }
    if name.contains('\n') {
        return err(EditError::NameOneLine);
    }
    Ok(())
}

/// A parent to put indicators under: it must exist, and a leaf that already holds a record
/// would hide it (a parent's score is the sum of its children).
fn check_parent(p: &Project, parent: Option<&str>, moving: &[String]) -> Result<(), EditError> {
    let Some(pc) = parent else {
        return Ok(());
    };
    let Some(pi) = p.get(pc) else {
        return Err(no_indicator(pc));
    };
    if moving.iter().any(|m| m == pc) {
        return err(EditError::ParentInside {
            parent: pc.to_string(),
        });
    }
    let is_leaf = !p.indicators.iter().any(|i| i.parent.as_deref() == Some(pc));
    if is_leaf && pi.assessment != Assessment::default() {
        return err(EditError::ParentHasRecords {
            parent: pc.to_string(),
        });
    }
    Ok(())
}

/// Whether a structure edit may be applied to `p`; on error nothing is touched.
pub fn validate(p: &Project, e: &Edit) -> Result<(), EditError> {
    let code = e.code();
    let exists = || p.get(code).ok_or_else(|| no_indicator(code));
    match e {
        Edit::AddIndicator {
            parent,
            name,
            weight,
            ..
        } => {
            check_new_code(p, code)?;
            check_name(name)?;
            check_weight(*weight)?;
            check_parent(p, parent.as_deref(), &[])
        }
        Edit::RestoreIndicator { parent, .. } => {
            check_new_code(p, code)?;
            check_parent(p, parent.as_deref(), &[])
        }
        Edit::RemoveIndicator { .. } => {
            exists()?;
            let gone = subtree(p, code);
            if let Some(r) = p.conflicts.iter().find(|r| gone.contains(&r.code)) {
                return err(EditError::ConflictBeforeRemove {
                    conflicted: r.code.clone(),
                    code: code.to_string(),
                });
            }
            Ok(())
        }
        Edit::SetWeight { weight, .. } => {
            let ind = exists()?;
            check_weight(*weight)?;
            let score = ind.assessment.score.filter(|s| s > weight);
            if let Some(s) = score {
                return err(EditError::ScoreAboveNewWeight {
                    code: code.to_string(),
                    score: s,
                });
            }
            Ok(())
        }
        Edit::SetName { name, .. } => {
            exists()?;
            check_name(name)
        }
        Edit::SetCode { new_code, .. } => {
            exists()?;
            if new_code == code {
                return Ok(());
            }
            check_new_code(p, new_code)?;
            if p.conflicts.iter().any(|r| r.code == code) {
                return err(EditError::ConflictBeforeRecode {
                    code: code.to_string(),
                });
            }
            Ok(())
        }
        Edit::MoveIndicator { parent, .. } => {
            exists()?;
            check_parent(p, parent.as_deref(), &subtree(p, code))
        }
        Edit::SetRule { .. }
        | Edit::SetDefinition { .. }
        | Edit::SetCriteria { .. }
        | Edit::SetShown { .. } => exists().map(|_| ()),
        Edit::SetPolicy { key, value } => key.check(value),
        Edit::SetGrades { grades } => super::settings::check_grades(grades),
        _ => Ok(()),
    }
}

/// The code a new indicator under `parent` is offered, from its siblings' pattern (A101,
/// A102 → A103; A, B, C → D), or from how other parents name their children (B1 → B101 when
/// A1's children are A101 …); never one already used.
pub fn propose_code(p: &Project, parent: Option<&str>) -> String {
    let siblings = children(p, parent);
    let start = match siblings.last() {
        Some(last) => next_code(last),
        None => first_child_code(p, parent),
    };
    let mut code = start;
    for _ in 0..1000 {
        if p.index_of(&code).is_none() {
            return code;
        }
        code = next_code(&code);
    }
    code
}

/// A102 → A103, A9 → A10, A → B, Z → Z1.
fn next_code(code: &str) -> String {
    let digits = code
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits > 0 {
        let (head, tail) = code.split_at(code.len() - digits);
        let n: u64 = tail.parse().unwrap_or(0);
        return format!("{head}{:0width$}", n + 1, width = digits);
    }
    let mut chars: Vec<char> = code.chars().collect();
    match chars.last_mut() {
        Some(c) if c.is_ascii_uppercase() && *c != 'Z' => {
            *c = (*c as u8 + 1) as char;
            chars.into_iter().collect()
        }
        Some(c) if c.is_ascii_lowercase() && *c != 'z' => {
            *c = (*c as u8 + 1) as char;
            chars.into_iter().collect()
        }
        _ => format!("{code}1"),
    }
}

/// The first child's code of a parent without children: the suffix other parents at the
/// same level give their first child ("01" in A1 → A101), else "1" under a level-1 and "01"
/// deeper; a level-1 indicator of an empty tree is "A".
fn first_child_code(p: &Project, parent: Option<&str>) -> String {
    let Some(pc) = parent else {
        return "A".into();
    };
    let depth = |code: &str| {
        let mut d = 0;
        let mut at = p.get(code);
        while let Some(i) = at {
            d += 1;
            at = i.parent.as_deref().and_then(|q| p.get(q));
            if d > p.indicators.len() {
                break;
            }
        }
        d
    };
    let level = depth(pc);
    let suffix = p
        .indicators
        .iter()
        .filter(|i| i.code != pc && depth(&i.code) == level)
        .find_map(|other| {
            let first = children(p, Some(&other.code)).first().copied()?;
            first
                .strip_prefix(other.code.as_str())
                .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
                .map(|s| format!("{:0width$}", 1, width = s.len()))
        });
    let suffix = suffix.unwrap_or_else(|| if level <= 1 { "1".into() } else { "01".into() });
    format!("{pc}{suffix}")
}

/// A parent whose children's weights don't add up to its own (or the level-1 weights against
/// the framework's total, `code` None): shown while the tree is being designed, until fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightGap {
    pub code: Option<String>,
    pub weight: Decimal,
    pub children: Decimal,
}

impl WeightGap {
    /// Children minus the parent: positive when the children hold more points.
    pub fn difference(&self) -> Decimal {
        self.children - self.weight
    }
}

/// Every parent whose children don't add up, in tree order, then the total.
pub fn weight_gaps(p: &Project) -> Vec<WeightGap> {
    let tree = crate::model::Tree::build(p);
    let mut out: Vec<WeightGap> = tree
        .preorder()
        .into_iter()
        .filter(|&i| !tree.is_leaf(i))
        .filter_map(|i| {
            let children: Decimal = tree.children[i]
                .iter()
                .map(|&c| p.indicators[c].weight)
                .sum();
            (children != p.indicators[i].weight).then(|| WeightGap {
                code: Some(p.indicators[i].code.clone()),
                weight: p.indicators[i].weight,
                children,
            })
        })
        .collect();
    let roots: Decimal = tree.roots.iter().map(|&r| p.indicators[r].weight).sum();
    if roots != p.framework.total && !p.indicators.is_empty() {
        out.push(WeightGap {
            code: None,
            weight: p.framework.total,
            children: roots,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_project;

    const TREE: &str = r#"
[framework]
total = 10
[indicators.A]
name = "决策"
weight = 10
[indicators.A1]
parent = "A"
name = "项目立项"
weight = 6
[indicators.A101]
parent = "A1"
name = "依据"
weight = 3
[indicators.A102]
parent = "A1"
name = "程序"
weight = 3
[indicators.A2]
parent = "A"
name = "绩效目标"
weight = 4
"#;

    #[test]
    fn codes_follow_the_siblings_pattern() {
        let p = parse_project(TREE).unwrap().project;
        assert_eq!(propose_code(&p, Some("A1")), "A103");
        assert_eq!(propose_code(&p, Some("A")), "A3");
        assert_eq!(propose_code(&p, None), "B");
        // A2 has no children: its first takes the pattern of A1's.
        assert_eq!(propose_code(&p, Some("A2")), "A201");
        assert_eq!(next_code("A109"), "A110");
        assert_eq!(next_code("C9"), "C10");
    }

    #[test]
    fn gaps_name_the_parent_and_the_difference() {
        let mut p = parse_project(TREE).unwrap().project;
        assert!(weight_gaps(&p).is_empty());
        p.get_mut("A101").unwrap().weight = Decimal::from(5);
        let gaps = weight_gaps(&p);
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].code.as_deref(), Some("A1"));
        assert_eq!(gaps[0].difference(), Decimal::from(2));
    }

    #[test]
    fn new_codes_are_checked() {
        let p = parse_project(TREE).unwrap().project;
        assert!(
            check_new_code(&p, "A101")
                .unwrap_err()
                .to_string()
                .contains("already")
        );
        assert!(check_new_code(&p, "A 1").is_err());
        assert!(check_new_code(&p, "A.1").is_err());
        assert!(check_new_code(&p, "").is_err());
        assert!(check_new_code(&p, "A103").is_ok());
    }

    #[test]
    fn a_new_weight_or_rule_withdraws_an_approval_and_a_new_name_does_not() {
        let mut p = parse_project(TREE).unwrap().project;
        p.get_mut("A101").unwrap().assessment.status = crate::model::Status::Reviewed;
        let weight = |w: i64| Edit::SetWeight {
            code: "A101".into(),
            weight: Decimal::from(w),
        };
        assert!(super::super::implied_status(&p, &weight(2)).is_some());
        assert!(
            super::super::implied_status(&p, &weight(3)).is_none(),
            "unchanged"
        );
        let rule = Edit::SetRule {
            code: "A101".into(),
            rule: None,
        };
        assert!(super::super::clears_approval(&p, &rule));
        let name = Edit::SetName {
            code: "A101".into(),
            name: "依据充分性".into(),
        };
        assert!(super::super::implied_status(&p, &name).is_none());
    }

    #[test]
    fn a_move_under_itself_is_refused() {
        let p = parse_project(TREE).unwrap().project;
        let e = Edit::MoveIndicator {
            code: "A1".into(),
            parent: Some("A101".into()),
            index: 0,
        };
        assert!(validate(&p, &e).unwrap_err().chinese().contains("下级"));
    }
}
