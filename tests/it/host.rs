//! What some tests need of the host beyond Rust: tmux (the end-to-end tests
//! of the terminal app) and user namespaces (the fault tests mount a tiny
//! or read-only tmpfs in a private namespace with `unshare -rm`).
//!
//! Where the host lacks one, the test says so and passes without running;
//! under CI (`CI` set, as `.ci/run` sets it, after installing tmux) a
//! missing need is a failure, so CI always runs them.

use std::io::Write;
use std::process::Command;

/// Whether tmux runs here.
pub fn has_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether this host lets an unprivileged process make a user and mount
/// namespace (`unshare -rm true` succeeds).
pub fn has_user_namespaces() -> bool {
    Command::new("unshare")
        .args(["-rm", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Reports that `test` cannot run because the host lacks `missing` (`how`:
/// how to get it). Under CI this panics; elsewhere a line goes straight to
/// the terminal's standard error (past the test harness's capture, so it is
/// seen even when the test passes).
pub fn skip(test: &str, missing: &str, how: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: {missing} is required under CI ({how})"
    );
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: this host has no {missing} ({how})"
    );
}
