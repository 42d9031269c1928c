//! The terminal: taking it over (raw mode, alternate screen, mouse),
//! giving it back on every way out (quit, error, panic, a termination
//! signal), and the event
//! loop that reads events, runs them through the update and its effects,
//! and draws when something changed.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::TryRecvError;
use std::time::Duration;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::corpus::Problem;
use crate::ingest::{Loaded, Loader};
use crate::tui::action::{Action, Effect};
use crate::tui::clustering::Job;
use crate::tui::draw::cursor_position;
use crate::tui::effects;
use crate::tui::input::{HangupWatch, Input, Reader};
use crate::tui::keymap::translate;
use crate::tui::snapshot::Saving;
use crate::tui::state::{AppState, InputKind, Loading};
use crate::tui::update::update;

/// Signals that end the app: the terminal is restored first, then the
/// signal takes its default course (so the exit status still tells of it).
#[cfg(unix)]
const ENDING_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];
#[cfg(not(unix))]
const ENDING_SIGNALS: [i32; 1] = [signal_hook::consts::SIGTERM];

/// Runs the app on the real terminal until the user quits or the terminal
/// goes away. The terminal is restored before this returns (as far as a
/// terminal that hung up can be), by the panic hook on a panic (before the
/// panic message is printed), and on SIGTERM, SIGHUP or SIGQUIT (before the
/// signal ends the process).
///
/// # Errors
/// The terminal failed, hung up or its input ended.
pub fn run(state: &mut AppState, loader: Option<Loader>) -> io::Result<()> {
    let signalled = Arc::new(AtomicUsize::new(0));
    for sig in ENDING_SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&signalled), sig as usize)?;
    }
    // ratatui's init installs a panic hook that restores the terminal; ours,
    // around it, also turns the mouse reporting off.
    let mut terminal = ratatui::try_init()?;
    let inner = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A fault on one file is caught and reported as its problem.
        if crate::ingest::panic_is_contained() {
            return;
        }
        let _ = execute!(stdout(), DisableMouseCapture, crossterm::cursor::Show);
        inner(info);
    }));
    let watch = HangupWatch::new();
    let mut reader = None;
    let result = execute!(stdout(), EnableMouseCapture)
        .and_then(|_| Reader::spawn())
        .and_then(|r| {
            event_loop(
                &mut terminal,
                state,
                loader,
                &signalled,
                &watch,
                reader.insert(r),
            )
        });
    if let Some(r) = reader {
        r.stop(!watch.hung_up() && signalled.load(Ordering::Relaxed) == 0);
    }
    // The cursor too: a signal ends the process before `terminal` drops.
    let _ = execute!(stdout(), DisableMouseCapture, crossterm::cursor::Show);
    let restored = ratatui::try_restore();
    let sig = signalled.load(Ordering::Relaxed);
    if sig != 0 {
        signal_hook::low_level::emulate_default_handler(sig as i32)?;
    }
    result.and(restored)
}

/// How long to wait for a key while the corpus loads, before redrawing the gauge.
const LOADING_TICK: Duration = Duration::from_millis(50);
/// How long to wait for a key otherwise, before looking for a signal.
const IDLE_TICK: Duration = Duration::from_millis(200);

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut AppState,
    mut loader: Option<Loader>,
    signalled: &AtomicUsize,
    watch: &HangupWatch,
    reader: &Reader,
) -> io::Result<()> {
    let size = terminal.size()?;
    // A query still running when another key arrives gives way to it.
    state.keys = Some(reader.keys());
    update(state, Action::Resize(size.width, size.height));
    let mut pending = Pending::default();
    let mut clustering: Option<Job> = None;
    let mut saving: Option<Saving> = None;
    loop {
        if signalled.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
        if watch.hung_up() {
            return Err(io::Error::other("the terminal hung up"));
        }
        if let Some(l) = &loader {
            let finished = pending.drain(l);
            state.loading = Some(Loading {
                done: l.progress.done.load(Ordering::Relaxed),
                total: l.progress.total.load(Ordering::Relaxed),
                cached: l.progress.cached.load(Ordering::Relaxed),
                snapshot: l.progress.opening_snapshot.load(Ordering::Relaxed),
            });
            state.dirty = true;
            if let Some(store) = pending.store.take() {
                state.absorb_store(*store, finished.clone());
            } else if let Some(problems) = &finished {
                state.finish_loading(problems.clone());
            }
            if finished.is_some() {
                loader = None;
                // The corpus is complete: its clusters can be worked out.
                clustering = Job::start(state);
            }
        }
        if clustering.as_ref().is_some_and(Job::is_finished)
            && let Some(job) = clustering.take()
        {
            job.finish(state);
            // Clustered afresh: the next start can open from a snapshot.
            if let Some(files) = pending.files.take() {
                saving = Saving::start(state, files);
            }
        }
        if saving.as_ref().is_some_and(Saving::is_finished)
            && let Some(s) = saving.take()
        {
            s.finish(state);
        }
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
        // Wait for one event (or, while loading, a tick), then take every
        // event already waiting before drawing again (a burst of keys or
        // wheel turns draws once).
        let tick = if loader.is_some() || clustering.is_some() {
            LOADING_TICK
        } else {
            IDLE_TICK
        };
        let mut input = reader.next(tick);
        loop {
            let ev = match input {
                Input::Idle => break,
                Input::Gone(why) => return Err(io::Error::other(why)),
                Input::Event(ev) => ev,
            };
            if let Some(action) = translate(&state.keymap, state.mode(), &ev) {
                // Keys typed into the text filter in one burst make one
                // query; anything else sees the slice up to date.
                let typing = matches!(action, Action::Edit(_))
                    && state
                        .input
                        .as_ref()
                        .is_some_and(|i| i.kind == InputKind::Text);
                if !typing {
                    state.release_requery();
                }
                state.hold_requery = typing;
                match update(state, action) {
                    Some(Effect::Quit) => return Ok(()),
                    Some(Effect::Export(format)) => {
                        let result = effects::export(state, format, chrono::Utc::now());
                        update(state, Action::Exported(format, result));
                    }
                    None => {}
                }
            }
            input = reader.next(Duration::ZERO);
        }
        // The burst's query, given up if another key comes meanwhile.
        state.release_typed_requery();
    }
}

/// What the background reader sent and the app has not taken in yet.
#[derive(Default)]
struct Pending {
    /// The newest store sent (an older one not yet shown is dropped).
    store: Option<Box<crate::store::EventStore>>,
    /// The files read, for the snapshot to write once the store is clustered.
    files: Option<crate::ingest::snapshot::Files>,
}

impl Pending {
    /// Takes every message waiting; returns the problems if the load is over.
    fn drain(&mut self, loader: &Loader) -> Option<Vec<Problem>> {
        loop {
            match loader.receiver.try_recv() {
                Ok(Loaded::Store(store)) => {
                    if let Some(older) = self.store.replace(store) {
                        crate::tui::snapshot::drop_elsewhere(*older);
                    }
                }
                Ok(Loaded::Files(files)) => self.files = Some(files),
                Ok(Loaded::Done(problems)) => return Some(problems),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(vec![Problem::new(
                        std::path::Path::new("."),
                        "reading the corpus stopped unexpectedly",
                    )]);
                }
            }
        }
    }
}
