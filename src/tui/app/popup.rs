//! Popups: their state, and how keys act inside them. What opens them is in `open`, what their
//! answers become is in `submit`.

use rust_decimal::Decimal;

use super::App;
use crate::edit::Edit;
use crate::model::{Deduction, StandardDeduction, Status};
use crate::store::parse_decimal;
use crate::tui::action::Action;
use crate::tui::components::{LineInput, TextEditor};
use crate::tui::strings::Msg;
use crate::tui::view;
use ratatui::layout::Rect;

#[derive(Debug, Clone)]
pub enum Popup {
    Prompt(Prompt),
    Form(Form),
    Picker(Picker),
    Editor(EditorPopup),
    Help {
        scroll: usize,
    },
    /// The message log (`M`), scrolled by `scroll` lines from the newest.
    Log {
        scroll: usize,
    },
}

/// One line of text to answer.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: String,
    pub input: LineInput,
    pub error: Option<String>,
    pub purpose: PromptFor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    Score {
        code: String,
    },
    Na {
        code: String,
    },
    Unscorable {
        code: String,
    },
    InputValue {
        code: String,
        name: String,
    },
    NewInput {
        code: String,
    },
    /// One year's figure of a per-year input.
    Year {
        code: String,
        name: String,
        year: String,
    },
    /// One count of a questionnaire's tally.
    SurveyCount {
        code: String,
        survey: String,
        question: usize,
        option: usize,
    },
    /// The points awarded, or the shortcomings found, for checkpoint `index` of leaf `code`.
    Check {
        code: String,
        index: usize,
    },
    SaveAs,
    /// A review comment (复核意见) on leaf `code`.
    Flag {
        code: String,
    },
    // Designing the tree (`design`).
    IndicatorName {
        code: String,
    },
    IndicatorCode {
        code: String,
    },
    IndicatorWeight {
        code: String,
    },
    IndicatorParent {
        code: String,
    },
    IndicatorRule {
        code: String,
    },
    /// Point `index` of `code`'s 评价要点: a new one when `new`, else the one there.
    Criterion {
        code: String,
        index: usize,
        new: bool,
    },
}

/// Several labelled lines: a deduction or an evidence item.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub labels: Vec<String>,
    pub inputs: Vec<LineInput>,
    pub focus: usize,
    pub error: Option<String>,
    pub purpose: FormFor,
}

#[derive(Debug, Clone)]
pub enum FormFor {
    /// `base` keeps what the form does not show (group, cited evidence).
    Deduction {
        code: String,
        index: Option<usize>,
        by_count: bool,
        base: Deduction,
    },
    Evidence {
        code: String,
        index: Option<usize>,
    },
    /// `s` on a leaf scored by deductions: the score the evaluator gives and why; the points
    /// below `current` (what the leaf has now) become one deduction with that reason.
    ScoreByDeduction {
        code: String,
        current: Decimal,
    },
    /// A 加减分项's points and reason.
    Adjustment {
        code: String,
    },
    /// The project settings as shown when the form opened (a field left as shown is not
    /// written, so a default the file leaves out stays out).
    Settings {
        shown: Vec<String>,
    },
    /// The definition texts of `code`, in `DefinitionKey::ALL`'s order.
    Definitions {
        code: String,
    },
    /// A new indicator's code, name and weight, under `parent` at `index`.
    AddIndicator {
        parent: Option<String>,
        index: usize,
    },
    /// A leaf's rule, one parameter (or list item) a row (`rule_form`).
    Rule(Box<super::rule_form::RuleForm>),
}

/// A list to choose one item from.
#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub items: Vec<String>,
    pub selected: usize,
    pub error: Option<String>,
    pub purpose: PickFor,
}

#[derive(Debug, Clone)]
pub enum PickFor {
    Standard {
        code: String,
        choices: Vec<StandardDeduction>,
    },
    Tier {
        code: String,
        choices: Vec<Option<String>>,
    },
    /// The evidence deduction `index` of leaf `code` may cite (`c`).
    Cite {
        code: String,
        index: usize,
    },
    Mark {
        code: String,
        choices: Vec<MarkChoice>,
    },
    /// The file changed on disk; `changes` says how the user's version differs from it.
    Conflict {
        changes: Vec<String>,
    },
    Quit,
    /// Confirms deleting an indicator that takes others or records with it.
    DeleteIndicator {
        code: String,
    },
    /// The 评价要点 of `code` (`criteria`): Enter edits one, a adds, x deletes, K/J move.
    Criteria {
        code: String,
        hint: Vec<String>,
    },
    /// The kind of leaf `code`'s rule (`rule_form`); the last item is the one-line form.
    RuleKind {
        code: String,
    },
    /// Unsaved edits found in the recovery file: restore, discard, or decide later.
    Recovery {
        text: String,
        /// The file the edits were made against, when the recovery file kept it: restoring
        /// then merges onto what is on disk now instead of reverting others' saves.
        base: Option<String>,
        changes: Vec<String>,
    },
    /// A conflict `jixiao merge` recorded in the file (`[[conflicts]]`): ours, theirs, later.
    RecordedConflict {
        code: String,
    },
    /// One field both this workbench and someone else changed: keep mine or take theirs.
    MergeConflict {
        pending: Box<super::team::PendingMerge>,
        /// The field's conflict line, and what the others changed, shown above the choices.
        changes: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkChoice {
    Status(Status),
    Na,
    Unscorable,
    ClearNa,
    ClearUnscorable,
}

/// The multi-line editor for a leaf's 评价说明.
#[derive(Debug, Clone)]
pub struct EditorPopup {
    pub code: String,
    pub title: String,
    pub editor: TextEditor,
    /// Esc was pressed once on changed text; a second Esc discards.
    pub esc_armed: bool,
    pub error: Option<String>,
}

/// Typing in a one-line input. Returns whether the action was a text action.
pub fn edit_line(input: &mut LineInput, action: Action) -> bool {
    match action {
        Action::InsertChar(c) => input.insert_char(c),
        Action::Paste(s) => input.insert_str(&s),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::ClearToStart => input.clear_to_start(),
        _ => return false,
    }
    true
}

/// A number as typed, full-width digits from a Chinese input method included.
pub fn number(text: &str) -> Option<Decimal> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    parse_decimal(&ascii)
}

pub(super) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.char_indices()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl App {
    /// Keys inside a popup. Returns the popup to keep open, or None to close it (a handler
    /// that opens another popup sets `self.popup` itself).
    pub(super) fn popup_update(&mut self, popup: Popup, action: Action) -> Option<Popup> {
        match popup {
            Popup::Prompt(mut p) => match action {
                Action::Cancel => None,
                Action::Complete => {
                    self.complete_input_name(&mut p);
                    Some(Popup::Prompt(p))
                }
                Action::Submit => match self.submit_prompt(&p) {
                    Ok(()) => None,
                    Err(e) => {
                        p.error = Some(e);
                        Some(Popup::Prompt(p))
                    }
                },
                other => {
                    let before = p.input.text();
                    edit_line(&mut p.input, other);
                    // An error is about what was typed: once the text changes it is stale.
                    if p.input.text() != before {
                        p.error = None;
                    }
                    Some(Popup::Prompt(p))
                }
            },
            Popup::Form(mut f) => match action {
                Action::Cancel => None,
                Action::NextField => {
                    f.focus = (f.focus + 1) % f.inputs.len();
                    Some(Popup::Form(f))
                }
                Action::PrevField => {
                    f.focus = (f.focus + f.inputs.len() - 1) % f.inputs.len();
                    Some(Popup::Form(f))
                }
                Action::Submit => match self.submit_form(&f) {
                    Ok(()) => None,
                    Err(e) => {
                        f.error = Some(e);
                        Some(Popup::Form(f))
                    }
                },
                other => {
                    if !self.rule_form_key(&mut f, &other) {
                        let before = f.inputs[f.focus].text();
                        edit_line(&mut f.inputs[f.focus], other);
                        // An error is about what was typed: once the text changes it is stale
                        // (a rule form sets its own again as it checks the new text).
                        if f.inputs[f.focus].text() != before {
                            f.error = None;
                        }
                    }
                    self.refresh_rule_form(&mut f);
                    Some(Popup::Form(f))
                }
            },
            Popup::Picker(p) if matches!(p.purpose, PickFor::Criteria { .. }) => {
                self.criteria_key(p, action)
            }
            Popup::Picker(mut p) => {
                let n = p.items.len();
                match action {
                    Action::Cancel => return None,
                    Action::Up => p.selected = p.selected.saturating_sub(1),
                    Action::Down => p.selected = (p.selected + 1).min(n.saturating_sub(1)),
                    Action::InsertChar(c @ '1'..='9') if (c as usize - '1' as usize) < n => {
                        p.selected = c as usize - '1' as usize;
                        return self.submit_picker(p);
                    }
                    Action::Submit => return self.submit_picker(p),
                    _ => {}
                }
                Some(Popup::Picker(p))
            }
            Popup::Editor(mut e) => self
                .editor_update(&mut e, action)
                .then_some(Popup::Editor(e)),
            Popup::Log { scroll } => match action {
                Action::Cancel | Action::MessageLog | Action::Help => None,
                Action::Up => Some(Popup::Log { scroll: scroll + 1 }),
                Action::Down => Some(Popup::Log {
                    scroll: scroll.saturating_sub(1),
                }),
                Action::PageUp => Some(Popup::Log {
                    scroll: scroll + 10,
                }),
                Action::PageDown => Some(Popup::Log {
                    scroll: scroll.saturating_sub(10),
                }),
                _ => Some(Popup::Log { scroll }),
            },
            Popup::Help { scroll } => match action {
                Action::Cancel | Action::Help => None,
                Action::Up => Some(Popup::Help {
                    scroll: scroll.saturating_sub(1),
                }),
                Action::Down => Some(Popup::Help { scroll: scroll + 1 }),
                Action::PageUp => Some(Popup::Help {
                    scroll: scroll.saturating_sub(10),
                }),
                Action::PageDown => Some(Popup::Help {
                    scroll: scroll + 10,
                }),
                _ => Some(Popup::Help { scroll }),
            },
        }
    }

    /// Tab in the `i` prompt: completes the name before `=` to one the rule reads, the ones
    /// not recorded yet first; on a complete name, the next one.
    fn complete_input_name(&self, p: &mut Prompt) {
        let PromptFor::NewInput { code } = &p.purpose else {
            return;
        };
        let Some(ind) = self.project().get(code) else {
            return;
        };
        let mut names = crate::scoring::missing_inputs(ind);
        for n in crate::scoring::rule_inputs(&ind.rule) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        if names.is_empty() {
            return;
        }
        let text = p.input.text();
        let (typed, value) = match text.split_once('=').or_else(|| text.split_once('＝')) {
            Some((n, v)) => (n.trim().to_string(), v.to_string()),
            None => (text.trim().to_string(), String::new()),
        };
        let pick = match names.iter().position(|n| *n == typed) {
            Some(k) => Some(&names[(k + 1) % names.len()]),
            None => names.iter().find(|n| n.starts_with(typed.as_str())),
        };
        match pick {
            Some(name) => {
                p.input = LineInput::new(&format!("{name}={value}"));
                p.error = None;
            }
            None => p.error = Some(self.tf(Msg::InputReads, &[&names.join("、")])),
        }
    }

    /// Keys in the justification editor; returns whether it stays open.
    fn editor_update(&mut self, e: &mut EditorPopup, action: Action) -> bool {
        let (width, height) =
            view::popup::editor_text_size(Rect::new(0, 0, self.size.0, self.size.1));
        let ed = &mut e.editor;
        match action {
            Action::Done => {
                if !ed.changed() {
                    return false;
                }
                let edit = Edit::SetJustification {
                    code: e.code.clone(),
                    text: ed.text(),
                };
                return match self.commit(edit) {
                    Ok(()) => false,
                    Err(msg) => {
                        e.error = Some(msg);
                        true
                    }
                };
            }
            Action::Cancel => {
                if ed.changed() && !e.esc_armed {
                    e.esc_armed = true;
                    return true;
                }
                return false;
            }
            Action::InsertChar(c) => ed.insert_char(c),
            Action::Paste(s) => ed.insert_str(&s),
            Action::Newline => ed.insert_char('\n'),
            Action::CursorLeft => ed.left(),
            Action::CursorRight => ed.right(),
            Action::CursorUp => ed.up(width),
            Action::CursorDown => ed.down(width),
            Action::LineStart => ed.home(width),
            Action::LineEnd => ed.end(width),
            Action::PageUp => ed.page(width, height, false),
            Action::PageDown => ed.page(width, height, true),
            Action::Top => ed.to_edge(false),
            Action::Bottom => ed.to_edge(true),
            Action::DeleteBack => ed.backspace(),
            Action::DeleteForward => ed.delete(),
            Action::ClearToStart => ed.clear_to_start(width),
            _ => return true,
        }
        e.esc_armed = false;
        true
    }
}
