//! A date and a calendar modifier after it: "Friday last week", "Feb. 24
//! last year", "Monday next week". The modifier names the week or year the
//! date falls in, counted from the reference date.

use super::grammar::{G, Hit, Match};
use super::sem::{Base, Pick, Sem, Unit};

/// The week or year offset of "last week", "this year", "next week" at `i`:
/// (unit, offset, token after).
fn period_after(g: &G, i: usize) -> Option<(Unit, i32, usize)> {
    let off = if g.word(i, "last") {
        -1
    } else if g.word(i, "this") {
        0
    } else if g.word(i, "next") {
        1
    } else {
        return None;
    };
    let unit = if g.word(i + 1, "week") {
        Unit::Week
    } else if g.word(i + 1, "year") {
        Unit::Year
    } else {
        return None;
    };
    Some((unit, off, i + 2))
}

/// Extends a weekday or a day of a month without a year by the week or year
/// named right after it. Anything else is returned as it came.
pub(crate) fn extend(g: &G, hit: Hit) -> Hit {
    let Hit::One(m) = hit else { return hit };
    let Some((unit, off, end)) = period_after(g, m.end) else {
        return Hit::One(m);
    };
    let fits = matches!(
        (&m.sem, unit),
        (
            Sem::Weekday {
                pick: Pick::Plain,
                base: Base::Dct,
                ..
            },
            Unit::Week,
        ) | (
            Sem::Date {
                year: None,
                month: Some(_),
                day: Some(_),
                ..
            },
            Unit::Year,
        )
    );
    if !fits {
        return Hit::One(m);
    }
    Hit::One(Match {
        start: m.start,
        end,
        sem: Sem::InPeriod {
            inner: Box::new(m.sem),
            unit,
            off,
        },
        explicit: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    #[test]
    fn a_weekday_in_the_week_named_after_it() {
        // 2025-03-20 is a Thursday.
        let f = found("Shelling hit the port on Tuesday last week.", (2025, 3, 20));
        assert_eq!(f, [("Tuesday last week".into(), "2025-03-11".into())]);
        let f = found("They meet on Monday next week.", (2025, 3, 20));
        assert_eq!(f, [("Monday next week".into(), "2025-03-24".into())]);
    }

    #[test]
    fn a_day_of_a_month_in_the_year_named_after_it() {
        let f = found("The bridge was hit on March 3 last year.", (2025, 3, 20));
        assert_eq!(f, [("March 3 last year".into(), "2024-03-03".into())]);
        let f = found("Polls open on 5 June next year.", (2025, 3, 20));
        assert_eq!(f, [("5 June next year".into(), "2026-06-05".into())]);
    }

    #[test]
    fn other_words_after_a_date_are_left_alone() {
        let f = found("On Tuesday last year's losses were counted.", (2025, 3, 20));
        assert_eq!(f[0], ("Tuesday".into(), "2025-03-18".into()));
    }
}
