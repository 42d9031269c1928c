//! Compaction keeps what is read and changes nothing anybody sees.

use std::path::Path;

use super::*;
use crate::cluster::{features, reprints};
use crate::places::Gazetteer;

/// An article of our own: a dateline, a long lead, filler paragraphs
/// without dates, one dated paragraph deep inside, and more filler.
fn article(filler: &str) -> String {
    let mut text = String::from(
        "---\ntitle: Harbour town counts the damage\nsource: Test Wire\npublished: 2025-03-14\n---\n",
    );
    text.push_str(
        "ODESA, March 14 (Test Wire) - Residents of the harbour town swept glass from the streets on Friday after a long night of alarms, and the port authority said it would reopen the grain berths within days.\n\n",
    );
    for i in 0..40 {
        text.push_str(&format!(
            "{filler} Paragraph {i} recalls the harbour's history, its old cranes, its fishing fleet and the market that sells dried fish to visitors.\n\n"
        ));
    }
    text.push_str("Drones struck the grain terminal in Izmail on Wednesday, the regional governor said, injuring two dockers.\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Closing paragraph {i} describes the élan of the fishermen.\n\n"
        ));
    }
    text
}

fn extracted(text: String) -> (Document, Vec<Event>) {
    let mut warnings = Vec::new();
    let doc = crate::corpus::document_from_text(
        "harbour".into(),
        Path::new("harbour.md"),
        text,
        None,
        &mut warnings,
    );
    let events = crate::extract::extract(&doc, 0, Gazetteer::builtin());
    (doc, events)
}

#[test]
fn the_kept_text_is_small_and_every_event_reads_as_before() {
    let (mut doc, mut events) = extracted(article("Ünïcode filler here."));
    let whole = doc.clone();
    let before: Vec<_> = events
        .iter()
        .map(|e| {
            let chars = e
                .sentence
                .map(|s| whole.text[..s.start as usize].chars().count());
            let paragraph = e.paragraph.map(|p| whole.text[p.range()].to_owned());
            (e.text(&whole), e.id(&whole), chars, paragraph)
        })
        .collect();
    assert!(
        events.iter().any(|e| !e.headline),
        "the dated paragraph gives an event"
    );
    let mut keys = crate::ingest::repeated::keys(&doc);
    compact(&mut doc, &mut events, &mut keys);
    assert!(doc.is_compacted());
    assert_eq!(doc.text_bytes(), whole.text.len() as u64);
    assert!(
        doc.text.len() * 3 < whole.text.len(),
        "kept {} of {} bytes",
        doc.text.len(),
        whole.text.len()
    );
    let after: Vec<_> = events
        .iter()
        .map(|e| {
            let chars = e.sentence.and_then(|s| doc.source_char(s.start as usize));
            let paragraph = e.paragraph.map(|p| doc.text[p.range()].to_owned());
            (e.text(&doc), e.id(&doc), chars, paragraph)
        })
        .collect();
    assert_eq!(before, after);
    assert_eq!(doc.title_or_name(), whole.title_or_name());
}

#[test]
fn clustering_reads_the_same_lead_and_reprints_still_match() {
    let (mut a, mut events_a) = extracted(article("Filler one."));
    let whole = a.clone();
    let mut keys = crate::ingest::repeated::keys(&a);
    compact(&mut a, &mut events_a, &mut keys);
    assert_eq!(features::lead_terms(&a), features::lead_terms(&whole));
    // The same story carried twice, one copy whole and one compacted,
    // beside an unrelated article: the two copies are one reprint group.
    let (other, _) = extracted(article("Something else entirely.").replace("harbour", "village"));
    let groups = reprints::reprint_groups(&[whole, a, other]);
    assert_eq!(groups[0], groups[1]);
}

#[test]
fn repeated_lines_count_from_the_whole_text_and_events_still_match_them() {
    // A short dated line (no story prose): furniture when three files hold it.
    let text = article("Filler.").replace(
        "Drones struck the grain terminal in Izmail on Wednesday, the regional governor said, injuring two dockers.",
        "Drones struck Izmail on Wednesday.",
    );
    let (mut doc, mut events) = extracted(text);
    let mut keys = crate::ingest::repeated::keys(&doc);
    let mut tally = crate::ingest::repeated::Tally::default();
    compact(&mut doc, &mut events, &mut keys);
    // Three files holding the same lines: each line is furniture, and the
    // event's paragraph (a line of the kept text) is found among them.
    for _ in 0..3 {
        tally.add(keys.clone());
    }
    let repeated = tally.finish();
    assert!(repeated.lines > 40, "the filler lines still count");
    let dated = events
        .iter()
        .find(|e| !e.headline && e.text(&doc).contains("Izmail"))
        .unwrap();
    // Event indexes are of the first file (article 0).
    assert!(repeated.holds(dated));
}

#[test]
fn an_undated_article_counts_its_unplaced_dates_before_it_is_cut() {
    let text = article("Filler.").replace("published: 2025-03-14\n", "");
    let (mut doc, mut events) = extracted(text.clone());
    assert!(doc.published.value.is_none());
    let expected = crate::undated::unplaced_dates(&text[doc.body_start..]);
    assert!(expected > 0);
    let mut keys = crate::ingest::repeated::keys(&doc);
    compact(&mut doc, &mut events, &mut keys);
    assert_eq!(doc.unplaced, Some(expected as u32));
}

#[test]
fn a_short_article_is_left_whole() {
    let (mut doc, mut events) = extracted(
        "Drones struck the port of Izmail on 12 March 2025, the governor said.\n".to_owned(),
    );
    let text = doc.text.clone();
    let mut keys = crate::ingest::repeated::keys(&doc);
    compact(&mut doc, &mut events, &mut keys);
    assert!(!doc.is_compacted());
    assert_eq!(doc.text, text);
}
