//! `frontlog export --format csv|geojson|parquet` read back by the clients
//! analysts use: Python's `csv` module and pandas, the `geojson` package
//! (and GDAL's `ogrinfo` where installed), pyarrow. Each export holds the
//! same events as the JSON export of the same filters, and article text
//! that looks like a spreadsheet formula stays text.
//!
//! The Python packages come from `.ci/run` (`pip install pandas pyarrow
//! geojson`); where one is missing here the test says SKIPPED on standard
//! error and passes, and under CI (`CI` set) it fails instead.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use crate::host;

/// A corpus of four made-up articles: a strike with casualty counts in
/// two towns, a post whose sentence is a formula from an outlet named
/// `+Plus Wire` with a title opening `@`, talks without a place under a
/// title opening `-`, and shelling of a village that only the Ukrainian
/// codifier knows (no coordinates of its own: its hromada's centre).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: [(&str, &str); 5] = [
        (
            "manifest.toml",
            r#"[[doc]]
file = "depot.txt"
source = "Steppe Ledger"
published = "2025-03-04"
url = "https://ledger.example/depot"
title = "Depot burns after night strike"

[[doc]]
file = "posts.txt"
source = "+Plus Wire"
published = "2025-03-06"
title = "@SUM(1+1) roundup from Kharkiv"

[[doc]]
file = "talks.txt"
source = "Lakeside Courier"
published = "2025-03-07"
title = "-2+3 envoys meet"

[[doc]]
file = "village.txt"
source = "Steppe Ledger"
published = "2025-03-03"
"#,
        ),
        (
            "depot.txt",
            "Depot burns after night strike\n\nRussian drones hit a grain depot in Kramatorsk \
             on 3 March 2025, killing two workers and injuring seven, the city council said.\n\n\
             Shells landed in Sloviansk on March 2, 2025, damaging four houses and a school.\n",
        ),
        (
            "posts.txt",
            "@SUM(1+1) roundup from Kharkiv\n\n=HYPERLINK(\"http://x\",\"y\") was posted by an \
             account claiming a blast in Kharkiv on 5 March 2025.\n\nAir defence units shot down \
             drones over Kharkiv on 5 March 2025, the regional governor said.\n",
        ),
        (
            "village.txt",
            "Farm hit by shells\n\nRussian artillery shelled Novoandriivka in Donetsk Oblast \
             on 2 March 2025, damaging a farm.\n",
        ),
        (
            "talks.txt",
            "-2+3 envoys meet\n\nEnvoys of both sides met for talks on 6 March 2025 but reached \
             no agreement, officials said.\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `frontlog export DIR --no-cache ARGS...`, with no user configuration.
fn export(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .env(
            "XDG_CONFIG_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-config"),
        )
        .args(["export", dir.to_str().unwrap(), "--no-cache"])
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The ids of the JSON export's events under the same filters.
fn json_ids(dir: &Path, filters: &[&str]) -> BTreeSet<String> {
    let out = export(dir, &[&["--format", "json"], filters].concat());
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
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Writes an export to a file in `dir` and returns its path and stderr.
fn export_file(dir: &Path, format: &str, filters: &[&str]) -> (std::path::PathBuf, String) {
    let path = dir.join(format!("out.{format}"));
    let _ = std::fs::remove_file(&path);
    let out = export(
        dir,
        &[&["--format", format, "-o", path.to_str().unwrap()], filters].concat(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (path, stderr)
}

/// Whether `python3` can import every one of `modules`; when not, says
/// SKIPPED (or fails under CI) for `test`.
fn python_has(test: &str, modules: &[&str]) -> bool {
    let ok = Command::new("python3")
        .arg("-c")
        .arg(format!("import {}", modules.join(", ")))
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        host::skip(
            test,
            &format!("python3 with {}", modules.join(", ")),
            &format!("python3 -m pip install {}", modules.join(" ")),
        );
    }
    ok
}

/// Runs a Python script with `args`; its standard output, parsed as JSON.
fn python(script: &str, args: &[&Path]) -> serde_json::Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn ids(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

const ACLED: [&str; 16] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
];

#[test]
fn csv_reads_back_in_python_csv_and_pandas_with_the_json_events() {
    if !python_has("csv_reads_back", &["csv", "pandas"]) {
        return;
    }
    let dir = corpus();
    for filters in [&[][..], &["--region", "Donetsk Oblast"][..]] {
        let (path, _) = export_file(dir.path(), "csv", filters);
        let v = python(
            r#"
import csv, json, sys
import pandas as pd
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
    f.seek(0)
    header = next(csv.reader(f))
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
kr = df[df["location"] == "Kramatorsk"]
village = df[df["location"] == "Novoandriivka"][["geo_precision", "admin2"]].to_dict("records")
print(json.dumps({
    "village": village,
    "header": header,
    "csv_ids": [r["event_id_cnty"] for r in rows],
    "pandas_ids": list(df["event_id_cnty"]),
    "kramatorsk": kr[["fatalities", "injured", "latitude", "longitude",
                      "geo_precision", "admin2", "time_precision"]].to_dict("records"),
}))
"#,
            &[&path],
        );
        let want = json_ids(dir.path(), filters);
        assert_eq!(ids(&v["csv_ids"]), want, "csv module, filters {filters:?}");
        assert_eq!(ids(&v["pandas_ids"]), want, "pandas, filters {filters:?}");
        let header: Vec<&str> = v["header"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        assert_eq!(header[..16], ACLED, "ACLED's columns first");
        for own in [
            "end_date",
            "date_expression",
            "anchor",
            "article_url",
            "cluster_reports",
        ] {
            assert!(header.contains(&own), "{own}");
        }
        if filters.is_empty() {
            // A codifier village at its hromada's centre: precision 2.
            let village = &v["village"][0];
            assert_eq!(village["geo_precision"], "2", "{village}");
            assert_eq!(village["admin2"], "Volnovaskyi", "{village}");
        }
        let k = &v["kramatorsk"][0];
        assert_eq!(k["fatalities"], "2");
        assert_eq!(k["injured"], "7");
        assert_eq!(k["geo_precision"], "1");
        assert_eq!(k["time_precision"], "1");
        assert_eq!(k["admin2"], "Kramatorskyi");
        let lat: f64 = k["latitude"].as_str().unwrap().parse().unwrap();
        assert!((lat - 48.73).abs() < 0.1, "{lat}");
    }
}

#[test]
fn a_formula_in_an_article_stays_text_in_the_csv() {
    if !python_has("a_formula_stays_text", &["csv"]) {
        return;
    }
    let dir = corpus();
    let (path, _) = export_file(dir.path(), "csv", &[]);
    let v = python(
        r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(json.dumps({"rows": rows}))
"#,
        &[&path],
    );
    let rows = v["rows"].as_array().unwrap();
    let notes: Vec<&str> = rows.iter().map(|r| r["notes"].as_str().unwrap()).collect();
    assert!(
        notes.contains(&"'=HYPERLINK(\"http://x\",\"y\") was posted by an account claiming a blast in Kharkiv on 5 March 2025."),
        "{notes:?}"
    );
    // No cell anywhere opens with a formula character.
    for row in rows {
        for (column, cell) in row.as_object().unwrap() {
            let cell = cell.as_str().unwrap();
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{column}: {cell}");
        }
    }
    let cells: Vec<&str> = rows
        .iter()
        .flat_map(|r| r.as_object().unwrap().values())
        .map(|c| c.as_str().unwrap())
        .collect();
    for neutralised in [
        "'+Plus Wire",
        "'@SUM(1+1) roundup from Kharkiv",
        "'-2+3 envoys meet",
    ] {
        assert!(cells.contains(&neutralised), "{neutralised}");
    }
}

#[test]
fn geojson_is_valid_and_holds_every_placed_event_of_the_json() {
    if !python_has("geojson_is_valid", &["geojson"]) {
        return;
    }
    let dir = corpus();
    let (path, stderr) = export_file(dir.path(), "geojson", &[]);
    let v = python(
        r#"
import json, sys
import geojson
with open(sys.argv[1], encoding="utf-8") as f:
    fc = geojson.load(f)
print(json.dumps({
    "valid": fc.is_valid,
    "errors": fc.errors(),
    "type": fc["type"],
    "ids": [f["id"] for f in fc["features"]],
    "points": {f["properties"]["location"]: f["geometry"]["coordinates"] for f in fc["features"]},
    "starts": [f["properties"]["start"] for f in fc["features"]],
    "ends": [f["properties"]["end"] for f in fc["features"]],
}))
"#,
        &[&path],
    );
    assert_eq!(v["valid"], true, "{}", v["errors"]);
    assert_eq!(v["type"], "FeatureCollection");
    let features = ids(&v["ids"]);
    let all = json_ids(dir.path(), &[]);
    assert!(features.is_subset(&all));
    let left_out = all.len() - features.len();
    assert!(left_out > 0, "the talks have no place");
    assert!(
        stderr.contains(&format!("{left_out} of the {} events", all.len())),
        "the events left out are counted: {stderr}"
    );
    // [longitude, latitude], WGS84.
    let k = &v["points"]["Kramatorsk"];
    assert!((k[0].as_f64().unwrap() - 37.57).abs() < 0.1, "{k}");
    assert!((k[1].as_f64().unwrap() - 48.73).abs() < 0.1, "{k}");
    assert!(
        v["starts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.as_str().unwrap().len() == 10)
    );
    assert_eq!(
        v["starts"].as_array().unwrap().len(),
        v["ends"].as_array().unwrap().len()
    );
    // GDAL reads it too, where it is installed.
    if Command::new("ogrinfo").arg("--version").output().is_ok() {
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so", path.to_str().unwrap()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        assert!(
            text.contains(&format!("Feature Count: {}", features.len())),
            "{text}"
        );
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_in_pyarrow_typed_with_the_json_events() {
    if !python_has("parquet_reads_back", &["pyarrow"]) {
        return;
    }
    let dir = corpus();
    let (path, _) = export_file(dir.path(), "parquet", &[]);
    let v = python(
        r#"
import json, sys
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
types = {f.name: str(f.type) for f in t.schema}
rows = t.to_pylist()
k = [r for r in rows if r["location"] == "Kramatorsk"][0]
print(json.dumps({
    "ids": [r["event_id_cnty"] for r in rows],
    "types": types,
    "kramatorsk": {"date": k["event_date"].isoformat(), "fatalities": k["fatalities"],
                   "injured": k["injured"], "latitude": k["latitude"]},
}))
"#,
        &[&path],
    );
    assert_eq!(ids(&v["ids"]), json_ids(dir.path(), &[]));
    let types = &v["types"];
    assert_eq!(types["event_date"], "date32[day]");
    assert_eq!(types["article_published"], "date32[day]");
    assert_eq!(types["fatalities"], "int64");
    assert_eq!(types["latitude"], "double");
    assert_eq!(types["notes"], "string");
    assert_eq!(types["future"], "bool");
    let k = &v["kramatorsk"];
    assert_eq!(k["date"], "2025-03-03");
    assert_eq!(k["fatalities"], 2);
    assert_eq!(k["injured"], 7);
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_is_a_clear_error() {
    let dir = corpus();
    let out = export(dir.path(), &["--format", "parquet"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`parquet` cargo feature"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_unknown_format_names_the_formats() {
    let dir = corpus();
    let out = export(dir.path(), &["--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("csv, geojson, parquet"), "{stderr}");
}
