//! Clustering end to end, on reports written for these tests: who said
//! what and with whom. Quotations repeated ([`super::quotes`]), titles
//! that stand for their holders ([`super::offices`]), undated ledes that
//! stand for the report that dates them ([`super::leads`]) and one
//! speaker's words within a span of days.

use super::tests::{cluster_of, clustered, doc};
use crate::corpus::Document;

/// Other news of the same days, so that words have their weights.
fn background(published: (i32, u32, u32)) -> Vec<Document> {
    vec![
        doc(
            "bg1",
            "Outlet C",
            published,
            "Russian drones struck a depot in Kharkiv on Saturday, the governor said. \
             The energy minister said on Friday that exports would resume.",
        ),
        doc(
            "bg2",
            "Outlet D",
            published,
            "Farmers protested in Lviv on Saturday against fuel prices. A court in Odesa \
             jailed two officials on Friday.",
        ),
    ]
}

#[test]
fn a_quotation_repeated_in_a_longer_report_of_the_day_is_one_statement() {
    // One article of a machine translation that runs sentences together:
    // the envoy's warning is quoted in the first paragraph and repeated,
    // unquoted, in a later one that also tells of the council's session.
    let store = clustered(vec![doc(
        "a",
        "Outlet A",
        (2025, 4, 11),
        "Speaking at the council's Thursday session, Envoy Halvorsen warned that \"the convoy \
         had already crossed the river before the bridge fell at dawn.\"Meanwhile the deputy \
         minister Brask blamed the governors for delays in the grain corridor.\n\n\
         Halvorsen said that the convoy had already crossed the river before the bridge fell at \
         dawn, and he blamed the engineers for sabotage at the depot.The same claims came up \
         again when the assembly met on Thursday.\n\n\
         Delegate Ostrava said on Thursday that \"the convoy had already crossed the river before \
         the bridge fell at dawn\" was a claim she rejected outright, and demanded an inquiry.",
    )]);
    let first = cluster_of(&store, "Speaking at the council's Thursday session");
    assert_eq!(first, cluster_of(&store, "Halvorsen said that the convoy"));
    // Another speaker quoting his words is another statement.
    assert_ne!(
        first,
        cluster_of(&store, "Delegate Ostrava said on Thursday")
    );
}

#[test]
fn a_title_and_the_holders_full_name_are_one_traveller() {
    // One trip told by two outlets: one names the chancellor by title, the
    // other in full. The title stands for both words of his name.
    let mut docs = vec![
        doc(
            "a",
            "Outlet A",
            (2022, 2, 12),
            "On Monday, the German Chancellor is due in Moldova for talks with its president, \
             and on Tuesday in Romania - an agency reported.",
        ),
        doc(
            "b",
            "Outlet B",
            (2022, 2, 12),
            "The German chancellor, Olaf Scholz, heads to Odesa on Monday while markets slid \
             on worries about the winter.",
        ),
    ];
    docs.extend(background((2022, 2, 12)));
    let store = clustered(docs);
    // The Monday report of the sentence that also tells of Tuesday.
    let monday = chrono::NaiveDate::from_ymd_opt(2022, 2, 14).unwrap();
    let title = store
        .events()
        .iter()
        .position(|e| {
            e.date.first == monday && e.text(store.doc_of(e)).contains("Chancellor is due")
        })
        .expect("the Monday report");
    assert_eq!(
        store.clusters().of_event(title as u32).map(|c| c.id),
        Some(cluster_of(&store, "Olaf Scholz, heads"))
    );
}

#[test]
fn an_undated_lede_stands_for_the_report_that_dates_it() {
    // Article A tells the call in its lede, undated, and dates it only in
    // a note that names neither party; article B announces the call in
    // other words: A's own words and B's share nothing, its lede's do.
    // (The article's first paragraph is a teaser line, too short to tell.)
    let mut docs = vec![
        doc(
            "a",
            "Outlet A",
            (2025, 6, 14),
            "Teasers and video\n\n\
             The corridor must stay open, Envoy Petra Halvorsen told the Narvian foreign \
             minister Ivo Brask in a telephone conversation.\n\n\
             In its note on the Saturday conversation, the ministry named the harvest as the \
             main worry.",
        ),
        doc(
            "b",
            "Outlet B",
            (2025, 6, 14),
            "Envoy Petra Halvorsen and Ivo Brask will speak by phone on Saturday, officials \
             said while touring the port.",
        ),
    ];
    // Two other conversations of that Saturday: "the Saturday
    // conversation" alone does not tell which it was.
    docs.push(doc(
        "c",
        "Outlet C",
        (2025, 6, 14),
        "President Kestrel and Premier Dubois will also hold a telephone conversation on \
         Saturday, the palace said.",
    ));
    docs.push(doc(
        "d",
        "Outlet D",
        (2025, 6, 14),
        "Chancellor Ostrava and Mayor Lind are to have a conversation on Saturday, aides said.",
    ));
    docs.extend(background((2025, 6, 14)));
    // A busy Saturday: the words every report uses ("the", "said") are
    // used by too many of that day's reports to find candidates, as in a
    // real corpus; only the lede's names find the note its announcement.
    docs.extend((0..40).map(|i| {
        doc(
            &format!("crowd{i}"),
            "Outlet E",
            (2025, 6, 14),
            &format!(
                "The council of district {i} met on Saturday and the mayor said the roads \
                 were clear."
            ),
        )
    }));
    let store = clustered(docs);
    let note = cluster_of(&store, "In its note on the Saturday conversation");
    assert_eq!(
        note,
        cluster_of(&store, "Envoy Petra Halvorsen and Ivo Brask")
    );
    assert_ne!(note, cluster_of(&store, "President Kestrel and Premier"));
    assert_ne!(
        note,
        cluster_of(&store, "Chancellor Ostrava and Mayor Lind")
    );
}

#[test]
fn a_lede_stands_for_no_report_of_another_speaker() {
    // The lede is the minister's warning; the first dated statement is the
    // governor's: the lede does not stand for it.
    let mut docs = vec![
        doc(
            "a",
            "Outlet A",
            (2025, 6, 14),
            "Minister Petra Halvorsen has warned that a flood would be disastrous for the \
             valley and its farms.\n\n\
             Governor Ivo Brask said on Friday that the dam in the valley is safe.",
        ),
        doc(
            "b",
            "Outlet B",
            (2025, 6, 14),
            "Minister Petra Halvorsen said on Friday that a flood would be disastrous for the \
             valley and its farms.",
        ),
    ];
    docs.extend(background((2025, 6, 14)));
    let store = clustered(docs);
    assert_ne!(
        cluster_of(&store, "Governor Ivo Brask said on Friday"),
        cluster_of(&store, "Minister Petra Halvorsen said on Friday")
    );
}

#[test]
fn what_a_speaker_said_last_week_may_be_what_he_said_on_its_friday() {
    let mut docs = vec![
        doc(
            "a",
            "Outlet A",
            (2025, 6, 7),
            "Admiralty spokeswoman Petra Halvorsen warned at Friday's briefing that storms \
             near the coast would make any crossing dangerous for months.",
        ),
        doc(
            "b",
            "Outlet B",
            (2025, 6, 11),
            "Last week, senior Admiralty officials said that the convoy season is the shortest \
             in decades and that any crossing would be perilous.",
        ),
    ];
    docs.extend(background((2025, 6, 7)));
    let store = clustered(docs);
    assert_eq!(
        cluster_of(&store, "Admiralty spokeswoman Petra Halvorsen"),
        cluster_of(&store, "senior Admiralty officials")
    );
}
