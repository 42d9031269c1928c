//! Event types and casualty counts as the query's type facet, the
//! timeline's type column and the detail pane read them: the one place that
//! knows how an [`Event`] carries them (`Event.kind`, an
//! [`EventType`] with ACLED-style names, and `killed`/`injured`).
//!
//! A type is a [`KindId`], its position in [`EventType::ALL`], so that the
//! query and the facet counts stay plain numbers.

use std::sync::OnceLock;

use crate::extract::{Event, EventType};

/// An event type as the filters see it: its position in [`labels`].
pub type KindId = u8;

/// The display names of the event types, in display order (a [`KindId`]
/// indexes them).
pub fn labels() -> &'static [&'static str] {
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    LABELS.get_or_init(|| EventType::ALL.iter().map(|t| t.label()).collect())
}

/// Whether events carry a type (so that the type filter, column and
/// counts are worth showing).
pub fn available() -> bool {
    !labels().is_empty()
}

/// The type of an event.
pub fn of(event: &Event) -> Option<KindId> {
    EventType::ALL
        .iter()
        .position(|&t| t == event.kind)
        .map(|i| i as KindId)
}

/// The display name of a type.
pub fn label(kind: KindId) -> &'static str {
    labels().get(usize::from(kind)).copied().unwrap_or("?")
}

/// People an event's sentence says were killed and injured; `None` where
/// it gives no count.
pub fn casualties(event: &Event) -> (Option<u32>, Option<u32>) {
    (event.killed, event.injured)
}
