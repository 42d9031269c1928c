//! HTML fragments inside a text article: the `<p>…</p>` bodies that RSS
//! items, news APIs and some site generators hand over inside Markdown or
//! plain text.
//!
//! A line that holds paragraph or line-break markup is parsed by html5ever
//! (through `dom_query`) and written back as Markdown, one block to a line,
//! so that the rest of the pipeline sees paragraphs, not tags. A paragraph
//! that is nothing but a link becomes a bare Markdown link line, which
//! [`crate::text::lines::classify`] already takes for furniture (promo and
//! "read more" links). Lines without such markup are kept byte for byte, so
//! Markdown's own line structure is never reflowed.

use dom_query::Document as Html;

/// Block-level markup that marks a line as an HTML fragment (matched without
/// case, as the start of a tag).
const BLOCK_TAGS: &[&str] = &["<p>", "<p ", "</p>", "<br", "<div", "<li>", "<h2", "<h3"];

/// Whether a line holds block-level HTML markup.
fn has_block_markup(line: &str) -> bool {
    if !line.contains('<') {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    BLOCK_TAGS.iter().any(|t| lower.contains(t))
}

/// `text` with every line that holds block-level HTML rewritten as Markdown
/// blocks (one per line, a blank line between them); `None` when no line
/// holds any, so the caller keeps its text (and byte offsets) unchanged.
pub fn flatten(text: &str) -> Option<String> {
    if !text.split('\n').any(has_block_markup) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !has_block_markup(body) {
            out.push_str(line);
            continue;
        }
        let md = Html::from(body).md(None);
        for block in md.split('\n').map(str::trim_end) {
            out.push_str(block);
            out.push('\n');
        }
        if !line.ends_with('\n') && out.ends_with('\n') {
            out.pop();
        }
    }
    Some(out)
}

/// A one-line field (a headline) with its character references decoded and
/// any inline tags dropped, by the same HTML parser: "Talks &#8722; day two"
/// is "Talks − day two". `None` when it holds no `&` or `<` (kept as is).
pub fn plain_field(field: &str) -> Option<String> {
    if !field.contains(['&', '<']) {
        return None;
    }
    let text = Html::from(format!("<p>{field}</p>")).select("p").text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::{LineKind, classify};

    #[test]
    fn a_fields_references_and_tags_are_decoded() {
        assert_eq!(
            plain_field("Frost &#8722; 20 &amp; snow in <b>Kharkiv</b>").as_deref(),
            Some("Frost − 20 & snow in Kharkiv")
        );
        assert_eq!(plain_field("Plain headline"), None);
    }

    #[test]
    fn paragraphs_become_lines() {
        let text = "Title line\n<p>First report of the night.</p><p>Second report, &quot;quoted&quot;.</p>\n";
        let flat = flatten(text).unwrap();
        let lines: Vec<&str> = flat.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Title line",
                "First report of the night.",
                "Second report, \"quoted\"."
            ]
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_link_is_furniture() {
        let text = "<p>Troops held the line on Monday.</p><p><a href=\"https://example.org/other-story\"><strong>ANOTHER STORY IN CAPITALS ABOUT THE WAR</strong></a></p>";
        let flat = flatten(text).unwrap();
        let link = flat
            .lines()
            .find(|l| l.contains("ANOTHER STORY"))
            .expect("the link's words are kept");
        assert_eq!(classify(link), LineKind::Boilerplate, "{link}");
        let prose = flat.lines().find(|l| l.contains("Troops")).unwrap();
        assert_eq!(prose, "Troops held the line on Monday.");
    }

    #[test]
    fn a_link_inside_a_sentence_keeps_its_words() {
        let text = "<p>The plan, which <a href=\"https://example.org/x\">officials described</a> last week, stalled.</p>";
        let flat = flatten(text).unwrap();
        assert!(
            flat.contains("officials described") && flat.contains("stalled."),
            "{flat}"
        );
    }

    #[test]
    fn text_without_block_markup_is_left_alone() {
        assert_eq!(
            flatten("Plain text with a <b>bold</b> word.\nNext line.\n"),
            None
        );
    }

    #[test]
    fn markdown_lines_around_a_fragment_are_kept_byte_for_byte() {
        let text =
            "# Heading\n\nA wrapped Markdown line that\ncontinues here.\n<p>One.</p>\nTail line";
        let flat = flatten(text).unwrap();
        assert!(flat.starts_with("# Heading\n\nA wrapped Markdown line that\ncontinues here.\n"));
        assert!(flat.ends_with("Tail line"));
    }
}
