//! The metadata manifest: a `manifest.toml` of `[[doc]]` entries, as a
//! crawler or a news API hands it over. Every field but `file` is optional;
//! a field given here wins over front matter and over what the text suggests.
//!
//! ```toml
//! [[doc]]
//! file = "kyiv/2025-02-13-strike.txt"   # relative to the corpus folder
//! source = "The Kyiv Independent"
//! published = "2025-02-13"              # or a TOML date: 2025-02-13
//! url = "https://kyivindependent.com/..."
//! title = "..."
//! lang = "uk"                            # else detected from the text
//! ```
//!
//! A file of many articles (a chat export, a feed, a JSON dump) takes
//! `source` as the outlet of the articles that name none, and three keys of
//! its own:
//!
//! ```toml
//! [[doc]]
//! file = "telegram/result.json"
//! tz = "Europe/Kyiv"          # the zone of local times without an offset (IANA name)
//! username = "harbourwatch"   # messages get https://t.me/harbourwatch/<id>
//!
//! [[doc]]
//! file = "dumps/crawl.jsonl"
//! source = "Harbour Post"
//! fields = { title = "headline_text", text = "article_body", published = "pub_time" }
//! ```

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diagnostics::toml_error;

/// Metadata the manifest gives for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Outlet name.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Address of the article.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Language of the article (or of every article of a many-article file).
    pub lang: Option<crate::lang::Lang>,
    /// What a many-article file's reader needs to know (time zone, channel
    /// username, JSON keys).
    pub hints: super::formats::Hints,
}

/// A parsed manifest: entries keyed by their path relative to the corpus folder.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: HashMap<PathBuf, Entry>,
    /// Entries that cannot apply or were overridden: the file named and why.
    pub doubts: Vec<(PathBuf, &'static str)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    doc: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: String,
    source: Option<String>,
    #[serde(default, deserialize_with = "date_field")]
    published: Option<NaiveDate>,
    url: Option<String>,
    title: Option<String>,
    tz: Option<String>,
    username: Option<String>,
    lang: Option<String>,
    fields: Option<super::formats::FieldMap>,
}

/// Accepts `"2025-02-13"` or a bare TOML date `2025-02-13`.
fn date_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    use serde::de::Error;
    let value = toml::Value::deserialize(d)?;
    let text = match &value {
        toml::Value::String(s) => s.trim().to_owned(),
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "expected a date, found {}",
                other.type_str()
            )));
        }
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| D::Error::custom(crate::datefilter::iso_day_error(&text)))
}

impl Manifest {
    /// Parses manifest text; `path` is only used in error messages, which
    /// name the line and the key.
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, String> {
        let raw: RawManifest = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let mut entries = HashMap::new();
        let mut doubts = Vec::new();
        for e in raw.doc {
            let file = normalize(Path::new(&e.file));
            let outside = file
                .components()
                .any(|c| !matches!(c, Component::Normal(_)));
            if outside {
                doubts.push((
                    file,
                    "outside the corpus folder: a manifest names files inside it, relative to it",
                ));
                continue;
            }
            let tz = match e.tz.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(name) => Some(name.parse::<chrono_tz::Tz>().map_err(|_| {
                    format!(
                        "{}: `tz = \"{name}\"` for {} is not a time zone name of the IANA database (such as \"Europe/Kyiv\" or \"UTC\")",
                        path.display(),
                        file.display()
                    )
                })?),
            };
            let entry = Entry {
                source: non_blank(e.source),
                published: e.published,
                url: non_blank(e.url),
                title: non_blank(e.title),
                lang: non_blank(e.lang).map(|l| crate::lang::Lang::parse(&l)),
                hints: super::formats::Hints {
                    tz,
                    username: non_blank(e.username).map(|u| u.trim_start_matches('@').to_owned()),
                    fields: e.fields.unwrap_or_default(),
                },
            };
            if entries.insert(file.clone(), entry).is_some() {
                doubts.push((file, "named twice in the manifest: the last entry is used"));
            }
        }
        Ok(Manifest { entries, doubts })
    }

    /// Reads and parses a manifest file.
    pub fn load(path: &Path) -> Result<Manifest, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read manifest: {e}", path.display()))?;
        Manifest::parse(path, &text)
    }

    /// The entry for a file, given by its path relative to the corpus folder.
    pub fn get(&self, relative: &Path) -> Option<&Entry> {
        self.entries.get(&normalize(relative))
    }

    /// Files the manifest names, relative to the corpus folder.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.entries.keys().map(PathBuf::as_path)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the manifest has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Drops `.` components so that `./a.txt` and `a.txt` are the same key.
fn normalize(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_with_string_and_toml_dates() {
        let m = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"./a.txt\"\nsource = \"Outlet\"\npublished = \"2025-02-13\"\n\
             [[doc]]\nfile = \"sub/b.md\"\npublished = 2024-12-31\nurl = \" \"\n",
        )
        .unwrap();
        assert_eq!(m.len(), 2);
        let a = m.get(Path::new("a.txt")).unwrap();
        assert_eq!(a.source.as_deref(), Some("Outlet"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 2, 13));
        let b = m.get(Path::new("sub/b.md")).unwrap();
        assert_eq!(b.published, NaiveDate::from_ymd_opt(2024, 12, 31));
        assert_eq!(b.url, None, "a blank field counts as absent");
    }

    #[test]
    fn a_bad_date_names_line_and_key() {
        let err = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"a.txt\"\npublished = \"13/02/2025\"\n",
        )
        .unwrap_err();
        assert!(err.starts_with("m.toml:3: key `published`:"), "{err}");
        assert!(err.contains("13/02/2025"), "{err}");
    }

    #[test]
    fn entries_outside_the_folder_or_named_twice_are_doubted() {
        let m = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"../other/a.txt\"\n[[doc]]\nfile = \"/abs/b.txt\"\n\
             [[doc]]\nfile = \"c.txt\"\ntitle = \"one\"\n[[doc]]\nfile = \"./c.txt\"\ntitle = \"two\"\n",
        )
        .unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(
            m.get(Path::new("c.txt")).unwrap().title.as_deref(),
            Some("two")
        );
        let why: Vec<(&Path, &str)> = m
            .doubts
            .iter()
            .map(|(p, w)| (p.as_path(), &w[..11]))
            .collect();
        assert_eq!(
            why,
            [
                (Path::new("../other/a.txt"), "outside the"),
                (Path::new("/abs/b.txt"), "outside the"),
                (Path::new("c.txt"), "named twice"),
            ]
        );
    }

    #[test]
    fn many_article_files_take_a_zone_a_username_and_keys() {
        let m = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"t/result.json\"\ntz = \"Europe/Kyiv\"\nusername = \"@harbour\"\n\
             [[doc]]\nfile = \"d.jsonl\"\nfields = { title = \"head\", published = \"when\" }\n",
        )
        .unwrap();
        let t = &m.get(Path::new("t/result.json")).unwrap().hints;
        assert_eq!(t.tz, Some(chrono_tz::Europe::Kyiv));
        assert_eq!(t.username.as_deref(), Some("harbour"));
        let d = &m.get(Path::new("d.jsonl")).unwrap().hints.fields;
        assert_eq!(d.title.as_deref(), Some("head"));
        assert_eq!(d.published.as_deref(), Some("when"));
        let err = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"r.json\"\ntz = \"Kyiv time\"\n",
        )
        .unwrap_err();
        assert!(err.contains("`tz = \"Kyiv time\"` for r.json"), "{err}");
        let err = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"d.json\"\nfields = { body = \"x\" }\n",
        )
        .unwrap_err();
        assert!(err.contains("body"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let err = Manifest::parse(
            Path::new("m.toml"),
            "[[doc]]\nfile = \"a.txt\"\nauthor = \"x\"\n",
        )
        .unwrap_err();
        assert!(err.starts_with("m.toml:3: key `author`:"), "{err}");
    }

    #[test]
    fn a_missing_file_key_is_an_error() {
        let err = Manifest::parse(Path::new("m.toml"), "[[doc]]\nsource = \"x\"\n").unwrap_err();
        assert!(err.contains("file"), "{err}");
    }
}
