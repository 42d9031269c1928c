//! Abandoning work that newer input has made moot: a text-filter query
//! still running when the next key is waiting (issue 16: keys typed faster
//! than a query are not each answered in full).
//!
//! The terminal's input thread counts the keys it hands over, and the
//! event loop the keys it has taken ([`Keys`]); a query takes an
//! [`Interrupt`] when it starts and looks at it between pieces of its
//! work. Once a key is waiting (handed over, not yet taken), the query
//! stops early and its caller throws its partial answer away. The counts
//! only grow, so a caller that finds [`Interrupt::fired`] false after the
//! work knows that no piece of it stopped early.

use std::sync::atomic::{AtomicU64, Ordering};

/// The keys the input thread has handed over and the event loop has
/// taken, shared between them (in an `Arc`).
#[derive(Debug, Default)]
pub struct Keys {
    sent: AtomicU64,
    taken: AtomicU64,
}

impl Keys {
    /// Counts a key handed over (by the input thread, just before it
    /// sends it, so that `taken` never runs ahead of `sent`).
    pub fn sent(&self) {
        self.sent.fetch_add(1, Ordering::Release);
    }

    /// Counts a key taken (by the event loop, as it receives it).
    pub fn taken(&self) {
        self.taken.fetch_add(1, Ordering::Release);
    }
}

/// Whether a key is waiting that was not when a piece of work started.
/// Cheap to copy and to ask (one atomic load), and `Sync`, so every
/// core's piece of a parallel pass may ask it.
#[derive(Debug, Clone, Copy)]
pub struct Interrupt<'a> {
    sent: Option<&'a AtomicU64>,
    at: u64,
}

impl Interrupt<'static> {
    /// Never fires: for work nobody waits to interrupt (an export, a test,
    /// a query an action needs in full).
    pub const NEVER: Interrupt<'static> = Interrupt { sent: None, at: 0 };
}

impl<'a> Interrupt<'a> {
    /// Fires once more keys have been handed over than the event loop has
    /// taken now: at once if one is already waiting.
    pub fn waiting(keys: &'a Keys) -> Interrupt<'a> {
        Interrupt {
            sent: Some(&keys.sent),
            at: keys.taken.load(Ordering::Acquire),
        }
    }

    /// Whether a key is waiting (see [`Interrupt::waiting`]). The input
    /// thread counts a key sent before the loop can take it, so once true
    /// this stays true.
    pub fn fired(&self) -> bool {
        self.sent
            .is_some_and(|k| k.load(Ordering::Acquire) > self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_fires_while_a_key_waits_and_never_does_unasked() {
        let keys = Keys::default();
        let stop = Interrupt::waiting(&keys);
        assert!(!stop.fired(), "nothing sent");
        keys.sent();
        assert!(stop.fired(), "sent after the work started");
        assert!(Interrupt::waiting(&keys).fired(), "sent before, not taken");
        keys.taken();
        assert!(!Interrupt::waiting(&keys).fired(), "taken");
        assert!(!Interrupt::NEVER.fired());
    }
}
