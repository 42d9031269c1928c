//! Building events: dated sentences, paragraph headers, and the headline
//! event of each article.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::places::{Gazetteer, Mention, RegionId, RegionKind, Role};
use crate::text::{display, lines, sentences};
use crate::timex::{self, Precision, Timex};

use super::furniture::{outside_markup, reads_as_body, unpunctuated_block};
use super::{DatePrecision, Event, EventAnchor, EventDate, Span, paragraphs, qualifiers};

/// The events of one article. `doc_index` is the article's index in the store.
pub fn extract(doc: &Document, doc_index: u32, gazetteer: &Gazetteer) -> Vec<Event> {
    let published = doc.published.value;
    let text = doc.text.as_str();
    let focus = gazetteer.focus_country(&text[doc.body_start..]);
    let mut events = Vec::new();
    let mut seen: HashSet<(EventDate, u64)> = HashSet::new();

    if let Some(day) = published
        && !reads_as_body(doc.title_or_name())
    {
        let (sentence, (regions, mentions)) = match &doc.title_span {
            Some(span) => (
                Some(Span::new(span.clone())),
                regions_of(
                    &gazetteer.tag(&text[span.clone()], focus),
                    None,
                    false,
                    gazetteer,
                ),
            ),
            None => {
                let title = doc.title_or_name();
                (
                    None,
                    regions_of(&gazetteer.tag(title, focus), None, false, gazetteer),
                )
            }
        };
        let date = EventDate::day(day);
        seen.insert((date, sentence_key(&display::prose(doc.title_or_name()))));
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
        });
    }

    let mut carried_header: Option<RegionId> = None;
    let mut carry = timex::Carry::default();
    for par in paragraphs::split(text, doc.body_start) {
        let par_text = &text[par.clone()];
        let timexes = outside_markup(par_text, timex::tag_with(par_text, published, &mut carry));
        let sentence_spans = sentences::split(par_text);
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
        let mentions: Vec<Mention> = gazetteer
            .tag_under(par_text, focus, carried_header)
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
            let sentence_mentions: Vec<Mention> = mentions[first..]
                .iter()
                .take_while(|m| m.start < s.end)
                .copied()
                .filter(|m| m.end <= s.end)
                .collect();
            // Only a dateline needs to know (and the check reads every word).
            let statement = sentence_mentions.iter().any(|m| m.role == Role::Dateline)
                && gazetteer.reports_speech(&par_text[s.clone()]);
            let (regions, named) = regions_of(&sentence_mentions, header, statement, gazetteer);
            let key = sentence_key(&display::prose(&par_text[s.clone()]));
            for (date, anchor, expr) in dates {
                if !seen.insert((date, key)) {
                    continue;
                }
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
                });
            }
        }
    }
    events
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
    for (i, t) in timexes.iter().enumerate().skip(first) {
        if t.start >= sentence.end {
            break;
        }
        if t.end > sentence.end || closing.contains(&i) {
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
            super::recent::recent_days(&text[t.start..t.end], &t.value, reference)
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
/// reference point ("north of Sumy City" places in Sumy Oblast), then the
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
    let town_placed = mentions
        .iter()
        .any(|m| m.role == Role::Place && gazetteer.region(m.region).kind == RegionKind::Town);
    let placed = |m: &&Mention| m.role == Role::Place || m.role == Role::Reference && !town_placed;
    let mut places: Vec<RegionId> = mentions.iter().filter(placed).map(|m| m.region).collect();
    places.sort_by_key(|&r| specificity(gazetteer.region(r).kind));
    places.extend(
        mentions
            .iter()
            .filter(|m| m.role == Role::Reference && town_placed)
            .map(|m| gazetteer.oblast_level(m.region)),
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
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    s.trim_end_matches(['.', ' '])
        .to_lowercase()
        .hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::corpus::document_from_text;
    use crate::extract::DatePrecision;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    /// The events of a text published on `published`, as (date value,
    /// anchor, region names, sentence) for readable assertions.
    fn events_of(
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(String, EventAnchor, Vec<String>, String, bool)> {
        let doc = doc_of(text, published);
        let g = Gazetteer::builtin();
        extract(&doc, 0, g)
            .into_iter()
            .map(|e| {
                let regions = e.region_names(g).into_iter().map(str::to_owned).collect();
                (e.date.label(), e.anchor, regions, e.text(&doc), e.future)
            })
            .collect()
    }

    /// A document of `text` published on `published`.
    fn doc_of(text: &str, published: Option<NaiveDate>) -> Document {
        let mut doc = document_from_text(
            "t".into(),
            Path::new("t.txt"),
            text.to_owned(),
            None,
            &mut Vec::new(),
        );
        doc.published.value = published;
        doc
    }

    const HEAD: &str = "Shelling reported across the east of the country\n";

    /// The date labels of a text's events after its headline event.
    fn dates_after_headline(text: &str, published: Option<NaiveDate>) -> Vec<String> {
        events_of(text, published)
            .into_iter()
            .skip(1)
            .map(|e| e.0)
            .collect()
    }

    #[test]
    fn the_headline_gives_an_event_on_the_publication_date() {
        let evs = events_of(HEAD, Some(day(2, 14)));
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].0, "2025-02-14");
        assert_eq!(evs[0].1, EventAnchor::Published);
        assert_eq!(evs[0].3, "Shelling reported across the east of the country");
        assert!(
            events_of(HEAD, None).is_empty(),
            "no date, no headline event"
        );
    }

    #[test]
    fn one_event_per_distinct_date_of_a_sentence() {
        let text = format!(
            "{HEAD}Talks began on February 10 and resumed on Feb. 12, a day after the Feb. 11 strike.\n"
        );
        let dated = dates_after_headline(&text, Some(day(2, 14)));
        assert_eq!(dated, ["2025-02-10", "2025-02-12", "2025-02-11"]);
        let same =
            format!("{HEAD}The strike came on Thursday, February 13, and Thursday's toll rose.\n");
        let dated = dates_after_headline(&same, Some(day(2, 14)));
        assert_eq!(
            dated,
            ["2025-02-13"],
            "two expressions of one date are one event"
        );
    }

    #[test]
    fn seasons_and_quarters_are_the_months_they_span_and_decades_are_too_vague() {
        let text = format!(
            "{HEAD}Kramatorsk was shelled heavily in the summer of 2022.\n\
             Exports fell in the first quarter of 2024.\n\
             The plant was built in the 1980s.\n"
        );
        let dated = dates_after_headline(&text, Some(day(2, 14)));
        assert_eq!(dated, ["2022-06..2022-08", "2024-01..2024-03"]);
    }

    #[test]
    fn a_repeated_sentence_is_one_event() {
        let s = "Drones hit a depot in Odesa on February 12, officials said.";
        let text = format!("{HEAD}{s}\nOther news without a date.\n{s}\n");
        assert_eq!(
            events_of(&text, Some(day(2, 14))).len(),
            2,
            "the headline and one event"
        );
    }

    #[test]
    fn explicit_and_relative_anchors() {
        let text = format!(
            "{HEAD}The deal was signed on July 16, 2018. Officials met again on Wednesday.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!(
            (evs[1].0.as_str(), evs[1].1),
            ("2018-07-16", EventAnchor::Explicit)
        );
        assert_eq!(
            (evs[2].0.as_str(), evs[2].1),
            ("2025-02-12", EventAnchor::Relative)
        );
    }

    #[test]
    fn without_a_publication_date_only_stated_dates_count() {
        let text =
            format!("{HEAD}Officials met on Wednesday. The treaty dates from March 3, 2014.\n");
        let evs = events_of(&text, None);
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].0, "2014-03-03");
    }

    #[test]
    fn future_dates_are_flagged() {
        let text = format!(
            "{HEAD}Leaders will meet in Brussels on February 20. They met on February 10.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!((evs[1].0.as_str(), evs[1].4), ("2025-02-20", true));
        assert_eq!((evs[2].0.as_str(), evs[2].4), ("2025-02-10", false));
    }

    #[test]
    fn two_days_joined_by_and_are_two_events() {
        let text = format!(
            "{HEAD}Drones hit the port on 3 and 4 February 2025.
             Talks ran on Feb. 5-6, 2025.
"
        );
        let dated = dates_after_headline(&text, Some(day(2, 14)));
        assert_eq!(
            dated,
            ["2025-02-03", "2025-02-04", "2025-02-05..2025-02-06"]
        );
    }

    #[test]
    fn a_month_range_is_one_event_spanning_both_ends() {
        let text =
            format!("{HEAD}Strikes rose from January to mid-June, 2024, the ministry said.\n");
        let doc = doc_of(&text, Some(day(2, 14)));
        let evs = extract(&doc, 0, Gazetteer::builtin());
        let range = evs.iter().find(|e| !e.headline).unwrap();
        assert_eq!(range.date.precision, DatePrecision::Month);
        assert_eq!(
            range.date.first,
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        );
        assert!(range.date.last >= NaiveDate::from_ymd_opt(2024, 6, 10).unwrap());
        assert!(range.date.last <= NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        assert_eq!(evs.len(), 2, "the range is not also two events");
    }

    #[test]
    fn dates_that_qualify_a_thing_make_no_events() {
        let text = format!(
            "{HEAD}He called a return to the pre-2014 borders unrealistic and the post-2022 order fragile.\n"
        );
        assert_eq!(events_of(&text, Some(day(2, 14))).len(), 1);
    }

    #[test]
    fn a_year_that_labels_a_thing_makes_no_event() {
        let text = format!(
            "{HEAD}Moscow wants Nato back at its 1997 borders.\n\
             He recalled the Munich Agreement of 1938.\n\
             A 2023 UN estimate put the losses higher.\n\
             Russia seized Crimea in 2014 and the war of 2022 followed.\n\
             Talks stalled in March of 2022.\n"
        );
        let dated = dates_after_headline(&text, Some(day(2, 14)));
        assert_eq!(dated, ["2014", "2022", "2022-03"]);
    }

    #[test]
    fn a_line_of_nothing_but_a_date_is_no_event() {
        let text = format!(
            "{HEAD}February 13, 2025\n\nJanuary 11, 2025 2:01 PM\n\n\
             A drone hit Odesa on February 13, 2025.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        let texts: Vec<&str> = evs.iter().skip(1).map(|e| e.3.as_str()).collect();
        assert_eq!(texts, ["A drone hit Odesa on February 13, 2025."]);
    }

    #[test]
    fn the_past_day_of_a_front_report_is_the_day_of_the_report() {
        let text = format!(
            "{HEAD}The General Staff counted 19 clashes near Pokrovsk in the past day.\n\
             Drones struck ten towns over the last three days.\n"
        );
        let dated = dates_after_headline(&text, Some(day(2, 27)));
        assert_eq!(dated, ["2025-02-27", "2025-02-25..2025-02-27"]);
        assert!(
            events_of(&text, None).is_empty(),
            "no publication date, no day"
        );
    }

    #[test]
    fn a_caption_is_no_event() {
        let text = format!(
            "{HEAD}Photo: Firefighters at the port of Odesa after the strike on February 13.\n\n\
             A drone hit the port of Odesa on February 13, officials said.\n"
        );
        let texts: Vec<String> = events_of(&text, Some(day(2, 14)))
            .into_iter()
            .skip(1)
            .map(|e| e.3)
            .collect();
        assert_eq!(
            texts,
            ["A drone hit the port of Odesa on February 13, officials said."]
        );
    }

    #[test]
    fn a_weekend_is_its_two_days() {
        let text = format!("{HEAD}Air raids are expected this weekend in Kharkiv.\n");
        let dated = dates_after_headline(&text, Some(day(2, 13)));
        assert_eq!(dated, ["2025-02-15..2025-02-16"]);
    }

    #[test]
    fn regions_run_from_the_town_up() {
        let text = format!("{HEAD}A glide bomb hit Kramatorsk on February 13.\n");
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!(evs[1].2, ["Kramatorsk", "Donetsk Oblast", "Ukraine"]);
    }

    #[test]
    fn places_in_words_group_towns_under_what_contains_them() {
        let text =
            format!("{HEAD}Troops left Velyka Novosilka and Pokrovsk for Turkey on February 12.\n");
        let doc = doc_of(&text, Some(day(2, 14)));
        let g = Gazetteer::builtin();
        let e = extract(&doc, 0, g)
            .into_iter()
            .find(|e| !e.headline)
            .unwrap();
        assert_eq!(
            e.place_summary(g),
            "Velyka Novosilka, Pokrovsk (Donetsk Oblast, Ukraine); Turkey"
        );
    }

    #[test]
    fn the_x_region_means_the_oblast() {
        let text = format!("{HEAD}Shelling hit the Kharkiv region on February 12.\n");
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!(evs[1].2, ["Kharkiv Oblast", "Ukraine"]);
    }

    #[test]
    fn a_header_places_its_own_paragraph_only() {
        let text = format!(
            "{HEAD}Sumy region. On February 11, border villages were shelled 97 times.\n\
             The council imposed sanctions on February 12.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!(evs[1].2, ["Sumy Oblast", "Ukraine"]);
        assert!(evs[2].2.is_empty(), "{:?}", evs[2]);
    }

    #[test]
    fn a_header_on_its_own_line_places_the_next_paragraph() {
        let text = format!(
            "{HEAD}Kherson region.\nRescuers found a body in the rubble on February 12.\nLater news on February 13.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        assert_eq!(evs[1].2, ["Kherson Oblast", "Ukraine"]);
        assert!(evs[2].2.is_empty(), "{:?}", evs[2]);
    }

    /// The regions and mentions of the first event after the headline.
    fn places_of(text: &str) -> (Vec<String>, Vec<String>) {
        let doc = doc_of(text, Some(day(2, 14)));
        let g = Gazetteer::builtin();
        let e = extract(&doc, 0, g)
            .into_iter()
            .find(|e| !e.headline)
            .unwrap();
        let names = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect();
        (names(e.region_names(g)), names(e.mention_names(g)))
    }

    #[test]
    fn a_capital_that_speaks_is_mentioned_not_placed() {
        let (regions, mentions) = places_of(&format!(
            "{HEAD}Kyiv said on February 12 that its troops had repelled an assault near Pokrovsk.\n"
        ));
        assert_eq!(regions, ["Pokrovsk", "Donetsk Oblast", "Ukraine"]);
        assert_eq!(mentions, ["Kyiv"]);
    }

    #[test]
    fn a_reference_point_gives_its_oblast_when_a_town_is_the_place() {
        let (regions, mentions) = places_of(&format!(
            "{HEAD}On February 12, drones hit a depot in Bryansk, south-west of Moscow.\n"
        ));
        assert!(regions.contains(&"Bryansk".to_string()), "{regions:?}");
        assert!(!regions.contains(&"Moscow".to_string()), "{regions:?}");
        assert_eq!(mentions, ["Moscow"]);
        let (regions, _) = places_of(&format!(
            "{HEAD}On February 12, shells hit a farm 10 km north of Kupiansk.\n"
        ));
        assert_eq!(
            regions[0], "Kupiansk",
            "alone, the reference is the nearest place"
        );
    }

    #[test]
    fn a_dateline_places_a_statement_only_when_nothing_else_does() {
        let (regions, _) = places_of(&format!(
            "{HEAD}KYIV, Feb 12 (Wire) - The foreign minister said on Wednesday that talks would go on.\n"
        ));
        assert_eq!(regions, ["Kyiv", "Kyiv City", "Ukraine"]);
        let (regions, mentions) = places_of(&format!(
            "{HEAD}KYIV, Feb 12 (Wire) - Shells hit Kherson on Wednesday, the army said.\n"
        ));
        assert_eq!(regions, ["Kherson", "Kherson Oblast", "Ukraine"]);
        assert_eq!(mentions, ["Kyiv"]);
        let (regions, _) = places_of(&format!(
            "{HEAD}KYIV, Feb 12 (Wire) - A long offensive began on Wednesday.\n"
        ));
        assert!(regions.is_empty(), "no statement: {regions:?}");
    }

    #[test]
    fn a_regional_official_speaks_for_the_region_when_no_town_is_named() {
        let (regions, _) = places_of(&format!(
            "{HEAD}The governor of the Kursk region said on February 12 that a substation there was hit.\n"
        ));
        assert_eq!(regions, ["Kursk Oblast", "Russia"]);
        let (regions, mentions) = places_of(&format!(
            "{HEAD}The governor of the Kursk region said on February 12 that drones hit Rylsk.\n"
        ));
        assert_eq!(regions[0], "Ryl’sk");
        assert!(
            mentions.is_empty(),
            "Rylsk's oblast is already among the regions"
        );
        let (regions, _) = places_of(&format!(
            "{HEAD}The foreign minister of Poland said on February 12 that talks had stalled.\n"
        ));
        assert!(
            regions.is_empty(),
            "a national title places nothing: {regions:?}"
        );
    }

    #[test]
    fn page_furniture_and_bylines_give_no_events() {
        let text = format!(
            "{HEAD}by Jane Roe February 13, 2025 2:01 PM 2 min read\nSubscribe to our newsletter for updates every Monday\n* indicates required\n"
        );
        assert_eq!(events_of(&text, Some(day(2, 14))).len(), 1);
    }

    #[test]
    fn photo_credits_place_nothing() {
        let text = format!(
            "{HEAD}Soldiers rest near the front on February 12. (Photo by Havana Smith/AFP via Getty Images)\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        assert!(
            evs[1].2.iter().all(|r| r != "Havana" && r != "Cuba"),
            "{:?}",
            evs[1].2
        );
    }

    #[test]
    fn dates_in_links_and_template_tags_date_nothing() {
        let text = format!(
            "{HEAD}See the [earlier analysis]({{% post_url 2021-06-29-belgorod-class %}}) and https://example.org/2022/09/10/decoys for the map.\n"
        );
        assert!(dates_after_headline(&text, Some(day(2, 14))).is_empty());
        let range = format!(
            "{HEAD}Strikes rose from January to June 2024 (https://example.org/2023/01/01/x).\n"
        );
        assert_eq!(dates_after_headline(&range, Some(day(2, 14))).len(), 1);
    }

    #[test]
    fn a_lede_taken_for_a_title_gives_no_headline_event() {
        let text = "The council said its members had voted to extend the curfew in the city for another month after a night of heavy shelling.\n\n\
                    Talks between the two delegations resumed in the capital on February 12, officials of both sides said.\n";
        let evs = events_of(text, Some(day(2, 14)));
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(evs[0].0, "2025-02-12");
    }

    #[test]
    fn captions_without_a_stop_and_date_stubs_give_no_events() {
        let text = format!(
            "{HEAD}Firefighters work at a burnt depot on the outskirts of the city on Friday as the shelling goes on\n\n\
             The governor said on Friday that the shelling had stopped.\n\n\
             on February 12.\n"
        );
        let evs = events_of(&text, Some(day(2, 14)));
        let texts: Vec<&str> = evs.iter().skip(1).map(|e| e.3.as_str()).collect();
        assert_eq!(
            texts,
            ["The governor said on Friday that the shelling had stopped."]
        );
    }
}
