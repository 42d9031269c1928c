//! Finding place names in a paragraph: at each word with a capital
//! initial, the longest known name starting there (whole words only; its
//! words folded by `fold` and looked up in one hash of every name), then a
//! reading of the words around each hit.
//!
//! The words around decide what a hit is (the cue lists are data, in
//! `assets/gazetteer/cues.toml`):
//! - a region suffix makes a stem the region and joins the mention
//!   ("the Donetsk region", "Sumy Oblast", "Kharkiv and Sumy oblasts");
//! - a title or institution word after it, or "ambassador to" before it,
//!   puts it in a person's title ("Kharkiv Governor", "U.S. officials");
//! - a capitalised word next to it makes it part of a longer proper name
//!   ("Kyiv School of Economics", "Taras Shevchenko"), unless that name is
//!   an event held there ("Munich Security Conference");
//! - a hyphen joins it into an adjective ("Kyiv-based", "Russia-Ukraine");
//! - "the" before a town followed by nothing noun-like is a river ("the
//!   Dnipro");
//! - "near", "north of", "district", "direction"... lower the precision.
//!
//! Which place a surviving hit stands for is `resolve`'s job.

use std::borrow::Cow;

use super::fold::{fold_word, is_apostrophe};
use super::{Cand, Gazetteer, NameEntry, RegionKind};

/// A name found in the text, with what its surroundings say about it.
#[derive(Clone, Debug)]
pub(crate) struct Hit<'g> {
    /// Byte span of the mention (suffix and leading "the" included).
    pub start: usize,
    pub end: usize,
    /// The places it may stand for, narrowed by its form. A region's stem
    /// (`Cand::stem`) is kept when nothing says "region": it stands for the
    /// region only right after one of its towns ("Atlanta, Georgia").
    pub cands: Cow<'g, [Cand]>,
    /// ACLED precision if it is a town: 1, or 2 near or part of a town.
    pub precision: u8,
}

/// How the words after a name shape it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Plain,
    /// "X region" (`plural`: "X and Y regions").
    Region {
        plural: bool,
    },
    /// "X city": the town.
    Town,
}

/// A raw automaton hit before narrowing.
struct Raw {
    start: usize,
    end: usize,
    /// Range of its candidates in `Gazetteer::cands`.
    from: u32,
    to: u32,
    form: Form,
}

/// Finds and reads every place name of `text`.
pub(crate) fn scan<'g>(g: &'g Gazetteer, text: &str) -> Vec<Hit<'g>> {
    let mut raws = automaton_hits(g, text);
    read_suffixes(g, text, &mut raws);
    coordinate(g, text, &mut raws);
    let mut hits = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        if raw.from == raw.to {
            continue; // a phrase that never names a place
        }
        let prev_end = if i > 0 { raws[i - 1].end } else { 0 };
        if let Some(hit) = read_hit(g, text, raw, prev_end) {
            hits.push(hit);
        }
    }
    hits
}

/// One word of the text as the finder sees it.
#[derive(Clone, Copy)]
struct Word {
    /// Byte span of the word without a possessive or trailing dots.
    start: usize,
    end: usize,
    /// A dot follows the core ("U.S.").
    dot: bool,
    /// Only spaces separate it from the next word.
    joined: bool,
}

/// ASCII bytes that continue a word: letters, digits, `-`, `.`, `'`.
const WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c == b'\'';
        b += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.' || is_apostrophe(c)
}

/// The word starting at byte `i` (a letter or digit), or `None`.
fn word_at(text: &str, i: usize) -> Word {
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
        joined: after.is_empty() && spaces > 0,
    }
}

/// Leftmost-longest hits at word starts: at each word with a capital
/// initial, the longest name of up to as many words as the longest name
/// starting with its first word.
fn automaton_hits(g: &Gazetteer, text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut key: Vec<u8> = Vec::new();
    let mut i = 0;
    loop {
        // Names start with a capital: jump to the next one (or to the next
        // non-ASCII byte, which may start a Cyrillic capital).
        i = next_capital_or_non_ascii(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let c = char_at(text, i).unwrap_or(' ');
        if !c.is_uppercase() {
            i += c.len_utf8();
            continue;
        }
        if i > 0 && !starts_word(text, i) {
            i = skip_word(text, i);
            continue;
        }
        let first = word_at(text, i);
        match longest_name(g, text, first, &mut key) {
            Some(raw) => {
                i = raw.end;
                out.push(raw);
            }
            None => i = skip_word(text, i),
        }
    }
    out
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The first byte at or after `i` that is an ASCII capital or not ASCII,
/// eight bytes at a time.
fn next_capital_or_non_ascii(bytes: &[u8], mut i: usize) -> usize {
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
fn trim_marks(word: &str) -> &str {
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
fn skip_word(text: &str, i: usize) -> usize {
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

/// The longest name that starts with word `first`.
fn longest_name(g: &Gazetteer, text: &str, first: Word, key: &mut Vec<u8>) -> Option<Raw> {
    const MAX_WORDS: usize = 8;
    key.clear();
    fold_word(&text[first.start..first.end], key);
    let one = g.names.get(key.as_slice());
    let dotted = if first.dot {
        key.push(b'.');
        let e = g.names.get(key.as_slice());
        key.pop();
        e
    } else {
        None
    };
    // The most words a name starting here can have; none when the word
    // starts no name.
    let max = one
        .map_or(0, |e| e.max_words)
        .max(dotted.map_or(0, |e| e.max_words));
    if max == 0 {
        return None;
    }
    let accept = |entry: &NameEntry, end: usize| {
        let span = &text[first.start..end];
        let lower_case_caps = entry.exact && span.chars().any(char::is_lowercase);
        (!(entry.head_only || lower_case_caps)).then_some(Raw {
            start: first.start,
            end,
            from: entry.from,
            to: entry.to,
            form: Form::Plain,
        })
    };
    let single = || {
        dotted
            .and_then(|e| accept(e, first.end + 1))
            .or_else(|| one.and_then(|e| accept(e, first.end)))
    };
    if max == 1 {
        return single();
    }
    // The words of the longest candidate, folded once: the key of the
    // first n words is a prefix of the key of all of them.
    let mut words = [first; MAX_WORDS];
    let mut ends = [0usize; MAX_WORDS];
    let mut n_words = 1;
    ends[0] = key.len();
    let lower_next = one.is_some_and(|e| e.lower_next);
    while n_words < (max as usize).min(MAX_WORDS) {
        let last = words[n_words - 1];
        if !last.joined {
            break;
        }
        let rest = &text[last.end..];
        let next = last.end + rest.len() - rest.trim_start_matches(' ').len();
        match char_at(text, next) {
            Some(c) if c.is_uppercase() || c.is_numeric() => {}
            Some(c) if c.is_lowercase() && lower_next => {}
            _ => break,
        }
        let w = word_at(text, next);
        key.push(b' ');
        fold_word(&text[w.start..w.end], key);
        words[n_words] = w;
        ends[n_words] = key.len();
        n_words += 1;
    }
    for n in (2..=n_words).rev() {
        key.truncate(ends[n - 1]);
        let last = words[n - 1];
        if last.dot {
            key.push(b'.');
            let found = g
                .names
                .get(key.as_slice())
                .and_then(|e| accept(e, last.end + 1));
            key.pop();
            if found.is_some() {
                return found;
            }
        }
        if let Some(raw) = g
            .names
            .get(key.as_slice())
            .and_then(|e| accept(e, last.end))
        {
            return Some(raw);
        }
    }
    single()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// No letter or digit (nor a letter and an apostrophe) just before `i`.
fn starts_word(text: &str, i: usize) -> bool {
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
fn word_after(text: &str, i: usize) -> Option<(usize, usize)> {
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
fn word_before(text: &str, i: usize) -> Option<(usize, usize)> {
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

/// The words before `i`, nearest first, up to the buffer's size and
/// stopping at punctuation.
struct Before<'t> {
    words: [&'t str; 6],
    len: usize,
}

impl<'t> Before<'t> {
    fn new(text: &'t str, mut i: usize) -> Before<'t> {
        let mut b = Before {
            words: [""; 6],
            len: 0,
        };
        while b.len < b.words.len() {
            let Some((s, e)) = word_before(text, i) else {
                break;
            };
            let w = &text[s..e];
            if w.ends_with('.') || w.ends_with(',') {
                break; // the end of an earlier sentence or clause
            }
            b.words[b.len] = w;
            b.len += 1;
            i = s;
        }
        b
    }

    /// Whether, skipping the `skip` nearest words, the words before end
    /// with `phrase` (lower-case words, in reading order).
    fn ends_with(&self, skip: usize, phrase: &[String]) -> bool {
        skip + phrase.len() <= self.len
            && phrase
                .iter()
                .rev()
                .zip(&self.words[skip..self.len])
                .all(|(p, w)| w.eq_ignore_ascii_case(p))
    }

    fn get(&self, k: usize) -> Option<&'t str> {
        (k < self.len).then(|| self.words[k])
    }
}

fn is_upper_initial(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the word at `start` begins a sentence (or a quote, a heading).
fn sentence_initial(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    match head.chars().next_back() {
        None => true,
        Some(c) => ".!?:;\"“”‘'(—–•*\n\t[".contains(c),
    }
}

/// Reads the suffix word after each raw hit ("region", "city").
fn read_suffixes(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    for raw in raws.iter_mut() {
        let Some((ws, we)) = word_after(text, raw.end) else {
            continue;
        };
        let word = &text[ws..we];
        let regional = has_kind(g, raw, RegionKind::Region);
        if regional && g.cues.region_suffixes.contains(word) {
            raw.form = Form::Region {
                plural: word.ends_with('s'),
            };
            raw.end = we;
            if let Some((bs, be)) = word_before(text, raw.start)
                && matches!(&text[bs..be], "the" | "The")
            {
                raw.start = bs;
            }
        } else if regional && g.cues.region_adjectives.contains(word) {
            raw.form = Form::Region { plural: false };
        } else if g.cues.town_suffixes.contains(word) && has_kind(g, raw, RegionKind::Town) {
            raw.form = Form::Town;
            raw.end = we;
        }
    }
}

fn cands_of<'g>(g: &'g Gazetteer, raw: &Raw) -> &'g [Cand] {
    &g.cands[raw.from as usize..raw.to as usize]
}

fn has_kind(g: &Gazetteer, raw: &Raw, kind: RegionKind) -> bool {
    cands_of(g, raw)
        .iter()
        .any(|c| g.region(c.place).kind == kind)
}

/// "Donetsk and Luhansk regions", "the Kharkiv, Sumy and Chernihiv oblasts":
/// the plural suffix makes every stem of the list a region.
fn coordinate(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    for i in (1..raws.len()).rev() {
        if raws[i].form != (Form::Region { plural: true }) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let gap = &text[raws[j - 1].end..raws[j].start];
            let joined = matches!(
                gap,
                ", " | " and " | ", and " | " or " | " & " | " and the "
            );
            if !joined
                || raws[j - 1].form != Form::Plain
                || !has_kind(g, &raws[j - 1], RegionKind::Region)
            {
                break;
            }
            raws[j - 1].form = Form::Region { plural: true };
            j -= 1;
        }
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
    // Branch-free, so that the compiler can vectorise it.
    b[from..to]
        .windows(2)
        .map(|w| usize::from(breaks(w[0], w[1])))
        .sum()
}

/// The byte span of the sentence around `i`.
fn sentence_bounds(text: &str, i: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let from = (1..=i).rev().find(|&k| breaks_at(b, k)).unwrap_or(0);
    let to = (i + 1..b.len())
        .find(|&k| breaks_at(b, k))
        .unwrap_or(b.len());
    (from, to)
}

/// Whether the sentence around `i` is written in title case (a headline),
/// where capitalised neighbours say nothing: every word capitalised but the
/// small words title case leaves in lower case.
fn title_case(text: &str, i: usize) -> bool {
    const SMALL: [&str; 21] = [
        "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "of", "in",
        "up", "as", "via", "with", "from", "into", "over",
    ];
    let (from, to) = sentence_bounds(text, i);
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

/// Reads one raw hit; `None` when its surroundings say it is no place.
fn read_hit<'g>(g: &'g Gazetteer, text: &str, raw: &Raw, prev_end: usize) -> Option<Hit<'g>> {
    let cues = &g.cues;
    let all = cands_of(g, raw);
    let name_end = raw_name_end(raw, text);
    // Hyphenated compounds: "Kyiv-based", "Russia-Ukraine", "U.S.-Russia".
    if char_at(text, name_end) == Some('-')
        && char_at(text, name_end + 1).is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    if raw.start > 0
        && char_before(text, raw.start) == Some('-')
        && char_before(text, raw.start - 1).is_some_and(|c| c.is_alphanumeric() || c == '.')
    {
        return None;
    }
    let before_words = Before::new(text, raw.start);
    if in_title(g, text, raw, &before_words) {
        return None;
    }
    let metonym = all.iter().any(|c| c.metonym);
    let next = word_after(text, raw.end);
    if raw.form == Form::Plain && !metonym {
        let after = part_of_longer_name_after(g, text, next);
        let before = word_before(text, raw.start).is_some_and(|(ws, we)| {
            let w = &text[ws..we];
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            is_upper_initial(w)
                && we > prev_end
                && !possessive
                && !cues.place_adjectives.contains(w)
                && w.chars().any(char::is_lowercase)
                && (!sentence_initial(text, ws) || !cues.sentence_openers.contains(w))
        });
        // In a headline every word is capitalised: the neighbours say nothing.
        if (after || before) && !title_case(text, raw.start) {
            return None; // "Kyiv School of Economics", "Taras Shevchenko"
        }
    }
    if let (Some(prep), Some(org)) = (before_words.get(0), before_words.get(1))
        && matches!(prep, "in" | "at")
        && cues.org_heads.contains(org)
    {
        return None; // "the Carnegie Russia Eurasia Center in Berlin"
    }
    // Narrow the candidates by form.
    let cands = narrow(g, all, raw.form);
    let stem_only = cands.iter().all(|c| c.stem);
    if cands.is_empty() {
        return None;
    }
    if !stem_only
        && raw.form == Form::Plain
        && !metonym
        && cands
            .iter()
            .filter(|c| !c.stem)
            .all(|c| g.region(c.place).kind == RegionKind::Town)
        && the_river(g, text, raw, next)
    {
        return None;
    }
    let part = next.is_some_and(|(s, e)| cues.part_suffixes.contains(&text[s..e]));
    let precision = if part || is_near(g, &before_words) {
        2
    } else {
        1
    };
    Some(Hit {
        start: raw.start,
        end: raw.end,
        cands,
        precision,
    })
}

/// Where the name itself ends (before a joined suffix word).
fn raw_name_end(raw: &Raw, text: &str) -> usize {
    match raw.form {
        Form::Region { .. } | Form::Town => {
            // The suffix was joined after one space: the name ends before it.
            let head = text[..raw.end].trim_end_matches(|c: char| c.is_alphanumeric());
            head.trim_end_matches(' ').len()
        }
        Form::Plain => raw.end,
    }
}

/// A person's title or an institution: "Kharkiv Governor", "U.S.
/// officials", "Ukraine's foreign minister", "ambassador to Russia".
fn in_title(g: &Gazetteer, text: &str, raw: &Raw, before: &Before) -> bool {
    let cues = &g.cues;
    let mut i = raw.end;
    if let Some(c) = char_at(text, i)
        && is_apostrophe(c)
    {
        i += c.len_utf8();
        if char_at(text, i) == Some('s') {
            i += 1;
        }
    }
    if let Some((s, e)) = word_after(text, i) {
        let w = &text[s..e];
        if cues.titles.contains(w) {
            return true;
        }
        if let Some((s2, e2)) = word_after(text, e)
            && cues
                .titles2
                .iter()
                .any(|(a, b)| a == w && b == &text[s2..e2])
        {
            return true;
        }
        // "the Kharkiv regional governor": the adjective, then a title.
        if cues.region_adjectives.contains(w)
            && let Some((s2, e2)) = word_after(text, e)
            && cues.titles.contains(&text[s2..e2])
        {
            return true;
        }
    }
    // "ambassador to Russia", "the president of the United States".
    let skip = usize::from(before.get(0).is_some_and(|w| w.eq_ignore_ascii_case("the")));
    before
        .get(skip)
        .is_some_and(|w| cues.title_of_ends.iter().any(|e| w.eq_ignore_ascii_case(e)))
        && cues
            .title_of
            .iter()
            .any(|phrase| before.ends_with(0, phrase) || skip == 1 && before.ends_with(1, phrase))
}

/// The place is followed by a capitalised word that continues a proper
/// name which is not an event held there.
fn part_of_longer_name_after(g: &Gazetteer, text: &str, next: Option<(usize, usize)>) -> bool {
    let Some((s, e)) = next else {
        return false;
    };
    if !text[s..e]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    // Walk the run of capitalised words (with connectors) to its last word.
    let mut last = &text[s..e];
    let mut at = e;
    while let Some((s2, e2)) = word_after(text, at) {
        let w = &text[s2..e2];
        if is_upper_initial(w) {
            last = w;
            at = e2;
        } else if matches!(w, "of" | "for" | "and" | "the" | "de") {
            at = e2;
        } else {
            break;
        }
    }
    !g.cues.event_heads.contains(last)
}

/// Keeps the candidates the form allows: the regions after "region", the
/// towns after "city", else the place names and the regions' stems.
fn narrow<'g>(g: &Gazetteer, all: &'g [Cand], form: Form) -> Cow<'g, [Cand]> {
    let kind = |c: &Cand| g.region(c.place).kind;
    let wanted = match form {
        Form::Region { .. } => RegionKind::Region,
        Form::Town => RegionKind::Town,
        Form::Plain => return Cow::Borrowed(all),
    };
    let of_kind: Vec<Cand> = all
        .iter()
        .filter(|c| kind(c) == wanted)
        .map(|&c| Cand { stem: false, ..c })
        .collect();
    if of_kind.is_empty() {
        Cow::Borrowed(all)
    } else {
        Cow::Owned(of_kind)
    }
}

/// "the Dnipro", "the Oskil river": a town's name after "the", followed by
/// nothing noun-like.
fn the_river(g: &Gazetteer, text: &str, raw: &Raw, next: Option<(usize, usize)>) -> bool {
    let Some((bs, be)) = word_before(text, raw.start) else {
        return false;
    };
    if !matches!(&text[bs..be], "the" | "The") {
        return false;
    }
    match next {
        None => true,
        Some((s, e)) => g.cues.after_the_not_town.contains(&text[s..e]),
    }
}

/// "near Pokrovsk", "north of Kharkiv", "on the outskirts of the village of X".
fn is_near(g: &Gazetteer, before: &Before) -> bool {
    let mut skip = 0;
    loop {
        let Some(w) = before.get(skip) else {
            return false;
        };
        let may_end_a_cue = g
            .cues
            .near_cue_ends
            .iter()
            .any(|e| w.eq_ignore_ascii_case(e));
        if may_end_a_cue
            && g.cues
                .near_cues
                .iter()
                .any(|cue| before.ends_with(skip, cue))
        {
            return true;
        }
        match before.get(skip) {
            Some(w)
                if g.cues
                    .settlement_words
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s)) =>
            {
                skip += 1
            }
            _ => return false,
        }
    }
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
        let b = Before::new(t, i);
        assert_eq!(&b.words[..4], ["of", "village", "the", "near"]);
        assert!(b.ends_with(2, &["near".to_string(), "the".to_string()]));
        let (s, e) = word_after(t, i + "Novopavlivka".len()).unwrap();
        assert_eq!(&t[s..e], "region");
    }

    #[test]
    fn sentences_and_capitals() {
        let t = "ok. next sentence!\nand more? yes, über Kyiv. Київ done.";
        assert_eq!(sentence_breaks(t, 0, t.len()), 4);
        assert_eq!(sentence_bounds(t, t.find("Kyiv").unwrap()), (28, 45));
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
