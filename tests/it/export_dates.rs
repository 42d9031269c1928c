//! `frontlog export` with a date filter, driven as a user would: a day is a
//! day (events known only to the year, month or week are left out and
//! counted), `--include-coarser` adds them, and an export that only coarser
//! events would fill says how to get them.

use std::path::Path;
use std::process::{Command, Output};

/// One article published on Thursday 2025-02-27, with an event of that
/// day, one of its month, one of its ISO week and one of its year (the
/// terminal app's tests read it too).
pub const ARTICLE: &str = "Drone strikes in Kharkiv\n\n\
By Jane Roe, Reuters\nFebruary 27, 2025\n\n\
Russian drones struck Kharkiv on Thursday, the mayor said.\n\n\
Earlier this month, troops withdrew from Sudzha.\n\n\
In 2025 the war entered its fourth year, officials said.\n\n\
The week of talks in Riyadh ended this week without a deal.\n";

/// A corpus folder holding [`ARTICLE`].
pub fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kharkiv.txt"), ARTICLE).unwrap();
    dir
}

fn export(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .arg("export")
        .arg(corpus)
        .arg("--no-cache")
        .args(args)
        .env(
            "XDG_CONFIG_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-config"),
        )
        .output()
        .expect("the binary runs")
}

/// The arguments of a filter on one date (a day, a month), with
/// `--include-coarser` or not.
fn on(date: &str, include_coarser: bool) -> Vec<&str> {
    let mut args = vec!["--from", date, "--to", date];
    if include_coarser {
        args.push("--include-coarser");
    }
    args
}

/// The `(label, precision)` of every event of a JSON export.
fn events(corpus: &Path, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["--format", "json"];
    all.extend(args);
    let out = export(corpus, &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap().to_owned(),
                e["precision"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_day_keeps_that_days_events_and_include_coarser_adds_the_rest() {
    let dir = corpus();
    let all = events(dir.path(), &[]);
    let precisions: Vec<&str> = all.iter().map(|(_, p)| p.as_str()).collect();
    for p in ["day", "week", "month", "year"] {
        assert!(precisions.contains(&p), "the article gives a {p}: {all:?}");
    }
    let day = events(dir.path(), &on("2025-02-27", false));
    assert!(!day.is_empty());
    assert!(
        day.iter().all(|(l, p)| l == "2025-02-27" && p == "day"),
        "{day:?}"
    );
    let with = events(dir.path(), &on("2025-02-27", true));
    assert_eq!(with.len(), all.len(), "every event overlaps the day");
    // A month keeps its days and itself; the year is coarser, and so is the
    // week of 24 February to 2 March, which runs into March (it would
    // otherwise count in both months).
    let feb = events(dir.path(), &on("2025-02", false));
    let kinds: Vec<&str> = feb.iter().map(|(_, p)| p.as_str()).collect();
    assert!(!kinds.contains(&"year"), "{feb:?}");
    assert!(
        kinds.contains(&"month") && kinds.contains(&"day"),
        "{feb:?}"
    );
    assert!(!kinds.contains(&"week"), "{feb:?}");
    assert_eq!(feb.len(), all.len() - 2);
    let march = events(dir.path(), &on("2025-03", true));
    assert!(march.iter().any(|(_, p)| p == "week"), "{march:?}");
}

#[test]
fn the_briefing_counts_what_a_day_leaves_out() {
    let dir = corpus();
    let out = export(dir.path(), &on("2025-02-27", false));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains(
            "- **Coarser dates:** 3 events known only to a week, month or year \
             overlapping the dates are left out (`frontlog export --include-coarser` adds them)."
        ),
        "{md}"
    );
    assert!(md.contains("- **Filters:** date 2025-02-27\n"), "{md}");
    let out = export(dir.path(), &on("2025-02-27", true));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("- **Filters:** date 2025-02-27; coarser dates included\n"),
        "{md}"
    );
    assert!(md.contains(
        "3 events known only to a week, month or year overlapping the dates are included."
    ));
    assert!(md.contains("## 2025 (year)"), "{md}");
}

#[test]
fn an_export_only_coarser_events_would_fill_says_how_to_get_them() {
    let dir = corpus();
    // Saturday 2025-03-01: the week (24 Feb – 2 Mar) and the year overlap
    // it, and nothing is known to that day.
    let out = export(dir.path(), &on("2025-03-01", false));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing written");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "2 known only to a coarser period overlap the dates (--include-coarser adds them)"
        ),
        "{err}"
    );
    let out = export(dir.path(), &on("2025-03-01", true));
    assert!(out.status.success());
}
