//! The `frontlog export` command, driven as a user would: on the demo
//! corpus, on small corpora made for a test, and with every kind of bad input.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::cli_support::{frontlog, frontlog_cmd};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = frontlog(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// A corpus folder holding one article.
fn one_article(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn demo_corpus_is_the_default_and_reads_cleanly() {
    let out = frontlog(&["export", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert!(docs.len() >= 12, "a dozen or more demo articles");
    assert!(!v["events"].as_array().unwrap().is_empty());
    // The demo corpus has no problems; its undated articles are said, one
    // line each, and a total counting them all (issue 17: nothing drops
    // silently).
    let undated = docs.iter().filter(|d| d["published"].is_null()).count();
    let warnings = stderr(&out);
    let per_file = warnings
        .lines()
        .filter(|l| l.contains(": no publication date"))
        .count();
    assert_eq!(per_file, undated, "{warnings}");
    assert!(
        warnings.contains(&format!("{undated} articles have no publication date")),
        "{warnings}"
    );
    for line in warnings.lines() {
        assert!(line.contains("no publication date"), "{line}");
    }
}

#[test]
fn an_undated_article_is_said_by_export_and_stats() {
    let dir = one_article(
        "undated.txt",
        "Talks on the harbour\n\nThe ferry stopped on Tuesday and the port \
         reopened yesterday, while a survey was signed on 4 June 2024.\n",
    );
    let corpus = dir.path().to_str().unwrap();
    let out = frontlog(&["export", corpus, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warning = stderr(&out);
    assert!(
        warning.contains("undated.txt: no publication date: 2 relative dates not placed"),
        "{warning}"
    );
    let stats = frontlog(&["stats", corpus, "--no-cache"]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let figures = String::from_utf8(stats.stdout).unwrap();
    assert!(
        figures
            .contains("undated     1 article has no publication date: 2 relative dates not placed"),
        "{figures}"
    );
}

#[test]
fn an_empty_export_says_the_undated_articles_may_be_why() {
    // Only relative dates, and no publication date to place them from.
    let dir = one_article(
        "undated.txt",
        "Ferry halted\n\nThe ferry stopped on Tuesday and the port reopened yesterday.\n",
    );
    let out = frontlog(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("the corpus holds no event; 1 article has no publication date: 2 relative dates not placed"),
        "{err}"
    );
}

#[test]
fn export_and_stats_read_the_configured_folder_and_manifest() {
    let config = tempfile::tempdir().unwrap();
    let conf_dir = config.path().join("frontlog");
    std::fs::create_dir_all(&conf_dir).unwrap();
    let corpus = one_article(
        "harbour.txt",
        "Talks on the harbour\n\nThe port reopened on 4 June 2024 after repairs.\n",
    );
    let manifest = config.path().join("meta.toml");
    std::fs::write(
        &manifest,
        "[[doc]]\nfile = \"harbour.txt\"\nsource = \"Harbour Gazette\"\npublished = 2024-06-05\n",
    )
    .unwrap();
    std::fs::write(
        conf_dir.join("config.toml"),
        format!(
            "[general]\ncorpus_dir = \"{}\"\nmanifest = \"{}\"\n",
            corpus.path().display(),
            manifest.display()
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        frontlog_cmd()
            .env("XDG_CONFIG_HOME", config.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["export", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1, "the configured folder, not the demo corpus");
    assert_eq!(docs[0]["source"], "Harbour Gazette", "{}", docs[0]);
    assert_eq!(docs[0]["published_from"], "manifest");
    let stats = run(&["stats", "--no-cache"]);
    let figures = String::from_utf8(stats.stdout).unwrap();
    assert!(
        figures.contains("articles    1 (1 with a publication date)"),
        "{figures}"
    );
}

#[test]
fn json_records_where_metadata_came_from() {
    let v = json(&["export", demo().to_str().unwrap(), "--format", "json"]);
    let doc = |id: &str| {
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}"))
    };
    let manifest = doc("oval-office-meeting");
    assert_eq!(manifest["published"], "2025-02-28");
    assert_eq!(manifest["published_from"], "manifest");
    assert_eq!(manifest["source"], "The Guardian");
    let toml_front = doc("munich-security-conference");
    assert_eq!(toml_front["published_from"], "front-matter");
    assert_eq!(toml_front["source"], "Deutsche Welle");
    let dash_front = doc("riyadh-talks");
    assert_eq!(dash_front["published"], "2025-02-18");
    assert_eq!(dash_front["title_from"], "front-matter");
    let crawler = doc("chornobyl-drone");
    assert_eq!(crawler["published"], "2025-02-14");
    assert_eq!(crawler["published_from"], "text");
    let counter = doc("day-1088");
    assert_eq!(counter["published"], "2025-02-15", "day 1,088 of the war");
    let url = doc("putin-goals-ft");
    assert_eq!(url["published"], "2025-01-11");
    assert_eq!(url["source"], "Euronews");
    let undated = doc("undated-analysis");
    assert_eq!(undated["published"], serde_json::Value::Null);
    assert_eq!(undated["published_from"], "unknown");
}

#[test]
fn a_range_keeps_both_ends_and_a_year_stated_at_its_end_is_explicit() {
    let dir = one_article(
        "undated.txt",
        "Troops abroad\n\nForeign troops fought near Sudzha from October to December 2024, officials said.\n",
    );
    let v = json(&[
        "export",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--no-cache",
    ]);
    let e = &v["events"][0];
    assert_eq!(e["date"], "2024-10");
    assert_eq!(e["label"], "2024-10..2024-12");
    assert_eq!(
        (e["start"].as_str(), e["end"].as_str()),
        (Some("2024-10-01"), Some("2024-12-31"))
    );
    assert_eq!(
        e["anchor"], "explicit",
        "no publication date is needed: the sentence states the year"
    );
}

#[test]
fn every_dated_article_has_a_headline_event() {
    let v = json(&["export", demo().to_str().unwrap(), "--format", "json"]);
    for d in v["documents"].as_array().unwrap() {
        let headline = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["doc"] == d["id"] && e["anchor"] == "published");
        assert_eq!(headline, !d["published"].is_null(), "{}", d["id"]);
    }
}

#[test]
fn events_are_in_chronological_order_with_valid_spans() {
    let v = json(&["export", demo().to_str().unwrap(), "--format", "json"]);
    let events = v["events"].as_array().unwrap();
    let starts: Vec<&str> = events
        .iter()
        .map(|e| e["start"].as_str().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "sorted by start day"
    );
    for e in events {
        assert!(e["start"].as_str() <= e["end"].as_str());
        if let Some(span) = e["span"].as_array() {
            assert!(span[0].as_u64() < span[1].as_u64());
        }
    }
}

#[test]
fn markdown_is_the_default_format() {
    let out = frontlog(&["export"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# frontlog briefing"));
    assert!(md.contains("## Articles cited"));
    assert!(md.contains("- **Filters:** no filters"));
}

#[test]
fn dash_as_the_output_file_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = frontlog_cmd()
        .args(["export", "-o", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# frontlog briefing"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file named - is written"
    );
}

#[test]
fn the_app_takes_no_cache_like_the_commands() {
    // A missing folder fails before the terminal is touched, so the flag's
    // parsing is seen without a terminal.
    let out = frontlog(&["--no-cache", "/no/such/corpus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("does not exist"), "{err}");
    assert!(!err.contains("Usage"), "{err}");
}

#[test]
fn filters_shrink_the_slice_and_are_described() {
    let all = json(&["export", "--format", "json"])["events"]
        .as_array()
        .unwrap()
        .len();
    let some = json(&[
        "export",
        "--format",
        "json",
        "--from",
        "2025-02-14",
        "--to",
        "2025-02-14",
    ]);
    let some = some["events"].as_array().unwrap();
    assert!(!some.is_empty() && some.len() < all);
    for e in some {
        assert!(
            e["start"].as_str().unwrap() <= "2025-02-14"
                && e["end"].as_str().unwrap() >= "2025-02-14"
        );
    }
    let out = frontlog(&[
        "export",
        "--source",
        "the guardian",
        "--query",
        "white house",
    ]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("sources The Guardian; text \"white house\""),
        "{md}"
    );
    // An empty slice is an error that names the filters (issue 17: an empty
    // briefing with status 0 looked like a quiet week)...
    let none = frontlog(&["export", "--query", "no such words anywhere"]);
    assert_eq!(none.status.code(), Some(1), "{}", stderr(&none));
    assert!(none.stdout.is_empty(), "nothing written");
    let why = stderr(&none);
    assert!(
        why.contains("no event matches the filters (text \"no such words anywhere\")")
            && why.contains("--allow-empty"),
        "{why}"
    );
    // ...unless asked for: then a briefing with a warning that it is empty.
    let none = frontlog(&[
        "export",
        "--allow-empty",
        "--query",
        "no such words anywhere",
    ]);
    assert!(none.status.success());
    assert!(
        stderr(&none).contains("no event matches"),
        "{}",
        stderr(&none)
    );
}

/// A corpus with events in a city named like its oblast and elsewhere in
/// the oblast, written for this test.
fn city_and_oblast() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        " date 2025-03-04\nShelling reported across the east\n\n\
         Shelling hit Kramatorsk on March 2, officials said.\n\n\
         A drone struck a depot in Sloviansk on March 3.\n\n\
         Sirens sounded in Donetsk on March 1, residents said.\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_name_both_city_and_oblast_takes_the_oblast_and_offers_the_city() {
    let dir = city_and_oblast();
    let corpus = dir.path().to_str().unwrap();
    let all = json(&["export", corpus, "--format", "json"])["events"]
        .as_array()
        .unwrap()
        .len();
    let out = frontlog(&["export", corpus, "--format", "json", "--region", "donetsk"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let note = stderr(&out);
    assert!(
        note.contains("\"donetsk\" is taken as Donetsk Oblast")
            && note.contains("also Donetsk (town in Donetsk Oblast)")
            && note.contains("\"Donetsk city\""),
        "{note}"
    );
    let oblast: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let oblast = oblast["events"].as_array().unwrap().len();
    assert!((3..=all).contains(&oblast), "{oblast} of {all}");
    // The city alone, asked for as the note says.
    let city = frontlog(&[
        "export",
        corpus,
        "--format",
        "json",
        "--region",
        "Donetsk city",
    ]);
    assert!(city.status.success(), "{}", stderr(&city));
    let city: serde_json::Value = serde_json::from_slice(&city.stdout).unwrap();
    let city = city["events"].as_array().unwrap().len();
    assert!(city >= 1 && city < oblast, "city {city}, oblast {oblast}");
    // A misspelling suggests the city and the oblast, with their counts.
    let typo = frontlog(&["export", corpus, "--region", "Donetks"]);
    assert_eq!(typo.status.code(), Some(2));
    let why = stderr(&typo);
    assert!(
        why.contains("did you mean") && why.contains("Donetsk Oblast ("),
        "{why}"
    );
}

#[test]
fn output_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    let p = path.to_str().unwrap();
    assert!(frontlog(&["export", "-o", p]).status.success());
    std::fs::write(&path, "mine").unwrap();
    let again = frontlog(&["export", "-o", p]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert!(frontlog(&["export", "-o", p, "--force"]).status.success());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# frontlog briefing")
    );
}

#[test]
fn bad_input_is_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad_manifest = dir.path().join("m.toml");
    std::fs::write(
        &bad_manifest,
        "[[doc]]\nfile = \"a.txt\"\npublished = \"soon\"\n",
    )
    .unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--from".into(), "2025-02-30".into()],
            "not a real calendar date",
        ),
        (vec!["--to".into(), "someday".into()], "is not a date"),
        (
            vec!["--source".into(), "Gaurdian".into()],
            "did you mean The Guardian",
        ),
        (
            vec!["--region".into(), "Atlantis".into()],
            "unknown region `Atlantis`",
        ),
        (vec!["/no/such/corpus".into()], "does not exist"),
        (
            vec!["--manifest".into(), bad_manifest.to_str().unwrap().into()],
            "m.toml:3: key `published`",
        ),
        (
            vec!["--manifest".into(), "/no/such/manifest.toml".into()],
            "cannot read manifest",
        ),
    ];
    for (extra, want) in cases {
        let mut args = vec!["export".to_owned()];
        args.extend(extra);
        let out = frontlog_cmd().args(&args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
}

#[test]
fn bad_files_are_skipped_with_a_warning_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("good.txt"),
        " date 2025-02-14\nA headline about the talks\nText.",
    )
    .unwrap();
    std::fs::write(root.join("empty.md"), "").unwrap();
    std::fs::write(root.join("picture.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    std::fs::write(root.join("notes.docx"), "x").unwrap();
    std::fs::write(
        root.join("latin1.txt"),
        b" date 2025-02-14\nCaf\xe9 talks in Gen\xe8ve today\n",
    )
    .unwrap();
    std::fs::write(
        root.join("manifest.toml"),
        "[[doc]]\nfile = \"missing.txt\"\n",
    )
    .unwrap();
    let out = frontlog(&["export", root.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success());
    let err = stderr(&out);
    for name in [
        "empty.md: empty file",
        "picture.txt: not text",
        "notes.docx: a .docx file is not read (articles are .txt, .md",
        "missing.txt: named in the manifest but not found",
    ] {
        assert!(err.contains(name), "{name} in {err}");
    }
    assert_eq!(err.lines().count(), 4, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap_or(""))
        .collect();
    assert!(titles.contains(&"Café talks in Genève today"), "{titles:?}");
}

#[test]
fn markdown_escapes_hostile_article_text() {
    let dir = one_article(
        "a.txt",
        " date 2025-02-14\nA | table * star _under_ [note] <b>html</b> \u{1b}[31mred headline\n",
    );
    let out = frontlog(&["export", dir.path().to_str().unwrap()]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains('\u{1b}'));
    assert!(
        md.contains(r"A \| table \* star \_under\_ \[note\] \<b\>html\</b\>"),
        "{md}"
    );
}

#[test]
fn each_bullet_cites_its_article_and_the_path_is_the_real_one() {
    // Two articles without an outlet, one with a name that needs escaping
    // and a bidirectional override in it.
    let dir = tempfile::tempdir().unwrap();
    let odd = "river_notes \u{202e}txt.md";
    std::fs::write(
        dir.path().join("harbour.txt"),
        " date 2025-05-02\nHarbour cranes restart\n\nThe cranes restarted on 1 May 2025, the port said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(odd),
        " date 2025-05-04\nRiver barges return\n\nThe first barge arrived on 3 May 2025, pilots said.\n",
    )
    .unwrap();
    let corpus = dir.path().to_str().unwrap();
    let out = frontlog(&["export", corpus]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    let (events, cited) = md.split_once("## Articles cited").expect("the list");
    let bullets: Vec<&str> = events
        .lines()
        .filter(|l| l.starts_with("- "))
        .skip(4)
        .collect();
    assert!(!bullets.is_empty(), "{md}");
    let mut numbers = Vec::new();
    for b in &bullets {
        // No outlet: the article's title stands in, then its number in the
        // list, whose entry has that title.
        assert!(!b.contains("unknown source"), "{b}");
        let n = b
            .rsplit_once(r" \[")
            .and_then(|(_, n)| n.strip_suffix(r"\]"))
            .unwrap_or_else(|| panic!("no number: {b}"));
        let entry = cited
            .lines()
            .find(|l| l.starts_with(&format!("{n}. ")))
            .unwrap_or_else(|| panic!("no entry {n}: {cited}"));
        let title = entry[n.len() + 2..].split(" — ").next().unwrap();
        assert!(
            b.contains(&format!("— *{title}* \\[{n}\\]")),
            "{b}\n{entry}"
        );
        numbers.push(n.to_owned());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers, ["1", "2"], "both articles cited by number");
    // The list gives the real path, escaped, the override written out.
    assert!(!md.contains('\u{202e}'), "no raw override in the briefing");
    assert!(cited.contains(r"river\_notes \u{202e}txt.md"), "{cited}");
    assert!(cited.contains(&format!(
        "file {}",
        dir.path().join("harbour.txt").display()
    )));
    // The JSON export escapes the override too, and keeps the real path.
    let out = frontlog(&["export", corpus, "--format", "json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{202e}') && text.contains(r"\u202e"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with(odd)), "{paths:?}");
}

#[test]
fn a_cold_stats_run_breaks_its_cpu_time_down_by_stage_and_a_cached_one_does_not() {
    let dir = one_article(
        "depot.txt",
        "Depot hit near the river\n\nA drone struck a fuel depot in Sumy on 4 May 2025, \
         the governor said. Two workers were injured.\n",
    );
    let corpus = dir.path().to_str().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        let out = frontlog_cmd()
            .env("XDG_CACHE_HOME", cache.path())
            .args(["stats", corpus])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let cold = run();
    let total_line = cold
        .lines()
        .find(|l| l.starts_with("cpu time"))
        .unwrap_or_else(|| panic!("no cpu time line: {cold}"));
    let total: f64 = total_line
        .split_whitespace()
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    // Every stage has its line: a time, a share, a label.
    let stages: Vec<(f64, &str)> = cold
        .lines()
        .skip_while(|l| !l.starts_with("cpu time"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| {
            let mut words = l.split_whitespace();
            let secs: f64 = words.next().unwrap().parse().unwrap();
            (secs, l)
        })
        .collect();
    for label in [
        "reading: HTML fragments",
        "reading: headline, outlet and publication date",
        "reading: language detection",
        "reading: the rest",
        "extraction: dates",
        "extraction: sentence splitting",
        "extraction: places",
        "extraction: event types",
        "extraction: the rest",
        "folding",
        "line keys",
        "compacting",
        "encoding parse-cache records",
    ] {
        assert!(
            stages.iter().any(|(_, l)| l.contains(label)),
            "no stage {label}: {cold}"
        );
    }
    // The lines add up to the total (each printed to the millisecond).
    let sum: f64 = stages.iter().map(|(s, _)| s).sum();
    assert!(
        (sum - total).abs() < 0.001 * stages.len() as f64 + 1e-9,
        "{cold}"
    );
    assert!(total > 0.0, "{cold}");
    // From the snapshot nothing is extracted: no breakdown.
    let warm = run();
    assert!(warm.contains("from the store snapshot"), "{warm}");
    assert!(!warm.contains("cpu time"), "{warm}");
}
