//! The temporal tagger: finds temporal expressions (TIMEX3) in news text and
//! normalizes them against a reference date, usually the article's
//! publication date (the "document creation time", DCT).
//!
//! The language is a parameter ([`tag_lang`]). The tagger is a shared
//! engine that knows no language's words and one rule set per kind of
//! language, each with its word tables as data in `assets/timex/<lang>/`:
//!
//! - the engine, here: what a matched phrase means (`sem`), the resolver
//!   that turns a meaning into a TIMEX3 value and interval with the DCT and
//!   the dates met before (`resolve`, with `periods` for quarters, halves
//!   and seasons, `value` and `calendar`), and a tokenizer for any alphabet
//!   over word tables (`words`; `build.rs` lists every
//!   `assets/timex/<lang>/words.tsv`, so a language read by those rules is
//!   one folder);
//! - `en`: the English rule set (and the fallback for any language without
//!   rules), a grammar driver with one module per rule family over the
//!   English word table (`assets/timex/en/`);
//! - `slavic`: the East Slavic rule set for Ukrainian and Russian, naming
//!   word classes only; the words are in `assets/timex/uk/words.tsv` and
//!   `assets/timex/ru/words.tsv`.
//!
//! Both rule sets build the same meanings and share the resolver, so a date
//! means the same in every language.
//!
//! This is the one tagger of the project: `frontlog dates` prints what it
//! finds, and the event extractor turns its dated expressions into events.
//! It does not split documents, find places or build events.
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
mod en;
mod periods;
mod resolve;
mod sem;
mod slavic;
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
    /// The resolver's context for the next paragraph: the carried date at
    /// sentence 0, this paragraph's sentences numbered past its age
    /// (`ctx.sentence` is the first one's number).
    pub(crate) fn context(&self, dct: Option<NaiveDate>) -> resolve::Ctx {
        resolve::Ctx {
            dct,
            last: self.last.map(|(cal, _)| (0, cal)),
            sentence: self.last.map_or(0, |(_, age)| age + 1),
            told_days: self.told_days,
            ..resolve::Ctx::default()
        }
    }

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
    en::has_past_verb(text)
}

/// [`tag_with`] for a text in language `lang`: a language with a word
/// table (`assets/timex/<code>/words.tsv`: Ukrainian, Russian) goes to the
/// word-table rules (`slavic`), every other language to the English rules
/// (`en`).
pub fn tag_lang(
    text: &str,
    dct: Option<NaiveDate>,
    lang: crate::lang::Lang,
    carry: &mut Carry,
) -> Vec<Timex> {
    let code = lang.code();
    if words::table(code).is_some() {
        slavic::tag(text, dct, code, carry)
    } else {
        tag_with(text, dct, carry)
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
/// English rules (`en`).
pub fn tag_with(text: &str, dct: Option<NaiveDate>, carry: &mut Carry) -> Vec<Timex> {
    en::tag_with(text, dct, carry)
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
