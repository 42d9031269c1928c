//! Modifier words around dates and lengths: the prefixes that sharpen a
//! date ("early", "late", "mid-", "the end of", "later in"), the bare unit
//! they may modify ("early in the year", "later in the day"), and the
//! approximations before a length or an "ago" ("nearly", "more than",
//! "at least").

use super::g_day::part_of_day;
use super::grammar::{G, Match};
use super::lexicon::Class;
use crate::timex::sem::{Base, Sem, Unit};

/// Modifier words before a date: "early", "late", "mid-", "earlier",
/// "later", "late on", "early in the", "the end of", "the beginning of".
/// Returns the token where the modified date starts.
pub(crate) fn mod_prefix(g: &G, i: usize) -> Option<usize> {
    if !g.is(i, Class::Mod) && !g.is(i, Class::Art) && !g.is(i, Class::Prep) {
        return None;
    }
    // "the early hours of Thursday", "the small hours of Monday"
    if g.word(i, "the")
        && g.word_in(i + 1, &["early", "small", "late"])
        && g.word(i + 2, "hours")
        && g.word(i + 3, "of")
    {
        return Some(i + 4);
    }
    if g.word(i, "the") && g.word_in(i + 1, &["early", "late", "mid"]) && !g.word(i + 2, "of") {
        return mod_prefix(g, i + 1);
    }
    if g.word(i, "the") {
        if g.word_in(
            i + 1,
            &["end", "beginning", "start", "middle", "close", "turn"],
        ) && g.word(i + 2, "of")
        {
            return Some(i + 3);
        }
        return None;
    }
    if g.word_in(i, &["at", "by", "until", "since"])
        && g.word(i + 1, "the")
        && g.word_in(i + 2, &["end", "beginning", "start"])
    {
        return None;
    }
    if g.word_in(i, &["pre", "post", "end", "start"])
        && g.punct(i + 1, '-')
        && g.glued(i + 1)
        && g.glued(i + 2)
    {
        return Some(i + 2);
    }
    if !g.word_in(i, &["early", "late", "mid", "middle", "earlier", "later"]) {
        return None;
    }
    let j = i + 1;
    // "mid-June", "early in the year", "late on Friday"
    if g.punct(j, '-') && g.glued(j) || g.word_in(j, &["in", "on"]) {
        return Some(j + 1);
    }
    Some(j)
}

/// After a modifier: "the year", "the month", "the week", "the decade".
pub(crate) fn modified_unit(g: &G, i: usize) -> Option<Match> {
    // "mid afternoon", "late morning": a part of the day being told of.
    if let Some((tod, e)) = part_of_day(g, i) {
        return Some(Match::new(i, e, Sem::Clock { tod }));
    }
    if !g.word(i, "the") {
        return None;
    }
    let u = g.class(i + 1, Class::Unit)?.code();
    let unit = Unit::from_code(u)?;
    if !matches!(
        unit,
        Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade
    ) {
        return None;
    }
    // "later in the day": the day the story is at, not always today.
    let base = if unit == Unit::Day {
        Base::Ref
    } else {
        Base::Dct
    };
    Some(Match::new(
        i,
        i + 2,
        Sem::Offset {
            unit,
            n: 0,
            base,
            tod: None,
            exact: false,
        },
    ))
}

/// Words before a length or an "ago": "nearly", "more than", "at least",
/// "up to", "about". Returns the token after them.
pub(crate) fn approx_prefix(g: &G, i: usize) -> Option<usize> {
    if !g.is(i, Class::Approx) && !g.is(i, Class::Prep) && !g.word_in(i, &["no", "close"]) {
        return None;
    }
    if g.word_in(i, &["more", "less", "fewer"]) && g.word(i + 1, "than") {
        return Some(i + 2);
    }
    if g.word(i, "no") && g.word_in(i + 1, &["more", "less"]) && g.word(i + 2, "than") {
        return Some(i + 3);
    }
    if g.word(i, "at") && g.word_in(i + 1, &["least", "most"]) {
        return Some(i + 2);
    }
    if g.word(i, "up") && g.word(i + 1, "to") {
        return Some(i + 2);
    }
    if g.word(i, "close") && g.word(i + 1, "to") {
        return Some(i + 2);
    }
    if g.word_in(i, &["over", "within", "under"]) && g.word(i + 1, "the") {
        return None;
    }
    if g.word_in(
        i,
        &[
            "about",
            "around",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "over",
            "under",
            "just",
            "only",
            "barely",
            "within",
            "some",
        ],
    ) {
        return Some(i + 1);
    }
    None
}
