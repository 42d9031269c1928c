//! The language-neutral half of the word-table tagger: a tokenizer for any
//! alphabet and the word tables of `assets/timex/<lang>/words.tsv`.
//!
//! The engine knows no language's words. A table row is
//! `class<TAB>value<TAB>form|form|...`; a form may be several words ("за
//! минулу добу") or hold a mark ("р."). Rule sets (such as `slavic`) ask
//! whether the tokens at a place spell a form of a class, longest form first.
//! Adding a language is one folder with its `words.tsv` and one line in
//! [`table`].

use std::sync::OnceLock;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (apostrophes inside kept), lowercased.
    Word,
    /// A run of ASCII digits, with its value (saturating).
    Num(u32),
    /// Any other single character.
    Mark,
}

/// One token of the text.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Lowercased text ("ё" read as "е", apostrophes as `'`); digits; the mark.
    pub norm: String,
    /// Whether white space stands right before it.
    pub space: bool,
    /// Whether a sentence starts at it.
    pub sent: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | 'ʼ' | '’' | '`')
}

fn fold(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match l {
            'ё' => out.push('е'),
            c if is_apostrophe(c) => out.push('\''),
            c => out.push(c),
        }
    }
}

/// Cuts `text` into words, numbers and marks. A sentence starts at the first
/// token, after a line break, and after `.`, `!`, `?` or `…` followed by
/// white space.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
    let mut it = text.char_indices().peekable();
    let (mut space, mut sent) = (true, true);
    let mut ender = false;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            if ender || c == '\n' {
                sent = true;
            }
            continue;
        }
        ender = false;
        let mut norm = String::new();
        let kind = if c.is_alphabetic() {
            fold(c, &mut norm);
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    fold(d, &mut norm);
                } else if is_apostrophe(d) {
                    // Only between letters.
                    let after = text[j + d.len_utf8()..].chars().next();
                    if !after.is_some_and(char::is_alphabetic) {
                        break;
                    }
                    norm.push('\'');
                } else {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            toks.push(Tok {
                start: i,
                end,
                kind: Kind::Word,
                norm,
                space,
                sent,
            });
            space = false;
            sent = false;
            continue;
        } else if c.is_ascii_digit() {
            norm.push(c);
            while let Some(&(_, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                norm.push(d);
                it.next();
            }
            Kind::Num(norm.parse().unwrap_or(u32::MAX))
        } else {
            norm.push(c);
            ender = matches!(c, '.' | '!' | '?' | '…');
            Kind::Mark
        };
        let end = i + norm.len().max(c.len_utf8());
        toks.push(Tok {
            start: i,
            end,
            kind,
            norm,
            space,
            sent,
        });
        space = false;
        sent = false;
    }
    toks
}

/// One form of a class.
struct Form {
    /// The tokens after the first, normalized.
    rest: Vec<String>,
    /// Index of the class in [`Table::classes`].
    class: usize,
    /// The value column.
    value: &'static str,
}

/// The word table of one language.
pub(crate) struct Table {
    /// Class names, in order of first appearance.
    classes: Vec<&'static str>,
    /// Forms by their first token, longest first.
    forms: rustc_hash::FxHashMap<String, Vec<Form>>,
}

/// A form found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The value column of its row.
    pub value: &'static str,
    /// Token past the form's last one.
    pub end: usize,
}

impl Table {
    /// Reads a table from its TSV text.
    pub(crate) fn parse(tsv: &'static str) -> Table {
        let mut t = Table {
            classes: Vec::new(),
            forms: Default::default(),
        };
        for line in tsv.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.splitn(3, '\t');
            let (Some(class), Some(value), Some(forms)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let ci = match t.classes.iter().position(|c| *c == class) {
                Some(ci) => ci,
                None => {
                    t.classes.push(class);
                    t.classes.len() - 1
                }
            };
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let mut words = tokenize(form).into_iter().map(|t| t.norm);
                let Some(first) = words.next() else { continue };
                t.forms.entry(first).or_default().push(Form {
                    rest: words.collect(),
                    class: ci,
                    value,
                });
            }
        }
        for v in t.forms.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
        }
        t
    }

    /// The longest form of `class` spelled by the tokens from `i` on.
    pub(crate) fn at(&self, toks: &[Tok], i: usize, class: &str) -> Option<Found> {
        let ci = self.classes.iter().position(|c| *c == class)?;
        let first = toks.get(i)?;
        if matches!(first.kind, Kind::Num(_)) {
            return None;
        }
        self.forms.get(&first.norm)?.iter().find_map(|f| {
            let fits = f.class == ci
                && f.rest.iter().enumerate().all(|(k, w)| {
                    toks.get(i + 1 + k)
                        .is_some_and(|t| t.norm == *w && !(t.sent && t.kind == Kind::Word))
                });
            fits.then_some(Found {
                value: f.value,
                end: i + 1 + f.rest.len(),
            })
        })
    }

    /// Whether some form starts with the token `norm` (most words start none).
    pub(crate) fn knows(&self, norm: &str) -> bool {
        self.forms.contains_key(norm)
    }

    /// Whether `word` ends with a form of `class` (a table of endings).
    pub(crate) fn ends(&self, word: &str, class: &str) -> bool {
        let Some(ci) = self.classes.iter().position(|c| *c == class) else {
            return false;
        };
        self.forms.iter().any(|(first, forms)| {
            word.len() > first.len()
                && word.ends_with(first.as_str())
                && forms.iter().any(|f| f.class == ci && f.rest.is_empty())
        })
    }
}

include!(concat!(env!("OUT_DIR"), "/word_tables.rs"));

/// The codes of the languages with a word table, in code order.
pub(crate) fn codes() -> impl Iterator<Item = &'static str> {
    WORD_TABLES.iter().map(|(c, _)| *c)
}

/// The word table of a language by its ISO 639-1 code, if it has one: one
/// `assets/timex/<code>/words.tsv` per language, found by `build.rs`, each
/// parsed once on first use.
pub(crate) fn table(code: &str) -> Option<&'static Table> {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    let i = WORD_TABLES.iter().position(|(c, _)| *c == code)?;
    TABLES
        .get_or_init(|| {
            WORD_TABLES
                .iter()
                .map(|(_, tsv)| Table::parse(tsv))
                .collect()
        })
        .get(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fold_case_yo_and_apostrophes() {
        // "Yesterday, on Friday at 08:00" in Russian and Ukrainian spellings.
        let t = tokenize("Вчера, в пʼятницю Ёлка 08:00");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["вчера", ",", "в", "п'ятницю", "елка", "08", ":", "00"]
        );
        assert!(t[0].sent && !t[2].sent);
        assert_eq!(t[5].kind, Kind::Num(8));
    }

    #[test]
    fn sentences_start_after_a_stop_and_space_only() {
        // "On 14.02.2025. Then." : the dots inside the date end nothing.
        let t = tokenize("На 14.02.2025. Потім.");
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sent)
            .map(|t| t.norm.as_str())
            .collect();
        assert_eq!(starts, ["на", "потім"]);
    }

    #[test]
    fn multiword_forms_match_longest_first() {
        let table = Table::parse("day\t0\tдоби|минулої доби\nyear\t-\tр.\n");
        // "over the past day", "2025 yr."
        let t = tokenize("минулої доби 2025 р.");
        assert_eq!(table.at(&t, 0, "day").map(|f| f.end), Some(2));
        assert!(table.at(&t, 3, "year").is_some());
        assert!(table.at(&t, 0, "year").is_none());
    }
}
