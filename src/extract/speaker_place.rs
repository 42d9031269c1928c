//! Where the speaker is, against where the happening was: in reported
//! speech whose words carry the date ("A think tank in Warsaw said that
//! Tuesday's strike hit a depot in Mykolaiv"), the happening is what
//! was said, and a place of the attribution (the speaker's seat, the
//! venue of the briefing: "told journalists in Geneva that ...")
//! is not where it took place, when the words name a place of their own.
//!
//! Rule of this project, after `../shared/eval/ANNOTATION.md` (a happening
//! is placed where it took place, not where the one who reports it is).
//! Without a place in the words, the attribution's place stays: "officials
//! in Kharkiv said that on Monday two people were killed" is most often
//! about Kharkiv.

use std::ops::Range;

use crate::places::{Mention, Role};

use super::reported_speech::Reported;

/// Makes actors of the places in the attribution of a sentence (the words
/// before what was said) when every date expression lies in what was said
/// and what was said names a place. `speech` is the sentence's reported
/// speech ([`super::reported_speech::reported`]) and `dates` its date
/// expressions, both in bytes from the sentence's start; `sentence_start`
/// is where the sentence starts in the text that `mentions` are offsets
/// into.
pub fn demote_speakers_places(
    speech: Option<&Reported>,
    sentence_start: usize,
    dates: &[Range<usize>],
    mentions: &mut [Mention],
) {
    let Some(r) = speech else {
        return;
    };
    if dates.is_empty() || dates.iter().any(|d| d.start < r.said) {
        return;
    }
    let said = sentence_start + r.said;
    let words_placed = mentions
        .iter()
        .any(|m| m.role == Role::Place && m.start >= said);
    if !words_placed {
        return;
    }
    for m in mentions
        .iter_mut()
        .filter(|m| m.role == Role::Place && m.end <= said)
    {
        m.role = Role::Actor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::reported_speech::reported;
    use crate::lang::Lang;
    use crate::places::Gazetteer;

    /// The places of `sentence` once demoted, by name, in text order.
    fn places(sentence: &str, date: &str) -> Vec<String> {
        let g = Gazetteer::builtin();
        let mut mentions = g.tag(sentence, None);
        let at = sentence.find(date).expect("the date is in the sentence");
        let date = at..at + date.len();
        let dates = std::slice::from_ref(&date);
        let speech = reported(sentence, Lang::En, dates);
        demote_speakers_places(speech.as_ref(), 0, dates, &mut mentions);
        mentions
            .iter()
            .filter(|m| m.role == Role::Place)
            .map(|m| g.region(m.region).name.clone())
            .collect()
    }

    #[test]
    fn the_speakers_seat_is_not_the_place_of_what_was_said() {
        let got = places(
            "A think tank in Warsaw said that Tuesday's strike hit a depot in Mykolaiv.",
            "Tuesday",
        );
        assert_eq!(got, ["Mykolaiv"]);
    }

    #[test]
    fn the_place_stays_when_the_words_name_none_or_the_date_is_the_speaking() {
        let got = places(
            "Officials in Kharkiv said that on Monday two people were killed.",
            "on Monday",
        );
        assert_eq!(got, ["Kharkiv"], "the words name no place");
        let got = places(
            "The minister told reporters in Warsaw on Monday that Mykolaiv needs more power lines.",
            "on Monday",
        );
        assert_eq!(
            got,
            ["Warsaw", "Mykolaiv"],
            "the date belongs to the speaking"
        );
    }
}
