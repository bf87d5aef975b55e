use rust_decimal::Decimal;

/// A leaf's scoring rule (评分标准) as data: its kind and the veto inputs that zero it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rule {
    pub kind: RuleKind,
    /// Names of boolean inputs; any of them true scores the leaf 0 (一票否决).
    pub veto: Vec<String>,
    /// The rule's own full marks when they are below the leaf's weight ("≥90%得2分" on a 3-point
    /// leaf): the rule scales this instead of the weight, and `check` says full marks are
    /// unreachable.
    pub max: Option<Decimal>,
    /// Decimal places the measured percentage is rounded to before the rule reads it (a report
    /// writes 93% and applies the rule to 93, not to 92.985). Falls back to the framework's.
    pub rate_places: Option<u32>,
    /// The unit of a measure that is not a percentage ("人", "个百分点"); `None` = "%".
    pub unit: Option<String>,
    /// How a ratio of per-year inputs is taken: over the summed years, or the mean of the
    /// yearly ratios.
    pub years: YearMode,
    /// Read by `jixiao import` from the 评分标准 text (`origin = "text"` in the file): shown as
    /// "read from the text, check it" until someone confirms it by removing the key.
    pub from_text: bool,
    /// A rule the report never prints, rebuilt by the evaluators from the report's figures
    /// (`origin = "reconstructed"`): said in the explanation and the workbench, and kept.
    pub reconstructed: bool,
}

/// 全周期: a ratio over the summed years (default) or the mean of each year's ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearMode {
    #[default]
    Sum,
    Mean,
}

/// An exact share such as 1/3 ("扣权重的1/3"), kept as a quotient so that 3 × 1/3 is 1, not
/// 0.9999 (a decimal written as a share is `n/1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    pub num: Decimal,
    pub den: Decimal,
}

impl Fraction {
    pub fn whole(d: Decimal) -> Fraction {
        Fraction {
            num: d,
            den: Decimal::ONE,
        }
    }

    /// `x` × this share, multiplying before dividing so a whole multiple stays exact.
    pub fn of(self, x: Decimal) -> Decimal {
        let product = x.checked_mul(self.num).unwrap_or(Decimal::MAX);
        if self.den == Decimal::ONE || self.den.is_zero() {
            product
        } else {
            product / self.den
        }
    }

    pub fn is_quotient(self) -> bool {
        self.den != Decimal::ONE
    }
}

impl std::fmt::Display for Fraction {
    /// `1/3` as written, a plain decimal share as `0.05`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_quotient() {
            write!(f, "{}/{}", self.num.normalize(), self.den.normalize())
        } else {
            write!(f, "{}", self.num.normalize())
        }
    }
}

/// Where the percentage of a measured rule comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// numerator ÷ denominator × 100%, both input names.
    Ratio {
        numerator: String,
        denominator: String,
    },
    /// An input already expressed in percent (or in the rule's `unit`), or an expression over
    /// inputs in the formula language: `本年执行率 - 上年执行率` (a difference), `(本年 - 上年) ÷
    /// 上年 × 100` (a growth).
    Value(String),
}

impl Measure {
    /// The input names the measure reads, in order.
    pub fn inputs(&self) -> Vec<String> {
        match self {
            Measure::Ratio {
                numerator,
                denominator,
            } => vec![numerator.clone(), denominator.clone()],
            Measure::Value(v) => match crate::scoring::formula::parse(v) {
                Ok(e) => {
                    let mut names = Vec::new();
                    e.names(&mut names);
                    names
                }
                Err(_) => vec![v.clone()],
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    AtLeast,
    AtMost,
    Equal,
    /// On or before a date.
    By,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::AtLeast => ">=",
            CompareOp::AtMost => "<=",
            CompareOp::Equal => "=",
            CompareOp::By => "by",
        }
    }

    pub fn parse(text: &str) -> Option<CompareOp> {
        match text {
            ">=" | "≥" => Some(CompareOp::AtLeast),
            "<=" | "≤" => Some(CompareOp::AtMost),
            "=" | "==" => Some(CompareOp::Equal),
            "by" => Some(CompareOp::By),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetValue {
    Number(Decimal),
    Date(String),
}

/// A sub-cap inside one leaf ("缺一次扣0.1分，共1分").
#[derive(Debug, Clone, PartialEq)]
pub struct DeductionGroup {
    pub name: String,
    pub cap: Decimal,
}

/// A described situation with fixed points ("有文件但不明确得0.5分"), or a grade 好/较好/一般/差.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub name: String,
    pub points: Decimal,
    /// Points as a share of the leaf's weight (好 = 1, 较好 = 0.8 …); wins over `points`, and
    /// follows the weight when 不适用 weight is redistributed.
    pub fraction: Option<Fraction>,
}

impl Level {
    pub fn points_of(&self, weight: Decimal) -> Decimal {
        self.fraction.map_or(self.points, |f| f.of(weight))
    }
}

/// One 评价要点 of a `checkpoints` rule: its points and how they are earned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checkpoint {
    pub points: Decimal,
    pub credit: Credit,
}

/// How a checkpoint's points are earned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Credit {
    /// Met: all the points; not met: none ("①…得 1 分").
    Whole,
    /// The evaluator awards 0 to the points ("部分达到酌情得分").
    Partial,
    /// Each shortcoming found costs this many points, down to 0 ("每缺一项扣 0.2 分，扣完为止").
    PerItem(Decimal),
}

impl Checkpoint {
    pub fn whole(points: Decimal) -> Checkpoint {
        Checkpoint {
            points,
            credit: Credit::Whole,
        }
    }
}

/// The kinds of scoring rule real reports use (see docs/format.md for each one's meaning).
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    /// Start from full marks, subtract each finding; floor at 0.
    Deductions {
        per_item: Option<Decimal>,
        fraction: Option<Fraction>,
        groups: Vec<DeductionGroup>,
    },
    /// The evaluator sets the score within a range (酌情得分).
    Judgement {
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
    /// Points per 评价要点 met (each with its own credit: all or nothing, partial, per item).
    Checkpoints { points: Vec<Checkpoint> },
    /// Exactly one described level applies.
    Levels { levels: Vec<Level> },
    /// rate × weight, capped at full marks unless `cap` is false.
    Rate { measure: Measure, cap: bool },
    /// Full marks when the measure is on the right side of a limit (`at_least`: ≥, `at_most`:
    /// ≤, "超出不得分"); otherwise what `otherwise` says.
    Threshold {
        measure: Measure,
        op: CompareOp,
        limit: Decimal,
        otherwise: ThresholdMiss,
    },
    /// Fixed points per band (min in %).
    Bands {
        measure: Measure,
        bands: Vec<(Decimal, Decimal)>,
    },
    /// Full at the threshold, measure ÷ threshold × weight below it.
    Proportional {
        measure: Measure,
        threshold: Decimal,
    },
    /// Full at `full`, proportional down to `floor`, zero below.
    Hybrid {
        measure: Measure,
        full: Decimal,
        floor: Decimal,
    },
    /// A deduction per step (default one percentage point) below — or above — the threshold,
    /// beyond an optional dead band ("±1%以内视为持平").
    PerPoint {
        measure: Measure,
        threshold: Decimal,
        deduct: Option<Decimal>,
        deduct_fraction: Option<Fraction>,
        /// The size of one step in the measure's unit ("每降低5%" = 5).
        step: Decimal,
        /// How a part step counts.
        steps: StepCount,
        /// Deduct for the measure above the threshold ("每超出1%") instead of below.
        above: bool,
        /// A dead band: a shortfall up to this much costs nothing; only what lies beyond it does.
        tolerance: Decimal,
    },
    /// Straight line between full marks at `full_at` and zero at `zero_at`.
    Linear {
        measure: Measure,
        full_at: Decimal,
        zero_at: Decimal,
    },
    /// A planned value with a direction against the actual one.
    Target {
        actual: String,
        op: CompareOp,
        target: TargetValue,
        otherwise: TargetMiss,
    },
    /// A formula over the leaf's inputs.
    Formula { expr: String },
    /// One sub-rule or the other, depending on a boolean input.
    Branch {
        when: String,
        then: Box<Rule>,
        otherwise: Box<Rule>,
    },
}

/// What a missed threshold earns.
#[derive(Debug, Clone, PartialEq)]
pub enum ThresholdMiss {
    /// Fixed points ("否则不得分" = 0).
    Points(Decimal),
    /// rate × full marks ("否则得分=完成率×分值").
    Rate,
    /// measure ÷ limit × full marks (limit ÷ measure for an upper bound).
    Proportional,
}

/// How a step rule counts a part step: 按比例 (pro rata, the default), 不足一档不扣 (whole steps
/// only) or 不足一档按一档扣 (every started step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StepCount {
    #[default]
    ProRata,
    Whole,
    Started,
}

/// What a missed target earns.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetMiss {
    Points(Decimal),
    Proportional,
}

impl Default for RuleKind {
    fn default() -> Self {
        RuleKind::Deductions {
            per_item: None,
            fraction: None,
            groups: Vec::new(),
        }
    }
}

impl RuleKind {
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::Deductions { .. } => "deductions",
            RuleKind::Judgement { .. } => "judgement",
            RuleKind::Checkpoints { .. } => "checkpoints",
            RuleKind::Levels { .. } => "levels",
            RuleKind::Rate { .. } => "rate",
            RuleKind::Threshold { .. } => "threshold",
            RuleKind::Bands { .. } => "bands",
            RuleKind::Proportional { .. } => "proportional",
            RuleKind::Hybrid { .. } => "hybrid",
            RuleKind::PerPoint { .. } => "per_point",
            RuleKind::Linear { .. } => "linear",
            RuleKind::Target { .. } => "target",
            RuleKind::Formula { .. } => "formula",
            RuleKind::Branch { .. } => "branch",
        }
    }

    /// The Chinese name evaluators use for this kind of rule.
    pub fn label(&self) -> &'static str {
        match self {
            RuleKind::Deductions { .. } => "逐项扣分",
            RuleKind::Judgement { .. } => "酌情评分",
            RuleKind::Checkpoints { .. } => "评价要点计分",
            RuleKind::Levels { .. } => "分档评分",
            RuleKind::Rate { .. } => "比率×分值",
            RuleKind::Threshold { .. } => "达标得分",
            RuleKind::Bands { .. } => "区间计分",
            RuleKind::Proportional { .. } => "按比例得分",
            RuleKind::Hybrid { .. } => "分段按比例得分",
            RuleKind::PerPoint { .. } => "每降低1个百分点扣分",
            RuleKind::Linear { .. } => "区间内线性计分",
            RuleKind::Target { .. } => "目标值比较",
            RuleKind::Formula { .. } => "公式计分",
            RuleKind::Branch { .. } => "条件分支",
        }
    }
}
