//! The actors of a report, for clustering: who spoke a statement, who met
//! or called in talks or a call. What the place is to a strike, the
//! actors are to a statement or a call (the similarity of two reports
//! weighs them so).
//!
//! A statement's actors are its speaker's capitalised words
//! ([`Features::speaker`]), and so are those of a decision announced ("the
//! Pentagon said the US will deploy ..."): its voice; a call's or a
//! talk's, the names of its sentence and its capitalised first word. Each is weighted by its
//! rarity (idf), so that "Russian" or "Ukraine" weigh little and a
//! surname much.

use super::features::Features;
use crate::extract::EventType;

/// The least share of the smaller actor list's weight (idf) that the two
/// lists must share to be the same actors ([`Actors::same`]).
pub const ACTORS_MATCH: f32 = 0.6;
/// The least share of the larger list's weight that two calls or talks
/// must share ([`Actors::same`]).
pub const PARTIES_MATCH: f32 = 0.25;

/// An event's actors as (term id, idf), sorted by id, each once; empty
/// for other types than statements, calls, talks and decisions announced
/// ([`super::features::announced`]). `weigh` gives a
/// word key's id and idf (`None` for a word the corpus does not hold).
/// Takes the speaker's words out of `f`.
pub fn of_event(f: &mut Features, weigh: impl Fn(u64) -> Option<(u32, f32)>) -> Vec<(u32, f32)> {
    let keys: Vec<u64> = match f.kind {
        EventType::Statements => std::mem::take(&mut f.speaker),
        k if super::features::announced(k) => std::mem::take(&mut f.speaker),
        EventType::Calls | EventType::Talks => f
            .terms
            .iter()
            .filter(|t| t.1)
            .map(|t| t.0)
            .chain(f.opening)
            .collect(),
        _ => Vec::new(),
    };
    let mut v: Vec<(u32, f32)> = keys.into_iter().filter_map(weigh).collect();
    v.sort_unstable_by_key(|&(id, _)| id);
    v.dedup_by_key(|&mut (id, _)| id);
    v
}

/// How much two actor lists ([`of_event`]) share, by weight (idf).
pub struct Actors {
    /// The weight of the names in both lists.
    pub shared: f32,
    a: f32,
    b: f32,
}

impl Actors {
    /// `None` when either list is empty.
    pub fn of(a: &[(u32, f32)], b: &[(u32, f32)]) -> Option<Actors> {
        let mass = |v: &[(u32, f32)]| v.iter().map(|&(_, w)| w).sum::<f32>();
        let (ma, mb) = (mass(a), mass(b));
        if ma <= 0.0 || mb <= 0.0 {
            return None;
        }
        let shared = a
            .iter()
            .filter(|(t, _)| b.binary_search_by_key(t, |&(u, _)| u).is_ok())
            .map(|&(_, w)| w)
            .sum();
        Some(Actors {
            shared,
            a: ma,
            b: mb,
        })
    }

    /// The same actors: the shared weight is at least [`ACTORS_MATCH`] of
    /// the smaller list's (the weighted overlap coefficient), so a report
    /// that names fewer people matches one that names more; for calls and
    /// talks also [`PARTIES_MATCH`] of the larger list's, so that one
    /// party named alone ("the council met under President Kestrel")
    /// does not match every sentence that names him among others
    /// ("Chancellor Brandt plans to meet Kestrel and Premier Dubois").
    pub fn same(&self, kind: EventType) -> bool {
        if matches!(kind, EventType::Calls | EventType::Talks) {
            self.same_both_ways()
        } else {
            self.shared >= ACTORS_MATCH * self.a.min(self.b)
        }
    }

    /// The same actors read both ways: [`ACTORS_MATCH`] of the smaller
    /// list's weight and [`PARTIES_MATCH`] of the larger's, so that one
    /// common word ("Ukraine's ministry") does not stand for a list of
    /// names ("Ukrainian President Volodymyr Zelensky").
    pub fn same_both_ways(&self) -> bool {
        self.shared >= ACTORS_MATCH * self.a.min(self.b)
            && self.shared >= PARTIES_MATCH * self.a.max(self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_matches_a_longer_one_that_holds_it_but_parties_need_both_ways() {
        // A surname against a full title: the same speaker.
        let surname = [(7, 3.0)];
        let titled = [(1, 0.5), (2, 0.5), (6, 2.5), (7, 3.0)];
        let x = Actors::of(&surname, &titled).unwrap();
        assert!(x.same(EventType::Statements));
        // One party named alone against five people: not the same meeting.
        let many = [(3, 3.0), (4, 3.0), (5, 3.0), (6, 3.0), (7, 3.0)];
        let y = Actors::of(&surname, &many).unwrap();
        assert!(y.same(EventType::Statements) && !y.same(EventType::Talks));
        assert!(Actors::of(&[], &many).is_none());
        // A voice of one common word against a full title: covered one
        // way, not both.
        let country = [(1, 0.5)];
        let z = Actors::of(&country, &titled).unwrap();
        assert!(z.same(EventType::Statements) && !z.same_both_ways());
        assert!(x.same_both_ways(), "a surname is most of a title's weight");
    }
}
