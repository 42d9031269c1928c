//! The timeline's rows: single reports, or one row per cluster with the
//! open cluster's reports under it ([`Row`]); and the selection, kept by
//! the stable id of its event ([`Anchor`]) so that it stays on the same
//! happening while batches arrive, events are retired, the filters change,
//! the view switches or the clusters come in.

use std::sync::Arc;

use crate::cluster::ClusterId;
use crate::corpus::Problem;
use crate::tui::clusters::{self, Anchor, View};
use crate::tui::state::{AppState, Pane, Tone};

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A report (event index), in the reports view.
    Event(u32),
    /// A cluster (its position in [`AppState::cluster_rows`]).
    Cluster(usize),
    /// A report of the open cluster (event index), under its cluster's row.
    Member(u32),
}

/// The cluster whose reports are shown under its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCluster {
    /// Its stable id.
    pub id: ClusterId,
    /// Its row in [`AppState::cluster_rows`].
    pub row: usize,
    /// Its members in the slice (event indexes, in order).
    pub members: Vec<u32>,
}

impl AppState {
    /// Whether the timeline shows clusters: the cluster view is chosen and
    /// the store is clustered (before that, reports show).
    pub fn clustered(&self) -> bool {
        self.view == View::Clusters && !self.store.clusters().is_empty()
    }

    /// Rows of the timeline.
    pub fn timeline_len(&self) -> usize {
        if self.clustered() {
            self.cluster_rows.len() + self.open.as_ref().map_or(0, |o| o.members.len())
        } else {
            self.visible.len()
        }
    }

    /// The timeline's row `r`.
    pub fn row_at(&self, r: usize) -> Option<Row> {
        if !self.clustered() {
            return self.visible.get(r).map(|&i| Row::Event(i));
        }
        let (at, n) = self
            .open
            .as_ref()
            .map_or((usize::MAX, 0), |o| (o.row, o.members.len()));
        if r <= at {
            (r < self.cluster_rows.len()).then_some(Row::Cluster(r))
        } else if r <= at + n {
            self.open
                .as_ref()
                .and_then(|o| o.members.get(r - at - 1))
                .map(|&i| Row::Member(i))
        } else {
            let k = r - n;
            (k < self.cluster_rows.len()).then_some(Row::Cluster(k))
        }
    }

    /// The row under the timeline's cursor.
    pub fn selected_row(&self) -> Option<Row> {
        self.row_at(self.timeline.selected)
    }

    /// The event a row stands for: itself, or a cluster's lead.
    pub fn row_event(&self, row: Row) -> Option<u32> {
        match row {
            Row::Event(i) | Row::Member(i) => Some(i),
            Row::Cluster(k) => self.cluster_rows.get(k).map(|r| r.lead),
        }
    }

    /// The event under the timeline's cursor (an index into the store): a
    /// report, or the lead report of a cluster.
    pub fn selected_event(&self) -> Option<u32> {
        self.selected_row().and_then(|r| self.row_event(r))
    }

    /// The stable anchor of the selected event.
    pub fn anchor(&self) -> Option<Anchor> {
        let row = self.selected_row()?;
        let mut anchor = Anchor::of(&self.store, self.row_event(row)?)?;
        anchor.cluster = matches!(row, Row::Cluster(_));
        Some(anchor)
    }

    /// Works out the cluster rows (and the open cluster's reports) of the
    /// current slice, and their shading.
    pub(crate) fn rebuild_rows(&mut self) {
        self.cluster_rows = clusters::rows(&self.store, &self.visible);
        self.summary_width = self
            .cluster_rows
            .iter()
            .map(|r| r.summary_width())
            .max()
            .unwrap_or(0);
        if let Some(open) = self.open.take()
            && let Some(row) = self.cluster_rows.iter().position(|r| r.id == open.id)
        {
            let c = self.cluster_rows[row].cluster;
            let members = clusters::members_in(&self.store, c, &self.visible);
            self.open = Some(OpenCluster {
                id: open.id,
                row,
                members,
            });
        }
        self.shade = if self.clustered() {
            let leads: Vec<u32> = self.cluster_rows.iter().map(|r| r.lead).collect();
            crate::tui::state::shading(&self.store, &leads)
        } else {
            crate::tui::state::shading(&self.store, &self.visible)
        };
    }

    /// Puts the cursor on the row of `anchor`'s event (a cluster's row if
    /// the event is in it, unless the event is a shown report of the open
    /// cluster), or on the next row after where it was, at `screen_row`
    /// rows below the top of the pane.
    pub(crate) fn reselect(&mut self, anchor: Option<Anchor>, screen_row: usize) {
        let event = anchor.map(|a| a.find(&self.store));
        let row = match event {
            None => 0,
            Some(e) if !self.clustered() => self.visible.partition_point(|&i| i < e),
            Some(e) => self.cluster_row_of(e, anchor.is_some_and(|a| a.cluster)),
        };
        let len = self.timeline_len();
        let height = self.page(Pane::Timeline);
        self.timeline.selected = row.min(len.saturating_sub(1));
        self.timeline.offset = self.timeline.selected.saturating_sub(screen_row);
        self.timeline.settle(len, height);
    }

    /// The timeline row (in the cluster view) that shows event `e`.
    /// `on_cluster`: the cluster's row even when the event is a shown
    /// report of the open cluster.
    fn cluster_row_of(&self, e: u32, on_cluster: bool) -> usize {
        let n = self.open.as_ref().map_or(0, |o| o.members.len());
        let at = self.open.as_ref().map_or(usize::MAX, |o| o.row);
        let to_row = |k: usize| if k > at { k + n } else { k };
        if let Some(open) = self.open.as_ref().filter(|_| !on_cluster)
            && let Some(m) = open.members.iter().position(|&m| m == e)
        {
            return open.row + 1 + m;
        }
        let id = self
            .store
            .clusters()
            .of_event(e)
            .map(|c| c.id)
            .filter(|_| self.visible.binary_search(&e).is_ok());
        if let Some(k) = id.and_then(|id| self.cluster_rows.iter().position(|r| r.id == id)) {
            return to_row(k);
        }
        to_row(self.cluster_rows.partition_point(|r| r.lead < e))
    }

    /// Rebuilds the rows after the view or the open cluster changed,
    /// keeping the selection on its event and at its height on screen.
    pub(crate) fn relayout(&mut self, anchor: Option<Anchor>) {
        let screen_row = self.timeline.selected.saturating_sub(self.timeline.offset);
        self.rebuild_rows();
        self.reselect(anchor, screen_row);
        self.dirty = true;
    }

    /// Switches between one row per cluster and one row per report.
    pub fn switch_view(&mut self) {
        let anchor = self.anchor();
        self.view = match self.view {
            View::Clusters => View::Reports,
            View::Reports => View::Clusters,
        };
        self.relayout(anchor);
        let v = self
            .key_for(crate::tui::action::Command::View)
            .unwrap_or_default();
        let text = match (self.view, self.clustered()) {
            (View::Reports, _) => format!("single reports ({v} groups them by happening)"),
            (View::Clusters, true) => format!(
                "one row per happening: {} clusters ({v} shows single reports)",
                self.cluster_rows.len()
            ),
            (View::Clusters, false) => format!(
                "reports are grouped once the corpus is read and clustered ({v} keeps single reports)"
            ),
        };
        self.say(Tone::Info, text);
    }

    /// Opens the reports of the cluster under the cursor, or closes them
    /// (on the cluster's row or one of its reports). Returns whether the
    /// cursor was on a cluster or one of its reports.
    pub fn toggle_open(&mut self) -> bool {
        match self.selected_row() {
            Some(Row::Cluster(k)) => {
                let row = self.cluster_rows[k];
                if self.open.as_ref().is_some_and(|o| o.id == row.id) {
                    self.close_open();
                } else {
                    let anchor = self.anchor();
                    let members = clusters::members_in(&self.store, row.cluster, &self.visible);
                    self.open = Some(OpenCluster {
                        id: row.id,
                        row: k,
                        members,
                    });
                    self.relayout(anchor);
                }
                true
            }
            Some(Row::Member(_)) => {
                self.close_open();
                true
            }
            _ => false,
        }
    }

    /// Closes the open cluster, the cursor on its row. Returns whether one was open.
    pub fn close_open(&mut self) -> bool {
        let Some(open) = self.open.take() else {
            return false;
        };
        let len = self.timeline_len();
        let height = self.page(Pane::Timeline);
        self.timeline.go(open.row, len, height);
        self.detail_scroll = 0;
        self.dirty = true;
        true
    }

    /// Takes the clusters worked out for the store (by another thread, or
    /// [`AppState::cluster_now`]): the timeline turns to one row per
    /// cluster, the selection on its event's cluster.
    pub fn take_clusters(&mut self, clusters: crate::cluster::Clusters, problem: Option<Problem>) {
        self.clustering = false;
        self.problems.extend(problem);
        let anchor = self.anchor();
        match Arc::get_mut(&mut self.store).map(|s| s.set_clusters(clusters)) {
            Some(Ok(())) => {}
            // Worked out for other events (the store changed meanwhile), or
            // the store still shared: the reports view stays.
            Some(Err(why)) => self.say(Tone::Error, format!("clusters not shown: {why}")),
            None => self.say(Tone::Error, "clusters not shown: the store is busy"),
        }
        self.relayout(anchor);
    }

    /// Clusters the store on this thread, through the cluster cache of
    /// [`AppState::cluster_plan`] (for tests and small corpora).
    pub fn cluster_now(&mut self) {
        let plan = self.cluster_plan.clone();
        let (clusters, problem) = crate::ingest::cluster_cache::clusters_for(
            &self.store,
            plan.cache_dir.as_deref(),
            &plan.root,
            plan.manifest.as_deref(),
        );
        self.take_clusters(clusters, problem);
    }
}
