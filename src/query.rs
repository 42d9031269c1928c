//! Queries: cutting a slice of the event store by date range, regions,
//! outlets and text, and counting the slice's events per region and outlet.
//!
//! The terminal app and `frontlog export` both go through [`Query::run`], so
//! the same filters always give the same slice.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate};

use crate::extract::Event;
use crate::places::RegionId;
use crate::store::{EventStore, SourceId, TextMatcher};

/// The filters of a slice. An empty filter lets everything through; several
/// regions (or outlets) mean any of them; the filters combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Keep events whose dates end on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep events whose dates start on or before this day.
    pub to: Option<NaiveDate>,
    /// Keep events placed in any of these regions (or inside them).
    pub regions: BTreeSet<RegionId>,
    /// Keep events from any of these outlets.
    pub sources: BTreeSet<SourceId>,
    /// Keep events whose sentence, title or outlet contains this text (any case).
    pub text: String,
}

/// Event counts of a slice per region and per outlet. Each facet is counted
/// with every filter but its own, so that the counts tell what selecting one
/// more region (or outlet) would add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Events per region (an event counts for its places and the places containing them).
    pub regions: HashMap<RegionId, u32>,
    /// Events per outlet, indexed by [`SourceId`].
    pub sources: Vec<u32>,
}

impl Query {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// The events of the slice, as indexes into [`EventStore::events`], in
    /// chronological order.
    pub fn run(&self, store: &EventStore) -> Vec<u32> {
        let needle = TextMatcher::new(&self.text);
        let events = store.events();
        let (lo, hi) = self.index_window(store);
        let keep = |i: u32| {
            let e = &events[i as usize];
            self.date_ok(e)
                && (self.sources.is_empty() || self.sources.contains(&store.source_of(e)))
                && needle.as_ref().is_none_or(|n| store.event_contains(e, n))
        };
        if self.regions.is_empty() {
            (lo..hi).filter(|&i| keep(i)).collect()
        } else {
            union(
                self.regions
                    .iter()
                    .map(|&r| window(store.events_in_region(r), lo, hi)),
            )
            .into_iter()
            .filter(|&i| keep(i))
            .collect()
        }
    }

    /// Counts of the slice per region and per outlet (see [`Facets`]).
    pub fn facets(&self, store: &EventStore) -> Facets {
        let without_regions = Query {
            regions: BTreeSet::new(),
            ..self.clone()
        };
        let mut regions: HashMap<RegionId, u32> = HashMap::new();
        for i in without_regions.run(store) {
            for &r in store.events()[i as usize].regions.iter() {
                *regions.entry(r).or_default() += 1;
            }
        }
        let without_sources = Query {
            sources: BTreeSet::new(),
            ..self.clone()
        };
        let mut sources = vec![0; store.sources().len()];
        for i in without_sources.run(store) {
            sources[store.source_of(&store.events()[i as usize]) as usize] += 1;
        }
        Facets { regions, sources }
    }

    fn date_ok(&self, e: &Event) -> bool {
        self.from.is_none_or(|f| e.date.last >= f) && self.to.is_none_or(|t| e.date.first <= t)
    }

    /// The range of event indexes that can overlap the date filter: events
    /// are sorted by first day, and none spans more than the store's longest.
    fn index_window(&self, store: &EventStore) -> (u32, u32) {
        let events = store.events();
        let hi = match self.to {
            Some(t) => events.partition_point(|e| e.date.first <= t),
            None => events.len(),
        };
        let lo = match self.from {
            Some(f) => {
                let earliest = f - Duration::days(store.max_span_days());
                events.partition_point(|e| e.date.first < earliest)
            }
            None => 0,
        };
        (lo as u32, hi.max(lo) as u32)
    }

    /// A one-line description of the filters, for status lines and exports.
    pub fn describe(&self, store: &EventStore) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (None, None) => {}
            (Some(f), Some(t)) if f == t => parts.push(format!("date {f}")),
            (f, t) => parts.push(format!(
                "dates {}..{}",
                f.map(|d| d.to_string()).unwrap_or_default(),
                t.map(|d| d.to_string()).unwrap_or_default()
            )),
        }
        if !self.regions.is_empty() {
            let names: Vec<&str> = self
                .regions
                .iter()
                .map(|&r| store.gazetteer().region(r).name.as_str())
                .collect();
            parts.push(format!("regions {}", names.join(" or ")));
        }
        if !self.sources.is_empty() {
            let names: Vec<&str> = self
                .sources
                .iter()
                .map(|&s| store.sources()[s as usize].as_str())
                .collect();
            parts.push(format!("sources {}", names.join(" or ")));
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("text \"{}\"", self.text.trim()));
        }
        if parts.is_empty() {
            "no filters".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

/// The part of a sorted posting list that falls in `lo..hi`.
fn window(list: &[u32], lo: u32, hi: u32) -> &[u32] {
    let a = list.partition_point(|&i| i < lo);
    let b = list.partition_point(|&i| i < hi);
    &list[a..b.max(a)]
}

/// The sorted union of sorted lists, without repeats.
fn union<'a>(lists: impl Iterator<Item = &'a [u32]>) -> Vec<u32> {
    let lists: Vec<&[u32]> = lists.collect();
    if let [only] = lists.as_slice() {
        return only.to_vec();
    }
    let mut all: Vec<u32> = lists.concat();
    all.sort_unstable();
    all.dedup();
    all
}
