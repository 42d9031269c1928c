//! The terminal app: the timeline of a corpus, cut by region, source, event
//! type, date and text from the keyboard, and exported to Markdown.
//!
//! Elm-style: [`state::AppState`] holds everything; [`keymap`] turns terminal
//! events into [`action::Action`]s; [`update::update`] applies them without
//! I/O and may ask for an [`action::Effect`], which [`effects`] runs;
//! [`draw`] renders the state (`impl Widget for &AppState`) and only reads
//! it; [`terminal`] owns the real terminal and the loop. The domain modules
//! know nothing of this one.

pub mod action;
pub mod clustering;
pub mod clusters;
pub mod columns;
pub mod cursor;
pub mod draw;
pub mod effects;
pub mod exportpicker;
pub mod histogram;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod map;
pub mod regioninput;
pub mod regions;
pub mod rows;
pub mod snapshot;
pub mod state;
pub mod terminal;
pub mod text;
pub mod typefilter;
pub mod update;

use std::path::PathBuf;

use crate::config::{ConfigEnv, Settings};
use crate::ingest;

/// Why the app could not run.
#[derive(Debug)]
pub enum LaunchError {
    /// Bad configuration or corpus: reported before the terminal is touched.
    Usage(String),
    /// The terminal failed.
    Terminal(String),
}

/// What `frontlog [CORPUS_DIR] [--manifest FILE] [--config FILE] [--no-cache]`
/// asks for.
#[derive(Debug, Clone, Default)]
pub struct LaunchArgs {
    /// Folder of articles (else the configured one, else the demo corpus).
    pub corpus: Option<PathBuf>,
    /// Metadata manifest.
    pub manifest: Option<PathBuf>,
    /// Configuration file.
    pub config: Option<PathBuf>,
    /// Read every file afresh, without the parse cache.
    pub no_cache: bool,
}

/// Loads the configuration and the corpus, then runs the app. Every error
/// about the input comes before the terminal is taken over.
pub fn launch(args: LaunchArgs) -> Result<(), LaunchError> {
    let settings = Settings::load(args.config.as_deref(), &ConfigEnv::from_process())
        .map_err(LaunchError::Usage)?;
    let (root, manifest) = settings.corpus(args.corpus.as_deref(), args.manifest.as_deref());
    let options = if args.no_cache {
        ingest::Options::default()
    } else {
        ingest::Options::with_default_cache()
    };
    let cluster_plan = clustering::ClusterPlan {
        cache_dir: options.cache_dir.clone(),
        root: root.clone(),
        manifest: manifest.clone(),
    };
    let loader = ingest::spawn(&root, manifest.as_deref(), options).map_err(LaunchError::Usage)?;
    let store = crate::store::EventStore::new(crate::places::Gazetteer::builtin());
    let mut state = state::AppState::new(store, Vec::new(), settings, root, (80, 24));
    state.cluster_plan = cluster_plan;
    state.loading = Some(state::Loading::default());
    terminal::run(&mut state, Some(loader)).map_err(|e| LaunchError::Terminal(e.to_string()))
}
