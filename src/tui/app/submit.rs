//! Turning an answer into an edit. Answers are checked here only for their form (is it a
//! number?); whether the value is allowed is the library's call (`edit::apply`), and its
//! refusal is shown in place, in the popup that asked.

use super::App;
use super::popup::{
    Form, FormFor, MarkChoice, PickFor, Picker, Popup, Prompt, PromptFor, is_date, number,
};
use crate::edit::Edit;
use crate::model::{Deduction, Evidence, InputValue};
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
            PromptFor::NewInput { code } => {
                let Some((name, value)) = t.split_once('=').or_else(|| t.split_once('＝')) else {
                    return Err(self.t(Msg::InputNeedsName).to_string());
                };
                let name = name.trim();
                if name.is_empty() {
                    return Err(self.t(Msg::InputNeedsName).to_string());
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
            PromptFor::SaveAs => self.save_as(t),
            PromptFor::Flag { code } => self.submit_flag(code, t),
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
                self.commit(edit)
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
                })
            }
            FormFor::Evidence { code, index } => {
                let evidence = Evidence {
                    title: text(0),
                    at: text(1),
                    note: text(2),
                };
                let code = code.clone();
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
                self.commit(edit)
            }
            FormFor::Adjustment { code } => self.submit_adjustment(code, &text(0), &text(1)),
            FormFor::AddIndicator { parent, index } => self.submit_add(f, parent, *index),
            FormFor::Settings { shown } => self.submit_settings(f, shown),
            FormFor::Definitions { code } => self.submit_definitions(f, code),
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
