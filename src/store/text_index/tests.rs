//! The index against the exact scan: every needle, typed letter by letter,
//! finds through the index what the scan finds.

use super::*;
use crate::store::{TextMatcher, fold_case};

/// Texts of my own, in English, Ukrainian and Russian, with punctuation,
/// diacritics and words that start inside other words.
const TEXTS: [&str; 12] = [
    "Drones struck a depot near the river port overnight",
    "An anti-drone unit shot down 14 of 20 drones, officials said",
    "The hydroelectric dam was shelled again on Tuesday",
    "Officials  said the school in Zaporižžja was hit",
    "Вночі дрони атакували Харків, повідомив мер",
    "У Харкові пролунали вибухи",
    "В Харькове ночью прогремели взрывы, сообщил губернатор",
    "Kyiv's mayor said 1,000 people sheltered in the metro",
    "Shelling of Kherson killed two; Kharkiv was calm",
    "drone-maker Ukroboronprom said output doubled",
    "The café on Łódź street reopened",
    "Sirens sounded; no drones were seen",
];

/// Titles and outlets of the texts' articles (two events each).
const DOCS: [&str; 6] = [
    "river attack reuters",
    "дрони над містом укрінформ",
    "dam damage ap",
    "харків сьогодні суспільне",
    "kherson update kyiv independent",
    "night of sirens tass",
];

fn folded() -> Vec<String> {
    TEXTS.iter().map(|t| fold_case(t)).collect()
}

fn index(texts: &[String]) -> TextIndex {
    index_with(texts, Some(1))
}

/// The index, with its pairs for the words held by `frequent_min` events or
/// more (`None`: the pairs not built, as before the second pass).
fn index_with(texts: &[String], frequent_min: Option<u64>) -> TextIndex {
    let ix = TextIndex::build(
        texts.len(),
        |i| &texts[i],
        DOCS.len(),
        |i| i / 2,
        |d| DOCS[d],
    );
    if let Some(min) = frequent_min {
        ix.build_followers_from(|i| &texts[i], DOCS.len(), |i| i / 2, |d| DOCS[d], min);
    }
    ix
}

/// What the exact scan finds: events whose text or article holds the needle.
fn scanned(texts: &[String], needle: &str) -> RoaringBitmap {
    let m = TextMatcher::new(needle).unwrap();
    (0..texts.len() as u32)
        .filter(|&i| {
            m.is_match_folded(&texts[i as usize]) || m.is_match_folded(DOCS[i as usize / 2])
        })
        .collect()
}

/// What the index finds, with the exact check on its candidates.
fn indexed(ix: &TextIndex, texts: &[String], needle: &str) -> RoaringBitmap {
    let m = TextMatcher::new(needle).unwrap();
    match ix.lookup(m.folded()) {
        Lookup::Exact(found) => found,
        Lookup::Candidates(c) => c
            .iter()
            .filter(|&i| {
                m.is_match_folded(&texts[i as usize]) || m.is_match_folded(DOCS[i as usize / 2])
            })
            .collect(),
        Lookup::NoWord => scanned(texts, needle),
    }
}

#[test]
fn every_prefix_typed_finds_what_the_scan_finds() {
    let texts = folded();
    let needles = [
        "drone",
        "Drones struck",
        "officials sa",
        "kyiv's",
        "1,000",
        "харк",
        "Харькове ночью",
        "zaporizz",
        "cafe",
        "łodz",
        "anti-dr",
        "sirens",
        "dam",
        "hydro",
        "tass",
        "ДРОНИ",
        "- ",
        "officials said the school",
        "said the",
        "sirens sounded no",
        "drones were s",
        "night of sir",
        "shot down 14 of",
        "у харкові пролунали",
        "kyiv's mayor sa",
        "the river",
        "drones offic",
        "sounded no",
    ];
    // Every word frequent, some (held by two events or more), none, and
    // the pairs not built yet.
    for frequent_min in [Some(1), Some(2), Some(u64::MAX), None] {
        let ix = index_with(&texts, frequent_min);
        every_prefix_is_found(&ix, &texts, &needles, frequent_min);
    }
}

/// Each needle of `needles`, typed letter by letter, finds through `ix`
/// what the scan finds.
fn every_prefix_is_found(
    ix: &TextIndex,
    texts: &[String],
    needles: &[&str],
    frequent_min: Option<u64>,
) {
    for needle in needles {
        let chars: Vec<char> = needle.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            if TextMatcher::new(&typed).is_none() {
                continue;
            }
            assert_eq!(
                indexed(ix, texts, &typed),
                scanned(texts, &typed),
                "needle {typed:?}, frequent from {frequent_min:?} events"
            );
        }
    }
}

#[test]
fn one_word_and_a_frequent_pair_are_answered_exactly_and_other_needles_give_candidates() {
    let texts = folded();
    let ix = index(&texts);
    // "dro" starts "drones", "drone" and "дрони" does not count: 0, 1, 9, 11.
    let dro: Vec<u32> = match ix.lookup("dro") {
        Lookup::Exact(b) => b.iter().collect(),
        other => panic!("expected an exact answer, got {other:?}"),
    };
    assert_eq!(dro, [0, 1, 9, 11]);
    // A word of the article's title counts for each of its events.
    assert!(ix.prefix("tass").contains(10) && ix.prefix("tass").contains(11));
    // Two words with one space between, the first frequent: exact, from
    // the kept pairs; with no word frequent, candidates to check.
    match ix.lookup("officials sa") {
        Lookup::Exact(b) => assert_eq!(b.iter().collect::<Vec<_>>(), [1, 3]),
        other => panic!("expected an exact answer, got {other:?}"),
    }
    assert!(matches!(
        index_with(&texts, None).lookup("officials sa"),
        Lookup::Candidates(_)
    ));
    // Three words, or punctuation: candidates.
    assert!(matches!(
        ix.lookup("officials said the"),
        Lookup::Candidates(_)
    ));
    assert!(matches!(ix.lookup("kyiv's"), Lookup::Candidates(_)));
    // A whole word the texts lack answers at once: nothing.
    assert_eq!(
        ix.lookup("officialz sa"),
        Lookup::Exact(RoaringBitmap::new())
    );
    assert_eq!(ix.lookup("-"), Lookup::NoWord);
    // The word "hydroelectric" is not found by "electric".
    assert!(!ix.prefix("electric").contains(2));
}

#[test]
fn short_prefixes_equal_the_union_of_their_words() {
    let texts = folded();
    let ix = index(&texts);
    for (p, bitmap) in &ix.short {
        assert_eq!(bitmap, &ix.words_from(p).union(), "prefix {p:?}");
    }
    assert!(ix.short.contains_key("х") && ix.short.contains_key("ха"));
    assert_eq!(ix.events(), 12);
}
