//! The sentence around an expression: where it starts and ends, and whether
//! it speaks of the past or the future ("will", "is due to", "plans to"
//! against "said", "was", "-ed"), which decides which Friday "on Friday" is.

use super::grammar::G;
use super::lexicon::Class;
use super::token::{Kind, SENT};
pub(crate) use crate::timex::sem::Tense;

/// How far to look on each side, in tokens.
const LEFT: usize = 14;
const RIGHT: usize = 10;
/// How far to look left for a future marker when nothing nearer gives a
/// tense, in tokens (within the sentence).
const LEFT_FAR: usize = 30;
/// How far to look right from a date that opens its sentence.
const RIGHT_FRONTED: usize = 40;

/// Determiners and the like: "to" before them is a preposition.
const NOT_VERB_AFTER_TO: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my",
    "your", "be", "date", "power", "office",
];

/// The clause words (`assets/timex/en/clauses.tsv`).
const CLAUSES_TSV: &str = include_str!("../../../assets/timex/en/clauses.tsv");

/// The words of one kind of `clauses.tsv`.
fn clause_words(kind: &str) -> Vec<&'static str> {
    CLAUSES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .flat_map(|(_, ws)| ws.split_whitespace())
        .collect()
}

/// Forms of "be" that make "due to" a plan ("is due to arrive").
fn copulas() -> &'static [&'static str] {
    static W: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    W.get_or_init(|| clause_words("copula"))
}

/// Relative pronouns: a clause they open does not govern a date before it.
fn relatives() -> &'static [&'static str] {
    static W: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    W.get_or_init(|| clause_words("relative"))
}

/// Words of a span's start ("starting Thursday"): ahead, unless a past verb
/// governs them.
fn onsets() -> &'static [&'static str] {
    static W: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    W.get_or_init(|| clause_words("onset"))
}

/// Words of a plan; after "was", "had been" they point back.
const PLANS: &[&str] = &["due", "scheduled", "slated", "planned", "expected", "set"];

/// Words before a past participle that make it no past tense.
const NOT_PAST_BEFORE: &[&str] = &[
    "be", "being", "been", "to", "is", "are", "get", "a", "an", "the", "still", "very", "more",
    "most", "newly", "well", "so", "its", "their", "his", "her", "this", "that",
];

/// Lowercase past participles that are not past-tense markers.
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "feed",
    "indeed",
    "red",
    "bed",
    "hundred",
    "seed",
    "proceed",
    "succeed",
    "exceed",
    "breed",
    "bleed",
    "weed",
    "shed",
    "led",
    "scheduled",
    "expected",
    "planned",
    "proposed",
    "supposed",
    "based",
    "related",
    "united",
    "armed",
    "embattled",
    "occupied",
    "detailed",
    "limited",
    "advanced",
    "renewed",
    "continued",
    "required",
    "unprecedented",
    "sled",
    "fled",
    "wed",
];

fn marker(g: &G, i: usize) -> Option<Tense> {
    let t = g.tok(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    // "were planning to", "was going to": the auxiliary of a plan; the plan
    // word after it speaks.
    if g.word_in(i, &["was", "were"]) && g.is(i + 1, Class::Future) && !g.word_in(i + 1, PLANS) {
        return None;
    }
    // "May" with a capital is the month (a modal opening a sentence is rare
    // in news); "may" is a modal: "an offensive may begin in May".
    if g.word(i, "may") && t.has(super::token::CAP) {
        return None;
    }
    if g.is(i, Class::Future) {
        // "had been due to expire Friday", "was scheduled for Monday": a
        // plan that belonged to the past.
        if i > 0
            && g.word_in(
                i - 1,
                &[
                    "been",
                    "was",
                    "were",
                    "had",
                    "previously",
                    "originally",
                    "already",
                ],
            )
            && g.word_in(i, PLANS)
        {
            return Some(Tense::Past);
        }
        // "is due in Turkey on Wednesday": a plan that is still ahead.
        if g.word(i, "due") && i > 0 && g.word_in(i - 1, &["is", "are", "be", "s"]) {
            return Some(Tense::Future);
        }
        // "due to shelling" without a copula gives a cause, not a plan.
        if g.word(i, "due") && !(i > 0 && g.word_in(i - 1, copulas())) {
            return None;
        }
        // "going to", "due to", "plans to", "expected to", "set to"
        if g.word_in(
            i,
            &[
                "going", "due", "plans", "plan", "intends", "intend", "aims", "hopes",
            ],
        ) {
            return g.word(i + 1, "to").then_some(Tense::Future);
        }
        if g.word(i, "ll") || g.word(i, "wo") {
            return (i > 0 && g.punct(i - 1, '\'') || g.word(i, "wo")).then_some(Tense::Future);
        }
        return Some(Tense::Future);
    }
    // "ahead of Friday's talks", but not "went ahead on Friday".
    if g.word(i, "ahead") {
        return g.word(i + 1, "of").then_some(Tense::Future);
    }
    if g.word(i, "set") && g.word(i + 1, "to") {
        return Some(Tense::Future);
    }
    // "as soon as Tuesday", "as early as next week"
    if g.word(i, "as") && i >= 2 && g.word_in(i - 1, &["soon", "early"]) && g.word(i - 2, "as") {
        return Some(Tense::Future);
    }
    // "is to resume", "were to meet"
    if g.word(i, "to")
        && i > 0
        && g.word_in(i - 1, &["is", "are", "was", "were"])
        && infinitive_to(g, i)
    {
        return Some(Tense::Future);
    }
    let w = g.text_of(i);
    let past_word = g.is(i, Class::Past)
        || (w.len() >= 5
            && w.ends_with("ed")
            && !t.has(super::token::CAP)
            && !NOT_PAST.iter().any(|n| n.eq_ignore_ascii_case(w)));
    if past_word {
        // "will be held", "has been killed": a participle, not a past tense;
        // "a still unspecified date": an adjective.
        if i > 0 && g.word_in(i - 1, NOT_PAST_BEFORE) {
            return None;
        }
        // "a highly anticipated Friday meeting": an adverb and a participle
        // before a noun phrase describe it; "quickly said on" is a verb.
        let adjective = i > 0
            && g.text_of(i - 1).ends_with("ly")
            && g.tok(i + 1).is_some_and(|n| n.kind == Kind::Word)
            && !g.is(i + 1, Class::Prep)
            && !g.is(i + 1, Class::Art)
            && !g.word_in(i + 1, &["that", "to", "by"]);
        if adjective {
            return None;
        }
        return Some(Tense::Past);
    }
    if g.word_in(i, &["has", "have", "ago"]) {
        return Some(Tense::Past);
    }
    None
}

/// Whether `text` holds a past-tense verb by the markers [`tense`] reads
/// ("allowed", "struck", "has"), as in a clause "after the army withdrew"
/// against a noun phrase "after the attack".
pub(crate) fn has_past_verb(text: &str) -> bool {
    let mut toks = Vec::new();
    super::token::tokenize(text, super::lexicon::lexicon(), &mut toks);
    let g = G {
        text,
        toks: &toks,
        lex: super::lexicon::lexicon(),
    };
    (0..toks.len()).any(|i| marker(&g, i) == Some(Tense::Past))
}

/// Whether "to" at `i` starts an infinitive ("to meet").
fn infinitive_to(g: &G, i: usize) -> bool {
    g.word(i, "to")
        && g.tok(i + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.has(super::token::CAP)
                && !g.word_in(i + 1, NOT_VERB_AFTER_TO)
        })
}

/// [`tense`], with `PastVerb` for a past verb at most two words before the
/// date ("began in March", "ended early March").
pub(crate) fn tense_near(g: &G, start: usize, end: usize) -> Tense {
    let t = tense(g, start, end);
    if t != Tense::Past {
        return t;
    }
    let close = (1..=2).any(|d| {
        start >= d
            && !(1..=d).any(|k| g.sent_start(start + 1 - k))
            && marker(g, start - d) == Some(Tense::Past)
    });
    if close { Tense::PastVerb } else { t }
}

/// The tense around tokens `start..end`: the nearest marker wins, the left
/// one on a tie. A past verb reached only across an infinitive ("agreed to
/// meet on Friday") speaks of a later time.
pub(crate) fn tense(g: &G, start: usize, end: usize) -> Tense {
    // "Wednesday's ruling": something that has happened, unless a future
    // marker says otherwise ("Friday's meeting will take place ...").
    if let Some(after) = g.possessive(end) {
        let ahead = (after..(after + RIGHT).min(g.toks.len()))
            .take_while(|&j| !g.sent_start(j) && !g.word_in(j, relatives()))
            .find_map(|j| marker(g, j));
        // "will not be the case during Friday's summit": a plain "will"
        // before it too ("would get around Wednesday's ruling" is no plan).
        let behind = (start.saturating_sub(LEFT)..start)
            .rev()
            .take_while(|&j| !g.sent_start(j + 1))
            .find(|&j| marker(g, j).is_some())
            .is_some_and(|j| g.word_in(j, &["will", "ll", "shall"]));
        return match ahead {
            Some(Tense::Future) => Tense::Future,
            _ if behind => Tense::Future,
            _ => Tense::Past,
        };
    }
    // "postponed until Tuesday": up to a later day.
    let before = if start > 0 && g.word(start - 1, "on") {
        start.saturating_sub(2)
    } else {
        start.saturating_sub(1)
    };
    // ("Until Thursday, they had not..." looks back from a sentence start.)
    if start > 0 && g.word_in(before, &["until", "till"]) && !g.sent_start(before) {
        return Tense::Future;
    }
    // "a halt starting Thursday": a start ahead, unless a past verb says
    // it came ("the truce, starting Thursday, held").
    if start > 0 && g.word_in(before, onsets()) && !g.sent_start(before) {
        let around = tense(g, before, end);
        return if matches!(around, Tense::Past | Tense::PastVerb) {
            around
        } else {
            Tense::Future
        };
    }
    // "since Friday", "since year-end": from a day that has come.
    if start > 0 && g.word(before, "since") {
        return Tense::Past;
    }
    // "earlier on Tuesday", "later this month": the modifier says it.
    if g.word(start, "earlier") {
        return Tense::Past;
    }
    if g.word(start, "later") {
        return Tense::Future;
    }
    let mut left: Option<(usize, Tense)> = None;
    let mut crossed_to = false;
    let mut i = start;
    let mut d = 0;
    // Past the near window ([`LEFT`]), only a future marker counts (see
    // below).
    while i > 0 && d < LEFT_FAR {
        if g.toks[i].flags & SENT != 0 {
            break;
        }
        i -= 1;
        d += 1;
        if d <= 3 && infinitive_to(g, i) {
            crossed_to = true;
        }
        if let Some(t) = marker(g, i) {
            // A plan in the past perfect ("had been due to expire") stays past.
            let plan = g.word_in(i, PLANS);
            let t = if t == Tense::Past && crossed_to && !plan {
                Tense::Future
            } else {
                t
            };
            left = Some((d, t));
            break;
        }
    }
    // "Guterres will hold talks in the western city of Lviv with President
    // ... and his counterpart ... on Thursday": a long object puts the
    // sentence's only verb beyond the near window. Far off, only a future
    // marker is read, and only when nothing nearer on either side speaks.
    let far_left = match left {
        Some((d, t)) if d > LEFT => {
            left = None;
            (t == Tense::Future).then_some((d, t))
        }
        _ => None,
    };
    let mut right: Option<(usize, Tense)> = None;
    let mut j = end;
    let mut d = 1;
    // A date that opens its sentence ("In January, a week after ..., a
    // bomb killed ...") is governed by the main verb, which may come late.
    let opens = |k: usize| k == 0 || g.sent_start(k);
    let fronted = opens(start) || (start > 0 && opens(start - 1) && g.is(start - 1, Class::Prep));
    let reach = if fronted { RIGHT_FRONTED } else { RIGHT };
    while j < g.toks.len() && d <= reach {
        if g.toks[j].flags & SENT != 0 {
            break;
        }
        // "the start of a swap on Monday that will see ...": a relative
        // clause tells of the noun, not of the verb that governs the date.
        if g.word_in(j, relatives()) {
            break;
        }
        // Far from the date, a participle ("the hastily planned trip",
        // "the expected vote") describes a thing, not the main verb.
        let weak_future =
            d > RIGHT && (g.text_of(j).ends_with("ed") || g.word_in(j, &["upcoming", "payable"]));
        if let Some(t) = marker(g, j).filter(|&t| !(weak_future && t == Tense::Future)) {
            right = Some((d, t));
            break;
        }
        j += 1;
        d += 1;
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            // The verb that governs a date mostly comes before it.
            if dl <= 2 * dr { tl } else { tr }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => far_left.map_or(Tense::Unknown, |(_, t)| t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::en::lexicon::lexicon;
    use crate::timex::en::token::{Tok, tokenize};

    fn tense_of(s: &str, word: &str) -> Tense {
        let mut toks: Vec<Tok> = Vec::new();
        tokenize(s, lexicon(), &mut toks);
        let g = G {
            text: s,
            toks: &toks,
            lex: lexicon(),
        };
        let i = (0..toks.len()).find(|&i| g.text_of(i) == word).unwrap();
        tense(&g, i, i + 1)
    }

    #[test]
    fn a_far_future_verb_governs_a_date_after_a_long_object() {
        let s = "The envoy will hold talks in the northern port city of Kherson with \
                 Governor Anna Ivanova, her deputy Petro Marchenko and the regional \
                 council's chair on Thursday.";
        assert_eq!(tense_of(s, "Thursday"), Tense::Future);
        // Nearer words that give a tense still win.
        let s = "The envoy will say that the convoy of the regional council, its \
                 trucks and the volunteers of two charities had reached the port of \
                 Kherson on Thursday.";
        assert_eq!(tense_of(s, "Thursday"), Tense::Past);
        // A far past verb is not read: the tense stays unknown.
        let s = "The envoy held talks in the northern port city of Kherson with \
                 Governor Anna Ivanova, her deputy Petro Marchenko and the regional \
                 council's chair on Thursday.";
        assert_eq!(tense_of(s, "Thursday"), Tense::Unknown);
    }

    #[test]
    fn a_start_ahead_unless_a_past_verb_governs_it() {
        assert_eq!(
            tense_of(
                "The mayor is asking for a curfew starting Friday in the port.",
                "Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The curfew, starting Friday, emptied the port.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn a_clause_with_a_past_verb_against_a_noun_phrase() {
        assert!(has_past_verb("the council allowed the convoy to pass"));
        assert!(has_past_verb("the army struck back"));
        assert!(!has_past_verb("the attack on the depot"));
    }

    #[test]
    fn future_markers() {
        assert_eq!(
            tense_of("Trump has said Zelensky would visit on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The summit will be held on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("He is due to arrive on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("They agreed to meet on Monday.", "Monday"),
            Tense::Future
        );
    }

    #[test]
    fn the_modal_may_and_a_plan_that_is_due_point_ahead() {
        let s = "A new offensive may begin in May, officials said.";
        assert_eq!(tense_of(s, "May"), Tense::Future);
        assert_eq!(
            tense_of("He is due in Turkey on Wednesday.", "Wednesday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The vote was due on Friday but slipped.", "Friday"),
            Tense::Past
        );
        // The month itself is no marker.
        assert_eq!(tense_of("In May the troops.", "troops"), Tense::Unknown);
    }

    #[test]
    fn a_relative_clause_after_a_date_does_not_govern_it() {
        let s = "The raid follows the start of a handover on Monday that will free forty men.";
        assert_eq!(tense_of(s, "Monday"), Tense::Unknown);
        let s = "Shelling resumed on Monday, which will slow the repairs.";
        assert_eq!(tense_of(s, "Monday"), Tense::Past);
    }

    #[test]
    fn ahead_of_points_forward_and_a_described_noun_is_no_verb() {
        let s = "Envoys gather ahead of a widely expected Sunday vote.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Future);
        let s = "The convoy did not go ahead on Sunday due to heavy fog.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Past);
        let s = "Sunday's vote will be held under martial law.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Future);
        let s = "Sunday's vote changed little.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Past);
        let s = "They would try to overturn Sunday's vote.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Past);
        let s = "That will not change at Sunday's vote.";
        assert_eq!(tense_of(s, "Sunday"), Tense::Future);
    }

    #[test]
    fn past_markers() {
        assert_eq!(
            tense_of("Putin said Thursday he would not.", "Thursday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Macron came to the White House on Monday.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("On Monday, rescuers recovered a body.", "Monday"),
            Tense::Past
        );
        assert_eq!(tense_of("Talks on Monday.", "Monday"), Tense::Unknown);
    }

    #[test]
    fn a_plan_in_the_past_progressive_points_ahead() {
        let s = "Protesters planned a march in the square on Saturday and were \
                 planning to circle the airport.";
        assert_eq!(tense_of(s, "Saturday"), Tense::Future);
        let s = "Officials were going to meet on Monday.";
        assert_eq!(tense_of(s, "Monday"), Tense::Future);
    }

    #[test]
    fn a_date_that_opens_its_sentence_waits_for_the_main_verb() {
        let s = "In January, a week after the anniversary of the founding of the \
                 republic and its first parliament, a bomb in the capital killed two.";
        assert_eq!(tense_of(s, "January"), Tense::Past);
        let s = "On Friday, when the minister set aside his holiday for the hastily \
                 planned trip to the region, the ministry lifted a travel warning.";
        assert_eq!(tense_of(s, "Friday"), Tense::Past);
        let s = "In March, after the long winter break and the elections in the \
                 neighbouring countries, the parliament will vote on the budget.";
        assert_eq!(tense_of(s, "March"), Tense::Future);
    }
}
