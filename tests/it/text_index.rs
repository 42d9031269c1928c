//! The text filter's word-prefix index (issue 16, item 3) against the scan
//! it replaces: the same slice for every prefix typed letter by letter,
//! alone and with the other filters, before and after the index's pairs of
//! frequent words are built; the pane counts, counted from the
//! store's totals when a slice holds most of it, against counting every
//! event; and the terminal app's keys typed in one burst making one query.

use std::collections::{BTreeSet, HashMap};

use frontlog::places::Gazetteer;
use frontlog::query::{FacetMemo, Query};
use frontlog::store::text_index::Lookup;
use frontlog::store::{EventStore, fold_case};
use frontlog::synth::{Generator, extracted};

use crate::tui_support::{demo_state, press, type_text};

/// A store of generated articles (the project's own generator).
fn generated_store(articles: usize) -> EventStore {
    let g = Gazetteer::builtin();
    let (docs, events) = extracted(&mut Generator::new(11, g), 1..articles + 1, g);
    EventStore::from_parts(docs, events, g)
}

/// Needles typed letter by letter: every prefix of some words and phrases
/// of the store's own events, folded or not, and a few with punctuation.
fn needles(store: &EventStore) -> Vec<String> {
    let mut whole: Vec<String> = ["'s", "-", "(", "1", "kyiv's", "Air def", "ДРОН", "хар"]
        .map(String::from)
        .to_vec();
    for (k, e) in store.events().iter().enumerate().step_by(37).take(12) {
        let text = e.text(store.doc_of(e));
        let words: Vec<&str> = text.split_whitespace().collect();
        if let Some(w) = words.get(k % words.len().max(1)) {
            whole.push((*w).to_owned());
        }
        if words.len() > 3 {
            whole.push(words[1..3].join(" "));
        }
        if words.len() > 5 {
            whole.push(words[2..5].join(" "));
        }
    }
    let mut typed = Vec::new();
    for w in whole {
        let chars: Vec<char> = w.chars().collect();
        for n in 1..=chars.len() {
            typed.push(chars[..n].iter().collect());
        }
    }
    typed
}

#[test]
fn the_index_cuts_the_same_slices_as_the_scan() {
    let store = generated_store(150);
    assert!(store.text_index().is_none());
    let region = store
        .regions_present()
        .max_by_key(|&r| (store.events_in_region(r).len(), r));
    let days = store.events()[store.events().len() / 2].date.first;
    let queries: Vec<Query> = needles(&store)
        .into_iter()
        .flat_map(|text| {
            let alone = Query {
                text: text.clone(),
                ..Query::default()
            };
            let with_others = Query {
                text,
                regions: region.into_iter().collect(),
                from: Some(days - chrono::Duration::days(90)),
                to: Some(days + chrono::Duration::days(90)),
                ..Query::default()
            };
            [alone, with_others]
        })
        .collect();
    let scanned: Vec<_> = queries.iter().map(|q| q.slice(&store)).collect();
    let index = store.build_text_index();
    assert_eq!(index.events() as usize, store.events().len());
    assert!(index.vocabulary() > 100);
    let (mut matched, mut narrowed) = (0, 0);
    for (k, (q, before)) in queries.iter().zip(&scanned).enumerate() {
        let after = q.slice(&store);
        assert_eq!(&after, before, "query {:?}", q.text);
        if k % 2 == 0 {
            matched += usize::from(!after.events.is_empty());
        } else {
            narrowed += usize::from(!after.events.is_empty());
        }
    }
    // The comparison means something: most needles alone find events, and
    // some still do with the region and dates.
    assert!(
        matched > queries.len() / 4,
        "{matched} of {}",
        queries.len() / 2
    );
    assert!(narrowed > 0);
    // With the pairs of frequent words, which answer two-word phrases from
    // bitmaps alone, every slice is still the scan's.
    let index = store.build_text_pairs();
    assert!(index.pairs() > 100, "{} pairs", index.pairs());
    let mut paired = 0;
    for (q, before) in queries.iter().zip(&scanned) {
        assert_eq!(&q.slice(&store), before, "query {:?} with pairs", q.text);
        let folded = fold_case(q.text.trim());
        paired +=
            usize::from(folded.contains(' ') && matches!(index.lookup(&folded), Lookup::Exact(_)));
    }
    // Some phrases were answered from the pairs alone.
    assert!(paired > 0, "no phrase was answered from the pairs");
}

#[test]
fn keys_typed_in_one_burst_make_one_query() {
    let mut s = demo_state(160, 40);
    let all = s.visible.clone();
    press(&mut s, "/");
    // The event loop holds requeries while it takes a burst of typed keys.
    s.hold_requery = true;
    type_text(&mut s, "drone");
    assert_eq!(s.query.text, "drone");
    assert_eq!(s.visible, all, "no query ran while the keys came");
    s.release_requery();
    assert!(!s.visible.is_empty() && s.visible.len() < all.len());
    assert_eq!(s.visible, s.query.run(&s.store));
}

#[test]
fn pane_counts_equal_counting_every_event_of_the_slice() {
    let store = generated_store(120);
    store.build_text_index();
    let n = store.events().len();
    let region = store
        .regions_present()
        .max_by_key(|&r| (store.events_in_region(r).len(), r));
    let mut big = 0;
    // Single letters match most events (counted from the totals), longer
    // prefixes few (counted directly); a region filter makes the regions
    // pane count a query of its own.
    for text in ["a", "t", "s", "o", "th", "dr", "kyiv", ""] {
        for regions in [BTreeSet::new(), region.into_iter().collect()] {
            let q = Query {
                text: text.to_owned(),
                regions,
                ..Query::default()
            };
            let slice = q.run(&store);
            big += usize::from(slice.len() * 2 > n);
            let facets = q.facets(&store, &slice, &mut FacetMemo::default());
            let without_regions = Query {
                regions: BTreeSet::new(),
                ..q.clone()
            }
            .run(&store);
            let mut regions: HashMap<u32, u32> = HashMap::new();
            for &i in &without_regions {
                for &r in store.events()[i as usize].regions.iter() {
                    *regions.entry(r).or_default() += 1;
                }
            }
            assert_eq!(facets.regions, regions, "regions, query {q:?}");
            let mut sources = vec![0; store.sources().len()];
            let mut kinds = vec![0; frontlog::kinds::labels().len()];
            for &i in &slice {
                let e = &store.events()[i as usize];
                sources[store.source_of(e) as usize] += 1;
                if let Some(k) = frontlog::kinds::of(e) {
                    kinds[usize::from(k)] += 1;
                }
            }
            assert_eq!(facets.sources, sources, "sources, query {q:?}");
            assert_eq!(facets.kinds, kinds, "types, query {q:?}");
        }
    }
    assert!(big >= 3, "only {big} slices held most of the store");
}

#[test]
fn the_pane_counts_follow_every_key_typed_whether_the_slice_changes_or_not() {
    use frontlog::store::tally::Tally;
    let mut s = demo_state(160, 40);
    press(&mut s, "/");
    // Some keys narrow the slice, others (inside a word no other word
    // starts with) leave it as it was, and the counts are then kept.
    let mut unchanged = 0;
    for c in "drones struck".chars() {
        let before = s.visible.clone();
        type_text(&mut s, &c.to_string());
        unchanged += usize::from(s.visible == before);
        assert_eq!(s.visible, s.query.run(&s.store), "after {:?}", s.query.text);
        assert_eq!(
            s.tally,
            Tally::of(&s.store, &s.visible),
            "after {:?}",
            s.query.text
        );
    }
    assert!(unchanged > 0, "no key left the slice as it was");
    // Emptying the filter brings every event back, and their counts.
    press(&mut s, "Esc");
    assert_eq!(s.tally, Tally::of(&s.store, &s.visible));
}
