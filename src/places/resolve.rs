//! Settling which place each hit stands for, a rule per case:
//!
//! 1. the form of the hit has already narrowed it (`scan`: "X region" is
//!    the region, a bare shared name the town);
//! 2. a region's stem right after one of its towns and a comma is that
//!    region ("Atlanta, Georgia"); a place right after a town and a comma
//!    that contains it is preferred ("Tbilisi, Georgia");
//! 3. places named in the same sentence, then the same paragraph, pull a
//!    shared name into their oblast, and towns near them (within
//!    [`NEAR_KM`]) are preferred ("Oleksandrivka near Kherson");
//! 4. the article's focus country first, then Ukraine, then Russia, then
//!    the rest of the world;
//! 5. a front-line place the news names beats its namesakes, a capital or
//!    a city of a million beats villages, a place's own name beats an
//!    alternate GeoNames lists;
//! 6. population breaks the remaining ties.
//!
//! Resolution runs twice: first with the context of the unambiguous hits,
//! then with everything the first round settled.

use super::scan::Hit;
use super::{
    Cand, FLAG_FRONT, FLAG_PROMINENT, FLAG_SECTION, Gazetteer, Mention, RegionId, RegionKind,
};

/// Towns this close to another place of the paragraph are preferred.
pub const NEAR_KM: f32 = 60.0;
/// Population a section of a city counts with.
const SECTION_POPULATION: u32 = 5_000;

/// Resolves every hit of a paragraph to one place.
pub(crate) fn resolve(
    g: &Gazetteer,
    text: &str,
    hits: Vec<Hit>,
    focus: Option<RegionId>,
) -> Vec<Mention> {
    let mut chosen: Vec<Option<RegionId>> = hits
        .iter()
        .map(|h| (h.cands.len() == 1 && !h.cands[0].stem).then(|| h.cands[0].place))
        .collect();
    let fixed: Vec<bool> = chosen.iter().map(Option::is_some).collect();
    let rounds = if fixed.iter().all(|&f| f) { 0 } else { 2 };
    for _round in 0..rounds {
        let context = chosen.clone();
        for (i, hit) in hits.iter().enumerate() {
            if fixed[i] {
                continue;
            }
            let prev = apposition(text, &hits, i).and_then(|j| context[j]);
            // A region's stem only stands for the region of the town before
            // it ("Atlanta, Georgia").
            if let Some(p) = prev
                && let Some(c) = hit.cands.iter().find(|c| c.stem && contains(g, c.place, p))
            {
                chosen[i] = Some(c.place);
                continue;
            }
            chosen[i] = hit
                .cands
                .iter()
                .filter(|c| !c.stem)
                .map(|c| (score(g, c, i, &hits, &context, prev, focus), c.place))
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                .map(|(_, p)| p);
        }
    }
    hits.iter()
        .zip(chosen)
        .filter_map(|(h, c)| {
            let region = c?;
            let precision = match g.region(region).kind {
                RegionKind::Town => h.precision,
                RegionKind::Region | RegionKind::Country => 3,
            };
            Some(Mention {
                start: h.start,
                end: h.end,
                region,
                precision,
            })
        })
        .collect()
}

/// Whether `outer` is one of the places that contain `inner`.
fn contains(g: &Gazetteer, outer: RegionId, inner: RegionId) -> bool {
    let mut cur = g.region(inner).parent;
    while let Some(p) = cur {
        if p == outer {
            return true;
        }
        cur = g.region(p).parent;
    }
    false
}

/// The hit right before hit `i`, if only a comma separates them.
fn apposition(text: &str, hits: &[Hit], i: usize) -> Option<usize> {
    let j = i.checked_sub(1)?;
    matches!(text.get(hits[j].end..hits[i].start)?, ", " | ",").then_some(j)
}

/// How well place `c` fits hit `i`, given the places chosen for the others.
fn score(
    g: &Gazetteer,
    c: &Cand,
    i: usize,
    hits: &[Hit],
    context: &[Option<RegionId>],
    prev: Option<RegionId>,
    focus: Option<RegionId>,
) -> f32 {
    let info = &g.info[c.place as usize];
    let mut s = 0.0;
    // Rule 2: "Tbilisi, Georgia".
    if prev.is_some_and(|p| contains(g, c.place, p)) {
        s += 50.0;
    }
    // Rule 3: the other places of the sentence and the paragraph.
    let mut same_sentence = false;
    let mut same_paragraph = false;
    let mut near = false;
    for (j, other) in context.iter().enumerate() {
        let Some(o) = *other else { continue };
        if j == i {
            continue;
        }
        let oi = &g.info[o as usize];
        // The same place named again ("Artemivsk ... Bakhmut") or another
        // place of its oblast.
        if o == c.place || info.oblast.is_some() && oi.oblast == info.oblast {
            if hits[j].sentence == hits[i].sentence {
                same_sentence = true;
            } else {
                same_paragraph = true;
            }
        }
        if g.region(o).kind == RegionKind::Town && km(info.lat, info.lon, oi.lat, oi.lon) <= NEAR_KM
        {
            near = true;
        }
    }
    if same_sentence {
        s += 20.0;
    } else if same_paragraph {
        s += 10.0;
    }
    if near {
        s += 12.0;
    }
    // Rule 4: focus country, Ukraine, Russia, the world.
    if Some(info.country) == focus {
        s += 6.0;
    } else if Some(info.country) == g.ukraine {
        s += 4.0;
    } else if Some(info.country) == g.russia {
        s += 2.0;
    }
    // Rule 5.
    if info.flags & FLAG_FRONT != 0 {
        s += 3.0;
    }
    if info.flags & FLAG_PROMINENT != 0 {
        s += 3.0;
    }
    if !c.primary {
        s -= 3.0;
    }
    // Rule 6.
    let population = if info.flags & FLAG_SECTION != 0 {
        info.population.min(SECTION_POPULATION)
    } else {
        info.population
    };
    s + (population as f32 + 10.0).log10()
}

/// Distance in kilometres (infinite when a point is unknown), on the
/// equirectangular approximation: within a few per cent at the distances
/// that matter here, and no trigonometry but one cosine.
fn km(lat1: f32, lon1: f32, lat2: f32, lon2: f32) -> f32 {
    if lat1.is_nan() || lat2.is_nan() {
        return f32::INFINITY;
    }
    let mean = ((lat1 + lat2) / 2.0).to_radians();
    let dx = (lon2 - lon1) * mean.cos();
    let dy = lat2 - lat1;
    111.19 * (dx * dx + dy * dy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::km;

    #[test]
    fn distances() {
        // Kyiv to Kharkiv is about 410 km; Pokrovsk to Myrnohrad about 6.
        let d = km(50.45, 30.52, 49.99, 36.23);
        assert!((400.0..420.0).contains(&d), "{d}");
        let d = km(48.28, 37.18, 48.31, 37.27);
        assert!((5.0..9.0).contains(&d), "{d}");
        assert!(km(f32::NAN, 0.0, 1.0, 1.0).is_infinite());
    }
}
