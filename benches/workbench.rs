//! The workbench's cost per keystroke: key → state update → frame drawn into a persistent
//! TestBackend terminal (as the event loop reuses its terminal), on the samples and on
//! generated projects of 1,000 and 10,000 leaves. `cargo bench --bench workbench`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jixiao::store::ProjectFile;
use jixiao::tui::action::Action;
use jixiao::tui::testing::keys;
use jixiao::tui::{App, Lang, Options, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn projects() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ["rongcheng-checkup", "rongcheng-outsourcing-park"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read_to_string(format!("{}/samples/{n}.toml", env!("CARGO_MANIFEST_DIR")))
                    .unwrap(),
            )
        })
        .collect();
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

fn app(text: &str) -> App {
    let file = ProjectFile::from_text(Path::new("bench.toml"), text).unwrap();
    let mut app = App::new(
        file,
        Options {
            lang: Lang::Zh,
            theme: Theme::from_env(false),
            read_only: None,
        },
    );
    app.update(Action::Resize(120, 40));
    app
}

fn benches(c: &mut Criterion) {
    for (name, text) in projects() {
        let mut g = c.benchmark_group(format!("key_to_frame/{name}"));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();

        let mut a = app(&text);
        terminal.draw(|f| view::draw(f, &a)).unwrap();
        let mut down = true;
        g.bench_function(BenchmarkId::from_parameter("move_one_row"), |b| {
            b.iter(|| {
                // Go down and back up so every iteration moves exactly one row.
                keys(&mut a, if down { "j" } else { "k" });
                down = !down;
                terminal.draw(|f| view::draw(f, &a)).unwrap();
            })
        });

        let mut a = app(&text);
        keys(&mut a, "GkkL");
        g.bench_function(BenchmarkId::from_parameter("add_deduction_and_undo"), |b| {
            b.iter(|| {
                keys(&mut a, "a0.5<Tab>基准<Enter>");
                terminal.draw(|f| view::draw(f, &a)).unwrap();
                keys(&mut a, "u");
                terminal.draw(|f| view::draw(f, &a)).unwrap();
            })
        });

        let mut a = app(&text);
        keys(&mut a, "Gw");
        g.bench_function(
            BenchmarkId::from_parameter("type_one_character_in_justification"),
            |b| {
                b.iter(|| {
                    keys(&mut a, "字");
                    terminal.draw(|f| view::draw(f, &a)).unwrap();
                    keys(&mut a, "<BS>");
                    terminal.draw(|f| view::draw(f, &a)).unwrap();
                })
            },
        );
        g.finish();
        black_box(&terminal);
    }
}

criterion_group!(workbench, benches);
criterion_main!(workbench);
