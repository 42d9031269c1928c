//! The temporal tagger: finds temporal expressions (TIMEX3) in news text and
//! normalizes them against a reference date, usually the article's
//! publication date (the "document creation time", DCT).
//!
//! The language is a parameter ([`tag_lang`]). English (and any language
//! without rules of its own) goes through the English grammar described
//! below. Ukrainian and Russian go through the word-table engine: `words`
//! (a tokenizer for any alphabet and the tables of
//! `assets/timex/<lang>/words.tsv`, knowing no language's words),
//! `slavic_rules` (the East Slavic rule set, naming word classes only) and
//! `slavic` (the driver). Both paths build the same meanings (`sem`) and
//! share the resolver, so a date means the same in every language. The
//! English grammar has not been moved onto the engine yet.
//!
//! This is the one tagger of the project: `frontlog dates` prints what it
//! finds, and the event extractor turns its dated expressions into events.
//! It does not split documents, find places or build events.
//!
//! How it works, one module per step:
//!
//! 1. `token` cuts the text into words, numbers and marks in one byte
//!    loop and looks every word up in the `lexicon` (word classes kept as
//!    data in `assets/timex/lexicon.tsv`);
//! 2. `grammar` marks the tokens that carry a time ("February", "year",
//!    "2023", "now") and the few words before them, and tries the rules only
//!    there: `g_date` (stated dates, years, decades), `g_day` (today,
//!    weekdays, parts of days), `g_rel` (relative dates), `g_mod` (modifiers),
//!    `g_period` (quarters, halves, seasons, named days), `g_len`
//!    (lengths, recurrences), `g_clock` (clock times), `g_post` (a week
//!    or year named after a date: "Friday last week"), plus the
//!    fixed `phrases` and named days of `assets/timex/`; `traps` (with
//!    `assets/timex/traps.tsv`) refuses look-alikes such as "Day 1,087",
//!    "F-16" or "it may"; `ranges` pairs range ends;
//! 3. `resolve` (with `periods` for quarters, halves and seasons) turns
//!    each meaning (`sem`) into a TIMEX3 value and an
//!    interval (`value`, `calendar`) with the DCT, the tense around the
//!    expression (`context`) and the dates met before it.
//!
//! Conventions (TimeML 1.2.1 / TIDES where they speak): byte offsets; a
//! weekday or a month without a year is the one the tense points to (past:
//! on or before the DCT, future: on or after), else the nearest with a lean
//! to the past; "six days later", "a year earlier" count from the last date
//! of the same or the previous sentence, the narrative anaphors "the next
//! morning", "the following month", "that day" from one up to four
//! sentences back, "the previous Friday" from the last day named; a month
//! or day without a year takes the year of a date stated earlier in the
//! sentence; weeks are ISO weeks, always two digits (`2000-W07`); parts of
//! days are TIMEs (`TNI`, `TMO`); decades are written `199` and centuries
//! `19`, as TimeML truncates ISO 8601 values; lengths in quarters are months
//! (`P9M`), ISO 8601 having no quarter unit.

use chrono::NaiveDate;

mod calendar;
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
mod periods;
mod phrases;
mod ranges;
mod resolve;
mod sem;
mod slavic;
mod slavic_rules;
#[cfg(test)]
mod slavic_tests;
mod slavic_view;
mod token;
mod traps;
mod value;
mod words;

/// Helpers shared by the rule modules' unit tests.
#[cfg(test)]
mod test_util {
    use chrono::NaiveDate;

    /// (text, value) of every expression tagged in `text` at publication date `dct`.
    pub(crate) fn found(text: &str, dct: (i32, u32, u32)) -> Vec<(String, String)> {
        super::tag(text, NaiveDate::from_ymd_opt(dct.0, dct.1, dct.2))
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.value))
            .collect()
    }
}

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: `2013-03-22`, `2013-W12`, `2013-Q1`, `PAST_REF`.
    Date,
    /// A time of day, possibly with its date: `2013-03-22T14:30`, `2013-03-22TMO`.
    Time,
    /// A length of time: `P3Y`, `PT2H`.
    Duration,
    /// A recurrence: `XXXX-WXX-1`, `P1D`.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How much of the calendar a resolved date covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// One day (also a time of day or a part of a day).
    Day,
    /// One ISO week.
    Week,
    /// One calendar month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season of a year.
    Season,
    /// A half of a year.
    Half,
    /// One calendar year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// The calendar days a date expression covers, first and last included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// First day covered.
    pub first: NaiveDate,
    /// Last day covered (equal to `first` for a single day).
    pub last: NaiveDate,
    /// The granularity the expression states.
    pub precision: Precision,
}

/// How an expression got its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The expression alone fixes the date: it states the year ("July 16, 2018").
    Explicit,
    /// The date was worked out from the reference date or from an earlier
    /// date in the text ("on Thursday", "six days later", "Feb. 12").
    Relative,
}

/// One temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset where the expression starts in the tagged text.
    pub start: usize,
    /// Byte offset just past the expression's end (exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 normalized value (`2013-03-22`, `P3Y`, `PRESENT_REF`, `XXXX-02-12`...).
    pub value: String,
    /// Whether the date is stated outright or worked out relative to another date.
    pub anchor: Anchor,
    /// The calendar days a DATE or TIME covers; `None` for durations, sets,
    /// vague references and expressions that could not be resolved (for
    /// example a weekday when no reference date is known).
    pub interval: Option<Interval>,
    /// When this expression opens a range ("from January to mid-June, 2024",
    /// "Feb. 10-14"), the index in the returned list of the expression that
    /// closes it.
    pub range_to: Option<usize>,
}

/// Drops a named day ("Easter Sunday") from a sentence that also states a
/// day of a month ("... falling this year on April 24"): the calendar the
/// name follows (Western or Orthodox, which country) is the text's to say,
/// and the stated day says it.
fn stated_days_win(toks: &[token::Tok], hits: Vec<grammar::Hit>) -> Vec<grammar::Hit> {
    let first = |h: &grammar::Hit| match h {
        grammar::Hit::One(m) | grammar::Hit::Range(m, _) => m.start,
    };
    let is_holiday = |h: &grammar::Hit| matches!(h, grammar::Hit::One(m) if matches!(m.sem, sem::Sem::Holiday { .. }));
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
                            sem::Sem::Date {
                                month: Some(_),
                                day: Some(_),
                                ..
                            }
                        ) || matches!(&m.sem, sem::Sem::InPeriod { inner, .. }
                        if matches!(**inner, sem::Sem::Date { month: Some(_), day: Some(_), .. }))
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
            if let sem::Sem::Date { year: Some(y), .. } = m.sem
                && m.explicit
                && out.last().is_none_or(|(s, _)| *s != sentence)
            {
                out.push((sentence, y));
            }
        }
    }
    out
}

/// The last date a text gave, carried from one paragraph into the next so
/// that "two days later" or "the same day" at the start of a paragraph
/// counts from it. Start with `Carry::default()` for each document.
#[derive(Clone, Copy, Debug, Default)]
pub struct Carry {
    /// The date and how many sentences have passed since it was given.
    last: Option<(value::Cal, usize)>,
    /// Days of a month stated with their year so far.
    told_days: resolve::ToldDays,
}

impl Carry {
    /// Keeps what a paragraph resolved (`ctx`, whose text held `sentences`
    /// sentences) for the paragraphs after it. A date still ahead (a
    /// deadline, a plan) is no story date for them: only dates up to the
    /// DCT are carried.
    pub(crate) fn keep(&mut self, ctx: &resolve::Ctx, sentences: usize) {
        let told = |cal: &value::Cal| match (ctx.dct, cal.interval()) {
            (Some(d), Some(iv)) => iv.first <= d,
            _ => true,
        };
        self.told_days = ctx.told_days;
        self.last = ctx
            .last
            .filter(|(_, cal)| told(cal))
            .map(|(s, cal)| (cal, sentences - s));
    }
}

/// Whether `text` (a clause) holds a past-tense verb, by the tagger's own
/// tense markers ("allowed", "struck", "has").
pub fn has_past_verb(text: &str) -> bool {
    context::has_past_verb(text)
}

/// [`tag_with`] for a text in language `lang`: Ukrainian and Russian go to
/// the word-table rules (`slavic`), every other language to the English
/// grammar.
pub fn tag_lang(
    text: &str,
    dct: Option<NaiveDate>,
    lang: crate::lang::Lang,
    carry: &mut Carry,
) -> Vec<Timex> {
    match lang {
        crate::lang::Lang::Uk => slavic::tag(text, dct, "uk", carry),
        crate::lang::Lang::Ru => slavic::tag(text, dct, "ru", carry),
        _ => tag_with(text, dct, carry),
    }
}

/// Finds and normalizes every temporal expression in `text`, in text order.
///
/// `dct` is the reference date for relative expressions (the publication
/// date). Without it, expressions that need it keep an unresolved value
/// (`XXXX-02-12`) and no interval.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag_with(text, dct, &mut Carry::default())
}

/// [`tag`] for one paragraph of a longer text: anaphors may count from the
/// date `carry` holds from the paragraphs before (the paragraph break counts
/// as a sentence break), and `carry` then holds this paragraph's last date.
pub fn tag_with(text: &str, dct: Option<NaiveDate>, carry: &mut Carry) -> Vec<Timex> {
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
    let offset = carry.last.map_or(0, |(_, age)| age + 1);
    let stated: Vec<(usize, i32)> = if dct.is_none() {
        years_stated(&toks, &hits)
            .into_iter()
            .map(|(s, y)| (s + offset, y))
            .collect()
    } else {
        Vec::new()
    };
    let mut next_stated = 0;
    let mut ctx = resolve::Ctx {
        dct,
        last: carry.last.map(|(cal, _)| (0, cal)),
        sentence: offset,
        told_days: carry.told_days,
        ..resolve::Ctx::default()
    };
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

#[cfg(test)]
mod tests {
    use super::test_util::found;

    #[test]
    fn a_stated_day_wins_over_a_named_day_in_its_sentence() {
        let f = found(
            "Believers keep Christmas by the old calendar, with Christmas Day falling on Jan. 7.",
            (2023, 1, 2),
        );
        assert_eq!(f, [("Jan. 7".to_string(), "2023-01-07".to_string())]);
        let f = found("Shelling went on over Christmas.", (2023, 1, 2));
        assert_eq!(f[0].1, "2022-12-25");
    }
}
