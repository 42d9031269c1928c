//! The token view of the East Slavic rules: the tokens with the word tables
//! and the small readers the rules are built from (a number that stands
//! alone, a year with its word, a day of a month in words or figures, a clock
//! time). Like the rules, it names word classes only.

use crate::timex::sem::Sem;
use crate::timex::words::{Kind, Table, Tok};

/// The token view the rules work on: the tokens and the word tables, the
/// document's language first.
pub(crate) struct G<'a> {
    /// The tokens.
    pub toks: &'a [Tok],
    /// Word tables, the document's language first.
    pub tables: &'a [&'static Table],
}

/// One expression found: tokens `start..end`, its meaning and whether it
/// states its year.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct M {
    /// First token.
    pub start: usize,
    /// Token past the last.
    pub end: usize,
    /// The meaning.
    pub sem: Sem,
}

/// What a rule found: one expression, or the two ends of a range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Hit {
    /// One expression.
    One(M),
    /// A range ("from ... to ...").
    Range(M, M),
}

impl Hit {
    /// Token past the hit.
    pub(crate) fn end(&self) -> usize {
        match self {
            Hit::One(m) | Hit::Range(_, m) => m.end,
        }
    }
}

/// A day of a month: (token past it, day, month, year).
pub(crate) type Dm = (usize, u8, u8, Option<i32>);

impl G<'_> {
    /// The longest form of `class` at token `i`, end and value.
    pub(crate) fn at(&self, i: usize, class: &str) -> Option<(usize, &'static str)> {
        self.tables
            .iter()
            .find_map(|t| t.at(self.toks, i, class))
            .map(|f| (f.end, f.value))
    }

    pub(crate) fn is(&self, i: usize, class: &str) -> bool {
        self.at(i, class).is_some()
    }

    /// The number at `i` and its digit count.
    pub(crate) fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) => Some((n, self.toks[i].norm.len())),
            _ => None,
        }
    }

    /// Whether token `i` is the mark `c`.
    pub(crate) fn mark(&self, i: usize, c: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Mark && t.norm == c)
    }

    /// Whether token `i` is glued to the one before it (no space).
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    /// Whether token `i` is a dash of a range ("1–2", "1940-1942").
    pub(crate) fn dash(&self, i: usize) -> bool {
        self.mark(i, "-") || self.mark(i, "–") || self.mark(i, "—")
    }

    /// A number that stands alone: not glued to a letter, digit or hyphen
    /// before it ("Су-34", "А1476"), nor to a letter after it.
    pub(crate) fn free_num(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.num(i)?;
        if i > 0 && self.glued(i) {
            let prev = &self.toks[i - 1];
            // "1940-1942" is a range; "Су-34", "А1476", "3.5" are not free.
            let range = prev.norm == "-" && i >= 2 && self.num(i - 2).is_some();
            if !range
                && (prev.kind != Kind::Mark
                    || prev.norm == "-"
                    || prev.norm == "."
                    || prev.norm == ",")
            {
                return None;
            }
        }
        if self.glued(i + 1) && self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        Some(n)
    }

    /// A year number (four digits, 1000-2100) at `i`: (year, token past it).
    pub(crate) fn year_num(&self, i: usize) -> Option<i32> {
        let (y, len) = self.free_num(i)?;
        (len == 4 && (1000..=2100).contains(&y)).then_some(y as i32)
    }

    /// The word "year" (any case, abbreviated with its dot) at `i`: token past it.
    pub(crate) fn year_word(&self, i: usize) -> Option<usize> {
        let (end, _) = self.at(i, "year")?;
        Some(
            if self.mark(end, ".") && self.toks[end - 1].norm.chars().count() <= 2 {
                end + 1
            } else {
                end
            },
        )
    }

    /// A year with its word at `i`: "2025 року", "2025 г.", "2022-му".
    pub(crate) fn year(&self, i: usize) -> Option<(usize, i32)> {
        let y = self.year_num(i)?;
        if let Some(end) = self.year_word(i + 1) {
            return Some((end, y));
        }
        if self.mark(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2) {
            let (end, _) = self.at(i + 2, "suffix")?;
            return Some((end, y));
        }
        None
    }

    /// A day of a month in words at `i`: "13 лютого [2025 року]", "1-го июля".
    pub(crate) fn day_month(&self, i: usize) -> Option<Dm> {
        let (d, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.mark(j, "-") && self.glued(j) && self.glued(j + 1) && self.is(j + 1, "suffix") {
            j = self.at(j + 1, "suffix")?.0;
        } else if self.free_num(i).is_none() {
            return None;
        }
        if self.toks.get(j).is_some_and(|t| t.sent) {
            return None;
        }
        let (end, m) = self.at(j, "month")?;
        let m: u8 = m.parse().ok()?;
        Some(
            match self
                .year(end)
                .or_else(|| self.year_num(end).map(|y| (end + 1, y)))
            {
                Some((e, y)) => (e, d as u8, m, Some(y)),
                None => (end, d as u8, m, None),
            },
        )
    }

    /// A day and month in figures at `i`: "14.02.2025" ("14.02" only with
    /// `yearless`, inside a range).
    pub(crate) fn numeric(&self, i: usize, yearless: bool) -> Option<Dm> {
        let (d, dl) = self.free_num(i)?;
        if !(1..=31).contains(&d) || dl > 2 || !self.mark(i + 1, ".") || !self.glued(i + 1) {
            return None;
        }
        let (m, ml) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        if !(1..=12).contains(&m) || ml != 2 {
            return None;
        }
        if self.mark(i + 3, ".") && self.glued(i + 3) && self.glued(i + 4) {
            let (y, yl) = self.num(i + 4)?;
            if !(yl == 4 || yl == 2 && dl == 2)
                || self.mark(i + 5, ".") && self.glued(i + 5) && self.num(i + 6).is_some()
            {
                return None;
            }
            // "24.02.22": a two-digit year is of this century.
            let y = if yl == 2 { 2000 + y } else { y };
            let end = self.year_word(i + 5).unwrap_or(i + 5);
            return Some((end, d as u8, m as u8, Some(y as i32)));
        }
        (yearless && dl == 2 && !(self.mark(i + 3, ".") && self.num(i + 4).is_some())).then_some((
            i + 3,
            d as u8,
            m as u8,
            None,
        ))
    }

    /// Either kind of day of a month.
    pub(crate) fn any_day(&self, i: usize, yearless: bool) -> Option<Dm> {
        self.day_month(i).or_else(|| self.numeric(i, yearless))
    }

    /// A clock time "08:00" at `i`: (token past it, hour, minute).
    pub(crate) fn clock(&self, i: usize) -> Option<(usize, u8, u8)> {
        let (h, hl) = self.free_num(i)?;
        if hl > 2 || h > 24 || !self.mark(i + 1, ":") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (m, ml) = self.num(i + 2)?;
        if ml != 2 || m > 59 {
            return None;
        }
        let end = self.at(i + 3, "zone").map_or(i + 3, |(e, _)| e);
        Some((end, h as u8, m as u8))
    }
}
