//! News-API and scraper dumps in JSON or JSON Lines: one record is one
//! article. The records are the top-level array, or the array under a
//! known key (`articles` of NewsAPI, `value` of ContextualWeb, `results`,
//! `data`, `items`, `records`, `docs`). Field variants of the common
//! shapes are recognised (NewsAPI, GDELT DOC `artlist`, Event Registry,
//! newspaper3k/trafilatura-style scraper records).
//!
//! A manifest's `fields` table names the keys of any other shape; a named
//! key is tried before the known variants.
//!
//! JSON Lines is read a line at a time ([`lines`] streams a file without
//! holding it whole): a malformed line is a warning with its number and
//! the rest of the file is read.

use std::path::Path;

use serde_json::{Map, Value};

use super::{FieldMap, Hints, Item, Read, Reader};
use crate::corpus::datevalue;

/// The JSON and JSON Lines reader.
pub const READER: Reader = Reader {
    name: "JSON news dump",
    sniff,
    read,
    stream: None,
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

fn read(_path: &Path, text: &str, hints: &Hints) -> Result<Read, String> {
    let text = text.trim_start_matches('\u{feff}');
    let fields = &hints.fields;
    match serde_json::from_str::<Value>(text) {
        Ok(value) => from_value(value, fields),
        // Not one JSON value: JSON Lines, one record per line.
        Err(whole) => {
            let mut out = Read::default();
            for (i, line) in text.lines().enumerate() {
                match record_of_line(i + 1, line, out.items.len() as u64 + 1, fields) {
                    Ok(Some(item)) => out.items.push(item),
                    Ok(None) => {}
                    Err(warning) => out.warnings.push(warning),
                }
            }
            if out.items.is_empty() {
                Err(whole.to_string())
            } else {
                Ok(out)
            }
        }
    }
}

/// One line of JSON Lines (`number` is 1-based, for the warning): the
/// article it holds as record `n`, nothing for a blank line, or a warning.
pub fn record_of_line(
    number: usize,
    line: &str,
    n: u64,
    fields: &FieldMap,
) -> Result<Option<Item>, String> {
    let line = line.trim().trim_start_matches('\u{feff}');
    if line.is_empty() {
        return Ok(None);
    }
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(rec)) => Ok(Some(item(n, &rec, fields))),
        Ok(_) => Err(format!("line {number}: not a JSON object, skipped")),
        Err(e) => Err(format!("line {number}: {e}, skipped")),
    }
}

/// Whether a file's first bytes are JSON Lines rather than one JSON value:
/// its first line is a whole object and another object line follows.
pub fn is_json_lines(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let first_whole = lines
        .next()
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))));
    first_whole && lines.next().is_some_and(|l| l.starts_with('{'))
}

/// Streams a JSON Lines file: each record's article goes to `each` as it
/// is read, and only one line is held at a time. Malformed lines are
/// warnings naming their line; a line that is not UTF-8 is read with its
/// bad bytes replaced. Errors: the file cannot be read.
pub fn lines(
    path: &Path,
    fields: &FieldMap,
    warnings: &mut Vec<String>,
    mut each: impl FnMut(Item),
) -> std::io::Result<()> {
    use std::io::BufRead as _;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let mut line = Vec::new();
    let (mut number, mut n) = (0usize, 0u64);
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        number += 1;
        match record_of_line(number, &String::from_utf8_lossy(&line), n + 1, fields) {
            Ok(Some(item)) => {
                n += 1;
                each(item);
            }
            Ok(None) => {}
            Err(warning) => warnings.push(warning),
        }
    }
}

fn from_value(value: Value, fields: &FieldMap) -> Result<Read, String> {
    let named = fields.records.as_deref();
    let records =
        match value {
            Value::Array(a) => a,
            Value::Object(mut o) => match named
                .into_iter()
                .chain(RECORD_ARRAYS.iter().copied())
                .find_map(|k| match o.remove(k) {
                    Some(Value::Array(a)) => Some(a),
                    _ => None,
                }) {
                Some(a) => a,
                // One record on its own.
                None if TITLE_KEYS
                    .iter()
                    .chain(BODY_KEYS)
                    .copied()
                    .chain(fields.title.as_deref())
                    .chain(fields.text.as_deref())
                    .any(|k| o.contains_key(k)) =>
                {
                    vec![Value::Object(o)]
                }
                None => return Err(match named {
                    Some(k) => format!("no array of articles under the manifest's `{k}`"),
                    None => {
                        "no array of articles found (a manifest's `fields` table can name its keys)"
                            .into()
                    }
                }),
            },
            _ => return Err("not a JSON object or array".into()),
        };
    let mut out = Read::default();
    for (i, rec) in records.iter().enumerate() {
        match rec {
            Value::Object(rec) => out.items.push(item(i as u64 + 1, rec, fields)),
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

/// The first of the keys (the manifest's `named` one first) that holds a
/// string.
fn first(rec: &Map<String, Value>, named: &Option<String>, keys: &[&str]) -> Option<String> {
    named
        .as_deref()
        .into_iter()
        .chain(keys.iter().copied())
        .find_map(|k| string(rec, k))
}

/// The outlet: a string, or an object's `name`/`title` (NewsAPI's
/// `source.name`, Event Registry's `source.title`, ContextualWeb's
/// `provider.name`).
fn source(rec: &Map<String, Value>, named: &Option<String>) -> Option<String> {
    let keys = named
        .as_deref()
        .into_iter()
        .chain(SOURCE_KEYS.iter().copied());
    keys.into_iter().find_map(|k| match rec.get(k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(o) => string(o, "name").or_else(|| string(o, "title")),
        _ => None,
    })
}

fn item(n: u64, rec: &Map<String, Value>, fields: &FieldMap) -> Item {
    let named_date = fields.published.as_deref().map(|k| (k, "manifest fields"));
    let keys = named_date
        .into_iter()
        .chain(DATE_KEYS.iter().map(|k| (*k, *k)));
    let published = keys.into_iter().find_map(|(k, label)| {
        let v = string(rec, k)?;
        // GDELT's "20240301T120000Z".
        let v =
            if v.len() >= 8 && v.as_bytes()[..8].iter().all(u8::is_ascii_digit) && !v.contains('-')
            {
                format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8])
            } else {
                v
            };
        datevalue::parse(&v).ok().map(|d| (d, label))
    });
    let body = first(rec, &fields.text, BODY_KEYS).unwrap_or_default();
    Item {
        n,
        title: first(rec, &fields.title, TITLE_KEYS)
            .map(|t| crate::corpus::html_fragment::plain_field(&t).unwrap_or(t)),
        published,
        source: source(rec, &fields.source),
        url: first(rec, &fields.url, URL_KEYS),
        body: crate::corpus::html_fragment::flatten(&body).unwrap_or(body),
        lang: first(rec, &None, &["lang", "language"]).map(|l| crate::lang::Lang::parse(&l)),
        ..Item::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Read {
        read(Path::new("x.json"), text, &Hints::default()).unwrap()
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
        let plain = Hints::default();
        assert!(read(Path::new("x.json"), "{\"a\": 1}", &plain).is_err());
        assert!(read(Path::new("x.json"), "[1, 2", &plain).is_err());
    }

    #[test]
    fn sniffing_takes_json_without_its_extension() {
        assert!(sniff(Path::new("dump.txt"), b"  [ {\"title\": 1} ]"));
        assert!(!sniff(Path::new("note.txt"), b"[1] a footnote, then prose"));
    }

    #[test]
    fn the_manifest_names_the_keys_of_an_unknown_shape() {
        let hints = Hints {
            fields: FieldMap {
                records: Some("hits".into()),
                title: Some("head_line".into()),
                text: Some("story".into()),
                published: Some("when".into()),
                source: Some("house".into()),
                url: Some("where".into()),
            },
            ..Hints::default()
        };
        let dump = r#"{"hits": [{"head_line": "Port reopens", "story": "It reopened on Monday.",
            "when": "2024-05-07", "house": {"name": "Harbour Post"}, "where": "https://h.example/1",
            "title": "not this one"}]}"#;
        let r = read(Path::new("x.json"), dump, &hints).unwrap();
        let it = &r.items[0];
        assert_eq!(it.title.as_deref(), Some("Port reopens"));
        assert_eq!(it.body, "It reopened on Monday.");
        assert_eq!(it.published.map(|p| p.1), Some("manifest fields"));
        assert_eq!(it.source.as_deref(), Some("Harbour Post"));
        assert_eq!(it.url.as_deref(), Some("https://h.example/1"));
        // Without the table the shape is not recognised, and the error says what helps.
        let err = read(Path::new("x.json"), r#"{"hits": []}"#, &Hints::default()).unwrap_err();
        assert!(err.contains("fields"), "{err}");
    }

    #[test]
    fn json_lines_are_told_from_one_value_and_streamed() {
        assert!(is_json_lines(b"{\"title\": \"a\"}\n{\"title\": \"b\"}\n"));
        assert!(!is_json_lines(b"{\n  \"articles\": []\n}\n"));
        assert!(!is_json_lines(b"[{\"title\": \"a\"},\n{\"title\": \"b\"}]"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        std::fs::write(
            &path,
            "{\"title\":\"A\",\"text\":\"x\"}\n\n[1]\n{\"title\":\"B\"}",
        )
        .unwrap();
        let (mut got, mut warnings) = (Vec::new(), Vec::new());
        lines(&path, &FieldMap::default(), &mut warnings, |i| {
            got.push((i.n, i.title))
        })
        .unwrap();
        assert_eq!(got, [(1, Some("A".into())), (2, Some("B".into()))]);
        assert_eq!(warnings, ["line 3: not a JSON object, skipped"]);
    }
}
