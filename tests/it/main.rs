//! Every integration test, in one test binary: each file of `tests/it/` is a
//! module here. One binary links the crate once, where one binary per file
//! linked it eighteen times (issue 17: a fresh clone's `cargo test` spent
//! most of its time linking).
//!
//! Run one file's tests with a filter on its module name, for example
//! `cargo test --test it tui_e2e` or `cargo test --test it timex_rules::`.

mod background_load;
mod cli_options;
mod cli_support;
mod engine;
mod export_cli;
mod export_dates;
mod export_formats;
mod export_types;
mod faults;
mod formats_encoding;
mod formats_feed;
mod formats_hostile;
mod formats_html;
mod formats_json;
mod formats_telegram;
mod host;
mod hostile_corpus;
mod ingest_cache;
mod places_gazetteer;
mod places_labelled;
mod places_rules;
mod places_seed_phrases;
mod props;
mod repeated_lines;
mod snapshot;
mod text_index;
mod timex_rules;
mod timex_safety;
mod tui_clusters;
mod tui_docs;
mod tui_e2e;
mod tui_export;
mod tui_filters;
mod tui_histogram;
mod tui_map;
mod tui_narrow;
mod tui_render;
mod tui_support;
mod tui_types;
mod tui_update;
