//! The JSON export: `{"documents": [...], "events": [...]}` with every
//! article of the corpus and the events of the slice. Offsets (`span`) are
//! in characters, end-exclusive, into the article's text.

use serde::Serialize;

use std::io::Write;

use crate::corpus::Document;
use crate::export::record::{self, EventRecord};
use crate::store::EventStore;

#[derive(Serialize)]
struct Output<D: Serialize, E: Serialize> {
    documents: D,
    events: E,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    path: String,
    source: Option<&'a str>,
    source_from: &'static str,
    title: Option<String>,
    title_from: &'static str,
    published: Option<String>,
    published_from: &'static str,
    url: Option<&'a str>,
    url_from: &'static str,
    /// Whom the article relays, as its format states it (Telegram's
    /// `forwarded_from`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    originator: Option<&'a str>,
    /// ISO 639-1 code (`en`, `uk`, `ru`) or `other`; absent when unknown.
    lang: Option<&'static str>,
    lang_from: &'static str,
    /// The detector's confidence (0.0–1.0) when the language was detected.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang_confidence: Option<f32>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    /// Stable id ([`crate::extract::EventId`]): 16 hex digits.
    id: String,
    /// Stable id of the event's cluster (its reports of one happening);
    /// absent when the store was not clustered.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    /// Reports and outlets in the cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster_reports: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster_outlets: Option<u32>,
    /// The cluster's type (the one most of its reports give), and the
    /// lowest and highest killed and injured figures its reports give.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster_killed: Option<[u32; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster_injured: Option<[u32; 2]>,
    /// The body whose claim the report relays (the General Staff, a
    /// governor; a Telegram channel it forwards), when it names one.
    originator: Option<std::borrow::Cow<'a, str>>,
    doc: &'a str,
    date: String,
    label: String,
    start: String,
    end: String,
    precision: crate::extract::DatePrecision,
    anchor: &'static str,
    regions: Vec<&'a str>,
    /// Places the sentence names without placing the happening there.
    mentions: Vec<&'a str>,
    source: &'a str,
    text: String,
    expression: Option<String>,
    span: Option<[usize; 2]>,
    headline: bool,
    future: bool,
    /// The event's type: a code of [`crate::extract::EventType::code`]
    /// (`explosions_remote_violence`, `talks`, `other`, ...).
    #[serde(rename = "type")]
    kind: &'static str,
    /// The type's display name ("Explosions/Remote violence").
    type_label: &'static str,
    /// People killed in the happening, as the sentence counts them; null
    /// when it gives no count.
    killed: Option<u32>,
    /// People injured in the happening; null when not counted.
    injured: Option<u32>,
}

/// Writes the articles of the store and the events `slice` (indexes into
/// [`crate::store::EventStore::events`], in order) as JSON into `out`, as
/// it goes: one article or event is made at a time, so memory stays flat
/// in the slice's size. The bytes are those of `serde_json`'s pretty
/// printer, unsafe characters escaped ([`escape_unsafe`]), and a final
/// newline.
///
/// # Errors
/// The writer's.
pub fn write(
    store: &EventStore,
    slice: &[u32],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let documents = Lazy::new(store.documents().iter().map(document_out));
    let events = Lazy::new(record::records_iter(store, slice).map(event_out));
    write_pretty(&Output { documents, events }, out)
}

/// Writes `value` with `serde_json`'s pretty printer into `out` as it goes,
/// unsafe characters escaped ([`escape_unsafe`]), and a final newline.
///
/// # Errors
/// The writer's.
pub(crate) fn write_pretty(
    value: &impl Serialize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut safe = SafeWriter::new(out);
    serde_json::to_writer_pretty(&mut safe, value).map_err(std::io::Error::other)?;
    safe.write_all(b"\n")?;
    safe.flush()
}

/// An article as the JSON export writes it.
fn document_out(d: &Document) -> DocumentOut<'_> {
    DocumentOut {
        id: &d.id,
        path: d.path.to_string_lossy().into_owned(),
        source: d.source.value.as_deref(),
        source_from: d.source.from.as_str(),
        title: d.title.value.as_deref().map(crate::text::display::prose),
        title_from: d.title.from.as_str(),
        published: d.published.value.map(|p| p.format("%Y-%m-%d").to_string()),
        published_from: d.published.from.as_str(),
        url: d.url.value.as_deref(),
        url_from: d.url.from.as_str(),
        originator: d.originator.as_deref(),
        lang: d.lang.value.map(crate::lang::Lang::code),
        lang_from: d.lang.from.as_str(),
        lang_confidence: d.lang_confidence.map(|c| (c * 100.0).round() / 100.0),
    }
}

/// An event as the JSON export writes it.
fn event_out(r: EventRecord<'_>) -> EventOut<'_> {
    let cluster = r.cluster.as_ref();
    EventOut {
        id: r.id.to_string(),
        cluster: cluster.map(|c| c.id.to_string()),
        cluster_reports: cluster.map(|c| c.reports),
        cluster_outlets: cluster.map(|c| c.outlets),
        cluster_type: cluster.map(|c| c.kind.code()),
        cluster_killed: cluster.and_then(|c| c.killed).map(|(a, b)| [a, b]),
        cluster_injured: cluster.and_then(|c| c.injured).map(|(a, b)| [a, b]),
        originator: r.originator,
        doc: &r.doc.id,
        date: r.date_value,
        label: r.date_label,
        start: r.date.first.format("%Y-%m-%d").to_string(),
        end: r.date.last.format("%Y-%m-%d").to_string(),
        precision: r.date.precision,
        anchor: r.anchor,
        regions: r.regions,
        mentions: r.mentions,
        source: r.source,
        text: r.text,
        expression: r.expression,
        span: r.span,
        headline: r.headline,
        future: r.future,
        kind: r.kind.code(),
        type_label: r.kind.label(),
        killed: r.killed,
        injured: r.injured,
    }
}

/// A sequence serialized from an iterator, one item at a time (once).
pub(crate) struct Lazy<I>(std::cell::RefCell<Option<I>>);

impl<I> Lazy<I> {
    /// A sequence of `items`, to be serialized once.
    pub(crate) fn new(items: I) -> Lazy<I> {
        Lazy(std::cell::RefCell::new(Some(items)))
    }
}

impl<I> Serialize for Lazy<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| serde::ser::Error::custom("a sequence can be written once"))?;
        serializer.collect_seq(items)
    }
}

/// A writer that passes text on with the characters [`escape_unsafe`]
/// escapes escaped; a character split between two writes waits for its
/// other bytes.
struct SafeWriter<'w> {
    out: &'w mut dyn std::io::Write,
    /// The start of a character whose other bytes have not come yet.
    pending: Vec<u8>,
}

impl<'w> SafeWriter<'w> {
    fn new(out: &'w mut dyn std::io::Write) -> SafeWriter<'w> {
        SafeWriter {
            out,
            pending: Vec::new(),
        }
    }
}

impl std::io::Write for SafeWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            // An incomplete character at the end waits; invalid bytes
            // (which serde_json never writes) pass as they are.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => {
                self.out.write_all(&self.pending)?;
                self.pending.clear();
                return Ok(buf.len());
            }
        };
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        if text.chars().any(needs_escape) {
            self.out.write_all(escape_unsafe(text).as_bytes())?;
        } else {
            self.out.write_all(text.as_bytes())?;
        }
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.out.flush()
    }
}

/// Whether [`escape_unsafe`] writes `c` as an escape.
fn needs_escape(c: char) -> bool {
    crate::text::display::is_unsafe_char(c) && !matches!(c, '\n' | '\r' | '\t' | ' ')
}

/// Writes the characters that must not reach a terminal raw (C1 controls,
/// bidirectional overrides such as U+202E) as JSON `\u` escapes. serde_json
/// escapes only the C0 controls, which are therefore never raw here: every
/// other unsafe character can only stand inside a string, so the escape
/// keeps the JSON valid and its values unchanged.
pub(crate) fn escape_unsafe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if needs_escape(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod escape_tests {
    use super::{SafeWriter, escape_unsafe};
    use std::io::Write;

    #[test]
    fn a_character_split_between_writes_is_escaped_whole() {
        let text = "\"a\u{202e}b Київ\u{9b}\"";
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out);
            // One byte at a time: every multi-byte character is split.
            for b in bytes {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
            w.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), escape_unsafe(text));
    }

    #[test]
    fn unsafe_characters_become_json_escapes_with_the_same_value() {
        let raw = serde_json::to_string_pretty(&serde_json::json!({
            "path": "a\u{202e}b\u{9b}c",
            "n": 1
        }))
        .unwrap();
        let safe = escape_unsafe(&raw);
        assert!(safe.contains(r"a\u202eb\u009bc"), "{safe}");
        assert!(!safe.contains('\u{202e}') && !safe.contains('\u{9b}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["path"], "a\u{202e}b\u{9b}c");
        assert!(safe.contains('\n'), "the layout's newlines stay");
    }
}
