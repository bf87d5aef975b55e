//! Every piece of UI text, in Chinese and English, in one place. Texts computed by the library
//! (rule explanations, check messages) are shown as the library writes them.

/// The language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// From the locale: LC_ALL, then LC_MESSAGES, then LANG; "zh…" means Chinese.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// `--lang zh|en`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh_cn" | "zh-cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The id of one UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // Panes and screen parts.
    TreeTitle,
    DetailTitle,
    HelpTitle,
    Total,
    Progress,
    Unsaved,
    HelpHint,
    ReadOnly,
    LockedBy,
    ReadOnlyByChoice,
    LockStale,
    RecoveryTitle,
    RecoveryRestore,
    RecoveryDiscard,
    RecoveryLater,
    RecoveryRestored,
    RecoveryDiscarded,
    RecoveryBroken,
    LoadErrors,
    // Tree marks.
    MarkUnscored,
    MarkScored,
    MarkReviewed,
    MarkNa,
    Legend,
    // Detail.
    Weight,
    Score,
    Rate,
    Target,
    DataSource,
    Formula,
    SecExplanation,
    SecCriteria,
    SecRule,
    SecScoring,
    SecInputs,
    SecDeductions,
    SecEvidence,
    SecJustification,
    SecStatus,
    SecChildren,
    SecLosses,
    SecWarnings,
    JudgedScore,
    AwardedScore,
    NotSet,
    Tier,
    AddInput,
    AddDeduction,
    PickStandard,
    AddEvidence,
    Empty,
    Status,
    Colon,
    StatusUnscored,
    StatusScored,
    StatusReviewed,
    Na,
    Unscorable,
    DeductionTotal,
    Points,
    NoRuleTexts,
    // Prompts and forms.
    ScorePrompt,
    NaPrompt,
    UnscorablePrompt,
    InputPrompt,
    InputValuePrompt,
    DeductionForm,
    FieldPoints,
    FieldCount,
    FieldReason,
    EvidenceForm,
    FieldTitle,
    FieldAt,
    FieldNote,
    SaveAsPrompt,
    SearchPrompt,
    PromptHint,
    FormHint,
    PickerHint,
    EditorTitle,
    EditorHint,
    EscAgain,
    TierTitle,
    ClearChoice,
    StatusTitle,
    MarkNaItem,
    MarkUnscorableItem,
    ClearNaItem,
    ClearUnscorableItem,
    StandardTitle,
    ConflictTitle,
    ConflictSaveAs,
    ConflictReload,
    Cancel,
    QuitTitle,
    QuitSave,
    QuitDiscard,
    // Messages.
    NotANumber,
    BadInputValue,
    InputNeedsName,
    PathExists,
    Reloaded,
    NotACount,
    ParentNoEdit,
    NotForThisRule,
    NoStandard,
    NothingToDelete,
    Deleted,
    NothingToUndo,
    NothingToRedo,
    Undone,
    Redone,
    Saved,
    SavedAs,
    SaveFailed,
    MineWritten,
    ReloadFailed,
    NoMatch,
    NoUnscored,
    NoLoss,
    NoWarnings,
    PasteWhere,
    UnknownKey,
    Conflict,
    // Key help, one per action.
    HelpUp,
    HelpDown,
    HelpLeft,
    HelpRight,
    HelpTop,
    HelpBottom,
    HelpPageUp,
    HelpPageDown,
    HelpSwitchPane,
    HelpActivate,
    HelpToggle,
    HelpBack,
    HelpSearch,
    HelpNextMatch,
    HelpPrevMatch,
    HelpNextUnscored,
    HelpNextLoss,
    HelpNextWarning,
    HelpEditScore,
    HelpAddDeduction,
    HelpPickStandard,
    HelpAddEvidence,
    HelpAddInput,
    HelpChooseTier,
    HelpEditJustification,
    HelpMark,
    HelpDelete,
    HelpUndo,
    HelpRedo,
    HelpSave,
    HelpQuit,
    HelpHelp,
    HelpSubmit,
    HelpCancel,
    HelpNextField,
    HelpPrevField,
    HelpCursorLeft,
    HelpCursorRight,
    HelpCursorUp,
    HelpCursorDown,
    HelpLineStart,
    HelpLineEnd,
    HelpDeleteBack,
    HelpDeleteForward,
    HelpClearToStart,
    HelpNewline,
    HelpDone,
    HelpEditorCancel,
    HelpChoose,
    HelpPickNumber,
    HelpScrollUp,
    HelpScrollDown,
    HelpCloseHelp,
    CtxGlobal,
    CtxDetail,
    CtxPrompt,
    CtxForm,
    CtxText,
    CtxEditor,
    CtxPicker,
    CtxHelp,
}

/// 未评 / 已评 / 已复核 in the UI's language.
pub fn status_label(app: &crate::tui::app::App, status: crate::model::Status) -> &'static str {
    use crate::model::Status;
    app.t(match status {
        Status::Unscored => Msg::StatusUnscored,
        Status::Scored => Msg::StatusScored,
        Status::Reviewed => Msg::StatusReviewed,
    })
}

/// The text of `msg` in `lang`. Templates carry `{}` holes, filled in order by `fill`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    let (zh, en) = pair(msg);
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `text` with its `{}` holes filled in order.
pub fn fill(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = text(lang, msg);
    let mut args = args.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

// One line per text, Chinese then English: kept as a table on purpose.
#[rustfmt::skip]
fn pair(msg: Msg) -> (&'static str, &'static str) {
    use Msg::*;
    match msg {
        TreeTitle => ("指标", "Indicators"),
        DetailTitle => ("详情", "Detail"),
        HelpTitle => ("按键（Esc 关闭）", "Keys (Esc closes)"),
        Total => ("合计", "Total"),
        Progress => ("已评", "scored"),
        Unsaved => ("*未保存", "*unsaved"),
        HelpHint => ("? 帮助", "? help"),
        ReadOnly => ("只读：{}", "Read-only: {}"),
        LockedBy => ("{} 正在编辑此文件", "{} is editing this file"),
        ReadOnlyByChoice => ("以 --read-only 打开", "opened with --read-only"),
        LockStale => ("{} 的锁已失效（进程已结束），用 --force 接管", "{}'s lock is stale (the process is gone); open with --force to take it over"),
        RecoveryTitle => ("发现 {} 未保存的修改", "Unsaved changes from {} were found"),
        RecoveryRestore => ("恢复这些修改（恢复后请保存）", "Restore them (then save)"),
        RecoveryDiscard => ("丢弃这些修改", "Discard them"),
        RecoveryLater => ("暂不处理（下次打开时再问）", "Decide later (ask again next time)"),
        RecoveryRestored => ("已恢复未保存的修改，按 Ctrl-s 保存", "unsaved changes restored; Ctrl-s saves them"),
        RecoveryDiscarded => ("已丢弃恢复文件", "recovery file discarded"),
        RecoveryBroken => ("恢复文件无法读取：{}", "the recovery file cannot be read: {}"),
        LoadErrors => ("文件有 {} 处错误，运行 jixiao check 查看", "the file has {} error(s); run jixiao check for details"),
        MarkUnscored => ("未", "--"),
        MarkScored => ("评", "ok"),
        MarkReviewed => ("核", "RV"),
        MarkNa => ("NA", "NA"),
        Legend => ("标记：未=未评 评=已评 核=已复核 NA=不适用 -=失分 !=检查警告", "Marks: -- unscored, ok scored, RV reviewed, NA not applicable, - lost points, ! check warning"),
        Weight => ("分值", "weight"),
        Score => ("得分", "score"),
        Rate => ("得分率", "rate"),
        Target => ("目标值", "Target"),
        DataSource => ("数据来源", "Source"),
        Formula => ("公式", "Formula"),
        SecExplanation => ("【指标解释】", "[What it measures]"),
        SecCriteria => ("【评价要点】", "[Criteria]"),
        SecRule => ("【评分规则】", "[Rule] "),
        SecScoring => ("【评分】", "[Scoring]"),
        SecInputs => ("【输入数据】", "[Inputs]"),
        SecDeductions => ("【扣分】", "[Deductions] "),
        SecEvidence => ("【佐证材料】", "[Evidence]"),
        SecJustification => ("【评价说明】", "[Justification]"),
        SecStatus => ("【状态】", "[Status]"),
        SecChildren => ("【下级指标】", "[Children]"),
        SecLosses => ("【失分说明】", "[Where points were lost]"),
        SecWarnings => ("【检查】", "[Checks]"),
        JudgedScore => ("评分", "Score"),
        AwardedScore => ("给定得分（覆盖规则结果）", "Awarded score (overrides the rule)"),
        NotSet => ("—", "-"),
        Tier => ("档次", "Tier"),
        AddInput => ("+ 添加输入（i）", "+ add an input (i)"),
        AddDeduction => ("+ 添加扣分（a）", "+ add a deduction (a)"),
        PickStandard => ("+ 从扣分库选择（p，{} 条）", "+ pick a standard deduction (p, {})"),
        AddEvidence => ("+ 添加佐证材料（e）", "+ add evidence (e)"),
        Empty => ("（空，Enter 编辑）", "(empty, Enter to write)"),
        Status => ("状态", "Status"),
        Colon => ("：", ": "),
        StatusUnscored => ("未评", "unscored"),
        StatusScored => ("已评", "scored"),
        StatusReviewed => ("已复核", "reviewed"),
        Na => ("不适用", "Not applicable"),
        Unscorable => ("无法评分", "Not scorable"),
        DeductionTotal => ("合计扣 {} 分", "{} points in all"),
        Points => ("分", "pt"),
        NoRuleTexts => ("（无）", "(none)"),
        ScorePrompt => ("{} 得分（{} 到 {}；留空则清除）", "{} score ({} to {}; empty clears)"),
        NaPrompt => ("{} 不适用的原因（留空则取消不适用）", "{} not applicable because (empty clears)"),
        UnscorablePrompt => ("{} 无法评分的原因（缺少什么数据；留空则取消）", "{} cannot be scored because (what data is missing; empty clears)"),
        InputPrompt => ("{} 输入：名称=值（数字、true/false 或 YYYY-MM-DD）", "{} input: name=value (a number, true/false or YYYY-MM-DD)"),
        InputValuePrompt => ("{} 的值（数字、true/false 或 YYYY-MM-DD；留空则删除）", "value of {} (a number, true/false or YYYY-MM-DD; empty removes it)"),
        DeductionForm => ("{} 扣分", "{} deduction"),
        FieldPoints => ("扣分", "Points"),
        FieldCount => ("次数", "Count"),
        FieldReason => ("原因", "Reason"),
        EvidenceForm => ("{} 佐证材料", "{} evidence"),
        FieldTitle => ("名称", "Title"),
        FieldAt => ("位置", "Where"),
        FieldNote => ("备注", "Note"),
        SaveAsPrompt => ("另存为（新文件的路径）", "Save as (path of a new file)"),
        SearchPrompt => ("搜索编码或名称：", "Search code or name: "),
        PromptHint => ("Enter 确定 · Esc 取消", "Enter OK · Esc cancel"),
        FormHint => ("Tab 下一项 · Enter 确定 · Esc 取消", "Tab next field · Enter OK · Esc cancel"),
        PickerHint => ("↑↓ 选择 · Enter 确定 · Esc 取消", "Up/Down choose · Enter OK · Esc cancel"),
        EditorTitle => ("{} 评价说明", "{} justification"),
        EditorHint => ("Ctrl-s 完成 · Esc 取消 · 可直接粘贴", "Ctrl-s done · Esc cancel · paste is fine"),
        EscAgain => ("已修改：再按 Esc 放弃修改，Ctrl-s 保留", "Changed: Esc again discards, Ctrl-s keeps it"),
        TierTitle => ("{} 选择档次", "{} choose a tier"),
        ClearChoice => ("（清除）", "(clear)"),
        StatusTitle => ("{} 状态", "{} status"),
        MarkNaItem => ("标记为不适用…", "Mark not applicable…"),
        MarkUnscorableItem => ("标记为无法评分…", "Mark not scorable…"),
        ClearNaItem => ("取消不适用", "Clear not applicable"),
        ClearUnscorableItem => ("取消无法评分", "Clear not scorable"),
        StandardTitle => ("{} 从扣分库选择", "{} standard deductions"),
        ConflictTitle => ("文件已被他人修改，未覆盖", "The file changed on disk; not overwritten"),
        ConflictSaveAs => ("另存为其他文件…", "Save as another file…"),
        ConflictReload => ("重新载入磁盘上的文件（你的修改先写入 {}）", "Reload from disk (your changes go to {} first)"),
        Cancel => ("取消", "Cancel"),
        QuitTitle => ("有未保存的修改", "There are unsaved changes"),
        QuitSave => ("保存并退出", "Save and quit"),
        QuitDiscard => ("不保存，退出", "Quit without saving"),
        NotANumber => ("“{}”不是数字；请输入数字，如 2.67（允许 {}）", "\"{}\" is not a number; type a number such as 2.67 (allowed: {})"),
        BadInputValue => ("“{}”不是数字、true/false（是/否）或日期 YYYY-MM-DD", "\"{}\" is not a number, true/false or a date YYYY-MM-DD"),
        InputNeedsName => ("请写成 名称=值，例如 预算资金=540", "write name=value, e.g. 预算资金=540"),
        PathExists => ("{} 已存在；请换一个文件名", "{} already exists; choose another name"),
        Reloaded => ("已重新载入 {}", "reloaded {}"),
        NotACount => ("“{}”不是数字；次数请输入数字，如 2", "\"{}\" is not a number; a count is a number such as 2"),
        ParentNoEdit => ("{} 是上级指标，得分为下级指标之和；请选择末级指标", "{} is a parent: its score is the sum of its children; select a leaf"),
        NotForThisRule => ("{} 的评分规则（{}）不用此项", "{}'s rule ({}) has no such field"),
        NoStandard => ("扣分库中没有适用于 {} 的条目", "no standard deduction applies to {}"),
        NothingToDelete => ("这一项不能删除", "nothing to delete here"),
        Deleted => ("已删除：{}（u 撤销）", "deleted: {} (u undoes)"),
        NothingToUndo => ("没有可撤销的修改", "nothing to undo"),
        NothingToRedo => ("没有可重做的修改", "nothing to redo"),
        Undone => ("已撤销：{}", "undone: {}"),
        Redone => ("已重做：{}", "redone: {}"),
        Saved => ("已保存 {}", "saved {}"),
        SavedAs => ("已另存为 {}，之后保存到该文件", "saved as {}; saves now go there"),
        SaveFailed => ("保存失败：{}", "could not save: {}"),
        MineWritten => ("你的未保存修改已写入 {}；已重新载入 {}", "your unsaved changes were written to {}; reloaded {}"),
        ReloadFailed => ("重新载入失败：{}", "could not reload: {}"),
        NoMatch => ("没有编码或名称包含“{}”的指标", "no indicator's code or name contains \"{}\""),
        NoUnscored => ("所有末级指标都已评分", "every leaf is scored"),
        NoLoss => ("没有失分的指标", "no leaf lost points"),
        NoWarnings => ("没有检查警告", "no check warnings"),
        PasteWhere => ("先打开要粘贴到的字段（如 w 编辑评价说明），再粘贴", "open a field first (e.g. w for the justification), then paste"),
        UnknownKey => ("未定义的按键；按 ? 查看全部按键", "that key does nothing here; ? lists every key"),
        Conflict => ("文件已被他人修改", "the file was changed by someone else"),
        HelpUp => ("上移", "move up"),
        HelpDown => ("下移", "move down"),
        HelpLeft => ("折叠 / 到上级；在详情中回到指标树", "collapse / go to parent; back to the tree from the detail"),
        HelpRight => ("展开 / 到第一个下级", "expand / go to first child"),
        HelpTop => ("到第一项", "go to the first row"),
        HelpBottom => ("到最后一项", "go to the last row"),
        HelpPageUp => ("上翻一页", "page up"),
        HelpPageDown => ("下翻一页", "page down"),
        HelpSwitchPane => ("切换指标树 / 详情", "switch between tree and detail"),
        HelpActivate => ("编辑当前字段；在树中打开末级指标或折叠上级", "edit the focused field; in the tree, open a leaf or fold a parent"),
        HelpToggle => ("勾选评价要点 / 折叠", "tick a checkpoint / fold"),
        HelpBack => ("回到指标树 / 清除提示", "back to the tree / clear the message"),
        HelpSearch => ("搜索编码或名称（中文亦可）", "search code or name (Chinese too)"),
        HelpNextMatch => ("下一个匹配", "next match"),
        HelpPrevMatch => ("上一个匹配", "previous match"),
        HelpNextUnscored => ("下一个未评指标", "next unscored leaf"),
        HelpNextLoss => ("下一个失分指标", "next leaf that lost points"),
        HelpNextWarning => ("下一个有检查警告的指标", "next indicator with a check warning"),
        HelpEditScore => ("设置得分", "set the score"),
        HelpAddDeduction => ("添加扣分（分值 + 原因）", "add a deduction (points + reason)"),
        HelpPickStandard => ("从扣分库选择扣分", "pick a standard deduction"),
        HelpAddEvidence => ("添加佐证材料", "add an evidence item"),
        HelpAddInput => ("录入输入数据（名称=值）", "enter an input (name=value)"),
        HelpChooseTier => ("选择档次（分档评分）", "choose a tier (levels rule)"),
        HelpEditJustification => ("编辑评价说明", "write the justification"),
        HelpMark => ("状态：未评/已评/已复核/不适用/无法评分", "status: unscored/scored/reviewed/N/A/not scorable"),
        HelpDelete => ("删除当前扣分、佐证材料或输入", "delete the focused deduction, evidence or input"),
        HelpUndo => ("撤销", "undo"),
        HelpRedo => ("重做", "redo"),
        HelpSave => ("保存", "save"),
        HelpQuit => ("退出（有未保存修改时先询问）", "quit (asks first when there are unsaved changes)"),
        HelpHelp => ("显示按键帮助", "show this help"),
        HelpSubmit => ("确定", "accept"),
        HelpCancel => ("取消", "cancel"),
        HelpNextField => ("下一项", "next field"),
        HelpPrevField => ("上一项", "previous field"),
        HelpCursorLeft => ("光标左移", "cursor left"),
        HelpCursorRight => ("光标右移", "cursor right"),
        HelpCursorUp => ("光标上移一行", "cursor up a line"),
        HelpCursorDown => ("光标下移一行", "cursor down a line"),
        HelpLineStart => ("到行首", "start of line"),
        HelpLineEnd => ("到行尾", "end of line"),
        HelpDeleteBack => ("删除前一个字", "delete before the cursor"),
        HelpDeleteForward => ("删除后一个字", "delete after the cursor"),
        HelpClearToStart => ("删除到行首", "delete to the start of the line"),
        HelpNewline => ("换行", "new line"),
        HelpDone => ("完成，保留文字", "done: keep the text"),
        HelpEditorCancel => ("取消（已修改时需再按一次）", "cancel (press twice when changed)"),
        HelpChoose => ("选择", "choose"),
        HelpPickNumber => ("按编号直接选择", "choose by number"),
        HelpScrollUp => ("向上滚动", "scroll up"),
        HelpScrollDown => ("向下滚动", "scroll down"),
        HelpCloseHelp => ("关闭帮助", "close the help"),
        CtxGlobal => ("指标树和详情", "Tree and detail"),
        CtxDetail => ("仅详情", "Detail pane only"),
        CtxPrompt => ("输入框", "Prompts"),
        CtxForm => ("表单", "Forms"),
        CtxText => ("文字编辑", "Editing text"),
        CtxEditor => ("评价说明编辑器", "Justification editor"),
        CtxPicker => ("选择列表", "Lists"),
        CtxHelp => ("帮助", "Help"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale(Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(
            fill(Lang::En, Msg::Undone, &["A101: 得分 2"]),
            "undone: A101: 得分 2"
        );
        assert_eq!(
            fill(Lang::Zh, Msg::ScorePrompt, &["A202", "0", "4"]),
            "A202 得分（0 到 4；留空则清除）"
        );
    }
}
