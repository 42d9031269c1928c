//! Where the bytes of a compacted article text came from.
//!
//! Once an article's events are found, the store keeps only the parts of
//! its text that something still reads ([`crate::ingest::compact`]): the
//! headline line, the opening, and the paragraph of every event. Those
//! parts are joined with a blank line between them, so every byte offset
//! into the kept text means something else than the same offset into the
//! file. A [`Piece`] per part records where it came from, so that what is
//! shown to the user or exported (event ids, character offsets) still
//! names the place in the whole text.

use serde::{Deserialize, Serialize};

use super::Document;

/// One kept part of an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Piece {
    /// Byte offset of the part in the kept text.
    pub at: u32,
    /// Byte offset of the part in the whole text.
    pub from: u32,
    /// Character (Unicode scalar) offset of the part in the whole text.
    pub chars: u32,
}

/// What the kept text joins its parts with.
pub const SEPARATOR: &str = "\n\n";

impl Document {
    /// Whether [`Document::text`] holds only the parts the store needs
    /// (see [`Document::pieces`]).
    pub fn is_compacted(&self) -> bool {
        !self.pieces.is_empty()
    }

    /// The piece of the kept text that holds byte `at` (the last piece
    /// starting at or before it); `None` when the text is whole.
    fn piece_of(&self, at: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.at as usize <= at);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The byte offset in the whole text of byte `at` of the kept text
    /// (the same offset when the text is whole).
    pub fn source_byte(&self, at: usize) -> usize {
        match self.piece_of(at) {
            Some(p) => p.from as usize + (at - p.at as usize),
            None => at,
        }
    }

    /// The character offset in the whole text of byte `at` of the kept
    /// text; `None` when the text is whole (the caller counts it then, as
    /// it may count many offsets of one long text at once).
    pub fn source_char(&self, at: usize) -> Option<usize> {
        let p = self.piece_of(at)?;
        let start = (p.at as usize).min(self.text.len());
        let end = at.min(self.text.len());
        let counted = self.text.get(start..end).map_or(0, |s| s.chars().count());
        Some(p.chars as usize + counted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compacted() -> Document {
        // Whole text "aé bc\n\nxx\n\nyz": kept "aé bc" and "yz".
        Document {
            text: "aé bc\n\nyz".into(),
            pieces: vec![
                Piece {
                    at: 0,
                    from: 0,
                    chars: 0,
                },
                Piece {
                    at: 8,
                    from: 12,
                    chars: 11,
                },
            ],
            ..Document::default()
        }
    }

    #[test]
    fn offsets_in_the_kept_text_name_the_place_in_the_whole_text() {
        let d = compacted();
        assert!(d.is_compacted());
        assert_eq!(d.source_byte(3), 3);
        assert_eq!(d.source_byte(8), 12);
        assert_eq!(d.source_byte(10), 14);
        assert_eq!(d.source_char(3), Some(2));
        assert_eq!(d.source_char(9), Some(12));
    }

    #[test]
    fn a_record_is_numbered_by_its_id() {
        let d = |id: &str| Document {
            id: id.into(),
            ..Document::default()
        };
        assert_eq!(d("result#12").record(), Some("12"));
        assert_eq!(d("feeds/wire#3").record(), Some("3"));
        assert_eq!(d("story").record(), None);
        assert_eq!(d("c#sharp").record(), None);
    }

    #[test]
    fn a_whole_text_maps_to_itself() {
        let d = Document {
            text: "abc".into(),
            ..Document::default()
        };
        assert!(!d.is_compacted());
        assert_eq!(d.source_byte(2), 2);
        assert_eq!(d.source_char(2), None);
    }
}
