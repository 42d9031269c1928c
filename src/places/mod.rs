//! Places: the gazetteer (every known place with its aliases and its parent)
//! and the geotagger that finds place names in text and resolves each to one
//! place.
//!
//! It does not split documents or build events; the event extractor calls
//! [`Gazetteer::tag`] on each paragraph and decides which mentions place
//! which sentence.
//!
//! The data is compiled in from `assets/gazetteer/`: towns, countries and US
//! states generated from GeoNames by `scripts/gen_gazetteer.py`, and
//! hand-curated tables (oblasts and Russian regions, aliases and old names,
//! metonyms, places GeoNames lacks, corrections, and the cue words the
//! tagger reads around a name). The work is split in one module per job:
//!
//! - `load` reads the data and builds the gazetteer;
//! - `fold` folds a name to the key that all its spellings share;
//! - `cases` makes the case forms of Cyrillic names ("у Харкові");
//! - `words` reads a text word by word around a position;
//! - `scan` finds the names of a paragraph (longest name at each
//!   capitalised word, through a hash of folded names) and their region
//!   suffixes;
//! - `context` reads the words around each name (titles, proper names,
//!   rivers, precision cues);
//! - `resolve` settles a name shared by several places;
//! - `role` tells where a happening took place from places only named
//!   (an actor such as "Kyiv said", a topic, a reference point, a dateline);
//! - `lookup` answers what a user types (`--region`, "did you mean").

mod cases;
mod context;
mod cues;
pub mod eval;
mod fold;
mod geo;
mod load;
mod lookup;
pub mod positions;
mod resolve;
mod role;
mod scan;
mod words;

use std::collections::HashMap;
use std::sync::OnceLock;

use cues::Cues;
pub use geo::{Coordinates, GeoPrecision};
pub use load::DATA_BYTES as GAZETTEER_DATA_BYTES;
pub use role::Role;
use rustc_hash::FxHashMap as FastMap;

/// Index of a place in the [`Gazetteer`].
pub type RegionId = u32;

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionKind {
    /// A sovereign country (or a territory treated as one).
    Country,
    /// A first-level division: an oblast, a Russian region, a US state.
    Region,
    /// A populated place: a city, town or village.
    Town,
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Display name ("Kramatorsk", "Donetsk Oblast", "Ukraine").
    pub name: String,
    /// Kind of place.
    pub kind: RegionKind,
    /// The place it lies in (town → oblast → country); `None` for countries.
    pub parent: Option<RegionId>,
}

/// A place name found in a text and the place it was resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset where the name starts in the tagged text.
    pub start: usize,
    /// Byte offset just past the name (exclusive).
    pub end: usize,
    /// The place the name stands for.
    pub region: RegionId,
    /// ACLED geo-precision: 1 a town, 2 near a town or part of a region,
    /// 3 only the region (or country).
    pub precision: u8,
    /// What the name does in its sentence: where something happened, or
    /// only named (an actor, a topic, a reference point, a dateline).
    pub role: Role,
}

/// What the gazetteer knows of a place besides its [`Region`] record.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    /// Population (0 when unknown).
    population: u32,
    /// Latitude and longitude in degrees; NaN when unknown.
    lat: f32,
    lon: f32,
    /// The country the place lies in (itself for a country).
    country: RegionId,
    /// The first-level region the place lies in (itself for a region).
    oblast: Option<RegionId>,
    /// `FLAG_*` bits.
    flags: u8,
    /// What the population weighs in settling a shared name.
    population_score: f32,
}

/// A front-line place the war news names: wins over namesakes elsewhere.
const FLAG_FRONT: u8 = 1;
/// A capital, a country or a city of a million: wins over villages.
const FLAG_PROMINENT: u8 = 2;
/// A section of a bigger city: its population does not count in full.
const FLAG_SECTION: u8 = 4;

/// One place a name can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cand {
    /// The place.
    place: RegionId,
    /// The name is a region's stem: it means the region only with a suffix
    /// ("Donetsk region") or after one of its towns ("Atlanta, Georgia").
    stem: bool,
    /// The name is the place's own (display or curated) name, not one of
    /// the many alternate names GeoNames lists.
    primary: bool,
    /// A metonym ("the Kremlin"): "the" before it does not matter.
    metonym: bool,
}

/// The places one folded name stands for.
#[derive(Clone, Copy, Debug)]
struct NameEntry {
    /// Range of its candidates in `Gazetteer::cands`.
    from: u32,
    to: u32,
    /// A short all-capitals name ("US", "UK"): the text must be in capitals
    /// too, so that "Us" is no country.
    exact: bool,
    /// The most words of a name that starts with this one (1 for a name
    /// that heads no longer one).
    max_words: u8,
    /// Only the first word of longer names ("velyka"), no name itself.
    head_only: bool,
    /// Some longer name starting with it goes on with a lower-case word
    /// ("Donetska oblast"); else a lower-case word ends the name here.
    lower_next: bool,
}

/// Every known place, with the names it goes by.
#[derive(Debug, Default)]
pub struct Gazetteer {
    regions: Vec<Region>,
    info: Vec<Info>,
    /// Folded name (see `fold::fold_name`, as UTF-8 bytes) → its
    /// candidates.
    names: FastMap<Vec<u8>, NameEntry>,
    /// Candidate places of all names, back to back; a name whose range is
    /// empty is a phrase that never names a place.
    cands: Vec<Cand>,
    /// Folded display name → places; built on the first `lookup` or
    /// `suggest` (the tagger never needs it).
    display_keys: OnceLock<FastMap<String, Vec<RegionId>>>,
    /// The cue words read around a name (`assets/gazetteer/cues.toml`).
    cues: Cues,
    /// Ukraine and Russia, preferred in that order when a name is shared.
    ukraine: Option<RegionId>,
    russia: Option<RegionId>,
    /// How many distinct names (after folding) the gazetteer holds.
    name_count: usize,
    /// Country → its capital.
    capitals: FastMap<RegionId, RegionId>,
    /// The places some metonym stands for ("the Kremlin": Moscow).
    metonym_places: rustc_hash::FxHashSet<RegionId>,
    /// The place each data row of the Ukrainian codifier became
    /// (`RegionId::MAX` for a row skipped), for [`geo`].
    ua_ids: Vec<RegionId>,
    /// Coordinates for every place, filled on first use ([`geo`]).
    geo: OnceLock<geo::GeoTable>,
}

impl Gazetteer {
    /// The gazetteer built from the data compiled into the binary, loaded once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(Gazetteer::load_builtin)
    }

    /// Builds a fresh gazetteer from the compiled-in data (what
    /// [`Gazetteer::builtin`] does once); for measuring the load time.
    pub fn load_builtin() -> Gazetteer {
        load::builtin()
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    /// Whether the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// Number of distinct names (display names, aliases, old names and
    /// region stems), counted after folding: "Kupiansk" and "Kupyansk" are
    /// one name.
    pub fn name_count(&self) -> usize {
        self.name_count
    }

    /// The place with this id. Panics on an id not from this gazetteer.
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id as usize]
    }

    /// Latitude and longitude of a place in degrees as the gazetteer's own
    /// data gives them (towns mostly; not countries and oblasts); see
    /// [`Gazetteer::coordinates`] for every place, filled from neighbours.
    pub fn own_coordinates(&self, id: RegionId) -> Option<(f32, f32)> {
        let info = self.info.get(id as usize)?;
        (!info.lat.is_nan() && !info.lon.is_nan()).then_some((info.lat, info.lon))
    }

    /// Whether `inner` is `outer` or lies inside it (by the parent links,
    /// without listing the ancestors).
    pub fn is_within(&self, inner: RegionId, outer: RegionId) -> bool {
        let mut cur = Some(inner);
        while let Some(p) = cur {
            if p == outer {
                return true;
            }
            cur = self.region(p).parent;
        }
        false
    }

    /// The places that contain `id`, nearest first (oblast, then country).
    pub fn ancestors(&self, id: RegionId) -> Vec<RegionId> {
        let mut out = Vec::new();
        let mut cur = self.region(id).parent;
        while let Some(p) = cur {
            out.push(p);
            cur = self.region(p).parent;
        }
        out
    }

    /// Where a place is (WGS84 degrees), for every place where its own
    /// coordinates or a neighbour's, its oblast's or its country's are
    /// known, with how they were found ([`GeoPrecision`]). The table is
    /// built on the first call (tens of milliseconds); `None` for a place
    /// of a synthetic gazetteer ([`Gazetteer::from_regions`]).
    pub fn coordinates(&self, id: RegionId) -> Option<Coordinates> {
        self.geo_table().coordinates(id)
    }

    /// The raion ("Kramatorskyi") of a Ukrainian settlement the codifier
    /// lists: ACLED's `admin2`. `None` for other places.
    pub fn admin2(&self, id: RegionId) -> Option<&'static str> {
        self.geo_table().raion(id)
    }

    fn geo_table(&self) -> &geo::GeoTable {
        self.geo
            .get_or_init(|| geo::GeoTable::build(self, load::UA_ROWS, &self.ua_ids))
    }

    /// The first-level region (oblast) a place lies in, itself if it is
    /// one, or else its country: the unit a place counts by at oblast level.
    pub fn oblast_level(&self, id: RegionId) -> RegionId {
        let info = &self.info[id as usize];
        info.oblast.unwrap_or(info.country)
    }

    /// The place a user means by `name` (case-insensitive; display names and
    /// aliases), as typed on the command line or in the TUI.
    pub fn lookup(&self, name: &str) -> Option<RegionId> {
        lookup::lookup(self, name)
    }

    /// Up to `n` known display names closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        lookup::suggest(self, name, n)
    }

    /// The country a whole article is mostly about, used to settle names
    /// shared by places in different countries.
    pub fn focus_country(&self, text: &str) -> Option<RegionId> {
        let mut counts: HashMap<RegionId, usize> = HashMap::new();
        for paragraph in text.split('\n') {
            // Only the countries count: the roles of `tag` are not needed,
            // and a paragraph whose every name lies in one country (most
            // shared names are villages of one country) needs no resolving.
            let hits = scan::scan(self, paragraph);
            let country_of = |h: &scan::Hit| {
                let mut it = h.cands.iter().filter(|c| !c.stem);
                let first = self.info[it.next()?.place as usize].country;
                it.all(|c| self.info[c.place as usize].country == first)
                    .then_some(first)
            };
            let one_country = hits.iter().all(|h| {
                h.cands.iter().all(|c| c.stem)
                    || h.cands.iter().all(|c| !c.stem) && country_of(h).is_some()
            });
            if one_country {
                for c in hits.iter().filter_map(country_of) {
                    *counts.entry(c).or_default() += 1;
                }
                continue;
            }
            for m in resolve::resolve(self, paragraph, hits, None, None) {
                if m.role == Role::Official {
                    continue;
                }
                *counts
                    .entry(self.info[m.region as usize].country)
                    .or_default() += 1;
            }
        }
        // Most mentions first; on a tie Ukraine, then Russia, then the lower id.
        let rank = |c: RegionId| {
            if Some(c) == self.ukraine {
                0
            } else if Some(c) == self.russia {
                1
            } else {
                2
            }
        };
        counts
            .into_iter()
            .max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(rank(b.0).cmp(&rank(a.0)))
                    .then(b.0.cmp(&a.0))
            })
            .map(|(c, _)| c)
    }

    /// Finds the place names in one paragraph and resolves each, in text order.
    pub fn tag(&self, paragraph: &str, focus: Option<RegionId>) -> Vec<Mention> {
        let mut mentions = self.tag_under(paragraph, focus, None);
        mentions.retain(|m| m.role != Role::Official);
        mentions
    }

    /// [`Gazetteer::tag`] for a paragraph under a header that names a
    /// region ("Sumy region." on the line above): names shared by places
    /// in several oblasts lean to the header's. Unlike `tag`, it also
    /// returns the places of regional officials' titles
    /// ([`Role::Official`]: "the governor of the Belgorod region").
    pub fn tag_under(
        &self,
        paragraph: &str,
        focus: Option<RegionId>,
        header: Option<RegionId>,
    ) -> Vec<Mention> {
        let hits = scan::scan(self, paragraph);
        let mut mentions = resolve::resolve(self, paragraph, hits, focus, header);
        for m in &mut mentions {
            self.capital_named_by_country(paragraph, m);
        }
        role::assign(self, paragraph, &mut mentions);
        mentions
    }

    /// Whether a sentence reports a statement: it has a verb of speech
    /// (`speech_verbs` in `cues.toml`: "said", "told", "announced").
    pub fn reports_speech(&self, sentence: &str) -> bool {
        sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| self.cues.speech_verbs.contains(w))
    }

    /// "Ukraine's capital": the country's capital city, not the country.
    fn capital_named_by_country(&self, paragraph: &str, m: &mut Mention) {
        if self.region(m.region).kind != RegionKind::Country {
            return;
        }
        let rest = &paragraph[m.end..];
        let Some(after) = ["'s capital", "’s capital", "' capital"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        else {
            return;
        };
        if after.starts_with(char::is_alphanumeric) {
            return; // "Ukraine's capitalism"
        }
        if let Some(&city) = self.capitals.get(&m.region) {
            m.region = city;
            m.end = paragraph.len() - after.len();
            m.precision = 1;
        }
    }
}

impl Gazetteer {
    /// A gazetteer of exactly these places (a place's id is its index), for
    /// tests and synthetic stores.
    pub fn from_regions(regions: Vec<Region>) -> Gazetteer {
        Gazetteer {
            regions,
            ..Gazetteer::default()
        }
    }
}
