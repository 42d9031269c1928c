//! The cue words the tagger reads around a place name, loaded from
//! `assets/gazetteer/cues.toml` (data, not code): region suffixes, title
//! words, the heads of event names, precision cues and phrases that never
//! name a place. This module only holds the lists and answers membership
//! questions; `scan` decides what the words mean.

use serde::Deserialize;

use rustc_hash::FxHashSet as HashSet;

/// Phrases of lower-case words grouped by their last word, so that the
/// words before a name are compared only with the phrases their nearest
/// word can end.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Last word → the words before it of each phrase ending so, in
    /// reading order (empty for a one-word phrase).
    groups: Vec<(String, Vec<Vec<String>>)>,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let mut groups: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for phrase in list {
            let mut words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            let Some(last) = words.pop() else { continue };
            match groups.iter_mut().find(|(l, _)| *l == last) {
                Some((_, rest)) => rest.push(words),
                None => groups.push((last, vec![words])),
            }
        }
        Phrases { groups }
    }

    /// The phrases (less their last word) that end with `word`, any case.
    pub fn ending_with(&self, word: &str) -> &[Vec<String>] {
        self.groups
            .iter()
            .find(|(last, _)| word.eq_ignore_ascii_case(last))
            .map_or(&[], |(_, rest)| rest.as_slice())
    }
}

/// The lists of `cues.toml`, as read.
#[derive(Debug, Default, Deserialize)]
struct CuesFile {
    region_suffixes: Vec<String>,
    region_adjectives: Vec<String>,
    town_suffixes: Vec<String>,
    part_suffixes: Vec<String>,
    near_cues: Vec<String>,
    settlement_words: Vec<String>,
    event_heads: Vec<String>,
    org_heads: Vec<String>,
    place_adjectives: Vec<String>,
    sentence_openers: Vec<String>,
    titles: Vec<String>,
    title_of: Vec<String>,
    after_the_not_town: Vec<String>,
    never: Vec<String>,
    cyrillic_cases: Vec<CaseRule>,
    cyrillic_region_names: Vec<CaseRule>,
    plural_region_suffixes: Vec<String>,
    list_openers: Vec<String>,
    about_words: Vec<String>,
    reference_cues: Vec<String>,
    place_prepositions: Vec<String>,
    topic_prepositions: Vec<String>,
    actor_verbs: Vec<String>,
    addressee_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    actor_nouns: Vec<String>,
    metonym_sites: Vec<String>,
    vessel_heads: Vec<String>,
    speech_verbs: Vec<String>,
    local_titles: Vec<String>,
}

/// One row of the Cyrillic case table: a name ending with `ending` also
/// goes by that ending replaced by each of `forms`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CaseRule {
    pub ending: String,
    pub forms: Vec<String>,
}

/// Rules sorted so that the longest ending is tried first.
fn longest_first(mut rules: Vec<CaseRule>) -> Vec<CaseRule> {
    rules.sort_by_key(|r| std::cmp::Reverse(r.ending.chars().count()));
    rules
}

/// The cue lists, as sets for quick membership tests.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    pub region_suffixes: HashSet<String>,
    pub region_adjectives: HashSet<String>,
    pub town_suffixes: HashSet<String>,
    pub part_suffixes: HashSet<String>,
    /// The near cues, by their last word.
    pub near_cues: Phrases,
    pub settlement_words: Vec<String>,
    pub event_heads: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub place_adjectives: HashSet<String>,
    pub sentence_openers: HashSet<String>,
    /// One-word titles; `titles2` holds the two-word ones ("air force").
    pub titles: HashSet<String>,
    pub titles2: Vec<(String, String)>,
    /// The "title of" phrases, by their last word.
    pub title_of: Phrases,
    pub after_the_not_town: HashSet<String>,
    /// Phrases that never name a place.
    pub never: Vec<String>,
    /// Cyrillic case forms, longest ending first (see `cases`).
    pub cyrillic_cases: Vec<CaseRule>,
    /// Colloquial names of regions from their "-ська область" names
    /// ("Харківщина"), longest ending first, by the same rules.
    pub cyrillic_region_names: Vec<CaseRule>,
    /// Region suffixes that are plural without ending in "s" ("областях").
    pub plural_region_suffixes: HashSet<String>,
    /// Marks between a plural region suffix and the list of stems it
    /// opens ("в трьох областях – Донецькій, Луганській").
    pub list_openers: Vec<String>,
    /// Words after which any place is what a statement is about ("про
    /// Миколаїв" = "about Mykolaiv").
    pub about_words: HashSet<String>,
    /// Compass and distance cues before a reference point, by last word.
    pub reference_cues: Phrases,
    /// Prepositions before the place of a happening (lower-case).
    pub place_prepositions: HashSet<String>,
    /// Prepositions before a country a statement is about (lower-case).
    pub topic_prepositions: HashSet<String>,
    /// Verbs of speech and decision after a place that acts.
    pub actor_verbs: HashSet<String>,
    /// Verbs whose object, a place right after them, is the government or
    /// army addressed ("accused Washington of").
    pub addressee_verbs: HashSet<String>,
    /// Words that may stand between such a place and its verb.
    pub auxiliaries: HashSet<String>,
    /// Nouns of forces and government after a place (or its "'s").
    pub actor_nouns: HashSet<String>,
    /// Nouns of ground and buildings after a metonym that make it the
    /// place itself ("White House grounds", "the Kremlin walls").
    pub metonym_sites: HashSet<String>,
    /// Words for ships before a ship's name.
    pub vessel_heads: HashSet<String>,
    /// Verbs that report a statement.
    pub speech_verbs: HashSet<String>,
    /// Titles of regional and city officials (a subset of `titles`).
    pub local_titles: HashSet<String>,
}

impl Cues {
    /// Parses `cues.toml`. Panics on a malformed file: it is compiled in
    /// and checked by the tests.
    pub fn parse(text: &str) -> Cues {
        let f: CuesFile = toml::from_str(text).expect("assets/gazetteer/cues.toml is malformed");
        let set = |v: Vec<String>| v.into_iter().collect::<HashSet<_>>();
        let mut titles = HashSet::default();
        let mut titles2 = Vec::new();
        for t in f.titles {
            let parts: Vec<&str> = t.split_whitespace().collect();
            match parts.as_slice() {
                [one] => {
                    titles.insert(one.to_string());
                }
                [a, b] => {
                    titles2.push((a.to_string(), b.to_string()));
                }
                _ => {}
            }
        }
        Cues {
            region_suffixes: set(f.region_suffixes),
            region_adjectives: set(f.region_adjectives),
            town_suffixes: set(f.town_suffixes),
            part_suffixes: set(f.part_suffixes),
            near_cues: Phrases::new(&f.near_cues),
            settlement_words: f.settlement_words,
            event_heads: set(f.event_heads),
            org_heads: set(f.org_heads),
            place_adjectives: set(f.place_adjectives),
            sentence_openers: set(f.sentence_openers),
            titles,
            titles2,
            title_of: Phrases::new(&f.title_of),
            after_the_not_town: set(f.after_the_not_town),
            never: f.never,
            reference_cues: Phrases::new(&f.reference_cues),
            place_prepositions: set(f.place_prepositions),
            topic_prepositions: set(f.topic_prepositions),
            actor_verbs: set(f.actor_verbs),
            addressee_verbs: set(f.addressee_verbs),
            auxiliaries: set(f.auxiliaries),
            actor_nouns: set(f.actor_nouns),
            metonym_sites: set(f.metonym_sites),
            vessel_heads: set(f.vessel_heads),
            speech_verbs: set(f.speech_verbs),
            local_titles: set(f.local_titles),
            cyrillic_cases: longest_first(f.cyrillic_cases),
            cyrillic_region_names: longest_first(f.cyrillic_region_names),
            plural_region_suffixes: set(f.plural_region_suffixes),
            list_openers: f.list_openers,
            about_words: set(f.about_words),
        }
    }
}
