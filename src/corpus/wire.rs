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

/// Shortest lede sentence (in words) read for an agency's self-reference.
const SELF_REFERENCE_MIN_WORDS: usize = 7;

/// An agency's self-reference closing its lede: "..., Ukrinform reports." or
/// "..., BelTA learned from ...". Only outlets the table knows count.
pub fn self_reference(line: &str) -> Option<&'static str> {
    // A lede is a whole sentence; a headline citing an outlet ("..., FT
    // reports") has no closing stop.
    if !line.trim_end().ends_with(['.', '"', '”'])
        || !(line.contains(" reports") || line.contains(" learned"))
        || line.split_whitespace().count() < SELF_REFERENCE_MIN_WORDS
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

/// A dateline whose credit follows or precedes a dash: "МОСКВА, 1 июл —
/// РИА Новости." (MOSCOW, 1 Jul — RIA Novosti), "Київ. 1 липня.
/// ІНТЕРФАКС-УКРАЇНА - ..." (Kyiv. 1 July. INTERFAX-UKRAINE -). Only
/// outlets the table knows count.
pub fn dash_dateline_credit(line: &str) -> Option<&'static str> {
    let t = line.trim_start_matches(['*', '_', '>', ' ', '#']);
    let (at, sep) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|s| t.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)?;
    if at > DATELINE_MAX_BYTES {
        return None;
    }
    let before = t[..at].trim();
    let after = &t[at + sep.len()..];
    // The credit after the dash, up to the stop that ends it.
    let credit_after = after
        .split_once(". ")
        .map_or(after.trim_end_matches('.'), |(c, _)| c);
    if dateline_lead(before)
        && crate::text::word_count_up_to(credit_after, CREDIT_MAX_WORDS + 1) <= CREDIT_MAX_WORDS
        && let Some(o) = outlets::named_exactly(credit_after.trim())
    {
        return Some(o);
    }
    // The credit closing the lead: "Київ. 1 липня. ІНТЕРФАКС-УКРАЇНА".
    let (lead, last) = before.rsplit_once(". ")?;
    let lead_ok = lead.chars().next().is_some_and(char::is_uppercase)
        && lead.split_whitespace().count() <= 6
        && lead.chars().any(|c| c.is_ascii_digit());
    (lead_ok && last.chars().any(char::is_uppercase))
        .then(|| outlets::named_exactly(last.trim_end_matches('.')))
        .flatten()
}

/// Longest place before a web dateline's credit, in words.
const WEB_LEAD_MAX_WORDS: usize = 4;

/// A web page's dateline, with the credit after the place and before a
/// dash and without brackets (the brackets of "(CNN) —" lost in
/// scraping): "Moscow CNN —" on a line of its own, or "Kyiv, Ukraine CNN —
/// Russian forces ...". The place is one to four capitalized words without
/// digits; when text follows the dash, the place must hold a comma (a
/// title-case headline "Minister Speaks To CNN — ..." is no dateline).
/// Only outlets the table knows count.
pub fn web_dateline_credit(line: &str) -> Option<&'static str> {
    let t = line
        .trim_start_matches(['*', '_', '>', ' ', '#'])
        .trim_end();
    let (before, ends_line) = match [" — ", " – ", " - "].iter().filter_map(|s| t.find(s)).min()
    {
        Some(at) => (&t[..at], false),
        None => (t.strip_suffix(['—', '–', '-'])?.strip_suffix(' ')?, true),
    };
    if before.len() > DATELINE_MAX_BYTES {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    (1..=CREDIT_MAX_WORDS.min(words.len().saturating_sub(1))).find_map(|k| {
        let (lead, credit) = words.split_at(words.len() - k);
        let lead_ok = lead.len() <= WEB_LEAD_MAX_WORDS
            && lead.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
            && (ends_line || lead.iter().any(|w| w.ends_with(',')));
        lead_ok
            .then(|| outlets::named_exactly(&credit.join(" ")))
            .flatten()
    })
}

/// The words of `s` split on whitespace, with the punctuation around each
/// (quotes, guillemets, stops, commas) trimmed off.
fn bare_words(s: &str) -> Vec<&str> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The known outlet spelled by the first one to four of `words` that stand
/// right before a word for which `ends` holds.
fn outlet_before(words: &[&str], ends: impl Fn(&[&str]) -> bool) -> Option<&'static str> {
    (1..=CREDIT_MAX_WORDS.min(words.len())).find_map(|k| {
        if !ends(&words[k..]) {
            return None;
        }
        outlets::named_exactly(&words[..k].join(" "))
    })
}

/// An outlet's invitation to follow it, anywhere in a line: "Читайте РБК в
/// Telegram." (Read RBC on Telegram), "Підписуйтесь на Суспільне у Viber"
/// (Subscribe to Suspilne on Viber). The cue words are data
/// (`[credits]` in `assets/outlets.toml`).
pub fn promo_credit(line: &str) -> Option<&'static str> {
    let cues = outlets::credit_cues();
    // Every place a promo verb starts, in the order of the verbs' list and
    // then of the line: one pass of an automaton built once.
    let mut found: Vec<(usize, usize)> = promo_verbs()
        .find_overlapping_iter(line)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    if found.is_empty() {
        return None;
    }
    found.sort_unstable();
    for (v, at) in found {
        let verb = &cues.promo_verbs[v];
        let before_ok = line[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &line[at + verb.len()..];
        if !before_ok || !rest.starts_with(' ') {
            continue;
        }
        let words = bare_words(rest);
        let found = outlet_before(&words, |tail| {
            tail.len() >= 2
                && cues.promo_prepositions.iter().any(|p| p == tail[0])
                && cues.promo_platforms.iter().any(|p| p == tail[1])
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// One automaton over the promo verbs of `assets/outlets.toml`.
fn promo_verbs() -> &'static aho_corasick::AhoCorasick {
    static AUTOMATON: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AUTOMATON.get_or_init(|| {
        aho_corasick::AhoCorasick::new(&outlets::credit_cues().promo_verbs)
            .unwrap_or_else(|e| panic!("assets/outlets.toml promo verbs do not compile: {e}"))
    })
}

/// The credit closing a Ukrainian or Russian lede's first sentence:
/// "..., повідомляє Укрінформ." (reports Ukrinform), "..., передает
/// корреспондент РБК." (an RBC correspondent reports). "как сообщает
/// ТАСС" (as TASS reports) cites another outlet and does not count.
pub fn lede_credit(line: &str) -> Option<&'static str> {
    let cues = outlets::credit_cues();
    let first = first_sentence(line);
    let words = bare_words(first);
    for (i, w) in words.iter().enumerate() {
        if !cues.credit_verbs.iter().any(|v| v == w) {
            continue;
        }
        if i == 0 || cues.citation_marks.iter().any(|m| m == words[i - 1]) {
            continue;
        }
        let mut rest = &words[i + 1..];
        while rest
            .first()
            .is_some_and(|f| cues.credit_fillers.iter().any(|c| c == f))
        {
            rest = &rest[1..];
        }
        if !rest.is_empty()
            && rest.len() <= CREDIT_MAX_WORDS
            && let Some(o) = outlets::named_exactly(&rest.join(" "))
        {
            return Some(o);
        }
    }
    None
}

/// A line up to the end of its first sentence (a stop, "!" or "?"
/// followed by a space and a capital, or the end).
fn first_sentence(line: &str) -> &str {
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'!' | b'?')
            && b.get(i + 1) == Some(&b' ')
            && line[i + 2..].chars().next().is_some_and(char::is_uppercase)
        {
            return &line[..i];
        }
    }
    line
}

/// A copyright line naming the outlet: "© 2025 Reuters", "2001—2022
/// Міністерство оборони України" (Ministry of Defence of Ukraine).
pub fn copyright_credit(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let mut rest = t;
    for p in ["Copyright", "©", "(c)", "(C)"] {
        rest = rest.trim_start().strip_prefix(p).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',')
    });
    let marked = rest.len() < t.len() && (t.contains('©') || t.starts_with(char::is_numeric));
    if !marked || rest.is_empty() {
        return None;
    }
    let name = rest.trim_end_matches(['.', ' ']);
    let name = name.split_once(". ").map_or(name, |(n, _)| n);
    outlets::named_exactly(name)
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
    fn a_short_lede_naming_its_agency() {
        assert_eq!(
            self_reference("The figures come from the regional police, Ukrinform reports."),
            Some("Ukrinform")
        );
    }

    #[test]
    fn web_datelines_without_brackets() {
        assert_eq!(web_dateline_credit("Odesa CNN —"), Some("CNN"));
        assert_eq!(web_dateline_credit("Tbilisi, Georgia CNN —"), Some("CNN"));
        assert_eq!(
            web_dateline_credit("Lviv, Ukraine CNN — Air raid sirens sounded at dawn."),
            Some("CNN")
        );
        assert_eq!(
            web_dateline_credit("Minister Speaks To CNN — An Exclusive Interview"),
            None,
            "a title-case headline"
        );
        assert_eq!(web_dateline_credit("Odesa 2024 CNN —"), None);
        assert_eq!(web_dateline_credit("Odesa Sunrise —"), None);
    }

    #[test]
    fn a_source_sign_off() {
        assert_eq!(source_line("Source: Reuters/ab"), Some("Reuters"));
        assert_eq!(
            source_line("Source: a diplomat who asked not to be named"),
            None
        );
    }

    #[test]
    fn cyrillic_datelines_with_a_dash() {
        // "MOSCOW, 1 Jul — RIA Novosti. The ministry said ..."
        assert_eq!(
            dash_dateline_credit(
                "МОСКВА, 1 июл — РИА Новости. Министерство заявило о переговорах."
            ),
            Some("RIA Novosti")
        );
        // "Kyiv. 1 July. INTERFAX-UKRAINE - Air defence worked overnight."
        assert_eq!(
            dash_dateline_credit("Київ. 1 липня. ІНТЕРФАКС-УКРАЇНА - Уночі працювала ППО."),
            Some("Interfax-Ukraine")
        );
        // "Kyiv - Kharkiv: the train runs again" is no dateline.
        assert_eq!(
            dash_dateline_credit("Київ - Харків: поїзд знову курсує."),
            None
        );
    }

    #[test]
    fn a_cyrillic_slash_dateline() {
        // "MOSCOW, 3 March. /TASS/. The ministry said the talks would go on."
        assert_eq!(
            dateline_credit(
                "МОСКВА, 3 марта. /ТАСС/. В министерстве заявили, что переговоры продолжатся."
            )
            .as_deref(),
            Some("TASS")
        );
    }

    #[test]
    fn an_invitation_to_follow_the_outlet() {
        // "... no threat to life. Read RBC on Telegram."
        assert_eq!(
            promo_credit("Угрозы жизни нет. Читайте РБК в Telegram."),
            Some("RBC")
        );
        // "Subscribe to Suspilne on Viber"
        assert_eq!(
            promo_credit("Підписуйтесь на Суспільне у Viber"),
            Some("Suspilne")
        );
        // "Read the details in the report" names no outlet.
        assert_eq!(promo_credit("Читайте подробности в отчете."), None);
    }

    #[test]
    fn a_lede_closing_with_its_outlet() {
        // "Air defence worked over Kyiv overnight, Ukrinform reports."
        assert_eq!(
            lede_credit("Уночі над Києвом працювала ППО, повідомляє Укрінформ. Далі текст."),
            Some("Ukrinform")
        );
        // "... an RBC correspondent reports."
        assert_eq!(
            lede_credit("Переговоры продолжатся в среду, передает корреспондент РБК."),
            Some("RBC")
        );
        // "..., as TASS reports." cites another outlet.
        assert_eq!(
            lede_credit("Переговоры продолжатся в среду, как сообщает ТАСС."),
            None
        );
    }

    #[test]
    fn a_copyright_line() {
        // "2001—2022 Ministry of Defence of Ukraine"
        assert_eq!(
            copyright_credit("2001—2022 Міністерство оборони України"),
            Some("Ministry of Defence of Ukraine")
        );
        assert_eq!(copyright_credit("© 2025 Reuters"), Some("Reuters"));
        assert_eq!(copyright_credit("Reuters"), None);
    }
}
