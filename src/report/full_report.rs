//! `export --report`: the whole report in the order of the MoF reference outline
//! (财预〔2020〕10号 附件《项目支出绩效评价报告（参考提纲）》). The chapters the numbers decide are
//! computed — 综合评价 (total, grade, the summary table), 指标分析 (a table and the paragraphs per
//! level-1 indicator), the problems gathered from the deductions' reasons — and the chapters only
//! the evaluators can write come from the project's `[report]` table. A chapter nobody wrote yet
//! says so in the document instead of disappearing.

use super::labels::TableLabels;
use super::outline::{Block, analysis_blocks, appendix_blocks, report_sheet};
use crate::lang::Lang;
use crate::lang::explanation::deduction_reason;
use crate::lang::report_chapters::{self as chapters, Part, part};
use crate::model::{Project, ReportText};
use crate::scoring::{LeafState, Scorecard, Step};

/// The words a missing chapter shows: where to write it.
fn text_or_missing(text: &str, key: &str, lang: Lang) -> Block {
    if text.trim().is_empty() {
        Block::Paragraph(chapters::missing(key, lang))
    } else {
        Block::Paragraph(text.trim().to_string())
    }
}

/// The problems the scoring found: each deduction's reason and each leaf that could not be
/// scored, under the indicator it belongs to, in tree order.
pub fn gathered_problems(project: &Project, card: &Scorecard, labels: &TableLabels) -> Vec<String> {
    let mut out = Vec::new();
    for i in card.tree.preorder() {
        let Some(leaf) = &card.nodes[i].leaf else {
            continue;
        };
        let ind = &project.indicators[i];
        let label = labels.label(ind.display_code(), &ind.name);
        let lang = project.report_lang();
        if let LeafState::Unscorable(r) = &leaf.state {
            let reason = r.trim().trim_end_matches('。');
            out.push(chapters::problem(&label, reason, true, lang));
        }
        for s in &leaf.steps {
            if let Step::Deduction { reason, count, .. } = s
                && !reason.trim().is_empty()
            {
                let reason = deduction_reason(reason, *count, lang);
                let reason = reason.trim_end_matches('。');
                out.push(chapters::problem(&label, reason, false, lang));
            }
        }
    }
    out
}

/// The report's blocks, chapter by chapter.
pub fn report_document(project: &Project, card: &Scorecard, labels: &TableLabels) -> Vec<Block> {
    let empty = ReportText::default();
    let text = project.report.as_ref().unwrap_or(&empty);
    let summary = super::sheet::level1_summary(project, card);
    let sheet = report_sheet(project, card, labels);
    let title = project.title();
    let lang = project.report_lang();
    let mut out = vec![Block::Title(chapters::title(title, lang))];
    let meta: Vec<(String, String)> = super::sheet::meta_lines(project)
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect();
    if !meta.is_empty() {
        out.push(Block::Meta(meta));
    }

    out.push(Block::Heading(1, part(Part::Basic, lang).into()));
    out.push(text_or_missing(&text.basic, "basic", lang));

    out.push(Block::Heading(1, part(Part::Work, lang).into()));
    out.push(text_or_missing(&text.work, "work", lang));

    out.push(Block::Heading(1, part(Part::Conclusion, lang).into()));
    let mut conclusion = String::new();
    if let (Some(total), Some(grade)) = (summary.total.score, &summary.grade) {
        let total = crate::scoring::rounding::fixed(total, summary.places);
        conclusion.push_str(&chapters::verdict(title, &total, grade, lang));
    }
    conclusion.push_str(part(Part::SeeTables, lang));
    out.push(Block::Paragraph(conclusion));
    out.push(Block::Caption(part(Part::SummaryTable, lang).into()));
    out.push(Block::Summary(summary.clone()));
    if !summary.note.is_empty() {
        out.push(Block::Paragraph(summary.note.clone()));
    }
    if summary.scored_leaves < summary.leaves {
        out.push(Block::Paragraph(chapters::unfinished(
            summary.scored_leaves,
            summary.leaves,
            lang,
        )));
    }
    if !text.conclusion.trim().is_empty() {
        out.push(Block::Paragraph(text.conclusion.trim().to_string()));
    }

    out.push(Block::Heading(1, part(Part::Analysis, lang).into()));
    out.extend(analysis_blocks(project, card, &sheet, &summary, labels, 4));

    out.push(Block::Heading(1, part(Part::Lessons, lang).into()));
    out.push(Block::Heading(2, part(Part::Experience, lang).into()));
    out.push(text_or_missing(&text.experience, "experience", lang));
    out.push(Block::Heading(2, part(Part::Problems, lang).into()));
    if !text.problems.trim().is_empty() {
        out.push(Block::Paragraph(text.problems.trim().to_string()));
    }
    let problems = gathered_problems(project, card, labels);
    if problems.is_empty() {
        if text.problems.trim().is_empty() {
            out.push(Block::Paragraph(part(Part::NoProblems, lang).into()));
        }
    } else {
        out.push(Block::Paragraph(part(Part::ProblemsFound, lang).into()));
        out.push(Block::List(problems));
    }

    out.push(Block::Heading(1, part(Part::Suggestions, lang).into()));
    out.push(text_or_missing(&text.suggestions, "suggestions", lang));

    out.push(Block::Heading(1, part(Part::Other, lang).into()));
    out.push(text_or_missing(&text.other, "other", lang));

    out.extend(appendix_blocks(sheet, project.report_lang()));
    out
}
