//! Fixed phrases ("the near future", "daily", "a second") and named days
//! ("Easter", "Thanksgiving"), both kept as data in `assets/timex/`, and the
//! code that finds them in a token stream.

use std::sync::OnceLock;

use super::lexicon::{LexId, lexicon, phrase_words};
use super::token::{CAP, Kind, Tok};
use crate::timex::TimexType;
use crate::timex::calendar::HolidayRule;

/// The fixed phrase table (phrase, TYPE, value).
pub(crate) const PHRASES_TSV: &str = include_str!("../../../assets/timex/en/phrases.tsv");
/// The named day table (phrase, rule).
pub(crate) const HOLIDAYS_TSV: &str = include_str!("../../../assets/timex/en/holidays.tsv");

/// One token of a phrase pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PTok {
    Word(LexId),
    Punct(char),
}

/// What a fixed phrase stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseVal {
    /// A TIMEX3 type and value.
    Value(TimexType, &'static str),
    /// So many days from the reference date (`{day +2}`).
    Days(i32),
    /// Not temporal: tag nothing here.
    Skip,
}

struct Pattern<V> {
    toks: Vec<PTok>,
    val: V,
}

struct Table<V> {
    /// Patterns sorted by first word id, longest first within a word.
    pats: Vec<Pattern<V>>,
}

fn parse_rows<V>(tsv: &'static str, mut val: impl FnMut(&'static str) -> Option<V>) -> Table<V> {
    let lex = lexicon();
    let mut pats = Vec::new();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (phrase, rest) = line.split_once('\t').unwrap_or((line, ""));
        let Some(v) = val(rest) else { continue };
        let toks: Vec<PTok> = phrase_words(phrase)
            .iter()
            .map(|w| {
                if w.chars().all(|c| c.is_ascii_alphanumeric()) {
                    PTok::Word(lex.lookup(w.as_bytes()))
                } else {
                    PTok::Punct(w.chars().next().unwrap_or(' '))
                }
            })
            .collect();
        if toks.is_empty() || toks.contains(&PTok::Word(0)) {
            continue;
        }
        pats.push(Pattern { toks, val: v });
    }
    pats.sort_by(|a, b| {
        let ka = match a.toks[0] {
            PTok::Word(id) => id,
            PTok::Punct(_) => 0,
        };
        let kb = match b.toks[0] {
            PTok::Word(id) => id,
            PTok::Punct(_) => 0,
        };
        ka.cmp(&kb).then(b.toks.len().cmp(&a.toks.len()))
    });
    Table { pats }
}

impl<V: Copy> Table<V> {
    /// The longest pattern matching at token `i`: (end token, value).
    fn longest(&self, toks: &[Tok], i: usize, cap: bool) -> Option<(usize, V)> {
        let first = toks.get(i)?.lex;
        let lo = self.pats.partition_point(|p| match p.toks[0] {
            PTok::Word(id) => id < first,
            PTok::Punct(_) => true,
        });
        for p in &self.pats[lo..] {
            if p.toks[0] != PTok::Word(first) {
                break;
            }
            if i + p.toks.len() > toks.len() {
                continue;
            }
            let ok = p.toks.iter().enumerate().all(|(k, pt)| {
                let t = &toks[i + k];
                match *pt {
                    PTok::Word(id) => {
                        t.kind == Kind::Word
                            && t.lex == id
                            && (!cap || t.has(CAP) || (k > 0 && t.end - t.start <= 2))
                    }
                    PTok::Punct(c) => t.kind == Kind::Punct && t.ch == c,
                }
            });
            if ok {
                return Some((i + p.toks.len(), p.val));
            }
        }
        None
    }
}

fn phrase_table() -> &'static Table<PhraseVal> {
    static T: OnceLock<Table<PhraseVal>> = OnceLock::new();
    T.get_or_init(|| {
        parse_rows(PHRASES_TSV, |rest| {
            let (kind, value) = rest.split_once('\t')?;
            Some(match kind {
                "SKIP" => PhraseVal::Skip,
                _ if value.starts_with("{day ") => {
                    let n = value.trim_start_matches("{day ").trim_end_matches('}');
                    PhraseVal::Days(n.trim_start_matches('+').parse().ok()?)
                }
                "DATE" => PhraseVal::Value(TimexType::Date, value),
                "TIME" => PhraseVal::Value(TimexType::Time, value),
                "DURATION" => PhraseVal::Value(TimexType::Duration, value),
                "SET" => PhraseVal::Value(TimexType::Set, value),
                _ => return None,
            })
        })
    })
}

fn holiday_table() -> &'static Table<HolidayRule> {
    static T: OnceLock<Table<HolidayRule>> = OnceLock::new();
    T.get_or_init(|| parse_rows(HOLIDAYS_TSV, parse_rule))
}

fn parse_rule(rule: &str) -> Option<HolidayRule> {
    let f: Vec<&str> = rule.split_whitespace().collect();
    let num = |s: &str| s.trim_start_matches('+').parse::<i64>().ok();
    Some(match f.as_slice() {
        ["fixed", md] => {
            let (m, d) = md.split_once('-')?;
            HolidayRule::Fixed(m.parse().ok()?, d.parse().ok()?)
        }
        ["easter", n] => HolidayRule::Easter(num(n)?),
        ["orthodox", n] => HolidayRule::Orthodox(num(n)?),
        ["nth", m, wd, n] => HolidayRule::Nth {
            month: m.parse().ok()?,
            weekday: wd.parse().ok()?,
            n: n.parse().ok()?,
        },
        ["election"] => HolidayRule::Election,
        _ => return None,
    })
}

/// The longest fixed phrase at token `i`: (end token, what it means).
pub(crate) fn phrase_at(toks: &[Tok], i: usize) -> Option<(usize, PhraseVal)> {
    phrase_table().longest(toks, i, false)
}

/// The longest named day at token `i` (its words capitalized):
/// (end token, rule).
pub(crate) fn holiday_at(toks: &[Tok], i: usize) -> Option<(usize, HolidayRule)> {
    holiday_table().longest(toks, i, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::en::token::tokenize;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, lexicon(), &mut v);
        v
    }

    #[test]
    fn longest_phrase_wins() {
        let t = toks("in the near future");
        let (end, v) = phrase_at(&t, 1).unwrap();
        assert_eq!(end, 4);
        assert_eq!(v, PhraseVal::Value(TimexType::Date, "FUTURE_REF"));
    }

    #[test]
    fn holidays_need_capitals() {
        let t = toks("Easter Monday and easter");
        assert_eq!(holiday_at(&t, 0), Some((2, HolidayRule::Easter(1))));
        assert_eq!(holiday_at(&t, 3), None);
        let t = toks("New Year's Day");
        assert_eq!(holiday_at(&t, 0), Some((5, HolidayRule::Fixed(1, 1))));
    }

    #[test]
    fn every_table_row_is_understood() {
        let rows = |tsv: &str| {
            tsv.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .count()
        };
        assert_eq!(phrase_table().pats.len(), rows(PHRASES_TSV));
        assert_eq!(holiday_table().pats.len(), rows(HOLIDAYS_TSV));
    }
}
