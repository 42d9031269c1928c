//! Hostile input for every reader (issue 12): truncated and malformed
//! pages, feeds and dumps, a huge one-line JSON, deep nesting and binary
//! bytes under a structured name. Each is a warning naming the file or a
//! partial read; never a panic, and the other files are still read.

use super::cli_support::export_json;

#[test]
fn broken_structured_files_are_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("cut.xml"),
        "<?xml version=\"1.0\"?><rss><channel><title>X</title><item><title>Half",
    )
    .unwrap();
    std::fs::write(p.join("cut.html"), "<!DOCTYPE html><html><head><title>Cut page</title></head><body><p>The bridge was hit on March 3, 2025, officials said, and").unwrap();
    std::fs::write(
        p.join("deep.json"),
        format!("{}{}", "[".repeat(100_000), "]".repeat(10)),
    )
    .unwrap();
    std::fs::write(
        p.join("noise.json"),
        [0xFFu8, 0xFE, 0x00, 0x7B, 0x00, 0x22, 0xD8, 0x00],
    )
    .unwrap();
    std::fs::write(p.join("tags.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[A &amp; B <b>bold</b>]]></title><description>&lt;script&gt;x=\"scripted\"&lt;/script&gt;Talks opened on March 4, 2025.</description></item></channel></rss>").unwrap();
    // A huge dump on one line: 20,000 records.
    let records: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"title":"Item {i}","date":"2025-03-05","text":"Shelling was reported on March 5, 2025, in district {i}."}}"#))
        .collect();
    std::fs::write(p.join("huge.json"), format!("[{}]", records.join(","))).unwrap();
    std::fs::write(
        p.join("ok.txt"),
        "Report\n\nThe depot burned on March 3, 2025, officials said.\n",
    )
    .unwrap();
    let (json, stderr) = export_json(p, &[]);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("frontlog failed on this file"),
        "{stderr}"
    );
    assert!(stderr.contains("deep.json"), "{stderr}");
    let docs = json["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"ok"), "{ids:?}");
    assert!(
        ids.contains(&"cut"),
        "a truncated page is read as far as it goes: {ids:?}"
    );
    assert_eq!(
        ids.iter().filter(|i| i.starts_with("huge#")).count(),
        20_000
    );
    let texts: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("Talks opened on March 4")),
        "{stderr}"
    );
    let bad: Vec<&&str> = texts.iter().filter(|t| t.contains("scripted")).collect();
    assert!(bad.is_empty(), "script text in a feed is no event: {bad:?}");
}
