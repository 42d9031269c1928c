//! Reports that refer back to a happening their article has already told:
//! "Tuesday's attack was on a key depot", "Friday's meeting was
//! productive", "in a summary of the Saturday call". The date stands
//! before the happening's noun as a possessive or an attribute, so the
//! sentence presumes the happening known; its own words ("a key depot",
//! "productive") need not share anything with the reports of it.
//!
//! Such a report (an anaphor) is resolved to its antecedent in the same
//! article: the one report of that day and of that kind of happening
//! (violence, or talks and calls) that is not itself an anaphor. When the
//! article has none, its anaphors of that day and kind refer to one
//! another, and the first of them to the corpus's one report of that day
//! and kind that names its noun, if exactly one does; when the article has
//! two or more, the anaphor is left alone: precision before recall.
//! Clustering then treats an anaphor as its antecedent (`similarity.rs`).

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use super::features::Features;
use super::linkage::Edge;
use crate::extract::EventType;

/// The noun the date expression at `date` (bytes of `text`) stands before,
/// as a possessive ("Tuesday's attack", "yesterday’s strike") or as an
/// attribute after "the" ("the Saturday call"); `None` when the date
/// qualifies no noun. `not_nouns` are the lower-case words that may follow
/// a date without being its noun ("the Monday before";
/// `anaphor_not_nouns` in `assets/cluster/clustering.toml`).
pub fn qualified_noun<'t>(
    text: &'t str,
    date: std::ops::Range<usize>,
    not_nouns: &[String],
) -> Option<&'t str> {
    let expr = text.get(date.clone())?;
    let after = text.get(date.end..)?;
    let possessive = |s: &str| s.ends_with("'s") || s.ends_with("’s");
    let first_word = |s: &'t str| {
        s.split(|c: char| !c.is_alphabetic())
            .next()
            .filter(|w| !w.is_empty())
    };
    let rest = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .filter(|_| !possessive(expr));
    if possessive(expr) || rest.is_some() {
        // The noun may follow a name ("Friday's Quad discussions").
        let rest = rest.unwrap_or(after).trim_start();
        let mut words = rest.split_whitespace();
        let w = words.next().and_then(first_word)?;
        if w.chars().next().is_some_and(char::is_uppercase) {
            return words.next().and_then(first_word);
        }
        return Some(w);
    }
    let before = text[..date.start].trim_end();
    let the = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let next = after.strip_prefix(' ').and_then(first_word)?;
    (the && !expr.to_lowercase().starts_with("the ")
        && next.chars().next().is_some_and(char::is_lowercase)
        && !not_nouns.iter().any(|w| w == next))
    .then_some(next)
}

const CLUSTERING_TOML: &str = include_str!("../../assets/cluster/clustering.toml");

/// The words of `anaphor_not_nouns` in `assets/cluster/clustering.toml`.
pub fn not_nouns() -> &'static [String] {
    #[derive(serde::Deserialize)]
    struct File {
        anaphor_not_nouns: Vec<String>,
    }
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        toml::from_str::<File>(CLUSTERING_TOML)
            .map(|f| f.anaphor_not_nouns)
            .unwrap_or_default()
    })
}

/// The kinds of happening an anaphor and its antecedent must share:
/// violence of any type ("Tuesday's attack" is the article's explosions),
/// or talks and calls (whose reports must also name the anaphor's noun:
/// "the Saturday conversation" is a report of a conversation, typed a call
/// or talks as its other words say).
fn family(kind: EventType) -> Option<u8> {
    match kind {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => Some(0),
        EventType::Talks | EventType::Calls => Some(1),
        _ => None,
    }
}

/// Each event's antecedent (an event index), for the anaphors that have
/// one (see the module's overview); `doc_of` gives each event's article.
/// Reports of talks and calls must also name the anaphor's noun ("the
/// Saturday call" refers to a report of a call, not to one of a document
/// sent), as their types are wider than their nouns. An anaphor whose
/// article tells the happening nowhere refers to the corpus's one report
/// of that day and kind that names its noun ("Tuesday's summit" in one
/// outlet, "the summit on 23 August" in another), and to none when two or
/// more do.
pub fn antecedents(feats: &[Features], doc_of: &[u32]) -> Vec<Option<u32>> {
    // Only the days that hold an anaphor are grouped.
    let asked: rustc_hash::FxHashSet<NaiveDate> = feats
        .iter()
        .filter(|f| f.anaphor.is_some())
        .filter_map(|f| f.days.map(|(day, _)| day))
        .collect();
    let mut groups: FxHashMap<(u32, NaiveDate, u8), Vec<u32>> = FxHashMap::default();
    if asked.is_empty() {
        return vec![None; feats.len()];
    }
    for (i, f) in feats.iter().enumerate() {
        let (Some((first, last)), Some(kind)) = (f.days, family(f.kind)) else {
            continue;
        };
        if first == last && asked.contains(&first) {
            groups
                .entry((doc_of[i], first, kind))
                .or_default()
                .push(i as u32);
        }
    }
    // The plain reports of each day and family across the corpus, for
    // anaphors their own article does not resolve.
    let mut corpus_wide: FxHashMap<(NaiveDate, u8), Vec<u32>> = FxHashMap::default();
    for (&(_, day, kind), members) in &groups {
        corpus_wide.entry((day, kind)).or_default().extend(
            members
                .iter()
                .copied()
                .filter(|&j| feats[j as usize].anaphor.is_none()),
        );
    }
    let names = |i: u32, noun: u64| {
        feats[i as usize]
            .terms
            .binary_search_by_key(&noun, |&(t, _)| t)
            .is_ok()
    };
    let mut out = vec![None; feats.len()];
    for (&(_, day, kind), members) in &groups {
        let violence = kind == 0;
        for &i in members {
            let Some(noun) = feats[i as usize].anaphor else {
                continue;
            };
            let fits = |j: u32| j != i && (violence || names(j, noun));
            let plain: Vec<u32> = members
                .iter()
                .copied()
                .filter(|&j| feats[j as usize].anaphor.is_none() && fits(j))
                .collect();
            out[i as usize] = match plain.as_slice() {
                [one] => Some(*one),
                // No report tells it: the anaphors (of one noun, for talks
                // and calls) refer to the first of them, and the first to
                // the one report of that day and kind that names its noun
                // in the whole corpus, if there is one.
                [] => members
                    .iter()
                    .copied()
                    .find(|&j| {
                        j < i && fits(j) && (violence || feats[j as usize].anaphor == Some(noun))
                    })
                    .or_else(|| {
                        let mut told = corpus_wide[&(day, kind)].iter().copied().filter(|&j| {
                            doc_of[j as usize] != doc_of[i as usize] && names(j, noun)
                        });
                        match (told.next(), told.next()) {
                            (Some(one), None) => Some(one),
                            _ => None,
                        }
                    }),
                _ => None,
            };
        }
    }
    // An anaphor's antecedent is never itself one that refers further.
    for i in 0..out.len() {
        if let Some(t) = out[i] {
            out[i] = Some(out[t as usize].unwrap_or(t));
        }
    }
    out
}

/// The pairs each anaphor gets from its antecedent (`alias`, from
/// [`antecedents`]): the antecedent itself, its other anaphors and every
/// report it is paired with in `edges`; each kept when `allowed` and at
/// least `EDGE_FLOOR` (`similarity.rs`) alike by `similarity`.
pub fn edges(
    alias: &[Option<u32>],
    edges: &[Edge],
    allowed: impl Fn(usize, usize) -> bool,
    similarity: impl Fn(usize, usize) -> f32,
) -> Vec<Edge> {
    let mut anaphors_of: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, t) in alias.iter().enumerate() {
        if let Some(t) = *t {
            anaphors_of.entry(t).or_default().push(i as u32);
        }
    }
    if anaphors_of.is_empty() {
        return Vec::new();
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for e in edges {
        for (end, other) in [(e.a, e.b), (e.b, e.a)] {
            if let Some(list) = anaphors_of.get(&end) {
                pairs.extend(list.iter().map(|&i| (i, other)));
            }
        }
    }
    for (&t, list) in &anaphors_of {
        for (k, &i) in list.iter().enumerate() {
            pairs.push((i, t));
            pairs.extend(list[k + 1..].iter().map(|&j| (i, j)));
        }
    }
    pairs
        .into_iter()
        .filter(|&(x, y)| x != y)
        .map(|(x, y)| (x.min(y), x.max(y)))
        .filter(|&(a, b)| allowed(a as usize, b as usize))
        .filter_map(|(a, b)| {
            let s = similarity(a as usize, b as usize);
            (s >= super::similarity::EDGE_FLOOR).then_some(Edge {
                a,
                b,
                similarity: s,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun<'t>(text: &'t str, date: &str) -> Option<&'t str> {
        let at = text.find(date).expect("date in text");
        qualified_noun(text, at..at + date.len(), &["before".to_string()])
    }

    #[test]
    fn the_words_that_are_no_nouns_load() {
        assert!(not_nouns().iter().any(|w| w == "before"));
    }

    #[test]
    fn a_date_before_its_noun_refers_back() {
        assert_eq!(
            noun("Tuesday's strike hit a fuel depot.", "Tuesday"),
            Some("strike")
        );
        assert_eq!(
            noun("Officials called Friday’s talks useful.", "Friday"),
            Some("talks")
        );
        assert_eq!(noun("Friday's Quad talks ended.", "Friday"), Some("talks"));
        assert_eq!(
            noun("A summary of the Saturday call was published.", "Saturday"),
            Some("call")
        );
        assert_eq!(
            noun("Drones struck a depot on Tuesday.", "on Tuesday"),
            None
        );
        assert_eq!(
            noun("The Saturday before, talks broke down.", "Saturday"),
            None
        );
        assert_eq!(
            noun(
                "The minister spoke on Saturday to reporters.",
                "on Saturday"
            ),
            None
        );
    }

    /// A report of 4 March 2025 of `kind`, with its words and, if it is an
    /// anaphor, the noun its date qualifies.
    fn f(kind: EventType, anaphor: Option<&str>, words: &[&str]) -> Features {
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let key = super::super::features::term_key;
        let mut terms: Vec<(u64, bool)> = words.iter().map(|w| (key(w), false)).collect();
        terms.sort();
        Features {
            days: Some((day, day)),
            kind,
            anaphor: anaphor.map(key),
            terms,
            ..Features::default()
        }
    }

    #[test]
    fn an_anaphor_refers_to_its_articles_one_report_of_that_kind_and_day() {
        use EventType::*;
        let feats = [
            // Article 0: one strike, and an anaphor of it of another type.
            f(ExplosionsRemoteViolence, None, &["drones", "depot"]),
            f(Battles, Some("attack"), &["attack", "hub"]),
            // A talk whose noun no report of the article names.
            f(Talks, Some("meeting"), &["meeting", "useful"]),
            f(Talks, None, &["document", "sent"]),
            f(Statements, Some("remarks"), &["remarks"]),
            // Article 1: two strikes, so its anaphor is left alone.
            f(ExplosionsRemoteViolence, None, &["drones"]),
            f(ExplosionsRemoteViolence, None, &["missiles"]),
            f(Battles, Some("attack"), &["attack"]),
            // Article 2: two anaphors of one meeting and no report of it.
            f(Talks, Some("meeting"), &["meeting", "productive"]),
            f(Talks, Some("meeting"), &["meeting", "agreement"]),
        ];
        let doc_of = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2];
        assert_eq!(
            antecedents(&feats, &doc_of),
            [
                None,
                Some(0),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(8)
            ]
        );
    }

    #[test]
    fn an_anaphor_its_article_leaves_untold_refers_to_the_corpuss_one_report_of_it() {
        use EventType::*;
        let feats = [
            // Article 0: "Tuesday's summit", told nowhere in it.
            f(Talks, Some("summit"), &["summit", "nations"]),
            // Article 1: the one report of a summit that day.
            f(Talks, None, &["summit", "hold", "online"]),
            // Article 2: "the Tuesday conversation"; a talk (not typed a
            // call) tells of a conversation in article 3, and so does a
            // call in article 4: two reports, so it is left alone.
            f(Calls, Some("conversation"), &["conversation", "summary"]),
            f(Talks, None, &["conversation", "take", "place"]),
            f(Calls, None, &["conversation", "phone"]),
            // Article 5: "Tuesday's attack"; the only strike of the day
            // elsewhere does not name an attack.
            f(Battles, Some("attack"), &["attack", "hub"]),
            f(ExplosionsRemoteViolence, None, &["drones", "depot"]),
        ];
        let doc_of = [0, 1, 2, 3, 4, 5, 6];
        assert_eq!(
            antecedents(&feats, &doc_of),
            [Some(1), None, None, None, None, None, None]
        );
        // With one report of the conversation, a talk, it is that one.
        let doc_of = [0, 1, 2, 3, 3, 5, 6];
        let mut feats = feats;
        feats[4] = f(Statements, None, &["conversation"]);
        assert_eq!(antecedents(&feats, &doc_of)[2], Some(3));
    }
}
