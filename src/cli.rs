//! Command-line definitions (clap). Parsing only: the commands themselves
//! live in `commands/`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use frontlog::export::ExportFormat;

/// Follow a war through the news: a chronological timeline of the dated
/// events in a folder of articles.
#[derive(Debug, Parser)]
#[command(name = "frontlog", version)]
pub struct Cli {
    /// Command to run; without one, the terminal app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder of articles (default: the configured folder, else the demo corpus).
    pub corpus: Option<PathBuf>,
    /// Metadata manifest (default: the configured one with the configured
    /// folder, else manifest.toml in the corpus folder).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Configuration file (default: $XDG_CONFIG_HOME/frontlog/config.toml);
    /// also read by `export` and `stats`.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Read every file afresh and neither use nor write the parse cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the events of a corpus, filtered, as Markdown, JSON, CSV,
    /// GeoJSON or Parquet.
    Export(ExportArgs),
    /// Read a corpus and print what it holds and how long reading took.
    Stats {
        /// Folder of articles (default: the configured folder, else the demo corpus).
        corpus: Option<PathBuf>,
        /// Metadata manifest (default: the configured one with the configured
        /// folder, else manifest.toml in the corpus folder).
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// Read every file afresh and neither use nor write the parse cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Print every temporal expression of a text as JSON lines.
    Dates {
        /// Reference (publication) date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day, value_name = "YYYY-MM-DD")]
        dct: Option<NaiveDate>,
        /// Language of the text (`en`, `uk`, `ru`; default: detected, English
        /// when unsure).
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Text file to read (default: standard input).
        file: Option<PathBuf>,
    },
    /// Write a synthetic corpus for benchmarks (deterministic for a seed).
    #[command(hide = true)]
    GenCorpus {
        /// Number of articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write into (created; must be empty or new).
        dir: PathBuf,
    },
}

/// Arguments of `frontlog export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder of articles (default: the configured folder, else the demo corpus).
    pub corpus: Option<PathBuf>,
    /// Metadata manifest (default: the configured one with the configured
    /// folder, else manifest.toml in the corpus folder).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Output format: markdown (a briefing), json (every field), csv (one
    /// row per event, ACLED's columns first), geojson (one point per placed
    /// event) or parquet (the CSV's columns, typed; needs the `parquet`
    /// cargo feature).
    #[arg(long, default_value = "markdown", value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Keep events placed in this region or inside it (repeat for any of several).
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    /// Keep events from this outlet (repeat for any of several).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Keep events of these types, by code: battles,
    /// explosions_remote_violence, violence_against_civilians,
    /// strategic_developments, protests, talks, calls, statements,
    /// sanctions, aid, other (comma-separated or repeated, for any of them).
    #[arg(long = "type", value_name = "CODE[,CODE...]", value_delimiter = ',')]
    pub kind: Vec<String>,
    /// Keep events on or after this date (YYYY-MM-DD, YYYY-MM, YYYY, "feb 12").
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep events on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Keep, too, the events known only to a year, month or week that
    /// overlaps the dates or runs past their edge (by default a date filter
    /// keeps the events it holds at its own precision or finer: a day keeps
    /// that day's events, a month the weeks inside it).
    #[arg(long)]
    pub include_coarser: bool,
    /// Keep events whose sentence, title or outlet holds this text from the start of a word (any case; Latin diacritics ignored)
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Write the export even when no event matches (else: an error, status 1).
    #[arg(long)]
    pub allow_empty: bool,
    /// Read every file afresh and neither use nor write the parse cache.
    #[arg(long)]
    pub no_cache: bool,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| frontlog::datefilter::iso_day_error(s))
}
