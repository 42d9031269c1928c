//! CPU time per stage of reading and extracting articles, summed over
//! every thread: the breakdown `frontlog stats` prints under a cold read
//! (issue 16, item 6), so that what the taggers do can be told from what
//! only carries their input and output.
//!
//! Each stage is timed on the thread that does its work, with a monotonic
//! clock ([`Instant`]), and added to a process-wide counter in
//! nanoseconds. Sub-stages of extraction (dates, sentences, places, types
//! and casualties) are timed inside the extraction's own time, and those of
//! reading (markup, metadata, language) inside reading's, so
//! [`Breakdown::rest`] is what a stage spent outside its sub-stages.
//! A timing costs two clock reads (tens of nanoseconds); a cold read of
//! 10,000 articles makes about a million.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A stage of reading and extracting one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading a file and making its articles: everything before
    /// extraction, its sub-stages included.
    Read,
    /// Flattening HTML fragments in a text, inside [`Stage::Read`].
    Markup,
    /// The headline, outlet, publication date and address read from the
    /// text's edges and credits, inside [`Stage::Read`].
    Metadata,
    /// Language detection, inside [`Stage::Read`].
    Language,
    /// Extraction as a whole ([`crate::extract::extract`]), sub-stages
    /// included.
    Extract,
    /// Finding and resolving dates (TIMEX3 tagging), inside [`Stage::Extract`].
    Dates,
    /// Splitting paragraphs into sentences, inside [`Stage::Extract`].
    Sentences,
    /// Finding places (the gazetteer), inside [`Stage::Extract`].
    Places,
    /// Event types and casualty counts, inside [`Stage::Extract`].
    TypesAndCasualties,
    /// Folding each event's text for the text filter.
    Fold,
    /// The line keys that find furniture repeated across files.
    LineKeys,
    /// Keeping only the parts of an article's text the store needs.
    Compact,
    /// Encoding a file's outcome for the parse cache.
    CacheEncode,
}

/// Every stage, in the order they are printed (each sub-stage after its
/// stage).
pub const STAGES: [Stage; 13] = [
    Stage::Read,
    Stage::Markup,
    Stage::Metadata,
    Stage::Language,
    Stage::Extract,
    Stage::Dates,
    Stage::Sentences,
    Stage::Places,
    Stage::TypesAndCasualties,
    Stage::Fold,
    Stage::LineKeys,
    Stage::Compact,
    Stage::CacheEncode,
];

impl Stage {
    /// What the stage does, for a report line.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Read => "reading",
            Stage::Markup => "HTML fragments flattened",
            Stage::Metadata => "headline, outlet and publication date from the text",
            Stage::Language => "language detection",
            Stage::Extract => "extraction",
            Stage::Dates => "dates (TIMEX3 tagging and resolving)",
            Stage::Sentences => "sentence splitting",
            Stage::Places => "places (gazetteer tagging)",
            Stage::TypesAndCasualties => "event types and casualty counts",
            Stage::Fold => "folding the events' text for the text filter",
            Stage::LineKeys => "line keys for repeated furniture",
            Stage::Compact => "compacting the kept text",
            Stage::CacheEncode => "encoding parse-cache records",
        }
    }

    /// What a stage's time outside its sub-stages is, for a report line.
    pub fn rest_label(self) -> &'static str {
        match self {
            Stage::Read => "the rest (file reads, decoding, format readers, front matter)",
            Stage::Extract => "the rest (paragraphs, tying dates and places to sentences, events)",
            _ => "the rest",
        }
    }

    /// The stage this one is timed inside, if any.
    pub fn parent(self) -> Option<Stage> {
        match self {
            Stage::Markup | Stage::Metadata | Stage::Language => Some(Stage::Read),
            Stage::Dates | Stage::Sentences | Stage::Places | Stage::TypesAndCasualties => {
                Some(Stage::Extract)
            }
            _ => None,
        }
    }
}

static NANOS: [AtomicU64; STAGES.len()] = [const { AtomicU64::new(0) }; STAGES.len()];

/// Runs `work`, adding its time to `stage`.
pub fn time<T>(stage: Stage, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = work();
    add(stage, started.elapsed());
    out
}

/// Adds `took` to `stage`.
pub fn add(stage: Stage, took: Duration) {
    NANOS[stage as usize].fetch_add(took.as_nanos() as u64, Ordering::Relaxed);
}

/// CPU time per stage since the process started (or since the last
/// [`Breakdown::take`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// Time per stage, indexed as [`STAGES`].
    pub times: [Duration; STAGES.len()],
}

impl Breakdown {
    /// The times so far, the counters set back to zero.
    pub fn take() -> Breakdown {
        let mut b = Breakdown::default();
        for (t, n) in b.times.iter_mut().zip(&NANOS) {
            *t = Duration::from_nanos(n.swap(0, Ordering::Relaxed));
        }
        b
    }

    /// The time of `stage`.
    pub fn of(&self, stage: Stage) -> Duration {
        self.times[stage as usize]
    }

    /// `stage`'s time outside its timed sub-stages (all of it for a stage
    /// without any).
    pub fn rest(&self, stage: Stage) -> Duration {
        let inside = STAGES
            .iter()
            .filter(|s| s.parent() == Some(stage))
            .map(|&s| self.of(s))
            .sum::<Duration>();
        self.of(stage).saturating_sub(inside)
    }

    /// The time of every stage that is not inside another one.
    pub fn total(&self) -> Duration {
        STAGES
            .iter()
            .filter(|s| s.parent().is_none())
            .map(|&s| self.of(s))
            .sum()
    }

    /// Whether nothing was timed (a read wholly from the caches).
    pub fn is_empty(&self) -> bool {
        self.times.iter().all(Duration::is_zero)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rest_is_what_the_sub_stages_leave() {
        let mut b = Breakdown::default();
        b.times[Stage::Extract as usize] = Duration::from_millis(100);
        b.times[Stage::Dates as usize] = Duration::from_millis(30);
        b.times[Stage::Places as usize] = Duration::from_millis(20);
        b.times[Stage::Read as usize] = Duration::from_millis(50);
        b.times[Stage::Language as usize] = Duration::from_millis(10);
        assert_eq!(b.rest(Stage::Extract), Duration::from_millis(50));
        assert_eq!(b.rest(Stage::Read), Duration::from_millis(40));
        assert_eq!(b.rest(Stage::Dates), Duration::from_millis(30));
        // The sub-stages are inside extraction: not counted twice.
        assert_eq!(b.total(), Duration::from_millis(150));
    }

    #[test]
    fn stages_are_indexed_in_their_printed_order() {
        for (i, s) in STAGES.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
    }
}
