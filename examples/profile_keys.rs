//! Times key → state update → frame in the workbench on a generated project (a quick look;
//! the numbers for docs/performance.md come from `cargo bench --bench workbench`).
use std::time::Instant;

use jixiao::store::ProjectFile;
use jixiao::tui::testing::{keys, render};
use jixiao::tui::{App, Lang, Options, Theme};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = jixiao::generate::project_text(n, 42);
    let file = ProjectFile::from_text(std::path::Path::new("gen.toml"), &text).unwrap();
    let t = Instant::now();
    let mut app = App::new(
        file,
        Options {
            lang: Lang::Zh,
            theme: Theme::from_env(false),
            read_only: None,
        },
    );
    println!("App::new: {:?}", t.elapsed());
    let t = Instant::now();
    render(&mut app, 120, 40);
    println!("first frame: {:?}", t.elapsed());
    for (what, k) in [
        ("move j", "j"),
        ("move j", "j"),
        ("expand/collapse h", "h"),
        ("G", "G"),
        ("g", "g"),
    ] {
        let t = Instant::now();
        keys(&mut app, k);
        let k_t = t.elapsed();
        render(&mut app, 120, 40);
        println!("{what}: key {k_t:?}, key+frame {:?}", t.elapsed());
    }
    keys(&mut app, "jjjjj");
    let t = Instant::now();
    keys(&mut app, "a0.5<Tab>基准<Enter>");
    let k_t = t.elapsed();
    render(&mut app, 120, 40);
    println!("add deduction: key {k_t:?}, key+frame {:?}", t.elapsed());
    let t = Instant::now();
    keys(&mut app, "u");
    render(&mut app, 120, 40);
    println!("undo + frame: {:?}", t.elapsed());
}
