//! One test per rule family of the temporal tagger, on sentences written for
//! these tests, each with a fixed reference date.

use chrono::NaiveDate;
use frontlog::timex::{Anchor, Precision, Timex, TimexType, tag};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (text, value) of every expression.
fn found(text: &str, dct: Option<NaiveDate>) -> Vec<(String, String)> {
    tag(text, dct)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.value))
        .collect()
}

/// The value of the expression whose text is exactly `expr`.
fn value_of(text: &str, dct: NaiveDate, expr: &str) -> String {
    find(text, Some(dct), expr).value
}

fn find(text: &str, dct: Option<NaiveDate>, expr: &str) -> Timex {
    let all = tag(text, dct);
    all.iter()
        .find(|t| &text[t.start..t.end] == expr)
        .cloned()
        .unwrap_or_else(|| panic!("`{expr}` not found in {:?}", found(text, dct)))
}

#[test]
fn absolute_dates_in_every_style() {
    let dct = day(2024, 7, 1);
    let s = "The truce was signed on March 3, 2022 and broken on 5 April 2023.";
    assert_eq!(value_of(s, dct, "March 3, 2022"), "2022-03-03");
    assert_eq!(value_of(s, dct, "5 April 2023"), "2023-04-05");
    let s = "Records dated 2024-06-30 and 06/29/2024 were leaked, and 28/06/2024 too.";
    assert_eq!(value_of(s, dct, "2024-06-30"), "2024-06-30");
    assert_eq!(value_of(s, dct, "06/29/2024"), "2024-06-29");
    assert_eq!(value_of(s, dct, "28/06/2024"), "2024-06-28");
    let s = "The summit opened on Tuesday, June 4, 2024, in Vilnius.";
    assert_eq!(value_of(s, dct, "Tuesday, June 4, 2024"), "2024-06-04");
    let s = "Prices rose in August 2021 and again in 2019 levels were passed.";
    assert_eq!(value_of(s, dct, "August 2021"), "2021-08");
    let t = find(s, Some(dct), "2019");
    assert_eq!(t.value, "2019");
    assert_eq!(t.anchor, Anchor::Explicit);
    assert_eq!(t.interval.unwrap().precision, Precision::Year);
    let s = "KYIV, UKRAINE – JUNE 12: rescuers work at the site.";
    assert_eq!(value_of(s, dct, "JUNE 12"), "2024-06-12");
}

#[test]
fn month_and_day_without_a_year() {
    let dct = day(2025, 1, 5);
    let s = "The drone hit the depot on Dec. 28, officials said.";
    let t = find(s, Some(dct), "Dec. 28");
    assert_eq!(t.value, "2024-12-28");
    assert_eq!(t.anchor, Anchor::Relative);
    let s = "The envoy will arrive in Ankara on Jan. 20.";
    assert_eq!(value_of(s, dct, "Jan. 20"), "2025-01-20");
    // The year of an explicit date earlier in the sentence wins.
    let s = "Strikes grew from March to mid-May, 2023, and again in September, monitors said.";
    let all = tag(s, Some(dct));
    let values: Vec<&str> = all.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2023-03", "2023-05", "2023-09"]);
    assert_eq!(all[0].range_to, Some(1));
}

#[test]
fn ranges_keep_both_ends() {
    let dct = day(2025, 2, 14);
    let s = "Talks ran Feb. 3-7 in Riyadh; he served there 2015\u{2013}2017.";
    let all = tag(s, Some(dct));
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|t| (&s[t.start..t.end], t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Feb. 3", "2025-02-03"),
            ("7", "2025-02-07"),
            ("2015", "2015"),
            ("2017", "2017")
        ]
    );
    assert_eq!(all[0].range_to, Some(1));
    assert_eq!(all[2].range_to, Some(3));
}

#[test]
fn day_ranges_within_a_month() {
    let dct = day(2025, 2, 27);
    let s = "Talks were held on 24-25 February 2025 and again on 10 and 11 March.";
    let all = tag(s, Some(dct));
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|t| (&s[t.start..t.end], t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("24", "2025-02-24"),
            ("25 February 2025", "2025-02-25"),
            ("10", "2025-03-10"),
            ("11 March", "2025-03-11")
        ]
    );
    assert_eq!(all[0].range_to, Some(1));
    assert_eq!(all[2].range_to, Some(3));
}

#[test]
fn nights_hours_and_local_times() {
    // 2025-02-14 is a Friday.
    let dct = day(2025, 2, 14);
    let s = "Drones attacked overnight into Wednesday and in the early hours of Thursday.";
    assert_eq!(
        value_of(s, dct, "overnight into Wednesday"),
        "2025-02-12TNI"
    );
    assert_eq!(
        value_of(s, dct, "the early hours of Thursday"),
        "2025-02-13"
    );
    assert_eq!(
        value_of("Explosions shook Kharkiv overnight.", dct, "overnight"),
        "2025-02-13TNI"
    );
    let t = find(
        "The strike came at 0600 local time on Monday.",
        Some(dct),
        "0600 local time on Monday",
    );
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Time, "2025-02-10T06:00")
    );
    assert_eq!(
        value_of(
            "In the past day, 40 attacks were repelled.",
            dct,
            "the past day"
        ),
        "P1D"
    );
    assert_eq!(
        value_of("Weeks ago the town was quiet.", dct, "Weeks ago"),
        "PAST_REF"
    );
    assert_eq!(
        value_of("Kyiv wants a deal by end-2025.", dct, "end-2025"),
        "2025"
    );
}

#[test]
fn weekdays_by_tense_and_words() {
    // 2024-05-15 is a Wednesday.
    let dct = day(2024, 5, 15);
    assert_eq!(
        value_of(
            "The mayor said on Monday that power was back.",
            dct,
            "Monday"
        ),
        "2024-05-13"
    );
    assert_eq!(
        value_of(
            "The minister will travel to Warsaw on Friday.",
            dct,
            "Friday"
        ),
        "2024-05-17"
    );
    assert_eq!(
        value_of("Shelling resumed on Wednesday.", dct, "Wednesday"),
        "2024-05-15"
    );
    assert_eq!(
        value_of("The bridge was hit last Friday.", dct, "last Friday"),
        "2024-05-10"
    );
    assert_eq!(
        value_of("A vote is planned for next Tuesday.", dct, "next Tuesday"),
        "2024-05-21"
    );
    assert_eq!(
        value_of("The parliament is due to vote Saturday.", dct, "Saturday"),
        "2024-05-18"
    );
    let t = find(
        "Sirens sounded Thursday evening.",
        Some(dct),
        "Thursday evening",
    );
    assert_eq!(t.value, "2024-05-09TEV");
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(
        value_of("Crowds gathered late on Friday.", dct, "late on Friday"),
        "2024-05-10"
    );
}

#[test]
fn days_around_the_reference_date() {
    let dct = day(2024, 5, 15);
    let s = "Yesterday the army said it would strike again tomorrow morning, and tonight.";
    assert_eq!(value_of(s, dct, "Yesterday"), "2024-05-14");
    assert_eq!(value_of(s, dct, "tomorrow morning"), "2024-05-16TMO");
    assert_eq!(value_of(s, dct, "tonight"), "2024-05-15TNI");
    assert_eq!(
        value_of("Drones attacked last night.", dct, "last night"),
        "2024-05-14TNI"
    );
    assert_eq!(
        value_of("The convoy left a week ago.", dct, "a week ago"),
        "2024-05-08"
    );
    assert_eq!(
        value_of("It began two years ago.", dct, "two years ago"),
        "2022"
    );
}

#[test]
fn dates_counted_from_an_earlier_date() {
    let dct = day(2024, 5, 20);
    let s = "The ministers spoke on 3 May and met in Geneva four days later.";
    assert_eq!(value_of(s, dct, "four days later"), "2024-05-07");
    let s = "On 10 June the dam broke; the previous day it had rained.";
    assert_eq!(
        value_of(s, day(2024, 6, 20), "the previous day"),
        "2024-06-09"
    );
    let s = "Troops entered the town on 2 March. The next day they left.";
    assert_eq!(value_of(s, dct, "The next day"), "2024-03-03");
    let s = "The talks opened on 12 February. Two weeks before that, the sides \
             had swapped prisoners; a week after that, they met.";
    assert_eq!(value_of(s, dct, "Two weeks before that"), "2024-01-29");
    assert_eq!(value_of(s, dct, "a week after that"), "2024-02-05");
    let s = "Exports rose 4% in the second quarter. A year earlier they had fallen.";
    assert_eq!(value_of(s, dct, "A year earlier"), "2023-Q2");
    // A narrative anaphor reaches a few sentences back for its date.
    let s = "In March the board met. Bids came in. Most were low. \
             The following month, the firm was sold.";
    assert_eq!(value_of(s, dct, "The following month"), "2024-04");
}

#[test]
fn calendar_relative_periods() {
    let dct = day(2025, 2, 14);
    let s = "Earlier this month the port reopened; late last year it was shelled.";
    assert_eq!(value_of(s, dct, "Earlier this month"), "2025-02");
    assert_eq!(value_of(s, dct, "late last year"), "2024");
    assert_eq!(
        value_of("Talks resume this week.", dct, "this week"),
        "2025-W07"
    );
    assert_eq!(value_of("Output fell last year.", dct, "last year"), "2024");
    assert_eq!(
        value_of("The plant should open by mid-June.", dct, "mid-June"),
        "2025-06"
    );
    assert_eq!(
        value_of("Sales fell in early 2024.", dct, "early 2024"),
        "2024"
    );
    assert_eq!(
        value_of("Prices rose in June last year.", dct, "June last year"),
        "2024-06"
    );
    assert_eq!(
        value_of("The strikes went on over the weekend.", dct, "the weekend"),
        "2025-W06-WE"
    );
    // "last" + the month that just ended names that month a year before;
    // an earlier month is this year's.
    let dct = day(2025, 3, 1);
    let s = "Two helicopters crashed last February.";
    assert_eq!(value_of(s, dct, "last February"), "2024-02");
    let s = "The dam was hit last January.";
    assert_eq!(value_of(s, dct, "last January"), "2025-01");
    let s = "The port closed last December.";
    assert_eq!(value_of(s, day(2025, 1, 20), "last December"), "2024-12");
}

#[test]
fn quarters_halves_seasons_decades() {
    let dct = day(2024, 5, 15);
    assert_eq!(
        value_of(
            "Profit fell in the first quarter.",
            dct,
            "the first quarter"
        ),
        "2024-Q1"
    );
    assert_eq!(
        value_of(
            "It grew in the third quarter of 2023.",
            dct,
            "the third quarter of 2023"
        ),
        "2023-Q3"
    );
    assert_eq!(
        value_of("Deliveries slipped to Q4 2022.", dct, "Q4 2022"),
        "2022-Q4"
    );
    assert_eq!(
        value_of(
            "Costs peaked in the first half of 2024.",
            dct,
            "the first half of 2024"
        ),
        "2024-H1"
    );
    let dct = day(2025, 2, 14);
    assert_eq!(
        value_of("The dam failed last summer.", dct, "last summer"),
        "2024-SU"
    );
    assert_eq!(
        value_of("An offensive will come in the spring.", dct, "the spring"),
        "2025-SP"
    );
    let t = find("Troops trained there in the 1990s.", Some(dct), "the 1990s");
    // TimeML 1.2.1 writes a decade by truncation: `199`, not `199X`.
    assert_eq!(t.value, "199");
    let i = t.interval.unwrap();
    assert_eq!((i.first, i.last), (day(1990, 1, 1), day(1999, 12, 31)));
    assert_eq!(
        value_of("It was built in the 20th century.", dct, "the 20th century"),
        "19"
    );
    assert_eq!(
        value_of("Revenue fell in fiscal 2024.", dct, "fiscal 2024"),
        "2024"
    );
    // "The quarter ended July 31" ran from May: mostly the second quarter.
    let s = "In the quarter ended July 31, sales rose. In the quarter ended Sept. 30 too.";
    let all = tag(s, Some(day(2024, 10, 26)));
    let values: Vec<&str> = all.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2024-Q2", "2024-07-31", "2024-Q3", "2024-09-30"]);
    // A quarter still running at the DCT does not become the one "a year
    // ago" and "the year-ago period" refer to.
    let dct = day(2024, 10, 26);
    let s = "Third-quarter profit fell. Analysts expect the slump to go on into \
             the fourth quarter. In the year-ago period, it earned $2 million.";
    assert_eq!(value_of(s, dct, "the year-ago period"), "2023-Q3");
}

#[test]
fn named_days() {
    let dct = day(2025, 2, 14);
    assert_eq!(
        value_of("A truce by Easter is the goal.", dct, "Easter"),
        "2025-04-20"
    );
    assert_eq!(
        value_of("Strikes went on over Christmas.", dct, "Christmas"),
        "2024-12-25"
    );
    assert_eq!(
        value_of("A parade will be held on Victory Day.", dct, "Victory Day"),
        "2025-05-09"
    );
    assert_eq!(
        value_of("He voted on Election Day 2024.", dct, "Election Day 2024"),
        "2024-11-05"
    );
    // "Easter week" is the ISO week of Easter Sunday.
    assert_eq!(
        value_of(
            "Pilgrims came as Easter week began.",
            day(2025, 4, 14),
            "Easter week"
        ),
        "2025-W16"
    );
}

#[test]
fn lengths_and_recurrences() {
    let dct = day(2025, 2, 14);
    let s = "The siege lasted three years; the shelling went on for two hours.";
    assert_eq!(value_of(s, dct, "three years"), "P3Y");
    assert_eq!(value_of(s, dct, "two hours"), "PT2H");
    let t = find(
        "Prices doubled over the past two months.",
        Some(dct),
        "the past two months",
    );
    assert_eq!(
        (t.kind, t.value.as_str(), t.interval),
        (TimexType::Duration, "P2M", None)
    );
    assert_eq!(
        value_of("It took several days.", dct, "several days"),
        "PXD"
    );
    assert_eq!(
        value_of("He served 2 1/2 years.", dct, "2 1/2 years"),
        "P2Y6M"
    );
    assert_eq!(
        value_of("They signed a 10-year deal.", dct, "10-year"),
        "P10Y"
    );
    assert_eq!(
        value_of("Convoys run every Monday.", dct, "every Monday"),
        "XXXX-WXX-1"
    );
    assert_eq!(value_of("Sirens sound daily.", dct, "daily"), "P1D");
    assert_eq!(
        value_of("Trains come twice a week.", dct, "twice a week"),
        "P1W"
    );
    assert_eq!(
        value_of("The fair opens each July.", dct, "each July"),
        "XXXX-07"
    );
}

#[test]
fn vague_references() {
    let dct = day(2025, 2, 14);
    let s = "The front is now quiet; it was recently shelled and currently holds, but in the near future it may fall.";
    assert_eq!(value_of(s, dct, "now"), "PRESENT_REF");
    assert_eq!(value_of(s, dct, "recently"), "PAST_REF");
    assert_eq!(value_of(s, dct, "currently"), "PRESENT_REF");
    assert_eq!(value_of(s, dct, "the near future"), "FUTURE_REF");
    assert!(find(s, Some(dct), "now").interval.is_none());
    // "then current" is the present of a past time.
    let s = "Holders may buy shares at half the then current price.";
    assert_eq!(value_of(s, dct, "then current"), "PAST_REF");
    let s = "Holders may buy shares at half the then-current price.";
    assert_eq!(value_of(s, dct, "then-current"), "PAST_REF");
}

#[test]
fn clock_times() {
    let dct = day(2024, 5, 15);
    let t = find(
        "The blast came at 2:30 p.m. on Friday.",
        Some(dct),
        "2:30 p.m. on Friday",
    );
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Time, "2024-05-10T14:30")
    );
    assert_eq!(
        value_of("Curfew starts at 10pm.", dct, "10pm"),
        "2024-05-15T22:00"
    );
    assert_eq!(
        value_of("Polls close at 14:30 GMT.", dct, "14:30 GMT"),
        "2024-05-15T14:30"
    );
}

#[test]
fn spoken_clock_times_and_loose_offsets() {
    let dct = day(2000, 4, 6);
    let s = "By 4 in the morning the shelling stopped; by mid afternoon it resumed.";
    assert_eq!(value_of(s, dct, "4 in the morning"), "2000-04-06T04:00");
    assert_eq!(value_of(s, dct, "mid afternoon"), "2000-04-06TAF");
    assert_eq!(
        value_of("He left a week or so ago.", dct, "a week or so ago"),
        "2000-03-30"
    );
    assert_eq!(
        value_of(
            "Sales grew in the last half of 1999.",
            dct,
            "the last half of 1999"
        ),
        "1999-H2"
    );
    assert_eq!(
        value_of(
            "Traders left at mid-afternoon yesterday.",
            dct,
            "mid-afternoon yesterday"
        ),
        "2000-04-05TAF"
    );
}

#[test]
fn without_a_reference_date_relative_values_stay_open() {
    // (A year stated in the same sentence would be lent: see below.)
    let s = "On Feb. 12 and on Thursday, as last year. Then on March 3, 2022.";
    let all = tag(s, None);
    let got: Vec<(&str, &str, bool)> = all
        .iter()
        .map(|t| (&s[t.start..t.end], t.value.as_str(), t.interval.is_some()))
        .collect();
    assert_eq!(
        got,
        [
            ("Feb. 12", "XXXX-02-12", false),
            ("Thursday", "XXXX-WXX-4", false),
            ("last year", "XXXX", false),
            ("March 3, 2022", "2022-03-03", true)
        ]
    );
}

#[test]
fn no_false_dates_from_names_counts_and_money() {
    let dct = Some(day(2025, 2, 14));
    let s = "It may strike many as absurd. Thousands march in Tbilisi. He won a second term. \
             The 3rd Assault Brigade and the 47th Brigade fly F-16 jets, S-300 batteries, \
             Su-34 and Tu-95 bombers. Day 1,087: 2,275 drones, losses of 600,000-800,000, \
             $1.5-million stolen, a range of 400 miles, 200-pound warheads, COVID-19 and 9/11.";
    assert_eq!(found(s, dct), Vec::<(String, String)>::new());
    // pre-2014 is kept, as the year it names.
    assert_eq!(
        value_of(
            "A return to pre-2014 borders.",
            day(2025, 2, 14),
            "pre-2014"
        ),
        "2014"
    );
}

/// Found by the `dates` fuzz target: a relative word ("past", "next") as the
/// last word of the text made the named-day rule read past the end.
#[test]
fn a_relative_word_at_the_very_end_is_not_read_past() {
    let dct = Some(day(2006, 9, 20));
    for s in ["\u{e}\n\u{fffd}PAST", "the Next", "Last"] {
        assert_eq!(found(s, dct), Vec::<(String, String)>::new(), "{s:?}");
    }
    assert_eq!(
        found("It happened in the past", dct),
        [("in the past".to_string(), "PAST_REF".to_string())]
    );
}

#[test]
fn without_a_reference_date_a_year_stated_in_the_sentence_is_lent_either_way() {
    let s = "Drone attacks on Feb. 10-11 damaged substations, the operator said on \
             2025-02-11. A depot burned on March 3.";
    let all = found(s, None);
    let value = |expr: &str| {
        all.iter()
            .find(|(t, _)| t == expr)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{expr} in {all:?}"))
    };
    assert_eq!(value("Feb. 10"), "2025-02-10");
    assert_eq!(value("11"), "2025-02-11");
    // Another sentence borrows nothing: the year stays unknown.
    assert_eq!(value("March 3"), "XXXX-03-03");
}
