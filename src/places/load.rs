//! Builds the [`Gazetteer`] from the data compiled into the binary: the
//! GeoNames-derived tables under `assets/gazetteer/generated/` and the
//! hand-curated ones under `assets/gazetteer/curated/`, plus
//! `assets/gazetteer/cues.toml`.
//!
//! Order: countries, first-level regions (curated oblasts and Russian
//! regions, generated US states), GeoNames towns (with the curated
//! corrections applied), the Ukrainian settlements of the official codifier
//! KATOTTG that GeoNames lacks, curated towns, curated aliases. Then every name is
//! folded (`fold`) into the key the tagger looks up.

use std::collections::HashSet;

use super::cases::{forms, is_cyrillic};
use super::cues::Cues;
use super::fold::{fold_name, fold_word};
use super::resolve::population_score;
use super::{
    Cand, FLAG_FRONT, FLAG_PROMINENT, FLAG_SECTION, Gazetteer, Info, NameEntry, Region, RegionId,
    RegionKind,
};
use rustc_hash::FxHashMap as HashMap;

const GEN_COUNTRIES: &str = include_str!("../../assets/gazetteer/generated/countries.tsv");
const GEN_US_STATES: &str = include_str!("../../assets/gazetteer/generated/us_states.tsv");
const GEN_PLACES: &str = include_str!("../../assets/gazetteer/generated/places.tsv");
const GEN_UA_SETTLEMENTS: &str =
    include_str!("../../assets/gazetteer/generated/ua_settlements.tsv");
/// The codifier's rows, read again by [`super::geo`] for raions and hromadas.
pub(super) const UA_ROWS: &str = GEN_UA_SETTLEMENTS;
const CUR_COUNTRIES: &str = include_str!("../../assets/gazetteer/curated/countries.tsv");
const CUR_REGIONS: &str = include_str!("../../assets/gazetteer/curated/regions.tsv");
const CUR_PLACES: &str = include_str!("../../assets/gazetteer/curated/places.tsv");
const CUR_ALIASES: &str = include_str!("../../assets/gazetteer/curated/aliases.tsv");
const CUR_OVERRIDES: &str = include_str!("../../assets/gazetteer/curated/overrides.tsv");
const CUES: &str = include_str!("../../assets/gazetteer/cues.toml");
/// Bytes of all the compiled-in gazetteer data: part of the caches'
/// identity of the build ([`crate::ingest::cache`]), known without building
/// the gazetteer.
pub const DATA_BYTES: usize = GEN_COUNTRIES.len()
    + GEN_US_STATES.len()
    + GEN_PLACES.len()
    + GEN_UA_SETTLEMENTS.len()
    + CUR_COUNTRIES.len()
    + CUR_REGIONS.len()
    + CUR_PLACES.len()
    + CUR_ALIASES.len()
    + CUR_OVERRIDES.len()
    + CUES.len();

/// Towns this big get the case forms of their Cyrillic names.
const CASES_POPULATION: u32 = 20_000;
/// About how many names the data holds (to size the tables once).
const NAMES_HINT: usize = 140_000;
/// Cities this big count as prominent, like capitals.
const PROMINENT_POPULATION: u32 = 1_000_000;

/// Builds the gazetteer from the compiled-in data.
pub fn builtin() -> Gazetteer {
    let mut b = Builder {
        cues: Cues::parse(CUES),
        keys_of_names: HashMap::with_capacity_and_hasher(NAMES_HINT, Default::default()),
        name_cands: Vec::with_capacity(NAMES_HINT),
        exact: Vec::with_capacity(NAMES_HINT),
        ..Builder::default()
    };
    b.countries();
    b.regions();
    b.us_states();
    b.towns();
    b.ua_settlements();
    b.curated_places();
    b.aliases();
    b.finish()
}

/// The data rows of a TSV file: comment and blank lines skipped.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut fields = Vec::with_capacity(10);
            fields.extend(l.split('\t'));
            fields
        })
}

/// The items of a `|`-separated list, empty items dropped.
fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .filter(|s| !s.is_empty())
}

#[derive(Default)]
struct Builder {
    cues: Cues,
    regions: Vec<Region>,
    info: Vec<Info>,
    /// Folded name → its entry; while building, `from` holds the name's
    /// index (into `exact`, and of `name_cands`).
    keys_of_names: HashMap<Vec<u8>, NameEntry>,
    /// (name index, candidate), in the order added; grouped at the end.
    name_cands: Vec<(u32, Cand)>,
    /// Per name index: whether it is a short all-capitals name ("US").
    exact: Vec<bool>,
    /// Folded first words of names with a lower-case word after it.
    lower_heads: HashSet<Vec<u8>>,
    /// Buffer for folding.
    buf: Vec<u8>,
    /// GeoNames ids of the towns → id (aliases name them "gn:703448").
    geonames: HashMap<u32, RegionId>,
    /// Keys of the data ("UA", "UA-14", "cur:robotyne") → id.
    keys: HashMap<String, RegionId>,
    /// (country ISO, GeoNames admin1 code) → region.
    admin1: HashMap<(String, String), RegionId>,
    /// Country → its capital (the first GeoNames lists).
    capitals: HashMap<RegionId, RegionId>,
    /// The place each codifier row became (`RegionId::MAX`: none).
    ua_ids: Vec<RegionId>,
}

impl Builder {
    fn add_place(&mut self, key: &str, region: Region, mut info: Info) -> RegionId {
        let id = self.regions.len() as RegionId;
        info.population_score = population_score(info.population, info.flags);
        match region.kind {
            RegionKind::Country => info.country = id,
            RegionKind::Region => info.oblast = Some(id),
            RegionKind::Town => {}
        }
        self.regions.push(region);
        self.info.push(info);
        if !key.is_empty() {
            self.keys.insert(key.to_string(), id);
        }
        id
    }

    /// The place a key of the data names: "gn:<GeoNames id>", a region
    /// key, a country ISO code or a curated key.
    fn place(&self, key: &str) -> Option<RegionId> {
        match key.strip_prefix("gn:") {
            Some(gid) => self.geonames.get(&gid.parse().ok()?).copied(),
            None => self.keys.get(key).copied(),
        }
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
            population_score: 0.0,
        }
    }

    /// Registers a name the tagger finds (and `lookup` accepts), the case
    /// forms of a Cyrillic name of a region, country, capital or town of
    /// `CASES_POPULATION`, and a region's colloquial "-щина" names with
    /// their case forms; returns the index of its folded form.
    fn add_name(&mut self, name: &str, cand: Cand) -> Option<u32> {
        let idx = self.add_one_name(name, cand);
        if idx.is_some() && is_cyrillic(name) {
            let info = &self.info[cand.place as usize];
            let declines = self.regions[cand.place as usize].kind != RegionKind::Town
                || info.flags & FLAG_PROMINENT != 0
                || info.population >= CASES_POPULATION;
            if declines {
                for form in forms(name, &self.cues.cyrillic_cases) {
                    self.add_one_name(&form, cand);
                }
            }
            if self.regions[cand.place as usize].kind == RegionKind::Region && !cand.stem {
                // "Харківська область" → "Харківщина", which declines too.
                for colloquial in forms(name, &self.cues.cyrillic_region_names) {
                    self.add_name(&colloquial, cand);
                }
                // The adjective in each case is the region's stem: the
                // region before a suffix or in a list that one closes or
                // opens ("у Сумській та Харківській областях").
                if let Some((adjective, _)) = name
                    .rsplit_once(' ')
                    .filter(|(_, last)| self.cues.region_suffixes.contains(*last))
                {
                    let mut adjectives: Vec<String> = forms(name, &self.cues.cyrillic_cases)
                        .iter()
                        .filter_map(|f| Some(f.rsplit_once(' ')?.0.to_owned()))
                        .collect();
                    adjectives.push(adjective.to_owned());
                    adjectives.sort();
                    adjectives.dedup();
                    for a in adjectives {
                        self.add_one_name(&a, Cand { stem: true, ..cand });
                    }
                }
            }
        }
        idx
    }

    /// Registers one name as written; returns the index of its folded form.
    fn add_one_name(&mut self, name: &str, cand: Cand) -> Option<u32> {
        let name = name.strip_prefix("the ").unwrap_or(name);
        // One letter is no name.
        name.chars().nth(1)?;
        self.buf.clear();
        let mut buf = std::mem::take(&mut self.buf);
        let mut head_end = None;
        // Names in the data are separated by single spaces.
        for (i, w) in name.split(' ').filter(|w| !w.is_empty()).enumerate() {
            if let Some(end) = head_end {
                if w.starts_with(char::is_lowercase) {
                    self.lower_heads.insert(buf[..end].to_vec());
                }
                buf.push(b' ');
            }
            fold_word(w, &mut buf);
            if i == 0 {
                head_end = Some(buf.len());
            }
        }
        let idx = match self.keys_of_names.get(buf.as_slice()) {
            Some(e) => e.from,
            None => {
                let i = self.exact.len() as u32;
                self.keys_of_names.insert(buf.clone(), building(i));
                self.exact.push(false);
                i
            }
        };
        self.buf = buf;
        self.name_cands.push((idx, cand));
        if name.len() <= 8 && is_short_caps(name) {
            self.exact[idx as usize] = true;
        }
        Some(idx)
    }

    fn countries(&mut self) {
        let curated: std::collections::HashMap<&str, Vec<&str>> = rows(CUR_COUNTRIES)
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

    /// A region's stem: the region with a suffix ("Donetsk region").
    fn add_stem(&mut self, stem: &str, id: RegionId) {
        self.add_name(
            stem,
            Cand {
                stem: true,
                ..primary(id)
            },
        );
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
        // (Flags are the last column: only the capitals' lines are split.)
        let capitals = GEN_PLACES
            .lines()
            .filter(|l| l.ends_with("capital") || l.contains("\tcapital,"));
        for line in capitals {
            taken.extend(line.split('\t').nth(6).map(str::to_string));
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
        let mut overrides: HashMap<&str, Vec<(&str, &str)>> = HashMap::default();
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
            let capital_of = flags.contains("capital").then_some(info.country);
            if flags.contains("section") {
                info.flags |= FLAG_SECTION;
            }
            let id = self.add_place(
                "",
                Region {
                    name: display.clone(),
                    kind: RegionKind::Town,
                    parent: Some(parent),
                },
                info,
            );
            if let Ok(n) = gid.parse() {
                self.geonames.insert(n, id);
            }
            if let Some(country) = capital_of {
                self.capitals.entry(country).or_insert(id);
            }
            let common = flags.contains("common");
            let own = if common {
                None
            } else {
                self.add_name(&display, primary(id))
            };
            for alias in list(r.get(7)) {
                if common && alias == name {
                    continue;
                }
                let cand = Cand {
                    primary: alias == name,
                    ..primary(id)
                };
                // A spelling of the display name is as good as the name.
                let added = self.add_name(alias, cand);
                if own.is_some()
                    && added == own
                    && let Some(last) = self.name_cands.last_mut()
                {
                    last.1.primary = true;
                }
            }
        }
    }

    /// The settlements of KATOTTG (`ua_settlements.tsv`, written by
    /// `scripts/gen_katottg.py`). One GeoNames has keeps its GeoNames record
    /// and gains the codifier's romanised name as an alias (a renamed
    /// village keeps its new name findable); one GeoNames lacks becomes a
    /// town of its oblast with no population or coordinates. Raion and
    /// hromada are in the file but not loaded: the tagger works at oblast
    /// level. A `common` settlement is kept for `lookup` only.
    fn ua_settlements(&mut self) {
        let oblasts: HashMap<&str, RegionId> = self
            .admin1
            .iter()
            .filter(|((cc, _), _)| cc == "UA")
            .map(|((_, a1), &id)| (a1.as_str(), id))
            .collect();
        let oblasts: HashMap<String, RegionId> = oblasts
            .into_iter()
            .map(|(a, id)| (a.to_string(), id))
            .collect();
        for r in rows(GEN_UA_SETTLEMENTS) {
            self.ua_ids.push(RegionId::MAX);
            let [_, _, a1, _, _, name, ukrainian, gid, ..] = r[..] else {
                continue;
            };
            let common = r.get(8).is_some_and(|f| f.contains("common"));
            if !gid.is_empty() {
                let known = gid.parse().ok().and_then(|g| self.geonames.get(&g));
                if let (Some(&id), Some(last)) = (known, self.ua_ids.last_mut()) {
                    *last = id;
                }
                if common {
                    continue;
                }
                if let Some(&id) = known {
                    self.add_name(name, primary(id));
                }
                continue;
            }
            let Some(&parent) = oblasts.get(a1) else {
                continue;
            };
            let info = self.child_info(parent);
            let id = self.add_place(
                "",
                Region {
                    name: name.to_string(),
                    kind: RegionKind::Town,
                    parent: Some(parent),
                },
                info,
            );
            if let Some(last) = self.ua_ids.last_mut() {
                *last = id;
            }
            if common {
                continue;
            }
            self.add_name(name, primary(id));
            self.add_name(ukrainian, primary(id));
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
            let Some(id) = r.first().and_then(|k| self.place(k)) else {
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

    fn finish(mut self) -> Gazetteer {
        let cues = std::mem::take(&mut self.cues);
        let name_count = self.exact.len();
        // Phrases that never name a place: names without candidates.
        let mut never = vec![false; name_count];
        for phrase in &cues.never {
            let key = fold_name(phrase).into_bytes();
            match self.keys_of_names.get(key.as_slice()) {
                Some(e) => never[e.from as usize] = true,
                None => {
                    self.keys_of_names
                        .insert(key, building(self.exact.len() as u32));
                    self.exact.push(false);
                    never.push(true);
                }
            }
        }
        // Group the candidates by name (a counting sort: the name indices
        // are dense), merging repeats of a place.
        let mut starts = vec![0usize; self.exact.len() + 1];
        for &(i, _) in &self.name_cands {
            starts[i as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut sorted = vec![(0u32, primary(0)); self.name_cands.len()];
        for &(i, c) in &self.name_cands {
            sorted[starts[i as usize]] = (i, c);
            starts[i as usize] += 1;
        }
        self.name_cands = sorted;
        let mut ranges = vec![(0u32, 0u32); self.exact.len()];
        let mut cands: Vec<Cand> = Vec::with_capacity(self.name_cands.len());
        let mut k = 0;
        while k < self.name_cands.len() {
            let idx = self.name_cands[k].0 as usize;
            let from = cands.len();
            while k < self.name_cands.len() && self.name_cands[k].0 as usize == idx {
                if !never[idx] {
                    let c = self.name_cands[k].1;
                    match cands[from..].iter_mut().find(|x| x.place == c.place) {
                        Some(x) => merge_into(x, c),
                        None => cands.push(c),
                    }
                }
                k += 1;
            }
            ranges[idx] = (from as u32, cands.len() as u32);
        }
        let mut names = self.keys_of_names;
        let mut heads: Vec<(Vec<u8>, u8)> = Vec::new();
        for (key, entry) in names.iter_mut() {
            if let Some(space) = key.iter().position(|&b| b == b' ') {
                let words = key.iter().filter(|&&b| b == b' ').count() + 1;
                heads.push((key[..space].to_vec(), words.min(u8::MAX as usize) as u8));
            }
            let idx = entry.from as usize;
            (entry.from, entry.to) = ranges[idx];
            entry.exact = self.exact[idx];
        }
        // The first words of longer names say how far to look.
        for (head, words) in heads {
            let lower_next = self.lower_heads.contains(&head);
            let e = names.entry(head).or_insert(NameEntry {
                from: 0,
                to: 0,
                exact: false,
                max_words: 1,
                head_only: true,
                lower_next: false,
            });
            e.max_words = e.max_words.max(words);
            e.lower_next |= lower_next;
        }
        let metonym_places = cands
            .iter()
            .filter(|c| c.metonym)
            .map(|c| c.place)
            .collect();
        Gazetteer {
            metonym_places,
            ukraine: self.keys.get("UA").copied(),
            russia: self.keys.get("RU").copied(),
            regions: self.regions,
            info: self.info,
            capitals: self.capitals.into_iter().collect(),
            names,
            cands,
            display_keys: Default::default(),
            cues,
            name_count,
            ua_ids: self.ua_ids,
            geo: Default::default(),
        }
    }
}

/// "US", "UK", "U.S.", "DPRK": matched only in capitals.
fn is_short_caps(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 4 && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// A name's entry while building: its index in `from`.
fn building(index: u32) -> NameEntry {
    NameEntry {
        from: index,
        to: index,
        exact: false,
        max_words: 1,
        head_only: false,
        lower_next: false,
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

/// Merges two candidates for the same place under one name: a direct name
/// wins over a stem, a primary over an alternate.
fn merge_into(x: &mut Cand, c: Cand) {
    x.stem &= c.stem;
    x.primary |= c.primary;
    x.metonym |= c.metonym;
}
