//! Finding place names in a paragraph: at each word with a capital
//! initial, the longest known name starting there (whole words only; its
//! words folded by `fold` and looked up in one hash of every name), and the
//! suffix words that shape it ("Donetsk region", "Kherson city",
//! "the Donetsk and Luhansk regions"). What the words around a name say of
//! it is `context`'s job; which place it stands for is `resolve`'s.

use std::borrow::Cow;

use super::context::read_hit;
use super::fold::{fold_word, is_apostrophe};
use super::words::{
    WORD_BYTE, Word, char_at, next_capital_or_non_ascii, opens_names, skip_word, starts_word,
    word_after, word_at, word_before,
};
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
    /// In a regional or city official's title ("Kharkiv Governor").
    pub official: bool,
}

/// How the words after a name shape it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Plain,
    /// "X region" (`plural`: "X and Y regions").
    Region {
        plural: bool,
    },
    /// "X city": the town.
    Town,
}

/// A name found in the text, before its surroundings are read.
pub(super) struct Raw {
    pub start: usize,
    pub end: usize,
    /// Range of its candidates in `Gazetteer::cands`.
    pub from: u32,
    pub to: u32,
    pub form: Form,
}

/// Finds and reads every place name of `text`.
pub(crate) fn scan<'g>(g: &'g Gazetteer, text: &str) -> Vec<Hit<'g>> {
    let mut raws = find_names(g, text);
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

/// Leftmost-longest hits at word starts: at each word with a capital
/// initial, the longest name of up to as many words as the longest name
/// starting with its first word.
fn find_names(g: &Gazetteer, text: &str) -> Vec<Raw> {
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
        let first = match plain_word(bytes, i, &mut key) {
            Some(w) => w,
            None => {
                let w = word_at(text, i);
                if is_contraction(&text[w.start..w.end]) {
                    i = skip_word(text, i); // "I've" is no "Ive"
                    continue;
                }
                key.clear();
                fold_word(&text[w.start..w.end], &mut key);
                w
            }
        };
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

/// "I've", "We'll", "Don't": English contractions, never names (the
/// folding that drops apostrophes would read them as words).
fn is_contraction(word: &str) -> bool {
    ["ve", "ll", "re", "d", "m", "t"].iter().any(|tail| {
        word.strip_suffix(tail)
            .is_some_and(|head| head.len() > 1 && head.ends_with(is_apostrophe))
    })
}

/// The common case of a word, read and folded in one pass: ASCII letters
/// and digits (no "y", which folding may change) ending at a space,
/// punctuation or a final dot. Leaves its folded form in `key`; `None` for
/// anything else (marks, other scripts), left to `word_at` and `fold_word`.
fn plain_word(bytes: &[u8], i: usize, key: &mut Vec<u8>) -> Option<Word> {
    key.clear();
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        match b {
            b'A'..=b'X' | b'Z' => key.push(b + 32),
            b'a'..=b'x' | b'z' | b'0'..=b'9' => key.push(b),
            _ => break,
        }
        j += 1;
    }
    let next = bytes.get(j).copied();
    let after = bytes.get(j + 1).copied();
    let (dot, joined) = match next {
        None => (false, false),
        Some(b' ') => (false, true),
        // A dot that ends the word ("Kyiv."), not one inside it ("U.S");
        // after "St" it does not end the name ("St. Petersburg").
        Some(b'.') if !after.is_some_and(|a| a.is_ascii_alphanumeric()) => {
            let abbreviation = std::str::from_utf8(&bytes[i..j]).is_ok_and(opens_names);
            (true, abbreviation && after == Some(b' '))
        }
        Some(b) if b >= 0x80 || WORD_BYTE[b as usize] => return None,
        Some(_) => (false, false),
    };
    Some(Word {
        start: i,
        end: j,
        dot,
        joined,
    })
}

/// The longest name that starts with word `first`, whose folded form is in
/// `key`.
fn longest_name(g: &Gazetteer, text: &str, first: Word, key: &mut Vec<u8>) -> Option<Raw> {
    const MAX_WORDS: usize = 8;
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
        let has_lower = span.chars().any(char::is_lowercase);
        // "Us" is no "US"; and a word in capitals ("BON", "SOCI": codes,
        // bylines) is a place only by a name of its own, not an alternate.
        let wrong_case = if entry.exact {
            has_lower
        } else {
            !has_lower
                && !g.cands[entry.from as usize..entry.to as usize]
                    .iter()
                    .any(|c| c.primary)
        };
        (!(entry.head_only || wrong_case)).then_some(Raw {
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
        // (A joined word with a dot is an abbreviation: "St. Petersburg".)
        let rest = &text[last.end..];
        let rest = if last.dot { &rest[1..] } else { rest };
        let next = text.len() - rest.trim_start_matches(' ').len();
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
                plural: word.ends_with('s') || g.cues.plural_region_suffixes.contains(word),
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

pub(super) fn cands_of<'g>(g: &'g Gazetteer, raw: &Raw) -> &'g [Cand] {
    &g.cands[raw.from as usize..raw.to as usize]
}

fn has_kind(g: &Gazetteer, raw: &Raw, kind: RegionKind) -> bool {
    cands_of(g, raw)
        .iter()
        .any(|c| g.region(c.place).kind == kind)
}

/// What joins the items of a list of places: commas and "and"/"or", in
/// English, Ukrainian ("і", "та", "й") and Russian ("и").
fn joins_list(gap: &str) -> bool {
    matches!(
        gap,
        ", " | " and "
            | ", and "
            | " or "
            | " & "
            | " and the "
            | " і "
            | " та "
            | " й "
            | " и "
            | " або "
            | " или "
            | ", а також "
    )
}

/// "в трьох областях – Донецькій, Луганській" (in three regions: Donetsk,
/// Luhansk): a list of region stems after a plural region suffix and a
/// dash or colon is a list of regions.
fn suffix_before_list(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    let mut i = 0;
    while i < raws.len() {
        let before = &text[..raws[i].start];
        let opened = g
            .cues
            .list_openers
            .iter()
            .find_map(|o| before.strip_suffix(o.as_str()));
        let suffix = opened.and_then(|b| {
            let w = b.rsplit(' ').next()?;
            g.cues.plural_region_suffixes.contains(w).then_some(())
        });
        if suffix.is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < raws.len()
            && raws[j].form == Form::Plain
            && has_kind(g, &raws[j], RegionKind::Region)
            && (j == i || joins_list(&text[raws[j - 1].end..raws[j].start]))
        {
            raws[j].form = Form::Region { plural: true };
            j += 1;
        }
        i = j.max(i + 1);
    }
}

/// "Donetsk and Luhansk regions", "the Kharkiv, Sumy and Chernihiv oblasts":
/// the plural suffix makes every stem of the list a region.
fn coordinate(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    suffix_before_list(g, text, raws);
    for i in (1..raws.len()).rev() {
        if raws[i].form != (Form::Region { plural: true }) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let gap = &text[raws[j - 1].end..raws[j].start];
            let joined = joins_list(gap);
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
