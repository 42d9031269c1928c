//! One happening, many reports: events that report the same happening,
//! in one article or in many, are grouped into clusters.
//!
//! 1. Syndicated reprints are found first ([`reprints`]): copies of one
//!    wire story are one report.
//! 2. Each event's features ([`features`]): stemmed words, names,
//!    quantities, days and places.
//! 3. Candidates: events whose days overlap or touch (a night spans two
//!    days) and that share a rare word, found through an index by day and
//!    word rather than by comparing every pair.
//! 4. Similarity: cosine of the word vectors weighted by inverse document
//!    frequency over the corpus's events (names count 1.5 times), lowered
//!    for adjacent days, for coarse dates and when a report has no place;
//!    raised for one type of violence in one place, and for one speaker's
//!    statements or one call between the same people on one day, and for
//!    two reports of one day that carry the same quoted words
//!    ([`quotes`]). A name
//!    spelled in two transliterations counts as shared ([`spelling`]). A
//!    report that refers back to a happening its article told ("Tuesday's
//!    attack") is scored as the report it refers to ([`anaphora`]), and
//!    an article's undated lede as the report that dates it ([`leads`]).
//!    Pairs that can never merge: different settlements (or, without one,
//!    different oblasts or countries), a conflicting quantity of the same
//!    thing ("82 drones" and "22 drones"), days more than one apart, two
//!    sentences of two days that are statements, calls, talks or untyped
//!    (a statement, a call, a trip is of one day; a night's attack spans
//!    two).
//! 5. Group-average linkage ([`linkage`]), so that one bridging sentence
//!    cannot chain two happenings. Precision before recall: the threshold
//!    is set so that look-alikes stay apart.
//!
//! Every event belongs to exactly one cluster (most to a cluster of one).
//! Cluster ids are derived from the smallest member's stable id, so they
//! stay the same across runs while the corpus does not change.

pub mod actors;
mod agreement;
pub mod anaphora;
pub mod features;
pub mod leads;
pub mod linkage;
pub mod offices;
pub mod originators;
pub mod quotes;
pub mod reprints;

mod similarity;
pub mod spelling;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_speech;
mod units;

use std::fmt;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::extract::{EventId, EventType, fnv1a};
use crate::store::EventStore;

pub use originators::Originators;
use similarity::Scorer;

/// The smallest average similarity that merges two groups of reports.
pub const THRESHOLD: f32 = 0.22;

/// A stable cluster id, shown and exported as 16 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClusterId(pub u64);

impl fmt::Display for ClusterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// One happening and its reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Stable id.
    pub id: ClusterId,
    /// Its events (indexes into [`EventStore::events`]), in the store's
    /// chronological order.
    pub members: Vec<u32>,
    /// The member that best stands for all: the most similar to the others
    /// (the earliest on a tie).
    pub best: u32,
    /// Reports: distinct articles, a syndicated reprint counting with its
    /// original.
    pub reports: u32,
    /// Distinct named outlets that report it: articles whose outlet is not
    /// known are no confirming outlet (0 when no report names one).
    pub outlets: u32,
    /// Distinct originators the reports cite ([`Clusters::originator_name`]);
    /// empty for a cluster of one report (its report's originator is
    /// [`EventStore::originator_of`]).
    pub originators: Vec<u16>,
    /// The type most of its typed reports give (`Other` when none has one;
    /// on a tie, the type of the best report, else the earliest).
    pub kind: EventType,
    /// People killed, as the lowest and highest figure its reports give;
    /// the highest is the one shown.
    pub killed: Option<(u32, u32)>,
    /// People injured, likewise.
    pub injured: Option<(u32, u32)>,
}

/// The distinct values of some items, sorted.
fn distinct<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = items.collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The lowest and highest of some figures.
fn range(figures: impl Iterator<Item = Option<u32>>) -> Option<(u32, u32)> {
    figures.flatten().fold(None, |acc, f| match acc {
        None => Some((f, f)),
        Some((lo, hi)) => Some((lo.min(f), hi.max(f))),
    })
}

/// `originators` without a bare name ("Ministry of Defence") that one
/// other of them qualifies with its country ("Ministry of Defence
/// (Russia)"): within one happening's reports, that is the same body.
/// With two countries' variants the bare name stays (it may be either).
fn without_bare_twins(mut originators: Vec<u16>, names: &[String]) -> Vec<u16> {
    let name = |o: u16| names[o as usize].as_str();
    let twins = |o: u16| {
        originators
            .iter()
            .filter(|&&q| {
                name(q)
                    .strip_prefix(name(o))
                    .is_some_and(|rest| rest.starts_with(" ("))
            })
            .count()
    };
    let drop: Vec<u16> = originators
        .iter()
        .copied()
        .filter(|&o| twins(o) == 1)
        .collect();
    originators.retain(|o| !drop.contains(o));
    originators
}

/// The type most members give, the best member's on a tie.
fn main_kind(members: &[u32], best: u32, events: &[crate::extract::Event]) -> EventType {
    let mut counts: Vec<(EventType, usize)> = Vec::new();
    for &m in members {
        let k = events[m as usize].kind;
        if k == EventType::Other {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let best_kind = events[best as usize].kind;
    if counts.iter().any(|&(k, n)| k == best_kind && n == top) {
        return best_kind;
    }
    counts
        .iter()
        .find(|(_, n)| *n == top)
        .map_or(EventType::Other, |(k, _)| *k)
}

/// Every event's cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Clusters {
    of_event: Vec<u32>,
    clusters: Vec<Cluster>,
    originator_of: Vec<Option<u16>>,
    /// Originator names as shown ("Ministry of Defence (Russia)", a relayed
    /// channel), in the order first met.
    originator_names: Vec<String>,
}

impl Clusters {
    /// The cluster of event `i` (an index into [`EventStore::events`]);
    /// `None` when clustering has not run on the store's current events.
    pub fn of_event(&self, i: u32) -> Option<&Cluster> {
        self.of_event
            .get(i as usize)
            .map(|&c| &self.clusters[c as usize])
    }

    /// The position in [`Clusters::all`] of event `i`'s cluster; `None`
    /// when clustering has not run on the store's current events.
    pub fn index_of_event(&self, i: u32) -> Option<u32> {
        self.of_event.get(i as usize).copied()
    }

    /// About how many bytes it holds on the heap (its vectors' buffers).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.of_event.capacity() * size_of::<u32>()
            + self.clusters.capacity() * size_of::<Cluster>()
            + self
                .clusters
                .iter()
                .map(|c| {
                    c.members.capacity() * size_of::<u32>()
                        + c.originators.capacity() * size_of::<u16>()
                })
                .sum::<usize>()
            + self.originator_of.capacity() * size_of::<Option<u16>>()
            + self
                .originator_names
                .iter()
                .map(String::capacity)
                .sum::<usize>()
    }

    /// Every cluster, in the order of its first member.
    pub fn all(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The originator event `i` cites, if any, as worked out for the
    /// reports of clusters of more than one (none for a report told once:
    /// [`EventStore::originator_of`] answers for every event).
    pub fn originator_of(&self, i: u32) -> Option<&str> {
        self.originator_of
            .get(i as usize)
            .copied()
            .flatten()
            .map(|o| self.originator_name(o))
    }

    /// Display name of originator `o`.
    pub fn originator_name(&self, o: u16) -> &str {
        &self.originator_names[o as usize]
    }

    /// Whether every index inside is in range for a store of `events`
    /// events (a cache file read back is checked so before it is trusted).
    pub fn fits(&self, events: usize) -> bool {
        let names = self.originator_names.len();
        self.of_event.len() == events
            && self.originator_of.len() == events
            && self
                .of_event
                .iter()
                .all(|&c| (c as usize) < self.clusters.len())
            && self
                .originator_of
                .iter()
                .flatten()
                .all(|&o| (o as usize) < names)
            && self.clusters.iter().all(|c| {
                !c.members.is_empty()
                    && c.members.iter().all(|&m| (m as usize) < events)
                    && (c.best as usize) < events
                    && c.originators.iter().all(|&o| (o as usize) < names)
            })
    }

    /// How many events were clustered (the store's size when it ran).
    pub fn len(&self) -> usize {
        self.of_event.len()
    }

    /// Whether no event was clustered.
    pub fn is_empty(&self) -> bool {
        self.of_event.is_empty()
    }
}

/// What clustering reads of a store, as one hash: every event's stable id
/// in order, and every article's outlet and relayed originator. Equal keys
/// mean equal clusters (for one build of frontlog), so a cache can be
/// trusted on it.
pub fn input_key(store: &EventStore) -> u64 {
    let mut bytes: Vec<u8> = Vec::with_capacity(store.events().len() * 8 + 64);
    bytes.extend_from_slice(&THRESHOLD.to_le_bytes());
    for e in store.events() {
        bytes.extend_from_slice(&e.id(store.doc_of(e)).0.to_le_bytes());
    }
    for d in store.documents() {
        bytes.extend_from_slice(d.source_or_unknown().as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(d.originator.as_deref().unwrap_or("").as_bytes());
        bytes.push(0);
    }
    fnv1a(&bytes)
}

/// The originator an event cites: the one its format states (a Telegram
/// forward), else the first the sentence attributes a claim to
/// ([`Originators::find`]).
pub fn originator_of_event<'s>(
    store: &'s EventStore,
    event: &crate::extract::Event,
) -> Option<std::borrow::Cow<'s, str>> {
    let doc = store.doc_of(event);
    if let Some(relayed) = doc.originator.as_deref() {
        return Some(std::borrow::Cow::Borrowed(relayed));
    }
    let list = Originators::builtin();
    let found = match (event.headline, event.sentence) {
        (false, Some(s)) => list.find(&doc.text[s.range()]),
        _ => list.find(doc.title_or_name()),
    };
    found.map(|f| std::borrow::Cow::Owned(list.label(f)))
}

/// Every pair of events that may ever merge, with its similarity and,
/// when it may not, why: a debugging aid for tuning (`examples/cluster_pairs.rs`).
/// Quadratic in the number of events: for small corpora only.
#[doc(hidden)]
pub fn debug_pairs(store: &EventStore) -> Vec<(f32, &'static str, EventId, EventId)> {
    let events = store.events();
    let reprint = reprints::reprint_groups(store.documents());
    let scorer = Scorer::new(store, &reprint);
    let id = |i: usize| events[i].id(store.doc_of(&events[i]));
    let mut out = Vec::new();
    for a in 0..events.len() {
        for b in a + 1..events.len() {
            out.push((scorer.similarity(a, b), scorer.why_not(a, b), id(a), id(b)));
        }
    }
    out
}

/// Clusters every event of a store.
pub fn build(store: &EventStore) -> Clusters {
    let events = store.events();
    let docs = store.documents();
    let reprint = reprints::reprint_groups(docs);
    let scorer = Scorer::new(store, &reprint);
    let edges = scorer.edges();
    let groups = linkage::cluster(events.len(), &edges, THRESHOLD, |a, b| {
        scorer.allowed(a as usize, b as usize)
    });
    // Originators of the reports of happenings told more than once (a
    // report told once is asked for its own when shown:
    // `EventStore::originator_of`).
    let mut size = vec![0u32; events.len()];
    for &g in &groups {
        size[g as usize] += 1;
    }
    let found: Vec<Option<std::borrow::Cow<'_, str>>> = events
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            if size[groups[i] as usize] < 2 {
                return None;
            }
            originator_of_event(store, e)
        })
        .collect();
    let mut originator_names: Vec<String> = Vec::new();
    let mut interned: std::collections::HashMap<String, u16> = std::collections::HashMap::new();
    let originator_of: Vec<Option<u16>> = found
        .into_iter()
        .map(|name| {
            let name = name?;
            Some(*interned.entry(name.to_string()).or_insert_with(|| {
                originator_names.push(name.to_string());
                (originator_names.len() - 1) as u16
            }))
        })
        .collect();

    let ids: Vec<EventId> = events.par_iter().map(|e| e.id(store.doc_of(e))).collect();
    let mut number: Vec<u32> = vec![u32::MAX; events.len()];
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of_event = vec![0u32; events.len()];
    for i in 0..events.len() {
        let root = groups[i] as usize;
        if number[root] == u32::MAX {
            number[root] = clusters.len() as u32;
            clusters.push(Cluster {
                id: ClusterId(0),
                members: Vec::new(),
                best: i as u32,
                reports: 0,
                outlets: 0,
                originators: Vec::new(),
                kind: EventType::Other,
                killed: None,
                injured: None,
            });
        }
        of_event[i] = number[root];
        clusters[number[root] as usize].members.push(i as u32);
    }
    clusters.par_iter_mut().for_each(|c| {
        let smallest = c.members.iter().map(|&m| ids[m as usize]).min();
        c.id = ClusterId(fnv1a(&smallest.map_or(0, |s| s.0).to_le_bytes()));
        c.best = scorer.medoid(&c.members);
        c.kind = main_kind(&c.members, c.best, events);
        c.killed = range(c.members.iter().map(|&m| events[m as usize].killed));
        c.injured = range(c.members.iter().map(|&m| events[m as usize].injured));
        let members = || c.members.iter().map(|&m| m as usize);
        c.reports = distinct(members().map(|m| reprint[events[m].doc as usize])).len() as u32;
        c.outlets = distinct(
            members()
                .filter(|&m| store.doc_of(&events[m]).source.value.is_some())
                .map(|m| store.source_of(&events[m])),
        )
        .len() as u32;
        c.originators = without_bare_twins(
            distinct(members().filter_map(|m| originator_of[m])),
            &originator_names,
        );
    });
    Clusters {
        of_event,
        clusters,
        originator_of,
        originator_names,
    }
}
