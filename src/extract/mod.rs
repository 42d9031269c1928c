//! Extraction: from a [`Document`](crate::corpus::Document) to its events.

/// One dated happening.
#[derive(Debug, Clone, Default)]
pub struct Event {
    /// Index of the article in the store.
    pub doc: u32,
}
