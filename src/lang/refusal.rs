//! Why an edit was refused, in words.

use super::{Lang, list};
use crate::edit::{EditError, Thing};
use crate::scoring::rounding::plain;

fn thing(t: Thing, lang: Lang) -> (&'static str, &'static str) {
    // (as a subject, as an item noun)
    match (t, lang) {
        (Thing::Score, Lang::En) => ("a score", "score"),
        (Thing::Deduction, Lang::En) => ("a deduction", "deduction"),
        (Thing::Evidence, Lang::En) => ("evidence", "evidence item"),
        (Thing::Review, Lang::En) => ("a review", "review"),
        (Thing::Score, Lang::Zh) => ("得分", "得分"),
        (Thing::Deduction, Lang::Zh) => ("扣分", "扣分"),
        (Thing::Evidence, Lang::Zh) => ("佐证材料", "佐证材料"),
        (Thing::Review, Lang::Zh) => ("复核意见", "复核意见"),
    }
}

/// `e` in `lang`.
pub fn refusal(e: &EditError, lang: Lang) -> String {
    use EditError::*;
    match e {
        NoIndicator { code } => lang.pick(
            format!("没有指标 `{code}`"),
            format!("no indicator `{code}`"),
        ),
        IsParent { code } => lang.pick(
            format!("{code} 是上级指标，得分由下级指标加总，请在末级指标上修改"),
            format!(
                "{code} is a parent; its score is the sum of its children, edit a leaf instead"
            ),
        ),
        Negative { what, weight } => {
            let (w, t) = (plain(*weight), thing(*what, lang).0);
            lang.pick(
                format!("{t}不能为负数，应在 0 到 {w} 之间"),
                format!("{t} cannot be negative; expected 0 to {w}"),
            )
        }
        AboveWeight {
            what,
            points,
            weight,
        } => {
            let (p, w, t) = (plain(*points), plain(*weight), thing(*what, lang).0);
            lang.pick(
                format!("{t} {p} 超过分值 {w}，应在 0 到 {w} 之间"),
                format!("{t} {p} is more than the weight {w}; expected 0 to {w}"),
            )
        }
        NoItem { what, number } => {
            let t = thing(*what, lang).1;
            lang.pick(
                format!("没有第 {number} 条{t}"),
                format!("there is no {t} number {number}"),
            )
        }
        NoAdjustment { code } => lang.pick(
            format!("没有加减分项 `{code}`"),
            format!("no adjustment item `{code}`"),
        ),
        AdjustmentSigned => lang
            .pick(
                "加减分请填正数，加分或减分由该项的方向决定",
                "adjustment points are written positive; the item's direction gives the sign",
            )
            .into(),
        AboveCap { points, cap } => {
            let (p, c) = (plain(*points), plain(*cap));
            lang.pick(
                format!("{p} 超过该项上限 {c}"),
                format!("{p} is above this item's cap of {c}"),
            )
        }
        JudgedRange { min, max } => {
            let (lo, hi) = (plain(*min), plain(*max));
            lang.pick(
                format!("该指标酌情评分，只能在 {lo} 到 {hi} 分之间"),
                format!("this rule allows {lo} to {hi} points"),
            )
        }
        InputNeedsName => lang.pick("数据项需要名称", "an input needs a name").into(),
        NumberTooLarge => lang
            .pick(
                "数字过大，应在 -10^15 到 10^15 之间",
                "that number is too large; expected a number between -10^15 and 10^15",
            )
            .into(),
        BadDate { name, text, error } => lang.pick(
            format!("“{name}”：{}", error.zh(text)),
            format!("`{name}`: {}", error.en(text)),
        ),
        DeductionNeedsPoints => lang
            .pick(
                "扣分需要填写分数，如 0.5",
                "a deduction needs points, e.g. 0.5",
            )
            .into(),
        DeductionNeedsReason => lang
            .pick(
                "扣分需要写明原因：发现了什么问题",
                "a deduction needs a reason: what was found",
            )
            .into(),
        NegativeCount => lang
            .pick("次数不能为负数", "a count cannot be negative")
            .into(),
        ChecksCount { checkpoints: n } => lang.pick(
            format!("该指标有 {n} 个评价要点，应逐一判定"),
            format!("this rule has {n} checkpoints; expected {n} true/false values"),
        ),
        NotALevel { tier, levels } => {
            let names = list(lang, levels.iter().cloned());
            lang.pick(
                format!("“{tier}”不是该指标的档次，可选：{names}"),
                format!("\"{tier}\" is not a level of this rule; expected one of: {names}"),
            )
        }
        NotLevels { code } => lang.pick(
            format!("{code} 不是分档评分的指标，不能选择档次"),
            format!("{code} is not scored by levels; a tier applies only to a \"levels\" rule"),
        ),
        NaNeedsReason => lang
            .pick("标为不适用需要写明原因", "不适用 needs a reason")
            .into(),
        UnscorableNeedsReason => lang
            .pick(
                "无法评分需要写明原因（缺少哪些资料）",
                "无法评分 needs a reason (what data was missing)",
            )
            .into(),
        NotYearly { name } => lang.pick(
            format!("“{name}”是单一数值，不按年度填写；用 input.{name}=540 修改"),
            format!("`{name}` is one figure, not given per year; set it with input.{name}=540"),
        ),
        IsYearly { name } => lang.pick(
            format!("“{name}”按年度填写，请逐年修改：{name}.2020=540（命令行 input.{name}.2020=540）"),
            format!("`{name}` is given per year; set one year: {name}.2020=540 (on the command line input.{name}.2020=540)"),
        ),
        BadYear { text } => lang.pick(
            format!("年度应为四位数字，如 2020，不能是“{text}”"),
            format!("a year is four digits such as 2020, not \"{text}\""),
        ),
        NoSurvey { name, surveys } if surveys.is_empty() => lang.pick(
            format!("该指标没有问卷“{name}”，也没有其他问卷；可用 jixiao survey import 导入"),
            format!("this indicator has no questionnaire \"{name}\" (nor any other); import one with jixiao survey import"),
        ),
        NoSurvey { name, surveys } => {
            let names = list(lang, surveys.iter().cloned());
            lang.pick(
                format!("该指标没有问卷“{name}”，已有：{names}"),
                format!("this indicator has no questionnaire \"{name}\"; it has: {names}"),
            )
        }
        NoQuestion {
            survey,
            number,
            questions,
        } => lang.pick(
            format!("问卷“{survey}”没有第 {number} 题，共 {questions} 题"),
            format!("questionnaire \"{survey}\" has no question {number}; it has {questions}"),
        ),
        NoOption {
            survey,
            number,
            options,
        } => {
            let names = list(lang, options.iter().cloned());
            lang.pick(
                format!("问卷“{survey}”没有第 {number} 个选项，选项为：{names}"),
                format!("questionnaire \"{survey}\" has no option {number}; its options are {names}"),
            )
        }
        NoOptionNamed {
            survey,
            text,
            options,
        } => {
            let names = list(lang, options.iter().cloned());
            lang.pick(
                format!("问卷“{survey}”没有选项“{text}”，选项为：{names}"),
                format!("questionnaire \"{survey}\" has no option \"{text}\"; its options are {names}"),
            )
        }
        WhichQuestion { survey, questions } => lang.pick(
            format!("问卷“{survey}”共 {questions} 题，请写明第几题，如 survey.{survey}.2.选项=人数"),
            format!("questionnaire \"{survey}\" has {questions} questions; say which, as in survey.{survey}.2.OPTION=COUNT"),
        ),
        SurveyCountsLen {
            survey,
            given,
            options,
        } => {
            let n = options.len();
            let names = list(lang, options.iter().cloned());
            lang.pick(
                format!("问卷“{survey}”有 {n} 个选项（{names}），应逐项填写 {n} 个人数，而不是 {given} 个"),
                format!("questionnaire \"{survey}\" has {n} options ({names}); expected {n} counts, one per option, not {given}"),
            )
        }
        SurveyIncomplete { name } => lang.pick(
            format!("问卷“{name}”需要名称、选项及至少一道题"),
            format!("questionnaire \"{name}\" needs a name, options and at least one question"),
        ),
        EvidenceNeedsTitle => lang
            .pick("佐证材料需要标题", "evidence needs a title")
            .into(),
        NotKeyValue { assignment } => lang.pick(
            format!(
                "“{assignment}”不是 键=值 的形式；应如 score=3、na=\"原因\"、input.预算资金=540"
            ),
            format!(
                "`{assignment}` is not key=value; expected e.g. score=3, na=\"reason\", input.预算资金=540"
            ),
        ),
        NotANumber { what, text } => lang.pick(
            format!("{what} 应为数字，如 2.67，而不是“{text}”"),
            format!("{what} must be a number such as 2.67, not \"{text}\""),
        ),
        BadStatus { text } => lang.pick(
            format!("status 应为 未评、已评 或 已复核，而不是“{text}”"),
            format!("status must be 未评, 已评 or 已复核, not \"{text}\""),
        ),
        CannotReadFile {
            path,
            error,
            refusal,
        } => {
            let why = match refusal {
                Some(r) => super::files::read_refusal(r, lang),
                None => error.clone(),
            };
            lang.pick(
                format!("无法读取 {path}：{why}"),
                format!("cannot read {path}: {why}"),
            )
        }
        BadCheck { text } => lang.pick(
            format!(
                "checks 应为以逗号分隔的 是/否（true/false 或 1/0），按得分或缺项计的评价要点可填数字，而不是“{text}”"
            ),
            format!(
                "checks are true/false (or 1/0), or a number for a checkpoint with partial or per-item credit, separated by commas, not \"{text}\""
            ),
        ),
        BadInputValue { name, text } => lang.pick(
            format!("输入 {name} 应为数字、true/false 或日期 YYYY-MM-DD，而不是“{text}”"),
            format!(
                "input {name} must be a number, true/false or a date YYYY-MM-DD, not \"{text}\""
            ),
        ),
        UnknownField { field } => lang.pick(
            format!(
                "未知字段“{field}”；应为 score、na、unscorable、tier、status、justification、checks、input.名称、weight、name、code、explanation、formula、target、source 或 rule.参数"
            ),
            format!(
                "unknown field `{field}`; expected score, na, unscorable, tier, status, justification, checks, input.NAME, weight, name, code, explanation, formula, target, source or rule.KEY"
            ),
        ),
        ValueDoesNotFit { key, label } => lang.pick(
            format!("记录的值与字段“{label}”不符"),
            format!("the recorded value does not fit the field `{key}`"),
        ),
        EditByHand { path } => lang.pick(
            format!(
                "`{path}` 不是评分记录，请在文件中手工修改（改为对方的值），再按“我方”解决该冲突"
            ),
            format!(
                "`{path}` is not a recorded field; change it in the file by hand (to theirs' value), then resolve the conflict as ours"
            ),
        ),
        NoConflict { number } => lang.pick(
            format!("没有第 {number} 个合并冲突"),
            format!("there is no merge conflict number {number}"),
        ),
        ConflictOfOther {
            number,
            about,
            code,
        } => lang.pick(
            format!("第 {number} 个合并冲突属于 `{about}`，不是 `{code}`"),
            format!("merge conflict number {number} is about `{about}`, not `{code}`"),
        ),
        NotStructural => lang
            .pick(
                "不是结构冲突；请用“解决冲突”处理",
                "not a structural conflict; resolve it with the ResolveConflict edit",
            )
            .into(),
        StructuralNeedsToml => lang
            .pick(
                "结构冲突应记录 TOML 文本",
                "a structural conflict records TOML text",
            )
            .into(),
        TheirsNotToml { path, text } => lang.pick(
            format!("`{path}` 的对方值不是 TOML 值：{text}"),
            format!("theirs' value of `{path}` is not a TOML value: {text}"),
        ),
        CannotSet { path } => lang.pick(
            format!("无法在文件中设置 `{path}`，请手工修改"),
            format!("`{path}` cannot be set in this file; edit it by hand"),
        ),
        TheirsUnreadable { path, error } => lang.pick(
            format!("采用对方的 `{path}` 值后文件无法读取：{error}"),
            format!("theirs' value of `{path}` makes the file unreadable: {error}"),
        ),
        TreeOnProject
        | CodeNeeded
        | BadCode { .. }
        | CodeTaken { .. }
        | NegativeWeight { .. }
        | WeightTooLarge { .. }
        | NameNeeded
        | NameOneLine
        | ParentInside { .. }
        | ParentHasRecords { .. }
        | ConflictBeforeRemove { .. }
        | ConflictBeforeRecode { .. }
        | ScoreAboveNewWeight { .. }
        | RuleNotKeyValue { .. }
        | RuleNotTable { .. }
        | NotRuleParameter { .. }
        | BadRule { .. }
        | WouldBreakFile { .. }
        | NotIndicatorTables
        | NotIndicatorTable { .. }
        | RemovedUnreadable
        | CodeReused { .. }
        | NoFrameworkTable
        | NotTreeEdit
        | BadTotal { .. }
        | BadRounding { .. }
        | BadNaPolicy { .. }
        | BadPlaces { .. }
        | NotABand { .. }
        | BandMinNotNumber { .. }
        | NoBands
        | BandNeedsName
        | BandsRepeat { .. }
        | LowestBandNotZero
        | CheckpointMetOrNot { .. }
        | CheckpointAbove { .. }
        | CheckpointWholeCount { .. } => design(e, lang),
        NoParentToAddUnder { .. }
        | NotAChild { .. }
        | NotASibling { .. }
        | UpDownAmongSiblings
        | AlreadyFirst { .. }
        | AlreadyLast { .. }
        | MoveWhere
        | RenameWhat
        | WeightNotNumber { .. }
        | NoCriterion { .. }
        | SettingNotKeyValue { .. }
        | UnknownSetting { .. } => super::refusal_command::command_line(e, lang),
        FormNumber { text: t } => lang.pick(
            format!("应为数字，不能是“{t}”"),
            format!("a number, not `{t}`"),
        ),
        FormChoice { words, text: t } => lang.pick(
            format!("应为 {} 之一，不能是“{t}”", words.join("、")),
            format!("one of {}, not `{t}`", words.join(", ")),
        ),
        FormShare { text: t } => lang.pick(
            format!("应为分值的比例，如 0.05 或 1/3，不能是“{t}”"),
            format!("a share of the weight such as 0.05 or 1/3, not `{t}`"),
        ),
        FormLevel { text: t } => lang.pick(
            format!("档次写作 名称=分值（好=1）或 名称=*比例（较好=*0.8），不能是“{t}”"),
            format!("a level is name=points (好=1) or name=*share (较好=*0.8), not `{t}`"),
        ),
        FormBand { text: t } => lang.pick(
            format!("区间写作 下限=分值（90=4：90% 及以上得 4 分），不能是“{t}”"),
            format!("a band is min=points (90=4: from 90% up, 4 points), not `{t}`"),
        ),
        FormCheckpoint { text: t } => lang.pick(
            format!("评价要点写作分值（1）或 {{ points = 1, partial = true }}，不能是“{t}”"),
            format!(
                "a checkpoint is its points (1) or {{ points = 1, partial = true }}, not `{t}`"
            ),
        ),
    }
}

/// Refusals of designing the tree, of settings and of checkpoints' credit.
fn design(e: &EditError, lang: Lang) -> String {
    use EditError::*;
    match e {
        TreeOnProject => lang
            .pick(
                "指标体系的修改需在项目文件上进行",
                "a change of the indicator tree applies to a project file",
            )
            .into(),
        CodeNeeded => lang
            .pick("指标需要代码，如 A103", "an indicator needs a code, e.g. A103")
            .into(),
        BadCode { code } => lang.pick(
            format!("“{code}”不能作代码，应为不含空格和点的字母数字，如 A103"),
            format!(
                "`{code}` cannot be a code; expected letters and digits without spaces or dots, e.g. A103"
            ),
        ),
        CodeTaken { code } => lang.pick(
            format!("代码 `{code}` 已被使用，请换一个"),
            format!("the code `{code}` is already used; expected a new one"),
        ),
        NegativeWeight { weight } => {
            let w = plain(*weight);
            lang.pick(
                format!("分值不能为负数（{w}），应为 0 或以上"),
                format!("a weight cannot be negative ({w}); expected 0 or more points"),
            )
        }
        WeightTooLarge { max } => {
            let m = plain(*max);
            lang.pick(
                format!("分值过大，应不超过 {m}"),
                format!("that weight is too large; expected at most {m} points"),
            )
        }
        NameNeeded => lang.pick("指标需要名称", "an indicator needs a name").into(),
        NameOneLine => lang
            .pick(
                "名称只能有一行",
                "a name is one line; expected no line breaks",
            )
            .into(),
        ParentInside { parent: pc } => lang.pick(
            format!("{pc} 是要移动的指标本身或其下级，请选其外的上级指标"),
            format!("{pc} is the indicator being moved or under it; expected a parent outside it"),
        ),
        ParentHasRecords { parent: pc } => lang.pick(
            format!("{pc} 已有评分记录；上级指标的得分由下级加总，请先清除其记录"),
            format!(
                "{pc} has scores or records of its own; a parent's score is the sum of its children, so clear them first"
            ),
        ),
        ConflictBeforeRemove { conflicted, code } => lang.pick(
            format!("{conflicted} 有未解决的合并冲突，请先解决再删除 {code}"),
            format!("{conflicted} has a merge conflict recorded; resolve it before removing {code}"),
        ),
        ConflictBeforeRecode { code } => lang.pick(
            format!("{code} 有未解决的合并冲突，请先解决再修改代码"),
            format!("{code} has a merge conflict recorded; resolve it before changing the code"),
        ),
        ScoreAboveNewWeight { code, score } => {
            let s = plain(*score);
            lang.pick(
                format!("{code} 已记录得分 {s}，分值应不低于 {s}（或先清除得分）"),
                format!(
                    "{code} has a score of {s} recorded; expected a weight of at least {s} (or clear the score first)"
                ),
            )
        }
        RuleNotKeyValue { text: w } => lang.pick(
            format!("“{w}”不是 参数=值 的形式，如 kind=rate numerator=实际到位资金 denominator=预算资金"),
            format!(
                "`{w}` is not key=value; expected e.g. kind=rate numerator=实际到位资金 denominator=预算资金"
            ),
        ),
        RuleNotTable { text } => lang.pick(
            format!(
                "评分规则应为内联表，如 {{ kind = \"rate\", numerator = \"实际到位资金\", denominator = \"预算资金\" }}，而不是“{text}”"
            ),
            format!(
                "a rule is an inline table such as {{ kind = \"rate\", numerator = \"实际到位资金\", denominator = \"预算资金\" }}, not `{text}`"
            ),
        ),
        NotRuleParameter { key } => lang.pick(
            format!("“{key}”不是评分规则的参数，应为 rule.kind、rule.numerator 等（只有一层）"),
            format!("`{key}` is not a rule parameter; expected rule.kind, rule.numerator … (one level)"),
        ),
        BadRule { problem } => lang.pick(
            format!("评分规则有误：{}", problem.text(Lang::Zh)),
            problem.text(Lang::En),
        ),
        WouldBreakFile { problem } => lang.pick(
            format!("该修改会使文件无法读取：{}", problem.text(Lang::Zh)),
            format!(
                "the change would make the file unreadable: {}",
                problem.text(Lang::En)
            ),
        ),
        NotIndicatorTables => lang
            .pick(
                "该文件的指标不是以 [indicators.代码] 表的形式书写，请手工修改",
                "this file does not write its indicators as [indicators.CODE] tables; change the tree by hand",
            )
            .into(),
        NotIndicatorTable { code } => lang.pick(
            format!("`{code}` 不是以 [indicators.{code}] 表书写的，请手工修改"),
            format!("`{code}` is not written as an [indicators.{code}] table; change it by hand"),
        ),
        RemovedUnreadable => lang
            .pick(
                "无法读回已删除的指标",
                "the removed indicators cannot be read back",
            )
            .into(),
        CodeReused { code } => lang.pick(
            format!("代码 `{code}` 删除后已被重新使用，请先修改它"),
            format!("the code `{code}` is used again since it was removed; change that one first"),
        ),
        NoFrameworkTable => lang
            .pick(
                "该文件没有 [framework] 表",
                "this file has no [framework] table to change",
            )
            .into(),
        NotTreeEdit => lang
            .pick("不是对指标体系的修改", "not a change of the indicator tree")
            .into(),
        BadTotal { value } => lang.pick(
            format!("总分应为大于 0 的分数，如 100，而不是“{value}”"),
            format!("the total must be a number of points above 0, such as 100, not \"{value}\""),
        ),
        BadRounding { value } => lang.pick(
            format!("舍入方式为 half_up（四舍五入）或 truncate（截位），而不是“{value}”"),
            format!("rounding is half_up (四舍五入) or truncate (截位), not \"{value}\""),
        ),
        BadNaPolicy { value } => lang.pick(
            format!("不适用处理为 rebase（总分折算）或 redistribute（分配给同级），而不是“{value}”"),
            format!(
                "na_policy is rebase (re-base the total) or redistribute (to the siblings), not \"{value}\""
            ),
        ),
        BadPlaces { key, value, max } => lang.pick(
            format!("{}应为 0 到 {max} 的整数，而不是“{value}”", key.label()),
            format!(
                "{} is a whole number from 0 to {max}, not \"{value}\"",
                key.key()
            ),
        ),
        NotABand { part } => lang.pick(
            format!("“{part}”不是等级，应为“名称 下限”，如 优 90, 良 80, 中 60, 差 0"),
            format!("`{part}` is not a band; expected NAME MIN pairs such as 优 90, 良 80, 中 60, 差 0"),
        ),
        BandMinNotNumber { name, min } => lang.pick(
            format!("{name} 的下限应为数字，而不是“{min}”"),
            format!("the lower bound of {name} must be a number, not \"{min}\""),
        ),
        NoBands => lang
            .pick(
                "至少需要一个等级，如 优 90, 良 80, 中 60, 差 0",
                "at least one grade band is needed, e.g. 优 90, 良 80, 中 60, 差 0",
            )
            .into(),
        BandNeedsName => lang.pick("等级需要名称", "a grade band needs a name").into(),
        BandsRepeat { first, second } => lang.pick(
            format!("{first} 与 {second} 的名称或下限重复"),
            format!("{first} and {second} share a name or a lower bound; expected each once"),
        ),
        LowestBandNotZero => lang
            .pick(
                "最低等级的下限应为 0，否则低分没有等级",
                "the lowest band must start at 0, or a low total gets no grade",
            )
            .into(),
        CheckpointMetOrNot { number, value } => {
            let v = plain(*value);
            lang.pick(
                format!("第 {number} 个评价要点只判定是否达到，应为 是/否（1/0），不能是 {v}"),
                format!("checkpoint {number} is met or not; expected true/false (or 1/0), not {v}"),
            )
        }
        CheckpointAbove {
            number,
            value,
            points,
        } => {
            let (v, p) = (plain(*value), plain(*points));
            lang.pick(
                format!("第 {number} 个评价要点满分 {p} 分，应在 0–{p} 之间，不能是 {v}"),
                format!(
                    "checkpoint {number} awards 0 to {p}; expected a number in that range, not {v}"
                ),
            )
        }
        CheckpointWholeCount { number, value } => {
            let v = plain(*value);
            lang.pick(
                format!("第 {number} 个评价要点按缺项计扣，应为整数个数，不能是 {v}"),
                format!("checkpoint {number} counts shortcomings; expected a whole number, not {v}"),
            )
        }
        // Every variant is routed by `refusal` (an exhaustive match); one routed here without
        // words would be empty, which refusal_tests (every variant, both languages) catches.
        _ => String::new(),
    }
}
