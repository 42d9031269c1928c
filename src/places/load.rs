//! Builds the [`Gazetteer`] from the data compiled into the binary: the
//! GeoNames-derived tables under `assets/gazetteer/generated/` and the
//! hand-curated ones under `assets/gazetteer/curated/`, plus
//! `assets/gazetteer/cues.toml`.
//!
//! Order: countries, first-level regions (curated oblasts and Russian
//! regions, generated US states), GeoNames towns (with the curated
//! corrections applied), curated towns, curated aliases. Then every name is
//! spelled its other ways (`variants`) and one leftmost-longest
//! Aho-Corasick automaton is built over all spellings.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::cues::Cues;
use super::variants::{fold_key, spellings};
use super::{
    Cand, FLAG_FRONT, FLAG_PROMINENT, FLAG_SECTION, Gazetteer, Info, Region, RegionId, RegionKind,
};

const GEN_COUNTRIES: &str = include_str!("../../assets/gazetteer/generated/countries.tsv");
const GEN_US_STATES: &str = include_str!("../../assets/gazetteer/generated/us_states.tsv");
const GEN_PLACES: &str = include_str!("../../assets/gazetteer/generated/places.tsv");
const CUR_COUNTRIES: &str = include_str!("../../assets/gazetteer/curated/countries.tsv");
const CUR_REGIONS: &str = include_str!("../../assets/gazetteer/curated/regions.tsv");
const CUR_PLACES: &str = include_str!("../../assets/gazetteer/curated/places.tsv");
const CUR_ALIASES: &str = include_str!("../../assets/gazetteer/curated/aliases.tsv");
const CUR_OVERRIDES: &str = include_str!("../../assets/gazetteer/curated/overrides.tsv");
const CUES: &str = include_str!("../../assets/gazetteer/cues.toml");

/// Countries whose names are romanised in several competing ways.
const TRANSLIT_COUNTRIES: [&str; 5] = ["UA", "RU", "BY", "MD", "GE"];
/// Towns this big get an all-capitals spelling too ("KYIV (Reuters) —").
const UPPERCASE_POPULATION: u32 = 100_000;
/// Cities this big count as prominent, like capitals.
const PROMINENT_POPULATION: u32 = 1_000_000;

/// Builds the gazetteer from the compiled-in data.
pub fn builtin() -> Gazetteer {
    let t = std::time::Instant::now();
    let mut b = Builder::default();
    b.countries();
    b.regions();
    b.us_states();
    b.towns();
    b.curated_places();
    b.aliases();
    if std::env::var_os("GAZ_TIMING").is_some() { eprintln!("parse {:?}", t.elapsed()); }
    b.finish(Cues::parse(CUES))
}

/// The data rows of a TSV file: comment and blank lines skipped.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The items of a `|`-separated list, empty items dropped.
fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[derive(Default)]
struct Builder {
    regions: Vec<Region>,
    info: Vec<Info>,
    /// Base names (before spelling variants) → candidates.
    names: HashMap<String, Vec<Cand>>,
    /// Keys of the data ("UA", "UA-14", "gn:703448", "cur:robotyne") → id.
    keys: HashMap<String, RegionId>,
    /// (country ISO, GeoNames admin1 code) → region.
    admin1: HashMap<(String, String), RegionId>,
    lookup: HashMap<String, Vec<RegionId>>,
}

impl Builder {
    fn add_place(&mut self, key: &str, region: Region, mut info: Info) -> RegionId {
        let id = self.regions.len() as RegionId;
        match region.kind {
            RegionKind::Country => info.country = id,
            RegionKind::Region => info.oblast = Some(id),
            RegionKind::Town => {}
        }
        self.add_lookup(&region.name, id);
        self.regions.push(region);
        self.info.push(info);
        self.keys.insert(key.to_string(), id);
        id
    }

    /// An info for a place inside `parent`.
    fn child_info(&self, parent: RegionId) -> Info {
        let p = &self.info[parent as usize];
        Info {
            population: 0,
            lat: f32::NAN,
            lon: f32::NAN,
            country: p.country,
            oblast: p.oblast,
            flags: 0,
        }
    }

    fn add_lookup(&mut self, name: &str, id: RegionId) {
        let ids = self.lookup.entry(fold_key(name)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Registers a name the matcher finds (and `lookup` accepts).
    fn add_name(&mut self, name: &str, cand: Cand) {
        let name = name.strip_prefix("the ").unwrap_or(name).trim();
        if name.chars().count() < 2 {
            return;
        }
        if !cand.stem {
            self.add_lookup(name, cand.place);
        }
        let cands = self.names.entry(name.to_string()).or_default();
        merge(cands, cand);
    }

    fn countries(&mut self) {
        let curated: HashMap<&str, Vec<&str>> = rows(CUR_COUNTRIES)
            .filter_map(|r| Some((*r.first()?, r)))
            .collect();
        for r in rows(GEN_COUNTRIES) {
            let (Some(&iso), Some(&name)) = (r.first(), r.get(2)) else {
                continue;
            };
            let cur = curated.get(iso);
            let display = cur
                .and_then(|c| c.get(1).copied())
                .filter(|d| !d.is_empty())
                .unwrap_or(name);
            let info = Info {
                population: r.get(3).and_then(|p| p.parse().ok()).unwrap_or(0),
                lat: f32::NAN,
                lon: f32::NAN,
                flags: FLAG_PROMINENT,
                ..Info::default()
            };
            let id = self.add_place(
                iso,
                Region {
                    name: display.to_string(),
                    kind: RegionKind::Country,
                    parent: None,
                },
                info,
            );
            let cand = primary(id);
            self.add_name(display, cand);
            self.add_name(name, cand);
            for alias in list(cur.and_then(|c| c.get(2))) {
                self.add_name(alias, cand);
            }
        }
    }

    fn regions(&mut self) {
        for r in rows(CUR_REGIONS) {
            let (Some(&key), Some(&cc), Some(&display)) = (r.first(), r.get(1), r.get(3)) else {
                continue;
            };
            let Some(&country) = self.keys.get(cc) else {
                continue;
            };
            let info = self.child_info(country);
            let id = self.add_place(
                key,
                Region {
                    name: display.to_string(),
                    kind: RegionKind::Region,
                    parent: Some(country),
                },
                info,
            );
            if let Some(a1) = r.get(2).filter(|a| !a.is_empty()) {
                self.admin1.insert((cc.to_string(), a1.to_string()), id);
            }
            self.add_name(display, primary(id));
            for stem in list(r.get(5)) {
                self.add_stem(stem, id);
            }
            for name in list(r.get(6)) {
                self.add_name(name, primary(id));
            }
        }
    }

    /// A region's stem: matched with a suffix; `lookup` takes "X region".
    fn add_stem(&mut self, stem: &str, id: RegionId) {
        self.add_name(
            stem,
            Cand {
                stem: true,
                ..primary(id)
            },
        );
        for suffix in ["region", "oblast", "province", "state", "krai"] {
            self.add_lookup(&format!("{stem} {suffix}"), id);
        }
    }

    fn us_states(&mut self) {
        let Some(&us) = self.keys.get("US") else {
            return;
        };
        // A state named like a country or a capital ("Georgia", "Washington")
        // is that country or city unless the text says "state" or names one
        // of the state's towns before it.
        let mut taken: HashSet<String> = self
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Country)
            .map(|r| r.name.clone())
            .collect();
        for r in rows(GEN_PLACES) {
            if r.get(8).is_some_and(|f| f.contains("capital")) {
                taken.extend(r.get(6).map(|s| s.to_string()));
            }
        }
        for r in rows(GEN_US_STATES) {
            let (Some(&code), Some(&name)) = (r.first(), r.get(1)) else {
                continue;
            };
            let clash = taken.contains(name);
            let display = if clash {
                format!("{name} (U.S. state)")
            } else {
                name.to_string()
            };
            let info = self.child_info(us);
            let id = self.add_place(
                &format!("US-{code}"),
                Region {
                    name: display.clone(),
                    kind: RegionKind::Region,
                    parent: Some(us),
                },
                info,
            );
            self.admin1.insert(("US".to_string(), code.to_string()), id);
            self.add_stem(name, id);
            if !clash {
                self.add_name(name, primary(id));
            }
        }
    }

    fn towns(&mut self) {
        let mut overrides: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for r in rows(CUR_OVERRIDES) {
            if let (Some(&id), Some(&field), Some(&value)) = (r.first(), r.get(1), r.get(2)) {
                overrides.entry(id).or_default().push((field, value));
            }
        }
        for r in rows(GEN_PLACES) {
            let [gid, cc, a1, pop, lat, lon, name, ..] = r[..] else {
                continue;
            };
            let flags = r.get(8).copied().unwrap_or("");
            let mut display = name.to_string();
            let mut parent = self
                .admin1
                .get(&(cc.to_string(), a1.to_string()))
                .or_else(|| self.keys.get(cc))
                .copied();
            let mut extra = 0;
            for &(field, value) in overrides.get(gid).into_iter().flatten() {
                match field {
                    "parent" => parent = self.keys.get(value).copied().or(parent),
                    "display" => display = value.to_string(),
                    "flags" if value.contains("front") => extra |= FLAG_FRONT,
                    _ => {}
                }
            }
            let Some(parent) = parent else {
                continue;
            };
            let mut info = self.child_info(parent);
            info.population = pop.parse().unwrap_or(0);
            info.lat = lat.parse().unwrap_or(f32::NAN);
            info.lon = lon.parse().unwrap_or(f32::NAN);
            info.flags = extra;
            if flags.contains("capital") || info.population >= PROMINENT_POPULATION {
                info.flags |= FLAG_PROMINENT;
            }
            if flags.contains("section") {
                info.flags |= FLAG_SECTION;
            }
            let id = self.add_place(
                &format!("gn:{gid}"),
                Region {
                    name: display.clone(),
                    kind: RegionKind::Town,
                    parent: Some(parent),
                },
                info,
            );
            let common = flags.contains("common");
            if !common {
                self.add_name(&display, primary(id));
            }
            let own = fold_key(&display);
            for alias in list(r.get(7)) {
                if common && alias == name {
                    continue;
                }
                let cand = Cand {
                    primary: fold_key(alias) == own || alias == name,
                    ..primary(id)
                };
                self.add_name(alias, cand);
            }
        }
    }

    fn curated_places(&mut self) {
        for r in rows(CUR_PLACES) {
            let [key, parent, pop, lat, lon, name, ..] = r[..] else {
                continue;
            };
            let Some(&parent) = self.keys.get(parent) else {
                continue;
            };
            let mut info = self.child_info(parent);
            info.population = pop.parse().unwrap_or(0);
            info.lat = lat.parse().unwrap_or(f32::NAN);
            info.lon = lon.parse().unwrap_or(f32::NAN);
            let flags = r.get(7).copied().unwrap_or("");
            if flags.contains("front") {
                info.flags |= FLAG_FRONT;
            }
            if flags.contains("section") {
                info.flags |= FLAG_SECTION;
            }
            let id = self.add_place(
                key,
                Region {
                    name: name.to_string(),
                    kind: RegionKind::Town,
                    parent: Some(parent),
                },
                info,
            );
            self.add_name(name, primary(id));
            for alias in list(r.get(6)) {
                self.add_name(alias, primary(id));
            }
        }
    }

    fn aliases(&mut self) {
        for r in rows(CUR_ALIASES) {
            let Some(&id) = r.first().and_then(|k| self.keys.get(*k)) else {
                continue;
            };
            let metonym = r.get(2).is_some_and(|f| f.contains("metonym"));
            for alias in list(r.get(1)) {
                self.add_name(
                    alias,
                    Cand {
                        metonym,
                        ..primary(id)
                    },
                );
            }
        }
    }

    fn finish(self, cues: Cues) -> Gazetteer {
        let translit: HashSet<RegionId> = TRANSLIT_COUNTRIES
            .iter()
            .filter_map(|c| self.keys.get(*c).copied())
            .collect();
        let name_count = self.names.len();
        // Every spelling of every name → its candidates.
        let mut spelled: HashMap<String, Vec<Cand>> = HashMap::with_capacity(name_count * 2);
        let mut buf = Vec::new();
        for (name, cands) in &self.names {
            let tr = cands
                .iter()
                .any(|c| translit.contains(&self.info[c.place as usize].country));
            buf.clear();
            spellings(name, tr, &mut buf);
            let loud = name.chars().count() >= 4
                && name.chars().all(|c| !c.is_alphabetic() || c.is_ascii())
                && cands.iter().any(|c| {
                    let r = &self.regions[c.place as usize];
                    r.kind != RegionKind::Town
                        || self.info[c.place as usize].population >= UPPERCASE_POPULATION
                });
            if loud {
                let upper = name.to_uppercase();
                if upper != *name {
                    buf.push(upper);
                }
            }
            for s in buf.drain(..) {
                let entry = spelled.entry(s).or_default();
                for &c in cands {
                    merge(entry, c);
                }
            }
        }
        for phrase in &cues.never {
            spelled.insert(phrase.clone(), Vec::new());
        }
        let mut patterns: Vec<String> = Vec::with_capacity(spelled.len());
        let mut pattern_cands = Vec::with_capacity(spelled.len());
        let mut cands = Vec::new();
        for (pattern, cs) in spelled {
            let from = cands.len() as u32;
            cands.extend(cs);
            pattern_cands.push((from, cands.len() as u32));
            patterns.push(pattern);
        }
        let t = std::time::Instant::now();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer's names build an automaton");
        if std::env::var_os("GAZ_TIMING").is_some() { eprintln!("ac {:?} {:?}", t.elapsed(), matcher.kind()); }
        Gazetteer {
            ukraine: self.keys.get("UA").copied(),
            russia: self.keys.get("RU").copied(),
            regions: self.regions,
            info: self.info,
            matcher: Some(matcher),
            pattern_cands,
            cands,
            lookup: self.lookup,
            cues,
            name_count,
        }
    }
}

/// The candidate for a place's own name.
fn primary(place: RegionId) -> Cand {
    Cand {
        place,
        stem: false,
        primary: true,
        metonym: false,
    }
}

/// Adds `c` to `cands`, or merges it with the entry for the same place: a
/// direct name wins over a stem, a primary over an alternate.
fn merge(cands: &mut Vec<Cand>, c: Cand) {
    match cands.iter_mut().find(|x| x.place == c.place) {
        Some(x) => {
            x.stem &= c.stem;
            x.primary |= c.primary;
            x.metonym |= c.metonym;
        }
        None => cands.push(c),
    }
}
