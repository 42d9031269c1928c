//! Running the real binary for the command-line tests: a command kept away
//! from the user's cache and configuration, and the JSON export of a folder
//! with its parsed output, message stream and lookups.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The binary, with its cache kept in the test's own temporary folder and
/// no user configuration (`export` reads `corpus_dir` and `manifest`).
pub fn frontlog_cmd() -> Command {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontlog"));
    cmd.env("XDG_CACHE_HOME", tmp.join("cache"))
        .env("XDG_CONFIG_HOME", tmp.join("no-config"));
    cmd
}

/// [`frontlog_cmd`] run with `args` to its end: status, stdout and stderr.
pub fn frontlog(args: &[&str]) -> Output {
    frontlog_cmd().args(args).output().expect("the binary runs")
}

/// `frontlog export DIR --format json --no-cache` plus `extra`: the parsed
/// JSON and stderr. Panics (failing the test) when the export fails.
pub fn export_json(dir: &Path, extra: &[&str]) -> (Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args([
            "export",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("the export is no JSON ({e}): {stderr}"));
    (json, stderr)
}

/// The exported document with the id `id`.
pub fn doc<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id}: {json}"))
}
