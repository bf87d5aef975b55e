//! Turning an answer into an edit. Answers are checked here only for their form (is it a
//! number?); whether the value is allowed is the library's call (`edit::apply`), and its
//! refusal is shown in place, in the popup that asked.

use super::popup::{
    Form, FormFor, MarkChoice, PickFor, Picker, Popup, Prompt, PromptFor, is_date, number,
};
use super::{App, Field};
use crate::edit::{Edit, describe};
use crate::model::{Check, Deduction, Evidence, InputValue};
use crate::scoring::rounding::plain;
use crate::tui::strings::Msg;

impl App {
    pub(super) fn submit_prompt(&mut self, p: &Prompt) -> Result<(), String> {
        let text = p.input.text();
        let t = text.trim();
        let reason = (!t.is_empty()).then(|| t.to_string());
        match &p.purpose {
            PromptFor::Score { code } => {
                let score = match t {
                    "" => None,
                    _ => Some(number(t).ok_or_else(|| {
                        let (lo, hi) = self.score_range(code);
                        self.tf(
                            Msg::NotANumber,
                            &[t, &format!("{}–{}", plain(lo), plain(hi))],
                        )
                    })?),
                };
                self.commit(Edit::SetScore {
                    code: code.clone(),
                    score,
                })
            }
            PromptFor::Na { code } => self.commit(Edit::SetNa {
                code: code.clone(),
                reason,
            }),
            PromptFor::Unscorable { code } => self.commit(Edit::SetUnscorable {
                code: code.clone(),
                reason,
            }),
            PromptFor::InputValue { code, name } => {
                let value = self.input_value(t)?;
                self.commit(Edit::SetInput {
                    code: code.clone(),
                    name: name.clone(),
                    value,
                })
            }
            PromptFor::Year { code, name, year } => {
                let value = match t {
                    "" => None,
                    _ => Some(number(t).ok_or_else(|| self.tf(Msg::FigNotANumber, &[t]))?),
                };
                self.commit(Edit::SetYear {
                    code: code.clone(),
                    name: name.clone(),
                    year: year.clone(),
                    value,
                })
            }
            PromptFor::SurveyCount {
                code,
                survey,
                question,
                option,
            } => {
                let count = number(t).ok_or_else(|| self.tf(Msg::FigNotANumber, &[t]))?;
                self.commit(Edit::SetSurveyCount {
                    code: code.clone(),
                    survey: survey.clone(),
                    question: *question,
                    option: *option,
                    count,
                })
            }
            PromptFor::NewInput { code } => {
                let Some((name, value)) = t.split_once('=').or_else(|| t.split_once('＝')) else {
                    return Err(self.t(Msg::InputNeedsName).to_string());
                };
                let name = name.trim();
                if name.is_empty() {
                    return Err(self.t(Msg::InputNeedsName).to_string());
                }
                // `到位资金.2022=540`: a year of a per-year input, added or changed.
                if let Some((input, year)) = name.rsplit_once('.')
                    && !input.is_empty()
                    && crate::model::is_year(year)
                {
                    let t = value.trim();
                    let value = match t {
                        "" => None,
                        _ => Some(number(t).ok_or_else(|| self.tf(Msg::FigNotANumber, &[t]))?),
                    };
                    return self.commit(Edit::SetYear {
                        code: code.clone(),
                        name: input.to_string(),
                        year: year.to_string(),
                        value,
                    });
                }
                // A mistyped name would leave the leaf 未完成 with no hint why: say which names
                // the rule reads, and record another only when asked twice.
                let reads = self
                    .project()
                    .get(code)
                    .map(|i| crate::scoring::rule_inputs(&i.rule))
                    .unwrap_or_default();
                if !reads.is_empty() && !reads.iter().any(|r| r == name) {
                    let warning = self.tf(Msg::InputNotRead, &[name, &reads.join("、")]);
                    if p.error.as_deref() != Some(warning.as_str()) {
                        return Err(warning);
                    }
                }
                let value = self.input_value(value.trim())?;
                self.commit(Edit::SetInput {
                    code: code.clone(),
                    name: name.to_string(),
                    value,
                })
            }
            PromptFor::Check { code, index } => {
                let value = match t {
                    "" => Check::Met(false),
                    _ => {
                        Check::Number(number(t).ok_or_else(|| self.tf(Msg::CheckNotANumber, &[t]))?)
                    }
                };
                self.check_edit(code.clone(), *index, value)
            }
            PromptFor::SaveAs => self.save_as(t),
            PromptFor::Flag { code } => self.submit_flag(code, t),
            PromptFor::Criterion { code, index, new } => {
                let (code, index, new) = (code.clone(), *index, *new);
                self.submit_criterion(&code, index, new, &text)
            }
            other => self.submit_design_prompt(other, t).unwrap_or(Ok(())),
        }
    }

    /// An input's value as typed: a number, true/false (是/否), or a date YYYY-MM-DD.
    fn input_value(&self, t: &str) -> Result<Option<InputValue>, String> {
        Ok(Some(match t {
            "" => return Ok(None),
            "true" | "是" | "yes" => InputValue::Flag(true),
            "false" | "否" | "no" => InputValue::Flag(false),
            _ if is_date(t) => InputValue::Date(t.to_string()),
            _ => InputValue::Number(number(t).ok_or_else(|| self.tf(Msg::BadInputValue, &[t]))?),
        }))
    }

    pub(super) fn submit_form(&mut self, f: &Form) -> Result<(), String> {
        let text = |k: usize| f.inputs[k].text().trim().to_string();
        match &f.purpose {
            FormFor::Deduction {
                code,
                index,
                by_count,
                base,
            } => {
                let amount = text(0);
                let value = match amount.as_str() {
                    "" => None,
                    a => Some(number(a).ok_or_else(|| {
                        if *by_count {
                            self.tf(Msg::NotACount, &[a])
                        } else {
                            let w = self
                                .project()
                                .get(code)
                                .map(|i| plain(i.weight))
                                .unwrap_or_default();
                            self.tf(Msg::NotANumber, &[a, &format!("0–{w}")])
                        }
                    })?),
                };
                let mut d = base.clone();
                if *by_count {
                    d.count = value
                } else {
                    d.points = value
                }
                d.reason = text(1);
                let code = code.clone();
                let edit = match index {
                    Some(k) => Edit::ReplaceDeduction {
                        code,
                        index: *k,
                        deduction: d,
                    },
                    None => {
                        let index = self
                            .project()
                            .get(&code)
                            .map_or(0, |i| i.assessment.deductions.len());
                        Edit::InsertDeduction {
                            code,
                            index,
                            deduction: d,
                        }
                    }
                };
                let added = inserted_at(&edit);
                self.commit(edit)?;
                if let Some(k) = added {
                    self.focus_field(Field::Deduction(k));
                }
                Ok(())
            }
            FormFor::ScoreByDeduction { code, current } => {
                let typed = text(0);
                let now = plain(*current);
                let score = number(&typed)
                    .ok_or_else(|| self.tf(Msg::NotANumber, &[&typed, &format!("0–{now}")]))?;
                if score < rust_decimal::Decimal::ZERO || score > *current {
                    return Err(self.tf(Msg::ScoreAboveNow, &[&typed, &now]));
                }
                let lost = *current - score;
                if lost.is_zero() {
                    // Full marks as things stand: nothing to deduct, the leaf is scored.
                    return self.commit(Edit::SetStatus {
                        code: code.clone(),
                        status: crate::model::Status::Scored,
                    });
                }
                let reason = text(1);
                if reason.is_empty() {
                    return Err(self.tf(Msg::ReasonForLoss, &[&plain(lost)]));
                }
                let index = self
                    .project()
                    .get(code)
                    .map_or(0, |i| i.assessment.deductions.len());
                self.commit(Edit::InsertDeduction {
                    code: code.clone(),
                    index,
                    deduction: Deduction {
                        points: Some(lost),
                        reason,
                        ..Deduction::default()
                    },
                })?;
                self.focus_field(Field::Deduction(index));
                Ok(())
            }
            FormFor::Evidence { code, index } => {
                let evidence = Evidence {
                    title: text(0),
                    at: text(1),
                    note: text(2),
                };
                let code = code.clone();
                // A new title carries the deductions' citations with it.
                let follow = index
                    .map(|k| self.follow_citations(&code, k, Some(&evidence.title)))
                    .unwrap_or_default();
                if !follow.is_empty() {
                    let k = index.unwrap_or_default();
                    let mut edits = vec![Edit::ReplaceEvidence {
                        code,
                        index: k,
                        evidence,
                    }];
                    let label = describe(&edits[0]);
                    edits.extend(follow);
                    return self.commit_all(edits, label);
                }
                let edit = match index {
                    Some(k) => Edit::ReplaceEvidence {
                        code,
                        index: *k,
                        evidence,
                    },
                    None => {
                        let index = self
                            .project()
                            .get(&code)
                            .map_or(0, |i| i.assessment.evidence.len());
                        Edit::InsertEvidence {
                            code,
                            index,
                            evidence,
                        }
                    }
                };
                let added = inserted_at(&edit);
                self.commit(edit)?;
                if let Some(k) = added {
                    self.focus_field(Field::Evidence(k));
                }
                Ok(())
            }
            FormFor::Adjustment { code } => self.submit_adjustment(code, &text(0), &text(1)),
            FormFor::AddIndicator { parent, index } => self.submit_add(f, parent, *index),
            FormFor::Settings { shown } => self.submit_settings(f, shown),
            FormFor::Definitions { code } => self.submit_definitions(f, code),
            FormFor::Rule(rf) => self.submit_rule_form(f, rf),
        }
    }

    pub(super) fn submit_picker(&mut self, mut p: Picker) -> Option<Popup> {
        let k = p.selected;
        let result = match &p.purpose {
            PickFor::Standard { code, choices } => {
                let s = &choices[k];
                let index = self
                    .project()
                    .get(code)
                    .map_or(0, |i| i.assessment.deductions.len());
                let deduction = Deduction {
                    points: Some(s.points),
                    reason: s.reason.clone(),
                    ..Deduction::default()
                };
                self.commit(Edit::InsertDeduction {
                    code: code.clone(),
                    index,
                    deduction,
                })
                .map(|()| self.focus_field(Field::Deduction(index)))
            }
            PickFor::Cite { code, index } => {
                let (code, index) = (code.clone(), *index);
                self.toggle_cite(&code, index, k)
            }
            PickFor::Tier { code, choices } => self.commit(Edit::SetTier {
                code: code.clone(),
                tier: choices[k].clone(),
            }),
            PickFor::Mark { code, choices } => match choices[k] {
                // Marking 已复核 by hand is an approval like `y` in review mode: stamped.
                MarkChoice::Status(crate::model::Status::Reviewed) => {
                    let code = code.clone();
                    self.approve(&code);
                    Ok(())
                }
                MarkChoice::Status(status) => self.commit(Edit::SetStatus {
                    code: code.clone(),
                    status,
                }),
                MarkChoice::Na => {
                    self.open_reason(true);
                    Ok(())
                }
                MarkChoice::Unscorable => {
                    self.open_reason(false);
                    Ok(())
                }
                MarkChoice::ClearNa => self.commit(Edit::SetNa {
                    code: code.clone(),
                    reason: None,
                }),
                MarkChoice::ClearUnscorable => self.commit(Edit::SetUnscorable {
                    code: code.clone(),
                    reason: None,
                }),
            },
            PickFor::Conflict { .. } => {
                match k {
                    0 => self.prompt(self.t(Msg::SaveAsPrompt).to_string(), "", PromptFor::SaveAs),
                    1 => self.reload(),
                    _ => {}
                }
                Ok(())
            }
            PickFor::DeleteIndicator { code } => {
                let code = code.clone();
                self.submit_delete(&code, k)
            }
            // The list handles its own keys (`criteria_key`); it never gets here.
            PickFor::Criteria { .. } => Ok(()),
            PickFor::RuleKind { code } => {
                let code = code.clone();
                self.submit_rule_kind(&code, k)
            }
            PickFor::Quit => {
                match k {
                    0 => self.quit = self.save(),
                    1 => {
                        // Discarding on purpose: no recovery file should offer them back.
                        crate::store::recovery::discard(&self.file.path);
                        self.quit = true;
                    }
                    _ => {}
                }
                Ok(())
            }
            PickFor::RecordedConflict { code } => {
                let code = code.clone();
                self.resolve_recorded(&code, k)
            }
            PickFor::MergeConflict { pending, .. } => {
                let pending = (**pending).clone();
                self.decide_conflict(pending, k == 1);
                Ok(())
            }
            PickFor::Recovery { text, base, .. } => {
                match k {
                    0 => self.restore(text, base.as_deref()),
                    1 => {
                        crate::store::recovery::discard(&self.file.path);
                        self.info(self.t(Msg::RecoveryDiscarded));
                    }
                    _ => {}
                }
                Ok(())
            }
        };
        match result {
            Ok(()) => None,
            Err(e) => {
                p.error = Some(e);
                Some(Popup::Picker(p))
            }
        }
    }
}

/// Where an edit inserts a new item (a deduction, an evidence item); None for other edits.
fn inserted_at(edit: &Edit) -> Option<usize> {
    match edit {
        Edit::InsertDeduction { index, .. } | Edit::InsertEvidence { index, .. } => Some(*index),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::app::{Field, Focus};
    use crate::tui::strings::Lang;
    use crate::tui::testing::{keys, open, render};

    fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rongcheng.toml");
        let src =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml");
        std::fs::copy(src, &path).unwrap();
        (dir, path)
    }

    /// After `a` or `e` the new item is selected and on screen, even when the list is below
    /// the fold, so the evaluator sees what they added.
    #[test]
    fn an_added_deduction_or_evidence_item_is_selected_and_shown() {
        let (_dir, path) = sample();
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, "/A202<Enter>");
        keys(&mut app, "a0.5<Tab>档案管理不规范<Enter>");
        assert_eq!(app.focus, Focus::Detail);
        assert_eq!(app.focused_field(), Some(Field::Deduction(1)));
        let screen = render(&mut app, 80, 24);
        assert!(screen.contains("> -0.50  档案管理不规范"), "{screen}");

        keys(&mut app, "e会议纪要<Tab>底稿 3-2<Enter>");
        let n = app.project().get("A202").unwrap().assessment.evidence.len();
        assert_eq!(app.focused_field(), Some(Field::Evidence(n - 1)));
        let screen = render(&mut app, 80, 24);
        assert!(screen.contains("> 会议纪要（底稿 3-2）"), "{screen}");
    }

    /// A standard deduction picked with `p` from the tree is selected the same way.
    #[test]
    fn a_picked_standard_deduction_is_selected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let fw = crate::frameworks::find("mof-program").unwrap();
        std::fs::write(
            &path,
            crate::store::new_project_text(&fw.text, "测试").unwrap(),
        )
        .unwrap();
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, "/A202<Enter>p1");
        assert_eq!(app.focus, Focus::Detail);
        assert_eq!(app.focused_field(), Some(Field::Deduction(0)));
    }
}
