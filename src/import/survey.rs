//! Reading a questionnaire platform's export (问卷星, 腾讯问卷) into a survey's tallies. Three
//! shapes are read, told apart by where the options' names stand:
//! - one row per respondent, one column per question, the chosen option's name in each cell
//!   (the "按文本" raw-data download);
//! - an already-tallied table, the options down the first column and a count column per
//!   question (the platform's per-question report: 选项 | 小计 | 比例);
//! - the same transposed: the options across the header row, a row per question.
//!
//! Questions are matched to the survey's by their text where the headers carry it, else in
//! order. A cell that is not an option (or not a count) is refused with its row and column.

use rust_decimal::Decimal;

use super::read::{Sheet, column_name};
use crate::model::{Question, Survey};
use crate::store::parse_decimal;

/// How the export was laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One row per respondent; `respondents` rows answered at least one question read.
    Respondents { respondents: usize },
    /// Options down the first column, counts per question in columns.
    Tallied,
    /// Options across the header, a row per question.
    Matrix,
}

/// The survey with the imported counts, and where each question's counts were read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub survey: Survey,
    pub shape: Shape,
    /// Per question of the survey: the column letter (or row number, for a matrix) and the
    /// header it was read from; `None` for a question the file did not hold.
    pub sources: Vec<Option<(String, String)>>,
}

/// Why an export cannot be read into the survey. Rows and columns are 1-based.
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyImportError {
    /// The file could not be read (the reader's own words).
    Read(String),
    Empty,
    /// A respondent's answer that is none of the options.
    NotAnOption {
        row: usize,
        column: usize,
        header: String,
        text: String,
        options: Vec<String>,
    },
    /// A tally cell that is not a count.
    NotACount {
        row: usize,
        column: usize,
        text: String,
    },
    /// The same option listed twice in a tallied table.
    OptionTwice {
        row: usize,
        option: String,
    },
    /// No column holds answers that are the survey's options.
    NoAnswers {
        options: Vec<String>,
    },
    /// The export has `found` questions, the survey `questions`.
    QuestionCount {
        found: usize,
        questions: usize,
    },
    /// `--question N` beyond the survey's questions.
    NoQuestion {
        number: usize,
        questions: usize,
    },
}

impl SurveyImportError {
    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::survey_import_error(self, lang)
    }
}

/// A cell with where it stands.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    row: usize,
    column: usize,
}

type Grid = Vec<Vec<Cell>>;

fn grid(sheet: &Sheet) -> Grid {
    sheet
        .rows
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| {
            r.cells
                .iter()
                .enumerate()
                .map(|(c, t)| Cell {
                    text: t.trim().to_string(),
                    row: r.number,
                    column: c + 1,
                })
                .collect()
        })
        .collect()
}

fn transpose(g: &Grid) -> Grid {
    let width = g.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|c| {
            g.iter()
                .map(|r| {
                    r.get(c).cloned().unwrap_or(Cell {
                        text: String::new(),
                        row: 0,
                        column: 0,
                    })
                })
                .collect()
        })
        .collect()
}

fn text(g: &Grid, r: usize, c: usize) -> &str {
    g.get(r)
        .and_then(|row| row.get(c))
        .map(|x| x.text.as_str())
        .unwrap_or("")
}

/// A header with its numbering and question-type marks taken off: "1、您对…（单选题）" → "您对…".
fn bare(header: &str) -> String {
    let t = header.trim();
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, 'Q' | 'q' | '.' | '、' | '．' | ':' | '：' | ' ')
    });
    let mut t = t.to_string();
    for mark in ["【单选题】", "(单选题)", "（单选题）", "[单选题]", "*"] {
        t = t.replace(mark, "");
    }
    t.trim().to_string()
}

/// Which question a header names: its text within the header or the header within its text.
fn question_named(s: &Survey, header: &str) -> Option<usize> {
    let h = bare(header);
    if h.is_empty() {
        return None;
    }
    s.questions.iter().position(|q| {
        let q = bare(&q.text);
        !q.is_empty() && (h.contains(&q) || q.contains(&h))
    })
}

fn is_ratio(header: &str) -> bool {
    ["比例", "占比", "百分比", "%", "ratio", "percent"]
        .iter()
        .any(|m| header.to_lowercase().contains(m))
}

fn option_index(s: &Survey, t: &str) -> Option<usize> {
    s.options.iter().position(|o| o.name == t)
}

/// Assigns the found columns (each with its header) to questions: by text, else in order;
/// `only` puts a single column on that question.
fn assign(
    s: &Survey,
    found: &[(usize, String)],
    only: Option<usize>,
) -> Result<Vec<(usize, usize)>, SurveyImportError> {
    let questions = s.questions.len();
    if let Some(q) = only {
        if q >= questions {
            return Err(SurveyImportError::NoQuestion {
                number: q + 1,
                questions,
            });
        }
        let named = found.iter().find(|(_, h)| question_named(s, h) == Some(q));
        return match (named, found) {
            (Some((c, _)), _) => Ok(vec![(*c, q)]),
            (None, [(c, _)]) => Ok(vec![(*c, q)]),
            _ => Err(SurveyImportError::QuestionCount {
                found: found.len(),
                questions: 1,
            }),
        };
    }
    let by_name: Vec<Option<usize>> = found.iter().map(|(_, h)| question_named(s, h)).collect();
    let mut named: Vec<usize> = by_name.iter().flatten().copied().collect();
    named.sort();
    named.dedup();
    if named.len() == questions && by_name.iter().flatten().count() == questions {
        return Ok(found
            .iter()
            .zip(&by_name)
            .filter_map(|((c, _), q)| q.map(|q| (*c, q)))
            .collect());
    }
    if found.len() == questions {
        return Ok(found
            .iter()
            .enumerate()
            .map(|(q, (c, _))| (*c, q))
            .collect());
    }
    Err(SurveyImportError::QuestionCount {
        found: found.len(),
        questions,
    })
}

/// Reads `sheet` into `s`'s tallies (its options and weights kept); `only` is a 0-based
/// question to fill from a file holding that one question.
pub fn read(sheet: &Sheet, s: &Survey, only: Option<usize>) -> Result<Imported, SurveyImportError> {
    let g = grid(sheet);
    if g.is_empty() {
        return Err(SurveyImportError::Empty);
    }
    let options_in = |cells: &[Cell]| {
        let mut seen: Vec<usize> = cells
            .iter()
            .filter_map(|c| option_index(s, &c.text))
            .collect();
        seen.sort();
        seen.dedup();
        seen.len()
    };
    // The options down a column: a tallied table.
    // Enough options to tell a table by, and a count beside (or under) them.
    let enough = |n: usize| n > 0 && n >= 2.min(s.options.len());
    let is_count = |t: &str| parse_decimal(t).is_some();
    let first_column: Vec<Cell> = g.iter().filter_map(|r| r.first().cloned()).collect();
    let counted_beside = g.iter().any(|r| {
        r.first()
            .is_some_and(|c| option_index(s, &c.text).is_some())
            && r.iter().skip(1).any(|c| is_count(&c.text))
    });
    if enough(options_in(&first_column)) && counted_beside {
        return tallied(&g, s, only, Shape::Tallied);
    }
    // The options across a row, counts under them: the transposed table.
    let counted_under = |h: usize| {
        g.get(h + 1).is_some_and(|next| {
            g[h].iter()
                .filter(|c| option_index(s, &c.text).is_some())
                .any(|c| next.get(c.column - 1).is_some_and(|x| is_count(&x.text)))
        })
    };
    if let Some(h) = (0..g.len()).find(|&h| enough(options_in(&g[h])) && counted_under(h)) {
        let t = transpose(&g[h..].to_vec());
        return tallied(&t, s, only, Shape::Matrix);
    }
    respondents(&g, s, only)
}

fn tallied(
    g: &Grid,
    s: &Survey,
    only: Option<usize>,
    shape: Shape,
) -> Result<Imported, SurveyImportError> {
    let option_rows: Vec<usize> = (0..g.len())
        .filter(|&r| option_index(s, text(g, r, 0)).is_some())
        .collect();
    let first = option_rows.first().copied().unwrap_or(0);
    // The header: the row above the options, when there is one.
    let header = |c: usize| {
        if first > 0 {
            text(g, first - 1, c).to_string()
        } else {
            String::new()
        }
    };
    let width = option_rows.iter().map(|&r| g[r].len()).max().unwrap_or(0);
    let found: Vec<(usize, String)> = (1..width)
        .filter(|&c| !is_ratio(&header(c)))
        .filter(|&c| {
            option_rows.iter().any(|&r| {
                let t = text(g, r, c);
                !t.is_empty() && !t.contains('%')
            })
        })
        .map(|c| (c, header(c)))
        .collect();
    let pairs = assign(s, &found, only)?;
    let mut survey = s.clone();
    let mut seen = vec![false; s.options.len()];
    for &r in &option_rows {
        let Some(o) = option_index(s, text(g, r, 0)) else {
            continue;
        };
        if std::mem::replace(&mut seen[o], true) {
            return Err(SurveyImportError::OptionTwice {
                row: g[r][0].row,
                option: s.options[o].name.clone(),
            });
        }
    }
    for &(_, q) in &pairs {
        survey.questions[q].counts = vec![Decimal::ZERO; s.options.len()];
    }
    for &(c, q) in &pairs {
        for &r in &option_rows {
            let Some(o) = option_index(s, text(g, r, 0)) else {
                continue;
            };
            let cell = g[r].get(c);
            let t = cell.map(|x| x.text.as_str()).unwrap_or("");
            if t.is_empty() {
                continue;
            }
            let n = parse_decimal(t).filter(|n| *n >= Decimal::ZERO && n.fract().is_zero());
            let Some(n) = n else {
                let cell = cell.cloned().unwrap_or(Cell {
                    text: String::new(),
                    row: 0,
                    column: 0,
                });
                return Err(SurveyImportError::NotACount {
                    row: cell.row,
                    column: cell.column,
                    text: t.to_string(),
                });
            };
            survey.questions[q].counts[o] = n;
        }
    }
    let mut sources = vec![None; s.questions.len()];
    for &(c, q) in &pairs {
        let at = g[first].get(c);
        let place = match (shape, at) {
            (Shape::Matrix, Some(x)) => x.row.to_string(),
            (_, Some(x)) => column_name(x.column),
            _ => String::new(),
        };
        sources[q] = Some((place, header(c)));
    }
    Ok(Imported {
        survey,
        shape,
        sources,
    })
}

fn respondents(g: &Grid, s: &Survey, only: Option<usize>) -> Result<Imported, SurveyImportError> {
    let header = &g[0];
    let data = &g[1..];
    let options: Vec<String> = s.options.iter().map(|o| o.name.clone()).collect();
    // A column a question's header names may hold the options' numbers (问卷星's "按选项序号"
    // download: 1 = the first option); elsewhere a number is a 序号 or a time, not an answer.
    let named = |c: usize| question_named(s, &header[c].text).is_some();
    let answer = |c: usize, t: &str| {
        option_index(s, t).or_else(|| {
            let n: usize = t.parse().ok()?;
            (named(c) && (1..=s.options.len()).contains(&n)).then(|| n - 1)
        })
    };
    // A question's column: its header names a question, or most of its answers are options.
    let found: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|(c, _)| {
            let answers: Vec<&str> = data
                .iter()
                .map(|r| r.get(*c).map(|x| x.text.as_str()).unwrap_or(""))
                .filter(|t| !t.is_empty())
                .collect();
            let hits = answers.iter().filter(|t| answer(*c, t).is_some()).count();
            (named(*c) && hits > 0) || hits * 2 > answers.len().max(1)
        })
        .map(|(c, h)| (c, h.text.clone()))
        .collect();
    if found.is_empty() {
        return Err(SurveyImportError::NoAnswers { options });
    }
    let pairs = assign(s, &found, only)?;
    let mut survey = s.clone();
    for &(_, q) in &pairs {
        survey.questions[q].counts = vec![Decimal::ZERO; s.options.len()];
    }
    let mut respondents = 0;
    for r in data {
        let mut answered = false;
        for &(c, q) in &pairs {
            let Some(cell) = r.get(c).filter(|x| !x.text.is_empty()) else {
                continue;
            };
            let Some(o) = answer(c, &cell.text) else {
                return Err(SurveyImportError::NotAnOption {
                    row: cell.row,
                    column: cell.column,
                    header: header[c].text.clone(),
                    text: cell.text.clone(),
                    options,
                });
            };
            survey.questions[q].counts[o] += Decimal::ONE;
            answered = true;
        }
        respondents += usize::from(answered);
    }
    let mut sources = vec![None; s.questions.len()];
    for &(c, q) in &pairs {
        sources[q] = Some((column_name(header[c].column), header[c].text.clone()));
    }
    Ok(Imported {
        survey,
        shape: Shape::Respondents { respondents },
        sources,
    })
}

/// A survey to import into when the leaf has none: `options` as `非常满意=100,满意=80,…`, one
/// question per answered column (filled in by `read`).
pub fn new_survey(name: &str, options: &str) -> Option<Survey> {
    let mut out = Vec::new();
    for part in options.split([',', '，']) {
        let (n, w) = part.split_once(['=', '＝'])?;
        let w = parse_decimal(w.trim().trim_end_matches('%'))?;
        if n.trim().is_empty() || w < Decimal::ZERO {
            return None;
        }
        out.push(crate::model::SurveyOption {
            name: n.trim().to_string(),
            weight: w,
        });
    }
    (!out.is_empty()).then(|| Survey {
        name: name.to_string(),
        options: out,
        questions: Vec::new(),
        combine: Default::default(),
    })
}

/// For a new survey: one question per column (or row) of answers or counts, so `read` has
/// questions to match. Their texts are the headers.
pub fn with_questions_from(sheet: &Sheet, s: &Survey) -> Survey {
    let blank = Question {
        text: String::new(),
        counts: vec![Decimal::ZERO; s.options.len()],
        weight: None,
    };
    // `read` matches questions in order when the numbers agree: the first number it takes.
    for n in 1..=200 {
        let probe = Survey {
            questions: vec![blank.clone(); n],
            ..s.clone()
        };
        match read(sheet, &probe, None) {
            Ok(i) => {
                let mut out = s.clone();
                out.questions = i
                    .sources
                    .iter()
                    .map(|src| Question {
                        text: src.as_ref().map(|(_, h)| bare(h)).unwrap_or_default(),
                        ..blank.clone()
                    })
                    .collect();
                return out;
            }
            Err(SurveyImportError::QuestionCount { .. }) => continue,
            Err(_) => break,
        }
    }
    Survey {
        questions: vec![blank],
        ..s.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::parse_csv;
    use crate::model::SurveyOption;

    fn survey(questions: &[&str]) -> Survey {
        let opt = |n: &str, w: i64| SurveyOption {
            name: n.into(),
            weight: Decimal::from(w),
        };
        Survey {
            name: "满意度".into(),
            options: vec![
                opt("非常满意", 100),
                opt("满意", 80),
                opt("一般", 60),
                opt("不满意", 0),
            ],
            questions: questions
                .iter()
                .map(|t| Question {
                    text: t.to_string(),
                    counts: vec![Decimal::ZERO; 4],
                    weight: None,
                })
                .collect(),
            combine: Default::default(),
        }
    }

    fn sheet(csv: &str) -> Sheet {
        Sheet {
            name: String::new(),
            rows: parse_csv(csv),
        }
    }

    fn counts(i: &Imported, q: usize) -> Vec<String> {
        i.survey.questions[q]
            .counts
            .iter()
            .map(|c| c.to_string())
            .collect()
    }

    #[test]
    fn respondent_rows_are_tallied_by_question_text_whatever_the_column_order() {
        let csv = "序号,提交答卷时间,2、您对服务效果是否满意,1、您对服务态度是否满意（单选题）\n\
                   1,2023/10/1,满意,非常满意\n\
                   2,2023/10/1,非常满意,非常满意\n\
                   3,2023/10/1,,一般\n\
                   4,2023/10/1,不满意,满意\n";
        let i = read(
            &sheet(csv),
            &survey(&["您对服务态度是否满意", "您对服务效果是否满意"]),
            None,
        )
        .unwrap();
        assert_eq!(i.shape, Shape::Respondents { respondents: 4 });
        assert_eq!(counts(&i, 0), ["2", "1", "1", "0"]);
        // An unanswered question is not counted for it.
        assert_eq!(counts(&i, 1), ["1", "1", "0", "1"]);
        assert_eq!(i.sources[0].as_ref().unwrap().0, "D");
    }

    #[test]
    fn a_named_question_column_may_hold_the_options_numbers() {
        let csv = "序号,1、您对服务态度是否满意\n1,1\n2,2\n3,1\n4,4\n";
        let i = read(&sheet(csv), &survey(&["您对服务态度是否满意"]), None).unwrap();
        assert_eq!(counts(&i, 0), ["2", "1", "0", "1"]);
        let bad = "序号,1、您对服务态度是否满意\n1,1\n2,5\n";
        assert!(matches!(
            read(&sheet(bad), &survey(&["您对服务态度是否满意"]), None),
            Err(SurveyImportError::NotAnOption {
                row: 3,
                column: 2,
                ..
            })
        ));
    }

    #[test]
    fn an_answer_that_is_no_option_is_refused_at_its_cell() {
        let csv = "序号,1、您对服务态度是否满意\n1,非常满意\n2,很满意\n";
        let e = read(&sheet(csv), &survey(&["您对服务态度是否满意"]), None).unwrap_err();
        assert_eq!(
            e,
            SurveyImportError::NotAnOption {
                row: 3,
                column: 2,
                header: "1、您对服务态度是否满意".into(),
                text: "很满意".into(),
                options: vec![
                    "非常满意".into(),
                    "满意".into(),
                    "一般".into(),
                    "不满意".into()
                ],
            }
        );
        let en = e.text(crate::lang::Lang::En);
        assert!(en.starts_with("row 3, column 2 (B3)"), "{en}");
    }

    #[test]
    fn a_tallied_table_skips_its_ratio_column_and_total_row() {
        let csv = "选项,小计,比例\n非常满意,150,75%\n满意,40,20%\n一般,7,3.5%\n不满意,3,1.5%\n本题有效填写人次,200,\n";
        let i = read(&sheet(csv), &survey(&["您对服务态度是否满意"]), None).unwrap();
        assert_eq!(i.shape, Shape::Tallied);
        assert_eq!(counts(&i, 0), ["150", "40", "7", "3"]);
        // Two questions, one column: which one must be said.
        let two = survey(&["甲", "乙"]);
        assert!(matches!(
            read(&sheet(csv), &two, None),
            Err(SurveyImportError::QuestionCount {
                found: 1,
                questions: 2
            })
        ));
        let i = read(&sheet(csv), &two, Some(1)).unwrap();
        assert_eq!(counts(&i, 1), ["150", "40", "7", "3"]);
        assert!(i.sources[0].is_none());
    }

    #[test]
    fn a_count_that_is_not_a_number_is_refused_at_its_cell() {
        let csv = "选项,小计\n非常满意,150\n满意,四十\n一般,7\n不满意,3\n";
        let e = read(&sheet(csv), &survey(&["q"]), None).unwrap_err();
        assert_eq!(
            e,
            SurveyImportError::NotACount {
                row: 3,
                column: 2,
                text: "四十".into()
            }
        );
    }

    #[test]
    fn options_across_the_header_read_a_row_per_question() {
        let csv = "题目,非常满意,满意,一般,不满意\n您对服务态度是否满意,150,40,7,3\n您对服务效果是否满意,50,50,0,0\n";
        let i = read(
            &sheet(csv),
            &survey(&["您对服务态度是否满意", "您对服务效果是否满意"]),
            None,
        )
        .unwrap();
        assert_eq!(i.shape, Shape::Matrix);
        assert_eq!(counts(&i, 0), ["150", "40", "7", "3"]);
        assert_eq!(counts(&i, 1), ["50", "50", "0", "0"]);
        assert_eq!(i.sources[1].as_ref().unwrap().0, "3");
    }

    #[test]
    fn a_new_survey_takes_its_questions_from_the_answered_columns() {
        let s = new_survey("满意度", "非常满意=100,满意=80，一般=60,不满意=0").unwrap();
        assert_eq!(s.options[2].weight, Decimal::from(60));
        assert!(new_survey("满意度", "非常满意").is_none());
        let csv = "序号,1、服务态度,2、服务效果\n1,满意,一般\n2,非常满意,满意\n";
        let s = with_questions_from(&sheet(csv), &s);
        assert_eq!(s.questions.len(), 2);
        assert_eq!(s.questions[0].text, "服务态度");
        let i = read(&sheet(csv), &s, None).unwrap();
        assert_eq!(counts(&i, 1), ["0", "1", "1", "0"]);
        let tallied = "选项,服务态度,服务效果\n非常满意,5,6\n满意,1,0\n一般,0,0\n不满意,0,0\n";
        let t = with_questions_from(
            &sheet(tallied),
            &new_survey("满意度", "非常满意=100,满意=80,一般=60,不满意=0").unwrap(),
        );
        assert_eq!(t.questions.len(), 2);
        assert_eq!(t.questions[1].text, "服务效果");
        assert_eq!(
            counts(&read(&sheet(tallied), &t, None).unwrap(), 1),
            ["6", "0", "0", "0"]
        );
    }
}
