//! Scoring the geotagger against a labelled set: each line a text and the
//! places it names at oblast level (`tests/data/places/labelled.tsv`). Used
//! by the `geo_eval` example and the integration test that holds the
//! thresholds.

use std::collections::BTreeSet;

use super::Gazetteer;

/// Precision and recall at oblast level, with the lines that missed.
#[derive(Debug, Default)]
pub struct Score {
    /// Labelled lines read.
    pub lines: usize,
    /// Places found that the label has.
    pub true_positives: usize,
    /// Places found that the label lacks.
    pub false_positives: usize,
    /// Places of the label not found.
    pub false_negatives: usize,
    /// Lines where the tagger and the label differ: text, expected, found.
    pub misses: Vec<(String, Vec<String>, Vec<String>)>,
    /// Labels that name no place of the gazetteer (typos in the set).
    pub unknown_labels: Vec<String>,
}

impl Score {
    /// Share of the places found that are right.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of the labelled places that were found.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Tags each line of a labelled TSV (text, `|`-separated oblast-level
/// display names; `#` comments) as one paragraph with its own focus
/// country, and counts agreement at oblast level.
pub fn score_labelled(g: &Gazetteer, tsv: &str) -> Score {
    let mut score = Score::default();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, labels) = line.split_once('\t').unwrap_or((line, ""));
        score.lines += 1;
        let expected: BTreeSet<String> = labels
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        for label in &expected {
            if g.lookup(label).is_none_or(|id| g.region(id).name != *label) {
                score.unknown_labels.push(label.clone());
            }
        }
        let focus = g.focus_country(text);
        let found: BTreeSet<String> = g
            .tag(text, focus)
            .iter()
            .map(|m| g.region(g.oblast_level(m.region)).name.clone())
            .collect();
        let tp = found.intersection(&expected).count();
        score.true_positives += tp;
        score.false_positives += found.len() - tp;
        score.false_negatives += expected.len() - tp;
        if found != expected {
            score.misses.push((
                text.to_string(),
                expected.into_iter().collect(),
                found.into_iter().collect(),
            ));
        }
    }
    score
}
