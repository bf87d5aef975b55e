//! The detail pane of the 加减分项 rows: the group's caps and totals and what each item counts,
//! or one item with its points and reason (both editable).

use ratatui::style::Style;

use super::detail::{Out, value_or_dash};
use crate::model::AdjustmentDirection;
use crate::scoring::AdjustmentNote;
use crate::scoring::rounding::{fixed, plain};
use crate::tui::app::{Focus, Row};
use crate::tui::strings::Msg;

/// The 加减分项 group (caps, what each item counts, the totals) or one item (its points and
/// reason, both editable).
pub(super) fn lines(out: &mut Out) {
    let app = out.app;
    let p = app.project();
    let (Some(adj), Some(outcome)) = (&p.adjustments, &app.card.adjustments) else {
        return;
    };
    let t = |m| app.t(m);
    let places = p.framework.places;
    let cap = |c: Option<rust_decimal::Decimal>| c.map(plain).unwrap_or_else(|| "∞".into());
    let direction = |d: AdjustmentDirection| {
        t(match d {
            AdjustmentDirection::Bonus => Msg::AdjBonus,
            AdjustmentDirection::Penalty => Msg::AdjPenalty,
        })
    };
    let summary = |k: usize| {
        let item = &adj.items[k];
        let line = &outcome.lines[k];
        app.tf(
            Msg::AdjItemSummary,
            &[
                direction(item.direction),
                &plain(line.recorded),
                &plain(line.counted),
                &cap(item.cap),
            ],
        )
    };
    let group = |out: &mut Out| {
        out.text(
            "",
            &app.tf(Msg::AdjCaps, &[&cap(adj.bonus_cap), &cap(adj.penalty_cap)]),
            app.theme.label(),
            None,
        );
        let totals = app.tf(
            Msg::AdjTotals,
            &[
                &super::tree::signed(outcome.bonus, places),
                &super::tree::signed(-outcome.penalty, places),
                &super::tree::signed(outcome.net, places),
            ],
        );
        out.text("", &totals, app.theme.label(), None);
        let base = app.card.total - outcome.net;
        let sum = app.tf(
            Msg::AdjBase,
            &[
                &fixed(base, places),
                &super::tree::signed(outcome.net, places),
                &fixed(app.card.total, places),
            ],
        );
        out.text("", &sum, app.theme.label(), None);
    };
    match app.selected_row() {
        Row::AdjItem(k) if k < adj.items.len() && k < outcome.lines.len() => {
            let item = &adj.items[k];
            out.text("", &summary(k), app.theme.title(), None);
            if let (Some(per), Some(n), Some(product)) = (item.per_item, item.count, item.by_rule())
            {
                let rule = app.tf(Msg::AdjItemRule, &[&plain(per), &plain(n), &plain(product)]);
                out.text("", &rule, app.theme.label(), None);
            }
            if let Some(min) = item.min {
                let range = app.tf(Msg::AdjItemRange, &[&plain(min), &cap(item.cap)]);
                out.text("", &range, app.theme.label(), None);
            }
            if let Some(stated) = item.stated {
                let s = app.tf(Msg::AdjItemStated, &[&plain(stated)]);
                out.text("", &s, app.theme.label(), None);
            }
            if !item.criteria.is_empty() {
                out.heading(t(Msg::SecCriteria).to_string());
                for c in &item.criteria {
                    out.text("", c, Style::new(), None);
                }
            }
            out.heading(t(Msg::SecAdjustment).to_string());
            let detail_focused = app.focus == Focus::Detail && app.popup.is_none();
            let rows = [
                (
                    Msg::FieldAdjPoints,
                    value_or_dash(app, item.points.map(plain)),
                ),
                (
                    Msg::FieldAdjReason,
                    value_or_dash(app, Some(item.reason.clone())),
                ),
            ];
            for (k, (label, value)) in rows.into_iter().enumerate() {
                let focused = detail_focused && app.field == k;
                let style = if focused {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let lead = if focused { "> " } else { "  " };
                out.text(
                    lead,
                    &format!("{}{}{value}", t(label), t(Msg::Colon)),
                    style,
                    Some(k),
                );
            }
            let said = |n: &AdjustmentNote| n.text(app.report_lang());
            for n in outcome
                .notes
                .iter()
                .filter(|n| n.item() == Some(&item.code))
            {
                out.text("! ", &said(n), app.theme.warning(), None);
            }
            out.heading(t(Msg::SecAdjGroup).to_string());
            group(out);
            // Caps of the whole group bite after the item's own.
            for n in outcome.notes.iter().filter(|n| n.item().is_none()) {
                out.text("! ", &said(n), app.theme.warning(), None);
            }
        }
        _ => {
            group(out);
            out.heading(t(Msg::SecAdjItems).to_string());
            for (k, item) in adj.items.iter().enumerate().take(outcome.lines.len()) {
                out.text(
                    "  ",
                    &format!("{} {}  {}", item.code, item.name, summary(k)),
                    Style::new(),
                    None,
                );
            }
            for n in &outcome.notes {
                out.text("! ", &n.text(app.report_lang()), app.theme.warning(), None);
            }
        }
    }
}
