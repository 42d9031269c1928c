//! The cluster view's data: one row per happening ([`ClusterRow`]), worked
//! out from the slice of reports the filters give, and the stable
//! [`Anchor`] by which the selection finds its event again after the store
//! changed.
//!
//! Filters apply to reports: a cluster shows when any of its members is in
//! the slice, and its row counts only those. Rows are ordered by their lead
//! event (the cluster's best member when the slice holds it, else its first
//! member in the slice), so that clusters and single reports run in the same
//! chronological order. Nothing here draws.

use chrono::NaiveDate;

use crate::cluster::ClusterId;
use crate::extract::EventId;
use crate::store::EventStore;

/// What the timeline lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One row per cluster of reports of one happening (once clustered).
    #[default]
    Clusters,
    /// One row per report (event).
    Reports,
}

/// One row of the cluster view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterRow {
    /// The cluster's position in [`crate::cluster::Clusters::all`].
    pub cluster: u32,
    /// Its stable id.
    pub id: ClusterId,
    /// The event the row shows (date, place, sentence): the cluster's best
    /// member when it is in the slice, else its first member in the slice.
    pub lead: u32,
    /// Members in the slice.
    pub in_slice: u32,
    /// Reports (articles) among the members in the slice; the cluster's own
    /// count (syndicated reprints collapsed) when the slice holds them all.
    pub reports: u32,
    /// Outlets among the members in the slice.
    pub outlets: u32,
    /// Whether the slice holds every member.
    pub complete: bool,
    /// Reports of the whole cluster (reprints collapsed).
    pub reports_total: u32,
}

impl ClusterRow {
    /// Whether the slice holds all its reports (though maybe not every
    /// sentence of them): then its counts need no "of".
    fn all_reports(&self) -> bool {
        self.complete || self.reports >= self.reports_total
    }

    /// "3 reports · 2 outlets", or "2 of 5 reports · 1 outlet" when the
    /// filters leave some of its reports out.
    pub fn summary(&self) -> String {
        let plural = |n: u32, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let reports = if self.all_reports() {
            plural(self.reports, "report", "reports")
        } else {
            format!("{} of {} reports", self.reports, self.reports_total)
        };
        format!("{reports} · {}", outlets_said(self.outlets))
    }
}

impl ClusterRow {
    /// The summary for a narrow column: "3 reports", "2/5 reports".
    pub fn short_summary(&self) -> String {
        match (self.all_reports(), self.reports) {
            (true, 1) => "1 report".to_owned(),
            (true, n) => format!("{n} reports"),
            (false, n) => format!("{n}/{} reports", self.reports_total),
        }
    }

    /// The summary for the narrowest column: "×3", "×2/5".
    pub fn tiny_summary(&self) -> String {
        if self.all_reports() {
            format!("×{}", self.reports)
        } else {
            format!("×{}/{}", self.reports, self.reports_total)
        }
    }

    /// Cells [`ClusterRow::summary`] takes, worked out without writing it.
    pub fn summary_width(&self) -> usize {
        let digits = |n: u32| n.checked_ilog10().unwrap_or(0) as usize + 1;
        let word = |n: u32, w: usize| if n == 1 { w } else { w + 1 };
        let reports = if self.all_reports() {
            digits(self.reports) + 1 + word(self.reports, 6)
        } else {
            digits(self.reports) + 4 + digits(self.reports_total) + 8
        };
        let outlets = match self.outlets {
            0 => outlets_said(0).chars().count(),
            n => digits(n) + 1 + word(n, 6),
        };
        reports + 3 + outlets
    }
}

/// "2 outlets", "1 outlet", or "no outlet named" when no report names its
/// outlet (as the Markdown briefing says it).
pub fn outlets_said(n: u32) -> String {
    match n {
        0 => "no outlet named".to_owned(),
        1 => "1 outlet".to_owned(),
        n => format!("{n} outlets"),
    }
}

/// The rows of the cluster view for a slice (event indexes in chronological
/// order); empty when the store is not clustered.
pub fn rows(store: &EventStore, slice: &[u32]) -> Vec<ClusterRow> {
    let clusters = store.clusters();
    if clusters.is_empty() {
        return Vec::new();
    }
    let all = clusters.all();
    let mut row_of = vec![u32::MAX; all.len()];
    let mut out: Vec<ClusterRow> = Vec::new();
    for &i in slice {
        let Some(c) = clusters.index_of_event(i) else {
            continue;
        };
        let r = &mut row_of[c as usize];
        if *r == u32::MAX {
            *r = out.len() as u32;
            let cluster = &all[c as usize];
            out.push(ClusterRow {
                cluster: c,
                id: cluster.id,
                lead: i,
                in_slice: 0,
                reports: cluster.reports,
                outlets: cluster.outlets,
                complete: false,
                reports_total: cluster.reports,
            });
        }
        out[*r as usize].in_slice += 1;
    }
    let events = store.events();
    for row in &mut out {
        let cluster = &all[row.cluster as usize];
        if slice.binary_search(&cluster.best).is_ok() {
            row.lead = cluster.best;
        }
        row.complete = row.in_slice as usize == cluster.members.len();
        if !row.complete {
            let inside: Vec<u32> = cluster
                .members
                .iter()
                .copied()
                .filter(|m| slice.binary_search(m).is_ok())
                .collect();
            let mut docs: Vec<u32> = inside.iter().map(|&m| events[m as usize].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            let mut outlets: Vec<u32> = inside
                .iter()
                .filter(|&&m| store.doc_of(&events[m as usize]).source.value.is_some())
                .map(|&m| store.source_of(&events[m as usize]))
                .collect();
            outlets.sort_unstable();
            outlets.dedup();
            // Reprints of one story count once in the cluster's own count.
            row.reports = (docs.len() as u32).min(cluster.reports);
            row.outlets = outlets.len() as u32;
        }
    }
    out.sort_by_key(|r| r.lead);
    out
}

/// The members of cluster `c` (its position in
/// [`crate::cluster::Clusters::all`]) that are in the slice, in order.
pub fn members_in(store: &EventStore, c: u32, slice: &[u32]) -> Vec<u32> {
    store
        .clusters()
        .all()
        .get(c as usize)
        .map(|cl| {
            cl.members
                .iter()
                .copied()
                .filter(|m| slice.binary_search(m).is_ok())
                .collect()
        })
        .unwrap_or_default()
}

/// An event by its stable id and its first day: found again in a store that
/// grew or lost events, where its index has changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The event's stable id.
    pub id: EventId,
    /// Its first day (events are sorted by it, so only that day is searched).
    pub first: NaiveDate,
    /// Whether the selection was the row of the event's cluster rather
    /// than the event's own row.
    pub cluster: bool,
}

impl Anchor {
    /// The anchor of event `i` of the store.
    pub fn of(store: &EventStore, i: u32) -> Option<Anchor> {
        let e = store.events().get(i as usize)?;
        Some(Anchor {
            id: e.id(store.doc_of(e)),
            first: e.date.first,
            cluster: false,
        })
    }

    /// The event's index now; when it is gone, the first event of its day
    /// or after (where it was).
    pub fn find(&self, store: &EventStore) -> u32 {
        let events = store.events();
        let lo = events.partition_point(|e| e.date.first < self.first);
        let hi = events.partition_point(|e| e.date.first <= self.first);
        (lo..hi)
            .find(|&i| events[i].id(store.doc_of(&events[i])) == self.id)
            .unwrap_or(lo) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(reports: u32, complete: bool, reports_total: u32) -> ClusterRow {
        ClusterRow {
            cluster: 0,
            id: ClusterId(1),
            lead: 0,
            in_slice: reports,
            reports,
            outlets: 1,
            complete,
            reports_total,
        }
    }

    #[test]
    fn counts_say_of_only_when_reports_are_left_out() {
        assert_eq!(row(2, false, 5).summary(), "2 of 5 reports · 1 outlet");
        // A sentence left out, but every report in: no "1 of 1".
        assert_eq!(row(1, false, 1).summary(), "1 report · 1 outlet");
        assert_eq!(row(1, false, 1).short_summary(), "1 report");
        assert_eq!(row(1, false, 1).tiny_summary(), "×1");
        // Reports whose articles name no outlet confirm no outlet.
        let unnamed = ClusterRow {
            outlets: 0,
            ..row(2, true, 2)
        };
        assert_eq!(unnamed.summary(), "2 reports · no outlet named");
        let many = ClusterRow {
            outlets: 12,
            ..row(3, true, 3)
        };
        for r in [
            row(2, false, 5),
            row(1, false, 1),
            row(3, true, 3),
            unnamed,
            many,
        ] {
            assert_eq!(
                r.summary_width(),
                unicode_width::UnicodeWidthStr::width(r.summary().as_str())
            );
        }
    }
}
