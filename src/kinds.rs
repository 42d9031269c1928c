//! Event types and casualty counts as the query's type facet, the
//! timeline's type column and the detail pane read them: the one place that
//! knows how an [`Event`] carries them (`Event.kind`, an
//! [`EventType`] with ACLED-style names, and `killed`/`injured`).
//!
//! A type is a [`KindId`], its position in [`EventType::ALL`], so that the
//! query and the facet counts stay plain numbers. A cluster's type and
//! casualty figures are its own ([`Cluster::kind`], [`Cluster::killed`],
//! [`Cluster::injured`]), read here too.

use std::sync::OnceLock;

use crate::cluster::Cluster;
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
    id(event.kind)
}

/// The [`KindId`] of an event type.
pub fn id(kind: EventType) -> Option<KindId> {
    EventType::ALL
        .iter()
        .position(|&t| t == kind)
        .map(|i| i as KindId)
}

/// The type of a cluster: the one most of its reports give.
pub fn of_cluster(cluster: &Cluster) -> Option<KindId> {
    id(cluster.kind)
}

/// The type written as a code of [`EventType::code`] (`battles`,
/// `explosions_remote_violence`; any case, spaces around ignored).
pub fn from_code(code: &str) -> Option<KindId> {
    EventType::from_code(&code.trim().to_lowercase()).and_then(id)
}

/// Every type's code, in [`KindId`] order (for messages that list them).
pub fn codes() -> Vec<&'static str> {
    EventType::ALL.iter().map(|t| t.code()).collect()
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

/// The lowest and highest of the figures reports give for one count.
pub type Range = (u32, u32);

/// People a cluster's reports say were killed and injured, each as the
/// lowest and highest figure given; `None` where no report gives a count.
pub fn cluster_casualties(cluster: &Cluster) -> (Option<Range>, Option<Range>) {
    (cluster.killed, cluster.injured)
}

/// A casualty line: "2 killed · 9–11 injured" (a range where the reports'
/// figures differ); `None` when there is no figure.
pub fn casualty_text(killed: Option<Range>, injured: Option<Range>) -> Option<String> {
    let part = |range: Option<Range>, what: &str| {
        range.map(|(lo, hi)| {
            if lo == hi {
                format!("{lo} {what}")
            } else {
                format!("{lo}–{hi} {what}")
            }
        })
    };
    let parts: Vec<String> = [part(killed, "killed"), part(injured, "injured")]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_ids_agree() {
        assert_eq!(codes().len(), labels().len());
        for (i, code) in codes().into_iter().enumerate() {
            assert_eq!(from_code(code), Some(i as KindId));
        }
        assert_eq!(from_code(" Battles "), Some(0));
        assert_eq!(from_code("shelling"), None);
    }

    #[test]
    fn casualties_read_as_ranges_where_figures_differ() {
        assert_eq!(casualty_text(None, None), None);
        assert_eq!(
            casualty_text(Some((2, 2)), None).as_deref(),
            Some("2 killed")
        );
        assert_eq!(
            casualty_text(Some((2, 2)), Some((9, 11))).as_deref(),
            Some("2 killed · 9–11 injured")
        );
        assert_eq!(
            casualty_text(None, Some((9, 11))).as_deref(),
            Some("9–11 injured")
        );
    }
}
