//! One key for the spellings of a name in Latin letters: outlets write
//! the same person in English, Polish, German or French transliteration
//! ("Lukashenko", "Łukaszenka"; "Zelensky", "Zełenski"; "Aleksandr",
//! "Alaxandr"), and the stems clustering compares ([`super::features`])
//! then differ.
//!
//! The key is the name's consonant skeleton: marks stripped ("ł" read as
//! "l"), the digraphs of `[spelling]` in `assets/cluster/clustering.toml`
//! read as one sound ("sz" as "s", "w" as "v"), "h" and the vowels
//! (with "y" and "j", which the transliterations trade) dropped, doubled
//! consonants written once. A name with fewer than [`MIN_CONSONANTS`]
//! consonants left has no key: "Joe" would meet too many others.

use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The fewest consonants a skeleton keeps to be a key.
pub const MIN_CONSONANTS: usize = 3;

const CLUSTERING_TOML: &str = include_str!("../../assets/cluster/clustering.toml");

#[derive(Deserialize)]
struct File {
    spelling: Spelling,
}

#[derive(Deserialize)]
struct Spelling {
    /// (letters, read as), applied in order.
    digraphs: Vec<(String, String)>,
    /// Letters dropped from the skeleton.
    dropped: String,
}

fn spelling() -> &'static Spelling {
    static SPELLING: OnceLock<Spelling> = OnceLock::new();
    SPELLING.get_or_init(|| {
        toml::from_str::<File>(CLUSTERING_TOML)
            .map(|f| f.spelling)
            .unwrap_or(Spelling {
                digraphs: Vec::new(),
                dropped: String::new(),
            })
    })
}

/// The skeleton of a word written in Latin letters (see the module's
/// overview); `None` for a word with other letters, digits, or too few
/// consonants.
pub fn skeleton(word: &str) -> Option<String> {
    let mut plain = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if !c.is_ascii_alphabetic() {
            return None;
        }
        plain.push(c.to_ascii_lowercase());
    }
    let rules = spelling();
    for (from, to) in &rules.digraphs {
        if plain.contains(from.as_str()) {
            plain = plain.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars().filter(|&c| !rules.dropped.contains(c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    (out.len() >= MIN_CONSONANTS).then_some(out)
}

/// The key of [`skeleton`]: its FNV-1a hash, marked apart from the keys
/// of stems.
pub fn key(word: &str) -> Option<u64> {
    skeleton(word).map(|s| crate::extract::fnv1a(format!("~{s}").as_bytes()))
}

/// What two reports' names spelled differently add to the weight they
/// share: for each name of `a` whose spelling key one of `b`'s names has
/// while neither word is in the other report's words ("Lukashenko" and
/// "Łukaszenka"), the product of the two names' weights, each name of `b`
/// counted once. Names are (term id, spelling key, weight); words are
/// (term id, weight), sorted by id.
pub fn respelled(
    names_a: &[(u32, u64, f32)],
    names_b: &[(u32, u64, f32)],
    words_a: &[(u32, f32)],
    words_b: &[(u32, f32)],
) -> f32 {
    if names_a.is_empty() || names_b.is_empty() {
        return 0.0;
    }
    let has = |v: &[(u32, f32)], id: u32| v.binary_search_by_key(&id, |&(t, _)| t).is_ok();
    let mut used = vec![false; names_b.len()];
    let mut sum = 0.0;
    for &(ia, ka, wa) in names_a {
        if has(words_b, ia) {
            continue;
        }
        let found = names_b
            .iter()
            .enumerate()
            .find(|&(j, &(ib, kb, _))| !used[j] && kb == ka && ib != ia && !has(words_a, ib));
        if let Some((j, &(_, _, wb))) = found {
            used[j] = true;
            sum += wa * wb;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_of_one_name_meet() {
        let same = |a: &str, b: &str| {
            assert!(skeleton(a).is_some(), "{a}");
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        };
        // Names of my own choosing, in the spellings outlets mix.
        same("Shevchenko", "Szewczenko");
        same("Kovalenko", "Kowalenko");
        same("Oleksandr", "Olaxandr");
        same("Bondarenko", "Bondarenka");
        same("Zhuravlyov", "Żurawlow");
        same("Kravchuk", "Krawczuk");
    }

    #[test]
    fn a_name_spelled_alike_in_both_counts_once() {
        // Name 1 in both reports' words: the words count it, not this.
        let a = [(1, 7, 2.0), (2, 9, 3.0)];
        let b = [(1, 7, 2.0), (3, 9, 4.0)];
        let words_a = [(1, 2.0), (2, 3.0)];
        let words_b = [(1, 2.0), (3, 4.0)];
        assert_eq!(respelled(&a, &b, &words_a, &words_b), 12.0);
        assert_eq!(respelled(&a, &[], &words_a, &[]), 0.0);
    }

    #[test]
    fn other_names_and_short_words_do_not() {
        assert_ne!(skeleton("Kovalenko"), skeleton("Kravchenko"));
        assert_eq!(skeleton("Joe"), None);
        assert_eq!(skeleton("Київ"), None);
        assert_eq!(skeleton("F16"), None);
    }
}
