//! What a place name does in its sentence: is it where something happened,
//! or only named? The cue words are data (`assets/gazetteer/cues.toml`);
//! the rules read the grammar around the name:
//!
//! - after a place preposition ("in", "near", "at", "to") it is a
//!   [`Role::Place`], whatever follows ("officials in Kharkiv said");
//! - after a compass or distance cue ("north of", "20 km from") it is a
//!   [`Role::Reference`]: the point the real place is measured from;
//! - as the subject of a speech or decision verb ("Kyiv said", "Moscow
//!   swiftly denied", "Russia has rejected"), before a noun of forces or
//!   government ("Moscow's troops", "Kyiv helicopters"), or as a metonym
//!   outside a place phrase ("the Kremlin") it is an [`Role::Actor`];
//! - right after a verb that addresses a government ("accused Washington
//!   of", "urged Kyiv to") it is an [`Role::Actor`] as well;
//! - a country after a topic preposition ("sanctions against Russia",
//!   "talks about Ukraine") is a [`Role::Topic`];
//! - a capitalised name at the very start of a paragraph, followed by a
//!   comma, colon or dash ("KYIV, Nov 17 (Reuters) -") is a
//!   [`Role::Dateline`]: where a wire story was filed.
//!
//! Anything else is a place: "a glide bomb hit Kramatorsk". A name in a
//! regional official's title is a [`Role::Official`] (the tagger sets it).

use super::fold::{fold_name, is_apostrophe};
use super::words::{Before, char_at, word_after};
use super::{Gazetteer, Mention, RegionKind};

/// What a mention does in its sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Where the happening took place.
    #[default]
    Place,
    /// A government, army or city standing for the people who act or speak.
    Actor,
    /// A country the sentence is about, not where it happened.
    Topic,
    /// The point a place is measured from ("north of Sumy City").
    Reference,
    /// A wire dateline: where the story was filed.
    Dateline,
    /// In a regional or city official's title ("the governor of the
    /// Belgorod region"): the place the official speaks for, set by the
    /// tagger, not by these rules.
    Official,
}

impl Role {
    /// Whether the mention says where the happening took place.
    pub fn is_place(self) -> bool {
        self == Role::Place
    }
}

/// Sets the role of each mention of one paragraph (`text`).
pub(super) fn assign(g: &Gazetteer, text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.role != Role::Official) {
        m.role = role_of(g, text, m);
    }
}

/// The role of one mention.
fn role_of(g: &Gazetteer, text: &str, m: &Mention) -> Role {
    let cues = &g.cues;
    if is_dateline(text, m) {
        return Role::Dateline;
    }
    let mut before = Before::new(text, m.start);
    if before
        .get(0)
        .is_some_and(|w| cues.addressee_verbs.contains(w))
    {
        return Role::Actor;
    }
    if describes_a_settlement(g, text, &mut before) {
        return Role::Reference;
    }
    // Cues end the words before the name, or before the words that may
    // stand between ("the", "village of").
    let mut skip = 0;
    while let Some(w) = before.get(skip) {
        let phrases = cues.reference_cues.ending_with(w);
        if phrases.iter().any(|rest| before.ends_with(skip + 1, rest)) {
            return Role::Reference;
        }
        // "У Харкові" (In Kharkiv) opens a sentence as "In Kharkiv" does.
        let lower: std::borrow::Cow<str> = if !w.is_ascii() {
            w.to_lowercase().into()
        } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
            w.to_ascii_lowercase().into()
        } else {
            w.into()
        };
        if cues.place_prepositions.contains(lower.as_ref()) {
            return Role::Place;
        }
        if cues.about_words.contains(lower.as_ref()) {
            return Role::Topic;
        }
        if cues.topic_prepositions.contains(lower.as_ref()) {
            if g.region(m.region).kind == RegionKind::Country {
                return Role::Topic;
            }
            break;
        }
        if !cues
            .settlement_words
            .iter()
            .any(|s| w.eq_ignore_ascii_case(s))
        {
            break;
        }
        skip += 1;
    }
    if is_metonym(g, text, m) && !names_the_site(g, text, m.end) || acts(g, text, m.end) {
        return Role::Actor;
    }
    Role::Place
}

/// Whether the name ends an apposition that describes a settlement by
/// where it lies ("Orikhiv, a town near Zaporizhzhia", "…, the village
/// close to the border"): a comma, an article, a settlement noun and a near
/// cue (`near_cues` of `assets/gazetteer/cues.toml`) before it. The settlement before
/// the comma is the place; this one is the point it is measured from.
fn describes_a_settlement(g: &Gazetteer, text: &str, before: &mut Before) -> bool {
    let cues = &g.cues;
    let Some(last) = before.get(0) else {
        return false;
    };
    let last: std::borrow::Cow<str> = if last.chars().any(char::is_uppercase) {
        last.to_lowercase().into()
    } else {
        last.into()
    };
    cues.near_cues.ending_with(&last).iter().any(|rest| {
        if !before.ends_with(1, rest) {
            return false;
        }
        let k = 1 + rest.len();
        let (Some(noun), Some(article)) = (before.get(k), before.get(k + 1)) else {
            return false;
        };
        let noun_ok = !matches!(noun, "the" | "of")
            && cues
                .settlement_words
                .iter()
                .any(|s| noun.eq_ignore_ascii_case(s));
        let article_ok = ["a", "an", "the"]
            .iter()
            .any(|a| article.eq_ignore_ascii_case(a));
        // The article's offset in `text` (words are slices of it).
        let at = article.as_ptr() as usize - text.as_ptr() as usize;
        noun_ok && article_ok && text[..at].trim_end().ends_with(',')
    })
}

/// A metonym ("the Kremlin", "the White House"): the name is one only as a
/// metonym of this place.
fn is_metonym(g: &Gazetteer, text: &str, m: &Mention) -> bool {
    if !g.metonym_places.contains(&m.region) {
        return false;
    }
    let key = fold_name(&text[m.start..m.end]);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    g.names.get(key.as_bytes()).is_some_and(|e| {
        g.cands[e.from as usize..e.to as usize]
            .iter()
            .any(|c| c.place == m.region && c.metonym)
    })
}

/// A noun of ground or buildings right after a metonym ("White House
/// grounds", "the Kremlin walls"): the metonym then names the site.
fn names_the_site(g: &Gazetteer, text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|(s, e)| g.cues.metonym_sites.contains(&text[s..e]))
}

/// What follows the name at `end` makes it an actor: a possessive or a
/// bare name before a noun of forces or government ("Moscow's troops",
/// "Kyiv helicopters"), or a verb of speech or decision after adverbs and
/// auxiliaries ("Moscow swiftly underscored", "Russia has rejected").
fn acts(g: &Gazetteer, text: &str, end: usize) -> bool {
    let cues = &g.cues;
    let mut i = end;
    let mut possessive = false;
    if let Some(c) = char_at(text, i)
        && is_apostrophe(c)
    {
        i += c.len_utf8();
        if char_at(text, i) == Some('s') {
            i += 1;
        }
        possessive = true;
    }
    let Some((s, e)) = word_after(text, i) else {
        return false;
    };
    let first = &text[s..e];
    if cues.actor_nouns.contains(first) {
        return true;
    }
    if possessive {
        return false;
    }
    // Adverbs and auxiliaries, then the verb.
    let mut word = Some((s, e));
    for _ in 0..4 {
        let Some((s, e)) = word else { return false };
        let w = &text[s..e];
        if cues.actor_verbs.contains(w) {
            return true;
        }
        let adverb = w.len() > 3 && w.ends_with("ly") && w.starts_with(char::is_lowercase);
        if !adverb && !cues.auxiliaries.contains(w) {
            return false;
        }
        word = word_after(text, e);
    }
    false
}

/// A wire dateline: the name opens the paragraph, written in capitals, and
/// a comma, colon or dash follows ("KYIV:", "MOSCOW, Feb 10 (Reuters) -").
fn is_dateline(text: &str, m: &Mention) -> bool {
    if !text[..m.start].trim().is_empty() {
        return false;
    }
    let name = &text[m.start..m.end];
    let caps = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.chars().any(char::is_lowercase);
    caps && text[m.end..]
        .trim_start()
        .starts_with([',', ':', '-', '—', '–', '('])
}

#[cfg(test)]
mod tests {
    use super::Role;
    use crate::places::Gazetteer;

    /// The role of each mention of `text`, as (display name, role).
    fn roles(text: &str) -> Vec<(String, Role)> {
        let g = Gazetteer::builtin();
        g.tag(text, None)
            .into_iter()
            .map(|m| (g.region(m.region).name.clone(), m.role))
            .collect()
    }

    fn role_of(text: &str, name: &str) -> Role {
        roles(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", roles(text)))
            .1
    }

    #[test]
    fn a_capital_that_speaks_is_an_actor() {
        let text = "Kyiv said on Friday that its drones had hit a depot near Kursk.";
        assert_eq!(role_of(text, "Kyiv"), Role::Actor);
        assert_eq!(role_of(text, "Kursk"), Role::Place);
        let text = "Moscow swiftly denied the report.";
        assert_eq!(role_of(text, "Moscow"), Role::Actor);
        let text = "Washington has announced new aid.";
        assert_eq!(role_of(text, "Washington"), Role::Actor);
    }

    #[test]
    fn a_capital_addressed_is_an_actor() {
        let text = "The minister accused Warsaw on Monday of stalling, as drones hit Lutsk.";
        assert_eq!(role_of(text, "Warsaw"), Role::Actor);
        assert_eq!(role_of(text, "Lutsk"), Role::Place);
        let text = "The envoy urged Kyiv to hold the line in Sumy.";
        assert_eq!(role_of(text, "Kyiv"), Role::Actor);
        assert_eq!(role_of(text, "Sumy"), Role::Place);
        // A place after a verb of its own happening stays one.
        assert_eq!(role_of("Missiles struck Warsaw.", "Warsaw"), Role::Place);
    }

    #[test]
    fn a_settlement_described_by_a_place_near_it_is_the_place() {
        let text = "Shelling hit Orikhiv, a town near Zaporizhzhia, on Monday.";
        assert_eq!(role_of(text, "Zaporizhzhia"), Role::Reference);
        assert_eq!(role_of(text, "Orikhiv"), Role::Place);
        // Without the apposition, the place near which it happened is the place.
        let text = "Shelling hit a town near Zaporizhzhia on Monday.";
        assert_eq!(role_of(text, "Zaporizhzhia"), Role::Place);
    }

    #[test]
    fn a_place_that_was_hit_is_a_place() {
        assert_eq!(
            role_of("Kharkiv was struck by drones at night.", "Kharkiv"),
            Role::Place
        );
        assert_eq!(
            role_of("Officials in Odesa said two people died.", "Odesa"),
            Role::Place
        );
    }

    #[test]
    fn forces_and_metonyms_are_actors() {
        let text = "Moscow's troops pushed west while the Kremlin kept silent.";
        assert!(
            roles(text).iter().all(|(_, r)| *r == Role::Actor),
            "{:?}",
            roles(text)
        );
        assert_eq!(
            role_of("Locals saw two Kyiv helicopters fly low.", "Kyiv"),
            Role::Actor
        );
        assert_eq!(
            role_of("The envoy flew to the Kremlin for talks.", "Moscow"),
            Role::Place,
            "a metonym after a place preposition is the place"
        );
        assert_eq!(
            role_of("A man climbed onto Kremlin walls overnight.", "Moscow"),
            Role::Place,
            "a metonym before a noun of its ground is the place"
        );
    }

    #[test]
    fn a_country_after_a_topic_word_is_a_topic() {
        assert_eq!(
            role_of("The bloc agreed new sanctions against Russia.", "Russia"),
            Role::Topic
        );
        assert_eq!(
            role_of("Drones fell in Romania overnight.", "Romania"),
            Role::Place
        );
    }

    #[test]
    fn a_compass_or_distance_cue_gives_a_reference_point() {
        let text = "A fire broke out at a depot in Bryansk, south-west of Moscow.";
        assert_eq!(role_of(text, "Bryansk"), Role::Place);
        assert_eq!(role_of(text, "Moscow"), Role::Reference);
        assert_eq!(
            role_of("Shelling hit a farm 20 km from Kharkiv.", "Kharkiv"),
            Role::Reference
        );
    }

    #[test]
    fn a_regional_officials_place_is_kept_only_by_tag_under() {
        let g = Gazetteer::builtin();
        let text = "Kharkiv Mayor Ihor Terekhov said the night was calm.";
        assert!(g.tag(text, None).is_empty());
        let m = g.tag_under(text, None, None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].role, Role::Official);
    }

    #[test]
    fn a_cyrillic_first_name_is_no_place() {
        let g = Gazetteer::builtin();
        assert!(
            g.tag("Президент Володимир Зеленський провів нараду.", None)
                .is_empty()
        );
        assert_eq!(
            g.tag("Вчора у Києві Зеленський провів нараду.", None).len(),
            1
        );
    }

    #[test]
    fn a_wire_dateline_is_a_dateline() {
        let text = "KYIV, March 3 (Wire) - Ukraine's army said it held the line.";
        assert_eq!(role_of(text, "Kyiv"), Role::Dateline);
        assert_eq!(
            role_of("Kyiv, the capital, was quiet.", "Kyiv"),
            Role::Place
        );
    }

    #[test]
    fn cyrillic_places_after_prepositions_and_actors_before_verbs() {
        // "In Kharkiv explosions were heard." / "Kyiv said ..."
        assert_eq!(
            role_of("У Харкові пролунали вибухи.", "Kharkiv"),
            Role::Place
        );
        assert_eq!(role_of("Київ заявив про нові удари.", "Kyiv"), Role::Actor);
        // "Moscow stated a protest." / "The Kremlin said ..."
        assert_eq!(role_of("Москва заявила протест.", "Moscow"), Role::Actor);
        assert_eq!(
            role_of("Кремль заявил о переговорах.", "Moscow"),
            Role::Actor
        );
        // "Moscow also rejected the plan": an auxiliary between.
        assert_eq!(
            role_of("Москва також відкинула план.", "Moscow"),
            Role::Actor
        );
        // "A drone fell over the Kursk region."
        assert_eq!(
            role_of("Над Курской областью сбит беспилотник.", "Kursk Oblast"),
            Role::Place
        );
        // "Talks about Ukraine": a topic.
        assert_eq!(role_of("Йшлося про Україну.", "Ukraine"), Role::Topic);
        // "A farm 20 km from Kharkiv was hit."
        assert_eq!(
            role_of("Удар по фермі за 20 км від Харкова.", "Kharkiv"),
            Role::Reference
        );
    }

    #[test]
    fn a_cyrillic_title_before_a_place_holds_it() {
        let g = Gazetteer::builtin();
        // "The President of France Macron arrived." names no place.
        assert!(g.tag("Приїхав президент Франції Макрон.", None).is_empty());
        // "As the mayor of Moscow Sobyanin said, the attack was repelled":
        // Moscow is in a title, no place of the happening.
        assert!(
            g.tag("Как сообщил мэр Москвы Собянин, атака отражена.", None)
                .is_empty()
        );
    }

    #[test]
    fn a_village_spelled_like_a_common_noun_does_not_open_a_sentence() {
        let g = Gazetteer::builtin();
        // "A fire in Mykolaiv": "Пожежа" (fire) is also a village.
        let tagged: Vec<String> = g
            .tag("Пожежа в Миколаєві тривала всю ніч.", None)
            .iter()
            .map(|m| g.region(m.region).name.clone())
            .collect();
        assert_eq!(tagged, ["Mykolaiv"]);
        // "Meanwhile, in Kharkiv ..." ("Тим" is also a town), "They said
        // ..." in Russian ("Они" is also a town in Georgia).
        for text in [
            "Тим часом у Харкові тихо.",
            "Они сказали, что в Харькове тихо.",
        ] {
            let tagged: Vec<String> = g
                .tag(text, None)
                .iter()
                .map(|m| g.region(m.region).name.clone())
                .collect();
            assert_eq!(tagged, ["Kharkiv"], "{text}");
        }
        // "In the village of Tim ..." keeps the town.
        assert_eq!(g.tag("У селищі Тим пролунав вибух.", None).len(), 1);
    }

    #[test]
    fn a_place_after_about_is_a_topic() {
        // "I spoke about Mykolaiv today in a speech to the Danish parliament."
        assert_eq!(
            role_of("Говорив про Миколаїв сьогодні у виступі.", "Mykolaiv"),
            Role::Topic
        );
    }

    #[test]
    fn cyrillic_lists_of_region_adjectives() {
        let g = Gazetteer::builtin();
        let names = |t: &str| -> Vec<String> {
            g.tag(t, None)
                .iter()
                .map(|m| g.region(m.region).name.clone())
                .collect()
        };
        // "The army took two villages in the Sumy and Dnipropetrovsk regions."
        assert_eq!(
            names("Армия взяла два села в Сумской и Днепропетровской областях."),
            ["Sumy Oblast", "Dnipropetrovsk Oblast"]
        );
        // "Corridors worked in three regions – Donetsk, Luhansk, Zaporizhzhia."
        assert_eq!(
            names("Коридори працювали в трьох областях – Донецькій, Луганській, Запорізькій."),
            ["Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast"]
        );
        // An adjective alone is no region: "the Kyivan Rus".
        assert!(names("Київська Русь була державою.").is_empty());
        // "During a strike on Sumy": a plural town name in the dative.
        assert_eq!(names("При ударе по Сумам погибли люди."), ["Sumy"]);
    }
}
