//! Sentences written like those of the seed articles' gold events (our own
//! wording, the same facts and place phrases), checking that each place the
//! gold needs comes out.

use frontlog::places::Gazetteer;

/// The oblast-level names and the display names of what a paragraph names.
fn found(text: &str) -> Vec<String> {
    let g = Gazetteer::builtin();
    let mut out = Vec::new();
    for m in g.tag(text, g.focus_country(text)) {
        out.push(g.region(m.region).name.clone());
        out.push(g.region(g.oblast_level(m.region)).name.clone());
    }
    out
}

fn has(text: &str, place: &str) {
    let f = found(text);
    assert!(
        f.iter().any(|n| n == place),
        "{place} not in {f:?} for: {text}"
    );
}

#[test]
fn seed_phrases_resolve() {
    has(
        "Trump said a summit with Putin could soon be held in Saudi Arabia.",
        "Saudi Arabia",
    );
    has(
        "Kyiv region. A strike on the capital on Wednesday killed a man.",
        "Kyiv Oblast",
    );
    has(
        "Donetsk region. A glide bomb hit the city of Kramatorsk, wounding five.",
        "Donetsk Oblast",
    );
    has(
        "A guided bomb strike on the city of Kramatorsk killed a man.",
        "Donetsk Oblast",
    );
    has(
        "Sumy region. Russian troops shelled border villages 97 times.",
        "Sumy Oblast",
    );
    has(
        "Kherson region. Rescuers found a body under the rubble in the regional capital.",
        "Kherson Oblast",
    );
    has("Defence ministers met in Brussels on Thursday.", "Brussels");
    has(
        "He expects the Istanbul Security Conference on Friday to be decisive.",
        "Istanbul",
    );
    has("It happened in Munich in 1938, he said.", "Munich");
    has(
        "Russian and US diplomats held talks in Turkey on Thursday.",
        "Turkey",
    );
    has(
        "The French president came to the White House on Monday.",
        "Washington",
    );
    has(
        "Zelensky made a brief stop in Ireland on his way.",
        "Ireland",
    );
    has(
        "He will visit Washington on Friday to sign the deal.",
        "Washington",
    );
    has(
        "The commander visited brigades defending the Novopavlivka front in the eastern Donetsk region.",
        "Donetsk Oblast",
    );
    has(
        "Clashes took place on the Novopavlivka front on Thursday.",
        "Donetsk Oblast",
    );
    has(
        "The two presidents met in Helsinki, Finland, in July 2018.",
        "Helsinki",
    );
}

#[test]
fn header_covers_only_its_own_paragraph() {
    // The next paragraph names no place: nothing carries over.
    assert!(
        found("Ukraine's security council imposed sanctions on the former president.").is_empty()
    );
}
