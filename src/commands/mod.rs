//! The commands of the binary, one module each.

pub mod dates;
pub mod export;
pub mod gen_corpus;
pub mod stats;

/// A failure that ends the program: the message to print and the exit status.
#[derive(Debug)]
pub struct Failure {
    /// One line for standard error.
    pub message: String,
    /// Exit status.
    pub code: u8,
}

impl Failure {
    /// A failure caused by the user's input (exit status 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::usage(message)
    }
}

/// Prints the skipped files of a corpus as warnings on standard error.
pub fn warn_problems(problems: &[frontlog::corpus::Problem]) {
    for p in problems {
        eprintln!("frontlog: warning: {p}");
    }
}

/// Prints each article without a publication date, then the total, as
/// warnings on standard error: their relative dates are not placed.
pub fn warn_undated(undated: &frontlog::undated::Undated) {
    for line in undated.lines() {
        eprintln!("frontlog: warning: {line}");
    }
    if let Some(s) = undated.summary()
        && undated.articles.len() > 1
    {
        eprintln!("frontlog: warning: {s}");
    }
}

/// The corpus folder and manifest to read: the command line's, else the
/// configuration's (`corpus_dir`, `manifest`), else the demo corpus. The
/// configuration is the user's (`$XDG_CONFIG_HOME/frontlog/config.toml`);
/// a bad one is an error, as for the app.
pub fn corpus_and_manifest(
    corpus: Option<&std::path::Path>,
    manifest: Option<&std::path::Path>,
) -> Result<(std::path::PathBuf, Option<std::path::PathBuf>), Failure> {
    use frontlog::config::{ConfigEnv, Settings};
    let settings = Settings::load(None, &ConfigEnv::from_process()).map_err(Failure::usage)?;
    Ok(settings.corpus(corpus, manifest))
}
