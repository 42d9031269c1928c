//! Spelling variants of a name, so that one automaton pattern per spelling
//! finds the name however the news writes it, and the folded key that
//! `lookup` compares.
//!
//! Two families of variants:
//! - apostrophes: `'`, `’`, `ʼ` or none ("Kam'ianske", "Kam’ianske",
//!   "Kamianske");
//! - the transliterations of Ukrainian and Russian that outlets mix:
//!   "ia"/"ya", "iu"/"yu", "ie"/"ye" after a letter ("Kupiansk",
//!   "Kupyansk"), "ayi"/"ai" and "iyi"/"ii" ("Mykolayiv", "Mykolaiv";
//!   "Avdiyivka", "Avdiivka"), and a final "yi"/"yy"/"y" ("Kryvyi",
//!   "Kryvyy"). These apply only to names of the former Soviet countries.
//!
//! Each rule rewrites every occurrence at once, and at most [`MAX`] variants
//! are made per name, so the pattern count stays bounded.

/// Most spellings made of one name (the name itself included).
pub const MAX: usize = 12;

const APOSTROPHES: [&str; 4] = ["'", "’", "ʼ", ""];

/// Pushes onto `out` the name and its spelling variants (no duplicates
/// within this call). `translit` enables the Ukrainian/Russian rules.
pub fn spellings(name: &str, translit: bool, out: &mut Vec<String>) {
    let first = out.len();
    push_new(out, first, name.to_string());
    if translit && name.is_ascii() || translit && has_apostrophe(name) {
        let mut i = first;
        while i < out.len() && out.len() - first < MAX {
            let cur = out[i].clone();
            for v in translit_variants(&cur) {
                if out.len() - first >= MAX {
                    break;
                }
                push_new(out, first, v);
            }
            i += 1;
        }
    }
    if has_apostrophe(name) {
        let base: Vec<String> = out[first..].to_vec();
        for b in base {
            for a in APOSTROPHES {
                let v: String = b
                    .chars()
                    .map(|c| if is_apostrophe(c) { a.to_string() } else { c.to_string() })
                    .collect();
                push_new(out, first, v);
            }
        }
    }
}

fn push_new(out: &mut Vec<String>, first: usize, v: String) {
    if !v.is_empty() && !out[first..].contains(&v) {
        out.push(v);
    }
}

/// Whether `c` is one of the apostrophes the news writes in names.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘')
}

fn has_apostrophe(s: &str) -> bool {
    s.chars().any(is_apostrophe)
}

/// The one-step transliteration variants of `s`.
fn translit_variants(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (from, to) in [
        ("ia", "ya"),
        ("ya", "ia"),
        ("iu", "yu"),
        ("yu", "iu"),
        ("ie", "ye"),
        ("ye", "ie"),
    ] {
        if let Some(v) = replace_inside(s, from, to) {
            out.push(v);
        }
    }
    // "ayi" -> "ai", "iyi" -> "ii" (vowel + "yi"), and back.
    for v in ['a', 'i', 'o', 'u', 'e'] {
        let from = format!("{v}yi");
        let to = format!("{v}i");
        if s.contains(&from) {
            out.push(s.replace(&from, &to));
        }
    }
    if s.contains("ii") {
        out.push(s.replace("ii", "iyi"));
    }
    // A final "yi" / "yy" / "y" of a word.
    let words: Vec<&str> = s.split(' ').collect();
    for (from, tos) in [("yi", &["yy", "y"][..]), ("yy", &["yi"][..])] {
        if words.iter().any(|w| w.ends_with(from)) {
            for to in tos {
                let v: Vec<String> = words
                    .iter()
                    .map(|w| match w.strip_suffix(from) {
                        Some(stem) if stem.len() >= 3 => format!("{stem}{to}"),
                        _ => w.to_string(),
                    })
                    .collect();
                out.push(v.join(" "));
            }
        }
    }
    out.retain(|v| v != s);
    out
}

/// `s` with every `from` that follows a letter replaced by `to`, or `None`
/// when there is none.
fn replace_inside(s: &str, from: &str, to: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut rest = s;
    let mut prev_letter = false;
    while !rest.is_empty() {
        if prev_letter && rest.starts_with(from) {
            out.push_str(to);
            rest = &rest[from.len()..];
            changed = true;
            prev_letter = true;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        prev_letter = c.is_alphabetic();
        rest = &rest[c.len_utf8()..];
    }
    changed.then_some(out)
}

/// The key `lookup` compares: lower-case, apostrophes and dots removed,
/// spaces collapsed, a leading "the " dropped, and the "ya"/"ia" kind of
/// transliteration differences folded.
pub fn fold_key(s: &str) -> String {
    let lower: String = s
        .trim()
        .chars()
        .filter(|&c| !is_apostrophe(c) && c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest.to_vec(),
        _ => words,
    };
    let joined = words.join(" ");
    joined
        .replace("yi", "i")
        .replace("yy", "i")
        .replace("ya", "ia")
        .replace("yu", "iu")
        .replace("ye", "ie")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(name: &str) -> Vec<String> {
        let mut v = Vec::new();
        spellings(name, true, &mut v);
        v
    }

    #[test]
    fn transliterations_meet() {
        assert!(all("Kostiantynopil").contains(&"Kostyantynopil".to_string()));
        assert!(all("Kupyansk").contains(&"Kupiansk".to_string()));
        assert!(all("Mykolayiv").contains(&"Mykolaiv".to_string()));
        assert!(all("Avdiivka").contains(&"Avdiyivka".to_string()));
        assert!(all("Kryvyi Rih").contains(&"Kryvyy Rih".to_string()));
    }

    #[test]
    fn apostrophes_vary() {
        let v = all("Kam'ianske");
        for s in ["Kam'ianske", "Kam’ianske", "Kamianske", "Kam'yanske"] {
            assert!(v.contains(&s.to_string()), "{s} missing from {v:?}");
        }
    }

    #[test]
    fn variants_are_bounded_and_word_initial_y_kept() {
        let v = all("Yasynuvata");
        assert!(v.len() <= MAX * APOSTROPHES.len());
        assert!(v.iter().all(|s| s.starts_with("Ya")));
    }

    #[test]
    fn fold_key_ignores_case_apostrophes_and_article() {
        assert_eq!(fold_key("the Donetsk  Region"), fold_key("donetsk region"));
        assert_eq!(fold_key("Kam’ianske"), fold_key("kamyanske"));
        assert_eq!(fold_key("U.S."), fold_key("us"));
    }
}
