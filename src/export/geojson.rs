//! The GeoJSON export (RFC 7946): a FeatureCollection with one Point
//! Feature per event whose place has coordinates (WGS84, `[longitude,
//! latitude]`), its id the event's stable id and its properties the
//! columns of [`crate::export::table`], plus `start` and `end` as ISO days
//! so that QGIS's temporal controller can animate them. Events without a
//! place with coordinates are left out and counted for the caller to say.

use serde_json::{Map, Value as Json, json};

use crate::export::record::EventRecord;
use crate::export::table::{COLUMNS, Row, Value, cells};

/// Writes the records as GeoJSON into `out`, one Feature as each record
/// comes; returns how many events had no coordinates (left out).
///
/// # Errors
/// The writer's.
pub fn write<'a>(
    records: impl Iterator<Item = EventRecord<'a>>,
    timestamp: i64,
    out: &mut dyn std::io::Write,
) -> std::io::Result<usize> {
    let missing = std::cell::Cell::new(0);
    let features = records.filter_map(|record| {
        let record = &record;
        let Some(c) = record.coordinates() else {
            missing.set(missing.get() + 1);
            return None;
        };
        let mut properties = Map::new();
        properties.insert("start".into(), json!(day(record.date.first)));
        properties.insert("end".into(), json!(day(record.date.last)));
        for (column, value) in COLUMNS.iter().zip(cells(&Row { record, timestamp })) {
            properties.insert(column.name.into(), to_json(value));
        }
        Some(json!({
            "type": "Feature",
            "id": record.id.to_string(),
            "geometry": {"type": "Point", "coordinates": [c.lon, c.lat]},
            "properties": properties,
        }))
    });
    // The members in the order `serde_json`'s maps keep them (by name).
    #[derive(serde::Serialize)]
    struct Collection<F: serde::Serialize> {
        features: F,
        #[serde(rename = "type")]
        kind: &'static str,
    }
    crate::export::json::write_pretty(
        &Collection {
            features: crate::export::json::Lazy::new(features),
            kind: "FeatureCollection",
        },
        out,
    )?;
    Ok(missing.get())
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn to_json(v: Value) -> Json {
    match v {
        Value::Text(s) => s.map_or(Json::Null, |s| Json::String(s.into_owned())),
        Value::Int(n) => n.map_or(Json::Null, Json::from),
        Value::Float(x) => x.map_or(Json::Null, Json::from),
        Value::Date(d) => d.map_or(Json::Null, |d| Json::String(day(d))),
        Value::Bool(b) => b.map_or(Json::Null, Json::Bool),
    }
}
