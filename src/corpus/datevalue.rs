//! Publication dates as crawlers and feeds write them in metadata fields
//! (front matter, manifests): ISO 8601 dates and date-times, slashed ISO
//! dates, RFC 2822 feed dates, and written dates ("8 October 2022",
//! "Oct. 8, 2022").
//!
//! The calendar day is the one written: a time or an offset after it is
//! read past, never converted to another zone. An all-numeric `3/4/2022` is
//! taken only where one part cannot be a month; otherwise it is refused as
//! ambiguous rather than guessed.

use chrono::{DateTime, NaiveDate};

use crate::corpus::metadata::stated_day;

/// The calendar day a metadata value states, or why it states none (a
/// message for the user, without the key's name).
pub fn parse(value: &str) -> Result<NaiveDate, String> {
    let v = value.trim().trim_matches(['"', '\'']).trim();
    if let Some(day) = iso_prefix(v) {
        return Ok(day);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Ok(dt.date_naive());
    }
    if let Some(day) = numeric(v)? {
        return Ok(day);
    }
    if let Some(day) = stated_day(v) {
        return Ok(day);
    }
    Err(format!("`{v}` is not a date"))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, followed by nothing, a time
/// (`T`, a space) or an offset.
fn iso_prefix(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let y = v.get(..4)?.parse().ok()?;
    let m = v.get(5..7)?.parse().ok()?;
    let d = v.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `D/M/YYYY`, `M/D/YYYY` or `D.M.YYYY`: `Ok(None)` when the value has
/// another shape, an error when its day and month cannot be told apart.
fn numeric(v: &str) -> Result<Option<NaiveDate>, String> {
    let head = v.split([' ', 'T']).next().unwrap_or(v);
    let parts: Vec<&str> = head.split(['/', '.']).collect();
    if parts.len() != 3
        || parts[2].len() != 4
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
    {
        return Ok(None);
    }
    let (a, b, y): (u32, u32, i32) = match (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
        (Ok(a), Ok(b), Ok(y)) => (a, b, y),
        _ => return Ok(None),
    };
    let day_first = head.contains('.') || a > 12;
    let (d, m) = if day_first {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else if a == b {
        (a, b)
    } else {
        return Err(format!(
            "`{head}` could be day/month or month/day: write it as YYYY-MM-DD"
        ));
    };
    Ok(NaiveDate::from_ymd_opt(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_and_date_times() {
        assert_eq!(parse("2025-05-29T00:00:00"), Ok(day(2025, 5, 29)));
        assert_eq!(parse("2024-11-03 18:40:12 +0800"), Ok(day(2024, 11, 3)));
        assert_eq!(parse("\"2023/07/01\""), Ok(day(2023, 7, 1)));
        assert_eq!(parse("2025-02-13T18:26:00Z"), Ok(day(2025, 2, 13)));
    }

    #[test]
    fn feed_and_written_dates() {
        assert_eq!(
            parse("Tue, 04 Mar 2025 07:15:00 +0000"),
            Ok(day(2025, 3, 4))
        );
        assert_eq!(parse("4 March 2025"), Ok(day(2025, 3, 4)));
        assert_eq!(parse("March 4, 2025"), Ok(day(2025, 3, 4)));
    }

    #[test]
    fn numeric_dates_only_when_unambiguous() {
        assert_eq!(parse("25/12/2024"), Ok(day(2024, 12, 25)));
        assert_eq!(parse("12/25/2024"), Ok(day(2024, 12, 25)));
        assert_eq!(parse("14.02.2025"), Ok(day(2025, 2, 14)));
        assert!(parse("3/4/2022").unwrap_err().contains("day/month"));
    }

    #[test]
    fn words_that_are_no_date_are_refused() {
        assert!(parse("unknown").is_err());
        assert!(parse("soon").is_err());
    }
}
