//! Rules for lengths of time and recurrences: "three years", "the past two
//! months", "the first nine months", "two-year", "several weeks",
//! "2 1/2 hours", "day-long"; "every Thursday", "each July", "twice a week",
//! "on Mondays".

use super::g_date::month_name;
use super::g_num::card_at;
use super::grammar::{G, Match};
use super::lexicon::Class;
use super::token::Kind;
use crate::timex::sem::{Sem, Unit};

/// Any length or recurrence rule at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Match> {
    set(g, i)
        .or_else(|| some_day(g, i))
        .or_else(|| duration(g, i))
}

/// "will one day be", "she may one day lead": an unnamed future day
/// (FUTURE_REF), not a length of one day.
fn some_day(g: &G, i: usize) -> Option<Match> {
    let modal = i > 0
        && g.word_in(
            i - 1,
            &[
                "will", "would", "could", "may", "might", "can", "shall", "should", "ll",
            ],
        );
    (modal && g.word(i, "one") && g.word(i + 1, "day")).then(|| {
        Match::new(
            i,
            i + 2,
            Sem::Fixed {
                kind: crate::timex::TimexType::Date,
                value: "FUTURE_REF",
            },
        )
    })
}

/// The TIMEX3 duration value for `n` units (`None` = vague).
pub(crate) fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (clock, letter, mult) = match unit {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Weekend => (false, "WE", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        // ISO 8601 durations have no quarter: three quarters are P9M.
        Unit::Quarter => (false, "M", 3.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
        Unit::Millennium => (false, "Y", 1000.0),
    };
    let t = if clock { "T" } else { "" };
    let Some(n) = n else {
        let letter = match unit {
            Unit::Decade => "E",
            Unit::Century | Unit::Millennium => "C",
            _ => letter,
        };
        return format!("P{t}X{letter}");
    };
    let n = n * mult;
    if n.fract() == 0.0 {
        return format!("P{t}{}{letter}", n as i64);
    }
    // Halves and quarters go to the next smaller unit: 2 1/2 years = P2Y6M.
    let whole = n.trunc() as i64;
    let (sub, sub_letter, sub_t) = match unit {
        Unit::Year => (n.fract() * 12.0, "M", ""),
        Unit::Month => (n.fract() * 30.0, "D", ""),
        Unit::Week => (n.fract() * 7.0, "D", ""),
        Unit::Day => (n.fract() * 24.0, "H", "T"),
        Unit::Hour => (n.fract() * 60.0, "M", ""),
        Unit::Minute => (n.fract() * 60.0, "S", ""),
        _ => (0.0, "", ""),
    };
    if sub.fract() == 0.0 && !sub_letter.is_empty() {
        let head = if whole > 0 {
            format!("{whole}{letter}")
        } else {
            String::new()
        };
        let sep = if sub_t == "T" && !clock { "T" } else { "" };
        return format!("P{t}{head}{sep}{}{sub_letter}", sub as i64);
    }
    format!("P{t}{n}{letter}")
}

/// "three years", "the past two months", "the first nine months",
/// "two-year", "several weeks", "a minute and a half", "day-long".
fn duration(g: &G, i: usize) -> Option<Match> {
    let mut j = i;
    if g.word(j, "the") {
        j += 1;
        if g.word_in(
            j,
            &[
                "first",
                "last",
                "past",
                "next",
                "coming",
                "previous",
                "following",
                "initial",
                "final",
                "latest",
                "remaining",
                "preceding",
                "same",
                "entire",
                "whole",
                "full",
            ],
        ) {
            j += 1;
        }
    } else if g.word_in(
        j,
        &[
            "past",
            "last",
            "next",
            "first",
            "another",
            "additional",
            "further",
        ],
    ) && !g.word(j + 1, "a")
    {
        j += 1;
    }
    // "day-long", "years-long", "decades-long"
    if j == i
        && let Some(u) = g.class(i, Class::Unit).or_else(|| g.class(i, Class::Units))
        && g.punct(i + 1, '-')
        && g.word(i + 2, "long")
    {
        let unit = Unit::from_code(u.code())?;
        let n = g.is(i, Class::Unit).then_some(1.0);
        return Some(Match::new(i, i + 3, Sem::Duration(duration_value(n, unit))));
    }
    let c = card_at(g, j)?;
    let mut k = c.end;
    if g.word_in(
        k,
        &[
            "more",
            "additional",
            "straight",
            "consecutive",
            "full",
            "long",
            "trading",
            "working",
            "business",
            "calendar",
        ],
    ) {
        k += 1;
    }
    // "two-year", "10-year": an adjective, unless it is an age.
    let hyphen = g.punct(k, '-') && g.glued(k) && g.glued(k + 1);
    if hyphen {
        k += 1;
    }
    let singular = g.class(k, Class::Unit);
    let plural = g.class(k, Class::Units);
    let code = singular.or(plural)?.code();
    let mut unit = Unit::from_code(code)?;
    if code == "NIGHT" {
        unit = Unit::Day;
    }
    let mut value = c.value;
    if c.article && plural.is_some() {
        return None;
    }
    // "a year-earlier loss", "the year-end": the unit is part of a compound.
    if !hyphen && g.punct(k + 1, '-') && g.glued(k + 1) && !g.word(k + 2, "long") {
        return None;
    }
    // "60 Minutes" is a name; "52 years old" an age.
    if g.cap(k) && !g.sent_start(k) && !g.tok(k).is_some_and(|t| t.has(super::token::ALLCAP)) {
        return None;
    }
    if g.word(k + 1, "old") || (g.punct(k + 1, '-') && g.word(k + 2, "old")) {
        return None;
    }
    if hyphen {
        if plural.is_some() || c.value.is_none() {
            return None;
        }
        // "46-year-old"
        if g.punct(k + 1, '-') && g.word(k + 2, "old") {
            return None;
        }
    } else if plural.is_none() && !c.article && c.value != Some(1.0) && !g.word(k, "night") {
        // "two year" only in speech transcripts: still a length.
        c.value?;
    }
    if c.article && matches!(unit, Unit::Second | Unit::Quarter) {
        return None;
    }
    let mut end = k + 1;
    // "a minute and a half", "two and a half years" handled by card_at for
    // digits; here the words.
    if g.word(end, "and") && g.word(end + 1, "a") && g.word(end + 2, "half") {
        value = value.map(|v| v + 0.5);
        end += 3;
    }
    // A bare number with a unit must be a real count: not "a week" as a
    // recurrence ("twice a week" is caught by the set rule first).
    if c.article && j == i && i > 0 && g.word_in(i - 1, &["once", "twice", "times", "per"]) {
        return None;
    }
    if g.tok(j).is_some_and(|t| t.kind == Kind::Num) && !super::traps::number_ok(g, j) {
        return None;
    }
    let unit_val = if unit == Unit::Weekend {
        Unit::Day
    } else {
        unit
    };
    let value = if unit == Unit::Weekend {
        value.map(|v| v * 2.0)
    } else {
        value
    };
    Some(Match::new(
        i,
        end,
        Sem::Duration(duration_value(value, unit_val)),
    ))
}

/// "every Thursday", "each July", "every two weeks", "every morning",
/// "twice a week", "three times a year", "on Mondays".
fn set(g: &G, i: usize) -> Option<Match> {
    if g.word_in(i, &["once", "twice", "thrice"])
        || (card_at(g, i).is_some() && g.word(i + 1, "times"))
    {
        let j = if g.word(i + 1, "times") { i + 2 } else { i + 1 };
        if g.word_in(j, &["a", "per", "each", "every"]) {
            let u = g.class(j + 1, Class::Unit)?.code();
            let unit = Unit::from_code(u)?;
            return Some(Match::new(
                i,
                j + 2,
                Sem::Set(duration_value(Some(1.0), unit)),
            ));
        }
        return None;
    }
    if i > 0 && g.word(i - 1, "on") && g.is(i, Class::Weekdays) && g.cap(i) {
        let wd = g.class(i, Class::Weekdays)?.num();
        return Some(Match::new(i, i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
    }
    if !g.is(i, Class::Every) || g.word(i, "per") {
        return None;
    }
    let mut j = i + 1;
    if g.word(j, "other") {
        // every other week = every two weeks
        let u = g.class(j + 1, Class::Unit)?.code();
        return Some(Match::new(
            i,
            j + 2,
            Sem::Set(duration_value(Some(2.0), Unit::from_code(u)?)),
        ));
    }
    if let Some(wd) = g.class(j, Class::Weekday)
        && g.cap(j)
    {
        return Some(Match::new(
            i,
            j + 1,
            Sem::Set(format!("XXXX-WXX-{}", wd.num())),
        ));
    }
    if let Some((m, e, _)) = month_name(g, j) {
        return Some(Match::new(i, e, Sem::Set(format!("XXXX-{m:02}"))));
    }
    if let Some(s) = g.class(j, Class::Season) {
        return Some(Match::new(i, j + 1, Sem::Set(format!("XXXX-{}", s.code()))));
    }
    if let Some(p) = g.class(j, Class::Part)
        && p.code().len() == 2
        && !matches!(p.code(), "MI" | "MN")
    {
        return Some(Match::new(
            i,
            j + 1,
            Sem::Set(format!("XXXX-XX-XXT{}", p.code())),
        ));
    }
    if let Some(c) = card_at(g, j)
        && !c.article
        && let Some(u) = g.class(c.end, Class::Units)
    {
        let unit = Unit::from_code(u.code())?;
        return Some(Match::new(
            i,
            c.end + 1,
            Sem::Set(duration_value(c.value, unit)),
        ));
    }
    let u = g.class(j, Class::Unit)?.code();
    let unit = Unit::from_code(u)?;
    j += 1;
    Some(Match::new(i, j, Sem::Set(duration_value(Some(1.0), unit))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_day_after_a_modal_is_a_future_day() {
        let dct = chrono::NaiveDate::from_ymd_opt(2024, 3, 3);
        let s = "Islam will one day be the second largest religion here.";
        let t = crate::timex::tag(s, dct);
        assert_eq!(t.len(), 1);
        assert_eq!(
            (&s[t[0].start..t[0].end], t[0].value.as_str()),
            ("one day", "FUTURE_REF")
        );
        let s = "The strike lasted one day.";
        assert_eq!(crate::timex::tag(s, dct)[0].value, "P1D");
    }

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), Unit::Year), "P3Y");
        assert_eq!(duration_value(Some(2.0), Unit::Hour), "PT2H");
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration_value(None, Unit::Year), "PXY");
        assert_eq!(duration_value(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Some(1.0), Unit::Week), "P1W");
        assert_eq!(duration_value(Some(3.0), Unit::Quarter), "P9M");
        assert_eq!(duration_value(None, Unit::Quarter), "PXM");
    }
}
