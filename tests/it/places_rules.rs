//! One test per tagging rule of the geotagger, on the built-in gazetteer.
//! The sentences are written for these tests in the style of war news.

use frontlog::places::{Gazetteer, Mention, RegionKind};

fn g() -> &'static Gazetteer {
    Gazetteer::builtin()
}

/// The mentions of a paragraph tagged with its own focus country, as
/// (covered text, display name, precision).
fn tag(text: &str) -> Vec<(String, String, u8)> {
    let g = g();
    let focus = g.focus_country(text);
    show(text, &g.tag(text, focus))
}

fn show(text: &str, ms: &[Mention]) -> Vec<(String, String, u8)> {
    ms.iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                g().region(m.region).name.clone(),
                m.precision,
            )
        })
        .collect()
}

/// Display names of the places found.
fn places(text: &str) -> Vec<String> {
    tag(text).into_iter().map(|(_, name, _)| name).collect()
}

/// The oblast (or country) each place found counts by.
fn oblasts(text: &str) -> Vec<String> {
    let g = g();
    g.tag(text, g.focus_country(text))
        .iter()
        .map(|m| g.region(g.oblast_level(m.region)).name.clone())
        .collect()
}

fn id(name: &str) -> u32 {
    g().lookup(name)
        .unwrap_or_else(|| panic!("{name} not in the gazetteer"))
}

// --- region suffixes and paragraph headers

#[test]
fn region_header_is_one_mention_of_the_oblast() {
    let text = "Kyiv region. A Russian strike killed one civilian in the capital.";
    let found = tag(text);
    assert_eq!(found[0], ("Kyiv region".into(), "Kyiv Oblast".into(), 3));
    assert_eq!(tag("Sumy Oblast.")[0].0, "Sumy Oblast");
    assert_eq!(
        tag("The Donetsk region. Shelling continued.")[0],
        ("The Donetsk region".into(), "Donetsk Oblast".into(), 3)
    );
    assert_eq!(
        tag("Kharkivska oblast. Drones attacked.")[0],
        ("Kharkivska oblast".into(), "Kharkiv Oblast".into(), 3)
    );
    assert_eq!(
        tag("Fighting in the Zaporizhzhia region continues.")[0].0,
        "the Zaporizhzhia region"
    );
}

#[test]
fn shared_city_and_oblast_name_is_the_city_unless_region_follows() {
    for city in ["Donetsk", "Kharkiv", "Sumy", "Kherson", "Zaporizhzhia"] {
        let text = format!("Explosions were heard in {city} overnight.");
        let found = tag(&text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(g().region(id(&found[0].1)).kind, RegionKind::Town, "{text}");
        let text = format!("Explosions were heard in the {city} region overnight.");
        assert_eq!(tag(&text)[0].1, format!("{city} Oblast"), "{text}");
    }
}

#[test]
fn plural_suffix_makes_every_listed_stem_a_region() {
    assert_eq!(
        places("Evacuations were ordered in the Kharkiv, Sumy and Chernihiv oblasts."),
        ["Kharkiv Oblast", "Sumy Oblast", "Chernihiv Oblast"]
    );
    assert_eq!(
        places("The Donetsk and Luhansk regions were annexed illegally."),
        ["Donetsk Oblast", "Luhansk Oblast"]
    );
}

#[test]
fn russian_regions_and_adjective_forms() {
    assert_eq!(places("Drones struck the Kursk region."), ["Kursk Oblast"]);
    assert_eq!(places("Kursk was quiet."), ["Kursk"]);
    assert_eq!(places("Donetska oblast lost power."), ["Donetsk Oblast"]);
    assert_eq!(
        places("Донецька область: троє загиблих."),
        ["Donetsk Oblast"]
    );
}

// --- disambiguation

#[test]
fn focus_country_settles_names_shared_across_borders() {
    let g = g();
    let ukraine = g.lookup("Ukraine");
    let russia = g.lookup("Russia");
    let text = "A fire broke out in Zlynka.";
    let in_ua = g.tag(text, ukraine)[0].region;
    let in_ru = g.tag(text, russia)[0].region;
    assert_ne!(in_ua, in_ru);
    assert!(g.ancestors(in_ua).contains(&ukraine.unwrap()));
    assert!(g.ancestors(in_ru).contains(&russia.unwrap()));
    // Without a focus, Ukraine comes first.
    assert_eq!(g.tag(text, None)[0].region, in_ua);
    // The focus of an article is the country it names most.
    let article = "Belgorod was shelled. Kursk and Bryansk reported drones. Moscow denied it.\nKyiv said nothing.";
    assert_eq!(g.focus_country(article), russia);
}

#[test]
fn places_named_together_share_an_oblast() {
    assert_eq!(
        oblasts("Russian troops attacked Oleksandrivka, south of Velyka Novosilka."),
        ["Donetsk Oblast", "Donetsk Oblast"]
    );
    assert_eq!(
        oblasts("A drone hit a farm in Oleksandrivka near Kherson."),
        ["Kherson Oblast", "Kherson Oblast"]
    );
    // A header in the paragraph counts too.
    assert_eq!(
        oblasts("Kherson region. Shelling hit Oleksandrivka on Monday."),
        ["Kherson Oblast", "Kherson Oblast"]
    );
}

#[test]
fn population_breaks_remaining_ties() {
    let g = g();
    let m = g.tag("Shelling hit Oleksandrivka on Monday.", g.lookup("Ukraine"));
    assert_eq!(m.len(), 1);
    let chosen = g.region(m[0].region);
    assert_eq!(chosen.name, "Oleksandrivka");
    // No other Oleksandrivka named the same way is chosen over the most
    // populous one: lookup, which takes the most populous, agrees.
    assert_eq!(Some(m[0].region), g.lookup("Oleksandrivka"));
}

#[test]
fn front_line_places_named_together_share_a_front_across_oblasts() {
    // Lyman of Donetsk Oblast, not the Lyman of Kharkiv Oblast, though
    // Kupiansk is in Kharkiv Oblast.
    assert_eq!(
        oblasts("Russian troops attacked near Kupiansk and in the direction of Lyman."),
        ["Kharkiv Oblast", "Donetsk Oblast"]
    );
}

#[test]
fn front_line_places_beat_namesakes() {
    assert_eq!(
        oblasts("Brigades are defending the Novopavlivka front."),
        ["Donetsk Oblast"]
    );
    assert_eq!(
        oblasts("Parts of the Novopavlivka front are 14 km from the Dnipropetrovsk region."),
        ["Donetsk Oblast", "Dnipropetrovsk Oblast"]
    );
}

#[test]
fn georgia_is_the_country_and_washington_the_capital_unless_told_otherwise() {
    assert_eq!(places("Protests continued in Georgia."), ["Georgia"]);
    assert_eq!(
        places("Tbilisi, Georgia, saw protests."),
        ["Tbilisi", "Georgia"]
    );
    assert_eq!(
        places("The plant is in Atlanta, Georgia."),
        ["Atlanta", "Georgia (U.S. state)"]
    );
    assert_eq!(places("Talks continue in Washington."), ["Washington"]);
    let g = g();
    assert_eq!(g.region(id("Washington")).parent, g.lookup("United States"));
    assert_eq!(
        places("A senator from Washington state objected."),
        ["Washington (U.S. state)"]
    );
}

// --- what is not a place

#[test]
fn places_in_titles_organisations_and_outlets_place_nothing() {
    for text in [
        "U.S. President Donald Trump spoke for an hour.",
        "Kharkiv Governor Oleh Syniehubov said no one was hurt.",
        "Kremlin spokesperson Dmitry Peskov declined to comment.",
        "Ukraine's foreign minister asked for more air defence.",
        "Kyiv School of Economics analysts put the damage at $170 billion.",
        "The Kyiv Independent and the Moscow Times ran the story.",
        "According to the Kyiv Post, the general was dismissed.",
        "Washington's ambassador to Russia left the post.",
        "Taras Shevchenko's poems were read aloud.",
        "She is a senior fellow at the Carnegie Russia Eurasia Center in Berlin.",
    ] {
        assert_eq!(tag(text), vec![], "{text}");
    }
}

#[test]
fn adjectives_and_dates_before_a_place_leave_it_alone() {
    assert_eq!(
        places("Shelling hit Ukraine-controlled Kherson."),
        ["Kherson"]
    );
    assert_eq!(places("In March Kharkiv was hit again."), ["Kharkiv"]);
    assert_eq!(places("Fighting in Eastern Ukraine went on."), ["Ukraine"]);
    assert_eq!(places("Occupied Melitopol was quiet."), ["Melitopol"]);
}

#[test]
fn events_named_after_a_place_are_in_it() {
    assert_eq!(
        places("Zelensky spoke at the Munich Security Conference."),
        ["Munich"]
    );
    assert_eq!(
        places("Delegates met at the Istanbul Security Conference on Friday."),
        ["Istanbul"]
    );
}

#[test]
fn demonyms_and_compounds_are_not_places() {
    assert_eq!(tag("Russian forces attacked Ukrainian positions."), vec![]);
    assert_eq!(
        tag("A Kyiv-based analyst spoke of the Russia-Ukraine war."),
        vec![]
    );
    assert_eq!(tag("Pro-Kremlin bloggers were angry."), vec![]);
    assert_eq!(places("Russia's offensive stalled."), ["Russia"]);
}

#[test]
fn a_town_after_the_that_runs_like_a_river_is_the_river() {
    assert_eq!(tag("Marines crossed the Dnipro at night."), vec![]);
    assert_eq!(places("A drone hit Dnipro at night."), ["Dnipro"]);
    assert_eq!(places("Fighting in the Pokrovsk direction."), ["Pokrovsk"]);
    assert_eq!(
        places("Debris fell in the Darnytskyi district."),
        ["Darnytskyi"]
    );
}

#[test]
fn common_words_are_no_places() {
    assert_eq!(tag("Bar owners were told to close at midnight."), vec![]);
    assert_eq!(tag("Mayor Ihor Terekhov said power was cut."), vec![]);
    assert_eq!(tag("Of the 120 drones, 98 were shot down."), vec![]);
    // The town of Bar is still known by name.
    assert_eq!(g().region(id("Bar")).name, "Bar");
}

// --- metonyms

#[test]
fn metonyms_stand_for_their_cities() {
    assert_eq!(places("The Kremlin rejected the plan."), ["Moscow"]);
    assert_eq!(places("Macron came to the White House."), ["Washington"]);
    assert_eq!(
        places("The Oval Office meeting went badly."),
        ["Washington"]
    );
    assert_eq!(places("Downing Street announced new aid."), ["London"]);
    assert_eq!(places("Bankova did not comment."), ["Kyiv"]);
    assert_eq!(places("A statement from the Elysee followed."), ["Paris"]);
    // Landmarks stand for the town they are in, or are places of their own.
    assert_eq!(places("Protesters gathered on the Maidan."), ["Kyiv"]);
    assert_eq!(places("The last defenders left Azovstal."), ["Mariupol"]);
    assert_eq!(
        places("Ukraine retook Snake Island."),
        ["Ukraine", "Snake Island"]
    );
}

// --- spellings

#[test]
fn spellings_fold_together() {
    let kostiantynopil = places("Fighting near Kostiantynopil.");
    assert_eq!(places("Fighting near Kostyantynopil."), kostiantynopil);
    assert_eq!(places("Troops regrouped near Kupyansk."), ["Kupiansk"]);
    assert_eq!(places("Kam’ianske was hit."), places("Kam'ianske was hit."));
    assert_eq!(places("Kamianske was hit."), places("Kam'ianske was hit."));
    assert_eq!(places("Kiev and Kharkov were hit."), ["Kyiv", "Kharkiv"]);
    assert_eq!(places("Drones targeted Kyїv."), ["Kyiv"]);
    assert_eq!(
        places("Bilhorod-Dnistrovskyi's port."),
        ["Bilhorod-Dnistrovskyi"]
    );
    assert_eq!(places("Artemivsk fell in 2023."), ["Bakhmut"]);
    assert_eq!(places("Zaporozhye was shelled."), ["Zaporizhzhia"]);
    assert_eq!(places("Вибухи у місті Харків."), ["Kharkiv"]);
    // Case forms of Cyrillic names.
    assert_eq!(
        places("Вибухи пролунали у Харкові та Києві."),
        ["Kharkiv", "Kyiv"]
    );
    assert_eq!(places("Взрывы прогремели в Курске."), ["Kursk"]);
    assert_eq!(
        places("Власти Белгородской области сообщили."),
        ["Belgorod Oblast"]
    );
    assert_eq!(places("Обстріл Донеччини триває."), ["Donetsk Oblast"]);
    assert_eq!(
        places("KYIV (Reuters) - Drones attacked overnight."),
        ["Kyiv"]
    );
}

#[test]
fn possessives_match_but_stay_outside_the_mention() {
    let found = tag("Ukraine’s southern port of Odesa and Kyiv's suburbs.");
    let spans: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(spans, ["Ukraine", "Odesa", "Kyiv"]);
}

// --- precision

#[test]
fn precision_follows_acled() {
    assert_eq!(tag("A strike hit Pokrovsk.")[0].2, 1);
    assert_eq!(tag("Fighting raged near Pokrovsk.")[0].2, 2);
    assert_eq!(tag("A missile fell north of Kharkiv.")[0].2, 2);
    assert_eq!(tag("Shells landed on the outskirts of Nikopol.")[0].2, 2);
    assert_eq!(tag("Troops attack in the Pokrovsk direction.")[0].2, 2);
    assert_eq!(tag("Clashes near the village of Novopavlivka.")[0].2, 2);
    assert_eq!(tag("Shelling of the Donetsk region.")[0].2, 3);
    assert_eq!(tag("Air raid alerts across Ukraine.")[0].2, 3);
}

// --- robustness

#[test]
fn any_text_gives_spans_on_char_boundaries() {
    // Deterministic noise from pieces of names, marks and several scripts.
    let pieces = [
        "Kyiv",
        "Kharkiv",
        " ",
        "  ",
        ".",
        ", ",
        "-",
        "'",
        "’",
        "ʼ",
        "s",
        "Київ",
        "Харкові",
        "é",
        "region",
        "Oblast",
        "the ",
        "U.S.",
        "near ",
        "\n",
        "Ñ",
        "東京",
        "🙂",
        "Donetsk",
        "and ",
        "oblasts",
        "Kam",
        "ianske",
        "’s",
        "State",
        "I've",
        "NEW YORK",
        "—",
        "(",
        ")",
        "\"",
    ];
    let g = g();
    let mut seed: u64 = 42;
    for _ in 0..2_000 {
        let mut text = String::new();
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for m in g.tag(&text, None) {
            assert!(m.start < m.end && m.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                "{text:?}"
            );
        }
        let _ = g.focus_country(&text);
    }
}

#[test]
fn a_capital_named_by_its_country_is_the_city() {
    assert_eq!(
        places("Rubio and Lavrov met in the Saudi capital on Tuesday."),
        ["Riyadh"]
    );
    assert_eq!(
        places("Drones were shot down over the Ukrainian capital overnight."),
        ["Kyiv"]
    );
    // The adjective alone is no place.
    assert!(places("Saudi officials hosted the talks.").is_empty());
    // The possessive form too, through the gazetteer's capitals.
    let t = tag("A Russian strike hit Ukraine's capital overnight, and Russia's capital too.");
    assert_eq!(
        t,
        [
            ("Ukraine's capital".to_owned(), "Kyiv".to_owned(), 1),
            ("Russia's capital".to_owned(), "Moscow".to_owned(), 1)
        ]
    );
    assert_eq!(places("Ukraine's capitalism is young."), ["Ukraine"]);
}

#[test]
fn an_abbreviation_with_its_dot_opens_a_name() {
    assert_eq!(
        places("Rubio may meet Lavrov in St. Petersburg next week."),
        ["Saint Petersburg"]
    );
    assert_eq!(
        places("Drones hit St Petersburg overnight."),
        ["Saint Petersburg"]
    );
    // A sentence's last dot still ends a name.
    assert_eq!(
        places("The talks were held in Kyiv. Officials later flew to Moscow."),
        ["Kyiv", "Moscow"]
    );
}
