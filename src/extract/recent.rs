//! "In the past day", "over the last three days": a stretch of time that
//! ends at the article's date. TimeML calls it a duration; on a timeline it
//! is the days it covers, up to the publication date (a General Staff
//! report of "38 attacks over the past day" is news of that day).

use chrono::{Days, NaiveDate};

use super::{DatePrecision, EventDate};

/// Longest stretch placed this way: beyond a month it says little of when.
const MAX_DAYS: u64 = 31;

/// The days a "past N days/hours" duration covers, ending on `reference`.
/// `text` is the expression as written, `value` its TIMEX3 duration.
pub(super) fn recent_days(text: &str, value: &str, reference: NaiveDate) -> Option<EventDate> {
    // (Bytes: a prefix that matches is ASCII, so the cut after it is safe.)
    let starts = |s: &str, p: &str| {
        s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let rest = if starts(text, "the ") {
        &text[4..]
    } else {
        text
    };
    if !(starts(rest, "past ") || starts(rest, "last ")) {
        return None;
    }
    let days = if let Some(h) = value.strip_prefix("PT").and_then(|v| v.strip_suffix('H')) {
        h.parse::<u64>().ok()?.div_ceil(24)
    } else {
        value
            .strip_prefix('P')
            .and_then(|v| v.strip_suffix('D'))?
            .parse::<u64>()
            .ok()?
    };
    if days == 0 || days > MAX_DAYS {
        return None;
    }
    Some(EventDate {
        first: reference.checked_sub_days(Days::new(days - 1))?,
        last: reference,
        precision: DatePrecision::Day,
    })
}

/// Words before "hours" that make the stretch the news's own moment
/// ("just hours after", "only hours before").
const NEARNESS: &[&str] = &["just", "only", "mere", "barely", "within"];

/// "It comes just hours after the council voted": an unnumbered stretch of
/// hours (`PTXH`) after a word of nearness, before "after" or "before" and
/// a clause with a past verb, puts the happening that clause tells at the
/// article's own day, `reference` ("just hours after the attack" names no
/// happening of its own). `before` and `after` are the text on each side
/// of the expression.
pub(super) fn hours_from_now(
    before: &str,
    value: &str,
    after: &str,
    reference: NaiveDate,
) -> Option<EventDate> {
    let near = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| NEARNESS.iter().any(|n| n.eq_ignore_ascii_case(w)));
    let mut words = after.split_whitespace();
    let link = words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("before"))
        && crate::timex::has_past_verb(&words.take(6).collect::<Vec<_>>().join(" "));
    (value == "PTXH" && near && link).then_some(EventDate {
        first: reference,
        last: reference,
        precision: DatePrecision::Day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 2, d).unwrap()
    }

    #[test]
    fn past_days_and_hours_end_on_the_reference_day() {
        let one = recent_days("the past day", "P1D", day(13)).unwrap();
        assert_eq!((one.first, one.last), (day(13), day(13)));
        let hours = recent_days("the past 24 hours", "PT24H", day(13)).unwrap();
        assert_eq!((hours.first, hours.last), (day(13), day(13)));
        let three = recent_days("the last three days", "P3D", day(13)).unwrap();
        assert_eq!((three.first, three.last), (day(11), day(13)));
    }

    #[test]
    fn just_hours_after_is_the_articles_day() {
        let at = |b: &str, a: &str| hours_from_now(b, "PTXH", a, day(13)).map(|d| d.first);
        assert_eq!(
            at("It came just ", " after the council voted."),
            Some(day(13))
        );
        assert_eq!(
            at("Only ", " before the talks opened, drones hit."),
            Some(day(13))
        );
        assert_eq!(
            at("Smoke is still rising, just ", " after the strike."),
            None
        );
        assert_eq!(at("Rescuers worked for ", " after the strike."), None);
        assert_eq!(at("just ", " of talks."), None);
    }

    #[test]
    fn other_durations_are_no_dates() {
        assert_eq!(recent_days("three days", "P3D", day(13)), None);
        assert_eq!(recent_days("the next two days", "P2D", day(13)), None);
        assert_eq!(recent_days("the past two years", "P2Y", day(13)), None);
        assert_eq!(recent_days("the past 90 days", "P90D", day(13)), None);
        assert_eq!(recent_days("日本の三日", "P3D", day(13)), None);
    }
}
