//! Photo captions and credits: a picture's description or its credit line
//! is never the article's own reporting, its date never dates the story,
//! and the names in a credit are people and agencies, not places.
//!
//! The shapes are those of wire and newspaper photo credits (Reuters, AP,
//! AFP, Getty, tabloid "Pictured" notes), not lists of known captions.

/// Whether a line is a photo caption or credit: a picture's description
/// rather than the article's own reporting.
pub fn is_caption(line: &str) -> bool {
    const CREDITS: &[&str] = &[
        "(photo",
        "getty images",
        "/afp",
        "/ afp",
        "/reuters",
        "/ reuters",
        "/ap photo",
        "/ tass",
        "/ dpa",
        "via getty",
        "ap photo",
    ];
    let lower = line.to_lowercase();
    CREDITS
        .iter()
        .chain(CAPTION_LABELS)
        .any(|c| lower.contains(c))
}

/// The labels a caption opens with ("Photo: Firefighters at the site").
const CAPTION_LABELS: &[&str] = &[
    "photo:",
    "photo by",
    "photograph:",
    "photos:",
    "image:",
    "picture:",
    "pictured:",
    "caption:",
    "credit:",
];

/// Whether a sentence opens with a caption's label: it describes a
/// picture, whose happening the text tells (a credit glued to the start of
/// a lead, "(Jane Roe/AFP) A drone hit...", does not count).
pub fn opens_as_caption(sentence: &str) -> bool {
    let t = sentence.trim_start();
    let head = t.as_bytes();
    CAPTION_LABELS.iter().any(|label| {
        head.len() >= label.len() && head[..label.len()].eq_ignore_ascii_case(label.as_bytes())
    }) || !head.first().is_some_and(u8::is_ascii) && {
        // Cyrillic labels ("Фото: ..." = "Photo: ..."), from the data.
        let start: String = t.chars().take(24).flat_map(char::to_lowercase).collect();
        crate::text::vocab::furniture()
            .caption_labels
            .iter()
            .any(|l| start.starts_with(l.as_str()))
    }
}

/// Whether a sentence is a picture's caption or carries its credit: it
/// opens with a caption's label ("Photo: ...", "FILE - ..."), or it holds a
/// picture note ("(Pictured: ...)", "(pictured Friday)") or an agency
/// credit ("REUTERS/Jane Roe", "AFP/Getty", "via Getty Images", "Licensing
/// Rights"). Those are the shapes of wire and tabloid photo credits.
pub fn is_caption_sentence(sentence: &str) -> bool {
    let t = sentence.trim_start_matches(['(', ' ', '*', '_']);
    if opens_as_caption(t)
        || ["FILE - ", "FILE – ", "FILE — "]
            .iter()
            .any(|p| t.starts_with(p))
    {
        return true;
    }
    if ends_with_place_and_date(sentence) {
        return true;
    }
    if sentence.contains('/') && has_agency_credit(sentence) {
        return true;
    }
    crate::text::vocab::furniture().has_caption_mark(sentence)
}

/// A wire photo caption's close: the place, then the full date with no
/// preposition between them ("... in a street of Kharkiv, Ukraine April 18,
/// 2022."), as Reuters and AP captions end; prose says "on April 18".
fn ends_with_place_and_date(sentence: &str) -> bool {
    let mut t = sentence.trim_end();
    if let Some(open) = t.rfind('[').filter(|_| t.ends_with(']')) {
        t = t[..open].trim_end();
    }
    let t = t.trim_end_matches(['.', ' ']);
    // Read from the end: year, "day,", month, the word before.
    let mut words = t.rsplitn(5, ' ');
    let (Some(year), Some(day), Some(month), Some(before)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    let year_ok = year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit());
    let day_ok = day
        .strip_suffix(',')
        .is_some_and(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|c| c.is_ascii_digit()));
    let month_ok = month
        .parse::<chrono::Month>()
        .is_ok_and(|m| m.name().eq_ignore_ascii_case(month));
    let place = before.trim_end_matches(',');
    let place_ok = place.chars().next().is_some_and(char::is_uppercase)
        && place.parse::<chrono::Month>().is_err()
        && place.parse::<chrono::Weekday>().is_err();
    year_ok && day_ok && month_ok && place_ok
}

/// An agency's photo credit: a word of two or more capitals, a slash, and a
/// capitalized name ("REUTERS/Jane", "EPA-EFE/Jane", "AFP/Getty"), but not
/// an outlet's own initials ("RFE/RL").
fn has_agency_credit(s: &str) -> bool {
    let b = s.as_bytes();
    s.match_indices('/').any(|(at, _)| {
        let caps = b[..at]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase() || **c == b'-')
            .count();
        let before_ok = at == caps || !b[at - caps - 1].is_ascii_alphanumeric();
        let name = b.get(at + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(at + 2).is_some_and(u8::is_ascii_lowercase);
        caps >= 2 && before_ok && name
    })
}

/// Byte spans of photo credits in a paragraph: parentheticals that name a
/// photographer or agency ("(Photo by Jane Roe/AFP via Getty Images)",
/// "(Chris Doe/Bloomberg)") and "Photo: …" to the end of its sentence. The
/// names in a credit are people and agencies, never where an event happened.
pub fn credit_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    const WORDS: &[&str] = &[
        "photo", "getty", "afp", "reuters", "via ", "courtesy", "credit", "images", "/",
    ];
    let mut out = Vec::new();
    if !text.contains(['(', ':']) && !text.contains("Photo") {
        return out;
    }
    let mut from = 0;
    while let Some(open) = text[from..].find('(') {
        let open = from + open;
        let Some(close) = text[open..].find(')') else {
            break;
        };
        let close = open + close + 1;
        let inner = text[open + 1..close - 1].to_lowercase();
        if !inner.contains('(') && WORDS.iter().any(|w| inner.contains(w)) {
            out.push(open..close);
        }
        from = close;
    }
    for label in ["Photo:", "Photo by ", "Photograph:", "Image:"] {
        for (at, _) in text.match_indices(label) {
            let end = text[at..]
                .find(['.', '\n', ')'])
                .map_or(text.len(), |e| at + e);
            out.push(at..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_credits() {
        let t = "Leaders met in Helsinki. (Chris Doe/Bloomberg via Getty Images) Then (in March) talks.";
        let spans = credit_spans(t);
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &t[spans[0].clone()],
            "(Chris Doe/Bloomberg via Getty Images)"
        );
        let t = "Ruins of a school. Photo: Havana Smith, State Service";
        assert_eq!(
            &t[credit_spans(t)[0].clone()],
            "Photo: Havana Smith, State Service"
        );
    }
    #[test]
    fn captions() {
        assert!(is_caption(
            "Soldiers in Bakhmut. (Photo by Jane Roe/AFP via Getty Images)"
        ));
        assert!(is_caption(
            "Rescuers at work. Photo: State Emergency Service"
        ));
        assert!(!is_caption("Rescuers worked through the night."));
        assert!(opens_as_caption(
            "Photo: Firefighters at the port after the strike."
        ));
        assert!(opens_as_caption("  PICTURED: the damaged depot"));
        // "Photo: rescuers at the site" in Ukrainian.
        assert!(opens_as_caption("Фото: рятувальники на місці"));
        assert!(!opens_as_caption("Фотограф загинув під час обстрілу."));
        let glued = "(Jane Roe/AFP) A drone hit the port on Thursday.";
        assert!(is_caption(glued) && !opens_as_caption(glued));
    }
    #[test]
    fn caption_sentences() {
        for s in [
            "FILE - A tanker waits at the terminal on May 2, 2021.",
            "Officials inspect the damage (Pictured: the depot on Friday)",
            "The plant (pictured Friday) was hit again.",
            "A street after the strike, May 2, 2025. REUTERS/Jane Roe",
            "Rescuers at the site. EPA-EFE/Jane Roe",
            "Leaders meet in Helsinki, 2018. Jane Roe/File Photo Purchase Licensing Rights",
            "A man walks past a burnt car in a yard of Izium, Ukraine May 3, 2022.",
            "Smoke rises over the port, Odesa, Ukraine March 2, 2025 [Jane Roe/Wire]",
        ] {
            assert!(is_caption_sentence(s), "{s}");
        }
        for s in [
            "RFE/RL reported on Monday that the bridge was closed.",
            "The file was sent on May 2.",
            "Troops held the line, officials said.",
            "The treaty was signed in Minsk on February 12, 2015.",
            "Talks began on Thursday, February 13, 2025.",
        ] {
            assert!(!is_caption_sentence(s), "{s}");
        }
    }
}
