//! Building events: dated sentences, paragraph headers, and the headline
//! event of each article.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::cputime::{self, Stage};
use crate::places::{Gazetteer, Mention, RegionId, RegionKind, Role};
use crate::text::{display, embeds, lines, sentences};
use crate::timex::{self, Precision, Timex};

use super::casualties::casualties;
use super::event_type::{classify, classify_reported};
use super::furniture::{outside_markup, reads_as_body, unpunctuated_block};
use super::reported_speech::reported;
use super::{DatePrecision, Event, EventAnchor, EventDate, Span, paragraphs, qualifiers};

/// The events of one article. `doc_index` is the article's index in the store.
pub fn extract(doc: &Document, doc_index: u32, gazetteer: &Gazetteer) -> Vec<Event> {
    let published = doc.published.value;
    let text = doc.text.as_str();
    let focus = cputime::time(Stage::Places, || {
        gazetteer.focus_country(lede(&text[doc.body_start..]))
    });
    let mut events = Vec::new();
    let mut seen: rustc_hash::FxHashSet<(EventDate, u64)> = Default::default();

    // An article without a headline (body text saved alone, a record of a
    // dump without one) has none: its file's name is no headline, and a row
    // reading "c16_kyiv_march.txt" tells the analyst of no happening.
    let headline_known = doc.title.value.is_some();
    if let Some(day) = published
        && !doc.pinned
        && headline_known
        && !reads_as_body(doc.title_or_name())
    {
        let (sentence, (regions, mentions)) = match &doc.title_span {
            Some(span) => (
                Some(Span::new(span.clone())),
                regions_of(
                    &cputime::time(Stage::Places, || gazetteer.tag(&text[span.clone()], focus)),
                    None,
                    false,
                    gazetteer,
                ),
            ),
            None => {
                let title = doc.title_or_name();
                (
                    None,
                    regions_of(
                        &cputime::time(Stage::Places, || gazetteer.tag(title, focus)),
                        None,
                        false,
                        gazetteer,
                    ),
                )
            }
        };
        let date = EventDate::day(day);
        let title = display::prose(doc.title_or_name());
        seen.insert((date, sentence_key(&title)));
        let lang = doc.lang.value.unwrap_or_default();
        let (kind, counts) = cputime::time(Stage::TypesAndCasualties, || {
            (classify(&title, lang), casualties(&title, lang))
        });
        events.push(Event {
            doc: doc_index,
            date,
            anchor: EventAnchor::Published,
            regions,
            mentions,
            sentence,
            expression: None,
            paragraph: sentence,
            headline: true,
            future: false,
            kind,
            killed: counts.killed,
            injured: counts.injured,
        });
    }

    let mut carried_header: Option<RegionId> = None;
    let mut carry = timex::Carry::default();
    for par in paragraphs::split(text, doc.body_start) {
        let par_text = &text[par.clone()];
        // An embedded post counts its "today" from the day it was posted.
        let anchor = embeds::post_date(par_text)
            .and_then(|r| posted_on(&par_text[r], published))
            .or(published);
        let timexes = outside_markup(
            par_text,
            cputime::time(Stage::Dates, || {
                timex::tag_lang(
                    par_text,
                    anchor,
                    doc.lang.value.unwrap_or_default(),
                    &mut carry,
                )
            }),
        );
        let sentence_spans = cputime::time(Stage::Sentences, || sentences::split(par_text));
        let is_title = doc
            .title_span
            .as_ref()
            .is_some_and(|t| t.start < par.end && par.start < t.end);
        if !is_title && unpunctuated_block(par_text) {
            // A caption or a teaser: no event, and no header for what follows.
            carried_header = None;
            continue;
        }
        if timexes.is_empty() && sentence_spans.len() != 1 {
            // No date and too long to be a header: no events, and it ends
            // the reach of the header above. Its places need not be read.
            carried_header = None;
            continue;
        }
        let credits = lines::credit_spans(par_text);
        let mentions: Vec<Mention> = cputime::time(Stage::Places, || {
            gazetteer.tag_under(par_text, focus, carried_header)
        })
        .into_iter()
        .filter(|m| !credits.iter().any(|c| c.start <= m.start && m.end <= c.end))
        .collect();
        debug_assert!(timexes.windows(2).all(|w| w[0].start <= w[1].start));
        debug_assert!(mentions.windows(2).all(|w| w[0].start <= w[1].start));
        let own_header = sentence_spans
            .first()
            .and_then(|s| header_region(par_text, s, &mentions));
        if own_header.is_some() && sentence_spans.len() == 1 {
            carried_header = own_header;
            continue;
        }
        let header = own_header.or(carried_header.take());
        for s in &sentence_spans {
            let dates = dates_in(par_text, &timexes, s, published);
            if dates.is_empty()
                || qualifiers::only_dates(par_text, s, &timexes)
                || lines::is_caption_sentence(&par_text[s.clone()])
            {
                continue;
            }
            // Mentions come in text order: only those from the sentence's start on.
            let first = mentions.partition_point(|m| m.start < s.start);
            let mut sentence_mentions: Vec<Mention> = mentions[first..]
                .iter()
                .take_while(|m| m.start < s.end)
                .copied()
                .filter(|m| m.end <= s.end)
                .collect();
            let lang = doc.lang.value.unwrap_or_default();
            let exprs: Vec<Range<usize>> = dates
                .iter()
                .map(|(_, _, e)| e.start - s.start..e.end - s.start)
                .collect();
            // Reported speech, read once for the places and the type, with
            // markup blanked in place (offsets hold; a link's target words
            // are no words of the sentence).
            let (blanked, speech) = cputime::time(Stage::TypesAndCasualties, || {
                let blanked = display::blank_markup(&par_text[s.clone()]);
                let speech = reported(&blanked, lang, &exprs);
                (blanked, speech)
            });
            super::speaker_place::demote_speakers_places(
                speech.as_ref(),
                s.start,
                &exprs,
                &mut sentence_mentions,
            );
            mark_title_case_dateline(par_text, s, &mut sentence_mentions);
            // Only a dateline needs to know (and the check reads every word).
            let statement = sentence_mentions.iter().any(|m| m.role == Role::Dateline)
                && gazetteer.reports_speech(&par_text[s.clone()]);
            let (regions, named) = regions_of(&sentence_mentions, header, statement, gazetteer);
            let shown = display::prose(&par_text[s.clone()]);
            let key = sentence_key(&shown);
            // Read once per sentence, whatever the number of its dates; a
            // date in one part of sentences run together without a space
            // takes the type and counts of its part.
            let whole = cputime::time(Stage::TypesAndCasualties, || {
                (
                    classify_reported(&blanked, &shown, lang, &exprs, speech.as_ref()),
                    casualties(&shown, lang),
                )
            });
            for (date, anchor, expr) in dates {
                if !seen.insert((date, key)) {
                    continue;
                }
                let part = sentences::glued_part(&blanked, expr.start - s.start);
                let (kind, counts) = if part.len() == blanked.len() {
                    whole
                } else {
                    cputime::time(Stage::TypesAndCasualties, || {
                        glued_part_reading(&blanked, &par_text[s.clone()], part, &exprs, lang)
                    })
                };
                let abs = |r: Range<usize>| Span::new(par.start + r.start..par.start + r.end);
                events.push(Event {
                    doc: doc_index,
                    date,
                    anchor,
                    regions: regions.clone(),
                    mentions: named.clone(),
                    sentence: Some(abs(s.clone())),
                    expression: Some(abs(expr)),
                    paragraph: Some(Span::new(par.clone())),
                    headline: false,
                    future: published.is_some_and(|p| date.first > p),
                    kind,
                    killed: counts.killed,
                    injured: counts.injured,
                });
            }
        }
    }
    events
}

/// The type and casualty counts told by one part (`part`, bytes of the
/// sentence) of sentences run together without a space
/// ([`sentences::glued_part`]): what a properly split text would give for
/// the sentence holding the date. `blanked` is the sentence with markup
/// blanked in place, `raw` as written; `exprs` are the dates' spans in the
/// sentence.
fn glued_part_reading(
    blanked: &str,
    raw: &str,
    part: Range<usize>,
    exprs: &[Range<usize>],
    lang: crate::lang::Lang,
) -> (super::EventType, super::casualties::Casualties) {
    let inside: Vec<Range<usize>> = exprs
        .iter()
        .filter(|e| part.start <= e.start && e.end <= part.end)
        .map(|e| e.start - part.start..e.end - part.start)
        .collect();
    let blanked = &blanked[part.clone()];
    let shown = display::prose(&raw[part]);
    let speech = reported(blanked, lang, &inside);
    (
        classify_reported(blanked, &shown, lang, &inside, speech.as_ref()),
        casualties(&shown, lang),
    )
}

/// How much of an article (bytes) tells which country it is about: news
/// puts its subject first, and the rest of a long text only costs time.
const FOCUS_BYTES: usize = 2048;

/// The opening of `body` that decides its focus country: up to
/// [`FOCUS_BYTES`], cut at a line end.
fn lede(body: &str) -> &str {
    if body.len() <= FOCUS_BYTES {
        return body;
    }
    let end = (0..=FOCUS_BYTES)
        .rev()
        .find(|&i| body.is_char_boundary(i))
        .unwrap_or(0);
    let head = &body[..end];
    &head[..head.rfind('\n').unwrap_or(end)]
}

/// The day a post's signature date states with its year ("April 21, 2022").
fn posted_on(signature: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    timex::tag(signature, published).into_iter().find_map(|t| {
        let iv = t.interval?;
        (t.anchor == timex::Anchor::Explicit && iv.precision == Precision::Day).then_some(iv.first)
    })
}

/// Marks the places of a dateline in title case that opens a paragraph
/// ("Kyiv, March 12, 2025 — Russian drones struck Kharkiv ...": a place, a
/// comma, a date, a dash; [`crate::corpus::metadata::place_dateline_end`])
/// as the dateline's, as [`crate::places`] marks one in capitals ("KYIV,
/// March 12 -"): where the story was filed, not where its happening was.
fn mark_title_case_dateline(par_text: &str, s: &Range<usize>, mentions: &mut [Mention]) {
    if !par_text[..s.start].trim().is_empty() {
        return;
    }
    let sentence = &par_text[s.clone()];
    let Some(head) = crate::corpus::metadata::place_dateline_end(sentence) else {
        return;
    };
    let Some(comma) = sentence[..head].find(',') else {
        return;
    };
    // The date itself: a few words, each with a digit or a capital ("March
    // 12, 2025", "12 March 2025", "Nov. 17"), not "30 km from the border".
    let date: Vec<&str> = sentence[comma + 1..head].split_whitespace().collect();
    let date_like = !date.is_empty()
        && date.len() <= 4
        && date.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        });
    if !date_like {
        return;
    }
    let comma = s.start + comma;
    for m in mentions
        .iter_mut()
        .filter(|m| m.end <= comma && m.end <= s.start + head)
    {
        m.role = Role::Dateline;
    }
}

/// The distinct dates stated in one sentence, with how each was anchored and
/// the expression that states it ("the past day" ends on `published`). A
/// range ("from January to June 2024") gives one date spanning both ends.
fn dates_in(
    text: &str,
    timexes: &[Timex],
    sentence: &Range<usize>,
    published: Option<NaiveDate>,
) -> Vec<(EventDate, EventAnchor, Range<usize>)> {
    let mut out: Vec<(EventDate, EventAnchor, Range<usize>)> = Vec::new();
    let mut closing = HashSet::new();
    // Timexes come in text order: start at the sentence's first one.
    let first = timexes.partition_point(|t| t.start < sentence.start);
    // Where a lede's dateline ("MINSK, February 21, 2015 - ...") ends, and
    // whether the sentence dates the happening itself after it ("... on
    // Friday"): then the dateline's date is the report's, not the
    // happening's. Worked out once per sentence.
    let dateline_end = crate::corpus::metadata::place_dateline_end(&text[sentence.clone()])
        .map(|head| sentence.start + head)
        .filter(|&end| {
            timexes[first..]
                .iter()
                .take_while(|o| o.start < sentence.end)
                .any(|o| o.start >= end && o.interval.is_some())
        });
    for (i, t) in timexes.iter().enumerate().skip(first) {
        if t.start >= sentence.end {
            break;
        }
        if t.end > sentence.end || closing.contains(&i) {
            continue;
        }
        if night_named_by_next(text, timexes, i) {
            // "overnight on February 14": the day that follows names the
            // night; the night alone would add the evening before as a
            // second event of one happening.
            continue;
        }
        if qualifiers::is_qualifier(text, t) {
            // A range that labels a thing ("the crisis of 2015-16") labels
            // with both ends.
            closing.extend(t.range_to);
            continue;
        }
        let recent = || {
            let reference = published.filter(|_| t.kind == timex::TimexType::Duration)?;
            super::recent::recent_days(&text[t.start..t.end], &t.value, reference).or_else(|| {
                // Only when the sentence gives no date of its own.
                let dated = timexes[first..]
                    .iter()
                    .take_while(|o| o.start < sentence.end)
                    .any(|o| o.interval.is_some());
                (!dated).then(|| {
                    super::recent::hours_from_now(
                        &text[sentence.start..t.start],
                        &t.value,
                        &text[t.end..sentence.end],
                        reference,
                    )
                })?
            })
        };
        let mut date = match t.interval {
            Some(interval) => {
                let Some(precision) = event_precision(interval.precision) else {
                    continue;
                };
                EventDate {
                    first: interval.first,
                    last: interval.last,
                    precision,
                }
            }
            None => match recent() {
                Some(date) => date,
                None => continue,
            },
        };
        let mut expr = t.start..t.end;
        // "on March 30 and 31": two days, each its own event; "March
        // 30-31" and "from March 30 to 31" span both.
        let listed = t.range_to.and_then(|j| timexes.get(j)).is_some_and(|e| {
            text.get(t.end..e.start)
                .is_some_and(|between| matches!(between.trim(), "and" | "&"))
        });
        if !listed
            && let Some(j) = t.range_to
            && let Some(end) = timexes.get(j).and_then(|e| e.interval)
            && end.last >= date.first
        {
            date.last = end.last;
            expr.end = timexes[j].end;
            closing.insert(j);
        }
        if dateline_end.is_some_and(|end| t.end <= end) {
            continue;
        }
        if qualifiers::dates_nothing(text, t, expr.end, &date, published) {
            continue;
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

/// Whether timex `i` is a night ("overnight", value `…TNI`) that the next
/// timex, right after it ("overnight on February 14", "overnight Friday"),
/// names as a day of that night (its evening's or its morning's).
fn night_named_by_next(text: &str, timexes: &[Timex], i: usize) -> bool {
    let t = &timexes[i];
    let (Some(next), Some(night)) = (timexes.get(i + 1), t.interval) else {
        return false;
    };
    let Some(day) = next.interval else {
        return false;
    };
    let Some(between) = text.get(t.end..next.start) else {
        return false;
    };
    t.value.ends_with("TNI")
        && matches!(between.trim(), "" | "on" | "of" | ",")
        && day.precision == Precision::Day
        && day.first == day.last
        && (night.first..=night.last + chrono::Duration::days(1)).contains(&day.first)
}

/// The event precision for a tagger precision. Quarters, seasons and
/// halves become the months they span ("the summer of 2022" is
/// 2022-06..2022-08); decades and centuries are too vague to place on a
/// timeline.
fn event_precision(p: Precision) -> Option<DatePrecision> {
    match p {
        Precision::Day => Some(DatePrecision::Day),
        Precision::Week => Some(DatePrecision::Week),
        Precision::Month | Precision::Quarter | Precision::Season | Precision::Half => {
            Some(DatePrecision::Month)
        }
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

/// An event's region list and the places it only names. The regions are
/// where the happening took place: the sentence's places (see
/// [`Role`]), most specific first, then the oblast (or country) of each
/// reference point ("north of Sumy City" places in Sumy Oblast; "north of
/// Crimea", a region, only in its country), then the
/// header's region, each followed by the places that contain it. A
/// regional official's place is added when no town is the place. A wire
/// dateline places its sentence only when nothing else does and the
/// sentence reports a statement (`statement`: it has a verb of speech). Everything
/// else the sentence names (actors, topics, the reference towns
/// themselves) is in the second list, in text order.
fn regions_of(
    mentions: &[Mention],
    header: Option<RegionId>,
    statement: bool,
    gazetteer: &Gazetteer,
) -> (Box<[RegionId]>, Box<[RegionId]>) {
    // A reference point is only that when a town of the sentence is the
    // place ("in Tver, north-west of Moscow"); alone, it is the nearest
    // the sentence comes to the place ("10 km north of Avdiivka").
    let town = |r: RegionId| gazetteer.region(r).kind == RegionKind::Town;
    let town_placed = mentions
        .iter()
        .any(|m| m.role == Role::Place && town(m.region));
    let placed = |m: &&Mention| {
        m.role == Role::Place
            || m.role == Role::Reference
                && town(m.region)
                && !town_placed
                && !stands_alone(m.region, gazetteer)
    };
    let mut places: Vec<RegionId> = mentions.iter().filter(placed).map(|m| m.region).collect();
    places.sort_by_key(|&r| specificity(gazetteer.region(r).kind));
    places.extend(
        mentions
            .iter()
            .filter(|m| m.role == Role::Reference)
            .filter(|m| town_placed || !town(m.region) || stands_alone(m.region, gazetteer))
            .map(|m| around(m.region, gazetteer)),
    );
    // A regional official speaks for the region when no town places the
    // sentence ("the governor of the Belgorod region said a depot there,
    // close to the border, was hit").
    if !town_placed && header.is_none() {
        places.extend(
            mentions
                .iter()
                .filter(|m| m.role == Role::Official)
                .map(|m| m.region),
        );
    }
    if places.is_empty() && header.is_none() && statement {
        places.extend(
            mentions
                .iter()
                .filter(|m| m.role == Role::Dateline)
                .map(|m| m.region),
        );
    }
    places.extend(header);
    let mut out: Vec<RegionId> = Vec::new();
    for r in places {
        for id in std::iter::once(r).chain(gazetteer.ancestors(r)) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    let mut named: Vec<RegionId> = Vec::new();
    for m in mentions {
        if !out.contains(&m.region) && !named.contains(&m.region) {
            named.push(m.region);
        }
    }
    (out.into_boxed_slice(), named.into_boxed_slice())
}

/// Whether town `r` is a first-level region of its own (Moscow, Kyiv City,
/// Sevastopol): its surroundings ("not far from Moscow") lie outside it.
fn is_city_region(r: RegionId, gazetteer: &Gazetteer) -> bool {
    let town = gazetteer.region(r);
    let level = gazetteer.oblast_level(r);
    town.kind == RegionKind::Town
        && level != r
        && gazetteer.region(level).name.starts_with(town.name.as_str())
}

/// Whether a town is too big a point for its surroundings to be placed at it
/// ("not far from Moscow", "30 km from Kyiv"): a region of its own, or a
/// city the gazetteer files under no region. A smaller town is the nearest
/// a sentence comes to the place ("10 km north of Avdiivka").
fn stands_alone(r: RegionId, gazetteer: &Gazetteer) -> bool {
    is_city_region(r, gazetteer)
        || gazetteer.region(r).kind == RegionKind::Town
            && gazetteer.region(gazetteer.oblast_level(r)).kind == RegionKind::Country
}

/// What a reference point places: its oblast ("north of Sumy City" is in
/// Sumy Oblast), or its country when the town is a region of its own or
/// the point is a region ("a town close to Crimea" lies outside Crimea).
fn around(r: RegionId, gazetteer: &Gazetteer) -> RegionId {
    let level = gazetteer.oblast_level(r);
    if gazetteer.region(r).kind != RegionKind::Town {
        gazetteer.region(r).parent.unwrap_or(r)
    } else if is_city_region(r, gazetteer) {
        gazetteer.region(level).parent.unwrap_or(level)
    } else {
        level
    }
}

fn specificity(kind: RegionKind) -> u8 {
    match kind {
        RegionKind::Town => 0,
        RegionKind::Region => 1,
        RegionKind::Country => 2,
    }
}

/// A hash of a sentence as shown, in lower case and without trailing
/// punctuation: two sentences with the same key count as the same.
fn sentence_key(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    for c in s
        .trim_end_matches(['.', ' '])
        .chars()
        .flat_map(char::to_lowercase)
    {
        hasher.write_u32(c as u32);
    }
    hasher.finish()
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
