//! Designing a big tree: adding, removing and moving one indicator, undoing a removal and
//! changing a parent's code in a project of 2,000 and 10,000 leaves, through `ProjectFile::apply` (the path of the workbench's `o`/`x`/`K`/`J`
//! and of `jixiao indicator`), against reading the whole file again — what every such edit
//! cost before the model followed the document in place. The copy each edit starts from is
//! made and dropped outside the timing. `cargo bench --bench tree_edit`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use jixiao::edit::Edit;
use jixiao::store::ProjectFile;
use rust_decimal::Decimal;

fn benches(c: &mut Criterion) {
    for leaves in [2_000usize, 10_000] {
        let text = jixiao::generate::project_text(leaves, 42);
        let file = ProjectFile::from_text(Path::new("bench.toml"), &text).unwrap();
        let mut g = c.benchmark_group(format!("tree_edit/generated-{leaves}"));
        g.sample_size(20);

        g.bench_function(BenchmarkId::from_parameter("read_the_file_again"), |b| {
            b.iter(|| black_box(ProjectFile::from_text(Path::new("bench.toml"), &text).unwrap()))
        });

        let add = Edit::AddIndicator {
            code: "A1-99".into(),
            parent: Some("A1".into()),
            index: 1,
            name: "新指标".into(),
            weight: Decimal::ONE,
        };
        g.bench_function(BenchmarkId::from_parameter("add_a_leaf"), |b| {
            b.iter_batched_ref(
                || file.clone(),
                |f| black_box(f.apply(&add).unwrap()),
                BatchSize::LargeInput,
            )
        });

        // The path before: the same edit, then the whole file read again from its text.
        g.bench_function(
            BenchmarkId::from_parameter("add_a_leaf_reading_again"),
            |b| {
                b.iter_batched_ref(
                    || file.clone(),
                    |f| {
                        f.apply(&add).unwrap();
                        black_box(
                            ProjectFile::from_text(Path::new("bench.toml"), &f.text()).unwrap(),
                        )
                    },
                    BatchSize::LargeInput,
                )
            },
        );

        let remove = Edit::RemoveIndicator {
            code: "A1-02".into(),
        };
        g.bench_function(BenchmarkId::from_parameter("remove_a_leaf"), |b| {
            b.iter_batched_ref(
                || file.clone(),
                |f| black_box(f.apply(&remove).unwrap()),
                BatchSize::LargeInput,
            )
        });

        let down = Edit::MoveIndicator {
            code: "A1-01".into(),
            parent: Some("A1".into()),
            index: 1,
        };
        g.bench_function(BenchmarkId::from_parameter("move_a_leaf_down"), |b| {
            b.iter_batched_ref(
                || file.clone(),
                |f| black_box(f.apply(&down).unwrap()),
                BatchSize::LargeInput,
            )
        });

        // Undoing a removal (`u` after `x`): the removed tables' text put back. The removal
        // itself happens outside the timing.
        let (removed, restore) = {
            let mut f = file.clone();
            let undo = f.apply(&remove).unwrap();
            (f, undo)
        };
        g.bench_function(BenchmarkId::from_parameter("undo_a_removal"), |b| {
            b.iter_batched_ref(
                || removed.clone(),
                |f| black_box(f.apply(&restore).unwrap()),
                BatchSize::LargeInput,
            )
        });

        let recode = Edit::SetCode {
            code: "A1".into(),
            new_code: "A1X".into(),
        };
        g.bench_function(BenchmarkId::from_parameter("change_a_code"), |b| {
            b.iter_batched_ref(
                || file.clone(),
                |f| black_box(f.apply(&recode).unwrap()),
                BatchSize::LargeInput,
            )
        });
        g.finish();
    }
}

criterion_group!(tree_edit, benches);
criterion_main!(tree_edit);
