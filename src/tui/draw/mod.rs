//! Drawing: `impl Widget for &AppState`. It only reads the state (every
//! offset was settled by the update) and builds only what is on screen.
//! All article text goes through [`crate::text::display`] before it reaches
//! a cell.

pub mod detail;
pub mod histogram;
pub mod lists;
pub mod overlay;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::state::{AppState, InputKind, Pane, Tone};
use crate::tui::text::{self, truncate, width};

impl Widget for &AppState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(a) = layout::areas(area, self.input.is_some()) else {
            too_small(area, buf);
            return;
        };
        timeline::render(self, &a, buf);
        lists::render_regions(self, a.regions, buf);
        lists::render_sources(self, a.sources, buf);
        detail::render(self, a.detail, buf);
        if let Some(r) = a.input {
            input_line(self, r, buf);
        }
        status_line(self, a.status, buf);
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
    let r = layout::areas(area, true)?.input?;
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
    }
}

fn input_line(state: &AppState, r: Rect, buf: &mut Buffer) {
    let Some(input) = &state.input else { return };
    let theme = &state.settings.theme;
    let p = prompt(input.kind);
    let hint = match input.kind {
        InputKind::Date => {
            "  e.g. 2025-02-10..2025-02-14, 2025-02, ..feb 13 · Enter apply · Esc cancel"
        }
        InputKind::Text => "  filters as you type · Enter keep · Esc undo",
    };
    let room = usize::from(r.width).saturating_sub(width(p) + 1);
    let (shown, _) = text::tail(&text::one_line(&input.buffer), room);
    let mut spans = vec![
        Span::styled(p, theme.border(true).add_modifier(Modifier::BOLD)),
        Span::raw(shown.clone()),
    ];
    let left = usize::from(r.width).saturating_sub(width(p) + width(&shown));
    if left > 4 {
        spans.push(Span::styled(truncate(hint, left), theme.muted()));
    }
    Line::from(spans).render(r, buf);
}

fn status_line(state: &AppState, r: Rect, buf: &mut Buffer) {
    let theme = &state.settings.theme;
    let mut spans = vec![Span::styled(
        format!(
            " {}/{} events ",
            state.visible.len(),
            state.store.events().len()
        ),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    if let Some(l) = state.loading {
        spans.push(Span::raw("│ "));
        spans.push(Span::styled(
            format!("{} ", loading_gauge(l)),
            theme.fg(theme.ok),
        ));
    }
    if let Some(s) = &state.status {
        let style = match s.tone {
            Tone::Info => Style::new(),
            Tone::Ok => theme.fg(theme.ok).add_modifier(Modifier::BOLD),
            Tone::Error => theme.fg(theme.error).add_modifier(Modifier::BOLD),
        };
        spans.push(Span::raw("│ "));
        spans.push(Span::styled(format!("{} ", text::one_line(&s.text)), style));
    }
    // A message (an error, an export written) takes the rest of the line
    // until the next key: the filters and the help hint give it room.
    let message = state.status.is_some();
    if !message {
        spans.push(Span::raw("│ "));
        spans.push(Span::raw(text::one_line(
            &state.query.describe(&state.store),
        )));
        if !state.coarser.is_empty() {
            let kinds = state.coarser_kinds.join("/");
            let k = state
                .key_for(crate::tui::action::Command::Coarser)
                .unwrap_or_default();
            let n = state.coarser.len();
            spans.push(Span::raw(" │ "));
            spans.push(Span::styled(
                if state.query.include_coarser {
                    format!("incl. {n} coarser ({kinds}): {k} hides")
                } else {
                    format!("+{n} coarser ({kinds}): {k} shows")
                },
                theme.fg(theme.date),
            ));
        }
        if let Some(undated) = state.undated.short() {
            spans.push(Span::raw(" │ "));
            spans.push(Span::styled(
                format!("{undated} (p)"),
                theme.fg(theme.error),
            ));
        }
        if !state.problems.is_empty() {
            spans.push(Span::raw(" │ "));
            spans.push(Span::styled(
                match state.problems.len() {
                    1 => "1 problem (p)".to_owned(),
                    n => format!("{n} problems (p)"),
                },
                theme.fg(theme.error),
            ));
        }
    }
    let help = if message { "" } else { " ? help " };
    let line = Line::from(spans);
    let avail = usize::from(r.width).saturating_sub(width(help));
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&text) > avail {
        // Cut span by span so that styles survive.
        let mut used = 0;
        let mut cut = Vec::new();
        for s in line.spans {
            let w = width(&s.content);
            if used + w <= avail {
                used += w;
                cut.push(s);
            } else {
                cut.push(Span::styled(truncate(&s.content, avail - used), s.style));
                break;
            }
        }
        Line::from(cut).render(r, buf);
    } else {
        line.render(r, buf);
    }
    let hr = Rect::new(
        r.right().saturating_sub(width(help) as u16),
        r.y,
        width(help) as u16,
        1,
    );
    Span::styled(help, theme.muted()).render(hr, buf);
}

/// `reading ▰▰▰▱▱▱▱▱▱▱ 1234/5000 files (300 cached)`: the load's progress.
fn loading_gauge(l: crate::tui::state::Loading) -> String {
    const CELLS: usize = 10;
    let filled = (l.done * CELLS)
        .checked_div(l.total)
        .unwrap_or(0)
        .min(CELLS);
    let bar: String = "▰".repeat(filled) + &"▱".repeat(CELLS - filled);
    let cached = if l.cached > 0 {
        format!(" ({} cached)", l.cached)
    } else {
        String::new()
    };
    format!("reading {bar} {}/{} files{cached}", l.done, l.total)
}

fn too_small(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let msg = format!(
        "Terminal too small: {}×{}. frontlog needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or q to quit.",
        area.width, area.height
    );
    Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center)
        .render(area, buf);
}
