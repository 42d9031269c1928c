//! The language of an article: stated by the manifest or the front matter
//! (`lang`), else detected from its text by `whatlang` (trigram statistics,
//! with its confidence, 0.0–1.0). frontlog has rules for English,
//! Ukrainian and Russian; any other language is [`Lang::Other`] and read
//! with the English rules, as before.

use serde::{Deserialize, Serialize};

/// A language frontlog knows rules for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English (and anything undetected).
    #[default]
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// Another language: read with the English rules.
    Other,
}

impl Lang {
    /// The ISO 639-1 code (`en`, `uk`, `ru`), or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Other => "other",
        }
    }

    /// The English name, for the detail pane.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Ukrainian",
            Lang::Ru => "Russian",
            Lang::Other => "another language",
        }
    }

    /// A language as a manifest or front matter writes it: an ISO 639-1 or
    /// 639-3 code, a BCP 47 tag ("uk-UA"), or the English name; case is
    /// ignored. `ua` (the country code, often used for the language) is
    /// Ukrainian. Anything else is [`Lang::Other`].
    pub fn parse(s: &str) -> Lang {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" => Lang::En,
            "uk" | "ukr" | "ua" | "ukrainian" => Lang::Uk,
            "ru" | "rus" | "russian" => Lang::Ru,
            _ => Lang::Other,
        }
    }
}

/// How many bytes of an article's text detection reads: Cyrillic text
/// (two bytes a letter), and Latin text, whose trigram scoring over some
/// seventy languages costs most.
const CYRILLIC_BYTES: usize = 1536;
const LATIN_BYTES: usize = 300;

/// Latin-script languages told apart from English: the largest of the
/// European press. whatlang's cost is one profile of 300 trigrams per
/// language: scoring all of its Latin languages cost a quarter of a cold
/// ingest, and frontlog reads them all with the English rules anyway.
fn latin_detector() -> &'static whatlang::Detector {
    use whatlang::Lang as L;
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![L::Eng, L::Deu, L::Fra, L::Spa, L::Pol])
    })
}

/// The language of `text` and the detector's confidence (0.0–1.0), or
/// `None` when the text is too short or mixed to tell. Cyrillic text that
/// the detector takes for another Cyrillic language (Belarusian,
/// Bulgarian...) is decided between Ukrainian and Russian alone. Reads at
/// most [`CYRILLIC_BYTES`] of Cyrillic and [`LATIN_BYTES`] of Latin text.
pub fn detect(text: &str) -> Option<(Lang, f32)> {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(200) {
        if ('\u{400}'..='\u{52f}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    let mut end = text.len().min(if cyrillic > latin {
        CYRILLIC_BYTES
    } else {
        LATIN_BYTES
    });
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let info = if cyrillic > latin {
        whatlang::detect(sample)?
    } else {
        latin_detector().detect(sample)?
    };
    let lang = match info.lang() {
        whatlang::Lang::Eng => Lang::En,
        whatlang::Lang::Ukr => Lang::Uk,
        whatlang::Lang::Rus => Lang::Ru,
        _ if info.script() == whatlang::Script::Cyrillic => {
            let two =
                whatlang::Detector::with_allowlist(vec![whatlang::Lang::Ukr, whatlang::Lang::Rus]);
            let info = two.detect(sample)?;
            return Some((
                if info.lang() == whatlang::Lang::Ukr {
                    Lang::Uk
                } else {
                    Lang::Ru
                },
                info.confidence() as f32,
            ));
        }
        _ => Lang::Other,
    };
    Some((lang, info.confidence() as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_tags_and_names_are_read() {
        assert_eq!(Lang::parse("uk-UA"), Lang::Uk);
        assert_eq!(Lang::parse("UA"), Lang::Uk);
        assert_eq!(Lang::parse("rus"), Lang::Ru);
        assert_eq!(Lang::parse("English"), Lang::En);
        assert_eq!(Lang::parse("de"), Lang::Other);
    }

    #[test]
    fn ukrainian_russian_and_english_are_told_apart() {
        // "At night the enemy again attacked the city with drones; rescuers
        // worked until the morning, the regional administration reported."
        let uk = "Вночі ворог знову атакував місто дронами, рятувальники працювали до ранку, повідомила обласна військова адміністрація.";
        let ru = "Ночью противник снова атаковал город беспилотниками, спасатели работали до утра, сообщила областная администрация.";
        let en = "At night the enemy again attacked the city with drones; rescuers worked until morning, the regional administration said.";
        assert_eq!(detect(uk).map(|d| d.0), Some(Lang::Uk));
        assert_eq!(detect(ru).map(|d| d.0), Some(Lang::Ru));
        assert_eq!(detect(en).map(|d| d.0), Some(Lang::En));
        let (_, confidence) = detect(uk).unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
}
