//! Fitting text into cells: cutting to a display width with `…`, padding,
//! and cleaning article text so that nothing it holds can drive the
//! terminal (control characters and escape sequences are removed).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::display;

/// Display width of a string, in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut to `max` cells and padded with spaces to exactly `max`.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = truncate(s, max);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(w)));
    out
}

/// The last cells of `s` that fit in `max` (for an input line longer than
/// its row), and how many characters were dropped from the front.
pub fn tail(s: &str, max: usize) -> (String, usize) {
    let chars: Vec<char> = s.chars().collect();
    let mut used = 0;
    let mut start = chars.len();
    while start > 0 {
        let w = chars[start - 1].width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        start -= 1;
    }
    (chars[start..].iter().collect(), start)
}

/// A metadata field (title, outlet, path) on one safe line.
pub fn one_line(s: &str) -> String {
    display::plain(s)
}

/// A piece of prose cut out of a longer text, cleaned, keeping one space at
/// either end where the original had whitespace (so that pieces joined
/// again read as the whole).
pub fn piece(s: &str) -> String {
    let core = display::prose(s);
    if core.is_empty() {
        return if s.chars().any(char::is_whitespace) {
            " ".to_owned()
        } else {
            String::new()
        };
    }
    let mut out = String::with_capacity(core.len() + 2);
    if s.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&core);
    if s.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_cells() {
        assert_eq!(truncate("Kramatorsk", 20), "Kramatorsk");
        assert_eq!(truncate("Kramatorsk", 6), "Krama…");
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(width(&fit("日本", 5)), 5);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(tail("abcdef", 3), ("def".to_owned(), 3));
    }

    #[test]
    fn pieces_are_clean_and_keep_their_edges() {
        assert_eq!(piece(" on \u{1b}[31mThursday "), " on Thursday ");
        assert_eq!(piece("Kyiv"), "Kyiv");
    }
}
