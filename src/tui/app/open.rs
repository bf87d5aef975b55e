//! What each editing command opens: prompts, forms and lists, filled with the current value so
//! an edit starts from what is recorded.

use rust_decimal::Decimal;

use super::popup::{
    EditorPopup, Form, FormFor, MarkChoice, PickFor, Picker, Popup, Prompt, PromptFor,
};
use super::{App, Field};
use crate::edit::Edit;
use crate::model::{Check, Credit, InputValue, RuleKind, StandardDeduction, Status};
use crate::scoring::rounding::plain;
use crate::tui::components::{LineInput, TextEditor};
use crate::tui::strings::Msg;

impl App {
    /// The selected leaf's code, or why it cannot be edited (shown as the message).
    pub(super) fn editable_leaf(&mut self) -> Option<String> {
        if let Some(holder) = self.read_only.clone() {
            self.error(self.tf(Msg::ReadOnly, &[&holder]));
            return None;
        }
        let Some(i) = self.selected_node() else {
            self.error(self.t(Msg::AdjOnlyPoints));
            return None;
        };
        let code = self.project().indicators[i].code.clone();
        if !self.is_leaf(i) {
            self.error(self.tf(Msg::ParentNoEdit, &[&code]));
            return None;
        }
        Some(code)
    }

    pub(super) fn heading(&self, code: &str) -> String {
        match self.project().get(code) {
            Some(ind) => format!("{} {}", ind.code, ind.name),
            None => code.to_string(),
        }
    }

    pub(super) fn prompt(&mut self, title: String, text: &str, purpose: PromptFor) {
        self.popup = Some(Popup::Prompt(Prompt {
            title,
            input: LineInput::new(text),
            error: None,
            purpose,
        }));
    }

    pub(super) fn picker(
        &mut self,
        title: String,
        items: Vec<String>,
        selected: usize,
        purpose: PickFor,
    ) {
        self.popup = Some(Popup::Picker(Picker {
            title,
            items,
            selected,
            error: None,
            purpose,
        }));
    }

    /// The range a score may take on this leaf.
    pub(super) fn score_range(&self, code: &str) -> (Decimal, Decimal) {
        let Some(ind) = self.project().get(code) else {
            return (Decimal::ZERO, Decimal::ZERO);
        };
        match &ind.rule.kind {
            RuleKind::Judgement { min, max } => {
                (min.unwrap_or(Decimal::ZERO), max.unwrap_or(ind.weight))
            }
            _ => (Decimal::ZERO, ind.weight),
        }
    }

    pub(super) fn open_score(&mut self) {
        if let super::Row::AdjItem(k) = self.selected_row() {
            return self.open_adjustment(k, 0);
        }
        let Some(code) = self.editable_leaf() else {
            return;
        };
        if let Some(current) = self.deduction_scored(&code) {
            return self.open_score_by_deduction(code, current);
        }
        let (lo, hi) = self.score_range(&code);
        let title = self.tf(
            Msg::ScorePrompt,
            &[&self.heading(&code), &plain(lo), &plain(hi)],
        );
        let current = self
            .project()
            .get(&code)
            .and_then(|i| i.assessment.score)
            .map(plain)
            .unwrap_or_default();
        self.prompt(title, &current, PromptFor::Score { code });
    }

    /// A leaf scored by itemised deductions in points, with no awarded score: what it has now
    /// (its weight less the deductions). Giving such a leaf a score means deducting the rest.
    fn deduction_scored(&self, code: &str) -> Option<Decimal> {
        let ind = self.project().get(code)?;
        let plain_points = matches!(
            &ind.rule.kind,
            RuleKind::Deductions { per_item: None, fraction: None, groups } if groups.is_empty()
        );
        if !plain_points || ind.assessment.score.is_some() {
            return None;
        }
        let weight = self.card.node(self.project(), code)?.weight;
        let taken: Decimal = ind
            .assessment
            .deductions
            .iter()
            .filter_map(|d| d.points)
            .sum();
        Some((weight - taken).max(Decimal::ZERO))
    }

    fn open_score_by_deduction(&mut self, code: String, current: Decimal) {
        self.popup = Some(Popup::Form(Form {
            title: self.tf(
                Msg::ScoreByDeductionTitle,
                &[&self.heading(&code), &plain(current)],
            ),
            labels: vec![
                self.t(Msg::FieldScore).to_string(),
                self.t(Msg::FieldReason).to_string(),
            ],
            inputs: vec![LineInput::new(""), LineInput::new("")],
            focus: 0,
            error: None,
            purpose: FormFor::ScoreByDeduction { code, current },
        }));
    }

    pub(super) fn open_input(&mut self, name: Option<String>) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let heading = self.heading(&code);
        match name {
            Some(name) => {
                let current = self
                    .project()
                    .get(&code)
                    .and_then(|i| i.assessment.input(&name))
                    .map(|v| match v {
                        InputValue::Flag(b) => b.to_string(),
                        other => other.to_string(),
                    });
                let title = format!("{heading} · {}", self.tf(Msg::InputValuePrompt, &[&name]));
                self.prompt(
                    title,
                    &current.unwrap_or_default(),
                    PromptFor::InputValue { code, name },
                );
            }
            None => {
                let mut title = self.tf(Msg::InputPrompt, &[&heading]);
                let reads = self
                    .project()
                    .get(&code)
                    .map(|i| crate::scoring::rule_inputs(&i.rule))
                    .unwrap_or_default();
                if !reads.is_empty() {
                    title = format!(
                        "{title} · {}",
                        self.tf(Msg::InputReads, &[&reads.join("、")])
                    );
                }
                self.prompt(title, "", PromptFor::NewInput { code });
            }
        }
    }

    fn open_year(&mut self, name: String, year: String) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let current = self
            .project()
            .get(&code)
            .and_then(|i| i.assessment.yearly_input(&name))
            .and_then(|y| y.get(&year))
            .map(plain)
            .unwrap_or_default();
        let title = format!(
            "{} · {}",
            self.heading(&code),
            self.tf(Msg::FigYearPrompt, &[&name, &year])
        );
        self.prompt(title, &current, PromptFor::Year { code, name, year });
    }

    fn open_count(&mut self, survey: String, question: usize, option: usize) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let s = self
            .project()
            .get(&code)
            .and_then(|i| i.assessment.survey(&survey))
            .cloned()
            .unwrap_or_default();
        let current = s
            .questions
            .get(question)
            .and_then(|q| q.counts.get(option))
            .map(|c| plain(*c))
            .unwrap_or_default();
        let name = s
            .options
            .get(option)
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let title = format!(
            "{} · {}",
            self.heading(&code),
            self.tf(
                Msg::FigCountPrompt,
                &[&survey, &(question + 1).to_string(), &name]
            )
        );
        self.prompt(
            title,
            &current,
            PromptFor::SurveyCount {
                code,
                survey,
                question,
                option,
            },
        );
    }

    pub(super) fn open_deduction(&mut self, index: Option<usize>) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let base = index
            .and_then(|k| {
                self.project()
                    .get(&code)
                    .and_then(|i| i.assessment.deductions.get(k))
                    .cloned()
            })
            .unwrap_or_default();
        let by_count = base.points.is_none() && base.count.is_some();
        let amount = if by_count { base.count } else { base.points };
        let labels = vec![
            self.t(if by_count {
                Msg::FieldCount
            } else {
                Msg::FieldPoints
            })
            .to_string(),
            self.t(Msg::FieldReason).to_string(),
        ];
        self.popup = Some(Popup::Form(Form {
            title: self.tf(Msg::DeductionForm, &[&self.heading(&code)]),
            labels,
            inputs: vec![
                LineInput::new(&amount.map(plain).unwrap_or_default()),
                LineInput::new(&base.reason),
            ],
            focus: 0,
            error: None,
            purpose: FormFor::Deduction {
                code,
                index,
                by_count,
                base,
            },
        }));
    }

    pub(super) fn open_evidence(&mut self, index: Option<usize>) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let ev = index
            .and_then(|k| {
                self.project()
                    .get(&code)
                    .and_then(|i| i.assessment.evidence.get(k))
                    .cloned()
            })
            .unwrap_or_default();
        self.popup = Some(Popup::Form(Form {
            title: self.tf(Msg::EvidenceForm, &[&self.heading(&code)]),
            labels: [Msg::FieldTitle, Msg::FieldAt, Msg::FieldNote]
                .iter()
                .map(|m| self.t(*m).to_string())
                .collect(),
            inputs: vec![
                LineInput::new(&ev.title),
                LineInput::new(&ev.at),
                LineInput::new(&ev.note),
            ],
            focus: 0,
            error: None,
            purpose: FormFor::Evidence { code, index },
        }));
    }

    pub(super) fn open_standard(&mut self) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let choices: Vec<StandardDeduction> = self
            .project()
            .standard_deductions
            .iter()
            .filter(|s| s.applies(&code))
            .cloned()
            .collect();
        if choices.is_empty() {
            return self.error(self.tf(Msg::NoStandard, &[&code]));
        }
        let items = choices
            .iter()
            .map(|s| format!("-{} {}  {}", plain(s.points), self.t(Msg::Points), s.reason))
            .collect();
        let title = self.tf(Msg::StandardTitle, &[&self.heading(&code)]);
        self.picker(title, items, 0, PickFor::Standard { code, choices });
    }

    pub(super) fn open_tier(&mut self) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let Some(ind) = self.project().get(&code) else {
            return;
        };
        let RuleKind::Levels { levels } = &ind.rule.kind else {
            let kind = ind.rule.kind.label().to_string();
            return self.error(self.tf(Msg::NotForThisRule, &[&code, &kind]));
        };
        let mut choices: Vec<Option<String>> =
            levels.iter().map(|l| Some(l.name.clone())).collect();
        let mut items: Vec<String> = levels
            .iter()
            .map(|l| {
                format!(
                    "{}（{} {}）",
                    l.name,
                    plain(l.points_of(ind.weight)),
                    self.t(Msg::Points)
                )
            })
            .collect();
        choices.push(None);
        items.push(self.t(Msg::ClearChoice).to_string());
        let selected = choices
            .iter()
            .position(|c| *c == ind.assessment.tier)
            .unwrap_or(0);
        let title = self.tf(Msg::TierTitle, &[&self.heading(&code)]);
        self.picker(title, items, selected, PickFor::Tier { code, choices });
    }

    pub(super) fn open_mark(&mut self) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let Some(a) = self.project().get(&code).map(|i| i.assessment.clone()) else {
            return;
        };
        let mut choices: Vec<MarkChoice> =
            Status::ALL.iter().map(|s| MarkChoice::Status(*s)).collect();
        choices.push(if a.na.is_some() {
            MarkChoice::ClearNa
        } else {
            MarkChoice::Na
        });
        choices.push(if a.unscorable.is_some() {
            MarkChoice::ClearUnscorable
        } else {
            MarkChoice::Unscorable
        });
        let items = choices
            .iter()
            .map(|c| match c {
                MarkChoice::Status(s) => crate::tui::strings::status_label(self, *s).to_string(),
                MarkChoice::Na => self.t(Msg::MarkNaItem).to_string(),
                MarkChoice::Unscorable => self.t(Msg::MarkUnscorableItem).to_string(),
                MarkChoice::ClearNa => self.t(Msg::ClearNaItem).to_string(),
                MarkChoice::ClearUnscorable => self.t(Msg::ClearUnscorableItem).to_string(),
            })
            .collect();
        let selected = Status::ALL.iter().position(|s| *s == a.status).unwrap_or(0);
        let title = self.tf(Msg::StatusTitle, &[&self.heading(&code)]);
        self.picker(title, items, selected, PickFor::Mark { code, choices });
    }

    pub(super) fn open_reason(&mut self, na: bool) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let a = self
            .project()
            .get(&code)
            .map(|i| i.assessment.clone())
            .unwrap_or_default();
        let heading = self.heading(&code);
        if na {
            let title = self.tf(Msg::NaPrompt, &[&heading]);
            self.prompt(title, a.na.as_deref().unwrap_or(""), PromptFor::Na { code });
        } else {
            let title = self.tf(Msg::UnscorablePrompt, &[&heading]);
            self.prompt(
                title,
                a.unscorable.as_deref().unwrap_or(""),
                PromptFor::Unscorable { code },
            );
        }
    }

    pub(super) fn open_editor(&mut self) {
        // A parent's analysis paragraph is the one thing recorded on a parent.
        let parent = self
            .selected_node()
            .filter(|&i| !self.is_leaf(i))
            .map(|i| self.project().indicators[i].code.clone());
        let code = match parent {
            Some(code) if self.read_only.is_none() => code,
            _ => match self.editable_leaf() {
                Some(code) => code,
                None => return,
            },
        };
        let text = self
            .project()
            .get(&code)
            .map(|i| i.assessment.justification.clone())
            .unwrap_or_default();
        let title = self.tf(Msg::EditorTitle, &[&self.heading(&code)]);
        self.popup = Some(Popup::Editor(EditorPopup {
            code,
            title,
            editor: TextEditor::new(&text),
            esc_armed: false,
            error: None,
        }));
    }

    /// Enter (or Space) on the focused field of the detail pane.
    pub(super) fn activate_field(&mut self) {
        match self.focused_field() {
            None => match self.selected_node() {
                Some(i) => {
                    let code = self.project().indicators[i].code.clone();
                    self.error(self.tf(Msg::ParentNoEdit, &[&code]));
                }
                None => self.error(self.t(Msg::AdjOnlyPoints)),
            },
            Some(f @ (Field::AdjPoints | Field::AdjReason)) => {
                if let super::Row::AdjItem(k) = self.selected_row() {
                    self.open_adjustment(k, usize::from(f == Field::AdjReason));
                }
            }
            Some(Field::Score | Field::Awarded) => self.open_score(),
            Some(Field::Check(k)) => self.toggle_check(k),
            Some(Field::Tier) => self.open_tier(),
            Some(Field::Input(name)) => self.open_input(Some(name)),
            Some(Field::Year(name, year)) => self.open_year(name, year),
            Some(Field::SurveyCount(name, q, o)) => self.open_count(name, q, o),
            Some(Field::AddInput) => self.open_input(None),
            Some(Field::Deduction(k)) => self.open_deduction(Some(k)),
            Some(Field::AddDeduction) => self.open_deduction(None),
            Some(Field::PickStandard) => self.open_standard(),
            Some(Field::Evidence(k)) => self.open_evidence(Some(k)),
            Some(Field::AddEvidence) => self.open_evidence(None),
            Some(Field::Justification) => self.open_editor(),
            Some(Field::Status) => self.open_mark(),
            Some(Field::Na) => self.open_reason(true),
            Some(Field::Unscorable) => self.open_reason(false),
        }
    }

    fn toggle_check(&mut self, k: usize) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let Some(ind) = self.project().get(&code) else {
            return;
        };
        let RuleKind::Checkpoints { points } = &ind.rule.kind else {
            return;
        };
        let Some(point) = points.get(k).copied() else {
            return;
        };
        let current = ind.assessment.checks.get(k).copied();
        let heading = self.heading(&code);
        let no = (k + 1).to_string();
        // A checkpoint that is not all-or-nothing asks for its number instead of toggling.
        let title = match point.credit {
            Credit::Whole => {
                let met = current == Some(Check::Met(true));
                return self.set_check(code, k, Check::Met(!met));
            }
            Credit::Partial => self.tf(
                Msg::CheckPointsPrompt,
                &[&heading, &no, &plain(point.points)],
            ),
            Credit::PerItem(each) => self.tf(Msg::CheckCountPrompt, &[&heading, &no, &plain(each)]),
        };
        let prefill = match current {
            Some(Check::Number(n)) => plain(n),
            Some(Check::Met(true)) if point.credit == Credit::Partial => plain(point.points),
            Some(Check::Met(true)) => "0".into(),
            _ => String::new(),
        };
        self.prompt(title, &prefill, PromptFor::Check { code, index: k });
    }

    /// Records one checkpoint's value, keeping the others (a checkpoint never recorded is not met).
    pub(super) fn set_check(&mut self, code: String, k: usize, value: Check) {
        if let Err(e) = self.check_edit(code, k, value) {
            self.error(e);
        }
    }

    pub(super) fn check_edit(
        &mut self,
        code: String,
        k: usize,
        value: Check,
    ) -> Result<(), String> {
        let Some(ind) = self.project().get(&code) else {
            return Ok(());
        };
        let n = match &ind.rule.kind {
            RuleKind::Checkpoints { points } => points.len(),
            _ => return Ok(()),
        };
        let mut checks = ind.assessment.checks.clone();
        checks.resize(n, Check::Met(false));
        checks[k] = value;
        self.commit(Edit::SetChecks { code, checks })
    }

    pub(super) fn delete_focused(&mut self) {
        let field = self.focused_field();
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let mut follow = Vec::new();
        let edit = match field {
            Some(Field::Deduction(index)) => Edit::RemoveDeduction { code, index },
            Some(Field::Evidence(index)) => {
                follow = self.follow_citations(&code, index, None);
                Edit::RemoveEvidence { code, index }
            }
            Some(Field::Input(name))
                if self
                    .project()
                    .get(&code)
                    .is_some_and(|i| i.assessment.input(&name).is_some()) =>
            {
                Edit::SetInput {
                    code,
                    name,
                    value: None,
                }
            }
            Some(Field::Year(name, year)) => Edit::SetYear {
                code,
                name,
                year,
                value: None,
            },
            _ => return self.error(self.t(Msg::NothingToDelete)),
        };
        let label = crate::lang::edit_label(&edit, self.lang);
        let mut edits = vec![edit];
        edits.extend(follow);
        match self.commit_all(edits, label.clone()) {
            Ok(()) => self.info(self.tf(Msg::Deleted, &[&label])),
            Err(e) => self.error(e),
        }
    }
}
