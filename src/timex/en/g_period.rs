//! Rules for parts of a year and named days: quarters ("the third quarter",
//! "third-quarter", "Q3 2024", "the year-ago quarter"), halves ("the first
//! half of 2024"), seasons ("last fall", "the summer of 1994"), fiscal years
//! ("fiscal 1989") and holidays ("Easter", "last Thanksgiving").

use super::g_date::{pick_of, year_at};
use super::g_num::{ord_at, year_digits, year_words};
use super::grammar::{G, Hit, Match};
use super::lexicon::Class;
use super::phrases::holiday_at;
use super::token::Kind;
use crate::timex::sem::{Base, Part, Pick, Sem};

/// Any period rule at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Hit> {
    if g.tok(i)?.kind == Kind::Mixed {
        return code(g, i).map(Hit::One);
    }
    let m = quarter(g, i)
        .or_else(|| half(g, i))
        .or_else(|| season(g, i))
        .or_else(|| fiscal(g, i))
        .or_else(|| holiday(g, i))?;
    Some(Hit::One(m))
}

/// Year words after a period: "of 1990", "1990", "of this year",
/// "of last year", "last year". Returns (year, relative year, token after).
/// A year read after a period: stated, relative, and the token after it.
type YearAfter = (Option<i32>, Option<(Base, i32)>, usize);

fn year_after(g: &G, j: usize) -> Option<YearAfter> {
    let of = g.word(j, "of") || g.punct(j, ',');
    let k = if of { j + 1 } else { j };
    let k = if g.word(k, "fiscal") { k + 1 } else { k };
    if let Some((y, e)) = year_at(g, k) {
        return Some((Some(y), None, e));
    }
    if of && let Some((y, e)) = year_words(g, k) {
        return Some((Some(y), None, e));
    }
    if !g.word(k + 1, "year") {
        return None;
    }
    let off = if g.word(k, "this") || (of && g.word(k, "the")) {
        0
    } else if g.word(k, "last") {
        -1
    } else if g.word(k, "next") {
        1
    } else {
        return None;
    };
    Some((None, Some((Base::Dct, off)), k + 2))
}

/// Words before a period that give its year: "this year's", "last year's",
/// "1988", "the year-ago", "year-earlier", "fiscal", "its", "latest"...
/// Returns (start of the words' end, year, relative year, whether a
/// "latest/current"-like word was seen).
fn period_prefix(g: &G, i: usize) -> (usize, Option<i32>, Option<(Base, i32)>, bool) {
    let mut j = i;
    if g.word_in(j, &["the", "its", "their", "a", "that"]) {
        j += 1;
    }
    let mut year = None;
    let mut yrel = None;
    let mut focus = false;
    for _ in 0..3 {
        if let Some(off) = rel_year_poss(g, j) {
            yrel = Some((Base::Dct, off.0));
            j = off.1;
        } else if let Some(y) = year_digits(g, j) {
            year = Some(y);
            j += 1;
        } else if g.word(j, "year") && g.punct(j + 1, '-') && g.word_in(j + 2, &["ago", "earlier"])
        {
            yrel = Some((Base::Ref, -1));
            j += 3;
        } else if g.word_in(
            j,
            &[
                "fiscal",
                "latest",
                "current",
                "same",
                "comparable",
                "corresponding",
                "recent",
                "flat",
                "final",
            ],
        ) {
            focus |= !g.word(j, "fiscal") && !g.word(j, "final");
            if g.word(j, "current") || g.word(j, "latest") || g.word(j, "recent") {
                focus = true;
            }
            if g.word(j, "fiscal") && g.punct(j + 1, '-') {
                j += 1;
            }
            j += 1;
        } else {
            break;
        }
    }
    (j, year, yrel, focus)
}

/// "this year's" / "last year's" / "next year's": (offset, token after).
fn rel_year_poss(g: &G, j: usize) -> Option<(i32, usize)> {
    let off = if g.word(j, "this") {
        0
    } else if g.word(j, "last") {
        -1
    } else if g.word(j, "next") {
        1
    } else {
        return None;
    };
    if g.word(j + 1, "year") {
        let e = g.possessive(j + 2)?;
        return Some((off, e));
    }
    None
}

fn quarter(g: &G, i: usize) -> Option<Match> {
    let (mut j, mut year, mut yrel, focus) = period_prefix(g, i);
    let had_the = g.word_in(i, &["the", "its", "their", "that"]);
    let mut pick = Pick::Plain;
    if (i..j).any(|k| g.word_in(k, &["latest", "recent"])) {
        pick = Pick::Last;
    } else if (i..j).any(|k| g.word(k, "current")) {
        pick = Pick::This;
    }
    // "this quarter", "last quarter", "next quarter"
    let rel = pick_of(g, j).filter(|_| g.word(j + 1, "quarter"));
    if let Some(p) = rel {
        pick = p;
        j += 1;
    }
    let q = if let Some((n, e)) = ord_at(g, j).filter(|&(n, _)| (1..=4).contains(&n)) {
        j = g.opt_punct(e, '-');
        n as u8
    } else if g.word(j, "final") || g.word(j, "fourth") {
        j = g.opt_punct(j + 1, '-');
        4
    } else {
        0
    };
    let period = q == 0 && g.word(j, "period") && (year.is_some() || yrel.is_some() || focus);
    if !g.word(j, "quarter") && !period {
        return None;
    }
    let mut end = j + 1;
    // "the quarter a year ago": the same quarter of the year before.
    if year.is_none()
        && yrel.is_none()
        && g.word(end, "a")
        && g.word(end + 1, "year")
        && g.word_in(end + 2, &["ago", "earlier", "before"])
    {
        yrel = Some((Base::Ref, -1));
        end += 3;
    }
    if q == 0 && pick == Pick::Plain && !had_the && year.is_none() && yrel.is_none() {
        return None;
    }
    if year.is_none()
        && yrel.is_none()
        && let Some((y, r, e)) = year_after(g, end)
    {
        year = y;
        yrel = r;
        end = e;
    }
    // "the quarter ended Sept. 30": the calendar quarter the three months
    // up to that date mostly cover, that of their middle month (ended July
    // 31: May to July, the second quarter).
    if q == 0
        && pick == Pick::Plain
        && year.is_none()
        && yrel.is_none()
        && g.word_in(end, &["ended", "ending", "through"])
        && let Some((m, _, _)) = super::g_date::month_name(g, end + 1)
    {
        let middle = if m == 1 { 12 } else { u32::from(m) - 1 };
        let q = crate::timex::calendar::quarter_of(middle);
        return Some(Match::new(
            i,
            end,
            Sem::Period {
                year: None,
                yrel: None,
                part: Part::Quarter(q),
                pick: Pick::Plain,
            },
        ));
    }
    if q == 0 {
        // "the quarter", "this quarter": one relative to the focus.
        let part = Part::Quarter(0);
        return Some(Match::new(
            i,
            end,
            Sem::Period {
                year,
                yrel,
                part,
                pick,
            },
        ));
    }
    Some(Match::new(
        i,
        end,
        Sem::Period {
            year,
            yrel,
            part: Part::Quarter(q),
            pick: Pick::Plain,
        },
    ))
}

fn half(g: &G, i: usize) -> Option<Match> {
    let (j, year0, yrel0, _) = period_prefix(g, i);
    // "the latter half", "the last half" = the second.
    let (n, e) = if g.word_in(j, &["latter", "last", "final"]) {
        (2, j + 1)
    } else if g.word(j, "early") {
        (1, j + 1)
    } else {
        ord_at(g, j)?
    };
    if !(1..=2).contains(&n) {
        return None;
    }
    let k = g.opt_punct(e, '-');
    if !g.word(k, "half") {
        return None;
    }
    let (year, yrel, end) = match year_after(g, k + 1) {
        Some(x) => x,
        None if year0.is_some() || yrel0.is_some() => (year0, yrel0, k + 1),
        None => return None,
    };
    Some(Match::new(
        i,
        end,
        Sem::Period {
            year: year.or(year0),
            yrel: yrel.or(yrel0),
            part: Part::Half(n as u8),
            pick: Pick::Plain,
        },
    ))
}

fn season(g: &G, i: usize) -> Option<Match> {
    let mut j = i;
    let the = g.word(j, "the");
    if the {
        j += 1;
    }
    let pick = pick_of(g, j);
    if pick.is_some() {
        j += 1;
        if g.word(j, "past") {
            j += 1;
        }
    }
    let s = g.class(j, Class::Season)?.code();
    if g.cap(j) && !g.sent_start(j) && pick.is_none() && !the {
        // "Arab Spring", "Prague Spring"
        if j > 0 && g.cap(j - 1) {
            return None;
        }
    }
    let mut end = j + 1;
    let after = year_after(g, end);
    if let Some((year, yrel, e)) = after {
        end = e;
        return Some(Match::new(
            i,
            end,
            Sem::Period {
                year,
                yrel,
                part: Part::Season(s),
                pick: Pick::Plain,
            },
        ));
    }
    if let Some(p) = pick {
        return Some(Match::new(
            i,
            end,
            Sem::Period {
                year: None,
                yrel: None,
                part: Part::Season(s),
                pick: p,
            },
        ));
    }
    // A bare season needs a preposition before it ("in the fall").
    let before = if the { i } else { j };
    let prep = before > 0
        && g.word_in(
            before - 1,
            &[
                "in",
                "during",
                "since",
                "until",
                "by",
                "over",
                "through",
                "early",
                "late",
                "mid",
                "this",
                "last",
                "next",
                "throughout",
            ],
        );
    if !prep || g.word(end, "of") || (s == "FA" && !the) {
        return None;
    }
    end = end.max(j + 1);
    Some(Match::new(
        i,
        end,
        Sem::Period {
            year: None,
            yrel: None,
            part: Part::Season(s),
            pick: Pick::Plain,
        },
    ))
}

fn fiscal(g: &G, i: usize) -> Option<Match> {
    if !g.word(i, "fiscal") {
        return None;
    }
    let mut j = g.opt_punct(i + 1, '-');
    j = g.opt_word(j, "year");
    let (y, e) = year_at(g, j)?;
    Some(Match::new(
        i,
        e,
        Sem::Date {
            year: Some(y),
            month: None,
            day: None,
            tod: None,
        },
    ))
}

/// Codes: `Q3`, `H1`, `FY2024`, each maybe with a year after.
fn code(g: &G, i: usize) -> Option<Match> {
    let s = g.text_of(i);
    let b = s.as_bytes();
    if b.len() == 2 && matches!(b[0], b'Q' | b'H') && b[1].is_ascii_digit() {
        let n = b[1] - b'0';
        let part = match (b[0], n) {
            (b'Q', 1..=4) => Part::Quarter(n),
            (b'H', 1..=2) => Part::Half(n),
            _ => return None,
        };
        let (year, end) = match year_at(g, i + 1) {
            Some((y, e)) => (Some(y), e),
            None => (None, i + 1),
        };
        if year.is_none() && matches!(part, Part::Half(_)) {
            return None;
        }
        return Some(Match::new(
            i,
            end,
            Sem::Period {
                year,
                yrel: None,
                part,
                pick: Pick::Plain,
            },
        ));
    }
    if s.len() == 6 && s.starts_with("FY") {
        let y: i32 = s[2..].parse().ok()?;
        if (1900..2100).contains(&y) {
            return Some(Match::new(
                i,
                i + 1,
                Sem::Date {
                    year: Some(y),
                    month: None,
                    day: None,
                    tod: None,
                },
            ));
        }
    }
    None
}

fn holiday(g: &G, i: usize) -> Option<Match> {
    let pick = pick_of(g, i);
    let j = if pick.is_some() { i + 1 } else { i };
    let (e, rule) = holiday_at(g.toks, j)?;
    // "Victory Day 2025": the year check of plain numbers does not apply
    // ("Day 1087" is a trap only without a named day).
    let y = g.opt_punct(e, ',');
    let (year, end) = match year_digits(g, y) {
        Some(yy) => (Some(yy), y + 1),
        None => (None, e),
    };
    let day = Sem::Holiday {
        rule,
        year,
        pick: pick.unwrap_or(Pick::Plain),
    };
    // "Easter week", "Christmas week": the week of that day.
    if year.is_none() && g.word(e, "week") {
        return Some(Match::new(i, e + 1, Sem::WeekOf(Box::new(day))));
    }
    Some(Match::new(i, end, day))
}
