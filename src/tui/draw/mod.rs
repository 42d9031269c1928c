//! Drawing: `impl Widget for &AppState`. It only reads the state (every
//! offset was settled by the update) and builds only what is on screen.
//! All article text goes through [`crate::text::display`] before it reaches
//! a cell.

pub mod cluster_detail;
pub mod detail;
pub mod histogram;
pub mod lists;
pub mod map;
pub mod overlay;
pub mod status;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::state::{AppState, InputKind, Pane};
use crate::tui::text::{self, truncate, width};

impl Widget for &AppState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(a) = self.areas_in(area) else {
            too_small(area, buf);
            return;
        };
        timeline::render(self, &a, buf);
        if !a.map.is_empty() {
            map::render(self, a.map, buf);
        }
        if a.side_shown() {
            lists::render_regions(self, a.regions, buf);
            lists::render_sources(self, a.sources, buf);
        }
        detail::render(self, a.detail, buf);
        if let Some(r) = a.input {
            input_line(self, r, buf);
        }
        if let Some(r) = a.message {
            status::message(self, r, buf);
        }
        status::render(self, a.status, buf);
        if self.overlay.is_some() {
            overlay::render(self, area, buf);
        }
    }
}

/// A pane's block: rounded borders, the title, the focus shown by colour
/// (or bold without colour) and by a `▶` before the title.
pub fn pane_block<'a>(state: &AppState, pane: Pane, title: String) -> Block<'a> {
    let focused = state.focus == pane && state.overlay.is_none();
    let theme = &state.settings.theme;
    let title = if focused {
        format!("▶ {title} ")
    } else {
        format!(" {title} ")
    };
    let title_style = if focused {
        theme.border(true).add_modifier(Modifier::BOLD)
    } else {
        theme.muted()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(theme.border(focused))
        .title(Span::styled(title, title_style))
}

/// Where the terminal's cursor goes: in the input line, while one is open.
pub fn cursor_position(state: &AppState, area: Rect) -> Option<Position> {
    let input = state.input.as_ref()?;
    let r = state.areas_in(area)?.input?;
    let prompt = width(prompt(input.kind));
    let room = usize::from(r.width).saturating_sub(prompt + 1);
    let (_, dropped) = text::tail(&input.buffer, room);
    let before: String = input
        .buffer
        .chars()
        .skip(dropped)
        .take(input.cursor.saturating_sub(dropped))
        .collect();
    let x = r.x as usize + prompt + width(&before);
    Some(Position::new(x.min(usize::from(r.right() - 1)) as u16, r.y))
}

fn prompt(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Date => "Dates: ",
        InputKind::Text => "Text: ",
        InputKind::Region => "Region: ",
    }
}

fn input_line(state: &AppState, r: Rect, buf: &mut Buffer) {
    let Some(input) = &state.input else { return };
    let theme = &state.settings.theme;
    let p = prompt(input.kind);
    let hint = match (&input.hint, input.kind) {
        (Some(h), _) => format!("  {}", text::one_line(h)),
        (None, InputKind::Date) => {
            "  e.g. 2025-02-10..2025-02-14, 2025-02, ..feb 13 · Enter apply · Esc cancel".to_owned()
        }
        (None, _) => "  filters as you type · Enter keep · Esc undo".to_owned(),
    };
    let room = usize::from(r.width).saturating_sub(width(p) + 1);
    let (shown, _) = text::tail(&text::one_line(&input.buffer), room);
    let mut spans = vec![
        Span::styled(p, theme.border(true).add_modifier(Modifier::BOLD)),
        Span::raw(shown.clone()),
    ];
    let left = usize::from(r.width).saturating_sub(width(p) + width(&shown));
    if left > 4 {
        spans.push(Span::styled(truncate(&hint, left), theme.muted()));
    }
    Line::from(spans).render(r, buf);
}

fn too_small(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    // One line per sentence, so that a narrow window breaks between them.
    let msg = vec![
        Line::raw(format!(
            "Terminal too small: {}×{}.",
            area.width, area.height
        )),
        Line::raw(format!("frontlog needs at least {MIN_WIDTH}×{MIN_HEIGHT}.")),
        Line::raw("Enlarge the window,"),
        Line::raw("or q to quit."),
    ];
    Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center)
        .render(area, buf);
}
