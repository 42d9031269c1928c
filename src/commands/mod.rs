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

/// The most undated articles named one by one on standard error; the
/// total counts the rest.
const UNDATED_LINES: usize = 20;

/// Prints each article without a publication date (the first
/// [`UNDATED_LINES`]), then the total, as warnings on standard error: their
/// relative dates are not placed.
pub fn warn_undated(undated: &frontlog::undated::Undated) {
    let lines = undated.lines();
    for line in lines.iter().take(UNDATED_LINES) {
        eprintln!("frontlog: warning: {line}");
    }
    if lines.len() > UNDATED_LINES {
        eprintln!(
            "frontlog: warning: … and {} more articles without a publication date (the app's problems view, p, lists them all)",
            lines.len() - UNDATED_LINES
        );
    }
    // The total, unless it would repeat the one line above.
    if let Some(s) = undated.summary()
        && !(lines.len() == 1 && undated.articles.len() == 1)
    {
        eprintln!("frontlog: warning: {s}");
    }
}

/// The corpus folder and manifest to read: the command line's, else the
/// configuration's (`corpus_dir`, `manifest`), else the demo corpus. The
/// configuration is the user's (`$XDG_CONFIG_HOME/frontlog/config.toml`);
/// a bad one is an error, as for the app.
///
/// `config` is the `--config` file, else the user's. A configured folder
/// that does not exist is an error naming the configuration it came from.
pub fn corpus_and_manifest(
    corpus: Option<&std::path::Path>,
    manifest: Option<&std::path::Path>,
    config: Option<&std::path::Path>,
) -> Result<(std::path::PathBuf, Option<std::path::PathBuf>), Failure> {
    use frontlog::config::{ConfigEnv, Settings};
    let env = ConfigEnv::from_process();
    let settings = Settings::load(config, &env).map_err(Failure::usage)?;
    let chosen = settings.corpus(corpus, manifest);
    // With no folder given, a configured one is the folder chosen.
    if corpus.is_none() && settings.corpus_dir.is_some() && !chosen.0.exists() {
        let from = config
            .map(std::path::Path::to_path_buf)
            .or_else(|| env.user_config_path())
            .map_or_else(
                || "the configuration".to_owned(),
                |p| p.display().to_string(),
            );
        return Err(Failure::usage(format!(
            "corpus folder {} does not exist (corpus_dir in {from})",
            chosen.0.display()
        )));
    }
    Ok(chosen)
}
