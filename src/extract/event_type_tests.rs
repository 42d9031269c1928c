//! Tests of the event type classifier on sentences written for them
//! (`tests/data/event_types.tsv`: type, a tab, the sentence; a type may end
//! in `@uk` or `@ru` to read the sentence with that language's cues).

use super::*;

const ROWS: &str = include_str!("../../tests/data/event_types.tsv");

fn rows() -> Vec<(EventType, Lang, &'static str)> {
    ROWS.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (kind, sentence) = l.split_once('\t').expect("type<TAB>sentence");
            let (code, lang) = match kind.split_once('@') {
                Some((c, "uk")) => (c, Lang::Uk),
                Some((c, "ru")) => (c, Lang::Ru),
                Some((c, other)) => panic!("unknown language {other} for {c}"),
                None => (kind, Lang::En),
            };
            let t = EventType::from_code(code).unwrap_or_else(|| panic!("unknown type {code}"));
            (t, lang, sentence.trim())
        })
        .collect()
}

#[test]
fn every_type_has_twenty_english_sentences() {
    let rows = rows();
    for t in EventType::ALL {
        let n = rows
            .iter()
            .filter(|(k, l, _)| *k == t && *l == Lang::En)
            .count();
        assert!(n >= 20, "{}: only {n} English sentences", t.code());
    }
}

#[test]
fn written_sentences_are_typed() {
    let mut misses = Vec::new();
    let rows = rows();
    for &(want, lang, sentence) in &rows {
        let got = classify(sentence, lang);
        if got != want {
            let scores: Vec<String> = scores(sentence, lang)
                .into_iter()
                .filter(|(_, s)| *s > 0)
                .map(|(t, s)| format!("{}={s}", t.code()))
                .collect();
            misses.push(format!(
                "want {} got {} [{}]: {sentence}",
                want.code(),
                got.code(),
                scores.join(" ")
            ));
        }
    }
    for m in &misses {
        eprintln!("{m}");
    }
    assert!(
        misses.is_empty(),
        "{} of {} sentences mistyped",
        misses.len(),
        rows.len()
    );
}

#[test]
fn codes_and_labels_round_trip() {
    for t in EventType::ALL {
        assert_eq!(EventType::from_code(t.code()), Some(t));
        assert!(!t.label().is_empty());
    }
    assert_eq!(
        EventType::ExplosionsRemoteViolence.label(),
        "Explosions/Remote violence"
    );
    assert_eq!(EventType::Talks.label(), "Talks and meetings");
    assert_eq!(EventType::from_code("nothing"), None);
}

#[test]
fn the_table_types_every_code_once() {
    let table = table();
    for t in EventType::ALL {
        assert_eq!(
            table.types.iter().filter(|e| e.code == t.code()).count(),
            1,
            "{}",
            t.code()
        );
    }
    assert_eq!(table.priority.len(), EventType::ALL.len() - 1);
}

#[test]
fn cues_match_whole_words_or_stems() {
    // "ban" is not in "bank", "talks" not in "stalks"; "shell*" is a stem.
    assert_eq!(
        classify("The bank reopened on Monday.", Lang::En),
        EventType::Other
    );
    assert_eq!(
        classify("Shelling resumed on Monday.", Lang::En),
        EventType::ExplosionsRemoteViolence
    );
    assert_eq!(classify("", Lang::En), EventType::Other);
}

#[test]
fn speech_alone_is_a_statement_and_a_reported_strike_is_the_strike() {
    assert_eq!(
        classify("The minister said on Monday he was tired.", Lang::En),
        EventType::Statements
    );
    assert_eq!(
        classify(
            "The governor said a missile hit a school on Monday.",
            Lang::En
        ),
        EventType::ExplosionsRemoteViolence
    );
}

/// `tests/data/reported_types.tsv`: sentences of our own that report speech,
/// typed with the sentence's date expression as the event's.
#[test]
fn reported_speech_is_typed_by_what_was_said() {
    let rows = include_str!("../../tests/data/reported_types.tsv");
    let mut misses = Vec::new();
    let mut n = 0;
    for l in rows
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut cols = l.split('\t');
        let (Some(kind), Some(date), Some(sentence)) = (cols.next(), cols.next(), cols.next())
        else {
            panic!("type<TAB>date<TAB>sentence: {l}");
        };
        let (date, lang) = match date.split_once('@') {
            Some((d, "uk")) => (d, Lang::Uk),
            Some((d, "ru")) => (d, Lang::Ru),
            _ => (date, Lang::En),
        };
        let want = EventType::from_code(kind).unwrap_or_else(|| panic!("unknown type {kind}"));
        let at = sentence
            .find(date)
            .unwrap_or_else(|| panic!("{date} not in {sentence}"));
        let date_span = at..at + date.len();
        let got = classify_sentence(sentence, sentence, lang, std::slice::from_ref(&date_span));
        n += 1;
        if got != want {
            misses.push(format!(
                "want {} got {}: {sentence}",
                want.code(),
                got.code()
            ));
        }
    }
    assert!(n >= 15, "only {n} rows");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
