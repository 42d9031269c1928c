//! The text filter's index: a word-prefix inverted index over every event's
//! folded text and its article's folded title and outlet, with each word's
//! events as a compressed bitmap ([`roaring`]) of event indexes, so in
//! chronological order.
//!
//! A word is a run of letters and digits ([`char::is_alphanumeric`]) of the
//! folded text ([`super::fold_case`]: case, spacing, Latin diacritics and
//! the Cyrillic letters typed for one another), so the index and the typed
//! needle are folded alike. The events behind every one- and two-character
//! prefix are worked out when the index is built, since those are the
//! prefixes typed first and the ones that match most; a longer prefix is
//! the union of its words' bitmaps, found by binary search in the sorted
//! vocabulary.
//!
//! The index answers a needle of one word exactly, and so a needle of two
//! words with one space between whose first word is frequent (in one event
//! in [`FREQUENT_SHARE`] or more), from the pairs of words kept for those
//! ([`followers`]). For another phrase ("officials said th") it gives the
//! candidates, the events holding each of the needle's words (the last as a
//! prefix, the others whole) and each of its kept pairs; for a needle with
//! punctuation ("kyiv's"), the events holding a word that starts with each
//! of its words. The exact scan ([`super::TextMatcher`]) decides among the
//! candidates.

use std::collections::HashMap;

use rayon::prelude::*;
use roaring::{MultiOps, RoaringBitmap};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

mod followers;

use followers::Followers;

/// Events per piece when the index is built on every core.
const PIECE: usize = 1 << 16;

/// A word held by one event in this many or more is frequent: the words
/// that follow it are kept ([`followers`]). A phrase starting with a rarer
/// word is narrowed by that word to fewer than this share of the events,
/// which the exact check reads quickly.
pub const FREQUENT_SHARE: u64 = 32;

/// Word-prefix index over a store's events (see the module overview).
pub struct TextIndex {
    /// The distinct words, sorted by their bytes.
    words: Vec<Box<str>>,
    /// The events holding each word of `words`, by event index.
    postings: Vec<RoaringBitmap>,
    /// The events holding a word that starts with each one- or
    /// two-character prefix.
    short: HashMap<Box<str>, RoaringBitmap>,
    /// The events holding each pair of a frequent word and a word right
    /// after it, once built ([`TextIndex::build_followers`]).
    followers: OnceLock<Followers>,
    /// How many events were indexed (the store's count when built).
    events: u32,
}

impl std::fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextIndex")
            .field("words", &self.words.len())
            .field("short_prefixes", &self.short.len())
            .field("pairs", &self.pairs())
            .field("events", &self.events)
            .finish()
    }
}

/// Each key's events, as bitmaps of event indexes, with the keys sorted:
/// `keys_of(i, push)` pushes every key of event `i` (a key pushed twice for
/// one event counts once). Pieces of consecutive events are indexed on
/// every core; they cover disjoint, ascending ranges, so a key's bitmaps
/// join by OR.
fn events_by_key<K>(
    events: usize,
    keys_of: impl Fn(usize, &mut dyn FnMut(K)) + Sync,
) -> (Vec<K>, Vec<RoaringBitmap>)
where
    K: Ord + std::hash::Hash + Copy + Send + Sync,
{
    let pieces: Vec<FxHashMap<K, RoaringBitmap>> = (0..events.div_ceil(PIECE))
        .into_par_iter()
        .map(|p| {
            let mut map: FxHashMap<K, RoaringBitmap> = FxHashMap::default();
            for i in p * PIECE..((p + 1) * PIECE).min(events) {
                // Appends in order; a repeated key is refused.
                keys_of(i, &mut |k| {
                    let _ = map.entry(k).or_default().try_push(i as u32);
                });
            }
            map
        })
        .collect();
    let mut keys: Vec<K> = pieces.iter().flat_map(|m| m.keys().copied()).collect();
    keys.par_sort_unstable();
    keys.dedup();
    let postings = keys
        .par_iter()
        .map(|k| pieces.iter().filter_map(|m| m.get(k)).union())
        .collect();
    (keys, postings)
}

/// What the index says about a needle.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// These are exactly the events that match (a needle of one word, or
    /// of two words with one space between whose first word is frequent).
    Exact(RoaringBitmap),
    /// The matching events are among these; each must still be checked.
    Candidates(RoaringBitmap),
    /// The needle has no word (only punctuation): the index cannot help.
    NoWord,
}

/// The words of folded text: its runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl TextIndex {
    /// Indexes `events` events, where `event_text(i)` is event `i`'s folded
    /// text and `doc_text(doc_of(i))` its article's folded title and
    /// outlet; `docs` articles. Built on every core. The pairs of frequent
    /// words are not built yet: see [`TextIndex::build_followers`].
    pub fn build<'a>(
        events: usize,
        event_text: impl Fn(usize) -> &'a str + Sync,
        docs: usize,
        doc_of: impl Fn(usize) -> usize + Sync,
        doc_text: impl Fn(usize) -> &'a str + Sync,
    ) -> TextIndex {
        let doc_words: Vec<Vec<&str>> = (0..docs)
            .into_par_iter()
            .map(|d| {
                let mut w: Vec<&str> = words(doc_text(d)).collect();
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        let (vocabulary, postings) = events_by_key(events, |i, push| {
            let own = words(event_text(i));
            own.chain(doc_words[doc_of(i)].iter().copied())
                .for_each(push);
        });
        let words: Vec<Box<str>> = vocabulary.iter().map(|&w| w.into()).collect();
        let mut index = TextIndex {
            words,
            postings,
            short: HashMap::new(),
            followers: OnceLock::new(),
            events: events as u32,
        };
        index.short = index.short_prefixes();
        index
    }

    /// Builds the pairs of frequent words and the words right after them
    /// ([`followers`]) over the same events and articles as
    /// [`TextIndex::build`], if they are not built yet: the words held by
    /// one event in [`FREQUENT_SHARE`] or more. Meant for the thread that
    /// built the index, once the index is in use.
    pub fn build_followers<'a>(
        &self,
        event_text: impl Fn(usize) -> &'a str + Sync,
        docs: usize,
        doc_of: impl Fn(usize) -> usize + Sync,
        doc_text: impl Fn(usize) -> &'a str + Sync,
    ) {
        let min = (u64::from(self.events) / FREQUENT_SHARE).max(1);
        self.build_followers_from(event_text, docs, doc_of, doc_text, min);
    }

    /// [`TextIndex::build_followers`], with the words held by `frequent_min`
    /// events or more taken as frequent.
    fn build_followers_from<'a>(
        &self,
        event_text: impl Fn(usize) -> &'a str + Sync,
        docs: usize,
        doc_of: impl Fn(usize) -> usize + Sync,
        doc_text: impl Fn(usize) -> &'a str + Sync,
        frequent_min: u64,
    ) {
        self.followers.get_or_init(|| {
            let frequent: Vec<(&str, u32)> = (0..self.words.len())
                .filter(|&k| self.postings[k].len() >= frequent_min)
                .map(|k| (&*self.words[k], k as u32))
                .collect();
            let ids: FxHashMap<&str, u32> = (self.words.iter().enumerate())
                .map(|(k, w)| (&**w, k as u32))
                .collect();
            Followers::build(
                self.events as usize,
                event_text,
                docs,
                doc_of,
                doc_text,
                |w| ids.get(w).copied(),
                &frequent,
            )
        });
    }

    /// The events behind every one- and two-character prefix of the
    /// vocabulary.
    fn short_prefixes(&self) -> HashMap<Box<str>, RoaringBitmap> {
        let mut prefixes: Vec<&str> = self
            .words
            .iter()
            .flat_map(|w| [prefix_chars(w, 1), prefix_chars(w, 2)])
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        prefixes
            .into_par_iter()
            .map(|p| (Box::from(p), self.words_from(p).union()))
            .collect()
    }

    /// The ids (indexes in `words`) of the words starting with `prefix`.
    fn ids_from(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = self.words.partition_point(|w| &**w < prefix);
        let len = self.words[lo..].partition_point(|w| w.starts_with(prefix));
        lo as u32..(lo + len) as u32
    }

    /// The bitmaps of the words starting with `prefix`.
    fn words_from<'s>(&'s self, prefix: &str) -> impl Iterator<Item = &'s RoaringBitmap> + 's {
        let ids = self.ids_from(prefix);
        self.postings[ids.start as usize..ids.end as usize].iter()
    }

    /// The id of the word `word`, when the vocabulary holds it.
    fn id(&self, word: &str) -> Option<u32> {
        self.words
            .binary_search_by(|w| (**w).cmp(word))
            .ok()
            .map(|k| k as u32)
    }

    /// The events holding a word that starts with `prefix` (folded).
    pub fn prefix(&self, prefix: &str) -> RoaringBitmap {
        if prefix.chars().nth(2).is_none() {
            return self.short.get(prefix).cloned().unwrap_or_default();
        }
        self.words_from(prefix).union()
    }

    /// What the index knows of a folded needle: the exact events for one
    /// word, and for two words with one space between whose first word is
    /// frequent; otherwise the candidates (see the module overview).
    pub fn lookup(&self, folded: &str) -> Lookup {
        let parts: Vec<&str> = words(folded).collect();
        let Some((&last, firsts)) = parts.split_last() else {
            return Lookup::NoWord;
        };
        if firsts.is_empty() {
            let found = self.prefix(last);
            return if last == folded {
                Lookup::Exact(found)
            } else {
                Lookup::Candidates(found)
            };
        }
        // Words with one space between: each but the last is whole in a
        // matching text, and a kept pair answers for two of them.
        if parts.join(" ") == folded {
            let mut ids = Vec::with_capacity(firsts.len());
            for w in firsts {
                match self.id(w) {
                    Some(id) => ids.push(id),
                    None => return Lookup::Exact(RoaringBitmap::new()),
                }
            }
            let mut bitmaps = Vec::with_capacity(parts.len());
            let mut all_pairs = true;
            for (k, &a) in ids.iter().enumerate() {
                let seconds = match ids.get(k + 1) {
                    Some(&b) => b..b + 1,
                    None => self.ids_from(last),
                };
                match self.followers.get().and_then(|f| f.of(a, seconds)) {
                    Some(pairs) => bitmaps.push(pairs.union()),
                    None => {
                        all_pairs = false;
                        bitmaps.push(self.postings[a as usize].clone());
                    }
                }
            }
            if !all_pairs {
                bitmaps.push(self.prefix(last));
            }
            bitmaps.sort_by_key(RoaringBitmap::len);
            let found = bitmaps.into_iter().intersection();
            return if all_pairs && ids.len() == 1 {
                Lookup::Exact(found)
            } else {
                Lookup::Candidates(found)
            };
        }
        let mut bitmaps: Vec<RoaringBitmap> = parts.iter().map(|p| self.prefix(p)).collect();
        bitmaps.sort_by_key(RoaringBitmap::len);
        Lookup::Candidates(bitmaps.into_iter().intersection())
    }

    /// How many events the index covers.
    pub fn events(&self) -> u32 {
        self.events
    }

    /// How many distinct words it holds.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    /// About how many bytes it holds: the words and every bitmap at its
    /// serialized size (the heap's own bookkeeping left out).
    pub fn bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|w| w.len() + 16).sum();
        let bitmaps: usize = self
            .postings
            .iter()
            .chain(self.short.values())
            .map(RoaringBitmap::serialized_size)
            .sum();
        words
            + bitmaps
            + self.short.keys().map(|k| k.len() + 16).sum::<usize>()
            + self.followers.get().map_or(0, Followers::bytes)
    }

    /// How many pairs of a frequent word and its follower it holds (0
    /// until they are built).
    pub fn pairs(&self) -> usize {
        self.followers.get().map_or(0, Followers::len)
    }
}

/// The first `n` characters of `w` (all of it when shorter).
fn prefix_chars(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(at, _)| &w[..at])
}

#[cfg(test)]
mod tests;
