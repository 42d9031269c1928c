//! What the user can ask ([`Action`], with the keymap's [`Command`]s among
//! them) and what the app asks of the outside world in return ([`Effect`]).
//!
//! Actions are plain data: the keymap turns terminal events into actions,
//! and [`crate::tui::update::update`] applies them to the state.

use std::path::PathBuf;

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
    /// Add the region or outlet under the cursor to the filter, or remove it.
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
    /// Clear every filter, keeping the selected event.
    ClearFilters,
    /// Export the visible events to Markdown.
    Export,
    /// Show the files that could not be read.
    Problems,
}

impl Command {
    /// Every command, in the order the help overlay lists them.
    pub const ALL: [Command; 21] = [
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
        Command::Toggle,
        Command::Fold,
        Command::Unfold,
        Command::Sort,
        Command::DateFilter,
        Command::TextFilter,
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
            Command::ClearFilters => "clear_filters",
            Command::Export => "export",
            Command::Problems => "problems",
        }
    }
}

/// An edit of the open input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move the cursor one character left.
    Left,
    /// Move the cursor one character right.
    Right,
    /// Move the cursor to the start.
    Home,
    /// Move the cursor to the end.
    End,
    /// Delete everything before the cursor.
    ClearToStart,
    /// Accept the input (Enter).
    Submit,
    /// Abandon the input (Esc).
    Cancel,
}

/// Which way the mouse wheel turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wheel {
    /// Towards the top.
    Up,
    /// Towards the bottom.
    Down,
}

/// Everything the user (or the event loop on the user's behalf) can ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A command from the keymap.
    Command(Command),
    /// An edit of the open input line.
    Edit(Edit),
    /// Ctrl-C: quit at once, whatever is open.
    ForceQuit,
    /// Esc: close the innermost open thing (input line, overlay, the detail
    /// pane's focus); nothing when nothing is open.
    Escape,
    /// The mouse wheel turned over the cell at `column`, `row`.
    Scroll {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Direction.
        wheel: Wheel,
    },
    /// A left click on the cell at `column`, `row`.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// The outcome of an export effect: the file written, or why not.
    Exported(Result<PathBuf, String>),
}

/// Work that [`crate::tui::update::update`] asks the event loop to do,
/// because it involves the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the visible slice as Markdown in the export folder.
    Export,
    /// Leave the app.
    Quit,
}
