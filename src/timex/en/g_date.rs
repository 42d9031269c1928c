//! Rules for calendar dates stated outright: "February 13, 2025",
//! "13 February", "Feb. 10-14", "Monday, July 16, 2018", "October 2024",
//! "2025-02-13", "02/13/1998" (and, through `g_stamp`, "14.02.2025" and
//! "2025-02-13T18:26:00Z"), years ("in 2023", "2012–2014", "pre-2014"),
//! decades ("the 1990s") and centuries ("the 20th century").

use super::g_num::{day_at, ord_at, plain_num, year_digits, year_words};
use super::g_period;
use super::g_stamp;
use super::grammar::{G, Hit, Match};
use super::lexicon::Class;
use super::token::{ALLCAP, Kind, PLURAL};
use super::traps;
use crate::timex::sem::{Pick, Sem};

/// Any calendar-date rule at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Hit> {
    let t = g.tok(i)?;
    match t.kind {
        Kind::Num => numeric(g, i)
            .or_else(|| day_range(g, i))
            .or_else(|| day_month(g, i).map(Hit::One))
            .or_else(|| century(g, i).map(Hit::One)),
        Kind::Punct if t.ch == '\'' => decade(g, i).map(Hit::One),
        Kind::Word => {
            if let Some(h) = month_led(g, i) {
                return Some(h);
            }
            if let Some(h) = weekday_led(g, i) {
                return Some(h);
            }
            if let Some(m) = day_month(g, i) {
                return Some(Hit::One(m));
            }
            if let Some(m) = century(g, i) {
                return Some(Hit::One(m));
            }
            if g.word(i, "the") {
                if let Some(m) = century(g, i + 1) {
                    return Some(Hit::One(Match { start: i, ..m }));
                }
                if let Some(m) = decade(g, i + 1) {
                    return Some(Hit::One(Match { start: i, ..m }));
                }
                if let Some(m) = bare_ordinal_day(g, i) {
                    return Some(Hit::One(m));
                }
                if g.word(i + 1, "year")
                    && let Some(Hit::One(m)) = at(g, i + 2)
                    && matches!(m.sem, Sem::Date { month: None, .. })
                {
                    return Some(Hit::One(Match { start: i, ..m }));
                }
            }
            if let Some((y, end)) = year_words(g, i) {
                return Some(Hit::One(Match::new(i, end, year_sem(y))));
            }
            g_period::at(g, i)
        }
        Kind::Mixed => g_period::at(g, i),
        Kind::Punct => None,
    }
}

fn year_sem(y: i32) -> Sem {
    Sem::Date {
        year: Some(y),
        month: None,
        day: None,
        tod: None,
    }
}

/// A month name at `i` (capitalized, or all caps): (month, token after,
/// whether abbreviated).
pub(crate) fn month_name(g: &G, i: usize) -> Option<(u8, usize, bool)> {
    let t = g.tok(i)?;
    if t.kind != Kind::Word || !g.cap(i) {
        return None;
    }
    if let Some(m) = g.class(i, Class::Month) {
        return Some((m.num() as u8, i + 1, false));
    }
    let m = g.class(i, Class::MonthAbbr)?;
    let end = if g.punct(i + 1, '.') && g.glued(i + 1) {
        i + 2
    } else {
        i + 1
    };
    Some((m.num() as u8, end, true))
}

/// A year at `i` that passes the trap checks: (year, token after).
pub(crate) fn year_at(g: &G, i: usize) -> Option<(i32, usize)> {
    if let Some(y) = year_digits(g, i) {
        return traps::year_ok(g, i).then_some((y, i + 1));
    }
    // '98
    if g.punct(i, '\'')
        && g.tok(i + 1).is_some_and(|t| t.ndig == 2)
        && plain_num(g, i + 1)
        && g.glued(i + 1)
    {
        let v = g.tok(i + 1)?.val as i32;
        return Some((if v < 30 { 2000 + v } else { 1900 + v }, i + 2));
    }
    None
}

/// "February 13, 2025", "Feb. 13", "October 2024", "June", "Feb. 10-14".
fn month_led(g: &G, i: usize) -> Option<Hit> {
    let (month, j, abbr) = month_name(g, i)?;
    let date = |year, day, end| {
        Match::new(
            i,
            end,
            Sem::Date {
                year,
                month: Some(month),
                day,
                tod: None,
            },
        )
    };
    if let Some((day, k)) = day_at(g, j)
        && !(g.punct(k, ':') && g.glued(k) && g.glued(k + 1))
        && !g.is(k, Class::Units)
        && !g.is(k, Class::Unit)
    {
        // Month day [,] [year]
        let y = g.opt_punct(k, ',');
        if let Some((year, e)) = year_at(g, y).filter(|&(_, e)| !g.punct(e, ':')) {
            return Some(Hit::One(date(Some(year), Some(day), e)));
        }
        // Month day-day: a range within the month.
        let sep =
            (g.punct(k, '-') || g.word_in(k, &["to", "through", "until", "and"])).then_some(k + 1);
        if let Some(s) = sep
            && let Some((day2, e2)) = day_at(g, s)
            && day2 > day
            && g.tok(s).is_some_and(|t| t.kind == Kind::Num)
            && !g.is(e2, Class::Unit)
            && !g.is(e2, Class::Units)
        {
            let y2 = g.opt_punct(e2, ',');
            let (year, end2) = match year_at(g, y2) {
                Some((y, e)) => (Some(y), e),
                None => (None, e2),
            };
            let first = date(year, Some(day), k);
            let second = Match {
                start: s,
                end: end2,
                sem: Sem::Date {
                    year,
                    month: Some(month),
                    day: Some(day2),
                    tod: None,
                },
                explicit: year.is_some(),
            };
            return Some(Hit::Range(first, second));
        }
        return Some(Hit::One(date(None, Some(day), k)));
    }
    // Month [of|,] year
    let y = if g.word(j, "of") || g.punct(j, ',') {
        j + 1
    } else {
        j
    };
    if let Some((year, e)) = year_at(g, y) {
        return Some(Hit::One(date(Some(year), None, e)));
    }
    if let Some((year, e)) = year_words(g, j) {
        return Some(Hit::One(date(Some(year), None, e)));
    }
    // "June last year", "January this year"
    if g.word(j + 1, "year") {
        let yoff = if g.word(j, "last") {
            Some(-1)
        } else if g.word(j, "this") {
            Some(0)
        } else if g.word(j, "next") {
            Some(1)
        } else {
            None
        };
        if yoff.is_some() {
            return Some(Hit::One(Match::new(
                i,
                j + 2,
                Sem::Month {
                    month,
                    pick: Pick::Plain,
                    yoff,
                },
            )));
        }
    }
    if abbr || !bare_month_ok(g, i, month) {
        return None;
    }
    Some(Hit::One(date(None, None, j)))
}

/// Whether a month name standing alone is meant as a month.
fn bare_month_ok(g: &G, i: usize, month: u8) -> bool {
    let ambiguous = month == 3 || month == 5;
    let prev_ok = i > 0
        && !g.sent_start(i)
        && (g.word_in(
            i - 1,
            &[
                "in",
                "since",
                "until",
                "till",
                "by",
                "from",
                "through",
                "during",
                "of",
                "early",
                "late",
                "mid",
                "last",
                "next",
                "this",
                "before",
                "after",
                "between",
                "throughout",
                "end",
                "beginning",
                "start",
                "middle",
                "each",
                "every",
                "that",
                "around",
            ],
        ) || g.punct(i - 1, '-') && g.word(i.saturating_sub(2), "mid"));
    if ambiguous && !prev_ok {
        // "March on", "May we": only with a preposition before, or in a
        // list of months ("in April and May"), or capitalized between an
        // article and a lowercase noun ("the March accession", "the May
        // elections"; not "the March of Dimes").
        let listed =
            i >= 2 && g.word_in(i - 1, &["and", "or", "to"]) && month_name(g, i - 2).is_some();
        let modifier = i > 0
            && g.word(i - 1, "the")
            && g.cap(i)
            && g.tok(i + 1).is_some_and(|t| {
                t.kind == Kind::Word && !g.cap(i + 1) && !g.is(i + 1, Class::Prep)
            });
        if !listed && !modifier {
            return false;
        }
    }
    // "June Carter": a capitalized word right after is part of a name.
    let next_cap = g
        .tok(i + 1)
        .is_some_and(|t| t.kind == Kind::Word && g.cap(i + 1) && !t.has(ALLCAP))
        && !g.sent_start(i + 1)
        && month_name(g, i + 1).is_none()
        && !g.is(i + 1, Class::Weekday);
    if next_cap && !prev_ok {
        return false;
    }
    true
}

/// "13 February 2025", "12 February", "13th of February".
fn day_month(g: &G, i: usize) -> Option<Match> {
    let (day, j) = day_at(g, i)?;
    if g.tok(i)?.kind == Kind::Num && !traps::number_ok(g, i) {
        return None;
    }
    let k = g.opt_word(j, "of");
    let (month, e, _) = month_name(g, k)?;
    if k > j && g.tok(i)?.kind == Kind::Num && !g.tok(i)?.has(super::token::ORDINAL) {
        return None;
    }
    let y = g.opt_punct(e, ',');
    let (year, end) = match year_at(g, y) {
        Some((year, end)) => (Some(year), end),
        None => (None, e),
    };
    Some(Match::new(
        i,
        end,
        Sem::Date {
            year,
            month: Some(month),
            day: Some(day),
            tod: None,
        },
    ))
}

/// "24-25 February 2025", "10 and 11 March": two days of one month.
fn day_range(g: &G, i: usize) -> Option<Hit> {
    let t = g.tok(i)?;
    if t.kind != Kind::Num || !traps::number_ok(g, i) {
        return None;
    }
    let (d1, j) = day_at(g, i)?;
    if !(g.punct(j, '-') || g.word_in(j, &["and", "to"])) {
        return None;
    }
    if g.tok(j + 1)?.kind != Kind::Num {
        return None;
    }
    let m = day_month(g, j + 1)?;
    let Sem::Date {
        year,
        month,
        day: Some(d2),
        ..
    } = m.sem
    else {
        return None;
    };
    if d2 <= d1 {
        return None;
    }
    let first = Match {
        start: i,
        end: j,
        sem: Sem::Date {
            year,
            month,
            day: Some(d1),
            tod: None,
        },
        explicit: false,
    };
    Some(Hit::Range(first, m))
}

/// "Monday, July 16, 2018", "Friday Oct. 13": the date wins, the weekday
/// joins the span.
fn weekday_led(g: &G, i: usize) -> Option<Hit> {
    let full = g.is(i, Class::Weekday);
    if !(full || g.is(i, Class::WeekdayAbbr)) || !g.cap(i) {
        return None;
    }
    let mut j = i + 1;
    if !full {
        j = g.opt_punct(j, '.');
    }
    j = g.opt_punct(j, ',');
    let date = month_led(g, j).or_else(|| day_month(g, j).map(Hit::One))?;
    match date {
        Hit::One(m) if matches!(m.sem, Sem::Date { day: Some(_), .. }) => {
            Some(Hit::One(Match { start: i, ..m }))
        }
        Hit::Range(a, b) => Some(Hit::Range(Match { start: i, ..a }, b)),
        _ => None,
    }
}

/// Dates in digits: ISO `2025-02-13`, `2025-02`, US `02/13/1998`, years,
/// year ranges `2012–2014`, `2012-14`, decades `1990s`.
fn numeric(g: &G, i: usize) -> Option<Hit> {
    let t = g.tok(i)?;
    if t.has(PLURAL) {
        return decade(g, i).map(Hit::One);
    }
    if let Some(y) = year_digits(g, i) {
        // ISO
        if g.punct(i + 1, '-')
            && g.glued(i + 1)
            && g.glued(i + 2)
            && plain_num(g, i + 2)
            && g.tok(i + 2)?.ndig == 2
        {
            let m = g.tok(i + 2)?.val;
            let leading_zero = g.text_of(i + 2).starts_with('0');
            if (1..=12).contains(&m) {
                // "2025-02-13T18:26:00Z": the date and its clock time.
                if g.punct(i + 3, '-')
                    && g.glued(i + 3)
                    && let Some((d, h, min, e)) = g_stamp::iso_day_time(g, i + 4)
                {
                    return Some(Hit::One(Match::new(
                        i,
                        e,
                        g_stamp::iso_sem(y, m as u8, d, h, min),
                    )));
                }
                if g.punct(i + 3, '-')
                    && g.glued(i + 3)
                    && g.glued(i + 4)
                    && plain_num(g, i + 4)
                    && g.tok(i + 4)?.ndig == 2
                {
                    let d = g.tok(i + 4)?.val;
                    // "2022-09-22-explosive-boats": a URL slug, no date.
                    let slug = g.punct(i + 5, '-')
                        && g.glued(i + 5)
                        && g.glued(i + 6)
                        && g.tok(i + 6).is_some_and(|t| t.kind == Kind::Word);
                    if slug {
                        return None;
                    }
                    if (1..=31).contains(&d) {
                        return Some(Hit::One(Match::new(
                            i,
                            i + 5,
                            Sem::Date {
                                year: Some(y),
                                month: Some(m as u8),
                                day: Some(d as u8),
                                tod: None,
                            },
                        )));
                    }
                }
                if leading_zero {
                    return Some(Hit::One(Match::new(
                        i,
                        i + 3,
                        Sem::Date {
                            year: Some(y),
                            month: Some(m as u8),
                            day: None,
                            tod: None,
                        },
                    )));
                }
            }
        }
        if !traps::year_ok(g, i) {
            return None;
        }
        // Year ranges: 2012-2014, 2012–14.
        if g.punct(i + 1, '-')
            && plain_num(g, i + 2)
            && !g.is(i + 3, Class::Unit)
            && !g.is(i + 3, Class::Units)
        {
            let t2 = g.tok(i + 2)?;
            let y2 = match t2.ndig {
                4 => year_digits(g, i + 2),
                2 => Some(y - y % 100 + t2.val as i32),
                _ => None,
            };
            if let Some(y2) = y2
                && y2 > y
                && y2 - y < 100
                && !g.punct(i + 3, '-')
            {
                let a = Match::new(i, i + 1, year_sem(y));
                let b = Match::new(i + 2, i + 3, year_sem(y2));
                return Some(Hit::Range(a, b));
            }
        }
        return Some(Hit::One(Match::new(i, i + 1, year_sem(y))));
    }
    if let Some(m) = g_stamp::dotted(g, i) {
        return Some(Hit::One(m));
    }
    // US numeric: 02/13/1998, 2/13/98
    if plain_num(g, i)
        && t.ndig <= 2
        && g.punct(i + 1, '/')
        && plain_num(g, i + 2)
        && g.punct(i + 3, '/')
        && plain_num(g, i + 4)
        && (i + 1..=i + 4).all(|k| g.glued(k))
    {
        let (a, b) = (t.val, g.tok(i + 2)?.val);
        let t3 = g.tok(i + 4)?;
        let year = match t3.ndig {
            4 => t3.val as i32,
            2 => {
                if t3.val < 50 {
                    2000 + t3.val as i32
                } else {
                    1900 + t3.val as i32
                }
            }
            _ => return None,
        };
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(Hit::One(Match::new(
                i,
                i + 5,
                Sem::Date {
                    year: Some(year),
                    month: Some(m as u8),
                    day: Some(d as u8),
                    tod: None,
                },
            )));
        }
    }
    None
}

/// Decades: "1990s", "'80s", "80s" after "the"/"early"/"mid"/"late",
/// "the nineties".
fn decade(g: &G, i: usize) -> Option<Match> {
    const WORDS: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    if let Some(k) = WORDS.iter().position(|w| g.word(i, w)) {
        if i == 0 || !g.word_in(i - 1, &["the", "early", "mid", "late", "-"]) {
            return None;
        }
        return Some(Match::new(i, i + 1, Sem::Decade(1920 + 10 * k as i32)));
    }
    let (k, apostrophe) = if g.punct(i, '\'') {
        (i + 1, true)
    } else {
        (i, false)
    };
    let t = g.tok(k)?;
    if t.kind != Kind::Num || !t.has(PLURAL) || t.val % 10 != 0 {
        return None;
    }
    if apostrophe && !g.glued(k) {
        return None;
    }
    match t.ndig {
        4 if (1000..2200).contains(&t.val) => Some(Match::new(i, k + 1, Sem::Decade(t.val as i32))),
        2 => {
            let before = if apostrophe { i } else { k };
            let ok = apostrophe
                || before > 0
                    && g.word_in(before - 1, &["the", "early", "mid", "late"])
                    && !traps::age_before(g, before);
            ok.then(|| Match::new(i, k + 1, Sem::Decade(1900 + t.val as i32)))
        }
        _ => None,
    }
}

/// "the 13th" standing for a day of the month the story is at: "the"
/// and an ordinal in digits, then a mark, a past verb, or after "on" any
/// preposition ("on the 13th, shelling resumed", "on the 13th in Kyiv",
/// "the 13th was calmer"; not "the 13th round", "the 47th Brigade").
fn bare_ordinal_day(g: &G, i: usize) -> Option<Match> {
    let t = g.tok(i + 1)?;
    if t.kind != Kind::Num || !t.has(super::token::ORDINAL) || !(1..=31).contains(&t.val) {
        return None;
    }
    let n = i + 2;
    let closes = g
        .tok(n)
        .is_none_or(|x| x.kind == Kind::Punct && x.ch != '-')
        || g.is(n, Class::Past)
        || i > 0
            && g.word(i - 1, "on")
            && g.tok(n).is_some_and(|x| x.kind == Kind::Word)
            && !g.cap(n)
            && !g.is(n, Class::Unit)
            && !g.is(n, Class::Units)
            && g.is(n, Class::Prep);
    closes.then(|| Match::new(i, i + 2, Sem::DayOfMonth(t.val as u8)))
}

/// "the 20th century", "the nineteenth century".
fn century(g: &G, i: usize) -> Option<Match> {
    let (n, j) = ord_at(g, i)?;
    if !g.word(j, "century") || !(1..=30).contains(&n) {
        return None;
    }
    Some(Match::new(i, j + 1, Sem::Century(n as i32 - 1)))
}

/// Picks for words like "last", "next", "this" before a name.
pub(crate) fn pick_of(g: &G, i: usize) -> Option<Pick> {
    if !g.is(i, Class::Rel) {
        return None;
    }
    if g.word(i, "last") || g.word(i, "past") || g.word(i, "previous") {
        Some(Pick::Last)
    } else if g.word_in(i, &["next", "coming", "following", "upcoming"]) {
        Some(Pick::Next)
    } else if g.word(i, "this") {
        Some(Pick::This)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::tag;
    use chrono::NaiveDate;

    fn texts(text: &str) -> Vec<String> {
        tag(text, NaiveDate::from_ymd_opt(1999, 2, 10))
            .into_iter()
            .map(|t| format!("{}={}", &text[t.start..t.end], t.value))
            .collect::<Vec<_>>()
    }

    #[test]
    fn march_and_may_between_the_and_a_noun() {
        assert_eq!(
            texts("The March accession lets them sign."),
            ["March=1999-03"]
        );
        assert_eq!(texts("Voters await the May elections."), ["May=1999-05"]);
        assert!(texts("He gave to the March of Dimes.").is_empty());
        assert!(texts("The march began at dawn.").is_empty());
    }
}
