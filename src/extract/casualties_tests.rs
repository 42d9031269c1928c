//! Tests of the casualty counts on sentences written for them
//! (`tests/data/casualties.tsv`: killed, injured, sentence; "-" for none;
//! a sentence ending in `@uk` or `@ru` is read with that language).

use super::*;

const ROWS: &str = include_str!("../../tests/data/casualties.tsv");

fn parse(field: &str) -> Option<u32> {
    (field != "-").then(|| field.replace(',', "").parse().expect("a count or -"))
}

fn rows() -> Vec<(Casualties, Lang, &'static str)> {
    ROWS.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let killed = parse(f.next().unwrap_or("-"));
            let injured = parse(f.next().unwrap_or("-"));
            let sentence = f.next().expect("killed<TAB>injured<TAB>sentence").trim();
            let (sentence, lang) = if let Some(s) = sentence.strip_suffix("@uk") {
                (s, Lang::Uk)
            } else if let Some(s) = sentence.strip_suffix("@ru") {
                (s, Lang::Ru)
            } else {
                (sentence, Lang::En)
            };
            (Casualties { killed, injured }, lang, sentence)
        })
        .collect()
}

#[test]
fn written_phrasings_are_counted() {
    let rows = rows();
    assert!(rows.len() >= 30, "only {} phrasings", rows.len());
    let mut misses = Vec::new();
    for &(want, lang, sentence) in &rows {
        let got = casualties(sentence, lang);
        if got != want {
            misses.push(format!("want {want:?} got {got:?}: {sentence}"));
        }
    }
    for m in &misses {
        eprintln!("{m}");
    }
    assert!(
        misses.is_empty(),
        "{} of {} phrasings miscounted",
        misses.len(),
        rows.len()
    );
}

#[test]
fn numbers_in_words_and_figures() {
    let t = table();
    assert_eq!(t.number("1,200"), Some(1200));
    assert_eq!(t.number("twelve"), Some(12));
    assert_eq!(t.number("twenty-five"), Some(25));
    assert_eq!(t.number("dozens"), None);
    assert_eq!(
        tokens("1,200 people, killed."),
        ["1,200", "people", ",", "killed", "."]
    );
}

#[test]
fn no_casualty_word_no_count() {
    assert_eq!(casualties("", Lang::En), Casualties::default());
    assert_eq!(
        casualties("The talks lasted 3 hours on Monday.", Lang::En),
        Casualties::default()
    );
}
