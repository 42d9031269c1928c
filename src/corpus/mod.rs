//! The corpus: walking a folder of articles and turning each file into a
//! [`Document`] with its metadata and where each field came from.
//!
//! Metadata is taken in this order of trust: the manifest, the file's front
//! matter, then what the text says about itself. Nothing is invented: a
//! field nobody states stays empty.

pub mod datevalue;
pub mod decode;
pub mod formats;
pub mod frontmatter;
pub mod html_fragment;
pub mod manifest;
pub mod metadata;
pub mod outlets;
pub mod pieces;
mod read;
pub mod self_promo;
pub mod walk;
pub mod wire;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cputime::{self, Stage};

pub use manifest::Manifest;
pub use read::{documents_of_bytes, read_file, read_file_in_chunks};

/// Where a metadata field came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// The metadata manifest.
    Manifest,
    /// A field of a structured format (a JSON record's `publishedAt`, a
    /// feed item's `pubDate`, a page's JSON-LD).
    Format,
    /// The file's front matter.
    FrontMatter,
    /// Inferred from the article's text.
    Text,
    /// Nobody states it.
    #[default]
    Unknown,
}

impl Provenance {
    /// The name used in exports: `manifest`, `format`, `front-matter`,
    /// `text`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Manifest => "manifest",
            Provenance::Format => "format",
            Provenance::FrontMatter => "front-matter",
            Provenance::Text => "text",
            Provenance::Unknown => "unknown",
        }
    }
}

/// A metadata value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta<T> {
    /// The value, if anybody states it.
    pub value: Option<T>,
    /// Its origin ([`Provenance::Unknown`] when `value` is `None`).
    pub from: Provenance,
}

impl<T> Meta<T> {
    /// The first of the given candidates that holds a value.
    fn first_of<const N: usize>(candidates: [(Option<T>, Provenance); N]) -> Meta<T> {
        for (value, from) in candidates {
            if value.is_some() {
                return Meta { value, from };
            }
        }
        Meta {
            value: None,
            from: Provenance::Unknown,
        }
    }
}

/// One article: its text and metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// File stem, unique in the corpus (a clash gets the relative path instead).
    pub id: String,
    /// Path of the file as found while walking the corpus.
    pub path: PathBuf,
    /// Full decoded text of the file.
    pub text: String,
    /// Byte offset where the article body starts (after any front matter).
    pub body_start: usize,
    /// Headline.
    pub title: Meta<String>,
    /// Byte span of the headline in `text`, when the headline is a line of it.
    pub title_span: Option<Range<usize>>,
    /// Outlet name.
    pub source: Meta<String>,
    /// Publication date.
    pub published: Meta<NaiveDate>,
    /// Address of the article.
    pub url: Meta<String>,
    /// Whether its file keeps it pinned far from the dates of its other
    /// articles ([`formats::Item::pinned`]): no headline event.
    #[serde(default)]
    pub pinned: bool,
    /// Whom the article relays, as its format states it (a Telegram
    /// message's `forwarded_from`).
    #[serde(default)]
    pub originator: Option<String>,
    /// The article's language: stated (manifest, format, front matter
    /// `lang`) or detected from its text ([`crate::lang::detect`]).
    #[serde(default)]
    pub lang: Meta<crate::lang::Lang>,
    /// The detector's confidence in [`Document::lang`] (0.0–1.0), when it
    /// was detected rather than stated.
    #[serde(default)]
    pub lang_confidence: Option<f32>,
    /// Where the parts of a compacted `text` came from in the whole text
    /// ([`pieces`]); empty when `text` is the whole text.
    #[serde(default)]
    pub pieces: Vec<pieces::Piece>,
    /// Bytes of the whole text, once `text` is compacted (0 before: the
    /// whole text is `text` then). See [`Document::text_bytes`].
    #[serde(default)]
    pub whole_bytes: u64,
    /// For an article without a publication date, how many of its dates
    /// needed one and so were not placed, counted before compaction
    /// ([`crate::undated`]).
    #[serde(default)]
    pub unplaced: Option<u32>,
}

impl Document {
    /// The headline, or the file name when none is known.
    pub fn title_or_name(&self) -> &str {
        self.title.value.as_deref().unwrap_or_else(|| {
            self.path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(&self.id)
        })
    }

    /// The outlet name, or `unknown source`.
    pub fn source_or_unknown(&self) -> &str {
        self.source.value.as_deref().unwrap_or(UNKNOWN_SOURCE)
    }

    /// The article's number in its file when the file holds many (the
    /// `n` of the id `<file stem>#<n>`: a chat message's id, a record's
    /// 1-based position); `None` for a file that is one article.
    pub fn record(&self) -> Option<&str> {
        self.id
            .rsplit_once('#')
            .map(|(_, n)| n)
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Bytes of the article's whole text, compacted or not.
    pub fn text_bytes(&self) -> u64 {
        if self.is_compacted() {
            self.whole_bytes
        } else {
            self.text.len() as u64
        }
    }
}

/// The label shown for articles whose outlet nobody states.
pub const UNKNOWN_SOURCE: &str = "unknown source";

/// A file or folder that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// Why it was skipped (or what was wrong with it).
    pub reason: String,
}

impl Problem {
    /// A problem with a path.
    pub fn new(path: &Path, reason: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    /// `path: reason`, with any control character of a hostile file name
    /// removed so that printing it cannot drive the terminal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.to_string_lossy();
        write!(
            f,
            "{}: {}",
            crate::text::display::plain(&path),
            crate::text::display::plain(&self.reason)
        )
    }
}

/// Everything read from a corpus folder.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles, in path order.
    pub documents: Vec<Document>,
    /// Files skipped or read with a warning.
    pub problems: Vec<Problem>,
}

/// A corpus folder ready to be read: its manifest, its article files, and
/// the entries already skipped while listing it.
#[derive(Debug, Default)]
pub struct Plan {
    /// The corpus folder.
    pub root: PathBuf,
    /// The manifest in force (empty when there is none).
    pub manifest: Manifest,
    /// Article files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Entries skipped while listing, and manifest entries naming no file.
    pub problems: Vec<Problem>,
}

/// Lists a corpus folder and reads its manifest. `manifest` overrides the
/// `manifest.toml` in the folder. Fails (with a one-line message) only when
/// the folder is missing or the manifest cannot be read or parsed.
pub fn plan(root: &Path, manifest: Option<&Path>) -> Result<Plan, String> {
    if !root.is_dir() {
        return Err(if root.exists() {
            format!("{} is not a folder", root.display())
        } else {
            format!("corpus folder {} does not exist", root.display())
        });
    }
    // The manifest is parsed while the folder is walked: both take a
    // fraction of a second at 200,000 articles, one waiting on the disk's
    // listing, the other on the processor.
    let (manifest, listing) = rayon::join(
        || match manifest {
            Some(path) => Manifest::load(path),
            None => {
                let default = root.join("manifest.toml");
                if default.is_file() {
                    Manifest::load(&default)
                } else {
                    Ok(Manifest::default())
                }
            }
        },
        || walk::list(root),
    );
    let manifest = manifest?;
    let mut problems = listing.skipped;
    for (file, why) in &manifest.doubts {
        problems.push(Problem::new(&root.join(file), *why));
    }
    // The listing answers for the files it holds; only the others are
    // looked up on disk (a reopen used to look up every entry once more).
    let listed: rustc_hash::FxHashSet<&Path> = listing.files.iter().map(PathBuf::as_path).collect();
    for file in manifest.files() {
        let path = root.join(file);
        if !listed.contains(path.as_path()) && !path.is_file() {
            problems.push(Problem::new(&path, "named in the manifest but not found"));
        }
    }
    Ok(Plan {
        root: root.to_path_buf(),
        manifest,
        files: listing.files,
        problems,
    })
}

impl Plan {
    /// A file's path relative to the corpus folder.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Reads one of the plan's files into the articles it holds (one for a
    /// text file, many for a dump or a feed); warnings about a file that
    /// was still read (broken front matter, a malformed record) are pushed
    /// to `warnings`.
    pub fn read(&self, path: &Path, warnings: &mut Vec<Problem>) -> Result<Vec<Document>, Problem> {
        let relative = self.relative(path);
        read_file(path, relative, self.manifest.get(relative), warnings)
    }

    /// [`Plan::read`] in chunks of at most `chunk` articles, streamed from
    /// JSON Lines ([`read_file_in_chunks`]).
    pub fn read_in_chunks(
        &self,
        path: &Path,
        warnings: &mut Vec<Problem>,
        chunk: usize,
        each: impl FnMut(Vec<Document>),
    ) -> Result<(), Problem> {
        let relative = self.relative(path);
        read_file_in_chunks(
            path,
            relative,
            self.manifest.get(relative),
            warnings,
            chunk,
            each,
        )
    }
}

/// Gives documents whose file stems clash an id made of their relative path.
pub fn unique_ids(docs: &mut [Document], root: &Path) {
    let mut ids = HashSet::new();
    for doc in docs {
        if !ids.insert(doc.id.clone()) {
            let relative = doc.path.strip_prefix(root).unwrap_or(&doc.path);
            doc.id = relative
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            ids.insert(doc.id.clone());
        }
    }
}

/// Reads a whole corpus folder, one file after another (see [`plan`] for
/// the errors; bad article files are reported in [`Corpus::problems`]).
pub fn load(root: &Path, manifest: Option<&Path>) -> Result<Corpus, String> {
    let plan = plan(root, manifest)?;
    let mut corpus = Corpus {
        documents: Vec::new(),
        problems: Vec::new(),
    };
    for path in &plan.files {
        match plan.read(path, &mut corpus.problems) {
            Ok(docs) => corpus.documents.extend(docs),
            Err(problem) => corpus.problems.push(problem),
        }
    }
    unique_ids(&mut corpus.documents, root);
    let mut problems = plan.problems;
    problems.append(&mut corpus.problems);
    corpus.problems = problems;
    Ok(corpus)
}

/// "... - Harbour Post" when the format names the outlet "Harbour Post":
/// (where the separator starts, the outlet).
fn named_suffix(title: &str, source: &str) -> Option<(usize, String)> {
    let head = title.trim_end().strip_suffix(source)?;
    let cut = [" - ", " | ", " – ", " — "]
        .iter()
        .find_map(|sep| head.strip_suffix(sep).map(str::len))?;
    (cut > 0).then(|| (cut, source.to_owned()))
}

/// One line of a field: whitespace (newlines too) folded to single spaces.
pub(crate) fn display_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Metadata a structured format states for an article.
#[derive(Debug, Default, Clone)]
pub struct Fields {
    /// Headline (the first line of the document's text).
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Address.
    pub url: Option<String>,
    /// Language.
    pub lang: Option<crate::lang::Lang>,
    /// Whether a structured format made the text (headline line, then the
    /// body as plain text): it holds no front matter and no HTML to read.
    pub structured: bool,
    /// Whether the format says the article has no headline: none is
    /// guessed from the text's first line.
    pub untitled: bool,
}

/// Reads one article file: decodes it and settles its metadata.
pub fn read_document(
    path: &Path,
    relative: &Path,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Result<Document, Problem> {
    let bytes = std::fs::read(path).map_err(|e| Problem::new(path, e.to_string()))?;
    let text = decode::decode(&bytes).map_err(|e| Problem::new(path, e.to_string()))?;
    let id = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(document_from_text(id, path, text, entry, warnings))
}

/// Builds a document from decoded text and the manifest's entry for it.
pub fn document_from_text(
    id: String,
    path: &Path,
    text: String,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Document {
    document_from_fields(id, path, text, entry, Fields::default(), warnings)
}

/// [`document_from_text`] for an article whose format states some of its
/// metadata (`fields`): the manifest first, then the format's fields, then
/// front matter, then what the text says.
pub fn document_from_fields(
    id: String,
    path: &Path,
    text: String,
    entry: Option<&manifest::Entry>,
    fields: Fields,
    warnings: &mut Vec<Problem>,
) -> Document {
    let front = if fields.structured {
        frontmatter::FrontMatter::default()
    } else {
        match frontmatter::parse(&text) {
            Ok(f) => {
                let f = f.unwrap_or_default();
                for w in &f.warnings {
                    warnings.push(Problem::new(path, w.clone()));
                }
                f
            }
            Err(msg) => {
                warnings.push(Problem::new(path, format!("{msg}; read as plain text")));
                frontmatter::FrontMatter::default()
            }
        }
    };
    let flat = if fields.structured {
        None
    } else {
        cputime::time(Stage::Markup, || {
            html_fragment::flatten(&text[front.body_start..])
        })
    };
    let text = match flat {
        Some(flat) => format!("{}{flat}", &text[..front.body_start]),
        None => text,
    };
    let body = &text[front.body_start..];
    let mut inferred = cputime::time(Stage::Metadata, || metadata::infer(body));
    if fields.untitled {
        inferred.title = None;
    }
    let entry = entry.cloned().unwrap_or_default();
    let (text_title, text_span) = match inferred.title {
        Some((t, span)) => (
            Some(t),
            Some(span.start + front.body_start..span.end + front.body_start),
        ),
        None => (None, None),
    };
    let field_title_len = fields.title.as_ref().map(String::len);
    let title = Meta::first_of([
        (entry.title, Provenance::Manifest),
        (fields.title, Provenance::Format),
        (front.title, Provenance::FrontMatter),
        (text_title, Provenance::Text),
    ]);
    let mut title_span = match title.from {
        Provenance::Text => text_span,
        // The format's headline is the text's first line.
        Provenance::Format => field_title_len
            .filter(|&n| text.get(..n) == title.value.as_deref())
            .map(|n| 0..n),
        _ => None,
    };
    // "... - The Guardian": the outlet's name is no part of the headline.
    let suffix = match title.from {
        Provenance::Text | Provenance::FrontMatter | Provenance::Format => {
            title.value.as_deref().and_then(|t| {
                wire::title_suffix(t).or_else(|| named_suffix(t, fields.source.as_deref()?))
            })
        }
        _ => None,
    };
    let mut title = title;
    let mut suffix_outlet = None;
    if let Some((cut, outlet)) = suffix {
        if let Some(t) = title.value.as_mut() {
            t.truncate(cut);
        }
        if let Some(span) = title_span.as_mut() {
            span.end = span.start + cut;
        }
        suffix_outlet = Some(outlet);
    }
    let text_outlet = cputime::time(Stage::Metadata, || outlets::infer(body));
    let stated_lang = entry.lang.or(fields.lang).or(front.lang);
    let detected = match stated_lang {
        Some(_) => None,
        None => cputime::time(Stage::Language, || {
            crate::lang::detect(&text[front.body_start..])
        }),
    };
    Document {
        id,
        path: path.to_path_buf(),
        body_start: front.body_start,
        title,
        title_span,
        source: Meta::first_of([
            (entry.source, Provenance::Manifest),
            // A wire story carried by a site is the wire's: the text's
            // credit beats the carrier the format names.
            (
                text_outlet.clone().filter(|_| fields.source.is_some()),
                Provenance::Text,
            ),
            (fields.source, Provenance::Format),
            (front.source, Provenance::FrontMatter),
            (text_outlet.or(suffix_outlet), Provenance::Text),
        ]),
        published: Meta::first_of([
            (entry.published, Provenance::Manifest),
            (fields.published, Provenance::Format),
            (front.published, Provenance::FrontMatter),
            (inferred.published, Provenance::Text),
        ]),
        url: Meta::first_of([
            (entry.url, Provenance::Manifest),
            (fields.url, Provenance::Format),
            (front.url, Provenance::FrontMatter),
            (inferred.url, Provenance::Text),
        ]),
        pinned: false,
        originator: None,
        lang: Meta::first_of([
            (entry.lang, Provenance::Manifest),
            (fields.lang, Provenance::Format),
            (front.lang, Provenance::FrontMatter),
            (detected.map(|d| d.0), Provenance::Text),
        ]),
        lang_confidence: detected.map(|d| d.1).filter(|_| stated_lang.is_none()),
        text,
        pieces: Vec::new(),
        whole_bytes: 0,
        unplaced: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_beats_front_matter_beats_text() {
        let entry = manifest::Entry {
            source: Some("From Manifest".into()),
            ..Default::default()
        };
        let text = "---\ntitle: Front title\npublished: 2025-01-02\n---\n date 2025-03-04\nText title here and more\n".to_owned();
        let doc = document_from_text(
            "a".into(),
            Path::new("a.md"),
            text,
            Some(&entry),
            &mut Vec::new(),
        );
        assert_eq!(doc.source.value.as_deref(), Some("From Manifest"));
        assert_eq!(doc.source.from, Provenance::Manifest);
        assert_eq!(doc.title.value.as_deref(), Some("Front title"));
        assert_eq!(doc.title.from, Provenance::FrontMatter);
        assert_eq!(doc.published.value, NaiveDate::from_ymd_opt(2025, 1, 2));
        assert_eq!(
            doc.url,
            Meta {
                value: None,
                from: Provenance::Unknown
            }
        );
    }

    #[test]
    fn text_inference_when_nothing_else() {
        let text = "News.Az\n date 2025-03-04\nA headline about the ceasefire talks\n".to_owned();
        let doc = document_from_text("b".into(), Path::new("b.txt"), text, None, &mut Vec::new());
        assert_eq!(doc.published.value, NaiveDate::from_ymd_opt(2025, 3, 4));
        assert_eq!(doc.published.from, Provenance::Text);
        assert_eq!(doc.source.value.as_deref(), Some("News.Az"));
        let span = doc.title_span.clone().unwrap();
        assert_eq!(&doc.text[span], "A headline about the ceasefire talks");
    }

    #[test]
    fn broken_front_matter_is_a_warning_not_a_failure() {
        let mut warnings = Vec::new();
        let doc = document_from_text(
            "c".into(),
            Path::new("c.md"),
            "---\ntitle: x\n".into(),
            None,
            &mut warnings,
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].reason.contains("never closed"));
        assert_eq!(doc.body_start, 0);
    }

    #[test]
    fn load_reports_bad_files_and_missing_manifest_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("good.txt"),
            "A headline for the good article\nIt happened.",
        )
        .unwrap();
        std::fs::write(root.join("empty.txt"), "").unwrap();
        std::fs::write(root.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
        std::fs::write(root.join("manifest.toml"), "[[doc]]\nfile = \"gone.txt\"\n").unwrap();
        let corpus = load(root, None).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        let reasons: Vec<String> = corpus.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(corpus.problems.len(), 3, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("gone.txt") && r.contains("not found"))
        );
        assert!(reasons.iter().any(|r| r.contains("empty.txt: empty file")));
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("image.txt: not text (a PNG image)"))
        );
    }

    #[test]
    fn load_fails_on_missing_folder_and_bad_manifest() {
        assert!(
            load(Path::new("/no/such/folder"), None)
                .unwrap_err()
                .contains("does not exist")
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("manifest.toml"), "[[doc]]\nfile = 3\n").unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert!(err.contains("manifest.toml:2: key `file`"), "{err}");
    }

    #[test]
    fn clashing_stems_get_unique_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("x")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "one article text here").unwrap();
        std::fs::write(dir.path().join("x/a.md"), "another article text").unwrap();
        let corpus = load(dir.path(), None).unwrap();
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "x/a"]);
    }
}
