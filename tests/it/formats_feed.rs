//! RSS and Atom feeds through the real binary (issue 12): one item is one
//! article, dated by its own date, never by the channel's build date.

use super::cli_support::{doc, export_json};

#[test]
fn a_feed_gives_one_article_per_item_and_undated_items_stay_undated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("world.rss"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley News - World</title>
<lastBuildDate>Thu, 08 Aug 2024 10:00:00 GMT</lastBuildDate>
<item><title><![CDATA[Drones hit the port]]></title><link>https://valley.example/a</link>
<pubDate>Tue, 07 May 2024 06:00:00 GMT</pubDate>
<description><![CDATA[<p>Drones hit the port of Izmail on Monday night, officials said.</p><script>var d = "2019-01-01";</script>]]></description></item>
<item><title>Gift guide</title><link>https://valley.example/b</link><description>Ideas for Friday.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("atom.xml"),
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:x</id><updated>2024-08-08T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:1</id><link href="https://harbour.example/t"/>
<published>2024-05-09T09:00:00Z</published><updated>2024-05-09T09:00:00Z</updated>
<summary>Talks resumed in Geneva on Thursday.</summary></entry></feed>"#,
    )
    .unwrap();
    let (json, _) = export_json(dir.path(), &[]);
    let by_id = |id: &str| doc(&json, id);
    assert_eq!(by_id("world#1")["title"], "Drones hit the port");
    assert_eq!(by_id("world#1")["published"], "2024-05-07");
    assert_eq!(by_id("world#1")["source"], "Valley News - World");
    assert!(
        by_id("world#2")["published"].is_null(),
        "not the build date"
    );
    assert_eq!(by_id("atom#1")["published"], "2024-05-09");
    assert_eq!(by_id("atom#1")["source"], "Harbour Post");
    let events = json["events"].as_array().unwrap();
    let texts: Vec<&str> = events.iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("Izmail on Monday night")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("2019")),
        "script text is no event: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Geneva on Thursday")),
        "{texts:?}"
    );
}
