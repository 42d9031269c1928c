//! Rules for dates given relative to the reference date or to an earlier
//! date: "last week", "next April", "two years ago", "six days later",
//! "the previous day", "that year", "for the year", "year-end". Named days
//! and parts of days ("yesterday", "Thursday evening") are in `g_day`, the
//! modifiers around dates and lengths ("early", "the end of", "nearly") in
//! `g_mod`.

use super::g_date::{month_name, pick_of};
use super::g_day::part_of_day;
use super::g_num::card_at;
use super::grammar::{G, Hit, Match};
use super::lexicon::Class;
use super::token::Kind;
use crate::timex::sem::{Base, Sem, Tod, Unit};

/// Any relative-date rule at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Match> {
    super::g_day::at(g, i)
        .or_else(|| year_ago(g, i))
        .or_else(|| rel_unit(g, i))
        .or_else(|| picked_month(g, i))
        .or_else(|| offset(g, i))
        .or_else(|| year_end(g, i))
}

/// "year-earlier", "year-ago" as adjectives: a year before the date in focus.
fn year_ago(g: &G, i: usize) -> Option<Match> {
    if !(g.word(i, "year") && g.punct(i + 1, '-') && g.word_in(i + 2, &["earlier", "ago"])) {
        return None;
    }
    Some(Match::new(
        i,
        i + 3,
        Sem::Offset {
            unit: Unit::Year,
            n: -1,
            base: Base::Ref,
            tod: None,
            exact: true,
        },
    ))
}

/// A unit word at `i` for relative dates: (unit, part of day, token after).
fn rel_target(g: &G, i: usize) -> Option<(Unit, Option<Tod>, usize)> {
    if g.word(i, "fiscal") && g.word(i + 1, "year") {
        return Some((Unit::Year, None, i + 2));
    }
    if let Some((tod, e)) = part_of_day(g, i) {
        return Some((Unit::Day, Some(tod), e));
    }
    let u = g.class(i, Class::Unit)?.code();
    if u == "NIGHT" {
        return Some((Unit::Day, Some(Tod::Part("NI")), i + 1));
    }
    let unit = Unit::from_code(u)?;
    if unit.is_clock() || matches!(unit, Unit::Quarter | Unit::Fortnight | Unit::Weekend) {
        return None;
    }
    Some((unit, None, i + 1))
}

/// "last week", "this month", "next year", "the past year", "last night",
/// "this morning", "the next day", "the following year", "that day",
/// "the same day", "the day before", "the current year".
fn rel_unit(g: &G, i: usize) -> Option<Match> {
    let the = g.word(i, "the");
    let mut j = if the { i + 1 } else { i };
    // "the week of March 6": the week around that day.
    if the
        && g.word(j, "week")
        && g.word(j + 1, "of")
        && let Some(Hit::One(d)) = super::g_date::at(g, j + 2)
        && matches!(d.sem, Sem::Date { day: Some(_), .. })
    {
        return Some(Match {
            start: i,
            sem: Sem::WeekOf(Box::new(d.sem)),
            ..d
        });
    }
    // "the year ended Sept. 30", "the fiscal year ending June 30": a
    // year-long accounting period.
    if the {
        let y = if g.word(j, "fiscal") { j + 1 } else { j };
        if g.word(y, "year") && g.word_in(y + 1, &["ended", "ending"]) {
            return Some(Match::new(i, y + 1, Sem::Duration("P1Y".to_string())));
        }
    }
    if let Some(m) = the_year(g, i) {
        return Some(m);
    }
    if the && g.word(j, "day") && g.word_in(j + 1, &["before", "after"]) {
        let n = if g.word(j + 1, "before") { -1 } else { 1 };
        if g.word_in(j + 2, &["yesterday", "tomorrow"]) {
            return None;
        }
        // "the day before the vote", "the day after he was shot": the
        // word governs an event, so the day is the event's, not the one
        // before the date in focus. Set after a date ("on Nov. 3, the day
        // before police ..."), "the day" is that date; else it is unknown.
        if g.tok(j + 2)
            .is_some_and(|t| t.kind != Kind::Punct && !g.word_in(j + 2, &["and", "or", "but"]))
        {
            // "the day before last Tuesday", "the day after Christmas": a
            // day counted from the day named.
            let named = match super::g_date::at(g, j + 2) {
                Some(Hit::One(m)) => Some(m),
                _ => super::g_day::at(g, j + 2),
            };
            if let Some(m) = named.filter(|m| is_one_day(&m.sem)) {
                return Some(Match {
                    start: i,
                    sem: Sem::DaysFrom(Box::new(m.sem), n),
                    ..m
                });
            }
            let apposed = i >= 2
                && g.punct(i - 1, ',')
                && (g.tok(i - 2).is_some_and(|t| t.kind == Kind::Num)
                    || g.is(i - 2, Class::Weekday)
                    || g.is(i - 2, Class::DayWord));
            return apposed.then(|| {
                Match::new(
                    i,
                    j + 1,
                    Sem::Offset {
                        unit: Unit::Day,
                        n: 0,
                        base: Base::Ref,
                        tod: None,
                        exact: false,
                    },
                )
            });
        }
        return Some(Match::new(
            i,
            j + 2,
            Sem::Offset {
                unit: Unit::Day,
                n,
                base: Base::Ref,
                tod: None,
                exact: false,
            },
        ));
    }
    let that = g.word(j, "that");
    if that && g.word(j + 1, "same") {
        j += 1;
    }
    let w = j;
    let (n, base) = if g.word_in(w, &["last", "past"]) {
        (-1, Base::Dct)
    } else if g.word(w, "next") {
        (1, if the { Base::Ref } else { Base::Dct })
    } else if g.word(w, "coming") && the {
        (1, Base::Dct)
    } else if g.word_in(w, &["this", "current"]) {
        if g.word(w, "current") && !the {
            return None;
        }
        (0, Base::Dct)
    } else if g.word_in(w, &["previous", "preceding", "prior"]) && the {
        (-1, Base::Ref)
    } else if g.word(w, "following") && the {
        (1, Base::Ref)
    } else if (g.word(w, "same") && (the || that)) || g.word(w, "that") {
        (0, Base::Ref)
    } else {
        return None;
    };
    let (unit, tod, end) = rel_target(g, w + 1)?;
    // "the past day", "the last day": a day-long stretch up to now.
    if unit == Unit::Day && tod.is_none() && the && g.word_in(w, &["past", "last"]) {
        return Some(Match::new(i, end, Sem::Duration("P1D".to_string())));
    }
    // "ABC's This Week": a name.
    if g.cap(w) && g.cap(w + 1) && !g.sent_start(w) {
        return None;
    }
    // "the past decade", "the last century": lengths.
    if n == -1 && matches!(unit, Unit::Decade | Unit::Century) && g.word_in(w, &["past", "last"]) {
        let v = super::g_len::duration_value(Some(1.0), unit);
        return Some(Match::new(i, end, Sem::Duration(v)));
    }
    if unit == Unit::Day && tod.is_none() && base == Base::Dct {
        // "this day", "last day": not the usual way to say today.
        return None;
    }
    if tod.is_some() && base == Base::Dct && n == 1 {
        return None;
    }
    // "last night" is the night before; "this morning" today.
    let n = if tod.is_some() && base == Base::Dct && n == -1 {
        -1
    } else if tod.is_some() && base == Base::Dct {
        0
    } else {
        n
    };
    let unit = if tod.is_some() { Unit::Day } else { unit };
    // "net of $3 million last year": a figure compared with the same
    // period a year before, counted like "a year ago".
    let compared = unit == Unit::Year && n == -1 && base == Base::Dct && amount_before(g, i);
    Some(Match::new(
        i,
        end,
        Sem::Offset {
            unit,
            n,
            base,
            tod,
            exact: compared,
        },
    ))
}

/// Whether a meaning names one day ("last Tuesday", "March 3", "Easter").
fn is_one_day(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Weekday { .. } | Sem::Holiday { .. } | Sem::Date { day: Some(_), .. }
    ) || matches!(
        sem,
        Sem::Offset {
            unit: Unit::Day,
            ..
        }
    )
}

/// "for the year", "of the full year", "in the fiscal year": the year the
/// story is about (one stated earlier in the sentence, else the reference
/// year).
fn the_year(g: &G, i: usize) -> Option<Match> {
    if !(i > 0
        && g.word(i, "the")
        && g.word_in(i - 1, &["for", "of", "in", "during", "throughout"]))
    {
        return None;
    }
    let y = if g.word_in(i + 1, &["full", "fiscal", "whole", "entire"]) {
        i + 2
    } else {
        i + 1
    };
    if !g.word(y, "year") || g.cap(y) {
        return None;
    }
    // "the year ended June 30", "the year-ago quarter", "the year 2000",
    // "the year before": other rules, or no date of its own.
    let next_ok = match g.tok(y + 1) {
        None => true,
        Some(t) if t.kind == Kind::Punct => !matches!(t.ch, '-' | '\''),
        // ("a high for the year of $42": "of" before an amount is fine.)
        Some(t) if t.kind == Kind::Word => {
            !(g.word_in(
                y + 1,
                &[
                    "ended", "ending", "before", "after", "earlier", "ago", "later", "to", "when",
                    "that", "in", "since",
                ],
            ) || g.word(y + 1, "of") && g.tok(y + 2).is_some_and(|t| t.kind == Kind::Word))
        }
        Some(_) => false,
    };
    next_ok.then(|| {
        Match::new(
            i,
            y + 1,
            Sem::Offset {
                unit: Unit::Year,
                n: 0,
                base: Base::Sentence,
                tod: None,
                exact: false,
            },
        )
    })
}

/// Whether an amount ("$3 million", "4 pence", "12%") ends right before `i`.
fn amount_before(g: &G, i: usize) -> bool {
    let unit_word = i > 0
        && (g.word_in(
            i - 1,
            &["million", "billion", "cents", "pence", "share", "percent"],
        ) || g.punct(i - 1, '%'));
    let k = if unit_word { i - 1 } else { i };
    k > 0
        && g.tok(k - 1)
            .is_some_and(|t| t.kind == super::token::Kind::Num)
}

/// "last April", "this September", "next March".
fn picked_month(g: &G, i: usize) -> Option<Match> {
    let pick = pick_of(g, i)?;
    let (month, end, abbr) = month_name(g, i + 1)?;
    // "last Oct. 23": a month and day picked like a named day.
    if let Some((day, e)) = super::g_num::day_at(g, end)
        && g.tok(end)
            .is_some_and(|t| t.kind == super::token::Kind::Num)
    {
        return Some(Match::new(
            i,
            e,
            Sem::Holiday {
                rule: crate::timex::calendar::HolidayRule::Fixed(u32::from(month), u32::from(day)),
                year: None,
                pick,
            },
        ));
    }
    if abbr {
        return None;
    }
    Some(Match::new(
        i,
        end,
        Sem::Month {
            month,
            pick,
            yoff: None,
        },
    ))
}

/// "two years ago", "six days later", "a year earlier", "two weeks before
/// that", "three weeks from now"; "days ago", "years ago" (some time back).
fn offset(g: &G, i: usize) -> Option<Match> {
    if g.is(i, Class::Units) && g.word(i + 1, "ago") {
        return Some(Match::new(
            i,
            i + 2,
            Sem::Fixed {
                kind: crate::timex::TimexType::Date,
                value: "PAST_REF",
            },
        ));
    }
    let c = card_at(g, i)?;
    let u = g
        .class(c.end, Class::Unit)
        .or_else(|| g.class(c.end, Class::Units))?
        .code();
    let unit = Unit::from_code(u)?;
    let d = c.end + 1;
    let Some(n) = c.value else {
        // "several years ago", "a few months ago"
        return g.word(d, "ago").then(|| {
            Match::new(
                i,
                d + 1,
                Sem::Fixed {
                    kind: crate::timex::TimexType::Date,
                    value: "PAST_REF",
                },
            )
        });
    };
    if n.fract() != 0.0 || n > 10_000.0 {
        return None;
    }
    // "a week or so ago"
    let d = if g.word(d, "or") && g.word(d + 1, "so") {
        d + 2
    } else {
        d
    };
    let (sign, base, end) = if g.word(d, "ago") {
        (-1, Base::Dct, d + 1)
    } else if g.word(d, "earlier") {
        (-1, Base::Ref, d + 1)
    } else if g.word(d, "later") {
        (1, Base::Ref, d + 1)
    } else if g.word(d, "on")
        && g.tok(d + 1)
            .is_none_or(|t| t.kind == super::token::Kind::Punct && matches!(t.ch, ',' | '.' | ';'))
    {
        // "Two months on, the town lies empty": as "later", where "on"
        // closes the phrase ("two days on the road" goes on).
        (1, Base::Ref, d + 1)
    } else if g.word_in(d, &["before", "after"]) && g.word_in(d + 1, &["that", "then"]) {
        // "two weeks before that": from the date the story last gave.
        let sign = if g.word(d, "before") { -1 } else { 1 };
        (sign, Base::Ref, d + 2)
    } else if g.word(d, "from") && g.word(d + 1, "now") {
        (1, Base::Dct, d + 2)
    } else if g.word(d, "hence") {
        (1, Base::Dct, d + 1)
    } else {
        return None;
    };
    // "two days before the vote" still counts from the last date we know.
    let (unit, n) = match unit {
        Unit::Fortnight => (Unit::Week, 2 * n as i32),
        Unit::Decade => (Unit::Year, 10 * n as i32),
        Unit::Weekend => (Unit::Week, n as i32),
        u => (u, n as i32),
    };
    Some(Match::new(
        i,
        end,
        Sem::Offset {
            unit,
            n: sign * n,
            base,
            tod: None,
            exact: true,
        },
    ))
}

/// "year-end", "year end", "year's end": the current year.
fn year_end(g: &G, i: usize) -> Option<Match> {
    if !g.word(i, "year") {
        return None;
    }
    let j = if g.punct(i + 1, '-') {
        i + 2
    } else {
        g.possessive(i + 1).unwrap_or(i + 1)
    };
    if !g.word(j, "end") {
        return None;
    }
    // The year itself, as "the end of the year" (its last part); "since
    // year-end" looks back to the end of the year before.
    let n = if i > 0 && g.word(i - 1, "since") {
        -1
    } else {
        0
    };
    Some(Match::new(
        i,
        j + 1,
        Sem::Offset {
            unit: Unit::Year,
            n,
            base: Base::Dct,
            tod: None,
            exact: false,
        },
    ))
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn the_day_before_an_event_is_not_the_day_before_a_date() {
        // Alone, "the day before" steps back from the day in focus.
        let s = "The order came on May 3. He had left the day before.";
        assert!(found(s, (2024, 5, 20)).contains(&pair("the day before", "2024-05-02")));
        // Before an event, it is that event's eve; set after a date, the date.
        let s = "He was last seen on May 3, the day before police issued a warrant.";
        assert_eq!(
            found(s, (2024, 5, 20)),
            [pair("May 3", "2024-05-03"), pair("the day", "2024-05-03")]
        );
        // Before a named day, the day next to it.
        let s = "The day before last Tuesday's hearing, he went home.";
        assert!(
            found(s, (2000, 2, 24)).contains(&pair("The day before last Tuesday", "2000-02-21"))
        );
        let s = "Shops reopened the day after Christmas.";
        assert!(found(s, (2024, 12, 30)).contains(&pair("the day after Christmas", "2024-12-26")));
        let s = "Two men came to the house the day after his death.";
        assert!(found(s, (2024, 5, 20)).is_empty());
        let s =
            "She will spend five hours in Kyiv, then leave later in the day before flying home.";
        assert!(
            !found(s, (2024, 5, 20))
                .iter()
                .any(|(t, _)| t.contains("before"))
        );
    }

    #[test]
    fn the_year_the_story_is_about() {
        let s = "Sales for the full year were $6 billion. For the year, volume was flat.";
        assert_eq!(
            found(s, (1999, 11, 2)),
            [pair("the full year", "1999"), pair("the year", "1999")]
        );
        let s = "It cut its forecast for the fiscal year.";
        assert_eq!(found(s, (1999, 11, 2)), [pair("the fiscal year", "1999")]);
        let s = "Its stock hit a high for the year of $42 in June.";
        assert!(found(s, (1999, 11, 2)).contains(&pair("the year", "1999")));
        // By 1992 it hoped to lead; it expects a gain for the full year.
        let s = "By 1992 it hoped to lead. It expects a gain for the full year.";
        assert!(found(s, (1999, 11, 2)).contains(&pair("the full year", "1999")));
        // The year of a date told earlier in the sentence.
        let s = "In March 1997 the plant closed; output for the year fell by half.";
        assert!(found(s, (1999, 11, 2)).contains(&pair("the year", "1997")));
        // Not a year of its own.
        for s in [
            "Net for the year ended June 30 rose.",
            "He was named man of the year in 1998.",
            "It fell from the year before.",
            "She is the year's best writer.",
        ] {
            assert!(
                !found(s, (1999, 11, 2)).iter().any(|(_, v)| v == "1999"),
                "{s}"
            );
        }
    }

    #[test]
    fn that_same_day_is_the_day_in_focus() {
        let s = "He was shot on Oct. 23. His name was crossed out that same day.";
        assert!(found(s, (1999, 2, 6)).contains(&pair("that same day", "1998-10-23")));
    }

    #[test]
    fn since_year_end_is_the_year_before() {
        let s = "The index is up 8% since year-end.";
        assert_eq!(found(s, (1989, 10, 30)), [pair("year-end", "1988")]);
        let s = "The deal should close by year-end.";
        assert_eq!(found(s, (1989, 10, 30)), [pair("year-end", "1989")]);
    }

    #[test]
    fn the_week_of_a_day() {
        let s = "A hearing is set for the week of March 6.";
        assert_eq!(
            found(s, (2024, 2, 20)),
            [pair("the week of March 6", "2024-W10")]
        );
        let s = "It happened the week of Jan. 3, 2022.";
        assert_eq!(
            found(s, (2024, 2, 20)),
            [pair("the week of Jan. 3, 2022", "2022-W01")]
        );
    }

    #[test]
    fn later_in_the_day_is_the_day_in_focus() {
        let s = "Talks opened on Tuesday. Late in the day, the envoys left.";
        let got = found(s, (2024, 5, 17));
        assert!(got.contains(&pair("Late in the day", "2024-05-14")));
        let s = "Late in the day, the envoys left.";
        assert_eq!(
            found(s, (2024, 5, 17)),
            [pair("Late in the day", "2024-05-17")]
        );
    }

    #[test]
    fn an_approximate_count_of_weeks_ago_names_only_the_week() {
        let s = "The envoy left two weeks ago. The reply came more than two weeks ago.";
        assert_eq!(
            found(s, (2022, 2, 11)),
            [
                pair("two weeks ago", "2022-01-28"),
                pair("more than two weeks ago", "2022-W04")
            ]
        );
        // "just" stresses the count.
        let s = "The reply came just two weeks ago.";
        assert_eq!(
            found(s, (2022, 2, 11)),
            [pair("just two weeks ago", "2022-01-28")]
        );
        // A count of days stays a day, of years a year.
        let s = "It fell about 10 days ago and rose nearly a year ago.";
        assert_eq!(
            found(s, (2022, 2, 11)),
            [
                pair("about 10 days ago", "2022-02-01"),
                pair("nearly a year ago", "2021")
            ]
        );
    }
}
