//! Splitting a paragraph into sentences, with byte spans.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, after any closing quotes
//! and brackets, when whitespace and a sentence start (a capital, a digit or
//! an opening quote) follow. A period after a known abbreviation ("Gen.",
//! "Jan."), an initial ("J.") or a dotted acronym ("U.S.") does not end the
//! sentence, unless the next word is one that usually opens a sentence; the
//! word before a period is read after any dash or slash, so that the
//! sentence is never cut inside a date range ("Nov. 18–Dec. 16, 2025").

use std::ops::Range;

/// Abbreviations whose period does not end a sentence (case-sensitive).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
    "Adm", "Brig", "Cmdr", "Gov", "Sen", "Rep", "Pres", "Rev", "Hon", "St", "Jr", "Sr", "No",
    "Nos", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Inc", "Corp", "Co",
    "Ltd", "approx", "est", "Ft", "Mt", "Ave", "Blvd", "al", "cf", "etc", "Fig", "Vol", "Dept",
    "Univ", "Assn", "Bros", "ca", "e.g", "i.e",
];

/// Words that open a sentence: after a dotted acronym ("... in the U.S. The
/// talks ...") they show that the period did end the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "But",
    "And",
    "However",
    "Meanwhile",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Some",
    "Many",
    "Most",
];

/// Byte spans of the sentences of `text`, trimmed of surrounding whitespace.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(found) = text[i..].find(['.', '!', '?', '…']) {
        let pos = i + found;
        let c = text[pos..].chars().next().unwrap_or('.');
        // The run of terminators ("?!", "...") and closing quotes and brackets.
        let mut end = pos + c.len_utf8();
        for n in text[end..].chars() {
            if !matches!(n, '.' | '!' | '?' | '…') {
                break;
            }
            end += n.len_utf8();
        }
        for n in text[end..].chars() {
            if !is_closer(n) {
                break;
            }
            end += n.len_utf8();
        }
        let more = end > pos + c.len_utf8();
        // "On Tuesday … the envoy will arrive": an ellipsis with a space
        // before it marks words left out of a quote, not a sentence end.
        let elided = (c == '…' || c == '.' && text[pos..].starts_with("..."))
            && text[..pos].ends_with(char::is_whitespace);
        let quoted = c != '.' && inside_quoted_run(text, start, pos, end);
        let boundary = !elided
            && !quoted
            && match next_word(text, end) {
                None => false,
                Some(next) => {
                    starts_sentence(next)
                        && (c != '.' || more || period_ends(text, start, pos, next))
                }
            };
        if boundary {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The part of a sentence that holds byte `at`, when sentences were run
/// together without a space ("officials.As he said", a common fault of
/// scraped and machine-translated text): the byte span, in `sentence`,
/// between the glue points around `at`, or the whole sentence when it has
/// none. [`split`] keeps such a run whole (nothing marks where one sentence
/// ends); the happening a date belongs to is told by its own part.
///
/// A glue point is a `.`, `!` or `?` after a lower-case letter, followed at
/// once by a capital and a lower-case letter: "U.S.Army", "3.5" and
/// "example.com" have none.
pub fn glued_part(sentence: &str, at: usize) -> Range<usize> {
    let mut start = 0;
    let ends = sentence
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'.' | b'!' | b'?'));
    for (i, _) in ends {
        let glue = sentence[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase)
            && {
                let mut next = sentence[i + 1..].chars();
                next.next().is_some_and(char::is_uppercase)
                    && next.next().is_some_and(char::is_lowercase)
            };
        if glue {
            let end = i + 1;
            if at < end {
                return start..end;
            }
            start = end;
        }
    }
    start..sentence.len()
}

/// How far (bytes) after a question inside a quotation the quotation must
/// close for the question to stay in its sentence.
const QUOTE_CLOSE_WITHIN: usize = 160;

/// Whether the `?` or `!` at `pos` (its run ending at `end`) sits inside a
/// short quotation opened in the middle of the sentence that began at
/// `start` ("He asked, ‘Where was it? Was it May 2?’"): the quotation is
/// part of that sentence, so its questions do not end it.
fn inside_quoted_run(text: &str, start: usize, pos: usize, end: usize) -> bool {
    let before = &text[start..pos];
    let Some((open, q)) = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '‘' | '“'))
    else {
        return false;
    };
    let closer = if q == '‘' { '’' } else { '”' };
    // A closing mark is one not followed by a letter ("he’s" is no closer).
    let closes_at = |s: &str| {
        s.char_indices().find(|&(i, c)| {
            c == closer
                && !s[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        })
    };
    let opened_mid_sentence = before[..open].trim_end().ends_with([',', ':', '—', '–']);
    let still_open = closes_at(&before[open..]).is_none();
    // The run itself may carry the closer ("July 4?’"): then it is the end.
    let closed_by_run = text[pos..end].contains(closer);
    let mut stop = text.len().min(end + QUOTE_CLOSE_WITHIN);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let window = &text[end..stop];
    opened_mid_sentence && still_open && !closed_by_run && closes_at(window).is_some()
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
}

/// The word after `end` when only whitespace separates them (at least one
/// whitespace character is required).
fn next_word(text: &str, end: usize) -> Option<&str> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() || trimmed.is_empty() {
        return None;
    }
    let word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    Some(&trimmed[..word_end])
}

fn starts_sentence(word: &str) -> bool {
    let first = word
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '*'));
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the period at `pos` ends a sentence, looking at the word before it.
fn period_ends(text: &str, sentence_start: usize, pos: usize, next: &str) -> bool {
    let before = &text[sentence_start..pos];
    // (Dashes too: "Nov. 18–Dec. 16" ends in the abbreviation "Dec".)
    let word = before
        .rsplit(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'' | '‘' | '–' | '—' | '-' | '/')
        })
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    if ABBREVIATIONS.contains(&word) {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if !word.is_ascii() && !initial {
        // "т.д." (etc.) and "обл." (region) close their phrase: a capital
        // after them starts a sentence. (An initial, "В. Зеленський", is
        // read below.)
        return !cyrillic_abbreviation(before, word);
    }
    let opener = SENTENCE_OPENERS.contains(&next.trim_matches(|c: char| !c.is_alphanumeric()));
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if single_initial || dotted {
        return opener;
    }
    true
}

/// Whether a Cyrillic `word` before a period is an abbreviation that
/// stands before a name (`assets/furniture.toml`): "м." (city), "с."
/// (village), "ул." (street). A year's "р."/"г." after a number may end the
/// sentence ("... у 2022 р. Далі ...").
fn cyrillic_abbreviation(before: &str, word: &str) -> bool {
    let vocab = crate::text::vocab::furniture();
    if !vocab.sentence_abbreviations.iter().any(|a| a == word) {
        return false;
    }
    let after_number = before[..before.len() - word.len()]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit());
    !(after_number && vocab.year_abbreviations.iter().any(|a| a == word))
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn questions_inside_a_quotation_stay_in_their_sentence() {
        let t = "I told a friend, ‘When did the vote happen? Was it May 2?’ Yes. Then he left.";
        let got: Vec<&str> = split(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "I told a friend, ‘When did the vote happen? Was it May 2?’",
                "Yes.",
                "Then he left."
            ]
        );
        // A quotation that opens the sentence, or runs on, splits as before.
        let t = "“Where were you? We waited.” He left. She said, “Why? I do not know why this went on for so long, nor why the council, the mayor and the governor all kept silent about the pipes for the whole of the winter and the spring?”";
        assert_eq!(split(t).len(), 5);
    }

    #[test]
    fn a_date_belongs_to_its_part_of_a_glued_run() {
        let t = "The envoys met on Monday.On Tuesday the talks broke down.Both sides left.";
        let part = |at: usize| &t[glued_part(t, at)];
        assert_eq!(part(t.find("Monday").unwrap()), "The envoys met on Monday.");
        assert_eq!(
            part(t.find("Tuesday").unwrap()),
            "On Tuesday the talks broke down."
        );
        assert_eq!(part(t.find("Both").unwrap()), "Both sides left.");
        // Acronyms, decimals and web addresses are no glue.
        for whole in [
            "The U.S.Army moved 3.5 km.",
            "See example.com for more.",
            "It rose.NATO said so.",
        ] {
            assert_eq!(glued_part(whole, 2), 0..whole.len(), "{whole}");
        }
        // One sentence is its own part.
        assert_eq!(glued_part("Sirens sounded.", 3), 0..15);
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sentences("Sirens sounded. Drones hit a depot!  Was anyone hurt? No."),
            vec![
                "Sirens sounded.",
                "Drones hit a depot!",
                "Was anyone hurt?",
                "No."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences(
                "Gen. Oleksandr Syrskyi met Dr. Smith on Jan. 10 with J. R. Doe. They spoke."
            ),
            vec![
                "Gen. Oleksandr Syrskyi met Dr. Smith on Jan. 10 with J. R. Doe.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn a_range_of_dates_across_months_stays_in_one_sentence() {
        assert_eq!(
            sentences(
                "Strikes rose in the four weeks (Sept. 2–Oct. 30, 2024), above the weeks before (Aug. 5–Sept. 2, 2024), it found. Then they fell."
            ),
            vec![
                "Strikes rose in the four weeks (Sept. 2–Oct. 30, 2024), above the weeks before (Aug. 5–Sept. 2, 2024), it found.",
                "Then they fell."
            ]
        );
    }

    #[test]
    fn an_ellipsis_after_a_space_leaves_words_out_and_ends_nothing() {
        assert_eq!(
            sentences("“On Monday … The envoy will land in Kyiv,” he said. Then… Nothing."),
            vec![
                "“On Monday … The envoy will land in Kyiv,” he said.",
                "Then…",
                "Nothing."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_an_opener() {
        assert_eq!(
            sentences("U.S. President Biden spoke. Aid from the U.S. Congress is stalled."),
            vec![
                "U.S. President Biden spoke.",
                "Aid from the U.S. Congress is stalled."
            ]
        );
        assert_eq!(
            sentences("Talks were held in the U.S. The next round is in Geneva."),
            vec![
                "Talks were held in the U.S.",
                "The next round is in Geneva."
            ]
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            sentences("He said: “We will hold.” Then he left. “Is it over?” she asked."),
            vec![
                "He said: “We will hold.”",
                "Then he left.",
                "“Is it over?” she asked."
            ]
        );
    }

    #[test]
    fn header_sentence_and_lowercase_continuation() {
        assert_eq!(
            sentences("Odesa region. A drone hit a port on March 2. e.g. not split"),
            vec![
                "Odesa region.",
                "A drone hit a port on March 2. e.g. not split"
            ]
        );
    }

    #[test]
    fn spans_are_on_char_boundaries_in_non_ascii_text() {
        let text = "Київ. Удар… Тиша? «Так». ";
        for r in split(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(sentences("Київ. Удар."), vec!["Київ.", "Удар."]);
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
    }

    #[test]
    fn cyrillic_abbreviations_and_initials_do_not_split() {
        // "A drone hit the city of Kharkiv. Two were wounded."
        assert_eq!(
            sentences("Дрон влучив у м. Харків. Двоє поранених."),
            ["Дрон влучив у м. Харків.", "Двоє поранених."]
        );
        // "Shelling of the village of Bessalivka, Sumy region. Nobody was hurt."
        assert_eq!(
            sentences("Обстріл с. Бессалівка Сумської обл. Ніхто не постраждав."),
            [
                "Обстріл с. Бессалівка Сумської обл.",
                "Ніхто не постраждав."
            ]
        );
        // "Street Lenina, named after ...", "V. Zelensky said ..."
        assert_eq!(sentences("На ул. Ленина им. Ильича пожар.").len(), 1);
        assert_eq!(sentences("Про це заявив В. Зеленський. Далі.").len(), 2);
        // "Tanks, armoured vehicles etc. All that is the enemy's loss."
        assert_eq!(
            sentences("Знищено танки, БМП і т.д. Все це втрати ворога.").len(),
            2
        );
        // "The plant was built in 1954 (year). The city ..." splits after a year.
        assert_eq!(
            sentences("Завод збудовано у 1954 р. Місто виросло.").len(),
            2
        );
        // "the urban-type settlement" abbreviation "смт" with a period.
        assert_eq!(sentences("Удар по смт. Велика Писарівка.").len(), 1);
    }
}
