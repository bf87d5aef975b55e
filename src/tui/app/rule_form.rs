//! `f` on a leaf: the rule's kind chosen from a list (each with a line saying what it does),
//! then its parameters in a form. Every key re-checks the fields and re-scores the leaf with
//! the rule as typed, so the form shows what the rule would give before it is confirmed;
//! Enter writes one `SetRule` edit (the path of the one-line form, undone by `u`), Esc writes
//! nothing. The one-line form stays at the bottom of the list for power users and branches.

use super::popup::{Form, FormFor, PickFor, Popup};
use super::{App, Row};
use crate::edit::{self, Edit, Param, ParamKind, RULE_KINDS};
use crate::scoring::LeafState;
use crate::scoring::rounding::{fixed, plain};
use crate::tui::action::Action;
use crate::tui::components::LineInput;
use crate::tui::strings::{DesignMsg, Msg, RuleFormMsg as R};

/// What a rule form needs beyond its rows: whose rule, which kind, and what the rows mean.
#[derive(Debug, Clone)]
pub struct RuleForm {
    pub code: String,
    pub kind: &'static str,
    /// The parameter each row fills, row by row.
    pub params: Vec<Param>,
    /// The rule as the file has it (its other keys stay when the kind does not change).
    pub keep: Option<String>,
    /// Input names offered by Ctrl-n: those recorded on the leaf and those its rule reads.
    pub inputs: Vec<String>,
    /// What the rule as typed gives the leaf, line by line (empty while it does not read).
    pub preview: Vec<String>,
}

impl App {
    fn r(&self, m: R) -> &'static str {
        self.t(Msg::RuleForm(m))
    }

    /// `f`: the list of rule kinds, the leaf's own kind selected.
    pub(super) fn open_rule_picker(&mut self) {
        let code = match self.selected_row() {
            Row::Node(i) => self.project().indicators[i].code.clone(),
            _ => return self.error(self.t(Msg::Design(DesignMsg::NotANode))),
        };
        let kind = self
            .project()
            .get(&code)
            .map(|i| i.rule.kind.name())
            .unwrap_or("deductions");
        let selected = RULE_KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        let mut items: Vec<String> = RULE_KINDS
            .iter()
            .map(|k| self.t(Msg::RuleForm(R::of_kind(k))).to_string())
            .collect();
        items.push(self.r(R::OneLine).to_string());
        let title = self.tf(Msg::RuleForm(R::PickTitle), &[&self.heading(&code)]);
        self.picker(title, items, selected, PickFor::RuleKind { code });
    }

    /// The kind chosen: its form, or the one-line prompt (last item, or a branch).
    pub(super) fn submit_rule_kind(&mut self, code: &str, k: usize) -> Result<(), String> {
        let Some(kind) = RULE_KINDS.get(k).copied().filter(|k| *k != "branch") else {
            self.open_rule_line();
            return Ok(());
        };
        let keep = crate::store::rule_text(&self.file, code);
        let rows = edit::rule_rows(kind, keep.as_deref());
        let mut inputs: Vec<String> = Vec::new();
        if let Some(ind) = self.project().get(code) {
            let recorded = ind.assessment.inputs.iter().map(|(n, _)| n.clone());
            for n in recorded.chain(crate::scoring::rule_inputs(&ind.rule)) {
                if !inputs.contains(&n) {
                    inputs.push(n);
                }
            }
        }
        let kind_line = format!("{kind} · {}", self.t(Msg::RuleForm(R::of_kind(kind))));
        let mut form = Form {
            title: self.tf(
                Msg::RuleForm(R::FormTitle),
                &[&self.heading(code), &kind_line],
            ),
            labels: rows
                .iter()
                .map(|(p, _)| crate::lang::rule_param(p.key, self.lang))
                .collect(),
            inputs: rows.iter().map(|(_, t)| LineInput::new(t)).collect(),
            focus: 0,
            error: None,
            purpose: FormFor::Rule(Box::new(RuleForm {
                code: code.to_string(),
                kind,
                params: rows.iter().map(|(p, _)| *p).collect(),
                keep,
                inputs,
                preview: Vec::new(),
            })),
        };
        self.refresh_rule_form(&mut form);
        self.popup = Some(Popup::Form(form));
        Ok(())
    }

    fn open_rule_line(&mut self) {
        self.open_design_prompt(DesignMsg::RulePrompt);
    }

    /// The rule the rows say, or the first thing wrong with it (a field, or the rule as the
    /// loader reads it) in the user's language.
    fn rule_of_form(
        &self,
        f: &Form,
        rf: &RuleForm,
    ) -> Result<(String, crate::model::Rule), String> {
        let rows: Vec<(Param, String)> = rf
            .params
            .iter()
            .zip(&f.inputs)
            .map(|(p, i)| (*p, i.text()))
            .collect();
        let text =
            edit::rule_from_rows(rf.kind, &rows, rf.keep.as_deref()).map_err(|(row, e)| {
                let label = crate::lang::rule_param(rf.params[row].key, self.lang);
                format!("{label}: {}", self.refusal(&e))
            })?;
        let weight = self
            .project()
            .get(&rf.code)
            .map(|i| i.weight)
            .unwrap_or_default();
        let (_, rule) = edit::rule_parsed(&rf.code, weight, &text).map_err(|e| self.refusal(&e))?;
        Ok((text, rule))
    }

    /// Re-checks the fields and re-scores the leaf with the rule as typed.
    pub(super) fn refresh_rule_form(&self, f: &mut Form) {
        let FormFor::Rule(rf) = &f.purpose else {
            return;
        };
        let mut rf = rf.clone();
        rf.preview.clear();
        match self.rule_of_form(f, &rf) {
            Err(e) => f.error = Some(e),
            Ok((_, rule)) => {
                f.error = None;
                rf.preview = self.preview_lines(&rf.code, rule);
            }
        }
        f.purpose = FormFor::Rule(rf);
    }

    fn preview_lines(&self, code: &str, rule: crate::model::Rule) -> Vec<String> {
        let p = self.project();
        let (Some(i), Some(ind)) = (p.index_of(code), p.get(code)) else {
            return Vec::new();
        };
        let mut ind = ind.clone();
        ind.rule = rule;
        let weight = self.card.nodes.get(i).map_or(ind.weight, |n| n.weight);
        let out = crate::scoring::score_leaf(&ind, weight, &p.framework);
        let places = p.framework.places;
        let head = match &out.state {
            LeafState::Unscored => self.r(R::PreviewUnscored).to_string(),
            LeafState::Incomplete(missing) => {
                self.tf(Msg::IncompleteMissing, &[&missing.join("、")])
            }
            LeafState::NotApplicable(why) => self.tf(Msg::RuleForm(R::PreviewNa), &[why]),
            _ => self.tf(
                Msg::RuleForm(R::PreviewScore),
                &[&fixed(out.score, places), &plain(weight)],
            ),
        };
        let mut lines = vec![head];
        lines.extend(out.steps.iter().map(|s| s.text(places, self.report_lang())));
        lines
    }

    /// Keys a rule form has beyond any form's: Ctrl-n, Ctrl-o, Ctrl-d. False for other keys
    /// (and other forms).
    pub(super) fn rule_form_key(&mut self, f: &mut Form, action: &Action) -> bool {
        let FormFor::Rule(rf) = &mut f.purpose else {
            return false;
        };
        let k = f.focus;
        let Some(param) = rf.params.get(k).copied() else {
            return false;
        };
        match action {
            Action::NextChoice => {
                let choices: Vec<String> = match param.kind {
                    ParamKind::Input | ParamKind::Veto => rf.inputs.clone(),
                    ParamKind::Choice(words) => words.iter().map(|w| w.to_string()).collect(),
                    _ => Vec::new(),
                };
                if choices.is_empty() {
                    let label = crate::lang::rule_param(param.key, self.lang);
                    f.error = Some(self.tf(Msg::RuleForm(R::NoChoices), &[&label]));
                    return true;
                }
                let typed = f.inputs[k].text();
                let typed = typed.trim();
                let next = match choices.iter().position(|c| c == typed) {
                    Some(at) => &choices[(at + 1) % choices.len()],
                    None => choices
                        .iter()
                        .find(|c| !typed.is_empty() && c.starts_with(typed))
                        .unwrap_or(&choices[0]),
                };
                f.inputs[k] = LineInput::new(next);
            }
            Action::AddRow | Action::RemoveRow if !param.kind.is_list() => {
                let label = crate::lang::rule_param(param.key, self.lang);
                f.error = Some(self.tf(Msg::RuleForm(R::NotAList), &[&label]));
                return true;
            }
            Action::AddRow => {
                rf.params.insert(k + 1, param);
                f.labels
                    .insert(k + 1, crate::lang::rule_param(param.key, self.lang));
                f.inputs.insert(k + 1, LineInput::new(""));
                f.focus = k + 1;
            }
            Action::RemoveRow => {
                let same = rf.params.iter().filter(|p| p.key == param.key).count();
                if same > 1 {
                    rf.params.remove(k);
                    f.labels.remove(k);
                    f.inputs.remove(k);
                    // Stay in the list: after its last row comes another field (full marks).
                    let next_same = rf.params.get(k).is_some_and(|p| p.key == param.key);
                    f.focus = if next_same { k } else { k - 1 };
                } else {
                    f.inputs[k] = LineInput::new("");
                }
            }
            _ => return false,
        }
        true
    }

    /// Enter in a rule form: one `SetRule`, or the reason it cannot be written.
    pub(super) fn submit_rule_form(&mut self, f: &Form, rf: &RuleForm) -> Result<(), String> {
        let (text, _) = self.rule_of_form(f, rf)?;
        if rf.keep.as_deref() == Some(text.as_str()) {
            self.info(self.r(R::Unchanged));
            return Ok(());
        }
        self.commit(Edit::SetRule {
            code: rf.code.clone(),
            rule: Some(text),
        })
    }

    /// The hint under the fields: what the focused field takes.
    pub fn rule_field_hint(&self, f: &Form, rf: &RuleForm) -> String {
        let Some(param) = rf.params.get(f.focus) else {
            return String::new();
        };
        match param.kind {
            ParamKind::Input => {
                let names = if rf.inputs.is_empty() {
                    "—".to_string()
                } else {
                    rf.inputs.join("、")
                };
                self.tf(Msg::RuleForm(R::HintInput), &[&names])
            }
            ParamKind::Number => self.r(R::HintNumber).to_string(),
            ParamKind::Share => self.r(R::HintShare).to_string(),
            ParamKind::Choice(words) => {
                self.tf(Msg::RuleForm(R::HintChoice), &[&words.join(" / ")])
            }
            ParamKind::Text => self.r(R::HintText).to_string(),
            ParamKind::Level => self.r(R::HintLevel).to_string(),
            ParamKind::Band => self.r(R::HintBand).to_string(),
            ParamKind::Checkpoint => self.r(R::HintCheckpoint).to_string(),
            ParamKind::Veto => self.r(R::HintVeto).to_string(),
        }
    }
}
