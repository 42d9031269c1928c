//! The English rule set, in steps:
//!
//! 1. `token` cuts the text into words, numbers and marks in one byte loop
//!    and looks every word up in the `lexicon` (word classes kept as data
//!    in `assets/timex/en/lexicon.tsv`);
//! 2. `grammar` marks the tokens that carry a time ("February", "year",
//!    "2023", "now") and the few words before them, and tries the rules
//!    only there: `g_date` (stated dates, years, decades), `g_day` (today,
//!    weekdays, parts of days), `g_rel` (relative dates), `g_mod`
//!    (modifiers), `g_period` (quarters, halves, seasons, named days),
//!    `g_len` (lengths, recurrences), `g_clock` (clock times), `g_post` (a
//!    week or year named after a date: "Friday last week"), `g_num` and
//!    `g_stamp` (numbers and machine dates), plus the fixed `phrases` and
//!    named days of `assets/timex/en/`; `traps` (with
//!    `assets/timex/en/traps.tsv`) refuses look-alikes such as "Day 1,087",
//!    "F-16" or "it may"; `ranges` pairs range ends;
//! 3. the shared resolver normalizes each meaning with the tense that
//!    `context` reads around the expression.
//!
//! In short: a tokenizer that looks every word up in the
//! English word table (`lexicon`, from `assets/timex/en/lexicon.tsv`), the
//! grammar driver (`grammar`) and its rule families (`g_*`), the fixed
//! phrases and named days (`phrases`), the look-alikes refused (`traps`),
//! range pairing (`ranges`) and the tense read from the words around an
//! expression (`context`). What it finds is a meaning ([`Sem`]) that the
//! shared resolver (`crate::timex::resolve`) normalizes as for every
//! language. English words live here and in `assets/timex/en/`, never in
//! the engine.

mod context;
mod g_clock;
mod g_date;
mod g_day;
mod g_len;
mod g_mod;
mod g_num;
mod g_period;
mod g_post;
mod g_rel;
mod g_stamp;
mod grammar;
mod lexicon;
mod phrases;
mod ranges;
mod token;
mod traps;

use chrono::NaiveDate;

use crate::timex::sem::Sem;
use crate::timex::{Anchor, Carry, Timex, resolve};

/// Whether `text` (a clause) holds a past-tense verb, by the English
/// tense markers ("allowed", "struck", "has").
pub(super) fn has_past_verb(text: &str) -> bool {
    context::has_past_verb(text)
}

/// Drops a named day ("Easter Sunday") from a sentence that also states a
/// day of a month ("... falling this year on April 24"): the calendar the
/// name follows (Western or Orthodox, which country) is the text's to say,
/// and the stated day says it.
fn stated_days_win(toks: &[token::Tok], hits: Vec<grammar::Hit>) -> Vec<grammar::Hit> {
    let first = |h: &grammar::Hit| match h {
        grammar::Hit::One(m) | grammar::Hit::Range(m, _) => m.start,
    };
    let is_holiday = |h: &grammar::Hit| matches!(h, grammar::Hit::One(m) if matches!(m.sem, Sem::Holiday { .. }));
    if !hits.iter().any(is_holiday) {
        return hits;
    }
    // Sentence number of every hit, in one pass (hits come in text order).
    let (mut sentence, mut at) = (0usize, 0usize);
    let numbered: Vec<usize> = hits
        .iter()
        .map(|h| {
            while at < first(h) {
                at += 1;
                if toks[at].has(token::SENT) {
                    sentence += 1;
                }
            }
            sentence
        })
        .collect();
    let day_stated = |s: usize| {
        hits.iter().zip(&numbered).any(|(h, &n)| {
            n == s
                && match h {
                    grammar::Hit::One(m) | grammar::Hit::Range(m, _) => {
                        matches!(
                            &m.sem,
                            Sem::Date {
                                month: Some(_),
                                day: Some(_),
                                ..
                            }
                        ) || matches!(&m.sem, Sem::InPeriod { inner, .. }
                        if matches!(**inner, Sem::Date { month: Some(_), day: Some(_), .. }))
                    }
                }
        })
    };
    let keep: Vec<bool> = hits
        .iter()
        .zip(&numbered)
        .map(|(h, &n)| !(is_holiday(h) && day_stated(n)))
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Without a reference date, the first year each sentence states (sentence
/// number, year): a date without a year takes it even when it comes later
/// in the sentence ("attacks on Feb. 10-11 ..., the operator said on
/// 2025-02-11"). With one, the tense decides and this is not needed.
fn years_stated(toks: &[token::Tok], hits: &[grammar::Hit]) -> Vec<(usize, i32)> {
    let mut out: Vec<(usize, i32)> = Vec::new();
    let (mut sentence, mut at) = (0, 0);
    for hit in hits {
        let m = match hit {
            grammar::Hit::One(m) | grammar::Hit::Range(m, _) => m,
        };
        while at < m.start {
            at += 1;
            if toks[at].has(token::SENT) {
                sentence += 1;
            }
        }
        let ends = match hit {
            grammar::Hit::One(m) => [Some(m), None],
            grammar::Hit::Range(a, b) => [Some(a), Some(b)],
        };
        for m in ends.into_iter().flatten() {
            if let Sem::Date { year: Some(y), .. } = m.sem
                && m.explicit
                && out.last().is_none_or(|(s, _)| *s != sentence)
            {
                out.push((sentence, y));
            }
        }
    }
    out
}

/// [`super::tag`] for one paragraph of a longer text: anaphors may count from the
/// date `carry` holds from the paragraphs before (the paragraph break counts
/// as a sentence break), and `carry` then holds this paragraph's last date.
pub(super) fn tag_with(text: &str, dct: Option<NaiveDate>, carry: &mut Carry) -> Vec<Timex> {
    let lex = lexicon::lexicon();
    let mut toks = Vec::with_capacity(text.len() / 3 + 8);
    token::tokenize(text, lex, &mut toks);
    grammar::mark(text, &mut toks);
    let g = grammar::G {
        text,
        toks: &toks,
        lex,
    };
    let hits = stated_days_win(&toks, ranges::link(&g, grammar::scan(&g)));
    // Sentence numbers start past the carried date's age, which sits at 0.
    let mut ctx = carry.context(dct);
    let offset = ctx.sentence;
    let stated: Vec<(usize, i32)> = if dct.is_none() {
        years_stated(&toks, &hits)
            .into_iter()
            .map(|(s, y)| (s + offset, y))
            .collect()
    } else {
        Vec::new()
    };
    let mut next_stated = 0;
    let mut out: Vec<Timex> = Vec::with_capacity(hits.len() + hits.len() / 4);
    let mut sent_tok = 0;
    for hit in hits {
        let (first, second) = match hit {
            grammar::Hit::One(m) => (m, None),
            grammar::Hit::Range(a, b) => (a, Some(b)),
        };
        let opener = out.len();
        let mut pushed = 0;
        for m in std::iter::once(first).chain(second) {
            while sent_tok < m.start {
                sent_tok += 1;
                if toks[sent_tok].has(token::SENT) {
                    ctx.sentence += 1;
                }
            }
            // (Both lists go in text order: one pass over `stated`.)
            while stated
                .get(next_stated)
                .is_some_and(|(s, _)| *s < ctx.sentence)
            {
                next_stated += 1;
            }
            if ctx.sentence_year().is_none()
                && let Some(&(s, y)) = stated.get(next_stated)
                && s == ctx.sentence
            {
                ctx.sent_year = Some((s, y));
            }
            let mut tense = || context::tense_near(&g, m.start, m.end);
            let Some(r) = resolve::resolve(&m.sem, &ctx, &mut tense) else {
                continue;
            };
            ctx.remember(&r);
            let anchor = if m.explicit && r.anchor == Anchor::Explicit {
                Anchor::Explicit
            } else {
                Anchor::Relative
            };
            out.push(Timex {
                start: toks[m.start].start as usize,
                end: toks[m.end - 1].end as usize,
                kind: r.kind,
                value: r.value,
                anchor,
                interval: r.interval,
                range_to: None,
            });
            pushed += 1;
        }
        if pushed == 2 {
            out[opener].range_to = Some(opener + 1);
        }
    }
    let sentences = offset + toks.iter().skip(1).filter(|t| t.has(token::SENT)).count();
    carry.keep(&ctx, sentences);
    out
}
