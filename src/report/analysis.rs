//! The per-indicator analysis a report prints (指标分析): what was found, "根据评分标准，该指标得
//! X 分，得分率 Y%", and each deduction with its reason.

use serde_json::{Value, json};

use crate::lang::Lang;
use crate::model::Project;
use crate::scoring::rounding::{fixed, plain};
use crate::scoring::{LeafState, Scorecard, Step};

/// One indicator's analysis, ready to paste.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub code: String,
    /// The code the report prints (`shown`), empty when it prints none.
    pub shown: String,
    pub name: String,
    pub weight: String,
    pub score: String,
    pub rate: String,
    /// The justification, ending with the score sentence.
    pub paragraph: String,
    /// "扣 0.50 分：reason" lines.
    pub deductions: Vec<String>,
}

/// Leaves in tree order; only those that lost points unless `all`.
pub fn analyses(project: &Project, card: &Scorecard, all: bool) -> Vec<Analysis> {
    let places = project.framework.places;
    // Generated sentences are report text: in the report's language.
    let lang = project.report_lang();
    let lost: Vec<usize> = card.leaves_with_loss();
    card.tree
        .preorder()
        .into_iter()
        .filter(|&i| {
            if card.tree.is_leaf(i) {
                all || lost.contains(&i)
            } else {
                // A level-1 or level-2 node's own analysis ("决策指标分值 15 分，得分 13.67 分，
                // 主要扣分原因…"), where the evaluator wrote one.
                all && !project.indicators[i]
                    .assessment
                    .justification
                    .trim()
                    .is_empty()
            }
        })
        .filter(|&i| {
            !matches!(
                card.nodes[i].leaf.as_ref().map(|l| &l.state),
                Some(LeafState::Unscored | LeafState::Incomplete(_))
            )
        })
        .map(|i| {
            let ind = &project.indicators[i];
            let node = &card.nodes[i];
            let score = fixed(node.score, places);
            let rate = node
                .rate
                .map(|r| format!("{}%", plain(r)))
                .unwrap_or_default();
            let sentence = match node.leaf.as_ref().map(|l| &l.state) {
                Some(LeafState::NotApplicable(r)) => {
                    let r = r.trim().trim_end_matches('。');
                    lang.pick(
                        format!("该指标不适用：{r}。"),
                        format!("Not applicable: {}.", r.trim_end_matches('.')),
                    )
                }
                _ => lang.pick(
                    format!("根据评分标准，该指标得{score}分，得分率{rate}。"),
                    format!("By the scoring standard, it scores {score} points, a rate of {rate}."),
                ),
            };
            let body = ind.assessment.justification.trim();
            let parent = !card.tree.is_leaf(i);
            let paragraph = if parent || states_a_score(body) || body.contains("该指标不适用")
            {
                body.to_string()
            } else if body.is_empty() {
                sentence
            } else {
                let stop = match lang {
                    _ if body.ends_with('。') => "",
                    Lang::Zh => "。",
                    Lang::En if body.ends_with('.') => " ",
                    Lang::En => ". ",
                };
                format!("{body}{stop}{sentence}")
            };
            let deductions = node
                .leaf
                .as_ref()
                .map(|l| {
                    let lines: Vec<String> = l
                        .steps
                        .iter()
                        .filter(|s| matches!(s, Step::Deduction { .. }))
                        .map(|s| s.text(places, lang))
                        .collect();
                    with_citations(ind, lines, lang)
                })
                .unwrap_or_default();
            Analysis {
                code: ind.code.clone(),
                shown: ind.display_code().to_string(),
                name: ind.name.clone(),
                weight: plain(ind.weight),
                score,
                rate,
                paragraph,
                deductions,
            }
        })
        .collect()
}

/// Each deduction line followed by the evidence its finding cites ("（佐证：绩效目标表）"), so
/// a reader can find what each lost point rests on. The lines are the scoring's steps, one per
/// recorded deduction (every one under the `deductions` rule, those with points under others);
/// when they cannot be matched one to one, they are left as they are.
pub(crate) fn with_citations(
    ind: &crate::model::Indicator,
    lines: Vec<String>,
    lang: Lang,
) -> Vec<String> {
    let all = &ind.assessment.deductions;
    let matched: Vec<&crate::model::Deduction> = if all.len() == lines.len() {
        all.iter().collect()
    } else {
        all.iter().filter(|d| d.points.is_some()).collect()
    };
    if matched.len() != lines.len() {
        return lines;
    }
    lines
        .into_iter()
        .zip(matched)
        .map(|(line, d)| {
            let titles: Vec<&str> = d
                .evidence
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            if titles.is_empty() {
                line
            } else {
                let line = line.trim_end_matches('。');
                lang.pick(
                    format!("{line}（佐证：{}）", titles.join("、")),
                    format!("{line} (evidence: {})", titles.join(", ")),
                )
            }
        })
        .collect()
}

pub fn to_text(items: &[Analysis]) -> String {
    let mut out = String::new();
    for a in items {
        out.push_str(&format!(
            "{}：{}\n",
            super::sheet::indicator_label(&a.shown, &a.name),
            a.paragraph
        ));
        for d in &a.deductions {
            out.push_str(&format!("  {d}\n"));
        }
        out.push('\n');
    }
    out
}

/// Markdown; names, paragraphs and reasons are escaped, so a reason holding a newline, `#`,
/// `|` or raw HTML stays text in its paragraph or list item.
pub fn to_markdown(title: &str, items: &[Analysis], lang: crate::lang::Lang) -> String {
    use super::blocks_md::{inline, line};
    use crate::lang::report_words::{Word, colon, node_facts, word};
    let heading = lang.pick("指标分析", "analysis of the indicators");
    let mut out = format!("# {} — {heading}\n\n", inline(title));
    for a in items {
        let body = a
            .paragraph
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(line)
            .collect::<Vec<_>>()
            .join("\n\n");
        out.push_str(&format!(
            "### {}{}\n\n{body}\n\n",
            inline(&super::sheet::indicator_label(&a.shown, &a.name)),
            node_facts(&a.weight, Some(&a.score), Some(&a.rate), lang)
        ));
        if !a.deductions.is_empty() {
            out.push_str(&format!(
                "{}{}\n\n",
                word(Word::Notes, lang),
                colon(lang).trim_end()
            ));
            for d in &a.deductions {
                out.push_str(&format!("- {}\n", inline(d)));
            }
            out.push('\n');
        }
    }
    out
}

pub fn to_json(title: &str, items: &[Analysis]) -> Value {
    json!({
        "project": title,
        "indicators": items.iter().map(|a| {
            let mut v = json!({
                "code": a.code, "name": a.name, "weight": a.weight, "score": a.score,
                "rate": a.rate, "paragraph": a.paragraph, "deductions": a.deductions,
            });
            // The printed code only where the report prints another than the key.
            if a.shown != a.code {
                v["shown"] = json!(a.shown);
            }
            v
        }).collect::<Vec<_>>(),
    })
}

/// Whether the evaluator's paragraph already gives the leaf's score ("该指标得 1 分", "得2分",
/// "得分为 2.5 分", "该指标得分 2"): then the report's own sentence stands and none is appended
/// after it. What `check` reads as the paragraph's score counts too, so a paragraph it checks is
/// never followed by a second score.
fn states_a_score(body: &str) -> bool {
    crate::check::stated_score(body).is_some()
        || body.match_indices('得').any(|(at, _)| {
            let rest = body[at + '得'.len_utf8()..].trim_start();
            let rest = ["分为", "分", "为"]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest)
                .trim_start();
            let digits = rest
                .char_indices()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
                .last()
                .map(|(i, c)| i + c.len_utf8());
            digits.is_some_and(|end| end > 0 && rest[end..].trim_start().starts_with('分'))
        })
}

#[cfg(test)]
mod tests {
    use super::{Lang, states_a_score, with_citations};
    use crate::model::{Deduction, Indicator};

    fn cited(points: Option<&str>, evidence: &[&str]) -> Deduction {
        Deduction {
            points: points.map(|p| p.parse().unwrap()),
            reason: "r".into(),
            evidence: evidence.iter().map(|s| s.to_string()).collect(),
            ..Deduction::default()
        }
    }

    #[test]
    fn each_deduction_line_names_the_evidence_it_cites() {
        let mut ind = Indicator::default();
        ind.assessment.deductions = vec![
            cited(Some("1"), &["绩效目标表", "会议纪要"]),
            cited(Some("0.5"), &[]),
        ];
        let lines = vec!["扣 1.00 分：甲。".to_string(), "扣 0.50 分：乙".to_string()];
        assert_eq!(
            with_citations(&ind, lines, Lang::Zh),
            vec![
                "扣 1.00 分：甲（佐证：绩效目标表、会议纪要）",
                "扣 0.50 分：乙"
            ]
        );
        // Under other rules only deductions with points become lines; they still match.
        ind.assessment.deductions.insert(0, cited(None, &["x"]));
        let lines = vec!["a".to_string(), "b".to_string()];
        assert_eq!(
            with_citations(&ind, lines, Lang::Zh),
            vec!["a（佐证：绩效目标表、会议纪要）", "b"]
        );
        // Lines that cannot be matched one to one are left alone.
        assert_eq!(
            with_citations(&ind, vec!["a".to_string()], Lang::Zh),
            vec!["a"]
        );
    }

    #[test]
    fn a_paragraph_that_gives_the_score_keeps_its_own_sentence() {
        for body in [
            "根据评分标准，该指标得1分，得分率33.33%。",
            "资料齐全，得2分。",
            "按评分标准，得 2.5 分。",
            "该指标得分为3分。",
            "根据评分标准，该指标得分 2，得分率 100%。",
        ] {
            assert!(states_a_score(body), "{body}");
        }
        for body in [
            "每发现一处扣0.5分。",
            "得分率 90%。",
            "获得2项荣誉。",
            "满分 3 分。",
            "",
        ] {
            assert!(!states_a_score(body), "{body}");
        }
    }
}
