//! The histogram's counts: events per day over the bulk of the slice.
//!
//! The days shown are where the slice's events mostly lie: the days its
//! articles were published, widened by a month each side (the recent past
//! an article recounts, the plans it announces), or, when no day falls
//! there (or no article has a date), the 1st to 99th percentile of the
//! days. A date filter narrows that to its own range. Events dated outside
//! are counted as earlier or later instead of stretching the axis, so one
//! 2018 caption cannot flatten a month of war into a single bar. Only
//! events dated to one day are counted per day; the others are counted
//! apart.

use crate::query::Query;
use crate::store::EventStore;
use crate::store::tally::{Tally, nonzero};
use chrono::{Duration, NaiveDate};

/// The longest stretch of days the histogram covers (ten years).
const MAX_DAYS: i64 = 3660;
/// How far before the first and after the last publication the bulk reaches.
const AROUND_PUBLICATION: Duration = Duration::days(31);

/// Events per day of the slice, for the histogram.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram {
    /// The day of `counts[0]`.
    pub first: Option<NaiveDate>,
    /// Events dated to exactly one day, per day, empty days included.
    pub counts: Vec<u32>,
    /// Events of the slice dated less precisely (weeks, months, ranges).
    pub longer: u32,
    /// Events dated to one day before the first day shown.
    pub earlier: u32,
    /// Events dated to one day after the last day shown.
    pub later: u32,
}

impl Histogram {
    /// The histogram of a slice (event indexes in chronological order) cut
    /// with `query`.
    pub fn of(store: &EventStore, slice: &[u32], query: &Query) -> Histogram {
        Histogram::of_tally(store, &Tally::of(store, slice), query)
    }

    /// The histogram of a slice from its tally ([`Tally::of`]), cut with
    /// `query`: no pass over the slice's events.
    pub fn of_tally(store: &EventStore, tally: &Tally, query: &Query) -> Histogram {
        let values = &store.columns().date_values;
        let days = Days::of_counts(tally.dates().filter_map(|(k, n)| {
            let d = values[k as usize];
            (d.first == d.last).then_some((d.first, n as usize))
        }));
        let longer = (tally.events - days.len()) as u32;
        let (Some(lo), Some(hi)) = (days.first(), days.last()) else {
            return Histogram {
                longer,
                ..Histogram::default()
            };
        };
        let published = publication_window(store, tally);
        let (lo, hi) = shown_days(&days, (lo, hi), published, (query.from, query.to));
        let mut counts = vec![0u32; (hi - lo).num_days() as usize + 1];
        let (mut earlier, mut later) = (0, 0);
        for (d, n) in days.runs() {
            if d < lo {
                earlier += n;
            } else if d > hi {
                later += n;
            } else {
                counts[(d - lo).num_days() as usize] += n;
            }
        }
        Histogram {
            first: Some(lo),
            counts,
            longer,
            earlier,
            later,
        }
    }

    /// The day of index `i`.
    pub fn day(&self, i: usize) -> Option<NaiveDate> {
        self.first.map(|f| f + Duration::days(i as i64))
    }

    /// The last day shown.
    pub fn last(&self) -> Option<NaiveDate> {
        self.day(self.counts.len().checked_sub(1)?)
    }
}

/// The first and last publication dates of the articles the tally counts.
fn publication_window(store: &EventStore, tally: &Tally) -> Option<(NaiveDate, NaiveDate)> {
    let days = &store.columns().publication_days;
    let mut window: Option<(NaiveDate, NaiveDate)> = None;
    for (key, _) in nonzero(&tally.per_published) {
        if let Some(p) = days[key as usize] {
            window = Some(window.map_or((p, p), |(a, b)| (a.min(p), b.max(p))));
        }
    }
    window
}

/// The days to show, given the sorted single days of the slice, their
/// first and last, the publication window and the date filter's ends.
fn shown_days(
    days: &Days,
    (first, last): (NaiveDate, NaiveDate),
    published: Option<(NaiveDate, NaiveDate)>,
    (from, to): (Option<NaiveDate>, Option<NaiveDate>),
) -> (NaiveDate, NaiveDate) {
    // Where the slice's days are: the date filter's range when it has both
    // ends (its empty days shown), else the days themselves.
    let (lo, hi) = match (from, to) {
        (Some(f), Some(t)) if (t - f).num_days() < MAX_DAYS => (f, t),
        _ => (
            from.map_or(first, |f| f.max(first)),
            to.map_or(last, |t| t.min(last)),
        ),
    };
    // The bulk: around the publications, else the middle 98% of the days.
    let holds_a_day = |(a, b): (NaiveDate, NaiveDate)| days.before(a) < days.up_to(b);
    let (a, b) = published
        .map(|(a, b)| (a - AROUND_PUBLICATION, b + AROUND_PUBLICATION))
        .filter(|&w| holds_a_day(w))
        .unwrap_or_else(|| percentile_window(days));
    // An end moves in only past days outside the bulk, to the first (or
    // last) day inside it.
    let (start, end) = (days.before(a), days.up_to(b));
    let (inside_first, inside_last) = if start < end {
        (days.nth(start), days.nth(end - 1))
    } else {
        (None, None)
    };
    let (first_day, last_day) = (days.first().unwrap_or(first), days.last().unwrap_or(last));
    let lo = match inside_first {
        Some(d) if first_day < a && lo < a => d,
        _ => lo,
    };
    let hi = match inside_last {
        Some(d) if last_day > b && hi > b => d,
        _ => hi,
    };
    if lo > hi {
        // (Not reached: every day lies in the filter's range.)
        return (first.max(last - Duration::days(MAX_DAYS - 1)), last);
    }
    // Never more than ten years: the latest of them.
    let lo = lo.max(hi - Duration::days(MAX_DAYS - 1));
    (lo, hi)
}

/// The 1st and 99th percentile of the days.
fn percentile_window(days: &Days) -> (NaiveDate, NaiveDate) {
    let n = days.len();
    let lo = n / 100;
    let hi = (n.saturating_sub(1)).saturating_sub(n / 100).max(lo);
    let at = |k| days.nth(k).unwrap_or_default();
    (at(lo), at(hi))
}

/// The days of a slice's events dated to one day, in order, as runs: each
/// distinct day with the number of events up to and including it. What
/// the histogram needs of a million events is a few thousand runs.
#[derive(Debug, Default)]
struct Days {
    /// The distinct days, in order.
    days: Vec<NaiveDate>,
    /// The events dated on or before each of `days`.
    upto: Vec<usize>,
}

impl Days {
    /// The runs of some days, each with its count of events, in any order
    /// (a day may come more than once).
    fn of_counts(counts: impl Iterator<Item = (NaiveDate, usize)>) -> Days {
        let mut counts: Vec<(NaiveDate, usize)> = counts.collect();
        counts.sort_unstable();
        let mut out = Days::default();
        for (d, n) in counts {
            let total = out.len() + n;
            if out.days.last() == Some(&d) {
                *out.upto.last_mut().unwrap_or(&mut 0) = total;
            } else {
                out.days.push(d);
                out.upto.push(total);
            }
        }
        out
    }

    /// The runs of sorted days (for the tests).
    #[cfg(test)]
    fn of_sorted(days: &[NaiveDate]) -> Days {
        Days::of_counts(days.iter().map(|&d| (d, 1)))
    }

    /// How many events.
    fn len(&self) -> usize {
        self.upto.last().copied().unwrap_or(0)
    }

    /// The first day.
    fn first(&self) -> Option<NaiveDate> {
        self.days.first().copied()
    }

    /// The last day.
    fn last(&self) -> Option<NaiveDate> {
        self.days.last().copied()
    }

    /// How many events fall before day `a`.
    fn before(&self, a: NaiveDate) -> usize {
        match self.days.partition_point(|d| *d < a) {
            0 => 0,
            j => self.upto[j - 1],
        }
    }

    /// How many events fall on or before day `b`.
    fn up_to(&self, b: NaiveDate) -> usize {
        match self.days.partition_point(|d| *d <= b) {
            0 => 0,
            j => self.upto[j - 1],
        }
    }

    /// The day of the `k`-th event (from 0), in order.
    fn nth(&self, k: usize) -> Option<NaiveDate> {
        self.days
            .get(self.upto.partition_point(|&u| u <= k))
            .copied()
    }

    /// Each day with its number of events.
    fn runs(&self) -> impl Iterator<Item = (NaiveDate, u32)> + '_ {
        let mut before = 0;
        self.days.iter().zip(&self.upto).map(move |(&d, &u)| {
            let n = u - before;
            before = u;
            (d, n as u32)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn shown(
        days: &[NaiveDate],
        published: Option<(NaiveDate, NaiveDate)>,
    ) -> (NaiveDate, NaiveDate) {
        shown_days(
            &Days::of_sorted(days),
            (days[0], days[days.len() - 1]),
            published,
            (None, None),
        )
    }

    #[test]
    fn one_old_caption_does_not_stretch_the_axis() {
        let mut days = vec![d(2018, 7, 16)];
        days.extend((1..=28).map(|n| d(2025, 2, n)));
        let feb = Some((d(2025, 2, 3), d(2025, 2, 27)));
        assert_eq!(shown(&days, feb), (d(2025, 2, 1), d(2025, 2, 28)));
        // Undated articles: the percentiles, which a thousand days trim.
        let many: Vec<NaiveDate> = std::iter::once(d(2018, 7, 16))
            .chain((0..998).map(|n| d(2025, 1, 1) + Duration::days(n % 60)))
            .chain(std::iter::once(d(2029, 1, 1)))
            .collect();
        let mut sorted = many.clone();
        sorted.sort();
        assert_eq!(shown(&sorted, None), (d(2025, 1, 1), d(2025, 3, 1)));
    }

    #[test]
    fn runs_of_days_answer_as_the_sorted_days_do() {
        let mut rng = fastrand::Rng::with_seed(3);
        for len in [1usize, 2, 7, 100, 5000] {
            let mut days: Vec<NaiveDate> = (0..len)
                .map(|_| d(2025, 1, 1) + Duration::days(rng.i64(0..40)))
                .collect();
            days.sort();
            let runs = Days::of_sorted(&days);
            assert_eq!(runs.len(), days.len());
            assert_eq!(
                (runs.first(), runs.last()),
                (days.first().copied(), days.last().copied())
            );
            for (k, day) in days.iter().enumerate() {
                assert_eq!(runs.nth(k), Some(*day));
            }
            assert_eq!(runs.nth(days.len()), None);
            for offset in -2..43 {
                let a = d(2025, 1, 1) + Duration::days(offset);
                assert_eq!(runs.before(a), days.partition_point(|x| *x < a));
                assert_eq!(runs.up_to(a), days.partition_point(|x| *x <= a));
            }
            let total: u32 = runs.runs().map(|(_, n)| n).sum();
            assert_eq!(total as usize, days.len());
        }
    }

    #[test]
    fn a_date_filter_shows_its_own_range() {
        let days: Vec<NaiveDate> = (12..=18).map(|n| d(2025, 2, n)).collect();
        let feb = Some((d(2025, 2, 13), d(2025, 2, 28)));
        let range = (Some(d(2025, 2, 10)), Some(d(2025, 2, 20)));
        assert_eq!(
            shown_days(&Days::of_sorted(&days), (days[0], days[6]), feb, range),
            (d(2025, 2, 10), d(2025, 2, 20))
        );
        // A filter on 2018 shows 2018, far from the publications.
        let old = [d(2018, 7, 16)];
        let year = (Some(d(2018, 1, 1)), Some(d(2018, 12, 31)));
        assert_eq!(
            shown_days(&Days::of_sorted(&old), (old[0], old[0]), feb, year),
            (d(2018, 1, 1), d(2018, 12, 31))
        );
    }
}
