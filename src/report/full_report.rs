//! `export --report`: the whole report in the order of the MoF reference outline
//! (财预〔2020〕10号 附件《项目支出绩效评价报告（参考提纲）》). The chapters the numbers decide are
//! computed — 综合评价 (total, grade, the summary table), 指标分析 (a table and the paragraphs per
//! level-1 indicator), the problems gathered from the deductions' reasons — and the chapters only
//! the evaluators can write come from the project's `[report]` table. A chapter nobody wrote yet
//! says so in the document instead of disappearing.

use super::labels::TableLabels;
use super::outline::{Block, analysis_blocks, appendix_blocks, report_sheet};
use crate::lang::explanation::deduction_reason;
use crate::model::{Project, ReportText};
use crate::scoring::{LeafState, Scorecard, Step};

/// The words a missing chapter shows: where to write it.
fn missing(key: &str) -> String {
    format!("（本章尚未撰写：请在项目文件 [report] 的 {key} 中填写。）")
}

fn text_or_missing(text: &str, key: &str) -> Block {
    if text.trim().is_empty() {
        Block::Paragraph(missing(key))
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
        if let LeafState::Unscorable(r) = &leaf.state {
            out.push(format!(
                "{label}：{}，该指标不得分。",
                r.trim().trim_end_matches('。')
            ));
        }
        for s in &leaf.steps {
            if let Step::Deduction { reason, count, .. } = s
                && !reason.trim().is_empty()
            {
                let reason = deduction_reason(reason, *count, project.report_lang());
                out.push(format!("{label}：{}。", reason.trim_end_matches('。')));
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
    let mut out = vec![Block::Title(if title.ends_with("报告") {
        title.to_string()
    } else {
        format!("{title}绩效评价报告")
    })];
    let meta: Vec<(String, String)> = super::sheet::meta_lines(project)
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect();
    if !meta.is_empty() {
        out.push(Block::Meta(meta));
    }

    out.push(Block::Heading(1, "一、基本情况".into()));
    out.push(text_or_missing(&text.basic, "basic"));

    out.push(Block::Heading(1, "二、绩效评价工作开展情况".into()));
    out.push(text_or_missing(&text.work, "work"));

    out.push(Block::Heading(1, "三、综合评价情况及评价结论".into()));
    let mut conclusion = String::new();
    if let (Some(total), Some(grade)) = (summary.total.score, &summary.grade) {
        conclusion.push_str(&format!(
            "经评价，{title}综合评价得分 {} 分，评价等级为“{grade}”。",
            crate::scoring::rounding::fixed(total, summary.places)
        ));
    }
    conclusion.push_str("各指标得分情况详见表3-1，评分过程详见附件1 综合评分表。");
    out.push(Block::Paragraph(conclusion));
    out.push(Block::Caption("表3-1 绩效评价指标整体得分情况表".into()));
    out.push(Block::Summary(summary.clone()));
    if !summary.note.is_empty() {
        out.push(Block::Paragraph(summary.note.clone()));
    }
    if summary.scored_leaves < summary.leaves {
        out.push(Block::Paragraph(format!(
            "评分尚未完成：{}/{} 项已评。",
            summary.scored_leaves, summary.leaves
        )));
    }
    if !text.conclusion.trim().is_empty() {
        out.push(Block::Paragraph(text.conclusion.trim().to_string()));
    }

    out.push(Block::Heading(1, "四、绩效评价指标分析".into()));
    out.extend(analysis_blocks(project, card, &sheet, &summary, labels, 4));

    out.push(Block::Heading(
        1,
        "五、主要经验及做法、存在的问题及原因分析".into(),
    ));
    out.push(Block::Heading(2, "（一）主要经验及做法".into()));
    out.push(text_or_missing(&text.experience, "experience"));
    out.push(Block::Heading(2, "（二）存在的问题及原因分析".into()));
    if !text.problems.trim().is_empty() {
        out.push(Block::Paragraph(text.problems.trim().to_string()));
    }
    let problems = gathered_problems(project, card, labels);
    if problems.is_empty() {
        if text.problems.trim().is_empty() {
            out.push(Block::Paragraph("评分中未发现扣分事项。".into()));
        }
    } else {
        out.push(Block::Paragraph("评分中发现的问题如下：".into()));
        out.push(Block::List(problems));
    }

    out.push(Block::Heading(1, "六、有关建议".into()));
    out.push(text_or_missing(&text.suggestions, "suggestions"));

    out.push(Block::Heading(1, "七、其他需要说明的问题".into()));
    out.push(text_or_missing(&text.other, "other"));

    out.extend(appendix_blocks(sheet, project.report_lang()));
    out
}
