//! Embedded social-media posts in scraped pages. A live blog quotes a post
//! as its text followed by a signature line, "— Name (@handle) April 21,
//! 2022": the post was written on that day, so its "today" and "yesterday"
//! count from it, not from the page's publication date.

use std::ops::Range;

/// Most bytes between the dash that opens a signature and its `(@`.
const NAME_REACH: usize = 80;
/// Most bytes of the date after the handle's closing parenthesis.
const DATE_REACH: usize = 40;

/// The byte range of the posting date in the signature that closes `par`
/// ("— President X (@handle) April 21, 2022" → "April 21, 2022"), if the
/// paragraph ends with one. The date itself is not read here.
pub fn post_date(par: &str) -> Option<Range<usize>> {
    let text = par.trim_end();
    // The handle sits near the end: look for its "@" there only (a byte
    // search, cheap on every paragraph of a corpus).
    let from = text.len().saturating_sub(NAME_REACH + DATE_REACH);
    let at = from + memchr::memrchr(b'@', &text.as_bytes()[from..])?;
    let open = at.checked_sub(1).filter(|&o| text.as_bytes()[o] == b'(')?;
    let close = open + text[open..].find(')')?;
    let handle = &text[open + 2..close];
    if handle.is_empty()
        || !handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return None;
    }
    let date = close + 1..text.len();
    let tail = &text[date.clone()];
    if tail.len() > DATE_REACH || !tail.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A dash opens the signature a short way before the handle.
    let from = open.saturating_sub(NAME_REACH);
    let from = (from..=open)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(open);
    let before = &text[from..open];
    let dashed = before.contains('—') || before.contains('–') || before.contains(" - ");
    dashed.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_gives_its_date() {
        let par = "Today we sent more aid. — A Minister (@a_minister) May 3, 2024";
        let r = post_date(par).unwrap();
        assert_eq!(par[r].trim(), "May 3, 2024");
    }

    #[test]
    fn a_handle_inside_prose_is_no_signature() {
        assert_eq!(post_date("He wrote to (@someone) about it on May 3."), None);
        assert_eq!(
            post_date("Follow us (@outlet) for more news from Kyiv"),
            None
        );
        assert_eq!(post_date("Plain text with no handle, May 3, 2024"), None);
    }
}
