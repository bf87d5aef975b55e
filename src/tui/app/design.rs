//! Designing the tree in the workbench (指标设计): the tree pane's keys to add, rename,
//! re-code, re-weight, delete and move indicators. Each answer becomes one structure `Edit`
//! committed like any scoring edit (undo, redo, the merging save); after it the tree is
//! rebuilt and the edited indicator stays selected.

use std::collections::HashSet;

use super::popup::{Form, FormFor, PickFor, Popup, PromptFor, number};
use super::{App, Row};
use crate::edit::{self, DefinitionKey, Edit, WeightGap};
use crate::scoring::rounding::plain;
use crate::tui::action::Action;
use crate::tui::components::{LineInput, TreeList};
use crate::tui::strings::{DesignMsg as D, Msg};

/// A rule as the prompt shows it: `kind=rate numerator=实际到位资金 denominator=预算资金` when
/// every value is one word, else its inline table.
fn rule_line(text: Option<&str>) -> String {
    let Some(text) = text else {
        return String::new();
    };
    let Ok(toml_edit::Value::InlineTable(t)) = text.parse::<toml_edit::Value>() else {
        return text.to_string();
    };
    let mut parts = Vec::new();
    for (k, v) in t.iter() {
        let shown = match v {
            toml_edit::Value::String(s) => s.value().clone(),
            other => {
                let mut o = other.clone();
                o.decor_mut().clear();
                o.to_string()
            }
        };
        if shown.is_empty() || shown.contains(char::is_whitespace) || shown.contains('=') {
            return text.to_string();
        }
        parts.push(format!("{k}={shown}"));
    }
    parts.join(" ")
}

/// The prompt's answer as a rule: an inline table as written, or `key=value` words (a
/// `kind=` starts a new rule, other keys change the current one); empty removes the rule.
fn rule_from_line(current: Option<&str>, line: &str) -> Result<Option<String>, edit::EditError> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    if line.starts_with('{') {
        return Ok(Some(line.to_string()));
    }
    let pairs: Vec<(String, String)> = line
        .split_whitespace()
        .map(|w| match w.split_once('=').or_else(|| w.split_once('＝')) {
            Some((k, v)) => Ok((format!("rule.{}", k.trim()), v.to_string())),
            None => Err(edit::EditError::RuleNotKeyValue {
                text: w.to_string(),
            }),
        })
        .collect::<Result<_, _>>()?;
    edit::rule_from_assignments(current, &pairs)
}

impl App {
    fn d(&self, m: D) -> &'static str {
        self.t(Msg::Design(m))
    }

    fn df(&self, m: D, args: &[&str]) -> String {
        self.tf(Msg::Design(m), args)
    }

    /// The selected indicator's code, or a message saying to select one.
    fn selected_code(&mut self) -> Option<String> {
        match self.selected_row() {
            Row::Node(i) => Some(self.project().indicators[i].code.clone()),
            _ => {
                self.error(self.d(D::NotANode));
                None
            }
        }
    }

    fn parent_code(&self, code: &str) -> Option<String> {
        let p = self.project();
        p.get(code)
            .and_then(|i| i.parent.clone())
            .filter(|q| p.get(q).is_some())
    }

    /// The tree pane's design keys; false when `action` is not one of them.
    pub(super) fn design_action(&mut self, action: &Action) -> bool {
        match action {
            Action::AddSibling => self.open_add(false),
            Action::AddChild => self.open_add(true),
            Action::RenameIndicator => self.open_design_prompt(D::RenamePrompt),
            Action::ChangeCode => self.open_design_prompt(D::CodePrompt),
            Action::ChangeWeight => self.open_design_prompt(D::WeightPrompt),
            Action::MoveToParent => self.open_design_prompt(D::ParentPrompt),
            Action::EditRule => self.open_rule_picker(),
            Action::EditRuleLine => self.open_design_prompt(D::RulePrompt),
            Action::EditCriteria => self.open_criteria(None),
            Action::EditDefinitions => self.open_definitions(),
            Action::DeleteIndicator => self.delete_indicator(),
            Action::MoveUp => self.move_sibling(-1),
            Action::MoveDown => self.move_sibling(1),
            _ => return false,
        }
        true
    }

    /// A form for a new indicator: its code (proposed from the siblings), name and weight.
    fn open_add(&mut self, child: bool) {
        let (parent, index) = match self.selected_row() {
            Row::Node(i) => {
                let code = self.project().indicators[i].code.clone();
                if child {
                    let n = edit::structure_children(self.project(), Some(&code)).len();
                    (Some(code), n)
                } else {
                    let parent = self.parent_code(&code);
                    let at = edit::structure_children(self.project(), parent.as_deref())
                        .iter()
                        .position(|c| *c == code)
                        .map_or(0, |k| k + 1);
                    (parent, at)
                }
            }
            _ if self.project().indicators.is_empty() => (None, 0),
            _ => return self.error(self.d(D::NotANode)),
        };
        let code = edit::propose_code(self.project(), parent.as_deref());
        let title = match &parent {
            Some(pc) => self.df(D::AddTitle, &[&self.heading(pc)]),
            None => self.d(D::AddTopTitle).to_string(),
        };
        self.popup = Some(Popup::Form(Form {
            title,
            labels: vec![
                self.d(D::LabelCode).to_string(),
                self.d(D::LabelName).to_string(),
                self.d(D::LabelWeight).to_string(),
            ],
            inputs: vec![
                LineInput::new(&code),
                LineInput::new(""),
                LineInput::new(""),
            ],
            // The code is usually right: start at the name.
            focus: 1,
            error: None,
            purpose: FormFor::AddIndicator { parent, index },
        }));
    }

    pub(super) fn submit_add(
        &mut self,
        f: &Form,
        parent: &Option<String>,
        index: usize,
    ) -> Result<(), String> {
        let text = |k: usize| f.inputs[k].text().trim().to_string();
        let weight_text = text(2);
        let weight = number(&weight_text).ok_or_else(|| self.df(D::NotAWeight, &[&weight_text]))?;
        let code = text(0);
        self.commit(Edit::AddIndicator {
            code,
            parent: parent.clone(),
            index,
            name: text(1),
            weight,
        })
    }

    pub(super) fn open_design_prompt(&mut self, which: D) {
        let Some(code) = self.selected_code() else {
            return;
        };
        let Some(ind) = self.project().get(&code).cloned() else {
            return;
        };
        let heading = self.heading(&code);
        let (text, purpose) = match which {
            D::RenamePrompt => (ind.name.clone(), PromptFor::IndicatorName { code }),
            D::CodePrompt => (ind.code.clone(), PromptFor::IndicatorCode { code }),
            D::WeightPrompt => (plain(ind.weight), PromptFor::IndicatorWeight { code }),
            D::RulePrompt => (
                rule_line(crate::store::rule_text(&self.file, &code).as_deref()),
                PromptFor::IndicatorRule { code },
            ),
            _ => (
                self.parent_code(&code).unwrap_or_default(),
                PromptFor::IndicatorParent { code },
            ),
        };
        self.prompt(self.df(which, &[&heading]), &text, purpose);
    }

    /// The answer of a design prompt; false when `purpose` is not one.
    pub(super) fn submit_design_prompt(
        &mut self,
        purpose: &PromptFor,
        t: &str,
    ) -> Option<Result<(), String>> {
        let edit = match purpose {
            PromptFor::IndicatorName { code } => Edit::SetName {
                code: code.clone(),
                name: t.to_string(),
            },
            PromptFor::IndicatorCode { code } => Edit::SetCode {
                code: code.clone(),
                new_code: t.to_string(),
            },
            PromptFor::IndicatorWeight { code } => match number(t) {
                Some(weight) => Edit::SetWeight {
                    code: code.clone(),
                    weight,
                },
                None => return Some(Err(self.df(D::NotAWeight, &[t]))),
            },
            PromptFor::IndicatorParent { code } => {
                let parent = (!t.is_empty()).then(|| t.to_string());
                let index = edit::structure_children(self.project(), parent.as_deref())
                    .iter()
                    .filter(|c| **c != code.as_str())
                    .count();
                Edit::MoveIndicator {
                    code: code.clone(),
                    parent,
                    index,
                }
            }
            PromptFor::IndicatorRule { code } => {
                let current = crate::store::rule_text(&self.file, code);
                match rule_from_line(current.as_deref(), t) {
                    Ok(rule) => Edit::SetRule {
                        code: code.clone(),
                        rule,
                    },
                    Err(e) => return Some(Err(self.refusal(&e))),
                }
            }
            _ => return None,
        };
        Some(self.commit(edit))
    }

    /// The report's code as the definitions form shows it: empty when the key is absent (the
    /// indicator's own code is printed), `""` when the report prints no code.
    fn shown_text(shown: Option<&str>) -> String {
        match shown {
            None => String::new(),
            Some("") => "\"\"".to_string(),
            Some(s) => s.to_string(),
        }
    }

    /// A form with the indicator's 指标解释, 公式, 目标值 and 数据来源, and the code the report
    /// prints (`shown`).
    fn open_definitions(&mut self) {
        let Some(code) = self.selected_code() else {
            return;
        };
        let Some(ind) = self.project().get(&code).cloned() else {
            return;
        };
        self.popup = Some(Popup::Form(Form {
            title: self.df(D::DefinitionsTitle, &[&self.heading(&code)]),
            labels: DefinitionKey::ALL
                .iter()
                .map(|&k| crate::lang::definition_label(k, self.lang).to_string())
                .chain([self.d(D::ShownLabel).to_string()])
                .collect(),
            inputs: DefinitionKey::ALL
                .iter()
                .map(|k| LineInput::new(k.read(&ind)))
                .chain([LineInput::new(&Self::shown_text(ind.shown.as_deref()))])
                .collect(),
            focus: 0,
            error: None,
            purpose: FormFor::Definitions { code },
        }));
    }

    pub(super) fn submit_definitions(&mut self, f: &Form, code: &str) -> Result<(), String> {
        let Some(ind) = self.project().get(code).cloned() else {
            return Ok(());
        };
        let mut edits: Vec<Edit> = DefinitionKey::ALL
            .iter()
            .zip(&f.inputs)
            .filter(|(k, input)| input.text().trim() != k.read(&ind).trim())
            .map(|(k, input)| Edit::SetDefinition {
                code: code.to_string(),
                key: *k,
                text: input.text().trim().to_string(),
            })
            .collect();
        if let Some(input) = f.inputs.get(DefinitionKey::ALL.len()) {
            let typed = input.text();
            let shown = match typed.trim() {
                "" => None,
                "\"\"" | "“”" => Some(String::new()),
                t => Some(t.to_string()),
            };
            if shown != ind.shown {
                edits.push(Edit::SetShown {
                    code: code.to_string(),
                    shown,
                });
            }
        }
        match edits.len() {
            0 => Ok(()),
            1 => self.commit(edits[0].clone()),
            _ => {
                let label = format!("{code}: {}", self.d(D::HelpDefinitions));
                self.commit_all(edits, label)
            }
        }
    }

    /// `x` on an indicator: at once when it is a lone leaf without records (u undoes it),
    /// else after saying what it takes with it.
    fn delete_indicator(&mut self) {
        let Some(code) = self.selected_code() else {
            return;
        };
        let p = self.project();
        let gone = edit::structure_subtree(p, &code);
        let recorded = gone
            .iter()
            .filter_map(|c| p.get(c))
            .filter(|i| i.assessment != Default::default())
            .count();
        if gone.len() == 1 && recorded == 0 {
            if let Err(e) = self.commit(Edit::RemoveIndicator { code }) {
                self.error(e);
            }
            return;
        }
        let title = self.df(
            D::DeleteTitle,
            &[
                &self.heading(&code),
                &(gone.len() - 1).to_string(),
                &recorded.to_string(),
            ],
        );
        let items = vec![
            self.d(D::DeleteYes).to_string(),
            self.d(D::DeleteNo).to_string(),
        ];
        self.picker(title, items, 1, PickFor::DeleteIndicator { code });
    }

    pub(super) fn submit_delete(&mut self, code: &str, choice: usize) -> Result<(), String> {
        if choice != 0 {
            return Ok(());
        }
        self.commit(Edit::RemoveIndicator {
            code: code.to_string(),
        })
    }

    /// `K` / `J`: one place up or down among the siblings.
    fn move_sibling(&mut self, delta: isize) {
        let Some(code) = self.selected_code() else {
            return;
        };
        let parent = self.parent_code(&code);
        let siblings = edit::structure_children(self.project(), parent.as_deref());
        let Some(at) = siblings.iter().position(|c| *c == code) else {
            return;
        };
        let to = at as isize + delta;
        if to < 0 {
            return self.error(self.df(D::FirstSibling, &[&code]));
        }
        if to as usize >= siblings.len() {
            return self.error(self.df(D::LastSibling, &[&code]));
        }
        if let Err(e) = self.commit(Edit::MoveIndicator {
            code,
            parent,
            index: to as usize,
        }) {
            self.error(e);
        }
    }

    /// After a structure edit (or its undo): everything rescored and re-checked, the tree
    /// rebuilt with the same parents folded, and `select` (the edited indicator) selected.
    pub(crate) fn restructure(&mut self, select: Option<&str>, folded: &HashSet<String>) {
        self.recompute();
        let tree = self.card.tree.clone();
        let mut list = TreeList::new(&tree);
        for (i, ind) in self.project().indicators.iter().enumerate() {
            if folded.contains(&ind.code) {
                list.expanded[i] = false;
            }
        }
        let keep = self.tree.offset;
        self.tree = list;
        self.tree.offset = keep;
        let p = self.project();
        if let Some(i) = select.and_then(|c| p.index_of(c)) {
            self.tree.reveal(&tree, i);
        }
        self.file.dirty = self.undo.last().map(|t| t.id) != self.saved_top;
    }

    /// The codes of the folded parents, to keep them folded across a rebuild.
    pub(crate) fn folded_codes(&self) -> HashSet<String> {
        self.project()
            .indicators
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.tree.expanded.get(*i).copied().unwrap_or(true))
            .map(|(_, ind)| ind.code.clone())
            .collect()
    }

    /// "C1 +2, 合计 -1": the parents whose children don't add up, for the status bar.
    pub fn weight_gap_text(&self) -> Option<String> {
        if self.gaps.is_empty() {
            return None;
        }
        let part = |g: &WeightGap| {
            let diff = g.difference();
            let signed = if diff > rust_decimal::Decimal::ZERO {
                format!("+{}", plain(diff))
            } else {
                plain(diff)
            };
            match &g.code {
                Some(c) => format!("{c} {signed}"),
                None => format!("{} {signed}", self.t(Msg::Total)),
            }
        };
        let list: Vec<String> = self.gaps.iter().map(part).collect();
        Some(list.join(", "))
    }
}
