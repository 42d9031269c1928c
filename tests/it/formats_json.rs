//! News-API dumps and JSON Lines through the real binary (issue 12): one
//! record is one article with the id `<file stem>#<n>`, its fields give
//! the metadata, a malformed line is a warning naming it, and a broken
//! file is skipped with a message, never a panic.

use super::cli_support::{doc, export_json};

#[test]
fn a_newsapi_dump_gives_one_article_per_record_with_its_fields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("news.json"),
        r#"{"status":"ok","totalResults":2,"articles":[
          {"source":{"id":null,"name":"Harbour Post"},"title":"Port reopens after strike - Harbour Post","url":"https://harbour.example/a","publishedAt":"2024-05-06T21:30:00Z","content":"Drones hit the grain terminal in Odesa on Sunday, officials said."},
          {"source":{"name":"Valley News"},"title":"Bridge repaired","publishedAt":"2024-05-07T08:00:00Z","description":"<p>The bridge reopened on <b>Tuesday</b>.</p>"}
        ]}"#,
    )
    .unwrap();
    let (json, _) = export_json(dir.path(), &["--allow-empty"]);
    let first = doc(&json, "news#1");
    assert_eq!(first["title"], "Port reopens after strike");
    assert_eq!(first["source"], "Harbour Post");
    assert_eq!(first["published"], "2024-05-06");
    let events = json["events"].as_array().unwrap();
    let sunday = events
        .iter()
        .find(|e| e["doc"] == "news#1" && e["text"].as_str().unwrap().contains("grain terminal"))
        .expect("the body's event");
    assert_eq!(sunday["date"], "2024-05-05");
    let second = doc(&json, "news#2");
    assert_eq!(second["published"], "2024-05-07");
    assert!(
        events
            .iter()
            .any(|e| e["doc"] == "news#2" && e["text"] == "The bridge reopened on Tuesday."),
        "HTML in a field is read as text: {events:?}"
    );
}

#[test]
fn json_lines_warn_about_a_bad_line_and_read_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("scrape.jsonl"),
        "{\"title\":\"Shelling in the east\",\"date\":\"2023-11-09\",\"text\":\"Shelling hit the town on Wednesday.\"}\n{\"title\": broken\n{\"title\":\"Talks resume\",\"date\":\"2023-11-10\",\"text\":\"Talks resumed on Friday.\"}\n",
    )
    .unwrap();
    let (json, stderr) = export_json(dir.path(), &["--allow-empty"]);
    assert!(
        stderr.contains("scrape.jsonl") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert_eq!(doc(&json, "scrape#1")["title"], "Shelling in the east");
    assert_eq!(doc(&json, "scrape#2")["title"], "Talks resume");
}

#[test]
fn a_broken_or_foreign_json_file_is_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cut.json"), "[{\"title\": \"Half a rec").unwrap();
    std::fs::write(
        dir.path().join("config.json"),
        "{\"theme\": \"dark\", \"size\": 3}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ok.txt"),
        "Report from the front\n\nThe depot burned on March 3, 2025, officials said.\n",
    )
    .unwrap();
    let (json, stderr) = export_json(dir.path(), &["--allow-empty"]);
    assert!(
        stderr.contains("cut.json") && stderr.contains("not a readable JSON news dump"),
        "{stderr}"
    );
    assert!(stderr.contains("config.json"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn terminal_escapes_in_a_field_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.json"),
        "[{\"title\":\"Hi\\u001b]0;pwned\\u0007 there\",\"date\":\"2024-01-02\",\"text\":\"Strikes hit on Monday.\"}]",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args([
            "export",
            dir.path().to_str().unwrap(),
            "--no-cache",
            "--allow-empty",
        ])
        .output()
        .unwrap();
    let brief = String::from_utf8_lossy(&out.stdout);
    assert!(!brief.contains('\u{1b}'), "{brief:?}");
}

#[test]
fn a_manifest_fields_table_reads_a_shape_nobody_knows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("crawl.json"),
        r#"{"hits": [{"head_line": "Ferry line resumes", "story": "The ferry to the island resumed on Tuesday.",
          "when": "2024-06-05", "house": "Island Courier", "where": "https://courier.example/f"}]}"#,
    )
    .unwrap();
    let manifest = "[[doc]]\nfile = \"crawl.json\"\nfields = { records = \"hits\", title = \"head_line\", text = \"story\", published = \"when\", source = \"house\", url = \"where\" }\n";
    std::fs::write(dir.path().join("manifest.toml"), manifest).unwrap();
    let (json, _) = export_json(dir.path(), &[]);
    let d = doc(&json, "crawl#1");
    assert_eq!(d["title"], "Ferry line resumes");
    assert_eq!(d["source"], "Island Courier");
    assert_eq!(d["published"], "2024-06-05");
    assert_eq!(d["url"], "https://courier.example/f");
    assert!(
        json["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["date"] == "2024-06-04"),
        "{json}"
    );
}

#[test]
fn a_big_json_lines_dump_is_read_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut dump = String::new();
    for i in 1..=3000 {
        dump.push_str(&format!(
            "{{\"url\":\"https://valley.example/{i}\",\"date\":\"2024-03-{:02}\",\"title\":\"Report {i}\",\"text\":\"Shelling hit Nikopol on Monday, officials said. Record {i}.\"}}\n",
            i % 28 + 1
        ));
        if i == 1500 {
            dump.push_str("{\"truncated\": \n");
        }
    }
    std::fs::write(dir.path().join("big.jsonl"), dump).unwrap();
    let (json, stderr) = export_json(dir.path(), &[]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 3000);
    assert_eq!(doc(&json, "big#3000")["title"], "Report 3000");
    assert!(stderr.contains("line 1501"), "{stderr}");
}
