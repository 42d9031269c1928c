//! Command-line definitions and the code that runs each command.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use frontlog::timex;

/// Follow a war through the news: a chronological timeline of the dated
/// events in a folder of articles.
#[derive(Debug, Parser)]
#[command(name = "frontlog", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Command to run; without one, the terminal app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder of articles (default: the demo corpus).
    pub corpus: Option<PathBuf>,
    /// Metadata manifest (default: manifest.toml in the corpus folder).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every temporal expression of a text as JSON lines.
    Dates {
        /// Reference (publication) date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        dct: Option<NaiveDate>,
        /// Text file to read (default: standard input).
        file: Option<PathBuf>,
    },
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Dates { dct, file }) => run_dates(dct, file),
        None => bail!("the terminal app is not built yet"),
    }
}

fn run_dates(dct: Option<NaiveDate>, file: Option<PathBuf>) -> Result<ExitCode> {
    let text = match &file {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
            String::from_utf8_lossy(&buf).into_owned()
        }
    };
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    let mut chars = CharOffsets::new(&text);
    for t in timex::tag(&text, dct) {
        let line = serde_json::json!({
            "start": chars.at(t.start),
            "end": chars.at(t.end),
            "text": &text[t.start..t.end],
            "type": t.kind.as_str(),
            "value": t.value,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Converts increasing byte offsets to character offsets in one pass.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}
