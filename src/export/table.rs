//! The columns of the tabular exports, read off [`EventRecord`]s: one
//! table ([`COLUMNS`]) that CSV writes as text, Parquet as typed columns
//! and GeoJSON as each Feature's properties, so the three cannot disagree.
//!
//! ACLED's column names come first where the meaning is the same:
//!
//! | column | value |
//! |---|---|
//! | `event_id_cnty` | frontlog's stable event id (16 hex digits) |
//! | `event_date` | the first day of the event's dates (ISO `YYYY-MM-DD`) |
//! | `year` | that day's year |
//! | `time_precision` | 1 a day; 2 a week or a range of days within seven; 3 a month, a year or longer |
//! | `event_type` | ACLED's name for ACLED's types ("Explosions/Remote violence"), frontlog's label for its own ("Talks and meetings") |
//! | `country`, `admin1`, `admin2`, `location` | the country, oblast (first-level region), raion (Ukrainian settlements only) and name of the event's most specific place |
//! | `latitude`, `longitude` | WGS84 degrees of that place |
//! | `geo_precision` | 1 the settlement's own coordinates; 2 a small settlement placed at its hromada's or raion's centre; 3 an oblast's or country's capital (or largest town) |
//! | `source` | the article's outlet (`unknown source` when none is known) |
//! | `notes` | the sentence |
//! | `fatalities` | people killed, as the sentence counts them; empty when it gives no count |
//! | `timestamp` | when the export was made, Unix seconds |
//!
//! then frontlog's own: `end_date`, `date_label`, `date_precision`,
//! `date_expression` (as written), `date_value` (at its precision), `anchor`,
//! `future`, `headline`, `event_type_code`, `injured`, `places` (every
//! place in words), `mentions`, `originator`, `article_id`, `article_title`,
//! `article_url`, `article_file`, `article_published`, and, when the store
//! is clustered, `cluster_id`, `cluster_reports`, `cluster_outlets`,
//! `cluster_type` and the lowest and highest killed and injured figures
//! its reports give. A cell frontlog cannot fill is empty (null).

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::export::record::EventRecord;

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// A whole number (counts, codes, years, Unix seconds).
    Int,
    /// A floating-point number (degrees).
    Float,
    /// A calendar day.
    Date,
    /// True or false.
    Bool,
}

/// One cell: a value of its column's type, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'r> {
    /// Text.
    Text(Option<Cow<'r, str>>),
    /// A whole number.
    Int(Option<i64>),
    /// Degrees.
    Float(Option<f64>),
    /// A day.
    Date(Option<NaiveDate>),
    /// A flag.
    Bool(Option<bool>),
}

impl Value<'_> {
    /// The same value, owning its text.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Text(t) => Value::Text(t.map(|t| Cow::Owned(t.into_owned()))),
            Value::Int(n) => Value::Int(n),
            Value::Float(f) => Value::Float(f),
            Value::Date(d) => Value::Date(d),
            Value::Bool(b) => Value::Bool(b),
        }
    }
}

/// What a table row is read from: the record and the export's time.
#[derive(Debug, Clone, Copy)]
pub struct Row<'r, 'a> {
    /// The event.
    pub record: &'r EventRecord<'a>,
    /// When the export was made, Unix seconds (ACLED's `timestamp`).
    pub timestamp: i64,
}

/// A column: its name, type and how its cell is read off a row.
pub struct Column {
    /// The header.
    pub name: &'static str,
    /// The values' type.
    pub kind: ColumnType,
    /// The cell of a row.
    pub get: for<'r, 'a> fn(&Row<'r, 'a>) -> Value<'r>,
}

fn text<'r>(s: &'r str) -> Value<'r> {
    Value::Text(Some(Cow::Borrowed(s)))
}

fn opt_text<'r>(s: Option<&'r str>) -> Value<'r> {
    Value::Text(s.map(Cow::Borrowed))
}

fn int(n: Option<u32>) -> Value<'static> {
    Value::Int(n.map(i64::from))
}

/// Every column, in order.
pub const COLUMNS: &[Column] = &[
    Column {
        name: "event_id_cnty",
        kind: ColumnType::Text,
        get: |r| Value::Text(Some(Cow::Owned(r.record.id.to_string()))),
    },
    Column {
        name: "event_date",
        kind: ColumnType::Date,
        get: |r| Value::Date(Some(r.record.date.first)),
    },
    Column {
        name: "year",
        kind: ColumnType::Int,
        get: |r| Value::Int(Some(i64::from(r.record.date.first.year()))),
    },
    Column {
        name: "time_precision",
        kind: ColumnType::Int,
        get: |r| Value::Int(Some(i64::from(r.record.time_precision()))),
    },
    Column {
        name: "event_type",
        kind: ColumnType::Text,
        get: |r| text(r.record.kind.label()),
    },
    Column {
        name: "country",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.place.and_then(|p| p.country)),
    },
    Column {
        name: "admin1",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.place.and_then(|p| p.admin1)),
    },
    Column {
        name: "admin2",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.place.and_then(|p| p.admin2)),
    },
    Column {
        name: "location",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.place.map(|p| p.name)),
    },
    Column {
        name: "latitude",
        kind: ColumnType::Float,
        get: |r| Value::Float(r.record.coordinates().map(|c| c.lat)),
    },
    Column {
        name: "longitude",
        kind: ColumnType::Float,
        get: |r| Value::Float(r.record.coordinates().map(|c| c.lon)),
    },
    Column {
        name: "geo_precision",
        kind: ColumnType::Int,
        get: |r| {
            Value::Int(
                r.record
                    .coordinates()
                    .map(|c| i64::from(c.precision.code())),
            )
        },
    },
    Column {
        name: "source",
        kind: ColumnType::Text,
        get: |r| text(r.record.source),
    },
    Column {
        name: "notes",
        kind: ColumnType::Text,
        get: |r| text(&r.record.text),
    },
    Column {
        name: "fatalities",
        kind: ColumnType::Int,
        get: |r| int(r.record.killed),
    },
    Column {
        name: "timestamp",
        kind: ColumnType::Int,
        get: |r| Value::Int(Some(r.timestamp)),
    },
    Column {
        name: "end_date",
        kind: ColumnType::Date,
        get: |r| Value::Date(Some(r.record.date.last)),
    },
    Column {
        name: "date_label",
        kind: ColumnType::Text,
        get: |r| text(&r.record.date_label),
    },
    Column {
        name: "date_precision",
        kind: ColumnType::Text,
        get: |r| text(precision_name(r.record)),
    },
    Column {
        name: "date_expression",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.expression.as_deref()),
    },
    Column {
        name: "date_value",
        kind: ColumnType::Text,
        get: |r| text(&r.record.date_value),
    },
    Column {
        name: "anchor",
        kind: ColumnType::Text,
        get: |r| text(r.record.anchor),
    },
    Column {
        name: "future",
        kind: ColumnType::Bool,
        get: |r| Value::Bool(Some(r.record.future)),
    },
    Column {
        name: "headline",
        kind: ColumnType::Bool,
        get: |r| Value::Bool(Some(r.record.headline)),
    },
    Column {
        name: "event_type_code",
        kind: ColumnType::Text,
        get: |r| text(r.record.kind.code()),
    },
    Column {
        name: "injured",
        kind: ColumnType::Int,
        get: |r| int(r.record.injured),
    },
    Column {
        name: "places",
        kind: ColumnType::Text,
        get: |r| text(&r.record.place_summary),
    },
    Column {
        name: "mentions",
        kind: ColumnType::Text,
        get: |r| {
            let m = &r.record.mentions;
            Value::Text((!m.is_empty()).then(|| Cow::Owned(m.join("; "))))
        },
    },
    Column {
        name: "originator",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.originator.as_deref()),
    },
    Column {
        name: "article_id",
        kind: ColumnType::Text,
        get: |r| text(&r.record.doc.id),
    },
    Column {
        name: "article_title",
        kind: ColumnType::Text,
        get: |r| text(&r.record.title),
    },
    Column {
        name: "article_url",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.url()),
    },
    Column {
        name: "article_file",
        kind: ColumnType::Text,
        get: |r| text(&r.record.file),
    },
    Column {
        name: "article_published",
        kind: ColumnType::Date,
        get: |r| Value::Date(r.record.published()),
    },
    Column {
        name: "cluster_id",
        kind: ColumnType::Text,
        get: |r| Value::Text(r.record.cluster.map(|c| Cow::Owned(c.id.to_string()))),
    },
    Column {
        name: "cluster_reports",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.map(|c| c.reports)),
    },
    Column {
        name: "cluster_outlets",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.map(|c| c.outlets)),
    },
    Column {
        name: "cluster_type",
        kind: ColumnType::Text,
        get: |r| opt_text(r.record.cluster.map(|c| c.kind.code())),
    },
    Column {
        name: "cluster_killed_low",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.and_then(|c| c.killed).map(|k| k.0)),
    },
    Column {
        name: "cluster_killed_high",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.and_then(|c| c.killed).map(|k| k.1)),
    },
    Column {
        name: "cluster_injured_low",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.and_then(|c| c.injured).map(|k| k.0)),
    },
    Column {
        name: "cluster_injured_high",
        kind: ColumnType::Int,
        get: |r| int(r.record.cluster.and_then(|c| c.injured).map(|k| k.1)),
    },
];

fn precision_name(r: &EventRecord) -> &'static str {
    match r.date.precision {
        crate::extract::DatePrecision::Day => "day",
        crate::extract::DatePrecision::Week => "week",
        crate::extract::DatePrecision::Month => "month",
        crate::extract::DatePrecision::Year => "year",
    }
}

/// The cells of one row, in [`COLUMNS`] order.
pub fn cells<'r>(row: &Row<'r, '_>) -> Vec<Value<'r>> {
    COLUMNS.iter().map(|c| (c.get)(row)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_acleds_come_first() {
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(names[0], "event_id_cnty");
        assert_eq!(names[15], "timestamp");
    }
}
