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
    add_deduction(&mut f, nth, reason);
    f.text()
}

/// Adds a deduction to the `nth` leaf (counting from the end) of an open file.
fn add_deduction(f: &mut ProjectFile, nth: usize, reason: &str) {
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

/// A save that finds a colleague's save on disk: lock, read, merge, back up, write, rename.
fn merging_saves(c: &mut Criterion) {
    let mut g = c.benchmark_group("merging_save");
    g.sample_size(20);
    let inputs = [
        (
            "rongcheng-outsourcing-park",
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/samples/rongcheng-outsourcing-park.toml"
            ))
            .unwrap(),
        ),
        ("generated-100", jixiao::generate::project_text(100, 42)),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, base) in &inputs {
        let path = dir.path().join(format!("{name}.toml"));
        let theirs = with_deduction(base, 1, "bob 的发现");
        g.bench_with_input(BenchmarkId::new("save", name), &(), |b, _| {
            b.iter_batched(
                || {
                    // alice opens the project and adds a deduction; bob saves first.
                    std::fs::write(&path, base).unwrap();
                    let mut f = ProjectFile::open(&path).unwrap();
                    add_deduction(&mut f, 0, "alice 的发现");
                    std::fs::write(&path, &theirs).unwrap();
                    f
                },
                |mut f| {
                    f.save().unwrap();
                    assert!(!f.merged_in.is_empty());
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

/// From a colleague's rename over the project to the workbench's watcher saying so.
fn noticing(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, "a = 1\n").unwrap();
    let rx = jixiao::tui::events::watch_project(&path);
    let mut g = c.benchmark_group("notice_outside_save");
    g.sample_size(20);
    g.bench_function("inotify", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for i in 0..iters {
                while rx.try_recv().is_ok() {}
                let start = std::time::Instant::now();
                jixiao::store::atomic_write(&path, format!("a = {i}\n").as_bytes()).unwrap();
                loop {
                    match rx.recv_timeout(std::time::Duration::from_secs(2)) {
                        Ok(jixiao::tui::events::Wake::FileChanged) => break,
                        Ok(_) => continue,
                        Err(e) => panic!("no notice within 2 s: {e}"),
                    }
                }
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, merges, merging_saves, noticing);
criterion_main!(benches);
