//! The event store: every article and every event, the events in
//! chronological order, with the indexes that let a query answer within a
//! frame (events per region and per outlet, a case-folded copy of each
//! article for text search).

use std::collections::HashMap;

use crate::corpus::Document;
use crate::extract::{self, Event};
use crate::places::{Gazetteer, RegionId};

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
    by_region: HashMap<RegionId, Vec<u32>>,
    by_source: Vec<Vec<u32>>,
    max_span_days: i64,
}

impl EventStore {
    /// Extracts the events of every document and builds the store.
    pub fn build(docs: Vec<Document>, gazetteer: &'static Gazetteer) -> EventStore {
        let events = docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| extract::extract(d, i as u32, gazetteer))
            .collect();
        EventStore::from_parts(docs, events, gazetteer)
    }

    /// Builds a store from documents and events already extracted (events
    /// refer to documents by index).
    pub fn from_parts(
        docs: Vec<Document>,
        mut events: Vec<Event>,
        gazetteer: &'static Gazetteer,
    ) -> EventStore {
        events.sort_by_key(chronological_key);
        let mut sources: Vec<String> = docs
            .iter()
            .map(|d| d.source_or_unknown().to_owned())
            .collect();
        sources.sort_by_key(|s| (s.to_lowercase(), s.clone()));
        sources.dedup();
        let ids: HashMap<&str, SourceId> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as SourceId))
            .collect();
        let doc_source: Vec<SourceId> = docs.iter().map(|d| ids[d.source_or_unknown()]).collect();
        let mut by_region: HashMap<RegionId, Vec<u32>> = HashMap::new();
        let mut by_source = vec![Vec::new(); sources.len()];
        let mut max_span_days = 0;
        for (i, e) in events.iter().enumerate() {
            for &r in e.regions.iter() {
                by_region.entry(r).or_default().push(i as u32);
            }
            by_source[doc_source[e.doc as usize] as usize].push(i as u32);
            max_span_days = max_span_days.max((e.date.last - e.date.first).num_days());
        }
        EventStore {
            docs,
            events,
            gazetteer,
            sources,
            doc_source,
            by_region,
            by_source,
            max_span_days,
        }
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

    /// Whether an event's sentence, its article's title or its outlet
    /// contains the matcher's text.
    pub fn event_contains(&self, event: &Event, needle: &TextMatcher) -> bool {
        let doc = &self.docs[event.doc as usize];
        if needle.is_match(doc.title_or_name()) || needle.is_match(doc.source_or_unknown()) {
            return true;
        }
        match event.sentence {
            Some(span) if !event.headline => needle.is_match(&doc.text[span.range()]),
            _ => false,
        }
    }
}

/// A text to look for in any case, compiled once per query: an ASCII
/// needle is searched with a case-insensitive automaton straight in the
/// article text; any other is compared on case-folded text.
#[derive(Debug, Clone)]
pub struct TextMatcher {
    ascii: Option<aho_corasick::AhoCorasick>,
    folded: String,
}

impl TextMatcher {
    /// A matcher for `needle` (trimmed); `None` when it is empty.
    pub fn new(needle: &str) -> Option<TextMatcher> {
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let ascii = needle.is_ascii().then(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([needle])
                .ok()
        });
        Some(TextMatcher {
            ascii: ascii.flatten(),
            folded: fold_case(needle),
        })
    }

    /// Whether `hay` contains the needle, in any case.
    pub fn is_match(&self, hay: &str) -> bool {
        match &self.ascii {
            Some(automaton) => automaton.is_match(hay),
            None => fold_case(hay).contains(&self.folded),
        }
    }
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

/// Lower-cases text character by character (where the lower-case form is a
/// single character), for case-insensitive comparison of any script.
pub fn fold_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_byte_offsets() {
        let s = "Київ İstanbul ǅ KRAMATORSK";
        let f = fold_case(s);
        assert_eq!(f.len(), s.len());
        assert!(f.contains("київ"));
        assert!(f.contains("kramatorsk"));
    }

    #[test]
    fn matcher_ignores_case_in_any_script() {
        let ascii = TextMatcher::new(" Glide Bomb ").unwrap();
        assert!(ascii.is_match("A GLIDE BOMB hit Київ"));
        assert!(!ascii.is_match("a glide-bomb"));
        let cyrillic = TextMatcher::new("КИЇВ").unwrap();
        assert!(cyrillic.is_match("удар по Києву? ні, по київ"));
        assert!(TextMatcher::new("   ").is_none());
    }
}
