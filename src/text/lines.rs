//! What each line of a scraped page is: prose worth reading, a short heading,
//! page furniture (menus, newsletter forms, share widgets, logos), or a
//! byline/dateline that carries metadata but no event.
//!
//! The rules are general shapes of web-page furniture (widget vocabulary on
//! short lines, lines without words, bare links), not lists of known lines.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::text::vocab::{Furniture, furniture};
use crate::text::word_count_up_to;

pub use super::captions::{credit_spans, is_caption, is_caption_sentence, opens_as_caption};
use super::stamps::{clock_stamp, copyright_line};

/// The role of one line of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but whitespace.
    Blank,
    /// Sentences (including photo captions): may hold events.
    Prose,
    /// A short line without sentence punctuation: a headline, subheading,
    /// section name or menu item. Holds events only if it carries a date.
    Heading,
    /// Page furniture: never an event.
    Boilerplate,
    /// A byline, dateline, crawler date line or day counter: metadata, not an event.
    Metadata,
}

/// Phrases that only web widgets use: a line of up to
/// [`WIDGET_MAX_WORDS`] words containing one is furniture, punctuated or not.
const WIDGET_PHRASES: &[&str] = &[
    "subscribe to",
    "sign up for",
    "signing up",
    "newsletter",
    "indicates required",
    "enter your email",
    "enter correct email",
    "your email address",
    "skip to content",
    "skip to main",
    "share this article",
    "share on facebook",
    "share on x",
    "share on twitter",
    "follow us on",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "terms of service",
    "related article",
    "related articles",
    "related stories",
    "arrow right",
    "arrow left",
    "min read",
    "minute read",
    "listen to this article",
    "audio is created",
    "successfully subscribed",
    "successfuly subscribed",
    "thank you for signing",
    "click here",
    "back to top",
    "open in app",
    "download the app",
    "accept all cookies",
    "contributed reporting",
    "contributed to this report",
];

/// Single words of widgets and menus that are also ordinary English: they
/// mark a line as furniture only when it is very short ([`MENU_MAX_WORDS`]
/// words) or a short unpunctuated fragment.
const WIDGET_WORDS: &[&str] = &[
    "subscribe",
    "subscribed",
    "sign in",
    "sign up",
    "log in",
    "login",
    "logo",
    "share",
    "comments",
    "advertisement",
    "sponsored",
    "cookies",
    "donate",
    "print",
    "read more",
    "read next",
    "read also",
    "see also",
    "most popular",
    "most read",
    "editors' picks",
    "editors’ picks",
    "edit post",
    "copy link",
    "load more",
    "show more",
    "support us",
    "font size",
];

/// Longest line (in words) that widget phrases mark as furniture.
const WIDGET_MAX_WORDS: usize = 15;

/// Lines with this many words or more are prose whatever else they hold.
const LONG_LINE_WORDS: usize = 17;

/// Longest line (in words) that a single widget word marks as furniture.
const MENU_MAX_WORDS: usize = 4;

/// Lines read from the top of a page when looking for its own metadata.
pub const HEAD_LINES: usize = 80;
/// Lines read from the bottom of a page when looking for its own metadata.
pub const TAIL_LINES: usize = 40;

/// The lines where a page states its own metadata (masthead, byline,
/// dateline, sign-off, address): the first [`HEAD_LINES`] that are not
/// blank (with the blank ones among them) and the last
/// [`TAIL_LINES`], each with its byte offset, in order. Reading only these
/// keeps metadata inference independent of the article's length.
pub fn edge_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    // Blank lines do not count: a page saved as text puts one between
    // every menu item, and its stamp stands below the menu.
    let mut filled = 0;
    for line in text.split_inclusive('\n') {
        if filled == HEAD_LINES {
            break;
        }
        let l = line.trim_end_matches(['\n', '\r']);
        filled += usize::from(!l.trim().is_empty());
        out.push((offset, l));
        offset += line.len();
    }
    if offset >= text.len() {
        return out;
    }
    let body = text.trim_end_matches(['\n', '\r']);
    let mut tail_start = body.len();
    for _ in 0..TAIL_LINES {
        match memchr::memrchr(b'\n', &body.as_bytes()[..tail_start]) {
            Some(nl) if nl + 1 > offset => tail_start = nl,
            _ => {
                tail_start = offset.saturating_sub(1);
                break;
            }
        }
    }
    let from = (tail_start + 1).max(offset);
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        out.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    out
}

/// Classifies one line (without its newline).
pub fn classify(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    let words = word_count_up_to(t, LONG_LINE_WORDS);
    if words == 0 || letters(t) < 3 {
        return LineKind::Boilerplate;
    }
    if is_link_only(t) || is_footnote_definition(t) {
        return LineKind::Boilerplate;
    }
    if words <= 12 && relative_stamp(t) {
        // "1 hour ago": a stamp relative to the crawl, which dates nothing.
        return LineKind::Boilerplate;
    }
    if is_metadata(t, words) {
        return LineKind::Metadata;
    }
    if words <= WIDGET_MAX_WORDS && widget_phrases().is_match(t) {
        return LineKind::Boilerplate;
    }
    if words <= WIDGET_MAX_WORDS
        && !t.is_ascii()
        && Furniture::holds(&furniture().widget_phrases, &t.to_lowercase())
    {
        return LineKind::Boilerplate;
    }
    if words <= WIDGET_MAX_WORDS && copyright_line(t) {
        return LineKind::Boilerplate;
    }
    if words <= WIDGET_MAX_WORDS && clock_stamp(t) {
        // A page's or a teaser's stamp: it may date the page, never a
        // happening.
        return LineKind::Metadata;
    }
    let fragment = words <= MENU_MAX_WORDS || (words <= 8 && !ends_sentence(t));
    if fragment
        && widget_words()
            .find_iter(t)
            .any(|m| whole_word(t, m.start(), m.end()))
    {
        return LineKind::Boilerplate;
    }
    if words <= 3 && t.to_lowercase().ends_with(" image") {
        return LineKind::Boilerplate;
    }
    if is_teaser(t) || is_separated_widget(t) || is_link_prompt(t) {
        return LineKind::Boilerplate;
    }
    if words <= 14 && !ends_sentence(t) {
        return LineKind::Heading;
    }
    LineKind::Prose
}

/// One case-insensitive automaton over [`WIDGET_PHRASES`].
fn widget_phrases() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| case_insensitive(WIDGET_PHRASES))
}

/// One case-insensitive automaton over [`WIDGET_WORDS`].
fn widget_words() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| case_insensitive(WIDGET_WORDS))
}

fn case_insensitive(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(patterns)
        .unwrap_or_else(|e| panic!("widget vocabulary does not compile: {e}"))
}

/// Whether `hay[start..end]` has no letter or digit touching either end.
fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Fewer than three letters, counting no further than needed.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).take(3).count()
}

/// A Markdown footnote's definition (`[^1]: Author. "Title" — Outlet, date`):
/// a source citation, whose date is the cited page's, not a happening.
fn is_footnote_definition(t: &str) -> bool {
    t.strip_prefix("[^")
        .and_then(|r| r.split_once("]:"))
        .is_some_and(|(label, _)| !label.is_empty() && !label.contains(' '))
}

/// A bare URL, `<URL>`, or a Markdown link that is the whole line.
fn is_link_only(t: &str) -> bool {
    let t = t.trim_matches(|c| c == '<' || c == '>');
    if (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ')
    {
        return true;
    }
    t.starts_with('[') && t.ends_with(')') && t.contains("](") && t.matches("](").count() == 1
}

/// Whether a line ends as a sentence does (`.`, `!`, `?`, `:`, `;`, `…`,
/// before any closing quotation marks, brackets or emphasis).
pub fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', '»', '*']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A line of short items joined by a page template's separators: a
/// breadcrumb ("Home :: World :: Europe"), a sidebar stamp ("World · May
/// 2, 2025 · 3:07 PM UTC · 1 min ago"). Three or more items, the longest
/// of five words or fewer after the first.
fn is_separated_widget(t: &str) -> bool {
    // A separator is a space, a mark and a space: count them in one pass
    // before splitting on any, and only where a mark's byte occurs at all.
    let b = t.as_bytes();
    if memchr::memchr3(b':', b'|', 0xC2, b).is_none()
        && memchr::memmem::find(b, "›".as_bytes()).is_none()
    {
        return false;
    }
    let mut marks = 0;
    for at in memchr::memchr_iter(b' ', b) {
        let rest = &b[at + 1..];
        if rest.starts_with(b":: ")
            || rest.starts_with("· ".as_bytes())
            || rest.starts_with("» ".as_bytes())
            || rest.starts_with("› ".as_bytes())
            || rest.starts_with(b"| ")
        {
            marks += 1;
        }
    }
    if marks < 2 {
        return false;
    }
    for sep in [" :: ", " · ", " » ", " › ", " | "] {
        let items: Vec<&str> = t.split(sep).collect();
        if items.len() >= 3
            && items[1..]
                .iter()
                .all(|it| word_count_up_to(it, 7) <= 6 && !it.trim().is_empty())
        {
            return true;
        }
    }
    false
}

/// A sentence whose only job is to point at a link: it opens with an
/// imperative to read, watch or follow, and ends with "here" ("Read our
/// earlier coverage here.", "Follow the latest updates here").
fn is_link_prompt(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let end = t.trim_end_matches(['.', '!', ' ', ':', '…']);
    let ends_ci = |suffix: &str| {
        end.len() >= suffix.len()
            && end.is_char_boundary(end.len() - suffix.len())
            && end[end.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    Furniture::has(&furniture().link_verbs, first)
        && (ends_ci(" here") || ends_ci(" below"))
        && word_count_up_to(t, 21) <= 20
}

/// A link to another story, as "related" and "read more" lists give them:
/// a headline with no closing stop that ends in its date in brackets
/// ("Russia strikes Odesa port again (Feb. 10, 2025)").
fn is_teaser(t: &str) -> bool {
    let Some(inner) = t
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .map(|p| p.1)
    else {
        return false;
    };
    let head = &t[..t.len() - inner.len() - 2];
    let year = inner
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    year && inner.split_whitespace().count() <= 4 && !ends_sentence(head.trim_end())
}

/// Bylines ("By Jane Doe", "by X January 11, 2025 2:01 PM"), crawler date
/// lines ("date 2025-02-14"), author credits and war-day counters.
fn is_metadata(t: &str, words: usize) -> bool {
    if words > 16 {
        return false;
    }
    // A quoted or emphasised stamp ("> Published 16 October 2025") is one.
    let first = t
        .trim_start_matches(['>', '*', '_', '#', ' '])
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let first = first.trim_end_matches(':');
    if matches!(
        first,
        "by" | "date" | "published" | "updated" | "posted" | "author" | "authors" | "written"
    ) && !ends_sentence_with_verb(&t.to_lowercase())
        || Furniture::has(&furniture().crawl_words, first)
    {
        return true;
    }
    if day_counter(t).is_some() && words <= 12 {
        return true;
    }
    if editor_note(t) {
        return true;
    }
    furniture()
        .stamp_prefixes
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// An editor's note on the article itself: "This" and a noun the article
/// calls itself, then an edit verb within the next three words ("This story
/// has been updated with ...", "*This article was corrected.*"), as
/// `assets/furniture.toml` lists them.
fn editor_note(t: &str) -> bool {
    let vocab = furniture();
    let mut words = t
        .trim_start_matches(['*', '_', '(', '['])
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("this"))
        && words
            .next()
            .is_some_and(|w| Furniture::has(&vocab.self_nouns, w))
        && words.take(3).any(|w| Furniture::has(&vocab.edit_verbs, w))
}

/// A relative page stamp: a number, a unit of time and "ago" ("1 hour
/// ago", "23 mins ago"), as sidebars and live pages print them.
fn relative_stamp(t: &str) -> bool {
    let units = &furniture().time_units;
    let mut words = t.split_whitespace();
    let (mut a, mut b) = (words.next(), words.next());
    for c in words {
        if let (Some(n), Some(unit)) = (a, b)
            && n.bytes().all(|d| d.is_ascii_digit())
            && Furniture::has(units, unit)
            && Furniture::has(&furniture().ago_words, c.trim_end_matches(['.', ',']))
        {
            return true;
        }
        (a, b) = (b, Some(c));
    }
    false
}

/// "By the end of the week, troops will have left." is prose, not a byline:
/// a byline has no lowercase verb-like word after its first few words.
fn ends_sentence_with_verb(lower: &str) -> bool {
    lower.starts_with("by the ")
        || lower.starts_with("by then")
        || lower.starts_with("by now")
        || lower.starts_with("by contrast")
}

/// The number N of a war-day counter ("Day 1,087", "day 412 of the war") in
/// a line, if there is one.
pub fn day_counter(line: &str) -> Option<u32> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(pos) = find_ci(&line[from..], "day ") {
        let at = from + pos;
        from = at + 4;
        if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest = &line[at + 4..];
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .collect();
        let after = rest[digits.len()..].chars().next();
        if digits.is_empty() || after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let valid_grouping = digits
            .split(',')
            .enumerate()
            .all(|(i, g)| !g.is_empty() && g.len() <= 3 && (i == 0 || g.len() == 3));
        if !valid_grouping && digits.contains(',') {
            continue;
        }
        if let Ok(n) = digits.replace(',', "").parse::<u32>()
            && (1..20_000).contains(&n)
        {
            return Some(n);
        }
    }
    None
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_lines_are_boilerplate() {
        for line in [
            "Subscribe",
            "* indicates required",
            "Enter your email to get our morning digest",
            "Skip to content",
            "Share on Facebook",
            "Partner logo",
            "Learn more Arrow right",
            "Podcasts image",
            "4 min read",
            "+ ↺ − 16 px",
            "[Related: How the front moved in January](https://example.org/x)",
            "https://example.org/2025/02/13/story",
            "Reuters contributed reporting.",
            "Russia strikes Odesa port for the second time in a week (Feb. 10, 2025)",
            "Zelensky visits troops near Kupiansk (2025-02-08)",
            "[^3]: Jane Roe. \"Ports reopen\" — Harbour Post, March 2, 2024",
            "Home :: News :: Europe :: 2025 :: March ::",
            "Europecategory · March 4, 2025 · 3:07 PM UTC · 2 min ago",
            "Read all of Tuesday's updates here.",
            "Follow our live coverage of the summit here",
            "> 3 hours ago Share Topics Europe",
        ] {
            assert_eq!(classify(line), LineKind::Boilerplate, "{line}");
        }
        // A sentence that ends with a dated bracket is prose.
        assert_eq!(
            classify("Drones hit the port again, officials said (Feb. 10, 2025)."),
            LineKind::Prose
        );
    }

    #[test]
    fn ordinary_words_in_short_sentences_are_not_widgets() {
        assert_eq!(
            classify("The Kremlin declined to give comments on the report."),
            LineKind::Prose
        );
        assert_eq!(classify("Comments"), LineKind::Boilerplate);
        assert_eq!(classify("Share"), LineKind::Boilerplate);
    }

    #[test]
    fn widget_words_inside_long_prose_do_not_count() {
        let line = "Residents who subscribe to the city's alert channel were warned about the drones \
                    twenty minutes before the first explosions were heard in the centre.";
        assert_eq!(classify(line), LineKind::Prose);
    }

    #[test]
    fn bylines_and_datelines_are_metadata() {
        for line in [
            "By Olena Petrenko",
            "by Jane Doe March 3, 2025 9:15 AM 2 min read",
            " date 2025-02-14",
            "Published: 2025-02-14 10:00",
            "> Published 14 February 2025",
            "*Updated 14 February 2025*",
            "Author: Ivan Franko",
            "Frontline notes. Day 1,099.",
            "Scraped at 2026-01-02 10:00:00",
            "Page last modified: 03-04-2025 10:11:12 ZULU",
            "timestamp: 2026-01-02T10:00:00Z",
        ] {
            assert_eq!(classify(line), LineKind::Metadata, "{line}");
        }
    }

    #[test]
    fn an_editors_note_on_the_article_is_metadata() {
        for line in [
            "*This report has been revised to add the mayor's figures from Monday.*",
            "This post was corrected on Friday: the convoy had six trucks.",
        ] {
            assert_eq!(classify(line), LineKind::Metadata, "{line}");
        }
        // A story that is news: "this" names something else.
        assert_eq!(
            classify("This week the council updated its shelter map for the district."),
            LineKind::Prose
        );
    }

    #[test]
    fn sentences_starting_with_by_are_prose() {
        assert_eq!(
            classify("By the end of the week, the convoy had reached the city."),
            LineKind::Prose
        );
    }

    #[test]
    fn short_unpunctuated_lines_are_headings() {
        assert_eq!(
            classify("Shelling resumes near Huliaipole"),
            LineKind::Heading
        );
        assert_eq!(classify("World"), LineKind::Heading);
        assert_eq!(classify("Kharkiv region."), LineKind::Prose);
    }

    #[test]
    fn edge_lines_cover_head_and_tail_only() {
        let text: String = (0..500).map(|i| format!("line {i}\n")).collect();
        let edges = edge_lines(&text);
        assert_eq!(edges.len(), HEAD_LINES + TAIL_LINES);
        assert_eq!(edges[0], (0, "line 0"));
        assert_eq!(edges[HEAD_LINES].1, "line 460");
        let (offset, line) = *edges.last().unwrap();
        assert_eq!(line, "line 499");
        assert_eq!(&text[offset..offset + line.len()], line);
        let short = "a\nb\nc";
        assert_eq!(edge_lines(short), vec![(0, "a"), (2, "b"), (4, "c")]);
        let medium: String = (0..100).map(|i| format!("l{i}\n")).collect();
        let lines: Vec<&str> = edge_lines(&medium).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            medium.lines().collect::<Vec<_>>(),
            "no line twice, none lost"
        );
    }

    #[test]
    fn day_counters() {
        assert_eq!(day_counter("Dispatches. Day 1,087."), Some(1087));
        assert_eq!(day_counter("day 3 of the talks"), Some(3));
        assert_eq!(day_counter("Monday 12"), None);
        assert_eq!(day_counter("Day 1,08"), None);
        assert_eq!(day_counter("Today 5"), None);
    }

    #[test]
    fn prose_with_separators_or_here_stays_prose() {
        assert_eq!(
            classify(
                "Officials said the convoy would leave from here on Monday, weather permitting."
            ),
            LineKind::Prose
        );
        assert_eq!(
            classify(
                "Prices rose 5% in May | fell 3% in June | and held in July, the bank said in a long statement on its outlook."
            ),
            LineKind::Prose
        );
    }
}
