//! A Telegram Desktop export through the real binary (issue 12): each
//! message is an article `result#<message id>`, dated in UTC, from the
//! channel; service and text-less messages are counted, not read.

use super::cli_support::{doc, export_json};

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
    let (json, stderr) = export_json(dir.path(), &[]);
    assert!(
        stderr.contains("1 service message and 1 message without text skipped"),
        "{stderr}"
    );
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

#[test]
fn the_manifest_gives_the_zone_of_local_times_and_the_channel_username() {
    let dir = tempfile::tempdir().unwrap();
    // An older export without date_unixtime: local times of a Kyiv computer.
    std::fs::write(
        dir.path().join("result.json"),
        r#"{"name": "Oblast Watch", "type": "public_channel", "id": 4242, "messages": [
  {"id": 17, "type": "message", "date": "2025-02-14T01:20:00", "forwarded_from": "Air Force",
   "text": "Drones were shot down over Poltava Oblast overnight."}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("manifest.toml"),
        "[[doc]]\nfile = \"result.json\"\ntz = \"Europe/Kyiv\"\nusername = \"oblastwatch\"\n",
    )
    .unwrap();
    let (json, _) = export_json(dir.path(), &[]);
    let m = doc(&json, "result#17");
    // 01:20 in Kyiv (UTC+2) is 23:20 UTC on the day before.
    assert_eq!(m["published"], "2025-02-13");
    assert_eq!(m["url"], "https://t.me/oblastwatch/17");
    assert_eq!(m["originator"], "Air Force");
    // A zone that does not exist is refused with its name.
    std::fs::write(
        dir.path().join("manifest.toml"),
        "[[doc]]\nfile = \"result.json\"\ntz = \"Kyiv/Summer\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args(["export", dir.path().to_str().unwrap(), "--no-cache"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("Kyiv/Summer"), "{stderr}");
}
