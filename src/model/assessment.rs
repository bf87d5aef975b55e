use rust_decimal::Decimal;

/// Where a leaf stands in the evaluation: 未评 / 已评 / 已复核.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Unscored,
    Scored,
    Reviewed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Unscored, Status::Scored, Status::Reviewed];

    pub fn label(self) -> &'static str {
        match self {
            Status::Unscored => "未评",
            Status::Scored => "已评",
            Status::Reviewed => "已复核",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        match text {
            "未评" | "unscored" => Some(Status::Unscored),
            "已评" | "scored" => Some(Status::Scored),
            "已复核" | "reviewed" => Some(Status::Reviewed),
            _ => None,
        }
    }
}

/// A named value a rule reads (实际到位资金 = 1040, 截留挪用 = false, 完成日期 = 2023-11-20).
#[derive(Debug, Clone, PartialEq)]
pub enum InputValue {
    Number(Decimal),
    Flag(bool),
    /// A date as written (YYYY-MM-DD), compared as text, which orders ISO dates correctly.
    Date(String),
}

impl std::fmt::Display for InputValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputValue::Number(d) => write!(f, "{}", d.normalize()),
            InputValue::Flag(true) => f.write_str("是"),
            InputValue::Flag(false) => f.write_str("否"),
            InputValue::Date(d) => f.write_str(d),
        }
    }
}

/// One finding that costs points (扣分点), with the reason the report gives.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deduction {
    /// Points written explicitly.
    pub points: Option<Decimal>,
    /// Occurrences, multiplied by the rule's per-item amount ("每有一处扣0.5分").
    pub count: Option<Decimal>,
    pub reason: String,
    /// The sub-cap group of the rule this finding counts against.
    pub group: Option<String>,
    /// Titles of the leaf's evidence items this finding rests on.
    pub evidence: Vec<String>,
}

/// 佐证材料: a document, voucher, survey or site-visit note, and where to find it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evidence {
    pub title: String,
    pub at: String,
    pub note: String,
}

/// A reviewer's comment (复核意见).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Review {
    pub by: String,
    pub at: String,
    pub text: String,
    pub approved: bool,
}

/// What the evaluator recorded for one 评价要点: met or not, or a number. The number means what
/// the checkpoint's credit says: the points awarded for partial credit ("部分达到得 0.5 分"), or
/// the shortcomings found where each costs points ("每缺一项扣 0.2 分").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    Met(bool),
    Number(Decimal),
}

impl Check {
    /// The value as written in the file and typed on the command line: `true`, `false` or a number.
    pub fn text(self) -> String {
        match self {
            Check::Met(b) => b.to_string(),
            Check::Number(n) => crate::scoring::rounding::plain(n),
        }
    }
}

/// Everything an evaluator records on one leaf.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assessment {
    pub status: Status,
    /// The judged score of a judgement leaf, or the awarded score of any other leaf.
    pub score: Option<Decimal>,
    pub inputs: Vec<(String, InputValue)>,
    pub deductions: Vec<Deduction>,
    pub checks: Vec<Check>,
    pub tier: Option<String>,
    /// 不适用, with its reason.
    pub na: Option<String>,
    /// Not scorable (data not provided), with its reason.
    pub unscorable: Option<String>,
    pub justification: String,
    pub evidence: Vec<Evidence>,
    pub reviews: Vec<Review>,
    /// A rate (in %) the report states for this leaf, to be recomputed.
    pub stated_rate: Option<Decimal>,
    /// Inputs given per year (`预算资金 = { 2019 = 500, 2020 = 540 }`); a rule reads their sum,
    /// or per year with `years = "mean"`.
    pub yearly: Vec<super::Yearly>,
    /// Questionnaires whose rates rules read by name.
    pub surveys: Vec<super::Survey>,
}

impl Assessment {
    pub fn input(&self, name: &str) -> Option<&InputValue> {
        self.inputs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn yearly_input(&self, name: &str) -> Option<&super::Yearly> {
        self.yearly.iter().find(|y| y.name == name)
    }

    pub fn survey(&self, name: &str) -> Option<&super::Survey> {
        self.surveys.iter().find(|s| s.name == name)
    }

    /// Whether anything has been recorded that makes this leaf count as scored.
    pub fn has_record(&self) -> bool {
        self.status != Status::Unscored
            || self.score.is_some()
            || !self.deductions.is_empty()
            || !self.inputs.is_empty()
            || !self.yearly.is_empty()
            || !self.surveys.is_empty()
            || !self.checks.is_empty()
            || self.tier.is_some()
            || self.na.is_some()
            || self.unscorable.is_some()
    }
}
