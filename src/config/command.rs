//! The commands a key can be bound to (`[keys.NAME]` in the
//! configuration), with their names and the order the help lists them in.
//!
//! They are part of the configuration's vocabulary, so they live here and
//! the terminal app imports them: `config` knows nothing of the app.

use serde::Deserialize;

/// A command that a key can be bound to in the configuration (`[keys.NAME]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Quit (closing nothing first: q quits at once unless an overlay is open).
    Quit,
    /// Show or hide the help overlay.
    Help,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Move down one row in the focused pane.
    Down,
    /// Move up one row.
    Up,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Move down half a page.
    HalfDown,
    /// Move up half a page.
    HalfUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Add the region, outlet or type under the cursor to the filter, or
    /// remove it.
    Toggle,
    /// Fold the region under the cursor (or go to its parent).
    Fold,
    /// Unfold the region under the cursor.
    Unfold,
    /// Order the regions and sources panes by count, or back by name.
    Sort,
    /// Open the date filter input.
    DateFilter,
    /// Open the text filter input.
    TextFilter,
    /// Open the region name input.
    RegionFilter,
    /// Open the list of event types, to choose which the filter keeps.
    TypeFilter,
    /// Clear every filter, keeping the selected event.
    ClearFilters,
    /// Export the visible events (in the configured format, else one picked).
    Export,
    /// Show the files that could not be read.
    Problems,
    /// Show or hide the events known only to a period coarser than the date
    /// filter (a year, month or week overlapping it).
    Coarser,
    /// Show or hide the regions and sources panes.
    SidePanes,
    /// Switch the timeline between one row per cluster (happening) and one
    /// row per report.
    View,
    /// Show or hide the map pane.
    Map,
    /// Map: move the view west.
    MapLeft,
    /// Map: move the view east.
    MapRight,
    /// Map: move the view north.
    MapUp,
    /// Map: move the view south.
    MapDown,
    /// Map: zoom in.
    MapZoomIn,
    /// Map: zoom out.
    MapZoomOut,
    /// Map: back to the whole of Ukraine.
    MapReset,
}

/// Where a command's keys count. A key may run one command per scope; a
/// pane's own commands win over the others while that pane has the focus,
/// so that `h` and `l` pan the map and fold the region tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// Wherever no pane's own command takes the key.
    Anywhere,
    /// Only while the map pane has the focus.
    Map,
}

impl Command {
    /// Every command, in the order the help overlay lists them.
    pub const ALL: [Command; 34] = [
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::HalfDown,
        Command::HalfUp,
        Command::Top,
        Command::Bottom,
        Command::NextPane,
        Command::PrevPane,
        Command::SidePanes,
        Command::Toggle,
        Command::View,
        Command::Fold,
        Command::Unfold,
        Command::Sort,
        Command::Map,
        Command::MapLeft,
        Command::MapRight,
        Command::MapUp,
        Command::MapDown,
        Command::MapZoomIn,
        Command::MapZoomOut,
        Command::MapReset,
        Command::DateFilter,
        Command::Coarser,
        Command::TextFilter,
        Command::RegionFilter,
        Command::TypeFilter,
        Command::ClearFilters,
        Command::Export,
        Command::Problems,
        Command::Help,
        Command::Quit,
    ];

    /// The name used in the configuration file.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "help",
            Command::NextPane => "next_pane",
            Command::PrevPane => "prev_pane",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::HalfDown => "half_down",
            Command::HalfUp => "half_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Toggle => "toggle",
            Command::Fold => "fold",
            Command::Unfold => "unfold",
            Command::Sort => "sort",
            Command::DateFilter => "date_filter",
            Command::TextFilter => "text_filter",
            Command::RegionFilter => "region_filter",
            Command::TypeFilter => "type_filter",
            Command::ClearFilters => "clear_filters",
            Command::Export => "export",
            Command::Problems => "problems",
            Command::Coarser => "coarser",
            Command::SidePanes => "side_panes",
            Command::View => "view",
            Command::Map => "map",
            Command::MapLeft => "map_left",
            Command::MapRight => "map_right",
            Command::MapUp => "map_up",
            Command::MapDown => "map_down",
            Command::MapZoomIn => "map_zoom_in",
            Command::MapZoomOut => "map_zoom_out",
            Command::MapReset => "map_reset",
        }
    }

    /// Where the command's keys count.
    pub fn scope(self) -> Scope {
        match self {
            Command::MapLeft
            | Command::MapRight
            | Command::MapUp
            | Command::MapDown
            | Command::MapZoomIn
            | Command::MapZoomOut
            | Command::MapReset => Scope::Map,
            _ => Scope::Anywhere,
        }
    }
}
