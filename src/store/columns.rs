//! The store's events by column: what the per-keystroke passes (the slice's
//! date test, the pane counts, the histogram, the column widths and the
//! map's marks) read of every event, in small arrays indexed by event, so
//! that a pass over a million events reads a few megabytes in order rather
//! than every whole [`Event`] and the regions behind its pointer.
//!
//! Rebuilt with the store's posting lists whenever events are added or
//! retired.

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::extract::{Event, EventDate};
use crate::kinds::{self, KindId};
use crate::places::RegionId;

use super::SourceId;

/// How many events of `len` each thread takes in a counting pass over the
/// columns: one piece per thread, since each piece fills a table as long as
/// the gazetteer, and at least 16,384 events (fewer are not worth a thread).
pub fn piece_len(len: usize) -> usize {
    len.div_ceil(rayon::current_num_threads()).max(1 << 14)
}

/// Per-event columns of a store (each indexed by event index).
#[derive(Debug, Default)]
pub struct EventColumns {
    /// Each event's date.
    pub dates: Vec<EventDate>,
    /// Each event's outlet.
    pub sources: Vec<SourceId>,
    /// Each event's article ([`Event::doc`]).
    pub docs: Vec<u32>,
    /// Each article's publication day, by article index.
    pub published: Vec<Option<NaiveDate>>,
    /// Each event's type ([`KindId::MAX`] when it has none).
    pub kinds: Vec<KindId>,
    /// Where each event's regions start in `region_ids` (one more entry
    /// than there are events).
    region_starts: Vec<u32>,
    /// Every event's regions ([`Event::regions`]), one after another.
    region_ids: Vec<RegionId>,
}

impl EventColumns {
    /// The columns of `events`, of the articles `docs`, whose outlets are
    /// `doc_source`.
    pub fn of(events: &[Event], docs: &[Document], doc_source: &[SourceId]) -> EventColumns {
        let mut c = EventColumns {
            dates: Vec::with_capacity(events.len()),
            sources: Vec::with_capacity(events.len()),
            docs: Vec::with_capacity(events.len()),
            published: docs.iter().map(|d| d.published.value).collect(),
            kinds: Vec::with_capacity(events.len()),
            region_starts: Vec::with_capacity(events.len() + 1),
            region_ids: Vec::new(),
        };
        c.region_starts.push(0);
        for e in events {
            c.dates.push(e.date);
            c.sources.push(doc_source[e.doc as usize]);
            c.docs.push(e.doc);
            c.kinds.push(kinds::of(e).unwrap_or(KindId::MAX));
            c.region_ids.extend_from_slice(&e.regions);
            c.region_starts.push(c.region_ids.len() as u32);
        }
        c
    }

    /// Event `i`'s regions, as [`Event::regions`].
    pub fn regions(&self, i: u32) -> &[RegionId] {
        let i = i as usize;
        &self.region_ids[self.region_starts[i] as usize..self.region_starts[i + 1] as usize]
    }
}
