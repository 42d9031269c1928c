//! What a store holds in memory, part by part: the profile behind issue
//! 16's memory aim (item 2), printed by `frontlog stats`.
//!
//! Each part is counted from the capacities of its vectors and strings
//! (bytes), plus the fixed size of each record; what the allocator adds
//! for its own bookkeeping and what a read holds only while it runs are
//! not in it, so the sum is below the process's peak.

use std::mem::size_of;

use crate::corpus::Document;
use crate::extract::Event;
use crate::places::RegionId;

use super::EventStore;

/// Bytes a store holds, part by part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footprint {
    /// `(part, bytes)`, in the order printed.
    pub parts: Vec<(&'static str, usize)>,
    /// Bytes of the text filter's index; `None` until it is built (the app
    /// builds it once the corpus is in; `frontlog stats` does not).
    pub text_index: Option<usize>,
}

impl Footprint {
    /// The parts of `store`.
    pub fn of(store: &EventStore) -> Footprint {
        let docs = &store.docs;
        let text: usize = docs.iter().map(|d| d.text.capacity()).sum();
        let records =
            docs.capacity() * size_of::<Document>() + docs.iter().map(document_heap).sum::<usize>();
        let events = store.events.capacity() * size_of::<Event>();
        let places: usize = store
            .events
            .iter()
            .map(|e| (e.regions.len() + e.mentions.len()) * size_of::<RegionId>())
            .sum();
        let search = store.search.capacity()
            + vec_bytes(&store.search_starts)
            + store.doc_search.capacity()
            + vec_bytes(&store.doc_search_starts)
            + vec_bytes(&store.arrival)
            + vec_bytes(&store.position);
        let postings = store
            .by_region
            .values()
            .map(|v| vec_bytes(v) + size_of::<(RegionId, Vec<u32>)>())
            .sum::<usize>()
            + store.by_source.iter().map(vec_bytes).sum::<usize>()
            + store.sources.iter().map(String::capacity).sum::<usize>();
        let c = &store.columns;
        let columns = vec_bytes(&c.sources) + vec_bytes(&c.kinds) + c.key_bytes();
        let clusters = store.clusters.heap_bytes();
        Footprint {
            parts: vec![
                (
                    "article text kept (headlines, openings, events' paragraphs)",
                    text,
                ),
                (
                    "article records (ids, paths, titles, outlets, addresses)",
                    records,
                ),
                ("event records", events),
                ("event places (regions and mentions)", places),
                ("folded text for the text filter", search),
                ("region and outlet posting lists", postings),
                (
                    "event columns (dates, outlets, types, regions, map places, date and publication-day keys)",
                    columns,
                ),
                ("clusters", clusters),
            ],
            text_index: store.text_index.get().map(|i| i.bytes()),
        }
    }

    /// The sum of the parts and the text index (bytes).
    pub fn total(&self) -> usize {
        self.parts.iter().map(|(_, b)| b).sum::<usize>() + self.text_index.unwrap_or(0)
    }
}

/// Bytes of a vector's buffer.
fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

/// Heap bytes of an article's record besides its text.
fn document_heap(d: &Document) -> usize {
    d.id.capacity()
        + d.path.capacity()
        + d.title.value.as_ref().map_or(0, String::capacity)
        + d.source.value.as_ref().map_or(0, String::capacity)
        + d.url.value.as_ref().map_or(0, String::capacity)
        + d.originator.as_ref().map_or(0, String::capacity)
        + vec_bytes(&d.pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_count_the_text_and_the_events_a_store_holds() {
        let gazetteer = crate::places::Gazetteer::builtin();
        let mut generator = crate::synth::Generator::new(3, gazetteer);
        let (docs, events) = crate::synth::extracted(&mut generator, 0..40, gazetteer);
        let mut store = EventStore::new(gazetteer);
        store.extend(docs, events);
        let f = Footprint::of(&store);
        let part = |name: &str| {
            f.parts
                .iter()
                .find(|(p, _)| p.starts_with(name))
                .map(|(_, b)| *b)
                .unwrap()
        };
        let text: usize = store.documents().iter().map(|d| d.text.len()).sum();
        assert!(part("article text") >= text);
        assert!(part("event records") >= std::mem::size_of_val(store.events()));
        assert!(part("folded text") > 0);
        // The text index counts once built.
        assert_eq!(f.text_index, None);
        store.build_text_index();
        let built = Footprint::of(&store);
        store.build_text_pairs();
        let paired = Footprint::of(&store);
        assert!(paired.text_index > built.text_index, "the pairs count too");
        assert!(built.text_index.is_some_and(|b| b > 0));
        assert!(built.total() > f.total());
    }
}
