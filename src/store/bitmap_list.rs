//! A bitmap of event indexes ([`roaring`]) as the sorted list of them that
//! a slice holds, written a run of consecutive values at a time (a slice of
//! most of the store is long runs) and, when large, in pieces of the value
//! range on every core.

use rayon::prelude::*;
use roaring::RoaringBitmap;

/// Values per piece of the range when a large bitmap is listed on every core.
const PIECE: u32 = 1 << 18;

/// `bitmap`'s values, ascending.
pub fn sorted(bitmap: &RoaringBitmap) -> Vec<u32> {
    let (Some(min), Some(max)) = (bitmap.min(), bitmap.max()) else {
        return Vec::new();
    };
    if bitmap.len() < u64::from(PIECE) {
        let mut out = Vec::with_capacity(bitmap.len() as usize);
        push_runs(bitmap, min..=max, &mut out);
        return out;
    }
    let pieces: Vec<Vec<u32>> = (min / PIECE..=max / PIECE)
        .into_par_iter()
        .map(|p| {
            let lo = p * PIECE;
            let hi = lo.saturating_add(PIECE - 1);
            let mut out = Vec::new();
            push_runs(bitmap, lo..=hi, &mut out);
            out
        })
        .collect();
    pieces.concat()
}

/// Appends `bitmap`'s values in `range` to `out`, a run at a time.
fn push_runs(bitmap: &RoaringBitmap, range: std::ops::RangeInclusive<u32>, out: &mut Vec<u32>) {
    let mut values = bitmap.range(range);
    while let Some(run) = values.next_range() {
        out.extend(run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bitmap_lists_as_its_values_in_order() {
        let mut rng = fastrand::Rng::with_seed(5);
        // Empty, sparse, dense with gaps, one long run, values at the top
        // of the range, and large enough to be listed in pieces.
        let mut cases: Vec<RoaringBitmap> = vec![
            RoaringBitmap::new(),
            (0..5000).map(|_| rng.u32(..3_000_000)).collect(),
            (0..2_000_000).filter(|_| rng.f64() < 0.9).collect(),
            (17..1_300_000).collect(),
            [0, u32::MAX - 1, u32::MAX].into_iter().collect(),
        ];
        let mut mixed: RoaringBitmap = (0..700_000).filter(|i| i % 3 != 0).collect();
        mixed.insert_range(900_000..1_500_000);
        cases.push(mixed);
        // Large enough for pieces, up to the largest value.
        let mut top = RoaringBitmap::new();
        top.insert_range(u32::MAX - 600_000..=u32::MAX);
        top.remove(u32::MAX - 1);
        cases.push(top);
        for b in &cases {
            assert_eq!(
                sorted(b),
                b.iter().collect::<Vec<u32>>(),
                "{} values",
                b.len()
            );
        }
    }
}
