//! Renders many frames of a sample for profiling (`perf record`, `valgrind --tool=callgrind`).
use jixiao::store::ProjectFile;
use jixiao::tui::testing::{keys, render};
use jixiao::tui::{App, Lang, Options, Theme};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "samples/rongcheng-checkup.toml".into());
    let frames: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let file = ProjectFile::open(std::path::Path::new(&path)).unwrap();
    let mut app = App::new(
        file,
        Options {
            lang: Lang::Zh,
            theme: Theme::from_env(false),
            read_only: None,
        },
    );
    let t = std::time::Instant::now();
    for k in 0..frames {
        keys(&mut app, if (k / 20) % 2 == 0 { "j" } else { "k" });
        render(&mut app, 120, 40);
    }
    println!("{:?} per key+frame", t.elapsed() / frames as u32);
}
