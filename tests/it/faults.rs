//! Faults: a kill -9 in the middle of an export or of a cache write leaves
//! the old file or the new one, never a partial one; a full disk or a
//! read-only export folder gives a message, not a crash.
//!
//! The disk faults mount a tiny or read-only tmpfs inside a private user
//! and mount namespace (`unshare -rm`), so they need no privileges and leave
//! nothing mounted behind. Where the host forbids that, those two tests say
//! so and are skipped ([`crate::host::skip`]); under CI they must run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_frontlog")
}

/// A synthetic corpus big enough that reading it takes a while.
fn corpus() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("faults-corpus");
        if !dir.join("manifest.toml").exists() {
            let _ = std::fs::remove_dir_all(&dir);
            frontlog::synth::write_corpus(&dir, 2000, 11, frontlog::places::Gazetteer::builtin())
                .unwrap();
        }
        dir
    })
}

fn export(args: &[&str], cache: &Path) -> std::process::Child {
    Command::new(bin())
        .arg("export")
        .arg(corpus())
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Kills the process after `ms` milliseconds (SIGKILL), unless it is done.
fn kill_after(child: &mut std::process::Child, ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn kill_9_during_export_leaves_the_old_file_or_the_whole_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.json");
    let full = Command::new(bin())
        .args([
            "export",
            corpus().to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ])
        .output()
        .unwrap();
    assert!(full.status.success());
    let whole = full.stdout;
    let started = std::time::Instant::now();
    let mut child = export(
        &[
            "--format",
            "json",
            "--no-cache",
            "-o",
            out.to_str().unwrap(),
        ],
        cache.path(),
    );
    child.wait().unwrap();
    let duration = started.elapsed().as_millis() as u64;
    std::fs::write(&out, "old contents").unwrap();
    for step in 1..=8 {
        let mut child = export(
            &[
                "--format",
                "json",
                "--no-cache",
                "--force",
                "-o",
                out.to_str().unwrap(),
            ],
            cache.path(),
        );
        kill_after(&mut child, duration * step / 8);
        let now = std::fs::read(&out).unwrap();
        assert!(
            now == b"old contents" || now == whole,
            "step {step}: a partial file ({} bytes)",
            now.len()
        );
    }
}

#[test]
fn kill_9_during_a_cache_write_never_leaves_a_damaged_cache() {
    let cache = tempfile::tempdir().unwrap();
    let mut timing = export(&["--format", "json"], cache.path());
    let started = std::time::Instant::now();
    timing.wait().unwrap();
    let duration = started.elapsed().as_millis() as u64;
    for step in 1..=8 {
        // From an empty cache each time, so that every run ends by writing one.
        std::fs::remove_dir_all(cache.path()).unwrap();
        std::fs::create_dir(cache.path()).unwrap();
        let mut child = export(&["--format", "json"], cache.path());
        kill_after(&mut child, duration * step / 8);
        let after = Command::new(bin())
            .args(["export", corpus().to_str().unwrap(), "--format", "json"])
            .env("XDG_CACHE_HOME", cache.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&after.stderr);
        assert!(after.status.success(), "{stderr}");
        assert!(
            !stderr.contains("damaged") && !stderr.contains("not a frontlog cache"),
            "step {step}: {stderr}"
        );
    }
}

/// Runs a shell script in a private user and mount namespace; `None` (after
/// saying why `test` is skipped) when this system does not allow that.
fn in_namespace(test: &str, script: &str) -> Option<std::process::Output> {
    if !crate::host::has_user_namespaces() {
        crate::host::skip(
            test,
            "unprivileged user namespaces (unshare -rm)",
            "sysctl kernel.unprivileged_userns_clone=1, or a container run with them allowed",
        );
        return None;
    }
    Some(
        Command::new("unshare")
            .args(["-rm", "sh", "-c", script])
            .output()
            .unwrap(),
    )
}

#[test]
fn a_full_disk_gives_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    let script = format!(
        "mount -t tmpfs -o size=16k tmpfs '{m}' && '{b}' export '{c}' --no-cache -o '{m}/brief.md'; echo \"status=$?\"; ls -A '{m}'",
        m = mnt.display(),
        b = bin(),
        c = corpus().display()
    );
    let Some(out) = in_namespace("faults::a_full_disk_gives_a_message_not_a_crash", &script) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("status=1"), "{stdout}{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !stdout.contains("brief.md") && !stdout.contains(".frontlog-"),
        "nothing left behind: {stdout}"
    );
}

#[test]
fn a_read_only_export_folder_gives_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("ro");
    std::fs::create_dir(&mnt).unwrap();
    let script = format!(
        "mount -t tmpfs -o ro tmpfs '{m}' && '{b}' export --no-cache -o '{m}/brief.md'; echo \"status=$?\"",
        m = mnt.display(),
        b = bin()
    );
    let Some(out) = in_namespace(
        "faults::a_read_only_export_folder_gives_a_message_not_a_crash",
        &script,
    ) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("status=1"), "{stdout}{stderr}");
    assert!(stderr.contains("Read-only file system"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_bug_on_one_file_skips_that_file_and_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(
            dir.path().join(name),
            format!("Report {name}\n\nThe depot burned on March 3, 2025, officials said.\n"),
        )
        .unwrap();
    }
    let out = Command::new(bin())
        .args([
            "export",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ])
        .env("FRONTLOG_FAULT_PANIC", "b.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("b.txt") && stderr.contains("frontlog failed on this file"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked at"),
        "no panic text reaches the user: {stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2, "the other files are read");
}
