//! What needs someone's attention before the scoring can be signed off: a merge conflict left
//! in the file, a check error or warning, a reviewer's comment (复核意见) not yet answered by an
//! approval, a leaf whose rule still lacks inputs (未完成). The tree marks such rows and `[`/`]`
//! step through them, so a reviewer (or the evaluator answering one) visits each in turn.

use super::App;
use crate::diagnostic::Severity;
use crate::scoring::LeafState;
use crate::tui::strings::Msg;

/// One reason a node needs attention, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attention {
    /// `jixiao merge` left a conflict on this indicator (`[[conflicts]]`).
    Conflict,
    /// A check error (the arithmetic cannot be trusted).
    Error,
    /// The latest review comment is a flag, not an approval.
    Flagged,
    /// The rule lacks inputs (未完成).
    Incomplete,
    /// A check warning.
    Warning,
}

impl Attention {
    pub fn label(self) -> Msg {
        match self {
            Attention::Conflict => Msg::AttnConflict,
            Attention::Error => Msg::AttnError,
            Attention::Flagged => Msg::AttnFlagged,
            Attention::Incomplete => Msg::AttnIncomplete,
            Attention::Warning => Msg::AttnWarning,
        }
    }
}

impl App {
    /// Why node `i` needs attention, most urgent first (empty: it does not).
    pub fn attention(&self, i: usize) -> Vec<Attention> {
        let p = self.project();
        let Some(ind) = p.indicators.get(i) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if p.conflicts.iter().any(|c| c.code == ind.code) {
            out.push(Attention::Conflict);
        }
        let diags = self.node_diagnostics.get(i).map_or(&[][..], |d| &d[..]);
        if diags.iter().any(|d| d.severity == Severity::Error) {
            out.push(Attention::Error);
        }
        if self.is_flagged(i) {
            out.push(Attention::Flagged);
        }
        let incomplete = self.card.nodes.get(i).is_some_and(|n| {
            n.leaf
                .as_ref()
                .is_some_and(|l| matches!(l.state, LeafState::Incomplete(_)))
        });
        if incomplete {
            out.push(Attention::Incomplete);
        }
        if diags.iter().any(|d| d.severity != Severity::Error) {
            out.push(Attention::Warning);
        }
        out
    }

    /// `]` / `[`: the next (or previous) indicator that needs attention, in tree order, with
    /// why and where it stands among them ("A202：复核意见、检查警告（2/5）").
    pub(super) fn jump_attention(&mut self, forward: bool) {
        let all: Vec<usize> = self
            .card
            .tree
            .preorder()
            .into_iter()
            .filter(|&i| !self.attention(i).is_empty())
            .collect();
        if all.is_empty() {
            return self.info(self.t(Msg::NoAttention));
        }
        let from = self.selected();
        self.select_next(from, forward, false, |_, i| all.contains(&i));
        let at = self.selected();
        let Some(k) = all.iter().position(|&i| i == at) else {
            return;
        };
        let why: Vec<&str> = self
            .attention(at)
            .into_iter()
            .map(|a| self.t(a.label()))
            .collect();
        let code = &self.project().indicators[at].code;
        let text = self.tf(
            Msg::AttentionAt,
            &[
                code,
                &why.join(self.t(Msg::ListSep)),
                &(k + 1).to_string(),
                &all.len().to_string(),
            ],
        );
        self.info(text);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::edit::Edit;
    use crate::model::Review;
    use crate::store::ProjectFile;
    use crate::tui::app::{App, Options};
    use crate::tui::strings::Lang;
    use crate::tui::testing::{keys, render};
    use crate::tui::theme::Theme;

    /// The Rongcheng sample with a conflict git's merge driver left on A101's score.
    fn with_conflict(dir: &Path) -> App {
        let path = dir.join("rongcheng.toml");
        let base = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/rongcheng-checkup.toml"),
        )
        .unwrap();
        let with = |score: &str| {
            let mut f = ProjectFile::from_text(&path, &base).unwrap();
            f.apply(&Edit::SetScore {
                code: "A101".into(),
                score: Some(score.parse().unwrap()),
            })
            .unwrap();
            f.text()
        };
        let mut merged = crate::merge::merge_texts(&base, &with("1.5"), &with("1")).unwrap();
        merged.record_conflicts("HEAD", "bob").unwrap();
        std::fs::write(&path, &merged.text).unwrap();
        let opts = Options {
            lang: Lang::Zh,
            theme: Theme {
                color: false,
                ascii: false,
            },
            read_only: None,
        };
        let mut app = App::new(ProjectFile::open(&path).unwrap(), opts);
        app.update(crate::tui::action::Action::Resize(80, 24));
        app
    }

    fn review(app: &mut App, code: &str, approved: bool) {
        let index = app.project().get(code).unwrap().assessment.reviews.len();
        app.commit(Edit::InsertReview {
            code: code.into(),
            index,
            review: Review {
                by: "王复核".into(),
                at: "2024-05-01T10:00:00Z".into(),
                text: "扣分依据不足，请补充会议纪要".into(),
                approved,
            },
        })
        .unwrap();
    }

    /// The tree pane's part of the row of `code`.
    fn row<'a>(screen: &'a str, code: &str) -> &'a str {
        screen
            .lines()
            .find(|l| l.contains(&format!(" {code} ")))
            .and_then(|l| l.split("││").next())
            .unwrap_or_else(|| panic!("no row {code} in\n{screen}"))
    }

    fn code_of_selected(app: &App) -> String {
        app.project().indicators[app.selected()].code.clone()
    }

    /// A reviewer steps with `]` through every leaf that needs attention — the conflict, the
    /// comment they left, the check warnings — and back with `[`; the tree marks each.
    #[test]
    fn flagged_and_conflicted_leaves_are_marked_and_stepped_through() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = with_conflict(dir.path());
        review(&mut app, "A202", false);
        let screen = render(&mut app, 80, 24);
        assert!(row(&screen, "A101").ends_with('!'), "{screen}");
        assert!(row(&screen, "A202").ends_with('?'), "{screen}");
        assert!(row(&screen, "A201").ends_with("  "), "{screen}");

        keys(&mut app, "g]");
        assert_eq!(code_of_selected(&app), "A101");
        let msg = app.message.clone().unwrap().text;
        assert!(msg.starts_with("A101：合并冲突"), "{msg}");
        keys(&mut app, "]");
        assert_eq!(code_of_selected(&app), "A202");
        let msg = app.message.clone().unwrap().text;
        assert!(msg.contains("复核意见（待处理 3/4）"), "{msg}");
        keys(&mut app, "]");
        let third = code_of_selected(&app);
        assert!(!app.attention(app.selected()).is_empty());
        keys(&mut app, "[");
        assert_eq!(code_of_selected(&app), "A202");
        assert_ne!(third, "A202");

        // The detail pane says what the conflict is.
        keys(&mut app, "[");
        let detail: String = crate::tui::view::detail::lines(&app, 38)
            .iter()
            .map(|l| l.line.to_string())
            .collect();
        assert!(
            detail.contains("未解决的合并冲突：得分（我方 1.50，"),
            "{detail}"
        );

        // An approval answers the comment: the mark goes.
        review(&mut app, "A202", true);
        let screen = render(&mut app, 80, 24);
        assert!(!row(&screen, "A202").ends_with('?'), "{screen}");
    }

    #[test]
    fn nothing_to_attend_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let fw = crate::frameworks::find("mof-program").unwrap();
        std::fs::write(
            &path,
            crate::store::new_project_text(&fw.text, "测试").unwrap(),
        )
        .unwrap();
        let opts = Options {
            lang: Lang::En,
            theme: Theme {
                color: false,
                ascii: false,
            },
            read_only: None,
        };
        let mut app = App::new(ProjectFile::open(&path).unwrap(), opts);
        let before = app.selected();
        keys(&mut app, "]");
        assert_eq!(app.selected(), before);
        let msg = app.message.clone().unwrap().text;
        assert!(msg.starts_with("nothing needs attention"), "{msg}");
    }
}
