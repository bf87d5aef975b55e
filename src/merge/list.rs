//! Lists (deductions, evidence, reviews) merged by item: their items carry no identity, so each
//! side's list is aligned with the base by equality (longest common subsequence); what is left
//! between two matched items is a replacement when both sides have one there, else an
//! addition or a removal.

/// What one side did to one base item.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot<T> {
    Kept,
    Removed,
    Replaced(T),
}

/// One side's list in terms of the base list.
#[derive(Debug, Clone, PartialEq)]
pub struct Align<T> {
    /// One per base item.
    pub slots: Vec<Slot<T>>,
    /// `adds[k]`: items the side put before base item `k` (`adds[base.len()]`: at the end).
    pub adds: Vec<Vec<T>>,
}

/// Aligns `side` with `base`. Lists are short (a leaf has a handful of deductions), so the
/// quadratic table is cheap. Between two equal items, an item is taken as the edited version
/// of a base item when `similar` says so (same reason, same title …); without any such pair the
/// leftovers pair up by position.
pub fn align<T: PartialEq + Clone>(
    base: &[T],
    side: &[T],
    similar: impl Fn(&T, &T) -> bool,
) -> Align<T> {
    let (n, m) = (base.len(), side.len());
    // lcs[i][j]: length of the common subsequence of base[i..] and side[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if base[i] == side[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut matches = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if base[i] == side[j] {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    matches.push((n, m));
    let mut out = Align {
        slots: vec![Slot::Kept; n],
        adds: vec![Vec::new(); n + 1],
    };
    let (mut bi, mut sj) = (0, 0);
    for (mi, mj) in matches {
        // The gap base[bi..mi] / side[sj..mj]: similar items in order are edits of each other.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut next = sj;
        for (k, item) in base.iter().enumerate().take(mi).skip(bi) {
            if let Some(j) = (next..mj).find(|&j| similar(item, &side[j])) {
                pairs.push((k, j));
                next = j + 1;
            }
        }
        if pairs.is_empty() {
            // Nothing alike: what took a removed item's place is its replacement.
            let n = (mi - bi).min(mj - sj);
            pairs = (0..n).map(|k| (bi + k, sj + k)).collect();
        }
        let mut j = sj;
        for k in bi..mi {
            match pairs.iter().find(|(pk, _)| *pk == k) {
                Some(&(_, pj)) => {
                    out.adds[k].extend(side[j..pj].iter().cloned());
                    out.slots[k] = Slot::Replaced(side[pj].clone());
                    j = pj + 1;
                }
                None => out.slots[k] = Slot::Removed,
            }
        }
        out.adds[mi].extend(side[j..mj].iter().cloned());
        bi = mi + 1;
        sj = mj + 1;
    }
    out
}

/// One step of the merged list, as it changes the list of the document being built on.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<T> {
    /// Set the item at `index` of the document's list from `from` to `to` (absent = insert or
    /// remove there).
    Change {
        index: usize,
        from: Option<T>,
        to: Option<T>,
    },
    /// Both sides changed the same base item differently: `index` is where ours' version sits
    /// (or would be inserted) in the merged list.
    Conflict {
        index: usize,
        ours: Option<T>,
        theirs: Option<T>,
    },
}

/// Merges the other side's changes into the list of the document built on (`doc`). Conflicts
/// end with ours' version in the list; `ours_is_other` says which side that is.
pub fn merge<T: PartialEq + Clone>(
    base: &[T],
    doc: &Align<T>,
    other: &Align<T>,
    ours_is_other: bool,
) -> Vec<Step<T>> {
    let mut steps = Vec::new();
    let mut cursor = 0;
    for k in 0..=base.len() {
        cursor += doc.adds[k].len();
        // An item both sides added in the same place is one addition, not two.
        let mut doc_adds: Vec<&T> = doc.adds[k].iter().collect();
        for item in &other.adds[k] {
            if let Some(p) = doc_adds.iter().position(|d| *d == item) {
                doc_adds.remove(p);
                continue;
            }
            steps.push(Step::Change {
                index: cursor,
                from: None,
                to: Some(item.clone()),
            });
            cursor += 1;
        }
        if k == base.len() {
            break;
        }
        let value = |s: &Slot<T>| match s {
            Slot::Kept => Some(base[k].clone()),
            Slot::Removed => None,
            Slot::Replaced(x) => Some(x.clone()),
        };
        let (d, x) = (&doc.slots[k], &other.slots[k]);
        let before = steps.len();
        let (dv, xv) = (value(d), value(x));
        match (d, x) {
            (_, Slot::Kept) | (Slot::Removed, Slot::Removed) => {}
            (Slot::Replaced(a), Slot::Replaced(b)) if a == b => {}
            (Slot::Kept, _) => steps.push(Step::Change {
                index: cursor,
                from: dv.clone(),
                to: xv.clone(),
            }),
            _ => {
                let (ours, theirs) = if ours_is_other {
                    (xv.clone(), dv.clone())
                } else {
                    (dv.clone(), xv.clone())
                };
                if ours_is_other {
                    steps.push(Step::Change {
                        index: cursor,
                        from: dv.clone(),
                        to: xv.clone(),
                    });
                }
                steps.push(Step::Conflict {
                    index: cursor,
                    ours,
                    theirs,
                });
            }
        }
        // What now sits at the cursor: the doc's item unless the other side removed it, or
        // ours' version of a conflict.
        let present = match steps[before..].last() {
            Some(Step::Change { to, .. }) => to.is_some(),
            Some(Step::Conflict { ours, .. }) => ours.is_some(),
            None => dv.is_some(),
        };
        if present {
            cursor += 1;
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(base: &[&str], ours: &[&str], theirs: &[&str]) -> (Vec<String>, usize) {
        let to = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (b, o, t) = (to(base), to(ours), to(theirs));
        let alike = |x: &String, y: &String| x.chars().next() == y.chars().next();
        let steps = merge(&b, &align(&b, &t, alike), &align(&b, &o, alike), true);
        let mut list = t.clone();
        let mut conflicts = 0;
        for s in steps {
            match s {
                Step::Change { index, from, to } => match (from, to) {
                    (Some(_), Some(x)) => list[index] = x,
                    (None, Some(x)) => list.insert(index, x),
                    (Some(_), None) => {
                        list.remove(index);
                    }
                    (None, None) => {}
                },
                Step::Conflict { index, ours, .. } => {
                    conflicts += 1;
                    if let Some(o) = ours {
                        assert_eq!(list[index], o);
                    }
                }
            }
        }
        (list, conflicts)
    }

    #[test]
    fn additions_of_both_sides_are_all_kept_and_a_common_one_once() {
        assert_eq!(
            merged(&["a"], &["a", "o"], &["a", "t"]),
            (vec!["a".into(), "t".into(), "o".into()], 0)
        );
        assert_eq!(
            merged(&["a"], &["a", "x"], &["a", "x"]),
            (vec!["a".into(), "x".into()], 0)
        );
    }

    #[test]
    fn a_removal_and_an_edit_elsewhere_both_happen() {
        assert_eq!(
            merged(&["a", "b", "c"], &["b", "c"], &["a", "b", "C"]),
            (vec!["b".into(), "C".into()], 0)
        );
    }

    #[test]
    fn the_same_item_changed_differently_or_removed_and_changed_conflicts_with_ours_kept() {
        assert_eq!(
            merged(&["a", "b"], &["A1", "b"], &["A2", "b"]),
            (vec!["A1".into(), "b".into()], 1)
        );
        assert_eq!(
            merged(&["a", "b"], &["b"], &["A2", "b"]),
            (vec!["b".into()], 1)
        );
        assert_eq!(
            merged(&["a", "b"], &["A1", "b"], &["b"]),
            (vec!["A1".into(), "b".into()], 1)
        );
    }
}
