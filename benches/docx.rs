//! `export --format docx` (and `--report`): building the document from a scored project,
//! for the largest sample and a generated project of 1,000 leaves. Issue 15 asks for under
//! 100 ms and under 2 s. `cargo bench --bench docx`; numbers go in docs/performance.md.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jixiao::report::labels::TableLabels;
use jixiao::report::{docx, full_report, outline};
use jixiao::scoring;
use jixiao::store::parse_project;

/// The largest sample by size, and a generated 1,000-leaf project.
fn inputs() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let largest = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .unwrap();
    vec![
        (
            largest.file_stem().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(&largest).unwrap(),
        ),
        (
            "generated-1000".into(),
            jixiao::generate::project_text(1_000, 42),
        ),
    ]
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("docx");
    for (name, text) in inputs() {
        let project = parse_project(&text).unwrap().project;
        let card = scoring::score(&project);
        let labels = TableLabels::for_project(&project);
        g.bench_with_input(BenchmarkId::new("tables", &name), &(), |b, _| {
            b.iter(|| {
                let blocks = outline::tables_document(&project, &card, &labels);
                docx::write(project.title(), black_box(&blocks), None).unwrap()
            })
        });
        g.bench_with_input(BenchmarkId::new("report", &name), &(), |b, _| {
            b.iter(|| {
                let blocks = full_report::report_document(&project, &card, &labels);
                docx::write(project.title(), black_box(&blocks), None).unwrap()
            })
        });
        // What the command does end to end, minus the process: parse, score, build.
        g.bench_with_input(
            BenchmarkId::new("parse_score_write", &name),
            &text,
            |b, t| {
                b.iter(|| {
                    let p = parse_project(black_box(t)).unwrap().project;
                    let card = scoring::score(&p);
                    let blocks = outline::tables_document(&p, &card, &TableLabels::for_project(&p));
                    docx::write(p.title(), &blocks, None).unwrap()
                })
            },
        );
    }
    g.finish();
}

criterion_group! {
    name = docx_benches;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(docx_benches);
