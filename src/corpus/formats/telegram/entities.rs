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
    /// Whether any part with words is bold.
    bold: bool,
    /// Whether any part with words is not bold.
    plain: bool,
    /// Bare addresses (`link` entities) left out of the line's words.
    bare: Vec<String>,
}

/// A message's headline and text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Message {
    /// The first line when it is wholly bold and more lines follow: the
    /// headline a channel sets in bold above its post. A message without
    /// one has no headline (none is guessed from its first sentence).
    pub title: Option<String>,
    /// The text, one paragraph per line.
    pub body: String,
}

/// The message's headline and text, from `text_entities`, else `text` (a
/// string, or an array of strings and `{type, text}` entities).
pub fn message(m: &Value) -> Message {
    let lines = lines_of(m);
    let first = lines.iter().position(|l| !l.text.trim().is_empty());
    let titled = first.filter(|&i| {
        let l = &lines[i];
        l.bold && !l.plain && lines[i + 1..].iter().any(|n| !n.text.trim().is_empty())
    });
    match titled {
        Some(i) => Message {
            title: Some(lines[i].text.trim().to_owned()),
            body: paragraphs(lines.into_iter().skip(i + 1).collect()),
        },
        None => Message {
            title: None,
            body: paragraphs(lines),
        },
    }
}

/// The message's text alone, one paragraph per line (its headline, if
/// any, on the first).
#[cfg(test)]
fn message_text(m: &Value) -> String {
    paragraphs(lines_of(m))
}

/// The lines of a message as its entities make them.
fn lines_of(m: &Value) -> Vec<Line> {
    let parts = match m.get("text_entities") {
        Some(Value::Array(a)) if !a.is_empty() => a.as_slice(),
        _ => match m.get("text") {
            Some(Value::String(s)) => return s.split('\n').map(plain_line).collect(),
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
            if kind == "link" && !piece.trim().is_empty() {
                // A bare address says nothing: it is kept only on a line
                // of links (below), never inside the words of a sentence.
                line.links += 1;
                line.href.get_or_insert_with(|| address(kind, piece, href));
                line.bare.push(piece.trim().to_owned());
                continue;
            }
            line.text.push_str(piece);
            let words = piece.chars().any(char::is_alphanumeric);
            if link && !piece.trim().is_empty() {
                line.links += 1;
                if line.href.is_none() {
                    line.href = Some(address(kind, piece, href));
                }
            } else if words {
                line.prose = true;
            }
            if words {
                if kind == "bold" {
                    line.bold = true;
                } else {
                    line.plain = true;
                }
            }
        }
    }
    lines
}

/// A line of plain text (a message whose `text` is a bare string).
fn plain_line(s: &str) -> Line {
    Line {
        text: s.to_owned(),
        prose: true,
        plain: true,
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
    for mut line in lines {
        if !line.prose && line.text.trim().is_empty() && !line.bare.is_empty() {
            // A line of bare addresses alone: shown as what it is.
            line.text = line.bare.join(" ");
        }
        // (Lines were cut at every newline: one line is one paragraph.)
        let t = line.text.trim();
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
    fn a_bare_address_after_a_sentence_is_left_out_of_its_words() {
        let t = text(
            r#"[{"type": "plain", "text": "Drones hit a depot near the port, the mayor said. "},
                {"type": "link", "text": "https://example.org/depot"}]"#,
        );
        assert_eq!(t, "Drones hit a depot near the port, the mayor said.");
        assert_eq!(classify(&t), LineKind::Prose);
        // Alone on its line it stays, as a link: furniture.
        let t = text(r#"[{"type": "link", "text": "https://example.org/depot"}]"#);
        assert_eq!(t, "[https://example.org/depot](https://example.org/depot)");
        assert_eq!(classify(&t), LineKind::Boilerplate);
    }

    #[test]
    fn a_wholly_bold_first_line_is_the_headline_and_a_sentence_is_not() {
        let m = |entities: &str| {
            message(&serde_json::from_str(&format!(r#"{{"text_entities": {entities}}}"#)).unwrap())
        };
        let titled = m(r#"[{"type": "bold", "text": "Port shelled"},
            {"type": "plain", "text": "\nShelling hit the port at dawn, officials said."}]"#);
        assert_eq!(titled.title.as_deref(), Some("Port shelled"));
        assert_eq!(
            titled.body,
            "Shelling hit the port at dawn, officials said."
        );
        // Bold words opening a sentence, or a plain first line: no headline.
        let opened = m(r#"[{"type": "bold", "text": "Port shelled."},
            {"type": "plain", "text": " Shelling hit the port at dawn.\nMore later."}]"#);
        assert_eq!(opened.title, None);
        let plain =
            m(r#"[{"type": "plain", "text": "On 14 February drones hit the port.\nMore later."}]"#);
        assert_eq!(plain.title, None);
        assert!(plain.body.starts_with("On 14 February"));
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
