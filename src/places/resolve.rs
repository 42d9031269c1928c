//! Settling which place each hit stands for, a rule per case:
//!
//! 1. the form of the hit has already narrowed it (`scan`: "X region" is
//!    the region, a bare shared name the town);
//! 2. a region's stem right after one of its towns and a comma is that
//!    region ("Atlanta, Georgia"); a place right after a town and a comma
//!    that contains it is preferred ("Tbilisi, Georgia");
//! 3. an oblast named in the paragraph, or given by a header above it,
//!    pulls a shared name into it first ("Yablunivka, Sumy Oblast");
//!    then the oblast that the other places of the sentence and paragraph
//!    could all lie in: a village of a list stays with its list ("near
//!    Oleksiivka, Kindrativka, Yablunivka and Yunakivka" are the villages
//!    of the one oblast that has all four); places named in the same
//!    sentence, then the same paragraph, pull a shared name into their
//!    oblast (the two oblast rules above leave a name that could be a
//!    front-line place to the front rules) (front-line places pull a front-line
//!    namesake whatever its oblast), and the towns nearest them are
//!    preferred, fully within `NEAR_KM` ("Oleksandrivka near Kherson"),
//!    less and less up to `FAR_KM` ("Hryhorivka near Siversk" when GeoNames
//!    has no Hryhorivka in that oblast);
//! 4. the article's focus country first, then Ukraine, then Russia, then
//!    the rest of the world;
//! 5. a front-line place the news names beats its namesakes, a capital or
//!    a city of a million beats villages, a place's own name beats an
//!    alternate GeoNames lists;
//! 6. population breaks the remaining ties.
//!
//! Resolution runs twice: first with the context of the unambiguous hits,
//! then with everything the first round settled. A paragraph whose names
//! are all unambiguous skips it.

use super::scan::Hit;
use super::words::sentence_breaks;
use super::{
    Cand, FLAG_FRONT, FLAG_PROMINENT, FLAG_SECTION, Gazetteer, Mention, RegionId, RegionKind,
};

/// Towns this close to another town of the paragraph are preferred.
const NEAR_KM: f32 = 60.0;
/// From this far off, nearness no longer counts.
const FAR_KM: f32 = 300.0;
/// How many hits on each side of a hit give it context. Far more than a
/// paragraph names; it keeps a megabyte-long "paragraph" linear.
const CONTEXT_HITS: usize = 64;
/// Population a section of a city counts with.
const SECTION_POPULATION: u32 = 5_000;
/// What an oblast named in the paragraph (or its header) adds to its towns.
const EXPLICIT_OBLAST: f32 = 30.0;
/// What the oblast that all the other places could lie in adds (less in
/// proportion when only some could).
const SHARED_OBLAST: f32 = 24.0;

/// Resolves every hit of a paragraph to one place.
pub(crate) fn resolve(
    g: &Gazetteer,
    text: &str,
    hits: Vec<Hit>,
    focus: Option<RegionId>,
    header: Option<RegionId>,
) -> Vec<Mention> {
    if hits.is_empty() {
        return Vec::new();
    }
    // A hit with one place (and not a stem) is settled from the start.
    let settled = |h: &Hit| h.cands.len() == 1 && !h.cands[0].stem;
    let mut chosen: Vec<Option<RegionId>> = hits
        .iter()
        .map(|h| settled(h).then(|| h.cands[0].place))
        .collect();
    if !hits.iter().all(settled) {
        // Which sentence of the paragraph each hit is in.
        let mut sentence = vec![0usize; hits.len()];
        for i in 1..hits.len() {
            sentence[i] = sentence[i - 1] + sentence_breaks(text, hits[i - 1].start, hits[i].start);
        }
        // The oblasts each hit could lie in, sorted.
        let could: Vec<Vec<RegionId>> = hits
            .iter()
            .map(|h| {
                let mut v: Vec<RegionId> = h
                    .cands
                    .iter()
                    .filter_map(|c| g.info[c.place as usize].oblast)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let header = header.and_then(|h| g.info[h as usize].oblast);
        let pruned = prune(g, &hits, &could, header);
        let lists = Lists::new(&could, &sentence);
        // Hits that could be a front-line place keep the older rules: the
        // front beats namesakes, and an oblast named only as a reference
        // ("14 km from the Dnipropetrovsk region") must not pull it away.
        let front: Vec<bool> = hits
            .iter()
            .map(|h| {
                h.cands
                    .iter()
                    .any(|c| g.info[c.place as usize].flags & FLAG_FRONT != 0)
            })
            .collect();
        let ctx = Context {
            sentence: &sentence,
            could: &could,
            lists: &lists,
            front: &front,
            header,
            focus,
        };
        let mut context = chosen.clone();
        for round in 0..2 {
            if round > 0 {
                context.copy_from_slice(&chosen);
            }
            for (i, hit) in hits.iter().enumerate() {
                if settled(hit) {
                    continue;
                }
                let prev = apposition(text, &hits, i).and_then(|j| context[j]);
                // A region's stem only stands for the region of the town
                // before it ("Atlanta, Georgia").
                if let Some(p) = prev
                    && let Some(c) = hit.cands.iter().find(|c| c.stem && contains(g, c.place, p))
                {
                    chosen[i] = Some(c.place);
                    continue;
                }
                let cands: &[Cand] = pruned[i].as_deref().unwrap_or(&hit.cands);
                chosen[i] = cands
                    .iter()
                    .filter(|c| !c.stem)
                    // A front-line place is never beaten by a bare village
                    // of the codifier that shares its name.
                    .filter(|c| !front[i] || !is_bare(g, c))
                    .map(|c| (score(g, c, i, &ctx, &context, prev), c.place))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                    .map(|(_, p)| p);
            }
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
                role: if h.official {
                    super::Role::Official
                } else {
                    super::Role::Place
                },
            })
        })
        .collect()
}

/// The oblasts the hits of a paragraph could lie in, counted once per
/// paragraph so that scoring a candidate is a few look-ups: how many hits
/// could lie in each oblast, in the whole paragraph and in each sentence.
struct Lists {
    /// Oblast → hits of the paragraph that could lie in it.
    paragraph: rustc_hash::FxHashMap<RegionId, u32>,
    /// (sentence, oblast) → hits of that sentence that could lie in it.
    sentence: rustc_hash::FxHashMap<(usize, RegionId), u32>,
    /// Hits with some oblast, in the paragraph and per sentence.
    with_oblast: u32,
    per_sentence: rustc_hash::FxHashMap<usize, u32>,
}

impl Lists {
    fn new(could: &[Vec<RegionId>], sentence: &[usize]) -> Lists {
        let mut l = Lists {
            paragraph: Default::default(),
            sentence: Default::default(),
            with_oblast: 0,
            per_sentence: Default::default(),
        };
        for (c, &s) in could.iter().zip(sentence) {
            if c.is_empty() {
                continue;
            }
            l.with_oblast += 1;
            *l.per_sentence.entry(s).or_default() += 1;
            for &o in c {
                *l.paragraph.entry(o).or_default() += 1;
                *l.sentence.entry((s, o)).or_default() += 1;
            }
        }
        l
    }

    /// For hit `i` and oblast `o`: (how many of the other hits could lie
    /// in `o`, how many others there are), a hit of the same sentence
    /// counting twice.
    fn shared(
        &self,
        i: usize,
        o: RegionId,
        could: &[Vec<RegionId>],
        sentence: &[usize],
    ) -> (u32, u32) {
        let s = sentence[i];
        let mine = u32::from(!could[i].is_empty());
        let own_o = u32::from(could[i].binary_search(&o).is_ok());
        let in_sentence = self.per_sentence.get(&s).copied().unwrap_or(0) - mine;
        let others = 2 * in_sentence + (self.with_oblast - mine - in_sentence);
        let o_sentence = self.sentence.get(&(s, o)).copied().unwrap_or(0) - own_o;
        let o_all = self.paragraph.get(&o).copied().unwrap_or(0) - own_o;
        (2 * o_sentence + (o_all - o_sentence), others)
    }
}

/// A bare village: no population, coordinates or flags (most of the
/// KATOTTG layer), named by its own name.
fn is_bare(g: &Gazetteer, c: &Cand) -> bool {
    let info = &g.info[c.place as usize];
    info.population == 0
        && info.lat.is_nan()
        && info.flags == 0
        && c.primary
        && !c.stem
        && g.region(c.place).kind == RegionKind::Town
}

/// Hits with more candidates than this are pruned (see `prune`).
const PRUNE_FROM: usize = 2;

/// The candidates worth scoring for each hit with many (`None`: all of
/// them). Bare villages (no population, coordinates or flags: most of the
/// KATOTTG layer) of one oblast score alike, so only the first of each
/// oblast (the lowest id, which wins a tie) is kept; and those whose oblast
/// no other hit of the paragraph could lie in, and that no header names,
/// gain nothing from the context: only the first of them all is kept. "Ivanivka" has a hundred namesakes; this keeps a
/// paragraph's cost near what it was before the layer.
fn prune(
    g: &Gazetteer,
    hits: &[Hit],
    could: &[Vec<RegionId>],
    header: Option<RegionId>,
) -> Vec<Option<Vec<Cand>>> {
    if hits.iter().all(|h| h.cands.len() <= PRUNE_FROM) {
        return vec![None; hits.len()];
    }
    // How many hits could lie in each oblast.
    let mut count: rustc_hash::FxHashMap<RegionId, u32> = Default::default();
    for c in could {
        for &o in c {
            *count.entry(o).or_default() += 1;
        }
    }
    hits.iter()
        .zip(could)
        .map(|(h, own)| {
            if h.cands.len() <= PRUNE_FROM {
                return None;
            }
            let mut kept_bare = false;
            // Oblasts of the bare villages kept so far (one each).
            let mut bare_oblasts: Vec<RegionId> = Vec::new();
            let kept = h
                .cands
                .iter()
                .filter(|c| {
                    let info = &g.info[c.place as usize];
                    let Some(o) = info.oblast.filter(|_| is_bare(g, c)) else {
                        return true;
                    };
                    let others = count.get(&o).copied().unwrap_or(0)
                        - u32::from(own.binary_search(&o).is_ok());
                    if others > 0 || header == Some(o) {
                        if bare_oblasts.contains(&o) {
                            return false;
                        }
                        bare_oblasts.push(o);
                        return true;
                    }
                    !std::mem::replace(&mut kept_bare, true)
                })
                .copied()
                .collect();
            Some(kept)
        })
        .collect()
}

/// Whether `outer` is one of the places that contain `inner`.
fn contains(g: &Gazetteer, outer: RegionId, inner: RegionId) -> bool {
    outer != inner && g.is_within(inner, outer)
}

/// The hit right before hit `i`, if only a comma separates them.
fn apposition(text: &str, hits: &[Hit], i: usize) -> Option<usize> {
    let j = i.checked_sub(1)?;
    matches!(text.get(hits[j].end..hits[i].start)?, ", " | ",").then_some(j)
}

/// What a paragraph tells of each of its hits, besides the places chosen.
struct Context<'a> {
    /// Which sentence of the paragraph each hit is in.
    sentence: &'a [usize],
    /// The oblasts each hit could lie in, sorted.
    could: &'a [Vec<RegionId>],
    /// The same, counted by oblast.
    lists: &'a Lists,
    /// Whether each hit could be a front-line place (no oblast bonuses).
    front: &'a [bool],
    /// The oblast a header above the paragraph names.
    header: Option<RegionId>,
    /// The article's focus country.
    focus: Option<RegionId>,
}

/// How well place `c` fits hit `i`, given the places chosen for the others.
fn score(
    g: &Gazetteer,
    c: &Cand,
    i: usize,
    ctx: &Context,
    context: &[Option<RegionId>],
    prev: Option<RegionId>,
) -> f32 {
    let (sentence, focus) = (ctx.sentence, ctx.focus);
    let info = &g.info[c.place as usize];
    let mut s = 0.0;
    let town = g.region(c.place).kind == RegionKind::Town && !ctx.front[i];
    // Rule 3: an oblast named, or the header's.
    let mut explicit = town && info.oblast.is_some() && ctx.header == info.oblast;
    // Rule 3: the oblast the others could share (weighted: the sentence
    // counts twice).
    let (mut shared, mut others) = (0u32, 0u32);
    // Rule 2: "Tbilisi, Georgia".
    if prev.is_some_and(|p| contains(g, c.place, p)) {
        s += 50.0;
    }
    // Rule 3: the other places of the sentence and the paragraph.
    let mut same_sentence = false;
    let mut same_paragraph = false;
    // Distance (in degrees, squared) to the nearest other town named.
    let mut nearest = f32::INFINITY;
    // Degrees of longitude shrink with the cosine of the latitude.
    let mut cos_lat = None;
    let lo = i.saturating_sub(CONTEXT_HITS);
    let hi = (i + CONTEXT_HITS + 1).min(context.len());
    for (j, other) in context.iter().enumerate().take(hi).skip(lo) {
        let Some(o) = *other else { continue };
        if j == i {
            continue;
        }
        let oi = &g.info[o as usize];
        // An oblast named (a region's oblast is itself; a town's is not).
        if town && oi.oblast == Some(o) && info.oblast == Some(o) {
            explicit = true;
        }
        // The same place named again ("Artemivsk ... Bakhmut"), another
        // place of its oblast, or, for a front-line place, another one
        // (the front crosses oblast borders: "near Kupiansk and in the
        // direction of Lyman").
        let same_front = info.flags & oi.flags & FLAG_FRONT != 0;
        if o == c.place || info.oblast.is_some() && oi.oblast == info.oblast || same_front {
            if sentence[j] == sentence[i] {
                same_sentence = true;
            } else {
                same_paragraph = true;
            }
        }
        if !info.lat.is_nan() && !oi.lat.is_nan() && g.region(o).kind == RegionKind::Town {
            let cos = *cos_lat.get_or_insert_with(|| info.lat.to_radians().cos());
            nearest = nearest.min(degrees2(info.lat, info.lon, oi.lat, oi.lon, cos));
        }
    }
    if town && let Some(ob) = info.oblast {
        (shared, others) = ctx.lists.shared(i, ob, ctx.could, sentence);
    }
    if explicit {
        s += EXPLICIT_OBLAST;
    }
    if others > 0 {
        s += SHARED_OBLAST * shared as f32 / others as f32;
    }
    if same_sentence {
        s += 20.0;
    } else if same_paragraph {
        s += 10.0;
    }
    // Towns named together lie near each other: within `NEAR_KM` counts
    // fully, farther off less and less, nothing from `FAR_KM` on.
    let km = nearest.sqrt() * KM_PER_DEGREE;
    if km <= NEAR_KM {
        s += 12.0;
    } else if km < FAR_KM {
        s += 6.0 * (FAR_KM - km) / (FAR_KM - NEAR_KM);
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
    s + info.population_score
}

/// The score a place's population adds: its order of magnitude (a section
/// of a city counts as a village). Worked out once, when loading.
pub(crate) fn population_score(population: u32, flags: u8) -> f32 {
    let population = if flags & FLAG_SECTION != 0 {
        population.min(SECTION_POPULATION)
    } else {
        population
    };
    (population as f32 + 10.0).log10()
}

/// Kilometres in a degree of latitude.
const KM_PER_DEGREE: f32 = 111.19;

/// The squared distance between two points in degrees of latitude, on the
/// equirectangular approximation (within a few per cent at the distances
/// that matter here); `cos_lat` is the cosine of the first latitude.
fn degrees2(lat1: f32, lon1: f32, lat2: f32, lon2: f32, cos_lat: f32) -> f32 {
    let dx = (lon2 - lon1) * cos_lat;
    let dy = lat2 - lat1;
    dx * dx + dy * dy
}

#[cfg(test)]
mod tests {
    use super::{KM_PER_DEGREE, degrees2};
    use crate::places::{Gazetteer, RegionId, RegionKind};

    /// Each mention of `text` as (name, oblast name).
    fn oblasts(text: &str, header: Option<RegionId>) -> Vec<(String, String)> {
        let g = Gazetteer::builtin();
        g.tag_under(text, None, header)
            .into_iter()
            .map(|m| {
                let o = g.oblast_level(m.region);
                (g.region(m.region).name.clone(), g.region(o).name.clone())
            })
            .collect()
    }

    #[test]
    fn the_villages_of_a_list_stay_in_the_oblast_they_share() {
        // Handed input of issue 11 (ISW style).
        let text = "Russian forces attacked near Oleksiivka, Kindrativka, Yablunivka and \
                    Yunakivka (all north of Sumy City).";
        let got = oblasts(text, None);
        assert_eq!(got.len(), 5, "{got:?}");
        for (name, oblast) in &got {
            assert_eq!(oblast, "Sumy Oblast", "{name}: {got:?}");
        }
        // Without the city, the list alone keeps them together.
        let text =
            "Russian troops attacked near Oleksiivka, Kindrativka, Yablunivka and Yunakivka.";
        let got = oblasts(text, None);
        assert!(got.iter().all(|(_, o)| o == "Sumy Oblast"), "{got:?}");
    }

    #[test]
    fn an_oblast_named_beats_the_list_and_population() {
        let text = "Shelling hit Yablunivka in Chernihiv Oblast and Ivanivka nearby.";
        let got = oblasts(text, None);
        assert_eq!(
            got[0],
            ("Yablunivka".into(), "Chernihiv Oblast".into()),
            "{got:?}"
        );
        assert_eq!(got[2].1, "Chernihiv Oblast", "{got:?}");
    }

    #[test]
    fn a_header_above_the_paragraph_settles_a_shared_name() {
        let g = Gazetteer::builtin();
        let sumy = g.lookup("Sumy Oblast").unwrap();
        let got = oblasts("Two drones hit a barn in Yablunivka.", Some(sumy));
        assert_eq!(got[0].1, "Sumy Oblast", "{got:?}");
    }

    #[test]
    fn a_village_only_the_codifier_lists_is_found() {
        let got = oblasts("Troops were seen near Puteprovid at dawn.", None);
        assert_eq!(
            got,
            [("Puteprovid".to_string(), "Donetsk Oblast".to_string())]
        );
    }

    #[test]
    fn a_name_with_city_is_the_city() {
        let g = Gazetteer::builtin();
        for (text, want) in [
            ("Glide bombs fell on Kharkiv City overnight.", "Kharkiv"),
            ("Drones struck Sumy City again.", "Sumy"),
            ("Shelling hit Kherson City.", "Kherson"),
        ] {
            let m = g.tag(text, None);
            assert_eq!(m.len(), 1, "{text}");
            let r = g.region(m[0].region);
            assert_eq!(
                (r.name.as_str(), r.kind),
                (want, RegionKind::Town),
                "{text}"
            );
        }
    }

    #[test]
    fn distances() {
        let km = |a: (f32, f32), b: (f32, f32)| {
            degrees2(a.0, a.1, b.0, b.1, a.0.to_radians().cos()).sqrt() * KM_PER_DEGREE
        };
        // Kyiv to Kharkiv is about 410 km; Pokrovsk to Myrnohrad about 7.
        let d = km((50.45, 30.52), (49.99, 36.23));
        assert!((400.0..420.0).contains(&d), "{d}");
        let d = km((48.28, 37.18), (48.31, 37.27));
        assert!((5.0..9.0).contains(&d), "{d}");
    }
}
