//! The text filter's side of the store: each event's folded text and its
//! article's folded title and outlet, searched by a parallel scan of one
//! contiguous text, or through the word-prefix index
//! ([`super::text_index`]) once it is built.

use rayon::prelude::*;
use roaring::RoaringBitmap;

use super::text_index::{Lookup, TextIndex};
use super::{EventStore, TextMatcher, nth_record};
use crate::interrupt::Interrupt;

/// Events checked one by one per piece of work on a core, and between two
/// looks at an [`Interrupt`].
const CHECK_PIECE: usize = 4096;

impl EventStore {
    /// The text index, built now on every core if it is not yet (it is
    /// forgotten whenever events are added or retired). Meant for a thread
    /// of its own once the corpus is in; queries use it once it is there.
    /// Its pairs of frequent words come after: [`EventStore::build_text_pairs`].
    pub fn build_text_index(&self) -> &TextIndex {
        self.text_index.get_or_init(|| {
            TextIndex::build(
                self.events.len(),
                |i| self.search_text(i as u32),
                self.docs.len(),
                |i| self.events[i].doc as usize,
                |d| self.doc_search_text(d),
            )
        })
    }

    /// The text index with its pairs of frequent words
    /// ([`TextIndex::build_followers`]), each built now if it is not yet:
    /// the index first, so that a caller on another thread may use it while
    /// the pairs are built. Phrases use the pairs once they are there.
    pub fn build_text_pairs(&self) -> &TextIndex {
        let index = self.build_text_index();
        index.build_followers(
            |i| self.search_text(i as u32),
            self.docs.len(),
            |i| self.events[i].doc as usize,
            |d| self.doc_search_text(d),
        );
        index
    }

    /// The text index, if it is built for the current events.
    pub fn text_index(&self) -> Option<&TextIndex> {
        self.text_index.get()
    }

    /// Every event whose text, article title or outlet holds the needle
    /// (from the start of a word), as a bitmap of event indexes, when the
    /// text index is built; `None` when it is not. Phrases the index does
    /// not answer exactly ([`TextIndex::lookup`]) and needles with
    /// punctuation are checked exactly on the index's candidates, on every
    /// core.
    ///
    /// `within`, when given, holds every event the caller will look at (the
    /// other filters' events): only those are checked, and the answer holds
    /// no other.
    pub fn indexed_text_matches(
        &self,
        needle: &TextMatcher,
        within: Option<&RoaringBitmap>,
    ) -> Option<RoaringBitmap> {
        self.indexed_text_matches_until(needle, within, &Interrupt::NEVER)
    }

    /// [`EventStore::indexed_text_matches`], stopping early once `stop`
    /// fires: the answer is then partial, for the caller to throw away.
    pub fn indexed_text_matches_until(
        &self,
        needle: &TextMatcher,
        within: Option<&RoaringBitmap>,
        stop: &Interrupt<'_>,
    ) -> Option<RoaringBitmap> {
        let index = self.text_index()?;
        let cut = |mut found: RoaringBitmap| {
            if let Some(w) = within {
                found &= w;
            }
            found
        };
        Some(match index.lookup(needle.folded()) {
            Lookup::Exact(found) => cut(found),
            Lookup::Candidates(candidates) => self.checked(needle, cut(candidates), stop),
            Lookup::NoWord => {
                let hits = self.text_hits_until(needle, stop);
                cut((0..hits.len() as u32)
                    .filter(|&i| hits[i as usize])
                    .collect())
            }
        })
    }

    /// The candidates whose text holds the needle, checked exactly on
    /// every core; when most events are candidates, by one pass over all
    /// the text instead.
    fn checked(
        &self,
        needle: &TextMatcher,
        candidates: RoaringBitmap,
        stop: &Interrupt<'_>,
    ) -> RoaringBitmap {
        if candidates.len() * 4 > self.events.len() as u64 {
            let hits = self.text_hits_until(needle, stop);
            return candidates.iter().filter(|&i| hits[i as usize]).collect();
        }
        let list = super::bitmap_list::sorted(&candidates);
        let kept = self.events_containing_until(&list, needle, stop);
        RoaringBitmap::from_sorted_iter(kept).unwrap_or_default()
    }

    /// The events of `list` whose text, article title or outlet holds the
    /// needle ([`EventStore::event_contains`]), in `list`'s order, checked
    /// one by one on every core; each piece of [`CHECK_PIECE`] events
    /// looks at `stop` first and is skipped once it fires (the answer is
    /// then partial, for the caller to throw away).
    pub fn events_containing_until(
        &self,
        list: &[u32],
        needle: &TextMatcher,
        stop: &Interrupt<'_>,
    ) -> Vec<u32> {
        list.par_chunks(CHECK_PIECE)
            .flat_map_iter(|piece| {
                let go = !stop.fired();
                piece
                    .iter()
                    .copied()
                    .filter(move |&i| go && self.event_contains(i, needle))
            })
            .collect()
    }

    /// The case-folded text of event `i` (as shown), for the text filter.
    fn search_text(&self, i: u32) -> &str {
        nth_record(
            &self.search,
            &self.search_starts,
            self.arrival[i as usize] as usize,
        )
    }

    /// Whether event `i`'s text, its article's title or its outlet holds
    /// the needle (from the start of a word).
    pub fn event_contains(&self, i: u32, needle: &TextMatcher) -> bool {
        let doc = self.events[i as usize].doc as usize;
        needle.is_match_folded(self.search_text(i))
            || needle.is_match_folded(self.doc_search_text(doc))
    }

    /// The case-folded title and outlet of article `doc`.
    fn doc_search_text(&self, doc: usize) -> &str {
        nth_record(&self.doc_search, &self.doc_search_starts, doc)
    }

    /// Every event whose text, article title or outlet holds the needle,
    /// found in one parallel pass over the folded text (not the index): a
    /// flag per event.
    pub fn text_hits(&self, needle: &TextMatcher) -> Vec<bool> {
        self.text_hits_until(needle, &Interrupt::NEVER)
    }

    /// [`EventStore::text_hits`], stopping early once `stop` fires: the
    /// flags are then partial, for the caller to throw away.
    pub fn text_hits_until(&self, needle: &TextMatcher, stop: &Interrupt<'_>) -> Vec<bool> {
        let mut hits = vec![false; self.events.len()];
        let docs: Vec<bool> = (0..self.docs.len())
            .into_par_iter()
            .map(|d| needle.is_match_folded(self.doc_search_text(d)))
            .collect();
        if docs.iter().any(|&d| d) {
            for (flag, e) in hits.iter_mut().zip(&self.events) {
                *flag = docs[e.doc as usize];
            }
        }
        let arrivals = self.search_starts.len();
        let pieces = (arrivals / 4096).clamp(1, 256);
        let found: Vec<u32> = (0..pieces)
            .into_par_iter()
            .flat_map_iter(|p| {
                let (a0, a1) = (arrivals * p / pieces, arrivals * (p + 1) / pieces);
                if stop.fired() {
                    return Vec::new();
                }
                self.arrivals_matching(needle, a0, a1)
            })
            .collect();
        for a in found {
            hits[self.position[a as usize] as usize] = true;
        }
        hits
    }

    /// The arrival numbers in `a0..a1` whose text holds the needle (from
    /// the start of a word): one search over their contiguous text,
    /// skipping to the next event after each match.
    fn arrivals_matching(&self, needle: &TextMatcher, a0: usize, a1: usize) -> Vec<u32> {
        let mut out = Vec::new();
        if a0 >= a1 {
            return out;
        }
        let end = self.search_starts.get(a1).map_or(self.search.len(), |&s| s);
        let bytes = self.search.as_bytes();
        let mut pos = self.search_starts[a0];
        let mut a = a0;
        while let Some(at) = needle.find_from(bytes, pos, end) {
            while a + 1 < a1 && self.search_starts[a + 1] <= at {
                a += 1;
            }
            out.push(a as u32);
            a += 1;
            if a >= a1 {
                break;
            }
            pos = self.search_starts[a];
        }
        out
    }
}
