//! The tagger for Ukrainian and Russian text: the word-table engine
//! (`words`) cuts the text, the East Slavic rules (`rules`, over the
//! token view `view`) find the
//! expressions, and the shared resolver (`resolve`) normalizes them against
//! the publication date exactly as for English, with a tense read from the
//! table's future words (news speaks of the past by default).
//!
//! Both languages' tables are consulted, the document's first: Ukrainian
//! articles quote Russian and the other way round.

mod rules;
#[cfg(test)]
mod tests;
mod view;

use chrono::NaiveDate;

use self::rules::{G, Hit};
use crate::timex::sem::Tense;
use crate::timex::words::{self, Tok};
use crate::timex::{Anchor, Carry, Timex, resolve};

/// How many tokens on each side of an expression a future word may stand.
const TENSE_REACH: usize = 8;

/// Whether token `i` ends a clause for the tense: a comma, a colon, a
/// semicolon, a dash, a bracket or a quote.
fn clause_mark(g: &G, i: usize) -> bool {
    g.toks.get(i).is_some_and(|t| {
        t.kind == words::Kind::Mark
            && matches!(
                t.norm.as_str(),
                "," | ";" | ":" | "—" | "–" | "(" | ")" | "«" | "»" | "\"" | "." | "!" | "?"
            )
    })
}

/// The tense around tokens `start..end`: a future word nearby in the same
/// clause makes it the future; else nothing is known.
fn tense(g: &G, start: usize, end: usize) -> Tense {
    let toks = g.toks;
    let mut a = start;
    while a > 0 && start - a < TENSE_REACH && !toks[a].sent && !clause_mark(g, a - 1) {
        a -= 1;
    }
    let mut b = end;
    while b < toks.len() && b - end < TENSE_REACH && !toks[b].sent && !clause_mark(g, b) {
        b += 1;
    }
    let near = (a..start).chain(end..b).chain(start..end);
    if near.into_iter().any(|i| g.at(i, "future").is_some()) {
        Tense::Future
    } else {
        Tense::Unknown
    }
}

/// Finds and normalizes the expressions of `text` in language `code`
/// (`uk`, `ru`), carrying the last date across paragraphs like
/// [`super::tag_with`].
pub(crate) fn tag(text: &str, dct: Option<NaiveDate>, code: &str, carry: &mut Carry) -> Vec<Timex> {
    let mut tables: Vec<&'static words::Table> = Vec::with_capacity(2);
    // The document's table first, then the others: Ukrainian articles quote
    // Russian and the other way round.
    let others: Vec<&str> = words::codes().filter(|c| *c != code).collect();
    for c in std::iter::once(code).chain(others) {
        if let Some(t) = words::table(c)
            && !tables.iter().any(|x| std::ptr::eq(*x, t))
        {
            tables.push(t);
        }
    }
    let toks: Vec<Tok> = words::tokenize(text);
    let g = G {
        toks: &toks,
        tables: &tables,
    };
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match rules::at(&g, i) {
            Some(h) => {
                i = h.end().max(i + 1);
                hits.push(h);
            }
            None => i += 1,
        }
    }
    let mut ctx = carry.context(dct);
    let offset = ctx.sentence;
    let mut out: Vec<Timex> = Vec::with_capacity(hits.len());
    let mut sent_tok = 0;
    for hit in hits {
        let (first, second) = match hit {
            Hit::One(m) => (m, None),
            Hit::Range(a, b) => (a, Some(b)),
        };
        let opener = out.len();
        let mut pushed = 0;
        for m in std::iter::once(first).chain(second) {
            while sent_tok < m.start {
                sent_tok += 1;
                if toks[sent_tok].sent {
                    ctx.sentence += 1;
                }
            }
            let mut t = || tense(&g, m.start, m.end);
            let Some(r) = resolve::resolve(&m.sem, &ctx, &mut t) else {
                continue;
            };
            ctx.remember(&r);
            let explicit = matches!(m.sem, crate::timex::sem::Sem::Date { year: Some(_), .. });
            out.push(Timex {
                start: toks[m.start].start,
                end: toks[m.end - 1].end,
                kind: r.kind,
                value: r.value,
                anchor: if explicit && r.anchor == Anchor::Explicit {
                    Anchor::Explicit
                } else {
                    Anchor::Relative
                },
                interval: r.interval,
                range_to: None,
            });
            pushed += 1;
        }
        if pushed == 2 {
            out[opener].range_to = Some(opener + 1);
        }
    }
    let sentences = offset + toks.iter().skip(1).filter(|t| t.sent).count();
    carry.keep(&ctx, sentences);
    out
}
