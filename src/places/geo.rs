//! Coordinates for every place, for the exports that put events on a map
//! (CSV's `latitude`/`longitude`, GeoJSON, Parquet).
//!
//! The gazetteer's own coordinates (GeoNames, the curated places) stay as
//! they are, NaN where unknown, because the resolver reads "no coordinates"
//! as a sign of a bare village. This module fills the gaps in a separate
//! table, built once on first use (the tagger never needs it), each place
//! with an ACLED-style precision code ([`GeoPrecision`]):
//!
//! 1. a place with its own coordinates keeps them;
//! 2. a settlement of the Ukrainian codifier (KATOTTG) without coordinates
//!    takes those of the largest place with coordinates in its hromada,
//!    else in its raion (the hromada's or raion's centre, as a rule);
//! 3. an oblast (any first-level region) takes its largest town with
//!    coordinates (its capital, as a rule), a country its capital (else its
//!    largest town), and a town still without coordinates its oblast's (or
//!    its country's).
//!
//! The raion of each codifier settlement is kept too (ACLED's `admin2`).

use rustc_hash::FxHashMap as HashMap;

use super::{Gazetteer, RegionId, RegionKind};

/// How a place's coordinates were found: ACLED's `geo_precision` codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GeoPrecision {
    /// 1: the place's own coordinates (a settlement, from GeoNames or the
    /// curated table).
    Own = 1,
    /// 2: a nearby place's: a small settlement placed at its hromada's or
    /// raion's centre.
    Nearby = 2,
    /// 3: a region's: an oblast's capital or largest town, a country's
    /// capital, or a settlement placed at its oblast's capital.
    Region = 3,
}

impl GeoPrecision {
    /// The ACLED code: 1, 2 or 3.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// Where a place is, in WGS84 degrees, and how precisely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coordinates {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// How the coordinates were found.
    pub precision: GeoPrecision,
}

/// The filled table: per place, its coordinates (if any could be found)
/// and the raion of a codifier settlement.
#[derive(Debug, Default)]
pub(super) struct GeoTable {
    coords: Vec<Option<Coordinates>>,
    raion: HashMap<RegionId, u32>,
    raion_names: Vec<&'static str>,
}

/// The best place with coordinates of a unit: the most populous (the first
/// on a tie).
#[derive(Clone, Copy)]
struct Best {
    population: u32,
    lat: f32,
    lon: f32,
}

fn consider(slot: &mut Option<Best>, population: u32, lat: f32, lon: f32) {
    if slot.is_none_or(|b| population > b.population) {
        *slot = Some(Best {
            population,
            lat,
            lon,
        });
    }
}

/// Degrees from the gazetteer's `f32`, rounded to five decimals (about a
/// metre): `48.723`, not `48.72299957275391`.
fn degrees(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}

impl GeoTable {
    /// Builds the table for a gazetteer; `ua_rows` is the codifier's text
    /// and `ua_ids` the place each of its data rows became (or
    /// `RegionId::MAX`), in row order.
    pub(super) fn build(g: &Gazetteer, ua_rows: &'static str, ua_ids: &[RegionId]) -> GeoTable {
        let n = g.regions.len();
        let own = |i: usize| {
            g.info
                .get(i)
                .filter(|info| !info.lat.is_nan() && !info.lon.is_nan())
        };
        let mut coords: Vec<Option<Coordinates>> = (0..n)
            .map(|i| {
                own(i).map(|info| Coordinates {
                    lat: degrees(info.lat),
                    lon: degrees(info.lon),
                    precision: GeoPrecision::Own,
                })
            })
            .collect();
        // Codifier settlements: hromadas and raions, their largest places.
        let mut raion = HashMap::default();
        let mut raion_names: Vec<&'static str> = Vec::new();
        let mut raion_keys: HashMap<(&str, &str), u32> = HashMap::default();
        let mut hromada_keys: HashMap<(&str, &str, &str), u32> = HashMap::default();
        let mut raion_best: Vec<Option<Best>> = Vec::new();
        let mut hromada_best: Vec<Option<Best>> = Vec::new();
        let mut units: Vec<(RegionId, u32, u32)> = Vec::new();
        let data = ua_rows
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for (line, &id) in data.zip(ua_ids) {
            if id == RegionId::MAX || id as usize >= n {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(_), Some(_), Some(a1), Some(r), Some(h)) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let next = raion_keys.len() as u32;
            let ri = *raion_keys.entry((a1, r)).or_insert(next);
            if ri as usize == raion_names.len() {
                raion_names.push(r);
                raion_best.push(None);
            }
            let next = hromada_keys.len() as u32;
            let hi = *hromada_keys.entry((a1, r, h)).or_insert(next);
            if hi as usize == hromada_best.len() {
                hromada_best.push(None);
            }
            if !r.is_empty() {
                raion.insert(id, ri);
            }
            if let Some(info) = own(id as usize) {
                consider(
                    &mut raion_best[ri as usize],
                    info.population,
                    info.lat,
                    info.lon,
                );
                consider(
                    &mut hromada_best[hi as usize],
                    info.population,
                    info.lat,
                    info.lon,
                );
            }
            units.push((id, ri, hi));
        }
        for (id, ri, hi) in units {
            let slot = &mut coords[id as usize];
            if slot.is_some() {
                continue;
            }
            if let Some(b) = hromada_best[hi as usize].or(raion_best[ri as usize]) {
                *slot = Some(Coordinates {
                    lat: degrees(b.lat),
                    lon: degrees(b.lon),
                    precision: GeoPrecision::Nearby,
                });
            }
        }
        // Regions and countries: their largest towns, a country's capital.
        let mut region_best: HashMap<RegionId, Best> = HashMap::default();
        for (i, r) in g.regions.iter().enumerate() {
            if r.kind != RegionKind::Town {
                continue;
            }
            let Some(info) = own(i) else { continue };
            let mut up = r.parent;
            while let Some(p) = up {
                let mut slot = region_best.get(&p).copied();
                consider(&mut slot, info.population, info.lat, info.lon);
                if let Some(b) = slot {
                    region_best.insert(p, b);
                }
                up = g.regions[p as usize].parent;
            }
        }
        for (i, r) in g.regions.iter().enumerate() {
            if r.kind == RegionKind::Town || coords[i].is_some() {
                continue;
            }
            let capital = (r.kind == RegionKind::Country)
                .then(|| g.capitals.get(&(i as RegionId)))
                .flatten()
                .and_then(|&c| own(c as usize))
                .map(|info| (info.lat, info.lon));
            let best = region_best.get(&(i as RegionId)).map(|b| (b.lat, b.lon));
            if let Some((lat, lon)) = capital.or(best) {
                coords[i] = Some(Coordinates {
                    lat: degrees(lat),
                    lon: degrees(lon),
                    precision: GeoPrecision::Region,
                });
            }
        }
        // Towns still without: their oblast's, else their country's.
        for i in 0..n {
            if coords[i].is_some() || g.regions[i].kind != RegionKind::Town {
                continue;
            }
            let mut up = g.regions[i].parent;
            while let Some(p) = up {
                if let Some(c) = coords[p as usize] {
                    coords[i] = Some(Coordinates {
                        precision: GeoPrecision::Region,
                        ..c
                    });
                    break;
                }
                up = g.regions[p as usize].parent;
            }
        }
        GeoTable {
            coords,
            raion,
            raion_names,
        }
    }

    /// A place's coordinates, when any could be found.
    pub(super) fn coordinates(&self, id: RegionId) -> Option<Coordinates> {
        self.coords.get(id as usize).copied().flatten()
    }

    /// The raion of a codifier settlement ("Kramatorskyi").
    pub(super) fn raion(&self, id: RegionId) -> Option<&'static str> {
        self.raion.get(&id).map(|&r| self.raion_names[r as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    #[test]
    fn every_oblast_and_country_of_the_war_has_coordinates() {
        for name in [
            "Ukraine",
            "Russia",
            "Donetsk Oblast",
            "Kharkiv Oblast",
            "Kursk Oblast",
        ] {
            let id = g().lookup(name).unwrap_or_else(|| panic!("{name}"));
            let c = g()
                .coordinates(id)
                .unwrap_or_else(|| panic!("{name} has none"));
            assert_eq!(c.precision, GeoPrecision::Region, "{name}");
        }
        // Donetsk Oblast sits at its largest town, inside Ukraine's east.
        let c = g()
            .coordinates(g().lookup("Donetsk Oblast").unwrap())
            .unwrap();
        assert!(
            (47.0..49.5).contains(&c.lat) && (36.5..39.0).contains(&c.lon),
            "{c:?}"
        );
        // Ukraine at Kyiv.
        let c = g().coordinates(g().lookup("Ukraine").unwrap()).unwrap();
        assert!(
            (c.lat - 50.45).abs() < 0.2 && (c.lon - 30.52).abs() < 0.2,
            "{c:?}"
        );
    }

    #[test]
    fn a_town_keeps_its_own_and_names_its_raion() {
        let k = g().lookup("Kramatorsk").unwrap();
        let c = g().coordinates(k).unwrap();
        assert_eq!(c.precision, GeoPrecision::Own);
        assert!(
            (c.lat - 48.72).abs() < 0.1 && (c.lon - 37.56).abs() < 0.1,
            "{c:?}"
        );
        assert_eq!(g().admin2(k), Some("Kramatorskyi"));
    }

    #[test]
    fn every_ukrainian_place_has_coordinates_near_its_oblast() {
        let ukraine = g().lookup("Ukraine").unwrap();
        let mut nearby = 0;
        for id in 0..g().len() as RegionId {
            if g().region(id).kind != RegionKind::Town || !g().ancestors(id).contains(&ukraine) {
                continue;
            }
            let c = g()
                .coordinates(id)
                .unwrap_or_else(|| panic!("{}", g().region(id).name));
            assert!(
                (44.0..52.5).contains(&c.lat) && (22.0..40.5).contains(&c.lon),
                "{} at {c:?}",
                g().region(id).name
            );
            nearby += usize::from(c.precision == GeoPrecision::Nearby);
        }
        assert!(
            nearby > 20_000,
            "most codifier villages borrow a centre: {nearby}"
        );
    }

    #[test]
    fn a_synthetic_gazetteer_has_none_and_does_not_panic() {
        let g = Gazetteer::from_regions(vec![super::super::Region {
            name: "X".into(),
            kind: RegionKind::Country,
            parent: None,
        }]);
        assert_eq!(g.coordinates(0), None);
        assert_eq!(g.admin2(0), None);
    }
}
