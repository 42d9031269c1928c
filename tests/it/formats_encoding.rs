//! Legacy Cyrillic encodings through the real binary (issue 12): a
//! Windows-1251 Ukrainian article reads as Ukrainian and is placed.

use super::cli_support::export_json;

#[test]
fn a_windows_1251_ukrainian_article_reads_as_ukrainian_and_is_placed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Обстріл Харкова\n\n14.02.2025 російські війська обстріляли Харків, повідомила обласна адміністрація.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(std::str::from_utf8(&bytes).is_err(), "the file is no UTF-8");
    std::fs::write(dir.path().join("kharkiv.txt"), &bytes).unwrap();
    let (json, _) = export_json(dir.path(), &[]);
    let event = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["date"] == "2025-02-14" && e["text"].as_str().unwrap().contains("обстріляли Харків")
        })
        .unwrap_or_else(|| panic!("{json}"));
    let regions: Vec<&str> = event["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(regions.contains(&"Kharkiv"), "{regions:?}");
}
