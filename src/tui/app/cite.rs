//! Citing evidence from a deduction (扣分依据): `c` on a deduction in the detail pane lists
//! the leaf's evidence items, and choosing one adds it to (or takes it from) what the
//! deduction cites. The citation is stored with the deduction (`evidence = ["title"]`), shown
//! under it in the detail pane, in review mode and in the working papers.

use super::popup::PickFor;
use super::{App, Field, Focus};
use crate::edit::Edit;
use crate::tui::strings::Msg;

impl App {
    /// `c`: the picker of the leaf's evidence for the focused deduction (from the tree: for
    /// the leaf's only deduction).
    pub(super) fn open_cite(&mut self) {
        let Some(code) = self.editable_leaf() else {
            return;
        };
        let Some(ind) = self.project().get(&code) else {
            return;
        };
        let a = &ind.assessment;
        let k = match (self.focus, self.focused_field()) {
            (Focus::Detail, Some(Field::Deduction(k))) => k,
            (Focus::Tree, _) if a.deductions.len() == 1 => 0,
            _ => return self.error(self.t(Msg::CiteWhere)),
        };
        if a.evidence.is_empty() {
            return self.error(self.tf(Msg::CiteNoEvidence, &[&code]));
        }
        let Some(d) = a.deductions.get(k) else {
            return;
        };
        let items: Vec<String> = a
            .evidence
            .iter()
            .map(|e| {
                let mark = if d.evidence.contains(&e.title) {
                    "[x]"
                } else {
                    "[ ]"
                };
                format!("{mark} {}", e.title)
            })
            .collect();
        let title = self.tf(
            Msg::CiteTitle,
            &[&self.heading(&code), &(k + 1).to_string(), d.reason.trim()],
        );
        self.picker(title, items, 0, PickFor::Cite { code, index: k });
    }

    /// Toggles evidence item `pick` in what deduction `index` of leaf `code` cites.
    pub(super) fn toggle_cite(
        &mut self,
        code: &str,
        index: usize,
        pick: usize,
    ) -> Result<(), String> {
        let Some(ind) = self.project().get(code) else {
            return Ok(());
        };
        let (Some(d), Some(ev)) = (
            ind.assessment.deductions.get(index),
            ind.assessment.evidence.get(pick),
        ) else {
            return Ok(());
        };
        let mut d = d.clone();
        let title = ev.title.clone();
        let cited = match d.evidence.iter().position(|t| *t == title) {
            Some(at) => {
                d.evidence.remove(at);
                false
            }
            None => {
                d.evidence.push(title.clone());
                true
            }
        };
        let label = self.tf(
            if cited { Msg::Cited } else { Msg::Uncited },
            &[code, &(index + 1).to_string(), &title],
        );
        self.commit_all(
            vec![Edit::ReplaceDeduction {
                code: code.to_string(),
                index,
                deduction: d,
            }],
            label,
        )
    }
}

impl App {
    /// The edits that keep citations pointing at evidence item `index` of leaf `code` when its
    /// title becomes `new` (None: the item is deleted): every deduction citing the old title
    /// cites the new one (or no longer cites it). Made part of the same undoable step, so a
    /// rename never leaves a deduction citing a title that is gone.
    pub(super) fn follow_citations(
        &self,
        code: &str,
        index: usize,
        new: Option<&str>,
    ) -> Vec<Edit> {
        let Some(ind) = self.project().get(code) else {
            return Vec::new();
        };
        let a = &ind.assessment;
        let Some(old) = a.evidence.get(index).map(|e| e.title.as_str()) else {
            return Vec::new();
        };
        // Another item with the same title still answers the citation.
        let shared = a
            .evidence
            .iter()
            .enumerate()
            .any(|(k, e)| k != index && e.title == old);
        if shared || new == Some(old) {
            return Vec::new();
        }
        a.deductions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.evidence.iter().any(|t| t == old))
            .map(|(k, d)| {
                let mut d = d.clone();
                d.evidence = match new {
                    Some(n) => d
                        .evidence
                        .iter()
                        .map(|t| if t == old { n.to_string() } else { t.clone() })
                        .collect(),
                    None => d.evidence.iter().filter(|t| *t != old).cloned().collect(),
                };
                Edit::ReplaceDeduction {
                    code: code.to_string(),
                    index: k,
                    deduction: d,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::ProjectFile;
    use crate::tui::app::{Field, Popup};
    use crate::tui::strings::Lang;
    use crate::tui::testing::{keys, open, render};

    /// The evaluator links a deduction to the evidence it rests on without leaving the
    /// workbench; the file keeps it, the detail pane shows it, and undo takes it back.
    #[test]
    fn a_deduction_cites_evidence_from_the_workbench() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let src =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml");
        std::fs::copy(src, &path).unwrap();
        let mut app = open(&path, Lang::Zh);
        keys(&mut app, "/A202<Enter>");
        // In the tree `c` changes the indicator's code (designing the tree); citing is done on
        // a deduction in the detail pane.
        keys(&mut app, "c");
        assert!(
            !matches!(app.popup, Some(Popup::Picker(_))),
            "c in the tree is not the evidence picker"
        );
        // On another field of the detail pane: say where to press it.
        keys(&mut app, "<Esc><Tab>Gc");
        assert!(app.popup.is_none());
        assert!(app.message.as_ref().unwrap().error);

        keys(&mut app, "<Esc>e立项会议纪要<Tab>底稿 2-1<Enter>");
        keys(&mut app, "a0.5<Tab>档案管理不规范<Enter>");
        assert_eq!(app.focused_field(), Some(Field::Deduction(1)));
        keys(&mut app, "c");
        let Some(Popup::Picker(p)) = &app.popup else {
            panic!("the leaf's evidence should be listed: {:?}", app.message)
        };
        let k = p
            .items
            .iter()
            .position(|t| t == "[ ] 立项会议纪要")
            .expect("the new item is listed");
        keys(&mut app, &format!("{}", k + 1));
        let d = &app.project().get("A202").unwrap().assessment.deductions[1];
        assert_eq!(d.evidence, vec!["立项会议纪要".to_string()]);
        let screen = render(&mut app, 80, 24);
        assert!(screen.contains("佐证：立项会议纪要"), "{screen}");

        keys(&mut app, "<C-s>");
        let saved = ProjectFile::open(&path).unwrap();
        let d = &saved.project().get("A202").unwrap().assessment.deductions[1];
        assert_eq!(d.evidence, vec!["立项会议纪要".to_string()]);
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("evidence = [\"立项会议纪要\"]")
        );

        // Choosing it again takes it back; so does undo.
        keys(&mut app, &format!("c{}", k + 1));
        assert!(
            app.project().get("A202").unwrap().assessment.deductions[1]
                .evidence
                .is_empty()
        );
        keys(&mut app, "u");
        assert_eq!(
            app.project().get("A202").unwrap().assessment.deductions[1].evidence,
            vec!["立项会议纪要".to_string()]
        );

        // Renaming the evidence item renames the citation in the same step; deleting it drops
        // the citation; undo brings both back.
        let cites = |app: &crate::tui::app::App| {
            app.project().get("A202").unwrap().assessment.deductions[1]
                .evidence
                .clone()
        };
        let ev = app.project().get("A202").unwrap().assessment.evidence.len() - 1;
        app.focus_field(Field::Evidence(ev));
        keys(&mut app, "<Enter><C-u>2021年立项会议纪要<Enter>");
        assert_eq!(cites(&app), vec!["2021年立项会议纪要".to_string()]);
        app.focus_field(Field::Evidence(ev));
        keys(&mut app, "x");
        assert!(cites(&app).is_empty());
        assert_eq!(
            app.project().get("A202").unwrap().assessment.evidence.len(),
            ev
        );
        keys(&mut app, "u");
        assert_eq!(cites(&app), vec!["2021年立项会议纪要".to_string()]);
        keys(&mut app, "u");
        assert_eq!(cites(&app), vec!["立项会议纪要".to_string()]);
    }
}
