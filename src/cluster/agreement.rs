//! Whether two reports agree in what clustering compares besides their
//! words: their days, their kinds of happening and their places. Read by
//! `similarity.rs` for its raises and refusals.

use super::features::{Features, announced};
use crate::extract::EventType;

/// Whether two sentences of statements, calls, talks or no type
/// ([`said_or_met`]) are dated to two different single days. Words are
/// spoken at one time, and a call or a meeting is held on its day: a night
/// spans two days, a statement or a trip does not, so they are two
/// happenings, even of one speaker ("Scholz spoke of Ukraine on Sunday" and
/// "Scholz will travel to Kyiv on Monday"). Headlines are left out: an
/// article's headline is dated by its publication, not by its happening's
/// day.
pub(super) fn said_or_met_on_two_days(a: &Features, b: &Features) -> bool {
    said_or_met(a.kind)
        && said_or_met(b.kind)
        && !a.headline
        && !b.headline
        && matches!((a.days, b.days), (Some(x), Some(y)) if x.0 == x.1 && y.0 == y.1 && x.0 != y.0)
}

/// Whether a type is of a happening of one day that no night extends:
/// statements, calls, talks, and reports of no type. (A decision announced
/// in one capital's evening is dated the next day in another's: strategic
/// developments, sanctions and aid are not held to one day.)
fn said_or_met(k: EventType) -> bool {
    matches!(
        k,
        EventType::Statements | EventType::Calls | EventType::Talks | EventType::Other
    )
}

/// Whether two reports are of one and the same single day.
pub(super) fn one_day(a: &Features, b: &Features) -> bool {
    matches!((a.days, b.days), (Some(x), Some(y)) if x.0 == x.1 && x == y)
}

/// Whether two reports are of one single day ([`one_day`]), or, for
/// statements (`kind`), the date of one is a span (a weekend, "last
/// week") that holds the other's: what one speaker said "last week" may be
/// what he said on its Friday, as an outlet that sums up a week's
/// briefings tells it. (A meeting "this week" is not held to the span so:
/// one planned, one held, and talks about it are many.)
pub(super) fn one_day_or_within(a: &Features, b: &Features, kind: EventType) -> bool {
    let holds = |x: (chrono::NaiveDate, chrono::NaiveDate),
                 y: (chrono::NaiveDate, chrono::NaiveDate)| {
        x.0 <= y.0 && y.1 <= x.1
    };
    let single = |x: (chrono::NaiveDate, chrono::NaiveDate)| x.0 == x.1;
    one_day(a, b)
        || kind == EventType::Statements
            && matches!((a.days, b.days), (Some(x), Some(y))
                if single(y) && holds(x, y) || single(x) && holds(y, x))
}

/// Whether one of two types is a statement and the other a decision that
/// may be announced ([`announced`]): a speaker's words and the decision
/// the same voice announced that day are one announcement ("the Pentagon
/// said the US will deploy troops" and "Pentagon press secretary Kirby
/// said at the briefing that ..."). Two decisions of one voice are not
/// raised so: one ministry announces several captures a day.
pub(super) fn announces_what_was_said(a: EventType, b: EventType) -> bool {
    (a == EventType::Statements && announced(b)) || (b == EventType::Statements && announced(a))
}

/// Whether a type is violence: battles, explosions and remote violence,
/// violence against civilians.
pub(super) fn is_violence(k: EventType) -> bool {
    matches!(
        k,
        EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians
    )
}

/// Whether two reports name one settlement, or one oblast (or Russian
/// region) with no settlement that differs.
pub(super) fn shares_specific_place(a: &Features, b: &Features) -> bool {
    a.towns.iter().any(|t| b.towns.contains(t)) || a.admin1.iter().any(|r| b.admin1.contains(r))
}

/// Whether a report names any place.
pub(super) fn placed(f: &Features) -> bool {
    !(f.towns.is_empty() && f.admin1.is_empty() && f.countries.is_empty())
}

/// Places agree unless both name places of one level and none in common:
/// settlements, or first-level divisions. Countries are not compared: a
/// sentence about two states' dealings is placed in either or both.
pub(super) fn places_agree(a: &Features, b: &Features) -> bool {
    let disjoint =
        |x: &[u32], y: &[u32]| !x.is_empty() && !y.is_empty() && !x.iter().any(|r| y.contains(r));
    !(disjoint(&a.towns, &b.towns) || disjoint(&a.admin1, &b.admin1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_dated_to_a_span_holds_one_day_within_it() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2025, 6, d).unwrap();
        let f = |from: u32, to: u32| Features {
            days: Some((day(from), day(to))),
            ..Features::default()
        };
        let s = EventType::Statements;
        let week = f(2, 8);
        assert!(one_day_or_within(&week, &f(6, 6), s));
        assert!(one_day_or_within(&f(6, 6), &week, s));
        assert!(one_day_or_within(&f(6, 6), &f(6, 6), EventType::Talks));
        // A day outside the span, two spans, and talks are not held so.
        assert!(!one_day_or_within(&week, &f(9, 9), s));
        assert!(!one_day_or_within(&week, &f(2, 8), s));
        assert!(!one_day_or_within(&week, &f(3, 4), s));
        assert!(!one_day_or_within(&week, &f(6, 6), EventType::Talks));
    }

    #[test]
    fn places_of_one_level_must_share_one() {
        let f = |towns: Vec<u32>, admin1: Vec<u32>| Features {
            towns,
            admin1,
            ..Features::default()
        };
        assert!(places_agree(
            &f(vec![1], vec![10]),
            &f(vec![1, 2], vec![10])
        ));
        assert!(!places_agree(&f(vec![1], vec![10]), &f(vec![2], vec![10])));
        assert!(places_agree(&f(vec![1], vec![10]), &f(vec![], vec![10])));
        assert!(!places_agree(&f(vec![], vec![10]), &f(vec![], vec![11])));
        let c = |countries: Vec<u32>| Features {
            countries,
            ..Features::default()
        };
        assert!(places_agree(&c(vec![1]), &c(vec![2])));
        assert!(places_agree(&f(vec![], vec![]), &f(vec![3], vec![11])));
    }
}
