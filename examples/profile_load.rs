//! Times the stages of loading a generated project (a quick look, not a benchmark).
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = jixiao::generate::project_text(n, 42);
    let t = std::time::Instant::now();
    let doc = toml_edit::Document::parse(text.as_str()).unwrap();
    println!("toml_edit Document::parse: {:?}", t.elapsed());
    drop(doc);
    let t = std::time::Instant::now();
    let _m: toml_edit::DocumentMut = text.parse().unwrap();
    println!("toml_edit DocumentMut parse: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let loaded = jixiao::store::parse_project(&text).unwrap();
    println!("parse_project: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _tree = jixiao::model::Tree::build(&loaded.project);
    println!("Tree::build: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _c = jixiao::scoring::score(&loaded.project);
    println!("score: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _d = jixiao::check::check(&loaded);
    println!("check: {:?}", t.elapsed());
}
