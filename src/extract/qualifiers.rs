//! Dates in a sentence that do not say when something happened: a dateline
//! line, a year that labels a thing ("its 1997 borders", "pre-2014"), the
//! year that ends a name ("the Munich Agreement of 1938").

use std::ops::Range;

use crate::timex::Timex;

/// Whether a sentence says nothing but dates: a dateline or timestamp line
/// ("February 13, 2025", "January 11, 2025 2:01 PM"), which dates the page,
/// not a happening.
pub(super) fn only_dates(text: &str, sentence: &Range<usize>, timexes: &[Timex]) -> bool {
    let first = timexes.partition_point(|t| t.end <= sentence.start);
    let mut at = sentence.start;
    for t in timexes[first..]
        .iter()
        .take_while(|t| t.start < sentence.end)
    {
        if text[at..t.start.max(at)].contains(char::is_alphabetic) {
            return false;
        }
        at = at.max(t.end);
    }
    !text[at.min(sentence.end)..sentence.end].contains(char::is_alphabetic)
}

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
    let next = text[t.end..]
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';', ':']).next())
        .unwrap_or("");
    let noun_follows = next.starts_with(char::is_alphabetic)
        && !matches!(
            next,
            "and" | "or" | "to" | "when" | "as" | "after" | "before" | "until" | "through"
        );
    let labels = noun_follows
        && LABEL_DETERMINERS
            .iter()
            .any(|d| prev.eq_ignore_ascii_case(d));
    // "the Munich Agreement of 1938", but not "March of 2022".
    let names_end = prev == "of"
        && words.next().is_some_and(|w| {
            w.len() > 1 && w.starts_with(char::is_uppercase) && w.parse::<chrono::Month>().is_err()
        });
    labels || names_end
}
