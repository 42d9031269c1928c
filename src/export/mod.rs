//! Exports of a slice of the store: a Markdown briefing, a JSON dump, and
//! tables for analysts and maps (CSV after ACLED's columns, GeoJSON,
//! Parquet). Every format reads the same [`record::EventRecord`]s, built
//! once per exported event, and is chosen by one value
//! ([`format::ExportFormat`]) that the command line and the terminal app
//! pass to [`write`] (or [`render`], into memory). All are pure functions
//! of the store, the query, the slice and the time; writing the result to
//! disk safely is the [`mod@write`] module's job.

pub mod csv;
pub mod format;
pub mod geojson;
pub mod json;
pub mod markdown;
pub mod parquet;
pub mod record;
pub mod table;
pub mod write;

use chrono::{DateTime, Utc};

pub use format::ExportFormat;

use crate::query::{Query, Slice};
use crate::store::EventStore;

/// An export's bytes, and what the user should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Notes for the user (standard error, the status line): events a
    /// format could not hold ("3 events without coordinates ...").
    pub notes: Vec<String>,
}

/// Writes `slice` (made with `query`) in `format` into `out`, stamped with
/// `now` (the briefing's "Made", the tables' `timestamp`); returns the
/// notes for the user ([`Rendered::notes`]). Every format is written as
/// it is made, one event (a Markdown bullet, a Parquet row group of 65,536
/// events) at a time, so memory stays flat in the slice's size. Errors are
/// messages for the user: Parquet in a build without the `parquet`
/// feature, a table writer's failure, or `out`'s ("cannot write the
/// export: ...").
pub fn write(
    store: &EventStore,
    query: &Query,
    slice: &Slice,
    format: ExportFormat,
    now: DateTime<Utc>,
    out: &mut dyn std::io::Write,
) -> Result<Vec<String>, String> {
    if !format.available() {
        return Err(parquet::UNAVAILABLE.to_owned());
    }
    let failed = |e: std::io::Error| format!("cannot write the export: {e}");
    let timestamp = now.timestamp();
    let streamed = || record::records_iter(store, &slice.events);
    let mut notes = Vec::new();
    match format {
        ExportFormat::Json => json::write(store, &slice.events, out).map_err(failed)?,
        ExportFormat::Csv => csv::write(streamed(), timestamp, out)?,
        ExportFormat::GeoJson => {
            let missing = geojson::write(streamed(), timestamp, out).map_err(failed)?;
            if missing > 0 {
                let (has, them) = if missing == 1 {
                    ("has", "it")
                } else {
                    ("have", "them")
                };
                notes.push(format!(
                    "{missing} of the {} events {has} no place with coordinates; \
                     the GeoJSON leaves {them} out",
                    slice.events.len()
                ));
            }
        }
        ExportFormat::Markdown => markdown::write(store, query, slice, now, out).map_err(failed)?,
        ExportFormat::Parquet => parquet::write(streamed(), timestamp, out)?,
    }
    Ok(notes)
}

/// Renders `slice` in `format` into memory: [`write`] into a buffer.
pub fn render(
    store: &EventStore,
    query: &Query,
    slice: &Slice,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<Rendered, String> {
    let mut bytes = Vec::new();
    let notes = write(store, query, slice, format, now, &mut bytes)?;
    Ok(Rendered { bytes, notes })
}

/// Converts byte offsets in a text to character offsets, quickly for many
/// offsets in one long text (checkpoints every [`CharIndex::STEP`] bytes).
#[derive(Debug)]
pub struct CharIndex {
    checkpoints: Vec<usize>,
}

impl CharIndex {
    /// Bytes between checkpoints.
    pub const STEP: usize = 4096;

    /// Builds the index of a text.
    pub fn new(text: &str) -> CharIndex {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut chars = 0;
        let bytes = text.as_bytes();
        for chunk in bytes.chunks(Self::STEP) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        CharIndex { checkpoints }
    }

    /// Character offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let block = byte / Self::STEP;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let start = (block * Self::STEP).min(text.len());
        base + text.as_bytes()[start..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_counting() {
        let text = "Київ – Kyiv ".repeat(1000);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().step_by(97) {
            assert_eq!(index.char_offset(&text, byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(&text, text.len()), text.chars().count());
    }
}
