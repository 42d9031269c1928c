//! A Telegram Desktop export through the real binary (issue 12): each
//! message is an article `result#<message id>`, dated in UTC, from the
//! channel; service and text-less messages are counted, not read.

use std::process::Command;

#[test]
fn a_channel_export_round_trips_through_the_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("result.json"),
        r#"{
 "name": "Oblast Watch",
 "type": "public_channel",
 "id": 4242,
 "messages": [
  {"id": 1, "type": "service", "date": "2025-02-13T08:00:00", "date_unixtime": "1739433600", "action": "pin_message"},
  {"id": 2, "type": "message", "date": "2025-02-13T09:10:00", "date_unixtime": "1739437800",
   "text": ["Overnight, drones attacked ", {"type": "bold", "text": "Kharkiv"}, ". Two people were injured, the governor said on Thursday."]},
  {"id": 3, "type": "message", "date": "2025-02-13T10:00:00", "date_unixtime": "1739440800", "photo": "photos/p.jpg", "text": ""},
  {"id": 5, "type": "message", "date": "2025-02-14T07:00:00", "date_unixtime": "1739516400",
   "text": "Shelling hit Kupiansk on Friday morning, local officials reported."}
 ]
}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args([
            "export",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 service message and 1 message without text skipped"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["result#2", "result#5"]);
    assert_eq!(json["documents"][0]["source"], "Oblast Watch");
    assert_eq!(json["documents"][0]["published"], "2025-02-13");
    let events = json["events"].as_array().unwrap();
    let kharkiv = events
        .iter()
        .find(|e| {
            e["doc"] == "result#2"
                && e["text"]
                    .as_str()
                    .unwrap()
                    .contains("governor said on Thursday")
        })
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(kharkiv["date"], "2025-02-13");
    let kupiansk = events
        .iter()
        .find(|e| e["doc"] == "result#5" && e["date"] == "2025-02-14")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert!(
        kupiansk["regions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "Kupiansk")
    );
}
