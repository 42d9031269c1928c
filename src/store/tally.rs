//! A slice's events counted once per key: per region, per most specific
//! place, per place on the map, per date, per outlet, per type and per
//! publication day, in one pass
//! on every core. Every pane reads these small tables instead of passing
//! over the slice again: the region and outlet counts, the type counts,
//! the histogram, the column widths and the map's marks.
//!
//! A slice of more than half the store is counted as the store's tally
//! (worked out once per state of the store) less the events it leaves out,
//! which are fewer to count.

use super::EventStore;
use super::columns::{EventColumns, by_complement, piece_len};
use crate::interrupt::Interrupt;
use crate::kinds;
use crate::places::RegionId;
use rayon::prelude::*;

/// Counts of some events per key, each table indexed by its key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many events were counted.
    pub events: usize,
    /// The store state counted ([`EventStore::generation`]): the tables'
    /// keys mean nothing for another.
    pub generation: u64,
    /// Events placed on the map (with at least one map place).
    pub mapped: usize,
    /// Per region, by compact index
    /// ([`super::columns::EventColumns::present`]): an event counts once
    /// for each of its regions (its places and the places containing them).
    pub per_region: Vec<u32>,
    /// Per region, by compact index: events whose most specific place
    /// (first region) it is.
    pub per_first: Vec<u32>,
    /// Per region, by compact index: events counted at it on the map
    /// ([`super::columns::EventColumns::compact_map_places`]).
    pub per_map: Vec<u32>,
    /// Per date key ([`super::columns::EventColumns::date_of`]).
    pub per_date: Vec<u32>,
    /// Per outlet ([`super::SourceId`]).
    pub per_source: Vec<u32>,
    /// Per type ([`kinds::KindId`]; events without a type are not counted).
    pub per_kind: Vec<u32>,
    /// Per publication day of the events' articles (a key into
    /// [`super::columns::EventColumns::publication_days`]).
    pub per_published: Vec<u32>,
}

impl Tally {
    /// The tally of `events` (sorted, distinct event indexes of `store`;
    /// any other list is counted directly, which is slower but right).
    pub fn of(store: &EventStore, events: &[u32]) -> Tally {
        Tally::of_until(store, events, &Interrupt::NEVER)
    }

    /// [`Tally::of`], stopping early once `stop` fires: the counts are then
    /// partial, for the caller to throw away.
    pub fn of_until(store: &EventStore, events: &[u32], stop: &Interrupt<'_>) -> Tally {
        let n = store.events().len();
        by_complement(
            n,
            events,
            |base| count(store, base, stop),
            |left| {
                let mut out = Tally::totals(store).clone();
                if !left.is_empty() {
                    out.subtract(&count(store, left, stop));
                }
                out
            },
        )
    }

    /// The whole store's tally, counted on the first call for this state of
    /// the store and kept with its columns. The background loader calls it
    /// before it hands a store over, so that the interface thread, whose
    /// first slice is the whole store, only copies it.
    pub fn totals(store: &EventStore) -> &Tally {
        store.columns().totals.get_or_init(|| {
            let all: Vec<u32> = (0..store.events().len() as u32).collect();
            count(store, &all, &Interrupt::NEVER)
        })
    }

    /// Empty tables sized for `store`.
    fn zero(store: &EventStore) -> Tally {
        let c = store.columns();
        Tally {
            events: 0,
            generation: store.generation(),
            mapped: 0,
            per_region: vec![0; c.present().len()],
            per_first: vec![0; c.present().len()],
            per_map: vec![0; c.present().len()],
            per_date: vec![0; c.date_values.len()],
            per_source: vec![0; store.sources().len()],
            per_kind: vec![0; kinds::labels().len()],
            per_published: vec![0; c.publication_days.len()],
        }
    }

    /// Adds `other`'s counts, table by table.
    fn add(&mut self, other: &Tally) {
        self.events += other.events;
        self.mapped += other.mapped;
        for (a, b) in self.tables_mut().into_iter().zip(other.tables()) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
    }

    /// Takes `other`'s counts away (it counts a part of these events).
    fn subtract(&mut self, other: &Tally) {
        self.events = self.events.saturating_sub(other.events);
        self.mapped = self.mapped.saturating_sub(other.mapped);
        for (a, b) in self.tables_mut().into_iter().zip(other.tables()) {
            a.iter_mut()
                .zip(b)
                .for_each(|(x, y)| *x = x.saturating_sub(*y));
        }
    }

    fn tables(&self) -> [&Vec<u32>; 7] {
        [
            &self.per_region,
            &self.per_first,
            &self.per_map,
            &self.per_date,
            &self.per_source,
            &self.per_kind,
            &self.per_published,
        ]
    }

    fn tables_mut(&mut self) -> [&mut Vec<u32>; 7] {
        [
            &mut self.per_region,
            &mut self.per_first,
            &mut self.per_map,
            &mut self.per_date,
            &mut self.per_source,
            &mut self.per_kind,
            &mut self.per_published,
        ]
    }

    /// The date keys counted, with their counts.
    pub fn dates(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        nonzero(&self.per_date)
    }

    /// Events per region: an event counts once for each of its regions
    /// (its places and the places containing them).
    pub fn regions(&self, columns: &EventColumns) -> std::collections::HashMap<RegionId, u32> {
        in_regions(&self.per_region, columns).collect()
    }

    /// Events per place on the map, for the places with any.
    pub fn map_places<'a>(
        &'a self,
        columns: &'a EventColumns,
    ) -> impl Iterator<Item = (RegionId, u32)> + 'a {
        in_regions(&self.per_map, columns)
    }
}

/// A table by compact index, as (region, count) for its nonzero entries.
fn in_regions<'a>(
    table: &'a [u32],
    columns: &'a EventColumns,
) -> impl Iterator<Item = (RegionId, u32)> + 'a {
    nonzero(table).map(|(k, n)| (columns.present()[k as usize], n))
}

/// The nonzero entries of a table, as (index, count).
pub fn nonzero(table: &[u32]) -> impl Iterator<Item = (u32, u32)> + '_ {
    table
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(k, &c)| (k as u32, c))
}

/// Events counted between two looks at the [`Interrupt`].
const CHECK_EVERY: usize = 8192;

/// Counts `base` directly, in one piece per core; a piece stops early
/// once `stop` fires.
fn count(store: &EventStore, base: &[u32], stop: &Interrupt<'_>) -> Tally {
    let c = store.columns();
    base.par_chunks(piece_len(base.len()))
        .map(|chunk| {
            let mut t = Tally::zero(store);
            t.events = chunk.len();
            for (k, &i) in chunk.iter().enumerate() {
                if k % CHECK_EVERY == 0 && stop.fired() {
                    break;
                }
                let regions = c.compact_regions(i);
                for &r in regions {
                    t.per_region[r as usize] += 1;
                }
                if let Some(&r) = regions.first() {
                    t.per_first[r as usize] += 1;
                }
                let on_map = c.compact_map_places(i);
                t.mapped += usize::from(!on_map.is_empty());
                for &p in on_map {
                    t.per_map[p as usize] += 1;
                }
                let i = i as usize;
                t.per_date[c.date_of[i] as usize] += 1;
                t.per_source[c.sources[i] as usize] += 1;
                if let Some(k) = t.per_kind.get_mut(usize::from(c.kinds[i])) {
                    *k += 1;
                }
                t.per_published[c.published_of[i] as usize] += 1;
            }
            t
        })
        .reduce_with(|mut a, b| {
            a.add(&b);
            a
        })
        .unwrap_or_else(|| Tally::zero(store))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::Gazetteer;
    use crate::synth::{Generator, extracted};

    /// The tally counted the slow way: event by event, from the events
    /// themselves rather than the columns.
    fn by_hand(store: &EventStore, slice: &[u32]) -> Tally {
        let g = store.gazetteer();
        let positions = crate::places::positions::Positions::of(g);
        let mut t = Tally::zero(store);
        let values = &store.columns().date_values;
        let present = store.columns().present();
        let k = |r: RegionId| present.iter().position(|&p| p == r).unwrap();
        let mut places = Vec::new();
        for &i in slice {
            let e = &store.events()[i as usize];
            t.events += 1;
            for &r in e.regions.iter() {
                t.per_region[k(r)] += 1;
            }
            if let Some(&r) = e.regions.first() {
                t.per_first[k(r)] += 1;
            }
            positions.places_of(g, &e.regions, &mut places);
            t.mapped += usize::from(!places.is_empty());
            for &p in &places {
                t.per_map[k(p)] += 1;
            }
            let date = values.iter().position(|d| *d == e.date).unwrap();
            t.per_date[date] += 1;
            t.per_source[store.source_of(e) as usize] += 1;
            if let Some(k) = kinds::of(e) {
                t.per_kind[usize::from(k)] += 1;
            }
            let day = store.doc_of(e).published.value;
            let key = store
                .columns()
                .publication_days
                .iter()
                .position(|d| *d == day)
                .unwrap();
            t.per_published[key] += 1;
        }
        t
    }

    #[test]
    fn a_tally_counts_what_each_event_holds_directly_or_from_the_totals() {
        let g = Gazetteer::builtin();
        let (docs, events) = extracted(&mut Generator::new(5, g), 1..2600, g);
        let store = EventStore::from_parts(docs, events, g);
        let n = store.events().len() as u32;
        assert!(n > 2 * (1 << 14), "{n} events: too few to count in pieces");
        let mut rng = fastrand::Rng::with_seed(3);
        // Small slices are counted directly; most of the store, as the
        // totals less what it leaves out.
        for keep in [0.02, 0.3, 0.7, 0.98, 1.0] {
            let slice: Vec<u32> = (0..n).filter(|_| rng.f64() < keep).collect();
            let tally = Tally::of(&store, &slice);
            assert_eq!(tally, by_hand(&store, &slice), "keeping {keep}");
            assert_eq!(tally.events, slice.len());
        }
        assert_eq!(Tally::of(&store, &[]), Tally::zero(&store));
        // A list that is not sorted is counted directly, and right.
        let unsorted: Vec<u32> = (0..n).rev().collect();
        assert_eq!(Tally::of(&store, &unsorted), by_hand(&store, &unsorted));
        // A key waiting stops every piece before it counts anything.
        let keys = crate::interrupt::Keys::default();
        keys.sent();
        let stop = Interrupt::waiting(&keys);
        let cut = Tally::of_until(&store, &unsorted, &stop);
        assert!(cut.per_source.iter().all(|&c| c == 0), "abandoned");
    }
}
