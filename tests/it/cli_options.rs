//! The command line's options wherever they stand: `--config` before or
//! after a command, and a folder given before the command.

use crate::cli_support::frontlog;

/// A configuration naming a folder that is not there.
fn config_naming_a_missing_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        "[general]\ncorpus_dir = \"/no/such/folder/for/frontlog\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn config_counts_before_or_after_the_command() {
    let dir = config_naming_a_missing_folder();
    let config = dir.path().join("c.toml");
    let config = config.to_str().unwrap();
    for args in [
        vec!["export", "--config", config],
        vec!["--config", config, "export"],
        vec!["stats", "--config", config],
    ] {
        let out = frontlog(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("/no/such/folder/for/frontlog does not exist (corpus_dir in"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_folder_before_the_command_is_refused_with_the_right_order() {
    let out = frontlog(&["assets/corpus", "export"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`frontlog export assets/corpus`"), "{err}");
}

#[test]
fn an_unknown_source_is_answered_with_names_to_use() {
    let out = frontlog(&["export", "--source", "kyiv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean The Kyiv Independent"), "{err}");
    // Nothing alike among the demo corpus's few outlets: all are named.
    let out = frontlog(&["export", "--source", "Zq"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(the outlets are: "), "{err}");
    assert!(err.contains("Ukrinform"), "{err}");
}
