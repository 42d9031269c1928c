//! Titles read as the people who hold them: "the German chancellor will go
//! to Ukraine" is a report about Olaf Scholz on a date of 2022, "the heads
//! of American and Russian diplomacy" are Blinken and Lavrov. News names
//! an actor by title as often as by name, and a report of one call or one
//! statement that names the title must share an actor with the report
//! that names the person.
//!
//! The offices, their titles and their holders with dates are data:
//! `assets/cluster/offices.toml` (its header gives the sources and the
//! title syntax). A title names the holder of the event's date, unless a
//! word such as "former" or "deputy" stands right before it, or a name
//! other than the holder's follows it ("Russian President Boris Yeltsin").

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::features::term_key;
use crate::lang::Lang;

const TABLE: &str = include_str!("../../assets/cluster/offices.toml");

/// How many letters a word may have beyond a title's prefix word
/// (`"президент*"`): inflection, not derivation ("президента", not
/// "президентських").
const PREFIX_EXTRA_CHARS: usize = 3;
/// The fewest letters a prefix word keeps.
const MIN_PREFIX_CHARS: usize = 4;
/// The letters of a word that index the titles starting with it.
const INDEX_CHARS: usize = 4;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ByLang {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    uk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderRow {
    name: String,
    from: NaiveDate,
    #[serde(default)]
    to: Option<NaiveDate>,
    #[serde(default)]
    also: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeRow {
    country: String,
    roles: Vec<String>,
    #[serde(default)]
    titles: ByLang,
    holders: Vec<HolderRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    not_after: Vec<String>,
    countries: BTreeMap<String, Vec<String>>,
    roles: BTreeMap<String, ByLang>,
    office: Vec<OfficeRow>,
}

/// One word of a title.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// This word, or its plural in "s".
    Word(Box<str>),
    /// A word that begins so, with up to [`PREFIX_EXTRA_CHARS`] more letters.
    Prefix(Box<str>),
    /// One or more countries ([`Offices::countries_at`]).
    Country,
}

impl Tok {
    fn parse(word: &str) -> Result<Tok, String> {
        if word == "{c}" {
            return Ok(Tok::Country);
        }
        match word.strip_suffix('*') {
            Some(p) if p.chars().count() < MIN_PREFIX_CHARS => Err(format!(
                "the prefix word {word:?} keeps fewer than {MIN_PREFIX_CHARS} letters"
            )),
            Some(p) => Ok(Tok::Prefix(p.into())),
            None => Ok(Tok::Word(word.into())),
        }
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Tok::Word(w) => word == &**w || word.strip_suffix('s') == Some(&**w),
            Tok::Prefix(p) => {
                word.starts_with(&**p) && word[p.len()..].chars().count() <= PREFIX_EXTRA_CHARS
            }
            Tok::Country => false,
        }
    }

    /// The key a text word must have for this word to match it.
    fn index_key(&self) -> Option<String> {
        match self {
            Tok::Word(w) | Tok::Prefix(w) => Some(index_key(w)),
            Tok::Country => None,
        }
    }
}

fn index_key(word: &str) -> String {
    word.chars().take(INDEX_CHARS).collect()
}

fn parse_words(title: &str) -> Result<Vec<Tok>, String> {
    let toks = title
        .split_whitespace()
        .map(Tok::parse)
        .collect::<Result<Vec<_>, _>>()?;
    if toks.is_empty() {
        return Err("an empty title".into());
    }
    Ok(toks)
}

/// A person who held an office, and when.
#[derive(Debug)]
pub struct Holder {
    /// The name as written in English news ("Olaf Scholz").
    pub name: String,
    from: NaiveDate,
    to: Option<NaiveDate>,
    /// The surname's keys ([`term_key`]) that stand for the holder: the
    /// Latin one, then the Cyrillic spellings.
    latin: u64,
    /// The keys of the name's given names, in Latin letters ("Olaf").
    given: Vec<u64>,
    cyrillic: Vec<u64>,
    /// The keys of every spelling of the holder's surname: a name after the
    /// title must hold one of them.
    surnames: FxHashSet<u64>,
}

impl Holder {
    /// Whether `day` falls within the term (first day in, first day out).
    fn held_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }

    /// The surname's keys ([`term_key`]) in the script of `lang`: the
    /// Latin spelling for English (and other languages), the Cyrillic ones
    /// for Ukrainian and Russian. A speaker's title reads as these only:
    /// given names are shared by other people of the same years (Sergei
    /// Lavrov and Sergei Shoigu), and a speaker must match by surname.
    pub fn keys(&self, lang: Lang) -> Vec<u64> {
        match lang {
            Lang::Uk | Lang::Ru => self.cyrillic.clone(),
            _ => vec![self.latin],
        }
    }

    /// The keys that stand for the holder among a report's words: for
    /// English (and other languages in Latin letters) every word of the
    /// name, given names first ("the German chancellor" reads as "Olaf
    /// Scholz", so a report that names him in full shares both words); for
    /// Ukrainian and Russian, [`Holder::keys`].
    pub fn name_keys(&self, lang: Lang) -> Vec<u64> {
        match lang {
            Lang::Uk | Lang::Ru => self.cyrillic.clone(),
            _ => self.given.iter().copied().chain([self.latin]).collect(),
        }
    }

    /// The surname in Latin letters.
    pub fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

struct Office {
    country: Option<u32>,
    holders: Vec<Holder>,
}

/// One title of a language.
struct Title {
    toks: Vec<Tok>,
    /// The offices it names: with a country slot, those of the matched
    /// countries among them.
    offices: Vec<u32>,
}

/// The titles of one language, indexed by their first word.
#[derive(Default)]
struct LangTitles {
    titles: Vec<Title>,
    /// Each title's longest word (lower-case, capitalised, upper-case): a
    /// text that holds none of them holds no title (most hold none).
    anchors: Option<aho_corasick::AhoCorasick>,
    /// Titles whose first word is a word or prefix, by [`index_key`].
    by_first: FxHashMap<String, Vec<u32>>,
    /// Titles that start with a country.
    country_first: Vec<u32>,
}

/// The table of `assets/cluster/offices.toml`, compiled.
pub struct Offices {
    not_after: FxHashSet<String>,
    /// Per country, its forms as words.
    country_forms: Vec<Vec<Vec<Tok>>>,
    /// Forms by the [`index_key`] of their first word: (country, form).
    form_index: FxHashMap<String, Vec<(u32, u32)>>,
    offices: Vec<Office>,
    langs: [LangTitles; 3],
}

/// A title found in a text, read as its holder on the day asked.
#[derive(Debug)]
pub struct Named<'o> {
    /// The title's words, in bytes of the text.
    pub span: Range<usize>,
    /// The holder.
    pub holder: &'o Holder,
}

/// A word of the text: lower-cased, with its byte range and whether it was
/// written with a capital.
struct Word {
    lower: String,
    span: Range<usize>,
    capital: bool,
}

/// The runs of letters of `text`, leaving out a possessive "s" after an
/// apostrophe.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, out: &mut Vec<Word>| {
        let w = &text[s..e];
        let after_apostrophe = text[..s].ends_with(['\'', '’']);
        if after_apostrophe && w.eq_ignore_ascii_case("s") {
            return;
        }
        out.push(Word {
            lower: w.to_lowercase(),
            span: s..e,
            capital: w.chars().next().is_some_and(char::is_uppercase),
        });
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

/// Words that join two countries in one title ("the US and Russian foreign
/// ministers").
const JOINERS: [&str; 6] = ["and", "or", "і", "та", "и", "й"];

impl Offices {
    /// The table compiled into the program.
    pub fn get() -> &'static Offices {
        static TABLE_COMPILED: OnceLock<Offices> = OnceLock::new();
        TABLE_COMPILED.get_or_init(|| {
            Offices::parse(TABLE).unwrap_or_else(|e| {
                // The table ships with the program; a test parses it.
                eprintln!("warning: assets/cluster/offices.toml: {e}; titles are not read");
                Offices::empty()
            })
        })
    }

    fn empty() -> Offices {
        Offices {
            not_after: FxHashSet::default(),
            country_forms: Vec::new(),
            form_index: FxHashMap::default(),
            offices: Vec::new(),
            langs: Default::default(),
        }
    }

    /// Compiles a table in the format of `assets/cluster/offices.toml`.
    /// Errors name the entry that is wrong: an unknown country or role, a
    /// too short prefix word, a term that ends before it starts.
    pub fn parse(toml_text: &str) -> Result<Offices, String> {
        let file: File = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        let mut t = Offices::empty();
        t.not_after = file.not_after.into_iter().collect();
        let mut country_ids: FxHashMap<String, u32> = FxHashMap::default();
        for (name, forms) in file.countries {
            let id = t.country_forms.len() as u32;
            country_ids.insert(name.clone(), id);
            let mut parsed = Vec::new();
            for form in forms {
                let toks = parse_words(&form).map_err(|e| format!("country {name}: {e}"))?;
                if toks.contains(&Tok::Country) {
                    return Err(format!("country {name}: a form holds {{c}}"));
                }
                let key = toks[0].index_key().unwrap_or_default();
                t.form_index
                    .entry(key)
                    .or_default()
                    .push((id, parsed.len() as u32));
                parsed.push(toks);
            }
            t.country_forms.push(parsed);
        }
        // Each title of a role names every office of that role.
        let mut role_titles: Vec<(Vec<u32>, [Vec<String>; 3])> = Vec::new();
        let mut role_ids: FxHashMap<String, usize> = FxHashMap::default();
        for (name, titles) in file.roles {
            role_ids.insert(name, role_titles.len());
            role_titles.push((Vec::new(), [titles.en, titles.uk, titles.ru]));
        }
        for (o, row) in file.office.into_iter().enumerate() {
            let country = match row.country.as_str() {
                "" => None,
                c => Some(
                    *country_ids
                        .get(c)
                        .ok_or_else(|| format!("office {o}: unknown country {c:?}"))?,
                ),
            };
            for role in &row.roles {
                let r = role_ids
                    .get(role)
                    .ok_or_else(|| format!("office {o}: unknown role {role:?}"))?;
                role_titles[*r].0.push(o as u32);
            }
            role_titles.push((
                vec![o as u32],
                [row.titles.en, row.titles.uk, row.titles.ru],
            ));
            let mut holders = Vec::new();
            for h in row.holders {
                if h.to.is_some_and(|to| to <= h.from) {
                    return Err(format!("{}: the term ends before it starts", h.name));
                }
                let surname = h.name.rsplit(' ').next().unwrap_or(&h.name).to_string();
                let cyrillic: Vec<u64> = h
                    .also
                    .iter()
                    .filter(|a| a.chars().any(is_cyrillic))
                    .map(|a| term_key(a))
                    .collect();
                let surnames = std::iter::once(surname.as_str())
                    .chain(h.also.iter().map(String::as_str))
                    .map(term_key)
                    .collect();
                // Given names split as the text's words are ("Frank-Walter"
                // is two), in order, without the surname and without words
                // under three letters, which reports' words leave out.
                let words: Vec<&str> = h
                    .name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let given = words[..words.len().saturating_sub(1)]
                    .iter()
                    .filter(|w| w.chars().count() >= 3)
                    .map(|w| term_key(w))
                    .collect();
                holders.push(Holder {
                    latin: term_key(&surname),
                    given,
                    cyrillic,
                    surnames,
                    name: h.name,
                    from: h.from,
                    to: h.to,
                });
            }
            t.offices.push(Office { country, holders });
        }
        let mut anchors: [Vec<String>; 3] = Default::default();
        for (offices, by_lang) in role_titles {
            for (l, titles) in by_lang.into_iter().enumerate() {
                for title in titles {
                    let toks = parse_words(&title).map_err(|e| format!("title {title:?}: {e}"))?;
                    let longest = toks
                        .iter()
                        .filter_map(|tok| match tok {
                            Tok::Word(w) | Tok::Prefix(w) => Some(&**w),
                            Tok::Country => None,
                        })
                        .max_by_key(|w| w.chars().count())
                        .ok_or_else(|| format!("title {title:?}: no word besides {{c}}"))?;
                    let mut chars = longest.chars();
                    let capital: String = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                    anchors[l].extend([longest.to_owned(), capital, longest.to_uppercase()]);
                    let lt = &mut t.langs[l];
                    let id = lt.titles.len() as u32;
                    match toks[0].index_key() {
                        Some(k) => lt.by_first.entry(k).or_default().push(id),
                        None => lt.country_first.push(id),
                    }
                    lt.titles.push(Title {
                        toks,
                        offices: offices.clone(),
                    });
                }
            }
        }
        for (lt, mut words) in t.langs.iter_mut().zip(anchors) {
            words.sort();
            words.dedup();
            lt.anchors = Some(
                aho_corasick::AhoCorasick::builder()
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&words)
                    .map_err(|e| e.to_string())?,
            );
        }
        Ok(t)
    }

    /// The countries of a country slot starting at word `i`: an optional
    /// "the", a country form, and more joined by "and" ("US and Russian");
    /// with the word after the last form. `None` when no form starts there.
    fn countries_at(&self, words: &[Word], mut i: usize) -> Option<(Vec<u32>, usize)> {
        let mut found = Vec::new();
        loop {
            let at = if words.get(i).is_some_and(|w| w.lower == "the") {
                i + 1
            } else {
                i
            };
            let Some((country, end)) = self.form_at(words, at) else {
                break;
            };
            found.push(country);
            i = end;
            match words.get(i) {
                Some(w) if JOINERS.contains(&w.lower.as_str()) => i += 1,
                _ => return Some((found, i)),
            }
        }
        // A joiner with no country after it is not part of the slot.
        (!found.is_empty()).then(|| (found, i - 1))
    }

    /// The longest country form at word `i`: (country, the word after it).
    fn form_at(&self, words: &[Word], i: usize) -> Option<(u32, usize)> {
        let key = index_key(&words.get(i)?.lower);
        self.form_index
            .get(&key)?
            .iter()
            .filter_map(|&(c, f)| {
                let form = &self.country_forms[c as usize][f as usize];
                let fits = form.len() <= words.len() - i
                    && form
                        .iter()
                        .zip(&words[i..])
                        .all(|(t, w)| t.matches(&w.lower));
                fits.then_some((c, i + form.len()))
            })
            .max_by_key(|&(_, end)| end)
    }

    /// Whether `title` matches at word `i`: the word after it and the
    /// countries of its slot (empty without one).
    fn title_at(&self, title: &Title, words: &[Word], i: usize) -> Option<(usize, Vec<u32>)> {
        let mut at = i;
        let mut countries = Vec::new();
        for tok in &title.toks {
            if *tok == Tok::Country {
                let (found, end) = self.countries_at(words, at)?;
                countries = found;
                at = end;
            } else if words.get(at).is_some_and(|w| tok.matches(&w.lower)) {
                at += 1;
            } else {
                return None;
            }
        }
        Some((at, countries))
    }

    /// The titles in `text` (one sentence) in the language `lang`, each
    /// read as its holder on `day`. A title right after a word of
    /// `not_after` ("former"), or followed by a name that is not its
    /// holder's, names no one; a title that names several countries ("the
    /// US and Russian foreign ministers") names each country's holder.
    pub fn named(&self, text: &str, lang: Lang, day: NaiveDate) -> Vec<Named<'_>> {
        let lt = &self.langs[match lang {
            Lang::Uk => 1,
            Lang::Ru => 2,
            _ => 0,
        }];
        if !lt.anchors.as_ref().is_some_and(|a| a.is_match(text)) {
            return Vec::new();
        }
        let words = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let by_word = lt
                .by_first
                .get(&index_key(&words[i].lower))
                .map_or(&[][..], Vec::as_slice);
            let by_country = match self.form_at(&words, i) {
                Some(_) => lt.country_first.as_slice(),
                None => &[],
            };
            let found: Vec<(usize, Vec<u32>, &Title)> = by_word
                .iter()
                .chain(by_country)
                .filter_map(|&t| {
                    let title = &lt.titles[t as usize];
                    self.title_at(title, &words, i)
                        .map(|(end, c)| (end, c, title))
                })
                .collect();
            // The longest title there, and every title as long (two
            // countries' offices may share one title).
            let Some(end) = found.iter().map(|f| f.0).max() else {
                i += 1;
                continue;
            };
            // "President-elect", "chancellor-in-waiting": another person.
            let hyphenated = {
                let mut after = text[words[end - 1].span.end..].chars();
                after.next() == Some('-') && after.next().is_some_and(char::is_alphabetic)
            };
            let negated = hyphenated || i > 0 && self.not_after.contains(&words[i - 1].lower);
            let span = words[i].span.start..words[end - 1].span.end;
            let mut offices: Vec<(u32, &[u32])> = found
                .iter()
                .filter(|f| f.0 == end && !negated)
                .flat_map(|(_, countries, title)| {
                    title
                        .offices
                        .iter()
                        .map(move |&o| (o, countries.as_slice()))
                })
                .collect();
            offices.sort_unstable_by_key(|&(o, _)| o);
            offices.dedup_by_key(|&mut (o, _)| o);
            for (o, countries) in offices {
                let office = &self.offices[o as usize];
                let named_country =
                    countries.is_empty() || office.country.is_some_and(|c| countries.contains(&c));
                if !named_country {
                    continue;
                }
                let holder = office.holders.iter().find(|h| h.held_on(day));
                if let Some(h) = holder.filter(|h| !other_name_follows(text, &words, end, h)) {
                    out.push(Named {
                        span: span.clone(),
                        holder: h,
                    });
                }
            }
            i = end;
        }
        out
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The most capitalised words read as the name after a title.
const NAME_WORDS: usize = 4;

/// Whether the title ending before word `end` is followed by a name that
/// is not `holder`'s: capitalised words right after it (only spaces
/// between), none of them the holder's surname in any spelling ("Russian
/// President Vladimir Putin" is not Zelensky, whose other spellings include
/// "Vladimir").
fn other_name_follows(text: &str, words: &[Word], end: usize, holder: &Holder) -> bool {
    let close = |a: usize, b: &Word| text[a..b.span.start].chars().all(char::is_whitespace);
    let mut prev_end = words[end - 1].span.end;
    let mut run = Vec::new();
    for w in words[end..].iter().take(NAME_WORDS) {
        if !w.capital || !close(prev_end, w) {
            break;
        }
        run.push(w);
        prev_end = w.span.end;
    }
    !run.is_empty()
        && !run
            .iter()
            .any(|w| holder.surnames.contains(&term_key(&w.lower)))
}

#[cfg(test)]
#[path = "offices_tests.rs"]
mod tests;
