//! Refusals of the command line's design and settings commands, in words (beside refusal.rs,
//! which sends them here).

use super::Lang;
use crate::edit::EditError;

/// Refusals of the command line's design and settings commands (`indicator add|move|rename`,
/// `settings`).
pub(super) fn command_line(e: &EditError, lang: Lang) -> String {
    use EditError::*;
    let settings = "total, rounding, places, na_policy, rate_places, grades";
    match e {
        NoParentToAddUnder { parent } => lang.pick(
            format!("没有指标 `{parent}`，无法在其下新增"),
            format!("no indicator `{parent}` to add under"),
        ),
        NotAChild {
            code,
            parent,
            siblings,
        } => {
            let s = siblings.join(", ");
            match parent {
                Some(p) => lang.pick(
                    format!("`{code}` 不是 {p} 的下级；可选：{s}"),
                    format!("`{code}` is not a child of {p}; expected one of: {s}"),
                ),
                None => lang.pick(
                    format!("`{code}` 不是一级指标；可选：{s}"),
                    format!("`{code}` is not a child of the top level; expected one of: {s}"),
                ),
            }
        }
        NotASibling { code, siblings } => {
            let s = siblings.join(", ");
            lang.pick(
                format!("`{code}` 不在该处的同级指标中；可选：{s}"),
                format!("`{code}` is not a sibling there; expected one of: {s}"),
            )
        }
        UpDownAmongSiblings => lang
            .pick(
                "--up 和 --down 只在现有同级之间移动；要移到别处请只给 --parent",
                "--up and --down move among the present siblings; give --parent alone to move elsewhere",
            )
            .into(),
        AlreadyFirst { code } => lang.pick(
            format!("{code} 已是同级中的第一个"),
            format!("{code} is already the first of its siblings"),
        ),
        AlreadyLast { code } => lang.pick(
            format!("{code} 已是同级中的最后一个"),
            format!("{code} is already the last of its siblings"),
        ),
        MoveWhere => lang
            .pick(
                "请指明移到哪里：--parent 代码、--root、--up、--down 或 --after 代码",
                "say where to: --parent CODE, --root, --up, --down or --after CODE",
            )
            .into(),
        RenameWhat => lang
            .pick(
                "请给出新名称，或用 --code 新代码 修改代码",
                "give the new name, or --code NEW for a new code",
            )
            .into(),
        WeightNotNumber { text } => lang.pick(
            format!("分值应为数字，如 2 或 2.5，而不是“{text}”"),
            format!("weight must be a number of points such as 2 or 2.5, not \"{text}\""),
        ),
        NoCriterion { text, count } => lang.pick(
            format!("没有第“{text}”条评价要点：应为 1 到 {count} 之间的序号"),
            format!("there is no 评价要点 number \"{text}\": expected 1 to {count}"),
        ),
        SettingNotKeyValue { text } => lang.pick(
            format!("“{text}”不是 键=值 的形式；可用的键：{settings}"),
            format!("`{text}` is not key=value; expected {settings}"),
        ),
        UnknownSetting { key } => lang.pick(
            format!("没有设置项“{key}”；可用：{settings}"),
            format!("unknown setting `{key}`; expected {settings}"),
        ),
        // Every variant is routed by `refusal` (an exhaustive match); one routed here without
        // words would be empty, which refusal_tests (every variant, both languages) catches.
        _ => String::new(),
    }
}
