//! The event store: every article and every event, the events in
//! chronological order, with the indexes that let a query answer within a
//! frame: events per region and per outlet, and one contiguous case-folded
//! copy of every event's text for the text filter.
//!
//! A store grows by batches ([`EventStore::extend`]) while a corpus is read;
//! each batch is merged into the order and the indexes are brought up to
//! date, and the caller learns where the old events and outlets went.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::Document;
use crate::extract::{self, Event};
use crate::places::{Gazetteer, RegionId};

pub mod bitmap_list;
mod clustered;
pub mod columns;
mod folding;
pub mod footprint;
mod parts;
mod postings;
mod search;
pub mod tally;
pub mod text_index;

pub use folding::{TextMatcher, fold_case, folded_text};

/// Index of an outlet in [`EventStore::sources`].
pub type SourceId = u32;

/// Articles and their events, sorted and indexed.
#[derive(Debug)]
pub struct EventStore {
    docs: Vec<Document>,
    events: Vec<Event>,
    gazetteer: &'static Gazetteer,
    sources: Vec<String>,
    doc_source: Vec<SourceId>,
    by_region: FxHashMap<RegionId, Vec<u32>>,
    by_source: Vec<Vec<u32>>,
    max_span_days: i64,
    /// Case-folded text of every event, in the order events arrived, each
    /// followed by a NUL byte.
    search: String,
    /// Where each arrived event's text starts in `search`.
    search_starts: Vec<usize>,
    /// For each event (in order), its arrival number.
    arrival: Vec<u32>,
    /// For each arrival number, the event's index (the inverse of `arrival`).
    position: Vec<u32>,
    /// Case-folded title and outlet of every article, each followed by NUL.
    doc_search: String,
    doc_search_starts: Vec<usize>,
    /// Every event's cluster, once [`EventStore::cluster`] has run on the
    /// current events (empty before, and again after the store changes).
    clusters: crate::cluster::Clusters,
    /// The word-prefix index of the text filter, once built for the
    /// current events ([`EventStore::build_text_index`]; empty again after
    /// the store changes).
    text_index: std::sync::OnceLock<text_index::TextIndex>,
    /// Each event's date, outlet, type and regions, by column.
    columns: columns::EventColumns,
    /// Which events these are: a number no other store or state of this
    /// store had in this process ([`EventStore::generation`]).
    generation: u64,
}

/// Where the events and outlets of a store went when it grew.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remap {
    /// New index of each old event.
    pub events: Vec<u32>,
    /// New id of each old outlet.
    pub sources: Vec<SourceId>,
}

impl EventStore {
    /// An empty store.
    pub fn new(gazetteer: &'static Gazetteer) -> EventStore {
        EventStore {
            docs: Vec::new(),
            events: Vec::new(),
            gazetteer,
            sources: Vec::new(),
            doc_source: Vec::new(),
            by_region: FxHashMap::default(),
            by_source: Vec::new(),
            max_span_days: 0,
            search: String::new(),
            search_starts: Vec::new(),
            arrival: Vec::new(),
            position: Vec::new(),
            doc_search: String::new(),
            doc_search_starts: Vec::new(),
            clusters: crate::cluster::Clusters::default(),
            text_index: std::sync::OnceLock::new(),
            columns: columns::EventColumns::default(),
            generation: next_generation(),
        }
    }

    /// Extracts the events of every document and builds the store.
    pub fn build(docs: Vec<Document>, gazetteer: &'static Gazetteer) -> EventStore {
        let events = docs
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, d)| extract::extract(d, i as u32, gazetteer))
            .collect();
        EventStore::from_parts(docs, events, gazetteer)
    }

    /// Builds a store from documents and events already extracted (events
    /// refer to documents by index).
    pub fn from_parts(
        docs: Vec<Document>,
        events: Vec<Event>,
        gazetteer: &'static Gazetteer,
    ) -> EventStore {
        let mut store = EventStore::new(gazetteer);
        store.extend(docs, events);
        store
    }

    /// Adds articles and their events (whose `doc` fields index into
    /// `docs`). Returns where the old events and outlets went.
    pub fn extend(&mut self, docs: Vec<Document>, events: Vec<Event>) -> Remap {
        let folded = events
            .par_iter()
            .map(|e| folded_text(e, &docs[e.doc as usize]))
            .collect();
        self.extend_folded(docs, events, folded)
    }

    /// Like [`EventStore::extend`], with each event's [`folded_text`]
    /// already worked out (by the threads that read the articles).
    pub fn extend_folded(
        &mut self,
        docs: Vec<Document>,
        mut events: Vec<Event>,
        folded: Vec<String>,
    ) -> Remap {
        self.clusters = crate::cluster::Clusters::default();
        let base = self.docs.len() as u32;
        for e in &mut events {
            e.doc += base;
        }
        self.docs.extend(docs);
        self.push_doc_search(base as usize);
        let first_arrival = self.search_starts.len() as u32;
        self.search
            .reserve(folded.iter().map(|t| t.len() + 1).sum());
        for t in folded {
            self.search_starts.push(self.search.len());
            self.search.push_str(&t);
            self.search.push('\0');
        }
        let remap_sources = self.index_sources();
        let arrivals = sort_chronologically(&mut events, first_arrival);
        let remap_events = self.merge(events, arrivals);
        self.position = vec![0; self.arrival.len()];
        for (i, &a) in self.arrival.iter().enumerate() {
            self.position[a as usize] = i as u32;
        }
        self.index_events();
        Remap {
            events: remap_events,
            sources: remap_sources,
        }
    }

    /// Removes the events `drop` picks (page furniture learnt once the whole
    /// corpus is in); the others keep their order. Returns how many went.
    pub fn retire(&mut self, drop: impl Fn(&Event) -> bool) -> usize {
        let keep: Vec<bool> = self.events.iter().map(|e| !drop(e)).collect();
        let gone = keep.iter().filter(|k| !**k).count();
        if gone == 0 {
            return 0;
        }
        self.clusters = crate::cluster::Clusters::default();
        // The kept events' texts, renumbered in arrival order.
        let arrived = self.search_starts.len();
        let mut kept_arrival = vec![false; arrived];
        for (i, &k) in keep.iter().enumerate() {
            kept_arrival[self.arrival[i] as usize] = k;
        }
        let mut number = vec![u32::MAX; arrived];
        let mut search = String::with_capacity(self.search.len());
        let mut starts = Vec::with_capacity(arrived - gone);
        for (a, _) in kept_arrival.iter().enumerate().filter(|(_, k)| **k) {
            number[a] = starts.len() as u32;
            starts.push(search.len());
            let from = self.search_starts[a];
            let to = self.search[from..]
                .find('\0')
                .map_or(self.search.len(), |e| from + e);
            search.push_str(&self.search[from..to]);
            search.push('\0');
        }
        let mut k = keep.iter();
        self.events.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.arrival.retain(|_| *k.next().unwrap_or(&true));
        for a in &mut self.arrival {
            *a = number[*a as usize];
        }
        self.search = search;
        self.search_starts = starts;
        self.position = vec![0; self.arrival.len()];
        for (i, &a) in self.arrival.iter().enumerate() {
            self.position[a as usize] = i as u32;
        }
        self.index_events();
        gone
    }

    /// Merges chronologically sorted new events into the sorted store;
    /// returns where each old event went.
    fn merge(&mut self, incoming: Vec<Event>, arrivals: Vec<u32>) -> Vec<u32> {
        if self.events.is_empty() {
            // Nothing to merge with (a first load): take them as they are.
            self.events = incoming;
            self.arrival = arrivals;
            return Vec::new();
        }
        let old_events = std::mem::take(&mut self.events);
        let old_arrival = std::mem::take(&mut self.arrival);
        let mut remap_events = Vec::with_capacity(old_events.len());
        self.events.reserve(old_events.len() + incoming.len());
        self.arrival.reserve(old_events.len() + incoming.len());
        let mut old = old_events.into_iter().zip(old_arrival).peekable();
        let mut new = incoming.into_iter().zip(arrivals).peekable();
        loop {
            let take_old = match (old.peek(), new.peek()) {
                (Some((a, _)), Some((b, _))) => chronological_key(a) <= chronological_key(b),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let (e, arrival) = if take_old {
                remap_events.push(self.events.len() as u32);
                old.next()
            } else {
                new.next()
            }
            .unwrap_or_else(|| unreachable!("peeked"));
            self.events.push(e);
            self.arrival.push(arrival);
        }
        remap_events
    }

    /// Sorts the outlet names and gives every article its outlet's id.
    fn index_sources(&mut self) -> Vec<SourceId> {
        let old = std::mem::take(&mut self.sources);
        let distinct: std::collections::HashSet<&str> = old
            .iter()
            .map(String::as_str)
            .chain(self.docs.iter().map(|d| d.source_or_unknown()))
            .collect();
        let mut sources: Vec<String> = distinct.into_iter().map(str::to_owned).collect();
        sources.sort_by_cached_key(|s| (s.to_lowercase(), s.clone()));
        let ids: HashMap<&str, SourceId> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as SourceId))
            .collect();
        self.doc_source = self
            .docs
            .iter()
            .map(|d| ids[d.source_or_unknown()])
            .collect();
        let remap = old.iter().map(|s| ids[s.as_str()]).collect();
        self.sources = sources;
        remap
    }

    /// Rebuilds the posting lists from the sorted events (and forgets the
    /// text index, built again on demand).
    fn index_events(&mut self) {
        self.text_index = std::sync::OnceLock::new();
        let (events, docs, doc_source) = (&self.events, &self.docs, &self.doc_source);
        let (sources, gazetteer) = (self.sources.len(), self.gazetteer);
        let (columns, (by_region, by_source, max_span_days)) = rayon::join(
            || columns::EventColumns::of(events, docs, doc_source, gazetteer),
            || postings::of(events, doc_source, sources),
        );
        self.columns = columns;
        self.by_region = by_region;
        self.by_source = by_source;
        self.max_span_days = max_span_days;
        self.generation = next_generation();
    }

    /// A number that changes whenever the events change (added or
    /// retired), and that no other store in this process had: what a cache
    /// of something worked out from the events is keyed by.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Each event's date, outlet, type and regions, by column (for passes
    /// over many events).
    pub fn columns(&self) -> &columns::EventColumns {
        &self.columns
    }

    /// All articles, in corpus order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// All events, in chronological order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The article an event comes from.
    pub fn doc_of(&self, event: &Event) -> &Document {
        &self.docs[event.doc as usize]
    }

    /// The gazetteer the events' regions refer to.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// Outlet names, sorted; articles without one count under
    /// [`crate::corpus::UNKNOWN_SOURCE`].
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The outlet of an event.
    pub fn source_of(&self, event: &Event) -> SourceId {
        self.doc_source[event.doc as usize]
    }

    /// The outlet a user means by `name`: case-insensitive, a leading "The" optional.
    pub fn source_id(&self, name: &str) -> Option<SourceId> {
        let key = outlet_key(name);
        self.sources
            .iter()
            .position(|s| outlet_key(s) == key)
            .map(|i| i as SourceId)
    }

    /// Events (indexes into [`EventStore::events`]) placed in a region or
    /// anywhere inside it, in order.
    pub fn events_in_region(&self, region: RegionId) -> &[u32] {
        self.by_region.get(&region).map_or(&[], Vec::as_slice)
    }

    /// Events of an outlet, in order.
    pub fn events_of_source(&self, source: SourceId) -> &[u32] {
        self.by_source
            .get(source as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Every region that places at least one event.
    pub fn regions_present(&self) -> impl Iterator<Item = RegionId> + '_ {
        self.by_region.keys().copied()
    }

    /// The longest span, in days, of any event's date (a year is 364).
    pub fn max_span_days(&self) -> i64 {
        self.max_span_days
    }
}

/// A generation number never handed out before in this process.
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Record `n` of `text`, where records start at `starts` and each ends with
/// one separator byte.
fn nth_record<'a>(text: &'a str, starts: &[usize], n: usize) -> &'a str {
    let end = starts.get(n + 1).map_or(text.len(), |&s| s) - 1;
    &text[starts[n]..end]
}

/// Sorts events chronologically in place (events with equal keys keep their
/// arrival order) and returns their arrival numbers, counted from
/// `first_arrival`, in the new order. Sorts small keys on every core, then
/// moves each event by following the permutation's cycles, without a copy.
fn sort_chronologically(events: &mut [Event], first_arrival: u32) -> Vec<u32> {
    let mut order: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (chronological_key(e), i as u32))
        .collect();
    order.par_sort_unstable();
    let source: Vec<u32> = order.into_iter().map(|(_, i)| i).collect();
    let mut placed = vec![false; events.len()];
    for start in 0..events.len() {
        // Position `cur` must receive the event first at `source[cur]`.
        let mut cur = start;
        while !placed[cur] {
            placed[cur] = true;
            let from = source[cur] as usize;
            if from == start {
                break;
            }
            events.swap(cur, from);
            cur = from;
        }
    }
    source.into_iter().map(|i| first_arrival + i).collect()
}

/// The order of the timeline: first day, last day, article, place in the article.
fn chronological_key(e: &Event) -> (chrono::NaiveDate, chrono::NaiveDate, u32, bool, u32) {
    (
        e.date.first,
        e.date.last,
        e.doc,
        !e.headline,
        e.sentence.map_or(0, |s| s.start),
    )
}

fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Meta, Provenance};
    use crate::extract::{DatePrecision, EventAnchor, EventDate, Span};
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn folding_ignores_case_and_spacing() {
        assert_eq!(fold_case("  Київ\n  KRAMATORSK\tİ "), "київ kramatorsk İ");
    }

    #[test]
    fn matcher_ignores_case_in_any_script() {
        let ascii = TextMatcher::new(" Glide   Bomb ").unwrap();
        assert!(ascii.is_match("A GLIDE\nBOMB hit Київ"));
        assert!(!ascii.is_match("a glide-bomb"));
        let cyrillic = TextMatcher::new("КИЇВ").unwrap();
        assert!(cyrillic.is_match("удар по Києву? ні, по київ"));
        assert!(TextMatcher::new("   ").is_none());
    }

    fn doc(title: &str, source: &str, text: &str) -> Document {
        Document {
            id: title.to_owned(),
            text: text.to_owned(),
            title: Meta {
                value: Some(title.to_owned()),
                from: Provenance::Text,
            },
            source: Meta {
                value: Some(source.to_owned()),
                from: Provenance::Text,
            },
            ..Default::default()
        }
    }

    fn event(doc: u32, day: u32, sentence: std::ops::Range<usize>) -> Event {
        let d = NaiveDate::from_ymd_opt(2025, 2, day).unwrap();
        Event {
            doc,
            date: EventDate {
                first: d,
                last: d,
                precision: DatePrecision::Day,
            },
            anchor: EventAnchor::Explicit,
            regions: Box::new([]),
            mentions: Box::new([]),
            sentence: Some(Span::new(sentence)),
            expression: None,
            paragraph: None,
            headline: false,
            future: false,
            kind: crate::extract::EventType::Other,
            killed: None,
            injured: None,
        }
    }

    #[test]
    fn growing_keeps_order_and_says_where_things_went() {
        let g = Gazetteer::builtin();
        let mut store = EventStore::from_parts(
            vec![doc("First", "Zeta News", "Alpha strike. Beta strike.")],
            vec![event(0, 20, 14..26), event(0, 10, 0..13)],
            g,
        );
        assert_eq!(store.sources(), ["Zeta News"]);
        let texts: Vec<String> = store
            .events()
            .iter()
            .map(|e| e.text(store.doc_of(e)))
            .collect();
        assert_eq!(texts, ["Alpha strike.", "Beta strike."]);
        let remap = store.extend(
            vec![doc("Second", "Alpha Post", "Gamma raid.")],
            vec![event(0, 15, 0..11)],
        );
        assert_eq!(
            remap.events,
            vec![0, 2],
            "the old events around the new one"
        );
        assert_eq!(remap.sources, vec![1], "Zeta News moved behind Alpha Post");
        assert_eq!(store.sources(), ["Alpha Post", "Zeta News"]);
        let texts: Vec<String> = store
            .events()
            .iter()
            .map(|e| e.text(store.doc_of(e)))
            .collect();
        assert_eq!(texts, ["Alpha strike.", "Gamma raid.", "Beta strike."]);
        assert_eq!(store.events_of_source(0), [1]);
        let hits = store.text_hits(&TextMatcher::new("RAID").unwrap());
        assert_eq!(hits, vec![false, true, false]);
        let by_title = store.text_hits(&TextMatcher::new("first").unwrap());
        assert_eq!(by_title, vec![true, false, true]);
        assert!(store.event_contains(2, &TextMatcher::new("zeta").unwrap()));
    }

    #[test]
    fn columns_follow_the_sorted_events() {
        let docs = vec![doc("A", "Reuters", "x"), doc("B", "AP", "y")];
        let mut late = event(0, 20, 0..1);
        late.regions = vec![5, 2].into();
        let early = event(1, 3, 0..1);
        let store = EventStore::from_parts(docs, vec![late, early], Gazetteer::builtin());
        let c = store.columns();
        for (i, e) in store.events().iter().enumerate() {
            assert_eq!(c.date(i as u32), e.date);
            assert_eq!(c.regions(i as u32).collect::<Vec<_>>(), &*e.regions);
            assert_eq!(c.sources[i], store.source_of(e));
        }
        assert_eq!(c.regions(1).collect::<Vec<_>>(), [5, 2]);
    }

    #[test]
    fn text_hits_cross_chunk_boundaries() {
        let g = Gazetteer::builtin();
        let sentence = "Shelling near the river continued. ";
        let text = sentence.repeat(40_000);
        let events = (0..40_000)
            .map(|i| {
                event(
                    0,
                    1 + (i % 27) as u32,
                    i * sentence.len()..(i + 1) * sentence.len() - 1,
                )
            })
            .collect();
        let store = EventStore::from_parts(vec![doc("T", "S", &text)], events, g);
        let hits = store.text_hits(&TextMatcher::new("river").unwrap());
        assert!(hits.iter().all(|&h| h));
        // A key waiting stops the pass before any piece of it runs.
        let keys = crate::interrupt::Keys::default();
        keys.sent();
        let stop = crate::interrupt::Interrupt::waiting(&keys);
        let cut = store.text_hits_until(&TextMatcher::new("river").unwrap(), &stop);
        assert!(cut.iter().all(|&h| !h), "abandoned, not searched");
        assert!(
            store
                .text_hits(&TextMatcher::new("lake").unwrap())
                .iter()
                .all(|&h| !h)
        );
    }

    #[test]
    fn sorting_in_place_keeps_every_event_and_ties_in_arrival_order() {
        // Days out of order, with ties (same day, same article, same span).
        let days = [9, 3, 7, 3, 1, 9, 5, 3, 2, 8, 1, 6];
        let mut events: Vec<Event> = days.iter().map(|&d| event(0, d, 0..4)).collect();
        let arrivals = sort_chronologically(&mut events, 100);
        let got: Vec<(u32, u32)> = events
            .iter()
            .zip(&arrivals)
            .map(|(e, &a)| (e.date.first.day(), a))
            .collect();
        let mut want: Vec<(u32, u32)> = days
            .iter()
            .enumerate()
            .map(|(i, &d)| (d, 100 + i as u32))
            .collect();
        want.sort();
        assert_eq!(got, want);
    }
}
