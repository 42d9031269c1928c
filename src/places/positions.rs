//! Where every place of the gazetteer stands on a map: its own
//! coordinates, or for an oblast without them the mean of its settlements',
//! and for a place without a position the nearest place containing it that
//! has one (below country level). Worked out from the gazetteer alone, so
//! the store counts events per map place ([`crate::store::tally`]) and the
//! map pane draws them.

use super::{Gazetteer, RegionId, RegionKind};

/// No place stands in.
const NONE: u32 = u32::MAX;

/// Where every place of the gazetteer stands on the map, worked out once.
#[derive(Debug, Default)]
pub struct Positions {
    /// Per place: the place whose position stands for it (itself, or the
    /// oblast around a town without coordinates), or `NONE`.
    stand_in: Vec<u32>,
    /// Per place: longitude and latitude (NaN without a position).
    at: Vec<(f32, f32)>,
}

impl Positions {
    /// The positions of a gazetteer's places.
    pub fn of(g: &Gazetteer) -> Positions {
        let n = g.len();
        let mut at = vec![(f32::NAN, f32::NAN); n];
        let mut sums = vec![(0f64, 0f64, 0u32); n];
        for id in 0..n as RegionId {
            if let Some((lat, lon)) = g.own_coordinates(id) {
                at[id as usize] = (lon, lat);
                let oblast = g.oblast_level(id);
                if oblast != id && g.region(oblast).kind == RegionKind::Region {
                    let s = &mut sums[oblast as usize];
                    *s = (s.0 + f64::from(lon), s.1 + f64::from(lat), s.2 + 1);
                }
            }
        }
        for (id, (lon, lat, k)) in sums.into_iter().enumerate() {
            if k > 0 && at[id].0.is_nan() {
                at[id] = ((lon / f64::from(k)) as f32, (lat / f64::from(k)) as f32);
            }
        }
        let stand_in = (0..n as RegionId)
            .map(|id| {
                let mut cur = Some(id);
                while let Some(r) = cur {
                    if g.region(r).kind == RegionKind::Country {
                        return NONE;
                    }
                    if !at[r as usize].0.is_nan() {
                        return r;
                    }
                    cur = g.region(r).parent;
                }
                NONE
            })
            .collect();
        Positions { stand_in, at }
    }

    /// The place standing for `id` on the map, if any.
    pub fn stand_in(&self, id: RegionId) -> Option<RegionId> {
        self.stand_in
            .get(id as usize)
            .copied()
            .filter(|&r| r != NONE)
    }

    /// How many places it covers (the gazetteer's count when made).
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// Whether it covers no place.
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// Longitude and latitude of a place with a position of its own.
    pub fn at(&self, id: RegionId) -> Option<(f32, f32)> {
        self.at.get(id as usize).copied().filter(|p| !p.0.is_nan())
    }

    /// The places an event counts at: for each place it happened in (each
    /// run of `regions`, most specific first), the first with a position.
    pub fn places_of(&self, g: &Gazetteer, regions: &[RegionId], out: &mut Vec<RegionId>) {
        out.clear();
        let mut prev: Option<RegionId> = None;
        for &r in regions {
            let starts = prev.is_none_or(|p| g.region(p).parent != Some(r));
            prev = Some(r);
            if let Some(m) = starts.then(|| self.stand_in(r)).flatten()
                && !out.contains(&m)
            {
                out.push(m);
            }
        }
    }
}
