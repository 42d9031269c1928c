//! Reported speech: where, in a sentence that attributes words to a
//! speaker, the words themselves begin ("Peskov said on Monday that | the
//! talks ...", "заявив, що | ...").
//!
//! The first speech verb of `assets/reported_speech.toml` opens the
//! attribution; what was said starts after the first complementizer
//! ("that", "що", "что"), colon, or quote after a comma within
//! [`WINDOW_WORDS`] words of the verb ("told reporters at the UN on Friday
//! that"), or, with no complementizer, right after a date expression that
//! follows the verb ("said on Friday there were ..."). A sentence whose
//! speaker comes last ("..., the governor said") has no such split: its
//! words are the happening.
//!
//! It also tells whether the words are irrealis (an expectation, a wish or
//! a denial rather than a concrete happening), which is how `event_type`
//! tells a statement from the report of a happening.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

use crate::lang::Lang;

const TABLE: &str = include_str!("../../assets/reported_speech.toml");

/// How many words after the speech verb a complementizer may come: room for
/// an addressee and a date ("told reporters at the UN on Friday that").
pub const WINDOW_WORDS: usize = 9;

/// The most words between a speech verb and a date expression that stands
/// for the complementizer ("said on Friday there ...": "on").
const DATE_GAP_WORDS: usize = 2;

/// The fewest words what was said must have: a shorter tail is a fragment,
/// not a report.
const MIN_SAID_WORDS: usize = 3;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Lists {
    verbs: Vec<String>,
    complementizers: Vec<String>,
    irrealis: Vec<String>,
    performative: Vec<String>,
    future: Vec<String>,
    clause_openers: Vec<String>,
    announcing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    en: Lists,
    uk: Lists,
    ru: Lists,
}

struct Lexicon {
    verbs: HashSet<String>,
    complementizers: HashSet<String>,
    /// Whole words of `irrealis`.
    irrealis: HashSet<String>,
    /// Stems (`want*` without its star) of `irrealis`.
    irrealis_stems: Vec<String>,
    performative: HashSet<String>,
    future: HashSet<String>,
    clause_openers: HashSet<String>,
    announcing: HashSet<String>,
}

impl Lexicon {
    fn is_irrealis(&self, word: &str) -> bool {
        self.irrealis.contains(word)
            || self
                .irrealis_stems
                .iter()
                .any(|s| word.starts_with(s.as_str()))
    }
}

fn lexicon(lang: Lang) -> &'static Lexicon {
    static L: OnceLock<[Lexicon; 3]> = OnceLock::new();
    let all = L.get_or_init(|| {
        let t: Table = toml::from_str(TABLE)
            .unwrap_or_else(|e| panic!("assets/reported_speech.toml is invalid: {e}"));
        let build = |w: Lists| {
            let (stems, whole): (Vec<String>, Vec<String>) =
                w.irrealis.into_iter().partition(|x| x.ends_with('*'));
            Lexicon {
                verbs: w.verbs.into_iter().collect(),
                complementizers: w.complementizers.into_iter().collect(),
                irrealis: whole.into_iter().collect(),
                irrealis_stems: stems
                    .into_iter()
                    .map(|x| x.trim_end_matches('*').to_owned())
                    .collect(),
                performative: w.performative.into_iter().collect(),
                future: w.future.into_iter().collect(),
                clause_openers: w.clause_openers.into_iter().collect(),
                announcing: w.announcing.into_iter().collect(),
            }
        };
        [build(t.en), build(t.uk), build(t.ru)]
    });
    match lang {
        Lang::En | Lang::Other => &all[0],
        Lang::Uk => &all[1],
        Lang::Ru => &all[2],
    }
}

/// Words of `s` as byte ranges: runs of letters, digits, apostrophes and
/// hyphens.
fn words(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push(b..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(b..s.len());
    }
    out
}

/// A sentence's reported speech, in bytes from the sentence's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// Where the clause of the speaking starts: after the last clause
    /// opener ("and", "while", "who") before the speech verb, else 0.
    pub speaking: usize,
    /// Where the speech verb ("said", "заявив") starts.
    pub verb: usize,
    /// Where what was said starts.
    pub said: usize,
    /// Whether what was said holds an irrealis word (a modal, a negation,
    /// "if", "likely", "want"): an expectation or a denial, not the report
    /// of a concrete happening. The future after a performative verb
    /// ("announced that the US will ban") is not one.
    pub irrealis: bool,
}

/// The reported speech of `sentence`, if it reports speech before the
/// words; `dates` are the byte ranges of the sentence's date expressions,
/// relative to `sentence`.
pub fn reported(sentence: &str, lang: Lang, dates: &[Range<usize>]) -> Option<Reported> {
    let lex = lexicon(lang);
    let words = SentenceWords::of(sentence);
    let (verb, said) = split(sentence, lex, &words, dates)?;
    let speaking = clause_start(lex, &words, verb, dates);
    // After a verb that enacts what it says, the future announces.
    let enacts = lex.performative.contains(&*words.lower[verb]);
    let irrealis = (0..words.spans.len())
        .filter(|&k| words.spans[k].start >= said)
        .map(|k| &*words.lower[k])
        .any(|w| lex.is_irrealis(w) && !(enacts && lex.future.contains(w)));
    Some(Reported {
        speaking,
        verb: words.spans[verb].start,
        said,
        irrealis,
    })
}

/// Where the clause of a sentence's first speech verb starts (after the
/// last clause opener before it, else 0) and where the verb starts, in
/// bytes, whether or not the sentence gives the words after it
/// ([`reported`] needs a "that", a colon or a date to split them off:
/// "Kirby said the alliance stands united" has none). `None` without a
/// speech verb. `dates` as for [`reported`].
///
/// With no such split, the speaker is the voice right before the verb
/// ([`voice`]: "Kherson will hold out, Governor Lysak said on Friday" →
/// "Governor Lysak", for what comes before the comma is what was said),
/// and the whole clause only when a comma stands right before the verb
/// (a speaker set off by an aside: "Harmash, at a briefing on Friday,
/// said ...") and what follows the verb is what was said; when no more
/// than [`VOICE_WORDS`] words follow, they are the speaker ("..., said the
/// minister") and the range is empty.
pub fn speaking(sentence: &str, lang: Lang, dates: &[Range<usize>]) -> Option<Range<usize>> {
    let lex = lexicon(lang);
    let words = SentenceWords::of(sentence);
    if let Some((verb, _)) = split(sentence, lex, &words, dates) {
        return Some(clause_start(lex, &words, verb, dates)..words.spans[verb].start);
    }
    let verb = words.lower.iter().position(|w| lex.verbs.contains(&**w))?;
    let voice = voice_start(sentence, lex, &words, verb);
    let after = words.spans.len() - verb - 1;
    let start = if voice < verb {
        words.spans[voice].start
    } else if after <= VOICE_WORDS {
        // The speaker after the verb ("..., заявив Петро Іваненко", "...,
        // said the minister"): before it is only what was said.
        words.spans[verb].start
    } else {
        clause_start(lex, &words, verb, dates)
    };
    Some(start..words.spans[verb].start)
}

/// The byte where the clause of the word `verb` starts: after the last
/// clause opener before it, else 0. A clause opener inside a date
/// expression ("the day before", "after midnight") opens no clause.
fn clause_start(
    lex: &Lexicon,
    words: &SentenceWords<'_>,
    verb: usize,
    dates: &[Range<usize>],
) -> usize {
    let in_date = |k: usize| dates.iter().any(|d| d.contains(&words.spans[k].start));
    (0..verb)
        .rev()
        .find(|&k| lex.clause_openers.contains(&*words.lower[k]) && !in_date(k))
        .map_or(0, |k| words.spans[k].end)
}

/// The most words a voice ([`voice`]) reaches back from its speech verb:
/// "the Pentagon on Wednesday announced", "the regional governor said".
pub const VOICE_WORDS: usize = 5;

/// Who a sentence says announced what it reports, in bytes from the
/// sentence's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The words right before the first speech verb, back to a comma, a
    /// clause opener or [`VOICE_WORDS`] words: "the Pentagon on Wednesday"
    /// in "..., the Pentagon on Wednesday announced that ...", "the
    /// Pentagon" in "... will deploy troops, the Pentagon said".
    pub words: Range<usize>,
    /// Whether the sentence announces a decision rather than relating one
    /// done: its speech verb enacts what it says ("announced", "ordered"),
    /// or it holds a word of `announcing` ("will"). A decision announced is
    /// dated by its announcement, so on that day it is what its speaker
    /// said; a capture reported done ("said its forces captured") is not.
    pub announces: bool,
}

/// The voice of `sentence`: the words before its first speech verb that
/// name who speaks, wherever the words stand (before or after what was
/// said). `None` without a speech verb or with no word before it.
pub fn voice(sentence: &str, lang: Lang) -> Option<Voice> {
    let lex = lexicon(lang);
    let words = SentenceWords::of(sentence);
    let verb = words.lower.iter().position(|w| lex.verbs.contains(&**w))?;
    let first = voice_start(sentence, lex, &words, verb);
    if first == verb {
        return None;
    }
    let announces = lex.performative.contains(&*words.lower[verb])
        || words.lower.iter().any(|w| lex.announcing.contains(&**w));
    Some(Voice {
        words: words.spans[first].start..words.spans[verb].start,
        announces,
    })
}

/// The first word (an index) of the voice before the word `verb`: back
/// to a comma, a dash, a quote or a clause opener, at most [`VOICE_WORDS`]
/// words; `verb` itself when none is there.
fn voice_start(sentence: &str, lex: &Lexicon, words: &SentenceWords<'_>, verb: usize) -> usize {
    let mut first = verb;
    while first > 0 && verb - first < VOICE_WORDS {
        let gap = &sentence[words.spans[first - 1].end..words.spans[first].start];
        if gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
            || lex.clause_openers.contains(&*words.lower[first - 1])
        {
            break;
        }
        first -= 1;
    }
    first
}

/// A sentence's words: their byte ranges and their lower-case forms
/// (borrowed where a word has no capital).
struct SentenceWords<'a> {
    spans: Vec<Range<usize>>,
    lower: Vec<Cow<'a, str>>,
}

impl<'a> SentenceWords<'a> {
    fn of(sentence: &'a str) -> SentenceWords<'a> {
        let spans = words(sentence);
        let lower = spans
            .iter()
            .map(|r| {
                let w = &sentence[r.clone()];
                if w.chars().any(char::is_uppercase) {
                    Cow::Owned(w.to_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        SentenceWords { spans, lower }
    }
}

/// The first speech verb (its index among `words`) and where what was said
/// begins (a byte offset), if the sentence reports speech before the words.
fn split(
    sentence: &str,
    lex: &Lexicon,
    words: &SentenceWords<'_>,
    dates: &[Range<usize>],
) -> Option<(usize, usize)> {
    let verb = words.lower.iter().position(|w| lex.verbs.contains(&**w))?;
    let verb_end = words.spans[verb].end;
    let last = words.spans.len().min(verb + 1 + WINDOW_WORDS);
    let window = &words.spans[verb + 1..last];
    let lowered = &words.lower[verb + 1..last];
    // A colon, or an opening quote after a comma or a colon, before the
    // next word opens the words (a quote straight after the verb is its
    // object: admitted “heavy losses”).
    let mark = |from: usize, to: usize| {
        let gap = &sentence[from..to];
        let opened = gap.contains(':') || gap.contains(',');
        gap.char_indices()
            .find(|&(_, c)| c == ':' || (opened && matches!(c, '“' | '"' | '«' | '„')))
            .map(|(i, c)| from + i + c.len_utf8())
    };
    let is_complementizer = |k: usize| lex.complementizers.contains(&*lowered[k]);
    let mut from = verb_end;
    let mut start = None;
    for (k, w) in window.iter().enumerate() {
        if let Some(at) = mark(from, w.start) {
            start = Some(at);
            break;
        }
        if sentence[from..w.start].contains([';', '(', ')']) {
            break;
        }
        if is_complementizer(k) {
            start = Some(w.end);
            break;
        }
        // A date right after the verb: a complementizer may follow it
        // ("said on Friday that"), else the words start after it.
        if k < DATE_GAP_WORDS
            && let Some(d) = dates.iter().find(|d| d.start == w.start)
        {
            let next = (k + 1..window.len()).find(|&j| window[j].start >= d.end);
            start = match next {
                Some(j) if is_complementizer(j) => Some(window[j].end),
                Some(j) => mark(d.end, window[j].start).or(Some(d.end)),
                None => None,
            };
            break;
        }
        from = w.end;
    }
    let start = start?;
    let said = words.spans.iter().filter(|w| w.start >= start).count();
    (said >= MIN_SAID_WORDS).then_some((verb, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str, dates: &[&str]) -> Option<String> {
        let ranges: Vec<Range<usize>> = dates
            .iter()
            .map(|d| {
                let at = s.find(d).expect("date in sentence");
                at..at + d.len()
            })
            .collect();
        reported(s, Lang::En, &ranges).map(|r| s[r.said..].trim().to_string())
    }

    #[test]
    fn the_words_start_after_the_complementizer() {
        assert_eq!(
            split(
                "The mayor told reporters at the town hall on Sunday that the bridge would reopen soon.",
                &["on Sunday"]
            )
            .as_deref(),
            Some("the bridge would reopen soon.")
        );
    }

    #[test]
    fn a_date_after_the_verb_stands_for_the_complementizer() {
        assert_eq!(
            split(
                "The envoy said on Tuesday there was little hope for a deal.",
                &["on Tuesday"]
            )
            .as_deref(),
            Some("there was little hope for a deal.")
        );
    }

    #[test]
    fn a_clause_word_inside_the_date_opens_no_clause() {
        let s = "The day before, the envoy said that the talks could fail.";
        let r = reported(s, Lang::En, std::slice::from_ref(&(0..14))).expect("reported speech");
        // The speaking starts with the sentence, not after "before".
        assert_eq!(r.speaking, 0);
        assert!(r.irrealis);
        // A risk is an expectation, not a happening.
        let s = "The envoy said on Friday there is a serious risk the port will be shelled.";
        let on = s.find("on Friday").unwrap();
        assert!(
            reported(s, Lang::En, std::slice::from_ref(&(on..on + 9)))
                .unwrap()
                .irrealis
        );
    }

    #[test]
    fn a_colon_opens_the_words() {
        assert_eq!(
            split(
                "The minister wrote on Monday: we will not give up the port.",
                &["on Monday"]
            )
            .as_deref(),
            Some("we will not give up the port.")
        );
    }

    #[test]
    fn a_speaker_named_last_is_no_split() {
        assert_eq!(
            split(
                "Two warehouses burned after a strike on Friday night, the governor said.",
                &["on Friday night"]
            ),
            None
        );
        assert_eq!(split("Nobody was hurt on Monday.", &["on Monday"]), None);
    }

    #[test]
    fn ukrainian_and_russian_complementizers() {
        let uk = "Речник заявив у понеділок, що переговори тривають далі.";
        let at = reported(uk, Lang::Uk, &[]).expect("split").said;
        assert_eq!(uk[at..].trim(), "переговори тривають далі.");
        let ru = "Губернатор сообщил, что ночью сбиты три беспилотника.";
        let at = reported(ru, Lang::Ru, &[]).expect("split").said;
        assert_eq!(ru[at..].trim(), "ночью сбиты три беспилотника.");
    }

    #[test]
    fn the_voice_is_the_words_right_before_the_speech_verb() {
        let voice_of =
            |s: &str| voice(s, Lang::En).map(|v| (s[v.words].trim().to_owned(), v.announces));
        assert_eq!(
            voice_of(
                "The army will deploy two brigades north, the Defence Ministry said on Friday."
            ),
            Some(("the Defence Ministry".to_owned(), true)),
            "a voice after the words; \"will\" announces"
        );
        assert_eq!(
            voice_of(
                "Despite the delays at the port, the ministry on Friday announced new rules for grain."
            ),
            Some(("the ministry on Friday".to_owned(), true)),
            "back to the comma; an enacting verb announces"
        );
        assert_eq!(
            voice_of("The ministry said its engineers captured a bridgehead."),
            Some(("The ministry".to_owned(), false)),
            "a decision related as done is not announced"
        );
        assert_eq!(voice_of("Negotiators met in Geneva on Friday."), None);
        assert_eq!(voice_of("Said to be the largest, the depot burned."), None);
    }

    #[test]
    fn the_speaking_clause_needs_no_complementizer_but_a_last_speaker_is_only_his_voice() {
        let speaking_of = |s: &str| speaking(s, Lang::En, &[]).map(|r| s[r].trim().to_owned());
        // No "that": `reported` finds no split, the speaker is still there.
        let s = "Spokeswoman Olena Harmash, at a briefing in the capital, said the army stands firm \
             behind its partners in the east.";
        assert_eq!(reported(s, Lang::En, &[]), None);
        assert_eq!(
            speaking_of(s).as_deref(),
            Some("Spokeswoman Olena Harmash, at a briefing in the capital,")
        );
        // The speaker last: what comes before the comma is what was said.
        assert_eq!(
            speaking_of("Kherson will hold out, Governor Ihor Lysak told reporters.").as_deref(),
            Some("Governor Ihor Lysak")
        );
        assert_eq!(
            speaking_of(
                "Kherson will hold out, Governor Ihor Lysak said in a statement on Friday."
            )
            .as_deref(),
            Some("Governor Ihor Lysak")
        );
        // With a split, the clause of the speaking, as `reported` gives it.
        let s =
            "After the talks, Foreign Minister Ivana Petrenko said that the corridor stays open.";
        let r = reported(s, Lang::En, &[]).expect("a split");
        assert_eq!(
            speaking_of(s),
            Some(s[r.speaking..r.verb].trim().to_owned())
        );
        assert_eq!(speaking_of("The bridge reopened on Friday."), None);
        // The speaker after the verb: nothing before it is the speaker.
        assert_eq!(
            speaking_of("The bridge will reopen soon, said Mayor Ihor Terekhov.").as_deref(),
            Some("")
        );
    }
}
