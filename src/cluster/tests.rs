//! Clustering end to end, on short reports written for these tests: one
//! strike told by three outlets, look-alikes that must stay apart.

use super::*;
use crate::corpus::{Document, Meta, Provenance};
use crate::places::Gazetteer;

pub(super) fn doc(id: &str, outlet: &str, published: (i32, u32, u32), text: &str) -> Document {
    Document {
        id: id.to_owned(),
        text: text.to_owned(),
        source: Meta {
            value: Some(outlet.to_owned()),
            from: Provenance::Manifest,
        },
        published: Meta {
            value: chrono::NaiveDate::from_ymd_opt(published.0, published.1, published.2),
            from: Provenance::Manifest,
        },
        ..Default::default()
    }
}

pub(super) fn clustered(docs: Vec<Document>) -> EventStore {
    let mut store = EventStore::build(docs, Gazetteer::builtin());
    store.cluster();
    store
}

/// The index of the (non-headline) event whose sentence contains `needle`.
fn event_of(store: &EventStore, needle: &str) -> usize {
    store
        .events()
        .iter()
        .position(|e| !e.headline && e.text(store.doc_of(e)).contains(needle))
        .unwrap_or_else(|| panic!("no event says {needle:?}"))
}

/// The cluster id of the event whose sentence contains `needle` ([`event_of`]).
pub(super) fn cluster_of(store: &EventStore, needle: &str) -> ClusterId {
    let i = event_of(store, needle);
    store.clusters().of_event(i as u32).expect("clustered").id
}

#[test]
fn one_strike_told_by_three_outlets_is_one_cluster() {
    let store = clustered(vec![
        doc(
            "a",
            "Outlet A",
            (2025, 3, 5),
            "Russian missiles struck an energy facility in Kharkiv on 4 March 2025, injuring nine people, the regional governor said.",
        ),
        doc(
            "b",
            "Outlet B",
            (2025, 3, 5),
            "A Russian missile strike hit an energy facility in Kharkiv on 4 March 2025, and eleven people were injured, officials said.",
        ),
        doc(
            "c",
            "Outlet C",
            (2025, 3, 5),
            "On 4 March 2025 Russian missiles hit an energy facility in the city of Kharkiv, according to the governor.",
        ),
    ]);
    let a = cluster_of(&store, "injuring nine");
    assert_eq!(a, cluster_of(&store, "eleven people"));
    assert_eq!(a, cluster_of(&store, "city of Kharkiv"));
    let c = store.clusters().all().iter().find(|c| c.id == a).unwrap();
    assert_eq!((c.reports, c.outlets), (3, 3));
    assert_eq!(c.injured, Some((9, 11)), "the range of figures reported");
    assert_eq!(c.kind, EventType::ExplosionsRemoteViolence);
    assert!(
        c.originators
            .iter()
            .any(|&o| store.clusters().originator_name(o) == "regional governor")
    );
}

#[test]
fn look_alikes_stay_apart() {
    let store = clustered(vec![
        doc(
            "a",
            "Outlet A",
            (2025, 3, 6),
            "Russia launched 82 drones at Odesa overnight on 4 March 2025, the air force said.",
        ),
        doc(
            "b",
            "Outlet B",
            (2025, 3, 6),
            "Russia launched 22 drones at Odesa overnight on 5 March 2025, the air force said.",
        ),
        doc(
            "c",
            "Outlet C",
            (2025, 3, 6),
            "Russian drones struck the port of Odesa on 4 March 2025, damaging warehouses.",
        ),
        doc(
            "d",
            "Outlet D",
            (2025, 3, 6),
            "Russian drones struck the port of Lviv on 4 March 2025, damaging warehouses.",
        ),
        doc(
            "e",
            "Outlet E",
            (2025, 3, 6),
            "Russian drones struck the port of Odesa on 20 March 2025, damaging warehouses.",
        ),
    ]);
    let odesa = cluster_of(&store, "port of Odesa on 4 March");
    assert_ne!(
        cluster_of(&store, "82 drones"),
        cluster_of(&store, "22 drones"),
        "different counts"
    );
    assert_ne!(odesa, cluster_of(&store, "port of Lviv"), "another city");
    assert_ne!(odesa, cluster_of(&store, "20 March"), "another day");
}

#[test]
fn two_dates_of_one_sentence_are_two_happenings() {
    let store = clustered(vec![doc(
        "a",
        "Outlet A",
        (2025, 3, 6),
        "Drones hit Sumy on 3 March 2025 and hit Sumy again on 4 March 2025, officials said.",
    )]);
    let ids: Vec<ClusterId> = store
        .events()
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.headline)
        .map(|(i, _)| store.clusters().of_event(i as u32).unwrap().id)
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn ids_are_the_same_on_every_run() {
    let make = || {
        clustered(vec![
            doc(
                "a",
                "Outlet A",
                (2025, 3, 5),
                "Shelling hit Kherson on 4 March 2025, the governor said.",
            ),
            doc(
                "b",
                "Outlet B",
                (2025, 3, 5),
                "Russian shelling hit Kherson on 4 March 2025.",
            ),
        ])
    };
    let (x, y) = (make(), make());
    let ids = |s: &EventStore| -> Vec<(String, String)> {
        s.events()
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    e.id(s.doc_of(e)).to_string(),
                    s.clusters().of_event(i as u32).unwrap().id.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(ids(&x), ids(&y));
    assert!(ids(&x).iter().all(|(e, c)| e.len() == 16 && c.len() == 16));
}

#[test]
fn clusters_that_do_not_fit_the_store_are_refused() {
    let mut store = clustered(vec![doc(
        "a",
        "Outlet A",
        (2025, 3, 5),
        "Shelling hit Kherson on 4 March 2025, the governor said.",
    )]);
    let good = store.clusters().clone();
    assert!(good.fits(store.events().len()));
    let mut bad = good.clone();
    bad.clusters[0].members.push(9_999);
    assert!(!bad.fits(store.events().len()));
    assert!(
        store.set_clusters(bad).is_err(),
        "an index past the events is refused"
    );
    assert!(store.set_clusters(Clusters::default()).is_err());
    assert!(store.set_clusters(good).is_ok());
}

/// One report per text, each from an outlet of its own ("Outlet A",
/// "Outlet B", ...) published on 6 March 2025, among filler reports of
/// other days, so that word weights are those of a corpus rather than of
/// three sentences.
fn reports_among_others(texts: &[&str]) -> EventStore {
    let filler = [
        "Drones hit a depot in Sumy on 1 March 2025, the governor said.",
        "Shelling damaged homes in Kherson on 2 March 2025, officials said.",
        "The parliament passed a budget law on 3 March 2025, the speaker said.",
        "Talks on grain exports resumed in Istanbul on 28 February 2025.",
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| doc(&format!("f{k}"), "Outlet F", (2025, 3, 4), t));
    let reports = texts.iter().zip('a'..).map(|(t, k)| {
        let outlet = format!("Outlet {}", k.to_ascii_uppercase());
        doc(&k.to_string(), &outlet, (2025, 3, 6), t)
    });
    clustered(filler.chain(reports).collect())
}

#[test]
fn one_speakers_words_of_one_day_are_one_statement() {
    let store = reports_among_others(&[
        "Foreign minister Ivana Petrenko said on 5 March 2025 that the corridor may stay open for months despite the threats.",
        "Petrenko told journalists in Odesa on 5 March 2025 that ships could keep sailing if insurers agreed.",
        "Defence minister Marko Levchuk said on 5 March 2025 that the corridor may face new threats for months.",
        "Petrenko said on 6 March 2025 that the corridor may stay open for months despite the threats.",
    ]);
    let petrenko = cluster_of(&store, "Ivana Petrenko");
    assert_eq!(
        petrenko,
        cluster_of(&store, "journalists in Odesa"),
        "one speaker, one day, whatever place the words name"
    );
    assert_ne!(petrenko, cluster_of(&store, "Levchuk"), "another speaker");
    assert_ne!(petrenko, cluster_of(&store, "6 March"), "another day");
}

#[test]
fn one_call_is_the_call_between_the_same_people() {
    let store = reports_among_others(&[
        "On 5 March 2025 President Kestrel held a phone call with Chancellor Brandt about border crossings, energy prices and a summit in Vienna.",
        "Kestrel and Brandt spoke by telephone for an hour on 5 March 2025, their offices said, adding that refugees and grain exports were discussed.",
        "Prime Minister Dubois phoned President Okafor on 5 March 2025 about fuel prices.",
    ]);
    let call = cluster_of(&store, "Chancellor Brandt");
    assert_eq!(call, cluster_of(&store, "by telephone"));
    assert_ne!(
        call,
        cluster_of(&store, "Dubois"),
        "a call between other people"
    );
}

#[test]
fn one_party_named_alone_is_not_every_meeting_he_is_named_in() {
    let store = reports_among_others(&[
        "On 5 March 2025 the security council met under President Kestrel to discuss the drought, harvest losses and water rationing.",
        "Chancellor Brandt, under fire over a tax scandal in Hamburg, Bremen and Lisbon, unveiled plans on 5 March 2025 to meet President Kestrel and Premier Dubois in Geneva.",
    ]);
    assert_ne!(
        cluster_of(&store, "security council"),
        cluster_of(&store, "tax scandal")
    );
}

#[test]
fn one_name_in_two_transliterations_is_one_actor() {
    let store = reports_among_others(&[
        "Governor Oleksandr Shevchenko opened the rebuilt bridge over the river on 5 March 2025.",
        "Olaxandr Szewczenko opened the rebuilt bridge on 5 March 2025, with a ceremony.",
        "Governor Petro Kovalenko opened a rebuilt school on 5 March 2025, with a ceremony.",
    ]);
    assert_eq!(
        cluster_of(&store, "Oleksandr Shevchenko"),
        cluster_of(&store, "Olaxandr Szewczenko"),
        "the Polish spelling of one governor's name"
    );
    assert_ne!(
        cluster_of(&store, "Oleksandr Shevchenko"),
        cluster_of(&store, "Petro Kovalenko"),
        "another governor"
    );
}

#[test]
fn a_report_that_refers_back_joins_what_it_refers_to() {
    let store = reports_among_others(&[
        "Drones struck a fuel depot in Lutsk on Wednesday, the governor said. \
         Wednesday's attack was the third on the region, analysts noted.",
        "A fuel depot in Lutsk burned for hours after drones hit it on Wednesday.",
    ]);
    let strike = cluster_of(&store, "fuel depot in Lutsk on Wednesday");
    assert_eq!(strike, cluster_of(&store, "burned for hours"));
    assert_eq!(
        strike,
        cluster_of(&store, "the third on the region"),
        "the anaphor shares no words with the reports of the strike"
    );
}

#[test]
fn a_report_that_refers_back_is_refused_what_its_antecedent_is() {
    let store = reports_among_others(&[
        "Drones struck a fuel depot in Lutsk on Wednesday, the governor said. \
         Wednesday's attack set the fuel depot ablaze, analysts noted.",
        "Drones set a fuel depot ablaze in Rivne on Wednesday.",
    ]);
    let id_of = |needle: &str| {
        let e = &store.events()[event_of(&store, needle)];
        e.id(store.doc_of(e))
    };
    let (anaphor, rivne) = (id_of("analysts noted"), id_of("in Rivne"));
    let why = debug_pairs(&store)
        .into_iter()
        .find(|&(_, _, a, b)| (a, b) == (anaphor, rivne) || (b, a) == (anaphor, rivne))
        .map(|(_, why, _, _)| why);
    assert_eq!(why, Some("place"), "the attack it refers to was in Lutsk");
    assert_ne!(
        cluster_of(&store, "analysts noted"),
        cluster_of(&store, "in Rivne")
    );
}

#[test]
fn a_decision_announced_is_what_its_voice_said_that_day() {
    let store = reports_among_others(&[
        "The army will deploy two more brigades to the northern border within weeks, \
         the Defence Ministry said on 5 March 2025.",
        "Defence Ministry spokeswoman Olena Harmash, at a briefing on 5 March 2025, said \
         the country stands firm behind its partners.",
        "The Defence Ministry said on 5 March 2025 that its engineers captured a bridgehead \
         on the river.",
        "Foreign Ministry spokesman Ivo Ranko said on 5 March 2025 that the neighbours \
         watch the northern border closely.",
    ]);
    let announced = cluster_of(&store, "two more brigades");
    assert_eq!(
        announced,
        cluster_of(&store, "Olena Harmash"),
        "the briefing where the ministry announced it"
    );
    assert_ne!(
        announced,
        cluster_of(&store, "captured a bridgehead"),
        "a decision related as done is not what was said at the briefing"
    );
    assert_ne!(
        cluster_of(&store, "Olena Harmash"),
        cluster_of(&store, "captured a bridgehead"),
    );
    assert_ne!(announced, cluster_of(&store, "Ivo Ranko"), "another voice");
}

#[test]
fn a_title_and_its_holder_are_one_speaker() {
    let store = clustered(vec![
        doc(
            "a",
            "Outlet A",
            (2022, 2, 14),
            "Scholz said on Monday that Europe must stand united and keep talking with Moscow.",
        ),
        doc(
            "b",
            "Outlet B",
            (2022, 2, 14),
            "The German chancellor said on Monday that the continent has to hold together and keep talking.",
        ),
        doc(
            "c",
            "Outlet C",
            (2022, 2, 14),
            "The French president said on Monday that the continent has to hold together and keep talking.",
        ),
    ]);
    let scholz = cluster_of(&store, "Europe must stand");
    assert_eq!(scholz, cluster_of(&store, "German chancellor"));
    assert_ne!(
        scholz,
        cluster_of(&store, "French president"),
        "another office's holder is another speaker"
    );
}

#[test]
fn a_call_and_talks_between_the_same_people_on_one_day_are_one() {
    let call = "Kestrel and Brandt spoke by phone on 4 March 2025 about grain corridors.";
    let same = reports_among_others(&[
        call,
        "Talks between Brandt and Kestrel on 4 March 2025 were long, aides said.",
    ]);
    assert_eq!(
        cluster_of(&same, "spoke by phone"),
        cluster_of(&same, "Brandt and Kestrel")
    );
    let other = reports_among_others(&[
        call,
        "Talks between Brandt and Dubois on 4 March 2025 were long, aides said.",
    ]);
    assert_ne!(
        cluster_of(&other, "spoke by phone"),
        cluster_of(&other, "Brandt and Dubois"),
        "other parties"
    );
}

#[test]
fn a_bare_originator_is_dropped_beside_its_one_qualified_twin() {
    let names: Vec<String> = [
        "Ministry of Defence",
        "Ministry of Defence (Russia)",
        "Ministry of Defence (Ukraine)",
        "Air Force",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(without_bare_twins(vec![0, 1, 3], &names), vec![1, 3]);
    assert_eq!(
        without_bare_twins(vec![0, 1, 2], &names),
        vec![0, 1, 2],
        "two countries' ministries: the bare one may be either"
    );
    assert_eq!(without_bare_twins(vec![0, 3], &names), vec![0, 3]);
}

#[test]
fn articles_without_an_outlet_are_no_confirming_outlet() {
    let unnamed = |id: &str, text: &str| Document {
        source: Meta::default(),
        ..doc(id, "", (2025, 3, 5), text)
    };
    let store = clustered(vec![
        unnamed(
            "a",
            "Russian missiles struck an energy facility in Kharkiv on 4 March 2025, injuring nine people, the regional governor said.",
        ),
        unnamed(
            "b",
            "A Russian missile strike hit an energy facility in Kharkiv on 4 March 2025, and eleven people were injured, officials said.",
        ),
        doc(
            "c",
            "Outlet C",
            (2025, 3, 5),
            "On 4 March 2025 Russian missiles hit an energy facility in the city of Kharkiv, according to the governor.",
        ),
    ]);
    let id = cluster_of(&store, "injuring nine");
    assert_eq!(id, cluster_of(&store, "eleven people"));
    assert_eq!(id, cluster_of(&store, "city of Kharkiv"));
    let c = store.clusters().all().iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        (c.reports, c.outlets),
        (3, 1),
        "two unnamed outlets and Outlet C"
    );
}

#[test]
fn remarks_of_one_day_and_a_trip_of_the_next_are_two_happenings() {
    let store = reports_among_others(&[
        "Chancellor Brandt spoke about the grain corridor through Ukraine on 4 March 2025 and the coming talks.",
        "Chancellor Brandt travelled to Kyiv on 5 March 2025 for talks on the grain corridor through Ukraine.",
    ]);
    assert_ne!(
        cluster_of(&store, "spoke about the grain"),
        cluster_of(&store, "travelled to Kyiv")
    );
}
