//! The store's posting lists: the events of each region and of each
//! outlet, in chronological order, worked out from the sorted events in
//! pieces on every core and joined in order.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::SourceId;
use crate::extract::Event;
use crate::places::RegionId;

/// Posting lists of sorted events: the events of each region and of each
/// of `sources` outlets, in order, and the longest span of any event's date
/// in days. Worked out in pieces on every core, joined in order.
pub(super) fn of(
    events: &[Event],
    doc_source: &[SourceId],
    sources: usize,
) -> (FxHashMap<RegionId, Vec<u32>>, Vec<Vec<u32>>, i64) {
    const PIECE: usize = 1 << 16;
    type Piece = (FxHashMap<RegionId, Vec<u32>>, Vec<Vec<u32>>, i64);
    let pieces: Vec<Piece> = events
        .par_chunks(PIECE)
        .enumerate()
        .map(|(k, chunk)| {
            let mut by_region: FxHashMap<RegionId, Vec<u32>> = FxHashMap::default();
            let mut by_source = vec![Vec::new(); sources];
            let mut span = 0;
            for (j, e) in chunk.iter().enumerate() {
                let i = (k * PIECE + j) as u32;
                for &r in e.regions.iter() {
                    by_region.entry(r).or_default().push(i);
                }
                by_source[doc_source[e.doc as usize] as usize].push(i);
                span = span.max((e.date.last - e.date.first).num_days());
            }
            (by_region, by_source, span)
        })
        .collect();
    let mut by_region: FxHashMap<RegionId, Vec<u32>> = FxHashMap::default();
    let mut by_source = vec![Vec::new(); sources];
    let mut span = 0;
    for (regions, outlets, s) in pieces {
        for (r, list) in regions {
            match by_region.entry(r) {
                std::collections::hash_map::Entry::Occupied(mut o) => o.get_mut().extend(list),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(list);
                }
            }
        }
        for (all, list) in by_source.iter_mut().zip(outlets) {
            if all.is_empty() {
                *all = list;
            } else {
                all.extend(list);
            }
        }
        span = span.max(s);
    }
    (by_region, by_source, span)
}
