//! Load, score, re-score after one edit, and save, on every sample and on generated projects of
//! 1,000 and 10,000 leaves. `cargo bench --bench engine`; numbers go in docs/performance.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jixiao::edit::Edit;
use jixiao::model::Deduction;
use jixiao::scoring;
use jixiao::store::{ProjectFile, parse_project};

fn inputs() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| {
                (
                    p.file_stem().unwrap().to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
    out.sort();
    out.push((
        "generated-1000".into(),
        jixiao::generate::project_text(1_000, 42),
    ));
    out.push((
        "generated-10000".into(),
        jixiao::generate::project_text(10_000, 42),
    ));
    out
}

/// The last leaf in file order: the deepest path to re-score.
fn last_leaf(text: &str) -> String {
    let p = parse_project(text).unwrap().project;
    let card = scoring::score(&p);
    let i = (0..p.indicators.len())
        .rev()
        .find(|&i| card.tree.is_leaf(i))
        .unwrap();
    p.indicators[i].code.clone()
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();
    let mut g = c.benchmark_group("load");
    for (name, text) in &inputs {
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| parse_project(black_box(t)).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("score_full");
    for (name, text) in &inputs {
        let p = parse_project(text).unwrap().project;
        g.bench_with_input(BenchmarkId::from_parameter(name), &p, |b, p| {
            b.iter(|| scoring::score(black_box(p)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("edit_and_rescore");
    for (name, text) in &inputs {
        let code = last_leaf(text);
        let mut file = ProjectFile::from_text(Path::new("bench.toml"), text).unwrap();
        let mut card = scoring::score(file.project());
        let add = Edit::InsertDeduction {
            code: code.clone(),
            index: 0,
            deduction: Deduction {
                points: Some(rust_decimal::Decimal::new(5, 1)),
                reason: "基准".into(),
                ..Deduction::default()
            },
        };
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                // Apply and undo, re-scoring after each, so every iteration starts from the same state.
                let undo = file.apply(&add).unwrap();
                scoring::rescore(file.project(), &mut card, &code);
                file.apply(&undo).unwrap();
                scoring::rescore(file.project(), &mut card, &code);
                black_box(card.total)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("load_and_save");
    g.sample_size(20);
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &inputs {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        let code = last_leaf(text);
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut f = ProjectFile::open(&path).unwrap();
                f.apply(&Edit::SetJustification {
                    code: code.clone(),
                    text: "基准测试".into(),
                })
                .unwrap();
                f.save().unwrap();
            })
        });
    }
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
