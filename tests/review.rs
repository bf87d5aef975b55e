//! Review mode (复核), comparing two evaluators, and 加减分项 in the workbench, driven key by key
//! as a reviewer drives them: walk orders, approvals and flags that persist, filters, approvals
//! withdrawn by later edits, disagreements highlighted, adjustments that move the total exactly.

mod support;
#[path = "support/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use jixiao::edit::Edit;
use jixiao::model::{Deduction, Review, RuleKind, Status};
use jixiao::store::ProjectFile;
use jixiao::tui::action::Action;
use jixiao::tui::app::{App, Options, Popup, ReviewOrder};
use jixiao::tui::testing::{keys, message, render};
use jixiao::tui::{Lang, Theme};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A copy of `sample` in a fresh directory (kept alive by the returned guard).
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(Path::new(sample).file_name().unwrap());
    std::fs::copy(manifest(sample), &path).unwrap();
    (dir, path)
}

fn open(path: &Path, lang: Lang) -> App {
    let opts = Options {
        lang,
        theme: Theme {
            color: true,
            ascii: false,
        },
        read_only: None,
    };
    let mut app = App::new(ProjectFile::open(path).unwrap(), opts);
    app.reviewer = "王审核".into();
    app.update(Action::Resize(80, 24));
    app
}

fn popup_error(app: &App) -> Option<String> {
    match &app.popup {
        Some(Popup::Prompt(p)) => p.error.clone(),
        Some(Popup::Form(f)) => f.error.clone(),
        _ => None,
    }
}

fn codes(app: &App, items: &[usize]) -> Vec<String> {
    items
        .iter()
        .map(|&i| app.project().indicators[i].code.clone())
        .collect()
}

/// The code of the leaf under review.
fn at(app: &App) -> String {
    let i = app
        .review
        .as_ref()
        .and_then(|r| r.at)
        .expect("a leaf under review");
    app.project().indicators[i].code.clone()
}

/// Presses `n` until the walk stops moving; the codes seen, from the current one.
fn walk(app: &mut App) -> Vec<String> {
    let mut seen = vec![at(app)];
    loop {
        keys(app, "n");
        let now = at(app);
        if seen.last() == Some(&now) {
            return seen;
        }
        seen.push(now);
    }
}

fn status(app: &App, code: &str) -> Status {
    app.project().get(code).unwrap().assessment.status
}

fn reviews(app: &App, code: &str) -> Vec<Review> {
    app.project().get(code).unwrap().assessment.reviews.clone()
}

// The ten leaves of the 荣成市职工免费查体项目 that lost points.
const LOST_IN_TREE_ORDER: [&str; 10] = [
    "A202", "B101", "B201", "B202", "C101", "C201", "C202", "C302", "D301", "D401",
];
// By points lost: 10, 6, 5, 4, 3, 2, 2, 1.33, 1, 0.95 (B101 before C202: equal, tree order).
const LOST_MOST_FIRST: [&str; 10] = [
    "D401", "B201", "B202", "C201", "D301", "B101", "C202", "A202", "C302", "C101",
];

// ─── The walk ─────────────────────────────────────────────────────────────────────────────

#[test]
fn the_walk_goes_in_tree_order_or_by_points_lost() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "R");
    assert!(app.in_review());
    assert_eq!(walk(&mut app), LOST_IN_TREE_ORDER);
    // The end of the walk stays put; p walks back.
    keys(&mut app, "pp");
    assert_eq!(at(&app), "C302");

    keys(&mut app, "o");
    assert_eq!(codes(&app, &app.review_items()), LOST_MOST_FIRST);
    assert_eq!(
        at(&app),
        "C302",
        "changing the order keeps the leaf on screen"
    );

    let mut fresh = open(&path, Lang::Zh);
    fresh.start_review(false, ReviewOrder::PointsLost);
    assert_eq!(walk(&mut fresh), LOST_MOST_FIRST);

    // `a`: every scored leaf (all 26 are), in tree order.
    keys(&mut app, "oa");
    let all = app.review_items();
    assert_eq!(all.len(), 26);
    assert_eq!(codes(&app, &all[..3]), ["A101", "A102", "A201"]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("a:全部已评 o:按指标顺序"), "{screen}");
}

#[test]
fn the_card_shows_rule_explanation_deductions_with_evidence_and_justification() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    // Cite one listed and one missing evidence item from A202's deduction.
    let a202 = app.project().get("A202").unwrap().assessment.deductions[0].clone();
    let cited = Deduction {
        evidence: vec!["绩效目标表".into(), "会议纪要".into()],
        ..a202
    };
    app.commit(Edit::ReplaceDeduction {
        code: "A202".into(),
        index: 0,
        deduction: cited,
    })
    .unwrap();
    keys(&mut app, "R");
    let width = 76;
    let text: Vec<String> = jixiao::tui::view::review::card_lines(&app, width)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let text = text.join("\n");
    for part in [
        "A 决策 › A2 绩效目标",
        "分值 4  得分 2.67  得分率 66.75%  扣 1.33 分  已评",
        "【评分规则】逐项扣分",
        "4 − 1.33 = 2.67",
        "-1.33  部分绩效指标设置不合理",
        "佐证：绩效目标表（报告正文 一（二）项目绩效目标）",
        "! “会议纪要”未列入本指标的佐证材料",
        "【评价说明】",
        "该指标得2.67分",
        "【复核意见】",
        "（尚无）",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    // The check warning about the missing evidence is on the card too, in the UI's language.
    assert!(
        text.contains("扣分引用的佐证材料“会议纪要”不在该指标的佐证材料中"),
        "{text}"
    );
}

// ─── Approve and flag ─────────────────────────────────────────────────────────────────────

#[test]
fn approving_stamps_the_reviewer_in_one_undoable_step_and_persists() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    // The reviewer's name comes from the config file, as `jixiao` sets it.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "reviewer = \"王审核\"\n").unwrap();
    let (cfg, problems) = jixiao::config::read(&config);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = open(&path, Lang::Zh);
    app.reviewer = cfg.reviewer_name();

    keys(&mut app, "Ry");
    assert_eq!(status(&app, "A202"), Status::Reviewed);
    let r = reviews(&app, "A202");
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].by.as_str(), r[0].approved, r[0].text.as_str()),
        ("王审核", true, "")
    );
    assert!(
        r[0].at.ends_with(" UTC") && r[0].at.len() == 23,
        "{}",
        r[0].at
    );
    assert_eq!(at(&app), "B101", "approving moves on to the next leaf");
    assert!(
        message(&app).contains("A202 已复核（王审核）"),
        "{}",
        message(&app)
    );
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("已复核 1/10"), "{screen}");

    // One `u` takes back both the status and the stamp; redo brings both.
    keys(&mut app, "u");
    assert_eq!(status(&app, "A202"), Status::Scored);
    assert!(reviews(&app, "A202").is_empty());
    assert_eq!(at(&app), "A202", "undo shows the leaf it changed");
    keys(&mut app, "<C-r>");
    assert_eq!(status(&app, "A202"), Status::Reviewed);

    // Approving again is not a second stamp.
    keys(&mut app, "py");
    assert_eq!(reviews(&app, "A202").len(), 1);
    assert!(message(&app).contains("已复核过了"), "{}", message(&app));

    keys(&mut app, "<C-s>");
    assert!(!app.unsaved(), "{}", message(&app));
    let reopened = ProjectFile::open(&path).unwrap();
    let a = &reopened.project().get("A202").unwrap().assessment;
    assert_eq!(a.status, Status::Reviewed);
    assert_eq!(a.reviews.len(), 1);
    assert_eq!(a.reviews[0].by, "王审核");
    assert!(a.reviews[0].approved);
}

#[test]
fn a_flag_keeps_its_comment_and_sends_an_approved_leaf_back() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "Rn");
    assert_eq!(at(&app), "B101");
    keys(&mut app, "f<Enter>");
    assert_eq!(popup_error(&app).as_deref(), Some("请写明复核意见"));
    keys(
        &mut app,
        "给定得分1分与规则计算的1.97分不一致，请说明依据<Enter>",
    );
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(
        status(&app, "B101"),
        Status::Scored,
        "a flag is not an approval"
    );
    let r = reviews(&app, "B101");
    assert_eq!(r.len(), 1);
    assert!(!r[0].approved);
    assert_eq!(r[0].text, "给定得分1分与规则计算的1.97分不一致，请说明依据");
    assert_eq!(r[0].by, "王审核");
    assert_eq!(at(&app), "B201");

    // Flagging an approved leaf withdraws the approval, in the same step.
    keys(&mut app, "y");
    assert_eq!(status(&app, "B201"), Status::Reviewed);
    keys(&mut app, "pf制度文件未附<Enter>");
    assert_eq!(status(&app, "B201"), Status::Scored);
    keys(&mut app, "u");
    assert_eq!(status(&app, "B201"), Status::Reviewed);
    assert_eq!(reviews(&app, "B201").len(), 1);
    keys(&mut app, "<C-r>");

    keys(&mut app, "<C-s>");
    let reopened = ProjectFile::open(&path).unwrap();
    let b101 = &reopened.project().get("B101").unwrap().assessment;
    assert_eq!(b101.status, Status::Scored);
    assert_eq!(
        b101.reviews[0].text,
        "给定得分1分与规则计算的1.97分不一致，请说明依据"
    );
    assert!(!b101.reviews[0].approved);
    let b201 = &reopened.project().get("B201").unwrap().assessment;
    assert_eq!(b201.reviews.len(), 2);
    assert_eq!(b201.status, Status::Scored);
}

#[test]
fn filters_show_unreviewed_or_flagged_leaves_only() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "Ry"); // A202 approved
    keys(&mut app, "f请补充到位资金文件<Enter>"); // B101 flagged
    keys(&mut app, "U");
    let items = codes(&app, &app.review_items());
    assert_eq!(items, &LOST_IN_TREE_ORDER[1..]);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("U/F:仅未复核"), "{screen}");
    assert!(screen.contains("已复核 1/10"), "{screen}");

    keys(&mut app, "F");
    assert_eq!(codes(&app, &app.review_items()), ["B101"]);
    assert_eq!(at(&app), "B101");
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("第 1/1 项") && screen.contains("U/F:仅有意见"),
        "{screen}"
    );

    // Approving the flagged leaf leaves nothing flagged, and says how to clear the filter.
    keys(&mut app, "y");
    assert!(app.review_items().is_empty());
    keys(&mut app, "n");
    assert!(
        message(&app).contains("按 U 或 F 取消筛选"),
        "{}",
        message(&app)
    );
    keys(&mut app, "F");
    assert_eq!(app.review_items().len(), 10);
}

#[test]
fn an_edit_after_approval_withdraws_it_and_says_so() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "Ryp");
    assert_eq!(at(&app), "A202");
    // Enter leaves review mode on the leaf, in the detail pane, ready to edit.
    keys(&mut app, "<Enter>");
    assert!(!app.in_review());
    assert_eq!(app.project().indicators[app.selected()].code, "A202");
    keys(&mut app, "a0.5<Tab>档案管理不规范<Enter>");
    assert_eq!(status(&app, "A202"), Status::Scored);
    assert!(
        message(&app).starts_with("A202 的复核已撤销：复核后又有修改"),
        "{}",
        message(&app)
    );
    assert_eq!(app.card.total, d("64.22"));
    // The approval's record stays as history.
    assert_eq!(reviews(&app, "A202").len(), 1);

    // One undo restores the deduction and the approval together.
    keys(&mut app, "u");
    assert_eq!(status(&app, "A202"), Status::Reviewed);
    assert_eq!(app.card.total, d("64.72"));
    keys(&mut app, "<C-r>");
    // R returns to the review where it was left.
    keys(&mut app, "R");
    assert!(app.in_review());
    assert_eq!(at(&app), "A202");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("扣 1.83 分  已评"), "{screen}");

    // English says it too.
    let mut en = open(&path, Lang::En);
    keys(
        &mut en,
        "Ry<Esc>/A202<Enter>s2<Tab>targets not specific<Enter>",
    );
    assert!(
        message(&en).starts_with("A202: approval withdrawn, changed after review"),
        "{}",
        message(&en)
    );
}

#[test]
fn marking_reviewed_by_hand_is_an_approval_with_a_stamp() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A101<Enter>m3");
    assert_eq!(status(&app, "A101"), Status::Reviewed);
    assert_eq!(reviews(&app, "A101")[0].by, "王审核");
}

// ─── Comparing two evaluators ─────────────────────────────────────────────────────────────

/// B: the same project with one more deduction on A202.
fn other_evaluator(dir: &Path) -> PathBuf {
    let b = dir.join("b.toml");
    std::fs::copy(manifest("samples/rongcheng-checkup.toml"), &b).unwrap();
    let mut f = ProjectFile::open(&b).unwrap();
    f.apply(&Edit::InsertDeduction {
        code: "A202".into(),
        index: 1,
        deduction: Deduction {
            points: Some(d("0.5")),
            reason: "档案管理不规范，资料未及时归档".into(),
            ..Deduction::default()
        },
    })
    .unwrap();
    f.save().unwrap();
    b
}

fn compared(path: &Path, b: &Path) -> App {
    let mut app = open(path, Lang::Zh);
    let project = ProjectFile::open(b).unwrap().project().clone();
    app.set_compare(b.to_path_buf(), project);
    app
}

#[test]
fn compare_highlights_the_leaf_with_a_different_deduction() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let b = other_evaluator(dir.path());
    let before_b = std::fs::read_to_string(&b).unwrap();
    let mut app = compared(&path, &b);
    let a202 = app.project().index_of("A202").unwrap();
    let a101 = app.project().index_of("A101").unwrap();
    assert!(app.disagrees(a202));
    assert!(!app.disagrees(a101));
    assert_eq!(app.other_score(a202), Some(d("2.17")));
    let diff = app.compared(a202).unwrap();
    assert_eq!(diff.only_in_b.len(), 1);
    assert!(diff.only_in_a.is_empty());
    assert_eq!(app.compare.as_ref().unwrap().disagreements(), 1);

    let screen = render(&mut app, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("A202 绩效指标明确性"))
        .unwrap();
    assert!(row.contains("2.67/4 ≠ 2.17"), "{row}");
    let row = screen
        .lines()
        .find(|l| l.contains("A101 依据充分性"))
        .unwrap();
    assert!(row.contains("2.00/2   2.00"), "{row}");
    assert!(
        screen.contains("对比 B：b.toml 合计 64.22 中 · 1 处不一致"),
        "{screen}"
    );

    // D jumps to it; the detail lists what only B deducted.
    keys(&mut app, "D");
    assert_eq!(app.selected(), a202);
    let screen = render(&mut app, 120, 40);
    assert!(
        screen.contains("仅 B 扣分：-0.5 档案管理不规范，资料未及时归档"),
        "{screen}"
    );
    assert!(
        screen.contains("A（本文件）2.67 · B 2.17（-0.50）"),
        "{screen}"
    );

    // Making the same deduction here resolves the disagreement at once.
    keys(&mut app, "a0.5<Tab>档案管理不规范，资料未及时归档<Enter>");
    assert!(!app.disagrees(a202), "recompared after the edit");
    keys(&mut app, "D");
    assert!(message(&app).contains("两份评分一致"), "{}", message(&app));
    // B is only read: never written, never locked.
    assert_eq!(std::fs::read_to_string(&b).unwrap(), before_b);
    assert!(!jixiao::store::lock::lock_path(&b).exists());
}

#[test]
fn snapshot_compare_120x40() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let b = other_evaluator(dir.path());
    let mut app = compared(&path, &b);
    keys(&mut app, "D");
    insta::assert_snapshot!("compare_120x40", render(&mut app, 120, 40));
}

#[test]
fn snapshot_review_80x24() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    // A comment with a fixed time, so the snapshot does not change with the clock.
    app.commit(Edit::InsertReview {
        code: "B101".into(),
        index: 0,
        review: Review {
            by: "王审核".into(),
            at: "2026-11-20 09:30:00 UTC".into(),
            text: "给定得分与规则计算不一致，请说明依据".into(),
            approved: false,
        },
    })
    .unwrap();
    keys(&mut app, "Rn");
    insta::assert_snapshot!("review_80x24", render(&mut app, 80, 24));
}

#[test]
fn review_mode_renders_at_every_size() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let b = other_evaluator(dir.path());
    let mut app = compared(&path, &b);
    keys(&mut app, "R");
    // The deducted leaves in walk order; each size below shows the next one.
    let walk = [
        "A202", "B101", "B201", "B202", "C101", "C201", "C202", "C302",
    ];
    for (i, (w, h)) in [
        (1, 1),
        (10, 3),
        (20, 5),
        (40, 10),
        (60, 12),
        (80, 24),
        (100, 30),
        (200, 60),
    ]
    .into_iter()
    .enumerate()
    {
        let screen = render(&mut app, w, h);
        assert_fits(&screen, w, h);
        if w >= 10 {
            // The leaf under review is named even at 10×3, and the total is always shown.
            assert!(screen.contains(walk[i]), "{w}×{h}: {}\n{screen}", walk[i]);
            assert!(screen.contains("合计 64.7"), "{w}×{h}:\n{screen}");
        }
        if w >= 20 {
            let place = format!("复核 第 {}/10 项", i + 1);
            assert!(screen.contains(&place), "{w}×{h}: {place}\n{screen}");
        }
        keys(&mut app, "n<PgDn>");
    }
    keys(&mut app, "f");
    let screen = render(&mut app, 30, 8);
    assert_fits(&screen, 30, 8);
    assert!(
        screen.contains("D301") && screen.contains("复核意见"),
        "{screen}"
    );
    keys(&mut app, "<Esc>?");
    let screen = render(&mut app, 80, 24);
    assert_fits(&screen, 80, 24);
    assert!(screen.contains("按键（Esc 关闭）"), "{screen}");
}

/// Every line of a rendered screen fits its width, and there are exactly `h` lines.
fn assert_fits(screen: &str, w: u16, h: u16) {
    assert_eq!(screen.lines().count(), usize::from(h), "{w}×{h}:\n{screen}");
    for line in screen.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= usize::from(w),
            "{w}×{h}: too wide: {line}"
        );
    }
}

// ─── 加减分项 ─────────────────────────────────────────────────────────────────────────────

#[test]
fn adjustments_move_the_total_exactly_within_their_caps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("扶贫项目.toml");
    let fw = jixiao::frameworks::find("poverty-relief").unwrap();
    std::fs::write(
        &path,
        jixiao::store::new_project_text(&fw.text, "扶贫项目").unwrap(),
    )
    .unwrap();
    let mut app = open(&path, Lang::Zh);
    // A base to add to: every itemised-deduction leaf at full marks.
    let leaves: Vec<String> = app
        .project()
        .indicators
        .iter()
        .enumerate()
        .filter(|(i, ind)| app.is_leaf(*i) && matches!(ind.rule.kind, RuleKind::Deductions { .. }))
        .map(|(_, ind)| ind.code.clone())
        .collect();
    assert!(!leaves.is_empty());
    for code in leaves {
        app.commit(Edit::SetStatus {
            code,
            status: Status::Scored,
        })
        .unwrap();
    }
    let base = app.card.total;
    assert!(base > d("10"), "{base}");

    // The group row and its items follow the tree; G goes to the last item (F5).
    let screen = render(&mut app, 80, 24);
    assert!(!screen.contains("加减分项"), "below the fold at first");
    keys(&mut app, "G");
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("▾ 加减分项") && screen.contains("F5 数据失真"),
        "{screen}"
    );
    keys(&mut app, "kkkk"); // F1 创新管理机制加分 (bonus, cap 3)

    keys(&mut app, "s2<Tab>做法被省级推广<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(app.card.total, base + d("2"));
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("F1 创新管理机制加分") && screen.contains("+2/3"),
        "{screen}"
    );
    assert!(screen.contains("（加减 +2.00）"), "{screen}");

    // Above the item's cap, or negative: refused in the form, nothing changes.
    keys(&mut app, "s<C-u>4<Enter>");
    assert!(popup_error(&app).unwrap().contains("超过该项上限 3"));
    keys(&mut app, "<C-u>-1<Enter>");
    assert!(popup_error(&app).unwrap().contains("加减分请填正数"));
    keys(&mut app, "<Esc>");
    assert_eq!(app.card.total, base + d("2"));

    // F2 at its cap: the bonus group reaches its own cap of 5 exactly.
    keys(&mut app, "js2<Tab>获省级通报表扬<Enter>");
    keys(&mut app, "ks<C-u>3<Enter>");
    assert_eq!(app.card.total, base + d("5"));

    // Penalties 10 + 5 + 5 = 20 are capped by the group at 15.
    keys(&mut app, "jjs10<Tab>审计发现违规问题10个<Enter>");
    keys(&mut app, "js5<Tab>滞留资金5笔<Enter>");
    keys(&mut app, "js5<Tab>信访查实3例<Enter>");
    let adj = app.card.adjustments.clone().unwrap();
    assert_eq!(
        (adj.bonus, adj.penalty, adj.net),
        (d("5"), d("15"), d("-10"))
    );
    assert_eq!(app.card.total, base - d("10"));

    // Undo is exact too, and the file keeps what was recorded.
    keys(&mut app, "u");
    assert_eq!(app.card.total, base - d("10"), "15 − 5 is still at the cap");
    keys(&mut app, "uu");
    assert_eq!(app.card.total, base + d("5"));
    keys(&mut app, "<C-s>");
    let reopened = ProjectFile::open(&path).unwrap();
    let items = &reopened.project().adjustments.as_ref().unwrap().items;
    assert_eq!(items[0].points, Some(d("3")));
    assert_eq!(items[0].reason, "做法被省级推广");
    assert_eq!(items[2].points, None);
    assert_eq!(
        jixiao::scoring::score(reopened.project()).total,
        base + d("5")
    );
}

// ─── The command line ─────────────────────────────────────────────────────────────────────

#[test]
fn review_without_a_terminal_prints_the_walk() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["review", "--lang", "zh", "--by", "points"])
        .arg(&path)
        .env("JIXIAO_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("复核 已复核 0/10 │ a:失分指标 o:按失分多少"),
        "{text}"
    );
    let order: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("== "))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(order, LOST_MOST_FIRST);
}

#[test]
fn a_bad_config_is_located_and_does_not_stop_the_work() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    std::fs::write(
        dir.path().join("config.toml"),
        "lang = \"zh\"\nascii = \"yes\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["review"])
        .arg(&path)
        .env("JIXIAO_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // The valid setting still counts: the problem and the walk are in Chinese.
    assert!(
        err.contains("config.toml:2:9: 错误：`ascii` 应为 true 或 false（不带引号）；使用 false"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("复核"));
}

#[test]
fn a_compared_file_that_is_not_toml_is_a_located_error() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&b, "[framework\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .env("LC_ALL", "en_US.UTF-8")
        .arg(&path)
        .arg("--compare")
        .arg(&b)
        .env("JIXIAO_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.toml:1:"), "{err}");
}

#[test]
fn a_scripted_edit_after_approval_withdraws_it_and_says_so() {
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let jixiao = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .env("LC_ALL", "zh_CN.UTF-8")
            .args(args)
            .env("JIXIAO_CONFIG_DIR", dir.path())
            .output()
            .unwrap()
    };
    let file = path.to_str().unwrap();
    assert!(
        jixiao(&["set", file, "A202", "status=已复核"])
            .status
            .success()
    );
    let out = jixiao(&["deduct", file, "A202", "0.5", "档案管理不规范"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("A202 的复核已撤销：复核后又有修改（状态改回已评）\n"),
        "{text}"
    );
    let f = ProjectFile::open(&path).unwrap();
    assert_eq!(
        f.project().get("A202").unwrap().assessment.status,
        Status::Scored
    );
    // An explicit status in the same command wins, and nothing is said.
    let out = jixiao(&["set", file, "A202", "score=2", "status=已复核"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("复核已撤销"));
    let f = ProjectFile::open(&path).unwrap();
    assert_eq!(
        f.project().get("A202").unwrap().assessment.status,
        Status::Reviewed
    );
}

// ─── In a real terminal ───────────────────────────────────────────────────────────────────

#[test]
fn review_approve_flag_save_and_reopen_in_a_real_terminal() {
    if !support::require("tmux") {
        return;
    }
    let (dir, path) = copy_of("samples/rongcheng-checkup.toml");
    std::fs::write(dir.path().join("config.toml"), "reviewer = \"王审核\"\n").unwrap();
    let tmux = tmux::Tmux {
        socket: format!("jixiao-review-{}", std::process::id()),
    };
    let cmd = format!(
        "JIXIAO_CONFIG_DIR='{}' '{}' review --lang zh '{}'; sleep 30",
        dir.path().display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
    assert!(started.status.success());
    tmux.wait_for("review mode", |s| s.contains("复核 第 1/10 项"));
    tmux.typed(&["y"]);
    tmux.wait_for("the approval", |s| s.contains("A202 已复核（王审核）"));
    tmux.typed(&["f"]);
    tmux.wait_for("the comment prompt", |s| {
        s.contains("B101 资金到位率 复核意见")
    });
    tmux.typed(&["到位资金文件未附", "Enter"]);
    tmux.wait_for("the comment", |s| s.contains("B101 已记录复核意见"));
    tmux.typed(&["C-s"]);
    tmux.wait_for("the save", |s| s.contains("已保存"));
    tmux.typed(&["q"]);
    tmux.wait_for("the workbench to close", |s| !s.contains("复核 第"));

    let cmd = format!(
        "JIXIAO_CONFIG_DIR='{}' '{}' review --lang zh '{}'",
        dir.path().display(),
        env!("CARGO_BIN_EXE_jixiao"),
        path.display()
    );
    tmux.run(&["kill-session", "-t", "t"]);
    // The closed workbench was the server's last session, so the tmux server may be shutting
    // down right now: a new session can fail once with "server exited unexpectedly". Try again.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let again = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &cmd]);
        if again.status.success() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "tmux new-session: {}",
            String::from_utf8_lossy(&again.stderr)
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    tmux.wait_for("the state kept", |s| s.contains("已复核 1/10"));
    tmux.typed(&["F"]);
    let s = tmux.wait_for("the flagged leaf", |s| s.contains("U/F:仅有意见"));
    assert!(s.contains("B101 资金到位率"), "{s}");
    tmux.typed(&["q"]);

    let f = ProjectFile::open(&path).unwrap();
    let a202 = &f.project().get("A202").unwrap().assessment;
    assert_eq!(a202.status, Status::Reviewed);
    assert_eq!(a202.reviews[0].by, "王审核");
    let b101 = &f.project().get("B101").unwrap().assessment;
    assert_eq!(b101.reviews[0].text, "到位资金文件未附");
    assert!(!b101.reviews[0].approved);
}
