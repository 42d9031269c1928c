//! Dates written the way machines and continental writers do: day-first
//! dotted dates (`14.02.2025`, `24.02.22`) and ISO 8601 date-times with a
//! `T`, seconds, fractions and a zone (`2025-02-13T18:26:00Z`,
//! `2025-02-13T18:26:00.123+02:00`), each one expression.

use super::grammar::{G, Match};
use super::token::{DECIMAL, Kind};
use crate::timex::sem::{Sem, Tod};

/// Whether token `i` opens a day-first dotted date: a number read as
/// `DD.MM` with a glued `.` and a glued number after it.
pub(crate) fn opens_dotted(g: &G, i: usize) -> bool {
    g.tok(i)
        .is_some_and(|t| t.kind == Kind::Num && t.has(DECIMAL))
        && g.punct(i + 1, '.')
        && g.glued(i + 1)
        && g.glued(i + 2)
        && g.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
}

/// "14.02.2025", "24.02.22": day, month and year, day first. A two-digit
/// year is of this century below 50, else of the last.
pub(crate) fn dotted(g: &G, i: usize) -> Option<Match> {
    if !opens_dotted(g, i) {
        return None;
    }
    let (d, m) = g.text_of(i).split_once('.')?;
    if d.len() > 2 || m.len() != 2 {
        return None;
    }
    let (d, m): (u8, u8) = (d.parse().ok()?, m.parse().ok()?);
    let yt = g.tok(i + 2)?;
    if yt.has(DECIMAL)
        || g.tok(i + 3)
            .is_some_and(|t| g.glued(i + 3) && t.kind != Kind::Punct)
    {
        return None;
    }
    // "1.02.3.4": a version number, not a date.
    if g.punct(i + 3, '.') && g.glued(i + 3) && g.glued(i + 4) {
        return None;
    }
    let year = match yt.ndig {
        4 => yt.val as i32,
        2 if yt.val < 50 => 2000 + yt.val as i32,
        2 => 1900 + yt.val as i32,
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2199).contains(&year) {
        return None;
    }
    Some(Match::new(
        i,
        i + 3,
        Sem::Date {
            year: Some(year),
            month: Some(m),
            day: Some(d),
            tod: None,
        },
    ))
}

/// Two ASCII digits as a number.
fn two_digits(s: &str) -> Option<u8> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The day and clock of an ISO date-time from its day token (`13T18`) on:
/// (day, hour, minute, token after the seconds, fraction and zone).
pub(crate) fn iso_day_time(g: &G, k: usize) -> Option<(u8, u8, u8, usize)> {
    let t = g.tok(k)?;
    if t.kind != Kind::Mixed || !g.glued(k) {
        return None;
    }
    let (d, h) = g.text_of(k).split_once(['T', 't'])?;
    let (d, h) = (two_digits(d)?, two_digits(h)?);
    if !(g.punct(k + 1, ':') && g.glued(k + 1) && g.glued(k + 2)) {
        return None;
    }
    // Minutes, maybe with a glued zone letter ("26Z").
    let mt = g.text_of(k + 2);
    let min = two_digits(mt.trim_end_matches(['Z', 'z']))?;
    if h > 24 || min > 59 || !(1..=31).contains(&d) {
        return None;
    }
    let mut e = k + 3;
    // Seconds, a fraction ("00.123" is one number) and a zone letter.
    if g.punct(e, ':') && g.glued(e) && g.glued(e + 1) && g.tok(e + 1).is_some_and(|t| t.ndig == 2)
    {
        e += 2;
    }
    if g.word(e, "Z") && g.glued(e) {
        e += 1;
    }
    // An offset: "+02:00", "-0500".
    if (g.punct(e, '+') || g.punct(e, '-'))
        && g.glued(e)
        && g.glued(e + 1)
        && g.tok(e + 1).is_some_and(|t| t.kind == Kind::Num)
    {
        e += 2;
        if g.punct(e, ':') && g.glued(e) && g.glued(e + 1) {
            e += 2;
        }
    }
    Some((d, h, min, e))
}

/// Builds the date-time meaning of an ISO date-time.
pub(crate) fn iso_sem(y: i32, m: u8, d: u8, h: u8, min: u8) -> Sem {
    Sem::Date {
        year: Some(y),
        month: Some(m),
        day: Some(d),
        tod: Some(Tod::Clock(h, min)),
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    #[test]
    fn day_first_dotted_dates() {
        let f = found("Talks resumed on 14.02.2025 in Minsk.", (2025, 3, 1));
        assert_eq!(f, [("14.02.2025".into(), "2025-02-14".into())]);
        let f = found("The order is dated 24.02.22, officials said.", (2025, 3, 1));
        assert_eq!(f, [("24.02.22".into(), "2022-02-24".into())]);
    }

    #[test]
    fn decimals_and_versions_are_no_dates() {
        assert!(found("Prices rose 14.02 percent.", (2025, 3, 1)).is_empty());
        assert!(found("Install version 1.02.3.4 first.", (2025, 3, 1)).is_empty());
    }

    #[test]
    fn an_iso_date_time_is_one_expression() {
        let f = found("Changed 2024-11-05T07:45:00Z by the desk.", (2025, 3, 1));
        assert_eq!(
            f,
            [("2024-11-05T07:45:00Z".into(), "2024-11-05T07:45".into())]
        );
        let f = found("Stamp 2024-11-05T07:45:00.250+02:00 here.", (2025, 3, 1));
        assert_eq!(
            f,
            [(
                "2024-11-05T07:45:00.250+02:00".into(),
                "2024-11-05T07:45".into()
            )]
        );
        let f = found("At 2024-11-05T07:45Z the alert ended.", (2025, 3, 1));
        assert_eq!(f, [("2024-11-05T07:45Z".into(), "2024-11-05T07:45".into())]);
    }
}
