//! The workbench's state and the one place it changes: `update(action)`. Nothing here draws;
//! the view reads this state. Every edit goes through `commit`, which applies it to the file as
//! one transaction, records its undo, and rescores the whole project before the next frame.

mod adjust;
mod attention;
mod burst;
mod cite;
mod compare;
mod criteria;
mod design;
mod fields;
mod file;
mod history;
mod nav;
mod open;
mod popup;
mod review;
mod rule_form;
mod settings;
mod submit;
mod team;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_figures;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

pub use adjust::Row;
pub use attention::Attention;
pub use compare::Compare;
pub use fields::{Field, Section, fields, input_names, standard_count};
pub use file::{mine_path, on_unsaved_exit};
pub use popup::{EditorPopup, Form, FormFor, MarkChoice, PickFor, Picker, Popup, Prompt};
pub use review::{ReviewFilter, ReviewMode, ReviewOrder};
pub use rule_form::RuleForm;

use super::action::Action;
use super::components::{LineInput, TreeList};
use super::keymap::{self, Ctx};
use super::strings::{Lang, Msg, fill, text};
use super::theme::Theme;
use super::view;
use crate::diagnostic::Diagnostic;
use crate::edit::Edit;
use crate::model::Project;
use crate::scoring::{self, Scorecard};
use crate::store::ProjectFile;

/// How the workbench starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    /// Set when someone else holds the file's lock: the text names them, and every edit is
    /// refused with it.
    pub read_only: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

/// A line for the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// One undoable step: the edits `ProjectFile::apply_all` returned, and what the step did.
#[derive(Debug, Clone)]
pub struct Transaction {
    pub edits: Vec<Edit>,
    pub label: String,
    /// Names the document state this step leads to; it moves between the undo and redo stacks
    /// unchanged, so "is this what was saved?" is an id comparison, not a re-serialisation.
    pub id: u64,
}

#[derive(Debug, Clone)]
pub struct App {
    pub file: ProjectFile,
    pub card: Scorecard,
    /// Check results, and the ones that belong to each indicator.
    pub diagnostics: Vec<Diagnostic>,
    pub node_diagnostics: Vec<Vec<Diagnostic>>,
    pub lang: Lang,
    pub theme: Theme,
    pub read_only: Option<String>,
    pub tree: TreeList,
    pub focus: Focus,
    /// Index of the focused field of the selected leaf (see `fields`).
    pub field: usize,
    pub detail_scroll: usize,
    /// Whether the detail pane scrolls to the focused field (off after paging by hand).
    pub detail_follow: bool,
    pub popup: Option<Popup>,
    /// The search line while `/` is open, and where the search started.
    pub search: Option<LineInput>,
    search_origin: usize,
    pub last_search: String,
    pub message: Option<Message>,
    /// How wide the terminal draws East-Asian ambiguous characters (1 or 2 columns); with 2
    /// the view draws one-column equivalents (see `view::narrow_ambiguous`).
    pub ambiguous_width: u8,
    /// The config's `report_lang`, over the project's (see `report_lang()`).
    pub report_lang: Option<Lang>,
    /// Neither the flag nor the config set `ambiguous_width`: ask the terminal at start-up
    /// (see `probe`).
    pub probe_ambiguous: bool,
    /// Every message since the workbench opened, oldest first.
    pub log: Vec<Message>,
    pub undo: Vec<Transaction>,
    pub redo: Vec<Transaction>,
    /// The terminal size the next frame is drawn at.
    pub size: (u16, u16),
    pub quit: bool,
    /// Counts changes to the document (edits, undo, redo, restore), so the event loop knows
    /// when to write the recovery file.
    pub changes: u64,
    next_id: u64,
    /// The id of the undo step on top when the file was last saved (or opened).
    pub(crate) saved_top: Option<u64>,
    last_selected: usize,
    /// The name stamped on approvals (复核人): from the config, else the login user.
    pub reviewer: String,
    /// Review mode's state; kept while the reviewer edits, so `R` returns to the same leaf.
    pub review: Option<ReviewMode>,
    /// Another evaluator's file shown beside this one (`--compare`).
    pub compare: Option<Compare>,
    /// Who else has this project open ("alice@server1"), for the status bar.
    pub others: Vec<String>,
    /// While a batch of input is handled, the costly part of bringing things into view (laying
    /// out the detail pane) waits for `settle`, once per frame rather than once per key: a
    /// paste or a backlog of thousands of keys is then handled in milliseconds.
    pub defer_view: bool,
    view_pending: bool,
    /// Input arriving faster than a person types, while it lasts (see `burst`).
    burst: Option<burst::Burst>,
    /// Parents whose children's weights don't add up (and the level-1 sum against the
    /// total): shown in the tree and the status bar while the tree is being designed.
    pub gaps: Vec<crate::edit::WeightGap>,
}

impl App {
    pub fn new(file: ProjectFile, opts: Options) -> App {
        let card = scoring::score(file.project());
        let tree = TreeList::new(&card.tree);
        let selected = tree.selected;
        let mut app = App {
            file,
            card,
            diagnostics: Vec::new(),
            node_diagnostics: Vec::new(),
            lang: opts.lang,
            theme: opts.theme,
            read_only: opts.read_only,
            tree,
            focus: Focus::Tree,
            field: 0,
            detail_scroll: 0,
            detail_follow: true,
            popup: None,
            search: None,
            search_origin: 0,
            last_search: String::new(),
            message: None,
            log: Vec::new(),
            ambiguous_width: 1,
            report_lang: None,
            probe_ambiguous: false,
            undo: Vec::new(),
            redo: Vec::new(),
            size: (80, 24),
            quit: false,
            changes: 0,
            next_id: 1,
            saved_top: None,
            last_selected: selected,
            reviewer: crate::store::lock::current_user(),
            review: None,
            compare: None,
            others: Vec::new(),
            defer_view: false,
            view_pending: false,
            burst: None,
            gaps: Vec::new(),
        };
        app.recompute();
        app.sync_extra_rows();
        let errors = app
            .file
            .loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count()
            + app.diagnostics.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            app.error(app.tf(Msg::LoadErrors, &[&errors.to_string()]));
        }
        app
    }

    pub fn project(&self) -> &Project {
        self.file.project()
    }

    /// Explanations are report text: the report's language, not the chrome's `lang`.
    pub fn report_lang(&self) -> Lang {
        (self.report_lang).unwrap_or_else(|| self.project().report_lang())
    }

    /// An edit's refusal in the workbench's language.
    pub fn refusal(&self, e: &crate::edit::EditError) -> String {
        e.text(self.lang)
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        text(self.lang, msg)
    }

    pub fn tf(&self, msg: Msg, args: &[&str]) -> String {
        fill(self.lang, msg, args)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.say(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.say(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Shows `m` on the status line until the next key, and keeps it in the log (`M`): a
    /// notice such as "A202 的复核已撤销" must stay readable after it is gone from the screen.
    fn say(&mut self, m: Message) {
        if self.log.last() != Some(&m) {
            self.log.push(m.clone());
        }
        self.message = Some(m);
    }

    /// Edits exist that are not on disk.
    pub fn unsaved(&self) -> bool {
        self.file.dirty
    }

    pub fn selected(&self) -> usize {
        self.tree.selected
    }

    /// Whether node `i` is a leaf (false for the 加减分项 rows, which are not nodes).
    pub fn is_leaf(&self, i: usize) -> bool {
        i < self.card.tree.children.len() && self.card.tree.is_leaf(i)
    }

    /// The fields of the selected row.
    pub fn fields(&self) -> Vec<Field> {
        match self.selected_row() {
            Row::Node(i) => fields(self.project(), self.is_leaf(i), i),
            Row::AdjItem(_) => vec![Field::AdjPoints, Field::AdjReason],
            Row::AdjGroup => Vec::new(),
        }
    }

    pub fn focused_field(&self) -> Option<Field> {
        self.fields().get(self.field).cloned()
    }

    /// Which keys apply right now.
    pub fn context(&self) -> Ctx {
        match &self.popup {
            Some(Popup::Prompt(_)) => Ctx::Prompt,
            Some(Popup::Form(_)) => Ctx::Form,
            Some(Popup::Picker(_)) => Ctx::Picker,
            Some(Popup::Editor(_)) => Ctx::Editor,
            Some(Popup::Help { .. } | Popup::Log { .. }) => Ctx::Help,
            None if self.search.is_some() => Ctx::Prompt,
            None if self.in_review() => Ctx::Review,
            None if self.focus == Focus::Detail => Ctx::Detail,
            None => Ctx::Tree,
        }
    }

    /// A terminal event, turned into an action through the keymap.
    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.press(k),
            Event::Paste(s) => self.update(Action::Paste(s)),
            Event::Resize(w, h) => self.update(Action::Resize(w, h)),
            _ => {}
        }
    }

    pub fn press(&mut self, k: KeyEvent) {
        match keymap::lookup(self.context(), &k) {
            Some(a) => self.update(a),
            // Esc then a key, arriving together over a slow link, reads as Alt+key.
            None if k.modifiers.contains(KeyModifiers::ALT) => {
                self.press(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                self.press(KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT));
            }
            None => {
                if matches!(
                    self.context(),
                    Ctx::Global | Ctx::Detail | Ctx::Tree | Ctx::Review
                ) {
                    self.error(self.t(Msg::UnknownKey));
                }
            }
        }
    }

    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            // Lines re-wrap at a new width: start from the top and bring the field into view.
            self.detail_scroll = 0;
            self.scroll_into_view();
            return;
        }
        self.message = None;
        if let Some(p) = self.popup.take() {
            if let Some(keep) = self.popup_update(p, action) {
                self.popup = Some(keep);
            }
        } else if self.search.is_some() {
            self.search_update(action);
        } else {
            self.main_action(action);
        }
        if self.defer_view {
            self.settle_selection();
            self.view_pending = true;
        } else {
            self.scroll_into_view();
        }
    }

    /// Brings what a batch of input changed into view, once (see `defer_view`).
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.view_pending) {
            self.scroll_into_view();
        }
    }

    /// The part of bringing things into view that the next key may depend on: a new
    /// selection starts at its first field, and the field index stays in range.
    fn settle_selection(&mut self) {
        if self.tree.selected != self.last_selected {
            self.last_selected = self.tree.selected;
            self.field = 0;
            self.detail_scroll = 0;
            self.detail_follow = true;
        }
        let n = self.fields().len();
        self.field = self.field.min(n.saturating_sub(1));
    }

    fn main_action(&mut self, action: Action) {
        if self.in_review() {
            self.review_action(action);
        } else {
            self.workbench_action(action);
        }
    }

    /// Keys in the tree and detail panes (and the ones review mode shares with them).
    fn workbench_action(&mut self, action: Action) {
        let tree = self.card.tree.clone();
        let on_leaf = match self.selected_row() {
            Row::Node(i) => self.is_leaf(i),
            Row::AdjItem(_) => true,
            Row::AdjGroup => false,
        };
        if self.focus == Focus::Tree && self.design_action(&action) {
            return;
        }
        match (action, self.focus) {
            (Action::Up, _) => self.move_vertical(-1),
            (Action::Down, _) => self.move_vertical(1),
            (Action::Left, Focus::Tree) => self.tree.collapse_or_parent(&tree),
            (Action::Left | Action::Cancel, Focus::Detail) => self.focus = Focus::Tree,
            (Action::Right | Action::Activate, Focus::Tree) if on_leaf => self.focus_detail(),
            (Action::Right, Focus::Tree) => self.tree.expand_or_child(&tree),
            (Action::Activate | Action::Toggle, Focus::Tree) => self.tree.toggle(&tree),
            (Action::Activate | Action::Toggle, Focus::Detail) => self.activate_field(),
            (Action::Top, _) => self.go_end(false),
            (Action::Bottom, _) => self.go_end(true),
            (Action::PageUp, _) => self.page(-1),
            (Action::PageDown, _) => self.page(1),
            (Action::SwitchPane, Focus::Tree) => self.focus_detail(),
            (Action::SwitchPane, Focus::Detail) => self.focus = Focus::Tree,
            (Action::Search, _) => self.start_search(),
            (Action::NextMatch, _) => self.repeat_search(true),
            (Action::PrevMatch, _) => self.repeat_search(false),
            (Action::NextUnscored, _) => self.jump(nav::Jump::Unscored),
            (Action::NextLoss, _) => self.jump(nav::Jump::Loss),
            (Action::NextWarning, _) => self.jump(nav::Jump::Warning),
            (Action::NextAttention, _) => self.jump_attention(true),
            (Action::PrevAttention, _) => self.jump_attention(false),
            (Action::NextDisagreement, _) => self.next_disagreement(),
            (Action::Review, _) => self.enter_review(),
            (Action::EditScore, _) => self.open_score(),
            (Action::AddDeduction, _) => self.open_deduction(None),
            (Action::PickStandard, _) => self.open_standard(),
            (Action::AddEvidence, _) => self.open_evidence(None),
            (Action::AddInput, _) => self.open_input(None),
            (Action::ChooseTier, _) => self.open_tier(),
            (Action::EditJustification, _) => self.open_editor(),
            (Action::Mark, _) => self.open_mark(),
            (Action::Delete, _) => self.delete_focused(),
            (Action::CiteEvidence, _) => self.open_cite(),
            (Action::Undo, _) => self.undo(),
            (Action::Redo, _) => self.redo(),
            (Action::Save, _) => {
                self.save();
            }
            (Action::Quit, _) => self.request_quit(),
            (Action::Help, _) => self.popup = Some(Popup::Help { scroll: 0 }),
            (Action::MessageLog, _) => self.popup = Some(Popup::Log { scroll: 0 }),
            (Action::Settings, _) => self.open_settings(),
            (Action::Paste(_), _) => self.error(self.t(Msg::PasteWhere)),
            _ => {}
        }
    }

    fn focus_detail(&mut self) {
        self.focus = Focus::Detail;
        self.detail_follow = true;
    }

    /// Keeps the selection, the focused field and the editor's cursor on screen.
    fn scroll_into_view(&mut self) {
        self.sync_extra_rows();
        if self.in_review() {
            let max = view::review::max_scroll(self);
            if let Some(r) = &mut self.review {
                r.scroll = r.scroll.min(max);
            }
        }
        self.settle_selection();
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let areas = view::app_layout(self);
        let tree = self.card.tree.clone();
        self.tree
            .scroll_into_view(&tree, view::inner(areas.tree).height as usize);
        let detail = view::inner(areas.detail);
        let lines = view::detail::lines(self, detail.width as usize);
        let height = (detail.height as usize).max(1);
        if self.detail_follow && self.focus == Focus::Detail {
            let at: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.field == Some(self.field))
                .map(|(k, _)| k)
                .collect();
            if let (Some(&first), Some(&last)) = (at.first(), at.last()) {
                if first < self.detail_scroll {
                    self.detail_scroll = first;
                } else if last >= self.detail_scroll + height {
                    self.detail_scroll = (last + 1 - height).min(first);
                }
            }
        }
        self.detail_scroll = self.detail_scroll.min(lines.len().saturating_sub(height));
        let (w, h) = view::popup::editor_text_size(area);
        if let Some(Popup::Editor(e)) = &mut self.popup {
            e.editor.scroll_into_view(w, h);
        }
        if let Some(Popup::Help { scroll }) = &mut self.popup {
            *scroll = (*scroll).min(view::help::max_scroll(self.lang, area));
        }
    }
}
