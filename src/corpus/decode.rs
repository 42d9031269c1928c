//! Turning a file's bytes into text: byte-order marks, UTF-16, legacy 8-bit
//! text (its encoding guessed by `chardetng`, decoded by `encoding_rs`:
//! Windows-1251, KOI8-R, Windows-1252...) and binary files.
//!
//! Text that is almost UTF-8 is decoded lossily (a stray bad byte becomes
//! U+FFFD) rather than rejected; a file that looks binary is refused with the
//! reason.

/// Why a file's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// The file holds no bytes (or only whitespace).
    Empty,
    /// The file looks binary (NUL bytes or a known binary signature).
    Binary(&'static str),
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty file"),
            NotText::Binary(what) => write!(f, "not text ({what})"),
        }
    }
}

/// Decodes a file's bytes to text.
pub fn decode(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return non_empty(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return non_empty(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return non_empty(utf16(rest, u16::from_be_bytes));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(NotText::Binary(kind));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return match utf16_without_bom(head) {
            Some(true) => non_empty(utf16(bytes, u16::from_le_bytes)),
            Some(false) => non_empty(utf16(bytes, u16::from_be_bytes)),
            None => Err(NotText::Binary("it contains NUL bytes")),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => non_empty(text.to_owned()),
        Err(_) if looks_single_byte(bytes) => non_empty(legacy(bytes)),
        Err(_) => non_empty(String::from_utf8_lossy(bytes).into_owned()),
    }
}

fn non_empty(text: String) -> Result<String, NotText> {
    if text.trim().is_empty() {
        Err(NotText::Empty)
    } else {
        Ok(text)
    }
}

/// Magic numbers of common binary formats that may hide behind a `.txt` name.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "an executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Guesses the byte order of BOM-less UTF-16 from where the NUL bytes fall
/// (ASCII text has them in every other byte): `Some(true)` for little-endian.
fn utf16_without_bom(head: &[u8]) -> Option<bool> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(true)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Text in a legacy 8-bit encoding, which `chardetng` (Firefox's detector)
/// guesses from the byte statistics and `encoding_rs` decodes: Windows-1251
/// or KOI8-R for Ukrainian and Russian, Windows-1252 for Western text.
fn legacy(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// Whether invalid UTF-8 is better read as a single-byte legacy encoding:
/// true when no byte sequence in the file is a valid multi-byte UTF-8 character.
fn looks_single_byte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.bytes().any(|b| b >= 0x80),
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                if valid.iter().any(|&b| b >= 0x80) {
                    return false;
                }
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_passes_through() {
        assert_eq!(decode("Kyiv – Київ".as_bytes()).unwrap(), "Kyiv – Київ");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "Odesa, May 2"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Odesa, May 2"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend(&le);
        let mut be_bom = vec![0xFE, 0xFF];
        be_bom.extend(&be);
        for bytes in [&le, &be, &le_bom, &be_bom] {
            assert_eq!(decode(bytes).unwrap(), "Odesa, May 2");
        }
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        assert_eq!(decode(b"caf\xE9 \x93quoted\x94").unwrap(), "café “quoted”");
    }

    #[test]
    fn cyrillic_8_bit_text_is_read_in_its_encoding() {
        let uk =
            "Уночі російські дрони атакували Харків та Одесу, повідомила обласна адміністрація.";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(uk);
        assert_eq!(decode(&cp1251).unwrap(), uk);
        let ru = "Вечером беспилотники атаковали Белгород, сообщил губернатор области.";
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(ru);
        assert_eq!(decode(&koi8).unwrap(), ru);
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_is_lossy() {
        let text = decode(b"Kyiv \xE2\x80\x93 bad \xFF byte").unwrap();
        assert_eq!(text, "Kyiv – bad \u{FFFD} byte");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Binary("a PNG image"))
        );
        assert!(matches!(
            decode(b"abc\0\x01\x02\x03\0\0\xff"),
            Err(NotText::Binary(_))
        ));
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(decode(b"  \n\t\n"), Err(NotText::Empty));
    }
}
