//! What the user can ask ([`Action`], with the keymap's [`Command`]s among
//! them) and what the app asks of the outside world in return ([`Effect`]).
//!
//! Actions are plain data: the keymap turns terminal events into actions,
//! and [`crate::tui::update::update`] applies them to the state.

/// The commands keys are bound to: defined with the configuration, which
/// names them, and re-exported here beside the actions that carry them.
pub use crate::config::command::Command;

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
    /// The outcome of an export effect in a format: the file written (and
    /// notes for the user), or why not.
    Exported(
        crate::export::ExportFormat,
        Result<crate::tui::effects::Written, String>,
    ),
}

/// Work that [`crate::tui::update::update`] asks the event loop to do,
/// because it involves the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the visible slice in this format in the export folder.
    Export(crate::export::ExportFormat),
    /// Leave the app.
    Quit,
}
