//! Key bindings as data: (context, key, action, help text). The help overlay and docs/keys.md
//! are generated from this table, so a key cannot work without being documented.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::strings::{DesignMsg, Lang, Msg, RuleFormMsg, text};

/// Where a key is pressed. Each situation looks keys up in a chain of contexts (see `chain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The tree or the detail pane, no popup open.
    Global,
    /// Only in the detail pane.
    Detail,
    /// Only in the tree pane: designing the tree.
    Tree,
    /// A one-line prompt or the search line.
    Prompt,
    /// A form of several fields (a deduction, an evidence item).
    Form,
    /// Editing text in any field.
    Text,
    /// The multi-line editor (评价说明).
    Editor,
    /// A list to choose from.
    Picker,
    Help,
    /// Review mode (复核): one leaf at a time.
    Review,
}

impl Ctx {
    pub const ALL: [Ctx; 10] = [
        Ctx::Global,
        Ctx::Detail,
        Ctx::Tree,
        Ctx::Review,
        Ctx::Prompt,
        Ctx::Form,
        Ctx::Text,
        Ctx::Editor,
        Ctx::Picker,
        Ctx::Help,
    ];

    pub fn title(self) -> Msg {
        match self {
            Ctx::Global => Msg::CtxGlobal,
            Ctx::Detail => Msg::CtxDetail,
            Ctx::Tree => Msg::Design(DesignMsg::CtxTree),
            Ctx::Prompt => Msg::CtxPrompt,
            Ctx::Form => Msg::CtxForm,
            Ctx::Text => Msg::CtxText,
            Ctx::Editor => Msg::CtxEditor,
            Ctx::Picker => Msg::CtxPicker,
            Ctx::Help => Msg::CtxHelp,
            Ctx::Review => Msg::CtxReview,
        }
    }
}

/// Which contexts a situation consults, most specific first.
pub fn chain(situation: Ctx) -> &'static [Ctx] {
    match situation {
        Ctx::Global => &[Ctx::Global],
        Ctx::Detail => &[Ctx::Detail, Ctx::Global],
        Ctx::Tree => &[Ctx::Tree, Ctx::Global],
        Ctx::Prompt => &[Ctx::Prompt, Ctx::Text],
        Ctx::Form => &[Ctx::Form, Ctx::Prompt, Ctx::Text],
        Ctx::Text => &[Ctx::Text],
        Ctx::Editor => &[Ctx::Editor, Ctx::Text],
        Ctx::Picker => &[Ctx::Picker],
        Ctx::Help => &[Ctx::Help],
        Ctx::Review => &[Ctx::Review],
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub ctx: Ctx,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub help: Msg,
}

const fn key(ctx: Ctx, code: KeyCode, action: Action, help: Msg) -> Binding {
    Binding {
        ctx,
        code,
        mods: KeyModifiers::NONE,
        action,
        help,
    }
}

const fn ctrl(ctx: Ctx, c: char, action: Action, help: Msg) -> Binding {
    Binding {
        ctx,
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
        action,
        help,
    }
}

const fn ctrl_key(ctx: Ctx, code: KeyCode, action: Action, help: Msg) -> Binding {
    Binding {
        ctx,
        code,
        mods: KeyModifiers::CONTROL,
        action,
        help,
    }
}

const fn ch(ctx: Ctx, c: char, action: Action, help: Msg) -> Binding {
    key(ctx, KeyCode::Char(c), action, help)
}

use Action as A;
use Ctx::*;
use KeyCode as K;

/// Every binding. Order is the order of the help screen.
pub static KEYMAP: &[Binding] = &[
    key(Global, K::Up, A::Up, Msg::HelpUp),
    ch(Global, 'k', A::Up, Msg::HelpUp),
    key(Global, K::Down, A::Down, Msg::HelpDown),
    ch(Global, 'j', A::Down, Msg::HelpDown),
    key(Global, K::Left, A::Left, Msg::HelpLeft),
    ch(Global, 'h', A::Left, Msg::HelpLeft),
    key(Global, K::Right, A::Right, Msg::HelpRight),
    ch(Global, 'l', A::Right, Msg::HelpRight),
    ch(Global, 'g', A::Top, Msg::HelpTop),
    key(Global, K::Home, A::Top, Msg::HelpTop),
    ch(Global, 'G', A::Bottom, Msg::HelpBottom),
    key(Global, K::End, A::Bottom, Msg::HelpBottom),
    key(Global, K::PageUp, A::PageUp, Msg::HelpPageUp),
    key(Global, K::PageDown, A::PageDown, Msg::HelpPageDown),
    key(Global, K::Tab, A::SwitchPane, Msg::HelpSwitchPane),
    key(Global, K::BackTab, A::SwitchPane, Msg::HelpSwitchPane),
    key(Global, K::Enter, A::Activate, Msg::HelpActivate),
    ch(Global, ' ', A::Toggle, Msg::HelpToggle),
    key(Global, K::Esc, A::Cancel, Msg::HelpBack),
    ch(Global, '/', A::Search, Msg::HelpSearch),
    ch(Global, 'n', A::NextMatch, Msg::HelpNextMatch),
    ch(Global, 'N', A::PrevMatch, Msg::HelpPrevMatch),
    ch(Global, 'U', A::NextUnscored, Msg::HelpNextUnscored),
    ch(Global, 'L', A::NextLoss, Msg::HelpNextLoss),
    ch(Global, 'W', A::NextWarning, Msg::HelpNextWarning),
    ch(Global, ']', A::NextAttention, Msg::HelpNextAttention),
    ch(Global, '[', A::PrevAttention, Msg::HelpPrevAttention),
    ch(Global, 'D', A::NextDisagreement, Msg::HelpNextDisagreement),
    ch(Global, 'R', A::Review, Msg::HelpReview),
    ch(Global, 's', A::EditScore, Msg::HelpEditScore),
    ch(Global, 'a', A::AddDeduction, Msg::HelpAddDeduction),
    ch(Global, 'p', A::PickStandard, Msg::HelpPickStandard),
    ch(Global, 'e', A::AddEvidence, Msg::HelpAddEvidence),
    ch(Global, 'c', A::CiteEvidence, Msg::HelpCite),
    ch(Global, 'i', A::AddInput, Msg::HelpAddInput),
    ch(Global, 't', A::ChooseTier, Msg::HelpChooseTier),
    ch(
        Global,
        'w',
        A::EditJustification,
        Msg::HelpEditJustification,
    ),
    ch(Global, 'm', A::Mark, Msg::HelpMark),
    ch(Global, 'u', A::Undo, Msg::HelpUndo),
    ctrl(Global, 'r', A::Redo, Msg::HelpRedo),
    ctrl(Global, 's', A::Save, Msg::HelpSave),
    ch(Global, 'q', A::Quit, Msg::HelpQuit),
    ctrl(Global, 'c', A::Quit, Msg::HelpQuit),
    ch(Global, '?', A::Help, Msg::HelpHelp),
    ch(Global, 'M', A::MessageLog, Msg::HelpLog),
    ch(
        Global,
        'S',
        A::Settings,
        Msg::Design(DesignMsg::HelpSettings),
    ),
    ch(Review, 'n', A::ReviewNext, Msg::HelpReviewNext),
    ch(Review, 'p', A::ReviewPrev, Msg::HelpReviewPrev),
    ch(Review, 'y', A::Approve, Msg::HelpApprove),
    ch(Review, 'f', A::Flag, Msg::HelpFlag),
    key(Review, K::Enter, A::Activate, Msg::HelpReviewEdit),
    ch(Review, 'a', A::ToggleAll, Msg::HelpToggleAll),
    ch(Review, 'o', A::ToggleOrder, Msg::HelpToggleOrder),
    ch(Review, 'U', A::FilterUnreviewed, Msg::HelpFilterUnreviewed),
    ch(Review, 'F', A::FilterFlagged, Msg::HelpFilterFlagged),
    ch(
        Review,
        'D',
        A::NextDisagreement,
        Msg::HelpReviewDisagreement,
    ),
    key(Review, K::Up, A::Up, Msg::HelpScrollUp),
    ch(Review, 'k', A::Up, Msg::HelpScrollUp),
    key(Review, K::Down, A::Down, Msg::HelpScrollDown),
    ch(Review, 'j', A::Down, Msg::HelpScrollDown),
    key(Review, K::PageUp, A::PageUp, Msg::HelpPageUp),
    key(Review, K::PageDown, A::PageDown, Msg::HelpPageDown),
    ch(Review, 'R', A::Review, Msg::HelpLeaveReview),
    key(Review, K::Esc, A::Review, Msg::HelpLeaveReview),
    ch(Review, 'u', A::Undo, Msg::HelpUndo),
    ctrl(Review, 'r', A::Redo, Msg::HelpRedo),
    ctrl(Review, 's', A::Save, Msg::HelpSave),
    ch(Review, 'q', A::Quit, Msg::HelpQuit),
    ctrl(Review, 'c', A::Quit, Msg::HelpQuit),
    ch(Review, '?', A::Help, Msg::HelpHelp),
    ch(Review, 'M', A::MessageLog, Msg::HelpLog),
    ch(Detail, 'x', A::Delete, Msg::HelpDelete),
    ch(
        Tree,
        'o',
        A::AddSibling,
        Msg::Design(DesignMsg::HelpAddSibling),
    ),
    ch(Tree, 'O', A::AddChild, Msg::Design(DesignMsg::HelpAddChild)),
    ch(
        Tree,
        'r',
        A::RenameIndicator,
        Msg::Design(DesignMsg::HelpRename),
    ),
    ch(
        Tree,
        'c',
        A::ChangeCode,
        Msg::Design(DesignMsg::HelpChangeCode),
    ),
    ch(
        Tree,
        '=',
        A::ChangeWeight,
        Msg::Design(DesignMsg::HelpWeight),
    ),
    ch(
        Tree,
        'x',
        A::DeleteIndicator,
        Msg::Design(DesignMsg::HelpDeleteIndicator),
    ),
    key(
        Tree,
        K::Delete,
        A::DeleteIndicator,
        Msg::Design(DesignMsg::HelpDeleteIndicator),
    ),
    ch(Tree, 'K', A::MoveUp, Msg::Design(DesignMsg::HelpMoveUp)),
    ch(Tree, 'J', A::MoveDown, Msg::Design(DesignMsg::HelpMoveDown)),
    ch(
        Tree,
        'P',
        A::MoveToParent,
        Msg::Design(DesignMsg::HelpMoveParent),
    ),
    ch(Tree, 'f', A::EditRule, Msg::Design(DesignMsg::HelpRule)),
    ch(
        Tree,
        'F',
        A::EditRuleLine,
        Msg::Design(DesignMsg::HelpRuleLine),
    ),
    ch(
        Tree,
        'E',
        A::EditCriteria,
        Msg::Design(DesignMsg::HelpCriteria),
    ),
    ch(
        Tree,
        'd',
        A::EditDefinitions,
        Msg::Design(DesignMsg::HelpDefinitions),
    ),
    key(Detail, K::Delete, A::Delete, Msg::HelpDelete),
    key(Prompt, K::Enter, A::Submit, Msg::HelpSubmit),
    key(Prompt, K::Esc, A::Cancel, Msg::HelpCancel),
    key(Prompt, K::Tab, A::Complete, Msg::HelpComplete),
    key(Form, K::Tab, A::NextField, Msg::HelpNextField),
    key(Form, K::Down, A::NextField, Msg::HelpNextField),
    key(Form, K::BackTab, A::PrevField, Msg::HelpPrevField),
    key(Form, K::Up, A::PrevField, Msg::HelpPrevField),
    ctrl(
        Form,
        'n',
        A::NextChoice,
        Msg::RuleForm(RuleFormMsg::HelpNextChoice),
    ),
    ctrl(Form, 'o', A::AddRow, Msg::RuleForm(RuleFormMsg::HelpAddRow)),
    ctrl(
        Form,
        'd',
        A::RemoveRow,
        Msg::RuleForm(RuleFormMsg::HelpRemoveRow),
    ),
    key(Text, K::Left, A::CursorLeft, Msg::HelpCursorLeft),
    key(Text, K::Right, A::CursorRight, Msg::HelpCursorRight),
    key(Text, K::Home, A::LineStart, Msg::HelpLineStart),
    ctrl(Text, 'a', A::LineStart, Msg::HelpLineStart),
    key(Text, K::End, A::LineEnd, Msg::HelpLineEnd),
    ctrl(Text, 'e', A::LineEnd, Msg::HelpLineEnd),
    key(Text, K::Backspace, A::DeleteBack, Msg::HelpDeleteBack),
    key(Text, K::Delete, A::DeleteForward, Msg::HelpDeleteForward),
    ctrl(Text, 'u', A::ClearToStart, Msg::HelpClearToStart),
    key(Editor, K::Up, A::CursorUp, Msg::HelpCursorUp),
    key(Editor, K::Down, A::CursorDown, Msg::HelpCursorDown),
    key(Editor, K::Home, A::LineStart, Msg::HelpEditorHome),
    key(Editor, K::End, A::LineEnd, Msg::HelpEditorEnd),
    key(Editor, K::PageUp, A::PageUp, Msg::HelpEditorPageUp),
    key(Editor, K::PageDown, A::PageDown, Msg::HelpEditorPageDown),
    ctrl_key(Editor, K::Home, A::Top, Msg::HelpEditorTop),
    ctrl_key(Editor, K::End, A::Bottom, Msg::HelpEditorBottom),
    key(Editor, K::Enter, A::Newline, Msg::HelpNewline),
    ctrl(Editor, 's', A::Done, Msg::HelpDone),
    key(Editor, K::Esc, A::Cancel, Msg::HelpEditorCancel),
    key(Picker, K::Up, A::Up, Msg::HelpUp),
    ch(Picker, 'k', A::Up, Msg::HelpUp),
    key(Picker, K::Down, A::Down, Msg::HelpDown),
    ch(Picker, 'j', A::Down, Msg::HelpDown),
    key(Picker, K::Enter, A::Submit, Msg::HelpChoose),
    ch(Picker, 'a', A::AddRow, Msg::Design(DesignMsg::HelpPointAdd)),
    ch(
        Picker,
        'x',
        A::RemoveRow,
        Msg::Design(DesignMsg::HelpPointDelete),
    ),
    ch(Picker, 'K', A::MoveUp, Msg::Design(DesignMsg::HelpPointUp)),
    ch(
        Picker,
        'J',
        A::MoveDown,
        Msg::Design(DesignMsg::HelpPointDown),
    ),
    ch(Picker, '1', A::InsertChar('1'), Msg::HelpPickNumber),
    ch(Picker, '2', A::InsertChar('2'), Msg::HelpPickNumber),
    ch(Picker, '3', A::InsertChar('3'), Msg::HelpPickNumber),
    ch(Picker, '4', A::InsertChar('4'), Msg::HelpPickNumber),
    ch(Picker, '5', A::InsertChar('5'), Msg::HelpPickNumber),
    ch(Picker, '6', A::InsertChar('6'), Msg::HelpPickNumber),
    ch(Picker, '7', A::InsertChar('7'), Msg::HelpPickNumber),
    ch(Picker, '8', A::InsertChar('8'), Msg::HelpPickNumber),
    ch(Picker, '9', A::InsertChar('9'), Msg::HelpPickNumber),
    key(Picker, K::Esc, A::Cancel, Msg::HelpCancel),
    ch(Picker, 'q', A::Cancel, Msg::HelpCancel),
    key(Help, K::Up, A::Up, Msg::HelpScrollUp),
    ch(Help, 'k', A::Up, Msg::HelpScrollUp),
    key(Help, K::Down, A::Down, Msg::HelpScrollDown),
    ch(Help, 'j', A::Down, Msg::HelpScrollDown),
    key(Help, K::PageUp, A::PageUp, Msg::HelpPageUp),
    key(Help, K::PageDown, A::PageDown, Msg::HelpPageDown),
    key(Help, K::Esc, A::Cancel, Msg::HelpCloseHelp),
    ch(Help, '?', A::Cancel, Msg::HelpCloseHelp),
    ch(Help, 'q', A::Cancel, Msg::HelpCloseHelp),
];

/// Modifiers that matter for matching: Shift is already in the character ('G') and in BackTab.
fn normalize(k: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods = k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(k.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    (k.code, mods)
}

/// The action a key means in `situation`. Characters not bound there are typed into text
/// fields (and are list hotkeys in a picker).
pub fn lookup(situation: Ctx, k: &KeyEvent) -> Option<Action> {
    let (code, mods) = normalize(k);
    for ctx in chain(situation) {
        if let Some(b) = KEYMAP
            .iter()
            .find(|b| b.ctx == *ctx && b.code == code && b.mods == mods)
        {
            return Some(b.action.clone());
        }
    }
    let typing = matches!(
        situation,
        Ctx::Prompt | Ctx::Form | Ctx::Editor | Ctx::Picker
    );
    match code {
        KeyCode::Char(c)
            if typing && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::InsertChar(c))
        }
        _ => None,
    }
}

/// How a key is written in help and docs: `j`, `G`, `Ctrl-s`, `PgDn`, `Space`.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// One line of help: the keys of one action in one context, and what they do.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRow {
    pub ctx: Ctx,
    pub keys: String,
    pub help: Msg,
}

/// Help rows grouped by context, keys of the same action joined by spaces: `Down j`.
pub fn help_rows() -> Vec<HelpRow> {
    let mut rows: Vec<HelpRow> = Vec::new();
    for ctx in Ctx::ALL {
        for b in KEYMAP.iter().filter(|b| b.ctx == ctx) {
            let label = key_label(b.code, b.mods);
            match rows.iter_mut().find(|r| r.ctx == ctx && r.help == b.help) {
                Some(r) => {
                    r.keys.push(' ');
                    r.keys.push_str(&label);
                }
                None => rows.push(HelpRow {
                    ctx,
                    keys: label,
                    help: b.help,
                }),
            }
        }
    }
    rows
}

/// The key tables of docs/keys.md, in both languages.
pub fn markdown() -> String {
    let mut out = String::new();
    let rows = help_rows();
    for ctx in Ctx::ALL {
        out.push_str(&format!(
            "### {} ({})\n\n| Keys | Action | 说明 |\n|---|---|---|\n",
            text(Lang::En, ctx.title()),
            text(Lang::Zh, ctx.title())
        ));
        for r in rows.iter().filter(|r| r.ctx == ctx) {
            let keys: Vec<String> = r.keys.split(' ').map(|k| format!("`{k}`")).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                text(Lang::En, r.help),
                text(Lang::Zh, r.help)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_resolve_by_context() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(lookup(Ctx::Global, &j), Some(Action::Down));
        assert_eq!(lookup(Ctx::Prompt, &j), Some(Action::InsertChar('j')));
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Ctx::Detail, &big_g), Some(Action::Bottom));
        let save = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Ctx::Global, &save), Some(Action::Save));
        assert_eq!(lookup(Ctx::Editor, &save), Some(Action::Done));
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(lookup(Ctx::Editor, &enter), Some(Action::Newline));
        assert_eq!(lookup(Ctx::Form, &enter), Some(Action::Submit));
        let zhong = press(KeyCode::Char('中'), KeyModifiers::NONE);
        assert_eq!(lookup(Ctx::Editor, &zhong), Some(Action::InsertChar('中')));
        assert_eq!(lookup(Ctx::Global, &zhong), None);
        let ctrl_home = press(KeyCode::Home, KeyModifiers::CONTROL);
        assert_eq!(lookup(Ctx::Editor, &ctrl_home), Some(Action::Top));
        let home = press(KeyCode::Home, KeyModifiers::NONE);
        assert_eq!(lookup(Ctx::Editor, &home), Some(Action::LineStart));
        assert_eq!(lookup(Ctx::Prompt, &home), Some(Action::LineStart));
        let pgdn = press(KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(lookup(Ctx::Editor, &pgdn), Some(Action::PageDown));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_chain() {
        for situation in Ctx::ALL {
            let mut seen: Vec<(KeyCode, KeyModifiers)> = Vec::new();
            for ctx in chain(situation) {
                for b in KEYMAP.iter().filter(|b| b.ctx == *ctx) {
                    let k = (b.code, b.mods);
                    // A more specific context may shadow a general one on purpose (Enter in a
                    // form submits, in the editor it breaks the line), but never within one.
                    let dup = KEYMAP
                        .iter()
                        .filter(|o| o.ctx == *ctx && (o.code, o.mods) == k)
                        .count();
                    assert_eq!(dup, 1, "{k:?} bound twice in {ctx:?}");
                    seen.push(k);
                }
            }
        }
    }
}
