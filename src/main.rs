//! The `frontlog` binary: parses the command line and hands over to a command.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use commands::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Export(args)) => commands::export::run(args),
        Some(Command::Dates { dct, file }) => commands::dates::run(dct, file.as_deref()),
        Some(Command::GenCorpus {
            articles,
            seed,
            dir,
        }) => commands::gen_corpus::run(articles, seed, &dir),
        None => Err(Failure::usage(
            "the terminal app is not built yet; use `frontlog export`",
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("frontlog: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
