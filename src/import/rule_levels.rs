//! The phrases of [`super::rule_text`] that name levels rather than measure a rate: grades
//! 好/较好/一般/差, descriptive levels ("职能明确得2分；有文件但不明确得1分"), 完全/部分/未,
//! checkpoints with their points, and 酌情 judgement.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::rule_text::{Ctx, dec, re};
use crate::model::{Checkpoint, Fraction, Level, RuleKind};

/// The value after a level's description: "得4分" (points), "(80%)" (a share), "得满分",
/// "不得分".
fn level_value(after: &str) -> Option<(Option<Decimal>, Option<Fraction>)> {
    static VALUE: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^;,。]{0,12}?(?:(得满分|满分)|(不得分)|NUM(分|%))"));
    let m = VALUE.captures(after)?;
    if m.get(1).is_some() {
        return Some((None, Some(Fraction::whole(Decimal::ONE))));
    }
    if m.get(2).is_some() {
        return Some((Some(Decimal::ZERO), None));
    }
    let n = dec(&m[3])?;
    Some(if &m[4] == "%" {
        (None, Some(Fraction::whole(n / Decimal::ONE_HUNDRED)))
    } else {
        (Some(n), None)
    })
}

pub(super) fn level(name: &str, value: (Option<Decimal>, Option<Fraction>)) -> Level {
    Level {
        name: name.to_string(),
        points: value.0.unwrap_or_default(),
        fraction: value.1,
    }
}

/// "好得4分，较好得3分，一般得2分，差得0分", "好(100%)、较好(80%)、一般(60%)、差(0%)".
pub(super) fn grades(c: &Ctx) -> Option<RuleKind> {
    static GRADE: LazyLock<Regex> = LazyLock::new(|| re(r"(较好|较差|好|一般|差)"));
    let mut levels: Vec<Level> = Vec::new();
    for m in GRADE.find_iter(&c.text) {
        let name = m.as_str();
        if levels.iter().any(|l| l.name == name) {
            continue;
        }
        if let Some(v) = level_value(&c.text[m.end()..]) {
            levels.push(level(name, v));
        }
    }
    (levels.len() >= 3).then_some(RuleKind::Levels { levels })
}

/// Clauses that each end in what they earn: "职能明确得2分；有文件但不明确得1分；没有得0分".
fn clause_levels(c: &Ctx) -> Option<Vec<Level>> {
    static EARNS: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+?)的?,?(?:得满分|不得分|得NUM分)$"));
    static ANY: LazyLock<Regex> = LazyLock::new(|| re(r"得满分|不得分|得NUM分"));
    // Sentences first; a sentence that states several levels is split at its commas.
    let mut clauses: Vec<&str> = Vec::new();
    for sentence in c.text.split([';', '。']).filter(|s| !s.is_empty()) {
        if ANY.find_iter(sentence).count() > 1 {
            clauses.extend(sentence.split(',').filter(|s| !s.is_empty()));
        } else {
            clauses.push(sentence);
        }
    }
    let mut levels: Vec<Level> = Vec::new();
    let mut headings = 0;
    for clause in clauses {
        let mut clause = clause.trim_start_matches(|ch: char| {
            ('①'..='⑳').contains(&ch) || ch.is_ascii_digit() || ch == '.' || ch == ')'
        });
        // "评分标准:…" introduces; "发生突发事件的,看处置记录:…" is a situation of its own, and
        // two situations are a branch, not levels.
        if let Some((head, rest)) = clause.split_once(':') {
            if head != "评分标准" && head != "评分" {
                headings += 1;
            }
            clause = rest;
        }
        let Some(m) = EARNS.captures(clause) else {
            continue;
        };
        if clause.contains(['%', '每', '扣', '≤', '≥', '<', '>']) {
            return None;
        }
        let name = m[1].trim_end_matches([',', '的']).replace(',', "、");
        let value = if clause.ends_with("得满分") {
            (None, Some(Fraction::whole(Decimal::ONE)))
        } else if clause.ends_with("不得分") {
            (Some(Decimal::ZERO), None)
        } else {
            (Some(dec(&m[2])?), None)
        };
        if levels.iter().any(|l| l.name == name) {
            return None;
        }
        levels.push(level(&name, value));
    }
    (levels.len() >= 2 && headings < 2).then_some(levels)
}

/// "完全符合得满分，部分符合得1分，未符合不得分".
pub(super) fn complete_partial_none(c: &Ctx) -> Option<RuleKind> {
    if !(c.text.contains("完全") && c.text.contains("部分")) {
        return None;
    }
    clause_levels(c).map(|levels| RuleKind::Levels { levels })
}

/// Descriptive levels in general.
pub(super) fn levels(c: &Ctx) -> Option<RuleKind> {
    clause_levels(c).map(|levels| RuleKind::Levels { levels })
}

/// "①制度健全(1分)；②执行有效(1分)": points per 评价要点, every checkpoint with its points.
pub(super) fn checkpoints(c: &Ctx) -> Option<RuleKind> {
    static POINTS: LazyLock<Regex> = LazyLock::new(|| re(r"\(?NUM分\)?[;。,]?$"));
    let marked: Vec<&String> = c
        .lines
        .iter()
        .filter(|l| l.starts_with(|ch: char| ('①'..='⑳').contains(&ch)))
        .collect();
    if marked.len() < 2 || marked.iter().any(|l| l.contains('扣')) {
        return None;
    }
    let points = marked
        .iter()
        .map(|l| POINTS.captures(l).and_then(|m| dec(&m[1])))
        .collect::<Option<Vec<Decimal>>>()?;
    Some(RuleKind::Checkpoints {
        points: points.into_iter().map(Checkpoint::whole).collect(),
    })
}

/// "酌情得0-2分", "酌情扣分".
pub(super) fn judgement(c: &Ctx) -> Option<RuleKind> {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| re(r"NUM-NUM分"));
    if !c.text.contains("酌情") {
        return None;
    }
    let (min, max) = match RANGE.captures(&c.text) {
        Some(m) => (dec(&m[1]), dec(&m[2])),
        None => (None, None),
    };
    Some(RuleKind::Judgement { min, max })
}
