//! Group-average agglomerative clustering over a sparse similarity graph.
//!
//! Every report starts alone. The two groups whose average similarity
//! (the sum over every pair across them, divided by the number of pairs,
//! a missing pair counting 0) is highest are merged, while that average is
//! at least the threshold and every pair across them may be merged at all
//! (`allowed`: the same day or night, no conflicting place or quantity).
//! Unlike single linkage (chained union-find), one sentence that resembles
//! two different strikes cannot join them: its strong link to each is
//! averaged with the two strikes' weak link to each other.
//!
//! Cost: O(E log E) heap operations for E edges, plus the pairwise checks
//! of `allowed` on each merge (bounded by the sizes of the two groups).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// A weighted pair of reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// One report (an index into the nodes).
    pub a: u32,
    /// The other report.
    pub b: u32,
    /// Similarity in 0.0–1.0.
    pub similarity: f32,
}

#[derive(PartialEq)]
struct Candidate {
    average: f32,
    a: u32,
    b: u32,
    stamp: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Clusters `n` nodes: returns each node's group, numbered by the group's
/// smallest node (so a node alone is its own group). `allowed(a, b)` says
/// whether two nodes may ever share a group; `threshold` is the smallest
/// average similarity that merges two groups.
pub fn cluster(
    n: usize,
    edges: &[Edge],
    threshold: f32,
    allowed: impl Fn(u32, u32) -> bool,
) -> Vec<u32> {
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut group: Vec<u32> = (0..n as u32).collect();
    let mut version: Vec<u32> = vec![0; n];
    // links[g]: neighbouring group → summed similarity across.
    let mut links: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n];
    for e in edges {
        if e.a == e.b || e.similarity <= 0.0 {
            continue;
        }
        *links[e.a as usize].entry(e.b).or_default() += e.similarity;
        *links[e.b as usize].entry(e.a).or_default() += e.similarity;
    }
    let mut heap = BinaryHeap::new();
    for (a, l) in links.iter().enumerate() {
        for (&b, &sum) in l {
            if (a as u32) < b && sum >= threshold {
                heap.push(Candidate {
                    average: sum,
                    a: a as u32,
                    b,
                    stamp: (0, 0),
                });
            }
        }
    }
    while let Some(c) = heap.pop() {
        if c.average < threshold {
            break;
        }
        let (a, b) = (c.a as usize, c.b as usize);
        if members[a].is_empty() || members[b].is_empty() || c.stamp != (version[a], version[b]) {
            continue;
        }
        let mergeable = members[a]
            .iter()
            .all(|&x| members[b].iter().all(|&y| allowed(x, y)));
        if !mergeable {
            links[a].remove(&c.b);
            links[b].remove(&c.a);
            continue;
        }
        // Merge b into a.
        let moved = std::mem::take(&mut members[b]);
        for &m in &moved {
            group[m as usize] = c.a;
        }
        members[a].extend(moved);
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&c.b);
        for (k, sum) in b_links {
            if k == c.a {
                continue;
            }
            *links[a].entry(k).or_default() += sum;
            let kl = &mut links[k as usize];
            kl.remove(&c.b);
            *kl.entry(c.a).or_default() += sum;
        }
        version[a] += 1;
        version[b] += 1;
        let size_a = members[a].len() as f32;
        for (&k, &sum) in &links[a] {
            let average = sum / (size_a * members[k as usize].len() as f32);
            if average >= threshold {
                let (x, y) = if c.a < k { (c.a, k) } else { (k, c.a) };
                heap.push(Candidate {
                    average,
                    a: x,
                    b: y,
                    stamp: (version[x as usize], version[y as usize]),
                });
            }
        }
    }
    // Number each group by its smallest member.
    let mut smallest: Vec<u32> = vec![u32::MAX; n];
    for (i, &g) in group.iter().enumerate() {
        smallest[g as usize] = smallest[g as usize].min(i as u32);
    }
    group.iter().map(|&g| smallest[g as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: u32, b: u32, similarity: f32) -> Edge {
        Edge { a, b, similarity }
    }

    #[test]
    fn close_reports_join_and_distant_ones_stay_alone() {
        let groups = cluster(4, &[edge(0, 1, 0.9), edge(2, 3, 0.2)], 0.5, |_, _| true);
        assert_eq!(groups, vec![0, 0, 2, 3]);
    }

    #[test]
    fn one_bridging_report_does_not_chain_two_groups() {
        // 0–1 and 2–3 are two strikes; 4 resembles both.
        let edges = [
            edge(0, 1, 0.9),
            edge(2, 3, 0.9),
            edge(4, 1, 0.8),
            edge(4, 2, 0.8),
        ];
        let groups = cluster(5, &edges, 0.5, |_, _| true);
        assert_ne!(
            groups[0], groups[2],
            "the two strikes stay apart: {groups:?}"
        );
    }

    #[test]
    fn a_forbidden_pair_keeps_their_groups_apart() {
        let edges = [edge(0, 1, 0.9), edge(1, 2, 0.9), edge(0, 2, 0.9)];
        let groups = cluster(3, &edges, 0.5, |a, b| (a, b) != (0, 2) && (a, b) != (2, 0));
        assert_ne!(groups[0], groups[2]);
        assert!(groups[1] == groups[0] || groups[1] == groups[2]);
    }

    #[test]
    fn the_average_counts_missing_pairs_as_zero() {
        // A tight pair and a third that links to only one of them.
        let edges = [edge(0, 1, 0.95), edge(1, 2, 0.9)];
        assert_eq!(cluster(3, &edges, 0.5, |_, _| true), vec![0, 0, 2]);
        let edges = [edge(0, 1, 0.95), edge(1, 2, 0.9), edge(0, 2, 0.6)];
        assert_eq!(cluster(3, &edges, 0.5, |_, _| true), vec![0, 0, 0]);
    }
}
