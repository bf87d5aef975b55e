//! The vocabulary of merging (合并): which recorded field of an indicator two versions changed,
//! its value on each side, and a conflict left in the file when nobody was there to choose
//! (git's merge driver). The merge engine, the `[[conflicts]]` records of the file format and
//! the edit that resolves one all speak in these values; text is made from them only when
//! shown.

use rust_decimal::Decimal;

use super::{Assessment, Deduction, Evidence, InputValue, Review, Status};

/// Which version of a merged field: ours (the one being saved, git's `%A`) or theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    pub fn parse(text: &str) -> Option<Side> {
        match text {
            "ours" | "我方" => Some(Side::Ours),
            "theirs" | "对方" => Some(Side::Theirs),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        }
    }
}

/// The longest question text a conflict's label repeats (in characters).
const SHORT_QUESTION: usize = 16;

/// One recorded field of a leaf, of an adjustment item, or (for what no edit changes) of the
/// file. List items carry their index in the list they sit in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Score,
    Input(String),
    Checks,
    Tier,
    Na,
    Unscorable,
    Justification,
    Status,
    Deduction(usize),
    Evidence(usize),
    Review(usize),
    /// A 加减分项's points and reason, together.
    Adjustment,
    /// One year's figure of a per-year input (全周期): the input's name and the year.
    Year(String, String),
    /// One count of a questionnaire's tally: the survey's name, the question and the option
    /// (0-based, in the order of the survey's `options`).
    SurveyCount {
        survey: String,
        question: usize,
        option: usize,
    },
    /// A part no edit can change (a weight, a name, the tree, the framework …): its dotted TOML
    /// path, such as `indicators.B101.weight`.
    Structure(String),
}

impl Field {
    /// The Chinese label used in change lists and messages ("得分", "扣分", the input's name).
    pub fn label(&self) -> String {
        match self {
            Field::Score => "得分".into(),
            Field::Input(name) => name.clone(),
            Field::Checks => "评价要点".into(),
            Field::Tier => "档次".into(),
            Field::Na => "不适用".into(),
            Field::Unscorable => "无法评分".into(),
            Field::Justification => "评价说明".into(),
            Field::Status => "状态".into(),
            Field::Deduction(i) => format!("扣分第{}条", i + 1),
            Field::Evidence(i) => format!("佐证材料第{}条", i + 1),
            Field::Review(i) => format!("复核意见第{}条", i + 1),
            Field::Adjustment => "加减分".into(),
            Field::Year(name, year) => format!("{name} {year}年"),
            Field::SurveyCount {
                survey,
                question,
                option,
            } => format!("{survey}第{}题第{}项", question + 1, option + 1),
            Field::Structure(path) => path.clone(),
        }
    }

    /// The label, naming what only the leaf's record can tell: a survey count's option, and
    /// its question's text when short — "满意度 第1题（服务态度）“满意”人数", not
    /// "满意度第1题第2项". `a` is the record of the conflict's leaf (None: `label`).
    pub fn label_in(&self, a: Option<&Assessment>) -> String {
        let Field::SurveyCount {
            survey,
            question,
            option,
        } = self
        else {
            return self.label();
        };
        let Some(s) = a.and_then(|a| a.survey(survey)) else {
            return self.label();
        };
        let Some(o) = s.options.get(*option) else {
            return self.label();
        };
        // A long question text would swamp the line; its number still says which.
        let text = s
            .questions
            .get(*question)
            .map(|q| q.text.trim())
            .filter(|t| !t.is_empty() && t.chars().count() <= SHORT_QUESTION);
        match text {
            Some(t) => format!("{survey} 第{}题（{t}）“{}”人数", question + 1, o.name),
            None => format!("{survey} 第{}题“{}”人数", question + 1, o.name),
        }
    }

    /// The `field` key of a `[[conflicts]]` record (`score`, `input.预算资金`, `deductions` …).
    pub fn key(&self) -> String {
        match self {
            Field::Score => "score".into(),
            Field::Input(name) => format!("input.{name}"),
            Field::Checks => "checks".into(),
            Field::Tier => "tier".into(),
            Field::Na => "na".into(),
            Field::Unscorable => "unscorable".into(),
            Field::Justification => "justification".into(),
            Field::Status => "status".into(),
            Field::Deduction(_) => "deductions".into(),
            Field::Evidence(_) => "evidence".into(),
            Field::Review(_) => "reviews".into(),
            Field::Adjustment => "adjustment".into(),
            // The input's name may hold dots; the year, last, never does.
            Field::Year(name, year) => format!("year.{name}.{year}"),
            Field::SurveyCount {
                survey,
                question,
                option,
            } => format!("survey.{survey}.{}.{}", question + 1, option + 1),
            Field::Structure(_) => "structure".into(),
        }
    }

    /// The inverse of `key`; list fields and structure take their index or path separately.
    pub fn from_key(key: &str, index: Option<usize>, path: Option<&str>) -> Option<Field> {
        Some(match key {
            "score" => Field::Score,
            "checks" => Field::Checks,
            "tier" => Field::Tier,
            "na" => Field::Na,
            "unscorable" => Field::Unscorable,
            "justification" => Field::Justification,
            "status" => Field::Status,
            "deductions" => Field::Deduction(index?),
            "evidence" => Field::Evidence(index?),
            "reviews" => Field::Review(index?),
            "adjustment" => Field::Adjustment,
            "structure" => Field::Structure(path?.to_string()),
            k if k.starts_with("year.") => {
                let (name, year) = k["year.".len()..].rsplit_once('.')?;
                if name.is_empty() || year.is_empty() {
                    return None;
                }
                Field::Year(name.into(), year.into())
            }
            k if k.starts_with("survey.") => {
                let (rest, option) = k["survey.".len()..].rsplit_once('.')?;
                let (survey, question) = rest.rsplit_once('.')?;
                let number = |t: &str| t.parse::<usize>().ok().filter(|&n| n >= 1).map(|n| n - 1);
                if survey.is_empty() {
                    return None;
                }
                Field::SurveyCount {
                    survey: survey.into(),
                    question: number(question)?,
                    option: number(option)?,
                }
            }
            k => Field::Input(k.strip_prefix("input.").filter(|n| !n.is_empty())?.into()),
        })
    }

    /// The index of a list item field.
    pub fn index(&self) -> Option<usize> {
        match self {
            Field::Deduction(i) | Field::Evidence(i) | Field::Review(i) => Some(*i),
            _ => None,
        }
    }

    /// The field's value in a leaf's record; `None` is "not recorded" (absent, empty).
    pub fn read(&self, a: &Assessment) -> Option<FieldValue> {
        let text = |s: &Option<String>| s.clone().map(FieldValue::Text);
        match self {
            Field::Score => a.score.map(FieldValue::Score),
            Field::Input(name) => a.input(name).cloned().map(FieldValue::Input),
            Field::Checks => (!a.checks.is_empty()).then(|| FieldValue::Checks(a.checks.clone())),
            Field::Tier => text(&a.tier),
            Field::Na => text(&a.na),
            Field::Unscorable => text(&a.unscorable),
            Field::Justification => {
                (!a.justification.is_empty()).then(|| FieldValue::Text(a.justification.clone()))
            }
            Field::Status => Some(FieldValue::Status(a.status)),
            Field::Deduction(i) => a.deductions.get(*i).cloned().map(FieldValue::Deduction),
            Field::Evidence(i) => a.evidence.get(*i).cloned().map(FieldValue::Evidence),
            Field::Review(i) => a.reviews.get(*i).cloned().map(FieldValue::Review),
            Field::Year(name, year) => a
                .yearly_input(name)
                .and_then(|y| y.get(year))
                .map(FieldValue::Number),
            Field::SurveyCount {
                survey,
                question,
                option,
            } => a
                .survey(survey)
                .and_then(|s| s.questions.get(*question))
                .and_then(|q| q.counts.get(*option))
                .copied()
                .map(FieldValue::Number),
            Field::Adjustment | Field::Structure(_) => None,
        }
    }
}

/// A year as per-year inputs write it: four digits (`2020`).
pub fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A field's value, typed: shown by `Display` in the words of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Score(Decimal),
    Input(InputValue),
    /// A year's figure, a questionnaire count.
    Number(Decimal),
    Checks(Vec<super::Check>),
    /// Tier, 不适用 and 无法评分 reasons, the justification.
    Text(String),
    Status(Status),
    Deduction(Deduction),
    Evidence(Evidence),
    Review(Review),
    Adjustment {
        points: Option<Decimal>,
        reason: String,
    },
    /// A structural value as TOML text (`4`, `"资金到位率"`, `{ kind = "rate", … }`).
    Toml(String),
}

/// Scores read as reports print them: at least two places (`2.00`), more when written so.
pub fn score_text(d: Decimal) -> String {
    if d.scale() < 2 {
        crate::scoring::rounding::fixed(d, 2)
    } else {
        d.to_string()
    }
}

/// Long texts are cut for one-line messages; the full text is in the file.
fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = one_line.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

impl std::fmt::Display for FieldValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::scoring::rounding::plain;
        match self {
            FieldValue::Score(d) => f.write_str(&score_text(*d)),
            FieldValue::Input(v) => write!(f, "{v}"),
            FieldValue::Number(n) => f.write_str(&plain(*n)),
            FieldValue::Checks(c) => {
                let marks: Vec<String> = c
                    .iter()
                    .map(|c| match c {
                        super::Check::Met(true) => "是".to_string(),
                        super::Check::Met(false) => "否".to_string(),
                        super::Check::Number(n) => plain(*n),
                    })
                    .collect();
                f.write_str(&marks.join("、"))
            }
            FieldValue::Text(t) => f.write_str(&short(t)),
            FieldValue::Status(s) => f.write_str(s.label()),
            FieldValue::Deduction(d) => {
                match (d.points, d.count) {
                    (Some(p), _) => write!(f, "扣 {} 分", plain(p))?,
                    (None, Some(c)) => write!(f, "扣 {} 次", plain(c))?,
                    (None, None) => f.write_str("扣分")?,
                }
                write!(f, " {}", short(&d.reason))
            }
            FieldValue::Evidence(e) => write!(f, "{}", short(&e.title)),
            FieldValue::Review(r) => write!(
                f,
                "{}{} {}",
                r.by,
                if r.approved { "（通过）" } else { "" },
                short(&r.text)
            ),
            FieldValue::Adjustment { points, reason } => {
                match points {
                    Some(p) => write!(f, "{} 分", plain(*p))?,
                    None => f.write_str("—")?,
                }
                if !reason.is_empty() {
                    write!(f, " {}", short(reason))?;
                }
                Ok(())
            }
            FieldValue::Toml(t) => f.write_str(t),
        }
    }
}

/// `—` for a value that is not recorded.
pub fn show(v: Option<&FieldValue>) -> String {
    v.map_or_else(|| "—".to_string(), FieldValue::to_string)
}

/// A conflict left in the file by a merge nobody watched (`[[conflicts]]`): the field keeps
/// ours' value until someone resolves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictRecord {
    /// The indicator or adjustment item; empty for a structural conflict outside both.
    pub code: String,
    pub field: Field,
    pub ours: Option<FieldValue>,
    pub theirs: Option<FieldValue>,
    /// Who or which branch each side is (git's `%X`/`%Y` or a user name); may be empty.
    pub label_ours: String,
    pub label_theirs: String,
}

impl ConflictRecord {
    pub fn value(&self, side: Side) -> Option<&FieldValue> {
        match side {
            Side::Ours => self.ours.as_ref(),
            Side::Theirs => self.theirs.as_ref(),
        }
    }
}
