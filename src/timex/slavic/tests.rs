//! Unit tests of the Ukrainian and Russian date rules: every rule and trap,
//! each input written for the test with its English gloss.

use chrono::NaiveDate;

use crate::timex::{Carry, slavic};

/// (text, value) of every expression in `text` (language `code`) at `dct`.
fn found(text: &str, code: &str, dct: (i32, u32, u32)) -> Vec<(String, String)> {
    let dct = NaiveDate::from_ymd_opt(dct.0, dct.1, dct.2);
    slavic::tag(text, dct, code, &mut Carry::default())
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.value))
        .collect()
}

/// The values alone.
fn values(text: &str, code: &str, dct: (i32, u32, u32)) -> Vec<String> {
    found(text, code, dct).into_iter().map(|f| f.1).collect()
}

const DCT: (i32, u32, u32) = (2025, 2, 14); // a Friday

#[test]
fn day_and_month_in_every_case_with_or_without_year() {
    // "On Thursday, 13 February 2025, the city was shelled."
    let f = found(
        "У четвер, 13 лютого 2025 року, місто обстріляли.",
        "uk",
        DCT,
    );
    assert_eq!(
        f,
        [("У четвер, 13 лютого 2025 року".into(), "2025-02-13".into())]
    );
    // "On 13 February strikes went on." (no year: the past one)
    assert_eq!(
        values("13 февраля удары продолжились.", "ru", DCT),
        ["2025-02-13"]
    );
    // "Since the 1st of July" written with an ordinal ending.
    assert_eq!(values("1-го липня", "uk", DCT), ["2024-07-01"]);
    // "on 08 July 2022, 09:25" (a stamp with its time)
    assert_eq!(
        values("08 липня 2022, 09:25", "uk", DCT),
        ["2022-07-08T09:25"]
    );
    // "2025 г." abbreviated year word
    assert_eq!(
        values("5 января 2025 г. состоялось", "ru", DCT),
        ["2025-01-05"]
    );
}

#[test]
fn months_alone_need_a_preposition_or_year() {
    // "in February", "in February 2024", "at the start of June", "in
    // November last year"
    assert_eq!(values("у лютому", "uk", DCT), ["2025-02"]);
    assert_eq!(values("у лютому 2024 року", "uk", DCT), ["2024-02"]);
    assert_eq!(values("в начале июня", "ru", (2025, 7, 11)), ["2025-06"]);
    assert_eq!(values("В ноябре прошлого года", "ru", DCT), ["2024-11"]);
    // "last March", "this June" (said in February 2025)
    assert_eq!(
        values("минулого березня; в этом июне", "uk", DCT),
        ["2024-03", "2025-06"]
    );
    // Trap: "лютий" is also the adjective "fierce": alone it is no month.
    assert!(values("лютий мороз", "uk", DCT).is_empty());
}

#[test]
fn weekdays_take_the_past_unless_the_future_is_said() {
    // "on Thursday", "last Thursday", "on Wednesday"
    assert_eq!(values("у четвер", "uk", DCT), ["2025-02-13"]);
    assert_eq!(values("минулого четверга", "uk", DCT), ["2025-02-13"]);
    assert_eq!(values("в среду", "ru", DCT), ["2025-02-12"]);
    // "the meeting will take place on Tuesday"
    assert_eq!(
        values("встреча состоится во вторник", "ru", DCT),
        ["2025-02-18"]
    );
    // Trap: "в среде экспертов" is "among experts", no Wednesday.
    assert!(values("в среде экспертов", "ru", DCT).is_empty());
}

#[test]
fn days_from_the_publication_date() {
    // "yesterday", "today", "the day before yesterday", (ru) "yesterday", "today"
    assert_eq!(
        values("вчора, сьогодні, позавчора, вчера, сегодня", "uk", DCT),
        [
            "2025-02-13",
            "2025-02-14",
            "2025-02-12",
            "2025-02-13",
            "2025-02-14"
        ]
    );
    // "over the past day", "over the day", "during this day"
    assert_eq!(
        values("минулої доби; за сутки; цієї доби", "uk", DCT),
        ["2025-02-14", "2025-02-14", "2025-02-14"]
    );
    // "yesterday's sanctions", "today's stage"
    assert_eq!(
        values("вчорашні санкції; сегодняшний этап", "uk", DCT),
        ["2025-02-13", "2025-02-14"]
    );
    // "yesterday evening"
    assert_eq!(values("вчера вечером", "ru", DCT), ["2025-02-13TEV"]);
}

#[test]
fn the_day_before_counts_from_the_story_date() {
    // "On 10 February ... The day before, in the evening, Kursk was attacked."
    assert_eq!(
        values(
            "10 февраля сбили дроны. Накануне вечером атаке подвергся Курск.",
            "ru",
            DCT
        ),
        ["2025-02-10", "2025-02-09TEV"]
    );
    // "On 10 February the bridge was hit. The next morning it was closed."
    assert_eq!(
        values(
            "10 февраля удар пришелся по мосту. Следующим утром его закрыли.",
            "ru",
            DCT
        )
        .last()
        .map(String::as_str),
        Some("2025-02-11")
    );
    assert_eq!(
        values(
            "10 лютого влучили в міст. Наступного ранку його закрили.",
            "uk",
            DCT
        )
        .last()
        .map(String::as_str),
        Some("2025-02-11")
    );
    // Trap: "on the eve of important summits" is no day.
    assert!(values("напередодні важливих самітів", "uk", DCT).is_empty());
    assert!(values("накануне встречи", "ru", DCT).is_empty());
}

#[test]
fn weeks_months_and_years_from_the_publication_date() {
    // "last week", "last week", "this month", "this year", "last year"
    assert_eq!(
        values(
            "минулого тижня; на прошлой неделе; цього місяця; в этом году; торік",
            "uk",
            DCT
        ),
        ["2025-W06", "2025-W06", "2025-02", "2025", "2024"]
    );
}

#[test]
fn nights_are_dated_on_the_morning_that_ends_them() {
    // "on the night to 14 February", (ru) the same
    assert_eq!(values("у ніч на 14 лютого", "uk", DCT), ["2025-02-14"]);
    assert_eq!(values("в ночь на 14 февраля", "ru", DCT), ["2025-02-14"]);
    // "on the night from 13 to 14 February": both days, as a range.
    let t = slavic::tag(
        "у ніч з 13 на 14 лютого",
        NaiveDate::from_ymd_opt(2025, 2, 14),
        "uk",
        &mut Carry::default(),
    );
    assert_eq!(
        (t[0].value.as_str(), t[1].value.as_str()),
        ("2025-02-13", "2025-02-14")
    );
    assert_eq!(t[0].range_to, Some(1));
    // "overnight", "last night" in a report: the report's night.
    assert_eq!(values("за ночь сбили", "ru", DCT), ["2025-02-14TNI"]);
}

#[test]
fn numeric_dates_and_stamps() {
    // "14.02.2025"; "as of 08:00 14.02.2025"
    assert_eq!(values("14.02.2025", "uk", DCT), ["2025-02-14"]);
    assert_eq!(
        values("станом на 08:00 14.02.2025", "uk", DCT),
        ["2025-02-14T08:00"]
    );
    // "from 24.02 to 08.07": year-less figures only inside a range.
    assert_eq!(
        values("з 24.02 по 08.07", "uk", (2022, 7, 8)),
        ["2022-02-24", "2022-07-08"]
    );
    // "from 24.02.22 to 15.02.25": two-digit years.
    assert_eq!(
        values("з 24.02.22 по 15.02.25", "uk", DCT),
        ["2022-02-24", "2025-02-15"]
    );
    // Traps: a decimal number, a version and a bare "14.02" are no dates.
    assert!(values("ріст 3.10 відсотка, версія 1.2.3, код 14.02", "uk", DCT).is_empty());
}

#[test]
fn clock_times_with_zones_or_prepositions() {
    // "at 2:49 and 3:02 Moscow time"
    assert_eq!(
        values("в 2:49 и 3:02 мск", "ru", DCT),
        ["2025-02-14T02:49", "2025-02-14T03:02"]
    );
    // "at 14:30 Kyiv time"
    assert_eq!(
        values("14:30 за київським часом", "uk", DCT),
        ["2025-02-14T14:30"]
    );
    // "from 20:00 to 23:00 Moscow time"
    assert_eq!(
        values("с 20:00 до 23:00 мск", "ru", DCT),
        ["2025-02-14T20:00", "2025-02-14T23:00"]
    );
    // "at four o'clock"
    assert_eq!(
        values("о четвертій годині", "uk", DCT),
        ["2025-02-14T04:00"]
    );
    // Trap: a score or a ratio "2:1" with no preposition or zone.
    assert!(values("рахунок 2:10", "uk", DCT).is_empty());
}

#[test]
fn years_with_their_word() {
    // "in 2025", (ru) "2025", "in the 2022nd", "in 2022, 2023 and 2024"
    assert_eq!(values("у 2025 році", "uk", DCT), ["2025"]);
    assert_eq!(values("2025 года", "ru", DCT), ["2025"]);
    assert_eq!(values("у 2022-му", "uk", DCT), ["2022"]);
    assert_eq!(
        values("в 2022, 2023 и 2024 годах", "ru", DCT),
        ["2022", "2023", "2024"]
    );
    // "met in 2017, 2018 and 2021" (no year word); "in the 1940s"
    assert_eq!(
        values("встречались в 2017, 2018 и 2021.", "ru", DCT),
        ["2017", "2018", "2021"]
    );
    assert_eq!(values("як і в 1940-х роках", "uk", DCT), ["194"]);
    // Trap: "in 2000 villages" counts villages.
    assert!(values("у 2000 селах", "uk", DCT).is_empty());
    // "from 2015 to 2019"
    assert_eq!(values("з 2015 по 2019 рік", "uk", DCT), ["2015", "2019"]);
    // "in 1940-1942": a range of years.
    assert_eq!(values("у 1940-1942 роках", "uk", DCT), ["1940", "1942"]);
}

#[test]
fn ranges_of_days() {
    // "from 1 to 14 February", (ru) "from 10 to 14 February", "on 1–2 July"
    assert_eq!(
        values("з 1 по 14 лютого", "uk", DCT),
        ["2025-02-01", "2025-02-14"]
    );
    assert_eq!(
        values("с 10 по 14 февраля", "ru", DCT),
        ["2025-02-10", "2025-02-14"]
    );
    assert_eq!(
        values("на 1–2 июля", "ru", (2025, 7, 1)),
        ["2025-07-01", "2025-07-02"]
    );
    // "16 and 17 May": two days, the first with the second's month.
    assert_eq!(
        values("16 и 17 мая", "ru", (2025, 7, 1)),
        ["2025-05-16", "2025-05-17"]
    );
}

#[test]
fn parts_of_the_day_on_the_reference_day() {
    // "in the morning", "in the evening", "at night" (uk and ru)
    assert_eq!(
        values("вранці; ввечері; утром; вечером; ночью", "uk", DCT),
        [
            "2025-02-14TMO",
            "2025-02-14TEV",
            "2025-02-14TMO",
            "2025-02-14TEV",
            "2025-02-14TNI"
        ]
    );
    // "in the morning of 1 July": the part joins its date.
    assert_eq!(
        values("утром 1 июля", "ru", (2025, 7, 1)),
        ["2025-07-01TMO"]
    );
    // Traps: "with each day", "with the birthday" are no parts of a day.
    assert!(
        values(
            "З кожним днем; с каждым днем; поздравил с днем рождения",
            "uk",
            DCT
        )
        .is_empty()
    );
}

#[test]
fn seasons_and_ago() {
    // "in spring 2025", "in autumn last year", "three days ago", "a week
    // ago", "two years ago"
    assert_eq!(values("весной 2025 года", "ru", DCT), ["2025-SP"]);
    assert_eq!(values("осенью прошлого года", "ru", DCT), ["2024-FA"]);
    assert_eq!(values("три дні тому", "uk", DCT), ["2025-02-11"]);
    assert_eq!(values("тиждень тому", "uk", DCT), ["2025-02-07"]);
    assert_eq!(values("2 года назад", "ru", DCT), ["2023"]);
    // Trap: "several years ago" names no year.
    assert!(values("несколько лет назад", "ru", DCT).is_empty());
}

#[test]
fn future_words_point_ahead() {
    // "On 24 March meetings will take place." said on 21 March.
    assert_eq!(
        values("24 березня відбудуться зустрічі.", "uk", (2022, 3, 21)),
        ["2022-03-24"]
    );
    // "tomorrow"
    assert_eq!(values("завтра", "uk", DCT), ["2025-02-15"]);
    // A future word in another clause does not count: "they will be
    // European — on 10 July he said".
    assert_eq!(
        values(
            "они будут европейскими — 10 июля он заявил",
            "ru",
            (2025, 7, 11)
        ),
        ["2025-07-10"]
    );
}

#[test]
fn war_days_count_from_the_invasion() {
    // "The 26th day of the full-scale war has ended."
    assert_eq!(
        values("Завершився наш 26-й день повномасштабної війни.", "uk", DCT),
        ["2022-03-21"]
    );
}

#[test]
fn named_days() {
    // "On Border Guard Day"
    assert_eq!(
        values("У День прикордонника", "uk", (2022, 4, 30)),
        ["2022-04-30"]
    );
}

#[test]
fn traps_unit_numbers_aircraft_counts_and_idioms() {
    // "the 93rd brigade", "the 3rd army", "a Su-34", "1637 tanks", "unit A 1476"
    assert!(
        values(
            "93-тя бригада, 3-я армия, Су-34, 1637 танків, частина А 1476",
            "uk",
            DCT
        )
        .is_empty()
    );
    // "not for money but for today, for tomorrow"
    assert!(values("не за гроші, а за сьогодні, за завтра", "uk", DCT).is_empty());
    // "tomorrow or the day after is a secondary question"
    assert!(values("Завтра чи післязавтра – питання другорядне", "uk", DCT).is_empty());
    // "today this is the most important work" (nowadays)
    assert!(values("Сьогодні це найважливіша робота", "uk", DCT).is_empty());
}

#[test]
fn the_other_languages_words_are_read_too() {
    // A Russian quote inside a Ukrainian text: "today at night".
    assert_eq!(values("сегодня ночью", "uk", DCT), ["2025-02-14TNI"]);
}
