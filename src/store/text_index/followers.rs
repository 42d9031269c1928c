//! Which word follows which: for each frequent word of the index, the
//! events in which each other word comes right after it, separated by one
//! space of the folded text (the folding makes every whitespace run one
//! space). With it, a two-word needle whose first word is frequent
//! ("officials sa", "air d") is answered exactly from bitmaps, with no
//! look at the text: the first word must be whole (a space follows it in
//! the needle, so in the text) and the second starts with the needle's
//! last word.
//!
//! Only frequent first words are kept, since a rare first word already
//! narrows a phrase to few events, which the exact check reads quickly;
//! the pairs of frequent words are the ones that made a phrase's check
//! read a large part of the store.
//!
//! Built in a second pass over the text once the word index is there
//! ([`super::TextIndex::build_followers`]), so that the word index answers
//! as early as it would alone; until the pairs are built, a phrase is
//! answered by its candidates and the exact check.

use rayon::prelude::*;
use roaring::RoaringBitmap;
use rustc_hash::FxHashMap;

use super::{events_by_key, words};

/// The events behind each pair (frequent word, word that follows it).
#[derive(Default)]
pub(super) struct Followers {
    /// The frequent words, by word id (their index in the vocabulary),
    /// ascending.
    firsts: Vec<u32>,
    /// Where each first word's followers start in `seconds` (one more
    /// entry than `firsts`).
    starts: Vec<u32>,
    /// Each first word's followers, by word id, ascending within it.
    seconds: Vec<u32>,
    /// The events holding each pair of `seconds`.
    postings: Vec<RoaringBitmap>,
}

/// The word-id pairs `(a, b)` of folded `text` where `b` comes right after
/// `a` with one space between and `a` is frequent: `frequent(word)` gives a
/// frequent word's id (a small table, asked of every word), `id(word)` any
/// word's (asked only of the words after a frequent one).
fn pairs<'t>(
    text: &'t str,
    frequent: &'t impl Fn(&str) -> Option<u32>,
    id: &'t impl Fn(&str) -> Option<u32>,
) -> impl Iterator<Item = (u32, u32)> + 't {
    let base = text.as_ptr() as usize;
    let mut prev: Option<(u32, usize)> = None;
    words(text).filter_map(move |w| {
        let start = w.as_ptr() as usize - base;
        let pair = match prev {
            Some((a, end)) if end + 1 == start && text.as_bytes()[end] == b' ' => {
                id(w).map(|b| (a, b))
            }
            _ => None,
        };
        prev = frequent(w).map(|a| (a, start + w.len()));
        pair
    })
}

impl Followers {
    /// The followers of the frequent words, over the same events and
    /// articles as [`super::TextIndex::build`]: `id(word)` is a word's id
    /// in the vocabulary and `frequent` the frequent words with their ids,
    /// by ascending id. Built on every core.
    pub(super) fn build<'a>(
        events: usize,
        event_text: impl Fn(usize) -> &'a str + Sync,
        docs: usize,
        doc_of: impl Fn(usize) -> usize + Sync,
        doc_text: impl Fn(usize) -> &'a str + Sync,
        id: impl Fn(&str) -> Option<u32> + Sync,
        frequent: &[(&str, u32)],
    ) -> Followers {
        let table: FxHashMap<&str, u32> = frequent.iter().copied().collect();
        let frequent_id = |w: &str| table.get(w).copied();
        let doc_pairs: Vec<Vec<(u32, u32)>> = (0..docs)
            .into_par_iter()
            .map(|d| {
                let mut p: Vec<(u32, u32)> = pairs(doc_text(d), &frequent_id, &id).collect();
                p.sort_unstable();
                p.dedup();
                p
            })
            .collect();
        let (keys, postings) = events_by_key(events, |i, push| {
            let own = pairs(event_text(i), &frequent_id, &id);
            own.chain(doc_pairs[doc_of(i)].iter().copied())
                .for_each(push);
        });
        let mut out = Followers {
            postings,
            ..Followers::default()
        };
        // Every frequent word is a first word, with or without followers,
        // so that one without any answers "none" rather than "not kept".
        let mut at = 0;
        for &(_, a) in frequent {
            out.firsts.push(a);
            out.starts.push(out.seconds.len() as u32);
            while at < keys.len() && keys[at].0 == a {
                out.seconds.push(keys[at].1);
                at += 1;
            }
        }
        out.starts.push(out.seconds.len() as u32);
        out
    }

    /// The bitmaps of the words with ids in `seconds` that follow word
    /// `first`; `None` when `first` is not a frequent word (its followers
    /// are not kept), an empty iterator when none of them follows it.
    pub(super) fn of(
        &self,
        first: u32,
        seconds: std::ops::Range<u32>,
    ) -> Option<impl Iterator<Item = &RoaringBitmap>> {
        let k = self.firsts.binary_search(&first).ok()?;
        let (lo, hi) = (self.starts[k] as usize, self.starts[k + 1] as usize);
        let from = lo + self.seconds[lo..hi].partition_point(|&b| b < seconds.start);
        let to = from + self.seconds[from..hi].partition_point(|&b| b < seconds.end);
        Some(self.postings[from..to].iter())
    }

    /// How many pairs are kept.
    pub(super) fn len(&self) -> usize {
        self.seconds.len()
    }

    /// About how many bytes it holds (the bitmaps at their serialized size).
    pub(super) fn bytes(&self) -> usize {
        (self.firsts.len() + self.starts.len() + self.seconds.len()) * 4
            + self
                .postings
                .iter()
                .map(RoaringBitmap::serialized_size)
                .sum::<usize>()
    }
}
