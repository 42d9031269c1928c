//! The date rules of the East Slavic languages (Ukrainian, Russian): which
//! token patterns are dates and what they mean ([`Sem`]). The rules name
//! word classes only; the words are data (`assets/timex/<lang>/words.tsv`,
//! read by `words`), so both languages share these rules.
//!
//! Patterns, at each token: a named day ("День прикордонника"); a night
//! ("у ніч на 14 лютого", "в ночь с 13 на 14 февраля"); a range ("з 1 по 14
//! лютого", "1–2 июля", "з 24.02 по 08.07"); a clock time before a date
//! ("станом на 08:00 14.02.2025"); a day of a month with its year ("13
//! лютого 2025 року", "14.02.2025"); a weekday ("у четвер", "минулого
//! четверга"); a month ("у лютому", "в ноябре прошлого года"); a year
//! ("2025 года", "у 2022-му", "в 2022, 2023 годах"); days, weeks, months
//! and years from the publication date ("вчора", "на прошлой неделе"); parts
//! of the day ("вранці", "вечером", "за ночь"); "so long ago"; an hour in
//! words ("о четвертій годині"). Traps: a number glued to a hyphen or a
//! letter ("93-тя", "3-я", "Су-34") is no day or year; a bare number is no
//! year.

use super::view::Dm;
pub(crate) use super::view::{G, Hit, M};
use crate::timex::sem::{Base, Part, Pick, Sem, Tod, Unit};
use crate::timex::words::Kind;

fn date(dm: Dm, tod: Option<Tod>) -> Sem {
    Sem::Date {
        year: dm.3,
        month: Some(dm.2),
        day: Some(dm.1),
        tod,
    }
}

fn one(start: usize, end: usize, sem: Sem) -> Option<Hit> {
    Some(Hit::One(M { start, end, sem }))
}

/// A range from day `a` (its month and year may come from `b`) to day `b`.
fn range(start: usize, mid: usize, a: Dm, b: Dm, end: usize) -> Option<Hit> {
    let a = (a.0, a.1, a.2, a.3.or(b.3));
    Some(Hit::Range(
        M {
            start,
            end: mid,
            sem: date(a, None),
        },
        M {
            start: mid,
            end,
            sem: date(b, None),
        },
    ))
}

/// The part of a day at `i` ("вранці", "вечером"): (token past it, part).
fn part(g: &G, i: usize) -> Option<(usize, Tod)> {
    g.at(i, "part").map(|(e, v)| (e, Tod::Part(v)))
}

/// The expression that starts at token `i`, if any.
pub(crate) fn at(g: &G, i: usize) -> Option<Hit> {
    let t = g.toks.get(i)?;
    // Every rule opens with a number or a word of the tables.
    if t.kind == Kind::Mark || t.kind == Kind::Word && !g.tables.iter().any(|tb| tb.knows(&t.norm))
    {
        return None;
    }
    if t.kind == Kind::Word && i > 0 && !t.sent && g.is(i - 1, "each") {
        return None;
    }
    if let Some((end, v)) = g.at(i, "named") {
        let (m, d) = v.split_once('-')?;
        let year = g.year(end);
        return one(
            i,
            year.map_or(end, |y| y.0),
            Sem::Date {
                year: year.map(|y| y.1),
                month: m.parse().ok(),
                day: d.parse().ok(),
                tod: None,
            },
        );
    }
    // "у ніч на 14 лютого", "в ночь с 13 на 14 февраля".
    let n = if g.is(i, "in") { i + 1 } else { i };
    if g.is(n, "night") {
        if let Some((on, _)) = g.at(n + 1, "on")
            && let Some(b) = g.any_day(on, false)
        {
            return one(i, b.0, date(b, None));
        }
        if let Some((from, _)) = g.at(n + 1, "from")
            && let Some((on, _)) = g.at(from + 1, "on")
            && let Some(b) = g.any_day(on, false)
        {
            let a = g.any_day(from, false).unwrap_or_else(|| {
                let d = g.num(from).map_or(0, |n| n.0) as u8;
                (from + 1, d, b.2, b.3)
            });
            if (1..=31).contains(&a.1) {
                return range(i, a.0, a, b, b.0);
            }
        }
    }
    // "з 1 по 14 лютого", "с 10 до 14 февраля", "з 24.02 по 08.07".
    if let Some((from, _)) = g.at(i, "from")
        && let Some(hit) = from_to(g, i, from)
    {
        return Some(hit);
    }
    // "08:00 14.02.2025", "о 08:00 за київським часом".
    let c = if g.is(i, "in") { i + 1 } else { i };
    if let Some((end, h, m)) = g.clock(c) {
        if let Some(dm) = g.any_day(end, false) {
            return one(i, dm.0, date(dm, Some(Tod::Clock(h, m))));
        }
        if c > i || g.is(c + 3, "zone") {
            return one(
                i,
                end,
                Sem::Clock {
                    tod: Tod::Clock(h, m),
                },
            );
        }
    }
    // "13 лютого 2025 року, 09:25", "1–2 июля", "16 мая и 2 июня".
    if g.num(i).is_some()
        && let Some(hit) = days(g, i)
    {
        return Some(hit);
    }
    if let Some((e, _)) = g.at(i, "in")
        && let Some((end, h)) = g.at(e, "hour")
        && let Some((end, _)) = g.at(end, "hours")
    {
        let h: u8 = h.parse().ok()?;
        return one(
            i,
            end,
            Sem::Clock {
                tod: Tod::Clock(h, 0),
            },
        );
    }
    // A morning before its date: "утром 1 июля".
    if let Some((end, tod)) = part(g, i) {
        if let Some(dm) = g.any_day(end, false) {
            return one(i, dm.0, date(dm, Some(tod)));
        }
        return one(i, end, Sem::Clock { tod });
    }
    if let Some(hit) = weekday(g, i) {
        return Some(hit);
    }
    if let Some(hit) = month(g, i) {
        return Some(hit);
    }
    if let Some(hit) = season(g, i) {
        return Some(hit);
    }
    relative(g, i)
}

/// A range opened by a "from" word at `i` (its end `from`).
fn from_to(g: &G, i: usize, from: usize) -> Option<Hit> {
    // "з 2015 по 2019 рік", "с 20:00 до 23:00 мск".
    if let Some(y) = g.year_num(from)
        && let Some((to, _)) = g.at(from + 1, "to")
        && let Some((end, y2)) = g.year(to).or_else(|| g.year_num(to).map(|y| (to + 1, y)))
        && y2 > y
    {
        let m = |start, end, y| M {
            start,
            end,
            sem: year(y),
        };
        return Some(Hit::Range(m(i, from + 1, y), m(from + 1, end, y2)));
    }
    if let Some((a_end, h, mi)) = g.clock(from)
        && let Some((to, _)) = g.at(a_end, "to")
        && let Some((end, h2, m2)) = g.clock(to)
    {
        let m = |start, end, h, mi| M {
            start,
            end,
            sem: Sem::Clock {
                tod: Tod::Clock(h, mi),
            },
        };
        return Some(Hit::Range(m(i, a_end, h, mi), m(a_end, end, h2, m2)));
    }
    let a = g.any_day(from, true);
    let a_end = a.map_or(from + 1, |a| a.0);
    let (to, _) = g.at(a_end, "to")?;
    let b = g.any_day(to, true)?;
    let a = match a {
        Some(a) => a,
        None => {
            let (d, len) = g.free_num(from)?;
            if len > 2 || !(1..=31).contains(&d) {
                return None;
            }
            (from + 1, d as u8, b.2, b.3)
        }
    };
    range(i, a_end, a, b, b.0)
}

/// Days of a month from the number at `i`.
fn days(g: &G, i: usize) -> Option<Hit> {
    if let Some(dm) = g.any_day(i, false) {
        // "08 липня 2022, 09:25": the time of the day.
        if g.mark(dm.0, ",")
            && let Some((end, h, m)) = g.clock(dm.0 + 1)
        {
            return one(i, end, date(dm, Some(Tod::Clock(h, m))));
        }
        let tod = part(g, dm.0);
        return one(i, tod.map_or(dm.0, |t| t.0), date(dm, tod.map(|t| t.1)));
    }
    // "1–2 июля": the first day takes the month of the second.
    let (d, len) = g.free_num(i)?;
    if len <= 2 && (1..=31).contains(&d) {
        if g.dash(i + 1)
            && let Some(b) = g.day_month(i + 2)
        {
            return range(i, i + 1, (i + 1, d as u8, b.2, b.3), b, b.0);
        }
        // "16 и 17 мая": the first day alone, with the month after.
        if let Some((e, _)) = g.at(i + 1, "and")
            && let Some(b) = g.day_month(e)
        {
            return one(i, i + 1, date((i + 1, d as u8, b.2, b.3), None));
        }
    }
    if let Some(hit) = war_day(g, i) {
        return Some(hit);
    }
    // Years: "2025 року", "у 1940-1942 роках", "в 2022, 2023 годах".
    if let Some((end, y)) = g.year(i) {
        return one(i, end, year(y));
    }
    let y = g.year_num(i)?;
    // "у 1940-х роках": a decade.
    if y % 10 == 0
        && g.mark(i + 1, "-")
        && g.glued(i + 2)
        && let Some((e, _)) = g.at(i + 2, "decade")
    {
        let end = g.year_word(e).unwrap_or(e);
        return one(i, end, Sem::Decade(y / 10 * 10));
    }
    // "в 2017, 2018 и 2021": a bare year after "in" and before a mark or
    // another year ("у 2000 селах" counts villages).
    let mut k = i;
    while k >= 2 && (g.mark(k - 1, ",") || g.is(k - 1, "and")) && g.year_num(k - 2).is_some() {
        k -= 2;
    }
    if y >= 1900
        && k > 0
        && g.is(k - 1, "in")
        && (g
            .toks
            .get(i + 1)
            .is_none_or(|t| t.kind == Kind::Mark && t.norm != "-")
            || g.at(i + 1, "and")
                .is_some_and(|(e, _)| g.year_num(e).is_some()))
    {
        return one(i, i + 1, year(y));
    }
    if g.dash(i + 1)
        && let Some((end, y2)) = g.year(i + 2)
        && y2 > y
    {
        return Some(Hit::Range(
            M {
                start: i,
                end: i + 1,
                sem: year(y),
            },
            M {
                start: i + 2,
                end,
                sem: year(y2),
            },
        ));
    }
    // A list of years that ends with the word "years".
    let mut j = i + 1;
    loop {
        let k = if g.mark(j, ",") {
            j + 1
        } else {
            g.at(j, "and").map(|a| a.0)?
        };
        g.year_num(k)?;
        if g.year(k).is_some() {
            return one(i, i + 1, year(y));
        }
        j = k + 1;
    }
}

/// "83-й день нашої оборони", "26-й день войны": the day of a war counted
/// from the war's first day (the value of the war word).
fn war_day(g: &G, i: usize) -> Option<Hit> {
    let (n, len) = g.num(i)?;
    if len > 4 || n == 0 || !g.mark(i + 1, "-") || !g.glued(i + 1) {
        return None;
    }
    let (e, _) = g.at(i + 2, "suffix")?;
    let (e, _) = g.at(e, "dayword")?;
    let (end, first) = (e..e + 3).find_map(|k| g.at(k, "war"))?;
    let first = chrono::NaiveDate::parse_from_str(first, "%Y-%m-%d").ok()?;
    let day = first.checked_add_days(chrono::Days::new(u64::from(n) - 1))?;
    use chrono::Datelike;
    one(
        i,
        end,
        Sem::Date {
            year: Some(day.year()),
            month: Some(day.month() as u8),
            day: Some(day.day() as u8),
            tod: None,
        },
    )
}

fn year(y: i32) -> Sem {
    Sem::Date {
        year: Some(y),
        month: None,
        day: None,
        tod: None,
    }
}

/// "у четвер", "минулого четверга", "в четверг, 13 февраля".
fn weekday(g: &G, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut said = false;
    if let Some((e, _)) = g.at(j, "in") {
        j = e;
        said = true;
    }
    let mut pick = Pick::Plain;
    if let Some((e, p)) = g.at(j, "pick") {
        pick = match p {
            "L" => Pick::Last,
            "N" => Pick::Next,
            _ => Pick::This,
        };
        j = e;
        said = true;
    }
    let (end, wd) = g.at(j, "weekday")?;
    if g.mark(end, ",")
        && let Some(dm) = g.any_day(end + 1, false)
    {
        return one(i, dm.0, date(dm, None));
    }
    if !said {
        return None;
    }
    let tod = part(g, end);
    one(
        i,
        tod.map_or(end, |t| t.0),
        Sem::Weekday {
            wd: wd.parse().ok()?,
            pick,
            base: Base::Dct,
            tod: tod.map(|t| t.1),
        },
    )
}

/// "у лютому", "в начале июня", "в ноябре прошлого года", "лютого 2024 року".
fn month(g: &G, i: usize) -> Option<Hit> {
    // "минулого лютого", "в прошлом марте": a month picked by a word.
    let in_end = g.at(i, "in").map_or(i, |f| f.0);
    if let Some((p_end, p)) = g.at(in_end, "pick")
        && let Some((end, m)) = g.at(p_end, "month")
    {
        let pick = match p {
            "L" => Pick::Last,
            "N" => Pick::Next,
            _ => Pick::This,
        };
        let month = m.parse().ok()?;
        return one(
            i,
            end,
            Sem::Month {
                month,
                pick,
                yoff: None,
            },
        );
    }
    let j = g
        .at(i, "edge")
        .or_else(|| g.at(i, "in"))
        .or_else(|| g.at(i, "from"))
        .or_else(|| g.at(i, "to"))
        .map(|f| f.0);
    let k = j.unwrap_or(i);
    let (end, m) = g.at(k, "month")?;
    let month: u8 = m.parse().ok()?;
    if let Some((e, y)) = g
        .year(end)
        .or_else(|| g.year_num(end).map(|y| (end + 1, y)))
    {
        return one(
            i,
            e,
            Sem::Date {
                year: Some(y),
                month: Some(month),
                day: None,
                tod: None,
            },
        );
    }
    if let Some((e, off)) = g.at(end, "yrel") {
        return one(
            i,
            e,
            Sem::Month {
                month,
                pick: Pick::Plain,
                yoff: off.parse().ok(),
            },
        );
    }
    j?;
    one(
        i,
        end,
        Sem::Date {
            year: None,
            month: Some(month),
            day: None,
            tod: None,
        },
    )
}

/// "(fight) for today, for tomorrow": days in a list of "for" phrases
/// are things fought for, not dates.
fn for_list(g: &G, i: usize, end: usize) -> bool {
    i > 0
        && g.is(i - 1, "for")
        && ((g.mark(end, ",") && g.is(end + 1, "for"))
            || (i >= 3 && g.mark(i - 2, ",") && (g.is(i - 3, "day") || g.is(i - 3, "eve"))))
}

/// How many tokens on each side of "today" a copula may stand.
const COPULA_REACH: usize = 6;

/// "Today X is Y", "X is today the only guarantee": "today" beside a
/// copula in its clause means "nowadays".
fn nowadays(g: &G, i: usize, end: usize) -> bool {
    let stop = |k: usize| g.mark(k, ",") || g.mark(k, ".") || g.toks.get(k).is_some_and(|t| t.sent);
    let mut k = i;
    while k > 0 && i - k < COPULA_REACH && !stop(k) {
        k -= 1;
        if g.is(k, "copula") {
            return true;
        }
    }
    (end..(end + COPULA_REACH).min(g.toks.len()))
        .take_while(|&k| !stop(k))
        .any(|k| g.is(k, "copula"))
}

/// "напередодні самітів", "накануне встречи": "on the eve of" a thing,
/// which the next word names in the genitive (its ending is data). Only
/// the day before has this sense: "наступного ранку його закрили" ("the
/// next morning it was closed") is a day whatever word follows.
fn eve_of(g: &G, class: &str, end: usize) -> bool {
    class == "eve"
        && g.toks.get(end).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.sent
                && !g.is(end, "part")
                && !g.is(end, "in")
                && g.tables.iter().any(|tb| tb.ends(&t.norm, "genitive"))
        })
}

/// "навесні", "весной 2025 года", "у літо 2024 року", "осенью прошлого года".
fn season(g: &G, i: usize) -> Option<Hit> {
    let prep = g.at(i, "in").map(|f| f.0);
    let (end, s) = g
        .at(prep.unwrap_or(i), "season_adv")
        .or_else(|| g.at(prep.unwrap_or(i), "season"))?;
    let adverb = g.is(prep.unwrap_or(i), "season_adv");
    let part = Part::Season(s);
    if let Some((e, y)) = g
        .year(end)
        .or_else(|| g.year_num(end).map(|y| (end + 1, y)))
    {
        return one(
            i,
            e,
            Sem::Period {
                year: Some(y),
                yrel: None,
                part,
                pick: Pick::Plain,
            },
        );
    }
    if let Some((e, off)) = g.at(end, "yrel") {
        let yrel = Some((Base::Dct, off.parse().ok()?));
        return one(
            i,
            e,
            Sem::Period {
                year: None,
                yrel,
                part,
                pick: Pick::Plain,
            },
        );
    }
    (adverb || prep.is_some()).then_some(())?;
    one(
        i,
        end,
        Sem::Period {
            year: None,
            yrel: None,
            part,
            pick: Pick::Plain,
        },
    )
}

/// Days, weeks, months and years counted from a date: "вчора ввечері",
/// "напередодні", "минулого тижня", "три дні тому".
fn relative(g: &G, i: usize) -> Option<Hit> {
    for (class, base) in [("day", Base::Dct), ("eve", Base::Ref)] {
        if let Some((end, n)) = g.at(i, class) {
            // "tomorrow or the day after": no day is meant.
            if g.is(end, "or") || (i > 0 && g.is(i - 1, "or")) {
                return None;
            }
            if for_list(g, i, end)
                || (n == "0" && nowadays(g, i, end))
                || (n.starts_with('-') && eve_of(g, class, end))
            {
                return None;
            }
            let tod =
                part(g, end).or_else(|| g.at(end, "part_after").map(|(e, v)| (e, Tod::Part(v))));
            return one(
                i,
                tod.map_or(end, |t| t.0),
                Sem::Offset {
                    unit: Unit::Day,
                    n: n.parse().ok()?,
                    base,
                    tod: tod.map(|t| t.1),
                    exact: false,
                },
            );
        }
    }
    if let Some((end, v)) = g.at(i, "rel") {
        let unit = Unit::from_code(&v[..1])?;
        return one(
            i,
            end,
            Sem::Offset {
                unit,
                n: v[1..].parse().ok()?,
                base: Base::Dct,
                tod: None,
                exact: false,
            },
        );
    }
    // "три дні тому", "2 года назад", "тиждень тому" (a week ago).
    let (n, e) = match g.free_num(i) {
        Some((n, _)) => (n, i + 1),
        None => match g.at(i, "num") {
            Some((e, v)) => (v.parse().ok()?, e),
            // One unit said without a number: "тиждень тому".
            None if g.is(i, "unit1") && !(i > 0 && g.is(i - 1, "many")) => (1, i),
            None => return None,
        },
    };
    let (e, u) = g.at(e, "unit").or_else(|| g.at(e, "unit1"))?;
    let (end, _) = g.at(e, "ago")?;
    one(
        i,
        end,
        Sem::Offset {
            unit: Unit::from_code(u)?,
            n: -(n.min(10_000) as i32),
            base: Base::Dct,
            tod: None,
            exact: true,
        },
    )
}
