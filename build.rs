//! Embeds every framework in frameworks/ into the binary, so `jixiao new --framework ID` works
//! wherever the binary is copied.

use std::fmt::Write;

fn main() {
    let dir =
        std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("frameworks");
    println!("cargo::rerun-if-changed=frameworks");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// (file name, contents) of every built-in framework.\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for n in names {
        println!("cargo::rerun-if-changed=frameworks/{n}");
        writeln!(
            out,
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/frameworks/{n}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_frameworks.rs");
    std::fs::write(dest, out).unwrap();
}
