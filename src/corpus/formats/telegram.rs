//! Telegram Desktop exports (`result.json`): a single chat's export with
//! `messages`, or a full export with `chats.list[].messages`. One message
//! is one article whose number is the message `id`; the channel's `name`
//! is the outlet. The date is `date_unixtime` (UTC) when present, else
//! `date` (the exporting computer's local time) turned to UTC in the
//! manifest's `tz`, else the day `date` names. With the manifest's
//! `username`, a message's address is `https://t.me/<username>/<id>`;
//! `forwarded_from` is kept as the originator. The text is
//! `text_entities` when present, else `text` (a string, or an array of
//! strings and `{type, text}` entities). Service messages and messages
//! without text (a photo alone) are skipped and counted in a warning.
//!
//! The export is read as a stream of messages: each is parsed on its own
//! and turned into an article at once, so an export of 100,000 messages is
//! never held as one JSON tree beside its text.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone as _};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Hints, Item, Read, Reader};

mod entities;
use entities::message;

/// The Telegram export reader.
pub const READER: Reader = Reader {
    name: "Telegram export",
    sniff,
    read,
    stream: Some(stream),
};

fn sniff(path: &Path, head: &[u8]) -> bool {
    let json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    json && text.trim_start().starts_with('{')
        && (text.contains("\"messages\"") || text.contains("\"chats\""))
        && [
            "_channel\"",
            "_group\"",
            "personal_chat\"",
            "\"chats\"",
            "\"date_unixtime\"",
        ]
        .iter()
        .any(|k| text.contains(k))
}

fn read(_path: &Path, text: &str, hints: &Hints) -> Result<Read, String> {
    let mut items = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let warnings = read_from(&mut de, hints, &mut |item| items.push(item))?;
    Ok(Read {
        items,
        warnings,
        whole_file: false,
    })
}

/// Reads an export from its file a message at a time, handing each
/// article to `each` as soon as its chat's name is known: neither the
/// file's text nor its articles are ever held whole. Returns the warnings.
/// Errors: the file cannot be opened, is not JSON, or holds no chat.
fn stream(path: &Path, hints: &Hints, each: &mut dyn FnMut(Item)) -> Result<Vec<String>, String> {
    use std::io::{BufRead as _, BufReader};
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    // A byte-order mark is no JSON.
    if reader
        .fill_buf()
        .map_err(|e| e.to_string())?
        .starts_with(b"\xEF\xBB\xBF")
    {
        reader.consume(3);
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    read_from(&mut de, hints, each)
}

/// The streaming read over any JSON source, shared by [`read`] and
/// [`stream`].
fn read_from<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    hints: &Hints,
    each: &mut dyn FnMut(Item),
) -> Result<Vec<String>, String> {
    let mut state = State {
        hints,
        each,
        name: None,
        pending: Vec::new(),
        service: 0,
        empty: 0,
        chats: 0,
    };
    ChatSeed(&mut state)
        .deserialize(&mut *de)
        .and_then(|()| de.end())
        .map_err(|e| e.to_string())?;
    let State {
        service,
        empty,
        chats,
        ..
    } = state;
    if chats == 0 {
        return Err("no chat with messages found".into());
    }
    let mut warnings = Vec::new();
    if service + empty > 0 {
        warnings.push(format!(
            "{service} service message{} and {empty} message{} without text skipped",
            if service == 1 { "" } else { "s" },
            if empty == 1 { "" } else { "s" }
        ));
    }
    Ok(warnings)
}

/// What the streaming read keeps between messages.
struct State<'h, 'e> {
    hints: &'h Hints,
    /// Where finished articles go.
    each: &'e mut dyn FnMut(Item),
    /// The name of the chat being read, once its `name` key is met.
    name: Option<String>,
    /// Articles of chats whose name comes after their messages: held until
    /// the chat's end gives it.
    pending: Vec<Item>,
    service: usize,
    empty: usize,
    /// Chats with a `messages` array met.
    chats: usize,
}

impl State<'_, '_> {
    /// Hands an article on, or holds it until its chat's name is known.
    fn emit(&mut self, mut item: Item) {
        match &self.name {
            Some(name) => {
                item.source = Some(name.clone());
                (self.each)(item);
            }
            None => self.pending.push(item),
        }
    }
}

/// A chat object (or the top level of an export, which is one chat or holds
/// `chats.list`), read key by key: each message is turned into an article
/// as it is parsed, so the export is never held as one JSON tree.
struct ChatSeed<'s, 'h, 'e>(&'s mut State<'h, 'e>);

impl<'de> DeserializeSeed<'de> for ChatSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ChatSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Telegram export object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        let outer = state.name.take();
        let first = state.pending.len();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "name" => state.name = map.next_value::<Option<String>>()?,
                "messages" => {
                    state.chats += 1;
                    map.next_value_seed(MessagesSeed(&mut *state))?;
                }
                "chats" => map.next_value_seed(ChatListSeed(&mut *state))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        // The chat's name may come after its messages (or never).
        for mut item in state.pending.drain(first..).collect::<Vec<_>>() {
            item.source.clone_from(&state.name);
            (state.each)(item);
        }
        state.name = outer;
        Ok(())
    }
}

/// A full export's `chats` object: its `list` holds the chats.
struct ChatListSeed<'s, 'h, 'e>(&'s mut State<'h, 'e>);

impl<'de> DeserializeSeed<'de> for ChatListSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ChatListSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the `chats` object of a full export")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "list" {
                map.next_value_seed(EachSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The array of chats of a full export.
struct EachSeed<'s, 'h, 'e>(&'s mut State<'h, 'e>);

impl<'de> DeserializeSeed<'de> for EachSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EachSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of chats")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(ChatSeed(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

/// A chat's `messages` array, one message (a small JSON value) at a time.
struct MessagesSeed<'s, 'h, 'e>(&'s mut State<'h, 'e>);

impl<'de> DeserializeSeed<'de> for MessagesSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MessagesSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of messages")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        let mut i = 0u64;
        while let Some(m) = seq.next_element::<Value>()? {
            i += 1;
            if let Some(item) = message_item(state, &m, i) {
                state.emit(item);
            }
        }
        Ok(())
    }
}

/// The article of one message (its 1-based position `i` numbers it when it
/// has no `id`), or `None` for a service or text-less message, counted.
fn message_item(state: &mut State, m: &Value, i: u64) -> Option<Item> {
    if m.get("type").and_then(Value::as_str) != Some("message") {
        state.service += 1;
        return None;
    }
    let entities::Message { title, body } = message(m);
    if body.trim().is_empty() {
        state.empty += 1;
        return None;
    }
    let n = m.get("id").and_then(Value::as_u64).unwrap_or(i);
    Some(Item {
        n,
        untitled: title.is_none(),
        title,
        published: date_of(m, state.hints.tz),
        url: state
            .hints
            .username
            .as_ref()
            .map(|u| format!("https://t.me/{u}/{n}")),
        body,
        originator: m
            .get("forwarded_from")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned),
        ..Item::default()
    })
}

/// The message's day (UTC): `date_unixtime`, else `date` read as local
/// time in `tz`, else the day part of `date`.
fn date_of(m: &Value, tz: Option<chrono_tz::Tz>) -> Option<(NaiveDate, &'static str)> {
    let unix = m.get("date_unixtime").and_then(|v| match v {
        Value::String(s) => s.parse::<i64>().ok(),
        Value::Number(n) => n.as_i64(),
        _ => None,
    });
    if let Some(t) = unix.and_then(|s| DateTime::from_timestamp(s, 0)) {
        return Some((t.date_naive(), "date_unixtime"));
    }
    let local = m.get("date").and_then(Value::as_str)?;
    if let Some(tz) = tz
        && let Ok(t) = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S")
        && let Some(t) = tz.from_local_datetime(&t).earliest()
    {
        return Some((t.naive_utc().date(), "date"));
    }
    NaiveDate::parse_from_str(local.get(..10)?, "%Y-%m-%d")
        .ok()
        .map(|d| (d, "date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = r#"{
 "name": "Harbour Watch",
 "type": "public_channel",
 "id": 1001,
 "messages": [
  {"id": 7, "type": "service", "date": "2024-02-01T09:00:00", "action": "create_channel"},
  {"id": 8, "type": "message", "date": "2024-02-01T23:30:00", "date_unixtime": "1706830200",
   "from": "Harbour Watch", "text": ["Drones hit the ", {"type": "bold", "text": "port"}, " tonight."],
   "text_entities": [{"type": "plain", "text": "Drones hit the "}, {"type": "bold", "text": "port"}, {"type": "plain", "text": " tonight."}]},
  {"id": 9, "type": "message", "date": "2024-02-02T08:00:00", "photo": "photos/1.jpg", "text": ""},
  {"id": 10, "type": "message", "date": "2024-02-02T10:15:00", "forwarded_from": "Air Force", "text": "Air alert lifted."}
 ]
}"#;

    fn read_plain(path: &Path, text: &str) -> Result<Read, String> {
        read(path, text, &Hints::default())
    }

    #[test]
    fn messages_are_articles_numbered_by_id_and_dated_in_utc() {
        let r = read_plain(Path::new("result.json"), EXPORT).unwrap();
        assert_eq!(r.items.len(), 2);
        let a = &r.items[0];
        assert_eq!(a.n, 8);
        assert_eq!(a.body, "Drones hit the port tonight.");
        assert_eq!(a.source.as_deref(), Some("Harbour Watch"));
        // 1706830200 is 2024-02-01T23:30:00Z.
        assert_eq!(
            a.published,
            NaiveDate::from_ymd_opt(2024, 2, 1).map(|d| (d, "date_unixtime"))
        );
        assert_eq!(r.items[1].published.map(|p| p.1), Some("date"));
        assert_eq!(
            r.warnings,
            ["1 service message and 1 message without text skipped"]
        );
    }

    #[test]
    fn a_full_export_lists_its_chats() {
        let full = format!(r#"{{"about": "x", "chats": {{"about": "y", "list": [{EXPORT}]}}}}"#);
        assert_eq!(
            read_plain(Path::new("result.json"), &full)
                .unwrap()
                .items
                .len(),
            2
        );
        assert!(sniff(Path::new("result.json"), full.as_bytes()));
        assert!(sniff(Path::new("result.json"), EXPORT.as_bytes()));
        assert!(!sniff(
            Path::new("news.json"),
            br#"{"articles": [{"title": "x"}]}"#
        ));
    }

    /// What [`stream`] hands over for an export written to a file.
    fn streamed(export: &[u8]) -> (Vec<Item>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        std::fs::write(&path, export).unwrap();
        let mut items = Vec::new();
        let warnings = stream(&path, &Hints::default(), &mut |i| items.push(i)).unwrap();
        (items, warnings)
    }

    #[test]
    fn the_streamed_read_gives_what_the_whole_read_gives() {
        let whole = read_plain(Path::new("result.json"), EXPORT).unwrap();
        let (items, warnings) = streamed(EXPORT.as_bytes());
        assert_eq!(items, whole.items);
        assert_eq!(warnings, whole.warnings);
        // A byte-order mark before the export is no JSON, and is skipped.
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), EXPORT.as_bytes()].concat();
        assert_eq!(streamed(&with_bom).0, whole.items);
        // A full export of two chats, one naming itself after its messages.
        let late = r#"{"type": "public_channel", "messages": [
          {"id": 1, "type": "message", "date": "2024-02-03T10:00:00", "text": "Shelling reported."}],
          "name": "Late Name"}"#;
        let full = format!(r#"{{"chats": {{"list": [{EXPORT}, {late}]}}}}"#);
        let (items, _) = streamed(full.as_bytes());
        let sources: Vec<_> = items.iter().map(|i| i.source.as_deref()).collect();
        assert_eq!(
            sources,
            [
                Some("Harbour Watch"),
                Some("Harbour Watch"),
                Some("Late Name")
            ]
        );
    }

    #[test]
    fn a_truncated_export_is_an_error_naming_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("result.json");
        std::fs::write(&path, &EXPORT[..EXPORT.len() / 2]).unwrap();
        let err = stream(&path, &Hints::default(), &mut |_| {}).unwrap_err();
        assert!(err.contains("line"), "{err}");
    }

    #[test]
    fn the_manifest_zone_and_username_place_local_times_and_addresses() {
        let hints = Hints {
            tz: Some(chrono_tz::Europe::Kyiv),
            username: Some("harbourwatch".into()),
            ..Hints::default()
        };
        let export = r#"{"name": "Harbour Watch", "type": "public_channel", "messages": [
          {"id": 3, "type": "message", "date": "2024-02-02T01:30:00", "forwarded_from": "Air Force", "text": "Alert."}]}"#;
        let r = read(Path::new("result.json"), export, &hints).unwrap();
        let m = &r.items[0];
        // 01:30 in Kyiv (UTC+2 in February) is 23:30 UTC the day before.
        assert_eq!(
            m.published,
            NaiveDate::from_ymd_opt(2024, 2, 1).map(|d| (d, "date"))
        );
        assert_eq!(m.url.as_deref(), Some("https://t.me/harbourwatch/3"));
        assert_eq!(m.originator.as_deref(), Some("Air Force"));
        // Without a zone the day is the one written.
        let r = read_plain(Path::new("result.json"), export).unwrap();
        assert_eq!(
            r.items[0].published.map(|p| p.0),
            NaiveDate::from_ymd_opt(2024, 2, 2)
        );
        assert_eq!(r.items[0].url, None);
    }
}
