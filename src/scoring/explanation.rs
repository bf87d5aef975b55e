use rust_decimal::Decimal;

/// One line of a score's explanation, in the order a report would give it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Which rule applies, in words.
    Rule(String),
    /// A value the rule read.
    Input { name: String, value: String },
    /// One line of arithmetic: `资金到位率 = 1040 ÷ 1580 = 65.82%`.
    Calc(String),
    /// A finding that cost points.
    Deduction { points: Decimal, reason: String },
    /// Anything else worth saying (a cap applied, a veto, an awarded score that differs).
    Note(String),
    /// The rule cannot be computed (无法计算), and why.
    CannotCompute(super::ScoreError),
}

impl Step {
    pub fn text(&self, places: u32) -> String {
        match self {
            Step::Rule(s) | Step::Calc(s) | Step::Note(s) => s.clone(),
            Step::Input { name, value } => format!("{name} = {value}"),
            // Explanations are report text: in the report's language (Chinese).
            Step::CannotCompute(e) => format!(
                "无法计算：{}",
                crate::lang::score_error(e, crate::lang::Lang::Zh)
            ),
            Step::Deduction { points, reason } => {
                let reason = if reason.trim().is_empty() {
                    "（未写明扣分原因）"
                } else {
                    reason.trim()
                };
                format!(
                    "扣 {} 分：{reason}",
                    super::rounding::fixed(*points, places)
                )
            }
        }
    }
}
