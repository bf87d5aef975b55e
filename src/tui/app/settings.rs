//! The project settings form (评价设置, `S`): the framework's total, rounding, decimal places,
//! N/A policy and rate places, and the grade bands, changed as one undoable step.

use super::App;
use super::popup::{Form, FormFor, Popup};
use crate::edit::{Edit, PolicyKey, parse_grades, show_grades};
use crate::tui::components::LineInput;
use crate::tui::strings::{DesignMsg as D, Msg};

const FIELDS: [PolicyKey; 5] = [
    PolicyKey::Total,
    PolicyKey::Rounding,
    PolicyKey::Places,
    PolicyKey::NaPolicy,
    PolicyKey::RatePlaces,
];

impl App {
    /// What each policy field shows: the file's value, or the default the file leaves out.
    fn shown_settings(&self) -> Vec<String> {
        let fw = &self.project().framework;
        let mut out: Vec<String> = FIELDS
            .iter()
            .map(|&k| {
                let written = crate::store::policy_text(&self.file, k);
                if !written.is_empty() {
                    return written;
                }
                match k {
                    PolicyKey::Total => crate::scoring::rounding::plain(fw.total),
                    PolicyKey::Rounding => fw.rounding.as_str().to_string(),
                    PolicyKey::Places => fw.places.to_string(),
                    PolicyKey::NaPolicy => fw.na_policy.as_str().to_string(),
                    PolicyKey::RatePlaces => String::new(),
                }
            })
            .collect();
        out.push(show_grades(&self.project().grades));
        out
    }

    pub(super) fn open_settings(&mut self) {
        let shown = self.shown_settings();
        let labels = [
            D::SettingsTotal,
            D::SettingsRounding,
            D::SettingsPlaces,
            D::SettingsNa,
            D::SettingsRatePlaces,
            D::SettingsGrades,
        ]
        .iter()
        .map(|&m| self.t(Msg::Design(m)).to_string())
        .collect();
        self.popup = Some(Popup::Form(Form {
            title: self.t(Msg::Design(D::SettingsTitle)).to_string(),
            labels,
            inputs: shown.iter().map(|s| LineInput::new(s)).collect(),
            focus: 0,
            error: None,
            purpose: FormFor::Settings { shown },
        }));
    }

    pub(super) fn submit_settings(&mut self, f: &Form, shown: &[String]) -> Result<(), String> {
        let mut edits = Vec::new();
        for (k, key) in FIELDS.iter().enumerate() {
            let typed = f.inputs[k].text();
            if typed.trim() == shown[k].trim() {
                continue;
            }
            edits.push(Edit::SetPolicy {
                key: *key,
                value: key.normalize(&typed),
            });
        }
        let grades = f.inputs[FIELDS.len()].text();
        if grades.trim() != shown[FIELDS.len()].trim() {
            let grades = parse_grades(&grades).map_err(|e| self.refusal(&e))?;
            edits.push(Edit::SetGrades { grades });
        }
        if edits.is_empty() {
            return Ok(());
        }
        let label = self.t(Msg::Design(D::SettingsLabel)).to_string();
        self.commit_all(edits, label)
    }
}
