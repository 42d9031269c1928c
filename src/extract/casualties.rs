//! Casualty counts of an event: how many people its sentence says were
//! killed and injured in the happening (issue 13, item 4).
//!
//! A count is read next to a casualty word of `assets/casualties.toml`:
//! before it ("two people were killed", "four civilians and three police
//! officers were wounded" = 7, "a 46-year-old man was injured" = 1, "five
//! dead") or after it ("killing three and wounding 12", "killed at least
//! seven people", "the death toll rose to 9"). Ukrainian and Russian
//! phrasings ("загинули 3 людини", "поранено 12", "погибли двое") are read
//! with the same rules, the count after the word tried first.
//!
//! What is not a count of the happening (rules of this module, after
//! ACLED's practice of recording an event's own fatalities):
//! - a running total: a count near "since the invasion", "so far this
//!   year", "in total", "to date" (the words are data), and a count of
//!   1,000 or more in the perfect tense ("1,351 soldiers have been
//!   killed"), which is how news states war-long totals;
//! - a vague quantity ("dozens", "hundreds of", "several"): no count;
//! - a number that counts something else: an age ("46-year-old"), a date,
//!   a time, weapons ("82 drones"): the noun after a number must be a
//!   person ("people", "soldiers", "others") or nothing;
//! - claims of enemy "losses" ("losses of 380 troops", "eliminated"): they
//!   mix the killed and the wounded and are not read. Soldiers said to be
//!   killed or wounded in a happening are counted like civilians, as ACLED
//!   counts the fatalities of all parties;
//! - "casualties" alone, which sums the killed and the injured.
//!
//! "More than 10" and "at least 10" give 10: the count stated. When a
//! sentence gives several counts of one kind, the largest is kept (a
//! subset after "including" is not a separate count). "No one was killed"
//! gives 0.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

const TABLE: &str = include_str!("../../assets/casualties.toml");

/// The people a sentence says were killed and injured in its happening;
/// `None` where it gives no count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Casualties {
    /// People killed (dead, died, death toll).
    pub killed: Option<u32>,
    /// People injured (wounded, hurt).
    pub injured: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    numbers: HashMap<String, u32>,
    vague: Vec<String>,
    qualifiers: Vec<String>,
    aux: Vec<String>,
    person: Vec<String>,
    killed_before: Vec<String>,
    killed_after: Vec<String>,
    injured_before: Vec<String>,
    injured_after: Vec<String>,
    either: Vec<String>,
    including: Vec<String>,
    cumulative: Vec<String>,
    since: Vec<String>,
    since_objects: Vec<String>,
    earlier: Vec<String>,
}

/// A word list of whole words and stems (`"stem*"`).
#[derive(Default)]
struct Words {
    exact: HashSet<String>,
    stems: Vec<String>,
}

impl Words {
    fn new(list: &[String]) -> Words {
        let mut w = Words::default();
        for s in list {
            match s.strip_suffix('*') {
                Some(stem) => w.stems.push(stem.to_string()),
                None => {
                    w.exact.insert(s.clone());
                }
            }
        }
        w
    }

    fn has(&self, word: &str) -> bool {
        self.exact.contains(word) || self.stems.iter().any(|s| word.starts_with(s.as_str()))
    }
}

struct Table {
    numbers: HashMap<String, u32>,
    vague: Words,
    qualifiers: Words,
    aux: Words,
    person: Words,
    killed_before: Words,
    killed_after: Words,
    injured_before: Words,
    injured_after: Words,
    either: Words,
    including: Words,
    cumulative: Vec<String>,
    since: Words,
    since_objects: Words,
    earlier: Vec<String>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let raw: Raw = toml::from_str(TABLE)
            .unwrap_or_else(|e| panic!("assets/casualties.toml is invalid: {e}"));
        Table {
            numbers: raw.numbers,
            vague: Words::new(&raw.vague),
            qualifiers: Words::new(&raw.qualifiers),
            aux: Words::new(&raw.aux),
            person: Words::new(&raw.person),
            killed_before: Words::new(&raw.killed_before),
            killed_after: Words::new(&raw.killed_after),
            injured_before: Words::new(&raw.injured_before),
            injured_after: Words::new(&raw.injured_after),
            either: Words::new(&raw.either),
            including: Words::new(&raw.including),
            cumulative: raw.cumulative.iter().map(|c| format!(" {c} ")).collect(),
            since: Words::new(&raw.since),
            since_objects: Words::new(&raw.since_objects),
            earlier: raw.earlier.iter().map(|c| format!(" {c} ")).collect(),
        }
    })
}

/// Lower-case words (letters, digits, `'` and `-` inside; digit groups
/// "1,200" as one word) and punctuation marks, one token each.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '–' | '—' => ';',
            c => c,
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let mut w = String::new();
            while i < chars.len() {
                let c = chars[i];
                let inner = matches!(c, '\'' | '-')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                let group = c == ','
                    && chars[..i].last().is_some_and(char::is_ascii_digit)
                    && chars
                        .get(i + 1..i + 4)
                        .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                    && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
                if c.is_alphanumeric() || inner || group {
                    w.extend(c.to_lowercase());
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(w);
        } else {
            if matches!(
                c,
                ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '"' | '“' | '”'
            ) {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

fn is_punct(t: &str) -> bool {
    t.chars().all(|c| !c.is_alphanumeric())
}

/// An age or duration word ("46-year-old", "three-month-old").
fn is_age(t: &str) -> bool {
    t.contains("-year") || t.contains("-month") || t.contains("-week") || t.ends_with("-old")
}

/// Words after a number that make it an age, a duration or a date.
const NOT_COUNTS: [&str; 14] = [
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "km",
    "kilometres",
    "kilometers",
    "miles",
];

/// Words right after a count that close its phrase without naming what is
/// counted ("killing three and wounding 12", "killed 3 in Kharkiv").
const CLOSERS: [&str; 20] = [
    "and",
    "or",
    "in",
    "on",
    "at",
    "near",
    "while",
    "as",
    "when",
    "after",
    "including",
    "overnight",
    "during",
    "from",
    "across",
    "inside",
    "outside",
    "when",
    "people's",
    "with",
];

impl Table {
    /// The value of a number word or figure ("12", "1,200", "twelve",
    /// "twenty-five"), not counting ages.
    fn number(&self, t: &str) -> Option<u32> {
        if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let digits: String = t.chars().filter(|&c| c != ',').collect();
            return digits.parse().ok();
        }
        if let Some(&n) = self.numbers.get(t) {
            return Some(n);
        }
        let (tens, ones) = t.split_once('-')?;
        let (tens, ones) = (*self.numbers.get(tens)?, *self.numbers.get(ones)?);
        (tens >= 20 && tens % 10 == 0 && ones < 10).then_some(tens + ones)
    }

    /// The number at `k`, when it is a count (not an age, a date or a distance).
    fn count_at(&self, toks: &[String], k: usize) -> Option<u32> {
        let n = self.number(&toks[k])?;
        let next = toks.get(k + 1).map_or("", String::as_str);
        (!NOT_COUNTS.contains(&next) && !is_month(next)).then_some(n)
    }

    /// The count standing before the casualty word at `i`: one or more
    /// noun phrases joined by "and" ("four civilians and three police
    /// officers were wounded").
    fn before(&self, toks: &[String], i: usize) -> Option<u32> {
        let mut k = i;
        while k > 0 && (self.aux.has(&toks[k - 1]) || toks[k - 1] == ",") {
            k -= 1;
        }
        let mut total: Option<u32> = None;
        loop {
            // Parse one phrase ending just before `k`: modifiers, a person
            // noun, then its number.
            let mut person = false;
            let mut unknown = 0;
            let mut value = None;
            while k > 0 {
                k -= 1;
                let t = toks[k].as_str();
                if is_punct(t) || self.killed_before.has(t) || self.injured_before.has(t) {
                    break;
                }
                if self.including.has(t) {
                    // What came after it is a subset: start again.
                    total = None;
                    person = false;
                    unknown = 0;
                    while k > 0 && toks[k - 1] == "," {
                        k -= 1;
                    }
                    continue;
                }
                if let Some(n) = self.count_at(toks, k) {
                    let no = k > 0 && toks[k - 1] == "no";
                    value = Some(if no { 0 } else { n });
                    break;
                }
                if self.vague.has(t) {
                    return total;
                }
                if t == "nobody" || (t == "no" && person) {
                    value = Some(0);
                    break;
                }
                // "a man", "her son": one person.
                if matches!(t, "a" | "an" | "his" | "her") && person {
                    value = Some(1);
                    break;
                }
                if self.person.has(t) {
                    person = true;
                } else if self.aux.has(t) || is_age(t) {
                } else if STOPS.contains(&t) {
                    break;
                } else {
                    unknown += 1;
                    if unknown > 2 {
                        break;
                    }
                }
            }
            let Some(v) = value else { break };
            if unknown > 0 && !person {
                break;
            }
            total = Some(total.unwrap_or(0) + v);
            while k > 0 && self.qualifiers.has(&toks[k - 1]) && toks[k - 1] != "an" {
                k -= 1;
            }
            if k > 0 && matches!(toks[k - 1].as_str(), "and" | ",") {
                k -= 1;
                continue;
            }
            if k > 0 && self.including.has(&toks[k - 1]) {
                k -= 1;
                total = None;
                while k > 0 && toks[k - 1] == "," {
                    k -= 1;
                }
                continue;
            }
            break;
        }
        total
    }

    /// The count following the casualty word at `i` ("killing three",
    /// "killed at least seven people", "загинули 3 людини"); for a "toll",
    /// the first count within the next ten words ("rose to 9").
    fn after(&self, toks: &[String], i: usize) -> Option<u32> {
        let toll = toks[i] == "toll";
        let reach = if toll { 10 } else { 1 };
        let mut k = i + 1;
        let mut skipped = 0;
        while k < toks.len() {
            let t = toks[k].as_str();
            if is_punct(t) && t != "," || self.vague.has(t) {
                return None;
            }
            if let Some(n) = self.count_at(toks, k) {
                return self.counts_people(toks, k + 1).then_some(n);
            }
            if matches!(t, "a" | "an")
                && !toll
                && (k + 1..toks.len().min(k + 4)).any(|j| self.person.has(&toks[j]))
            {
                return Some(1);
            }
            if self.qualifiers.has(t) {
                k += 1;
                continue;
            }
            skipped += 1;
            if skipped >= reach {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether the words from `k` on, after a number, leave it a count of
    /// people: a person noun within three words, or nothing counted.
    fn counts_people(&self, toks: &[String], k: usize) -> bool {
        for (j, t) in toks.iter().enumerate().skip(k).take(3) {
            let t = t.as_str();
            if self.person.has(t) {
                return true;
            }
            if j == k && (is_punct(t) || CLOSERS.contains(&t)) {
                return true;
            }
            if !(is_age(t) || self.aux.has(t)) && j > k + 1 {
                return false;
            }
        }
        toks.len() <= k
    }

    /// Whether the casualty word at `i` tells of an earlier happening than
    /// the sentence's: a cue of `earlier` within the twelve words before it
    /// and in its clause (not past a `,` or a `;`), as in "the blasts come
    /// one week after five people were injured" (not "missiles struck hours
    /// after the talks ended, killing 12").
    fn earlier(&self, toks: &[String], i: usize) -> bool {
        let from = reach_back(toks, i);
        let from = (from..i)
            .rev()
            .find(|&j| toks[j] == ",")
            .map_or(from, |c| c + 1);
        let text = format!(" {} ", toks[from..i].join(" "));
        self.earlier.iter().any(|c| text.contains(c.as_str()))
    }

    /// Whether the count around `i` is a running total: a cue of
    /// `cumulative` within twelve words (not past a `;`), "since" with a
    /// war-long object, or a count of 1,000 or more in the perfect tense.
    fn cumulative(&self, toks: &[String], i: usize, n: u32) -> bool {
        let from = reach_back(toks, i);
        let to = (i..toks.len())
            .take(13)
            .take_while(|&j| toks[j] != ";")
            .last()
            .unwrap_or(i);
        let window = &toks[from..=to];
        let text = format!(" {} ", window.join(" "));
        if self.cumulative.iter().any(|c| text.contains(c.as_str())) {
            return true;
        }
        let since = window.iter().enumerate().any(|(j, t)| {
            self.since.has(t)
                && window[j + 1..]
                    .iter()
                    .take(4)
                    .any(|o| self.since_objects.has(o))
        });
        let perfect = n >= 1000
            && toks[from..i]
                .windows(2)
                .any(|w| matches!(w[0].as_str(), "have" | "has") && w[1] == "been");
        since || perfect
    }
}

/// The first of the (up to) twelve tokens before `i`, not past a `;`: how
/// far back a cue of a running total or of an earlier happening is read.
fn reach_back(toks: &[String], i: usize) -> usize {
    (0..i)
        .rev()
        .take(12)
        .take_while(|&j| toks[j] != ";")
        .last()
        .unwrap_or(i)
}

/// Words that end a counted phrase when scanning back from a casualty word.
const STOPS: [&str; 16] = [
    "of", "the", "in", "on", "by", "at", "from", "for", "to", "with", "that", "and", "after",
    "when", "where", "as",
];

fn is_month(t: &str) -> bool {
    crate::datefilter::month_number(t).is_some()
}

/// The killed and injured counts of a sentence's happening. `lang` orders
/// the reading: Ukrainian and Russian put the count after the verb more
/// often than English does ("загинули 3 людини").
pub fn casualties(text: &str, lang: Lang) -> Casualties {
    let table = table();
    let toks = tokens(text);
    let mut out = Casualties::default();
    let count_first = matches!(lang, Lang::Uk | Lang::Ru);
    for i in 0..toks.len() {
        let t = toks[i].as_str();
        let kinds = [
            (table.killed_before.has(t), table.killed_after.has(t), true),
            (
                table.injured_before.has(t),
                table.injured_after.has(t),
                false,
            ),
        ];
        for (before, after, killed) in kinds {
            if !(before || after) {
                continue;
            }
            // "killed or injured": the count is of both together.
            if toks.get(i + 1).is_some_and(|n| table.either.has(n))
                || i > 0 && table.either.has(&toks[i - 1])
            {
                continue;
            }
            let read_before = || before.then(|| table.before(&toks, i)).flatten();
            let read_after = || after.then(|| table.after(&toks, i)).flatten();
            let n = if count_first {
                read_after().or_else(read_before)
            } else {
                read_before().or_else(read_after)
            };
            let Some(n) = n.filter(|&n| !table.cumulative(&toks, i, n) && !table.earlier(&toks, i))
            else {
                continue;
            };
            let slot = if killed {
                &mut out.killed
            } else {
                &mut out.injured
            };
            *slot = Some(slot.map_or(n, |m| m.max(n)));
        }
    }
    out
}

#[cfg(test)]
#[path = "casualties_tests.rs"]
mod tests;
