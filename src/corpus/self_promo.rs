//! How an English-language page names its own outlet outside the dateline:
//! its promotion of itself ("Click here to get the <Outlet> app", "Sign up
//! for <Outlet>'s newsletter", "You can read more on <Outlet>.", "Follow
//! our coverage on @<handle>") and its staff credits ("<Outlet>'s Jane Roe
//! contributed to this report.").
//!
//! These are the furniture lines news sites append to a story. A name in
//! them is the page's own outlet, where the same name in a sentence of the
//! story is a citation of another outlet. The cue words are data
//! (`[credits]` in `assets/outlets.toml`); only outlets the table knows
//! count.

use super::outlets;

/// Longest outlet name, in words.
const NAME_MAX_WORDS: usize = 4;

/// Longest promotion sentence, in words: a promotion is short; a longer
/// sentence is the story's own prose.
const PROMO_MAX_WORDS: usize = 24;

/// The outlet a promotion of the page's own outlet names, in any sentence
/// of `line`. A promotion opens with one of the promo openers
/// (`house_promo_openers`: "Click here", "Sign up", "More", ...) and names
/// the outlet in one of three ways:
/// - before one of its products (`house_products`: "app", "newsletter",
///   "main page"), possessive or not: "CLICK HERE TO GET THE FOX NEWS APP",
///   "More ... can be found on the Onet's main page";
/// - closing a sentence that opens with a reading verb (`read_openers`)
///   after "on" or "at": "You can read more on Gazeta.pl.";
/// - as a social-media handle that starts with its name, in a sentence
///   that speaks for the outlet in the first person ("our", "us"): "Follow
///   our coverage on @Kyivpost_official".
pub fn house_promo(line: &str) -> Option<&'static str> {
    let cues = outlets::credit_cues();
    sentences(line).find_map(|s| {
        // Most lines are prose: their first word opens no promotion.
        let first = bare(s.split_whitespace().next()?);
        let may_open = cues.house_promo_openers.iter().any(|o| {
            let head = o.split_whitespace().next().unwrap_or_default();
            head.len() == first.len() && head.eq_ignore_ascii_case(first)
        });
        if !may_open {
            return None;
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        if words.len() > PROMO_MAX_WORDS {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
        let opens = |list: &[String]| {
            list.iter().any(|o| {
                let o: Vec<&str> = o.split_whitespace().collect();
                lower.len() >= o.len() && lower.iter().zip(&o).all(|(w, c)| w == c)
            })
        };
        if !opens(&cues.house_promo_openers) {
            return None;
        }
        for start in 1..words.len() {
            for k in 1..=NAME_MAX_WORDS.min(words.len() - start) {
                let Some((name, possessive)) = outlet_spelled(&words[start..start + k]) else {
                    continue;
                };
                let after = &lower[start + k..];
                let product = cues.house_products.iter().any(|p| {
                    let p: Vec<&str> = p.split_whitespace().collect();
                    after.len() >= p.len() && after.iter().zip(&p).all(|(w, c)| w == c)
                });
                if product {
                    return Some(name);
                }
                let closes = !possessive
                    && after.is_empty()
                    && cues.read_prepositions.contains(&lower[start - 1]);
                if closes && opens(&cues.read_openers) {
                    return Some(name);
                }
            }
        }
        let first_person = lower.iter().any(|w| cues.house_first_person.contains(w));
        first_person
            .then(|| {
                words.iter().find_map(|w| {
                    let handle = bare(w.strip_prefix('@')?);
                    (handle.chars().count() >= 4)
                        .then(|| outlets::named(handle))
                        .flatten()
                })
            })
            .flatten()
    })
}

/// The outlet whose staff member a credit line names: "<Outlet>'s Jane Roe
/// contributed to this report.", "<Outlet>' Jane Roe and The Associated
/// Press contributed ...". The outlet must be possessive: a wire credited
/// as a whole ("The Associated Press contributed") supplied copy to the
/// page and is not its outlet.
pub fn staff_credit(line: &str) -> Option<&'static str> {
    let s = line.trim();
    if !s.contains(" contributed") {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > PROMO_MAX_WORDS {
        return None;
    }
    (1..=NAME_MAX_WORDS.min(words.len().saturating_sub(1))).find_map(|k| {
        let (name, possessive) = outlet_spelled(&words[..k])?;
        let next_is_name = words[k].chars().next().is_some_and(char::is_uppercase);
        (possessive && next_is_name).then_some(name)
    })
}

/// The known outlet that some whole words spell, and whether the last word
/// is possessive ("Onet's", "News'").
fn outlet_spelled(words: &[&str]) -> Option<(&'static str, bool)> {
    let last = words
        .last()?
        .trim_end_matches(['.', ',', '!', '?', ':', ';']);
    let stem = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| last.strip_suffix(p))
        .filter(|s| !s.is_empty());
    let possessive = stem.is_some();
    let mut parts: Vec<&str> = words[..words.len() - 1].iter().map(|w| bare(w)).collect();
    parts.push(bare(stem.unwrap_or(last)));
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    // Callers try every starting word, so "the Onet's" is found from
    // "Onet's", and "the Guardian's" as "The Guardian" itself.
    let joined = parts.join(" ");
    outlets::named_exactly(&joined).map(|n| (n, possessive))
}

/// A word with the punctuation around it trimmed (quotes, stops, commas),
/// keeping inner dots ("Gazeta.pl") and hyphens.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The sentences of a furniture line: split after ".", "!" or "?" when a
/// space or a capital follows, so that a dot inside a name ("Gazeta.pl")
/// does not split. Unlike the article splitter
/// ([`crate::text::sentences::split`]), which keeps "us.Sign" whole (a
/// stop glued to a capital is as often an abbreviation or a URL in prose),
/// a promotion glued to the line before it by a scraper ("Thanks for being
/// with us.Sign up for ...") is split here.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?')
            && chars
                .peek()
                .is_none_or(|&(_, n)| n == ' ' || n.is_uppercase())
        {
            let end = i + c.len_utf8();
            out.push(line[start..end].trim());
            start = end;
        }
    }
    out.push(line[start..].trim());
    out.into_iter().filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_promotion_of_the_outlets_app_or_newsletter() {
        assert_eq!(house_promo("CLICK HERE TO GET THE CNN APP"), Some("CNN"));
        assert_eq!(
            house_promo("Thanks for reading.Sign up for the Guardian's newsletter today."),
            Some("The Guardian")
        );
        assert_eq!(
            house_promo("More reporting on the war is on the BBC's main page."),
            Some("BBC")
        );
    }

    #[test]
    fn a_sentence_sending_readers_to_the_outlet() {
        assert_eq!(
            house_promo("You can read the latest news on Politico."),
            Some("Politico")
        );
        // Not a reading verb: a citation, not a promotion.
        assert_eq!(
            house_promo("More than 20 were hurt, according to reports on CNN."),
            None
        );
    }

    #[test]
    fn a_handle_in_a_first_person_invitation() {
        assert_eq!(
            house_promo("Follow us on X: @KyivIndependent_news for updates."),
            Some("The Kyiv Independent")
        );
        assert_eq!(
            house_promo("Follow the governor on @KyivIndependent_news."),
            None
        );
    }

    #[test]
    fn prose_naming_an_outlet_is_no_promotion() {
        assert_eq!(
            house_promo("The minister told the BBC's main evening programme."),
            None
        );
        assert_eq!(house_promo("Reuters app users saw the alert first."), None);
    }

    #[test]
    fn staff_credits() {
        assert_eq!(
            staff_credit("CNN's Jane Roe contributed to this report."),
            Some("CNN")
        );
        assert_eq!(
            staff_credit("Fox News' John Doe and The Associated Press contributed to this report."),
            Some("Fox News")
        );
        assert_eq!(
            staff_credit("The Associated Press contributed to this report."),
            None
        );
    }
}
