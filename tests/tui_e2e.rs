//! Runs `tests/e2e/tui_tmux.sh`, which drives the real binary in tmux.
//! Without tmux the test is skipped with a note, except under CI (`CI` set),
//! where a missing tmux is a failure.

use std::process::Command;

#[test]
fn the_real_binary_in_tmux() {
    let has_tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_tmux {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI: apt-get install -y tmux"
        );
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let out = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/tui_tmux.sh"
        ))
        .env("FRONTLOG_BIN", env!("CARGO_BIN_EXE_frontlog"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tmux test failed:\n{stdout}\n{stderr}"
    );
    eprintln!("{stdout}");
}
