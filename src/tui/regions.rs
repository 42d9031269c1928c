//! The regions pane's tree: every region that places an event, under the
//! regions containing it (country → oblast → town), with the branches that
//! are unfolded and the rows that are therefore shown.
//!
//! Counts are not kept here: they change with the filters and come from
//! [`crate::query::Facets`] when drawing.

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
}

/// The tree of regions, with its folding state.
#[derive(Debug, Clone, Default)]
pub struct RegionTree {
    nodes: HashMap<RegionId, Node>,
    roots: Vec<RegionId>,
    expanded: HashSet<RegionId>,
    rows: Vec<TreeRow>,
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
        let mut nodes: HashMap<RegionId, Node> = all
            .iter()
            .map(|&id| {
                let parent = gazetteer.region(id).parent.filter(|p| all.contains(p));
                (
                    id,
                    Node {
                        id,
                        parent,
                        children: Vec::new(),
                    },
                )
            })
            .collect();
        let by_name = |a: &RegionId, b: &RegionId| {
            let (ra, rb) = (gazetteer.region(*a), gazetteer.region(*b));
            (ra.kind, ra.name.to_lowercase(), a).cmp(&(rb.kind, rb.name.to_lowercase(), b))
        };
        let mut roots = Vec::new();
        for &id in &all {
            match nodes[&id].parent {
                Some(p) => nodes.get_mut(&p).expect("parent listed").children.push(id),
                None => roots.push(id),
            }
        }
        for n in nodes.values_mut() {
            n.children.sort_by(by_name);
        }
        roots.sort_by(by_name);
        let expanded = roots.iter().copied().collect();
        let mut tree = RegionTree {
            nodes,
            roots,
            expanded,
            rows: Vec::new(),
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
