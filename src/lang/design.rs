//! What the command line's design commands (`indicator`, `settings`, `framework save`, and the
//! weight lines of `set`) report, in words.

use super::Lang;

/// A line of a design command's report. Figures are shown as the caller formatted them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DesignNote<'a> {
    /// A parent whose children's weights do not add up to its own; `signed` is the difference.
    WeightGap {
        label: &'a str,
        weight: &'a str,
        children: &'a str,
        signed: &'a str,
    },
    /// The level-1 weights against the framework's total.
    RootGap {
        children: &'a str,
        total: &'a str,
        signed: &'a str,
    },
    Added {
        label: &'a str,
        weight: &'a str,
        parent: Option<&'a str>,
    },
    /// `below`: how many indicators under it went too.
    Removed {
        label: &'a str,
        below: usize,
    },
    MovedUnder {
        label: &'a str,
        parent: &'a str,
        at: usize,
    },
    MovedToRoot {
        label: &'a str,
        at: usize,
    },
    WeightChanged {
        label: &'a str,
        before: &'a str,
        after: &'a str,
    },
    /// After a tree edit: the weights' sum and the total before → after.
    Sums {
        weights: &'a str,
        total: &'a str,
        provisional: bool,
        before: &'a str,
        after: &'a str,
        scored: usize,
        leaves: usize,
    },
    /// After a settings change.
    SettingsTotal {
        provisional: bool,
        before: &'a str,
        after: &'a str,
        grade: &'a str,
    },
    /// `（默认）` after an unset setting.
    Default,
    FrameworkSaved {
        name: &'a str,
        id: &'a str,
        indicators: usize,
        leaves: usize,
        file: &'a str,
    },
    FrameworkHasErrors {
        errors: usize,
        file: &'a str,
    },
    /// Saved where `jixiao frameworks` does not look; `dir` is the user's directory.
    FrameworkNotListed {
        file: &'a str,
        dir: Option<&'a str>,
    },
}

pub fn note(n: &DesignNote, lang: Lang) -> String {
    use DesignNote::*;
    let total_word = |provisional: bool| match (provisional, lang) {
        (true, Lang::Zh) => "暂计",
        (false, Lang::Zh) => "总分",
        (true, Lang::En) => "provisional total",
        (false, Lang::En) => "total",
    };
    match n {
        WeightGap {
            label,
            weight,
            children,
            signed,
        } => lang.pick(
            format!("注意：{label} 分值 {weight}，下级指标合计 {children}（相差 {signed}）"),
            format!("note: {label} weighs {weight}, its children add up to {children} ({signed})"),
        ),
        RootGap {
            children,
            total,
            signed,
        } => lang.pick(
            format!("注意：一级指标分值合计 {children}，框架总分 {total}（相差 {signed}）"),
            format!(
                "note: the level-1 weights add up to {children}, the framework's total is {total} ({signed})"
            ),
        ),
        Added {
            label,
            weight,
            parent,
        } => match parent {
            Some(p) => lang.pick(
                format!("新增 {label}（分值 {weight}，上级 {p}）"),
                format!("added {label} (weight {weight}, under {p})"),
            ),
            None => lang.pick(
                format!("新增 {label}（分值 {weight}，一级指标）"),
                format!("added {label} (weight {weight}, level 1)"),
            ),
        },
        Removed { label, below: 0 } => {
            lang.pick(format!("删除 {label}"), format!("removed {label}"))
        }
        Removed { label, below } => lang.pick(
            format!("删除 {label} 及其下 {below} 个指标"),
            format!("removed {label} and {below} indicator(s) under it"),
        ),
        MovedUnder { label, parent, at } => lang.pick(
            format!("{label} 移到 {parent} 下第 {at} 位"),
            format!("moved {label} under {parent}, position {at}"),
        ),
        MovedToRoot { label, at } => lang.pick(
            format!("{label} 移为第 {at} 个一级指标"),
            format!("moved {label} to level 1, position {at}"),
        ),
        WeightChanged {
            label,
            before,
            after,
        } => lang.pick(
            format!("{label}：分值 {before} → {after}"),
            format!("{label}: weight {before} → {after}"),
        ),
        Sums {
            weights,
            total,
            provisional,
            before,
            after,
            scored,
            leaves,
        } => {
            let t = total_word(*provisional);
            lang.pick(
                format!(
                    "分值合计 {weights}（框架总分 {total}）；{t}：{before} → {after}（已评 {scored}/{leaves}）"
                ),
                format!(
                    "weights add up to {weights} (framework total {total}); {t}: {before} → {after} ({scored}/{leaves} scored)"
                ),
            )
        }
        SettingsTotal {
            provisional,
            before,
            after,
            grade,
        } => {
            let t = total_word(*provisional);
            lang.pick(
                format!("{t}：{before} → {after}（{grade}）"),
                format!("{t}: {before} → {after} ({grade})"),
            )
        }
        Default => lang.pick("（默认）", "(default)").into(),
        FrameworkSaved {
            name,
            id,
            indicators,
            leaves,
            file,
        } => lang.pick(
            format!("已保存框架 {name}（id {id}，{indicators} 个指标，其中末级 {leaves} 个）到 {file}"),
            format!(
                "saved the framework {name} (id {id}, {indicators} indicators, {leaves} of them leaves) to {file}"
            ),
        ),
        FrameworkHasErrors { errors, file } => lang.pick(
            format!("注意：该框架有 {errors} 处错误，jixiao check {file} 列出"),
            format!("note: the framework has {errors} error(s); jixiao check {file} lists them"),
        ),
        FrameworkNotListed { file, dir } => {
            let dir = dir.map(str::to_string).unwrap_or_else(|| {
                lang.pick("用户配置目录", "your config directory").into()
            });
            lang.pick(
                format!(
                    "jixiao frameworks 只列出 ./frameworks/ 和 {dir} 中的框架；用 jixiao new --framework {file} 直接使用它"
                ),
                format!(
                    "jixiao frameworks lists only the frameworks in ./frameworks/ and {dir}; use it directly with jixiao new --framework {file}"
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::message_tests::{has_cjk, reads_english};

    #[test]
    fn every_design_note_in_both_languages_with_its_figures() {
        use DesignNote::*;
        let notes = [
            WeightGap {
                label: "C1 X",
                weight: "10",
                children: "12",
                signed: "+2",
            },
            RootGap {
                children: "98",
                total: "100",
                signed: "-2",
            },
            Added {
                label: "C102 X",
                weight: "2",
                parent: Some("C1 Y"),
            },
            Added {
                label: "D X",
                weight: "2",
                parent: None,
            },
            Removed {
                label: "C103 X",
                below: 0,
            },
            Removed {
                label: "C1 X",
                below: 3,
            },
            MovedUnder {
                label: "A102 X",
                parent: "A1 Y",
                at: 1,
            },
            MovedToRoot {
                label: "A102 X",
                at: 4,
            },
            WeightChanged {
                label: "C101 X",
                before: "10",
                after: "9",
            },
            Sums {
                weights: "100",
                total: "100",
                provisional: true,
                before: "80.00",
                after: "81.00",
                scored: 3,
                leaves: 18,
            },
            SettingsTotal {
                provisional: false,
                before: "80.00",
                after: "81.00",
                grade: "良",
            },
            Default,
            FrameworkSaved {
                name: "N",
                id: "checkup",
                indicators: 43,
                leaves: 26,
                file: "f.toml",
            },
            FrameworkHasErrors {
                errors: 2,
                file: "f.toml",
            },
            FrameworkNotListed {
                file: "f.toml",
                dir: None,
            },
        ];
        for n in &notes {
            // One sample per kind: a new one fails to compile here until it has one.
            match n {
                WeightGap { .. } | RootGap { .. } | Added { .. } | Removed { .. } => {}
                MovedUnder { .. } | MovedToRoot { .. } | WeightChanged { .. } => {}
                Sums { .. } | SettingsTotal { .. } | Default => {}
                FrameworkSaved { .. } | FrameworkHasErrors { .. } | FrameworkNotListed { .. } => {}
            }
            let zh = note(n, Lang::Zh);
            let en = note(n, Lang::En);
            assert!(has_cjk(&zh) && !reads_english(&zh), "not Chinese: {zh}");
            assert!(!has_cjk(&en.replace('良', "")), "not English: {en}");
            for figure in ["10", "12", "98", "C102", "A1 Y", "18", "26", "f.toml"] {
                assert_eq!(
                    zh.contains(figure),
                    en.contains(figure),
                    "{figure}: {zh} / {en}"
                );
            }
        }
    }
}
