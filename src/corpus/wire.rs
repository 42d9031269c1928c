//! How news copy names its own outlet: wire datelines and credits
//! ("KYIV, Nov 17 (Reuters) -", "(CNN) —", "MOSCOW, December 26. /TASS/."),
//! headline suffixes ("... - BBC News", "... | Al Jazeera"), a byline that
//! names the outlet after the reporter ("Jane Roe, Associated Press"), and
//! the self-reference of agencies' ledes ("..., Ukrinform reports.").
//!
//! These are the conventions of wire and newspaper style (AP and Reuters
//! style guides; the agencies' own ledes). A dateline credit names the
//! outlet even when the table of known outlets does not list it; the
//! looser shapes count only for outlets the table knows.

use super::outlets;

/// Longest credit, in words, inside a dateline's brackets or slashes.
const CREDIT_MAX_WORDS: usize = 4;

/// Longest stretch before a dateline's credit (the city, region and date),
/// in bytes.
const DATELINE_MAX_BYTES: usize = 80;

/// The outlet a dateline credits at the start of a line: "(CNN) A brigade
/// ...", "KYIV, Nov 17 (Reuters) - ...", "MINSK, 26 February (BelTA) – ...",
/// "MOSCOW, December 26. /TASS/. ...". The credit is named as written
/// unless the outlet table knows it by another name.
pub fn dateline_credit(line: &str) -> Option<String> {
    let t = line.trim_start_matches(['*', '_', '>', ' ', '#']);
    let (before, credit, after) = bracketed(t, '(', ')').or_else(|| bracketed(t, '/', '/'))?;
    if !credit_shape(credit) {
        return None;
    }
    let lead_ok = before.trim().is_empty() || dateline_lead(before);
    let rest = after.trim_start_matches(['.', ' ']);
    let follows_ok = rest.starts_with(['-', '–', '—', ':'])
        || rest.chars().next().is_some_and(char::is_uppercase);
    (lead_ok && follows_ok).then(|| canonical(credit))
}

/// The first `open … close` pair within the dateline's reach: what comes
/// before it, inside it and after it.
fn bracketed(t: &str, open: char, close: char) -> Option<(&str, &str, &str)> {
    let at = t.find(open)?;
    if at > DATELINE_MAX_BYTES {
        return None;
    }
    let inner_start = at + open.len_utf8();
    let len = t[inner_start..].find(close)?;
    let inner = &t[inner_start..inner_start + len];
    Some((&t[..at], inner, &t[inner_start + len + close.len_utf8()..]))
}

/// A credit: one to four words, starting with a capital, without digits or
/// sentence punctuation ("Reuters", "AP", "BelTA", "Ukrinform").
fn credit_shape(credit: &str) -> bool {
    let words = credit.split_whitespace().count();
    (1..=CREDIT_MAX_WORDS).contains(&words)
        && credit.chars().next().is_some_and(char::is_uppercase)
        && !credit
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '?' | '!'))
        && !credit.contains('/')
}

/// The place-and-date lead of a dateline: it starts with a capitalized
/// word and holds a comma or a date ("KYIV, Nov 17", "CAPRI, Italy",
/// "MOSCOW, December 26.").
fn dateline_lead(before: &str) -> bool {
    let b = before.trim();
    b.chars().next().is_some_and(char::is_uppercase)
        && b.contains(',')
        && b.split_whitespace().count() <= 8
        && !b.ends_with(['"', '”'])
}

/// The table's name for a credit, or the credit itself.
fn canonical(credit: &str) -> String {
    let credit = credit.trim();
    outlets::named_exactly(credit)
        .map(str::to_owned)
        .unwrap_or_else(|| credit.to_owned())
}

/// Longest headline with a suffix, in words.
const TITLE_MAX_WORDS: usize = 40;

/// Separators between a headline and the outlet's name after it.
const SUFFIX_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — "];

/// Longest line (bytes) read as a headline with a suffix.
const TITLE_MAX_BYTES: usize = 400;

/// A headline's outlet suffix: the byte offset where the separator starts
/// and the outlet ("... - The Guardian", "... | Reuters"). After a dash
/// only an outlet the table knows counts (a dash also joins a headline's
/// own clauses); after a bar any short capitalized name does.
pub fn title_suffix(title: &str) -> Option<(usize, String)> {
    let title = title.trim_end();
    // A headline of TITLE_MAX_WORDS words fits well within this many bytes.
    if title.len() > TITLE_MAX_BYTES || !title.contains(['|', '-', '–', '—']) {
        return None;
    }
    if crate::text::word_count_up_to(title, TITLE_MAX_WORDS + 1) > TITLE_MAX_WORDS {
        return None;
    }
    let (at, sep) = SUFFIX_SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| (i, *s)))
        .max_by_key(|(i, _)| *i)?;
    let name = title[at + sep.len()..].trim();
    if name.is_empty() || at == 0 {
        return None;
    }
    if let Some(known) = outlets::named_exactly(name) {
        return Some((at, known.to_owned()));
    }
    let short = name.split_whitespace().count() <= CREDIT_MAX_WORDS
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.ends_with(['.', '?', '!', ':']);
    (sep == " | " && short).then(|| (at, name.to_owned()))
}

/// A byline that names the outlet after the reporter: a short line of
/// comma-separated parts, one of which is a known outlet ("JANE ROE,
/// Associated Press").
pub fn byline_credit(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.ends_with('.') || !t.contains(',') || crate::text::word_count_up_to(t, 13) > 12 {
        return None;
    }
    t.split(',')
        .skip(1)
        .find_map(|part| outlets::named_exactly(part.trim()))
}

/// A sign-off naming the source of the copy: "Source: Reuters/ab" (the
/// desk's initials after the slash). Only outlets the table knows count.
pub fn source_line(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let rest = t
        .strip_prefix("Source:")
        .or_else(|| t.strip_prefix("Sources:"))?;
    if rest.split_whitespace().count() > 3 {
        return None;
    }
    outlets::named_exactly(rest.split('/').next()?.trim())
}

/// An agency's self-reference closing its lede: "..., Ukrinform reports." or
/// "..., BelTA learned from ...". Only outlets the table knows count.
pub fn self_reference(line: &str) -> Option<&'static str> {
    // A lede is a whole sentence; a headline citing an outlet ("..., FT
    // reports") has no closing stop.
    if !line.trim_end().ends_with(['.', '"', '”'])
        || !(line.contains(" reports") || line.contains(" learned"))
        || line.split_whitespace().count() < 10
    {
        return None;
    }
    for verb in [
        " reports",
        " learned",
        " has learned",
        " correspondent reports",
    ] {
        for (at, _) in line.match_indices(verb) {
            let head = &line[..at];
            let start = head.rfind([',', '.', ';']).map_or(0, |i| i + 1);
            let name = head[start..].trim();
            if name.split_whitespace().count() > CREDIT_MAX_WORDS || name.is_empty() {
                continue;
            }
            let after = line[at + verb.len()..].chars().next();
            if !after.is_none_or(|c| matches!(c, '.' | ' ' | ',')) {
                continue;
            }
            if let Some(o) = outlets::named_exactly(name.trim_start_matches("the ")) {
                return Some(o);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_credit_their_outlet() {
        for (line, want) in [
            (
                "ODESA, March 3 (Reuters) - Drones struck the port overnight.",
                "Reuters",
            ),
            ("(CNN) A convoy reached the city on Monday.", "CNN"),
            (
                "LVIV, Ukraine (AP) — Sirens sounded across the west.",
                "Associated Press",
            ),
            (
                "MOSCOW, March 3. /TASS/. The ministry said the talks would go on.",
                "TASS",
            ),
            (
                "VILNIUS, 4 March (Baltic Wire) – Ministers met in the capital.",
                "Baltic Wire",
            ),
        ] {
            assert_eq!(dateline_credit(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn brackets_in_ordinary_sentences_are_no_credit() {
        for line in [
            "The ministry (which had denied it) confirmed the strike.",
            "Officials said (on Monday) that the bridge was closed.",
            "\"We will hold,\" he said (Reuters) in an interview.",
            "Shelling hit 12 towns (see map) overnight.",
        ] {
            assert_eq!(dateline_credit(line), None, "{line}");
        }
    }

    #[test]
    fn headline_suffixes() {
        assert_eq!(
            title_suffix("Strikes resume near the river - The Guardian"),
            Some((29, "The Guardian".to_owned()))
        );
        assert_eq!(
            title_suffix("Talks in Geneva | Harbour Post").map(|s| s.1),
            Some("Harbour Post".to_owned())
        );
        assert_eq!(title_suffix("Ceasefire holds - for now"), None);
        assert_eq!(title_suffix("Kyiv - Kharkiv train resumes"), None);
    }

    #[test]
    fn bylines_with_the_outlet_after_the_name() {
        assert_eq!(
            byline_credit("JANE ROE , Associated Press, Associated Press"),
            Some("Associated Press")
        );
        assert_eq!(byline_credit("Jane Roe, Kyiv"), None);
    }

    #[test]
    fn an_agency_naming_itself_in_its_lede() {
        assert_eq!(
            self_reference("Drones hit a depot near the border overnight, Ukrinform reports."),
            Some("Ukrinform")
        );
        assert_eq!(
            self_reference("Parliament will vote on Friday, the ministry reports."),
            None
        );
        assert_eq!(
            self_reference("Leaders to discuss the grain deal in talks next week, FT reports"),
            None,
            "a headline citing an outlet"
        );
    }

    #[test]
    fn a_source_sign_off() {
        assert_eq!(source_line("Source: Reuters/ab"), Some("Reuters"));
        assert_eq!(
            source_line("Source: a diplomat who asked not to be named"),
            None
        );
    }
}
