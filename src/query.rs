//! Queries: cutting a slice of the event store by date range, regions,
//! outlets, event types and text, and counting the slice's events per
//! region, outlet and type.
//!
//! The terminal app and `frontlog export` both go through [`Query::slice`]
//! (or [`Query::run`], its events), so the same filters always give the
//! same slice. A date filter keeps the events its range holds at its
//! precision or finer; the events known only to a coarser period that
//! overlaps it are kept apart ([`Slice::coarser`]) and shown only when the
//! query asks for them ([`crate::datefilter::DateWindow`] says which is which).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate};
use roaring::RoaringBitmap;

use crate::datefilter::{DateWindow, Fit};
use crate::extract::DatePrecision;
use crate::interrupt::Interrupt;
use crate::kinds::{self, KindId};
use crate::places::RegionId;
use crate::store::tally::Tally;
use crate::store::{EventStore, SourceId, TextMatcher, fold_case};

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
    /// Keep events of any of these types (see [`crate::kinds`]: empty, and
    /// nothing to choose, until events carry a type).
    pub kinds: BTreeSet<KindId>,
    /// Keep events whose sentence, title or outlet holds this text from the
    /// start of a word, folded ([`crate::store::TextMatcher`]: any case,
    /// Latin diacritics ignored).
    pub text: String,
    /// Keep, too, the events known only to a period coarser than the date
    /// filter (a year, month or week) that overlaps it.
    pub include_coarser: bool,
}

/// The result of a query: the events shown, and the events that the date
/// filter holds only at a coarser precision than its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slice {
    /// The events of the slice, as indexes into [`EventStore::events`], in
    /// chronological order (the coarser ones among them when the query
    /// includes them).
    pub events: Vec<u32>,
    /// The events that pass every filter but whose dates are coarser than
    /// the date filter, in chronological order, whether shown or not.
    pub coarser: Vec<u32>,
}

impl Slice {
    /// The precisions among the coarser events, finest first ("week", "month", "year").
    pub fn coarser_kinds(&self, store: &EventStore) -> Vec<&'static str> {
        precisions(store, &self.coarser)
    }
}

/// Events per region over the whole store: its posting lists' lengths.
fn region_totals(store: &EventStore) -> HashMap<RegionId, u32> {
    store
        .regions_present()
        .map(|r| (r, store.events_in_region(r).len() as u32))
        .collect()
}

/// Events per outlet over the whole store, indexed by [`SourceId`].
fn source_totals(store: &EventStore) -> Vec<u32> {
    (0..store.sources().len() as SourceId)
        .map(|s| store.events_of_source(s).len() as u32)
        .collect()
}

/// How a query's text filter is answered: through the store's text index
/// when it is built; else by one parallel scan of all the text when many
/// events are candidates, or by looking at each candidate when few are.
enum TextHits {
    /// No text filter.
    Any,
    /// The events that match, from the index.
    Indexed(RoaringBitmap),
    /// A flag per event, from a scan of all the text.
    Scanned(Vec<bool>),
    /// Each candidate is checked as it comes.
    Check(Box<TextMatcher>),
}

impl TextHits {
    /// Answers `needle` on `store`, where the other filters leave the
    /// events `listed` (sorted), or when they list none, the events in
    /// `lo..hi`; the index's answer holds only those.
    fn find(
        store: &EventStore,
        needle: Option<TextMatcher>,
        listed: Option<&[u32]>,
        (lo, hi): (u32, u32),
        stop: &Interrupt<'_>,
    ) -> TextHits {
        let Some(needle) = needle else {
            return TextHits::Any;
        };
        if store.text_index().is_some() {
            let within = match listed {
                Some(list) => RoaringBitmap::from_sorted_iter(list.iter().copied()).ok(),
                None if hi - lo < store.events().len() as u32 => {
                    let mut w = RoaringBitmap::new();
                    w.insert_range(lo..hi);
                    Some(w)
                }
                None => None,
            };
            if let Some(found) = store.indexed_text_matches_until(&needle, within.as_ref(), stop) {
                return TextHits::Indexed(found);
            }
        }
        let candidates = listed.map_or((hi - lo) as usize, <[u32]>::len);
        // Many candidates: one parallel pass over all the text beats a look at each.
        if candidates > TEXT_SCAN_MIN {
            TextHits::Scanned(store.text_hits_until(&needle, stop))
        } else {
            TextHits::Check(Box::new(needle))
        }
    }

    /// Whether event `i` passes the text filter.
    fn holds(&self, store: &EventStore, i: u32) -> bool {
        match self {
            TextHits::Any => true,
            // Only the index's events are looked at ([`Query::slice`]).
            TextHits::Indexed(_) => true,
            TextHits::Scanned(flags) => flags[i as usize],
            TextHits::Check(needle) => store.event_contains(i, needle),
        }
    }
}

/// The precisions of some events' dates, finest first ("day", "week",
/// "month", "year"), each once.
fn precisions(store: &EventStore, events: &[u32]) -> Vec<&'static str> {
    let mut seen = [false; 4];
    for &i in events {
        seen[store.events()[i as usize].date.precision as usize] = true;
    }
    [
        (DatePrecision::Day, "day"),
        (DatePrecision::Week, "week"),
        (DatePrecision::Month, "month"),
        (DatePrecision::Year, "year"),
    ]
    .into_iter()
    .filter(|(p, _)| seen[*p as usize])
    .map(|(_, name)| name)
    .collect()
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
    /// Events per type, indexed by [`KindId`] (empty while events carry
    /// no type).
    pub kinds: Vec<u32>,
}

/// Facet counts kept from the last query, by the query they were counted
/// for. Clear it (`FacetMemo::default()`) when the store changes.
#[derive(Debug, Clone, Default)]
pub struct FacetMemo {
    regions: Option<(Query, HashMap<RegionId, u32>)>,
    sources: Option<(Query, Vec<u32>)>,
}

impl Query {
    /// Whether no filter is set (including coarser dates is no filter by
    /// itself: without a date filter nothing is coarser).
    pub fn is_empty(&self) -> bool {
        Query {
            include_coarser: false,
            ..self.clone()
        } == Query::default()
    }

    /// The date filter as a window over event dates.
    pub fn dates(&self) -> DateWindow {
        DateWindow::new(self.from, self.to)
    }

    /// The events of the slice, as indexes into [`EventStore::events`], in
    /// chronological order: [`Query::slice`]'s events.
    pub fn run(&self, store: &EventStore) -> Vec<u32> {
        self.slice(store).events
    }

    /// The slice: the events shown and the coarser ones (see [`Slice`]).
    pub fn slice(&self, store: &EventStore) -> Slice {
        self.slice_until(store, &Interrupt::NEVER)
    }

    /// [`Query::slice`], stopping early once `stop` fires: the answer is
    /// then partial, and the caller, seeing `stop` fired, throws it away.
    pub fn slice_until(&self, store: &EventStore, stop: &Interrupt<'_>) -> Slice {
        let dates = self.dates();
        let needle = TextMatcher::new(&self.text);
        let columns = store.columns();
        let (lo, hi) = self.index_window(store);
        let in_regions = (!self.regions.is_empty()).then(|| {
            union(
                self.regions
                    .iter()
                    .map(|&r| window(store.events_in_region(r), lo, hi)),
            )
        });
        let in_sources = (!self.sources.is_empty()).then(|| {
            union(
                self.sources
                    .iter()
                    .map(|&s| window(store.events_of_source(s), lo, hi)),
            )
        });
        let candidates = match (in_regions, in_sources) {
            (Some(a), Some(b)) => Some(intersect(&a, &b)),
            (a, b) => a.or(b),
        };
        let text = TextHits::find(store, needle, candidates.as_deref(), (lo, hi), stop);
        if stop.fired() {
            return Slice::default();
        }
        let kind_ok = |i: u32| self.kinds.is_empty() || self.kinds.contains(&kind_of(store, i));
        let mut slice = Slice::default();
        let mut take = |i: u32| match dates.fit(&columns.date(i)) {
            Fit::Outside => {}
            _ if !text.holds(store, i) || !kind_ok(i) => {}
            Fit::Inside => slice.events.push(i),
            Fit::Coarser => {
                slice.coarser.push(i);
                if self.include_coarser {
                    slice.events.push(i);
                }
            }
        };
        match (candidates, &text) {
            // No filter but the window: every event in it, unread.
            (None, TextHits::Any) if !dates.is_set() && self.kinds.is_empty() => {
                slice.events = (lo..hi).collect();
            }
            // The index's events, already cut to the other filters' lists
            // and window: without a date or type filter they are the slice.
            (_, TextHits::Indexed(found))
                if self.from.is_none() && self.to.is_none() && self.kinds.is_empty() =>
            {
                slice.events = crate::store::bitmap_list::sorted(found);
            }
            (_, TextHits::Indexed(found)) => found.iter().for_each(&mut take),
            (Some(list), _) => list.into_iter().for_each(&mut take),
            (None, _) => (lo..hi).for_each(&mut take),
        }
        slice
    }

    /// This query's slice worked out from `earlier`'s slice, when this query
    /// only adds text to the end of `earlier`'s text filter (as each key
    /// typed into the text filter does) and the store has no text index
    /// yet: only the events already in it are looked at again. `None` when
    /// that does not apply and [`Query::slice`] is needed.
    pub fn narrow(&self, store: &EventStore, earlier: &Query, slice: &Slice) -> Option<Slice> {
        self.narrow_until(store, earlier, slice, &Interrupt::NEVER)
    }

    /// [`Query::narrow`], stopping early once `stop` fires (the answer is
    /// then partial: see [`Query::slice_until`]).
    pub fn narrow_until(
        &self,
        store: &EventStore,
        earlier: &Query,
        slice: &Slice,
        stop: &Interrupt<'_>,
    ) -> Option<Slice> {
        let same_otherwise = Query {
            text: String::new(),
            ..self.clone()
        } == Query {
            text: String::new(),
            ..earlier.clone()
        };
        let (new, old) = (fold_case(self.text.trim()), fold_case(earlier.text.trim()));
        // The text index answers faster than a look at each event.
        if store.text_index().is_some()
            || !same_otherwise
            || old.is_empty()
            || !new.starts_with(&old)
        {
            return None;
        }
        let needle = TextMatcher::new(&self.text)?;
        let keep = |list: &[u32]| store.events_containing_until(list, &needle, stop);
        Some(Slice {
            events: keep(&slice.events),
            coarser: keep(&slice.coarser),
        })
    }

    /// Counts per region and outlet (see [`Facets`]) given `slice`, this
    /// query's own result. A facet whose filter is empty is counted on the
    /// slice itself; one with a filter needs the query run again without it,
    /// unless `memo` holds the counts of that same query from last time
    /// (as when regions are toggled one after another).
    pub fn facets(&self, store: &EventStore, slice: &[u32], memo: &mut FacetMemo) -> Facets {
        self.facets_of(store, &Tally::of(store, slice), memo)
    }

    /// [`Query::facets`], given the slice's tally ([`Tally::of`] this
    /// query's own result), which every facet without a filter of its own
    /// reads.
    pub fn facets_of(&self, store: &EventStore, slice: &Tally, memo: &mut FacetMemo) -> Facets {
        // The tally of this query without one of its filters.
        let without = |q: Query| -> Cow<Tally> {
            if q == *self {
                Cow::Borrowed(slice)
            } else {
                Cow::Owned(Tally::of(store, &q.run(store)))
            }
        };
        let region_key = Query {
            regions: BTreeSet::new(),
            ..self.clone()
        };
        let regions = match &memo.regions {
            Some((key, counts)) if !self.regions.is_empty() && *key == region_key => counts.clone(),
            // Nothing else filters: the counts are the posting lists' lengths.
            _ if region_key.is_empty() => region_totals(store),
            _ => {
                let regions = without(region_key.clone()).regions(store.columns());
                memo.regions = Some((region_key, regions.clone()));
                regions
            }
        };
        let source_key = Query {
            sources: BTreeSet::new(),
            ..self.clone()
        };
        let sources = match &memo.sources {
            Some((key, counts)) if !self.sources.is_empty() && *key == source_key => counts.clone(),
            _ if source_key.is_empty() => source_totals(store),
            _ => {
                let sources = without(source_key.clone()).per_source.clone();
                memo.sources = Some((source_key, sources.clone()));
                sources
            }
        };
        let kinds = if kinds::available() {
            without(Query {
                kinds: BTreeSet::new(),
                ..self.clone()
            })
            .per_kind
            .clone()
        } else {
            Vec::new()
        };
        Facets {
            regions,
            sources,
            kinds,
        }
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
        if self.include_coarser && self.dates().is_set() {
            parts.push("coarser dates included".to_owned());
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
        if !self.kinds.is_empty() {
            let names: Vec<&str> = self.kinds.iter().map(|&k| kinds::label(k)).collect();
            parts.push(format!("types {}", names.join(" or ")));
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

/// The type of event `i`; an event without one never passes a type filter.
fn kind_of(store: &EventStore, i: u32) -> KindId {
    store.columns().kinds[i as usize]
}

/// Above this many candidate events the text filter scans all the text at once.
const TEXT_SCAN_MIN: usize = 20_000;

/// The part of a sorted posting list that falls in `lo..hi`.
fn window(list: &[u32], lo: u32, hi: u32) -> &[u32] {
    let a = list.partition_point(|&i| i < lo);
    let b = list.partition_point(|&i| i < hi);
    &list[a..b.max(a)]
}

/// The items in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .copied()
        .filter(|x| large.binary_search(x).is_ok())
        .collect()
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
