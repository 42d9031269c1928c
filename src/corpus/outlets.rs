//! The table of known news outlets (`assets/outlets.toml`, compiled in) and
//! the rules that name an article's outlet from its text.
//!
//! An outlet counts only where a page brands itself: a URL of its domain, a
//! logo or masthead line starting with its name, a byline naming it, or a
//! sign-off line. A name inside a sentence ("the Financial Times reported")
//! is a citation, not the page's own outlet, and does not count.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{self_promo, wire};
use crate::text::lines::edge_lines;
use crate::text::word_count_up_to;

const TABLE: &str = include_str!("../../assets/outlets.toml");

/// One known outlet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// Display name.
    pub name: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Web domains.
    #[serde(default)]
    pub domains: Vec<String>,
    /// A body whose name is also a sentence's subject ("Міноборони
    /// повідомило ..."): a line is its logo only when it is the name alone.
    #[serde(default)]
    pub whole_line_only: bool,
}

/// The words around an outlet's name in its own credits, from the same
/// file: how Ukrainian and Russian copy names its outlet inside prose.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditCues {
    /// Openings of an invitation to follow the outlet ("Читайте",
    /// "Подписывайтесь на"): the outlet's name follows.
    pub promo_verbs: Vec<String>,
    /// Prepositions between the name and the platform ("в", "у", "на").
    pub promo_prepositions: Vec<String>,
    /// Platforms an outlet invites readers to ("Telegram", "Viber").
    pub promo_platforms: Vec<String>,
    /// Verbs of a lede's closing credit, before the outlet ("...,
    /// повідомляє Укрінформ.", "..., передает ТАСС.").
    pub credit_verbs: Vec<String>,
    /// Words between such a verb and the outlet ("кореспондент").
    pub credit_fillers: Vec<String>,
    /// Words before such a verb that make it a citation of another outlet
    /// ("как сообщает ТАСС", "як повідомляє").
    pub citation_marks: Vec<String>,
    /// Openings of an English promotion of the page's own outlet, lower
    /// case ("click", "sign up", "more"): see [`super::self_promo`].
    pub house_promo_openers: Vec<String>,
    /// What an outlet promotes, lower case ("app", "newsletter", "main
    /// page"): its name before one of them is the page's own.
    pub house_products: Vec<String>,
    /// Openings of a sentence sending readers on to the outlet ("read",
    /// "you can read"): "... on <outlet>." closing it is the page's own.
    pub read_openers: Vec<String>,
    /// Words before the outlet closing such a sentence ("on", "at").
    pub read_prepositions: Vec<String>,
    /// Words by which a promotion speaks for the outlet ("our", "us"): an
    /// @handle in it is the outlet's own.
    pub house_first_person: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    outlet: Vec<Outlet>,
    credits: CreditCues,
}

fn parsed() -> &'static Table {
    static TABLE_DATA: OnceLock<Table> = OnceLock::new();
    TABLE_DATA.get_or_init(|| {
        toml::from_str::<Table>(TABLE)
            .unwrap_or_else(|e| panic!("assets/outlets.toml is invalid: {e}"))
    })
}

/// The built-in outlet table.
pub fn table() -> &'static [Outlet] {
    &parsed().outlet
}

/// The credit cue words of the built-in table.
pub fn credit_cues() -> &'static CreditCues {
    &parsed().credits
}

/// Lower-case letters and digits only: how brand strings are compared.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Longest line (in words) that may be a logo, masthead or sign-off.
const BRAND_LINE_MAX_WORDS: usize = 8;

/// Longest byline (in words).
const BYLINE_MAX_WORDS: usize = 12;

/// Longest line (in words) worth comparing with the brand strings.
const LONGEST_BRAND_OR_BYLINE: usize = if BYLINE_MAX_WORDS > BRAND_LINE_MAX_WORDS + 4 {
    BYLINE_MAX_WORDS
} else {
    BRAND_LINE_MAX_WORDS + 4
};

/// Each outlet's name and aliases in compact form, longest first, in the
/// order of [`table`]; built once.
fn brand_keys() -> &'static [Vec<String>] {
    static KEYS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        table()
            .iter()
            .map(|o| {
                let mut k: Vec<String> = std::iter::once(&o.name)
                    .chain(&o.aliases)
                    .map(|s| compact(s))
                    .filter(|s| s.len() >= 2)
                    .collect();
                k.sort_by_key(|s| std::cmp::Reverse(s.len()));
                k
            })
            .collect()
    })
}

/// Lines from the top of a page in which a headline with an outlet suffix
/// may stand.
const HEADLINE_LINES: usize = 20;

/// Lines from the top of a body in which a dateline, a credit or an
/// agency's self-reference names the outlet.
const CREDIT_LINES: usize = 12;

/// The brand keys (outlet index, compact key) whose first two characters
/// open `line_key`, from an index built once over [`brand_keys`].
fn brands_opening(line_key: &str) -> &'static [(usize, String)] {
    static INDEX: OnceLock<rustc_hash::FxHashMap<String, Vec<(usize, String)>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map: rustc_hash::FxHashMap<String, Vec<(usize, String)>> = Default::default();
        for (i, ks) in brand_keys().iter().enumerate() {
            for k in ks {
                map.entry(k.chars().take(2).collect())
                    .or_default()
                    .push((i, k.clone()));
            }
        }
        map
    });
    let head: String = line_key.chars().take(2).collect();
    index.get(&head).map_or(&[], Vec::as_slice)
}

/// Names the outlet of an article from its text, if the text brands itself.
///
/// Signs, strongest first: a wire dateline's credit ("KYIV, Nov 17
/// (Reuters) -": a wire story carried by another site is the wire's); a
/// headline's outlet suffix; an agency's self-reference in its lede; a
/// URL of a known domain on a line of its own; a logo, masthead, byline or
/// sign-off line. A dateline credit is named as written even when the
/// outlet table does not know it.
pub fn infer(text: &str) -> Option<String> {
    let outlets = table();
    let mut score = vec![0u32; outlets.len()];
    let mut first_seen = vec![usize::MAX; outlets.len()];
    let mut unknown_credit: Option<String> = None;
    let index_of = |name: &str| outlets.iter().position(|o| o.name == name);
    let mut note = |i: usize, weight: u32, at: usize| {
        score[i] += weight;
        first_seen[i] = first_seen[i].min(at);
    };
    let mut prose_lines = 0;
    for (line_no, (_, line)) in edge_lines(text).into_iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if prose_lines < CREDIT_LINES {
            if word_count_up_to(t, 6) > 5 {
                prose_lines += 1;
            }
            if let Some(credit) = wire::dateline_credit(t) {
                match index_of(&credit) {
                    Some(i) => note(i, 8, line_no),
                    None => {
                        unknown_credit.get_or_insert(credit);
                    }
                }
            }
            if let Some(name) = wire::dash_dateline_credit(t)
                .or_else(|| wire::web_dateline_credit(t))
                .and_then(&index_of)
            {
                note(name, 8, line_no);
            }
            if let Some(name) = wire::self_reference(t)
                .or_else(|| wire::byline_credit(t))
                .or_else(|| wire::lede_credit(t))
                && let Some(i) = index_of(name)
            {
                note(i, 4, line_no);
            }
            if line_no < HEADLINE_LINES
                && let Some((_, name)) = wire::title_suffix(t)
                && let Some(i) = index_of(&name)
            {
                note(i, 5, line_no);
            }
        }
        if let Some(name) = wire::source_line(t)
            .or_else(|| wire::promo_credit(t))
            .or_else(|| wire::copyright_credit(t))
            .or_else(|| self_promo::house_promo(t))
            .or_else(|| self_promo::staff_credit(t))
            && let Some(i) = index_of(name)
        {
            note(i, 4, line_no);
        }
        for i in bare_domains(t) {
            note(i, 1, line_no);
        }
        for host in url_hosts(t) {
            let whole_line = t.trim_matches(['<', '>']).starts_with("http") && !t.contains(' ');
            for (i, o) in outlets.iter().enumerate() {
                if o.domains
                    .iter()
                    .any(|d| host == *d || host.ends_with(&format!(".{d}")))
                {
                    note(i, if whole_line { 3 } else { 1 }, line_no);
                }
            }
        }
        // Only short lines can be a brand line or a byline.
        let words = word_count_up_to(t, LONGEST_BRAND_OR_BYLINE + 1);
        if words > LONGEST_BRAND_OR_BYLINE {
            continue;
        }
        let lower = t.to_lowercase();
        if lower.contains("contributed") {
            continue;
        }
        let line_key = compact(t);
        let byline =
            (lower.starts_with("by ") || lower.starts_with("by[")) && words <= BYLINE_MAX_WORDS;
        // Only brands that share the line's first two letters can start it.
        let mut noted = Vec::new();
        for &(i, ref k) in brands_opening(&line_key) {
            let starts = !outlets[i].whole_line_only
                && line_key.starts_with(k.as_str())
                && brand_prefix(t, k);
            let whole = words <= BRAND_LINE_MAX_WORDS && *k == line_key;
            if (whole || starts) && !noted.contains(&i) {
                noted.push(i);
                note(i, 2, line_no);
            }
        }
        if byline {
            for i in brands_in_words(t) {
                if !noted.contains(&i) {
                    note(i, 2, line_no);
                }
            }
        }
    }
    let best = (0..outlets.len())
        .filter(|&i| score[i] > 0)
        .max_by_key(|&i| (score[i], std::cmp::Reverse(first_seen[i])));
    match (best, unknown_credit) {
        (Some(i), Some(credit)) if score[i] < 8 => Some(credit),
        (Some(i), _) => Some(outlets[i].name.clone()),
        (None, credit) => credit,
    }
}

/// The known outlet whose name or alias a value is, compared without case,
/// spaces or punctuation ("the associated press" is Associated Press).
pub fn named_exactly(value: &str) -> Option<&'static str> {
    if value.len() > 60 {
        return None;
    }
    let key = compact(value);
    exact_keys().get(&key).map(|&i| table()[i].name.as_str())
}

/// Every outlet's compact name and aliases, to its index in [`table`].
fn exact_keys() -> &'static rustc_hash::FxHashMap<String, usize> {
    static EXACT: OnceLock<rustc_hash::FxHashMap<String, usize>> = OnceLock::new();
    EXACT.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for (i, ks) in brand_keys().iter().enumerate() {
            for k in ks {
                map.entry(k.clone()).or_insert(i);
            }
        }
        map
    })
}

/// The outlet of a web address: the table's outlet for its domain (a
/// subdomain counts), else the host itself without `www.` and without a
/// `feeds.`/`rss.` prefix ("globalsecurity.org"), which is how readers name
/// a site nobody has listed. `None` when `url` is no `http(s)://` address.
pub fn of_url(url: &str) -> Option<String> {
    let host = url_hosts(url.trim()).into_iter().next()?;
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    if let Some(o) = table().iter().find(|o| {
        o.domains
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    }) {
        return Some(o.name.clone());
    }
    let bare = ["feeds.", "feed.", "rss.", "m.", "amp."]
        .iter()
        .fold(host.as_str(), |h, p| h.strip_prefix(p).unwrap_or(h));
    Some(bare.to_owned())
}

/// The known outlet that a short value names or starts with ("ISW Russia
/// Team" names the Institute for the Study of War): the brand must end a
/// word. Used for metadata fields (author, categories) that may hold it.
pub fn named(value: &str) -> Option<&'static str> {
    let key = compact(value);
    if key.is_empty() {
        return None;
    }
    table()
        .iter()
        .zip(brand_keys())
        .find(|(_, ks)| {
            ks.iter()
                .any(|k| key.starts_with(k.as_str()) && brand_prefix(value, k))
        })
        .map(|(o, _)| o.name.as_str())
}

/// The outlets whose name or alias a run of whole words of `line` spells
/// ("Moscow Times" in "By Moscow Times Reporter", but not "ft" in "Kraft"),
/// as indexes into [`table`].
fn brands_in_words(line: &str) -> Vec<usize> {
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '&' && c != '-')
        .map(compact)
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        let mut joined = String::new();
        for w in words[i..].iter().take(BRAND_MAX_WORDS) {
            joined.push_str(w);
            if let Some(&o) = exact_keys().get(&joined)
                && !out.contains(&o)
            {
                out.push(o);
            }
        }
    }
    out
}

/// Longest outlet name or alias, in words.
const BRAND_MAX_WORDS: usize = 6;

/// Whether the line begins with the brand itself and not with a longer word
/// that happens to start with the same letters ("APple" for "AP"): the brand's
/// last letter must end a word, or run straight into a capitalized word
/// ("The Kyiv IndependentVolodymyr", a credit glued to the masthead).
fn brand_prefix(line: &str, key: &str) -> bool {
    let mut seen = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            seen += c.to_lowercase().count();
            if seen >= key.chars().count() {
                return match chars.peek() {
                    None => true,
                    Some(&next) => {
                        !next.is_alphanumeric() || (c.is_lowercase() && next.is_uppercase())
                    }
                };
            }
        }
    }
    false
}

/// The outlets whose domain stands in a line as a word of its own, not in
/// a URL ("Video rbc.group", a player's or widget's credit): a weak sign.
fn bare_domains(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !line.contains('.') {
        return out;
    }
    for word in line.split_whitespace() {
        // A word without a dot is no domain: skip it before anything costs.
        if !word.contains('.') || word.contains('@') || word.contains("://") {
            continue;
        }
        let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !trimmed.contains('.') || !trimmed.is_ascii() {
            continue;
        }
        let w = trimmed.to_ascii_lowercase();
        let w = w.trim_start_matches("www.");
        if !w.contains('.') {
            continue;
        }
        for (i, o) in table().iter().enumerate() {
            if o.domains.iter().any(|d| w == d) && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// Host names of the URLs in a line, lower-cased and without `www.`.
fn url_hosts(line: &str) -> Vec<String> {
    let mut hosts = Vec::new();
    if !line.contains("http") {
        return hosts;
    }
    for scheme in ["http://", "https://"] {
        for (i, _) in line.match_indices(scheme) {
            let rest = &line[i + scheme.len()..];
            let end = rest
                .find(['/', '?', '#', ')', '>', ' ', ':', '{', '"', '\'', ']', '|'])
                .unwrap_or(rest.len());
            let host = rest[..end].to_ascii_lowercase();
            hosts.push(host.trim_start_matches("www.").to_owned());
        }
    }
    hosts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        assert!(table().len() > 20);
    }

    #[test]
    fn a_url_names_the_outlet() {
        let text = "Headline\n\nBody text here.\n\nOriginal url:\n<https://www.themoscowtimes.com/2025/02/13/x>";
        assert_eq!(infer(text).as_deref(), Some("The Moscow Times"));
    }

    #[test]
    fn a_logo_line_names_the_outlet() {
        assert_eq!(
            infer("Dailymaverick logo\n\nWorld\n\nText.").as_deref(),
            Some("Daily Maverick")
        );
    }

    #[test]
    fn a_sign_off_line_names_the_outlet() {
        assert_eq!(
            infer("Story text.\n\nMore story text.\n\nNews.Az").as_deref(),
            Some("News.Az")
        );
    }

    #[test]
    fn a_masthead_glued_to_a_credit_names_the_outlet() {
        assert_eq!(
            infer("Text.\nThe Kyiv IndependentJane Doe\nAuthor: X").as_deref(),
            Some("The Kyiv Independent")
        );
    }

    #[test]
    fn a_byline_names_the_outlet() {
        assert_eq!(
            infer("Headline\nBy [Moscow Times Reporter](#)\nText.").as_deref(),
            Some("The Moscow Times")
        );
    }

    #[test]
    fn citations_inside_sentences_do_not_count() {
        let text = "Talks may start soon, the Financial Times reported on Friday, citing officials.\n\
                    Reuters contributed reporting.";
        assert_eq!(infer(text).as_deref(), None);
    }

    #[test]
    fn a_word_that_only_starts_like_a_brand_does_not_count() {
        assert_eq!(infer("APple harvest\nText.").as_deref(), None);
        assert_eq!(infer("FTX collapse\nText.").as_deref(), None);
    }

    #[test]
    fn a_wire_dateline_beats_the_carrying_site() {
        let text = "Harbour Post\n\nRIGA, May 2 (Reuters) - Ministers met on Friday.\n\nhttps://www.theguardian.com/x\n";
        assert_eq!(infer(text).as_deref(), Some("Reuters"));
        let unknown = "KAUNAS, 2 May (Baltic Wire) – Ministers met on Friday.\n";
        assert_eq!(infer(unknown).as_deref(), Some("Baltic Wire"));
    }

    #[test]
    fn a_headline_suffix_names_the_outlet() {
        let text =
            "Ministers meet to discuss grain exports - The Guardian\n\nMinisters met on Friday.\n";
        assert_eq!(infer(text).as_deref(), Some("The Guardian"));
    }
}
