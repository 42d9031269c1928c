//! The app's state: the store and the query, the slice they give (with the
//! counts, shading and histogram derived from it once per filter change),
//! the panes' cursors, the open input line or overlay, and the status line.
//!
//! Drawing only reads this; [`crate::tui::update::update`] changes it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Settings;
use crate::corpus::Problem;
use crate::datefilter;
use crate::interrupt::Interrupt;
use crate::query::{FacetMemo, Facets, Query, Slice};
use crate::store::EventStore;
use crate::store::tally::Tally;
use crate::tui::clustering::ClusterPlan;
use crate::tui::clusters::{ClusterRow, View};
pub use crate::tui::cursor::ListCursor;
pub use crate::tui::histogram::Histogram;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layout;
use crate::tui::regions::{ListOrder, RegionTree};
use crate::tui::rows::OpenCluster;

/// How many queries in a row may be abandoned for a newer key before one
/// is answered whatever arrives ([`AppState::keys`]).
pub const MAX_ABANDONED: u32 = 8;

/// The panes that can have the focus, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of events.
    Timeline,
    /// The region tree.
    Regions,
    /// The outlets.
    Sources,
    /// The map of the slice's places.
    Map,
    /// The selected event in full.
    Detail,
}

impl Pane {
    /// Every pane in Tab order (the map after the lists, so that Tab from
    /// the timeline still reaches the regions first).
    pub const ALL: [Pane; 5] = [
        Pane::Timeline,
        Pane::Regions,
        Pane::Sources,
        Pane::Map,
        Pane::Detail,
    ];
}

/// What an input line edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// The date range (applied on Enter).
    Date,
    /// The text filter (applied as it is typed).
    Text,
    /// A region by name (added to the filter on Enter).
    Region,
}

/// The open input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// What it edits.
    pub kind: InputKind,
    /// The text typed so far.
    pub buffer: String,
    /// The filter's text when the line opened: what Esc goes back to.
    pub applied: String,
    /// Cursor position, in characters.
    pub cursor: usize,
    /// What the line reads so far, worked out as it is typed (the region
    /// a name would take); `None` for a fixed hint.
    pub hint: Option<String>,
}

/// A window over the screen: the help overlay, the problems popup or the
/// list of event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, from the keymap in force.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Files of the corpus that were skipped or read with a warning.
    Problems {
        /// First line shown.
        scroll: usize,
    },
    /// The event types, to filter by ([`crate::tui::typefilter`]).
    Types(crate::tui::typefilter::TypePicker),
    /// The export formats, to write the slice in
    /// ([`crate::tui::exportpicker`]).
    Formats(crate::tui::exportpicker::FormatPicker),
}

/// How a status message reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A plain note.
    Info,
    /// Something done.
    Ok,
    /// Something refused or failed.
    Error,
}

/// A message in the status line, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// How it reads.
    pub tone: Tone,
}

/// Everything the app shows and remembers.
#[derive(Debug)]
pub struct AppState {
    /// All events and articles (shared with the thread that clusters them
    /// once the corpus is read; changed only when no other holds it).
    pub store: Arc<EventStore>,
    /// Files skipped while reading the corpus.
    pub problems: Vec<Problem>,
    /// Articles without a publication date, whose relative dates are not
    /// placed (counted once the corpus is read).
    pub undated: crate::undated::Undated,
    /// The configuration in force.
    pub settings: Settings,
    /// Keys to commands, from the settings.
    pub keymap: Keymap,
    /// The corpus folder, for the title.
    pub corpus: PathBuf,
    /// The year given to dates typed without one.
    pub year: i32,
    /// The filters.
    pub query: Query,
    /// The filters that made `visible` (to narrow it as text is typed);
    /// `None` when the store changed since.
    pub shown_query: Option<Query>,
    /// The slice: indexes into the store's events, in order.
    pub visible: Vec<u32>,
    /// The events the date filter holds only at a coarser precision than
    /// its own (shown or not, see [`Query::include_coarser`]).
    pub coarser: Vec<u32>,
    /// The precisions among `coarser` ("week", "month", "year").
    pub coarser_kinds: Vec<&'static str>,
    /// For each row of the slice (each cluster row in the cluster view),
    /// whether its date group is shaded.
    pub shade: Vec<bool>,
    /// What the timeline lists: clusters or single reports.
    pub view: View,
    /// The clusters with a report in the slice, one per row, in order
    /// (empty before the store is clustered).
    pub cluster_rows: Vec<ClusterRow>,
    /// The cluster whose reports are shown under its row.
    pub open: Option<OpenCluster>,
    /// The widest "N reports · M outlets" of `cluster_rows`.
    pub summary_width: usize,
    /// Whether the store is being clustered (in the background).
    pub clustering: bool,
    /// Where the clusters are cached, as the loader read the corpus.
    pub cluster_plan: ClusterPlan,
    /// The widest date, place and outlet of the slice, for the timeline's
    /// columns (so that they keep their widths while it scrolls).
    pub widths: crate::tui::columns::Natural,
    /// Counts per region and outlet (each without its own filter).
    pub facets: Facets,
    /// Counts kept from the last query, to toggle facets without recounting.
    pub facet_memo: FacetMemo,
    /// While the corpus is still being read: how far it has got.
    pub loading: Option<Loading>,
    /// Events per day of the slice.
    pub histogram: Histogram,
    /// The focused pane.
    pub focus: Pane,
    /// Timeline cursor, over its rows ([`AppState::row_at`]).
    pub timeline: ListCursor,
    /// The region tree.
    pub regions: RegionTree,
    /// Regions cursor, over the tree's shown rows.
    pub region_cursor: ListCursor,
    /// Sources cursor, over `source_rows`.
    pub source_cursor: ListCursor,
    /// The outlets (indexes into the store's) in the order shown.
    pub source_rows: Vec<u32>,
    /// How the regions and sources panes are ordered.
    pub order: ListOrder,
    /// First line of the detail pane shown.
    pub detail_scroll: usize,
    /// The open input line.
    pub input: Option<Input>,
    /// The other readings of the last region name typed, which replace
    /// the one taken when typed next.
    pub region_offer: Option<crate::tui::regioninput::Offer>,
    /// The open overlay.
    pub overlay: Option<Overlay>,
    /// The format of the last export written (where the picker opens).
    pub last_export: Option<crate::export::ExportFormat>,
    /// The message of the status line.
    pub status: Option<Status>,
    /// Terminal size, columns and rows, as last reported.
    pub size: (u16, u16),
    /// Whether the user asked to show (or hide) the regions and sources
    /// panes; `None`: shown from [`layout::SIDE_MIN_WIDTH`] columns up.
    pub side_panes: Option<bool>,
    /// The map pane: its view and the slice's places ([`crate::tui::map`]).
    pub map: crate::tui::map::MapState,
    /// Whether the screen needs drawing.
    pub dirty: bool,
    /// While set, [`AppState::requery`] only notes that the slice is out of
    /// date: the event loop holds it over a burst of keys typed into the
    /// text filter, so that they make one query ([`AppState::release_requery`]).
    pub hold_requery: bool,
    /// Whether a requery was held back.
    requery_due: bool,
    /// The keys the terminal's input thread has handed over and the event
    /// loop has taken: a typed query still running while another key
    /// waits is abandoned ([`crate::interrupt`]).
    /// `None` without a terminal (tests, benchmarks): nothing is abandoned.
    pub keys: Option<Arc<crate::interrupt::Keys>>,
    /// Queries abandoned since the last one answered in full: after
    /// [`MAX_ABANDONED`], the next is answered whatever arrives, so that
    /// a key held down still shows its slice.
    abandoned: u32,
    /// Set only while [`AppState::release_typed_requery`] runs.
    interruptible: bool,
    /// The width of every key's cell (place, date, outlet), by the store's
    /// generation and the date format they were measured for.
    key_widths: crate::tui::columns::KeyWidths,
    /// The slice's events counted per key ([`Tally`]): what the pane
    /// counts, the histogram, the column widths and the map's marks read.
    pub tally: Tally,
}

impl AppState {
    /// The state of a freshly opened corpus, unfiltered, the first event
    /// selected, for a terminal of `size`.
    pub fn new(
        store: EventStore,
        problems: Vec<Problem>,
        settings: Settings,
        corpus: PathBuf,
        size: (u16, u16),
    ) -> AppState {
        let year = corpus_year(&store);
        let regions = RegionTree::build(store.gazetteer(), store.regions_present());
        let keymap = Keymap::new(&settings);
        let undated = crate::undated::Undated::of(&store);
        let cluster_plan = ClusterPlan {
            root: corpus.clone(),
            ..ClusterPlan::default()
        };
        let mut state = AppState {
            store: Arc::new(store),
            problems,
            undated,
            settings,
            keymap,
            corpus,
            year,
            query: Query::default(),
            shown_query: None,
            visible: Vec::new(),
            coarser: Vec::new(),
            coarser_kinds: Vec::new(),
            shade: Vec::new(),
            view: View::default(),
            cluster_rows: Vec::new(),
            open: None,
            summary_width: 0,
            clustering: false,
            cluster_plan,
            widths: Default::default(),
            facets: Facets::default(),
            facet_memo: FacetMemo::default(),
            loading: None,
            histogram: Histogram::default(),
            focus: Pane::Timeline,
            timeline: ListCursor::default(),
            regions,
            region_cursor: ListCursor::default(),
            source_cursor: ListCursor::default(),
            source_rows: Vec::new(),
            order: ListOrder::Name,
            detail_scroll: 0,
            input: None,
            region_offer: None,
            overlay: None,
            last_export: None,
            status: None,
            size,
            side_panes: None,
            map: Default::default(),
            dirty: true,
            hold_requery: false,
            requery_due: false,
            keys: None,
            abandoned: 0,
            interruptible: false,
            key_widths: Default::default(),
            tally: Tally::default(),
        };
        state.requery();
        state
    }

    /// The screen areas for the current size, input line, message and
    /// side panes.
    pub fn areas(&self) -> Option<layout::Areas> {
        self.areas_in(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The areas of a screen of `area`.
    pub fn areas_in(&self, area: ratatui::layout::Rect) -> Option<layout::Areas> {
        layout::areas(area, self.chrome(area.width))
    }

    /// What takes room beside the panes on a screen `width` columns wide.
    pub fn chrome(&self, width: u16) -> layout::Chrome {
        layout::Chrome {
            input: self.input.is_some(),
            message_rows: self
                .status
                .as_ref()
                .map_or(0, |s| layout::message_rows(&s.text, width)),
            side: self.side_shown(width),
            map: self.map_shown(width),
        }
    }

    /// Whether the regions and sources panes show on a screen `width`
    /// columns wide: as the user asked, else when it is wide enough.
    pub fn side_shown(&self, width: u16) -> bool {
        self.side_panes.unwrap_or(width >= layout::SIDE_MIN_WIDTH)
    }

    /// Whether the map pane is asked for on a screen `width` columns wide:
    /// as the user asked, else when it is wide enough (the layout may still
    /// find no room for it).
    pub fn map_shown(&self, width: u16) -> bool {
        self.map.shown.unwrap_or(width >= layout::MAP_MIN_WIDTH)
    }

    /// The panes on screen now, in Tab order.
    pub fn panes(&self) -> Vec<Pane> {
        let side = self.side_shown(self.size.0);
        let map = self.areas().is_some_and(|a| !a.map.is_empty());
        Pane::ALL
            .into_iter()
            .filter(|p| side || !matches!(p, Pane::Regions | Pane::Sources))
            .filter(|p| map || *p != Pane::Map)
            .collect()
    }

    /// Rows shown at once by a pane (at least 1).
    pub fn page(&self, pane: Pane) -> usize {
        let h = self.areas().map_or(1, |a| match pane {
            Pane::Timeline => a.rows.height,
            Pane::Regions => a.regions.height.saturating_sub(2),
            Pane::Sources => a.sources.height.saturating_sub(2),
            Pane::Detail => a.detail.height.saturating_sub(2),
            Pane::Map => a.map.height.saturating_sub(2),
        });
        usize::from(h).max(1)
    }

    /// Runs the query again after a filter changed, and keeps the selected
    /// event (or, if it left the slice, the next one after it) at the same
    /// height on the screen.
    pub fn requery(&mut self) {
        if self.hold_requery {
            self.requery_due = true;
            self.dirty = true;
            return;
        }
        let anchor = self.anchor();
        self.requery_at(anchor);
    }

    /// Stops holding requeries back, and runs the one held back, if any.
    pub fn release_requery(&mut self) {
        self.hold_requery = false;
        if std::mem::take(&mut self.requery_due) {
            self.requery();
        }
    }

    /// Whether a query is due: held back over a burst of keys, or given
    /// up for a key waiting ([`AppState::release_typed_requery`]).
    pub fn requery_is_due(&self) -> bool {
        self.requery_due
    }

    /// [`AppState::release_requery`] after a burst of keys typed into the
    /// text filter, giving way to a newer key ([`AppState::keys`]): if one
    /// arrives while the query runs, the query is abandoned, the slice
    /// shown stays and the query stays due. Every other requery runs to
    /// the end, so that an action after typing (an export, a selection)
    /// always sees the slice of the filters it shows.
    pub fn release_typed_requery(&mut self) {
        self.interruptible = true;
        self.release_requery();
        self.interruptible = false;
    }

    /// Runs the query again and puts the cursor on `anchor`'s event (or the
    /// next one after it), at the height on screen the cursor had.
    pub(crate) fn requery_at(&mut self, anchor: Option<crate::tui::clusters::Anchor>) {
        let keys = self.keys.clone();
        let stop = match &keys {
            Some(keys) if self.interruptible && self.abandoned < MAX_ABANDONED => {
                Interrupt::waiting(keys)
            }
            _ => Interrupt::NEVER,
        };
        self.requery_until(anchor, &stop);
    }

    /// [`AppState::requery_at`], abandoned if `stop` fires before the
    /// slice and its tally are worked out (the rest reads the tally's
    /// small tables).
    fn requery_until(
        &mut self,
        anchor: Option<crate::tui::clusters::Anchor>,
        stop: &Interrupt<'_>,
    ) {
        let screen_row = self.timeline.selected.saturating_sub(self.timeline.offset);
        let shown = Slice {
            events: std::mem::take(&mut self.visible),
            coarser: std::mem::take(&mut self.coarser),
        };
        let narrowed = self
            .shown_query
            .as_ref()
            .and_then(|q| self.query.narrow_until(&self.store, q, &shown, stop));
        let slice = narrowed.unwrap_or_else(|| self.query.slice_until(&self.store, stop));
        // The same events as shown have the same counts: typing on in a word
        // that no other word starts with leaves the slice as it was.
        let unchanged = self.tally.generation == self.store.generation()
            && self.tally.events == slice.events.len()
            && slice.events == shown.events;
        let tally = (!stop.fired() && !unchanged)
            .then(|| Tally::of_until(&self.store, &slice.events, stop));
        if stop.fired() {
            // A newer key waits: its query answers instead. The slice shown
            // stays, and a query is due.
            (self.visible, self.coarser) = (shown.events, shown.coarser);
            self.abandoned += 1;
            self.requery_due = true;
            self.dirty = true;
            return;
        }
        self.abandoned = 0;
        self.coarser_kinds = slice.coarser_kinds(&self.store);
        (self.visible, self.coarser) = (slice.events, slice.coarser);
        self.shown_query = Some(self.query.clone());
        if let Some(tally) = tally {
            self.tally = tally;
        }
        self.facets = self
            .query
            .facets_of(&self.store, &self.tally, &mut self.facet_memo);
        self.histogram = Histogram::of_tally(&self.store, &self.tally, &self.query);
        self.key_widths
            .refresh(&self.store, &self.settings.date_format);
        self.widths = self.key_widths.natural(&self.tally);
        self.map.marks_stale = true;
        crate::tui::map::refresh(self);
        self.arrange_lists();
        self.rebuild_rows();
        self.reselect(anchor, screen_row);
        if self.anchor() != anchor {
            self.detail_scroll = 0;
        }
        self.dirty = true;
    }

    /// The outlet under the sources cursor (an index into the store's).
    pub fn selected_source(&self) -> Option<u32> {
        self.source_rows.get(self.source_cursor.selected).copied()
    }

    /// Orders the regions and sources panes by `self.order` and the current
    /// counts, keeping each cursor on the region or outlet it was on.
    pub fn arrange_lists(&mut self) {
        let region = self
            .regions
            .rows()
            .get(self.region_cursor.selected)
            .map(|r| r.id);
        self.regions.order(self.order, &self.facets.regions);
        if let Some(row) = region.and_then(|id| self.regions.row_of(id)) {
            let page = self.page(Pane::Regions);
            self.region_cursor.go(row, self.regions.rows().len(), page);
        }
        let source = self.selected_source();
        let n = self.store.sources().len() as u32;
        self.source_rows = (0..n).collect();
        if self.order == ListOrder::Count {
            let counts = &self.facets.sources;
            self.source_rows
                .sort_by_key(|&i| std::cmp::Reverse(counts.get(i as usize).copied().unwrap_or(0)));
        }
        if let Some(row) = source.and_then(|s| self.source_rows.iter().position(|&r| r == s)) {
            let page = self.page(Pane::Sources);
            self.source_cursor.go(row, self.source_rows.len(), page);
        }
    }

    /// Brings every cursor back into its list and window, after a resize.
    pub fn settle_all(&mut self) {
        self.timeline
            .settle(self.timeline_len(), self.page(Pane::Timeline));
        self.region_cursor
            .settle(self.regions.rows().len(), self.page(Pane::Regions));
        self.source_cursor
            .settle(self.source_rows.len(), self.page(Pane::Sources));
    }

    /// The date filter written the way the date input reads it.
    pub fn date_filter_text(&self) -> String {
        match (self.query.from, self.query.to) {
            (None, None) => String::new(),
            (Some(f), Some(t)) if f == t => f.to_string(),
            (f, t) => format!(
                "{}..{}",
                f.map(|d| d.to_string()).unwrap_or_default(),
                t.map(|d| d.to_string()).unwrap_or_default()
            ),
        }
    }

    /// How keys are read now: not at all but to quit when the window is too
    /// small, as text, for an overlay, or as commands.
    pub fn mode(&self) -> Mode {
        if self.areas().is_none() {
            Mode::TooSmall
        } else if self.input.is_some() {
            Mode::Input
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else if self.focus == Pane::Map {
            Mode::Normal(crate::config::command::Scope::Map)
        } else {
            Mode::Normal(crate::config::command::Scope::Anywhere)
        }
    }

    /// The slice as the query gave it (for an export).
    pub fn slice(&self) -> Slice {
        Slice {
            events: self.visible.clone(),
            coarser: self.coarser.clone(),
        }
    }

    /// The first key bound to a command, as written in the configuration
    /// (for hints such as "K shows them"); `None` when it is unbound.
    pub fn key_for(&self, command: crate::tui::action::Command) -> Option<String> {
        self.settings
            .binding(command)
            .keys
            .first()
            .map(|k| k.to_string())
    }

    /// Sets the status message.
    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone,
        });
    }
}

/// The year given to dates typed without one: the corpus's latest.
pub(crate) fn corpus_year(store: &EventStore) -> i32 {
    // Events are in chronological order: the last starts latest.
    datefilter::default_year(
        store
            .columns()
            .publication_days
            .iter()
            .flatten()
            .copied()
            .chain(store.events().last().map(|e| e.date.first)),
    )
}

/// How far the background reading of the corpus has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loading {
    /// Article files handled.
    pub done: usize,
    /// Article files found.
    pub total: usize,
    /// Of those handled, taken from the cache.
    pub cached: usize,
    /// Whether the store snapshot is being read (the files are not).
    pub snapshot: bool,
}

/// Whether each row of the slice belongs to a shaded date group (every
/// other group of rows with the same date).
pub(crate) fn shading(store: &EventStore, slice: &[u32]) -> Vec<bool> {
    let columns = store.columns();
    let mut out = Vec::with_capacity(slice.len());
    let mut shade = false;
    let mut prev = None;
    // Equal dates have equal keys: the keys are compared, not the dates.
    for &i in slice {
        let d = columns.date_of[i as usize];
        if prev.is_some_and(|p| p != d) {
            shade = !shade;
        }
        prev = Some(d);
        out.push(shade);
    }
    out
}
