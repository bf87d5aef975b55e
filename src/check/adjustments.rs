//! 加减分项 against their own words: the points an item gives fall within its range
//! ("加 1–3 分"), and the points the report prints for it are what it counts.

use super::{adjustment, plain, warning};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::Project;
use crate::scoring::Scorecard;
use crate::store::SourceMap;

/// The range and printed-figure checks of every adjustment item.
pub(super) fn item_checks(p: &Project, card: &Scorecard, map: &SourceMap) -> Vec<Diagnostic> {
    let (Some(adj), Some(outcome)) = (&p.adjustments, &card.adjustments) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (item, line) in adj.items.iter().zip(&outcome.lines) {
        let at = |field: &str| map.nearest(&format!("adjustments.items.{}.{field}", item.code));
        let range = |stated: bool, points| Kind::AdjustmentOutOfRange {
            code: item.code.clone(),
            name: item.name.clone(),
            stated,
            points: plain(points),
            min: item.min.map(plain),
            max: item.cap.map(plain),
        };
        // Above the cap the recorded points are counted as the cap (and explained so); below
        // the minimum nothing can say what was meant, so it is pointed out. Zero is "does not
        // apply", never below the minimum.
        if let (Some(points), Some(min)) = (item.recorded(), item.min)
            && !points.is_zero()
            && points < min
        {
            let field = if item.points.is_some() {
                "points"
            } else {
                "count"
            };
            out.push(warning(
                at(field),
                adjustment(&item.code, field),
                range(false, points),
            ));
        }
        let Some(stated) = item.stated else {
            continue;
        };
        let below = item.min.is_some_and(|m| !stated.is_zero() && stated < m);
        let above = item.cap.is_some_and(|c| stated > c);
        if below || above {
            out.push(warning(
                at("stated"),
                adjustment(&item.code, "stated"),
                range(true, stated),
            ));
        } else if item.recorded().is_some() && stated != line.counted {
            out.push(warning(
                at("stated"),
                adjustment(&item.code, "stated"),
                Kind::AdjustmentStated {
                    code: item.code.clone(),
                    name: item.name.clone(),
                    stated: plain(stated),
                    by_rule: item.points.is_none(),
                    counted: plain(line.counted),
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::store::parse_project;

    /// The adjustment warnings of a project with these `[adjustments.items.*]`, in English.
    fn warnings(items: &str) -> Vec<String> {
        let src = format!(
            "[framework]\nid = \"t\"\nname = \"t\"\ntotal = 5\n[[grades]]\nname = \"优\"\nmin = 0\n\
             [indicators.A]\nname = \"产出\"\nweight = 5\nrule = {{ kind = \"deductions\" }}\nstatus = \"已评\"\n\
             [adjustments]\nbonus_cap = 5\npenalty_cap = 5\n{items}"
        );
        let loaded = parse_project(&src).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        crate::check::check(&loaded)
            .iter()
            .filter(|d| matches!(d.subject, crate::diagnostic::Subject::Adjustment { .. }))
            .map(|d| d.text(Lang::En))
            .collect()
    }

    fn item(code: &str, body: &str) -> String {
        format!("[adjustments.items.{code}]\nname = \"创新\"\nreason = \"省级推广\"\n{body}\n")
    }

    #[test]
    fn points_inside_the_range_and_as_printed_say_nothing() {
        for body in [
            "direction = \"bonus\"\nmin = 1\nmax = 3\npoints = 1\nstated = 1",
            "direction = \"bonus\"\nmin = 1\nmax = 3\npoints = 3\nstated = 3",
            // Nothing given is "does not apply", never below the minimum.
            "direction = \"bonus\"\nmin = 1\nmax = 3\npoints = 0\nstated = 0",
            // The rule's 4 is counted as the cap, 3, which is what the report prints.
            "direction = \"bonus\"\nmin = 1\ncap = 3\nper_item = 1\ncount = 4\nstated = 3",
        ] {
            assert_eq!(warnings(&item("F1", body)), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn recorded_points_below_the_minimum_are_pointed_out() {
        assert_eq!(
            warnings(&item(
                "F1",
                "direction = \"bonus\"\nmin = 1\nmax = 3\npoints = 0.5"
            )),
            ["adjustment F1 创新: the evaluators record 0.5 points, below its minimum of 1"]
        );
        assert_eq!(
            warnings(&item(
                "F1",
                "direction = \"bonus\"\nmin = 1\nper_item = 0.25\ncount = 2"
            )),
            ["adjustment F1 创新: the evaluators record 0.5 points, below its minimum of 1"]
        );
    }

    #[test]
    fn printed_points_outside_the_range_are_pointed_out() {
        assert_eq!(
            warnings(&item(
                "F1",
                "direction = \"bonus\"\nmin = 1\nmax = 3\npoints = 3\nstated = 4"
            )),
            ["adjustment F1 创新: the report prints 4 points, above its maximum of 3"]
        );
        assert_eq!(
            warnings(&item(
                "F1",
                "direction = \"penalty\"\nmin = 1\nmax = 3\npoints = 1\nstated = 0.5"
            )),
            ["adjustment F1 创新: the report prints 0.5 points, below its minimum of 1"]
        );
    }

    #[test]
    fn printed_points_that_differ_from_what_counts_name_its_basis() {
        assert_eq!(
            warnings(&item(
                "F3",
                "direction = \"penalty\"\ncap = 5\npoints = 2\nstated = 3"
            )),
            ["adjustment F3 创新: the report prints 3 points but the points counted are 2"]
        );
        assert_eq!(
            warnings(&item(
                "F5",
                "direction = \"penalty\"\nper_item = 1\ncount = 2\nstated = 3"
            )),
            ["adjustment F5 创新: the report prints 3 points but its rule gives 2"]
        );
        // Nothing recorded yet: nothing to hold the printed figure against.
        assert_eq!(
            warnings(&item("F5", "direction = \"penalty\"\nstated = 3")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn cap_and_max_together_are_refused() {
        let src = "[framework]\nid = \"t\"\nname = \"t\"\ntotal = 5\n[adjustments.items.F1]\nname = \"x\"\ndirection = \"bonus\"\ncap = 3\nmax = 3\n";
        let loaded = parse_project(src).unwrap();
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.message().contains("`cap` and `max` both"))
            .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics));
        assert_eq!(d.pos.map(|p| p.line), Some(9));
    }
}
