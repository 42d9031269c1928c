//! The regions pane's tree: every region that places an event, under the
//! regions containing it (country → oblast → town), with the branches that
//! are unfolded and the rows that are therefore shown.
//!
//! Counts are not kept here: they change with the filters and come from
//! [`crate::query::Facets`]; [`RegionTree::order`] sorts siblings by them
//! when the user asks for the busiest regions first.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::places::{Gazetteer, RegionId};

/// One shown row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeRow {
    /// The region.
    pub id: RegionId,
    /// Nesting depth (0 for countries).
    pub depth: u16,
    /// Whether the region contains other listed regions.
    pub has_children: bool,
    /// Whether those are shown.
    pub expanded: bool,
}

#[derive(Debug, Clone)]
struct Node {
    id: RegionId,
    parent: Option<RegionId>,
    children: Vec<RegionId>,
    /// Place in the whole tree's alphabetical order (kind, then name).
    rank: u32,
}

/// The tree of regions, with its folding state.
#[derive(Debug, Clone, Default)]
pub struct RegionTree {
    nodes: HashMap<RegionId, Node>,
    roots: Vec<RegionId>,
    expanded: HashSet<RegionId>,
    rows: Vec<TreeRow>,
    /// The order the siblings are in now.
    sorted: ListOrder,
}

/// How siblings in the tree (and outlets in the sources pane) are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// Alphabetically (countries before their oblasts, as built).
    #[default]
    Name,
    /// Largest count in the current slice first, ties alphabetically.
    Count,
}

impl RegionTree {
    /// The tree of the given regions and every region containing them,
    /// siblings sorted by name, the top level unfolded.
    pub fn build(gazetteer: &Gazetteer, present: impl Iterator<Item = RegionId>) -> RegionTree {
        let mut all = BTreeSet::new();
        for id in present {
            all.insert(id);
            all.extend(gazetteer.ancestors(id));
        }
        let mut ranked: Vec<RegionId> = all.iter().copied().collect();
        ranked.sort_by_cached_key(|&id| {
            let r = gazetteer.region(id);
            (r.kind, r.name.to_lowercase(), id)
        });
        let mut nodes: HashMap<RegionId, Node> = ranked
            .iter()
            .enumerate()
            .map(|(rank, &id)| {
                let parent = gazetteer.region(id).parent.filter(|p| all.contains(p));
                let node = Node {
                    id,
                    parent,
                    children: Vec::new(),
                    rank: rank as u32,
                };
                (id, node)
            })
            .collect();
        // Walking in rank order leaves every list of siblings sorted by name.
        let mut roots = Vec::new();
        for &id in &ranked {
            match nodes[&id].parent {
                Some(p) => nodes.get_mut(&p).expect("parent listed").children.push(id),
                None => roots.push(id),
            }
        }
        let expanded = roots.iter().copied().collect();
        let mut tree = RegionTree {
            nodes,
            roots,
            expanded,
            rows: Vec::new(),
            sorted: ListOrder::Name,
        };
        tree.flatten();
        tree
    }

    /// The tree of a grown set of regions, keeping this tree's folding:
    /// what was unfolded stays unfolded, and new top-level regions unfold.
    pub fn regrow(
        &self,
        gazetteer: &Gazetteer,
        present: impl Iterator<Item = RegionId>,
    ) -> RegionTree {
        let mut tree = RegionTree::build(gazetteer, present);
        let new_roots: Vec<RegionId> = tree
            .roots
            .iter()
            .copied()
            .filter(|r| !self.nodes.contains_key(r))
            .collect();
        tree.expanded = self.expanded.iter().copied().chain(new_roots).collect();
        tree.flatten();
        tree
    }

    /// Sorts every list of siblings: by name, or by `counts` (largest
    /// first, ties by name; a region missing from `counts` counts 0).
    /// Folding is kept; the caller keeps its cursor with [`Self::row_of`].
    pub fn order(&mut self, order: ListOrder, counts: &HashMap<RegionId, u32>) {
        if order == ListOrder::Name && self.sorted == ListOrder::Name {
            return;
        }
        self.sorted = order;
        let nodes = &self.nodes;
        let key = |id: &RegionId| {
            let count = match order {
                ListOrder::Name => 0,
                ListOrder::Count => counts.get(id).copied().unwrap_or(0),
            };
            (std::cmp::Reverse(count), nodes[id].rank)
        };
        let sorted: Vec<(RegionId, Vec<RegionId>)> = nodes
            .values()
            .filter(|n| n.children.len() > 1)
            .map(|n| {
                let mut c = n.children.clone();
                c.sort_by_key(key);
                (n.id, c)
            })
            .collect();
        self.roots.sort_by_key(key);
        for (id, children) in sorted {
            self.nodes.get_mut(&id).expect("listed").children = children;
        }
        self.flatten();
    }

    /// The rows shown, in order.
    pub fn rows(&self) -> &[TreeRow] {
        &self.rows
    }

    /// Number of regions in the tree (shown or folded away).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the tree has no region.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Unfolds the region of a row. Returns whether anything changed.
    pub fn unfold(&mut self, row: usize) -> bool {
        match self.rows.get(row) {
            Some(r) if r.has_children && !r.expanded => {
                self.expanded.insert(r.id);
                self.flatten();
                true
            }
            _ => false,
        }
    }

    /// Folds the region of a row if it is unfolded; otherwise returns the
    /// row of the region containing it, for the cursor to go to.
    pub fn fold(&mut self, row: usize) -> Option<usize> {
        let r = *self.rows.get(row)?;
        if r.expanded {
            self.expanded.remove(&r.id);
            self.flatten();
            return Some(row);
        }
        let parent = self.nodes[&r.id].parent?;
        self.rows.iter().position(|x| x.id == parent)
    }

    /// Unfolds every region containing `id`, so that its row shows;
    /// returns that row (`None` when the region is not in the tree).
    pub fn reveal(&mut self, id: RegionId) -> Option<usize> {
        let mut parent = self.nodes.get(&id)?.parent;
        while let Some(p) = parent {
            self.expanded.insert(p);
            parent = self.nodes.get(&p).and_then(|n| n.parent);
        }
        self.flatten();
        self.row_of(id)
    }

    /// The row of a region, if shown.
    pub fn row_of(&self, id: RegionId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    fn flatten(&mut self) {
        let mut rows = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<(RegionId, u16)> = self.roots.iter().rev().map(|&r| (r, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            let node = &self.nodes[&id];
            let expanded = self.expanded.contains(&id) && !node.children.is_empty();
            rows.push(TreeRow {
                id: node.id,
                depth,
                has_children: !node.children.is_empty(),
                expanded,
            });
            if expanded {
                stack.extend(node.children.iter().rev().map(|&c| (c, depth + 1)));
            }
        }
        self.rows = rows;
    }
}

/// Puts a region in the region filter, or takes it out (Space in the
/// regions pane, and on the map); returns whether it went in. The slice is
/// cut again.
pub fn toggle_filter(state: &mut crate::tui::state::AppState, id: RegionId) -> bool {
    let added = !state.query.regions.remove(&id);
    if added {
        state.query.regions.insert(id);
    }
    state.requery();
    added
}
