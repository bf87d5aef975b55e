//! The two tables every export prints, as plain rows: the 综合评分表 (附件1: one row per leaf under
//! its 一级/二级/三级指标, with 分值, 指标解释, 评分标准, 得分, 扣分点说明) and the level-1 summary
//! (指标 / 分值 / 得分 / 得分率 with 合计). Each export only decides how to draw them.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use crate::lang::Lang;
use crate::model::{AdjustmentDirection, NaPolicy, Project};
use crate::scoring::rounding::{fixed, plain};
use crate::scoring::{LeafState, Scorecard, Step};

/// Chinese names of the level columns: 一级指标, 二级指标 … (what tables to import say).
pub fn level_header(level: usize) -> String {
    crate::lang::report_words::level_header(level, Lang::Zh)
}

/// The texts the score table prints for an indicator in a level column: "A101 依据充分性".
pub fn indicator_label(code: &str, name: &str) -> String {
    if code.is_empty() {
        name.to_string()
    } else {
        format!("{code} {name}")
    }
}

/// A cell of a level column that starts here and covers `rows` × `cols` cells (merged in xlsx,
/// rowspan/colspan in html).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub rows: usize,
    pub cols: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A leaf of the tree, `index` into `project.indicators`.
    Leaf { index: usize },
    /// A 加减分项 item.
    Adjustment,
}

/// One row of the score table.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub kind: RowKind,
    /// One entry per level column: the cell that starts here, or `None` where a span from above
    /// or from the left covers it.
    pub levels: Vec<Option<Span>>,
    /// The label of each level column as a repeated layout prints it ("" right of a shallow leaf).
    pub labels: Vec<String>,
    /// 分值 as written (not after an N/A redistribution; the note says so).
    pub weight: Option<Decimal>,
    pub explanation: String,
    /// 评分标准 lines: the formula first, as 附件1 prints it, then the criteria.
    pub criteria: Vec<String>,
    /// 得分, when there is one (not for an unscored or 不适用 leaf).
    pub score: Option<Decimal>,
    /// What the 得分 cell says when there is no number: 不适用, or nothing.
    pub score_text: String,
    /// 扣分点说明 lines.
    pub notes: Vec<String>,
    /// 目标值, printed only when the sheet's `target_column` is on.
    pub target: String,
    /// The leaf's rule as the file writes it (inline TOML; empty for the default, deductions
    /// from the weight): the CSV's 计分规则 column, so an export imports back with its rules.
    pub rule: String,
}

/// The 综合评分表.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreSheet {
    pub title: String,
    /// 一级指标, 二级指标 … as deep as the tree goes.
    pub level_headers: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// 总计: the base total and the final score (None while nothing is scored).
    pub total_weight: Decimal,
    pub total_score: Option<Decimal>,
    /// Said on the 总计 row: how 不适用 weight was handled.
    pub total_note: String,
    pub places: u32,
    /// The criteria column's header: 评分标准 unless the firm says 指标说明.
    pub criteria_header: String,
    /// A 目标值 column before 得分 (reports only; the plain exports never print it).
    pub target_column: bool,
    /// The report's language, for the headers.
    pub lang: Lang,
}

impl ScoreSheet {
    /// Every header of the table, in column order.
    pub fn headers(&self) -> Vec<String> {
        use crate::lang::report_words::{Word, word};
        let lang = self.lang;
        let mut h = self.level_headers.clone();
        // The default header follows the report's language; a firm's own header stays.
        let criteria = if self.criteria_header == word(Word::Criteria, Lang::Zh) {
            word(Word::Criteria, lang)
        } else {
            self.criteria_header.as_str()
        };
        h.extend(
            [
                word(Word::Weight, lang),
                word(Word::Explanation, lang),
                criteria,
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        if self.target_column {
            h.push(word(Word::Target, lang).into());
        }
        h.extend([word(Word::Score, lang), word(Word::Notes, lang)].map(String::from));
        h
    }

    /// The column of 得分.
    pub fn score_column(&self) -> usize {
        self.level_headers.len() + 3 + usize::from(self.target_column)
    }

    pub fn score_text(&self, row: &SheetRow) -> String {
        match row.score {
            Some(s) => signed_if(row, fixed(s, self.places)),
            None => row.score_text.clone(),
        }
    }

    /// Column widths in character cells (CJK characters count two): the level columns fit
    /// their labels, text columns are wide when they hold text and shrink to their header when
    /// the project has none (a sample without 评分标准 should not print an empty wide column).
    pub fn column_widths(&self) -> Vec<f64> {
        let headers = self.headers();
        let mut widths: Vec<f64> = (0..self.level_headers.len())
            .map(|c| {
                let labels = self
                    .rows
                    .iter()
                    .filter_map(|r| r.levels[c].as_ref())
                    .filter(|s| s.cols == 1)
                    .map(|s| s.text.as_str())
                    .chain([headers[c].as_str()]);
                fit(labels, 10.0, 22.0)
            })
            .collect();
        let has = |f: &dyn Fn(&SheetRow) -> bool| self.rows.iter().any(f);
        let text_col = |used: bool, wide: f64| if used { wide } else { 10.0 };
        widths.push(7.0);
        widths.push(text_col(has(&|r| !r.explanation.is_empty()), 34.0));
        widths.push(text_col(has(&|r| !r.criteria.is_empty()), 48.0));
        if self.target_column {
            widths.push(fit(self.rows.iter().map(|r| r.target.as_str()), 8.0, 14.0));
        }
        widths.push(9.0);
        widths.push(text_col(
            has(&|r| !r.notes.is_empty()) || !self.total_note.is_empty(),
            42.0,
        ));
        widths
    }

    pub fn total_score_text(&self) -> String {
        self.total_score
            .map(|s| fixed(s, self.places))
            .unwrap_or_default()
    }
}

fn signed_if(row: &SheetRow, text: String) -> String {
    // A zero (a 扣分项 that cost nothing) has no sign: "+0.00" reads as a bonus.
    let zero = text.trim_start_matches(['0', '.']).is_empty();
    if row.kind == RowKind::Adjustment && !text.starts_with('-') && !zero {
        format!("+{text}")
    } else {
        text
    }
}

/// A width that fits the widest line of `texts`, between `min` and `max`.
pub fn fit<'a>(texts: impl Iterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let widest = texts
        .flat_map(|t| t.lines().map(|l| l.width()))
        .max()
        .unwrap_or(0) as f64;
    (widest + 2.0).clamp(min, max)
}

/// Whether anything in the project has been scored; a bare framework prints empty score cells.
pub fn anything_scored(card: &Scorecard) -> bool {
    card.scored_leaves > 0
}

pub fn score_sheet(project: &Project, card: &Scorecard) -> ScoreSheet {
    let tree = &card.tree;
    let places = project.framework.places;
    let depth = (0..project.indicators.len())
        .map(|i| tree.depth[i])
        .max()
        .unwrap_or(1)
        .max(1);
    let leaves: Vec<usize> = tree
        .preorder()
        .into_iter()
        .filter(|&i| tree.is_leaf(i))
        .collect();
    // The chain of each leaf from its level-1 ancestor down.
    let paths: Vec<Vec<usize>> = leaves
        .iter()
        .map(|&i| {
            let mut p = tree.ancestors(i);
            p.reverse();
            p
        })
        .collect();

    let mut rows: Vec<SheetRow> = Vec::new();
    for (r, (&leaf, path)) in leaves.iter().zip(&paths).enumerate() {
        let mut levels = vec![None; depth];
        let mut labels = vec![String::new(); depth];
        for (level, &node) in path.iter().enumerate() {
            let ind = &project.indicators[node];
            labels[level] = indicator_label(ind.display_code(), &ind.name);
            let starts = r == 0 || paths[r - 1].get(level) != Some(&node);
            if starts {
                let rows_spanned = paths[r..]
                    .iter()
                    .take_while(|p| p.get(level) == Some(&node))
                    .count();
                // A leaf above the deepest level fills the columns to its right.
                let cols = if node == leaf { depth - level } else { 1 };
                levels[level] = Some(Span {
                    text: labels[level].clone(),
                    rows: rows_spanned,
                    cols,
                });
            }
        }
        rows.push(leaf_row(project, card, leaf, levels, labels));
    }
    if let (Some(adj), Some(outcome)) = (&project.adjustments, &card.adjustments) {
        let n = adj.items.len();
        let lang = project.report_lang();
        let heading = lang.pick("加减分项", "Adjustments");
        for (k, (item, line)) in adj.items.iter().zip(&outcome.lines).enumerate() {
            let mut levels = vec![None; depth];
            let mut labels = vec![String::new(); depth];
            if depth == 1 {
                labels[0] = format!("{heading} {}", indicator_label(&item.code, &item.name));
                levels[0] = Some(Span {
                    text: labels[0].clone(),
                    rows: 1,
                    cols: 1,
                });
            } else {
                labels[0] = heading.into();
                if k == 0 {
                    levels[0] = Some(Span {
                        text: heading.into(),
                        rows: n,
                        cols: 1,
                    });
                }
                labels[1] = indicator_label(&item.code, &item.name);
                levels[1] = Some(Span {
                    text: labels[1].clone(),
                    rows: 1,
                    cols: depth - 1,
                });
            }
            let (sign, word) = match item.direction {
                AdjustmentDirection::Bonus => (Decimal::ONE, lang.pick("加分", "Bonus")),
                AdjustmentDirection::Penalty => {
                    (Decimal::NEGATIVE_ONE, lang.pick("减分", "Penalty"))
                }
            };
            let mut criteria = item.criteria.clone();
            let (min, cap) = (item.min.map(plain), item.cap.map(plain));
            match (lang, min, cap) {
                (_, None, None) => {}
                (Lang::Zh, Some(min), Some(cap)) => {
                    criteria.push(format!("{word}项，单项 {min}–{cap} 分"))
                }
                (Lang::Zh, Some(min), None) => {
                    criteria.push(format!("{word}项，单项至少 {min} 分"))
                }
                (Lang::Zh, None, Some(cap)) => {
                    criteria.push(format!("{word}项，单项上限 {cap} 分"))
                }
                (Lang::En, Some(min), Some(cap)) => {
                    criteria.push(format!("{word} item, {min}–{cap} points"))
                }
                (Lang::En, Some(min), None) => {
                    criteria.push(format!("{word} item, at least {min} points"))
                }
                (Lang::En, None, Some(cap)) => {
                    criteria.push(format!("{word} item, at most {cap} points"))
                }
            }
            let mut notes = Vec::new();
            if !line.reason.trim().is_empty() {
                notes.push(line.reason.trim().to_string());
            }
            if let (Some(per), Some(n), None) = (item.per_item, item.count, item.points) {
                let (per, n, recorded) = (plain(per), plain(n), plain(line.recorded));
                notes.push(lang.pick(
                    format!("每项 {per} 分 × {n} 项 = {recorded} 分"),
                    format!("{per} points × {n} items = {recorded} points"),
                ));
            }
            if line.counted < line.recorded {
                let (recorded, counted) = (plain(line.recorded), plain(line.counted));
                notes.push(match (lang, item.points.is_some()) {
                    (Lang::Zh, true) => format!("记录 {recorded} 分，超过单项上限，按 {counted} 分计"),
                    (Lang::Zh, false) => {
                        format!("按规则计 {recorded} 分，超过单项上限，按 {counted} 分计")
                    }
                    (Lang::En, true) => {
                        format!("{recorded} points recorded, above the item's cap: counted as {counted}")
                    }
                    (Lang::En, false) => {
                        format!("{recorded} points by its rule, above the item's cap: counted as {counted}")
                    }
                });
            }
            rows.push(SheetRow {
                kind: RowKind::Adjustment,
                levels,
                labels,
                weight: None,
                explanation: String::new(),
                criteria,
                score: item.recorded().map(|_| sign * line.counted),
                score_text: String::new(),
                notes,
                target: String::new(),
                rule: String::new(),
            });
        }
    }

    let mut total_note = Vec::new();
    if card.na_weight > Decimal::ZERO {
        total_note.push(na_note(project, card));
    }
    if let Some(adj) = &card.adjustments {
        total_note.extend(adj.notes.iter().map(|n| n.text(project.report_lang())));
    }
    ScoreSheet {
        title: project.title().to_string(),
        level_headers: (1..=depth)
            .map(|l| crate::lang::report_words::level_header(l, project.report_lang()))
            .collect(),
        rows,
        total_weight: card.max,
        total_score: anything_scored(card).then_some(card.total),
        total_note: total_note.join("\n"),
        places,
        criteria_header: "评分标准".into(),
        target_column: false,
        lang: project.report_lang(),
    }
}

fn leaf_row(
    project: &Project,
    card: &Scorecard,
    i: usize,
    levels: Vec<Option<Span>>,
    labels: Vec<String>,
) -> SheetRow {
    let ind = &project.indicators[i];
    let node = &card.nodes[i];
    let mut criteria = Vec::new();
    if !ind.formula.trim().is_empty() {
        criteria.push(ind.formula.trim().to_string());
    }
    criteria.extend(ind.criteria.iter().map(|c| c.trim().to_string()));
    let state = node.leaf.as_ref().map(|l| &l.state);
    use crate::lang::report_words::{Word, word};
    let report_word = |w| word(w, project.report_lang()).to_string();
    let (score, score_text) = match state {
        Some(LeafState::Unscored) | None => (None, String::new()),
        Some(LeafState::NotApplicable(_)) => (None, report_word(Word::NotApplicable)),
        Some(LeafState::Incomplete(_)) => (None, report_word(Word::Incomplete)),
        _ => (Some(node.score), String::new()),
    };
    SheetRow {
        kind: RowKind::Leaf { index: i },
        levels,
        labels,
        weight: Some(ind.weight),
        explanation: ind.explanation.trim().to_string(),
        criteria,
        score,
        score_text,
        notes: loss_notes(project, card, i),
        target: ind.target.trim().to_string(),
        rule: if crate::store::rule_toml::is_default(&ind.rule) {
            String::new()
        } else {
            crate::store::rule_toml::inline(&ind.rule)
        },
    }
}

/// The 扣分点说明 of a leaf: each deduction with its reason; when points were lost without an
/// itemised deduction, the arithmetic that lost them; why a leaf is 不适用 or not scorable.
pub fn loss_notes(project: &Project, card: &Scorecard, i: usize) -> Vec<String> {
    let node = &card.nodes[i];
    let places = project.framework.places;
    let lang = project.report_lang();
    let Some(leaf) = &node.leaf else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    match &leaf.state {
        LeafState::Unscored => return notes,
        LeafState::Incomplete(missing) => {
            notes.push(lang.pick(
                format!("未完成：尚未记录{}", missing.join("、")),
                format!("incomplete: {} not recorded yet", missing.join(", ")),
            ));
            return notes;
        }
        LeafState::NotApplicable(r) => {
            let reason = r.trim().to_string();
            notes.push(Step::NotApplicable { reason }.text(places, lang));
            return notes;
        }
        LeafState::Unscorable(r) => {
            let reason = r.trim().to_string();
            notes.push(Step::Unscorable { reason }.text(places, lang))
        }
        LeafState::Error(e) => notes.push(Step::CannotCompute(e.clone()).text(0, lang)),
        LeafState::Scored => {}
    }
    let written = project.indicators[i].weight;
    if node.weight != written {
        let w = plain(node.weight);
        notes.push(lang.pick(
            format!("不适用指标分值分配后，本指标按 {w} 分计"),
            format!(
                "after the weights of indicators not applicable are shared out, this one weighs {w}"
            ),
        ));
    }
    if node.score >= node.weight {
        return notes;
    }
    let deductions: Vec<String> = leaf
        .steps
        .iter()
        .filter(|s| matches!(s, Step::Deduction { .. }))
        .map(|s| s.text(places, lang))
        .collect();
    if deductions.is_empty() && matches!(leaf.state, LeafState::Scored) {
        notes.extend(
            leaf.steps
                .iter()
                .filter(|s| s.is_working())
                .map(|s| s.text(places, lang)),
        );
    } else {
        // Each finding with the evidence it cites ("（佐证：绩效目标表）").
        notes.extend(super::analysis::with_citations(
            &project.indicators[i],
            deductions,
            lang,
        ));
    }
    notes
}

/// One row of the level-1 summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub code: String,
    /// The code the report prints (`shown`), empty when it prints none.
    pub shown: String,
    pub name: String,
    pub weight: Decimal,
    pub score: Option<Decimal>,
    /// 得分率 in percent.
    pub rate: Option<Decimal>,
}

/// 绩效评价指标整体得分情况: each level-1 indicator, 加减分项 when there are any, and 合计.
#[derive(Debug, Clone, PartialEq)]
pub struct Level1Summary {
    pub rows: Vec<SummaryRow>,
    /// The net 加减分项, when the framework has them.
    pub adjustments: Option<Decimal>,
    pub total: SummaryRow,
    pub grade: Option<String>,
    /// 已评 leaves / all leaves.
    pub scored_leaves: usize,
    pub leaves: usize,
    pub places: u32,
    pub note: String,
    /// The report's language, for its sentences.
    pub lang: Lang,
}

impl Level1Summary {
    pub fn score_text(&self, row: &SummaryRow) -> String {
        row.score.map(|s| fixed(s, self.places)).unwrap_or_default()
    }

    /// `91.13%`: two places, as the reports print them in their tables.
    pub fn rate_text(row: &SummaryRow) -> String {
        row.rate
            .filter(|_| row.score.is_some())
            .map(|r| format!("{}%", fixed(r, 2)))
            .unwrap_or_default()
    }

    /// The 加减分项 cell: `+1.00`; blank while nothing is scored.
    pub fn adjustments_text(&self) -> Option<String> {
        self.adjustments.map(|a| {
            if self.total.score.is_none() {
                return String::new();
            }
            let t = fixed(a, self.places);
            if a > Decimal::ZERO {
                format!("+{t}")
            } else {
                t
            }
        })
    }

    /// "总分 64.72 分，评价等级为“中”。", or the progress while scoring is not finished.
    pub fn conclusion(&self) -> String {
        let mut out = String::new();
        use crate::lang::report_words::{conclusion, progress};
        if let (Some(total), Some(grade)) = (self.total.score, &self.grade) {
            out.push_str(&conclusion(&fixed(total, self.places), grade, self.lang));
        }
        if self.scored_leaves < self.leaves {
            out.push_str(&progress(self.scored_leaves, self.leaves, self.lang));
        }
        out
    }
}

pub fn level1_summary(project: &Project, card: &Scorecard) -> Level1Summary {
    let scored = anything_scored(card);
    let rows = card
        .tree
        .roots
        .iter()
        .map(|&r| {
            let ind = &project.indicators[r];
            let node = &card.nodes[r];
            SummaryRow {
                code: ind.code.clone(),
                shown: ind.display_code().to_string(),
                name: ind.name.clone(),
                weight: node.weight,
                score: scored.then_some(node.score),
                rate: node.rate,
            }
        })
        .collect();
    let mut note = String::new();
    if card.na_weight > Decimal::ZERO {
        note = na_note(project, card);
        note.push_str(project.report_lang().pick("。", "."));
    }
    Level1Summary {
        rows,
        adjustments: card.adjustments.as_ref().map(|a| a.net),
        total: SummaryRow {
            code: String::new(),
            shown: String::new(),
            name: crate::lang::report_words::word(
                crate::lang::report_words::Word::Total,
                project.report_lang(),
            )
            .into(),
            weight: card.max,
            score: scored.then_some(card.total),
            rate: card.total_rate(),
        },
        grade: if scored { card.grade.clone() } else { None },
        scored_leaves: card.scored_leaves,
        leaves: card.leaves,
        places: project.framework.places,
        note,
        lang: project.report_lang(),
    }
}

/// The per-indicator analysis (指标分析) grouped under each level-1 indicator, as the reports'
/// 四、绩效评价指标分析 is: every scored leaf, in tree order.
pub fn analysis_by_level1(
    project: &Project,
    card: &Scorecard,
) -> Vec<(SummaryRow, Vec<super::analysis::Analysis>)> {
    let summary = level1_summary(project, card);
    let all = super::analysis::analyses(project, card, true);
    card.tree
        .roots
        .iter()
        .zip(summary.rows)
        .map(|(&root, row)| {
            let items = all
                .iter()
                .filter(|a| {
                    project
                        .index_of(&a.code)
                        .is_some_and(|i| i == root || card.tree.ancestors(i).last() == Some(&root))
                })
                .cloned()
                .collect();
            (row, items)
        })
        .collect()
}

/// The lines that say what the project is: 主管部门, 实施单位, 评价机构, 评价期间, 指标体系.
pub fn meta_lines(project: &Project) -> Vec<(&'static str, String)> {
    use crate::lang::report_words::{Word, word};
    let lang = project.report_lang();
    let mut out = Vec::new();
    if let Some(m) = &project.meta {
        for (label, value) in [
            (word(Word::Department, lang), &m.department),
            (word(Word::Implementer, lang), &m.implementer),
            (word(Word::Evaluator, lang), &m.evaluator),
            (word(Word::Period, lang), &m.period),
        ] {
            if !value.trim().is_empty() {
                out.push((label, value.trim().to_string()));
            }
        }
    }
    let fw = &project.framework;
    if !fw.name.is_empty() {
        let basis = if fw.basis.is_empty() {
            String::new()
        } else {
            format!("（{}）", fw.basis)
        };
        out.push((word(Word::Framework, lang), format!("{}{basis}", fw.name)));
    }
    out
}

/// How the weight of the leaves not applicable was dealt with, in the report's language.
fn na_note(project: &Project, card: &Scorecard) -> String {
    let na = plain(card.na_weight);
    let before = fixed(card.base_score, project.framework.places);
    match (project.report_lang(), project.framework.na_policy) {
        (Lang::Zh, NaPolicy::Rebase) => {
            format!("不适用指标分值 {na}，按总分折算处理（未调整前得分 {before}）")
        }
        (Lang::Zh, NaPolicy::Redistribute) => {
            format!("不适用指标分值 {na}，按同级指标分配处理（未调整前得分 {before}）")
        }
        (Lang::En, NaPolicy::Rebase) => {
            format!("not applicable: {na} points; the total is rebased (before: {before})")
        }
        (Lang::En, NaPolicy::Redistribute) => {
            format!("not applicable: {na} points, shared among siblings (before: {before})")
        }
    }
}
