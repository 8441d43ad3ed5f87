//! What formatting changes in a file, as a short unified diff: the first hunks, with two lines
//! of context, for `akkoord fmt --check`.

use std::fmt::Write as _;

/// Lines of context around a change.
const CONTEXT: usize = 2;

/// At most this many hunks are shown; a last line says how many more there are.
const MAX_HUNKS: usize = 3;

/// Above this many line pairs the changed middle is shown as one hunk instead of compared
/// line by line.
const MAX_CELLS: usize = 4_000_000;

/// The difference between `old` and `new` as a unified diff of `path`: the first three hunks,
/// and how many more there are; empty when they are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = edits(&a, &b);
    let hunks = hunks(&ops);
    if hunks.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {path}\n+++ {path}\n");
    for hunk in hunks.iter().take(MAX_HUNKS) {
        let (old_start, new_start) = (
            hunk.first().map_or(0, |o| o.1),
            hunk.first().map_or(0, |o| o.2),
        );
        let old_len = hunk.iter().filter(|o| o.0 != Op::Add).count();
        let new_len = hunk.iter().filter(|o| o.0 != Op::Del).count();
        let _ = writeln!(
            out,
            "@@ -{},{old_len} +{},{new_len} @@",
            old_start + 1,
            new_start + 1
        );
        for &(op, i, j) in hunk {
            let _ = match op {
                Op::Keep => writeln!(out, " {}", a.get(i).unwrap_or(&"")),
                Op::Del => writeln!(out, "-{}", a.get(i).unwrap_or(&"")),
                Op::Add => writeln!(out, "+{}", b.get(j).unwrap_or(&"")),
            };
        }
    }
    if hunks.len() > MAX_HUNKS {
        let _ = writeln!(out, "@@ … {} @@", hunks.len() - MAX_HUNKS);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Keep,
    Del,
    Add,
}

/// The edit script from `a` to `b`: each step with the line numbers it is at in both.
fn edits(a: &[&str], b: &[&str]) -> Vec<(Op, usize, usize)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Op, usize, usize)> = (0..prefix).map(|i| (Op::Keep, i, i)).collect();
    if ma.len().saturating_mul(mb.len()) <= MAX_CELLS {
        middle(ma, mb, prefix, &mut ops);
    } else {
        ops.extend((0..ma.len()).map(|i| (Op::Del, prefix + i, prefix)));
        ops.extend((0..mb.len()).map(|j| (Op::Add, prefix + ma.len(), prefix + j)));
    }
    let (da, db) = (a.len() - suffix, b.len() - suffix);
    ops.extend((0..suffix).map(|k| (Op::Keep, da + k, db + k)));
    ops
}

/// The changed middle, by longest common subsequence.
fn middle(a: &[&str], b: &[&str], offset: usize, ops: &mut Vec<(Op, usize, usize)>) {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * (m + 1) + j] = if a[i] == b[j] {
                lcs[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((Op::Keep, offset + i, offset + j));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
            ops.push((Op::Del, offset + i, offset + j));
            i += 1;
        } else {
            ops.push((Op::Add, offset + i, offset + j));
            j += 1;
        }
    }
}

/// The changes, each with up to [`CONTEXT`] unchanged lines around it; changes that close
/// together share a hunk.
fn hunks(ops: &[(Op, usize, usize)]) -> Vec<Vec<(Op, usize, usize)>> {
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != Op::Keep).collect();
    let mut out: Vec<Vec<(Op, usize, usize)>> = Vec::new();
    let mut last_end = 0;
    for &k in &changed {
        let from = k.saturating_sub(CONTEXT);
        let to = (k + CONTEXT + 1).min(ops.len());
        match out.last_mut() {
            Some(hunk) if from <= last_end => {
                hunk.extend_from_slice(&ops[last_end..to.max(last_end)])
            }
            _ => out.push(ops[from..to].to_vec()),
        }
        last_end = to.max(last_end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_is_shown_with_its_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let new = "a\nb\nc\nD\ne\nf\ng\n";
        assert_eq!(
            unified_diff("x.akk", old, new),
            "--- x.akk\n+++ x.akk\n@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n"
        );
    }

    #[test]
    fn a_joined_line_shows_as_two_removed_and_one_added() {
        let diff = unified_diff("x.akk", "a\nb\nc\n", "a b\nc\n");
        assert_eq!(
            diff,
            "--- x.akk\n+++ x.akk\n@@ -1,3 +1,2 @@\n-a\n-b\n+a b\n c\n"
        );
    }

    #[test]
    fn the_same_text_has_no_diff() {
        assert_eq!(unified_diff("x.akk", "a\n", "a\n"), "");
    }
}
