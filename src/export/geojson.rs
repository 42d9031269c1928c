//! The GeoJSON export (RFC 7946): a FeatureCollection with one Point
//! Feature per event whose place has coordinates (WGS84, `[longitude,
//! latitude]`), its id the event's stable id and its properties the
//! columns of [`crate::export::table`], plus `start` and `end` as ISO days
//! so that QGIS's temporal controller can animate them. Events without a
//! place with coordinates are left out and counted for the caller to say.

use serde_json::{Map, Value as Json, json};

use crate::export::record::EventRecord;
use crate::export::table::{COLUMNS, Row, Value, cells};

/// The GeoJSON text and how many events had no coordinates.
pub fn render(records: &[EventRecord], timestamp: i64) -> (String, usize) {
    let mut missing = 0;
    let mut features = Vec::with_capacity(records.len());
    for record in records {
        let Some(c) = record.coordinates() else {
            missing += 1;
            continue;
        };
        let mut properties = Map::new();
        properties.insert("start".into(), json!(day(record.date.first)));
        properties.insert("end".into(), json!(day(record.date.last)));
        for (column, value) in COLUMNS.iter().zip(cells(&Row { record, timestamp })) {
            properties.insert(column.name.into(), to_json(value));
        }
        features.push(json!({
            "type": "Feature",
            "id": record.id.to_string(),
            "geometry": {"type": "Point", "coordinates": [c.lon, c.lat]},
            "properties": properties,
        }));
    }
    let collection = json!({"type": "FeatureCollection", "features": features});
    let text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    let mut text = crate::export::json::escape_unsafe(&text);
    text.push('\n');
    (text, missing)
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
