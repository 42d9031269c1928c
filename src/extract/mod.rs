//! Extraction: from a [`Document`] to its [`Event`]s.
//!
//! The body is cut into paragraphs (page furniture and bylines left out),
//! each paragraph is tagged for dates ([`crate::timex`]) and places
//! ([`crate::places`]) and split into sentences, and each sentence with a
//! date gives one event per distinct date. Every article with a known
//! publication date also gives one event for its headline. Each event's
//! sentence is typed ([`event_type`]) and its casualty counts read
//! ([`casualties`]).

pub mod casualties;
pub mod event_type;
mod events;
mod furniture;
mod id;
pub mod paragraphs;
mod qualifiers;
mod recent;
pub mod reported_speech;
mod speaker_place;

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::places::{Gazetteer, RegionId};

pub use casualties::Casualties;
pub use event_type::EventType;
pub use events::extract;
pub use id::{EventId, fnv1a};

/// A byte span in an article's text, kept small because a store holds
/// millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from a byte range.
    pub fn new(range: Range<usize>) -> Span {
        Span {
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The span as a byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The granularity of an event's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A day: `2025-02-13`.
    Day,
    /// An ISO week: `2025-W07`.
    Week,
    /// A month: `2025-02`.
    Month,
    /// A year: `2025`.
    Year,
}

/// When an event happened: the days it spans and how precisely it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    /// First day.
    #[serde(with = "day_number")]
    pub first: NaiveDate,
    /// Last day (after `first` for weeks, months, years and ranges).
    #[serde(with = "day_number")]
    pub last: NaiveDate,
    /// Granularity of the value.
    pub precision: DatePrecision,
}

impl EventDate {
    /// A single day.
    pub fn day(d: NaiveDate) -> EventDate {
        EventDate {
            first: d,
            last: d,
            precision: DatePrecision::Day,
        }
    }

    /// The date as a TIMEX3-style value: `2025-02-13`, `2025-W07`, `2025-02` or `2025`.
    pub fn value(&self) -> String {
        let d = self.first;
        match self.precision {
            DatePrecision::Day => d.format("%Y-%m-%d").to_string(),
            DatePrecision::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            DatePrecision::Month => d.format("%Y-%m").to_string(),
            DatePrecision::Year => format!("{:04}", d.year()),
        }
    }

    /// The value, followed by `..` and the end when the date is a range
    /// running past its own period ("2024-01..2024-06").
    pub fn label(&self) -> String {
        let natural = EventDate {
            first: self.first,
            last: self.first,
            precision: self.precision,
        }
        .natural_last();
        if self.last == natural {
            return self.value();
        }
        let end = EventDate {
            first: self.last,
            last: self.last,
            precision: self.precision,
        };
        format!("{}..{}", self.value(), end.value())
    }

    /// The last day of the period that `first` and the precision name.
    fn natural_last(&self) -> NaiveDate {
        let d = self.first;
        let next_month = |y: i32, m: u32| {
            if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }
        };
        let last = match self.precision {
            DatePrecision::Day => Some(d),
            DatePrecision::Week => d.checked_add_days(chrono::Days::new(
                6 - u64::from(d.weekday().num_days_from_monday()),
            )),
            DatePrecision::Month => next_month(d.year(), d.month()).and_then(|n| n.pred_opt()),
            DatePrecision::Year => NaiveDate::from_ymd_opt(d.year(), 12, 31),
        };
        last.unwrap_or(d)
    }
}

/// Days stored as their number since the common era (the cache holds
/// millions of them; parsing date strings back would be slow).
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| D::Error::custom("day out of range"))
    }
}

/// How an event's date was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventAnchor {
    /// The sentence states the date with its year.
    Explicit,
    /// Worked out from the publication date or an earlier date ("on Thursday").
    Relative,
    /// The article's publication date (the headline event).
    Published,
}

impl EventAnchor {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventAnchor::Explicit => "explicit",
            EventAnchor::Relative => "relative",
            EventAnchor::Published => "published",
        }
    }
}

/// One dated happening, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the article in the store.
    pub doc: u32,
    /// When it happened.
    pub date: EventDate,
    /// How the date was worked out.
    pub anchor: EventAnchor,
    /// Where the happening took place, most specific first, each followed
    /// by the places containing it.
    pub regions: Box<[RegionId]>,
    /// Places the sentence only names (a government that speaks, a topic,
    /// a reference point), in text order, none of them in `regions`.
    #[serde(default)]
    pub mentions: Box<[RegionId]>,
    /// The sentence in the article's text; for a headline event, the
    /// headline's line when it is part of the text.
    pub sentence: Option<Span>,
    /// The date expression inside the text, for highlighting.
    pub expression: Option<Span>,
    /// The paragraph around the sentence.
    pub paragraph: Option<Span>,
    /// Whether this is the headline event of its article.
    pub headline: bool,
    /// Whether the date lies after the article's publication date.
    pub future: bool,
    /// What kind of happening the sentence (or headline) reports
    /// ([`event_type::classify`]).
    pub kind: EventType,
    /// People the sentence says were killed in the happening
    /// ([`casualties::casualties`]); `None` when it gives no count.
    pub killed: Option<u32>,
    /// People the sentence says were injured in the happening.
    pub injured: Option<u32>,
}

impl Event {
    /// The event's sentence, cleaned for display (the headline for a
    /// headline event).
    pub fn text(&self, doc: &Document) -> String {
        match (self.headline, self.sentence) {
            (false, Some(s)) => crate::text::display::prose(&doc.text[s.range()]),
            _ => crate::text::display::prose(doc.title_or_name()),
        }
    }

    /// The places in words: the most specific ones grouped by what contains
    /// them, "Velyka Novosilka, Pokrovsk (Donetsk Oblast, Ukraine); Turkey".
    pub fn place_summary(&self, gazetteer: &Gazetteer) -> String {
        let contained: Vec<RegionId> = self
            .regions
            .iter()
            .flat_map(|&r| gazetteer.ancestors(r))
            .collect();
        let mut groups: Vec<(Vec<RegionId>, Vec<&str>)> = Vec::new();
        for &r in self.regions.iter().filter(|r| !contained.contains(r)) {
            let chain = gazetteer.ancestors(r);
            let name = gazetteer.region(r).name.as_str();
            match groups.iter_mut().find(|(c, _)| *c == chain) {
                Some((_, names)) => names.push(name),
                None => groups.push((chain, vec![name])),
            }
        }
        groups
            .iter()
            .map(|(chain, names)| {
                let chain: Vec<&str> = chain
                    .iter()
                    .map(|&c| gazetteer.region(c).name.as_str())
                    .collect();
                if chain.is_empty() {
                    names.join(", ")
                } else {
                    format!("{} ({})", names.join(", "), chain.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Display names of the places the event only names.
    pub fn mention_names<'g>(&self, gazetteer: &'g Gazetteer) -> Vec<&'g str> {
        self.mentions
            .iter()
            .map(|&r| gazetteer.region(r).name.as_str())
            .collect()
    }

    /// Display names of the event's regions.
    pub fn region_names<'g>(&self, gazetteer: &'g Gazetteer) -> Vec<&'g str> {
        self.regions
            .iter()
            .map(|&r| gazetteer.region(r).name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values_by_precision() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 13).unwrap();
        let at = |precision| {
            EventDate {
                first: d,
                last: d,
                precision,
            }
            .value()
        };
        assert_eq!(at(DatePrecision::Day), "2025-02-13");
        assert_eq!(at(DatePrecision::Week), "2025-W07");
        assert_eq!(at(DatePrecision::Month), "2025-02");
        assert_eq!(at(DatePrecision::Year), "2025");
    }

    #[test]
    fn labels_show_ranges() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let month = EventDate {
            first: ymd(2024, 1, 1),
            last: ymd(2024, 1, 31),
            precision: DatePrecision::Month,
        };
        assert_eq!(month.label(), "2024-01");
        let range = EventDate {
            last: ymd(2024, 6, 30),
            ..month
        };
        assert_eq!(range.label(), "2024-01..2024-06");
        let days = EventDate {
            first: ymd(2025, 2, 10),
            last: ymd(2025, 2, 14),
            precision: DatePrecision::Day,
        };
        assert_eq!(days.label(), "2025-02-10..2025-02-14");
        let week = EventDate {
            first: ymd(2025, 2, 10),
            last: ymd(2025, 2, 16),
            precision: DatePrecision::Week,
        };
        assert_eq!(week.label(), "2025-W07");
    }
}
