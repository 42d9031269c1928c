//! An article's undated lede and the report that dates it.
//!
//! News opens with its main happening told without a date ("Minister
//! Halvorsen has warned that a flood would be disastrous", "the envoy
//! spoke by phone with his counterpart") and dates it further down ("At a
//! briefing on Friday, Halvorsen warned ...", "in its note on the
//! Saturday call, the ministry ..."). Only dated sentences are events, so
//! the lede is none, and the dated report may share few words with another
//! outlet's report that tells it as the lede does.
//!
//! So the lede (the first sentence of the first paragraph that is not the
//! title or a dateline, [`lede`]) stands for the article's first report of
//! the lede's own type: that report is scored as itself and as its lead (the higher of
//! the two similarities, `similarity.rs`), the lede read with the report's
//! date, type and places, when the two name the same actors or the report
//! refers back to the happening the lede names ([`tell_one_happening`]).
//! An article whose lede is dated has no such stand-in: the lede is a
//! report already. Only ledes of statements, calls and talks stand in, as
//! only their actors can be compared (a lede of violence would need its
//! own places).
//! Position is the signal, as the inverted pyramid of news writing puts
//! the main happening first.

use rayon::prelude::*;

use super::actors::Actors;
use super::features::Features;
use crate::corpus::Document;
use crate::extract::{EventType, event_type};
use crate::store::EventStore;
use crate::text::lines::{self, LineKind};
use crate::text::sentences;

/// The kinds of happening a lede may stand for: those whose actors can be
/// compared ([`tell_one_happening`]).
const TOLD: [EventType; 3] = [EventType::Statements, EventType::Calls, EventType::Talks];

/// For each article whose lede stands for one of its reports: that
/// report's event index and the lede's features, read as that report
/// ([`Features::of_text`]). `feats` are the events' own features (an
/// event without days is never chosen).
pub fn lede_reports(store: &EventStore, feats: &[Features]) -> Vec<(u32, Features)> {
    let events = store.events();
    // Each article's reports, by their sentence's position.
    let mut by_doc: Vec<Vec<u32>> = vec![Vec::new(); store.documents().len()];
    for (i, e) in events.iter().enumerate() {
        if !e.headline && e.sentence.is_some() {
            by_doc[e.doc as usize].push(i as u32);
        }
    }
    let gazetteer = store.gazetteer();
    by_doc
        .par_iter_mut()
        .enumerate()
        .filter_map(|(d, reports)| {
            // Only an article with a dated report of a kind a lede may tell.
            let told = |i: &u32| {
                let f = &feats[*i as usize];
                f.days.is_some() && TOLD.contains(&f.kind)
            };
            if !reports.iter().any(told) {
                return None;
            }
            let doc = &store.documents()[d];
            let lede = lede(doc)?;
            let start = |i: &u32| events[*i as usize].sentence.map_or(0, |s| s.start as usize);
            reports.sort_by_key(start);
            // A dated lede is a report already; so is an article with a
            // dated report before it (a dated teaser or dateline line).
            if reports.iter().any(|i| start(i) < lede.end) {
                return None;
            }
            let text = &doc.text[lede];
            let lang = doc.lang.value.unwrap_or_default();
            let kind = event_type::classify_sentence(text, text, lang, &[]);
            if !TOLD.contains(&kind) {
                return None;
            }
            let &first = reports.iter().find(|&&i| {
                let f = &feats[i as usize];
                f.kind == kind && f.days.is_some()
            })?;
            let event = &events[first as usize];
            Some((first, Features::of_text(event, doc, gazetteer, text, None)))
        })
        .collect()
}

/// The fewest words of a lede: shorter first paragraphs are datelines
/// ("Moscow CNN —"), section headings and teasers, not a happening told.
pub const LEDE_MIN_WORDS: usize = 8;

/// The article's lede: the first sentence (of the part run together
/// without a space, [`crate::text::sentences::glued_part`]) of its first
/// paragraph that is prose ([`lines::classify`]: not furniture, a teaser
/// or a heading), is not its title and holds at least [`LEDE_MIN_WORDS`]
/// words; as bytes of the article's text. `None` when
/// the body has no such paragraph.
pub fn lede(doc: &Document) -> Option<std::ops::Range<usize>> {
    let body = doc.text.get(doc.body_start..)?;
    let mut at = doc.body_start;
    for paragraph in body.split("\n\n") {
        let from = at;
        at += paragraph.len() + 2;
        let trimmed = paragraph.trim();
        // Page furniture, teasers and headings are no lede.
        if trimmed.split_whitespace().count() < LEDE_MIN_WORDS
            || lines::classify(trimmed) != LineKind::Prose
        {
            continue;
        }
        let start = from + (paragraph.len() - paragraph.trim_start().len());
        let end = start + trimmed.len();
        // A title is a headline unless it ends as a sentence does: a file
        // without a headline lends its first paragraph as the title.
        if !lines::ends_sentence(trimmed)
            && doc
                .title_span
                .as_ref()
                .is_some_and(|t| t.start < end && start < t.end)
        {
            continue;
        }
        let Some(first) = sentences::split(trimmed).into_iter().next() else {
            continue;
        };
        let sentence = &trimmed[first.clone()];
        let part = sentences::glued_part(sentence, 0);
        return Some(start + first.start + part.start..start + first.start + part.end);
    }
    None
}

/// Appends to `feats` the features of the ledes of [`lede_reports`]
/// (each with its report's outlet), and their articles to `doc_of`; gives
/// each event's lede as an index into `feats`. `feats` and `doc_of` hold
/// the events' own on entry.
pub fn append(
    store: &EventStore,
    feats: &mut Vec<Features>,
    doc_of: &mut Vec<u32>,
) -> Vec<Option<u32>> {
    let mut lede_of: Vec<Option<u32>> = vec![None; feats.len()];
    for (event, f) in lede_reports(store, feats) {
        let e = event as usize;
        lede_of[e] = Some(feats.len() as u32);
        doc_of.push(doc_of[e]);
        let outlet = feats[e].outlet;
        feats.push(Features { outlet, ..f });
    }
    lede_of
}

/// Keeps only the ledes that tell their report's happening
/// ([`tell_one_happening`]); `actors` are every entry's of `feats`.
pub fn keep_telling(lede_of: &mut [Option<u32>], feats: &[Features], actors: &[Vec<(u32, f32)>]) {
    for (e, lede) in lede_of.iter_mut().enumerate() {
        *lede = lede.filter(|&l| {
            let l = l as usize;
            tell_one_happening(&feats[e], &feats[l], &actors[e], &actors[l])
        });
    }
}

/// Whether a lede (`lede`, read as the report `report`,
/// [`lede_reports`]) tells the report's happening: it names the same
/// actors ([`Actors::same`]: the speaker of a statement, the parties of a
/// call or talks), or the report refers back to a happening
/// ([`Features::anaphor`]: "in its note on the Saturday call") whose noun
/// the lede names ("spoke in a phone call with"). `actors` are as
/// [`super::actors::of_event`] gives them; `report_actors` the report's.
pub fn tell_one_happening(
    report: &Features,
    lede: &Features,
    report_actors: &[(u32, f32)],
    lede_actors: &[(u32, f32)],
) -> bool {
    let named = |noun: u64| lede.terms.iter().any(|&(t, _)| t == noun);
    Actors::of(report_actors, lede_actors).is_some_and(|x| x.same(report.kind))
        || report.anaphor.is_some_and(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, title_span: Option<std::ops::Range<usize>>) -> Document {
        Document {
            text: text.to_owned(),
            title_span,
            ..Default::default()
        }
    }

    fn lede_of(d: &Document) -> Option<&str> {
        lede(d).map(|r| &d.text[r])
    }

    #[test]
    fn the_lede_is_the_first_sentence_of_the_first_paragraph_that_tells() {
        let text = "Harbour City Outlet —\n\nMinister Halvorsen has warned that a flood \
                    would be disastrous for the valley. He spoke to reporters.\n\nMore text.";
        assert_eq!(
            lede_of(&doc(text, None)),
            Some("Minister Halvorsen has warned that a flood would be disastrous for the valley.")
        );
        // Sentences run together without a space: the first part.
        let glued = "The envoy spoke by phone with the minister about the corridor.The \
                     minister said little.";
        assert_eq!(
            lede_of(&doc(glued, None)),
            Some("The envoy spoke by phone with the minister about the corridor.")
        );
    }

    #[test]
    fn a_headline_is_no_lede_but_a_borrowed_first_paragraph_is() {
        let text = "Minister warns of a flood in the valley after the storm\n\n\
                    Minister Halvorsen has warned that a flood would be disastrous.";
        let title = Some(0..text.find("\n\n").unwrap());
        assert_eq!(
            lede_of(&doc(text, title.clone())),
            Some("Minister Halvorsen has warned that a flood would be disastrous.")
        );
        // A file without a headline lends its first paragraph as the title:
        // it ends as a sentence does, and it is the lede.
        let text = "Minister Halvorsen has warned that a flood would be disastrous.\n\n\
                    Further down, more.";
        let title = Some(0..text.find("\n\n").unwrap());
        assert_eq!(
            lede_of(&doc(text, title)),
            Some("Minister Halvorsen has warned that a flood would be disastrous.")
        );
        assert_eq!(lede_of(&doc("Too short.\n\nAlso short.", None)), None);
    }
}
