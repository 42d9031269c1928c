//! The store's events by column: what the per-keystroke passes (the slice's
//! date test, the pane counts, the histogram, the column widths and the
//! map's marks) read of every event, in small arrays indexed by event, so
//! that a pass over a million events reads a few megabytes in order rather
//! than every whole [`Event`] and the regions behind its pointer.
//!
//! Dates are a column of keys: each distinct date is stored once and an
//! event holds its key (a million events have a few thousand dates), so a
//! count per date ([`super::tally::Tally`]) is a small table. Each event's
//! regions and its places on a map ([`crate::places::positions`]) are
//! stored one event after another, read in order by the counting pass.
//!
//! Rebuilt with the store's posting lists whenever events are added or
//! retired.

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::Document;
use crate::extract::{Event, EventDate};
use crate::kinds::{self, KindId};
use crate::places::positions::Positions;
use crate::places::{Gazetteer, RegionId};

use super::SourceId;

/// How many events of `len` each thread takes in a counting pass over the
/// columns: one piece per thread, since each piece fills tables of its
/// own, and at least 16,384 events (fewer are not worth a thread).
pub fn piece_len(len: usize) -> usize {
    len.div_ceil(rayon::current_num_threads()).max(1 << 14)
}

/// The event indexes below `n` that `base` (sorted event indexes) leaves
/// out; `None` when `base` is not sorted and distinct below `n`. Counting
/// those and subtracting from the store's totals is quicker when `base`
/// holds most of the store. A `base` of more than 65,536 events is worked
/// out in pieces on every core.
pub fn left_out(base: &[u32], n: u32) -> Option<Vec<u32>> {
    const PIECE: usize = 1 << 16;
    if base.len() <= PIECE {
        return left_out_between(base, 0, n);
    }
    // Piece `k` covers the values after the last of the piece before it,
    // up to its own last (the last piece, up to `n`).
    let pieces: Option<Vec<Vec<u32>>> = base
        .par_chunks(PIECE)
        .enumerate()
        .map(|(k, piece)| {
            let from = match k {
                0 => 0,
                _ => base[k * PIECE - 1].checked_add(1)?,
            };
            let to = match (k + 1) * PIECE >= base.len() {
                true => n,
                false => piece[piece.len() - 1].checked_add(1)?.min(n),
            };
            left_out_between(piece, from, to)
        })
        .collect();
    Some(pieces?.concat())
}

/// The values in `from..to` that `base` leaves out; `None` when `base` is
/// not sorted and distinct within `from..to`.
fn left_out_between(base: &[u32], from: u32, to: u32) -> Option<Vec<u32>> {
    // Out of range at either end: refused before anything is reserved.
    if base.first().is_some_and(|&i| i < from) || base.last().is_some_and(|&i| i >= to) {
        return None;
    }
    let mut out = Vec::with_capacity((to.saturating_sub(from) as usize).saturating_sub(base.len()));
    let mut next = from;
    for &i in base {
        if i < next || i >= to {
            return None;
        }
        out.extend(next..i);
        next = i + 1;
    }
    out.extend(next..to);
    Some(out)
}

/// Counts of the events `base` (sorted event indexes of a store of `n`):
/// `direct(base)`, or, when `base` holds more than half the store,
/// `from_totals(left)`, the store's totals less the counts of the events
/// `left` that `base` leaves out, which are fewer to count.
pub fn by_complement<T>(
    n: usize,
    base: &[u32],
    direct: impl Fn(&[u32]) -> T,
    from_totals: impl FnOnce(&[u32]) -> T,
) -> T {
    if base.len() * 2 <= n {
        return direct(base);
    }
    match left_out(base, n as u32) {
        Some(left) => from_totals(&left),
        None => direct(base),
    }
}

/// A copy of `items` in a block of exactly their size.
fn exact<T: Copy>(items: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    out.extend_from_slice(items);
    out
}

/// Keys for distinct values: each value gets the index it has in the list
/// of values, the first time it is met.
struct Interner<T>(FxHashMap<T, u32>);

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Interner(FxHashMap::default())
    }
}

impl<T: std::hash::Hash + Eq + Copy> Interner<T> {
    /// The key of `value`, appending it to `values` when it is new.
    fn key(&mut self, value: T, values: &mut Vec<T>) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(value).or_insert_with(|| {
            values.push(value);
            next
        })
    }
}

/// Per-event columns of a store (each indexed by event index).
#[derive(Debug, Clone, Default)]
pub struct EventColumns {
    /// Each event's outlet.
    pub sources: Vec<SourceId>,
    /// Each event's type ([`KindId::MAX`] when it has none).
    pub kinds: Vec<KindId>,
    /// Every region the events name or stand at on the map, in the order
    /// first met: a compact index `k` (what `region_ids` and `map_ids`
    /// hold) names region `present[k]`, so that tables counted per region
    /// are as long as the regions the store has, not the gazetteer.
    present: Vec<RegionId>,
    /// Where each event's regions start in `region_ids` (one more entry
    /// than there are events).
    region_starts: Vec<u32>,
    /// Every event's regions ([`Event::regions`]), one after another, as
    /// compact indexes.
    region_ids: Vec<u32>,
    /// Where each event's map places start in `map_ids` (one more entry
    /// than there are events).
    map_starts: Vec<u32>,
    /// Every event's places on the map
    /// ([`crate::places::positions::Positions::places_of`]), as compact
    /// indexes.
    map_ids: Vec<u32>,
    /// Each event's date key: its date among `date_values`.
    pub date_of: Vec<u32>,
    /// Each event's publication key: its article's publication day among
    /// `publication_days`.
    pub published_of: Vec<u32>,
    /// Every distinct publication day (`None`: an article without one).
    pub publication_days: Vec<Option<NaiveDate>>,
    /// Every distinct date, in the order first met.
    pub date_values: Vec<EventDate>,
    /// The whole store's tally, worked out on first use.
    pub(super) totals: std::sync::OnceLock<super::tally::Tally>,
}

impl EventColumns {
    /// The columns of `events`, of the articles `docs`, whose outlets are
    /// `doc_source`, placed in `gazetteer`.
    pub fn of(
        events: &[Event],
        docs: &[Document],
        doc_source: &[SourceId],
        gazetteer: &Gazetteer,
    ) -> EventColumns {
        let mut c = EventColumns {
            sources: Vec::with_capacity(events.len()),
            kinds: Vec::with_capacity(events.len()),
            region_starts: Vec::with_capacity(events.len() + 1),
            present: Vec::new(),
            region_ids: Vec::new(),
            map_starts: Vec::with_capacity(events.len() + 1),
            map_ids: Vec::new(),
            date_of: Vec::with_capacity(events.len()),
            published_of: Vec::with_capacity(events.len()),
            publication_days: Vec::new(),
            date_values: Vec::new(),
            totals: std::sync::OnceLock::new(),
        };
        let positions = Positions::of(gazetteer);
        let mut on_map = Vec::new();
        let mut dates = Interner::default();
        let mut days = Interner::default();
        let mut regions = Interner::default();
        let doc_day: Vec<u32> = docs
            .iter()
            .map(|d| days.key(d.published.value, &mut c.publication_days))
            .collect();
        c.region_starts.push(0);
        c.map_starts.push(0);
        for e in events {
            c.sources.push(doc_source[e.doc as usize]);
            c.kinds.push(kinds::of(e).unwrap_or(KindId::MAX));
            for &r in e.regions.iter() {
                c.region_ids.push(regions.key(r, &mut c.present));
            }
            c.region_starts.push(c.region_ids.len() as u32);
            positions.places_of(gazetteer, &e.regions, &mut on_map);
            for &p in &on_map {
                c.map_ids.push(regions.key(p, &mut c.present));
            }
            c.map_starts.push(c.map_ids.len() as u32);
            c.date_of.push(dates.key(e.date, &mut c.date_values));
            c.published_of
                .push(doc_day.get(e.doc as usize).copied().unwrap_or_default());
        }
        // The lists grew by doubling; kept at their size, they hold what
        // they use (a fresh block: a shrunk one may stay where it was).
        c.region_ids = exact(&c.region_ids);
        c.map_ids = exact(&c.map_ids);
        c
    }

    /// Bytes of the regions, map places and date key columns (their
    /// arrays' buffers).
    pub fn key_bytes(&self) -> usize {
        use std::mem::size_of;
        (self.region_starts.capacity()
            + self.map_starts.capacity()
            + self.date_of.capacity()
            + self.published_of.capacity())
            * size_of::<u32>()
            + self.publication_days.capacity() * size_of::<Option<NaiveDate>>()
            + (self.region_ids.capacity() + self.map_ids.capacity()) * size_of::<u32>()
            + self.present.capacity() * size_of::<RegionId>()
            + self.date_values.capacity() * size_of::<EventDate>()
    }

    /// Event `i`'s regions, as [`Event::regions`].
    pub fn regions(&self, i: u32) -> impl Iterator<Item = RegionId> + '_ {
        self.compact_regions(i)
            .iter()
            .map(|&k| self.present[k as usize])
    }

    /// Event `i`'s regions as compact indexes ([`EventColumns::present`]).
    pub fn compact_regions(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.region_ids[self.region_starts[i] as usize..self.region_starts[i + 1] as usize]
    }

    /// Event `i`'s places on the map as compact indexes: for each place it
    /// happened in, the first (itself or one containing it) with a position.
    pub fn compact_map_places(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.map_ids[self.map_starts[i] as usize..self.map_starts[i + 1] as usize]
    }

    /// Event `i`'s date.
    pub fn date(&self, i: u32) -> EventDate {
        self.date_values[self.date_of[i as usize] as usize]
    }

    /// Every region the events name or stand at on the map: compact index
    /// `k` names `present()[k]`.
    pub fn present(&self) -> &[RegionId] {
        &self.present
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

    #[test]
    fn left_out_in_pieces_is_the_complement_too() {
        let mut rng = fastrand::Rng::with_seed(9);
        let n = 1_000_000;
        for keep in [0.5, 0.95, 1.0] {
            let base: Vec<u32> = (0..n).filter(|_| rng.f64() < keep).collect();
            let slow: Vec<u32> = (0..n).filter(|i| base.binary_search(i).is_err()).collect();
            assert_eq!(left_out(&base, n), Some(slow), "keeping {keep}");
        }
        // Out of order across two pieces, a repeat at a piece's edge, and
        // a value past the end are refused.
        let mut base: Vec<u32> = (0..200_000).collect();
        base.swap(65_535, 65_536);
        assert_eq!(left_out(&base, 300_000), None);
        let mut base: Vec<u32> = (0..200_000).collect();
        base[65_536] = 65_535;
        assert_eq!(left_out(&base, 300_000), None);
        let base: Vec<u32> = (0..200_000).collect();
        assert_eq!(left_out(&base, 150_000), None);
        // A piece ending at the largest value, out of order or past `n`.
        let mut base: Vec<u32> = (0..200_000).collect();
        base[65_535] = u32::MAX;
        assert_eq!(left_out(&base, 300_000), None);
        let base: Vec<u32> = (u32::MAX - 199_999..=u32::MAX).collect();
        assert_eq!(left_out(&base, 300_000), None);
    }
}
