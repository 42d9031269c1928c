//! What the store keeps of an article's text once its events are found.
//!
//! Most of a news article's text gives no event, yet the store used to hold
//! all of it, so memory grew with the corpus rather than with its events
//! (a 108 MB Telegram export peaked at about 500 MB). After extraction an
//! article keeps only the parts that are still read:
//! - the headline's line, when it is part of the text;
//! - the opening of the body: the lead that clustering reads
//!   ([`crate::cluster::features::lead_end`]) and the words whose shingles
//!   find syndicated reprints ([`crate::cluster::reprints::opening_end`]);
//! - the paragraph of every event (the detail pane and the exports show
//!   it), with its sentence and date expression.
//!
//! The parts are joined by a blank line ([`pieces::SEPARATOR`]) and every
//! byte offset the article's events and line keys hold is moved with them.
//! [`Document::pieces`] records where each part came from, so that event
//! ids and exported character offsets still name the place in the whole
//! file. What compaction would lose is worked out before: the line keys
//! that find furniture repeated across files ([`LineKeys`], taken from the
//! whole text) and, for an article without a publication date, its dates
//! left unplaced ([`crate::undated`]).

use std::ops::Range;

use crate::corpus::Document;
use crate::corpus::pieces::{self, Piece};
use crate::extract::{Event, Span};
use crate::ingest::repeated::LineKeys;

/// Keeps only the parts of `doc`'s text that are still read, and moves the
/// offsets of its `events` and line `keys` with them. An article already
/// compacted, or whose parts cover its whole text, is left as it is.
pub fn compact(doc: &mut Document, events: &mut [Event], keys: &mut LineKeys) {
    if doc.is_compacted() || doc.text.len() > u32::MAX as usize {
        return;
    }
    if doc.published.value.is_none() && doc.unplaced.is_none() {
        let body = doc.text.get(doc.body_start..).unwrap_or("");
        doc.unplaced = Some(crate::undated::unplaced_dates(body) as u32);
    }
    let kept = merged(kept_ranges(doc, events));
    if kept.len() == 1 && kept[0] == (0..doc.text.len()) {
        return;
    }
    let (text, parts) = joined(&doc.text, &kept);
    let to = |at: usize| moved(&parts, text.len(), at);
    let span = |s: Span| match (to(s.start as usize), to(s.end as usize)) {
        (Some(a), Some(b)) => Some(Span::new(a..b)),
        _ => None,
    };
    for e in events.iter_mut() {
        e.sentence = e.sentence.and_then(span);
        e.expression = e.expression.and_then(span);
        e.paragraph = e.paragraph.and_then(span);
    }
    doc.title_span = doc
        .title_span
        .take()
        .and_then(|t| to(t.start).zip(to(t.end)).map(|(a, b)| a..b));
    keys.remap(to);
    doc.body_start = to(doc.body_start).unwrap_or(text.len());
    doc.whole_bytes = doc.text.len() as u64;
    doc.text = text;
    doc.pieces = parts;
}

/// Every byte range of the whole text that something reads after
/// extraction, in no order.
fn kept_ranges(doc: &Document, events: &[Event]) -> Vec<Range<usize>> {
    let len = doc.text.len();
    let start = doc.body_start.min(len);
    let body = doc.text.get(start..).unwrap_or("");
    let opening =
        crate::cluster::features::lead_end(body).max(crate::cluster::reprints::opening_end(body));
    let mut ranges = Vec::with_capacity(2 + 3 * events.len());
    ranges.push(start..(start + opening).min(len));
    ranges.extend(doc.title_span.clone());
    for e in events {
        ranges.extend(
            [e.paragraph, e.sentence, e.expression]
                .into_iter()
                .flatten()
                .map(Span::range),
        );
    }
    ranges.retain(|r| r.start <= r.end && r.end <= len);
    ranges
}

/// The ranges sorted, with overlapping and touching ones merged.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The kept text (the ranges of `text` joined by the separator) and where
/// each part came from. Ranges must be sorted, disjoint and on character
/// boundaries.
fn joined(text: &str, kept: &[Range<usize>]) -> (String, Vec<Piece>) {
    let size: usize = kept.iter().map(|r| r.len() + pieces::SEPARATOR.len()).sum();
    let mut out = String::with_capacity(size);
    let mut parts = Vec::with_capacity(kept.len());
    let (mut counted_to, mut chars) = (0usize, 0usize);
    for r in kept {
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        chars += text[counted_to..r.start].chars().count();
        counted_to = r.start;
        if !out.is_empty() {
            out.push_str(pieces::SEPARATOR);
        }
        parts.push(Piece {
            at: out.len() as u32,
            from: r.start as u32,
            chars: chars as u32,
        });
        out.push_str(&text[r.clone()]);
    }
    (out, parts)
}

/// Where byte `at` of the whole text went in the kept text of `len`
/// bytes; `None` when no kept part holds it (a part's end counts as held).
fn moved(parts: &[Piece], len: usize, at: usize) -> Option<usize> {
    let i = parts.partition_point(|p| p.from as usize <= at);
    let p = parts.get(i.checked_sub(1)?)?;
    let moved = p.at as usize + (at - p.from as usize);
    // A part ends where the separator before the next one starts.
    let end = parts
        .get(i)
        .map_or(len, |n| n.at as usize - pieces::SEPARATOR.len());
    (moved <= end).then_some(moved)
}

#[cfg(test)]
mod tests;
