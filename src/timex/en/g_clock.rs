//! Rules for clock times ("10:35 a.m.", "10pm", "14:30 GMT", "0400 GMT",
//! "noon") and the glue that joins a time to its day ("10 p.m. Wednesday",
//! "Friday at 3 p.m.", "noon Thursday").

use super::g_date;
use super::g_num::plain_num;
use super::g_rel;
use super::grammar::{G, Hit, Match};
use super::lexicon::Class;
use super::token::{AMPM, Kind};
use crate::timex::sem::{Sem, Tod};

/// A clock time at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Match> {
    let (tod, end) = clock(g, i)?;
    Some(Match::new(i, end, Sem::Clock { tod }))
}

/// "a.m." / "p.m." / "am" / "pm" at `i`: (is pm, token after).
fn ampm(g: &G, i: usize) -> Option<(bool, usize)> {
    let t = g.tok(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let s = g.text_of(i);
    if s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm") {
        return Some((s.eq_ignore_ascii_case("pm"), i + 1));
    }
    if (s.eq_ignore_ascii_case("a") || s.eq_ignore_ascii_case("p"))
        && g.punct(i + 1, '.')
        && g.glued(i + 1)
        && g.word(i + 2, "m")
        && g.glued(i + 2)
    {
        let mut end = i + 3;
        if g.punct(end, '.') && g.glued(end) {
            end += 1;
        }
        return Some((s.eq_ignore_ascii_case("p"), end));
    }
    None
}

fn tz(g: &G, i: usize) -> usize {
    if g.is(i, Class::Tz) && g.tok(i).is_some_and(|t| t.has(super::token::ALLCAP)) {
        i + 1
    } else if g.word(i + 1, "time") && (g.word(i, "local") || g.is(i, Class::Tz) && g.cap(i)) {
        // "local time", "Kyiv time", "Moscow time"
        i + 2
    } else {
        i
    }
}

/// The time and the token after it.
fn clock(g: &G, i: usize) -> Option<(Tod, usize)> {
    if g.word(i, "noon") || g.word(i, "midday") {
        return Some((Tod::Clock(12, 0), i + 1));
    }
    if g.word(i, "midnight") {
        return Some((Tod::Clock(24, 0), i + 1));
    }
    let t = g.tok(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    if t.has(AMPM) {
        if !(1..=12).contains(&t.val) {
            return None;
        }
        let h = to24(t.val as u8, t.val2 == 1);
        return Some((Tod::Clock(h, 0), tz(g, i + 1)));
    }
    if !plain_num(g, i) {
        return None;
    }
    // h:mm
    let (h, m, after) = if g.punct(i + 1, ':')
        && g.glued(i + 1)
        && g.glued(i + 2)
        && plain_num(g, i + 2)
        && g.tok(i + 2)?.ndig == 2
        && t.ndig <= 2
    {
        let m = g.tok(i + 2)?.val;
        if t.val > 24 || m > 59 {
            return None;
        }
        (t.val as u8, m as u8, i + 3)
    } else {
        (t.val.min(99) as u8, 0, i + 1)
    };
    if let Some((pm, e)) = ampm(g, after) {
        if !(1..=12).contains(&h) || t.ndig > 2 {
            return None;
        }
        return Some((Tod::Clock(to24(h, pm), m), tz(g, e)));
    }
    if g.word(after, "o") && g.punct(after + 1, '\'') && g.word(after + 2, "clock") && h <= 12 {
        return Some((Tod::Clock(h, m), after + 3));
    }
    // "4 in the morning", "9 in the evening", "11 at night"
    if (1..=12).contains(&h) && t.ndig <= 2 {
        let pm = if g.word(after, "in") && g.word(after + 1, "the") {
            match () {
                _ if g.word(after + 2, "morning") => Some((false, after + 3)),
                _ if g.word_in(after + 2, &["afternoon", "evening"]) => Some((true, after + 3)),
                _ => None,
            }
        } else if g.word(after, "at") && g.word(after + 1, "night") {
            Some((h != 12 && h >= 6, after + 2))
        } else {
            None
        };
        if let Some((pm, e)) = pm {
            return Some((Tod::Clock(to24(h, pm), m), e));
        }
    }
    if after == i + 3 {
        // 14:30, maybe with a zone.
        return Some((Tod::Clock(h, m), tz(g, after)));
    }
    // 0400 GMT
    let zone_end = tz(g, i + 1);
    if t.ndig == 4 && zone_end > i + 1 {
        let (h, m) = (t.val / 100, t.val % 100);
        if h <= 24 && m < 60 {
            return Some((Tod::Clock(h as u8, m as u8), zone_end));
        }
    }
    None
}

fn to24(h: u8, pm: bool) -> u8 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// Whether the meaning is a single day that can carry a time of day.
fn is_day(sem: &Sem) -> bool {
    match sem {
        Sem::Date {
            day: Some(_),
            tod: None,
            ..
        } => true,
        Sem::Weekday { tod: None, .. } => true,
        Sem::Offset {
            unit: crate::timex::sem::Unit::Day,
            tod: None,
            ..
        } => true,
        Sem::Holiday { .. } => false,
        _ => false,
    }
}

fn with_tod(sem: Sem, t: Tod) -> Sem {
    match sem {
        Sem::Date {
            year, month, day, ..
        } => Sem::Date {
            year,
            month,
            day,
            tod: Some(t),
        },
        Sem::Weekday { wd, pick, base, .. } => Sem::Weekday {
            wd,
            pick,
            base,
            tod: Some(t),
        },
        Sem::Offset {
            unit,
            n,
            base,
            exact,
            ..
        } => Sem::Offset {
            unit,
            n,
            base,
            tod: Some(t),
            exact,
        },
        other => other,
    }
}

/// A day expression at `i` (skipping "on" and a comma).
fn day_after(g: &G, i: usize) -> Option<Match> {
    let mut j = g.opt_punct(i, ',');
    j = g.opt_word(j, "on");
    let m = match g_date::at(g, j) {
        Some(Hit::One(m)) => Some(m),
        _ => None,
    }
    .or_else(|| g_rel::at(g, j))?;
    is_day(&m.sem).then_some(m)
}

/// How many tokens an aside in brackets may hold.
const ASIDE: usize = 8;

/// The day told inside or right after a bracketed aside that starts at `i`:
/// "(0735 GMT) Friday", "(4 a.m. EDT Thursday)".
fn day_past_aside(g: &G, i: usize) -> Option<Match> {
    if !g.punct(i, '(') {
        return None;
    }
    let close = (i + 1..(i + 2 + ASIDE).min(g.toks.len())).find(|&k| g.punct(k, ')'))?;
    for k in i + 1..close {
        if let Some((_, e)) = clock(g, k)
            && let Some(d) = day_after(g, e).filter(|d| d.end <= close)
        {
            return Some(d);
        }
    }
    day_after(g, close + 1)
}

/// Joins a time to the day next to it: "10 p.m. Wednesday" or
/// "Friday at 3 p.m.".
pub(crate) fn extend(g: &G, hit: Hit) -> Hit {
    let Hit::One(m) = hit else { return hit };
    match &m.sem {
        Sem::Clock { tod } => {
            if let Some(d) = day_after(g, m.end) {
                let explicit = d.explicit;
                return Hit::One(Match {
                    start: m.start,
                    end: d.end,
                    sem: with_tod(d.sem, *tod),
                    explicit,
                });
            }
            // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m.
            // Thursday)": the day is told across an aside; the time keeps
            // its own span.
            if let Some(d) = day_past_aside(g, m.end) {
                let explicit = d.explicit;
                return Hit::One(Match {
                    sem: with_tod(d.sem, *tod),
                    explicit,
                    ..m
                });
            }
            Hit::One(m)
        }
        sem if is_day(sem) => {
            let mut j = g.opt_punct(m.end, ',');
            j = g.opt_word(j, "at");
            j = g.opt_word(j, "around");
            if j > m.end
                && let Some((tod, e)) = clock(g, j)
            {
                return Hit::One(Match {
                    start: m.start,
                    end: e,
                    sem: with_tod(m.sem, tod),
                    explicit: m.explicit,
                });
            }
            Hit::One(m)
        }
        _ => Hit::One(m),
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    #[test]
    fn a_time_takes_the_day_told_after_an_aside() {
        let s = "The blast came at 10:35 a.m. (0735 GMT) Friday, police said.";
        let got = found(s, (2024, 3, 10));
        assert_eq!(got[0], ("10:35 a.m.".into(), "2024-03-08T10:35".into()));
        assert!(got.contains(&("Friday".into(), "2024-03-08".into())));
        let s = "The convoy will leave at 4 in the morning (4 a.m. EDT Thursday), he said.";
        let got = found(s, (2024, 3, 5));
        assert_eq!(
            got[0],
            ("4 in the morning".into(), "2024-03-07T04:00".into())
        );
        // An aside without a day leaves the time on the reference date.
        let s = "The blast came at 10:35 a.m. (local time), police said.";
        assert_eq!(found(s, (2024, 3, 10))[0].1, "2024-03-10T10:35");
    }
}
