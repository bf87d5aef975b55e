use rust_decimal::Decimal;

/// A leaf's scoring rule (评分标准) as data: its kind and the veto inputs that zero it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rule {
    pub kind: RuleKind,
    /// Names of boolean inputs; any of them true scores the leaf 0 (一票否决).
    pub veto: Vec<String>,
}

/// Where the percentage of a measured rule comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// numerator ÷ denominator × 100%, both input names.
    Ratio {
        numerator: String,
        denominator: String,
    },
    /// An input already expressed in percent.
    Value(String),
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
    pub fraction: Option<Decimal>,
}

impl Level {
    pub fn points_of(&self, weight: Decimal) -> Decimal {
        self.fraction.map_or(self.points, |f| f * weight)
    }
}

/// The kinds of scoring rule real reports use (see docs/format.md for each one's meaning).
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    /// Start from full marks, subtract each finding; floor at 0.
    Deductions {
        per_item: Option<Decimal>,
        fraction: Option<Decimal>,
        groups: Vec<DeductionGroup>,
    },
    /// The evaluator sets the score within a range (酌情得分).
    Judgement {
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
    /// Points per 评价要点 met.
    Checkpoints { points: Vec<Decimal> },
    /// Exactly one described level applies.
    Levels { levels: Vec<Level> },
    /// rate × weight, capped at full marks unless `cap` is false.
    Rate { measure: Measure, cap: bool },
    /// All or nothing at a threshold.
    Threshold {
        measure: Measure,
        at_least: Decimal,
        otherwise: Decimal,
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
    /// A deduction per percentage point below the threshold.
    PerPoint {
        measure: Measure,
        threshold: Decimal,
        deduct: Option<Decimal>,
        deduct_fraction: Option<Decimal>,
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
