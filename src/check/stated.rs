//! The figures a report prints for a node (`stated`: one number, or several each with its
//! source) against the tool's, each difference a warning that says what the tool's figure
//! rests on: the rule, an awarded score, the children's sum, or nothing scored yet.

use rust_decimal::Decimal;

use super::{named, plain, warning};
use crate::diagnostic::{Basis, Diagnostic, Kind, Subject};
use crate::model::{Project, StatedFigure};
use crate::scoring::rounding::fixed_value;
use crate::scoring::{LeafState, Scorecard};
use crate::store::SourceMap;

/// What the tool gives for node `i`'s score, and what that rests on (a warning against a
/// printed figure names it: the rule, an awarded score, the children's sum, or nothing yet).
fn score_basis(card: &Scorecard, i: usize) -> Basis {
    match &card.nodes[i].leaf {
        None => Basis::Children,
        Some(leaf) if leaf.state.is_pending() => Basis::Pending,
        Some(leaf) if matches!(leaf.state, LeafState::Unscorable(_)) => Basis::Unscorable,
        Some(leaf) if leaf.awarded.is_some() => Basis::Awarded,
        Some(_) => Basis::Rule,
    }
}

/// The figures the report prints for node `i` (`stated`, one number or a list with sources)
/// against the tool's: each that differs is one warning naming its source.
pub(super) fn stated_figures(
    p: &Project,
    card: &Scorecard,
    map: &SourceMap,
    i: usize,
) -> Vec<Diagnostic> {
    let ind = &p.indicators[i];
    let code = &ind.code;
    let places = p.framework.places;
    // A 不适用 leaf has no score of its own to hold a printed one against.
    if ind.assessment.na.is_some() {
        return Vec::new();
    }
    let score = card.nodes[i].score;
    let mut out = Vec::new();
    if let Some(stated) = ind.stated
        && stated != score
    {
        out.push(warning(
            map.field(code, "stated"),
            Subject::indicator(code, "stated"),
            Kind::StatedScore {
                at: named(ind),
                stated: plain(stated),
                basis: score_basis(card, i),
                computed: fixed_value(score, places),
            },
        ));
    }
    let tree = &card.tree;
    for (n, s) in ind.stated_also.iter().enumerate() {
        let (basis, actual, computed) = match s.figure {
            StatedFigure::Score => (score_basis(card, i), score, fixed_value(score, places)),
            StatedFigure::Weight if tree.is_leaf(i) => {
                (Basis::Weight, ind.weight, plain(ind.weight))
            }
            StatedFigure::Weight => {
                let sum: Decimal = tree.children[i]
                    .iter()
                    .map(|&c| p.indicators[c].weight)
                    .sum();
                (Basis::Children, sum, plain(sum))
            }
        };
        if s.value == actual {
            continue;
        }
        let field = format!("stated.{n}");
        out.push(warning(
            map.field(code, &field),
            Subject::indicator(code, &field),
            Kind::StatedFigure {
                at: named(ind),
                figure: s.figure,
                stated: plain(s.value),
                source: s.source.clone(),
                basis,
                computed,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::lang::Lang;
    use crate::store::parse_project;

    const HEAD: &str =
        "[framework]\nid = \"t\"\nname = \"t\"\ntotal = 10\n[[grades]]\nname = \"优\"\nmin = 0\n";

    fn warnings(body: &str) -> (Vec<Diagnostic>, String) {
        let src = format!("{HEAD}{body}");
        let loaded = parse_project(&src).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let out = crate::check::check(&loaded)
            .into_iter()
            .filter(|d| d.subject.field().is_some_and(|f| f.starts_with("stated")))
            .collect();
        (out, src)
    }

    fn texts(ds: &[Diagnostic], lang: Lang) -> Vec<String> {
        ds.iter().map(|d| d.text(lang)).collect()
    }

    const TREE: &str = r#"
[indicators.C]
name = "产出"
weight = 10
STATED

[indicators.C1]
parent = "C"
name = "数量"
weight = 6
rule = { kind = "deductions" }
status = "已评"
LEAF

[indicators.C2]
parent = "C"
name = "质量"
weight = 4
rule = { kind = "deductions" }
status = "已评"
"#;

    fn tree(stated: &str, leaf: &str) -> String {
        TREE.replace("STATED", stated).replace("LEAF", leaf)
    }

    #[test]
    fn each_printed_figure_that_differs_is_a_warning_naming_its_source() {
        // 表3 prints 10 (what the leaves give), the prose 9.5, another table a weight of 11.
        let (ds, src) = warnings(&tree(
            "stated = [{ score = 10, source = \"表3\" }, { score = 9.5, source = \"正文第四部分\" }, { weight = 11, source = \"表1\" }, { weight = 10 }]",
            "",
        ));
        assert_eq!(
            texts(&ds, Lang::Zh),
            [
                "C 产出：正文第四部分列示得分 9.5，按下级指标合计为 10.00",
                "C 产出：表1列示分值 11，下级指标分值合计为 10",
            ]
        );
        assert_eq!(
            texts(&ds, Lang::En),
            [
                "C 产出: the report (正文第四部分) prints a score of 9.5 but the sum of its leaves gives 10.00",
                "C 产出: the report (表1) prints a weight of 11 but its children's weights add up to 10",
            ]
        );
        // Each points at its own entry of the list.
        let line = src
            .lines()
            .position(|l| l.starts_with("stated = ["))
            .unwrap()
            + 1;
        assert!(ds.iter().all(|d| d.pos.unwrap().line == line));
        assert!(ds[0].pos.unwrap().col < ds[1].pos.unwrap().col);
        assert_eq!(ds[0].subject.field(), Some("stated.1"));
        assert_eq!(ds[1].subject.field(), Some("stated.2"));
    }

    #[test]
    fn a_figure_equal_at_any_scale_is_no_warning() {
        let (ds, _) = warnings(&tree(
            "stated = [{ score = 10.00 }, { weight = 10.0, source = \"表1\" }]",
            "stated = [{ score = 6, source = \"表3\" }, { weight = 6 }]",
        ));
        assert!(ds.is_empty(), "{ds:#?}");
    }

    #[test]
    fn a_leaf_weight_is_held_against_its_own_weight() {
        let (ds, _) = warnings(&tree("", "stated = [{ weight = 5, source = \"表3\" }]"));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：表3列示分值 5，该指标分值为 6"]
        );
    }

    #[test]
    fn the_warning_says_what_the_tool_figure_rests_on() {
        // Computed by the rule.
        let (ds, _) = warnings(&tree("", "stated = 5"));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：报告列示 5，按评分规则计算为 6.00"]
        );
        // An awarded score overrides the rule: it is not "按评分规则".
        let (ds, _) = warnings(&tree("", "score = 1.5\nstated = 1"));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：报告列示 1，给定得分为 1.50"]
        );
        assert_eq!(
            texts(&ds, Lang::En),
            ["C1 数量: the report prints 1 but its awarded score is 1.50"]
        );
        let (ds, _) = warnings(&tree(
            "",
            "score = 1.5\nstated = [{ score = 1, source = \"表3\" }]",
        ));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：表3列示得分 1，给定得分为 1.50"]
        );
        // Not scored yet: its 0 is not the rule's.
        let (ds, _) = warnings(&tree("", "stated = 5").replacen("status = \"已评\"\n", "", 1));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：报告列示 5，该指标尚未评分"]
        );
        assert_eq!(
            texts(&ds, Lang::En),
            ["C1 数量: the report prints 5 but it is not scored yet"]
        );
        // No data: it counts 0 for a reason other than the rule.
        let (ds, _) = warnings(&tree("", "unscorable = \"未提供资料\"\nstated = 1"));
        assert_eq!(
            texts(&ds, Lang::Zh),
            ["C1 数量：报告列示 1，该指标无法评分，计 0.00"]
        );
    }

    #[test]
    fn a_not_applicable_leaf_holds_no_printed_score() {
        let (ds, _) = warnings(&tree(
            "",
            "na = \"本年无此业务\"\nstated = [{ score = 3, source = \"表3\" }]",
        ));
        assert!(ds.is_empty(), "{ds:#?}");
    }
}
