//! A corpus a careless scraper could leave on disk: broken encodings, binary
//! files in disguise, empty files, a huge file, a huge line, deep folders, a
//! symbolic-link loop, odd file names. frontlog must read every good file,
//! name every skipped one with its reason, and never panic.

use std::path::Path;
use std::process::Command;

fn write(root: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

const GOOD: &str = " date 2025-02-14\nStrikes reported in the east overnight\nShelling hit the town on February 12, officials said.\n";

fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for unit in text.encode_utf16() {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn every_good_file_is_read_and_every_bad_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "plain.txt", GOOD);
    write(
        root,
        "bad utf8.txt",
        [GOOD.as_bytes(), b"\xff\xfe broken \xc3\x28 bytes\n"].concat(),
    );
    write(
        root,
        "latin1.txt",
        b" date 2025-02-14\nCaf\xe9 talks in Gen\xe8ve\nText on February 12.\n",
    );
    write(root, "utf16le-bom.txt", utf16(GOOD, true, true));
    write(root, "utf16be-bom.txt", utf16(GOOD, true, false));
    write(root, "utf16le.txt", utf16(GOOD, false, true));
    write(root, "utf16be.txt", utf16(GOOD, false, false));
    write(
        root,
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    write(root, "empty.txt", b"");
    write(root, "blank.md", b"\n\n   \n");
    write(root, "deep/a/b/c/d/e/f/g/h/i/j/deep article.txt", GOOD);
    write(root, "Київ – звіт №1.txt", GOOD);
    write(root, "name with spaces.md", GOOD);
    let huge_line = format!(
        " date 2025-02-14\nOne line\n{}\n",
        "Shelling hit Kramatorsk on February 12. ".repeat(130_000)
    );
    assert!(huge_line.len() > 5_000_000);
    write(root, "one huge line.txt", huge_line);
    // No full stop anywhere: one 2 MB "sentence" full of places and dates
    // (work per place or date that walks the sentence would take hours).
    let run_on = format!(
        " date 2025-02-14\nA run-on line\n{}\n",
        "shelling hit Kramatorsk and Kharkiv on February 12 and Odesa on Monday ".repeat(30_000)
    );
    assert!(run_on.len() > 2_000_000);
    write(root, "run-on line.txt", run_on);
    let paragraph = "Shelling hit Kramatorsk on February 12, officials said, and rescue crews worked overnight.\n";
    let big = format!(
        " date 2025-02-14\nA very long file\n{}",
        paragraph.repeat(50_000_000 / paragraph.len() + 1)
    );
    assert!(big.len() > 50_000_000);
    write(root, "fifty megabytes.txt", big);
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("deep"), root.join("deep/a/b/loop")).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args([
            "export",
            root.to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (file, reason) in [
        ("image.txt", "not text (a PNG image)"),
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        #[cfg(unix)]
        ("loop", "symbolic link loop"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason} in\n{stderr}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for id in [
        "plain",
        "bad utf8",
        "latin1",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "deep article",
        "Київ – звіт №1",
        "name with spaces",
        "one huge line",
        "run-on line",
        "fifty megabytes",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert_eq!(ids.len(), 13, "{ids:?}");
    for d in v["documents"].as_array().unwrap() {
        assert_eq!(d["published"], "2025-02-14", "{}", d["id"]);
    }
    let latin = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "latin1")
        .unwrap();
    assert_eq!(latin["title"], "Café talks in Genève");
}

#[test]
fn a_file_that_vanishes_mid_scan_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "stays.txt", GOOD);
    write(dir.path(), "goes.txt", GOOD);
    let plan = frontlog::corpus::plan(dir.path(), None).unwrap();
    std::fs::remove_file(dir.path().join("goes.txt")).unwrap();
    let outcomes: Vec<_> = plan
        .files
        .iter()
        .map(|p| frontlog::ingest::process(&plan, p))
        .collect();
    let skipped: Vec<String> = outcomes
        .iter()
        .filter_map(|o| match o {
            frontlog::ingest::Outcome::Skipped(p) => Some(p.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0].contains("goes.txt") && skipped[0].contains("No such file"),
        "{skipped:?}"
    );
}
