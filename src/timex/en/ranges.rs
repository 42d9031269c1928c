//! Ranges across two expressions: "from January to mid-June, 2024",
//! "between 2012 and 2014", "March 3 - April 2". The two ends stay two
//! expressions; the opening one learns the closing one's year when it has
//! none of its own.

use super::grammar::{G, Hit, Match};
use crate::timex::sem::Sem;

/// Whether the tokens `a..b` are one range connector, given what precedes
/// the opening expression.
fn connector(g: &G, opener_start: usize, a: usize, b: usize) -> bool {
    if b != a + 1 {
        return false;
    }
    let from = opener_start > 0 && g.word_in(opener_start - 1, &["from", "between"]);
    if g.word(a, "and") {
        return opener_start > 0 && g.word(opener_start - 1, "between");
    }
    if g.punct(a, '-') {
        return true;
    }
    g.word_in(a, &["to", "until", "till", "through", "thru"]) && from
}

fn is_date(m: &Match) -> bool {
    matches!(m.sem, Sem::Date { .. } | Sem::Period { .. })
}

/// Gives the opener of a range the closer's year when it lacks one (and
/// with it the closer's standing: a stated year is explicit for both).
fn share_year(a: &mut Match, b: &Match) {
    let Sem::Date {
        year: Some(yb),
        month: mb,
        ..
    } = b.sem
    else {
        return;
    };
    if let Sem::Date {
        year: ref mut ya @ None,
        month: Some(ma),
        ..
    } = a.sem
    {
        let y = match mb {
            Some(mb) if ma > mb => yb - 1,
            _ => yb,
        };
        *ya = Some(y);
        // "October to December 2024": the year is stated, for both ends.
        a.explicit = b.explicit;
    }
}

/// Links neighbouring expressions into ranges.
pub(crate) fn link(g: &G, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut it = hits.into_iter().peekable();
    while let Some(h) = it.next() {
        let Hit::One(mut a) = h else {
            out.push(h);
            continue;
        };
        if let Some(Hit::One(b)) = it.peek()
            && is_date(&a)
            && is_date(b)
            && connector(g, a.start, a.end, b.start)
        {
            let b = b.clone();
            it.next();
            share_year(&mut a, &b);
            out.push(Hit::Range(a, b));
            continue;
        }
        if let Some(Hit::One(b)) = it.peek() {
            list_year(g, &mut a, b);
        }
        out.push(Hit::One(a));
    }
    out
}

/// "in August and September 2024", "in May or June 2023": a month of a list
/// takes the year the last month of the list states (two expressions, two
/// dates, not a range).
fn list_year(g: &G, a: &mut Match, b: &Match) {
    if b.start != a.end + 1 || !g.word_in(a.end, &["and", "or"]) {
        return;
    }
    let Sem::Date {
        year: Some(yb),
        month: Some(_),
        day: None,
        ..
    } = b.sem
    else {
        return;
    };
    let month = match a.sem {
        Sem::Date {
            year: None,
            month: Some(m),
            day: None,
            ..
        } => m,
        Sem::Month {
            month,
            pick: crate::timex::sem::Pick::Plain,
            yoff: None,
        } => month,
        _ => return,
    };
    a.sem = Sem::Date {
        year: Some(yb),
        month: Some(month),
        day: None,
        tod: None,
    };
    a.explicit = b.explicit;
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    #[test]
    fn a_month_of_a_list_takes_the_year_of_the_last() {
        let f = found("Talks stalled in October and November 2023.", (2025, 6, 1));
        assert_eq!(f[0], ("October".into(), "2023-10".into()));
        assert_eq!(f[1], ("November 2023".into(), "2023-11".into()));
        let f = found("They met in May or June 2021.", (2025, 6, 1));
        assert_eq!(f[0].1, "2021-05");
        // Not a list: the month keeps its own reading.
        let f = found(
            "They met in May, and in June 2021 they split.",
            (2025, 6, 1),
        );
        assert_eq!(f[0].1, "2025-05");
    }
}
