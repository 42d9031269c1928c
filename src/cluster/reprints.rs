//! Syndicated reprints: articles that are one wire story printed by several
//! outlets (or one outlet twice) count as one report.
//!
//! Each article body gets a 64-bit SimHash (Charikar 2002, by the `simhash`
//! crate) of its lower-cased word 3-shingles; two articles are copies when
//! their hashes differ in at most [`MAX_DISTANCE`] bits (Manku, Jain and Das
//! Sarma, WWW 2007, use 3 of 64 for web pages). Candidates are found by
//! bands: split into four 16-bit bands, two hashes within 3 bits agree
//! exactly on at least one band, so only articles sharing a band are
//! compared.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::corpus::Document;

/// The most bits two copies' hashes may differ in.
pub const MAX_DISTANCE: u32 = 3;

/// The smallest share of shingles two candidates must have in common
/// (Jaccard) to be called copies: the hash's bits only nominate them,
/// since articles written from one template can hash alike.
pub const MIN_JACCARD: f64 = 0.7;

/// Articles shorter than this, in words, are never called copies: a short
/// text (a Telegram post, a headline) says too little to tell a reprint
/// from two outlets' own short reports.
pub const MIN_WORDS: usize = 60;

/// For each article (by index), the smallest index of the articles it is a
/// copy of (itself when it is no copy).
pub fn reprint_groups(docs: &[Document]) -> Vec<u32> {
    let hashes: Vec<Option<u64>> = docs.par_iter().map(fingerprint).collect();
    let mut parent: Vec<u32> = (0..docs.len() as u32).collect();
    let mut bands: HashMap<(u8, u16), Vec<u32>> = HashMap::new();
    for (i, h) in hashes.iter().enumerate() {
        let Some(h) = h else { continue };
        for band in 0..4u8 {
            let key = (band, (h >> (16 * band)) as u16);
            let list = bands.entry(key).or_default();
            for &j in list.iter() {
                let other = hashes[j as usize].unwrap_or(!h);
                if simhash::hamming_distance(*h, other) <= MAX_DISTANCE
                    && find(&mut parent, i as u32) != find(&mut parent, j)
                    && jaccard(&docs[i], &docs[j as usize]) >= MIN_JACCARD
                {
                    union(&mut parent, i as u32, j);
                }
            }
            list.push(i as u32);
        }
    }
    (0..docs.len() as u32)
        .map(|i| find(&mut parent, i))
        .collect()
}

/// The most shingles hashed per article: a reprint is a copy from its
/// start, and the bound keeps the cost per article fixed.
pub const MAX_SHINGLES: usize = 100;

fn fingerprint(doc: &Document) -> Option<u64> {
    let body = doc.text.get(doc.body_start..).unwrap_or(&doc.text);
    let words = word_spans(body);
    if words.len() < MIN_WORDS {
        return None;
    }
    Some(simhash::simhash_stream(shingles(body, &words)))
}

/// The share of distinct shingles two articles have in common.
fn jaccard(a: &Document, b: &Document) -> f64 {
    let set = |d: &Document| {
        let body = d.text.get(d.body_start..).unwrap_or(&d.text);
        let words = word_spans(body);
        let mut keys: Vec<u64> = shingles(body, &words)
            .map(|s| crate::extract::fnv1a(s.as_bytes()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    let (x, y) = (set(a), set(b));
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = x.len() + y.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// A shingle is the text from a word's start to the end of the word two
/// further on, punctuation and case as printed.
fn shingles<'t>(body: &'t str, words: &'t [(usize, usize)]) -> impl Iterator<Item = &'t str> + 't {
    words
        .windows(3)
        .take(MAX_SHINGLES)
        .map(move |w| &body[w[0].0..w[2].1])
}

/// Where the part of an article body its fingerprint and shingles read
/// ends, in bytes from the body's start: the end of the last word the
/// [`MAX_SHINGLES`] shingles take, or the body's end.
pub fn opening_end(body: &str) -> usize {
    let words = word_spans(body);
    words.get(MAX_SHINGLES + 1).map_or(body.len(), |w| w.1)
}

/// Word spans, as byte ranges of the body, up to what [`MAX_SHINGLES`]
/// shingles need.
fn word_spans(body: &str) -> Vec<(usize, usize)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
                if words.len() > MAX_SHINGLES + 2 {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, body.len()));
    }
    words
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        parent[i as usize] = parent[parent[i as usize] as usize];
        i = parent[i as usize];
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
    parent[hi as usize] = lo;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            text: text.to_string(),
            ..Document::default()
        }
    }

    fn story(variant: &str) -> String {
        let mut s = String::new();
        for i in 0..20 {
            s.push_str(&format!(
                "Paragraph {i} tells how the convoy crossed the river near the old mill before dawn. "
            ));
        }
        s.push_str(variant);
        s
    }

    #[test]
    fn a_reprint_with_a_changed_credit_is_a_copy_and_another_story_is_not() {
        let docs = [
            doc("a", &story("Reporting by the wire desk.")),
            doc("b", &story("Reprinted with permission.")),
            doc(
                "c",
                &"Officials counted the damaged houses in the village after the storm passed. "
                    .repeat(8),
            ),
        ];
        let groups = reprint_groups(&docs);
        assert_eq!(groups[0], 0);
        assert_eq!(groups[1], 0, "the reprint joins the first copy");
        assert_eq!(groups[2], 2);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let docs = [
            doc("a", "Drones struck the port."),
            doc("b", "Drones struck the port."),
        ];
        assert_eq!(reprint_groups(&docs), vec![0, 1]);
    }
}
