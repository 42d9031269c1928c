//! Reading a date filter as a person types it: `2025-02-10..2025-02-14`,
//! `2025-02-12`, `2025-02`, `2025`, `..2025-02-13`, `2025-02-10..`, and
//! month-name forms like `feb 12..feb 14`, `12 February`, `Feb 2025`. A day
//! without a year takes the year given by the caller (the corpus's latest).
//! Used by `--from`/`--to` and the terminal app's date input alike.

use chrono::{Datelike, NaiveDate};

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

fn month_number(w: &str) -> Option<u32> {
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

/// The year to give dates typed without one: the year of the latest date
/// among the given days, or the current year when there is none.
pub fn default_year(days: impl Iterator<Item = NaiveDate>) -> i32 {
    days.max()
        .map_or_else(|| chrono::Local::now().year(), |d| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn default_year_is_the_latest() {
        assert_eq!(
            default_year([d(2024, 5, 1), d(2025, 1, 2)].into_iter()),
            2025
        );
    }
}
