/// The shape of the indicator tree, derived from each node's `parent`.
///
/// Kept apart from `Project` because it is computed, never stored: editing a `parent` only needs
/// a rebuild. A node whose parent is missing or that sits in a cycle is treated as a root so
/// everything stays reachable; `check` reports the cause.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    pub parent: Vec<Option<usize>>,
    pub children: Vec<Vec<usize>>,
    /// 1 for level-1 indicators.
    pub depth: Vec<usize>,
    pub roots: Vec<usize>,
}

impl Tree {
    pub fn build(project: &super::Project) -> Tree {
        let n = project.indicators.len();
        let index = project.code_index();
        let mut parent: Vec<Option<usize>> = project
            .indicators
            .iter()
            .map(|ind| ind.parent.as_deref().and_then(|p| index.get(p).copied()))
            .collect();
        // Break cycles: walk up from each node; only a node the walk comes back to is in a
        // cycle, and cutting its link leaves the nodes hanging below the cycle attached.
        for start in 0..n {
            let mut steps = 0;
            let mut at = parent[start];
            while let Some(p) = at {
                if p == start {
                    parent[start] = None;
                    break;
                }
                steps += 1;
                if steps > n {
                    break;
                }
                at = parent[p];
            }
        }
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        let mut depth = vec![0; n];
        let mut stack: Vec<(usize, usize)> = roots.iter().map(|&r| (r, 1)).collect();
        while let Some((i, d)) = stack.pop() {
            depth[i] = d;
            stack.extend(children[i].iter().map(|&c| (c, d + 1)));
        }
        Tree {
            parent,
            children,
            depth,
            roots,
        }
    }

    pub fn is_leaf(&self, i: usize) -> bool {
        self.children[i].is_empty()
    }

    /// Nodes in depth-first tree order (parents before children, siblings in file order).
    pub fn preorder(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.parent.len());
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.children[i].iter().rev());
        }
        out
    }

    /// Leaves under `i` (or `i` itself when it is a leaf).
    pub fn leaves_under(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![i];
        while let Some(j) = stack.pop() {
            if self.is_leaf(j) {
                out.push(j);
            } else {
                stack.extend(self.children[j].iter().rev());
            }
        }
        out
    }

    /// `i` and its ancestors up to the root.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut at = self.parent[i];
        while let Some(p) = at {
            out.push(p);
            at = self.parent[p];
        }
        out
    }
}
