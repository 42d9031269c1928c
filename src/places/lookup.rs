//! What a user types: `lookup` for `--region` and the TUI, `suggest` for
//! "did you mean". Case, apostrophes, dots, a leading "the" and the
//! "ya"/"ia" kind of spelling differences do not matter. Names are found
//! through the tagger's folded-name table; display names through a table
//! built on the first call (the tagger never needs it, so loading does not
//! pay for it).

use super::fold::fold_key;
use super::{Cand, Gazetteer, RegionId, RegionKind};
use rustc_hash::FxHashMap as FastMap;

/// The place a user means by `name`: a place whose display name it is
/// first ("Donetsk" is the city, "Georgia" the country), then a region
/// named with one of the tagger's region suffixes ("donetsk region"), then
/// any place that goes
/// by the name ("Kiev"); among several, the most populous.
pub(crate) fn lookup(g: &Gazetteer, name: &str) -> Option<RegionId> {
    let key = fold_key(name);
    if key.is_empty() {
        return None;
    }
    if let Some(ids) = display_keys(g).get(&key) {
        return most_populous(g, ids.clone());
    }
    if let Some((stem, word)) = key.rsplit_once(' ')
        && g.cues.region_suffixes.contains(word)
    {
        let regions: Vec<RegionId> = named(g, stem)
            .filter(|c| g.region(c.place).kind == RegionKind::Region)
            .map(|c| c.place)
            .collect();
        if !regions.is_empty() {
            return most_populous(g, regions);
        }
    }
    let places: Vec<RegionId> = named(g, &key)
        .filter(|c| !c.stem)
        .map(|c| c.place)
        .collect();
    most_populous(g, places)
}

/// Folded display name → places, built once.
fn display_keys(g: &Gazetteer) -> &FastMap<String, Vec<RegionId>> {
    g.display_keys.get_or_init(|| {
        let mut m: FastMap<String, Vec<RegionId>> = FastMap::default();
        for (id, r) in g.regions.iter().enumerate() {
            m.entry(fold_key(&r.name)).or_default().push(id as RegionId);
        }
        m
    })
}

/// The candidates of a folded name.
fn named<'g>(g: &'g Gazetteer, key: &str) -> impl Iterator<Item = &'g Cand> {
    g.names
        .get(key.as_bytes())
        .into_iter()
        .flat_map(|e| &g.cands[e.from as usize..e.to as usize])
}

fn most_populous(g: &Gazetteer, ids: Vec<RegionId>) -> Option<RegionId> {
    ids.into_iter().max_by(|&a, &b| {
        let (ia, ib) = (&g.info[a as usize], &g.info[b as usize]);
        let home = |c| u8::from(Some(c) == g.ukraine);
        ia.population
            .cmp(&ib.population)
            .then(home(ia.country).cmp(&home(ib.country)))
            .then(b.cmp(&a))
    })
}

/// Up to `n` display names closest to `name` (Jaro-Winkler on folded
/// names), most similar first, without repeats.
pub(crate) fn suggest(g: &Gazetteer, name: &str, n: usize) -> Vec<String> {
    let key = fold_key(name);
    let mut scored: Vec<(f64, &str)> = display_keys(g)
        .iter()
        .flat_map(|(k, ids)| {
            let sim = strsim::jaro_winkler(&key, k);
            ids.iter().map(move |&id| (sim, g.region(id).name.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::with_capacity(n);
    for (_, name) in scored {
        if out.len() == n {
            break;
        }
        if !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
    out
}
