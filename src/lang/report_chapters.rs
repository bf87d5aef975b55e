//! The whole report's (`export --report`) fixed texts — its chapter headings, the sentences
//! that tie the chapters to the tables, the placeholder of a chapter not yet written — in the
//! report's language. The Chinese follows the seeds' reports (财预〔2020〕10号's outline).

use super::Lang;

/// A fixed text of the whole report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// 一、基本情况
    Basic,
    /// 二、绩效评价工作开展情况
    Work,
    /// 三、综合评价情况及评价结论
    Conclusion,
    /// 表3-1 绩效评价指标整体得分情况表
    SummaryTable,
    /// 各指标得分情况详见表3-1 …
    SeeTables,
    /// 四、绩效评价指标分析
    Analysis,
    /// 五、主要经验及做法、存在的问题及原因分析
    Lessons,
    /// （一）主要经验及做法
    Experience,
    /// （二）存在的问题及原因分析
    Problems,
    /// 评分中未发现扣分事项。
    NoProblems,
    /// 评分中发现的问题如下：
    ProblemsFound,
    /// 六、有关建议
    Suggestions,
    /// 七、其他需要说明的问题
    Other,
}

/// `p` in `lang`.
pub fn part(p: Part, lang: Lang) -> &'static str {
    use Part::*;
    let (zh, en) = match p {
        Basic => ("一、基本情况", "1. Background"),
        Work => ("二、绩效评价工作开展情况", "2. How the evaluation was done"),
        Conclusion => (
            "三、综合评价情况及评价结论",
            "3. Overall evaluation and conclusion",
        ),
        SummaryTable => (
            "表3-1 绩效评价指标整体得分情况表",
            "Table 3-1 Overall scores of the performance indicators",
        ),
        SeeTables => (
            "各指标得分情况详见表3-1，评分过程详见附件1 综合评分表。",
            "Table 3-1 gives each indicator's score; Appendix 1 (the score sheet) shows how it was scored.",
        ),
        Analysis => (
            "四、绩效评价指标分析",
            "4. Analysis of the performance indicators",
        ),
        Lessons => (
            "五、主要经验及做法、存在的问题及原因分析",
            "5. Lessons, problems and their causes",
        ),
        Experience => ("（一）主要经验及做法", "5.1 What worked"),
        Problems => (
            "（二）存在的问题及原因分析",
            "5.2 Problems and their causes",
        ),
        NoProblems => ("评分中未发现扣分事项。", "Scoring found nothing to deduct."),
        ProblemsFound => ("评分中发现的问题如下：", "Scoring found these problems:"),
        Suggestions => ("六、有关建议", "6. Suggestions"),
        Other => ("七、其他需要说明的问题", "7. Other matters"),
    };
    lang.pick(zh, en)
}

/// The report's title from the project's: "…绩效评价报告" unless it already ends so.
pub fn title(project_title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh if project_title.ends_with("报告") => project_title.to_string(),
        Lang::Zh => format!("{project_title}绩效评价报告"),
        Lang::En => format!("{project_title}: performance evaluation report"),
    }
}

/// The placeholder of a chapter whose text `[report] key` is empty.
pub fn missing(key: &str, lang: Lang) -> String {
    lang.pick(
        format!("（本章尚未撰写：请在项目文件 [report] 的 {key} 中填写。）"),
        format!("(This chapter is not written yet: fill in {key} in the project file's [report].)"),
    )
}

/// "经评价，X综合评价得分 75.97 分，评价等级为“中”。"
pub fn verdict(title: &str, total: &str, grade: &str, lang: Lang) -> String {
    lang.pick(
        format!("经评价，{title}综合评价得分 {total} 分，评价等级为“{grade}”。"),
        format!("The evaluation of {title} scores {total} points, grade “{grade}”. "),
    )
}

/// "评分尚未完成：3/20 项已评。"
pub fn unfinished(scored: usize, leaves: usize, lang: Lang) -> String {
    lang.pick(
        format!("评分尚未完成：{scored}/{leaves} 项已评。"),
        format!("Scoring is not finished: {scored} of {leaves} scored."),
    )
}

/// A problem gathered from the scoring: "A102 立项程序规范性：reason。" (`unscorable`: the
/// leaf scores nothing because of it).
pub fn problem(label: &str, reason: &str, unscorable: bool, lang: Lang) -> String {
    match (lang, unscorable) {
        (Lang::Zh, true) => format!("{label}：{reason}，该指标不得分。"),
        (Lang::Zh, false) => format!("{label}：{reason}。"),
        (Lang::En, true) => format!("{label}: {reason}; it scores nothing."),
        (Lang::En, false) => format!("{label}: {reason}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_parts_have_no_chinese() {
        use Part::*;
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for p in [
            Basic,
            Work,
            Conclusion,
            SummaryTable,
            SeeTables,
            Analysis,
            Lessons,
            Experience,
            Problems,
            NoProblems,
            ProblemsFound,
            Suggestions,
            Other,
        ] {
            assert!(!cjk(part(p, Lang::En)), "{p:?}");
            assert!(cjk(part(p, Lang::Zh)), "{p:?}");
        }
        assert_eq!(title("X项目", Lang::Zh), "X项目绩效评价报告");
        assert_eq!(title("X报告", Lang::Zh), "X报告");
        assert!(missing("basic", Lang::En).contains("basic"));
    }
}
