//! The texts of designing the tree (指标设计) in the workbench: a table of its own beside the
//! main one in `strings`, reached through `Msg::Design`, so both languages stay in one place.

/// One text of the tree-design keys, popups and warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DesignMsg {
    CtxTree,
    HelpAddSibling,
    HelpAddChild,
    HelpRename,
    HelpChangeCode,
    HelpWeight,
    HelpDeleteIndicator,
    HelpMoveUp,
    HelpMoveDown,
    HelpMoveParent,
    HelpRule,
    RulePrompt,
    AddTitle,
    AddTopTitle,
    LabelCode,
    LabelName,
    LabelWeight,
    RenamePrompt,
    CodePrompt,
    WeightPrompt,
    ParentPrompt,
    DeleteTitle,
    DeleteYes,
    DeleteNo,
    NotANode,
    FirstSibling,
    LastSibling,
    NotAWeight,
    GapStatus,
    SavedWithGaps,
}

// One line per text, Chinese then English: kept as a table on purpose.
#[rustfmt::skip]
pub(super) fn pair(msg: DesignMsg) -> (&'static str, &'static str) {
    use DesignMsg::*;
    match msg {
        CtxTree => ("仅指标树（指标设计）", "Tree pane only (designing the tree)"),
        HelpAddSibling => ("新增同级指标（代码按同级规律建议）", "add a sibling below (code proposed from the siblings)"),
        HelpAddChild => ("新增下级指标", "add a child indicator"),
        HelpRename => ("修改指标名称", "rename the indicator"),
        HelpChangeCode => ("修改指标代码（下级随之更新）", "change the code (its children follow)"),
        HelpWeight => ("修改分值", "change the weight (分值)"),
        HelpDeleteIndicator => ("删除指标，连同其下级和记录（u 撤销）", "delete the indicator with everything under it (u undoes)"),
        HelpMoveUp => ("在同级中上移", "move up among its siblings"),
        HelpMoveDown => ("在同级中下移", "move down among its siblings"),
        HelpMoveParent => ("移到另一个上级指标下", "move under another parent"),
        HelpRule => ("评分规则（kind=rate numerator=… denominator=…，或 TOML 内联表）", "scoring rule (kind=rate numerator=… denominator=…, or a TOML inline table)"),
        RulePrompt => ("{} 的评分规则（kind=… 参数=…；留空则删除）", "Rule of {} (kind=… key=…; empty removes it)"),
        AddTitle => ("新增指标（{} 下）", "New indicator under {}"),
        AddTopTitle => ("新增一级指标", "New level-1 indicator"),
        LabelCode => ("代码", "Code"),
        LabelName => ("名称", "Name"),
        LabelWeight => ("分值", "Weight"),
        RenamePrompt => ("{} 的名称", "Name of {}"),
        CodePrompt => ("{} 的新代码", "New code for {}"),
        WeightPrompt => ("{} 的分值", "Weight of {}"),
        ParentPrompt => ("把 {} 移到哪个指标下（代码；留空为一级指标）", "Move {} under which indicator (code; empty: level 1)"),
        DeleteTitle => ("删除 {} 及其下 {} 个指标（{} 个有评分记录）？u 可撤销", "Delete {} and the {} under it ({} with records)? u undoes"),
        DeleteYes => ("删除", "Delete"),
        DeleteNo => ("取消", "Cancel"),
        NotANode => ("请先在指标树中选中一个指标", "select an indicator in the tree first"),
        FirstSibling => ("{} 已是同级第一个", "{} is already the first of its siblings"),
        LastSibling => ("{} 已是同级最后一个", "{} is already the last of its siblings"),
        NotAWeight => ("“{}”不是分值，应为 0 或以上的数字", "\"{}\" is not a weight; expected a number, 0 or more"),
        GapStatus => ("分值不符 {}", "weights off {}"),
        SavedWithGaps => ("已保存；注意分值不符：{}", "saved; note the weights that don't add up: {}"),
    }
}
