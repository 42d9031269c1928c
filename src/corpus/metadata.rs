//! Inferring an article's metadata from its text when no manifest or front
//! matter gives it: publication date, title and address. (The outlet is
//! named by [`super::outlets`].)
//!
//! The publication date comes only from lines that state it: a crawler line
//! ("date 2025-02-14"), a byline or dateline ("by Jane Doe January 11, 2025
//! 2:01 PM", "February 13, 2025"), a dated URL, a war-day counter ("Day
//! 1,087", day 1 being 2022-02-24), and last a photo caption. Dates in the
//! story's sentences are never taken for the publication date.

use std::ops::Range;

use chrono::{Duration, NaiveDate};

use crate::text::lines::{LineKind, classify, day_counter, edge_lines, is_caption};
use crate::text::vocab::{Furniture, furniture};
use crate::text::{word_count, word_count_up_to};
use crate::timex::{self, Anchor, Precision};

/// The first day of Russia's full-scale invasion: day 1 of war-day counters.
pub const WAR_DAY_ONE: NaiveDate = match NaiveDate::from_ymd_opt(2022, 2, 24) {
    Some(d) => d,
    None => panic!("invalid constant date"),
};

/// What the text says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inferred {
    /// Publication date, when a line states it.
    pub published: Option<NaiveDate>,
    /// Headline and its byte span in the text.
    pub title: Option<(String, Range<usize>)>,
    /// The article's own address, from a line that is only a URL.
    pub url: Option<String>,
}

/// Reads the metadata a text states about itself.
pub fn infer(text: &str) -> Inferred {
    let lines = edge_lines(text);
    Inferred {
        published: published(&lines),
        title: title(&lines),
        url: own_url(&lines),
    }
}

/// How much a kind of line is trusted to give the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateSource {
    DayCounter,
    Url,
    Updated,
    Dateline,
    CrawlerLine,
}

/// Longest line (in words) that can be a dateline or byline.
const DATELINE_MAX_WORDS: usize = 16;

fn published(lines: &[(usize, &str)]) -> Option<NaiveDate> {
    let mut best: Option<(DateSource, usize, NaiveDate)> = None;
    let mut consider = |source: DateSource, line_no: usize, date: NaiveDate| {
        let better = match best {
            None => true,
            Some((s, n, _)) => source > s || (source == s && line_no < n),
        };
        if better {
            best = Some((source, line_no, date));
        }
    };
    for (line_no, &(_, line)) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let words = word_count_up_to(t, DATELINE_MAX_WORDS + 1);
        let first = t
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(':')
            .to_lowercase();
        let first = first.as_str();
        if Furniture::has(&furniture().crawl_words, first) {
            // A crawl or scrape time says when a copy was made, not when
            // the article was published.
            continue;
        }
        if let Some(date) = url_date(t) {
            consider(DateSource::Url, line_no, date);
        }
        if words <= DATELINE_MAX_WORDS {
            let keyword = matches!(first, "date" | "published" | "posted" | "publication");
            if keyword && let Some(date) = iso_date(t).or_else(|| stated_day(t)) {
                consider(DateSource::CrawlerLine, line_no, date);
                continue;
            }
            if first == "updated"
                && let Some(date) = iso_date(t).or_else(|| stated_day(t))
            {
                consider(DateSource::Updated, line_no, date);
                continue;
            }
            if let Some(n) = day_counter(t) {
                consider(
                    DateSource::DayCounter,
                    line_no,
                    WAR_DAY_ONE + Duration::days(i64::from(n) - 1),
                );
            }
        }
        // A short dated line (a byline, a dateline, a stamp), else the
        // dateline opening a lede, long or short.
        let short_line = words <= DATELINE_MAX_WORDS
            && (first == "by"
                || matches!(classify(t), LineKind::Heading | LineKind::Metadata)
                || date_only(t)
                || numeric_stamp(t));
        let dated = short_line.then(|| stated_day(t)).flatten().or_else(|| {
            (line_no < LEDE_LINES)
                .then(|| lede_dateline(t).and_then(stated_day))
                .flatten()
        });
        if let Some(date) = dated {
            consider(DateSource::Dateline, line_no, date);
        }
    }
    best.map(|(_, _, date)| date)
}

/// Lines from the top of a page in which a story's lede, and so its
/// dateline, may stand (below a masthead, menus and a headline).
const LEDE_LINES: usize = 30;

/// The dateline that opens a story's first paragraph: the place and date
/// before the first dash or credit ("MINSK, February 21, 2015 -", "February
/// 21, 2015 (MINSK) -", "KYIV, Nov 17 (Reuters) -"). The date in it dates
/// the story only when it states its year.
fn lede_dateline(t: &str) -> Option<&str> {
    lede_dateline_end(t).map(|end| &t[..end])
}

/// Where the dateline that opens a lede ends, in bytes ([`lede_dateline`]'s
/// head: "MINSK, February 21, 2015"), when the line opens with one.
pub fn lede_dateline_end(t: &str) -> Option<usize> {
    const REACH: usize = 60;
    let mut reach = (REACH + 4).min(t.len());
    while !t.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &t[..reach];
    let end = [" - ", " – ", " — ", " ("]
        .iter()
        .filter_map(|sep| window.find(sep))
        .min()
        .filter(|&i| i <= REACH)?;
    let head = &t[..end];
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "MINSK, February 21, 2015 -" or "February 21, 2015 (MINSK) -": a
    // capital first, and no sentence's stop or quote before the dash.
    let capital = head.chars().next().is_some_and(char::is_uppercase);
    (capital && !head.contains(['.', '"', '“'])).then_some(end)
}

/// Where a wire dateline that opens a sentence ends, in bytes, when it is
/// a place and then a date ("MINSK, February 21, 2015 - ...", "Kyiv, 3
/// March 2025 — ..."): a place of at most three capitalised words without
/// digits before the first comma, a date after it. Stricter than
/// [`lede_dateline`], as it decides what a sentence's date is.
pub fn place_dateline_end(t: &str) -> Option<usize> {
    let end = lede_dateline_end(t)?;
    let (place, date) = t[..end].split_once(',')?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let place_like = !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !place.bytes().any(|b| b.is_ascii_digit());
    (place_like && date.bytes().any(|b| b.is_ascii_digit())).then_some(end)
}

/// A stamp line of digits and separators ("2024/05/06 21:01"), with no
/// words: a date with its time, as page templates print it.
fn numeric_stamp(t: &str) -> bool {
    !t.chars().any(char::is_alphabetic) && iso_date(t).is_some()
}

/// A line that is little more than a date ("Thursday, 13 February 2025 - 10:42").
fn date_only(t: &str) -> bool {
    let covered: usize = tag_line(t)
        .iter()
        .map(|x| {
            t[x.start..x.end]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
        })
        .sum();
    let total = t.chars().filter(|c| c.is_alphanumeric()).count();
    total > 0 && covered * 2 >= total
}

/// The temporal expressions of one metadata line: a line with Cyrillic
/// letters is read by the Ukrainian and Russian rules ("08 липня 2022,
/// 09:25" is a page stamp; the rule set reads both languages' tables, its
/// own first), any other by the English tagger. A stamp line is short, so
/// its script decides, not the article's language.
fn tag_line(t: &str) -> Vec<timex::Timex> {
    let cyrillic = t.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    if cyrillic {
        let mut carry = timex::Carry::default();
        timex::tag_lang(t, None, crate::lang::Lang::Uk, &mut carry)
    } else {
        timex::tag(t, None)
    }
}

/// The first full date with its year stated in a line.
pub(crate) fn stated_day(t: &str) -> Option<NaiveDate> {
    tag_line(t)
        .into_iter()
        .filter(|x| x.anchor == Anchor::Explicit)
        .filter_map(|x| x.interval)
        .find(|i| i.precision == Precision::Day)
        .map(|i| i.first)
        .or_else(|| iso_date(t))
}

/// The first `YYYY-MM-DD` in a line.
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == w[4] && (*c == b'-' || *c == b'/'),
            _ => c.is_ascii_digit(),
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if shape && bounded {
            let iso = std::str::from_utf8(w).ok()?.replace('/', "-");
            NaiveDate::parse_from_str(&iso, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

/// A date in a URL path: `/2025/02/13/` or `/2025-02-13`.
pub(crate) fn url_date(t: &str) -> Option<NaiveDate> {
    let start = memchr::memmem::find_iter(t.as_bytes(), b"http")
        .find(|&i| t[i + 4..].starts_with("://") || t[i + 4..].starts_with("s://"))?;
    let url = &t[start..];
    let url = &url[..url.find([' ', '>', ')']).unwrap_or(url.len())];
    let parts: Vec<&str> = url.split('/').collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Ok(d)) = (
            w[0].parse::<i32>(),
            w[1].parse::<u32>(),
            w[2].parse::<u32>(),
        ) && w[0].len() == 4
            && (1990..2100).contains(&y)
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return Some(date);
        }
    }
    parts.iter().find_map(|p| iso_date(p))
}

/// Lines searched for a headline: the masthead area before the story.
const TITLE_SEARCH_LINES: usize = 60;
/// Headline length bounds, in words.
const TITLE_MIN_WORDS: usize = 4;
const TITLE_MAX_WORDS: usize = 40;
/// A line longer than this (in words) is a story paragraph: the headline precedes it.
const PARAGRAPH_MIN_WORDS: usize = 45;

fn title(lines: &[(usize, &str)]) -> Option<(String, Range<usize>)> {
    let mut best: Option<(i32, usize)> = None;
    let mut candidates = Vec::new();
    for (i, &(_, line)) in lines.iter().enumerate().take(TITLE_SEARCH_LINES) {
        let t = line.trim();
        let words = word_count_up_to(t, PARAGRAPH_MIN_WORDS);
        if words >= PARAGRAPH_MIN_WORDS && !is_caption(t) {
            break;
        }
        if !(TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&words)
            || !matches!(classify(t), LineKind::Prose | LineKind::Heading)
            || is_caption(t)
            || t.contains("http")
            || is_tag_list(t)
        {
            continue;
        }
        candidates.push(i);
    }
    // The first sentence of the story: metadata after it is a sign-off
    // ("Published: ..." at the foot), not the byline under a headline.
    let first_body = lines
        .iter()
        .position(|(_, l)| {
            let l = l.trim();
            l.ends_with('.') && word_count_up_to(l, 12) >= 12 && classify(l) == LineKind::Prose
        })
        .unwrap_or(usize::MAX);
    // The first line of a file, set off by a blank line, is where news APIs
    // and feeds put the headline above the body.
    let opening = lines
        .iter()
        .position(|(_, l)| !l.trim().is_empty())
        .filter(|&i| lines.get(i + 1).is_some_and(|(_, l)| l.trim().is_empty()));
    for &i in &candidates {
        let t = lines[i].1.trim();
        let mut score = 0;
        if opening == Some(i) {
            score += 3;
        }
        if t.split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            score += 1;
        }
        if menu_like(t) {
            score -= 2;
        }
        let next_meta = lines[i + 1..]
            .iter()
            .map(|(_, l)| l.trim())
            .filter(|l| !l.is_empty())
            .take(2)
            .any(|l| classify(l) == LineKind::Metadata || date_only(l));
        if next_meta && i <= first_body {
            score += 3;
        }
        // A long line that ends a sentence reads as body text.
        if t.trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('.')
            && word_count_up_to(t, 13) > 12
        {
            score -= 2;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    let (_, i) = best?;
    let (offset, line) = lines[i];
    let lead = line.len() - line.trim_start().len();
    let t = line.trim();
    let heading = t.trim_start_matches('#').trim_start();
    let start = offset + lead + (t.len() - heading.len());
    Some((
        crate::text::display::prose(heading),
        start..offset + lead + t.len(),
    ))
}

/// A list of tags or sections: several comma-separated items of one to three
/// capitalized words ("News Feed, Donald Trump, Russia, United States").
fn is_tag_list(t: &str) -> bool {
    let items: Vec<&str> = t.split(',').map(str::trim).collect();
    items.len() >= 3
        && items.iter().all(|it| {
            let w = word_count(it);
            (1..=3).contains(&w) && it.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A navigation bar: many words, every one capitalized, no sentence punctuation.
fn menu_like(t: &str) -> bool {
    word_count(t) >= 5
        && !t.ends_with(['.', '?', '!'])
        && t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .all(|w| {
                w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
            })
}

fn own_url(lines: &[(usize, &str)]) -> Option<String> {
    lines.iter().find_map(|&(_, l)| {
        let t = l.trim().trim_matches(['<', '>']);
        ((t.starts_with("https://") || t.starts_with("http://")) && !t.contains(' '))
            .then(|| t.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn crawler_line_beats_everything() {
        let text = " date 2025-02-14 + ↺ − 16 px\n\nA headline about the talks in Geneva\n\nBody.";
        assert_eq!(infer(text).published, day(2025, 2, 14));
    }

    #[test]
    fn war_day_counter() {
        assert_eq!(
            infer("Frontline notes. Day 1,087.\nHeadline here for you").published,
            day(2025, 2, 14)
        );
        assert_eq!(infer("Day 1.\n").published, day(2022, 2, 24));
    }

    #[test]
    fn dated_url() {
        let text =
            "Headline of the story here\nText.\nhttps://example.org/news/2024/11/03/story-a1";
        assert_eq!(infer(text).published, day(2024, 11, 3));
        assert_eq!(
            infer(text).url.as_deref(),
            Some("https://example.org/news/2024/11/03/story-a1")
        );
    }

    #[test]
    fn byline_and_dateline_dates() {
        let byline =
            "Talks stall again in Geneva\n\nby Jane Roe January 11, 2025 2:01 PM 2 min read\nText.";
        assert_eq!(infer(byline).published, day(2025, 1, 11));
        let dateline =
            "Talks stall again in Geneva\n\nBy Staff\n\nFebruary 13, 2025\n\nThe talks stalled.";
        assert_eq!(infer(dateline).published, day(2025, 2, 13));
        let european = "Thursday, 13 February 2025 - 10:42\nTalks stall again in Geneva\nText.";
        assert_eq!(infer(european).published, day(2025, 2, 13));
    }

    #[test]
    fn a_caption_date_yields_to_a_dateline() {
        let text = "KYIV, UKRAINE – FEBRUARY 12: Rescuers at work on February 12, 2025 in Kyiv, Ukraine, after a strike on \
                    the capital that damaged several buildings and injured residents of the district. (Photo by Jane Roe/Getty Images)\n\
                    Frontline notes. Day 1,087.\nHeadline of the day here\n";
        assert_eq!(
            infer(text).published,
            day(2025, 2, 14),
            "the counter beats the caption"
        );
        let only_caption = "Rescuers at work on February 12, 2025 in Kyiv, after a strike on the capital that damaged \
                            several buildings and injured many residents of the district overnight. (Photo by Jane Roe/Getty Images)\nHeadline here";
        assert_eq!(
            infer(only_caption).published,
            None,
            "a photo is often older than the story: its date never dates the story"
        );
    }

    #[test]
    fn lede_datelines_with_a_year_date_the_story() {
        let a = "Talks in Minsk\n\nMINSK, February 21, 2015 - Leaders met for a second day of talks on the ceasefire in the east.\n";
        assert_eq!(infer(a).published, day(2015, 2, 21));
        let b = "Talks in Minsk\n\nFebruary 21, 2015 (MINSK) - Leaders met for a second day of talks on the ceasefire in the east.\n";
        assert_eq!(infer(b).published, day(2015, 2, 21));
        // A short lede: the dateline dates it all the same.
        let short = "Talks in Minsk\n\nMINSK, February 21, 2015 - Leaders met again, aides said.\n";
        assert_eq!(infer(short).published, day(2015, 2, 21));
        assert_eq!(
            place_dateline_end("MINSK, February 21, 2015 - Leaders met."),
            Some(24)
        );
        assert_eq!(
            place_dateline_end("On April 8, the agency (FAO) said."),
            None
        );
        let no_year = "Talks in Minsk\n\nMINSK, 21 February (Wire) - Leaders met for a second day of talks on the ceasefire in the east.\n";
        assert_eq!(infer(no_year).published, None, "no year, no guess");
    }

    #[test]
    fn stamps_and_crawl_times() {
        let stamp = "Headline of the story here\n\nJANE ROE, Wire Service\n2024/05/06 21:01\nThe story begins.";
        assert_eq!(infer(stamp).published, day(2024, 5, 6));
        let crawl = "Scraped at: 2026-01-02 10:00\nHeadline of the story here\nThe story begins.";
        assert_eq!(infer(crawl).published, None);
        let stated = "Headline of the story here\nPublished On 27 Feb 2026\nThe story begins.";
        assert_eq!(infer(stated).published, day(2026, 2, 27));
    }

    #[test]
    fn body_dates_are_not_publication_dates() {
        let text = "Headline of the story here\nThe deal was signed on March 3, 2024 in Kyiv after long talks.";
        assert_eq!(infer(text).published, None);
    }

    #[test]
    fn title_skips_menus_and_tag_lists() {
        let text = "Skip to content\nWorld News Analysis Opinion Culture Sport\nMore\n\
                    Home, Europe, Russia, Ukraine War\n\
                    Shelling resumes near the southern front line\n\
                    By Jane Roe\n\
                    The story begins here, with a sentence long enough to be a paragraph of the article itself, \
                    and it goes on for a good many words so that it is taken for the body rather than a headline.";
        let (title, span) = infer(text).title.unwrap();
        assert_eq!(title, "Shelling resumes near the southern front line");
        assert_eq!(&text[span], "Shelling resumes near the southern front line");
    }

    #[test]
    fn title_skips_captions_and_counters() {
        let text = "Rescuers search the rubble of a block of flats. (Photo by Jane Roe/AFP via Getty Images)\n\
                    Frontline notes. Day 900.\n\
                    Strikes Hit Power Grid Again.\n";
        assert_eq!(
            infer(text).title.unwrap().0,
            "Strikes Hit Power Grid Again."
        );
    }

    #[test]
    fn a_sign_off_after_the_story_does_not_make_a_title() {
        let lead = "The council imposed sanctions on the former president on Wednesday, \
                    freezing his assets for an indefinite period.";
        let text = format!(
            "Ukraine sanctions its former president\n\n{lead}\n\n\
             He called the move unconstitutional.\n\nFollow us\n{lead}\n\nPublished: 2025-02-14\n"
        );
        assert_eq!(
            infer(&text).title.unwrap().0,
            "Ukraine sanctions its former president"
        );
    }

    #[test]
    fn markdown_heading_title() {
        let text = "# Drone attack on the port of Izmail\n\nText.";
        let (title, span) = infer(text).title.unwrap();
        assert_eq!(title, "Drone attack on the port of Izmail");
        assert_eq!(&text[span], "Drone attack on the port of Izmail");
    }

    #[test]
    fn no_title_in_an_empty_page() {
        assert_eq!(infer("Subscribe\n* indicates required\n").title, None);
    }

    #[test]
    fn the_opening_line_above_a_blank_is_the_headline() {
        let text = "Allies Pledge More Artillery As The Offensive Widens In The East\n\nhere\n.\n\
                    The general staff said on Tuesday that troops were advancing along the whole front line in the east, \
                    in what officials called the start of a new phase.\n";
        assert_eq!(
            infer(text).title.unwrap().0,
            "Allies Pledge More Artillery As The Offensive Widens In The East"
        );
    }
}
