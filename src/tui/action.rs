//! Everything that can happen in the workbench. Keys become actions through the keymap; the
//! event loop adds pastes and resizes; `App::update` is the only place actions take effect.

/// One thing the user (or the terminal) asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving around.
    Up,
    Down,
    /// Collapse, or go to the parent (tree); back to the tree (detail).
    Left,
    /// Expand, or go to the first child.
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Tab: tree ↔ detail, or the next field of a form.
    SwitchPane,
    /// Enter: edit the focused field (detail), open a leaf or fold a parent (tree).
    Activate,
    /// Space: toggle a checkpoint, or fold a parent.
    Toggle,
    Cancel,
    Search,
    NextMatch,
    PrevMatch,
    NextUnscored,
    NextLoss,
    NextWarning,
    /// `]` / `[`: the next / previous indicator that needs attention (see `app::attention`).
    NextAttention,
    PrevAttention,
    // Editing the selected leaf.
    EditScore,
    AddDeduction,
    PickStandard,
    AddEvidence,
    AddInput,
    ChooseTier,
    EditJustification,
    /// The status menu: 未评 / 已评 / 已复核 / 不适用 / 无法评分.
    Mark,
    /// `c` on a deduction: cite (or stop citing) one of the leaf's evidence items.
    CiteEvidence,
    /// Delete the focused deduction, evidence item or input.
    Delete,
    Undo,
    Redo,
    Save,
    Quit,
    Help,
    /// R: enter review mode (or return to where it was left); in review mode, leave it.
    Review,
    /// The next leaf where the compared file (--compare) scores differently.
    NextDisagreement,
    // Designing the tree (指标设计), in the tree pane.
    AddSibling,
    AddChild,
    RenameIndicator,
    ChangeCode,
    ChangeWeight,
    DeleteIndicator,
    MoveUp,
    MoveDown,
    MoveToParent,
    /// The definition texts of the selected indicator: 指标解释, 公式, 目标值, 数据来源.
    EditDefinitions,
    /// The project settings form: total, rounding, places, N/A policy, grades.
    Settings,
    /// The rule as one line: `kind=rate numerator=… denominator=…` or an inline table.
    EditRule,
    /// The rule as one line (`kind=rate numerator=…`), for those who know the keys.
    EditRuleLine,
    /// The 评价要点 list of the selected indicator.
    EditCriteria,
    // Review mode (复核).
    ReviewNext,
    ReviewPrev,
    /// 复核通过: status 已复核 and a stamped approval, as one undoable step.
    Approve,
    /// 复核意见: a comment that sends the leaf back to its evaluator.
    Flag,
    /// Every scored leaf, or only those that lost points.
    ToggleAll,
    /// Tree order, or most points lost first.
    ToggleOrder,
    FilterUnreviewed,
    FilterFlagged,
    // Inside text fields, forms, lists and the editor.
    Submit,
    NextField,
    /// Every message since the workbench opened.
    MessageLog,
    /// Complete the name being typed (the `i` prompt: the inputs the rule reads).
    Complete,
    PrevField,
    /// The rule form: the next choice for the field (an input name, an option).
    NextChoice,
    /// The rule form: a row added to the list the field is in (levels, bands, checkpoints).
    AddRow,
    /// The rule form: the field's row removed from its list.
    RemoveRow,
    CursorLeft,
    CursorRight,
    CursorUp,
    CursorDown,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    ClearToStart,
    Newline,
    /// Ctrl-s in the multi-line editor: keep the text.
    Done,
    /// A typed character (including what an input method commits).
    InsertChar(char),
    /// A bracketed paste: inserted as one edit.
    Paste(String),
    // From the terminal.
    Resize(u16, u16),
}
