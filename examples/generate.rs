//! Writes a deterministic synthetic project: `cargo run --release --example generate -- 10000 42 > big.toml`.

fn main() {
    let mut args = std::env::args().skip(1);
    let leaves = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    print!("{}", jixiao::generate::project_text(leaves, seed));
}
