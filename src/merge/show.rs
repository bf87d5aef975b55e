//! A project as one line per scored field (`B101 资金到位率 得分 = 2.00`), for git's
//! `diff.jixiao.textconv`: `git diff` then shows which scores, deductions and evidence changed
//! instead of TOML lines, and a line moves only when its value does.

use crate::model::{Field, FieldValue, Project};
use crate::scoring::{self, rounding::fixed};

/// Texts in full on one line: a diff must show any change, not a cut-off preview.
fn full(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn value_text(v: &FieldValue) -> String {
    match v {
        FieldValue::Text(t) => full(t),
        FieldValue::Deduction(d) => {
            let mut s = FieldValue::Deduction(crate::model::Deduction {
                reason: String::new(),
                ..d.clone()
            })
            .to_string();
            s = s.trim_end_matches(" “”").to_string();
            let mut extra = vec![full(&d.reason)];
            if let Some(g) = &d.group {
                extra.push(format!("（{g}）"));
            }
            if !d.evidence.is_empty() {
                extra.push(format!("［{}］", d.evidence.join("、")));
            }
            format!("{s} {}", extra.join(" "))
        }
        FieldValue::Evidence(e) => {
            let mut s = full(&e.title);
            if !e.at.is_empty() {
                s.push_str(&format!("（{}）", e.at));
            }
            if !e.note.is_empty() {
                s.push_str(&format!(" {}", full(&e.note)));
            }
            s
        }
        FieldValue::Review(r) => format!(
            "{} {}{} {}",
            r.by,
            crate::time::show_stamp(&r.at),
            if r.approved { " 通过" } else { "" },
            full(&r.text)
        ),
        other => other.to_string(),
    }
}

/// Every leaf's score and recorded fields, the adjustments, unresolved conflicts and the total.
pub fn field_lines(p: &Project) -> Vec<String> {
    let card = scoring::score(p);
    let places = p.framework.places;
    let mut out = Vec::new();
    for i in card.tree.preorder() {
        let ind = &p.indicators[i];
        let head = format!("{} {}", ind.code, ind.name);
        if !card.tree.is_leaf(i) {
            out.push(format!(
                "{head} 小计 = {}",
                fixed(card.nodes[i].score, places)
            ));
            continue;
        }
        out.push(format!(
            "{head} 得分 = {}",
            fixed(card.nodes[i].score, places)
        ));
        let a = &ind.assessment;
        let mut fields = vec![Field::Score];
        fields.extend(a.inputs.iter().map(|(n, _)| Field::Input(n.clone())));
        fields.extend(super::replay::figure_fields(&[a]));
        fields.extend([
            Field::Checks,
            Field::Tier,
            Field::Na,
            Field::Unscorable,
            Field::Status,
        ]);
        for f in fields {
            if let Some(v) = f.read(a) {
                let label = match f {
                    Field::Score => "给定得分".to_string(),
                    other => other.label_in(Some(a)),
                };
                out.push(format!("{head} {label} = {}", value_text(&v)));
            }
        }
        let lists = [
            (
                "扣分",
                a.deductions.len(),
                Field::Deduction as fn(usize) -> Field,
            ),
            ("佐证材料", a.evidence.len(), Field::Evidence),
            ("复核意见", a.reviews.len(), Field::Review),
        ];
        for (label, len, make) in lists {
            for k in 0..len {
                if let Some(v) = make(k).read(a) {
                    out.push(format!("{head} {label} = {}", value_text(&v)));
                }
            }
        }
        if let Some(v) = Field::Justification.read(a) {
            out.push(format!("{head} 评价说明 = {}", value_text(&v)));
        }
    }
    if let Some(adj) = &p.adjustments {
        for item in &adj.items {
            let v = FieldValue::Adjustment {
                points: item.points,
                reason: full(&item.reason),
            };
            out.push(format!("{} {} 加减分 = {v}", item.code, item.name));
        }
    }
    for c in &p.conflicts {
        out.push(format!(
            "未解决的合并冲突 {} {}：ours {}，theirs {}",
            c.code,
            c.field.label_in(p.get(&c.code).map(|i| &i.assessment)),
            crate::model::show(c.ours.as_ref()),
            crate::model::show(c.theirs.as_ref())
        ));
    }
    out.push(format!(
        "总分 = {}（{}）",
        fixed(card.total, places),
        card.grade.as_deref().unwrap_or("-")
    ));
    out
}
