//! Traps: numbers and words that look like dates but are not ("Day 1,087",
//! "F-16", "$1.5-million", "2,275 drones", "it may strike", "his 70s").
//!
//! The word lists live in `assets/timex/en/traps.tsv` together with one example
//! sentence per trap; the tests below tag every example and check that the
//! trap yields nothing.

use super::grammar::{G, Hit};
use super::lexicon::Class;
use super::token::{CORE, Kind, OPENER};

/// The trap table (kind, words, example, text that must not be tagged).
pub(crate) const TRAPS_TSV: &str = include_str!("../../../assets/timex/en/traps.tsv");

/// Names of the trap rules implemented in code (the `rule` rows of the table).
#[cfg(test)]
const RULES: &[&str] = &[
    "comma-number",
    "range-of-counts",
    "money",
    "hyphen-name",
    "unit-ordinal",
    "measure",
    "slash-name",
    "modal-may",
    "verb-march",
    "noun-march",
    "a-second",
    "name-month",
    "age-decade",
    "age",
    "score",
    "name-year",
    "name-today",
    "x-to-x",
    "count-dash",
    "url-param",
    "table-cell",
    "url-slug",
    "owned-day",
    "today-thing",
    "that-clause",
];

/// Words that may be glued to a year by a hyphen ("pre-2014", "mid-2024").
const YEAR_PREFIXES: &[&str] = &[
    "pre", "post", "mid", "early", "late", "end", "start", "circa", "fiscal", "since", "from",
];

fn is_money(g: &G, i: usize) -> bool {
    g.tok(i)
        .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '$' | '€' | '£' | '#' | '¥' | '₴'))
}

/// Whether the number at `i` is free of the traps on its left: a trap word
/// ("Day 1087", "No. 5"), a currency sign ("$2024"), or a name glued by a
/// hyphen ("F-16", "COVID-19").
pub(crate) fn number_ok(g: &G, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = i - 1;
    if is_money(g, p) {
        return false;
    }
    if g.is(p, Class::TrapBefore) && !g.word(p, "day") || g.word(p, "day") && g.cap(p) {
        return false;
    }
    if g.punct(p, '.') && p > 0 && g.is(p - 1, Class::TrapBefore) {
        return false;
    }
    if g.punct(p, '-') && g.glued(i) && g.glued(p) && p > 0 {
        let q = p - 1;
        let glued_name = match g.tok(q).map(|t| t.kind) {
            Some(Kind::Word) => !g.word_in(q, YEAR_PREFIXES),
            Some(Kind::Mixed) => true,
            _ => false,
        };
        if glued_name {
            return false;
        }
    }
    if g.punct(p, '/') && g.glued(i) {
        return false;
    }
    true
}

/// Whether the four-digit number at `i` may be a year: [`number_ok`], and
/// no count noun, unit or percent sign after it ("2000 drones", "2000%").
pub(crate) fn year_ok(g: &G, i: usize) -> bool {
    if !number_ok(g, i) {
        return false;
    }
    let n = i + 1;
    if g.is(n, Class::TrapAfter) || g.punct(n, '%') {
        return false;
    }
    if g.punct(n, '/') && g.glued(n) {
        return false;
    }
    if i > 0 && !count_like_year(g, i) {
        return false;
    }
    // "2000-strong", "1500-page"
    if g.punct(n, '-')
        && g.glued(n)
        && g.glued(n + 1)
        && g.tok(n + 1).is_some_and(|t| t.kind == Kind::Word)
    {
        return g.word_in(n + 1, &["era", "style"]);
    }
    true
}

/// Whether the number at `i` (not the first token) may still be a year
/// given what stands before it: not a count after a noun and a spaced dash
/// ("tanks – 1432", a loss tally), not a URL parameter ("?w=1200"), not a
/// cell of a table ("| 2021 |").
fn count_like_year(g: &G, i: usize) -> bool {
    let p = i - 1;
    if g.punct(p, '=') && g.glued(i) {
        return false;
    }
    if g.punct(p, '|') && g.punct(i + 1, '|') {
        return false;
    }
    if g.punct(p, '-')
        && !g.glued(i)
        && !g.glued(p)
        && p > 0
        && g.tok(p - 1).is_some_and(|t| t.kind == Kind::Word)
        && !g.cap(p - 1)
        && !g.is(p - 1, Class::Prep)
    {
        return false;
    }
    true
}

/// Whether a possessive stands before token `i` ("his 70s" is an age).
pub(crate) fn age_before(g: &G, i: usize) -> bool {
    i > 0 && g.is(i - 1, Class::Poss)
}

/// Whether a fixed phrase at tokens `i..end` is meant as time: not a
/// capitalized label inside a line ("Shop Now"), not "quarterly" before a
/// noun ("quarterly dividend"), not "the future of".
pub(crate) fn phrase_ok(g: &G, i: usize, end: usize) -> bool {
    if g.cap(i)
        && !g.sent_start(i)
        && i > 0
        && g.tok(i - 1).is_some_and(|t| t.kind == Kind::Word)
        && !g.tok(i).is_some_and(|t| t.has(super::token::ALLCAP))
    {
        return false;
    }
    let next_is_noun = g.tok(end).is_some_and(|t| {
        t.kind == Kind::Word
            && !g.cap(end)
            && !g.is(end, Class::Prep)
            && !g.word_in(end, &["and", "or", "as", "than"])
    });
    if end == i + 1 && g.word_in(i, &["quarterly", "yearly", "monthly"]) && next_is_noun {
        return false;
    }
    if g.word(end, "of") && g.word(end - 1, "future") {
        return false;
    }
    // "the recent attacks": an adjective of a thing, not a time.
    if end == i + 1 && g.word(i, "recent") && i > 0 && g.word_in(i - 1, &["a", "an", "the"]) {
        return false;
    }
    // "Now, he says": a discourse marker.
    if end == i + 1 && g.word(i, "now") && g.sent_start(i) && g.punct(end, ',') {
        return false;
    }
    // "the past three summers": the phrase is the start of a longer length.
    if g.word_in(end - 1, &["past", "last", "next"])
        && (g.tok(end).is_some_and(|t| t.kind == Kind::Num)
            || g.is(end, Class::Card)
            || g.is(end, Class::Tens)
            || g.is(end, Class::Unit)
            || g.is(end, Class::Quant))
    {
        return false;
    }
    // "years old"
    if g.word(end, "old") || (g.punct(end, '-') && g.word(end + 1, "old")) {
        return false;
    }
    true
}

/// Final say on a hit: drops matches that only a trap explains.
pub(crate) fn keep(g: &G, hit: &Hit) -> bool {
    let m = match hit {
        Hit::One(m) | Hit::Range(m, _) => m,
    };
    // A lone number glued to letters by a hyphen on its right is a name or
    // a measure ("1,087-day"), already refused above; a lone month or
    // weekday glued into a hyphenated name ("Friday-night") is fine.
    if m.end == m.start + 1 && g.tok(m.start).is_some_and(|t| t.kind == Kind::Num) {
        return number_ok(g, m.start) && !name_before(g, m.start);
    }
    // "USA Today", "VOA Today": a name.
    if m.end == m.start + 1 && g.word(m.start, "today") && name_before(g, m.start) {
        return false;
    }
    if owned_day(g, m.start, m.end)
        || today_thing(g, m.start, m.end)
        || that_clause(g, m.start, m.end)
    {
        return false;
    }
    !in_comparison(g, m.start, m.end)
}

/// "your Friday briefing", "his first Easter", "an Easter truce": a weekday
/// or a named day after an article or a possessive (and an ordinal) names
/// a kind of thing or a personal occasion, not one calendar day ("on a
/// Friday" is no day either).
fn owned_day(g: &G, start: usize, end: usize) -> bool {
    let named = g.is(start, Class::Weekday) || g.is(start, Class::HolidayStart);
    if !named || (start..end).any(|k| g.tok(k).is_some_and(|t| t.kind != Kind::Word)) {
        return false;
    }
    let mut p = match start.checked_sub(1) {
        Some(p) => p,
        None => return false,
    };
    if g.is(p, Class::Ord) && !g.word_in(p, &["last", "next"]) && p > 0 {
        p -= 1;
    }
    (g.word_in(p, &["a", "an"]) || g.is(p, Class::Poss)) && !g.sent_start(start)
}

/// "today's Russia", "today's global context", "today's fight": "today's"
/// before anything but a happening ("today's strike", listed in
/// `assets/timex/en/happenings.txt`) means "of our time".
fn today_thing(g: &G, start: usize, end: usize) -> bool {
    if end != start + 1 || !g.word(start, "today") {
        return false;
    }
    let Some(next) = g.possessive(end) else {
        return false;
    };
    g.tok(next).is_some_and(|t| t.kind == Kind::Word)
        && !super::lexicon::happening_noun(g.text_of(next))
}

/// "noted that night operations would ...": "that" opening a clause after
/// a verb, and "night" a noun's modifier ("night operations"), not "that
/// night". Kept: "said that night was calm", "said that night the drones
/// came" (an article or a capital after it).
fn that_clause(g: &G, start: usize, end: usize) -> bool {
    if end != start + 2 || !g.word(start, "that") || !g.is(start + 1, Class::Part) {
        return false;
    }
    let verb_before = start > 0 && {
        let w = g.text_of(start - 1);
        g.tok(start - 1)
            .is_some_and(|t| t.kind == Kind::Word && !t.has(super::token::CAP))
            && (w.ends_with("ed")
                || w.ends_with('s')
                || g.word_in(start - 1, &["said", "told", "thought", "knew"]))
    };
    let noun_after = g.tok(end).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.has(super::token::CAP)
            && !g.is(end, Class::Prep)
            && !g.is(end, Class::Art)
            && !g.is(end, Class::Poss)
            && !g.word_in(
                end,
                &[
                    "and", "or", "was", "were", "is", "had", "has", "would", "will", "could",
                    "they", "he", "she", "we", "it", "i", "you", "there", "when", "as",
                ],
            )
    });
    verb_before && noun_after
}

/// Whether a capitalized word that is no time word names the thing at `i`:
/// "Orion 1980", "Euro 2024", "VOA Today" (not "In 2024" in a headline,
/// not "Fiscal 2024" or "Spring 2024").
fn name_before(g: &G, i: usize) -> bool {
    let p = match i.checked_sub(1) {
        Some(p) => p,
        None => return false,
    };
    (g.cap(i) || g.tok(i).is_some_and(|t| t.kind == Kind::Num))
        && g.tok(p).is_some_and(|t| {
            t.kind == Kind::Word && t.has(super::token::CAP) && t.flags & (OPENER | CORE) == 0
        })
        && !g.sent_start(p)
        && !g.is(p, Class::Prep)
}

/// Whether tokens `start..end` are one side of "quarter-to-quarter",
/// "year-over-year", "day-to-day": a comparison, not a time.
fn in_comparison(g: &G, start: usize, end: usize) -> bool {
    let link = |k: usize| g.word_in(k, &["to", "over", "on"]) && g.glued(k);
    let after = g.punct(end, '-') && g.glued(end) && link(end + 1) && g.punct(end + 2, '-');
    let before = start >= 3
        && g.punct(start - 1, '-')
        && g.glued(start)
        && link(start - 2)
        && g.punct(start - 3, '-');
    after || before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::tag;
    use chrono::NaiveDate;

    fn dct() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 2, 14)
    }

    #[test]
    fn every_trap_row_yields_nothing_on_its_text() {
        let mut rows = 0;
        for line in TRAPS_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "bad row: {line}");
            let (kind, words, example, bad) = (f[0], f[1], f[2], f[3]);
            match kind {
                "rule" => assert!(RULES.contains(&words), "unknown trap rule {words}"),
                "before" | "after" => assert!(!words.is_empty()),
                other => panic!("unknown trap kind {other}"),
            }
            let at = example.find(bad).expect("trap text is in its example");
            let span = at..at + bad.len();
            for t in tag(example, dct()) {
                assert!(
                    t.end <= span.start || t.start >= span.end,
                    "trap `{bad}` tagged as {:?} in: {example}",
                    t
                );
            }
            rows += 1;
        }
        assert!(rows >= RULES.len());
    }

    #[test]
    fn every_rule_has_an_example() {
        for rule in RULES {
            assert!(
                TRAPS_TSV
                    .lines()
                    .any(|l| l.starts_with("rule\t") && l.split('\t').nth(1) == Some(rule)),
                "no example for {rule}"
            );
        }
    }

    #[test]
    fn real_dates_next_to_traps_survive() {
        let t = tag(
            "More than 1800 soldiers and 2000 drones were lost on Jan. 3.",
            dct(),
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].value, "2025-01-03");
        let t = tag("The pre-2014 borders are gone.", dct());
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].value, "2014");
        // A year after a time word or in a title-case headline stays.
        for (s, v) in [
            ("Sales Will Recover In 2026, Analysts Say", "2026"),
            ("He joined in Spring 2019 as an adviser.", "2019-SP"),
            ("Revenue fell in Fiscal 2024 overall.", "2024"),
            ("The ruling came in March 2023 after a delay.", "2023-03"),
            ("It was the worst winter since 1987, he said.", "1987"),
            ("Today the talks resume in Geneva.", "2025-02-14"),
        ] {
            let t = tag(s, dct());
            assert!(t.iter().any(|t| t.value == v), "{s}: {t:?}");
        }
        // One side of a comparison goes; the real date stays.
        let t = tag("Day-to-day sales rose in the quarter.", dct());
        assert_eq!(t.len(), 1, "{t:?}");
    }
}
