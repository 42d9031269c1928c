//! A store taken apart and put back together without sorting or folding
//! again: what the store snapshot ([`crate::ingest::snapshot`]) writes and
//! reads. The parts are the articles, the events in chronological order,
//! each event's folded text in the same order, and the clusters; every
//! index (regions, outlets, columns, the arrival order) is worked out from
//! them in passes over the events, without a sort. A store's copy
//! ([`Clone`]) is here too: the background loader's.

use crate::cluster::Clusters;
use crate::corpus::Document;
use crate::extract::Event;
use crate::places::Gazetteer;

use super::{EventStore, chronological_key, folding::push_folded, nth_record};

/// A copy of the store, without its text index (built again on demand):
/// what the background loader hands the app while it goes on reading.
impl Clone for EventStore {
    fn clone(&self) -> EventStore {
        EventStore {
            docs: self.docs.clone(),
            events: self.events.clone(),
            gazetteer: self.gazetteer,
            sources: self.sources.clone(),
            doc_source: self.doc_source.clone(),
            by_region: self.by_region.clone(),
            by_source: self.by_source.clone(),
            max_span_days: self.max_span_days,
            search: self.search.clone(),
            search_starts: self.search_starts.clone(),
            arrival: self.arrival.clone(),
            position: self.position.clone(),
            doc_search: self.doc_search.clone(),
            doc_search_starts: self.doc_search_starts.clone(),
            clusters: self.clusters.clone(),
            text_index: std::sync::OnceLock::new(),
            columns: self.columns.clone(),
            // The same events: what is worked out from them still holds.
            generation: self.generation,
        }
    }
}

impl EventStore {
    /// Bytes [`EventStore::folded_of`] gives for `range`, without
    /// building it.
    pub fn folded_len(&self, range: std::ops::Range<usize>) -> usize {
        range
            .map(|i| {
                nth_record(&self.search, &self.search_starts, self.arrival[i] as usize).len() + 1
            })
            .sum()
    }

    /// The folded text ([`super::folded_text`]) of the events `range`
    /// (indexes into [`EventStore::events`]), in that order, each followed
    /// by a NUL byte: the text part of a snapshot's chunk of events.
    pub fn folded_of(&self, range: std::ops::Range<usize>) -> String {
        let mut out = String::new();
        for i in range {
            out.push_str(nth_record(
                &self.search,
                &self.search_starts,
                self.arrival[i] as usize,
            ));
            out.push('\0');
        }
        out
    }

    /// Puts a store back together from its parts: `events` in chronological
    /// order (as [`EventStore::events`] gave them), `search` their folded
    /// texts in the same order, each followed by a NUL byte (as
    /// [`EventStore::folded_of`] gave them), and their `clusters` (empty
    /// when they were not clustered).
    ///
    /// # Errors
    /// The parts do not fit together: events out of order, an event of a
    /// missing article, a text count unlike the event count, or clusters
    /// of other events. The message says which.
    pub fn from_sorted_parts(
        docs: Vec<Document>,
        events: Vec<Event>,
        search: String,
        clusters: Clusters,
        gazetteer: &'static Gazetteer,
    ) -> Result<EventStore, String> {
        if let Some(e) = events.iter().find(|e| e.doc as usize >= docs.len()) {
            return Err(format!(
                "an event of article {} among {} articles",
                e.doc,
                docs.len()
            ));
        }
        if events
            .windows(2)
            .any(|w| chronological_key(&w[0]) > chronological_key(&w[1]))
        {
            return Err("the events are out of order".into());
        }
        let mut search_starts = Vec::with_capacity(events.len());
        let mut start = 0;
        for end in memchr::memchr_iter(0, search.as_bytes()) {
            search_starts.push(start);
            start = end + 1;
        }
        if search_starts.len() != events.len() || start != search.len() {
            return Err(format!(
                "{} event texts for {} events",
                search_starts.len(),
                events.len()
            ));
        }
        let mut store = EventStore::new(gazetteer);
        store.docs = docs;
        store.push_doc_search(0);
        store.search = search;
        store.search_starts = search_starts;
        store.arrival = (0..events.len() as u32).collect();
        store.position = store.arrival.clone();
        store.events = events;
        store.index_sources();
        store.index_events();
        if !clusters.is_empty() {
            store.set_clusters(clusters)?;
        }
        Ok(store)
    }

    /// Appends the folded title and outlet of the articles from `first` on
    /// to the articles' search text.
    pub(super) fn push_doc_search(&mut self, first: usize) {
        for doc in &self.docs[first..] {
            self.doc_search_starts.push(self.doc_search.len());
            push_folded(&mut self.doc_search, doc.title_or_name());
            self.doc_search.push(' ');
            push_folded(&mut self.doc_search, doc.source_or_unknown());
            self.doc_search.push('\0');
        }
    }
}
