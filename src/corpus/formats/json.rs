//! News-API and scraper dumps in JSON or JSON Lines: one record is one
//! article. The records are the top-level array, or the array under a
//! known key (`articles` of NewsAPI, `value` of ContextualWeb, `results`,
//! `data`, `items`, `records`, `docs`). Field variants of the common
//! shapes are recognised (NewsAPI, GDELT DOC `artlist`, Event Registry,
//! newspaper3k/trafilatura-style scraper records).
//!
//! JSON Lines is read a line at a time: a malformed line is a warning with
//! its number and the rest of the file is read.

use std::path::Path;

use serde_json::{Map, Value};

use super::{Item, Read, Reader};
use crate::corpus::datevalue;

/// The JSON and JSON Lines reader.
pub const READER: Reader = Reader {
    name: "JSON news dump",
    sniff,
    read,
};

/// Keys under which a dump keeps its array of records.
const RECORD_ARRAYS: &[&str] = &[
    "articles", "value", "results", "data", "items", "records", "docs",
];
/// Keys of the headline.
const TITLE_KEYS: &[&str] = &["title", "headline"];
/// Keys of the body, best first (a description is only a standfirst).
const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "maintext",
    "content",
    "article",
    "description",
    "summary",
];
/// Keys of the publication date.
const DATE_KEYS: &[&str] = &[
    "publishedAt",
    "datePublished",
    "dateTimePub",
    "date_publish",
    "published_at",
    "publish_date",
    "published_date",
    "pubDate",
    "published",
    "seendate",
    "date",
    "dateTime",
];
/// Keys of the address.
const URL_KEYS: &[&str] = &["url", "link", "uri", "source_url"];
/// Keys of the outlet (a string, or an object with a `name` or `title`).
const SOURCE_KEYS: &[&str] = &[
    "source",
    "publisher",
    "source_name",
    "site_name",
    "outlet",
    "provider",
    "domain",
    "source_domain",
];

fn sniff(path: &Path, head: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("json" | "jsonl" | "ndjson")) {
        return true;
    }
    // Content with no telling extension: a JSON value opening the file.
    let text = std::str::from_utf8(&head[..head.len().min(512)]).unwrap_or("");
    let t = text.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with('{') && t[1..].trim_start().starts_with('"'))
        || (t.starts_with('[') && t[1..].trim_start().starts_with('{'))
}

fn read(_path: &Path, text: &str) -> Result<Read, String> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(text) {
        Ok(value) => from_value(value),
        // Not one JSON value: JSON Lines, one record per line.
        Err(whole) => {
            let mut out = Read::default();
            let mut any = false;
            for (i, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(Value::Object(rec)) => {
                        any = true;
                        let n = out.items.len() as u64 + 1;
                        out.items.push(item(n, &rec));
                    }
                    Ok(_) => out
                        .warnings
                        .push(format!("line {}: not a JSON object, skipped", i + 1)),
                    Err(e) => out.warnings.push(format!("line {}: {e}, skipped", i + 1)),
                }
            }
            if any { Ok(out) } else { Err(whole.to_string()) }
        }
    }
}

fn from_value(value: Value) -> Result<Read, String> {
    let records = match value {
        Value::Array(a) => a,
        Value::Object(mut o) => match RECORD_ARRAYS.iter().find_map(|k| match o.remove(*k) {
            Some(Value::Array(a)) => Some(a),
            _ => None,
        }) {
            Some(a) => a,
            // One record on its own.
            None if TITLE_KEYS
                .iter()
                .chain(BODY_KEYS)
                .any(|k| o.contains_key(*k)) =>
            {
                vec![Value::Object(o)]
            }
            None => return Err("no array of articles found".into()),
        },
        _ => return Err("not a JSON object or array".into()),
    };
    let mut out = Read::default();
    for (i, rec) in records.iter().enumerate() {
        match rec {
            Value::Object(rec) => out.items.push(item(i as u64 + 1, rec)),
            _ => out
                .warnings
                .push(format!("item {}: not a JSON object, skipped", i + 1)),
        }
    }
    Ok(out)
}

/// A string field, trimmed, if present and not empty.
fn string(rec: &Map<String, Value>, key: &str) -> Option<String> {
    match rec.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn first(rec: &Map<String, Value>, keys: &[&'static str]) -> Option<(String, &'static str)> {
    keys.iter().find_map(|k| string(rec, k).map(|s| (s, *k)))
}

/// The outlet: a string, or an object's `name`/`title` (NewsAPI's
/// `source.name`, Event Registry's `source.title`, ContextualWeb's
/// `provider.name`).
fn source(rec: &Map<String, Value>) -> Option<String> {
    SOURCE_KEYS.iter().find_map(|k| match rec.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(o) => string(o, "name").or_else(|| string(o, "title")),
        _ => None,
    })
}

fn item(n: u64, rec: &Map<String, Value>) -> Item {
    let published = DATE_KEYS.iter().find_map(|k| {
        let v = string(rec, k)?;
        // GDELT's "20240301T120000Z".
        let v =
            if v.len() >= 8 && v.as_bytes()[..8].iter().all(u8::is_ascii_digit) && !v.contains('-')
            {
                format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8])
            } else {
                v
            };
        datevalue::parse(&v).ok().map(|d| (d, *k))
    });
    let body = first(rec, BODY_KEYS).map(|(b, _)| b).unwrap_or_default();
    Item {
        n,
        title: first(rec, TITLE_KEYS).map(|(t, _)| t),
        published,
        source: source(rec),
        url: first(rec, URL_KEYS).map(|(u, _)| u),
        body: crate::corpus::html_fragment::flatten(&body).unwrap_or(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Read {
        read(Path::new("x.json"), text).unwrap()
    }

    #[test]
    fn newsapi_articles_give_title_date_outlet_and_body() {
        let r = items(
            r#"{"status":"ok","articles":[{"source":{"id":null,"name":"Harbour Post"},"title":"Port reopens","url":"https://harbour.example/a","publishedAt":"2024-05-06T21:30:00Z","content":"The port reopened on Monday."}]}"#,
        );
        let it = &r.items[0];
        assert_eq!(it.n, 1);
        assert_eq!(it.title.as_deref(), Some("Port reopens"));
        assert_eq!(it.source.as_deref(), Some("Harbour Post"));
        assert_eq!(
            it.published.map(|p| p.0.to_string()),
            Some("2024-05-06".into())
        );
        assert_eq!(it.published.map(|p| p.1), Some("publishedAt"));
        assert_eq!(it.body, "The port reopened on Monday.");
    }

    #[test]
    fn a_top_level_array_of_scraper_records_and_a_gdelt_date() {
        let r = items(
            r#"[{"url":"https://a.example/1","date":"2023-11-09","title":"One"},{"url":"https://a.example/2","seendate":"20240301T120000Z"}]"#,
        );
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[1].title, None);
        assert_eq!(
            r.items[1].published.map(|p| p.0.to_string()),
            Some("2024-03-01".into())
        );
    }

    #[test]
    fn json_lines_skip_a_bad_line_and_say_which() {
        let r =
            items("{\"title\":\"A\",\"text\":\"x\"}\n{oops\n{\"title\":\"B\",\"text\":\"y\"}\n");
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[1].n, 2);
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("line 2:"), "{:?}", r.warnings);
    }

    #[test]
    fn nothing_readable_is_an_error() {
        assert!(read(Path::new("x.json"), "{\"a\": 1}").is_err());
        assert!(read(Path::new("x.json"), "[1, 2").is_err());
    }

    #[test]
    fn sniffing_takes_json_without_its_extension() {
        assert!(sniff(Path::new("dump.txt"), b"  [ {\"title\": 1} ]"));
        assert!(!sniff(Path::new("note.txt"), b"[1] a footnote, then prose"));
    }
}
