//! `export --format json`: the summary, the 综合评分表 and the analysis in one document for other
//! programs. Decimals are strings (`"2.67"`), so no reader turns them into floats.

use serde_json::{Value, json};

use super::sheet::{RowKind, analysis_by_level1, level1_summary, score_sheet};
use crate::model::Project;
use crate::scoring::Scorecard;
use crate::scoring::rounding::{fixed, plain};

pub fn document(project: &Project, card: &Scorecard) -> Value {
    let places = project.framework.places;
    let summary = level1_summary(project, card);
    let sheet = score_sheet(project, card);
    let num = |d: Option<rust_decimal::Decimal>| d.map(|d| fixed(d, places));
    let rate =
        |r: &super::sheet::SummaryRow| r.rate.filter(|_| r.score.is_some()).map(|r| fixed(r, 2));
    let fw = &project.framework;
    let meta = project.meta.as_ref().map(|m| {
        json!({
            "name": m.name, "department": m.department, "implementer": m.implementer,
            "evaluator": m.evaluator, "period": m.period,
        })
    });
    let rows: Vec<Value> = sheet
        .rows
        .iter()
        .map(|r| {
            let (kind, code) = match &r.kind {
                RowKind::Leaf { index } => ("leaf", project.indicators[*index].code.clone()),
                RowKind::Adjustment => ("adjustment", String::new()),
            };
            json!({
                "kind": kind,
                "code": code,
                "levels": r.labels,
                "weight": r.weight.map(plain),
                "explanation": r.explanation,
                "criteria": r.criteria,
                "score": num(r.score),
                "score_text": if r.score.is_none() { Some(&r.score_text) } else { None },
                "notes": r.notes,
            })
        })
        .collect();
    let analysis: Vec<Value> = analysis_by_level1(project, card)
        .into_iter()
        .flat_map(|(_, items)| items)
        .map(|a| {
            json!({
                "code": a.code, "name": a.name, "weight": a.weight, "score": a.score,
                "rate": a.rate, "paragraph": a.paragraph, "deductions": a.deductions,
            })
        })
        .collect();
    json!({
        "project": meta,
        "framework": {
            "id": fw.id, "name": fw.name, "version": fw.version, "basis": fw.basis,
            "total": plain(fw.total),
        },
        "summary": {
            "rows": summary.rows.iter().map(|r| json!({
                "code": r.code, "name": r.name, "weight": plain(r.weight),
                "score": num(r.score), "rate": rate(r),
            })).collect::<Vec<_>>(),
            "adjustments": summary.adjustments_text(),
            "total": {
                "weight": plain(summary.total.weight),
                "score": num(summary.total.score),
                "rate": rate(&summary.total),
            },
            "grade": summary.grade,
            "scored_leaves": summary.scored_leaves,
            "leaves": summary.leaves,
            "note": Some(&summary.note).filter(|n| !n.is_empty()),
        },
        "score_table": {
            "columns": sheet.headers(),
            "rows": rows,
            "total": {
                "weight": plain(sheet.total_weight),
                "score": num(sheet.total_score),
                "note": Some(&sheet.total_note).filter(|n| !n.is_empty()),
            },
        },
        "analysis": analysis,
    })
}
