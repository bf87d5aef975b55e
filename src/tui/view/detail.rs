//! The detail pane: everything about the selected indicator — its texts, its rule and the live
//! explanation of its score, and (on a leaf) every field the evaluator records, each one
//! focusable and editable.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, inner};
use crate::diagnostic::Severity;
use crate::model::{Check, Credit, Indicator, RuleKind};
use crate::scoring::LeafState;
use crate::scoring::explain::{loss_summary, node_lines};
use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::{App, Field, Focus, Row, Section, fields, standard_count};
use crate::tui::components::text::{truncate, width, wrap_parts, wrap_text};
use crate::tui::strings::{Lang, Msg, status_label};

/// One screen line of the detail pane, and the field it belongs to (an index into `fields`).
#[derive(Debug, Clone)]
pub struct DLine {
    pub line: Line<'static>,
    pub field: Option<usize>,
}

pub(super) struct Out<'a> {
    pub(super) app: &'a App,
    width: usize,
    pub(super) lines: Vec<DLine>,
}

impl Out<'_> {
    fn push(&mut self, line: Line<'static>, field: Option<usize>) {
        self.lines.push(DLine { line, field });
    }

    /// Text wrapped to the pane, the first line after `lead`, the rest under it.
    pub(super) fn text(&mut self, lead: &str, body: &str, style: Style, field: Option<usize>) {
        let indent = width(lead);
        // A lead that leaves the body less than half the pane (a long label on a narrow pane)
        // gets a line of its own, so the body is not squeezed into a sliver beside it.
        if indent > self.width / 2 && !body.is_empty() && !lead.trim().is_empty() {
            self.text("", lead.trim_end(), style, field);
            return self.text("  ", body, style, field);
        }
        let room = self.width.saturating_sub(indent).max(1);
        for (k, l) in wrap_text(body, room).into_iter().enumerate() {
            let head = if k == 0 {
                lead.to_string()
            } else {
                " ".repeat(indent)
            };
            self.push(Line::from(Span::styled(format!("{head}{l}"), style)), field);
        }
    }

    pub(super) fn heading(&mut self, text: String) {
        let style = self.app.theme.heading();
        self.text("", &text, style, None);
    }
}

/// The detail pane's lines for the selected node at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<DLine> {
    let i = app.selected();
    let mut out = Out {
        app,
        width: width.max(1),
        lines: Vec::new(),
    };
    let p = app.project();
    let Some(ind) = p.indicators.get(i) else {
        super::adjust::lines(&mut out);
        return out.lines;
    };
    let node = &app.card.nodes[i];
    let places = p.framework.places;
    let t = |m| app.t(m);
    // A name the border cuts with "…" is given in full, wrapped, as the first lines.
    let full = ind.label_with_key();
    if crate::tui::components::text::width(&full) > title_room(width) {
        out.heading(full);
    }

    let mut summary = vec![format!(
        "{} {}",
        t(Msg::Weight),
        plain(if node.not_applicable {
            ind.weight
        } else {
            node.weight
        })
    )];
    // Nothing scored yet (or not applicable): no score to show, rather than a misleading 0.
    let blank = node.leaf.as_ref().map_or(node.scored_leaves == 0, |l| {
        l.state.is_pending() || matches!(l.state, LeafState::NotApplicable(_))
    });
    if blank {
        summary.push(format!("{} {}", t(Msg::Score), t(Msg::NotSet)));
    } else {
        summary.push(format!("{} {}", t(Msg::Score), fixed(node.score, places)));
        if let Some(r) = node.rate {
            let so_far = node
                .rate_so_far()
                .map(|r| app.tf(Msg::RateSoFar, &[&fixed(r, 2)]))
                .unwrap_or_default();
            summary.push(format!("{} {}%{so_far}", t(Msg::Rate), fixed(r, 2)));
        }
    }
    match &node.leaf {
        Some(l) => summary.push(match &l.state {
            LeafState::NotApplicable(_) => t(Msg::Na).to_string(),
            LeafState::Unscorable(_) => t(Msg::Unscorable).to_string(),
            LeafState::Incomplete(missing) => {
                app.tf(Msg::IncompleteMissing, &[&missing.join("、")])
            }
            _ => status_label(app, ind.assessment.status).to_string(),
        }),
        None => summary.push(format!(
            "{} {}/{}",
            t(Msg::Progress),
            node.scored_leaves,
            node.leaves
        )),
    }
    for l in wrap_parts(&summary, "  ", out.width) {
        out.push(Line::from(Span::styled(l, app.theme.label())), None);
    }
    for (lead, body, style) in super::compare::rows(app, i) {
        out.text(&lead, &body, style, None);
    }
    for (label, value) in [
        (Msg::Target, &ind.target),
        (Msg::DataSource, &ind.source),
        (Msg::Formula, &ind.formula),
    ] {
        if !value.trim().is_empty() {
            out.text(
                &format!("{}{}", t(label), t(Msg::Colon)),
                value.trim(),
                Style::new(),
                None,
            );
        }
    }

    let leaf = app.is_leaf(i);
    if !leaf {
        out.heading(t(Msg::SecChildren).to_string());
        for l in node_lines(p, &app.card, i, app.report_lang()) {
            out.text("  ", &l, Style::new(), None);
        }
        let mut lossy = vec![false; app.card.nodes.len()];
        for l in app.card.leaves_with_loss() {
            lossy[l] = true;
        }
        let lost: Vec<usize> = app
            .card
            .tree
            .leaves_under(i)
            .into_iter()
            .filter(|&l| lossy[l])
            .collect();
        if !lost.is_empty() {
            out.heading(t(Msg::SecLosses).to_string());
            // A level-1 node of a huge project can have thousands; the first hundred say enough
            // and keep every frame fast (L jumps through all of them).
            const SHOWN: usize = 100;
            for &l in lost.iter().take(SHOWN) {
                out.text(
                    "- ",
                    &loss_summary(p, &app.card, l, app.report_lang()),
                    Style::new(),
                    None,
                );
            }
            if lost.len() > SHOWN {
                out.text(
                    "  ",
                    &format!("… +{}", lost.len() - SHOWN),
                    Style::new(),
                    None,
                );
            }
        }
    }
    if !leaf {
        record_fields(&mut out, ind, false);
    }
    if !ind.stated_also.is_empty() {
        // Every figure the report prints, so a reviewer sees the agreeing ones too; those that
        // differ are also among the warnings below.
        out.heading(t(Msg::SecStated).to_string());
        for s in &ind.stated_also {
            let source = if s.source.trim().is_empty() {
                t(Msg::StatedNoSource)
            } else {
                s.source.trim()
            };
            let msg = match s.figure {
                crate::model::StatedFigure::Score => Msg::StatedScoreAt,
                crate::model::StatedFigure::Weight => Msg::StatedWeightAt,
            };
            let line = app.tf(msg, &[source, &plain(s.value)]);
            out.text("  ", &line, Style::new(), None);
        }
    }
    if !ind.explanation.trim().is_empty() {
        out.heading(t(Msg::SecExplanation).to_string());
        out.text("", ind.explanation.trim(), Style::new(), None);
    }
    let checkpoints = matches!(ind.rule.kind, RuleKind::Checkpoints { .. });
    if !ind.criteria.is_empty() && !checkpoints {
        out.heading(t(Msg::SecCriteria).to_string());
        for c in &ind.criteria {
            out.text("", c, Style::new(), None);
        }
    }
    if leaf {
        let kind = &ind.rule.kind;
        let name = match app.lang {
            Lang::Zh => kind.label().to_string(),
            Lang::En => format!("{} ({})", kind.name(), kind.label()),
        };
        out.heading(format!("{}{name}", t(Msg::SecRule)));
        if ind.rule.from_text {
            out.text("  ", t(Msg::RuleFromText), app.theme.warning(), None);
        }
        for l in node_lines(p, &app.card, i, app.report_lang()) {
            out.text("  ", &l, Style::new(), None);
        }
        record_fields(&mut out, ind, true);
        reviews(&mut out, ind);
    }
    let diags = &app.node_diagnostics[i];
    let conflicts: Vec<String> = p
        .conflicts
        .iter()
        .filter(|c| c.code == ind.code)
        .map(|c| {
            app.tf(
                Msg::ConflictHere,
                &[
                    &c.field.label_in(Some(&ind.assessment)),
                    &crate::model::show(c.ours.as_ref()),
                    &crate::model::show(c.theirs.as_ref()),
                ],
            )
        })
        .collect();
    if !diags.is_empty() || !conflicts.is_empty() {
        out.heading(t(Msg::SecWarnings).to_string());
        for c in conflicts {
            out.text("! ", &c, app.theme.error(), None);
        }
        for d in diags {
            let style = if d.severity == Severity::Error {
                app.theme.error()
            } else {
                app.theme.warning()
            };
            out.text("! ", &d.text(app.lang), style, None);
        }
    }
    out.lines
}

/// The review comments (复核意见) on a leaf, so its evaluator sees what the reviewer asked.
fn reviews(out: &mut Out, ind: &Indicator) {
    let app = out.app;
    if ind.assessment.reviews.is_empty() {
        return;
    }
    out.heading(app.t(Msg::SecReviews).to_string());
    for r in &ind.assessment.reviews {
        let (tag, style) = if r.approved {
            (app.t(Msg::ReviewApprovedTag), app.theme.good())
        } else {
            (app.t(Msg::ReviewFlaggedTag), app.theme.warning())
        };
        let mut s = format!("{} {}", r.by, crate::time::show_stamp(&r.at));
        if !r.text.trim().is_empty() {
            s.push_str(&format!("{}{}", app.t(Msg::Colon), r.text.trim()));
        }
        out.text(&format!("  [{tag}] "), &s, style, None);
    }
}

pub(super) fn value_or_dash(app: &App, v: Option<String>) -> String {
    v.filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| app.t(Msg::NotSet).to_string())
}

/// The fields the evaluator records: all of a leaf's, or a parent's analysis paragraph.
fn record_fields(out: &mut Out, ind: &Indicator, leaf: bool) {
    let app = out.app;
    let t = |m| app.t(m);
    let kv = |label: Msg, value: String| format!("{}{}{value}", t(label), t(Msg::Colon));
    let a = &ind.assessment;
    let list = fields(app.project(), leaf, app.selected());
    let detail_focused = app.focus == Focus::Detail && app.popup.is_none();
    let mut section = None;
    for (k, f) in list.iter().enumerate() {
        if section != Some(f.section()) {
            section = Some(f.section());
            let head = match f.section() {
                Section::Scoring => t(Msg::SecScoring).to_string(),
                Section::Inputs => t(Msg::SecInputs).to_string(),
                Section::Deductions => {
                    let sum: rust_decimal::Decimal =
                        a.deductions.iter().filter_map(|d| d.points).sum();
                    let total = if a.deductions.is_empty() {
                        String::new()
                    } else {
                        app.tf(
                            Msg::DeductionTotal,
                            &[&fixed(sum, app.project().framework.places)],
                        )
                    };
                    format!("{}{total}", t(Msg::SecDeductions))
                }
                Section::Evidence => t(Msg::SecEvidence).to_string(),
                Section::Justification => t(Msg::SecJustification).to_string(),
                Section::Status => t(Msg::SecStatus).to_string(),
                Section::Adjustment => t(Msg::SecAdjustment).to_string(),
            };
            out.heading(head);
        }
        let body = match f {
            Field::Score => kv(Msg::JudgedScore, value_or_dash(app, a.score.map(plain))),
            Field::Awarded => kv(Msg::AwardedScore, value_or_dash(app, a.score.map(plain))),
            Field::Check(c) => {
                let check = a.checks.get(*c).copied();
                let point = match &ind.rule.kind {
                    RuleKind::Checkpoints { points } => points.get(*c).copied(),
                    _ => None,
                };
                let pts = point.map(|p| plain(p.points)).unwrap_or_default();
                // The box shows met / not met; a number recorded shows what it means.
                let (mark, got) = match (check, point.map(|p| p.credit)) {
                    (Some(Check::Met(true)), _) => ("x", String::new()),
                    (Some(Check::Number(n)), Some(Credit::PerItem(_))) => {
                        ("~", format!(" {}", app.tf(Msg::CheckMissing, &[&plain(n)])))
                    }
                    (Some(Check::Number(n)), _) => {
                        ("~", format!(" {}", app.tf(Msg::CheckGot, &[&plain(n)])))
                    }
                    _ => (" ", String::new()),
                };
                let text = ind
                    .criteria
                    .get(*c)
                    .cloned()
                    .unwrap_or_else(|| format!("#{}", c + 1));
                format!("[{mark}] {text}（{pts} {}）{got}", t(Msg::Points))
            }
            Field::Tier => kv(Msg::Tier, value_or_dash(app, a.tier.clone())),
            Field::Input(name) => format!(
                "{name} = {}",
                value_or_dash(app, a.input(name).map(|v| v.to_string()))
            ),
            Field::Year(name, year) => {
                let v = a.yearly_input(name).and_then(|y| y.get(year)).map(plain);
                app.tf(Msg::FigYear, &[name, year, &value_or_dash(app, v)])
            }
            Field::SurveyCount(name, q, o) => {
                let s = a.survey(name);
                let option = s
                    .and_then(|s| s.options.get(*o))
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                let count = s
                    .and_then(|s| s.questions.get(*q))
                    .and_then(|x| x.counts.get(*o))
                    .map(|c| plain(*c));
                app.tf(
                    Msg::FigCount,
                    &[
                        name,
                        &(q + 1).to_string(),
                        &option,
                        &value_or_dash(app, count),
                    ],
                )
            }
            Field::AddInput => t(Msg::AddInput).to_string(),
            Field::Deduction(d) => {
                let d = &a.deductions[*d];
                let amount = super::deduction_amount(d, app.project().framework.places);
                let group = d
                    .group
                    .as_ref()
                    .map(|g| format!("[{g}] "))
                    .unwrap_or_default();
                format!("{amount}  {group}{}", d.reason)
            }
            Field::AddDeduction => t(Msg::AddDeduction).to_string(),
            Field::PickStandard => app.tf(
                Msg::PickStandard,
                &[&standard_count(app.project(), &ind.code).to_string()],
            ),
            Field::Evidence(e) => {
                let e = &a.evidence[*e];
                let mut s = e.title.clone();
                if !e.at.is_empty() {
                    s.push_str(&format!("（{}）", e.at));
                }
                if !e.note.is_empty() {
                    s.push_str(&format!("{}{}", t(Msg::Colon), e.note));
                }
                s
            }
            Field::AddEvidence => t(Msg::AddEvidence).to_string(),
            Field::Justification => {
                if a.justification.trim().is_empty() {
                    t(Msg::Empty).to_string()
                } else {
                    a.justification.trim().to_string()
                }
            }
            Field::Status => kv(Msg::Status, status_label(app, a.status).to_string()),
            Field::Na => kv(Msg::Na, value_or_dash(app, a.na.clone())),
            Field::Unscorable => kv(Msg::Unscorable, value_or_dash(app, a.unscorable.clone())),
            // Only on 加减分项 rows, drawn by `adjustment_lines`.
            Field::AdjPoints | Field::AdjReason => String::new(),
        };
        let focused = detail_focused && app.field == k;
        let style = if focused {
            app.theme.selected()
        } else if matches!(
            f,
            Field::AddInput | Field::AddDeduction | Field::PickStandard | Field::AddEvidence
        ) {
            app.theme.label()
        } else {
            Style::new()
        };
        let lead = if focused { "> " } else { "  " };
        out.text(lead, &body, style, Some(k));
        // The evidence a deduction rests on, under it.
        if let Field::Deduction(d) = f
            && let Some(d) = a.deductions.get(*d)
            && !d.evidence.is_empty()
        {
            let cited = format!("{}{}", t(Msg::CitesEvidence), d.evidence.join("、"));
            let style = if focused { style } else { app.theme.label() };
            out.text("    ", &cited, style, Some(k));
        }
    }
}

/// Columns the border has for the title over a pane `width` columns wide inside: the corners
/// and a space each side take four of the outer width.
fn title_room(width: usize) -> usize {
    width.saturating_sub(2)
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = app.focus == Focus::Detail && app.popup.is_none();
    let body = inner(area);
    let all = lines(app, body.width as usize);
    let h = body.height as usize;
    let scroll = app.detail_scroll.min(all.len().saturating_sub(h));
    // The indicator's name stays in the border while its details scroll.
    let title = match app.selected_row() {
        Row::Node(i) => {
            let ind = &app.project().indicators[i];
            format!(" {} ", ind.label_with_key())
        }
        Row::AdjGroup => format!(" {} ", app.t(Msg::AdjGroup)),
        Row::AdjItem(k) => match app.adjustment_item(k) {
            Some(item) => format!(" {} {} ", item.code, item.name),
            None => format!(" {} ", app.t(Msg::DetailTitle)),
        },
    };
    // A name too long for the border ends in "…" rather than being cut without a sign (and is
    // then given in full at the top of the pane).
    let room = title_room(body.width as usize);
    let title = format!(" {} ", truncate(title.trim(), room, app.theme.ellipsis()));
    let mut b = block(&app.theme, title, focused);
    if all.len() > h && h > 0 {
        let last = (scroll + h).min(all.len());
        b = b.title_bottom(
            Line::from(format!(" {}-{}/{} ", scroll + 1, last, all.len()))
                .alignment(Alignment::Right),
        );
    }
    f.render_widget(b, area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(h)
        .map(|l| l.line)
        .collect();
    f.render_widget(Paragraph::new(shown), body);
}

#[cfg(test)]
mod tests {
    use crate::tui::strings::Lang;
    use crate::tui::testing::{open, render};

    /// A label wider than half a narrow pane takes its own line: "B agrees" is not squeezed
    /// into five columns beside "[Compared with B]".
    #[test]
    fn a_long_lead_gets_its_own_line_on_a_narrow_pane() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let src =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml");
        std::fs::copy(&src, &path).unwrap();
        let mut app = open(&path, Lang::En);
        let other = crate::store::ProjectFile::open(&src).unwrap();
        app.set_compare(src.clone(), other.project().clone());
        let screen = render(&mut app, 60, 20);
        let detail: Vec<&str> = screen
            .lines()
            .filter_map(|l| l.split("││").nth(1))
            .collect();
        let at = detail
            .iter()
            .position(|l| l.starts_with("[Compared with B]"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(detail[at + 1].starts_with("  B agrees"), "{screen}");
    }
}
