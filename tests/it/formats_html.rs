//! Saved web pages through the real binary (issue 12): the story's events,
//! the head's metadata, and none of the page's furniture.

use super::cli_support::export_json;

#[test]
fn a_saved_page_gives_its_story_and_metadata_and_no_furniture() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("port-page.html"),
        r#"<!DOCTYPE html><html><head><title>Port reopens | Harbour Post</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port reopens after a week","datePublished":"2024-05-07T09:00:00+03:00","publisher":{"@type":"Organization","name":"Harbour Post"}}</script>
<script>window.stamp = "Updated March 3, 2020";</script><style>.x{}</style></head>
<body><nav>World · Live · March 3, 2020</nav><main><article><h1>Port reopens after a week</h1>
<figure><img src="a.jpg"><figcaption>Cranes at the port on May 1, 2024.</figcaption></figure>
<p>The port of Izmail reopened on Monday after a week of repairs, the regional governor told reporters at the gate.</p>
<p>Drones had struck its grain terminal on April 29, damaging two warehouses and a crane, officials said on the day.</p>
<p>Loading began again on Tuesday morning &amp; exports should recover by June, the port authority said.</p>
</article></main><aside><p>Most read: Storm floods the coast on March 2, 2021.</p></aside>
<footer><p>© 2024 Harbour Post. All rights reserved.</p></footer></body></html>"#,
    )
    .unwrap();
    let (json, _) = export_json(dir.path(), &[]);
    let doc = &json["documents"][0];
    assert_eq!(doc["id"], "port-page");
    assert_eq!(doc["published"], "2024-05-07");
    assert_eq!(doc["source"], "Harbour Post");
    let texts: Vec<String> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("reopened on Monday")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("April 29")), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Tuesday morning & exports")),
        "entities decoded: {texts:?}"
    );
    for furniture in [
        "2020",
        "May 1, 2024",
        "March 2, 2021",
        "All rights reserved",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(furniture)),
            "{furniture}: {texts:?}"
        );
    }
}
