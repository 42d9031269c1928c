//! Front matter at the top of a Markdown article: either TOML between `+++`
//! lines or `key: value` lines between `---` lines, with the key variants
//! crawlers and site generators write: `title`/`headline`; the outlet in
//! `source`, `outlet`, `publisher`, `site_name` (a URL there is the page's
//! address, and its domain names the outlet); the date in `published`,
//! `published_date`, `publish_date`, `published_at`, `date_published`,
//! `datePublished`, `pubDate`, `date`, `created`; the address in `url`,
//! `link`, `source_url`. A bad value is a warning naming its key; the rest
//! of the block still counts.

use chrono::NaiveDate;

use crate::corpus::{datevalue, metadata, outlets};

/// Metadata read from front matter, and where the article body starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Headline.
    pub title: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Address of the article.
    pub url: Option<String>,
    /// Language (`lang`, `language`, `locale`, `inLanguage`).
    pub lang: Option<crate::lang::Lang>,
    /// Byte offset where the body begins (just past the closing fence).
    pub body_start: usize,
    /// Values that were ignored, each naming its key and why.
    pub warnings: Vec<String>,
}

/// Reads front matter at the very top of `text`. Returns `Ok(None)` when
/// there is none, and an error message (with the line) when a block is open
/// but broken; the caller then treats the whole file as body.
pub fn parse(text: &str) -> Result<Option<FrontMatter>, String> {
    let fence = if text.starts_with("+++") {
        "+++"
    } else if text.starts_with("---") {
        "---"
    } else {
        return Ok(None);
    };
    let first_end = match text.find('\n') {
        Some(i) if text[..i].trim_end() == fence => i + 1,
        _ => return Ok(None),
    };
    let mut offset = first_end;
    let mut close = None;
    for line in text[first_end..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((inner_end, body_start)) = close else {
        return Err(format!(
            "front matter opened with `{fence}` on line 1 is never closed"
        ));
    };
    let inner = &text[first_end..inner_end];
    let mut fm = if fence == "+++" {
        toml_block(inner)?
    } else {
        yaml_lines(inner)?
    };
    fm.body_start = body_start;
    Ok(Some(fm))
}

fn toml_block(inner: &str) -> Result<FrontMatter, String> {
    let table: toml::Table = toml::from_str(inner).map_err(|e| {
        let line = e
            .span()
            .map(|s| inner[..s.start.min(inner.len())].matches('\n').count() + 2);
        match line {
            Some(l) => format!("front matter line {l}: {}", e.message().trim()),
            None => format!("front matter: {}", e.message().trim()),
        }
    })?;
    let mut fields = Fields::default();
    for (key, value) in table {
        match value {
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::String(s) = item {
                        fields.list_item(&key, &s);
                    }
                }
            }
            toml::Value::String(s) => fields.set(&key, &s),
            toml::Value::Datetime(d) => fields.set(&key, &d.to_string()),
            other => fields.set(&key, &other.to_string()),
        }
    }
    Ok(fields.finish())
}

fn yaml_lines(inner: &str) -> Result<FrontMatter, String> {
    let mut fields = Fields::default();
    let mut list_key: Option<&str> = None;
    for line in inner.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let (Some(key), Some(item)) = (list_key, trimmed.strip_prefix("- ")) {
            fields.list_item(key, unquote(item));
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // The continuation of a folded value: not a key of its own.
            continue;
        }
        list_key = None;
        if let Some((key, value)) = trimmed.split_once(':') {
            let (key, value) = (key.trim(), value.trim());
            if value.is_empty() {
                list_key = Some(key);
            } else {
                fields.set(key, unquote(value));
            }
        }
    }
    Ok(fields.finish())
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Keys that name the outlet.
const SOURCE_KEYS: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site_name",
    "sitename",
    "site",
];
/// Keys that give the article's address.
const URL_KEYS: &[&str] = &[
    "url",
    "link",
    "source_url",
    "canonical",
    "canonical_url",
    "permalink",
];
/// Keys that give the publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "published",
    "published_date",
    "publish_date",
    "published_at",
    "date_published",
    "datepublished",
    "pubdate",
    "date",
    "created",
    "created_at",
];
/// Keys whose value or list items may name a known outlet (a weaker sign
/// than a source key: only a name from the outlet table counts).
const BRAND_KEYS: &[&str] = &["author", "authors", "categories", "category", "tags"];

/// The fields of one block as they are read, before they are settled.
#[derive(Default)]
struct Fields {
    fm: FrontMatter,
    /// The date and the rank of its key in [`DATE_KEYS`].
    date: Option<(usize, NaiveDate)>,
    /// An outlet named by an author or category field.
    brand: Option<&'static str>,
}

impl Fields {
    fn set(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let lower = key.to_ascii_lowercase();
        let k = lower.as_str();
        if k == "title" || k == "headline" {
            self.fm.title = Some(value.to_owned());
        } else if SOURCE_KEYS.contains(&k) {
            if value.starts_with("http://") || value.starts_with("https://") {
                // A crawler's `source:` is often the page's address.
                self.fm.url.get_or_insert_with(|| value.to_owned());
                if let Some(outlet) = outlets::of_url(value) {
                    self.fm.source.get_or_insert(outlet);
                }
            } else {
                self.fm.source = Some(value.to_owned());
            }
        } else if URL_KEYS.contains(&k) {
            self.fm.url = Some(value.to_owned());
        } else if matches!(k, "lang" | "language" | "locale" | "inlanguage") {
            self.fm.lang = Some(crate::lang::Lang::parse(value));
        } else if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
            match datevalue::parse(value) {
                Ok(day) => {
                    if self.date.is_none_or(|(r, _)| rank < r) {
                        self.date = Some((rank, day));
                    }
                }
                Err(why) => self
                    .fm
                    .warnings
                    .push(format!("front matter key `{key}`: {why}; ignored")),
            }
        } else if BRAND_KEYS.contains(&k) {
            self.list_item(key, value);
        }
    }

    fn list_item(&mut self, key: &str, value: &str) {
        let lower = key.to_ascii_lowercase();
        if BRAND_KEYS.contains(&lower.as_str()) && self.brand.is_none() {
            self.brand = outlets::named(value);
        } else if SOURCE_KEYS.contains(&lower.as_str()) {
            self.set(key, value);
        }
    }

    /// The block's metadata. A date that the block's own address
    /// contradicts (a `date:` copied from a photo caption beside a URL
    /// ending in the real day) yields to the address's date, and so does a
    /// missing one.
    fn finish(mut self) -> FrontMatter {
        let url_day = self.fm.url.as_deref().and_then(metadata::url_date);
        self.fm.published = match (self.date, url_day) {
            (Some((_, d)), Some(u)) if d != u => {
                self.fm.warnings.push(format!(
                    "front matter date {d} contradicts the date {u} in its own URL; took {u}"
                ));
                Some(u)
            }
            (Some((_, d)), _) => Some(d),
            (None, u) => u,
        };
        if self.fm.source.is_none() {
            self.fm.source = self.brand.map(str::to_owned);
        }
        self.fm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter of a text that has a well-formed block.
    fn block(text: &str) -> FrontMatter {
        parse(text).unwrap().unwrap()
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Strike on Odesa\"\npublished = 2025-02-10\nsource = \"Outlet\"\n+++\nBody.";
        let fm = block(text);
        assert_eq!(fm.title.as_deref(), Some("Strike on Odesa"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.source.as_deref(), Some("Outlet"));
        assert_eq!(&text[fm.body_start..], "Body.");
    }

    #[test]
    fn dash_front_matter_with_quotes_and_timestamp() {
        let text = "---\ntitle: \"A: headline\"\npublished: 2025-02-10T08:00:00Z\nurl: https://x.example/a\n---\nBody";
        let fm = block(text);
        assert_eq!(fm.title.as_deref(), Some("A: headline"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(parse("Title\n---\nmore").unwrap(), None);
        assert_eq!(parse("---- a rule\ntext").unwrap(), None);
    }

    #[test]
    fn broken_front_matter_is_reported() {
        assert!(
            parse("---\ntitle: x\nno end")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(
            parse("+++\ntitle = \n+++\n")
                .unwrap_err()
                .contains("line 2")
        );
    }

    #[test]
    fn one_bad_value_is_a_warning_and_the_rest_counts() {
        let fm = block("---\ntitle: Kept\npublished: yesterday\n---\nBody");
        assert_eq!(fm.title.as_deref(), Some("Kept"));
        assert_eq!(fm.published, None);
        assert_eq!(fm.warnings.len(), 1);
        assert!(fm.warnings[0].contains("`published`"), "{:?}", fm.warnings);
    }

    #[test]
    fn crawler_key_variants() {
        let fm = block(
            "---\npublished_date: 2025-05-29T00:00:00\nsource_url: https://example.org/a\nsite_name: Example Daily\n---\n",
        );
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 5, 29));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(fm.source.as_deref(), Some("Example Daily"));
        let fm = block("+++\ndatePublished = \"Tue, 04 Mar 2025 07:15:00 +0000\"\n+++\n");
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 3, 4));
    }

    #[test]
    fn a_url_under_source_is_the_address_and_its_domain_the_outlet() {
        let fm = block("---\nsource: https://www.reuters.com/world/some-story/\n---\n");
        assert_eq!(fm.source.as_deref(), Some("Reuters"));
        assert_eq!(
            fm.url.as_deref(),
            Some("https://www.reuters.com/world/some-story/")
        );
        let fm = block("---\nsource: \"https://feeds.unlisted-site.net/rss/world\"\n---\n");
        assert_eq!(fm.source.as_deref(), Some("unlisted-site.net"));
    }

    #[test]
    fn the_block_s_own_url_settles_a_contradicting_date() {
        let fm =
            block("---\nurl: https://example.org/news/2024/03/05/story\ndate: 2011-01-01\n---\n");
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(fm.warnings.len(), 1);
        let fm = block("---\nurl: https://example.org/a-2024-03-05.htm\ndate: unknown\n---\n");
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn an_author_or_category_that_is_a_known_outlet_names_it() {
        let fm = block("---\ncategories:\n- Politics\n- Reuters\n---\n");
        assert_eq!(fm.source.as_deref(), Some("Reuters"));
        let fm = block("---\nauthor: Reuters Staff\n---\n");
        assert_eq!(fm.source.as_deref(), Some("Reuters"));
        let fm = block("---\nauthor: Jane Roe\n---\n");
        assert_eq!(fm.source, None);
    }
}
