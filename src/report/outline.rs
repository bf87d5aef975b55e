//! A document as a list of blocks — headings, paragraphs, captions and the score tables — built
//! once from the project and drawn by each writer (docx; md and html for `--report`). The
//! tables themselves stay data (`ScoreSheet`, `Level1Summary`, `Level1Table`) until drawn.

use rust_decimal::Decimal;

use super::labels::{TableLabels, criteria_for_report, notes_for_report};
use super::sheet::{Level1Summary, RowKind, ScoreSheet, Span, SummaryRow};
use crate::lang::Lang;
use crate::lang::report_words::{self as words, Word, word};
use crate::model::Project;
use crate::scoring::rounding::fixed;
use crate::scoring::{LeafState, Scorecard};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// 主管部门：… lines under the title.
    Meta(Vec<(String, String)>),
    /// Level 1 (一、…) or 2 (（一）…).
    Heading(u8, String),
    /// Text; each line is a paragraph.
    Paragraph(String),
    /// A paragraph that starts with a bold lead: "A101 依据充分性：" + text.
    Lead {
        lead: String,
        text: String,
    },
    /// Numbered findings: "1. …".
    List(Vec<String>),
    Caption(String),
    Summary(Level1Summary),
    Level1(Level1Table),
    Sheet(ScoreSheet),
    /// Everything after this is in a landscape section (the 附件 tables).
    Landscape,
}

/// One level-1 indicator's table, as the 荣成 reports' 表4-1…4-4: its leaves under their 二级
/// (and deeper) indicators, with 分值, 目标值, 得分, 得分率 and 扣分原因, then 合计.
#[derive(Debug, Clone, PartialEq)]
pub struct Level1Table {
    pub head: SummaryRow,
    /// The headers of the indicator columns below level 1 (二级指标, 三级指标 …).
    pub level_headers: Vec<String>,
    pub rows: Vec<Level1Row>,
    pub show_target: bool,
    pub places: u32,
    /// The report's language, for the headers.
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level1Row {
    pub levels: Vec<Option<Span>>,
    pub weight: Decimal,
    pub target: String,
    pub score: Option<Decimal>,
    /// What the 得分 cell says without a number (不适用).
    pub score_text: String,
    pub rate: String,
    pub notes: Vec<String>,
}

impl Level1Table {
    pub fn headers(&self) -> Vec<String> {
        let lang = self.lang;
        let mut h = self.level_headers.clone();
        h.push(word(Word::Weight, lang).into());
        if self.show_target {
            h.push(word(Word::Target, lang).into());
        }
        h.extend([Word::Score, Word::Rate, Word::Reasons].map(|w| word(w, lang).to_string()));
        h
    }

    pub fn score_text(&self, r: &Level1Row) -> String {
        r.score
            .map(|s| fixed(s, self.places))
            .unwrap_or_else(|| r.score_text.clone())
    }
}

/// The 综合评分表 as a report prints it: labels per the firm's choice, 评分标准 never blank for
/// a rule-scored leaf, 扣分点说明 as the findings' reasons.
pub fn report_sheet(project: &Project, card: &Scorecard, labels: &TableLabels) -> ScoreSheet {
    let mut sheet = super::sheet::score_sheet(project, card);
    sheet.criteria_header = labels.criteria_header.clone();
    sheet.target_column = labels.shows_target(project);
    for row in &mut sheet.rows {
        let RowKind::Leaf { index } = row.kind else {
            continue;
        };
        row.criteria = criteria_for_report(project, card, index);
        row.notes = notes_for_report(project, card, index, labels);
        if !labels.code_prefix {
            let mut path = card.tree.ancestors(index);
            path.reverse();
            for (level, &node) in path.iter().enumerate() {
                let ind = &project.indicators[node];
                if let Some(span) = row.levels.get_mut(level).and_then(Option::as_mut) {
                    span.text = labels.label(ind.display_code(), &ind.name);
                }
                if let Some(l) = row.labels.get_mut(level) {
                    *l = labels.label(ind.display_code(), &ind.name);
                }
            }
        }
    }
    if !labels.code_prefix {
        // An item's label loses its code ("F1 创新…" → "创新…"); in a deeper table the first
        // column is the group's heading (加减分项), which is kept as it is.
        let depth = sheet.level_headers.len();
        for row in &mut sheet.rows {
            if row.kind == RowKind::Adjustment {
                for (level, s) in row.levels.iter_mut().enumerate() {
                    let Some(s) = s else { continue };
                    if level == 0 && depth > 1 {
                        continue;
                    }
                    if let Some((_, name)) = s.text.split_once(' ') {
                        s.text = name.to_string();
                    }
                }
            }
        }
    }
    sheet
}

/// The table of one level-1 indicator (`root`), cut out of the report sheet.
pub fn level1_table(
    project: &Project,
    card: &Scorecard,
    sheet: &ScoreSheet,
    summary: &Level1Summary,
    root: usize,
    labels: &TableLabels,
) -> Level1Table {
    let depth = sheet.level_headers.len();
    let k = card.tree.roots.iter().position(|&r| r == root).unwrap_or(0);
    let mut rows = Vec::new();
    for r in &sheet.rows {
        let RowKind::Leaf { index } = r.kind else {
            continue;
        };
        if card.tree.ancestors(index).last() != Some(&root) {
            continue;
        }
        let mut levels: Vec<Option<Span>> = r.levels.iter().skip(1).cloned().collect();
        if levels.is_empty() || (index == root && depth > 1) {
            // A level-1 leaf: one row naming it across the indicator columns.
            levels = vec![None; depth.saturating_sub(1).max(1)];
            levels[0] = Some(Span {
                text: r.labels[0].clone(),
                rows: 1,
                cols: depth.saturating_sub(1).max(1),
            });
        } else if let Some(Some(s)) = levels.first_mut() {
            s.cols = s.cols.min(depth - 1);
        }
        let node = &card.nodes[index];
        let scored = matches!(
            node.leaf.as_ref().map(|l| &l.state),
            Some(LeafState::Scored | LeafState::Unscorable(_) | LeafState::Error(_))
        );
        rows.push(Level1Row {
            levels,
            weight: project.indicators[index].weight,
            target: project.indicators[index].target.trim().to_string(),
            score: r.score,
            score_text: r.score_text.clone(),
            rate: if scored {
                node.rate
                    .map(|x| format!("{}%", fixed(x, 2)))
                    .unwrap_or_default()
            } else {
                String::new()
            },
            notes: super::labels::brief_notes(project, card, index, labels),
        });
    }
    Level1Table {
        head: summary.rows[k].clone(),
        level_headers: (2..=depth.max(2))
            .map(|l| words::level_header(l, project.report_lang()))
            .collect(),
        rows,
        show_target: labels.shows_target(project),
        places: project.framework.places,
        lang: project.report_lang(),
    }
}

/// Chinese ordinals for headings: 一, 二 … 二十.
pub fn ordinal(n: usize) -> String {
    const D: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match n {
        1..=10 => D[n - 1].to_string(),
        11..=19 => format!("十{}", D[n - 11]),
        20 => "二十".into(),
        _ => n.to_string(),
    }
}

/// The sentence that introduces a level-1 table: "决策类指标总分为 15 分，实际得分 13.67 分，得分率
/// 为 91.13%。得分情况如表 4-1 所示。"
pub fn level1_intro(head: &SummaryRow, places: u32, table: &str, lang: Lang) -> String {
    let score = head.score.map(|s| fixed(s, places));
    let rate = Level1Summary::rate_text(head);
    words::chapter_summary(
        &head.name,
        &crate::scoring::rounding::plain(head.weight),
        score.as_deref(),
        Some(rate.as_str()).filter(|r| !r.is_empty()),
        table,
        lang,
    )
}

/// The tables document `export --format docx` writes without `--report`: the summary, the
/// analysis with a table per level-1 indicator, and 附件1 in a landscape section.
pub fn tables_document(project: &Project, card: &Scorecard, labels: &TableLabels) -> Vec<Block> {
    let summary = super::sheet::level1_summary(project, card);
    let sheet = report_sheet(project, card, labels);
    let mut out = vec![Block::Title(project.title().to_string())];
    let meta: Vec<(String, String)> = super::sheet::meta_lines(project)
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect();
    if !meta.is_empty() {
        out.push(Block::Meta(meta));
    }
    let lang = project.report_lang();
    out.push(Block::Heading(1, word(Word::OverallHeading, lang).into()));
    out.extend(summary_blocks(&summary, word(Word::OverallTable, lang)));
    out.push(Block::Heading(1, word(Word::AnalysisHeading, lang).into()));
    out.extend(analysis_blocks(project, card, &sheet, &summary, labels, 2));
    out.extend(appendix_blocks(sheet, lang));
    out
}

pub fn summary_blocks(summary: &Level1Summary, caption: &str) -> Vec<Block> {
    let mut out = vec![
        Block::Caption(caption.to_string()),
        Block::Summary(summary.clone()),
    ];
    for line in [summary.conclusion(), summary.note.clone()] {
        if !line.is_empty() {
            out.push(Block::Paragraph(line));
        }
    }
    out
}

/// Per level-1 indicator: a heading, the intro sentence, its table (表N-k), and each leaf's
/// analysis paragraph.
pub fn analysis_blocks(
    project: &Project,
    card: &Scorecard,
    sheet: &ScoreSheet,
    summary: &Level1Summary,
    labels: &TableLabels,
    chapter: usize,
) -> Vec<Block> {
    let groups = super::sheet::analysis_by_level1(project, card);
    let mut out = Vec::new();
    for (k, (&root, (head, items))) in card.tree.roots.iter().zip(groups).enumerate() {
        let lang = project.report_lang();
        let number = format!("{chapter}-{}", k + 1);
        let table_name = lang.pick(format!("表{number}"), format!("Table {number}"));
        out.push(Block::Heading(
            2,
            words::chapter_heading(&ordinal(k + 1), chapter, k + 1, &head.name, lang),
        ));
        out.push(Block::Paragraph(level1_intro(
            &head,
            project.framework.places,
            &table_name,
            lang,
        )));
        out.push(Block::Caption(words::chapter_table(
            &number, &head.name, lang,
        )));
        out.push(Block::Level1(level1_table(
            project, card, sheet, summary, root, labels,
        )));
        for a in items {
            out.push(Block::Lead {
                lead: format!("{}：", labels.label(&a.shown, &a.name)),
                text: a.paragraph.clone(),
            });
        }
    }
    out
}

pub fn appendix_blocks(sheet: ScoreSheet, lang: Lang) -> Vec<Block> {
    vec![
        Block::Landscape,
        Block::Heading(1, word(Word::Appendix, lang).into()),
        Block::Sheet(sheet),
    ]
}
