use rust_decimal::Decimal;

/// A questionnaire (问卷调查 / 满意度调查) recorded on a leaf: per-question answer tallies, each
/// option weighted (非常满意 100%, 满意 80% …). Its rate is read by rules as a value named
/// `name`, like any input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Survey {
    /// The name rules read the resulting rate by (`value = "满意度"`).
    pub name: String,
    pub options: Vec<SurveyOption>,
    pub questions: Vec<Question>,
    pub combine: Combine,
}

/// An answer option and its weight in percent (满意 = 80).
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyOption {
    pub name: String,
    pub weight: Decimal,
}

/// One question and how many respondents chose each option, in the order of `options`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Question {
    pub text: String,
    pub counts: Vec<Decimal>,
    /// The question's weight when questions are `weighted`.
    pub weight: Option<Decimal>,
}

/// How the questions' rates make the survey's rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Combine {
    /// The mean of the questions' rates (各题满意度的平均值).
    #[default]
    Mean,
    /// Weighted by each question's `weight`.
    Weighted,
    /// All answers pooled: Σ(count × option weight) ÷ Σ respondents.
    Respondents,
}

/// A figure given per year (全周期评价: `预算资金 = { 2019 = 500, 2020 = 540 }`).
#[derive(Debug, Clone, PartialEq)]
pub struct Yearly {
    pub name: String,
    /// (year as written, value), in the order written.
    pub years: Vec<(String, Decimal)>,
}

impl Yearly {
    pub fn total(&self) -> Decimal {
        self.years.iter().map(|(_, v)| *v).sum()
    }

    pub fn get(&self, year: &str) -> Option<Decimal> {
        self.years.iter().find(|(y, _)| y == year).map(|(_, v)| *v)
    }
}
