//! Windows drawn over the panes: the help (every key, generated from the
//! keymap in force) and the problems popup (files of the corpus that were
//! skipped, and why). Both scroll; Esc closes them. The list of event
//! types is drawn by its own module, [`crate::tui::typefilter`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::keymap::help_entries;
use crate::tui::state::{AppState, Overlay};
use crate::tui::text::{fit, one_line, truncate};

/// Width of the keys column of the help.
const KEYS_W: usize = 16;

/// The lines of the open overlay.
pub fn content(state: &AppState) -> Vec<Line<'static>> {
    let theme = &state.settings.theme;
    match state.overlay {
        Some(Overlay::Help { .. }) => {
            let mut out: Vec<Line> = help_entries(&state.settings)
                .into_iter()
                .map(|e| {
                    Line::from(vec![
                        Span::styled(
                            fit(&e.keys, KEYS_W),
                            theme.border(true).add_modifier(Modifier::BOLD),
                        ),
                        Span::raw(" "),
                        Span::raw(e.desc),
                    ])
                })
                .collect();
            out.push(Line::default());
            out.push(Line::styled(
                "Timeline: » marks an event dated after its article; dates are as the articles give them.",
                theme.muted(),
            ));
            out.push(Line::styled(
                "Counts beside regions, sources and types: events with that one chosen, the other filters kept.",
                theme.muted(),
            ));
            let origin = match &state.settings.user_file {
                Some(p) => format!(
                    "Keys from the built-in config.toml merged with {}.",
                    one_line(&p.to_string_lossy())
                ),
                None => {
                    "Keys from the built-in config.toml (no user configuration file).".to_owned()
                }
            };
            out.push(Line::styled(origin, theme.muted()));
            out
        }
        Some(Overlay::Problems { .. }) => {
            let mut out = Vec::new();
            if let Some(summary) = state.undated.summary() {
                let lines = state.undated.lines();
                let colon = if lines.is_empty() { "" } else { ":" };
                out.push(Line::styled(
                    format!("{summary}{colon}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                for line in lines {
                    out.push(Line::styled(one_line(&line), theme.fg(theme.error)));
                }
                out.push(Line::raw(""));
            }
            if state.problems.is_empty() {
                out.push(Line::raw("Every file of the corpus was read."));
                return out;
            }
            // Files of the corpus first; then trouble with frontlog's own
            // caches (a damaged snapshot, an unwritable cache folder), which
            // lost no article.
            let cache = state.cluster_plan.cache_dir.as_deref();
            let (caches, files): (Vec<_>, Vec<_>) = state
                .problems
                .iter()
                .partition(|p| cache.is_some_and(|c| p.path.starts_with(c)));
            let groups = [
                (
                    files,
                    "file skipped or read with a warning",
                    "files skipped or read with a warning",
                ),
                (
                    caches,
                    "cache problem (no article lost)",
                    "cache problems (no article lost)",
                ),
            ];
            for (list, one, many) in groups {
                if list.is_empty() {
                    continue;
                }
                if out.last().is_some_and(|l: &Line| l.width() > 0) {
                    out.push(Line::raw(""));
                }
                let label = if list.len() == 1 { one } else { many };
                out.push(Line::styled(
                    format!("{} {label}:", list.len()),
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                for p in list {
                    out.push(Line::from(vec![
                        Span::styled(one_line(&p.path.to_string_lossy()), theme.fg(theme.error)),
                        Span::raw(": "),
                        Span::raw(one_line(&p.reason)),
                    ]));
                }
            }
            out
        }
        Some(Overlay::Types(_) | Overlay::Formats(_)) | None => Vec::new(),
    }
}

/// Rows the open overlay's text takes, wrapped to the overlay's width.
pub fn line_count(state: &AppState) -> usize {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    wrapped(content(state)).line_count(inner_width(screen))
}

/// Where the open overlay goes on the current screen.
pub fn area(state: &AppState) -> Option<Rect> {
    state.overlay?;
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    Some(place(screen, line_count(state)))
}

/// The overlay's text as a paragraph that wraps long lines.
fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

fn outer_width(screen: Rect) -> u16 {
    screen.width.saturating_sub(4).min(100)
}

fn inner_width(screen: Rect) -> u16 {
    outer_width(screen).saturating_sub(2).max(1)
}

fn place(screen: Rect, lines: usize) -> Rect {
    let w = outer_width(screen);
    let h = (lines.min(usize::from(u16::MAX)) as u16)
        .saturating_add(2)
        .min(screen.height.saturating_sub(2));
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// The double frame of an overlay `width` cells wide: a bold title on top,
/// a muted hint (cut to fit) at the bottom right.
pub fn framed(state: &AppState, title: String, hint: &str, width: u16) -> Block<'static> {
    let theme = &state.settings.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ))
        .title_bottom(
            Line::styled(
                truncate(hint, usize::from(width.saturating_sub(2))),
                theme.muted(),
            )
            .right_aligned(),
        )
}

/// Draws the open overlay over `screen`.
pub fn render(state: &AppState, screen: Rect, buf: &mut Buffer) {
    let (title, scroll) = match state.overlay {
        Some(Overlay::Help { scroll }) => (" Help: keys ", scroll),
        Some(Overlay::Problems { scroll }) => (" Problems reading the corpus ", scroll),
        Some(Overlay::Types(picker)) => {
            return crate::tui::typefilter::render(state, picker, screen, buf);
        }
        Some(Overlay::Formats(picker)) => {
            return crate::tui::exportpicker::render(state, picker, screen, buf);
        }
        None => return,
    };
    let paragraph = wrapped(content(state));
    let rows = paragraph.line_count(inner_width(screen));
    let r = place(screen, rows);
    if r.width < 4 || r.height < 3 {
        return;
    }
    Clear.render(r, buf);
    let more = rows > usize::from(r.height - 2);
    let hint = if more {
        " Esc closes · j/k, PgUp/PgDn scroll "
    } else {
        " Esc closes "
    };
    let block = framed(state, title.to_owned(), hint, r.width);
    paragraph
        .block(block)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(r, buf);
}
