//! The terminal: taking it over (raw mode, alternate screen, mouse),
//! giving it back on every way out (quit, error, panic), and the event
//! loop that reads events, runs them through the update and its effects,
//! and draws when something changed.

use std::io::{self, stdout};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::tui::action::{Action, Effect};
use crate::tui::draw::cursor_position;
use crate::tui::effects;
use crate::tui::keymap::translate;
use crate::tui::state::AppState;
use crate::tui::update::update;

/// Runs the app on the real terminal until the user quits. The terminal is
/// restored before this returns, and by the panic hook on a panic (before
/// the panic message is printed).
pub fn run(state: &mut AppState) -> io::Result<()> {
    // ratatui's init installs a panic hook that restores the terminal; ours,
    // around it, also turns the mouse reporting off.
    let mut terminal = ratatui::try_init()?;
    let inner = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        inner(info);
    }));
    let result =
        execute!(stdout(), EnableMouseCapture).and_then(|_| event_loop(&mut terminal, state));
    let _ = execute!(stdout(), DisableMouseCapture);
    let restored = ratatui::try_restore();
    result.and(restored)
}

fn event_loop(terminal: &mut DefaultTerminal, state: &mut AppState) -> io::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    loop {
        if state.dirty {
            terminal.draw(|f| {
                let area = f.area();
                f.render_widget(&*state, area);
                if let Some(p) = cursor_position(state, area) {
                    f.set_cursor_position(p);
                }
            })?;
            state.dirty = false;
        }
        // Block for one event, then take every event already waiting before
        // drawing again (a burst of keys or wheel turns draws once).
        let mut ev = event::read()?;
        loop {
            if let Some(action) = translate(&state.keymap, state.mode(), &ev) {
                match update(state, action) {
                    Some(Effect::Quit) => return Ok(()),
                    Some(Effect::Export) => {
                        let result = effects::export(state, chrono::Utc::now());
                        update(state, Action::Exported(result));
                    }
                    None => {}
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
    }
}
