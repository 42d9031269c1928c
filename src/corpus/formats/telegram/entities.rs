//! A Telegram message's text from its entities, with the structure they
//! state handed over the way the other readers hand it over: one paragraph
//! per line, and a line made only of links (a channel's "Subscribe |
//! Send us news" footer, a row of hashtags or @mentions) written as one
//! Markdown link, which the line rules take for page furniture
//! ([`crate::text::lines::classify`]) without guessing from its words.
//!
//! Entity types follow Telegram Desktop's export: `plain`, `bold`,
//! `italic`, ... carry prose; `text_link` (with `href`), `link`, `mention`,
//! `mention_name`, `hashtag`, `cashtag`, `bot_command`, `email` and
//! `phone` point elsewhere.

use serde_json::Value;

/// Entity types that point somewhere else rather than say something.
const LINKS: &[&str] = &[
    "text_link",
    "link",
    "mention",
    "mention_name",
    "hashtag",
    "cashtag",
    "bot_command",
    "email",
    "phone",
];

/// One line being assembled.
#[derive(Default)]
struct Line {
    text: String,
    /// Link entities with visible text on the line.
    links: usize,
    /// Whether any other part of the line has a letter or digit.
    prose: bool,
    /// The first link's address.
    href: Option<String>,
}

/// The message's text: `text_entities`, else `text` (a string, or an array
/// of strings and `{type, text}` entities), one paragraph per line.
pub fn message_text(m: &Value) -> String {
    let parts = match m.get("text_entities") {
        Some(Value::Array(a)) if !a.is_empty() => a.as_slice(),
        _ => match m.get("text") {
            Some(Value::String(s)) => return paragraphs(vec![plain_line(s)]),
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        },
    };
    let mut lines = vec![Line::default()];
    for part in parts {
        let (kind, text, href) = match part {
            Value::String(s) => ("plain", s.as_str(), None),
            Value::Object(o) => (
                o.get("type").and_then(Value::as_str).unwrap_or("plain"),
                o.get("text").and_then(Value::as_str).unwrap_or(""),
                o.get("href").and_then(Value::as_str),
            ),
            _ => continue,
        };
        let link = LINKS.contains(&kind);
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            let Some(line) = lines.last_mut() else {
                continue;
            };
            line.text.push_str(piece);
            if link && !piece.trim().is_empty() {
                line.links += 1;
                if line.href.is_none() {
                    line.href = Some(address(kind, piece, href));
                }
            } else if piece.chars().any(char::is_alphanumeric) {
                line.prose = true;
            }
        }
    }
    paragraphs(lines)
}

/// A line of plain text (a message whose `text` is a bare string).
fn plain_line(s: &str) -> Line {
    Line {
        text: s.to_owned(),
        prose: true,
        ..Line::default()
    }
}

/// Where a link entity points.
fn address(kind: &str, text: &str, href: Option<&str>) -> String {
    match (href, kind) {
        (Some(h), _) => h.to_owned(),
        (None, "link") => text.trim().to_owned(),
        (None, "mention") => format!("https://t.me/{}", text.trim().trim_start_matches('@')),
        _ => "https://t.me/".to_owned(),
    }
}

/// The lines, trimmed, blank ones left out, each made only of links
/// written as one Markdown link.
fn paragraphs(lines: Vec<Line>) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        for piece in line.text.split('\n') {
            let t = piece.trim();
            if t.is_empty() {
                continue;
            }
            out.push(if line.links > 0 && !line.prose {
                // Brackets inside would end the link text early.
                let shown = t.replace(['[', ']'], "");
                let href = line.href.as_deref().unwrap_or("https://t.me/");
                format!("[{shown}]({})", href.replace([' ', '(', ')'], ""))
            } else {
                t.to_owned()
            });
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::{LineKind, classify};

    fn text(entities: &str) -> String {
        message_text(&serde_json::from_str(&format!(r#"{{"text_entities": {entities}}}"#)).unwrap())
    }

    #[test]
    fn a_footer_of_links_is_one_markdown_link_and_furniture() {
        let t = text(
            r#"[{"type": "plain", "text": "Shelling hit the harbour district at dawn.\n\n"},
                {"type": "text_link", "text": "Subscribe", "href": "https://t.me/harbourwatch"},
                {"type": "plain", "text": " | "},
                {"type": "text_link", "text": "Send us news", "href": "https://t.me/hw_bot"}]"#,
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "Shelling hit the harbour district at dawn.");
        assert_eq!(
            lines[1],
            "[Subscribe | Send us news](https://t.me/harbourwatch)"
        );
        assert_eq!(classify(lines[1]), LineKind::Boilerplate);
    }

    #[test]
    fn hashtags_and_mentions_alone_are_furniture_but_links_in_a_sentence_are_prose() {
        let t = text(
            r##"[{"type": "plain", "text": "The "},
                {"type": "text_link", "text": "air force", "href": "https://example.org/af"},
                {"type": "plain", "text": " said drones were downed over the port.\n"},
                {"type": "hashtag", "text": "#harbour"}, {"type": "plain", "text": " "},
                {"type": "mention", "text": "@harbourwatch"}]"##,
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(
            lines[0],
            "The air force said drones were downed over the port."
        );
        assert_eq!(classify(lines[0]), LineKind::Prose);
        assert_eq!(lines[1], "[#harbour @harbourwatch](https://t.me/)");
        assert_eq!(classify(lines[1]), LineKind::Boilerplate);
    }

    #[test]
    fn plain_text_is_kept_line_by_line() {
        let m = serde_json::json!({"text": "  First line.\n\n Second line. "});
        assert_eq!(message_text(&m), "First line.\nSecond line.");
        let m =
            serde_json::json!({"text": ["Drones hit the ", {"type": "bold", "text": "port"}, "."]});
        assert_eq!(message_text(&m), "Drones hit the port.");
    }
}
