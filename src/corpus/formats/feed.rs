//! RSS 2.0, RSS 1.0, Atom and JSON Feed, parsed by `feed-rs`: one item is
//! one article. Its date is the item's own (`pubDate`, `published`, else
//! `updated`), never the channel's build date: an undated item stays
//! undated. The outlet is the channel's title without its section
//! ("BBC News - World" is BBC News, when the outlet table knows it). The
//! body is `content:encoded` or the description, with its HTML read as text.

use std::path::Path;

use super::{Hints, Item, Read, Reader};

/// The feed reader.
pub const READER: Reader = Reader {
    name: "news feed",
    sniff,
    read,
    stream: None,
};

fn sniff(path: &Path, head: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let text = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let feedish = text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf");
    match ext.as_deref() {
        Some("rss" | "atom") => true,
        Some("xml") => feedish,
        _ => text.trim_start().starts_with('<') && feedish && !text.contains("<html"),
    }
}

fn read(_path: &Path, text: &str, _hints: &Hints) -> Result<Read, String> {
    let feed = feed_rs::parser::parse(text.as_bytes()).map_err(|e| e.to_string())?;
    let channel = feed
        .title
        .as_ref()
        .map(|t| crate::corpus::display_line(&plain(&t.content)))
        .filter(|t| !t.is_empty())
        .map(|t| outlet_of_channel(&t));
    let mut out = Read::default();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let title = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.trim().is_empty());
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let published = entry
            .published
            .map(|d| (d.date_naive(), "published"))
            .or_else(|| entry.updated.map(|d| (d.date_naive(), "updated")));
        out.items.push(Item {
            n: i as u64 + 1,
            title,
            published,
            source: channel.clone(),
            url: entry.links.first().map(|l| l.href.clone()),
            body: plain(&html),
            ..Item::default()
        });
    }
    mark_pinned(&mut out.items);
    Ok(out)
}

/// How far (days) an item's date may lie from the feed's bulk before the
/// item counts as pinned.
const PINNED_AFTER_DAYS: i64 = 180;
/// How close (days) to the median the bulk of a feed's items lie.
const BULK_DAYS: i64 = 31;

/// Marks the items a feed keeps pinned: when at least three quarters of its
/// (five or more) dated items lie within [`BULK_DAYS`] of their median
/// date, an item dated more than [`PINNED_AFTER_DAYS`] before that median
/// is a standing item (an app promo, an evergreen page), not the news of
/// its day. A stale feed whose items are all old has no outlier and loses
/// nothing.
fn mark_pinned(items: &mut [Item]) {
    let mut days: Vec<_> = items
        .iter()
        .filter_map(|i| i.published.map(|p| p.0))
        .collect();
    if days.len() < 5 {
        return;
    }
    days.sort_unstable();
    let median = days[days.len() / 2];
    let bulk = days
        .iter()
        .filter(|d| (**d - median).num_days().abs() <= BULK_DAYS)
        .count();
    if bulk * 4 < days.len() * 3 {
        return;
    }
    for item in items {
        if let Some((day, _)) = item.published {
            item.pinned = (median - day).num_days() > PINNED_AFTER_DAYS;
        }
    }
}

/// Text of a field that may hold HTML (or plain text with entities, as
/// feeds escape them even inside CDATA).
fn plain(s: &str) -> String {
    if s.contains(['<', '&']) {
        let doc = dom_query::Document::from(format!("<div>{s}</div>").as_str());
        doc.select("script, style, noscript, iframe").remove();
        let mut out = String::new();
        for block in doc.select("p, div, li, h1, h2, h3, h4, blockquote").iter() {
            // Only the innermost blocks: their parents repeat their text.
            if block
                .select("p, div, li, h1, h2, h3, h4, blockquote")
                .exists()
            {
                continue;
            }
            let t = block.text();
            let t = t.trim();
            if !t.is_empty() {
                out.push_str(t);
                out.push('\n');
            }
        }
        if out.trim().is_empty() {
            doc.select("div").text().trim().to_string()
        } else {
            out.trim_end().to_string()
        }
    } else {
        s.trim().to_string()
    }
}

/// The outlet a channel title names, as the channel writes it: the head
/// before a separator when the outlet table knows it ("BBC News - World"
/// is "BBC News"). A web address is no name: "CNN.com - RSS Channel" is
/// the table's "CNN".
fn outlet_of_channel(title: &str) -> String {
    let first = [" - ", " | ", " – ", " — ", ": "]
        .iter()
        .find_map(|sep| title.split_once(sep).map(|(h, _)| h.trim()))
        .unwrap_or(title);
    if first.contains('.') && !first.contains(' ') {
        let url = format!("https://{}", first.to_ascii_lowercase());
        if let Some(known) = crate::corpus::outlets::of_url(&url) {
            return known.to_string();
        }
    }
    if crate::corpus::outlets::named_exactly(first).is_some() {
        return first.to_owned();
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_plain(path: &Path, text: &str) -> Result<Read, String> {
        read(path, text, &Hints::default())
    }

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title><![CDATA[Harbour Post - World]]></title><lastBuildDate>Thu, 08 Aug 2024 10:00:00 GMT</lastBuildDate>
<item><title><![CDATA[Port shelled &amp; closed]]></title><link>https://harbour.example/1</link>
<pubDate>Mon, 06 May 2024 21:30:00 GMT</pubDate>
<description>&lt;p&gt;The port was shelled on &lt;b&gt;Monday&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Shop our picks</title><link>https://harbour.example/2</link><description>Deals.</description></item>
</channel></rss>"#;

    #[test]
    fn items_give_title_link_own_date_and_text() {
        let r = read_plain(Path::new("f.xml"), RSS).unwrap();
        assert_eq!(r.items.len(), 2);
        let a = &r.items[0];
        assert_eq!(a.title.as_deref(), Some("Port shelled & closed"));
        assert_eq!(a.url.as_deref(), Some("https://harbour.example/1"));
        assert_eq!(
            a.published.map(|p| p.0.to_string()),
            Some("2024-05-06".into())
        );
        assert_eq!(a.body, "The port was shelled on Monday.");
        assert_eq!(a.source.as_deref(), Some("Harbour Post - World"));
        assert_eq!(outlet_of_channel("BBC News - World"), "BBC News");
        assert_eq!(outlet_of_channel("CNN.com - RSS Channel - HP Hero"), "CNN");
        // No date of its own: not the channel's build date.
        assert_eq!(r.items[1].published, None);
    }

    /// An RSS item dated `day`.
    fn dated(title: &str, day: &str) -> String {
        format!("<item><title>{title}</title><pubDate>{day} 10:00:00 GMT</pubDate></item>")
    }

    #[test]
    fn an_item_far_older_than_the_feed_is_pinned() {
        let mut items: String = (1..=6)
            .map(|d| dated(&format!("Story {d}"), &format!("Mon, 0{d} Jul 2024")))
            .collect();
        items.push_str(&dated("Get our app", "Tue, 13 Jun 2023"));
        let feed = format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>");
        let r = read_plain(Path::new("f.rss"), &feed).unwrap();
        let pinned: Vec<_> = r.items.iter().map(|i| i.pinned).collect();
        assert_eq!(pinned, [false, false, false, false, false, false, true]);
        // A stale feed, every item a year old: nothing stands out.
        let stale: String = (1..=6)
            .map(|d| dated("Old", &format!("Mon, 0{d} Jul 2023")))
            .collect();
        let feed = format!("<rss version=\"2.0\"><channel><title>T</title>{stale}</channel></rss>");
        let r = read_plain(Path::new("f.rss"), &feed).unwrap();
        assert!(r.items.iter().all(|i| !i.pinned));
    }

    #[test]
    fn sniffing_and_broken_feeds() {
        assert!(sniff(Path::new("a.xml"), RSS.as_bytes()));
        assert!(!sniff(
            Path::new("a.xml"),
            b"<?xml version=\"1.0\"?><config/>"
        ));
        assert!(read_plain(Path::new("a.rss"), "not xml at all").is_err());
    }
}
