//! Scores the geotagger on the labelled sentences of
//! `tests/data/places/labelled.tsv` at oblast level and prints precision and
//! recall. `-v` lists the lines where tagger and label differ.
//!
//! Run: `cargo run --release --example geo_eval [-- -v]`

use std::time::Instant;

use frontlog::places::{Gazetteer, eval};

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let t = Instant::now();
    let g = Gazetteer::builtin();
    let load = t.elapsed();
    let tsv = include_str!("../tests/data/places/labelled.tsv");
    let score = eval::score_labelled(g, tsv);
    if verbose {
        for (text, want, got) in &score.misses {
            println!("MISS {text}\n     want {want:?}\n     got  {got:?}");
        }
    }
    for label in &score.unknown_labels {
        println!("unknown label: {label}");
    }
    println!(
        "gazetteer: {} places, {} names, loaded in {:.1} ms",
        g.len(),
        g.name_count(),
        load.as_secs_f64() * 1000.0
    );
    println!(
        "labelled lines: {}  found: {}  right: {}  wrong: {}  missed: {}",
        score.lines,
        score.true_positives + score.false_positives,
        score.true_positives,
        score.false_positives,
        score.false_negatives
    );
    println!(
        "precision {:.3}  recall {:.3}  (oblast level)",
        score.precision(),
        score.recall()
    );
}
