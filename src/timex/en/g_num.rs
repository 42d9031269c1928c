//! Numbers as the date rules need them: cardinals in digits or words
//! ("two", "twenty-four", "2 1/2"), ordinals ("3rd", "twenty-first"), days
//! of the month, and years in digits or words ("nineteen ninety-six").

use super::grammar::G;
use super::lexicon::Class;
use super::token::{AMPM, COMMA, DECIMAL, Kind, ORDINAL, PLURAL};

/// A cardinal number: its value (None when vague: "several", "a few") and
/// the token after it.
pub(crate) struct Card {
    /// The value; `None` for vague quantities.
    pub value: Option<f64>,
    /// Token after the number.
    pub end: usize,
    /// Whether it is the article "a"/"an".
    pub article: bool,
}

/// Whether token `i` is a plain number (digits only, no suffix).
pub(crate) fn plain_num(g: &G, i: usize) -> bool {
    g.tok(i)
        .is_some_and(|t| t.kind == Kind::Num && t.flags & (PLURAL | ORDINAL | AMPM) == 0)
}

fn num_value(g: &G, i: usize) -> Option<f64> {
    let t = g.tok(i)?;
    if !plain_num(g, i) {
        return None;
    }
    if t.has(DECIMAL) || t.has(COMMA) {
        g.text_of(i).replace(',', "").parse().ok()
    } else {
        Some(f64::from(t.val))
    }
}

/// A number written in words from token `i`: "five", "twenty-four",
/// "twenty four", "one hundred".
fn word_number(g: &G, i: usize) -> Option<(f64, usize)> {
    if let Some(t) = g.class(i, Class::Tens) {
        let mut v = t.num();
        let mut j = i + 1;
        let k = g.opt_punct(j, '-');
        if let Some(u) = g.class(k, Class::Card)
            && (1..=9).contains(&u.num())
            && !g.word_in(k, &["a", "an"])
        {
            v += u.num();
            j = k + 1;
        }
        return Some((f64::from(v), j));
    }
    let c = g.class(i, Class::Card)?;
    if g.word_in(i, &["a", "an", "hundred", "thousand"]) {
        return None;
    }
    let mut v = c.num();
    let mut j = i + 1;
    if g.word(j, "hundred") {
        v *= 100;
        j += 1;
    } else if g.word(j, "thousand") {
        v *= 1000;
        j += 1;
    }
    Some((f64::from(v), j))
}

/// A cardinal at token `i`.
pub(crate) fn card_at(g: &G, i: usize) -> Option<Card> {
    let t = g.tok(i)?;
    if t.kind == Kind::Num {
        let mut v = num_value(g, i)?;
        let mut end = i + 1;
        // "2 1/2"
        if plain_num(g, end)
            && g.punct(end + 1, '/')
            && plain_num(g, end + 2)
            && g.glued(end + 1)
            && g.glued(end + 2)
        {
            let a = f64::from(g.tok(end)?.val);
            let b = f64::from(g.tok(end + 2)?.val);
            if b > a && b <= 4.0 {
                v += a / b;
                end += 3;
            }
        }
        return Some(Card {
            value: Some(v),
            end,
            article: false,
        });
    }
    if g.word_in(i, &["a", "an"]) {
        // "a couple of", "a few", "a dozen"
        if g.word(i + 1, "couple") {
            let end = g.opt_word(i + 2, "of");
            return Some(Card {
                value: Some(2.0),
                end,
                article: false,
            });
        }
        if g.word(i + 1, "few") {
            return Some(Card {
                value: None,
                end: i + 2,
                article: false,
            });
        }
        if g.word_in(i + 1, &["hundred", "thousand"]) {
            let v = if g.word(i + 1, "hundred") {
                100.0
            } else {
                1000.0
            };
            return Some(Card {
                value: Some(v),
                end: i + 2,
                article: false,
            });
        }
        if g.word(i + 1, "dozen") {
            return Some(Card {
                value: Some(12.0),
                end: i + 2,
                article: false,
            });
        }
        return Some(Card {
            value: Some(1.0),
            end: i + 1,
            article: true,
        });
    }
    if g.is(i, Class::Quant) {
        let end = if g.word(i, "couple") {
            g.opt_word(i + 1, "of")
        } else {
            i + 1
        };
        let value = g.word(i, "couple").then_some(2.0);
        return Some(Card {
            value,
            end,
            article: false,
        });
    }
    let (v, end) = word_number(g, i)?;
    Some(Card {
        value: Some(v),
        end,
        article: false,
    })
}

/// An ordinal at token `i`: (value, token after).
pub(crate) fn ord_at(g: &G, i: usize) -> Option<(u32, usize)> {
    let t = g.tok(i)?;
    if t.kind == Kind::Num && t.has(ORDINAL) {
        return Some((t.val, i + 1));
    }
    if let Some(tens) = g.class(i, Class::Tens)
        && g.punct(i + 1, '-')
        && let Some(o) = g.class(i + 2, Class::Ord)
        && o.num() < 10
    {
        return Some(((tens.num() + o.num()) as u32, i + 3));
    }
    let o = g.class(i, Class::Ord)?;
    Some((o.num() as u32, i + 1))
}

/// A day of the month at token `i` ("13", "13th", "thirteenth").
pub(crate) fn day_at(g: &G, i: usize) -> Option<(u8, usize)> {
    let t = g.tok(i)?;
    if t.kind == Kind::Num {
        if t.flags & (COMMA | DECIMAL | PLURAL | AMPM) != 0 || t.ndig > 2 {
            return None;
        }
        if (1..=31).contains(&t.val) {
            return Some((t.val as u8, i + 1));
        }
        return None;
    }
    let (v, end) = ord_at(g, i)?;
    (1..=31).contains(&v).then_some((v as u8, end))
}

/// A year in digits at token `i` (1000-2199, four digits, nothing glued).
pub(crate) fn year_digits(g: &G, i: usize) -> Option<i32> {
    let t = g.tok(i)?;
    if t.kind != Kind::Num
        || t.ndig != 4
        || t.flags & (COMMA | DECIMAL | PLURAL | ORDINAL | AMPM) != 0
    {
        return None;
    }
    (1000..=2199).contains(&t.val).then_some(t.val as i32)
}

const TEENS: [&str; 3] = ["eighteen", "nineteen", "twenty"];

/// A year in words at token `i`: "nineteen ninety-six", "two thousand",
/// "two thousand and one". Returns (year, token after).
pub(crate) fn year_words(g: &G, i: usize) -> Option<(i32, usize)> {
    if let Some(k) = TEENS.iter().position(|w| g.word(i, w)) {
        let century = 1800 + 100 * k as i32;
        // The rest must be 10-99 in words.
        let (rest, end) = word_number(g, i + 1)?;
        let rest = rest as i32;
        if !(10..=99).contains(&rest) {
            return None;
        }
        return Some((century + rest, end));
    }
    if g.word(i, "two") && g.word(i + 1, "thousand") {
        let mut j = i + 2;
        let and = g.opt_word(j, "and");
        if let Some((rest, end)) = word_number(g, and)
            && rest < 100.0
        {
            return Some((2000 + rest as i32, end));
        }
        j = j.max(i + 2);
        return Some((2000, j));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::en::lexicon::lexicon;
    use crate::timex::en::token::{Tok, tokenize};

    fn with<R>(s: &str, f: impl FnOnce(&G) -> R) -> R {
        let mut toks: Vec<Tok> = Vec::new();
        tokenize(s, lexicon(), &mut toks);
        let g = G {
            text: s,
            toks: &toks,
            lex: lexicon(),
        };
        f(&g)
    }

    #[test]
    fn cardinals() {
        with("twenty-four hours", |g| {
            let c = card_at(g, 0).unwrap();
            assert_eq!(c.value, Some(24.0));
            assert_eq!(c.end, 3);
        });
        with("2 1/2 years", |g| {
            assert_eq!(card_at(g, 0).unwrap().value, Some(2.5))
        });
        with("a couple of years", |g| {
            assert_eq!(card_at(g, 0).unwrap().value, Some(2.0))
        });
        with("several days", |g| {
            assert_eq!(card_at(g, 0).unwrap().value, None)
        });
    }

    #[test]
    fn ordinals_and_days() {
        with("twenty-first", |g| assert_eq!(ord_at(g, 0), Some((21, 3))));
        with("13th", |g| assert_eq!(day_at(g, 0), Some((13, 1))));
        with("32", |g| assert_eq!(day_at(g, 0), None));
    }

    #[test]
    fn years_in_words() {
        with("nineteen ninety-six", |g| {
            assert_eq!(year_words(g, 0), Some((1996, 4)))
        });
        with("the year two thousand", |g| {
            assert_eq!(year_words(g, 2), Some((2000, 4)))
        });
        with("2,275", |g| assert_eq!(year_digits(g, 0), None));
    }
}
