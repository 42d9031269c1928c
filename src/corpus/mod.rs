//! The corpus: walking a folder of articles and turning each file into a
//! [`Document`] with its metadata.

/// One article: its text and metadata.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// File stem, unique in the corpus.
    pub id: String,
    /// Full text.
    pub text: String,
}
