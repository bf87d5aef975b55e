use std::path::Path;

use rust_decimal::Decimal;
use toml_edit::{Document, TableLike, Value};

use super::SourceMap;
use super::fields::Reader;
use super::load_rule::read_rule;
use crate::diagnostic::{Diagnostic, Pos, RuleProblem, Syntax};
use crate::model::*;

/// A parsed file: the model, where everything sits, and what was wrong with it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub project: Project,
    pub map: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The file could not be read at all, or is not TOML.
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    Syntax(Box<Diagnostic>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "{e}"),
            LoadError::Syntax(d) => f.write_str(&d.message()),
        }
    }
}

pub fn load_file(path: &Path) -> Result<(String, Loaded), LoadError> {
    let (text, _) = read_text(path)?;
    let loaded = parse_project(&text)?;
    Ok((text, loaded))
}

/// A file's text and the fingerprint of its bytes. Only a regular file of at most
/// `PROJECT_LIMIT` is read; text that is not UTF-8 is an unreadable file, named for what it most
/// likely is (UTF-16, GBK) and how to convert it.
pub(crate) fn read_text(path: &Path) -> Result<(String, u64), LoadError> {
    let bytes = super::reading::read_limited(
        path,
        super::reading::PROJECT_LIMIT,
        super::reading::Reading::Project,
    )
    .map_err(LoadError::Io)?;
    let fp = super::fingerprint(&bytes);
    let text = super::reading::decode(bytes, path).map_err(LoadError::Io)?;
    Ok((text, fp))
}

const ROOT_KEYS: &[&str] = &[
    "framework",
    "grades",
    "project",
    "indicators",
    "adjustments",
    "standard_deductions",
    "conflicts",
    "report",
];

/// Parses a project or framework. TOML syntax errors are fatal; every other problem is collected
/// as a located diagnostic and the rest of the file is still read.
pub fn parse_project(src: &str) -> Result<Loaded, LoadError> {
    parse_with_document(src).map(|(loaded, _)| loaded)
}

/// Parses once and returns the span-keeping document too, so an editor can turn it into its
/// editable document (`Document::into_mut`) instead of parsing the file a second time.
pub(crate) fn parse_with_document(src: &str) -> Result<(Loaded, Document<&str>), LoadError> {
    // A UTF-8 byte-order mark (Windows editors write one) is not part of the TOML; positions
    // count from after it, as editors show them.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut r = Reader::new(src);
    let doc = match Document::parse(src) {
        Ok(doc) => doc,
        Err(e) => {
            let pos = r.pos(e.span());
            let detail = e.message().trim().replace('\n', " ");
            return Err(LoadError::Syntax(Box::new(Diagnostic::syntax(
                pos,
                Syntax::NotToml { detail },
            ))));
        }
    };
    let root = doc.as_table();
    r.check_keys(root, "", ROOT_KEYS);
    let mut project = Project::default();

    match root.get("framework") {
        Some(item) => match item.as_table_like() {
            Some(t) => {
                let pos = r.locate(root, "", "framework");
                project.framework = read_framework(&mut r, t, pos);
            }
            None => {
                let pos = r.locate(root, "", "framework");
                r.fail(pos, not_a_table("framework"));
            }
        },
        None => r.fail(Some(Pos { line: 1, col: 1 }), Syntax::NoFramework),
    }
    for (t, pos) in r.tables(root, "", "grades") {
        r.check_keys(t, "grades", &["name", "min"]);
        let name = r.required_string(t, "grades", "name", pos);
        let min = r.required_decimal(t, "grades", "min", pos);
        project.grades.push(GradeBand { name, min });
    }
    if let Some(item) = root.get("project") {
        let pos = r.locate(root, "", "project");
        match item.as_table_like() {
            Some(t) => {
                project.language = read_language(&mut r, t);
                project.meta = Some(read_meta(&mut r, t, pos));
            }
            None => r.fail(pos, not_a_table("project")),
        }
    }
    match root.get("indicators").map(|i| i.as_table_like()) {
        Some(Some(t)) => {
            for (code, item) in t.iter() {
                let key_pos = t.get_key_value(code).and_then(|(k, _)| r.pos(k.span()));
                if let Some(p) = key_pos {
                    r.map.insert(format!("indicators.{code}"), p);
                }
                let path = format!("indicators.{code}");
                match item.as_table_like() {
                    Some(table) => {
                        let ind = read_indicator(&mut r, code, table, &path, key_pos);
                        project.indicators.push(ind);
                    }
                    None => r.fail(key_pos, not_a_table(&path)),
                }
            }
        }
        Some(None) => {
            let pos = r.locate(root, "", "indicators");
            r.fail(pos, Syntax::IndicatorsNotTable);
        }
        None => r.fail(None, Syntax::NoIndicators),
    }
    if let Some(item) = root.get("adjustments") {
        let pos = r.locate(root, "", "adjustments");
        match item.as_table_like() {
            Some(t) => project.adjustments = Some(read_adjustments(&mut r, t)),
            None => r.fail(pos, not_a_table("adjustments")),
        }
    }
    if let Some(item) = root.get("report") {
        let pos = r.locate(root, "", "report");
        match item.as_table_like() {
            Some(t) => project.report = Some(read_report(&mut r, t)),
            None => r.fail(pos, not_a_table("report")),
        }
    }
    for (t, pos) in r.tables(root, "", "standard_deductions") {
        r.check_keys(
            t,
            "standard_deductions",
            &["applies_to", "points", "reason"],
        );
        let applies_to = r.string_list(t, "standard_deductions", "applies_to");
        let points = r.required_decimal(t, "standard_deductions", "points", pos);
        let reason = r.required_string(t, "standard_deductions", "reason", pos);
        project.standard_deductions.push(StandardDeduction {
            applies_to,
            points,
            reason,
        });
    }
    project.conflicts = super::conflicts::read(&mut r, root);
    let loaded = Loaded {
        project,
        map: r.map,
        diagnostics: r.diags,
    };
    Ok((loaded, doc))
}

fn not_a_table(path: &str) -> Syntax {
    Syntax::NotATable {
        path: path.to_string(),
    }
}

fn read_framework(r: &mut Reader, t: &dyn TableLike, pos: Option<Pos>) -> FrameworkInfo {
    let path = "framework";
    r.check_keys(
        t,
        path,
        &[
            "id",
            "name",
            "version",
            "basis",
            "total",
            "rounding",
            "places",
            "na_policy",
            "rate_places",
        ],
    );
    let mut f = FrameworkInfo {
        id: r.string_or_empty(t, path, "id"),
        name: r.string_or_empty(t, path, "name"),
        version: r.string_or_empty(t, path, "version"),
        basis: r.string_or_empty(t, path, "basis"),
        ..FrameworkInfo::default()
    };
    f.total = r.required_decimal(t, path, "total", pos);
    if let Some(s) = r.string(t, path, "rounding") {
        f.rounding = match s.as_str() {
            "half_up" => Rounding::HalfUp,
            "truncate" => Rounding::Truncate,
            other => {
                let p = r.locate(t, path, "rounding");
                r.unknown_choice(p, "rounding", other, &["half_up", "truncate"]);
                Rounding::HalfUp
            }
        };
    }
    if let Some(d) = r.decimal(t, path, "places") {
        match u32::try_from(d.trunc().mantissa())
            .ok()
            .filter(|&p| d.fract().is_zero() && p <= 6)
        {
            Some(p) => f.places = p,
            None => {
                let p = r.locate(t, path, "places");
                r.fail(
                    p,
                    Syntax::PlacesOutOfRange {
                        path: "places".into(),
                        value: d,
                    },
                );
            }
        }
    }
    f.rate_places = super::load_rule::places(r, t, path, "rate_places");
    if let Some(s) = r.string(t, path, "na_policy") {
        f.na_policy = match s.as_str() {
            "rebase" => NaPolicy::Rebase,
            "redistribute" => NaPolicy::Redistribute,
            other => {
                let p = r.locate(t, path, "na_policy");
                r.unknown_choice(p, "na_policy", other, &["rebase", "redistribute"]);
                NaPolicy::Rebase
            }
        };
    }
    f
}

/// `[report]`: free-text chapters and table labels (docs/format.md).
fn read_report(r: &mut Reader, t: &dyn TableLike) -> ReportText {
    let path = "report";
    r.check_keys(
        t,
        path,
        &[
            "basic",
            "work",
            "conclusion",
            "experience",
            "problems",
            "suggestions",
            "other",
            "code_prefix",
            "criteria_header",
            "target_column",
            "deduction_amounts",
        ],
    );
    ReportText {
        basic: r.string_or_empty(t, path, "basic"),
        work: r.string_or_empty(t, path, "work"),
        conclusion: r.string_or_empty(t, path, "conclusion"),
        experience: r.string_or_empty(t, path, "experience"),
        problems: r.string_or_empty(t, path, "problems"),
        suggestions: r.string_or_empty(t, path, "suggestions"),
        other: r.string_or_empty(t, path, "other"),
        code_prefix: r.bool(t, path, "code_prefix"),
        criteria_header: r.string(t, path, "criteria_header"),
        target_column: r.bool(t, path, "target_column"),
        deduction_amounts: r.bool(t, path, "deduction_amounts"),
    }
}

/// `[project] language`: the language of the report's generated text ("zh" or "en").
fn read_language(r: &mut Reader, t: &dyn TableLike) -> Option<crate::lang::Lang> {
    let text = r.string(t, "project", "language")?;
    match text.as_str() {
        "zh" => Some(crate::lang::Lang::Zh),
        "en" => Some(crate::lang::Lang::En),
        _ => {
            let pos = r.locate(t, "project", "language");
            r.unknown_choice(pos, "language", &text, &["zh", "en"]);
            None
        }
    }
}

fn read_meta(r: &mut Reader, t: &dyn TableLike, _pos: Option<Pos>) -> ProjectMeta {
    let path = "project";
    r.check_keys(
        t,
        path,
        &[
            "name",
            "department",
            "implementer",
            "evaluator",
            "period",
            "source",
            "stated_total",
            "stated_grade",
            "funds_unit",
            "funds",
            "language",
        ],
    );
    let mut m = ProjectMeta {
        name: r.string_or_empty(t, path, "name"),
        department: r.string_or_empty(t, path, "department"),
        implementer: r.string_or_empty(t, path, "implementer"),
        evaluator: r.string_or_empty(t, path, "evaluator"),
        period: r.string_or_empty(t, path, "period"),
        source: r.string_or_empty(t, path, "source"),
        stated_total: r.decimal(t, path, "stated_total"),
        stated_grade: r.string(t, path, "stated_grade"),
        funds_unit: r.string_or_empty(t, path, "funds_unit"),
        funds: Vec::new(),
    };
    if let Some(item) = t.get("funds") {
        let pos = r.locate(t, path, "funds");
        match item.as_table_like() {
            Some(ft) => {
                for (k, _) in ft.iter() {
                    if let Some(d) = r.decimal(ft, "project.funds", k) {
                        m.funds.push((k.to_string(), d));
                    }
                }
            }
            None => r.fail(pos, Syntax::FundsNotTable),
        }
    }
    m
}

const INDICATOR_KEYS: &[&str] = &[
    "name",
    "shown",
    "parent",
    "weight",
    "explanation",
    "criteria",
    "formula",
    "target",
    "source",
    "stated",
    "rule",
    "status",
    "score",
    "inputs",
    "deductions",
    "checks",
    "tier",
    "na",
    "unscorable",
    "justification",
    "evidence",
    "reviews",
    "stated_rate",
    "surveys",
];

fn read_indicator(
    r: &mut Reader,
    code: &str,
    t: &dyn TableLike,
    path: &str,
    pos: Option<Pos>,
) -> Indicator {
    r.check_keys(t, path, INDICATOR_KEYS);
    let mut ind = Indicator {
        code: code.to_string(),
        name: r.required_string(t, path, "name", pos),
        shown: r.string(t, path, "shown"),
        parent: r.string(t, path, "parent"),
        weight: r.required_decimal(t, path, "weight", pos),
        explanation: r.string_or_empty(t, path, "explanation"),
        criteria: r.string_list(t, path, "criteria"),
        formula: r.string_or_empty(t, path, "formula"),
        target: r.string_or_empty(t, path, "target"),
        source: r.string_or_empty(t, path, "source"),
        ..Indicator::default()
    };
    super::load_stated::read_stated(r, t, path, &mut ind);
    if let Some(item) = t.get("rule") {
        let rpos = r.locate(t, path, "rule");
        match item.as_table_like() {
            Some(rt) => ind.rule = read_rule(r, rt, &format!("{path}.rule"), rpos),
            None => r.fail(
                rpos,
                Syntax::Rule(RuleProblem::NotATable {
                    path: format!("{path}.rule"),
                }),
            ),
        }
    }
    ind.assessment = read_assessment(r, t, path);
    ind
}

fn read_assessment(r: &mut Reader, t: &dyn TableLike, path: &str) -> Assessment {
    let mut a = Assessment::default();
    if let Some(s) = r.string(t, path, "status") {
        match Status::parse(&s) {
            Some(st) => a.status = st,
            None => {
                let p = r.locate(t, path, "status");
                r.unknown_choice(p, "status", &s, &["未评", "已评", "已复核"]);
            }
        }
    }
    a.score = r.decimal(t, path, "score");
    let status_written = t.get("status").is_some();
    if let Some(item) = t.get("inputs") {
        let p = r.locate(t, path, "inputs");
        match item.as_table_like() {
            Some(it) => {
                let ipath = format!("{path}.inputs");
                for (k, v) in it.iter() {
                    let vpos = r.locate(it, &ipath, k);
                    let value = match v.as_value() {
                        Some(toml_edit::Value::Boolean(b)) => Some(InputValue::Flag(*b.value())),
                        Some(toml_edit::Value::Datetime(d)) => r
                            .date_value(d, &format!("{ipath}.{k}"), vpos)
                            .map(InputValue::Date),
                        Some(toml_edit::Value::String(s))
                            if r.quoted_date(s.value(), &format!("{ipath}.{k}"), vpos)
                                .is_some() =>
                        {
                            None
                        }
                        Some(toml_edit::Value::InlineTable(years)) => {
                            if let Some(y) = super::load_survey::read_yearly(
                                r,
                                k,
                                years,
                                &format!("{ipath}.{k}"),
                                vpos,
                            ) {
                                a.yearly.push(y);
                            }
                            None
                        }
                        Some(val) => r
                            .value_decimal(val, &format!("{ipath}.{k}"), vpos)
                            .map(InputValue::Number),
                        None => {
                            r.fail(
                                vpos,
                                Syntax::InputValue {
                                    path: format!("{ipath}.{k}"),
                                },
                            );
                            None
                        }
                    };
                    if let Some(v) = value {
                        a.inputs.push((k.to_string(), v));
                    }
                }
            }
            None => r.fail(
                p,
                Syntax::TableExpected {
                    path: format!("{path}.inputs"),
                    example: Some("{ 预算资金 = 540 }".into()),
                },
            ),
        }
    }
    a.surveys = super::load_survey::read_surveys(r, t, path);
    for (i, (dt, dpos)) in r.tables(t, path, "deductions").into_iter().enumerate() {
        let dpath = format!("{path}.deductions.{i}");
        if let Some(p) = dpos {
            r.map.insert(dpath.clone(), p);
        }
        r.check_keys(
            dt,
            &dpath,
            &["points", "count", "reason", "group", "evidence"],
        );
        let d = Deduction {
            points: r.decimal(dt, &dpath, "points"),
            count: r.decimal(dt, &dpath, "count"),
            reason: r.string_or_empty(dt, &dpath, "reason"),
            group: r.string(dt, &dpath, "group"),
            evidence: r.string_list(dt, &dpath, "evidence"),
        };
        if d.points.is_none() && d.count.is_none() {
            r.fail(dpos, Syntax::DeductionNoAmount { path: dpath });
        }
        a.deductions.push(d);
    }
    if let Some(item) = t.get("checks") {
        let p = r.locate(t, path, "checks");
        match item.as_array() {
            Some(arr) => {
                for v in arr.iter() {
                    if let Some(b) = v.as_bool() {
                        a.checks.push(Check::Met(b));
                        continue;
                    }
                    let vp = r.pos(v.span()).or(p);
                    if matches!(v, Value::Integer(_) | Value::Float(_)) {
                        if let Some(d) = r.value_decimal(v, &format!("{path}.checks"), vp) {
                            if d < Decimal::ZERO {
                                r.fail(
                                    vp,
                                    Syntax::ChecksBelowZero {
                                        path: format!("{path}.checks"),
                                        value: d,
                                    },
                                );
                            }
                            a.checks.push(Check::Number(d));
                        }
                        continue;
                    }
                    let found = r.written_value(v);
                    r.fail(
                        vp,
                        Syntax::ChecksEntry {
                            path: format!("{path}.checks"),
                            found,
                        },
                    );
                }
            }
            None => r.fail(
                p,
                Syntax::ChecksNotList {
                    path: format!("{path}.checks"),
                },
            ),
        }
    }
    a.tier = r.string(t, path, "tier");
    a.na = r.string(t, path, "na");
    a.unscorable = r.string(t, path, "unscorable");
    a.justification = r.string_or_empty(t, path, "justification");
    for (i, (et, epos)) in r.tables(t, path, "evidence").into_iter().enumerate() {
        let epath = format!("{path}.evidence.{i}");
        if let Some(p) = epos {
            r.map.insert(epath.clone(), p);
        }
        r.check_keys(et, &epath, &["title", "at", "note"]);
        a.evidence.push(Evidence {
            title: r.required_string(et, &epath, "title", epos),
            at: r.string_or_empty(et, &epath, "at"),
            note: r.string_or_empty(et, &epath, "note"),
        });
    }
    for (i, (vt, _)) in r.tables(t, path, "reviews").into_iter().enumerate() {
        let vpath = format!("{path}.reviews.{i}");
        r.check_keys(vt, &vpath, &["by", "at", "text", "approved"]);
        a.reviews.push(Review {
            by: r.string_or_empty(vt, &vpath, "by"),
            at: r.string_or_empty(vt, &vpath, "at"),
            text: r.string_or_empty(vt, &vpath, "text"),
            approved: r.bool(vt, &vpath, "approved").unwrap_or(false),
        });
    }
    a.stated_rate = r.decimal(t, path, "stated_rate");
    // A record written without a status (by hand, or by older versions) was meant to count:
    // it is 已评. Only a status written as 未评 holds a record back from the total.
    if !status_written && a.has_record() {
        a.status = Status::Scored;
    }
    a
}

fn read_adjustments(r: &mut Reader, t: &dyn TableLike) -> Adjustments {
    let path = "adjustments";
    r.check_keys(t, path, &["bonus_cap", "penalty_cap", "items"]);
    let mut adj = Adjustments {
        bonus_cap: r.decimal(t, path, "bonus_cap"),
        penalty_cap: r.decimal(t, path, "penalty_cap"),
        items: Vec::new(),
    };
    if let Some(items) = t.get("items").and_then(|i| i.as_table_like()) {
        for (code, item) in items.iter() {
            let ipath = format!("adjustments.items.{code}");
            let pos = items.get_key_value(code).and_then(|(k, _)| r.pos(k.span()));
            if let Some(p) = pos {
                r.map.insert(ipath.clone(), p);
            }
            let Some(it) = item.as_table_like() else {
                r.fail(
                    pos,
                    Syntax::TableExpected {
                        path: ipath.clone(),
                        example: None,
                    },
                );
                continue;
            };
            r.check_keys(
                it,
                &ipath,
                &[
                    "name",
                    "direction",
                    "cap",
                    "max",
                    "min",
                    "points",
                    "per_item",
                    "count",
                    "stated",
                    "reason",
                    "criteria",
                ],
            );
            let dir_text = r.required_string(it, &ipath, "direction", pos);
            let direction = match dir_text.as_str() {
                "bonus" | "加分" => AdjustmentDirection::Bonus,
                "penalty" | "减分" | "扣分" => AdjustmentDirection::Penalty,
                other => {
                    let p = r.locate(it, &ipath, "direction");
                    if !other.is_empty() {
                        r.unknown_choice(p, "direction", other, &["bonus", "penalty"]);
                    }
                    AdjustmentDirection::Bonus
                }
            };
            // "加 1–3 分" reads as `min = 1, max = 3`; `max` is another name for `cap`.
            let cap = match (r.decimal(it, &ipath, "cap"), r.decimal(it, &ipath, "max")) {
                (Some(c), Some(_)) => {
                    let p = r.locate(it, &ipath, "max");
                    r.fail(
                        p,
                        Syntax::CapAndMax {
                            path: ipath.clone(),
                        },
                    );
                    Some(c)
                }
                (c, m) => c.or(m),
            };
            adj.items.push(AdjustmentItem {
                code: code.to_string(),
                name: r.required_string(it, &ipath, "name", pos),
                direction,
                cap,
                min: r.decimal(it, &ipath, "min"),
                points: r.decimal(it, &ipath, "points"),
                per_item: r.decimal(it, &ipath, "per_item"),
                count: r.decimal(it, &ipath, "count"),
                stated: r.decimal(it, &ipath, "stated"),
                reason: r.string_or_empty(it, &ipath, "reason"),
                criteria: r.string_list(it, &ipath, "criteria"),
            });
        }
    }
    adj
}
