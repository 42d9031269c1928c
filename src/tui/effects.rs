//! Running the [`Effect`]s that the update asks for: the only code of the
//! app, besides the event loop, that touches the outside world.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::export::{ExportFormat, write};
use crate::tui::state::AppState;

/// What an export wrote: the file, and notes for the status line (events
/// the format could not hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written.
    pub path: PathBuf,
    /// Notes from [`crate::export::Rendered::notes`].
    pub notes: Vec<String>,
}

/// Writes the visible slice in `format` (the same bytes as `frontlog export
/// --format FORMAT` with the same filters, through the same
/// [`crate::export::render`]) into the export folder (made if missing),
/// under a new name with the format's extension. Returns what was written,
/// or why it failed; an empty slice writes nothing (the update refuses it
/// first, with the reason).
pub fn export(
    state: &AppState,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<Written, String> {
    if state.visible.is_empty() {
        return Err("no event matches the filters; nothing written".to_owned());
    }
    let stem = export_stem(state, now);
    let dir = &state.settings.export_dir;
    // The folder was named in the configuration: make it on first use.
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot make the export folder {}: {e}", dir.display()))?;
    let slice = state.slice();
    let (path, notes) = write::write_new_file_with(dir, &stem, format.extension(), |out| {
        crate::export::write(&state.store, &state.query, &slice, format, now, out)
    })?;
    Ok(Written { path, notes })
}

/// The file name (without extension) of an export: `frontlog`, the filters
/// in words, and the time, e.g. `frontlog-2025-02-10-2025-02-14-drone-20250301-0912`.
pub fn export_stem(state: &AppState, now: DateTime<Utc>) -> String {
    let q = &state.query;
    let mut parts: Vec<String> = Vec::new();
    match (q.from, q.to) {
        (None, None) => {}
        (Some(f), Some(t)) if f == t => parts.push(f.to_string()),
        (f, t) => parts.push(format!(
            "{}-to-{}",
            f.map_or("start".to_owned(), |d| d.to_string()),
            t.map_or("end".to_owned(), |d| d.to_string())
        )),
    }
    let g = state.store.gazetteer();
    parts.extend(q.regions.iter().map(|&r| g.region(r).name.clone()));
    parts.extend(
        q.sources
            .iter()
            .map(|&s| state.store.sources()[s as usize].clone()),
    );
    parts.extend(q.kinds.iter().map(|&k| crate::kinds::label(k).to_owned()));
    if !q.text.trim().is_empty() {
        parts.push(q.text.trim().to_owned());
    }
    let mut filters = slug(&parts.join("-"));
    if filters.len() > 60 {
        let mut cut = 60;
        while !filters.is_char_boundary(cut) {
            cut -= 1;
        }
        filters.truncate(cut);
        filters = filters.trim_end_matches('-').to_owned();
    }
    let time = now.format("%Y%m%d-%H%M%S");
    match (filters.is_empty(), q.is_empty()) {
        (false, _) => format!("frontlog-{filters}-{time}"),
        (true, true) => format!("frontlog-all-{time}"),
        // Filters with nothing to name them by ("../" as the text).
        (true, false) => format!("frontlog-filtered-{time}"),
    }
}

/// Lower-case letters and digits, everything else one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Donetsk Oblast-The Guardian-\"drone / strike\""),
            "donetsk-oblast-the-guardian-drone-strike"
        );
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("Київ"), "київ");
    }
}
