//! Running the real binary's JSON export on a folder, for the tests of the
//! input formats: the parsed output, the message stream, and lookups.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

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
