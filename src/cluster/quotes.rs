//! Reports that carry the same quoted words. A quotation is what was said,
//! word for word: when one report quotes a run of words (`warned that
//! "the convoy had already crossed the river before the bridge fell"`) and
//! another report of the same day carries the same run, quoted or not
//! (`Halvorsen said the convoy had already crossed the river before the
//! bridge fell, ...`), both tell the same words being said, however
//! different the rest of their sentences (a machine translation running
//! three sentences together, a different verb that types one of them a
//! meeting).
//!
//! The run must be [`QUOTE_WINDOW`] words long, so that a shared phrase
//! ("the issues of the border and the ceasefire") is not one: two
//! speakers who quote each other share a few words, rarely eight in a
//! row. Quotation marks are the signal: unquoted boilerplate that outlets
//! repeat ("since the start of the full-scale invasion in February 2022")
//! finds nothing, because only runs quoted somewhere are looked for.
//!
//! The whole sentence is read, as the reader sees it, even where
//! sentences run together without a space and the report's other
//! features are read from the part that holds its date
//! (`features.rs`): a quotation repeated in a glued run is still the
//! run's words. Quotation marks are counted within a sentence: a
//! quotation that spans sentences is read as quoted only in the sentence
//! it opens in, and single quotation marks (‘…’) are not read, as
//! apostrophes share their characters.
//!
//! Cost: one pass over each clustered event's sentence for its quoted
//! runs; a second pass, only when some event quotes, hashes every run of
//! the sentences and keeps those that are quoted somewhere in the corpus.
//! Memory is in proportion to the quoted words, not to the corpus.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::features::term_key;
use crate::store::EventStore;

/// How many words in a row two reports must share, quoted in one of them
/// at least, to carry the same quotation.
pub const QUOTE_WINDOW: usize = 8;

/// The quoted runs of every event and the runs of every event that are
/// quoted somewhere, as hashes of [`QUOTE_WINDOW`] consecutive words
/// (their stems, [`term_key`]), each list sorted.
pub struct Quotations {
    /// Per event, the runs it quotes.
    quoted: Vec<Vec<u64>>,
    /// Per event, its runs, quoted or not, that some event quotes.
    echoed: Vec<Vec<u64>>,
}

impl Quotations {
    /// Reads the sentences of `store`'s events for which `clustered(i)`
    /// holds (the others get empty lists). Headlines quote nothing here:
    /// an article's title is no report of words said.
    pub fn of(store: &EventStore, clustered: impl Fn(usize) -> bool + Sync) -> Quotations {
        let events = store.events();
        let sentence = |i: usize| -> Option<&str> {
            let e = &events[i];
            if !clustered(i) || e.headline {
                return None;
            }
            let s = e.sentence?;
            store.doc_of(e).text.get(s.range())
        };
        let quoted: Vec<Vec<u64>> = (0..events.len())
            .into_par_iter()
            .map(|i| sentence(i).map(quoted_windows).unwrap_or_default())
            .collect();
        let wanted: FxHashSet<u64> = quoted.iter().flatten().copied().collect();
        let echoed = if wanted.is_empty() {
            vec![Vec::new(); events.len()]
        } else {
            (0..events.len())
                .into_par_iter()
                .map(|i| sentence(i).map(|s| echoes(s, &wanted)).unwrap_or_default())
                .collect()
        };
        Quotations { quoted, echoed }
    }

    /// Whether one of two events carries words the other quotes
    /// ([`QUOTE_WINDOW`] of them in a row).
    /// An index past the events (a lead read as a report) shares nothing.
    pub fn shared(&self, a: usize, b: usize) -> bool {
        let (Some(qa), Some(qb)) = (self.quoted.get(a), self.quoted.get(b)) else {
            return false;
        };
        meet(qa, &self.echoed[b]) || meet(qb, &self.echoed[a])
    }
}

/// A sentence's words as stems ([`term_key`]), each with whether it stands
/// inside quotation marks. A straight or curly double quotation mark opens
/// a quotation outside one and closes it inside (so „…“, “…” and "…" all
/// pair up); « always opens and » always closes. A quotation left open
/// runs to the sentence's end, as a quoted paragraph does.
fn words_and_quoting(sentence: &str) -> Vec<(u64, bool)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in sentence.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some((i, inside));
            }
            continue;
        }
        if let Some((s, q)) = start.take() {
            out.push((term_key(&sentence[s..i]), q));
        }
        match c {
            '"' | '“' | '”' | '„' | '‟' => inside = !inside,
            '«' => inside = true,
            '»' => inside = false,
            _ => {}
        }
    }
    if let Some((s, q)) = start {
        out.push((term_key(&sentence[s..]), q));
    }
    out
}

/// The hash of a run of word stems.
fn window_hash(keys: &[u64]) -> u64 {
    keys.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &k| {
        (h ^ k).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23)
    })
}

/// Whether a sentence may hold a quotation mark: a `"`, or the first byte
/// of the UTF-8 of `“ ” „ ‟` (0xE2) or of `« »` (0xC2). A quick test
/// before the words are read; other characters share those first bytes.
fn may_quote(sentence: &str) -> bool {
    sentence.bytes().any(|b| matches!(b, b'"' | 0xE2 | 0xC2))
}

/// The hashes of the [`QUOTE_WINDOW`]-word runs that lie wholly inside
/// quotation marks in `sentence`, sorted, each once.
pub fn quoted_windows(sentence: &str) -> Vec<u64> {
    if !may_quote(sentence) {
        return Vec::new();
    }
    let words = words_and_quoting(sentence);
    let mut out = Vec::new();
    for run in words.chunk_by(|x, y| x.1 == y.1).filter(|r| r[0].1) {
        let keys: Vec<u64> = run.iter().map(|w| w.0).collect();
        out.extend(keys.windows(QUOTE_WINDOW).map(window_hash));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The hashes of the [`QUOTE_WINDOW`]-word runs of `sentence`, quoted or
/// not, that are in `wanted`, sorted, each once.
pub fn echoes(sentence: &str, wanted: &FxHashSet<u64>) -> Vec<u64> {
    let keys: Vec<u64> = words_and_quoting(sentence).iter().map(|w| w.0).collect();
    let mut out: Vec<u64> = keys
        .windows(QUOTE_WINDOW)
        .map(window_hash)
        .filter(|h| wanted.contains(h))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two sorted lists share a value.
fn meet(a: &[u64], b: &[u64]) -> bool {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(quoting: &str, other: &str) -> bool {
        let q = quoted_windows(quoting);
        let wanted: FxHashSet<u64> = q.iter().copied().collect();
        meet(&q, &echoes(other, &wanted))
    }

    #[test]
    fn a_quoted_run_found_unquoted_in_another_report_is_shared() {
        let a = "Minister Halvorsen warned on Tuesday that \"the convoy had already \
                 crossed the river before the bridge fell.\"Elsewhere, talks stalled.";
        let b = "Halvorsen said the convoy had already crossed the river before the \
                 bridge fell, and blamed the engineers.";
        assert!(shared(a, b));
        // Curly and low-high quotation marks, and a quotation left open.
        let curly = "She said: “the convoy had already crossed the river before the bridge fell”.";
        let low = "Вона сказала: „the convoy had already crossed the river before the bridge";
        assert!(shared(curly, b) && shared(low, b));
    }

    #[test]
    fn a_short_or_unquoted_run_is_not_a_quotation() {
        let b = "Halvorsen said the convoy had already crossed the river before the bridge fell.";
        // Seven words in a row are a phrase, not a quotation.
        assert!(!shared(
            "He said \"the convoy had already crossed the river\" again.",
            b
        ));
        // The same words without quotation marks in either report.
        assert!(quoted_windows(b).is_empty());
        assert!(!shared(
            "Officials said the convoy had already crossed the river before the bridge fell.",
            b
        ));
        // Words outside the quotation do not extend it.
        let split = "\"The convoy had already crossed\" the river before the bridge fell.";
        assert!(!shared(split, b));
    }

    #[test]
    fn guillemets_open_and_close_and_words_are_compared_by_stem() {
        let a = "Він заявив: «колона вже перетнула річку до того як міст упав сьогодні».";
        let b =
            "Речник повторив, що колона вже перетнула річку до того як міст упав сьогодні вранці.";
        assert!(shared(a, b));
        // Case and endings past the stem do not matter.
        let c = "\"The Convoys Had Already Crossed The River Before The Bridges fell\"";
        let d = "the convoy had already crossed the river before the bridge fell";
        assert!(shared(c, d));
        assert!(!meet(&[1, 3, 5], &[2, 4, 6]) && meet(&[1, 3, 5], &[0, 5]));
    }
}
