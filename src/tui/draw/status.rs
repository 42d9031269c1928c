//! The status line and the message rows above it.
//!
//! The status line always shows the visible/total count and every active
//! filter; on a narrow screen it abbreviates them, step by step (shorter
//! words, then names cut, then counts), rather than cutting the line. A
//! message (an export written, a date refused) has its own rows and never
//! takes the filters' place.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use chrono::{Datelike, NaiveDate};

use crate::tui::action::Command;
use crate::tui::state::{AppState, Loading, Tone};
use crate::tui::text::{one_line, truncate, width};

/// How far one part of the status line is abbreviated: 0 is in full, 3
/// the shortest form.
type Level = u8;

/// One form of the whole line: a level for each part, and whether the help
/// hint shows.
#[derive(Clone, Copy)]
struct Form {
    filters: Level,
    coarser: Level,
    /// The load, the undated articles and the problems.
    notes: Level,
    help: bool,
}

/// The forms tried in turn, fullest first: the notes shorten first, then
/// the coarser count, then the help hint goes, and the filters shorten last.
#[rustfmt::skip]
const FORMS: [Form; 7] = [
    Form { filters: 0, coarser: 0, notes: 0, help: true },
    Form { filters: 0, coarser: 0, notes: 2, help: true },
    Form { filters: 0, coarser: 1, notes: 2, help: true },
    Form { filters: 0, coarser: 1, notes: 2, help: false },
    Form { filters: 1, coarser: 2, notes: 2, help: false },
    Form { filters: 2, coarser: 3, notes: 2, help: false },
    Form { filters: 3, coarser: 3, notes: 3, help: false },
];

/// Draws the message rows: the message in its tone, wrapped at words.
pub fn message(state: &AppState, area: Rect, buf: &mut Buffer) {
    let Some(s) = &state.status else { return };
    let theme = &state.settings.theme;
    let style = match s.tone {
        Tone::Info => Style::new(),
        Tone::Ok => theme.fg(theme.ok).add_modifier(Modifier::BOLD),
        Tone::Error => theme.fg(theme.error).add_modifier(Modifier::BOLD),
    };
    Paragraph::new(Span::styled(one_line(&s.text), style))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Draws the status line: the fullest form that fits the width. Should
/// even the tersest not fit, the notes go, one whole part at a time (the
/// problems, the undated articles, the load, the coarser count), and only
/// then is what is left cut.
pub fn render(state: &AppState, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let tersest = FORMS[FORMS.len() - 1];
    let mut status = FORMS
        .iter()
        .map(|&form| line(state, form))
        .find(|l| l.width() <= w)
        .unwrap_or_else(|| line(state, tersest));
    while status.width() > w {
        let Some(i) = (0..status.parts.len())
            .filter(|&i| status.parts[i].drop_rank.is_some())
            .min_by_key(|&i| status.parts[i].drop_rank)
        else {
            break;
        };
        status.parts.remove(i);
    }
    let fits = status.width() <= w;
    let mut spans: Vec<Span> = status.parts.into_iter().flat_map(|p| p.spans).collect();
    spans.push(Span::raw(" "));
    if !fits {
        // Cut span by span so that styles survive.
        let mut used = 0;
        let mut cut = Vec::new();
        for s in spans {
            let sw = width(&s.content);
            if used + sw <= w {
                used += sw;
                cut.push(s);
            } else {
                cut.push(Span::styled(truncate(&s.content, w - used), s.style));
                break;
            }
        }
        spans = cut;
    }
    Line::from(spans).render(area, buf);
    if let Some(help) = status.help.filter(|_| fits) {
        let hw = width(&help.content) as u16;
        help.render(Rect::new(area.right() - hw, area.y, hw, 1), buf);
    }
}

fn line_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// A part of the status line, with its separator.
struct Part {
    spans: Vec<Span<'static>>,
    /// `None` for a part that always shows (the count, the filters); else
    /// the order in which parts go when nothing else fits, lowest first.
    drop_rank: Option<u8>,
}

/// One form of the status line: its parts, and the help hint at the right
/// (left out of the terser forms).
struct StatusLine {
    parts: Vec<Part>,
    help: Option<Span<'static>>,
}

impl StatusLine {
    /// Cells it needs: its parts, a space, and the hint with a space before.
    fn width(&self) -> usize {
        let parts: usize = self.parts.iter().map(|p| line_width(&p.spans)).sum();
        parts + 1 + self.help.as_ref().map_or(0, |h| width(&h.content) + 1)
    }
}

/// The status line in one form: the count, the load, the filters, the
/// coarser events, the undated articles and the problems, then the help hint.
fn line(state: &AppState, form: Form) -> StatusLine {
    let theme = &state.settings.theme;
    let part = |text: String, style: Style, drop_rank: Option<u8>| Part {
        spans: vec![Span::raw(" │ "), Span::styled(text, style)],
        drop_rank,
    };
    // "events" goes with the filters' second abbreviation.
    let count = if form.filters < 2 {
        format!(
            " {}/{} events",
            state.visible.len(),
            state.store.events().len()
        )
    } else {
        format!(" {}/{}", state.visible.len(), state.store.events().len())
    };
    let mut parts = vec![Part {
        spans: vec![Span::styled(
            count,
            Style::new().add_modifier(Modifier::BOLD),
        )],
        drop_rank: None,
    }];
    if let Some(l) = state.loading {
        parts.push(part(
            loading_gauge(l, form.notes),
            theme.fg(theme.ok),
            Some(2),
        ));
    }
    if state.clustering {
        parts.push(part("clustering…".to_owned(), theme.fg(theme.ok), Some(2)));
    }
    parts.push(part(filters(state, form.filters), Style::new(), None));
    if let Some(c) = coarser(state, form.coarser) {
        parts.push(part(c, theme.fg(theme.date), Some(3)));
    }
    let p = state.key_for(Command::Problems).unwrap_or_default();
    if let Some(undated) = state.undated.short() {
        let text = match form.notes {
            0 => format!("{undated} ({p})"),
            _ => format!("{} undated ({p})", state.undated.articles.len()),
        };
        parts.push(part(text, theme.fg(theme.error), Some(1)));
    }
    if !state.problems.is_empty() {
        let n = state.problems.len();
        let text = match (form.notes, n) {
            (0..=2, 1) => format!("1 problem ({p})"),
            (0..=2, _) => format!("{n} problems ({p})"),
            _ => format!("{n} bad ({p})"),
        };
        parts.push(part(text, theme.fg(theme.error), Some(0)));
    }
    let help = form.help.then(|| {
        let key = state.key_for(Command::Help).unwrap_or_default();
        Span::styled(format!(" {key} help "), theme.muted())
    });
    StatusLine { parts, help }
}

/// The active filters in words, abbreviated by `level`.
fn filters(state: &AppState, level: Level) -> String {
    let q = &state.query;
    if level == 0 {
        return one_line(&q.describe(&state.store));
    }
    let mut parts = Vec::new();
    match (q.from, q.to) {
        (None, None) => {}
        (Some(f), Some(t)) if f == t => parts.push(f.to_string()),
        (f, t) => {
            // The year the end shares with the start goes (from both ends
            // in the tersest form).
            let same_year = matches!((f, t), (Some(f), Some(t)) if f.year() == t.year());
            let day = |d: Option<NaiveDate>, short: bool| {
                d.map_or(String::new(), |d| {
                    let fmt = if short && same_year {
                        "%m-%d"
                    } else {
                        "%Y-%m-%d"
                    };
                    d.format(fmt).to_string()
                })
            };
            parts.push(format!("{}..{}", day(f, level >= 3), day(t, level >= 2)));
        }
    }
    let g = state.store.gazetteer();
    let regions: Vec<String> = q
        .regions
        .iter()
        .map(|&r| one_line(&g.region(r).name))
        .collect();
    if let Some(r) = names(&regions, "regions", level) {
        parts.push(r);
    }
    let sources: Vec<String> = q
        .sources
        .iter()
        .map(|&s| one_line(&state.store.sources()[s as usize]))
        .collect();
    if let Some(s) = names(&sources, "sources", level) {
        parts.push(s);
    }
    let types: Vec<String> = q
        .kinds
        .iter()
        .map(|&k| crate::kinds::label(k).to_owned())
        .collect();
    if let Some(t) = names(&types, "types", level) {
        parts.push(t);
    }
    let text = one_line(q.text.trim());
    if !text.is_empty() {
        let cap = [usize::MAX, 24, 12, 8][usize::from(level)];
        parts.push(format!("\"{}\"", truncate(&text, cap)));
    }
    if parts.is_empty() {
        "no filters".to_owned()
    } else {
        parts.join(" · ")
    }
}

/// Chosen regions, outlets or types: every name, then the first and how many
/// more, then only how many.
fn names(all: &[String], what: &str, level: Level) -> Option<String> {
    let first = all.first()?;
    Some(match (level, all.len()) {
        (0 | 1, _) => all.join(", "),
        (2, 1) => truncate(first, 16),
        (2, n) => format!("{} +{}", truncate(first, 12), n - 1),
        (_, 1) => truncate(first, 9),
        (_, n) => format!("{n} {what}"),
    })
}

/// The events known only to a coarser period than the date filter, and the
/// key that shows or hides them.
fn coarser(state: &AppState, level: Level) -> Option<String> {
    if state.coarser.is_empty() {
        return None;
    }
    let n = state.coarser.len();
    let k = state.key_for(Command::Coarser).unwrap_or_default();
    let kinds = state.coarser_kinds.join("/");
    Some(match (state.query.include_coarser, level) {
        (false, 0) => format!("+{n} coarser ({kinds}): {k} shows"),
        (false, 1) => format!("+{n} coarser ({kinds}): {k}"),
        (false, 2) => format!("+{n} coarser ({k})"),
        (false, _) => format!("+{n} ({k})"),
        (true, 0) => format!("incl. {n} coarser ({kinds}): {k} hides"),
        (true, 1) => format!("incl. {n} coarser ({kinds}): {k}"),
        (true, 2) => format!("incl. {n} coarser ({k})"),
        (true, _) => format!("incl. {n} ({k})"),
    })
}

/// `reading ▰▰▰▱▱▱▱▱▱▱ 1234/5000 files (300 cached)`: the load's progress;
/// from level 1 on only the counts; `opening the snapshot of 5000 files…`
/// while the store snapshot is read.
fn loading_gauge(l: Loading, level: Level) -> String {
    const CELLS: usize = 10;
    if l.snapshot {
        return format!("opening the snapshot of {} files…", l.total);
    }
    if level > 0 {
        return format!("reading {}/{}", l.done, l.total);
    }
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
