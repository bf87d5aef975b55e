//! The words a report prints around the evaluator's text — table headers, meta labels, the
//! outline's headings and chapter summaries — in the report's language (`[project] language`,
//! `--report-lang`). The Chinese is what the seeds' reports print, byte for byte.

use super::Lang;

/// A fixed word or phrase of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// 指标 (the level-1 table's first column).
    Indicator,
    /// 分值
    Weight,
    /// 得分
    Score,
    /// 得分率
    Rate,
    /// 合计
    Total,
    /// 指标解释
    Explanation,
    /// 评分标准 (the criteria column's default header)
    Criteria,
    /// 目标值
    Target,
    /// 扣分点说明
    Notes,
    /// 扣分原因 (the outline's per-chapter tables)
    Reasons,
    /// 加减分项
    Adjustments,
    /// 总计 (the score sheet's last row)
    GrandTotal,
    /// 不适用 (in a 得分 cell)
    NotApplicable,
    /// 未完成 (in a 得分 cell)
    Incomplete,
    /// 主管部门
    Department,
    /// 实施单位
    Implementer,
    /// 评价机构
    Evaluator,
    /// 评价期间
    Period,
    /// 指标体系
    Framework,
    /// 一、绩效评价指标整体得分情况
    OverallHeading,
    /// 表1 绩效评价指标整体得分情况表
    OverallTable,
    /// 二、绩效评价指标分析
    AnalysisHeading,
    /// 附件1 综合评分表
    Appendix,
}

/// `w` in `lang`.
pub fn word(w: Word, lang: Lang) -> &'static str {
    use Word::*;
    let (zh, en) = match w {
        Indicator => ("指标", "Indicator"),
        Weight => ("分值", "Weight"),
        Score => ("得分", "Score"),
        Rate => ("得分率", "Rate"),
        Total => ("合计", "Total"),
        Explanation => ("指标解释", "Explanation"),
        // Words `jixiao import` reads back as these columns (an English report's xlsx too).
        Criteria => ("评分标准", "Scoring criteria"),
        Target => ("目标值", "Target"),
        Notes => ("扣分点说明", "Deductions"),
        Reasons => ("扣分原因", "Reasons for deductions"),
        Adjustments => ("加减分项", "Adjustments"),
        GrandTotal => ("总计", "Grand total"),
        NotApplicable => ("不适用", "N/A"),
        Incomplete => ("未完成", "incomplete"),
        Department => ("主管部门", "Department in charge"),
        Implementer => ("实施单位", "Implementing unit"),
        Evaluator => ("评价机构", "Evaluator"),
        Period => ("评价期间", "Period evaluated"),
        Framework => ("指标体系", "Indicator framework"),
        OverallHeading => (
            "一、绩效评价指标整体得分情况",
            "1. Overall scores of the performance indicators",
        ),
        OverallTable => (
            "表1 绩效评价指标整体得分情况表",
            "Table 1 Overall scores of the performance indicators",
        ),
        AnalysisHeading => (
            "二、绩效评价指标分析",
            "2. Analysis of the performance indicators",
        ),
        Appendix => ("附件1 综合评分表", "Appendix 1 Score sheet"),
    };
    lang.pick(zh, en)
}

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// The level-1 summary's header: 指标 / 分值 / 得分 / 得分率.
pub fn summary_header(lang: Lang) -> [&'static str; 4] {
    [Word::Indicator, Word::Weight, Word::Score, Word::Rate].map(|w| word(w, lang))
}

/// The name of a level column: 一级指标 … (Level 1 indicator …).
pub fn level_header(level: usize, lang: Lang) -> String {
    const DIGITS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match (lang, DIGITS.get(level.wrapping_sub(1))) {
        (Lang::Zh, Some(d)) => format!("{d}级指标"),
        (Lang::Zh, None) => format!("{level}级指标"),
        (Lang::En, _) => format!("Level {level} indicator"),
    }
}

/// "评价得分 75.97 分，评价等级为“中”。"
pub fn conclusion(total: &str, grade: &str, lang: Lang) -> String {
    lang.pick(
        format!("评价得分 {total} 分，评价等级为“{grade}”。"),
        format!("The evaluation scores {total} points, grade “{grade}”."),
    )
}

/// "评分进度：3/20 项已评。"
pub fn progress(scored: usize, leaves: usize, lang: Lang) -> String {
    lang.pick(
        format!("评分进度：{scored}/{leaves} 项已评。"),
        format!("Progress: {scored} of {leaves} scored."),
    )
}

/// "（分值 15，得分 12.50，得分率 83.33%）" after a node's heading; `score` and `rate` only
/// once scored.
pub fn node_facts(weight: &str, score: Option<&str>, rate: Option<&str>, lang: Lang) -> String {
    let mut s = lang.pick(format!("（分值 {weight}"), format!(" (weight {weight}"));
    if let Some(score) = score {
        s.push_str(&lang.pick(format!("，得分 {score}"), format!(", score {score}")));
    }
    if let Some(rate) = rate {
        s.push_str(&lang.pick(format!("，得分率 {rate}"), format!(", rate {rate}")));
    }
    s.push_str(lang.pick("）", ")"));
    s
}

/// The sentence that introduces a level-1 chapter's table: "决策类指标总分为 15 分，实际得分
/// 13.67 分，得分率为 91.13%。得分情况如表4-1所示。"
pub fn chapter_summary(
    name: &str,
    weight: &str,
    score: Option<&str>,
    rate: Option<&str>,
    table: &str,
    lang: Lang,
) -> String {
    let mut s = lang.pick(
        format!("{name}类指标总分为 {weight} 分"),
        format!("The {name} indicators weigh {weight} points in all"),
    );
    if let Some(score) = score {
        s.push_str(&lang.pick(
            format!("，实际得分 {score} 分"),
            format!(", scoring {score}"),
        ));
        if let Some(rate) = rate {
            s.push_str(&lang.pick(format!("，得分率为 {rate}"), format!(", a rate of {rate}")));
        }
    }
    s.push_str(&lang.pick(
        format!("。得分情况如{table}所示。"),
        format!(". {table} shows the scores."),
    ));
    s
}

/// A level-1 indicator's heading in chapter `chapter`: "（一）决策情况" ("2.1 决策").
pub fn chapter_heading(ordinal: &str, chapter: usize, k: usize, name: &str, lang: Lang) -> String {
    lang.pick(
        format!("（{ordinal}）{name}情况"),
        format!("{chapter}.{k} {name}"),
    )
}

/// A chapter table's name: "表2-1 决策指标得分情况" (`number` is "2-1").
pub fn chapter_table(number: &str, name: &str, lang: Lang) -> String {
    lang.pick(
        format!("表{number} {name}指标得分情况"),
        format!("Table {number} Scores of the {name} indicators"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_as_the_reports_print_it() {
        assert_eq!(summary_header(Lang::Zh), ["指标", "分值", "得分", "得分率"]);
        assert_eq!(level_header(3, Lang::Zh), "三级指标");
        assert_eq!(
            chapter_summary(
                "决策",
                "15",
                Some("13.67"),
                Some("91.13%"),
                "表2-1",
                Lang::Zh
            ),
            "决策类指标总分为 15 分，实际得分 13.67 分，得分率为 91.13%。得分情况如表2-1所示。"
        );
        assert_eq!(
            node_facts("15", Some("12.50"), Some("83.33%"), Lang::Zh),
            "（分值 15，得分 12.50，得分率 83.33%）"
        );
    }

    #[test]
    fn english_has_no_chinese_of_its_own() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        use Word::*;
        for w in [
            Indicator,
            Weight,
            Score,
            Rate,
            Total,
            Explanation,
            Criteria,
            Target,
            Notes,
            Reasons,
            Adjustments,
            GrandTotal,
            NotApplicable,
            Incomplete,
            Department,
            Implementer,
            Evaluator,
            Period,
            Framework,
            OverallHeading,
            OverallTable,
            AnalysisHeading,
            Appendix,
        ] {
            assert!(!cjk(word(w, Lang::En)), "{w:?}");
        }
        assert_eq!(level_header(2, Lang::En), "Level 2 indicator");
        let s = chapter_summary(
            "A",
            "15",
            Some("13.67"),
            Some("91.13%"),
            "Table 2-1",
            Lang::En,
        );
        assert_eq!(
            s,
            "The A indicators weigh 15 points in all, scoring 13.67, a rate of 91.13%. Table 2-1 shows the scores."
        );
        assert!(!cjk(&conclusion("75.97", "B", Lang::En)));
        assert!(!cjk(&progress(3, 20, Lang::En)));
    }
}
