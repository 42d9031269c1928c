//! The text filter's folding: how event text and typed needles are made
//! comparable (case-folded, whitespace runs as one space, and the Cyrillic
//! letters people type interchangeably made one: "ё" as "е", "ґ" as "г"),
//! and the matcher that searches folded text.

use memchr::memmem;

use crate::corpus::Document;
use crate::extract::Event;

/// An event's text as the text filter reads it: as shown, case-folded,
/// whitespace runs as one space.
pub fn folded_text(event: &Event, doc: &Document) -> String {
    let mut out = String::new();
    push_folded(&mut out, &event.text(doc));
    out
}

/// A text to look for in any case and whatever its spacing: folded like the
/// store's search text, and searched with a SIMD substring finder.
#[derive(Debug, Clone)]
pub struct TextMatcher {
    pub(super) finder: memmem::Finder<'static>,
}

impl TextMatcher {
    /// A matcher for `needle`; `None` when it is blank.
    pub fn new(needle: &str) -> Option<TextMatcher> {
        let mut folded = String::new();
        push_folded(&mut folded, needle.trim());
        if folded.is_empty() {
            return None;
        }
        Some(TextMatcher {
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
        })
    }

    /// Whether `hay` contains the needle, in any case.
    pub fn is_match(&self, hay: &str) -> bool {
        let mut folded = String::new();
        push_folded(&mut folded, hay);
        self.finder.find(folded.as_bytes()).is_some()
    }

    pub(super) fn is_match_folded(&self, folded: &str) -> bool {
        self.finder.find(folded.as_bytes()).is_some()
    }
}

/// Appends `s` case-folded, with every run of whitespace (and NUL) as one space.
pub(super) fn push_folded(out: &mut String, s: &str) {
    if s.is_ascii() {
        // Bytes are characters: skip decoding and the Unicode tables.
        push_collapsed(out, s.bytes().map(char::from), |c| c.to_ascii_lowercase());
    } else {
        push_collapsed(out, s.chars(), |c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => same_letter(l),
                _ => c,
            }
        });
    }
}

/// Letters Russian and Ukrainian writers and typists use for one another:
/// "ё" is mostly printed "е" in Russian, and "ґ" is often typed "г" in
/// Ukrainian (a keyboard without it, or the spelling before 1990).
fn same_letter(c: char) -> char {
    match c {
        'ё' => 'е',
        'ґ' => 'г',
        _ => c,
    }
}

/// Appends `chars` lowered by `lower`, every run of whitespace (and NUL) as
/// one space, none at the start.
fn push_collapsed(
    out: &mut String,
    chars: impl Iterator<Item = char>,
    lower: impl Fn(char) -> char,
) {
    let mut space = false;
    let mut started = false;
    for c in chars {
        if c.is_whitespace() || c == '\0' {
            space = started;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        started = true;
        out.push(lower(c));
    }
}

/// Lower-cases text character by character (where the lower-case form is a
/// single character), for case-insensitive comparison of any script.
pub fn fold_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_folded(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_folds_case_and_the_letters_typed_for_one_another() {
        // "Orel" with and without the diaeresis; "Gorgany" with ґ and г.
        assert_eq!(fold_case("Орёл"), fold_case("ОРЕЛ"));
        assert_eq!(fold_case("Ґорґани"), "горгани");
        let m = TextMatcher::new("ребенок").unwrap();
        assert!(m.is_match("Спасён ребёнок в Харькове"));
    }
}
