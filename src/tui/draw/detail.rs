//! The detail pane: the selected event in full — its sentence wrapped with
//! the date expression highlighted, the normalized date and how it was
//! worked out, its places, its type (and the casualties it gives), the
//! article's title, outlet, publication date (each with where it came
//! from), URL and file, its cluster in a line, and the paragraph around the sentence with the sentence in bold; or, on a
//! cluster's row, the cluster ([`super::cluster_detail`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::corpus::Provenance;
use crate::extract::{DatePrecision, EventAnchor, Span as TextSpan};
use crate::tui::columns::date_text;
use crate::tui::draw::{cluster_detail, pane_block};
use crate::tui::rows::Row;
use crate::tui::state::{AppState, Pane};
use crate::tui::text::{one_line, piece};

const LABEL_W: usize = 11;

/// The lines of the detail pane for the selected event (before wrapping).
pub fn lines(state: &AppState) -> Vec<Line<'static>> {
    let theme = &state.settings.theme;
    if let Some(Row::Cluster(k)) = state.selected_row() {
        return cluster_detail::lines(state, k);
    }
    let Some(i) = state.selected_event() else {
        return vec![Line::styled("No event selected.", theme.muted())];
    };
    let store = &state.store;
    let e = &store.events()[i as usize];
    let doc = store.doc_of(e);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    // The sentence, with the date expression highlighted.
    let sentence = match (e.headline, e.sentence) {
        (false, Some(s)) => split_spans(&doc.text, s, e.expression, bold, theme.highlight()),
        _ => vec![Span::styled(
            one_line(&crate::text::display::prose(doc.title_or_name())),
            bold,
        )],
    };
    out.push(Line::from(sentence));
    out.push(Line::default());
    let label = |s: &str| Span::styled(format!("{s:<LABEL_W$}"), theme.muted());
    let precision = match e.date.precision {
        DatePrecision::Day if e.date.first == e.date.last => "day",
        DatePrecision::Day => "days",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    };
    let anchor = match e.anchor {
        EventAnchor::Explicit => "explicit: the sentence states the year",
        EventAnchor::Relative => {
            "relative: worked out from the publication date or an earlier date"
        }
        EventAnchor::Published => "the article's publication date (headline)",
    };
    let mut date = vec![
        label("Date"),
        Span::styled(
            date_text(&e.date, &state.settings.date_format),
            theme.fg(theme.date).add_modifier(Modifier::BOLD),
        ),
        Span::raw(if e.date.first == e.date.last {
            format!(" ({precision}) · {anchor}")
        } else {
            format!(
                " ({precision}: {} to {}) · {anchor}",
                e.date.first, e.date.last
            )
        }),
    ];
    if e.future {
        date.push(Span::styled(
            " · » after the article's date",
            theme.fg(theme.future),
        ));
    }
    out.push(Line::from(date));
    let places = e.place_summary(store.gazetteer());
    out.push(Line::from(vec![
        label("Places"),
        if places.is_empty() {
            Span::styled("none found", theme.muted())
        } else {
            Span::styled(one_line(&places), theme.fg(theme.region))
        },
    ]));
    let named = e.mention_names(store.gazetteer());
    if !named.is_empty() {
        out.push(Line::from(vec![
            label("Mentions"),
            Span::styled(one_line(&named.join(", ")), theme.muted()),
        ]));
    }
    if let Some(kind) = crate::kinds::of(e) {
        let (killed, injured) = crate::kinds::casualties(e);
        let figures = crate::kinds::casualty_text(killed.map(|k| (k, k)), injured.map(|k| (k, k)));
        let mut spans = vec![label("Type"), Span::raw(crate::kinds::label(kind))];
        if let Some(f) = figures {
            spans.push(Span::raw(format!(" · {f}")));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::from(vec![
        label("Article"),
        Span::raw(one_line(&crate::text::display::prose(doc.title_or_name()))),
    ]));
    let from = |p: Provenance| Span::styled(format!(" ({})", p.as_str()), theme.muted());
    out.push(Line::from(vec![
        label("Outlet"),
        Span::styled(one_line(doc.source_or_unknown()), theme.fg(theme.source)),
        from(doc.source.from),
    ]));
    out.extend(cluster_detail::summary(state, i));
    out.push(Line::from(vec![
        label("Published"),
        Span::raw(doc.published.value.map_or("unknown".to_owned(), |d| {
            crate::tui::columns::format_day(d, &state.settings.date_format)
        })),
        from(doc.published.from),
    ]));
    out.push(Line::from(vec![
        label("URL"),
        match &doc.url.value {
            Some(u) => Span::raw(one_line(u)),
            None => Span::styled("unknown", theme.muted()),
        },
    ]));
    if let Some(lang) = doc.lang.value {
        let how = match doc.lang_confidence {
            Some(c) => format!(" (detected, confidence {c:.2})"),
            None => format!(" ({})", doc.lang.from.as_str()),
        };
        out.push(Line::from(vec![
            label("Language"),
            Span::raw(lang.name()),
            Span::styled(how, theme.muted()),
        ]));
    }
    if let Some(o) = &doc.originator {
        out.push(Line::from(vec![label("Relays"), Span::raw(one_line(o))]));
    }
    out.push(Line::from(vec![
        label("File"),
        Span::raw(one_line(&doc.path.to_string_lossy())),
    ]));
    if let Some(p) = e.paragraph {
        out.push(Line::default());
        out.push(Line::styled("Paragraph", theme.muted()));
        let spans = match e.sentence {
            Some(s) if !e.headline => split_spans(&doc.text, p, Some(s), theme.muted(), bold),
            _ => vec![Span::styled(
                piece(&doc.text[p.range()]).trim().to_owned(),
                theme.muted(),
            )],
        };
        out.push(Line::from(spans));
    }
    out
}

/// The text of `outer`, cleaned, in three spans: before `inner`, `inner`
/// (styled `hi`), after it. `inner` outside `outer` is ignored.
fn split_spans(
    text: &str,
    outer: TextSpan,
    inner: Option<TextSpan>,
    base: Style,
    hi: Style,
) -> Vec<Span<'static>> {
    let o = outer.range();
    if o.end > text.len() || !text.is_char_boundary(o.start) || !text.is_char_boundary(o.end) {
        return vec![];
    }
    match inner {
        Some(i)
            if i.start as usize >= o.start
                && i.end as usize <= o.end
                && i.start < i.end
                && text.is_char_boundary(i.start as usize)
                && text.is_char_boundary(i.end as usize) =>
        {
            let before = piece(&text[o.start..i.start as usize]);
            let mid = piece(&text[i.range()]);
            let after = piece(&text[i.end as usize..o.end]);
            vec![
                Span::styled(before.trim_start().to_owned(), base),
                Span::styled(mid, hi),
                Span::styled(after.trim_end().to_owned(), base),
            ]
        }
        _ => vec![Span::styled(piece(&text[o]).trim().to_owned(), base)],
    }
}

/// Rows the detail pane's text takes once wrapped to `width`, for bounding
/// the scroll.
pub fn line_count(state: &AppState, width_cells: u16) -> usize {
    Paragraph::new(lines(state))
        .wrap(Wrap { trim: true })
        .line_count(width_cells.max(1))
}

/// Draws the detail pane.
pub fn render(state: &AppState, area: Rect, buf: &mut Buffer) {
    let title = match state.selected_row() {
        Some(Row::Event(_)) => format!(
            "Event {} of {}",
            state.timeline.selected + 1,
            state.visible.len()
        ),
        Some(Row::Cluster(k)) => format!("Cluster {} of {}", k + 1, state.cluster_rows.len()),
        Some(Row::Member(i)) => {
            let open = state.open.as_ref();
            let m = open.and_then(|o| o.members.iter().position(|&x| x == i));
            format!(
                "Telling {} of {} of the cluster",
                m.map_or(0, |m| m + 1),
                open.map_or(0, |o| o.members.len())
            )
        }
        None => "Event".to_owned(),
    };
    let block = pane_block(state, Pane::Detail, title);
    Paragraph::new(lines(state))
        .block(block)
        .wrap(Wrap { trim: true })
        .scroll((state.detail_scroll.min(u16::MAX as usize) as u16, 0))
        .render(area, buf);
}
