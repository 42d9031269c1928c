//! The tagger must never panic, and its spans must be non-empty, in order,
//! and on char boundaries, whatever the input: non-ASCII text, curly
//! quotes, dashes, odd digits and random garbage.

use chrono::NaiveDate;
use frontlog::timex::tag;

fn check(text: &str, dct: Option<NaiveDate>) {
    let all = tag(text, dct);
    let mut last_start = 0;
    for (k, t) in all.iter().enumerate() {
        assert!(t.start < t.end, "empty span {t:?} in {text:?}");
        assert!(t.end <= text.len(), "span past the end {t:?} in {text:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start >= last_start, "spans out of order in {text:?}");
        last_start = t.start;
        assert!(!t.value.is_empty());
        if let Some(r) = t.range_to {
            assert!(r > k && r < all.len(), "bad range_to {r} at {k}");
        }
        if let Some(i) = t.interval {
            assert!(i.first <= i.last);
        }
    }
}

#[test]
fn unicode_text_quotes_and_dashes() {
    let dct = NaiveDate::from_ymd_opt(2025, 2, 14);
    let samples = [
        "Зеленський сказав у четвер, 13 лютого 2025 року — “now” ‘recently’.",
        "On February\u{a0}12\u{2013}14, 2025, the “talks” went on \u{2014} and on 12\u{2009}February.",
        "Year’s end, New Year’s Day, Valentine’s Day, 2012–2014, 2012—2014, ’90s.",
        "Ämter schließen am 3. März; 東京 2025年2月14日; العربية 2024",
        "ÉTÉ 2024: Café-crème at 10 p.m. Friday\u{2019}s session, mid\u{2011}June.",
        "\u{feff}\u{200b}January\u{200b}12\u{fe0f} 1999\u{0301}",
        "",
        " ",
        "May",
        "12",
        "2025-",
        "Feb.",
        "a.m.",
        "the",
        "'",
        "9999-99-99 00/00/0000 31/31/2024 2024-13-40 Feb. 30, 2023 0:99 25:00 1/0/1",
        "18446744073709551616 years ago; 99999999999999999999-day; 4294967296 BC",
    ];
    for s in samples {
        check(s, dct);
        check(s, None);
    }
}

#[test]
fn random_inputs_never_panic() {
    // A small fixed-seed generator over pieces that stress the rules.
    let pieces = [
        "Feb", ".", " ", "12", ",", "2025", "-", "\u{2013}", "’", "'", "s", "last", "next", "week",
        "year", "ago", "Monday", "night", "the", "a", "p", "m", "10", ":", "30", "/", "1990s",
        "mid", "early", "quarter", "third", "é", "Ж", "\n", "\n\n", "$", "1,087", "Day", "F", "16",
        "May", "March", "every", "two", "days", "later", "Easter", "fiscal", "Q3", "H1", "🙂",
        "\u{301}", "of", "from", "to", "between", "and", "since", "now", "today",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let dct = NaiveDate::from_ymd_opt(2025, 2, 14);
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 3 == 0 {
                s.push(' ');
            }
        }
        check(&s, dct);
    }
}

#[test]
fn extreme_reference_dates() {
    let text =
        "On Monday, last year, next week, Easter, Feb. 29, the 1990s and two centuries later.";
    for dct in [
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
        NaiveDate::from_ymd_opt(2024, 2, 29),
        NaiveDate::MIN.into(),
        NaiveDate::MAX.into(),
    ] {
        check(text, dct);
    }
}
