//! Stable event ids: the same event gets the same id on every run, every
//! re-ingest and every cache rebuild, as long as its file's bytes do not
//! change.
//!
//! An id is derived from what identifies the happening's report, never from
//! where it happens to sit in the store:
//! - the article's id ([`Document::id`]: the file stem, or `<stem>#<n>` for
//!   the n-th record of a many-article file);
//! - the sentence's byte span in the article's whole text (the headline
//!   event has none and is marked as the headline instead);
//! - the date's TIMEX3 value and label ([`EventDate::label`]), since one
//!   sentence with two dates gives two events.
//!
//! The hash is 64-bit FNV-1a (Fowler, Noll, Vo; a fixed, published
//! algorithm with no seed), so ids do not depend on the Rust version or the
//! platform. With 64 bits, two events of a corpus of ten million collide
//! with a probability of about 3 in a million.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::extract::{Event, EventDate};

/// A stable event id: shown and exported as 16 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventId(pub u64);

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl EventId {
    /// Parses the 16-hex-digit form that [`fmt::Display`] writes.
    pub fn parse(text: &str) -> Option<EventId> {
        if text.len() != 16 {
            return None;
        }
        u64::from_str_radix(text, 16).ok().map(EventId)
    }
}

impl Event {
    /// This event's stable id, given its article (`doc` must be the
    /// article the event's `doc` index points at).
    pub fn id(&self, doc: &Document) -> EventId {
        let mut h = Fnv::new();
        h.write(doc.id.as_bytes());
        h.write(&[0]);
        match (self.headline, self.sentence) {
            (false, Some(s)) => {
                // Offsets in the whole text, also once it is compacted.
                let start = doc.source_byte(s.start as usize) as u32;
                let end = doc.source_byte(s.end as usize) as u32;
                h.write(&start.to_le_bytes());
                h.write(&end.to_le_bytes());
            }
            _ => h.write(b"headline"),
        }
        h.write(&[0]);
        h.write(date_key(&self.date).as_bytes());
        EventId(h.finish())
    }
}

fn date_key(date: &EventDate) -> String {
    date.label()
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Fnv {
        Fnv(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of some bytes (for ids derived from other ids).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        // From the FNV reference test suite (isthe.com/chongo/tech/comp/fnv).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn ids_print_and_parse_as_sixteen_hex_digits() {
        let id = EventId(0x00ab_cdef_0123_4567);
        assert_eq!(id.to_string(), "00abcdef01234567");
        assert_eq!(EventId::parse("00abcdef01234567"), Some(id));
        assert_eq!(EventId::parse("abc"), None);
        assert_eq!(EventId::parse("zzzzzzzzzzzzzzzz"), None);
    }
}
