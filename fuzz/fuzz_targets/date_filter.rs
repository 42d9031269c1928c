//! Fuzzes the date-filter input of the terminal app and of --from/--to.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(r) = frontlog::datefilter::parse_range(input, 2025)
        && let (Some(f), Some(t)) = (r.from, r.to)
    {
        assert!(f <= t);
    }
    let _ = frontlog::datefilter::parse_start(input, 2025);
    let _ = frontlog::datefilter::parse_end(input, 2025);
});
