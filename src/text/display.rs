//! Cleaning article text for display: Markdown links become their words,
//! emphasis markers go, whitespace collapses to single spaces, and control
//! characters and bidirectional overrides (which could drive a terminal or
//! reorder what a reader sees) are removed.

/// Whether a character must never be shown raw: C0/C1 controls (ESC among
/// them), DEL, and Unicode bidirectional embedding, override and isolate marks.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text with unsafe characters removed and all whitespace runs (newlines
/// included) collapsed to one space.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !is_unsafe_char(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Like [`plain`], and also unwraps Markdown links (`[said](#)` → `said`)
/// and drops `**`/`__` emphasis, as scraped pages often carry them.
pub fn prose(s: &str) -> String {
    plain(&unwrap_markup(s))
}

fn unwrap_markup(s: &str) -> String {
    if !s.contains(['[', '*', '_']) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            let end = target.find(')')?;
            let label = &after[..close];
            (!label.contains(['[', '\n'])).then_some((label, close + 2 + end + 1))
        });
        match link {
            Some((label, used)) => {
                out.push_str(label);
                rest = &after[used..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_trims() {
        assert_eq!(plain("  a\n b\t\tc  "), "a b c");
    }

    #[test]
    fn removes_escape_sequences_and_bidi_marks() {
        let s = "safe\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\u{202E}txt\u{9b}2J";
        let p = plain(s);
        assert!(!p.chars().any(is_unsafe_char), "{p:?}");
        assert_eq!(p, "safe[31mred]8;;http://xlinktxt2J");
    }

    #[test]
    fn unwraps_links_and_emphasis() {
        assert_eq!(
            prose("[said](#) the **analyst** at [the centre](https://x.org/a)."),
            "said the analyst at the centre."
        );
        assert_eq!(prose("a [bracket] stays"), "a [bracket] stays");
        assert_eq!(prose("unclosed [link](x"), "unclosed [link](x");
    }
}
