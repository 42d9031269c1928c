//! What a user types: `lookup` for `--region` and the TUI, `suggest` for
//! "did you mean". Case, apostrophes, a leading "the" and the "ya"/"ia"
//! kind of spelling differences do not matter.

use super::variants::fold_key;
use super::{Gazetteer, RegionId};

/// The place a user means by `name`: a place whose display name it is
/// first ("Donetsk" is the city, "Georgia" the country), then any place
/// that goes by it; among several, the most populous.
pub(crate) fn lookup(g: &Gazetteer, name: &str) -> Option<RegionId> {
    let key = fold_key(name);
    let ids = g.lookup.get(&key)?;
    let by_display: Vec<RegionId> = ids
        .iter()
        .copied()
        .filter(|&id| fold_key(&g.region(id).name) == key)
        .collect();
    let pool = if by_display.is_empty() { ids.clone() } else { by_display };
    pool.into_iter().max_by(|&a, &b| {
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
    let mut scored: Vec<(f64, &str)> = g
        .regions
        .iter()
        .map(|r| (strsim::jaro_winkler(&key, &fold_key(&r.name)), r.name.as_str()))
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
