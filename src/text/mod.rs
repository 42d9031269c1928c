//! Text utilities shared by the corpus and extraction stages: classifying the
//! lines of a scraped page, splitting prose into sentences, and cleaning text
//! for display.

pub mod display;
pub mod lines;
pub mod sentences;

/// Number of words (whitespace-separated tokens with a letter or digit).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
