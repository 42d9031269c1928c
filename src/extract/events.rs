//! Building events: dated sentences, paragraph headers, and the headline
//! event of each article.

use std::collections::HashSet;
use std::ops::Range;

use crate::corpus::Document;
use crate::places::{Gazetteer, Mention, RegionId, RegionKind};
use crate::text::{display, lines, sentences};
use crate::timex::{self, Precision, Timex};

use super::{DatePrecision, Event, EventAnchor, EventDate, Span, paragraphs};

/// The events of one article. `doc_index` is the article's index in the store.
pub fn extract(doc: &Document, doc_index: u32, gazetteer: &Gazetteer) -> Vec<Event> {
    let published = doc.published.value;
    let text = doc.text.as_str();
    let focus = gazetteer.focus_country(&text[doc.body_start..]);
    let mut events = Vec::new();
    let mut seen: HashSet<(EventDate, String)> = HashSet::new();

    if let Some(day) = published {
        let (sentence, regions) = match &doc.title_span {
            Some(span) => (
                Some(Span::new(span.clone())),
                regions_of(&gazetteer.tag(&text[span.clone()], focus), None, gazetteer),
            ),
            None => {
                let title = doc.title_or_name();
                (
                    None,
                    regions_of(&gazetteer.tag(title, focus), None, gazetteer),
                )
            }
        };
        let date = EventDate::day(day);
        seen.insert((date, normalized(&display::prose(doc.title_or_name()))));
        events.push(Event {
            doc: doc_index,
            date,
            anchor: EventAnchor::Published,
            regions,
            sentence,
            expression: None,
            paragraph: sentence,
            headline: true,
            future: false,
        });
    }

    let mut carried_header: Option<RegionId> = None;
    for par in paragraphs::split(text, doc.body_start) {
        let par_text = &text[par.clone()];
        let timexes = timex::tag(par_text, published);
        let credits = lines::credit_spans(par_text);
        let mentions: Vec<Mention> = gazetteer
            .tag(par_text, focus)
            .into_iter()
            .filter(|m| !credits.iter().any(|c| c.start <= m.start && m.end <= c.end))
            .collect();
        let sentence_spans = sentences::split(par_text);
        let own_header = sentence_spans
            .first()
            .and_then(|s| header_region(par_text, s, &mentions));
        if own_header.is_some() && sentence_spans.len() == 1 {
            carried_header = own_header;
            continue;
        }
        let header = own_header.or(carried_header.take());
        for s in &sentence_spans {
            let sentence_mentions: Vec<Mention> = mentions
                .iter()
                .copied()
                .filter(|m| m.start >= s.start && m.end <= s.end)
                .collect();
            let regions = regions_of(&sentence_mentions, header, gazetteer);
            let sentence_text = normalized(&display::prose(&par_text[s.clone()]));
            for (date, anchor, expr) in dates_in(&timexes, s) {
                if !seen.insert((date, sentence_text.clone())) {
                    continue;
                }
                let abs = |r: Range<usize>| Span::new(par.start + r.start..par.start + r.end);
                events.push(Event {
                    doc: doc_index,
                    date,
                    anchor,
                    regions: regions.clone(),
                    sentence: Some(abs(s.clone())),
                    expression: Some(abs(expr)),
                    paragraph: Some(Span::new(par.clone())),
                    headline: false,
                    future: published.is_some_and(|p| date.first > p),
                });
            }
        }
    }
    events
}

/// The distinct dates stated in one sentence, with how each was anchored and
/// the expression that states it. A range ("from January to June 2024")
/// gives one date spanning both ends.
fn dates_in(
    timexes: &[Timex],
    sentence: &Range<usize>,
) -> Vec<(EventDate, EventAnchor, Range<usize>)> {
    let mut out: Vec<(EventDate, EventAnchor, Range<usize>)> = Vec::new();
    let mut closing = HashSet::new();
    for (i, t) in timexes.iter().enumerate() {
        if t.start < sentence.start || t.end > sentence.end || closing.contains(&i) {
            continue;
        }
        let Some(interval) = t.interval else { continue };
        let Some(precision) = event_precision(interval.precision) else {
            continue;
        };
        let mut date = EventDate {
            first: interval.first,
            last: interval.last,
            precision,
        };
        let mut expr = t.start..t.end;
        if let Some(j) = t.range_to
            && let Some(end) = timexes.get(j).and_then(|e| e.interval)
            && end.last >= date.first
        {
            date.last = end.last;
            expr.end = timexes[j].end;
            closing.insert(j);
        }
        let anchor = match t.anchor {
            timex::Anchor::Explicit => EventAnchor::Explicit,
            timex::Anchor::Relative => EventAnchor::Relative,
        };
        if !out.iter().any(|(d, _, _)| *d == date) {
            out.push((date, anchor, expr));
        }
    }
    out
}

/// The event precision for a tagger precision; quarters, seasons, halves,
/// decades and centuries are too vague to place on a timeline.
fn event_precision(p: Precision) -> Option<DatePrecision> {
    match p {
        Precision::Day => Some(DatePrecision::Day),
        Precision::Week => Some(DatePrecision::Week),
        Precision::Month => Some(DatePrecision::Month),
        Precision::Year => Some(DatePrecision::Year),
        _ => None,
    }
}

/// The region of a paragraph header: a first sentence that is nothing but a
/// place name ("Kyiv region.", "Donetsk Oblast:").
fn header_region(par: &str, first: &Range<usize>, mentions: &[Mention]) -> Option<RegionId> {
    let sentence = par[first.clone()].trim_end_matches(['.', ':', '—', '–', '-', ' ']);
    let body = first.start..first.start + sentence.len();
    let m = mentions
        .iter()
        .find(|m| m.start >= body.start && m.end <= body.end)?;
    let outside = par[body.start..m.start]
        .trim()
        .trim_start_matches("The")
        .trim()
        .is_empty()
        && par[m.end..body.end].trim().is_empty();
    outside.then_some(m.region)
}

/// An event's region list: the sentence's places, most specific first, each
/// followed by the places that contain it; then the header's region.
fn regions_of(
    mentions: &[Mention],
    header: Option<RegionId>,
    gazetteer: &Gazetteer,
) -> Box<[RegionId]> {
    let mut places: Vec<RegionId> = mentions.iter().map(|m| m.region).collect();
    places.sort_by_key(|&r| specificity(gazetteer.region(r).kind));
    places.extend(header);
    let mut out: Vec<RegionId> = Vec::new();
    for r in places {
        for id in std::iter::once(r).chain(gazetteer.ancestors(r)) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out.into_boxed_slice()
}

fn specificity(kind: RegionKind) -> u8 {
    match kind {
        RegionKind::Town => 0,
        RegionKind::Region => 1,
        RegionKind::Country => 2,
    }
}

/// Lower-case words joined by single spaces, trailing punctuation dropped:
/// the form in which two sentences count as the same.
fn normalized(s: &str) -> String {
    s.to_lowercase().trim_end_matches(['.', ' ']).to_owned()
}
