//! Fuzzes the reader behind `result.json` and the extractor after it.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::read_as("result.json", data));
