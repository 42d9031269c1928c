//! What clustering compares between two reports: the words of the
//! sentence, the names in it, the quantities it gives, its date and its
//! places. Worked out once per event, in parallel.
//!
//! Words are cut to their first [`STEM_CHARS`] characters (a crude stem
//! that serves English, Ukrainian and Russian alike: "strikes"/"striked",
//! "Харкові"/"Харкова"), and the date expression's own words are left
//! out, since every report of one day shares them whatever it reports.

use chrono::NaiveDate;

use super::offices::{Named, Offices};
use crate::corpus::Document;
use crate::extract::{DatePrecision, Event, EventType};
use crate::places::{Gazetteer, RegionKind};

/// Characters kept of a word.
pub const STEM_CHARS: usize = 6;

/// Words shorter than this (in characters) are left out: articles,
/// prepositions and most function words in the three languages.
const MIN_WORD_CHARS: usize = 3;

/// The longest date span, in days, that clustering treats as a day or a
/// night: a week ("last week") still matches its days; a month does not.
pub const MAX_SPAN_DAYS: i64 = 7;

/// One report's features.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Stems of the sentence's words ([`term_key`]), each once, sorted,
    /// with whether the word was written as a name (capitalised, not
    /// sentence-initial).
    pub terms: Vec<(u64, bool)>,
    /// Quantities: the number and the stems ([`term_key`]) of up to two
    /// words after it ("82 drones" → (82, [key of "drones"])).
    pub quantities: Vec<(u64, Vec<u64>)>,
    /// First and last day of the date; `None` when the date is coarser than
    /// [`MAX_SPAN_DAYS`] (such events stay single).
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Populated places (towns, cities, villages) where it happened.
    pub towns: Vec<u32>,
    /// First-level divisions (oblasts, Russian regions, states) where it
    /// happened, stated or containing a town.
    pub admin1: Vec<u32>,
    /// Countries where it happened.
    pub countries: Vec<u32>,
    /// The article and the sentence's first byte: two dates of one
    /// sentence are two happenings.
    pub sentence: Option<(u32, u32)>,
    /// Whether it is the article's headline, dated by its publication.
    pub headline: bool,
    /// The event type ([`crate::extract::EventType`]).
    pub kind: crate::extract::EventType,
    /// People killed and injured, as the sentence counts them.
    pub killed: Option<u32>,
    /// See [`Features::killed`].
    pub injured: Option<u32>,
    /// The outlet ([`crate::store::SourceId`]); set by the caller.
    pub outlet: u32,
    /// For a statement: the keys ([`term_key`]) of the capitalised words
    /// before its speech verb, in the clause of the speaking ("Foreign
    /// Minister Ivana Petrenko said on Friday that ..." → Foreign,
    /// Minister, Ivana, Petrenko), leaving out the date expression; with
    /// the speaker named last, those of the voice before the verb ("...,
    /// Governor Lysak said" → Governor, Lysak;
    /// [`crate::extract::reported_speech::speaking`]). Empty without a
    /// speech verb. For a decision
    /// ([`announced`]: a strategic development, aid, sanctions) that the
    /// sentence announces, those of the voice that announces it ("the
    /// Pentagon said" → Pentagon). Empty for other types.
    pub speaker: Vec<u64>,
    /// The names of the sentence written in Latin letters, as (stem key
    /// ([`term_key`]), spelling key ([`super::spelling::key`])): one name
    /// spelled two ways shares the second only.
    pub names: Vec<(u64, u64)>,
    /// The key ([`term_key`]) of the noun the date stands before, as in
    /// "Tuesday's attack" ([`super::anaphora`]): the report refers back to
    /// a happening told before. `None` for other reports.
    pub anaphor: Option<u64>,
    /// The key of the sentence's first word when it is capitalised: a name
    /// or not, the sentence does not tell ("Kestrel and Brandt spoke",
    /// "The talks"); rarity tells ([`crate::cluster`] weighs it by idf).
    pub opening: Option<u64>,
}

/// The most bytes of an article's lead read as context.
pub const LEAD_BYTES: usize = 600;

/// The stems of an article's lead ([`lead`]), sorted, each once: what the
/// article is about, for reports whose own sentence leaves it unsaid ("the
/// blasts on Tuesday" in an article about one depot).
pub fn lead_terms(doc: &Document) -> Vec<(u64, bool)> {
    let mut f = Features::default();
    read_words(lead(doc), None, &mut f);
    f.terms
}

/// The article's lead: its first paragraph (up to a blank line), cut to
/// [`LEAD_BYTES`] at a character boundary.
fn lead(doc: &Document) -> &str {
    let body = doc.text.get(doc.body_start..).unwrap_or("");
    let end = lead_end(body);
    body[..end].trim_start()
}

/// Where the lead of an article body ends ([`lead`]), in bytes from the
/// body's start (leading whitespace included).
pub fn lead_end(body: &str) -> usize {
    let trimmed = body.trim_start();
    let end = trimmed
        .find("\n\n")
        .unwrap_or(trimmed.len())
        .min(LEAD_BYTES);
    let mut end = end.min(trimmed.len());
    while !trimmed.is_char_boundary(end) {
        end -= 1;
    }
    body.len() - trimmed.len() + end
}

impl Features {
    /// The features of an event of `doc`.
    pub fn of(event: &Event, doc: &Document, gazetteer: &Gazetteer) -> Features {
        let (text, skip) = match (event.headline, event.sentence) {
            (false, Some(s)) => {
                let skip = event.expression.map(|x| {
                    (x.start.saturating_sub(s.start)) as usize
                        ..(x.end.saturating_sub(s.start)) as usize
                });
                // Of sentences run together without a space, the part that
                // holds the date is the report.
                let sentence = &doc.text[s.range()];
                let part = skip.as_ref().map_or(0..sentence.len(), |x| {
                    crate::text::sentences::glued_part(sentence, x.start)
                });
                let skip = skip.map(|x| x.start - part.start..x.end - part.start);
                (&sentence[part], skip)
            }
            _ => (doc.title_or_name(), None),
        };
        Features::of_text(event, doc, gazetteer, text, skip)
    }

    /// The features of `event` read from `text` (its sentence, or another
    /// text that tells its happening: [`super::leads`]), `skip` being the
    /// date expression's bytes in `text`, left out of the words.
    pub fn of_text(
        event: &Event,
        doc: &Document,
        gazetteer: &Gazetteer,
        text: &str,
        skip: Option<std::ops::Range<usize>>,
    ) -> Features {
        let mut f = Features {
            days: days_of(event),
            sentence: event.sentence.map(|s| (event.doc, s.start)),
            headline: event.headline,
            kind: event.kind,
            killed: event.killed,
            injured: event.injured,
            ..Features::default()
        };
        if f.days.is_none() {
            // Never clustered: its words are not needed.
            return f;
        }
        read_words(text, skip.clone(), &mut f);
        f.anaphor = skip.clone().and_then(|date| {
            super::anaphora::qualified_noun(text, date, super::anaphora::not_nouns()).map(term_key)
        });
        let lang = doc.lang.value.unwrap_or_default();
        // Titles stand for their holders where the actors count.
        let actors_count = match event.kind {
            EventType::Statements | EventType::Calls | EventType::Talks => true,
            kind => announced(kind),
        };
        let titles = if actors_count {
            Offices::get().named(text, lang, event.date.first)
        } else {
            Vec::new()
        };
        add_holders(&titles, lang, &mut f);
        if event.kind == EventType::Statements {
            f.speaker = speaker_words(text, lang, skip, &titles);
        } else if announced(event.kind) {
            f.speaker = voice_words(text, lang, skip, &titles);
        }

        for &r in event.regions.iter() {
            let region = gazetteer.region(r);
            let list = match region.kind {
                RegionKind::Town => &mut f.towns,
                RegionKind::Region => &mut f.admin1,
                RegionKind::Country => &mut f.countries,
            };
            if !list.contains(&r) {
                list.push(r);
            }
        }
        f
    }
}

/// The keys of the capitalised words of the speaker of `text` (see
/// [`Features::speaker`]); `date` is the event's date expression, in bytes
/// of `text`.
fn speaker_words(
    text: &str,
    lang: crate::lang::Lang,
    date: Option<std::ops::Range<usize>>,
    titles: &[Named],
) -> Vec<u64> {
    let dates: Vec<std::ops::Range<usize>> = date.iter().cloned().collect();
    match crate::extract::reported_speech::speaking(text, lang, &dates) {
        Some(head) => with_holders(
            capitalised_keys(text, head.clone(), date),
            head,
            titles,
            lang,
        ),
        None => Vec::new(),
    }
}

/// `keys` with the keys of the holders of the titles inside `span`
/// ([`Offices::named`]: "the German chancellor said" is Scholz speaking),
/// sorted, each once.
fn with_holders(
    mut keys: Vec<u64>,
    span: std::ops::Range<usize>,
    titles: &[Named],
    lang: crate::lang::Lang,
) -> Vec<u64> {
    let inside = titles
        .iter()
        .filter(|t| span.start <= t.span.start && t.span.end <= span.end);
    let before = keys.len();
    keys.extend(inside.flat_map(|t| t.holder.keys(lang)));
    if keys.len() > before {
        keys.sort_unstable();
        keys.dedup();
    }
    keys
}

/// Adds the holders of `titles` ([`Offices::named`]) to the report's
/// words as names: "the German chancellor" reads as "Scholz" too.
fn add_holders(titles: &[Named], lang: crate::lang::Lang, f: &mut Features) {
    if titles.is_empty() {
        return;
    }
    for t in titles {
        for key in t.holder.name_keys(lang) {
            f.terms.push((key, true));
        }
        if !matches!(lang, crate::lang::Lang::Uk | crate::lang::Lang::Ru)
            && let Some(skeleton) = super::spelling::key(t.holder.surname())
        {
            f.names.push((term_key(t.holder.surname()), skeleton));
        }
    }
    f.names.sort_unstable();
    f.names.dedup();
    sort_terms(&mut f.terms);
}

/// Sorts terms by key, each once, a name wherever it was written as one.
fn sort_terms(terms: &mut Vec<(u64, bool)>) {
    terms.sort();
    terms.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 |= b.1;
            true
        } else {
            false
        }
    });
}

/// Whether a report of this type may be a decision its speaker announced
/// (see [`Features::speaker`]).
pub fn announced(kind: crate::extract::EventType) -> bool {
    use crate::extract::EventType as T;
    matches!(kind, T::StrategicDevelopments | T::Aid | T::Sanctions)
}

/// The keys of the capitalised words of the voice that announces the
/// decision `text` reports ([`crate::extract::reported_speech::voice`]):
/// "the Pentagon on Wednesday announced that the US will deploy ..." →
/// Pentagon. Empty when the sentence announces nothing (a decision
/// related as done).
fn voice_words(
    text: &str,
    lang: crate::lang::Lang,
    date: Option<std::ops::Range<usize>>,
    titles: &[Named],
) -> Vec<u64> {
    match crate::extract::reported_speech::voice(text, lang) {
        Some(v) if v.announces => with_holders(
            capitalised_keys(text, v.words.clone(), date),
            v.words,
            titles,
            lang,
        ),
        _ => Vec::new(),
    }
}

/// The keys of the capitalised words of `text[span]` (bytes), each once,
/// sorted, leaving out numbers, words shorter than [`MIN_WORD_CHARS`] and
/// the words of the date expression `date` (bytes of `text`).
fn capitalised_keys(
    text: &str,
    span: std::ops::Range<usize>,
    date: Option<std::ops::Range<usize>>,
) -> Vec<u64> {
    let Some(head) = text.get(span.clone()) else {
        return Vec::new();
    };
    let mut keys: Vec<u64> = words(head)
        .iter()
        .filter(|w| !w.number && w.text.chars().count() >= MIN_WORD_CHARS)
        .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| {
            !date
                .as_ref()
                .is_some_and(|d| d.contains(&(span.start + w.at)))
        })
        .map(|w| term_key(w.text))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn days_of(event: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let span = (event.date.last - event.date.first).num_days();
    match event.date.precision {
        DatePrecision::Month | DatePrecision::Year => None,
        _ if span > MAX_SPAN_DAYS => None,
        _ => Some((event.date.first, event.date.last)),
    }
}

/// A word of the text: its characters' byte range and whether it is a number.
struct Word<'t> {
    text: &'t str,
    at: usize,
    number: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inside = c.is_alphanumeric()
            || (matches!(c, ',' | '.')
                && start.is_some()
                && bytes.get(i.wrapping_sub(1)).is_some_and(u8::is_ascii_digit)
                && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word_at(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word_at(text, s, text.len()));
    }
    out
}

fn word_at(text: &str, start: usize, end: usize) -> Word<'_> {
    let w = &text[start..end];
    Word {
        text: w,
        at: start,
        number: w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.'),
    }
}

/// The key of a word: the FNV-1a hash of its first [`STEM_CHARS`]
/// characters, lower-cased, with ё read as е and ґ as г.
pub fn term_key(word: &str) -> u64 {
    if word.is_ascii() {
        let mut bytes = [0u8; STEM_CHARS];
        let n = word.len().min(STEM_CHARS);
        for (b, w) in bytes.iter_mut().zip(word.bytes()) {
            *b = w.to_ascii_lowercase();
        }
        return crate::extract::fnv1a(&bytes[..n]);
    }
    let mut buf = [0u8; 4];
    let mut bytes = [0u8; STEM_CHARS * 4 * 3];
    let mut len = 0;
    for c in word.chars().take(STEM_CHARS).flat_map(char::to_lowercase) {
        let c = match c {
            'ё' => 'е',
            'ґ' => 'г',
            c => c,
        };
        let utf8 = c.encode_utf8(&mut buf).as_bytes();
        if len + utf8.len() > bytes.len() {
            break;
        }
        bytes[len..len + utf8.len()].copy_from_slice(utf8);
        len += utf8.len();
    }
    crate::extract::fnv1a(&bytes[..len])
}

fn read_words(text: &str, skip: Option<std::ops::Range<usize>>, f: &mut Features) {
    let all = words(text);
    let skipped = |w: &Word| {
        skip.as_ref()
            .is_some_and(|r| w.at >= r.start && w.at < r.end)
    };
    for (k, w) in all.iter().enumerate() {
        if skipped(w) {
            continue;
        }
        if w.number {
            if let Some(n) = quantity(w.text) {
                let units: Vec<u64> = all[k + 1..]
                    .iter()
                    .filter(|u| !u.number && u.text.chars().count() >= MIN_WORD_CHARS)
                    .take(2)
                    .map(|u| term_key(u.text))
                    .collect();
                f.quantities.push((n, units));
                f.terms
                    .push((crate::extract::fnv1a(format!("#{n}").as_bytes()), false));
            }
            continue;
        }
        if w.text.chars().count() < MIN_WORD_CHARS {
            continue;
        }
        let capital = w.text.chars().next().is_some_and(char::is_uppercase);
        let key = term_key(w.text);
        if k == 0 && capital {
            f.opening = Some(key);
        }
        if k > 0
            && capital
            && let Some(skeleton) = super::spelling::key(w.text)
        {
            f.names.push((key, skeleton));
        }
        f.terms.push((key, k > 0 && capital));
    }
    f.names.sort_unstable();
    f.names.dedup();
    sort_terms(&mut f.terms);
}

/// The value of a number as a count: digits with thousands separators
/// ("8,500", "1.200"); years (1900–2100) and decimals are not counts.
fn quantity(word: &str) -> Option<u64> {
    let groups: Vec<&str> = word.split([',', '.']).collect();
    let grouped = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() > 1 && !grouped {
        return None;
    }
    let n: u64 = groups.concat().parse().ok()?;
    if groups.len() == 1 && (1900..=2100).contains(&n) {
        return None;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Features {
        let mut f = Features::default();
        read_words(text, None, &mut f);
        f
    }

    #[test]
    fn words_are_stemmed_and_names_marked() {
        let f = features("The governor said Russian drones struck Sumy overnight");
        let terms: Vec<u64> = f.terms.iter().map(|(t, _)| *t).collect();
        assert!(terms.contains(&term_key("governments")) && terms.contains(&term_key("drones")));
        assert!(f.terms.contains(&(term_key("Sumy"), true)));
        assert!(
            f.terms.contains(&(term_key("the"), false)),
            "sentence-initial is no name"
        );
    }

    #[test]
    fn quantities_keep_their_units_and_skip_years_and_decimals() {
        let f = features("Russia launched 82 drones and 3,000 more troops in 2024, a 2.5 rise");
        assert_eq!(
            f.quantities[0],
            (82, vec![term_key("drones"), term_key("and")])
        );
        assert_eq!(f.quantities[1].0, 3000);
        assert!(f.quantities[1].1.contains(&term_key("troops")));
        assert_eq!(f.quantities.len(), 2);
    }

    #[test]
    fn the_speaker_is_the_capitalised_words_before_the_speech_verb() {
        let t = "US envoy Jane Roe said on Friday that Ukraine would get more aid.";
        let date = t.find("on Friday").map(|s| s..s + "on Friday".len());
        let got = speaker_words(t, crate::lang::Lang::En, date, &[]);
        let mut want: Vec<u64> = ["Jane", "Roe"].iter().map(|w| term_key(w)).collect();
        want.sort_unstable();
        assert_eq!(got, want, "short words and what was said are left out");
        let t = "Звернення прозвучало в понеділок, заявив Петро Іваненко.";
        assert!(
            speaker_words(t, crate::lang::Lang::Uk, None, &[]).is_empty(),
            "a speaker after the words has no split"
        );
        let t = "Шмигаль заявив у понеділок, що уряд виділить кошти на ремонт.";
        assert_eq!(
            speaker_words(t, crate::lang::Lang::Uk, None, &[]),
            vec![term_key("Шмигаль")]
        );
    }

    #[test]
    fn cyrillic_words_are_stemmed_alike() {
        let a = features("Удар по Харкові");
        let b = features("Удар по Харкова");
        assert_eq!(a.terms, b.terms);
    }
}
