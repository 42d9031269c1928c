//! Region names as people type them (`--region Odessa`): the places a name
//! can stand for, which one is taken, and what to say about the others.
//!
//! A name such as "Donetsk" or "Odesa" is both a city and the oblast named
//! after it, and the gazetteer's own lookup takes the city; a user filtering
//! war news by "Donetsk" nearly always means the oblast, which holds the
//! city's events and the rest. So when one reading contains the others, the
//! widest is taken (its slice is a superset); when they are unrelated (a
//! country and a town elsewhere), the one with the most events in this
//! corpus, and on a tie the gazetteer's choice. Either way the caller is told
//! which was taken and how to ask for each other reading, with its count.
//!
//! A kind word after the name (`"Donetsk city"`, `"Georgia country"`; the
//! words are data, `assets/cli/place_kinds.txt`) picks a reading outright.
//! This module only reads the gazetteer; it adds no name to it.

use crate::places::{Gazetteer, RegionId, RegionKind};
use crate::store::EventStore;

/// The kind words, `word kind` per line (`assets/cli/place_kinds.txt`).
const PLACE_KINDS: &str = include_str!("../assets/cli/place_kinds.txt");

/// One place a typed name can stand for, with its events in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The place.
    pub id: RegionId,
    /// Events placed in it or inside it.
    pub events: usize,
}

/// The place taken for a typed name, and the other places it could mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The reading taken.
    pub taken: Reading,
    /// The other readings, in the gazetteer's order of preference.
    pub others: Vec<Reading>,
}

/// The kind a kind word asks for (`city` → town), if `word` is one.
fn kind_word(word: &str) -> Option<RegionKind> {
    PLACE_KINDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(char::is_whitespace))
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .and_then(|(_, k)| match k.trim() {
            "town" => Some(RegionKind::Town),
            "region" => Some(RegionKind::Region),
            "country" => Some(RegionKind::Country),
            _ => None,
        })
}

/// Splits a trailing kind word off a typed name: `"Donetsk city"` →
/// (`"Donetsk"`, town). A name that is only a kind word is left whole.
fn split_kind(name: &str) -> (&str, Option<RegionKind>) {
    let name = name.trim();
    if let Some((stem, word)) = name.rsplit_once(char::is_whitespace)
        && let Some(kind) = kind_word(word)
        && !stem.trim().is_empty()
    {
        return (stem.trim(), Some(kind));
    }
    (name, None)
}

/// Every place `name` can stand for, the gazetteer's choice first: that
/// choice, the region named after it ("Donetsk" → "Donetsk Oblast"), and
/// every place whose display name it is (any case). No repeats.
pub fn readings(g: &Gazetteer, name: &str) -> Vec<RegionId> {
    let (stem, kind) = split_kind(name);
    let mut out: Vec<RegionId> = Vec::new();
    let mut add = |id: Option<RegionId>| {
        if let Some(id) = id
            && !out.contains(&id)
        {
            out.push(id);
        }
    };
    add(g.lookup(stem));
    add(g.lookup(&format!("{stem} oblast")));
    for id in 0..g.len() as RegionId {
        if g.region(id).name.eq_ignore_ascii_case(stem) {
            add(Some(id));
        }
    }
    // A town typed in another script ("Харків") stands for its oblast as
    // its English name does ("Kharkiv"): the region named after the town.
    let named_after: Vec<RegionId> = out
        .iter()
        .filter(|&&id| g.region(id).kind == RegionKind::Town)
        .filter_map(|&town| g.lookup(&format!("{} oblast", g.region(town).name)))
        .collect();
    for id in named_after {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if let Some(kind) = kind {
        out.retain(|&id| g.region(id).kind == kind);
    }
    out
}

/// Whether `outer` contains `inner` (or is it).
fn contains(g: &Gazetteer, outer: RegionId, inner: RegionId) -> bool {
    g.is_within(inner, outer)
}

/// The reading taken for `name` in this store, and the others; `None` when
/// the name stands for no known place.
pub fn choose(store: &EventStore, name: &str) -> Option<Choice> {
    let g = store.gazetteer();
    let all: Vec<Reading> = readings(g, name)
        .into_iter()
        .map(|id| Reading {
            id,
            events: store.events_in_region(id).len(),
        })
        .collect();
    let taken = pick(g, &all)?;
    let mut others = all;
    let taken = others.remove(taken);
    // A namesake elsewhere with no event in this corpus (a Russian town
    // named like a Ukrainian oblast) is no alternative worth offering; one
    // inside the place taken is, even empty (it tells the city is quiet).
    others.retain(|o| o.events > 0 || contains(g, taken.id, o.id));
    Some(Choice { taken, others })
}

/// Which of the readings to take: the one that contains all the others (its
/// slice is a superset of theirs), else the one with the most events; on a
/// tie the one containing the most of the others, then the earliest (the
/// gazetteer's choice comes first). `None` when there is none.
pub fn pick(g: &Gazetteer, all: &[Reading]) -> Option<usize> {
    let inside = |r: &Reading| all.iter().filter(|o| contains(g, r.id, o.id)).count();
    let widest = all.iter().position(|r| inside(r) == all.len());
    widest.or_else(|| {
        let best = all.iter().map(|r| (r.events, inside(r))).max()?;
        all.iter().position(|r| (r.events, inside(r)) == best)
    })
}

/// What a user types to get exactly this place: its display name, with a
/// kind word when the bare name would mean more than one place.
pub fn how_to_ask(g: &Gazetteer, id: RegionId) -> String {
    let name = g.region(id).name.clone();
    if readings(g, &name).len() <= 1 {
        return name;
    }
    let word = match g.region(id).kind {
        RegionKind::Town => "city",
        RegionKind::Country => "country",
        RegionKind::Region => return name,
    };
    format!("{name} {word}")
}

/// A place for a message: "Donetsk (town in Donetsk Oblast)".
pub fn describe(g: &Gazetteer, id: RegionId) -> String {
    let r = g.region(id);
    let kind = match r.kind {
        RegionKind::Country => "country",
        RegionKind::Region => "region",
        RegionKind::Town => "town",
    };
    match r.parent {
        Some(p) => format!("{} ({kind} in {})", r.name, g.region(p).name),
        None => format!("{} ({kind})", r.name),
    }
}

/// The note for a name that stands for several places, or `None` when it
/// stands for one: `"Donetsk" is taken as Donetsk Oblast (region in
/// Ukraine), 57 events; also Donetsk (town in Donetsk Oblast), 12 events:
/// "Donetsk city"`.
pub fn note(g: &Gazetteer, name: &str, choice: &Choice) -> Option<String> {
    if choice.others.is_empty() {
        return None;
    }
    let others: Vec<String> = choice
        .others
        .iter()
        .map(|r| {
            format!(
                "{}, {}: \"{}\"",
                describe(g, r.id),
                events(r.events),
                how_to_ask(g, r.id)
            )
        })
        .collect();
    Some(format!(
        "\"{}\" is taken as {}, {}; also {}",
        name.trim(),
        describe(g, choice.taken.id),
        events(choice.taken.events),
        others.join("; ")
    ))
}

/// Up to `n` names close to an unknown `name`, each with its event count,
/// and the region named after each suggested town after it (a user who
/// misspells "Zaporizhzhia" may want the oblast).
pub fn suggest(store: &EventStore, name: &str, n: usize) -> Vec<String> {
    let g = store.gazetteer();
    let (stem, _) = split_kind(name);
    let mut ids: Vec<RegionId> = Vec::new();
    for s in g.suggest(stem, n) {
        for id in readings(g, &s) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    // Namesakes share a spelling: each spelling once, with its busiest place.
    let mut out: Vec<(String, usize)> = Vec::new();
    for id in ids {
        let (ask, n) = (how_to_ask(g, id), store.events_in_region(id).len());
        match out.iter_mut().find(|(a, _)| *a == ask) {
            Some(seen) => seen.1 = seen.1.max(n),
            None => out.push((ask, n)),
        }
    }
    out.into_iter()
        .map(|(ask, n)| format!("{ask} ({})", events(n)))
        .collect()
}

/// "1 event", "12 events".
pub fn events(n: usize) -> String {
    if n == 1 {
        "1 event".to_owned()
    } else {
        format!("{n} events")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::Region;

    fn gazetteer() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| {
            let r = |name: &str, kind, parent| Region {
                name: name.to_owned(),
                kind,
                parent,
            };
            Gazetteer::from_regions(vec![
                r("Arcadia", RegionKind::Country, None),
                r("Brill Oblast", RegionKind::Region, Some(0)),
                r("Brill", RegionKind::Town, Some(1)),
                r("Coveny", RegionKind::Town, Some(1)),
                r("Dorne", RegionKind::Country, None),
                r("Dorne", RegionKind::Town, Some(1)),
            ])
        })
    }

    #[test]
    fn kind_words_come_from_the_data_file() {
        assert_eq!(split_kind("Brill city"), ("Brill", Some(RegionKind::Town)));
        assert_eq!(
            split_kind(" Dorne  Country "),
            ("Dorne", Some(RegionKind::Country))
        );
        assert_eq!(split_kind("Brill"), ("Brill", None));
        assert_eq!(split_kind("city"), ("city", None), "a kind word alone");
    }

    #[test]
    fn the_widest_reading_is_taken_else_the_busiest() {
        let g = gazetteer();
        let r = |id, events| Reading { id, events };
        // A town and the oblast around it: the oblast, even with fewer events
        // (it holds the town's too).
        assert_eq!(pick(g, &[r(2, 5), r(1, 5)]), Some(1));
        // A country and an unrelated town: the one with more events.
        assert_eq!(pick(g, &[r(4, 3), r(5, 7)]), Some(1));
        // A tie: the gazetteer's choice, first.
        assert_eq!(pick(g, &[r(4, 0), r(5, 0)]), Some(0));
        // A town, its oblast and an unrelated namesake: on a tie of events
        // the oblast, which holds the town.
        assert_eq!(pick(g, &[r(2, 4), r(1, 4), r(4, 0)]), Some(1));
        assert_eq!(pick(g, &[r(3, 2)]), Some(0));
        assert_eq!(pick(g, &[]), None);
    }

    #[test]
    fn a_city_named_like_its_oblast_reads_as_both() {
        let g = Gazetteer::builtin();
        for name in ["Donetsk", "odessa", "Kharkiv"] {
            let ids = readings(g, name);
            let kinds: Vec<RegionKind> = ids.iter().map(|&i| g.region(i).kind).collect();
            assert!(kinds.contains(&RegionKind::Town), "{name}: {ids:?}");
            assert!(kinds.contains(&RegionKind::Region), "{name}: {ids:?}");
            // The kind word keeps the towns of that name only (Donetsk has a
            // namesake in Russia).
            let towns = readings(g, &format!("{name} city"));
            assert!(!towns.is_empty(), "{name} city");
            assert!(towns.iter().all(|&t| g.region(t).kind == RegionKind::Town));
            let oblast = ids[kinds.iter().position(|k| *k == RegionKind::Region).unwrap()];
            let town = *towns
                .iter()
                .find(|&&t| contains(g, oblast, t))
                .expect("the oblast holds a town of its name");
            assert_eq!(how_to_ask(g, town), format!("{} city", g.region(town).name));
            assert_eq!(how_to_ask(g, oblast), g.region(oblast).name);
        }
        assert!(readings(g, "Atlantis").is_empty());
        // The same in Cyrillic: the oblast is a reading too.
        for name in ["Харків", "Харьков"] {
            let ids = readings(g, name);
            assert!(
                ids.iter().any(|&i| g.region(i).kind == RegionKind::Region),
                "{name}: {ids:?}"
            );
        }
    }

    #[test]
    fn the_widest_reading_contains_the_others() {
        let g = gazetteer();
        assert!(contains(g, 1, 2) && contains(g, 0, 2) && contains(g, 2, 2));
        assert!(!contains(g, 2, 1) && !contains(g, 4, 5));
    }

    #[test]
    fn places_are_described_with_their_kind_and_container() {
        let g = gazetteer();
        assert_eq!(describe(g, 2), "Brill (town in Brill Oblast)");
        assert_eq!(describe(g, 4), "Dorne (country)");
        // (Asking for a namesake is checked on the real gazetteer above:
        // `from_regions` cannot settle a shared name.)
        assert_eq!(events(1), "1 event");
        assert_eq!(events(0), "0 events");
    }
}
