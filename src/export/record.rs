//! The one record of an exported event ([`EventRecord`]), built once per
//! event of the slice from the store, that every format reads: the JSON
//! dump, the Markdown briefing, and the tables (CSV, GeoJSON properties,
//! Parquet) through [`crate::export::table`].
//!
//! A record holds what the article says (sentence, date expression,
//! places), what frontlog made of it (dates, type, casualty counts, the
//! place's administrative levels and coordinates) and where it came from
//! (the article's title, URL, file, publication date, outlet), with the
//! event's cluster when the store is clustered.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::cluster::ClusterId;
use crate::corpus::Document;
use crate::export::CharIndex;
use crate::extract::{DatePrecision, EventDate, EventId, EventType};
use crate::places::{Coordinates, Gazetteer, RegionId, RegionKind};
use crate::store::EventStore;

/// One event as every export sees it. Strings are display text (control
/// characters and markup removed); nothing is escaped for a format yet.
#[derive(Debug, Clone)]
pub struct EventRecord<'a> {
    /// Index into [`EventStore::events`].
    pub index: u32,
    /// Stable id (16 hex digits when shown).
    pub id: EventId,
    /// The article.
    pub doc: &'a Document,
    /// The article's index in [`EventStore::documents`].
    pub doc_index: u32,
    /// When it happened: first and last day, precision.
    pub date: EventDate,
    /// The date at its precision (`2025-02-13`, `2025-W07`, `2025-02`, `2025`).
    pub date_value: String,
    /// The date as the timeline shows it (`2025-02-10..14`).
    pub date_label: String,
    /// How the date was worked out (`explicit`, `relative`, `published`).
    pub anchor: &'static str,
    /// The places where it happened, most specific first, each followed by
    /// the places containing it.
    pub regions: Vec<&'a str>,
    /// Places the sentence only names.
    pub mentions: Vec<&'a str>,
    /// The places in words ("Kramatorsk (Donetsk Oblast, Ukraine)").
    pub place_summary: String,
    /// The first (most specific) place, with its levels and coordinates.
    pub place: Option<PlaceRecord<'a>>,
    /// The outlet as the store names it (`unknown source` when none).
    pub source: &'a str,
    /// The sentence (the headline for a headline event).
    pub text: String,
    /// The date expression as written.
    pub expression: Option<String>,
    /// The sentence's character offsets in the article (end-exclusive).
    pub span: Option<[usize; 2]>,
    /// Whether this is the article's headline event.
    pub headline: bool,
    /// Whether the date lies after the article's publication.
    pub future: bool,
    /// The event's type.
    pub kind: EventType,
    /// People killed, as the sentence counts them.
    pub killed: Option<u32>,
    /// People injured.
    pub injured: Option<u32>,
    /// The body whose claim the report relays, when it names one.
    pub originator: Option<std::borrow::Cow<'a, str>>,
    /// The article's title (or file name), as display text.
    pub title: String,
    /// The article's file, as found while walking the corpus.
    pub file: String,
    /// The event's cluster, when the store is clustered.
    pub cluster: Option<ClusterRecord>,
}

/// The place of an event with the administrative units around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceRecord<'a> {
    /// The place in the gazetteer.
    pub id: RegionId,
    /// Its display name (ACLED's `location`).
    pub name: &'a str,
    /// The country it lies in (itself for a country).
    pub country: Option<&'a str>,
    /// The first-level region (oblast) it lies in (itself for one).
    pub admin1: Option<&'a str>,
    /// The raion of a Ukrainian settlement, when the codifier gives one.
    pub admin2: Option<&'a str>,
    /// Where it is, and how precisely ([`Gazetteer::coordinates`]).
    pub coordinates: Option<Coordinates>,
}

/// The cluster of an event: the happening its reports tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterRecord {
    /// Stable id.
    pub id: ClusterId,
    /// Reports (articles; a reprint counts with its original).
    pub reports: u32,
    /// Distinct outlets.
    pub outlets: u32,
    /// The type most of its reports give.
    pub kind: EventType,
    /// Lowest and highest killed figures its reports give.
    pub killed: Option<(u32, u32)>,
    /// Lowest and highest injured figures.
    pub injured: Option<(u32, u32)>,
}

impl EventRecord<'_> {
    /// ACLED's `time_precision`: 1 a single day; 2 a week, or a range of
    /// days within seven; 3 a month, a year or a longer range.
    pub fn time_precision(&self) -> u8 {
        let days = (self.date.last - self.date.first).num_days() + 1;
        match self.date.precision {
            DatePrecision::Day if days == 1 => 1,
            DatePrecision::Day | DatePrecision::Week if days <= 7 => 2,
            _ => 3,
        }
    }

    /// The article's publication date, when known.
    pub fn published(&self) -> Option<NaiveDate> {
        self.doc.published.value
    }

    /// The article's URL, when known.
    pub fn url(&self) -> Option<&str> {
        self.doc.url.value.as_deref()
    }

    /// The outlet, when the article names one (unlike [`EventRecord::source`]).
    pub fn outlet(&self) -> Option<&str> {
        self.doc.source.value.as_deref()
    }

    /// The coordinates of the event's place, when it has a place that has any.
    pub fn coordinates(&self) -> Option<Coordinates> {
        self.place.and_then(|p| p.coordinates)
    }
}

/// The records of the events `slice`, in order, each made as it is asked
/// for: what a streaming export reads, so that memory stays flat in the
/// slice's size.
pub fn records_iter<'a, 's>(
    store: &'a EventStore,
    slice: &'s [u32],
) -> impl Iterator<Item = EventRecord<'a>> + use<'a, 's> {
    let mut maker = RecordMaker::new(store);
    slice.iter().map(move |&i| maker.make(i))
}

/// Makes the record of any event of a store, keeping the character index
/// of each article whose offsets it had to count.
pub struct RecordMaker<'a> {
    store: &'a EventStore,
    indexes: HashMap<u32, CharIndex>,
}

impl<'a> RecordMaker<'a> {
    /// A maker for the events of `store`.
    pub fn new(store: &'a EventStore) -> RecordMaker<'a> {
        RecordMaker {
            store,
            indexes: HashMap::new(),
        }
    }

    /// The record of event `i` (an index into [`EventStore::events`]).
    pub fn make(&mut self, i: u32) -> EventRecord<'a> {
        let (store, indexes) = (self.store, &mut self.indexes);
        let gazetteer = store.gazetteer();
        let e = &store.events()[i as usize];
        let doc = store.doc_of(e);
        let span = e.sentence.map(|s| {
            let (start, end) = (s.start as usize, s.end as usize);
            // A compacted text knows the offsets in the whole text.
            if let Some(pair) = doc.source_char(start).zip(doc.source_char(end)) {
                return [pair.0, pair.1];
            }
            let index = indexes
                .entry(e.doc)
                .or_insert_with(|| CharIndex::new(&doc.text));
            [
                index.char_offset(&doc.text, start),
                index.char_offset(&doc.text, end),
            ]
        });
        let cluster = store.clusters().of_event(i).map(|c| ClusterRecord {
            id: c.id,
            reports: c.reports,
            outlets: c.outlets,
            kind: c.kind,
            killed: c.killed,
            injured: c.injured,
        });
        EventRecord {
            index: i,
            id: e.id(doc),
            doc,
            doc_index: e.doc,
            date: e.date,
            date_value: e.date.value(),
            date_label: e.date.label(),
            anchor: e.anchor.as_str(),
            regions: e.region_names(gazetteer),
            mentions: e.mention_names(gazetteer),
            place_summary: e.place_summary(gazetteer),
            place: e.regions.first().map(|&r| place(gazetteer, r)),
            source: &store.sources()[store.source_of(e) as usize],
            text: e.text(doc),
            expression: e
                .expression
                .map(|x| crate::text::display::plain(&doc.text[x.range()])),
            span,
            headline: e.headline,
            future: e.future,
            kind: e.kind,
            killed: e.killed,
            injured: e.injured,
            originator: store.originator_of(i),
            title: crate::text::display::prose(doc.title_or_name()),
            file: doc.path.to_string_lossy().into_owned(),
            cluster,
        }
    }
}

/// A place with its country, oblast, raion and coordinates.
pub fn place(g: &Gazetteer, id: RegionId) -> PlaceRecord<'_> {
    let mut country = None;
    let mut admin1 = None;
    let mut cur = Some(id);
    while let Some(p) = cur {
        let r = g.region(p);
        match r.kind {
            RegionKind::Country if country.is_none() => country = Some(r.name.as_str()),
            RegionKind::Region if admin1.is_none() => admin1 = Some(r.name.as_str()),
            _ => {}
        }
        cur = r.parent;
    }
    PlaceRecord {
        id,
        name: g.region(id).name.as_str(),
        country,
        admin1,
        admin2: g.admin2(id),
        coordinates: g.coordinates(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::GeoPrecision;

    #[test]
    fn a_town_has_its_country_oblast_raion_and_own_coordinates() {
        let g = Gazetteer::builtin();
        let p = place(g, g.lookup("Kramatorsk").unwrap());
        assert_eq!(p.country, Some("Ukraine"));
        assert_eq!(p.admin1, Some("Donetsk Oblast"));
        assert_eq!(p.admin2, Some("Kramatorskyi"));
        assert_eq!(p.coordinates.unwrap().precision, GeoPrecision::Own);
        let p = place(g, g.lookup("Donetsk Oblast").unwrap());
        assert_eq!((p.admin1, p.admin2), (Some("Donetsk Oblast"), None));
        assert_eq!(p.coordinates.unwrap().precision, GeoPrecision::Region);
    }
}
