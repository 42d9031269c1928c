//! Folding a name to the key the tagger and `lookup` compare, so that one
//! key covers every way the news spells it instead of one entry per
//! spelling:
//! - case: the key is lower-case (the tagger separately requires the text
//!   to start the name with a capital);
//! - apostrophes and hyphens: `'`, `’`, `ʼ`, or none ("Kam'ianske",
//!   "Kam’ianske", "Kamianske"; "Huliai-Pole", "Huliaipole");
//! - the transliterations of Ukrainian and Russian that outlets mix:
//!   "ya"/"ia", "yu"/"iu", "ye"/"ie" after a letter ("Kupyansk",
//!   "Kupiansk"); "yi" after a vowel is "i" ("Mykolayiv", "Mykolaiv";
//!   "Avdiyivka", "Avdiivka"); a final "yi", "yy", "iy" is "y" ("Kryvyi",
//!   "Kryvyy"; "Khmelnytskyi", "Khmelnytsky").

/// Whether `c` is one of the apostrophes the news writes in names.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘')
}

/// Appends the folded form of one word to `out` (UTF-8 bytes).
pub fn fold_word(word: &str, out: &mut Vec<u8>) {
    let start = out.len();
    let bytes = word.as_bytes();
    // The common case: an ASCII word with nothing to fold but its case, in
    // one pass; anything else starts over on the general path.
    out.reserve(bytes.len());
    for &b in bytes {
        match b {
            b'A'..=b'X' | b'Z' => out.push(b + 32),
            b'a'..=b'x' | b'z' | b'0'..=b'9' => out.push(b),
            _ => {
                out.truncate(start);
                return fold_word_general(word, out);
            }
        }
    }
}

/// `fold_word` for words with a "y", marks or other scripts.
fn fold_word_general(word: &str, out: &mut Vec<u8>) {
    if fold_cyrillic(word.as_bytes(), out) {
        return;
    }
    let start = out.len();
    let bytes = word.as_bytes();
    let mut buf = [0u8; 64];
    if word.is_ascii() && word.len() <= buf.len() {
        let mut n = 0;
        for &b in bytes {
            if b != b'\'' && b != b'`' && b != b'-' {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        translit(&buf[..n], out);
        return;
    }
    let mut utf8 = [0u8; 4];
    for c in word.chars() {
        if is_apostrophe(c) || c == '-' {
            continue;
        }
        out.extend_from_slice(lower(c).encode_utf8(&mut utf8).as_bytes());
    }
    if out[start..].is_ascii() && out.len() - start <= buf.len() {
        // Typographic apostrophes removed, the rest is romanised.
        let len = out.len() - start;
        buf[..len].copy_from_slice(&out[start..]);
        out.truncate(start);
        translit(&buf[..len], out);
    }
}

/// Lower-cases a word of Cyrillic letters (and ASCII apostrophes or
/// hyphens, dropped) byte by byte; `false`, with `out` untouched, for
/// anything else.
fn fold_cyrillic(bytes: &[u8], out: &mut Vec<u8>) -> bool {
    let start = out.len();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let n = bytes.get(i + 1).copied().unwrap_or(0);
        match (b, n) {
            (b'\'' | b'-', _) => {
                i += 1;
                continue;
            }
            (0xD0, 0x90..=0x9F) => out.extend_from_slice(&[0xD0, n + 0x20]), // А-П
            (0xD0, 0xA0..=0xAF) => out.extend_from_slice(&[0xD1, n - 0x20]), // Р-Я
            (0xD0, 0x80..=0x8F) => out.extend_from_slice(&[0xD1, n + 0x10]), // Ѐ-Џ (Є, І, Ї)
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x9F) => out.extend_from_slice(&[b, n]),
            (0xD2, 0x90 | 0x91) => out.extend_from_slice(&[0xD2, 0x91]), // Ґ
            _ => {
                out.truncate(start);
                return false;
            }
        }
        i += 2;
    }
    true
}

/// The lower-case form of one letter: Latin and Cyrillic capitals directly,
/// other scripts by Unicode's table (its first letter when it lowers to
/// several).
fn lower(c: char) -> char {
    let u = c as u32;
    let d = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => 0x20,
        0x400..=0x40F => 0x50,
        0x490 => 1,
        0x61..=0x7A | 0x430..=0x45F | 0x491 => 0,
        _ if c.is_ascii() || !c.is_uppercase() => 0,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(u + d).unwrap_or(c)
}

/// Appends the lower-case ASCII word `w` with the transliteration rules
/// applied.
fn translit(w: &[u8], out: &mut Vec<u8>) {
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut prev: Option<u8> = None;
    let mut i = 0;
    while i < w.len() {
        let b = w[i];
        let next = w.get(i + 1).copied();
        let c = if b == b'y'
            && prev.is_some_and(|p| p.is_ascii_alphabetic())
            && matches!(next, Some(b'a' | b'u' | b'e'))
        {
            b'i'
        } else if b == b'y' && next == Some(b'i') && prev.is_some_and(vowel) {
            i += 1; // "ayi" -> "ai", "iyi" -> "ii"
            continue;
        } else if i + 2 == w.len()
            && matches!((b, next), (b'y', Some(b'i' | b'y')) | (b'i', Some(b'y')))
        {
            out.push(b'y'); // a final "yi", "yy" or "iy" is "y"
            return;
        } else {
            b
        };
        out.push(c);
        prev = Some(c);
        i += 1;
    }
}

/// Appends the folded key of a name: its words folded and joined by one
/// space.
pub fn fold_name_into(name: &str, out: &mut Vec<u8>) {
    for (i, w) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        fold_word(w, out);
    }
}

/// The folded key of a name, as text.
pub fn fold_name(name: &str) -> String {
    let mut out = Vec::with_capacity(name.len());
    fold_name_into(name, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The key `lookup` compares: the folded name without dots and without a
/// leading "the".
pub fn fold_key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .or_else(|| s.strip_prefix("THE "))
        .unwrap_or(s);
    fold_name(&s.replace('.', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(fold_name(a), fold_name(b), "{a} vs {b}");
    }

    #[test]
    fn transliterations_meet() {
        same("Kostiantynopil", "Kostyantynopil");
        same("Kupyansk", "Kupiansk");
        same("Mykolayiv", "Mykolaiv");
        same("Avdiivka", "Avdiyivka");
        same("Kryvyi Rih", "Kryvyy Rih");
        same("Khmelnytskyi", "Khmelnytsky");
        same("Zaporizhzhya", "Zaporizhzhia");
    }

    #[test]
    fn apostrophes_and_hyphens_vanish() {
        same("Kam'ianske", "Kam’ianske");
        same("Kam'ianske", "Kamianske");
        same("Huliai-Pole", "Huliaipole");
    }

    #[test]
    fn word_initial_y_is_kept() {
        assert!(fold_name("Yasynuvata").starts_with("ya"));
        assert!(fold_name("Yalta").starts_with("ya"));
    }

    #[test]
    fn cyrillic_is_lowered_only() {
        assert_eq!(fold_name("Київ"), "київ");
        assert_eq!(
            fold_name("ЄНАКІЄВЕ Ґалич Їжаківка"),
            "єнакієве ґалич їжаківка"
        );
        assert_eq!(fold_name("ÉLYSÉE"), "élysée");
        // The byte-level path agrees with Unicode's lower case.
        for w in [
            "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЪЫЭ",
            "Слов'янськ",
            "Кам’янське",
        ] {
            let want: String = w
                .chars()
                .filter(|&c| !is_apostrophe(c))
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold_name(w), want, "{w}");
        }
    }

    #[test]
    fn lookup_key_ignores_case_dots_and_article() {
        assert_eq!(fold_key("the Donetsk  Region"), fold_key("donetsk region"));
        assert_eq!(fold_key("U.S."), fold_key("US"));
    }
}
