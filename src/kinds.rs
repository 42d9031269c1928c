//! The seam for event types and casualty counts: what the query's type
//! facet, the timeline's type column and the detail pane read of an event.
//!
//! Events do not carry a type yet (issue 13 adds `Event.kind`, an
//! `EventType` with ACLED-style names, and `killed`/`injured`). Until they
//! do, [`LABELS`] is empty, [`of`] gives `None` and the type facet, column
//! and casualty lines stay out of sight. Wiring them in means changing the
//! three functions below and nothing else:
//!
//! ```text
//! labels()     -> EventType::ALL labels (in display order)
//! of(e)        -> Some(e.kind as KindId)
//! casualties(e) -> (e.killed, e.injured)
//! ```

use crate::extract::Event;

/// An event type as the filters see it: its position in [`labels`].
pub type KindId = u8;

/// The display names of the event types, in display order (a [`KindId`]
/// indexes them); empty while events carry no type.
pub fn labels() -> &'static [&'static str] {
    &[]
}

/// Whether events carry a type (so that the type filter, column and
/// counts are worth showing).
pub fn available() -> bool {
    !labels().is_empty()
}

/// The type of an event; `None` while events carry none.
pub fn of(_event: &Event) -> Option<KindId> {
    None
}

/// The display name of a type.
pub fn label(kind: KindId) -> &'static str {
    labels().get(usize::from(kind)).copied().unwrap_or("?")
}

/// People an event's sentence says were killed and injured; `None` where
/// it gives no count (and always, while events carry no counts).
pub fn casualties(_event: &Event) -> (Option<u32>, Option<u32>) {
    (None, None)
}
