//! The word table: what each known lowercase word can mean to the tagger
//! (a month, a unit of time, a number, a tense marker...).
//!
//! The table is read once from `assets/timex/en/lexicon.tsv`, extended with the
//! words of the fixed phrases and named days, and looked up by the tokenizer
//! for every word of the text, so the lookup is a small open-addressing hash
//! table over ASCII-lowercased bytes.

use std::sync::OnceLock;

/// A word class. Each is one bit of [`Entry::mask`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    Month,
    MonthAbbr,
    Weekday,
    Weekdays,
    WeekdayAbbr,
    Card,
    Tens,
    Ord,
    Unit,
    Units,
    Part,
    Season,
    Seasons,
    Mod,
    Rel,
    DayWord,
    Quant,
    Dir,
    Future,
    Past,
    Approx,
    Prep,
    Art,
    Half,
    Fiscal,
    Every,
    Poss,
    AmPm,
    Tz,
    /// First word of a fixed phrase (phrases.tsv).
    PhraseStart,
    /// First word of a named day (holidays.tsv).
    HolidayStart,
    /// A word after which a number is not a year (traps.tsv).
    TrapBefore,
    /// A word before which a number is not a year (traps.tsv).
    TrapAfter,
    /// A word of a fixed phrase or named day that carries its time
    /// ("future", "time", "Easter"): the grammar only starts near one.
    Core,
}

impl Class {
    fn from_name(s: &str) -> Option<Class> {
        Some(match s {
            "month" => Class::Month,
            "month_abbr" => Class::MonthAbbr,
            "weekday" => Class::Weekday,
            "weekdays" => Class::Weekdays,
            "weekday_abbr" => Class::WeekdayAbbr,
            "card" => Class::Card,
            "tens" => Class::Tens,
            "ord" => Class::Ord,
            "unit" => Class::Unit,
            "units" => Class::Units,
            "part" => Class::Part,
            "season" => Class::Season,
            "seasons" => Class::Seasons,
            "mod" => Class::Mod,
            "rel" => Class::Rel,
            "dayword" => Class::DayWord,
            "quant" => Class::Quant,
            "dir" => Class::Dir,
            "future" => Class::Future,
            "past" => Class::Past,
            "approx" => Class::Approx,
            "prep" => Class::Prep,
            "art" => Class::Art,
            "half" => Class::Half,
            "fiscal" => Class::Fiscal,
            "every" => Class::Every,
            "poss" => Class::Poss,
            "ampm" => Class::AmPm,
            "tz" => Class::Tz,
            "core" => Class::Core,
            _ => return None,
        })
    }

    /// The bit of this class in a mask.
    pub(crate) const fn bit(self) -> u64 {
        1u64 << (self as u8)
    }
}

/// A value attached to a word in one class: a number, or a short code
/// (unit `Y`, part of day `MO`, modifier `END`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Val {
    /// A number (month 1-12, weekday 1-7, cardinal, offset...).
    Num(i32),
    /// A short code.
    Code(&'static str),
}

impl Val {
    /// The number, or 0 for a code.
    pub(crate) fn num(self) -> i32 {
        match self {
            Val::Num(n) => n,
            Val::Code(_) => 0,
        }
    }

    /// The code, or "" for a number.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Val::Code(c) => c,
            Val::Num(_) => "",
        }
    }
}

/// Everything the table knows about one word.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    /// The word, lowercase.
    pub word: String,
    /// One bit per class the word belongs to.
    pub mask: u64,
    /// The word's value in each of its classes.
    pub vals: Vec<(Class, Val)>,
}

/// The word table.
pub(crate) struct Lexicon {
    entries: Vec<Entry>,
    /// Open addressing: slot -> (high half of the hash, entry index + 1);
    /// id 0 = empty. Small enough to stay in the L1 cache.
    slots: Vec<(u32, u32)>,
    /// Length of the longest word.
    longest: usize,
    /// Token flags (`CORE`, `OPENER`) of each word, by id.
    tok_flags: Vec<u16>,
}

/// Identifier of a word in the table (index + 1; 0 means unknown).
pub(crate) type LexId = u16;

/// Start value of the word hash.
pub(crate) const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of the word hash (FNV-1a over ASCII-lowercased bytes), so the
/// tokenizer can hash a word while it scans it.
#[inline]
pub(crate) fn hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b | 0x20)).wrapping_mul(0x0100_0000_01b3)
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(HASH_START, |h, &b| hash_step(h, b))
}

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon {
            entries: Vec::new(),
            slots: Vec::new(),
            longest: 0,
            tok_flags: Vec::new(),
        }
    }

    fn index_of(&self, word: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.word == word)
    }

    fn add(&mut self, word: &str, class: Class, val: Option<Val>) {
        let word = word.to_ascii_lowercase();
        let idx = match self.index_of(&word) {
            Some(i) => i,
            None => {
                self.entries.push(Entry {
                    word,
                    ..Entry::default()
                });
                self.entries.len() - 1
            }
        };
        let e = &mut self.entries[idx];
        e.mask |= class.bit();
        if let Some(v) = val {
            e.vals.push((class, v));
        }
    }

    fn build_slots(&mut self) {
        let n = (self.entries.len() * 2).next_power_of_two();
        self.slots = vec![(0, 0); n];
        for (i, e) in self.entries.iter().enumerate() {
            let h = hash(e.word.as_bytes());
            let mut s = (h as usize) & (n - 1);
            while self.slots[s].1 != 0 {
                s = (s + 1) & (n - 1);
            }
            self.slots[s] = ((h >> 32) as u32, (i + 1) as u32);
            self.longest = self.longest.max(e.word.len());
        }
    }

    /// Looks a word up, ignoring ASCII case. Returns 0 for unknown words.
    #[inline]
    pub(crate) fn lookup(&self, word: &[u8]) -> LexId {
        if word.len() > self.longest {
            return 0;
        }
        self.lookup_hashed(word, hash(word))
    }

    /// Looks up a word whose hash is already known.
    #[inline]
    pub(crate) fn lookup_hashed(&self, word: &[u8], h: u64) -> LexId {
        if word.len() > self.longest {
            return 0;
        }
        let n = self.slots.len();
        let mut s = (h as usize) & (n - 1);
        let high = (h >> 32) as u32;
        loop {
            let (sh, id) = self.slots[s];
            if id == 0 {
                return 0;
            }
            if sh == high {
                let e = &self.entries[(id - 1) as usize];
                if e.word.len() == word.len() && e.word.as_bytes().eq_ignore_ascii_case(word) {
                    return id as LexId;
                }
            }
            s = (s + 1) & (n - 1);
        }
    }

    /// The entry of a known word.
    #[inline]
    pub(crate) fn entry(&self, id: LexId) -> Option<&Entry> {
        if id == 0 {
            None
        } else {
            self.entries.get(usize::from(id) - 1)
        }
    }

    /// The token flags of a word (`CORE`, `OPENER`; 0 for unknown words).
    #[inline]
    pub(crate) fn token_flags(&self, id: LexId) -> u16 {
        self.tok_flags.get(usize::from(id)).copied().unwrap_or(0)
    }

    /// The class mask of a word (0 for unknown words).
    #[inline]
    pub(crate) fn mask(&self, id: LexId) -> u64 {
        self.entry(id).map_or(0, |e| e.mask)
    }

    /// The word's value in `class`, if it belongs to it.
    #[inline]
    pub(crate) fn val(&self, id: LexId, class: Class) -> Option<Val> {
        let e = self.entry(id)?;
        if e.mask & class.bit() == 0 {
            return None;
        }
        Some(
            e.vals
                .iter()
                .find(|(c, _)| *c == class)
                .map_or(Val::Num(0), |(_, v)| *v),
        )
    }
}

fn leak(s: &str) -> &'static str {
    // The table lives for the whole run; codes are a handful of short strings.
    Box::leak(s.to_string().into_boxed_str())
}

/// Words of a phrase as the tokenizer splits them (letters, digits and
/// single punctuation marks), lowercase.
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in phrase.chars() {
        if ch.is_alphanumeric() {
            cur.push(ch.to_ascii_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !ch.is_whitespace() {
                let ch = if ch == '\u{2019}' { '\'' } else { ch };
                out.push(ch.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Phrase words that do not by themselves hint at a time.
const NOT_CORE: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "of",
    "to",
    "for",
    "by",
    "and",
    "as",
    "so",
    "this",
    "that",
    "these",
    "from",
    "until",
    "more",
    "most",
    "just",
    "right",
    "near",
    "long",
    "short",
    "distant",
    "medium",
    "far",
    "no",
    "all",
    "one",
    "same",
    "s",
    "st",
    "each",
    "every",
    "per",
    "after",
    "over",
    "some",
    "again",
    "day",
    "new",
    "first",
    "second",
    "world",
    "war",
    "international",
];

fn build() -> Lexicon {
    let mut lex = Lexicon::new();
    for line in include_str!("../../../assets/timex/en/lexicon.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(word), Some(class), val) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let Some(class) = Class::from_name(class) else {
            continue;
        };
        let val = val.map(|v| match v.parse::<i32>() {
            Ok(n) => Val::Num(n),
            Err(_) => Val::Code(leak(v)),
        });
        lex.add(word, class, val);
    }
    for (class, table) in [
        (Class::PhraseStart, crate::timex::en::phrases::PHRASES_TSV),
        (Class::HolidayStart, crate::timex::en::phrases::HOLIDAYS_TSV),
    ] {
        for line in table.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let phrase = line.split('\t').next().unwrap_or("");
            let words = phrase_words(phrase);
            for (i, w) in words.iter().enumerate() {
                if w.chars().all(|c| c.is_ascii_alphanumeric()) {
                    if i == 0 {
                        lex.add(w, class, None);
                    } else if lex.index_of(w).is_none() {
                        lex.entries.push(Entry {
                            word: w.clone(),
                            ..Entry::default()
                        });
                    }
                    if !NOT_CORE.contains(&w.as_str()) && w.len() > 1 {
                        lex.add(w, Class::Core, None);
                    }
                }
            }
        }
    }
    for line in crate::timex::en::traps::TRAPS_TSV.lines() {
        let mut f = line.split('\t');
        let class = match f.next() {
            Some("before") => Class::TrapBefore,
            Some("after") => Class::TrapAfter,
            _ => continue,
        };
        for w in f.next().unwrap_or("").split_whitespace() {
            lex.add(w, class, None);
        }
    }
    lex.build_slots();
    lex.tok_flags = std::iter::once(0)
        .chain(lex.entries.iter().map(|e| {
            let mut f = 0;
            if e.mask & crate::timex::en::grammar::CORE_CLASSES != 0 {
                f |= crate::timex::en::token::CORE;
            }
            if e.mask & crate::timex::en::grammar::OPENERS != 0 {
                f |= crate::timex::en::token::OPENER;
            }
            if e.mask & Class::PhraseStart.bit() != 0 {
                f |= crate::timex::en::token::PHRASE;
            }
            f
        }))
        .collect();
    lex
}

/// The shared word table, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// Whether `word` (any case) is a noun of a happening, from
/// `assets/timex/en/happenings.txt`: "today's" before it dates it.
pub(crate) fn happening_noun(word: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../../assets/timex/en/happenings.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        })
        .contains(&word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_any_case() {
        let lex = lexicon();
        let id = lex.lookup(b"FeBruary");
        assert_eq!(lex.val(id, Class::Month), Some(Val::Num(2)));
        assert_eq!(lex.lookup(b"februaryx"), 0);
        let id = lex.lookup(b"years");
        assert_eq!(lex.val(id, Class::Units), Some(Val::Code("Y")));
    }

    #[test]
    fn words_have_all_their_classes() {
        let lex = lexicon();
        let id = lex.lookup(b"second");
        assert!(lex.val(id, Class::Ord).is_some());
        assert!(lex.val(id, Class::Unit).is_some());
        let id = lex.lookup(b"now");
        assert!(lex.mask(id) & Class::PhraseStart.bit() != 0);
        let id = lex.lookup(b"easter");
        assert!(lex.mask(id) & Class::HolidayStart.bit() != 0);
    }

    #[test]
    fn phrase_words_split_like_the_tokenizer() {
        assert_eq!(
            phrase_words("New Year's Day"),
            ["new", "year", "'", "s", "day"]
        );
        assert_eq!(phrase_words("year-end"), ["year", "-", "end"]);
    }
}
