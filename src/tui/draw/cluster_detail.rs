//! The detail pane's cluster lines: a cluster in full (its best sentence,
//! counts, outlets, originators, its type and casualty figures as the
//! cluster gives them, and its reports in the slice), and the summary of
//! its cluster that a single report's detail carries.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::cluster::Cluster;
use crate::tui::action::Command;
use crate::tui::columns::date_text;
use crate::tui::state::AppState;
use crate::tui::text::one_line;

const LABEL_W: usize = 11;

fn label(state: &AppState, s: &str) -> Span<'static> {
    Span::styled(format!("{s:<LABEL_W$}"), state.settings.theme.muted())
}

/// The lines for the cluster of row `k` of [`AppState::cluster_rows`].
pub fn lines(state: &AppState, k: usize) -> Vec<Line<'static>> {
    let theme = &state.settings.theme;
    let store = &state.store;
    let Some(row) = state.cluster_rows.get(k) else {
        return vec![Line::styled("No cluster selected.", theme.muted())];
    };
    let Some(cluster) = store.clusters().all().get(row.cluster as usize) else {
        return vec![Line::styled("No cluster selected.", theme.muted())];
    };
    let events = store.events();
    let lead = &events[row.lead as usize];
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out = vec![
        Line::from(Span::styled(one_line(&lead.text(store.doc_of(lead))), bold)),
        Line::default(),
    ];
    let whole = if row.complete {
        String::new()
    } else {
        match cluster.outlets {
            0 => format!(" ({} in all)", cluster.reports),
            n => format!(
                " ({} in all, from {})",
                cluster.reports,
                crate::tui::clusters::outlets_said(n)
            ),
        }
    };
    // More tellings than reports: an article telling it twice (its
    // headline and a sentence, or two sentences).
    let sentences = if row.in_slice > row.reports {
        format!(" · told {} times", row.in_slice)
    } else {
        String::new()
    };
    out.push(Line::from(vec![
        label(state, "Reports"),
        Span::styled(row.summary(), bold),
        Span::styled(format!("{sentences}{whole}"), theme.muted()),
    ]));
    out.push(Line::from(vec![
        label(state, "Date"),
        Span::styled(
            date_text(&lead.date, &state.settings.date_format),
            theme.fg(theme.date).add_modifier(Modifier::BOLD),
        ),
    ]));
    let places = lead.place_summary(store.gazetteer());
    if !places.is_empty() {
        out.push(Line::from(vec![
            label(state, "Places"),
            Span::styled(one_line(&places), theme.fg(theme.region)),
        ]));
    }
    out.push(Line::from(vec![
        label(state, "Outlets"),
        Span::styled(outlets(state, cluster), theme.fg(theme.source)),
    ]));
    out.push(Line::from(vec![
        label(state, "Sources"),
        match originators(state, cluster) {
            Some(o) => Span::raw(o),
            None => Span::styled("no originator cited", theme.muted()),
        },
    ]));
    if let Some(kind) = crate::kinds::of_cluster(cluster) {
        out.push(Line::from(vec![
            label(state, "Type"),
            Span::raw(crate::kinds::label(kind)),
        ]));
    }
    let (killed, injured) = crate::kinds::cluster_casualties(cluster);
    if let Some(c) = crate::kinds::casualty_text(killed, injured) {
        out.push(Line::from(vec![label(state, "Casualties"), Span::raw(c)]));
    }
    out.push(Line::from(vec![
        label(state, "Cluster"),
        Span::styled(cluster.id.to_string(), theme.muted()),
    ]));
    out.push(Line::default());
    let enter = state.key_for(Command::Toggle).unwrap_or_default();
    let opened = state.open.as_ref().is_some_and(|o| o.id == row.id);
    let how = if opened { "closes" } else { "lists" };
    out.push(Line::styled(
        format!("Reports in the slice ({enter} {how} them in the timeline)"),
        theme.muted(),
    ));
    let fmt = &state.settings.date_format;
    for &m in cluster
        .members
        .iter()
        .filter(|m| state.visible.binary_search(m).is_ok())
    {
        let e = &events[m as usize];
        let doc = store.doc_of(e);
        let mut spans = vec![
            Span::styled(
                format!("{} ", date_text(&e.date, fmt)),
                theme.fg(theme.date),
            ),
            Span::styled(one_line(doc.source_or_unknown()), theme.fg(theme.source)),
        ];
        if let Some(o) = store.originator_of(m) {
            spans.push(Span::styled(
                format!(" via {}", one_line(&o)),
                theme.muted(),
            ));
        }
        spans.push(Span::raw(format!(": {}", one_line(&e.text(doc)))));
        out.push(Line::from(spans));
    }
    out
}

/// The line a single report's detail gives its cluster: "one of 3 reports
/// · 2 outlets", the originators cited; `None` before clustering.
pub fn summary(state: &AppState, i: u32) -> Vec<Line<'static>> {
    let store = &state.store;
    let clusters = store.clusters();
    let Some(cluster) = clusters.of_event(i) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(o) = store.originator_of(i) {
        out.push(Line::from(vec![
            label(state, "Source"),
            Span::raw(one_line(&o)),
        ]));
    }
    let text = if cluster.members.len() == 1 {
        "a happening no other report tells of".to_owned()
    } else {
        let mut t = format!(
            "one of {} · {}",
            plural(cluster.reports, "report"),
            crate::tui::clusters::outlets_said(cluster.outlets)
        );
        if let Some(o) = originators(state, cluster) {
            t.push_str(&format!(" · citing {o}"));
        }
        t
    };
    out.push(Line::from(vec![
        label(state, "Happening"),
        Span::raw(text),
        Span::styled(format!(" ({})", cluster.id), state.settings.theme.muted()),
    ]));
    out
}

fn plural(n: u32, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The outlets of a cluster's reports with how many articles each gives,
/// most first (two sentences of one article are one report).
fn outlets(state: &AppState, cluster: &Cluster) -> String {
    let store = &state.store;
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut seen_docs: Vec<u32> = Vec::new();
    for &m in &cluster.members {
        let e = &store.events()[m as usize];
        if seen_docs.contains(&e.doc) {
            continue;
        }
        seen_docs.push(e.doc);
        let s = store.source_of(e);
        match counts.iter_mut().find(|(o, _)| *o == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
        .iter()
        .map(|&(s, n)| {
            let name = one_line(&store.sources()[s as usize]);
            if n > 1 { format!("{name} ({n})") } else { name }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The originators a cluster's reports cite, if any, in the order first
/// cited. A cluster of one report keeps none of its own: its report's is
/// asked for ([`crate::store::EventStore::originator_of`]).
fn originators(state: &AppState, cluster: &Cluster) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for &m in &cluster.members {
        if let Some(o) = state.store.originator_of(m) {
            let o = one_line(&o);
            if !names.contains(&o) {
                names.push(o);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}
