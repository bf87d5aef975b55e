//! The consistency warnings a reviewer (复核) relies on, each with a small file that triggers it
//! and one that does not: a justification stating another score or 得分率 than the computed
//! one, a deduction without a reason, evidence cited but not listed, and points lost with no
//! deduction or justification saying why. They show in `check` (located) and in the workbench.

use jixiao::check::check;
use jixiao::diagnostic::{Diagnostic, Severity};
use jixiao::store::{ProjectFile, parse_project};
use jixiao::tui::app::{App, Options};
use jixiao::tui::{Lang, Theme};

/// One level-1 indicator `A` 决策 (4 points) with one leaf `A1` 立项依据充分性 (4 points), whose
/// table continues with `body`.
fn project(body: &str) -> String {
    format!(
        r#"[framework]
id = "test"
name = "测试框架"
total = 4

[[grades]]
name = "优"
min = 3.6
[[grades]]
name = "差"
min = 0

[indicators.A]
name = "决策"
weight = 4

[indicators.A1]
parent = "A"
name = "立项依据充分性"
weight = 4
status = "已评"
{body}
"#
    )
}

fn warnings(src: &str) -> Vec<Diagnostic> {
    let loaded = parse_project(src).expect("valid TOML");
    check(&loaded)
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

fn line_of(src: &str, needle: &str) -> usize {
    src.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the file"))
        + 1
}

/// The one warning containing `part`, which must sit on the line containing `at`.
fn warned(src: &str, part: &str, at: &str) -> Diagnostic {
    let all = warnings(src);
    let hits: Vec<&Diagnostic> = all.iter().filter(|d| d.message().contains(part)).collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one warning with {part:?}: {all:#?}"
    );
    assert_eq!(
        hits[0].pos.map(|p| p.line),
        Some(line_of(src, at)),
        "{:#?}",
        hits[0]
    );
    hits[0].clone()
}

fn clean(src: &str) {
    let all = warnings(src);
    assert!(all.is_empty(), "expected no warnings: {all:#?}\n{src}");
}

/// The workbench marks the leaf: its check warnings are the ones `check` gives.
fn workbench_warnings(src: &str) -> Vec<String> {
    let file = ProjectFile::from_text(std::path::Path::new("p.toml"), src).unwrap();
    let app = App::new(
        file,
        Options {
            lang: Lang::Zh,
            theme: Theme {
                color: false,
                ascii: true,
            },
            read_only: None,
        },
    );
    let i = app.project().index_of("A1").unwrap();
    app.node_diagnostics[i]
        .iter()
        .map(|d| d.message().clone())
        .collect()
}

const ONE_POINT_LOST: &str = r#"
[[indicators.A1.deductions]]
points = 1
reason = "立项依据文件不全"
"#;

// ─── A justification stating another score ────────────────────────────────────────────────

#[test]
fn a_justification_stating_another_score_is_flagged() {
    let src = project(&format!(
        "justification = \"依据文件不全。根据评分标准，该指标得3.5分，得分率75%。\"\n{ONE_POINT_LOST}"
    ));
    let w = warned(
        &src,
        "the justification states 3.5 points",
        "justification =",
    );
    assert_eq!(
        w.message(),
        "A1 立项依据充分性: the justification states 3.5 points but the score is 3.00"
    );
    assert!(
        workbench_warnings(&src)
            .iter()
            .any(|m| m.contains("states 3.5 points"))
    );
}

#[test]
fn a_justification_stating_the_computed_score_is_not_flagged() {
    clean(&project(&format!(
        "justification = \"依据文件不全。根据评分标准，该指标得3分，得分率75%。\"\n{ONE_POINT_LOST}"
    )));
    // Written with two places, as reports do, it is the same score.
    clean(&project(&format!(
        "justification = \"根据评分标准，该指标得 3.00 分，得分率 75.00%。\"\n{ONE_POINT_LOST}"
    )));
}

// ─── A justification stating another 得分率 ───────────────────────────────────────────────

#[test]
fn a_justification_stating_another_rate_is_flagged() {
    let src = project(&format!(
        "justification = \"依据文件不全。根据评分标准，该指标得3分，得分率80%。\"\n{ONE_POINT_LOST}"
    ));
    let w = warned(&src, "得分率 of 80%", "justification =");
    assert_eq!(
        w.message(),
        "A1 立项依据充分性: the justification states a 得分率 of 80% but it is 75.00%"
    );
    assert!(!workbench_warnings(&src).is_empty());
}

#[test]
fn a_justification_stating_the_computed_rate_is_not_flagged() {
    // 2.67 of 4 is 66.75%; a report that rounds to one place (66.8%) says the same.
    let src = |rate: &str| {
        project(&format!(
            "justification = \"根据评分标准，该指标得2.67分，得分率{rate}。\"\n\
             [[indicators.A1.deductions]]\npoints = 1.33\nreason = \"部分指标不可衡量\"\n"
        ))
    };
    clean(&src("66.75%"));
    clean(&src("66.8%"));
}

// ─── A deduction without a reason ─────────────────────────────────────────────────────────

#[test]
fn a_deduction_without_a_reason_is_flagged_where_it_is_written() {
    let src = project(
        "justification = \"依据文件不全。\"\n\n[[indicators.A1.deductions]]\npoints = 1\nreason = \"  \"\n",
    );
    let w = warned(&src, "a deduction has no reason", "points = 1");
    assert_eq!(
        w.message(),
        "A1: a deduction has no reason; expected reason = \"what was found\""
    );
    assert!(
        workbench_warnings(&src)
            .iter()
            .any(|m| m.contains("no reason"))
    );
}

#[test]
fn a_deduction_with_its_reason_is_not_flagged() {
    clean(&project(ONE_POINT_LOST));
}

// ─── Evidence cited but not listed ────────────────────────────────────────────────────────

const EVIDENCE: &str = r#"
[[indicators.A1.evidence]]
title = "立项批复"
at = "档案盒2/第3页"
"#;

#[test]
fn evidence_cited_but_not_listed_is_flagged() {
    let src = project(&format!(
        "{EVIDENCE}\n[[indicators.A1.deductions]]\npoints = 1\nreason = \"未经集体决策\"\nevidence = [\"立项批复\", \"会议纪要\"]\n"
    ));
    let w = warned(&src, "\"会议纪要\"", "points = 1");
    assert_eq!(
        w.message(),
        "A1: deduction cites evidence \"会议纪要\" which is not in the leaf's evidence list"
    );
    assert!(
        !warnings(&src)
            .iter()
            .any(|d| d.message().contains("立项批复"))
    );
    assert!(
        workbench_warnings(&src)
            .iter()
            .any(|m| m.contains("会议纪要"))
    );
}

#[test]
fn evidence_cited_and_listed_is_not_flagged() {
    clean(&project(&format!(
        "{EVIDENCE}\n[[indicators.A1.deductions]]\npoints = 1\nreason = \"未经集体决策\"\nevidence = [\"立项批复\"]\n"
    )));
}

// ─── Points lost without a deduction or an explanation ────────────────────────────────────

#[test]
fn points_lost_with_nothing_saying_why_are_flagged() {
    let src = project("rule = { kind = \"judgement\" }\nscore = 2.5");
    let w = warned(&src, "loses 1.50 points", "[indicators.A1]");
    assert!(
        w.message()
            .starts_with("A1 立项依据充分性: loses 1.50 points but no deduction gives a reason"),
        "{}",
        w.message()
    );
    // A deduction with no reason does not say why either.
    let src = project(
        "rule = { kind = \"judgement\" }\nscore = 3\n\n[[indicators.A1.deductions]]\npoints = 1\nreason = \"\"\n",
    );
    warned(&src, "loses 1.00 points", "[indicators.A1]");
    assert!(
        workbench_warnings(&src)
            .iter()
            .any(|m| m.contains("loses 1.00 points"))
    );
}

#[test]
fn points_lost_with_a_deduction_or_a_justification_are_not_flagged() {
    // A deduction with its reason.
    clean(&project(&format!(
        "rule = {{ kind = \"judgement\" }}\nscore = 3\n{ONE_POINT_LOST}"
    )));
    // A judgement whose 评价说明 says why.
    clean(&project(
        "rule = { kind = \"judgement\" }\nscore = 2.5\njustification = \"立项文件不全，酌情扣1.5分。\"",
    ));
    // Full marks need no explanation.
    clean(&project("rule = { kind = \"judgement\" }\nscore = 4"));
    // A rule that computes its result explains itself (the arithmetic is the explanation).
    clean(&project(
        "rule = { kind = \"rate\", numerator = \"实际\", denominator = \"预算\" }\ninputs = { \"实际\" = 90, \"预算\" = 100 }",
    ));
}
