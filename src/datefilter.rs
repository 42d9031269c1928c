//! Reading a date filter as a person types it: `2025-02-10..2025-02-14`,
//! `2025-02-12`, `2025-02`, `2025`, `..2025-02-13`, `2025-02-10..`, and
//! month-name forms like `feb 12..feb 14`, `12 February`, `Feb 2025`. A day
//! without a year takes the year given by the caller (the corpus's latest).
//! Used by `--from`/`--to` and the terminal app's date input alike.
//!
//! Also what a range keeps ([`DateWindow`]): a range has a precision (a
//! day, an ISO week, a month or a year, read off its ends), and an event is
//! in it when its dates lie inside the range or, overlapping it, are known
//! at that precision or finer. An event known only to a coarser period
//! that overlaps the range (the year 2025 under a filter on 2025-02-27) is
//! apart: left out unless asked for, and counted.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::extract::{DatePrecision, EventDate};

/// An inclusive range of days; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    /// First day, if bounded.
    pub from: Option<NaiveDate>,
    /// Last day, if bounded.
    pub to: Option<NaiveDate>,
}

/// Parses a range (`A..B`, `A..`, `..B`, or a single date meaning all of
/// its day, month or year). Errors say what is wrong in words.
pub fn parse_range(input: &str, year: i32) -> Result<DateRange, String> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(DateRange::default());
    }
    let (a, b) = match split_range(s) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => {
            let (first, last) = parse_period(s, year)?;
            return Ok(DateRange {
                from: Some(first),
                to: Some(last),
            });
        }
    };
    if a.is_empty() && b.is_empty() {
        return Err("a range needs at least one end, like 2025-02-10.. or ..2025-02-14".into());
    }
    let from = if a.is_empty() {
        None
    } else {
        Some(parse_period(a, year)?.0)
    };
    let to = if b.is_empty() {
        None
    } else {
        Some(parse_period(b, year)?.1)
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("the range ends ({t}) before it starts ({f})"));
    }
    Ok(DateRange { from, to })
}

/// The two ends of a range written `A..B`, `A to B`, `A - B` or `A–B`
/// (a plain `-` only with spaces around it: dates have hyphens inside).
fn split_range(s: &str) -> Option<(&str, &str)> {
    if let Some(parts) = s.split_once("..") {
        return Some(parts);
    }
    for sep in [" to ", " TO ", " To ", " - ", "–", "—"] {
        if let Some(parts) = s.split_once(sep) {
            return Some(parts);
        }
    }
    None
}

/// The first day of a date or period (`--from`).
pub fn parse_start(input: &str, year: i32) -> Result<NaiveDate, String> {
    parse_period(input.trim(), year).map(|p| p.0)
}

/// The last day of a date or period (`--to`).
pub fn parse_end(input: &str, year: i32) -> Result<NaiveDate, String> {
    parse_period(input.trim(), year).map(|p| p.1)
}

/// First and last day of a day, month or year written by a person.
fn parse_period(s: &str, year: i32) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("`{s}` is not a date: try 2025-02-12, 2025-02, 2025, 2025-W07 or feb 12");
    if let Some(p) = iso_week(s) {
        return p.ok_or_else(|| format!("`{s}` is not a real ISO week"));
    }
    if let Some(p) = numeric(s) {
        return p.ok_or_else(|| format!("`{s}` is not a real calendar date"));
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut day = None;
    let mut yr = None;
    for w in &words {
        if let Some(m) = month_number(w) {
            if month.replace(m).is_some() {
                return Err(bad());
            }
        } else if let Ok(n) = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
        {
            if w.len() == 4 && !w.ends_with(|c: char| c.is_alphabetic()) {
                yr = Some(n as i32);
            } else if day.replace(n).is_some() {
                return Err(bad());
            }
        } else {
            return Err(bad());
        }
    }
    let month = month.ok_or_else(bad)?;
    let y = yr.unwrap_or(year);
    match day {
        Some(d) => NaiveDate::from_ymd_opt(y, month, d)
            .map(|d| (d, d))
            .ok_or_else(|| format!("`{s}`: {} has no day {d}", month_name(month))),
        None => month_bounds(y, month).ok_or_else(bad),
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: `None` when not of that shape,
/// `Some(None)` when of that shape but not a real date.
#[allow(clippy::option_option)]
fn numeric(s: &str) -> Option<Option<(NaiveDate, NaiveDate)>> {
    let parts: Vec<&str> = s.split('-').collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
    {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    if y == 0 {
        return Some(None); // there was no year 0 in the calendar news uses
    }
    Some(match parts.as_slice() {
        [_] => NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31)),
        [_, m] => m.parse().ok().and_then(|m| month_bounds(y, m)),
        [_, m, d] => m
            .parse()
            .ok()
            .zip(d.parse().ok())
            .and_then(|(m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .map(|d| (d, d)),
        _ => return None,
    })
}

/// `YYYY-Www` (an ISO week, as the timeline writes weeks): Monday to
/// Sunday. `None` when not of that shape, `Some(None)` when no such week.
#[allow(clippy::option_option)]
fn iso_week(s: &str) -> Option<Option<(NaiveDate, NaiveDate)>> {
    let (y, w) = s.split_once(['-'])?;
    let w = w.strip_prefix(['W', 'w'])?;
    if y.len() != 4 || !(1..=2).contains(&w.len()) {
        return None;
    }
    let (y, w): (i32, u32) = (y.parse().ok()?, w.parse().ok()?);
    let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon);
    Some(monday.zip(NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun)))
}

fn month_bounds(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number (1–12) of an English month name or its abbreviation of at
/// least three letters ("feb", "sept"), any case.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_owned() } else { w };
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

/// The English name of month `m` (1–12).
fn month_name(m: u32) -> &'static str {
    u8::try_from(m)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// How an event's dates stand to a date filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// In the range: inside it, or days (a night, a weekend) overlapping
    /// its edge.
    Inside,
    /// Overlapping the range, but known only to a period (a year, a month
    /// or a week) that runs past it.
    Coarser,
    /// Not overlapping the range.
    Outside,
}

/// A date filter as applied to events: its two ends and its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    /// First day, if bounded.
    pub from: Option<NaiveDate>,
    /// Last day, if bounded.
    pub to: Option<NaiveDate>,
    /// The precision of the range ([`range_precision`]).
    pub precision: DatePrecision,
}

impl DateWindow {
    /// The window of a range.
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> DateWindow {
        DateWindow {
            from,
            to,
            precision: range_precision(from, to),
        }
    }

    /// Whether the range is bounded at all.
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// How `date` stands to the range.
    pub fn fit(&self, date: &EventDate) -> Fit {
        let overlaps =
            self.from.is_none_or(|f| date.last >= f) && self.to.is_none_or(|t| date.first <= t);
        if !overlaps {
            return Fit::Outside;
        }
        let inside =
            self.from.is_none_or(|f| date.first >= f) && self.to.is_none_or(|t| date.last <= t);
        // Days that run over the edge (a night, a weekend) have a day on
        // each side and are held by both. A week across a month's edge is
        // held by neither: it would count in two months.
        if inside || date.precision == DatePrecision::Day {
            Fit::Inside
        } else {
            Fit::Coarser
        }
    }
}

/// The precision of a range: the coarsest period — year, month, ISO week,
/// day — whose boundaries its ends fall on (the first day of one for the
/// start, the last day of one for the end). `2025-02` and
/// `2025-02-01..2025-02-28` are a month, `2025-W07` is a week, `2025` and
/// `2024..2025` are years, `2025-02-27` and `2025-02-10..2025-02-20` are
/// days. An open range takes the precision of its one end; no range at all
/// is a year (the coarsest: nothing is left out).
pub fn range_precision(from: Option<NaiveDate>, to: Option<NaiveDate>) -> DatePrecision {
    let starts = |p: DatePrecision, d: NaiveDate| match p {
        DatePrecision::Day => true,
        DatePrecision::Week => d.weekday() == Weekday::Mon,
        DatePrecision::Month => d.day() == 1,
        DatePrecision::Year => d.ordinal() == 1,
    };
    let ends = |p: DatePrecision, d: NaiveDate| match d.succ_opt() {
        Some(next) => starts(p, next),
        None => true,
    };
    [
        DatePrecision::Year,
        DatePrecision::Month,
        DatePrecision::Week,
        DatePrecision::Day,
    ]
    .into_iter()
    .find(|&p| from.is_none_or(|f| starts(p, f)) && to.is_none_or(|t| ends(p, t)))
    .unwrap_or(DatePrecision::Day)
}

/// The year to give dates typed without one: the year of the latest date
/// among the given days, or the current year when there is none.
pub fn default_year(days: impl Iterator<Item = NaiveDate>) -> i32 {
    days.max()
        .map_or_else(|| chrono::Local::now().year(), |d| d.year())
}

/// Why `text` is not a day written YYYY-MM-DD: "not a real calendar date"
/// when it has that shape ("2025-02-30"), else "not a date of the form
/// YYYY-MM-DD". Shared by the command line and the manifest.
pub fn iso_day_error(text: &str) -> String {
    let b = text.trim().as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shaped {
        format!("`{text}` is not a real calendar date")
    } else {
        format!("`{text}` is not a date of the form YYYY-MM-DD")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_day_error_says_what_is_wrong() {
        assert_eq!(
            iso_day_error("2025-02-30"),
            "`2025-02-30` is not a real calendar date"
        );
        assert_eq!(
            iso_day_error("14/02/2025"),
            "`14/02/2025` is not a date of the form YYYY-MM-DD"
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn range(s: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let r = parse_range(s, 2025).unwrap();
        (r.from, r.to)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(
            range("2025-02-10..2025-02-14"),
            (Some(d(2025, 2, 10)), Some(d(2025, 2, 14)))
        );
        assert_eq!(
            range("2025-02-12"),
            (Some(d(2025, 2, 12)), Some(d(2025, 2, 12)))
        );
        assert_eq!(
            range("2024-02"),
            (Some(d(2024, 2, 1)), Some(d(2024, 2, 29)))
        );
        assert_eq!(range("2024"), (Some(d(2024, 1, 1)), Some(d(2024, 12, 31))));
        assert_eq!(range("..2025-02-13"), (None, Some(d(2025, 2, 13))));
        assert_eq!(range("2025-02-10.."), (Some(d(2025, 2, 10)), None));
        assert_eq!(
            range(" 2025-02 .. 2025-03 "),
            (Some(d(2025, 2, 1)), Some(d(2025, 3, 31)))
        );
        assert_eq!(range(""), (None, None));
    }

    #[test]
    fn month_name_forms_take_the_given_year() {
        assert_eq!(
            range("feb 12..feb 14"),
            (Some(d(2025, 2, 12)), Some(d(2025, 2, 14)))
        );
        assert_eq!(
            range("12 February"),
            (Some(d(2025, 2, 12)), Some(d(2025, 2, 12)))
        );
        assert_eq!(
            range("Feb 2024"),
            (Some(d(2024, 2, 1)), Some(d(2024, 2, 29)))
        );
        assert_eq!(
            range("January 11, 2024"),
            (Some(d(2024, 1, 11)), Some(d(2024, 1, 11)))
        );
        assert_eq!(range("sept 1.."), (Some(d(2025, 9, 1)), None));
    }

    #[test]
    fn wrong_entries_say_why() {
        for (input, why) in [
            ("2025-02-30", "not a real calendar date"),
            ("2025-13", "not a real calendar date"),
            ("feb 30", "February has no day 30"),
            ("yesterday", "is not a date"),
            (
                "2025-02-14..2025-02-10",
                "ends (2025-02-10) before it starts",
            ),
            ("..", "at least one end"),
            ("feb mar", "is not a date"),
            ("0000", "not a real calendar date"),
            ("2025-W54", "not a real ISO week"),
            ("2025-02-14 to 2025-02-10", "before it starts"),
        ] {
            let err = parse_range(input, 2025).unwrap_err();
            assert!(err.contains(why), "{input}: {err}");
        }
    }

    #[test]
    fn weeks_and_ranges_as_the_timeline_writes_them_or_people_type_them() {
        let feb_10_to_14 = (Some(d(2025, 2, 10)), Some(d(2025, 2, 14)));
        for input in [
            "2025-02-10 to 2025-02-14",
            "Feb 10 - Feb 14",
            "2025-02-10–2025-02-14",
            "feb 10 TO feb 14",
        ] {
            assert_eq!(range(input), feb_10_to_14, "{input}");
        }
        assert_eq!(
            range("2025-W07"),
            (Some(d(2025, 2, 10)), Some(d(2025, 2, 16)))
        );
        assert_eq!(
            range("2025-w7..2025-W08"),
            (Some(d(2025, 2, 10)), Some(d(2025, 2, 23)))
        );
        assert_eq!(
            range("2025-02-10 - 2025-02"),
            (Some(d(2025, 2, 10)), Some(d(2025, 2, 28)))
        );
    }

    #[test]
    fn start_and_end_of_periods() {
        assert_eq!(parse_start("2025-02", 2000).unwrap(), d(2025, 2, 1));
        assert_eq!(parse_end("2025-02", 2000).unwrap(), d(2025, 2, 28));
        assert_eq!(parse_end("2024", 2000).unwrap(), d(2024, 12, 31));
    }

    #[test]
    fn a_range_has_the_precision_of_its_ends() {
        let p = |s: &str| {
            let r = parse_range(s, 2025).unwrap();
            range_precision(r.from, r.to)
        };
        assert_eq!(p("2025-02-27"), DatePrecision::Day);
        assert_eq!(p("2025-02-10..2025-02-20"), DatePrecision::Day);
        assert_eq!(p("2025-W07"), DatePrecision::Week);
        assert_eq!(p("2025-W07..2025-W08"), DatePrecision::Week);
        assert_eq!(p("2025-02"), DatePrecision::Month);
        assert_eq!(p("2025-02-01..2025-02-28"), DatePrecision::Month);
        assert_eq!(p("2025-01..2025-06"), DatePrecision::Month);
        assert_eq!(p("2025"), DatePrecision::Year);
        assert_eq!(p("2025-02.."), DatePrecision::Month);
        assert_eq!(p("..2025-02-13"), DatePrecision::Day);
        // A month that starts on a Monday and ends on a Sunday is a month.
        assert_eq!(p("2025-09..2025-11"), DatePrecision::Month);
        assert_eq!(range_precision(None, None), DatePrecision::Year);
    }

    #[test]
    fn a_day_is_a_day() {
        let on = |s: &str| {
            let r = parse_range(s, 2025).unwrap();
            DateWindow::new(r.from, r.to)
        };
        let date = |first, last, precision| EventDate {
            first,
            last,
            precision,
        };
        let day = EventDate::day(d(2025, 2, 27));
        let two_days = date(d(2025, 2, 26), d(2025, 2, 27), DatePrecision::Day);
        let week = date(d(2025, 2, 24), d(2025, 3, 2), DatePrecision::Week);
        let month = date(d(2025, 2, 1), d(2025, 2, 28), DatePrecision::Month);
        let months = date(d(2025, 1, 1), d(2025, 3, 31), DatePrecision::Month);
        let year = date(d(2025, 1, 1), d(2025, 12, 31), DatePrecision::Year);
        let feb_27 = on("2025-02-27");
        assert_eq!(feb_27.fit(&day), Fit::Inside);
        assert_eq!(feb_27.fit(&two_days), Fit::Inside, "known to the day");
        for coarser in [week, month, months, year] {
            assert_eq!(feb_27.fit(&coarser), Fit::Coarser, "{coarser:?}");
        }
        assert_eq!(on("2025-02-28").fit(&two_days), Fit::Outside);
        // A month keeps its days, the weeks inside it and itself; a week
        // across its edge, the months around it and the year may lie
        // outside it and are coarser (a week of 24 February to 2 March
        // would otherwise count in February and in March).
        let feb = on("2025-02");
        let week_inside = date(d(2025, 2, 17), d(2025, 2, 23), DatePrecision::Week);
        for inside in [day, two_days, week_inside, month] {
            assert_eq!(feb.fit(&inside), Fit::Inside, "{inside:?}");
        }
        for coarser in [week, months, year] {
            assert_eq!(feb.fit(&coarser), Fit::Coarser, "{coarser:?}");
        }
        assert_eq!(on("2025-03").fit(&week), Fit::Coarser);
        // A night over a month's edge has a day in each.
        let night = date(d(2025, 2, 28), d(2025, 3, 1), DatePrecision::Day);
        assert_eq!(feb.fit(&night), Fit::Inside);
        assert_eq!(on("2025-03").fit(&night), Fit::Inside);
        assert_eq!(on("2025").fit(&year), Fit::Inside);
        // A week inside a range of days lies in it; one running past it is coarser.
        let days = on("2025-02-24..2025-03-05");
        assert_eq!(days.fit(&week), Fit::Inside);
        assert_eq!(on("2025-02-24..2025-02-28").fit(&week), Fit::Coarser);
        // No filter keeps everything.
        assert_eq!(DateWindow::new(None, None).fit(&year), Fit::Inside);
        assert!(!DateWindow::new(None, None).is_set());
    }

    #[test]
    fn default_year_is_the_latest() {
        assert_eq!(
            default_year([d(2024, 5, 1), d(2025, 1, 2)].into_iter()),
            2025
        );
    }
}
