//! How alike two reports are, and whether they may ever be one happening.
//!
//! Similarity mixes the cosine and the overlap coefficient of the two
//! sentences' word vectors, each word weighted by its inverse document
//! frequency over the corpus's events (`ln(N / df)`, so the words of every
//! report ("said", "the") weigh little and a name or a rare noun weighs
//! much), names 1.5 times. It is
//! then lowered by [`ADJACENT_DAY`] for reports a day apart, by
//! [`COARSE_DATE`] when a date spans more than a day ("last week") and by
//! [`UNPLACED`] when either report has no place.
//!
//! The actors weigh as the place does: two statements of one day by one
//! speaker (or one of them dated to a span, "last week", that holds the
//! other's day), or two calls or talks of one day between the same people,
//! are raised by [`ONE_ACTOR_ONE_DAY`], as two strikes of one type in one
//! place are by [`VIOLENCE_IN_ONE_PLACE`]; two statements whose speakers
//! share no name are lowered by [`OTHER_SPEAKER`]. A statement is spoken
//! on one day (and a call or a trip is made on one), so two sentences of
//! two days that are statements, calls, talks or untyped never merge. A
//! decision announced (a strategic development, aid, sanctions: "the
//! Pentagon said the US will deploy troops") is raised the same way against
//! a statement of its voice on its day: it is what the voice said that day.
//! Two reports of one day that carry the same quoted words are raised by
//! [`SAME_QUOTE`] ([`super::quotes`]), and a report that dates its
//! article's undated lede is scored as the higher of itself and the lede
//! ([`super::leads`]).

use chrono::{Datelike, Duration};
use rayon::prelude::*;

use super::actors::{self, Actors};
use super::agreement::{
    announces_what_was_said, is_violence, one_day, one_day_or_within, placed, places_agree,
    said_or_met_on_two_days, shares_specific_place,
};
use super::anaphora;
use super::features::{Features, announced, lead_terms};
use super::leads;
use super::linkage::Edge;
use super::quotes::Quotations;
use super::spelling;
use super::units::quantities_conflict;
use crate::extract::EventType;
use crate::store::EventStore;

/// The share of the overlap coefficient in the similarity, the rest being
/// the cosine: the overlap (shared weight over the smaller sentence's
/// weight) lets a short report match a long one that says more.
pub const OVERLAP_SHARE: f32 = 0.5;
/// The outlet of articles that name none: never "the same outlet".
const UNKNOWN_OUTLET: u32 = u32::MAX;
/// Factor when both reports have a type ([`EventType`]) and they differ.
pub const TYPE_DIFFERENT: f32 = 0.85;
/// Added (towards 1) when two reports of violence (battles, explosions and
/// remote violence, violence against civilians) or of a protest share
/// their type and a settlement or an oblast: on one day, that is most
/// often one happening.
pub const VIOLENCE_IN_ONE_PLACE: f32 = 0.25;
/// Added (towards 1) when two reports of one day are statements by one
/// speaker, or calls or talks between the same people: what the place is
/// to a strike, the actors are to a statement or a call.
pub const ONE_ACTOR_ONE_DAY: f32 = 0.25;
/// Factor when two statements' speakers share no name: two people's words
/// are two statements. (Calls and talks get no such factor: their reports
/// name different subsets of the people who met: "the envoy will arrive
/// in the capital" and "will meet President Kestrel on Tuesday".)
pub const OTHER_SPEAKER: f32 = 0.5;
/// The similarity of an anaphor ("Tuesday's attack") to the report it
/// refers back to ([`super::anaphora`]).
pub const ANAPHOR_LINK: f32 = 0.9;
/// Added (towards 1) when two reports of one day carry the same quoted
/// words ([`super::quotes`]), unless they are statements of two speakers
/// who share no name (one quoting the other).
pub const SAME_QUOTE: f32 = 0.35;
/// Factor for reports on adjacent days (a night spans two).
pub const ADJACENT_DAY: f32 = 0.6;
/// Factor when either date spans more than one day.
pub const COARSE_DATE: f32 = 0.85;
/// Factor when either report has no place.
pub const UNPLACED: f32 = 0.85;
/// Weight of a word written as a name.
pub const NAME_WEIGHT: f32 = 1.5;
/// How much two articles' leads being alike (cosine, 0–1) raises the
/// similarity of their sentences: by up to this share of itself. Reports in
/// articles about one story are more likely one happening.
pub const LEAD_BOOST: f32 = 1.5;
/// Words per event that find candidates (its rarest): two reports of one
/// happening share at least one rare word, and indexing every word would
/// make the index as large as the corpus.
pub const KEY_TERMS: usize = 16;
/// A word that more than this many events use within three days finds no
/// candidates there: on that day it names no one happening (a busy day's
/// "drones"), and following it would make the search quadratic.
pub const MAX_SHARERS: usize = 32;
/// Pairs below this similarity are not kept as edges.
pub const EDGE_FLOOR: f32 = 0.1;
/// A quantity's unit must be at least this rare (idf) to refuse a merge:
/// "82 drones" against "22 drones", not "5 and" against "3 and".
pub const UNIT_MIN_IDF: f32 = 2.0;
/// Words found in more than this share of events (but at least
/// [`COMMON_FLOOR`] events) find no candidates (they still count in the
/// similarity).
pub const COMMON_SHARE: f64 = 0.1;
/// See [`COMMON_SHARE`].
pub const COMMON_FLOOR: u32 = 50;

/// Features of every event of a store, weighted, with the checks between
/// two of them.
pub struct Scorer {
    /// Per article: its lead's words (keyed by the low bits of their
    /// stems' hashes), weighted, sorted.
    leads: Vec<Vec<(u32, f32)>>,
    lead_norms: Vec<f32>,
    /// Each event's article.
    doc_of: Vec<u32>,
    feats: Vec<Features>,
    /// Per event: (term id, weight), sorted by term id.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per event, its actors as (term id, idf), sorted by id: a
    /// statement's speaker ([`Features::speaker`]), the names in a call's
    /// or a talk's sentence and its capitalised first word; empty for
    /// other types.
    actors: Vec<Vec<(u32, f32)>>,
    /// Per event, its names in Latin letters as (term id, spelling key,
    /// weight): a name spelled another way in another report counts as
    /// shared ([`spelling::respelled`]).
    names: Vec<Vec<(u32, u64, f32)>>,
    /// Per event, the report it refers back to ([`super::anaphora`]).
    alias: Vec<Option<u32>>,
    /// The quoted words of each event and those it repeats.
    quotes: Quotations,
    /// The number of events: `feats` and the lists beside it hold the
    /// events, then the leads that stand for one of them.
    events: usize,
    /// Per event, the lead that stands for it ([`super::leads`]), as an
    /// index into `feats`.
    lede_of: Vec<Option<u32>>,
    norms: Vec<f32>,
    idf: Vec<f32>,
    /// Every distinct word key, sorted (a word's id is its index).
    terms: Vec<u64>,
    common: Vec<bool>,
}

impl Scorer {
    /// Works out the features of every event of `store`. `reprint` maps
    /// each article to the first copy of its wire story.
    pub fn new(store: &EventStore, _reprint: &[u32]) -> Scorer {
        let gazetteer = store.gazetteer();
        let mut feats: Vec<Features> = store
            .events()
            .par_iter()
            .map(|e| Features {
                outlet: match store.doc_of(e).source.value {
                    Some(_) => store.source_of(e),
                    None => UNKNOWN_OUTLET,
                },
                ..Features::of(e, store.doc_of(e), gazetteer)
            })
            .collect();
        // Every distinct word, sorted, with the number of events that use
        // it; a word's id is its place in that list.
        let mut all: Vec<u64> = feats
            .par_iter()
            .flat_map_iter(|f| f.terms.iter().map(|&(t, _)| t))
            .collect();
        all.par_sort_unstable();
        let mut terms: Vec<u64> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        for run in all.chunk_by(|a, b| a == b) {
            terms.push(run[0]);
            df.push(run.len() as u32);
        }
        drop(all);
        let id_of = |t: u64| terms.binary_search(&t).ok().map(|i| i as u32);
        let n = feats.len().max(1) as f32;
        let idf: Vec<f32> = df.iter().map(|&d| (n / d as f32).ln().max(0.0)).collect();
        let limit = ((feats.len() as f64 * COMMON_SHARE) as u32).max(COMMON_FLOOR);
        let common = df.iter().map(|&d| d > limit).collect();
        // Anaphors are resolved while the words are known.
        let events = feats.len();
        let mut doc_of: Vec<u32> = store.events().iter().map(|e| e.doc).collect();
        let mut alias = anaphora::antecedents(&feats, &doc_of);
        // Undated ledes, after the words' rarity is counted on the events.
        let mut lede_of = leads::append(store, &mut feats, &mut doc_of);
        alias.resize(feats.len(), None);
        // Each event's actors, before its words' keys are freed.
        let actors: Vec<Vec<(u32, f32)>> = feats
            .par_iter_mut()
            .map(|f| actors::of_event(f, |t| id_of(t).map(|id| (id, idf[id as usize]))))
            .collect();
        leads::keep_telling(&mut lede_of, &feats, &actors);
        // Names kept only when the corpus spells their key two ways: most
        // are spelled one way, and then the words already compare them.
        let respelled = spelling::spelled_two_ways(feats.iter().flat_map(|f| f.names.iter()));
        let names: Vec<Vec<(u32, u64, f32)>> = feats
            .par_iter_mut()
            .map(|f| {
                std::mem::take(&mut f.names)
                    .into_iter()
                    .filter(|(_, spelling)| respelled.contains(spelling))
                    .filter_map(|(t, spelling)| {
                        let id = id_of(t)?;
                        Some((id, spelling, idf[id as usize] * NAME_WEIGHT))
                    })
                    .collect()
            })
            .collect();
        // Quotations raise reports of one day only: others are not read.
        let quotes = Quotations::of(store, |i| feats[i].days.is_some_and(|(a, b)| a == b));
        // Each event's words as (id, weight); features keep their words
        // sorted by key, so ids come out sorted. The keys are then freed.
        let vectors: Vec<Vec<(u32, f32)>> = feats
            .par_iter_mut()
            .map(|f| {
                let v = f
                    .terms
                    .iter()
                    .filter_map(|&(t, name)| {
                        let id = id_of(t)?;
                        Some((id, idf[id as usize] * if name { NAME_WEIGHT } else { 1.0 }))
                    })
                    .collect();
                f.terms = Vec::new();
                v
            })
            .collect();
        let norms = vectors
            .iter()
            .map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
            .collect();
        // Each article's lead, weighted like the sentences (a lead word
        // found in no sentence counts as found in one).
        let leads: Vec<Vec<(u32, f32)>> = store
            .documents()
            .par_iter()
            .map(|d| {
                let mut v: Vec<(u32, f32)> = lead_terms(d)
                    .into_iter()
                    .map(|(t, name)| {
                        let w = id_of(t).map_or(n.ln(), |id| idf[id as usize]);
                        (
                            t as u32 ^ (t >> 32) as u32,
                            w * if name { NAME_WEIGHT } else { 1.0 },
                        )
                    })
                    .collect();
                v.sort_unstable_by_key(|&(t, _)| t);
                v.dedup_by_key(|&mut (t, _)| t);
                v
            })
            .collect();
        let lead_norms = leads
            .iter()
            .map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
            .collect();
        Scorer {
            leads,
            lead_norms,
            doc_of,
            feats,
            vectors,
            actors,
            names,
            alias,
            quotes,
            events,
            lede_of,
            norms,
            idf,
            terms,
            common,
        }
    }

    /// Every pair of events that may merge and is at least [`EDGE_FLOOR`]
    /// alike, with its similarity.
    pub fn edges(&self) -> Vec<Edge> {
        // (word, day, event) for each event's [`KEY_TERMS`] rarest words
        // (not common ones), sorted for lookups.
        let mut postings: Vec<(u32, i32, u32)> = (0..self.events)
            .into_par_iter()
            .flat_map_iter(|i| {
                let mut out = Vec::new();
                if let Some((first, last)) = self.feats[i].days {
                    // A report is found by its lede's words too.
                    let mut keys = self.key_terms(i);
                    if let Some(l) = self.lede_of[i] {
                        keys.extend(self.key_terms(l as usize));
                    }
                    let (from, to) = (first.num_days_from_ce(), last.num_days_from_ce());
                    for day in from..=to {
                        out.extend(keys.iter().map(|&t| (t, day, i as u32)));
                    }
                }
                out
            })
            .collect();
        postings.par_sort_unstable();
        // Each event looks up all its words on its days and the days
        // around: a pair is found when a word of one is a key of the other.
        let mut edges: Vec<Edge> = (0..self.events)
            .into_par_iter()
            .flat_map_iter(|i| {
                let mut near: Vec<u32> = Vec::new();
                if let Some((first, last)) = self.feats[i].days {
                    let from = (first - Duration::days(1)).num_days_from_ce();
                    let to = (last + Duration::days(1)).num_days_from_ce();
                    let lede = self.lede_of[i].map_or(&[][..], |l| &self.vectors[l as usize]);
                    for &(t, _) in self.vectors[i].iter().chain(lede) {
                        if self.common[t as usize] {
                            continue;
                        }
                        let at = postings.partition_point(|&(w, d, _)| (w, d) < (t, from));
                        let end = at
                            + postings[at..]
                                .iter()
                                .take(MAX_SHARERS + 1)
                                .take_while(|&&(w, d, _)| w == t && d <= to)
                                .count();
                        if end - at > MAX_SHARERS {
                            continue;
                        }
                        near.extend(
                            postings[at..end]
                                .iter()
                                .map(|&(_, _, j)| j)
                                .filter(|&j| j as usize != i),
                        );
                    }
                }
                near.sort_unstable();
                near.dedup();
                near.into_iter().filter_map(move |j| {
                    let (a, b) = if (i as u32) < j {
                        (i as u32, j)
                    } else {
                        (j, i as u32)
                    };
                    if !self.allowed(a as usize, b as usize) {
                        return None;
                    }
                    let s = self.similarity(a as usize, b as usize);
                    (s >= EDGE_FLOOR).then_some(Edge {
                        a,
                        b,
                        similarity: s,
                    })
                })
            })
            .collect();
        edges.extend(anaphora::edges(
            &self.alias,
            &edges,
            |a, b| self.allowed(a, b),
            |a, b| self.similarity(a, b),
        ));
        edges.par_sort_unstable_by_key(|e| (e.a, e.b));
        edges.dedup_by_key(|e| (e.a, e.b));
        edges
    }

    /// An event's rarest [`KEY_TERMS`] words (by weight), leaving out
    /// common ones.
    fn key_terms(&self, i: usize) -> Vec<u32> {
        let mut terms: Vec<(u32, f32)> = self.vectors[i]
            .iter()
            .copied()
            .filter(|&(t, _)| !self.common[t as usize])
            .collect();
        terms.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        terms.truncate(KEY_TERMS);
        terms.into_iter().map(|(t, _)| t).collect()
    }

    /// How alike two events are, 0.0–1.0 (see the module's overview). An
    /// anaphor ([`super::anaphora`]) is as alike to a report as its
    /// antecedent is, and [`ANAPHOR_LINK`] alike to the antecedent; a
    /// report that dates its article's lede ([`super::leads`]) as alike as
    /// the lede is. Of every pair of readings the highest counts.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        let (ta, tb) = (self.alias[a], self.alias[b]);
        if ta == Some(b as u32) || tb == Some(a as u32) || ta.is_some() && ta == tb {
            return ANAPHOR_LINK;
        }
        // Each report is read as itself, as the report it refers back to
        // and as its article's lede; the best reading of the pair counts.
        let readings = |i: usize| {
            [Some(i as u32), self.alias[i], self.lede_of[i]]
                .into_iter()
                .flatten()
                .map(|x| x as usize)
        };
        let mut s = 0.0f32;
        for x in readings(a) {
            for y in readings(b) {
                s = s.max(self.own_similarity(x, y));
            }
        }
        s
    }

    /// [`Scorer::similarity`] of the two reports' own features.
    fn own_similarity(&self, a: usize, b: usize) -> f32 {
        let (fa, fb) = (&self.feats[a], &self.feats[b]);
        let norm = self.norms[a] * self.norms[b];
        if norm == 0.0 {
            return 0.0;
        }
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        let shared = dot(va, vb) + spelling::respelled(&self.names[a], &self.names[b], va, vb);
        let cosine = (shared / norm).min(1.0);
        let mass = |v: &[(u32, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>();
        let overlap = shared / mass(va).min(mass(vb)).max(f32::EPSILON);
        let mut s = (1.0 - OVERLAP_SHARE) * cosine + OVERLAP_SHARE * overlap.min(1.0);
        if let (Some(da), Some(db)) = (fa.days, fb.days) {
            if da.0 != da.1 || db.0 != db.1 {
                s *= COARSE_DATE;
            } else if da.0 != db.0 {
                s *= ADJACENT_DAY;
            }
        }
        let (da, db) = (self.doc_of[a] as usize, self.doc_of[b] as usize);
        // The leads are compared only where they can matter (the dot
        // product of two leads costs more than the rest).
        if da != db && s > 0.0 && s * (1.0 + LEAD_BOOST) >= EDGE_FLOOR {
            let norm = self.lead_norms[da] * self.lead_norms[db];
            if norm > 0.0 {
                let lead = dot(&self.leads[da], &self.leads[db]) / norm;
                s *= 1.0 + LEAD_BOOST * lead;
            }
        }
        if placed(fa) != placed(fb) || !placed(fa) {
            s *= UNPLACED;
        }
        let typed = |k: EventType| k != EventType::Other;
        if typed(fa.kind) && typed(fb.kind) && fa.kind != fb.kind {
            s *= TYPE_DIFFERENT;
        }
        if fa.kind == fb.kind && is_violence(fa.kind) && shares_specific_place(fa, fb) {
            s += VIOLENCE_IN_ONE_PLACE * (1.0 - s);
        }
        let actors = Actors::of(&self.actors[a], &self.actors[b]);
        // Two statements whose speakers share no name: one quoting the
        // other is two statements.
        let two_speakers = fa.kind == EventType::Statements
            && fb.kind == EventType::Statements
            && actors.as_ref().is_some_and(|x| x.shared == 0.0);
        if let Some(actors) = actors {
            if fa.kind == fb.kind && !announced(fa.kind) {
                if actors.same(fa.kind) && one_day_or_within(fa, fb, fa.kind) {
                    s += ONE_ACTOR_ONE_DAY * (1.0 - s);
                } else if fa.kind == EventType::Statements && actors.shared == 0.0 {
                    s *= OTHER_SPEAKER;
                }
            } else if announces_what_was_said(fa.kind, fb.kind)
                && actors.same_both_ways()
                && one_day(fa, fb)
            {
                s += ONE_ACTOR_ONE_DAY * (1.0 - s);
            }
        }
        if one_day(fa, fb) && !two_speakers && self.quotes.shared(a, b) {
            s += SAME_QUOTE * (1.0 - s);
        }
        s
    }

    /// Whether two events are statements of one speaker on one day, or a
    /// statement and a decision its voice announced that day
    /// ([`announces_what_was_said`]): the places their words name are what
    /// was spoken of (or where the decision applies), so they may differ.
    fn one_speaker_one_day(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.feats[a], &self.feats[b]);
        let statements = fa.kind == EventType::Statements && fb.kind == EventType::Statements;
        let announced = announces_what_was_said(fa.kind, fb.kind);
        (statements || announced)
            && one_day(fa, fb)
            && Actors::of(&self.actors[a], &self.actors[b]).is_some_and(|x| {
                if announced {
                    x.same_both_ways()
                } else {
                    x.same(EventType::Statements)
                }
            })
    }

    /// Whether two events may ever be reports of one happening
    /// ([`Scorer::refusal`] finds no reason against it).
    pub fn allowed(&self, a: usize, b: usize) -> bool {
        self.refusal(a, b).is_none()
    }

    /// Debugging aid: why two events may not merge ("ok" when they may).
    pub fn why_not(&self, a: usize, b: usize) -> &'static str {
        self.refusal(a, b).unwrap_or("ok")
    }

    /// Why two events can never be reports of one happening, if they can
    /// not: a date coarser than [`super::features::MAX_SPAN_DAYS`]
    /// ("coarse"); days more than one apart, or two sentences of two days
    /// that are statements, calls, talks or untyped
    /// ("days"); two dates of one sentence ("sentence"); places that
    /// differ, unless both are one speaker's statements of one day
    /// ("place"); a conflicting quantity ("quantity"). An anaphor
    /// ([`super::anaphora`]) is refused what its antecedent is refused.
    fn refusal(&self, a: usize, b: usize) -> Option<&'static str> {
        self.own_refusal(a, b).or_else(|| {
            [(self.alias[a], b), (self.alias[b], a)]
                .into_iter()
                .filter_map(|(t, other)| Some((t? as usize, other)))
                .filter(|&(t, other)| t != other)
                .find_map(|(t, other)| self.own_refusal(t, other))
        })
    }

    /// [`Scorer::refusal`] on the two reports' own features.
    fn own_refusal(&self, a: usize, b: usize) -> Option<&'static str> {
        let (fa, fb) = (&self.feats[a], &self.feats[b]);
        let (Some(da), Some(db)) = (fa.days, fb.days) else {
            return Some("coarse");
        };
        let gap = (db.0 - da.1).num_days().max((da.0 - db.1).num_days());
        if gap > 1 || said_or_met_on_two_days(fa, fb) {
            Some("days")
        } else if fa.sentence.is_some() && fa.sentence == fb.sentence {
            Some("sentence")
        } else if !places_agree(fa, fb) && !self.one_speaker_one_day(a, b) {
            Some("place")
        } else if self.quantities_conflict(fa, fb) {
            Some("quantity")
        } else {
            None
        }
    }

    fn quantities_conflict(&self, fa: &Features, fb: &Features) -> bool {
        let same_outlet = fa.outlet == fb.outlet && fa.outlet != UNKNOWN_OUTLET;
        quantities_conflict(fa, fb, same_outlet, |u| self.unit_is_rare(u))
    }

    fn unit_is_rare(&self, key: u64) -> bool {
        self.terms
            .binary_search(&key)
            .is_ok_and(|t| self.idf[t] >= UNIT_MIN_IDF)
    }

    /// The member most alike to the others (summed similarity), the
    /// earliest on a tie; an anaphor ("Tuesday's attack") only when every
    /// member is one.
    pub fn medoid(&self, members: &[u32]) -> u32 {
        let told = |m: &u32| self.alias[*m as usize].is_none();
        let first = members.iter().copied().find(told).unwrap_or(members[0]);
        if members.len() <= 2 {
            return first;
        }
        let mut best = (first, f32::MIN);
        for &m in members
            .iter()
            .filter(|m| told(m) || !members.iter().any(told))
        {
            let sum: f32 = members
                .iter()
                .filter(|&&o| o != m)
                .map(|&o| self.similarity(m as usize, o as usize))
                .sum();
            if sum > best.1 {
                best = (m, sum);
            }
        }
        best.0
    }
}

/// The dot product of two sparse vectors sorted by key.
fn dot(va: &[(u32, f32)], vb: &[(u32, f32)]) -> f32 {
    let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
    while x < va.len() && y < vb.len() {
        match va[x].0.cmp(&vb[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                dot += va[x].1 * vb[y].1;
                x += 1;
                y += 1;
            }
        }
    }
    dot
}
