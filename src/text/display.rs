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
    let trimmed = s.trim();
    if already_plain(trimmed) {
        return trimmed.to_owned();
    }
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

/// Whether text has nothing for [`plain`] to change (the common case, checked
/// byte by byte): no control byte, no C1 control, no bidi mark, no run of
/// whitespace.
fn already_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..=0x1f | 0x7f => return false,
            b' ' if b.get(i + 1) == Some(&b' ') => return false,
            0xc2 if b.get(i + 1).is_some_and(|n| (0x80..=0xa0).contains(n)) => return false,
            0xd8 if b.get(i + 1) == Some(&0x9c) => return false,
            0xe2 if matches!(b.get(i + 1), Some(0x80 | 0x81)) => {
                // U+2000..U+207F: spaces, marks and isolates need the slow path.
                if b.get(i + 1) == Some(&0x80)
                    && b.get(i + 2)
                        .is_some_and(|n| !matches!(n, 0x90..=0xa6 | 0xb0..=0xba))
                {
                    return false;
                }
                if b.get(i + 1) == Some(&0x81)
                    && b.get(i + 2).is_some_and(|n| (0x9f..=0xaf).contains(n))
                {
                    return false;
                }
                i += 3;
                continue;
            }
            0xe3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => return false,
            _ => {}
        }
        i += 1;
    }
    true
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
        match link_after(after) {
            Some((label, used)) => {
                out.push_str(&after[..label]);
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

/// Text after a `[`: if it is a Markdown link's `label](target)`, the
/// label's length and the length of the whole, in bytes.
fn link_after(after: &str) -> Option<(usize, usize)> {
    let close = after.find("](")?;
    let end = after[close + 2..].find(')')?;
    (!after[..close].contains(['[', '\n'])).then_some((close, close + 2 + end + 1))
}

/// `s` with the Markdown that [`prose`] removes (a link's brackets and
/// target, `**` and `__`) blanked out by spaces, so that every byte offset
/// of `s` stays where it was: for reading the words of a piece of a
/// sentence whose offsets come from the text as written.
pub fn blank_markup(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['[', '*', '_']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.as_bytes().to_vec();
    let mut from = 0;
    while let Some(open) = s[from..].find('[').map(|i| from + i) {
        from = open + 1;
        if let Some((label, used)) = link_after(&s[from..]) {
            out[open] = b' ';
            out[from + label..from + used].fill(b' ');
            from += used;
        }
    }
    for mark in ["**", "__"] {
        for (at, _) in s.match_indices(mark) {
            out[at..at + 2].fill(b' ');
        }
    }
    // Only whole characters (ASCII marks, or all of a link's target) were
    // replaced, each byte by an ASCII space.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanked_markup_keeps_every_offset_and_reads_as_prose() {
        let s = "A **bold** claim: [the mayor said on Monday that](https://x.example/a-b) the bridge __held__.";
        let blanked = blank_markup(s);
        assert_eq!(blanked.len(), s.len());
        assert_eq!(blanked.find("said"), s.find("said"));
        let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(letters(&blanked), letters(&prose(s)));
        assert_eq!(blank_markup("no markup"), "no markup");
    }

    #[test]
    fn the_fast_path_agrees_with_the_slow_one() {
        for s in [
            "Kyiv – “quoted” text… and ‘more’ — end",
            "a\u{2003}b",
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{200b}b",
            "a\u{a0}b",
            "a\u{85}b",
            "a  b",
            "a\u{3000}b",
            "plain text.",
            "Київ",
        ] {
            let mut slow = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    space = !slow.is_empty();
                } else if !is_unsafe_char(c) {
                    if space {
                        slow.push(' ');
                        space = false;
                    }
                    slow.push(c);
                }
            }
            assert_eq!(plain(s), slow, "{s:?}");
        }
    }

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
