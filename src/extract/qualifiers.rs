//! Dates in a sentence that do not say when something happened: a dateline
//! line, a year that labels a thing ("its 1997 borders", "pre-2014",
//! "last year's Olympics", "the March talks"), the year that ends a name
//! ("the Munich Agreement of 1938", "the crisis of 2015-16"), a state's
//! starting point ("no gains since July 2022"), a deadline or a goal still
//! ahead ("until 2023", "aims to end the war this year"), and a past post in
//! an appositive ("envoy from 2012-2014,").

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{DatePrecision, EventDate};
use crate::timex::Timex;

/// The goal words (`assets/timex/goals.tsv`).
const GOALS_TSV: &str = include_str!("../../assets/timex/goals.tsv");
/// The bound words (`assets/timex/bounds.tsv`).
const BOUNDS_TSV: &str = include_str!("../../assets/timex/bounds.tsv");

/// How many words before a date a "since" or a goal word may stand.
const CLAUSE_WORDS: usize = 8;

/// How many words before a date a goal word may stand (a goal may list
/// several aims, each with its date).
const GOAL_WORDS: usize = 16;

/// The word lists of the two tables.
struct Lists {
    /// Words before a starting point ("since").
    since: Vec<String>,
    /// Words right before a starting point ("з", "с": also "with").
    since_next: Vec<String>,
    /// Words before the end of a state ("until").
    until: Vec<String>,
    /// Words before a target ("by").
    target: Vec<String>,
    /// Words of a goal ("aims").
    goals: Vec<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let rows = |tsv: &'static str| {
            tsv.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let bound = |kind: &str| -> Vec<String> {
            rows(BOUNDS_TSV)
                .filter_map(|l| l.split_once('\t'))
                .filter(|(k, _)| *k == kind)
                .flat_map(|(_, ws)| ws.split_whitespace().map(str::to_string))
                .collect()
        };
        Lists {
            since: bound("since"),
            since_next: bound("since_next"),
            until: bound("until"),
            target: bound("target"),
            goals: rows(GOALS_TSV).map(str::to_string).collect(),
        }
    })
}

/// Up to `n` words before byte `at`, nearest first, within the clause: the
/// walk stops at a comma, a colon, a bracket, a quote, a dash or a
/// sentence end.
fn clause_words_before(text: &str, at: usize, n: usize) -> Vec<&str> {
    let is_cut = |c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '.' | '!' | '?'
        )
    };
    let mut words = Vec::new();
    let mut end = at;
    loop {
        let before = &text[..end];
        let Some(i) = before.rfind(is_cut) else {
            words.extend(before.split_whitespace().rev());
            break;
        };
        let c = before[i..].chars().next().unwrap_or(',');
        words.extend(before[i + c.len_utf8()..].split_whitespace().rev());
        // A parenthesis ("these (security) guarantees") is stepped over.
        match (c, before[..i].rfind('(')) {
            (')', Some(open)) if words.len() < n => end = open,
            _ => break,
        }
    }
    words.truncate(n);
    words
}

fn is_in(word: &str, list: &[String]) -> bool {
    if word.is_ascii() {
        return list.iter().any(|w| w.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    list.contains(&lower)
}

/// Whether the date of expression `t` (ending at byte `end`, past a range's
/// closing end) dates nothing: a starting point, a deadline or goal still
/// ahead of `published`, a year or month that labels a thing, or a past post
/// in an appositive. `date` is the date the expression gives.
pub(super) fn dates_nothing(
    text: &str,
    t: &Timex,
    end: usize,
    date: &EventDate,
    published: Option<NaiveDate>,
) -> bool {
    let l = lists();
    let near = clause_words_before(text, t.start, CLAUSE_WORDS);
    // "since" up to a few words before: a state's starting point. "Since
    // this morning" (the article's own day) still dates the report.
    let own_day = published.is_some_and(|p| date.first == p && date.last == p);
    let since_next = near.first().is_some_and(|w| is_in(w, &l.since_next));
    if !own_day && (since_next || near.iter().any(|w| is_in(w, &l.since))) {
        return true;
    }
    let coarse = matches!(date.precision, DatePrecision::Year | DatePrecision::Month);
    // A year or month still running is ahead as a bound: "by the end of the
    // year" said in April.
    let ahead = published.is_some_and(|p| {
        if coarse {
            date.last > p
        } else {
            date.first > p
        }
    });
    let bound = near
        .first()
        .is_some_and(|w| is_in(w, &l.until) || coarse && is_in(w, &l.target));
    if ahead && bound {
        return true;
    }
    let not_past = published.is_some_and(|p| date.last >= p);
    // A goal reaches over a list of its aims: "our dream is to obtain
    // guarantees this year and to end the war this year".
    if coarse
        && not_past
        && clause_words_before(text, t.start, GOAL_WORDS)
            .iter()
            .any(|w| is_in(w, &l.goals))
    {
        return true;
    }
    label_after(text, t, date) || appositive_post(text, t, end, date)
}

/// "last year's Olympics", "2024's budget": a year in the possessive names
/// a thing of that year. "the March talks": a bare month between "the" and a
/// noun does too.
fn label_after(text: &str, t: &Timex, date: &EventDate) -> bool {
    let after = &text[t.end..];
    if date.precision == DatePrecision::Year
        && (after.starts_with("'s ") || after.starts_with("’s "))
    {
        return true;
    }
    let own = &text[t.start..t.end];
    let bare_month = date.precision == DatePrecision::Month
        && own.chars().all(char::is_alphabetic)
        && own.parse::<chrono::Month>().is_ok();
    bare_month
        && text[..t.start]
            .trim_end_matches(' ')
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && noun_follows(next_word(text, t.end))
}

/// "ambassador from 2012-2014, said": a span of years between "from" and a
/// comma, after a word, is a post held then; "(2012-2022)" in brackets too.
fn appositive_post(text: &str, t: &Timex, end: usize, date: &EventDate) -> bool {
    if date.precision != DatePrecision::Year || end == t.end {
        return false;
    }
    let before = text[..t.start].trim_end_matches(' ');
    let after = &text[end..];
    if before.ends_with('(') && after.starts_with(')') {
        return true;
    }
    let Some(rest) = before.strip_suffix("from") else {
        return false;
    };
    let word_before = rest.trim_end_matches(' ').rsplit(' ').next().unwrap_or("");
    after.starts_with(',') && word_before.chars().any(char::is_alphabetic)
}

/// The word right after byte `at` (after one space), up to punctuation.
fn next_word(text: &str, at: usize) -> &str {
    text[at..]
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';', ':']).next())
        .unwrap_or("")
}

/// Whether `next` reads as a noun after a date used as a label.
fn noun_follows(next: &str) -> bool {
    next.starts_with(char::is_alphabetic)
        && !matches!(
            next,
            "and" | "or" | "to" | "when" | "as" | "after" | "before" | "until" | "through"
        )
}

/// Whether a sentence says nothing but dates, with at most a preposition
/// ([`STUB_LETTERS`] letters) beside them: a dateline or timestamp line
/// ("February 13, 2025", "January 11, 2025 2:01 PM"), which dates the page,
/// or the stub of a broken line or a quote ("on April 19.", "“On Tuesday
/// …"), which holds no happening of its own.
pub(super) fn only_dates(text: &str, sentence: &Range<usize>, timexes: &[Timex]) -> bool {
    let first = timexes.partition_point(|t| t.end <= sentence.start);
    let mut at = sentence.start;
    let mut letters = 0;
    let mut count = |gap: &str| {
        letters += gap
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(STUB_LETTERS + 1)
            .count();
        letters <= STUB_LETTERS
    };
    for t in timexes[first..]
        .iter()
        .take_while(|t| t.start < sentence.end)
    {
        if !count(&text[at..t.start.max(at)]) {
            return false;
        }
        at = at.max(t.end);
    }
    count(&text[at.min(sentence.end)..sentence.end])
}

/// Most letters beside a sentence's dates that still leave it nothing but
/// a date: a preposition ("on", "by").
const STUB_LETTERS: usize = 3;

/// A date used to qualify a thing rather than to say when something
/// happened: "pre-2014 borders", "post-2022 order", "its 1997 borders",
/// "a 2023 UN estimate", "the Munich Agreement of 1938". No event.
pub(super) fn is_qualifier(text: &str, t: &Timex) -> bool {
    let (before, own) = (
        &text.as_bytes()[..t.start],
        &text.as_bytes()[t.start..t.end],
    );
    let prefixed = [b"pre-".as_slice(), b"post-"].iter().any(|p| {
        let ends =
            before.len() >= p.len() && before[before.len() - p.len()..].eq_ignore_ascii_case(p);
        let starts = own.len() >= p.len() && own[..p.len()].eq_ignore_ascii_case(p);
        ends || starts
    });
    prefixed || (own.len() == 4 && own.iter().all(u8::is_ascii_digit) && year_as_label(text, t))
}

/// Determiners before a year that labels the noun after it ("its 1997
/// borders"), where "in 1997" would say when.
const LABEL_DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "whose",
];

/// Whether a bare year labels a noun ("its 1997 borders") or ends a name
/// ("the Munich Agreement of 1938").
fn year_as_label(text: &str, t: &Timex) -> bool {
    let before = text[..t.start].trim_end_matches(' ');
    let mut words = before.rsplit(' ');
    let prev = words.next().unwrap_or("");
    let next = next_word(text, t.end);
    let labels = noun_follows(next)
        && LABEL_DETERMINERS
            .iter()
            .any(|d| prev.eq_ignore_ascii_case(d));
    // "the Munich Agreement of 1938", but not "March of 2022"; "the
    // migration crisis of 2015": a compound noun that "the" opens names a
    // thing (where "the war of 2022 followed" tells of a year's war).
    let named: Vec<&str> = words.take(3).collect();
    let lower = |w: &&str| !w.is_empty() && w.chars().all(char::is_lowercase);
    let names_end = prev == "of"
        && (named.first().is_some_and(|w| {
            w.len() > 1 && w.starts_with(char::is_uppercase) && w.parse::<chrono::Month>().is_err()
        }) || named.len() == 3
            && named[..2].iter().all(lower)
            && named[2].eq_ignore_ascii_case("the"));
    labels || names_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::tag;

    /// The expressions of `text` (published on `p`) that date nothing.
    fn nothing(text: &str, p: (i32, u32, u32)) -> Vec<String> {
        let published = NaiveDate::from_ymd_opt(p.0, p.1, p.2);
        let timexes = tag(text, published);
        timexes
            .iter()
            .filter_map(|t| {
                let iv = t.interval?;
                let precision = match iv.precision {
                    crate::timex::Precision::Day => DatePrecision::Day,
                    crate::timex::Precision::Week => DatePrecision::Week,
                    crate::timex::Precision::Year => DatePrecision::Year,
                    _ => DatePrecision::Month,
                };
                let date = EventDate {
                    first: iv.first,
                    last: iv.last,
                    precision,
                };
                let end = t.range_to.map_or(t.end, |j| timexes[j].end);
                let skip = is_qualifier(text, t) || dates_nothing(text, t, end, &date, published);
                skip.then(|| text[t.start..t.end].to_string())
            })
            .collect()
    }

    #[test]
    fn a_goal_reaches_over_its_list_of_aims_and_a_parenthesis() {
        let p = (2025, 3, 20);
        let s = "Our dream is to win (full) backing this year and to rebuild the port this year.";
        assert_eq!(nothing(s, p), ["this year", "this year"]);
        // Without a goal word the year stays.
        assert!(nothing("Prices rose (sharply) this year.", p).is_empty());
    }

    #[test]
    fn a_starting_point_dates_nothing() {
        let p = (2025, 3, 20);
        assert_eq!(
            nothing("The line has not moved since May 2023.", p),
            ["May 2023"]
        );
        assert_eq!(
            nothing("It was his first trip abroad since 2019.", p),
            ["2019"]
        );
        assert_eq!(
            nothing("Shops stayed shut since the blast on Feb. 2.", p),
            ["Feb. 2"]
        );
        assert!(nothing("The port reopened on Feb. 2.", p).is_empty());
        // A front report's "since the beginning of this day" is its own day.
        assert!(nothing("There were 90 clashes since the beginning of this day.", p).is_empty());
    }

    #[test]
    fn a_bound_or_goal_still_ahead_dates_nothing() {
        let p = (2025, 3, 20);
        assert_eq!(nothing("The siege could last until 2026.", p), ["2026"]);
        assert_eq!(
            nothing("He was remanded in custody until May 30.", p),
            ["May 30"]
        );
        assert_eq!(
            nothing(
                "The bloc wants to stop gas imports by the end of the year.",
                p
            ),
            ["the end of the year"]
        );
        assert_eq!(
            nothing("Imports are to stop by the end of the year.", p),
            ["the end of the year"]
        );
        assert_eq!(
            nothing("Kyiv aims to retake the town this year.", p),
            ["this year"]
        );
        assert_eq!(
            nothing("He said the front is likely to shift in early May.", p),
            ["early May"]
        );
        // A day set as a target is a plan that keeps its date; a past
        // "until" ends a state that is told.
        assert!(nothing("They hope for a truce by April 2.", p).is_empty());
        assert!(nothing("The curfew lasted until January 2024.", p).is_empty());
    }

    #[test]
    fn a_year_or_month_naming_a_thing_dates_nothing() {
        let p = (2025, 3, 20);
        assert_eq!(
            nothing("She won silver at last year's European Games.", p),
            ["last year"]
        );
        assert_eq!(nothing("He walked out of the March talks.", p), ["March"]);
        assert_eq!(
            nothing("Memories of the refugee crisis of 2015-16 linger.", p),
            ["2015"]
        );
        assert!(nothing("The talks resumed in March.", p).is_empty());
    }

    #[test]
    fn a_post_held_in_an_appositive_dates_nothing() {
        let p = (2025, 3, 20);
        assert_eq!(
            nothing(
                "A former envoy to Kyiv from 2015-2018, said the plan was weak.",
                p
            ),
            ["2015"]
        );
        assert!(nothing("From 2015-2018 the plant lay idle.", p).is_empty());
    }
}
