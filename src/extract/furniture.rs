//! What in an article's text is no place for an event: a caption or teaser
//! block that stops on a word, a body-only file's lede taken for its title, and dates inside markup
//! (addresses, link targets, template tags).

use crate::text::markup;
use crate::timex::Timex;

/// Shortest run of words that, left without a closing stop, reads as a
/// caption or a teaser rather than a heading.
const CAPTION_MIN_WORDS: usize = 15;

/// A block of prose that stops on a word without closing its sentence: a
/// picture's caption or a teaser of another story ("Firefighters work at
/// the site as the shelling continues"). A heading is shorter; a tweet or a
/// stamp ends on its date.
pub(super) fn unpunctuated_block(par: &str) -> bool {
    let t = par.trim_end();
    t.chars().last().is_some_and(char::is_alphabetic)
        && crate::text::word_count_up_to(t, CAPTION_MIN_WORDS) >= CAPTION_MIN_WORDS
}

/// Longest headline, in words, that ends with a full stop: a longer
/// "title" is the lede of a body-only file, whose first line is prose.
const HEADLINE_MAX_SENTENCE_WORDS: usize = 16;

/// Whether a title is really the story's first sentence (a file that holds
/// only the body): a long sentence with a closing stop. It gives no
/// headline event; its own dates still count like any sentence's.
pub(super) fn reads_as_body(title: &str) -> bool {
    let t = title.trim_end_matches(['"', '”', '’', ')', ' ']);
    t.ends_with('.')
        && crate::text::word_count_up_to(t, HEADLINE_MAX_SENTENCE_WORDS + 1)
            > HEADLINE_MAX_SENTENCE_WORDS
}

/// The timexes that lie outside markup ([`markup::spans`]: addresses,
/// link targets, template tags), with their range links renumbered.
pub(super) fn outside_markup(text: &str, timexes: Vec<Timex>) -> Vec<Timex> {
    if timexes.is_empty() {
        return timexes;
    }
    let markup = markup::spans(text);
    if markup.is_empty() {
        return timexes;
    }
    let keep: Vec<bool> = timexes
        .iter()
        .map(|t| !markup::overlaps(&markup, &(t.start..t.end)))
        .collect();
    let mut new_index = Vec::with_capacity(timexes.len());
    let mut next = 0;
    for &k in &keep {
        new_index.push(next);
        next += usize::from(k);
    }
    timexes
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(mut t, _)| {
            t.range_to = t.range_to.filter(|&j| keep[j]).map(|j| new_index[j]);
            t
        })
        .collect()
}
