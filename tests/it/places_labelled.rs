//! The labelled sentences of `tests/data/places/labelled.tsv`, scored at
//! oblast level: precision and recall must both stay at 0.95 or more (the
//! same figures `cargo run --release --example geo_eval` prints).

use frontlog::places::{Gazetteer, eval};

#[test]
fn labelled_set_meets_the_thresholds() {
    let tsv = include_str!("../data/places/labelled.tsv");
    let score = eval::score_labelled(Gazetteer::builtin(), tsv);
    assert!(score.lines >= 150, "only {} labelled lines", score.lines);
    assert!(
        score.unknown_labels.is_empty(),
        "labels that name no place: {:?}",
        score.unknown_labels
    );
    let report: Vec<String> = score
        .misses
        .iter()
        .map(|(t, want, got)| format!("{t}\n  want {want:?}\n  got  {got:?}"))
        .collect();
    assert!(
        score.precision() >= 0.95 && score.recall() >= 0.95,
        "precision {:.3}, recall {:.3}\n{}",
        score.precision(),
        score.recall(),
        report.join("\n")
    );
}
