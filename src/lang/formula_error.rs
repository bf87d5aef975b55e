//! Why a formula cannot be read, in words: the character it went wrong at and what belongs there.

use super::Lang;
use crate::scoring::formula::{FUNCTIONS, FormulaError};

/// `error` in `lang`.
pub fn formula_error(error: &FormulaError, lang: Lang) -> String {
    use FormulaError::*;
    let functions = FUNCTIONS.join(", ");
    match error {
        UnclosedQuote { at } => lang.pick(
            format!("第 {at} 个字符处用反引号括起的名称缺少结尾的 `"),
            format!("the name quoted at character {at} has no closing `"),
        ),
        EmptyQuotedName { at } => lang.pick(
            format!("第 {at} 个字符处反引号内的名称为空"),
            format!("empty quoted name at character {at}"),
        ),
        NotANumber { text, at } => lang.pick(
            format!("第 {at} 个字符处的“{text}”不是数字"),
            format!("`{text}` at character {at} is not a number"),
        ),
        UnexpectedChar { found, at } => lang.pick(
            format!("第 {at} 个字符“{found}”不能出现在公式中"),
            format!("unexpected character `{found}` at character {at}"),
        ),
        TooLong { tokens, at } => lang.pick(
            format!(
                "公式过长：{tokens} 个记号，最多 {}（超出处在第 {at} 个字符）",
                crate::scoring::formula::MAX_TOKENS
            ),
            format!(
                "the formula is too long: {tokens} tokens, at most {} (at character {at})",
                crate::scoring::formula::MAX_TOKENS
            ),
        ),
        TooDeep { at } => lang.pick(
            format!(
                "公式嵌套超过 {} 层（第 {at} 个字符处）",
                crate::scoring::formula::MAX_DEPTH
            ),
            format!(
                "the formula is nested more than {} levels deep at character {at}",
                crate::scoring::formula::MAX_DEPTH
            ),
        ),
        Trailing { found, at } => lang.pick(
            format!("第 {at} 个字符处多出“{found}”，此处应为运算符或公式结束"),
            format!("unexpected `{found}` at character {at}; expected an operator or the end"),
        ),
        SecondComparison { at } => lang.pick(
            format!("第 {at} 个字符处出现第二个比较；一次只能比较两个值（可用 min/max 或 if）"),
            format!(
                "a second comparison at character {at}; compare two values at a time (use min/max or if)"
            ),
        ),
        UnknownFunction { name, at } => lang.pick(
            format!(
                "第 {at} 个字符处的函数“{name}”不存在，可用：{functions}。相乘请写 `{name} * (…)`；名称含括号时用反引号括起：`资金（万元）`"
            ),
            format!(
                "unknown function `{name}` at character {at}; expected one of {functions}. To multiply write `{name} * (…)`; quote a name that contains brackets in backticks: `资金（万元）`"
            ),
        ),
        UnclosedCall {
            function,
            opened,
            at,
        } => lang.pick(
            format!("{function} 的参数（第 {opened} 个字符处开始）缺少“)”，在第 {at} 个字符处"),
            format!(
                "missing `)` after the arguments of {function} (opened at character {opened}), at character {at}"
            ),
        ),
        WrongArguments {
            function,
            at,
            given,
        } => {
            let (zh, en) = match function.as_str() {
                "if" => ("3 个参数（条件、成立时、不成立时）", "3 (condition, then, else)"),
                "round" | "floor" | "ceil" => ("1 或 2 个参数（数值、小数位数）", "1 or 2 (value, places)"),
                _ => ("1 个参数", "1"),
            };
            lang.pick(
                format!("第 {at} 个字符处的 {function}() 应有 {zh}，实有 {given} 个"),
                format!("{function}() at character {at} takes {en} arguments, not {given}"),
            )
        }
        UnclosedBracket { opened, at } => lang.pick(
            format!("第 {opened} 个字符处的“(”缺少对应的“)”，在第 {at} 个字符处"),
            format!("missing `)` for the `(` at character {opened}, at character {at}"),
        ),
        Unexpected { found, at } => lang.pick(
            format!("第 {at} 个字符处的“{found}”不应出现，此处应为数字、名称或“(”"),
            format!("unexpected `{found}` at character {at}; expected a number, a name or `(`"),
        ),
        EndsEarly => lang
            .pick(
                "公式不完整，结尾处应为数字或名称",
                "the formula ends too early; expected a number or a name",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, with the figures its message must name. Adding a variant without listing
    /// it here fails `every_variant_is_listed`.
    fn every_error() -> Vec<(FormulaError, Vec<&'static str>)> {
        use FormulaError::*;
        vec![
            (UnclosedQuote { at: 4 }, vec!["4"]),
            (EmptyQuotedName { at: 5 }, vec!["5"]),
            (
                NotANumber {
                    text: "1.2.3".into(),
                    at: 6,
                },
                vec!["1.2.3", "6"],
            ),
            (UnexpectedChar { found: '$', at: 7 }, vec!["$", "7"]),
            (
                TooLong {
                    tokens: 1200,
                    at: 2001,
                },
                vec!["1200", "1000", "2001"],
            ),
            (TooDeep { at: 65 }, vec!["64", "65"]),
            (
                Trailing {
                    found: "2".into(),
                    at: 3,
                },
                vec!["2", "3"],
            ),
            (SecondComparison { at: 9 }, vec!["9", "min/max"]),
            (
                UnknownFunction {
                    name: "资金".into(),
                    at: 1,
                },
                vec!["资金", "1", "round"],
            ),
            (
                UnclosedCall {
                    function: "min".into(),
                    opened: 1,
                    at: 8,
                },
                vec!["min", "1", "8"],
            ),
            (
                WrongArguments {
                    function: "if".into(),
                    at: 1,
                    given: 2,
                },
                vec!["if", "3", "2"],
            ),
            (
                WrongArguments {
                    function: "round".into(),
                    at: 1,
                    given: 3,
                },
                vec!["round", "2", "3"],
            ),
            (UnclosedBracket { opened: 1, at: 3 }, vec!["1", "3"]),
            (
                Unexpected {
                    found: "*".into(),
                    at: 1,
                },
                vec!["*", "1"],
            ),
            (EndsEarly, vec![]),
        ]
    }

    #[test]
    fn every_variant_is_listed() {
        use FormulaError::*;
        let mut seen = [false; 14];
        for (e, _) in every_error() {
            let i = match e {
                UnclosedQuote { .. } => 0,
                EmptyQuotedName { .. } => 1,
                NotANumber { .. } => 2,
                UnexpectedChar { .. } => 3,
                TooLong { .. } => 4,
                TooDeep { .. } => 5,
                Trailing { .. } => 6,
                SecondComparison { .. } => 7,
                UnknownFunction { .. } => 8,
                UnclosedCall { .. } => 9,
                WrongArguments { .. } => 10,
                UnclosedBracket { .. } => 11,
                Unexpected { .. } => 12,
                EndsEarly => 13,
            };
            seen[i] = true;
        }
        assert!(seen.iter().all(|&s| s), "{seen:?}");
    }

    #[test]
    fn every_formula_error_in_both_languages_with_its_figures() {
        for (e, figures) in every_error() {
            let zh = formula_error(&e, Lang::Zh);
            let en = formula_error(&e, Lang::En);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {zh}"
            );
            assert!(en.is_ascii() || en.contains("资金"), "not English: {en}");
            assert!(!zh.contains('{') && !en.contains('{'), "{zh} / {en}");
            for f in figures {
                assert!(zh.contains(f), "{zh} lacks {f}");
                assert!(en.contains(f), "{en} lacks {f}");
            }
        }
    }

    #[test]
    fn a_formula_error_points_at_the_character() {
        let e = crate::scoring::formula::parse("完成率 >= 95 >= 1").unwrap_err();
        assert_eq!(e, FormulaError::SecondComparison { at: 11 });
        assert_eq!(
            formula_error(&e, Lang::Zh),
            "第 11 个字符处出现第二个比较；一次只能比较两个值（可用 min/max 或 if）"
        );
    }
}
