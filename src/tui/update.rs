//! The one place the state changes: [`update`] applies an [`Action`] and
//! may ask for an [`Effect`]. No I/O happens here, so every behaviour of the
//! app can be tested by feeding actions to a state, without a terminal.
//!
//! Scroll offsets are settled here, from the last known terminal size;
//! drawing never moves them.

use crate::datefilter;
use crate::tui::action::{Action, Command, Edit, Effect, Wheel};
use crate::tui::draw::{detail, overlay};
use crate::tui::exportpicker::{self, FormatPicker};
use crate::tui::map;
use crate::tui::regioninput;
use crate::tui::regions::ListOrder;
use crate::tui::state::{AppState, Input, InputKind, ListCursor, Overlay, Pane, Tone};
use crate::tui::typefilter::{self, TypePicker};

/// Rows moved by one turn of the mouse wheel.
const WHEEL_ROWS: isize = 3;

/// Applies one action to the state; returns what the event loop must do.
/// When the action changed the screen's layout (a resize, an input line or
/// a message opened or closed, the side panes shown or hidden) every
/// cursor is settled in its new window, and the focus leaves a pane that
/// folded away.
pub fn update(state: &mut AppState, action: Action) -> Option<Effect> {
    let before = state.areas();
    let effect = apply(state, action);
    if state.areas() != before {
        state.settle_all();
        clamp_detail(state);
        clamp_overlay(state);
        map::refresh(state);
    }
    if !state.panes().contains(&state.focus) {
        state.focus = Pane::Timeline;
    }
    effect
}

fn apply(state: &mut AppState, action: Action) -> Option<Effect> {
    state.dirty = true;
    match action {
        Action::ForceQuit => Some(Effect::Quit),
        Action::Resize(w, h) => {
            state.size = (w, h);
            None
        }
        Action::Exported(format, result) => {
            match result {
                Ok(written) => {
                    state.last_export = Some(format);
                    let mut text = format!(
                        "exported {} events as {} to {}",
                        state.visible.len(),
                        format.label(),
                        written.path.display()
                    );
                    for note in &written.notes {
                        text.push_str(&format!(" ({note})"));
                    }
                    state.say(Tone::Ok, text);
                }
                Err(e) => state.say(Tone::Error, format!("export failed: {e}")),
            }
            None
        }
        Action::Escape => {
            if state.input.is_some() {
                return edit(state, Edit::Cancel);
            }
            if state.overlay.is_some() {
                state.overlay = None;
            } else if state.focus == Pane::Detail {
                state.focus = Pane::Timeline;
            } else if state.focus == Pane::Timeline && state.close_open() {
                // The open cluster's reports are folded away.
            } else {
                // The top level: Esc never quits (q or Ctrl-C do).
                state.dirty = false;
            }
            None
        }
        Action::Edit(e) => edit(state, e),
        Action::Scroll { column, row, wheel } => {
            let delta = match wheel {
                Wheel::Up => -WHEEL_ROWS,
                Wheel::Down => WHEEL_ROWS,
            };
            if state.overlay.is_some() {
                scroll_overlay(state, delta);
            } else if let Some(Pane::Map) = state.areas().and_then(|a| a.pane_at(column, row)) {
                map::wheel(state, delta);
            } else if let Some(pane) = state.areas().and_then(|a| a.pane_at(column, row)) {
                move_in(state, pane, delta);
            }
            None
        }
        Action::Click { column, row } => {
            click(state, column, row);
            None
        }
        Action::Command(c) => {
            state.status = None;
            if state.overlay.is_some() {
                overlay_command(state, c)
            } else {
                command(state, c)
            }
        }
    }
}

fn command(state: &mut AppState, c: Command) -> Option<Effect> {
    match c {
        Command::Quit => return Some(Effect::Quit),
        Command::Export => return export(state),
        Command::Coarser => toggle_coarser(state),
        Command::Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Problems => state.overlay = Some(Overlay::Problems { scroll: 0 }),
        Command::NextPane | Command::PrevPane => {
            let panes = state.panes();
            let i = panes.iter().position(|p| *p == state.focus).unwrap_or(0);
            let n = panes.len();
            let j = if c == Command::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            state.focus = panes[j];
        }
        Command::SidePanes => {
            let shown = !state.side_shown(state.size.0);
            state.side_panes = Some(shown);
            let f = state.key_for(Command::SidePanes).unwrap_or_default();
            state.say(
                Tone::Info,
                if shown {
                    format!("regions and sources shown ({f} hides them)")
                } else {
                    format!("regions and sources hidden ({f} shows them)")
                },
            );
        }
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::HalfDown
        | Command::HalfUp
        | Command::Top
        | Command::Bottom => motion(state, c),
        Command::Toggle => toggle(state),
        Command::View => state.switch_view(),
        Command::Fold => {
            if state.focus == Pane::Regions
                && let Some(row) = state.regions.fold(state.region_cursor.selected)
            {
                let (len, page) = (state.regions.rows().len(), state.page(Pane::Regions));
                state.region_cursor.go(row, len, page);
            }
        }
        Command::Unfold => {
            if state.focus == Pane::Regions {
                state.regions.unfold(state.region_cursor.selected);
                let (len, page) = (state.regions.rows().len(), state.page(Pane::Regions));
                state.region_cursor.settle(len, page);
            }
        }
        Command::Sort => {
            state.order = match state.order {
                ListOrder::Name => ListOrder::Count,
                ListOrder::Count => ListOrder::Name,
            };
            state.arrange_lists();
            let how = match state.order {
                ListOrder::Name => "by name",
                ListOrder::Count => "by count in the current slice",
            };
            state.say(Tone::Info, format!("regions and sources ordered {how}"));
        }
        Command::DateFilter => open_input(state, InputKind::Date),
        Command::TextFilter => open_input(state, InputKind::Text),
        Command::RegionFilter => open_input(state, InputKind::Region),
        Command::TypeFilter => state.overlay = Some(Overlay::Types(TypePicker::open(state))),
        Command::ClearFilters => clear_filters(state),
        Command::Map
        | Command::MapLeft
        | Command::MapRight
        | Command::MapUp
        | Command::MapDown
        | Command::MapZoomIn
        | Command::MapZoomOut
        | Command::MapReset => {
            map::command(state, c);
        }
    }
    None
}

/// Clears every filter (types included), keeping the selected event.
fn clear_filters(state: &mut AppState) {
    if !state.query.is_empty() {
        state.query = Default::default();
        state.requery();
    }
    state.region_offer = None;
    state.say(Tone::Info, "all filters cleared");
}

/// Asks for the export of the slice in the configured format, or opens
/// the format picker when none is configured; or says why there is
/// nothing to export (and writes nothing, as `frontlog export` without
/// `--allow-empty`).
fn export(state: &mut AppState) -> Option<Effect> {
    if !state.visible.is_empty() {
        return match state.settings.export_format {
            Some(format) => Some(Effect::Export(format)),
            None => {
                state.overlay = Some(Overlay::Formats(FormatPicker::open(state)));
                None
            }
        };
    }
    let mut why = if state.query.is_empty() {
        "nothing to export: the corpus holds no event".to_owned()
    } else {
        let c = state.key_for(Command::ClearFilters).unwrap_or_default();
        format!(
            "nothing to export: no event matches the filters ({c} clears them); no file written"
        )
    };
    if !state.coarser.is_empty() && !state.query.include_coarser {
        let k = state.key_for(Command::Coarser).unwrap_or_default();
        why.push_str(&format!(
            "; {} known only to a coarser period overlapping the dates ({k} shows them)",
            state.coarser.len()
        ));
    }
    state.say(Tone::Error, why);
    None
}

/// Shows or hides the events known only to a period coarser than the date
/// filter; without a date filter there are none, and the status line says so.
fn toggle_coarser(state: &mut AppState) {
    if !state.query.dates().is_set() {
        let d = state.key_for(Command::DateFilter).unwrap_or_default();
        state.say(
            Tone::Info,
            format!("no date filter ({d} sets one): no event is coarser than it"),
        );
        return;
    }
    state.query.include_coarser = !state.query.include_coarser;
    state.requery();
    let n = match state.coarser.len() {
        1 => "1 event".to_owned(),
        n => format!("{n} events"),
    };
    let text = match (state.query.include_coarser, state.coarser.is_empty()) {
        (_, true) => "no event of the slice is known only to a coarser period".to_owned(),
        (true, false) => format!("showing {n} known only to a coarser year, month or week"),
        (false, false) => format!("hiding {n} known only to a coarser year, month or week"),
    };
    state.say(Tone::Info, text);
}

/// Commands while the help or problems overlay is open: scrolling, closing,
/// or switching to the other overlay; the rest waits until it is closed.
/// The list of types has keys of its own ([`typefilter::command`]), and
/// `c` clears every filter there as it does everywhere.
fn overlay_command(state: &mut AppState, c: Command) -> Option<Effect> {
    if let Some(Overlay::Types(_)) = state.overlay {
        match c {
            Command::ClearFilters => clear_filters(state),
            _ => typefilter::command(state, c),
        }
        return None;
    }
    if let Some(Overlay::Formats(_)) = state.overlay {
        return exportpicker::command(state, c);
    }
    let page = overlay_page(state) as isize;
    match (c, state.overlay) {
        (Command::Quit, _) | (Command::Help, Some(Overlay::Help { .. })) => state.overlay = None,
        (Command::Problems, Some(Overlay::Problems { .. })) => state.overlay = None,
        (Command::Help, _) => state.overlay = Some(Overlay::Help { scroll: 0 }),
        (Command::Problems, _) => state.overlay = Some(Overlay::Problems { scroll: 0 }),
        (Command::TypeFilter, _) => state.overlay = Some(Overlay::Types(TypePicker::open(state))),
        (Command::Down, _) => scroll_overlay(state, 1),
        (Command::Up, _) => scroll_overlay(state, -1),
        (Command::PageDown, _) => scroll_overlay(state, page),
        (Command::PageUp, _) => scroll_overlay(state, -page),
        (Command::HalfDown, _) => scroll_overlay(state, page / 2),
        (Command::HalfUp, _) => scroll_overlay(state, -page / 2),
        (Command::Top, _) => scroll_overlay(state, isize::MIN / 2),
        (Command::Bottom, _) => scroll_overlay(state, isize::MAX / 2),
        _ => {}
    }
    None
}

fn overlay_page(state: &AppState) -> usize {
    overlay::area(state)
        .map_or(1, |a| usize::from(a.height.saturating_sub(2)))
        .max(1)
}

fn scroll_overlay(state: &mut AppState, delta: isize) {
    if let Some(Overlay::Types(_)) = state.overlay {
        typefilter::step(state, delta);
        return;
    }
    if let Some(Overlay::Formats(_)) = state.overlay {
        exportpicker::step(state, delta);
        return;
    }
    let max = overlay::line_count(state).saturating_sub(overlay_page(state));
    if let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut state.overlay {
        *scroll = scroll.saturating_add_signed(delta).min(max);
    }
}

fn clamp_overlay(state: &mut AppState) {
    scroll_overlay(state, 0);
}

fn motion(state: &mut AppState, c: Command) {
    let page = state.page(state.focus) as isize;
    let delta = match c {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => page,
        Command::PageUp => -page,
        Command::HalfDown => (page / 2).max(1),
        Command::HalfUp => -(page / 2).max(1),
        Command::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    move_in(state, state.focus, delta);
}

/// Moves the cursor of a pane (or scrolls the detail pane) by `delta` rows.
fn move_in(state: &mut AppState, pane: Pane, delta: isize) {
    let page = state.page(pane);
    match pane {
        Pane::Timeline => {
            let before = state.timeline.selected;
            state.timeline.step(delta, state.timeline_len(), page);
            if state.timeline.selected != before {
                state.detail_scroll = 0;
            }
        }
        Pane::Regions => state
            .region_cursor
            .step(delta, state.regions.rows().len(), page),
        Pane::Sources => state
            .source_cursor
            .step(delta, state.source_rows.len(), page),
        Pane::Detail => {
            state.detail_scroll = state.detail_scroll.saturating_add_signed(delta);
            clamp_detail(state);
        }
        // The map pans with its own keys; page keys leave it be.
        Pane::Map => {}
    }
}

fn clamp_detail(state: &mut AppState) {
    let Some(a) = state.areas() else { return };
    let inner_w = a.detail.width.saturating_sub(2);
    let lines = detail::line_count(state, inner_w);
    let max = lines.saturating_sub(usize::from(a.detail.height.saturating_sub(2)));
    state.detail_scroll = state.detail_scroll.min(max);
}

fn toggle(state: &mut AppState) {
    match state.focus {
        Pane::Regions => {
            let Some(row) = state.regions.rows().get(state.region_cursor.selected) else {
                return;
            };
            crate::tui::regions::toggle_filter(state, row.id);
        }
        Pane::Map => map::pick(state),
        Pane::Sources => {
            let Some(id) = state.selected_source() else {
                return;
            };
            if !state.query.sources.remove(&id) {
                state.query.sources.insert(id);
            }
            state.requery();
        }
        Pane::Timeline => {
            if !state.toggle_open() {
                state.focus = Pane::Detail;
            }
        }
        Pane::Detail => state.focus = Pane::Timeline,
    }
}

fn open_input(state: &mut AppState, kind: InputKind) {
    let buffer = match kind {
        InputKind::Date => state.date_filter_text(),
        InputKind::Text => state.query.text.clone(),
        InputKind::Region => String::new(),
    };
    let cursor = buffer.chars().count();
    let hint = (kind == InputKind::Region).then(|| regioninput::hint(&state.store, &buffer));
    state.input = Some(Input {
        kind,
        applied: buffer.clone(),
        buffer,
        cursor,
        hint,
    });
}

fn close_input(state: &mut AppState) {
    state.input = None;
}

fn edit(state: &mut AppState, e: Edit) -> Option<Effect> {
    let input = state.input.as_mut()?;
    let kind = input.kind;
    let before = input.buffer.clone();
    let byte = |s: &str, c: usize| s.char_indices().nth(c).map_or(s.len(), |(b, _)| b);
    match e {
        Edit::Insert(c) => {
            let at = byte(&input.buffer, input.cursor);
            input.buffer.insert(at, c);
            input.cursor += 1;
        }
        Edit::Backspace => {
            if input.cursor > 0 {
                input.cursor -= 1;
                let at = byte(&input.buffer, input.cursor);
                input.buffer.remove(at);
            }
        }
        Edit::Delete => {
            if input.cursor < input.buffer.chars().count() {
                let at = byte(&input.buffer, input.cursor);
                input.buffer.remove(at);
            }
        }
        Edit::Left => input.cursor = input.cursor.saturating_sub(1),
        Edit::Right => input.cursor = (input.cursor + 1).min(input.buffer.chars().count()),
        Edit::Home => input.cursor = 0,
        Edit::End => input.cursor = input.buffer.chars().count(),
        Edit::ClearToStart => {
            let at = byte(&input.buffer, input.cursor);
            input.buffer.drain(..at);
            input.cursor = 0;
        }
        Edit::Submit => {
            submit(state);
            return None;
        }
        Edit::Cancel => {
            // A live text filter goes back to the one applied when the line
            // opened; a date filter was never changed before Enter.
            let applied = input.applied.clone();
            if kind == InputKind::Text && state.query.text != applied {
                state.query.text = applied;
                state.requery();
            }
            // Its error, if any, is about an input that is gone.
            state.status = None;
            close_input(state);
            return None;
        }
    }
    let buffer = input.buffer.clone();
    if buffer != before {
        match kind {
            InputKind::Text => {
                state.status = None;
                state.query.text = buffer;
                state.requery();
            }
            InputKind::Region => input.hint = Some(regioninput::hint(&state.store, &buffer)),
            InputKind::Date => {}
        }
    }
    None
}

fn submit(state: &mut AppState) {
    let Some(input) = state.input.clone() else {
        return;
    };
    match input.kind {
        InputKind::Text => {
            state.focus = Pane::Timeline;
            close_input(state);
        }
        InputKind::Date => match datefilter::parse_range(&input.buffer, state.year) {
            Ok(range) => {
                if (state.query.from, state.query.to) != (range.from, range.to) {
                    state.query.from = range.from;
                    state.query.to = range.to;
                    state.requery();
                }
                state.status = None;
                state.focus = Pane::Timeline;
                close_input(state);
            }
            Err(why) => state.say(Tone::Error, format!("not applied: {why}")),
        },
        InputKind::Region => {
            match regioninput::take(&state.store, &input.buffer, state.region_offer.as_ref()) {
                Ok(taken) => {
                    if let Some(old) = taken.replaces {
                        state.query.regions.remove(&old);
                    }
                    state.query.regions.insert(taken.add);
                    state.region_offer = taken.offer;
                    state.requery();
                    // The tree shows the region, unfolded to it, under its cursor.
                    if let Some(row) = state.regions.reveal(taken.add) {
                        let (len, page) = (state.regions.rows().len(), state.page(Pane::Regions));
                        state.region_cursor.go(row, len, page);
                    }
                    state.focus = Pane::Timeline;
                    close_input(state);
                    state.say(Tone::Info, taken.message);
                }
                Err(why) => state.say(Tone::Error, why),
            }
        }
    }
}

fn click(state: &mut AppState, column: u16, row: u16) {
    let Some(a) = state.areas() else { return };
    let Some(pane) = a.pane_at(column, row) else {
        return;
    };
    state.focus = pane;
    let (area, cursor, len): (_, &mut ListCursor, usize) = match pane {
        Pane::Timeline => {
            let len = state.timeline_len();
            (a.rows, &mut state.timeline, len)
        }
        Pane::Regions => (
            inner(a.regions),
            &mut state.region_cursor,
            state.regions.rows().len(),
        ),
        Pane::Sources => (
            inner(a.sources),
            &mut state.source_cursor,
            state.source_rows.len(),
        ),
        Pane::Detail => return,
        Pane::Map => {
            map::click(state, column, row);
            return;
        }
    };
    if row < area.y || row >= area.bottom() {
        return;
    }
    let target = cursor.offset + usize::from(row - area.y);
    if target < len {
        let before = cursor.selected;
        cursor.go(target, len, usize::from(area.height));
        if pane == Pane::Timeline && cursor.selected != before {
            state.detail_scroll = 0;
        }
    }
}

fn inner(r: ratatui::layout::Rect) -> ratatui::layout::Rect {
    ratatui::layout::Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}
