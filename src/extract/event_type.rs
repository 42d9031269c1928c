//! The type of an event: what kind of happening its sentence reports
//! (issue 13, item 3).
//!
//! The taxonomy follows ACLED's event types (Battles, Explosions/Remote
//! violence, Violence against civilians, Strategic developments, Protests)
//! and adds what the news of this war reports besides: talks and meetings,
//! calls, statements and warnings, sanctions, aid; a sentence without a cue
//! is `Other`. The cue words are data, `assets/event_types.toml`, compiled
//! in and read once: per type and language, whole words, stems ("shell*")
//! and phrases ("prisoner exchange"), scoring 3 (key), 2 (strong) or 1
//! (weak). The
//! type with the highest score wins; the file's `priority` list breaks ties
//! (a strike that killed civilians is Explosions/Remote violence, as ACLED
//! codes it). Speech verbs are weak cues of Statements, so a sentence that
//! reports a speaker's words about a strike is the strike, and one with
//! nothing but the speaking is a statement.
//!
//! A sentence that reports speech before the words said ("Peskov said on
//! Monday that ...", [`crate::extract::reported_speech`]) is read in two
//! parts ([`classify_sentence`]): words that are an expectation, a wish or
//! a denial leave it a statement whatever they mention; words that relay a
//! concrete happening make it that happening.
//!
//! One lower-casing pass and one Aho-Corasick scan per sentence (three for
//! reported speech): the classifier runs on every event of a large corpus.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

const TABLE: &str = include_str!("../../assets/event_types.toml");

/// The primary type of an event. Serialised as its index (postcard cache)
/// or its snake_case [`EventType::code`] (JSON).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// ACLED "Battles": armed clashes, offensives, assaults, sieges.
    Battles,
    /// ACLED "Explosions/Remote violence": shelling, air or drone strikes,
    /// missile attacks, explosions.
    ExplosionsRemoteViolence,
    /// ACLED "Violence against civilians": torture, executions, abductions,
    /// deportations, mass graves.
    ViolenceAgainstCivilians,
    /// ACLED "Strategic developments": captures and withdrawals, prisoner
    /// exchanges, evacuations, decrees, arrests, sabotage.
    StrategicDevelopments,
    /// ACLED "Protests" (riots included).
    Protests,
    /// Talks, negotiations, meetings, summits and visits.
    Talks,
    /// Phone and video calls between leaders or officials.
    Calls,
    /// Statements, claims, warnings, appeals, denials, accusations.
    Statements,
    /// Sanctions, embargoes, bans, tariffs, expulsions.
    Sanctions,
    /// Military, financial and humanitarian aid: pledges and deliveries.
    Aid,
    /// None of the above: no cue in the sentence.
    #[default]
    Other,
}

impl EventType {
    /// Every type, in display order (ACLED's types first, `Other` last).
    pub const ALL: [EventType; 11] = [
        EventType::Battles,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::StrategicDevelopments,
        EventType::Protests,
        EventType::Talks,
        EventType::Calls,
        EventType::Statements,
        EventType::Sanctions,
        EventType::Aid,
        EventType::Other,
    ];

    /// The snake_case code used in exports and filters
    /// (`explosions_remote_violence`), as in `assets/event_types.toml`.
    pub fn code(self) -> &'static str {
        match self {
            EventType::Battles => "battles",
            EventType::ExplosionsRemoteViolence => "explosions_remote_violence",
            EventType::ViolenceAgainstCivilians => "violence_against_civilians",
            EventType::StrategicDevelopments => "strategic_developments",
            EventType::Protests => "protests",
            EventType::Talks => "talks",
            EventType::Calls => "calls",
            EventType::Statements => "statements",
            EventType::Sanctions => "sanctions",
            EventType::Aid => "aid",
            EventType::Other => "other",
        }
    }

    /// The type for a code of [`EventType::code`], if any.
    pub fn from_code(code: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The display name: ACLED's name for ACLED's types ("Explosions/Remote
    /// violence"), the `label` of `assets/event_types.toml` for the others.
    pub fn label(self) -> &'static str {
        let table = table();
        table
            .types
            .iter()
            .find(|t| t.code == self.code())
            .map_or(self.code(), |t| t.label.as_str())
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The cue words of one type in one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    #[serde(default)]
    key: Vec<String>,
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeEntry {
    code: String,
    label: String,
    #[serde(default)]
    en: Cues,
    #[serde(default)]
    uk: Cues,
    #[serde(default)]
    ru: Cues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    priority: Vec<String>,
    #[serde(rename = "type")]
    types: Vec<TypeEntry>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let t: Table = toml::from_str(TABLE)
            .unwrap_or_else(|e| panic!("assets/event_types.toml is invalid: {e}"));
        for e in &t.types {
            assert!(
                EventType::from_code(&e.code).is_some(),
                "assets/event_types.toml: unknown type code {}",
                e.code
            );
        }
        t
    })
}

/// One cue pattern of a [`Matcher`].
struct Cue {
    kind: EventType,
    weight: u16,
    /// A stem: the match may end inside a word.
    stem: bool,
}

/// The cues of one language, compiled.
struct Matcher {
    ac: AhoCorasick,
    cues: Vec<Cue>,
    /// Rank of each type (by [`EventType::index`]) in the tie order; lower wins.
    rank: [u8; 11],
}

impl Matcher {
    fn new(langs: &[Lang]) -> Matcher {
        let table = table();
        let mut patterns = Vec::new();
        let mut cues = Vec::new();
        for entry in &table.types {
            let kind = EventType::from_code(&entry.code).unwrap_or_default();
            for &lang in langs {
                let set = match lang {
                    Lang::Uk => &entry.uk,
                    Lang::Ru => &entry.ru,
                    Lang::En | Lang::Other => &entry.en,
                };
                for (words, weight) in [(&set.key, 3), (&set.strong, 2), (&set.weak, 1)] {
                    for w in words {
                        let stem = w.ends_with('*');
                        patterns.push(normalise(w.trim_end_matches('*')));
                        cues.push(Cue { kind, weight, stem });
                    }
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("event type cues compile");
        let mut rank = [u8::MAX; 11];
        for (i, code) in table.priority.iter().enumerate() {
            if let Some(t) = EventType::from_code(code) {
                rank[t.index()] = i as u8;
            }
        }
        Matcher { ac, cues, rank }
    }

    /// Per-type scores of a sentence, indexed by [`EventType::index`].
    fn scores(&self, text: &str) -> [u16; 11] {
        let lowered = normalise(text);
        let bytes = lowered.as_str();
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(bytes) {
            let cue = &self.cues[m.pattern().as_usize()];
            if word_char(bytes[..m.start()].chars().next_back()) {
                continue;
            }
            if !cue.stem && word_char(bytes[m.end()..].chars().next()) {
                continue;
            }
            hits.push((m.start(), m.end(), m.pattern().as_usize()));
        }
        let mut scores = [0u16; 11];
        for (i, &(s, e, p)) in hits.iter().enumerate() {
            let hidden = hits
                .iter()
                .enumerate()
                .any(|(j, &(s2, e2, _))| j != i && s2 <= s && e <= e2 && e2 - s2 > e - s);
            if !hidden {
                let cue = &self.cues[p];
                scores[cue.kind.index()] += cue.weight;
            }
        }
        scores
    }

    fn classify(&self, text: &str) -> EventType {
        self.decide(&self.scores(text))
    }

    /// The type with the highest score, `priority` breaking ties; `Other`
    /// when nothing scored.
    fn decide(&self, scores: &[u16; 11]) -> EventType {
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 {
            return EventType::Other;
        }
        EventType::ALL
            .into_iter()
            .filter(|t| scores[t.index()] == best)
            .min_by_key(|t| self.rank[t.index()])
            .unwrap_or(EventType::Other)
    }
}

/// Lower case, typographic apostrophes as `'`, whitespace runs as one space:
/// how cues and sentences are compared.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn matcher(lang: Lang) -> &'static Matcher {
    static EN: OnceLock<Matcher> = OnceLock::new();
    static UK: OnceLock<Matcher> = OnceLock::new();
    static RU: OnceLock<Matcher> = OnceLock::new();
    match lang {
        Lang::En | Lang::Other => EN.get_or_init(|| Matcher::new(&[Lang::En])),
        // Cyrillic copy quotes English names and terms now and then.
        Lang::Uk => UK.get_or_init(|| Matcher::new(&[Lang::Uk, Lang::En])),
        Lang::Ru => RU.get_or_init(|| Matcher::new(&[Lang::Ru, Lang::En])),
    }
}

/// The primary type of the happening a sentence (or headline) reports,
/// read with the cues of `lang` (English cues for English and other
/// languages; Ukrainian or Russian ones plus the English for those).
pub fn classify(text: &str, lang: Lang) -> EventType {
    matcher(lang).classify(text)
}

/// The most a type scores from irrealis words said: one strong cue's worth,
/// so that piled-up cues of an offer ("ready to send more aid") do not
/// outweigh the speaking.
const IRREALIS_WORDS_CAP: u16 = 2;

/// What the act of speech adds to Statements when the words said are
/// irrealis: more than any one type of the words may score
/// ([`IRREALIS_WORDS_CAP`]), so only a cue of the speaking itself ("at the
/// talks, the minister said ...") can outweigh it.
const SPEECH_ACT: u16 = IRREALIS_WORDS_CAP + 1;

/// The type of a sentence's happening ([`classify`]), read in two parts
/// when it reports speech before the words said
/// ([`crate::extract::reported_speech::reported`]). `raw` is the sentence
/// as in the article, `shown` as displayed, `exprs` its date expressions
/// (bytes relative to `raw`).
///
/// - Words that are an expectation, a wish or a denial (irrealis: "would",
///   "not", "likely", "want"): the happening is the act of speech. Each
///   type of the words scores at most [`IRREALIS_WORDS_CAP`] and the act
///   of speech adds [`SPEECH_ACT`] to Statements, so a statement that an
///   invasion may come, or that sanctions "may" bite, stays a statement.
/// - Words that relay a concrete happening and hold every date ("said that
///   on Monday a convoy left"): the words alone are the happening; words
///   without a cue leave it a statement.
/// - Otherwise (concrete words dated in the speaking, "said on Saturday
///   that two people were killed", or a date in an earlier clause, "talks
///   resumed on Friday and the minister said that ..."): the whole
///   sentence, speech verbs being weak cues.
///
/// Rule of this project, after the labelling rule of
/// `tests/labels/real_types.tsv` (a speaker's words are a statement unless
/// they relay the facts of a concrete happening).
pub fn classify_sentence(raw: &str, shown: &str, lang: Lang, exprs: &[Range<usize>]) -> EventType {
    // Markup blanked in place: a link cut by the split leaves no target
    // words in either part, and the date offsets still hold.
    let blanked = crate::text::display::blank_markup(raw);
    let speech = crate::extract::reported_speech::reported(&blanked, lang, exprs);
    classify_reported(&blanked, shown, lang, exprs, speech.as_ref())
}

/// [`classify_sentence`] for a sentence whose markup is already blanked
/// (`blanked`, [`crate::text::display::blank_markup`]) and whose reported
/// speech is already read (`speech`, from `blanked`): extraction reads it
/// once per sentence for the type and for the places.
pub fn classify_reported(
    blanked: &str,
    shown: &str,
    lang: Lang,
    exprs: &[Range<usize>],
    speech: Option<&crate::extract::reported_speech::Reported>,
) -> EventType {
    let raw = blanked;
    let Some(r) = speech else {
        return classify(shown, lang);
    };
    let in_speaking = exprs
        .iter()
        .any(|e| (r.speaking..r.said).contains(&e.start));
    let in_earlier_clause = exprs.iter().any(|e| e.start < r.speaking);
    if (in_earlier_clause && !in_speaking) || (in_speaking && !r.irrealis) {
        return classify(shown, lang);
    }
    let m = matcher(lang);
    let prose = crate::text::display::prose;
    let (head, words) = (
        m.scores(&prose(&raw[..r.said])),
        m.scores(&prose(&raw[r.said..])),
    );
    let scores = if r.irrealis {
        let mut s = [0u16; 11];
        for i in 0..11 {
            s[i] = head[i] + words[i].min(IRREALIS_WORDS_CAP);
        }
        s[EventType::Statements.index()] += SPEECH_ACT;
        s
    } else if words.iter().any(|&w| w > 0) {
        words
    } else {
        head
    };
    m.decide(&scores)
}

/// The per-type cue scores of a sentence, in [`EventType::ALL`] order: what
/// [`classify`] decides from (for diagnostics and tests).
pub fn scores(text: &str, lang: Lang) -> Vec<(EventType, u16)> {
    let s = matcher(lang).scores(text);
    EventType::ALL
        .into_iter()
        .map(|t| (t, s[t.index()]))
        .collect()
}

#[cfg(test)]
#[path = "event_type_tests.rs"]
mod tests;
