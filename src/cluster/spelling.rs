//! One key for the spellings of a name in Latin letters: outlets write
//! the same person in English, Polish, German or French transliteration
//! ("Lukashenko", "Łukaszenka"; "Zelensky", "Zełenski"; "Aleksandr",
//! "Alaxandr"), and the stems clustering compares ([`super::features`])
//! then differ.
//!
//! The key is the name's consonant skeleton: marks stripped ("ł" read as
//! "l"), the letter groups of `[spelling]` in
//! `assets/cluster/clustering.toml` read as one sound ("sz" as "s", "w" as
//! "v"; in one pass, the first group that matches at each letter), "h" and
//! the vowels
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

/// [`Spelling`] as tables over bytes, for speed (every name of every
/// report is read).
struct Rules {
    /// (letters, read as) as bytes.
    digraphs: Vec<(Vec<u8>, Vec<u8>)>,
    /// Whether a digraph starts with this byte.
    starts: [bool; 256],
    /// Whether this byte is dropped.
    dropped: [bool; 256],
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let spelling = toml::from_str::<File>(CLUSTERING_TOML)
            .map(|f| f.spelling)
            .unwrap_or(Spelling {
                digraphs: Vec::new(),
                dropped: String::new(),
            });
        let mut rules = Rules {
            digraphs: Vec::new(),
            starts: [false; 256],
            dropped: [false; 256],
        };
        for (from, to) in spelling.digraphs {
            if let Some(&b) = from.as_bytes().first() {
                rules.starts[b as usize] = true;
                rules.digraphs.push((from.into_bytes(), to.into_bytes()));
            }
        }
        for b in spelling.dropped.bytes() {
            rules.dropped[b as usize] = true;
        }
        rules
    })
}

/// The skeleton of a word written in Latin letters (see the module's
/// overview); `None` for a word with other letters, digits, or too few
/// consonants.
pub fn skeleton(word: &str) -> Option<String> {
    let folded;
    let plain: &[u8] = if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        word.as_bytes()
    } else if word.is_ascii() {
        return None;
    } else {
        let mut s = String::with_capacity(word.len());
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
            s.push(c);
        }
        folded = s;
        folded.as_bytes()
    };
    let rules = rules();
    let mut out: Vec<u8> = Vec::with_capacity(plain.len());
    let push = |b: u8, out: &mut Vec<u8>| {
        if !rules.dropped[b as usize] && out.last() != Some(&b) {
            out.push(b);
        }
    };
    let mut i = 0;
    while i < plain.len() {
        let b = plain[i].to_ascii_lowercase();
        let digraph = rules.starts[b as usize]
            .then(|| {
                rules.digraphs.iter().find(|(from, _)| {
                    from.len() <= plain.len() - i
                        && from
                            .iter()
                            .zip(&plain[i..])
                            .all(|(f, p)| *f == p.to_ascii_lowercase())
                })
            })
            .flatten();
        match digraph {
            Some((from, to)) => {
                to.iter().for_each(|&c| push(c, &mut out));
                i += from.len();
            }
            None => {
                push(b, &mut out);
                i += 1;
            }
        }
    }
    (out.len() >= MIN_CONSONANTS).then(|| String::from_utf8(out).unwrap_or_default())
}

/// The key of [`skeleton`]: its FNV-1a hash, marked apart from the keys
/// of stems (which hash at most six characters, and no "~").
pub fn key(word: &str) -> Option<u64> {
    skeleton(word).map(|mut s| {
        s.push('~');
        crate::extract::fnv1a(s.as_bytes())
    })
}

/// The spelling keys that stand for two or more words (stem keys) among
/// `names` ((stem key, spelling key) pairs): the names a corpus spells two
/// ways.
pub fn spelled_two_ways<'a>(
    names: impl Iterator<Item = &'a (u64, u64)>,
) -> rustc_hash::FxHashSet<u64> {
    let mut first: rustc_hash::FxHashMap<u64, u64> = Default::default();
    let mut two = rustc_hash::FxHashSet::default();
    for &(stem, spelling) in names {
        if *first.entry(spelling).or_insert(stem) != stem {
            two.insert(spelling);
        }
    }
    two
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
    fn only_keys_spelled_two_ways_are_kept() {
        let names = [(1, 10), (2, 10), (3, 11), (3, 11), (4, 12)];
        let two = spelled_two_ways(names.iter());
        assert!(two.contains(&10));
        assert!(!two.contains(&11) && !two.contains(&12));
    }

    #[test]
    fn other_names_and_short_words_do_not() {
        assert_ne!(skeleton("Kovalenko"), skeleton("Kravchenko"));
        assert_eq!(skeleton("Joe"), None);
        assert_eq!(skeleton("Київ"), None);
        assert_eq!(skeleton("F16"), None);
    }
}
