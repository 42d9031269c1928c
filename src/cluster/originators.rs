//! Originators: the bodies whose claims a report relays (the General Staff,
//! the Air Force, a governor, the Kremlin). The names are data,
//! `assets/cluster/originators.toml`; a report's originator is the one its
//! format states (a Telegram message's `forwarded_from`), else the first
//! name of the list found in its sentence.
//!
//! Names are matched word by word, case-insensitively: a word of a name
//! ending in `*` matches any word it begins (Ukrainian and Russian inflect:
//! "Генштабу", "Генштабом"); other words match whole words only.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const ORIGINATORS_TOML: &str = include_str!("../../assets/cluster/originators.toml");

#[derive(Deserialize)]
struct File {
    cues: Cues,
    country: Vec<CountryEntry>,
    originator: Vec<Entry>,
}

#[derive(Deserialize)]
struct CountryEntry {
    name: String,
    words: Vec<String>,
}

/// An originator found in a text: which (an index into
/// [`Originators::names`]) and, when the text says so, whose (an index
/// into the countries of the list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The originator.
    pub who: u16,
    /// The country it belongs to, when a word next to it says.
    pub country: Option<u16>,
}

#[derive(Deserialize)]
struct Cues {
    after: Vec<String>,
    before: Vec<String>,
    either: Vec<String>,
    object_of: Vec<String>,
}

/// How far, in words, an attribution cue may stand from the name.
const CUE_REACH: usize = 5;

/// Words (an article, an adjective) allowed between a `before` cue and the
/// name: "according to the regional governor".
const BEFORE_GAP: usize = 2;

#[derive(Deserialize)]
struct Entry {
    name: String,
    names: Vec<String>,
}

/// A word of a name: the lower-cased word and whether it matches as a prefix.
#[derive(Debug)]
struct NameWord {
    word: String,
    prefix: bool,
}

/// The compiled list.
#[derive(Debug)]
pub struct Originators {
    names: Vec<String>,
    /// Patterns: (originator index, words).
    patterns: Vec<(u16, Vec<NameWord>)>,
    /// First word's key (its first [`KEY_CHARS`] characters, or all of it
    /// when shorter) → patterns starting so, in list order.
    by_key: HashMap<String, Vec<usize>>,
    /// Every name's first word, lower-case, capitalised and upper-case: a
    /// text that holds none of them names no originator (most do not).
    first_words: aho_corasick::AhoCorasick,
    /// Country names, and the words that stand for each.
    countries: Vec<String>,
    country_words: Vec<(u16, NameWord)>,
    /// Attribution cues after the name, just before it, and on either side.
    after: Vec<Vec<NameWord>>,
    before: Vec<Vec<NameWord>>,
    either: Vec<Vec<NameWord>>,
    /// Prepositions whose object is not the one speaking ("a call with
    /// President Zelensky", "Ambassador to the United Nations").
    object_of: Vec<String>,
}

fn pattern(name: &str) -> Vec<NameWord> {
    name.split_whitespace()
        .map(|w| NameWord {
            word: w.trim_end_matches('*').to_lowercase(),
            prefix: w.ends_with('*'),
        })
        .collect()
}

/// Whether `pattern` matches the words from `at`.
/// Whether `pattern` matches the (lower-cased) words from `at`.
fn fits(pattern: &[NameWord], words: &[&str], at: usize) -> bool {
    pattern.len() <= words.len().saturating_sub(at)
        && pattern.iter().zip(&words[at..]).all(|(n, w)| {
            if n.prefix {
                w.starts_with(&n.word)
            } else {
                *w == n.word
            }
        })
}

/// Splitting a text into words (runs of letters, digits and apostrophes)
/// with their byte offsets.
trait WordBounds {
    fn split_word_bounds_simple(&self) -> Vec<(usize, &str)>;
}

impl WordBounds for str {
    fn split_word_bounds_simple(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            let inside = c.is_alphanumeric() || c == '\'';
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out
    }
}

const KEY_CHARS: usize = 3;

fn key(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .take(KEY_CHARS)
        .collect()
}

impl Originators {
    /// The built-in list (parsed once). Panics only if the bundled asset is
    /// malformed, which the unit tests rule out.
    pub fn builtin() -> &'static Originators {
        static LIST: OnceLock<Originators> = OnceLock::new();
        LIST.get_or_init(|| Originators::parse(ORIGINATORS_TOML).expect("bundled originators.toml"))
    }

    /// Parses a list in the asset's format.
    pub fn parse(text: &str) -> Result<Originators, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let cues = |list: &[String]| -> Result<Vec<Vec<NameWord>>, String> {
            list.iter()
                .map(|c| {
                    let p = pattern(c);
                    if p.is_empty() || p[0].word.is_empty() {
                        Err(format!("an empty attribution cue {c:?}"))
                    } else {
                        Ok(p)
                    }
                })
                .collect()
        };
        let mut list = Originators {
            names: Vec::new(),
            patterns: Vec::new(),
            by_key: HashMap::new(),
            first_words: aho_corasick::AhoCorasick::new(["\u{0}"]).map_err(|e| e.to_string())?,
            countries: file.country.iter().map(|c| c.name.clone()).collect(),
            country_words: file
                .country
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    c.words.iter().map(move |w| {
                        (
                            i as u16,
                            NameWord {
                                word: w.trim_end_matches('*').to_lowercase(),
                                prefix: w.ends_with('*'),
                            },
                        )
                    })
                })
                .collect(),
            after: cues(&file.cues.after)?,
            before: cues(&file.cues.before)?,
            either: cues(&file.cues.either)?,
            object_of: file
                .cues
                .object_of
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
        };
        for (i, entry) in file.originator.into_iter().enumerate() {
            for name in &entry.names {
                let words = pattern(name);
                if words.is_empty() || words[0].word.is_empty() {
                    return Err(format!("originator {:?}: an empty name", entry.name));
                }
                list.by_key
                    .entry(key(&words[0].word))
                    .or_default()
                    .push(list.patterns.len());
                list.patterns.push((i as u16, words));
            }
            list.names.push(entry.name);
        }
        let mut firsts: Vec<String> = Vec::new();
        for (_, words) in &list.patterns {
            let w = &words[0].word;
            let mut chars = w.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            firsts.extend([w.clone(), capital, w.to_uppercase()]);
        }
        firsts.sort();
        firsts.dedup();
        list.first_words = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&firsts)
            .map_err(|e| e.to_string())?;
        Ok(list)
    }

    /// Display name of originator `i`.
    pub fn name(&self, i: u16) -> &str {
        &self.names[i as usize]
    }

    /// The first originator a text attributes something to (see the
    /// asset's notes on cues), by position in the text.
    pub fn find(&self, text: &str) -> Option<Found> {
        let at_word_start = |m: &aho_corasick::Match| {
            text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        };
        let hits: Vec<usize> = self
            .first_words
            .find_iter(text)
            .filter(at_word_start)
            .map(|m| m.start())
            .collect();
        if hits.is_empty() {
            return None;
        }
        // Words lower-cased, "'s" cut off, with their byte offsets.
        let mut lowered: Vec<String> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for (at, w) in text.split_word_bounds_simple() {
            let w = w.strip_suffix("'s").unwrap_or(w);
            lowered.push(
                if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                    w.to_lowercase()
                } else {
                    w.to_owned()
                },
            );
            starts.push(at);
        }
        let words: Vec<&str> = lowered.iter().map(String::as_str).collect();
        for (start, &at) in starts.iter().enumerate() {
            if hits.binary_search(&at).is_err() {
                continue;
            }
            let Some(candidates) = self.by_key.get(&key(words[start])) else {
                continue;
            };
            for &p in candidates {
                let (who, name) = &self.patterns[p];
                let end = start + name.len();
                if fits(name, &words, start)
                    && self.attributed(&words, start, end)
                    && !self.object_of_preposition(text, &starts, &words, start)
                {
                    return Some(Found {
                        who: *who,
                        country: self.country_of(&words, start, end),
                    });
                }
            }
        }
        None
    }

    /// The country a word next to the name at `start..end` gives: one of
    /// the two words before it ("Russia's defence ministry", "the
    /// Ukrainian General Staff"), "of" and a country word after it, or a
    /// Cyrillic country word right after it ("Генштаб ЗСУ").
    fn country_of(&self, words: &[&str], start: usize, end: usize) -> Option<u16> {
        let country = |w: &str| {
            self.country_words
                .iter()
                .find(|(_, n)| {
                    if n.prefix {
                        w.starts_with(&n.word)
                    } else {
                        w == n.word
                    }
                })
                .map(|(c, _)| *c)
        };
        (start.saturating_sub(2)..start)
            .rev()
            .find_map(|i| country(words[i]))
            .or_else(|| match words.get(end..end + 2) {
                Some(["of", w]) | Some(["of", w, ..]) => country(w),
                _ => None,
            })
            .or_else(|| {
                words
                    .get(end)
                    .filter(|w| !w.is_ascii())
                    .and_then(|w| country(w))
            })
    }

    /// The name to show for what [`Originators::find`] found: "Ministry of
    /// Defence (Russia)", or the bare name when no country was said.
    pub fn label(&self, found: Found) -> String {
        let name = self.name(found.who);
        match found.country {
            Some(c) => format!("{name} ({})", self.countries[c as usize]),
            None => name.to_owned(),
        }
    }

    /// Whether the name at words `start..end` is the source of the
    /// sentence's claim.
    fn attributed(&self, words: &[&str], start: usize, end: usize) -> bool {
        let after = (end..(end + CUE_REACH).min(words.len()))
            .any(|at| self.after.iter().any(|c| fits(c, words, at)));
        // "according to the regional governor": a cue of several words
        // ends at most [`BEFORE_GAP`] words before the name; "said the
        // mayor": a one-word cue only at the name or an article before it.
        let before = (start.saturating_sub(BEFORE_GAP)..=start).any(|cue_end| {
            let gap = &words[cue_end..start];
            let bare = gap.len() <= 1 && gap.iter().all(|w| matches!(*w, "the" | "a" | "an"));
            self.before.iter().any(|c| {
                (c.len() > 1 || bare) && cue_end >= c.len() && fits(c, words, cue_end - c.len())
            })
        });
        let either = (start.saturating_sub(CUE_REACH)..(end + CUE_REACH).min(words.len()))
            .any(|at| self.either.iter().any(|c| fits(c, words, at)));
        after || before || either
    }

    /// Whether the name at word `start` is the object of a preposition of
    /// `object_of` ("a call with Ukrainian President Volodymyr Zelensky",
    /// "Ambassador to the United Nations"): the words right before it that
    /// are capitalised or an article (a title, a given name) are stepped
    /// over; a `before` cue ending there ("according to") is no such
    /// preposition. `starts` are the words' byte offsets in `text`.
    fn object_of_preposition(
        &self,
        text: &str,
        starts: &[usize],
        words: &[&str],
        start: usize,
    ) -> bool {
        const TITLE_WORDS: usize = 4;
        let capital = |i: usize| {
            text[starts[i]..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        // Only spaces between a word and the next: "In an interview with
        // CNN, Zelensky said" puts a comma between CNN and the name.
        let joined = |i: usize| {
            let between = &text[starts[i - 1]..starts[i]];
            between
                .trim_start_matches(|c: char| c.is_alphanumeric() || c == '\'')
                .chars()
                .all(char::is_whitespace)
        };
        let mut i = start;
        while i > 0
            && start - i < TITLE_WORDS
            && joined(i)
            && (capital(i - 1) || matches!(words[i - 1], "the" | "a" | "an"))
        {
            i -= 1;
        }
        if i > 0 && !joined(i) {
            return false;
        }
        let cue_ends_here = self
            .before
            .iter()
            .any(|c| i >= c.len() && fits(c, words, i - c.len()));
        i > 0 && !cue_ends_here && self.object_of.iter().any(|p| p == words[i - 1])
    }

    /// Every originator's display name, in list order (index = id).
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_list_parses() {
        assert!(Originators::parse(ORIGINATORS_TOML).is_ok());
    }

    #[test]
    fn names_are_found_whole_or_by_their_stem() {
        let o = Originators::builtin();
        let name = |t: &str| o.find(t).map(|f| o.name(f.who).to_string());
        assert_eq!(
            name("The Air Force said 40 drones were shot down").as_deref(),
            Some("Air Force")
        );
        assert_eq!(
            name("According to the regional governor, two were hurt").as_deref(),
            Some("regional governor")
        );
        assert_eq!(
            name("Про це повідомили у Генштабі ЗСУ").as_deref(),
            Some("General Staff")
        );
        assert_eq!(
            name("Как сообщили в Минобороны России").as_deref(),
            Some("Ministry of Defence")
        );
        assert_eq!(
            name("The Kremlin's spokesman said the talks had stalled").as_deref(),
            Some("Kremlin")
        );
        assert_eq!(name("Shelling hit a school in the town"), None);
        assert_eq!(
            name("Policemen said so"),
            None,
            "whole words only without a star"
        );
        assert_eq!(
            name("The president told Zelensky on a call that talks would go on"),
            None,
            "the one told is no source"
        );
        assert_eq!(
            name("Drones hit the port, said the mayor of the city").as_deref(),
            Some("mayor")
        );
        assert_eq!(
            name("The governor visited the hospital"),
            None,
            "no attribution"
        );
        assert_eq!(
            name("The president said Friday that Zelensky had left"),
            None
        );
        assert_eq!(
            name(
                "Biden, during a call with Ukrainian President Volodymyr Zelensky, warned of costs"
            ),
            None,
            "the other party of a call is no source"
        );
        assert_eq!(
            name("The US Ambassador to the United Nations said the vote was delayed"),
            None,
            "an envoy to a body is not the body"
        );
        assert_eq!(
            name("According to Zelensky, the line held").as_deref(),
            Some("President of Ukraine"),
            "a cue that ends in a preposition still attributes"
        );
        assert_eq!(
            name("In an interview with CNN, Zelensky said the line held").as_deref(),
            Some("President of Ukraine"),
            "a comma ends the preposition's object"
        );
    }

    #[test]
    fn a_country_word_next_to_the_name_says_whose_it_is() {
        let o = Originators::builtin();
        let label = |t: &str| o.find(t).map(|f| o.label(f));
        assert_eq!(
            label("Russia's defence ministry said it downed 12 drones").as_deref(),
            Some("Ministry of Defence (Russia)")
        );
        assert_eq!(
            label("The UK Ministry of Defence reported new losses").as_deref(),
            Some("Ministry of Defence (United Kingdom)")
        );
        assert_eq!(
            label("Про це повідомили у Генштабі ЗСУ").as_deref(),
            Some("General Staff (Ukraine)")
        );
        assert_eq!(
            label("The General Staff said 40 attacks were repelled").as_deref(),
            Some("General Staff")
        );
    }

    #[test]
    fn a_malformed_list_is_an_error() {
        let cues = "[cues]\nafter = [\"said\"]\nbefore = []\neither = []\n[[country]]\nname = \"X\"\nwords = [\"x\"]\n";
        assert!(Originators::parse(&format!("{cues}[[originator]]\nname = 1")).is_err());
        assert!(
            Originators::parse(&format!(
                "{cues}[[originator]]\nname = \"x\"\nnames = [\"*\"]"
            ))
            .is_err()
        );
        assert!(
            Originators::parse("[[originator]]\nname = \"x\"\nnames = [\"x\"]").is_err(),
            "cues are required"
        );
    }
}
