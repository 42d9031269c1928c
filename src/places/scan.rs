//! Finding place names in a paragraph: one leftmost-longest Aho-Corasick
//! pass over the raw text, whole words only, then a reading of the words
//! around each hit.
//!
//! The words around decide what a hit is (the cue lists are data, in
//! `assets/gazetteer/cues.toml`):
//! - a region suffix makes a stem the region and joins the mention
//!   ("the Donetsk region", "Sumy Oblast", "Kharkiv and Sumy oblasts");
//! - a title or institution word after it, or "ambassador to" before it,
//!   puts it in a person's title ("Kharkiv Governor", "U.S. officials");
//! - a capitalised word next to it makes it part of a longer proper name
//!   ("Kyiv School of Economics", "Taras Shevchenko"), unless that name is
//!   an event held there ("Munich Security Conference");
//! - a hyphen joins it into an adjective ("Kyiv-based", "Russia-Ukraine");
//! - "the" before a town followed by nothing noun-like is a river ("the
//!   Dnipro");
//! - "near", "north of", "district", "direction"... lower the precision.
//!
//! Which place a surviving hit stands for is `resolve`'s job.

use aho_corasick::Input;

use super::variants::is_apostrophe;
use super::{Cand, Gazetteer, RegionKind};

/// A name found in the text, with what its surroundings say about it.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    /// Byte span of the mention (suffix and leading "the" included).
    pub start: usize,
    pub end: usize,
    /// The places it may stand for, narrowed by its form.
    pub cands: Vec<Cand>,
    /// Only region stems remain and nothing says "region": the hit stands
    /// for a region only right after one of its towns ("Atlanta, Georgia").
    pub stem_only: bool,
    /// ACLED precision if it is a town: 1, or 2 near or part of a town.
    pub precision: u8,
    /// Index of the sentence of the paragraph it is in.
    pub sentence: usize,
}

/// How the words after a name shape it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Plain,
    /// "X region" (`plural`: "X and Y regions").
    Region { plural: bool },
    /// "X city": the town.
    Town,
}

/// A raw automaton hit before narrowing.
struct Raw {
    start: usize,
    end: usize,
    /// Range of its candidates in `Gazetteer::cands`.
    from: u32,
    to: u32,
    form: Form,
}

/// Finds and reads every place name of `text`.
pub(crate) fn scan(g: &Gazetteer, text: &str) -> Vec<Hit> {
    let mut raws = automaton_hits(g, text);
    read_suffixes(g, text, &mut raws);
    coordinate(g, text, &mut raws);
    let sentences = sentence_starts(text);
    let mut hits = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        if raw.from == raw.to {
            continue; // a phrase that never names a place
        }
        let prev_end = if i > 0 { raws[i - 1].end } else { 0 };
        if let Some(hit) = read_hit(g, text, raw, prev_end, &sentences) {
            hits.push(hit);
        }
    }
    hits
}

/// Leftmost-longest whole-word hits; a hit that is not a whole word is
/// skipped one character at a time so that a name starting inside it is
/// still found.
fn automaton_hits(g: &Gazetteer, text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let Some(ac) = &g.matcher else {
        return out;
    };
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = ac.find(Input::new(text).span(pos..text.len())) else {
            break;
        };
        if starts_word(text, m.start()) && ends_word(text, m.end()) {
            let (from, to) = g.pattern_cands[m.pattern().as_usize()];
            out.push(Raw {
                start: m.start(),
                end: m.end(),
                from,
                to,
                form: Form::Plain,
            });
            pos = m.end();
        } else {
            pos = m.start() + char_at(text, m.start()).map_or(1, char::len_utf8);
        }
    }
    out
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// No letter or digit (nor a letter and an apostrophe) just before `i`.
fn starts_word(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_apostrophe(c) => {
            !char_before(text, i - c.len_utf8()).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// No letter or digit just after `i`; an apostrophe only as a possessive.
fn ends_word(text: &str, i: usize) -> bool {
    let Some(c) = char_at(text, i) else {
        return true;
    };
    if c.is_alphanumeric() {
        return false;
    }
    if is_apostrophe(c) {
        let rest = &text[i + c.len_utf8()..];
        let mut it = rest.chars();
        return match it.next() {
            Some('s') => !it.next().is_some_and(char::is_alphanumeric),
            Some(n) => !n.is_alphanumeric(),
            None => true,
        };
    }
    true
}

/// The word (letters, digits, inner hyphens and apostrophes) that starts
/// after the spaces at `i`, as a byte range; `None` unless a space comes
/// first.
fn word_after(text: &str, i: usize) -> Option<(usize, usize)> {
    let rest = text.get(i..)?;
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.len() == rest.len() {
        return None;
    }
    let start = i + rest.len() - trimmed.len();
    let len = trimmed
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map_or(trimmed.len(), |(k, _)| k);
    let word = &trimmed[..len];
    let word = word.trim_end_matches(['-', '\'', '’']);
    (!word.is_empty()).then_some((start, start + word.len()))
}

/// The word that ends before the spaces at `i`, as a byte range.
fn word_before(text: &str, i: usize) -> Option<(usize, usize)> {
    let head = text.get(..i)?;
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() {
        return None;
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    (start < end).then_some((start, end))
}

/// Up to `n` lower-case words before `i`, nearest last, stopping at
/// punctuation.
fn words_before(text: &str, mut i: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < n {
        let Some((s, e)) = word_before(text, i) else {
            break;
        };
        let w = text[s..e].trim_end_matches('.');
        out.push(w.to_lowercase());
        if text[s..e].ends_with('.') || text[s..e].ends_with(',') {
            break;
        }
        i = s;
    }
    out.reverse();
    out
}

fn is_upper_initial(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the word at `start` begins a sentence (or a quote, a heading).
fn sentence_initial(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    match head.chars().next_back() {
        None => true,
        Some(c) => ".!?:;\"“”‘'(—–•*\n\t[".contains(c),
    }
}

/// Reads the suffix word after each raw hit ("region", "city").
fn read_suffixes(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    for raw in raws.iter_mut() {
        let Some((ws, we)) = word_after(text, raw.end) else {
            continue;
        };
        let word = &text[ws..we];
        let regional = has_kind(g, raw, RegionKind::Region);
        if regional && g.cues.region_suffixes.contains(word) {
            raw.form = Form::Region {
                plural: word.ends_with('s'),
            };
            raw.end = we;
            if let Some((bs, be)) = word_before(text, raw.start)
                && matches!(&text[bs..be], "the" | "The")
            {
                raw.start = bs;
            }
        } else if regional && g.cues.region_adjectives.contains(word) {
            raw.form = Form::Region { plural: false };
        } else if g.cues.town_suffixes.contains(word) && has_kind(g, raw, RegionKind::Town) {
            raw.form = Form::Town;
            raw.end = we;
        }
    }
}

fn cands_of<'g>(g: &'g Gazetteer, raw: &Raw) -> &'g [Cand] {
    &g.cands[raw.from as usize..raw.to as usize]
}

fn has_kind(g: &Gazetteer, raw: &Raw, kind: RegionKind) -> bool {
    cands_of(g, raw).iter().any(|c| g.region(c.place).kind == kind)
}

/// "Donetsk and Luhansk regions", "the Kharkiv, Sumy and Chernihiv oblasts":
/// the plural suffix makes every stem of the list a region.
fn coordinate(g: &Gazetteer, text: &str, raws: &mut [Raw]) {
    for i in (1..raws.len()).rev() {
        if raws[i].form != (Form::Region { plural: true }) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let gap = &text[raws[j - 1].end..raws[j].start];
            let joined = matches!(gap, ", " | " and " | ", and " | " or " | " & " | " and the ");
            if !joined
                || raws[j - 1].form != Form::Plain
                || !has_kind(g, &raws[j - 1], RegionKind::Region)
            {
                break;
            }
            raws[j - 1].form = Form::Region { plural: true };
            j -= 1;
        }
    }
}

/// Byte offsets where sentences start.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let b = text.as_bytes();
    for i in 1..b.len() {
        let prev = b[i - 1];
        if (matches!(prev, b'.' | b'!' | b'?') && b[i] == b' ') || prev == b'\n' {
            out.push(i);
        }
    }
    out
}

/// Whether the sentence around `i` is written in title case (a headline),
/// where capitalised neighbours say nothing.
fn title_case(text: &str, sentences: &[usize], i: usize) -> bool {
    let k = sentences.partition_point(|&s| s <= i);
    let from = sentences[k.saturating_sub(1)];
    let to = sentences.get(k).copied().unwrap_or(text.len());
    let (mut long, mut caps) = (0, 0);
    for w in text[from..to].split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            caps += usize::from(is_upper_initial(w));
        }
    }
    long >= 4 && caps * 4 >= long * 3
}

/// Reads one raw hit; `None` when its surroundings say it is no place.
fn read_hit(
    g: &Gazetteer,
    text: &str,
    raw: &Raw,
    prev_end: usize,
    sentences: &[usize],
) -> Option<Hit> {
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
    if in_title(g, text, raw) {
        return None;
    }
    let headline = title_case(text, sentences, raw.start);
    let metonym = all.iter().any(|c| c.metonym);
    if !headline && raw.form == Form::Plain && !metonym {
        if part_of_longer_name_after(g, text, raw.end) {
            return None;
        }
        if let Some((ws, we)) = word_before(text, raw.start) {
            let w = &text[ws..we];
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            if is_upper_initial(w)
                && we > prev_end
                && !possessive
                && !sentence_initial(text, ws)
                && !cues.place_adjectives.contains(w)
                && w.chars().any(char::is_lowercase)
            {
                return None; // "Taras Shevchenko", "Dynamo Kyiv"
            }
        }
    }
    let affiliation = words_before_raw(text, raw.start, 2);
    if let [org, prep] = affiliation.as_slice()
        && matches!(prep.as_str(), "in" | "at")
        && cues.org_heads.contains(org.as_str())
    {
        return None; // "the Carnegie Russia Eurasia Center in Berlin"
    }
    // Narrow the candidates by form.
    let (cands, stem_only) = narrow(g, all, raw.form);
    if cands.is_empty() {
        return None;
    }
    if !stem_only
        && raw.form == Form::Plain
        && !metonym
        && cands.iter().all(|c| g.region(c.place).kind == RegionKind::Town)
        && the_river(g, text, raw)
    {
        return None;
    }
    let precision = if is_near(g, text, raw.start) || is_part(g, text, raw.end) {
        2
    } else {
        1
    };
    let sentence = sentences.partition_point(|&s| s <= raw.start).saturating_sub(1);
    Some(Hit {
        start: raw.start,
        end: raw.end,
        cands,
        stem_only,
        precision,
        sentence,
    })
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

/// Words before `i` with their case, nearest last.
fn words_before_raw(text: &str, mut i: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < n {
        let Some((s, e)) = word_before(text, i) else {
            break;
        };
        out.push(text[s..e].to_string());
        i = s;
    }
    out.reverse();
    out
}

/// A person's title or an institution: "Kharkiv Governor", "U.S.
/// officials", "Ukraine's foreign minister", "ambassador to Russia".
fn in_title(g: &Gazetteer, text: &str, raw: &Raw) -> bool {
    let cues = &g.cues;
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
        let w = &text[s..e];
        if cues.titles.contains(w) {
            return true;
        }
        if let Some((s2, e2)) = word_after(text, e)
            && cues.titles2.contains(&(w.to_string(), text[s2..e2].to_string()))
        {
            return true;
        }
        // "the Kharkiv regional governor": the adjective, then a title.
        if cues.region_adjectives.contains(w)
            && let Some((s2, e2)) = word_after(text, e)
            && cues.titles.contains(&text[s2..e2])
        {
            return true;
        }
    }
    let before = words_before(text, raw.start, 5);
    cues.title_of.iter().any(|phrase| {
        ends_with_words(&before, phrase)
            || before.last().is_some_and(|w| w == "the")
                && ends_with_words(&before[..before.len() - 1], phrase)
    })
}

fn ends_with_words(words: &[String], phrase: &[String]) -> bool {
    words.len() >= phrase.len() && words[words.len() - phrase.len()..] == *phrase
}

/// The place is followed by a capitalised word that continues a proper
/// name which is not an event held there.
fn part_of_longer_name_after(g: &Gazetteer, text: &str, end: usize) -> bool {
    let Some((s, e)) = word_after(text, end) else {
        return false;
    };
    if !text[s..e].chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
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
        } else if matches!(w, "of" | "for" | "and" | "on" | "the" | "de") {
            at = e2;
        } else {
            break;
        }
    }
    !g.cues.event_heads.contains(last)
}

/// Keeps the candidates the form allows; the bool says only stems are left.
fn narrow(g: &Gazetteer, all: &[Cand], form: Form) -> (Vec<Cand>, bool) {
    let kind = |c: &Cand| g.region(c.place).kind;
    if let Form::Region { .. } = form {
        let regions: Vec<Cand> = all
            .iter()
            .copied()
            .filter(|c| kind(c) == RegionKind::Region)
            .collect();
        if !regions.is_empty() {
            return (regions, false);
        }
    }
    let direct: Vec<Cand> = all.iter().copied().filter(|c| !c.stem).collect();
    if form == Form::Town {
        let towns: Vec<Cand> = direct
            .iter()
            .copied()
            .filter(|c| kind(c) == RegionKind::Town)
            .collect();
        if !towns.is_empty() {
            return (towns, false);
        }
    }
    if direct.is_empty() {
        return (all.to_vec(), true);
    }
    (direct, false)
}

/// "the Dnipro", "the Oskil river": a town's name after "the", followed by
/// nothing noun-like.
fn the_river(g: &Gazetteer, text: &str, raw: &Raw) -> bool {
    let Some((bs, be)) = word_before(text, raw.start) else {
        return false;
    };
    if !matches!(&text[bs..be], "the" | "The") {
        return false;
    }
    match word_after(text, raw.end) {
        None => true,
        Some((s, e)) => g.cues.after_the_not_town.contains(&text[s..e]),
    }
}

/// "near Pokrovsk", "north of Kharkiv", "on the outskirts of the village of X".
fn is_near(g: &Gazetteer, text: &str, start: usize) -> bool {
    let before = words_before(text, start, 7);
    let mut k = before.len();
    loop {
        let head = &before[..k];
        if g.cues.near_cues.iter().any(|cue| ends_with_words(head, cue)) {
            return true;
        }
        if k == 0 || !g.cues.settlement_words.contains(before[k - 1].as_str()) {
            return false;
        }
        k -= 1;
    }
}

/// "the Pokrovsk direction", "the Kramatorsk district".
fn is_part(g: &Gazetteer, text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|(s, e)| g.cues.part_suffixes.contains(&text[s..e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edges() {
        let t = "Kyiv's air defences, Kam'ianske and Russian forces";
        assert!(ends_word(t, 4));
        assert!(starts_word(t, 0));
        // "Russia" inside "Russian" is no whole word.
        let r = t.find("Russian").unwrap();
        assert!(!ends_word(t, r + "Russia".len()));
        // "Kam" before the apostrophe of "Kam'ianske" is no whole word.
        let k = t.find("Kam'").unwrap();
        assert!(!ends_word(t, k + 3));
    }

    #[test]
    fn words_around() {
        let t = "fighting near the village of Novopavlivka region";
        let i = t.find("Novo").unwrap();
        assert_eq!(
            words_before(t, i, 4),
            vec!["near", "the", "village", "of"]
        );
        let (s, e) = word_after(t, i + "Novopavlivka".len()).unwrap();
        assert_eq!(&t[s..e], "region");
    }

    #[test]
    fn headlines_are_title_case() {
        let t = "Experts, Politicians Lukewarm on Prospects for Putin-Trump Peace Talks";
        assert!(title_case(t, &sentence_starts(t), 0));
        let s = "Russian troops are advancing near Pokrovsk, the General Staff said.";
        assert!(!title_case(s, &sentence_starts(s), 0));
    }
}
