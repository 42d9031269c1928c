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

/// Text with terminal escape sequences and unsafe characters removed, and
/// all whitespace runs (newlines included) collapsed to one space. A whole
/// sequence goes, not just its ESC: `ESC [ … final`, `ESC ] … BEL` or
/// `ESC ] … ESC \`, their C1 forms, and two-character `ESC x` escapes.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | '_' | '^' | 'X') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' | '\u{98}' => skip_string(&mut chars),
            c if c.is_whitespace() => space = !out.is_empty(),
            c if is_unsafe_char(c) => {}
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// Skips a control sequence's parameters and its final byte (0x40–0x7E).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips an OSC/DCS/APC string up to BEL, ST (`ESC \`) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
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
        let s = "safe\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{1b}\\ \u{202E}txt\u{9b}2J end";
        let p = plain(s);
        assert!(!p.chars().any(is_unsafe_char), "{p:?}");
        assert_eq!(p, "saferedlink txt end");
        assert_eq!(
            plain("a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}]0;title\u{1b}\\c\u{1b}=d"),
            "abcd"
        );
        assert_eq!(plain("unterminated \u{1b}]0;title"), "unterminated");
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
