//! Fuzzes the Ukrainian and Russian rules of the temporal tagger: the first
//! two bytes pick the reference date, the third the language, the rest is
//! the text (seeded with Cyrillic dates from fuzz/seeds/dates_slavic).
//! Spans must lie inside the text on character boundaries and intervals
//! must not end before they start.
#![no_main]

use chrono::NaiveDate;
use frontlog::lang::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let dct = NaiveDate::from_num_days_from_ce_opt(730_000 + i32::from(u16::from_le_bytes([data[0], data[1]])));
    let lang = if data[2] % 2 == 0 { Lang::Uk } else { Lang::Ru };
    let text = String::from_utf8_lossy(&data[3..]);
    let mut carry = frontlog::timex::Carry::default();
    for t in frontlog::timex::tag_lang(&text, dct, lang, &mut carry) {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        if let Some(i) = t.interval {
            assert!(i.first <= i.last);
        }
    }
});
