//! One reader per input format. A reader turns a file's text into the
//! articles it holds ([`Item`]s: title, date, outlet, address and body, each
//! with the field it came from); [`super::read_file`] makes documents of
//! them. Plain text and Markdown need no reader: a file no reader claims is
//! one article of text.
//!
//! Adding a format is one module here and one line in [`READERS`].

pub mod feed;
pub mod html;
pub mod json;
pub mod telegram;

use std::path::Path;

use chrono::NaiveDate;

use super::Problem;

/// One article as a structured file gives it. Fields a format does not
/// have stay `None`; `body` is plain text, one paragraph per line.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Item {
    /// The article's number in its file: the message id of a chat export,
    /// else its 1-based position. The document id is `<file stem>#<n>`.
    pub n: u64,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (UTC), with the field it came from.
    pub published: Option<(NaiveDate, &'static str)>,
    /// Outlet name.
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// The article's text, paragraphs on lines of their own. What the
    /// format states of its structure is handed over as Markdown, so that
    /// extraction reads it rather than guesses it: a heading as `#` lines
    /// (web pages), a paragraph or line that is only a link (a feed's
    /// "read more", a channel's footer of links, hashtags and mentions) as
    /// one `[text](address)` line, which is furniture. Captions, figures,
    /// images, navigation, asides and footers are left out by the reader.
    pub body: String,
    /// Whether the file keeps this article pinned far from the dates of its
    /// others (a feed's app promo or evergreen page): its headline is then
    /// no news of its date.
    pub pinned: bool,
    /// Whom the article relays (a Telegram message's `forwarded_from`).
    pub originator: Option<String>,
    /// The language the format states (`<html lang>`, a record's `lang`).
    pub lang: Option<crate::lang::Lang>,
    /// Whether the format says the article has no headline (a chat message
    /// without a bold first line): none is then guessed from its text.
    pub untitled: bool,
}

/// What a reader gives for one file: its articles, and the warnings met
/// (a malformed record names its line or item and is skipped).
#[derive(Debug, Default)]
pub struct Read {
    /// The articles, in file order.
    pub items: Vec<Item>,
    /// What was wrong with parts of the file that were still read.
    pub warnings: Vec<String>,
    /// Whether the file is one article (a web page): its id is then the
    /// file stem, without `#<n>`.
    pub whole_file: bool,
}

/// What the manifest says of a many-article file, for its reader (the
/// manifest's `tz`, `username` and `[doc.fields]` keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The time zone of local times without an offset (a Telegram export's
    /// `date`, written in the exporting computer's local time).
    pub tz: Option<chrono_tz::Tz>,
    /// The channel's public username: a message's address is then
    /// `https://t.me/<username>/<id>`.
    pub username: Option<String>,
    /// The record keys of a JSON shape no reader knows.
    pub fields: FieldMap,
}

/// Which key of a JSON record holds each field, for shapes the JSON reader
/// does not recognise (a manifest's `[doc.fields]` table). A named key is
/// tried before the known variants.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMap {
    /// Key of the headline.
    pub title: Option<String>,
    /// Key of the body.
    pub text: Option<String>,
    /// Key of the publication date.
    pub published: Option<String>,
    /// Key of the address.
    pub url: Option<String>,
    /// Key of the outlet (a string, or an object with `name` or `title`).
    pub source: Option<String>,
    /// Key of the array of records, when it is not a known one.
    pub records: Option<String>,
}

/// An input format: whether a file is one of its kind, and how to read it.
pub struct Reader {
    /// The format's name, for messages ("JSON news dump").
    pub name: &'static str,
    /// Whether the file (its path and first bytes) is of this format.
    pub sniff: fn(&Path, &[u8]) -> bool,
    /// Reads the whole file's text with the manifest's hints for it; an
    /// error is why nothing could be read.
    pub read: fn(&Path, &str, &Hints) -> Result<Read, String>,
    /// Reads the file from disk a record at a time, handing each article
    /// over as it is parsed, for formats whose files grow large (a chat
    /// export of 100,000 messages); returns the warnings met. Such a file
    /// is never held whole. `None`: the file is read whole by `read`.
    pub stream: Option<Stream>,
}

/// A streaming read: the file's path, the manifest's hints, and where each
/// article goes; returns the warnings, or why nothing could be read.
pub type Stream = fn(&Path, &Hints, &mut dyn FnMut(Item)) -> Result<Vec<String>, String>;

/// Every reader, tried in order on each file.
pub const READERS: &[&Reader] = &[
    &html::READER,
    &telegram::READER,
    &json::READER,
    &feed::READER,
];

/// The reader that claims a file, if any (else the file is plain text).
pub fn reader_for(path: &Path, head: &[u8]) -> Option<&'static Reader> {
    READERS.iter().copied().find(|r| (r.sniff)(path, head))
}

/// Every extension a reader takes, for the folder walk.
pub const EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "json", "jsonl", "ndjson", "xml", "rss", "atom",
];

/// A problem naming the file, for a reader's error.
pub fn problem(path: &Path, reader: &Reader, why: &str) -> Problem {
    Problem::new(
        path,
        format!("skipped: not a readable {}: {why}", reader.name),
    )
}
