//! What the words around a name say of it (the cue lists are data, in
//! `assets/gazetteer/cues.toml`):
//! - a title or institution word after it, or "ambassador to" before it,
//!   puts it in a person's title ("U.S. officials"); a regional or city
//!   official's title ("Kharkiv Governor", "the governor of the Belgorod
//!   region") keeps it, marked as the place the official speaks for;
//! - a capitalised word next to it makes it part of a longer proper name
//!   ("Kyiv School of Economics", "Taras Shevchenko"), unless that name is
//!   an event held there ("Munich Security Conference");
//! - a hyphen joins it into an adjective ("Kyiv-based", "Russia-Ukraine");
//! - "in" after an institution's name is where it sits ("the Carnegie
//!   Russia Eurasia Center in Berlin");
//! - "the" before a town followed by nothing noun-like is a river ("the
//!   Dnipro");
//! - "near", "north of", "district", "direction"... lower the precision;
//! - a word for a ship before it names a ship ("the cruiser Moskva").

use std::borrow::Cow;

use super::fold::is_apostrophe;
use super::scan::{Form, Hit, Raw, cands_of};
use super::words::{
    Before, char_at, char_before, is_upper_initial, sentence_initial, title_case, word_after,
    word_before,
};
use super::{Cand, Gazetteer, RegionKind};

/// Reads one raw hit; `None` when its surroundings say it is no place.
pub(super) fn read_hit<'g>(
    g: &'g Gazetteer,
    text: &str,
    raw: &Raw,
    prev_end: usize,
) -> Option<Hit<'g>> {
    let cues = &g.cues;
    let all = cands_of(g, raw);
    let name_end = raw_name_end(raw, text);
    // Hyphenated compounds: "Kyiv-based", "Russia-Ukraine", "U.S.-Russia".
    if char_at(text, name_end) == Some('-')
        && char_at(text, name_end + 1).is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    if raw.start > 0
        && char_before(text, raw.start) == Some('-')
        && char_before(text, raw.start - 1).is_some_and(|c| c.is_alphanumeric() || c == '.')
    {
        return None;
    }
    let mut before_words = Before::new(text, raw.start);
    match in_title(g, text, raw, &mut before_words) {
        Title::No => {}
        Title::Other => return None,
        Title::Local => {
            // Kept as the place an official speaks for; never a place of
            // its own (see `role`).
            let cands = narrow(g, all, raw.form);
            return (!cands.is_empty()).then_some(Hit {
                start: raw.start,
                end: raw.end,
                cands,
                precision: 1,
                official: true,
            });
        }
    }
    // A ship named after the place: "the cruiser Moskva", "Landing Ship
    // Novocherkassk".
    if before_words
        .get(0)
        .is_some_and(|w| cues.vessel_heads.contains(w))
    {
        return None;
    }
    if ship_in_apposition(g, text, name_end) {
        return None;
    }
    let metonym = all.iter().any(|c| c.metonym);
    let next = word_after(text, raw.end);
    // A region named inside an institution's name: "the Kharkiv Regional
    // Military Administration", "Florida State University".
    if raw.form != Form::Plain && part_of_longer_name_after(g, text, next) {
        return None;
    }
    if raw.form == Form::Plain && !metonym {
        let after = part_of_longer_name_after(g, text, next);
        let before = word_before(text, raw.start).is_some_and(|(ws, we)| {
            let w = &text[ws..we];
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            is_upper_initial(w)
                && we > prev_end
                && !possessive
                && !cues.place_adjectives.contains(w)
                && !w.rsplit('-').next().is_some_and(|t| t.starts_with(char::is_lowercase))
                && w.chars().any(char::is_lowercase)
                // A capitalised word opening a sentence is part of the name
                // unless it is a word that opens sentences ("In Kharkiv");
                // the list is English, so other scripts get the benefit of
                // the doubt.
                && (!sentence_initial(text, ws) || w.is_ascii() && !cues.sentence_openers.contains(w))
        });
        // A Cyrillic name before a capitalised Cyrillic word, with no
        // lower-case word (a preposition: "у Києві Зеленський") before it,
        // is a person's first name: "Президент Володимир Зеленський".
        let cyrillic_person = next.is_some_and(|(s, _)| {
            text[s..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii() && c.is_uppercase())
        }) && !text[raw.start..raw.end].is_ascii()
            && !word_before(text, raw.start)
                .is_some_and(|(ws, we)| text[ws..we].starts_with(char::is_lowercase));
        if cyrillic_person {
            return None;
        }
        if common_word_opening(g, text, raw, all, next) {
            return None;
        }
        // In a headline every word is capitalised: the neighbours say nothing.
        if (after || before) && !title_case(text, raw.start) {
            return None; // "Kyiv School of Economics", "Taras Shevchenko"
        }
    }
    if let (Some(prep), Some(org)) = (before_words.get(0), before_words.get(1))
        && matches!(prep, "in" | "at")
        && cues.org_heads.contains(org)
    {
        return None; // "the Carnegie Russia Eurasia Center in Berlin"
    }
    // Narrow the candidates by form.
    let cands = narrow(g, all, raw.form);
    let stem_only = cands.iter().all(|c| c.stem);
    if cands.is_empty() {
        return None;
    }
    if !stem_only
        && raw.form == Form::Plain
        && !metonym
        && cands
            .iter()
            .filter(|c| !c.stem)
            .all(|c| g.region(c.place).kind == RegionKind::Town)
        && the_river(g, text, raw, next)
    {
        return None;
    }
    let part = next.is_some_and(|(s, e)| cues.part_suffixes.contains(&text[s..e]));
    let precision = if part || is_near(g, &mut before_words) {
        2
    } else {
        1
    };
    Some(Hit {
        start: raw.start,
        end: raw.end,
        cands,
        precision,
        official: false,
    })
}

/// Population under which a place's one-word Cyrillic name opening a
/// sentence is taken for the common word it is spelled like.
const COMMON_WORD_POPULATION: u32 = 10_000;

/// A one-word Cyrillic name that only villages and small towns (under
/// [`COMMON_WORD_POPULATION`], not on the front line) bear, opening a
/// sentence before anything but a capitalised word: far more often the
/// common word it is spelled like ("Пожежа в ..." = "A fire in ...",
/// "Тим часом" = "Meanwhile", "Они сказали" = "They said", "Головне —" =
/// "The main thing is"). A preposition before it ("у селі Пожежа") or a
/// larger place of the name keeps it.
fn common_word_opening(
    g: &Gazetteer,
    text: &str,
    raw: &Raw,
    all: &[Cand],
    next: Option<(usize, usize)>,
) -> bool {
    let name = &text[raw.start..raw.end];
    !name.is_ascii()
        && !name.contains(' ')
        && sentence_initial(text, raw.start)
        && !next.is_some_and(|(s, _)| text[s..].starts_with(char::is_uppercase))
        && all.iter().all(|c| {
            let info = &g.info[c.place as usize];
            g.region(c.place).kind == RegionKind::Town
                && info.population < COMMON_WORD_POPULATION
                && info.flags & (super::FLAG_FRONT | super::FLAG_PROMINENT) == 0
        })
}

/// "the Novocherkassk, a large landing ship": the name is followed (past
/// any Markdown emphasis or link target) by a comma, an article and, within
/// four words, a word for a ship.
fn ship_in_apposition(g: &Gazetteer, text: &str, end: usize) -> bool {
    let mut rest = text[end..].trim_start_matches(['*', '_']);
    if let Some(link) = rest.strip_prefix("](") {
        rest = link.find(')').map_or("", |k| &link[k + 1..]);
    }
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let mut words = rest.split(' ').map(|w| w.trim_end_matches([',', '.', ';']));
    if !words
        .next()
        .is_some_and(|w| matches!(w, "a" | "an" | "the"))
    {
        return false;
    }
    words.take(4).any(|w| g.cues.vessel_heads.contains(w))
}

/// Where the name itself ends (before a joined suffix word).
fn raw_name_end(raw: &Raw, text: &str) -> usize {
    match raw.form {
        Form::Region { .. } | Form::Town => {
            // The suffix was joined after one space: the name ends before it.
            let head = text[..raw.end].trim_end_matches(|c: char| c.is_alphanumeric());
            head.trim_end_matches(' ').len()
        }
        Form::Plain => raw.end,
    }
}

/// What a title around a name makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Title {
    /// No title: the name may be a place.
    No,
    /// A person's title or an institution: no place.
    Other,
    /// The title of a regional or city official ("the governor of the
    /// Belgorod region", "Kharkiv Mayor"): the place they speak for.
    Local,
}

/// A person's title or an institution: "Kharkiv Governor", "U.S.
/// officials", "Ukraine's foreign minister", "ambassador to Russia".
fn in_title(g: &Gazetteer, text: &str, raw: &Raw, before: &mut Before) -> Title {
    let cues = &g.cues;
    let kind = |title: &str| {
        if cues.local_titles.contains(title) {
            Title::Local
        } else {
            Title::Other
        }
    };
    let mut i = raw.end;
    if let Some(c) = char_at(text, i)
        && is_apostrophe(c)
    {
        i += c.len_utf8();
        if char_at(text, i) == Some('s') {
            i += 1;
        }
    }
    if let Some((s, e)) = word_after(text, i) {
        // "the Chernihiv regional prosecutor's office"
        let bare = |w: &'_ str| -> String {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
                .to_string()
        };
        let w = &text[s..e];
        if cues.titles.contains(&bare(w)) {
            return kind(&bare(w));
        }
        if let Some((s2, e2)) = word_after(text, e)
            && cues
                .titles2
                .iter()
                .any(|(a, b)| a == w && b == &text[s2..e2])
        {
            return Title::Other;
        }
        // "the Kharkiv regional governor": the adjective, then a title.
        if cues.region_adjectives.contains(w)
            && let Some((s2, e2)) = word_after(text, e)
            && cues.titles.contains(&bare(&text[s2..e2]))
        {
            return kind(&bare(&text[s2..e2]));
        }
    }
    // "ambassador to Russia", "the president of the United States".
    let skip = usize::from(before.get(0).is_some_and(|w| w.eq_ignore_ascii_case("the")));
    let Some(w) = before.get(skip) else {
        return Title::No;
    };
    match cues
        .title_of
        .ending_with(w)
        .iter()
        .find(|rest| before.ends_with(skip + 1, rest))
    {
        Some(rest) => rest.first().map_or(Title::Other, |t| kind(t)),
        None => Title::No,
    }
}

/// The place is followed by a capitalised word that continues a proper
/// name which is not an event held there.
fn part_of_longer_name_after(g: &Gazetteer, text: &str, next: Option<(usize, usize)>) -> bool {
    let Some((s, e)) = next else {
        return false;
    };
    if !text[s..e]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    // Walk the run of capitalised words (with connectors) to its last word.
    let mut last = &text[s..e];
    let mut at = e;
    while let Some((s2, e2)) = word_after(text, at) {
        let w = &text[s2..e2];
        if is_upper_initial(w) {
            last = w;
            at = e2;
        } else if matches!(w, "of" | "for" | "and" | "the" | "de") {
            at = e2;
        } else {
            break;
        }
    }
    !g.cues.event_heads.contains(last)
}

/// Keeps the candidates the form allows: the regions after "region", the
/// towns after "city", else the place names and the regions' stems.
fn narrow<'g>(g: &Gazetteer, all: &'g [Cand], form: Form) -> Cow<'g, [Cand]> {
    let kind = |c: &Cand| g.region(c.place).kind;
    let wanted = match form {
        Form::Region { .. } => RegionKind::Region,
        Form::Town => RegionKind::Town,
        Form::Plain => return Cow::Borrowed(all),
    };
    let of_kind: Vec<Cand> = all
        .iter()
        .filter(|c| kind(c) == wanted)
        .map(|&c| Cand { stem: false, ..c })
        .collect();
    if of_kind.is_empty() {
        Cow::Borrowed(all)
    } else {
        Cow::Owned(of_kind)
    }
}

/// "the Dnipro", "the Oskil river": a town's name after "the", followed by
/// nothing noun-like.
fn the_river(g: &Gazetteer, text: &str, raw: &Raw, next: Option<(usize, usize)>) -> bool {
    // Rivers that share a town's name have one-word names.
    if text[raw.start..raw.end].contains(' ') {
        return false;
    }
    let Some((bs, be)) = word_before(text, raw.start) else {
        return false;
    };
    if !matches!(&text[bs..be], "the" | "The") {
        return false;
    }
    match next {
        None => true,
        Some((s, e)) => g.cues.after_the_not_town.contains(&text[s..e]),
    }
}

/// "near Pokrovsk", "north of Kharkiv", "on the outskirts of the village of X":
/// a near cue ends the words before the name, or before the settlement
/// words ("the village of") that precede it.
fn is_near(g: &Gazetteer, before: &mut Before) -> bool {
    let cues = &g.cues;
    let mut skip = 0;
    while let Some(w) = before.get(skip) {
        // "Под Курском" (Near Kursk) opening a sentence.
        let lower: Cow<str> = if w.is_ascii() {
            w.into()
        } else {
            w.to_lowercase().into()
        };
        if cues
            .near_cues
            .ending_with(&lower)
            .iter()
            .any(|rest| before.ends_with(skip + 1, rest))
        {
            return true;
        }
        if !cues
            .settlement_words
            .iter()
            .any(|s| w.eq_ignore_ascii_case(s))
        {
            return false;
        }
        skip += 1;
    }
    false
}
