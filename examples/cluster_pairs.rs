//! Prints every pair of events of a small corpus with its clustering
//! similarity and, when the pair may never merge, why — for tuning the
//! clustering against a gold set.
//!
//! ```sh
//! cargo run --release --example cluster_pairs -- <corpus> [manifest.toml]
//! ```
//! Output: one line per pair, `similarity reason id_a id_b` (reason `ok`
//! when the pair may merge), ids as in the JSON export.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.first() else {
        eprintln!("usage: cluster_pairs <corpus> [manifest.toml]");
        std::process::exit(2);
    };
    let manifest = args.get(1).map(std::path::Path::new);
    let opened = match frontlog::ingest::open_with(
        std::path::Path::new(root),
        manifest,
        &frontlog::ingest::Options::default(),
        &frontlog::ingest::Progress::default(),
    ) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for (s, why, a, b) in frontlog::cluster::debug_pairs(&opened.store) {
        println!("{s:.3} {why} {a} {b}");
    }
}
