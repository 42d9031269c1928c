//! frontlog reads a folder of news articles and shows the dated happenings
//! in them as one chronological timeline.
//!
//! The data flows one way:
//!
//! 1. [`corpus`] walks the folder and turns each file into a [`corpus::Document`]
//!    (text and metadata, with where each field came from);
//! 2. [`extract`] finds the sentences, their dates ([`timex`]) and places
//!    ([`places`]) and turns them into [`extract::Event`]s;
//! 3. [`store`] keeps every event in chronological order with indexes;
//! 4. [`query`] cuts a slice of the store by region, source, date and text;
//! 5. [`export`] writes a slice as Markdown or JSON, and the terminal app
//!    shows it ([`tui`], configured by [`config`]).
#![deny(missing_docs)]

pub mod cluster;
pub mod config;
pub mod corpus;
pub mod cputime;
pub mod datefilter;
pub mod diagnostics;
pub mod engine;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod interrupt;
pub mod kinds;
pub mod lang;
pub mod places;
pub mod query;
pub mod regionname;
pub mod store;
pub mod synth;
pub mod tempfiles;
pub mod text;
pub mod timex;
pub mod tui;
pub mod undated;
