//! Saved web pages. The main text is taken by `dom_smoothie` (a port of
//! Mozilla's Readability) as Markdown, after the parts of a page that are
//! never the story are removed: scripts and styles, navigation, asides,
//! footers, figures and their captions, forms. The metadata comes from the
//! page's head: `og:title` and `og:site_name`, then JSON-LD `NewsArticle`
//! through dom_smoothie (`headline`, `datePublished` or
//! `article:published_time`, `publisher`), then `<time datetime>` and
//! `<link rel=canonical>`. One page is one article, whose id is the file
//! stem.

use std::path::Path;

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};

use super::{Hints, Item, Read, Reader};

/// The HTML page reader.
pub const READER: Reader = Reader {
    name: "web page",
    sniff,
    read,
    stream: None,
};

/// Parts of a page that never hold the story.
const NEVER_STORY: &str = "script:not([type=\"application/ld+json\"]), style, noscript, template, nav, aside, footer, header nav, figure, figcaption, form, iframe, svg, button, select, img, picture";

fn sniff(path: &Path, head: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return true;
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html") || t.starts_with("<html")
}

fn read(_path: &Path, text: &str, _hints: &Hints) -> Result<Read, String> {
    let doc = dom_query::Document::from(text);
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string())
        .filter(|h| h.starts_with("http"));
    let meta = |property: &str| {
        doc.select(&format!(
            "meta[property=\"{property}\"], meta[name=\"{property}\"]"
        ))
        .attr("content")
        .map(|c| crate::corpus::display_line(&c))
        .filter(|c| !c.is_empty())
    };
    let lang = doc
        .select("html[lang]")
        .attr("lang")
        .map(|l| crate::lang::Lang::parse(&l));
    let og_title = meta("og:title");
    let og_site = meta("og:site_name");
    let time = doc
        .select("time[datetime]")
        .attr("datetime")
        .and_then(|d| date_of(&d));
    doc.select(NEVER_STORY).remove();
    let cfg = Config {
        text_mode: TextMode::Markdown,
        ..Default::default()
    };
    let mut readability =
        Readability::with_document(doc, None, Some(cfg)).map_err(|e| e.to_string())?;
    let article = readability.parse().map_err(|e| e.to_string())?;
    let published = article
        .published_time
        .as_deref()
        .and_then(date_of)
        .map(|d| (d, "datePublished"))
        .or(time.map(|d| (d, "time")));
    // The page's own Open Graph names first: JSON-LD's `headline` and
    // `publisher` are at times the paper's name or its legal one.
    let title =
        og_title.or_else(|| Some(article.title.trim().to_owned()).filter(|t| !t.is_empty()));
    let source = og_site.or_else(|| {
        article
            .site_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    });
    Ok(Read {
        items: vec![Item {
            n: 1,
            title,
            published,
            source,
            url: canonical,
            body: article.text_content.to_string(),
            lang,
            ..Item::default()
        }],
        warnings: Vec::new(),
        whole_file: true,
    })
}

/// The UTC day of a date-time ("2023-05-15T11:05:00+01:00"), else a plain
/// date in any shape the metadata reader knows.
fn date_of(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&chrono::Utc).date_naive());
    }
    crate::corpus::datevalue::parse(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_plain(path: &Path, text: &str) -> Result<Read, String> {
        read(path, text, &Hints::default())
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Port reopens | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post">
<meta property="article:published_time" content="2024-05-06T21:30:00Z">
<link rel="canonical" href="https://harbour.example/port">
<script>var published = "2019-01-01";</script></head>
<body><nav><a href="/">Home</a> <a href="/w">World, March 3, 2020</a></nav>
<article><h1>Port reopens</h1>
<figure><img src="x.jpg"><figcaption>The port on May 1, 2024. Photo: Agency</figcaption></figure>
<p>The port of Izmail reopened on Monday after a week of repairs, the regional governor said in a statement to reporters.</p>
<p>Drones had struck its grain terminal on April 29, damaging two warehouses and a crane, officials said.</p>
<p>Ships began to load again on Tuesday morning, the port authority said, and exports should recover by June.</p>
</article><aside>Most read: Storm hits coast on March 2, 2021</aside><footer>© 2024 Harbour Post</footer></body></html>"#;

    #[test]
    fn the_story_and_its_metadata_without_the_furniture() {
        let r = read_plain(Path::new("p.html"), PAGE).unwrap();
        let it = &r.items[0];
        assert!(r.whole_file);
        assert_eq!(
            it.published.map(|p| p.0.to_string()),
            Some("2024-05-06".into())
        );
        assert_eq!(it.source.as_deref(), Some("Harbour Post"));
        assert_eq!(it.url.as_deref(), Some("https://harbour.example/port"));
        assert!(it.title.as_deref().unwrap().starts_with("Port reopens"));
        assert!(it.body.contains("reopened on Monday"), "{}", it.body);
        for furniture in ["2019", "May 1, 2024", "March 3, 2020", "March 2, 2021", "©"] {
            assert!(!it.body.contains(furniture), "{furniture} in {}", it.body);
        }
    }

    #[test]
    fn sniffing_takes_pages_without_their_extension() {
        assert!(sniff(Path::new("saved.txt"), b"<!DOCTYPE html><html>"));
        assert!(!sniff(Path::new("note.txt"), b"An <html> tag in prose"));
    }
}
