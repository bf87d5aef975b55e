//! The texts of the rule picker and the rule form (`f` on a leaf): a table of its own beside
//! the main one in `strings`, reached through `Msg::RuleForm`.

/// One text of the rule picker and form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFormMsg {
    PickTitle,
    OneLine,
    FormTitle,
    Hint,
    Preview,
    PreviewScore,
    PreviewUnscored,
    PreviewNa,
    HintInput,
    HintNumber,
    HintShare,
    HintChoice,
    HintText,
    HintLevel,
    HintBand,
    HintCheckpoint,
    HintVeto,
    NoChoices,
    NotAList,
    HelpNextChoice,
    HelpAddRow,
    HelpRemoveRow,
    Unchanged,
    KindDeductions,
    KindJudgement,
    KindCheckpoints,
    KindLevels,
    KindRate,
    KindThreshold,
    KindBands,
    KindProportional,
    KindHybrid,
    KindPerPoint,
    KindLinear,
    KindTarget,
    KindFormula,
    KindBranch,
}

impl RuleFormMsg {
    /// The one-line description of a rule kind in the picker.
    pub fn of_kind(kind: &str) -> RuleFormMsg {
        use RuleFormMsg::*;
        match kind {
            "deductions" => KindDeductions,
            "judgement" => KindJudgement,
            "checkpoints" => KindCheckpoints,
            "levels" => KindLevels,
            "rate" => KindRate,
            "threshold" => KindThreshold,
            "bands" => KindBands,
            "proportional" => KindProportional,
            "hybrid" => KindHybrid,
            "per_point" => KindPerPoint,
            "linear" => KindLinear,
            "target" => KindTarget,
            "formula" => KindFormula,
            _ => KindBranch,
        }
    }

    #[cfg(test)]
    pub const ALL: [RuleFormMsg; 37] = {
        use RuleFormMsg::*;
        [
            PickTitle,
            OneLine,
            FormTitle,
            Hint,
            Preview,
            PreviewScore,
            PreviewUnscored,
            PreviewNa,
            HintInput,
            HintNumber,
            HintShare,
            HintChoice,
            HintText,
            HintLevel,
            HintBand,
            HintCheckpoint,
            HintVeto,
            NoChoices,
            NotAList,
            HelpNextChoice,
            HelpAddRow,
            HelpRemoveRow,
            Unchanged,
            KindDeductions,
            KindJudgement,
            KindCheckpoints,
            KindLevels,
            KindRate,
            KindThreshold,
            KindBands,
            KindProportional,
            KindHybrid,
            KindPerPoint,
            KindLinear,
            KindTarget,
            KindFormula,
            KindBranch,
        ]
    };
}

// One line per text, Chinese then English: kept as a table on purpose.
#[rustfmt::skip]
pub(super) fn pair(msg: RuleFormMsg) -> (&'static str, &'static str) {
    use RuleFormMsg::*;
    match msg {
        PickTitle => ("{} 的评分规则：选择类型", "Rule of {}: choose its kind"),
        OneLine => ("按一行编辑（kind=… 参数=值）", "edit as one line (kind=… key=value)"),
        FormTitle => ("{} 的评分规则：{}", "Rule of {}: {}"),
        Hint => ("Tab 换项 · Ctrl-n 候选 · Ctrl-o/d 加/删行 · Enter 确定 · Esc 取消", "Tab field · Ctrl-n choices · Ctrl-o/d add/delete row · Enter OK · Esc cancel"),
        Preview => ("按此规则：", "With this rule:"),
        PreviewScore => ("得 {} 分（满分 {} 分）", "scores {} of {}"),
        PreviewUnscored => ("尚未评分：录入后按此规则计分", "not scored yet: recorded values will be scored by this rule"),
        PreviewNa => ("不适用：{}", "not applicable: {}"),
        HintInput => ("输入项名称；Ctrl-n 轮换本指标的输入项：{}", "an input name; Ctrl-n cycles the leaf's inputs: {}"),
        HintNumber => ("数字（百分比写 95 或 95%）", "a number (a percentage as 95 or 95%)"),
        HintShare => ("分值的比例：0.05 或 1/3", "a share of the weight: 0.05 or 1/3"),
        HintChoice => ("{} 之一（Ctrl-n 轮换）；留空为默认", "one of {} (Ctrl-n cycles); empty for the default"),
        HintText => ("文本（公式、日期或数值）", "text (a formula, a date or a number)"),
        HintLevel => ("一行一档：名称=分值，或 名称=*比例（Ctrl-o 加一档，Ctrl-d 删除）", "one level a row: name=points or name=*share (Ctrl-o adds, Ctrl-d deletes)"),
        HintBand => ("一行一个区间：下限=分值，如 90=4（Ctrl-o 加一行）", "one band a row: min=points, e.g. 90=4 (Ctrl-o adds a row)"),
        HintCheckpoint => ("一行一个评价要点的分值（Ctrl-o 加一行）", "one checkpoint's points a row (Ctrl-o adds a row)"),
        HintVeto => ("一行一个一票否决项：布尔输入项名称，为 true 时本指标得 0 分（Ctrl-n 轮换输入项，Ctrl-o 加一行）", "one 一票否决 item a row: a boolean input's name; when true the leaf scores 0 (Ctrl-n cycles inputs, Ctrl-o adds a row)"),
        NoChoices => ("{} 没有可选的值", "{} has no choices"),
        NotAList => ("{} 不是列表，不能加行或删行", "{} is not a list: rows cannot be added or deleted"),
        HelpNextChoice => ("规则表单：轮换候选值（输入项、选项）", "rule form: cycle the choices (inputs, options)"),
        HelpAddRow => ("规则表单：在列表中加一行（档次、区间、要点、否决项）", "rule form: add a row to a list (levels, bands, checkpoints, vetoes)"),
        HelpRemoveRow => ("规则表单：删除列表中的这一行", "rule form: delete this row of a list"),
        Unchanged => ("评分规则未改变", "the rule is unchanged"),
        KindDeductions => ("逐项扣分：从满分扣去每处问题，扣完为止", "deductions: full marks less each finding, down to 0"),
        KindJudgement => ("酌情评分：评价人在区间内给分", "judgement: the evaluator gives a score within a range"),
        KindCheckpoints => ("评价要点计分：每个要点达到得其分值", "checkpoints: each 评价要点 met earns its points"),
        KindLevels => ("分档评分：好/较好/一般/差，选中一档得其分", "levels: one described level (好/较好/一般/差) applies"),
        KindRate => ("比率×分值：分子÷分母×分值", "rate: numerator ÷ denominator × weight"),
        KindThreshold => ("达标得分：达到（或不超过）限值得满分，否则按约定", "threshold: full marks at or past a limit, else as stated"),
        KindBands => ("区间计分：比率落在哪个区间得该区间的分", "bands: fixed points for the band the rate reaches"),
        KindProportional => ("按比例得分：达到阈值满分，以下按比率÷阈值", "proportional: full at the threshold, rate ÷ threshold below"),
        KindHybrid => ("分段按比例：满分线以上满分，至下限按比例，以下 0 分", "hybrid: full above one line, proportional down to a floor, 0 below"),
        KindPerPoint => ("每降低 1 个百分点扣分：低于阈值按步长扣", "per point: a deduction per step below (or above) a threshold"),
        KindLinear => ("区间内线性：满分点到零分点之间按直线", "linear: a straight line from full marks to zero"),
        KindTarget => ("目标值比较：实际值与目标值（数值或日期）比较", "target: the actual value against a target (number or date)"),
        KindFormula => ("公式计分：按输入项的公式计算", "formula: a formula over the leaf's inputs"),
        KindBranch => ("条件分支：按是否条件选用两个规则之一（一行编辑）", "branch: one of two rules by a yes/no input (one-line form)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages_with_the_same_placeholders() {
        for m in RuleFormMsg::ALL {
            let (zh, en) = pair(m);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m:?}: {zh}"
            );
            assert!(
                en.chars().filter(char::is_ascii_alphabetic).count() > 3,
                "{m:?}: {en}"
            );
            assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "{m:?}");
        }
    }
}
