//! The tokenizer: one pass over the bytes of the text that cuts it into
//! words, numbers and punctuation marks, looks every word up in the
//! [lexicon](super::lexicon) and marks sentence starts.
//!
//! It is the only code that touches every byte, so it is a plain byte loop.
//! Token offsets always lie on char boundaries: a multi-byte character is
//! never split.

use super::lexicon::{HASH_START, LexId, Lexicon, hash_step};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (ASCII or not).
    Word,
    /// A run of digits, maybe with thousands separators or a decimal part.
    Num,
    /// Letters and digits mixed, as in `MH17` or `14km`: never temporal.
    Mixed,
    /// One punctuation mark or symbol; `ch` tells which.
    Punct,
}

/// Flag: whitespace precedes the token.
pub(crate) const SPACE: u16 = 1;
/// Flag: a line break precedes the token.
pub(crate) const NEWLINE: u16 = 2;
/// Flag: the token starts a sentence.
pub(crate) const SENT: u16 = 4;
/// Flag: the word starts with an uppercase letter.
pub(crate) const CAP: u16 = 8;
/// Flag: the word is all uppercase (and longer than one letter).
pub(crate) const ALLCAP: u16 = 16;
/// Flag: the number has thousands separators (`2,275`).
pub(crate) const COMMA: u16 = 32;
/// Flag: the number has a decimal part (`1.5`).
pub(crate) const DECIMAL: u16 = 64;
/// Flag: the number ends in `s` (`1990s`, `80s`).
pub(crate) const PLURAL: u16 = 128;
/// Flag: the number ends in an ordinal suffix (`3rd`, `12th`).
pub(crate) const ORDINAL: u16 = 256;
/// Flag: the number ends in `am` or `pm` (`10pm`); `val2` is 1 for pm.
pub(crate) const AMPM: u16 = 512;
/// Flag: the token carries a time by itself (set by the grammar's pre-pass).
pub(crate) const CORE: u16 = 1024;
/// Flag: an expression may start here (set by the grammar's pre-pass).
pub(crate) const OPEN: u16 = 2048;
/// Flag: the word may open an expression before its core word ("the",
/// "last", "early").
pub(crate) const OPENER: u16 = 4096;
/// Flag: the word starts a fixed phrase ("in the past", "at present").
pub(crate) const PHRASE: u16 = 8192;
/// Flag: only a fixed phrase may start here (set by the grammar's pre-pass).
pub(crate) const PHRASE_OPEN: u16 = 16384;

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset past the last byte.
    pub end: u32,
    /// What the token is.
    pub kind: Kind,
    /// Flags (`SPACE`, `CAP`...).
    pub flags: u16,
    /// The word's lexicon id (0 if unknown or not a word).
    pub lex: LexId,
    /// Number of digits of the integer part of a number.
    pub ndig: u8,
    /// The punctuation mark (`-` for every dash but the em dash).
    pub ch: char,
    /// The integer value of a number (saturating).
    pub val: u32,
    /// Extra value: 1 for a `pm` suffix.
    pub val2: u8,
}

impl Tok {
    fn new(start: usize, end: usize, kind: Kind, flags: u16) -> Tok {
        Tok {
            start: start as u32,
            end: end as u32,
            kind,
            flags,
            lex: 0,
            ndig: 0,
            ch: '\0',
            val: 0,
            val2: 0,
        }
    }

    /// Whether the flag is set.
    #[inline]
    pub(crate) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// Words after which a full stop does not end a sentence.
const ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "sen", "rep",
    "gov", "prof", "rev", "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "pres", "u", "s", "a",
    "p", "m", "e", "i", "mt", "ft", "ave", "blvd", "fig", "dept", "est", "approx",
];

fn is_abbrev(word: &[u8]) -> bool {
    word.len() <= 6
        && ABBREVS
            .iter()
            .any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

/// Cuts `text` into tokens, appending them to `out`.
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut pending: u16 = NEWLINE | SENT;
    // Whether the last token ended a sentence ('.', '?', '!', maybe with a
    // closing quote or bracket after it).
    let mut ender = false;
    while i < n {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\r' {
            pending |= SPACE;
            i += 1;
            continue;
        }
        if c == b'\n' {
            pending |= SPACE | NEWLINE;
            i += 1;
            continue;
        }
        let start = i;
        let mut tok;
        if c.is_ascii_alphabetic() {
            let mut digits = false;
            let mut h = HASH_START;
            while i < n && b[i].is_ascii_alphanumeric() {
                digits |= b[i].is_ascii_digit();
                h = hash_step(h, b[i]);
                i += 1;
            }
            // Non-ASCII letters glued to the word ("Zelenskyy" is ASCII,
            // "Café" is not) make it one word.
            let mut foreign = false;
            while i < n && b[i] >= 0x80 {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if !ch.is_alphabetic() {
                    break;
                }
                foreign = true;
                i += ch.len_utf8();
                while i < n && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            }
            if digits {
                tok = Tok::new(start, i, Kind::Mixed, pending);
            } else {
                tok = Tok::new(start, i, Kind::Word, pending);
                let w = &b[start..i];
                if w[0].is_ascii_uppercase() {
                    tok.flags |= CAP;
                    if w.len() > 1 && w.iter().all(|x| x.is_ascii_uppercase()) {
                        tok.flags |= ALLCAP;
                    }
                }
                if !foreign {
                    tok.lex = lex.lookup_hashed(w, h);
                    tok.flags |= lex.token_flags(tok.lex);
                }
            }
        } else if c.is_ascii_digit() {
            tok = number(text, &mut i, pending);
        } else if c < 0x80 {
            i += 1;
            tok = Tok::new(start, i, Kind::Punct, pending);
            tok.ch = c as char;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_whitespace() {
                pending |= SPACE;
                continue;
            }
            if ch.is_alphabetic() {
                while i < n {
                    let next = text[i..].chars().next().unwrap_or(' ');
                    if !(next.is_alphanumeric()) {
                        break;
                    }
                    i += next.len_utf8();
                }
                tok = Tok::new(start, i, Kind::Word, pending);
                if ch.is_uppercase() {
                    tok.flags |= CAP;
                }
            } else {
                tok = Tok::new(start, i, Kind::Punct, pending);
                tok.ch = match ch {
                    '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
                    '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
                    '\u{201c}' | '\u{201d}' => '"',
                    other => other,
                };
            }
        }
        // Sentence starts: after a line break, or after an ender followed by
        // a space and a capital, digit or quote.
        if tok.has(NEWLINE) {
            tok.flags |= SENT;
        } else if ender && tok.has(SPACE) {
            let starts_upper = match tok.kind {
                Kind::Word => tok.has(CAP),
                Kind::Num | Kind::Mixed => true,
                Kind::Punct => matches!(tok.ch, '"' | '\'' | '(' | '`'),
            };
            if starts_upper {
                tok.flags |= SENT;
            }
        }
        ender = match tok.kind {
            Kind::Punct => match tok.ch {
                '!' | '?' => true,
                '.' => !after_abbrev(out, b),
                '"' | '\'' | ')' => ender,
                _ => false,
            },
            _ => false,
        };
        out.push(tok);
        pending = 0;
    }
}

/// Whether the full stop about to be pushed follows an abbreviation
/// (glued to it: "Feb." or "U.S.").
fn after_abbrev(out: &[Tok], b: &[u8]) -> bool {
    match out.last() {
        Some(prev) if prev.kind == Kind::Word => {
            is_abbrev(&b[prev.start as usize..prev.end as usize])
        }
        _ => false,
    }
}

/// Reads a number starting at `*i` (an ASCII digit).
fn number(text: &str, i: &mut usize, flags: u16) -> Tok {
    let b = text.as_bytes();
    let n = b.len();
    let start = *i;
    let mut val: u64 = 0;
    let mut ndig = 0u32;
    while *i < n && b[*i].is_ascii_digit() {
        val = val
            .saturating_mul(10)
            .saturating_add(u64::from(b[*i] - b'0'));
        ndig += 1;
        *i += 1;
    }
    let mut flags = flags;
    // Thousands groups: ",ddd" not followed by another digit.
    if ndig <= 3 {
        while b.get(*i) == Some(&b',')
            && b.get(*i + 1..*i + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(*i + 4).is_some_and(u8::is_ascii_digit)
        {
            for &d in &b[*i + 1..*i + 4] {
                val = val.saturating_mul(10).saturating_add(u64::from(d - b'0'));
            }
            flags |= COMMA;
            *i += 4;
        }
    }
    // Decimal part.
    if *i + 1 < n && b[*i] == b'.' && b[*i + 1].is_ascii_digit() {
        flags |= DECIMAL;
        *i += 1;
        while *i < n && b[*i].is_ascii_digit() {
            *i += 1;
        }
    }
    let mut kind = Kind::Num;
    let mut val2 = 0;
    if *i < n && b[*i].is_ascii_alphabetic() {
        let s = *i;
        let mut e = s;
        while e < n && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        let suffix = &b[s..e];
        let lower = |x: &[u8], y: &[u8]| x.eq_ignore_ascii_case(y);
        if lower(suffix, b"s") {
            flags |= PLURAL;
        } else if lower(suffix, b"st")
            || lower(suffix, b"nd")
            || lower(suffix, b"rd")
            || lower(suffix, b"th")
        {
            flags |= ORDINAL;
        } else if lower(suffix, b"am") || lower(suffix, b"pm") {
            flags |= AMPM;
            val2 = u8::from(lower(suffix, b"pm"));
        } else {
            kind = Kind::Mixed;
        }
        *i = e;
    }
    let mut tok = Tok::new(start, *i, kind, flags);
    tok.val = u32::try_from(val).unwrap_or(u32::MAX);
    tok.ndig = ndig.min(255) as u8;
    tok.val2 = val2;
    tok
}

/// Whether the token is a word of the class (convenience for tests).
#[cfg(test)]
pub(crate) fn is_class(lex: &Lexicon, t: &Tok, c: super::lexicon::Class) -> bool {
    lex.mask(t.lex) & c.bit() != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::en::lexicon::lexicon;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, lexicon(), &mut v);
        v
    }

    #[test]
    fn numbers_with_separators_and_suffixes() {
        let t = toks("2,275 drones, $1.5-million, 1990s, 3rd, 10pm, 14km");
        assert_eq!(t[0].val, 2275);
        assert!(t[0].has(COMMA));
        let dec = t.iter().find(|t| t.has(DECIMAL)).unwrap();
        assert_eq!(dec.val, 1);
        assert!(t.iter().any(|t| t.has(PLURAL) && t.val == 1990));
        assert!(t.iter().any(|t| t.has(ORDINAL) && t.val == 3));
        assert!(t.iter().any(|t| t.has(AMPM) && t.val == 10 && t.val2 == 1));
        assert!(t.iter().any(|t| t.kind == Kind::Mixed));
    }

    #[test]
    fn words_are_looked_up_and_dashes_unified() {
        let t = toks("2012\u{2013}2014 in February");
        assert_eq!(t[1].ch, '-');
        assert!(is_class(
            lexicon(),
            &t[4],
            crate::timex::en::lexicon::Class::Month
        ));
        assert!(t[4].has(CAP));
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let t = toks("He came on Feb. 10. Then he left.");
        let starts: Vec<usize> = (0..t.len()).filter(|&i| t[i].has(SENT)).collect();
        assert_eq!(starts.len(), 2);
        assert_eq!(t[starts[1]].start, 20);
    }

    #[test]
    fn non_ascii_never_splits_a_char() {
        let s = "Зеленський said “now” – café’s 12\u{a0}février";
        for t in toks(s) {
            assert!(s.is_char_boundary(t.start as usize));
            assert!(s.is_char_boundary(t.end as usize));
            assert!(t.start < t.end);
        }
    }
}
