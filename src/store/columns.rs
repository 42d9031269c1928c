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

/// The event indexes below `n` that `base` (sorted event indexes) leaves
/// out; `None` when `base` is not sorted and distinct below `n`. Counting
/// those and subtracting from the store's totals is quicker when `base`
/// holds most of the store.
pub fn left_out(base: &[u32], n: u32) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity((n as usize).saturating_sub(base.len()));
    let mut next = 0u32;
    for &i in base {
        if i < next || i >= n {
            return None;
        }
        out.extend(next..i);
        next = i + 1;
    }
    out.extend(next..n);
    Some(out)
}

/// The events a slice leaves out ([`left_out`]), once worked out.
pub type LeftOut = std::cell::OnceCell<Option<Vec<u32>>>;

/// Counts of the events `base` (sorted event indexes of a store of `n`):
/// `direct(base)`, or, when `base` holds more than half the store,
/// `from_totals(left)`, the store's totals less the counts of the events
/// `left` that `base` leaves out, which are fewer to count. `lefts`, when
/// given, keeps the events `base` leaves out for the next count of it.
pub fn by_complement<T>(
    n: usize,
    base: &[u32],
    lefts: Option<&LeftOut>,
    direct: impl Fn(&[u32]) -> T,
    from_totals: impl FnOnce(&[u32]) -> T,
) -> T {
    if base.len() * 2 <= n {
        return direct(base);
    }
    let owned;
    let left = match lefts {
        Some(cell) => cell.get_or_init(|| left_out(base, n as u32)).as_deref(),
        None => {
            owned = left_out(base, n as u32);
            owned.as_deref()
        }
    };
    match left {
        Some(left) => from_totals(left),
        None => direct(base),
    }
}

/// Per-event columns of a store (each indexed by event index).
#[derive(Debug, Clone, Default)]
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
    /// Events per type over the whole store, indexed by [`KindId`].
    pub kind_totals: Vec<u32>,
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
            kind_totals: vec![0; kinds::labels().len()],
            region_starts: Vec::with_capacity(events.len() + 1),
            region_ids: Vec::new(),
        };
        c.region_starts.push(0);
        for e in events {
            c.dates.push(e.date);
            c.sources.push(doc_source[e.doc as usize]);
            c.docs.push(e.doc);
            let kind = kinds::of(e).unwrap_or(KindId::MAX);
            c.kinds.push(kind);
            if let Some(t) = c.kind_totals.get_mut(usize::from(kind)) {
                *t += 1;
            }
            c.region_ids.extend_from_slice(&e.regions);
            c.region_starts.push(c.region_ids.len() as u32);
        }
        c
    }

    /// Bytes of the regions column (both its arrays' buffers).
    pub fn region_bytes(&self) -> usize {
        self.region_starts.capacity() * std::mem::size_of::<u32>()
            + self.region_ids.capacity() * std::mem::size_of::<RegionId>()
    }

    /// Event `i`'s regions, as [`Event::regions`].
    pub fn regions(&self, i: u32) -> &[RegionId] {
        let i = i as usize;
        &self.region_ids[self.region_starts[i] as usize..self.region_starts[i + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::left_out;

    #[test]
    fn left_out_is_the_complement_of_a_sorted_slice() {
        assert_eq!(left_out(&[1, 2, 5], 7), Some(vec![0, 3, 4, 6]));
        assert_eq!(left_out(&[], 3), Some(vec![0, 1, 2]));
        assert_eq!(left_out(&[0, 1, 2], 3), Some(vec![]));
        assert_eq!(left_out(&[2, 1], 3), None);
        assert_eq!(left_out(&[1, 1], 3), None);
        assert_eq!(left_out(&[3], 3), None);
    }
}
