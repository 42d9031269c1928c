//! `frontlog gen-corpus` (hidden): writes a synthetic corpus for benchmarks.

use std::path::Path;

use frontlog::places::Gazetteer;
use frontlog::synth;

use super::Failure;

/// Writes `articles` generated articles into `dir`, which must be new or empty.
pub fn run(articles: usize, seed: u64, dir: &Path) -> Result<(), Failure> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Failure::usage(format!(
            "{} exists and is not empty",
            dir.display()
        )));
    }
    let bytes =
        synth::write_corpus(dir, articles, seed, Gazetteer::builtin()).map_err(|e| Failure {
            message: format!("cannot write {}: {e}", dir.display()),
            code: 1,
        })?;
    eprintln!(
        "wrote {articles} articles, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
