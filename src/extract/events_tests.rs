//! Unit tests of [`super`]: events of small texts written for them.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::corpus::document_from_text;
use crate::extract::{DatePrecision, EventType};

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
    let text =
        format!("{HEAD}The deal was signed on July 16, 2018. Officials met again on Wednesday.\n");
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
    let text = format!("{HEAD}Officials met on Wednesday. The treaty dates from March 3, 2014.\n");
    let evs = events_of(&text, None);
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0].0, "2014-03-03");
}

#[test]
fn future_dates_are_flagged() {
    let text =
        format!("{HEAD}Leaders will meet in Brussels on February 20. They met on February 10.\n");
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
    let text = format!("{HEAD}Strikes rose from January to mid-June, 2024, the ministry said.\n");
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
fn a_dateline_in_title_case_is_where_the_story_was_filed() {
    for opening in [
        "Kyiv, March 12, 2025 —",
        "Kyiv, 12 March 2025 -",
        "KYIV, March 12 -",
    ] {
        let text = format!(
            "{HEAD}{opening} Russian drones struck Kharkiv on Tuesday night, injuring three people.\n"
        );
        let evs = events_of(&text, Some(day(3, 12)));
        assert_eq!(evs.len(), 2, "{opening}: {evs:?}");
        assert_eq!(
            evs[1].2,
            ["Kharkiv", "Kharkiv Oblast", "Ukraine"],
            "{opening}"
        );
    }
    // A place, a comma and words with a number are no dateline when the
    // words are not a date.
    let text = format!(
        "{HEAD}Kharkiv, 30 km from the border (about 1.4 million people), was hit on March 11.\n"
    );
    assert_eq!(events_of(&text, Some(day(3, 12)))[1].2[0], "Kharkiv");
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
    // A big city is no place for its surroundings: its country is.
    let (regions, mentions) = places_of(&format!(
        "{HEAD}On February 12, a plant not far from Moscow caught fire.\n"
    ));
    assert_eq!(regions, ["Russia"]);
    assert_eq!(mentions, ["Moscow"]);
    let (regions, _) = places_of(&format!(
        "{HEAD}On February 12, a depot 30 km from Kyiv was hit.\n"
    ));
    assert!(
        !regions.iter().any(|r| r.starts_with("Kyiv")),
        "{regions:?}"
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

#[test]
fn an_embedded_post_counts_today_from_the_day_it_was_posted() {
    let text = "Live updates on the war\n\nToday I signed the aid bill. — A Leader (@a_leader) April 20, 2025\n";
    let dates = dates_after_headline(text, Some(day(4, 22)));
    assert_eq!(dates, ["2025-04-20"]);
}

#[test]
fn a_lede_dateline_yields_to_the_date_its_sentence_gives() {
    // "On Friday" in a story datelined Saturday 2025-02-15 is the 14th;
    // the dateline's own date is the report's, not a second happening.
    let text = format!(
        "{HEAD}\nODESA, February 15, 2025 - Drones struck the port on Friday, officials said.\n"
    );
    assert_eq!(
        dates_after_headline(&text, Some(day(2, 15))),
        ["2025-02-14"]
    );
    // Without another date the dateline still dates the sentence.
    let text =
        format!("{HEAD}\nODESA, February 15, 2025 - Drones struck the port, officials said.\n");
    assert_eq!(
        dates_after_headline(&text, Some(day(2, 15))),
        ["2025-02-15"]
    );
}

#[test]
fn a_record_of_a_many_article_file_without_a_headline_has_no_headline_event() {
    // A chat message (`result#3`) has no headline: its file's name is none.
    let mut doc = doc_of(
        "Drones struck the port of Odesa on Friday, officials said.\n",
        Some(day(2, 15)),
    );
    doc.id = "result#3".into();
    doc.title.value = None;
    let events = crate::extract::extract(&doc, 0, Gazetteer::builtin());
    assert!(events.iter().all(|e| !e.headline));
    assert_eq!(events.len(), 1);
}

#[test]
fn a_night_named_by_the_day_after_it_is_one_event() {
    let text = format!(
        "{HEAD}\nDrones hit the port of Izmail overnight on February 14, the governor said.\n"
    );
    assert_eq!(
        dates_after_headline(&text, Some(day(2, 14))),
        vec!["2025-02-14"]
    );
    // A night alone is still the night's own date.
    let text = format!("{HEAD}\nDrones hit the port of Izmail overnight, the governor said.\n");
    assert_eq!(
        dates_after_headline(&text, Some(day(2, 14))),
        vec!["2025-02-13"]
    );
}

#[test]
fn an_article_without_a_headline_gives_no_file_name_event() {
    let mut doc = doc_of(
        "Drones hit the port of Izmail on Thursday, the governor said.\n",
        Some(day(2, 14)),
    );
    doc.title.value = None;
    let evs = extract(&doc, 0, Gazetteer::builtin());
    assert!(evs.iter().all(|e| !e.headline), "{evs:?}");
    assert_eq!(evs.len(), 1);
}

#[test]
fn a_date_in_sentences_run_together_takes_the_type_of_its_own_part() {
    // Scraped text with sentences glued without a space: one sentence for
    // the span, but each date is typed by the part that holds it.
    let text = format!(
        "{HEAD}\nThe two foreign ministers spoke by phone on Saturday.The day before, the \
         governor said that a missile had hit a depot in Poltava and killed three people.\n"
    );
    let doc = doc_of(&text, Some(day(3, 10)));
    let g = Gazetteer::builtin();
    let got: Vec<(String, EventType, Option<u32>)> = extract(&doc, 0, g)
        .into_iter()
        .skip(1)
        .map(|e| (e.date.label(), e.kind, e.killed))
        .collect();
    assert_eq!(
        got,
        [
            ("2025-03-08".to_string(), EventType::Calls, None),
            (
                "2025-03-07".to_string(),
                EventType::ExplosionsRemoteViolence,
                Some(3)
            ),
        ]
    );
}

#[test]
fn a_region_a_town_is_described_by_does_not_place_it() {
    // "a town close to Crimea" lies outside Crimea.
    let text = format!("{HEAD}\nOn Monday, drones hit Henichesk, a town close to Crimea.\n");
    let got = events_of(&text, Some(day(3, 10)));
    assert_eq!(got[1].2, ["Henichesk", "Kherson Oblast", "Ukraine"]);
    // Without a town, a region as the point of reference places only in
    // its country.
    let text = format!("{HEAD}\nOn Monday, drones hit a depot north of Crimea.\n");
    let got = events_of(&text, Some(day(3, 10)));
    assert_eq!(got[1].2, ["Ukraine"]);
}
