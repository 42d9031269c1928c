//! Cutting an article body into the paragraphs worth reading.
//!
//! Scraped pages put one paragraph on a line; Markdown and e-mail texts wrap
//! a paragraph over several lines. A long line that does not end a sentence
//! runs on into the next line. Boilerplate and byline lines are left out, and
//! a paragraph repeated word for word is kept once.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use crate::text::lines::{LineKind, classify};

/// A line this long (in bytes) that stops mid-sentence is taken as wrapped.
const WRAP_MIN_LEN: usize = 50;

/// Byte spans of the paragraphs of `text[start..]`, in order, trimmed.
pub fn split(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = start;
    for raw in text[start..].split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let kind = classify(line);
        let keep = matches!(kind, LineKind::Prose | LineKind::Heading);
        if !keep {
            flush(text, &mut current, &mut out, &mut seen);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = line_start + lead..line_start + line.trim_end().len();
        match current.as_mut() {
            Some(cur) if runs_on(&text[cur.clone()], &text[span.clone()]) => cur.end = span.end,
            _ => {
                flush(text, &mut current, &mut out, &mut seen);
                current = Some(span);
            }
        }
    }
    flush(text, &mut current, &mut out, &mut seen);
    out
}

/// A wrapped line's continuation is at most this much longer than it (the
/// word that did not fit, and a little).
const WRAP_SLACK: usize = 20;

/// Whether a paragraph's last line is wrapped and continues on `next`: it
/// stops mid-sentence, and `next` is no longer than a wrapped line would be
/// (a headline above a one-line paragraph of a scraped page is not wrapped).
fn runs_on(paragraph: &str, next: &str) -> bool {
    let last = paragraph
        .rsplit('\n')
        .next()
        .unwrap_or(paragraph)
        .trim_end();
    last.len() >= WRAP_MIN_LEN
        && next.trim().len() <= last.len() + WRAP_SLACK
        && !last.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', '…'])
}

fn flush(
    text: &str,
    current: &mut Option<Range<usize>>,
    out: &mut Vec<Range<usize>>,
    seen: &mut HashSet<u64>,
) {
    if let Some(span) = current.take() {
        let mut hasher = rustc_hash::FxHasher::default();
        for word in text[span.clone()].split_whitespace() {
            word.hash(&mut hasher);
        }
        if seen.insert(hasher.finish()) {
            out.push(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<&str> {
        split(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn one_paragraph_per_line_in_scraped_pages() {
        let text = "Headline of the day\nFirst paragraph ends here.\nSecond paragraph ends here.\n";
        assert_eq!(
            paragraphs(text),
            vec![
                "Headline of the day",
                "First paragraph ends here.",
                "Second paragraph ends here."
            ]
        );
    }

    #[test]
    fn a_headline_over_a_one_line_paragraph_stays_apart() {
        let head = "Peace talks are well advanced, says the envoy; delegations meet in Turkey";
        let lead = "The envoy said on Thursday that talks with both sides on a settlement were well \
                    advanced and that a meeting of the delegations would follow within days";
        let text = format!("{head}\n{lead}\n");
        assert_eq!(paragraphs(&text), vec![head, lead]);
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let text = "The convoy left the city early in the morning and reached\nthe river crossing by noon.\n\nNext.";
        assert_eq!(
            paragraphs(text),
            vec![
                "The convoy left the city early in the morning and reached\nthe river crossing by noon.",
                "Next."
            ]
        );
    }

    #[test]
    fn furniture_and_bylines_split_and_vanish() {
        let text = "Subscribe\nBy Jane Roe\nA sentence here.\n* indicates required\nAnother one.";
        assert_eq!(paragraphs(text), vec!["A sentence here.", "Another one."]);
    }

    #[test]
    fn repeated_paragraphs_are_kept_once() {
        let text = "Same words here.\nOther words.\n  Same   words here.\n";
        assert_eq!(paragraphs(text), vec!["Same words here.", "Other words."]);
    }

    #[test]
    fn offsets_respect_the_start() {
        let text = "---\ntitle: x\n---\nBody line.";
        let spans = split(text, 17);
        assert_eq!(&text[spans[0].clone()], "Body line.");
    }
}
