//! The xlsx keeps its arithmetic live (issue 15, item 4): the 总计, each level-1 score and the
//! per-level-1 sheets' 合计 are SUM formulas over the cells they add up, with the computed
//! value cached (what a reader without recalculation sees, equal to `score --json`), and
//! 得分率 is score ÷ weight. Where the engine's total is not that sum (不适用 re-basing), the
//! value is written instead of a formula that would be wrong.

mod docs_support;
mod support;

use docs_support::*;

fn xlsx_of(file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    let run = jixiao(&["export", file, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read(out).unwrap()
}

/// `<c r="G29" …><f>SUM(G3:G28)</f><v>64.72</v></c>` → ("G29", "SUM(G3:G28)", "64.72").
fn formulas(xml: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for c in xml.split("<c r=\"").skip(1) {
        let cell = c.split('"').next().unwrap().to_string();
        let body = c.split("</c>").next().unwrap();
        if let Some(f) = body.split("<f>").nth(1) {
            let f = f.split("</f>").next().unwrap().replace("&apos;", "'");
            let v = body
                .split("<v>")
                .nth(1)
                .map(|v| v.split("</v>").next().unwrap().to_string())
                .unwrap_or_default();
            out.push((cell, f, v));
        }
    }
    out
}

#[test]
fn totals_are_formulas_with_the_scores_cached() {
    for f in samples() {
        let run = jixiao(&["score", &f, "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        let total = json["total"].as_str().unwrap();
        let sheets = read_xlsx(&xlsx_of(&f));
        let score = formulas(&sheets[0].xml);
        let sum = score
            .iter()
            .find(|(_, f, _)| f.starts_with("SUM("))
            .unwrap_or_else(|| panic!("{f}: 总计 is not a formula"));
        assert_eq!(sum.2, total, "{f}: cached total");
        let summary = formulas(&sheets[1].xml);
        let roots: Vec<&serde_json::Value> = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["depth"] == 1)
            .collect();
        for (k, n) in roots.iter().enumerate() {
            let cell = format!("C{}", k + 3);
            let (_, formula, v) = summary
                .iter()
                .find(|(c, _, _)| *c == cell)
                .unwrap_or_else(|| panic!("{f}: {cell} is not a formula"));
            assert!(formula.starts_with("SUM('综合评分表'!"), "{f}: {formula}");
            assert_eq!(v, n["score"].as_str().unwrap(), "{f}: {cell}");
            let rate = format!("D{}", k + 3);
            assert!(
                summary
                    .iter()
                    .any(|(c, f, _)| *c == rate && *f == format!("C{}/B{}", k + 3, k + 3)),
                "{f}: {rate} is score ÷ weight"
            );
        }
        let total_row = roots.len() + 3;
        let (_, formula, v) = summary
            .iter()
            .find(|(c, _, _)| *c == format!("C{total_row}"))
            .unwrap_or_else(|| panic!("{f}: 合计 is not a formula"));
        assert_eq!(formula, &format!("SUM(C3:C{})", total_row - 1));
        assert_eq!(v, total);
        // Each level-1 sheet: 合计 sums its leaves.
        for (k, n) in roots.iter().enumerate() {
            let s = &sheets[2 + k];
            assert!(s.name.starts_with(&format!("表4-{}", k + 1)), "{}", s.name);
            let sums: Vec<_> = formulas(&s.xml)
                .into_iter()
                .filter(|(_, f, _)| f.starts_with("SUM("))
                .collect();
            assert_eq!(sums.len(), 1, "{f}: {}", s.name);
            assert_eq!(sums[0].2, n["score"].as_str().unwrap(), "{f}: {}", s.name);
        }
    }
}

#[test]
fn a_total_that_is_not_a_plain_sum_stays_a_value() {
    // A 不适用 leaf with the total re-based: SUM over the column would be wrong.
    let src = std::fs::read_to_string(root().join("samples/rongcheng-checkup.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("na.toml");
    let changed = src.replacen(
        "unscorable = \"由于无项目部门",
        "na = \"本年度未开展体检质量抽查\"\nnote_was = \"由于无项目部门",
        1,
    );
    assert_ne!(changed, src);
    std::fs::write(&file, &changed).unwrap();
    let changed = changed.replacen("note_was = ", "# ", 1);
    std::fs::write(&file, &changed).unwrap();
    let run = jixiao(&["score", file.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_ne!(
        json["total"], "64.72",
        "C201 is 不适用 and the total re-based"
    );
    let sheets = read_xlsx(&xlsx_of(file.to_str().unwrap()));
    assert!(
        formulas(&sheets[0].xml)
            .iter()
            .all(|(_, f, _)| !f.starts_with("SUM(")),
        "a re-based total must not be a SUM"
    );
}
