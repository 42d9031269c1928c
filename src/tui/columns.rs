//! The timeline's columns: how wide the date, place and outlet columns
//! are, so that the sentence keeps at least half of a row.
//!
//! The widths come from the whole slice ([`Natural::of`], worked out when
//! the filters change, from the slice's tally and each key's width,
//! [`KeyWidths`]) and the row's width ([`allot`]), never from the rows
//! on screen, so they hold still while the timeline scrolls. When the row is
//! narrow the outlet column narrows first, then goes, then the place column
//! narrows, then goes.

use rayon::prelude::*;

use crate::extract::{DatePrecision, EventDate};
use crate::store::EventStore;
use crate::store::tally::{Tally, nonzero};
use crate::tui::text::{one_line, width};

/// Widest place column shown.
const REGION_MAX: usize = 18;
/// Widest outlet column shown.
const SOURCE_MAX: usize = 16;
/// Narrowest place column worth showing.
const REGION_MIN: usize = 6;
/// Narrowest outlet column worth showing.
const SOURCE_MIN: usize = 8;
/// Cells before the date (the selection marker) and after it (a space, the
/// `»` mark, a space).
const AROUND_DATE: usize = 2 + 3;

/// The widest cell of each column over a whole slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Natural {
    /// The widest date as the timeline writes it.
    pub date: usize,
    /// The widest most specific place.
    pub region: usize,
    /// The widest outlet name.
    pub source: usize,
}

impl Natural {
    /// The widths of a slice (event indexes in chronological order), days
    /// written in `date_format`.
    pub fn of(store: &EventStore, slice: &[u32], date_format: &str) -> Natural {
        KeyWidths::of(store, date_format).natural(&Tally::of(store, slice))
    }
}

/// The width of every distinct cell of the store's columns, by key: each
/// place's name, each date key as written in a date format, each outlet. A slice's widths are then the widest among the keys
/// its tally counts: no pass over its events.
#[derive(Debug, Default)]
pub struct KeyWidths {
    /// The store generation and date format they were worked out for
    /// (`None`: not yet worked out).
    key: Option<(u64, String)>,
    /// By compact region index ([`crate::store::columns::EventColumns::present`]).
    place: Vec<u16>,
    date: Vec<u16>,
    source: Vec<u16>,
}

impl KeyWidths {
    /// The cell widths of `store`'s keys, days written in `date_format`.
    pub fn of(store: &EventStore, date_format: &str) -> KeyWidths {
        let columns = store.columns();
        let g = store.gazetteer();
        let cells = |w: usize| w.min(usize::from(u16::MAX)) as u16;
        let place = columns
            .present()
            .par_iter()
            .map(|&r| cells(width(&one_line(&g.region(r).name))))
            .collect();
        let date = columns
            .date_values
            .par_iter()
            .map(|d| cells(width(&date_cell(d, date_format))))
            .collect();
        let source = store
            .sources()
            .iter()
            .map(|s| cells(width(&one_line(s))))
            .collect();
        KeyWidths {
            key: Some((store.generation(), date_format.to_owned())),
            place,
            date,
            source,
        }
    }

    /// Brings the widths up to date with `store` and `date_format`.
    pub fn refresh(&mut self, store: &EventStore, date_format: &str) {
        let fresh =
            matches!(&self.key, Some((g, f)) if *g == store.generation() && f == date_format);
        if !fresh {
            *self = KeyWidths::of(store, date_format);
        }
    }

    /// The widest cells among the keys `tally` counts (a tally of the
    /// store these widths were worked out for).
    pub fn natural(&self, tally: &Tally) -> Natural {
        let widest = |widths: &[u16], keys: &mut dyn Iterator<Item = (u32, u32)>| {
            keys.filter_map(|(k, _)| widths.get(k as usize))
                .max()
                .map_or(0, |&w| usize::from(w))
        };
        let sources = &mut nonzero(&tally.per_source);
        Natural {
            date: widest(&self.date, &mut tally.dates()),
            region: widest(&self.place, &mut nonzero(&tally.per_first)),
            source: widest(&self.source, sources),
        }
    }
}

/// The widths of a row's columns; 0 for a column left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The date column.
    pub date: usize,
    /// The place column (0: hidden).
    pub region: usize,
    /// The outlet column (0: hidden).
    pub source: usize,
}

impl Columns {
    /// Cells the columns before the sentence take, spaces included.
    pub fn before_sentence(&self) -> usize {
        let gap = |w: usize| if w > 0 { w + 1 } else { 0 };
        AROUND_DATE + self.date + gap(self.region) + gap(self.source)
    }
}

/// The columns of a row `row_width` cells wide for a slice of `natural`
/// widths: each column as wide as its widest cell (up to a cap), narrowed or
/// left out, outlet before place, until the sentence has half the row.
pub fn allot(natural: Natural, row_width: usize) -> Columns {
    allot_capped(natural, row_width, SOURCE_MAX)
}

/// As [`allot`], the outlet column (which the cluster view fills with
/// "3 reports · 2 outlets") capped at `source_max` cells.
pub fn allot_capped(natural: Natural, row_width: usize, source_max: usize) -> Columns {
    let date = natural.date.clamp(4, 23);
    let region = natural.region.min(REGION_MAX);
    let source = natural.source.min(source_max);
    let sentence = row_width.div_ceil(2);
    // In order of preference: narrow the outlet, drop it, then narrow the
    // place and drop it.
    let steps = [
        (region, source),
        (region, source.min(SOURCE_MIN)),
        (region, 0),
        (region.min(12), 0),
        (region.min(REGION_MIN), 0),
        (0, 0),
    ];
    let fits = |(region, source)| {
        let c = Columns {
            date,
            region,
            source,
        };
        c.before_sentence() + sentence <= row_width
    };
    let (region, source) = steps.into_iter().find(|&s| fits(s)).unwrap_or((0, 0));
    Columns {
        date,
        region,
        source,
    }
}

/// The date of an event as the timeline shows it: days in the configured
/// format, other precisions and ranges in their ISO form.
pub fn date_text(date: &EventDate, format: &str) -> String {
    if date.precision == DatePrecision::Day && date.first == date.last {
        format_day(date.first, format)
    } else {
        date.label()
    }
}

/// The date as the timeline's date column writes it: as [`date_text`],
/// but a range's end without the fields it shares with its start
/// (`2025-02-10..11`, `2024-10..12`, `2025-02-28..03-02`, `2025-W07..W08`).
pub fn date_cell(date: &EventDate, format: &str) -> String {
    let full = date_text(date, format);
    let Some((start, end)) = full.split_once("..") else {
        return full;
    };
    let shared = start
        .bytes()
        .zip(end.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // Cut at a field boundary: after the last '-' both share.
    let cut = start[..shared].rfind('-').map_or(0, |i| i + 1);
    if start.len() != end.len() || cut == 0 {
        return full;
    }
    format!("{start}..{}", &end[cut..])
}

/// A day in a strftime format (the format was checked when loaded).
pub fn format_day(day: chrono::NaiveDate, format: &str) -> String {
    use chrono::Datelike;
    use std::fmt::Write;
    let mut s = String::new();
    if write!(s, "{}", day.format(format)).is_err() {
        return format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn natural(date: usize, region: usize, source: usize) -> Natural {
        Natural {
            date,
            region,
            source,
        }
    }

    #[test]
    fn the_sentence_keeps_half_the_row() {
        // The narrowest row: 60 columns less the borders.
        for row in 58..=200 {
            for n in [natural(10, 14, 20), natural(22, 18, 16), natural(4, 30, 30)] {
                let c = allot(n, row);
                assert!(
                    row - c.before_sentence() >= row / 2,
                    "{row}: {c:?} leaves too little"
                );
            }
        }
    }

    #[test]
    fn a_range_in_the_date_column_drops_what_its_ends_share() {
        use chrono::NaiveDate;
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let date = |first, last, precision| EventDate {
            first,
            last,
            precision,
        };
        let cell = |e: EventDate| date_cell(&e, "%Y-%m-%d");
        assert_eq!(
            cell(date(d(2, 10), d(2, 11), DatePrecision::Day)),
            "2025-02-10..11"
        );
        assert_eq!(
            cell(date(d(2, 28), d(3, 2), DatePrecision::Day)),
            "2025-02-28..03-02"
        );
        assert_eq!(
            cell(date(d(10, 1), d(12, 31), DatePrecision::Month)),
            "2025-10..12"
        );
        assert_eq!(
            cell(date(d(2, 10), d(2, 23), DatePrecision::Week)),
            "2025-W07..W08"
        );
        let years = date(
            d(1, 1),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            DatePrecision::Year,
        );
        assert_eq!(cell(years), "2025..2026");
        assert_eq!(cell(EventDate::day(d(2, 27))), "2025-02-27");
    }

    #[test]
    fn the_outlet_gives_way_before_the_place() {
        let n = natural(10, 14, 20);
        // Wide: both at their natural width, up to the caps.
        assert_eq!(
            allot(n, 160),
            Columns {
                date: 10,
                region: 14,
                source: 16
            }
        );
        // 80 columns without the side panes: the outlet narrows.
        assert_eq!(
            allot(n, 78),
            Columns {
                date: 10,
                region: 14,
                source: 8
            }
        );
        // 60 columns: the outlet goes, the place narrows.
        let c = allot(n, 58);
        assert_eq!((c.source, c.region), (0, 12));
        // Narrower still (a wide date column): the place narrows.
        assert_eq!(allot(natural(22, 14, 20), 78).region, 6);
        // Very narrow rows keep only the date and the sentence.
        assert_eq!(
            allot(n, 30),
            Columns {
                date: 10,
                region: 0,
                source: 0
            }
        );
        // Columns never grow past their widest cell.
        assert_eq!(
            allot(natural(10, 5, 6), 160),
            Columns {
                date: 10,
                region: 5,
                source: 6
            }
        );
    }
}
