//! Tests of the office table and of reading titles as holders.

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn names(text: &str, lang: Lang, on: &str) -> Vec<String> {
    Offices::get()
        .named(text, lang, day(on))
        .into_iter()
        .map(|n| n.holder.name.clone())
        .collect()
}

#[test]
fn the_shipped_table_parses() {
    let t = Offices::parse(TABLE).expect("assets/cluster/offices.toml");
    assert!(t.offices.len() > 20 && t.langs.iter().all(|l| !l.titles.is_empty()));
}

#[test]
fn a_title_names_the_holder_of_the_day() {
    let t = "The German chancellor will travel to the capital on Monday.";
    assert_eq!(names(t, Lang::En, "2022-02-10"), ["Olaf Scholz"]);
    assert_eq!(names(t, Lang::En, "2019-02-10"), ["Angela Merkel"]);
    assert_eq!(names(t, Lang::En, "2025-06-01"), ["Friedrich Merz"]);
    let t = "Germany's chancellor spoke.";
    assert_eq!(names(t, Lang::En, "2022-02-10"), ["Olaf Scholz"]);
    let t = "The president of the United States arrived.";
    assert_eq!(names(t, Lang::En, "2022-02-10"), ["Joe Biden"]);
}

#[test]
fn one_title_may_name_two_countries_holders() {
    let t = "A call between the heads of American and Russian diplomacy is due.";
    assert_eq!(
        names(t, Lang::En, "2022-02-12"),
        ["Antony Blinken", "Sergei Lavrov"]
    );
    let t = "The U.S. and Russian foreign ministers met in a hotel.";
    let mut got = names(t, Lang::En, "2022-01-21");
    got.sort();
    assert_eq!(got, ["Antony Blinken", "Sergei Lavrov"]);
}

#[test]
fn former_deputies_and_other_names_are_not_the_holder() {
    assert!(
        names(
            "The former German chancellor wrote a book.",
            Lang::En,
            "2022-02-10"
        )
        .is_empty()
    );
    assert!(
        names(
            "A deputy foreign minister of Russia spoke.",
            Lang::En,
            "2022-02-10"
        )
        .is_empty()
    );
    assert!(
        names(
            "Russian President Boris Yeltsin resigned.",
            Lang::En,
            "2022-02-10"
        )
        .is_empty()
    );
    assert_eq!(
        names(
            "Russian President Vladimir Putin spoke.",
            Lang::En,
            "2022-02-10"
        ),
        ["Vladimir Putin"]
    );
    assert_eq!(
        names(
            "Ukrainian President Vladimir Zelensky spoke.",
            Lang::En,
            "2022-02-10"
        ),
        ["Volodymyr Zelensky"]
    );
    assert!(
        names(
            "US President-elect Donald Trump said so.",
            Lang::En,
            "2024-12-10"
        )
        .is_empty(),
        "an elect is not yet the holder"
    );
    assert_eq!(
        names(
            "Aid went to Ukraine and Russian President Vladimir Putin objected.",
            Lang::En,
            "2023-03-01"
        ),
        ["Vladimir Putin"],
        "a first name shared with another holder is no surname"
    );
    assert!(names("Latin American leaders met.", Lang::En, "2023-03-01").is_empty());
    assert!(
        names(
            "The American presidential race opened.",
            Lang::En,
            "2022-02-10"
        )
        .is_empty(),
        "a word that only begins like a title word is none"
    );
}

#[test]
fn inflected_titles_in_ukrainian_and_russian() {
    assert_eq!(
        names(
            "Канцлер Німеччини прибуде до столиці.",
            Lang::Uk,
            "2022-02-10"
        ),
        ["Olaf Scholz"]
    );
    assert_eq!(
        names(
            "Глава МИД России провёл переговоры.",
            Lang::Ru,
            "2023-03-01"
        ),
        ["Sergei Lavrov"]
    );
    let h = &Offices::get().named(
        "Міністра оборони України звільнили.",
        Lang::Uk,
        day("2023-03-01"),
    );
    assert_eq!(h.len(), 1);
    assert_eq!(
        h[0].holder.keys(Lang::Uk),
        vec![term_key("Резніков"), term_key("Резников")]
    );
    assert!(
        names("президентських виборів у США", Lang::Uk, "2024-03-01").is_empty(),
        "derivations are not inflections"
    );
}

#[test]
fn a_title_stands_for_the_holders_whole_name_in_latin_letters() {
    let h = &Offices::get().named("The German chancellor spoke.", Lang::En, day("2022-02-10"));
    assert_eq!(
        h[0].holder.name_keys(Lang::En),
        vec![term_key("Olaf"), term_key("Scholz")]
    );
    let h = &Offices::get().named("The German president spoke.", Lang::En, day("2022-02-10"));
    assert_eq!(
        h[0].holder.name_keys(Lang::En),
        vec![
            term_key("Frank"),
            term_key("Walter"),
            term_key("Steinmeier")
        ]
    );
    // A speaker is matched by surname alone: other people share given names.
    assert_eq!(h[0].holder.keys(Lang::En), vec![term_key("Steinmeier")]);
    let h = &Offices::get().named(
        "The US secretary of state spoke.",
        Lang::En,
        day("2022-02-10"),
    );
    assert_eq!(
        h[0].holder.name_keys(Lang::Other),
        vec![term_key("Antony"), term_key("Blinken")]
    );
}

#[test]
fn the_span_covers_the_title() {
    let t = "On Friday the German chancellor said so.";
    let n = Offices::get().named(t, Lang::En, day("2022-02-10"));
    assert_eq!(&t[n[0].span.clone()], "German chancellor");
}

#[test]
fn a_wrong_table_is_an_error() {
    let bad = r#"
        not_after = []
        [countries]
        x = ["xland"]
        [roles.r]
        en = ["{c} boss"]
        [[office]]
        country = "y"
        roles = ["r"]
        holders = []
    "#;
    assert!(
        Offices::parse(bad)
            .err()
            .unwrap_or_default()
            .contains("unknown country")
    );
    let short = bad
        .replace("\"{c} boss\"", "\"bo*\"")
        .replace("\"y\"", "\"x\"");
    assert!(
        Offices::parse(&short)
            .err()
            .unwrap_or_default()
            .contains("fewer than")
    );
}
