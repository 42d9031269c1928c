//! `frontlog export --type`: the type filter on the command line, sharing
//! the app's query path. Valid codes keep the events of those types (any
//! of them, any case, comma-separated or repeated) and the briefing's
//! "Filters:" line names them; an unknown code is a usage error that lists
//! the valid ones. On `tests/data/type_corpus/` (written for these tests).

use std::path::PathBuf;

use crate::cli_support::{export_json, frontlog};

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/type_corpus"
    ))
}

/// The types of the exported events.
fn types(json: &serde_json::Value) -> Vec<String> {
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn type_keeps_the_events_of_the_types_given() {
    let (all, _) = export_json(&corpus(), &[]);
    assert_eq!(types(&all).len(), 15);
    let (json, _) = export_json(&corpus(), &["--type", "aid,talks"]);
    let got = types(&json);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got.iter().all(|t| t == "aid" || t == "talks"), "{got:?}");
    // Repeated, in any case: the same as comma-separated.
    let (again, _) = export_json(&corpus(), &["--type", "Aid", "--type", " talks"]);
    assert_eq!(types(&again), got);
    // With another filter: both apply.
    let (both, _) = export_json(
        &corpus(),
        &["--type", "aid,talks", "--source", "River Gazette"],
    );
    assert_eq!(types(&both).len(), 5);
    let (none, _) = export_json(
        &corpus(),
        &[
            "--type",
            "sanctions",
            "--source",
            "River Gazette",
            "--allow-empty",
        ],
    );
    assert!(types(&none).is_empty());
}

#[test]
fn the_briefing_names_the_types_in_its_filters_line() {
    let dir = corpus();
    let out = frontlog(&[
        "export",
        dir.to_str().unwrap(),
        "--no-cache",
        "--type",
        "explosions_remote_violence,battles",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let md = String::from_utf8_lossy(&out.stdout);
    let filters = md
        .lines()
        .find(|l| l.starts_with("- **Filters:**"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        filters.contains("types Battles or Explosions/Remote violence"),
        "{filters}"
    );
    assert!(md.contains("Kherson"), "{md}");
    assert!(!md.contains("Norway"), "{md}");
}

#[test]
fn an_unknown_type_is_an_error_that_lists_the_valid_ones() {
    let dir = corpus();
    for bad in ["shelling", "aid,shelling", "Explosions/Remote violence"] {
        let out = frontlog(&["export", dir.to_str().unwrap(), "--no-cache", "--type", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty(), "nothing is written for {bad}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("unknown event type `"), "{stderr}");
        for code in frontlog::kinds::codes() {
            assert!(stderr.contains(code), "{code} missing from: {stderr}");
        }
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }
}
