//! Page furniture learnt from the corpus itself: a line that recurs in
//! several files is a menu entry, a sidebar teaser, a footer or a promo
//! line of the site the files were scraped from, whatever its words, so
//! its dated sentences are no events. This works for outlets nobody has
//! seen, where word lists cannot.
//!
//! A wire story carried by several sites also repeats, line for line. Two
//! signals keep it: a repeated line that reads as story prose (at least
//! [`PROSE_WORDS`] words and a closing mark) is furniture only when the
//! files that hold it were published more than [`WIRE_DAYS`] days apart,
//! as a sidebar is and a carried story is not.
//!
//! The counting is streaming: each file's line keys are taken by the reader
//! threads (from the text, so cached files count too and the cache needs no
//! corpus-wide state), tallied batch by batch, and judged once every file
//! is in.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::corpus::Document;
use crate::extract::Event;

/// Files a line must recur in to be furniture.
pub const MIN_FILES: u32 = 3;
/// Publication days (inclusive span) within which a repeated prose line is
/// taken for one story carried by several sites.
pub const WIRE_DAYS: i64 = 3;
/// Words from which a line with a closing mark reads as story prose.
pub const PROSE_WORDS: usize = 12;

/// The lines of one file: (byte offset of the trimmed line, key, whether
/// it reads as story prose), each key once, and the file's publication day
/// (days from the common era, UTC dates). Taken from the whole text, so
/// that compaction ([`super::compact`]) changes no count.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct LineKeys {
    lines: Vec<(u32, u64, bool)>,
    day: Option<i32>,
}

/// The offset that stands for a line the kept text no longer holds: it
/// still counts, but no event can lie in it.
const GONE: u32 = u32::MAX;

impl LineKeys {
    /// Each line as (key, the article's publication day, whether it reads
    /// as story prose): what an engine groups by key ([`crate::engine`]).
    pub fn rows(&self) -> impl Iterator<Item = (u64, Option<i32>, bool)> + '_ {
        self.lines
            .iter()
            .map(|&(_, key, prose)| (key, self.day, prose))
    }

    /// Moves every line's offset where `to` says it went; a line `to` does
    /// not place is still counted but holds no event.
    pub fn remap(&mut self, to: impl Fn(usize) -> Option<usize>) {
        for line in &mut self.lines {
            line.0 = to(line.0 as usize).map_or(GONE, |at| at as u32);
        }
    }
}

/// The keys of the body lines of `doc` (the title is left out: a headline
/// event is never furniture).
pub fn keys(doc: &Document) -> LineKeys {
    let mut seen = FxHashSet::default();
    let mut lines = Vec::new();
    let mut offset = doc.body_start;
    for raw in doc.text[doc.body_start..].split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim();
        let in_title = doc
            .title_span
            .as_ref()
            .is_some_and(|t| t.start < offset && start < t.end);
        if line.len() < 8 || in_title {
            continue;
        }
        let key = line_key(line);
        if seen.insert(key) {
            let lead = raw.len() - raw.trim_start().len();
            lines.push(((start + lead) as u32, key, reads_as_prose(line)));
        }
    }
    LineKeys {
        lines,
        day: doc.published.value.map(day_number),
    }
}

fn line_key(line: &str) -> u64 {
    let mut h = FxHasher::default();
    line.hash(&mut h);
    h.finish()
}

fn day_number(d: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

/// What the corpus says of one line so far.
#[derive(Debug, Clone, Copy)]
struct Seen {
    files: u32,
    first_day: Option<i32>,
    last_day: Option<i32>,
    prose: bool,
}

/// Line counts over the files read so far.
#[derive(Debug, Default)]
pub struct Tally {
    seen: FxHashMap<u64, Seen>,
    files: Vec<LineKeys>,
}

impl Tally {
    /// Counts the lines of the next file (files are added in store order).
    pub fn add(&mut self, keys: LineKeys) {
        for &(_, key, prose) in &keys.lines {
            let s = self.seen.entry(key).or_insert_with(|| Seen {
                files: 0,
                first_day: None,
                last_day: None,
                prose,
            });
            s.files += 1;
            if let Some(d) = keys.day {
                s.first_day = Some(s.first_day.map_or(d, |f| f.min(d)));
                s.last_day = Some(s.last_day.map_or(d, |l| l.max(d)));
            }
        }
        self.files.push(keys);
    }

    /// Judges every line once all files are in.
    pub fn finish(self) -> Repeated {
        let furniture: FxHashSet<u64> = self
            .seen
            .iter()
            .filter(|(_, s)| judge(s.files, s.first_day, s.last_day, s.prose))
            .map(|(&k, _)| k)
            .collect();
        self.finish_with(&furniture)
    }

    /// The furniture lines of the files added, the lines judged furniture
    /// being `furniture` (judged elsewhere: by an engine over the whole
    /// corpus, when these files are only part of it).
    pub fn finish_with(self, furniture: &FxHashSet<u64>) -> Repeated {
        Repeated::of(&self.files, furniture)
    }
}

/// Whether a line found in `files` files, published between `first_day`
/// and `last_day` (days from the common era, when known), is furniture;
/// `prose`: whether it reads as story prose.
pub fn judge(files: u32, first_day: Option<i32>, last_day: Option<i32>, prose: bool) -> bool {
    if files < MIN_FILES {
        return false;
    }
    if !prose {
        return true;
    }
    match (first_day, last_day) {
        (Some(f), Some(l)) => i64::from(l - f) > WIRE_DAYS,
        _ => false,
    }
}

#[cfg(test)]
fn line_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    rest[..rest.find('\n').unwrap_or(rest.len())].trim_end()
}

/// Whether a line reads as a sentence of a story: long enough and closed
/// by a full stop, a question or exclamation mark (or a quote after one).
fn reads_as_prose(line: &str) -> bool {
    let closed = line
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?']);
    closed && crate::text::word_count_up_to(line, PROSE_WORDS) >= PROSE_WORDS
}

/// The lines judged furniture, as (article index in store order, byte
/// offset of the line in the article's text).
#[derive(Debug, Default, Clone)]
pub struct Repeated {
    /// Distinct lines judged furniture.
    pub lines: usize,
    spans: HashSet<(u32, u32)>,
}

impl Repeated {
    /// The furniture lines of articles whose keys are `files` (in store
    /// order), the lines judged furniture being `furniture`.
    pub fn of(files: &[LineKeys], furniture: &FxHashSet<u64>) -> Repeated {
        let mut spans = HashSet::new();
        for (doc, keys) in files.iter().enumerate() {
            for &(start, key, _) in &keys.lines {
                if start != GONE && furniture.contains(&key) {
                    spans.insert((doc as u32, start));
                }
            }
        }
        Repeated {
            lines: furniture.len(),
            spans,
        }
    }

    /// Whether an event's sentence lies in a furniture line: its paragraph
    /// starts with one. Headline events never do.
    pub fn holds(&self, event: &Event) -> bool {
        !event.headline
            && event
                .paragraph
                .is_some_and(|p| self.spans.contains(&(event.doc, p.start)))
    }

    /// Whether no line was judged furniture.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::corpus::document_from_text;

    fn doc(text: &str, published: (i32, u32, u32)) -> Document {
        let mut d = document_from_text(
            "t".into(),
            Path::new("t.txt"),
            text.to_owned(),
            None,
            &mut Vec::new(),
        );
        d.published.value = NaiveDate::from_ymd_opt(published.0, published.1, published.2);
        d
    }

    fn judged(docs: &[Document]) -> Vec<Vec<String>> {
        let mut tally = Tally::default();
        for d in docs {
            tally.add(keys(d));
        }
        let all: Vec<LineKeys> = docs.iter().map(keys).collect();
        let repeated = tally.finish();
        all.iter()
            .enumerate()
            .map(|(i, k)| {
                k.lines
                    .iter()
                    .filter(|(s, _, _)| repeated.spans.contains(&(i as u32, *s)))
                    .map(|(s, _, _)| line_at(&docs[i].text, *s as usize).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_short_line_in_three_files_is_furniture_and_in_two_is_not() {
        let page = |story: &str, day| {
            doc(
                &format!(
                    "Headline of the day\n\n{story}\n\nMost read: ceasefire talks stall, 2 hours ago\n"
                ),
                (2025, 3, day),
            )
        };
        let docs = [
            page("Drones hit a depot in the east on Monday.", 3),
            page("A bridge was shelled on Tuesday.", 4),
            page("Talks were held in Geneva on Wednesday.", 5),
        ];
        let j = judged(&docs);
        assert!(
            j.iter()
                .all(|lines| lines == &["Most read: ceasefire talks stall, 2 hours ago"]),
            "{j:?}"
        );
        assert!(judged(&docs[..2]).iter().all(Vec::is_empty));
    }

    #[test]
    fn a_wire_story_carried_by_several_sites_on_one_day_is_kept() {
        let wire = "Russian drones struck an energy facility in the region overnight on Monday, the governor said.";
        let page = |i| {
            format!("Energy site hit, outlet {i} reports\n\n{wire}\n\nRepairs began at site {i}.\n")
        };
        let docs: Vec<Document> = (0..4)
            .map(|i| doc(&page(i), (2025, 3, 3 + i % 2)))
            .collect();
        assert!(judged(&docs).iter().all(Vec::is_empty));
        // The same prose over weeks of pages is a promo or a standing note.
        let docs: Vec<Document> = (0..4)
            .map(|i| doc(&page(i), (2025, 3, 1 + 7 * i)))
            .collect();
        let j = judged(&docs);
        assert!(j.iter().all(|l| l.len() == 1), "{j:?}");
    }
}
