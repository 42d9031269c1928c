//! Fuzzes the reader behind `feed.xml` and the extractor after it.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::read_as("feed.xml", data));
