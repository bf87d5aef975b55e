//! Reading a leaf's 评分标准 for the plain rules firms write again and again ("按比率得分",
//! "≥95%得满分，否则不得分", "每发现一处扣0.5分，扣完为止", "每降低5%扣2分", "好/较好/一般/差",
//! "完全…得满分，部分…得1分，未…不得分"), and turning them into the rule kind with its
//! parameters.
//!
//! [`PHRASES`] is the table: each phrase has an id, an example as sheets write it, and the
//! reader that recognises it; the first that recognises a text wins, so the specific ones come
//! first. Text none of them recognises stays text (the leaf keeps the default deductions rule)
//! and the importer says so. A rule read here is marked `from_text` (`origin = "text"` in the
//! file) until someone checks it.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::rule_levels::{checkpoints, complete_partial_none, grades, judgement, level, levels};
use crate::model::{CompareOp, Fraction, Measure, Rule, RuleKind, ThresholdMiss};
use crate::store::parse_decimal;

/// What the reader knows about a leaf.
#[derive(Debug, Clone, Copy)]
pub struct LeafText<'a> {
    pub name: &'a str,
    pub weight: Decimal,
    /// 评分标准 lines.
    pub criteria: &'a [String],
    /// 计算公式 ("资金到位率=实际到位资金/预算资金×100%"), when the sheet has one.
    pub formula: &'a str,
    /// 目标值 ("≥95%").
    pub target: &'a str,
}

/// One recognised phrase.
pub struct Phrase {
    pub id: &'static str,
    /// How a sheet writes it (each has a unit test).
    pub example: &'static str,
    read: fn(&Ctx) -> Option<RuleKind>,
}

/// The phrases, most specific first.
pub const PHRASES: &[Phrase] = &[
    Phrase {
        id: "per_step",
        example: "资金到位率≥95%得满分，每降低5%扣2分，扣完为止",
        read: per_step,
    },
    Phrase {
        id: "linear",
        example: "成本控制率≤100%，得满分；≥120%，不得分；100%—120%之间按比例得分",
        read: linear,
    },
    Phrase {
        id: "hybrid",
        example: "完成率达到100%，得满分；60%（含）—100%，按“完成率×分值”计算得分；低于60%，不得分",
        read: hybrid,
    },
    Phrase {
        id: "bands",
        example: "≥90%得4分；80%-90%得3分；70%-80%得2分；70%以下不得分",
        read: bands,
    },
    Phrase {
        id: "threshold",
        example: "完成率≥95%得满分，否则不得分",
        read: threshold,
    },
    Phrase {
        id: "per_finding",
        example: "每发现一处问题扣0.5分，扣完为止",
        read: per_finding,
    },
    Phrase {
        id: "grades",
        example: "评价为好得4分，较好得3分，一般得2分，差得0分",
        read: grades,
    },
    Phrase {
        id: "complete_partial_none",
        example: "完全符合得满分，部分符合得1分，未符合不得分",
        read: complete_partial_none,
    },
    Phrase {
        id: "checkpoints",
        example: "①制度健全（1分）；\n②执行有效（1分）",
        read: checkpoints,
    },
    Phrase {
        id: "rate",
        example: "按比率得分：得分=资金到位率×分值",
        read: rate,
    },
    Phrase {
        id: "reach",
        example: "达到目标得满分，否则不得分",
        read: reach,
    },
    Phrase {
        id: "levels",
        example: "职能明确得2分；有文件但不明确得1分；没有得0分",
        read: levels,
    },
    Phrase {
        id: "judgement",
        example: "根据实际情况酌情得0-2分",
        read: judgement,
    },
];

/// The rule the 评分标准 states, marked as read from the text, and the phrase that read it.
pub fn read(leaf: &LeafText) -> Option<(Rule, &'static str)> {
    let mut ctx = Ctx::new(leaf);
    // "存在截留、挪用等情况的，本指标不得分" is a veto beside the rule, not a part of it.
    let veto = veto(&mut ctx);
    if ctx.text.is_empty() {
        return None;
    }
    PHRASES.iter().find_map(|p| {
        (p.read)(&ctx).map(|kind| {
            let mut rule = Rule {
                kind,
                veto: veto.clone().into_iter().collect(),
                from_text: true,
                ..Rule::default()
            };
            // "≥90%得2分" on a 3-point leaf: the rule's full marks are 2.
            if let Some(m) = ctx.full_points().filter(|m| *m < leaf.weight)
                && matches!(
                    rule.kind,
                    RuleKind::Threshold { .. } | RuleKind::Rate { .. } | RuleKind::PerPoint { .. }
                )
            {
                rule.max = Some(m);
            }
            (rule, p.id)
        })
    })
}

pub(super) struct Ctx<'a> {
    pub(super) leaf: &'a LeafText<'a>,
    /// The criteria joined and normalised: half-width digits and punctuation, ≥/≤ for the words
    /// that mean them, no spaces.
    pub(super) text: String,
    pub(super) lines: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(leaf: &'a LeafText<'a>) -> Ctx<'a> {
        // A formula line that is a scoring rule ("得分=完成率×分值") is read with the criteria.
        let lines: Vec<String> = std::iter::once(&leaf.formula.to_string())
            .chain(leaf.criteria.iter())
            .map(|l| normalize(l))
            .filter(|l| !l.is_empty())
            .collect();
        Ctx {
            leaf,
            text: lines.join(";"),
            lines,
        }
    }

    /// What the measured rules read: the formula's ratio, else a rate the text or the name says.
    fn measure(&self) -> Option<Measure> {
        for f in [self.leaf.formula.to_string()]
            .into_iter()
            .chain(self.lines.iter().cloned())
        {
            if let Some(m) = ratio_of(&normalize(&f)) {
                return Some(m);
            }
        }
        if let Some(m) = RATE_TIMES.captures(&self.text) {
            let name = strip_prefixes(&m[1]);
            if !matches!(name, "比率" | "比例" | "率") {
                return Some(Measure::Value(name.to_string()));
            }
        }
        let name = normalize(self.leaf.name);
        if name.ends_with(['率', '度']) {
            return Some(Measure::Value(name));
        }
        RATE_WORD
            .captures_iter(&self.text)
            .map(|c| strip_prefixes(c.get(1).map_or("", |m| m.as_str())).to_string())
            .find(|n| !matches!(n.as_str(), "比率" | "比例" | "率" | "比例率"))
            .map(Measure::Value)
    }

    /// "≥95%", "达到95%", "95%以上" in the text, else in the 目标值.
    fn at_least(&self) -> Option<Decimal> {
        find_limit(&self.text, &AT_LEAST).or_else(|| {
            let t = normalize(self.leaf.target);
            find_limit(&t, &AT_LEAST).or_else(|| {
                t.strip_suffix('%')
                    .and_then(|n| dec(n.trim_start_matches('>')))
            })
        })
    }

    /// "得2分" where full marks are meant ("≥90%得2分").
    fn full_points(&self) -> Option<Decimal> {
        FULL_POINTS.captures(&self.text).and_then(|c| dec(&c[1]))
    }
}

/// A veto clause: "存在截留、挤占、挪用等情况的，本指标不得分", "发生规模性返贫的，本指标不得分",
/// "存在④所列情况的，实行一票否决". It is taken out of the text; its name is the boolean input
/// that zeroes the leaf ("截留挤占挪用", "发生规模性返贫"; a checkpoint it points to is looked up).
fn veto(c: &mut Ctx) -> Option<String> {
    static VETO: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:一旦|如|若)?(存在|发生|出现)([^;。]{1,40}?)(?:等)?(?:情况|问题|行为|事件)?的?,?(?:实行|予以)?(?:一票否决|(?:本|该)(?:指标|项)不得分)[^;。]*",
        )
    });
    static CHECKPOINT_THING: LazyLock<Regex> =
        LazyLock::new(|| re(r"存在([^;。]{1,40}?)等?(?:情况|问题|行为)"));
    let m = VETO.captures(&c.text)?;
    let verb = m[1].to_string();
    let mut what = m[2].trim_end_matches(['等', '的']).to_string();
    if let Some(mark) = what.chars().find(|ch| ('①'..='⑳').contains(ch)) {
        let line = c.lines.iter().find(|l| l.starts_with(mark))?;
        what = CHECKPOINT_THING.captures(line)?[1].to_string();
    }
    let name: String = what
        .chars()
        .filter(|ch| !matches!(ch, ',' | '、' | '“' | '”' | '"' | '等' | ' '))
        .collect();
    if name.is_empty() {
        return None;
    }
    let range = m.get(0)?.range();
    c.text.replace_range(range, "");
    Some(if verb == "存在" {
        name
    } else {
        format!("{verb}{name}")
    })
}

const NUM: &str = r"(\d+(?:\.\d+)?)";

pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace("NUM", NUM)).expect("the phrase patterns are valid")
}

static AT_LEAST: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:≥|达到|>)NUM%|NUM%(?:及|或)?以上|不低于NUM%"));
static AT_MOST: LazyLock<Regex> = LazyLock::new(|| re(r"(?:≤|<)NUM%|NUM%(?:及|或)?以[内下]"));
static FULL_POINTS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:≥|达到|>)\d+(?:\.\d+)?%[^;。,否]*?得NUM分"));
static RATE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"([\p{Han}A-Za-z]{1,12}?[率度])"));

fn find_limit(text: &str, pattern: &Regex) -> Option<Decimal> {
    let c = pattern.captures(text)?;
    c.iter().skip(1).flatten().find_map(|m| dec(m.as_str()))
}

fn strip_prefixes(s: &str) -> &str {
    let mut s = s;
    for p in [
        "否则", "按照", "根据", "按", "以", "其", "则", "得分=", "即",
    ] {
        s = s.strip_prefix(p).unwrap_or(s);
    }
    s
}

/// Half-width digits and punctuation, no spaces, ≥ and ≤ for the words that mean them.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c),
            '％' => '%',
            '（' => '(',
            '）' => ')',
            '，' | '、' => ',',
            '；' => ';',
            '：' => ':',
            '．' => '.',
            '＝' => '=',
            '＞' => '>',
            '＜' => '<',
            '*' | '＊' => '×',
            '÷' | '／' => '/',
            '～' | '~' | '—' | '–' | '至' => '-',
            c if c.is_whitespace() => continue,
            c => c,
        };
        out.push(c);
    }
    for (from, to) in [
        (">=", "≥"),
        ("<=", "≤"),
        ("大于等于", "≥"),
        ("大于或等于", "≥"),
        ("高于或等于", "≥"),
        ("不低于", "≥"),
        ("不少于", "≥"),
        ("小于等于", "≤"),
        ("小于或等于", "≤"),
        ("不高于", "≤"),
        ("不超过", "≤"),
        ("一个百分点", "1个百分点"),
        ("百分之", ""),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// "资金到位率=(实际到位资金/预算资金)×100%" → the ratio of two inputs.
fn ratio_of(formula: &str) -> Option<Measure> {
    let (_, rhs) = formula.split_once('=')?;
    let rhs = rhs
        .trim_end_matches(['。', ';', '.'])
        .trim_end_matches("×100%")
        .replace(['(', ')', '[', ']', '【', '】'], "");
    let (a, b) = rhs.split_once('/')?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() && !c.is_ascii_digit() || c == '_')
    };
    (ok(a) && ok(b)).then(|| Measure::Ratio {
        numerator: a.to_string(),
        denominator: b.to_string(),
    })
}

/// A number of the text, within what the file format accepts (|x| ≤ 10^15).
pub(super) fn dec(s: &str) -> Option<Decimal> {
    parse_decimal(s).filter(|d| d.abs() <= Decimal::from(1_000_000_000_000_000_i64))
}

/// Points or a share of the weight: "2分" → points, "5%" → 0.05 of the weight.
enum Amount {
    Points(Decimal),
    Share(Fraction),
}

fn amount(n: &str, unit: &str) -> Option<Amount> {
    let d = dec(n)?;
    Some(if unit == "%" {
        Amount::Share(Fraction::whole(d / Decimal::ONE_HUNDRED))
    } else {
        Amount::Points(d)
    })
}

/// "每降低5%扣2分", "每低1个百分点扣权重的5%", "每超出1%扣0.5分".
fn per_step(c: &Ctx) -> Option<RuleKind> {
    static STEP: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"每(降低|下降|减少|低于?|少|超出|超过|增加|提高|高于?)NUM?(?:%|个百分点|百分点)[^;。]*?扣(?:除)?(权重的|分值的)?NUM(分|%)",
        )
    });
    let m = STEP.captures(&c.text)?;
    let above = matches!(&m[1], "超出" | "超过" | "增加" | "提高" | "高" | "高于");
    let step = m
        .get(2)
        .and_then(|s| dec(s.as_str()))
        .unwrap_or(Decimal::ONE);
    let threshold = if above {
        find_limit(&c.text, &AT_MOST).unwrap_or(Decimal::ONE_HUNDRED)
    } else {
        c.at_least().unwrap_or(Decimal::ONE_HUNDRED)
    };
    let (deduct, deduct_fraction) = match amount(&m[4], &m[5])? {
        Amount::Points(p) if m.get(3).is_none() => (Some(p), None),
        Amount::Points(_) => return None,
        Amount::Share(f) => (None, Some(f)),
    };
    Some(RuleKind::PerPoint {
        measure: c.measure()?,
        threshold,
        deduct,
        deduct_fraction,
        step,
        steps: Default::default(),
        above,
        tolerance: Decimal::ZERO,
    })
}

/// "≥95%得满分，否则不得分 / 否则按比例得分 / 否则得分=完成率×分值 / 否则得1分", and the upper
/// bound "≤100%得满分，超出不得分".
fn threshold(c: &Ctx) -> Option<RuleKind> {
    static FULL: LazyLock<Regex> = LazyLock::new(|| re(r"得满分|得NUM分"));
    // The bound of the clause that earns full marks says the direction: "≤100%，得满分；＞100%…".
    static FULL_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(≥|>|达到|≤|<)NUM%[^;。]*?得(?:满分|\d)|NUM%(?:及|或)?(以上|以内|以下)[^;。]*?得(?:满分|\d)",
        )
    });
    let t = &c.text;
    let (op, limit) = match FULL_CLAUSE.captures(t) {
        Some(m) => {
            let (word, n) = match m.get(1) {
                Some(w) => (w.as_str(), &m[2]),
                None => (&m[4], &m[3]),
            };
            let op = if matches!(word, "≤" | "<" | "以内" | "以下") {
                CompareOp::AtMost
            } else {
                CompareOp::AtLeast
            };
            (op, dec(n)?)
        }
        None => match (find_limit(t, &AT_LEAST), find_limit(t, &AT_MOST)) {
            (Some(l), _) => (CompareOp::AtLeast, l),
            (None, Some(l)) => (CompareOp::AtMost, l),
            _ => return None,
        },
    };
    FULL.find(t)?;
    // Several clauses with their own points are bands (or something else), not a threshold.
    static POINTS: LazyLock<Regex> = LazyLock::new(|| re(r"得NUM分"));
    if POINTS.find_iter(t).count() > 1 {
        return None;
    }
    static ELSE_POINTS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:否则|未达到|低于|以下)[^;。]*?得NUM分"));
    let otherwise = if t.contains("按比例")
        || t.contains("按比率") && !t.contains("×")
        || PROPORTIONAL_EXPR.is_match(t)
    {
        ThresholdMiss::Proportional
    } else if RATE_TIMES.is_match(t) {
        ThresholdMiss::Rate
    } else if let Some(p) = ELSE_POINTS.captures(t).and_then(|m| dec(&m[1])) {
        ThresholdMiss::Points(p)
    } else if t.contains("不得分") {
        ThresholdMiss::Points(Decimal::ZERO)
    } else {
        return None;
    };
    Some(RuleKind::Threshold {
        measure: c.measure()?,
        op,
        limit,
        otherwise,
    })
}

/// "完成率÷90%×分值", "100%÷控制率×分值": the measure against the limit, proportionally.
static PROPORTIONAL_EXPR: LazyLock<Regex> =
    LazyLock::new(|| re(r"[率度]/NUM%×|NUM%/[^;。]{1,14}?[率度]×"));

/// "资金到位率×分值": the rate's name is captured.
static RATE_TIMES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"([\p{Han}A-Za-z]{0,12}[率度])×(?:该|本)?(?:指标)?(?:分值|权重|满分|标准分|总分)")
});

/// "≤100%得满分；≥120%不得分；之间按比例": full marks at one bound, none at the other, a
/// straight line between (either direction).
fn linear(c: &Ctx) -> Option<RuleKind> {
    static FULL: LazyLock<Regex> = LazyLock::new(|| re(r"[≤≥]NUM%[^;。]*?得满分"));
    static ZERO: LazyLock<Regex> = LazyLock::new(|| re(r"[≤≥]NUM%[^;。]*?不得分"));
    if !(c.text.contains("按比例") || c.text.contains("线性")) {
        return None;
    }
    let full_at = FULL.captures(&c.text).and_then(|m| dec(&m[1]))?;
    let zero_at = ZERO.captures(&c.text).and_then(|m| dec(&m[1]))?;
    (full_at != zero_at).then_some(())?;
    Some(RuleKind::Linear {
        measure: c.measure()?,
        full_at,
        zero_at,
    })
}

/// "达到100%得满分；60%—100%按完成率×分值；低于60%不得分": full above, proportional between,
/// nothing below the floor.
fn hybrid(c: &Ctx) -> Option<RuleKind> {
    static FLOOR: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:低于|<|不足)NUM%[^;。]*?不得分|NUM%以下[^;。]*?不得分"));
    let full = find_limit(&c.text, &AT_LEAST)?;
    FULL_MARKS.find(&c.text)?;
    let floor = find_limit(&c.text, &FLOOR)?;
    let between = c.text.contains("按比例")
        || RATE_TIMES.is_match(&c.text)
        || PROPORTIONAL_EXPR.is_match(&c.text);
    (between && floor < full).then_some(())?;
    Some(RuleKind::Hybrid {
        measure: c.measure()?,
        full,
        floor,
    })
}

static FULL_MARKS: LazyLock<Regex> = LazyLock::new(|| re(r"得满分"));

/// "≥90%得4分；80%-90%得3分；70%以下不得分": fixed points per band, the lowest band's floor
/// implied.
fn bands(c: &Ctx) -> Option<RuleKind> {
    static BAND: LazyLock<Regex> = LazyLock::new(|| re(r"NUM%[^;。]*?(?:得满分|得NUM分)"));
    let mut bands: Vec<(Decimal, Decimal)> = Vec::new();
    for clause in c.text.split([';', '。']) {
        if clause.contains("以下") || clause.contains("低于") || clause.contains('<') {
            continue;
        }
        let Some(m) = BAND.captures(clause) else {
            continue;
        };
        let points = match m.get(2) {
            Some(p) => dec(p.as_str())?,
            None => c.leaf.weight,
        };
        bands.push((dec(&m[1])?, points));
    }
    // Higher bands earn more; "＜5%得3分；5%—10%得2分" (lower is better) is not a bands rule.
    let distinct = bands
        .windows(2)
        .all(|w| w[0].0 > w[1].0 && w[0].1 >= w[1].1);
    (bands.len() >= 2 && distinct).then_some(RuleKind::Bands {
        measure: c.measure()?,
        bands,
    })
}

/// "每发现一处问题扣0.5分，扣完为止", "每有一项不规范扣权重的10%".
fn per_finding(c: &Ctx) -> Option<RuleKind> {
    static FIND: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"每(?:发现|有|出现|存在|缺少?|少|漏)?(?:一|1)?(?:处|项|次|个|例|份|笔|条|家|人次|户)[^;。]*?扣(?:除)?(权重的|分值的)?NUM(分|%)",
        )
    });
    let m = FIND.captures(&c.text)?;
    let (per_item, fraction) = match amount(&m[2], &m[3])? {
        Amount::Points(p) if m.get(1).is_none() => (Some(p), None),
        Amount::Points(_) => return None,
        Amount::Share(f) => (None, Some(f)),
    };
    Some(RuleKind::Deductions {
        per_item,
        fraction,
        groups: Vec::new(),
    })
}

/// "按比率得分", "得分=资金到位率×分值".
fn rate(c: &Ctx) -> Option<RuleKind> {
    let said =
        c.text.contains("按比率") || c.text.contains("按比例") || RATE_TIMES.is_match(&c.text);
    if !said || AT_LEAST.is_match(&c.text) {
        return None;
    }
    Some(RuleKind::Rate {
        measure: c.measure()?,
        cap: true,
    })
}

/// "达到目标得满分，否则不得分": a threshold when the 目标值 is a percentage and there is a rate to
/// measure, otherwise two levels (达到 / 未达到).
fn reach(c: &Ctx) -> Option<RuleKind> {
    static REACH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:达到|完成|实现|达标)[^;。]*?得满分[^。]*?(?:否则|未达到|未完成|未实现|未达标)[^;。]*?不得分",
        )
    });
    if !REACH.is_match(&c.text) {
        return None;
    }
    if let (Some(limit), Some(measure)) = (c.at_least(), c.measure()) {
        return Some(RuleKind::Threshold {
            measure,
            op: CompareOp::AtLeast,
            limit,
            otherwise: ThresholdMiss::Points(Decimal::ZERO),
        });
    }
    Some(RuleKind::Levels {
        levels: vec![
            level("达到", (None, Some(Fraction::whole(Decimal::ONE)))),
            level("未达到", (Some(Decimal::ZERO), None)),
        ],
    })
}

#[cfg(test)]
#[path = "rule_text_tests.rs"]
mod tests;
