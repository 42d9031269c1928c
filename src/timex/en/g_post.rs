//! A date and a calendar modifier after it: "Friday last week", "Feb. 24
//! last year", "Monday next week". The modifier names the week or year the
//! date falls in, counted from the reference date. Also "the eve of" a day:
//! the day before it.

use super::grammar::{G, Hit, Match};
use crate::timex::sem::{Base, Pick, Sem, Unit};

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

/// "the eve of Orthodox Easter", "on the eve of May 9": the day before the
/// day that follows. `day` is the rule set that reads that day.
pub(crate) fn eve_of(g: &G, i: usize, day: impl Fn(usize) -> Option<Hit>) -> Option<Hit> {
    if !(g.word(i, "the") && g.word(i + 1, "eve") && g.word(i + 2, "of")) {
        return None;
    }
    let Some(Hit::One(m)) = day(i + 3) else {
        return None;
    };
    let one_day = matches!(
        m.sem,
        Sem::Holiday { .. } | Sem::Weekday { .. } | Sem::Date { day: Some(_), .. }
    );
    one_day.then(|| {
        Hit::One(Match {
            start: i,
            end: m.end,
            sem: Sem::DaysFrom(Box::new(m.sem), -1),
            explicit: m.explicit,
        })
    })
}

/// "this year on April 24", "last year, on Feb. 24": a year named right
/// before a day of a month without one gives that day its year; the two
/// are one expression. `day` reads the expression at a token.
pub(crate) fn lead(g: &G, hit: Hit, day: impl Fn(usize) -> Option<Hit>) -> Hit {
    let Hit::One(m) = hit else { return hit };
    let Some((Unit::Year, off, end)) = period_after(g, m.start) else {
        return Hit::One(m);
    };
    if end != m.end {
        return Hit::One(m);
    }
    let j = g.opt_punct(end, ',');
    if !g.word_in(j, &["on", "in"]) {
        return Hit::One(m);
    }
    match day(j + 1) {
        Some(Hit::One(d))
            if matches!(
                d.sem,
                Sem::Date {
                    year: None,
                    month: Some(_),
                    day: Some(_),
                    ..
                }
            ) =>
        {
            Hit::One(Match {
                start: m.start,
                end: d.end,
                sem: Sem::InPeriod {
                    inner: Box::new(d.sem),
                    unit: Unit::Year,
                    off,
                },
                explicit: false,
            })
        }
        _ => Hit::One(m),
    }
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
    fn a_year_named_before_a_day_gives_it_its_year() {
        let f = found("The feast falls this year on April 24.", (2022, 4, 20));
        assert_eq!(f, [("this year on April 24".into(), "2022-04-24".into())]);
        let f = found(
            "Prices rose last year, on Feb. 24 most of all.",
            (2025, 3, 20),
        );
        assert_eq!(f, [("last year, on Feb. 24".into(), "2024-02-24".into())]);
    }

    #[test]
    fn the_eve_of_a_day_is_the_day_before() {
        let f = found("Strikes came on the eve of Orthodox Easter.", (2023, 4, 20));
        assert_eq!(
            f,
            [("the eve of Orthodox Easter".into(), "2023-04-15".into())]
        );
        let f = found("They met on the eve of May 9.", (2023, 4, 20));
        assert_eq!(f, [("the eve of May 9".into(), "2023-05-08".into())]);
        let f = found(
            "A truce over the Orthodox Christian Easter holiday.",
            (2023, 4, 20),
        );
        assert_eq!(f[0].1, "2023-04-16");
    }

    #[test]
    fn other_words_after_a_date_are_left_alone() {
        let f = found("On Tuesday last year's losses were counted.", (2025, 3, 20));
        assert_eq!(f[0], ("Tuesday".into(), "2025-03-18".into()));
    }
}

/// Anaphors that count from the last date the text gave (see `resolve`
/// and [`crate::timex::tag_with`]).
#[cfg(test)]
mod anaphora_tests {
    use crate::timex::test_util::found;
    use crate::timex::{Carry, tag_with};
    use chrono::NaiveDate;

    #[test]
    fn a_bare_ordinal_day_takes_the_month_in_focus() {
        let f = found(
            "Shelling on March 3 was heavy. The 4th was calmer. On the 5th, it resumed.",
            (2025, 3, 20),
        );
        let values: Vec<&str> = f.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(values, ["2025-03-03", "2025-03-04", "2025-03-05"]);
        // Without a day told before, or before a noun, it is no date.
        assert!(found("The 4th was calmer.", (2025, 3, 20)).is_empty());
        let f = found("On March 3 the 4th round of talks opened.", (2025, 3, 20));
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn n_units_on_counts_forward_from_the_date_told() {
        let f = found(
            "The dam burst in June 2023. Crews came and went. Prices rose. Exactly three months on, the town is empty.",
            (2024, 1, 10),
        );
        assert_eq!(f[1], ("three months on".into(), "2023-09".into()));
        assert!(
            found("He spent two days on the road.", (2024, 1, 10))
                .iter()
                .all(|x| x.1 == "P2D")
        );
    }

    #[test]
    fn a_paragraph_counts_from_the_date_the_one_before_gave() {
        // 2026-03-13 is a Friday.
        let dct = NaiveDate::from_ymd_opt(2026, 3, 13);
        let mut carry = Carry::default();
        let first = tag_with("The envoy on Sunday met the minister.", dct, &mut carry);
        assert_eq!(first[0].value, "2026-03-08");
        let next = tag_with("The general, three days later, said so.", dct, &mut carry);
        assert_eq!(next[0].value, "2026-03-11");
        let mut carry = Carry::default();
        tag_with("On March 2, drones hit a depot.", dct, &mut carry);
        let next = tag_with("On the same day, a bridge burned.", dct, &mut carry);
        assert_eq!(next[0].value, "2026-03-02");
        // A date still ahead is not carried.
        let mut carry = Carry::default();
        tag_with("He is held until April 30.", dct, &mut carry);
        let next = tag_with("A day later, he spoke.", dct, &mut carry);
        assert_eq!(next[0].value, "2026-03-14");
    }
}
