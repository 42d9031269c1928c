//! The text filter's folding: how event text and typed needles are made
//! comparable (case-folded, whitespace runs as one space, Latin letters
//! without their diacritics, "Złoczów" as "zloczow", and the Cyrillic
//! letters people type interchangeably made one: "ё" as "е", "ґ" as "г",
//! while "й" and "ї" stay letters of their own), and the matcher that
//! searches folded text from the start of a word.

use memchr::memmem;
use unicode_normalization::char::is_combining_mark;

use crate::corpus::Document;
use crate::extract::Event;

/// An event's text as the text filter reads it: as shown, case-folded,
/// whitespace runs as one space.
pub fn folded_text(event: &Event, doc: &Document) -> String {
    let mut out = String::new();
    push_folded(&mut out, &event.text(doc));
    out
}

/// A text to look for in any case and whatever its spacing, from the start
/// of a word: folded like the store's search text, and searched with a SIMD
/// substring finder. "dro" finds "drone" and "anti-drone", not "hydro".
#[derive(Debug, Clone)]
pub struct TextMatcher {
    pub(super) finder: memmem::Finder<'static>,
    /// The needle, folded.
    folded: String,
    /// Whether the needle starts with a letter or digit, and so must start
    /// a word of the text (a needle starting with punctuation may start anywhere).
    word_start: bool,
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
            word_start: folded.chars().next().is_some_and(char::is_alphanumeric),
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
            folded,
        })
    }

    /// The needle as folded text.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Whether `hay` holds the needle from the start of a word, in any case.
    pub fn is_match(&self, hay: &str) -> bool {
        let mut folded = String::new();
        push_folded(&mut folded, hay);
        self.is_match_folded(&folded)
    }

    /// Whether folded text holds the needle from the start of a word.
    pub(super) fn is_match_folded(&self, folded: &str) -> bool {
        self.find_from(folded.as_bytes(), 0, folded.len()).is_some()
    }

    /// The first place at or after byte `from` and before `end` where the
    /// needle is found from the start of a word (a byte offset of `hay`,
    /// folded text).
    pub(super) fn find_from(&self, hay: &[u8], mut from: usize, end: usize) -> Option<usize> {
        while from < end {
            let at = from + self.finder.find(&hay[from..end])?;
            if !self.word_start || starts_word(hay, at) {
                return Some(at);
            }
            from = at + 1;
        }
        None
    }
}

/// Whether the character before byte `at` of UTF-8 text `hay` is not a
/// letter or digit (or there is none).
fn starts_word(hay: &[u8], at: usize) -> bool {
    let mut start = at;
    while start > 0 {
        start -= 1;
        if hay[start] & 0xC0 != 0x80 {
            break;
        }
    }
    if start == at {
        return true;
    }
    std::str::from_utf8(&hay[start..at])
        .ok()
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Appends `s` case-folded, with every run of whitespace (and NUL) as one space.
pub(super) fn push_folded(out: &mut String, s: &str) {
    if s.is_ascii() {
        // Bytes are characters: skip decoding and the Unicode tables.
        push_collapsed(out, s.bytes().map(char::from), |c| c.to_ascii_lowercase());
    } else {
        push_collapsed(out, s.chars().filter(|&c| !is_combining_mark(c)), |c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => without_diacritic(same_letter(l)),
                _ => c,
            }
        });
    }
}

/// A Latin letter (or any letter outside Cyrillic) without its diacritics,
/// when it is one base letter and marks: "ł" stays, "ó" becomes "o".
/// Cyrillic letters stay as they are: "й" and "ї" are letters of their own.
fn without_diacritic(c: char) -> char {
    if c < '\u{C0}' || ('\u{400}'..='\u{52F}').contains(&c) {
        return c;
    }
    let mut base = None;
    let mut bases = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            base = Some(d);
            bases += 1;
        }
    });
    match base {
        Some(b) if bases == 1 => b,
        _ => c,
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
        // й and ї are letters, not и and і with marks.
        assert_eq!(fold_case("Київ Київщина"), "київ київщина");
        assert_ne!(fold_case("Бийск"), fold_case("Бииск"));
    }

    #[test]
    fn latin_letters_lose_their_diacritics_composed_or_not() {
        assert_eq!(fold_case("Zaporižžja Łódź Café"), "zaporizzja łodz cafe");
        assert_eq!(fold_case("Cafe\u{301}"), "cafe");
        assert!(
            TextMatcher::new("zaporizz")
                .unwrap()
                .is_match("in Zaporižžja")
        );
    }

    #[test]
    fn needles_match_from_the_start_of_a_word() {
        let dro = TextMatcher::new("dro").unwrap();
        assert!(dro.is_match("Drones flew"));
        assert!(dro.is_match("an anti-drone gun"));
        assert!(!dro.is_match("hydroelectric"));
        // The second occurrence starts a word though the first does not.
        assert!(dro.is_match("hydro drones"));
        let cyr = TextMatcher::new("харк").unwrap();
        assert!(cyr.is_match("у Харкові"));
        assert!(!cyr.is_match("ухарків"));
        // A needle that starts with punctuation may start anywhere.
        assert!(TextMatcher::new("'s").unwrap().is_match("Kyiv's mayor"));
        assert!(
            TextMatcher::new("officials sa")
                .unwrap()
                .is_match("Officials  said")
        );
    }
}
