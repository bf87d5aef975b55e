//! The three-way merge a save does when the file changed on disk (and git's merge driver):
//! each side changed one leaf, on the largest sample and on generated projects.
//! `cargo bench --bench merge`; numbers go in docs/performance.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jixiao::edit::Edit;
use jixiao::merge::merge_texts;
use jixiao::model::Deduction;
use jixiao::store::ProjectFile;

/// `text` with a deduction added to the `nth` leaf (counting from the end).
fn with_deduction(text: &str, nth: usize, reason: &str) -> String {
    let mut f = ProjectFile::from_text(Path::new("p.toml"), text).unwrap();
    let tree = jixiao::model::Tree::build(f.project());
    let leaves: Vec<String> = (0..f.project().indicators.len())
        .filter(|&i| tree.is_leaf(i))
        .map(|i| f.project().indicators[i].code.clone())
        .collect();
    let code = leaves[leaves.len() - 1 - nth].clone();
    let index = f.project().get(&code).unwrap().assessment.deductions.len();
    f.apply(&Edit::InsertDeduction {
        code,
        index,
        deduction: Deduction {
            points: Some(rust_decimal::Decimal::new(1, 1)),
            reason: reason.into(),
            ..Deduction::default()
        },
    })
    .unwrap();
    f.text()
}

fn merges(c: &mut Criterion) {
    let largest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/rongcheng-outsourcing-park.toml"
    ))
    .unwrap();
    let inputs = [
        ("rongcheng-outsourcing-park", largest),
        ("generated-100", jixiao::generate::project_text(100, 42)),
        ("generated-1000", jixiao::generate::project_text(1_000, 42)),
    ];
    let mut g = c.benchmark_group("merge");
    g.sample_size(20);
    for (name, base) in &inputs {
        let ours = with_deduction(base, 0, "alice 的发现");
        let theirs = with_deduction(base, 1, "bob 的发现");
        g.bench_with_input(BenchmarkId::new("merge_texts", name), &(), |b, _| {
            b.iter(|| black_box(merge_texts(base, &ours, &theirs).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, merges);
criterion_main!(benches);
