//! Resident memory at each stage of opening a generated project (a quick look).
fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    println!("start: {:.1} MB", rss_mb());
    let text = jixiao::generate::project_text(n, 42);
    println!("text ({} MB): {:.1} MB", text.len() / 1_000_000, rss_mb());
    let loaded = jixiao::store::parse_project(&text).unwrap();
    println!("parse_project (model + source map): {:.1} MB", rss_mb());
    let card = jixiao::scoring::score(&loaded.project);
    println!("+ scorecard: {:.1} MB", rss_mb());
    drop(card);
    drop(loaded);
    println!("dropped: {:.1} MB", rss_mb());
    let file =
        jixiao::store::ProjectFile::from_text(std::path::Path::new("x.toml"), &text).unwrap();
    println!(
        "ProjectFile (model + map + editable document): {:.1} MB",
        rss_mb()
    );
    let app = jixiao::tui::App::new(
        file,
        jixiao::tui::Options {
            lang: jixiao::tui::Lang::Zh,
            theme: jixiao::tui::Theme::from_env(false),
            read_only: None,
        },
    );
    println!("App (+ scorecard, diagnostics, tree): {:.1} MB", rss_mb());
    std::hint::black_box(&app);
}
