//! Places: the gazetteer (every known place with its aliases and its parent)
//! and the geotagger that finds place names in text and resolves each to one
//! place.
//!
//! It does not split documents or build events; the event extractor calls
//! [`Gazetteer::tag`] on each paragraph and decides which mentions place
//! which sentence.

use std::sync::OnceLock;

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
}

/// Every known place, with the names it goes by.
#[derive(Debug, Default)]
pub struct Gazetteer {
    regions: Vec<Region>,
}

impl Gazetteer {
    /// The gazetteer built from the data compiled into the binary, loaded once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(Gazetteer::default)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    /// Whether the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// The place with this id. Panics on an id not from this gazetteer.
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id as usize]
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

    /// The place a user means by `name` (case-insensitive; display names and
    /// aliases), as typed on the command line or in the TUI.
    pub fn lookup(&self, name: &str) -> Option<RegionId> {
        let _ = name;
        None
    }

    /// Up to `n` known display names closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let _ = (name, n);
        Vec::new()
    }

    /// The country a whole article is mostly about, used to settle names
    /// shared by places in different countries.
    pub fn focus_country(&self, text: &str) -> Option<RegionId> {
        let _ = text;
        None
    }

    /// Finds the place names in one paragraph and resolves each, in text order.
    pub fn tag(&self, paragraph: &str, focus: Option<RegionId>) -> Vec<Mention> {
        let _ = (paragraph, focus);
        Vec::new()
    }
}

impl Gazetteer {
    /// A gazetteer of exactly these places (a place's id is its index), for
    /// tests and synthetic stores.
    pub fn from_regions(regions: Vec<Region>) -> Gazetteer {
        Gazetteer { regions }
    }
}
