//! Text utilities shared by the corpus and extraction stages: classifying the
//! lines of a scraped page, splitting prose into sentences, and cleaning text
//! for display.

pub mod captions;
pub mod display;
pub mod embeds;
pub mod lines;
pub mod markup;
pub mod sentences;
mod stamps;
pub mod vocab;

/// Number of words (whitespace-separated tokens with a letter or digit).
pub fn word_count(s: &str) -> usize {
    word_count_up_to(s, usize::MAX)
}

/// Number of words, counting no further than `limit` (cheap on long lines).
pub fn word_count_up_to(s: &str, limit: usize) -> usize {
    if s.is_ascii() {
        // Bytes are characters: count words without decoding.
        return s
            .as_bytes()
            .split(|b| b.is_ascii_whitespace())
            .filter(|w| w.iter().any(u8::is_ascii_alphanumeric))
            .take(limit)
            .count();
    }
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(limit)
        .count()
}
