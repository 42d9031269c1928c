//! The grammar driver: walks the tokens left to right, tries the rules at
//! every token that can open a temporal expression, keeps the longest match,
//! and glues times of day and range ends onto it.
//!
//! The rules themselves live in the `g_*` modules, one family each; they all
//! work on a [`G`], the token view with small helpers.

use super::lexicon::{Class, Lexicon, Val};
use super::phrases::{PhraseVal, phrase_at};
use super::token::{
    AMPM, CAP, CORE, Kind, OPEN, OPENER, ORDINAL, PHRASE, PHRASE_OPEN, PLURAL, SENT, SPACE, Tok,
};
use super::{g_clock, g_date, g_len, g_mod, g_post, g_rel, traps};
use crate::timex::sem::Sem;

/// One matched expression: tokens `start..end` and what they mean.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    /// First token.
    pub start: usize,
    /// Token past the last one.
    pub end: usize,
    /// The meaning.
    pub sem: Sem,
    /// Whether the expression states its own year.
    pub explicit: bool,
}

impl Match {
    /// A match of tokens `start..end`.
    pub(crate) fn new(start: usize, end: usize, sem: Sem) -> Match {
        let explicit = matches!(
            sem,
            Sem::Date { year: Some(_), .. }
                | Sem::Period { year: Some(_), .. }
                | Sem::Holiday { year: Some(_), .. }
                | Sem::Decade(_)
                | Sem::Century(_)
        );
        Match {
            start,
            end,
            sem,
            explicit,
        }
    }
}

/// What the grammar found at one place.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Hit {
    /// One expression.
    One(Match),
    /// A range: its opening and closing expressions.
    Range(Match, Match),
}

impl Hit {
    fn end(&self) -> usize {
        match self {
            Hit::One(m) | Hit::Range(_, m) => m.end,
        }
    }
}

/// The token view the rules work on.
pub(crate) struct G<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// The word table.
    pub lex: &'static Lexicon,
}

impl<'a> G<'a> {
    /// Token `i`, if any.
    #[inline]
    pub(crate) fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// The token's text.
    #[inline]
    pub(crate) fn text_of(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// The value of word `i` in `class`, if it is such a word.
    #[inline]
    pub(crate) fn class(&self, i: usize, class: Class) -> Option<Val> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        self.lex.val(t.lex, class)
    }

    /// Whether word `i` is in `class`.
    #[inline]
    pub(crate) fn is(&self, i: usize, class: Class) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && self.lex.mask(t.lex) & class.bit() != 0)
    }

    /// Whether token `i` is the word `w` (lowercase), in any case.
    #[inline]
    pub(crate) fn word(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            (t.end - t.start) as usize == w.len()
                && t.kind == Kind::Word
                && self.text.as_bytes()[t.start as usize..t.end as usize]
                    .eq_ignore_ascii_case(w.as_bytes())
        })
    }

    /// Whether token `i` is one of the words.
    pub(crate) fn word_in(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.word(i, w))
    }

    /// Whether token `i` is the punctuation mark `c`.
    #[inline]
    pub(crate) fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }

    /// Whether token `i` follows the previous one with no space.
    #[inline]
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.has(SPACE))
    }

    /// Whether word `i` starts with a capital.
    #[inline]
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(CAP))
    }

    /// Whether token `i` starts a sentence.
    #[inline]
    pub(crate) fn sent_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(SENT))
    }

    /// `i + 1` if token `i` is `c`, else `i` (an optional mark).
    #[inline]
    pub(crate) fn opt_punct(&self, i: usize, c: char) -> usize {
        if self.punct(i, c) { i + 1 } else { i }
    }

    /// `i + 1` if token `i` is the word `w`, else `i`.
    #[inline]
    pub(crate) fn opt_word(&self, i: usize, w: &str) -> usize {
        if self.word(i, w) { i + 1 } else { i }
    }

    /// The end of a `'s` (straight or curly) at `i`, if there is one.
    pub(crate) fn possessive(&self, i: usize) -> Option<usize> {
        (self.punct(i, '\'') && self.word(i + 1, "s") && self.glued(i + 1)).then_some(i + 2)
    }
}

/// Word classes that carry a time by themselves: the grammar only starts
/// at one of them or a few words before one.
pub(crate) const CORE_CLASSES: u64 = Class::Month.bit()
    | Class::MonthAbbr.bit()
    | Class::Weekday.bit()
    | Class::Weekdays.bit()
    | Class::WeekdayAbbr.bit()
    | Class::Unit.bit()
    | Class::Units.bit()
    | Class::Part.bit()
    | Class::Season.bit()
    | Class::Seasons.bit()
    | Class::DayWord.bit()
    | Class::HolidayStart.bit()
    | Class::Half.bit()
    | Class::Tens.bit()
    | Class::Core.bit();

/// Word classes that can open an expression before its core word
/// ("the", "last", "early", "nearly", "three"). Prepositions only open
/// fixed phrases ("in the past"), which are looked up separately.
pub(crate) const OPENERS: u64 = CORE_CLASSES
    | Class::Card.bit()
    | Class::Tens.bit()
    | Class::Ord.bit()
    | Class::Mod.bit()
    | Class::Rel.bit()
    | Class::Quant.bit()
    | Class::Approx.bit()
    | Class::Art.bit()
    | Class::Fiscal.bit()
    | Class::Every.bit();

/// How far after an opener its core word may be ("at least the past 18 months").
const CORE_WINDOW: usize = 4;

fn is_core(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    match t.kind {
        // A year, a decade, an ordinal, a clock time ("10pm", "10:35",
        // "10 a.m."), or the parts of a date in digits; not a plain count.
        Kind::Num => {
            t.ndig == 4
                || super::g_stamp::opens_dotted(
                    &G {
                        text,
                        toks,
                        lex: super::lexicon::lexicon(),
                    },
                    i,
                )
                || t.flags & (PLURAL | ORDINAL | AMPM) != 0
                || toks.get(i + 1).is_some_and(|n| {
                    !n.has(SPACE) && n.kind == Kind::Punct && matches!(n.ch, ':' | '/' | '-')
                        || n.kind == Kind::Word && {
                            let w = &text.as_bytes()[n.start as usize..n.end as usize];
                            w.eq_ignore_ascii_case(b"a")
                                || w.eq_ignore_ascii_case(b"p")
                                || w.eq_ignore_ascii_case(b"am")
                                || w.eq_ignore_ascii_case(b"pm")
                                || w.eq_ignore_ascii_case(b"o")
                        }
                })
        }
        Kind::Word => t.has(CORE),
        Kind::Mixed => matches!(text.as_bytes()[t.start as usize], b'Q' | b'H' | b'F' | b'q'),
        Kind::Punct => false,
    }
}

/// Marks the tokens that carry a time (`CORE`) and those where an
/// expression may start (`OPEN`: a core token, or an opener word with a
/// core token a few tokens on). Only `OPEN` tokens are tried by the rules.
pub(crate) fn mark(text: &str, toks: &mut [Tok]) {
    let n = toks.len();
    let mut last_core = usize::MAX;
    for i in (0..n).rev() {
        if is_core(text, toks, i) {
            toks[i].flags |= CORE | OPEN;
            last_core = i;
            continue;
        }
        let t = &toks[i];
        let opener = match t.kind {
            Kind::Word => t.has(OPENER),
            Kind::Punct => t.ch == '\'',
            Kind::Num => true,
            Kind::Mixed => false,
        };
        let near_core = last_core != usize::MAX && last_core - i <= CORE_WINDOW;
        if opener && near_core {
            toks[i].flags |= OPEN;
        } else if t.has(PHRASE) && near_core {
            toks[i].flags |= PHRASE_OPEN;
        }
    }
}

#[inline]
fn may_open(g: &G, i: usize) -> bool {
    g.toks[i].flags & (OPEN | PHRASE_OPEN) != 0
}

/// Whether a meaning is a date that a modifier ("early", "the end of")
/// can sharpen.
fn is_datey(sem: &Sem) -> bool {
    !matches!(
        sem,
        Sem::Duration(_)
            | Sem::Set(_)
            | Sem::Fixed { .. }
            | Sem::Clock {
                tod: crate::timex::sem::Tod::Clock(..)
            }
    )
}

/// The longest match of the plain rules at token `i`.
fn core_at(g: &G, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for h in [
        g_date::at(g, i),
        g_rel::at(g, i).map(Hit::One),
        g_len::at(g, i).map(Hit::One),
        g_clock::at(g, i).map(Hit::One),
    ]
    .into_iter()
    .flatten()
    {
        if best.as_ref().is_none_or(|b| h.end() > b.end()) {
            best = Some(h);
        }
    }
    best
}

/// Every rule's match at token `i`, with modifier and approximation
/// prefixes; the longest wins, the earliest rule on a tie.
fn best_at(g: &G, i: usize) -> Option<Hit> {
    let mut best = core_at(g, i);
    if let Some(h) = g_post::eve_of(g, i, |j| core_at(g, j)) {
        return Some(h);
    }
    let mut consider = |h: Hit| {
        if best.as_ref().is_none_or(|b| h.end() > b.end()) {
            best = Some(h);
        }
    };
    if let Some(j) = g_mod::mod_prefix(g, i).filter(|&j| j > i) {
        match core_at(g, j).or_else(|| g_mod::modified_unit(g, j).map(Hit::One)) {
            Some(Hit::One(m)) if is_datey(&m.sem) => consider(Hit::One(Match { start: i, ..m })),
            Some(Hit::Range(a, b)) if is_datey(&a.sem) => {
                consider(Hit::Range(Match { start: i, ..a }, b))
            }
            _ => {}
        }
    }
    if let Some(j) = g_mod::approx_prefix(g, i).filter(|&j| j > i)
        && let Some(Hit::One(m)) = core_at(g, j)
        && matches!(m.sem, Sem::Duration(_) | Sem::Offset { exact: true, .. })
    {
        // "just", "only" and "barely" stress a count; the others blur it.
        let blurred = !g.word_in(i, &["just", "only", "barely"]);
        consider(Hit::One(Match {
            start: i,
            sem: if blurred { approximated(m.sem) } else { m.sem },
            ..m
        }));
    }
    best
}

/// The meaning of a count of weeks from the DCT with an approximation
/// that blurs it before it: "more than two weeks ago" names no day, only
/// the week it falls in (as "six weeks ago" does: TimeML gives such a
/// count the granularity of its unit). Every other meaning is kept (a
/// count of days stays a day, of years a year).
fn approximated(sem: Sem) -> Sem {
    use crate::timex::sem::{Base, Unit};
    match sem {
        Sem::Offset {
            unit: unit @ (Unit::Week | Unit::Fortnight),
            n,
            base: base @ Base::Dct,
            tod,
            exact: true,
        } => Sem::Offset {
            unit,
            n,
            base,
            tod,
            exact: false,
        },
        other => other,
    }
}

/// All expressions of the text, in order, without overlaps.
pub(crate) fn scan(g: &G) -> Vec<Hit> {
    let mut out = Vec::new();
    let n = g.toks.len();
    let mut i = 0;
    while i < n {
        if !may_open(g, i) {
            i += 1;
            continue;
        }
        let phrase = if g.lex.mask(g.toks[i].lex) & Class::PhraseStart.bit() != 0 {
            phrase_at(g.toks, i)
        } else {
            None
        };
        let hit = if g.toks[i].has(OPEN) {
            best_at(g, i)
        } else {
            None
        };
        let phrase_end = phrase.map_or(0, |(e, _)| e);
        match (hit, phrase) {
            (Some(h), _) if h.end() > phrase_end => {
                let h = g_post::extend(g, g_clock::extend(g, h));
                let h = g_post::lead(g, h, |j| {
                    g.toks
                        .get(j)
                        .filter(|t| t.has(OPEN))
                        .and_then(|_| best_at(g, j))
                });
                if traps::keep(g, &h) {
                    i = h.end();
                    out.push(h);
                } else {
                    i += 1;
                }
            }
            (_, Some((end, val))) => {
                match val {
                    PhraseVal::Skip => {}
                    PhraseVal::Value(kind, value) => {
                        if traps::phrase_ok(g, i, end) {
                            out.push(Hit::One(Match::new(i, end, Sem::Fixed { kind, value })));
                        } else {
                            // Not meant as time here; the words may still
                            // start something else ("in the past day").
                            i += 1;
                            continue;
                        }
                    }
                    PhraseVal::Days(n) => out.push(Hit::One(Match::new(
                        i,
                        end,
                        Sem::Offset {
                            unit: crate::timex::sem::Unit::Day,
                            n,
                            base: crate::timex::sem::Base::Dct,
                            tod: None,
                            exact: false,
                        },
                    ))),
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}
