//! The `frontlog` binary: parses the command line and hands over to a command.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use commands::Failure;

/// mimalloc: see the README's dependency table.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    frontlog::ingest::quiet_contained_panics();
    let cli = Cli::parse();
    // `frontlog <folder> export`: the subcommand takes its own folder.
    if let (Some(command), Some(folder)) = (&cli.command, &cli.corpus) {
        let name = match command {
            Command::Export(_) => "export",
            Command::Stats { .. } => "stats",
            Command::Dates { .. } => "dates",
            Command::GenCorpus { .. } => "gen-corpus",
        };
        eprintln!(
            "frontlog: a folder before the command ({}) is not read: give it after the command, as in `frontlog {name} {}`",
            folder.display(),
            folder.display()
        );
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Some(Command::Export(mut args)) => {
            // The options before the command count for it too.
            args.no_cache |= cli.no_cache;
            args.manifest = args.manifest.or(cli.manifest);
            commands::export::run(args, cli.config.as_deref())
        }
        Some(Command::Dates { dct, lang, file }) => {
            commands::dates::run(dct, lang.as_deref(), file.as_deref())
        }
        Some(Command::Stats {
            corpus,
            manifest,
            no_cache,
        }) => commands::stats::run(
            corpus.as_deref(),
            manifest.as_deref().or(cli.manifest.as_deref()),
            cli.config.as_deref(),
            no_cache || cli.no_cache,
        ),
        Some(Command::GenCorpus {
            articles,
            seed,
            dir,
        }) => commands::gen_corpus::run(articles, seed, &dir),
        None => frontlog::tui::launch(frontlog::tui::LaunchArgs {
            corpus: cli.corpus,
            manifest: cli.manifest,
            config: cli.config,
            no_cache: cli.no_cache,
        })
        .map_err(|e| match e {
            frontlog::tui::LaunchError::Usage(message) => Failure::usage(message),
            frontlog::tui::LaunchError::Terminal(message) => Failure {
                message: format!("terminal: {message}"),
                code: 1,
            },
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("frontlog: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
