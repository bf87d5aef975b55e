//! Scoring edits key by key: checkpoints, tiers, inputs, deductions, evidence, search, quitting,
//! and what the panes then say.

use super::*;

#[test]
fn checkpoints_tiers_judgement_na_and_status() {
    let (_dir, path) = from_framework("department-overall");
    let mut app = open(&path, Lang::Zh);
    assert_eq!(app.card.total, d("0"));

    // A101: checkpoints 1.5 / 1.5 / 1, its first three fields.
    // Its veto input must be recorded too (否 = false), or the rule cannot be computed.
    keys(&mut app, "/A101<Enter>i未设立整体绩效目标=否<Enter>");
    keys(&mut app, "<Enter><Enter><Down><Down><Space>");
    assert_eq!(
        app.project().get("A101").unwrap().assessment.checks,
        [true, false, true].map(crate::model::Check::Met)
    );
    assert_eq!(score_of(&app, "A101"), d("2.5"));
    assert_eq!(
        app.project().get("A101").unwrap().assessment.status.label(),
        "已评"
    );

    // B204: levels; pick 较完善 (1.5).
    keys(&mut app, "<Esc>/B204<Enter><Enter><Enter>");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("tier list expected")
    };
    assert!(p.items[1].starts_with("较完善"), "{:?}", p.items);
    keys(&mut app, "2");
    assert_eq!(score_of(&app, "B204"), d("1.5"));

    // D101: judgement 0–4.
    keys(&mut app, "<Esc>/D101<Enter>s4.5<Enter>");
    assert!(popup_error(&app).is_some());
    keys(&mut app, "<C-u>3.5<Enter>");
    assert_eq!(score_of(&app, "D101"), d("3.5"));

    // Not applicable, with a reason; then back.
    let total = app.card.total;
    keys(&mut app, "m4");
    let Some(Popup::Prompt(_)) = &app.popup else {
        panic!("N/A asks for a reason")
    };
    keys(&mut app, "本年度无此项业务<Enter>");
    assert_eq!(
        app.project().get("D101").unwrap().assessment.na.as_deref(),
        Some("本年度无此项业务")
    );
    assert!(app.card.na_weight > Decimal::ZERO);
    keys(&mut app, "m4");
    assert!(app.project().get("D101").unwrap().assessment.na.is_none());
    assert_eq!(app.card.total, total);

    // Not scorable, then reviewed.
    keys(&mut app, "m5数据未提供<Enter>");
    assert_eq!(score_of(&app, "D101"), d("0"));
    keys(&mut app, "m3");
    assert_eq!(
        app.project().get("D101").unwrap().assessment.status.label(),
        "已复核"
    );
}

#[test]
fn inputs_standard_deductions_and_evidence() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);

    // B101: a rate of two inputs; full-width digits from an input method are fine.
    keys(
        &mut app,
        "/B101<Enter>i预算资金=１５８０<Enter>i实际到位资金=1040<Enter>",
    );
    assert_eq!(score_of(&app, "B101"), d("2.63"));
    // Edit an input from its field (the first field of a rate leaf).
    keys(&mut app, "<Tab><Enter><C-u>1580<Enter>");
    assert_eq!(score_of(&app, "B101"), d("4"));
    keys(&mut app, "x");
    assert!(
        app.project()
            .get("B101")
            .unwrap()
            .assessment
            .input("实际到位资金")
            .is_none()
    );

    // A standard deduction from the framework's list.
    keys(&mut app, "<Esc>/A202<Enter>p");
    let Some(Popup::Picker(p)) = &app.popup else {
        panic!("standard deductions expected")
    };
    let n = p.items.len();
    assert!(n >= 2, "{:?}", p.items);
    keys(&mut app, "<Down><Enter>");
    let ded = app.project().get("A202").unwrap().assessment.deductions[0].clone();
    let std = app
        .project()
        .standard_deductions
        .iter()
        .filter(|s| s.applies("A202"))
        .nth(1)
        .unwrap()
        .clone();
    assert_eq!((ded.points, ded.reason), (Some(std.points), std.reason));

    // Evidence: add, edit, delete.
    keys(
        &mut app,
        "e绩效目标表<Tab>项目资料/2021/绩效目标表.pdf<Tab>质量指标为“政策知晓度”<Enter>",
    );
    let ev = &app.project().get("A202").unwrap().assessment.evidence;
    assert_eq!(
        (ev.len(), ev[0].at.as_str()),
        (1, "项目资料/2021/绩效目标表.pdf")
    );
    let fields = app.fields();
    let at = fields
        .iter()
        .position(|f| *f == Field::Evidence(0))
        .unwrap();
    app.focus = Focus::Detail;
    app.field = at;
    keys(&mut app, "<Enter><Tab><Tab><C-u>已核对<Enter>");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.evidence[0].note,
        "已核对"
    );
    keys(&mut app, "<Del>");
    assert!(
        app.project()
            .get("A202")
            .unwrap()
            .assessment
            .evidence
            .is_empty()
    );
    keys(&mut app, "u");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.evidence.len(),
        1
    );
}

#[test]
fn a_pasted_paragraph_is_one_edit_and_one_undo() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>w");
    let before = app
        .project()
        .get("A202")
        .unwrap()
        .assessment
        .justification
        .clone();
    let pasted = "\n补充：评价组查阅了2019—2021年度绩效目标表，\n发现质量指标设置不合理。";
    app.update(Action::Paste(pasted.into()));
    let Some(Popup::Editor(e)) = &app.popup else {
        panic!("editor expected")
    };
    assert_eq!(e.editor.text(), format!("{before}{pasted}"));
    keys(&mut app, "<C-s>");
    assert!(app.popup.is_none());
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        format!("{before}{pasted}")
    );
    assert_eq!(app.undo.len(), 1);
    keys(&mut app, "u");
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        before
    );
    // Esc on changed text asks once more before discarding.
    keys(&mut app, "w改<Esc>");
    assert!(app.popup.is_some());
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    assert_eq!(
        app.project().get("A202").unwrap().assessment.justification,
        before
    );
}

#[test]
fn search_in_chinese_and_jumps() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let code = |app: &App| app.project().indicators[app.selected()].code.clone();
    keys(&mut app, "/资金<Enter>");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "n");
    assert_eq!(code(&app), "A302");
    keys(&mut app, "N");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "/不存在的指标");
    assert!(message(&app).contains("不存在的指标"));
    keys(&mut app, "<Esc>");
    assert_eq!(code(&app), "A3");
    keys(&mut app, "gL");
    assert_eq!(code(&app), "A202");
    keys(&mut app, "L");
    assert_eq!(code(&app), "B101");
    keys(&mut app, "gW");
    assert_eq!(code(&app), "B101");
    keys(&mut app, "U");
    assert!(message(&app).contains("都已评分"));
    // Folding: h on a level-1 node hides its children.
    keys(&mut app, "gh");
    assert!(
        !app.tree
            .rows(&app.card.tree)
            .iter()
            .any(|&i| app.project().indicators[i].code == "A1")
    );
    keys(&mut app, "l");
    keys(&mut app, "G");
    assert_eq!(code(&app), "D401");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "q");
    assert!(app.quit, "nothing unsaved: q quits at once");

    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>问题<Enter>q");
    assert!(!app.quit && matches!(app.popup, Some(Popup::Picker(_))));
    keys(&mut app, "3");
    assert!(!app.quit);
    keys(&mut app, "q2");
    assert!(app.quit);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/A202<Enter>a0.5<Tab>问题<Enter>q1");
    assert!(app.quit);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("reason = \"问题\"")
    );
}

/// Someone else saves a different field meanwhile: Ctrl-s merges, both changes are in the file,
/// and the message says what was merged in.

#[test]
fn a_half_entered_rate_leaf_is_incomplete_and_the_total_provisional() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);
    // A new project: no grade, a provisional total.
    assert_eq!(app.card.grade, None);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("暂计 0.00/100 (0/17)"), "{screen}");
    assert!(!screen.contains("0.00/100 差"), "{screen}");
    // B101 资金到位率 reads 实际到位资金 and 预算资金; only the first arrives today.
    keys(&mut app, "/B101<Enter>i");
    let Some(Popup::Prompt(p)) = &app.popup else {
        panic!("input prompt expected")
    };
    assert!(p.title.contains("实际到位资金、预算资金"), "{}", p.title);
    // Tab completes the names the rule reads, the missing ones first.
    keys(&mut app, "实<Tab>1040<Enter>");
    let leaf = app.card.node(app.project(), "B101").unwrap().clone();
    assert_eq!(
        leaf.leaf.unwrap().state,
        crate::scoring::LeafState::Incomplete(vec!["预算资金".into()])
    );
    assert_eq!(app.card.scored_leaves, 0);
    assert!(render(&mut app, 80, 24).contains("未完成：缺 预算资金"));
    // A name the rule does not read is pointed out before it is recorded.
    keys(&mut app, "i预算资=1580<Enter>");
    assert!(
        popup_error(&app).is_some_and(|e| e.contains("不是本指标规则读取的名称")),
        "{:?}",
        popup_error(&app)
    );
    keys(&mut app, "<C-u><Tab>1580<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    assert_eq!(score_of(&app, "B101"), d("2.63"));
    assert_eq!(app.card.scored_leaves, 1);
    // Marked 未评 again, its points stop counting.
    let total = app.card.total;
    assert_eq!(total, d("2.63"));
    keys(&mut app, "m1");
    assert_eq!(app.card.total, d("0"));
    assert_eq!(app.card.scored_leaves, 0);
    // Back to 已评, they count again.
    keys(&mut app, "m2");
    assert_eq!(app.card.total, d("2.63"));
}

#[test]
fn s_on_a_deductions_leaf_records_the_lost_points_with_their_reason() {
    let (_dir, path) = from_framework("mof-program");
    let mut app = open(&path, Lang::Zh);
    // A101 立项依据充分性 (5 points) is qualitative: scored by deductions.
    keys(&mut app, "/A101<Enter>s");
    let Some(Popup::Form(f)) = &app.popup else {
        panic!("score and reason form expected, got {:?}", app.popup)
    };
    assert!(f.title.contains("0 到 5"), "{}", f.title);
    // The reason is asked for.
    keys(&mut app, "3.5<Enter>");
    assert!(popup_error(&app).is_some_and(|e| e.contains("扣 1.5 分")));
    // Moving to the field keeps the message; typing there makes it stale, so it goes.
    keys(&mut app, "<Tab>");
    assert!(popup_error(&app).is_some());
    keys(&mut app, "未与部门职责充分对应");
    assert_eq!(popup_error(&app), None);
    keys(&mut app, "<Enter>");
    assert!(app.popup.is_none(), "{:?}", popup_error(&app));
    let a = &app.project().get("A101").unwrap().assessment;
    assert_eq!(a.score, None, "no awarded override");
    assert_eq!(a.deductions.len(), 1);
    assert_eq!(a.deductions[0].points, Some(d("1.5")));
    assert_eq!(a.deductions[0].reason, "未与部门职责充分对应");
    assert_eq!(a.status.label(), "已评");
    assert_eq!(score_of(&app, "A101"), d("3.5"));
    // Again: from 3.5 down to 3, one more deduction; above what it has now is refused.
    keys(&mut app, "s4<Tab>x<Enter>");
    assert!(popup_error(&app).is_some());
    keys(&mut app, "<Esc>s3<Tab>佐证不全<Enter>");
    assert_eq!(score_of(&app, "A101"), d("3"));
    let leaf = app
        .card
        .node(app.project(), "A101")
        .unwrap()
        .leaf
        .clone()
        .unwrap();
    let text: Vec<String> = leaf
        .steps
        .iter()
        .map(|s| s.text(2, crate::lang::Lang::Zh))
        .collect();
    assert!(!text.iter().any(|t| t.contains("不一致")), "{text:?}");
    // Full marks on a fresh qualitative leaf: scored, nothing deducted.
    keys(&mut app, "/A102<Enter>s3<Enter>");
    assert_eq!(
        app.project().get("A102").unwrap().assessment.status.label(),
        "已评"
    );
    assert!(
        app.project()
            .get("A102")
            .unwrap()
            .assessment
            .deductions
            .is_empty()
    );
}

#[test]
fn a_long_message_takes_two_lines_and_the_log_keeps_every_message() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let long = "A202 的复核已撤销：复核后又有修改（状态改回已评）· A202: 扣 0.50 分：档案管理不规范，资料未及时归档 → 合计 64.22";
    app.info(long);
    let screen = render(&mut app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    let bottom = format!("{}{}", rows[22].trim_end(), rows[23].trim_end());
    assert_eq!(
        bottom, long,
        "the whole message on the two status lines:\n{screen}"
    );
    // The next key clears it; M lists it, with every message before and after.
    keys(&mut app, "j");
    app.error("第二条");
    keys(&mut app, "M");
    assert!(matches!(app.popup, Some(Popup::Log { .. })));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("A202 的复核已撤销"), "{screen}");
    assert!(screen.contains("合计 64.22"), "{screen}");
    assert!(screen.contains("第二条"), "{screen}");
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
}

#[test]
fn a_first_review_starts_at_the_selected_leaf() {
    let (_dir, path) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path, Lang::Zh);
    let at = |app: &App| {
        let i = app
            .review
            .as_ref()
            .and_then(|r| r.at)
            .expect("a leaf on the walk");
        app.project().indicators[i].code.clone()
    };
    // B201 lost points: the walk starts there, not at A202.
    keys(&mut app, "/B201<Enter>R");
    assert!(app.in_review());
    assert_eq!(at(&app), "B201");
    // From a parent, the walk starts at the next leaf below it that lost points.
    let (_dir2, path2) = copy_of("samples/rongcheng-checkup.toml");
    let mut app = open(&path2, Lang::Zh);
    keys(&mut app, "/B2<Enter>R");
    assert_eq!(at(&app), "B201");
}

#[test]
fn a_detail_title_that_does_not_fit_ends_in_an_ellipsis() {
    let (_dir, path) = copy_of("samples/rongcheng-12349.toml");
    let mut app = open(&path, Lang::Zh);
    keys(&mut app, "/C103<Enter><Tab>");
    let screen = render(&mut app, 30, 20);
    let title = screen
        .lines()
        .find(|l| l.contains("C103"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(title.contains('…'), "{screen}");
}
