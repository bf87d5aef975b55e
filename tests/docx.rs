//! `jixiao export --format docx`, read back: the package unzips, word/document.xml parses, and
//! its tables say what `jixiao score --json` says — every leaf's score and the total — with the
//! structure a Word report needs (merged indicator cells, header rows repeated on every page, a
//! landscape section for 附件1, East-Asian fonts). Then LibreOffice renders every sample.
//!
//! The golden document.xml of one sample lives with the other golden exports (tests/exports.rs).

mod docs_support;
mod support;

use std::collections::HashMap;
use std::io::Read;

use docs_support::*;
use quick_xml::XmlVersion;
use quick_xml::events::Event;

// ─── A small DOM over quick-xml ───────────────────────────────────────────────

#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every element below this one named `name`, in document order.
    fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.find_all(name, out);
        }
    }

    fn all(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.find_all(name, &mut v);
        v
    }

    /// The text of the `w:t` elements below, `w:tab` as a tab.
    fn text(&self) -> String {
        let mut s = String::new();
        for n in &self.children {
            match n {
                Node::Text(t) if self.name == "w:t" => s.push_str(t),
                Node::El(e) if e.name == "w:tab" => s.push('\t'),
                Node::El(e) => s.push_str(&e.text()),
                Node::Text(_) => {}
            }
        }
        s
    }
}

fn parse(xml: &str) -> El {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![El {
        name: String::new(),
        attrs: vec![],
        children: vec![],
    }];
    let open = |e: &quick_xml::events::BytesStart| El {
        name: e.name().as_ref().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .expect("attribute value")
                        .into_owned(),
                )
            })
            .collect(),
        children: vec![],
    };
    let push_text = |stack: &mut Vec<El>, t: &str| {
        let top = stack.last_mut().unwrap();
        if let Some(Node::Text(s)) = top.children.last_mut() {
            s.push_str(t);
        } else {
            top.children.push(Node::Text(t.to_string()));
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let el = open(&e);
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Event::Text(t) => {
                let s: &str = t.as_ref();
                push_text(&mut stack, s)
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref().expect("character reference") {
                    Some(c) => c.to_string(),
                    None => match r.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity {other:?}"),
                    },
                };
                push_text(&mut stack, &s)
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

// ─── The document, as tables of text ──────────────────────────────────────────

fn docx_of(file: &str, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.docx");
    let mut args = vec!["export", file, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = jixiao(&args);
    assert_eq!(run.code, 0, "{file}: {}", run.stderr);
    std::fs::read(out).unwrap()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// One cell as the grid sees it.
#[derive(Debug, Clone)]
struct GridCell {
    text: String,
    /// Continues a vertical merge from the row above.
    covered: bool,
    restart: bool,
    span: usize,
}

#[derive(Debug)]
struct Table {
    grid: Vec<u32>,
    header_rows: usize,
    /// Cells per row, one entry per grid column (a spanned cell repeats with span > 1 first).
    rows: Vec<Vec<GridCell>>,
}

impl Table {
    fn from(tbl: &El) -> Table {
        let grid = tbl
            .child("w:tblGrid")
            .unwrap()
            .elements()
            .map(|g| g.attr("w:w").unwrap().parse().unwrap())
            .collect();
        let mut header_rows = 0;
        let mut rows = Vec::new();
        for tr in tbl.elements().filter(|e| e.name == "w:tr") {
            if tr
                .child("w:trPr")
                .is_some_and(|p| p.child("w:tblHeader").is_some())
            {
                header_rows += 1;
            }
            let mut cells = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "w:tc") {
                let pr = tc.child("w:tcPr");
                let span = pr
                    .and_then(|p| p.child("w:gridSpan"))
                    .map(|g| g.attr("w:val").unwrap().parse().unwrap())
                    .unwrap_or(1);
                let vmerge = pr.and_then(|p| p.child("w:vMerge"));
                let text = tc
                    .elements()
                    .filter(|e| e.name == "w:p")
                    .map(|p| p.text())
                    .collect::<Vec<_>>()
                    .join("\n");
                let cell = GridCell {
                    text,
                    covered: vmerge.is_some_and(|v| v.attr("w:val") != Some("restart")),
                    restart: vmerge.is_some_and(|v| v.attr("w:val") == Some("restart")),
                    span,
                };
                for _ in 0..span {
                    cells.push(cell.clone());
                }
            }
            rows.push(cells);
        }
        Table {
            grid,
            header_rows,
            rows,
        }
    }

    fn headers(&self) -> Vec<String> {
        self.rows[0].iter().map(|c| c.text.clone()).collect()
    }

    fn col(&self, header: &str) -> usize {
        self.headers()
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column {header} in {:?}", self.headers()))
    }

    /// The text a grid cell shows, following vertical merges up.
    fn shown(&self, row: usize, col: usize) -> &str {
        let mut r = row;
        while self.rows[r][col].covered && r > 0 {
            r -= 1;
        }
        &self.rows[r][col].text
    }
}

struct Doc {
    root: El,
    tables: Vec<Table>,
}

fn doc(docx: &[u8]) -> Doc {
    let root = parse(&part(docx, "word/document.xml"));
    let tables = root.all("w:tbl").iter().map(|t| Table::from(t)).collect();
    Doc { root, tables }
}

impl Doc {
    fn table_with(&self, header: &str) -> &Table {
        self.tables
            .iter()
            .find(|t| t.headers().iter().any(|h| h == header))
            .unwrap_or_else(|| panic!("no table with a {header} column"))
    }
}

fn score_json(file: &str) -> serde_json::Value {
    let run = jixiao(&["score", file, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_slice(&run.stdout).unwrap()
}

fn inputs() -> Vec<String> {
    let mut v = samples();
    v.push("frameworks/poverty-relief-adjustments.toml".into());
    v
}

// ─── Structure ────────────────────────────────────────────────────────────────

#[test]
fn every_export_is_a_word_package_with_the_report_tables() {
    for f in inputs() {
        let bytes = docx_of(&f, &["--format", "docx"]);
        let types = part(&bytes, "[Content_Types].xml");
        assert!(types.contains("wordprocessingml.document.main+xml"), "{f}");
        parse(&types);
        parse(&part(&bytes, "word/_rels/document.xml.rels"));
        parse(&part(&bytes, "word/footer1.xml"));
        let d = doc(&bytes);
        let json = score_json(&f);
        let roots = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["depth"] == 1)
            .count();
        // The summary, one table per level-1 indicator, 附件1.
        assert_eq!(d.tables.len(), roots + 2, "{f}");
        for t in &d.tables {
            assert_eq!(
                t.header_rows, 1,
                "{f}: the header row repeats on every page"
            );
            for (r, row) in t.rows.iter().enumerate() {
                assert_eq!(row.len(), t.grid.len(), "{f}: row {r} covers the grid");
            }
            // Every continuation sits below a restart or another continuation.
            for c in 0..t.grid.len() {
                for r in 1..t.rows.len() {
                    if t.rows[r][c].covered {
                        let above = &t.rows[r - 1][c];
                        assert!(
                            above.covered || above.restart,
                            "{f}: orphan vMerge at {r},{c}"
                        );
                    }
                }
            }
        }
        let sheet = d.table_with("扣分点说明");
        assert!(
            sheet.rows.iter().flatten().any(|c| c.restart),
            "{f}: 一级指标 merged"
        );
        assert!(sheet.rows.iter().flatten().any(|c| c.covered), "{f}");
        assert!(
            sheet.rows.last().unwrap()[0].span > 1,
            "{f}: 总计 spans the indicator columns"
        );
        // Sections: the text in portrait, 附件1 in landscape; tables fill the text width.
        let sections = d.root.all("w:sectPr");
        assert_eq!(sections.len(), 2, "{f}");
        let orient = |s: &El| {
            s.child("w:pgSz")
                .unwrap()
                .attr("w:orient")
                .map(str::to_string)
        };
        assert_eq!(orient(sections[0]), None);
        assert_eq!(orient(sections[1]).as_deref(), Some("landscape"), "{f}");
        let pg = sections[1].child("w:pgSz").unwrap();
        assert_eq!(pg.attr("w:w"), Some("16838"), "A4 long side");
        assert_eq!(pg.attr("w:h"), Some("11906"));
        let width = |s: &El, side: &str| -> u32 {
            s.child("w:pgMar")
                .unwrap()
                .attr(side)
                .unwrap()
                .parse()
                .unwrap()
        };
        let text_width = |s: &El| -> u32 {
            let w: u32 = s
                .child("w:pgSz")
                .unwrap()
                .attr("w:w")
                .unwrap()
                .parse()
                .unwrap();
            w - width(s, "w:left") - width(s, "w:right")
        };
        assert_eq!(
            sheet.grid.iter().sum::<u32>(),
            text_width(sections[1]),
            "{f}"
        );
        assert_eq!(
            d.tables[0].grid.iter().sum::<u32>(),
            text_width(sections[0]),
            "{f}"
        );
        // 附件1 comes after the section break.
        let xml = part(&bytes, "word/document.xml");
        let brk = xml.find("</w:sectPr>").unwrap();
        assert!(xml[brk..].contains("附件1 综合评分表"), "{f}");
    }
}

#[test]
fn fonts_are_set_for_east_asian_text() {
    let bytes = docx_of("samples/rongcheng-checkup.toml", &["--format", "docx"]);
    let package = parse(&part(&bytes, "word/styles.xml"));
    let styles = package.child("w:styles").unwrap();
    let fonts: Vec<(String, String)> = styles
        .all("w:style")
        .iter()
        .filter_map(|s| {
            let f = s.all("w:rFonts").first()?.attr("w:eastAsia")?.to_string();
            Some((s.attr("w:styleId")?.to_string(), f))
        })
        .collect();
    let font = |id: &str| {
        fonts
            .iter()
            .find(|(s, _)| s == id)
            .map(|(_, f)| f.as_str())
            .unwrap_or_else(|| panic!("style {id} sets no East-Asian font: {fonts:?}"))
    };
    assert_eq!(font("Normal"), "仿宋");
    assert_eq!(font("Body"), "仿宋");
    assert_eq!(font("Heading1"), "黑体");
    assert_eq!(font("TableText"), "宋体");
    let defaults = styles.child("w:docDefaults").unwrap().all("w:rFonts");
    assert_eq!(defaults[0].attr("w:eastAsia"), Some("仿宋"));
    assert_eq!(defaults[0].attr("w:ascii"), Some("Times New Roman"));
    // Every paragraph names a style, so none falls back to a reader's own default.
    let d = doc(&bytes);
    for p in d.root.all("w:p") {
        let styled = p
            .child("w:pPr")
            .is_some_and(|pr| pr.child("w:pStyle").is_some() || pr.child("w:sectPr").is_some());
        assert!(styled, "unstyled paragraph: {}", p.text());
    }
}

// ─── The numbers agree with `score --json` ────────────────────────────────────

#[test]
fn every_leaf_score_and_the_total_match_the_score_command() {
    for f in samples() {
        let json = score_json(&f);
        let d = doc(&docx_of(&f, &["--format", "docx"]));
        let sheet = d.table_with("扣分点说明");
        let score_col = sheet.col("得分");
        let levels = sheet.col("分值");
        let nodes = json["nodes"].as_array().unwrap();
        let mut seen = 0;
        for n in nodes.iter().filter(|n| n["leaf"] == true) {
            let label = format!(
                "{} {}",
                n["code"].as_str().unwrap(),
                n["name"].as_str().unwrap()
            );
            let row = (1..sheet.rows.len())
                .find(|&r| (0..levels).any(|c| sheet.shown(r, c) == label))
                .unwrap_or_else(|| panic!("{f}: no 附件1 row for {label}"));
            assert_eq!(
                sheet.rows[row][score_col].text,
                n["score"].as_str().unwrap(),
                "{f}: {label}"
            );
            assert_eq!(
                sheet.rows[row][levels].text,
                n["weight"].as_str().unwrap(),
                "{f}: {label} 分值"
            );
            seen += 1;
        }
        assert_eq!(seen, json["leaves"].as_u64().unwrap() as usize);
        let total = json["total"].as_str().unwrap();
        let last = sheet.rows.last().unwrap();
        assert_eq!(last[0].text, "总计");
        assert_eq!(last[score_col].text, total, "{f}: 总计");

        // The summary: each level-1 score, and 合计.
        let summary = &d.tables[0];
        assert_eq!(summary.headers(), ["指标", "分值", "得分", "得分率"]);
        for n in nodes.iter().filter(|n| n["depth"] == 1) {
            let row = summary
                .rows
                .iter()
                .find(|r| r[0].text == n["name"].as_str().unwrap())
                .unwrap_or_else(|| panic!("{f}: {} not in the summary", n["name"]));
            assert_eq!(row[2].text, n["score"].as_str().unwrap(), "{f}");
            assert_eq!(row[3].text, format!("{}%", n["rate"].as_str().unwrap()));
        }
        let sum = summary.rows.last().unwrap();
        assert_eq!(
            (sum[0].text.as_str(), sum[2].text.as_str()),
            ("合计", total)
        );

        // Each level-1 table: its leaves' scores and rates, and its 合计.
        for (k, n) in nodes.iter().filter(|n| n["depth"] == 1).enumerate() {
            let t = &d.tables[1 + k];
            let (s, r) = (t.col("得分"), t.col("得分率"));
            let code = n["code"].as_str().unwrap();
            let leaves: Vec<&serde_json::Value> = nodes
                .iter()
                .filter(|x| x["leaf"] == true && x["code"].as_str().unwrap().starts_with(code))
                .collect();
            assert_eq!(t.rows.len(), leaves.len() + 2, "{f}: {code}");
            for (row, leaf) in t.rows[1..].iter().zip(&leaves) {
                assert_eq!(row[s].text, leaf["score"].as_str().unwrap(), "{f}");
                assert_eq!(row[r].text, format!("{}%", leaf["rate"].as_str().unwrap()));
            }
            let last = t.rows.last().unwrap();
            assert_eq!(last[0].text, "合计");
            assert_eq!(
                last[s].text,
                n["score"].as_str().unwrap(),
                "{f}: {code} 合计"
            );
        }
    }
}

#[test]
fn numbers_are_right_aligned_and_notes_are_the_reasons() {
    let d = doc(&docx_of(
        "samples/rongcheng-checkup.toml",
        &["--format", "docx"],
    ));
    let xml_cells: Vec<&El> = d.root.all("w:tc");
    let aligned = |text: &str| -> Vec<String> {
        xml_cells
            .iter()
            .filter(|c| c.text() == text)
            .filter_map(|c| {
                c.all("w:jc")
                    .first()
                    .and_then(|j| j.attr("w:val"))
                    .map(str::to_string)
            })
            .collect()
    };
    assert!(aligned("64.72").iter().all(|a| a == "right"));
    assert!(!aligned("64.72").is_empty());
    let sheet = d.table_with("扣分点说明");
    let notes = sheet.col("扣分点说明");
    let texts: Vec<&str> = sheet.rows.iter().map(|r| r[notes].text.as_str()).collect();
    // The reason alone: the amount is in the 得分 column already.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("部分绩效指标设置不合理，如将质量指标设置为“政策知晓度”"))
    );
    assert!(texts.iter().all(|t| !t.starts_with("扣 ")), "{texts:?}");
    // 评分标准 is never blank for a leaf scored by a rule.
    let crit = sheet.col("评分标准");
    let c101 = (1..sheet.rows.len())
        .find(|&r| sheet.rows[r][2].text.starts_with("C101"))
        .unwrap();
    assert!(!sheet.rows[c101][crit].text.is_empty());
    // 目标值 sits before 得分 when the leaves have targets.
    assert_eq!(sheet.rows[c101][sheet.col("目标值")].text, "95%");
    assert_eq!(sheet.col("目标值") + 1, sheet.col("得分"));
}

#[test]
fn no_arithmetic_trace_or_input_names_in_the_report_text() {
    for f in samples() {
        let d = doc(&docx_of(&f, &["--format", "docx"]));
        let sheet = d.table_with("扣分点说明");
        let notes = sheet.col("扣分点说明");
        for row in &sheet.rows {
            let t = &row[notes].text;
            // The engine's trace reads `资金到位率 = 1040 ÷ 1580 = 65.82%`; review notes say
            // `报告给定得分 … 二者不一致`.
            for trace in [" = ", " ÷ ", "报告给定得分", "二者不一致"] {
                assert!(!t.contains(trace), "{f}: 扣分点说明 shows `{trace}`: {t}");
            }
        }
    }
    let text = parse(&part(
        &docx_of("samples/rongcheng-12349.toml", &["--format", "docx"]),
        "word/document.xml",
    ))
    .text();
    for name in ["实际户数2020", "目标户数2019", "入网户数2021"] {
        assert!(!text.contains(name), "input name {name} in the report");
    }
}

#[test]
fn hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(root().join("samples/rongcheng-checkup.toml")).unwrap();
    let hostile = "<w:p>&amp; \\u001b[31m红\\u0007 ]]> \\\"引号\\\"";
    let changed = src.replacen("部分绩效指标设置不合理", hostile, 1);
    assert_ne!(changed, src);
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, changed).unwrap();
    let xml = part(
        &docx_of(file.to_str().unwrap(), &["--format", "docx"]),
        "word/document.xml",
    );
    assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}'));
    let text = parse(&xml).text();
    assert!(
        text.contains("<w:p>&amp; \\u{1b}[31m红\\u{7} ]]> \"引号\""),
        "{text}"
    );
}

// ─── A firm's reference document ──────────────────────────────────────────────

/// A reference document as a firm keeps one: its own Body style (楷体), margins, a header with
/// the firm's name and a logo, a footer.
fn firm_template() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", String::from(
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").into_bytes()),
        ("_rels/.rels", format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"word/document.xml\"/></Relationships>").into_bytes()),
        ("word/document.xml", format!("<?xml version=\"1.0\"?><w:document {w}><w:body><w:p><w:r><w:t>样稿正文</w:t></w:r></w:p>\
             <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId7\"/><w:footerReference w:type=\"default\" r:id=\"rId8\"/>\
             <w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" \
             w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>").into_bytes()),
        ("word/_rels/document.xml.rels", format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId7\" Type=\"{rel}/header\" Target=\"header1.xml\"/>\
             <Relationship Id=\"rId8\" Type=\"{rel}/footer\" Target=\"footer1.xml\"/>\
             <Relationship Id=\"rId9\" Type=\"{rel}/styles\" Target=\"styles.xml\"/></Relationships>").into_bytes()),
        ("word/header1.xml", format!("<?xml version=\"1.0\"?><w:hdr {w}><w:p><w:r><w:t>大地评估咨询机构——我们生产公信力</w:t></w:r></w:p></w:hdr>").into_bytes()),
        ("word/_rels/header1.xml.rels", format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rIdLogo\" Type=\"{rel}/image\" Target=\"media/logo.png\"/></Relationships>").into_bytes()),
        ("word/media/logo.png", b"\x89PNG\r\n\x1a\nnot really".to_vec()),
        ("word/footer1.xml", format!("<?xml version=\"1.0\"?><w:ftr {w}><w:p><w:r><w:t>事务所页脚</w:t></w:r></w:p></w:ftr>").into_bytes()),
        ("word/styles.xml", format!("<?xml version=\"1.0\"?><w:styles {w}>\
             <w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"Firm Body\"/>\
             <w:rPr><w:rFonts w:eastAsia=\"楷体\"/></w:rPr></w:style></w:styles>").into_bytes()),
    ];
    for (name, bytes) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_firm_template_lends_styles_margins_header_and_footer() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("firm.docx");
    std::fs::write(&tpl, firm_template()).unwrap();
    let bytes = docx_of(
        "samples/rongcheng-checkup.toml",
        &["--format", "docx", "--template", tpl.to_str().unwrap()],
    );
    let types = part(&bytes, "[Content_Types].xml");
    assert!(types.contains("Extension=\"png\""));
    assert!(types.contains("/word/tpl-header1.xml"));
    assert!(part(&bytes, "word/tpl-header1.xml").contains("大地评估咨询机构"));
    assert!(part(&bytes, "word/tpl-footer2.xml").contains("事务所页脚"));
    assert!(part(&bytes, "word/_rels/tpl-header1.xml.rels").contains("media/logo.png"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(
        zip.by_name("word/media/logo.png").is_ok(),
        "the logo comes along"
    );
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("Target=\"tpl-header1.xml\""));
    // Every section shows the firm's header and footer; portrait uses the firm's margins.
    let d = doc(&bytes);
    for s in d.root.all("w:sectPr") {
        let ids: Vec<&str> = s
            .elements()
            .filter(|e| e.name.ends_with("Reference"))
            .filter_map(|e| e.attr("r:id"))
            .collect();
        assert_eq!(ids, ["rIdTpl1", "rIdTpl2"]);
    }
    assert_eq!(d.tables[0].grid.iter().sum::<u32>(), 11906 - 1800 - 1800);
    // The firm's Body style wins; the styles it lacks come from the export.
    let styles = part(&bytes, "word/styles.xml");
    parse(&styles);
    assert!(styles.contains("Firm Body"));
    assert_eq!(styles.matches("w:styleId=\"Body\"").count(), 1);
    assert!(styles.contains("w:styleId=\"TableText\""));
    // The template's body text is not the report's.
    assert!(!part(&bytes, "word/document.xml").contains("样稿正文"));
}

#[test]
fn a_template_that_is_not_a_docx_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("firm.docx");
    std::fs::write(&tpl, "not a zip").unwrap();
    let out = dir.path().join("out.docx");
    let run = jixiao(&[
        "export",
        "samples/rongcheng-checkup.toml",
        "-o",
        out.to_str().unwrap(),
        "--template",
        tpl.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot use as a template"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
}

// ─── LibreOffice renders every sample ─────────────────────────────────────────

/// A tool the render check needs, or why it cannot run: fails under CI, says so otherwise.
fn need(tool: &str, package: &str, test: &str) -> bool {
    // `-v` is the one flag both soffice and pdftotext answer.
    let found = std::process::Command::new(tool)
        .arg(if tool == "pdftotext" {
            "-v"
        } else {
            "--version"
        })
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        if std::env::var_os("CI").is_some() {
            panic!("{test} needs {tool} ({package}); .ci/run installs it");
        }
        // Straight to the process's stderr: eprintln! in a passing test is swallowed by the
        // test harness's capture, and a skip must never be silent.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: needs {tool} ({package})"
        );
    }
    found
}

#[test]
fn libreoffice_renders_every_sample_with_the_total_and_grade() {
    let test = "libreoffice_renders_every_sample_with_the_total_and_grade";
    if !need("soffice", "LibreOffice", test) || !need("pdftotext", "poppler-utils", test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut totals = HashMap::new();
    let mut docs = Vec::new();
    for f in samples() {
        let json = score_json(&f);
        let name = std::path::Path::new(&f)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, docx_of(&f, &["--format", "docx"])).unwrap();
        totals.insert(
            name.clone(),
            (
                json["total"].as_str().unwrap().to_string(),
                json["grade"].as_str().unwrap().to_string(),
            ),
        );
        docs.push(path);
    }
    // One soffice run for all the files: starting LibreOffice is the slow part. A private
    // profile keeps it from meeting a user's running instance.
    let profile = dir.path().join("profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&docs)
        .output()
        .expect("run soffice");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, (total, grade)) in totals {
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert!(pdf.is_file(), "{name}: no PDF; soffice said {:?}", out);
        let text = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("run pdftotext");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains(&total),
            "{name}: total {total} not in the PDF"
        );
        assert!(
            text.contains(&format!("评价等级为“{grade}”")),
            "{name}: grade {grade} not in the PDF"
        );
    }
}
