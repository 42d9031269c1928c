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
