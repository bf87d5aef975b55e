use rust_decimal::Decimal;

/// How leaf scores are cut to the framework's decimal places (四舍五入 or 截位).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    #[default]
    HalfUp,
    Truncate,
}

impl Rounding {
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half_up",
            Rounding::Truncate => "truncate",
        }
    }
}

/// What happens to the weight of a leaf marked 不适用.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NaPolicy {
    /// The total is re-based: total × Σscore ÷ (total − N/A weight).
    #[default]
    Rebase,
    /// The N/A weight goes to the scored siblings, in proportion to their weights.
    Redistribute,
}

impl NaPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            NaPolicy::Rebase => "rebase",
            NaPolicy::Redistribute => "redistribute",
        }
    }
}

/// The `[framework]` table: which indicator system this is and its arithmetic policies.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    /// The rule the system follows, e.g. 财预〔2020〕10号.
    pub basis: String,
    /// The base total (usually 100).
    pub total: Decimal,
    pub rounding: Rounding,
    pub places: u32,
    pub na_policy: NaPolicy,
    /// Decimal places measured percentages are rounded to before a rule reads them (a rule's
    /// own `rate_places` wins); `None` = exact.
    pub rate_places: Option<u32>,
}

impl Default for FrameworkInfo {
    fn default() -> Self {
        FrameworkInfo {
            id: String::new(),
            name: String::new(),
            version: String::new(),
            basis: String::new(),
            total: Decimal::ONE_HUNDRED,
            rounding: Rounding::HalfUp,
            places: 2,
            na_policy: NaPolicy::Rebase,
            rate_places: None,
        }
    }
}

/// One grade band (评价等级): the total reaches `name` when it is at least `min`.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeBand {
    pub name: String,
    pub min: Decimal,
}
