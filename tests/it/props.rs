//! Property tests: invariants that must hold for any input, not just the
//! examples of the other tests.
//!
//! - the tagger's spans lie inside the text, on character boundaries, with
//!   start before end, and its intervals never end before they start;
//! - the parser (metadata, boilerplate, sentences) and the extractor never
//!   panic, and every event's spans lie inside its article;
//! - the store is always in chronological order, however it was grown;
//! - a query gives the slice a naive filter gives, and the terminal app and
//!   the export show the same slice for the same filters.

use crate::tui_support;

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;

use frontlog::corpus::document_from_text;
use frontlog::extract::{Event, extract};
use frontlog::places::Gazetteer;
use frontlog::query::Query;
use frontlog::store::EventStore;
use frontlog::timex;

/// Text that looks like news often enough to reach deep into the rules:
/// fragments with dates, places, numbers and page furniture, glued with
/// arbitrary characters (controls and non-ASCII included).
fn newsy_text() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("On February 12, 2025".to_owned()),
        Just(" Kyiv region. ".to_owned()),
        Just("last Thursday ".to_owned()),
        Just("from January to mid-June, 2024".to_owned()),
        Just("Feb. 10–14 ".to_owned()),
        Just("two days later, ".to_owned()),
        Just("Day 1,087.\n".to_owned()),
        Just(" date 2025-02-14\n".to_owned()),
        Just("Subscribe\n* indicates required\n".to_owned()),
        Just("U.S. Gen. J. Smith said “no.” ".to_owned()),
        Just("the 1990s and 9/11, F-16 ".to_owned()),
        Just("Київ, Харків — 12 лютого ".to_owned()),
        "[0-9]{1,4}".prop_map(|s| s),
        "[a-zA-Z .,;:!?'’\"“”()\\n-]{0,40}".prop_map(|s| s),
        any::<String>(),
    ];
    proptest::collection::vec(fragment, 0..12).prop_map(|parts| parts.concat())
}

fn dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1990i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tagger_spans_are_sound(text in newsy_text(), dct in dct()) {
        for t in timex::tag(&text, dct) {
            prop_assert!(t.start < t.end && t.end <= text.len(), "{t:?}");
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{t:?}");
            if let Some(i) = t.interval {
                prop_assert!(i.first <= i.last, "{t:?}");
            }
        }
    }

    #[test]
    fn parsing_and_extraction_never_panic_and_stay_inside(text in newsy_text(), dct in dct()) {
        let mut warnings = Vec::new();
        let mut doc = document_from_text("p".into(), Path::new("p.md"), text.clone(), None, &mut warnings);
        if dct.is_some() {
            doc.published.value = dct;
        }
        if let Some(span) = &doc.title_span {
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        for e in extract(&doc, 0, Gazetteer::builtin()) {
            prop_assert!(e.date.first <= e.date.last);
            for span in [e.sentence, e.expression, e.paragraph].into_iter().flatten() {
                let r = span.range();
                prop_assert!(r.start <= r.end && r.end <= text.len(), "{e:?}");
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{e:?}");
            }
            if let (Some(s), Some(x)) = (e.sentence, e.expression) {
                prop_assert!(s.start <= x.start && x.end <= s.end, "the date lies in its sentence: {e:?}");
            }
        }
    }

    #[test]
    fn date_filter_input_never_panics(input in any::<String>(), year in 1900i32..2100) {
        if let Ok(r) = frontlog::datefilter::parse_range(&input, year)
            && let (Some(f), Some(t)) = (r.from, r.to)
        {
            prop_assert!(f <= t);
        }
    }
}

/// The timeline's order key, as the store defines it.
fn key(e: &Event) -> (NaiveDate, NaiveDate, u32, bool, u32) {
    (
        e.date.first,
        e.date.last,
        e.doc,
        !e.headline,
        e.sentence.map_or(0, |s| s.start),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn the_store_stays_sorted_however_it_grows(cuts in proptest::collection::vec(0usize..400, 0..6)) {
        let full = tui_support::synthetic_store(400, 60);
        let docs = full.documents().to_vec();
        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c % (docs.len() + 1)).collect();
        bounds.push(0);
        bounds.push(docs.len());
        bounds.sort_unstable();
        bounds.dedup();
        let mut grown = EventStore::new(full.gazetteer());
        for w in bounds.windows(2) {
            let events: Vec<Event> = full
                .events()
                .iter()
                .filter(|e| (w[0]..w[1]).contains(&(e.doc as usize)))
                .map(|e| Event { doc: e.doc - w[0] as u32, ..e.clone() })
                .collect();
            grown.extend(docs[w[0]..w[1]].to_vec(), events);
            prop_assert!(grown.events().windows(2).all(|p| key(&p[0]) <= key(&p[1])));
        }
        prop_assert_eq!(grown.events(), full.events());
    }

    #[test]
    fn a_query_gives_what_a_naive_filter_gives(
        regions in proptest::collection::btree_set(0u32..9, 0..3),
        sources in proptest::collection::btree_set(0u32..4, 0..3),
        from in proptest::option::of(0i64..60),
        len in 0i64..30,
        text in prop_oneof![Just(String::new()), Just("drone".to_owned()), Just("KRAMATORSK".to_owned()), Just("zzz".to_owned())],
        include_coarser in proptest::bool::ANY,
    ) {
        let store = tui_support::synthetic_store(3000, 60);
        let day0 = tui_support::day0();
        let query = Query {
            from: from.map(|f| day0 + chrono::Duration::days(f)),
            to: from.map(|f| day0 + chrono::Duration::days(f + len)),
            regions,
            sources: sources.into_iter().filter(|&s| (s as usize) < store.sources().len()).collect(),
            text,
            kinds: Default::default(),
            include_coarser,
        };
        let needle = query.text.to_lowercase();
        let precision = frontlog::datefilter::range_precision(query.from, query.to);
        // Overlapping the dates, and inside them or as fine as they are.
        let overlaps = |e: &Event| query.from.is_none_or(|f| e.date.last >= f)
            && query.to.is_none_or(|t| e.date.first <= t);
        let inside = |e: &Event| query.from.is_none_or(|f| e.date.first >= f)
            && query.to.is_none_or(|t| e.date.last <= t);
        let matches = |i: &u32| {
                let e = &store.events()[*i as usize];
                let doc = store.doc_of(e);
                overlaps(e)
                    && (query.regions.is_empty() || e.regions.iter().any(|r| query.regions.contains(r)))
                    && (query.sources.is_empty() || query.sources.contains(&store.source_of(e)))
                    && (needle.is_empty()
                        || e.text(doc).to_lowercase().contains(&needle)
                        || doc.title_or_name().to_lowercase().contains(&needle)
                        || doc.source_or_unknown().to_lowercase().contains(&needle))
        };
        let fine = |i: &u32| {
            let e = &store.events()[*i as usize];
            inside(e) || e.date.precision <= precision
        };
        let all = 0..store.events().len() as u32;
        let shown: Vec<u32> = all.clone().filter(|i| matches(i) && (include_coarser || fine(i))).collect();
        let coarser: Vec<u32> = all.filter(|i| matches(i) && !fine(i)).collect();
        let slice = query.slice(&store);
        prop_assert_eq!(&slice.events, &shown);
        prop_assert_eq!(&slice.coarser, &coarser);
        prop_assert_eq!(query.run(&store), shown);
    }

    #[test]
    fn the_app_and_the_export_show_the_same_slice(
        region_steps in 0usize..4,
        source_steps in 0usize..4,
        dates in prop_oneof![Just(""), Just("2025-02-10..2025-02-20"), Just("2025-02"), Just("..2025-02-05")],
        text in prop_oneof![Just(""), Just("drone"), Just("strike")],
    ) {
        let mut s = tui_support::state_of(tui_support::synthetic_store(2000, 60), 120, 40, false);
        // Choose a region and a source by moving down their panes, as a user would.
        let mut keys = vec!["Tab"];
        keys.extend(std::iter::repeat_n("j", region_steps));
        keys.extend(["Space", "Tab"]);
        keys.extend(std::iter::repeat_n("j", source_steps));
        keys.extend(["Space", "Tab", "Tab"]);
        tui_support::press(&mut s, &keys.join(" "));
        if !dates.is_empty() {
            tui_support::press(&mut s, "d");
            tui_support::type_text(&mut s, dates);
            tui_support::press(&mut s, "Enter");
        }
        if !text.is_empty() {
            tui_support::press(&mut s, "/");
            tui_support::type_text(&mut s, text);
            tui_support::press(&mut s, "Enter");
        }
        // The export builds its query from the same filters, independently.
        let range = frontlog::datefilter::parse_range(dates, s.year).unwrap();
        let export_query = Query {
            from: range.from,
            to: range.to,
            regions: s.query.regions.clone(),
            sources: s.query.sources.clone(),
            text: text.to_owned(),
            kinds: Default::default(),
            include_coarser: false,
        };
        let export_slice = export_query.slice(&s.store);
        prop_assert_eq!(&s.slice(), &export_slice);
        let now = chrono::Utc::now();
        let md = frontlog::export::ExportFormat::Markdown;
        prop_assert_eq!(
            frontlog::export::render(&s.store, &s.query, &s.slice(), md, now),
            frontlog::export::render(&s.store, &export_query, &export_slice, md, now)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    #[test]
    fn narrowing_as_text_is_typed_gives_what_a_fresh_run_gives(
        typed in "[a-z ]{1,8}",
        more in "[a-z ]{1,4}",
        region in proptest::option::of(0u32..9),
        day in proptest::option::of(0i64..60),
    ) {
        let store = tui_support::synthetic_store(3000, 60);
        // A day's filter: the month-dated events of the store are coarser.
        let on = day.map(|d| tui_support::day0() + chrono::Duration::days(d));
        let earlier = Query {
            text: typed.clone(),
            regions: region.into_iter().collect(),
            from: on,
            to: on,
            ..Query::default()
        };
        let longer = format!("{typed}{more}");
        let later = Query { text: longer.clone(), ..earlier.clone() };
        let slice = earlier.slice(&store);
        if let Some(narrowed) = later.narrow(&store, &earlier, &slice) {
            prop_assert_eq!(narrowed, later.slice(&store));
        } else {
            let extends = longer.trim().contains(typed.trim());
            prop_assert!(typed.trim().is_empty() || !extends);
        }
    }
}
