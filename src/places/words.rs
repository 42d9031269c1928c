//! Reading a text word by word around a byte offset: the word at, after
//! and before a position, whole-word edges, the words before a name,
//! sentence edges and headlines. Byte-level fast paths for ASCII (the bulk
//! of news text), with Unicode fallbacks for other scripts and typographic
//! marks. It knows nothing of places.

use super::fold::is_apostrophe;

/// One word of the text as the finder sees it.
#[derive(Clone, Copy)]
pub(super) struct Word {
    /// Byte span of the word without a possessive or trailing dots.
    pub start: usize,
    pub end: usize,
    /// A dot follows the core ("U.S.").
    pub dot: bool,
    /// Only spaces separate it from the next word.
    pub joined: bool,
}

/// ASCII bytes that continue a word: letters, digits, `-`, `.`, `'`.
pub(super) const WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c == b'\'';
        b += 1;
    }
    t
};

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.' || is_apostrophe(c)
}

/// The word starting at byte `i` (a letter or digit).
/// Abbreviations that open place names and keep their dot.
const NAME_ABBREVIATIONS: &[&str] = &["St", "Ste", "Ft", "Mt"];

/// Whether a word is an abbreviation whose dot does not end a name
/// ("St. Petersburg").
pub(super) fn opens_names(word: &str) -> bool {
    NAME_ABBREVIATIONS.contains(&word)
}

pub(super) fn word_at(text: &str, i: usize) -> Word {
    let rest = &text[i..];
    let len = skip_word(text, i) - i;
    let raw = &rest[..len];
    let mut core = trim_marks(raw);
    // The possessive: "Kyiv's", "Ukraine’s", "Bilhorod-Dnistrovskyi's".
    if let Some(stem) = core.strip_suffix('s')
        && stem.ends_with(is_apostrophe)
    {
        core = stem.trim_end_matches(is_apostrophe);
    }
    let after = &raw[core.len()..];
    let tail = &rest[len..];
    let spaces = tail.len() - tail.trim_start_matches(' ').len();
    Word {
        start: i,
        end: i + core.len(),
        dot: after.starts_with('.'),
        // "St. Petersburg", "Ft. Worth": the dot of a name's abbreviation
        // does not end the name.
        joined: spaces > 0 && (after.is_empty() || after == "." && opens_names(core)),
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The first byte at or after `i` that is an ASCII capital or not ASCII,
/// eight bytes at a time.
pub(super) fn next_capital_or_non_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if x & HI != 0 {
            break;
        }
        // With every byte below 0x80 these additions carry into no other
        // byte: the high bit says "at least 'A'" and "above 'Z'".
        let at_least_a = x.wrapping_add((0x80 - u64::from(b'A')) * LO);
        let above_z = x.wrapping_add((0x80 - u64::from(b'Z') - 1) * LO);
        if at_least_a & !above_z & HI != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !(bytes[i].is_ascii_uppercase() || bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// `word` without the dots, hyphens and apostrophes it ends with.
pub(super) fn trim_marks(word: &str) -> &str {
    let b = word.as_bytes();
    match b.last() {
        Some(b'.' | b'-' | b'\'') => trim_marks(&word[..word.len() - 1]),
        Some(&last) if last >= 0x80 => {
            word.trim_end_matches(|c: char| c == '.' || c == '-' || is_apostrophe(c))
        }
        _ => word,
    }
}

/// Byte offset just past the word (run of word characters) at `i`.
pub(super) fn skip_word(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    // ASCII letters, digits and inner marks, the common case, byte by byte.
    while j < bytes.len() {
        match WORD_BYTE.get(bytes[j] as usize) {
            Some(true) => j += 1,
            Some(false) => return j,
            None => break,
        }
    }
    text[j..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(k, _)| j + k)
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// No letter or digit (nor a letter and an apostrophe) just before `i`.
pub(super) fn starts_word(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_apostrophe(c) => {
            !char_before(text, i - c.len_utf8()).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// The word (letters, digits, inner hyphens and apostrophes) that starts
/// after the spaces at `i`, as a byte range; `None` unless a space comes
/// first.
pub(super) fn word_after(text: &str, i: usize) -> Option<(usize, usize)> {
    let rest = text.get(i..)?;
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.len() == rest.len() {
        return None;
    }
    let start = i + rest.len() - trimmed.len();
    let bytes = trimmed.as_bytes();
    let mut len = 0;
    while len < bytes.len()
        && bytes[len] != b'.'
        && WORD_BYTE.get(bytes[len] as usize) == Some(&true)
    {
        len += 1;
    }
    if bytes.get(len).is_some_and(|&b| b >= 0x80) {
        len += trimmed[len..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .map_or(trimmed.len() - len, |(k, _)| k);
    }
    let word = trimmed[..len].trim_end_matches(['-', '\'', '’']);
    (!word.is_empty()).then_some((start, start + word.len()))
}

/// The word that ends before the spaces at `i`, as a byte range.
pub(super) fn word_before(text: &str, i: usize) -> Option<(usize, usize)> {
    let head = text.get(..i)?;
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() {
        return None;
    }
    let end = trimmed.len();
    let bytes = trimmed.as_bytes();
    let mut start = end;
    while start > 0
        && (bytes[start - 1].is_ascii_alphanumeric()
            || matches!(bytes[start - 1], b'-' | b'\'' | b'.'))
    {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] >= 0x80 {
        start = trimmed[..start]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'))
            .map_or(0, |(k, c)| k + c.len_utf8());
    }
    (start < end).then_some((start, end))
}

/// The words before `i`, nearest first, stopping at punctuation; read
/// from the text only as far as asked (most questions need one or two).
pub(super) struct Before<'t> {
    text: &'t str,
    words: [&'t str; 6],
    len: usize,
    /// Where reading backwards goes on; `None` once it has stopped.
    at: Option<usize>,
}

impl<'t> Before<'t> {
    pub(super) fn new(text: &'t str, i: usize) -> Before<'t> {
        Before {
            text,
            words: [""; 6],
            len: 0,
            at: Some(i),
        }
    }

    /// Reads words until word `k` is known, or there is none.
    fn fill(&mut self, k: usize) {
        while self.len <= k && self.len < self.words.len() {
            let Some(i) = self.at else { return };
            let Some((s, e)) = word_before(self.text, i) else {
                self.at = None;
                return;
            };
            let w = &self.text[s..e];
            if w.ends_with('.') || w.ends_with(',') {
                self.at = None; // the end of an earlier sentence or clause
                return;
            }
            self.words[self.len] = w;
            self.len += 1;
            self.at = Some(s);
        }
    }

    /// Whether, skipping the `skip` nearest words, the words before end
    /// with `phrase` (lower-case words, in reading order).
    pub(super) fn ends_with(&mut self, skip: usize, phrase: &[String]) -> bool {
        if phrase.is_empty() {
            return true;
        }
        self.fill(skip + phrase.len() - 1);
        skip + phrase.len() <= self.len
            && phrase
                .iter()
                .rev()
                .zip(&self.words[skip..self.len])
                .all(|(p, w)| w.eq_ignore_ascii_case(p))
    }

    /// The `k`-th word before (0 the nearest).
    pub(super) fn get(&mut self, k: usize) -> Option<&'t str> {
        self.fill(k);
        (k < self.len).then(|| self.words[k])
    }
}

pub(super) fn is_upper_initial(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the word at `start` begins a sentence (or a quote, a heading).
pub(super) fn sentence_initial(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    match head.chars().next_back() {
        None => true,
        Some(c) => ".!?:;\"“”‘'(—–•*\n\t[".contains(c),
    }
}

/// Whether a sentence ends between bytes `i - 1` and `i`: after ".", "!"
/// or "?" and a space, or after a line break.
fn breaks_at(b: &[u8], i: usize) -> bool {
    breaks(b[i - 1], b[i])
}

fn breaks(prev: u8, b: u8) -> bool {
    (matches!(prev, b'.' | b'!' | b'?') && b == b' ') || prev == b'\n'
}

/// How many sentences end within `text[from..to]` (for telling which
/// names share a sentence).
pub(crate) fn sentence_breaks(text: &str, from: usize, to: usize) -> usize {
    let b = text.as_bytes();
    let from = from.max(1) - 1;
    let to = to.min(b.len());
    if from >= to {
        return 0;
    }
    let b = &b[from..to];
    // Eight pairs of bytes at a time: a mask of the bytes equal to `c`.
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let eq = |x: u64, c: u8| {
        let t = x ^ (u64::from(c) * LO);
        !(((t & LOW7).wrapping_add(LOW7)) | t | LOW7)
    };
    let mut count = 0;
    let mut k = 0;
    while k + 9 <= b.len() {
        let x = u64::from_le_bytes(b[k..k + 8].try_into().unwrap_or([0; 8]));
        let y = u64::from_le_bytes(b[k + 1..k + 9].try_into().unwrap_or([0; 8]));
        let stop = eq(x, b'.') | eq(x, b'!') | eq(x, b'?');
        count += ((stop & eq(y, b' ')) | eq(x, b'\n')).count_ones() as usize;
        k += 8;
    }
    count
        + b[k..]
            .windows(2)
            .map(|w| usize::from(breaks(w[0], w[1])))
            .sum::<usize>()
}

/// The byte span of the sentence around `i`, if it ends within `max` bytes
/// of `i` on both sides (a headline is short: looking farther is wasted
/// work, and on a megabyte of unpunctuated text, quadratic work).
pub(super) fn sentence_bounds(text: &str, i: usize, max: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let lo = i.saturating_sub(max);
    let from = match (lo.max(1)..=i).rev().find(|&k| breaks_at(b, k)) {
        Some(k) => k,
        None if lo == 0 => 0,
        None => return None,
    };
    let hi = i.saturating_add(max).min(b.len());
    let to = match (i + 1..hi).find(|&k| breaks_at(b, k)) {
        Some(k) => k,
        None if hi == b.len() => b.len(),
        None => return None,
    };
    Some((from, to))
}

/// Longest reach, each way, of a sentence that can be a headline.
const HEADLINE_REACH: usize = 400;

/// Whether the sentence around `i` is written in title case (a headline),
/// where capitalised neighbours say nothing: every word capitalised but the
/// small words title case leaves in lower case.
pub(super) fn title_case(text: &str, i: usize) -> bool {
    const SMALL: [&str; 21] = [
        "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "of", "in",
        "up", "as", "via", "with", "from", "into", "over",
    ];
    let Some((from, to)) = sentence_bounds(text, i, HEADLINE_REACH) else {
        return false;
    };
    let mut caps = 0;
    for w in text[from..to].split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.chars().next() {
            Some(c) if c.is_uppercase() => caps += 1,
            Some(c) if c.is_lowercase() && !SMALL.contains(&w) => return false,
            _ => {}
        }
    }
    caps >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_possessives_and_keep_inner_marks() {
        let t = "Kyiv's air defences, Kam'ianske and the U.S. too";
        let w = word_at(t, 0);
        assert_eq!(&t[w.start..w.end], "Kyiv");
        assert!(!w.joined);
        let k = t.find("Kam").unwrap();
        let w = word_at(t, k);
        assert_eq!(&t[w.start..w.end], "Kam'ianske");
        assert!(w.joined);
        let u = t.find("U.S.").unwrap();
        let w = word_at(t, u);
        assert_eq!(&t[w.start..w.end], "U.S");
        assert!(w.dot);
    }

    #[test]
    fn words_around() {
        let t = "fighting near the village of Novopavlivka region";
        let i = t.find("Novo").unwrap();
        let mut b = Before::new(t, i);
        let words: Vec<&str> = (0..4).filter_map(|k| b.get(k)).collect();
        assert_eq!(words, ["of", "village", "the", "near"]);
        assert!(b.ends_with(2, &["near".to_string(), "the".to_string()]));
        assert!(!b.ends_with(0, &["near".to_string(), "the".to_string()]));
        assert_eq!(b.get(6), None);
        let (s, e) = word_after(t, i + "Novopavlivka".len()).unwrap();
        assert_eq!(&t[s..e], "region");
    }

    #[test]
    fn sentence_breaks_agree_with_a_plain_count() {
        let pieces = ["a", ". ", "! ", "?", " ", "\n", "Київ", "..", ".\n", "x y"];
        let mut seed: u64 = 7;
        for _ in 0..500 {
            let mut t = String::new();
            for _ in 0..(seed % 30) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let b = t.as_bytes();
            for from in [0, 1, 3] {
                let plain = (from.max(1)..b.len()).filter(|&i| breaks_at(b, i)).count();
                assert_eq!(
                    sentence_breaks(&t, from, t.len()),
                    plain,
                    "{t:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn sentences_and_capitals() {
        let t = "ok. next sentence!\nand more? yes, über Kyiv. Київ done.";
        assert_eq!(sentence_breaks(t, 0, t.len()), 4);
        let kyiv = t.find("Kyiv").unwrap();
        assert_eq!(sentence_bounds(t, kyiv, 100), Some((28, 45)));
        assert_eq!(sentence_bounds(t, kyiv, 5), None, "too far to look");
        let b = t.as_bytes();
        for i in 0..b.len() {
            let want = (i..b.len())
                .find(|&j| b[j].is_ascii_uppercase() || b[j] >= 0x80)
                .unwrap_or(b.len());
            assert_eq!(next_capital_or_non_ascii(b, i), want, "from {i}");
        }
    }

    #[test]
    fn headlines_are_title_case() {
        let t = "Experts, Politicians Lukewarm on Prospects for Putin-Trump Peace Talks";
        assert!(title_case(t, 0));
        let s = "Russian troops are advancing near Pokrovsk, the General Staff said.";
        assert!(!title_case(s, 0));
        let s = "Delegates met at the Istanbul Security Conference on Friday.";
        assert!(!title_case(s, 0));
    }
}
