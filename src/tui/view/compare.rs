//! What the compared file (`--compare B.toml`) says about one indicator, for the detail pane
//! and the review card: both scores, the deductions only one side made, other differences.

use ratatui::style::Style;

use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::App;
use crate::tui::strings::Msg;

/// What the compared file (B) says about indicator `i`, as (lead, text, style) rows: the two
/// scores, the deductions only one side made, other differences. Empty without `--compare`.
pub fn rows(app: &App, i: usize) -> Vec<(String, String, Style)> {
    let mut out = Vec::new();
    if app.compare.is_none() {
        return out;
    }
    let places = app.project().framework.places;
    let t = |m| app.t(m);
    let Some(d) = app.compared(i) else {
        let text = if app.other_score(i).is_some() {
            t(Msg::CompareAgrees)
        } else {
            t(Msg::CompareMissing)
        };
        out.push((
            t(Msg::SecCompare).to_string(),
            text.to_string(),
            app.theme.label(),
        ));
        return out;
    };
    out.push((
        String::new(),
        t(Msg::SecCompare).to_string(),
        app.theme.heading(),
    ));
    let delta = d.score_b - d.score_a;
    let signed = if delta > rust_decimal::Decimal::ZERO {
        format!("+{}", fixed(delta, places))
    } else {
        fixed(delta, places)
    };
    let style = if app.disagrees(i) {
        app.theme.disagree()
    } else {
        Style::new()
    };
    out.push((
        "  ".into(),
        app.tf(
            Msg::CompareScores,
            &[
                &fixed(d.score_a, places),
                &fixed(d.score_b, places),
                &signed,
            ],
        ),
        style,
    ));
    for (msg, list) in [(Msg::OnlyInA, &d.only_in_a), (Msg::OnlyInB, &d.only_in_b)] {
        for x in list {
            let pts = match (x.points, x.count) {
                (Some(v), _) => format!("-{}", plain(v)),
                (None, Some(n)) => format!("{}×", plain(n)),
                (None, None) => String::new(),
            };
            out.push((
                format!("  {}", t(msg)),
                format!("{pts} {}", x.reason.trim()),
                Style::new(),
            ));
        }
    }
    for n in &d.notes {
        out.push(("  ".into(), n.clone(), Style::new()));
    }
    out
}
