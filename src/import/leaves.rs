//! What a leaf's row says beyond its definition: the rule (written out in a 计分规则 column, or
//! read from the 评分标准 text), and with `--project` what the evaluators recorded — 得分 as the
//! score, 扣分原因 as deductions ("扣 0.50 分：…" as the exports write them, "…，扣0.5分" as
//! firms do, or one reason for all the points lost), 评分说明 as the justification.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::build::{Built, Finding, Options, RowMessage, Sidecar};
use super::rule_text::{self, LeafText};
use crate::model::{Deduction, Indicator, RuleKind, Status};
use crate::store::parse_decimal;

/// The cells of a leaf's rows that are not its definition.
pub struct LeafCells<'a> {
    /// 得分 and its row.
    pub score: Option<&'a (String, usize)>,
    pub notes: &'a [String],
    pub justification: &'a [String],
    /// 计分规则 (inline TOML) and its row.
    pub rule: Option<&'a (String, usize)>,
}

pub fn fill(b: &mut Built, index: usize, cells: &LeafCells, opts: &Options, sidecar: &Sidecar) {
    let fw = b.project.framework.clone();
    let ind = &mut b.project.indicators[index];
    // The export's 计分规则 sheet says the rule exactly (an empty cell: the default rule) and what
    // it reads, so the criteria text is not read again.
    let side = sidecar.by_code.get(&ind.code);
    let mut record = None;
    if let Some(side) = side {
        if ind.target.is_empty() {
            ind.target = side.target.clone();
        }
        let rule = cells.rule.map_or(side.rule.as_str(), |(r, _)| r.as_str());
        let lines = if opts.project {
            side.record.as_str()
        } else {
            ""
        };
        match crate::store::rule_toml::parse_leaf(rule, lines) {
            Ok((rule, a)) => {
                ind.rule = rule;
                record = Some(a);
            }
            Err(problem) => b.warnings.push(RowMessage::error(
                side.row,
                Finding::SideRuleUnreadable {
                    sheet: crate::report::score_table_xlsx::RULES_SHEET.to_string(),
                    name: ind.name.clone(),
                    problem,
                },
            )),
        }
    } else if let Some((text, row)) = cells.rule {
        match crate::store::rule_toml::parse(text) {
            Ok(rule) => ind.rule = rule,
            Err(problem) => b.warnings.push(RowMessage::error(
                *row,
                Finding::RuleUnreadable {
                    name: ind.name.clone(),
                    problem,
                },
            )),
        }
    } else if !ind.criteria.is_empty() || !ind.formula.is_empty() {
        let leaf = LeafText {
            name: &ind.name,
            weight: ind.weight,
            criteria: &ind.criteria,
            formula: &ind.formula,
            target: &ind.target,
        };
        match rule_text::read(&leaf) {
            Some((rule, phrase)) => {
                ind.rule = rule;
                b.rules_read.push((ind.code.clone(), phrase));
            }
            None if !ind.criteria.is_empty() => b.rules_unread.push(ind.code.clone()),
            None => {}
        }
    }
    if !opts.project {
        return;
    }
    // Lines of an export's 扣分点说明 that are not deductions are its explanation, which the
    // rule gives again; a firm's are the evaluator's words.
    assess(ind, cells, side.is_some(), &mut b.warnings);
    if ind.rule.from_text {
        check_read_rule(b, index, &fw);
        return;
    }
    let ind = &mut b.project.indicators[index];
    if let Some(r) = record {
        let a = &mut ind.assessment;
        a.inputs = r.inputs;
        a.yearly = r.yearly;
        a.tier = r.tier;
        a.checks = r.checks;
        // An awarded score the rule gives anyway is not an awarded score.
        if let Some(awarded) = a.score
            && !matches!(ind.rule.kind, RuleKind::Judgement { .. })
        {
            a.score = None;
            let out = crate::scoring::score_leaf(ind, ind.weight, &fw);
            let same =
                matches!(out.state, crate::scoring::LeafState::Scored) && out.score == awarded;
            if !same {
                ind.assessment.score = Some(awarded);
            }
        }
    }
}

/// A rule read from the text on a scored leaf: the level whose points are the score is the
/// chosen one; a rule that cannot give the sheet's score from what the sheet records (a level
/// no score matches, checkpoints) goes back to text, said in a warning, so the project loads
/// without errors.
fn check_read_rule(b: &mut Built, index: usize, fw: &crate::model::FrameworkInfo) {
    let ind = &mut b.project.indicators[index];
    let Some(score) = ind.assessment.score else {
        return;
    };
    if let RuleKind::Levels { levels } = &ind.rule.kind
        && let Some(l) = levels.iter().find(|l| l.points_of(ind.weight) == score)
    {
        ind.assessment.tier = Some(l.name.clone());
        ind.assessment.score = None;
    }
    let out = crate::scoring::score_leaf(ind, ind.weight, fw);
    if let crate::scoring::LeafState::Error(e) = out.state {
        b.warnings.push(RowMessage::of_table(
            false,
            Finding::RuleCannotScore {
                code: ind.code.clone(),
                name: ind.name.clone(),
                rule: ind.rule.kind.name().to_string(),
                error: e,
            },
        ));
        ind.rule = crate::model::Rule::default();
        ind.assessment.score = Some(score);
        ind.assessment.tier = None;
        b.rules_read.retain(|(c, _)| *c != ind.code);
        b.rules_unread.push(ind.code.clone());
    }
}

/// "扣 0.50 分：理由" (the exports) or "理由，扣0.5分" (firms' sheets).
fn deduction_line(line: &str) -> Option<Deduction> {
    static LEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^扣\s*(\d+(?:\.\d+)?)\s*分\s*[:：]\s*(.*)$").expect("valid"));
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.*?)[，,；;]?\s*扣\s*(\d+(?:\.\d+)?)\s*分[。；;.]?$").expect("valid")
    });
    let (points, reason) = if let Some(m) = LEADING.captures(line) {
        (m[1].to_string(), m[2].to_string())
    } else {
        let m = TRAILING.captures(line)?;
        (m[2].to_string(), m[1].to_string())
    };
    let (reason, evidence) = split_citation(&reason);
    let reason = if reason == "（未写明扣分原因）" {
        String::new()
    } else {
        reason
    };
    Some(Deduction {
        points: Some(parse_decimal(&points)?),
        reason,
        evidence,
        ..Deduction::default()
    })
}

/// "理由（佐证：绩效目标表、会议纪要）" → ("理由", ["绩效目标表", "会议纪要"]), and the English
/// "reason (evidence: a, b)": the exports cite each finding's evidence so, and an exported sheet
/// imports with its citations.
fn split_citation(reason: &str) -> (String, Vec<String>) {
    let r = reason.trim();
    for (open, close, sep) in [("（佐证：", '）', "、"), (" (evidence: ", ')', ", ")] {
        if let Some(body) = r.strip_suffix(close)
            && let Some(at) = body.rfind(open)
        {
            let titles: Vec<String> = split_outside_brackets(&body[at + open.len()..], sep)
                .into_iter()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            if !titles.is_empty() {
                return (body[..at].trim_end().to_string(), titles);
            }
        }
    }
    (r.to_string(), Vec::new())
}

/// `text` split at each `sep` that is not inside brackets: a title may itself hold a list
/// ("平台资料（呼入次数、入网人数）").
fn split_outside_brackets<'a>(text: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '《' | '【' | '“' => depth += 1,
            '）' | ')' | '》' | '】' | '”' => depth -= 1,
            _ if depth == 0 && text[i..].starts_with(sep) && i >= start => {
                out.push(&text[start..i]);
                start = i + sep.len();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

fn assess(ind: &mut Indicator, cells: &LeafCells, generated: bool, msgs: &mut Vec<RowMessage>) {
    let a = &mut ind.assessment;
    let mut notes: Vec<String> = cells.notes.to_vec();
    let mut justification: Vec<String> = cells.justification.to_vec();
    let prefixed = |notes: &mut Vec<String>, prefixes: &[&str]| -> Option<String> {
        let k = notes
            .iter()
            .position(|l| prefixes.iter().any(|p| l.starts_with(p)))?;
        let line = notes.remove(k);
        let reason = prefixes
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or("")
            .trim_start_matches(['：', ':'])
            .trim()
            .to_string();
        Some(reason)
    };
    if let Some((text, row)) = cells.score {
        let text = text.trim();
        match text {
            "不适用" | "—" | "-" | "N/A" | "n/a" => {
                let reason = prefixed(&mut notes, &["不适用"]).unwrap_or_default();
                a.na = Some(if reason.is_empty() {
                    "不适用".into()
                } else {
                    reason
                });
                a.status = Status::Scored;
            }
            "未完成" | "未评" => {
                prefixed(&mut notes, &["未完成"]);
            }
            _ => match parse_decimal(text.trim_end_matches('分').trim()) {
                None => msgs.push(RowMessage::error(
                    *row,
                    Finding::ScoreNotNumber {
                        name: ind.name.clone(),
                        text: text.to_string(),
                    },
                )),
                Some(s) if s < Decimal::ZERO || s > ind.weight => msgs.push(RowMessage::error(
                    *row,
                    Finding::ScoreOutside {
                        name: ind.name.clone(),
                        score: s,
                        weight: ind.weight,
                    },
                )),
                Some(s) => {
                    a.status = Status::Scored;
                    if let Some(r) = prefixed(&mut notes, &["无法评分，该指标不得分", "无法评分"])
                    {
                        a.unscorable = Some(if r.is_empty() {
                            "无法评分".into()
                        } else {
                            r
                        });
                    }
                    let mut deductions = Vec::new();
                    let mut rest = Vec::new();
                    for line in notes.drain(..) {
                        match deduction_line(&line) {
                            Some(d) => deductions.push(d),
                            None => rest.push(line),
                        }
                    }
                    if generated {
                        rest.clear();
                    }
                    let lost = ind.weight - s;
                    if deductions.is_empty() && lost > Decimal::ZERO && !rest.is_empty() {
                        let (reason, evidence) =
                            split_citation(&std::mem::take(&mut rest).join("\n"));
                        deductions.push(Deduction {
                            points: Some(lost),
                            reason,
                            evidence,
                            ..Deduction::default()
                        });
                    }
                    justification.splice(0..0, rest);
                    let sum: Decimal = deductions.iter().filter_map(|d| d.points).sum();
                    let made_by_deductions = matches!(ind.rule.kind, RuleKind::Deductions { .. })
                        && ind.rule.max.is_none()
                        && ind.rule.veto.is_empty()
                        && a.unscorable.is_none()
                        && sum == lost;
                    if !made_by_deductions {
                        a.score = Some(s);
                    }
                    // Each cited title becomes the leaf's evidence record, so the citation
                    // points at something (check warns about a citation of nothing).
                    for title in deductions.iter().flat_map(|d| &d.evidence) {
                        if !a.evidence.iter().any(|e| &e.title == title) {
                            a.evidence.push(crate::model::Evidence {
                                title: title.clone(),
                                ..Default::default()
                            });
                        }
                    }
                    a.deductions = deductions;
                }
            },
        }
    }
    justification.extend(notes);
    a.justification = justification.join("\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deduction_lines_as_exports_and_firms_write_them() {
        let d = deduction_line("扣 0.50 分：档案不全").unwrap();
        assert_eq!(
            (d.points, d.reason.as_str()),
            (parse_decimal("0.5"), "档案不全")
        );
        let d = deduction_line("部分绩效指标设置不合理，扣1分。").unwrap();
        assert_eq!(
            (d.points, d.reason.as_str()),
            (parse_decimal("1"), "部分绩效指标设置不合理")
        );
        assert!(deduction_line("资金到位率 = 1040 ÷ 1580 = 65.82%").is_none());
        let d = deduction_line("扣 1.00 分：目标不明确（佐证：绩效目标表、会议纪要）").unwrap();
        assert_eq!(d.reason, "目标不明确");
        assert_eq!(d.evidence, ["绩效目标表", "会议纪要"]);
        let d = deduction_line("扣 1 分：频率低（佐证：平台资料（呼入次数、入网人数）、走访记录）")
            .unwrap();
        assert_eq!(d.evidence, ["平台资料（呼入次数、入网人数）", "走访记录"]);
        // Brackets inside a reason are not a citation.
        let d = deduction_line("扣 1 分：缺少方案（实施方案）").unwrap();
        assert_eq!(d.reason, "缺少方案（实施方案）");
        assert!(d.evidence.is_empty());
    }
}
