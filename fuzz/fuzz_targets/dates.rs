//! Fuzzes the temporal tagger: any text, any reference date; spans must lie
//! inside the text on character boundaries and intervals must not end
//! before they start.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let dct = NaiveDate::from_num_days_from_ce_opt(730_000 + i32::from(u16::from_le_bytes([data[0], data[1]])));
    let text = String::from_utf8_lossy(&data[2..]);
    for t in frontlog::timex::tag(&text, dct) {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        if let Some(i) = t.interval {
            assert!(i.first <= i.last);
        }
    }
});
