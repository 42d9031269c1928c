//! Rules for single days named relative to the reference date: "today",
//! "yesterday morning", "tonight", "overnight", "Friday", "last Friday",
//! "the previous Friday", "Thursday evening", "the weekend".

use super::g_date::pick_of;
use super::grammar::{G, Match};
use super::lexicon::Class;
use crate::timex::sem::{Base, Pick, Sem, Tod, Unit};

/// Any day rule at token `i`.
pub(crate) fn at(g: &G, i: usize) -> Option<Match> {
    dayword(g, i)
        .or_else(|| part_then_day(g, i))
        .or_else(|| overnight(g, i))
        .or_else(|| weekday(g, i))
        .or_else(|| weekend(g, i))
}

/// A part of the day at `i` ("morning", "night"): (tod, token after).
pub(crate) fn part_of_day(g: &G, i: usize) -> Option<(Tod, usize)> {
    let p = g.class(i, Class::Part)?.code();
    match p {
        "MI" => Some((Tod::Clock(12, 0), i + 1)),
        "MN" => Some((Tod::Clock(24, 0), i + 1)),
        _ => {
            if g.word(i, "overnight")
                || g.word(i, "tonight")
                || g.word(i, "dawn")
                || g.word(i, "dusk")
            {
                return None;
            }
            Some((Tod::Part(p), i + 1))
        }
    }
}

/// "today", "yesterday morning", "tomorrow night", "tonight".
fn dayword(g: &G, i: usize) -> Option<Match> {
    let n = g.class(i, Class::DayWord)?.num();
    let mut tod = g.word(i, "tonight").then_some(Tod::Part("NI"));
    let mut end = i + 1;
    if tod.is_none()
        && let Some((t, e)) = part_of_day(g, end)
    {
        tod = Some(t);
        end = e;
    }
    Some(Match::new(
        i,
        end,
        Sem::Offset {
            unit: Unit::Day,
            n,
            base: Base::Dct,
            tod,
            exact: false,
        },
    ))
}

/// A part of the day before its day: "afternoon yesterday", "(mid-)morning
/// Friday".
fn part_then_day(g: &G, i: usize) -> Option<Match> {
    let (tod, j) = part_of_day(g, i)?;
    let m = dayword(g, j).or_else(|| weekday(g, j))?;
    let sem = with_part_of_day(m.sem, tod)?;
    Some(Match::new(i, m.end, sem))
}

/// A day-valued meaning given a part of the day, when it has none yet.
fn with_part_of_day(sem: Sem, part: Tod) -> Option<Sem> {
    match sem {
        Sem::Weekday {
            wd,
            pick,
            base,
            tod: None,
        } => Some(Sem::Weekday {
            wd,
            pick,
            base,
            tod: Some(part),
        }),
        Sem::Offset {
            unit,
            n,
            base,
            tod: None,
            exact,
        } => Some(Sem::Offset {
            unit,
            n,
            base,
            tod: Some(part),
            exact,
        }),
        _ => None,
    }
}

/// "overnight" (the night before the reference date) and "overnight into
/// Wednesday", "overnight on Friday" (that day's night).
fn overnight(g: &G, i: usize) -> Option<Match> {
    if !g.word(i, "overnight") {
        return None;
    }
    if g.word_in(i + 1, &["into", "on", "to", "before"])
        && let Some(m) = weekday(g, i + 2).or_else(|| dayword(g, i + 2))
    {
        let sem = with_part_of_day(m.sem, Tod::Part("NI"))?;
        return Some(Match::new(i, m.end, sem));
    }
    Some(Match::new(
        i,
        i + 1,
        Sem::Offset {
            unit: Unit::Day,
            n: -1,
            base: Base::Dct,
            tod: Some(Tod::Part("NI")),
            exact: false,
        },
    ))
}

/// "Friday", "Thursday evening", "last Friday", "this coming Sunday",
/// "the previous Friday".
fn weekday(g: &G, i: usize) -> Option<Match> {
    let mut j = i;
    // "the previous Friday", "the following Monday": counted from the day
    // the story is at, not from the publication date.
    let mut base = Base::Dct;
    if g.word(j, "the") && g.word_in(j + 1, &["previous", "following", "next"]) {
        j += 1;
        base = Base::Ref;
    }
    let mut pick = Pick::Plain;
    if let Some(p) = pick_of(g, j) {
        pick = p;
        j += 1;
        if pick == Pick::This && g.word(j, "coming") {
            pick = Pick::Next;
            j += 1;
        } else if pick == Pick::This && g.word(j, "past") {
            pick = Pick::Last;
            j += 1;
        }
    }
    if j > i && g.word(i, "the") && pick == Pick::Plain {
        return None;
    }
    let wd = g.class(j, Class::Weekday)?.num() as u8;
    if !g.cap(j) {
        return None;
    }
    // "Tuesday nights", "Monday and Tuesday nights": every such night.
    if pick == Pick::Plain {
        let shared = if g.word_in(j + 1, &["and", "or"]) && g.is(j + 2, Class::Weekday) {
            j + 3
        } else {
            j + 1
        };
        if let Some((Tod::Part(p), e)) = part_of_day(g, shared)
            && g.text_of(shared).ends_with('s')
        {
            let end = if shared == j + 1 { e } else { j + 1 };
            return Some(Match::new(i, end, Sem::Set(format!("XXXX-WXX-{wd}T{p}"))));
        }
    }
    let mut end = j + 1;
    let mut tod = None;
    if let Some((t, e)) = part_of_day(g, end) {
        tod = Some(t);
        end = e;
    }
    Some(Match::new(
        i,
        end,
        Sem::Weekday {
            wd,
            pick,
            base,
            tod,
        },
    ))
}

/// "the weekend", "this weekend", "last weekend", "next weekend".
fn weekend(g: &G, i: usize) -> Option<Match> {
    let (pick, j) = if g.word(i, "the") {
        (Pick::Plain, i + 1)
    } else {
        (pick_of(g, i)?, i + 1)
    };
    if !g.word(j, "weekend") {
        return None;
    }
    Some(Match::new(i, j + 1, Sem::Weekend { pick }))
}

#[cfg(test)]
mod tests {
    use crate::timex::tag;
    use chrono::NaiveDate;

    /// The value of the expression whose text is exactly `expr`.
    fn value_of(text: &str, dct: (i32, u32, u32), expr: &str) -> String {
        let dct = NaiveDate::from_ymd_opt(dct.0, dct.1, dct.2);
        let all = tag(text, dct);
        all.iter()
            .find(|t| &text[t.start..t.end] == expr)
            .map(|t| t.value.clone())
            .unwrap_or_else(|| panic!("`{expr}` not found"))
    }

    #[test]
    fn weekdays_with_plural_parts_of_day_recur() {
        let s = "Flights leave on Monday and Tuesday nights from March 30.";
        assert_eq!(value_of(s, (2024, 2, 13), "Monday"), "XXXX-WXX-1TNI");
        assert_eq!(
            value_of(s, (2024, 2, 13), "Tuesday nights"),
            "XXXX-WXX-2TNI"
        );
        let s = "He flew out on Tuesday night.";
        assert_eq!(value_of(s, (2024, 2, 15), "Tuesday night"), "2024-02-13TNI");
    }

    #[test]
    fn the_previous_weekday_counts_from_the_day_in_focus() {
        // Published on a Monday; the story is at Friday, Oct. 27.
        let s = "Shares closed at 90 on Friday, down 4% from the previous Friday.";
        assert_eq!(value_of(s, (2023, 10, 30), "Friday"), "2023-10-27");
        assert_eq!(
            value_of(s, (2023, 10, 30), "the previous Friday"),
            "2023-10-20"
        );
        let s = "The envoy landed on March 3. He left the following Monday.";
        assert_eq!(
            value_of(s, (2023, 3, 20), "the following Monday"),
            "2023-03-06"
        );
        // The day in focus may be a few sentences back.
        let s = "Stocks fell on Friday. Brokers were gloomy. Bonds were flat. \
                 The index ended 2% below the previous Friday.";
        assert_eq!(
            value_of(s, (2023, 10, 30), "the previous Friday"),
            "2023-10-20"
        );
        // With no date in focus, the publication date stands in.
        let s = "Talks resume the following Monday.";
        assert_eq!(
            value_of(s, (2023, 3, 15), "the following Monday"),
            "2023-03-20"
        );
        // "last Friday" still counts from the publication date.
        let s = "The envoy landed on March 3. He spoke last Friday.";
        assert_eq!(value_of(s, (2023, 3, 20), "last Friday"), "2023-03-17");
    }
}
