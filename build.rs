//! Build script: lists the date-rule word tables in `assets/timex/<lang>/`
//! so that a language read by the word-table rules is one folder
//! (`words.tsv`) and nothing in the code names it. Writes
//! `$OUT_DIR/word_tables.rs`: a slice of (ISO 639-1 code, table text).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new("assets/timex");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut codes: Vec<String> = std::fs::read_dir(root)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().join("words.tsv").is_file())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    let mut out =
        String::from("/// (ISO 639-1 code, `words.tsv` text) of every word-table language.\n");
    out.push_str("pub(crate) const WORD_TABLES: &[(&str, &str)] = &[\n");
    for code in &codes {
        let path = root.join(code).join("words.tsv");
        println!("cargo:rerun-if-changed={}", path.display());
        let absolute = std::fs::canonicalize(&path).unwrap_or(path);
        let _ = writeln!(
            out,
            "    ({code:?}, include_str!({:?})),",
            absolute.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("word_tables.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
