//! The vocabulary of page furniture (`assets/furniture.toml`, compiled in):
//! crawl-stamp words, stamp openings, time units of relative stamps,
//! link-prompt verbs and caption marks. Kept as data so that a word is
//! added without code; every comparison ignores ASCII case.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

const TABLE: &str = include_str!("../../assets/furniture.toml");

/// The word lists of `assets/furniture.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Furniture {
    /// First words of crawl-stamp lines ("scraped", "timestamp").
    pub crawl_words: Vec<String>,
    /// Openings of a page's modification stamp ("last modified").
    pub stamp_prefixes: Vec<String>,
    /// Units of "N <unit> ago" stamps.
    pub time_units: Vec<String>,
    /// First words of link prompts ("read", "follow").
    pub link_verbs: Vec<String>,
    /// Marks of a photo note or credit inside a sentence ("(pictured").
    pub caption_marks: Vec<String>,
    /// Nouns an article calls itself in an editor's note ("story").
    pub self_nouns: Vec<String>,
    /// Verbs of an editor's note on the article ("updated").
    pub edit_verbs: Vec<String>,
    /// Words for "ago" in relative stamps ("ago", "тому", "назад").
    pub ago_words: Vec<String>,
    /// Widget and promo phrases of any script, in lower case ("читайте
    /// також"); see `lines::classify`.
    pub widget_phrases: Vec<String>,
    /// Caption labels of any script, in lower case ("фото:").
    pub caption_labels: Vec<String>,
    /// Cyrillic abbreviations whose period does not end a sentence ("м.",
    /// "обл."), compared with case.
    pub sentence_abbreviations: Vec<String>,
    /// Those of them that also abbreviate "year" ("р.", "г.").
    pub year_abbreviations: Vec<String>,
    /// One case-insensitive automaton over `caption_marks`, built on load.
    #[serde(skip)]
    caption_automaton: Option<AhoCorasick>,
}

impl Furniture {
    /// Whether `word` is one of `list`, without case (ASCII, or any
    /// script for a non-ASCII word: "Тому" is "тому").
    pub fn has(list: &[String], word: &str) -> bool {
        if word.is_ascii() {
            list.iter().any(|w| w.eq_ignore_ascii_case(word))
        } else {
            let lower = word.to_lowercase();
            list.contains(&lower)
        }
    }

    /// Whether the lower-cased `lower` holds one of `list`.
    pub fn holds(list: &[String], lower: &str) -> bool {
        list.iter().any(|p| lower.contains(p.as_str()))
    }

    /// Whether `text` holds a caption mark, without ASCII case and without
    /// a lower-cased copy.
    pub fn has_caption_mark(&self, text: &str) -> bool {
        self.caption_automaton
            .as_ref()
            .is_some_and(|a| a.is_match(text))
    }
}

/// The built-in vocabulary. Panics only if the compiled-in file is invalid,
/// which the tests rule out.
pub fn furniture() -> &'static Furniture {
    static VOCAB: OnceLock<Furniture> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut f: Furniture = toml::from_str(TABLE)
            .unwrap_or_else(|e| panic!("assets/furniture.toml is invalid: {e}"));
        f.caption_automaton = Some(
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&f.caption_marks)
                .unwrap_or_else(|e| panic!("caption marks do not compile: {e}")),
        );
        f
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_loads_and_matches_without_case() {
        let f = furniture();
        assert!(Furniture::has(&f.crawl_words, "Scraped"));
        assert!(Furniture::has(&f.time_units, "HOURS"));
        assert!(f.has_caption_mark("A depot (PICTURED on Friday) burned."));
        assert!(!f.has_caption_mark("A depot burned on Friday."));
        // "2 HOURS AGO" in Ukrainian, any case.
        assert!(Furniture::has(&f.time_units, "ГОДИНИ") && Furniture::has(&f.ago_words, "Тому"));
    }
}
