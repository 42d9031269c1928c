//! Runs the scripts in `tests/e2e/` that drive the real binary in tmux:
//! `tui_tmux.sh` (a user's session), `clusters_tmux.sh` (the cluster view
//! on a corpus written for it), `map_tmux.sh` (the map pane: zoom, pan,
//! pick a place into the region filter), `hangup.sh` (the app ends when its
//! terminal goes away) and `terminal_safety.sh` (a hostile corpus must not
//! reach the terminal raw). Without tmux the tests are skipped with a note
//! ([`crate::host::skip`]), except under CI, where a missing tmux is a
//! failure.

use std::process::Command;

/// Runs one script of `tests/e2e/` against the test build of the binary.
fn run_script(name: &str) {
    if !crate::host::has_tmux() {
        let test = format!("tui_e2e ({name})");
        crate::host::skip(&test, "tmux", "apt-get install -y tmux");
        return;
    }
    let out = Command::new("bash")
        .arg(format!("{}/tests/e2e/{name}", env!("CARGO_MANIFEST_DIR")))
        .env("FRONTLOG_BIN", env!("CARGO_BIN_EXE_frontlog"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} failed:\n{stdout}\n{stderr}");
    eprintln!("{stdout}");
}

#[test]
fn the_real_binary_in_tmux() {
    run_script("tui_tmux.sh");
}

#[test]
fn the_cluster_view_in_tmux() {
    run_script("clusters_tmux.sh");
}

#[test]
fn the_map_pane_in_tmux() {
    run_script("map_tmux.sh");
}

#[test]
fn the_app_ends_when_its_terminal_goes_away() {
    run_script("hangup.sh");
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    run_script("terminal_safety.sh");
}
