//! Build script: lists the date-rule word tables in `assets/timex/<lang>/`
//! so that a language read by the word-table rules is one folder
//! (`words.tsv`) and nothing in the code names it. Writes
//! `$OUT_DIR/word_tables.rs`: a slice of (ISO 639-1 code, table text).
//!
//! It also hashes the sources (`src/`, `assets/`, `Cargo.toml`,
//! `Cargo.lock`, `build.rs`) into
//! `FRONTLOG_SOURCE_ID`: two builds from the same sources encode what they
//! extract the same way, whichever program (the `frontlog` binary, the
//! Python module) they are part of (see `frontlog::engine::build_id`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    source_id();
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

/// Emits `FRONTLOG_SOURCE_ID`: 64-bit FNV-1a over the relative paths and
/// bytes of every file under `src/` and `assets/` and of `Cargo.toml`,
/// `Cargo.lock` (the dependencies' versions) and `build.rs`, in path order.
fn source_id() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut files: Vec<std::path::PathBuf> = ["Cargo.toml", "Cargo.lock", "build.rs"]
        .iter()
        .map(|f| Path::new(f).to_path_buf())
        .filter(|f| f.is_file())
        .collect();
    for dir in ["src", "assets"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(Path::new(dir), &mut files);
    }
    for f in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for f in &files {
        eat(f.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&[0]);
        eat(&std::fs::read(f).unwrap_or_default());
        eat(&[0]);
    }
    println!("cargo:rustc-env=FRONTLOG_SOURCE_ID={h:016x}");
}
