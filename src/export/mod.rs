//! Exports of a slice of the store: a Markdown briefing and a JSON dump.
//! Both are pure functions of the store, the query and the slice; writing
//! the result to disk safely is [`write`]'s job.

pub mod json;
pub mod markdown;
pub mod write;

/// Converts byte offsets in a text to character offsets, quickly for many
/// offsets in one long text (checkpoints every [`CharIndex::STEP`] bytes).
#[derive(Debug)]
pub struct CharIndex {
    checkpoints: Vec<usize>,
}

impl CharIndex {
    /// Bytes between checkpoints.
    pub const STEP: usize = 4096;

    /// Builds the index of a text.
    pub fn new(text: &str) -> CharIndex {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut chars = 0;
        let bytes = text.as_bytes();
        for chunk in bytes.chunks(Self::STEP) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        CharIndex { checkpoints }
    }

    /// Character offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let block = byte / Self::STEP;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let start = (block * Self::STEP).min(text.len());
        base + text.as_bytes()[start..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_counting() {
        let text = "Київ – Kyiv ".repeat(1000);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().step_by(97) {
            assert_eq!(index.char_offset(&text, byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(&text, text.len()), text.chars().count());
    }
}
