//! Speed of the temporal tagger: tags the 256 TempEval-3 training articles
//! (TBAQ) in one process and prints characters and articles per second, and
//! the ratio to HeidelTime.
//!
//! Then the same for the Ukrainian and Russian texts of
//! `../shared/eval/uk-ru/corpus`, tagged with their detected language, so
//! the two speeds stand side by side.
//!
//! Run with `cargo bench --bench dates`. The articles are read from
//! `../shared/eval/tempeval3/tbaq` beside the crate; without them the bench
//! says so and exits successfully.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use frontlog::timex;

/// HeidelTime in a warm JVM on this kind of machine (README of the eval set).
const HEIDELTIME_CHARS_PER_SEC: f64 = 10_000.0;
/// HeidelTime with one JVM per article, whole set (README of the eval set).
const HEIDELTIME_SET_SECONDS: f64 = 675.0;

/// The plain text of a TimeML file: the content of `<TEXT>` with every tag
/// removed and the five XML entities and character references decoded.
fn plain_text(xml: &str) -> Option<String> {
    let start = xml.find("<TEXT>")? + "<TEXT>".len();
    let end = start + xml[start..].find("</TEXT>")?;
    let body = &xml[start..end];
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(j) => rest = &rest[j + 1..],
                None => break,
            }
        } else {
            let Some(j) = rest.find(';') else {
                out.push_str(rest);
                rest = "";
                break;
            };
            let entity = &rest[1..j];
            let decoded = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            match decoded {
                Some(c) => {
                    out.push(c);
                    rest = &rest[j + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    Some(out.replace("\r\n", "\n"))
}

/// The DCT of a TimeML file (first CREATION_TIME value).
fn dct(xml: &str) -> Option<NaiveDate> {
    let i = xml.find("functionInDocument=\"CREATION_TIME\"")?;
    let tag_start = xml[..i].rfind('<')?;
    let tag_end = i + xml[i..].find('>')?;
    let tag = &xml[tag_start..tag_end];
    let v = tag.find("value=\"")? + "value=\"".len();
    let raw = &tag[v..v + tag[v..].find('"')?];
    let digits: String = raw.chars().filter(char::is_ascii_digit).take(8).collect();
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// The best and mean seconds of one pass of `pass`, run for about three
/// seconds and at least five times.
fn time_passes(mut pass: impl FnMut()) -> (f64, f64, u32) {
    let mut rounds = 0u32;
    let mut best = f64::INFINITY;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) || rounds < 5 {
        let t = Instant::now();
        pass();
        best = best.min(t.elapsed().as_secs_f64());
        rounds += 1;
    }
    (
        best,
        start.elapsed().as_secs_f64() / f64::from(rounds),
        rounds,
    )
}

/// Tagger speed on the Ukrainian and Russian development texts.
fn cyrillic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/uk-ru/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("dates bench: no uk-ru texts at {} (skipped)", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let docs: Vec<(String, frontlog::lang::Lang)> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            let lang = frontlog::lang::detect(&t).map_or(frontlog::lang::Lang::Uk, |(l, _)| l);
            (t, lang)
        })
        .collect();
    if docs.is_empty() {
        return;
    }
    let dct = NaiveDate::from_ymd_opt(2025, 7, 11);
    let tag = |text: &str, lang| timex::tag_lang(text, dct, lang, &mut timex::Carry::default());
    let chars: usize = docs.iter().map(|(t, _)| t.chars().count()).sum();
    let found: usize = docs.iter().map(|(t, l)| tag(t, *l).len()).sum();
    let (best, mean, rounds) = time_passes(|| {
        for (text, lang) in &docs {
            std::hint::black_box(tag(std::hint::black_box(text), *lang));
        }
    });
    println!(
        "dates bench (Ukrainian and Russian): {} texts, {} chars, {} expressions",
        docs.len(),
        chars,
        found
    );
    println!(
        "  one pass: {:.2} ms best, {:.2} ms mean of {} rounds; {:.1} million chars/s",
        best * 1e3,
        mean * 1e3,
        rounds,
        chars as f64 / best / 1e6
    );
}

fn main() {
    english();
    cyrillic();
}

/// Tagger speed on the English TempEval-3 articles.
fn english() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/tempeval3/tbaq");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "dates bench: no TBAQ articles at {} (skipped)",
            dir.display()
        );
        return;
    };
    let mut docs: Vec<(String, Option<NaiveDate>)> = Vec::new();
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    for p in paths {
        let Ok(xml) = std::fs::read_to_string(&p) else {
            continue;
        };
        if let Some(text) = plain_text(&xml) {
            docs.push((text, dct(&xml)));
        }
    }
    if docs.is_empty() {
        println!(
            "dates bench: no readable TBAQ articles in {} (skipped)",
            dir.display()
        );
        return;
    }
    let chars: usize = docs.iter().map(|(t, _)| t.chars().count()).sum();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();

    // Warm up (builds the word tables), then run for at least two seconds.
    let mut found = 0usize;
    for (text, d) in &docs {
        found += timex::tag(text, *d).len();
    }
    // The machine is shared: the fastest pass is the one least disturbed by
    // other work, so it is the figure reported; the mean is shown beside it.
    let mut rounds = 0u32;
    let mut best = f64::INFINITY;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) || rounds < 5 {
        let t = Instant::now();
        for (text, d) in &docs {
            std::hint::black_box(timex::tag(std::hint::black_box(text), *d));
        }
        best = best.min(t.elapsed().as_secs_f64());
        rounds += 1;
    }
    let mean = start.elapsed().as_secs_f64() / f64::from(rounds);
    let secs = best;
    let cps = chars as f64 / secs;
    println!(
        "dates bench: {} articles, {} chars ({} bytes), {} expressions",
        docs.len(),
        chars,
        bytes,
        found
    );
    println!(
        "  one pass over the set: {:.2} ms best, {:.2} ms mean of {} rounds (one thread)",
        secs * 1e3,
        mean * 1e3,
        rounds
    );
    println!(
        "  {:.1} million chars/s, {:.0} articles/s",
        cps / 1e6,
        docs.len() as f64 / secs
    );
    println!(
        "  vs HeidelTime: {:.0}x a warm JVM ({} chars/s); {:.0}x its {} s for the set with one JVM per article",
        cps / HEIDELTIME_CHARS_PER_SEC,
        HEIDELTIME_CHARS_PER_SEC,
        HEIDELTIME_SET_SECONDS / secs,
        HEIDELTIME_SET_SECONDS
    );
}
