//! The Markdown briefing: a heading, the filters that made the slice and
//! when, the events grouped under one heading per date in chronological
//! order (each with its places, sentence, linked source and the number of
//! its article; the reports of one happening share one bullet naming its
//! outlets and originators, with the reports as sub-bullets), then the
//! numbered list of articles cited, each with its real file path. All article text is escaped so that it cannot break the
//! Markdown around it; a path's control characters are written as `\u{..}`
//! escapes, never dropped, so the path shown is the one on disk.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use chrono::{DateTime, Utc};

use crate::export::record::{EventRecord, RecordMaker};
use crate::extract::{DatePrecision, EventDate};
use crate::query::{Query, Slice};
use crate::store::EventStore;
use crate::text::display;

/// Bytes of briefing gathered before they are handed to the writer.
const FLUSH_AT: usize = 1 << 16;

/// Writes a briefing of `slice` (made with `query`), stamped with `made`
/// (UTC), into `sink` as it is made: each event's [`EventRecord`] is made
/// when its bullet is written, so memory stays flat in the slice's size
/// (but for the slice's articles and clusters, counted once). The events
/// known only to a period coarser than the date filter are said to be left
/// out (or included), with their number.
///
/// # Errors
/// `sink`'s.
pub fn write(
    store: &EventStore,
    query: &Query,
    slice: &Slice,
    made: DateTime<Utc>,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut maker = RecordMaker::new(store);
    let (coarser, coarser_kinds) = (slice.coarser.len(), slice.coarser_kinds(store));
    let slice = slice.events.as_slice();
    let mut out = String::new();
    let mut cited = BTreeSet::new();
    for &i in slice {
        cited.insert(store.events()[i as usize].doc);
    }
    // The number of each article in the "Articles cited" list, from 1.
    let number: HashMap<u32, usize> = cited.iter().enumerate().map(|(n, &d)| (d, n + 1)).collect();
    let _ = writeln!(out, "# frontlog briefing\n");
    let _ = writeln!(out, "- **Filters:** {}", escape(&query.describe(store)));
    let _ = writeln!(out, "- **Made:** {} UTC", made.format("%Y-%m-%d %H:%M"));
    let _ = writeln!(
        out,
        "- **Slice:** {} of {} events, from {} of {} articles",
        slice.len(),
        store.events().len(),
        cited.len(),
        store.documents().len()
    );
    if coarser > 0 {
        let kinds = or_list(&coarser_kinds);
        let (events, are) = if coarser == 1 {
            ("event", "is")
        } else {
            ("events", "are")
        };
        let line = if query.include_coarser {
            format!(
                "{coarser} {events} known only to a {kinds} overlapping the dates {are} included."
            )
        } else {
            format!(
                "{coarser} {events} known only to a {kinds} overlapping the dates {are} left out \
                 (`frontlog export --include-coarser` adds them)."
            )
        };
        let _ = writeln!(out, "- **Coarser dates:** {line}");
    }
    let _ = writeln!(
        out,
        "- **Dates** are calendar days as the articles give them (no time zone conversion)."
    );
    // Reports of one happening share one bullet, under the date of the
    // first of them in the slice.
    let clusters = store.clusters();
    let mut members: HashMap<u64, Vec<u32>> = HashMap::new();
    for &i in slice {
        if let Some(c) = clusters.of_event(i) {
            members.entry(c.id.0).or_default().push(i);
        }
    }
    let mut current: Option<EventDate> = None;
    for &i in slice {
        let e = &store.events()[i as usize];
        let group = clusters
            .of_event(i)
            .and_then(|c| members.get(&c.id.0).map(|m| (c, m)));
        if let Some((_, m)) = group
            && m[0] != i
        {
            continue;
        }
        if current != Some(e.date) {
            let _ = writeln!(out, "\n## {}\n", heading(&e.date));
            current = Some(e.date);
        }
        match group {
            Some((c, m)) if m.len() > 1 => {
                let lead = if m.contains(&c.best) { c.best } else { i };
                let made: Vec<EventRecord> = m.iter().map(|&k| maker.make(k)).collect();
                let members: Vec<&EventRecord> = made.iter().collect();
                let lead = maker.make(lead);
                let _ = writeln!(out, "{}", cluster_bullet(&lead, &members, &number));
                for r in members {
                    let _ = writeln!(out, "  {}", report_bullet(r, &number, Some(&lead.text)));
                }
            }
            _ => {
                let _ = writeln!(out, "{}", report_bullet(&maker.make(i), &number, None));
            }
        }
        if out.len() >= FLUSH_AT {
            sink.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    if slice.is_empty() {
        let _ = writeln!(out, "\n*No events match these filters.*");
    }
    let _ = writeln!(out, "\n## Articles cited\n");
    for (n, &d) in cited.iter().enumerate() {
        let doc = &store.documents()[d as usize];
        let title = escape(&display::prose(doc.title_or_name()));
        let title = match doc.url.value.as_deref().and_then(safe_url) {
            Some(url) => format!("[{title}](<{url}>)"),
            None => title,
        };
        let published = doc
            .published
            .value
            .map_or("date unknown".to_owned(), |p| p.to_string());
        let record = doc
            .record()
            .map_or(String::new(), |r| format!(", record {r}"));
        let _ = writeln!(
            out,
            "{}. {title} — {}, {published} — file {}{record}",
            n + 1,
            escape(doc.source_or_unknown()),
            escape_path(&doc.path.to_string_lossy())
        );
        if out.len() >= FLUSH_AT {
            sink.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    sink.write_all(out.as_bytes())
}

/// One report: "- **Places** — sentence — outlet \\[n\\]"; under a
/// cluster's bullet (`lead` its sentence), a report in the same words says
/// so instead of repeating them.
fn report_bullet(r: &EventRecord, number: &HashMap<u32, usize>, lead: Option<&str>) -> String {
    let mut line = String::from("- ");
    if lead == Some(r.text.as_str()) {
        line.push_str("*the same words*");
    } else {
        if !r.place_summary.is_empty() {
            let _ = write!(line, "**{}** — ", escape(&r.place_summary));
        }
        line.push_str(&escape(&r.text));
    }
    if r.future {
        line.push_str(" *(expected: after the article's date)*");
    }
    let _ = write!(line, " — {} \\[{}\\]", cite(r.doc), number[&r.doc_index]);
    line
}

/// The outlet, or the article's title (or file) when the outlet is unknown.
fn cite(doc: &crate::corpus::Document) -> String {
    match doc.source.value.as_deref() {
        Some(source) => source_link(source, doc.url.value.as_deref()),
        None => source_link(
            &display::prose(doc.title_or_name()),
            doc.url.value.as_deref(),
        ),
    }
}

/// A happening told by several reports (`members`, in the slice): its
/// places and best sentence, then its outlets, "(3 outlets; originator:
/// regional governor)"; the reports follow as sub-bullets.
fn cluster_bullet(
    lead: &EventRecord,
    members: &[&EventRecord],
    number: &HashMap<u32, usize>,
) -> String {
    let mut line = String::from("- ");
    if !lead.place_summary.is_empty() {
        let _ = write!(line, "**{}** — ", escape(&lead.place_summary));
    }
    // "Explosions/Remote violence, 2 killed, 9–11 injured — "
    if let Some(c) = lead.cluster {
        let mut what: Vec<String> = Vec::new();
        if c.kind != crate::extract::EventType::Other {
            what.push(c.kind.label().to_owned());
        }
        for (figures, word) in [(c.killed, "killed"), (c.injured, "injured")] {
            match figures {
                Some((lo, hi)) if lo == hi => what.push(format!("{hi} {word}")),
                Some((lo, hi)) => what.push(format!("{lo}–{hi} {word}")),
                None => {}
            }
        }
        if !what.is_empty() {
            let _ = write!(line, "*{}* — ", escape(&what.join(", ")));
        }
    }
    line.push_str(&escape(&lead.text));
    let mut outlets: Vec<String> = Vec::new();
    let mut named: BTreeSet<&str> = BTreeSet::new();
    let mut originators: Vec<&str> = Vec::new();
    let mut articles: BTreeSet<usize> = BTreeSet::new();
    for r in members {
        if let Some(source) = r.outlet() {
            named.insert(source);
        }
        let outlet = cite(r.doc);
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
        if let Some(o) = r.originator.as_deref()
            && !originators.contains(&o)
        {
            originators.push(o);
        }
        articles.insert(number[&r.doc_index]);
    }
    let count = match named.len() {
        0 => "no outlet named".to_owned(),
        1 => "1 outlet".to_owned(),
        n => format!("{n} outlets"),
    };
    let mut reports = match articles.len() {
        1 => "1 report".to_owned(),
        n => format!("{n} reports"),
    };
    // The sub-bullets are tellings: say so when an article gives two.
    if members.len() > articles.len() {
        let _ = write!(reports, " told {} times", members.len());
    }
    let mut summary = format!("{reports}, {count}");
    if !originators.is_empty() {
        let names: Vec<String> = originators.iter().map(|o| escape(o)).collect();
        let _ = write!(summary, "; originator: {}", names.join(", "));
    }
    let refs: Vec<String> = articles.iter().map(|n| format!("\\[{n}\\]")).collect();
    let _ = write!(
        line,
        " — {} ({summary}) {}",
        outlets.join(", "),
        refs.join("")
    );
    line
}

/// "year", "month or year", "week, month or year".
fn or_list(kinds: &[&str]) -> String {
    match kinds {
        [] => "coarser period".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The heading of a date group: `2025-02-13 (Thursday)`, `2025-W07 (week)`,
/// `2025-02 (month)`, `2025 (year)`.
fn heading(date: &EventDate) -> String {
    let label = date.label();
    match date.precision {
        DatePrecision::Day if date.first == date.last => {
            format!("{label} ({})", date.first.format("%A"))
        }
        DatePrecision::Day => format!("{label} (days)"),
        DatePrecision::Week => format!("{label} (week of {})", date.first.format("%-d %b")),
        DatePrecision::Month => format!("{label} (month)"),
        DatePrecision::Year => format!("{label} (year)"),
    }
}

fn source_link(source: &str, url: Option<&str>) -> String {
    match url.and_then(safe_url) {
        Some(url) => format!("[{}](<{url}>)", escape(source)),
        None => format!("*{}*", escape(source)),
    }
}

/// A URL fit for a Markdown link: http(s) only, with the characters that
/// could close the link percent-encoded.
fn safe_url(url: &str) -> Option<String> {
    let url = display::plain(url);
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return None;
    }
    Some(
        url.replace('<', "%3C")
            .replace('>', "%3E")
            .replace(' ', "%20"),
    )
}

/// Escapes text for Markdown: control characters go, whitespace collapses,
/// and every character that can open emphasis, code, a link, HTML, a table
/// cell or a heading is backslash-escaped (with `[` escaped no link can form,
/// so parentheses and `!` may stay as they are).
pub fn escape(s: &str) -> String {
    let plain = display::plain(s);
    let mut out = String::with_capacity(plain.len() + 8);
    for c in plain.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a file path for Markdown without changing it: Markdown's special
/// characters are backslash-escaped (so the rendered text is the path), and
/// control or bidirectional characters, which must not reach a reader raw,
/// are written as `\u{202e}` escapes rather than dropped.
pub fn escape_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    for c in path.chars() {
        if c.is_control() || display::is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_escaped_never_cleaned() {
        assert_eq!(escape_path("news/a_b `c`.txt"), r"news/a\_b \`c\`.txt");
        assert_eq!(
            escape_path("x/evil\u{202e}txt.md\u{1b}"),
            r"x/evil\u{202e}txt.md\u{001b}"
        );
        assert_eq!(escape_path("plain/file.txt"), "plain/file.txt");
    }

    #[test]
    fn escaping_neutralises_markdown() {
        assert_eq!(
            escape("a|b *c* _d_ [e](f) <g>"),
            r"a\|b \*c\* \_d\_ \[e\](f) \<g\>"
        );
        assert_eq!(escape("line\nbreak \u{1b}[2J"), "line break");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url("https://x.org/a b>c").as_deref(),
            Some("https://x.org/a%20b%3Ec")
        );
    }
}
