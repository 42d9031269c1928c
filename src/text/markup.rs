//! Where a text holds markup rather than prose: web addresses, Markdown
//! link and image targets, template tags (`{% ... %}`, `{{ ... }}`) and
//! HTML tags. A date inside them is a file name or a slug
//! (`/2021/06/29/story`, `{% post_url 2021-06-29-title %}`), never a
//! happening's date.

use std::ops::Range;

/// Byte spans of the markup in `text`, in order (they may touch, never
/// cross). Unclosed constructs run to the end of their line.
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = next_candidate(b, 0);
    while i < b.len() {
        let rest = &b[i..];
        let end = if rest.starts_with(b"{%") {
            close(text, i, "%}")
        } else if rest.starts_with(b"{{") {
            close(text, i, "}}")
        } else if rest.starts_with(b"](") {
            close(text, i, ")")
        } else if rest.starts_with(b"http://")
            || rest.starts_with(b"https://")
            || rest.starts_with(b"www.")
        {
            let len = rest
                .iter()
                .position(|c| c.is_ascii_whitespace() || matches!(c, b')' | b'"' | b'>' | b'<'))
                .unwrap_or(rest.len());
            Some(i + len)
        } else if b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
        {
            close(text, i, ">")
        } else {
            None
        };
        match end {
            Some(e) if e > i => {
                out.push(i..e);
                i = next_candidate(b, e);
            }
            // Candidates are ASCII bytes, so always character boundaries.
            _ => i = next_candidate(b, i + 1),
        }
    }
    out
}

/// The next byte at or after `from` where markup may start: `{`, `]`,
/// `<`, or the `h`/`w` of an address.
fn next_candidate(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    let brace = memchr::memchr3(b'{', b']', b'<', rest);
    let http = memchr::memmem::find(rest, b"http");
    let www = memchr::memmem::find(rest, b"www.");
    [brace, http, www]
        .into_iter()
        .flatten()
        .min()
        .map_or(b.len(), |at| from + at)
}

/// The end (one past `closer`) of a construct opened at `from`, or the end
/// of its line when it is never closed there.
fn close(text: &str, from: usize, closer: &str) -> Option<usize> {
    let line_end = text[from..].find('\n').map_or(text.len(), |e| from + e);
    Some(
        text[from..line_end]
            .find(closer)
            .map_or(line_end, |e| from + e + closer.len()),
    )
}

/// Whether `range` overlaps any of the sorted `spans`.
pub fn overlaps(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let first = spans.partition_point(|s| s.end <= range.start);
    spans.get(first).is_some_and(|s| s.start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn links_tags_and_addresses() {
        let text = "See [the map]({% post_url 2021-06-29-map %}) and https://x.example/2024/05/01/a, <b>now</b>.";
        assert_eq!(
            marked(text),
            [
                "]({% post_url 2021-06-29-map %})",
                "https://x.example/2024/05/01/a,",
                "<b>",
                "</b>"
            ]
        );
    }

    #[test]
    fn prose_comparisons_are_not_tags() {
        assert!(marked("Losses rose 3 < 5 in May, and {x} is text.").is_empty());
        assert!(marked("KYIV – café, «текст» — ok").is_empty());
    }

    #[test]
    fn overlap_lookup() {
        let s = vec![2..5, 10..12];
        assert!(overlaps(&s, &(4..6)));
        assert!(!overlaps(&s, &(5..10)));
        assert!(overlaps(&s, &(0..20)));
    }
}
